// Pieces the streaming reader's SheetCells builds on: rows of cells, styles, addresses, merged
// areas and the budget of cells kept (see read-xlsx-stream.ts for the whole reader).
import type { CellValue } from '../../../core/types';
import { type PackageLimits } from '../package-guard';
import { Range, colCache } from './exceljs-internals';

// ---------------------------------------------------------------------------------------------
// Cells of one worksheet

/** A <c> with a style and no value (ExcelJS: type Null): not a used cell unless merged or linked. */
export const STYLED_EMPTY = Symbol('styled-empty');
/** A cell inside a merged range, not its top-left cell (ExcelJS: type Merge): used, value null. */
export const MERGED = Symbol('merged');
/** The style of a run of cells the file has without a value and without a style (ExcelJS: type Merge, left out of the row). */
export const BARE = -1;

/** A value whose conversion threw (an invalid date): gridFromWorksheet throws it, so do we, at the same cell. */
export class ConvertFailure {
  constructor(readonly error: unknown) {}
}

/** What valueOf makes of a cell model. */
export type Made = CellValue | typeof STYLED_EMPTY | ConvertFailure;
/** A used cell of a row: its value, a merged cell, or a value whose conversion threw. */
export type Slot = CellValue | typeof MERGED | ConvertFailure | undefined;

export interface RowCells {
  /** Used cells by column - 1 (ExcelJS's cells other than Null and Merge); becomes the grid's row of values. */
  v: Slot[];
  /** How many entries of v are set: when far fewer than v.length, v is walked by its keys. */
  k: number;
  /** Style numbers by column - 1 (see Styles); absent means no style. */
  s: number[] | undefined;
  /**
   * Cells the file has without a value, as runs after e[0] (the largest last column of any run):
   * first column, last column (1-based), style number or BARE, in document order (a later run
   * wins). Only a hyperlink or a merged area makes them count; kept as runs so that formatting
   * spread over whole rows costs little.
   */
  e: number[] | undefined;
}

export function newRow(v: Slot[] = []): RowCells {
  return { v, k: 0, s: undefined, e: undefined };
}

/** Slots for up to this many columns of a plain row are made at their final size. */
export const SIZED_ROW = 64;
/** SIZED_ROW undefined slots, copied from for a row's v (a copy is packed and exactly as long). */
export const NO_SLOTS: Slot[] = Array.from({ length: SIZED_ROW }, () => undefined);

/** A row's style numbers, made at the length of its slots when that is short (see NO_SLOTS). */
export function styleSlots(row: RowCells): number[] {
  return row.v.length > 0 && row.v.length <= SIZED_ROW ? (NO_SLOTS.slice(0, row.v.length) as unknown as number[]) : [];
}

/** The style of the latest run of valueless cells that covers column `col` (1-based), if any. */
export function runAt(row: RowCells, col: number): number | undefined {
  const e = row.e;
  if (!e || col > e[0]) return undefined;
  for (let i = e.length - 3; i >= 1; i -= 3) if (col >= e[i] && col <= e[i + 1]) return e[i + 2];
  return undefined;
}

/** Calls f(j) for each set entry of the row's v (0-based columns, ascending). */
export function eachUsed(row: RowCells, f: (j: number) => void): void {
  const v = row.v;
  if (row.k * 4 >= v.length) {
    for (let j = 0; j < v.length; j++) if (v[j] !== undefined) f(j);
  } else {
    for (const key of Object.keys(v)) {
      const j = +key;
      if (v[j] !== undefined) f(j);
    }
  }
}

/** Cell styles reduced to what a grid keeps (number format, indent), numbered; 0 is "none". */
export class Styles {
  private readonly byObject = new Map<object, number>();
  private readonly byContent = new Map<string, number>([['\u0000', 0]]);
  readonly numFmt: Array<string | undefined> = [undefined];
  readonly indent: Array<number | undefined> = [undefined];

  /** The number of an ExcelJS style model (cell.style); styles are shared objects, looked up by identity first. */
  id(style: any): number {
    if (!style) return 0;
    let id = this.byObject.get(style);
    if (id === undefined) {
      id = this.of(style.numFmt || undefined, (style.alignment && style.alignment.indent) || undefined);
      this.byObject.set(style, id);
    }
    return id;
  }

  /** The number of a number format and indent. */
  of(numFmt: string | undefined, indent: number | undefined): number {
    const key = `${numFmt ?? ''}\u0000${indent ?? ''}`;
    let id = this.byContent.get(key);
    if (id === undefined) {
      id = this.numFmt.length;
      this.byContent.set(key, id);
      this.numFmt.push(numFmt);
      this.indent.push(indent);
    }
    return id;
  }
}

export interface Address {
  row: number;
  col: number;
  address: string;
  /** Known to pass colCache.validateAddress. */
  valid?: boolean;
}

/**
 * colCache.decodeAddress for the usual "B12" (which also passes the Cell constructor's
 * validateAddress), without its cache; anything else goes to colCache.
 */
export function decodeAddress(raw: string): Address {
  const n = raw.length;
  let col = 0;
  let i = 0;
  for (; i < n && i < 3; i++) {
    const c = raw.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + c - 64;
  }
  if (i > 0 && i < n && col <= 16384) {
    let row = 0;
    let k = i;
    const first = raw.charCodeAt(k);
    if (first >= 49 && first <= 57) {
      for (; k < n; k++) {
        const c = raw.charCodeAt(k);
        if (c < 48 || c > 57) break;
        row = row * 10 + c - 48;
      }
      if (k === n && row <= 1048576) return { row, col, address: raw, valid: true };
    }
  }
  return colCache.decodeAddress(raw);
}

export function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

/** A merged area, 1-based and inclusive as ExcelJS's Range. */
export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The number format and indent (as a Styles number) of a cell ExcelJS creates for a merged area. */
export type MergeStyle = (row: number, col: number) => number;

/** Counts what a read keeps in memory, against the limits (package-guard.ts). */
export interface Budget {
  readonly name: string;
  readonly limits: PackageLimits;
  /** Value cells, runs of valueless cells and merged areas kept so far, in all sheets. */
  cells: number;
}

/**
 * Merged areas overlap when one of them starts in a column range whose latest area (in order of
 * top row) has not ended: a segment tree over the columns keeps each column's latest bottom row.
 * Range-assign, range-max; O(log columns) per area.
 */
export class ColumnBottoms {
  private readonly size: number;
  private readonly max: Float64Array;
  private readonly tag: Float64Array;

  constructor(columns: number) {
    let size = 1;
    while (size < columns) size *= 2;
    this.size = size;
    this.max = new Float64Array(2 * size);
    this.tag = new Float64Array(2 * size).fill(-1);
  }

  private push(node: number): void {
    const t = this.tag[node];
    if (t < 0) return;
    for (const child of [2 * node, 2 * node + 1]) {
      this.max[child] = t;
      this.tag[child] = t;
    }
    this.tag[node] = -1;
  }

  /** The highest bottom row among columns lo..hi (0-based). */
  query(lo: number, hi: number, node = 1, nlo = 0, nhi = this.size - 1): number {
    if (hi < nlo || nhi < lo) return 0;
    if (lo <= nlo && nhi <= hi) return this.max[node];
    this.push(node);
    const mid = (nlo + nhi) >> 1;
    return Math.max(this.query(lo, hi, 2 * node, nlo, mid), this.query(lo, hi, 2 * node + 1, mid + 1, nhi));
  }

  /** Sets the bottom row of columns lo..hi (0-based). */
  assign(lo: number, hi: number, bottom: number, node = 1, nlo = 0, nhi = this.size - 1): void {
    if (hi < nlo || nhi < lo) return;
    if (lo <= nlo && nhi <= hi) {
      this.max[node] = bottom;
      this.tag[node] = bottom;
      return;
    }
    this.push(node);
    const mid = (nlo + nhi) >> 1;
    this.assign(lo, hi, bottom, 2 * node, nlo, mid);
    this.assign(lo, hi, bottom, 2 * node + 1, mid + 1, nhi);
    this.max[node] = Math.max(this.max[2 * node], this.max[2 * node + 1]);
  }
}

/**
 * Worksheet._parseMergeCells' check without its cost (it compares each area with every earlier
 * one): throws ExcelJS's own error when two areas share a cell.
 */
export function checkMergesApart(merges: Merge[]): void {
  if (merges.length < 2) return;
  let columns = 1;
  for (const m of merges) if (m.right > columns) columns = m.right;
  const order = merges.map((_, i) => i).sort((a, b) => merges[a].top - merges[b].top);
  const bottoms = new ColumnBottoms(columns);
  for (const i of order) {
    const m = merges[i];
    if (bottoms.query(m.left - 1, m.right - 1) >= m.top) throw new Error('Cannot merge already merged cells');
    bottoms.assign(m.left - 1, m.right - 1, m.bottom);
  }
}

/** A merged area as ExcelJS's Range reads it, or undefined when its corners are not plain cell numbers. */
export function plainMerge(ref: unknown): Merge | undefined {
  let range: any;
  try {
    range = new Range([ref]);
  } catch {
    return undefined;
  }
  const { top, left, bottom, right } = range;
  for (const x of [top, left, bottom, right]) if (!Number.isInteger(x) || x < 1) return undefined;
  if (top > bottom || left > right) return undefined;
  return { top, left, bottom, right };
}

/** What grid() reports besides the grid: non-empty cells it left out. */
export interface Far {
  count: number;
  places: string[];
}
