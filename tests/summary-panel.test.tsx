/** @jest-environment jsdom */
// The 汇总表 tab's table builder over real snapshots of the bundled samples: pickers, the live
// preview of the TableSpec, 插入 through the host, and the states without a check or a writer.

// --- jsdom polyfills Fluent UI v9 expects -------------------------------------------------------
import './helpers/jsdom-polyfills';

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../src/core/engine';
import type { TableSpec } from '../src/core/report';
import type { CellRef, Finding, Lang, WorkbookSnapshot } from '../src/core/types';
import type { Host } from '../src/core/host';
import { readXlsx } from '../src/hosts/xlsx/read-xlsx';
import { translator } from '../src/taskpane/i18n';
import { SummaryPanel } from '../src/taskpane/panels/SummaryPanel';
import type { CheckSession } from '../src/taskpane/session';
import { grid, workbook } from './helpers/grid';

const SAMPLES = path.join(__dirname, '..', 'samples');
const WIDE = '示例-乐山市市中区-法治指标.xlsx';
const LONG = '示例-各地区-长表.xlsx';

const snapshots = new Map<string, WorkbookSnapshot>();
async function sessionOf(file: string, runId = 1): Promise<CheckSession> {
  let snapshot = snapshots.get(file);
  if (!snapshot) {
    snapshot = await readXlsx(fs.readFileSync(path.join(SAMPLES, file)), file);
    snapshots.set(file, snapshot);
  }
  return { snapshot, result: checkWorkbook(snapshot), runId };
}

class ReadOnlyHost implements Host {
  readonly kind = 'fake' as const;
  async readWorkbook(): Promise<WorkbookSnapshot> {
    throw new Error('not used');
  }
  async applyMarks(_findings: Finding[]): Promise<void> {}
  async clearMarks(): Promise<void> {}
  async selectCell(_ref: CellRef): Promise<void> {}
}

class WritingHost extends ReadOnlyHost {
  calls: Array<{ spec: TableSpec; target: string; options?: { chart?: boolean } }> = [];
  failWith: unknown = null;
  async writeSummaryTable(spec: TableSpec, target: 'new-sheet' | 'selection', options?: { chart?: boolean }) {
    this.calls.push({ spec, target, options });
    if (this.failWith) throw this.failWith;
    return { sheet: target === 'new-sheet' ? '汇总表' : '法治指标', address: target === 'new-sheet' ? 'A1:G9' : 'J2:P9', ...(options?.chart ? { chart: 'Chart 1' } : {}) };
  }
}

function renderPanel(session: CheckSession | null, host: Host = new WritingHost(), lang: Lang = 'zh-CN') {
  const props = {
    host,
    lang,
    t: translator(lang),
    runCheck: () => {
      throw new Error('not used');
    },
    options: {},
    setOptions: () => undefined,
  };
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <SummaryPanel {...props} session={session} />
    </FluentProvider>,
  );
  const rerender = (s: CheckSession | null) =>
    utils.rerender(
      <FluentProvider theme={webLightTheme}>
        <SummaryPanel {...props} session={s} />
      </FluentProvider>,
    );
  return { ...utils, host, rerender };
}

/** The preview table: column names and each row's texts. */
function previewTable(): { columns: string[]; rows: string[][]; title: string } {
  const preview = screen.getByTestId('summary-preview');
  const table = preview.querySelector('table') as HTMLTableElement;
  const columns = Array.from(table.querySelectorAll('thead tr:last-child th')).map((th) => th.textContent ?? '');
  const rows = Array.from(table.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.children).map((c) => c.textContent ?? ''));
  return { columns, rows, title: screen.getByTestId('summary-preview-title').textContent ?? '' };
}

function rowByLabel(label: string): Record<string, string> {
  const { columns, rows } = previewTable();
  const row = rows.find((r) => r[0] === label);
  if (!row) throw new Error(`no preview row ${label} in ${rows.map((r) => r[0]).join(', ')}`);
  return Object.fromEntries(columns.map((c, j) => [c, row[j]]));
}

const insertButton = () => screen.getByRole('button', { name: /^插入汇总表/ });

describe('汇总表 tab: summary tables', () => {
  it('asks for a check first when there is none, and offers no insert button', () => {
    renderPanel(null);
    expect(screen.getByTestId('summary-need-check').textContent).toContain('请先在“校验”页点击“校验”');
    expect(screen.queryByRole('button', { name: /^插入汇总表/ })).toBeNull();
    // The prose check needs no workbook.
    expect(screen.getByRole('button', { name: '核对报告文本' })).toBeTruthy();
  });

  it('previews the chosen indicators and years with 增减量 and 增减率, and follows the pickers', async () => {
    renderPanel(await sessionOf(WIDE));
    await screen.findByTestId('summary-preview');
    // Default: every top-level indicator, both years.
    expect(previewTable().columns).toEqual(['指标', '单位', '2021年', '2022年', '增减量', '增减率', '状态']);
    expect(previewTable().title).toBe('乐山市市中区年度指标对比表（2021—2022年）');
    const all = previewTable().rows.length;
    expect(all).toBeGreaterThan(5);
    // 地区对比表 needs a long table: disabled, saying why.
    const districts = screen.getByRole('radio', { name: /地区对比表/ }) as HTMLInputElement;
    expect(districts.disabled).toBe(true);
    expect(screen.getByText('地区对比表（需要含多个地区的长表）')).toBeTruthy();

    // Only two indicators.
    fireEvent.click(screen.getByRole('button', { name: '清空指标选择' }));
    expect(screen.queryByTestId('summary-preview')).toBeNull();
    expect(screen.getByTestId('summary-missing').textContent).toBe('请至少选择一个指标。');
    expect(insertButton()).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('checkbox', { name: '依法公开执法处罚信息（条）' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '罚没款（元）' }));
    expect(previewTable().rows.map((r) => r[0])).toEqual(['依法公开执法处罚信息', '罚没款']);
    // 98 → 106: +8, +8.2 %; 306,300 → 728,588: +422,288, +137.9 %.
    expect(rowByLabel('依法公开执法处罚信息')).toMatchObject({ 单位: '条', '2021年': '98', '2022年': '106', 增减量: '+8', 增减率: '+8.2%' });
    expect(rowByLabel('罚没款')).toMatchObject({ '2021年': '306,300', '2022年': '728,588', 增减量: '+422,288', 增减率: '+137.9%' });

    // A breakdown row can be picked too; the table keeps the sheet's order.
    fireEvent.click(screen.getByRole('checkbox', { name: '公共场所卫生（家）' }));
    expect(previewTable().rows.map((r) => r[0])).toEqual(['依法公开执法处罚信息', '公共场所卫生', '罚没款'].sort((a, b) => order(a) - order(b)));

    // One year: no change columns.
    fireEvent.click(screen.getByRole('checkbox', { name: '2021' }));
    expect(previewTable().columns).toEqual(['指标', '单位', '2022年', '状态']);
    fireEvent.click(screen.getByRole('checkbox', { name: '2022' }));
    expect(screen.getByTestId('summary-missing').textContent).toBe('请至少选择一个年份。');
  });

  it('colours statuses from the check: 法制审核率 is an error (text and colour)', async () => {
    renderPanel(await sessionOf(WIDE));
    await screen.findByTestId('summary-preview');
    const row = Array.from(screen.getByTestId('summary-preview').querySelectorAll('tbody tr')).find((tr) => tr.children[0].textContent === '法制审核率') as HTMLTableRowElement;
    const status = row.children[row.children.length - 1] as HTMLElement;
    expect(status.textContent).toBe('错误');
    expect(status.dataset.status).toBe('error');
    expect(status.style.color).toBe('rgb(156, 0, 6)');
    expect((row.children[2] as HTMLElement).dataset.status).toBe('error'); // 93.3 % in 2021
  });

  it('changing the template changes the table (构成表 with shares)', async () => {
    renderPanel(await sessionOf(WIDE));
    await screen.findByTestId('summary-preview');
    fireEvent.click(screen.getByRole('radio', { name: '构成表' }));
    expect(screen.getByTestId('summary-preview').dataset.template).toBe('composition');
    expect(previewTable().columns).toEqual(['项目', '2022年', '占比', '状态']);
    expect(previewTable().title).toBe('乐山市市中区国家双随机监督抽检任务构成表（2022年）');
    expect(rowByLabel('国家双随机监督抽检任务（合计）')).toMatchObject({ '2022年': '209', 占比: '100.0%' });
    expect(rowByLabel('公共场所卫生')).toMatchObject({ '2022年': '108', 占比: '51.7%' });
    // Another year.
    fireEvent.change(screen.getByTestId('summary-year'), { target: { value: '2021' } });
    expect(previewTable().columns).toEqual(['项目', '2021年', '占比', '状态']);
    expect(rowByLabel('国家双随机监督抽检任务（合计）')['2021年']).toBe('190');
  });

  it('enables 地区对比表 for a long table and ranks the regions', async () => {
    renderPanel(await sessionOf(LONG));
    await screen.findByTestId('summary-preview');
    const districts = screen.getByRole('radio', { name: '地区对比表' }) as HTMLInputElement;
    expect(districts.disabled).toBe(false);
    fireEvent.click(districts);
    expect(screen.getByTestId('summary-preview').dataset.template).toBe('districts');
    const { columns, rows } = previewTable();
    expect(columns[0]).toBe('地区');
    expect(columns).toContain('排名');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    // Ranks follow the values, largest first.
    const value = (r: string[]) => Number(r[1].replace(/,/g, ''));
    const ranked = rows.filter((r) => r[2] !== '—');
    for (let i = 1; i < ranked.length; i++) expect(value(ranked[i - 1])).toBeGreaterThanOrEqual(value(ranked[i]));
    expect(ranked[0][2]).toBe('1');
  });

  it('插入 writes the previewed spec at the chosen target with the chart flag and says where it went', async () => {
    const host = new WritingHost();
    renderPanel(await sessionOf(WIDE), host);
    await screen.findByTestId('summary-preview');
    fireEvent.click(screen.getByRole('button', { name: '清空指标选择' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '罚没款（元）' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '法制审核率（%）' }));
    const shown = previewTable();

    // New sheet, no chart.
    fireEvent.click(insertButton());
    await screen.findByTestId('summary-inserted');
    expect(host.calls).toHaveLength(1);
    const first = host.calls[0];
    expect(first.target).toBe('new-sheet');
    expect(first.options).toEqual({ chart: false });
    expect(first.spec.title).toBe(shown.title);
    expect(first.spec.body.map((r) => r[0].value)).toEqual(['法制审核率', '罚没款'].sort((a, b) => order(a) - order(b)));
    expect(first.spec.header[first.spec.header.length - 1]).toEqual(shown.columns);
    expect(screen.getByTestId('summary-inserted').textContent).toBe('已插入到工作表“汇总表”的 A1:G9。');

    // At the selection, with a chart.
    fireEvent.click(screen.getByRole('radio', { name: '当前选定单元格' }));
    fireEvent.click(screen.getByRole('checkbox', { name: '插入图表' }));
    expect(insertButton().getAttribute('aria-label')).toContain('写入当前选定单元格');
    fireEvent.click(insertButton());
    await waitFor(() => expect(host.calls).toHaveLength(2));
    expect(host.calls[1].target).toBe('selection');
    expect(host.calls[1].options).toEqual({ chart: true });
    const inserted = await screen.findByTestId('summary-inserted');
    expect(inserted.textContent).toBe('已插入到工作表“法治指标”的 J2:P9。 图表已插入。');
  });

  it('shows the host error of a failed insert in a MessageBar', async () => {
    const host = new WritingHost();
    host.failWith = Object.assign(new Error('occupied'), { bilingual: { 'zh-CN': '汇总表需要 法治指标!A1:G9 为空', 'en-US': 'The summary table needs 法治指标!A1:G9 to be empty' } });
    renderPanel(await sessionOf(WIDE), host);
    await screen.findByTestId('summary-preview');
    fireEvent.click(insertButton());
    const bar = await screen.findByTestId('summary-insert-error');
    expect(bar.textContent).toContain('插入失败');
    expect(bar.textContent).toContain('汇总表需要 法治指标!A1:G9 为空');
    // 重试 runs the same insert again; this time it succeeds.
    host.failWith = null;
    const calls = host.calls.length;
    fireEvent.click(within(bar).getByRole('button', { name: '重试：插入汇总表' }));
    await waitFor(() => expect(host.calls.length).toBe(calls + 1));
    expect(await screen.findByTestId('summary-inserted')).toBeTruthy();
    expect(screen.queryByTestId('summary-insert-error')).toBeNull();
  });

  it('without a summary writer the button is disabled with an explanation', async () => {
    renderPanel(await sessionOf(WIDE), new ReadOnlyHost());
    await screen.findByTestId('summary-preview');
    const button = insertButton();
    expect(button).toHaveProperty('disabled', true);
    const note = screen.getByTestId('summary-no-writer');
    expect(note.textContent).toContain('当前环境不能向工作簿写入汇总表');
    expect(button.getAttribute('aria-describedby')).toBe(note.id);
  });

  it('shows a template error (ReportError, bilingual) in a MessageBar', async () => {
    // 2021 total is approximate: no composition for that year.
    const snapshot = workbook(
      '测试.xlsx',
      grid('指标', [
        ['指标', '单位', '2021年', '2022年'],
        ['监督检查', '次', '100余', 60],
        ['其中：公共场所', '次', 40, 20],
        ['　　　学校', '次', 30, 40],
      ]),
    );
    const session: CheckSession = { snapshot, result: checkWorkbook(snapshot), runId: 1 };
    const { rerender } = renderPanel(session, new WritingHost(), 'en-US');
    await screen.findByTestId('summary-preview');
    fireEvent.click(screen.getByRole('radio', { name: 'Composition' }));
    fireEvent.change(screen.getByTestId('summary-year'), { target: { value: '2021' } });
    const bar = screen.getByTestId('summary-build-error');
    expect(bar.textContent).toContain('The summary table cannot be built');
    expect(bar.textContent).toContain('监督检查');
    expect(screen.queryByTestId('summary-preview')).toBeNull();
    expect(screen.getByRole('button', { name: /^Insert/ })).toHaveProperty('disabled', true);
    // 2022 is fine: 60 = 20 + 40.
    fireEvent.change(screen.getByTestId('summary-year'), { target: { value: '2022' } });
    expect(rowByLabel('监督检查 (total)')).toMatchObject({ '2022': '60', Share: '100.0%' });
    expect(rowByLabel('学校')).toMatchObject({ '2022': '40', Share: '66.7%' });

    // A new check keeps the picks that still exist.
    await act(async () => rerender({ ...session, runId: 2 }));
    await waitFor(() => expect(screen.getByTestId('summary-preview').dataset.template).toBe('composition'));
    expect(within(screen.getByTestId('summary-preview')).getByText('2022')).toBeTruthy();
  });
});

/** Row order of the sample sheet (the table follows it). */
function order(label: string): number {
  const snap = snapshots.get(WIDE) as WorkbookSnapshot;
  const rows = snap.sheets.find((s) => s.name === '法治指标')?.values ?? [];
  const i = rows.findIndex((r) => r.some((v) => typeof v === 'string' && v.replace(/^[\s\u3000]+|^其中[:：]?/g, '').trim() === label));
  return i < 0 ? 1e9 : i;
}
