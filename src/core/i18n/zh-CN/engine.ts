// 引擎的消息：工作表怎样读取、版式的名称、进度。
// The engine's messages in Chinese: how sheets were read, layout names, progress.
export const engine = {
  'engine.sheet.skipped': '工作表“{sheet}”未识别为指标表（未找到“指标”列与年份列，或“地区/年份/指标/数值”列），已跳过。',
  'engine.sheet.empty': '工作表“{sheet}”为空，已跳过。',
  'engine.workbook.no-indicator-sheet': '工作簿中没有识别出指标表，未做任何校验（跳过的工作表：{sheets}）。指标表需要有“指标”列和年份列（如“2022年”），或“地区/年份/指标/数值”列；按年分表时工作表名中要有年份。',
  'engine.sheet.hidden': '该工作表已隐藏。',
  'engine.sheet.veryHidden': '该工作表已深度隐藏（在 Excel 中右键“取消隐藏”看不到，需在 VBA 中将 Visible 设为 xlSheetVisible）。',
  'engine.sheet.read': '工作表“{sheet}”按{layout}读取，共 {count} 个数值。',
  'engine.layout.wide': '宽表（年份为列）',
  'engine.layout.per-year': '单年表（工作表名为年份）',
  'engine.layout.long': '长表（地区/年份/指标/数值）',
  'engine.layout.cross-tab': '交叉表（{orientation}，{period}年）',
  'engine.layout.cross-tab.rows': '各地区为行、指标为列',
  'engine.layout.cross-tab.columns': '指标为行、各地区为列',
  'engine.layout.duplicate-year': '工作表“{sheet}”的年份列 {year} 重复（{cells}），只读取第一列。',
  'engine.layout.partial-period': '“{label}”只覆盖部分年度（{text}），不能当作全年数据与其他年份比较。',
  'engine.progress.read': '读取工作簿',
  'engine.progress.layout': '识别表格结构',
  'engine.progress.check': '执行校验',
  'engine.progress.history': '跨年与跨地区比较',
  'engine.progress.rules': '执行校验规则',
  'engine.progress.done': '完成',
} as const;
