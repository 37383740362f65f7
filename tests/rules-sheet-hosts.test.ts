// 创建规则表: both hosts write the 校验规则 template, refuse when such a sheet exists, and the
// written sheet reads back (through each host's own reader) as the template's rules.
import ExcelJS from 'exceljs';
import { RULES_SHEET } from '../src/core/engine';
import { RULES_SHEET_NAME, rulesFromSheet, rulesSheetTemplate } from '../src/core/rules';
import type { CellValue } from '../src/core/types';
import { ExcelHost, RULES_SHEET as EXCEL_RULES_SHEET } from '../src/hosts/excel/excel-host';
import { HostError } from '../src/hosts/excel/errors';
import { gridFromWorksheet } from '../src/hosts/xlsx/read-xlsx';
import { RULES_SHEET as XLSX_RULES_SHEET, XlsxHost } from '../src/hosts/xlsx/xlsx-host';
import { createFakeExcel, type FakeSheetSpec } from './fakes/fake-excel';

const ALL = () => true;
const DATA: FakeSheetSpec = { name: '法治指标', blocks: [{ at: 'A1', values: [['指标', '单位', '2022'], ['行政处罚案件', '件', 106]] }] };

function excelHost(sheets: FakeSheetSpec[]) {
  const fake = createFakeExcel(sheets);
  const host = new ExcelHost((b) => fake.run(b), { platform: 'desktop', isSetSupported: ALL, syncTimeoutMs: 5000 });
  return { fake, host };
}

/** The template as the readers give it back: blanks as null. */
function expectedValues(rows: CellValue[][]): CellValue[][] {
  return rows.map((r) => r.map((v) => (v === undefined ? null : v)));
}

it('every module names the same sheet', () => {
  expect(EXCEL_RULES_SHEET).toBe(RULES_SHEET_NAME);
  expect(XLSX_RULES_SHEET).toBe(RULES_SHEET_NAME);
  expect(RULES_SHEET).toBe(RULES_SHEET_NAME);
});

describe('ExcelHost.writeRulesSheet', () => {
  it('adds 校验规则 in 2 syncs with values, a formatted header and text format, and activates it', async () => {
    const { fake, host } = excelHost([DATA]);
    const template = rulesSheetTemplate();
    const before = fake.syncCount;
    await expect(host.writeRulesSheet(template)).resolves.toEqual({ sheet: '校验规则' });
    expect(fake.syncCount - before).toBe(2);

    const state = fake.workbookState;
    expect(state.sheets.map((s) => s.name)).toEqual(['法治指标', '校验规则']);
    expect(state.activeSheet).toBe('校验规则');
    const sheet = state.sheets[1];

    // Read back through the host's own reader: the rules are the template's.
    const snap = await host.readWorkbook();
    const grid = snap.sheets.find((s) => s.name === '校验规则');
    expect(grid).toBeDefined();
    expect(grid!.values).toEqual(expectedValues(template));
    const read = rulesFromSheet(grid!);
    expect(read.findings).toEqual([]);
    expect(read.ruleSet.rules.map((r) => [r.id, r.expr, r.severity])).toEqual([
      ['U1', template[1][2], 'error'],
      ['U2', template[2][2], 'warning'],
    ]);
    // Header bold and filled; expressions stored as text, 容差 left General.
    expect(grid!.numberFormats?.[1][2]).toBe('@');
    expect(grid!.numberFormats?.[1][4]).toBe('General');
    const headerCells = [...sheet.cells.entries()].filter(([, c]) => c.bold);
    expect(headerCells).toHaveLength(template[0].length);
    expect(headerCells.every(([, c]) => c.fill === '#DDEBF7')).toBe(true);
    expect(sheet.columnWidths?.get(2)).toBeGreaterThan(sheet.columnWidths?.get(3) ?? 0);
    // The user's sheet is untouched.
    expect((await host.readWorkbook()).sheets[0].values).toEqual(DATA.blocks![0].values);
  });

  it('refuses with a bilingual error when a sheet of that name exists, and writes nothing', async () => {
    const { fake, host } = excelHost([DATA, { name: '校验规则', blocks: [{ at: 'A1', values: [['我的规则']] }] }]);
    const error = await host.writeRulesSheet(rulesSheetTemplate()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).reason).toBe('SheetNameTaken');
    expect((error as HostError).bilingual['zh-CN']).toMatch(/已有名为“校验规则”的工作表/);
    expect((error as HostError).bilingual['en-US']).toMatch(/already has a sheet named "校验规则"/);
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(['法治指标', '校验规则']);
    const snap = await host.readWorkbook();
    expect(snap.sheets[1].values).toEqual([['我的规则']]);
  });
});

describe('XlsxHost.writeRulesSheet', () => {
  async function xlsxHost(extra?: string) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('法治指标');
    ws.addRow(['指标', '单位', '2022']);
    ws.addRow(['行政处罚案件', '件', 106]);
    if (extra) wb.addWorksheet(extra).addRow(['我的规则']);
    return new XlsxHost(wb, '某区.xlsx');
  }

  it('adds the sheet, which reads back as the two example rules, and selects it', async () => {
    const host = await xlsxHost();
    const events: string[] = [];
    host.onChange((e) => events.push(e.type));
    await expect(host.writeRulesSheet(rulesSheetTemplate())).resolves.toEqual({ sheet: '校验规则' });
    expect(events).toEqual(['sheets', 'select']);
    expect(host.selection).toEqual({ sheet: '校验规则', address: 'A1' });

    // Through a saved file, as the preview and the CLI read it.
    const reopened = await XlsxHost.fromBytes(await host.toBytes(), '某区.xlsx');
    const snap = await reopened.readWorkbook();
    expect(snap.sheets.map((s) => s.name)).toEqual(['法治指标', '校验规则']);
    const grid = gridFromWorksheet(reopened.workbook.getWorksheet('校验规则')!);
    const { ruleSet, findings } = rulesFromSheet(grid);
    expect(findings).toEqual([]);
    expect(ruleSet.rules.map((r) => [r.id, r.severity, r.enabled, r.source])).toEqual([
      ['U1', 'error', true, 'sheet'],
      ['U2', 'warning', true, 'sheet'],
    ]);
    expect(ruleSet.rules[0].expr).toBe(rulesSheetTemplate()[1][2]);
    const ws = reopened.workbook.getWorksheet('校验规则')!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('C2').numFmt).toBe('@');
  });

  it('refuses when the workbook has such a sheet already', async () => {
    const host = await xlsxHost('校验规则');
    const error = await host.writeRulesSheet(rulesSheetTemplate()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).bilingual['en-US']).toMatch(/rules sheet was not created/);
    expect(host.workbook.getWorksheet('校验规则')!.getCell('A1').value).toBe('我的规则');
    expect(host.workbook.worksheets).toHaveLength(2);
  });
});
