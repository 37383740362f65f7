// Robust history (the bureau against its own past): with at least `minHistory` (3) EARLIER
// periods h₁…hₙ, the current value x gets the robust z-score
//   z = 0.6745 · (x − median(h)) / MAD(h),   MAD(h) = median(|hᵢ − median(h)|)
// (0.6745 = 1/1.4826: MAD·1.4826 estimates σ for normal data). It is flagged when |z| > 3.5
// (Iglewicz & Hoaglin) AND |x − median| exceeds the yoy floor of its kind, so noise of a few
// units on a flat history is not flagged. Equivalently x must lie in
//   median ± max(3.5 · MAD / 0.6745, floor),
// the bounds reported. MAD = 0 (more than half the earlier values are equal) leaves only the
// floor: a flat history followed by a change above the floor is flagged ("history.robust.flat").
// The earlier values are all periods before the current one, whatever basePeriod says.
import { median, medianAbsoluteDeviation } from 'simple-statistics';
import { valueKindOf, VALUE_KINDS } from '../obs-flags';
import { dataOfPanel, type Panel, type PanelData, type Series, type SeriesPoint } from './panel';
import {
  approxNote,
  currentPlan,
  entityMask,
  drawSeries,
  eps,
  setSeriesIndex,
  insertionSort,
  fmtAmount,
  fmtChange,
  fmtPoint,
  fmtStat,
  fmtValue,
  type HistoryFinding,
  type HistoryOptions,
} from './common';
import { historyMessage, whoText, yearText } from './messages';

/** 1 / 1.4826: the consistency constant of the MAD. */
export const MAD_CONSTANT = 0.6745;

export interface RobustEvaluation {
  median: number;
  /** Unscaled MAD. */
  mad: number;
  /** null when the MAD is 0. */
  z: number | null;
  lower: number;
  upper: number;
  flagged: boolean;
}

/** Robust z of `x` against `history` (the earlier values), with the z limit and the floor. */
export function evaluateRobust(history: number[], x: number, zMax: number, floor: number): RobustEvaluation {
  const med = median(history);
  const mad = medianAbsoluteDeviation(history);
  const z = mad > 0 ? (MAD_CONSTANT * (x - med)) / mad : null;
  const width = Math.max(mad > 0 ? (zMax * mad) / MAD_CONSTANT : 0, floor);
  const flagged = Math.abs(x - med) > width + eps(width, med);
  return { median: med, mad, z, lower: med - width, upper: med + width, flagged };
}

export function robustFinding(series: Series, history: SeriesPoint[], current: SeriesPoint, periods: string[], options: HistoryOptions): HistoryFinding | undefined {
  const kind = current.kind;
  const floor = options.yoy.floor[kind];
  const ev = evaluateRobust(history.map((p) => p.value), current.value, options.robust.z, floor);
  if (!ev.flagged) return undefined;
  const change = current.value - ev.median;
  const id = ev.z === null ? 'history.robust.flat' : 'history.robust';
  const params = {
    indicator: series.label,
    who: whoText(series.entity),
    current: yearText(current.period),
    currentValue: fmtPoint(current),
    n: history.length,
    years: history.map((p) => p.period).join(', '),
    median: fmtValue(ev.median, kind),
    mad: kind === 'rate' ? fmtAmount(ev.mad, kind) : fmtValue(ev.mad, kind),
    z: ev.z === null ? '' : fmtStat(ev.z),
    zMax: options.robust.z,
    change: fmtChange(change, kind),
    lower: fmtValue(ev.lower, kind),
    upper: fmtValue(ev.upper, kind),
    floor: fmtAmount(floor, kind),
    note: approxNote([current, ...history]),
  };
  const message = historyMessage(id, params);
  const details = historyMessage(ev.z === null ? 'history.robust.flat.details' : 'history.robust.details', params);
  // The previous cell is the latest earlier one.
  const previous = history[history.length - 1];
  const stats: Record<string, number> = { median: ev.median, mad: ev.mad, zLimit: options.robust.z, floor, history: history.length };
  if (ev.z !== null) stats.z = ev.z;
  return {
    ruleId: 'history.robust',
    severity: 'warning',
    cells: [current.cell, previous.cell],
    message,
    details,
    values: [current.value, previous.value],
    expected: ev.median,
    difference: change,
    indicator: series.label,
    entity: series.entity || undefined,
    period: current.period,
    method: 'robust',
    series: drawSeries(series, periods, current.period),
    detail: {
      method: 'robust',
      key: series.key,
      entity: series.entity,
      currentPeriod: current.period,
      basePeriod: previous.period,
      currentValue: current.value,
      baseValue: previous.value,
      change,
      relativeChange: ev.median === 0 ? null : change / Math.abs(ev.median),
      bounds: { lower: ev.lower, upper: ev.upper },
      stats,
      files: [current.cell.file, previous.cell.file],
      approximate: current.approximate || history.some((p) => p.approximate) || undefined,
    },
  };
}

/** Robust-history findings over every series with enough earlier periods. */
export function detectRobust(panel: Panel, options: HistoryOptions): HistoryFinding[] {
  const pd = dataOfPanel(panel);
  if (pd) return detectRobustColumns(panel, pd, options);
  const out: HistoryFinding[] = [];
  for (const { period: current, entities } of currentPlan(panel, options)) {
    for (const s of panel.series) {
      if (entities && !entities.has(s.entity)) continue;
      const cur = s.points.find((p) => p.period === current);
      if (!cur) continue;
      const history = s.points.filter((p) => p.period < current);
      if (history.length < options.robust.minHistory) continue;
      const f = robustFinding(s, history, cur, panel.periods, options);
      if (f) out.push(f);
    }
  }
  return out;
}

/** The median as simple-statistics computes it (type 7 at p = 0.5), of x[0 … n), sorting x in place. */
export function medianInPlace(x: Float64Array, n: number): number {
  insertionSort(x, 0, n - 1);
  const idx = (n - 1) * 0.5;
  if (idx % 1 !== 0) {
    const lower = Math.floor(idx);
    const upper = Math.ceil(idx);
    return x[lower] + (idx - lower) * (x[upper] - x[lower]);
  }
  return x[idx];
}

/**
 * detectRobust on the panel's columns. A series whose value is clearly inside the robust bounds
 * is passed over; any other (flagged, or within rounding of a bound) is judged by robustFinding
 * on its objects, as the object path judges it, in series order.
 */
function detectRobustColumns(panel: Panel, pd: PanelData, options: HistoryOptions): HistoryFinding[] {
  const out: HistoryFinding[] = [];
  for (const step of currentPlan(panel, options)) {
    const current = step.period;
    const cp = pd.periodIndex(current);
    if (cp < 0) continue;
    const mask = entityMask(pd.entityNames, step);
    const candidates = pd.cells && pd.singleValues && pd.singleFlags ? robustCandidatesDense(pd, cp, mask, options) : robustCandidates(pd, cp, mask, options);
    for (const s of candidates) {
      const series = pd.series(s);
      const cur = series.points.find((p) => p.period === current) as SeriesPoint;
      const history = series.points.filter((p) => p.period < current);
      const f = robustFinding(series, history, cur, panel.periods, options);
      if (f) {
        setSeriesIndex(f, s);
        out.push(f);
      }
    }
  }
  return out;
}

/**
 * Whether x is not clearly inside the robust bounds of values[0 … n) (sorted in place): the test
 * robustFinding makes, with room for rounding at the bounds.
 */
function nearOrOutside(values: Float64Array, n: number, x: number, floor: number, z: number): boolean {
  const med = medianInPlace(values, n);
  const dx = Math.abs(x - med);
  // The bounds are never narrower than the floor: a value clearly within the floor of the median
  // is inside whatever the MAD is (the limit below only grows with the width).
  if (floor >= 0 && dx < (floor + eps(floor, med)) * (1 - 1e-9) - 1e-12) return false;
  const mad = madOfSorted(values, n, med);
  const width = Math.max(mad > 0 ? (z * mad) / MAD_CONSTANT : 0, floor);
  const limit = width + eps(width, med);
  return !(dx < limit * (1 - 1e-9) - 1e-12);
}

/**
 * The median of |x[i] − med| over a sorted x[0 … n) whose median is med, as medianInPlace gives
 * it: the deviations are taken in ascending order from the two sides of the median (those below
 * it grow to the left, those above it to the right) up to the middle ones.
 */
export function madOfSorted(x: Float64Array, n: number, med: number): number {
  const idx = (n - 1) * 0.5;
  const lower = Math.floor(idx);
  const upper = Math.ceil(idx);
  let l = lower;
  while (l + 1 < n && x[l + 1] <= med) l++;
  let r = l + 1;
  let a = 0;
  let b = 0;
  for (let t = 0; t <= upper; t++) {
    let d: number;
    if (r >= n || (l >= 0 && Math.abs(x[l] - med) <= Math.abs(x[r] - med))) d = Math.abs(x[l--] - med);
    else d = Math.abs(x[r++] - med);
    if (t === lower) a = d;
    b = d;
  }
  return lower === upper ? a : a + (idx - lower) * (b - a);
}

/** Series to judge in period cp, in series order: any panel. */
function robustCandidates(pd: PanelData, cp: number, mask: Uint8Array | null, options: HistoryOptions): number[] {
  const out: number[] = [];
  const currentRank = pd.periodRank[cp];
  const values = new Float64Array(Math.max(1, currentRank));
  const byRank = pd.periodByRank;
  for (let s = 0; s < pd.seriesCount; s++) {
    if (mask && !mask[pd.seriesEntity[s]]) continue;
    // The current point and the values of the periods before it (ranks follow string order).
    const cj = pd.pointAt(s, cp);
    if (cj < 0) continue;
    let n = 0;
    for (let q = 0; q < currentRank; q++) {
      const k = pd.pointAt(s, byRank[q]);
      if (k >= 0) values[n++] = pd.value(k);
    }
    if (n < options.robust.minHistory) continue;
    const floor = options.yoy.floor[VALUE_KINDS[valueKindOf(pd.flags(cj))]];
    if (nearOrOutside(values, n, pd.value(cj), floor, options.robust.z)) out.push(s);
  }
  return out;
}

/**
 * robustCandidates on a dense points table of one model. The table is entity × period × key, so
 * the values are gathered an entity at a time, period row by period row (memory in order, where
 * series by series would jump a row per value), then judged key by key.
 */
function robustCandidatesDense(pd: PanelData, cp: number, mask: Uint8Array | null, options: HistoryOptions): number[] {
  const T = pd.cells as Int32Array;
  const V = pd.singleValues as Float64Array;
  const F = pd.singleFlags as Uint8Array;
  const K = pd.nSeriesKeys;
  const P = pd.periodNames.length;
  const E = pd.entityNames.length;
  const currentRank = pd.periodRank[cp];
  const slots = Math.max(1, currentRank);
  // The series of each entity and key (−1: none).
  const seriesAt = new Int32Array(E * K).fill(-1);
  for (let s = 0; s < pd.seriesCount; s++) seriesAt[pd.seriesEntity[s] * K + pd.seriesKeyIndex[s]] = s;
  const gathered = new Float64Array(K * slots);
  const count = new Int32Array(K);
  const values = new Float64Array(slots);
  const floors = VALUE_KINDS.map((k) => options.yoy.floor[k]);
  const out: number[] = [];
  for (let e = 0; e < E; e++) {
    if (mask && !mask[e]) continue;
    count.fill(0);
    for (let q = 0; q < currentRank; q++) {
      const row = (e * P + pd.periodByRank[q]) * K;
      for (let sk = 0; sk < K; sk++) {
        const k = T[row + sk];
        if (k >= 0) gathered[sk * slots + count[sk]++] = V[k];
      }
    }
    const currentRow = (e * P + cp) * K;
    for (let sk = 0; sk < K; sk++) {
      const cj = T[currentRow + sk];
      const n = count[sk];
      if (cj < 0 || n < options.robust.minHistory) continue;
      for (let i = 0; i < n; i++) values[i] = gathered[sk * slots + i];
      if (nearOrOutside(values, n, V[cj], floors[valueKindOf(F[cj])], options.robust.z)) out.push(seriesAt[e * K + sk]);
    }
  }
  // Series order, as the findings were made before.
  return out.sort((a, b) => a - b);
}
