// A1 addresses. Rows and columns are 0-based here; A1 strings are 1-based as in Excel.

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function toA1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** A → 0, AA → 26 (letters of either case). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Parses `F15` or `$F$15` into 0-based row/col; undefined when it is not a single-cell address. */
export function fromA1(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return undefined;
  const row = Number(m[2]);
  if (row < 1) return undefined;
  return { row: row - 1, col: columnIndex(m[1]) };
}
