// The workbook's indicators as the rules see them: rows by normalised name and alias, and the
// cell a rule reads for an entity and period.
//
// Name resolution. `[名称]` is normalised with normalizeName and looked up among the workbook's
// indicator rows, in this order: the name itself; then the pack's aliases of that name (in the
// order listed; a variant written /…/ is a regular expression over normalised names, matched in
// workbook order); and, only when the name is not itself a canonical name of the aliases, the
// canonical names it is listed under and their variants. At every step a trailing unit in
// parentheses is ignored when the exact key is absent (`依法公开执法处罚信息(条)` ↔
// `依法公开执法处罚信息`).
//
// Choosing a cell. One name may match several rows (one sheet per year, several sheets, a long
// table). For one entity and period the candidates are the observations of every matching row,
// in workbook order (sheet order, then row). The rule's "home sheet" is the sheet holding
// candidates for the most of its names (ties: the earlier sheet); each name takes its first
// candidate on the home sheet, else its first candidate anywhere.
//
// A rule with a single indicator whose name matches several distinct indicators (a pattern alias
// such as /(办结率|完结率)$/, or a name and its alias both present) is checked once per matching
// indicator: `[办结率] == 100%` checks every 办结率/完结率 row.
import type { WorkbookModel } from '../checks/context';
import type { IndicatorRow, Observation } from '../model';
import type { ModelData } from '../model-data';
import { normalizeName } from '../names';
import type { CellRef } from '../types';

// ---------------------------------------------------------------------------------------------
// Index of the workbook's indicators

/** The key of an entity and period in the index's maps. */
export const pairKey = (entity: string, period: string) => `${entity}\u0000${period}`;

export function cellKey(ref: CellRef | Observation): string {
  return `${ref.sheet}!${ref.address}`;
}

/** A key without a trailing unit in parentheses: `公开信息(条)` → `公开信息`. */
function stripUnit(key: string): string {
  const s = key.replace(/\([^()]{1,12}\)$/, '');
  return s || key;
}

type Variant = { key: string } | { re: RegExp };

/** Compiles a `/…/flags` alias; undefined when it is not one or does not compile. */
export function aliasPattern(s: string): RegExp | undefined | null {
  const m = /^\/(.+)\/([imsu]*)$/s.exec(s.trim());
  if (!m) return undefined;
  try {
    return new RegExp(m[1], m[2].replace(/[gy]/g, ''));
  } catch {
    return null;
  }
}

/**
 * Observation lists by (key, entity, period): the first observation of each cell (a dense array
 * when small enough, a map otherwise), and the next one of the same cell for the rare cells with
 * several (made on the first such cell).
 */
class CellLists {
  private readonly dense: Int32Array | null;
  private readonly sparse: Map<number, number> | null;
  private nextList: Int32Array | null = null;
  constructor(
    size: number,
    private readonly data: ModelData,
  ) {
    if (size <= Math.max(1 << 20, 4 * data.obsCount)) {
      this.dense = data.ints(size).fill(-1);
      this.sparse = null;
    } else {
      this.dense = null;
      this.sparse = new Map();
    }
  }
  head(cell: number): number {
    return this.dense ? this.dense[cell] : this.sparse!.get(cell) ?? -1;
  }
  next(o: number): number {
    return this.nextList ? this.nextList[o] : -1;
  }
  push(cell: number, o: number): void {
    const h = this.head(cell);
    if (h < 0) {
      if (this.dense) this.dense[cell] = o;
      else this.sparse!.set(cell, o);
      return;
    }
    const next = (this.nextList ??= this.data.ints(Math.max(1, this.data.obsCount)).fill(-1));
    let t = h;
    while (next[t] >= 0) t = next[t];
    next[t] = o;
  }
}

/** Compares periods as `localeCompare(b, 'en', { numeric: true })` does. */
const PERIOD_COLLATOR = new Intl.Collator('en', { numeric: true });

export class IndicatorIndex {
  /** Every key in workbook order. */
  readonly keys: string[] = [];
  private readonly byStripped = new Map<string, string[]>();
  private readonly aliases = new Map<string, Variant[]>();
  private readonly reverse = new Map<string, string[]>();
  private readonly cache = new Map<string, string[]>();
  /** Every entity/period with at least one observation, entities in order of appearance, periods ascending. */
  readonly pairs: Array<{ entity: string; period: string }> = [];
  readonly sheetOrder = new Map<string, number>();
  /** The model's columns (model-data.ts). */
  readonly data: ModelData;
  /** Position in `keys` of each key (the lookups below are by position). */
  readonly keyPos = new Map<string, number>();
  /** Entity and period indices of `pairs`. */
  readonly pairEntity: Int32Array;
  readonly pairPeriod: Int32Array;
  /** Rows in workbook order (sheet order, then row, then id); null when that is row order. */
  private readonly sortedRows: Int32Array | null;
  private readonly firstRowOfKey: number[] = [];
  private readonly lists: CellLists;
  private readonly entityKey: Uint8Array | Set<number>;
  private readonly nPeriods: number;
  private _rowsByKey?: Map<string, IndicatorRow[]>;

  constructor(
    readonly model: WorkbookModel,
    aliases: Record<string, string[]> = {},
  ) {
    const d = (this.data = model.data);
    model.sheets.forEach((s, i) => this.sheetOrder.set(s.sheet, i));
    // Rows in workbook order: usually already so; sorted like the object version otherwise.
    const n = d.rowCount;
    const sheetRank = d.sheets.map((s) => this.sheetOrder.get(s.name) ?? 1e6);
    const rowSheet = d.rowSheet;
    const rowR = d.rowR;
    const order = (i: number) => sheetRank[rowSheet[i]] * 1e7 + rowR[i];
    let sorted = true;
    let before = n > 0 ? order(0) : 0;
    for (let i = 1; i < n; i++) {
      const at = sheetRank[rowSheet[i]] * 1e7 + rowR[i];
      if (before > at || (before === at && d.idOf(i - 1) > d.idOf(i))) {
        sorted = false;
        break;
      }
      before = at;
    }
    // null: the rows are in workbook order already (row j is row j).
    let rows: Int32Array | null = null;
    if (!sorted) {
      const keys = Float64Array.from({ length: n }, (_, i) => order(i));
      rows = Int32Array.from(Array.from({ length: n }, (_, i) => i).sort((a, b) => keys[a] - keys[b] || d.idOf(a) - d.idOf(b)));
    }
    this.sortedRows = rows;
    // Keys in workbook order.
    const posOfKeyIndex = new Int32Array(d.keys.size).fill(-1);
    // A key's first row is its first label's first row: each label is looked at once.
    const labelSeen = new Uint8Array(d.labels.length);
    const rowLabelOf = d.rowLabel;
    for (let j = 0; j < n; j++) {
      const r = rows ? rows[j] : j;
      const li = rowLabelOf[r];
      if (labelSeen[li]) continue;
      labelSeen[li] = 1;
      const ki = d.labels[li].keyIndex;
      if (posOfKeyIndex[ki] >= 0) continue;
      const key = d.keys.list[ki];
      posOfKeyIndex[ki] = this.keys.length;
      this.keyPos.set(key, this.keys.length);
      this.keys.push(key);
      this.firstRowOfKey.push(r);
      const st = stripUnit(key);
      const same = this.byStripped.get(st);
      if (same) same.push(key);
      else this.byStripped.set(st, [key]);
    }
    // Observations by key, entity and period; entities in order of appearance; periods per entity.
    const nE = d.entities.size;
    const nP = (this.nPeriods = d.periods.size);
    const nK = this.keys.length;
    this.lists = new CellLists(nK * nE * nP, d);
    this.entityKey = nE * nK <= Math.max(1 << 22, 8 * d.obsCount) ? new Uint8Array(nE * nK) : new Set<number>();
    const entitySeen = new Uint8Array(nE);
    const entities: number[] = [];
    const periodsOf: number[][] = [];
    const pairSeen = nE * nP <= Math.max(1 << 22, 8 * d.obsCount) ? new Uint8Array(nE * nP) : null;
    const pairSeenSet = pairSeen ? null : new Set<number>();
    const regular = d.isRegular();
    const entityKeyBits = this.entityKey instanceof Uint8Array ? this.entityKey : null;
    const entityKeySet = entityKeyBits ? null : (this.entityKey as Set<number>);
    const lists = this.lists;
    const labels = d.labels;
    const rowLabel = d.rowLabel;
    const rowBlock = d.rowBlock;
    const blockEntity = d.blockEntity;
    const blockPeriod = d.blockPeriod;
    const record = (o: number, kp: number, e: number, p: number) => {
      lists.push((e * nP + p) * nK + kp, o);
      if (!entitySeen[e]) {
        entitySeen[e] = 1;
        entities.push(e);
        periodsOf[e] = [];
      }
      if (entityKeyBits) entityKeyBits[e * nK + kp] = 1;
      else entityKeySet!.add(e * nK + kp);
      const pe = e * nP + p;
      if (pairSeen ? !pairSeen[pe] : !pairSeenSet!.has(pe)) {
        if (pairSeen) pairSeen[pe] = 1;
        else pairSeenSet!.add(pe);
        periodsOf[e].push(p);
      }
    };
    if (!rows && d.oneToOne()) {
      // Long and per-year sheets in workbook order: observation r is row r's only one.
      const posOfLabel = Int32Array.from(labels, (li) => posOfKeyIndex[li.keyIndex]);
      for (let s = 0; s < d.sheets.length; s++) {
        const sheet = d.sheets[s];
        const shape = sheet.shape as NonNullable<typeof sheet.shape>;
        if (!shape.long) {
          for (let r = sheet.rowStart; r < sheet.rowEnd; r++) record(r, posOfLabel[rowLabel[r]], shape.entity, shape.periods[0]);
          continue;
        }
        // A long sheet block by block: the entity and period are the block's.
        let r = sheet.rowStart;
        while (r < sheet.rowEnd) {
          const b = rowBlock[r];
          const e = blockEntity[b];
          const p = blockPeriod[b];
          record(r, posOfLabel[rowLabel[r]], e, p);
          r++;
          // The rest of the block: only the lists and the entity's keys are new.
          const cellBase = (e * nP + p) * nK;
          for (; r < sheet.rowEnd && rowBlock[r] === b; r++) {
            const kp = posOfLabel[rowLabel[r]];
            lists.push(cellBase + kp, r);
            if (entityKeyBits) entityKeyBits[e * nK + kp] = 1;
            else entityKeySet!.add(e * nK + kp);
          }
        }
      }
    } else {
      for (let j = 0; j < n; j++) {
        const r = rows ? rows[j] : j;
        const kp = posOfKeyIndex[labels[rowLabel[r]].keyIndex];
        const end = d.obsEnd(r);
        // Regular sheets: entity and period from the row's block (long) or the sheet's columns.
        const shape = regular ? d.sheets[d.rowSheet[r]].shape : undefined;
        const start = d.obsStart(r);
        for (let k = start; k < end; k++) {
          const o = d.obsAt(k);
          if (shape) {
            if (shape.long) record(o, kp, blockEntity[rowBlock[r]], blockPeriod[rowBlock[r]]);
            else record(o, kp, shape.entity, shape.periods[k - start]);
          } else record(o, kp, d.entityOf(o), d.periodOf(o));
        }
      }
    }
    // Periods ascending as the collator orders them (equal ones keep their order).
    const byText = Array.from(d.periods.list.keys()).sort((a, b) => PERIOD_COLLATOR.compare(d.periods.list[a], d.periods.list[b]));
    const rank = new Int32Array(nP);
    byText.forEach((p, i) => (rank[p] = i > 0 && PERIOD_COLLATOR.compare(d.periods.list[byText[i - 1]], d.periods.list[p]) === 0 ? rank[byText[i - 1]] : i));
    const pe: number[] = [];
    const pp: number[] = [];
    for (const e of entities) {
      const ps = periodsOf[e].slice().sort((a, b) => rank[a] - rank[b]);
      for (const p of ps) {
        this.pairs.push({ entity: d.entities.list[e], period: d.periods.list[p] });
        pe.push(e);
        pp.push(p);
      }
    }
    this.pairEntity = Int32Array.from(pe);
    this.pairPeriod = Int32Array.from(pp);
    for (const [canonical, variants] of Object.entries(aliases ?? {})) {
      if (!Array.isArray(variants)) continue;
      const ck = normalizeName(canonical);
      if (!ck) continue;
      const list = this.aliases.get(ck) ?? [];
      for (const v of variants) {
        if (typeof v !== 'string') continue;
        const re = aliasPattern(v);
        if (re === null) continue;
        if (re) list.push({ re });
        else {
          const vk = normalizeName(v);
          if (!vk || vk === ck) continue;
          list.push({ key: vk });
          const back = this.reverse.get(vk) ?? [];
          if (!back.includes(ck)) back.push(ck);
          this.reverse.set(vk, back);
        }
      }
      this.aliases.set(ck, list);
    }
  }

  /** Rows by key, in workbook order (made on first access). */
  get rowsByKey(): Map<string, IndicatorRow[]> {
    if (!this._rowsByKey) {
      const m = new Map<string, IndicatorRow[]>();
      for (let j = 0; j < this.data.rowCount; j++) {
        const row = this.data.row(this.sortedRows ? this.sortedRows[j] : j);
        const list = m.get(row.key);
        if (list) list.push(row);
        else m.set(row.key, [row]);
      }
      this._rowsByKey = m;
    }
    return this._rowsByKey;
  }

  /** Workbook keys a written name resolves to, best first. Empty: the workbook lacks the indicator. */
  keysFor(name: string): string[] {
    const k = normalizeName(name);
    const hit = this.cache.get(k);
    if (hit) return hit;
    const out: string[] = [];
    const push = (x: string) => {
      if (!out.includes(x)) out.push(x);
    };
    const addKey = (x: string) => {
      if (this.keyPos.has(x)) push(x);
      else for (const c of this.byStripped.get(stripUnit(x)) ?? []) push(c);
    };
    const addGroup = (c: string) => {
      addKey(c);
      for (const v of this.aliases.get(c) ?? []) {
        if ('key' in v) addKey(v.key);
        else for (const key of this.keys) if (v.re.test(key)) push(key);
      }
    };
    addGroup(k);
    if (!this.aliases.has(k)) for (const c of this.reverse.get(k) ?? []) addGroup(c);
    this.cache.set(k, out);
    return out;
  }

  /** First observation of a key position for an entity and period (indices); −1: none. Then nextObs. */
  firstObs(keyPos: number, entity: number, period: number): number {
    if (keyPos < 0 || entity < 0 || period < 0) return -1;
    return this.lists.head((entity * this.nPeriods + period) * this.keys.length + keyPos);
  }

  nextObs(o: number): number {
    return this.lists.next(o);
  }

  /** Observations of a key for one entity and period, in workbook order. */
  observations(key: string, entity: string, period: string): Observation[] {
    const out: Observation[] = [];
    const d = this.data;
    for (let o = this.firstObs(this.keyPos.get(key) ?? -1, d.entities.find(entity), d.periods.find(period)); o >= 0; o = this.nextObs(o)) out.push(d.obs(o));
    return out;
  }

  entityHas(entity: string, key: string): boolean {
    return this.entityHasAt(this.data.entities.find(entity), this.keyPos.get(key) ?? -1);
  }

  entityHasAt(entity: number, keyPos: number): boolean {
    if (entity < 0 || keyPos < 0) return false;
    const i = entity * this.keys.length + keyPos;
    return this.entityKey instanceof Uint8Array ? this.entityKey[i] === 1 : this.entityKey.has(i);
  }

  /** Entity/period pairs where the key has an observation. */
  pairsOf(key: string): Set<string> {
    const out = new Set<string>();
    const kp = this.keyPos.get(key) ?? -1;
    if (kp < 0) return out;
    // In the order the observations were indexed (workbook order of rows).
    const d = this.data;
    for (let j = 0; j < d.rowCount; j++) {
      const r = this.sortedRows ? this.sortedRows[j] : j;
      if (d.labels[d.rowLabel[r]].key !== key) continue;
      for (const o of d.obsOfRow(r)) out.add(pairKey(d.entities.list[d.entityOf(o)], d.periods.list[d.periodOf(o)]));
    }
    return out;
  }

  /** Number of breakdown rows under the row with this id. */
  childCount(rowId: number): number {
    const r = this.data.rowIndexOf(rowId);
    return r < 0 ? 0 : this.data.childCount(r);
  }

  /** One label per distinct key, in workbook order: the names a user could write. */
  labels(): Array<{ key: string; label: string }> {
    return this.keys.map((key, i) => ({ key, label: this.data.labels[this.data.rowLabel[this.firstRowOfKey[i]]].label }));
  }
}

/** The period one step earlier: '2022' → '2021'. Undefined for periods that are not years. */
export function previousPeriod(period: string): string | undefined {
  return /^\d{4}$/.test(period) ? String(Number(period) - 1) : undefined;
}

