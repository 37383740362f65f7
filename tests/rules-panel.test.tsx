/** @jest-environment jsdom */
// The 规则 tab against a fake Host: the rules in effect with their sources, pane overrides that
// reach the next check as rulePatches, rule files, the 校验规则 sheet and export.
import './helpers/jsdom-polyfills';

import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { builtinPack, parseRuleFile, rulesSheetTemplate, RULES_SHEET_NAME } from '../src/core/rules';
import type { CellRef, CellValue, CheckResult, Finding, WorkbookSnapshot } from '../src/core/types';
import type { Host } from '../src/core/host';
import { App } from '../src/taskpane/App';
import { RULES_SHEET } from '../src/taskpane/panels/RulesPanel';
import { RULES_STRINGS } from '../src/taskpane/panels/rules-strings';
import type { RunCheck } from '../src/taskpane/session';

// Slow on a shared machine: Fluent renders some 40 rules with their controls.
jest.setTimeout(30000);

const PACK = builtinPack();
const LAW = 'rate.mandated.law-review';

const DATA = { name: '法治指标', originRow: 0, originCol: 0, values: [['指标', '2022'], ['法制审核率', '90%']] as CellValue[][] };

class FakeHost implements Host {
  readonly kind = 'fake' as const;
  calls: Array<{ method: string; args: unknown[] }> = [];
  constructor(public snapshot: WorkbookSnapshot = { name: '某区.xlsx', sheets: [DATA] }) {}
  callsTo(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }
  async readWorkbook(): Promise<WorkbookSnapshot> {
    this.calls.push({ method: 'readWorkbook', args: [] });
    return this.snapshot;
  }
  async applyMarks(findings: Finding[]): Promise<void> {
    this.calls.push({ method: 'applyMarks', args: [findings] });
  }
  async clearMarks(): Promise<void> {}
  async selectCell(ref: CellRef): Promise<void> {
    this.calls.push({ method: 'selectCell', args: [ref] });
  }
}

class SheetHost extends FakeHost {
  failWith: unknown = null;
  async writeRulesSheet(rows: CellValue[][]): Promise<{ sheet: string }> {
    this.calls.push({ method: 'writeRulesSheet', args: [rows] });
    if (this.failWith) throw this.failWith;
    return { sheet: '校验规则' };
  }
}

function runCheckMock(findings: Finding[] = []): jest.MockedFunction<RunCheck> {
  return jest.fn<ReturnType<RunCheck>, Parameters<RunCheck>>(
    (snapshot): CheckResult => ({ workbook: snapshot.name, findings, sheets: [], observations: 1 }),
  );
}

function renderPane(host: Host = new FakeHost(), runCheck = runCheckMock()) {
  render(<App host={host} lang="zh-CN" runCheck={runCheck} />);
  return { host, runCheck };
}

async function openRules(): Promise<HTMLElement> {
  fireEvent.click(screen.getByRole('tab', { name: '规则' }));
  const panel = screen.getByRole('tabpanel', { name: '规则' });
  await within(panel).findByRole('list', { name: '规则列表' });
  return panel;
}

function ruleItem(panel: HTMLElement, id: string): HTMLElement {
  const li = panel.querySelector<HTMLElement>(`li[data-rule-id="${id}"]`);
  if (!li) throw new Error(`no rule ${id}`);
  return li;
}

/** Runs a check from the 校验 tab and returns the options the engine got. */
async function checkAndGetOptions(runCheck: jest.MockedFunction<RunCheck>) {
  fireEvent.click(screen.getByRole('tab', { name: '校验' }));
  const before = runCheck.mock.calls.length;
  fireEvent.click(screen.getByRole('button', { name: '校验当前工作簿' }));
  await waitFor(() => expect(runCheck.mock.calls.length).toBe(before + 1));
  await screen.findByTestId('summary');
  return runCheck.mock.calls[before][1];
}

function file(name: string, text: string): File {
  return new File([text], name, { type: name.endsWith('.json') ? 'application/json' : 'text/yaml' });
}

async function importFile(panel: HTMLElement, f: File): Promise<void> {
  const input = within(panel).getByTestId('rules-file-input') as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [f] } });
  });
}

describe('规则 tab', () => {
  test('every module agrees on the sheet name; both catalogues have the same keys', () => {
    expect(RULES_SHEET).toBe(RULES_SHEET_NAME);
    expect(Object.keys(RULES_STRINGS['en-US']).sort()).toEqual(Object.keys(RULES_STRINGS['zh-CN']).sort());
  });

  test('before a check it lists the built-in pack, each rule with its source, name and expression', async () => {
    renderPane();
    const panel = await openRules();
    const items = within(within(panel).getByRole('list', { name: '规则列表' })).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-rule-id'))).toEqual(PACK.rules.map((r) => r.id));
    expect(items.every((li) => li.getAttribute('data-source') === 'pack')).toBe(true);
    const law = ruleItem(panel, LAW);
    expect(within(law).getByTestId('rule-source').textContent).toBe('内置');
    expect(law.textContent).toContain('法制审核率应为 100%');
    expect(law.textContent).toContain('[法制审核率] == 100%');
    expect((within(law).getByRole('switch', { name: `启用规则 ${LAW}` }) as HTMLInputElement).checked).toBe(true);
    expect((within(law).getByRole('combobox', { name: `规则 ${LAW} 的级别` }) as HTMLSelectElement).value).toBe('error');
    const enabled = PACK.rules.filter((r) => r.enabled).length;
    expect(within(panel).getByTestId('rules-count').textContent).toBe(`共 ${PACK.rules.length} 条规则，启用 ${enabled} 条`);
    expect(within(panel).getByText(/尚未校验/)).toBeTruthy();
    // Nothing of the user's to export yet.
    expect((within(panel).getByRole('button', { name: /^导出规则/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('the filter narrows the list by id, name or expression', async () => {
    renderPane();
    const panel = await openRules();
    fireEvent.change(within(panel).getByRole('searchbox', { name: '筛选规则' }), { target: { value: '出庭' } });
    const ids = within(within(panel).getByRole('list', { name: '规则列表' }))
      .getAllByRole('listitem')
      .map((li) => li.getAttribute('data-rule-id'));
    const expected = PACK.rules.filter((r) => [r.id, r.expr, r.name['zh-CN'], r.name['en-US']].some((s) => s.includes('出庭'))).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected);
    expect(within(panel).getByTestId('rules-count').textContent).toBe(`显示 ${expected.length} / ${PACK.rules.length} 条规则`);
  });

  test('switching a rule off, changing severity and tolerance reach the next check as rulePatches; reset removes them', async () => {
    const { runCheck } = renderPane();
    const panel = await openRules();
    const law = ruleItem(panel, LAW);
    fireEvent.click(within(law).getByRole('switch', { name: `启用规则 ${LAW}` }));
    await waitFor(() => expect(within(ruleItem(panel, LAW)).getByTestId('rule-pane').textContent).toBe('已在窗格中修改'));
    expect(within(panel).getByTestId('rules-pending').textContent).toContain('已在窗格中修改 1 条规则');

    const court = 'rate.mandated.court';
    fireEvent.change(within(ruleItem(panel, court)).getByRole('combobox', { name: `规则 ${court} 的级别` }), { target: { value: 'warning' } });
    const tol = within(ruleItem(panel, court)).getByRole('textbox', { name: new RegExp(`^规则 ${court.replace(/\./g, '\\.')} 的容差`) });
    fireEvent.change(tol, { target: { value: 'abc' } });
    fireEvent.blur(tol);
    expect(await within(ruleItem(panel, court)).findByText(/容差“abc”无效/)).toBeTruthy();
    fireEvent.change(tol, { target: { value: '0.5%' } });
    fireEvent.keyDown(tol, { key: 'Enter' });

    let options = await checkAndGetOptions(runCheck);
    expect(options.rulePatches).toEqual([
      { id: LAW, source: 'pane', enabled: false },
      { id: court, source: 'pane', severity: 'warning', tolerance: 0.005 },
    ]);

    // Switching back on removes the field, and with it the whole patch of that rule.
    fireEvent.click(screen.getByRole('tab', { name: '规则' }));
    fireEvent.click(within(ruleItem(panel, LAW)).getByRole('switch', { name: `启用规则 ${LAW}` }));
    fireEvent.click(within(ruleItem(panel, court)).getByRole('button', { name: `还原规则 ${court} 在窗格中的修改` }));
    await waitFor(() => expect(within(panel).queryByTestId('rules-pending')).toBeNull());
    options = await checkAndGetOptions(runCheck);
    expect(options.rulePatches).toBeUndefined();
  });

  test('after a check the workbook’s 校验规则 sheet shows: its rules, and the pack rules it changed', async () => {
    const host = new SheetHost({
      name: '某区.xlsx',
      sheets: [
        DATA,
        {
          name: '校验规则',
          originRow: 0,
          originCol: 0,
          values: [
            ['编号', '名称', '表达式', '级别', '启用'],
            ['S1', '处罚案件不为负', '[行政处罚案件] >= 0', '警告', '是'],
            [LAW, null, null, null, '否'],
            ['S2', '坏规则', '[行政处罚案件] >=', '错误', '是'],
          ],
        },
      ],
    });
    const { runCheck } = renderPane(host);
    await checkAndGetOptions(runCheck);
    const panel = await openRules();
    await waitFor(() => expect(panel.querySelector('li[data-rule-id="S1"]')).not.toBeNull());
    const s1 = ruleItem(panel, 'S1');
    expect(s1.getAttribute('data-source')).toBe('sheet');
    expect(within(s1).getByTestId('rule-source').textContent).toBe('工作表');
    expect(within(s1).getByRole('button', { name: '跳转到 校验规则!C2' })).toBeTruthy();
    const law = ruleItem(panel, LAW);
    expect(within(law).getByTestId('rule-patched').textContent).toBe('已被工作表修改');
    expect((within(law).getByRole('switch', { name: `启用规则 ${LAW}` }) as HTMLInputElement).checked).toBe(false);
    expect(within(panel).getByText(/已包含最近一次校验/)).toBeTruthy();

    // The broken expression is a located problem; its location selects the cell.
    const problems = within(panel).getByTestId('rules-problems');
    expect(problems.textContent).toContain('规则 S2 的表达式第');
    fireEvent.click(within(problems).getByRole('button', { name: '跳转到 校验规则!C4' }));
    expect(host.callsTo('selectCell')).toEqual([[{ sheet: '校验规则', address: 'C4' }]]);

    // The sheet exists: creating it again is not offered.
    expect(within(panel).getByText(/已有“校验规则”工作表/)).toBeTruthy();
    expect((within(panel).getByRole('button', { name: /^创建规则表/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('importing a YAML rule file sets options.rules, lists its rules and shows a bad expression; removing it', async () => {
    const { runCheck } = renderPane();
    const panel = await openRules();
    const yaml = ['rules:', '  - id: Y1', '    name: 罚没款不为负', '    expr: "[罚没款] >= 0"', '    severity: 警告', '  - id: Y2', '    expr: "[罚没款] >>= 1"', ''].join('\n');
    await importFile(panel, file('我的规则.yaml', yaml));
    await waitFor(() => expect(panel.querySelector('li[data-rule-id="Y1"]')).not.toBeNull());
    expect(within(panel).getByText('已导入规则文件“我的规则.yaml”，下次校验时生效。')).toBeTruthy();
    expect(within(panel).getByTestId('rules-file').textContent).toContain('规则文件：我的规则.yaml');
    expect(within(ruleItem(panel, 'Y1')).getByTestId('rule-source').textContent).toBe('文件');
    expect(within(panel).getByTestId('rules-problems').textContent).toContain('规则 Y2 的表达式第');

    const options = await checkAndGetOptions(runCheck);
    expect(options.rules).toEqual({ text: yaml, format: 'yaml', fileName: '我的规则.yaml' });

    fireEvent.click(screen.getByRole('tab', { name: '规则' }));
    fireEvent.click(within(panel).getByRole('button', { name: '移除规则文件“我的规则.yaml”' }));
    await waitFor(() => expect(panel.querySelector('li[data-rule-id="Y1"]')).toBeNull());
    expect(within(panel).queryByTestId('rules-problems')).toBeNull();
    expect((await checkAndGetOptions(runCheck)).rules).toBeUndefined();
  });

  test('a JSON file that does not parse is reported with the file name', async () => {
    const { runCheck } = renderPane();
    const panel = await openRules();
    await importFile(panel, file('坏.json', '{"rules": [ {"id": "J1", '));
    const problems = await within(panel).findByTestId('rules-problems');
    expect(problems.textContent).toContain('规则文件“坏.json”无法读取');
    expect((await checkAndGetOptions(runCheck)).rules?.format).toBe('json');
  });

  test('a file over 1 MB is refused with a message', async () => {
    renderPane();
    const panel = await openRules();
    await importFile(panel, file('大.json', `{"rules": [], "x": "${'a'.repeat(1024 * 1024)}"}`));
    expect(await within(panel).findByText(/文件“大.json”太大/)).toBeTruthy();
    expect(within(panel).queryByTestId('rules-file')).toBeNull();
  });

  test('创建规则表 writes the template through the host, then lists the example rules', async () => {
    const host = new SheetHost();
    renderPane(host);
    const panel = await openRules();
    const button = within(panel).getByRole('button', { name: /^创建规则表/ });
    fireEvent.click(button);
    await within(panel).findByText(/已创建“校验规则”工作表/);
    expect(host.callsTo('writeRulesSheet')).toEqual([[rulesSheetTemplate()]]);
    await waitFor(() => expect(panel.querySelector('li[data-rule-id="U1"]')).not.toBeNull());
    expect(ruleItem(panel, 'U2').getAttribute('data-source')).toBe('sheet');
    expect((within(panel).getByRole('button', { name: /^创建规则表/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('a refusal of the host shows its bilingual message', async () => {
    const host = new SheetHost();
    host.failWith = Object.assign(new Error('exists'), { bilingual: { 'zh-CN': '工作簿中已有名为“校验规则”的工作表。', 'en-US': 'A sheet named 校验规则 exists.' } });
    renderPane(host);
    const panel = await openRules();
    fireEvent.click(within(panel).getByRole('button', { name: /^创建规则表/ }));
    expect(await within(panel).findByText('工作簿中已有名为“校验规则”的工作表。')).toBeTruthy();
    expect(panel.querySelector('li[data-rule-id="U1"]')).toBeNull();
    // Once the user has renamed their sheet, 重试 creates it.
    host.failWith = null;
    fireEvent.click(within(panel).getByRole('button', { name: '重试：创建规则表' }));
    await waitFor(() => expect(host.callsTo('writeRulesSheet')).toHaveLength(2));
    await waitFor(() => expect(within(panel).queryByText('工作簿中已有名为“校验规则”的工作表。')).toBeNull());
  });

  test('without writeRulesSheet there is no create button, and the pane says how to add the sheet by hand', async () => {
    renderPane(new FakeHost());
    const panel = await openRules();
    expect(within(panel).queryByRole('button', { name: /^创建规则表/ })).toBeNull();
    expect(within(panel).getByTestId('rules-create-unavailable').textContent).toMatch(/编号、名称、表达式、级别/);
  });

  test('导出规则 downloads 校验规则.json with the file’s rules and the pane’s changes, and it reads back', async () => {
    const created: Blob[] = [];
    const createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return 'blob:rules';
    });
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicks: HTMLAnchorElement[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    try {
      renderPane();
      const panel = await openRules();
      await importFile(panel, file('r.json', JSON.stringify({ rules: [{ id: 'J1', expr: '[罚没款] >= 0', severity: 'warning' }] })));
      await waitFor(() => expect(panel.querySelector('li[data-rule-id="J1"]')).not.toBeNull());
      fireEvent.click(within(ruleItem(panel, LAW)).getByRole('switch', { name: `启用规则 ${LAW}` }));
      await waitFor(() => expect(within(ruleItem(panel, LAW)).queryByTestId('rule-pane')).not.toBeNull());
      fireEvent.click(within(panel).getByRole('button', { name: /^导出规则/ }));

      expect(clicks).toHaveLength(1);
      expect(clicks[0].download).toBe('校验规则.json');
      expect(clicks[0].getAttribute('href')).toBe('blob:rules');
      const text = await new Promise<string>((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(String(reader.result));
        reader.readAsText(created[0]);
      });
      const back = parseRuleFile(text, 'json');
      expect(back.findings).toEqual([]);
      expect(back.ruleSet.rules.map((r) => [r.id, r.severity])).toEqual([['J1', 'warning']]);
      expect(back.ruleSet.patches).toEqual([expect.objectContaining({ id: LAW, enabled: false })]);
      expect(within(panel).getByText('已导出“校验规则.json”。')).toBeTruthy();
    } finally {
      click.mockRestore();
    }
  });

  test('in English the sources and controls speak English', async () => {
    render(<App host={new FakeHost()} lang="en-US" runCheck={runCheckMock()} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Rules' }));
    const panel = screen.getByRole('tabpanel', { name: 'Rules' });
    await within(panel).findByRole('list', { name: 'List of rules' });
    const law = ruleItem(panel, LAW);
    expect(within(law).getByTestId('rule-source').textContent).toBe('Built-in');
    expect(law.textContent).toContain('Legal review rate must be 100%');
    expect(within(law).getByRole('switch', { name: `Enable rule ${LAW}` })).toBeTruthy();
  });
});

describe('the built-in checks and functions, from the registry', () => {
  it('lists every check of the registry with its findings, and the rule functions, on opening', async () => {
    const { ALL_CHECKS } = await import('../src/core/checks/registry');
    const { RULE_FUNCTIONS } = await import('../src/core/rules/functions');
    renderPane();
    const panel = await openRules();
    const section = within(panel).getByTestId('checks-section');
    // Nothing is loaded until the section is opened.
    expect(section.querySelector('[data-check-id]')).toBeNull();
    fireEvent.click(within(section).getByRole('button', { name: /内置检查/ }));
    const list = await within(section).findByRole('list', { name: `内置检查（${ALL_CHECKS.length} 项）` });
    const ids = [...list.querySelectorAll<HTMLElement>(':scope > li[data-check-id]')].map((li) => li.dataset.checkId);
    expect(ids).toEqual(ALL_CHECKS.map((c) => c.id));
    const copied = list.querySelector<HTMLElement>('li[data-check-id="value.copied-year"]')!;
    expect(copied.textContent).toContain('照抄上年');
    expect(copied.querySelector('[data-finding-id="value.copied-year"]')?.textContent).toContain('警告');
    const rules = list.querySelector<HTMLElement>('li[data-check-id="rules"]')!;
    expect(rules.querySelector('[data-finding-id="*"]')?.textContent).toContain('规则自己的编号');
    fireEvent.click(within(section).getByRole('button', { name: /规则中可用的函数/ }));
    const functions = await within(section).findByTestId('rule-functions');
    expect([...functions.querySelectorAll('code')].map((c) => c.textContent)).toEqual(RULE_FUNCTIONS.map((f) => f.signature));
  });
});
