// Values as typed: cells that hold no readable number (Excel errors, unreadable text, formulas
// saved without their result; never a silent zero), and values out of their kind's range (counts
// are non-negative whole numbers, rates lie in 0–100 %, money is never negative). One pass over
// the observations makes both kinds of finding.
import { F_APPROX, K_COUNT, K_MONEY, K_RATE, PK_ERROR, PK_TEXT } from '../obs-flags';
import type { Finding } from '../types';
import { defineCheck } from './check';
import { cellOf, display, periodOf, type WorkbookModel } from './context';
import type { WorkbookCheckContext } from './stages';

/** Rates that may go below 0 or above 100 %: growth, change, compression. */
const UNBOUNDED_RATE = /(增长|增幅|增速|下降|降低|减少|变化|变动|同比|环比|压缩|提高|提升|增减|缩短)/;

/** What the pass says of an observation: nothing, a cell finding, or a range finding. */
const NONE = 0;
const CELL = 1;
const RANGE_IDS = ['range.count-negative', 'range.count-integer', 'range.rate', 'range.money-negative'] as const;

/** The findings of every observation of the model, in observation order. */
export function checkValues(model: WorkbookModel): Finding[] {
  const out: Finding[] = [];
  const d = model.data;
  const values = d.obsValue;
  const flagsOf = d.obsFlags;
  // UNBOUNDED_RATE by label: 0 unknown, 1 bounded, 2 unbounded.
  const unbounded = new Uint8Array(d.labels.length);
  // The pass notes what it finds (observation and verdict) and makes the findings after the loop:
  // the slot is written for every observation and counted only for a finding, so the loop has no
  // branch that runs for the first time deep into millions of cells (V8 would drop its optimised
  // code there).
  const mark = d.arena.mark();
  const found = d.arena.ints(Math.max(1, d.obsCount));
  const verdicts = d.arena.bytes(Math.max(1, d.obsCount));
  let n = 0;
  for (let i = 0; i < d.obsCount; i++) {
    const flags = flagsOf[i];
    const pk = flags & 7;
    let verdict = NONE;
    if (pk === PK_ERROR || pk === PK_TEXT) verdict = CELL;
    else {
      const v = values[i];
      const kind = (flags >> 4) & 3;
      if (v !== v) verdict = NONE;
      else if (kind === K_COUNT) {
        if (v < 0) verdict = 2;
        else if (!(flags & F_APPROX) && Math.abs(v - Math.round(v)) > 1e-9) verdict = 3;
      } else if (kind === K_RATE) {
        const ri = d.rowOf(i);
        if (ri >= 0) {
          const li = d.rowLabel[ri];
          if (unbounded[li] === 0) unbounded[li] = UNBOUNDED_RATE.test(d.labels[li].key) ? 2 : 1;
          if (unbounded[li] === 1 && (v < -1e-12 || v > 1 + d.stepOf(i) / 2 + 1e-12)) verdict = 4;
        }
      } else if (kind === K_MONEY) {
        if (v < 0) verdict = 5;
      }
    }
    found[n] = i;
    verdicts[n] = verdict;
    n += verdict === NONE ? 0 : 1;
  }
  // Out of the arena before any finding is made (the arena's bytes are reused from the mark).
  const hits = Array.from(found.subarray(0, n));
  const kinds = Array.from(verdicts.subarray(0, n));
  d.arena.release(mark);
  for (let j = 0; j < n; j++) {
    const i = hits[j];
    if (kinds[j] === CELL) {
      cellFinding(out, model, i);
      continue;
    }
    const id = RANGE_IDS[kinds[j] - 2];
    const ri = d.rowOf(i);
    if (ri < 0) continue;
    const o = d.obs(i);
    const row = d.row(ri);
    out.push({
      ruleId: id,
      severity: 'error',
      cells: [cellOf(o)],
      values: [o.value as number],
      indicator: row.label,
      entity: o.entity || undefined,
      period: o.period,
      message: valuesCheck.say(id, { indicator: row.label, period: periodOf(o), value: display(o) }),
    });
  }
  return out;
}

/** value.excel-error / value.unreadable of observation i. */
function cellFinding(out: Finding[], model: WorkbookModel, i: number): void {
  const d = model.data;
  const o = d.obs(i);
  const ri = d.rowOf(i);
  const row = ri >= 0 ? d.row(ri) : undefined;
  const indicator = row?.label ?? '';
  if (o.parsed.kind === 'error') {
    out.push({
      ruleId: 'value.excel-error',
      severity: 'error',
      cells: [cellOf(o)],
      values: [o.parsed.code],
      message: valuesCheck.say('value.excel-error', { indicator, period: periodOf(o), code: o.parsed.code }),
      indicator,
      entity: o.entity || undefined,
      period: o.period,
    });
  } else if (o.parsed.kind === 'text') {
    // A formula the file holds without its result (the xlsx host gives its text, `=57+62+1`).
    const formula = o.parsed.text.startsWith('=');
    out.push({
      ruleId: formula ? 'value.formula-uncalculated' : 'value.unreadable',
      severity: 'error',
      cells: [cellOf(o)],
      values: [o.parsed.text],
      message: valuesCheck.say(formula ? 'value.formula-uncalculated' : 'value.unreadable', { indicator, period: periodOf(o), text: o.parsed.text }),
      indicator,
      entity: o.entity || undefined,
      period: o.period,
    });
  }
}

export const valuesCheck = defineCheck<WorkbookCheckContext, ValuesMessage>({
  id: 'values',
  stage: 'workbook',
  title: { 'zh-CN': '数值本身：能否读出数字，数量、比率、金额是否在合理范围', 'en-US': 'Values as typed: readable numbers, and counts, rates and money within their range' },
  findings: [
    { id: 'value.excel-error', severity: 'error', flags: { 'zh-CN': '单元格是 Excel 错误值（#DIV/0! 等）', 'en-US': 'a cell holds an Excel error (#DIV/0! …)' } },
    { id: 'value.unreadable', severity: 'error', flags: { 'zh-CN': '单元格的文字读不出数字（不会当作 0）', 'en-US': 'a cell\'s text is not a number (never read as 0)' } },
    { id: 'value.formula-uncalculated', severity: 'error', flags: { 'zh-CN': '公式保存时没有计算结果', 'en-US': 'a formula saved without its result' } },
    { id: 'range.count-negative', severity: 'error', flags: { 'zh-CN': '数量为负数', 'en-US': 'a negative count' } },
    { id: 'range.count-integer', severity: 'error', flags: { 'zh-CN': '数量不是整数', 'en-US': 'a count that is not a whole number' } },
    { id: 'range.rate', severity: 'error', flags: { 'zh-CN': '比率不在 0%～100% 之间（增长率等除外）', 'en-US': 'a rate outside 0–100 % (growth rates excepted)' } },
    { id: 'range.money-negative', severity: 'error', flags: { 'zh-CN': '金额为负数', 'en-US': 'a negative amount of money' } },
  ],
  messages: {
    'zh-CN': {
      'value.excel-error': '“{indicator}”{period}是 Excel 错误值 {code}，无法校验。',
      'value.unreadable': '“{indicator}”{period}的值无法识别：“{text}”。',
      'value.formula-uncalculated': '“{indicator}”{period}是公式 {text}，文件中没有它的计算结果（保存文件的程序没有计算）。请在 Excel 中打开、保存后再校验。',
      'range.count-negative': '“{indicator}”{period}为 {value}：数量不能为负数。',
      'range.count-integer': '“{indicator}”{period}为 {value}：数量应为整数。',
      'range.rate': '“{indicator}”{period}为 {value}：比率应在 0%～100% 之间。',
      'range.money-negative': '“{indicator}”{period}为 {value}：金额不能为负数。',
    },
    'en-US': {
      'value.excel-error': '"{indicator}" {period} is the Excel error {code}; it cannot be checked.',
      'value.unreadable': '"{indicator}" {period}: cannot read "{text}" as a number.',
      'value.formula-uncalculated': '"{indicator}" {period} is the formula {text}, saved without its result (the program that wrote the file did not calculate it). Open and save the file in Excel, then check again.',
      'range.count-negative': '"{indicator}" {period} is {value}: a count cannot be negative.',
      'range.count-integer': '"{indicator}" {period} is {value}: a count must be a whole number.',
      'range.rate': '"{indicator}" {period} is {value}: a rate must lie between 0% and 100%.',
      'range.money-negative': '"{indicator}" {period} is {value}: an amount of money cannot be negative.',
    },
  },
  run: (ctx) => checkValues(ctx.model),
});

type ValuesMessage = 'value.excel-error' | 'value.unreadable' | 'value.formula-uncalculated' | (typeof RANGE_IDS)[number];
