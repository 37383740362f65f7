// Optional host capabilities the tabs use when the host has them (Excel has all; the browser
// preview's xlsx host has some). A tab checks with the guard and hides or explains what is missing.
import type { CellValue, Host } from '../core/types';
import type { StandardFormResult, StandardFormSpec } from '../core/report/standard-form';
import type { TableSpec } from '../core/report/table-spec';
import type { TrendChartRef } from '../hosts/excel/summary-writer';

export type { TrendChartRef };

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
