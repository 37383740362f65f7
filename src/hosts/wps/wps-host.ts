// The Host over WPS Spreadsheets (ET): the same contract as the Office.js host (src/hosts/excel),
// on WPS's JavaScript object model, which mirrors Excel's COM model (Application.ActiveWorkbook,
// Worksheets.Item(i) from 1, Range.Value2, NumberFormat, FormatConditions …). Every member used
// is declared in et-api.ts and checked there against Kingsoft's declarations.
//
// Every property read or write and every method call on a WPS object crosses into the WPS
// process, so the host reads in blocks and never cell by cell:
//
//   readWorkbook  per sheet: Item, Name, Visible, the tables (to skip our own 校验结果 sheet),
//                 the used range's corners (7 calls); a used range above DIRECT_READ_CELLS
//                 (formatting far away inflates it) is narrowed to the data with four
//                 Find("*") calls; then Value2 in blocks of BLOCK_CELLS cells (2 calls each),
//                 the number formats column by column as runs (uniform-runs.ts: a column with
//                 a uniform body costs a handful of calls whatever its length), and the indents
//                 of the first INDENT_COLUMNS columns the same way. The number of calls grows
//                 with sheets, columns and format changes, not with rows of the same format.
//   applyMarks    removes our earlier rules, then one conditional format per (sheet, severity)
//                 and list of at most 255 address characters: FormatConditions.Add plus the
//                 fill and font colours (about 7 calls each).
//   clearMarks    per sheet: its conditional formats (Count), and for each its Type and, for
//                 formula rules, Formula1; ours are deleted.
//   selectCell    the sheet, its visibility, Activate, Range, Select.
//   writeResultSheet / saveExplanationRows / writeRulesSheet  whole blocks: one Value2 and one
//                 NumberFormat write per block, not per cell.
//   writeSummaryTable / insertLineChart / insertStandardForm  (summary-writer.ts,
//                 standard-form-writer.ts, loaded on first use) one Value2 write per block, each
//                 number format and style once per list of areas, a chart series by series: the
//                 calls grow with columns, series and changes of format down a column, not with
//                 rows. At the selection, the cells under the table are checked first (a Formula
//                 read per block of BLOCK_CELLS, MergeCells over halves, the sheet's tables).
//
// Nothing is written to a protected sheet, and no sheet is added to a workbook whose structure
// is protected: the host says so in both languages before writing (HostError reason 'Protected');
// it never removes protection.
//
// MARKS are conditional formats whose formula carries the marker of marks.ts
// (`=N("指标校验:error")=0`), exactly as the Excel host writes them: the user's own fills, fonts
// and rules are never touched, clearing finds them after save and reopen, and marks written in
// Excel are cleared in WPS and the other way round.
//
// The host has not run inside WPS: it is tested against tests/fakes/fake-wps.ts, which follows
// the declarations and the COM behaviour described there.
import { EXPLANATION_HEADER, EXPLANATIONS_SHEET } from '../../core/explanations';
import type { StandardFormResult, StandardFormSpec } from '../../core/report/standard-form';
import type { TableSpec } from '../../core/report/table-spec';
import { message } from '../../core/i18n';
import type { Bilingual, CellRef, CellValue, Finding, Progress, SheetGrid, WorkbookSnapshot } from '../../core/types';
import type { Host, MarkReport } from '../../core/host';
import { cellAddress, chunkAddressList, firstCellOf, MAX_COLUMNS, MAX_ROWS, rectAddress } from '../excel/a1';
import { HostError, resultSheetTaken, sheetHidden, sheetMissing, sheetProtectedForClear, sheetProtectedForMarks, toHostError } from '../excel/errors';
import type { SummaryTableInfo, TrendChartInfo } from '../excel/excel-host';
import type { TrendChartRef } from '../excel/summary-writer';
import { MARK_STYLES, groupMarks, markFormula, markSeverity } from '../excel/marks';
import { RESULT_LAST_COLUMN, RESULT_SHEET_NAME, RESULT_TABLE_STYLE, buildResultBlock, freeTableName, isResultTableName } from '../excel/result-sheet';
import { bgr, cellFromValue2, normalizeNumberFormat, value2Rows } from './com-values';
import type { EtApplication, EtFormatConditions, EtWorkbook, EtWorksheet } from './et-api';
import { RULES_SHEET, fillRulesSheet } from './rules-sheet';
import { MAX_ADDRESS_CHARS, addSheetAtEnd, listSheets, structureLocked, tableNames } from './sheets';
import type { WriteContext } from './summary-writer';
import { type Run, uniformRuns } from './uniform-runs';

/** Cells per Value2 read: large enough for few calls, small enough not to stall WPS on one. */
export const BLOCK_CELLS = 250_000;
/** A used range up to this size is read as it is; a larger one is first narrowed with Find. */
export const DIRECT_READ_CELLS = 1_000_000;
/** Above this the data itself is too large to check in the pane. */
export const MAX_SHEET_CELLS = 20_000_000;
/** Indents (the hierarchy of labels) are read for the first columns only, as the Excel host does. */
export const INDENT_COLUMNS = 3;

// XlSheetVisibility, XlFormatConditionType, XlFindLookIn, XlLookAt, XlSearchOrder, XlSearchDirection,
// XlListObjectSourceType, XlYesNoGuess.
const XL_SHEET_VISIBLE = -1;
const XL_SHEET_VERY_HIDDEN = 2;
const XL_EXPRESSION = 2;
const XL_FORMULAS = -4123;
const XL_PART = 2;
const XL_BY_ROWS = 1;
const XL_BY_COLUMNS = 2;
const XL_NEXT = 1;
const XL_PREVIOUS = 2;
const XL_SRC_RANGE = 1;
const XL_YES = 1;

const ACTION = {
  read: message('host.action.read'),
  mark: message('host.action.mark'),
  clear: message('host.action.clear'),
  select: message('host.action.select'),
  write: message('host.action.write-results'),
  explain: message('host.action.save-explanations'),
  rules: message('host.action.rules-sheet'),
  summary: message('host.action.summary-table'),
  chart: message('host.action.trend-chart'),
  form: message('host.action.standard-form'),
} satisfies Record<string, Bilingual>;

const STAGE = {
  sheets: message('host.stage.sheets'),
  sheet: (name: string): Bilingual => message('host.stage.sheet', { sheet: name }),
  done: message('host.stage.done'),
};

const NO_WORKBOOK: Bilingual = message('host.wps.no-workbook');

/** `cells` with digits grouped (1,234,567: the same in both languages). */
function tooLarge(sheet: string, cells: number): Bilingual {
  return message('host.wps.too-large', { sheet, cells: cells.toLocaleString('en-US') });
}

function rulesSheetTaken(name: string): Bilingual {
  return message('host.rules-sheet.taken', { sheet: name });
}

function explanationSheetTaken(name: string): Bilingual {
  return message('host.explanations.taken', { sheet: name });
}

function invalidAddress(address: string, range: boolean): Bilingual {
  return message(range ? 'host.address.invalid-range' : 'host.address.invalid-cell', { address });
}

function visibilityOf(v: number): SheetGrid['visibility'] {
  if (v === XL_SHEET_VISIBLE) return 'visible';
  return v === XL_SHEET_VERY_HIDDEN ? 'veryHidden' : 'hidden';
}

/** A rectangle of sheet cells, 1-based and inclusive, as the object model counts. */
interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function areaAddress(a: Area): string {
  return rectAddress({ r0: a.top - 1, c0: a.left - 1, r1: a.bottom - 1, c1: a.right - 1 });
}

/** Gives the pane's thread back between blocks, so progress shows while WPS answers. */
function defaultYield(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface WpsHostOptions {
  /** Cells per Value2 read. Default BLOCK_CELLS. */
  blockCells?: number;
  /** Used ranges larger than this are narrowed with Find first. Default DIRECT_READ_CELLS. */
  directReadCells?: number;
  /** Called between blocks of work. Default: a zero-delay timer. */
  yieldToUi?: () => Promise<void>;
}

export class WpsHost implements Host {
  /** WPS Spreadsheets; the pane treats it as it treats Excel (nothing in the pane branches on kind). */
  readonly kind = 'wps' as const;
  private readonly blockCells: number;
  private readonly directReadCells: number;
  private readonly yieldToUi: () => Promise<void>;

  constructor(
    private readonly app: EtApplication,
    options: WpsHostOptions = {},
  ) {
    this.blockCells = options.blockCells ?? BLOCK_CELLS;
    this.directReadCells = options.directReadCells ?? DIRECT_READ_CELLS;
    this.yieldToUi = options.yieldToUi ?? defaultYield;
  }

  private workbook(): EtWorkbook {
    const wb = this.app.ActiveWorkbook;
    if (!wb) throw new HostError(NO_WORKBOOK, { reason: 'NoWorkbook' });
    return wb;
  }

  /** Runs `work`, turning whatever WPS throws into a bilingual HostError. */
  private async act<T>(action: Bilingual, work: () => Promise<T> | T): Promise<T> {
    try {
      return await work();
    } catch (e) {
      throw toHostError(e, action);
    }
  }

  /** Screen updating off while `work` writes, back on afterwards whatever happens. */
  private quietly<T>(work: () => T): T {
    let was: boolean | undefined;
    try {
      was = this.app.ScreenUpdating;
      this.app.ScreenUpdating = false;
    } catch {
      was = undefined;
    }
    try {
      return work();
    } finally {
      if (was !== undefined) this.app.ScreenUpdating = was;
    }
  }

  /** Deletes a sheet without WPS asking the user to confirm. */
  private deleteSheet(sheet: EtWorksheet): void {
    const alerts = this.app.DisplayAlerts;
    this.app.DisplayAlerts = false;
    try {
      sheet.Delete();
    } finally {
      this.app.DisplayAlerts = alerts;
    }
  }

  /** What the writers of summary tables, charts and the standard form need. */
  private writeContext(): WriteContext {
    return { app: this.app, workbook: () => this.workbook(), quietly: (work) => this.quietly(work), blockCells: this.blockCells };
  }

  // -------------------------------------------------------------------------------------------
  // Reading

  async readWorkbook(onProgress?: Progress): Promise<WorkbookSnapshot> {
    return this.act(ACTION.read, async () => {
      onProgress?.(0, STAGE.sheets);
      const wb = this.workbook();
      const name = wb.Name;
      const entries = listSheets(wb);
      const grids: SheetGrid[] = [];
      for (let i = 0; i < entries.length; i++) {
        const { sheet, name: sheetName } = entries[i];
        // Our own 校验结果 sheet (recognised by its table, as in Excel) is not data to check.
        if (tableNames(sheet).some(isResultTableName)) continue;
        onProgress?.(0.05 + (0.95 * i) / entries.length, STAGE.sheet(sheetName));
        grids.push(await this.readSheet(sheet, sheetName));
        await this.yieldToUi();
      }
      onProgress?.(1, STAGE.done);
      return { name, sheets: grids };
    });
  }

  /**
   * The rectangle to read: the used range, or, when that is larger than directReadCells, the
   * cells that hold something, found with Find("*") from both ends by rows and by columns.
   */
  private dataArea(sheet: EtWorksheet): Area | null {
    const used = sheet.UsedRange;
    const top = used.Row;
    const left = used.Column;
    const rows = used.Rows.Count;
    const cols = used.Columns.Count;
    if (rows * cols <= this.directReadCells) return { top, left, bottom: top + rows - 1, right: left + cols - 1 };
    const cells = sheet.Cells;
    const first = sheet.Range('A1');
    const last = sheet.Range(cellAddress(MAX_ROWS - 1, MAX_COLUMNS - 1));
    const lastByRows = cells.Find('*', first, XL_FORMULAS, XL_PART, XL_BY_ROWS, XL_PREVIOUS);
    if (!lastByRows) return null;
    const lastByColumns = cells.Find('*', first, XL_FORMULAS, XL_PART, XL_BY_COLUMNS, XL_PREVIOUS);
    const firstByRows = cells.Find('*', last, XL_FORMULAS, XL_PART, XL_BY_ROWS, XL_NEXT);
    const firstByColumns = cells.Find('*', last, XL_FORMULAS, XL_PART, XL_BY_COLUMNS, XL_NEXT);
    if (!lastByColumns || !firstByRows || !firstByColumns) return null;
    return { top: firstByRows.Row, left: firstByColumns.Column, bottom: lastByRows.Row, right: lastByColumns.Column };
  }

  private async readSheet(sheet: EtWorksheet, name: string): Promise<SheetGrid> {
    const visibility = visibilityOf(sheet.Visible);
    const empty: SheetGrid = { name, originRow: 0, originCol: 0, values: [], visibility };
    const area = this.dataArea(sheet);
    if (!area) return empty;
    const cols = area.right - area.left + 1;
    const total = (area.bottom - area.top + 1) * cols;
    if (total > MAX_SHEET_CELLS) throw new HostError(tooLarge(name, total), { reason: 'SheetTooLarge' });

    // Values, in blocks of whole rows.
    const values: CellValue[][] = [];
    const rowsPerBlock = Math.max(1, Math.floor(this.blockCells / cols));
    for (let top = area.top; top <= area.bottom; top += rowsPerBlock) {
      const bottom = Math.min(area.bottom, top + rowsPerBlock - 1);
      const raw = value2Rows(sheet.Range(areaAddress({ top, left: area.left, bottom, right: area.right })).Value2, bottom - top + 1, cols);
      for (const row of raw) values.push(row.map(cellFromValue2));
      if (bottom < area.bottom) await this.yieldToUi();
    }

    // The used range may have empty rows and columns at its edges (formatted but blank cells):
    // the grid starts and ends with data, as Office.js's values-only used range does.
    let r0 = 0;
    let r1 = values.length - 1;
    const blankRow = (r: number): boolean => values[r].every((v) => v === null);
    while (r0 <= r1 && blankRow(r0)) r0++;
    while (r1 >= r0 && blankRow(r1)) r1--;
    if (r0 > r1) return empty;
    let c0 = 0;
    let c1 = cols - 1;
    const blankCol = (c: number): boolean => {
      for (let r = r0; r <= r1; r++) if (values[r][c] !== null) return false;
      return true;
    };
    while (c0 <= c1 && blankCol(c0)) c0++;
    while (c1 >= c0 && blankCol(c1)) c1--;
    const grid = values.slice(r0, r1 + 1).map((row) => row.slice(c0, c1 + 1));
    const data: Area = { top: area.top + r0, left: area.left + c0, bottom: area.top + r1, right: area.left + c1 };

    const height = data.bottom - data.top + 1;
    const width = data.right - data.left + 1;
    const numberFormats = Array.from({ length: height }, () => new Array<string>(width).fill('General'));
    const indents = Array.from({ length: height }, () => new Array<number>(width).fill(0));

    // Number formats, column by column; each column's runs hint the next one.
    let hint: number[] | undefined;
    for (let c = 0; c < width; c++) {
      const col = data.left + c;
      const runs: Array<Run<string>> = uniformRuns(
        data.top,
        data.bottom,
        (a, b) => {
          const f = sheet.Range(areaAddress({ top: a, left: col, bottom: b, right: col })).NumberFormat;
          return typeof f === 'string' ? normalizeNumberFormat(f) : null;
        },
        'General',
        hint,
      );
      for (const run of runs) for (let r = run.from; r <= run.to; r++) numberFormats[r - data.top][c] = run.value;
      hint = runs.map((run) => run.from);
    }

    // Indents of the label columns.
    hint = undefined;
    for (let c = 0; c < Math.min(INDENT_COLUMNS, width); c++) {
      const col = data.left + c;
      const runs: Array<Run<number>> = uniformRuns(
        data.top,
        data.bottom,
        (a, b) => {
          const v = sheet.Range(areaAddress({ top: a, left: col, bottom: b, right: col })).IndentLevel;
          return typeof v === 'number' ? v : null;
        },
        0,
        hint,
      );
      for (const run of runs) for (let r = run.from; r <= run.to; r++) indents[r - data.top][c] = run.value;
      hint = runs.map((run) => run.from);
    }

    return { name, originRow: data.top - 1, originCol: data.left - 1, values: grid, numberFormats, indents, visibility };
  }

  // -------------------------------------------------------------------------------------------
  // Marks

  /** Deletes our conditional formats (found by their marker) on every sheet; returns how many. */
  /** Deletes our mark rules on one sheet (from the end: deleting shifts the later items down). */
  private removeMarksOn(sheet: EtWorksheet): number {
    let removed = 0;
    const rules: EtFormatConditions = sheet.Cells.FormatConditions;
    for (let i = rules.Count; i >= 1; i--) {
      const rule = rules.Item(i);
      // Formula1 is read only from formula rules: data bars and colour scales have none.
      if (rule.Type !== XL_EXPRESSION) continue;
      if (markSeverity(rule.Formula1)) {
        rule.Delete();
        removed++;
      }
    }
    return removed;
  }

  /** Whether a sheet holds marks of ours (read only; a protected sheet can be read). */
  private hasMarks(sheet: EtWorksheet): boolean {
    const rules: EtFormatConditions = sheet.Cells.FormatConditions;
    for (let i = 1; i <= rules.Count; i++) {
      const rule = rules.Item(i);
      if (rule.Type === XL_EXPRESSION && markSeverity(rule.Formula1)) return true;
    }
    return false;
  }

  /**
   * Replaces our marks with marks for `findings` (null: clears them), sheet by sheet. A protected
   * sheet is left alone and named in the report (WPS, like Excel, refuses conditional formats
   * there); a sheet WPS fails on is named with WPS's words and the others go on.
   */
  private writeMarks(findings: Finding[] | null): MarkReport {
    const problems: Bilingual[] = [];
    const entries = listSheets(this.workbook());
    const { groups } = groupMarks(
      findings ?? [],
      entries.map((e) => e.name),
    );
    this.quietly(() => {
      for (const { sheet, name } of entries) {
        const mine = groups.filter((g) => g.sheet === name);
        if (sheet.ProtectContents) {
          if (findings && mine.length > 0) {
            const n = (findings ?? []).filter((f) => f.cells[0]?.sheet.toLowerCase() === name.toLowerCase()).length;
            problems.push(sheetProtectedForMarks(name, n));
          } else if (!findings && this.hasMarks(sheet)) problems.push(sheetProtectedForClear(name));
          continue;
        }
        try {
          this.removeMarksOn(sheet);
          for (const g of mine) {
            const style = MARK_STYLES[g.severity];
            for (const list of chunkAddressList(g.runs.map(rectAddress), MAX_ADDRESS_CHARS)) {
              const rule = sheet.Range(list).FormatConditions.Add(XL_EXPRESSION, undefined, markFormula(g.severity));
              rule.Interior.Color = bgr(style.fill);
              if (style.font) rule.Font.Color = bgr(style.font);
            }
          }
        } catch (e) {
          const detail = e instanceof Error ? e.message : String(e);
          problems.push(message('host.wps.marks-incomplete', { sheet: name, detail }));
        }
      }
    });
    return { problems };
  }

  async applyMarks(findings: Finding[]): Promise<MarkReport> {
    return this.act(ACTION.mark, () => this.writeMarks(findings));
  }

  async clearMarks(): Promise<MarkReport> {
    return this.act(ACTION.clear, () => this.writeMarks(null));
  }

  // -------------------------------------------------------------------------------------------
  // Navigation

  async selectCell(ref: CellRef): Promise<void> {
    const pos = firstCellOf(ref.address);
    if (!pos) throw new HostError(invalidAddress(ref.address, false));
    await this.select(ref, cellAddress(pos.row, pos.col));
  }

  /** Selects a range (a group the 结构 tab shows: `B5:E10`), so the user sees its cells together. */
  async selectRange(ref: CellRef): Promise<void> {
    const ends = ref.address.split(':');
    const first = firstCellOf(ends[0]);
    const last = firstCellOf(ends[ends.length - 1]);
    if (!first || !last || ends.length > 2) throw new HostError(invalidAddress(ref.address, true));
    const a = cellAddress(Math.min(first.row, last.row), Math.min(first.col, last.col));
    const b = cellAddress(Math.max(first.row, last.row), Math.max(first.col, last.col));
    await this.select(ref, a === b ? a : `${a}:${b}`);
  }

  private async select(ref: CellRef, address: string): Promise<void> {
    await this.act(ACTION.select, () => {
      const lower = ref.sheet.toLowerCase();
      const entry = listSheets(this.workbook()).find((e) => e.name.toLowerCase() === lower);
      if (!entry) throw new HostError(sheetMissing(ref.sheet), { reason: 'SheetMissing' });
      const visible = entry.sheet.Visible;
      // WPS, like Excel, cannot activate a hidden sheet: say why instead of failing.
      if (visible !== XL_SHEET_VISIBLE) {
        throw new HostError(sheetHidden(ref.sheet, ref.address, visible === XL_SHEET_VERY_HIDDEN), { reason: 'SheetHidden' });
      }
      entry.sheet.Activate();
      entry.sheet.Range(address).Select();
    });
  }

  // -------------------------------------------------------------------------------------------
  // The 校验结果 sheet

  /**
   * Writes the findings to the sheet 校验结果 as a table (one row per finding; the 单元格 column
   * links to the cell), replacing the 校验结果 sheet this add-in wrote before, as the Excel host
   * does. A 校验结果 sheet the add-in did not write is never touched.
   *
   * The block is written with the Text format ('@') so WPS stores every text as typed, then the
   * 单元格 column gets General and its HYPERLINK formulas. Numbers stay numbers under '@'.
   */
  async writeResultSheet(findings: Finding[]): Promise<{ sheet: string; table: string; rows: number }> {
    const block = buildResultBlock(findings);
    const lastRow = block.values.length;
    return this.act(ACTION.write, () => {
      const wb = this.workbook();
      const entries = listSheets(wb);
      const tables = new Map(entries.map((e) => [e.name, tableNames(e.sheet)]));
      const lower = RESULT_SHEET_NAME.toLowerCase();
      const old = entries.find((e) => e.name.toLowerCase() === lower);
      const oldTables = old ? (tables.get(old.name) ?? []) : [];
      if (old && !oldTables.some(isResultTableName)) throw new HostError(resultSheetTaken(old.name));
      const others = entries.filter((e) => e !== old).flatMap((e) => tables.get(e.name) ?? []);
      const tableName = freeTableName(others);

      return this.quietly(() => {
        if (old) {
          // Rename first so the new sheet can take the name; a workbook keeps at least one sheet.
          const names = new Set(entries.map((e) => e.name.toLowerCase()));
          let temp = `~${RESULT_SHEET_NAME}-old`;
          for (let i = 2; names.has(temp.toLowerCase()); i++) temp = `~${RESULT_SHEET_NAME}-old${i}`;
          old.sheet.Name = temp;
        }
        const sheet = addSheetAtEnd(wb, RESULT_SHEET_NAME);
        if (old) this.deleteSheet(old.sheet);

        const range = sheet.Range(`A1:${RESULT_LAST_COLUMN}${lastRow}`);
        range.NumberFormat = '@';
        range.Value2 = block.values;
        if (lastRow > 1) {
          const links = sheet.Range(`D2:D${lastRow}`);
          links.NumberFormat = 'General';
          const column = block.values.slice(1).map((row) => [row[3]]);
          links.Formula = lastRow === 2 ? column[0][0] : column;
        }
        const table = sheet.ListObjects.Add(XL_SRC_RANGE, sheet.Range(`A1:${RESULT_LAST_COLUMN}${lastRow}`), undefined, XL_YES);
        table.Name = tableName;
        table.TableStyle = RESULT_TABLE_STYLE;
        sheet.Range('A:G').Columns.AutoFit();
        sheet.Activate();
        return { sheet: RESULT_SHEET_NAME, table: tableName, rows: findings.length };
      });
    });
  }

  // -------------------------------------------------------------------------------------------
  // The 校验说明 sheet

  /**
   * Replaces the add-in's 校验说明 sheet with `rows` (header first, core/explanations), as text.
   * A 校验说明 sheet whose A1 is neither empty nor the header is the user's and is not touched.
   * The sheet the user was on stays active.
   */
  async saveExplanationRows(rows: string[][]): Promise<void> {
    const width = Math.max(1, ...rows.map((r) => r.length));
    const block = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
    await this.act(ACTION.explain, () => {
      const wb = this.workbook();
      const entries = listSheets(wb);
      const existing = entries.find((e) => e.name === EXPLANATIONS_SHEET);
      if (existing) {
        const head = cellFromValue2(existing.sheet.Range('A1').Value2);
        if (head !== null && head !== EXPLANATION_HEADER[0]) throw new HostError(explanationSheetTaken(EXPLANATIONS_SHEET));
      }
      const active = wb.ActiveSheet;
      const activeName = active.Name;
      this.quietly(() => {
        if (existing) existing.sheet.Name = `~${EXPLANATIONS_SHEET}-old`;
        const target = addSheetAtEnd(wb, EXPLANATIONS_SHEET);
        if (existing) this.deleteSheet(existing.sheet);
        if (block.length > 0) {
          const range = target.Range(`A1:${cellAddress(block.length - 1, width - 1)}`);
          range.NumberFormat = '@';
          range.Value2 = block.length === 1 && width === 1 ? block[0][0] : block;
        }
        // Adding a sheet activates it: go back to where the user was (unless that was the old
        // 校验说明 sheet, which is gone).
        if (!existing || activeName !== EXPLANATIONS_SHEET) active.Activate();
      });
    });
  }

  // -------------------------------------------------------------------------------------------
  // The 校验规则 sheet

  /**
   * Creates the sheet 校验规则 with `rows` (header first, core/rules rulesSheetTemplate()): text
   * format except for 容差 (an expression is never taken for a formula), a bold filled header,
   * column widths; then activates it. A sheet of that name (any case) is never touched, and
   * none is added to a workbook whose structure is protected.
   */
  async writeRulesSheet(rows: CellValue[][]): Promise<{ sheet: string }> {
    return this.act(ACTION.rules, () => {
      const wb = this.workbook();
      const lower = RULES_SHEET.toLowerCase();
      const taken = listSheets(wb).find((e) => e.name.toLowerCase() === lower);
      if (taken) throw new HostError(rulesSheetTaken(taken.name), { reason: 'SheetNameTaken' });
      if (wb.ProtectStructure) throw new HostError(structureLocked(RULES_SHEET), { reason: 'Protected' });
      return this.quietly(() => {
        const sheet = addSheetAtEnd(wb, RULES_SHEET);
        fillRulesSheet(sheet, rows);
        sheet.Activate();
        return { sheet: RULES_SHEET };
      });
    });
  }

  // -------------------------------------------------------------------------------------------
  // Summary tables, trend charts and the standard form (writers loaded on first use)

  /**
   * Writes a summary table (core/report TableSpec) in the Excel host's layout: on a NEW sheet
   * 汇总表 / 汇总表(2)… (Summary in English; any case) at A1, activated, gridlines off, no other
   * sheet touched; or with its title at the top-left cell of the selection, after checking that
   * everything it would cover is empty (no value or formula, no merged cell, no table), otherwise
   * a HostError (reason 'TargetOccupied') says where and nothing is written. Column widths are
   * set on a new sheet; at the selection a column is only ever widened. With `chart`, spec.chart
   * is drawn to the right of the table.
   */
  async writeSummaryTable(spec: TableSpec, target: 'new-sheet' | 'selection', options: { chart?: boolean } = {}): Promise<SummaryTableInfo> {
    return this.act(ACTION.summary, async () => {
      const writer = await import(/* webpackChunkName: "wps-summary" */ './summary-writer');
      return writer.writeSummaryTable(this.writeContext(), spec, target, !!options.chart);
    });
  }

  /**
   * A line chart of indicators over years (the 跨年 tab) on a NEW sheet 趋势图 / 趋势图(2)…: over
   * the user's cells, which stay as they are, or (TrendChartData) over a small table of the
   * values written at A1 of that sheet, with the chart below it.
   */
  async insertLineChart(ref: TrendChartRef, title: string): Promise<TrendChartInfo> {
    return this.act(ACTION.chart, async () => {
      const writer = await import(/* webpackChunkName: "wps-summary" */ './summary-writer');
      return writer.insertLineChart(this.writeContext(), ref, title);
    });
  }

  /**
   * Inserts the standard indicator form on a NEW sheet 指标表 (指标表(2)…) with values, formats,
   * borders, data validation, the header frozen, widths; and, when the workbook has no 校验规则
   * sheet, that sheet with the example rules. No existing sheet is touched; the form is activated.
   */
  async insertStandardForm(spec: StandardFormSpec): Promise<StandardFormResult> {
    return this.act(ACTION.form, async () => {
      const writer = await import(/* webpackChunkName: "wps-standard-form" */ './standard-form-writer');
      return writer.insertStandardForm(this.writeContext(), spec);
    });
  }
}
