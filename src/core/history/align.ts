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
import { Arena } from '../model-columns';
import type { ModelData } from '../model-data';
import { PK_APPROX, PK_NUMBER, valueKindOf } from '../obs-flags';
import { periodCoverage } from '../names';
import { PanelData, PointTable, type Panel, type PanelConflict, type PanelInput, type Series, type SeriesPoint } from './panel';

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

const YEAR = /^\d{4}$/;

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
    const x: PanelConflict = { seriesId: series.id, period, kept, other: pd.point(c.other, pd.label(c.other)) };
    Object.defineProperty(x, 'seriesIndex', { value: c.series, enumerable: false });
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
  Object.defineProperty(panel, 'columns', { value: pd, enumerable: false });
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
