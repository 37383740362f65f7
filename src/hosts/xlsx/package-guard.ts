// Limits on what an .xlsx package may make a reader do, and the bilingual messages (the message
// packs' host.xlsx.*) for a package beyond them. An .xlsx is a zip of XML parts; a hostile or broken one can ask for far more
// memory or time than its size suggests:
//
//   - a zip bomb: a part that inflates a thousand times (deflate's ceiling is ~1,032:1), or whose
//     header states a small size and inflates to gigabytes. The central directory's sizes are
//     checked before anything is inflated (count of parts, total and per-part size, ratio), and
//     every part is inflated against its stated size, so that a lie stops at the stated size;
//   - a DOCTYPE: it can declare entities (the "billion laughs", an external file). The XML parsers
//     here never expand them, but no program that writes .xlsx writes one, so the part is refused
//     with a message that names it rather than "undefined entity";
//   - merged areas: ExcelJS checks each new merged area against every earlier one and makes a cell
//     object for every cell of it, so 20,000 merges take 40 s and one merge of A1:XFD1048576 runs
//     out of memory. The streaming reader (read-xlsx-stream.ts) handles merges itself; the ExcelJS
//     reader (read-xlsx.ts, the browser preview, npm run summary) refuses a sheet above
//     EXCELJS_MAX_MERGES or EXCELJS_MAX_MERGED_CELLS before ExcelJS sees it;
//   - parts the workbook names but the package lacks (a worksheet, the shared strings).
//
// Works in Node and in the browser (JSZip only).
import JSZip from 'jszip';
import { message } from '../../core/i18n';
import type { Bilingual } from '../../core/types';
import { groupDigits } from '../../core/region';
import { WorkbookReadError } from './errors';

export interface PackageLimits {
  /** Parts (zip entries) in the package. */
  maxEntries: number;
  /** Inflated bytes of all parts read, together. */
  maxTotalBytes: number;
  /** Inflated bytes of one part read whole into memory (the streaming reader streams worksheets). */
  maxPartBytes: number;
  /** Inflated : compressed size of a part that inflates to more than RATIO_FLOOR_BYTES. */
  maxRatio: number;
  /** Non-empty cells in the workbook (the streaming reader's grids). */
  maxCells: number;
}

export const DEFAULT_LIMITS: PackageLimits = {
  maxEntries: 65_535,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxPartBytes: 256 * 1024 * 1024,
  maxRatio: 500,
  maxCells: 20_000_000,
};

/** Parts that inflate to at most this much are not ratio-checked (tiny parts compress very well). */
export const RATIO_FLOOR_BYTES = 1024 * 1024;
/** Merged areas in one sheet above which the ExcelJS reader refuses the workbook (ExcelJS: quadratic). */
export const EXCELJS_MAX_MERGES = 5_000;
/** Cells in the merged areas of one sheet above which the ExcelJS reader refuses (ExcelJS: one object each). */
export const EXCELJS_MAX_MERGED_CELLS = 1_000_000;

export function limitsWith(overrides: Partial<PackageLimits> | undefined): PackageLimits {
  return { ...DEFAULT_LIMITS, ...(overrides ?? {}) };
}

/**
 * A package beyond a limit, or hostile: final, never retried by another reader. Its message says
 * which part and why.
 */
export class PackageLimitError extends WorkbookReadError {
  constructor(bilingual: Bilingual) {
    super(bilingual);
    this.name = 'PackageLimitError';
  }
}

/** 1536 → "1.5 KB", 3.2e9 → "3.0 GB" (binary units; the same in both languages). */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v >= 100 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}

/** Said after a refusal when the file may be genuine: a copy Excel saves is read instead. */
const SAVE_AGAIN: Bilingual = message('host.xlsx.save-again');

export function tooManyEntries(name: string, count: number, max: number): PackageLimitError {
  return new PackageLimitError(message('host.xlsx.too-many-entries', { name, count: groupDigits(count), max: groupDigits(max), saveAgain: SAVE_AGAIN }));
}

export function ratioTooHigh(name: string, part: string, packed: number, size: number, max: number): PackageLimitError {
  const ratio = groupDigits(size / Math.max(1, packed));
  return new PackageLimitError(
    message('host.xlsx.ratio-too-high', { name, part, packed: formatBytes(packed), size: formatBytes(size), ratio, max: groupDigits(max), saveAgain: SAVE_AGAIN }),
  );
}

export function totalTooLarge(name: string, total: number, max: number, largest: { part: string; size: number }): PackageLimitError {
  return new PackageLimitError(
    message('host.xlsx.total-too-large', { name, total: formatBytes(total), largest: largest.part, largestSize: formatBytes(largest.size), max: formatBytes(max) }),
  );
}

export function partTooLarge(name: string, part: string, size: number, max: number): PackageLimitError {
  return new PackageLimitError(message('host.xlsx.part-too-large', { name, part, size: formatBytes(size), max: formatBytes(max) }));
}

export function doctypeFound(name: string, part: string): PackageLimitError {
  return new PackageLimitError(message('host.xlsx.doctype', { name, part, saveAgain: SAVE_AGAIN }));
}

export function tooManyCells(name: string, max: number, sheet: string, row: number): PackageLimitError {
  return new PackageLimitError(message('host.xlsx.too-many-cells', { name, max: groupDigits(max), sheet, row: groupDigits(row) }));
}

export function tooManyMergesForExcelJS(name: string, part: string, merges: number, cells: number): PackageLimitError {
  return new PackageLimitError(
    message('host.xlsx.too-many-merges', {
      name,
      part,
      merges: groupDigits(merges),
      cells: groupDigits(cells),
      maxMerges: groupDigits(EXCELJS_MAX_MERGES),
      maxCells: groupDigits(EXCELJS_MAX_MERGED_CELLS),
    }),
  );
}

/** A sheet the workbook lists whose part is not in the package: why it was not read. */
export function sheetPartMissing(sheet: string, part: string): Bilingual {
  return message('host.xlsx.sheet-part-missing', { sheet, part });
}

export function sharedStringsMissing(name: string, part: string): PackageLimitError {
  return new PackageLimitError(message('host.xlsx.shared-strings-missing', { name, part }));
}

/** A text cell that names a shared string the table does not have: where, and what to do. */
export function sharedStringOutOfRange(name: string, part: string, address: string, index: number, size: number): PackageLimitError {
  return new PackageLimitError(message('host.xlsx.shared-string-out-of-range', { name, part, address, index: index + 1, size }));
}

/**
 * The number of entries the zip's end-of-central-directory record states (ZIP64 too), read
 * before a zip library builds an object per entry; undefined when the record is not found.
 */
export function zipEntryCount(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) !== 0x06054b50) continue;
    const count = view.getUint16(i + 10, true);
    if (count !== 0xffff) return count;
    // ZIP64: the locator just before the record points at the ZIP64 record.
    const loc = i - 20;
    if (loc < 0 || view.getUint32(loc, true) !== 0x07064b50) return count;
    const at = Number(view.getBigUint64(loc + 8, true));
    if (at < 0 || at + 56 > bytes.length || view.getUint32(at, true) !== 0x06064b50) return count;
    return Number(view.getBigUint64(at + 32, true));
  }
  return undefined;
}

/** The size JSZip read from the central directory for an entry (inflated and compressed). */
export function entrySizes(entry: JSZip.JSZipObject): { size: number; packed: number } {
  const data = (entry as unknown as { _data?: { uncompressedSize?: number; compressedSize?: number } })._data;
  return { size: data?.uncompressedSize ?? 0, packed: data?.compressedSize ?? 0 };
}

/** Entry name without a leading "/" (ExcelJS strips it too). */
export function partName(entry: JSZip.JSZipObject): string {
  return entry.name[0] === '/' ? entry.name.slice(1) : entry.name;
}

/**
 * Checks the stated sizes of the parts to be read, before any is inflated: the total, each
 * part that is read whole (`whole(part)`), and the ratio of every part above RATIO_FLOOR_BYTES.
 */
export function checkStatedSizes(zip: JSZip, name: string, limits: PackageLimits, whole: (part: string) => boolean): void {
  let total = 0;
  let largest = { part: '', size: -1 };
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const part = partName(entry);
    const { size, packed } = entrySizes(entry);
    total += size;
    if (size > largest.size) largest = { part, size };
    if (size > RATIO_FLOOR_BYTES && size / Math.max(1, packed) > limits.maxRatio) throw ratioTooHigh(name, part, packed, size, limits.maxRatio);
    if (whole(part) && size > limits.maxPartBytes) throw partTooLarge(name, part, size, limits.maxPartBytes);
  }
  if (total > limits.maxTotalBytes) throw totalTooLarge(name, total, limits.maxTotalBytes, largest);
}

/** True when the XML text's prolog (before the root element) has a DOCTYPE. */
export function hasDoctype(text: string): boolean {
  let i = 0;
  const n = Math.min(text.length, 1 << 16);
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  for (;;) {
    while (i < n && /\s/.test(text[i])) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return false;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return false;
      i = end + 3;
    } else return text.startsWith('<!DOCTYPE', i) || text.startsWith('<!doctype', i);
  }
}

/** The worksheet parts ExcelJS reads (xlsx.js): any other name is not read as a worksheet. */
const SHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
/** A <mergeCell ref> (groups 1–4: its corners) or a cell of type s (a shared string). */
const MERGE_OR_SHARED = /<(?:\w+:)?mergeCell\b[^>]*\bref\s*=\s*["']\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?["']|<(?:\w+:)?c\b[^>]*\bt\s*=\s*["']s["']/g;

const columnNumber = (letters: string): number => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The part a workbook relationship's target names, as ExcelJS resolves it (workbook-xform.js). */
export function targetPart(target: string): string {
  return `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
}

/** The workbook's sheets (name and relationship id) and its relationships (id → target part), by light scanning. */
function sheetsAndTargets(workbookXml: string, relsXml: string): { sheets: Array<{ name: string; rid: string }>; targets: Map<string, { type: string; part: string }> } {
  const attr = (tag: string, key: RegExp): string | undefined => {
    const m = key.exec(tag);
    return m ? (m[2] ?? m[3]) : undefined;
  };
  const decode = (s: string): string =>
    s.replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) =>
      e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : e === 'apos' ? "'" : String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
    );
  const sheets: Array<{ name: string; rid: string }> = [];
  for (const m of workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], /\sname\s*=\s*("([^"]*)"|'([^']*)')/);
    const rid = attr(m[0], /\s\w+:id\s*=\s*("([^"]*)"|'([^']*)')/);
    if (name !== undefined && rid !== undefined) sheets.push({ name: decode(name), rid });
  }
  const targets = new Map<string, { type: string; part: string }>();
  for (const m of relsXml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], /\sId\s*=\s*("([^"]*)"|'([^']*)')/);
    const target = attr(m[0], /\sTarget\s*=\s*("([^"]*)"|'([^']*)')/);
    const type = attr(m[0], /\sType\s*=\s*("([^"]*)"|'([^']*)')/) ?? '';
    if (id === undefined || target === undefined) continue;
    targets.set(id, { type, part: targetPart(decode(target)) });
  }
  return { sheets, targets };
}

/**
 * Worksheets the workbook lists whose part is missing from the package, with their position
 * among the workbook's worksheets (ExcelJS leaves them out without a word).
 */
export function missingSheetParts(workbookXml: string | undefined, relsXml: string | undefined, has: (part: string) => boolean): Array<{ index: number; name: string; part: string }> {
  if (!workbookXml || !relsXml) return [];
  const { sheets, targets } = sheetsAndTargets(workbookXml, relsXml);
  const out: Array<{ index: number; name: string; part: string }> = [];
  let index = 0;
  for (const s of sheets) {
    const rel = targets.get(s.rid);
    if (!rel || !/\/worksheet$/.test(rel.type)) continue;
    if (!has(rel.part)) out.push({ index, name: s.name, part: rel.part });
    else index++;
  }
  return out;
}

/**
 * Gives every sheet a sheetId of its own. ExcelJS keeps a workbook's worksheets by sheetId, so of
 * two sheets with the same id (a file another program wrote; Excel repairs it on open) only the
 * last would be read, and the other dropped without a word. Later duplicates, and ids that are
 * not positive whole numbers, get numbers above the highest; returns whether any changed.
 */
export function uniqueSheetIds(sheets: Array<{ id: number }>): boolean {
  const seen = new Set<number>();
  let max = sheets.reduce((m, s) => (Number.isInteger(s.id) && s.id > m ? s.id : m), 0);
  let changed = false;
  for (const s of sheets) {
    if (!Number.isInteger(s.id) || s.id <= 0 || seen.has(s.id)) {
      s.id = ++max;
      changed = true;
    }
    seen.add(s.id);
  }
  return changed;
}

/** workbook.xml with uniqueSheetIds applied to its <sheet sheetId> attributes; null when nothing changes. */
function withUniqueSheetIds(workbookXml: string | undefined): string | null {
  if (!workbookXml) return null;
  const tags = [...workbookXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)];
  const ids = tags.map((m) => ({ id: Number(/\ssheetId\s*=\s*["']\s*(\d+)\s*["']/.exec(m[0])?.[1] ?? NaN) }));
  const before = ids.map((x) => x.id);
  if (!uniqueSheetIds(ids)) return null;
  let out = '';
  let at = 0;
  tags.forEach((m, i) => {
    const start = m.index ?? 0;
    const tag = ids[i].id === before[i] ? m[0] : /\ssheetId\s*=/.test(m[0]) ? m[0].replace(/(\ssheetId\s*=\s*)("[^"]*"|'[^']*')/, `$1"${ids[i].id}"`) : m[0].replace(/^(<(?:\w+:)?sheet)\b/, `$1 sheetId="${ids[i].id}"`);
    out += workbookXml.slice(at, start) + tag;
    at = start + m[0].length;
  });
  return out + workbookXml.slice(at);
}

/** A part that inflates beyond the size its header states (JSZip's own words for it). */
export class StatedSizeExceeded extends Error {
  constructor() {
    super('Bug : uncompressed data size mismatch');
    this.name = 'StatedSizeExceeded';
  }
}

/**
 * Inflates an entry in pieces (JSZip's own stream, in Node and the browser), stopping with
 * JSZip's own size error as soon as it inflates beyond its stated size. `onPiece` gets each piece.
 */
function inflateChecked(entry: JSZip.JSZipObject, onPiece: (piece: Uint8Array) => void): Promise<void> {
  const stated = entrySizes(entry).size;
  return new Promise<void>((resolve, reject) => {
    let length = 0;
    let stopped = false;
    const helper = (entry as unknown as { internalStream(type: string): { on(ev: string, f: (...a: unknown[]) => void): unknown; resume(): unknown; pause(): unknown } }).internalStream('uint8array');
    helper.on('data', (...args: unknown[]) => {
      if (stopped) return;
      const piece = args[0] as Uint8Array;
      length += piece.length;
      if (length > stated) {
        stopped = true;
        helper.pause();
        reject(new StatedSizeExceeded());
        return;
      }
      onPiece(piece);
    });
    helper.on('error', (e: unknown) => {
      if (!stopped) reject(e);
      stopped = true;
    });
    helper.on('end', () => {
      if (!stopped) resolve();
      stopped = true;
    });
    helper.resume();
  });
}

/**
 * Everything the ExcelJS reader must know before ExcelJS loads `bytes`: throws PackageLimitError
 * for a package beyond the limits or hostile, StatedSizeExceeded for a part that inflates beyond
 * its stated size; returns the worksheets the workbook lists whose part is missing. A zip JSZip cannot open, or a part that fails to inflate, is left to ExcelJS, whose
 * error the reader reports as it always has.
 */
export async function screenForExcelJS(
  bytes: Uint8Array,
  name: string,
  overrides?: Partial<PackageLimits>,
): Promise<{ missing: Array<{ index: number; name: string; part: string }>; workbookXml?: string }> {
  const limits = limitsWith(overrides);
  const count = zipEntryCount(bytes);
  if (count !== undefined && count > limits.maxEntries) throw tooManyEntries(name, count, limits.maxEntries);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return { missing: [] };
  }
  // ExcelJS inflates every part whole into memory.
  checkStatedSizes(zip, name, limits, () => true);
  const texts = new Map<string, string>();
  let usesSharedStrings: string | undefined;
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const part = partName(entry);
    const xml = /\.(xml|rels|vml)$/i.test(part);
    const sheet = SHEET_PART.test(part);
    const decoder = new TextDecoder('utf-8');
    let head = '';
    let carry = '';
    let merges = 0;
    let mergedCells = 0;
    try {
      await inflateChecked(entry, (piece) => {
        if (!xml) return;
        const text = decoder.decode(piece, { stream: true });
        if (head.length < 4096) head += text.slice(0, 4096 - head.length);
        if (part === 'xl/workbook.xml' || part === 'xl/_rels/workbook.xml.rels') texts.set(part, (texts.get(part) ?? '') + text);
        if (!sheet) return;
        // Merged areas and shared-string cells, in the complete tags of what has come so far.
        const s = carry + text;
        const end = s.lastIndexOf('>') + 1;
        for (const m of s.slice(0, end).matchAll(MERGE_OR_SHARED)) {
          if (m[1] === undefined) {
            usesSharedStrings ??= part;
            continue;
          }
          merges++;
          const rows = m[3] ? Math.abs(Number(m[4]) - Number(m[2])) + 1 : 1;
          const cols = m[3] ? Math.abs(columnNumber(m[3]) - columnNumber(m[1])) + 1 : 1;
          mergedCells += rows * cols;
        }
        // Only an unfinished tag is carried on (text between tags is never scanned twice).
        const open = s.lastIndexOf('<');
        carry = open >= end && s.length - open < 1 << 16 ? s.slice(open) : '';
      });
    } catch (e) {
      // A part that inflates beyond its stated size would have ExcelJS inflate all of it first
      // (a zip bomb whose header lies): stopped here. Other damage: ExcelJS words the error.
      if (e instanceof StatedSizeExceeded) throw e;
      return { missing: [] };
    }
    if (xml && hasDoctype(head)) throw doctypeFound(name, part);
    if (sheet && (merges > EXCELJS_MAX_MERGES || mergedCells > EXCELJS_MAX_MERGED_CELLS)) throw tooManyMergesForExcelJS(name, part, merges, mergedCells);
  }
  const has = (part: string): boolean => zip.file(part) !== null || zip.file(`/${part}`) !== null;
  if (usesSharedStrings && !has('xl/sharedStrings.xml')) throw sharedStringsMissing(name, usesSharedStrings);
  const worksheet = (part: string): boolean => has(part) && SHEET_PART.test(part);
  const renumbered = withUniqueSheetIds(texts.get('xl/workbook.xml'));
  return {
    missing: missingSheetParts(texts.get('xl/workbook.xml'), texts.get('xl/_rels/workbook.xml.rels'), worksheet),
    // Sheets sharing a sheetId: the workbook part to load instead, so that none is dropped.
    ...(renumbered ? { workbookXml: renumbered } : {}),
  };
}
