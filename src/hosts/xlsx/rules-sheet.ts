// The 校验规则 sheet as the .xlsx host writes it: the host's own rules sheet and the companion
// sheet of a standard form (write-standard-form.ts) both come from this one function.
import type ExcelJS from 'exceljs';
import type { CellValue } from '../../core/types';

/** Column widths (characters) of a new 校验规则 sheet by header. */
const RULES_WIDTHS: Record<string, number> = { 编号: 14, 名称: 28, 表达式: 44, 级别: 8, 容差: 8, 启用: 8, 说明: 32 };

/**
 * Writes rule rows (header first) into an empty 校验规则 sheet: text format except for 容差 (an
 * expression is never taken for a formula), a bold filled header, column widths by header.
 */
export function fillRulesSheet(ws: ExcelJS.Worksheet, rows: CellValue[][]): void {
  const header = (rows[0] ?? []).map((v) => (typeof v === 'string' ? v.trim() : ''));
  rows.forEach((row, i) => {
    row.forEach((v, j) => {
      const cell = ws.getCell(i + 1, j + 1);
      if (header[j] !== '容差') cell.numFmt = '@';
      if (v === null || v === undefined) return;
      cell.value = typeof v === 'object' ? v.error : v;
    });
  });
  const head = ws.getRow(1);
  head.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  header.forEach((h, j) => (ws.getColumn(j + 1).width = RULES_WIDTHS[h] ?? 12));
}
