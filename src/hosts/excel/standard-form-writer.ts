// The Office.js writer of the standard indicator form (core/report/standard-form.ts). Planning
// (addresses, values, formats, validation rules) is pure and separate from queueing the Office.js
// operations, so the ExcelHost decides the syncs and the requirement sets. The geometry is the
// core's, the same the ExcelJS writer (hosts/xlsx/write-standard-form.ts) uses:
//
//   title (merged, bold 16)                       ← one values block A1:<last column><last row>,
//   填报单位：… / 说明：…                               with its number formats (written first, so
//   序号 | 指标名称 | 单位 | 2022年 … | 备注   ← bold,   the title lines stay text)
//   indicator rows (parts indented, ExcelApi 1.9)    fill, frozen with the lines above (1.7)
//   value cells: number formats by row; data validation by runs of rows of one kind (1.8)
//   注：…
//
// Every operation is queued before one sync; their number depends on the form's shape (runs of
// rows of one kind), never on the workbook.
import {
  formCells,
  formNumberFormats,
  partRuns,
  valueRuns,
  type FormValidation,
  type StandardFormSpec,
} from '../../core/report/standard-form';
import type { Box } from '../../core/report/placement';
import { cellAddress, rectAddress } from './a1';
import { columnWidthPoints } from './summary-writer';

const HEADER_FILL = '#DDEBF7';
const GREY = '#595959';
const BORDER_COLOR = '#808080';
const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const;

const boxAddress = (b: Box): string => rectAddress({ r0: b.top, c0: b.left, r1: b.bottom, c1: b.right });

export interface FormValidationPlan {
  address: string;
  rule: Excel.DataValidationRule;
  errorAlert: Excel.DataValidationErrorAlert;
}

export interface StandardFormPlan {
  /** Everything written, A1 to the last note: values ('' for empty) and number formats. */
  block: { address: string; values: Array<Array<string | number>>; numberFormats: string[][] };
  title: string;
  bureauCell: string;
  unitsCell: string;
  headerRow: string;
  /** The header and indicator rows (bordered). */
  table: string;
  /** 序号 and 单位 cells of the indicator rows (centered). */
  centered: string[];
  remarks: string;
  /** 指标名称 cells of the parts (indent level 1). */
  parts: string[];
  validations: FormValidationPlan[];
  notes: string;
  /** Column widths in points, from column A. */
  widths: number[];
  freezeRows: number;
  /** Rows of the title and the header (1-based row numbers for whole-row heights). */
  titleRowNumber: number;
  headerRowNumber: number;
}

/** A form validation as an Office.js rule: blanks allowed (ignoreBlanks defaults to true), ≥ min or min–max. */
export function validationRule(v: FormValidation): Excel.DataValidationRule {
  const basic: Excel.BasicDataValidation =
    v.max !== undefined ? { formula1: v.min, formula2: v.max, operator: 'Between' } : { formula1: v.min, operator: 'GreaterThanOrEqualTo' };
  return v.type === 'whole' ? { wholeNumber: basic } : { decimal: basic };
}

export function planStandardForm(spec: StandardFormSpec): StandardFormPlan {
  const L = spec.layout;
  const body = (col: number): string => rectAddress({ r0: L.firstRow, c0: col, r1: L.lastRow, c1: col });
  return {
    block: {
      address: rectAddress({ r0: 0, c0: 0, r1: L.lastUsedRow, c1: L.width - 1 }),
      values: formCells(spec).map((row) => row.map((v) => (v === null ? '' : v))),
      numberFormats: formNumberFormats(spec),
    },
    title: boxAddress(L.title),
    bureauCell: cellAddress(L.bureauRow, 0),
    unitsCell: cellAddress(L.unitsRow, 0),
    headerRow: rectAddress({ r0: L.headerRow, c0: 0, r1: L.headerRow, c1: L.width - 1 }),
    table: boxAddress(L.table),
    centered: [body(L.codeCol), body(L.unitCol)],
    remarks: body(L.remarkCol),
    parts: partRuns(spec).map(boxAddress),
    validations: valueRuns(spec).map((run) => {
      const v = spec.validations[run.kind];
      return { address: boxAddress(run.box), rule: validationRule(v), errorAlert: { showAlert: true, style: 'Stop', title: v.errorTitle, message: v.error } };
    }),
    notes: rectAddress({ r0: L.noteRows[0], c0: L.nameCol, r1: L.noteRows[L.noteRows.length - 1], c1: L.nameCol }),
    widths: spec.widths.map(columnWidthPoints),
    freezeRows: L.freezeRows,
    titleRowNumber: L.titleRow + 1,
    headerRowNumber: L.headerRow + 1,
  };
}

export interface FormQueueOptions {
  /** ExcelApi 1.7: freeze the title lines and the header. */
  freeze: boolean;
  /** ExcelApi 1.8: data validation on the value cells. */
  validation: boolean;
  /** ExcelApi 1.9: Excel indent on the parts (their 其中 and leading spaces carry the hierarchy without it). */
  indent: boolean;
}

/** Queues every write of the plan on a new, empty sheet (no syncs here). */
export function queueStandardForm(sheet: Excel.Worksheet, plan: StandardFormPlan, o: FormQueueOptions): void {
  const block = sheet.getRange(plan.block.address);
  block.numberFormat = plan.block.numberFormats;
  block.values = plan.block.values;

  sheet.getRange(plan.title).merge(false);
  const title = sheet.getRange(plan.title).format;
  title.font.bold = true;
  title.font.size = 16;
  title.horizontalAlignment = 'Center';
  title.verticalAlignment = 'Center';
  sheet.getRange(`${plan.titleRowNumber}:${plan.titleRowNumber}`).format.rowHeight = 30;
  const units = sheet.getRange(plan.unitsCell).format.font;
  units.size = 10;
  units.color = GREY;

  const table = sheet.getRange(plan.table).format;
  table.verticalAlignment = 'Center';
  for (const edge of BORDER_EDGES) {
    const border = table.borders.getItem(edge);
    border.style = 'Continuous';
    border.color = BORDER_COLOR;
  }
  const header = sheet.getRange(plan.headerRow).format;
  header.font.bold = true;
  header.fill.color = HEADER_FILL;
  header.horizontalAlignment = 'Center';
  header.wrapText = true;
  sheet.getRange(`${plan.headerRowNumber}:${plan.headerRowNumber}`).format.rowHeight = 22;
  for (const a of plan.centered) sheet.getRange(a).format.horizontalAlignment = 'Center';
  const remarks = sheet.getRange(plan.remarks).format;
  remarks.wrapText = true;
  remarks.font.size = 10;
  remarks.font.color = GREY;
  if (o.indent) for (const a of plan.parts) sheet.getRange(a).format.indentLevel = 1;

  if (o.validation) {
    for (const v of plan.validations) {
      const dv = sheet.getRange(v.address).dataValidation;
      dv.rule = v.rule;
      dv.errorAlert = v.errorAlert;
    }
  }

  const notes = sheet.getRange(plan.notes).format.font;
  notes.size = 10;
  notes.color = GREY;
  plan.widths.forEach((w, j) => {
    sheet.getRange(cellAddress(0, j)).format.columnWidth = w;
  });
  if (o.freeze) sheet.freezePanes.freezeRows(plan.freezeRows);
}
