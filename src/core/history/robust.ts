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
import { valueKindOf, VALUE_KINDS } from '../model-data';
import { dataOfPanel, type Panel, type PanelData, type Series, type SeriesPoint } from './align';
import {
  approxNote,
  currentPlan,
  entityMask,
  drawSeries,
  eps,
  findingSeries,
  fmtAmount,
  fmtChange,
  fmtPoint,
  fmtStat,
  fmtValue,
  type HistoryFinding,
  type HistoryOptions,
} from './common';
import { hmsg, whoText, yearText } from './messages';

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
  const message = hmsg(id, {
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
  });
  // The previous cell is the latest earlier one.
  const previous = history[history.length - 1];
  const stats: Record<string, number> = { median: ev.median, mad: ev.mad, zLimit: options.robust.z, floor, history: history.length };
  if (ev.z !== null) stats.z = ev.z;
  return {
    ruleId: 'history.robust',
    severity: 'warning',
    cells: [current.cell, previous.cell],
    message,
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
  for (let i = 1; i < n; i++) {
    const v = x[i];
    let j = i - 1;
    while (j >= 0 && x[j] > v) {
      x[j + 1] = x[j];
      j--;
    }
    x[j + 1] = v;
  }
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
 * on its objects, exactly as before.
 */
function detectRobustColumns(panel: Panel, pd: PanelData, options: HistoryOptions): HistoryFinding[] {
  const out: HistoryFinding[] = [];
  let values: Float64Array = new Float64Array(16);
  let deviations: Float64Array = new Float64Array(16);
  for (const step of currentPlan(panel, options)) {
    const current = step.period;
    const cp = pd.periodIndex(current);
    if (cp < 0) continue;
    const mask = entityMask(pd.entityNames, step);
    const currentRank = pd.periodRank[cp];
    if (values.length < currentRank) {
      values = new Float64Array(currentRank);
      deviations = new Float64Array(currentRank);
    }
    const byRank = pd.periodByRank;
    const T = pd.cells;
    const V = pd.singleValues;
    const F = pd.singleFlags;
    const floors = options.yoy.floor;
    for (let s = 0; s < pd.seriesCount; s++) {
      if (mask && !mask[pd.seriesEntity[s]]) continue;
      // The current point and the values of the periods before it (ranks follow string order).
      let cj: number;
      let n = 0;
      let x: number;
      let kind: number;
      if (T && V && F) {
        const c0 = pd.cellBase(s);
        const stride = pd.cellStride;
        cj = T[c0 + cp * stride];
        if (cj < 0) continue;
        for (let q = 0; q < currentRank; q++) {
          const k = T[c0 + byRank[q] * stride];
          if (k >= 0) values[n++] = V[k];
        }
        x = V[cj];
        kind = valueKindOf(F[cj]);
      } else {
        cj = pd.pointAt(s, cp);
        if (cj < 0) continue;
        for (let q = 0; q < currentRank; q++) {
          const k = pd.pointAt(s, byRank[q]);
          if (k >= 0) values[n++] = pd.value(k);
        }
        x = pd.value(cj);
        kind = valueKindOf(pd.flags(cj));
      }
      if (n < options.robust.minHistory) continue;
      const floor = floors[VALUE_KINDS[kind]];
      const med = medianInPlace(values, n);
      for (let i = 0; i < n; i++) deviations[i] = Math.abs(values[i] - med);
      const mad = medianInPlace(deviations, n);
      const width = Math.max(mad > 0 ? (options.robust.z * mad) / MAD_CONSTANT : 0, floor);
      const limit = width + eps(width, med);
      // Clearly inside: skip. Near a bound or outside: the object version decides.
      if (Math.abs(x - med) < limit * (1 - 1e-9) - 1e-12) continue;
      const series = pd.series(s);
      const cur = series.points.find((p) => p.period === current) as SeriesPoint;
      const history = series.points.filter((p) => p.period < current);
      const f = robustFinding(series, history, cur, panel.periods, options);
      if (f) {
        findingSeries.set(f, s);
        out.push(f);
      }
    }
  }
  return out;
}

