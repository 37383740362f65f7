/** @jest-environment jsdom */
// 核实说明 in the 校验 tab: a warning gets a 说明 action, the dialog saves the explanation in the
// workbook's 校验说明 sheet through the host and the finding shows as resolved; errors get none.
// The engine is the real one, and the saved rows are read back as the next check's sheet.
import './helpers/jsdom-polyfills';

import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { checkWorkbook } from '../src/core/engine';
import { EXPLANATION_HEADER, explain, explanationRows } from '../src/core/explanations';
import { HostError, SYNC_TIMEOUT } from '../src/hosts/excel/errors';
import type { CellRef, CellValue, Finding, SheetGrid, WorkbookSnapshot } from '../src/core/types';
import type { Host } from '../src/core/host';
import { App } from '../src/taskpane/App';
import { canExplainFinding } from '../src/taskpane/components/FindingGroups';
import { EXPLAIN_STRINGS } from '../src/taskpane/panels/rules-strings';
import type { RunCheck } from '../src/taskpane/session';

const SHEET: SheetGrid = {
  name: '指标',
  originRow: 0,
  originCol: 0,
  values: [
    ['指标', '单位', '2022'],
    ['主动公开信息', '条', 5548],
    ['其中主要有：行政许可', '条', 3706],
    ['　　　　　　行政处罚', '条', 259],
    ['法制审核率', '%', '90%'],
  ] as CellValue[][],
};

/** A host whose workbook keeps what saveExplanationRows wrote, as Excel would. */
class ExplainingHost implements Host {
  readonly kind = 'fake' as const;
  saved: string[][][] = [];
  explanationsSheet: SheetGrid | null = null;
  saveError: unknown = null;
  async readWorkbook(): Promise<WorkbookSnapshot> {
    return { name: '某区.xlsx', sheets: this.explanationsSheet ? [SHEET, this.explanationsSheet] : [SHEET] };
  }
  async applyMarks(): Promise<void> {}
  async clearMarks(): Promise<void> {}
  async selectCell(_ref: CellRef): Promise<void> {}
  async saveExplanationRows(rows: string[][]): Promise<void> {
    if (this.saveError) throw this.saveError;
    this.saved.push(rows);
    this.explanationsSheet = { name: '校验说明', originRow: 0, originCol: 0, values: rows };
  }
}

// Slow on a shared machine: the real engine runs, and Fluent renders every row.
jest.setTimeout(30000);

/**
 * A control inside the open dialog. `hidden: true` because in jsdom tabster's modalizer may mark
 * the dialog itself aria-hidden (its 250 ms update can run before it sees focus enter the
 * dialog); the e2e test finds the same controls by role in Chromium, where that does not happen.
 */
function inDialog(dialog: HTMLElement, role: 'button' | 'textbox', name?: string | RegExp): HTMLElement {
  return within(dialog).getByRole(role, name === undefined ? { hidden: true } : { name, hidden: true });
}

const engine: RunCheck = (snapshot, options) => checkWorkbook(snapshot, { ...options, history: false });

async function check(): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: '校验当前工作簿' }));
  await screen.findByTestId('summary');
}

function rowsOf(severity: string): HTMLElement[] {
  const group = document.querySelector(`[data-severity="${severity}"]`) as HTMLElement | null;
  return group ? within(group).getAllByRole('listitem') : [];
}

function partialRow(): HTMLElement {
  const row = rowsOf('warning').find((li) => li.querySelector('[data-rule="balance.partial"]'));
  if (!row) throw new Error('no balance.partial warning');
  return row;
}

/** Removes the time column (explain() stamps the current time). */
const withoutTime = (rows: string[][]) => rows.map((r) => r.slice(0, 5));

describe('核实说明 in the 校验 tab', () => {
  test('the catalogues match and the pane agrees with core about what can be explained', () => {
    expect(Object.keys(EXPLAIN_STRINGS['en-US']).sort()).toEqual(Object.keys(EXPLAIN_STRINGS['zh-CN']).sort());
    const { canExplain } = jest.requireActual<typeof import('../src/core/explanations')>('../src/core/explanations');
    for (const severity of ['error', 'warning', 'info'] as const) {
      const f: Finding = { ruleId: 'x', severity, cells: [], message: { 'zh-CN': '', 'en-US': '' } };
      expect(canExplainFinding(f)).toBe(canExplain(f));
    }
  });

  test('a warning is explained in a dialog, saved to 校验说明 and shown as resolved; errors have no action; it survives the next check', async () => {
    const host = new ExplainingHost();
    render(<App host={host} lang="zh-CN" runCheck={engine} />);
    await check();

    const first = checkWorkbook(await host.readWorkbook(), { history: false });
    const warning = first.findings.find((f) => f.ruleId === 'balance.partial') as Finding;
    expect(warning).toBeDefined();
    const errors = first.findings.filter((f) => f.severity === 'error');
    const warnings = first.findings.filter((f) => f.severity === 'warning');
    expect(errors.length).toBeGreaterThan(0);
    const infos = first.findings.filter((f) => f.severity === 'info').length;
    expect(screen.getByTestId('summary').textContent).toContain(`错误 ${errors.length} · 警告 ${warnings.length} · 提示 ${infos}`);

    // Errors: no 说明 action. Warnings: one each, a keyboard-reachable native button.
    expect(rowsOf('error').length).toBe(errors.length);
    for (const li of rowsOf('error')) expect(li.querySelector('[data-action="explain"]')).toBeNull();
    const action = within(partialRow()).getByRole('button', { name: /^填写核实说明：指标!C2/ });
    expect(action.tagName).toBe('BUTTON');
    expect(action.tabIndex).toBe(0);

    fireEvent.click(action);
    const dialog = await screen.findByRole('dialog', { hidden: true });
    expect(within(dialog).getByTestId('explain-finding').textContent).toContain('指标!C2');
    const save = inDialog(dialog, 'button', '保存') as HTMLButtonElement;
    expect(save.disabled).toBe(true); // nothing written yet
    fireEvent.change(inDialog(dialog, 'textbox', /说明/), { target: { value: '  其余 1583 条为其他类别  ' } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);

    await waitFor(() => expect(host.saved).toHaveLength(1));
    expect(withoutTime(host.saved[0])).toEqual(withoutTime(explanationRows([explain(warning, '其余 1583 条为其他类别')])));
    expect(host.saved[0][0]).toEqual([...EXPLANATION_HEADER]);
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());

    const row = partialRow();
    expect(row.getAttribute('data-explained')).toBe('true');
    expect(within(row).getByTestId('explanation').textContent).toBe('已说明说明：其余 1583 条为其他类别');
    expect(within(row).getByRole('button', { name: /^修改核实说明/ })).toBeTruthy();
    expect(screen.getByTestId('summary').textContent).toContain(`警告 ${warnings.length - 1} · 提示 ${infos} · 已说明 1`);
    expect(screen.getByTestId('count-warning').textContent).toBe(String(warnings.length - 1));
    expect(screen.getByText('已保存核实说明。')).toBeTruthy();

    // Save and reopen: the next check reads 校验说明 and the warning stays explained.
    await check();
    await waitFor(() => expect(partialRow().getAttribute('data-explained')).toBe('true'));
    expect(within(partialRow()).getByTestId('explanation').textContent).toContain('其余 1583 条为其他类别');
  });

  test('an explanation can be removed; the other saved explanations are kept', async () => {
    const host = new ExplainingHost();
    // An explanation already in the workbook, for a finding that is not this one.
    const other: Finding = { ruleId: 'history.yoy', severity: 'warning', cells: [{ sheet: '指标', address: 'C9' }], values: [1], message: { 'zh-CN': '', 'en-US': '' } };
    host.explanationsSheet = { name: '校验说明', originRow: 0, originCol: 0, values: explanationRows([explain(other, '旧说明')]) };
    render(<App host={host} lang="zh-CN" runCheck={engine} />);
    await check();

    fireEvent.click(within(partialRow()).getByRole('button', { name: /^填写核实说明/ }));
    let dialog = await screen.findByRole('dialog', { hidden: true });
    fireEvent.change(inDialog(dialog, 'textbox'), { target: { value: '分项未列全' } });
    fireEvent.click(inDialog(dialog, 'button', '保存'));
    await waitFor(() => expect(host.saved).toHaveLength(1));
    expect(host.saved[0].map((r) => r[4])).toEqual(['说明', '旧说明', '分项未列全']);

    await waitFor(() => expect(partialRow().getAttribute('data-explained')).toBe('true'));
    fireEvent.click(within(partialRow()).getByRole('button', { name: /^修改核实说明/ }));
    dialog = await screen.findByRole('dialog', { hidden: true });
    expect((inDialog(dialog, 'textbox') as HTMLTextAreaElement).value).toBe('分项未列全');
    fireEvent.click(inDialog(dialog, 'button', '删除说明'));
    await waitFor(() => expect(host.saved).toHaveLength(2));
    expect(host.saved[1].map((r) => r[4])).toEqual(['说明', '旧说明']);
    await waitFor(() => expect(partialRow().getAttribute('data-explained')).toBeNull());
    expect(screen.getByText('已删除核实说明。')).toBeTruthy();
  });

  test('a long explanation already in the workbook is shown whole, never cut', async () => {
    const host = new ExplainingHost();
    const warning = checkWorkbook(await host.readWorkbook(), { history: false }).findings.find((f) => f.ruleId === 'balance.partial') as Finding;
    const long = `其余 1583 条为其他类别。${'按市局口径另行统计，'.repeat(110)}`.slice(0, 1000);
    expect(long.length).toBe(1000);
    host.explanationsSheet = { name: '校验说明', originRow: 0, originCol: 0, values: explanationRows([explain(warning, long)]) };
    render(<App host={host} lang="zh-CN" runCheck={engine} />);
    await check();
    await waitFor(() => expect(partialRow().getAttribute('data-explained')).toBe('true'));
    expect(within(partialRow()).getByTestId('explanation').textContent).toBe(`已说明说明：${long}`);
  });

  test('a failed save keeps the dialog open with the host’s message', async () => {
    const host = new ExplainingHost();
    host.saveError = Object.assign(new Error('taken'), { bilingual: { 'zh-CN': '已有名为“校验说明”的工作表。', 'en-US': 'Taken.' } });
    render(<App host={host} lang="zh-CN" runCheck={engine} />);
    await check();
    fireEvent.click(within(partialRow()).getByRole('button', { name: /^填写核实说明/ }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    fireEvent.change(inDialog(dialog, 'textbox'), { target: { value: '说明' } });
    await act(async () => {
      fireEvent.click(inDialog(dialog, 'button', '保存'));
    });
    expect(await within(dialog).findByText('已有名为“校验说明”的工作表。')).toBeTruthy();
    expect(partialRow().getAttribute('data-explained')).toBeNull();
  });

  test('a save whose Excel sync timed out offers 重试 in the dialog, which saves the same text', async () => {
    const host = new ExplainingHost();
    host.saveError = new HostError(SYNC_TIMEOUT, { reason: 'SyncTimeout' });
    render(<App host={host} lang="zh-CN" runCheck={engine} />);
    await check();
    fireEvent.click(within(partialRow()).getByRole('button', { name: /^填写核实说明/ }));
    const dialog = await screen.findByRole('dialog', { hidden: true });
    fireEvent.change(inDialog(dialog, 'textbox'), { target: { value: '其余为其他类别' } });
    await act(async () => {
      fireEvent.click(inDialog(dialog, 'button', '保存'));
    });
    expect(await within(dialog).findByText(SYNC_TIMEOUT['zh-CN'])).toBeTruthy();
    expect(host.saved).toHaveLength(0);

    host.saveError = null;
    await act(async () => {
      fireEvent.click(inDialog(dialog, 'button', '重试：保存'));
    });
    await waitFor(() => expect(host.saved).toHaveLength(1));
    expect(host.saved[0][1][4]).toBe('其余为其他类别');
    await waitFor(() => expect(partialRow().getAttribute('data-explained')).toBe('true'));
  });

  test('a host that cannot save explanations offers no 说明 action', async () => {
    const host = new ExplainingHost();
    const bare: Host = {
      kind: 'fake',
      readWorkbook: () => host.readWorkbook(),
      applyMarks: async () => undefined,
      clearMarks: async () => undefined,
      selectCell: async () => undefined,
    };
    render(<App host={bare} lang="zh-CN" runCheck={engine} />);
    await check();
    expect(rowsOf('warning').length).toBeGreaterThan(0);
    expect(document.querySelector('[data-action="explain"]')).toBeNull();
  });
});
