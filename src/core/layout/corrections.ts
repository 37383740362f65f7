// The user's corrections of how a sheet was read, kept in the workbook's 结构 sheet, so that a
// wrong reading can be fixed without code and the fix travels with the file:
//
//   工作表 | 操作   | 合计            | 组成项                 | 说明
//   指标表 | 合计组 | 行政处罚案件     | 警告、罚款、停产停业     | the parts of a total (by name or cell)
//   指标表 | 非合计 | B18             |                        | this row is not a total: its parts are not summed
//   汇总   | 不核对 | 全市合计         |                        | a detected group is switched off
//
// 工作表 may be left blank (every sheet). 合计 and 组成项 name rows by their label (matched like
// indicator names: spaces, full-width forms, 其中 and codes do not matter) or by the A1 address
// of the label cell; 组成项 are separated by 、,，;； or given as a range (B8:B10).
import { fromA1, toA1 } from '../a1';
import { message } from '../i18n';
import { indicatorKey } from '../names';
import type { Bilingual, CellValue, Finding, SheetGrid } from '../types';

/** The sheet the corrections are kept in. */
import { STRUCTURE_SHEET } from '../sheet-names';

export { STRUCTURE_SHEET };

export type FixAction = 'group' | 'not-total';

export interface StructureFix {
  /** Sheet the fix is for; undefined: every sheet. */
  sheet?: string;
  action: FixAction;
  total: string;
  parts: string[];
  /** 1-based row of the 结构 sheet, for messages. */
  line: number;
  /** Set when the fix matched a row of some sheet. */
  used: boolean;
}

const ACTIONS: Record<string, FixAction> = {
  合计组: 'group',
  组: 'group',
  group: 'group',
  非合计: 'not-total',
  不是合计: 'not-total',
  不核对: 'not-total',
  关闭: 'not-total',
  'not-total': 'not-total',
  off: 'not-total',
};

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v.error;
  return String(v).trim();
}

/** The header row's columns of the 结构 sheet. */
const COLUMNS: Record<string, keyof Omit<StructureFix, 'line' | 'used' | 'parts'> | 'parts' | 'note'> = {
  工作表: 'sheet',
  sheet: 'sheet',
  操作: 'action',
  action: 'action',
  合计: 'total',
  合计行: 'total',
  total: 'total',
  组成项: 'parts',
  其中: 'parts',
  parts: 'parts',
  说明: 'note',
  note: 'note',
};

/** The fixes of a 结构 sheet, and a finding for each row that cannot be understood. */
export function parseStructureSheet(grid: SheetGrid | undefined): { fixes: StructureFix[]; findings: Finding[] } {
  const fixes: StructureFix[] = [];
  const findings: Finding[] = [];
  if (!grid) return { fixes, findings };
  const headerAt = grid.values.findIndex((row) => row.some((v) => COLUMNS[text(v).toLowerCase()] === 'action'));
  if (headerAt < 0) {
    if (grid.values.some((r) => r.some((v) => text(v) !== ''))) findings.push(bad(grid, 0, message('layout.fix.no-action-column')));
    return { fixes, findings };
  }
  const cols = new Map<string, number>();
  grid.values[headerAt].forEach((v, c) => {
    const k = COLUMNS[text(v).toLowerCase()];
    if (k && !cols.has(k)) cols.set(k, c);
  });
  for (let r = headerAt + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? [];
    const get = (k: string) => (cols.has(k) ? text(row[cols.get(k) as number]) : '');
    const actionText = get('action');
    const total = get('total');
    if (!actionText && !total) continue;
    const action = ACTIONS[actionText.toLowerCase()];
    if (!action) {
      findings.push(bad(grid, r, message('layout.fix.unknown-action', { action: actionText })));
      continue;
    }
    if (!total) {
      findings.push(bad(grid, r, message('layout.fix.no-total')));
      continue;
    }
    const parts = splitParts(get('parts'));
    if (action === 'group' && parts.length === 0) {
      findings.push(bad(grid, r, message('layout.fix.group-needs-parts')));
      continue;
    }
    const sheet = get('sheet');
    fixes.push({ sheet: sheet || undefined, action, total, parts, line: grid.originRow + r + 1, used: false });
  }
  return { fixes, findings };
}

/** Parts as written: names and addresses separated by 、,，;；, or a range of one column (B8:B10). */
function splitParts(s: string): string[] {
  const out: string[] = [];
  for (const piece of s.split(/[、,，;；\n]+/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^([A-Z]{1,3})(\d+)\s*[:：]\s*([A-Z]{1,3})(\d+)$/i.exec(piece);
    if (m && m[1].toUpperCase() === m[3].toUpperCase()) {
      const a = Number(m[2]);
      const b = Number(m[4]);
      for (let k = Math.min(a, b); k <= Math.max(a, b) && out.length < 500; k++) out.push(`${m[1].toUpperCase()}${k}`);
    } else out.push(piece);
  }
  return out;
}

function bad(grid: SheetGrid, r: number, why: Bilingual): Finding {
  return {
    ruleId: 'structure.fix-invalid',
    severity: 'warning',
    cells: [{ sheet: grid.name, address: toA1(grid.originRow + r, grid.originCol) }],
    message: message('layout.fix.invalid', { row: grid.originRow + r + 1, why }),
  };
}

/** The fixes that concern a sheet. */
export function fixesFor(fixes: StructureFix[] | undefined, sheet: string): StructureFix[] {
  return fixes ? fixes.filter((f) => f.sheet === undefined || f.sheet === sheet) : [];
}

/**
 * Applies fixes to a list of parents (−1: none). `key(i)` is row i's indicator key and `address(i)`
 * the A1 address of its label cell (undefined when not known). Returns whether anything changed.
 */
export function applyFixes(fixes: StructureFix[], parents: Int32Array, key: (i: number) => string, address: (i: number) => string | undefined): boolean {
  let changed = false;
  const find = (spec: string): number[] => {
    const hits: number[] = [];
    const isCell = /^[A-Z]{1,3}\d+$/i.test(spec) && fromA1(spec.toUpperCase()) !== undefined;
    const k = isCell ? '' : indicatorKey(spec);
    for (let i = 0; i < parents.length; i++) if (isCell ? address(i) === spec.toUpperCase() : key(i) === k) hits.push(i);
    return hits;
  };
  for (const f of fixes) {
    const totals = find(f.total);
    if (totals.length === 0) continue;
    const t = totals[0];
    if (f.action === 'not-total') {
      for (let i = 0; i < parents.length; i++) if (parents[i] === t) parents[i] = parents[t];
      f.used = true;
      changed = true;
      continue;
    }
    const parts = f.parts.flatMap((p) => find(p).slice(0, 1)).filter((p) => p !== t);
    if (parts.length === 0) continue;
    // A part that is an ancestor of the total would make a loop: the total leaves it first.
    for (let a = parents[t]; a >= 0; a = parents[a]) {
      if (parts.includes(a)) {
        parents[t] = parents[a];
        break;
      }
    }
    for (const p of parts) parents[p] = t;
    f.used = true;
    changed = true;
  }
  return changed;
}

/** A finding for each fix that matched no row of any sheet. */
export function unusedFixFindings(fixes: StructureFix[]): Finding[] {
  return fixes
    .filter((f) => !f.used)
    .map((f) => ({
      ruleId: 'structure.fix-unused',
      severity: 'warning' as const,
      cells: [{ sheet: STRUCTURE_SHEET, address: `A${f.line}` }],
      message: message('layout.fix.unused', {
        row: f.line,
        where: f.sheet ? message('layout.fix.unused.in-sheet', { sheet: f.sheet }) : '',
        total: f.total,
        parts: f.action === 'group' ? message('layout.fix.unused.or-parts') : '',
      }),
    }));
}
