// Layout detection and reading: a SheetGrid becomes indicator rows and observations.
// Three layouts are recognised without configuration (see DOMAIN.md):
//   wide     — a header row with a name column (指标/指标名称/项目) and year columns;
//   per-year — the sheet name carries the year; columns 指标 / 单位 / 数值;
//   long     — 地区 (or 单位), 年份, 指标, 数值, 单位 for many entities.
import { toA1 } from '../a1';
import { msg } from '../messages';
import type { SheetModel } from '../model';
import { K_RATE, KIND_INDEX, makeFlags, ModelData, PARSED_KIND_INDEX, PK_NUMBER, type Arena, type SheetShape, type SheetSource } from '../model-data';
import { breakdownMarker, indicatorKey, isTotalLabel, outlineToken, parseOutlineCode, parseYear, periodCoverage, sheetNameYear } from '../names';
import type { Bilingual, CellValue, LayoutKind, SheetGrid } from '../types';
import { isPlainFormat, isUnitText, numberDecimals, parseCell } from '../values';
import { applyFixes, fixesFor, type StructureFix } from './corrections';
import { recognizeCrossTab, readCrossTab } from './crosstab';
import { buildHierarchy, type HierarchyItem } from './hierarchy';
import { isPercentUnit, normalizeValue, percentFractionKeys, plainNumberRule, type PlainNumberRule } from './normalize';

export { normalizeValue } from './normalize';

const NAME_HEADERS = new Set(['指标', '指标名称', '项目', '项目名称', '名称', '指标项', '指标项目', '统计指标', '考核指标', '内容']);
const CODE_HEADERS = new Set(['序号', '编号', '代码', '行次', '指标代码', '指标编号', '序']);
const UNIT_HEADERS = new Set(['单位', '计量单位', '计量']);
const VALUE_HEADERS = new Set(['数值', '数量', '值', '数据', '指标值', '数', '本年数', '完成数', '完成情况', '本期数']);
const ENTITY_HEADERS = new Set(['地区', '区县', '县区', '行政区划', '地区名称', '单位名称', '填报单位', '区域', '区(县)', '县(市、区)', '县(市,区)']);
const PERIOD_HEADERS = new Set(['年份', '年度', '年', '统计年度', '报告期', '时间']);
const FOOTNOTE = /^(注|说明|备注|填报人|审核人|填报日期|单位负责人|统计负责人|制表人)[:：]/;
const HEADER_SCAN_ROWS = 25;
/**
 * Columns that are never periods, entities or values to check, even when their header names a
 * year ("2023年比2022年增减"): changes, growth rates, ranks, scores, remarks.
 */
export const NOT_DATA_HEADER = /增减|增长|增幅|降幅|同比|环比|比上年|较上年|比去年|较去年|变化|差额|排名|排序|名次|得分|评分|备注|说明/;

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

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v.error;
  return String(v);
}

function headerKey(v: CellValue | undefined): string {
  return text(v).normalize('NFKC').replace(/\s+/g, '');
}

/** A header cell that names a year: 2022, 2022年, 2022年度, 2022年1-10月. */
function headerYear(v: CellValue | undefined): { year: number; partial: boolean; text: string } | undefined {
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= 1949 && v <= 2100 ? { year: v, partial: false, text: String(v) } : undefined;
  }
  const s = headerKey(v);
  if (!/^(\d{4}|[〇零一二三四五六七八九]{4})/.test(s)) return undefined;
  if (NOT_DATA_HEADER.test(s)) return undefined;
  if (s.length > 16) return undefined;
  const year = parseYear(s);
  if (year === undefined || year < 1949 || year > 2100) return undefined;
  return { year, partial: periodCoverage(s) === 'partial', text: s };
}

export interface Header {
  row: number;
  nameCol: number;
  codeCol?: number;
  unitCol?: number;
  valueCol?: number;
  entityCol?: number;
  periodCol?: number;
  years: Array<{ col: number; year: number; partial: boolean; text: string }>;
}

export function findHeader(grid: SheetGrid): Header | undefined {
  const rows = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = grid.values[r] ?? [];
    const h: Header = { row: r, nameCol: -1, years: [] };
    const entityCandidates: number[] = [];
    const unitCandidates: number[] = [];
    for (let c = 0; c < row.length; c++) {
      const k = headerKey(row[c]);
      if (!k) continue;
      if (h.nameCol < 0 && NAME_HEADERS.has(k)) h.nameCol = c;
      else if (h.codeCol === undefined && CODE_HEADERS.has(k)) h.codeCol = c;
      else if (UNIT_HEADERS.has(k)) unitCandidates.push(c);
      else if (h.valueCol === undefined && VALUE_HEADERS.has(k)) h.valueCol = c;
      else if (h.periodCol === undefined && PERIOD_HEADERS.has(k)) h.periodCol = c;
      else if (ENTITY_HEADERS.has(k)) entityCandidates.push(c);
      else {
        const y = headerYear(row[c]);
        if (y) h.years.push({ col: c, ...y });
      }
    }
    if (h.nameCol < 0) continue;
    // 单位 is the entity column of a long table when no other entity header is present and the
    // column holds names rather than units; otherwise it is the unit column.
    if (entityCandidates.length > 0) h.entityCol = entityCandidates[0];
    for (const c of unitCandidates) {
      const first = c === unitCandidates[0];
      if (h.entityCol === undefined && h.periodCol !== undefined && first && (unitCandidates.length > 1 || holdsNames(grid, r, c))) h.entityCol = c;
      else if (h.unitCol === undefined) h.unitCol = c;
    }
    const isLong = h.periodCol !== undefined && h.valueCol !== undefined;
    if (h.years.length === 0 && !isLong && r + 1 < grid.values.length) {
      // Two-row header: years one row below (under a merged 年度 cell).
      const below = grid.values[r + 1] ?? [];
      for (let c = 0; c < below.length; c++) {
        if (c === h.nameCol || c === h.unitCol || c === h.codeCol) continue;
        const y = headerYear(below[c]);
        if (y) h.years.push({ col: c, ...y });
      }
      if (h.years.length > 0) {
        h.row = r + 1;
        h.periodCol = undefined;
      }
    }
    return h;
  }
  return undefined;
}

/** Whether a column below the header holds names (甲区卫健局) rather than units (件, 万元): most of its first texts are not units. */
function holdsNames(grid: SheetGrid, headerRow: number, col: number): boolean {
  let texts = 0;
  let units = 0;
  for (let r = headerRow + 1; r < grid.values.length && texts < 50; r++) {
    const v = grid.values[r]?.[col];
    if (typeof v !== 'string' || v.trim() === '') continue;
    texts++;
    if (isUnitText(v)) units++;
  }
  return texts > 0 && units * 2 < texts;
}

/**
 * percentFractionKeys over a sheet's value cells: the indicators whose numbers under a % unit
 * column are fractions. Null when the sheet has no unit column. One pass over the rows; the unit
 * cell is compared by identity first, as a long table repeats a few units.
 */
function fractionKeysOf(grid: SheetGrid, h: Header, cols: number[]): Set<string> | null {
  const unitCol = h.unitCol;
  const values = grid.values;
  if (unitCol === undefined) {
    // Units at the end of the labels (法制审核率（%）): a wide or per-year form without a 单位 column.
    const keys = percentFractionKeys(
      (visit) => {
        for (let r = h.row + 1; r < values.length; r++) {
          const row = values[r];
          if (!row) continue;
          const label = text(row[h.nameCol]);
          const m = /[(（]\s*([%％])\s*[)）]\s*$/.exec(label);
          if (!m) continue;
          for (const c of cols) visit(label, m[1], row[c], grid.numberFormats?.[r]?.[c]);
        }
      },
      (label) => indicatorKey(label.trim()),
      isPlainFormat,
    );
    return keys.size > 0 ? keys : null;
  }
  // One pass over a table that may hold millions of rows: the few distinct unit cells are
  // classified once (compared by identity first), and the verdict is kept per label cell before
  // labels are turned into keys.
  const formats = grid.numberFormats;
  const nameCol = h.nameCol;
  const percentUnit = new Map<unknown, boolean>();
  const byLabel = new Map<unknown, boolean>();
  let lastUnit: unknown = percentUnit;
  let percent = false;
  for (let r = h.row + 1; r < values.length; r++) {
    const row = values[r];
    if (!row) continue;
    const u = row[unitCol];
    if (u !== lastUnit) {
      lastUnit = u;
      const known = percentUnit.get(u);
      if (known === undefined) percentUnit.set(u, (percent = typeof u === 'string' && isPercentUnit(u)));
      else percent = known;
    }
    if (!percent) continue;
    const label = row[nameCol];
    for (let k = 0; k < cols.length; k++) {
      const raw = row[cols[k]];
      if (typeof raw !== 'number' || !Number.isFinite(raw)) continue;
      const fmt = formats?.[r]?.[cols[k]];
      if (fmt !== undefined && !isPlainFormat(fmt)) continue;
      const fraction = raw >= 0 && raw <= 1;
      const before = byLabel.get(label);
      if (before === undefined || (before && !fraction)) byLabel.set(label, fraction);
    }
  }
  const byKey = new Map<string, boolean>();
  for (const [label, fraction] of byLabel) {
    const key = indicatorKey(text(label as CellValue).trim());
    byKey.set(key, (byKey.get(key) ?? true) && fraction);
  }
  const out = new Set<string>();
  for (const [key, fraction] of byKey) if (fraction) out.add(key);
  return out.size > 0 ? out : null;
}

/** Row positions of a sheet's indicator rows before they become rows of the model. */
class Drafts {
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
const SLOW_CELL = 255;

const LABEL_EMPTY = -1;
const LABEL_STOP = -2;

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

interface BlockHierarchy {
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
  return [
    {
      'zh-CN': `工作表“${sheet}”中有重复的指标：${shown.map((d) => `“${d.label}”（${d.cells}）`).join('；')}${more > 0 ? `；另有 ${more} 项` : ''}。请删除重复行或确认各行数据。`,
      'en-US': `Sheet "${sheet}" lists an indicator more than once: ${shown.map((d) => `"${d.label}" (${d.cells})`).join('; ')}${more > 0 ? `; and ${more} more` : ''}. Remove the repeated rows or confirm each row's figures.`,
    },
  ];
}

const PARTIAL_LABEL = /^[\s\u3000]*其中[:：]?(主要|部分|包括)|部分列举|不完全统计/;
const QIZHONG_LABEL = /^[\s\u3000]*其中/;
const EMPTY_ROW: CellValue[] = [];

/**
 * Reads the rows of one sheet into the model: labels, units and codes through caches (a long table
 * repeats the same few hundred strings), one hierarchy per distinct block, values through the
 * plain-number fast path of parseCell/normalizeValue.
 */
class SheetReader {
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
    this.items = new ItemTable(!grid.indents && h.codeCol === undefined);
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

const scratch = { value: new Float64Array(1), step: new Float64Array(1), flags: new Uint8Array(1) };
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
function plainNumber(v: number, rule: PlainNumberRule, out: { value: Float64Array | null; step: Float64Array | null; flags: Uint8Array | null }, k: number): void {
  (out.step as Float64Array)[k] = putPlainNumber(v, rule, k, out.value as Float64Array, out.flags as Uint8Array);
}

/** Drafts every indicator row of a wide or per-year sheet (one block) up to a footnote. */
function draftAll(reader: SheetReader): void {
  const { grid, h } = reader;
  for (let r = h.row + 1; r < grid.values.length; r++) {
    const row = grid.values[r] ?? EMPTY_ROW;
    const li = reader.labelOf(row[h.nameCol]);
    if (li === LABEL_STOP) break;
    if (li === LABEL_EMPTY) continue;
    reader.draft(r, row, li, 0);
  }
}

function readWide(grid: SheetGrid, h: Header, ctx: ReadContext): SheetModel {
  const notes: Bilingual[] = [];
  const seen = new Map<number, number>();
  const years: Header['years'] = [];
  for (const y of h.years) {
    const first = seen.get(y.year);
    if (first !== undefined) {
      notes.push(msg('layout.duplicate-year', { sheet: grid.name, year: y.year, cells: `${toA1(grid.originRow + h.row, grid.originCol + first)}, ${toA1(grid.originRow + h.row, grid.originCol + y.col)}` }));
      continue;
    }
    seen.set(y.year, y.col);
    years.push(y);
    if (y.partial) notes.push(msg('layout.partial-period', { label: y.text, text: y.text }));
  }
  const full = years.filter((y) => !y.partial);
  let entity = -1;
  let periods: number[] = [];
  const reader = new SheetReader(grid, h, ctx, 'wide', (data) => {
    entity = data.entities.intern(ctx.entity);
    periods = full.map((y) => data.periods.intern(String(y.year)));
    return { perRow: full.length, cols: full.map((y) => y.col), periods, entity, long: false };
  });
  draftAll(reader);
  const { order, start } = reader.byBlock(1);
  reader.block(order, start[0], start[1], grid.name, entity, periods, full.map((y) => y.col));
  return reader.finish(notes);
}

function readPerYear(grid: SheetGrid, h: Header, year: number, ctx: ReadContext): SheetModel {
  let entity = -1;
  let period = -1;
  const reader = new SheetReader(grid, h, ctx, 'per-year', (data) => {
    entity = data.entities.intern(ctx.entity);
    period = data.periods.intern(String(year));
    return { perRow: 1, cols: [h.valueCol as number], periods: [period], entity, long: false };
  });
  draftAll(reader);
  const { order, start } = reader.byBlock(1);
  reader.block(order, start[0], start[1], grid.name, entity, [period], [h.valueCol as number]);
  return reader.finish([]);
}

function readLong(grid: SheetGrid, h: Header, ctx: ReadContext): SheetModel {
  if (h.codeCol === undefined && !grid.indents && h.unitCol !== undefined) {
    const m = readLongDirect(grid, h, ctx);
    if (m) return m;
  }
  return readLongDrafts(grid, h, ctx);
}

const longShape = (h: Header) => (): SheetShape => ({ perRow: 1, cols: [h.valueCol as number], periods: [], entity: -1, long: true });

/**
 * A long table whose blocks (entity × period) each come in one run of rows — the usual case — in
 * one pass: each row goes straight into the model; when a block ends its hierarchy is looked up
 * (one buildHierarchy per distinct sequence of indicators) and the parents are set. Returns
 * undefined, having added nothing, when a block comes back after another one (readLongDrafts
 * then groups the rows first).
 */
function readLongDirect(grid: SheetGrid, h: Header, ctx: ReadContext): SheetModel | undefined {
  const reader = new SheetReader(grid, h, ctx, 'long', longShape(h));
  const data = reader.data;
  const values = grid.values;
  const direct = data.direct(Math.max(0, values.length - h.row - 1));
  if (!direct) {
    data.rollback(reader.source);
    return undefined;
  }
  /** Rows (model indices) whose value cell is not a plain number; transient (the reader's arena mark). */
  const slowMark = data.arena.mark();
  const slowRows = data.arena.ints(Math.max(1, values.length - h.row));
  let nSlow = 0;
  const blockMark = data.blocks.size;
  /** Gives up (readLongDrafts reads the sheet instead), having added nothing. */
  const abandon = (): undefined => {
    data.arena.release(slowMark);
    data.dropLongBlocks(blockMark);
    data.rollback(reader.source);
    return undefined;
  };
  const entityCol = h.entityCol;
  const periodCol = h.periodCol as number;
  const nameCol = h.nameCol;
  const valueCol = h.valueCol as number;
  const unitCol = h.unitCol as number;
  const formats = grid.numberFormats;
  const sheet = reader.source.index;
  const ctxEntity = data.entities.intern(ctx.entity);
  const entityCache = new Map<unknown, number>();
  const periodCache = new Map<unknown, number>();
  const unitCache = new Map<unknown, number>();
  const labelCache = new Map<string, number>();
  const seenBlocks = new Map<number, Set<number>>();
  const { rowSheet, rowR, rowLabel, rowUnit, rowParent, rowBlock, obsValue, obsStepClass, obsFlags } = direct;
  const base = direct.row;
  let n = 0;
  let lastEntityRaw: unknown = entityCache;
  let lastEntity = -1;
  let lastPeriodRaw: unknown = periodCache;
  let lastPeriod = -1;
  let lastUnitRaw: unknown = unitCache;
  let lastUnit = -1;
  let lastRuleLabel = -1;
  let lastRuleUnit = -2;
  let rule: PlainNumberRule | undefined;
  let lastStep = NaN;
  let lastStepClass = -1;
  let blockEntity = -1;
  let blockPeriod = -1;
  let block = -1;
  let blockStart = 0;
  /** The hierarchy of the last block, and whether the current block lists the same labels. */
  let lastHier: BlockHierarchy | undefined;
  let sameAsLast = false;
  /** Parents and duplicates of the block of rows blockStart … n. */
  // The blocks of a long table list the same indicators in the same order: the label, unit and
  // number rule of the k-th row of a block are usually those of the k-th row of the block before.
  const predLabelRaw: unknown[] = [];
  const predLabel: number[] = [];
  const predUnitRaw: unknown[] = [];
  const predUnit: number[] = [];
  const predRuleLabel: number[] = [];
  const predRuleUnit: number[] = [];
  const predRules: PlainNumberRule[] = [];
  const pred: LongBlockPositions = { labelRaw: predLabelRaw, label: predLabel, unitRaw: predUnitRaw, unit: predUnit, ruleLabel: predRuleLabel, ruleUnit: predRuleUnit, rules: predRules };
  // Typed, so that storing a fraction does not change the array's elements kind (a deopt).
  let predStep = new Float64Array(128).fill(NaN);
  let predStepClass = new Int32Array(128);
  let k = 0;
  for (let r = h.row + 1; r < values.length; r++) {
    const row = values[r] ?? EMPTY_ROW;
    const labelRaw = row[nameCol];
    let li: number | undefined = k < predLabel.length && labelRaw === predLabelRaw[k] ? predLabel[k] : undefined;
    if (li === undefined) {
      li = typeof labelRaw === 'string' ? labelCache.get(labelRaw) : undefined;
      if (li === undefined) {
        li = reader.labelOf(labelRaw);
        if (typeof labelRaw === 'string') labelCache.set(labelRaw, li);
      }
    }
    if (li === LABEL_STOP) break;
    if (li === LABEL_EMPTY) continue;
    let entity = ctxEntity;
    if (entityCol !== undefined) {
      const raw = row[entityCol];
      if (raw === lastEntityRaw) entity = lastEntity;
      else {
        let e = entityCache.get(raw);
        if (e === undefined) {
          e = data.entities.intern(text(raw).trim() || ctx.entity);
          if (typeof raw !== 'object' || raw === null) entityCache.set(raw, e);
        }
        entity = lastEntity = e;
        lastEntityRaw = raw;
      }
    }
    const periodCell = row[periodCol];
    let period: number;
    if (periodCell === lastPeriodRaw) period = lastPeriod;
    else {
      let p = periodCache.get(periodCell);
      if (p === undefined) {
        const year = parseYear(periodCell);
        if (year !== undefined && periodCoverage(text(periodCell)) === 'partial') p = -1;
        else p = data.periods.intern(year !== undefined ? String(year) : text(periodCell).trim());
        if (typeof periodCell !== 'object' || periodCell === null) periodCache.set(periodCell, p);
      }
      period = lastPeriod = p;
      lastPeriodRaw = periodCell;
    }
    if (period < 0) continue;
    if (entity !== blockEntity || period !== blockPeriod) {
      // A new block: the previous one is complete, unless this one was seen before.
      let periods = seenBlocks.get(entity);
      if (periods?.has(period)) {
        return abandon();
      }
      if (block >= 0) lastHier = endLongBlock(reader, rowLabel, rowParent, rowR, base + blockStart, base + n, sameAsLast ? lastHier : undefined);
      if (!periods) seenBlocks.set(entity, (periods = new Set()));
      periods.add(period);
      block = data.longBlock(sheet, entity, period);
      blockEntity = entity;
      blockPeriod = period;
      blockStart = n;
      const prevLen = k;
      k = 0;
      // Usually the block repeats the last one's indicators, units, entity and period cells: those
      // rows are written in bulk, their values by position.
      const m = prevLen > 0 ? matchingRows(values, r, prevLen, nameCol, entityCol, periodCol, unitCol, pred, lastEntityRaw, lastPeriodRaw) : 0;
      if (m > 0) {
        nSlow = replayLongBlock(grid, valueCol, r, m, base + n, direct, sheet, block, slowRows, nSlow, reader, pred, predStep, predStepClass);
        if (nSlow < 0) return abandon();
        n += m;
        k = m;
        r += m - 1;
        sameAsLast = m === prevLen;
        lastRuleLabel = -1;
        lastRuleUnit = -2;
        lastStep = NaN;
        continue;
      }
    }
    if (predLabelRaw[k] !== labelRaw || predLabel[k] !== li) {
      predLabelRaw[k] = labelRaw;
      predLabel[k] = li;
    }
    const i = base + n++;
    sameAsLast = false;
    rowSheet[i] = sheet;
    rowR[i] = r;
    rowLabel[i] = li;
    rowBlock[i] = block;
    const unitRaw = row[unitCol];
    let unit: number;
    if (k < predUnit.length && unitRaw === predUnitRaw[k]) unit = predUnit[k];
    else if (unitRaw === lastUnitRaw) unit = lastUnit;
    else {
      let u = unitCache.get(unitRaw);
      if (u === undefined) {
        const t = text(unitRaw).trim();
        u = t ? data.units.intern(t) : -1;
        if (typeof unitRaw !== 'object' || unitRaw === null) unitCache.set(unitRaw, u);
      }
      unit = lastUnit = u;
      lastUnitRaw = unitRaw;
    }
    rowUnit[i] = unit;
    if (predUnitRaw[k] !== unitRaw || predUnit[k] !== unit) {
      predUnitRaw[k] = unitRaw;
      predUnit[k] = unit;
    }
    const raw = row[valueCol];
    const fmt = formats?.[r]?.[valueCol];
    const plain = typeof raw === 'number' && Number.isFinite(raw) && (fmt === undefined || isPlainFormat(fmt));
    // Any other cell is parsed after the loop. The slot is written on every row and counted only
    // for those: a branch met for the first time deep into the loop would send V8 back to
    // unoptimised code.
    slowRows[nSlow] = i;
    nSlow += plain ? 0 : 1;
    if (plain) {
      if (li !== lastRuleLabel || unit !== lastRuleUnit) {
        // Rules by block position: valid when the label and unit are those of the last block's row.
        if (predRuleLabel[k] === li && predRuleUnit[k] === unit) rule = predRules[k];
        else {
          rule = reader.ruleOf(li, unit);
          predRuleLabel[k] = li;
          predRuleUnit[k] = unit;
          predRules[k] = rule;
        }
        lastRuleLabel = li;
        lastRuleUnit = unit;
      }
      const step = putPlainNumber(raw as number, rule as PlainNumberRule, i, obsValue, obsFlags);
      if (step !== lastStep) {
        // Display steps by block position too: a Map lookup by a number is slow in this loop.
        if (k < predStep.length && step === predStep[k]) lastStepClass = predStepClass[k];
        else {
          lastStepClass = data.stepClass(step);
          if (k >= predStep.length) {
            const grown = new Float64Array(2 * k + 2).fill(NaN);
            grown.set(predStep);
            predStep = grown;
            const classes = new Int32Array(2 * k + 2);
            classes.set(predStepClass);
            predStepClass = classes;
          }
          predStep[k] = step;
          predStepClass[k] = lastStepClass;
        }
        lastStep = step;
        if (lastStepClass >= 255) {
          // Hundreds of distinct display steps: the general path keeps them as numbers.
          return abandon();
        }
      }
      obsStepClass[i] = lastStepClass;
    }
    k++;
  }
  if (!readSlowCells(grid, valueCol, data, direct, slowRows.subarray(0, nSlow), reader)) return abandon();
  if (block >= 0) endLongBlock(reader, rowLabel, rowParent, rowR, base + blockStart, base + n, sameAsLast ? lastHier : undefined);
  data.commitLong(n, ctx.nextIds(n));
  return reader.finish([]);
}

/** What the k-th row of the last block of a long table held (readLongDirect). */
interface LongBlockPositions {
  labelRaw: unknown[];
  label: number[];
  unitRaw: unknown[];
  unit: number[];
  /** The number rule of position k, valid when ruleLabel[k] and ruleUnit[k] are its label and unit. */
  ruleLabel: number[];
  ruleUnit: number[];
  rules: PlainNumberRule[];
}

/**
 * A plain number (no unit in the cell, no format) of a long table in base units, as
 * normalizeValue(parseCell(raw), unit, name) makes it: value and flags at model index i. Returns
 * its display step.
 */
function putPlainNumber(raw: number, R: PlainNumberRule, i: number, obsValue: Float64Array, obsFlags: Uint8Array): number {
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

/**
 * How many rows from r0 on (at most `limit`) hold, cell for cell, the indicator and unit of the
 * same position in the last block and the entity and period cells of row r0.
 */
function matchingRows(values: CellValue[][], r0: number, limit: number, nameCol: number, entityCol: number | undefined, periodCol: number, unitCol: number, pred: LongBlockPositions, entityRaw: unknown, periodRaw: unknown): number {
  const labelRaw = pred.labelRaw;
  const unitRaw = pred.unitRaw;
  const end = Math.min(limit, values.length - r0);
  let j = 0;
  for (; j < end; j++) {
    const row = values[r0 + j];
    if (row === undefined || row === null) break;
    if (row[nameCol] !== labelRaw[j] || row[unitCol] !== unitRaw[j] || row[periodCol] !== periodRaw) break;
    if (entityCol !== undefined && row[entityCol] !== entityRaw) break;
  }
  return j;
}

/**
 * Rows r0 … r0+m of a long table that repeat the last block position by position (matchingRows),
 * into the model from index i0: labels and units from the last block, values read as in
 * readLongDirect. Returns the new count of slow rows, or −1 when the display steps become too many.
 */
function replayLongBlock(
  grid: SheetGrid,
  valueCol: number,
  r0: number,
  m: number,
  i0: number,
  direct: NonNullable<ReturnType<ModelData['direct']>>,
  sheet: number,
  block: number,
  slowRows: Int32Array,
  nSlow: number,
  reader: SheetReader,
  pred: LongBlockPositions,
  predStep: Float64Array,
  predStepClass: Int32Array,
): number {
  const { rowSheet, rowR, rowLabel, rowUnit, rowBlock, obsValue, obsStepClass, obsFlags } = direct;
  const { label, unit, ruleLabel, ruleUnit, rules } = pred;
  const values = grid.values;
  const formats = grid.numberFormats;
  rowSheet.fill(sheet, i0, i0 + m);
  rowBlock.fill(block, i0, i0 + m);
  for (let j = 0; j < m; j++) {
    rowR[i0 + j] = r0 + j;
    rowLabel[i0 + j] = label[j];
    rowUnit[i0 + j] = unit[j];
  }
  let lastStep = NaN;
  let lastStepClass = -1;
  for (let j = 0; j < m; j++) {
    const r = r0 + j;
    const i = i0 + j;
    const raw = values[r][valueCol];
    const fmt = formats?.[r]?.[valueCol];
    const plain = typeof raw === 'number' && Number.isFinite(raw) && (fmt === undefined || isPlainFormat(fmt));
    slowRows[nSlow] = i;
    nSlow += plain ? 0 : 1;
    if (!plain) continue;
    let R = rules[j];
    if (ruleLabel[j] !== label[j] || ruleUnit[j] !== unit[j]) {
      R = reader.ruleOf(label[j], unit[j]);
      ruleLabel[j] = label[j];
      ruleUnit[j] = unit[j];
      rules[j] = R;
    }
    const step = putPlainNumber(raw as number, R, i, obsValue, obsFlags);
    if (step !== lastStep) {
      if (j < predStep.length && step === predStep[j]) lastStepClass = predStepClass[j];
      else {
        lastStepClass = reader.data.stepClass(step);
        if (j < predStep.length) {
          predStep[j] = step;
          predStepClass[j] = lastStepClass;
        }
      }
      lastStep = step;
      if (lastStepClass >= 255) return -1;
    }
    obsStepClass[i] = lastStepClass;
  }
  return nSlow;
}

/**
 * The value cells of a long table read directly that are not plain numbers (text, approximate
 * values, formats, errors, blanks), rows by model index: parsed as the general path parses them.
 * A function of its own, so that the shapes of parsed values do not unsettle readLongDirect's code.
 * False when the display steps become too many for classes (readLongDrafts then reads the sheet).
 */
function readSlowCells(grid: SheetGrid, valueCol: number, data: ModelData, direct: NonNullable<ReturnType<ModelData['direct']>>, rows: Int32Array, reader: SheetReader): boolean {
  const { rowR, rowUnit, rowLabel, obsValue, obsFlags, obsStepClass } = direct;
  const formats = grid.numberFormats;
  for (let j = 0; j < rows.length; j++) {
    const i = rows[j];
    const r = rowR[i];
    const parsed = parseCell(grid.values[r]?.[valueCol] ?? null, formats?.[r]?.[valueCol]);
    const nv = normalizeValue(parsed, data.unitName(rowUnit[i]), data.labels[rowLabel[i]].label, reader.fractions(rowLabel[i]));
    obsValue[i] = nv.value ?? NaN;
    obsFlags[i] = makeFlags(PARSED_KIND_INDEX[parsed.kind], nv.approximate, KIND_INDEX[nv.kind]);
    const c = data.stepClass(nv.step);
    if (c >= 255) return false;
    obsStepClass[i] = c;
  }
  return true;
}

/**
 * Parents and duplicates of the block of rows from … to of a long table read directly; `known`:
 * the hierarchy of its labels when the reader knows it already. Returns the hierarchy.
 */
function endLongBlock(reader: SheetReader, rowLabel: Int32Array, rowParent: Int32Array, rowR: Int32Array, from: number, to: number, known: BlockHierarchy | undefined): BlockHierarchy {
  const hier = known ?? reader.hierarchies.get(rowLabel.subarray(from, to));
  const parents = hier.parents;
  for (let j = 0; j < parents.length; j++) rowParent[from + j] = parents[j] >= 0 ? from + parents[j] : -1;
  if (hier.duplicates.length > 0) reader.noteDuplicates(hier, (i) => rowR[from + i], (i) => rowLabel[from + i]);
  return hier;
}

/** A long table whose rows are grouped into blocks first (a block may come in several runs). */
function readLongDrafts(grid: SheetGrid, h: Header, ctx: ReadContext): SheetModel {
  const reader = new SheetReader(grid, h, ctx, 'long', longShape(h));
  const data = reader.data;
  const values = grid.values;
  const entityCol = h.entityCol;
  const periodCol = h.periodCol as number;
  const nameCol = h.nameCol;
  const valueCol = h.valueCol as number;
  const formats = grid.numberFormats;
  const simple = h.codeCol === undefined && !grid.indents && h.unitCol !== undefined;
  const unitCol = h.unitCol as number;
  const ctxEntity = data.entities.intern(ctx.entity);
  // Rows are grouped into blocks per entity and period; the hierarchy is built inside each block.
  const entityCache = new Map<unknown, number>();
  const periodCache = new Map<unknown, number>();
  const unitCache = new Map<unknown, number>();
  const labelCache = new Map<string, number>();
  const blockIndex = new Map<number, Map<number, number>>();
  const blockEntity: number[] = [];
  const blockPeriod: number[] = [];
  const d = reader.drafts;
  const dR = d.r;
  const dItem = d.item;
  const dLabel = d.label;
  const dCode = d.code;
  const dBlock = d.block;
  const dUnit = d.unit;
  const dFlags = d.flags as Uint8Array;
  const labels = data.labels;
  let lastEntityRaw: unknown = entityCache;
  let lastEntity = -1;
  let lastPeriodRaw: unknown = periodCache;
  let lastPeriod = -1;
  let lastBlockEntity = -1;
  let lastBlockPeriod = -1;
  let lastBlock = -1;
  let lastUnitRaw: unknown = unitCache;
  let lastUnit = -1;
  let lastRuleLabel = -1;
  let lastRuleUnit = -2;
  let rule: PlainNumberRule | undefined;
  let n = 0;
  for (let r = h.row + 1; r < values.length; r++) {
    const row = values[r] ?? EMPTY_ROW;
    const labelRaw = row[nameCol];
    let li = typeof labelRaw === 'string' ? labelCache.get(labelRaw) : undefined;
    if (li === undefined) {
      li = reader.labelOf(labelRaw);
      if (typeof labelRaw === 'string') labelCache.set(labelRaw, li);
    }
    if (li === LABEL_STOP) break;
    if (li === LABEL_EMPTY) continue;
    let entity = ctxEntity;
    if (entityCol !== undefined) {
      const raw = row[entityCol];
      if (raw === lastEntityRaw) entity = lastEntity;
      else {
        let e = entityCache.get(raw);
        if (e === undefined) {
          e = data.entities.intern(text(raw).trim() || ctx.entity);
          if (typeof raw !== 'object' || raw === null) entityCache.set(raw, e);
        }
        entity = lastEntity = e;
        lastEntityRaw = raw;
      }
    }
    const periodCell = row[periodCol];
    let period: number;
    if (periodCell === lastPeriodRaw) period = lastPeriod;
    else {
      let p = periodCache.get(periodCell);
      if (p === undefined) {
        const year = parseYear(periodCell);
        if (year !== undefined && periodCoverage(text(periodCell)) === 'partial') p = -1;
        else p = data.periods.intern(year !== undefined ? String(year) : text(periodCell).trim());
        if (typeof periodCell !== 'object' || periodCell === null) periodCache.set(periodCell, p);
      }
      period = lastPeriod = p;
      lastPeriodRaw = periodCell;
    }
    if (period < 0) continue;
    let b: number;
    if (entity === lastBlockEntity && period === lastBlockPeriod) b = lastBlock;
    else {
      let byPeriod = blockIndex.get(entity);
      if (!byPeriod) blockIndex.set(entity, (byPeriod = new Map()));
      let found = byPeriod.get(period);
      if (found === undefined) {
        found = blockEntity.length;
        byPeriod.set(period, found);
        blockEntity.push(entity);
        blockPeriod.push(period);
      }
      b = lastBlock = found;
      lastBlockEntity = entity;
      lastBlockPeriod = period;
    }
    if (!simple) {
      reader.draft(r, row, li, b);
      n++;
      continue;
    }
    // The common long table (no code column, no indents): draft() inlined.
    const k = n++;
    d.n = n;
    dR[k] = r;
    dLabel[k] = li;
    const code = labels[li].code;
    dCode[k] = code;
    dBlock[k] = b;
    dItem[k] = li;
    const unitRaw = row[unitCol];
    let unit: number;
    if (unitRaw === lastUnitRaw) unit = lastUnit;
    else {
      let u = unitCache.get(unitRaw);
      if (u === undefined) {
        const t = text(unitRaw).trim();
        u = t ? data.units.intern(t) : -1;
        if (typeof unitRaw !== 'object' || unitRaw === null) unitCache.set(unitRaw, u);
      }
      unit = lastUnit = u;
      lastUnitRaw = unitRaw;
    }
    dUnit[k] = unit;
    const raw = row[valueCol];
    const fmt = formats?.[r]?.[valueCol];
    if (typeof raw === 'number' && Number.isFinite(raw) && (fmt === undefined || isPlainFormat(fmt))) {
      if (li !== lastRuleLabel || unit !== lastRuleUnit) {
        rule = reader.ruleOf(li, unit);
        lastRuleLabel = li;
        lastRuleUnit = unit;
      }
      plainNumber(raw === 0 ? 0 : raw, rule as PlainNumberRule, d, k);
    } else dFlags[k] = SLOW_CELL;
  }
  const { order, start } = reader.byBlock(blockEntity.length);
  const cols = [valueCol];
  const periods = [0];
  for (let b = 0; b < blockEntity.length; b++) {
    const e = blockEntity[b];
    periods[0] = blockPeriod[b];
    reader.block(order, start[b], start[b + 1], `${grid.name}\u0000${data.entities.list[e]}\u0000${data.periods.list[blockPeriod[b]]}`, e, periods, cols);
  }
  return reader.finish([]);
}

/**
 * Rows and observations a check run will read from these sheets at most, and the bytes of the
 * transient and derived arrays (drafts of the largest sheet, breakdown lists, the rule index, the
 * history panel): what ModelData's arena is sized for.
 */
export function estimateCapacity(grids: SheetGrid[]): { rows: number; obs: number; extraBytes: number } {
  let rows = 0;
  let obs = 0;
  let largest = 0;
  for (const grid of grids) {
    const n = grid.values.length;
    const h = n > 0 ? findHeader(grid) : undefined;
    if (!h) continue;
    const r = Math.max(0, n - h.row - 1);
    rows += r;
    obs += r * Math.max(1, h.periodCol !== undefined && h.valueCol !== undefined ? 1 : h.years.length);
    largest = Math.max(largest, r);
  }
  // Drafts 41 B per row of the largest sheet (and the slow-cell list, 4 B); children and parents 12 B per row; index 4 B and panel up to 28 B per
  // observation (virtual: only what is written takes memory).
  return { rows, obs, extraBytes: largest * 45 + rows * 12 + obs * 32 + 1024 };
}

/** Reads one sheet, or says why it is not an indicator sheet. */
export function readSheet(grid: SheetGrid, ctx: ReadContext): ReadOutcome {
  const hasContent = grid.values.some((row) => row.some((v) => v !== null && v !== ''));
  if (!hasContent) return { ok: false, reason: msg('sheet.empty', { sheet: grid.name }) };
  const h = findHeader(grid);
  if (h) {
    if (h.periodCol !== undefined && h.valueCol !== undefined) return { ok: true, model: readLong(grid, h, ctx) };
    if (h.years.length > 0) return { ok: true, model: readWide(grid, h, ctx) };
    const sheetYear = sheetNameYear(grid.name);
    if (sheetYear !== undefined && h.valueCol !== undefined) return { ok: true, model: readPerYear(grid, h, sheetYear, ctx) };
  }
  // Entities × indicators for one period (a supervisor's city table, or its transpose).
  const cross = recognizeCrossTab(grid, fixesFor(ctx.fixes, grid.name));
  if (cross) {
    const data = ctx.data ?? new ModelData();
    const model = readCrossTab(grid, cross, { nextId: ctx.nextId, data });
    data.sheets[data.sheets.length - 1].structure = cross;
    if (!ctx.data) data.seal();
    return { ok: true, model };
  }
  return { ok: false, reason: msg('sheet.skipped', { sheet: grid.name }) };
}

/** Guesses the reporting entity (a district) from title rows or the workbook name. */
export function guessEntity(grids: SheetGrid[], workbookName: string): string {
  const bureau = /([\u4e00-\u9fa5]{1,12}(?:省|市|区|县|旗))(?:卫生健康局|卫健局|卫生健康委员会|卫健委|卫生局)/;
  const place = /([\u4e00-\u9fa5]{2,12}?(?:省|市|区|县|旗))/;
  for (const g of grids) {
    for (let r = 0; r < Math.min(3, g.values.length); r++) {
      for (const v of g.values[r] ?? []) {
        const s = text(v);
        if (s.length > 4 && !NAME_HEADERS.has(headerKey(v))) {
          const m = bureau.exec(s) ?? place.exec(s);
          if (m) return m[1];
        }
      }
    }
  }
  const base = workbookName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const m = bureau.exec(base) ?? /([\u4e00-\u9fa5]{2,12}(?:市|区|县|旗))/.exec(base.replace(/^示例-?/, ''));
  return m ? m[1] : '';
}
