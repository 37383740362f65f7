// Reads an .xlsx file (bytes) into a WorkbookSnapshot with ExcelJS. Works in Node and the browser:
// it takes bytes, not a path.
import type ExcelJS from 'exceljs';
import { Workbook, ValueType } from './exceljs';
import { toA1 } from '../../core/a1';
import { chooseRegion, farCellsNote, FAR_LISTED, tooLargeMessage, type AxisSpans, type Rect } from '../../core/region';
import { message } from '../../core/i18n';
import type { CellValue, SheetGrid, WorkbookSnapshot } from '../../core/types';
import { WorkbookReadError } from './errors';
import JSZip from 'jszip';
import { screenForExcelJS, sharedStringOutOfRange, sheetPartMissing, StatedSizeExceeded, type PackageLimits } from './package-guard';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Says why bytes are not a readable workbook before ExcelJS sees them; undefined when they may be. */
export function sniffWorkbook(bytes: Uint8Array, name: string): WorkbookReadError | undefined {
  if (bytes.length === 0) {
    return new WorkbookReadError(message('host.xlsx.empty', { name }));
  }
  if (startsWith(bytes, OLE)) {
    return new WorkbookReadError(message('host.xlsx.encrypted-or-xls', { name }));
  }
  if (!startsWith(bytes, ZIP)) {
    return new WorkbookReadError(message('host.xlsx.not-xlsx', { name }));
  }
  return undefined;
}

// Held here, not looked up as a global per cell (slow in a vm context such as jest's).
const DateClass = Date;

/**
 * An ExcelJS cell value as the checks see it. Shared by the full reader (below) and the streaming
 * reader (read-xlsx-stream.ts), so both give the same value for the same cell.
 */
export function convert(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  // A date cell: its day. A number too large for a date reads as what Excel shows for it,
  // ########, which the cell checks report in either language, instead of throwing.
  if (value instanceof DateClass) return Number.isNaN(value.getTime()) ? '########' : value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('error' in value && typeof value.error === 'string') return { error: value.error };
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((t) => t.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const v = value as ExcelJS.CellFormulaValue;
      return formulaValue(v.result, v.formula);
    }
    // A cell with a hyperlink: its text is the cell's own value (a number stays a number, not
    // "[object Object]"); a formula's result when it is a formula.
    if ('hyperlink' in value && 'text' in value) return convert((value as { text: ExcelJS.CellValue }).text);
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  return String(value);
}

/**
 * A formula cell: its cached result, or `=FORMULA` when the file has none, or `=?` when not even
 * its text is known (a shared formula whose first cell, which holds the text, is missing).
 */
export function formulaValue(result: unknown, formula: unknown): CellValue {
  if (result === undefined || result === null) {
    // Saved without its result (a file written by a program that does not calculate): the
    // value is unknown, never blank. The formula text makes the cell checks say so.
    return typeof formula === 'string' && formula !== '' ? `=${formula}` : '=?';
  }
  return convert(result as ExcelJS.CellValue);
}

/** One ExcelJS cell's value as the checks see it. */
export function cellValue(cell: ExcelJS.Cell): CellValue {
  // A merged range holds its value in the top-left cell only, as in Excel (Office.js reads the
  // other cells as empty); ExcelJS would repeat it in every cell, so a value merged across two
  // year columns would count for both years.
  if (cell.type === ValueType.Merge) return null;
  // ExcelJS's cell.value drops a falsy result ({formula} for a formula whose result is 0, false or
  // ''), which would read a calculated 0 as "not calculated": take the result itself. A shared
  // formula's cell.formula is translated from its master (=B2*2 below =B1*2).
  if (cell.type === ValueType.Formula) return formulaValue(cell.result, cell.formula);
  return convert(cell.value);
}

/**
 * Converts an ExcelJS worksheet's used cells into a SheetGrid: the rectangle of its used cells,
 * or, when that rectangle is huge and mostly empty (a stray value at XFD1048576), the region
 * core/region.ts chooses, with a note naming the non-empty cells left outside it.
 */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): SheetGrid {
  let minRow = Infinity;
  let maxRow = -1;
  let minCol = Infinity;
  let maxCol = -1;
  // Cells with a value (merged cells other than the top-left are used but blank: they widen the
  // rectangle, never the data).
  let cells = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      minRow = Math.min(minRow, r);
      maxRow = Math.max(maxRow, r);
      minCol = Math.min(minCol, c);
      maxCol = Math.max(maxCol, c);
      if (cell.type !== ValueType.Merge) cells++;
    });
  });
  // The same by row (0-based), asked for only when the rectangle is too large to keep whole.
  const rowSpans = (): AxisSpans => {
    const out: AxisSpans = { from: [], to: [], n: [] };
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      let n = 0;
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ValueType.Merge) n++;
      });
      if (n > 0) {
        out.from.push(r - 1);
        out.to.push(r - 1);
        out.n.push(n);
      }
    });
    return out;
  };
  const visibility = ws.state === 'hidden' ? 'hidden' : ws.state === 'veryHidden' ? 'veryHidden' : 'visible';
  if (maxRow < 0) return { name: ws.name, originRow: 0, originCol: 0, values: [], visibility };
  const used: Rect = { r0: minRow - 1, c0: minCol - 1, r1: maxRow - 1, c1: maxCol - 1 };
  // Cells with a value by column, within a band of rows (0-based).
  const colsWithin = (r0: number, r1: number): AxisSpans => {
    const count = new Map<number, number>();
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (r - 1 < r0 || r - 1 > r1) return;
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type !== ValueType.Merge) count.set(c - 1, (count.get(c - 1) ?? 0) + 1);
      });
    });
    const at = [...count.keys()].sort((a, b) => a - b);
    return { from: at, to: at, n: at.map((c) => count.get(c) as number) };
  };
  const choice = chooseRegion(rowSpans, colsWithin, cells, used);
  if (choice.kind === 'empty') return { name: ws.name, originRow: 0, originCol: 0, values: [], visibility };
  if (choice.kind === 'too-large') return { name: ws.name, originRow: 0, originCol: 0, values: [], visibility, unread: tooLargeMessage(ws.name, choice.region, cells) };
  const region = choice.kind === 'region' ? choice.region : used;
  const rows = region.r1 - region.r0 + 1;
  const width = region.c1 - region.c0 + 1;
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(width).fill(null));
  const numberFormats: string[][] = Array.from({ length: rows }, () => new Array<string>(width).fill('General'));
  const indents: number[][] = Array.from({ length: rows }, () => new Array<number>(width).fill(0));
  const far: string[] = [];
  let farCount = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const i = r - 1 - region.r0;
      const j = c - 1 - region.c0;
      if (i < 0 || i >= rows || j < 0 || j >= width) {
        // Outside the region: only a cell with a value is worth a word.
        if (cell.type !== ValueType.Merge && cellValue(cell) !== null) {
          farCount++;
          if (far.length < FAR_LISTED + 1) far.push(toA1(r - 1, c - 1));
        }
        return;
      }
      values[i][j] = cellValue(cell);
      if (cell.numFmt) numberFormats[i][j] = cell.numFmt;
      const indent = cell.alignment?.indent;
      if (indent) indents[i][j] = indent;
    });
  });
  const grid: SheetGrid = { name: ws.name, originRow: region.r0, originCol: region.c0, values, numberFormats, indents, visibility };
  if (farCount > 0) grid.notes = [farCellsNote(ws.name, far, farCount, region)];
  return grid;
}

/** The error for bytes that ExcelJS (or JSZip under it) cannot load. */
export function damagedError(name: string, e: unknown): WorkbookReadError {
  // JSZip's messages start with "Bug :" for damaged data; the user needs the rest only.
  const reason = (e instanceof Error ? e.message : String(e)).replace(/^Bug\s*:\s*/, '');
  return new WorkbookReadError(message('host.xlsx.damaged', { name, reason }));
}

/**
 * The first text cell (in part order, cell order) naming a shared string the table does not
 * have, as the streaming reader reports it; undefined when there is none.
 */
async function locateSharedStringOutOfRange(bytes: Uint8Array, name: string): Promise<WorkbookReadError | undefined> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    const sst = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    const size = (sst.match(/<(?:\w+:)?si[\s>/]/g) ?? []).length;
    for (const entry of Object.values(zip.files)) {
      const part = entry.name.replace(/^\//, '');
      if (entry.dir || !/^xl\/worksheets\/sheet\d+\.xml$/.test(part)) continue;
      const xml = await entry.async('string');
      for (const m of xml.matchAll(/<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?v>\s*(\d+)\s*<\/(?:\w+:)?v>/g)) {
        if (!/\bt\s*=\s*["']s["']/.test(m[1])) continue;
        const index = Number(m[2]);
        const address = /\br\s*=\s*["']([^"']+)["']/.exec(m[1])?.[1] ?? '?';
        if (index >= size) return sharedStringOutOfRange(name, part, address, index, size);
      }
    }
  } catch {
    // The package cannot even be listed: the caller's "damaged" message stands.
  }
  return undefined;
}

/** The error for a zip that loads but has no worksheet. */
export function noWorksheetError(name: string): WorkbookReadError {
  // Excel never saves a workbook without a worksheet; a zip that is not a workbook loads as one.
  return new WorkbookReadError(message('host.xlsx.no-worksheet', { name }));
}

/** A sheet the workbook lists whose part is missing: its place among the readable worksheets. */
export interface MissingSheet {
  index: number;
  name: string;
  part: string;
}

/** A workbook loaded by ExcelJS, and the sheets it lists that the package does not hold. */
export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  missing: MissingSheet[];
}

/**
 * Loads workbook bytes with ExcelJS; throws WorkbookReadError with a bilingual reason. The
 * package is screened first (package-guard.ts: size and ratio limits, DOCTYPE, merged areas
 * ExcelJS cannot handle in reasonable time), so that ExcelJS never sees a hostile file.
 */
export async function loadWorkbook(bytes: Uint8Array, name: string, limits?: Partial<PackageLimits>): Promise<LoadedWorkbook> {
  const sniffed = sniffWorkbook(bytes, name);
  if (sniffed) throw sniffed;
  let missing: Awaited<ReturnType<typeof screenForExcelJS>>['missing'];
  let workbookXml: string | undefined;
  try {
    ({ missing, workbookXml } = await screenForExcelJS(bytes, name, limits));
  } catch (e) {
    if (e instanceof StatedSizeExceeded) throw damagedError(name, e);
    throw e;
  }
  const wb = new Workbook();
  try {
    // Sheets that share a sheetId: ExcelJS would keep only the last of them, so the package is
    // loaded with its workbook part renumbered (a rare file; the rest is passed on as it is).
    if (workbookXml) {
      const zip = await JSZip.loadAsync(bytes);
      zip.file(zip.file('xl/workbook.xml') ? 'xl/workbook.xml' : '/xl/workbook.xml', workbookXml);
      bytes = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    }
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    // ExcelJS fails on a shared string past the table's end without saying where: find the cell.
    if (e instanceof TypeError && /richText/.test(e.message)) {
      const located = await locateSharedStringOutOfRange(bytes, name);
      if (located) throw located;
    }
    throw damagedError(name, e);
  }
  if (wb.worksheets.length === 0) throw noWorksheetError(name);
  return { workbook: wb, missing };
}

/**
 * The grids of a loaded workbook, in workbook order: every worksheet, and an unread grid (with
 * its reason) for each sheet the workbook lists whose part is missing.
 */
export function gridsOf(
  wb: ExcelJS.Workbook,
  missing: readonly MissingSheet[],
  each: (ws: ExcelJS.Worksheet, i: number, all: ExcelJS.Worksheet[]) => SheetGrid = gridFromWorksheet,
): SheetGrid[] {
  const grids = wb.worksheets.map((ws, i, all) => each(ws, i, all));
  return withMissingSheets(grids, missing);
}

/** Inserts an unread grid for each missing sheet part at its place among the worksheets. */
export function withMissingSheets(grids: SheetGrid[], missing: readonly MissingSheet[]): SheetGrid[] {
  if (missing.length === 0) return grids;
  const out: SheetGrid[] = [];
  let k = 0;
  // `missing` is in workbook order; index is the number of readable worksheets before each.
  for (const m of missing) {
    while (k < m.index && k < grids.length) out.push(grids[k++]);
    out.push({ name: m.name, originRow: 0, originCol: 0, values: [], unread: sheetPartMissing(m.name, m.part) });
  }
  while (k < grids.length) out.push(grids[k++]);
  return out;
}

/** Reads .xlsx bytes into a snapshot of every worksheet. */
export async function readXlsx(bytes: Uint8Array, name: string): Promise<WorkbookSnapshot> {
  const { workbook, missing } = await loadWorkbook(bytes, name);
  return { name, sheets: gridsOf(workbook, missing) };
}
