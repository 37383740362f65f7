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
//                  rectangle between them; see findRegions in workbook-reader.ts.
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
import type { StandardFormResult, StandardFormSpec } from '../../core/report/standard-form';
import type { TableSpec } from '../../core/report/table-spec';
import { message } from '../../core/i18n';
import type { Bilingual, CellRef, CellValue, Finding, Progress, WorkbookSnapshot } from '../../core/types';
import type { Host, MarkReport } from '../../core/host';
import { firstCellOf, cellAddress } from './a1';
import { HostError, errorCode, requirementMissing, sheetHidden, sheetMissing, toHostError } from './errors';
import type { HostSession } from './host-session';
import { type MarkContext, writeMarks } from './mark-writer';
import { WEB_BUDGET_BYTES } from './read-plan';
import { insertStandardForm, saveExplanationRows, writeResultSheet, writeRulesSheet, type ResultSheetInfo } from './sheet-writers';
import { insertLineChart, writeSummaryTable, type SummaryTableInfo, type TrendChartInfo } from './summary-insert';
import type { TrendChartRef } from './summary-writer';
import { isSyncTimeout, syncWithTimeout } from './sync';
import { readWorkbook } from './workbook-reader';

export { RULES_SHEET, type ResultSheetInfo } from './sheet-writers';
export { mergeBandsOf, type SummaryTableInfo, type TrendChartInfo } from './summary-insert';

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

const ACTION = {
  mark: message('host.action.mark'),
  clear: message('host.action.clear'),
  select: message('host.action.select'),
} satisfies Record<string, Bilingual>;

const MARKS_FEATURE: Bilingual = message('host.excel.feature.marks');

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

export class ExcelHost implements Host {
  readonly kind = 'excel' as const;
  private readonly runner: ExcelRunner;
  private readonly syncTimeoutMs: number;
  private readonly platform: 'web' | 'desktop';
  private readonly isSetSupported: (name: string, version: string) => boolean;
  private readonly webBudgetBytes: number;
  private readonly createWorkbook: (base64: string) => Promise<void>;
  /** What the reader and the writers use of this host (host-session.ts). */
  private readonly session: HostSession;

  constructor(runner: ExcelRunner = defaultRunner, options: ExcelHostOptions = {}) {
    this.runner = runner;
    this.syncTimeoutMs = options.syncTimeoutMs ?? 60_000;
    this.platform = options.platform ?? detectPlatform();
    this.isSetSupported = options.isSetSupported ?? officeIsSetSupported;
    this.webBudgetBytes = options.webBudgetBytes ?? WEB_BUDGET_BYTES;
    this.createWorkbook = options.createWorkbook ?? ((base64) => Excel.createWorkbook(base64));
    this.session = {
      run: (action, batch) => this.run(action, batch),
      sync: (ctx) => this.sync(ctx),
      quiet: (ctx) => this.quietNextSync(ctx),
      api: (version) => this.api(version),
      structureProtection: (ctx) => this.structureProtection(ctx),
      platform: this.platform,
      webBudgetBytes: this.webBudgetBytes,
      createWorkbook: (base64) => this.createWorkbook(base64),
    };
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
  // Reading, marks, navigation, and the sheets the add-in writes (each in a module of its own)

  readWorkbook(onProgress?: Progress): Promise<WorkbookSnapshot> {
    return readWorkbook(this.session, onProgress);
  }

  // -------------------------------------------------------------------------------------------
  // Marks

  /**
   * Marks the first cell of every finding (mark-writer.ts): protected sheets and rules Excel
   * cannot read or delete are skipped and reported in the result, everything else is marked.
   */
  async applyMarks(findings: Finding[]): Promise<MarkReport> {
    if (!this.api('1.6')) throw new HostError(requirementMissing(MARKS_FEATURE, '1.6'));
    return this.run(ACTION.mark, (ctx) => writeMarks(this.markContext(ctx), findings));
  }

  /** Removes every mark of ours that can be removed; what cannot is reported in the result. */
  async clearMarks(): Promise<MarkReport> {
    if (!this.api('1.6')) throw new HostError(requirementMissing(MARKS_FEATURE, '1.6'));
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
      throw new HostError(message('host.address.invalid-cell', { address: ref.address }));
    }
    await this.select(ref, cellAddress(pos.row, pos.col));
  }

  /** Selects a range (a group the 结构 tab shows: `B5:E10`), so the user sees its cells together. */
  async selectRange(ref: CellRef): Promise<void> {
    const ends = ref.address.split(':');
    const first = firstCellOf(ends[0]);
    const last = firstCellOf(ends[ends.length - 1]);
    if (!first || !last || ends.length > 2) {
      throw new HostError(message('host.address.invalid-range', { address: ref.address }));
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

  writeResultSheet(findings: Finding[]): Promise<ResultSheetInfo> {
    return writeResultSheet(this.session, findings);
  }

  saveExplanationRows(rows: string[][]): Promise<void> {
    return saveExplanationRows(this.session, rows);
  }

  writeRulesSheet(rows: CellValue[][]): Promise<{ sheet: string }> {
    return writeRulesSheet(this.session, rows);
  }

  insertStandardForm(spec: StandardFormSpec): Promise<StandardFormResult> {
    return insertStandardForm(this.session, spec);
  }

  writeSummaryTable(spec: TableSpec, target: 'new-sheet' | 'selection', options: { chart?: boolean } = {}): Promise<SummaryTableInfo> {
    return writeSummaryTable(this.session, spec, target, options);
  }

  insertLineChart(ref: TrendChartRef, title: string): Promise<TrendChartInfo> {
    return insertLineChart(this.session, ref, title);
  }
}
