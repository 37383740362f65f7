// The data the summary templates read: indicator series (one indicator across entities and
// periods) grouped by source table, and the status of cells from the findings.
import type { WorkbookModel } from '../checks/context';
import type { IndicatorRow, Observation, ValueKind } from '../model';
import { normalizeName } from '../names';
import type { Finding, LayoutKind, Severity, WorkbookSnapshot } from '../types';
import { unitScale } from '../units';
import { joinList, reportMessage } from './messages';
import { ReportError, type CellStatus } from './table-spec';

/** One indicator of a source table, over every entity and period. */
export interface IndicatorSeries {
  /** Keys of the ancestors and of the indicator, joined by '/': tells 其中 rows of different totals apart. */
  path: string;
  key: string;
  /** The label as shown: without 其中： and leading spaces. */
  label: string;
  /** Unit of the shown values (base unit: 元 for 万元 rows; % for rates). */
  unit: string;
  kind: ValueKind;
  /** 0 for a top-level indicator. */
  depth: number;
  rows: IndicatorRow[];
  /** Observations by `${entity}\u0000${period}`. */
  obs: Map<string, Observation>;
  /** Paths of the breakdown rows, in sheet order. */
  children: string[];
}

/** The sheets that form one table: a wide sheet, a long sheet, or all one-year sheets together. */
export interface SeriesGroup {
  sheets: string[];
  layout: LayoutKind;
  /** Series by path, in sheet order. */
  series: Map<string, IndicatorSeries>;
  entities: string[];
  periods: string[];
}

/** What the templates need: the engine's model and the findings of a check run. */
export interface SummaryInput {
  model: WorkbookModel;
  findings: Finding[];
  /** Workbook (file) name for the source line. */
  workbook?: string;
}

const obsKey = (entity: string, period: string) => `${entity}\u0000${period}`;

export function observation(s: IndicatorSeries, entity: string, period: string): Observation | undefined {
  return s.obs.get(obsKey(entity, period));
}

/** A label for display: no 其中：, no leading/trailing (full-width) spaces. */
export function displayLabel(label: string): string {
  return label
    .replace(/^[\s\u3000]+/, '')
    .replace(/^其中\s*[:：,，、]?\s*/, '')
    .replace(/[\s\u3000]+$/, '')
    .replace(/[:：]$/, '');
}

/** Sorts periods: years numerically, other texts after them. */
export function sortPeriods(periods: Iterable<string>): string[] {
  return [...new Set(periods)].sort((a, b) => {
    const x = Number(a);
    const y = Number(b);
    if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
    if (Number.isFinite(x)) return -1;
    if (Number.isFinite(y)) return 1;
    return a.localeCompare(b);
  });
}

function shownUnit(row: IndicatorRow, kind: ValueKind): string {
  if (kind === 'rate') return '%';
  if (kind === 'money') return '元';
  const { base } = unitScale(row.unit);
  return base;
}

/** Indicator series of every source table of the model, in workbook order. */
export function seriesGroups(model: WorkbookModel): SeriesGroup[] {
  const groups: SeriesGroup[] = [];
  let perYear: SeriesGroup | undefined;
  for (const sheet of model.sheets) {
    let g: SeriesGroup;
    if (sheet.layout === 'per-year' && perYear) {
      g = perYear;
      g.sheets.push(sheet.sheet);
    } else {
      g = { sheets: [sheet.sheet], layout: sheet.layout, series: new Map(), entities: [], periods: [] };
      groups.push(g);
      if (sheet.layout === 'per-year') perYear = g;
    }
    const byId = new Map(sheet.rows.map((r) => [r.id, r]));
    const pathOf = new Map<number, string>();
    const depthOf = new Map<number, number>();
    for (const row of sheet.rows) {
      const parent = row.parent !== undefined ? byId.get(row.parent) : undefined;
      const parentPath = parent ? pathOf.get(parent.id) : undefined;
      const path = parentPath !== undefined ? `${parentPath}/${row.key}` : row.key;
      const depth = parent ? (depthOf.get(parent.id) ?? 0) + 1 : 0;
      pathOf.set(row.id, path);
      depthOf.set(row.id, depth);
      let s = g.series.get(path);
      if (!s) {
        s = { path, key: row.key, label: displayLabel(row.label), unit: '', kind: 'other', depth, rows: [], obs: new Map(), children: [] };
        g.series.set(path, s);
        if (parentPath !== undefined) {
          const ps = g.series.get(parentPath);
          if (ps && !ps.children.includes(path)) ps.children.push(path);
        }
      }
      s.rows.push(row);
      for (const o of model.byRow.get(row.id)?.values() ?? []) {
        s.obs.set(obsKey(o.entity, o.period), o);
        if (!g.entities.includes(o.entity)) g.entities.push(o.entity);
        if (!g.periods.includes(o.period)) g.periods.push(o.period);
      }
    }
  }
  for (const g of groups) {
    g.periods = sortPeriods(g.periods);
    for (const s of g.series.values()) {
      const withValue = [...s.obs.values()].find((o) => o.value !== undefined);
      s.kind = withValue?.kind ?? [...s.obs.values()][0]?.kind ?? 'other';
      s.unit = shownUnit(s.rows[0], s.kind);
    }
  }
  return groups;
}

/** Finds a series by label, normalized key or path (`总数/分项`); prefers top-level indicators. */
export function findSeries(group: SeriesGroup, name: string): IndicatorSeries | undefined {
  const wanted = name.trim();
  const path = wanted
    .split(/[/／]/)
    .map((p) => normalizeName(p))
    .join('/');
  const key = normalizeName(wanted);
  const all = [...group.series.values()];
  const matches = all.filter((s) => s.path === path || s.key === key || s.label === wanted);
  if (matches.length === 0) return undefined;
  return matches.find((s) => s.path === path) ?? matches.find((s) => s.depth === 0) ?? matches[0];
}

export function unknownIndicator(group: SeriesGroup, name: string): ReportError {
  const available = [...group.series.values()].filter((s) => s.depth === 0).map((s) => s.label);
  return new ReportError('unknown-indicator', reportMessage('error.unknown-indicator', { name, available: joinList(available) }));
}

/** The group a template reads: the sheet asked for, else the first group that has `indicator`. */
export function chooseGroup(groups: SeriesGroup[], sheet: string | undefined, indicator: string | undefined, accept: (g: SeriesGroup) => boolean = () => true): SeriesGroup | undefined {
  if (groups.length === 0) throw new ReportError('no-sheet', reportMessage('error.no-sheet'));
  if (sheet !== undefined) {
    const g = groups.find((x) => x.sheets.includes(sheet));
    if (!g) {
      throw new ReportError('unknown-sheet', reportMessage('error.unknown-sheet', { sheet, available: joinList(groups.flatMap((x) => x.sheets)) }));
    }
    return g;
  }
  const candidates = groups.filter(accept);
  if (indicator !== undefined) {
    const g = candidates.find((x) => findSeries(x, indicator));
    if (g) return g;
  }
  return candidates[0];
}

/** Worst finding per cell (`sheet!A1`), from the cell each finding points at (its first cell). */
export interface CellStatusIndex {
  status(sheet: string, address: string): { severity?: Severity; explained: boolean };
}

export function statusIndex(findings: Finding[]): CellStatusIndex {
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  const worst = new Map<string, Severity>();
  const unexplained = new Set<string>();
  for (const f of findings) {
    const c = f.cells[0];
    if (!c || f.severity === 'info') continue;
    const k = `${c.sheet}!${c.address}`;
    const prev = worst.get(k);
    if (prev === undefined || rank[f.severity] < rank[prev]) worst.set(k, f.severity);
    if (f.severity === 'error' || !f.explanation) unexplained.add(k);
  }
  return {
    status(sheet, address) {
      const k = `${sheet}!${address}`;
      return { severity: worst.get(k), explained: worst.has(k) && !unexplained.has(k) };
    },
  };
}

/** The status of a set of cells: error beats warning; a warning every finding of which is explained counts as explained. */
export function combineStatus(index: CellStatusIndex, cells: Array<{ sheet: string; address: string }>): { status: CellStatus; explained: boolean } {
  let status: CellStatus = 'ok';
  let anyUnexplainedWarning = false;
  let anyExplained = false;
  for (const c of cells) {
    const s = index.status(c.sheet, c.address);
    if (s.severity === 'error') status = 'error';
    else if (s.severity === 'warning') {
      if (s.explained) anyExplained = true;
      else anyUnexplainedWarning = true;
    }
  }
  if (status === 'error') return { status, explained: false };
  if (anyUnexplainedWarning) return { status: 'warning', explained: false };
  return { status: 'ok', explained: anyExplained };
}

/** Sheets the add-in writes (汇总表, 汇总表(2), Summary…): never read as indicator sheets. */
export function isSummarySheetName(name: string): boolean {
  return /^(汇总表|summary)(\s*[(（]\d+[)）])?$/i.test(name.trim());
}

/** The snapshot without the add-in's own summary sheets. */
export function withoutSummarySheets(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return { ...snapshot, sheets: snapshot.sheets.filter((s) => !isSummarySheetName(s.name)) };
}
