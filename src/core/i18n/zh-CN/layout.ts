// 读取工作表的消息：版式、表头、数值与单位、数据区、工作表名称、结构表的更正、结构说明。
// Messages of reading sheets: layouts, headers, values and units, regions, corrections, explanations (src/core other than checks, rules, history, report, text), in Chinese.
export const layout = {
  // A period as a label (core/messages.ts periodLabel).
  'layout.period': '{period}年',
  'layout.list.sep': '、',

  // Cell values that are not numbers (values.ts).
  'layout.value.unreadable': '无法识别的数值“{text}”',
  'layout.value.out-of-range': '数值“{text}”超出可计算的范围',
  'layout.value.nan': '数值无效（NaN）',
  'layout.value.infinite': '数值无穷大（{text}）',
  'layout.value.logical': '逻辑值 {text} 不是数值',
  'layout.value.date': '日期 {text} 不是数值',

  // The data region of a sheet (region.ts).
  'layout.far-cells': '工作表“{sheet}”在 {places}有 {count} 个远离数据区（{data}）的单元格，已忽略；如需校验请移到表格内。',
  'layout.far-cells.places': '{list} 处',
  'layout.far-cells.places-more': '{list} 等处',
  'layout.too-large':
    '工作表“{sheet}”的数据区 {where} 共 {area} 个单元格{nonEmpty}，超过一次可校验的上限 {limit} 个，未校验。请删除数据区以外误填的内容（选中多余的行或列，右键“删除”），或把数据拆分到几个工作表后再校验。',
  'layout.too-large.non-empty': '（其中非空 {count} 个）',

  // Sheet names Excel would take for one (sheet-names.ts).
  'layout.sheet-names.same':
    '工作簿中有两个工作表都名为“{name}”（Excel 不允许这样命名，文件可能由其他程序生成）：按名称定位的单元格可能指向另一个工作表。请在 Excel 中重命名其中一个后再校验。',
  'layout.sheet-names.alike':
    '工作表名称“{name}”与“{earlier}”在忽略大小写、全角半角和首尾空格后相同（Excel 不允许这样命名，文件可能由其他程序生成）：按名称定位的单元格可能指向另一个工作表。请在 Excel 中重命名其中一个后再校验。',

  // 核实说明 (explanations.ts).
  'layout.explanation.not-for-errors': '错误不能通过说明消除',

  // Indicators listed twice (layout/sheet-reader.ts).
  'layout.duplicates': '工作表“{sheet}”中有重复的指标：{list}{more}。请删除重复行或确认各行数据。',
  'layout.duplicates.item': '“{label}”（{cells}）',
  'layout.duplicates.sep': '；',
  'layout.duplicates.more': '；另有 {count} 项',

  // The user's corrections in the 结构 sheet (layout/corrections.ts).
  'layout.fix.invalid': '结构表第 {row} 行未采用：{why}。',
  'layout.fix.no-action-column': '没有“操作”列（表头应为：工作表 | 操作 | 合计 | 组成项 | 说明）',
  'layout.fix.unknown-action': '操作“{action}”无法识别（可用：合计组、非合计、不核对）',
  'layout.fix.no-total': '没有填写“合计”（合计行的名称或单元格）',
  'layout.fix.group-needs-parts': '“合计组”需要填写“组成项”',
  'layout.fix.unused': '结构表第 {row} 行没有对应的行：{where}找不到“{total}”{parts}。',
  'layout.fix.unused.in-sheet': '工作表“{sheet}”中',
  'layout.fix.unused.or-parts': '或其组成项',

  // Cross-tabs: where the period was found, rows and columns left out (layout/crosstab.ts, read-crosstab.ts).
  'layout.from.sheet-name': '工作表名“{sheet}”',
  'layout.from.the-sheet-name': '工作表名',
  'layout.from.title': '标题“{title}”',
  'layout.from.column-headers': '列标题中的年份',
  'layout.ignored.unit-column': '单位列（{cell}）',
  'layout.ignored.number-column': '序号列（{cell}）',
  'layout.ignored.not-data': '“{label}”不是待核对的数据（增减、排名、备注等）',
  'layout.ignored.text-column': '“{label}”列是文字，不是数值',
  'layout.ignored.notes-line': '注释行：{text}',
  'layout.ignored.unnamed-row': '没有名称的行',
  'layout.ignored.part-year': '“{label}”只覆盖部分年度，不与全年数据一起核对',
  'layout.ignored.not-year': '“{label}”不是年份列',
  'layout.crosstab.part-year': '工作表“{sheet}”只覆盖部分年度（{period}），不能当作全年数据与其他年份比较。',

  // What was understood of each sheet (layout/explain.ts, explain-text.ts: --explain, the 结构 tab).
  'layout.explain.shape': '形状',
  'layout.explain.header-rows': '表头行',
  'layout.explain.axis.rows': '行',
  'layout.explain.axis.columns': '列',
  'layout.explain.group': '合计组',
  'layout.explain.ignored': '未读取',
  'layout.explain.total-mark': '（合计）',
  'layout.explain.holds.indicators': '指标',
  'layout.explain.holds.periods': '期间',
  'layout.explain.holds.entities': '地区/单位',
  'layout.explain.direction.rows': '按行',
  'layout.explain.direction.columns': '按列',
  'layout.explain.direction.entities': '跨地区',
  'layout.explain.scope.each-indicator': '每个指标',
  'layout.explain.scope.each-district': '每个地区',
  'layout.explain.scope.each-district-year': '每个地区和年份',
  'layout.explain.scope.each-year-column': '每个年份列',
  'layout.explain.row': '第 {row} 行',
  'layout.explain.column': '{column} 列',
} as const;
