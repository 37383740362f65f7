// The ExcelJS writer of summary tables: written, saved, and read back. And the CLI's report
// workbook (--format xlsx): its links and values as they stand in the saved file's XML.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import type { FileResult } from '../src/cli/report';
import { buildXlsxReport, fileLinkFormula } from '../src/cli/xlsx-report';
import type { Finding } from '../src/core/types';
import { buildSummary, placeTable, summaryInput, type TableSpec } from '../src/core/report';
import { readXlsx } from '../src/hosts/xlsx/read-xlsx';
import { addSummarySheet, TABLE_STYLE, TableTargetError, uniqueSheetName, writeTable } from '../src/hosts/xlsx/write-table';

const SAMPLE = path.join(__dirname, '..', 'samples', '示例-乐山市市中区-法治指标.xlsx');
const NOW = new Date(2026, 0, 2, 10, 30);

async function compareSpec(): Promise<TableSpec> {
  const snap = await readXlsx(fs.readFileSync(SAMPLE), path.basename(SAMPLE));
  return buildSummary('compare', summaryInput(snap), { now: NOW });
}

async function roundTrip(wb: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return back;
}

/** The table model as ExcelJS keeps it after loading. */
function tableModel(ws: ExcelJS.Worksheet, name: string): { name: string; tableRef: string; style: { theme: string; showRowStripes: boolean }; columns: Array<{ name: string }> } {
  const t = ws.getTable(name) as unknown as { table: never };
  return t.table;
}

function findRow(ws: ExcelJS.Worksheet, label: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((r) => {
    if (r.getCell(1).value === label) found = r;
  });
  if (!found) throw new Error(`no row ${label}`);
  return found;
}

describe('writeTable / addSummarySheet (ExcelJS)', () => {
  it('writes a title row, units line, an Excel table with the built-in style, number formats, source line and widths', async () => {
    const spec = await compareSpec();
    const wb = new ExcelJS.Workbook();
    const written = addSummarySheet(wb, spec);
    expect(written.worksheet.name).toBe('汇总表');
    expect(written.tableName).toBe('Summary_1');
    const n = spec.body.length;
    expect(written.tableRange).toBe(`A3:G${3 + n}`);

    const back = await roundTrip(wb);
    const ws = back.getWorksheet('汇总表') as ExcelJS.Worksheet;
    // Title: bold, merged across the table.
    expect(ws.getCell('A1').value).toBe('乐山市市中区年度指标对比表（2021—2022年）');
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('G1').isMerged).toBe(true);
    expect((ws.getCell('G1').master as ExcelJS.Cell).address).toBe('A1');
    expect(ws.getCell('A2').value).toBe(spec.subtitle);
    // The table object.
    const t = tableModel(ws, 'Summary_1');
    expect(t.tableRef).toBe(`A3:G${3 + n}`);
    expect(t.style.theme).toBe(TABLE_STYLE);
    expect(t.style.showRowStripes).toBe(true);
    expect(t.columns.map((c) => c.name)).toEqual(['指标', '单位', '2021年', '2022年', '增减量', '增减率', '状态']);
    expect(ws.getCell('C3').value).toBe('2021年');
    // Number formats and values.
    const cases = findRow(ws, '依法公开执法处罚信息');
    expect(cases.getCell(3).value).toBe(98);
    expect(cases.getCell(3).numFmt).toBe('#,##0');
    expect(cases.getCell(4).value).toBe(106);
    expect(cases.getCell(5).value).toBe(8);
    expect(cases.getCell(5).numFmt).toBe('+#,##0;-#,##0;#,##0');
    expect(cases.getCell(6).value).toBeCloseTo(8 / 98, 12);
    expect(cases.getCell(6).numFmt).toBe('+0.0%;-0.0%;0.0%');
    expect(findRow(ws, '重大执法决定法制审核案件').getCell(7).value).toBe('通过');
    const fines = findRow(ws, '罚没款');
    expect(fines.getCell(4).value).toBe(728588);
    expect(fines.getCell(4).numFmt).toBe('#,##0');
    const rate = findRow(ws, '群众满意率');
    expect(rate.getCell(4).value).toBe(0.983);
    expect(rate.getCell(4).numFmt).toBe('0.0%');
    // Missing stays missing (—), approximate keeps its text.
    expect(findRow(ws, '投诉处理完结率').getCell(3).value).toBe('—');
    expect(findRow(ws, '监督检查医疗机构').getCell(3).value).toBe('700余');
    // Status colours: errors red and bold.
    const err = findRow(ws, '法制审核率').getCell(7);
    expect(err.value).toBe('错误');
    expect(err.font?.color?.argb).toBe('FF9C0006');
    // Notes and the source line under the table.
    const sourceRow = 3 + n + 1 + spec.notes.length;
    expect(ws.getCell(`A${sourceRow}`).value).toBe('来源工作表：法治指标（示例-乐山市市中区-法治指标.xlsx）　生成时间：2026-01-02 10:30');
    expect(ws.getCell(`A${3 + n + 1}`).value).toBe(spec.notes[0]);
    // Widths in characters.
    spec.widths.forEach((w, j) => expect(ws.getColumn(j + 1).width).toBe(w));
  });

  it('adds a new sheet each time with a unique sheet and table name, never touching other sheets', async () => {
    const spec = await compareSpec();
    const wb = new ExcelJS.Workbook();
    const user = wb.addWorksheet('汇总表');
    user.getCell('A1').value = '用户自己的汇总表';
    const first = addSummarySheet(wb, spec);
    const second = addSummarySheet(wb, spec);
    expect([first.worksheet.name, second.worksheet.name]).toEqual(['汇总表(2)', '汇总表(3)']);
    expect([first.tableName, second.tableName]).toEqual(['Summary_1', 'Summary_2']);
    expect(user.getCell('A1').value).toBe('用户自己的汇总表');
    expect(user.getTables()).toHaveLength(0);
    const back = await roundTrip(wb);
    expect(back.worksheets.map((w) => w.name)).toEqual(['汇总表', '汇总表(2)', '汇总表(3)']);
    expect(back.getWorksheet('汇总表(3)')?.getTable('Summary_2')).toBeDefined();
    expect(uniqueSheetName(back, 'SUMMARY')).toBe('SUMMARY');
    expect(uniqueSheetName(back, '汇总表(2)')).toBe('汇总表(2)(2)');
    const en = addSummarySheet(back, { ...spec, lang: 'en-US' });
    expect(en.worksheet.name).toBe('Summary');
    expect(en.tableName).toBe('Summary_3');
  });

  it('writes at a given top-left, with group heading rows merged above the table', async () => {
    const spec: TableSpec = {
      template: 'compare',
      lang: 'zh-CN',
      title: '测试',
      subtitle: '单位：件',
      header: [
        ['指标', '年度', null, '变化'],
        ['名称', '2021年', '2022年', '增减量'],
      ],
      body: [[{ value: '案件', format: 'text' }, { value: 1200, format: 'integer' }, { value: null, format: 'integer' }, { value: 0.25, format: 'percent', decimals: 2 }]],
      widths: [10, 10, 10, 10],
      notes: [],
      source: '来源工作表：测试',
      sourceSheets: ['测试'],
    };
    const p = placeTable(spec, 4, 1);
    // title row 5, units row 6, group headings row 7, column names row 8, body row 9, source row 10
    expect(p.tableAddress).toBe('B8:E9');
    expect(p.merges).toEqual([
      { top: 4, left: 1, bottom: 4, right: 4 },
      { top: 6, left: 2, bottom: 6, right: 3 },
    ]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('报告');
    ws.getCell('A1').value = '已有内容';
    ws.getColumn(2).width = 33;
    // Never over a user's content: a value, a merged cell or another table in the footprint.
    ws.getCell('C9').value = 7;
    expect(() => writeTable(ws, spec, 'B5')).toThrow(TableTargetError);
    try {
      writeTable(ws, spec, 'B5');
    } catch (e) {
      expect((e as TableTargetError).cells).toEqual(['C9']);
      expect((e as TableTargetError).bilingual['zh-CN']).toContain('C9 已有内容');
    }
    ws.getCell('C9').value = null;
    ws.addTable({ name: 'Mine', ref: 'F2', columns: [{ name: 'x' }], rows: [[1], [2], [3], [4], [5], [6]] });
    expect(() => writeTable(ws, spec, 'C5')).toThrow(/Mine/);
    const w = writeTable(ws, spec, 'B5', { setWidths: false });
    expect(() => writeTable(ws, spec, 'A4')).toThrow(TableTargetError);
    expect(w.tableRange).toBe('B8:E9');
    const back = (await roundTrip(wb)).getWorksheet('报告') as ExcelJS.Worksheet;
    expect(back.getCell('A1').value).toBe('已有内容');
    expect(back.getColumn(2).width).toBe(33);
    expect(back.getCell('B5').value).toBe('测试');
    expect(back.getCell('C7').value).toBe('年度');
    expect(back.getCell('D7').isMerged).toBe(true);
    expect(back.getCell('C8').value).toBe('2021年');
    expect(back.getCell('C9').value).toBe(1200);
    expect(back.getCell('D9').value).toBe('—');
    expect(back.getCell('E9').numFmt).toBe('0.00%');
    expect(back.getCell('B10').value).toBe('来源工作表：测试');
  });
});

/** One sheet's XML and its relationships in the saved package, found by the sheet's name. */
async function savedSheet(wb: ExcelJS.Workbook, name: string): Promise<{ xml: string; rels: string }> {
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const text = async (p: string): Promise<string> => (await zip.file(p)?.async('string')) ?? '';
  const sheet = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(await text('xl/workbook.xml'));
  if (!sheet) throw new Error(`no sheet ${name}`);
  const target = new RegExp(`Id="${sheet[1]}"[^>]*Target="([^"]+)"`).exec(await text('xl/_rels/workbook.xml.rels'));
  if (!target) throw new Error(`no part for ${name}`);
  const part = `xl/${target[1].replace(/^\/?xl\//, '')}`;
  return { xml: await text(part), rels: await text(part.replace(/worksheets\/(.*)$/, 'worksheets/_rels/$1.rels')) };
}

/** The raw XML of cell `ref`: `<c r="C2" …>…</c>`. */
function rawCell(xml: string, ref: string): string {
  const m = new RegExp(`<c r="${ref}"[^>]*?(?:/>|>.*?</c>)`).exec(xml);
  return m ? m[0] : '';
}

/** The formula of a raw cell, XML entities decoded. */
function rawFormula(cell: string): string | undefined {
  const m = /<f>(.*)<\/f>/.exec(cell);
  return m ? m[1].replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : undefined;
}

function finding(over: Partial<Finding>): Finding {
  return { ruleId: 'balance.exceeds', severity: 'error', cells: [{ sheet: '法治指标', address: 'D7' }], message: { 'zh-CN': '超出', 'en-US': 'exceeds' }, ...over };
}

function fileResult(file: string, findings: Finding[]): FileResult {
  return { file, result: { workbook: path.basename(file), findings, sheets: [], observations: 0 } };
}

describe('buildXlsxReport (--format xlsx)', () => {
  const root = path.join(path.sep, 'data', '报表');
  const out = path.join(root, 'out', 'report.xlsx');

  it('links a finding to its cell with a HYPERLINK formula and a cached result (spaces, quotes, Chinese in the path); no cell hyperlink', async () => {
    const source = path.join(root, `2022 年 O'Neil "区"`, '乐山市市中区 #1.xlsx');
    const wb = buildXlsxReport([fileResult(source, [finding({ cells: [{ sheet: "指标 '甲'", address: 'E3' }] }), finding({ cells: [{ sheet: '法治指标', address: 'D4:D6' }] })])], 'zh-CN', out);
    const { xml, rels } = await savedSheet(wb, '校验结果');
    // A string formula with its result, so Excel and LibreOffice show E3 before recalculating.
    const c2 = rawCell(xml, 'C2');
    expect(c2).toMatch(/^<c r="C2"[^>]* t="str"><f>[^<]*<\/f><v>E3<\/v><\/c>$/);
    // The file relative to the report's folder, `#` in it encoded, then the quoted sheet and cell.
    expect(rawFormula(c2)).toBe(`HYPERLINK("../2022 年 O'Neil ""区""/乐山市市中区 %231.xlsx#'指标 ''甲'''!E3","E3")`);
    // A range links to its first cell and shows the whole range.
    expect(rawFormula(rawCell(xml, 'C3'))).toBe(`HYPERLINK("../2022 年 O'Neil ""区""/乐山市市中区 %231.xlsx#'法治指标'!D4","D4:D6")`);
    // No cell hyperlink: no <hyperlink> element and no hyperlink relationship (ExcelJS wrote both wrong).
    expect(xml).not.toContain('<hyperlink');
    expect(rels).not.toContain('relationships/hyperlink');
    expect(rels).toContain('relationships/table');
    // Read back it is the same formula, and the cell looks like a link.
    const back = (await roundTrip(wb)).getWorksheet('校验结果') as ExcelJS.Worksheet;
    expect(back.getCell('C2').value).toEqual({ formula: rawFormula(c2), result: 'E3' });
    expect(back.getCell('C2').font?.underline).toBe(true);
  });

  it('builds the link formula; a link location Excel could not hold (over 255 characters) becomes plain text', async () => {
    expect(fileLinkFormula('a.xlsx', 'S', 'A1')).toBe(`HYPERLINK("a.xlsx#'S'!A1","A1")`);
    expect(fileLinkFormula(`${'目录/'.repeat(90)}a.xlsx`, 'S', 'A1')).toBeUndefined();
    const deep = path.join(root, ...new Array<string>(90).fill('目录'), 'a.xlsx');
    const { xml } = await savedSheet(buildXlsxReport([fileResult(deep, [finding({})])], 'zh-CN', out), '校验结果');
    expect(rawFormula(rawCell(xml, 'C2'))).toBeUndefined();
    const ws = (await roundTrip(buildXlsxReport([fileResult(deep, [finding({})])], 'zh-CN', out))).getWorksheet('校验结果') as ExcelJS.Worksheet;
    expect(ws.getCell('C2').value).toBe(`'法治指标'!D7`);
  });

  it('shows the line of a report text as plain text (第19行 / line 19), never a link', async () => {
    const txt = path.join(root, '2022年法治政府建设年度报告.txt');
    const f = finding({ ruleId: 'text.repeated-figure', severity: 'warning', cells: [{ sheet: '2022年法治政府建设年度报告.txt', address: 'L19' }], values: [6, 56] });
    for (const [lang, sheetName, where] of [
      ['zh-CN', '校验结果', '第19行'],
      ['en-US', 'Findings', 'line 19'],
    ] as const) {
      const wb = buildXlsxReport([fileResult(txt, [f])], lang, out);
      const { xml } = await savedSheet(wb, sheetName);
      expect(rawFormula(rawCell(xml, 'C2'))).toBeUndefined();
      expect(xml).not.toContain('HYPERLINK');
      expect(xml).not.toContain('<hyperlink');
      const ws = (await roundTrip(wb)).getWorksheet(sheetName) as ExcelJS.Worksheet;
      expect(ws.getCell('C2').value).toBe(where);
      expect(ws.getCell('B2').value).toBe('2022年法治政府建设年度报告.txt');
    }
  });

  it('joins the values with a separator that cannot be read as part of a number (；/ "; ")', async () => {
    const f = finding({ ruleId: 'history.yoy.scale', values: [728588, 306300, null, '1900余'] });
    const file = path.join(root, 'a.xlsx');
    const zh = (await roundTrip(buildXlsxReport([fileResult(file, [f])], 'zh-CN', out))).getWorksheet('校验结果') as ExcelJS.Worksheet;
    expect(zh.getCell('I2').value).toBe('728,588；306,300；；1900余');
    const en = (await roundTrip(buildXlsxReport([fileResult(file, [f])], 'en-US', out))).getWorksheet('Findings') as ExcelJS.Worksheet;
    expect(en.getCell('I2').value).toBe('728,588; 306,300; ; 1900余');
  });
});
