// Marks are conditional formats the add-in adds and later finds again by a marker inside the
// rule formula. The marker is the contract between applyMarks and clearMarks: it survives save
// and reopen (it is part of the .xlsx), so clearing never depends on memory.
//
// The rule formula is `=N("指标校验:error")=0`: N() of a text returns 0, so the rule is always
// TRUE and the format always shows; the string literal carries the marker. It has no cell
// references, so it means the same in every cell it applies to and survives copy/paste. (No bare
// TRUE literal either, so other formula engines, e.g. HyperFormula in the tests, parse it too.)
import type { Finding, Severity } from '../../core/types';
import { type CellPos, type Rect, firstCellOf, mergeCellsIntoRuns } from './a1';

export const MARKER_PREFIX = '指标校验:';

const MARKER_RE = /N\("指标校验:(error|warning|info)"\)/;

export function markFormula(severity: Severity): string {
  return `=N("${MARKER_PREFIX}${severity}")=0`;
}

/**
 * A custom rule with no formula can only be one of our marks whose batch failed between
 * ConditionalFormatCollection.add('Custom') and setting its formula (Excel's own dialogs do not
 * make a custom rule without one). It formats nothing; it is found and deleted like our marks.
 */
export function isUnfinishedMark(formula: string | null | undefined): boolean {
  return formula === null || formula === undefined || formula.trim() === '' || formula.trim() === '=';
}

/** The severity of one of our mark rules, or null when the formula is not ours. */
export function markSeverity(formula: string | null | undefined): Severity | null {
  if (!formula) return null;
  const m = MARKER_RE.exec(formula);
  return m ? (m[1] as Severity) : null;
}

export interface MarkStyle {
  fill: string;
  font?: string;
}

/** Excel's own "Bad" / "Neutral"-fill / light-blue palette. */
export const MARK_STYLES: Record<Severity, MarkStyle> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C' },
  info: { fill: '#DDEBF7' },
};

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export interface MarkGroup {
  /** The sheet's name as Excel spells it. */
  sheet: string;
  severity: Severity;
  /** Cells merged into vertical runs. */
  runs: Rect[];
}

export interface MarkGrouping {
  groups: MarkGroup[];
  /** Findings whose first cell is on no existing sheet or is not a cell address. */
  skipped: Finding[];
}

/**
 * Groups the first cell of each finding per (sheet, severity). A cell named by several findings
 * gets only the most severe mark, so each cell sits in exactly one of our rules. Sheet names are
 * matched case-insensitively, as Excel does.
 */
export function groupMarks(findings: Finding[], sheetNames: string[]): MarkGrouping {
  const byLower = new Map<string, string>();
  for (const n of sheetNames) byLower.set(n.toLowerCase(), n);

  const best = new Map<string, Map<string, { pos: CellPos; severity: Severity }>>();
  const skipped: Finding[] = [];
  for (const f of findings) {
    const ref = f.cells[0];
    const sheet = ref ? byLower.get(ref.sheet.toLowerCase()) : undefined;
    const pos = ref ? firstCellOf(ref.address) : null;
    if (!sheet || !pos) {
      skipped.push(f);
      continue;
    }
    let cells = best.get(sheet);
    if (!cells) best.set(sheet, (cells = new Map()));
    const key = `${pos.row},${pos.col}`;
    const prev = cells.get(key);
    if (!prev || RANK[f.severity] > RANK[prev.severity]) cells.set(key, { pos, severity: f.severity });
  }

  const groups: MarkGroup[] = [];
  for (const [sheet, cells] of best) {
    for (const severity of ['error', 'warning', 'info'] as const) {
      const pos = [...cells.values()].filter((c) => c.severity === severity).map((c) => c.pos);
      if (pos.length > 0) groups.push({ sheet, severity, runs: mergeCellsIntoRuns(pos) });
    }
  }
  return { groups, skipped };
}
