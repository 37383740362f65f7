// SheetCells: the cells of one worksheet as the streaming reader keeps them, filled row by row
// as ExcelJS's Row and Cell code would fill them, and turned into the grid gridFromWorksheet gives.
import { toA1 } from '../../../core/a1';
import { chooseRegion, farCellsNote, FAR_LISTED, tooLargeMessage, type AxisSpans, type Rect } from '../../../core/region';
import type { CellValue, SheetGrid } from '../../../core/types';
import { sharedStringOutOfRange, sharedStringsMissing, tooManyCells } from '../package-guard';
import { convert, formulaValue } from '../read-xlsx';
import { colCache, slideFormula, utils, excelToDate, T, isNaN } from './exceljs-internals';
import { PLAIN_EMPTY, PLAIN_SHARED, type PlainCells } from './fast-xml-support';
import { STYLED_EMPTY, MERGED, BARE, ConvertFailure, Made, Slot, RowCells, newRow, NO_SLOTS, SIZED_ROW, styleSlots, runAt, eachUsed, Styles, Address, decodeAddress, cellKey, Merge, MergeStyle, Budget, Far } from './cells-support';

/**
 * The cells of one worksheet as ExcelJS's Worksheet would hold them, without Row and Cell objects:
 * fed one reconciled row model at a time, in document order.
 */
export class SheetCells {
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
      this.place(row, col, made, sid, n);
      this.notePosition(raw as string | undefined, n, col);
    }
  }

  /**
   * One row read by FastXml's plain path: what addRow does with the models the general path
   * makes of the same cells (reconcile's styles, shared strings and dates, then the row's slots),
   * without the models. Every address is canonical and in row n (n ≥ 1), so none is odd.
   */
  addPlainRow(n: number, styleId: number | undefined, cells: PlainCells): void {
    // The row's slots at their final length, when its last column is near: an array grown from
    // [] keeps room for 16 or more, which for a million rows of five cells is most of the grid's
    // memory and of the copying the collector does as the rows survive.
    const last = cells.count > 0 ? cells.col[cells.count - 1] : 0;
    const row = last > 0 && last <= SIZED_ROW ? newRow(NO_SLOTS.slice(0, last)) : newRow();
    this.rows[n] = row;
    this.rowStyleIds[n] = styleId ? styleId : undefined;
    const { col: cols, style: styleIds, kind: kinds, num } = cells;
    for (let k = 0; k < cells.count; k++) {
      const col = cols[k];
      const j = col - 1;
      const raw = styleIds[k];
      const kind = kinds[k];
      if (kind === PLAIN_EMPTY && !raw) {
        // ExcelJS's type Merge: left out of the row (markBare).
        if (row.v[j] === undefined && runAt(row, col) === undefined) this.addRun(row, col, BARE, n);
        if (this.oddPositions.size > 0) this.oddPositions.delete(cellKey(n, col));
        continue;
      }
      const sid = raw ? this.plainStyle(raw) : 0;
      let made: Made;
      if (kind === PLAIN_EMPTY) made = STYLED_EMPTY;
      else if (kind === PLAIN_SHARED) made = this.sharedString(num[k], n, col);
      else if (raw && this.plainDate[raw]) made = this.dateOf(num[k]);
      else made = num[k];
      this.place(row, col, made, sid, n);
      if (this.oddPositions.size > 0) this.oddPositions.delete(cellKey(n, col));
    }
  }

  /**
   * Puts a cell into its row at column `col`: a value (a new used cell counts against the budget)
   * with its style, or, for a cell without a value, a run of valueless cells that replaces a value
   * read earlier at the same place (a later <c> of the same address wins, as in ExcelJS).
   */
  private place(row: RowCells, col: number, made: Made, sid: number, n: number): void {
    const j = col - 1;
    const there = row.v[j];
    if (made === STYLED_EMPTY) {
      if (there !== undefined) {
        row.v[j] = undefined;
        row.k--;
      }
      this.addRun(row, col, sid, n);
      return;
    }
    if (there === undefined) {
      row.k++;
      this.counted++;
      if (++this.budget.cells > this.maxCells) this.tooMany(n);
    }
    row.v[j] = made;
    if (sid !== 0) (row.s ??= styleSlots(row))[j] = sid;
    else if (row.s) row.s[j] = 0;
  }

  /** Style numbers and date formats by the file's style id, for the plain path (absent: not looked up yet). */
  private readonly plainSid: number[] = [];
  private readonly plainDate: boolean[] = [];

  private plainStyle(raw: number): number {
    const known = this.plainSid[raw];
    if (known !== undefined) return known;
    const styles = this.options.styles;
    const style = styles && styles.getStyleModel(raw);
    const sid = style ? this.styles.id(style) : 0;
    this.plainSid[raw] = sid;
    this.plainDate[raw] = style ? this.isDateFmt(style.numFmt) : false;
    return sid;
  }

  /** A shared string by index, as reconcile looks it up, then as valueOf converts it. */
  private sharedString(index: number, n: number, col: number): Made {
    const sharedStrings = this.options.sharedStrings;
    if (!sharedStrings) throw sharedStringsMissing(this.budget.name, this.part);
    const text = sharedStrings.getString(index);
    if (text === undefined) throw sharedStringOutOfRange(this.budget.name, this.part, colCache.encodeAddress(n, col), index, sharedStrings.values.length);
    try {
      return convert(text);
    } catch (e) {
      return new ConvertFailure(e);
    }
  }

  /** A number in a date format: the day it stands for, as reconcile and valueOf make it. */
  private dateOf(value: number): Made {
    const date = excelToDate(value, this.options.date1904);
    try {
      return convert(date);
    } catch (e) {
      return new ConvertFailure(e);
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
    // ExcelJS links a cell by its r as written, so a hyperlink on "B1" does not reach <c r="B01"/>.
    this.notePosition(raw, n, address.col);
  }

  /**
   * Records how the cell at (n, col) was addressed: a spelling other than the canonical one (B01
   * for B1) is kept for applyHyperlinks, which matches hyperlinks by the r as written; a canonical
   * one takes the position back.
   */
  private notePosition(raw: string | undefined, n: number, col: number): void {
    if (raw !== colCache.encodeAddress(n, col)) {
      const list = this.oddAddresses.get(raw) ?? [];
      list.push([n, col]);
      this.oddAddresses.set(raw, list);
      this.oddPositions.add(cellKey(n, col));
    } else if (this.oddPositions.size > 0) this.oddPositions.delete(cellKey(n, col));
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
