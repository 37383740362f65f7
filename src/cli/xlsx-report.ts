// The CLI's report workbook (`--format xlsx --out report.xlsx`): batch/report-workbook.ts, with
// the files named by their base name and linked relative to the folder the report is saved in.
import type ExcelJS from 'exceljs';
import * as path from 'path';
import { reportWorkbook } from '../batch/report-workbook';
import type { Lang } from '../core/types';
import type { FileResult } from './report';

export { fileLinkFormula } from '../batch/report-workbook';

/** Builds the report workbook; `outPath` makes the hyperlinks relative to where it is saved. */
export function buildXlsxReport(files: FileResult[], lang: Lang, outPath: string): ExcelJS.Workbook {
  const outDir = path.dirname(path.resolve(outPath));
  return reportWorkbook(files, lang, {
    name: (file) => path.basename(file),
    link: (file) => path.relative(outDir, path.resolve(file)).split(path.sep).join('/'),
  });
}
