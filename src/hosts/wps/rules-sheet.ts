// The rows of a 校验规则 sheet (header first: core/rules rulesSheetTemplate(), or the standard
// form's examples) written on a new, empty WPS sheet. Used by WpsHost.writeRulesSheet and by
// the standard form (standard-form-writer.ts), which adds the sheet when the workbook has none.
import type { CellValue } from '../../core/types';
import { cellAddress, rectAddress } from '../excel/a1';
import { bgr } from './com-values';
import type { EtWorksheet } from './et-api';
import { value2Of } from './sheets';
import { RULES_SHEET } from '../../core/sheet-names';

export { RULES_SHEET };
const RULES_HEADER_FILL = '#DDEBF7';
/** Column widths of a new 校验规则 sheet, in characters (ColumnWidth's unit), by header. */
const RULES_WIDTHS: Record<string, number> = { 编号: 14, 名称: 28, 表达式: 44, 级别: 8, 容差: 8, 启用: 8, 说明: 32 };

/**
 * Text format except for 容差 (so an expression is never taken for a formula), the values in
 * one block, a bold filled header, column widths. Calls: about 4 per column plus 6.
 */
export function fillRulesSheet(sheet: EtWorksheet, rows: CellValue[][]): void {
  if (rows.length === 0) return;
  const width = Math.max(1, ...rows.map((r) => r.length));
  const header = rows[0].map((v) => (typeof v === 'string' ? v.trim() : ''));
  const values = rows.map((r) =>
    Array.from({ length: width }, (_, j) => {
      const v = r[j];
      if (v === null || v === undefined) return '';
      return typeof v === 'object' ? v.error : v;
    }),
  );
  const last = values.length - 1;
  for (let j = 0; j < width; j++) {
    sheet.Range(rectAddress({ r0: 0, c0: j, r1: last, c1: j })).NumberFormat = header[j] === '容差' ? 'General' : '@';
  }
  sheet.Range(rectAddress({ r0: 0, c0: 0, r1: last, c1: width - 1 })).Value2 = value2Of(values);
  const head = sheet.Range(rectAddress({ r0: 0, c0: 0, r1: 0, c1: width - 1 }));
  head.Font.Bold = true;
  head.Interior.Color = bgr(RULES_HEADER_FILL);
  for (let j = 0; j < width; j++) sheet.Range(cellAddress(0, j)).ColumnWidth = RULES_WIDTHS[header[j] ?? ''] ?? 12;
}
