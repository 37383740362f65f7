// The rule language's functions are declared once, in RULE_FUNCTIONS (src/core/rules/functions.ts):
// the parser's arity and argument checks, its unknown-function message, the evaluator's and the
// fast tier's arithmetic and the "is a rate" pass-through all follow each entry.
import { analyzeWorkbook } from '../src/core/engine';
import { evaluateInstance, instancesOf } from '../src/core/rules/evaluate';
import { IndicatorIndex } from '../src/core/rules/indicator-index';
import { evaluateRulesLean } from '../src/core/rules/fast';
import { FUNCTION_NAMES, RULE_FUNCTIONS, type Approx, type ArgType, type RuleFunction } from '../src/core/rules/functions';
import { ruleMessage } from '../src/core/rules/messages';
import { parseRule } from '../src/core/rules/parser';
import type { Rule } from '../src/core/rules/types';
import { grid, workbook } from './helpers/grid';

/** An argument of each type over the indicator `name`. */
function argText(type: ArgType, name = '甲'): string {
  return type === 'condition' ? `[${name}] > 0` : `[${name}]`;
}

const typeAt = (f: RuleFunction, i: number) => f.args[Math.min(i, f.args.length - 1)];

/** A call of f with `count` arguments, compared so that the rule is a condition. */
function callText(f: RuleFunction, count: number): string {
  const args = Array.from({ length: count }, (_, i) => argText(typeAt(f, i)));
  return `${f.name}(${args.join(', ')}) == 1`;
}

/** The largest argument count to try: max, or a few more than min for variadic functions. */
const most = (f: RuleFunction) => (f.max === Infinity ? f.min + 4 : f.max);

describe('RULE_FUNCTIONS: the parser checks each call against its entry', () => {
  it.each(RULE_FUNCTIONS.map((f) => [f.name, f] as const))('%s parses with min and max arguments, and not outside them', (_name, f) => {
    for (const count of [f.min, most(f)]) {
      const r = parseRule(callText(f, count));
      expect(r.ok ? 'ok' : r.error.message['en-US']).toBe('ok');
    }
    const outside = [f.min - 1, ...(f.max === Infinity ? [] : [f.max + 1])].filter((n) => n >= 0);
    expect(outside.length).toBeGreaterThan(0);
    for (const count of outside) {
      const r = parseRule(callText(f, count));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toEqual(ruleMessage('parse.arity', { fn: f.name, expected: f.arity, count }));
    }
  });

  it('every entry has a signature, a description in both languages and an example of its own use', () => {
    for (const f of RULE_FUNCTIONS) {
      expect(f.signature.startsWith(`${f.name}(`)).toBe(true);
      for (const text of [f.description['zh-CN'], f.description['en-US']]) expect(text).toContain(`${f.name}(`);
      expect(f.args.length).toBeGreaterThan(0);
      // Numeric functions carry their arithmetic; if and prev are the evaluator's own.
      expect(f.apply === undefined).toBe(f.name === 'if' || f.name === 'prev');
    }
  });

  it('the unknown-function message lists exactly the table’s names, in both languages', () => {
    const names = RULE_FUNCTIONS.map((f) => f.name);
    expect([...FUNCTION_NAMES]).toEqual(names);
    const r = parseRule('summe([甲]) == 1');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const zh = /可用的函数：(.+)。$/.exec(r.error.message['zh-CN']);
    const en = /Functions: (.+)\.$/.exec(r.error.message['en-US']);
    expect(zh?.[1].split('、')).toEqual(names);
    expect(en?.[1].split(', ')).toEqual(names);
    expect(r.error.message['zh-CN']).toContain('是否想写 sum');
  });
});

describe('RULE_FUNCTIONS: evaluating a rule does what the entry declares', () => {
  const HEADER = ['序号', '指标名称', '单位', '2021年', '2022年'];
  const model = analyzeWorkbook(
    workbook(
      '某区.xlsx',
      grid('法治指标', [
        ['某区法治政府建设年度指标表'],
        HEADER,
        ['1', '甲', '元', 10.5, 12.46],
        ['2', '乙', '件', 4, -3],
        ['3', '丙', '件', 1000, 1234],
        ['4', '办结率', '%', '95%', '99.4%'],
      ]),
    ),
    { entity: '某区' },
  ).model;
  const index = new IndicatorIndex(model, {});

  const rule = (expr: string): Rule => ({ id: 'F', name: { 'zh-CN': 'F', 'en-US': 'F' }, expr, severity: 'error', enabled: true, source: 'file' });

  /** The 2022 instance of `expr == -999999` (which fails): its left side as evaluated. */
  function evaluated(expr: string) {
    const parsed = parseRule(`${expr} == -999999`);
    if (!parsed.ok) throw new Error(`${expr}: ${parsed.error.message['en-US']}`);
    const inst = instancesOf(rule(`${expr} == -999999`), parsed, index).find((i) => i.period === '2022');
    if (!inst) throw new Error(`${expr}: no 2022 instance`);
    const outcome = evaluateInstance(inst, index);
    if (outcome.status !== 'fail' || !outcome.comparison) throw new Error(`${expr}: ${outcome.status}`);
    return outcome.comparison;
  }

  /** An argument's value with its error bound: literals are exact, anything else is evaluated. */
  const valueOf = (arg: string): Approx => (/^-?\d+(\.\d+)?$/.test(arg) ? { v: Number(arg), err: 0 } : evaluated(arg).lhs);

  const numeric = RULE_FUNCTIONS.filter((f) => f.apply);
  const argLists = (f: RuleFunction): string[][] => {
    if (f.name === 'round') return [['[甲]'], ['[甲]', '1'], ['[丙]', '-2'], ['[乙]', '[甲]']];
    const pool = ['[甲]', '[乙]', '[丙]', '[甲] / [乙]'];
    return [f.min, most(f)].map((count) => pool.slice(0, count));
  };

  it.each(numeric.map((f) => [f.name, f] as const))('%s: apply agrees with the evaluator and the fast tier', (_name, f) => {
    for (const args of argLists(f)) {
      const call = `${f.name}(${args.join(', ')})`;
      const expected = (f.apply as NonNullable<RuleFunction['apply']>)(args.map(valueOf));
      expect(evaluated(call).lhs).toEqual(expected);
      // The same value written out passes in the fast tier itself: evaluateInstance gets no 2022 instance.
      const lean = evaluateRulesLean({ rules: [rule(`${call} == ${expected.v}`)], aliases: {} }, index);
      expect(lean[0].results.filter((r) => r.instance.period === '2022')).toEqual([]);
    }
  });

  it.each(RULE_FUNCTIONS.map((f) => [f.name, f] as const))('%s: a rate in an argument makes the result a rate as rateFrom says', (_name, f) => {
    const count = Math.max(f.min, Math.min(most(f), 3));
    for (let i = 0; i < count; i++) {
      const args = Array.from({ length: count }, (_, j) => argText(typeAt(f, j), j === i ? '办结率' : '甲'));
      const rate = evaluated(`${f.name}(${args.join(', ')})`).rate;
      // A rate counts only where it was read: if's condition ([甲] > 0) holds, so its second branch is not.
      const read = !(f.name === 'if' && i === 2);
      expect([i, rate]).toEqual([i, read && (f.rateFrom === 'all' || f.rateFrom.includes(i))]);
    }
  });
});
