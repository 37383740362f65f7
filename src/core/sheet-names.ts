// Sheet names that only differ in case, full- or half-width forms or spaces at either end
// ("Sheet1" and "sheet1", "２０２２年" and "2022年"). Excel refuses such names, but a file written by
// another program can have them; findings locate cells by sheet name, so each such pair is a
// warning that says a location may point at the other sheet.
import type { Finding } from './types';

// The sheets the add-in reads and writes besides the user's, by name: defined here once, for the
// engine, every host and the pane (this module imports nothing but types, so any bundle may load it).
/** Findings written into the workbook. */
export const RESULT_SHEET = '校验结果';
/** Rules the user writes (read by core/rules; created by the hosts). */
export const RULES_SHEET = '校验规则';
/** The user's 核实说明 of findings (core/explanations.ts). */
export const EXPLANATIONS_SHEET = '校验说明';
/** The user's corrections of how a sheet was read (core/layout/corrections.ts). */
export const STRUCTURE_SHEET = '结构';
/** The default name of an inserted summary table's sheet. */
export const SUMMARY_SHEET = '汇总表';

/**
 * A sheet name not in `taken` (case-insensitive, as Excel compares): base, then base(2), base(3)…,
 * with the characters Excel refuses in a name (\ / ? * [ ] :) made _ and at most 31 characters.
 */
export function freeSheetName(taken: Iterable<string>, base: string): string {
  const clean = base.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || SUMMARY_SHEET;
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  if (!used.has(clean.toLowerCase())) return clean;
  for (let i = 2; ; i++) {
    const suffix = `(${i})`;
    const name = clean.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** The form two sheet names share when Excel would take them for the same name. */
export function sheetNameKey(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

/** A warning for each sheet whose name collides with an earlier one's. */
export function sheetNameCollisions(names: string[]): Finding[] {
  const first = new Map<string, string>();
  const out: Finding[] = [];
  for (const name of names) {
    const key = sheetNameKey(name);
    const earlier = first.get(key);
    if (earlier === undefined) {
      first.set(key, name);
      continue;
    }
    const same = earlier === name;
    out.push({
      ruleId: 'workbook.sheet-names-collide',
      severity: 'warning',
      cells: [{ sheet: name, address: 'A1' }],
      message: {
        'zh-CN': same
          ? `工作簿中有两个工作表都名为“${name}”（Excel 不允许这样命名，文件可能由其他程序生成）：按名称定位的单元格可能指向另一个工作表。请在 Excel 中重命名其中一个后再校验。`
          : `工作表名称“${name}”与“${earlier}”在忽略大小写、全角半角和首尾空格后相同（Excel 不允许这样命名，文件可能由其他程序生成）：按名称定位的单元格可能指向另一个工作表。请在 Excel 中重命名其中一个后再校验。`,
        'en-US': same
          ? `Two sheets are both named "${name}" (Excel does not allow this; another program may have written the file): a cell located by sheet name may be on the other sheet. Rename one of them in Excel, then check again.`
          : `The sheet names "${name}" and "${earlier}" are the same once case, full- and half-width forms and spaces at either end are ignored (Excel does not allow this; another program may have written the file): a cell located by sheet name may be on the other sheet. Rename one of them in Excel, then check again.`,
      },
    });
  }
  return out;
}
