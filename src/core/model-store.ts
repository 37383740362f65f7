// Building the model's columns: the typed arrays, string tables and step classes a reader fills
// row by row (addRow, addObs), in bulk (bulk, commitRows) or directly (direct, commitLong). The
// model itself, with its sheets, sealing and reading: model-data.ts (ModelData extends this).
import type { LabelInfo, SheetSource } from './model-columns';
import { Arena, F64, I32, StringTable, U16, U8 } from './model-columns';
import type { Irregular, IrregularBuild } from './model-lookup';
import { normalizeValue } from './layout/normalize';
import type { ParsedValue } from './values';

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

/** The views of a model before seal(). */
const NO_U8 = new Uint8Array(0);
const NO_U16 = new Uint16Array(0);
const NO_I32 = new Int32Array(0);
const NO_F64 = new Float64Array(0);

// ---------------------------------------------------------------------------------------------
// The columns being built

export class ModelStore {
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
  protected readonly blockSheet: number[] = [];
  readonly entities = new StringTable();
  readonly periods = new StringTable();

  rowCount = 0;
  protected readonly _rowSheet: U16;
  protected readonly _rowR: I32;
  protected readonly _rowLabel: I32;
  protected readonly _rowUnit: I32;
  protected readonly _rowParent: I32;
  protected readonly _rowBlock: I32;
  obsCount = 0;
  protected readonly _obsValue: F64;
  protected readonly _obsStepClass: U8;
  protected readonly _obsFlags: U8;
  /** Row of each observation while they differ from the observation's index (wide sheets). */
  protected _obsRow: I32 | null = null;

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
  protected obsStepClass: Uint8Array = NO_U8;
  protected obsStepList: Float64Array | null = null;
  protected readonly stepTable: number[] = [];
  protected readonly stepIndex = new Map<number, number>();
  /** Row of each observation; null when it is the observation's index (long and per-year sheets). */
  protected obsRowList: Int32Array | null = null;
  protected irregular: Irregular | null = null;
  protected irregularBuild: IrregularBuild | null = null;

  protected sealed = false;
  protected idToIndex: Map<number, number> | null = null;
  protected firstId = 0;
  /** Row ids when they are not firstId + index. */
  protected rowIds: number[] | null = null;
  /** Codes of rows that differ from their label's code (a 序号 column). */
  protected readonly codeOverride = new Map<number, number>();
  protected readonly labelIndex = new Map<string, number>();

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

  protected noteId(i: number, id: number): void {
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

  protected setStep(o: number, step: number): void {
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
  protected views(): WriteViews {
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
}
