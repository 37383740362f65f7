// The standard summary tables (汇总表) as functions of the engine's model and findings:
//   compare      年度指标对比表 — indicators × years, 增减量, 增减率, 状态;
//   composition  构成表 — a total and its breakdown for one year, shares adding to 100.0 %;
//   districts    地区对比表 — regions × one indicator for a year, rank and change.
// Missing values stay missing (—), never 0; approximate figures keep their text.
import { roundingOf } from '../checks/context';
import type { Observation, ValueKind } from '../model';
import { parseYear } from '../names';
import type { Lang } from '../types';
import { formatNumber } from '../numerals';
import { entityInTitle, joinList, reportMessage, reportText, yearLabel, type ReportMessageId, type ReportParams } from './messages';
import {
  chooseGroup,
  combineStatus,
  findSeries,
  observation,
  seriesGroups,
  statusIndex,
  unknownIndicator,
  type IndicatorSeries,
  type SeriesGroup,
  type SummaryInput,
} from './sources';
import { columnWidths, ReportError, type CellStatus, type TableCell, type TableSpec, type TemplateId } from './table-spec';

export interface TemplateOptions {
  /** Language of the labels; zh-CN by default. */
  lang?: Lang;
  /** The clock for 生成时间 (injected: templates never read the system time). */
  now: Date;
  /** A sheet of the table to read; by default the first indicator sheet (all one-year sheets together). */
  sheet?: string;
  /** The region, for workbooks with several (long tables); by default the first. */
  entity?: string;
  /** Indicators by label, normalized key or path (总数/分项). compare: any number; others: one. */
  indicators?: string[];
  /** Years (`2022` or `2022年`). compare: any number (default all); others: one (default chosen). */
  years?: string[];
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** Removes float noise: 0.1 + 0.2 → 0.3. */
function clean(v: number): number {
  const c = Number(v.toPrecision(12));
  return Object.is(c, -0) ? 0 : c;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

function stepDecimals(step: number): number {
  return step > 0 ? Math.round(-Math.log10(step)) : 0;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** 2026-01-02 10:30 in the clock's local time. */
export function formatTime(now: Date): string {
  return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())} ${pad2(now.getHours())}:${pad2(now.getMinutes())}`;
}

function exact(o: Observation | undefined): o is Observation & { value: number } {
  return !!o && o.value !== undefined && !o.approximate;
}

/** The cell of one observation: its number in base units, its text when approximate or unreadable. */
function valueCell(o: Observation | undefined, kind: ValueKind, status?: CellStatus): TableCell {
  const base: TableCell = { value: null, format: kind === 'rate' ? 'percent' : kind === 'money' ? 'money' : kind === 'count' ? 'integer' : 'number' };
  if (status && status !== 'ok') base.status = status;
  if (!o) return base;
  const p = o.parsed;
  if (p.kind === 'approx') return { ...base, value: p.text, format: 'text', align: 'right' };
  if (p.kind === 'text') return { ...base, value: p.text, format: 'text', align: 'right' };
  if (p.kind !== 'number' || o.value === undefined) return base;
  return { ...base, ...numberCell(o.value, o.kind, o.step) };
}

function numberCell(v: number, kind: ValueKind, step: number): Pick<TableCell, 'value' | 'format' | 'decimals'> {
  switch (kind) {
    case 'rate':
      return { value: v, format: 'percent', decimals: clamp(stepDecimals(step * 100), 1, 4) };
    case 'money':
      return { value: v, format: 'money', decimals: Number.isInteger(v) ? 0 : 2 };
    case 'count':
      return Number.isInteger(v) ? { value: v, format: 'integer' } : { value: v, format: 'number', decimals: clamp(stepDecimals(step), 1, 4) };
    default:
      return { value: v, format: 'number', decimals: Number.isInteger(v) && step >= 1 ? 0 : clamp(stepDecimals(step), 0, 4) };
  }
}

interface Change {
  amount: TableCell;
  rate: TableCell;
  approx: string[];
}

/** 增减量 and 增减率 from `a` (earlier) to `b`; rates change in percentage points and get no 增减率. */
function change(a: Observation | undefined, b: Observation | undefined, kind: ValueKind): Change {
  const approx = [a, b].filter((o): o is Observation => !!o && o.approximate && o.parsed.kind === 'approx').map((o) => (o.parsed.kind === 'approx' ? o.parsed.text : ''));
  const none: Change = {
    amount: { value: null, format: kind === 'rate' ? 'percent' : kind === 'money' ? 'money' : kind === 'count' ? 'integer' : 'number', signed: true },
    rate: { value: null, format: 'percent', decimals: 1, signed: true },
    approx,
  };
  if (!exact(a) || !exact(b)) return none;
  const diff = clean(b.value - a.value);
  const amount: TableCell = { ...numberCell(diff, kind, Math.min(a.step, b.step)), signed: true };
  if (kind === 'money') amount.decimals = Number.isInteger(a.value) && Number.isInteger(b.value) ? 0 : 2;
  const rate: TableCell = kind === 'rate' || a.value <= 0 ? none.rate : { value: diff / a.value, format: 'percent', decimals: 1, signed: true };
  return { amount, rate, approx };
}

/** Whether there was anything to check: a value (even an unreadable one) or a finding. */
function checked(observations: Array<Observation | undefined>, s: { status: CellStatus; explained: boolean }): boolean {
  return s.status !== 'ok' || s.explained || observations.some((o) => o && o.parsed.kind !== 'missing');
}

function statusCell(lang: Lang, s: { status: CellStatus; explained: boolean }, anything = true): TableCell {
  if (!anything) return { value: null, format: 'text', align: 'center' };
  const id: ReportMessageId = s.status === 'error' ? 'status.error' : s.status === 'warning' ? 'status.warning' : s.explained ? 'status.explained' : 'status.ok';
  return { value: reportText(lang, id), format: 'text', status: s.status };
}

function textCell(text: string): TableCell {
  return { value: text, format: 'text' };
}

function cellsOf(observations: Array<Observation | undefined>): Array<{ sheet: string; address: string }> {
  return observations.filter((o): o is Observation => !!o).map((o) => ({ sheet: o.sheet, address: o.address }));
}

/** '2022年' → '2022'; texts that are not years stay as they are. */
export function canonicalYear(y: string): string {
  const n = parseYear(y.trim());
  return n !== undefined ? String(n) : y.trim();
}

function checkYears(years: string[], available: string[], where: ReportParams['where']): string[] {
  const out: string[] = [];
  for (const raw of years) {
    const y = canonicalYear(raw);
    if (!available.includes(y)) {
      throw new ReportError('unknown-year', reportMessage('error.unknown-year', { year: raw, where, available: joinList(available) }));
    }
    if (!out.includes(y)) out.push(y);
  }
  return out;
}

function chooseEntity(group: SeriesGroup, entity: string | undefined): string {
  if (entity === undefined) return group.entities[0] ?? '';
  const e = group.entities.find((x) => x === entity.trim());
  if (e === undefined) throw new ReportError('unknown-entity', reportMessage('error.unknown-entity', { name: entity, available: joinList(group.entities.filter(Boolean)) }));
  return e;
}

function single<T>(list: T[] | undefined, template: TemplateId, what: 'indicator' | 'year'): T | undefined {
  if (!list || list.length === 0) return undefined;
  if (list.length > 1) {
    const tpl = reportMessage(`template.${template}` as ReportMessageId);
    throw what === 'indicator'
      ? new ReportError('one-indicator', reportMessage('error.one-indicator', { template: tpl, count: list.length, names: joinList(list.map(String)) }))
      : new ReportError('one-year', reportMessage('error.one-year', { template: tpl, count: list.length, years: joinList(list.map(String)) }));
  }
  return list[0];
}

function sourceLine(lang: Lang, group: SeriesGroup, input: SummaryInput, now: Date): string {
  const sheets = group.sheets.join(reportText(lang, 'list.sep'));
  const time = formatTime(now);
  return input.workbook ? reportText(lang, 'source', { sheets, workbook: input.workbook, time }) : reportText(lang, 'source.noWorkbook', { sheets, time });
}

function finish(spec: Omit<TableSpec, 'widths'>): TableSpec {
  return { ...spec, widths: columnWidths(spec.header, spec.body) };
}

// ---------------------------------------------------------------------------------------------
// 年度指标对比表

export function compareTable(input: SummaryInput, options: TemplateOptions): TableSpec {
  const lang = options.lang ?? 'zh-CN';
  const groups = seriesGroups(input.model);
  const group = chooseGroup(groups, options.sheet, options.indicators?.[0]);
  if (!group) throw new ReportError('no-sheet', reportMessage('error.no-sheet'));
  const entity = chooseEntity(group, options.entity);
  const series: IndicatorSeries[] = options.indicators?.length
    ? options.indicators
        .map((name) => {
          const s = findSeries(group, name);
          if (!s) throw unknownIndicator(group, name);
          return s;
        })
        .filter((s, i, all) => all.indexOf(s) === i)
    : [...group.series.values()].filter((s) => s.depth === 0 && [...s.obs.values()].some((o) => o.entity === entity));
  const withData = group.periods.filter((p) => series.some((s) => observation(s, entity, p)));
  const years = options.years?.length ? checkYears(options.years, group.periods, reportMessage('where.workbook')).sort((a, b) => group.periods.indexOf(a) - group.periods.indexOf(b)) : withData;
  if (years.length === 0) throw new ReportError('no-years', reportMessage('error.no-years', { indicator: series[0]?.label ?? '' }));
  const last = years[years.length - 1];
  const prev = years.length > 1 ? years[years.length - 2] : undefined;
  const index = statusIndex(input.findings);

  const names = [reportText(lang, 'col.indicator'), reportText(lang, 'col.unit'), ...years.map((y) => yearLabel(y)[lang])];
  if (prev) names.push(reportText(lang, 'col.change'), reportText(lang, 'col.changeRate'));
  names.push(reportText(lang, 'col.status'));

  const approxSeen: string[] = [];
  let rateRows = false;
  const body = series.map((s) => {
    const obs = years.map((y) => observation(s, entity, y));
    const row: TableCell[] = [textCell(s.label), textCell(s.unit)];
    obs.forEach((o) => row.push(valueCell(o, s.kind, o ? combineStatus(index, cellsOf([o])).status : undefined)));
    if (prev) {
      const c = change(observation(s, entity, prev), observation(s, entity, last), s.kind);
      row.push(c.amount, c.rate);
      for (const t of c.approx) if (!approxSeen.includes(t)) approxSeen.push(t);
      if (s.kind === 'rate') rateRows = true;
    }
    const labelCells = s.rows.filter((r) => obs.some((o) => o && o.rowId === r.id)).map((r) => ({ sheet: r.sheet, address: r.labelAddress }));
    const st = combineStatus(index, [...labelCells, ...cellsOf(obs)]);
    row.push(statusCell(lang, st, checked(obs, st)));
    return row;
  });

  const notes: string[] = [];
  if (rateRows) notes.push(reportText(lang, 'note.rate-change'));
  if (approxSeen.length) notes.push(reportText(lang, 'note.approx', { examples: joinList(approxSeen, 3)[lang] }));
  const range = years.length === 1 ? yearLabel(last)[lang] : reportText(lang, 'year-range', { from: years[0], to: last });
  const yearCols = years.map((_, i) => 2 + i);
  return finish({
    template: 'compare',
    lang,
    title: reportText(lang, 'compare.title', { entity: entityInTitle(entity), range }),
    subtitle: prev ? reportText(lang, 'compare.subtitle', { last: yearLabel(last)[lang], prev: yearLabel(prev)[lang] }) : reportText(lang, 'compare.subtitle.single'),
    header: [names],
    body,
    notes,
    source: sourceLine(lang, group, input, options.now),
    sourceSheets: [...group.sheets],
    chart: { type: years.length > 2 ? 'line' : 'column', categoryColumn: 0, seriesColumns: yearCols, title: reportText(lang, 'chart.compare', { entity: entityInTitle(entity) }) },
  });
}

// ---------------------------------------------------------------------------------------------
// 构成表

/**
 * Shares in units of 1/`scale` of the whole (1000 → 0.1 %), forced to add up to `scale` by the
 * largest-remainder method (Hamilton): floor every quota, then give one unit each to the largest
 * remainders (earlier items first on ties). Also says what plain rounding would have added up to.
 */
export function largestRemainder(values: number[], whole: number, scale = 1000): { units: number[]; roundedSum: number } {
  const quotas = values.map((v) => (v * scale) / whole);
  const units = quotas.map((q) => Math.floor(q + 1e-9));
  const roundedSum = quotas.reduce((s, q) => s + Math.round(q + 1e-9), 0);
  let missing = scale - units.reduce((s, u) => s + u, 0);
  const order = quotas.map((q, i) => ({ i, r: q - units[i] })).sort((x, y) => y.r - x.r || x.i - y.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    units[i]++;
    missing--;
  }
  return { units, roundedSum };
}

function hasParts(s: IndicatorSeries): boolean {
  return s.children.length > 0;
}

export function compositionTable(input: SummaryInput, options: TemplateOptions): TableSpec {
  const lang = options.lang ?? 'zh-CN';
  const wantedIndicator = single(options.indicators, 'composition', 'indicator');
  const wantedYear = single(options.years, 'composition', 'year');
  const groups = seriesGroups(input.model);
  const group = chooseGroup(groups, options.sheet, wantedIndicator, (g) => [...g.series.values()].some(hasParts));
  if (!group) throw new ReportError('no-parts', reportMessage('error.no-parts-any'));
  const entity = chooseEntity(group, options.entity);
  const withParts = [...group.series.values()].filter(hasParts);
  let total: IndicatorSeries | undefined;
  if (wantedIndicator !== undefined) {
    total = findSeries(group, wantedIndicator);
    if (!total) throw unknownIndicator(group, wantedIndicator);
    if (!hasParts(total)) throw new ReportError('no-parts', reportMessage('error.no-parts', { total: total.label, available: joinList(withParts.map((s) => s.label)) }));
  } else {
    total = withParts[0];
    if (!total) throw new ReportError('no-parts', reportMessage('error.no-parts-any'));
  }
  const t = total;
  const parts = t.children.map((p) => group.series.get(p)).filter((s): s is IndicatorSeries => !!s);

  let year: string;
  if (wantedYear !== undefined) {
    year = checkYears([wantedYear], group.periods, reportMessage('where.workbook'))[0];
  } else {
    const candidates = group.periods.filter((p) => exact(observation(t, entity, p)));
    year = candidates[candidates.length - 1] ?? group.periods[group.periods.length - 1] ?? '';
  }
  const yl = yearLabel(year);

  // Only additive quantities in one unit make a composition.
  if (t.kind === 'rate' || parts.some((p) => p.kind === 'rate')) {
    throw new ReportError('not-additive', reportMessage('error.not-additive', { total: t.label, why: reportMessage('why.rate') }));
  }
  const units = [...new Set(parts.map((p) => p.unit).filter(Boolean))];
  if (units.length > 1 || (units.length === 1 && t.unit && units[0] !== t.unit)) {
    throw new ReportError('not-additive', reportMessage('error.not-additive', { total: t.label, why: reportMessage('why.units', { units: [t.unit, ...units].filter(Boolean).join('/') }) }));
  }

  const totalObs = observation(t, entity, year);
  if (!exact(totalObs)) {
    const why =
      !totalObs || totalObs.parsed.kind === 'missing'
        ? reportMessage('why.missing')
        : totalObs.parsed.kind === 'approx'
          ? reportMessage('why.approx', { text: totalObs.parsed.text })
          : reportMessage('why.unreadable', { text: totalObs.parsed.kind === 'text' ? totalObs.parsed.text : totalObs.parsed.kind === 'error' ? totalObs.parsed.code : '' });
    throw new ReportError('total-value', reportMessage('error.total-value', { total: t.label, year: yl, why }));
  }
  const totalValue = totalObs.value;
  const index = statusIndex(input.findings);
  const partObs = parts.map((p) => observation(p, entity, year));
  const known = partObs.map((o) => (exact(o) ? o.value : undefined));
  const unknown = parts.filter((_, i) => known[i] === undefined).map((p) => p.label);
  const sum = clean(known.reduce<number>((s, v) => s + (v ?? 0), 0));
  const remainder = clean(totalValue - sum);
  const tol = roundingOf(totalObs) + partObs.reduce((s, o) => s + (exact(o) ? roundingOf(o) : 0), 0) + 1e-9 * Math.max(1, Math.abs(totalValue));
  const exceeded = remainder < -tol;
  const other = remainder > tol ? remainder : undefined;

  const notes: string[] = [];
  // Shares: of the known parts (and the remainder row), forced to 100.0 % unless the parts exceed the total.
  const shareValues = [...known.filter((v): v is number => v !== undefined), ...(other !== undefined ? [other] : [])];
  let shares: number[];
  if (totalValue > 0 && !exceeded) {
    const { units: u, roundedSum } = largestRemainder(shareValues, totalValue);
    shares = u.map((x) => x / 1000);
    if (roundedSum !== 1000 && shareValues.length > 0) notes.push(reportText(lang, 'note.largest-remainder', { sum: `${formatNumber(roundedSum / 10, 1)}%` }));
  } else {
    shares = shareValues.map((v) => (totalValue > 0 ? Math.round((v * 1000) / totalValue) / 1000 : NaN));
  }
  const shareCell = (v: number | undefined): TableCell => ({ value: v === undefined || !Number.isFinite(v) ? null : v, format: 'percent', decimals: 1 });

  const totalStatus = combineStatus(index, [...cellsOf([totalObs]), ...t.rows.filter((r) => r.id === totalObs.rowId).map((r) => ({ sheet: r.sheet, address: r.labelAddress }))]);
  if (exceeded) {
    totalStatus.status = 'error';
    totalStatus.explained = false;
  }
  const body: TableCell[][] = [
    [textCell(reportText(lang, 'row.total', { label: t.label })), valueCell(totalObs, t.kind, totalStatus.status), shareCell(totalValue > 0 ? 1 : undefined), statusCell(lang, totalStatus)],
  ];
  let k = 0;
  parts.forEach((p, i) => {
    const o = partObs[i];
    const st = combineStatus(index, cellsOf([o]));
    body.push([textCell(p.label), valueCell(o, t.kind, st.status), shareCell(known[i] !== undefined ? shares[k++] : undefined), statusCell(lang, st, checked([o], st))]);
  });
  if (other !== undefined) {
    body.push([textCell(reportText(lang, 'row.other')), { ...numberCell(other, t.kind, totalObs.step) }, shareCell(shares[k]), { value: null, format: 'text', align: 'center' }]);
    const shown = formatNumber(other, Number.isInteger(other) ? 0 : 2);
    notes.push(reportText(lang, 'note.other', { value: t.unit && t.unit !== '%' ? reportText(lang, 'value-unit', { value: shown, unit: t.unit }) : shown }));
    if (unknown.length) notes.push(reportText(lang, 'note.other-missing', { items: joinList(unknown)[lang] }));
  }
  if (exceeded) {
    notes.push(reportText(lang, 'note.parts-exceed', { sum: formatNumber(sum), total: formatNumber(totalValue), diff: formatNumber(clean(-remainder)) }));
  }
  const unit = t.unit || '—';
  return finish({
    template: 'composition',
    lang,
    title: reportText(lang, 'composition.title', { entity: entityInTitle(entity), total: t.label, year: yl[lang] }),
    subtitle: reportText(lang, 'composition.subtitle', { unit, total: t.label }),
    header: [[reportText(lang, 'col.item'), yl[lang], reportText(lang, 'col.share'), reportText(lang, 'col.status')]],
    body,
    notes,
    source: sourceLine(lang, group, input, options.now),
    sourceSheets: [...group.sheets],
    chart: { type: 'column', categoryColumn: 0, seriesColumns: [2], rows: body.map((_, i) => i).filter((i) => i > 0 && typeof body[i][2].value === 'number'), title: reportText(lang, 'chart.composition', { total: t.label, year: yl[lang] }) },
  });
}

// ---------------------------------------------------------------------------------------------
// 地区对比表

export function districtsTable(input: SummaryInput, options: TemplateOptions): TableSpec {
  const lang = options.lang ?? 'zh-CN';
  const wantedIndicator = single(options.indicators, 'districts', 'indicator');
  const wantedYear = single(options.years, 'districts', 'year');
  const groups = seriesGroups(input.model);
  const severalEntities = (g: SeriesGroup) => g.entities.length >= 2;
  const group = chooseGroup(groups, options.sheet, wantedIndicator, (g) => g.layout === 'long' && severalEntities(g)) ?? groups.find(severalEntities);
  if (!group || !severalEntities(group)) throw new ReportError('no-districts', reportMessage('error.no-districts'));
  let s: IndicatorSeries | undefined;
  if (wantedIndicator !== undefined) {
    s = findSeries(group, wantedIndicator);
    if (!s) throw unknownIndicator(group, wantedIndicator);
  } else {
    s = [...group.series.values()][0];
  }
  if (!s) throw new ReportError('no-sheet', reportMessage('error.no-sheet'));
  const series = s;
  const periods = group.periods.filter((p) => group.entities.some((e) => observation(series, e, p)));
  let year: string;
  if (wantedYear !== undefined) {
    year = checkYears([wantedYear], periods, reportMessage('where.indicator', { indicator: series.label }))[0];
  } else {
    // The year most regions report (the latest of those).
    let best = -1;
    year = '';
    for (const p of periods) {
      const n = group.entities.filter((e) => exact(observation(series, e, p))).length;
      if (n >= best) {
        best = n;
        year = p;
      }
    }
    if (!year) throw new ReportError('no-years', reportMessage('error.no-years', { indicator: series.label }));
  }
  const prev = Number.isFinite(Number(year)) ? String(Number(year) - 1) : undefined;
  const index = statusIndex(input.findings);
  const entities = group.entities.filter((e) => [...series.obs.values()].some((o) => o.entity === e));
  const current = new Map(entities.map((e) => [e, observation(series, e, year)]));
  if (![...current.values()].some((o) => o && o.value !== undefined)) {
    throw new ReportError('no-values', reportMessage('error.no-values', { indicator: series.label }));
  }
  // Competition ranking (1, 2, 2, 4) over exact values, largest first.
  const ranked = entities
    .filter((e) => exact(current.get(e)))
    .sort((a, b) => (current.get(b)?.value as number) - (current.get(a)?.value as number));
  const rank = new Map<string, number>();
  ranked.forEach((e, i) => {
    const v = current.get(e)?.value;
    const before = i > 0 ? ranked[i - 1] : undefined;
    rank.set(e, before !== undefined && current.get(before)?.value === v ? (rank.get(before) as number) : i + 1);
  });
  const order = [...ranked, ...entities.filter((e) => !rank.has(e))];

  const yl = yearLabel(year);
  const pl = prev ? yearLabel(prev) : undefined;
  const names = [reportText(lang, 'col.entity'), yl[lang], reportText(lang, 'col.rank'), ...(pl ? [pl[lang], reportText(lang, 'col.change'), reportText(lang, 'col.changeRate')] : []), reportText(lang, 'col.status')];
  const approxSeen: string[] = [];
  const body = order.map((e) => {
    const o = current.get(e);
    const st = combineStatus(index, cellsOf([o]));
    const r = rank.get(e);
    const row: TableCell[] = [textCell(e || '—'), valueCell(o, series.kind, st.status), { value: r ?? null, format: 'integer', align: 'center' }];
    if (prev) {
      const p = observation(series, e, prev);
      const c = change(p, o, series.kind);
      for (const t of c.approx) if (!approxSeen.includes(t)) approxSeen.push(t);
      row.push(valueCell(p, series.kind), c.amount, c.rate);
    }
    row.push(statusCell(lang, st, checked([o], st)));
    return row;
  });
  const notes: string[] = [];
  if (series.kind === 'rate' && prev) notes.push(reportText(lang, 'note.rate-change'));
  if (approxSeen.length) notes.push(reportText(lang, 'note.approx', { examples: joinList(approxSeen, 3)[lang] }));
  if (ranked.length < order.length) notes.push(reportText(lang, 'note.not-ranked'));
  return finish({
    template: 'districts',
    lang,
    title: reportText(lang, 'districts.title', { indicator: series.label, year: yl[lang] }),
    subtitle: reportText(lang, 'districts.subtitle', { unit: series.unit || '—', year: yl[lang], prev: pl?.[lang] ?? '—' }),
    header: [names],
    body,
    notes,
    source: sourceLine(lang, group, input, options.now),
    sourceSheets: [...group.sheets],
    chart: { type: 'column', categoryColumn: 0, seriesColumns: [1], rows: body.map((_, i) => i).filter((i) => typeof body[i][1].value === 'number'), title: reportText(lang, 'chart.districts', { indicator: series.label, year: yl[lang] }) },
  });
}

// ---------------------------------------------------------------------------------------------

export const TEMPLATES: Record<TemplateId, (input: SummaryInput, options: TemplateOptions) => TableSpec> = {
  compare: compareTable,
  composition: compositionTable,
  districts: districtsTable,
};

/** Builds a summary table; throws ReportError (with a bilingual message) for choices that do not fit the workbook. */
export function buildSummary(template: TemplateId, input: SummaryInput, options: TemplateOptions): TableSpec {
  return TEMPLATES[template](input, options);
}
