// 表内审核 across entities: a 全市合计 (or 合计, 小计) row or column of a cross-tab equals the sum of
// the districts it closes, indicator by indicator. The groups come from the reader
// (SheetSource.sumGroups); rates and averages are never summed.
import { periodLabel } from '../messages';
import type { Observation } from '../model';
import type { Finding } from '../types';
import { defineCheck } from './check';
import { cellOf, display, displayNumber, roundingOf, type WorkbookModel } from './context';
import type { WorkbookCheckContext } from './stages';

const NOT_ADDITIVE = /(率|占比|比例|比重|平均|人均|单案|排名|得分)/;

export function checkEntityTotals(model: WorkbookModel): Finding[] {
  const out: Finding[] = [];
  const d = model.data;
  for (const s of d.sheets) {
    if (!s.sumGroups) continue;
    for (const g of s.sumGroups) {
      const t = d.obs(g.total);
      if (t.value === undefined || t.approximate || t.kind === 'rate') continue;
      const row = d.row(d.rowOf(g.total));
      if (NOT_ADDITIVE.test(row.key)) continue;
      const parts: Observation[] = [];
      let complete = true;
      for (const p of g.parts) {
        if (p < 0) continue;
        const o = d.obs(p);
        // A blank district is not a zero: the sum cannot be checked (the cell checks report text).
        if (o.value === undefined || o.approximate) {
          complete = false;
          break;
        }
        parts.push(o);
      }
      if (!complete || parts.length < 2) continue;
      const sum = parts.reduce((a, o) => a + (o.value as number), 0);
      const tol = roundingOf(t) + parts.reduce((a, o) => a + roundingOf(o), 0) + 1e-9 * Math.max(1, Math.abs(t.value));
      const diff = t.value - sum;
      if (Math.abs(diff) <= tol) continue;
      const exceeds = sum > t.value;
      const period = periodLabel(t.period);
      const total = { 'zh-CN': `${t.entity}${period['zh-CN']}`, 'en-US': `${t.entity} ${period['en-US']}` };
      const partsName = { 'zh-CN': `其余 ${parts.length} 个地区`, 'en-US': `the other ${parts.length} entries` };
      out.push({
        ruleId: exceeds ? 'balance.entities.exceeds' : 'balance.entities',
        severity: 'error',
        cells: [cellOf(t), ...parts.map(cellOf)],
        values: [t.value, ...parts.map((o) => o.value as number)],
        expected: sum,
        difference: diff,
        indicator: row.label,
        entity: t.entity || undefined,
        period: t.period,
        message: entityTotalsCheck.say(exceeds ? 'balance.entities.exceeds' : 'balance.entities', {
          indicator: row.label,
          total,
          totalValue: display(t),
          parts: partsName,
          sum: displayNumber(sum, t.kind, t.step),
          diff: displayNumber(Math.abs(diff), t.kind, t.step),
        }),
      });
    }
  }
  return out;
}

export const entityTotalsCheck = defineCheck<WorkbookCheckContext, 'balance.entities' | 'balance.entities.exceeds'>({
  id: 'balance.entities',
  stage: 'workbook',
  title: { 'zh-CN': '跨地区合计：交叉表的“全市合计”等于各地区之和', 'en-US': 'Totals across districts: a cross-tab\'s 全市合计 equals the sum of its districts' },
  findings: [
    { id: 'balance.entities', severity: 'error', flags: { 'zh-CN': '合计行（列）不等于各地区之和', 'en-US': 'a total row or column differs from the sum of its districts' } },
    { id: 'balance.entities.exceeds', severity: 'error', flags: { 'zh-CN': '各地区之和大于合计', 'en-US': 'the districts add up to more than their total' } },
  ],
  messages: {
    'zh-CN': {
      'balance.entities': '“{indicator}”{total}为 {totalValue}，{parts}合计 {sum}，相差 {diff}：合计应等于各项之和。',
      'balance.entities.exceeds': '“{indicator}”{total}为 {totalValue}，{parts}合计 {sum}，超出 {diff}。各项之和不能大于合计。',
    },
    'en-US': {
      'balance.entities': '"{indicator}" in {total} is {totalValue} but {parts} add up to {sum}, a difference of {diff}: the total must equal the sum of its parts.',
      'balance.entities.exceeds': '"{indicator}" in {total} is {totalValue} but {parts} add up to {sum}, {diff} more. Parts can never exceed their total.',
    },
  },
  run: (ctx) => checkEntityTotals(ctx.model),
});
