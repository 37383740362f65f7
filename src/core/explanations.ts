// 核实说明: a user's explanation of a warning. Stored in the workbook, in the add-in's own sheet
// 校验说明, keyed by rule, cell and the values seen — so a changed value reopens the warning.
// Errors cannot be explained away.
import { BilingualError } from './errors';
import { message } from './i18n';
import type { CellValue, Finding, SheetGrid } from './types';

import { EXPLANATIONS_SHEET } from './sheet-names';

export { EXPLANATIONS_SHEET };
export const EXPLANATION_HEADER = ['键', '规则', '单元格', '数值', '说明', '时间'] as const;

export interface Explanation {
  key: string;
  ruleId: string;
  /** `Sheet!A1` of the finding's first cell. */
  cell: string;
  /** The values seen when the explanation was written, as text. */
  values: string;
  text: string;
  /** ISO time it was written. */
  at: string;
}

function valuesText(f: Finding): string {
  return (f.values ?? []).map((v) => (v === null ? '' : typeof v === 'number' ? String(Number(v.toPrecision(12))) : v)).join('|');
}

/** The key an explanation is stored under: rule, cell and values. */
export function explanationKey(f: Finding): string {
  const c = f.cells[0];
  return `${f.ruleId}@${c ? `${c.sheet}!${c.address}` : ''}@${f.period ?? ''}@${valuesText(f)}`;
}

export function canExplain(f: Finding): boolean {
  return f.severity !== 'error';
}

/** A new explanation for a finding; throws for an error finding. */
export function explain(f: Finding, text: string, at: Date = new Date()): Explanation {
  if (!canExplain(f)) throw new BilingualError(message('layout.explanation.not-for-errors'));
  const c = f.cells[0];
  return { key: explanationKey(f), ruleId: f.ruleId, cell: c ? `${c.sheet}!${c.address}` : '', values: valuesText(f), text: text.trim(), at: at.toISOString() };
}

/** Reads the 校验说明 sheet; rows without a key or text are ignored. */
export function explanationsFromGrid(grid: SheetGrid | undefined): Explanation[] {
  if (!grid) return [];
  const out: Explanation[] = [];
  const str = (v: CellValue | undefined) => (v === null || v === undefined ? '' : typeof v === 'object' ? v.error : String(v));
  grid.values.forEach((row, i) => {
    if (i === 0 && str(row[0]) === EXPLANATION_HEADER[0]) return;
    const [key, ruleId, cell, values, text, at] = [0, 1, 2, 3, 4, 5].map((j) => str(row[j]));
    if (key && text) out.push({ key, ruleId, cell, values, text, at });
  });
  return out;
}

/** The sheet's rows, header first; a later explanation for the same key replaces an earlier one. */
export function explanationRows(list: Explanation[]): string[][] {
  const byKey = new Map<string, Explanation>();
  for (const e of list) byKey.set(e.key, e);
  return [[...EXPLANATION_HEADER], ...[...byKey.values()].map((e) => [e.key, e.ruleId, e.cell, e.values, e.text, e.at])];
}

/** Copies explanation texts onto the warnings and infos they explain (same rule, cell, values). */
export function applyExplanations(findings: Finding[], list: Explanation[]): Finding[] {
  if (list.length === 0) return findings;
  const byKey = new Map(list.map((e) => [e.key, e]));
  return findings.map((f) => {
    const e = canExplain(f) ? byKey.get(explanationKey(f)) : undefined;
    return e ? { ...f, explanation: e.text } : f;
  });
}
