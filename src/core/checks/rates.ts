// Mandated rates (强制性): indicators that by regulation must be 100 %.
import { msg } from '../messages';
import type { Finding } from '../types';
import { cellOf, display, periodOf, type WorkbookModel } from './context';

/**
 * Normalised indicator names that must be 100 %. 满意率 (satisfaction) and 合格率 are NOT
 * mandated: they are survey results.
 */
export const MANDATED_RATE_PATTERNS: RegExp[] = [
  /法制审核率$/,
  /依法执业自查率$/,
  /(投诉|举报|舆情|信访|诉求|热线|工单|咨询)?\S*(办结率|完结率)$/,
  /回复率$/,
  /出庭应诉率$/,
  /公示录入率$/,
];

export function isMandatedRate(key: string): boolean {
  if (/满意率|合格率/.test(key)) return false;
  return MANDATED_RATE_PATTERNS.some((p) => p.test(key));
}

export function checkMandatedRates(model: WorkbookModel): Finding[] {
  const out: Finding[] = [];
  for (const o of model.observations) {
    const row = model.rows.get(o.rowId);
    if (!row || !isMandatedRate(row.key) || o.value === undefined) continue;
    const base = { indicator: row.label, entity: o.entity || undefined, period: o.period, cells: [cellOf(o)], values: [o.value] };
    const params = { indicator: row.label, period: periodOf(o), value: display(o), text: display(o) };
    if (o.approximate) {
      out.push({ ...base, ruleId: 'rate.approx', severity: 'info', message: msg('rate.approx', params) });
      continue;
    }
    const diff = o.value - 1;
    if (Math.abs(diff) <= o.step / 2 + 1e-12) continue;
    out.push({ ...base, ruleId: 'rate.mandated', severity: 'error', expected: 1, difference: diff, message: msg('rate.mandated', params) });
  }
  return out;
}
