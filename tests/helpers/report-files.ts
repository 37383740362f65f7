// Report files made in the tests: a minimal Word package (JSZip) and a minimal PDF with a real
// text layer written by hand, plus PDF.js in a form jest can load.
import * as fs from 'fs';
import JSZip from 'jszip';
import * as path from 'path';
import type { PdfjsLike } from '../../src/hosts/docs/read-pdf';

// ---------------------------------------------------------------------------------------------
// .docx

/** A table cell: its text, and optionally a column span, a vertical merge and a left indent (characters). */
export type DocxCell = string | { text: string; span?: number; vMerge?: 'restart' | 'continue'; indentChars?: number };
export type DocxBlock = string | { table: DocxCell[][] };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Runs of a paragraph as Word writes them: the text cut into several w:r (Word splits runs at
 * proofing marks and editing sessions, often inside a number), every w:t with xml:space.
 */
function runs(text: string, cuts: number[] = []): string {
  const chars = Array.from(text);
  const points = [0, ...cuts.filter((c) => c > 0 && c < chars.length).sort((a, b) => a - b), chars.length];
  let out = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const piece = chars.slice(points[i], points[i + 1]).join('');
    if (!piece) continue;
    out += `<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">${esc(piece)}</w:t></w:r>`;
    if (i % 2 === 1) out += '<w:proofErr w:type="spellStart"/>';
  }
  return out;
}

function paragraph(text: string, indentChars?: number): string {
  // Cut the runs at a few places, inside numbers too (a fixed pattern: reproducible).
  const n = Array.from(text).length;
  const cuts = [Math.floor(n / 3), Math.floor(n / 2) + 1, Math.floor((2 * n) / 3) + 2];
  const ppr = indentChars ? `<w:pPr><w:ind w:leftChars="${indentChars * 100}" w:left="${indentChars * 210}"/></w:pPr>` : '';
  return `<w:p>${ppr}${runs(text, cuts)}</w:p>`;
}

function table(rows: DocxCell[][]): string {
  const width = Math.max(...rows.map((r) => r.reduce<number>((s, c) => s + (typeof c === 'string' ? 1 : c.span ?? 1), 0)));
  const grid = `<w:tblGrid>${'<w:gridCol w:w="2000"/>'.repeat(width)}</w:tblGrid>`;
  const body = rows
    .map((r) => {
      const cells = r
        .map((c) => {
          const cell = typeof c === 'string' ? { text: c } : c;
          const tcPr = `<w:tcPr><w:tcW w:w="2000" w:type="dxa"/>${cell.span ? `<w:gridSpan w:val="${cell.span}"/>` : ''}${cell.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : cell.vMerge === 'continue' ? '<w:vMerge/>' : ''}</w:tcPr>`;
          return `<w:tc>${tcPr}${paragraph(cell.text, cell.indentChars)}</w:tc>`;
        })
        .join('');
      return `<w:tr>${cells}</w:tr>`;
    })
    .join('');
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>${grid}${body}</w:tbl>`;
}

/** word/document.xml of these blocks (paragraphs and tables), with the namespaces Word declares. */
export function documentXml(blocks: DocxBlock[], extraBody = ''): string {
  const body = blocks.map((b) => (typeof b === 'string' ? paragraph(b) : table(b.table))).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<w:document xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" ' +
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" mc:Ignorable="w14">' +
    `<w:body>${body}${extraBody}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`
  );
}

/** A minimal .docx package: [Content_Types].xml, _rels/.rels and word/document.xml. */
export async function makeDocx(blocks: DocxBlock[], options: { xml?: string } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', options.xml ?? documentXml(blocks));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

// ---------------------------------------------------------------------------------------------
// .pdf

/** Characters a line must not start with (Chinese line-breaking rules, 禁则), as Word and WPS lay out. */
const NO_LINE_START = /^[，。、；：？！）》」』”’%…·,.;:?!)\]]/u;
/** Characters a line must not end with. */
const NO_LINE_END = /[（《「『“‘([]$/u;

/**
 * Cuts a paragraph into printed lines of at most `width` full-width characters (ASCII counts
 * half), as a word processor does: never inside a run of ASCII letters and digits (a number
 * stays whole), never starting a line with closing punctuation nor ending one with an opening
 * bracket.
 */
export function wrap(paragraph: string, width = 38): string[] {
  // A number with its separators (17,093 · 98.5% · 2023-12-31) or a Latin word is one token.
  const tokens = paragraph.match(/[A-Za-z0-9](?:[A-Za-z0-9.,%:/-]*[A-Za-z0-9%])?|./gsu) ?? [];
  const w = (t: string) => Array.from(t).reduce((s, c) => s + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);
  const lines: string[] = [];
  let line = '';
  for (const t of tokens) {
    if (line && w(line) + w(t) > width && !NO_LINE_START.test(t)) {
      // An opening bracket at the end moves down with what follows it.
      const m = NO_LINE_END.exec(line);
      lines.push(m ? line.slice(0, -1) : line);
      line = m ? m[0] : '';
    }
    line += t;
  }
  if (line) lines.push(line);
  return lines;
}

/** A printed line; `indent` (in characters) for a paragraph's first line. */
export type PrintedLine = string | { text: string; indent: number };

export interface PdfOptions {
  /** Printed lines per page (a page break after so many lines). */
  linesPerPage?: number;
  /** Draw every line in two pieces (two text items PDF.js must put back on one line). */
  split?: boolean;
  /** A page number at the foot of each page, as reports print them: — 1 —. */
  pageNumbers?: boolean;
  /** Add a standard-security /Encrypt dictionary whose password is not empty. */
  encrypted?: boolean;
  /** Pages without text: a picture of a page only (a scan). */
  scan?: number;
}

/**
 * A PDF written by hand. Its text is drawn in a Type0 font with Identity-H encoding (two-byte
 * codes, here each character's Unicode value) and a ToUnicode CMap, the way Word and WPS export
 * Chinese text; the font program itself is not embedded (PDF.js needs none to read text).
 */
export function makePdf(pages: PrintedLine[][], options: PdfOptions = {}): Uint8Array {
  const textOf = (l: PrintedLine) => (typeof l === 'string' ? l : l.text);
  const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
  const codes = new Set<number>();
  for (const p of pages) for (const l of p) for (const c of textOf(l)) codes.add(c.codePointAt(0) as number);
  for (const c of '— 0123456789') codes.add(c.codePointAt(0) as number);
  const list = [...codes].filter((c) => c <= 0xffff).sort((a, b) => a - b);
  let cmap =
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n';
  for (let i = 0; i < list.length; i += 100) {
    const chunk = list.slice(i, i + 100);
    cmap += `${chunk.length} beginbfchar\n${chunk.map((c) => `<${hex4(c)}> <${hex4(c)}>`).join('\n')}\nendbfchar\n`;
  }
  cmap += 'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n';

  const objects: string[] = [];
  const add = (s: string) => objects.push(s);
  const stream = (dict: string, data: string) => `<< ${dict} /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;
  add('<< /Type /Catalog /Pages 2 0 R >>'); // 1
  add(''); // 2: the page tree, below
  add('<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>'); // 3
  add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 /W [32 126 500] >>'); // 4: ASCII half width
  add(stream('', cmap)); // 5
  add('<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 683 /StemV 80 >>'); // 6
  add(stream('/Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8', '\x80\x40\x40\x80')); // 7: a picture
  const size = 12;
  const advance = (s: string) => Array.from(s).reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? size / 2 : size), 0);
  const show = (s: string) => `<${Array.from(s).map((c) => hex4(c.codePointAt(0) as number)).join('')}> Tj`;
  const kids: number[] = [];
  const allPages: Array<PrintedLine[] | null> = [...pages, ...Array.from({ length: options.scan ?? 0 }, () => null)];
  allPages.forEach((lines, index) => {
    let content = '';
    if (lines === null) {
      content = 'q 495 0 0 742 50 50 cm /Im1 Do Q';
    } else {
      let y = 780;
      for (const line of lines) {
        const text = textOf(line);
        const x = 50 + (typeof line === 'string' ? 0 : line.indent * size);
        const chars = Array.from(text);
        if (options.split && chars.length > 4) {
          const cut = Math.floor(chars.length / 2);
          const first = chars.slice(0, cut).join('');
          // The second piece starts where the first ends, its baseline 0.3 pt off (as PDFs often are).
          content += `BT /F1 ${size} Tf ${x} ${y} Td ${show(first)} ET\n`;
          content += `BT /F1 ${size} Tf ${x + advance(first)} ${(y + 0.3).toFixed(1)} Td ${show(chars.slice(cut).join(''))} ET\n`;
        } else {
          content += `BT /F1 ${size} Tf ${x} ${y} Td ${show(text)} ET\n`;
        }
        y -= 20;
      }
      if (options.pageNumbers) content += `BT /F1 10 Tf 280 40 Td ${show(`— ${index + 1} —`)} ET\n`;
    }
    const contentId = objects.length + 1;
    add(stream('', content));
    kids.push(objects.length + 1);
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> /XObject << /Im1 7 0 R >> >> /Contents ${contentId} 0 R >>`);
  });
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let encrypt = '';
  if (options.encrypted) {
    // Standard security handler, revision 2 (RC4, 40 bits), with /O and /U that no empty
    // password matches: a reader must ask for the password.
    add(`<< /Filter /Standard /V 1 /R 2 /O <${'5A'.repeat(32)}> /U <${'A5'.repeat(32)}> /P -4 >>`);
    encrypt = ` /Encrypt ${objects.length} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]`;
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/**
 * A report's paragraphs as printed pages of wrapped lines, each paragraph's first line indented
 * by two characters (首行缩进 2 字符, as Chinese reports are set).
 */
export function layOut(paragraphs: string[], linesPerPage = 36, width = 38): PrintedLine[][] {
  const lines = paragraphs.flatMap((p): PrintedLine[] => {
    if (p.trim() === '') return [];
    const [first, ...rest] = wrap(`\u3000\u3000${p.trim()}`, width);
    return [{ text: first.replace(/^\u3000+/, ''), indent: 2 }, ...rest];
  });
  const pages: PrintedLine[][] = [];
  for (let i = 0; i < lines.length; i += linesPerPage) pages.push(lines.slice(i, i + linesPerPage));
  return pages.length ? pages : [[]];
}

// ---------------------------------------------------------------------------------------------
// PDF.js under jest

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * unpdf's PDF.js build is an ES module, and jest (without --experimental-vm-modules) cannot load
 * one, nor follow unpdf's own import() of it. Its code has no import statements and one export
 * list at the end, so a CommonJS copy is the same code with `module.exports` for that list; it is
 * written once per unpdf version under build/test-cache. The command line and the pane load the
 * module itself (read-pdf.ts defaultPdfjs).
 */
export function pdfjsForJest(): PdfjsLike {
  const main = require.resolve('unpdf');
  const dir = path.dirname(main);
  const version = (JSON.parse(fs.readFileSync(path.join(dir, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const out = path.join(ROOT, 'build', 'test-cache', `unpdf-pdfjs-${version}.cjs`);
  if (!fs.existsSync(out)) {
    const code = fs.readFileSync(path.join(dir, 'pdfjs.mjs'), 'utf8');
    const m = /export\s*\{([^}]*)\}\s*;?\s*$/.exec(code);
    if (!m) throw new Error('unpdf/dist/pdfjs.mjs: no export list at its end');
    const exported = m[1]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const [local, as] = s.split(/\s+as\s+/);
        return `${JSON.stringify(as ?? local)}: ${local}`;
      });
    const cjs = `${code.slice(0, m.index).replace(/import\.meta\.url/g, 'require("url").pathToFileURL(__filename).href')}\nmodule.exports = {${exported.join(',')}};\n`;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, cjs);
    fs.renameSync(tmp, out);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(out) as PdfjsLike;
}
