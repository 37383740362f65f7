// Writes the standard indicator form (core/report/standard-form.ts) into an ExcelJS workbook: a NEW
// sheet 指标表 (指标表(2)… when taken) with the title lines, the header frozen with them, the
// indicator rows (outline codes, 其中 parts indented), number formats and data validation on the
// value cells, borders and column widths; and a 校验规则 sheet with example rules when the
// workbook has none. No other sheet is touched. Used by `npm run template` and the browser preview.
import ExcelJS from 'exceljs';
import { toA1 } from '../../core/a1';
import {
  formCells,
  formNumberFormats,
  partRuns,
  valueRuns,
  type FormValidation,
  type StandardFormResult,
  type StandardFormSpec,
} from '../../core/report/standard-form';
import { uniqueSheetName } from './write-table';
import { fillRulesSheet } from './rules-sheet';

const HEADER_FILL = 'FFDDEBF7';
const GREY = 'FF595959';
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

/** A validation as ExcelJS writes it: blanks allowed, a stop alert with the form's message. */
function dataValidation(v: FormValidation): ExcelJS.DataValidation {
  const bounded = v.max !== undefined;
  return {
    type: v.type,
    operator: bounded ? 'between' : 'greaterThanOrEqual',
    formulae: bounded ? [v.min, v.max] : [v.min],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: v.errorTitle,
    error: v.error,
  };
}

/**
 * Adds the form on a new sheet and, when the workbook has no 校验规则 sheet (in any case), that
 * sheet with the example rules. Returns what was added, and the new worksheet.
 */
export function writeStandardForm(workbook: ExcelJS.Workbook, spec: StandardFormSpec): StandardFormResult & { worksheet: ExcelJS.Worksheet } {
  const L = spec.layout;
  const name = uniqueSheetName(workbook, spec.sheetName);
  const ws = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: L.freezeRows, topLeftCell: toA1(L.freezeRows, 0), activeCell: toA1(L.firstRow, L.yearCols[0] ?? 0) }],
  });
  const cell = (r: number, c: number) => ws.getCell(r + 1, c + 1);

  const values = formCells(spec);
  const formats = formNumberFormats(spec);
  values.forEach((row, r) =>
    row.forEach((v, c) => {
      const fmt = formats[r][c];
      if (v === null && fmt === 'General') return;
      const x = cell(r, c);
      if (fmt !== 'General') x.numFmt = fmt;
      if (v !== null) x.value = v;
    }),
  );

  // Title lines.
  ws.mergeCells(L.title.top + 1, L.title.left + 1, L.title.bottom + 1, L.title.right + 1);
  const title = cell(L.titleRow, 0);
  title.font = { bold: true, size: 16 };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(L.titleRow + 1).height = 30;
  cell(L.bureauRow, 0).font = { size: 11 };
  cell(L.unitsRow, 0).font = { size: 10, color: { argb: GREY } };

  // Header and indicator rows: borders on every cell; the header bold on a light fill.
  for (let r = L.table.top; r <= L.table.bottom; r++) {
    for (let c = L.table.left; c <= L.table.right; c++) {
      const x = cell(r, c);
      x.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
      if (r === L.headerRow) {
        x.font = { bold: true };
        x.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
        x.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      } else if (c === L.codeCol || c === L.unitCol) {
        x.alignment = { horizontal: 'center', vertical: 'middle' };
      } else if (c === L.remarkCol) {
        x.font = { size: 10, color: { argb: GREY } };
        x.alignment = { vertical: 'middle', wrapText: true };
      } else {
        x.alignment = { vertical: 'middle' };
      }
    }
  }
  ws.getRow(L.headerRow + 1).height = 22;
  for (const run of partRuns(spec)) {
    for (let r = run.top; r <= run.bottom; r++) cell(r, run.left).alignment = { vertical: 'middle', indent: 1 };
  }

  // Data validation on the value cells, by the kind of each row.
  for (const run of valueRuns(spec)) {
    const dv = dataValidation(spec.validations[run.kind]);
    for (let r = run.box.top; r <= run.box.bottom; r++) {
      for (let c = run.box.left; c <= run.box.right; c++) cell(r, c).dataValidation = { ...dv, formulae: [...dv.formulae] };
    }
  }

  for (const r of L.noteRows) cell(r, L.nameCol).font = { size: 10, color: { argb: GREY } };
  spec.widths.forEach((w, j) => (ws.getColumn(j + 1).width = w));

  let rulesSheet: string | null = null;
  const lower = spec.rulesSheet.name.toLowerCase();
  if (!workbook.worksheets.some((w) => w.name.toLowerCase() === lower)) {
    fillRulesSheet(workbook.addWorksheet(spec.rulesSheet.name), spec.rulesSheet.rows);
    rulesSheet = spec.rulesSheet.name;
  }
  return { sheet: name, rulesSheet, validation: true, worksheet: ws };
}
