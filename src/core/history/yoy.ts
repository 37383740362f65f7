// Year-over-year change (同比), in the spirit of Deequ's RelativeRateOfChange and AbsoluteChange
// strategies combined: a value is flagged when BOTH
//   |x₁ − x₀| / |x₀| > relative[kind]      (50 % for counts, money and other; 20 % for rates)
//   |x₁ − x₀|        > floor[kind]         (10 for counts and other, 10 000 元, 5 percentage points)
// so 3 → 6 (+100 %, +3) passes and 106 → 188 (+77.4 %, +82) is flagged. Equivalently x₁ must lie
// in x₀ ± max(relative·|x₀|, floor): these are the bounds reported. With x₀ = 0 the relative
// change is infinite and only the floor applies.
// A ratio x₁/x₀ within ±15 % of a power of ten other than 1 (|log₁₀| ≥ 0.9: ×10, ÷10, ×10 000 …)
// adds the hint "possible unit or extra-digit error" (元 vs 万元, 728588 → 7285880).
import type { ValueKind } from '../model';
import { valueKindOf, VALUE_KINDS } from '../obs-flags';
import { dataOfPanel, type Panel, type PanelData, type Series, type SeriesPoint } from './panel';
import {
  approxNote,
  basePeriodFor,
  currentPlan,
  entityMask,
  drawSeries,
  eps,
  setSeriesIndex,
  fmtAmount,
  fmtChange,
  fmtPercent,
  fmtPoint,
  fmtRelative,
  fmtValue,
  type HistoryFinding,
  type HistoryOptions,
  type YoyOptions,
} from './common';
import { both, historyMessage, whoText, yearText } from './messages';

export interface YoyEvaluation {
  change: number;
  /** null when the base is 0. */
  relative: number | null;
  /** x₀ ± max(relative·|x₀|, floor). */
  lower: number;
  upper: number;
  flagged: boolean;
  /** The power of ten the ratio is close to (10, 0.1, 10000 …), when it is. */
  scale?: number;
}

/** The power of ten a ratio is close to (within `tolerance`, |log₁₀| ≥ 0.9), if any. */
export function nearPowerOfTen(ratio: number, tolerance: number): number | undefined {
  if (!Number.isFinite(ratio) || ratio <= 0) return undefined;
  const l = Math.log10(ratio);
  if (Math.abs(l) < 0.9) return undefined;
  const k = Math.round(l);
  if (k === 0) return undefined;
  const p = Math.pow(10, k);
  return Math.abs(ratio / p - 1) <= tolerance ? p : undefined;
}

/** Compares two values of one kind with the yoy thresholds. */
export function evaluateYoy(base: number, current: number, kind: ValueKind, options: YoyOptions): YoyEvaluation {
  const change = current - base;
  const relative = base === 0 ? null : change / Math.abs(base);
  const width = Math.max(options.relative[kind] * Math.abs(base), options.floor[kind]);
  const lower = base - width;
  const upper = base + width;
  const flagged = Math.abs(change) > width + eps(width, base);
  const out: YoyEvaluation = { change, relative, lower, upper, flagged };
  if (flagged && base !== 0) {
    const scale = nearPowerOfTen(current / base, options.scaleTolerance);
    if (scale !== undefined) out.scale = scale;
  }
  return out;
}

function factorText(scale: number) {
  if (scale >= 1) return historyMessage('history.factor.up', { k: String(scale) });
  return historyMessage('history.factor.down', { k: String(Math.round(1 / scale)) });
}

/** One yoy finding for a series compared between two of its points. */
export function yoyFinding(series: Series, base: SeriesPoint, current: SeriesPoint, periods: string[], options: YoyOptions): HistoryFinding | undefined {
  const kind = current.kind;
  const ev = evaluateYoy(base.value, current.value, kind, options);
  if (!ev.flagged) return undefined;
  const params = {
    indicator: series.label,
    who: whoText(series.entity),
    current: yearText(current.period),
    base: yearText(base.period),
    currentValue: fmtPoint(current),
    baseValue: fmtPoint(base),
    change: fmtChange(ev.change, kind),
    relative: fmtRelative(ev.relative),
    lower: fmtValue(ev.lower, kind),
    upper: fmtValue(ev.upper, kind),
    threshold: both(`±${fmtPercent(options.relative[kind])}`),
    floor: fmtAmount(options.floor[kind], kind),
    factor: ev.scale !== undefined ? factorText(ev.scale) : undefined,
    note: approxNote([current, base]),
  };
  const stats: Record<string, number> = { relativeThreshold: options.relative[kind], floor: options.floor[kind] };
  if (ev.scale !== undefined) stats.scale = ev.scale;
  return {
    ruleId: ev.scale !== undefined ? 'history.yoy.scale' : 'history.yoy',
    severity: 'warning',
    cells: [current.cell, base.cell],
    message: historyMessage(ev.scale !== undefined ? 'history.yoy.scale' : 'history.yoy', params),
    details: historyMessage('history.yoy.details', params),
    values: [current.value, base.value],
    expected: base.value,
    difference: ev.change,
    indicator: series.label,
    entity: series.entity || undefined,
    period: current.period,
    method: 'yoy',
    series: drawSeries(series, periods, current.period),
    detail: {
      method: 'yoy',
      key: series.key,
      entity: series.entity,
      currentPeriod: current.period,
      basePeriod: base.period,
      currentValue: current.value,
      baseValue: base.value,
      change: ev.change,
      relativeChange: ev.relative,
      bounds: { lower: ev.lower, upper: ev.upper },
      stats,
      files: [current.cell.file, base.cell.file],
      approximate: current.approximate || base.approximate || undefined,
    },
  };
}

/** Year-over-year findings over every series of the panel. */
export function detectYoy(panel: Panel, options: HistoryOptions): HistoryFinding[] {
  const pd = dataOfPanel(panel);
  if (pd) return detectYoyColumns(panel, pd, options);
  const out: HistoryFinding[] = [];
  for (const { period: current, entities } of currentPlan(panel, options)) {
    for (const s of panel.series) {
      if (entities && !entities.has(s.entity)) continue;
      const cur = s.points.find((p) => p.period === current);
      if (!cur) continue;
      const basePeriod = basePeriodFor(current, s.points.map((p) => p.period), options);
      const base = basePeriod ? s.points.find((p) => p.period === basePeriod) : undefined;
      if (!base) continue;
      const f = yoyFinding(s, base, cur, panel.periods, options.yoy);
      if (f) out.push(f);
    }
  }
  return out;
}

/**
 * detectYoy on the panel's columns: a series becomes objects only when its change is flagged. The
 * scan writes every series' candidate slot and counts only the flagged ones (no branch that runs
 * for the first time in the middle of the loop, which would send V8 back to unoptimised code);
 * the findings are made after it, in series order.
 */
function detectYoyColumns(panel: Panel, pd: PanelData, options: HistoryOptions): HistoryFinding[] {
  const out: HistoryFinding[] = [];
  const candidates = new Int32Array(Math.max(1, pd.seriesCount));
  const bases = new Int32Array(Math.max(1, pd.seriesCount));
  const relative = VALUE_KINDS.map((k) => options.yoy.relative[k]);
  const floor = VALUE_KINDS.map((k) => options.yoy.floor[k]);
  for (const step of currentPlan(panel, options)) {
    const current = step.period;
    const cp = pd.periodIndex(current);
    if (cp < 0) continue;
    const mask = entityMask(pd.entityNames, step);
    const T = pd.cells;
    const V = pd.singleValues;
    const F = pd.singleFlags;
    const byRank = pd.periodByRank;
    const currentRank = pd.periodRank[cp];
    const asked = options.basePeriod ? (options.basePeriod < current ? options.basePeriod : undefined) : undefined;
    const askedIndex = asked ? pd.periodIndex(asked) : -1;
    let n = 0;
    for (let s = 0; s < pd.seriesCount; s++) {
      if (mask && !mask[pd.seriesEntity[s]]) continue;
      // basePeriodFor over the series' periods: the latest point before the current one.
      let cj: number;
      let bj = -1;
      if (T) {
        const c0 = pd.cellBase(s);
        const stride = pd.cellStride;
        cj = T[c0 + cp * stride];
        if (cj < 0) continue;
        if (options.basePeriod) bj = askedIndex >= 0 ? T[c0 + askedIndex * stride] : -1;
        else for (let q = currentRank - 1; q >= 0 && bj < 0; q--) bj = T[c0 + byRank[q] * stride];
      } else {
        cj = pd.pointAt(s, cp);
        if (cj < 0) continue;
        if (options.basePeriod) bj = pd.pointAt(s, askedIndex);
        else bj = pd.pointBefore(s, currentRank);
      }
      if (bj < 0) continue;
      // evaluateYoy(base, current, kind).flagged, without the result object.
      const kind = valueKindOf(F ? F[cj] : pd.flags(cj));
      const bv = V ? V[bj] : pd.value(bj);
      const width = Math.max(relative[kind] * Math.abs(bv), floor[kind]);
      candidates[n] = s;
      bases[n] = bj;
      if (Math.abs((V ? V[cj] : pd.value(cj)) - bv) > width + eps(width, bv)) n++;
    }
    for (let i = 0; i < n; i++) {
      const s = candidates[i];
      const basePeriod = options.basePeriod ? asked : pd.periodNames[pd.period(bases[i])];
      const series = pd.series(s);
      const cur = series.points.find((p) => p.period === current) as SeriesPoint;
      const base = series.points.find((p) => p.period === basePeriod) as SeriesPoint;
      const f = yoyFinding(series, base, cur, panel.periods, options.yoy);
      if (f) {
        setSeriesIndex(f, s);
        out.push(f);
      }
    }
  }
  return out;
}
