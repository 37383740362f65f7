// Reading the package's parts for the streaming reader: inflating zip entries (with JSZip's size
// check), and parsing a part through ExcelJS's own xforms with saxes, as its full reader does.
import * as zlib from 'zlib';
import { doctypeFound, hasDoctype } from '../package-guard';
import { SaxesParser, PassThrough, SAX_CHUNK } from './exceljs-internals';

// ---------------------------------------------------------------------------------------------
// Parsing

/** A string in ExcelJS's object-mode stream, cut the way xlsx.js cuts it. */
export function stringStream(content: string): any {
  const stream = new PassThrough({ writableObjectMode: true, readableObjectMode: true });
  for (let i = 0; i < content.length; i += SAX_CHUNK) stream.write(content.substring(i, i + SAX_CHUNK));
  stream.end();
  return stream;
}

/**
 * The inflated bytes of a zip entry, in pieces, with JSZip's size check: at the end, and as soon
 * as the entry inflates beyond the size its header states (a zip bomb whose header lies stops
 * there, not gigabytes later).
 */
export async function* inflate(entry: any): AsyncGenerator<Uint8Array> {
  const data = entry._data;
  const magic: unknown = data?.compression?.magic;
  const raw: Uint8Array | undefined = data?.compressedContent;
  if (!raw || (magic !== '\x08\x00' && magic !== '\x00\x00') || typeof data.uncompressedSize !== 'number') {
    // Not a plain stored/deflated entry as JSZip loads them: let JSZip inflate it.
    yield await entry.async('uint8array');
    return;
  }
  const stated: number = data.uncompressedSize;
  let length = 0;
  if (magic === '\x00\x00') {
    for (let i = 0; i < raw.length && length <= stated; i += 1 << 20) {
      const piece = raw.subarray(i, i + (1 << 20));
      length += piece.length;
      if (length <= stated) yield piece;
    }
  } else {
    const inflater = zlib.createInflateRaw({ chunkSize: 1 << 16 });
    inflater.end(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
    try {
      for await (const piece of inflater as AsyncIterable<Buffer>) {
        length += piece.length;
        if (length > stated) break;
        yield piece;
      }
    } catch {
      // JSZip's inflater (pako) stops at damaged data without an error; the size check says it.
    } finally {
      inflater.destroy();
    }
  }
  // CompressedObject.getContentWorker
  if (length !== stated) throw new Error('Bug : uncompressed data size mismatch');
}

/** A whole part's bytes (its stated size was checked against the limits before). */
export async function inflateWhole(entry: any): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  for await (const piece of inflate(entry)) pieces.push(piece);
  return Buffer.concat(pieces);
}

/** Parts read as XML (a DOCTYPE in any of them refuses the file). */
export const XML_PART = /\.(xml|rels|vml)$/i;

/**
 * A part's text, decoded as JSZip's async('string') decodes it in Node (Buffer, UTF-8); a part
 * with a DOCTYPE is refused (package-guard.ts).
 */
export async function partText(entry: any, part: string, name: string): Promise<string> {
  const text = (await inflateWhole(entry)).toString('utf-8');
  if (XML_PART.test(part) && hasDoctype(text)) throw doctypeFound(name, part);
  return text;
}

/** Inflates a part that is not used, for its errors only (as ExcelJS inflates every part), keeping none of it. */
export async function verifyPart(entry: any, part: string, name: string): Promise<void> {
  let first = true;
  for await (const piece of inflate(entry)) {
    if (first && XML_PART.test(part) && hasDoctype(Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength).toString('utf-8'))) throw doctypeFound(name, part);
    first = false;
  }
}

/** Throws when the first text of an XML part has a DOCTYPE. */
export function checkProlog(text: string, where: { name: string; part: string } | undefined): void {
  if (where && hasDoctype(text)) throw doctypeFound(where.name, where.part);
}

/**
 * BaseXform.parseStream over an inflating entry: saxes gets the text in ExcelJS's pieces; its
 * errors are thrown after each piece, before the xform's; parsing stops when the root closes.
 * JSZip inflates a whole entry before ExcelJS parses it, so a size mismatch wins over a parse error.
 */
export async function parseEntry(entry: any, xform: any, where?: { name: string; part: string }): Promise<any> {
  const parser = new SaxesParser();
  let saxError: unknown;
  let xformError: unknown;
  let stopped = false;
  let closed = false;
  parser.on('error', (e: unknown) => {
    saxError = e;
  });
  /** Runs one xform step unless parsing has stopped; the first error the xform throws stops it. */
  const step = (run: () => void): void => {
    if (stopped) return;
    try {
      run();
    } catch (e) {
      xformError = e;
      stopped = true;
    }
  };
  parser.on('opentag', (node: any) => step(() => xform.parseOpen(node)));
  parser.on('text', (text: string) => step(() => xform.parseText(text)));
  parser.on('closetag', (node: any) =>
    step(() => {
      if (!xform.parseClose(node.name)) {
        closed = true;
        stopped = true;
      }
    }),
  );
  let failure: unknown;
  let done = false;
  const write = (piece: string): void => {
    parser.write(piece);
    if (saxError) failure = saxError;
    else if (xformError) failure = xformError;
    else if (closed) done = true;
  };
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let carry = '';
  let first = true;
  for await (const bytes of inflate(entry)) {
    if (failure !== undefined || done) continue; // keep inflating: JSZip checks the size first
    let text = carry + decoder.decode(bytes, { stream: true });
    if (first) checkProlog(text, where);
    first = false;
    let i = 0;
    for (; text.length - i >= SAX_CHUNK && failure === undefined && !done; i += SAX_CHUNK) write(text.substring(i, i + SAX_CHUNK));
    carry = failure === undefined && !done ? text.substring(i) : '';
    text = '';
  }
  if (failure === undefined && !done) {
    const rest = carry + decoder.decode();
    if (rest.length > 0) write(rest);
  }
  if (failure !== undefined) throw failure;
  return xform.model;
}
