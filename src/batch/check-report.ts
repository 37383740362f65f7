// A report (报告文本: .txt, .docx or .pdf) checked from its bytes, the same way on the command
// line and in the web checker. The prose is checked by core/text (claims, rates, repeated
// figures; findings at `L<line>`), and the tables of a Word document by the same engine as a
// workbook's sheets (each table a sheet named `<file> 表N`, findings at its cells), so one result
// carries both: the tables' findings first, then the prose's. The caller gives PDF.js (Node's or
// the browser's build).
import { checkWorkbookWithModel, sortFindings, type CheckOptions } from '../core/engine';
import { message } from '../core/i18n';
import { checkReportText } from '../core/text';
import type { PdfjsLoader } from '../hosts/docs/read-pdf';
import { readReport, ReportReadError, type ReadReportOptions } from '../hosts/docs/read-report';
import type { FileResult } from './results';

/** Checks a report file's bytes; an unreadable file gives `error` (bilingual), never a throw. */
export async function checkReportBytes(file: string, name: string, bytes: Uint8Array, pdfjs: PdfjsLoader, options: CheckOptions = {}, read: ReadReportOptions = {}): Promise<FileResult> {
  try {
    const doc = await readReport(bytes, name, { pdfjs, ...read });
    const prose = checkReportText(doc.text, name);
    const textOnly = { workbook: name, findings: prose.findings, sheets: [], observations: prose.mentions.length };
    const kept = { name, text: doc.text, mentions: prose.mentions };
    if (doc.tables.length === 0) return { file, claims: prose.claims, prose: kept, result: textOnly };
    const { result, model, explanations } = checkWorkbookWithModel({ name, sheets: doc.tables }, options);
    // The tables in document order, then the prose by line: the order the command line gives
    // when it sorts the findings of several files again (the prose's "sheet", the file name, is
    // none of the tables).
    const findings = sortFindings([...result.findings, ...prose.findings], doc.tables.map((t) => t.name));
    return { file, claims: prose.claims, prose: kept, model, explanations, result: { ...result, findings, observations: prose.mentions.length + result.observations } };
  } catch (e) {
    if (e instanceof ReportReadError) return { file, error: e.bilingual };
    const text = e instanceof Error ? e.message : String(e);
    return { file, error: message('cli.check.failed', { name, reason: text }) };
  }
}
