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
import type { ValueKind } from '../model';
import { Arena, type ModelData } from '../model-data';
import { F_APPROX, parsedKindOf, PK_APPROX, PK_MISSING, PK_NUMBER, valueKindOf, VALUE_KINDS } from '../obs-flags';
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

const YEAR = /^\d{4}$/;

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
class PointTable {
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

const panelData = new WeakMap<Panel, PanelData>();
/** The series index of each conflict buildPanel made. */
export const conflictSeries = new WeakMap<PanelConflict, number>();

/** The columns of a panel made by buildPanel; undefined for panels made otherwise. */
export function dataOfPanel(panel: Panel): PanelData | undefined {
  return panelData.get(panel);
}

/** A growable Int32Array (starting on `initial` when given). */
class Ints {
  a: Int32Array;
  n = 0;
  constructor(capacity: number, initial?: Int32Array) {
    this.a = initial && initial.length > 0 ? initial : new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): Int32Array {
    return this.a.subarray(0, this.n);
  }
}

/** Builds the panel of series from one or several workbook models. Never throws on content. */
export function buildPanel(models: PanelInput[]): Panel {
  const files = models.map((m) => m.file);
  const skipped = { partialPeriod: 0, notAYear: 0 };
  const entityNames: string[] = [];
  const entityIndex = new Map<string, number>();
  const periodNames: string[] = [];
  const periodIndex = new Map<string, number>();
  const keyNames: string[] = [];
  const keyIndex = new Map<string, number>();
  const intern = (list: string[], index: Map<string, number>, s: string) => {
    let i = index.get(s);
    if (i === undefined) {
      i = list.length;
      list.push(s);
      index.set(s, i);
    }
    return i;
  };
  const fileIndex = new Map<string, number>();
  const offsets = new Int32Array(models.length + 1);
  const entityMaps: Int32Array[] = [];
  const periodMaps: Int32Array[] = [];
  const keyMaps: Int32Array[] = [];
  /** Per model: 0 for a per-year sheet covering part of a year (its observations are left out). */
  const keptSheet: Uint8Array[] = [];
  models.forEach(({ file, model }, mi) => {
    const d = model.data;
    offsets[mi + 1] = offsets[mi] + d.obsCount;
    if (!fileIndex.has(file)) fileIndex.set(file, fileIndex.size);
    keptSheet.push(Uint8Array.from(d.sheets, (s) => (s.layout === 'per-year' && periodCoverage(s.name) === 'partial' ? 0 : 1)));
    // Per model: entity, period and key indices in the panel's tables (−1: not a year).
    const fallback = models.length > 1 ? baseName(file) : '';
    entityMaps.push(Int32Array.from(d.entities.list, (e) => intern(entityNames, entityIndex, e || fallback)));
    periodMaps.push(Int32Array.from(d.periods.list, (p) => (YEAR.test(p) ? intern(periodNames, periodIndex, p) : -1)));
    keyMaps.push(Int32Array.from(d.keys.list, (k) => intern(keyNames, keyIndex, k)));
  });
  const E = entityNames.length;
  const P = periodNames.length;
  const total = offsets[models.length];
  const fileOf = models.map((m) => fileIndex.get(m.file) as number);
  // Arrays from the first model's arena (see model-data.ts Arena): no new large allocations.
  const arena = models.length > 0 ? models[0].model.data.arena : new Arena(0);

  // Names that repeat inside one file-entity-period are qualified by their parent. The drafts of
  // such a group usually come in one run (a block of a long table, a sheet): a key seen twice in a
  // run repeats. That is checked while the series are assigned with plain keys; when some key
  // repeats (or a group comes back in a second run, and the drafts are grouped first to find out),
  // the series are assigned again with qualified keys.
  const ambiguousKey = new Uint8Array(keyNames.length);
  const entitySeen = new Uint8Array(E);
  const entityOrder: number[] = [];
  const seriesKeyTable = new Map<string, number>();
  const seriesKeys: string[] = [];
  const plainToSeriesKey = keyNames.map((k) => intern(seriesKeys, seriesKeyTable, k));
  const seriesKeyOf = (d: ModelData, row: number, key: number) => {
    if (!ambiguousKey[key]) return plainToSeriesKey[key];
    const parent = d.rowParent[row];
    return parent >= 0 ? intern(seriesKeys, seriesKeyTable, `${d.labels[d.rowLabel[parent]].key}›${keyNames[key]}`) : plainToSeriesKey[key];
  };
  const single = models.length === 1 ? models[0].model.data : null;
  const passMark = arena.mark();

  /**
   * Series by entity and (qualified) key in order of first appearance; points (the first number of
   * each series and period; a different second one is a conflict, in the order read) and gaps (the
   * first blank or unreadable cell of a period). With `detect`, also what is left out, the
   * entities in order and the repeating keys.
   */
  const assign = (detect: boolean) => {
    const SK = seriesKeys.length;
    const seriesEntity = new Ints(0, arena.ints(total));
    const seriesKeyList = new Ints(0, arena.ints(total));
    const seriesFirst = new Ints(0, arena.ints(total));
    const denseSeries = SK * E <= Math.max(1 << 22, 2 * total) ? new Int32Array(SK * E).fill(-1) : null;
    const sparseSeries = new Map<number, number>();
    const points = new PointTable(SK * E * P, Math.max(1 << 20, 4 * total), arena);
    const pointsDense = points.dense;
    const gapMap = new Map<number, number>();
    let gapCell: Int32Array = new Int32Array(1024);
    let gapDraft: Int32Array = new Int32Array(1024);
    let nGaps = 0;
    const periodHasNumber = new Uint8Array(P);
    const coverage = new Uint8Array(E * P);
    const conflicts: Array<{ series: number; kept: number; other: number }> = [];
    const stamp = detect ? new Int32Array(keyNames.length).fill(-1) : null;
    const runs = new Set<number>();
    let last = -1;
    let run = -1;
    let fragmented = false;
    let repeats = false;
    let base = 0;
    for (let mi = 0; mi < models.length; mi++) {
      const d = models[mi].model.data;
      const em = entityMaps[mi];
      const pm = periodMaps[mi];
      const ks = keptSheet[mi];
      const fi = fileOf[mi];
      // The panel's key of each label, and whether every observation is its row's only one on a
      // long sheet (entity and period then come from the row's block, without method calls).
      const keyOfLabel = Int32Array.from(d.labels, (li) => keyMaps[mi][li.keyIndex]);
      const longOnly = d.oneToOne() && d.sheets.every((sh) => sh.shape?.long === true);
      const rowLabel = d.rowLabel;
      const rowBlock = d.rowBlock;
      const blockEntity = d.blockEntity;
      const blockPeriod = d.blockPeriod;
      const rowSheet = d.rowSheet;
      const obsValue = d.obsValue;
      const obsFlags = d.obsFlags;
      const n = d.obsCount;
      // Observations a run at a time: on long sheets a block's rows (one entity and period), else
      // one observation. What holds for the whole run is worked out once.
      let o = 0;
      while (o < n) {
        let row0: number;
        let p: number;
        let e: number;
        let end = o + 1;
        if (longOnly) {
          row0 = o;
          const b = rowBlock[o];
          while (end < n && rowBlock[end] === b) end++;
          p = pm[blockPeriod[b]];
          e = em[blockEntity[b]];
        } else {
          row0 = d.rowOf(o);
          if (row0 < 0) {
            o = end;
            continue;
          }
          p = pm[d.periodOf(o)];
          e = p < 0 ? -1 : em[d.entityOf(o)];
        }
        if (p < 0) {
          if (detect) skipped.notAYear += end - o;
          o = end;
          continue;
        }
        // A block is on one sheet.
        if (!ks[rowSheet[row0]]) {
          if (detect) skipped.partialPeriod += end - o;
          o = end;
          continue;
        }
        if (stamp) {
          if (!entitySeen[e]) {
            entitySeen[e] = 1;
            entityOrder.push(e);
          }
          if (!fragmented) {
            const g = (fi * E + e) * P + p;
            if (g !== last) {
              if (runs.has(g)) fragmented = true;
              runs.add(g);
              last = g;
              run++;
            }
          }
        }
        const seriesBase = e;
        const pointBase = (e * P + p) * SK;
        let placed = false;
        for (; o < end; o++) {
          const row = longOnly ? o : row0;
          const k = base + o;
          const key = keyOfLabel[rowLabel[row]];
          if (stamp && !fragmented) {
            if (stamp[key] === run) repeats = true;
            else stamp[key] = run;
          }
          const sk = ambiguousKey[key] ? seriesKeyOf(d, row, key) : plainToSeriesKey[key];
          const cell = sk * E + seriesBase;
          let s = denseSeries ? denseSeries[cell] : sparseSeries.get(cell) ?? -1;
          if (s < 0) {
            s = seriesEntity.n;
            seriesEntity.push(e);
            seriesKeyList.push(sk);
            seriesFirst.push(k);
            if (denseSeries) denseSeries[cell] = s;
            else sparseSeries.set(cell, s);
          }
          const v = obsValue[o];
          const pk = obsFlags[o] & 7;
          // A cell without a number is a gap, kept after the loop (the first of its series and
          // period). Every observation writes the slot and only gaps count: a branch first met deep
          // into millions of cells would send V8 back to unoptimised code.
          const gap = !(v === v && Number.isFinite(v) && (pk === PK_NUMBER || pk === PK_APPROX));
          if (nGaps === gapCell.length) {
            gapCell = grow(gapCell);
            gapDraft = grow(gapDraft);
          }
          gapCell[nGaps] = s * P + p;
          gapDraft[nGaps] = k;
          nGaps += gap ? 1 : 0;
          if (gap) continue;
          // Points by entity, period and key: a block's rows are neighbours.
          const pi = pointBase + sk;
          const existing = pointsDense ? pointsDense[pi] : points.get(pi);
          if (existing >= 0) {
            const me = single ? 0 : modelAt(offsets, existing);
            const de = models[me].model.data;
            const oe = existing - offsets[me];
            const ev = de.obsValue[oe];
            const tolerance = Math.max(de.stepOf(oe), d.stepOf(o)) / 2 + 1e-9 * Math.max(1, Math.abs(ev));
            if (Math.abs(ev - v) > tolerance) conflicts.push({ series: s, kept: existing, other: k });
            continue;
          }
          if (pointsDense) pointsDense[pi] = k;
          else points.set(pi, k);
          placed = true;
        }
        if (placed) {
          periodHasNumber[p] = 1;
          coverage[e * P + p] = 1;
        }
      }
      base += d.obsCount;
    }
    for (let j = 0; j < nGaps; j++) if (!gapMap.has(gapCell[j])) gapMap.set(gapCell[j], gapDraft[j]);
    return { seriesEntity, seriesKeyList, seriesFirst, points, gapMap, periodHasNumber, coverage, conflicts, fragmented, repeats };
  };

  let assigned = assign(true);
  if (assigned.repeats || assigned.fragmented) {
    // Which keys repeat: from the runs, or from the drafts grouped by file, entity and period.
    arena.release(passMark);
    if (!assigned.fragmented) {
      const stamp = new Int32Array(keyNames.length).fill(-1);
      let last = -1;
      let run = -1;
      eachDraft(models, periodMaps, keptSheet, (_k, d, o, row, mi) => {
        const g = (fileOf[mi] * E + entityMaps[mi][d.entityOf(o)]) * P + periodMaps[mi][d.periodOf(o)];
        if (g !== last) {
          last = g;
          run++;
        }
        const key = keyMaps[mi][d.labels[d.rowLabel[row]].keyIndex];
        if (stamp[key] === run) ambiguousKey[key] = 1;
        else stamp[key] = run;
      });
    } else {
      const mark = arena.mark();
      const groupIds = new Map<number, number>();
      const groupOf = arena.ints(total).fill(-1);
      const keyOf = arena.ints(total);
      eachDraft(models, periodMaps, keptSheet, (k, d, o, row, mi) => {
        const g = (fileOf[mi] * E + entityMaps[mi][d.entityOf(o)]) * P + periodMaps[mi][d.periodOf(o)];
        let gi = groupIds.get(g);
        if (gi === undefined) groupIds.set(g, (gi = groupIds.size));
        groupOf[k] = gi;
        keyOf[k] = keyMaps[mi][d.labels[d.rowLabel[row]].keyIndex];
      });
      const G = groupIds.size;
      const start = new Int32Array(G + 1);
      for (let k = 0; k < total; k++) if (groupOf[k] >= 0) start[groupOf[k] + 1]++;
      for (let g = 0; g < G; g++) start[g + 1] += start[g];
      const byGroup = arena.ints(start[G]);
      const fill = start.slice(0, G);
      for (let k = 0; k < total; k++) if (groupOf[k] >= 0) byGroup[fill[groupOf[k]]++] = k;
      const stamp = new Int32Array(keyNames.length).fill(-1);
      for (let g = 0; g < G; g++) {
        for (let j = start[g]; j < start[g + 1]; j++) {
          const key = keyOf[byGroup[j]];
          if (stamp[key] === g) ambiguousKey[key] = 1;
          else stamp[key] = g;
        }
      }
      arena.release(mark);
    }
    // Qualified keys first (they size the tables), then the series again.
    eachDraft(models, periodMaps, keptSheet, (_k, d, _o, row, mi) => seriesKeyOf(d, row, keyMaps[mi][d.labels[d.rowLabel[row]].keyIndex]));
    assigned = assign(false);
  }
  const ambiguous = new Set<string>();
  ambiguousKey.forEach((a, k) => a && ambiguous.add(keyNames[k]));
  const { seriesEntity, seriesKeyList, seriesFirst, points, gapMap, periodHasNumber, coverage, conflicts } = assigned;
  const S = seriesEntity.n;
  const seriesKeyIndex = seriesKeyList.done();
  const SKfinal = seriesKeys.length;
  const pointOf = (s: number, p: number) => points.get((seriesEntity.a[s] * P + p) * SKfinal + seriesKeyIndex[s]);
  // A period with a number is not a gap (one sheet blank, another filled).
  for (const gi of [...gapMap.keys()]) if (pointOf(Math.floor(gi / P), gi % P) >= 0) gapMap.delete(gi);

  const periodRank = new Int32Array(P);
  periodNames
    .map((_, i) => i)
    .sort((a, b) => (periodNames[a] < periodNames[b] ? -1 : periodNames[a] > periodNames[b] ? 1 : 0))
    .forEach((p, i) => (periodRank[p] = i));
  // The kind of each series: its latest point's, else its first cell's.
  const seriesKind = new Uint8Array(S);
  const byRank = new Int32Array(P);
  periodRank.forEach((r, p) => (byRank[r] = p));
  for (let s = 0; s < S; s++) {
    let latest = seriesFirst.a[s];
    for (let q = P - 1; q >= 0; q--) {
      const k = pointOf(s, byRank[q]);
      if (k >= 0) {
        latest = k;
        break;
      }
    }
    const ml = single ? 0 : modelAt(offsets, latest);
    seriesKind[s] = valueKindOf(models[ml].model.data.obsFlags[latest - offsets[ml]]);
  }

  const pd = new PanelData(models, ambiguous, {
    offsets,
    periodNames,
    periodRank,
    entityNames,
    periodMaps,
    seriesEntity: seriesEntity.done(),
    seriesKey: keysOfSeries(seriesKeyIndex, seriesKeys),
    seriesFirstDraft: seriesFirst.done(),
    seriesKind,
    points,
    seriesKeyIndex,
    nSeriesKeys: seriesKeys.length,
    gaps: gapMap,
  });

  const sortedPeriods = periodNames.filter((_, p) => periodHasNumber[p]).sort();
  const entities = entityOrder.map((e) => entityNames[e]);
  const cov: Record<string, string[]> = {};
  for (const e of entityOrder) {
    const list: string[] = [];
    for (let p = 0; p < P; p++) if (coverage[e * P + p]) list.push(periodNames[p]);
    cov[entityNames[e]] = list.sort();
  }
  const conflictObjects: PanelConflict[] = conflicts.map((c) => {
    const series = pd.series(c.series);
    const period = periodNames[pd.period(c.kept)];
    const kept = series.points.find((p) => p.period === period) as SeriesPoint;
    const x = { seriesId: series.id, period, kept, other: pd.point(c.other, pd.label(c.other)) };
    conflictSeries.set(x, c.series);
    return x;
  });
  let all: Series[] | undefined;
  const panel = { files, entities, periods: sortedPeriods, coverage: cov, series: [] as Series[], conflicts: conflictObjects, skipped } as Panel;
  Object.defineProperty(panel, 'series', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!all) {
        all = [];
        for (let s = 0; s < S; s++) all.push(pd.series(s));
      }
      return all;
    },
  });
  panelData.set(panel, pd);
  return panel;
}

/** The key text of each series (a loop: Array.from over a typed array makes an iterator result per element). */
function keysOfSeries(seriesKeyIndex: Int32Array, seriesKeys: string[]): string[] {
  const out = new Array<string>(seriesKeyIndex.length);
  for (let s = 0; s < seriesKeyIndex.length; s++) out[s] = seriesKeys[seriesKeyIndex[s]];
  return out;
}

/** A copy of `a` twice as long. */
function grow(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The model a draft belongs to. */
function modelAt(offsets: Int32Array, draft: number): number {
  let lo = 0;
  let hi = offsets.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= draft) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Every kept draft in order: its number, model data, observation, row and model index. */
function eachDraft(models: PanelInput[], periodMaps: Int32Array[], keptSheet: Uint8Array[], fn: (k: number, d: ModelData, o: number, row: number, mi: number) => void): void {
  let base = 0;
  for (let mi = 0; mi < models.length; mi++) {
    const d = models[mi].model.data;
    const pm = periodMaps[mi];
    const ks = keptSheet[mi];
    for (let o = 0; o < d.obsCount; o++) {
      const row = d.rowOf(o);
      if (row < 0 || pm[d.periodOf(o)] < 0 || !ks[d.rowSheet[row]]) continue;
      fn(base + o, d, o, row, mi);
    }
    base += d.obsCount;
  }
}

/** The series of an entity and indicator key (plain or qualified), if any. */
export function findSeries(panel: Panel, entity: string, key: string): Series | undefined {
  return panel.series.find((s) => s.entity === entity && s.key === key);
}

/** The point of a series in a period, if it has a number there. */
export function pointAt(series: Series, period: string): SeriesPoint | undefined {
  return series.points.find((p) => p.period === period);
}
