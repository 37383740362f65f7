// Sheet names that only differ in case, full- or half-width forms or spaces at either end
// ("Sheet1" and "sheet1", "２０２２年" and "2022年"). Excel refuses such names, but a file written by
// another program can have them; findings locate cells by sheet name, so each such pair is a
// warning that says a location may point at the other sheet.
import { message } from './i18n';
import type { Finding } from './types';

// The sheets the add-in reads and writes besides the user's, by name: defined here once, for the
// engine, every host and the pane (this module imports nothing but types and the message packs,
// so any bundle may load it).
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
      message: same ? message('layout.sheet-names.same', { name }) : message('layout.sheet-names.alike', { name, earlier }),
    });
  }
  return out;
}
