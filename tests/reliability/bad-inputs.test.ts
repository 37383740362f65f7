// The bad-input catalogue: one test per kind of input that staff really send, or that breaks
// readers. For each: a clear message in both languages, nothing crashes (the library and the CLI,
// whose exit codes are 0 = no error finding, 1 = error findings, 2 = a file that cannot be read),
// and the input file is left exactly as it was (bytes and mtime).
//
// The big-sheet case reads a 1,000,000-row sheet (BIG_ROWS=N sets another size). The CLI reads
// .xlsx with the streaming reader (src/hosts/xlsx/read-xlsx-stream.ts), which keeps only the grid:
// measured on the 2-core test machine with node's default heap, the whole case takes about 23 s
// under jest (writing the file ~5 s, the CLI ~17 s) with a peak RSS of about 0.7 GB. ExcelJS's
// full reader, which the CLI used before (and readXlsx still is), needs 45 s and 2.8 GB for the
// same file on its own (npm run bench, "Reading .xlsx").
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/index';
import { checkWorkbook } from '../../src/core/engine';
import type { Bilingual, CheckResult, SheetGrid } from '../../src/core/types';
import { WorkbookReadError } from '../../src/hosts/xlsx/errors';
import { readXlsx } from '../../src/hosts/xlsx/read-xlsx';
import { collectIo, fingerprint, hasChinese, tempDir, writeLongSheet, zipOf } from './support';

const BIG_ROWS = Number(process.env.BIG_ROWS) > 0 ? Number(process.env.BIG_ROWS) : 1_000_000;

type Direct = { ok: true; result: CheckResult; sheets: SheetGrid[] } | { ok: false; error: Bilingual };

interface Run {
  direct: Direct;
  code: number;
  json: { files: Array<{ file: string; error?: Bilingual; findings: Array<{ ruleId: string; severity: string; cells: Array<{ sheet: string; address: string }>; message: Bilingual }>; sheets?: Array<{ sheet: string; layout: string; observations: number; reason?: Bilingual }> }> };
  stderr: string;
  textZh: string;
  textEn: string;
}

/**
 * Checks a file the three ways a user can (library, CLI JSON, CLI text in both languages) and
 * asserts that the file did not change. `cliOnly` skips the library read (for the big sheet).
 */
async function checkEveryWay(file: string, opts: { cliOnly?: boolean } = {}): Promise<Run> {
  const before = fingerprint(file);
  let direct: Direct = { ok: false, error: { 'zh-CN': '', 'en-US': '' } };
  if (!opts.cliOnly) {
    try {
      const snapshot = await readXlsx(fs.readFileSync(file), path.basename(file));
      direct = { ok: true, result: checkWorkbook(snapshot), sheets: snapshot.sheets };
    } catch (e) {
      if (!(e instanceof WorkbookReadError)) throw e; // anything else is a crash
      direct = { ok: false, error: e.bilingual };
    }
  }
  const j = collectIo();
  const code = await main([file, '--format', 'json'], j.io);
  const json = JSON.parse(j.out.join(''));
  let textZh = '';
  let textEn = '';
  if (!opts.cliOnly) {
    const zh = collectIo();
    const codeZh = await main([file], zh.io);
    const en = collectIo();
    const codeEn = await main([file, '--lang', 'en-US'], en.io);
    expect([codeZh, codeEn]).toEqual([code, code]);
    textZh = zh.out.join('') + zh.err.join('');
    textEn = en.out.join('') + en.err.join('');
  }
  const after = fingerprint(file);
  expect(after.size).toBe(before.size);
  expect(after.mtimeMs).toBe(before.mtimeMs);
  expect(after.bytes.equals(before.bytes)).toBe(true);
  return { direct, code, json, stderr: j.err.join(''), textZh, textEn };
}

/** A message in both languages: Chinese in zh-CN, English words in en-US, each matching its pattern. */
function expectBilingual(b: Bilingual | undefined, zh: RegExp, en: RegExp): void {
  expect(b).toBeDefined();
  const m = b as Bilingual;
  expect(hasChinese(m['zh-CN'])).toBe(true);
  expect(m['zh-CN']).toMatch(zh);
  expect(m['en-US']).toMatch(en);
  expect((m['en-US'].match(/[A-Za-z]{2,}/g) ?? []).length).toBeGreaterThanOrEqual(3);
  expect(m['zh-CN']).not.toBe(m['en-US']);
}

/** An unreadable file: the same bilingual error from the library and the CLI, exit 2. */
function expectUnreadable(run: Run, zh: RegExp, en: RegExp): void {
  expect(run.direct.ok).toBe(false);
  const error = (run.direct as { error: Bilingual }).error;
  expectBilingual(error, zh, en);
  expect(run.code).toBe(2);
  expect(run.json.files[0].error).toEqual(error);
  expect(run.json.files[0].findings).toEqual([]);
  expect(run.textZh).toContain(error['zh-CN']);
  expect(run.textEn).toContain(error['en-US']);
}

let dir: string;
beforeAll(() => {
  dir = tempDir('bad-inputs');
});

async function saveWorkbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  // Fixed dates: the bytes of the file are the same on every run.
  wb.created = new Date('2023-01-01T00:00:00Z');
  wb.modified = new Date('2023-01-01T00:00:00Z');
  build(wb);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

function indicatorRows(ws: ExcelJS.Worksheet, start: number): void {
  ws.getRow(start).values = ['行政处罚案件数', '件', 10, 12];
  ws.getRow(start + 1).values = ['其中：公共场所卫生', '件', 4, 20];
}


describe('bad-input catalogue', () => {
  it('an empty workbook with no sheets: "no worksheet to read", exit 2', async () => {
    const file = await saveWorkbook('无工作表.xlsx', () => undefined);
    const run = await checkEveryWay(file);
    expectUnreadable(run, /没有可读取的工作表/, /no worksheet to read/);
  });

  it('an empty workbook with one empty sheet: the sheet is reported empty, exit 0', async () => {
    const file = await saveWorkbook('空表.xlsx', (wb) => void wb.addWorksheet('Sheet1'));
    const run = await checkEveryWay(file);
    expect(run.direct.ok).toBe(true);
    const result = (run.direct as { result: CheckResult }).result;
    // Nothing could be checked: one warning says so, exit 0 (no error).
    expect(result.findings.map((f) => f.ruleId)).toEqual(['workbook.no-indicator-sheet']);
    expectBilingual(result.findings[0].message, /没有识别出指标表.*“Sheet1”/, /No indicator sheet was recognised.*"Sheet1"/);
    expect(result.sheets).toEqual([expect.objectContaining({ sheet: 'Sheet1', layout: 'skipped', observations: 0 })]);
    expectBilingual(result.sheets[0].reason, /“Sheet1”为空/, /"Sheet1" is empty/);
    expect(run.code).toBe(0);
    expect(run.textZh).toContain('为空');
    expect(run.textEn).toContain('is empty');
  });

  it('a text-only sheet: skipped as not an indicator sheet, exit 0', async () => {
    const file = await saveWorkbook('说明.xlsx', (wb) => {
      const ws = wb.addWorksheet('填表说明');
      ws.addRow(['填表说明']);
      ws.addRow(['一、本表由各区县卫生健康局于每年1月15日前报送。']);
      ws.addRow(['二、数值保留两位小数，比率以百分数填写。']);
      ws.addRow(['三、如有疑问请联系法规科。']);
    });
    const run = await checkEveryWay(file);
    const result = (run.direct as { result: CheckResult }).result;
    expect(result.findings.map((f) => f.ruleId)).toEqual(['workbook.no-indicator-sheet']);
    expect(result.sheets[0].layout).toBe('skipped');
    expectBilingual(result.sheets[0].reason, /未识别为指标表/, /not an indicator sheet/);
    expect(run.code).toBe(0);
    expect(run.textZh).toContain('未识别为指标表');
    expect(run.textEn).toContain('not an indicator sheet');
  });

  it('merged header cells (title merged across, two-row header under a merged 年度): read like Excel, one value per merged range', async () => {
    const file = await saveWorkbook('合并表头.xlsx', (wb) => {
      const ws = wb.addWorksheet('法治指标');
      ws.getCell('A1').value = '某某县卫生健康局法治指标';
      ws.mergeCells('A1:D1');
      ws.getCell('A2').value = '指标';
      ws.mergeCells('A2:A3');
      ws.getCell('B2').value = '单位';
      ws.mergeCells('B2:B3');
      ws.getCell('C2').value = '年度';
      ws.mergeCells('C2:D2');
      ws.getCell('C3').value = '2021年';
      ws.getCell('D3').value = '2022年';
      indicatorRows(ws, 4);
      // A value merged across both year columns belongs to the first one only (Excel shows it once).
      ws.getRow(6).values = ['行政许可件数', '件', -3];
      ws.mergeCells('C6:D6');
    });
    const run = await checkEveryWay(file);
    const { result, sheets } = run.direct as { result: CheckResult; sheets: SheetGrid[] };
    expect(sheets[0].values[0]).toEqual(['某某县卫生健康局法治指标', null, null, null]);
    expect(result.sheets[0]).toMatchObject({ sheet: '法治指标', layout: 'wide', observations: 6 });
    expectBilingual(result.sheets[0].reason, /按宽表（年份为列）读取，共 6 个数值/, /read as a wide table \(years as columns\): 6 values/);
    const ids = result.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}@${f.cells[0].address}`);
    expect(ids).toEqual(expect.arrayContaining(['balance.mismatch@C4', 'balance.exceeds@D4', 'range.count-negative@C6']));
    expect(ids).not.toContain('range.count-negative@D6');
    for (const f of result.findings) expectBilingual(f.message, /./, /./);
    expect(run.code).toBe(1);
  });

  it('hidden and very hidden sheets are checked like visible ones', async () => {
    const file = await saveWorkbook('隐藏表.xlsx', (wb) => {
      for (const [name, state] of [['可见', 'visible'], ['隐藏', 'hidden'], ['深度隐藏', 'veryHidden']] as const) {
        const ws = wb.addWorksheet(name, { state });
        ws.addRow(['指标', '单位', '2021年', '2022年']);
        indicatorRows(ws, 2);
      }
    });
    const run = await checkEveryWay(file);
    const { result, sheets } = run.direct as { result: CheckResult; sheets: SheetGrid[] };
    expect(sheets.map((s) => s.visibility)).toEqual(['visible', 'hidden', 'veryHidden']);
    for (const name of ['可见', '隐藏', '深度隐藏']) {
      expect(result.sheets.find((s) => s.sheet === name)).toMatchObject({ layout: 'wide', observations: 4 });
      expect(result.findings.filter((f) => f.cells[0].sheet === name).map((f) => f.ruleId)).toEqual(expect.arrayContaining(['balance.mismatch', 'balance.exceeds']));
    }
    expect(run.code).toBe(1);
    expect(run.json.files[0].sheets?.map((s) => s.sheet)).toEqual(['可见', '隐藏', '深度隐藏']);
  });

  // The sheet report of a hidden sheet says so (a user may not know the sheet is there).
  it('hidden and very hidden sheets: the sheet report says hidden', async () => {
    const file = await saveWorkbook('隐藏表2.xlsx', (wb) => {
      for (const [name, state] of [['隐藏', 'hidden'], ['深度隐藏', 'veryHidden']] as const) {
        const ws = wb.addWorksheet(name, { state });
        ws.addRow(['指标', '单位', '2021年', '2022年']);
        indicatorRows(ws, 2);
      }
    });
    const run = await checkEveryWay(file);
    const { result } = run.direct as { result: CheckResult };
    for (const s of result.sheets) expectBilingual(s.reason, /隐藏/, /hidden/i);
    expect(result.sheets.map((s) => [s.sheet, s.visibility, s.observations])).toEqual([
      ['隐藏', 'hidden', 4],
      ['深度隐藏', 'veryHidden', 4],
    ]);
    expectBilingual(result.sheets[1].reason, /深度隐藏/, /very hidden/i);
    // A visible sheet's report does not mention hiding.
    const visible = checkWorkbook({ name: 'v', sheets: [{ name: 'S', originRow: 0, originCol: 0, values: [['指标', '2022年'], ['a', 1]], visibility: 'visible' }] });
    expect(JSON.stringify(visible.sheets)).not.toMatch(/隐藏|hidden/i);
  });

  it(
    `a ${BIG_ROWS.toLocaleString('en-US')}-row sheet (long layout, streamed to disk) is read whole, exit 0`,
    async () => {
      const file = path.join(dir, '大表.xlsx');
      await writeLongSheet(file, BIG_ROWS);
      const run = await checkEveryWay(file, { cliOnly: true });
      expect(run.code).toBe(0);
      const f = run.json.files[0];
      expect(f.error).toBeUndefined();
      expect(f.sheets?.[0]).toMatchObject({ sheet: '长表', layout: 'long', observations: BIG_ROWS });
      expectBilingual(f.sheets?.[0].reason, new RegExp(`按长表.*读取，共 ${BIG_ROWS} 个数值`), new RegExp(`read as a long table.*: ${BIG_ROWS} values`));
      expect(f.findings.filter((x) => x.severity === 'error')).toEqual([]);
    },
    180_000,
  );

  it('duplicate indicator names: a warning that names both rows, and the differing values', async () => {
    const file = await saveWorkbook('重复指标.xlsx', (wb) => {
      const ws = wb.addWorksheet('法治指标');
      ws.addRow(['指标', '单位', '2021年', '2022年']);
      ws.addRow(['行政处罚案件数', '件', 10, 12]);
      ws.addRow(['行政许可件数', '件', 5, 6]);
      ws.addRow(['行政处罚案件数', '件', 11, 12]);
    });
    const run = await checkEveryWay(file);
    const { result } = run.direct as { result: CheckResult };
    const note = result.findings.find((f) => f.ruleId === 'layout.note');
    expect(note?.severity).toBe('warning');
    expectBilingual(note?.message, /重复的指标：“行政处罚案件数”（A2, A4）/, /more than once: "行政处罚案件数" \(A2, A4\)/);
    const conflict = result.findings.find((f) => f.ruleId === 'history.conflict');
    expectBilingual(conflict?.message, /C2 为 10.*C4 为 11/, /10.*11/);
    expect(run.code).toBe(0);
    expect(run.textZh).toContain('重复的指标');
    expect(run.textEn).toContain('more than once');
  });

  it('duplicate year columns: a warning naming both header cells; only the first column is read', async () => {
    const file = await saveWorkbook('重复年份.xlsx', (wb) => {
      const ws = wb.addWorksheet('法治指标');
      ws.addRow(['指标', '单位', '2021年', '2022年', '2022']);
      ws.addRow(['行政处罚案件数', '件', 10, 12, 13]);
      ws.addRow(['行政许可件数', '件', 5, 6, 7]);
    });
    const run = await checkEveryWay(file);
    const { result } = run.direct as { result: CheckResult };
    expect(result.observations).toBe(4);
    const note = result.findings.find((f) => f.ruleId === 'layout.note');
    expectBilingual(note?.message, /年份列 2022 重复（D1, E1）/, /year column 2022 more than once \(D1, E1\)/);
    expect(run.code).toBe(0);
  });

  it('formulas that evaluate to errors (#DIV/0!, #N/A, #REF! cached results): one error each, naming the code', async () => {
    const file = await saveWorkbook('公式错误.xlsx', (wb) => {
      const ws = wb.addWorksheet('法治指标');
      ws.addRow(['指标', '单位', '2022年']);
      ws.addRow(['行政处罚案件数', '件', { formula: 'C3/0', result: { error: '#DIV/0!' } }]);
      ws.addRow(['行政许可件数', '件', { formula: 'NA()', result: { error: '#N/A' } }]);
      ws.addRow(['执法人员数', '人', { formula: '#REF!+1', result: { error: '#REF!' } }]);
      ws.addRow(['投诉举报件数', '件', { formula: 'C3+C4', result: 4 }]);
    } );
    const run = await checkEveryWay(file);
    const { result } = run.direct as { result: CheckResult };
    const errors = result.findings.filter((f) => f.ruleId === 'value.excel-error');
    expect(errors.map((f) => f.cells[0].address)).toEqual(['C2', 'C3', 'C4']);
    for (const [f, code] of errors.map((f, i) => [f, ['#DIV/0!', '#N/A', '#REF!'][i]] as const)) {
      expect(f.severity).toBe('error');
      expectBilingual(f.message, new RegExp(`Excel 错误值 ${code.replace(/[/!?]/g, '\\$&')}`), new RegExp(`Excel error ${code.replace(/[/!?]/g, '\\$&')}`));
    }
    expect(result.findings.some((f) => f.cells[0].address === 'C5' && f.severity === 'error')).toBe(false);
    expect(run.code).toBe(1);
  });

  describe('a file named .xlsx that is not an .xlsx workbook', () => {
    it.each([
      ['plain text', '笔记.xlsx', Buffer.from('这是一份工作总结，不是表格。\n', 'utf8')],
      ['CSV', '导出.xlsx', Buffer.from('指标,单位,2022年\n行政处罚案件数,件,12\n', 'utf8')],
      ['PDF', '报告.xlsx', Buffer.concat([Buffer.from('%PDF-1.4\n%âãÏÓ\n', 'latin1'), Buffer.alloc(200, 0x20)])],
      ['HTML saved as .xlsx', '网页.xlsx', Buffer.from('<html><body><table><tr><td>指标</td></tr></table></body></html>', 'utf8')],
    ])('%s: "not an .xlsx workbook", exit 2', async (_kind, name, bytes) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, bytes);
      const run = await checkEveryWay(file);
      expectUnreadable(run, /不是 \.xlsx 工作簿/, /not an \.xlsx workbook/);
    });

    it('an empty file (0 bytes): "is empty", exit 2', async () => {
      const file = path.join(dir, '空文件.xlsx');
      fs.writeFileSync(file, Buffer.alloc(0));
      const run = await checkEveryWay(file);
      expectUnreadable(run, /是空文件/, /is empty/);
    });

    it('a zip archive that is not a workbook: "no worksheet to read", exit 2', async () => {
      const file = path.join(dir, '压缩包.xlsx');
      fs.writeFileSync(file, zipOf({ 'readme.txt': '不是工作簿', 'data/a.csv': '指标,2022\n' }, true));
      const run = await checkEveryWay(file);
      expectUnreadable(run, /没有可读取的工作表/, /no worksheet to read/);
    });
  });

  describe('a corrupt zip', () => {
    async function goodBytes(): Promise<Buffer> {
      const file = await saveWorkbook('好.xlsx', (wb) => {
        const ws = wb.addWorksheet('法治指标');
        ws.addRow(['指标', '单位', '2021年', '2022年']);
        for (let i = 0; i < 40; i++) ws.addRow([`指标${i}`, '件', i * 10, i * 11]);
      });
      return fs.readFileSync(file);
    }

    it('truncated to half: "damaged or not a valid .xlsx", exit 2', async () => {
      const bytes = await goodBytes();
      const file = path.join(dir, '截断.xlsx');
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
      const run = await checkEveryWay(file);
      expectUnreadable(run, /已损坏或不是有效的 \.xlsx/, /damaged or not a valid \.xlsx/);
      expect((run.direct as { error: Bilingual }).error['en-US']).not.toMatch(/Bug :/);
    });

    it('one byte flipped in the middle: "damaged or not a valid .xlsx", exit 2', async () => {
      const bytes = Buffer.from(await goodBytes());
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
      const file = path.join(dir, '翻转.xlsx');
      fs.writeFileSync(file, bytes);
      const run = await checkEveryWay(file);
      expectUnreadable(run, /已损坏或不是有效的 \.xlsx/, /damaged or not a valid \.xlsx/);
    });
  });

  it('a password-protected workbook (an OLE compound file): says 密码 / password, exit 2', async () => {
    const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const bytes = Buffer.concat([header, Buffer.alloc(16, 0), Buffer.from([0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff, 0x09, 0x00]), Buffer.alloc(512 - 32, 0)]);
    const file = path.join(dir, '加密.xlsx');
    fs.writeFileSync(file, bytes);
    const run = await checkEveryWay(file);
    expectUnreadable(run, /密码/, /password/);
  });
});
