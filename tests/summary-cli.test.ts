// `npm run summary`: a copy of the workbook with the summary sheet added; the source sheets keep
// every value and format; usage errors exit 2 with a message in both languages; a workbook with
// parts the copy would lose (charts…) is refused unless --allow-loss.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/summary';
import { partsLostOnCopy } from '../src/hosts/xlsx/lost-parts';
import { preserveOnSave } from '../src/hosts/xlsx/write-table';

const SAMPLES = path.join(__dirname, '..', 'samples');
const WIDE = path.join(SAMPLES, '示例-乐山市市中区-法治指标.xlsx');
const LONG = path.join(SAMPLES, '示例-各地区-长表.xlsx');
const NOW = new Date(2026, 0, 2, 10, 30);

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), now: () => NOW } };
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'summary-'));
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Everything a user would call the content and format of a sheet, as ExcelJS reads it. */
function sheetState(ws: ExcelJS.Worksheet) {
  const cells: Record<string, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = { value: cell.value, type: cell.type, style: cell.style, note: cell.note ?? null };
    });
  });
  const columns = (ws.columns ?? []).map((c) => ({ width: c.width, hidden: c.hidden, style: c.style }));
  const rows: Record<number, unknown> = {};
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n] = { height: row.height, hidden: row.hidden };
  });
  const model = ws.model as unknown as { merges: string[]; conditionalFormattings?: unknown; dataValidations?: unknown };
  return {
    name: ws.name,
    state: ws.state,
    cells,
    columns,
    rows,
    merges: [...model.merges].sort(),
    views: ws.views,
    conditionalFormattings: model.conditionalFormattings,
    dataValidations: model.dataValidations,
    autoFilter: ws.autoFilter ?? null,
    pageSetup: ws.pageSetup,
  };
}

/** The wide sample as a user left it: own fill colours, fonts, a note, widths, a frozen pane, a hidden sheet. */
async function userWorkbook(dir: string): Promise<string> {
  const wb = await load(WIDE);
  const ws = wb.getWorksheet('法治指标') as ExcelJS.Worksheet;
  ws.getCell('E23').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } }; // 全部行政处罚案件 2022
  ws.getCell('B7').font = { color: { argb: 'FFC00000' }, italic: true, name: '宋体', size: 12 };
  ws.getCell('D12').border = { top: { style: 'double', color: { argb: 'FF0070C0' } } };
  ws.getCell('D7').note = '2021年数据待核实';
  ws.getColumn(3).width = 9; // ExcelJS's own default width: must survive too
  ws.getRow(5).height = 30;
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 2 }];
  ws.addConditionalFormatting({ ref: 'D3:E29', rules: [{ type: 'cellIs', operator: 'lessThan', formulae: [0], priority: 1, style: { font: { color: { argb: 'FFFF0000' } } } }] });
  ws.getCell('E5').dataValidation = { type: 'whole', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0] };
  const hidden = wb.addWorksheet('内部', { state: 'hidden' });
  hidden.getCell('A1').value = { formula: 'SUM(法治指标!E23,1)', result: 107 };
  hidden.getCell('A2').value = new Date(Date.UTC(2026, 0, 1));
  hidden.getCell('A2').numFmt = 'yyyy-mm-dd';
  const file = path.join(dir, '用户-法治指标.xlsx');
  preserveOnSave(ws); // else ExcelJS itself would drop the width 9 from the fixture
  await wb.xlsx.writeFile(file);
  return file;
}

describe('summary CLI', () => {
  it('writes a copy with a 汇总表 sheet; every source sheet keeps its values and formats exactly', async () => {
    const dir = tmp();
    const file = await userWorkbook(dir);
    const before = fs.readFileSync(file);
    const out = path.join(dir, 'out.xlsx');
    const t = io();
    const code = await main([file, '--out', out], t.io);
    expect(t.err.join('')).toContain('汇总表');
    expect(code).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true); // the input is untouched

    const a = await load(file);
    const b = await load(out);
    expect(a.getWorksheet('法治指标')?.getColumn(3).width).toBe(9);
    expect(b.worksheets.map((w) => w.name)).toEqual([...a.worksheets.map((w) => w.name), '汇总表']);
    for (const ws of a.worksheets) {
      const copy = b.getWorksheet(ws.name) as ExcelJS.Worksheet;
      expect(sheetState(copy)).toEqual(sheetState(ws));
    }
    // The user's own formats are really there (not just equal because both lost them).
    const src = b.getWorksheet('法治指标') as ExcelJS.Worksheet;
    expect(src.getCell('E23').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    expect(src.getCell('B7').font?.color?.argb).toBe('FFC00000');
    expect(src.getColumn(3).width).toBe(9);
    expect(src.getCell('D7').note).toBe('2021年数据待核实');
    expect(b.getWorksheet('内部')?.state).toBe('hidden');

    // The summary itself.
    const sum = b.getWorksheet('汇总表') as ExcelJS.Worksheet;
    expect(sum.getCell('A1').value).toBe('乐山市市中区年度指标对比表（2021—2022年）');
    expect(sum.getTables()).toHaveLength(1);
    const text = t.out.join('');
    expect(text).toContain('依法公开执法处罚信息');
    expect(text).toContain('+8.2%'); // 98 → 106
    expect(text).toContain('生成时间：2026-01-02 10:30');
  });

  it('writes a 构成表 and a 地区对比表 with the chosen indicator and year', async () => {
    const dir = tmp();
    const out = path.join(dir, 'c.xlsx');
    const t = io();
    expect(await main([WIDE, '--out', out, '--template', 'composition', '--indicators', '国家双随机监督抽检任务', '--years', '2022'], t.io)).toBe(0);
    const ws = (await load(out)).getWorksheet('汇总表') as ExcelJS.Worksheet;
    expect(ws.getCell('A1').value).toBe('乐山市市中区国家双随机监督抽检任务构成表（2022年）');
    expect(ws.getCell('A5').value).toBe('公共场所卫生');
    expect(ws.getCell('C5').value).toBe(0.517);
    expect(ws.getCell('C5').numFmt).toBe('0.0%');

    const out2 = path.join(dir, 'd.xlsx');
    const t2 = io();
    expect(await main([LONG, '--out', out2, '--template', 'districts', '--indicators', '行政处罚案件', '--years', '2022年', '--lang', 'en-US'], t2.io)).toBe(0);
    const d = (await load(out2)).getWorksheet('Summary') as ExcelJS.Worksheet;
    expect(d.getCell('A1').value).toBe('行政处罚案件 by region (2022)');
    expect(d.getCell('A4').value).toBe('临沂市罗庄区');
    expect(d.getCell('C4').value).toBe(1);
    expect(t2.err.join('')).toContain('Wrote');
  });

  it('summarises its own output again into 汇总表(2), without reading the first summary as data', async () => {
    const dir = tmp();
    const first = path.join(dir, '1.xlsx');
    const second = path.join(dir, '2.xlsx');
    expect(await main([WIDE, '--out', first], io().io)).toBe(0);
    const t = io();
    expect(await main([first, '--out', second], t.io)).toBe(0);
    const wb = await load(second);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['法治指标', '填报说明', '汇总表', '汇总表(2)']);
    const a = wb.getWorksheet('汇总表') as ExcelJS.Worksheet;
    const b = wb.getWorksheet('汇总表(2)') as ExcelJS.Worksheet;
    expect(b.getCell('A3').value).toBe('指标');
    expect(b.rowCount).toBe(a.rowCount);
    expect(b.getTables().map((x) => (x as unknown as { table: { name: string } }).table.name)).toEqual(['Summary_2']);
  });

  it('refuses to overwrite the input, also through another path to the same file', async () => {
    const dir = tmp();
    const file = path.join(dir, 'a.xlsx');
    fs.copyFileSync(WIDE, file);
    const before = fs.readFileSync(file);
    for (const out of [file, path.join(dir, '.', 'sub', '..', 'a.xlsx')]) {
      const t = io();
      expect(await main([file, '--out', out], t.io)).toBe(2);
      expect(t.err.join('')).toContain('不会覆盖原工作簿');
      expect(t.err.join('')).toContain('never overwritten');
    }
    const link = path.join(dir, 'link.xlsx');
    fs.symlinkSync(file, link);
    const t = io();
    expect(await main([file, '--out', link], t.io)).toBe(2);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('exits 2 with a message in both languages for usage errors', async () => {
    const dir = tmp();
    const out = path.join(dir, 'o.xlsx');
    const cases: Array<[string[], string, string]> = [
      [[WIDE, '--out', out, '--template', 'pie'], '未知的模板“pie”', 'Unknown template "pie"'],
      [[WIDE, '--out', out, '--years', '2020'], '年份 2020 不在工作簿中', 'Year 2020 is not in the workbook'],
      [[WIDE, '--out', out, '--years', '去年'], '无法识别的年份', 'is not a year'],
      [[WIDE, '--out', out, '--indicators', '不存在'], '找不到指标“不存在”', 'Indicator "不存在" not found'],
      [[WIDE, '--out', out, '--template', 'districts'], '没有含多个地区的长表', 'no long table'],
      [[WIDE, '--out', out, '--template', 'composition', '--years', '2021,2022'], '只用一个年份', 'takes one year'],
      [[WIDE], '--out', '--out'],
      [[WIDE, '--out', path.join(dir, 'o.csv')], '.xlsx', '.xlsx'],
      [[], '请指定要汇总的工作簿', 'Name the workbook'],
      [[WIDE, '--out', out, '--lang', 'fr'], '不支持的语言', 'Unsupported language'],
    ];
    for (const [argv, zh, en] of cases) {
      const t = io();
      const code = await main(argv, t.io);
      const err = t.err.join('');
      expect({ argv, code }).toEqual({ argv, code: 2 });
      expect(err).toContain(zh);
      expect(err).toContain(en);
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it('exits 2 for a file that cannot be read', async () => {
    const dir = tmp();
    const bad = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(bad, 'just text');
    const t = io();
    expect(await main([bad, '--out', path.join(dir, 'o.xlsx')], t.io)).toBe(2);
    expect(t.err.join('')).toContain('notes.xlsx');
    const t2 = io();
    expect(await main([path.join(dir, 'missing.xlsx'), '--out', path.join(dir, 'o.xlsx'), '--lang', 'en-US'], t2.io)).toBe(2);
    expect(t2.err.join('')).toContain('no such file');
  });
});

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CHART_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:layout/>' +
  '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>\'法治指标\'!$E$4:$E$6</c:f></c:numRef></c:val></c:ser>' +
  '<c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="b"/><c:crossAx val="2"/></c:catAx>' +
  '<c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea></c:chart></c:chartSpace>';
const anchor = (body: string) =>
  `<xdr:twoCellAnchor><xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>14</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;
const CHART_FRAME = anchor(
  '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="100" name="图表 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${R}" r:id="rIdChart1"/></a:graphicData></a:graphic></xdr:graphicFrame>`,
);
const TEXT_BOX = anchor('<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="101" name="文本框 1"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>数据待核实</a:t></a:r></a:p></xdr:txBody></xdr:sp>');

/**
 * The wide sample with a picture (ExcelJS's addImage) and what Excel would add on top: a column
 * chart in the same drawing (as Excel and LibreOffice save one), a text box, or other parts.
 */
async function richWorkbook(dir: string, extra: { chart?: boolean; textBox?: boolean; parts?: string[] } = {}): Promise<string> {
  const wb = await load(WIDE);
  const ws = wb.getWorksheet('法治指标') as ExcelJS.Worksheet;
  ws.addImage(wb.addImage({ buffer: PNG, extension: 'png' } as unknown as ExcelJS.Image), 'H2:I4');
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  const edit = async (part: string, f: (s: string) => string) => zip.file(part, f((await zip.file(part)?.async('string')) as string));
  if (extra.chart) {
    await edit('xl/drawings/drawing1.xml', (s) => s.replace('</xdr:wsDr>', `${CHART_FRAME}</xdr:wsDr>`));
    await edit('xl/drawings/_rels/drawing1.xml.rels', (s) =>
      s.replace('</Relationships>', `<Relationship Id="rIdChart1" Type="${R}/chart" Target="../charts/chart1.xml"/></Relationships>`),
    );
    await edit('[Content_Types].xml', (s) =>
      s.replace('</Types>', '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>'),
    );
    zip.file('xl/charts/chart1.xml', CHART_XML);
  }
  if (extra.textBox) await edit('xl/drawings/drawing1.xml', (s) => s.replace('</xdr:wsDr>', `${TEXT_BOX}</xdr:wsDr>`));
  for (const p of extra.parts ?? []) zip.file(p, '<x/>');
  const file = path.join(dir, `图表 O'Neil-${Object.keys(extra).join('-') || 'picture'}.xlsx`);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

async function entries(file: string): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(fs.readFileSync(file))).files).filter((n) => !n.endsWith('/'));
}

describe('summary CLI: parts the copy would lose', () => {
  it('keeps pictures: ExcelJS writes them back, so a workbook with one is summarised as usual', async () => {
    const dir = tmp();
    const file = await richWorkbook(dir);
    expect(await partsLostOnCopy(fs.readFileSync(file))).toEqual([]);
    const out = path.join(dir, 'out.xlsx');
    const t = io();
    expect(await main([file, '--out', out], t.io)).toBe(0);
    expect(t.err.join('')).toContain('原有工作表未改动');
    expect(await entries(out)).toEqual(expect.arrayContaining(['xl/media/image1.png', 'xl/drawings/drawing1.xml']));
    expect((await load(out)).getWorksheet('法治指标')?.getImages()).toHaveLength(1);
  });

  it('refuses a workbook with a chart, a pivot table and macros: exit 2, both languages, nothing written, the input untouched', async () => {
    const dir = tmp();
    const file = await richWorkbook(dir, { chart: true, parts: ['xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml', 'xl/vbaProject.bin'] });
    const before = fs.readFileSync(file);
    const out = path.join(dir, 'out.xlsx');
    const t = io();
    expect(await main([file, '--out', out, '--lang', 'en-US'], t.io)).toBe(2);
    const err = t.err.join('');
    const name = path.basename(file);
    expect(err).toContain(`“${name}”含有图表、数据透视表、宏（VBA），写出的副本会丢失这些内容，因此没有写入 ${out}。`);
    expect(err).toContain(`"${name}" holds charts, pivot tables, macros (VBA), which the copy would lose, so ${out} was not written.`);
    expect(err.indexOf('含有')).toBeLessThan(err.indexOf('holds')); // Chinese first, whatever --lang says
    expect(err).toContain('“指标校验”加载项的“汇总表”选项卡');
    expect(err).toContain('add-in in Excel');
    expect(err).toContain('--allow-loss');
    expect(t.out.join('')).toBe('');
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a text box in a drawing but not the picture beside it', async () => {
    const dir = tmp();
    const file = await richWorkbook(dir, { textBox: true });
    expect((await partsLostOnCopy(fs.readFileSync(file))).map((l) => [l['zh-CN'], l['en-US'], l.parts])).toEqual([['形状、文本框等绘图对象', 'shapes, text boxes and other drawing objects', ['xl/drawings/drawing1.xml']]]);
    const t = io();
    expect(await main([file, '--out', path.join(dir, 'out.xlsx')], t.io)).toBe(2);
    expect(t.err.join('')).toContain('含有形状、文本框等绘图对象');
  });

  it('with --allow-loss writes the copy and warns, in both languages, what it lacks', async () => {
    const dir = tmp();
    const file = await richWorkbook(dir, { chart: true });
    const before = fs.readFileSync(file);
    expect(await entries(file)).toContain('xl/charts/chart1.xml');
    const out = path.join(dir, 'out.xlsx');
    const t = io();
    expect(await main([file, '--out', out, '--allow-loss'], t.io)).toBe(0);
    const err = t.err.join('');
    expect(err).toContain(`警告：--allow-loss：副本 ${out} 缺少原工作簿中的图表（原文件未改动）。`);
    expect(err).toContain(`Warning: --allow-loss: the copy ${out} lacks the charts of the original workbook (the original file is unchanged).`);
    expect(err).toContain('原有工作表的数据和格式未改动，但缺少图表');
    expect(err).not.toContain('原有工作表未改动');
    // What the warning says is true: the chart is gone, the picture and the new sheet are there.
    const copy = await entries(out);
    expect(copy.filter((n) => n.startsWith('xl/charts/'))).toEqual([]);
    expect(copy).toContain('xl/media/image1.png');
    expect((await load(out)).getWorksheet('汇总表')?.getTables()).toHaveLength(1);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('names every kind of part it cannot keep; ignores calcChain, printer settings and custom properties', async () => {
    const zip = new JSZip();
    const parts = [
      'xl/workbook.xml',
      'xl/calcChain.xml',
      'xl/printerSettings/printerSettings1.bin',
      'docProps/custom.xml',
      'xl/chartsheets/sheet1.xml',
      'xl/diagrams/data1.xml',
      'xl/slicers/slicer1.xml',
      'xl/embeddings/oleObject1.bin',
      'xl/externalLinks/externalLink1.xml',
      'xl/connections.xml',
      'xl/threadedComments/threadedComment1.xml',
      'xl/richData/rdrichvalue.xml',
    ];
    for (const p of parts) zip.file(p, '<x/>');
    zip.file('xl/worksheets/sheet1.xml', '<worksheet><extLst><ext><x14:sparklineGroups xmlns:x14="x"/></ext></extLst></worksheet>');
    for (const compression of ['STORE', 'DEFLATE'] as const) {
      const bytes = await zip.generateAsync({ type: 'uint8array', compression });
      expect((await partsLostOnCopy(bytes)).map((l) => l['en-US'])).toEqual([
        'charts',
        'SmartArt graphics',
        'slicers and timelines',
        'embedded objects and controls',
        'links to other workbooks',
        'data connections and queries',
        'threaded comments (replies)',
        'pictures in cells',
        'sparklines',
      ]);
    }
    expect(await partsLostOnCopy(new TextEncoder().encode('just text'))).toEqual([]);
  });
});
