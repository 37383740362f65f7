// Streaming .xlsx reader for the command line (Node only; the browser keeps read-xlsx.ts).
//
// readXlsx (ExcelJS's full reader) inflates each worksheet into one string and keeps a model
// object, then a Row and a Cell object, per cell: ~2.8 KB of memory per row of five cells, so a
// 1,000,000-row sheet takes 45 s and 2.8 GB. This reader gives exactly the same WorkbookSnapshot
// (tests/xlsx-stream.test.ts compares the two on samples, odd files and random ones) and keeps
// only the grid (1 M rows: 7 s, 0.4 GB; npm run bench, "Reading .xlsx"):
//
//   - every part but the worksheets goes through the code ExcelJS's full reader runs on it (its
//     zip loop, xforms, reconcile and Workbook/Worksheet model setters), so sheet names, order,
//     visibility, styles, shared strings, merges and the errors of those steps are ExcelJS's own;
//   - a worksheet is inflated by node's zlib as a stream (JSZip's size check is repeated) and read
//     by FastXml, a tokenizer for plain XML that hands <sheetData> rows straight to SheetCells as
//     RowXform/CellXform would build them, and every other element to ExcelJS's WorksheetXform.
//     On anything else (comments, CDATA, rich inline text, malformed XML …) it gives up and the
//     part is read again by saxes in the 16 K-character pieces ExcelJS feeds it, into ExcelJS's
//     own xforms, so that odd and broken files read (or fail) exactly as in ExcelJS;
//   - each row is reconciled (RowXform/CellXform.reconcile: styles, shared strings, dates, shared
//     formulas) and turned into values when it closes, instead of being kept; what ExcelJS's Row,
//     Cell and merge code then does (cells without a value, cells with only a style, merged
//     ranges, hyperlinks) is repeated in SheetCells, and the grid is built as gridFromWorksheet
//     builds it, with the same convert/formulaValue.
//
// ExcelJS's own streaming WorkbookReader was measured too (scripts/bench/read-child.js): it reads
// cells by other rules (error and boolean formula results, merges, dates of formula results) and
// builds a Row and Cell per cell; merely iterating 1 M rows took 17 s. Errors: the same bilingual
// WorkbookReadError as readXlsx (sniffWorkbook, JSZip, "no worksheet", "damaged"); a damaged file
// that fails in more than one part may name another part than readXlsx would, so up to
// FALLBACK_BYTES of inflated content the full reader words the error.
import ExcelJS from 'exceljs';
import { createRequire } from 'module';
import * as zlib from 'zlib';
import { toA1 } from '../../core/a1';
import { chooseRegion, farCellsNote, FAR_LISTED, tooLargeMessage, type AxisSpans, type Rect } from '../../core/region';
import type { CellValue, SheetGrid, WorkbookSnapshot } from '../../core/types';
import { WorkbookReadError } from './errors';
import {
  checkStatedSizes,
  doctypeFound,
  hasDoctype,
  limitsWith,
  PackageLimitError,
  sharedStringOutOfRange,
  sharedStringsMissing,
  targetPart,
  tooManyCells,
  tooManyEntries,
  uniqueSheetIds,
  zipEntryCount,
  type PackageLimits,
} from './package-guard';
import { convert, damagedError, formulaValue, gridsOf, loadWorkbook, noWorksheetError, sniffWorkbook, withMissingSheets } from './read-xlsx';

/* eslint-disable @typescript-eslint/no-explicit-any */
// ExcelJS's internals, from ExcelJS's own location so that jszip, saxes and readable-stream are
// the copies ExcelJS itself uses (no new dependency).
const fromExcelJs = createRequire(require.resolve('exceljs'));
const lib = (p: string): any => fromExcelJs(`./lib/${p}`);
const JSZip: any = fromExcelJs('jszip');
const { SaxesParser }: any = fromExcelJs('saxes');
const { PassThrough }: any = fromExcelJs('readable-stream');
const WorksheetXform: any = lib('xlsx/xform/sheet/worksheet-xform.js');
const SharedStringsXform: any = lib('xlsx/xform/strings/shared-strings-xform.js');
const StylesXform: any = lib('xlsx/xform/style/styles-xform.js');
const AppXform: any = lib('xlsx/xform/core/app-xform.js');
const CoreXform: any = lib('xlsx/xform/core/core-xform.js');
const Range: any = lib('doc/range.js');
const colCache: any = lib('utils/col-cache.js');
const { slideFormula }: any = lib('utils/shared-formula.js');
const utils: any = lib('utils/utils.js');
const excelToDate = (v: unknown, date1904: unknown): Date => utils.excelToDate(v, date1904);

const T = ExcelJS.ValueType;
// Globals used per cell, held here: under jest (a vm context) every global lookup is slow.
const toInt = Number.parseInt;
const toFloat = Number.parseFloat;
const isNaN = Number.isNaN;
/** ExcelJS hands text to saxes in pieces of this many UTF-16 units (xlsx.js); so do we. */
const SAX_CHUNK = 16 * 1024;
/** Below this many inflated bytes a failed streaming read asks the full reader for its error. */
export const FALLBACK_BYTES = 32 * 1024 * 1024;

export interface StreamReadOptions {
  /**
   * When the streaming read fails on a file of at most FALLBACK_BYTES inflated, return what the
   * full reader returns for it (its snapshot or its error). Default true; tests turn it off.
   */
  fallback?: boolean;
  /** Filled in: worksheets read by the fast tokenizer, by saxes, and whether the full reader was used. */
  stats?: { fast: number; saxes: number; full: boolean };
  /** Read every worksheet with saxes, as ExcelJS does (tests compare both ways). */
  saxesOnly?: boolean;
  /** Limits on the package and the cells kept (package-guard.ts DEFAULT_LIMITS); tests lower them. */
  limits?: Partial<PackageLimits>;
}

// ---------------------------------------------------------------------------------------------
// Cells of one worksheet

/** A <c> with a style and no value (ExcelJS: type Null): not a used cell unless merged or linked. */
const STYLED_EMPTY = Symbol('styled-empty');
/** A cell inside a merged range, not its top-left cell (ExcelJS: type Merge): used, value null. */
const MERGED = Symbol('merged');
/** The style of a run of cells the file has without a value and without a style (ExcelJS: type Merge, left out of the row). */
const BARE = -1;

/** A value whose conversion threw (an invalid date): gridFromWorksheet throws it, so do we, at the same cell. */
class ConvertFailure {
  constructor(readonly error: unknown) {}
}

/** What valueOf makes of a cell model. */
type Made = CellValue | typeof STYLED_EMPTY | ConvertFailure;
/** A used cell of a row: its value, a merged cell, or a value whose conversion threw. */
type Slot = CellValue | typeof MERGED | ConvertFailure | undefined;

interface RowCells {
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

function newRow(): RowCells {
  return { v: [], k: 0, s: undefined, e: undefined };
}

/** The style of the latest run of valueless cells that covers column `col` (1-based), if any. */
function runAt(row: RowCells, col: number): number | undefined {
  const e = row.e;
  if (!e || col > e[0]) return undefined;
  for (let i = e.length - 3; i >= 1; i -= 3) if (col >= e[i] && col <= e[i + 1]) return e[i + 2];
  return undefined;
}

/** Calls f(j) for each set entry of the row's v (0-based columns, ascending). */
function eachUsed(row: RowCells, f: (j: number) => void): void {
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
class Styles {
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

interface Address {
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
function decodeAddress(raw: string): Address {
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

function cellKey(row: number, col: number): string {
  return `${row},${col}`;
}

/** A merged area, 1-based and inclusive as ExcelJS's Range. */
interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The number format and indent (as a Styles number) of a cell ExcelJS creates for a merged area. */
type MergeStyle = (row: number, col: number) => number;

/** Counts what a read keeps in memory, against the limits (package-guard.ts). */
interface Budget {
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
class ColumnBottoms {
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
function checkMergesApart(merges: Merge[]): void {
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
function plainMerge(ref: unknown): Merge | undefined {
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
interface Far {
  count: number;
  places: string[];
}

/**
 * The cells of one worksheet as ExcelJS's Worksheet would hold them, without Row and Cell objects:
 * fed one reconciled row model at a time, in document order.
 */
class SheetCells {
  readonly rows: Array<RowCells | undefined> = [];
  /** Row style ids (<row s>), by row number: merged cells created by ExcelJS take the row's style. */
  readonly rowStyleIds: Array<number | undefined> = [];
  /** A <row> without a number (ExcelJS: "Invalid row number in model" when the worksheet is set). */
  sawRowWithoutNumber = false;
  /** Cells whose r attribute is not the canonical address of where they stand: raw r → positions. */
  private readonly oddAddresses = new Map<string | undefined, Array<[number, number]>>();
  private readonly oddPositions = new Set<string>();
  /** Formulas saved without a result, by position: a hyperlink on one makes it blank. */
  private readonly unresolvedFormulas = new Set<string>();
  /** Shared-formula masters: normalised address → formula text. */
  private readonly masters = new Map<string, string | undefined>();
  /** Merged areas (setMerges) and the style of the cells ExcelJS would create for them. */
  private merges: Merge[] = [];
  private mergeStyle: MergeStyle = () => 0;
  readonly options: any;

  constructor(
    private readonly styles: Styles,
    parts: { styles: any; sharedStrings: any; date1904: any },
    private readonly budget: Budget,
    private readonly part: string,
  ) {
    // What WorksheetXform.reconcile passes to each row: hyperlinks are not known yet (they follow
    // <sheetData>) and are applied in applyHyperlinks; formulae is per worksheet.
    this.options = { styles: parts.styles, sharedStrings: parts.sharedStrings, date1904: parts.date1904, formulae: {}, hyperlinkMap: {} };
    this.maxCells = budget.limits.maxCells;
  }

  /** Cells, runs and merged areas this sheet counted into the budget. */
  private counted = 0;
  private readonly maxCells: number;

  /** One more cell, run or merged area kept in memory; stops the read above the limit. */
  private count(row: number): void {
    this.counted++;
    if (++this.budget.cells > this.maxCells) this.tooMany(row);
  }

  private tooMany(row: number): never {
    throw tooManyCells(this.budget.name, this.maxCells, this.part, row);
  }

  /** Gives back what this sheet counted (its rows are read again from the start). */
  release(): void {
    this.budget.cells -= this.counted;
    this.counted = 0;
  }

  /** One <row> as ExcelJS's RowXform parsed it. */
  addRow(model: any): void {
    const styleId: unknown = model.styleId; // reconcile clears it
    this.reconcileRow(model);
    const n: number = model.number;
    if (isNaN(n)) {
      this.sawRowWithoutNumber = true;
      return;
    }
    // Worksheet._parseRows: a later <row> with the same number replaces the earlier one.
    const row = newRow();
    if (n >= 1) {
      this.rows[n] = row;
      this.rowStyleIds[n] = styleId ? (styleId as number) : undefined;
    }
    // Row.model setter: cells of type Merge are skipped; a <c> without r is the next column.
    let previous: Address | undefined;
    const cells = model.cells;
    for (let k = 0; k < cells.length; k++) {
      const cm = cells[k];
      if (cm.type === T.Merge) {
        this.markBare(row, n, cm.address);
        continue;
      }
      const raw: unknown = cm.address;
      let address: Address | undefined;
      if (raw) address = decodeAddress(raw as string);
      else if (previous) address = { row: previous.row, col: previous.col + 1, address: colCache.encodeAddress(previous.row, previous.col + 1) };
      previous = address;
      if (!address) throw new TypeError("Cannot read properties of undefined (reading 'col')");
      const col = address.col;
      const j = col - 1;
      const there = row.v[j];
      const own = there === undefined && row.e !== undefined ? runAt(row, col) : undefined;
      if (there === undefined && !(own !== undefined && own >= 0)) {
        // Row.getCellEx → new Cell(row, column, address)
        if (col === undefined || isNaN(j)) throw new Error('A Cell needs a Row');
        if (!address.valid) colCache.validateAddress(address.address);
      }
      const made = this.valueOf(cm, n, col);
      const sid = this.styles.id(cm.style);
      if (made === STYLED_EMPTY) {
        if (there !== undefined) {
          row.v[j] = undefined;
          row.k--;
        }
        this.addRun(row, col, sid, n);
      } else {
        if (there === undefined) {
          row.k++;
          this.counted++;
          if (++this.budget.cells > this.maxCells) this.tooMany(n);
        }
        row.v[j] = made;
        if (sid !== 0) (row.s ??= [])[j] = sid;
        else if (row.s) row.s[j] = 0;
      }
      if (raw !== address.address || address.row !== n) {
        const list = this.oddAddresses.get(raw as string | undefined) ?? [];
        list.push([n, col]);
        this.oddAddresses.set(raw as string | undefined, list);
        this.oddPositions.add(cellKey(n, col));
      } else if (this.oddPositions.size > 0) this.oddPositions.delete(cellKey(n, col));
    }
  }

  /** Appends a valueless cell at `col` to the row's runs, extending the last run when it continues it. */
  private addRun(row: RowCells, col: number, sid: number, n: number): void {
    const e = (row.e ??= [0]);
    const last = e.length - 3;
    if (last >= 1 && e[last + 1] === col - 1 && e[last + 2] === sid) e[last + 1] = col;
    else {
      e.push(col, col, sid);
      this.count(n);
    }
    if (col > e[0]) e[0] = col;
  }

  /**
   * RowXform.reconcile and CellXform.reconcile (styles, shared strings, dates, shared formulas),
   * line for line, with isDateFmt remembered per format; the hyperlink step is applyHyperlinks.
   */
  private reconcileRow(model: any): void {
    const { styles, sharedStrings, date1904, formulae } = this.options;
    model.style = model.styleId ? styles.getStyleModel(model.styleId) : {};
    if (model.styleId !== undefined) model.styleId = undefined;
    for (const cm of model.cells) {
      const style = cm.styleId && styles && styles.getStyleModel(cm.styleId);
      if (style) cm.style = style;
      if (cm.styleId !== undefined) cm.styleId = undefined;
      switch (cm.type) {
        case T.String:
          if (typeof cm.value === 'number' && sharedStrings) {
            const text = sharedStrings.getString(cm.value);
            // An index past the table's end: the cell's text is lost, so say where, never blank.
            if (text === undefined) throw sharedStringOutOfRange(this.budget.name, this.part, String(cm.address), cm.value, sharedStrings.values.length);
            cm.value = text;
          }
          // Without a shared-strings part ExcelJS would read the string's index as a number.
          else if (typeof cm.value === 'number') throw sharedStringsMissing(this.budget.name, this.part);
          if (cm.value.richText) cm.type = T.RichText;
          break;
        case T.Number:
          if (style && this.isDateFmt(style.numFmt)) {
            cm.type = T.Date;
            cm.value = excelToDate(cm.value, date1904);
          }
          break;
        case T.Formula:
          if (cm.result !== undefined && style && this.isDateFmt(style.numFmt)) cm.result = excelToDate(cm.result, date1904);
          if (cm.shareType === 'shared') {
            if (cm.ref) formulae[cm.si] = cm.address;
            else {
              cm.sharedFormula = formulae[cm.si];
              cm.shareType = undefined; // ExcelJS deletes it; undefined reads the same below
            }
            cm.si = undefined;
          }
          break;
        default:
          break;
      }
    }
  }

  private readonly dateFormats = new Map<unknown, boolean>();

  private isDateFmt(numFmt: unknown): boolean {
    let date = this.dateFormats.get(numFmt);
    if (date === undefined) {
      date = utils.isDateFmt(numFmt) as boolean;
      this.dateFormats.set(numFmt, date);
    }
    return date;
  }

  /** A <c> ExcelJS leaves out (no value, no style): kept as a BARE run only for a hyperlink that may bring it back. */
  private markBare(row: RowCells, n: number, raw: unknown): void {
    if (typeof raw !== 'string') return;
    let address: { row: number; col: number; address: string };
    try {
      address = colCache.decodeAddress(raw);
    } catch {
      return;
    }
    if (!(address.col >= 1) || address.address !== raw || address.row !== n) return;
    if (row.v[address.col - 1] === undefined && runAt(row, address.col) === undefined) this.addRun(row, address.col, BARE, n);
  }

  /** A reconciled cell model's value, as cellValue(cell) gives it for the Cell ExcelJS makes of it. */
  private valueOf(cm: any, n: number, col: number): Made {
    try {
      switch (cm.type) {
        case T.Null:
          return STYLED_EMPTY;
        case undefined:
          // A cell CellXform closed early (at the </rPh> of an inline string): ExcelJS makes it a
          // JSONValue (Value.types[undefined]), a used cell whose value is undefined.
          return null;
        case T.Formula: {
          if (cm.shareType === 'shared' && cm.ref && typeof cm.address === 'string') this.masters.set(colCache.decodeAddress(cm.address).address, cm.formula);
          if (cm.result !== undefined && cm.result !== null) return convert(cm.result);
          this.unresolvedFormulas.add(cellKey(n, col));
          return formulaValue(undefined, cm.formula || this.translate(cm));
        }
        default:
          return convert(cm.value);
      }
    } catch (e) {
      return new ConvertFailure(e);
    }
  }

  /** FormulaValue._getTranslatedFormula: a shared formula's text, slid from its master. */
  private translate(cm: any): string | undefined {
    if (!cm.sharedFormula) return undefined;
    const master = colCache.decodeAddress(cm.sharedFormula);
    if (!this.masters.has(master.address)) return undefined;
    return slideFormula(this.masters.get(master.address), master.address, cm.address);
  }

  /**
   * CellXform.reconcile's hyperlink step, after the fact: a linked cell's value becomes
   * {text, hyperlink}, which cellValue reads as the value itself, except that a formula without a
   * result reads blank, and a cell without a value becomes a used (blank) cell.
   */
  applyHyperlinks(map: Record<string, unknown>): void {
    for (const [ref, target] of Object.entries(map)) {
      if (!target) continue;
      const positions: Array<[number, number]> = [...(this.oddAddresses.get(ref) ?? [])];
      try {
        const a = colCache.decodeAddress(ref);
        if (a.address === ref && a.col >= 1 && a.row >= 1 && !this.oddPositions.has(cellKey(a.row, a.col))) positions.push([a.row, a.col]);
      } catch {
        // not an address: no cell has it as its r
      }
      for (const [r, c] of positions) {
        const row = this.rows[r];
        if (!row) continue;
        const slot = row.v[c - 1];
        if (slot !== undefined) {
          if (this.unresolvedFormulas.has(cellKey(r, c))) row.v[c - 1] = null;
          continue;
        }
        const sid = runAt(row, c);
        if (sid === undefined) continue;
        row.v[c - 1] = null;
        row.k++;
        // A bare cell comes back without a style; a styled one keeps its own.
        if (sid > 0) (row.s ??= [])[c - 1] = sid;
        else if (row.s) row.s[c - 1] = 0;
      }
    }
  }

  /**
   * The worksheet's merged areas (already checked apart) and the style of the cells ExcelJS
   * creates for them (its Cell constructor: the row's number format and alignment, else the
   * column's). Applied by grid(), within the rectangle it reads only.
   */
  setMerges(merges: Merge[], style: MergeStyle): void {
    for (let i = 0; i < merges.length; i++) this.count(merges[i].top);
    this.merges = merges;
    this.mergeStyle = style;
  }

  /**
   * gridFromWorksheet over these cells: the used rectangle (values, and merged areas but their
   * top-left cells), or the region core/region.ts chooses when that rectangle is huge and mostly
   * empty; `far` gets the non-empty cells left outside it.
   */
  grid(name: string, state: unknown): SheetGrid {
    const visibility = state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible';
    let cells = 0;
    let minRow = Infinity;
    let maxRow = -1;
    let minCol = Infinity;
    let maxCol = -1;
    // k counts a row's used cells: a dense row's first and last are found from its ends.
    this.rows.forEach((row, r) => {
      if (!row || row.k === 0) return;
      const v = row.v;
      let first = -1;
      let last = -1;
      if (row.k * 4 >= v.length) {
        for (first = 0; first < v.length && v[first] === undefined; first++);
        for (last = v.length - 1; last >= 0 && v[last] === undefined; last--);
      } else {
        eachUsed(row, (j) => {
          if (first < 0) first = j;
          last = j;
        });
      }
      if (last < 0) return;
      if (first + 1 < minCol) minCol = first + 1;
      if (last + 1 > maxCol) maxCol = last + 1;
      if (r < minRow) minRow = r;
      if (r > maxRow) maxRow = r;
      cells += row.k;
    });
    // Used cells by row (0-based), asked for only when the rectangle is too large to keep whole.
    const rowSpans = (): AxisSpans => {
      const out: AxisSpans = { from: [], to: [], n: [] };
      this.rows.forEach((row, r) => {
        if (!row || row.k === 0) return;
        out.from.push(r - 1);
        out.to.push(r - 1);
        out.n.push(row.k);
      });
      return out;
    };
    // Every cell of a merged area but its top-left one is used (blank).
    for (const m of this.merges) {
      if (m.top === m.bottom && m.left === m.right) continue;
      const top = m.left === m.right ? m.top + 1 : m.top;
      const left = m.top === m.bottom ? m.left + 1 : m.left;
      if (top < minRow) minRow = top;
      if (m.bottom > maxRow) maxRow = m.bottom;
      if (left < minCol) minCol = left;
      if (m.right > maxCol) maxCol = m.right;
    }
    if (maxRow < 0) return { name, originRow: 0, originCol: 0, values: [], visibility };
    const used: Rect = { r0: minRow - 1, c0: minCol - 1, r1: maxRow - 1, c1: maxCol - 1 };
    // Used cells by column, within a band of rows (0-based).
    const colsWithin = (r0: number, r1: number): AxisSpans => {
      const colN: number[] = [];
      for (let r = r0 + 1; r <= r1 + 1; r++) {
        const row = this.rows[r];
        if (row) eachUsed(row, (j) => (colN[j] = (colN[j] ?? 0) + 1));
      }
      const out: AxisSpans = { from: [], to: [], n: [] };
      colN.forEach((n, j) => {
        out.from.push(j);
        out.to.push(j);
        out.n.push(n);
      });
      return out;
    };
    const choice = chooseRegion(rowSpans, colsWithin, cells, used);
    if (choice.kind === 'empty') return { name, originRow: 0, originCol: 0, values: [], visibility };
    if (choice.kind === 'too-large') return { name, originRow: 0, originCol: 0, values: [], visibility, unread: tooLargeMessage(name, choice.region, cells) };
    const far: Far = { count: 0, places: [] };
    const region = choice.kind === 'region' ? choice.region : used;
    const grid = this.build(name, visibility, region, far);
    if (far.count > 0) grid.notes = [farCellsNote(name, far.places, far.count, region)];
    return grid;
  }

  /** A used cell outside the region: counted when it holds a value (a conversion failure throws, as gridFromWorksheet would). */
  private noteFar(slot: Slot, r: number, c: number, far: Far): void {
    if (slot instanceof ConvertFailure) throw slot.error;
    if (slot === null || slot === undefined || slot === MERGED) return;
    far.count++;
    if (far.places.length <= FAR_LISTED) far.places.push(toA1(r - 1, c - 1));
  }

  /** The grid of `region` (0-based, inclusive); cells outside it go to `far`. */
  private build(name: string, visibility: SheetGrid['visibility'], region: Rect, far: Far): SheetGrid {
    const minRow = region.r0 + 1;
    const maxRow = region.r1 + 1;
    const minCol = region.c0 + 1;
    const maxCol = region.c1 + 1;
    // Rows above the region: far cells only. (Rows below are visited after the region.)
    this.rows.forEach((row, r) => {
      if (!row || r >= minRow) return;
      eachUsed(row, (j) => this.noteFar(row.v[j], r, j + 1, far));
      this.rows[r] = undefined;
    });
    this.applyMerges(region);
    const nRows = maxRow - minRow + 1;
    const nCols = maxCol - minCol + 1;
    const values: CellValue[][] = new Array(nRows);
    const numberFormats: string[][] = new Array(nRows);
    const indents: number[][] = new Array(nRows);
    const { numFmt, indent } = this.styles;
    // Rows whose cells have no number format and no indent share one (frozen) row of defaults:
    // the same grid as gridFromWorksheet's, in less memory; nothing writes into a SheetGrid.
    const generalRow = Object.freeze(new Array<string>(nCols).fill('General')) as string[];
    const zeroRow = Object.freeze(new Array<number>(nCols).fill(0)) as number[];
    for (let i = 0; i < nRows; i++) {
      const r = minRow + i;
      const row = this.rows[r];
      let fmts = generalRow;
      let ind = zeroRow;
      if (!row) {
        values[i] = new Array<CellValue>(nCols).fill(null);
      } else {
        // Cells of this row outside the region's columns.
        if (minCol > 1 || row.v.length > maxCol) {
          eachUsed(row, (j) => {
            if (j + 1 < minCol || j + 1 > maxCol) this.noteFar(row.v[j], r, j + 1, far);
          });
        }
        // The row's slots become its values, in place.
        const v = row.v;
        const end = v.length < maxCol ? v.length : maxCol;
        for (let c = minCol; c <= end; c++) {
          const slot = v[c - 1];
          if (slot === undefined) {
            v[c - 1] = null;
            continue;
          }
          if (slot instanceof ConvertFailure) throw slot.error;
          if (slot === MERGED) v[c - 1] = null;
          const sid = row.s?.[c - 1];
          if (sid) {
            const f = numFmt[sid];
            if (f) {
              if (fmts === generalRow) fmts = generalRow.slice();
              fmts[c - minCol] = f;
            }
            const k = indent[sid];
            if (k) {
              if (ind === zeroRow) ind = zeroRow.slice();
              ind[c - minCol] = k;
            }
          }
        }
        let out: Slot[] = v;
        if (v.length > nCols * 4 + 64) {
          // A sparse row (a far cell at its end): copy the region's part instead of cutting it down.
          out = v.slice(minCol - 1, maxCol);
        } else {
          if (minCol > 1) v.splice(0, minCol - 1);
          if (v.length > nCols) v.length = nCols;
        }
        for (let j = 0; j < nCols; j++) if (out[j] === undefined) out[j] = null;
        values[i] = out as CellValue[];
        this.rows[r] = undefined;
      }
      numberFormats[i] = fmts;
      indents[i] = ind;
    }
    // Rows below the region: far cells only.
    this.rows.forEach((row, r) => {
      if (!row || r <= maxRow) return;
      eachUsed(row, (j) => this.noteFar(row.v[j], r, j + 1, far));
      this.rows[r] = undefined;
    });
    return { name, originRow: minRow - 1, originCol: minCol - 1, values, numberFormats, indents, visibility };
  }

  /**
   * Worksheet._mergeCellsInternal for the cells inside `region` (0-based): every cell of an area
   * but its top-left one is used and blank; a cell the file has keeps its own style, a new one
   * takes the one mergeStyle gives. Areas never overlap, so the work is at most the region's size.
   */
  private applyMerges(region: Rect): void {
    const r0 = region.r0 + 1;
    const r1 = region.r1 + 1;
    const c0 = region.c0 + 1;
    const c1 = region.c1 + 1;
    for (const m of this.merges) {
      const top = Math.max(m.top, r0);
      const bottom = Math.min(m.bottom, r1);
      const left = Math.max(m.left, c0);
      const right = Math.min(m.right, c1);
      if (top > bottom || left > right) continue;
      for (let r = top; r <= bottom; r++) {
        let row = this.rows[r];
        if (!row) row = this.rows[r] = newRow();
        for (let c = left; c <= right; c++) {
          if (r === m.top && c === m.left) continue;
          const slot = row.v[c - 1];
          if (slot === undefined) {
            const own = runAt(row, c);
            const sid = own !== undefined && own >= 0 ? own : this.mergeStyle(r, c);
            if (sid !== 0) (row.s ??= [])[c - 1] = sid;
            else if (row.s) row.s[c - 1] = 0;
            row.k++;
          }
          row.v[c - 1] = MERGED;
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** A string in ExcelJS's object-mode stream, cut the way xlsx.js cuts it. */
function stringStream(content: string): any {
  const stream = new PassThrough({ writableObjectMode: true, readableObjectMode: true });
  for (let i = 0; i < content.length; i += SAX_CHUNK) stream.write(content.substring(i, i + SAX_CHUNK));
  stream.end();
  return stream;
}

/**
 * The inflated bytes of a zip entry, in pieces, with JSZip's size check: at the end, and as soon
 * as the entry inflates beyond the size its header states (a zip bomb whose header lies stops
 * there, not gigabytes later).
 */
async function* inflate(entry: any): AsyncGenerator<Uint8Array> {
  const data = entry._data;
  const magic: unknown = data?.compression?.magic;
  const raw: Uint8Array | undefined = data?.compressedContent;
  if (!raw || (magic !== '\x08\x00' && magic !== '\x00\x00') || typeof data.uncompressedSize !== 'number') {
    // Not a plain stored/deflated entry as JSZip loads them: let JSZip inflate it.
    yield await entry.async('uint8array');
    return;
  }
  const stated: number = data.uncompressedSize;
  let length = 0;
  if (magic === '\x00\x00') {
    for (let i = 0; i < raw.length && length <= stated; i += 1 << 20) {
      const piece = raw.subarray(i, i + (1 << 20));
      length += piece.length;
      if (length <= stated) yield piece;
    }
  } else {
    const inflater = zlib.createInflateRaw({ chunkSize: 1 << 16 });
    inflater.end(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
    try {
      for await (const piece of inflater as AsyncIterable<Buffer>) {
        length += piece.length;
        if (length > stated) break;
        yield piece;
      }
    } catch {
      // JSZip's inflater (pako) stops at damaged data without an error; the size check says it.
    } finally {
      inflater.destroy();
    }
  }
  // CompressedObject.getContentWorker
  if (length !== stated) throw new Error('Bug : uncompressed data size mismatch');
}

/** A whole part's bytes (its stated size was checked against the limits before). */
async function inflateWhole(entry: any): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  for await (const piece of inflate(entry)) pieces.push(piece);
  return Buffer.concat(pieces);
}

/** Parts read as XML (a DOCTYPE in any of them refuses the file). */
const XML_PART = /\.(xml|rels|vml)$/i;

/**
 * A part's text, decoded as JSZip's async('string') decodes it in Node (Buffer, UTF-8); a part
 * with a DOCTYPE is refused (package-guard.ts).
 */
async function partText(entry: any, part: string, name: string): Promise<string> {
  const text = (await inflateWhole(entry)).toString('utf-8');
  if (XML_PART.test(part) && hasDoctype(text)) throw doctypeFound(name, part);
  return text;
}

/** Inflates a part that is not used, for its errors only (as ExcelJS inflates every part), keeping none of it. */
async function verifyPart(entry: any, part: string, name: string): Promise<void> {
  let first = true;
  for await (const piece of inflate(entry)) {
    if (first && XML_PART.test(part) && hasDoctype(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf-8'))) throw doctypeFound(name, part);
    first = false;
  }
}

/** Throws when the first text of an XML part has a DOCTYPE. */
function checkProlog(text: string, where: { name: string; part: string } | undefined): void {
  if (where && hasDoctype(text)) throw doctypeFound(where.name, where.part);
}

/**
 * BaseXform.parseStream over an inflating entry: saxes gets the text in ExcelJS's pieces; its
 * errors are thrown after each piece, before the xform's; parsing stops when the root closes.
 * JSZip inflates a whole entry before ExcelJS parses it, so a size mismatch wins over a parse error.
 */
async function parseEntry(entry: any, xform: any, where?: { name: string; part: string }): Promise<any> {
  const parser = new SaxesParser();
  let saxError: unknown;
  let xformError: unknown;
  let stopped = false;
  let closed = false;
  parser.on('error', (e: unknown) => {
    saxError = e;
  });
  /** Runs one xform step unless parsing has stopped; the first error the xform throws stops it. */
  const step = (run: () => void): void => {
    if (stopped) return;
    try {
      run();
    } catch (e) {
      xformError = e;
      stopped = true;
    }
  };
  parser.on('opentag', (node: any) => step(() => xform.parseOpen(node)));
  parser.on('text', (text: string) => step(() => xform.parseText(text)));
  parser.on('closetag', (node: any) =>
    step(() => {
      if (!xform.parseClose(node.name)) {
        closed = true;
        stopped = true;
      }
    }),
  );
  let failure: unknown;
  let done = false;
  const write = (piece: string): void => {
    parser.write(piece);
    if (saxError) failure = saxError;
    else if (xformError) failure = xformError;
    else if (closed) done = true;
  };
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let carry = '';
  let first = true;
  for await (const bytes of inflate(entry)) {
    if (failure !== undefined || done) continue; // keep inflating: JSZip checks the size first
    let text = carry + decoder.decode(bytes, { stream: true });
    if (first) checkProlog(text, where);
    first = false;
    let i = 0;
    for (; text.length - i >= SAX_CHUNK && failure === undefined && !done; i += SAX_CHUNK) write(text.substring(i, i + SAX_CHUNK));
    carry = failure === undefined && !done ? text.substring(i) : '';
    text = '';
  }
  if (failure === undefined && !done) {
    const rest = carry + decoder.decode();
    if (rest.length > 0) write(rest);
  }
  if (failure !== undefined) throw failure;
  return xform.model;
}

// ---------------------------------------------------------------------------------------------
// A faster tokenizer for the common case

/** Thrown by FastXml on anything outside the plain XML it handles: the part is parsed again with saxes. */
class Bail extends Error {}

/** Unfinished markup FastXml carries from one chunk to the next before it leaves the part to saxes. */
const MAX_CARRY = 8 * 1024 * 1024;

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;
const DECLARATION = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/;
/** Characters XML does not allow (saxes reports them), a lone surrogate, and "]]>" (disallowed in text). */
const BAD_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]|\]\]>/;
/** Anything a text or attribute value needs more than slicing for (or bails on). */
const UNUSUAL = /[&<\t\n\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]|\]\]>/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Element and attribute names of <sheetData>, by length, matched without slicing. */
const HOT_NAMES: Array<string[] | undefined> = [];
for (const hot of ['c', 'v', 'r', 's', 't', 'f', 'is', 'ht', 'si', 'row', 'ref', 'spans', 'hidden', 'customFormat', 'customHeight', 'x14ac:dyDescent']) {
  (HOT_NAMES[hot.length] ??= []).push(hot);
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** The five predefined entities and character references, as saxes decodes them; anything else bails. */
function decodeEntities(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp);
    if (semi < 0) throw new Bail();
    const name = raw.slice(amp + 1, semi);
    let text = ENTITIES[name];
    if (text === undefined || !Object.prototype.hasOwnProperty.call(ENTITIES, name)) {
      const m = /^#(?:([0-9]+)|x([0-9a-fA-F]+))$/.exec(name);
      if (!m) throw new Bail();
      const cp = m[1] !== undefined ? parseInt(m[1], 10) : parseInt(m[2], 16);
      if (!isXmlChar(cp)) throw new Bail();
      text = String.fromCodePoint(cp);
    }
    out += raw.slice(from, amp) + text;
    from = semi + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/**
 * A tokenizer for well-formed XML without comments, CDATA, processing instructions, DOCTYPE or
 * non-ASCII names: it gives the xform the events saxes would give (one text event per text node,
 * line ends and attribute whitespace normalised, entities decoded), and throws Bail at anything
 * else, including every case in which saxes would report an error, so that the part is then
 * parsed by the saxes path and fails (or not) exactly as in ExcelJS.
 */
class FastXml {
  private carry = '';
  private readonly open: string[] = [];
  private started = false;
  private rootSeen = false;
  /** Element and attribute names seen, checked once. */
  private readonly names = new Set<string>();
  /** Inside <worksheet><sheetData>: rows are read by row() and handed to onRow. */
  private inRows = false;
  private sheetDataSeen = false;
  /** Attributes of the tag attrs() read last (names and values). */
  private readonly keys: string[] = [];
  private readonly vals: string[] = [];
  private count = 0;
  private selfClosing = false;
  /** rows() stopped for want of more text. */
  private starved = false;
  /** The pieces of a text node that spans chunks. */
  private pending: string[] = [];
  closed = false;

  constructor(
    private readonly xform: any,
    private readonly onRow?: (model: any) => void,
  ) {}

  write(chunk: string): void {
    let s = this.carry + chunk;
    this.carry = '';
    let i = 0;
    if (!this.started) {
      if (s.length < 300 && s.indexOf('>') < 0) {
        this.carry = s;
        return;
      }
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) i = 1;
      if (s.startsWith('<?', i)) {
        const m = DECLARATION.exec(s.slice(i, i + 300));
        if (!m) throw new Bail();
        i += m[0].length;
      }
    }
    const n = s.length;
    while (i < n) {
      if (this.inRows) {
        i = this.rows(s, i);
        if (this.starved) break;
        continue;
      }
      if (this.closed) {
        if (!/^[ \t\r\n]*$/.test(s.slice(i))) throw new Bail();
        return;
      }
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // A text node that goes on past this chunk: kept in pieces, not rescanned (a node of
        // megabytes would otherwise cost its length squared).
        if (i < n) this.pending.push(s.slice(i));
        i = n;
        break;
      }
      if (this.pending.length > 0) {
        this.pending.push(s.slice(i, lt));
        const whole = this.pending.join('');
        this.pending = [];
        this.text(whole);
      } else if (lt > i) this.text(s.slice(i, lt));
      i = lt;
      if (lt + 1 >= n) break;
      const c = s.charCodeAt(lt + 1);
      if (c === 0x2f) {
        // </name>: the name of the open element, then optional spaces
        const top = this.open[this.open.length - 1];
        if (top === undefined) throw new Bail();
        let j = lt + 2 + top.length;
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (j >= n) break;
        if (s.charCodeAt(j) !== 0x3e || !s.startsWith(top, lt + 2)) throw new Bail();
        this.open.pop();
        i = j + 1;
        this.close(top);
        continue;
      }
      if (c === 0x3f || c === 0x21) throw new Bail(); // <? <! (PI, comment, CDATA, DOCTYPE)
      const next = this.tag(s, lt);
      if (next < 0) break;
      i = next;
    }
    this.carry = s.slice(i);
    s = '';
    // What is carried is unfinished markup (a tag, a row): one of megabytes is for saxes, which
    // reads it in one pass, rather than for a rescan at every chunk.
    if (this.carry.length > MAX_CARRY) throw new Bail();
  }

  /** At the end of the part: anything left over, or no root closed, is for saxes to judge. */
  end(): void {
    if (!this.closed || !/^[ \t\r\n]*$/.test(this.carry)) throw new Bail();
  }

  private text(raw: string): void {
    if (!this.rootSeen || this.closed) {
      if (!/^[ \t\r\n]*$/.test(raw)) throw new Bail();
    }
    if (!UNUSUAL.test(raw)) {
      this.xform.parseText(raw);
      return;
    }
    if (BAD_CHARS.test(raw)) throw new Bail();
    const text = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
    this.xform.parseText(decodeEntities(text));
  }

  /** The name at s[a, j): a constant string for the usual ones, else a checked slice. */
  private name(s: string, a: number, j: number): string {
    const list = HOT_NAMES[j - a];
    if (list !== undefined) {
      const c = s.charCodeAt(a);
      for (let k = 0; k < list.length; k++) {
        const hot = list[k];
        if (hot.charCodeAt(0) === c && (hot.length === 1 || s.startsWith(hot, a))) return hot;
      }
    }
    const x = s.slice(a, j);
    if (!this.names.has(x)) {
      if (!NAME.test(x) || x === '__proto__') throw new Bail();
      this.names.add(x);
    }
    return x;
  }

  /** A start tag at `lt`; returns the index after it, or -1 when the chunk ends inside it. */
  private tag(s: string, lt: number): number {
    const n = s.length;
    let j = lt + 1;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (isSpace(c) || c === 0x2f || c === 0x3e) break;
      j++;
    }
    if (j >= n) return -1;
    const name = this.name(s, lt + 1, j);
    const end = this.attrs(s, j);
    if (end < 0) return -1;
    const attributes: Record<string, string> = {};
    for (let k = 0; k < this.count; k++) attributes[this.keys[k]] = this.vals[k];
    const selfClosing = this.selfClosing;
    j = end;
    if (this.open.length === 0) {
      if (this.rootSeen) throw new Bail(); // a second root
      this.rootSeen = true;
    }
    this.xform.parseOpen({ name, attributes, isSelfClosing: selfClosing });
    if (selfClosing) this.close(name);
    else {
      this.open.push(name);
      if (name === 'sheetData' && this.onRow && this.open.length === 2 && this.open[0] === 'worksheet') {
        if (this.sheetDataSeen) throw new Bail();
        this.sheetDataSeen = true;
        this.inRows = true;
      }
    }
    return j;
  }

  /**
   * The attributes of a tag from `j` (just after its name) to its end, into keys/vals: names
   * checked, no repeats, values quoted and decoded (tag() and the row fast path both read them
   * here); returns the index after ">" or "/>" (selfClosing says which), or -1 when `s` ends first.
   */
  private attrs(s: string, j: number): number {
    const n = s.length;
    let count = 0;
    for (;;) {
      const before = j;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return -1;
      const c = s.charCodeAt(j);
      if (c === 0x3e || c === 0x2f) {
        if (c === 0x2f) {
          if (j + 1 >= n) return -1;
          if (s.charCodeAt(j + 1) !== 0x3e) throw new Bail();
        }
        this.count = count;
        this.selfClosing = c === 0x2f;
        return c === 0x2f ? j + 2 : j + 1;
      }
      if (j === before) throw new Bail();
      const a = j;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d === 0x3d || isSpace(d) || d === 0x2f || d === 0x3e) break;
        j++;
      }
      if (j >= n) return -1;
      const key = this.name(s, a, j);
      for (let k = 0; k < count; k++) if (this.keys[k] === key) throw new Bail();
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return -1;
      if (s.charCodeAt(j) !== 0x3d) throw new Bail();
      j++;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return -1;
      const q = s.charCodeAt(j);
      if (q !== 0x22 && q !== 0x27) throw new Bail();
      let end = j + 1;
      let plain = true;
      for (; end < n; end++) {
        const d = s.charCodeAt(end);
        if (d === q) break;
        if (d < 0x20 || d === 0x26 || d === 0x3c || d === 0x5d || (d >= 0xd800 && d <= 0xdfff) || d >= 0xfffe) plain = false;
      }
      if (end >= n) return -1;
      let raw = s.slice(j + 1, end);
      if (!plain) {
        if (raw.indexOf('<') >= 0 || BAD_CHARS.test(raw)) throw new Bail();
        if (/[\t\n\r]/.test(raw)) raw = raw.replace(/\r\n|[\t\n\r]/g, ' ');
        raw = decodeEntities(raw);
      }
      this.keys[count] = key;
      this.vals[count] = raw;
      count++;
      j = end + 1;
    }
  }

  private attr(key: string): string | undefined {
    for (let k = 0; k < this.count; k++) if (this.keys[k] === key) return this.vals[k];
    return undefined;
  }

  /** Text content from `a` to the "<" at `lt`, as text() hands it on; '' for none. */
  private content(s: string, a: number, lt: number): string {
    if (lt === a) return '';
    let plain = true;
    for (let k = a; k < lt; k++) {
      const d = s.charCodeAt(k);
      if (d < 0x20 || d === 0x26 || d === 0x5d || (d >= 0xd800 && d <= 0xdfff) || d >= 0xfffe) {
        plain = false;
        break;
      }
    }
    const raw = s.slice(a, lt);
    if (plain) return raw;
    if (BAD_CHARS.test(raw)) throw new Bail();
    return decodeEntities(raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw);
  }

  /** The index of `</name>` closing text content that starts at `a` (no markup in between), or -1. */
  private endOf(s: string, a: number, close: string, limit: number): number {
    const lt = s.indexOf('<', a);
    if (lt < 0 || lt >= limit) throw new Bail();
    if (!s.startsWith(close, lt)) throw new Bail();
    return lt;
  }

  /**
   * Rows of <sheetData>, each read whole (a row ends at "</row>", which no text or attribute value
   * can contain) and built as RowXform and CellXform build it: rows of cells with v, f and inline
   * <is><t> text. Anything else (rich text, phonetic runs, extLst, comments …) bails. Returns the
   * index after what it read; `starved` when `s` ends inside a row.
   */
  private rows(s: string, i: number): number {
    const n = s.length;
    this.starved = false;
    for (;;) {
      let k = i;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (k + 12 >= n) {
        // wait for the whole of "</sheetData>" or "<row " (the blanks before are not kept)
        this.starved = true;
        return k;
      }
      if (s.charCodeAt(k) !== 0x3c) throw new Bail();
      if (s.startsWith('</sheetData', k)) {
        let j = k + 11;
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (j >= n) {
          this.starved = true;
          return i;
        }
        if (s.charCodeAt(j) !== 0x3e) throw new Bail();
        this.inRows = false;
        this.open.pop();
        this.close('sheetData');
        return j + 1;
      }
      if (!s.startsWith('<row', k)) throw new Bail();
      const next = this.row(s, k);
      if (next < 0) {
        this.starved = true;
        return i;
      }
      i = next;
    }
  }

  private row(s: string, k: number): number {
    const c0 = s.charCodeAt(k + 4);
    if (!(isSpace(c0) || c0 === 0x3e || c0 === 0x2f)) throw new Bail();
    let p = this.attrs(s, k + 4);
    if (p < 0) return -1;
    const r = this.attr('r');
    const st = this.attr('s');
    // RowXform.parseOpen
    const model: any = { number: toInt(r as string, 10), cells: [], styleId: st ? toInt(st, 10) : undefined };
    if (this.selfClosing) {
      (this.onRow as (m: any) => void)(model);
      return p;
    }
    const close = s.indexOf('</row>', p);
    if (close < 0) return -1;
    for (;;) {
      while (p < close && isSpace(s.charCodeAt(p))) p++;
      if (p >= close) break;
      if (!s.startsWith('<c', p)) throw new Bail();
      const c1 = s.charCodeAt(p + 2);
      if (!(isSpace(c1) || c1 === 0x3e || c1 === 0x2f)) throw new Bail();
      p = this.attrs(s, p + 2);
      if (p < 0 || p > close) throw new Bail();
      // CellXform.parseOpen('c')
      const cs = this.attr('s');
      // Same fields as CellXform's model, all present from the start (one object shape).
      const cell: any = {
        address: this.attr('r'),
        styleId: cs ? toInt(cs, 10) : undefined,
        type: undefined,
        value: undefined,
        formula: undefined,
        result: undefined,
        si: undefined,
        shareType: undefined,
        ref: undefined,
        sharedFormula: undefined,
        style: undefined,
      };
      const t = this.attr('t');
      if (!this.selfClosing) p = this.cellContent(s, p, close, cell);
      closeCell(cell, t);
      model.cells.push(cell);
    }
    (this.onRow as (m: any) => void)(model);
    return close + 6;
  }

  /** The children of a <c> up to its "</c>": <v>, <f>, <is><t>; returns the index after "</c>". */
  private cellContent(s: string, p: number, close: number, cell: any): number {
    const append = (text: string): void => {
      if (text !== '') cell.value = cell.value ? cell.value + text : text;
    };
    for (;;) {
      while (p < close && isSpace(s.charCodeAt(p))) p++;
      if (p >= close) throw new Bail();
      if (s.startsWith('</c>', p)) return p + 4;
      if (s.startsWith('<v>', p)) {
        const lt = this.endOf(s, p + 3, '</v>', close);
        append(this.content(s, p + 3, lt));
        p = lt + 4;
      } else if (s.startsWith('<v', p) && (isSpace(s.charCodeAt(p + 2)) || s.charCodeAt(p + 2) === 0x2f)) {
        p = this.attrs(s, p + 2);
        if (p < 0 || p > close) throw new Bail();
        if (!this.selfClosing) {
          const lt = this.endOf(s, p, '</v>', close);
          append(this.content(s, p, lt));
          p = lt + 4;
        }
      } else if (s.startsWith('<f', p) && (isSpace(s.charCodeAt(p + 2)) || s.charCodeAt(p + 2) === 0x3e || s.charCodeAt(p + 2) === 0x2f)) {
        p = this.attrs(s, p + 2);
        if (p < 0 || p > close) throw new Bail();
        cell.si = this.attr('si');
        cell.shareType = this.attr('t');
        cell.ref = this.attr('ref');
        if (!this.selfClosing) {
          const lt = this.endOf(s, p, '</f>', close);
          const text = this.content(s, p, lt);
          if (text !== '') cell.formula = cell.formula ? cell.formula + text : text;
          p = lt + 4;
        }
      } else if (s.startsWith('<is>', p)) {
        p += 4;
        while (p < close && isSpace(s.charCodeAt(p))) p++;
        if (!s.startsWith('<t', p) || !(isSpace(s.charCodeAt(p + 2)) || s.charCodeAt(p + 2) === 0x3e || s.charCodeAt(p + 2) === 0x2f)) throw new Bail();
        p = this.attrs(s, p + 2);
        if (p < 0 || p > close) throw new Bail();
        if (!this.selfClosing) {
          const lt = this.endOf(s, p, '</t>', close);
          append(this.content(s, p, lt));
          p = lt + 4;
        }
        while (p < close && isSpace(s.charCodeAt(p))) p++;
        if (!s.startsWith('</is>', p)) throw new Bail();
        p += 5;
      } else throw new Bail();
    }
  }

  private close(name: string): void {
    if (!this.xform.parseClose(name) || this.open.length === 0) this.closed = true;
  }
}

/** ExcelJS's utils.xmlDecode (a second decoding of t="str" text), skipped when there is no "&". */
function xmlDecode(text: string): string {
  return text.indexOf('&') < 0 ? text : utils.xmlDecode(text);
}

/** CellXform.parseClose('c'): the cell's type from t, value and formula. */
function closeCell(model: any, t: string | undefined): void {
  if (model.formula || model.shareType) {
    model.type = T.Formula;
    if (model.value) {
      if (t === 'str') model.result = xmlDecode(model.value);
      else if (t === 'b') model.result = toInt(model.value, 10) !== 0;
      else if (t === 'e') model.result = { error: model.value };
      else model.result = toFloat(model.value);
      model.value = undefined;
    }
  } else if (model.value !== undefined) {
    switch (t) {
      case 's':
        model.type = T.String;
        model.value = toInt(model.value, 10);
        break;
      case 'str':
        model.type = T.String;
        model.value = xmlDecode(model.value);
        break;
      case 'inlineStr':
        model.type = T.String;
        break;
      case 'b':
        model.type = T.Boolean;
        model.value = toInt(model.value, 10) !== 0;
        break;
      case 'e':
        model.type = T.Error;
        model.value = { error: model.value };
        break;
      default:
        model.type = T.Number;
        model.value = toFloat(model.value);
        break;
    }
  } else if (model.styleId) {
    model.type = T.Null;
  } else {
    model.type = T.Merge;
  }
}

/** parseEntry with FastXml; throws Bail when the part needs saxes (or fails in any way). */
async function parseEntryFast(entry: any, xform: any, onRow: (model: any) => void, where?: { name: string; part: string }): Promise<any> {
  const xml = new FastXml(xform, onRow);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let first = true;
  try {
    for await (const bytes of inflate(entry)) {
      const text = decoder.decode(bytes, { stream: true });
      if (first) checkProlog(text, where);
      first = false;
      if (!xml.closed) xml.write(text);
      // After the root, ExcelJS stops reading, but saxes still reports what follows in the same
      // piece: anything but white space there is for the saxes path to judge.
      else if (!/^[ \t\r\n]*$/.test(text)) throw new Bail();
    }
    const rest = decoder.decode();
    if (!xml.closed) xml.write(rest);
    else if (!/^[ \t\r\n]*$/.test(rest)) throw new Bail();
    xml.end();
  } catch (e) {
    // A limit is final; anything else is for the saxes path to judge, from the start.
    if (e instanceof Bail || e instanceof PackageLimitError) throw e;
    throw new Bail();
  }
  return xform.model;
}

/**
 * A worksheet part, parsed by ExcelJS's WorksheetXform with each row handed to the SheetCells as it
 * closes: by FastXml, or by saxes as ExcelJS does when FastXml bails (then from the start again).
 */
async function parseWorksheet(entry: any, makeCells: () => SheetCells, options: StreamReadOptions, where: { name: string; part: string }): Promise<{ worksheet: any; cells: SheetCells }> {
  const { stats } = options;
  const holder = { cells: makeCells() };
  const attempt = (): any => {
    holder.cells.release();
    holder.cells = makeCells();
    const xform = new WorksheetXform(undefined);
    const sheetData = xform.map.sheetData;
    // ListXform.parseOpen: a second <sheetData> starts the rows again.
    const parseOpen = sheetData.parseOpen;
    let opened = false;
    sheetData.parseOpen = function open(this: any, node: any): boolean {
      if (!this.parser && node.name === 'sheetData') {
        if (opened) {
          holder.cells.release();
          holder.cells = makeCells();
        }
        opened = true;
      }
      return parseOpen.call(this, node);
    };
    // ListXform.parseClose, except that a finished row is turned into values instead of kept.
    sheetData.parseClose = function close(this: any, name: string): boolean {
      if (this.parser) {
        if (!this.parser.parseClose(name)) {
          holder.cells.addRow(this.parser.model);
          this.parser = undefined;
        }
        return true;
      }
      return false;
    };
    return xform;
  };
  if (!options.saxesOnly) {
    try {
      const worksheet = await parseEntryFast(entry, attempt(), (model) => holder.cells.addRow(model), where);
      if (stats) stats.fast++;
      return { worksheet, cells: holder.cells };
    } catch (e) {
      if (!(e instanceof Bail)) throw e;
    }
  }
  const worksheet = await parseEntry(entry, attempt(), where);
  if (stats) stats.saxes++;
  return { worksheet, cells: holder.cells };
}

interface SheetPart {
  entry: any;
  path: string;
  sheetNo: string;
}

/** Parts ExcelJS parses by exact name. */
const EXACT_PARTS = ['_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'docProps/app.xml', 'docProps/core.xml'];
/** Parts ExcelJS parses by pattern (xlsx.js load), besides the worksheets. */
const OTHER_PARTS = [
  /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/,
  /xl\/theme\/([a-zA-Z0-9]+)[.]xml/,
  /xl\/media\/([a-zA-Z0-9]+[.][a-zA-Z0-9]{3,4})$/,
  /xl\/drawings\/([a-zA-Z0-9]+)[.]xml/,
  /xl\/(comments\d+)[.]xml/,
  /xl\/tables\/(table\d+)[.]xml/,
  /xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/,
  /xl\/drawings\/(vmlDrawing\d+)[.]vml/,
];
const SHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** Whether a part is a worksheet the reader streams (all other parts are read whole). */
function isStreamedSheet(part: string): boolean {
  return SHEET_PART.test(part) && !/xl\/media\//.test(part) && !/xl\/theme\/([a-zA-Z0-9]+)[.]xml/.test(part) && !EXACT_PARTS.includes(part);
}

interface Loaded {
  wb: ExcelJS.Workbook;
  cellsOf: Map<object, SheetCells>;
  /** Sheets the workbook lists whose worksheet part is missing (package-guard.ts). */
  missing: Array<{ index: number; name: string; part: string }>;
}

/** XLSX.load with the worksheets streamed; returns ExcelJS's workbook (rows left out) and the cells. */
async function load(bytes: Uint8Array, name: string, options: StreamReadOptions): Promise<Loaded> {
  const limits = limitsWith(options.limits);
  const budget: Budget = { name, limits, cells: 0 };
  // Before JSZip makes an object per entry.
  const entries = zipEntryCount(bytes);
  if (entries !== undefined && entries > limits.maxEntries) throw tooManyEntries(name, entries, limits.maxEntries);
  const wb = new ExcelJS.Workbook();
  const xlsx: any = wb.xlsx;
  const model: any = {
    worksheets: [],
    worksheetHash: {},
    worksheetRels: [],
    themes: {},
    media: [],
    mediaIndex: {},
    drawings: {},
    drawingRels: {},
    comments: {},
    tables: {},
    vmlDrawings: {},
  };
  const zip = await JSZip.loadAsync(bytes);
  // Stated sizes, before anything is inflated: worksheets are streamed, every other part is read whole.
  checkStatedSizes(zip, name, limits, (part) => !isStreamedSheet(part));
  const sheetParts: SheetPart[] = [];
  for (const entry of Object.values(zip.files) as any[]) {
    if (entry.dir) continue;
    let entryName: string = entry.name;
    if (entryName[0] === '/') entryName = entryName.substr(1);
    const sheet = entryName.match(SHEET_PART);
    if (sheet && isStreamedSheet(entryName)) {
      // Streamed below, once styles and shared strings (which may come later in the zip) are read.
      sheetParts.push({ entry, path: entryName, sheetNo: sheet[1] });
      continue;
    }
    if (!EXACT_PARTS.includes(entryName) && !OTHER_PARTS.some((re) => re.test(entryName))) {
      // A part ExcelJS inflates and ignores (calcChain, printer settings, custom XML …).
      await verifyPart(entry, entryName, name);
      continue;
    }
    let stream: any;
    if (/xl\/media\//.test(entryName)) {
      // Pictures: checked, not kept (a grid needs none of them).
      await verifyPart(entry, entryName, name);
      stream = new PassThrough();
      stream.end();
    } else if (/xl\/theme\/([a-zA-Z0-9]+)[.]xml/.test(entryName)) {
      stream = new PassThrough();
      stream.write(Buffer.from(await partText(entry, entryName, name), 'utf-8'));
      stream.end();
    } else {
      stream = stringStream(await partText(entry, entryName, name));
    }
    switch (entryName) {
      case '_rels/.rels':
        model.globalRels = await xlsx.parseRels(stream);
        break;
      case 'xl/workbook.xml': {
        const workbook = await xlsx.parseWorkbook(stream);
        model.sheets = workbook.sheets;
        // Two sheets with one sheetId would leave only the last (package-guard.ts).
        if (Array.isArray(model.sheets)) uniqueSheetIds(model.sheets);
        model.definedNames = workbook.definedNames;
        model.views = workbook.views;
        model.properties = workbook.properties;
        model.calcProperties = workbook.calcProperties;
        break;
      }
      case 'xl/_rels/workbook.xml.rels':
        model.workbookRels = await xlsx.parseRels(stream);
        break;
      case 'xl/sharedStrings.xml':
        model.sharedStrings = new SharedStringsXform();
        await model.sharedStrings.parseStream(stream);
        break;
      case 'xl/styles.xml':
        model.styles = new StylesXform();
        await model.styles.parseStream(stream);
        break;
      case 'docProps/app.xml': {
        const app = await new AppXform().parseStream(stream);
        model.company = app.company;
        model.manager = app.manager;
        break;
      }
      case 'docProps/core.xml':
        Object.assign(model, await new CoreXform().parseStream(stream));
        break;
      default: {
        let match = entryName.match(OTHER_PARTS[0]);
        if (match) {
          await xlsx._processWorksheetRelsEntry(stream, model, match[1]);
          break;
        }
        match = entryName.match(OTHER_PARTS[1]);
        if (match) {
          await xlsx._processThemeEntry(stream, model, match[1]);
          break;
        }
        match = entryName.match(OTHER_PARTS[2]);
        if (match) {
          await xlsx._processMediaEntry(stream, model, match[1]);
          break;
        }
        match = entryName.match(OTHER_PARTS[3]);
        if (match) {
          await xlsx._processDrawingEntry(stream, model, match[1]);
          break;
        }
        match = entryName.match(OTHER_PARTS[4]);
        if (match) {
          await xlsx._processCommentEntry(stream, model, match[1]);
          break;
        }
        match = entryName.match(OTHER_PARTS[5]);
        if (match) {
          await xlsx._processTableEntry(stream, model, match[1]);
          break;
        }
        match = entryName.match(OTHER_PARTS[6]);
        if (match) {
          await xlsx._processDrawingRelsEntry(stream, model, match[1]);
          break;
        }
        match = entryName.match(OTHER_PARTS[7]);
        if (match) await xlsx._processVmlDrawingEntry(stream, model, match[1]);
      }
    }
  }

  const styles = new Styles();
  const parts = { styles: model.styles, sharedStrings: model.sharedStrings, date1904: model.properties && model.properties.date1904 };
  const cellsOfModel = new Map<object, SheetCells>();
  const links = new Map<object, Record<string, unknown>>();
  for (const part of sheetParts) {
    const where = { name, part: part.path };
    const { worksheet, cells } = await parseWorksheet(part.entry, () => new SheetCells(styles, parts, budget, part.path), options, where);
    // xlsx.js _processWorksheetEntry
    if (worksheet === undefined || worksheet === null) throw new TypeError("Cannot set properties of undefined (setting 'sheetNo')");
    worksheet.sheetNo = part.sheetNo;
    model.worksheetHash[part.path] = worksheet;
    model.worksheets.push(worksheet);
    cellsOfModel.set(worksheet, cells);
  }
  const missing = missingSheets(model);

  // Merged areas: ExcelJS's own merging compares each area with every earlier one and makes a
  // cell for every cell of it; SheetCells does the same work within the grid only. Areas whose
  // corners ExcelJS's Range does not read as plain cell numbers are left to ExcelJS, as before.
  const plainMerges = new Map<object, Merge[]>();
  for (const worksheet of model.worksheets) {
    const refs: unknown[] = worksheet.mergeCells || [];
    const merges = refs.map(plainMerge);
    if (merges.every((m) => m !== undefined)) {
      plainMerges.set(worksheet, merges as Merge[]);
      worksheet.mergeCells = [];
    }
  }

  for (const worksheet of model.worksheets) {
    const cells = cellsOfModel.get(worksheet) as SheetCells;
    // The hyperlink map WorksheetXform.reconcile builds (it throws on a missing relationship).
    const rels: Record<string, any> = {};
    for (const rel of model.worksheetRels[worksheet.sheetNo] || []) rels[rel.Id] = rel;
    const map: Record<string, unknown> = {};
    for (const h of worksheet.hyperlinks || []) if (h.rId && rels[h.rId]) map[h.address] = rels[h.rId].Target;
    links.set(worksheet, map);
    // Rows for ExcelJS's worksheet: for merges ExcelJS still does, those whose style a merged
    // cell may take; and a row without a number (which ExcelJS refuses).
    const wanted = new Set<number>();
    for (const ref of worksheet.mergeCells || []) {
      try {
        const range = new Range([ref]);
        for (let r = range.top; r <= range.bottom; r++) if (cells.rowStyleIds[r]) wanted.add(r);
      } catch {
        // ExcelJS throws the same when it merges
      }
    }
    worksheet.rows = [...wanted].sort((a, b) => a - b).map((r) => ({ number: r, cells: [], styleId: cells.rowStyleIds[r] }));
    if (cells.sawRowWithoutNumber) worksheet.rows.push({ number: NaN, cells: [] });
  }

  xlsx.reconcile(model, undefined);
  wb.model = model;

  // Workbook's model setter: _worksheets[id] = the worksheet of the last model with that id.
  const cellsOf = new Map<object, SheetCells>();
  for (const worksheet of model.worksheets) {
    const ws = (wb as any)._worksheets[worksheet.id];
    if (!ws) continue;
    const cells = cellsOfModel.get(worksheet) as SheetCells;
    cellsOf.set(ws, cells);
    cells.applyHyperlinks(links.get(worksheet) ?? {});
    const plain = plainMerges.get(worksheet);
    if (plain) {
      checkMergesApart(plain);
      // ExcelJS's Cell constructor: the row's number format and alignment, else the column's.
      const columns: any[] = ws._columns ?? [];
      cells.setMerges(plain, (r, c) => {
        const id = cells.rowStyleIds[r];
        const rowStyle = id ? parts.styles?.getStyleModel(id) : undefined;
        const colStyle = columns[c - 1]?.style;
        const numFmt = (rowStyle && rowStyle.numFmt) || (colStyle && colStyle.numFmt);
        const alignment = (rowStyle && rowStyle.alignment) || (colStyle && colStyle.alignment);
        return styles.of(numFmt || undefined, (alignment && alignment.indent) || undefined);
      });
    } else {
      // ExcelJS merged these itself: its areas, and the style of the cells it created.
      const merges = (Object.values(ws._merges ?? {}) as any[]).map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
      cells.setMerges(merges, (r, c) => {
        const style = ws.findCell(r, c)?.style;
        return style ? styles.of(style.numFmt || undefined, (style.alignment && style.alignment.indent) || undefined) : 0;
      });
    }
  }
  return { wb, cellsOf, missing };
}

/**
 * Worksheets the workbook lists (workbook.xml, by relationship) whose part ExcelJS did not find,
 * with their place among the worksheets that were read (workbook-xform.js reconcile).
 */
function missingSheets(model: any): Loaded['missing'] {
  const rels: Record<string, any> = {};
  for (const rel of model.workbookRels || []) rels[rel.Id] = rel;
  const out: Loaded['missing'] = [];
  let index = 0;
  for (const sheet of model.sheets || []) {
    const rel = rels[sheet.rId];
    if (!rel || typeof rel.Target !== 'string') continue;
    const part = targetPart(rel.Target);
    if (model.worksheetHash[part]) index++;
    else if (/\/worksheet$/.test(String(rel.Type ?? ''))) out.push({ index, name: String(sheet.name ?? ''), part });
  }
  return out;
}

/** Sum of the inflated sizes of the zip's entries, when the zip's directory can be read. */
async function inflatedSize(bytes: Uint8Array): Promise<number | undefined> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    let total = 0;
    for (const entry of Object.values(zip.files) as any[]) total += entry._data?.uncompressedSize ?? 0;
    return total;
  } catch {
    return undefined;
  }
}

/**
 * Reads .xlsx bytes into the same snapshot as readXlsx, streaming each worksheet: memory grows
 * with the grid, not with ExcelJS's objects. Throws the same WorkbookReadError as readXlsx.
 */
export async function readXlsxStream(bytes: Uint8Array, name: string, options: StreamReadOptions = {}): Promise<WorkbookSnapshot> {
  const sniffed = sniffWorkbook(bytes, name);
  if (sniffed) throw sniffed;
  let loaded: Loaded;
  try {
    if (options.stats) Object.assign(options.stats, { fast: 0, saxes: 0, full: false });
    loaded = await load(bytes, name, options);
  } catch (e) {
    // A limit or a hostile part is final: the full reader would only spend more on it.
    if (e instanceof PackageLimitError) throw e;
    if (options.fallback !== false) {
      const size = await inflatedSize(bytes);
      // A zip whose directory cannot be read fails in readXlsx at the same JSZip call, with the same message.
      if (size !== undefined && size <= FALLBACK_BYTES) {
        if (options.stats) options.stats.full = true;
        const wb = await loadWorkbook(bytes, name, options.limits);
        return { name, sheets: gridsOf(wb) };
      }
    }
    if (e instanceof WorkbookReadError) throw e;
    throw damagedError(name, e);
  }
  const { wb, cellsOf, missing } = loaded;
  if (wb.worksheets.length === 0) throw noWorksheetError(name);
  const sheets = wb.worksheets.map((ws) => {
    const cells = cellsOf.get(ws);
    if (!cells) return { name: ws.name, originRow: 0, originCol: 0, values: [], visibility: 'visible' as const };
    return cells.grid(ws.name, ws.state);
  });
  return { name, sheets: withMissingSheets(sheets, missing) };
}
