// The whole contract between a host (Excel, WPS, the .xlsx file host of the preview and the CLI,
// the tests' fakes) and what drives it (the task pane, the preview, the CLI): what every host
// does, and the capabilities a host may have, each with its guard. The engine and the UI talk to
// a workbook only through this; never to Office.js, the WPS API or ExcelJS directly.
import type { StandardFormResult, StandardFormSpec } from './report/standard-form';
import type { TableSpec } from './report/table-spec';
import type { Bilingual, CellRef, CellValue, Finding, Progress, WorkbookSnapshot } from './types';

// ---------------------------------------------------------------------------------------------
// Required: every host

/**
 * What a host could not do while marking or clearing (a protected sheet, a rule Excel cannot
 * read or delete), each said in both languages; everything else was done.
 */
export interface MarkReport {
  problems: Bilingual[];
}

export interface Host {
  /** A short name of the host for the UI ("Excel", "预览"). */
  readonly kind: 'excel' | 'wps' | 'xlsx' | 'fake';
  readWorkbook(onProgress?: Progress): Promise<WorkbookSnapshot>;
  /** Marks the first cell of every finding by severity, reversibly. Replaces earlier marks. */
  applyMarks(findings: Finding[]): Promise<MarkReport | void>;
  /** Removes every mark this add-in made and restores what was there exactly. */
  clearMarks(): Promise<MarkReport | void>;
  /** Activates the sheet and selects the cell. */
  selectCell(ref: CellRef): Promise<void>;
  /** Writes the add-in's 校验结果 sheet (replacing its own earlier one), where the host can. */
  writeResultSheet?(findings: Finding[]): Promise<unknown>;
  /**
   * Replaces the add-in's 校验说明 sheet with these rows (header first, see core/explanations):
   * explanations live in the workbook so they survive save and reopen.
   */
  saveExplanationRows?(rows: string[][]): Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Optional: capabilities the tabs use when the host has them (Excel and WPS have all; the
// preview's .xlsx host has some). A tab checks with the guard and hides or explains what is missing.

/** A chart over the user's cells (a wide sheet: the year header cells and an indicator's row). */
export interface TrendChartCells {
  /** The user's sheet holding the data. */
  sheet: string;
  /** A1 range of the category names (the year cells): one row or one column. */
  categories: string;
  series: Array<{ name: string; values: string }>;
}

/**
 * A chart over values (per-year sheets, long tables, rows whose cells are text such as 585,900):
 * they are written as a small table on the add-in's own new 趋势图 sheet, which the chart plots.
 * Nothing is written to the user's sheets.
 */
export interface TrendChartData {
  /** Header of the name column (指标 / Indicator). */
  header?: string;
  /** The years in order: the chart's categories (written as text). */
  categories: string[];
  /** One row per indicator; null where the year has no value (a gap in the line). */
  series: Array<{ name: string; values: Array<number | null>; numberFormat?: string }>;
}

export type TrendChartRef = TrendChartCells | TrendChartData;

export function isTrendChartData(ref: TrendChartRef): ref is TrendChartData {
  return Array.isArray(ref.categories);
}

export interface SummaryTableWriter {
  /** Writes a summary table on a new sheet or at the selected cell; never over user values. */
  writeSummaryTable(spec: TableSpec, target: 'new-sheet' | 'selection', options?: { chart?: boolean }): Promise<{ sheet: string; address: string; chart?: string }>;
}

export interface LineChartInserter {
  /** A line chart of indicators over years on a new sheet; the data stays where it is. */
  insertLineChart(ref: TrendChartRef, title: string): Promise<{ sheet: string; chart: string }>;
}

export interface RulesSheetWriter {
  /** Creates the 校验规则 sheet with these rows (header first); refuses when it already exists. */
  writeRulesSheet(rows: CellValue[][]): Promise<{ sheet: string }>;
}

export interface StandardFormInserter {
  /**
   * Inserts the standard indicator form on a new sheet (指标表, 指标表(2)…) and, when the workbook
   * has none, a 校验规则 sheet with example rules; never changes an existing sheet.
   */
  insertStandardForm(spec: StandardFormSpec): Promise<StandardFormResult>;
}

const has = (host: Host, method: string): boolean => typeof (host as unknown as Record<string, unknown>)[method] === 'function';

export const canWriteSummaryTable = (host: Host): host is Host & SummaryTableWriter => has(host, 'writeSummaryTable');
export const canInsertLineChart = (host: Host): host is Host & LineChartInserter => has(host, 'insertLineChart');
export const canWriteRulesSheet = (host: Host): host is Host & RulesSheetWriter => has(host, 'writeRulesSheet');
export const canInsertStandardForm = (host: Host): host is Host & StandardFormInserter => has(host, 'insertStandardForm');
