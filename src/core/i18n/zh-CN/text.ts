// 报告文本（prose）校验的消息：合计与各项、占比与比率、前后数字、报告期、与工作表和其他报告的比较。
// Messages of report prose (src/core/text), in Chinese. Numbers are formatted by the caller.
export const text = {
  'text.claim-exceeds':
    '第{line}行：“{total}”为 {totalValue}，其中各项合计 {sum}，超出 {diff}。各项之和不能大于合计。原文：“{text}”',
  'text.claim-short':
    '第{line}行：“{total}”为 {totalValue}，列出的各项合计 {sum}，差 {diff}；原文说明各项已列全（“{wording}”），合计应等于各项之和。原文：“{text}”',
  'text.form-mismatch':
    '第{line}行：政府信息公开年度报告的表格中，“{total}”填的是 {totalValue}，按表格自身的勾稽关系应等于 {parts} 之和 {sum}，{direction} {diff}。',
  'text.claim-partial':
    '第{line}行：“{total}”为 {totalValue}，所列各项合计 {sum}，差 {diff}：是部分列举还是漏项？原文：“{text}”',
  'text.claim-overlap':
    '第{line}行：“{total}”为 {totalValue}，各项合计 {sum}，超出 {diff}；超出部分来自并处/同时项“{overlap}”，类别可能重叠，请核实。原文：“{text}”',
  'text.claim-subset':
    '第{line}行：“{total}”为 {totalValue}，各项合计 {sum}，超出 {diff}；{note}原文：“{text}”',
  'text.claim-mixed-units':
    '第{line}行：“{total}”的其中各项单位不同（{units}），不能相加，未核对合计。原文：“{text}”',
  'text.claim-approx': '第{line}行：“{total}”的合计核对已跳过：{approx} 是约数。原文：“{text}”',
  'text.repeated-figure':
    '同一指标前后数值不一致：第{line1}行“{text1}”为 {value1}，第{line2}行“{text2}”为 {value2}。',
  'text.sheet-mismatch': '第{line}行“{text}”与工作表“{sheet}”{cell} 的“{indicator}”{period}（{sheetValue}）不一致。',
  'text.share-mismatch':
    '第{line}行：“{label}”{part} 占 {total} 的 {computed}，文中写作 {stated}，相差超过末位半个单位。原文：“{text}”',
  'text.share-forced':
    '第{line}行：“{label}”{part} 占 {total} 的 {computed}，文中写作 {stated}；各项占比合计恰为100%，可能是为凑整调整过，请核实。原文：“{text}”',
  'text.rate-mismatch':
    '第{line}行：{rate} 应为 {numerator} ÷ {denominator} = {computed}，文中写作 {stated}，相差超过末位半个单位。原文：“{text}”',
  'text.period-partial': '报告期为{period}（“{text}”），不是全年：文中数字不能与全年数据直接比较。',
  'text.across-reports': '两份报告的“{indicator}”{period}不一致：“{report1}”第{line1}行为 {value1}，“{report2}”第{line2}行为 {value2}。',
  'text.across-reports-period': '“{indicator}”在两份报告中期间不同，未比较：“{report1}”第{line1}行为{period1} {value1}，“{report2}”第{line2}行为{period2} {value2}。',
  'text.note-stages': '{stages}是案件办理的先后环节，后一环节的案件包含在前一环节之中，各项不相加，不与 {total} 核对。',
  'text.note-apart': '其余各项之和已等于合计 {total}；“{rest}”是另计或并处的数字，不计入核对。',
  'text.note-channels': '“{channel}”已等于合计 {total}，各渠道发布的是同一批信息，重复计数，不相加。',
  'text.note-subset': '前列各项 {lead} 已等于合计 {total}，其后的“{rest}”按另一口径统计，与前列各项重叠，不计入核对。',
  'text.note-outcome': '“{outcome}”是合计 {total} 中办理结果的计数，与“{other}”按不同口径统计，两者可能重叠，请核实。',
  'text.note-second-breakdown': '合计 {total} 已由前一组分项恰好构成；这一组是按另一口径的再次细分，各项可能重叠，请核实。',
  'text.note-share-sum': '各项占比相加为 {sum}，{count} 项占比各自四舍五入，与 100% 相符。',
  'text.note-subset-unsure': '前列各项 {lead} 已等于合计 {total}，其后的“{rest}”可能按另一口径统计、与前列各项重叠，请核实。',
  'text.note-units': '各项单位不同（{units}），但之和与合计相符。',
  'text.note-info-items': '各项单位不同（{units}），均为公开的信息条目，按同一单位相加。',
  'text.note-compound': '合计取 {figures} = {total}（文中分两处写出）。',
  'text.note-form-others': '{named} 等 {count} 项',
  'text.note-form-more': '各项多出',
  'text.note-form-short': '各项少了',
  'text.note-selection': '“分别”前列的是选出的部分（如“最多的”），不是全部各项。',
} as const;
