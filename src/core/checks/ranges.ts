// Ranges and types: counts are non-negative whole numbers, rates lie in 0–100 %, money ≥ 0.
import { msg, type MessageId } from '../messages';
import type { Finding } from '../types';
import { cellOf, display, periodOf, type WorkbookModel } from './context';

/** Rates that may go below 0 or above 100 %: growth, change, compression. */
const UNBOUNDED_RATE = /(增长|增幅|增速|下降|降低|减少|变化|变动|同比|环比|压缩|提高|提升|增减|缩短)/;

export function checkRanges(model: WorkbookModel): Finding[] {
  const out: Finding[] = [];
  for (const o of model.observations) {
    if (o.value === undefined) continue;
    const row = model.rows.get(o.rowId);
    if (!row) continue;
    let id: MessageId | undefined;
    if (o.kind === 'count') {
      if (o.value < 0) id = 'range.count-negative';
      else if (!o.approximate && Math.abs(o.value - Math.round(o.value)) > 1e-9) id = 'range.count-integer';
    } else if (o.kind === 'rate') {
      if (!UNBOUNDED_RATE.test(row.key) && (o.value < -1e-12 || o.value > 1 + o.step / 2 + 1e-12)) id = 'range.rate';
    } else if (o.kind === 'money') {
      if (o.value < 0) id = 'range.money-negative';
    }
    if (!id) continue;
    out.push({
      ruleId: id,
      severity: 'error',
      cells: [cellOf(o)],
      values: [o.value],
      indicator: row.label,
      entity: o.entity || undefined,
      period: o.period,
      message: msg(id, { indicator: row.label, period: periodOf(o), value: display(o) }),
    });
  }
  return out;
}
