// Cells that hold no readable number: Excel errors and unreadable text. Never a silent zero.
import { msg } from '../messages';
import type { Finding } from '../types';
import { cellOf, periodOf, type WorkbookModel } from './context';

export function checkCells(model: WorkbookModel): Finding[] {
  const out: Finding[] = [];
  for (const o of model.observations) {
    const row = model.rows.get(o.rowId);
    const indicator = row?.label ?? '';
    if (o.parsed.kind === 'error') {
      out.push({
        ruleId: 'value.excel-error',
        severity: 'error',
        cells: [cellOf(o)],
        values: [o.parsed.code],
        message: msg('value.excel-error', { indicator, period: periodOf(o), code: o.parsed.code }),
        indicator,
        entity: o.entity || undefined,
        period: o.period,
      });
    } else if (o.parsed.kind === 'text') {
      out.push({
        ruleId: 'value.unreadable',
        severity: 'error',
        cells: [cellOf(o)],
        values: [o.parsed.text],
        message: msg('value.unreadable', { indicator, period: periodOf(o), text: o.parsed.text }),
        indicator,
        entity: o.entity || undefined,
        period: o.period,
      });
    }
  }
  return out;
}
