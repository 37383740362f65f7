import { checkBalance } from '../src/core/checks/balance';
import { analyzeWorkbook } from '../src/core/engine';
import { attachTypoHints, digitEdits, runRules, suggestTypo, type Rule, type RuleSet } from '../src/core/rules';
import type { CellValue, Finding } from '../src/core/types';
import { grid, workbook } from './helpers/grid';

const HEADER = ['序号', '指标名称', '单位', '2021年', '2022年'];

function modelOf(...sheets: ReturnType<typeof grid>[]) {
  return analyzeWorkbook(workbook('某区.xlsx', ...sheets), { entity: '某区' }).model;
}

/** checkBalance + attachTypoHints over one sheet. */
function balanceHints(...sheets: ReturnType<typeof grid>[]): Finding[] {
  const model = modelOf(...sheets);
  return attachTypoHints(checkBalance(model), model);
}

/** 政务服务办件量 5404 = 自然人办件 4818 + 法人办件 586 (seed 004), with the 自然人 figure as typed. */
function services(natural: number) {
  return grid('2022年', [
    ['指标', '单位', '数值'],
    ['政务服务办件量', '件', 5404],
    ['其中：自然人办件', '件', natural],
    ['　　　法人办件', '件', 586],
  ]);
}

describe('single-digit edits', () => {
  it('swaps, substitutions, drops and inserts without leading zeros', () => {
    const e = digitEdits(21);
    const kind = (to: number) => e.find((x) => x.to === to)?.kind;
    expect(kind(12)).toBe('swap');
    expect(kind(29)).toBe('substitute');
    expect(kind(2)).toBe('drop');
    expect(kind(1)).toBe('drop');
    expect(kind(211)).toBe('insert');
    expect(kind(21)).toBeUndefined();
    expect(digitEdits(105).some((x) => x.to === 5)).toBe(false); // "05"
    expect(digitEdits(105).find((x) => x.to === 15)?.kind).toBe('drop');
    expect(digitEdits(0).map((x) => x.to).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 30, 40, 50, 60, 70, 80, 90]);
    expect(digitEdits(-3)).toEqual([]);
    expect(digitEdits(1.5)).toEqual([]);
    expect(digitEdits(11).some((x) => x.kind === 'swap')).toBe(false);
  });

  it('suggestTypo on plain cells with a solver', () => {
    const cells = [
      { ref: { sheet: 'S', address: 'C2' }, value: 5404 },
      { ref: { sheet: 'S', address: 'C3' }, value: 4318 },
      { ref: { sheet: 'S', address: 'C4' }, value: 586 },
    ];
    const values = cells.map((c) => c.value);
    const hint = suggestTypo(cells, (i, v) => {
      const x = [...values];
      x[i] = v;
      return x[0] === x[1] + x[2];
    });
    expect(hint).toMatchObject({ cell: { sheet: 'S', address: 'C3' }, from: 4318, to: 4818, kind: 'substitute' });
    expect(hint?.message['zh-CN']).toBe('S!C3 可能应为 4818（4318 中有一位数字写错）');
    expect(hint?.message['en-US']).toBe('S!C3 may be 4818 (one digit of 4318 mistyped)');
    expect(suggestTypo(cells, () => false)).toBeUndefined();
  });
});

describe('typo hints on balance findings', () => {
  it('transposition: the sample’s 2021 学校卫生 21 instead of 12 in 190 = 95+12+21+30+10+25+4+2', () => {
    const sheet = grid('法治指标', [
      ['乐山市市中区卫生健康局法治政府建设年度指标表'],
      HEADER,
      ['5', '国家双随机监督抽检任务', '家', 190, 209],
      ['5.1', '其中：公共场所卫生', '家', 95, 108],
      ['5.2', '　　　生活饮用水卫生', '家', 12, 12],
      ['5.3', '　　　学校卫生', '家', 21, 12],
      ['5.4', '　　　医疗卫生', '家', 30, 32],
      ['5.5', '　　　放射卫生', '家', 10, 11],
      ['5.6', '　　　传染病防治', '家', 25, 28],
      ['5.7', '　　　消毒产品', '家', 4, 4],
      ['5.8', '　　　职业卫生', '家', 2, 2],
    ]);
    const [f] = balanceHints(sheet);
    expect(f.ruleId).toBe('balance.exceeds');
    expect(f.hint).toMatchObject({ cell: { sheet: '法治指标', address: 'D6' }, from: 21, to: 12, kind: 'swap' });
    expect(f.hint?.message['zh-CN']).toMatch(/^法治指标!D6 可能应为 12（21 的两位数字颠倒）/);
    expect(f.hint?.message['en-US']).toMatch(/^法治指标!D6 may be 12 \(digits of 21 swapped\)/);
    // The less likely fixes (10 → 1 dropped digit, 190 → 199) are named, not chosen.
    expect(f.hint?.message['zh-CN']).toContain('法治指标!D8 改为 1');
    expect(JSON.stringify(f)).toContain('"address":"D6"');
  });

  it('substituted digit: 4318 → 4818', () => {
    const [f] = balanceHints(services(4318));
    expect(f.ruleId).toBe('balance.mismatch');
    expect(f.hint).toMatchObject({ cell: { address: 'C3' }, from: 4318, to: 4818, kind: 'substitute' });
  });

  it('a digit too many: 48188 → 4818', () => {
    const [f] = balanceHints(services(48188));
    expect(f.ruleId).toBe('balance.exceeds');
    expect(f.hint).toMatchObject({ from: 48188, to: 4818, kind: 'drop' });
    expect(f.hint?.message['zh-CN']).toContain('48188 多写了一位数字');
  });

  it('a digit left out: 418 → 4818', () => {
    const [f] = balanceHints(services(418));
    expect(f.hint).toMatchObject({ from: 418, to: 4818, kind: 'insert' });
    expect(f.hint?.message['en-US']).toContain('a digit missing from 418');
  });

  it('no single-digit fix: 100 ≠ 37 + 48', () => {
    const [f] = balanceHints(
      grid('2022年', [
        ['指标', '单位', '数值'],
        ['规范性文件清理', '件', 100],
        ['其中：继续有效', '件', 37],
        ['　　　废止', '件', 48],
      ]),
    );
    expect(f.ruleId).toBe('balance.mismatch');
    expect(f.hint).toBeUndefined();
  });

  it('no hint when several fixes are equally likely: 110 ≠ 50 + 58 + 1 (51? 59? 2?)', () => {
    const [f] = balanceHints(
      grid('2021年', [
        ['指标', '单位', '数值'],
        ['行政处罚案件', '件', 110],
        ['其中：警告', '件', 50],
        ['　　　罚款等', '件', 58],
        ['　　　停产停业', '件', 1],
      ]),
    );
    expect(f.ruleId).toBe('balance.mismatch');
    expect(f.hint).toBeUndefined();
  });

  it('a fix that would break another balance group is not offered', () => {
    const nested = (withSub: boolean) =>
      grid('2022年', [
        ['序号', '指标', '单位', '数值'],
        ['1', '监督检查', '户', 100],
        ['1.1', '医疗机构', '户', 46],
        ...(withSub
          ? ([
              ['1.1.1', '公立医疗机构', '户', 40],
              ['1.1.2', '民营医疗机构', '户', 6],
            ] as CellValue[][])
          : []),
        ['1.2', '公共场所', '户', 36],
      ]);
    const [alone] = balanceHints(nested(false));
    expect(alone.hint).toMatchObject({ from: 46, to: 64, kind: 'swap' });
    const withSub = balanceHints(nested(true));
    expect(withSub.map((f) => f.ruleId)).toEqual(['balance.mismatch']);
    expect(withSub[0].hint).toBeUndefined();
  });

  it('findings that are not balances, and partial lists, are returned untouched', () => {
    const model = modelOf(services(4318));
    const other: Finding = { ruleId: 'rate.mandated', severity: 'error', cells: [{ sheet: '2022年', address: 'C2' }], message: { 'zh-CN': '', 'en-US': '' } };
    expect(attachTypoHints([other], model)[0]).toBe(other);
    const partial = grid('2022年', [
      ['指标', '单位', '数值'],
      ['主动公开信息', '条', 5548],
      ['其中主要有：行政许可', '条', 7306],
      ['　　　行政处罚', '条', 259],
    ]);
    const fs = balanceHints(partial);
    expect(fs[0].ruleId).toBe('balance.exceeds');
    expect(fs[0].hint).toBeUndefined();
  });
});

describe('typo hints on rule findings', () => {
  const sheet = wideOf([
    ['1', '甲', '件', 33],
    ['2', '乙', '件', 21],
    ['3', '丙', '件', 21],
    ['4', '丁', '件', 21],
  ]);
  function wideOf(rows: CellValue[][]) {
    return grid('表', [['序号', '指标名称', '单位', '2022年'], ...rows]);
  }
  const rule = (id: string, expr: string): Rule => ({ id, name: { 'zh-CN': id, 'en-US': id }, expr, severity: 'error', enabled: true, source: 'file' });

  it('an equality that fails gets the hint; a fix that breaks another rule reading the cell is not offered', () => {
    const model = modelOf(sheet);
    const both: RuleSet = { rules: [rule('R1', '[甲] == [乙] + [丙]'), rule('R2', '[乙] == [丁]')], aliases: {} };
    const [f] = runRules(model, both);
    expect(f.ruleId).toBe('R1');
    expect(f.hint).toMatchObject({ cell: { sheet: '表', address: 'D4' }, from: 21, to: 12, kind: 'swap' });
    // Without R2, changing 乙 or 丙 are equally good: both are named, one of them is the typo.
    const [g] = runRules(model, { rules: [both.rules[0]], aliases: {} });
    expect(g.hint).toMatchObject({ cell: { address: 'D3' }, to: 12, kind: 'swap', or: { cell: { address: 'D4' }, from: 21, to: 12, kind: 'swap' } });
    expect(g.hint?.message['zh-CN']).toBe('两处之一可能录错：表!D3 可能应为 12（21 的两位数字颠倒）；或 表!D4 可能应为 12（21 的两位数字颠倒）');
    expect(g.hint?.message['en-US']).toBe('one of two cells may be mistyped: 表!D3 may be 12 (digits of 21 swapped); or 表!D4 may be 12 (digits of 21 swapped)');
  });

  it('a two-cell equality with swapped digits names both cells: 公开处罚信息 160 vs 处罚案件 106', () => {
    const model = modelOf(wideOf([['1', '依法公开执法处罚信息', '条', 160], ['2', '全部行政处罚案件', '件', 106]]));
    const [f] = runRules(model, { rules: [rule('E1', '[依法公开执法处罚信息] == [全部行政处罚案件]')], aliases: {} });
    expect(f.hint).toMatchObject({ cell: { address: 'D2' }, from: 160, to: 106, kind: 'swap', or: { cell: { address: 'D3' }, from: 106, to: 160 } });
    // Three or more equally good fixes stay silent (see 110 ≠ 50 + 58 + 1 above).
  });

  it('inequalities get no hint, and hints can be switched off', () => {
    const model = modelOf(sheet);
    const [f] = runRules(model, { rules: [rule('R3', '[甲] <= [乙]')], aliases: {} });
    expect(f.hint).toBeUndefined();
    const [g] = runRules(model, { rules: [rule('R1', '[甲] == [乙] + [丙]'), rule('R2', '[乙] == [丁]')], aliases: {} }, { typoHints: false });
    expect(g.hint).toBeUndefined();
  });

  it('attachTypoHints with rules: a balance fix that breaks a rule is not offered', () => {
    const model = modelOf(services(4318));
    const guard: RuleSet = { rules: [rule('G', '[自然人办件] < 4500')], aliases: {} };
    const [f] = attachTypoHints(checkBalance(model), model, { rules: guard });
    expect(f.hint).toBeUndefined();
  });
});
