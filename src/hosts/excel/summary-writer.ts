// The Office.js writer of a summary TableSpec (core/report), and of the 跨年 tab's trend chart.
// Pure planning (what goes where, in which formats and styles) is separate from queueing the
// Office.js operations, so the ExcelHost decides the syncs and the requirement sets.
//
// The layout comes from core/report/placement.ts (placeTable), the geometry the ExcelJS writer
// (hosts/xlsx/write-table.ts) uses as well, so both hosts put every part in the same cell:
//
//   title (merged across, bold 14)            ← one values block: title, units, group rows
//   units line (italic, grey)
//   [group header rows, bold, merged]
//   column names ┐ the Excel table          ← ONE values block + ONE numberFormat block
//   body rows    ┘ (TableStyleMedium2)
//   notes (grey)                              ← one values block: notes and source line
//   source line (italic, grey, size 9)
//
// Styles that vary by cell (horizontal alignment, status colours) are grouped by style into
// vertical runs of cells; with ExcelApi 1.9 each group is one RangeAreas per address list under
// 8,000 characters (`getRanges`), before 1.9 one range per run. Either way the number of
// operations depends on how the styles vary, never on a sync: all of it goes in one sync.
import {
  STATUS_COLOR,
  STATUS_FILL,
  bodyAlignments,
  bodyNumberFormats,
  bodyValues,
  boxAddress,
  footprint,
  placeTable,
  type Box,
  type TablePlacement,
} from '../../core/report/placement';
import type { CellStatus, TableSpec } from '../../core/report/table-spec';
import { message, text } from '../../core/i18n';
import type { Bilingual, Lang } from '../../core/types';
import { MAX_COLUMNS, MAX_ROWS, cellAddress, chunkAddressList, columnIndex, mergeCellsIntoRuns, quoteSheetName, rectAddress, type CellPos, type Rect } from './a1';
import { HostError } from './errors';
import { freeSheetName } from '../../core/sheet-names';
import { isTrendChartData, type TrendChartCells, type TrendChartData, type TrendChartRef } from '../../core/host';

export const SUMMARY_TABLE_STYLE = 'TableStyleMedium2';
export const TREND_SHEET_NAME = '趋势图';
/** getRanges address lists stay below this (Excel's limit is 8,192; office-js#5198). */
const MAX_ADDRESS_CHARS = 8000;
/** The chart next to a summary table: columns and rows it spans. */
const CHART_COLUMNS = 8;
const CHART_ROWS = 18;
/** Excel's limit on series in one chart. */
const MAX_CHART_SERIES = 255;

const GREY_NOTE = '#595959';
const GREY_SOURCE = '#7F7F7F';

/** The name of the summary sheet for a language: 汇总表 (core/sheet-names.ts SUMMARY_SHEET) / Summary. */
export function summarySheetBase(lang: Lang): string {
  return text(lang, 'host.summary.sheet-name');
}

export { freeSheetName };

/** A column width in characters (as ExcelJS and the spec give it) in points: (w·7 + 5) px × 0.75. */
export function columnWidthPoints(chars: number): number {
  return (chars * 7 + 5) * 0.75;
}

/** ARGB (`FF9C0006`, as core/report gives colours) → `#9C0006` (as Office.js takes them). */
export function officeColor(argb: string): string {
  return `#${argb.slice(-6).toUpperCase()}`;
}

/**
 * True when Excel would not keep `s` as the text it is when written through Range.values into a
 * General cell: formulas, numbers (1,234 / 5% / 1e5 / (5)), dates and times, booleans, error
 * literals. Such cells get the Text format (@) so they stay text, as the ExcelJS writer keeps them.
 */
export function wouldBeReinterpreted(s: string): boolean {
  const t = s.trim();
  if (t === '') return false;
  if (/^[=+\-@#]/.test(t)) return true;
  if (/^\(?[$¥￥]?[\d,.]+\)?\s*%?$/.test(t) && /\d/.test(t)) return true;
  if (/^[\d.]+[eE][-+]?\d+$/.test(t)) return true;
  if (/^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?/.test(t)) return true;
  if (/^\d{1,4}年\d{1,2}月/.test(t) || /^\d{1,2}月\d{1,2}日/.test(t)) return true;
  if (/^\d{1,2}:\d{2}/.test(t)) return true;
  if (/^\d+\s+\d+\/\d+$/.test(t)) return true;
  return /^(true|false)$/i.test(t);
}

function textFormat(v: number | string, format: string): string {
  return typeof v === 'string' && wouldBeReinterpreted(v) ? '@' : format;
}

// ---------------------------------------------------------------------------------------------
// Planning

type HAlign = 'Left' | 'Right' | 'Center';

export interface ValueBlock {
  /** A1 range (no sheet). */
  address: string;
  values: Array<Array<number | string>>;
  numberFormats: string[][];
}

export interface StyleGroup<K> {
  key: K;
  /** A1 addresses of vertical runs of cells sharing the style. */
  addresses: string[];
}

export interface ChartPlan {
  type: 'ColumnClustered' | 'LineMarkers';
  title: string;
  categories: string;
  series: Array<{ name: string; values: string }>;
  /** Top-left and bottom-right cells of the chart (to the right of the table). */
  start: string;
  end: string;
}

export interface SummaryLayout {
  placement: TablePlacement;
  footprint: Box;
  /** Title, units line and group header rows. */
  head: ValueBlock;
  /** Column names and body: the Excel table's range. */
  table: ValueBlock;
  /** Notes and the source line (one column). */
  tail: ValueBlock;
  merges: string[];
  titleRow: string;
  unitsCell: string;
  groupRows?: string;
  headerRow: string;
  body: string;
  alignments: Array<StyleGroup<HAlign>>;
  statuses: Array<StyleGroup<CellStatus>>;
  notes?: string;
  sourceCell: string;
  /** Column widths in points, from the left column of the table. */
  widths: number[];
  chart?: ChartPlan;
}

const H_ALIGN: Record<'left' | 'right' | 'center', HAlign> = { left: 'Left', right: 'Right', center: 'Center' };

function groupRuns<K>(cells: Map<K, CellPos[]>): Array<StyleGroup<K>> {
  return [...cells].map(([key, list]) => ({ key, addresses: mergeCellsIntoRuns(list).map(rectAddress) }));
}

/** Everything the writer puts on the sheet, with the title at (top, left), 0-based. */
export function layoutSummary(spec: TableSpec, top: number, left: number): SummaryLayout {
  const p = placeTable(spec, top, left);
  const width = p.width;
  const right = p.table.right;
  const names = (spec.header[spec.header.length - 1] ?? []).map((n) => n ?? '');
  const pad = (row: Array<string | null>): string[] => Array.from({ length: width }, (_, j) => row[j] ?? '');

  const headValues: string[][] = [pad([spec.title]), pad([spec.subtitle]), ...spec.header.slice(0, -1).map(pad)];
  const head: ValueBlock = {
    address: rectAddress({ r0: p.titleRow, c0: left, r1: p.table.top - 1, c1: right }),
    values: headValues,
    numberFormats: headValues.map((row) => row.map((v) => textFormat(v, 'General'))),
  };

  const body = bodyValues(spec);
  const formats = bodyNumberFormats(spec);
  const table: ValueBlock = {
    address: p.tableAddress,
    values: [pad(names), ...body],
    numberFormats: [pad(names).map((v) => textFormat(v, 'General')), ...body.map((row, i) => row.map((v, j) => textFormat(v, formats[i][j])))],
  };

  const tailValues = [...spec.notes, spec.source].map((s) => [s]);
  const tail: ValueBlock = {
    address: rectAddress({ r0: p.table.bottom + 1, c0: left, r1: p.sourceRow, c1: left }),
    values: tailValues,
    numberFormats: tailValues.map((row) => row.map((v) => textFormat(v, 'General'))),
  };

  const bodyTop = p.table.top + 1;
  const aligns = bodyAlignments(spec);
  const byAlign = new Map<HAlign, CellPos[]>();
  aligns.forEach((row, i) =>
    row.forEach((a, j) => {
      const k = H_ALIGN[a];
      if (!byAlign.has(k)) byAlign.set(k, []);
      byAlign.get(k)!.push({ row: bodyTop + i, col: left + j });
    }),
  );
  const byStatus = new Map<CellStatus, CellPos[]>();
  spec.body.forEach((row, i) =>
    row.forEach((cell, j) => {
      const s = cell.status;
      // As the ExcelJS writer: an 'ok' number is not coloured, an 'ok' status text is.
      if (!s || (s === 'ok' && cell.format !== 'text')) return;
      if (!byStatus.has(s)) byStatus.set(s, []);
      byStatus.get(s)!.push({ row: bodyTop + i, col: left + j });
    }),
  );

  return {
    placement: p,
    footprint: footprint(p),
    head,
    table,
    tail,
    merges: p.merges.map(boxAddress),
    titleRow: rectAddress({ r0: p.titleRow, c0: left, r1: p.titleRow, c1: right }),
    unitsCell: cellAddress(p.unitsRow, left),
    groupRows: p.groupRows.length > 0 ? rectAddress({ r0: p.groupRows[0], c0: left, r1: p.groupRows[p.groupRows.length - 1], c1: right }) : undefined,
    headerRow: rectAddress({ r0: p.table.top, c0: left, r1: p.table.top, c1: right }),
    body: rectAddress({ r0: bodyTop, c0: left, r1: p.table.bottom, c1: right }),
    alignments: groupRuns(byAlign),
    statuses: groupRuns(byStatus),
    notes: spec.notes.length > 0 ? rectAddress({ r0: p.noteRows[0], c0: left, r1: p.noteRows[p.noteRows.length - 1], c1: left }) : undefined,
    sourceCell: cellAddress(p.sourceRow, left),
    widths: Array.from({ length: width }, (_, j) => columnWidthPoints(spec.widths[j] ?? 8.43)),
    chart: planChart(spec, p, names),
  };
}

/**
 * The chart of spec.chart over the written body: the category column and one series per plotted
 * column. `rows` picks body rows; a Range must be contiguous, so the chart spans the first to the
 * last picked row (rows in between, if any, are plotted too).
 */
function planChart(spec: TableSpec, p: TablePlacement, names: string[]): ChartPlan | undefined {
  const hint = spec.chart;
  if (!hint || spec.body.length === 0) return undefined;
  const width = p.width;
  const rows = (hint.rows ?? spec.body.map((_, i) => i)).filter((i) => Number.isInteger(i) && i >= 0 && i < spec.body.length);
  const columns = hint.seriesColumns.filter((j) => Number.isInteger(j) && j >= 0 && j < width && j !== hint.categoryColumn);
  if (rows.length === 0 || columns.length === 0 || hint.categoryColumn < 0 || hint.categoryColumn >= width) return undefined;
  const r0 = p.table.top + 1 + Math.min(...rows);
  const r1 = p.table.top + 1 + Math.max(...rows);
  const col = (j: number) => rectAddress({ r0, c0: p.table.left + j, r1, c1: p.table.left + j });
  const startCol = p.table.right + 2;
  if (startCol >= MAX_COLUMNS) return undefined;
  return {
    type: hint.type === 'line' ? 'LineMarkers' : 'ColumnClustered',
    title: hint.title,
    categories: col(hint.categoryColumn),
    series: columns.map((j) => ({ name: names[j], values: col(j) })),
    start: cellAddress(p.titleRow, startCol),
    end: cellAddress(Math.min(MAX_ROWS - 1, p.titleRow + CHART_ROWS - 1), Math.min(MAX_COLUMNS - 1, startCol + CHART_COLUMNS - 1)),
  };
}

/** True when the whole layout fits on a sheet (rows and columns). */
export function fitsOnSheet(layout: SummaryLayout): boolean {
  return layout.footprint.bottom < MAX_ROWS && layout.footprint.right < MAX_COLUMNS;
}

// ---------------------------------------------------------------------------------------------
// Queueing (no syncs here)

export interface QueueOptions {
  sheetName: string;
  tableName: string;
  /** ExcelApi 1.9: style groups as RangeAreas. */
  areas: boolean;
  /** Widths to set, by column of the table; null keeps the column's width. */
  widths: Array<number | null>;
  /** Writes spec.chart (needs ExcelApi 1.7). */
  chart: boolean;
}

export interface QueuedSummary {
  table: Excel.Table;
  chart?: Excel.Chart;
}

/** Queues every write of `layout` on `sheet`: values, merges, the table, styles, widths, chart. */
export function queueSummary(sheet: Excel.Worksheet, layout: SummaryLayout, o: QueueOptions): QueuedSummary {
  // Values: formats first, so that text stays text.
  for (const block of [layout.head, layout.table, layout.tail]) {
    const r = sheet.getRange(block.address);
    r.numberFormat = block.numberFormats;
    r.values = block.values;
  }
  for (const m of layout.merges) sheet.getRange(m).merge(false);

  const title = sheet.getRange(layout.titleRow).format;
  title.font.bold = true;
  title.font.size = 14;
  title.horizontalAlignment = 'Center';
  title.verticalAlignment = 'Center';
  const units = sheet.getRange(layout.unitsCell).format.font;
  units.italic = true;
  units.color = GREY_NOTE;
  if (layout.groupRows) {
    const g = sheet.getRange(layout.groupRows).format;
    g.font.bold = true;
    g.horizontalAlignment = 'Center';
  }

  const table = sheet.tables.add(`${quoteSheetName(o.sheetName)}!${layout.table.address}`, true);
  table.name = o.tableName;
  table.style = SUMMARY_TABLE_STYLE;

  const header = sheet.getRange(layout.headerRow).format;
  header.horizontalAlignment = 'Center';
  header.verticalAlignment = 'Center';
  sheet.getRange(layout.body).format.verticalAlignment = 'Center';
  for (const g of layout.alignments) {
    for (const f of formatsOf(sheet, g.addresses, o.areas)) f.horizontalAlignment = g.key;
  }
  for (const g of layout.statuses) {
    for (const f of formatsOf(sheet, g.addresses, o.areas)) {
      f.font.color = officeColor(STATUS_COLOR[g.key]);
      f.fill.color = officeColor(STATUS_FILL[g.key]);
      if (g.key === 'error') f.font.bold = true;
    }
  }

  if (layout.notes) sheet.getRange(layout.notes).format.font.color = GREY_NOTE;
  const source = sheet.getRange(layout.sourceCell).format.font;
  source.italic = true;
  source.size = 9;
  source.color = GREY_SOURCE;

  const left = layout.placement.table.left;
  o.widths.forEach((w, j) => {
    if (w !== null) sheet.getRange(cellAddress(layout.placement.titleRow, left + j)).format.columnWidth = w;
  });

  let chart: Excel.Chart | undefined;
  if (o.chart && layout.chart) {
    const c = layout.chart;
    chart = addChart(sheet, sheet, c.type, c.categories, c.series, 'Columns');
    chart.title.text = c.title;
    chart.setPosition(c.start, c.end);
    chart.load('name');
  }
  return { table, chart };
}

/** The formats of a style group: one per RangeAreas (1.9) or one per run. */
function formatsOf(sheet: Excel.Worksheet, addresses: string[], areas: boolean): Excel.RangeFormat[] {
  if (areas) return chunkAddressList(addresses, MAX_ADDRESS_CHARS).map((list) => sheet.getRanges(list).format);
  return addresses.map((a) => sheet.getRange(a).format);
}

/**
 * A chart on `on` whose data is on `data` (the same sheet or another): charts.add with the first
 * series, which is then named and given its values again (Excel takes a text first cell such as
 * — for the series name and drops it from the values); the other series added one by one
 * (ExcelApi 1.7), and the category names set last so that they apply to every series.
 */
function addChart(
  on: Excel.Worksheet,
  data: Excel.Worksheet,
  type: 'ColumnClustered' | 'LineMarkers',
  categories: string,
  series: Array<{ name: string; values: string }>,
  seriesBy: 'Columns' | 'Rows',
): Excel.Chart {
  const [first, ...rest] = series;
  const chart = on.charts.add(type, data.getRange(first.values), seriesBy);
  const head = chart.series.getItemAt(0);
  head.name = first.name;
  head.setValues(data.getRange(first.values));
  for (const s of rest) chart.series.add(s.name).setValues(data.getRange(s.values));
  chart.axes.categoryAxis.setCategoryNames(data.getRange(categories));
  return chart;
}

// ---------------------------------------------------------------------------------------------
// Selection checks

export interface Occupancy {
  /** Cells in the footprint that hold a value or formula (A1). */
  cells: string[];
  /** Tables that overlap the footprint. */
  tables: string[];
  /** Merged areas that overlap the footprint (A1). */
  merges: string[];
}

/** The non-empty cells of a loaded block whose top-left cell is (top, left). */
export function filledCells(values: unknown[][], formulas: unknown[][] | null, top: number, left: number, limit = 6): string[] {
  const out: string[] = [];
  for (let r = 0; r < values.length && out.length < limit; r++) {
    for (let c = 0; c < values[r].length && out.length < limit; c++) {
      const v = values[r][c];
      const f = formulas?.[r]?.[c];
      if ((v !== '' && v !== null && v !== undefined) || (f !== '' && f !== null && f !== undefined)) out.push(cellAddress(top + r, left + c));
    }
  }
  return out;
}

export function overlaps(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** A list of cells, areas or tables as each language writes one (A1、B2 / A1, B2). */
function listOf(items: string[], max: number): Bilingual {
  return { 'zh-CN': items.slice(0, max).join('、'), 'en-US': items.slice(0, max).join(', ') };
}

export function targetOccupied(sheet: string, box: Box, o: Occupancy): Bilingual {
  const where = `${sheet}!${boxAddress(box)}`;
  const parts: Bilingual[] = [];
  if (o.cells.length > 0) {
    parts.push(message(o.cells.length > 5 ? 'host.excel.occupied.cells-more' : 'host.excel.occupied.cells', { count: o.cells.length, cells: listOf(o.cells, 5) }));
  }
  if (o.merges.length > 0) parts.push(message('host.excel.occupied.merges', { count: o.merges.length, merges: listOf(o.merges, 2) }));
  if (o.tables.length > 0) parts.push(message('host.excel.occupied.tables', { count: o.tables.length, tables: listOf(o.tables, 2) }));
  const joined: Bilingual = { 'zh-CN': parts.map((p) => p['zh-CN']).join('，'), 'en-US': parts.map((p) => p['en-US']).join('; ') };
  return message('host.excel.occupied', { where, parts: joined });
}

export function targetOffSheet(sheet: string, anchor: string): Bilingual {
  return message('host.excel.off-sheet', { sheet, anchor });
}

// ---------------------------------------------------------------------------------------------
// The 跨年 trend chart

export { isTrendChartData, type TrendChartCells, type TrendChartData, type TrendChartRef };

/** Parses `B2`, `B2:F2`, `$B$2:$F$2` (a `Sheet!` prefix is dropped); null otherwise. */
export function parseRangeAddress(address: string): Rect | null {
  let a = address.trim();
  const bang = a.lastIndexOf('!');
  if (bang >= 0) a = a.slice(bang + 1);
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(a);
  if (!m) return null;
  const r0 = Number(m[2]) - 1;
  const c0 = columnIndex(m[1]);
  const r1 = m[3] ? Number(m[4]) - 1 : r0;
  const c1 = m[3] ? columnIndex(m[3]) : c0;
  const rect = { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS) return null;
  return rect;
}

const cellsOf = (r: Rect) => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
const isLine = (r: Rect) => r.r0 === r.r1 || r.c0 === r.c1;

export interface TrendPlan {
  categories: string;
  series: Array<{ name: string; values: string }>;
  seriesBy: 'Columns' | 'Rows';
}

/** Refuses a trend chart: `reason` is one of the pack's host.excel.trend.* texts. */
const badTrend = (reason: Bilingual): never => {
  throw new HostError(message('host.excel.trend.failed', { reason }), { reason: 'NoData' });
};

/** Checks the ranges (each one row or one column, series as long as the categories). */
export function planTrend(ref: TrendChartCells): TrendPlan {
  const bad = badTrend;
  const cats = parseRangeAddress(ref.categories);
  if (!cats || !isLine(cats)) return bad(message('host.excel.trend.years-not-line', { range: ref.categories }));
  if (ref.series.length === 0) return bad(message('host.excel.trend.no-indicator'));
  if (ref.series.length > MAX_CHART_SERIES) return bad(message('host.excel.trend.too-many-indicators', { max: MAX_CHART_SERIES }));
  const series = ref.series.map((s) => {
    const r = parseRangeAddress(s.values);
    if (!r || !isLine(r) || cellsOf(r) !== cellsOf(cats)) {
      return bad(message('host.excel.trend.range-length', { name: s.name, values: s.values, cells: cellsOf(cats) }));
    }
    return { name: s.name, values: rectAddress(r), rect: r };
  });
  const first = series[0].rect;
  return {
    categories: rectAddress(cats),
    series: series.map(({ name, values }) => ({ name, values })),
    seriesBy: first.r0 === first.r1 && first.c0 !== first.c1 ? 'Rows' : 'Columns',
  };
}

/** Queues the line chart on `on` (a new sheet) over data on `data`; the name is loaded. */
export function queueTrendChart(
  on: Excel.Worksheet,
  data: Excel.Worksheet,
  plan: TrendPlan,
  title: string,
  position: { start: string; end: string } = { start: 'A1', end: cellAddress(CHART_ROWS + 4, CHART_COLUMNS + 2) },
): Excel.Chart {
  const chart = addChart(on, data, 'LineMarkers', plan.categories, plan.series, plan.seriesBy);
  chart.title.text = title;
  chart.setPosition(position.start, position.end);
  chart.load('name');
  return chart;
}

export interface TrendDataPlan {
  /** The table written at A1 of the 趋势图 sheet: a header row of years, one row per indicator. */
  block: ValueBlock;
  /** The header row of the table (bold). */
  headerRow: string;
  /** The chart over that table (rows are series). */
  plan: TrendPlan;
  /** Below the table. */
  position: { start: string; end: string };
  /** Width of the name column in points. */
  nameWidth: number;
}

/** Checks a values chart and lays out its table (A1, years across) and the chart below it. */
export function planTrendData(data: TrendChartData): TrendDataPlan {
  const bad = badTrend;
  const years = data.categories;
  if (years.length === 0) return bad(message('host.excel.trend.no-years'));
  if (years.length >= MAX_COLUMNS) return bad(message('host.excel.trend.too-many-years', { count: years.length }));
  if (data.series.length === 0) return bad(message('host.excel.trend.no-indicator'));
  if (data.series.length > MAX_CHART_SERIES) return bad(message('host.excel.trend.too-many-indicators', { max: MAX_CHART_SERIES }));
  for (const s of data.series) {
    if (s.values.length !== years.length) {
      return bad(message('host.excel.trend.value-count', { name: s.name, count: s.values.length, years: years.length }));
    }
    if (s.values.some((v) => v !== null && (typeof v !== 'number' || !Number.isFinite(v)))) {
      return bad(message('host.excel.trend.not-finite', { name: s.name }));
    }
  }
  const last = years.length; // column of the last year (the names are in column 0)
  const rows = data.series.length;
  const values: Array<Array<number | string>> = [
    [data.header ?? '', ...years],
    ...data.series.map((s) => [s.name, ...s.values.map((v) => (v === null ? '' : v))]),
  ];
  const numberFormats = [
    values[0].map(() => '@'),
    ...data.series.map((s) => ['@', ...s.values.map(() => s.numberFormat ?? 'General')]),
  ];
  const row = (r: number): string => rectAddress({ r0: r, c0: 1, r1: r, c1: last });
  const longest = Math.max(4, ...values.map((v) => String(v[0]).length));
  return {
    block: { address: rectAddress({ r0: 0, c0: 0, r1: rows, c1: last }), values, numberFormats },
    headerRow: rectAddress({ r0: 0, c0: 0, r1: 0, c1: last }),
    plan: { categories: row(0), series: data.series.map((s, i) => ({ name: s.name, values: row(i + 1) })), seriesBy: 'Rows' },
    position: { start: cellAddress(rows + 2, 0), end: cellAddress(rows + 2 + CHART_ROWS + 4, CHART_COLUMNS + 2) },
    // CJK characters are about two digits wide.
    nameWidth: columnWidthPoints(Math.min(48, longest * 2 + 2)),
  };
}
