// Indexes built on a ModelData: the breakdown rows of each parent row and the observation in a
// given cell (made when first asked for: the rules and the typo hints look cells up by address),
// and the explicit row lists of models built from objects (made when the model is sealed).
import { fromA1 } from './a1';
import type { ModelData } from './model-data';
import type { SheetSource } from './model-columns';

/** Breakdown rows by parent: the children of row p at childList[childStart[p] … childStart[p + 1]). */
export interface ChildLists {
  /** Parents in the order of their first child. */
  parents: Int32Array;
  childStart: Int32Array;
  childList: Int32Array;
}

/** The child lists of a model's rows, in the model's arena. */
export function childLists(d: ModelData): ChildLists {
  const n = d.rowCount;
  const rowParent = d.rowParent;
  const childStart = d.ints(n + 1);
  // Parents in order of their first child; the slot is written for every row and counted for a new parent.
  const parentList = d.ints(Math.max(1, n));
  let np = 0;
  for (let i = 0; i < n; i++) {
    const p = rowParent[i];
    if (p < 0) continue;
    parentList[np] = p;
    np += childStart[p + 1]++ === 0 ? 1 : 0;
  }
  for (let i = 0; i < n; i++) childStart[i + 1] += childStart[i];
  const total = childStart[n];
  const childList = d.ints(total);
  // Fill each list from its end backwards (children stay in row order), with childStart[p + 1]
  // as the cursor: afterwards childStart[p + 1] holds p's start, i.e. the starts moved up by one.
  for (let i = n - 1; i >= 0; i--) {
    const p = rowParent[i];
    if (p >= 0) childList[--childStart[p + 1]] = i;
  }
  childStart.copyWithin(0, 1, n + 1);
  childStart[n] = total;
  return { parents: parentList.subarray(0, np), childStart, childList };
}

/** The observation in a cell, by sheet name and A1 address; each answer kept. */
export class CellLookup {
  private readonly found = new Map<string, number>();
  /** Rows of a sheet by grid row, for sheets whose rows do not follow the grid (null: they do). */
  private readonly rowsByR = new Map<number, Map<number, number[]> | null>();

  constructor(private readonly d: ModelData) {}

  /** The observation in `sheet`!`address`; −1 when the cell holds none. */
  obsInCell(sheet: string, address: string): number {
    const key = `${sheet}!${address}`;
    const hit = this.found.get(key);
    if (hit !== undefined) return hit;
    const d = this.d;
    let found = -1;
    for (const s of d.sheets) {
      if (s.name !== sheet || found >= 0) continue;
      if (!s.grid) {
        // Models built from objects: the objects know their addresses.
        for (let o = s.obsStart; o < s.obsEnd && found < 0; o++) if (d.madeObs(o)?.address === address) found = o;
        continue;
      }
      const a = fromA1(address);
      if (!a) continue;
      const r = a.row - s.grid.originRow;
      const c = a.col - s.grid.originCol;
      for (const i of this.rowsAtR(s, r)) {
        for (const o of d.obsOfRow(i)) if (d.colOf(o) === c && found < 0) found = o;
      }
    }
    this.found.set(key, found);
    return found;
  }

  /** Rows of a sheet read from grid row r: a binary search when rows follow the grid, else an index. */
  private rowsAtR(s: SheetSource, r: number): number[] {
    const rowR = this.d.rowR;
    let byR = this.rowsByR.get(s.index);
    if (byR === undefined) {
      let sorted = true;
      for (let i = s.rowStart + 1; i < s.rowEnd && sorted; i++) if (rowR[i - 1] >= rowR[i]) sorted = false;
      byR = null;
      if (!sorted) {
        byR = new Map();
        for (let i = s.rowStart; i < s.rowEnd; i++) {
          const list = byR.get(rowR[i]);
          if (list) list.push(i);
          else byR.set(rowR[i], [i]);
        }
      }
      this.rowsByR.set(s.index, byR);
    }
    if (byR) return byR.get(r) ?? [];
    let lo = s.rowStart;
    let hi = s.rowEnd - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = rowR[mid];
      if (v === r) return [mid];
      if (v < r) lo = mid + 1;
      else hi = mid - 1;
    }
    return [];
  }
}

/** Explicit per-observation arrays of models built from objects (irregular sheets). */
export interface Irregular {
  row: Int32Array;
  entity: Int32Array;
  period: Int32Array;
  col: Int32Array;
  /** Observations of row r: list[start[r] … start[r + 1]). */
  start: Int32Array;
  list: Int32Array;
}

/** What addObs notes of each observation while a model with irregular sheets is built (row −2: a regular sheet's). */
export interface IrregularBuild {
  row: number[];
  entity: number[];
  period: number[];
  col: number[];
}

/**
 * The explicit arrays of a model of n rows and m observations: rows' observation lists from each
 * observation's row. Observations of regular sheets (row −2) take their row, entity, period and
 * column from the model `d`, which reads them from the sheets' shapes (it must not have its
 * explicit arrays yet).
 */
export function irregularColumns(ir: IrregularBuild, n: number, m: number, d: ModelData): Irregular {
  // Observations of regular sheets after the last irregular one.
  while (ir.row.length < m) {
    ir.row.push(-2);
    ir.entity.push(-1);
    ir.period.push(-1);
    ir.col.push(-1);
  }
  const start = new Int32Array(n + 1);
  const rowOf = Int32Array.from(ir.row, (r, o) => (r === -2 ? d.rowOf(o) : r));
  for (let o = 0; o < m; o++) if (rowOf[o] >= 0) start[rowOf[o] + 1]++;
  for (let r = 0; r < n; r++) start[r + 1] += start[r];
  const fill = start.slice(0, n);
  const list = new Int32Array(start[n]);
  for (let o = 0; o < m; o++) if (rowOf[o] >= 0) list[fill[rowOf[o]]++] = o;
  const entity = Int32Array.from(ir.entity);
  const period = Int32Array.from(ir.period);
  const col = Int32Array.from(ir.col);
  for (let o = 0; o < m; o++) {
    if (ir.row[o] !== -2) continue;
    entity[o] = d.entityOf(o);
    period[o] = d.periodOf(o);
    col[o] = d.colOf(o);
  }
  return { row: rowOf, entity, period, col, start, list };
}
