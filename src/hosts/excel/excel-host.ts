// The Office.js adapter: the only code that talks to Excel. Everything it needs from Office is
// injectable (the Excel.run runner, the platform, requirement-set checks), so tests run it
// against tests/fakes/fake-excel.ts.
//
// ROUND TRIPS (context.sync calls). Each call is one Excel.run with a fixed number of syncs:
//
//   readWorkbook   1. worksheets (name, visibility, protection), tables (to skip our own 校验结果
//                     sheet), workbook name and structure protection
//                  2. each sheet's used range (values only): rowIndex/columnIndex/rowCount/
//                     columnCount. The sheets must be known before their used ranges can be
//                     asked for, so this cannot share sync 1.
//                  3. values + numberFormat + valueTypes of every block, and the indents of
//                     the first 3 columns.
//                  Desktop: exactly 3 syncs for any workbook with data (2 when every sheet is
//                  empty). No single range read is above 5,000,000 cells: a larger used range
//                  is split into row blocks, all still in sync 3.
//                  A used range above 1,000,000 cells (SPARSE_AREA) takes one more sync, and a
//                  sparse one two (the count and the areas of its non-empty cells, ExcelApi 1.9),
//                  so that a stray value far from the data never makes the read cover the
//                  rectangle between them; see findRegions.
//                  Web: Excel on the web rejects requests/responses above 5 MB. Blocks are
//                  packed so each sync carries at most WEB_BUDGET_BYTES (4 MB) by an estimate
//                  of 40 bytes per cell (values + numberFormat + valueTypes as JSON) plus 30
//                  per indent cell: about 100,000 cells per sync. Syncs = 2 + ceil(estimated
//                  bytes / 4 MB): fixed (3) below the budget, about one more per 100 k cells
//                  above it. The first sync's answer gives the real bytes per cell (Chinese text
//                  is 3 bytes a character, long number formats add more); when it is well above
//                  the estimate, the blocks still to read are packed again with it. If a sync
//                  still overflows, Excel runs out of memory (desktop: MemoryLimitReached, or
//                  GeneralException on a large request) or a block comes back with null values,
//                  that block is halved and read again, each block within its own retry budget.
//   applyMarks     1. worksheet names and protection  2. every unprotected sheet's conditional
//                  formats (type and, for custom rules, the formula)  3. delete our old rules +
//                  add the new ones. 3 syncs for any number of findings. Protected sheets are
//                  skipped and reported. Only when Excel fails a sync does the work split, per
//                  sheet and then per rule (mark-writer.ts), so the count grows with failures only.
//   clearMarks     the same 1 and 2, then 3. delete our rules (skipped if there are none).
//   selectCell     1. whether the sheet exists and is visible  2. activate and select. 2 syncs.
//   writeSummaryTable  'new-sheet': 1. sheet, table and defined names  2. add the sheet, write
//                  everything (values, merges, table, styles, widths, chart). 2 syncs.
//                  'selection': 1. names + the selected range  2. the footprint's values and
//                  formulas, overlapping tables and merged areas, current column widths
//                  3. write everything. 3 syncs. Both independent of the number of rows.
//                  Above 512 merged areas under the footprint, Excel refuses to list them: one
//                  more sync lists them in bands of rows (4 syncs on that path).
//   insertLineChart  1. sheet names  2. add the 趋势图 sheet and the chart (from values: also
//                  the small data table on that sheet). 2 syncs.
//   writeResultSheet  1. sheet and table names  2. replace the sheet, write the block, add
//                  the table. On the web the block is written in pieces of at most 4 MB of
//                  JSON, one sync each (so 2 syncs up to ~4 MB of results). With the workbook's
//                  structure protected, sync 1 tells, and the findings open as a new workbook.
// Every action that adds a sheet reads the structure protection in its sync 1 (ExcelApi 1.7)
// and says before writing anything that the sheet cannot be added; nothing is ever unprotected.
//   writeRulesSheet  1. sheet names  2. add 校验规则, write values and formats, activate. 2 syncs.
//   insertStandardForm  1. sheet names  2. add 指标表 (and 校验规则 when absent), write values,
//                  formats, borders, validation, widths, freeze the header, activate. 2 syncs.
//
// Every sync goes through syncWithTimeout: a sync that hangs becomes a bilingual HostError.
// Every sync that writes starts with quietNextSync, queued before its first write (the suspend
// calls cover only what is queued after them): calculation (ExcelApi 1.6) and screen updating
// (1.9) are suspended until it completes.
//
// INDENTS. `format.indentLevel` exists from ExcelApi 1.9 and gives one value per range, so a
// per-cell reading would need one proxy per cell (rows × 3 proxies: a huge request). 1.9 also
// has Range.getCellProperties({format: {indentLevel: true}}), which returns every cell's indent
// in one call; we use that on the first INDENT_COLUMNS (3) columns of each block. Without 1.9
// there are no indents at all (SheetGrid.indents is left out). Indents are read for at most
// INDENT_MAX_CELLS (300,000) cells per workbook, sheet by sheet; later sheets over the cap get
// none. When present, `indents` has the shape of `values`; columns after the third are 0
// (not read).
//
// MARKS are conditional formats (ExcelApi 1.6) the add-in recognises by a marker in the rule
// formula (see marks.ts), so they leave the user's own fills, fonts and rules alone, and
// clearMarks finds them after save and reopen. With ExcelApi 1.9 each (sheet, severity) gets
// one rule per RangeAreas (`getRanges`, address lists kept under 8,192 characters); before 1.9,
// one rule per vertical run of cells, in the same sync.
import { EXPLANATION_HEADER, EXPLANATIONS_SHEET } from '../../core/explanations';
import { chooseRegion, DENSITY, farCellsNote, FAR_LISTED, MAX_REGION_CELLS, rectAddress as regionAddress, rectArea, SPARSE_AREA, tooLargeMessage, type AxisSpans, type Rect } from '../../core/region';
import type { Bilingual, CellRef, CellValue, Finding, Host, MarkReport, Progress, SheetGrid, SheetNote, WorkbookSnapshot } from '../../core/types';
import { firstCellOf, cellAddress, rectAddress } from './a1';
import { HostError, errorCode, requirementMissing, resultSheetTaken, sheetHidden, sheetMissing, toHostError } from './errors';
import { type MarkContext, writeMarks } from './mark-writer';
import { BYTES_PER_CELL, INDENT_COLUMNS, type ReadBlock, type UsedRangeDims, WEB_BUDGET_BYTES, measureBytes, planReads, repack, splitBlock } from './read-plan';
import {
  RESULT_SHEET_NAME,
  RESULT_TABLE_STYLE,
  buildResultBlock,
  chunkRowsByBytes,
  freeTableName,
  isResultTableName,
} from './result-sheet';
import {
  fitsOnSheet,
  filledCells,
  freeSheetName,
  layoutSummary,
  overlaps,
  isTrendChartData,
  planTrend,
  planTrendData,
  queueSummary,
  queueTrendChart,
  summarySheetBase,
  targetOccupied,
  targetOffSheet,
  TREND_SHEET_NAME,
  type TrendChartRef,
} from './summary-writer';
import { isSyncTimeout, syncWithTimeout } from './sync';
import { uniqueTableName } from '../../core/report/placement';
import type { StandardFormResult, StandardFormSpec } from '../../core/report/standard-form';
import type { TableSpec } from '../../core/report/table-spec';

export type ExcelRunner = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostOptions {
  /** How long one context.sync() may take before it is abandoned. Default 60 s. */
  syncTimeoutMs?: number;
  /** 'web' applies the 5 MB payload budget. Default: detected from Office.context.platform. */
  platform?: 'web' | 'desktop';
  /** Default: Office.context.requirements.isSetSupported. */
  isSetSupported?: (name: string, version: string) => boolean;
  /** Per-sync payload budget on the web (bytes). Default WEB_BUDGET_BYTES. */
  webBudgetBytes?: number;
  /** Opens an .xlsx (base64) as a new workbook. Default: Excel.createWorkbook (ExcelApi 1.8). */
  createWorkbook?: (base64: string) => Promise<void>;
}

export interface ResultSheetInfo {
  sheet: string;
  table: string;
  rows: number;
  /** The workbook's structure is protected: the findings were opened as a new workbook. */
  newWorkbook?: boolean;
}

export interface SummaryTableInfo {
  sheet: string;
  /** Everything written, title to source line (A1, no sheet). */
  address: string;
  /** The Excel table object's range (A1, no sheet). */
  tableAddress: string;
  table: string;
  /** Name of the chart; absent when none was asked for, the spec has none, or ExcelApi 1.7 is missing. */
  chart?: string;
}

export interface TrendChartInfo {
  sheet: string;
  chart: string;
  /** A chart from values: the table written on the 趋势图 sheet (A1, no sheet). */
  data?: string;
}

const SUMMARY_ACTION = {
  table: { 'zh-CN': '写入汇总表', 'en-US': 'Writing the summary table' },
  chart: { 'zh-CN': '插入趋势图', 'en-US': 'Inserting the trend chart' },
} satisfies Record<string, Bilingual>;

const SUMMARY_FEATURE = {
  table: { 'zh-CN': '写入汇总表', 'en-US': 'write summary tables' },
  chart: { 'zh-CN': '插入趋势图', 'en-US': 'insert trend charts' },
} satisfies Record<string, Bilingual>;


const ACTION = {
  read: { 'zh-CN': '读取工作簿', 'en-US': 'Reading the workbook' },
  mark: { 'zh-CN': '标记单元格', 'en-US': 'Marking cells' },
  clear: { 'zh-CN': '清除标记', 'en-US': 'Clearing marks' },
  select: { 'zh-CN': '定位单元格', 'en-US': 'Selecting the cell' },
  write: { 'zh-CN': '写入校验结果', 'en-US': 'Writing the results sheet' },
} satisfies Record<string, Bilingual>;

const STAGE = {
  sheets: { 'zh-CN': '读取工作表列表', 'en-US': 'Listing sheets' },
  ranges: { 'zh-CN': '确定数据区域', 'en-US': 'Finding the data ranges' },
  cells: { 'zh-CN': '读取单元格', 'en-US': 'Reading cells' },
  done: { 'zh-CN': '读取完成', 'en-US': 'Read complete' },
} satisfies Record<string, Bilingual>;

const FEATURE = {
  read: { 'zh-CN': '读取数据区域', 'en-US': 'read the used ranges' },
  marks: { 'zh-CN': '条件格式标记', 'en-US': 'mark cells with conditional formats' },
} satisfies Record<string, Bilingual>;

function defaultRunner<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(batch);
}

function detectPlatform(): 'web' | 'desktop' {
  try {
    if (typeof Office !== 'undefined' && Office.context && Office.context.platform === Office.PlatformType.OfficeOnline) return 'web';
  } catch {
    // not in Office: fall through
  }
  return 'desktop';
}

function officeIsSetSupported(name: string, version: string): boolean {
  try {
    return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported(name, version);
  } catch {
    return false;
  }
}

function isPayloadError(e: unknown): boolean {
  const code = errorCode(e) ?? '';
  const text = e instanceof Error ? e.message : '';
  return /PayloadSizeLimitExceeded/i.test(code) || /PayloadSizeLimitExceeded/i.test(text) || code === 'RangeExceedsLimit';
}

/** Cells above which a GeneralException on a read is taken for "too large" (desktop Excel says no more). */
const LARGE_READ_CELLS = 10_000;

/**
 * Whether a failed read sync means "ask for less": a payload limit (web), Excel running out of
 * memory (desktop: MemoryLimitReached), or a GeneralException on a large request.
 */
function isSplittableReadError(e: unknown, group: ReadBlock[]): boolean {
  if (isSyncTimeout(e)) return false;
  if (isPayloadError(e)) return true;
  const code = errorCode(e);
  if (code === 'MemoryLimitReached') return true;
  return code === 'GeneralException' && group.reduce((n, b) => n + b.rows * b.cols, 0) > LARGE_READ_CELLS;
}

function toVisibility(v: string): SheetGrid['visibility'] {
  if (v === 'Hidden') return 'hidden';
  if (v === 'VeryHidden') return 'veryHidden';
  return 'visible';
}

function toCellValue(v: unknown, type: string | undefined): CellValue {
  if (type === 'Error') return { error: String(v) };
  if (type === 'Empty' || v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

interface PendingBlock {
  block: ReadBlock;
  range: Excel.Range;
  indents?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

interface SheetBuffer {
  grid: SheetGrid;
  dims: UsedRangeDims;
}

/** What findRegions decided for one sheet: the rectangle to read (none: nothing), notes, or why it is not read. */
interface SheetRegion {
  read?: Rect;
  notes?: SheetNote[];
  unread?: Bilingual;
}

/** Areas of non-empty cells above which a sheet's areas are not listed (one more sync's payload). */
export const MAX_AREAS = 2000;

export class ExcelHost implements Host {
  readonly kind = 'excel' as const;
  private readonly runner: ExcelRunner;
  private readonly syncTimeoutMs: number;
  private readonly platform: 'web' | 'desktop';
  private readonly isSetSupported: (name: string, version: string) => boolean;
  private readonly webBudgetBytes: number;
  private readonly createWorkbook: (base64: string) => Promise<void>;

  constructor(runner: ExcelRunner = defaultRunner, options: ExcelHostOptions = {}) {
    this.runner = runner;
    this.syncTimeoutMs = options.syncTimeoutMs ?? 60_000;
    this.platform = options.platform ?? detectPlatform();
    this.isSetSupported = options.isSetSupported ?? officeIsSetSupported;
    this.webBudgetBytes = options.webBudgetBytes ?? WEB_BUDGET_BYTES;
    this.createWorkbook = options.createWorkbook ?? ((base64) => Excel.createWorkbook(base64));
  }

  private api(version: string): boolean {
    return this.isSetSupported('ExcelApi', version);
  }

  private sync(ctx: Excel.RequestContext): Promise<void> {
    return syncWithTimeout(ctx, this.syncTimeoutMs);
  }

  /**
   * Before a sync that writes: calculation (ExcelApi 1.6) and screen updating (1.9) wait until
   * that sync is done, so Excel neither recalculates nor repaints once per queued write.
   */
  private quietNextSync(ctx: Excel.RequestContext): void {
    const app = ctx.workbook.application;
    if (this.api('1.6')) app.suspendApiCalculationUntilNextSync();
    if (this.api('1.9')) app.suspendScreenUpdatingUntilNextSync();
  }

  /**
   * One Excel.run. A sync timeout rejects at once, even if the runner itself never settles
   * (Excel.run may wait on the hung context). Other errors become bilingual HostErrors.
   */
  private async run<T>(action: Bilingual, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
    let abort: (e: unknown) => void = () => undefined;
    const aborted = new Promise<never>((_, reject) => {
      abort = reject;
    });
    const guarded = async (ctx: Excel.RequestContext): Promise<T> => {
      try {
        return await batch(ctx);
      } catch (e) {
        if (isSyncTimeout(e)) abort(e);
        throw e;
      }
    };
    try {
      return await Promise.race([this.runner(guarded), aborted]);
    } catch (e) {
      throw toHostError(e, action);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  async readWorkbook(onProgress?: Progress): Promise<WorkbookSnapshot> {
    if (!this.api('1.4')) throw new HostError(requirementMissing(FEATURE.read, '1.4'));
    const report = (fraction: number, stage: Bilingual): void => onProgress?.(fraction, stage);
    const indentSupported = this.api('1.9');
    const hasWorkbookName = this.api('1.7');

    return this.run(ACTION.read, async (ctx) => {
      report(0, STAGE.sheets);
      const workbook = ctx.workbook;
      const worksheets = workbook.worksheets;
      // Protection is read with the sheets (Worksheet.protection: ExcelApi 1.2; the workbook's
      // structure protection: 1.7) so the pane can say before marking what cannot be marked.
      worksheets.load('items/name,items/visibility,items/protection/protected');
      const tables = workbook.tables;
      tables.load('items/name,items/worksheet/name');
      if (hasWorkbookName) workbook.load('name,protection/protected');
      await this.sync(ctx); // sync 1

      const ours = new Set(tables.items.filter((t) => isResultTableName(t.name)).map((t) => t.worksheet.name));
      const sheets = worksheets.items.filter((s) => !ours.has(s.name));
      report(0.05, STAGE.ranges);
      const used = sheets.map((s) => {
        const r = s.getUsedRangeOrNullObject(true);
        r.load('rowIndex,columnIndex,rowCount,columnCount');
        return r;
      });
      await this.sync(ctx); // sync 2

      // Where the data is: syncs 3 and 4 when a used range is large (see findRegions).
      const regions = await this.findRegions(ctx, sheets, used);

      const buffers: SheetBuffer[] = [];
      const grids: SheetGrid[] = sheets.map((s, i) => {
        const grid: SheetGrid = { name: s.name, originRow: 0, originCol: 0, values: [], visibility: toVisibility(s.visibility) };
        if (s.protection.protected) grid.protected = true;
        const region = regions[i];
        if (region.notes) grid.notes = region.notes;
        if (region.unread) grid.unread = region.unread;
        const r = region.read;
        if (r) {
          const dims: UsedRangeDims = {
            sheetIndex: i,
            rowIndex: r.r0,
            columnIndex: r.c0,
            rowCount: r.r1 - r.r0 + 1,
            columnCount: r.c1 - r.c0 + 1,
          };
          grid.originRow = dims.rowIndex;
          grid.originCol = dims.columnIndex;
          grid.values = Array.from({ length: dims.rowCount }, () => new Array<CellValue>(dims.columnCount).fill(null));
          grid.numberFormats = Array.from({ length: dims.rowCount }, () => new Array<string>(dims.columnCount).fill('General'));
          buffers[i] = { grid, dims };
        }
        return grid;
      });

      const plan = planReads(
        buffers.filter(Boolean).map((b) => b.dims),
        { platform: this.platform, indentSupported, webBudgetBytes: this.webBudgetBytes },
      );
      for (const i of plan.indentSheets) {
        const { grid, dims } = buffers[i];
        grid.indents = Array.from({ length: dims.rowCount }, () => new Array<number>(dims.columnCount).fill(0));
      }

      report(0.1, STAGE.cells);
      let queue: ReadBlock[][] = [...plan.groups];
      let cellsDone = 0;
      // Bytes per cell, as estimated (BYTES_PER_CELL) until a sync shows what Excel really sends.
      let learned = 0;
      const tooMuch = (block: ReadBlock): HostError =>
        new HostError(
          {
            'zh-CN': `工作表“${sheets[block.sheetIndex].name}”第 ${block.row + 1}–${block.row + block.rows} 行的数据过多，Excel 拆分多次后仍未能返回。`,
            'en-US': `Excel could not return rows ${block.row + 1}–${block.row + block.rows} of the sheet "${sheets[block.sheetIndex].name}" (too much data), even after splitting them repeatedly.`,
          },
          { reason: 'TooMuchData' },
        );
      while (queue.length > 0) {
        const group = queue.shift() as ReadBlock[];
        const pending = group.map((b) => this.queueBlockRead(sheets[b.sheetIndex], b));
        try {
          await this.sync(ctx); // sync 3 (and, on the web, one more per budget's worth of cells)
        } catch (e) {
          if (!isSplittableReadError(e, group)) throw e;
          // Each block has its own retry budget (splitBlock), so one hard block cannot use up
          // the retries of the others.
          const halves = splitGroup(group);
          if (!halves) throw tooMuch(group[0]);
          queue.unshift(...halves);
          continue;
        }
        const again: ReadBlock[] = [];
        let bytes = 0;
        let cells = 0;
        for (const p of pending) {
          const values = p.range.values as unknown[][] | null;
          if (!values) {
            const halves = splitBlock(p.block);
            if (!halves) throw tooMuch(p.block);
            again.push(...halves);
            continue;
          }
          if (this.platform === 'web') {
            bytes += measureBytes(values, p.range.numberFormat as unknown[][] | null, p.range.valueTypes as unknown[][] | null);
            cells += p.block.rows * p.block.cols;
          }
          storeBlock(buffers[p.block.sheetIndex], p, values);
          cellsDone += p.block.rows * p.block.cols;
        }
        if (again.length > 0) queue.unshift(again);
        // Learn the real bytes per cell from the first block that came back, and pack what is
        // left again when it is well above the estimate the plan used.
        if (this.platform === 'web' && cells > 0 && learned === 0) {
          learned = Math.max(BYTES_PER_CELL, bytes / cells);
          if (learned > BYTES_PER_CELL * 1.2 && queue.length > 0) queue = repack(queue.flat(), this.webBudgetBytes, learned * 1.1);
        }
        report(0.1 + (0.9 * cellsDone) / Math.max(1, plan.totalCells), STAGE.cells);
      }

      report(1, STAGE.done);
      const snapshot: WorkbookSnapshot = { name: hasWorkbookName ? workbook.name : '', sheets: grids };
      if (hasWorkbookName && workbook.protection.protected) snapshot.structureProtected = true;
      return snapshot;
    });
  }

  /**
   * What to read of each sheet. A used range (values only) is a rectangle: one stray value at
   * XFD1048576 beside a small table makes it 17 billion cells, and reading it would freeze the
   * pane. So a used range above SPARSE_AREA cells is looked into without reading a cell:
   *   sync 3  (ExcelApi 1.9) the number of non-empty cells and of their areas
   *           (getSpecialCellsOrNullObject: constants and formulas). A range in which at least
   *           1 cell in DENSITY is non-empty is read whole;
   *   sync 4  otherwise, when they come in at most MAX_AREAS areas, the areas themselves: the
   *           region to read is chosen from them as for a file (core/region.ts), and the areas
   *           outside it are named in a note on the sheet.
   * A region (or, without ExcelApi 1.9 or with too many areas, a used range) still above
   * MAX_REGION_CELLS is not read: the sheet gets a bilingual reason (`unread`) with its size.
   * Workbooks whose used ranges are all below SPARSE_AREA cells take neither sync.
   */
  private async findRegions(ctx: Excel.RequestContext, sheets: Excel.Worksheet[], used: Excel.Range[]): Promise<SheetRegion[]> {
    const out: SheetRegion[] = used.map((r) =>
      r.isNullObject ? {} : { read: { r0: r.rowIndex, c0: r.columnIndex, r1: r.rowIndex + r.rowCount - 1, c1: r.columnIndex + r.columnCount - 1 } },
    );
    const large = out.map((o, i) => (o.read && rectArea(o.read) > SPARSE_AREA ? i : -1)).filter((i) => i >= 0);
    if (large.length === 0) return out;
    const tooLarge = (i: number, rect: Rect, cells?: number): void => {
      out[i] = { unread: tooLargeMessage(sheets[i].name, rect, cells) };
    };
    if (!this.api('1.9')) {
      for (const i of large) if (rectArea(out[i].read as Rect) > MAX_REGION_CELLS) tooLarge(i, out[i].read as Rect);
      return out;
    }
    const probes = large.map((i) => {
      const kinds = (['Constants', 'Formulas'] as const).map((kind) => {
        const areas = used[i].getSpecialCellsOrNullObject(kind as Excel.SpecialCellType);
        areas.load('areaCount,cellCount');
        return areas;
      });
      return { i, kinds };
    });
    await this.sync(ctx); // sync 3
    const listed: Array<{ i: number; kinds: Excel.RangeAreas[]; cells: number }> = [];
    for (const { i, kinds } of probes) {
      const present = kinds.filter((k) => !k.isNullObject);
      const cells = present.reduce((n, k) => n + k.cellCount, 0);
      const areas = present.reduce((n, k) => n + k.areaCount, 0);
      const rect = out[i].read as Rect;
      if (cells === 0) {
        out[i] = {};
        continue;
      }
      if (rectArea(rect) <= Math.max(SPARSE_AREA, DENSITY * cells) || areas > MAX_AREAS) {
        // Dense, or in too many pieces to list: the used range as it is, if it is not too large.
        if (rectArea(rect) > MAX_REGION_CELLS) tooLarge(i, rect, cells);
        continue;
      }
      for (const k of present) k.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
      listed.push({ i, kinds: present, cells });
    }
    if (listed.length === 0) return out;
    await this.sync(ctx); // sync 4
    for (const { i, kinds, cells } of listed) {
      const rects: Array<Rect & { n: number }> = [];
      for (const k of kinds) {
        for (const a of k.areas.items) rects.push({ r0: a.rowIndex, c0: a.columnIndex, r1: a.rowIndex + a.rowCount - 1, c1: a.columnIndex + a.columnCount - 1, n: a.rowCount * a.columnCount });
      }
      const rows: AxisSpans = { from: rects.map((a) => a.r0), to: rects.map((a) => a.r1), n: rects.map((a) => a.n) };
      // An area lies wholly inside or wholly outside any band of rows the choice looks at.
      const colsWithin = (r0: number, r1: number): AxisSpans => {
        const inBand = rects.filter((a) => a.r0 >= r0 && a.r1 <= r1);
        return { from: inBand.map((a) => a.c0), to: inBand.map((a) => a.c1), n: inBand.map((a) => a.n) };
      };
      const rect = out[i].read as Rect;
      const choice = chooseRegion(() => rows, colsWithin, cells, rect);
      if (choice.kind === 'empty') out[i] = {};
      else if (choice.kind === 'too-large') tooLarge(i, choice.region, cells);
      else if (choice.kind === 'region') {
        const region = choice.region;
        const inside = (a: Rect): boolean => a.r0 >= region.r0 && a.r1 <= region.r1 && a.c0 >= region.c0 && a.c1 <= region.c1;
        const far = rects.filter((a) => !inside(a)).sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
        out[i] = { read: region };
        if (far.length > 0) {
          out[i].notes = [farCellsNote(sheets[i].name, far.slice(0, FAR_LISTED + 1).map(regionAddress), far.reduce((n, a) => n + a.n, 0), region)];
        }
      }
    }
    return out;
  }

  private queueBlockRead(sheet: Excel.Worksheet, b: ReadBlock): PendingBlock {
    const range = sheet.getRange(rectAddress({ r0: b.row, c0: b.col, r1: b.row + b.rows - 1, c1: b.col + b.cols - 1 }));
    range.load('values,numberFormat,valueTypes');
    const pending: PendingBlock = { block: b, range };
    if (b.indent) {
      const k = Math.min(INDENT_COLUMNS, b.cols);
      const first = sheet.getRange(rectAddress({ r0: b.row, c0: b.col, r1: b.row + b.rows - 1, c1: b.col + k - 1 }));
      pending.indents = first.getCellProperties({ format: { indentLevel: true } });
    }
    return pending;
  }

  // -------------------------------------------------------------------------------------------
  // Marks

  /**
   * Marks the first cell of every finding (mark-writer.ts): protected sheets and rules Excel
   * cannot read or delete are skipped and reported in the result, everything else is marked.
   */
  async applyMarks(findings: Finding[]): Promise<MarkReport> {
    if (!this.api('1.6')) throw new HostError(requirementMissing(FEATURE.marks, '1.6'));
    return this.run(ACTION.mark, (ctx) => writeMarks(this.markContext(ctx), findings));
  }

  /** Removes every mark of ours that can be removed; what cannot is reported in the result. */
  async clearMarks(): Promise<MarkReport> {
    if (!this.api('1.6')) throw new HostError(requirementMissing(FEATURE.marks, '1.6'));
    return this.run(ACTION.clear, (ctx) => writeMarks(this.markContext(ctx), null));
  }

  /** Queues reading the workbook's structure protection (ExcelApi 1.7); the getter answers after the sync (false without 1.7). */
  private structureProtection(ctx: Excel.RequestContext): () => boolean {
    if (!this.api('1.7')) return () => false;
    const protection = ctx.workbook.protection;
    protection.load('protected');
    return () => protection.protected;
  }

  private markContext(ctx: Excel.RequestContext): MarkContext {
    return { ctx, sync: () => this.sync(ctx), quiet: () => this.quietNextSync(ctx), areas: this.api('1.9') };
  }

  // -------------------------------------------------------------------------------------------
  // Navigation

  async selectCell(ref: CellRef): Promise<void> {
    const pos = firstCellOf(ref.address);
    if (!pos) {
      throw new HostError({
        'zh-CN': `“${ref.address}”不是有效的单元格地址。`,
        'en-US': `"${ref.address}" is not a valid cell address.`,
      });
    }
    await this.select(ref, cellAddress(pos.row, pos.col));
  }

  /** Selects a range (a group the 结构 tab shows: `B5:E10`), so the user sees its cells together. */
  async selectRange(ref: CellRef): Promise<void> {
    const ends = ref.address.split(':');
    const first = firstCellOf(ends[0]);
    const last = firstCellOf(ends[ends.length - 1]);
    if (!first || !last || ends.length > 2) {
      throw new HostError({
        'zh-CN': `“${ref.address}”不是有效的单元格区域。`,
        'en-US': `"${ref.address}" is not a valid range.`,
      });
    }
    const a = cellAddress(Math.min(first.row, last.row), Math.min(first.col, last.col));
    const b = cellAddress(Math.max(first.row, last.row), Math.max(first.col, last.col));
    await this.select(ref, a === b ? a : `${a}:${b}`);
  }

  /**
   * Activates the sheet and selects `address`. 2 syncs: 1. whether the sheet exists and is
   * visible (findings on hidden sheets are normal, and Excel does not promise what activating
   * one does, so a hidden sheet is told apart first, with the reason in both languages);
   * 2. activate and select.
   */
  private async select(ref: CellRef, address: string): Promise<void> {
    await this.run(ACTION.select, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItemOrNullObject(ref.sheet);
      sheet.load('visibility');
      await this.sync(ctx); // sync 1
      if (sheet.isNullObject) throw new HostError(sheetMissing(ref.sheet), { reason: 'SheetMissing' });
      if (sheet.visibility !== 'Visible') {
        throw new HostError(sheetHidden(ref.sheet, ref.address, sheet.visibility === 'VeryHidden'), { reason: 'SheetHidden' });
      }
      sheet.activate();
      sheet.getRange(address).select();
      try {
        await this.sync(ctx); // sync 2
      } catch (e) {
        if (errorCode(e) === 'ItemNotFound') throw new HostError(sheetMissing(ref.sheet), { code: 'ItemNotFound', reason: 'SheetMissing', cause: e });
        throw e;
      }
    });
  }

  // -------------------------------------------------------------------------------------------
  // Results sheet

  /**
   * Writes the findings to the sheet 校验结果 as a table (one row per finding; the 单元格 column
   * links to the cell), replacing the 校验结果 sheet this add-in wrote before, even when it was
   * hidden or very hidden (it is made visible first: Excel cannot delete a very hidden sheet).
   * A 校验结果 sheet the add-in did not write is never touched: that is an error the user must
   * resolve. When the workbook's structure is protected no sheet can be added, so the findings
   * open as a new workbook instead (ExcelApi 1.8; `newWorkbook` in the result); nothing is
   * unprotected, and no password is ever asked for.
   */
  async writeResultSheet(findings: Finding[]): Promise<ResultSheetInfo> {
    const block = buildResultBlock(findings);
    const pieces = this.platform === 'web' ? chunkRowsByBytes(block, this.webBudgetBytes) : [[0, block.values.length] as [number, number]];
    const lastRow = block.values.length; // 1-based row of the last line (header is row 1)
    const readsProtection = this.api('1.7');

    const written = await this.run(ACTION.write, async (ctx): Promise<ResultSheetInfo | { locked: string }> => {
      const workbook = ctx.workbook;
      const worksheets = workbook.worksheets;
      worksheets.load('items/name,items/visibility');
      const tables = workbook.tables;
      tables.load('items/name,items/worksheet/name');
      if (readsProtection) workbook.load('name,protection/protected');
      await this.sync(ctx); // sync 1
      if (readsProtection && workbook.protection.protected) return { locked: workbook.name };

      const lower = RESULT_SHEET_NAME.toLowerCase();
      const old = worksheets.items.find((w) => w.name.toLowerCase() === lower);
      const tablesOnOld = old ? tables.items.filter((t) => t.worksheet.name === old.name) : [];
      if (old && !tablesOnOld.some((t) => isResultTableName(t.name))) {
        throw new HostError(resultSheetTaken(old.name));
      }
      const tableName = freeTableName(tables.items.filter((t) => !tablesOnOld.includes(t)).map((t) => t.name));

      // The suspend calls cover only what is queued after them.
      this.quietNextSync(ctx);
      if (old) {
        // Shown first (a very hidden sheet cannot be deleted), renamed so the new sheet can take
        // the name, and deleted after the new one is added: a workbook keeps one visible sheet.
        if (old.visibility !== 'Visible') old.visibility = 'Visible';
        const names = new Set(worksheets.items.map((w) => w.name.toLowerCase()));
        let temp = `~${RESULT_SHEET_NAME}-old`;
        for (let i = 2; names.has(temp.toLowerCase()); i++) temp = `~${RESULT_SHEET_NAME}-old${i}`;
        old.name = temp;
      }
      const sheet = worksheets.add(RESULT_SHEET_NAME);
      if (old) old.delete();

      for (let p = 0; p < pieces.length; p++) {
        if (p > 0) this.quietNextSync(ctx);
        const [start, end] = pieces[p];
        const range = sheet.getRange(`A${start + 1}:H${end}`);
        range.numberFormat = block.numberFormats.slice(start, end);
        range.values = block.values.slice(start, end);
        if (p < pieces.length - 1) await this.sync(ctx); // web only: one sync per 4 MB piece
      }
      const table = sheet.tables.add(sheet.getRange(`A1:H${lastRow}`), true);
      table.name = tableName;
      table.style = RESULT_TABLE_STYLE;
      sheet.getRange('A:G').format.autofitColumns();
      sheet.activate();
      await this.sync(ctx); // sync 2 (last piece, table, style)
      return { sheet: RESULT_SHEET_NAME, table: tableName, rows: findings.length };
    });
    if (!('locked' in written)) return written;
    return this.writeResultWorkbook(findings, written.locked);
  }

  /** The findings as a new workbook (the checked one's structure is protected). */
  private async writeResultWorkbook(findings: Finding[], workbookName: string): Promise<ResultSheetInfo> {
    if (!this.api('1.8')) throw new HostError(structureLockedNoNewWorkbook(), { reason: 'Protected' });
    try {
      const { resultWorkbookBase64 } = await import(/* webpackChunkName: "result-workbook" */ './result-workbook');
      await this.createWorkbook(await resultWorkbookBase64(findings, workbookName));
    } catch (e) {
      throw toHostError(e, ACTION.write);
    }
    return { sheet: RESULT_SHEET_NAME, table: '', rows: findings.length, newWorkbook: true };
  }

  /**
   * Writes `rows` (header first) to the add-in's 校验说明 sheet: into the sheet in place when it
   * exists (its old content cleared first; it may be hidden, and no sheet is added, renamed or
   * deleted, so this works under structure protection too), else on a new sheet. A 校验说明
   * sheet whose A1 is not our header is the user's and is never touched. 2 or 3 syncs.
   */
  async saveExplanationRows(rows: string[][]): Promise<void> {
    const width = Math.max(1, ...rows.map((r) => r.length));
    const block = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
    const readsProtection = this.api('1.7');
    await this.run(ACTION.write, async (ctx) => {
      const worksheets = ctx.workbook.worksheets;
      worksheets.load('items/name,items/protection/protected');
      if (readsProtection) ctx.workbook.load('protection/protected');
      await this.sync(ctx);
      const existing = worksheets.items.find((w) => w.name === EXPLANATIONS_SHEET);
      let target: Excel.Worksheet;
      if (existing) {
        const head = existing.getRange('A1');
        head.load('values');
        await this.sync(ctx);
        const first = head.values?.[0]?.[0] ?? '';
        if (first !== EXPLANATION_HEADER[0] && first !== '') throw new HostError(explanationSheetTaken(EXPLANATIONS_SHEET));
        if (existing.protection.protected) throw new HostError(explanationSheetProtected(EXPLANATIONS_SHEET), { reason: 'Protected' });
        this.quietNextSync(ctx);
        existing.getRange().clear('Contents');
        target = existing;
      } else {
        if (readsProtection && ctx.workbook.protection.protected) throw new HostError(explanationsStructureLocked(EXPLANATIONS_SHEET), { reason: 'Protected' });
        this.quietNextSync(ctx);
        target = worksheets.add(EXPLANATIONS_SHEET);
      }
      const range = target.getRange(`A1:${cellAddress(block.length - 1, width - 1)}`);
      range.numberFormat = block.map((r) => r.map(() => '@'));
      range.values = block;
      await this.sync(ctx);
    });
  }

  // -------------------------------------------------------------------------------------------
  // The 校验规则 sheet

  /**
   * Creates the sheet 校验规则 with `rows` (header first, e.g. core/rules rulesSheetTemplate()):
   * values, a bold filled header, text format for the text columns (so an expression is never
   * taken for a formula), column widths; then activates it. 2 syncs: 1. sheet names  2. add and
   * write everything. A sheet of that name (any case) is never touched: a HostError (code
   * 'SheetNameTaken') says so and nothing is written.
   */
  async writeRulesSheet(rows: CellValue[][]): Promise<{ sheet: string }> {
    const block = rulesBlock(rows);
    return this.run(RULES_ACTION, async (ctx) => {
      const worksheets = ctx.workbook.worksheets;
      worksheets.load('items/name');
      const locked = this.structureProtection(ctx);
      await this.sync(ctx); // sync 1
      const lower = RULES_SHEET.toLowerCase();
      const existing = worksheets.items.find((w) => w.name.toLowerCase() === lower);
      if (existing) throw new HostError(rulesSheetTaken(existing.name), { reason: 'SheetNameTaken' });
      if (locked()) throw new HostError(structureLocked(RULES_SHEET), { reason: 'Protected' });
      this.quietNextSync(ctx);
      const sheet = worksheets.add(RULES_SHEET);
      queueRulesSheet(sheet, block);
      sheet.activate();
      await this.sync(ctx); // sync 2
      return { sheet: RULES_SHEET };
    });
  }

  // -------------------------------------------------------------------------------------------
  // The standard indicator form

  /**
   * Inserts the standard indicator form (core/report/standard-form.ts) on a NEW sheet 指标表
   * (指标表(2)… when that name is taken, in any case) and, when the workbook has no 校验规则
   * sheet, that sheet with the example rules; no existing sheet or cell is touched. The header
   * rows are frozen (ExcelApi 1.7), the value cells get data validation where ExcelApi 1.8 is
   * supported (`validation` says whether), the parts an Excel indent where 1.9 is. The form's
   * sheet is activated. 2 syncs: 1. sheet names  2. add the sheets and write everything.
   */
  async insertStandardForm(spec: StandardFormSpec): Promise<StandardFormResult> {
    if (!this.api('1.2')) throw new HostError(requirementMissing(FORM_FEATURE, '1.2'));
    // Loaded on use: the form's writer and indicator list are not part of the pane's first load.
    let writer: typeof import('./standard-form-writer');
    try {
      writer = await import(/* webpackChunkName: "standard-form" */ './standard-form-writer');
    } catch (e) {
      throw toHostError(e, FORM_ACTION);
    }
    const { planStandardForm, queueStandardForm } = writer;
    const plan = planStandardForm(spec);
    const rules = rulesBlock(spec.rulesSheet.rows);
    const options = { freeze: this.api('1.7'), validation: this.api('1.8'), indent: this.api('1.9') };
    return this.run(FORM_ACTION, async (ctx) => {
      const worksheets = ctx.workbook.worksheets;
      worksheets.load('items/name');
      const locked = this.structureProtection(ctx);
      await this.sync(ctx); // sync 1
      const names = worksheets.items.map((w) => w.name);
      const sheetName = freeSheetName(names, spec.sheetName);
      if (locked()) throw new HostError(structureLocked(sheetName), { reason: 'Protected' });
      const rulesLower = spec.rulesSheet.name.toLowerCase();
      const addRules = !names.some((n) => n.toLowerCase() === rulesLower);
      this.quietNextSync(ctx);
      const sheet = worksheets.add(sheetName);
      queueStandardForm(sheet, plan, options);
      if (addRules) queueRulesSheet(worksheets.add(spec.rulesSheet.name), rules);
      sheet.activate();
      await this.sync(ctx); // sync 2
      return { sheet: sheetName, rulesSheet: addRules ? spec.rulesSheet.name : null, validation: options.validation };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Summary tables and charts

  /**
   * Writes a summary table (core/report TableSpec) laid out as the ExcelJS writer lays it out:
   * on a NEW sheet 汇总表 / 汇总表(2)… at A1 (no other sheet is touched), or with its title at
   * the top-left cell of the selection, after checking that everything it would write to is
   * empty (no value or formula, no table, no merged cell); otherwise a HostError (code
   * 'TargetOccupied') says where, and nothing is written. Column widths are set on a new sheet;
   * at a selection a column is only ever widened. With `chart`, spec.chart is drawn to the right
   * of the table (ExcelApi 1.7; skipped without it). Needs ExcelApi 1.2.
   */
  async writeSummaryTable(spec: TableSpec, target: 'new-sheet' | 'selection', options: { chart?: boolean } = {}): Promise<SummaryTableInfo> {
    if (!this.api('1.2')) throw new HostError(requirementMissing(SUMMARY_FEATURE.table, '1.2'));
    const areas = this.api('1.9');
    const withChart = !!options.chart && !!spec.chart && this.api('1.7');
    const mergeCheck = this.api('1.13');
    const gridlines = this.api('1.8');

    return this.run(SUMMARY_ACTION.table, async (ctx) => {
      const workbook = ctx.workbook;
      const worksheets = workbook.worksheets;
      worksheets.load('items/name');
      const tables = workbook.tables;
      tables.load('items/name,items/worksheet/name');
      const names = workbook.names;
      names.load('items/name');
      const selected = target === 'selection' ? workbook.getSelectedRange() : undefined;
      if (selected) {
        selected.load('rowIndex,columnIndex');
        selected.worksheet.load('name,protection/protected');
      }
      const locked = selected ? () => false : this.structureProtection(ctx);
      await this.sync(ctx); // sync 1
      if (selected?.worksheet.protection.protected) throw new HostError(sheetLocked(selected.worksheet.name), { reason: 'Protected' });
      if (locked()) throw new HostError(structureLocked(summarySheetBase(spec.lang), SUMMARY_AT_SELECTION), { reason: 'Protected' });

      const tableName = uniqueTableName([...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)]);
      let sheet: Excel.Worksheet;
      let sheetName: string;
      let layout: ReturnType<typeof layoutSummary>;
      let widths: Array<number | null>;

      if (!selected) {
        sheetName = freeSheetName(
          worksheets.items.map((w) => w.name),
          summarySheetBase(spec.lang),
        );
        layout = layoutSummary(spec, 0, 0);
        widths = layout.widths;
        this.quietNextSync(ctx);
        sheet = worksheets.add(sheetName);
      } else {
        sheet = selected.worksheet;
        sheetName = selected.worksheet.name;
        const anchor = cellAddress(selected.rowIndex, selected.columnIndex);
        layout = layoutSummary(spec, selected.rowIndex, selected.columnIndex);
        if (!fitsOnSheet(layout)) throw new HostError(targetOffSheet(sheetName, anchor), { reason: 'TargetOffSheet' });
        const box = layout.footprint;
        const boxRect = { r0: box.top, c0: box.left, r1: box.bottom, c1: box.right };
        // Sync 2 reads what is under the footprint. getMergedAreasOrNullObject fails on a range
        // holding more than 512 merged areas; then the same reads run once more with the merged
        // areas asked for in bands of rows small enough to hold at most 512 each (a merged area
        // has at least 2 cells), all in that one extra sync.
        const probe = (mergeBands: Rect[]) => {
          const area = sheet.getRange(rectAddress(boxRect));
          area.load('values,formulas');
          const merged = mergeCheck
            ? mergeBands.map((band) => {
                const m = sheet.getRange(rectAddress(band)).getMergedAreasOrNullObject();
                m.load('address');
                return m;
              })
            : [];
          const near = tables.items
            .filter((t) => t.worksheet.name === sheetName)
            .map((t) => {
              const r = t.getRange();
              r.load('rowIndex,columnIndex,rowCount,columnCount');
              return { name: t.name, range: r };
            });
          const current = layout.widths.map((_, j) => {
            const f = sheet.getRange(cellAddress(box.top, box.left + j)).format;
            f.load('columnWidth');
            return f;
          });
          return { area, merged, near, current };
        };
        let read = probe([boxRect]);
        try {
          await this.sync(ctx); // sync 2
        } catch (e) {
          if (!mergeCheck || isSyncTimeout(e)) throw e;
          read = probe(mergeBandsOf(boxRect));
          await this.sync(ctx); // sync 3, on this path only
        }
        const { area, merged, near, current } = read;

        const occupancy = {
          cells: filledCells(area.values, area.formulas, box.top, box.left),
          merges: merged.flatMap((m) => (m.isNullObject ? [] : m.address.split(',').map((a) => a.slice(a.lastIndexOf('!') + 1)))),
          tables: near
            .filter(({ range: r }) => overlaps(box, { top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 }))
            .map((t) => t.name),
        };
        if (occupancy.cells.length + occupancy.merges.length + occupancy.tables.length > 0) {
          throw new HostError(targetOccupied(sheetName, box, occupancy), { reason: 'TargetOccupied' });
        }
        // Never narrow a column of the user's sheet.
        widths = layout.widths.map((w, j) => (current[j].columnWidth !== null && current[j].columnWidth >= w ? null : w));
      }

      if (selected) this.quietNextSync(ctx);
      const queued = queueSummary(sheet, layout, { sheetName, tableName, areas, widths, chart: withChart });
      if (!selected) {
        sheet.getRange(`${layout.placement.titleRow + 1}:${layout.placement.titleRow + 1}`).format.rowHeight = 24;
        if (gridlines) sheet.showGridlines = false;
        sheet.activate();
      }
      await this.sync(ctx); // sync 2 (new sheet) or 3 (selection)

      const box = layout.footprint;
      return {
        sheet: sheetName,
        address: rectAddress({ r0: box.top, c0: box.left, r1: box.bottom, c1: box.right }),
        tableAddress: layout.placement.tableAddress,
        table: tableName,
        ...(queued.chart ? { chart: queued.chart.name } : {}),
      };
    });
  }

  /**
   * A line chart of indicators over years (the 跨年 tab) on a NEW sheet 趋势图 / 趋势图(2)…; the
   * data stays on the user's sheet, which is not changed. `categories` is the row (or column) of
   * year cells, each series an indicator's values over those years. Given values instead of
   * ranges (TrendChartData: per-year sheets, long tables), they are written as a small table at
   * A1 of that new sheet and the chart plots it, below the table. Needs ExcelApi 1.7.
   */
  async insertLineChart(ref: TrendChartRef, title: string): Promise<TrendChartInfo> {
    if (!this.api('1.7')) throw new HostError(requirementMissing(SUMMARY_FEATURE.chart, '1.7'));
    if (isTrendChartData(ref)) {
      const table = planTrendData(ref);
      return this.run(SUMMARY_ACTION.chart, async (ctx) => {
        const worksheets = ctx.workbook.worksheets;
        worksheets.load('items/name');
        const locked = this.structureProtection(ctx);
        await this.sync(ctx); // sync 1
        const sheetName = freeSheetName(
          worksheets.items.map((w) => w.name),
          TREND_SHEET_NAME,
        );
        if (locked()) throw new HostError(structureLocked(sheetName), { reason: 'Protected' });
        this.quietNextSync(ctx);
        const sheet = worksheets.add(sheetName);
        const range = sheet.getRange(table.block.address);
        range.numberFormat = table.block.numberFormats;
        range.values = table.block.values;
        sheet.getRange('A1').format.columnWidth = table.nameWidth;
        sheet.getRange(table.headerRow).format.font.bold = true;
        const chart = queueTrendChart(sheet, sheet, table.plan, title, table.position);
        sheet.activate();
        await this.sync(ctx); // sync 2
        return { sheet: sheetName, chart: chart.name, data: table.block.address };
      });
    }
    const plan = planTrend(ref);
    return this.run(SUMMARY_ACTION.chart, async (ctx) => {
      const worksheets = ctx.workbook.worksheets;
      worksheets.load('items/name');
      const locked = this.structureProtection(ctx);
      await this.sync(ctx); // sync 1
      const source = worksheets.items.find((w) => w.name.toLowerCase() === ref.sheet.toLowerCase());
      if (!source) throw new HostError(sheetMissing(ref.sheet), { reason: 'SheetMissing' });
      const sheetName = freeSheetName(
        worksheets.items.map((w) => w.name),
        TREND_SHEET_NAME,
      );
      if (locked()) throw new HostError(structureLocked(sheetName), { reason: 'Protected' });
      this.quietNextSync(ctx);
      const sheet = worksheets.add(sheetName);
      const chart = queueTrendChart(sheet, source, plan, title);
      sheet.activate();
      await this.sync(ctx); // sync 2
      return { sheet: sheetName, chart: chart.name };
    });
  }
}

/**
 * The sheet users write rules in (core/rules RULES_SHEET_NAME; not imported from there so the
 * rule parser stays out of the pane's first-load bundle; a test keeps the two equal).
 */
export const RULES_SHEET = '校验规则';
const RULES_HEADER_FILL = '#DDEBF7';
const RULES_ACTION: Bilingual = { 'zh-CN': '创建规则表', 'en-US': 'Creating the rules sheet' };
const FORM_ACTION: Bilingual = { 'zh-CN': '插入标准表', 'en-US': 'Inserting the standard form' };
const FORM_FEATURE: Bilingual = { 'zh-CN': '插入标准表', 'en-US': 'insert the standard form' };
/** Column widths (points) by header; other columns get 80. */
const RULES_WIDTHS: Record<string, number> = { 编号: 90, 名称: 200, 表达式: 300, 级别: 50, 容差: 50, 启用: 50, 说明: 220 };

/** The rows as Office.js values (errors as text, blanks as ''), text format except for 容差. */
export function rulesBlock(rows: CellValue[][]): { values: Array<Array<string | number | boolean>>; numberFormats: string[][]; widths: number[]; width: number } {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const header = (rows[0] ?? []).map((v) => (typeof v === 'string' ? v.trim() : ''));
  const values = rows.map((r) =>
    Array.from({ length: width }, (_, j) => {
      const v = r[j];
      if (v === null || v === undefined) return '';
      return typeof v === 'object' ? v.error : v;
    }),
  );
  const numberFormats = rows.map(() => Array.from({ length: width }, (_, j): string => (header[j] === '容差' ? 'General' : '@')));
  const widths = Array.from({ length: width }, (_, j) => RULES_WIDTHS[header[j] ?? ''] ?? 80);
  return { values, numberFormats, widths, width };
}

/** Queues the rule rows of rulesBlock on a new, empty sheet: values, a bold filled header, widths. */
function queueRulesSheet(sheet: Excel.Worksheet, block: ReturnType<typeof rulesBlock>): void {
  if (block.values.length === 0) return;
  const last = cellAddress(block.values.length - 1, block.width - 1);
  const range = sheet.getRange(`A1:${last}`);
  range.numberFormat = block.numberFormats;
  range.values = block.values as unknown[][];
  const header = sheet.getRange(`A1:${cellAddress(0, block.width - 1)}`).format;
  header.font.bold = true;
  header.fill.color = RULES_HEADER_FILL;
  block.widths.forEach((w, j) => {
    sheet.getRange(cellAddress(0, j)).format.columnWidth = w;
  });
}

function rulesSheetTaken(name: string): Bilingual {
  return {
    'zh-CN': `工作簿中已有名为“${name}”的工作表，未创建规则表。可以直接在该表中编写规则，或将其改名后重试。`,
    'en-US': `The workbook already has a sheet named "${name}"; the rules sheet was not created. Write your rules in that sheet, or rename it and try again.`,
  };
}

/** No sheet can be added to a workbook whose structure is protected. */
function structureLocked(sheet: string, hint?: Bilingual): Bilingual {
  return {
    'zh-CN': `工作簿结构受保护，无法添加“${sheet}”工作表。请撤销工作簿保护（审阅 > 保护工作簿）后重试${hint ? `，${hint['zh-CN']}` : ''}。本加载项不会撤销任何保护。`,
    'en-US': `The workbook structure is protected, so the sheet "${sheet}" cannot be added. Unprotect the workbook (Review > Protect Workbook) and try again${hint ? `, ${hint['en-US']}` : ''}. This add-in never removes protection.`,
  };
}

function sheetLocked(sheet: string): Bilingual {
  return {
    'zh-CN': `工作表“${sheet}”受保护，无法写入。请撤销该表的保护，或选择另一个工作表中的空白单元格后重试。`,
    'en-US': `The sheet "${sheet}" is protected, so nothing can be written there. Unprotect it, or select an empty cell on another sheet, and try again.`,
  };
}

const SUMMARY_AT_SELECTION: Bilingual = {
  'zh-CN': '或改为插入到“当前选定单元格”',
  'en-US': 'or insert it at the "Selected cell" instead',
};

/** Excel lists at most this many merged areas of one range (getMergedAreasOrNullObject). */
const MAX_MERGED_AREAS = 512;

/** Bands of whole rows of `r`, each with at most MAX_MERGED_AREAS * 2 cells (so as many merged areas). */
export function mergeBandsOf(r: Rect): Rect[] {
  const cols = r.c1 - r.c0 + 1;
  const rows = Math.max(1, Math.floor((MAX_MERGED_AREAS * 2) / cols));
  const out: Rect[] = [];
  for (let r0 = r.r0; r0 <= r.r1; r0 += rows) out.push({ r0, c0: r.c0, r1: Math.min(r.r1, r0 + rows - 1), c1: r.c1 });
  return out;
}

function structureLockedNoNewWorkbook(): Bilingual {
  return {
    'zh-CN': '工作簿结构受保护，无法添加“校验结果”工作表，而当前 Excel 版本无法打开新工作簿（需要 ExcelApi 1.8）。请撤销工作簿保护后重试；问题仍列在任务窗格中。',
    'en-US': 'The workbook structure is protected, so the 校验结果 sheet cannot be added, and this version of Excel cannot open a new workbook (needs ExcelApi 1.8). Unprotect the workbook and try again; the findings are still listed in the pane.',
  };
}

function explanationSheetProtected(name: string): Bilingual {
  return {
    'zh-CN': `工作表“${name}”受保护，核实说明未能保存。请撤销该表的保护后重试。`,
    'en-US': `The sheet "${name}" is protected, so the explanation was not saved. Unprotect it and try again.`,
  };
}

function explanationsStructureLocked(name: string): Bilingual {
  return {
    'zh-CN': `工作簿结构受保护，无法添加“${name}”工作表，核实说明未能保存。请撤销工作簿保护后重试。`,
    'en-US': `The workbook structure is protected, so the sheet "${name}" cannot be added and the explanation was not saved. Unprotect the workbook and try again.`,
  };
}

/** The 校验说明 sheet is ours when its A1 says 键 (EXPLANATION_HEADER); otherwise it is the user's. */
function explanationSheetTaken(name: string): Bilingual {
  return {
    'zh-CN': `工作簿中已有名为“${name}”的工作表，但不是本加载项创建的，未写入核实说明。请将其改名后重试。`,
    'en-US': `The workbook already has a sheet named "${name}" that this add-in did not create; explanations were not saved. Rename it and try again.`,
  };
}

function storeBlock(buffer: SheetBuffer, p: PendingBlock, values: unknown[][]): void {
  const { grid, dims } = buffer;
  const types = p.range.valueTypes as string[][] | null;
  const formats = p.range.numberFormat as unknown[][] | null;
  const r0 = p.block.row - dims.rowIndex;
  for (let r = 0; r < values.length; r++) {
    const outValues = grid.values[r0 + r];
    const outFormats = (grid.numberFormats as string[][])[r0 + r];
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      outValues[c] = toCellValue(row[c], types?.[r]?.[c]);
      const f = formats?.[r]?.[c];
      if (typeof f === 'string') outFormats[c] = f;
    }
  }
  if (p.indents && grid.indents) {
    const props = p.indents.value;
    for (let r = 0; r < props.length; r++) {
      const out = grid.indents[r0 + r];
      for (let c = 0; c < props[r].length; c++) out[c] = props[r][c].format?.indentLevel ?? 0;
    }
  }
}

/** Splits a group that overflowed: by blocks when it has several, else the block by rows. */
function splitGroup(group: ReadBlock[]): ReadBlock[][] | null {
  if (group.length > 1) {
    const mid = Math.ceil(group.length / 2);
    return [group.slice(0, mid), group.slice(mid)];
  }
  const halves = splitBlock(group[0]);
  return halves ? [[halves[0]], [halves[1]]] : null;
}
