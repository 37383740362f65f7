// Shared pieces of the reliability suite: run counts, arbitraries and temp-file helpers.
//
// Run counts: FC_RUNS sets the number of cases per property (default 2,000, which keeps the whole
// suite well under 20 s on 2 cores). A nightly-size run:
//   FC_RUNS=100000 npx jest tests/reliability
// Properties that are costly per case (whole-workbook checks, marks) run FC_RUNS / 20 cases.
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';

function envRuns(): number {
  const n = Number(process.env.FC_RUNS);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 2000;
}

/** Cases per cheap property (parsers). */
export const RUNS = envRuns();
/** Cases per costly property (engine over a workbook, mark → clear). */
export const HEAVY_RUNS = Math.max(25, Math.floor(RUNS / 20));

/** Jest timeout that grows with the run count, so a nightly run is not cut short. */
export function timeoutFor(runs: number, msPerRun: number): number {
  return Math.max(30_000, runs * msPerRun * 3);
}

/** fast-check parameters: the seed comes from FC_SEED when set, so a failure can be replayed. */
export function params(numRuns: number): { numRuns: number; seed?: number } {
  const seed = Number(process.env.FC_SEED);
  return { numRuns, ...(Number.isFinite(seed) && process.env.FC_SEED ? { seed } : {}) };
}

// -----------------------------------------------------------------------------------------------
// Text

/** Characters staff actually type into indicator sheets, and some they should not. */
const INTERESTING_CHARS = [
  ...'0123456789.,-+%‰eE ',
  ...'０１２３４５６７８９．，－＋％　', // full width
  ...'零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億点',
  ...'约近超逾余多以上左右大约将近接近百分之',
  ...'件人次家元万元亿元小时天个月工作日',
  ...'其中：:、（）()【】[]/\\—–―−~#!?',
  '\u0000', '\u0007', '\t', '\n', '\r', '\u001F', '\u007F', '\u0085', '\u009F', '\u00A0',
  '\u200B', '\u200D', '\u2060', '\uFEFF', '\u202E', '\uD800', '\uDC00', '\uFFFD', '\uFFFF',
  '𠀀', '😀', 'é', 'ﬁ', '①', '㉑', '½', '²', '٣', '۳', '߃', '१',
];

/**
 * Any code point, lone surrogates included. (fc.string's 'binary' unit builds a reverse map of all
 * 1.1 M code points the first time it is asked to shrink a value it did not make: 1.5 s per file.)
 */
const anyChar: fc.Arbitrary<string> = fc
  .oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xffff }), fc.integer({ min: 0x10000, max: 0x10ffff }))
  .map((cp) => String.fromCodePoint(cp));

/** Strings of any code points. */
export const anyString = (maxLength: number, minLength = 0): fc.Arbitrary<string> => fc.array(anyChar, { minLength, maxLength }).map((a) => a.join(''));

/** Strings built from the characters above, plus arbitrary unicode strings. */
export const cellText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...INTERESTING_CHARS), { maxLength: 24 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: anyString(30) },
  { weight: 1, arbitrary: anyString(520, 380) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom('', '约', '近', '超过', '逾', '-', '+', '百分之', ' '),
        fc.oneof(fc.double({ noNaN: false }).map(String), fc.integer().map(String), fc.constantFrom('1,234', '1 200', '３５', '十二', '一百零六', '三万五', '1e400', '1e-400', '0.000')),
        fc.constantFrom('', '余', '多', '万', '亿', '千', '%', '万元', '件', '人次', '以上', '左右', '%%', '万%'),
      )
      .map(([a, b, c]) => a + b + c),
  },
);

const EXCEL_ERROR_CODES = ['#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA'];

export const cellNumber: fc.Arbitrary<number> = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 0, Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, 5e-324, 1e308, 0.1 + 0.2, 2022, 1.005),
);

/** Any value a host may hand the engine. */
export const cellValue = fc.oneof(
  { weight: 5, arbitrary: cellText as fc.Arbitrary<unknown> },
  { weight: 4, arbitrary: cellNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...EXCEL_ERROR_CODES), fc.string({ maxLength: 8 })).map((error) => ({ error })) },
);

/** Excel number formats, real ones and random strings. */
export const numberFormat: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(
    'General', 'G/通用格式', '@', '0', '0.00', '#,##0', '#,##0.00', '0%', '0.0%', '0.00%', '0.00"万元"', '0"件"', '0.0万', '#,##0.00_);(#,##0.00)',
    '0.00E+00', 'yyyy-mm-dd', '[Red]0.00', '0.00;[Red]-0.00;"-"', '"约"0', '\\万0', '0.0\\%', '#,##0.00"亿元"', '0.000‰', '[$¥-804]#,##0.00', '???/???',
  ),
  fc.string({ maxLength: 20 }),
  fc.array(fc.constantFrom(...'0#?.,%"\\_*[]@;E+-万元件yYmMdD '), { maxLength: 16 }).map((a) => a.join('')),
);

// -----------------------------------------------------------------------------------------------
// Files

/** A fresh temp directory for one test. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `reliability-${prefix}-`));
}

/** Bytes and mtime of a file, to show that checking it changed nothing. */
export function fingerprint(file: string): { bytes: Buffer; mtimeMs: number; size: number } {
  const st = fs.statSync(file);
  return { bytes: fs.readFileSync(file), mtimeMs: st.mtimeMs, size: st.size };
}

/** A CLI io that collects what it prints. */
export function collectIo(): { out: string[]; err: string[]; io: { stdout: (s: string) => void; stderr: (s: string) => void } } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) } };
}

/** True when the text has CJK characters (a Chinese message) / Latin words (an English one). */
export const hasChinese = (s: string): boolean => /[\u4e00-\u9fff]/.test(s);
export const hasEnglishWords = (s: string): boolean => /\b[A-Za-z]{3,}\b(?:\s+\b[A-Za-z]{2,}\b){2,}/.test(s);

/** Deep equality that is fast when it holds (jest's toEqual on big trees is slow) and still prints a diff when it fails. */
export function expectSame(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) === JSON.stringify(expected)) return;
  expect(actual).toEqual(expected);
}

// -----------------------------------------------------------------------------------------------
// Big sheets

const DISTRICTS = ['市中区', '沙湾区', '五通桥区', '金口河区', '犍为县', '井研县', '夹江县', '沐川县', '峨边县', '马边县', '峨眉山市'];
const LONG_INDICATORS: Array<[string, string]> = [
  ['行政处罚案件数', '件'],
  ['其中：公共场所卫生', '件'],
  ['　　　生活饮用水卫生', '件'],
  ['行政许可件数', '件'],
  ['法制审核率', '%'],
];

/** One row of the long layout: data row i (0-based) of writeLongSheet. */
function longRow(i: number): [string, number, string, number, string] {
  const per = LONG_INDICATORS.length;
  const block = Math.floor(i / per);
  const [label, unit] = LONG_INDICATORS[i % per];
  // Entity and year change per block of five indicators; the balance holds in every block.
  const district = `${DISTRICTS[block % DISTRICTS.length]}${Math.floor(block / (DISTRICTS.length * 10))}`;
  const year = 2014 + (Math.floor(block / DISTRICTS.length) % 10);
  const part = 10 + (block % 7);
  const value = i % per === 0 ? 3 * part : i % per === 4 ? 100 : i % per === 3 ? 40 + (block % 5) : i % per === 1 ? 2 * part : part;
  return [district, year, label, value, unit];
}

const SHEET_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const RELS_NS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const REL_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** A zip entry: its deflated bytes, CRC and sizes. */
interface ZipPart {
  name: string;
  data: Buffer[];
  crc: number;
  size: number;
  packed: number;
}

/** Deflates text given in pieces (with backpressure, so a large part never sits in memory uncompressed). */
async function deflatePart(name: string, pieces: Iterable<string>): Promise<ZipPart> {
  const z = zlib.createDeflateRaw({ level: 6 });
  const data: Buffer[] = [];
  z.on('data', (b: Buffer) => data.push(b));
  const ended = new Promise<void>((resolve, reject) => {
    z.on('end', resolve);
    z.on('error', reject);
  });
  let crc = 0;
  let size = 0;
  for (const piece of pieces) {
    const bytes = Buffer.from(piece, 'utf8');
    crc = zlib.crc32(bytes, crc);
    size += bytes.length;
    if (!z.write(bytes)) await new Promise((resolve) => z.once('drain', resolve));
  }
  z.end();
  await ended;
  return { name, data, crc, size, packed: data.reduce((n, b) => n + b.length, 0) };
}

/** The local and central headers of one zip entry (UTF-8 name; method 8 deflated, 0 stored). */
function zipHeaders(name: Buffer, method: number, crc: number, packed: number, size: number, offset: number): { local: Buffer; central: Buffer } {
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x0800, 6); // UTF-8 names
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed, 18);
  local.writeUInt32LE(size, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt32LE(offset, 42);
  return { local, central };
}

/** The end-of-central-directory record of a zip with `count` entries. */
function zipEnd(count: number, directoryBytes: number, directoryOffset: number): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directoryBytes, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return end;
}

/**
 * A zip archive of the given files, built by hand (deflated unless `stored`): the tests need
 * archives a zip library would not write (a workbook without a worksheet, odd XML spellings).
 */
export function zipOf(files: Record<string, string | Buffer>, stored = false): Buffer {
  const out: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [entry, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const packed = stored ? data : zlib.deflateRawSync(data);
    const name = Buffer.from(entry, 'utf8');
    const { local, central } = zipHeaders(name, stored ? 0 : 8, zlib.crc32(data), packed.length, data.length, offset);
    out.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  return Buffer.concat([...out, cd, zipEnd(Object.keys(files).length, cd.length, offset)]);
}

/** Writes the parts as a zip archive (deflated entries, UTF-8 names), part by part to disk. */
function writeZip(file: string, parts: ZipPart[]): void {
  const fd = fs.openSync(file, 'w');
  try {
    const centrals: Buffer[] = [];
    let offset = 0;
    for (const p of parts) {
      const name = Buffer.from(p.name, 'utf8');
      const { local, central } = zipHeaders(name, 8, p.crc, p.packed, p.size, offset);
      centrals.push(central, name);
      for (const b of [local, name, ...p.data]) fs.writeSync(fd, b);
      offset += 30 + name.length + p.packed;
    }
    const cd = Buffer.concat(centrals);
    fs.writeSync(fd, cd);
    fs.writeSync(fd, zipEnd(parts.length, cd.length, offset));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Writes a long-layout workbook (地区 | 年份 | 指标 | 数值 | 单位, one sheet 长表) of `rows` data rows
 * the way Excel stores one: text in the shared-string table, numbers in the cells. The sheet is
 * written as XML straight into a zip with node's zlib, in pieces, so memory stays flat however
 * many rows: 1 M rows in a few seconds (ExcelJS's streaming writer, used before, took 20 s).
 * The figures balance (total = parts) and rates are 100 %, so a correct engine finds nothing to
 * report but reads every row.
 */
export async function writeLongSheet(file: string, rows: number): Promise<void> {
  const strings = new Map<string, number>();
  let uses = 0;
  const s = (text: string): number => {
    uses++;
    let k = strings.get(text);
    if (k === undefined) strings.set(text, (k = strings.size));
    return k;
  };
  const cols = ['A', 'B', 'C', 'D', 'E'];
  const rowXml = (r: number, cells: Array<string | number>): string =>
    `<row r="${r}" spans="1:5">${cells.map((v, j) => (typeof v === 'number' ? `<c r="${cols[j]}${r}"><v>${v}</v></c>` : `<c r="${cols[j]}${r}" t="s"><v>${s(v)}</v></c>`)).join('')}</row>`;
  function* sheet(): Generator<string> {
    yield `${XML_DECL}<worksheet ${SHEET_NS}><dimension ref="A1:E${rows + 1}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>`;
    let batch = rowXml(1, ['地区', '年份', '指标', '数值', '单位']);
    for (let i = 0; i < rows; i++) {
      batch += rowXml(i + 2, longRow(i));
      if (batch.length > 1 << 16) {
        yield batch;
        batch = '';
      }
    }
    yield `${batch}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  }
  const sheetPart = await deflatePart('xl/worksheets/sheet1.xml', sheet());
  const escape = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const sst = `${XML_DECL}<sst ${SHEET_NS} count="${uses}" uniqueCount="${strings.size}">${[...strings.keys()].map((t) => `<si><t>${escape(t)}</t></si>`).join('')}</sst>`;
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const small: Array<[string, string]> = [
    [
      '[Content_Types].xml',
      `${XML_DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${ct}.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/></Types>`,
    ],
    ['_rels/.rels', `${XML_DECL}<Relationships ${RELS_NS}><Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    ['xl/workbook.xml', `${XML_DECL}<workbook ${SHEET_NS}><sheets><sheet name="长表" sheetId="1" r:id="rId1"/></sheets></workbook>`],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_DECL}<Relationships ${RELS_NS}><Relationship Id="rId1" Type="${REL_TYPE}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_TYPE}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL_TYPE}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [
      'xl/styles.xml',
      `${XML_DECL}<styleSheet ${SHEET_NS}><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>`,
    ],
    ['xl/sharedStrings.xml', sst],
  ];
  const parts = [...(await Promise.all(small.map(([name, text]) => deflatePart(name, [text])))), sheetPart];
  writeZip(file, parts);
}
