// Message catalogue of the engine: one template per message id in each language.
// Placeholders are {name}; numbers are formatted by the caller.
import type { Bilingual } from './types';

const zhCN = {
  'sheet.skipped': '工作表“{sheet}”未识别为指标表（未找到“指标”列与年份列，或“地区/年份/指标/数值”列），已跳过。',
  'sheet.empty': '工作表“{sheet}”为空，已跳过。',
  'workbook.no-indicator-sheet': '工作簿中没有识别出指标表，未做任何校验（跳过的工作表：{sheetsZh}）。指标表需要有“指标”列和年份列（如“2022年”），或“地区/年份/指标/数值”列；按年分表时工作表名中要有年份。',
  'sheet.hidden': '该工作表已隐藏。',
  'sheet.veryHidden': '该工作表已深度隐藏（在 Excel 中右键“取消隐藏”看不到，需在 VBA 中将 Visible 设为 xlSheetVisible）。',
  'sheet.read': '工作表“{sheet}”按{layout}读取，共 {count} 个数值。',
  'layout.wide': '宽表（年份为列）',
  'layout.per-year': '单年表（工作表名为年份）',
  'layout.long': '长表（地区/年份/指标/数值）',
  'layout.cross-tab': '交叉表（{orientation}，{period}年）',
  'layout.cross-tab.rows': '各地区为行、指标为列',
  'layout.cross-tab.columns': '指标为行、各地区为列',
  'balance.entities': '“{indicator}”{total}为 {totalValue}，{parts}合计 {sum}，相差 {diff}：合计应等于各项之和。',
  'balance.entities.exceeds': '“{indicator}”{total}为 {totalValue}，{parts}合计 {sum}，超出 {diff}。各项之和不能大于合计。',
  'layout.duplicate-year': '工作表“{sheet}”的年份列 {year} 重复（{cells}），只读取第一列。',
  'layout.partial-period': '“{label}”只覆盖部分年度（{text}），不能当作全年数据与其他年份比较。',
  'value.excel-error': '“{indicator}”{period}是 Excel 错误值 {code}，无法校验。',
  'value.unreadable': '“{indicator}”{period}的值无法识别：“{text}”。',
  'value.formula-uncalculated': '“{indicator}”{period}是公式 {text}，文件中没有它的计算结果（保存文件的程序没有计算）。请在 Excel 中打开、保存后再校验。',
  'balance.exceeds': '“{total}”{period}为 {totalValue}，其中各项合计 {sum}，超出 {diff}。各项之和不能大于合计。',
  'balance.mismatch': '“{total}”{period}为 {totalValue}，其中各项合计 {sum}，相差 {diff}：合计应等于各项之和。',
  'balance.partial': '“{total}”{period}为 {totalValue}，列出的其中各项合计 {sum}，差 {diff}：是部分列举还是漏项？',
  'balance.part-exceeds': '其中项“{part}”{period}为 {value}，大于合计“{total}”{totalValue}。',
  'balance.approx': '“{total}”{period}的合计核对已跳过：{text} 是约数。',
  'balance.missing': '“{total}”{period}的合计核对已跳过：{missing} 缺少数值。',
  'balance.mixed-units': '“{total}”的其中各项单位不同（{units}），不能相加，未核对合计。',
  'rate.mandated': '“{indicator}”{period}应为 100%，实为 {value}。',
  'rate.approx': '“{indicator}”{period}是约数 {text}，未核对是否为 100%。',
  'range.count-negative': '“{indicator}”{period}为 {value}：数量不能为负数。',
  'range.count-integer': '“{indicator}”{period}为 {value}：数量应为整数。',
  'range.rate': '“{indicator}”{period}为 {value}：比率应在 0%～100% 之间。',
  'range.money-negative': '“{indicator}”{period}为 {value}：金额不能为负数。',
  'progress.read': '读取工作簿',
  'progress.layout': '识别表格结构',
  'progress.check': '执行校验',
  'progress.history': '跨年与跨地区比较',
  'progress.rules': '执行校验规则',
  'progress.done': '完成',
} as const;

export type MessageId = keyof typeof zhCN;

const enUS: Record<MessageId, string> = {
  'sheet.skipped': 'Sheet "{sheet}" is not an indicator sheet (no indicator column with year columns, nor region/year/indicator/value columns); skipped.',
  'sheet.empty': 'Sheet "{sheet}" is empty; skipped.',
  'workbook.no-indicator-sheet': 'No indicator sheet was recognised in the workbook, so nothing was checked (sheets skipped: {sheetsEn}). An indicator sheet needs an indicator column and year columns (e.g. "2022年"), or region/year/indicator/value columns; a sheet per year needs the year in its name.',
  'sheet.hidden': 'The sheet is hidden.',
  'sheet.veryHidden': 'The sheet is very hidden (Excel\'s Unhide does not list it; set Visible to xlSheetVisible in VBA).',
  'sheet.read': 'Sheet "{sheet}" read as {layout}: {count} values.',
  'layout.wide': 'a wide table (years as columns)',
  'layout.per-year': 'a one-year sheet (the sheet name is the year)',
  'layout.long': 'a long table (region/year/indicator/value)',
  'layout.cross-tab': 'a cross-tab ({orientation}, {period})',
  'layout.cross-tab.rows': 'districts as rows, indicators as columns',
  'layout.cross-tab.columns': 'indicators as rows, districts as columns',
  'balance.entities': '"{indicator}" in {total} is {totalValue} but {parts} add up to {sum}, a difference of {diff}: the total must equal the sum of its parts.',
  'balance.entities.exceeds': '"{indicator}" in {total} is {totalValue} but {parts} add up to {sum}, {diff} more. Parts can never exceed their total.',
  'layout.duplicate-year': 'Sheet "{sheet}" has the year column {year} more than once ({cells}); only the first is read.',
  'layout.partial-period': '"{label}" covers only part of a year ({text}); it is not compared with full years.',
  'value.excel-error': '"{indicator}" {period} is the Excel error {code}; it cannot be checked.',
  'value.unreadable': '"{indicator}" {period}: cannot read "{text}" as a number.',
  'value.formula-uncalculated': '"{indicator}" {period} is the formula {text}, saved without its result (the program that wrote the file did not calculate it). Open and save the file in Excel, then check again.',
  'balance.exceeds': '"{total}" {period} is {totalValue} but its parts add up to {sum}, {diff} more. Parts can never exceed their total.',
  'balance.mismatch': '"{total}" {period} is {totalValue} but its parts add up to {sum}, a difference of {diff}: the total must equal the sum of its parts.',
  'balance.partial': '"{total}" {period} is {totalValue}; the listed parts add up to {sum}, {diff} short: a partial list or a missing part?',
  'balance.part-exceeds': 'Part "{part}" {period} is {value}, more than its total "{total}" {totalValue}.',
  'balance.approx': 'Total check of "{total}" {period} skipped: {text} is an approximate figure.',
  'balance.missing': 'Total check of "{total}" {period} skipped: {missing} has no value.',
  'balance.mixed-units': 'The parts of "{total}" have different units ({units}) and cannot be added; the total was not checked.',
  'rate.mandated': '"{indicator}" {period} must be 100% but is {value}.',
  'rate.approx': '"{indicator}" {period} is approximate ({text}); not checked against 100%.',
  'range.count-negative': '"{indicator}" {period} is {value}: a count cannot be negative.',
  'range.count-integer': '"{indicator}" {period} is {value}: a count must be a whole number.',
  'range.rate': '"{indicator}" {period} is {value}: a rate must lie between 0% and 100%.',
  'range.money-negative': '"{indicator}" {period} is {value}: an amount of money cannot be negative.',
  'progress.read': 'Reading the workbook',
  'progress.layout': 'Recognising the tables',
  'progress.check': 'Running the checks',
  'progress.history': 'Comparing years and districts',
  'progress.rules': 'Running the rules',
  'progress.done': 'Done',
};

export type Params = Record<string, string | number | Bilingual | undefined>;

/** Longest text a message quotes from a cell or label; longer text is cut (a cell may hold 32,767 characters). */
export const MAX_QUOTED = 500;

/** `text`, or its first MAX_QUOTED characters and how long it is. */
function clip(text: string, lang: 'zh-CN' | 'en-US'): string {
  if (text.length <= MAX_QUOTED) return text;
  const cut = text.slice(0, MAX_QUOTED).replace(/[\uD800-\uDBFF]$/, '');
  return lang === 'zh-CN' ? `${cut}…（共 ${text.length} 字）` : `${cut}… (${text.length} characters)`;
}

function fill(template: string, params: Params, lang: 'zh-CN' | 'en-US'): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    if (v === undefined) return whole;
    return clip(typeof v === 'object' ? v[lang] : String(v), lang);
  });
}

/** Renders a message in both languages. A parameter may itself be bilingual. */
export function msg(id: MessageId, params: Params = {}): Bilingual {
  return { 'zh-CN': fill(zhCN[id], params, 'zh-CN'), 'en-US': fill(enUS[id], params, 'en-US') };
}

/** A period label: `2022年` / `2022`. Empty when there is no period. */
export function periodLabel(period: string | undefined): Bilingual {
  if (!period) return { 'zh-CN': '', 'en-US': '' };
  return { 'zh-CN': `${period}年`, 'en-US': `(${period})` };
}
