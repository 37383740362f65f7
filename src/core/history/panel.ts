// The panel of series that alignment (align.ts) builds and the history detectors read: its
// types (Series, SeriesPoint, SeriesGap, Panel), and PanelData, the same panel in typed columns
// so the detectors' loops run over millions of values without an object per point.
import type { WorkbookModel } from '../checks/context';
import type { ValueKind } from '../model';
import type { Arena } from '../model-columns';
import type { ModelData } from '../model-data';
import { F_APPROX, parsedKindOf, PK_APPROX, PK_MISSING, valueKindOf, VALUE_KINDS } from '../obs-flags';
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
  /** The series' index in the panel's columns, for panels buildPanel made. Not enumerable. */
  readonly seriesIndex?: number;
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
  /** The panel in columns, for panels buildPanel made (the detectors read these). Not enumerable. */
  readonly columns?: PanelData;
}

export interface PanelInput {
  file: string;
  model: WorkbookModel;
}

/**
 * The panel in columns: built from the models' columns without an object per
 * observation. A "draft" is an observation of one of the models, numbered across the models
 * (model m's observation o is draft offsets[m] + o). The points are a table series × period of
 * drafts; series, points and gaps become objects when `panel.series` is read, or one series at a
 * time for what the detectors report.
 */
export class PanelData {
  /** First draft of each model, and the total (inputs.length + 1 entries). */
  readonly offsets: Int32Array;
  readonly periodNames: string[];
  /** Rank of each period when sorted as strings, and the period of each rank. */
  readonly periodRank: Int32Array;
  readonly periodByRank: Int32Array;
  /** Entity names by global index. */
  readonly entityNames: string[];
  /** Per model: the panel's period of each of its periods (−1: not a year). */
  readonly periodMaps: Int32Array[];
  readonly seriesCount: number;
  readonly seriesEntity: Int32Array;
  readonly seriesKey: string[];
  readonly seriesFirstDraft: Int32Array;
  /** Kind (model-data K_*) of the series: its latest point's, else its first cell's. */
  readonly seriesKind: Uint8Array;
  private readonly points: PointTable;
  /** Series key index of each series (the points table is by series key, entity and period). */
  readonly seriesKeyIndex: Int32Array;
  /** Number of series keys (the points table's innermost dimension). */
  readonly nSeriesKeys: number;
  /** Gaps (blank or unreadable cells of a period without a number) by series × period. */
  private readonly gaps: Map<number, number>;
  private readonly single: ModelData | null;
  private readonly objects = new Map<number, Series>();
  private idIndex: Map<string, number> | undefined = undefined;

  constructor(
    readonly inputs: PanelInput[],
    private readonly ambiguous: Set<string>,
    parts: {
      offsets: Int32Array;
      periodNames: string[];
      periodRank: Int32Array;
      entityNames: string[];
      periodMaps: Int32Array[];
      seriesEntity: Int32Array;
      seriesKey: string[];
      seriesFirstDraft: Int32Array;
      seriesKind: Uint8Array;
      points: PointTable;
      seriesKeyIndex: Int32Array;
      nSeriesKeys: number;
      gaps: Map<number, number>;
    },
  ) {
    this.seriesKeyIndex = parts.seriesKeyIndex;
    this.nSeriesKeys = parts.nSeriesKeys;
    this.offsets = parts.offsets;
    this.periodNames = parts.periodNames;
    this.periodRank = parts.periodRank;
    this.periodByRank = new Int32Array(parts.periodRank.length);
    parts.periodRank.forEach((r, p) => (this.periodByRank[r] = p));
    this.entityNames = parts.entityNames;
    this.periodMaps = parts.periodMaps;
    this.seriesEntity = parts.seriesEntity;
    this.seriesKey = parts.seriesKey;
    this.seriesFirstDraft = parts.seriesFirstDraft;
    this.seriesKind = parts.seriesKind;
    this.points = parts.points;
    this.gaps = parts.gaps;
    this.seriesCount = parts.seriesEntity.length;
    this.single = inputs.length === 1 ? inputs[0].model.data : null;
  }

  /** The model of a draft. */
  modelOf(draft: number): number {
    if (this.single) return 0;
    let lo = 0;
    let hi = this.inputs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= draft) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  data(draft: number): ModelData {
    return this.single ?? this.inputs[this.modelOf(draft)].model.data;
  }

  /** The observation index of a draft in its model. */
  obsOf(draft: number): number {
    return this.single ? draft : draft - this.offsets[this.modelOf(draft)];
  }

  file(draft: number): string {
    return this.inputs[this.modelOf(draft)].file;
  }

  value(draft: number): number {
    return this.data(draft).obsValue[this.obsOf(draft)];
  }

  flags(draft: number): number {
    return this.data(draft).obsFlags[this.obsOf(draft)];
  }

  step(draft: number): number {
    return this.data(draft).stepOf(this.obsOf(draft));
  }

  /** The panel period of a draft. */
  period(draft: number): number {
    const m = this.modelOf(draft);
    return this.periodMaps[m][this.inputs[m].model.data.periodOf(draft - this.offsets[m])];
  }

  /** Global index of a period name; −1 when no kept observation has it. */
  periodIndex(name: string | undefined): number {
    if (name === undefined) return -1;
    if (!this.periodIndexMap) this.periodIndexMap = new Map(this.periodNames.map((p, i) => [p, i]));
    return this.periodIndexMap.get(name) ?? -1;
  }
  private periodIndexMap: Map<string, number> | undefined = undefined;

  /**
   * Direct access for the detectors' loops: the points table when it is dense (point of series s
   * in period p at cells[cellBase(s) + p]), and a single model's values and flags (a draft is then
   * its observation). Null when not available; use pointAt/value/flags then.
   */
  get cells(): Int32Array | null {
    return this.points.dense;
  }

  cellBase(s: number): number {
    return this.seriesEntity[s] * this.periodNames.length * this.nSeriesKeys + this.seriesKeyIndex[s];
  }

  /** The distance between a series' cells of consecutive periods. */
  get cellStride(): number {
    return this.nSeriesKeys;
  }

  get singleValues(): Float64Array | null {
    return this.single ? this.single.obsValue : null;
  }

  get singleFlags(): Uint8Array | null {
    return this.single ? this.single.obsFlags : null;
  }

  /** The point (a draft) of series s in a period; −1 when none. */
  pointAt(s: number, period: number): number {
    return period < 0 ? -1 : this.points.get((this.seriesEntity[s] * this.periodNames.length + period) * this.nSeriesKeys + this.seriesKeyIndex[s]);
  }

  /** The latest point of series s before rank `rank`; −1 when none. */
  pointBefore(s: number, rank: number): number {
    for (let q = rank - 1; q >= 0; q--) {
      const d = this.pointAt(s, this.periodByRank[q]);
      if (d >= 0) return d;
    }
    return -1;
  }

  /** The gap (a draft) of series s in a period; −1 when none. */
  gapAt(s: number, period: number): number {
    return period < 0 ? -1 : this.gaps.get(s * this.periodNames.length + period) ?? -1;
  }

  /** The label of a draft's row in its period: qualified by the parent's where names repeat. */
  label(draft: number): string {
    const d = this.data(draft);
    const row = d.rowOf(this.obsOf(draft));
    const li = d.labels[d.rowLabel[row]];
    const parent = d.rowParent[row];
    return this.ambiguous.has(li.key) && parent >= 0 ? `${d.labels[d.rowLabel[parent]].label} / ${li.label}` : li.label;
  }

  cell(draft: number): PanelCell {
    const d = this.data(draft);
    const o = this.obsOf(draft);
    return { sheet: d.sheetName(d.rowOf(o)), address: d.address(o), file: this.file(draft) };
  }

  point(draft: number, label: string): SeriesPoint {
    const d = this.data(draft);
    const o = this.obsOf(draft);
    const f = d.obsFlags[o];
    const approx = parsedKindOf(f) === PK_APPROX;
    return {
      period: this.periodNames[this.period(draft)],
      value: d.obsValue[o],
      approximate: (f & F_APPROX) !== 0,
      text: approx ? (d.obs(o).parsed as { text: string }).text : '',
      step: d.stepOf(o),
      kind: VALUE_KINDS[valueKindOf(f)],
      cell: this.cell(draft),
      label,
    };
  }

  /** The Series object of series s (made once). */
  series(s: number): Series {
    let x = this.objects.get(s);
    if (x) return x;
    const first = this.seriesFirstDraft[s];
    const d = this.data(first);
    const row = d.rowOf(this.obsOf(first));
    const entity = this.entityNames[this.seriesEntity[s]];
    const key = this.seriesKey[s];
    x = {
      id: `${entity}\u0000${key}`,
      entity,
      key,
      name: d.labels[d.rowLabel[row]].key,
      label: this.label(first),
      kind: VALUE_KINDS[valueKindOf(this.flags(first))],
      unit: d.unitOf(row),
      points: [],
      gaps: [],
    };
    const P = this.periodNames.length;
    for (let q = 0; q < P; q++) {
      const p = this.periodByRank[q];
      const k = this.pointAt(s, p);
      if (k >= 0) x.points.push(this.point(k, this.label(k)));
    }
    for (let q = 0; q < P; q++) {
      const g = this.gapAt(s, this.periodByRank[q]);
      if (g >= 0) x.gaps.push({ period: this.periodNames[this.period(g)], status: parsedKindOf(this.flags(g)) === PK_MISSING ? 'missing' : 'unreadable', cell: this.cell(g) });
    }
    const last = x.points[x.points.length - 1];
    if (last) {
      x.label = last.label;
      x.kind = last.kind;
    }
    this.objects.set(s, x);
    return x;
  }

  /** Index of the series with this id; −1 when none. */
  indexOf(id: string): number {
    if (!this.idIndex) {
      this.idIndex = new Map();
      for (let s = 0; s < this.seriesCount; s++) this.idIndex.set(`${this.entityNames[this.seriesEntity[s]]}\u0000${this.seriesKey[s]}`, s);
    }
    return this.idIndex.get(id) ?? -1;
  }
}

/** Drafts by series key × entity × period: a dense table when it is not much larger than the drafts, else a map. */
export class PointTable {
  readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;
  constructor(size: number, limit: number, arena: Arena) {
    this.dense = size <= limit ? arena.ints(size).fill(-1) : null;
    this.sparse = this.dense ? null : new Map();
  }
  get(i: number): number {
    return this.dense ? this.dense[i] : this.sparse!.get(i) ?? -1;
  }
  set(i: number, draft: number): void {
    if (this.dense) this.dense[i] = draft;
    else this.sparse!.set(i, draft);
  }
}

/** The columns of a panel made by buildPanel; undefined for panels made otherwise. */
export function dataOfPanel(panel: Panel): PanelData | undefined {
  return panel.columns;
}

/** The series of an entity and indicator key (plain or qualified), if any. */
export function findSeries(panel: Panel, entity: string, key: string): Series | undefined {
  return panel.series.find((s) => s.entity === entity && s.key === key);
}

/** The point of a series in a period, if it has a number there. */
export function pointAt(series: Series, period: string): SeriesPoint | undefined {
  return series.points.find((p) => p.period === period);
}
