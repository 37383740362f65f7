// Options, finding shape and number formatting shared by the cross-period detectors.
import type { ValueKind } from '../model';
import type { Bilingual, Finding } from '../types';
import { formatNumber } from '../numerals';
import type { Panel, PanelCell, Series, SeriesPoint } from './panel';
import { both, historyMessage } from './messages';

export interface YoyOptions {
  /** Relative change |x₁ − x₀| / |x₀| that must be exceeded, per kind of value (0.5 = 50 %). */
  relative: Record<ValueKind, number>;
  /**
   * Absolute change that must ALSO be exceeded, per kind, in base units: counts in their unit,
   * money in 元, rates as fractions (0.05 = 5 percentage points). Also the materiality floor of
   * the robust and HB detectors.
   */
  floor: Record<ValueKind, number>;
  /** A ratio within this relative distance of a power of ten (×10, ÷10, ×10⁴…) gets the unit hint. */
  scaleTolerance: number;
}

export interface RobustOptions {
  /** |robust z| above this is flagged. */
  z: number;
  /** Earlier periods needed before the detector speaks. */
  minHistory: number;
}

export interface HbOptions {
  /** Size exponent U (0 ≤ U ≤ 1). */
  U: number;
  /** A: minimum spread as a fraction of the median score. */
  A: number;
  /** C: width of the bounds in spreads; a pair gives [lower, upper]. */
  C: number | [number, number];
  /** Entities with usable values in both periods needed before the detector speaks. */
  minEntities: number;
  /** Also require |y₂ − median ratio · y₁| to exceed the yoy floor of the kind. */
  useFloor: boolean;
}

export interface HistoryOptions {
  yoy: YoyOptions;
  robust: RobustOptions;
  hb: HbOptions;
  /** The period compared against; default: the latest earlier period with a value. */
  basePeriod?: string;
  /** The period checked; default: the latest period of the panel. */
  currentPeriod?: string;
  /** Check every period (each against its predecessor), not only the current one. Default false. */
  allPeriods: boolean;
  /** Which detectors run; all by default. */
  detectors: { yoy: boolean; robust: boolean; hb: boolean; structure: boolean; conflict: boolean };
}

/** Documented defaults (README, 跨年 tab). */
export const DEFAULT_HISTORY_OPTIONS: HistoryOptions = {
  yoy: {
    relative: { count: 0.5, money: 0.5, rate: 0.2, other: 0.5 },
    floor: { count: 10, money: 10000, rate: 0.05, other: 10 },
    scaleTolerance: 0.15,
  },
  robust: { z: 3.5, minHistory: 3 },
  hb: { U: 0.5, A: 0.05, C: 4, minEntities: 5, useFloor: true },
  allPeriods: false,
  detectors: { yoy: true, robust: true, hb: true, structure: true, conflict: true },
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends Array<unknown> ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type HistoryOptionsInput = DeepPartial<HistoryOptions>;

/** Defaults overlaid with what the caller gave. */
export function resolveOptions(input: HistoryOptionsInput = {}): HistoryOptions {
  const d = DEFAULT_HISTORY_OPTIONS;
  return {
    yoy: {
      relative: { ...d.yoy.relative, ...(input.yoy?.relative ?? {}) },
      floor: { ...d.yoy.floor, ...(input.yoy?.floor ?? {}) },
      scaleTolerance: input.yoy?.scaleTolerance ?? d.yoy.scaleTolerance,
    },
    robust: { ...d.robust, ...(input.robust ?? {}) },
    hb: { ...d.hb, ...(input.hb ?? {}) } as HbOptions,
    basePeriod: input.basePeriod,
    currentPeriod: input.currentPeriod,
    allPeriods: input.allPeriods ?? d.allPeriods,
    detectors: { ...d.detectors, ...(input.detectors ?? {}) },
  };
}

export type HistoryMethod = 'yoy' | 'robust' | 'hb' | 'structure' | 'conflict';

/** Everything a cross-period finding says, as data (the message says the same in words). */
export interface HistoryDetail {
  method: HistoryMethod;
  /** Series key (normalised indicator name, qualified by its parent where names repeat). */
  key: string;
  entity: string;
  currentPeriod: string;
  basePeriod?: string;
  currentValue?: number | null;
  baseValue?: number | null;
  /** current − base (yoy, hb, structure) or current − median (robust). */
  change?: number | null;
  /** change / |base|; null when the base is 0. */
  relativeChange?: number | null;
  /** The range the current value was expected in, in base units. */
  bounds?: { lower: number; upper: number };
  /** Method-specific figures: median, mad, z, ratio, E, quartiles, thresholds. */
  stats?: Record<string, number>;
  /** File of each cell, in the order of `cells`. */
  files: string[];
  /** A value involved is approximate (1900余). */
  approximate?: boolean;
}

export interface HistoryFinding extends Finding {
  method: HistoryMethod;
  series: Array<{ period: string; value: number | null }>;
  cells: PanelCell[];
  detail: HistoryDetail;
  /**
   * The series (index in the panel's columns) the finding is about, where the detector knows it:
   * for ordering. Not enumerable, so JSON and messages to the pane leave it out.
   */
  readonly seriesIndex?: number;
}

/** Sets a finding's series index (see HistoryFinding.seriesIndex). */
export function setSeriesIndex(f: HistoryFinding, index: number): void {
  Object.defineProperty(f, 'seriesIndex', { value: index, enumerable: false, configurable: true });
}

// ---------------------------------------------------------------------------------------------
// Formatting

function trimmed(v: number, decimals: number): string {
  // Rounds to `decimals`, then drops trailing zeros: 81.50 → 81.5, 53.00 → 53.
  const s = formatNumber(v, decimals);
  if (s.indexOf('.') < 0) return s;
  let end = s.length;
  while (s.charCodeAt(end - 1) === 48 /* '0' */) end--;
  if (end === s.length) return s;
  if (s.charCodeAt(end - 1) === 46 /* '.' */) end--;
  return s.slice(0, end);
}

/** A value of a kind, for messages: rates as percentages, money with its unit (元). */
export function fmtValue(v: number, kind: ValueKind): Bilingual {
  if (kind === 'rate') return both(`${trimmed(v * 100, 2)}%`);
  if (kind === 'money') return historyMessage('history.money', { amount: trimmed(v, 2) });
  return both(trimmed(v, 2));
}

/** A point as written in the sheet when approximate (1900余), else formatted. */
export function fmtPoint(p: SeriesPoint): Bilingual {
  return p.approximate && p.text ? both(p.text) : fmtValue(p.value, p.kind);
}

/** An amount of change of a kind (no sign): rates in percentage points. */
export function fmtAmount(v: number, kind: ValueKind): Bilingual {
  const a = Math.abs(v);
  if (kind === 'rate') return historyMessage('history.points', { amount: trimmed(a * 100, 2) });
  return fmtValue(a, kind);
}

export function fmtChange(change: number, kind: ValueKind): Bilingual {
  if (change === 0) return historyMessage('history.change.none');
  return historyMessage(change > 0 ? 'history.change.up' : 'history.change.down', { amount: fmtAmount(change, kind) });
}

export function fmtRelative(rel: number | null): Bilingual {
  if (rel === null) return historyMessage('history.change.from-zero');
  const pct = trimmed(rel * 100, 1);
  return both(`${rel > 0 ? '+' : ''}${pct}%`);
}

export function fmtPercent(fraction: number): string {
  return `${trimmed(fraction * 100, 1)}%`;
}

/** A dimensionless statistic (z, E, ratios): up to 3 decimals, or 3 significant digits when small. */
export function fmtStat(v: number): string {
  if (v !== 0 && Math.abs(v) < 0.01) return Number(v.toPrecision(3)).toString();
  return trimmed(v, 3);
}

/** The note on approximate values, or ''. */
export function approxNote(points: SeriesPoint[]): Bilingual | string {
  const a = points.find((p) => p.approximate);
  return a ? historyMessage('history.note.approx', { text: a.text || fmtValue(a.value, a.kind) }) : '';
}

/**
 * The series for drawing: every year from the series' first period up to `upTo`, null where it
 * has no number (a blank year shows as a gap, not as a straight line).
 */
export function drawSeries(series: Series, periods: string[], upTo: string): Array<{ period: string; value: number | null }> {
  const first = series.points[0]?.period ?? upTo;
  const byPeriod = new Map(series.points.map((p) => [p.period, p.value]));
  const years = new Set(periods.filter((p) => p >= first && p <= upTo));
  const a = Number(first);
  const b = Number(upTo);
  if (Number.isInteger(a) && Number.isInteger(b) && b - a <= 200) for (let y = a; y <= b; y++) years.add(String(y));
  return [...years].sort().map((p) => ({ period: p, value: byPeriod.get(p) ?? null }));
}

/** Sorts x[lo … hi] ascending in place by insertion (the short runs the detectors sort; no NaN in x). */
export function insertionSort(x: Float64Array, lo: number, hi: number): void {
  for (let i = lo + 1; i <= hi; i++) {
    const v = x[i];
    let j = i - 1;
    while (j >= lo && x[j] > v) {
      x[j + 1] = x[j];
      j--;
    }
    x[j + 1] = v;
  }
}

/** Tolerance for float noise when comparing against a bound: 1e-9 · (1 + the larger finite |a|, |b|). */
export function eps(a: number, b: number): number {
  // Two fixed arguments, not a rest list: it runs once per series, and a list per call was most
  // of what the detectors allocated on a 3 M panel.
  const x = Number.isFinite(a) ? Math.abs(a) : 0;
  const y = Number.isFinite(b) ? Math.abs(b) : 0;
  return 1e-9 * (1 + (x > y ? x : y));
}

/** The periods checked: the one asked for, every period but the first, or the latest. */
export function currentPeriods(periods: string[], options: Pick<HistoryOptions, 'currentPeriod' | 'allPeriods'>): string[] {
  if (options.currentPeriod) return [options.currentPeriod];
  if (options.allPeriods) return periods.slice(1);
  return periods.length > 0 ? [periods[periods.length - 1]] : [];
}

/** A period checked, and the entities checked in it (null: every entity). */
export interface CurrentStep {
  period: string;
  entities: ReadonlySet<string> | null;
}

/**
 * What the detectors check: the period asked for, or every period but the first, in every
 * entity; by default each entity's own latest period — so when files or districts end in
 * different years (one bureau has sent 2023, another only 2022), every one is still checked
 * against its own previous year instead of being passed over.
 */
export function currentPlan(panel: Pick<Panel, 'periods' | 'entities' | 'coverage'>, options: Pick<HistoryOptions, 'currentPeriod' | 'allPeriods'>): CurrentStep[] {
  if (options.currentPeriod || options.allPeriods) return currentPeriods(panel.periods, options).map((period) => ({ period, entities: null }));
  const byLatest = new Map<string, string[]>();
  for (const entity of panel.entities) {
    let latest: string | undefined;
    for (const p of panel.coverage[entity] ?? []) if (latest === undefined || p > latest) latest = p;
    if (latest === undefined) continue;
    const list = byLatest.get(latest);
    if (list) list.push(entity);
    else byLatest.set(latest, [entity]);
  }
  if (byLatest.size <= 1) return currentPeriods(panel.periods, options).map((period) => ({ period, entities: null }));
  return [...byLatest.keys()].sort().map((period) => ({ period, entities: new Set(byLatest.get(period)) }));
}

/** Per entity index of `names`: 1 when the step checks it; null when it checks every entity. */
export function entityMask(names: readonly string[], step: CurrentStep): Uint8Array | null {
  const only = step.entities;
  return only ? Uint8Array.from(names, (n) => (only.has(n) ? 1 : 0)) : null;
}

/** The period a current one is compared with: the one asked for, else the latest earlier one in `available`. */
export function basePeriodFor(current: string, available: string[], options: Pick<HistoryOptions, 'basePeriod'>): string | undefined {
  if (options.basePeriod) return options.basePeriod < current ? options.basePeriod : undefined;
  let best: string | undefined;
  for (const p of available) if (p < current && (best === undefined || p > best)) best = p;
  return best;
}
