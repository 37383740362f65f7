// A report (报告文本) on the command line: .txt, .docx or .pdf, checked as batch/check-report.ts
// says, with PDF.js as Node loads it.
import * as path from 'path';
import { checkReportBytes } from '../batch/check-report';
import type { CheckOptions } from '../core/engine';
import type { PdfjsLike, PdfjsLoader } from '../hosts/docs/read-pdf';
import type { ReadReportOptions } from '../hosts/docs/read-report';
import type { FileResult } from './report';

export { reportKind } from '../hosts/docs/read-report';

/**
 * PDF.js in Node: unpdf's CommonJS entry loads its PDF.js build (an ES module) with a native
 * import(), which this CommonJS build cannot write itself, and stubs the one browser global PDF.js
 * wants in Node (DOMMatrix).
 */
export const nodePdfjs: PdfjsLoader = async () => {
  const unpdf = await import('unpdf');
  return (await unpdf.getResolvedPDFJS()) as unknown as PdfjsLike;
};

/** Checks a report file's bytes (batch/check-report.ts, with Node's PDF.js). */
export async function checkReportFile(file: string, bytes: Uint8Array, options: CheckOptions = {}, read: ReadReportOptions = {}): Promise<FileResult> {
  return checkReportBytes(file, path.basename(file), bytes, nodePdfjs, options, read);
}
