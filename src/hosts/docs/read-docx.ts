// Reads a Word document (.docx, Office Open XML) into its prose and its tables, straight from the
// package's main part (word/document.xml): JSZip opens the zip, and a small scanner walks the XML.
//
//   - prose: each body paragraph (w:p) is one line; line breaks inside a paragraph (w:br, w:cr)
//     are line breaks too, tabs are tabs. Deleted text of tracked changes (w:del, w:delText,
//     w:moveFrom), field codes (w:instrText), drawings, text boxes and the fallback copy of
//     mc:AlternateContent are left out, so every word is read once, as Word shows it.
//   - tables: each top-level w:tbl becomes one SheetGrid, row for row and grid column for grid
//     column: a cell spanning columns (w:gridSpan) keeps its text in its first column, a cell
//     merged into the one above (w:vMerge continue) and columns skipped at the start of a row
//     (w:gridBefore) are empty, so a cell's address (B3) is its place in the table as drawn.
//     Plain numbers become numbers and every other text stays text (`1,200`, `98.5%`, `约300`),
//     which the engine reads and reports as it does for a .csv. A paragraph indent in a cell
//     becomes an indent level (two characters a level), the way Excel's indent marks a part
//     under its total. A table inside a cell is read as that cell's text. In the prose, a blank
//     line stands where a table was, so the paragraphs around it are never joined.
//
// Numbers that Word draws itself (automatic list numbering 一、 1. and page numbers) are not in
// the XML and so not in the text. No Node imports: the task pane uses the same reader.
import JSZip from 'jszip';
import { message } from '../../core/i18n';
import { isStatutoryForm } from '../../core/text';
import type { CellValue, SheetGrid } from '../../core/types';
import { ReportReadError } from './errors';

/** Inflated bytes of the main part read into memory; a larger one is refused (a zip bomb). */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;
/** A part above 1 MB that inflates more than this many times its packed size is refused. */
const MAX_RATIO = 500;

const W_NAMESPACES = new Set(['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main']);
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

export interface DocxContent {
  text: string;
  tables: SheetGrid[];
}

function damaged(name: string, detail: string): ReportReadError {
  return new ReportReadError(message('host.docs.docx-damaged', { name, detail }));
}

// ---------------------------------------------------------------------------------------------
// The package

/** The sizes JSZip read from the central directory for an entry (inflated and packed). */
function statedSizes(entry: JSZip.JSZipObject): { size: number; packed: number } {
  const data = (entry as unknown as { _data?: { uncompressedSize?: number; compressedSize?: number } })._data;
  return { size: data?.uncompressedSize ?? 0, packed: data?.compressedSize ?? 0 };
}

function tooLarge(name: string, part: string): ReportReadError {
  const mb = MAX_DOCUMENT_BYTES / 1024 / 1024;
  return new ReportReadError(message('host.docs.docx-too-large', { name, part, mb }));
}

interface PieceStream {
  on(event: 'data', f: (piece: Uint8Array) => void): PieceStream;
  on(event: 'error', f: (e: unknown) => void): PieceStream;
  on(event: 'end', f: () => void): PieceStream;
  resume(): PieceStream;
  pause(): PieceStream;
}

/**
 * Inflates an entry in pieces and stops as soon as it passes `limit`, whatever size its header
 * states (a header can lie about the size; the stated size is checked before this too).
 */
function inflateLimited(entry: JSZip.JSZipObject, limit: number, onTooLarge: () => Error): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const pieces: Uint8Array[] = [];
    let total = 0;
    let settled = false;
    // JSZip's own pull stream (not in its typings), the same in Node and the browser.
    const stream = (entry as unknown as { internalStream(type: 'uint8array'): PieceStream }).internalStream('uint8array');
    stream
      .on('data', (piece) => {
        if (settled) return;
        total += piece.length;
        if (total > limit) {
          settled = true;
          stream.pause();
          reject(onTooLarge());
          return;
        }
        pieces.push(piece);
      })
      .on('error', (e) => {
        if (settled) return;
        settled = true;
        reject(e);
      })
      .on('end', () => {
        if (settled) return;
        settled = true;
        const out = new Uint8Array(total);
        let at = 0;
        for (const p of pieces) {
          out.set(p, at);
          at += p.length;
        }
        resolve(out);
      })
      .resume();
  });
}

function decodeXml(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

/** The main document part: the officeDocument relationship of _rels/.rels, else word/document.xml. */
async function mainPartName(zip: JSZip): Promise<string> {
  const rels = zip.file('_rels/.rels');
  if (rels) {
    const xml = await rels.async('string');
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
      const type = /\bType\s*=\s*["']([^"']*)["']/.exec(m[0])?.[1] ?? '';
      const target = /\bTarget\s*=\s*["']([^"']*)["']/.exec(m[0])?.[1];
      if (target && /\/officeDocument$/.test(type)) return target.replace(/^\//, '');
    }
  }
  return 'word/document.xml';
}

// ---------------------------------------------------------------------------------------------
// The XML scanner: start tags, end tags and text, in document order.

interface Tag {
  prefix: string;
  local: string;
  attrs: Map<string, string>;
  selfClosing: boolean;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e] ?? whole;
  });
}

function parseTag(body: string): Tag {
  const selfClosing = body.endsWith('/');
  const inner = selfClosing ? body.slice(0, -1) : body;
  const nameEnd = inner.search(/[\s/]|$/);
  const qname = inner.slice(0, nameEnd);
  const colon = qname.indexOf(':');
  const attrs = new Map<string, string>();
  if (nameEnd < inner.length) {
    for (const m of inner.slice(nameEnd).matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.set(m[1], decodeEntities(m[2] ?? m[3] ?? ''));
  }
  return { prefix: colon < 0 ? '' : qname.slice(0, colon), local: colon < 0 ? qname : qname.slice(colon + 1), attrs, selfClosing };
}

/**
 * Walks the XML: `open` for each start (or empty) tag, `close` for each end tag (and right after
 * `open` for an empty one), `text` for character data. Comments and processing instructions are
 * passed over; a DOCTYPE is refused (Word never writes one, and one could declare entities).
 */
function scanXml(xml: string, name: string, on: { open(t: Tag): void; close(prefix: string, local: string): void; text(raw: string, cdata: boolean): void }): void {
  let i = 0;
  const n = xml.length;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      on.text(xml.slice(i), false);
      break;
    }
    if (lt > i) on.text(xml.slice(i, lt), false);
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      on.text(xml.slice(lt + 9, end < 0 ? n : end), true);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (xml.startsWith('<!', lt)) throw damaged(name, 'DOCTYPE');
    // The tag ends at the first '>' outside a quoted attribute value.
    let j = lt + 1;
    let quote = 0;
    for (; j < n; j++) {
      const c = xml.charCodeAt(j);
      if (quote) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62) break;
    }
    const body = xml.slice(lt + 1, j).trim();
    i = j + 1;
    if (body.startsWith('/')) {
      const qname = body.slice(1).trim();
      const colon = qname.indexOf(':');
      on.close(colon < 0 ? '' : qname.slice(0, colon), colon < 0 ? qname : qname.slice(colon + 1));
    } else if (body) {
      const tag = parseTag(body);
      on.open(tag);
      if (tag.selfClosing) on.close(tag.prefix, tag.local);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and tables

interface Cell {
  paras: string[];
  span: number;
  merge?: 'restart' | 'continue';
  /** Indent of the cell's first paragraph, in characters; -1 before it is known. */
  indent: number;
}

interface Row {
  cells: Cell[];
  before: number;
}

interface Table {
  rows: Row[];
  row?: Row;
  cell?: Cell;
}

/** Elements whose content is not read: drawings and text boxes, deleted or moved-away text, field codes, notes' marks. */
const SKIPPED = new Set(['drawing', 'pict', 'object', 'txbxContent', 'del', 'moveFrom', 'delText', 'instrText', 'delInstrText', 'footnoteReference', 'endnoteReference', 'commentReference']);

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A cell's text as a cell value: a plain number becomes a number (as Excel does when the table
 * is pasted in), anything else stays text as written; an empty cell is null. Integers with
 * leading zeros (codes) and numbers with more than 15 significant digits stay text.
 */
export function cellValue(text: string): CellValue {
  if (text.trim() === '') return null;
  const t = text.trim();
  if (!PLAIN_NUMBER.test(t)) return text.replace(/\s+$/, '');
  const mantissa = t.replace(/^[+-]/, '').replace(/[eE].*$/, '');
  if (/^0\d/.test(mantissa)) return t;
  if (mantissa.replace('.', '').replace(/^0+/, '').length > 15) return t;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** A paragraph's indent in characters from w:ind (…Chars are hundredths of a character; twips at 10.5 pt otherwise). */
function indentChars(attrs: Map<string, string>, prefix: string): number {
  const get = (k: string): number | undefined => {
    const v = attrs.get(`${prefix}:${k}`) ?? attrs.get(k);
    const n = v === undefined ? NaN : Number(v);
    return Number.isFinite(n) ? n : undefined;
  };
  const chars = (c: string, t: string): number => {
    const v = get(c);
    if (v !== undefined && v !== 0) return v / 100;
    const tw = get(t);
    return tw === undefined ? 0 : tw / 210;
  };
  const left = Math.max(chars('leftChars', 'left'), chars('startChars', 'start'));
  const first = chars('firstLineChars', 'firstLine') - chars('hangingChars', 'hanging');
  return Math.max(0, left + first);
}

function toGrid(table: Table, name: string): SheetGrid {
  const width = Math.max(1, ...table.rows.map((r) => r.before + r.cells.reduce((s, c) => s + c.span, 0)));
  const values: CellValue[][] = table.rows.map(() => new Array<CellValue>(width).fill(null));
  const indents: number[][] = table.rows.map(() => new Array<number>(width).fill(0));
  let indented = false;
  table.rows.forEach((row, r) => {
    let col = row.before;
    for (const cell of row.cells) {
      if (col < width && cell.merge !== 'continue') {
        const value = cellValue(cell.paras.join('\n'));
        values[r][col] = value;
        if (typeof value === 'string' && cell.indent >= 1) {
          indents[r][col] = Math.max(1, Math.round(cell.indent / 2));
          indented = true;
        }
      }
      col += cell.span;
    }
  });
  return { name, originRow: 0, originCol: 0, values, ...(indented ? { indents } : {}) };
}

/**
 * A table's rows as lines of cells between bars (| 一、本年新收… | 12 | 3 |), empty rows left out.
 * A cell's line breaks become spaces, and a bar inside a cell a full-width one, so that a row
 * stays one line of the cells it has.
 */
function formLines(grid: SheetGrid): string[] {
  const out: string[] = [];
  for (const row of grid.values) {
    const cells = row.map((v) => (v === null ? '' : String(v).replace(/\s+/g, ' ').replace(/\|/g, '｜').trim()));
    if (cells.every((c) => c === '')) continue;
    out.push(`| ${cells.join(' | ')} |`);
  }
  return out;
}

/** Reads the prose and the tables of a document part. */
export function readDocumentXml(xml: string, name: string): DocxContent {
  const lines: string[] = [];
  const grids: SheetGrid[] = [];
  const wPrefixes = new Set<string>();
  const mcPrefixes = new Set<string>();
  let rootSeen = false;
  let skip = 0;
  let para: { text: string; indent: number } | undefined;
  let inRun = 0;
  let inText = false;
  let table: Table | undefined;
  /** Tables open inside a cell of `table`: their paragraphs are read as that cell's text. */
  let nested = 0;

  const isW = (prefix: string) => wPrefixes.has(prefix);
  scanXml(xml, name, {
    open(t) {
      if (!rootSeen) {
        rootSeen = true;
        for (const [k, v] of t.attrs) {
          const p = k === 'xmlns' ? '' : k.startsWith('xmlns:') ? k.slice(6) : undefined;
          if (p === undefined) continue;
          if (W_NAMESPACES.has(v)) wPrefixes.add(p);
          if (v === MC_NAMESPACE) mcPrefixes.add(p);
        }
        // A part that declares no WordprocessingML namespace still uses w: by convention.
        if (wPrefixes.size === 0) wPrefixes.add('w');
      }
      if (skip > 0) {
        if (!t.selfClosing) skip++;
        return;
      }
      if ((isW(t.prefix) && SKIPPED.has(t.local)) || (mcPrefixes.has(t.prefix) && t.local === 'Fallback')) {
        if (!t.selfClosing) skip = 1;
        return;
      }
      if (!isW(t.prefix)) return;
      switch (t.local) {
        case 'p':
          para = { text: '', indent: 0 };
          break;
        case 'ind':
          if (para && !inRun) para.indent = indentChars(t.attrs, t.prefix);
          break;
        case 'r':
          inRun++;
          break;
        case 't':
          if (inRun && !t.selfClosing) inText = true;
          break;
        case 'tab':
          if (inRun && para) para.text += '\t';
          break;
        case 'br':
        case 'cr':
          if (inRun && para) para.text += '\n';
          break;
        case 'noBreakHyphen':
          if (inRun && para) para.text += '-';
          break;
        case 'tbl':
          if (table?.cell) nested++;
          else if (!table) table = { rows: [] };
          break;
        case 'tr':
          if (table && !nested) table.row = { cells: [], before: 0 };
          break;
        case 'gridBefore':
          if (table?.row && !nested && !table.cell) table.row.before = Math.max(0, Math.min(1000, Number(t.attrs.get(`${t.prefix}:val`) ?? t.attrs.get('val')) || 0));
          break;
        case 'tc':
          if (table?.row && !nested) table.cell = { paras: [], span: 1, indent: -1 };
          break;
        case 'gridSpan':
          if (table?.cell && !nested) table.cell.span = Math.max(1, Math.min(1000, Number(t.attrs.get(`${t.prefix}:val`) ?? t.attrs.get('val')) || 1));
          break;
        case 'vMerge':
          if (table?.cell && !nested) table.cell.merge = (t.attrs.get(`${t.prefix}:val`) ?? t.attrs.get('val')) === 'restart' ? 'restart' : 'continue';
          break;
      }
    },
    close(prefix, local) {
      if (skip > 0) {
        skip--;
        return;
      }
      if (!isW(prefix)) return;
      switch (local) {
        case 't':
          inText = false;
          break;
        case 'r':
          inRun = Math.max(0, inRun - 1);
          break;
        case 'p':
          if (!para) break;
          if (table?.cell) {
            table.cell.paras.push(para.text);
            if (table.cell.indent < 0 && !nested) table.cell.indent = para.indent;
          } else if (!table) {
            lines.push(...para.text.split('\n'));
          }
          para = undefined;
          break;
        case 'tc':
          if (table?.cell && !nested) {
            table.row?.cells.push(table.cell);
            table.cell = undefined;
          }
          break;
        case 'tr':
          if (table?.row && !nested) {
            table.rows.push(table.row);
            table.row = undefined;
          }
          break;
        case 'tbl':
          if (nested) nested--;
          else if (table) {
            const grid = toGrid(table, `${name} 表${grids.length + 1}`);
            if (isStatutoryForm(grid.values.flat().map((v) => (v === null ? '' : String(v))))) {
              // A statutory form of a 政府信息公开年度报告 is read with the prose, where the same form
              // copied into a .txt or printed in a PDF is read: its rows go into the text between |.
              lines.push('', ...formLines(grid), '');
            } else {
              grids.push(grid);
              lines.push('');
            }
            table = undefined;
          }
          break;
      }
    },
    text(raw, cdata) {
      if (skip === 0 && inText && para) para.text += cdata ? raw : decodeEntities(raw);
    },
  });
  return { text: lines.join('\n'), tables: grids };
}

/** Reads a .docx: its prose and its tables (see the top of this file). */
export async function readDocx(bytes: Uint8Array, name: string): Promise<DocxContent> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (e) {
    throw damaged(name, e instanceof Error ? e.message : String(e));
  }
  const part = await mainPartName(zip).catch(() => 'word/document.xml');
  const entry = zip.file(part) ?? zip.file('word/document.xml');
  if (!entry) {
    throw new ReportReadError(message('host.docs.docx-no-body', { name, part }));
  }
  const { size, packed } = statedSizes(entry);
  if (size > MAX_DOCUMENT_BYTES || (size > 1024 * 1024 && size / Math.max(1, packed) > MAX_RATIO)) throw tooLarge(name, entry.name);
  let xml: string;
  try {
    xml = decodeXml(await inflateLimited(entry, MAX_DOCUMENT_BYTES, () => tooLarge(name, entry.name)));
  } catch (e) {
    if (e instanceof ReportReadError) throw e;
    throw damaged(name, e instanceof Error ? e.message : String(e));
  }
  return readDocumentXml(xml, name);
}
