// A1 addresses for the Office.js hosts: cells within Excel's sheet size, rectangles, and the comma
// lists that `Worksheet.getRanges` takes, on the core's A1 helpers (core/a1.ts). Pure functions;
// no Office.js.
import { columnIndex, columnLetters, fromA1, toA1 } from '../../core/a1';

export { columnIndex, columnLetters };

/** Excel's sheet size (ExcelApi on every platform since 2007). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface CellPos {
  row: number;
  col: number;
}

/** Rectangle of cells, 0-based, inclusive on both ends. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Parses `B3` / `$B$3` (no sheet). Returns null for anything else or off-sheet cells. */
export function parseCell(address: string): CellPos | null {
  const p = fromA1(address);
  if (!p || p.row >= MAX_ROWS || p.col < 0 || p.col >= MAX_COLUMNS) return null;
  return p;
}

/**
 * The top-left cell of an address that may carry a sheet prefix or be a range
 * (`Sheet1!B3:C4` → B3). Returns null when it is not a cell address.
 */
export function firstCellOf(address: string): CellPos | null {
  let a = address.trim();
  const bang = a.lastIndexOf('!');
  if (bang >= 0) a = a.slice(bang + 1);
  const colon = a.indexOf(':');
  if (colon >= 0) a = a.slice(0, colon);
  return parseCell(a);
}

export const cellAddress = toA1;

export function rectAddress(r: Rect): string {
  const a = cellAddress(r.r0, r.c0);
  if (r.r0 === r.r1 && r.c0 === r.c1) return a;
  return `${a}:${cellAddress(r.r1, r.c1)}`;
}

/** Quotes a sheet name for a formula or a qualified address: `'It''s'`. */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Merges cells into vertical runs per column (B3,B4,B5 → B3:B5) and returns their
 * addresses in column-then-row order. Duplicates are dropped.
 */
export function mergeCellsIntoRuns(cells: CellPos[]): Rect[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const runs: Rect[] = [];
  for (const c of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.c0 === c.col && c.row <= last.r1 + 1) {
      if (c.row > last.r1) last.r1 = c.row;
      continue;
    }
    runs.push({ r0: c.row, c0: c.col, r1: c.row, c1: c.col });
  }
  return runs;
}

/**
 * Splits a list of addresses into comma-joined strings each shorter than `maxChars`
 * (`Worksheet.getRanges` truncates or fails past 8,192 characters).
 */
export function chunkAddressList(addresses: string[], maxChars: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const a of addresses) {
    if (a.length >= maxChars) throw new Error(`address longer than ${maxChars} characters: ${a.slice(0, 40)}…`);
    const next = current ? `${current},${a}` : a;
    if (next.length >= maxChars) {
      chunks.push(current);
      current = a;
    } else {
      current = next;
    }
  }
  if (current) chunks.push(current);
  return chunks;
}
