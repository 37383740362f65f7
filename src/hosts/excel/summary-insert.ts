// Summary tables and trend charts written by the Excel adapter: on a new sheet, or at the
// selection after checking that nothing of the user's is under it (values, formulas, tables,
// merged cells); the layouts are summary-writer.ts's.
import { uniqueTableName } from '../../core/report/placement';
import type { TableSpec } from '../../core/report/table-spec';
import { message } from '../../core/i18n';
import type { Bilingual } from '../../core/types';
import type { Rect } from '../../core/region';
import { cellAddress, rectAddress } from './a1';
import { HostError, SUMMARY_AT_SELECTION, requirementMissing, sheetLocked, sheetMissing, structureLocked } from './errors';
import type { HostSession } from './host-session';
import {
  fitsOnSheet,
  filledCells,
  freeSheetName,
  isTrendChartData,
  layoutSummary,
  overlaps,
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
import { isSyncTimeout } from './sync';

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
  table: message('host.action.summary-table'),
  chart: message('host.action.trend-chart'),
} satisfies Record<string, Bilingual>;

const SUMMARY_FEATURE = {
  table: message('host.excel.feature.summary-table'),
  chart: message('host.excel.feature.trend-chart'),
} satisfies Record<string, Bilingual>;


/**
 * Writes a summary table (core/report TableSpec) laid out as the ExcelJS writer lays it out:
 * on a NEW sheet 汇总表 / 汇总表(2)… at A1 (no other sheet is touched), or with its title at
 * the top-left cell of the selection, after checking that everything it would write to is
 * empty (no value or formula, no table, no merged cell); otherwise a HostError (code
 * 'TargetOccupied') says where, and nothing is written. Column widths are set on a new sheet;
 * at a selection a column is only ever widened. With `chart`, spec.chart is drawn to the right
 * of the table (ExcelApi 1.7; skipped without it). Needs ExcelApi 1.2.
 */
export async function writeSummaryTable(s: HostSession, spec: TableSpec, target: 'new-sheet' | 'selection', options: { chart?: boolean } = {}): Promise<SummaryTableInfo> {
  if (!s.api('1.2')) throw new HostError(requirementMissing(SUMMARY_FEATURE.table, '1.2'));
  const areas = s.api('1.9');
  const withChart = !!options.chart && !!spec.chart && s.api('1.7');
  const mergeCheck = s.api('1.13');
  const gridlines = s.api('1.8');

  return s.run(SUMMARY_ACTION.table, async (ctx) => {
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
    const locked = selected ? () => false : s.structureProtection(ctx);
    await s.sync(ctx); // sync 1
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
      s.quiet(ctx);
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
        await s.sync(ctx); // sync 2
      } catch (e) {
        if (!mergeCheck || isSyncTimeout(e)) throw e;
        read = probe(mergeBandsOf(boxRect));
        await s.sync(ctx); // sync 3, on this path only
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

    if (selected) s.quiet(ctx);
    const queued = queueSummary(sheet, layout, { sheetName, tableName, areas, widths, chart: withChart });
    if (!selected) {
      sheet.getRange(`${layout.placement.titleRow + 1}:${layout.placement.titleRow + 1}`).format.rowHeight = 24;
      if (gridlines) sheet.showGridlines = false;
      sheet.activate();
    }
    await s.sync(ctx); // sync 2 (new sheet) or 3 (selection)

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
export async function insertLineChart(s: HostSession, ref: TrendChartRef, title: string): Promise<TrendChartInfo> {
  if (!s.api('1.7')) throw new HostError(requirementMissing(SUMMARY_FEATURE.chart, '1.7'));
  // Values (per-year sheets, long tables) are written as a table on the new sheet and charted
  // there; cells of the user's sheet are charted where they are.
  const cells = isTrendChartData(ref) ? null : ref;
  const table = isTrendChartData(ref) ? planTrendData(ref) : null;
  const plan = cells ? planTrend(cells) : null;
  return s.run(SUMMARY_ACTION.chart, async (ctx) => {
    const worksheets = ctx.workbook.worksheets;
    worksheets.load('items/name');
    const locked = s.structureProtection(ctx);
    await s.sync(ctx); // sync 1
    const source = cells ? worksheets.items.find((w) => w.name.toLowerCase() === cells.sheet.toLowerCase()) : undefined;
    if (cells && !source) throw new HostError(sheetMissing(cells.sheet), { reason: 'SheetMissing' });
    const sheetName = freeSheetName(
      worksheets.items.map((w) => w.name),
      TREND_SHEET_NAME,
    );
    if (locked()) throw new HostError(structureLocked(sheetName), { reason: 'Protected' });
    s.quiet(ctx);
    const sheet = worksheets.add(sheetName);
    let chart: Excel.Chart;
    if (table) {
      const range = sheet.getRange(table.block.address);
      range.numberFormat = table.block.numberFormats;
      range.values = table.block.values;
      sheet.getRange('A1').format.columnWidth = table.nameWidth;
      sheet.getRange(table.headerRow).format.font.bold = true;
      chart = queueTrendChart(sheet, sheet, table.plan, title, table.position);
    } else {
      chart = queueTrendChart(sheet, source as Excel.Worksheet, plan as NonNullable<typeof plan>, title);
    }
    sheet.activate();
    await s.sync(ctx); // sync 2
    return { sheet: sheetName, chart: chart.name, ...(table ? { data: table.block.address } : {}) };
  });
}


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
