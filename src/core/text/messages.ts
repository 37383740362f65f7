// Message catalogue of the prose checks (报告文本): one template per message id in each language.
// Placeholders are {name}; numbers are formatted by the caller. Same pattern as ../messages.ts.
import type { Bilingual } from '../types';

const zhCN = {
  'text.claim-exceeds':
    '第{line}行：“{total}”为 {totalValue}，其中各项合计 {sum}，超出 {diff}。各项之和不能大于合计。原文：“{text}”',
  'text.claim-short':
    '第{line}行：“{total}”为 {totalValue}，列出的各项合计 {sum}，差 {diff}；原文说明各项已列全（“{wording}”），合计应等于各项之和。原文：“{text}”',
  'text.claim-partial':
    '第{line}行：“{total}”为 {totalValue}，其中列出的各项合计 {sum}，差 {diff}：是部分列举还是漏项？原文：“{text}”',
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
  'text.note-subset': '前列各项 {lead} 已等于合计 {total}，其后的“{rest}”按另一口径统计，与前列各项重叠，不计入核对。',
  'text.note-subset-unsure': '前列各项 {lead} 已等于合计 {total}，其后的“{rest}”可能按另一口径统计、与前列各项重叠，请核实。',
  'text.note-units': '各项单位不同（{units}），但之和与合计相符。',
  'text.note-info-items': '各项单位不同（{units}），均为公开的信息条目，按同一单位相加。',
  'text.note-compound': '合计取 {figures} = {total}（文中分两处写出）。',
  'text.note-selection': '“分别”前列的是选出的部分（如“最多的”），不是全部各项。',
} as const;

export type TextMessageId = keyof typeof zhCN;

const enUS: Record<TextMessageId, string> = {
  'text.claim-exceeds':
    'Line {line}: "{total}" is {totalValue} but its parts add up to {sum}, {diff} more. Parts can never exceed their total. Text: "{text}"',
  'text.claim-short':
    'Line {line}: "{total}" is {totalValue}; the listed parts add up to {sum}, {diff} short, although the wording says the list is complete ("{wording}"): the total must equal the sum of its parts. Text: "{text}"',
  'text.claim-partial':
    'Line {line}: "{total}" is {totalValue}; the parts listed after 其中 add up to {sum}, {diff} short: a partial list or a missing part? Text: "{text}"',
  'text.claim-overlap':
    'Line {line}: "{total}" is {totalValue} and its parts add up to {sum}, {diff} more; the excess comes from the additional-penalty item "{overlap}" (并处/同时), so the categories may overlap. Please verify. Text: "{text}"',
  'text.claim-subset':
    'Line {line}: "{total}" is {totalValue} and its parts add up to {sum}, {diff} more. {note} Text: "{text}"',
  'text.claim-mixed-units':
    'Line {line}: the parts of "{total}" have different units ({units}) and cannot be added; the total was not checked. Text: "{text}"',
  'text.claim-approx': 'Line {line}: total check of "{total}" skipped: {approx} is an approximate figure. Text: "{text}"',
  'text.repeated-figure':
    'The same indicator is stated with different values: line {line1} "{text1}" says {value1}, line {line2} "{text2}" says {value2}.',
  'text.sheet-mismatch': 'Line {line} "{text}" differs from "{indicator}" {period} in sheet "{sheet}" {cell} ({sheetValue}).',
  'text.share-mismatch':
    'Line {line}: "{label}" {part} is {computed} of {total}, but the text says {stated}: more than half a unit of its last digit apart. Text: "{text}"',
  'text.share-forced':
    'Line {line}: "{label}" {part} is {computed} of {total}, but the text says {stated}; the stated shares add up to exactly 100 %, so they may have been adjusted to do so. Please verify. Text: "{text}"',
  'text.rate-mismatch':
    'Line {line}: {rate} should be {numerator} ÷ {denominator} = {computed}, but the text says {stated}: more than half a unit of its last digit apart. Text: "{text}"',
  'text.period-partial': 'The report covers {period} ("{text}"), not a whole year: its figures cannot be compared with full-year figures as they are.',
  'text.across-reports': 'Two reports disagree on "{indicator}" for {period}: "{report1}" line {line1} says {value1}, "{report2}" line {line2} says {value2}.',
  'text.across-reports-period': '"{indicator}" covers different periods in two reports, so it was not compared: "{report1}" line {line1} says {value1} for {period1}, "{report2}" line {line2} says {value2} for {period2}.',
  'text.note-subset': 'The first parts {lead} already make up the total {total}; "{rest}" after them count the same cases by another dimension and overlap them, so they are not added.',
  'text.note-subset-unsure': 'The first parts {lead} already make up the total {total}; "{rest}" after them may count the same cases by another dimension and overlap them. Please verify.',
  'text.note-units': 'The parts have different units ({units}) but add up to the total.',
  'text.note-info-items': 'The parts have different units ({units}); all count items of published information, so they are added as one unit.',
  'text.note-compound': 'The total is {figures} = {total} (written as two figures).',
  'text.note-selection': 'The list after 分别 is a selection (such as the largest ones), not every part.',
};

export type TextParams = Record<string, string | number | Bilingual | undefined>;

function fill(template: string, params: TextParams, lang: 'zh-CN' | 'en-US'): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    if (v === undefined) return whole;
    if (typeof v === 'object') return v[lang];
    return String(v);
  });
}

/** Renders a prose message in both languages. A parameter may itself be bilingual. */
export function textMsg(id: TextMessageId, params: TextParams = {}): Bilingual {
  return { 'zh-CN': fill(zhCN[id], params, 'zh-CN'), 'en-US': fill(enUS[id], params, 'en-US') };
}
