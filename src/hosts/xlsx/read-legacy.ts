// Reads the workbook formats other than .xlsx into a WorkbookSnapshot: Excel 97–2003 .xls (BIFF8,
// and BIFF2–5 where SheetJS reads them), WPS Spreadsheets .et (saved by WPS in the same BIFF
// container) and .csv text. Works in Node and the browser: it takes bytes, not a path, and has no
// Node imports, so the command line and the browser preview read these files the same way.
//
// The snapshot is what read-xlsx.ts gives for the same content saved as .xlsx: cached formula
// results as values, error cells as { error: '#DIV/0!' }, numbers with a date format as their day
// ('2023-01-17'), number formats beside the values, the sheet's visibility, and a grid spanning
// only the cells that exist. Indents are not read (SheetJS does not read them from .xls).
import * as XLSX from '@e965/xlsx';
import * as cpexcel from '@e965/xlsx/dist/cpexcel';
import iconv from 'iconv-lite';
import { message } from '../../core/i18n';
import type { Bilingual, CellValue, SheetGrid, WorkbookSnapshot } from '../../core/types';
import { WorkbookReadError } from './errors';
import { isBareBiff, isDateFormat, OLE_SIGNATURE as OLE, startsWith, workbookKind, type LegacyFormat } from './formats';

// SheetJS's CommonJS build (Node) loads its code-page tables by itself, its ES module build (the
// browser) does not: without them the text of BIFF5 files saved in a Chinese code page (936) would
// be garbled in the preview only. Set them in both, so both read the same text.
XLSX.set_cptable(cpexcel);

export { legacyFormat, workbookKind, WORKBOOK_EXTENSIONS, type LegacyFormat } from './formats';

// ---------------------------------------------------------------------------------------------
// Messages

function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function emptyError(name: string): WorkbookReadError {
  return new WorkbookReadError(message('host.xlsx.empty', { name }));
}

/** How to get an .xlsx from WPS, for every .et that cannot be read; `why` is one of host.xlsx.et-*. */
function wpsError(name: string, why: Bilingual): WorkbookReadError {
  return new WorkbookReadError(message('host.xlsx.wps-unreadable', { name, why }));
}

function encryptedError(name: string, format: LegacyFormat): WorkbookReadError {
  return new WorkbookReadError(message('host.xlsx.encrypted', { name, app: format === 'et' ? 'WPS' : message('host.xlsx.excel-or-wps') }));
}

function damagedError(name: string, format: LegacyFormat, e: unknown): WorkbookReadError {
  const reason = reasonOf(e);
  if (format === 'et') return wpsError(name, message('host.xlsx.et-damaged', { reason }));
  return new WorkbookReadError(message('host.xlsx.xls-damaged', { name, reason }));
}

/** Bytes named .xls or .et that are not a BIFF workbook at all. */
function notBiffError(name: string, format: LegacyFormat, bytes: Uint8Array): WorkbookReadError {
  // Many government systems export a web page (HTML) or Excel 2003 XML under an .xls name.
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  const markup = head.startsWith('<');
  if (format === 'et') return wpsError(name, message(markup ? 'host.xlsx.et-markup' : 'host.xlsx.et-not-biff'));
  return new WorkbookReadError(message(markup ? 'host.xlsx.xls-markup' : 'host.xlsx.not-xls', { name }));
}

function noWorksheetError(name: string): WorkbookReadError {
  return new WorkbookReadError(message('host.xlsx.xls-no-worksheet', { name }));
}

// ---------------------------------------------------------------------------------------------
// .xls and .et (BIFF) through SheetJS

/** Excel's error codes in BIFF files (SheetJS gives the code as the value of an error cell). */
const BIFF_ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** An Excel serial day as read-xlsx.ts shows a date cell: its day, as ExcelJS converts it. */
function serialToDay(v: number, date1904: boolean): string {
  const date = new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(date.getTime()) ? '########' : date.toISOString().slice(0, 10);
}

/** A cell's number format as a string (SheetJS may give the index of a built-in format). */
function formatOf(cell: XLSX.CellObject): string | undefined {
  const z = cell.z;
  if (typeof z === 'string') return z;
  if (typeof z === 'number') {
    const table = (XLSX.SSF as { get_table?: () => Record<number, string> }).get_table?.();
    return table?.[z];
  }
  return undefined;
}

function cellValueOf(cell: XLSX.CellObject, format: string | undefined, date1904: boolean): CellValue {
  const v = cell.v;
  switch (cell.t) {
    case 'n':
      if (typeof v !== 'number') return null;
      return format && isDateFormat(format) ? serialToDay(v, date1904) : v;
    case 's':
      return typeof v === 'string' ? v : v === undefined || v === null ? null : String(v);
    case 'b':
      return typeof v === 'boolean' ? v : Boolean(v);
    case 'e': {
      const text = typeof cell.w === 'string' && cell.w.startsWith('#') ? cell.w : typeof v === 'number' ? BIFF_ERRORS[v] : undefined;
      return { error: text ?? '#VALUE!' };
    }
    case 'd':
      return v instanceof Date ? (Number.isNaN(v.getTime()) ? '########' : v.toISOString().slice(0, 10)) : null;
    default:
      return null; // 'z': a blank cell that only carries a style
  }
}

/**
 * One SheetJS worksheet as a SheetGrid. The used range comes from the cells that exist, never
 * from the sheet's `!ref`: a file may claim A1:IV65536 (or A1:XFD1048576) for three cells, and a
 * grid allocated from that would take gigabytes.
 */
export function gridFromSheetJs(ws: XLSX.WorkSheet, name: string, visibility: SheetGrid['visibility'], date1904 = false): SheetGrid {
  const cells: Array<{ r: number; c: number; cell: XLSX.CellObject }> = [];
  let minRow = Infinity;
  let maxRow = -1;
  let minCol = Infinity;
  let maxCol = -1;
  for (const key of Object.keys(ws)) {
    if (key.charCodeAt(0) === 33 /* '!': !ref, !merges, !cols … */) continue;
    const cell = ws[key] as XLSX.CellObject | undefined;
    if (!cell || typeof cell !== 'object' || cell.t === 'z') continue;
    const { r, c } = XLSX.utils.decode_cell(key);
    if (!(r >= 0 && c >= 0)) continue;
    cells.push({ r, c, cell });
    if (r < minRow) minRow = r;
    if (r > maxRow) maxRow = r;
    if (c < minCol) minCol = c;
    if (c > maxCol) maxCol = c;
  }
  if (maxRow < 0) return { name, originRow: 0, originCol: 0, values: [], visibility };
  const rows = maxRow - minRow + 1;
  const cols = maxCol - minCol + 1;
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const numberFormats: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill('General'));
  for (const { r, c, cell } of cells) {
    const format = formatOf(cell);
    values[r - minRow][c - minCol] = cellValueOf(cell, format, date1904);
    if (format) numberFormats[r - minRow][c - minCol] = format;
  }
  return { name, originRow: minRow, originCol: minCol, values, numberFormats, visibility };
}

/**
 * Runs a SheetJS call with the console silenced. SheetJS prints to the console when it meets a
 * record it does not know ("Missing Info for XLS Record 0x…": WPS's own records, damaged bytes),
 * which would clutter the command line's output and the preview's console; what matters to the
 * user comes back as the snapshot or as a WorkbookReadError. Calls are synchronous, so nothing
 * else runs while the console is replaced.
 */
function quietly<T>(fn: () => T): T {
  const { error, warn, log } = console;
  const none = (): void => undefined;
  console.error = none;
  console.warn = none;
  console.log = none;
  try {
    return fn();
  } finally {
    console.error = error;
    console.warn = warn;
    console.log = log;
  }
}

/** SheetJS's sheet types that are not worksheets (the .xlsx reader reads worksheets only). */
const NOT_WORKSHEETS = new Set(['chart', 'macro', 'dialog']);

function readBiff(bytes: Uint8Array, name: string, format: LegacyFormat): WorkbookSnapshot {
  // SheetJS reads almost any bytes as some format (a text file as a one-column sheet), so only a
  // compound file with a workbook stream, or a bare BIFF stream, is handed to it.
  if (startsWith(bytes, OLE)) {
    let cfb: unknown;
    try {
      cfb = quietly(() => XLSX.CFB.read(bytes, { type: 'array' }));
    } catch (e) {
      throw damagedError(name, format, e);
    }
    const find = (path: string): boolean => Boolean(XLSX.CFB.find(cfb, path));
    // An encrypted .xlsx is a compound file too (EncryptionInfo + EncryptedPackage).
    if (find('/EncryptionInfo') || find('/EncryptedPackage') || find('/encryption')) throw encryptedError(name, format);
    if (!find('/Workbook') && !find('/Book')) {
      if (format === 'et') return wpsFallback(name);
      throw new WorkbookReadError(message('host.xlsx.no-workbook-stream', { name }));
    }
  } else if (!isBareBiff(bytes)) {
    throw notBiffError(name, format, bytes);
  }
  let wb: XLSX.WorkBook;
  try {
    const options: XLSX.ParsingOptions = {
      type: 'array',
      cellNF: true, // number formats: a % format must reach the grid
      cellDates: false, // dates as serial numbers, converted below exactly as ExcelJS converts them
      cellText: false, // no formatted text per cell (errors are mapped from their codes)
      cellFormula: false, // cached results only
      cellHTML: false,
      sheetStubs: false, // blank styled cells are not used cells, as in the .xlsx reader
    };
    wb = quietly(() => XLSX.read(bytes, options));
  } catch (e) {
    if (/password|encrypt/i.test(reasonOf(e))) throw encryptedError(name, format);
    throw damagedError(name, format, e);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const sheets: SheetGrid[] = [];
  wb.SheetNames.forEach((sheetName, i) => {
    const ws = wb.Sheets[sheetName];
    if (!ws || NOT_WORKSHEETS.has(String(ws['!type'] ?? ''))) return;
    const hidden = wb.Workbook?.Sheets?.[i]?.Hidden;
    const visibility = hidden === 2 ? 'veryHidden' : hidden === 1 ? 'hidden' : 'visible';
    sheets.push(gridFromSheetJs(ws, sheetName, visibility, date1904));
  });
  if (sheets.length === 0) throw noWorksheetError(name);
  return { name, sheets };
}

/** An .et compound file without a BIFF workbook stream: WPS's own format, which SheetJS cannot read. */
function wpsFallback(name: string): never {
  throw wpsError(name, message('host.xlsx.et-no-workbook-stream'));
}

// ---------------------------------------------------------------------------------------------
// .csv

/**
 * The text of a CSV file: UTF-8 with or without its byte-order mark, UTF-16 with a byte-order
 * mark (Excel's "Unicode text"), otherwise GB18030 (which includes GBK and GB2312: what Excel and
 * WPS save as "CSV" on a Chinese Windows). Bytes that are valid UTF-8 are read as UTF-8.
 */
export function decodeCsv(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) {
    // UTF-16 big-endian: swap to little-endian (every TextDecoder has utf-16le).
    const swapped = new Uint8Array(bytes.length - 2 - (bytes.length % 2));
    for (let i = 0; i < swapped.length; i += 2) {
      swapped[i] = bytes[i + 3];
      swapped[i + 1] = bytes[i + 2];
    }
    return new TextDecoder('utf-16le').decode(swapped);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, 'gb18030');
  }
}

/**
 * Splits CSV text into records of fields (RFC 4180): fields separated by `delimiter`, records by
 * CRLF, LF or CR; a field in double quotes may hold delimiters, line breaks and doubled quotes
 * (`""` is one `"`). Lenient where files are not strict: a quote inside an unquoted field is an
 * ordinary character, text after a closing quote is kept, and an unclosed quote runs to the end.
 * `limit` stops after that many records (to sniff the delimiter).
 */
export function splitCsv(text: string, delimiter: string, limit = Infinity): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  /** Whether the current field has begun (a quote only opens a quoted field at its start). */
  let started = false;
  let i = 0;
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  const endOfField = (j: number): number => {
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === d || c === 10 || c === 13) break;
      j++;
    }
    return j;
  };
  while (i < n && records.length < limit) {
    const ch = text.charCodeAt(i);
    if (ch === d) {
      record.push(field);
      field = '';
      started = false;
      i++;
    } else if (ch === 10 || ch === 13) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      started = false;
      i += ch === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    } else if (ch === 34 /* " */ && !started) {
      // A quoted field: up to the closing quote, "" standing for one quote.
      started = true;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 34) {
          field += text.slice(i, q + 1);
          i = q + 2;
          continue;
        }
        field += text.slice(i, q);
        i = q + 1;
        break;
      }
      // Characters between the closing quote and the next delimiter or line end are kept.
      const j = endOfField(i);
      field += text.slice(i, j);
      i = j;
    } else {
      // An unquoted run up to the next delimiter or line end; quotes in it are ordinary characters.
      started = true;
      const j = endOfField(i + 1);
      field += text.slice(i, j);
      i = j;
    }
  }
  if (records.length < limit && (started || record.length > 0)) {
    record.push(field);
    records.push(record);
  }
  return records;
}

const DELIMITERS = [',', '\t', ';'];

/**
 * The delimiter of CSV text: an Excel `sep=;` first line when there is one; otherwise comma,
 * unless tab or semicolon clearly splits the first records more regularly (most records with the
 * same field count, at least two). Ties go to comma, then tab.
 */
export function sniffDelimiter(text: string): { delimiter: string; skipFirstLine: boolean } {
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep) return { delimiter: sep[1], skipFirstLine: true };
  let best = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const records = splitCsv(text, delimiter, 50).filter((r) => r.some((f) => f.trim() !== ''));
    if (records.length === 0) continue;
    const counts = new Map<number, number>();
    for (const r of records) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
    let mode = 0;
    let modeCount = 0;
    for (const [len, count] of counts) if (count > modeCount || (count === modeCount && len > mode)) [mode, modeCount] = [len, count];
    const score = mode >= 2 ? modeCount / records.length : 0;
    if (score >= 0.6 && score > best.score) best = { delimiter, score };
  }
  return { delimiter: best.delimiter, skipFirstLine: false };
}

/** A plain decimal number as typed: 123, -4.5, +0.5, .5, 1e3 (surrounding spaces allowed). */
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A CSV field as a cell value. A plain number becomes a number, as when Excel opens the file;
 * anything else stays text exactly as typed (`585,900`, `100%`, `1900余`, full-width `１０６`,
 * which the engine's value parser reads and reports). Also kept as text: integers with leading
 * zeros (`007`, codes) and numbers with more than 15 significant digits (ID numbers), which a
 * number would change. An empty field is an empty cell.
 */
export function csvFieldValue(field: string): CellValue {
  if (field === '') return null;
  const t = field.trim();
  if (!PLAIN_NUMBER.test(t)) return field;
  const mantissa = t.replace(/^[+-]/, '').replace(/[eE].*$/, '');
  if (/^0\d/.test(mantissa)) return field;
  const digits = mantissa.replace('.', '').replace(/^0+/, '');
  if (digits.length > 15) return field;
  const n = Number(t);
  return Number.isFinite(n) ? n : field;
}

/** A sheet name Excel accepts, from a file name: no extension, no []:*?/\, at most 31 characters, not History. */
export function csvSheetName(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const clean = base.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, 31) || 'Sheet1';
  // Excel reserves "History" (its change-tracking sheet); ExcelJS refuses it when writing a copy.
  return clean.toLowerCase() === 'history' ? `${clean.slice(0, 30)}_` : clean;
}

/** Reads CSV bytes into a snapshot with one sheet named after the file. */
export function readCsv(bytes: Uint8Array, name: string): WorkbookSnapshot {
  if (bytes.length === 0) throw emptyError(name);
  const text = decodeCsv(bytes);
  // A NUL character never occurs in text: this is a binary file with a .csv name.
  if (text.includes('\u0000')) {
    throw new WorkbookReadError(message('host.xlsx.csv-binary', { name }));
  }
  const { delimiter, skipFirstLine } = sniffDelimiter(text);
  const records = splitCsv(skipFirstLine ? text.replace(/^[^\n]*\n/, '') : text, delimiter);
  let minRow = Infinity;
  let maxRow = -1;
  let minCol = Infinity;
  let maxCol = -1;
  const parsed = records.map((fields, r) =>
    fields.map((f, c) => {
      const v = csvFieldValue(f);
      if (v !== null) {
        if (r < minRow) minRow = r;
        if (r > maxRow) maxRow = r;
        if (c < minCol) minCol = c;
        if (c > maxCol) maxCol = c;
      }
      return v;
    }),
  );
  const sheetName = csvSheetName(name);
  if (maxRow < 0) return { name, sheets: [{ name: sheetName, originRow: 0, originCol: 0, values: [], visibility: 'visible' }] };
  const cols = maxCol - minCol + 1;
  const values: CellValue[][] = [];
  for (let r = minRow; r <= maxRow; r++) {
    const row = new Array<CellValue>(cols).fill(null);
    const src = parsed[r];
    for (let c = minCol; c <= maxCol && c < src.length; c++) row[c - minCol] = src[c];
    values.push(row);
  }
  return { name, sheets: [{ name: sheetName, originRow: minRow, originCol: minCol, values, visibility: 'visible' }] };
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads an .xls, .et or .csv file (bytes) into a snapshot; `format` defaults to what
 * workbookKind says. Throws WorkbookReadError with a message in both languages that names the
 * file; never another error for bad bytes. A zip package (an .xlsx under another name) is not
 * read here: workbookKind sends it to the .xlsx reader.
 */
export function readLegacy(bytes: Uint8Array, name: string, format?: LegacyFormat): WorkbookSnapshot {
  if (bytes.length === 0) throw emptyError(name);
  const kind = format ?? workbookKind(bytes, name);
  if (kind === 'xlsx') {
    throw new WorkbookReadError(message('host.xlsx.really-xlsx', { name }));
  }
  try {
    return kind === 'csv' ? readCsv(bytes, name) : readBiff(bytes, name, kind);
  } catch (e) {
    if (e instanceof WorkbookReadError) throw e;
    // SheetJS or the decoder failed somewhere unexpected: a damaged file, said in both languages.
    if (kind === 'csv') {
      throw new WorkbookReadError(message('host.xlsx.csv-unreadable', { name, reason: reasonOf(e) }));
    }
    throw damagedError(name, kind, e);
  }
}
