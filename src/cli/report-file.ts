// A report (报告文本) on the command line: .txt, .docx or .pdf. The prose is checked by core/text
// (claims, rates, repeated figures; findings at `L<line>`), and the tables of a Word document
// by the same engine as a workbook's sheets (each table a sheet named `<file> 表N`, findings at
// its cells), so one result carries both: the tables' findings first, then the prose's.
import * as path from 'path';
import { checkWorkbookWithModel, sortFindings, type CheckOptions } from '../core/engine';
import { checkReportText } from '../core/text';
import type { PdfjsLike, PdfjsLoader } from '../hosts/docs/read-pdf';
import { readReport, ReportReadError, type ReadReportOptions } from '../hosts/docs/read-report';
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

/** Checks a report file's bytes; an unreadable file gives `error` (bilingual), never a throw. */
export async function checkReportFile(file: string, bytes: Uint8Array, options: CheckOptions = {}, read: ReadReportOptions = {}): Promise<FileResult> {
  const name = path.basename(file);
  try {
    const doc = await readReport(bytes, name, { pdfjs: nodePdfjs, ...read });
    const prose = checkReportText(doc.text, name);
    const textOnly = { workbook: name, findings: prose.findings, sheets: [], observations: prose.mentions.length };
    if (doc.tables.length === 0) return { file, claims: prose.claims, result: textOnly };
    const { result, model, explanations } = checkWorkbookWithModel({ name, sheets: doc.tables }, options);
    // The tables in document order, then the prose by line: the order the command line gives
    // when it sorts the findings of several files again (the prose's "sheet", the file name, is
    // none of the tables).
    const findings = sortFindings([...result.findings, ...prose.findings], doc.tables.map((t) => t.name));
    return { file, claims: prose.claims, model, explanations, result: { ...result, findings, observations: prose.mentions.length + result.observations } };
  } catch (e) {
    if (e instanceof ReportReadError) return { file, error: e.bilingual };
    const text = e instanceof Error ? e.message : String(e);
    return { file, error: { 'zh-CN': `校验“${name}”时出错：${text}`, 'en-US': `Checking "${name}" failed: ${text}` } };
  }
}
