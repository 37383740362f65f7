// 表内审核: a total equals the sum of its breakdown (其中) rows; parts never exceed the total.
import { msg } from '../messages';
import type { IndicatorRow, Observation } from '../model';
import type { Finding } from '../types';
import { unitScale } from '../values';
import { cellOf, display, displayNumber, periodOf, roundingOf, type WorkbookModel } from './context';

function additive(row: IndicatorRow, first: Observation | undefined): boolean {
  if (first?.kind === 'rate') return false;
  return !/(率|占比|比例|比重|平均|人均|单案)/.test(row.key);
}

function unitBase(row: IndicatorRow): string | undefined {
  if (!row.unit) return undefined;
  return unitScale(row.unit).base;
}

function firstObs(model: WorkbookModel, row: IndicatorRow): Observation | undefined {
  const m = model.byRow.get(row.id);
  if (!m) return undefined;
  for (const o of m.values()) if (o.value !== undefined) return o;
  return m.values().next().value;
}

export function checkBalance(model: WorkbookModel): Finding[] {
  const out: Finding[] = [];
  for (const [parentId, kids] of model.children) {
    const total = model.rows.get(parentId);
    if (!total) continue;
    if (!additive(total, firstObs(model, total))) continue;
    const parts = kids.filter((k) => additive(k, firstObs(model, k)));
    if (parts.length === 0) continue;
    const bases = new Set(parts.map(unitBase).filter((b): b is string => !!b));
    const totalBase = unitBase(total);
    if (bases.size > 1 || (totalBase && bases.size === 1 && !bases.has(totalBase))) {
      const units = [...new Set([total.unit, ...parts.map((p) => p.unit)].filter(Boolean))].join('/');
      out.push({
        ruleId: 'balance.mixed-units',
        severity: 'warning',
        cells: [{ sheet: total.sheet, address: total.labelAddress }],
        message: msg('balance.mixed-units', { total: total.label, units }),
        indicator: total.label,
      });
      continue;
    }
    const exhaustive = !total.partial && !parts.some((p) => p.partial);
    const totals = model.byRow.get(parentId);
    if (!totals) continue;
    for (const [key, t] of totals) {
      if (t.value === undefined) continue;
      const partObs = parts.map((p) => model.byRow.get(p.id)?.get(key));
      const present = partObs.filter((o): o is Observation => !!o && o.value !== undefined);
      if (present.length === 0) continue;
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
          message: msg('balance.exceeds', { ...params, sum: displayNumber(sumExact, t.kind), diff: displayNumber(diff, t.kind) }),
        });
        continue;
      }
      const approx = [t, ...present].find((o) => o.approximate);
      if (approx) {
        out.push({ ...base, ruleId: 'balance.approx', severity: 'info', message: msg('balance.approx', { ...params, text: display(approx) }) });
        continue;
      }
      const missingIdx = partObs.findIndex((o) => !o || o.value === undefined);
      if (missingIdx >= 0) {
        // Unreadable parts are reported by the cell check; blank parts make the check incomplete.
        out.push({ ...base, ruleId: 'balance.missing', severity: 'info', message: msg('balance.missing', { ...params, missing: parts[missingIdx].label }) });
        continue;
      }
      const diff = t.value - sumExact;
      if (Math.abs(diff) <= tol) continue;
      const id = exhaustive ? 'balance.mismatch' : 'balance.partial';
      out.push({
        ...base,
        ruleId: id,
        severity: exhaustive ? 'error' : 'warning',
        expected: sumExact,
        difference: diff,
        message: msg(id, { ...params, sum: displayNumber(sumExact, t.kind), diff: displayNumber(Math.abs(diff), t.kind) }),
      });
    }
  }
  return out;
}
