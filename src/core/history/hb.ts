// Cross-district check: the Hidiroglou–Berthelot (1986) method on the ratio of two periods of one
// indicator across entities (our own implementation of the published steps):
//   1. drop entities with a zero, negative or missing value in either period;
//   2. rᵢ = y₂ᵢ / y₁ᵢ, r_M = median(r) (mean of the two middle values for an even count);
//   3. centred sᵢ = 1 − r_M/rᵢ if rᵢ < r_M, else rᵢ/r_M − 1;
//   4. size effect Eᵢ = sᵢ · max(y₁ᵢ, y₂ᵢ)^U;
//   5. quartiles E_Q1, E_M, E_Q3 of E — linear interpolation between order statistics, position
//      (n − 1)·p from 0 (Hyndman–Fan type 7: R's default `quantile`, simple-statistics'
//      quantileSorted);
//   6. d_Q1 = max(E_M − E_Q1, |A·E_M|), d_Q3 = max(E_Q3 − E_M, |A·E_M|);
//   7. outlier when Eᵢ < E_M − C·d_Q1 or Eᵢ > E_M + C·d_Q3 (C may be a [lower, upper] pair).
// Defaults U = 0.5, A = 0.05, C = 4, at least 5 entities. With `useFloor` an outlier is reported
// only when |y₂ − r_M·y₁| also exceeds the yoy floor of the kind (1 → 9 件 is not worth a warning).
// The E bounds are turned back into a range of y₂ for the entity's size, for the message.
import { median, quantileSorted } from 'simple-statistics';
import { K_RATE, valueKindOf, VALUE_KINDS } from '../obs-flags';
import { dataOfPanel, type Panel, type PanelData, type Series, type SeriesPoint } from './panel';
import {
  approxNote,
  currentPlan,
  entityMask,
  drawSeries,
  eps,
  setSeriesIndex,
  insertionSort,
  fmtPoint,
  fmtStat,
  fmtValue,
  type HbOptions,
  type HistoryFinding,
  type HistoryOptions,
} from './common';
import { historyMessage, whoText, yearText } from './messages';

export interface HbUnit {
  id: string;
  y1: number;
  y2: number;
}

export interface HbScore extends HbUnit {
  ratio: number;
  s: number;
  E: number;
  outlier: boolean;
}

export interface HbResult {
  n: number;
  medianRatio: number;
  quartiles: { q1: number; median: number; q3: number };
  dQ1: number;
  dQ3: number;
  bounds: { lower: number; upper: number };
  scores: HbScore[];
  /** Units dropped for a zero, negative or missing value. */
  excluded: HbUnit[];
}

/** Hidiroglou–Berthelot scores and bounds; undefined when fewer than `minUnits` usable units. */
export function hidiroglouBerthelot(units: HbUnit[], params: Pick<HbOptions, 'U' | 'A' | 'C'>, minUnits = 1): HbResult | undefined {
  const usable = units.filter((u) => Number.isFinite(u.y1) && Number.isFinite(u.y2) && u.y1 > 0 && u.y2 > 0);
  const kept = new Set(usable);
  const excluded = units.filter((u) => !kept.has(u));
  if (usable.length < Math.max(1, minUnits)) return undefined;
  const ratios = usable.map((u) => u.y2 / u.y1);
  const rM = median(ratios);
  const scores = usable.map((u, i) => {
    const r = ratios[i];
    const s = r < rM ? 1 - rM / r : r / rM - 1;
    const E = s * Math.pow(Math.max(u.y1, u.y2), params.U);
    // A plain unit is copied field by field: an object spread is slow over thousands of units.
    const k = Object.keys(u);
    if (k.length === 3 && k[0] === 'id' && k[1] === 'y1' && k[2] === 'y2') return { id: u.id, y1: u.y1, y2: u.y2, ratio: r, s, E, outlier: false };
    return { ...u, ratio: r, s, E, outlier: false };
  });
  const sorted = scores.map((x) => x.E).sort((a, b) => a - b);
  const q1 = quantileSorted(sorted, 0.25);
  const qM = quantileSorted(sorted, 0.5);
  const q3 = quantileSorted(sorted, 0.75);
  const floorSpread = Math.abs(params.A * qM);
  const dQ1 = Math.max(qM - q1, floorSpread);
  const dQ3 = Math.max(q3 - qM, floorSpread);
  const [cLow, cHigh] = Array.isArray(params.C) ? params.C : [params.C, params.C];
  const lower = qM - cLow * dQ1;
  const upper = qM + cHigh * dQ3;
  for (const x of scores) x.outlier = x.E < lower - eps(lower, qM) || x.E > upper + eps(upper, qM);
  return { n: usable.length, medianRatio: rM, quartiles: { q1, median: qM, q3 }, dQ1, dQ3, bounds: { lower, upper }, scores, excluded };
}

const HALF = [0.5] as const;
const QUARTILES = [0.25, 0.5, 0.75] as const;

/**
 * Places in x[k] the value a sort of x[lo … hi] would put there, with nothing greater before it and
 * nothing smaller after it (quickselect; no NaN in x).
 */
function selectInPlace(x: Float64Array, lo: number, hi: number, k: number): void {
  while (hi - lo >= 16) {
    const mid = (lo + hi) >>> 1;
    // The median of the first, middle and last values as the pivot.
    let a = x[lo];
    let b = x[mid];
    const c = x[hi];
    if (a > b) {
      const t = a;
      a = b;
      b = t;
    }
    const pivot = c <= a ? a : c >= b ? b : c;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (x[i] < pivot) i++;
      while (x[j] > pivot) j--;
      if (i <= j) {
        const t = x[i];
        x[i] = x[j];
        x[j] = t;
        i++;
        j--;
      }
    }
    // x[lo … j] ≤ pivot, x[i … hi] ≥ pivot, and what is between them equals the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
  insertionSort(x, lo, hi);
}

/**
 * simple-statistics' quantileSorted of a sorted copy of x[0 … n) at each p (ascending, 0 < p < 1),
 * into out, without sorting: the order statistics it reads are selected one after the other (x is
 * reordered). Returns out.
 */
export function quantilesBySelection(x: Float64Array, n: number, ps: readonly number[], out: Float64Array = new Float64Array(ps.length)): Float64Array {
  let done = -1;
  for (let i = 0; i < ps.length; i++) {
    const idx = (n - 1) * ps[i];
    // Integer positions as small integers (V8 keeps its optimised code for those).
    const lower = Math.floor(idx) | 0;
    if (lower > done) {
      selectInPlace(x, done + 1, n - 1, lower);
      done = lower;
    }
    const xl = x[lower];
    if (idx % 1 === 0) {
      out[i] = xl;
      continue;
    }
    const upper = lower + 1;
    if (upper > done) {
      selectInPlace(x, done + 1, n - 1, upper);
      done = upper;
    }
    out[i] = xl + (idx - lower) * (x[upper] - xl);
  }
  return out;
}

/**
 * hidiroglouBerthelot on plain arrays (units 0 … n): the same steps and arithmetic, the scores as
 * arrays, the outliers as unit indices; `result` has what findings need (n, median ratio,
 * quartiles, spreads, bounds; scores and excluded are left empty).
 */
/** Work arrays of hbOnArrays, for up to `capacity` units (reused across indicators). */
class HbScratch {
  readonly ratio: Float64Array;
  readonly s: Float64Array;
  readonly E: Float64Array;
  readonly usable: Int32Array;
  readonly ratios: Float64Array;
  readonly sortedRatios: Float64Array;
  readonly sorted: Float64Array;
  readonly quantiles = new Float64Array(3);
  constructor(capacity: number) {
    const c = Math.max(1, capacity);
    this.ratio = new Float64Array(c);
    this.s = new Float64Array(c);
    this.E = new Float64Array(c);
    this.usable = new Int32Array(c);
    this.ratios = new Float64Array(c);
    this.sortedRatios = new Float64Array(c);
    this.sorted = new Float64Array(c);
  }
}

function hbOnArrays(
  y1: Float64Array,
  y2: Float64Array,
  n: number,
  params: Pick<HbOptions, 'U' | 'A' | 'C'>,
  minUnits: number,
  scratch: HbScratch,
): { result: HbResult; ratio: Float64Array; s: Float64Array; E: Float64Array; outliers: number[] } | undefined {
  // Scores of unit i at [i] (units without one keep whatever was there: only usable ones are read).
  const ratio = scratch.ratio;
  const sArr = scratch.s;
  const E = scratch.E;
  const usable = scratch.usable;
  let m = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(y1[i]) && Number.isFinite(y2[i]) && y1[i] > 0 && y2[i] > 0) usable[m++] = i;
  if (m < Math.max(1, minUnits)) return undefined;
  const ratios = scratch.ratios.subarray(0, m);
  for (let j = 0; j < m; j++) ratios[j] = y2[usable[j]] / y1[usable[j]];
  // median(): the middle order statistics of a sorted copy, as simple-statistics' quantile reads them.
  const sortedRatios = scratch.sortedRatios.subarray(0, m);
  sortedRatios.set(ratios);
  const rM = quantilesBySelection(sortedRatios, m, HALF, scratch.quantiles)[0];
  const sorted = scratch.sorted.subarray(0, m);
  for (let j = 0; j < m; j++) {
    const i = usable[j];
    const r = ratios[j];
    const s = r < rM ? 1 - rM / r : r / rM - 1;
    ratio[i] = r;
    sArr[i] = s;
    E[i] = s * Math.pow(Math.max(y1[i], y2[i]), params.U);
    sorted[j] = E[i];
  }
  const quartiles = quantilesBySelection(sorted, m, QUARTILES, scratch.quantiles);
  const q1 = quartiles[0];
  const qM = quartiles[1];
  const q3 = quartiles[2];
  const floorSpread = Math.abs(params.A * qM);
  const dQ1 = Math.max(qM - q1, floorSpread);
  const dQ3 = Math.max(q3 - qM, floorSpread);
  const [cLow, cHigh] = Array.isArray(params.C) ? params.C : [params.C, params.C];
  const lower = qM - cLow * dQ1;
  const upper = qM + cHigh * dQ3;
  const outliers: number[] = [];
  const lo = lower - eps(lower, qM);
  const hi = upper + eps(upper, qM);
  for (let j = 0; j < m; j++) {
    const i = usable[j];
    if (E[i] < lo || E[i] > hi) outliers.push(i);
  }
  const result: HbResult = { n: m, medianRatio: rM, quartiles: { q1, median: qM, q3 }, dQ1, dQ3, bounds: { lower, upper }, scores: [], excluded: [] };
  return { result, ratio, s: sArr, E, outliers };
}

/** The ratio r whose centred score is s (the inverse of step 3). */
function ratioOfScore(s: number, rM: number): number {
  return s < 0 ? rM / (1 - s) : rM * (1 + s);
}

/**
 * The range of y₂ an entity with base value y1 may have without being an outlier. The size
 * max(y₁, y₂) depends on y₂ itself; the range is found by solving for each side separately.
 */
export function hbValueRange(y1: number, result: HbResult, U: number): { lower: number; upper: number } {
  const side = (boundE: number, upward: boolean): number => {
    // Fixed point on y₂: y₂ = y₁ · r(boundE / max(y₁, y₂)^U). Converges quickly (size moves slowly).
    let y2 = y1 * result.medianRatio;
    for (let i = 0; i < 60; i++) {
      const size = Math.pow(Math.max(y1, y2), U);
      const next = y1 * ratioOfScore(size > 0 ? boundE / size : 0, result.medianRatio);
      if (Math.abs(next - y2) <= 1e-9 * Math.max(1, Math.abs(y2))) return next;
      y2 = next;
    }
    return upward ? Math.max(y2, y1 * result.medianRatio) : Math.min(y2, y1 * result.medianRatio);
  };
  return { lower: side(result.bounds.lower, false), upper: side(result.bounds.upper, true) };
}

/** HB over one indicator key between two periods; undefined when too few entities. */
export function hbForKey(
  seriesOfKey: Series[],
  basePeriod: string,
  currentPeriod: string,
  options: HbOptions,
): { result: HbResult; points: Map<string, { series: Series; base: SeriesPoint; current: SeriesPoint }> } | undefined {
  const points = new Map<string, { series: Series; base: SeriesPoint; current: SeriesPoint }>();
  const units: HbUnit[] = [];
  for (const s of seriesOfKey) {
    const base = s.points.find((p) => p.period === basePeriod);
    const current = s.points.find((p) => p.period === currentPeriod);
    if (!base || !current) continue;
    points.set(s.entity, { series: s, base, current });
    units.push({ id: s.entity, y1: base.value, y2: current.value });
  }
  const result = hidiroglouBerthelot(units, options, options.minEntities);
  return result ? { result, points } : undefined;
}

/** One HB finding: an outlier's series, its base and current points, the key's result. */
function hbFinding(series: Series, b: SeriesPoint, c: SeriesPoint, score: HbScore, result: HbResult, base: string, current: string, periods: string[], options: HistoryOptions): HistoryFinding | undefined {
  const hb = options.hb;
  const cText = Array.isArray(hb.C) ? hb.C.join('/') : String(hb.C);
  const kind = c.kind;
  const expectedY2 = result.medianRatio * b.value;
  if (hb.useFloor && Math.abs(c.value - expectedY2) <= options.yoy.floor[kind]) return undefined;
  const range = hbValueRange(b.value, result, hb.U);
  const params = {
    indicator: series.label,
    who: whoText(series.entity),
    current: yearText(current),
    base: yearText(base),
    ratio: fmtStat(score.ratio),
    baseValue: fmtPoint(b),
    currentValue: fmtPoint(c),
    n: result.n,
    medianRatio: fmtStat(result.medianRatio),
    score: fmtStat(score.E),
    lowerE: fmtStat(result.bounds.lower),
    upperE: fmtStat(result.bounds.upper),
    U: hb.U,
    A: hb.A,
    C: cText,
    lower: fmtValue(range.lower, kind),
    upper: fmtValue(range.upper, kind),
    note: approxNote([c, b]),
  };
  return {
    ruleId: 'history.hb',
    severity: 'warning',
    cells: [c.cell, b.cell],
    message: historyMessage('history.hb', params),
    details: historyMessage('history.hb.details', params),
    values: [c.value, b.value],
    expected: expectedY2,
    difference: c.value - b.value,
    indicator: series.label,
    entity: series.entity || undefined,
    period: current,
    method: 'hb',
    series: drawSeries(series, periods, current),
    detail: {
      method: 'hb',
      key: series.key,
      entity: series.entity,
      currentPeriod: current,
      basePeriod: base,
      currentValue: c.value,
      baseValue: b.value,
      change: c.value - b.value,
      relativeChange: (c.value - b.value) / Math.abs(b.value),
      bounds: range,
      stats: {
        ratio: score.ratio,
        medianRatio: result.medianRatio,
        s: score.s,
        E: score.E,
        q1: result.quartiles.q1,
        qM: result.quartiles.median,
        q3: result.quartiles.q3,
        dQ1: result.dQ1,
        dQ3: result.dQ3,
        lowerE: result.bounds.lower,
        upperE: result.bounds.upper,
        U: hb.U,
        A: hb.A,
        n: result.n,
      },
      files: [c.cell.file, b.cell.file],
      approximate: c.approximate || b.approximate || undefined,
    },
  };
}

/** Cross-district findings: for each indicator with enough entities, HB between two periods. */
export function detectHb(panel: Panel, options: HistoryOptions): HistoryFinding[] {
  const pd = dataOfPanel(panel);
  if (pd) return detectHbColumns(panel, pd, options);
  const out: HistoryFinding[] = [];
  const byKey = new Map<string, Series[]>();
  for (const s of panel.series) {
    // HB scores ratios weighted by size: meaningful for counts and money, not for rates, whose
    // size is bounded (a rate moving 93 % → 100 % is the mandated-rate checks' business).
    if (s.kind === 'rate') continue;
    const list = byKey.get(s.key);
    if (list) list.push(s);
    else byKey.set(s.key, [s]);
  }
  const hb = options.hb;
  for (const { period: current, entities } of currentPlan(panel, options)) {
    // The common base: the period before the current one in the whole panel (or the one asked for).
    // Every entity with both periods is in the sample; findings are for the entities checked.
    const base = options.basePeriod ?? [...panel.periods].reverse().find((p) => p < current);
    if (!base || base >= current) continue;
    for (const [, list] of byKey) {
      if (list.length < hb.minEntities) continue;
      const r = hbForKey(list, base, current, hb);
      if (!r) continue;
      const { result } = r;
      for (const score of result.scores) {
        if (!score.outlier) continue;
        const { series, base: b, current: c } = r.points.get(score.id)!;
        if (entities && !entities.has(series.entity)) continue;
        const f = hbFinding(series, b, c, score, result, base, current, panel.periods, options);
        if (f) out.push(f);
      }
    }
  }
  return out;
}

/**
 * detectHb on the panel's columns: series and points become objects only for the outliers
 * reported. The units of every indicator are gathered in one pass over the series in order (a
 * district's series are neighbours in the points table), not indicator by indicator across the
 * whole table; each indicator's units stay in series order, as hbForKey has them.
 */
function detectHbColumns(panel: Panel, pd: PanelData, options: HistoryOptions): HistoryFinding[] {
  const out: HistoryFinding[] = [];
  const K = pd.nSeriesKeys;
  const keyOf = pd.seriesKeyIndex;
  // Series per indicator (rates left out, as in detectHb): offsets into one array.
  const perKey = new Int32Array(K + 1);
  for (let s = 0; s < pd.seriesCount; s++) if (pd.seriesKind[s] !== K_RATE) perKey[keyOf[s] + 1]++;
  for (let k = 0; k < K; k++) perKey[k + 1] += perKey[k];
  const hb = options.hb;
  const total = perKey[K];
  const y1 = new Float64Array(total);
  const y2 = new Float64Array(total);
  const unitSeries = new Int32Array(total);
  /** The current point (a draft) of each unit. */
  const unitCurrent = new Int32Array(total);
  const fill = new Int32Array(K);
  let widest = 0;
  for (let k = 0; k < K; k++) widest = Math.max(widest, perKey[k + 1] - perKey[k]);
  const scratch = new HbScratch(widest);
  const T = pd.cells;
  const V = pd.singleValues;
  const F = pd.singleFlags;
  const stride = pd.cellStride;
  for (const step of currentPlan(panel, options)) {
    const current = step.period;
    const base = options.basePeriod ?? [...panel.periods].reverse().find((p) => p < current);
    if (!base || base >= current) continue;
    const mask = entityMask(pd.entityNames, step);
    const bp = pd.periodIndex(base);
    const cp = pd.periodIndex(current);
    fill.set(perKey.subarray(0, K));
    for (let s = 0; s < pd.seriesCount; s++) {
      if (pd.seriesKind[s] === K_RATE) continue;
      let b: number;
      let c: number;
      if (T) {
        const c0 = pd.cellBase(s);
        b = bp < 0 ? -1 : T[c0 + bp * stride];
        c = cp < 0 ? -1 : T[c0 + cp * stride];
      } else {
        b = bp < 0 ? -1 : pd.pointAt(s, bp);
        c = cp < 0 ? -1 : pd.pointAt(s, cp);
      }
      if (b < 0 || c < 0) continue;
      const i = fill[keyOf[s]]++;
      y1[i] = V ? V[b] : pd.value(b);
      y2[i] = V ? V[c] : pd.value(c);
      unitSeries[i] = s;
      unitCurrent[i] = c;
    }
    for (let k = 0; k < K; k++) {
      const from = perKey[k];
      // hbForKey's test: enough series of the indicator, whatever their points.
      if (perKey[k + 1] - from < hb.minEntities) continue;
      const n = fill[k] - from;
      const r = hbOnArrays(y1.subarray(from, from + n), y2.subarray(from, from + n), n, hb, hb.minEntities, scratch);
      if (!r) continue;
      for (const j of r.outliers) {
        const i = from + j;
        const s = unitSeries[i];
        if (mask && !mask[pd.seriesEntity[s]]) continue;
        // hbFinding's floor test, on the columns: most outliers of a large panel end here, before
        // their series is made.
        if (hb.useFloor) {
          const cd = unitCurrent[i];
          const kind = VALUE_KINDS[valueKindOf(F ? F[cd] : pd.flags(cd))];
          if (Math.abs(y2[i] - r.result.medianRatio * y1[i]) <= options.yoy.floor[kind]) continue;
        }
        const series = pd.series(s);
        const b = series.points.find((p) => p.period === base) as SeriesPoint;
        const c = series.points.find((p) => p.period === current) as SeriesPoint;
        const score: HbScore = { id: series.entity, y1: y1[i], y2: y2[i], ratio: r.ratio[j], s: r.s[j], E: r.E[j], outlier: true };
        const f = hbFinding(series, b, c, score, r.result, base, current, panel.periods, options);
        if (f) {
          setSeriesIndex(f, s);
          out.push(f);
        }
      }
    }
  }
  return out;
}
