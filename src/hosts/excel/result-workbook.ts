// The 校验结果 sheet as a workbook of its own, for a workbook whose structure is protected: no
// sheet can be added there, so the host opens this one with Excel.createWorkbook (ExcelApi 1.8).
// The rows are those of the in-workbook sheet (result-sheet.ts), except that the 单元格 column
// names the cell as text (`'指标'!E5`): a link inside a new workbook could not reach the checked
// one. Built with ExcelJS; excel-host.ts loads this module on use only (the result-workbook
// chunk), so ExcelJS is not part of the pane's first load.
import ExcelJS from 'exceljs';
import { bytesToBase64 } from '../../core/bytes';
import type { Finding } from '../../core/types';
import { RESULT_HEADERS, RESULT_SHEET_NAME, buildResultBlock } from './result-sheet';

const LINK_RE = /^=HYPERLINK\("#((?:[^"]|"")*)","(?:[^"]|"")*"\)$/;

/** `=HYPERLINK("#'a b'!E5","E5")` → `'a b'!E5`; anything else unchanged. */
export function linkTarget(value: string | number | boolean): string | number | boolean {
  if (typeof value !== 'string') return value;
  const m = LINK_RE.exec(value);
  return m ? m[1].replace(/""/g, '"') : value;
}


/** An .xlsx (base64) with one sheet 校验结果: the findings, a bold header, filters and widths. */
export async function resultWorkbookBase64(findings: Finding[], workbookName: string): Promise<string> {
  const block = buildResultBlock(findings);
  const wb = new ExcelJS.Workbook();
  wb.title = workbookName ? `${RESULT_SHEET_NAME} — ${workbookName}` : RESULT_SHEET_NAME;
  const ws = wb.addWorksheet(RESULT_SHEET_NAME);
  block.values.forEach((row, r) => {
    const line = ws.getRow(r + 1);
    row.forEach((v, c) => {
      const cell = line.getCell(c + 1);
      cell.value = linkTarget(v);
      // Text stays text (a message starting with = or a number-like code is not re-parsed).
      if (block.numberFormats[r][c] === '@') cell.numFmt = '@';
    });
  });
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, block.values.length), column: RESULT_HEADERS.length } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const widths = [8, 22, 18, 14, 12, 12, 12, 60, 60];
  widths.forEach((w, j) => (ws.getColumn(j + 1).width = w));
  const buffer = await wb.xlsx.writeBuffer();
  return bytesToBase64(new Uint8Array(buffer as ArrayBuffer));
}
