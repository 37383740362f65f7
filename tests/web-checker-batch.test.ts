// The web checker's work, without a browser: the batch gives the command line's findings (the
// same readers' snapshots, the same cross-file detectors), the marked copy keeps every value and
// carries the Excel host's marks and a 校验结果 sheet, and the batch report names the files as the
// page knows them.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { reportWorkbook } from '../src/batch/report-workbook';
import { markedCopy, markedName } from '../src/batch/marked-copy';
import { main } from '../src/cli/index';
import { checkReportFile } from '../src/cli/report-file';
import type { Finding } from '../src/core/types';
import { markSeverity } from '../src/hosts/excel/marks';
import { readXlsx } from '../src/hosts/xlsx/read-xlsx';
import { readInBrowser, runBatch, type BatchProgress } from '../src/checker/batch';
import { layOut, makeDocx, makePdf, pdfjsForJest } from './helpers/report-files';

const SAMPLES = path.join(__dirname, '..', 'samples');
const sample = (name: string): string => path.join(SAMPLES, name);
const XLSX_SAMPLES = fs
  .readdirSync(SAMPLES)
  .filter((f) => f.endsWith('.xlsx'))
  .sort();

/** The command line's JSON report for `files`. */
async function cliJson(files: string[]): Promise<{ files: Array<{ file: string; findings: Finding[] }> }> {
  let out = '';
  const code = await main([...files, '--format', 'json'], { stdout: (s) => void (out += s), stderr: () => undefined });
  expect(code).toBeLessThan(2);
  return JSON.parse(out) as { files: Array<{ file: string; findings: Finding[] }> };
}

const essence = (f: Finding) => [f.ruleId, f.severity, f.cells, f.message, f.values ?? null, f.expected ?? null, f.method ?? null];

jest.setTimeout(60000);

describe('runBatch (the web checker worker)', () => {
  it('finds what the command line finds, across files as well, with progress per file', async () => {
    const files = ['示例-嘉兴市-分年度.xlsx', '示例-各地区-长表.xlsx', '示例-乐山市市中区-法治指标.xlsx', '示例-罗庄区-法治指标.xls'].map(sample);
    const progress: BatchProgress[] = [];
    const results = await runBatch(
      files.map((file) => ({ file, bytes: new Uint8Array(fs.readFileSync(file)) })),
      {},
      (p) => progress.push(p),
    );
    const cli = await cliJson(files);
    expect(results.map((r) => r.file)).toEqual(cli.files.map((f) => f.file));
    let total = 0;
    results.forEach((r, i) => {
      expect(r.error).toBeUndefined();
      expect(r.model).toBeUndefined();
      const mine = (r.result?.findings ?? []).map(essence);
      expect(mine).toEqual(cli.files[i].findings.map(essence));
      total += mine.length;
    });
    expect(total).toBeGreaterThan(5);
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
    expect(progress[4].stage['en-US']).toContain('across files');
  });

  it('checks reports (.txt, .docx, .pdf) as the command line does, prose and Word tables alike', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-reports-'));
    try {
      const prose = ['2023年，全区共办理行政处罚案件120件，其中警告50件、罚款60件。', '行政复议案件12件，其中维持8件、撤销3件。'];
      const txt = path.join(dir, '报告.txt');
      fs.writeFileSync(txt, prose.join('\n'));
      const docx = path.join(dir, '报告.docx');
      fs.writeFileSync(docx, await makeDocx([...prose, { table: [['指标', '2022年', '2023年'], ['行政处罚案件', '100', '120'], ['其中：警告', '40', '130']] }]));
      const pdf = path.join(dir, '报告.pdf');
      fs.writeFileSync(pdf, makePdf(layOut(prose)));
      const files = [txt, docx, pdf];
      const results = await runBatch(
        files.map((file) => ({ file, bytes: new Uint8Array(fs.readFileSync(file)) })),
        {},
        undefined,
        undefined,
        async () => pdfjsForJest(),
      );
      // The command line for the .txt and .docx; its PDF.js is Node's own ES module, which Jest
      // cannot load, so the .pdf is compared with the command line's function given Jest's copy.
      const cli = await cliJson([txt, docx]);
      const cliPdf = await checkReportFile(pdf, new Uint8Array(fs.readFileSync(pdf)), {}, { pdfjs: async () => pdfjsForJest() });
      const expected = [...cli.files.map((f) => f.findings), cliPdf.result?.findings ?? []];
      results.forEach((r, i) => {
        expect(r.error).toBeUndefined();
        expect((r.result?.findings ?? []).map(essence)).toEqual(expected[i].map(essence));
        expect(r.claims?.length).toBeGreaterThan(0);
      });
      expect(results[0].result?.findings.some((f) => f.ruleId.startsWith('text.'))).toBe(true);
      expect(results[1].result?.findings.some((f) => f.cells[0]?.sheet.includes('表1'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives an unreadable file its reason in both languages and checks the others', async () => {
    const results = await runBatch([
      { file: '坏文件.xlsx', bytes: new TextEncoder().encode('not a workbook') },
      { file: 'ok.xlsx', bytes: new Uint8Array(fs.readFileSync(sample(XLSX_SAMPLES[0]))) },
    ]);
    expect(results[0].error?.['zh-CN']).toMatch(/坏文件/);
    expect(results[0].error?.['en-US'].length).toBeGreaterThan(10);
    expect(results[1].result?.findings.length).toBeGreaterThan(0);
  });
});

describe('markedCopy', () => {
  it.each(XLSX_SAMPLES)('%s: keeps every value, marks each finding with the add-in marker, and lists the findings', async (name) => {
    const bytes = new Uint8Array(fs.readFileSync(sample(name)));
    const [result] = await runBatch([{ file: name, bytes }]);
    const findings = result.result?.findings ?? [];
    expect(findings.length).toBeGreaterThan(0);
    const copy = await markedCopy(bytes, name, findings);
    expect(copy.name).toBe(markedName(name));
    expect(copy.lost).toEqual([]);

    // Every source value unchanged, sheet by sheet.
    const before = await readXlsx(bytes, name);
    const after = await readXlsx(copy.bytes, copy.name);
    for (const s of before.sheets) {
      const t = after.sheets.find((x) => x.name === s.name);
      expect(t?.values).toEqual(s.values);
    }

    // The marks: conditional formats whose formula the Excel host recognises as its own.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(copy.bytes) as unknown as ArrayBuffer);
    const marked = new Map<string, string>();
    for (const ws of wb.worksheets) {
      for (const cf of (ws as unknown as { conditionalFormattings: Array<{ ref: string; rules: Array<{ formulae?: string[] }> }> }).conditionalFormattings ?? []) {
        const sev = markSeverity(`=${cf.rules[0]?.formulae?.[0] ?? ''}`);
        if (!sev) continue;
        for (const part of cf.ref.split(' ')) marked.set(`${ws.name}!${part}`, sev);
      }
    }
    const firstCells = new Set(findings.map((f) => `${f.cells[0].sheet}!${f.cells[0].address}`));
    const covered = [...marked.keys()].join(' ');
    for (const c of firstCells) {
      const [sheet, addr] = [c.slice(0, c.lastIndexOf('!')), c.slice(c.lastIndexOf('!') + 1)];
      const hit = [...marked.keys()].some((k) => k.startsWith(`${sheet}!`) && inRef(k.slice(sheet.length + 1), addr));
      expect([c, hit, covered.length > 0]).toEqual([c, true, true]);
    }

    // The results sheet: a header and one row per finding, the cell column a link to the cell.
    const rs = wb.getWorksheet(copy.resultSheet) as ExcelJS.Worksheet;
    expect(rs.rowCount).toBe(findings.length + 1);
    const link = rs.getRow(2).getCell(4).value as { formula?: string };
    expect(link.formula).toMatch(/^HYPERLINK\("#/);
  });

  it('says what an .xls copy loses, and marks it all the same', async () => {
    const name = '示例-罗庄区-法治指标.xls';
    const bytes = new Uint8Array(fs.readFileSync(sample(name)));
    const [result] = await runBatch([{ file: name, bytes }]);
    const copy = await markedCopy(bytes, name, result.result?.findings ?? []);
    expect(copy.name).toBe('示例-罗庄区-法治指标-已标记.xlsx');
    expect(copy.lost).toHaveLength(1);
    expect(copy.lost[0]['zh-CN']).toContain('.xls');
    expect(copy.lost[0]['en-US']).toContain('values and number formats');
    const snap = await readInBrowser(copy.bytes, copy.name);
    expect(snap.sheets.some((s) => s.name === '校验结果')).toBe(true);
  });

  it('names the results sheet 校验结果(2) when the workbook already has one, and never touches it', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('指标').addRows([
      ['指标', '2023年'],
      ['门诊', 10],
    ]);
    wb.addWorksheet('校验结果').getCell('A1').value = '用户自己的表';
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const finding: Finding = { ruleId: 'r', severity: 'error', cells: [{ sheet: '指标', address: 'B2' }], message: { 'zh-CN': '问题', 'en-US': 'Problem' } };
    const copy = await markedCopy(bytes, 'a.xlsx', [finding]);
    expect(copy.resultSheet).toBe('校验结果(2)');
    const back = await readInBrowser(copy.bytes, copy.name);
    expect(back.sheets.find((s) => s.name === '校验结果')?.values[0][0]).toBe('用户自己的表');
  });
});

describe('reportWorkbook for the page', () => {
  it('names files by their base name and links by the path the user picked', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'web-report-'));
    try {
      const results = await runBatch([{ file: '区县/乐山.xlsx', bytes: new Uint8Array(fs.readFileSync(sample('示例-乐山市市中区-法治指标.xlsx'))) }]);
      const wb = reportWorkbook(results, 'zh-CN', { name: (f) => f.split('/').pop() ?? f, link: (f) => f });
      const ws = wb.getWorksheet('校验结果') as ExcelJS.Worksheet;
      expect(ws.getRow(2).getCell(1).value).toBe('乐山.xlsx');
      expect((ws.getRow(2).getCell(3).value as { formula: string }).formula).toContain('区县/乐山.xlsx#');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Whether `addr` is inside `ref` (`B5` or `B5:B9`). */
function inRef(ref: string, addr: string): boolean {
  const parse = (a: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(a) as RegExpExecArray;
    let c = 0;
    for (const ch of m[1]) c = c * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]), c];
  };
  const [a, b = a] = ref.split(':');
  const [r0, c0] = parse(a);
  const [r1, c1] = parse(b);
  const [r, c] = parse(addr.replace(/\$/g, '').split(':')[0]);
  return r >= r0 && r <= r1 && c >= c0 && c <= c1;
}
