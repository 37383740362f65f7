// What the web checker's worker does, as plain functions (tests call them without a Worker):
// read and check each file (a workbook, or a report's text: .txt, .docx, .pdf), then run the cross-file detectors over all of them, exactly as the
// command line does (batch/check-files.ts), with the files read by ExcelJS (.xlsx) or SheetJS
// (.xls, .et, .csv) through XlsxHost, since the command line's streaming reader needs Node.
import { addCrossFileFindings, checkWorkbookBytes, reportable, type WorkbookReader } from '../batch/check-files';
import { checkReportBytes } from '../batch/check-report';
import type { PdfjsLoader } from '../hosts/docs/read-pdf';
import { reportKind } from '../hosts/docs/read-report';
import type { FileResult } from '../batch/results';
import type { HistoryOptionsInput } from '../core/history';
import { message } from '../core/i18n';
import type { Bilingual } from '../core/types';
import { XlsxHost } from '../hosts/xlsx/xlsx-host';

export interface BatchFile {
  /** Where the file is, as the user picked it (a folder's relative path, or the name). */
  file: string;
  bytes: Uint8Array;
}

export interface BatchProgress {
  /** Files finished so far, and how many in all. */
  done: number;
  total: number;
  /** The file being worked on ('' once all are read and the detectors run across them). */
  file: string;
  stage: Bilingual;
}

/** Reads a workbook as the browser preview does: ExcelJS for .xlsx, SheetJS for the older formats. */
export const readInBrowser: WorkbookReader = async (bytes, name) => (await XlsxHost.fromBytes(bytes, name)).readWorkbook();

const baseName = (file: string): string => file.split(/[\\/]/).pop() ?? file;

/** Checks every file and, with two or more, the indicators across them; results without the engine's models. */
/** PDF.js as the browser loads it (unpdf's serverless build, a chunk of its own), on first use. */
const browserPdfjs: PdfjsLoader = async () => (await import('../hosts/docs/pdfjs-browser')).browserPdfjs();

export async function runBatch(
  files: BatchFile[],
  options: { history?: HistoryOptionsInput } = {},
  onProgress: (p: BatchProgress) => void = () => undefined,
  read: WorkbookReader = readInBrowser,
  pdfjs: PdfjsLoader = browserPdfjs,
): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const several = files.length > 1;
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const name = baseName(f.file);
    onProgress({ done: i, total: files.length, file: f.file, stage: message('checker.stage.checking', { name }) });
    // With several files the cross-year and cross-district detectors run once over all of them.
    const check = { history: several ? (false as const) : options.history };
    // A report's prose (.txt, .docx, .pdf) as on the command line; any other file as a workbook.
    results.push(reportKind(name) ? await checkReportBytes(f.file, name, f.bytes, pdfjs, check) : await checkWorkbookBytes(f.file, name, f.bytes, read, check));
  }
  if (several) {
    onProgress({ done: files.length, total: files.length, file: '', stage: message('checker.stage.across') });
    addCrossFileFindings(results, options.history ?? {});
  }
  return results.map(reportable);
}
