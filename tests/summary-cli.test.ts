// `npm run summary`: a copy of the workbook with the summary sheet added; the source sheets keep
// every value and format; usage errors exit 2 with a message in both languages.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/summary';
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
