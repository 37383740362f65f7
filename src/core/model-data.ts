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
//
// Building the columns (the arrays, tables and step classes a reader fills) is in model-store.ts;
// this class adds the sheets, sealing, and everything that reads the columns.
import { toA1 } from './a1';
import type { IndicatorRow, Observation, SheetModel } from './model';
import type { LayoutKind, SheetGrid } from './types';
import { I32, type LabelInfo, type SheetShape, type SheetSource } from './model-columns';
import { CellLookup, childLists, irregularColumns, type ChildLists } from './model-lookup';
import { ModelStore } from './model-store';
import { obsObject, rowObject, sheetModel } from './model-view';

export type { WriteViews } from './model-store';

// ---------------------------------------------------------------------------------------------
// The model data

export class ModelData extends ModelStore {
  private readonly rowObjects = new Map<number, IndicatorRow>();
  private readonly obsObjects = new Map<number, Observation>();
  private model: unknown = undefined;

  /** Starts a sheet: regular (`shape`, the readers) or irregular (models built from objects). */
  beginSheet(name: string, grid: SheetGrid | undefined, layout: LayoutKind, nameCol: number, shape?: SheetShape): SheetSource {
    if (this.sealed) throw new Error('ModelData is sealed');
    if (!shape) this.irregularBuild ??= { row: [], entity: [], period: [], col: [] };
    const s: SheetSource = { index: this.sheets.length, name, grid, layout, nameCol, shape, rowStart: this.rowCount, rowEnd: this.rowCount, obsStart: this.obsCount, obsEnd: this.obsCount, notes: [], model: undefined as unknown as SheetModel, fractionKeys: null, sumGroups: null, structure: null };
    s.model = sheetModel(this, s);
    this.sheets.push(s);
    return s;
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
