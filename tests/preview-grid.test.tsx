/** @jest-environment jsdom */
// The browser preview's grid (src/preview) over a real XlsxHost built in memory: displayed values,
// merges, the cap on big sheets, marks as fills, selection, sheet tabs and keyboard moves.

// --- jsdom polyfills Fluent UI v9 expects -------------------------------------------------------
import './helpers/jsdom-polyfills';

import { act, fireEvent, render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import ExcelJS from 'exceljs';
import type { Finding, Severity } from '../src/core/types';
import { XlsxHost } from '../src/hosts/xlsx/xlsx-host';
import {
  buildSheetView,
  displayValue,
  formatNumber,
  generalNumber,
  locate,
  masterCell,
} from '../src/preview/sheet-view';
import { MARK_COLORS, WorkbookGrid } from '../src/preview/WorkbookGrid';
import { defaultSample, MAIN_SAMPLE, sampleUrl } from '../src/preview/samples';

// --- fixtures ------------------------------------------------------------------------------------

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('法治指标');
  ws.getColumn(2).width = 30;
  ws.getCell('A1').value = '乐山市市中区法治指标';
  ws.getCell('A1').font = { bold: true };
  ws.mergeCells('A1:D1');
  ws.getRow(2).values = ['序号', '指标名称', '2021年', '2022年'];
  ws.getRow(3).values = ['1', '法制审核率', 0.9333333, 1];
  ws.getCell('C3').numFmt = '0.0%';
  ws.getCell('D3').numFmt = '0.0%';
  ws.getRow(4).values = ['2', '医疗服务类罚款', 58590, '585,900'];
  ws.getCell('C4').numFmt = '#,##0';
  ws.getRow(5).values = ['3', '国家双随机监督抽检任务', 190, 209];
  ws.getCell('D6').value = { formula: 'D4/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue;
  const notes = wb.addWorksheet('填报说明');
  notes.getCell('A1').value = '本工作簿是示例。';
  return wb;
}

function finding(severity: Severity, sheet: string, address: string): Finding {
  return { ruleId: `t.${severity}`, severity, cells: [{ sheet, address }], message: { 'zh-CN': 'x', 'en-US': 'x' } };
}

function renderGrid(host: XlsxHost, lang: 'zh-CN' | 'en-US' = 'zh-CN', limits?: { maxRows: number; maxCols: number }) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WorkbookGrid host={host} lang={lang} limits={limits} />
    </FluentProvider>,
  );
}

const cell = (address: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`[data-address="${address}"]`);
  if (!el) throw new Error(`no cell ${address} in the grid`);
  return el;
};

const scrolled: string[] = [];
beforeAll(() => {
  // jsdom has no layout: record what the grid asks to scroll into view.
  Element.prototype.scrollIntoView = function scrollIntoView(this: Element) {
    scrolled.push(this.getAttribute('data-address') ?? '?');
  };
});
beforeEach(() => {
  scrolled.length = 0;
});

// --- sheet view (pure) -------------------------------------------------------------------------------

describe('sheet view', () => {
  test('numbers display as Excel shows them: percent, separators, decimals, General', () => {
    expect(formatNumber(0.9333333, '0.0%')).toBe('93.3%');
    expect(formatNumber(1, '0%')).toBe('100%');
    expect(formatNumber(58590, '#,##0')).toBe('58,590');
    expect(formatNumber(15, '0')).toBe('15');
    expect(formatNumber(3.14159, '0.00')).toBe('3.14');
    expect(formatNumber(1234.5, '#,##0.00;[Red]-#,##0.00')).toBe('1,234.50');
    expect(formatNumber(0.1 + 0.2, 'General')).toBe('0.3');
    expect(formatNumber(12, '"约"0"件"')).toBe('12');
    expect(formatNumber(190)).toBe('190');
    expect(generalNumber(1e12)).toBe('1E+12');
  });

  test('cell values: text as written, formula results, errors, rich text, dates', () => {
    expect(displayValue('十二')).toEqual({ text: '十二', kind: 'text' });
    expect(displayValue({ formula: 'A1', result: 0.5 } as ExcelJS.CellValue, '0%')).toEqual({ text: '50%', kind: 'number' });
    expect(displayValue({ error: '#DIV/0!' } as ExcelJS.CellValue)).toEqual({ text: '#DIV/0!', kind: 'error' });
    expect(displayValue({ richText: [{ text: '其中：' }, { text: '学校卫生' }] } as ExcelJS.CellValue).text).toBe('其中：学校卫生');
    expect(displayValue(new Date(Date.UTC(2022, 11, 31))).text).toBe('2022-12-31');
    expect(displayValue(null)).toEqual({ text: '', kind: 'empty' });
  });

  test('the view covers the used range from A1, with merges, widths and alignment', () => {
    const view = buildSheetView(workbook().getWorksheet('法治指标')!);
    expect(view.firstRow).toBe(1);
    expect(view.colLetters).toEqual(['A', 'B', 'C', 'D']);
    expect(view.rowCount).toBe(6);
    expect(view.truncated).toBe(false);
    expect(view.colWidths[1]).toBe(215); // 30 characters
    expect(view.colWidths[0]).toBe(64); // Excel's default width
    const title = view.cells[0][0];
    expect(title).toMatchObject({ text: '乐山市市中区法治指标', bold: true, colSpan: 4, rowSpan: 1 });
    expect(view.cells[0].slice(1).every((c) => c.covered)).toBe(true);
    expect(view.cells[2][2]).toMatchObject({ address: 'C3', text: '93.3%', align: 'right' });
    expect(view.cells[3][3]).toMatchObject({ address: 'D4', text: '585,900', kind: 'text', align: 'left' });
    expect(view.cells[5][3]).toMatchObject({ address: 'D6', text: '#DIV/0!', kind: 'error', align: 'center' });
    expect(locate(view, 'C3')).toEqual({ i: 2, j: 2 });
    expect(locate(view, 'Z99')).toBeNull();
    expect(masterCell(view, 0, 3)).toEqual({ i: 0, j: 0 });
  });

  test('long text runs over empty cells to its right, and stops at the next value', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('注');
    ws.getCell('A1').value = '注：2022年数据摘自《乐山市市中区卫生健康局2022年法治政府建设工作情况报告》';
    ws.getCell('A2').value = '较长的文字说明较长的文字说明';
    ws.getCell('C2').value = 5;
    ws.getCell('E2').value = 'x';
    const view = buildSheetView(ws);
    expect(view.cells[0][0].spill).toBe(4); // over B1:E1, the end of the used range
    expect(view.cells[0].slice(1).every((c) => c.spilledOver)).toBe(true);
    expect(view.cells[1][0].spill).toBe(1); // B2 only: C2 has a value
    expect(view.cells[1][2].spilledOver).toBeUndefined();
    expect(view.cells[1][4].spill).toBeUndefined(); // short text
  });

  test('big sheets are capped and say so; sheets far from A1 start at their used range', () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('大表');
    for (let r = 1; r <= 40; r++) for (let c = 1; c <= 12; c++) ws.getCell(r, c).value = r * 100 + c;
    const view = buildSheetView(ws, { maxRows: 25, maxCols: 8 });
    expect(view).toMatchObject({ rowCount: 25, colCount: 8, lastRow: 40, lastCol: 12, truncated: true });

    const far = wb.addWorksheet('远处');
    far.getCell('AD100').value = 1;
    const farView = buildSheetView(far);
    expect(farView).toMatchObject({ firstRow: 100, firstCol: 30, rowCount: 1, colCount: 1 });
    expect(farView.colLetters).toEqual(['AD']);
  });

  test('the main sample is the default and sample URLs stay on this origin', () => {
    expect(defaultSample(['b.xlsx', MAIN_SAMPLE])).toBe(MAIN_SAMPLE);
    expect(defaultSample(['b.xlsx'])).toBe('b.xlsx');
    expect(sampleUrl(MAIN_SAMPLE)).toBe(`samples/${encodeURIComponent(MAIN_SAMPLE)}`);
  });
});

// --- grid component ---------------------------------------------------------------------------------

describe('workbook grid', () => {
  test('shows column letters, row numbers, displayed values and sheet tabs', () => {
    const host = new XlsxHost(workbook(), 'test.xlsx');
    renderGrid(host);
    const grid = screen.getByRole('grid', { name: '工作表“法治指标”' });
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['A', 'B', 'C', 'D']);
    expect(screen.getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(cell('B3').textContent).toBe('法制审核率');
    expect(cell('C3').textContent).toBe('93.3%');
    expect(cell('C4').textContent).toBe('58,590');
    expect(cell('A1').getAttribute('colspan')).toBe('4');
    expect(document.querySelector('[data-address="B1"]')).toBeNull(); // under the merge
    expect(grid.querySelectorAll('[data-mark]')).toHaveLength(0);
    expect(screen.getAllByRole('tab')).toHaveLength(2);
    expect(screen.getByRole('tab', { name: '填报说明' })).toBeTruthy();
    expect(screen.getByTestId('mark-count').textContent).toBe('没有标记');
  });

  test('marked cells get the mark colour and data-mark; clearing marks removes them', async () => {
    const host = new XlsxHost(workbook(), 'test.xlsx');
    renderGrid(host);
    await act(() =>
      host.applyMarks([finding('error', '法治指标', 'C3'), finding('warning', '法治指标', 'D4'), finding('info', '法治指标', 'C5')]),
    );
    expect(cell('C3').getAttribute('data-mark')).toBe('error');
    expect(cell('D4').getAttribute('data-mark')).toBe('warning');
    expect(cell('C5').getAttribute('data-mark')).toBe('info');
    expect(cell('B3').hasAttribute('data-mark')).toBe(false);
    // The fill is a Griffel class here; its colour is the hosts' mark colour.
    expect(MARK_COLORS.error.background).toBe('#FFC7CE');
    expect(MARK_COLORS.warning.background).toBe('#FFEB9C');
    expect(MARK_COLORS.info.background).toBe('#DDEBF7');
    expect(screen.getByTestId('mark-count').textContent).toBe('已标记 3 个单元格');

    await act(() => host.clearMarks());
    expect(document.querySelectorAll('[data-mark]')).toHaveLength(0);
    expect(screen.getByTestId('mark-count').textContent).toBe('没有标记');
  });

  test('the host selection outlines the cell, switches the sheet tab and scrolls it into view', async () => {
    const host = new XlsxHost(workbook(), 'test.xlsx');
    renderGrid(host);
    fireEvent.click(screen.getByRole('tab', { name: '填报说明' }));
    expect(screen.getByRole('grid').getAttribute('data-sheet')).toBe('填报说明');

    await act(() => host.selectCell({ sheet: '法治指标', address: 'C5' }));
    const grid = screen.getByRole('grid');
    expect(grid.getAttribute('data-sheet')).toBe('法治指标');
    expect(screen.getByRole('tab', { name: '法治指标' }).getAttribute('aria-selected')).toBe('true');
    expect(cell('C5').getAttribute('aria-selected')).toBe('true');
    expect(document.querySelectorAll('[aria-selected="true"][role="gridcell"]')).toHaveLength(1);
    expect(grid.getAttribute('aria-activedescendant')).toBe(cell('C5').id);
    expect(screen.getByTestId('name-box').textContent).toBe('C5');
    expect(scrolled).toEqual(['C5']);

    // A cell under a merge selects the merge.
    await act(() => host.selectCell({ sheet: '法治指标', address: 'C1' }));
    expect(cell('A1').getAttribute('aria-selected')).toBe('true');
  });

  test('clicking a cell and the arrow keys select through the host', async () => {
    const host = new XlsxHost(workbook(), 'test.xlsx');
    renderGrid(host);
    await act(async () => {
      fireEvent.mouseDown(cell('B3'));
    });
    expect(host.selection).toEqual({ sheet: '法治指标', address: 'B3' });
    expect(cell('B3').getAttribute('aria-selected')).toBe('true');

    const grid = screen.getByRole('grid');
    await act(async () => {
      fireEvent.keyDown(grid, { key: 'ArrowRight' });
    });
    expect(host.selection?.address).toBe('C3');
    await act(async () => {
      fireEvent.keyDown(grid, { key: 'ArrowDown' });
    });
    expect(host.selection?.address).toBe('C4');
    // Up to row 3, row 2, then the merged title (A1:D1), whose master is A1.
    for (const expected of ['C3', 'C2', 'A1']) {
      await act(async () => {
        fireEvent.keyDown(grid, { key: 'ArrowUp' });
      });
      expect(host.selection?.address).toBe(expected);
    }
    await act(async () => {
      fireEvent.keyDown(grid, { key: 'ArrowRight' }); // past the merge: nothing right of D
    });
    expect(host.selection?.address).toBe('A1');
  });

  test('a capped sheet says how much is shown; a selection outside it is reported', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('大表');
    for (let r = 1; r <= 30; r++) for (let c = 1; c <= 5; c++) ws.getCell(r, c).value = r;
    const host = new XlsxHost(wb, 'big.xlsx');
    renderGrid(host, 'en-US', { maxRows: 10, maxCols: 3 });
    expect(screen.getAllByRole('rowheader')).toHaveLength(10);
    expect(screen.getAllByRole('columnheader')).toHaveLength(3);
    expect(screen.getByTestId('grid-truncated').textContent).toContain('30 rows × 5 columns');
    await act(() => host.selectCell({ sheet: '大表', address: 'E30' }));
    expect(screen.getByText(/E30 is outside the part of the sheet shown/)).toBeTruthy();
  });

  test('a sheet the host adds (its 校验说明 sheet) appears as a tab', async () => {
    const host = new XlsxHost(workbook(), 'test.xlsx');
    renderGrid(host);
    expect(screen.getAllByRole('tab')).toHaveLength(2);
    await act(() => host.saveExplanationRows([['a', 'b']]));
    expect(screen.getAllByRole('tab')).toHaveLength(3);
  });
});
