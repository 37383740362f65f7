// A checked workbook as a marked copy, for users without the add-in (the web checker's
// download): the same marks the Excel host makes, plus a 校验结果 sheet whose 单元格 column links
// to each cell. The marks are conditional-format rules carrying the add-in's marker (see
// hosts/excel/marks.ts), so the cells' own fills and fonts are untouched, and 清除标记 in Excel
// removes them exactly as it removes its own. The user's values are never written; what the copy
// cannot keep (ExcelJS drops charts, pivot tables, macros…) is listed in both languages.
import type ExcelJS from 'exceljs';
import { message } from '../core/i18n';
import type { Bilingual, Finding } from '../core/types';
import { rectAddress } from '../hosts/excel/a1';
import { MARK_STYLES, groupMarks, markFormula } from '../hosts/excel/marks';
import { RESULT_HEADERS, RESULT_SHEET_NAME, buildResultBlock } from '../hosts/excel/result-sheet';
import { workbookKind } from '../hosts/xlsx/formats';
import { partsLostOnCopy } from '../hosts/xlsx/lost-parts';
import { preserveOnSave, uniqueSheetName } from '../hosts/xlsx/write-table';
import { XlsxHost } from '../hosts/xlsx/xlsx-host';

export interface MarkedCopy {
  /** The copy as .xlsx bytes. */
  bytes: Uint8Array;
  /** Its file name: the original's, with 已标记 and .xlsx. */
  name: string;
  /** The name of the results sheet in it (校验结果, or 校验结果(2) when the workbook had one). */
  resultSheet: string;
  /** What the copy lacks compared with the original, in both languages. */
  lost: Bilingual[];
}

/** `a/b/乐山.xls` → `乐山-已标记.xlsx`. */
export function markedName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return `${base.replace(/\.(xlsx|xlsm|xls|et|csv)$/i, '')}-已标记.xlsx`;
}

/** ExcelJS's colour form: `#FFC7CE` → `FFFFC7CE`. */
const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

/** Adds one conditional-format rule per (sheet, severity) over the first cell of each finding. */
function addMarks(workbook: ExcelJS.Workbook, findings: Finding[]): number {
  const { groups } = groupMarks(
    findings,
    workbook.worksheets.map((w) => w.name),
  );
  for (const g of groups) {
    const ws = workbook.getWorksheet(g.sheet) as ExcelJS.Worksheet;
    const style = MARK_STYLES[g.severity];
    const ref = g.runs.map(rectAddress).join(' ');
    ws.addConditionalFormatting({
      ref,
      rules: [
        {
          type: 'expression',
          priority: 1,
          // ExcelJS writes formulae without the leading `=`, as the file format stores them.
          formulae: [markFormula(g.severity).slice(1)],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(style.fill) } },
            ...(style.font ? { font: { color: { argb: argb(style.font) } } } : {}),
          },
        },
      ],
    });
  }
  return groups.length;
}


/** The 校验结果 sheet: one row per finding, the 单元格 column a HYPERLINK to the cell, text kept as text. */
function addResultSheet(workbook: ExcelJS.Workbook, findings: Finding[]): string {
  const name = uniqueSheetName(workbook, RESULT_SHEET_NAME);
  const ws = workbook.addWorksheet(name);
  const block = buildResultBlock(findings);
  block.values.forEach((row, r) => {
    const line = ws.getRow(r + 1);
    row.forEach((v, c) => {
      const cell = line.getCell(c + 1);
      if (typeof v === 'string' && v.startsWith('=HYPERLINK(')) {
        const ref = findings[r - 1]?.cells[0];
        cell.value = { formula: v.slice(1), result: ref ? ref.address : '' };
        cell.font = { color: { argb: 'FF0563C1' }, underline: true };
      } else {
        cell.value = v;
        if (block.numberFormats[r][c] === '@') cell.numFmt = '@';
      }
    });
  });
  ws.getRow(1).font = { bold: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, block.values.length), column: RESULT_HEADERS.length } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  [8, 22, 18, 14, 12, 12, 12, 60, 60].forEach((w, j) => (ws.getColumn(j + 1).width = w));
  return name;
}

/** What the copy of an .xls, .et or .csv (an .xlsx of its values and number formats) lacks. */
const LEGACY_LOST: Bilingual = message('cli.copy.legacy-lost');

/** The marked copy of a workbook file (.xlsx, .xls, .et or .csv) with `findings` (those of this file). */
export async function markedCopy(bytes: Uint8Array, name: string, findings: Finding[]): Promise<MarkedCopy> {
  const host = await XlsxHost.fromBytes(bytes, name);
  const workbook = host.workbook;
  const legacy = workbookKind(bytes, name) !== 'xlsx';
  const lost: Bilingual[] = legacy ? [LEGACY_LOST] : (await partsLostOnCopy(bytes)).map((l) => ({ 'zh-CN': l['zh-CN'], 'en-US': l['en-US'] }));
  for (const ws of workbook.worksheets) preserveOnSave(ws);
  // A finding made across files is among the findings of the file its first cell is in, so all
  // of `findings` mark this workbook (addCrossFileFindings).
  addMarks(workbook, findings);
  const resultSheet = addResultSheet(workbook, findings);
  const out = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
  return { bytes: out, name: markedName(name), resultSheet, lost };
}
