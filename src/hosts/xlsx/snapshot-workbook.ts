// An ExcelJS workbook built from a WorkbookSnapshot: the in-memory .xlsx copy of an .xls, .et or
// .csv file. The browser preview marks and extends this copy (its XlsxHost needs an ExcelJS
// workbook), and the summary command writes it out as the .xlsx that carries the 汇总表; the input
// file itself is never written. Works in Node and the browser.
//
// The copy holds what the snapshot holds: every sheet (with its visibility), values, error cells,
// number formats and indents. Reading it back with gridFromWorksheet gives the same grids. Fonts,
// fills, borders, column widths and merged cells of the original are not in a snapshot, so not in
// the copy either.
import ExcelJS from 'exceljs';
import type { CellValue, WorkbookSnapshot } from '../../core/types';
import { isDateFormat } from './formats';

/** A snapshot value as an ExcelJS cell value. */
function excelValue(v: CellValue, format: string | undefined): ExcelJS.CellValue {
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') return { error: v.error as ExcelJS.CellErrorValue['error'] };
  // A date cell reads as its day ('2023-01-17') with its date format beside it: write it back as
  // a date, so that the copy shows and reads as the original did.
  if (format && isDateFormat(format) && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const date = new Date(`${v}T00:00:00Z`);
    if (!Number.isNaN(date.getTime())) return date;
  }
  return v;
}

export function workbookFromSnapshot(snapshot: WorkbookSnapshot): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const grid of snapshot.sheets) {
    const ws = wb.addWorksheet(grid.name, { state: grid.visibility ?? 'visible' });
    grid.values.forEach((row, i) => {
      row.forEach((v, j) => {
        if (v === null) return;
        const format = grid.numberFormats?.[i]?.[j];
        const cell = ws.getCell(grid.originRow + i + 1, grid.originCol + j + 1);
        cell.value = excelValue(v, format);
        if (format && format !== 'General') cell.numFmt = format;
        const indent = grid.indents?.[i]?.[j];
        if (indent) cell.alignment = { indent };
      });
    });
  }
  return wb;
}
