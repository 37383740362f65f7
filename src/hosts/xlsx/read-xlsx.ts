// Reads an .xlsx file (bytes) into a WorkbookSnapshot with ExcelJS. Works in Node and the browser:
// it takes bytes, not a path.
import ExcelJS from 'exceljs';
import type { CellValue, SheetGrid, WorkbookSnapshot } from '../../core/types';
import { WorkbookReadError } from './errors';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

/** Says why bytes are not a readable workbook before ExcelJS sees them; undefined when they may be. */
export function sniffWorkbook(bytes: Uint8Array, name: string): WorkbookReadError | undefined {
  if (bytes.length === 0) {
    return new WorkbookReadError({ 'zh-CN': `文件“${name}”是空文件。`, 'en-US': `File "${name}" is empty.` });
  }
  if (startsWith(bytes, OLE)) {
    return new WorkbookReadError({
      'zh-CN': `文件“${name}”受密码保护，或是旧版 .xls 格式：请在 Excel 中取消密码或另存为 .xlsx 后再校验。`,
      'en-US': `File "${name}" is password-protected or in the old .xls format: remove the password or save it as .xlsx in Excel, then check it again.`,
    });
  }
  if (!startsWith(bytes, ZIP)) {
    return new WorkbookReadError({
      'zh-CN': `文件“${name}”不是 .xlsx 工作簿（文件内容不是 Excel 格式）。`,
      'en-US': `File "${name}" is not an .xlsx workbook (its content is not in Excel's format).`,
    });
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

/** A formula cell: its cached result, or `=FORMULA` when the file has none. */
export function formulaValue(result: unknown, formula: unknown): CellValue {
  if (result === undefined || result === null) {
    // Saved without its result (a file written by a program that does not calculate): the
    // value is unknown, never blank. The formula text makes the cell checks say so.
    return typeof formula === 'string' && formula !== '' ? `=${formula}` : null;
  }
  return convert(result as ExcelJS.CellValue);
}

/** One ExcelJS cell's value as the checks see it. */
export function cellValue(cell: ExcelJS.Cell): CellValue {
  // A merged range holds its value in the top-left cell only, as in Excel (Office.js reads the
  // other cells as empty); ExcelJS would repeat it in every cell, so a value merged across two
  // year columns would count for both years.
  if (cell.type === ExcelJS.ValueType.Merge) return null;
  // ExcelJS's cell.value drops a falsy result ({formula} for a formula whose result is 0, false or
  // ''), which would read a calculated 0 as "not calculated": take the result itself. A shared
  // formula's cell.formula is translated from its master (=B2*2 below =B1*2).
  if (cell.type === ExcelJS.ValueType.Formula) return formulaValue(cell.result, cell.formula);
  return convert(cell.value);
}

/** Converts an ExcelJS worksheet's used cells into a SheetGrid. */
export function gridFromWorksheet(ws: ExcelJS.Worksheet): SheetGrid {
  let minRow = Infinity;
  let maxRow = -1;
  let minCol = Infinity;
  let maxCol = -1;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (_cell, c) => {
      minRow = Math.min(minRow, r);
      maxRow = Math.max(maxRow, r);
      minCol = Math.min(minCol, c);
      maxCol = Math.max(maxCol, c);
    });
  });
  const visibility = ws.state === 'hidden' ? 'hidden' : ws.state === 'veryHidden' ? 'veryHidden' : 'visible';
  if (maxRow < 0) return { name: ws.name, originRow: 0, originCol: 0, values: [], visibility };
  const rows = maxRow - minRow + 1;
  const cols = maxCol - minCol + 1;
  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const numberFormats: string[][] = Array.from({ length: rows }, () => new Array<string>(cols).fill('General'));
  const indents: number[][] = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const i = r - minRow;
      const j = c - minCol;
      values[i][j] = cellValue(cell);
      if (cell.numFmt) numberFormats[i][j] = cell.numFmt;
      const indent = cell.alignment?.indent;
      if (indent) indents[i][j] = indent;
    });
  });
  return { name: ws.name, originRow: minRow - 1, originCol: minCol - 1, values, numberFormats, indents, visibility };
}

/** The error for bytes that ExcelJS (or JSZip under it) cannot load. */
export function damagedError(name: string, e: unknown): WorkbookReadError {
  // JSZip's messages start with "Bug :" for damaged data; the user needs the rest only.
  const reason = (e instanceof Error ? e.message : String(e)).replace(/^Bug\s*:\s*/, '');
  return new WorkbookReadError({
    'zh-CN': `无法读取工作簿“${name}”：文件已损坏或不是有效的 .xlsx（${reason}）。`,
    'en-US': `Cannot read workbook "${name}": the file is damaged or not a valid .xlsx (${reason}).`,
  });
}

/** The error for a zip that loads but has no worksheet. */
export function noWorksheetError(name: string): WorkbookReadError {
  // Excel never saves a workbook without a worksheet; a zip that is not a workbook loads as one.
  return new WorkbookReadError({
    'zh-CN': `工作簿“${name}”中没有可读取的工作表（文件中没有工作表、只有图表工作表，或不是 Excel 工作簿）。`,
    'en-US': `Workbook "${name}" has no worksheet to read (it has no worksheets, only chart sheets, or is not an Excel workbook).`,
  });
}

/** Loads workbook bytes with ExcelJS; throws WorkbookReadError with a bilingual reason. */
export async function loadWorkbook(bytes: Uint8Array, name: string): Promise<ExcelJS.Workbook> {
  const sniffed = sniffWorkbook(bytes, name);
  if (sniffed) throw sniffed;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw damagedError(name, e);
  }
  if (wb.worksheets.length === 0) throw noWorksheetError(name);
  return wb;
}

/** Reads .xlsx bytes into a snapshot of every worksheet. */
export async function readXlsx(bytes: Uint8Array, name: string): Promise<WorkbookSnapshot> {
  const wb = await loadWorkbook(bytes, name);
  return { name, sheets: wb.worksheets.map(gridFromWorksheet) };
}
