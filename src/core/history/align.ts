// Alignment: one or several workbook models (files) become series keyed by entity and indicator,
// whatever the layout they were read from (wide, per-year, long table).
//
// Rules:
// - Periods are four-digit years. A period that is not a year (an unreadable 年份 cell) or a
//   sheet that covers part of a year (a per-year sheet named 2023年1-10月) is skipped; wide and
//   long sheets drop partial columns/rows already when read.
// - Numbers (and approximate numbers, flagged) go into `points`; blank, text and error cells go
//   into `gaps` (the cell checks report unreadable cells; the detectors only see the gap).
// - The entity is Observation.entity. When it is empty and there are several files, the file's
//   base name stands in so that files of unknown districts do not merge.
// - The key is the normalised indicator name. A name that occurs twice in one entity-period
//   (其中：公共场所卫生 under 双随机抽检 and under 行政处罚) is qualified by its parent's name in
//   every period: `国家双随机监督抽检任务›公共场所卫生`.
// - The same series and period seen twice (two sheets or files covering the same year) keeps
//   the first; a different value there is a conflict.
import type { WorkbookModel } from '../checks/context';
import type { IndicatorRow, Observation, ValueKind } from '../model';
import { periodCoverage } from '../names';
import type { CellRef } from '../types';

/** A cell of one of the files. */
export interface PanelCell extends CellRef {
  file: string;
}

export interface SeriesPoint {
  period: string;
  /** Base units: 元 (not 万元), rates as fractions. */
  value: number;
  approximate: boolean;
  /** The cell text when approximate (`1900余`), else ''. */
  text: string;
  /** Smallest displayed step in base units. */
  step: number;
  kind: ValueKind;
  cell: PanelCell;
  /** The row label in that period's sheet. */
  label: string;
}

export interface SeriesGap {
  period: string;
  /** missing: blank, `—`, `无`; unreadable: text or an Excel error. */
  status: 'missing' | 'unreadable';
  cell: PanelCell;
}

export interface Series {
  /** `${entity}\u0000${key}` */
  id: string;
  entity: string;
  /** Matching key: normalised name, qualified by the parent's where names repeat. */
  key: string;
  /** The plain normalised name (for rule lookups such as mandated rates). */
  name: string;
  /** Label of the latest period's row, for messages. */
  label: string;
  /** Kind of the latest value. */
  kind: ValueKind;
  unit?: string;
  /** Numeric values, sorted by period, one per period. */
  points: SeriesPoint[];
  /** Cells of the series without a number, sorted by period. */
  gaps: SeriesGap[];
}

export interface PanelConflict {
  seriesId: string;
  period: string;
  kept: SeriesPoint;
  other: SeriesPoint;
}

export interface Panel {
  files: string[];
  /** Entities in order of first appearance. */
  entities: string[];
  /** Every period with at least one number, sorted. */
  periods: string[];
  /** Periods in which each entity has at least one number. */
  coverage: Record<string, string[]>;
  series: Series[];
  conflicts: PanelConflict[];
  /** Observations left out, by reason. */
  skipped: { partialPeriod: number; notAYear: number };
}

export interface PanelInput {
  file: string;
  model: WorkbookModel;
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

interface Draft {
  file: string;
  obs: Observation;
  row: IndicatorRow;
  parent?: IndicatorRow;
  entity: string;
}

/** Builds the panel of series from one or several workbook models. Never throws on content. */
export function buildPanel(models: PanelInput[]): Panel {
  const files = models.map((m) => m.file);
  const skipped = { partialPeriod: 0, notAYear: 0 };
  const drafts: Draft[] = [];
  for (const { file, model } of models) {
    const partialSheets = new Set(
      model.sheets.filter((s) => s.layout === 'per-year' && periodCoverage(s.sheet) === 'partial').map((s) => s.sheet),
    );
    for (const obs of model.observations) {
      const row = model.rows.get(obs.rowId);
      if (!row) continue;
      if (!/^\d{4}$/.test(obs.period)) {
        skipped.notAYear++;
        continue;
      }
      if (partialSheets.has(obs.sheet)) {
        skipped.partialPeriod++;
        continue;
      }
      const entity = obs.entity || (models.length > 1 ? baseName(file) : '');
      const parent = row.parent !== undefined ? model.rows.get(row.parent) : undefined;
      drafts.push({ file, obs, row, parent, entity });
    }
  }

  // Names that repeat inside one file-entity-period are qualified by their parent.
  const seen = new Map<string, number>();
  const ambiguous = new Set<string>();
  for (const d of drafts) {
    const k = `${d.file}\u0000${d.entity}\u0000${d.obs.period}\u0000${d.row.key}`;
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    if (n > 1) ambiguous.add(d.row.key);
  }

  const byId = new Map<string, Series>();
  const order: Series[] = [];
  const conflicts: PanelConflict[] = [];
  const entities: string[] = [];
  const coverage = new Map<string, Set<string>>();
  const periods = new Set<string>();

  for (const d of drafts) {
    const { obs, row } = d;
    const key = ambiguous.has(row.key) && d.parent ? `${d.parent.key}›${row.key}` : row.key;
    const label = ambiguous.has(row.key) && d.parent ? `${d.parent.label} / ${row.label}` : row.label;
    const id = `${d.entity}\u0000${key}`;
    let s = byId.get(id);
    if (!s) {
      s = { id, entity: d.entity, key, name: row.key, label, kind: obs.kind, unit: row.unit, points: [], gaps: [] };
      byId.set(id, s);
      order.push(s);
    }
    if (!entities.includes(d.entity)) entities.push(d.entity);
    const cell: PanelCell = { sheet: obs.sheet, address: obs.address, file: d.file };
    const isNumber = obs.value !== undefined && Number.isFinite(obs.value) && (obs.parsed.kind === 'number' || obs.parsed.kind === 'approx');
    if (!isNumber) {
      if (!s.gaps.some((g) => g.period === obs.period)) {
        s.gaps.push({ period: obs.period, status: obs.parsed.kind === 'missing' ? 'missing' : 'unreadable', cell });
      }
      continue;
    }
    const point: SeriesPoint = {
      period: obs.period,
      value: obs.value as number,
      approximate: obs.approximate,
      text: obs.parsed.kind === 'approx' ? obs.parsed.text : '',
      step: obs.step,
      kind: obs.kind,
      cell,
      label,
    };
    const existing = s.points.find((p) => p.period === obs.period);
    if (existing) {
      const tolerance = Math.max(existing.step, point.step) / 2 + 1e-9 * Math.max(1, Math.abs(existing.value));
      if (Math.abs(existing.value - point.value) > tolerance) conflicts.push({ seriesId: id, period: obs.period, kept: existing, other: point });
      continue;
    }
    s.points.push(point);
    periods.add(obs.period);
    let c = coverage.get(d.entity);
    if (!c) coverage.set(d.entity, (c = new Set()));
    c.add(obs.period);
  }

  for (const s of order) {
    s.points.sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
    // A period with a number is not a gap (one sheet blank, another filled).
    const numbered = new Set(s.points.map((p) => p.period));
    s.gaps = s.gaps.filter((g) => !numbered.has(g.period)).sort((a, b) => (a.period < b.period ? -1 : 1));
    const last = s.points[s.points.length - 1];
    if (last) {
      s.label = last.label;
      s.kind = last.kind;
    }
  }

  const sortedPeriods = [...periods].sort();
  const cov: Record<string, string[]> = {};
  for (const e of entities) cov[e] = [...(coverage.get(e) ?? [])].sort();
  return { files, entities, periods: sortedPeriods, coverage: cov, series: order, conflicts, skipped };
}

/** The series of an entity and indicator key (plain or qualified), if any. */
export function findSeries(panel: Panel, entity: string, key: string): Series | undefined {
  return panel.series.find((s) => s.entity === entity && s.key === key);
}

/** The point of a series in a period, if it has a number there. */
export function pointAt(series: Series, period: string): SeriesPoint | undefined {
  return series.points.find((p) => p.period === period);
}
