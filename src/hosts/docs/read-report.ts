// Reads a report (报告文本) from the file it came in: plain text (.txt), Word (.docx) or PDF
// (.pdf). Bytes in, `{ text, tables }` out: the prose one paragraph a line (a Word paragraph, or
// a PDF paragraph whose printed lines are put back together) for core/text's checkReportText, and
// each Word table as a SheetGrid for the workbook engine. No Node imports: the command line and the task pane read files the same way.
// The Word and PDF readers are loaded with import() only when such a file comes, so a caller that
// bundles this module for .txt does not carry JSZip or PDF.js; PDF.js itself comes through the
// caller's loader (options.pdfjs).
import { decodeReport } from '../../core/text/extract';
import { message } from '../../core/i18n';
import type { Bilingual, SheetGrid } from '../../core/types';
import { ReportReadError } from './errors';
import type { PdfjsLoader } from './read-pdf';

export { ReportReadError };

export type ReportKind = 'txt' | 'docx' | 'pdf';

export interface ReportDocument {
  kind: ReportKind;
  /** The prose, one paragraph a line (a PDF's wrapped lines put back together); tables are left out. */
  text: string;
  /** Word tables in document order, named `<file> 表1`, `<file> 表2` … (none for .txt and .pdf). */
  tables: SheetGrid[];
  /** Pages of a PDF. */
  pages?: number;
}

export interface ReadReportOptions {
  /** How to load PDF.js, needed for a PDF only (read-pdf.ts; pdfjs-browser.ts in a page). */
  pdfjs?: PdfjsLoader;
}

/** `.txt`, `.docx` or `.pdf` by the file name; undefined for any other name. */
export function reportKind(name: string): ReportKind | undefined {
  const m = /\.(txt|docx|pdf)$/i.exec(name);
  return m ? (m[1].toLowerCase() as ReportKind) : undefined;
}

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

/** Whether the bytes hold `needle` written in UTF-16LE (names inside an OLE container). */
function hasUtf16(bytes: Uint8Array, needle: string): boolean {
  const pattern = Array.from(needle).flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let k = 0; k < pattern.length; k++) if (bytes[i + k] !== pattern[k]) continue outer;
    return true;
  }
  return false;
}

/** The PDF header may follow a little junk (some servers prepend bytes); PDF readers allow 1 KB. */
function pdfHeaderAt(bytes: Uint8Array): number {
  const end = Math.min(bytes.length - PDF.length, 1024);
  for (let i = 0; i <= end; i++) if (PDF.every((b, k) => bytes[i + k] === b)) return i;
  return -1;
}

/**
 * What the bytes are, whatever the name says: a Word file renamed .pdf is read as Word. Returns
 * the kind, or a bilingual reason when the content is none of them (a .doc, an encrypted .docx,
 * a file that is not a PDF).
 */
function sniff(bytes: Uint8Array, name: string, byName: ReportKind): ReportKind | Bilingual {
  if (startsWith(bytes, ZIP) || startsWith(bytes, EMPTY_ZIP)) return 'docx';
  if (pdfHeaderAt(bytes) >= 0) return 'pdf';
  if (startsWith(bytes, OLE)) {
    // Word keeps a password-protected .docx in an OLE container with an EncryptedPackage stream;
    // a Word 97-2003 .doc is an OLE container with a WordDocument stream.
    if (hasUtf16(bytes, 'EncryptedPackage')) {
      return message('host.docs.docx-encrypted', { name });
    }
    return message('host.docs.doc', { name });
  }
  if (byName === 'txt') return 'txt';
  return message(byName === 'pdf' ? 'host.docs.not-pdf' : 'host.docs.not-docx', { name });
}

/**
 * Reads a report file. `name` is the file name (its extension picks the reader unless the content
 * says otherwise). Throws ReportReadError with a bilingual message for a file that cannot be
 * read: a PDF without a text layer (a scan), an encrypted or damaged file, a .doc.
 */
export async function readReport(bytes: Uint8Array, name: string, options: ReadReportOptions = {}): Promise<ReportDocument> {
  const byName = reportKind(name) ?? 'txt';
  const kind = sniff(bytes, name, byName);
  if (typeof kind !== 'string') throw new ReportReadError(kind);
  if (kind === 'txt') {
    const text = decodeReport(bytes);
    // A NUL character never occurs in text: a binary file under a .txt name.
    if (text.includes('\u0000')) {
      throw new ReportReadError(message('host.docs.txt-binary', { name }));
    }
    return { kind, text, tables: [] };
  }
  if (kind === 'docx') {
    const { readDocx } = await import(/* webpackChunkName: "report-docx" */ './read-docx');
    const doc = await readDocx(bytes, name);
    return { kind, text: doc.text, tables: doc.tables };
  }
  if (!options.pdfjs) throw new Error('readReport: a PDF needs options.pdfjs (how to load PDF.js)');
  const { readPdf } = await import(/* webpackChunkName: "report-pdf" */ './read-pdf');
  const pdf = await readPdf(bytes, name, options.pdfjs);
  return { kind, text: pdf.text, tables: [], pages: pdf.pages };
}
