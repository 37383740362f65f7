// 表内审核: a total equals the sum of its breakdown (其中) rows; parts never exceed the total.
//
// Runs over the columnar model (model-data.ts): every total row × entity-period is decided on the
// arrays; the finding objects are made only where there is something to say.
import type { IndicatorRow, Observation } from '../model';
import { type ModelData } from '../model-data';
import { F_APPROX, K_RATE } from '../obs-flags';
import type { Finding } from '../types';
import { unitScale } from '../units';
import { defineCheck } from './check';
import { cellOf, display, displayNumber, periodOf, roundingOf, type WorkbookModel } from './context';
import type { WorkbookCheckContext } from './stages';

const NOT_ADDITIVE = /(率|占比|比例|比重|平均|人均|单案)/;

function unitBase(row: IndicatorRow): string | undefined {
  if (!row.unit) return undefined;
  return unitScale(row.unit).base;
}

/** First observation of a row with a value, else its first observation; −1 when it has none. */
function firstObs(d: ModelData, row: number): number {
  const a = d.obsStart(row);
  const b = d.obsEnd(row);
  for (let k = a; k < b; k++) {
    const o = d.obsAt(k);
    if (d.hasValue(o)) return o;
  }
  return a < b ? d.obsAt(a) : -1;
}

/** additive(row, firstObs(row)) of the object version: not a rate, not a ratio or average by name. */
function additive(d: ModelData, row: number, notAdditive: Uint8Array): boolean {
  const f = firstObs(d, row);
  if (f >= 0 && ((d.obsFlags[f] >> 4) & 3) === K_RATE) return false;
  const li = d.rowLabel[row];
  if (notAdditive[li] === 0) notAdditive[li] = NOT_ADDITIVE.test(d.labels[li].key) ? 2 : 1;
  return notAdditive[li] === 1;
}

/** roundingOf on the arrays. */
function rounding(d: ModelData, o: number): number {
  const step = d.stepOf(o);
  const v = d.obsValue[o];
  if (step === 1 && Number.isInteger(v)) return 0;
  return step / 2;
}

export function checkBalance(model: WorkbookModel): Finding[] {
  const out: Finding[] = [];
  const d = model.data;
  const { parents, childStart, childList } = d.children();
  const notAdditive = new Uint8Array(d.labels.length);
  // unitScale(unit).base by unit index (undefined: not worked out yet; null: none).
  const unitBases: Array<string | null | undefined> = new Array(d.units.size);
  const baseOf = (row: number): string | undefined => {
    const u = d.rowUnit[row];
    if (u < 0) return undefined;
    let b = unitBases[u];
    if (b === undefined) unitBases[u] = b = unitBase(d.row(row)) ?? null;
    return b ?? undefined;
  };
  let parts = new Int32Array(16);
  let partObs = new Int32Array(16);
  const values = d.obsValue;
  const flags = d.obsFlags;
  const labels = d.labels;
  const rowLabel = d.rowLabel;
  // Long and per-year sheets: a row's observation is its own index, and a part's is beside its total's.
  const oneToOne = d.oneToOne();
  const isAdditive = (row: number) => {
    if (oneToOne) {
      // additive(row, firstObs(row)): the row's one observation is its own index.
      if (((flags[row] >> 4) & 3) === K_RATE) return false;
      const li = rowLabel[row];
      if (notAdditive[li] === 0) notAdditive[li] = NOT_ADDITIVE.test(labels[li].key) ? 2 : 1;
      return notAdditive[li] === 1;
    }
    return additive(d, row, notAdditive);
  };
  for (let pi = 0; pi < parents.length; pi++) {
    const total = parents[pi];
    if (!isAdditive(total)) continue;
    // A section heading (一、行政执法) has no values: it is structure, not a total to check.
    if (!oneToOne && firstObs(d, total) >= 0 && !d.hasValue(firstObs(d, total))) continue;
    const from = childStart[total];
    const to = childStart[total + 1];
    if (parts.length < to - from) {
      parts = new Int32Array(2 * (to - from));
      partObs = new Int32Array(2 * (to - from));
    }
    let np = 0;
    for (let k = from; k < to; k++) {
      const c = childList[k];
      if (isAdditive(c)) parts[np++] = c;
    }
    if (np === 0) continue;
    // The parts' unit bases: one (b0), several (mixed), or none.
    let b0: string | undefined;
    let mixed = false;
    for (let j = 0; j < np; j++) {
      const b = baseOf(parts[j]);
      if (!b) continue;
      if (b0 === undefined) b0 = b;
      else if (b !== b0) mixed = true;
    }
    const totalBase = baseOf(total);
    if (mixed || (totalBase && b0 !== undefined && b0 !== totalBase)) {
      const t = d.row(total);
      const partRows = Array.from(parts.subarray(0, np), (p) => d.row(p));
      const units = [...new Set([t.unit, ...partRows.map((p) => p.unit)].filter(Boolean))].join('/');
      out.push({
        ruleId: 'balance.mixed-units',
        severity: 'warning',
        cells: [{ sheet: t.sheet, address: t.labelAddress }],
        message: balanceCheck.say('balance.mixed-units', { total: t.label, units }),
        indicator: t.label,
      });
      continue;
    }
    let partialList = labels[rowLabel[total]].partial;
    for (let j = 0; j < np; j++) if (labels[rowLabel[parts[j]]].partial) partialList = true;
    const exhaustive = !partialList;
    const end = oneToOne ? total + 1 : d.obsEnd(total);
    for (let k = oneToOne ? total : d.obsStart(total); k < end; k++) {
      const t = oneToOne ? k : d.obsAt(k);
      const tv = values[t];
      if (tv !== tv) continue;
      // The decision of the object version, on the arrays; a finding is made by `report`.
      let present = 0;
      let missing = false;
      let approx = (flags[t] & F_APPROX) !== 0;
      let sumExact = 0;
      let tolParts = 0;
      for (let j = 0; j < np; j++) {
        const p = parts[j];
        const o = oneToOne && d.rowBlock[p] === d.rowBlock[total] ? p : d.obsBeside(p, total, t);
        partObs[j] = o;
        const v = o < 0 ? NaN : values[o];
        if (v !== v) {
          missing = true;
          continue;
        }
        present++;
        if (flags[o] & F_APPROX) {
          approx = true;
          continue;
        }
        sumExact += v;
        tolParts += rounding(d, o);
      }
      if (present === 0) continue;
      const tol = rounding(d, t) + tolParts + 1e-9 * Math.max(1, Math.abs(tv));
      const exceeds = (flags[t] & F_APPROX) === 0 && sumExact > tv + tol;
      if (!exceeds && !approx && !missing && Math.abs(tv - sumExact) <= tol) continue;
      report(
        out,
        d.row(total),
        Array.from(parts.subarray(0, np), (p) => d.row(p)),
        d.obs(t),
        Array.from(partObs.subarray(0, np), (o) => (o < 0 ? undefined : d.obs(o))),
        exhaustive,
      );
    }
  }
  return out;
}

/** The finding of one total and entity-period (the object version of the check, unchanged). */
function report(out: Finding[], total: IndicatorRow, parts: IndicatorRow[], t: Observation, partObs: Array<Observation | undefined>, exhaustive: boolean): void {
  if (t.value === undefined) return;
  const present = partObs.filter((o): o is Observation => !!o && o.value !== undefined);
  if (present.length === 0) return;
  const exact = present.filter((o) => !o.approximate);
  const sumExact = exact.reduce((s, o) => s + (o.value as number), 0);
  const tol = roundingOf(t) + exact.reduce((s, o) => s + roundingOf(o), 0) + 1e-9 * Math.max(1, Math.abs(t.value));
  const cells = [cellOf(t), ...partObs.filter((o): o is Observation => !!o).map(cellOf)];
  const values = [t.value, ...partObs.map((o) => (o?.value !== undefined ? o.value : o ? display(o) || null : null))];
  const base = { indicator: total.label, entity: t.entity || undefined, period: t.period, cells, values };
  const params = { total: total.label, period: periodOf(t), totalValue: display(t) };
  if (!t.approximate && sumExact > t.value + tol) {
    const diff = sumExact - t.value;
    out.push({
      ...base,
      ruleId: 'balance.exceeds',
      severity: 'error',
      expected: sumExact,
      difference: t.value - sumExact,
      message: balanceCheck.say('balance.exceeds', { ...params, sum: displayNumber(sumExact, t.kind), diff: displayNumber(diff, t.kind) }),
    });
    return;
  }
  const approx = [t, ...present].find((o) => o.approximate);
  if (approx) {
    out.push({ ...base, ruleId: 'balance.approx', severity: 'info', message: balanceCheck.say('balance.approx', { ...params, text: display(approx) }) });
    return;
  }
  const missingIdx = partObs.findIndex((o) => !o || o.value === undefined);
  if (missingIdx >= 0) {
    // Unreadable parts are reported by the cell check; blank parts make the check incomplete.
    out.push({ ...base, ruleId: 'balance.missing', severity: 'info', message: balanceCheck.say('balance.missing', { ...params, missing: parts[missingIdx].label }) });
    return;
  }
  const diff = t.value - sumExact;
  if (Math.abs(diff) <= tol) return;
  const id = exhaustive ? 'balance.mismatch' : 'balance.partial';
  out.push({
    ...base,
    ruleId: id,
    severity: exhaustive ? 'error' : 'warning',
    expected: sumExact,
    difference: diff,
    message: balanceCheck.say(id, { ...params, sum: displayNumber(sumExact, t.kind), diff: displayNumber(Math.abs(diff), t.kind) }),
  });
}

export const balanceCheck = defineCheck<WorkbookCheckContext, 'balance.exceeds' | 'balance.mismatch' | 'balance.partial' | 'balance.approx' | 'balance.missing' | 'balance.mixed-units'>({
  id: 'balance',
  stage: 'workbook',
  title: { 'zh-CN': '表内合计：合计等于其中各项之和，各项之和不超过合计', 'en-US': 'Totals within a table: a total equals the sum of its parts, which never exceed it' },
  findings: [
    { id: 'balance.exceeds', severity: 'error', flags: { 'zh-CN': '其中各项之和大于合计', 'en-US': 'the parts add up to more than their total' } },
    { id: 'balance.mismatch', severity: 'error', flags: { 'zh-CN': '完整列出的各项之和不等于合计', 'en-US': 'a complete list of parts does not add up to its total' } },
    { id: 'balance.partial', severity: 'warning', flags: { 'zh-CN': '列出的其中项之和小于合计：部分列举还是漏项', 'en-US': 'the listed parts fall short of the total: a partial list or a missing part' } },
    { id: 'balance.approx', severity: 'info', flags: { 'zh-CN': '合计或某项是约数，未核对', 'en-US': 'not checked: the total or a part is approximate' } },
    { id: 'balance.missing', severity: 'info', flags: { 'zh-CN': '某项没有数值，未核对', 'en-US': 'not checked: a part has no value' } },
    { id: 'balance.mixed-units', severity: 'warning', flags: { 'zh-CN': '各项单位不同，不能相加', 'en-US': 'parts in different units cannot be added' } },
  ],
  messages: {
    'zh-CN': {
      'balance.exceeds': '“{total}”{period}为 {totalValue}，其中各项合计 {sum}，超出 {diff}。各项之和不能大于合计。',
      'balance.mismatch': '“{total}”{period}为 {totalValue}，其中各项合计 {sum}，相差 {diff}：合计应等于各项之和。',
      'balance.partial': '“{total}”{period}为 {totalValue}，列出的其中各项合计 {sum}，差 {diff}：是部分列举还是漏项？',
      'balance.approx': '“{total}”{period}的合计核对已跳过：{text} 是约数。',
      'balance.missing': '“{total}”{period}的合计核对已跳过：{missing} 缺少数值。',
      'balance.mixed-units': '“{total}”的其中各项单位不同（{units}），不能相加，未核对合计。',
    },
    'en-US': {
      'balance.exceeds': '"{total}" {period} is {totalValue} but its parts add up to {sum}, {diff} more. Parts can never exceed their total.',
      'balance.mismatch': '"{total}" {period} is {totalValue} but its parts add up to {sum}, a difference of {diff}: the total must equal the sum of its parts.',
      'balance.partial': '"{total}" {period} is {totalValue}; the listed parts add up to {sum}, {diff} short: a partial list or a missing part?',
      'balance.approx': 'Total check of "{total}" {period} skipped: {text} is an approximate figure.',
      'balance.missing': 'Total check of "{total}" {period} skipped: {missing} has no value.',
      'balance.mixed-units': 'The parts of "{total}" have different units ({units}) and cannot be added; the total was not checked.',
    },
  },
  run: (ctx) => checkBalance(ctx.model),
});
