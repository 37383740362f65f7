// The two tiers of rule evaluation agree. runRules decides plain passes on the model's columns
// (rules/fast.ts) and sends everything else to evaluateInstance; evaluateRules sends every
// instance to evaluateInstance. On random long tables (several districts and years, numbers,
// blanks, approximate and unreadable values, 其中 breakdowns, % and 万元 units) and random rules
// (the built-in pack plus expressions with every operator, sum/min/max/abs/round/if and prev), the
// instances that do not pass must be the same ones, with the same outcome and comparison, in the
// same order; and every instance the fast tier passes must pass in the full evaluation.
import fc from 'fast-check';
import { analyzeWorkbook } from '../../src/core/engine';
import { builtinPack, evaluateRules, IndicatorIndex, type Rule, type RuleSet } from '../../src/core/rules';
import { evaluateRulesLean } from '../../src/core/rules/fast';
import type { CellValue } from '../../src/core/types';
import { grid, workbook } from '../helpers/grid';
import { HEAVY_RUNS, params, timeoutFor } from './support';

/** Labels with units; the 其中 rows follow their total. Names the pack knows and names it does not. */
const ROWS: Array<[string, string]> = [
  ['国家双随机监督抽检任务', '家'],
  ['其中：公共场所卫生', '家'],
  ['生活饮用水卫生', '家'],
  ['全部行政处罚案件', '件'],
  ['依法公开执法处罚信息', '条'],
  ['法制审核率', '%'],
  ['重大执法决定法制审核案件', '件'],
  ['罚没款', '万元'],
  ['投诉举报办结率', '%'],
  ['群众满意率', '%'],
];
const NAMES = ROWS.map(([n]) => n.replace(/^其中：/, ''));

const value: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 300 }) },
  { weight: 2, arbitrary: fc.constantFrom<CellValue>(1, 0.5, 0.994, 100, 12.5, -3) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(null, '—', '1900余', '约30', '见附件', '100%', '十二', { error: '#DIV/0!' }) },
);

/** A long table: district × year blocks, each listing the rows above (a few may be left out). */
const longTable = fc
  .record({
    districts: fc.integer({ min: 1, max: 3 }),
    years: fc.integer({ min: 1, max: 4 }),
    keep: fc.array(fc.boolean(), { minLength: ROWS.length, maxLength: ROWS.length }),
    values: fc.array(value, { minLength: 3 * 4 * ROWS.length, maxLength: 3 * 4 * ROWS.length }),
  })
  .map(({ districts, years, keep, values }) => {
    const rows: CellValue[][] = [['地区', '年份', '指标', '数值', '单位']];
    let v = 0;
    for (let d = 0; d < districts; d++) {
      for (let y = 0; y < years; y++) {
        ROWS.forEach(([label, unit], i) => {
          const x = values[v++];
          if (keep[i] || i === 0) rows.push([`区${d + 1}`, `${2020 + y}年`, label, x, unit]);
        });
      }
    }
    return rows;
  });

const ref = fc.constantFrom(...NAMES).map((n) => `[${n}]`);
const num = fc.constantFrom('0', '1', '2', '100', '100%', '0.5', '3.5');
const term: fc.Arbitrary<string> = fc.letrec<{ t: string }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    ref,
    num,
    ref.map((r) => `prev(${r})`),
    fc.tuple(tie('t'), fc.constantFrom('+', '-', '*', '/'), tie('t')).map(([a, o, b]) => `(${a} ${o} ${b})`),
    fc.array(tie('t'), { minLength: 1, maxLength: 3 }).chain((xs) => fc.constantFrom('sum', 'min', 'max').map((f) => `${f}(${xs.join(', ')})`)),
    tie('t').map((x) => `abs(${x})`),
    fc.tuple(tie('t'), fc.integer({ min: 0, max: 2 })).map(([x, n]) => `round(${x}, ${n})`),
  ),
})).t;
const compare = fc.tuple(term, fc.constantFrom('==', '!=', '<', '<=', '>', '>='), term).map(([a, o, b]) => `${a} ${o} ${b}`);
const condition: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: compare },
  { weight: 1, arbitrary: fc.tuple(compare, fc.constantFrom('and', 'or'), compare).map(([a, o, b]) => `${a} ${o} ${b}`) },
  { weight: 1, arbitrary: compare.map((c) => `not (${c})`) },
  { weight: 1, arbitrary: fc.tuple(compare, term, term, term).map(([c, a, b, x]) => `if(${c}, ${a}, ${b}) >= ${x}`) },
);

const rules = fc.array(
  fc.record({ expr: condition, tolerance: fc.option(fc.constantFrom(0, 0.5, 0.01), { nil: undefined }) }),
  { minLength: 1, maxLength: 6 },
);

function ruleSet(extra: Array<{ expr: string; tolerance?: number }>): RuleSet {
  const pack = builtinPack();
  const own: Rule[] = extra.map((r, i) => ({
    id: `P${i + 1}`,
    name: { 'zh-CN': `规则P${i + 1}`, 'en-US': `Rule P${i + 1}` },
    expr: r.expr,
    severity: 'error',
    enabled: true,
    source: 'file',
    ...(r.tolerance === undefined ? {} : { tolerance: r.tolerance }),
  }));
  return { ...pack, rules: [...pack.rules, ...own] };
}

/** What an instance came to, comparably: where, status (reason) and the comparison. */
function outcomeKey(x: { instance: { entity: string; period: string; key?: string }; outcome: { status: string } & Record<string, unknown> }): string {
  const o = x.outcome as { status: string; reason?: string; comparison?: unknown; reads: Array<{ name: string; prev?: boolean; obs: { sheet: string; address: string } }> };
  return JSON.stringify([x.instance.entity, x.instance.period, x.instance.key ?? null, o.status, o.reason ?? null, o.comparison ?? null, o.reads.map((r) => [r.name, !!r.prev, r.obs.address])]);
}

const notPassing = (o: { status: string; reason?: string }) => o.status !== 'pass' && !(o.status === 'skip' && o.reason === 'deferred');

describe('rule evaluation tiers', () => {
  it(
    'the fast tier and the full evaluation give the same non-passing instances',
    () => {
      fc.assert(
        fc.property(longTable, rules, (rows, extra) => {
          const model = analyzeWorkbook(workbook('面板.xlsx', grid('各地区', rows)), { entity: '某市' }).model;
          const set = ruleSet(extra);
          const index = new IndicatorIndex(model, set.aliases);
          const full = evaluateRules(set, index);
          const lean = evaluateRulesLean(set, index);
          expect(lean.map((e) => e.rule.id)).toEqual(full.map((e) => e.rule.id));
          full.forEach((f, i) => {
            const l = lean[i];
            expect(l.unknown).toEqual(f.unknown);
            expect(l.parsed.ok).toBe(f.parsed.ok);
            const want = f.results.filter((r) => notPassing(r.outcome as { status: string; reason?: string })).map(outcomeKey);
            const got = l.results.filter((r) => notPassing(r.outcome as { status: string; reason?: string })).map(outcomeKey);
            expect(got).toEqual(want);
            // The lean list holds only instances the full evaluation has too (fast-tier fallbacks).
            const all = new Set(f.results.map(outcomeKey));
            for (const r of l.results) expect(all.has(outcomeKey(r))).toBe(true);
          });
        }),
        params(HEAVY_RUNS),
      );
    },
    timeoutFor(HEAVY_RUNS, 40),
  );
});
