// The engine's model in columns (provincial panels of millions of observations).
//
// The readers (layout/sheet-reader.ts, read-long.ts, read-crosstab.ts) write every indicator row and observation into typed arrays and
// shared string tables; the checks, rules and detectors read those arrays. The object view of the
// model (IndicatorRow, Observation, the maps of WorkbookModel) is made only when someone asks for
// it, from the workbook grid (model-view.ts), with the fields a reader of objects expects — so
// callers that read `model.observations` get plain objects, and a check run over 3 M cells never
// builds 3 M objects.
//
// Row i: sheet, grid row, label (index into `labels`), unit, parent row (−1: none) and block —
// 22 bytes; its id and outline code follow from the reading order and the label. Observation o:
// value in base units (NaN when none), display-step class and flags (parsed kind, approximate,
// value kind) — 10 bytes. Everything else follows from the sheet's shape (SheetShape): a long or
// per-year sheet has one observation per row (observation o is row o while every sheet is so),
// a wide sheet one per year column; entity and period come from the row's block (long tables) or
// from the sheet and the column. Models built from objects keep explicit arrays instead.
//
// All the arrays of a check run come from one buffer (Arena, in model-columns.ts with the string
// tables and typed columns): see there why. The SheetModel objects made on demand: model-view.ts.
import { toA1 } from './a1';
import type { IndicatorRow, Observation, SheetModel } from './model';
import { normalizeValue } from './layout/normalize';
import type { LayoutKind, SheetGrid } from './types';
import type { ParsedValue } from './values';
import { Arena, F64, I32, StringTable, U16, U8, type LabelInfo, type SheetShape, type SheetSource } from './model-columns';
import { CellLookup, childLists, irregularColumns, type ChildLists, type Irregular, type IrregularBuild } from './model-lookup';
import { obsObject, rowObject, sheetModel } from './model-view';

// Flags of an observation: obs-flags.ts. (Imported from there, not re-exported here: CommonJS
// builds turn a re-export into a getter, which the readers' per-cell loops would pay for.)
import { KIND_INDEX, PARSED_KIND_INDEX, makeFlags } from './obs-flags';


/** The arrays a reader writes rows and observations to directly (bulk, direct), from `row` and `obs`. */
export interface WriteViews {
  row: number;
  obs: number;
  rowSheet: Uint16Array;
  rowR: Int32Array;
  rowLabel: Int32Array;
  rowUnit: Int32Array;
  rowParent: Int32Array;
  rowBlock: Int32Array;
  obsValue: Float64Array;
  /** Step classes (direct writes only; bulk writes give steps to commitRows). */
  obsStepClass: Uint8Array;
  obsFlags: Uint8Array;
}

/** The views of a ModelData before seal(). */
const NO_U8 = new Uint8Array(0);
const NO_U16 = new Uint16Array(0);
const NO_I32 = new Int32Array(0);
const NO_F64 = new Float64Array(0);

// ---------------------------------------------------------------------------------------------
// The model data

export class ModelData {
  readonly sheets: SheetSource[] = [];
  readonly labels: LabelInfo[] = [];
  /** Distinct indicator keys (normalised names). */
  readonly keys = new StringTable();
  readonly units = new StringTable();
  readonly codes = new StringTable();
  readonly blocks = new StringTable();
  /** Entity and period of each block of a long table (−1 for other blocks). */
  readonly blockEntity: number[] = [];
  readonly blockPeriod: number[] = [];
  /** Sheet of each block of a long table read in one pass (named when asked, blockName); −1 for others. */
  private readonly blockSheet: number[] = [];
  readonly entities = new StringTable();
  readonly periods = new StringTable();

  rowCount = 0;
  private readonly _rowSheet: U16;
  private readonly _rowR: I32;
  private readonly _rowLabel: I32;
  private readonly _rowUnit: I32;
  private readonly _rowParent: I32;
  private readonly _rowBlock: I32;
  obsCount = 0;
  private readonly _obsValue: F64;
  private readonly _obsStepClass: U8;
  private readonly _obsFlags: U8;
  /** Row of each observation while they differ from the observation's index (wide sheets). */
  private _obsRow: I32 | null = null;

  // Views, valid after seal(). Every field of the class is given a value when it is made (empty
  // arrays here, undefined for what is made on first use): a field added later gives the object a
  // new hidden class, and V8 then throws away the optimised code of every method that ran on the
  // old one (the checks and detectors call these methods millions of times).
  rowSheet: Uint16Array = NO_U16;
  rowR: Int32Array = NO_I32;
  rowLabel: Int32Array = NO_I32;
  rowUnit: Int32Array = NO_I32;
  rowParent: Int32Array = NO_I32;
  rowBlock: Int32Array = NO_I32;
  /** Value in base units; NaN when the observation has none. */
  obsValue: Float64Array = NO_F64;
  obsFlags: Uint8Array = NO_U8;
  /** Display step of each observation: stepTable[obsStepClass[o]], or obsStepList[o] when there are many distinct steps. */
  private obsStepClass: Uint8Array = NO_U8;
  private obsStepList: Float64Array | null = null;
  private readonly stepTable: number[] = [];
  private readonly stepIndex = new Map<number, number>();
  /** Row of each observation; null when it is the observation's index (long and per-year sheets). */
  private obsRowList: Int32Array | null = null;
  private irregular: Irregular | null = null;
  private irregularBuild: IrregularBuild | null = null;

  private sealed = false;
  private readonly rowObjects = new Map<number, IndicatorRow>();
  private readonly obsObjects = new Map<number, Observation>();
  private idToIndex: Map<number, number> | null = null;
  private firstId = 0;
  /** Row ids when they are not firstId + index. */
  private rowIds: number[] | null = null;
  /** Codes of rows that differ from their label's code (a 序号 column). */
  private readonly codeOverride = new Map<number, number>();
  private readonly labelIndex = new Map<string, number>();
  private model: unknown = undefined;

  /** Where the arrays of this model and of the structures built on it (index, panel) come from. */
  readonly arena: Arena;

  /**
   * Room for rowCapacity rows and obsCapacity observations; `extraBytes` more in the arena for
   * what is built on the model later (checks, rule index, history panel).
   */
  constructor(rowCapacity = 64, obsCapacity = rowCapacity, extraBytes = 0) {
    const rows = Math.max(16, rowCapacity);
    const obs = Math.max(16, obsCapacity);
    const arena = (this.arena = new Arena(rows * (5 * 4 + 2) + obs * (8 + 2) + 8 * 8 + extraBytes));
    this._obsValue = new F64(obs, arena);
    this._rowR = new I32(rows, arena);
    this._rowLabel = new I32(rows, arena);
    this._rowUnit = new I32(rows, arena);
    this._rowParent = new I32(rows, arena);
    this._rowBlock = new I32(rows, arena);
    this._rowSheet = new U16(rows, arena);
    this._obsStepClass = new U8(obs, arena);
    this._obsFlags = new U8(obs, arena);
  }

  /** Arrays for structures built on the model (see Arena). */
  ints(n: number): Int32Array {
    return this.arena.ints(n);
  }

  // -------------------------------------------------------------------------------------------
  // Building

  /** A label text's info, made once per distinct text by `make`. */
  label(text: string, make: () => Omit<LabelInfo, 'keyIndex'>): number {
    let i = this.labelIndex.get(text);
    if (i === undefined) {
      const info = make() as LabelInfo;
      info.keyIndex = this.keys.intern(info.key);
      i = this.labels.length;
      this.labels.push(info);
      this.labelIndex.set(text, i);
    }
    return i;
  }

  /** A block by name; a long table's block knows its entity and period. */
  block(name: string, entity = -1, period = -1): number {
    const i = this.blocks.intern(name);
    if (i === this.blockEntity.length) {
      this.blockEntity.push(entity);
      this.blockPeriod.push(period);
      this.blockSheet.push(-1);
    }
    return i;
  }

  /**
   * A new block of a long table read in one pass (each of its entity-period blocks comes once):
   * not looked up by name, and named only when asked (blockName), as block() would name it.
   */
  longBlock(sheet: number, entity: number, period: number): number {
    const i = this.blocks.list.length;
    this.blocks.list.push('');
    this.blockEntity.push(entity);
    this.blockPeriod.push(period);
    this.blockSheet.push(sheet);
    return i;
  }

  /** Forgets the blocks from `count` on, all made by longBlock (a one-pass read given up). */
  dropLongBlocks(count: number): void {
    for (let b = count; b < this.blockSheet.length; b++) if (this.blockSheet[b] < 0) throw new Error('dropLongBlocks: a named block');
    this.blocks.list.length = count;
    this.blockEntity.length = count;
    this.blockPeriod.length = count;
    this.blockSheet.length = count;
  }

  /** The name of a block: sheet, entity and period of a long table's block, joined by NUL. */
  blockName(b: number): string {
    const sheet = this.blockSheet[b];
    if (sheet < 0) return this.blocks.list[b];
    return `${this.sheets[sheet].name}\u0000${this.entities.list[this.blockEntity[b]]}\u0000${this.periods.list[this.blockPeriod[b]]}`;
  }

  /** Starts a sheet: regular (`shape`, the readers) or irregular (models built from objects). */
  beginSheet(name: string, grid: SheetGrid | undefined, layout: LayoutKind, nameCol: number, shape?: SheetShape): SheetSource {
    if (this.sealed) throw new Error('ModelData is sealed');
    if (!shape) this.irregularBuild ??= { row: [], entity: [], period: [], col: [] };
    const s: SheetSource = { index: this.sheets.length, name, grid, layout, nameCol, shape, rowStart: this.rowCount, rowEnd: this.rowCount, obsStart: this.obsCount, obsEnd: this.obsCount, notes: [], model: undefined as unknown as SheetModel, fractionKeys: null, sumGroups: null, structure: null };
    s.model = sheetModel(this, s);
    this.sheets.push(s);
    return s;
  }

  endSheet(s: SheetSource): void {
    s.rowEnd = this.rowCount;
    s.obsEnd = this.obsCount;
  }

  /** Room for n more rows and m more observations. */
  reserve(n: number, m: number): void {
    const r = this.rowCount + n;
    for (const a of [this._rowR, this._rowLabel, this._rowUnit, this._rowParent, this._rowBlock]) a.ensure(r);
    this._rowSheet.ensure(r);
    const o = this.obsCount + m;
    this._obsValue.ensure(o);
    this._obsStepClass.ensure(o);
    this._obsFlags.ensure(o);
    this._obsRow?.ensure(o);
  }

  private noteId(i: number, id: number): void {
    if (i === 0) this.firstId = id;
    if (this.rowIds) this.rowIds.push(id);
    else if (id !== this.firstId + i) {
      this.rowIds = [];
      for (let k = 0; k < i; k++) this.rowIds.push(this.firstId + k);
      this.rowIds.push(id);
    }
  }

  /** Adds a row; returns its index. `parent` is a row index or −1; `code` an index into codes or −1. */
  addRow(id: number, sheet: number, r: number, label: number, code: number, unit: number, parent: number, block: number): number {
    const i = this.rowCount;
    if (i >= this._rowR.a.length) this.reserve(Math.max(64, i >> 1), 0);
    this.noteId(i, id);
    this._rowSheet.a[i] = sheet;
    this._rowR.a[i] = r;
    this._rowLabel.a[i] = label;
    this._rowUnit.a[i] = unit;
    this._rowParent.a[i] = parent;
    this._rowBlock.a[i] = block;
    if (code !== this.labels[label].code) this.codeOverride.set(i, code);
    this.rowCount = i + 1;
    return i;
  }

  /** The class of a display step (an index into a table of the distinct steps). */
  stepClass(step: number): number {
    let c = this.stepIndex.get(step);
    if (c === undefined) {
      c = this.stepTable.length;
      this.stepTable.push(step);
      this.stepIndex.set(step, c);
    }
    return c;
  }

  private setStep(o: number, step: number): void {
    if (this.obsStepList) {
      this.obsStepList[o] = step;
      return;
    }
    const c = this.stepClass(step);
    if (c < 255) {
      this._obsStepClass.a[o] = c;
      return;
    }
    // More than 255 distinct steps: keep them as numbers.
    const list = new Float64Array(Math.max(o + 1, this._obsStepClass.a.length));
    for (let k = 0; k < o; k++) list[k] = this.stepTable[this._obsStepClass.a[k]];
    list[o] = step;
    this.obsStepList = list;
  }

  /**
   * Adds the next observation of row `row` (regular sheets: rows' observations in order);
   * `col`, `entity` and `period` are kept only for irregular sheets.
   */
  addObs(row: number, col: number, entity: number, period: number, value: number, step: number, flags: number): number {
    const i = this.obsCount;
    if (i >= this._obsValue.a.length || (this.obsStepList && i >= this.obsStepList.length)) {
      this.reserve(0, Math.max(64, i >> 1));
      if (this.obsStepList && this.obsStepList.length < this._obsValue.a.length) {
        const b = new Float64Array(this._obsValue.a.length);
        b.set(this.obsStepList);
        this.obsStepList = b;
      }
    }
    if (!this._obsRow && row !== i) {
      // Observations no longer follow rows one to one (a wide sheet): keep each one's row.
      this._obsRow = new I32(this._obsValue.a.length);
      for (let k = 0; k < i; k++) this._obsRow.a[k] = k;
    }
    if (this._obsRow) this._obsRow.a[i] = row;
    this._obsValue.a[i] = value;
    this.setStep(i, step);
    this._obsFlags.a[i] = flags;
    const ir = this.irregularBuild;
    if (ir) {
      while (ir.row.length < i) {
        // Observations of regular sheets before the first irregular one.
        const k = ir.row.length;
        ir.row.push(-2);
        ir.entity.push(-1);
        ir.period.push(-1);
        ir.col.push(k);
      }
      ir.row.push(row);
      ir.entity.push(entity);
      ir.period.push(period);
      ir.col.push(col);
    }
    this.obsCount = i + 1;
    return i;
  }

  /** Adds an observation from a parsed cell (the general path). */
  addParsed(row: number, col: number, entity: number, period: number, parsed: ParsedValue, unit: string | undefined, name: string, fractions = false): number {
    const n = normalizeValue(parsed, unit, name, fractions);
    return this.addObs(row, col, entity, period, n.value ?? NaN, n.step, makeFlags(PARSED_KIND_INDEX[parsed.kind], n.approximate, KIND_INDEX[n.kind]));
  }

  /**
   * Room for n rows with one observation each, and the arrays to write them to directly (long
   * tables, where observation i of the run is row i of the run); then commitRows(ids).
   */
  bulk(n: number): WriteViews {
    this.reserve(n, n);
    return this.views();
  }

  /** Ends a bulk write: the rows' ids, codes and the observations' steps. */
  commitRows(ids: ArrayLike<number>, codes: ArrayLike<number>, steps: ArrayLike<number>): void {
    const from = this.rowCount;
    const n = ids.length;
    const obs = this.obsCount;
    for (let j = 0; j < n; j++) {
      const i = from + j;
      this.noteId(i, ids[j]);
      if (codes[j] !== this.labels[this._rowLabel.a[i]].code) this.codeOverride.set(i, codes[j]);
      if (this._obsRow) this._obsRow.a[obs + j] = i;
      else if (i !== obs + j) {
        this._obsRow = new I32(this._obsValue.a.length);
        for (let k = 0; k < obs + j; k++) this._obsRow.a[k] = k;
        this._obsRow.a[obs + j] = i;
      }
      this.setStep(obs + j, steps[j]);
    }
    this.rowCount += n;
    this.obsCount += n;
  }

  /**
   * Direct writing of a long table (layout/read-long.ts): room for n rows with one observation each and
   * the arrays (rows from `row`, observations from `obs`); stepClass() gives the step classes (null
   * when steps are kept as numbers: not available). Then commitLong(), or rollback().
   */
  direct(n: number): WriteViews | null {
    if (this.obsStepList || this.irregularBuild || this.rowCount !== this.obsCount || this._obsRow) return null;
    this.reserve(n, n);
    return this.views();
  }

  /** Where the next rows and observations go, and the arrays to write them to. */
  private views(): WriteViews {
    return {
      row: this.rowCount,
      obs: this.obsCount,
      rowSheet: this._rowSheet.a,
      rowR: this._rowR.a,
      rowLabel: this._rowLabel.a,
      rowUnit: this._rowUnit.a,
      rowParent: this._rowParent.a,
      rowBlock: this._rowBlock.a,
      obsValue: this._obsValue.a,
      obsStepClass: this._obsStepClass.a,
      obsFlags: this._obsFlags.a,
    };
  }

  /** Ends a direct write of n rows (and their observations), with the n consecutive ids from `firstId`. */
  commitLong(n: number, firstId: number): void {
    const from = this.rowCount;
    if (n > 0 && !this.rowIds && (from === 0 || firstId === this.firstId + from)) {
      // Consecutive ids that go on from the rows before: nothing to store.
      if (from === 0) this.firstId = firstId;
    } else for (let j = 0; j < n; j++) this.noteId(from + j, firstId + j);
    this.rowCount += n;
    this.obsCount += n;
  }

  /** Forgets a sheet being read (its rows and observations not committed yet). */
  rollback(s: SheetSource): void {
    if (this.sheets[this.sheets.length - 1] === s) this.sheets.pop();
  }

  /** Ends building: array views of the used lengths; irregular sheets get their explicit arrays. */
  seal(): this {
    if (this.sealed) return this;
    this.sealed = true;
    const n = this.rowCount;
    const m = this.obsCount;
    this.rowSheet = this._rowSheet.a.subarray(0, n);
    this.rowR = this._rowR.a.subarray(0, n);
    this.rowLabel = this._rowLabel.a.subarray(0, n);
    this.rowUnit = this._rowUnit.a.subarray(0, n);
    this.rowParent = this._rowParent.a.subarray(0, n);
    this.rowBlock = this._rowBlock.a.subarray(0, n);
    this.obsValue = this._obsValue.a.subarray(0, m);
    this.obsFlags = this._obsFlags.a.subarray(0, m);
    this.obsStepClass = this._obsStepClass.a.subarray(0, m);
    if (this.obsStepList) this.obsStepList = this.obsStepList.subarray(0, m);
    if (!this._obsRow && n !== m) {
      this._obsRow = new I32(m);
      for (let k = 0; k < m; k++) this._obsRow.a[k] = k;
    }
    this.obsRowList = this._obsRow ? this._obsRow.a.subarray(0, m) : null;
    if (this.irregularBuild) {
      // Made while `irregular` is still null, so that the regular sheets' observations are read
      // from their shapes.
      const irregular = irregularColumns(this.irregularBuild, n, m, this);
      this.irregular = irregular;
      this.irregularBuild = null;
    }
    return this;
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  /**
   * Whether observation i is row i's only observation, for every row (only long and per-year
   * sheets): then a row's observation is its own index.
   */
  oneToOne(): boolean {
    return this.irregular === null && this.obsRowList === null && this.rowCount === this.obsCount;
  }

  /** Whether every sheet is regular (read by layout/read.ts): see SheetShape. */
  isRegular(): boolean {
    return this.irregular === null;
  }

  /** The row of an observation (−1: none, in models built from objects). */
  rowOf(o: number): number {
    if (this.irregular) return this.irregular.row[o];
    return this.obsRowList ? this.obsRowList[o] : o;
  }


  /** Observations of row r: obsAt(k) for k in [obsStart(r), obsEnd(r)). */
  obsStart(r: number): number {
    if (this.irregular) return this.irregular.start[r];
    const s = this.sheets[this.rowSheet[r]];
    return s.obsStart + (r - s.rowStart) * (s.shape as SheetShape).perRow;
  }

  obsEnd(r: number): number {
    if (this.irregular) return this.irregular.start[r + 1];
    const s = this.sheets[this.rowSheet[r]];
    const per = (s.shape as SheetShape).perRow;
    return s.obsStart + (r - s.rowStart) * per + per;
  }

  obsAt(k: number): number {
    return this.irregular ? this.irregular.list[k] : k;
  }

  /** Observations of row i, in order. */
  obsOfRow(i: number): number[] {
    const out: number[] = [];
    for (let k = this.obsStart(i); k < this.obsEnd(i); k++) out.push(this.obsAt(k));
    return out;
  }

  /** Position of observation o among its row's observations (its column of a wide sheet). */
  private slot(o: number, row: number, s: SheetSource): number {
    const per = (s.shape as SheetShape).perRow;
    return per === 1 ? 0 : o - (s.obsStart + (row - s.rowStart) * per);
  }




  /** Entity (index into entities) of an observation. */
  entityOf(o: number): number {
    if (this.irregular) return this.irregular.entity[o];
    const row = this.obsRowList ? this.obsRowList[o] : o;
    const shape = this.sheets[this.rowSheet[row]].shape as SheetShape;
    return shape.long ? this.blockEntity[this.rowBlock[row]] : shape.entity;
  }

  /** Period (index into periods) of an observation. */
  periodOf(o: number): number {
    if (this.irregular) return this.irregular.period[o];
    const row = this.obsRowList ? this.obsRowList[o] : o;
    const s = this.sheets[this.rowSheet[row]];
    const shape = s.shape as SheetShape;
    return shape.long ? this.blockPeriod[this.rowBlock[row]] : shape.periods[this.slot(o, row, s)];
  }

  /** Grid column of an observation. */
  colOf(o: number): number {
    if (this.irregular) return this.irregular.col[o];
    const row = this.obsRowList ? this.obsRowList[o] : o;
    const s = this.sheets[this.rowSheet[row]];
    return (s.shape as SheetShape).cols[this.slot(o, row, s)];
  }

  stepOf(o: number): number {
    return this.obsStepList ? this.obsStepList[o] : this.stepTable[this.obsStepClass[o]];
  }

  /** Row id (IndicatorRow.id) of row i. */
  idOf(i: number): number {
    return this.rowIds ? this.rowIds[i] : this.firstId + i;
  }

  /** Outline code of row i (index into codes; −1: none). */
  codeOf(i: number): number {
    return this.codeOverride.get(i) ?? this.labels[this.rowLabel[i]].code;
  }

  /** Row index of a row id; −1 when there is none. */
  rowIndexOf(id: number): number {
    if (!this.rowIds) {
      const i = id - this.firstId;
      return Number.isInteger(i) && i >= 0 && i < this.rowCount ? i : -1;
    }
    if (!this.idToIndex) {
      this.idToIndex = new Map();
      for (let i = 0; i < this.rowCount; i++) if (!this.idToIndex.has(this.rowIds[i])) this.idToIndex.set(this.rowIds[i], i);
    }
    return this.idToIndex.get(id) ?? -1;
  }

  hasValue(o: number): boolean {
    return this.obsValue[o] === this.obsValue[o];
  }

  labelOf(row: number): LabelInfo {
    return this.labels[this.rowLabel[row]];
  }

  unitOf(row: number): string | undefined {
    const u = this.rowUnit[row];
    return u < 0 ? undefined : this.units.list[u];
  }

  /** A unit by its index in `units` (−1: none). */
  unitName(u: number): string | undefined {
    return u < 0 ? undefined : this.units.list[u];
  }

  sheetName(row: number): string {
    return this.sheets[this.rowSheet[row]].name;
  }

  /** A1 address of an observation's cell. */
  address(o: number): string {
    const cached = this.obsObjects.get(o);
    if (cached) return cached.address;
    const row = this.rowOf(o);
    const s = this.sheets[this.rowSheet[row]];
    const g = s.grid as SheetGrid;
    return toA1(g.originRow + this.rowR[row], g.originCol + this.colOf(o));
  }

  /** `Sheet!A1` of an observation (rules' cellKey). */
  cellKey(o: number): string {
    const cached = this.obsObjects.get(o);
    if (cached) return `${cached.sheet}!${cached.address}`;
    return `${this.sheetName(this.rowOf(o))}!${this.address(o)}`;
  }

  /** The IndicatorRow object of row i (made once, model-view.ts). */
  row(i: number): IndicatorRow {
    let r = this.rowObjects.get(i);
    if (!r) this.rowObjects.set(i, (r = rowObject(this, i)));
    return r;
  }

  /** The Observation object of observation o (made once, from the grid, as the readers always made it: model-view.ts). */
  obs(o: number): Observation {
    let x = this.obsObjects.get(o);
    if (x) return x;
    x = obsObject(this, o);
    this.obsObjects.set(o, x);
    this.objectIndex?.set(x, o);
    return x;
  }

  /** The Observation object of o if it was made already (or given, in models built from objects). */
  madeObs(o: number): Observation | undefined {
    return this.obsObjects.get(o);
  }

  /** Sets a row's parent after sealing (models built from objects). */
  setParent(row: number, parent: number): void {
    this.rowParent[row] = parent;
  }

  /** Seeds the object caches (models built from objects). */
  adopt(rowIndex: number, row: IndicatorRow | undefined, obsIndex: number, obs: Observation | undefined): void {
    if (row) this.rowObjects.set(rowIndex, row);
    if (obs) {
      this.obsObjects.set(obsIndex, obs);
      this.objectIndex?.set(obs, obsIndex);
    }
  }

  /**
   * Breakdown rows by parent: `parents` in the order WorkbookModel.children lists them (by first
   * child), the children of row p at childList[childStart[p] … childStart[p + 1]) (model-lookup.ts).
   */
  children(): ChildLists {
    return (this._children ??= childLists(this));
  }
  private _children: ChildLists | undefined = undefined;

  childCount(row: number): number {
    const c = this.children();
    return c.childStart[row + 1] - c.childStart[row];
  }

  /**
   * The observation of row `row` for the same entity and period as observation t of row `of`
   * (a part's cell beside its total's): in a regular sheet, the same slot of the row when both rows
   * are on the sheet (a breakdown is never split across blocks); otherwise looked up.
   */
  obsBeside(row: number, of: number, t: number): number {
    if (!this.irregular) {
      const sheet = this.rowSheet[row];
      if (sheet === this.rowSheet[of] && this.rowBlock[row] === this.rowBlock[of]) {
        const s = this.sheets[sheet];
        const per = (s.shape as SheetShape).perRow;
        if (per === 1) return s.obsStart + (row - s.rowStart);
        return s.obsStart + (row - s.rowStart) * per + (t - (s.obsStart + (of - s.rowStart) * per));
      }
    }
    return this.obsOfRowAt(row, this.entityOf(t), this.periodOf(t));
  }

  /** The observation of a row for an entity and period; −1 when the row has none there. */
  obsOfRowAt(row: number, entity: number, period: number): number {
    const end = this.obsEnd(row);
    for (let k = this.obsStart(row); k < end; k++) {
      const o = this.obsAt(k);
      if (this.entityOf(o) === entity && this.periodOf(o) === period) return o;
    }
    return -1;
  }

  /** The observation in a cell (`Sheet`, `A1`); −1 when the cell holds none (model-lookup.ts). */
  obsInCell(sheet: string, address: string): number {
    return (this.cells ??= new CellLookup(this)).obsInCell(sheet, address);
  }
  private cells: CellLookup | undefined = undefined;

  /** The index of an observation object made by obs(); −1 for other objects. */
  indexOfObs(x: Observation): number {
    if (!this.objectIndex) {
      this.objectIndex = new Map();
      for (const [i, o] of this.obsObjects) this.objectIndex.set(o, i);
    }
    return this.objectIndex.get(x) ?? -1;
  }
  private objectIndex: Map<Observation, number> | undefined = undefined;

  /** The WorkbookModel-shaped view (made by checks/context.ts; kept here so it is made once). */
  cachedModel<T>(make: () => T): T {
    return (this.model ??= make()) as T;
  }
}
