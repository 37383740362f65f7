import ExcelJS from 'exceljs';
import { readXlsx, sniffWorkbook } from '../src/hosts/xlsx/read-xlsx';
import { readXlsxStream } from '../src/hosts/xlsx/read-xlsx-stream';
import { WorkbookReadError } from '../src/hosts/xlsx/errors';
import { checkWorkbook } from '../src/core/engine';

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('xlsx host (ExcelJS)', () => {
  it('reads values, number formats, indents, formula results and visibility from a real .xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('法治指标');
    ws.getCell('B3').value = '指标名称';
    ws.getCell('C3').value = '2022年';
    ws.getCell('B4').value = '法制审核率';
    ws.getCell('C4').value = 0.9;
    ws.getCell('C4').numFmt = '0.0%';
    ws.getCell('B5').value = '生活饮用水';
    ws.getCell('B5').alignment = { indent: 2 };
    ws.getCell('C5').value = { formula: 'C6/C7', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
    ws.getCell('B6').value = { richText: [{ text: '罚' }, { text: '没款' }] };
    ws.getCell('C6').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
    const hidden = wb.addWorksheet('隐藏');
    hidden.state = 'hidden';
    hidden.getCell('A1').value = 'x';
    const snap = await readXlsx(await bytesOf(wb), 'x.xlsx');
    const g = snap.sheets[0];
    expect(g.originRow).toBe(2);
    expect(g.originCol).toBe(1);
    expect(g.values).toEqual([
      ['指标名称', '2022年'],
      ['法制审核率', 0.9],
      ['生活饮用水', { error: '#DIV/0!' }],
      ['罚没款', 2],
    ]);
    expect(g.numberFormats?.[1][1]).toBe('0.0%');
    expect(g.indents?.[2][0]).toBe(2);
    expect(snap.sheets[1].visibility).toBe('hidden');
    const result = checkWorkbook(snap);
    expect(result.findings.map((f) => [f.ruleId, f.cells[0].address])).toEqual([
      ['rate.mandated.law-review', 'C4'],
      ['value.excel-error', 'C5'],
    ]);
    expect(result.findings[0].message['zh-CN']).toContain('90.0%');
  });

  it('says a formula saved without its result is not calculated, never reads it as blank', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('指标');
    ws.addRow(['指标名称', '单位', '2022年', '2023年']);
    ws.addRow(['行政处罚案件', '件', 110, { formula: 'C3+C4' } as ExcelJS.CellFormulaValue]);
    ws.addRow(['其中：警告', '件', 50, 57]);
    ws.addRow(['　　　罚款等', '件', 60, 63]);
    const snap = await readXlsx(await bytesOf(wb), 'x.xlsx');
    expect(snap.sheets[0].values[1][3]).toBe('=C3+C4');
    const result = checkWorkbook(snap);
    const f = result.findings.find((x) => x.cells[0].address === 'D2');
    expect(f?.ruleId).toBe('value.formula-uncalculated');
    expect(f?.severity).toBe('error');
    expect(f?.message['zh-CN']).toBe('“行政处罚案件”2023年是公式 =C3+C4，文件中没有它的计算结果（保存文件的程序没有计算）。请在 Excel 中打开、保存后再校验。');
    expect(f?.message['en-US']).toContain('saved without its result');
    // The balance of 2023 is not checked against a blank total (no silent zero).
    expect(result.findings.some((x) => x.ruleId.startsWith('balance') && x.period === '2023' && x.severity === 'error')).toBe(false);
  });

  it('a number too large for a date in a date-formatted cell is reported, not a crash', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('指标');
    ws.addRow(['指标名称', '2022年']);
    ws.addRow(['行政处罚案件', 1e12]);
    ws.getCell('B2').numFmt = 'yyyy-mm-dd';
    const bytes = await bytesOf(wb);
    for (const snap of [await readXlsx(bytes, 'x.xlsx'), await readXlsxStream(bytes, 'x.xlsx')]) {
      expect(snap.sheets[0].values[1][1]).toBe('########');
      const f = checkWorkbook(snap).findings.find((x) => x.cells[0].address === 'B2');
      expect(f?.ruleId).toBe('value.unreadable');
      expect(f?.message['zh-CN']).toContain('“########”');
    }
  });

  it('reads an empty workbook sheet as an empty grid', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const snap = await readXlsx(await bytesOf(wb), 'empty.xlsx');
    expect(snap.sheets).toEqual([{ name: 'Sheet1', originRow: 0, originCol: 0, values: [], visibility: 'visible' }]);
    expect(checkWorkbook(snap).sheets[0].layout).toBe('skipped');
  });

  it.each([
    ['an empty file', new Uint8Array(), '空文件'],
    ['a text file named .xlsx', new TextEncoder().encode('序号,指标\n1,2'), '不是 .xlsx'],
    ['an encrypted or .xls file', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), '密码'],
  ])('refuses %s with a bilingual reason', async (_label, bytes, zh) => {
    expect(sniffWorkbook(bytes, 'f.xlsx')).toBeInstanceOf(WorkbookReadError);
    await expect(readXlsx(bytes, 'f.xlsx')).rejects.toMatchObject({ bilingual: { 'zh-CN': expect.stringContaining(zh), 'en-US': expect.stringContaining('f.xlsx') } });
  });

  it('refuses a corrupt zip with a bilingual reason instead of crashing', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').getCell('A1').value = 1;
    const good = await bytesOf(wb);
    const corrupt = good.slice(0, Math.floor(good.length / 2));
    await expect(readXlsx(corrupt, 'bad.xlsx')).rejects.toMatchObject({ bilingual: { 'zh-CN': expect.stringContaining('bad.xlsx'), 'en-US': expect.stringContaining('damaged') } });
  });
});
