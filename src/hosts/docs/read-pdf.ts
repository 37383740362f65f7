// Reads the text layer of a PDF with PDF.js, in the serverless build the unpdf package ships
// (PDF.js with its worker inlined: no worker file, no canvas, no DOM, made for Node, pages and
// Web Workers alike; it needs structuredClone and ReadableStream, so Chromium 98 or Safari 15.4
// or later in a page). Only text is read, never rendered. The caller says how to load
// PDF.js (`PdfjsLoader`): the command line through unpdf's CommonJS entry (src/cli/report-file.ts),
// the task pane as a lazy chunk (pdfjs-browser.ts), so that neither build sees the other's way.
//
// PDF.js gives a page's text as items (a run of glyphs at a position). Items whose baselines lie
// within half a font height of each other make one line, read left to right; lines go top to
// bottom. A gap wider than a character between two items on one line (columns of a table drawn
// as text) becomes a space; narrower gaps (the spacing of justified Chinese text) do not.
//
// A paragraph the word processor wrapped at the page width is put back on one line, as it was
// typed (and as a .docx or .txt of the same report has it): a line that reaches the right edge
// of the text and is followed, at the usual line spacing and size, by a line that starts at the
// left edge (not indented, as a paragraph's first line is, and not a numbered item such as 一、
// or （二）) continues it. Chinese joins without a space, Latin letters and digits with one. A
// line that ends a sentence (。；：…) keeps its break. Joining matters for checking: a break
// inside a label (其|他) or a number would otherwise split it.
//
// Pages follow each other, each page starting on a new line. A page number printed alone at the
// head or foot of a page (— 3 —, 第3页 共9页, 3/9) is left out: it would stand between the two
// halves of a sentence that runs on to the next page, where core/text (joinBrokenLines) joins
// the page's last line with the next page's first, as for a .txt.
//
// A PDF whose pages carry no text (a scan: pictures of pages) gets a message saying so; OCR is
// not done. An encrypted PDF that needs a password to open, and a damaged one, get a message
// too; neither ever throws anything but ReportReadError.
import { message } from '../../core/i18n';
import { ReportReadError } from './errors';

/** The part of PDF.js this reader uses (unpdf's serverless build and pdfjs-dist both fit). */
export interface PdfjsLike {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfDocumentLike>; destroy?: () => Promise<void> };
}

interface PdfDocumentLike {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(params?: Record<string, unknown>): Promise<{ items: unknown[] }>; cleanup?: () => unknown }>;
  destroy(): Promise<void>;
}

/** Loads PDF.js (unpdf's serverless build, or any build of the same API). */
export type PdfjsLoader = () => Promise<PdfjsLike>;

interface TextItem {
  str: string;
  /** [a, b, c, d, e, f]: e, f are the baseline's start; |d| (or |b|) is about the font size. */
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

function isTextItem(x: unknown): x is TextItem {
  const t = x as TextItem;
  return typeof t === 'object' && t !== null && typeof t.str === 'string' && Array.isArray(t.transform) && t.transform.length >= 6;
}

/** A printed line: its text, where it starts and ends (x), its baseline (y) and font size. */
export interface PdfLine {
  text: string;
  x: number;
  end: number;
  y: number;
  size: number;
}

/** The lines of one page's text items, top to bottom (see the top of this file). */
export function pageLines(items: unknown[]): PdfLine[] {
  const runs = items
    .filter(isTextItem)
    .filter((t) => t.str !== '')
    .map((t) => {
      const size = Math.abs(t.height) || Math.hypot(t.transform[2], t.transform[3]) || Math.hypot(t.transform[0], t.transform[1]) || 10;
      return { str: t.str, x: t.transform[4], y: t.transform[5], w: Math.abs(t.width) || 0, size };
    });
  // Top to bottom (PDF's y grows upwards), then left to right; a line gathers the runs whose
  // baseline is within half a font height of the line's first run.
  runs.sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; size: number; runs: typeof runs }> = [];
  for (const r of runs) {
    const line = lines.find((l) => Math.abs(l.y - r.y) <= Math.max(1, Math.min(l.size, r.size) / 2));
    if (line) line.runs.push(r);
    else lines.push({ y: r.y, size: r.size, runs: [r] });
  }
  lines.sort((a, b) => b.y - a.y);
  return lines
    .map((l) => {
      l.runs.sort((a, b) => a.x - b.x);
      let out = '';
      let end = -Infinity;
      for (const r of l.runs) {
        if (out && r.x - end > r.size * 0.9 && !/\s$/.test(out) && !/^\s/.test(r.str)) out += ' ';
        out += r.str;
        end = Math.max(end, r.x + r.w);
      }
      // Leading blanks drawn as text are an indent: the line starts where its first glyph does.
      const lead = out.length - out.replace(/^\s+/, '').length;
      const first = l.runs[0];
      const x = first.x + (lead && first.str.length ? (first.w * Math.min(lead, first.str.length)) / first.str.length : 0);
      return { text: out.trim(), x, end, y: l.y, size: l.size };
    })
    .filter((l) => l.text !== '');
}

/** Ends a sentence or a clause that introduces what follows: the line break after it is real. */
const SENTENCE_END = /[。！？!?；;：:…]$/;
/** Opens a numbered heading or list item: 一、 （一） (1) 1. 1、 ① 第一， 一是. */
const ITEM_START = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.．、](?!\d)|[①-⑳]|第[一二三四五六七八九十]+[，,、]|[一二三四五六七八九十]+是)/;

function median(xs: number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** A page's lines with the paragraphs the word processor wrapped put back on one line each. */
export function paragraphs(lines: PdfLine[]): string[] {
  if (lines.length === 0) return [];
  const left = Math.min(...lines.map((l) => l.x));
  const right = Math.max(...lines.map((l) => l.end));
  const spacing = median(lines.slice(1).map((l, i) => lines[i].y - l.y).filter((d) => d > 0));
  const out: string[] = [];
  let current = lines[0].text;
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    const gap = a.y - b.y;
    const continues =
      a.end >= right - 2 * a.size &&
      Math.abs(b.x - left) <= b.size / 2 &&
      gap > 0 &&
      gap <= Math.max(spacing ?? 0, a.size) * 1.6 &&
      Math.abs(a.size - b.size) <= 0.2 * a.size &&
      !SENTENCE_END.test(a.text) &&
      !ITEM_START.test(b.text);
    if (continues) {
      current += /[A-Za-z0-9]$/.test(current) && /^[A-Za-z0-9]/.test(b.text) ? ` ${b.text}` : b.text;
    } else {
      out.push(current);
      current = b.text;
    }
  }
  out.push(current);
  return out;
}

/** A line that is only a page number: 3, — 3 —, -3-, 第3页, 第 3 页 共 9 页, 3/9, Page 3 of 9. */
const PAGE_NUMBER = /^\s*[-—–－﹣·•]*\s*(?:第\s*)?\d{1,4}\s*页?\s*(?:[，,]?\s*(?:[/／]|共)\s*\d{1,4}\s*页?)?\s*[-—–－﹣·•]*\s*$|^\s*page\s+\d{1,4}(?:\s+of\s+\d{1,4})?\s*$/i;

/** A page's lines without a page number printed alone as its first or last line. */
export function withoutPageNumber<T extends { text: string } | string>(lines: T[]): T[] {
  const text = (l: T) => (typeof l === 'string' ? l : l.text);
  let out = lines;
  if (out.length > 1 && PAGE_NUMBER.test(text(out[out.length - 1]))) out = out.slice(0, -1);
  if (out.length > 1 && PAGE_NUMBER.test(text(out[0]))) out = out.slice(1);
  return out;
}

function pdfError(name: string, e: unknown): ReportReadError {
  const kind = (e as { name?: string } | null)?.name ?? '';
  const detail = e instanceof Error ? e.message : String(e);
  if (kind === 'PasswordException') {
    return new ReportReadError(message('host.docs.pdf-encrypted', { name }));
  }
  if (kind === 'InvalidPDFException' || kind === 'FormatError') {
    return new ReportReadError(message('host.docs.pdf-damaged', { name, detail }));
  }
  return new ReportReadError(message('host.docs.pdf-failed', { name, detail }));
}

export function noTextLayer(name: string, pages: number): ReportReadError {
  return new ReportReadError(message('host.docs.pdf-no-text', { name, pages }));
}

/**
 * Reads a PDF's text layer: one paragraph (or unwrapped printed line) a line, pages one after
 * another. Throws
 * ReportReadError for a PDF without text (a scan), one that needs a password, or a damaged one.
 */
export async function readPdf(bytes: Uint8Array, name: string, load: PdfjsLoader): Promise<{ text: string; pages: number }> {
  const pdfjs = await load();
  let doc: PdfDocumentLike | undefined;
  let task: ReturnType<PdfjsLike['getDocument']> | undefined;
  try {
    // PDF.js takes over (detaches) the buffer it is given and refuses a Node Buffer: hand it a
    // plain Uint8Array copy (Buffer#slice would be a view of the same memory). isEvalSupported false:
    // PDF.js then never compiles PostScript functions with new Function (the pane's CSP forbids it
    // anyway). No fonts are loaded into the page (disableFontFace): text only.
    task = pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    });
    doc = await task.promise;
    const lines: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      lines.push(...paragraphs(withoutPageNumber(pageLines(content.items))));
      page.cleanup?.();
    }
    const text = lines.join('\n');
    // Letters of any script (Chinese characters included); page numbers alone are not a text layer.
    if (!/\p{L}/u.test(text)) throw noTextLayer(name, doc.numPages);
    return { text, pages: doc.numPages };
  } catch (e) {
    if (e instanceof ReportReadError) throw e;
    throw pdfError(name, e);
  } finally {
    // Frees PDF.js's in-thread worker: the document's, or the loading task's when opening failed.
    if (doc) await doc.destroy().catch(() => undefined);
    else await task?.destroy?.().catch(() => undefined);
  }
}
