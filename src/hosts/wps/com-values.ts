// Values as WPS Spreadsheets' object model hands them over, and back. Pure functions, no WPS.
//
// Range.Value2 gives numbers (dates as serial numbers), text and booleans as they are; an empty
// cell as undefined (or null, or ''); an error cell as the COM error number of its Excel error
// code: 0x800A0000 + xlErr…, as a signed 32-bit number (#DIV/0!, xlErrDiv0 = 2007, is
// -2146826281). Those numbers are what the engine must see as errors, never as figures: a cell
// that really holds -2146826281 is read as #DIV/0! too, which no indicator value can be.
import type { CellValue } from '../../core/types';

/** 0x800A0000 as a signed 32-bit integer: COM's CVErr base for Excel error values. */
export const COM_ERROR_BASE = -2146828288;

/** Excel's xlErr… codes (XlCVError) by the error text the engine uses. */
export const XL_ERROR_CODES: Readonly<Record<string, number>> = {
  '#NULL!': 2000,
  '#DIV/0!': 2007,
  '#VALUE!': 2015,
  '#REF!': 2023,
  '#NAME?': 2029,
  '#NUM!': 2036,
  '#N/A': 2042,
  '#GETTING_DATA': 2043,
  '#SPILL!': 2045,
  '#CONNECT!': 2046,
  '#BLOCKED!': 2047,
  '#UNKNOWN!': 2048,
  '#FIELD!': 2049,
  '#CALC!': 2050,
};

const ERROR_BY_NUMBER = new Map<number, string>(Object.entries(XL_ERROR_CODES).map(([text, code]) => [COM_ERROR_BASE + code, text]));

/** The error text of a COM error number (`-2146826281` → `#DIV/0!`), or null for any other value. */
export function comErrorText(v: unknown): string | null {
  return typeof v === 'number' ? (ERROR_BY_NUMBER.get(v) ?? null) : null;
}

/** The COM error number of an error text (`#DIV/0!` → -2146826281), or null when unknown. */
export function comErrorNumber(text: string): number | null {
  const code = XL_ERROR_CODES[text];
  return code === undefined ? null : COM_ERROR_BASE + code;
}

/** One Value2 entry as the engine's cell value. */
export function cellFromValue2(v: unknown): CellValue {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v === 'number') {
    const error = comErrorText(v);
    if (error) return { error };
    return Number.isFinite(v) ? v : String(v);
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/**
 * Value2 of a rows × cols block as rows of values: a single cell's Value2 is a scalar, a
 * block's an array of rows. Throws when the shape is not what was asked for.
 */
export function value2Rows(v: unknown, rows: number, cols: number): unknown[][] {
  if (rows === 1 && cols === 1) return [[Array.isArray(v) ? (Array.isArray(v[0]) ? v[0][0] : v[0]) : v]];
  if (!Array.isArray(v) || v.length !== rows) {
    throw new Error(`Value2 of a ${rows}×${cols} range is not ${rows} rows (${Array.isArray(v) ? `${v.length} rows` : typeof v})`);
  }
  return v.map((row, i) => {
    if (!Array.isArray(row) || row.length !== cols) throw new Error(`Value2 row ${i + 1} of a ${rows}×${cols} range is not ${cols} cells`);
    return row as unknown[];
  });
}

/** `#FFC7CE` → the BGR number COM colour properties take (red + green·256 + blue·65536). */
export function bgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #RRGGBB colour: ${hex}`);
  return parseInt(m[1], 16) + parseInt(m[2], 16) * 256 + parseInt(m[3], 16) * 65536;
}

/**
 * A format as the engine reads formats: NumberFormat is in English in the object model, but a
 * Chinese WPS may give General as its local name, and an empty string means General as well.
 */
export function normalizeNumberFormat(f: unknown): string {
  if (typeof f !== 'string' || f === '' || f === 'G/通用格式') return 'General';
  return f;
}
