/** @jest-environment jsdom */
// Task pane UI against a hand-written fake Host: no Office.js anywhere.

// --- jsdom polyfills Fluent UI v9 expects -------------------------------------------------------
import './helpers/jsdom-polyfills';

import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { Bilingual, CellRef, CheckResult, Finding, Progress, Severity, WorkbookSnapshot } from '../src/core/types';
import type { Host } from '../src/core/host';
import { App } from '../src/taskpane/App';
import type { RunCheck } from '../src/taskpane/session';
import { HostError, SYNC_TIMEOUT } from '../src/hosts/excel/errors';
import { ExcelHost } from '../src/hosts/excel/excel-host';
import { createFakeExcel } from './fakes/fake-excel';
import { syncWithTimeout } from '../src/hosts/excel/sync';
import { catalogues, langFromDisplayLanguage, translate } from '../src/taskpane/i18n';
import { BilingualError, createUnavailableHost, isTrident } from '../src/taskpane/office-host-factory';
import { darkTheme, isDarkColor, lightTheme, themeForBackground } from '../src/taskpane/theme';
import { describeError, formatCellRef, isSyncTimeoutError } from '../src/taskpane/format';

// --- fakes -------------------------------------------------------------------------------------

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const SNAPSHOT: WorkbookSnapshot = {
  name: '2024年指标.xlsx',
  sheets: [{ name: 'Sheet1', originRow: 0, originCol: 0, values: [['指标', 2024]] }],
};

class FakeHost implements Host {
  readonly kind = 'fake' as const;
  calls: Array<{ method: string; args: unknown[] }> = [];
  /** When set, readWorkbook waits for it (and reports progress first). */
  pendingRead: Deferred<WorkbookSnapshot> | null = null;
  readError: unknown = null;
  selectError: unknown = null;
  /** An error the next call of a method throws (then the method works again), as a hung sync does. */
  failOnce: Record<string, unknown> = {};

  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
    if (method in this.failOnce) {
      const error = this.failOnce[method];
      delete this.failOnce[method];
      throw error;
    }
  }

  callsTo(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  async readWorkbook(onProgress?: Progress): Promise<WorkbookSnapshot> {
    this.record('readWorkbook');
    if (this.readError) throw this.readError;
    onProgress?.(0.5, { 'zh-CN': '读取工作表 Sheet1', 'en-US': 'Reading sheet Sheet1' });
    if (this.pendingRead) return this.pendingRead.promise;
    return SNAPSHOT;
  }

  async applyMarks(findings: Finding[]): Promise<void> {
    this.record('applyMarks', findings);
  }

  async clearMarks(): Promise<void> {
    this.record('clearMarks');
  }

  async selectCell(ref: CellRef): Promise<void> {
    this.record('selectCell', ref);
    if (this.selectError) throw this.selectError;
  }
}

class FakeHostWithSheet extends FakeHost {
  async writeResultSheet(findings: Finding[]): Promise<void> {
    this.calls.push({ method: 'writeResultSheet', args: [findings] });
    if ('writeResultSheet' in this.failOnce) {
      const error = this.failOnce.writeResultSheet;
      delete this.failOnce.writeResultSheet;
      throw error;
    }
  }
}

/** What the Excel host throws when context.sync() hangs (src/hosts/excel/sync.ts). */
const syncTimeout = (): HostError => new HostError(SYNC_TIMEOUT, { reason: 'SyncTimeout' });

function finding(severity: Severity, address: string, zh: string, en: string, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId: `test.${severity}`,
    severity,
    cells: [
      { sheet: 'Sheet1', address },
      { sheet: 'Sheet1', address: 'Z99' },
    ],
    message: { 'zh-CN': zh, 'en-US': en },
    ...extra,
  };
}

const FINDINGS: Finding[] = [
  finding('error', 'B5', '合计不等于分项之和', 'Total does not equal the sum of its parts', {
    values: [12, 13],
    expected: 25,
    difference: -1,
  }),
  finding('warning', 'C7', '同比增长过大', 'Unusually large year-over-year change'),
  finding('error', 'D9', '比率超过 100%', 'Rate above 100%'),
  finding('info', 'E2', '数值为文本格式', 'Number stored as text'),
];

function resultOf(findings: Finding[], observations = 120): CheckResult {
  return { workbook: SNAPSHOT.name, findings, sheets: [], observations };
}

function runCheckReturning(findings: Finding[], observations?: number): jest.MockedFunction<RunCheck> {
  return jest.fn<ReturnType<RunCheck>, Parameters<RunCheck>>((snapshot, options) => {
    options.onProgress?.(1, { 'zh-CN': '完成', 'en-US': 'Done' });
    return { ...resultOf(findings, observations), workbook: snapshot.name };
  });
}

function renderApp(
  options: { host?: Host; findings?: Finding[]; runCheck?: RunCheck; lang?: 'zh-CN' | 'en-US' } = {},
) {
  const host = options.host ?? new FakeHost();
  const runCheck = options.runCheck ?? runCheckReturning(options.findings ?? FINDINGS);
  const utils = render(<App host={host} lang={options.lang ?? 'zh-CN'} runCheck={runCheck} />);
  return { ...utils, host, runCheck };
}

const checkButton = (name: RegExp = /^校验/) => screen.getByRole('button', { name });

/** The tabs, in order, by accessible name (Fluent's Tab also renders a hidden copy of its text). */
function expectTabs(names: string[]): void {
  const tabs = screen.getAllByRole('tab');
  expect(tabs).toHaveLength(names.length);
  names.forEach((name, i) => expect(tabs[i]).toBe(screen.getByRole('tab', { name })));
}

/** Generous: on a busy machine Fluent's first render of the results can take seconds in jsdom. */
const SLOW = { timeout: 10000 };

async function runCheckAndWait(name?: RegExp): Promise<void> {
  fireEvent.click(checkButton(name));
  await screen.findByTestId('summary', undefined, SLOW);
}

// --- tests -------------------------------------------------------------------------------------

// Fluent renders slowly in jsdom on a shared machine; the findings tests click through several steps.
jest.setTimeout(30000);

describe('task pane', () => {
  test('renders the header and the five tabs, Chinese first; the 规则 tab lists the built-in rules', async () => {
    renderApp();
    expect(screen.getByRole('heading', { level: 1, name: '指标校验' })).toBeTruthy();
    expectTabs(['校验', '跨年', '汇总表', '结构', '规则']);
    expect(screen.queryByText('即将推出')).toBeNull();

    fireEvent.click(screen.getByRole('tab', { name: '规则' }));
    const rules = screen.getByRole('tabpanel', { name: '规则' });
    const list = await within(rules).findByRole('list', { name: '规则列表' }, { timeout: 10000 });
    expect(within(list).getAllByText(/\[法制审核率\] == 100%/).length).toBeGreaterThan(0);
  });

  test('checking reads the workbook, shows grouped findings with counts and marks them', async () => {
    const runCheck = runCheckReturning(FINDINGS);
    const { host } = renderApp({ runCheck });
    await runCheckAndWait();

    expect((host as FakeHost).callsTo('readWorkbook')).toHaveLength(1);
    expect(runCheck).toHaveBeenCalledTimes(1);
    expect(runCheck.mock.calls[0][0]).toBe(SNAPSHOT);
    expect(screen.getByTestId('summary').textContent).toContain('错误 2 · 警告 1 · 提示 1');

    expect(screen.getByTestId('count-error').textContent).toBe('2');
    expect(screen.getByTestId('count-warning').textContent).toBe('1');
    expect(screen.getByTestId('count-info').textContent).toBe('1');

    // Groups in severity order, rows inside their group.
    const errorList = screen.getByRole('list', { name: '错误列表' });
    const errorRows = within(errorList).getAllByRole('button');
    expect(errorRows).toHaveLength(2);
    expect(errorRows[0].textContent).toContain('Sheet1!B5');
    expect(errorRows[0].textContent).toContain('合计不等于分项之和');
    // The raw values are technical detail: folded under 详情, not in the row's sentence.
    expect(errorRows[0].textContent).not.toContain('数值 12, 13');
    const firstRow = errorRows[0].closest('li') as HTMLElement;
    const folded = within(firstRow).getByTestId('finding-details');
    expect(folded.hasAttribute('open')).toBe(false);
    expect(folded.textContent).toContain('数值 12, 13 · 期望 25 · 差额 -1');
    expect(within(screen.getByRole('list', { name: '警告列表' })).getAllByRole('button')).toHaveLength(1);
    expect(within(screen.getByRole('list', { name: '提示列表' })).getAllByRole('button')).toHaveLength(1);

    await waitFor(() => expect((host as FakeHost).callsTo('applyMarks')).toHaveLength(1));
    expect((host as FakeHost).callsTo('applyMarks')[0][0]).toEqual(FINDINGS);
    await waitFor(() => expect(checkButton()).not.toHaveProperty('disabled', true));
  });

  test('clicking a finding, or pressing Enter on it, selects its first cell', async () => {
    const { host } = renderApp();
    await runCheckAndWait();
    const row = screen.getByRole('button', { name: /Sheet1!C7/ });
    fireEvent.click(row);
    expect((host as FakeHost).callsTo('selectCell')).toEqual([[{ sheet: 'Sheet1', address: 'C7' }]]);

    fireEvent.keyDown(screen.getByRole('button', { name: /Sheet1!D9/ }), { key: 'Enter' });
    expect((host as FakeHost).callsTo('selectCell')[1]).toEqual([{ sheet: 'Sheet1', address: 'D9' }]);
    expect(row.tabIndex).toBe(0);
  });

  test('with the Excel host on a protected workbook, says what could not be marked and writes the results to a new workbook', async () => {
    const fake = createFakeExcel([
      { name: 'Sheet1', protected: true, cells: { A1: '指标', B1: 2024 } },
      { name: '其他', cells: { A1: 1 } },
    ]);
    fake.workbookState.structureProtected = true;
    const host = new ExcelHost((batch) => fake.run(batch), {
      platform: 'desktop',
      isSetSupported: (n, v) => fake.isSetSupported(n, v),
      createWorkbook: (b64) => fake.createWorkbook(b64),
    });
    renderApp({ host });
    await runCheckAndWait();
    const problems = await screen.findByTestId('host-problems', undefined, SLOW);
    expect(problems.textContent).toContain('以下内容未能完成');
    expect(problems.textContent).toContain('工作表“Sheet1”受保护，其中 4 处问题无法标记');
    expect(screen.getByTestId('structure-protected').textContent).toContain('新工作簿');
    // The findings are listed all the same.
    expect(screen.getByTestId('count-error').textContent).toBe('2');
    fireEvent.click(screen.getByRole('button', { name: /^写入结果表/ }));
    expect(await screen.findByText(/校验结果已写入一个新工作簿/, undefined, SLOW)).toBeTruthy();
    expect(fake.workbookState.createdWorkbooks).toHaveLength(1);
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(['Sheet1', '其他']);
  });

  test('清除标记 calls clearMarks', async () => {
    const { host } = renderApp();
    fireEvent.click(screen.getByRole('button', { name: /^清除标记/ }));
    await waitFor(() => expect((host as FakeHost).callsTo('clearMarks')).toHaveLength(1));
    expect(await screen.findByText('已清除标记。')).toBeTruthy();
  });

  test('a finding’s technical details are folded under 详情 after the plain sentence, and open on demand', async () => {
    const rule = finding('error', 'D4', '法制审核率应为 100%，但2021年填报为：法制审核率 93.33%（Sheet1!D4）。', 'Legal review rate must be 100%, but 2021 reports 法制审核率 93.33% (Sheet1!D4).', {
      ruleId: 'rate.mandated.law-review',
      details: {
        'zh-CN': '规则 rate.mandated.law-review：[法制审核率] == 100%。左边为 93.33%，右边为 100.00%，相差 -6.67%。',
        'en-US': 'Rule rate.mandated.law-review: [法制审核率] == 100%. Left side 93.33%, right side 100.00%, difference -6.67%.',
      },
    });
    const { host } = renderApp({ findings: [rule, FINDINGS[1]] });
    await runCheckAndWait();

    // The row's button (what a click or Enter acts on) carries the plain sentence only.
    const row = screen.getByRole('button', { name: /Sheet1!D4/ });
    expect(row.textContent).toContain('法制审核率应为 100%，但2021年填报为');
    expect(row.textContent).not.toContain('rate.mandated.law-review');
    expect(row.getAttribute('aria-label')).not.toContain('左边为');

    // After it, in the same list item, a closed disclosure labelled 详情.
    const item = row.closest('li') as HTMLElement;
    const disclosure = within(item).getByTestId('finding-details') as HTMLDetailsElement;
    expect(disclosure.tagName).toBe('DETAILS');
    expect(disclosure.open).toBe(false);
    const summary = disclosure.querySelector('summary') as HTMLElement;
    expect(summary.textContent).toBe('详情');
    expect(disclosure.firstElementChild).toBe(summary);
    expect(row.compareDocumentPosition(disclosure) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const text = within(disclosure).getByTestId('finding-details-text');
    expect(text.textContent).toBe('规则 rate.mandated.law-review：[法制审核率] == 100%。左边为 93.33%，右边为 100.00%，相差 -6.67%。');

    // Opening it shows the rule; it does not select the cell.
    fireEvent.click(summary);
    expect(disclosure.open).toBe(true);
    expect((host as FakeHost).callsTo('selectCell')).toEqual([]);

    // A finding without details has no disclosure.
    const plain = screen.getByRole('button', { name: /Sheet1!C7/ }).closest('li') as HTMLElement;
    expect(within(plain).queryByTestId('finding-details')).toBeNull();

    // In English the summary reads Details and the text follows the language.
    fireEvent.click(screen.getByRole('button', { name: /^English/ }));
    const en = within(screen.getByRole('button', { name: /Sheet1!D4/ }).closest('li') as HTMLElement).getByTestId('finding-details');
    expect(en.querySelector('summary')?.textContent).toBe('Details');
    expect(within(en).getByTestId('finding-details-text').textContent).toMatch(/^Rule rate\.mandated\.law-review: /);
  });

  test('the language toggle switches the visible strings, findings included, to English', async () => {
    renderApp();
    await runCheckAndWait();
    fireEvent.click(screen.getByRole('button', { name: /^English/ }));

    expect(screen.getByRole('heading', { level: 1, name: 'Indicator Checker' })).toBeTruthy();
    expectTabs(['Check', 'Cross-year', 'Summary', 'Structure', 'Rules']);
    expect(checkButton(/^Check the current workbook/).textContent).toBe('Check');
    expect(screen.getByRole('button', { name: /^Clear marks/ })).toBeTruthy();
    expect(screen.getByTestId('summary').textContent).toContain('Errors 2 · Warnings 1 · Notes 1');
    expect(screen.getByText('Total does not equal the sum of its parts')).toBeTruthy();
    expect(screen.getByText('Values 12, 13 · Expected 25 · Difference -1')).toBeTruthy();
    expect(screen.queryByText('合计不等于分项之和')).toBeNull();
    expect(document.documentElement.lang).toBe('en-US');

    fireEvent.click(screen.getByRole('button', { name: /^中文/ }));
    expect(screen.getByRole('heading', { level: 1, name: '指标校验' })).toBeTruthy();
  });

  test('a host error with a bilingual message shows in the MessageBar in the current language', async () => {
    const host = new FakeHost();
    host.readError = new BilingualError({
      'zh-CN': '工作表“汇总”已不存在。',
      'en-US': 'The sheet "汇总" no longer exists.',
    });
    renderApp({ host });
    fireEvent.click(checkButton());
    expect(await screen.findByText('工作表“汇总”已不存在。')).toBeTruthy();
    expect(screen.getByText('出错了')).toBeTruthy();
    expect(host.callsTo('applyMarks')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: /^English/ }));
    expect(screen.getByText('The sheet "汇总" no longer exists.')).toBeTruthy();
    expect(screen.queryByText('工作表“汇总”已不存在。')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByText('The sheet "汇总" no longer exists.')).toBeNull();
  });

  test('other errors show a generic message plus the error text', async () => {
    const host = new FakeHost();
    host.readError = new Error('RichApi.Error: GeneralException');
    renderApp({ host, lang: 'en-US' });
    fireEvent.click(checkButton(/^Check/));
    expect(await screen.findByText(/unexpected error.*RichApi\.Error: GeneralException/)).toBeTruthy();
  });

  test('a failing selectCell shows its error too', async () => {
    const host = new FakeHost();
    host.selectError = new BilingualError({ 'zh-CN': '无法选中单元格', 'en-US': 'Cannot select the cell' });
    renderApp({ host });
    await runCheckAndWait();
    fireEvent.click(screen.getByRole('button', { name: /Sheet1!B5/ }));
    expect(await screen.findByText('无法选中单元格')).toBeTruthy();
  });

  test('the empty state appears when there are no findings', async () => {
    const { host } = renderApp({ findings: [] });
    await runCheckAndWait();
    expect(screen.getByTestId('empty-state').textContent).toContain('✓ 未发现问题');
    expect(screen.getByTestId('summary').textContent).toContain('错误 0 · 警告 0 · 提示 0');
    expect(screen.queryByRole('list')).toBeNull();
    await waitFor(() => expect(host instanceof FakeHost && host.callsTo('applyMarks')).toEqual([[[]]]));
  });

  test('progress and its stage are shown while the check is pending', async () => {
    const host = new FakeHost();
    host.pendingRead = deferred<WorkbookSnapshot>();
    renderApp({ host });
    fireEvent.click(checkButton());

    const bar = await screen.findByRole('progressbar');
    expect(screen.getByText('读取工作表 Sheet1')).toBeTruthy();
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeCloseTo(0.25);
    expect(checkButton()).toHaveProperty('disabled', true);
    expect(checkButton().textContent).toBe('正在校验…');

    await act(async () => host.pendingRead!.resolve(SNAPSHOT));
    await screen.findByTestId('summary');
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
    expect(checkButton()).toHaveProperty('disabled', false);
  });

  test('10,000 findings: only rows near the view are in the DOM, the list says 10000, scrolling renders later rows and a click selects the cell', async () => {
    const n = 10000;
    const many = Array.from({ length: n }, (_, i) => finding('warning', `A${i + 1}`, `第 ${i + 1} 行`, `Row ${i + 1}`));
    // jsdom has no layout: the list's scroll box shows 600 px and every row measures 60 px.
    const viewport = jest.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
    const rowHeight = jest
      .spyOn(HTMLElement.prototype, 'offsetHeight', 'get')
      .mockImplementation(function (this: HTMLElement) {
        return this.matches('li[data-index]') ? 60 : 0;
      });
    try {
      const { host } = renderApp({ findings: many });
      await runCheckAndWait();
      expect(screen.getByTestId('count-warning').textContent).toBe(String(n));
      const list = screen.getByRole('list', { name: '警告列表' });
      const items = () => within(list).getAllByRole('listitem');
      const positions = () => items().map((li) => Number(li.getAttribute('aria-posinset')));

      expect(items().length).toBeGreaterThan(5);
      expect(items().length).toBeLessThan(40);
      expect(items().every((li) => li.getAttribute('aria-setsize') === String(n))).toBe(true);
      expect(positions()[0]).toBe(1);
      expect(within(list).getAllByRole('button')[0].textContent).toContain('Sheet1!A1');

      // Scroll the box 5,000 rows down: the rows there are rendered, the first ones are gone.
      const box = screen.getByTestId('findings-warning');
      Object.defineProperty(box, 'scrollTop', { configurable: true, value: 5000 * 60 });
      fireEvent.scroll(box);
      await act(async () => new Promise((resolve) => setTimeout(resolve, 200))); // the "scrolling" flag resets
      const shown = positions();
      expect(shown.length).toBeLessThan(40);
      expect(shown).not.toContain(1);
      expect(Math.min(...shown)).toBeGreaterThan(4000);
      expect(shown).toEqual(shown.map((_, i) => shown[0] + i)); // contiguous, in order
      expect(items().every((li) => li.getAttribute('aria-setsize') === String(n))).toBe(true);

      // A rendered row is an ordinary finding: a click selects its cell.
      const k = shown[Math.floor(shown.length / 2)];
      fireEvent.click(within(list).getByRole('button', { name: new RegExp(`^跳转到 Sheet1!A${k}\\.`) }));
      expect((host as FakeHost).callsTo('selectCell')).toEqual([[{ sheet: 'Sheet1', address: `A${k}` }]]);
      fireEvent.keyDown(within(list).getByRole('button', { name: new RegExp(`^跳转到 Sheet1!A${k + 1}\\.`) }), { key: ' ' });
      expect((host as FakeHost).callsTo('selectCell')[1]).toEqual([{ sheet: 'Sheet1', address: `A${k + 1}` }]);
    } finally {
      viewport.mockRestore();
      rowHeight.mockRestore();
    }
  }, 30000);

  test('a check whose sync timed out offers 重试, which reads the workbook again and lists the findings', async () => {
    const host = new FakeHost();
    host.failOnce.readWorkbook = syncTimeout();
    renderApp({ host });
    fireEvent.click(checkButton());

    expect(await screen.findByText(SYNC_TIMEOUT['zh-CN'], undefined, SLOW)).toBeTruthy();
    const retry = screen.getByRole('button', { name: '重试：校验当前工作簿' });
    expect(retry.textContent).toBe('重试');
    expect(screen.queryByTestId('summary')).toBeNull();

    fireEvent.click(retry);
    await screen.findByTestId('summary', undefined, SLOW);
    expect(host.callsTo('readWorkbook')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: /^重试/ })).toBeNull();
    expect(within(screen.getByRole('list', { name: '错误列表' })).getAllByRole('button')).toHaveLength(2);
    await waitFor(() => expect(host.callsTo('applyMarks')).toHaveLength(1));
  });

  test('a failed mark, clear, select or write offers 重试 for that action only', async () => {
    const host = new FakeHostWithSheet();
    // Role queries over the whole pane are slow in jsdom: the retry button is looked up in the bar.
    const retryButton = async (name: string): Promise<HTMLElement> =>
      within(await screen.findByTestId('error-bar', undefined, SLOW)).getByRole('button', { name });

    // Marking times out after the check: the findings stay, 重试 marks them (no second read).
    host.failOnce.applyMarks = syncTimeout();
    renderApp({ host, lang: 'en-US' });
    await runCheckAndWait(/^Check/);
    fireEvent.click(await retryButton('Retry: mark the problems in the cells'));
    await waitFor(() => expect(host.callsTo('applyMarks')).toHaveLength(2));
    expect(host.callsTo('applyMarks')[1][0]).toEqual(FINDINGS);
    expect(host.callsTo('readWorkbook')).toHaveLength(1);
    expect(screen.queryByTestId('error-bar')).toBeNull();
    const clear = screen.getByRole('button', { name: /^Clear marks/ });
    const write = screen.getByRole('button', { name: /^Write result sheet/ });
    await waitFor(() => expect(clear).toHaveProperty('disabled', false));

    // Any error of a retryable action, not only a timeout.
    host.failOnce.clearMarks = new BilingualError({ 'zh-CN': '清除失败', 'en-US': 'Clearing failed' });
    fireEvent.click(clear);
    fireEvent.click(await retryButton('Retry: clear the marks'));
    expect(await screen.findByText('Marks cleared.', undefined, SLOW)).toBeTruthy();
    expect(host.callsTo('clearMarks')).toHaveLength(2);

    host.failOnce.selectCell = syncTimeout();
    fireEvent.click(screen.getByText('Sheet1!C7')); // the address inside the finding's button
    fireEvent.click(await retryButton('Retry: select Sheet1!C7'));
    await waitFor(() => expect(host.callsTo('selectCell')).toHaveLength(2));
    expect(host.callsTo('selectCell')[1]).toEqual([{ sheet: 'Sheet1', address: 'C7' }]);

    host.failOnce.writeResultSheet = syncTimeout();
    await waitFor(() => expect(write).toHaveProperty('disabled', false));
    fireEvent.click(write);
    expect(await screen.findByText(SYNC_TIMEOUT['en-US'], undefined, SLOW)).toBeTruthy();
    fireEvent.click(await retryButton('Retry: write the result sheet'));
    expect(await screen.findByText('The findings were written to a sheet.', undefined, SLOW)).toBeTruthy();
    expect(host.callsTo('writeResultSheet')).toEqual([[FINDINGS], [FINDINGS]]);
  });

  test('a host that can write a result sheet gets a button for it', async () => {
    const host = new FakeHostWithSheet();
    renderApp({ host });
    expect(screen.queryByRole('button', { name: /^写入结果表/ })).toBeNull();
    await runCheckAndWait();
    fireEvent.click(screen.getByRole('button', { name: /^写入结果表/ }));
    await waitFor(() => expect(host.callsTo('writeResultSheet')).toEqual([[FINDINGS]]));
  });

  test('outside Excel the pane starts and explains itself when used', async () => {
    renderApp({ host: createUnavailableHost() });
    fireEvent.click(checkButton());
    expect(await screen.findByText(/请在 Excel 中打开本加载项/)).toBeTruthy();
  });

  test('a render crash shows the bilingual fallback instead of a blank pane', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const broken = { ...FINDINGS[0], message: undefined as unknown as Bilingual };
      renderApp({ findings: [broken] });
      fireEvent.click(checkButton());
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('指标校验遇到意外错误');
      expect(alert.textContent).toContain('Indicator Checker hit an unexpected error');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('task pane helpers', () => {
  test('both catalogues have the same, non-empty keys', () => {
    const zh = Object.keys(catalogues['zh-CN']).sort();
    expect(Object.keys(catalogues['en-US']).sort()).toEqual(zh);
    for (const lang of ['zh-CN', 'en-US'] as const) {
      for (const key of zh) expect(catalogues[lang][key as keyof (typeof catalogues)['zh-CN']]).not.toBe('');
    }
    expect(translate('en-US', 'error.retryLabel', { action: translate('en-US', 'action.clear') })).toBe('Retry: clear the marks');
  });

  test('display language maps to the UI language, zh-CN by default', () => {
    expect(langFromDisplayLanguage('en-US')).toBe('en-US');
    expect(langFromDisplayLanguage('en-GB')).toBe('en-US');
    expect(langFromDisplayLanguage('zh-CN')).toBe('zh-CN');
    expect(langFromDisplayLanguage('zh-TW')).toBe('zh-CN');
    expect(langFromDisplayLanguage(undefined)).toBe('zh-CN');
  });

  test('dark Office backgrounds give the dark theme, with CJK fonts in both', () => {
    expect(isDarkColor('#262626')).toBe(true);
    expect(isDarkColor('#000')).toBe(true);
    expect(isDarkColor('4A4A4A')).toBe(true);
    expect(isDarkColor('#FFFFFF')).toBe(false);
    expect(isDarkColor('#E6E6E6')).toBe(false);
    expect(isDarkColor(undefined)).toBe(false);
    expect(isDarkColor('not a colour')).toBe(false);
    expect(themeForBackground('#1F1F1F')).toBe(darkTheme);
    expect(themeForBackground('#F3F3F3')).toBe(lightTheme);
    expect(lightTheme.fontFamilyBase).toContain('Microsoft YaHei');
    expect(darkTheme.fontFamilyBase).toContain('Noto Sans CJK SC');
  });

  test('a hung Excel sync is recognised as worth a retry; other errors are not', async () => {
    const hung = await syncWithTimeout({ sync: () => new Promise(() => undefined) }, 5).catch((e: unknown) => e);
    expect(isSyncTimeoutError(hung)).toBe(true);
    expect(describeError(hung, 'zh-CN')).toBe(SYNC_TIMEOUT['zh-CN']);
    expect(isSyncTimeoutError(new HostError(SYNC_TIMEOUT, { code: 'ItemNotFound' }))).toBe(false);
    expect(isSyncTimeoutError(new Error('boom'))).toBe(false);
    expect(isSyncTimeoutError(null)).toBe(false);
  });

  test('error and address formatting', () => {
    expect(describeError(new BilingualError({ 'zh-CN': '中', 'en-US': 'en' }), 'en-US')).toBe('en');
    expect(describeError('boom', 'zh-CN')).toContain('boom');
    expect(formatCellRef({ sheet: 'Sheet1', address: 'A1' })).toBe('Sheet1!A1');
    expect(formatCellRef({ sheet: '2024 年', address: 'B2' })).toBe("'2024 年'!B2");
    expect(formatCellRef({ sheet: "O'Brien", address: 'C3' })).toBe("'O''Brien'!C3");
    expect(isTrident('Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko')).toBe(true);
    expect(isTrident('Mozilla/5.0 Chrome/120 Edg/120')).toBe(false);
  });
});
