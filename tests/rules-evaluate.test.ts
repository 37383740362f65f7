import { analyzeWorkbook } from '../src/core/engine';
import { runRules, builtinPack, type Rule, type RuleSet } from '../src/core/rules';
import type { CellValue, Finding } from '../src/core/types';
import { grid, workbook } from './helpers/grid';

const HEADER = ['序号', '指标名称', '单位', '2021年', '2022年'];

function wide(rows: CellValue[][], name = '法治指标') {
  return grid(name, [['某区卫生健康局法治政府建设年度指标表'], HEADER, ...rows]);
}

function model(...sheets: ReturnType<typeof grid>[]) {
  return analyzeWorkbook(workbook('某区.xlsx', ...sheets), { entity: '某区' }).model;
}

function rule(id: string, expr: string, extra: Partial<Rule> = {}): Rule {
  return { id, name: { 'zh-CN': `规则${id}`, 'en-US': `Rule ${id}` }, expr, severity: 'error', enabled: true, source: 'file', ...extra };
}

function set(...rules: Rule[]): RuleSet {
  return { rules, aliases: {} };
}

const byRule = (fs: Finding[], id: string) => fs.filter((f) => f.ruleId === id);

describe('evaluating rules per period', () => {
  const m = model(
    wide([
      ['1', '依法公开执法处罚信息', '条', 98, 106],
      ['2', '全部行政处罚案件', '件', 98, 107],
      ['3', '罚没款', '元', 306300, 728588],
    ]),
  );

  it('a failing equality names every cell read, the values, expected and difference', () => {
    const fs = runRules(m, set(rule('U1', '[依法公开执法处罚信息] == [全部行政处罚案件]', { severity: 'warning' })));
    expect(fs).toHaveLength(1);
    const f = fs[0];
    expect(f.ruleId).toBe('U1');
    expect(f.severity).toBe('warning');
    expect(f.period).toBe('2022');
    expect(f.entity).toBe('某区');
    expect(f.cells).toEqual([
      { sheet: '法治指标', address: 'E3' },
      { sheet: '法治指标', address: 'E4' },
    ]);
    expect(f.values).toEqual([106, 107]);
    expect(f.expected).toBe(107);
    expect(f.difference).toBe(-1);
    expect(f.indicator).toBe('依法公开执法处罚信息');
    // The message names the rule by its name and the cells with their values; the details give
    // the rule id, its expression and the arithmetic.
    expect(f.message['zh-CN']).toContain('规则U1');
    expect(f.message['zh-CN']).toContain('法治指标!E3');
    expect(f.message['zh-CN']).not.toContain('==');
    expect(f.message['zh-CN']).not.toContain('相差');
    expect(f.details?.['zh-CN']).toBe('规则 U1：[依法公开执法处罚信息] == [全部行政处罚案件]。左边为 106，右边为 107，相差 -1。');
    expect(f.details?.['en-US']).toBe('Rule U1: [依法公开执法处罚信息] == [全部行政处罚案件]. Left side 106, right side 107, difference -1.');
    expect(f.message['en-US']).not.toContain('difference');
  });

  it('inequalities, arithmetic and every function', () => {
    const rs = set(
      rule('LE', '[依法公开执法处罚信息] <= [全部行政处罚案件]'),
      rule('GT', '[罚没款] > 1000000'),
      rule('SUM', 'sum([依法公开执法处罚信息], [全部行政处罚案件]) == 196'),
      rule('ABS', 'abs([依法公开执法处罚信息] - [全部行政处罚案件]) <= 0'),
      rule('MINMAX', 'min([依法公开执法处罚信息], [全部行政处罚案件]) == 98 and max([依法公开执法处罚信息], [全部行政处罚案件]) == 98'),
      rule('ROUND', 'round([罚没款] / 10000, 1) == 30.6'),
      rule('IF', 'if([罚没款] > 500000, [依法公开执法处罚信息] == [全部行政处罚案件], 1 == 1)'),
      rule('NOT', 'not ([罚没款] < 0) or [罚没款] != 0'),
    );
    const fs = runRules(m, rs);
    const failed = (id: string) => byRule(fs, id).map((f) => f.period);
    expect(failed('LE')).toEqual([]);
    expect(failed('GT')).toEqual(['2021', '2022']);
    expect(failed('SUM')).toEqual(['2022']);
    expect(failed('ABS')).toEqual(['2022']);
    expect(failed('MINMAX')).toEqual(['2022']);
    expect(failed('ROUND')).toEqual(['2022']);
    expect(failed('IF')).toEqual(['2022']);
    expect(byRule(fs, 'IF')[0].difference).toBe(-1);
    expect(failed('NOT')).toEqual([]);
  });

  it('and: the failing comparison gives expected and difference', () => {
    const [f] = runRules(m, set(rule('AND', '[罚没款] > 0 and [依法公开执法处罚信息] == [全部行政处罚案件]')));
    expect(f.period).toBe('2022');
    expect(f.expected).toBe(107);
    expect(f.difference).toBe(-1);
    expect(f.cells.map((c) => c.address)).toEqual(['E5', 'E3', 'E4']);
  });

  it('prev() reads the previous year of the same entity; the first year is not applicable', () => {
    const fs = runRules(m, set(rule('JUMP', '[罚没款] <= 2 * prev([罚没款])', { severity: 'warning' })));
    expect(fs).toHaveLength(1);
    expect(fs[0].period).toBe('2022');
    expect(fs[0].cells).toEqual([
      { sheet: '法治指标', address: 'E5' },
      { sheet: '法治指标', address: 'D5' },
    ]);
    expect(fs[0].expected).toBe(612600);
    expect(fs[0].message['zh-CN']).toContain('上一年的罚没款 306,300（法治指标!D5）');
  });

  it('disabled rules do not run', () => {
    expect(runRules(m, set(rule('GT', '[罚没款] > 1000000', { enabled: false })))).toEqual([]);
  });
});

describe('tolerance', () => {
  const rates = (rate: string) =>
    model(
      wide([
        ['1', '投诉受理件数', '件', 3120, 3120],
        ['2', '投诉办结件数', '件', 3100, 3100],
        ['3', '投诉办结率', '%', rate, '99.36%'],
      ]),
    );
  const r = rule('RATE', '[投诉办结率] == [投诉办结件数] / [投诉受理件数]');

  it('a rate shown as 99.4 % matches 3100/3120 = 99.359 %', () => {
    expect(runRules(rates('99.4%'), set(r))).toEqual([]);
  });

  it('99.3 % does not; the details show both sides as percentages', () => {
    const fs = runRules(rates('99.3%'), set(r));
    expect(fs).toHaveLength(1);
    expect(fs[0].period).toBe('2021');
    expect(fs[0].expected).toBeCloseTo(3100 / 3120, 10);
    expect(fs[0].difference).toBeCloseTo(0.993 - 3100 / 3120, 10);
    expect(fs[0].details?.['zh-CN']).toContain('左边为 99.30%，右边为 99.36%');
    expect(fs[0].message['zh-CN']).not.toContain('左边为');
  });

  it('a rule’s own tolerance replaces the displayed precision', () => {
    expect(runRules(rates('99.3%'), set({ ...r, tolerance: 0.001 }))).toEqual([]);
    expect(runRules(rates('99.4%'), set({ ...r, tolerance: 0 })).map((f) => f.period)).toEqual(['2021', '2022']);
  });

  it('derived values: 1991.8万元 / 2150 = 9264.18 within the rounding of 万元', () => {
    const m = model(
      grid('2022年', [
        ['指标', '单位', '数值'],
        ['全系统行政处罚案件', '起', 2150],
        ['全系统罚没款', '万元', 1991.8],
        ['单案平均罚没款', '元', 9264.18],
        ['错误平均罚没款', '元', 9364.18],
      ]),
    );
    const fs = runRules(m, set(rule('AVG', '[单案平均罚没款] == [全系统罚没款] / [全系统行政处罚案件]'), rule('BAD', '[错误平均罚没款] == [全系统罚没款] / [全系统行政处罚案件]')));
    expect(fs.map((f) => f.ruleId)).toEqual(['BAD']);
    expect(fs[0].difference).toBeCloseTo(9364.18 - 19918000 / 2150, 6);
  });
});

describe('inputs that are blank, approximate, unreadable or zero', () => {
  const m = model(
    wide([
      ['1', '监督检查医疗机构', '家次', '700余', 736],
      ['2', '处罚医疗机构', '家', 20, 28],
      ['3', '投诉受理件数', '件', null, 0],
      ['4', '投诉办结件数', '件', 5, 0],
      ['5', '投诉办结率', '%', { error: '#DIV/0!' }, '100%'],
    ]),
  );

  it('approximate input: one info per rule and period, pointing at the approximate cell', () => {
    const fs = runRules(m, set(rule('P', '[处罚医疗机构] <= [监督检查医疗机构]')));
    expect(fs).toHaveLength(1);
    expect(fs[0].severity).toBe('info');
    expect(fs[0].period).toBe('2021');
    expect(fs[0].cells).toEqual([{ sheet: '法治指标', address: 'D3' }]);
    expect(fs[0].message['zh-CN']).toContain('约数（700余）');
  });

  it('blank input: info naming the indicator; several rules still give one info each per period', () => {
    const fs = runRules(m, set(rule('B1', '[投诉办结件数] <= [投诉受理件数]'), rule('B2', '[投诉受理件数] >= 0')));
    const infos = fs.filter((f) => f.severity === 'info' && f.period === '2021');
    expect(infos.map((f) => f.ruleId)).toEqual(['B1', 'B2']);
    expect(infos[0].cells).toEqual([{ sheet: '法治指标', address: 'D5' }]);
    expect(infos[0].message['zh-CN']).toContain('[投诉受理件数] 没有数值');
    // For the clerk first: what is blank and what could not be checked; the rule's id and
    // expression are the details.
    expect(infos[0].message['zh-CN']).toBe('某区2021年[投诉受理件数] 没有数值，未能核对「规则B1」。');
    expect(infos[0].message['zh-CN']).not.toContain('<=');
    expect(infos[0].details?.['zh-CN']).toBe('规则 B1：[投诉办结件数] <= [投诉受理件数]');
    expect(infos[0].message['en-US']).toMatch(/^\[投诉受理件数\] has no value 某区 \(2021\), so .+ could not be checked\.$/);
    expect(fs.filter((f) => f.period === '2022')).toEqual([]);
  });

  it('an indicator without a cell in a period: the info points at the rule’s own cell in 校验规则', () => {
    // 投诉办结件数 has a 2022 column only on the second sheet; 投诉受理件数 none: no cell was read.
    const two = model(
      grid('2021年', [['指标名称', '单位', '2021年'], ['投诉受理件数', '件', 12]]),
      grid('2022年', [['指标名称', '单位', '2022年'], ['投诉办结件数', '件', 9]]),
    );
    const origin = { sheet: '校验规则', row: 2, cells: { id: 'A2', expr: 'C2' } };
    const fs = runRules(two, set(rule('U1', '[投诉受理件数] >= [投诉办结件数]', { source: 'sheet', origin })));
    const missing = fs.filter((f) => f.period === '2022');
    expect(missing).toHaveLength(1);
    expect(missing[0].severity).toBe('info');
    expect(missing[0].message['zh-CN']).toContain('[投诉受理件数] 没有数值');
    expect(missing[0].cells).toEqual([{ sheet: '校验规则', address: 'C2' }]);
  });

  it('an Excel error is skipped silently (the cell check reports it)', () => {
    expect(runRules(m, set(rule('E', '[投诉办结率] == 100%')))).toEqual([]);
  });

  it('division by zero: info, not a failure', () => {
    const fs = runRules(m, set(rule('Z', '[投诉办结率] == [投诉办结件数] / [投诉受理件数]')));
    expect(fs).toHaveLength(1);
    expect(fs[0].severity).toBe('info');
    expect(fs[0].period).toBe('2022');
    expect(fs[0].message['zh-CN']).toContain('除数为 0');
  });
});

describe('names, aliases and layouts', () => {
  it('a trailing unit in parentheses and full-width forms do not matter', () => {
    const m = model(wide([['1', '依法公开执法处罚信息（条）', '条', 98, 106], ['2', '全部行政处罚案件', '件', 98, 106]]));
    expect(runRules(m, set(rule('A', '[依法公开执法处罚信息] == [全部行政处罚案件]'), rule('B', '[依法公开执法处罚信息（条）] != [全部行政处罚案件]'))).map((f) => f.ruleId)).toEqual(['B', 'B']);
  });

  it('aliases resolve in order; a variant name finds its canonical one', () => {
    const m = model(wide([['1', '公开处罚信息', '条', 98, 106], ['2', '全部行政处罚案件', '件', 98, 100]]));
    const rs: RuleSet = { rules: [rule('A', '[依法公开执法处罚信息] == [行政处罚案件]')], aliases: { 依法公开执法处罚信息: ['公开处罚信息'], 行政处罚案件: ['全部行政处罚案件'] } };
    const fs = runRules(m, rs);
    expect(fs.map((f) => f.period)).toEqual(['2022']);
    expect(fs[0].cells.map((c) => c.address)).toEqual(['E3', 'E4']);
    // The row an alias found is named by its own label.
    expect(fs[0].message['zh-CN']).toContain('全部行政处罚案件 100（法治指标!E4）');
    expect(fs[0].message['en-US']).toContain('全部行政处罚案件 100 (法治指标!E4)');
    // A user writing a variant name reaches the canonical row.
    const m2 = model(wide([['1', '依法公开执法处罚信息', '条', 98, 106], ['2', '全部行政处罚案件', '件', 98, 106]]));
    expect(runRules(m2, { ...rs, rules: [rule('V', '[公开处罚信息] == [全部行政处罚案件]')] })).toEqual([]);
  });

  it('one sheet per year: each period reads its own sheet', () => {
    const year = (name: string, a: number, b: number) =>
      grid(name, [
        ['指标', '单位', '数值'],
        ['政务服务办件量', '件', a],
        ['网上办件量', '件', b],
      ]);
    const m = model(year('2021年', 5120, 5200), year('2022年', 5404, 4000));
    const fs = runRules(m, set(rule('W', '[网上办件量] <= [政务服务办件量]')));
    expect(fs.map((f) => [f.period, f.cells[0].sheet])).toEqual([['2021', '2021年']]);
  });

  it('a long table: each district on its own; skipped districts gathered in one info per period', () => {
    const m = analyzeWorkbook(
      workbook(
        '各地区.xlsx',
        grid('各地区', [
          ['地区', '年份', '指标', '数值', '单位'],
          ['甲区', 2022, '行政处罚案件', 106, '件'],
          ['甲区', 2022, '依法公开执法处罚信息', 100, '条'],
          ['乙区', 2022, '行政处罚案件', 50, '件'],
          ['乙区', 2022, '依法公开执法处罚信息', 50, '条'],
          ['丙区', 2022, '行政处罚案件', 30, '件'],
          ['丁区', 2022, '行政处罚案件', 20, '件'],
        ]),
      ),
    ).model;
    const fs = runRules(m, set(rule('D', '[依法公开执法处罚信息] == [行政处罚案件]')));
    const fail = fs.filter((f) => f.severity === 'error');
    expect(fail.map((f) => f.entity)).toEqual(['甲区']);
    const info = fs.filter((f) => f.severity === 'info');
    expect(info).toHaveLength(1);
    expect(info[0].message['zh-CN']).toContain('（丙区、丁区）');
    // The pack is silent where a district simply does not report an indicator.
    const pack = runRules(m, { rules: [rule('D', '[依法公开执法处罚信息] == [行政处罚案件]', { source: 'pack' })], aliases: {} });
    expect(pack.map((f) => f.entity)).toEqual(['甲区']);
  });

  it('a single indicator matched by a pattern alias is checked once per matching row', () => {
    const m = model(
      wide([
        ['1', '舆情处理完结率', '%', '100%', '98%'],
        ['2', '投诉处理完结率', '%', '95%', '100%'],
        ['3', '群众满意率', '%', '90%', '90%'],
      ]),
    );
    const rs: RuleSet = { rules: [rule('M', '[办结率] == 100%')], aliases: { 办结率: ['/^(?!.*满意率).*(?:办结率|完结率)$/'] } };
    const fs = runRules(m, rs);
    expect(fs.map((f) => `${f.indicator} ${f.period}`).sort()).toEqual(['投诉处理完结率 2021', '舆情处理完结率 2022']);
  });

  it('several sheets: the rule reads from the sheet that holds most of its indicators', () => {
    const a = wide([['1', '行政处罚案件', '件', 10, 10], ['2', '依法公开执法处罚信息', '条', 10, 10]], '甲表');
    const b = wide([['1', '行政处罚案件', '件', 99, 99]], '乙表');
    expect(runRules(model(b, a), set(rule('H', '[依法公开执法处罚信息] == [行政处罚案件]')))).toEqual([]);
  });
});

describe('rule problems are findings; other rules still run', () => {
  const m = model(wide([['1', '依法公开执法处罚信息', '条', 98, 106], ['2', '全部行政处罚案件', '件', 98, 106], ['3', '罚没款', '元', 1, 2]]));

  it('a syntax error names the rule and the column; located in the rules sheet when it comes from there', () => {
    const bad = rule('S1', '[罚没款] >> 0', { source: 'sheet', origin: { sheet: '校验规则', row: 3, cells: { id: 'A3', expr: 'C3' } } });
    const fs = runRules(m, set(bad, rule('OK', '[罚没款] > 1')));
    const s = byRule(fs, 'rules.syntax');
    expect(s).toHaveLength(1);
    expect(s[0].cells).toEqual([{ sheet: '校验规则', address: 'C3' }]);
    expect(s[0].message['zh-CN']).toContain('规则 S1');
    expect(s[0].message['zh-CN']).toContain('第 7 个字符');
    expect(s[0].message['en-US']).toContain('character 7');
    expect(byRule(fs, 'OK').map((f) => f.period)).toEqual(['2021']);
  });

  it('an unknown indicator in a user rule: the closest names, top three', () => {
    const fs = runRules(m, set(rule('U', '[依法公开处罚信息] == [行政处罚案件数]')));
    const u = byRule(fs, 'rules.unknown-indicator');
    expect(u.map((f) => f.indicator)).toEqual(['依法公开处罚信息', '行政处罚案件数']);
    expect(u[0].message['zh-CN']).toContain('[依法公开执法处罚信息]');
    expect(u[1].message['zh-CN']).toContain('最接近的指标：[全部行政处罚案件]');
    expect(u[1].message['en-US']).toContain('Closest names: [全部行政处罚案件]');
    // Where each unknown name stands in the expression (code points, 1-based).
    expect(u[0].message['zh-CN']).toContain('[依法公开处罚信息]（表达式第 1 个字符处）');
    expect(u[1].message['zh-CN']).toContain('[行政处罚案件数]（表达式第 15 个字符处）');
    expect(u[1].message['en-US']).toContain('(character 15 of the expression)');
    const none = byRule(runRules(m, set(rule('N', '[床位数] > 0'))), 'rules.unknown-indicator');
    expect(none[0].message['zh-CN']).toContain('没有名称相近的指标');
  });

  it('pack rules whose indicators the bureau does not report are silently not applicable', () => {
    const fs = runRules(m, { rules: [rule('P', '[床位数] > 0', { source: 'pack' })], aliases: {} });
    expect(fs).toEqual([]);
  });

  it('a patch for a rule id that does not exist', () => {
    const rs: RuleSet = { rules: [], aliases: {}, patches: [{ id: 'X9', source: 'sheet', enabled: false, origin: { sheet: '校验规则', row: 4, cells: { id: 'A4' } } }] };
    const [f] = runRules(m, rs);
    expect(f.ruleId).toBe('rules.no-expression');
    expect(f.cells).toEqual([{ sheet: '校验规则', address: 'A4' }]);
  });
});

describe('the pack’s balance rules defer to the sheet hierarchy', () => {
  const pack = builtinPack();
  const only = (id: string): RuleSet => ({ ...pack, rules: pack.rules.filter((r) => r.id === id) });

  it('flat rows (no 其中): the pack rule checks 5404 = 4818 + 586', () => {
    const flat = (total: number) =>
      model(
        grid('2022年', [
          ['指标', '单位', '数值'],
          ['政务服务办件量', '件', total],
          ['自然人办件量', '件', 4818],
          ['法人办件量', '件', 586],
        ]),
      );
    expect(runRules(flat(5404), only('balance.government-services'))).toEqual([]);
    const [f] = runRules(flat(5504), only('balance.government-services'));
    expect(f.ruleId).toBe('balance.government-services');
    expect(f.difference).toBe(100);
  });

  it('breakdown rows under 其中: left to checks/balance.ts', () => {
    const m = model(
      grid('2022年', [
        ['指标', '单位', '数值'],
        ['政务服务办件量', '件', 5504],
        ['其中：自然人办件', '件', 4818],
        ['　　　法人办件', '件', 586],
      ]),
    );
    expect(runRules(m, only('balance.government-services'))).toEqual([]);
  });
});

describe('a failed rule says first, for the clerk, what should hold and what was reported', () => {
  const m = model(
    wide([
      ['1', '重大执法决定法制审核案件', '件', 15, 15],
      ['2', '法制审核率', '%', '93.3%', '100%'],
    ]),
  );

  it('named: the message is "<name>, but <who and when> reported <value as typed> (<cell>)"; the details give the rule and its arithmetic', () => {
    const r = rule('R9', '[法制审核率] == 100%', { name: { 'zh-CN': '法制审核率应为 100%', 'en-US': 'Legal review rate must be 100%' } });
    const [f] = byRule(runRules(m, set(r)), 'R9');
    expect(f.message).toEqual({
      'zh-CN': '法制审核率应为 100%，但某区2021年填报为：法制审核率 93.3%（法治指标!D4）。',
      'en-US': 'Legal review rate must be 100%, but 某区 (2021) reports 法制审核率 93.3% (法治指标!D4).',
    });
    expect(f.details).toEqual({
      'zh-CN': '规则 R9：[法制审核率] == 100%。左边为 93.30%，右边为 100.00%，相差 -6.70%。',
      'en-US': 'Rule R9: [法制审核率] == 100%. Left side 93.30%, right side 100.00%, difference -6.70%.',
    });
  });

  it('unnamed: the message says who and when and the values; the rule id and expression are in the details only', () => {
    const r = rule('R10', '[法制审核率] == 100%', { name: { 'zh-CN': 'R10', 'en-US': 'R10' } });
    const [f] = byRule(runRules(m, set(r)), 'R10');
    expect(f.message).toEqual({
      'zh-CN': '某区2021年不满足一条校验规则：填报为 法制审核率 93.3%（法治指标!D4）。',
      'en-US': '某区 (2021) does not meet a check rule: reported 法制审核率 93.3% (法治指标!D4).',
    });
    for (const lang of ['zh-CN', 'en-US'] as const) {
      expect(f.message[lang]).not.toMatch(/R10|==|左边|Left side/);
      expect(f.details?.[lang]).toMatch(/^(规则|Rule) R10[：:] ?\[法制审核率\] == 100%[。.] ?(左边为|Left side) 93\.30%/);
    }
  });
});
