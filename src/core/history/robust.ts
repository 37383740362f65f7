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
import type { Panel, Series, SeriesPoint } from './align';
import {
  approxNote,
  currentPeriods,
  drawSeries,
  eps,
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
  const out: HistoryFinding[] = [];
  for (const current of currentPeriods(panel.periods, options)) {
    for (const s of panel.series) {
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
