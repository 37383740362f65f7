// A1 addresses: column letters, cell parsing, rectangles, and the comma lists that
// `Worksheet.getRanges` takes. Pure functions; no Office.js.

/** Excel's sheet size (ExcelApi on every platform since 2007). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

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

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/;

/** Parses `B3` / `$B$3` (no sheet). Returns null for anything else or off-sheet cells. */
export function parseCell(address: string): CellPos | null {
  const m = CELL_RE.exec(address.trim());
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLUMNS) return null;
  return { row, col };
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

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

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
