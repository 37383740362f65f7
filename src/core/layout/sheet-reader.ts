// Reading one sheet's indicator rows into the model: drafts of the rows, their hierarchy (其中,
// indents, codes, 合计), duplicate labels, and the observations of each block of rows. The
// readers of each layout (read.ts, read-long.ts) drive it.
import { toA1 } from '../a1';
import { message, text as textIn } from '../i18n';
import type { SheetModel } from '../model';
import type { Arena, SheetShape, SheetSource } from '../model-columns';
import { ModelData } from '../model-data';
import { K_RATE, KIND_INDEX, makeFlags, PARSED_KIND_INDEX, PK_NUMBER } from '../obs-flags';
import { breakdownMarker, indicatorKey, isTotalLabel, outlineToken, parseOutlineCode } from '../names';
import type { Bilingual, CellValue, Lang, LayoutKind, SheetGrid } from '../types';
import { isUnitText } from '../units';
import { isPlainFormat, numberDecimals, parseCell } from '../values';
import { applyFixes, fixesFor, type StructureFix } from './corrections';
import { buildHierarchy, type HierarchyItem } from './hierarchy';
import { normalizeValue, plainNumberRule, type PlainNumberRule } from './normalize';
import { FOOTNOTE, type Header, fractionKeysOf, text } from './header';

export interface ReadContext {
  /** Entity for wide and per-year sheets (a district's own workbook): from the title or file name. */
  entity: string;
  /** Hands out row ids, unique within one check run. */
  nextId: () => number;
  /** Hands out n consecutive row ids at once (returns the first). */
  nextIds: (n: number) => number;
  /**
   * The model data every sheet of a check run is read into (analyzeWorkbook); a sheet read
   * without one gets its own.
   */
  data?: ModelData;
  /** The user's corrections of the structure (the workbook's 结构 sheet). */
  fixes?: StructureFix[];
}

export type ReadOutcome =
  | { ok: true; model: SheetModel }
  | { ok: false; reason: Bilingual };

/** Row positions of a sheet's indicator rows before they become rows of the model. */
export class Drafts {
  n = 0;
  readonly r: Int32Array;
  /** Hierarchy item (see ItemTable). */
  readonly item: Int32Array;
  readonly label: Int32Array;
  readonly code: Int32Array;
  readonly block: Int32Array;
  readonly unit: Int32Array;
  /** Long tables: the value cell read in the same pass (flags SLOW_CELL: read it again later). */
  readonly value: Float64Array | null;
  readonly step: Float64Array | null;
  readonly flags: Uint8Array | null;
  constructor(capacity: number, values: boolean, arena: Arena) {
    const c = Math.max(1, capacity);
    this.value = values ? arena.doubles(c) : null;
    this.step = values ? arena.doubles(c) : null;
    this.r = arena.ints(c);
    this.item = arena.ints(c);
    this.label = arena.ints(c);
    this.code = arena.ints(c);
    this.block = arena.ints(c);
    this.unit = arena.ints(c);
    this.flags = values ? arena.bytes(c) : null;
  }
}

/** Drafts.flags of a value cell that is not a plain number: parsed when the row is added. */
export const SLOW_CELL = 255;

export const LABEL_EMPTY = -1;
export const LABEL_STOP = -2;

/**
 * What the hierarchy needs of a row: its label, Excel indent and outline code. Sheets without an
 * indent grid or a code column use the label index itself; others intern the triple.
 */
class ItemTable {
  private readonly triples: Array<{ label: number; excel: number; code: number }> = [];
  private readonly index = new Map<string, number>();
  constructor(readonly simple: boolean) {}
  id(label: number, excel: number, code: number): number {
    if (this.simple) return label;
    const k = `${label},${excel},${code}`;
    let i = this.index.get(k);
    if (i === undefined) {
      i = this.triples.length;
      this.triples.push({ label, excel, code });
      this.index.set(k, i);
    }
    return i;
  }
  get(id: number, data: ModelData): { label: number; excel: number; code: number } {
    return this.simple ? { label: id, excel: 0, code: data.labels[id].code } : this.triples[id];
  }
}

export interface BlockHierarchy {
  items: Int32Array;
  /** Parent of each row as an index into the block; −1: none. */
  parents: Int32Array;
  /** Rows (block indices) that repeat an indicator under the same parent, groups in order of first row. */
  duplicates: number[][];
}

/**
 * Hierarchies of blocks by their sequence of items: the blocks of a long table usually list the
 * same indicators in the same order, so buildHierarchy runs once per distinct sequence.
 */
class HierarchyCache {
  private readonly byHash = new Map<number, BlockHierarchy[]>();
  constructor(
    private readonly data: ModelData,
    private readonly table: ItemTable,
    /** The user's corrections for this sheet, and the address of a label cell by grid row. */
    private readonly fixes: StructureFix[] = [],
    private readonly labelAddress: (r: number) => string = () => '',
  ) {}

  /**
   * The hierarchy of a block's items. `rows` (wide and per-year sheets, one block each) adds what
   * only the grid knows: headings without values and blank rows between items; such blocks are
   * not cached.
   */
  get(items: Int32Array, rows?: { heading: Uint8Array; gap: Uint8Array; r: Int32Array }): BlockHierarchy {
    if (rows) return this.make(items.slice(), rows);
    let h = items.length | 0;
    for (let i = 0; i < items.length; i++) h = (Math.imul(h ^ items[i], 0x9e3779b1) + i) | 0;
    let list = this.byHash.get(h);
    if (list) {
      for (const c of list) if (sameItems(c.items, items)) return c;
    } else this.byHash.set(h, (list = []));
    const made = this.make(items.slice());
    list.push(made);
    return made;
  }

  private make(items: Int32Array, rows?: { heading: Uint8Array; gap: Uint8Array; r: Int32Array }): BlockHierarchy {
    const { data, table } = this;
    const hier: HierarchyItem[] = [];
    for (let i = 0; i < items.length; i++) {
      const t = table.get(items[i], data);
      const li = data.labels[t.label];
      const item: HierarchyItem = { indent: li.leadingSpaces + t.excel * 2, qizhong: li.qizhong, closing: li.closing };
      if (t.code >= 0) item.code = data.codes.list[t.code];
      if (rows) {
        item.heading = rows.heading[i] === 1;
        item.gap = rows.gap[i] === 1;
      }
      hier.push(item);
    }
    const parents = Int32Array.from(buildHierarchy(hier), (p) => (p === undefined ? -1 : p));
    if (this.fixes.length > 0) {
      applyFixes(
        this.fixes,
        parents,
        (i) => data.labels[table.get(items[i], data).label].key,
        (i) => (rows ? this.labelAddress(rows.r[i]) : undefined),
      );
    }
    const groups = new Map<string, number[]>();
    for (let i = 0; i < items.length; i++) {
      const li = data.labels[table.get(items[i], data).label];
      if (!li.key) continue;
      const k = `${parents[i]}\u0000${li.key}`;
      const g = groups.get(k);
      if (g) g.push(i);
      else groups.set(k, [i]);
    }
    return { items, parents, duplicates: [...groups.values()].filter((g) => g.length > 1) };
  }
}

function sameItems(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Rows listed in one duplicate note at most; the rest are counted. */
const MAX_DUPLICATES_LISTED = 5;

/**
 * Notes on indicators that appear more than once under the same parent in one block (a sheet, or
 * one entity and period of a long table): a copied row, or two figures for one indicator.
 */
function duplicateNotes(sheet: string, dups: Array<{ label: string; cells: string }>, total: number): Bilingual[] {
  if (total === 0) return [];
  const shown = dups.slice(0, MAX_DUPLICATES_LISTED);
  const more = total - shown.length;
  const list = (lang: Lang): string => shown.map((d) => textIn(lang, 'layout.duplicates.item', d)).join(textIn(lang, 'layout.duplicates.sep'));
  return [
    message('layout.duplicates', {
      sheet,
      list: { 'zh-CN': list('zh-CN'), 'en-US': list('en-US') },
      more: more > 0 ? message('layout.duplicates.more', { count: more }) : '',
    }),
  ];
}

const PARTIAL_LABEL = /^[\s\u3000]*其中[:：]?(主要|部分|包括)|部分列举|不完全统计/;
const QIZHONG_LABEL = /^[\s\u3000]*其中/;
export const EMPTY_ROW: CellValue[] = [];

/**
 * Whether any cell of column `col` is indented. The .xlsx readers give an indent for every cell of
 * the grid, nearly always 0; only an indent other than 0 shapes a hierarchy, so a grid whose
 * label column has none is read as one without indents (and by the long table's fast paths).
 */
export function indentedColumn(grid: SheetGrid, col: number): boolean {
  const indents = grid.indents;
  if (!indents) return false;
  for (let r = 0; r < indents.length; r++) if (indents[r]?.[col]) return true;
  return false;
}

/**
 * Reads the rows of one sheet into the model: labels, units and codes through caches (a long table
 * repeats the same few hundred strings), one hierarchy per distinct block, values through the
 * plain-number fast path of parseCell/normalizeValue.
 */
export class SheetReader {
  readonly data: ModelData;
  readonly source: SheetSource;
  private _drafts?: Drafts;
  private readonly layout: LayoutKind;
  get drafts(): Drafts {
    return (this._drafts ??= new Drafts(this.grid.values.length - this.h.row - 1, this.layout === 'long', this.data.arena));
  }
  readonly items: ItemTable;
  readonly hierarchies: HierarchyCache;
  private readonly labelCache = new Map<string, number>();
  private readonly unitCache = new Map<unknown, number>();
  private readonly codeCache = new Map<unknown, number>();
  private readonly rules: Array<Array<PlainNumberRule | undefined> | undefined> = [];
  private readonly dups: Array<{ label: string; cells: string }> = [];
  private readonly mark: number;
  private dupCount = 0;

  constructor(
    readonly grid: SheetGrid,
    readonly h: Header,
    readonly ctx: ReadContext,
    layout: LayoutKind,
    shape: (data: ModelData) => SheetShape,
  ) {
    this.data = ctx.data ?? new ModelData(grid.values.length, grid.values.length * Math.max(1, h.years.length), grid.values.length * 41);
    this.source = this.data.beginSheet(grid.name, grid, layout, h.nameCol, shape(this.data));
    this.source.fractionKeys = fractionKeysOf(grid, h, layout === 'wide' ? h.years.map((y) => y.col) : [h.valueCol as number]);
    // Drafts are transient: their bytes are handed back when the sheet is read (finish).
    this.mark = this.data.arena.mark();
    this.layout = layout;
    this.items = new ItemTable(!indentedColumn(grid, h.nameCol) && h.codeCol === undefined);
    this.hierarchies = new HierarchyCache(this.data, this.items, fixesFor(ctx.fixes, grid.name), (r) => toA1(grid.originRow + r, grid.originCol + h.nameCol));
  }

  /** Label index of a label cell; LABEL_EMPTY for a blank one, LABEL_STOP for a footnote (注：…). */
  labelOf(raw: CellValue | undefined): number {
    const label = typeof raw === 'string' ? raw : text(raw);
    let i = this.labelCache.get(label);
    if (i !== undefined) return i;
    const trimmed = label.trim();
    if (!trimmed) i = LABEL_EMPTY;
    else if (FOOTNOTE.test(trimmed)) i = LABEL_STOP;
    else {
      const data = this.data;
      i = data.label(label, () => {
        const marker = breakdownMarker(label);
        return {
          label: trimmed,
          key: indicatorKey(trimmed),
          code: marker.code !== undefined ? data.codes.intern(marker.code) : -1,
          leadingSpaces: marker.leadingSpaces,
          qizhong: marker.isBreakdown && QIZHONG_LABEL.test(label),
          // A part named 罚款等 is a category ("fines and the like"), not a partial list: only wording
          // such as 其中主要有 / 其中部分 / 部分列举 declares the breakdown incomplete.
          partial: PARTIAL_LABEL.test(label),
          closing: isTotalLabel(trimmed),
        };
      });
    }
    this.labelCache.set(label, i);
    return i;
  }

  /** Adds a draft for grid row r with label li (≥ 0) in block b. */
  draft(r: number, row: CellValue[], li: number, b: number): void {
    const { h, drafts: d } = this;
    let code = this.data.labels[li].code;
    if (h.codeCol !== undefined) {
      const raw = row[h.codeCol];
      let c = this.codeCache.get(raw);
      if (c === undefined) {
        const cell = parseOutlineCode(raw) ?? outlineToken(raw);
        c = cell === undefined ? -2 : this.data.codes.intern(cell);
        if (typeof raw !== 'object' || raw === null) this.codeCache.set(raw, c);
      }
      if (c !== -2) code = c;
    }
    const excel = this.grid.indents?.[r]?.[h.nameCol] ?? 0;
    const k = d.n++;
    d.r[k] = r;
    d.label[k] = li;
    d.code[k] = code;
    d.block[k] = b;
    d.item[k] = this.items.id(li, excel, code);
    let unit = this.unitOf(row);
    if (unit < 0) unit = this.unitInLabel(li);
    d.unit[k] = unit;
    if (d.value) {
      // Long tables: one value cell per row, read now while the row is at hand.
      const c = h.valueCol as number;
      const raw = row[c];
      const fmt = this.grid.numberFormats?.[r]?.[c];
      if (typeof raw === 'number' && Number.isFinite(raw) && (fmt === undefined || isPlainFormat(fmt))) {
        const rule = this.ruleOf(li, unit);
        const v = raw === 0 ? 0 : raw;
        plainNumber(v, rule, d, k);
      } else (d.flags as Uint8Array)[k] = SLOW_CELL;
    }
  }

  /** A unit written at the end of a label (法制审核率（%）, 罚没款(万元)), for sheets without a 单位 column; −1: none. */
  private unitInLabel(li: number): number {
    let u = this.labelUnits.get(li);
    if (u === undefined) {
      const m = /[(（]\s*([^()（）]{1,6}?)\s*[)）]\s*$/.exec(this.data.labels[li].label.normalize('NFKC'));
      u = m && (isUnitText(m[1]) || /^[%‰]$/.test(m[1])) ? this.data.units.intern(m[1]) : -1;
      this.labelUnits.set(li, u);
    }
    return u;
  }
  private readonly labelUnits = new Map<number, number>();

  private unitOf(row: CellValue[]): number {
    const col = this.h.unitCol;
    if (col === undefined) return -1;
    const raw = row[col];
    let u = this.unitCache.get(raw);
    if (u === undefined) {
      const t = text(raw).trim();
      u = t ? this.data.units.intern(t) : -1;
      if (typeof raw !== 'object' || raw === null) this.unitCache.set(raw, u);
    }
    return u;
  }

  ruleOf(label: number, unit: number): PlainNumberRule {
    let byUnit = this.rules[label];
    if (!byUnit) this.rules[label] = byUnit = [];
    let rule = byUnit[unit + 1];
    if (!rule) byUnit[unit + 1] = rule = plainNumberRule(this.data.unitName(unit), this.data.labels[label].label, this.fractions(label));
    return rule;
  }

  /** Whether label li's plain numbers under a % unit are fractions on this sheet (percentFractionKeys). */
  fractions(li: number): boolean {
    const keys = this.source.fractionKeys;
    return keys !== null && keys.has(this.data.labels[li].key);
  }

  /**
   * Turns the drafts order[from … to) into rows of one block: hierarchy, ids, then each row's
   * observations (`cols` × periods: wide sheets read several year columns per row; long tables
   * one, read already by draft()).
   */
  block(order: Int32Array, from: number, to: number, blockName: string, entity: number, periods: ArrayLike<number>, cols: ArrayLike<number>): void {
    const { data, drafts: d, grid, source } = this;
    const items = new Int32Array(to - from);
    for (let j = from; j < to; j++) items[j - from] = d.item[order[j]];
    const hier = this.hierarchies.get(items, d.value ? undefined : this.rowFlags(order, from, to, cols));
    const base = data.rowCount;
    const block = this.source.shape?.long ? data.block(blockName, entity, periods[0]) : data.block(blockName);
    const values = grid.values;
    const formats = grid.numberFormats;
    const parents = hier.parents;
    if (d.value) {
      // Long tables: one observation per row, read already; written straight into the arrays.
      const n = to - from;
      const B = data.bulk(n);
      const c = cols[0];
      const sheet = source.index;
      const ctx = this.ctx;
      const dValue = d.value;
      const dStep = d.step as Float64Array;
      const dFlags = d.flags as Uint8Array;
      const ids = (bulkIds = bulkIds.length >= n ? bulkIds : new Int32Array(n * 2));
      const codes = (bulkCodes = bulkCodes.length >= n ? bulkCodes : new Int32Array(n * 2));
      const steps = (bulkSteps = bulkSteps.length >= n ? bulkSteps : new Float64Array(n * 2));
      for (let j = 0; j < n; j++) {
        const k = order[from + j];
        const ri = B.row + j;
        const oi = B.obs + j;
        const p = parents[j];
        ids[j] = ctx.nextId();
        codes[j] = d.code[k];
        B.rowSheet[ri] = sheet;
        B.rowR[ri] = d.r[k];
        B.rowLabel[ri] = d.label[k];
        B.rowUnit[ri] = d.unit[k];
        B.rowParent[ri] = p >= 0 ? base + p : -1;
        B.rowBlock[ri] = block;
        const flags = dFlags[k];
        if (flags !== SLOW_CELL) {
          B.obsValue[oi] = dValue[k];
          steps[j] = dStep[k];
          B.obsFlags[oi] = flags;
        } else {
          const r = d.r[k];
          const parsed = parseCell(values[r]?.[c] ?? null, formats?.[r]?.[c]);
          const nv = normalizeValue(parsed, data.unitName(d.unit[k]), data.labels[d.label[k]].label, this.fractions(d.label[k]));
          B.obsValue[oi] = nv.value ?? NaN;
          steps[j] = nv.step;
          B.obsFlags[oi] = makeFlags(PARSED_KIND_INDEX[parsed.kind], nv.approximate, KIND_INDEX[nv.kind]);
        }
      }
      data.commitRows(ids.subarray(0, n), codes.subarray(0, n), steps.subarray(0, n));
    }
    if (!d.value) data.reserve(to - from, (to - from) * cols.length);
    for (let j = d.value ? to : from; j < to; j++) {
      const k = order[j];
      const r = d.r[k];
      const p = parents[j - from];
      const unit = d.unit[k];
      const label = d.label[k];
      const ri = data.addRow(this.ctx.nextId(), source.index, r, label, d.code[k], unit, p >= 0 ? base + p : -1, block);
      const row = values[r] ?? EMPTY_ROW;
      const fmtRow = formats?.[r];
      for (let y = 0; y < cols.length; y++) {
        const c = cols[y];
        const raw = row[c] ?? null;
        const fmt = fmtRow?.[c];
        if (typeof raw === 'number' && Number.isFinite(raw) && (fmt === undefined || isPlainFormat(fmt))) {
          plainNumber(raw === 0 ? 0 : raw, this.ruleOf(label, unit), scratch, 0);
          data.addObs(ri, c, entity, periods[y], scratch.value[0], scratch.step[0], scratch.flags[0]);
        } else {
          data.addParsed(ri, c, entity, periods[y], parseCell(raw, fmt), data.unitName(unit), data.labels[label].label, this.fractions(label));
        }
      }
    }
    this.noteDuplicates(hier, (i) => d.r[order[from + i]], (i) => d.label[order[from + i]]);
  }

  /** Which drafts order[from … to) are headings (no value in any of `cols`) and which follow a blank row. */
  private rowFlags(order: Int32Array, from: number, to: number, cols: ArrayLike<number>): { heading: Uint8Array; gap: Uint8Array; r: Int32Array } {
    const d = this.drafts;
    const values = this.grid.values;
    const heading = new Uint8Array(to - from);
    const gap = new Uint8Array(to - from);
    const rows = new Int32Array(to - from);
    for (let j = from; j < to; j++) {
      const r = d.r[order[j]];
      const row = values[r] ?? EMPTY_ROW;
      let empty = true;
      for (let y = 0; y < cols.length && empty; y++) {
        const v = row[cols[y]];
        if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '')) empty = false;
      }
      heading[j - from] = empty ? 1 : 0;
      gap[j - from] = j > from && r - d.r[order[j - 1]] > 1 ? 1 : 0;
      rows[j - from] = r;
    }
    return { heading, gap, r: rows };
  }

  /** Records a block's repeated indicators for the duplicate note (rows by block index). */
  noteDuplicates(hier: BlockHierarchy, gridRow: (i: number) => number, label: (i: number) => number): void {
    const { data, grid } = this;
    for (const g of hier.duplicates) {
      this.dupCount++;
      if (this.dups.length >= MAX_DUPLICATES_LISTED) continue;
      const cells = g.map((i) => toA1(grid.originRow + gridRow(i), grid.originCol + this.h.nameCol)).join(', ');
      this.dups.push({ label: data.labels[label(g[0])].label, cells });
    }
  }

  /** The drafts in block order (stable), with the start of each block. */
  byBlock(blocks: number): { order: Int32Array; start: Int32Array } {
    const d = this.drafts;
    const start = new Int32Array(blocks + 1);
    for (let k = 0; k < d.n; k++) start[d.block[k] + 1]++;
    for (let b = 0; b < blocks; b++) start[b + 1] += start[b];
    const fill = start.slice(0, blocks);
    const order = new Int32Array(d.n);
    for (let k = 0; k < d.n; k++) order[fill[d.block[k]]++] = k;
    return { order, start };
  }

  finish(notes: Bilingual[]): SheetModel {
    notes.push(...duplicateNotes(this.grid.name, this.dups, this.dupCount));
    this.source.notes = notes;
    this.data.endSheet(this.source);
    this.data.arena.release(this.mark);
    if (!this.ctx.data) this.data.seal();
    return this.source.model;
  }
}

export const scratch = { value: new Float64Array(1), step: new Float64Array(1), flags: new Uint8Array(1) };
/** Math.pow(10, -d) for small d, as Math.pow computes it. */
const POW10_NEG = Array.from({ length: 24 }, (_, d) => Math.pow(10, -d));

/** Reused per block of a long table: the rows' ids, codes and the observations' steps. */
let bulkIds = new Int32Array(256);
let bulkCodes = new Int32Array(256);
let bulkSteps = new Float64Array(256);

/**
 * A plain number cell (no unit in the cell, no % format) in base units, as
 * normalizeValue(parseCell(v), unit, name) makes it: value, step and flags into out[k].
 */
export function plainNumber(v: number, rule: PlainNumberRule, out: { value: Float64Array | null; step: Float64Array | null; flags: Uint8Array | null }, k: number): void {
  (out.step as Float64Array)[k] = putPlainNumber(v, rule, k, out.value as Float64Array, out.flags as Uint8Array);
}

/** Drafts every indicator row of a wide or per-year sheet (one block) up to a footnote. */
export function draftAll(reader: SheetReader): void {
  const { grid, h } = reader;
  for (let r = h.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? EMPTY_ROW;
    const li = reader.labelOf(row[h.nameCol]);
    if (li === LABEL_STOP) break;
    if (li === LABEL_EMPTY) continue;
    reader.draft(r, row, li, 0);
  }
}

/**
 * A plain number (no unit in the cell, no format) of a long table in base units, as
 * normalizeValue(parseCell(raw), unit, name) makes it: value and flags at model index i. Returns
 * its display step.
 */
export function putPlainNumber(raw: number, R: PlainNumberRule, i: number, obsValue: Float64Array, obsFlags: Uint8Array): number {
  const v = raw === 0 ? 0 : raw;
  const dec = Number.isInteger(v) ? 0 : numberDecimals(v);
  const baseStep = dec === 0 ? 1 : dec < POW10_NEG.length ? POW10_NEG[dec] : Math.pow(10, -dec);
  let kind = R.kindIndex;
  let step: number;
  if (R.percentUnit || (kind === K_RATE && Math.abs(v) > 1)) {
    obsValue[i] = v / R.per;
    step = baseStep / R.per;
    kind = K_RATE;
  } else if (kind === K_RATE) {
    obsValue[i] = v;
    step = baseStep;
  } else {
    obsValue[i] = v * R.factor;
    step = baseStep * R.factor;
  }
  obsFlags[i] = makeFlags(PK_NUMBER, false, kind);
  return step;
}
