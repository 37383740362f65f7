// Session overrides from the task pane's 规则 tab (CheckOptions.rulePatches): the highest
// precedence, pane > 校验规则 sheet > rule file > built-in pack, marked patchedBy 'pane'.
import { checkWorkbook } from '../src/core/engine';
import { applyRulePatches, builtinPack, loadRuleSet, type RulePatch } from '../src/core/rules';
import type { CellValue, SheetGrid } from '../src/core/types';
import { grid, workbook } from './helpers/grid';

const RULE = 'rate.mandated.law-review';

const DATA = grid('法治指标', [
  ['序号', '指标名称', '单位', '2022年'],
  ['1', '法制审核率', '%', '90%'],
  ['2', '行政处罚案件', '件', 106],
]);

/** A 校验规则 sheet that changes the pack rule without an expression (a patch row). */
function rulesSheet(severity: string | null, enabled: string | null, tolerance: CellValue = null): SheetGrid {
  return grid('校验规则', [
    ['编号', '名称', '表达式', '级别', '容差', '启用'],
    [RULE, null, null, severity, tolerance, enabled],
  ]);
}

const FILE = { text: JSON.stringify({ rules: [{ id: RULE, severity: 'warning', tolerance: 0.5 }] }), format: 'json' as const, fileName: 'r.json' };

const find = (rules: ReturnType<typeof loadRuleSet>['ruleSet']) => rules.rules.find((r) => r.id === RULE);

describe('rule precedence: pane > sheet > file > pack', () => {
  it('each later source wins on the fields it sets, and says who changed the rule', () => {
    expect(find(builtinPack())).toMatchObject({ severity: 'error', enabled: true, source: 'pack' });
    expect(find(builtinPack())?.patchedBy).toBeUndefined();

    const file = loadRuleSet({ file: FILE });
    expect(file.findings).toEqual([]);
    expect(find(file.ruleSet)).toMatchObject({ severity: 'warning', tolerance: 0.5, source: 'pack', patchedBy: 'file' });

    const sheet = loadRuleSet({ file: FILE, sheets: [rulesSheet('提示', null)] });
    expect(find(sheet.ruleSet)).toMatchObject({ severity: 'info', tolerance: 0.5, enabled: true, patchedBy: 'sheet' });

    const pane = loadRuleSet({ file: FILE, sheets: [rulesSheet('提示', '否')], patches: [{ id: RULE, source: 'pane', severity: 'error', enabled: true }] });
    expect(find(pane.ruleSet)).toMatchObject({ severity: 'error', enabled: true, tolerance: 0.5, source: 'pack', patchedBy: 'pane' });
    // Rules the pane did not touch keep their own marker.
    expect(pane.ruleSet.rules.filter((r) => r.patchedBy === 'pane').map((r) => r.id)).toEqual([RULE]);
  });

  it('applyRulePatches ignores invalid fields and unknown ids, and leaves its input alone', () => {
    const pack = builtinPack();
    const before = JSON.stringify(pack);
    const patches = [
      { id: RULE, source: 'pane', severity: 'fatal', tolerance: -1, enabled: 'no' },
      { id: 'no.such.rule', source: 'pane', enabled: false },
    ] as unknown as RulePatch[];
    const out = applyRulePatches(pack, patches);
    expect(find(out)).toMatchObject({ severity: 'error', enabled: true });
    expect(find(out)?.patchedBy).toBeUndefined();
    expect(out.patches).toBeUndefined();
    expect(out.rules).toHaveLength(pack.rules.length);

    const off = applyRulePatches(pack, [{ id: RULE, source: 'pane', enabled: false, tolerance: 0.2 }]);
    expect(find(off)).toMatchObject({ enabled: false, tolerance: 0.2, patchedBy: 'pane' });
    expect(JSON.stringify(pack)).toBe(before);
  });
});

describe('checkWorkbook with rulePatches', () => {
  const ruleFindings = (r: ReturnType<typeof checkWorkbook>) => r.findings.filter((f) => f.ruleId === RULE);

  it('the pane switches a pack rule off and changes its severity', () => {
    const snapshot = workbook('某区.xlsx', DATA);
    expect(ruleFindings(checkWorkbook(snapshot, { history: false })).map((f) => f.severity)).toEqual(['error']);
    expect(ruleFindings(checkWorkbook(snapshot, { history: false, rulePatches: [{ id: RULE, source: 'pane', enabled: false }] }))).toEqual([]);
    expect(
      ruleFindings(checkWorkbook(snapshot, { history: false, rulePatches: [{ id: RULE, source: 'pane', severity: 'warning' }] })).map((f) => f.severity),
    ).toEqual(['warning']);
  });

  it('the pane beats the workbook sheet both ways', () => {
    const off = workbook('某区.xlsx', DATA, rulesSheet(null, '否'));
    expect(ruleFindings(checkWorkbook(off, { history: false }))).toEqual([]);
    expect(ruleFindings(checkWorkbook(off, { history: false, rulePatches: [{ id: RULE, source: 'pane', enabled: true }] }))).toHaveLength(1);

    const on = workbook('某区.xlsx', DATA, rulesSheet('警告', '是'));
    expect(ruleFindings(checkWorkbook(on, { history: false })).map((f) => f.severity)).toEqual(['warning']);
    expect(ruleFindings(checkWorkbook(on, { history: false, rulePatches: [{ id: RULE, source: 'pane', enabled: false }] }))).toEqual([]);
  });

  it('a pane tolerance wider than the gap makes the rule pass', () => {
    const snapshot = workbook('某区.xlsx', DATA);
    expect(ruleFindings(checkWorkbook(snapshot, { history: false, rulePatches: [{ id: RULE, source: 'pane', tolerance: 0.05 }] }))).toHaveLength(1);
    expect(ruleFindings(checkWorkbook(snapshot, { history: false, rulePatches: [{ id: RULE, source: 'pane', tolerance: 0.15 }] }))).toEqual([]);
  });

  it('an override for a rule that is not there produces no finding', () => {
    const snapshot = workbook('某区.xlsx', DATA);
    const base = checkWorkbook(snapshot, { history: false });
    const patched = checkWorkbook(snapshot, { history: false, rulePatches: [{ id: 'gone.rule', source: 'pane', enabled: false }] });
    expect(patched.findings).toEqual(base.findings);
  });
});
