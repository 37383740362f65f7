/** @jest-environment jsdom */
// 插入标准表 in the 汇总表 tab: works before any check, hands the host the core's form for the
// years and bureau typed, says what was inserted (and when Excel could not set validation), and
// shows bilingual errors; the browser preview's xlsx host inserts the form into its workbook.

// --- jsdom polyfills Fluent UI v9 expects -------------------------------------------------------
import './helpers/jsdom-polyfills';

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { analyzeWorkbook } from '../src/core/engine';
import { defaultFormYears, type StandardFormResult, type StandardFormSpec } from '../src/core/report/standard-form';
import type { CellRef, Finding, Lang, WorkbookSnapshot } from '../src/core/types';
import type { Host } from '../src/core/host';
import { HostError } from '../src/hosts/excel/errors';
import { XlsxHost } from '../src/hosts/xlsx/xlsx-host';
import { translator } from '../src/taskpane/i18n';
import { defaultYearsText } from '../src/taskpane/panels/StandardFormSection';
import { SummaryPanel } from '../src/taskpane/panels/SummaryPanel';

class ReadOnlyHost implements Host {
  readonly kind = 'fake' as const;
  async readWorkbook(): Promise<WorkbookSnapshot> {
    throw new Error('not used');
  }
  async applyMarks(_findings: Finding[]): Promise<void> {}
  async clearMarks(): Promise<void> {}
  async selectCell(_ref: CellRef): Promise<void> {}
}

class FormHost extends ReadOnlyHost {
  specs: StandardFormSpec[] = [];
  answer: StandardFormResult = { sheet: '指标表', rulesSheet: '校验规则', validation: true };
  failWith: unknown = null;
  async insertStandardForm(spec: StandardFormSpec): Promise<StandardFormResult> {
    this.specs.push(spec);
    if (this.failWith) throw this.failWith;
    return this.answer;
  }
}

function renderPanel(host: Host, lang: Lang = 'zh-CN') {
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
  return render(
    <FluentProvider theme={webLightTheme}>
      <SummaryPanel {...props} session={null} />
    </FluentProvider>,
  );
}

const button = (name = /^插入标准表$/) => screen.getByRole('button', { name });

describe('汇总表 tab: 插入标准表', () => {
  it('inserts the form before any check, with the default years, and says what was added', async () => {
    const host = new FormHost();
    renderPanel(host);
    // No check yet: the summary tables wait for one, the standard form does not.
    expect(screen.getByTestId('summary-need-check')).toBeTruthy();
    expect((screen.getByTestId('form-years') as HTMLInputElement).value).toBe(defaultFormYears(new Date()).join(','));
    expect(defaultYearsText(new Date(2025, 5, 1))).toBe('2022,2023,2024');
    fireEvent.click(button());
    const done = await screen.findByTestId('form-inserted');
    expect(host.specs).toHaveLength(1);
    expect(host.specs[0].years).toEqual(defaultFormYears(new Date()));
    expect(host.specs[0].sheetName).toBe('指标表');
    expect(done.textContent).toContain('已插入工作表“指标表”（20 项指标');
    expect(done.textContent).toContain('另添加了示例规则表“校验规则”');
    expect(done.textContent).toContain('数值单元格已设数据验证');
  });

  it('passes the years and bureau typed; says when Excel could not set validation and kept the user\'s 校验规则', async () => {
    const host = new FormHost();
    host.answer = { sheet: '指标表(2)', rulesSheet: null, validation: false };
    renderPanel(host);
    fireEvent.change(screen.getByTestId('form-years'), { target: { value: '2024年、2023' } });
    fireEvent.change(screen.getByTestId('form-bureau'), { target: { value: '乐山市市中区卫生健康局' } });
    fireEvent.click(button());
    const done = await screen.findByTestId('form-inserted');
    expect(host.specs[0].years).toEqual(['2023', '2024']);
    expect(host.specs[0].title).toBe('乐山市市中区卫生健康局2023—2024年度法治政府建设指标表');
    expect(done.textContent).toContain('“指标表(2)”');
    expect(done.textContent).toContain('已有“校验规则”表，未作改动');
    expect(done.textContent).toContain('需要 ExcelApi 1.8');
  });

  it('shows a year that is not a year in the UI language, without calling the host or offering a retry', async () => {
    const host = new FormHost();
    renderPanel(host, 'en-US');
    fireEvent.change(screen.getByTestId('form-years'), { target: { value: '2024, 明年' } });
    fireEvent.click(button(/^Add standard form$/));
    const error = await screen.findByTestId('form-insert-error');
    expect(error.textContent).toContain('"明年" is not a year');
    expect(host.specs).toHaveLength(0);
    expect(screen.queryByRole('button', { name: /Retry/ })).toBeNull();
  });

  it('shows the host\'s bilingual error with a retry that runs the insert again', async () => {
    const host = new FormHost();
    host.failWith = new HostError({ 'zh-CN': 'Excel 长时间无响应', 'en-US': 'Excel did not respond' }, { reason: 'SyncTimeout' });
    renderPanel(host);
    fireEvent.click(button());
    const error = await screen.findByTestId('form-insert-error');
    expect(error.textContent).toContain('插入标准表失败');
    expect(error.textContent).toContain('Excel 长时间无响应');
    host.failWith = null;
    fireEvent.click(screen.getByRole('button', { name: /重试/ }));
    await screen.findByTestId('form-inserted');
    expect(host.specs).toHaveLength(2);
  });

  it('explains that a host without the capability cannot insert the form', () => {
    renderPanel(new ReadOnlyHost());
    expect((button() as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('form-no-writer').textContent).toContain('npm run template');
  });

  it('in the browser preview, the xlsx host adds 指标表 and 校验规则 to its workbook and shows the form', async () => {
    const wb = new ExcelJS.Workbook();
    const data = wb.addWorksheet('法治指标');
    data.addRow(['指标', '单位', '2022年']);
    data.addRow(['行政处罚案件', '件', 106]);
    data.getCell('C2').numFmt = '0';
    const host = new XlsxHost(wb, '示例.xlsx');
    const before = JSON.stringify(data.model);
    renderPanel(host);
    fireEvent.click(button());
    const done = await screen.findByTestId('form-inserted');
    expect(done.textContent).toContain('数值单元格已设数据验证');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['法治指标', '指标表', '校验规则']);
    expect(JSON.stringify(data.model)).toBe(before);
    await waitFor(() => expect(host.selection).toEqual({ sheet: '指标表', address: 'A1' }));
    const { sheets } = analyzeWorkbook(await host.readWorkbook());
    expect(sheets.map((s) => [s.sheet, s.layout])).toEqual([
      ['法治指标', 'wide'],
      ['指标表', 'wide'],
      ['校验规则', 'skipped'],
    ]);
  });
});
