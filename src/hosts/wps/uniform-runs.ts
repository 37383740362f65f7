// Per-cell formats (NumberFormat, IndentLevel) through an object model that answers per range:
// the format of a range when all its cells share it, null when they differ. Asking cell by cell
// would be one call per cell; this splits a column into runs of one value with few calls.
//
// Pure: `read(a, b)` is the only door to the workbook (rows a..b of one column).
//
// Cost, in calls of `read`:
//  - a uniform column: 1;
//  - title and header rows above a uniform body (the usual indicator column): at most
//    2 + PEEL_ROWS + 2·(title rows), whatever the number of rows below;
//  - runs at the row boundaries of the column before (`hint`, the year columns of a wide
//    sheet share the formats of their rows): 1 + one per run;
//  - otherwise halving: about 2·k·log2(rows / k) for k runs.

export interface Run<T> {
  /** First and last row of the run (inclusive, in the caller's row numbers). */
  from: number;
  to: number;
  value: T;
}

/** How many leading rows are tried off the top before halving. */
export const PEEL_ROWS = 4;

/**
 * Rows [from, to] split into runs of equal value, in order, adjacent equal runs merged.
 * `read(a, b)` gives the value of rows a..b or null when they differ; `fallback` stands for a
 * single row that still answers null. `hint` are run starts (as from an earlier call) worth
 * trying first.
 */
export function uniformRuns<T>(from: number, to: number, read: (a: number, b: number) => T | null, fallback: T, hint?: readonly number[]): Array<Run<T>> {
  const out: Array<Run<T>> = [];
  const push = (a: number, b: number, value: T): void => {
    const last = out[out.length - 1];
    if (last && last.to === a - 1 && last.value === value) last.to = b;
    else out.push({ from: a, to: b, value });
  };
  const split = (a: number, b: number): void => {
    const v = read(a, b);
    if (v !== null) return push(a, b, v);
    if (a === b) return push(a, b, fallback);
    const mid = Math.floor((a + b) / 2);
    split(a, mid);
    split(mid + 1, b);
  };

  const whole = read(from, to);
  if (whole !== null) {
    push(from, to, whole);
    return out;
  }
  if (from === to) {
    push(from, to, fallback);
    return out;
  }

  const starts = (hint ?? []).filter((s) => s > from && s <= to);
  if (starts.length > 0) {
    const bounds = [from, ...new Set(starts)].sort((x, y) => x - y);
    bounds.forEach((a, i) => split(a, i + 1 < bounds.length ? bounds[i + 1] - 1 : to));
    return out;
  }

  // A few title or header rows above one body: find where the uniform body starts.
  for (let k = 1; k <= PEEL_ROWS && from + k <= to; k++) {
    const body = read(from + k, to);
    if (body !== null) {
      split(from, from + k - 1);
      push(from + k, to, body);
      return out;
    }
  }
  const mid = Math.floor((from + to) / 2);
  split(from, mid);
  split(mid + 1, to);
  return out;
}
