// The WPS writer of the standard indicator form (core/report/standard-form.ts): the Excel host's
// plan (hosts/excel/standard-form-writer.ts planStandardForm: addresses, values, formats,
// validation rules, widths, frozen rows) said in WPS's COM-like object model:
//
//   values and number formats   one Value2 assignment, NumberFormat once per format (sheets.ts)
//   title                       merged, bold 16, centred, a 30 pt row
//   header and indicator rows   Borders.LineStyle / Color once over the whole table (every edge
//                               of every cell), the header bold on a light fill, wrapped
//   value cells                 Validation.Add per run of rows of one kind, a stop alert with the
//                               form's title and message, blanks allowed
//   frozen header               ActiveWindow.SplitRow + FreezePanes on the new (active) sheet
//   widths                      ColumnWidth in characters
//
// Calls depend on the form's shape (its columns and runs of rows of one kind), never on the
// workbook; the 校验规则 sheet, when added, costs about 4 calls per column.
import type { StandardFormResult, StandardFormSpec } from '../../core/report/standard-form';
import { cellAddress } from '../excel/a1';
import { HostError } from '../excel/errors';
import { planStandardForm, type FormValidationPlan, type StandardFormPlan } from '../excel/standard-form-writer';
import { freeSheetName } from '../excel/summary-writer';
import { bgr } from './com-values';
import type { EtApplication, EtWorksheet } from './et-api';
import { fillRulesSheet } from './rules-sheet';
import { addSheetAtEnd, columnWidthChars, forAreas, listSheets, rectOf, structureLocked, writeBlock } from './sheets';
import type { WriteContext } from './summary-writer';

// XlHAlign / XlVAlign, XlLineStyle, XlDVType, XlDVAlertStyle, XlFormatConditionOperator.
const XL_CENTER = -4108;
const XL_CONTINUOUS = 1;
const XL_VALIDATE_WHOLE_NUMBER = 1;
const XL_VALIDATE_DECIMAL = 2;
const XL_VALID_ALERT_STOP = 1;
const XL_BETWEEN = 1;
const XL_GREATER_EQUAL = 7;

const HEADER_FILL = bgr('#DDEBF7');
const GREY = bgr('#595959');
const BORDER_COLOR = bgr('#808080');

/**
 * Adds the form on a NEW sheet 指标表 (指标表(2)… when taken, in any case) and, when the workbook
 * has no 校验规则 sheet, that sheet with the example rules; activates the form. No existing sheet
 * is touched. See WpsHost.insertStandardForm.
 */
export function insertStandardForm(cx: WriteContext, spec: StandardFormSpec): StandardFormResult {
  const plan = planStandardForm(spec);
  const wb = cx.workbook();
  if (wb.ProtectStructure) throw new HostError(structureLocked(spec.sheetName), { reason: 'Protected' });
  const names = listSheets(wb).map((e) => e.name);
  const sheetName = freeSheetName(names, spec.sheetName);
  const rulesLower = spec.rulesSheet.name.toLowerCase();
  const addRules = !names.some((n) => n.toLowerCase() === rulesLower);
  return cx.quietly(() => {
    // A new sheet is the active one: the form is frozen before the rules sheet is added.
    const sheet = addSheetAtEnd(wb, sheetName);
    writeForm(cx.app, sheet, plan);
    if (addRules) fillRulesSheet(addSheetAtEnd(wb, spec.rulesSheet.name), spec.rulesSheet.rows);
    sheet.Activate();
    return { sheet: sheetName, rulesSheet: addRules ? spec.rulesSheet.name : null, validation: true };
  });
}

/** Everything of the plan on `sheet`, a new and active sheet. */
function writeForm(app: EtApplication, sheet: EtWorksheet, plan: StandardFormPlan): void {
  writeBlock(sheet, plan.block);

  const title = sheet.Range(plan.title);
  title.Merge();
  const titleFont = title.Font;
  titleFont.Bold = true;
  titleFont.Size = 16;
  title.HorizontalAlignment = XL_CENTER;
  title.VerticalAlignment = XL_CENTER;
  sheet.Range(`${plan.titleRowNumber}:${plan.titleRowNumber}`).RowHeight = 30;
  const units = sheet.Range(plan.unitsCell).Font;
  units.Size = 10;
  units.Color = GREY;

  const table = sheet.Range(plan.table);
  table.VerticalAlignment = XL_CENTER;
  const borders = table.Borders;
  borders.LineStyle = XL_CONTINUOUS;
  borders.Color = BORDER_COLOR;
  const header = sheet.Range(plan.headerRow);
  header.Font.Bold = true;
  header.Interior.Color = HEADER_FILL;
  header.HorizontalAlignment = XL_CENTER;
  header.WrapText = true;
  sheet.Range(`${plan.headerRowNumber}:${plan.headerRowNumber}`).RowHeight = 22;
  forAreas(sheet, plan.centered.map(rectOf), (r) => {
    r.HorizontalAlignment = XL_CENTER;
  });
  const remarks = sheet.Range(plan.remarks);
  remarks.WrapText = true;
  const remarksFont = remarks.Font;
  remarksFont.Size = 10;
  remarksFont.Color = GREY;
  forAreas(sheet, plan.parts.map(rectOf), (r) => {
    r.IndentLevel = 1;
  });

  for (const v of plan.validations) addValidation(sheet, v);

  const notes = sheet.Range(plan.notes).Font;
  notes.Size = 10;
  notes.Color = GREY;
  plan.widths.forEach((points, j) => {
    sheet.Range(cellAddress(0, j)).ColumnWidth = columnWidthChars(points);
  });

  const window = app.ActiveWindow;
  if (window) {
    window.SplitColumn = 0;
    window.SplitRow = plan.freezeRows;
    window.FreezePanes = true;
  }
}

/** The plan's rule (Office.js's shape) as Validation.Add takes it, with the form's stop alert. */
function addValidation(sheet: EtWorksheet, v: FormValidationPlan): void {
  const whole = v.rule.wholeNumber;
  const basic = whole ?? v.rule.decimal;
  if (!basic) throw new Error(`unexpected validation rule at ${v.address}`);
  const between = basic.operator === 'Between';
  const dv = sheet.Range(v.address).Validation;
  dv.Add(
    whole ? XL_VALIDATE_WHOLE_NUMBER : XL_VALIDATE_DECIMAL,
    XL_VALID_ALERT_STOP,
    between ? XL_BETWEEN : XL_GREATER_EQUAL,
    String(basic.formula1),
    between ? String(basic.formula2) : undefined,
  );
  dv.IgnoreBlank = true;
  dv.ShowError = v.errorAlert.showAlert !== false;
  dv.ErrorTitle = v.errorAlert.title ?? '';
  dv.ErrorMessage = v.errorAlert.message ?? '';
}
