// The pieces FastXml (fast-xml.ts) builds on and hands on: the FastPathGaveUp signal, white space
// and entity decoding as saxes reads them, the PlainCells form of a plain row that sheet-cells.ts
// applies, and CellXform's closing of a cell. Apart from the tokenizer so that its readers need
// only these types and constants.
import { T, toInt, toFloat, utils } from './exceljs-internals';

/** Thrown by FastXml on anything outside the plain XML it handles: the part is parsed again with saxes. */
export class FastPathGaveUp extends Error {}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** The five predefined entities and character references, as saxes decodes them; anything else bails. */
export function decodeEntities(raw: string): string {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = raw.indexOf(';', amp);
    if (semi < 0) throw new FastPathGaveUp();
    const name = raw.slice(amp + 1, semi);
    let text = ENTITIES[name];
    if (text === undefined || !Object.prototype.hasOwnProperty.call(ENTITIES, name)) {
      const m = /^#(?:([0-9]+)|x([0-9a-fA-F]+))$/.exec(name);
      if (!m) throw new FastPathGaveUp();
      const cp = m[1] !== undefined ? parseInt(m[1], 10) : parseInt(m[2], 16);
      if (!isXmlChar(cp)) throw new FastPathGaveUp();
      text = String.fromCodePoint(cp);
    }
    out += raw.slice(from, amp) + text;
    from = semi + 1;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/** A plain cell's kinds: a number in <v>, an index into the shared strings, or no value at all. */
export const PLAIN_NUMBER = 0;
export const PLAIN_SHARED = 1;
export const PLAIN_EMPTY = 2;
/** Cells one row may hand to the plain path; a longer row takes the general path. */
export const PLAIN_CAPACITY = 16384;

/**
 * The cells of one row in the form nearly every sheet Excel writes has (<c r="B7" s="3" t="s">
 * <v>12</v></c>: attributes r, s and t only, a plain number or shared-string index, or no
 * value), as columns, style ids, kinds and numbers. Read without making a model object or a
 * string per cell; SheetCells.addPlainRow applies them exactly as addRow applies the models the
 * general path makes of the same XML.
 */
export class PlainCells {
  count = 0;
  readonly col = new Int32Array(PLAIN_CAPACITY);
  /** The s attribute (0 when absent: ExcelJS treats both alike). */
  readonly style = new Int32Array(PLAIN_CAPACITY);
  readonly kind = new Uint8Array(PLAIN_CAPACITY);
  readonly num = new Float64Array(PLAIN_CAPACITY);
}

/** Receives rows read by the plain path: the row's number, its s attribute as RowXform reads it, and its cells. */
export type PlainRowSink = (n: number, styleId: number | undefined, cells: PlainCells) => void;

/** ExcelJS's utils.xmlDecode (a second decoding of t="str" text), skipped when there is no "&". */
function xmlDecode(text: string): string {
  return text.indexOf('&') < 0 ? text : utils.xmlDecode(text);
}

/** CellXform.parseClose('c'): the cell's type from t, value and formula. */
export function closeCell(model: any, t: string | undefined): void {
  if (model.formula || model.shareType) {
    model.type = T.Formula;
    if (model.value) {
      if (t === 'str') model.result = xmlDecode(model.value);
      else if (t === 'b') model.result = toInt(model.value, 10) !== 0;
      else if (t === 'e') model.result = { error: model.value };
      else model.result = toFloat(model.value);
      model.value = undefined;
    }
  } else if (model.value !== undefined) {
    switch (t) {
      case 's':
        model.type = T.String;
        model.value = toInt(model.value, 10);
        break;
      case 'str':
        model.type = T.String;
        model.value = xmlDecode(model.value);
        break;
      case 'inlineStr':
        model.type = T.String;
        break;
      case 'b':
        model.type = T.Boolean;
        model.value = toInt(model.value, 10) !== 0;
        break;
      case 'e':
        model.type = T.Error;
        model.value = { error: model.value };
        break;
      default:
        model.type = T.Number;
        model.value = toFloat(model.value);
        break;
    }
  } else if (model.styleId) {
    model.type = T.Null;
  } else {
    model.type = T.Merge;
  }
}
