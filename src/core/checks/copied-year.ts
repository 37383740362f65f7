// A year's column that repeats the year before it value for value: the sheet was most likely
// copied from last year's and that column never updated. One equal pair is normal (a count that
// did not change); every one of many values equal is not.
//
// Runs over the columnar model: each row's observations are paired with the same district's
// value of the period before, and the pairs are tallied by sheet, district and period.
import { whoText, yearText } from '../history/messages';
import { K_RATE } from '../obs-flags';
import type { Finding } from '../types';
import { defineCheck } from './check';
import { cellOf, display, type WorkbookModel } from './context';
import type { WorkbookCheckContext } from './stages';

/** Fewest values a column must share with the one before it to be called a copy. */
export const MIN_COPIED_VALUES = 5;

interface Tally {
  sheet: number;
  entity: number;
  period: number;
  base: number;
  compared: number;
  equal: number;
  nonZero: number;
  /** The pair at the lowest grid row: the cells the finding points at. */
  first: number;
  firstBase: number;
  firstRow: number;
}

/** Findings of columns equal to the column of the period before, per sheet and district. */
export function checkCopiedYears(model: WorkbookModel): Finding[] {
  const d = model.data;
  const periods = d.periods.list;
  if (periods.length < 2 || d.obsCount === 0) return [];
  // Rank of each period by time (periods are years or year-like labels; they sort as text).
  const order = periods.map((p, i) => ({ p, i })).sort((a, b) => (a.p < b.p ? -1 : a.p > b.p ? 1 : 0));
  const rank = new Int32Array(periods.length);
  order.forEach((x, r) => (rank[x.i] = r));
  const byRank = order.map((x) => x.i);
  const tallies = new Map<number, Tally>();
  const nPeriods = periods.length;
  const nEntities = Math.max(1, d.entities.size);
  // The observations of one row by (entity, period rank), reused from row to row.
  const seen = new Map<number, number>();
  for (let r = 0; r < d.rowCount; r++) {
    // Sheets with one value per row (long tables, one sheet per year) have no year beside another:
    // skipped whole, so a provincial long table costs nothing here.
    const sheet = d.sheets[d.rowSheet[r]];
    if (sheet.shape && sheet.shape.perRow < 2) {
      r = Math.max(r, sheet.rowEnd - 1);
      continue;
    }
    const a = d.obsStart(r);
    const b = d.obsEnd(r);
    if (b - a < 2) continue;
    seen.clear();
    for (let k = a; k < b; k++) {
      const o = d.obsAt(k);
      if (!d.hasValue(o)) continue;
      seen.set(d.entityOf(o) * nPeriods + rank[d.periodOf(o)], o);
    }
    if (seen.size < 2) continue;
    for (const [key, o] of seen) {
      const rk = key % nPeriods;
      if (rk === 0) continue;
      const prev = seen.get(key - 1);
      if (prev === undefined) continue;
      // Rates such as a mandated 100 % stay the same by rule, not by copying.
      if (((d.obsFlags[o] >> 4) & 3) === K_RATE) continue;
      const entity = Math.floor(key / nPeriods);
      const sheet = d.rowSheet[r];
      const id = (sheet * nEntities + entity) * nPeriods + rk;
      let t = tallies.get(id);
      if (!t) {
        t = { sheet, entity, period: byRank[rk], base: byRank[rk - 1], compared: 0, equal: 0, nonZero: 0, first: o, firstBase: prev, firstRow: d.rowR[r] };
        tallies.set(id, t);
      }
      t.compared++;
      const v = d.obsValue[o];
      if (v === d.obsValue[prev]) t.equal++;
      if (v !== 0) t.nonZero++;
      if (d.rowR[r] < t.firstRow) {
        t.first = o;
        t.firstBase = prev;
        t.firstRow = d.rowR[r];
      }
    }
  }
  const out: Finding[] = [];
  for (const t of tallies.values()) {
    if (t.compared < MIN_COPIED_VALUES || t.equal !== t.compared || t.nonZero === 0) continue;
    const o = d.obs(t.first);
    const base = d.obs(t.firstBase);
    const entity = d.entities.list[t.entity] ?? '';
    const current = periods[t.period];
    const before = periods[t.base];
    const row = d.row(d.rowOf(t.first));
    out.push({
      ruleId: 'value.copied-year',
      severity: 'warning',
      cells: [cellOf(o), cellOf(base)],
      values: [o.value ?? null, base.value ?? null],
      expected: null,
      indicator: row.label,
      entity: entity || undefined,
      period: current,
      message: copiedYearCheck.say('value.copied-year', {
        sheet: d.sheets[t.sheet].name,
        who: whoText(entity),
        current: yearText(current),
        base: yearText(before),
        count: t.compared,
        indicator: row.label,
        value: display(o),
      }),
    });
  }
  return out;
}

export const copiedYearCheck = defineCheck<WorkbookCheckContext, 'value.copied-year'>({
  id: 'value.copied-year',
  stage: 'workbook',
  title: { 'zh-CN': '照抄上年：某年整列数值与上一年完全相同', 'en-US': 'Copied year: a year\'s values all equal to the year before' },
  findings: [
    {
      id: 'value.copied-year',
      severity: 'warning',
      flags: {
        'zh-CN': `同一工作表、同一地区，某年至少 ${MIN_COPIED_VALUES} 个数值（比率除外）与上一年逐个相同`,
        'en-US': `in one sheet and district, at least ${MIN_COPIED_VALUES} values of a year (rates aside) each equal to the year before`,
      },
    },
  ],
  parameters: [
    {
      name: 'MIN_COPIED_VALUES',
      default: String(MIN_COPIED_VALUES),
      about: { 'zh-CN': '相同的数值至少有几个才提示', 'en-US': 'how many equal values it takes' },
    },
  ],
  messages: {
    'zh-CN': {
      'value.copied-year':
        '工作表“{sheet}”{who}{current}的 {count} 个数值与{base}完全相同（如“{indicator}”两年都是 {value}）：是否照抄了上一年的数据？',
    },
    'en-US': {
      'value.copied-year':
        'Sheet "{sheet}"{who}: all {count} values of {current} equal those of {base} (e.g. "{indicator}" is {value} in both): were last year\'s figures copied over?',
    },
  },
  run: (ctx) => checkCopiedYears(ctx.model),
});
