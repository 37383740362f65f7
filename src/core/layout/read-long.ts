// Reading a long table (地区, 年份, 指标, 数值, 单位 for many entities): straight into the model's
// columns where every row is plain, else through drafts one block of rows at a time.
import type { SheetModel } from '../model';
import type { SheetShape } from '../model-columns';
import { ModelData } from '../model-data';
import { KIND_INDEX, makeFlags, PARSED_KIND_INDEX } from '../obs-flags';
import { parseYear, periodCoverage } from '../names';
import type { CellValue, SheetGrid } from '../types';
import { isPlainFormat, parseCell } from '../values';
import { normalizeValue, type PlainNumberRule } from './normalize';
import { type Header, text } from './header';
import { type BlockHierarchy, EMPTY_ROW, indentedColumn, LABEL_EMPTY, LABEL_STOP, type ReadContext, SLOW_CELL, SheetReader, plainNumber, putPlainNumber } from './sheet-reader';

export function readLong(grid: SheetGrid, h: Header, ctx: ReadContext): SheetModel {
  if (h.codeCol === undefined && h.unitCol !== undefined && !indentedColumn(grid, h.nameCol)) {
    const m = readLongDirect(grid, h, ctx);
    if (m) return m;
  }
  return readLongDrafts(grid, h, ctx);
}

const longShape = (h: Header) => (): SheetShape => ({ perRow: 1, cols: [h.valueCol as number], periods: [], entity: -1, long: true });

/**
 * The entity and period of a long table's rows, from their cells (interned in the model): each
 * distinct cell is read once, and a run of rows with the same cell is not looked up at all. A
 * period that covers part of a year is −1 (such rows are left out).
 */
class LongKeys {
  /** The last cells read (a sentinel before the first), for runs of equal cells. */
  lastEntityRaw: unknown = LongKeys;
  lastPeriodRaw: unknown = LongKeys;
  private lastEntity = -1;
  private lastPeriod = -1;
  private readonly entities = new Map<unknown, number>();
  private readonly periods = new Map<unknown, number>();

  constructor(
    private readonly data: ModelData,
    private readonly fallbackEntity: string,
  ) {}

  entity(raw: CellValue | undefined): number {
    if (raw === this.lastEntityRaw) return this.lastEntity;
    let e = this.entities.get(raw);
    if (e === undefined) {
      e = this.data.entities.intern(text(raw).trim() || this.fallbackEntity);
      if (typeof raw !== 'object' || raw === null) this.entities.set(raw, e);
    }
    this.lastEntityRaw = raw;
    return (this.lastEntity = e);
  }

  period(raw: CellValue | undefined): number {
    if (raw === this.lastPeriodRaw) return this.lastPeriod;
    let p = this.periods.get(raw);
    if (p === undefined) {
      const year = parseYear(raw);
      if (year !== undefined && periodCoverage(text(raw)) === 'partial') p = -1;
      else p = this.data.periods.intern(year !== undefined ? String(year) : text(raw).trim());
      if (typeof raw !== 'object' || raw === null) this.periods.set(raw, p);
    }
    this.lastPeriodRaw = raw;
    return (this.lastPeriod = p);
  }
}

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
  const keys = new LongKeys(data, ctx.entity);
  const unitCache = new Map<unknown, number>();
  const labelCache = new Map<string, number>();
  const seenBlocks = new Map<number, Set<number>>();
  const { rowSheet, rowR, rowLabel, rowUnit, rowParent, rowBlock, obsValue, obsStepClass, obsFlags } = direct;
  const base = direct.row;
  let n = 0;
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
    const entity = entityCol === undefined ? ctxEntity : keys.entity(row[entityCol]);
    const period = keys.period(row[periodCol]);
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
      const m = prevLen > 0 ? matchingRows(values, r, prevLen, nameCol, entityCol, periodCol, unitCol, pred, keys.lastEntityRaw, keys.lastPeriodRaw) : 0;
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
  const simple = h.codeCol === undefined && h.unitCol !== undefined && !indentedColumn(grid, nameCol);
  const unitCol = h.unitCol as number;
  const ctxEntity = data.entities.intern(ctx.entity);
  // Rows are grouped into blocks per entity and period; the hierarchy is built inside each block.
  const keys = new LongKeys(data, ctx.entity);
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
    const entity = entityCol === undefined ? ctxEntity : keys.entity(row[entityCol]);
    const period = keys.period(row[periodCol]);
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

