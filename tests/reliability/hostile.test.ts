// Hostile and huge files: each gets a correct check or a bilingual message that says where and
// why, in bounded time and memory, from both .xlsx readers (the CLI's streaming reader and the
// ExcelJS reader of the browser preview and npm run summary), never a crash or a hang. Files are
// built here with JSZip (big parts from generators, so the test's own memory stays small); the
// cases whose point is the reader's memory run in a child process with its own heap limit
// (isolated.ts), where running out of memory shows as 'oom' instead of killing jest.
//
// A 100 MB shared-strings part is tested twice: read at the default limits in a child with a
// 1 GB heap, and refused at once with the per-part limit lowered to 32 MB through
// StreamReadOptions.limits (the same limit the CLI applies at 256 MB).
import JSZip from 'jszip';
import * as fs from 'fs';
import * as path from 'path';
import { Readable } from 'stream';
import { checkWorkbook } from '../../src/core/engine';
import type { Bilingual, CheckResult, WorkbookSnapshot } from '../../src/core/types';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { WorkbookReadError } from '../../src/hosts/xlsx/errors';
import { readXlsx } from '../../src/hosts/xlsx/read-xlsx';
import { readXlsxStream, type StreamReadOptions } from '../../src/hosts/xlsx/read-xlsx-stream';
import { createFakeExcel, type FakeSheetSpec } from '../fakes/fake-excel';
import { checkInChild } from './isolated';
import { hasChinese, tempDir } from './support';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const RT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

type Content = string | Buffer | Readable;

interface SheetDef {
  name: string;
  /** The whole part, instead of before + rows + after. */
  xml?: Content;
  rows?: string;
  before?: string;
  after?: string;
}

const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const text = (ref: string, t: string): string => `<c r="${ref}" t="inlineStr"><is><t>${esc(t)}</t></is></c>`;
const num = (ref: string, v: number, s?: number): string => `<c r="${ref}"${s ? ` s="${s}"` : ''}><v>${v}</v></c>`;
const row = (r: number, cells: string): string => `<row r="${r}">${cells}</row>`;

/** A small indicator table with one planted error (a part above its total, D2 vs D3), rows 1–3. */
const TABLE =
  row(1, text('A1', '指标') + text('B1', '单位') + text('C1', '2021年') + text('D1', '2022年')) +
  row(2, text('A2', '行政处罚案件数') + text('B2', '件') + num('C2', 10) + num('D2', 12)) +
  row(3, text('A3', '其中：公共场所卫生') + text('B3', '件') + num('C3', 4) + num('D3', 20));

/** The parts of a workbook with these sheets; `extra` adds or replaces parts (null removes one). */
function parts(sheets: SheetDef[], extra: Record<string, Content | null> = {}): Record<string, Content> {
  const files: Record<string, Content | null> = {
    '[Content_Types].xml': `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': `${DECL}<Relationships ${RELS}><Relationship Id="rId1" Type="${RT}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${DECL}<workbook ${NS}><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${DECL}<Relationships ${RELS}>${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${RT}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = s.xml ?? `${DECL}<worksheet ${NS}>${s.before ?? ''}<sheetData>${s.rows ?? ''}</sheetData>${s.after ?? ''}</worksheet>`;
  });
  Object.assign(files, extra);
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, Content] => e[1] !== null));
}

/** A zip of the parts, written by JSZip (streams are read lazily; deflated at level 1 unless told). */
async function zip(files: Record<string, Content>, level = 1): Promise<Buffer> {
  const z = new JSZip();
  for (const [name, content] of Object.entries(files)) z.file(name, content);
  return z.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level } });
}

/** Text from a generator, as a stream (a part of any size without holding it). */
function lazy(pieces: () => Generator<string>): Readable {
  return Readable.from(pieces(), { objectMode: false });
}

let dir: string;
beforeAll(() => {
  dir = tempDir('hostile');
});

async function save(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

type Read = { snapshot: WorkbookSnapshot; ms: number } | { error: Bilingual; ms: number };

async function read(how: 'stream' | 'full', bytes: Buffer, options: StreamReadOptions = {}): Promise<Read> {
  const t0 = Date.now();
  try {
    const snapshot = how === 'stream' ? await readXlsxStream(bytes, 'x.xlsx', options) : await readXlsx(bytes, 'x.xlsx');
    return { snapshot, ms: Date.now() - t0 };
  } catch (e) {
    if (!(e instanceof WorkbookReadError)) throw e; // anything else is a crash
    return { error: e.bilingual, ms: Date.now() - t0 };
  }
}

/** Both readers: the same snapshot (or the same error), each within `ms`. */
async function bothReaders(bytes: Buffer, ms = 10_000): Promise<Read> {
  const stream = await read('stream', bytes);
  const full = await read('full', bytes);
  expect(stream.ms).toBeLessThan(ms);
  expect(full.ms).toBeLessThan(ms);
  expect('snapshot' in stream ? stream.snapshot : stream.error).toEqual('snapshot' in full ? full.snapshot : full.error);
  return stream;
}

function snapshotOf(r: Read): WorkbookSnapshot {
  if (!('snapshot' in r)) throw new Error(`refused: ${r.error['en-US']}`);
  return r.snapshot;
}

function errorOf(r: Read): Bilingual {
  if (!('error' in r)) throw new Error('read, not refused');
  return r.error;
}

/** A message in both languages, each matching its pattern. */
function expectBilingual(m: Bilingual | undefined, zh: RegExp, en: RegExp): void {
  expect(m).toBeDefined();
  const b = m as Bilingual;
  expect(hasChinese(b['zh-CN'])).toBe(true);
  expect(b['zh-CN']).toMatch(zh);
  expect(b['en-US']).toMatch(en);
  expect(hasChinese(b['en-US'].replace(/"[^"]*"/g, ''))).toBe(false);
}

const ids = (r: CheckResult): string[] => r.findings.map((f) => `${f.ruleId}@${f.cells[0]?.sheet}!${f.cells[0]?.address}`);

/** The table's own finding: the check ran on it. */
const TABLE_CHECKED = (sheet: string) => expect.stringMatching(new RegExp(`^balance\\.(exceeds|part-exceeds)@${sheet}!`));

// -----------------------------------------------------------------------------------------------

describe('sparse sheets: memory and time follow the non-empty cells', () => {
  it('one stray value at XFD1048576 beside a three-row table: the table is read and checked, the stray cell is named, in bounded time and memory', async () => {
    const bytes = await zip(parts([{ name: '指标', rows: TABLE + row(1048576, num('XFD1048576', 1)) }]));
    const r = await bothReaders(bytes, 5_000);
    const g = snapshotOf(r).sheets[0];
    expect([g.originRow, g.originCol, g.values.length, g.values[0].length]).toEqual([0, 0, 3, 4]);
    expect(g.notes).toHaveLength(1);
    expect(g.notes?.[0]).toMatchObject({ ruleId: 'sheet.far-cells', address: 'XFD1048576' });
    expectBilingual(g.notes?.[0].message, /工作表“指标”在 XFD1048576 处有 1 个远离数据区（A1:D3）的单元格，已忽略；如需校验请移到表格内。/, /Sheet "指标" has 1 non-empty cell far from its data \(A1:D3\), at XFD1048576: it was left out\. Move it into the table/);
    const result = checkWorkbook(snapshotOf(r));
    expect(ids(result)).toEqual(expect.arrayContaining(['sheet.far-cells@指标!XFD1048576', TABLE_CHECKED('指标')]));
    expect(result.findings.find((f) => f.ruleId === 'sheet.far-cells')?.severity).toBe('warning');
    // The command line's reader and check in a process of its own with a 256 MB heap.
    const child = await checkInChild(await save('stray.xlsx', bytes), { heapMB: 256, timeoutMs: 60_000 });
    expect(child.outcome).toBe('checked');
    if (child.outcome !== 'checked') return;
    expect(child.findings.map((f) => f.ruleId)).toContain('sheet.far-cells');
    expect(child.sheets[0]).toMatchObject({ rows: 3, cols: 4 });
    expect(child.peakMB).toBeLessThan(400);
  }, 120_000);

  it('a formatted but empty cell at XFD1048576 changes nothing (no note: nothing is lost)', async () => {
    const styles = `${DECL}<styleSheet ${NS}><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"/></patternFill></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="1" borderId="0" xfId="0" applyFill="1"/></cellXfs></styleSheet>`;
    const bytes = await zip(parts([{ name: '指标', rows: TABLE + row(1048576, '<c r="XFD1048576" s="1"/>') }], { 'xl/styles.xml': styles }));
    const g = snapshotOf(await bothReaders(bytes, 5_000)).sheets[0];
    expect([g.values.length, g.values[0].length]).toEqual([3, 4]);
    expect(g.notes).toBeUndefined();
  });

  it('formatting spread over whole rows (16,384 styled empty cells a row) costs runs, not cells', async () => {
    const styles = `${DECL}<styleSheet ${NS}><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;
    const letters = (c: number): string => {
      let s = '';
      for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      return s;
    };
    const styledRow = (r: number): string => row(r, Array.from({ length: 16384 }, (_, c) => `<c r="${letters(c)}${r}" s="1"/>`).join(''));
    const bytes = await zip(parts([{ name: '指标', rows: TABLE + Array.from({ length: 40 }, (_, i) => styledRow(10 + i)).join('') }], { 'xl/styles.xml': styles }));
    // 655,360 styled empty cells: a cell budget of 1,000 is enough, since they are kept as runs.
    const r = await read('stream', bytes, { limits: { maxCells: 1000 } });
    const g = snapshotOf(r).sheets[0];
    expect([g.values.length, g.values[0].length]).toEqual([3, 4]);
    expect(r.ms).toBeLessThan(15_000);
  }, 60_000);

  it('three far cells are all counted and named; a second table 5,000 rows down is still read whole', async () => {
    const bytes = await zip(
      parts([
        { name: '远', rows: TABLE + row(900000, num('Z900000', 7)) + row(1048576, num('A1048576', 8) + num('XFD1048576', 9)) },
        { name: '两表', rows: TABLE + row(5000, text('A5000', '附表') + num('B5000', 3)) },
      ]),
    );
    const [far, two] = snapshotOf(await bothReaders(bytes, 5_000)).sheets;
    expect([far.values.length, far.values[0].length]).toEqual([3, 4]);
    expectBilingual(far.notes?.[0].message, /在 Z900000、A1048576、XFD1048576 处有 3 个远离数据区/, /has 3 non-empty cells far from its data \(A1:D3\), at Z900000, A1048576, XFD1048576: they were left out/);
    expect(two.values.length).toBe(5000);
    expect(two.notes).toBeUndefined();
    expect(two.values[4999].slice(0, 2)).toEqual(['附表', 3]);
  });

  it('values scattered with no far group over a huge sparse region: that sheet is not read (its size is said), the others are checked', async () => {
    // Every 500th row of 11 columns, down to row 1,000,000: 22,000 values in 11 M cells.
    const cells = 'ABCDEFGHIJK'.split('');
    const bytes = await zip(
      parts([
        {
          name: '散点',
          xml: lazy(function* () {
            yield `${DECL}<worksheet ${NS}><sheetData>`;
            for (let r = 500; r <= 1_000_000; r += 500) yield row(r, cells.map((c) => num(`${c}${r}`, r)).join(''));
            yield '</sheetData></worksheet>';
          }),
        },
        { name: '指标', rows: TABLE },
      ]),
    );
    const r = await bothReaders(bytes, 15_000);
    const [scatter, table] = snapshotOf(r).sheets;
    expect(scatter.values).toEqual([]);
    expectBilingual(scatter.unread, /工作表“散点”的数据区 A500:K1000000 共 10,994,511 个单元格（其中非空 22,000 个），超过一次可校验的上限 10,000,000 个，未校验。/, /its data region A500:K1000000 spans 10,994,511 cells \(22,000 of them non-empty\)/);
    const result = checkWorkbook(snapshotOf(r));
    expect(result.sheets[0]).toMatchObject({ sheet: '散点', layout: 'skipped', reason: scatter.unread });
    expect(ids(result)).toEqual(expect.arrayContaining(['sheet.unread@散点!A1', TABLE_CHECKED('指标')]));
    expect(table.values.length).toBe(3);
  }, 60_000);

  it('a <dimension> of A1:XFD1048576 is only a hint', async () => {
    const bytes = await zip(parts([{ name: '指标', before: '<dimension ref="A1:XFD1048576"/>', rows: TABLE }]));
    const g = snapshotOf(await bothReaders(bytes, 2_000)).sheets[0];
    expect([g.values.length, g.values[0].length]).toEqual([3, 4]);
  });
});

// -----------------------------------------------------------------------------------------------

describe('zip bombs and size limits', () => {
  it('a part that inflates more than 500:1 is refused from its stated sizes, before it is inflated', async () => {
    const bytes = await zip(
      parts([
        {
          name: '指标',
          xml: lazy(function* () {
            yield `${DECL}<worksheet ${NS}><sheetData>${TABLE}</sheetData>`;
            for (let i = 0; i < 320; i++) yield ' '.repeat(1 << 16); // 20 MB of blanks
            yield '</worksheet>';
          }),
        },
      ]),
      9,
    );
    const r = await bothReaders(bytes, 2_000);
    expectBilingual(errorOf(r), /部件 xl\/worksheets\/sheet1\.xml 压缩后 .*、解压后 20\.0 MB，压缩比 [\d,]+:1，超过上限 500:1，可能是“压缩炸弹”/, /part xl\/worksheets\/sheet1\.xml inflates from .* to 20\.0 MB, a ratio of [\d,]+:1, above the limit of 500:1 \(a possible zip bomb\)/);
  });

  it('a part whose header says 2 KB but which inflates to 50 MB stops at 2 KB ("damaged"), in a 128 MB heap', async () => {
    const bytes = await zip(
      parts([
        {
          name: '指标',
          xml: lazy(function* () {
            yield `${DECL}<worksheet ${NS}><sheetData>${TABLE}</sheetData>`;
            for (let i = 0; i < 800; i++) yield ' '.repeat(1 << 16);
            yield '</worksheet>';
          }),
        },
      ]),
    );
    const lying = statedSize(bytes, 'xl/worksheets/sheet1.xml', 2048);
    const r = await bothReaders(lying, 3_000);
    expectBilingual(errorOf(r), /已损坏或不是有效的 \.xlsx（uncompressed data size mismatch）/, /damaged or not a valid \.xlsx \(uncompressed data size mismatch\)/);
    const child = await checkInChild(await save('lying.xlsx', lying), { heapMB: 128, timeoutMs: 30_000 });
    expect(child.outcome).toBe('refused');
    if (child.outcome === 'refused') expect(child.peakMB).toBeLessThan(300);
  }, 60_000);

  it('the inflated size of all parts together is limited (here lowered to 4 MB)', async () => {
    const bytes = await zip(parts([{ name: '指标', rows: TABLE + Array.from({ length: 60_000 }, (_, i) => row(10 + i, text(`A${10 + i}`, `说明第${i}行`))).join('') }]));
    const r = await read('stream', bytes, { limits: { maxTotalBytes: 4 * 1024 * 1024 } });
    expectBilingual(errorOf(r), /解压后共 .* MB（最大的部件 xl\/worksheets\/sheet1\.xml 为 .* MB），超过上限 4\.0 MB，未读取/, /inflates to .* MB \(the largest part, xl\/worksheets\/sheet1\.xml, to .* MB\), above the limit of 4\.0 MB/);
  });

  it('a package of more parts than the limit (here lowered to 50) is refused before JSZip lists them', async () => {
    const extra: Record<string, string> = {};
    for (let i = 0; i < 60; i++) extra[`customXml/item${i}.xml`] = '<x/>';
    const r = await read('stream', await zip(parts([{ name: '指标', rows: TABLE }], extra)), { limits: { maxEntries: 50 } });
    // 60 items, the workbook's parts and the folder entries JSZip writes.
    expectBilingual(errorOf(r), /压缩包中有 \d+ 个部件，超过上限 50 个/, /its package holds \d+ parts, above the limit of 50/);
  });

  describe('a 100 MB shared-strings part', () => {
    let bytes: Buffer;
    beforeAll(async () => {
      bytes = await zip(
        parts([{ name: '指标', rows: TABLE + row(4, '<c r="A4" t="s"><v>0</v></c><c r="B4" t="s"><v>1</v></c>') }], {
          'xl/sharedStrings.xml': lazy(function* () {
            yield `${DECL}<sst ${NS}>`;
            let n = 0;
            for (let i = 0; n < 100 * 1024 * 1024; i++) {
              let s = '';
              for (let k = 0; k < 1000; k++, i++) s += `<si><t>指标名称第${i}项</t></si>`;
              n += Buffer.byteLength(s);
              yield s;
            }
            yield '</sst>';
          }),
        }),
      );
    }, 60_000);

    it('is refused at once, naming the part, when the per-part limit is lowered to 32 MB', async () => {
      const r = await read('stream', bytes, { limits: { maxPartBytes: 32 * 1024 * 1024 } });
      expect(r.ms).toBeLessThan(2_000);
      expectBilingual(errorOf(r), /部件 xl\/sharedStrings\.xml 解压后为 100 MB，超过单个部件的上限 32\.0 MB/, /part xl\/sharedStrings\.xml inflates to 100 MB, above the limit of 32\.0 MB for one part/);
    });

    it('is read and checked at the default limits by the command line, in a 1 GB heap', async () => {
      const child = await checkInChild(await save('sst.xlsx', bytes), { heapMB: 1024, timeoutMs: 120_000 });
      expect(child.outcome).toBe('checked');
      if (child.outcome !== 'checked') return;
      expect(child.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining([expect.stringMatching(/^balance\./)]));
      expect(child.peakMB).toBeLessThan(1400);
    }, 150_000);
  });
});

/** The zip with the local and central headers of `part` stating `size` as its inflated size. */
function statedSize(bytes: Buffer, part: string, size: number): Buffer {
  const out = Buffer.from(bytes);
  const name = Buffer.from(part, 'utf8');
  for (let i = 0; i + 46 < out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && out.readUInt16LE(i + 26) === name.length && out.subarray(i + 30, i + 30 + name.length).equals(name)) out.writeUInt32LE(size, i + 22);
    if (sig === 0x02014b50 && out.readUInt16LE(i + 28) === name.length && out.subarray(i + 46, i + 46 + name.length).equals(name)) out.writeUInt32LE(size, i + 24);
  }
  return out;
}

// -----------------------------------------------------------------------------------------------

describe('XML that is not what Excel writes', () => {
  const LOL = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';
  it.each([
    ['entity expansion (billion laughs) in a sheet', 'xl/worksheets/sheet1.xml', `<?xml version="1.0"?>${LOL}<worksheet ${NS}><sheetData>${row(1, '<c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c>')}</sheetData></worksheet>`],
    ['an external entity (a file on the machine)', 'xl/worksheets/sheet1.xml', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet ${NS}><sheetData>${row(1, '<c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c>')}</sheetData></worksheet>`],
    ['a DOCTYPE in the shared strings', 'xl/sharedStrings.xml', `<?xml version="1.0"?>${LOL}<sst ${NS}><si><t>&lol3;</t></si></sst>`],
    ['a DOCTYPE in workbook.xml', 'xl/workbook.xml', `<?xml version="1.0"?><!DOCTYPE workbook SYSTEM "http://example.invalid/x.dtd"><workbook ${NS}><sheets><sheet name="指标" sheetId="1" r:id="rId1"/></sheets></workbook>`],
  ])('%s: refused, naming the part', async (_what, part, xml) => {
    const files = part === 'xl/worksheets/sheet1.xml' ? parts([{ name: '指标', xml }]) : parts([{ name: '指标', rows: TABLE }], { [part]: xml });
    const r = await bothReaders(await zip(files), 2_000);
    expectBilingual(errorOf(r), new RegExp(`部件 ${part.replace(/\./g, '\\.')} 含有 DOCTYPE`), new RegExp(`its part ${part.replace(/\./g, '\\.')} has a DOCTYPE`));
  });

  it('elements nested 300,000 deep (after the rows, and inside a cell): bounded time, the same reading from both readers', async () => {
    const deep = (n: number): string => `${'<x>'.repeat(n)}${'</x>'.repeat(n)}`;
    const after = await bothReaders(await zip(parts([{ name: '指标', rows: TABLE, after: `<extLst>${deep(300_000)}</extLst>` }])), 15_000);
    expect(snapshotOf(after).sheets[0].values.length).toBe(3);
    const inCell = await bothReaders(await zip(parts([{ name: '指标', rows: TABLE + row(4, `<c r="A4">${deep(300_000)}</c>`) }])), 15_000);
    expect('snapshot' in inCell || 'error' in inCell).toBe(true);
  }, 60_000);
});

// -----------------------------------------------------------------------------------------------

describe('many, long and odd things', () => {
  it('2,000 sheets: every one is read and checked', async () => {
    const sheets = Array.from({ length: 2000 }, (_, i) => ({ name: `表${i + 1}`, rows: TABLE }));
    const t0 = Date.now();
    const r = await read('stream', await zip(parts(sheets)));
    const result = checkWorkbook(snapshotOf(r));
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect(result.sheets.filter((s) => s.layout === 'wide')).toHaveLength(2000);
    expect(new Set(result.findings.filter((f) => f.ruleId.startsWith('balance.')).map((f) => f.cells[0].sheet)).size).toBe(2000);
  }, 120_000);

  it('a million merged ranges: the command-line reader checks the table; the ExcelJS reader says it cannot, and why', async () => {
    const bytes = await zip(
      parts([
        {
          name: '指标',
          xml: lazy(function* () {
            yield `${DECL}<worksheet ${NS}><sheetData>${TABLE}</sheetData><mergeCells count="1000000">`;
            for (let i = 0; i < 1000; i++) {
              let s = '';
              for (let k = 0; k < 1000; k++) s += `<mergeCell ref="A${10 + i * 1000 + k}:B${10 + i * 1000 + k}"/>`;
              yield s;
            }
            yield '</mergeCells></worksheet>';
          }),
        },
      ]),
    );
    const stream = await read('stream', bytes);
    expect(stream.ms).toBeLessThan(45_000);
    const g = snapshotOf(stream).sheets[0];
    // The merged rows are blank: the region is the table's.
    expect([g.values.length, g.values[0].length]).toEqual([3, 4]);
    expect(ids(checkWorkbook(snapshotOf(stream)))).toEqual(expect.arrayContaining([TABLE_CHECKED('指标')]));
    const full = await read('full', bytes);
    expect(full.ms).toBeLessThan(10_000);
    expectBilingual(errorOf(full), /有 1,000,000 个合并区域，共 2,000,000 个单元格，超过此处可处理的上限/, /has 1,000,000 merged areas covering 2,000,000 cells, above what this reader can handle/);
  }, 120_000);

  it('one merged area of C5:XFD1048576 (a whole block merged by accident): the table is checked by the command line', async () => {
    const bytes = await zip(parts([{ name: '指标', rows: TABLE, after: '<mergeCells count="1"><mergeCell ref="C5:XFD1048576"/></mergeCells>' }]));
    const stream = await read('stream', bytes);
    expect(stream.ms).toBeLessThan(5_000);
    expect(snapshotOf(stream).sheets[0].values.length).toBe(3);
    expectBilingual(errorOf(await read('full', bytes)), /1 个合并区域，共 17,177,706,504 个单元格/, /1 merged area covering 17,177,706,504 cells/);
  });

  it('overlapping merged areas: the same "damaged" message from both readers, also among 4,000 areas', async () => {
    const merges = Array.from({ length: 4000 }, (_, i) => `<mergeCell ref="A${10 + i}:B${10 + i}"/>`).join('') + '<mergeCell ref="B4009:C4009"/>';
    const r = await bothReaders(await zip(parts([{ name: '指标', rows: TABLE, after: `<mergeCells>${merges}</mergeCells>` }])), 10_000);
    expectBilingual(errorOf(r), /已损坏或不是有效的 \.xlsx（Cannot merge already merged cells）/, /Cannot merge already merged cells/);
  }, 30_000);

  it('cells of 32,767 characters (Excel\'s most) are read and checked; a message quotes at most 500 of them', async () => {
    const long = '长'.repeat(32767);
    const digits = '9'.repeat(32767);
    const r = await bothReaders(await zip(parts([{ name: '指标', rows: TABLE + row(4, text('A4', long) + text('B4', '件') + text('C4', `${digits}件`) + num('D4', 1)) }])));
    expect(snapshotOf(r).sheets[0].values[3][0]).toBe(long);
    const result = checkWorkbook(snapshotOf(r));
    for (const f of result.findings) {
      expect(f.message['zh-CN'].length).toBeLessThan(1300);
      expect(f.message['en-US'].length).toBeLessThan(1300);
    }
    expect(result.findings.some((f) => f.cells[0].address === 'C4' && /共 32768 字/.test(f.message['zh-CN']) && /\(32768 characters\)/.test(f.message['en-US']))).toBe(true);
  });

  it('shared formulas without results: each is "not calculated", never blank, also without its first cell', async () => {
    const rows =
      row(1, text('A1', '指标') + text('B1', '2022年')) +
      row(2, text('A2', '行政处罚案件数') + '<c r="B2"><f t="shared" ref="B2:B3" si="0">C2*2</f></c>') +
      row(3, text('A3', '行政许可件数') + '<c r="B3"><f t="shared" si="0"/></c>') +
      row(4, text('A4', '罚没款') + '<c r="B4"><f t="shared" si="7"/></c>');
    const r = await bothReaders(await zip(parts([{ name: '指标', rows }])));
    expect(snapshotOf(r).sheets[0].values.map((v) => v[1])).toEqual(['2022年', '=C2*2', '=C3*2', '=?']);
    const result = checkWorkbook(snapshotOf(r));
    expect(result.findings.filter((f) => f.ruleId === 'value.formula-uncalculated').map((f) => f.cells[0].address)).toEqual(['B2', 'B3', 'B4']);
  });

  it('30,000 cell styles: read, and the last one still gives its number format', async () => {
    const xfs = Array.from({ length: 30000 }, (_, i) => `<xf numFmtId="${i === 29999 ? 10 : 0}" fontId="0" fillId="0" borderId="0" xfId="0"${i === 29999 ? ' applyNumberFormat="1"' : ''}/>`).join('');
    const styles = `${DECL}<styleSheet ${NS}><fonts count="1"><font><sz val="11"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="30000">${xfs}</cellXfs></styleSheet>`;
    const rows = row(1, text('A1', '指标') + text('B1', '2022年')) + row(2, text('A2', '法制审核率') + num('B2', 0.9, 29999));
    const r = await bothReaders(await zip(parts([{ name: '指标', rows }], { 'xl/styles.xml': styles })), 10_000);
    expect(snapshotOf(r).sheets[0].numberFormats?.[1][1]).toBe('0.00%');
  });

  it('sheet names that collide: in case only, refused naming the name; in width and spaces, a warning names both and every sheet is checked', async () => {
    // ExcelJS, like Excel, takes names case-insensitively and will not hold both.
    const byCase = await bothReaders(await zip(parts([{ name: 'Sheet1', rows: TABLE }, { name: 'sheet1', rows: TABLE }])));
    expectBilingual(errorOf(byCase), /已损坏或不是有效的 \.xlsx（Worksheet name already exists: sheet1）/, /Worksheet name already exists: sheet1/);
    const r = await bothReaders(await zip(parts([{ name: '2022年', rows: TABLE }, { name: '２０２２年 ', rows: TABLE }, { name: '指标', rows: TABLE }, { name: ' 指标', rows: TABLE }])));
    const result = checkWorkbook(snapshotOf(r));
    const collide = result.findings.filter((f) => f.ruleId === 'workbook.sheet-names-collide');
    expect(collide.map((f) => f.cells[0].sheet)).toEqual(['２０２２年 ', ' 指标']);
    expectBilingual(collide[0].message, /工作表名称“２０２２年 ”与“2022年”在忽略大小写、全角半角和首尾空格后相同/, /The sheet names "２０２２年 " and "2022年" are the same once case/);
    expect(result.sheets.filter((s) => s.layout !== 'skipped')).toHaveLength(4);
  });
});

// -----------------------------------------------------------------------------------------------

describe('broken packages', () => {
  it('truncated at several points (inside the central directory, a local header, the data): "damaged", from both readers', async () => {
    const bytes = await zip(parts([{ name: '指标', rows: TABLE }, { name: '二', rows: TABLE }]));
    for (const at of [bytes.length - 10, bytes.length - 60, Math.floor(bytes.length * 0.7), Math.floor(bytes.length / 3), 40, 4]) {
      const r = await bothReaders(bytes.subarray(0, at), 2_000);
      expectBilingual(errorOf(r), /已损坏或不是有效的 \.xlsx|不是 \.xlsx 工作簿/, /damaged or not a valid \.xlsx|not an \.xlsx workbook/);
    }
  });

  it('a sheet whose part is missing is reported at its place, and the other sheets are checked', async () => {
    const r = await bothReaders(await zip(parts([{ name: '一', rows: TABLE }, { name: '缺', rows: TABLE }, { name: '三', rows: TABLE }], { 'xl/worksheets/sheet2.xml': null })));
    const snap = snapshotOf(r);
    expect(snap.sheets.map((s) => s.name)).toEqual(['一', '缺', '三']);
    expectBilingual(snap.sheets[1].unread, /工作表“缺”的数据部件 xl\/worksheets\/sheet2\.xml 在文件中缺失或无法读取/, /Sheet "缺" was not checked: its part xl\/worksheets\/sheet2\.xml is missing from the file or cannot be read/);
    const result = checkWorkbook(snap);
    expect(ids(result)).toEqual(expect.arrayContaining(['sheet.unread@缺!A1', TABLE_CHECKED('一'), TABLE_CHECKED('三')]));
  });

  it('text cells with no shared-strings part: refused (never read as numbers), naming what is missing', async () => {
    const rows = row(1, '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>') + row(2, '<c r="A2" t="s"><v>2</v></c><c r="B2"><v>5</v></c>');
    const r = await bothReaders(await zip(parts([{ name: '指标', rows }])));
    expectBilingual(errorOf(r), /没有 xl\/sharedStrings\.xml/, /xl\/sharedStrings\.xml is missing/);
  });

  it('two sheets with one sheetId (written by another program): both are read and checked by both readers, in order', async () => {
    const files = parts([{ name: '甲', rows: TABLE }, { name: '乙', rows: TABLE }, { name: '丙', rows: TABLE }]);
    files['xl/workbook.xml'] = String(files['xl/workbook.xml']).replace('sheetId="2"', 'sheetId="1"').replace('sheetId="3"', 'sheetId="x"');
    const r = await bothReaders(await zip(files));
    const snap = snapshotOf(r);
    expect(snap.sheets.map((s) => s.name)).toEqual(['甲', '乙', '丙']);
    expect(snap.sheets.every((s) => s.values[1]?.[3] === 12)).toBe(true);
    expect(ids(checkWorkbook(snap))).toEqual(expect.arrayContaining([TABLE_CHECKED('甲'), TABLE_CHECKED('乙'), TABLE_CHECKED('丙')]));
  });

  it('a text cell naming a shared string past the table\'s end: both readers say which cell; never read as blank', async () => {
    const sst = `${DECL}<sst ${NS} count="2" uniqueCount="2"><si><t>指标</t></si><si><t>2022年</t></si></sst>`;
    const rows = row(1, '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>') + row(2, '<c r="A2" t="s"><v>7</v></c><c r="B2"><v>5</v></c>');
    const bytes = await zip(parts([{ name: '指标', rows }], { 'xl/sharedStrings.xml': sst }));
    expectBilingual(errorOf(await bothReaders(bytes)), /单元格 A2 引用了第 8 个共享字符串，但共享字符串表只有 2 个/, /cell A2 of its sheet part xl\/worksheets\/sheet1\.xml refers to shared string 8, but the shared-strings table has only 2/);
  });

  it('no workbook.xml: "no worksheet to read"; no styles.xml: read as unformatted', async () => {
    const noBook = await bothReaders(await zip(parts([{ name: '指标', rows: TABLE }], { 'xl/workbook.xml': null })));
    expectBilingual(errorOf(noBook), /没有可读取的工作表/, /no worksheet to read/);
    const noStyles = await bothReaders(await zip(parts([{ name: '指标', rows: TABLE.replace('<c r="D2">', '<c r="D2" s="3">') }])));
    expect(snapshotOf(noStyles).sheets[0].values[1][3]).toBe(12);
  });
});

// -----------------------------------------------------------------------------------------------

describe('the same sparse sheet in Excel (the fake Excel)', () => {
  const spec = (extra: FakeSheetSpec['cells'] = {}): FakeSheetSpec => ({
    name: '指标',
    blocks: [{ at: 'A1', values: [['指标', '单位', '2021年', '2022年'], ['行政处罚案件数', '件', 10, 12], ['其中：公共场所卫生', '件', 4, 20]] }],
    cells: extra,
  });
  const host = (fake: ReturnType<typeof createFakeExcel>) => new ExcelHost((b) => fake.run(b), { platform: fake.platform, isSetSupported: (n, v) => fake.isSetSupported(n, v), syncTimeoutMs: 5000 });

  it('ExcelApi 1.9: the used range reaches XFD1048576, but only the table is read (5 syncs, a few KB), and the far cell is named', async () => {
    for (const platform of ['desktop', 'web'] as const) {
      const fake = createFakeExcel([spec({ XFD1048576: 1 })], { platform });
      const snap = await host(fake).readWorkbook();
      const g = snap.sheets[0];
      expect([g.originRow, g.originCol, g.values.length, g.values[0].length]).toEqual([0, 0, 3, 4]);
      expect(g.notes?.[0]).toMatchObject({ ruleId: 'sheet.far-cells', address: 'XFD1048576' });
      expectBilingual(g.notes?.[0].message, /在 XFD1048576 处有 1 个远离数据区（A1:D3）的单元格/, /at XFD1048576: it was left out/);
      expect(fake.syncCount).toBe(5);
      for (const s of fake.syncLog) expect(s.responseBytes).toBeLessThan(20_000);
      expect(ids(checkWorkbook(snap))).toEqual(expect.arrayContaining(['sheet.far-cells@指标!XFD1048576', TABLE_CHECKED('指标')]));
    }
  });

  it('the same as the file readers give (grid and note)', async () => {
    const fake = createFakeExcel([spec({ XFD1048576: 1 })]);
    const snap = await host(fake).readWorkbook();
    const file = snapshotOf(await read('stream', await zip(parts([{ name: '指标', rows: TABLE + row(1048576, num('XFD1048576', 1)) }])))).sheets[0];
    expect(snap.sheets[0].values).toEqual(file.values);
    expect(snap.sheets[0].notes).toEqual(file.notes);
  });

  it('ExcelApi 1.7 (no special cells): the sheet is not read, its size is said, and no cell was fetched (2 syncs)', async () => {
    const fake = createFakeExcel([spec({ XFD1048576: 1 })], { apiVersion: 7 });
    const snap = await host(fake).readWorkbook();
    expect(fake.syncCount).toBe(2);
    expectBilingual(snap.sheets[0].unread, /工作表“指标”的数据区 A1:XFD1048576 共 17,179,869,184 个单元格，超过一次可校验的上限 10,000,000 个，未校验/, /spans 17,179,869,184 cells, above the limit of 10,000,000/);
    expect(checkWorkbook(snap).sheets[0]).toMatchObject({ layout: 'skipped', reason: snap.sheets[0].unread });
  });

  it('a far cell that is only formatted does not stretch the used range of values: 3 syncs, as for any small sheet', async () => {
    const fake = createFakeExcel([spec({ XFD1048576: { fill: '#FF0000' } })], { apiVersion: 7 });
    const snap = await host(fake).readWorkbook();
    expect(fake.syncCount).toBe(3);
    expect(snap.sheets[0].values.length).toBe(3);
  });

  it('a large used range that is dense is read whole after one count (4 syncs)', async () => {
    const values = Array.from({ length: 60_000 }, (_, r) => Array.from({ length: 20 }, (_, c) => (r === 0 ? `列${c}` : r * 20 + c)));
    const fake = createFakeExcel([{ name: '大', blocks: [{ at: 'A1', values }] }]);
    const snap = await host(fake).readWorkbook();
    expect(fake.syncCount).toBe(4);
    expect(snap.sheets[0].values.length).toBe(60_000);
    expect(snap.sheets[0].notes).toBeUndefined();
  }, 60_000);
});
