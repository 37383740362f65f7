// XlsxHost.writeSummaryTable (the browser preview's host): a new sheet 汇总表 / 汇总表(2) or the
// selected cell, written with the ExcelJS writer; saved and read back with ExcelJS.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { buildSummary, cellText, summaryInput, type TableSpec } from '../src/core/report';
import type { CellValue } from '../src/core/types';
import { XlsxHost, type XlsxHostEvent } from '../src/hosts/xlsx/xlsx-host';
import { canWriteSummaryTable } from '../src/taskpane/capabilities';

const SAMPLE = path.join(__dirname, '..', 'samples', '示例-乐山市市中区-法治指标.xlsx');
const NOW = new Date(2026, 0, 2, 10, 30);

async function sampleHost(): Promise<XlsxHost> {
  return XlsxHost.fromBytes(new Uint8Array(fs.readFileSync(SAMPLE)), path.basename(SAMPLE));
}

async function specOf(host: XlsxHost, indicators = ['依法公开执法处罚信息', '罚没款', '法制审核率']): Promise<TableSpec> {
  return buildSummary('compare', summaryInput(await host.readWorkbook()), { now: NOW, indicators });
}

/** Every value of every sheet, to prove the user's sheets are unchanged. */
function contents(wb: ExcelJS.Workbook, except: string[] = []): Record<string, CellValue[][]> {
  const out: Record<string, CellValue[][]> = {};
  for (const ws of wb.worksheets) {
    if (except.includes(ws.name)) continue;
    const rows: CellValue[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      rows[r - 1] = (row.values as unknown[]).slice(1).map((v) => JSON.parse(JSON.stringify(v ?? null)));
    });
    out[ws.name] = rows;
  }
  return out;
}

async function reload(host: XlsxHost): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await host.toBytes()) as unknown as ArrayBuffer);
  return wb;
}

function rowOf(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    if (!found && r.getCell(1).value === label) found = r;
  });
  if (!found) throw new Error(`no row ${label}`);
  return found;
}

describe('XlsxHost.writeSummaryTable', () => {
  it('is a summary writer (the 汇总表 tab enables 插入)', async () => {
    expect(canWriteSummaryTable(await sampleHost())).toBe(true);
  });

  it('adds 汇总表 with the table object, values and number formats; user sheets unchanged; then 汇总表(2)', async () => {
    const host = await sampleHost();
    const before = contents(host.workbook);
    const sheetsBefore = host.workbook.worksheets.map((w) => w.name);
    const events: XlsxHostEvent[] = [];
    host.onChange((e) => events.push(e));
    const spec = await specOf(host);

    const r = await host.writeSummaryTable(spec, 'new-sheet', { chart: true });
    const n = spec.body.length;
    const notes = spec.notes.length;
    expect(r).toEqual({ sheet: '汇总表', address: `A1:G${4 + n + notes}`, tableAddress: `A3:G${3 + n}`, table: 'Summary_1' });
    expect(r).not.toHaveProperty('chart'); // ExcelJS draws no charts
    // The grid refreshes its tabs and shows the new sheet.
    expect(events.map((e) => e.type)).toEqual(['sheets', 'select']);
    expect(host.selection).toEqual({ sheet: '汇总表', address: 'A1' });

    const wb = await reload(host);
    expect(wb.worksheets.map((w) => w.name)).toEqual([...sheetsBefore, '汇总表']);
    expect(contents(wb, ['汇总表'])).toEqual(before);
    const ws = wb.getWorksheet('汇总表') as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe(spec.title);
    expect(ws.getCell('A1').value).toBe('乐山市市中区年度指标对比表（2021—2022年）');
    expect(ws.getCell('A2').value).toBe(spec.subtitle);
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['指标', '单位', '2021年', '2022年', '增减量', '增减率', '状态']);
    const t = (ws.getTable('Summary_1') as unknown as { table: { tableRef: string; style: { theme: string } } }).table;
    expect(t.tableRef).toBe(`A3:G${3 + n}`);
    expect(t.style.theme).toBe('TableStyleMedium2');
    // 依法公开执法处罚信息 98 → 106 (+8, +8.2 %): numbers stay numbers with their formats.
    const row = rowOf(ws, '依法公开执法处罚信息');
    expect([row.getCell(3).value, row.getCell(4).value, row.getCell(5).value]).toEqual([98, 106, 8]);
    expect(row.getCell(6).value).toBeCloseTo(8 / 98, 12);
    expect(row.getCell(5).numFmt).toBe('+#,##0;-#,##0;#,##0');
    expect(row.getCell(6).numFmt).toBe('+0.0%;-0.0%;0.0%');
    const money = rowOf(ws, '罚没款');
    expect(money.getCell(4).value).toBe(728588);
    expect(money.getCell(4).numFmt).toBe('#,##0');
    const rate = rowOf(ws, '法制审核率');
    expect(rate.getCell(3).numFmt).toMatch(/^0\.0+%$/);
    expect(rate.getCell(7).value).toBe(cellText(spec.body[2][6]));
    expect(ws.getCell(`A${4 + n + notes}`).value).toBe(spec.source);

    // A second table: a second sheet and table name; the first is untouched.
    const r2 = await host.writeSummaryTable(await specOf(host, ['罚没款']), 'new-sheet');
    expect(r2.sheet).toBe('汇总表(2)');
    expect(r2.table).toBe('Summary_2');
    const wb2 = await reload(host);
    expect(contents(wb2, ['汇总表(2)'])).toEqual(contents(wb, []));
  });

  it('writes at the selected cell into empty cells only, and refuses without a selection', async () => {
    const host = await sampleHost();
    const spec = await specOf(host, ['罚没款']);
    await expect(host.writeSummaryTable(spec, 'selection')).rejects.toMatchObject({
      bilingual: { 'zh-CN': expect.stringContaining('没有选定的单元格'), 'en-US': expect.stringContaining('No cell is selected') },
    });

    const sheet = host.workbook.worksheets[0].name;
    // On the data: refused, nothing written.
    await host.selectCell({ sheet, address: 'B4' });
    const before = contents(host.workbook);
    await expect(host.writeSummaryTable(spec, 'selection')).rejects.toMatchObject({ bilingual: { 'zh-CN': expect.stringContaining('已有内容') } });
    expect(contents(host.workbook)).toEqual(before);

    // Far right of the data: written there, the user's cells unchanged.
    await host.selectCell({ sheet, address: 'J2' });
    const r = await host.writeSummaryTable(spec, 'selection');
    expect(r.sheet).toBe(sheet);
    expect(r.address).toBe(`J2:P${2 + 3 + spec.body.length + spec.notes.length}`);
    expect(r.tableAddress).toBe(`J4:P${4 + spec.body.length}`);
    const wb = await reload(host);
    const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
    expect(ws.getCell('J2').value).toBe(spec.title);
    expect(ws.getCell('J5').value).toBe('罚没款');
    expect(ws.getCell('M5').value).toBe(728588);
    // Every value of the user's sheets is still there.
    const original = contents((await sampleHost()).workbook);
    const now = contents(wb);
    for (const name of Object.keys(original)) {
      original[name].forEach((cells, i) =>
        cells.forEach((v, j) => {
          if (v !== null) expect(now[name][i][j]).toEqual(v);
        }),
      );
    }
  });
});
