// The 跨年 tab's logic without React and without the engine (type imports only, so it can sit in
// the pane's first load): the threshold form ↔ HistoryOptions, the period choice, the history
// findings grouped for the list, value formatting, and the trend chart request for the host.
import { fromA1, toA1 } from '../../core/a1';
import type { HistoryDetail, HistoryOptions, HistoryOptionsInput } from '../../core/history';
import type { ValueKind } from '../../core/model';
import type { CellValue, Finding, Lang, LayoutKind, SheetGrid, WorkbookSnapshot } from '../../core/types';
import type { TrendChartRef } from '../capabilities';
import type { CrossYearKey, CrossYearTranslate } from './cross-year-strings';

// ---------------------------------------------------------------------------------------------
// The workbook as the detectors see it (built by cross-year-reader.ts)

export interface ChartPoint {
  period: string;
  /** Base units: 元, rates as fractions. */
  value: number;
  approximate: boolean;
  kind: ValueKind;
  sheet: string;
  address: string;
}

export interface IndicatorSeries {
  /** `${entity}\u0000${key}`, as core/history's Series.id. */
  id: string;
  entity: string;
  key: string;
  label: string;
  kind: ValueKind;
  points: ChartPoint[];
}

export interface WorkbookHistory {
  /** Years with at least one number, sorted. */
  periods: string[];
  entities: string[];
  layouts: Record<string, LayoutKind | 'skipped'>;
  series: IndicatorSeries[];
}

// ---------------------------------------------------------------------------------------------
// Thresholds

export type FieldId =
  | 'relative.count'
  | 'relative.money'
  | 'relative.rate'
  | 'relative.other'
  | 'floor.count'
  | 'floor.money'
  | 'floor.rate'
  | 'floor.other'
  | 'scaleTolerance'
  | 'z'
  | 'minHistory'
  | 'U'
  | 'A'
  | 'C'
  | 'minEntities';

type Check = 'nonNegative' | 'positive' | 'unit' | 'int1' | 'int2' | 'pair';

export interface FieldSpec {
  id: FieldId;
  group: 'yoy' | 'robust' | 'hb';
  label: CrossYearKey;
  /** Shown = stored × scale (fractions as percentages). */
  scale: number;
  check: Check;
  get(o: HistoryOptions): number | [number, number];
  set(o: HistoryOptions, v: number | [number, number]): void;
}

const KINDS: ValueKind[] = ['count', 'money', 'rate', 'other'];

export const FIELDS: readonly FieldSpec[] = [
  ...KINDS.map(
    (k): FieldSpec => ({
      id: `relative.${k}` as FieldId,
      group: 'yoy',
      label: `cy.f.relative.${k}` as CrossYearKey,
      scale: 100,
      check: 'nonNegative',
      get: (o) => o.yoy.relative[k],
      set: (o, v) => void (o.yoy.relative[k] = v as number),
    }),
  ),
  ...KINDS.map(
    (k): FieldSpec => ({
      id: `floor.${k}` as FieldId,
      group: 'yoy',
      label: `cy.f.floor.${k}` as CrossYearKey,
      scale: k === 'rate' ? 100 : 1,
      check: 'nonNegative',
      get: (o) => o.yoy.floor[k],
      set: (o, v) => void (o.yoy.floor[k] = v as number),
    }),
  ),
  { id: 'scaleTolerance', group: 'yoy', label: 'cy.f.scaleTolerance', scale: 100, check: 'nonNegative', get: (o) => o.yoy.scaleTolerance, set: (o, v) => void (o.yoy.scaleTolerance = v as number) },
  { id: 'z', group: 'robust', label: 'cy.f.z', scale: 1, check: 'positive', get: (o) => o.robust.z, set: (o, v) => void (o.robust.z = v as number) },
  { id: 'minHistory', group: 'robust', label: 'cy.f.minHistory', scale: 1, check: 'int1', get: (o) => o.robust.minHistory, set: (o, v) => void (o.robust.minHistory = v as number) },
  { id: 'U', group: 'hb', label: 'cy.f.U', scale: 1, check: 'unit', get: (o) => o.hb.U, set: (o, v) => void (o.hb.U = v as number) },
  { id: 'A', group: 'hb', label: 'cy.f.A', scale: 1, check: 'nonNegative', get: (o) => o.hb.A, set: (o, v) => void (o.hb.A = v as number) },
  { id: 'C', group: 'hb', label: 'cy.f.C', scale: 1, check: 'pair', get: (o) => o.hb.C, set: (o, v) => void (o.hb.C = v) },
  { id: 'minEntities', group: 'hb', label: 'cy.f.minEntities', scale: 1, check: 'int2', get: (o) => o.hb.minEntities, set: (o, v) => void (o.hb.minEntities = v as number) },
];

export type Detectors = HistoryOptions['detectors'];
export const DETECTORS: ReadonlyArray<keyof Detectors> = ['yoy', 'robust', 'hb', 'structure', 'conflict'];

export interface ThresholdForm {
  values: Record<FieldId, string>;
  detectors: Detectors;
}

export interface FieldError {
  key: CrossYearKey;
  params?: Record<string, string | number>;
}

/** A number as typed in a field: no float noise (0.05 × 100 → 5, not 5.000000000000001). */
const shown = (v: number, scale: number): string => String(Number((v * scale).toPrecision(12)));

/** Deep copy of options (they are plain data). */
export function cloneOptions(o: HistoryOptions): HistoryOptions {
  return {
    ...o,
    yoy: { relative: { ...o.yoy.relative }, floor: { ...o.yoy.floor }, scaleTolerance: o.yoy.scaleTolerance },
    robust: { ...o.robust },
    hb: { ...o.hb, C: Array.isArray(o.hb.C) ? [o.hb.C[0], o.hb.C[1]] : o.hb.C },
    detectors: { ...o.detectors },
  };
}

/** Session options (partial, maybe from an earlier version) over the defaults. */
export function mergeOptions(defaults: HistoryOptions, input: HistoryOptionsInput | false | undefined): HistoryOptions {
  const o = cloneOptions(defaults);
  if (!input) return o;
  Object.assign(o.yoy.relative, input.yoy?.relative ?? {});
  Object.assign(o.yoy.floor, input.yoy?.floor ?? {});
  if (input.yoy?.scaleTolerance !== undefined) o.yoy.scaleTolerance = input.yoy.scaleTolerance;
  Object.assign(o.robust, input.robust ?? {});
  Object.assign(o.hb, input.hb ?? {});
  Object.assign(o.detectors, input.detectors ?? {});
  o.basePeriod = input.basePeriod;
  o.currentPeriod = input.currentPeriod;
  o.allPeriods = input.allPeriods ?? o.allPeriods;
  return o;
}

export function formFromOptions(o: HistoryOptions): ThresholdForm {
  const values = {} as Record<FieldId, string>;
  for (const f of FIELDS) {
    const v = f.get(o);
    values[f.id] = Array.isArray(v) ? v.map((x) => shown(x, f.scale)).join(', ') : shown(v, f.scale);
  }
  return { values, detectors: { ...o.detectors } };
}

function parseNumber(text: string): number | null {
  const s = text.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function checkField(f: FieldSpec, text: string): { value: number | [number, number] } | { error: FieldError } {
  if (f.check === 'pair') {
    const parts = text.split(/[,，;；]/).map((p) => p.trim());
    const nums = parts.map(parseNumber);
    if ((parts.length === 1 || parts.length === 2) && nums.every((n) => n !== null && n > 0)) {
      return { value: nums.length === 1 ? (nums[0] as number) : [nums[0] as number, nums[1] as number] };
    }
    return { error: { key: 'cy.invalid.pair' } };
  }
  const n = parseNumber(text);
  if (n === null) return { error: { key: 'cy.invalid.number' } };
  switch (f.check) {
    case 'nonNegative':
      if (n < 0) return { error: { key: 'cy.invalid.min', params: { min: 0 } } };
      break;
    case 'positive':
      if (n <= 0) return { error: { key: 'cy.invalid.positive' } };
      break;
    case 'unit':
      if (n < 0 || n > 1) return { error: { key: 'cy.invalid.range', params: { min: 0, max: 1 } } };
      break;
    case 'int1':
    case 'int2': {
      const min = f.check === 'int1' ? 1 : 2;
      if (!Number.isInteger(n) || n < min) return { error: { key: 'cy.invalid.integer', params: { min } } };
      break;
    }
  }
  return { value: f.scale === 1 ? n : Number((n / f.scale).toPrecision(12)) };
}

export interface ReadForm {
  /** Null while a field is invalid or no detector is on. */
  options: HistoryOptions | null;
  errors: Partial<Record<FieldId, FieldError>>;
  noDetector: boolean;
}

/** The options a form stands for, over `base` (which keeps the periods), or the errors. */
export function readForm(form: ThresholdForm, base: HistoryOptions): ReadForm {
  const o = cloneOptions(base);
  const errors: Partial<Record<FieldId, FieldError>> = {};
  for (const f of FIELDS) {
    const r = checkField(f, form.values[f.id] ?? '');
    if ('error' in r) errors[f.id] = r.error;
    else f.set(o, r.value);
  }
  o.detectors = { ...form.detectors };
  const noDetector = !DETECTORS.some((d) => form.detectors[d]);
  return { options: Object.keys(errors).length === 0 && !noDetector ? o : null, errors, noDetector };
}

// ---------------------------------------------------------------------------------------------
// Periods

/** The value of the current-period select that checks every year against the one before. */
export const ALL_PERIODS = '*';

export interface PeriodChoice {
  /** A year, or ALL_PERIODS. */
  current: string;
  /** A year before `current`; '' with ALL_PERIODS. */
  base: string;
}

/** Years before `current`, latest first. */
export function basesFor(periods: string[], current: string): string[] {
  return periods.filter((p) => p < current).reverse();
}

/** The latest year against the one before it. */
export function defaultPeriods(periods: string[]): PeriodChoice {
  const current = periods[periods.length - 1] ?? '';
  return { current, base: basesFor(periods, current)[0] ?? '' };
}

/** The choice saved in the session options, if it still fits the workbook's years; else the default. */
export function periodsFromOptions(o: HistoryOptionsInput | false | undefined, periods: string[]): PeriodChoice {
  const d = defaultPeriods(periods);
  if (!o) return d;
  if (o.allPeriods && !o.currentPeriod) return { current: ALL_PERIODS, base: '' };
  const current = o.currentPeriod && periods.includes(o.currentPeriod) ? o.currentPeriod : null;
  if (!current) return d;
  const bases = basesFor(periods, current);
  const base = o.basePeriod && bases.includes(o.basePeriod) ? o.basePeriod : bases[0] ?? '';
  return { current, base };
}

/** The options with the chosen years. */
export function withPeriods(o: HistoryOptions, choice: PeriodChoice): HistoryOptions {
  const out = cloneOptions(o);
  if (choice.current === ALL_PERIODS) {
    out.allPeriods = true;
    delete out.currentPeriod;
    delete out.basePeriod;
  } else {
    out.allPeriods = false;
    out.currentPeriod = choice.current || undefined;
    out.basePeriod = choice.base || undefined;
    if (out.currentPeriod === undefined) delete out.currentPeriod;
    if (out.basePeriod === undefined) delete out.basePeriod;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Findings

/** A finding of core/history as it arrives from the engine (the worker keeps every field). */
export type HistoryRow = Finding & { detail?: HistoryDetail };

export type FindingKind = 'conflict' | 'scale' | 'yoy' | 'robust' | 'hb' | 'structure';

export const KIND_ORDER: readonly FindingKind[] = ['conflict', 'scale', 'yoy', 'robust', 'hb', 'structure'];

export const KIND_LABEL: Record<FindingKind, CrossYearKey> = {
  conflict: 'cy.kind.conflict',
  scale: 'cy.kind.scale',
  yoy: 'cy.kind.yoy',
  robust: 'cy.kind.robust',
  hb: 'cy.kind.hb',
  structure: 'cy.kind.structure',
};

export const METHOD_LABEL: Record<FindingKind, CrossYearKey> = {
  conflict: 'cy.method.conflict',
  scale: 'cy.method.scale',
  yoy: 'cy.method.yoy',
  robust: 'cy.method.robust',
  hb: 'cy.method.hb',
  structure: 'cy.method.structure',
};

/** The findings of the cross-period detectors (rule ids history.*). */
export function historyFindings(findings: readonly Finding[]): HistoryRow[] {
  return findings.filter((f) => f.ruleId.startsWith('history.'));
}

export function kindOf(f: HistoryRow): FindingKind {
  if (f.ruleId === 'history.yoy.scale') return 'scale';
  const m = f.detail?.method ?? f.method ?? f.ruleId.split('.')[1];
  if (m === 'yoy' || m === 'robust' || m === 'hb' || m === 'conflict') return m;
  return 'structure';
}

/** Findings by kind, in KIND_ORDER; the engine's order (district, indicator, year) within each. */
export function groupByKind(rows: readonly HistoryRow[]): Array<{ kind: FindingKind; findings: HistoryRow[] }> {
  return KIND_ORDER.map((kind) => ({ kind, findings: rows.filter((f) => kindOf(f) === kind) })).filter((g) => g.findings.length > 0);
}

/** The series a finding is about (core/history Series.id), when it says. */
export function seriesIdOf(f: HistoryRow): string | null {
  return f.detail ? `${f.detail.entity}\u0000${f.detail.key}` : null;
}

// ---------------------------------------------------------------------------------------------
// Formatting

const formats = new Map<string, Intl.NumberFormat>();
function num(v: number, lang: Lang, digits = 2): string {
  const k = `${lang}|${digits}`;
  let f = formats.get(k);
  if (!f) formats.set(k, (f = new Intl.NumberFormat(lang, { maximumFractionDigits: digits })));
  return f.format(v);
}

/** A value as the messages show it: rates as percentages, money with 元. */
export function formatKindValue(v: number | null | undefined, kind: ValueKind | undefined, lang: Lang, t: CrossYearTranslate): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return t('cy.trend.blank');
  if (kind === 'rate') return `${num(v * 100, lang)}%`;
  if (kind === 'money') return t('cy.money', { value: num(v, lang) });
  return num(v, lang);
}

/** A signed change: +527,310 元, −5 个百分点. */
export function formatChange(change: number, kind: ValueKind | undefined, lang: Lang, t: CrossYearTranslate): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '';
  const a = Math.abs(change);
  if (kind === 'rate') return sign + t('cy.points', { n: num(a * 100, lang) });
  return sign + formatKindValue(a, kind, lang, t);
}

export function formatRelative(rel: number | null | undefined, lang: Lang, t: CrossYearTranslate): string {
  if (rel === null) return t('cy.fromZero');
  if (rel === undefined || !Number.isFinite(rel)) return '';
  return `${rel > 0 ? '+' : rel < 0 ? '−' : ''}${num(Math.abs(rel) * 100, lang, 1)}%`;
}

/** A statistic (z, E): up to 3 decimals. */
export function formatStat(v: number, lang: Lang): string {
  return num(v, lang, 3);
}

export function yearLabel(period: string, t: CrossYearTranslate): string {
  return /^\d{4}$/.test(period) ? t('cy.year', { y: period }) : period;
}

// ---------------------------------------------------------------------------------------------
// Trend chart

export interface ChartRequest {
  ref: TrendChartRef;
  title: string;
  /** 'cells': over the user's own cells (a wide sheet); 'values': a table on the 趋势图 sheet. */
  mode: 'cells' | 'values';
}

function cellAt(grid: SheetGrid, row: number, col: number): CellValue | undefined {
  return grid.values[row - grid.originRow]?.[col - grid.originCol];
}

/** The four-digit year a header cell names: 2022, '2022', '2022年', '2022年度'. */
function yearOfHeader(v: CellValue | undefined): string | null {
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  if (typeof v !== 'string') return null;
  const m = /^\s*(\d{4})\s*(年度?)?\s*$/.exec(v.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  return m ? m[1] : null;
}

/**
 * The chart over the user's cells, when every chosen indicator is one row of the same wide sheet
 * over the same contiguous year columns, each cell a real number (a text such as 585,900 would
 * plot as 0), with the year header row above. Null otherwise.
 */
function cellsRef(series: IndicatorSeries[], snapshot: WorkbookSnapshot, layouts: WorkbookHistory['layouts']): Extract<TrendChartRef, { sheet: string }> | null {
  const sheet = series[0]?.points[0]?.sheet;
  if (!sheet || layouts[sheet] !== 'wide') return null;
  const grid = snapshot.sheets.find((g) => g.name === sheet);
  if (!grid) return null;
  let span: { c0: number; c1: number; periods: string[] } | null = null;
  const rows: number[] = [];
  for (const s of series) {
    if (s.points.length === 0 || s.points.some((p) => p.sheet !== sheet || p.approximate)) return null;
    const cells = s.points.map((p) => ({ p, pos: fromA1(p.address) }));
    if (cells.some((c) => !c.pos)) return null;
    const row = cells[0].pos!.row;
    const cols = cells.map((c) => c.pos!.col);
    if (cells.some((c) => c.pos!.row !== row)) return null;
    // Years left to right in consecutive columns (points are sorted by year).
    if (cols.some((c, i) => c !== cols[0] + i)) return null;
    if (cells.some((c) => typeof cellAt(grid, row, c.pos!.col) !== 'number')) return null;
    const here = { c0: cols[0], c1: cols[cols.length - 1], periods: s.points.map((p) => p.period) };
    if (span && (span.c0 !== here.c0 || span.c1 !== here.c1 || span.periods.join() !== here.periods.join())) return null;
    span = here;
    rows.push(row);
  }
  if (!span) return null;
  const { c0, c1, periods } = span;
  const top = Math.min(...rows);
  for (let r = top - 1; r >= grid.originRow; r--) {
    let ok = true;
    for (let c = c0; c <= c1 && ok; c++) ok = yearOfHeader(cellAt(grid, r, c)) === periods[c - c0];
    if (ok) {
      return {
        sheet,
        categories: `${toA1(r, c0)}:${toA1(r, c1)}`,
        series: series.map((s, i) => ({ name: s.label, values: `${toA1(rows[i], c0)}:${toA1(rows[i], c1)}` })),
      };
    }
  }
  return null;
}

function numberFormatOf(s: IndicatorSeries): string {
  if (s.kind === 'rate') return '0.0%';
  return s.points.every((p) => Number.isInteger(p.value)) ? '#,##0' : '#,##0.00';
}

function chartTitle(names: string[], first: string, last: string, t: CrossYearTranslate): string {
  const shownNames = names.slice(0, 3).join(t('cy.chart.separator')) + (names.length > 3 ? t('cy.chart.more', { n: names.length - 3 }) : '');
  return first === last ? t('cy.chart.titleOne', { names: shownNames, first }) : t('cy.chart.title', { names: shownNames, first, last });
}

/**
 * What to hand to host.insertLineChart for the chosen series: the user's cells when they form
 * clean rows of a wide sheet, else the values (the host writes them on its own 趋势图 sheet).
 */
export function buildChartRequest(history: WorkbookHistory, snapshot: WorkbookSnapshot, ids: readonly string[], t: CrossYearTranslate): ChartRequest | null {
  const byId = new Map(history.series.map((s) => [s.id, s]));
  const chosen = ids.map((id) => byId.get(id)).filter((s): s is IndicatorSeries => !!s && s.points.length > 0);
  if (chosen.length === 0) return null;
  const entities = new Set(chosen.map((s) => s.entity));
  const name = (s: IndicatorSeries): string => (entities.size > 1 && s.entity ? `${s.entity} ${s.label}` : s.label);

  const cells = entities.size === 1 ? cellsRef(chosen, snapshot, history.layouts) : null;
  if (cells) {
    const years = chosen[0].points.map((p) => p.period);
    return { mode: 'cells', ref: cells, title: chartTitle(chosen.map(name), years[0], years[years.length - 1], t) };
  }

  const first = chosen.reduce((m, s) => (s.points[0].period < m ? s.points[0].period : m), chosen[0].points[0].period);
  const last = chosen.reduce((m, s) => (s.points[s.points.length - 1].period > m ? s.points[s.points.length - 1].period : m), chosen[0].points[0].period);
  const years = new Set(history.periods.filter((p) => p >= first && p <= last));
  for (const s of chosen) for (const p of s.points) years.add(p.period);
  const a = Number(first);
  const b = Number(last);
  // Every year in between, so a missing year shows as a gap rather than a straight line.
  if (/^\d{4}$/.test(first) && /^\d{4}$/.test(last) && b - a <= 200) for (let y = a; y <= b; y++) years.add(String(y));
  const categories = [...years].sort();
  return {
    mode: 'values',
    title: chartTitle(chosen.map(name), categories[0], categories[categories.length - 1], t),
    ref: {
      header: t('cy.chart.header'),
      categories,
      series: chosen.map((s) => {
        const at = new Map(s.points.map((p) => [p.period, p.value]));
        return {
          name: name(s) + (s.kind === 'money' ? t('cy.chart.yuan') : ''),
          values: categories.map((p) => at.get(p) ?? null),
          numberFormat: numberFormatOf(s),
        };
      }),
    },
  };
}
