// Writes a summary TableSpec (core/report) into an ExcelJS worksheet: a bold merged title, the
// units line, a real Excel table object (TableStyleMedium2) with number formats, notes, the source
// line and column widths. addSummarySheet puts it on a NEW sheet and touches no other sheet.
import ExcelJS from 'exceljs';
import { fromA1, toA1 } from '../../core/a1';
import { BilingualError } from '../../core/errors';
import { message, text } from '../../core/i18n';
import type { Bilingual } from '../../core/types';
import {
  bodyAlignments,
  bodyNumberFormats,
  bodyValues,
  footprint,
  placeTable,
  STATUS_COLOR,
  uniqueTableName,
  type Box,
  type TablePlacement,
  type TableSpec,
} from '../../core/report';
import { freeSheetName } from '../../core/sheet-names';

export const TABLE_STYLE = 'TableStyleMedium2';

export interface WriteTableOptions {
  /** Sets the widths of the table's columns (default true; false keeps a sheet's own widths). */
  setWidths?: boolean;
  /** Writes even where cells are not empty (default false: a user's values are never overwritten). */
  overwrite?: boolean;
  /** Name of the Excel table object; by default Summary_1, Summary_2… unused in the workbook. */
  tableName?: string;
}

export interface WrittenTable {
  tableName: string;
  /** A1 range of the table object (header and body). */
  tableRange: string;
  titleCell: string;
  sourceCell: string;
  placement: TablePlacement;
}

/** The target area of a table is not free: it holds values, merged cells or another table. */
export class TableTargetError extends BilingualError {
  constructor(
    bilingual: Bilingual,
    public readonly cells: string[],
  ) {
    super(bilingual);
    this.name = 'TableTargetError';
  }
}

function overlaps(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/** Cells of `box` that hold a value or are merged, and tables that overlap it (A1 addresses). */
export function occupied(ws: ExcelJS.Worksheet, box: Box): string[] {
  const found: string[] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row = ws.findRow(r + 1);
    if (!row) continue;
    for (let c = box.left; c <= box.right; c++) {
      const cell = row.findCell(c + 1);
      if (cell && ((cell.value !== null && cell.value !== undefined && cell.value !== '') || cell.isMerged)) found.push(cell.address);
    }
  }
  for (const t of ws.getTables() as unknown as Array<{ table?: { tableRef?: string; ref?: string; name?: string } }>) {
    const ref = t.table?.tableRef ?? t.table?.ref;
    const [a, b] = (ref ?? '').split(':');
    const from = a ? fromA1(a) : undefined;
    const to = b ? fromA1(b) : from;
    if (from && to && overlaps(box, { top: from.row, left: from.col, bottom: to.row, right: to.col })) found.push(t.table?.name ?? ref ?? '');
  }
  return found;
}

/** Every table name used in the workbook (table names are workbook-wide in Excel). */
export function tableNames(workbook: ExcelJS.Workbook): string[] {
  const names: string[] = [];
  for (const ws of workbook.worksheets) {
    for (const t of Object.values((ws as unknown as { tables?: Record<string, unknown> }).tables ?? {})) {
      const model = (t as { table?: { name?: string }; name?: string }).table ?? (t as { name?: string });
      if (model?.name) names.push(model.name);
    }
  }
  const defined = (workbook.definedNames as unknown as { model?: Array<{ name: string }> }).model ?? [];
  for (const d of defined) names.push(d.name);
  return names;
}

/** Writes the table with its title at `topLeft` (an A1 address, default A1). */
export function writeTable(ws: ExcelJS.Worksheet, spec: TableSpec, topLeft = 'A1', options: WriteTableOptions = {}): WrittenTable {
  const origin = fromA1(topLeft);
  if (!origin) throw new Error(`Not a cell address: ${topLeft}`);
  const p = placeTable(spec, origin.row, origin.col);
  if (!options.overwrite) {
    const taken = occupied(ws, footprint(p));
    if (taken.length > 0) {
      const where = `${toA1(p.titleRow, p.table.left)}:${toA1(p.lastRow, p.table.right)}`;
      const list = taken.slice(0, 5).join(', ') + (taken.length > 5 ? ' …' : '');
      throw new TableTargetError(message('host.xlsx.table-occupied', { sheet: ws.name, where, list, count: taken.length }), taken);
    }
  }
  const cell = (r: number, c: number) => ws.getCell(r + 1, c + 1);
  const left = p.table.left;

  // Title and units line.
  const title = cell(p.titleRow, left);
  title.value = spec.title;
  title.font = { bold: true, size: 14 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  const units = cell(p.unitsRow, left);
  units.value = spec.subtitle;
  units.font = { italic: true, color: { argb: 'FF595959' } };

  // Group headings above the table (rare).
  spec.header.slice(0, -1).forEach((row, i) => {
    row.forEach((text, j) => {
      if (text === null) return;
      const c = cell(p.groupRows[i], left + j);
      c.value = text;
      c.font = { bold: true };
      c.alignment = { horizontal: 'center' };
    });
  });
  for (const m of p.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);

  // The table object.
  const names = spec.header[spec.header.length - 1] ?? [];
  const tableName = options.tableName ?? uniqueTableName(tableNames(ws.workbook));
  ws.addTable({
    name: tableName,
    displayName: tableName,
    ref: toA1(p.table.top, left),
    headerRow: true,
    totalsRow: false,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: names.map((name) => ({ name: name ?? '', filterButton: true })),
    rows: bodyValues(spec),
  });
  const formats = bodyNumberFormats(spec);
  const aligns = bodyAlignments(spec);
  names.forEach((_, j) => {
    cell(p.table.top, left + j).alignment = { horizontal: 'center', vertical: 'middle' };
  });
  formats.forEach((row, i) => {
    row.forEach((fmt, j) => {
      const c = cell(p.table.top + 1 + i, left + j);
      if (fmt !== 'General') c.numFmt = fmt;
      c.alignment = { horizontal: aligns[i][j], vertical: 'middle' };
      const status = spec.body[i]?.[j]?.status;
      if (status && (status !== 'ok' || spec.body[i][j].format === 'text')) {
        c.font = { color: { argb: STATUS_COLOR[status] }, bold: status === 'error' };
      }
    });
  });

  // Notes and source line (they overflow to the right; not merged, so they stay selectable).
  spec.notes.forEach((note, i) => {
    const c = cell(p.noteRows[i], left);
    c.value = note;
    c.font = { color: { argb: 'FF595959' } };
  });
  const source = cell(p.sourceRow, left);
  source.value = spec.source;
  source.font = { italic: true, size: 9, color: { argb: 'FF7F7F7F' } };

  if (options.setWidths !== false) {
    spec.widths.forEach((w, j) => {
      const column = ws.getColumn(left + j + 1);
      column.width = w;
      keepWidth(column);
    });
  }
  return {
    tableName,
    tableRange: p.tableAddress,
    titleCell: toA1(p.titleRow, left),
    sourceCell: toA1(p.sourceRow, left),
    placement: p,
  };
}

/**
 * ExcelJS takes a width of exactly 9 for its default and leaves it out of the file, so Excel shows
 * such a column at its own default (8.43). Marks the column as custom so that its width is written.
 */
function keepWidth(column: ExcelJS.Column): void {
  if (column.width !== 9) return;
  Object.defineProperty(column, 'isCustomWidth', { configurable: true, get: () => column.width !== undefined });
}

/**
 * Works around two places where ExcelJS 4.4 does not write a loaded sheet back as it read it; call
 * on every source sheet before saving a copy:
 * - a column width of exactly 9 is dropped (see keepWidth);
 * - a page setup without a first page number is written with useFirstPageNumber="1" (ExcelJS reads
 *   the missing number as 1 and then writes the flag from it), which restarts page numbers at 1
 *   when the whole workbook is printed.
 */
export function preserveOnSave(ws: ExcelJS.Worksheet): void {
  for (const column of ws.columns ?? []) keepWidth(column as ExcelJS.Column);
  const setup = ws.pageSetup as Partial<ExcelJS.PageSetup> & { useFirstPageNumber?: boolean };
  if (setup && setup.useFirstPageNumber === false) delete setup.firstPageNumber;
}

/** A sheet name not yet in the workbook (Excel compares them case-insensitively): 汇总表, 汇总表(2)… */
export function uniqueSheetName(workbook: ExcelJS.Workbook, base: string): string {
  return freeSheetName(workbook.worksheets.map((w) => w.name), base);
}

/**
 * Adds a NEW sheet (汇总表, or 汇总表(2)… when taken) with the table at A1. Other sheets are not
 * touched, nor is the active sheet changed.
 */
export function addSummarySheet(workbook: ExcelJS.Workbook, spec: TableSpec, sheetName?: string): WrittenTable & { worksheet: ExcelJS.Worksheet } {
  const base = sheetName ?? text(spec.lang, 'host.summary.sheet-name');
  const ws = workbook.addWorksheet(uniqueSheetName(workbook, base), { views: [{ showGridLines: false }] });
  const written = writeTable(ws, spec, 'A1');
  ws.getRow(1).height = 24;
  return { ...written, worksheet: ws };
}
