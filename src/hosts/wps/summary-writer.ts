// The WPS writer of summary tables (汇总表, core/report TableSpec) and of the 跨年 tab's trend
// charts, on WPS's COM-like object model. What goes where is the Excel host's pure layout
// (hosts/excel/summary-writer.ts: layoutSummary, planTrend, planTrendData), so a table lands in
// the same cells with the same formats in Excel and in WPS; this file only says it in COM:
//
//   values      one Value2 assignment per block (title lines, the table, notes and source)
//   formats     NumberFormat once per format and list of areas (sheets.ts writeBlock)
//   merges      Range(…).Merge() per merged area (the title, group headings)
//   the table   ListObjects.Add over the column names and body, named and styled
//   styles      fonts, fills and alignments once per style and list of areas
//   widths      ColumnWidth in characters (the layout's points converted back)
//   chart       ChartObjects().Add at the layout's cells, one NewSeries per plotted column
//
// Calls into WPS therefore depend on the table's columns and on how often a format or style
// changes down them, not on its rows: a table whose rows share formats costs the same for 20
// rows as for 400.
//
// At the selection, nothing is written until the check has passed: the cells under the table's
// footprint are read as formulas (a constant shows as typed, so values and formulas both show),
// merged cells are looked for with MergeCells over halves of the footprint, and the sheet's
// tables are compared with it.
import { STATUS_COLOR, STATUS_FILL, uniqueTableName, type Box } from '../../core/report/placement';
import type { TableSpec } from '../../core/report/table-spec';
import { message } from '../../core/i18n';
import type { Bilingual } from '../../core/types';
import { cellAddress, rectAddress, type Rect } from '../excel/a1';
import { HostError, SUMMARY_AT_SELECTION, sheetMissing } from '../excel/errors';
import type { SummaryTableInfo, TrendChartInfo } from '../excel/excel-host';
import {
  SUMMARY_TABLE_STYLE,
  TREND_SHEET_NAME,
  filledCells,
  fitsOnSheet,
  freeSheetName,
  isTrendChartData,
  layoutSummary,
  officeColor,
  overlaps,
  planTrend,
  planTrendData,
  summarySheetBase,
  targetOccupied,
  targetOffSheet,
  type Occupancy,
  type SummaryLayout,
  type TrendChartRef,
  type TrendPlan,
} from '../excel/summary-writer';
import { bgr, value2Rows } from './com-values';
import { chartObjectsOf, type EtApplication, type EtRange, type EtWorkbook, type EtWorksheet } from './et-api';
import {
  addSheetAtEnd,
  boxRect,
  columnWidthChars,
  forAreas,
  joinAcross,
  listSheets,
  rectOf,
  sheetLocked,
  structureLocked,
  takenNames,
  writeBlock,
} from './sheets';

/** What the writers need from the host. */
export interface WriteContext {
  app: EtApplication;
  /** The open workbook (a HostError when none is): asked for only after the plan is checked. */
  workbook(): EtWorkbook;
  /** Runs `work` with screen updating off. */
  quietly<T>(work: () => T): T;
  /** Cells per Formula read when checking the cells under a table. */
  blockCells: number;
}

// XlHAlign / XlVAlign, XlListObjectSourceType, XlYesNoGuess, XlChartType.
const XL_LEFT = -4131;
const XL_CENTER = -4108;
const XL_RIGHT = -4152;
const XL_SRC_RANGE = 1;
const XL_YES = 1;
const XL_COLUMN_CLUSTERED = 51;
const XL_LINE_MARKERS = 65;

const H_ALIGN = { Left: XL_LEFT, Center: XL_CENTER, Right: XL_RIGHT } as const;
const GREY_NOTE = bgr('#595959');
const GREY_SOURCE = bgr('#7F7F7F');
/** Where a chart over the user's cells goes on its new sheet: A1:K23, as in the Excel host. */
const TREND_CHART_AREA = 'A1:K23';


const NO_SELECTION: Bilingual = message('host.summary.no-selection');

// ---------------------------------------------------------------------------------------------
// Summary tables

/**
 * Writes the table on a NEW sheet 汇总表 / 汇总表(2)… (Summary… in English) at A1, or with its
 * title at the top-left cell of the selection once everything it would cover is empty; see
 * WpsHost.writeSummaryTable.
 */
export function writeSummaryTable(cx: WriteContext, spec: TableSpec, target: 'new-sheet' | 'selection', chart: boolean): SummaryTableInfo {
  const withChart = chart && !!spec.chart;
  return target === 'new-sheet' ? onNewSheet(cx, spec, withChart) : atSelection(cx, spec, withChart);
}

function onNewSheet(cx: WriteContext, spec: TableSpec, withChart: boolean): SummaryTableInfo {
  const wb = cx.workbook();
  const base = summarySheetBase(spec.lang);
  if (wb.ProtectStructure) throw new HostError(structureLocked(base, SUMMARY_AT_SELECTION), { reason: 'Protected' });
  const entries = listSheets(wb);
  const sheetName = freeSheetName(
    entries.map((e) => e.name),
    base,
  );
  const tableName = uniqueTableName(takenNames(wb, entries));
  const layout = layoutSummary(spec, 0, 0);
  return cx.quietly(() => {
    const sheet = addSheetAtEnd(wb, sheetName);
    // The title row's height first: a chart is placed over cells by their size when it is added.
    const titleRow = layout.placement.titleRow + 1;
    sheet.Range(`${titleRow}:${titleRow}`).RowHeight = 24;
    const chartName = writeSummary(sheet, layout, { tableName, widths: layout.widths.map(columnWidthChars), chart: withChart });
    sheet.Activate();
    // The window shows the active sheet: gridlines off on the new sheet only.
    const window = cx.app.ActiveWindow;
    if (window) window.DisplayGridlines = false;
    return info(sheetName, layout, tableName, chartName);
  });
}

function atSelection(cx: WriteContext, spec: TableSpec, withChart: boolean): SummaryTableInfo {
  const wb = cx.workbook();
  const anchor = selectedRange(cx.app);
  const sheet = anchor.Worksheet;
  const sheetName = sheet.Name;
  const row = anchor.Row - 1;
  const col = anchor.Column - 1;
  if (sheet.ProtectContents) throw new HostError(sheetLocked(sheetName), { reason: 'Protected' });
  const layout = layoutSummary(spec, row, col);
  if (!fitsOnSheet(layout)) throw new HostError(targetOffSheet(sheetName, cellAddress(row, col)), { reason: 'TargetOffSheet' });
  const box = layout.footprint;
  const occupancy = probe(sheet, box, cx.blockCells);
  if (occupancy.cells.length + occupancy.merges.length + occupancy.tables.length > 0) {
    throw new HostError(targetOccupied(sheetName, box, occupancy), { reason: 'TargetOccupied' });
  }
  // Never narrow a column of the user's sheet: a width is set only where it widens the column.
  const widths = layout.widths.map((points, j) => {
    const wanted = columnWidthChars(points);
    const now = sheet.Range(cellAddress(box.top, box.left + j)).ColumnWidth;
    return typeof now === 'number' && now >= wanted ? null : wanted;
  });
  const tableName = uniqueTableName(takenNames(wb, listSheets(wb)));
  return cx.quietly(() => info(sheetName, layout, tableName, writeSummary(sheet, layout, { tableName, widths, chart: withChart })));
}

function info(sheet: string, layout: SummaryLayout, table: string, chart: string | undefined): SummaryTableInfo {
  return {
    sheet,
    address: rectAddress(boxRect(layout.footprint)),
    tableAddress: layout.placement.tableAddress,
    table,
    ...(chart ? { chart } : {}),
  };
}

/**
 * The selected cells' range; when a chart or shape is selected instead, the active cell (the
 * cell selection under it). A range of several areas counts by its first area.
 */
function selectedRange(app: EtApplication): EtRange {
  const selection = app.Selection;
  if (isRange(selection)) return selection;
  const cell = app.ActiveCell;
  if (!cell) throw new HostError(NO_SELECTION);
  return cell;
}

function isRange(o: unknown): o is EtRange {
  if (!o || typeof o !== 'object') return false;
  try {
    return typeof (o as EtRange).Row === 'number';
  } catch {
    // A chart or shape object has no Row.
    return false;
  }
}

/** What is in the way under `box`: cells with content, merged areas, tables. */
function probe(sheet: EtWorksheet, box: Box, blockCells: number): Occupancy {
  const rect = boxRect(box);
  const cols = rect.c1 - rect.c0 + 1;
  const rowsPerBlock = Math.max(1, Math.floor(blockCells / cols));
  const cells: string[] = [];
  for (let top = rect.r0; top <= rect.r1 && cells.length < 6; top += rowsPerBlock) {
    const bottom = Math.min(rect.r1, top + rowsPerBlock - 1);
    // Formula gives a constant as typed and a formula as written, '' only for an empty cell: one
    // read finds both, also a formula that shows an empty text.
    const formulas = value2Rows(sheet.Range(rectAddress({ r0: top, c0: rect.c0, r1: bottom, c1: rect.c1 })).Formula, bottom - top + 1, cols);
    cells.push(...filledCells(formulas, null, top, rect.c0, 6 - cells.length));
  }
  const merged = firstMerged(sheet, rect, false);
  return { cells, merges: merged ? [merged] : [], tables: overlappingTables(sheet, box) };
}

/**
 * The address of a merged area overlapping `r`, or null. MergeCells of a range is false when
 * none of its cells is merged; otherwise the range is halved (its longer side) until one cell
 * is left, whose MergeArea is the area: about 4·log2(cells) calls, none when nothing is merged
 * beyond the first. `known`: the caller knows `r` holds merged cells.
 */
function firstMerged(sheet: EtWorksheet, r: Rect, known: boolean): string | null {
  if (!known && sheet.Range(rectAddress(r)).MergeCells === false) return null;
  if (r.r0 === r.r1 && r.c0 === r.c1) return sheet.Range(rectAddress(r)).MergeArea.Address(false, false);
  const [a, b] = halves(r);
  return firstMerged(sheet, a, false) ?? firstMerged(sheet, b, true);
}

function halves(r: Rect): [Rect, Rect] {
  if (r.r1 - r.r0 >= r.c1 - r.c0) {
    const mid = Math.floor((r.r0 + r.r1) / 2);
    return [
      { ...r, r1: mid },
      { ...r, r0: mid + 1 },
    ];
  }
  const mid = Math.floor((r.c0 + r.c1) / 2);
  return [
    { ...r, c1: mid },
    { ...r, c0: mid + 1 },
  ];
}

/** The names of the sheet's tables that overlap `box`. */
function overlappingTables(sheet: EtWorksheet, box: Box): string[] {
  const tables = sheet.ListObjects;
  const n = tables.Count;
  const out: string[] = [];
  for (let i = 1; i <= n; i++) {
    const t = tables.Item(i);
    const r = t.Range;
    const top = r.Row - 1;
    const left = r.Column - 1;
    if (overlaps(box, { top, left, bottom: top + r.Rows.Count - 1, right: left + r.Columns.Count - 1 })) out.push(t.Name);
  }
  return out;
}

interface SummaryOptions {
  tableName: string;
  /** ColumnWidth (characters) by column of the table; null keeps the column's width. */
  widths: Array<number | null>;
  chart: boolean;
}

/** Writes everything of `layout` on `sheet`; returns the chart's name when one was drawn. */
function writeSummary(sheet: EtWorksheet, layout: SummaryLayout, o: SummaryOptions): string | undefined {
  for (const block of [layout.head, layout.table, layout.tail]) writeBlock(sheet, block);
  for (const m of layout.merges) sheet.Range(m).Merge();

  const title = sheet.Range(layout.titleRow);
  const titleFont = title.Font;
  titleFont.Bold = true;
  titleFont.Size = 14;
  title.HorizontalAlignment = XL_CENTER;
  title.VerticalAlignment = XL_CENTER;
  const units = sheet.Range(layout.unitsCell).Font;
  units.Italic = true;
  units.Color = GREY_NOTE;
  if (layout.groupRows) {
    const groups = sheet.Range(layout.groupRows);
    groups.Font.Bold = true;
    groups.HorizontalAlignment = XL_CENTER;
  }

  const table = sheet.ListObjects.Add(XL_SRC_RANGE, sheet.Range(layout.table.address), undefined, XL_YES);
  table.Name = o.tableName;
  table.TableStyle = SUMMARY_TABLE_STYLE;

  const header = sheet.Range(layout.headerRow);
  header.HorizontalAlignment = XL_CENTER;
  header.VerticalAlignment = XL_CENTER;
  sheet.Range(layout.body).VerticalAlignment = XL_CENTER;
  for (const g of layout.alignments) {
    forAreas(sheet, joinAcross(g.addresses.map(rectOf)), (r) => {
      r.HorizontalAlignment = H_ALIGN[g.key];
    });
  }
  for (const g of layout.statuses) {
    forAreas(sheet, joinAcross(g.addresses.map(rectOf)), (r) => {
      const font = r.Font;
      font.Color = bgr(officeColor(STATUS_COLOR[g.key]));
      if (g.key === 'error') font.Bold = true;
      r.Interior.Color = bgr(officeColor(STATUS_FILL[g.key]));
    });
  }

  if (layout.notes) sheet.Range(layout.notes).Font.Color = GREY_NOTE;
  const source = sheet.Range(layout.sourceCell).Font;
  source.Italic = true;
  source.Size = 9;
  source.Color = GREY_SOURCE;

  const left = layout.placement.table.left;
  o.widths.forEach((w, j) => {
    if (w !== null) sheet.Range(cellAddress(layout.placement.titleRow, left + j)).ColumnWidth = w;
  });

  const c = layout.chart;
  if (!o.chart || !c) return undefined;
  const type = c.type === 'LineMarkers' ? XL_LINE_MARKERS : XL_COLUMN_CLUSTERED;
  return addChart(sheet, sheet, type, c, `${c.start}:${c.end}`, c.title);
}

/**
 * A chart on `on` over cells of `data` (the same sheet or another), covering the cells `place`
 * of `on`: an empty chart object, one series per plotted range with its name, values and the
 * category names, then the type and the title. Returns the chart object's name.
 */
function addChart(on: EtWorksheet, data: EtWorksheet, type: number, plot: Pick<TrendPlan, 'categories' | 'series'>, place: string, title: string): string {
  const area = on.Range(place);
  const object = chartObjectsOf(on.ChartObjects()).Add(area.Left, area.Top, area.Width, area.Height);
  const chart = object.Chart;
  const series = chart.SeriesCollection();
  // Some chart APIs plot the selection at once (Excel's Shapes.AddChart does): start from none.
  for (let i = series.Count; i >= 1; i--) series.Item(i).Delete();
  const categories = data.Range(plot.categories);
  for (const s of plot.series) {
    const added = series.NewSeries();
    added.Name = s.name;
    added.Values = data.Range(s.values);
    added.XValues = categories;
  }
  chart.ChartType = type;
  chart.HasTitle = true;
  chart.ChartTitle.Text = title;
  return object.Name;
}

// ---------------------------------------------------------------------------------------------
// The 跨年 trend chart

/**
 * A line chart of indicators over years on a NEW sheet 趋势图 / 趋势图(2)…: over the user's cells
 * (which stay as they are), or, given values, over a small table written at A1 of that sheet
 * with the chart below it; see WpsHost.insertLineChart. The ranges or values are checked
 * before anything is asked of WPS.
 */
export function insertLineChart(cx: WriteContext, ref: TrendChartRef, title: string): TrendChartInfo {
  const fromValues = isTrendChartData(ref) ? planTrendData(ref) : null;
  const overCells = isTrendChartData(ref) ? null : { sheet: ref.sheet, plan: planTrend(ref) };
  const wb = cx.workbook();
  if (wb.ProtectStructure) throw new HostError(structureLocked(TREND_SHEET_NAME), { reason: 'Protected' });
  const entries = listSheets(wb);
  let source: EtWorksheet | undefined;
  if (overCells) {
    const lower = overCells.sheet.toLowerCase();
    source = entries.find((e) => e.name.toLowerCase() === lower)?.sheet;
    if (!source) throw new HostError(sheetMissing(overCells.sheet), { reason: 'SheetMissing' });
  }
  const sheetName = freeSheetName(
    entries.map((e) => e.name),
    TREND_SHEET_NAME,
  );
  return cx.quietly(() => {
    const sheet = addSheetAtEnd(wb, sheetName);
    let chart: string;
    if (fromValues) {
      writeBlock(sheet, fromValues.block);
      sheet.Range('A1').ColumnWidth = columnWidthChars(fromValues.nameWidth);
      sheet.Range(fromValues.headerRow).Font.Bold = true;
      chart = addChart(sheet, sheet, XL_LINE_MARKERS, fromValues.plan, `${fromValues.position.start}:${fromValues.position.end}`, title);
    } else {
      chart = addChart(sheet, source as EtWorksheet, XL_LINE_MARKERS, overCells!.plan, TREND_CHART_AREA, title);
    }
    sheet.Activate();
    return fromValues ? { sheet: sheetName, chart, data: fromValues.block.address } : { sheet: sheetName, chart };
  });
}
