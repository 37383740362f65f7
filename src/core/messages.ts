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
  'layout.duplicate-year': '工作表“{sheet}”的年份列 {year} 重复（{cells}），只读取第一列。',
  'layout.partial-period': '“{label}”只覆盖部分年度（{text}），不能当作全年数据与其他年份比较。',
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
  'layout.duplicate-year': 'Sheet "{sheet}" has the year column {year} more than once ({cells}); only the first is read.',
  'layout.partial-period': '"{label}" covers only part of a year ({text}); it is not compared with full years.',
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

/** Templates split at their {name} placeholders (text, name, text, …, text), made once each. */
const splitTemplates = new Map<string, string[]>();

/**
 * Fills a template's {name} placeholders from `params` in one language: the one filler of every
 * message catalogue and check module. A bilingual parameter gives its text in that language; a
 * missing one keeps its placeholder, so the gap shows; quoted text is cut at MAX_QUOTED.
 */
export function fillTemplate(template: string, params: Params, lang: 'zh-CN' | 'en-US'): string {
  let parts = splitTemplates.get(template);
  if (!parts) splitTemplates.set(template, (parts = template.split(/\{(\w+)\}/)));
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const v = params[parts[i]];
    out += (v === undefined ? `{${parts[i]}}` : clip(typeof v === 'object' ? v[lang] : String(v), lang)) + parts[i + 1];
  }
  return out;
}

/** Renders a message in both languages. A parameter may itself be bilingual. */
export function msg(id: MessageId, params: Params = {}): Bilingual {
  return { 'zh-CN': fillTemplate(zhCN[id], params, 'zh-CN'), 'en-US': fillTemplate(enUS[id], params, 'en-US') };
}

/** A period label: `2022年` / `2022`. Empty when there is no period. */
export function periodLabel(period: string | undefined): Bilingual {
  if (!period) return { 'zh-CN': '', 'en-US': '' };
  return { 'zh-CN': `${period}年`, 'en-US': `(${period})` };
}
