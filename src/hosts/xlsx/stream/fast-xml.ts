// FastXml: a tokenizer for the plain XML Excel writes, which hands <sheetData> rows straight to
// the streaming reader and bails out (FastPathGaveUp) on anything else so that saxes reads the part again.
import { PackageLimitError } from '../package-guard';
import { toInt, toFloat } from './exceljs-internals';
import { inflate, checkProlog } from './parts';
import { FastPathGaveUp, PLAIN_CAPACITY, PLAIN_EMPTY, PLAIN_NUMBER, PLAIN_SHARED, PlainCells, closeCell, decodeEntities, isSpace, type PlainRowSink } from './fast-xml-support';

// ---------------------------------------------------------------------------------------------
// A faster tokenizer for the common case

/** Unfinished markup FastXml carries from one chunk to the next before it leaves the part to saxes. */
const MAX_CARRY = 8 * 1024 * 1024;

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;
const DECLARATION = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(["'])1\.0\1(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(["'])(?:yes|no)\3)?[ \t\r\n]*\?>/;
/** Characters XML does not allow (saxes reports them), a lone surrogate, and "]]>" (disallowed in text). */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const BAD_CHARS = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]|\]\]>/;
/** Anything a text or attribute value needs more than slicing for (or bails on). */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for
const UNUSUAL = /[&<\t\n\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]|\]\]>/;

/** Element and attribute names of <sheetData>, by length, matched without slicing. */
const HOT_NAMES: Array<string[] | undefined> = [];
for (const hot of ['c', 'v', 'r', 's', 't', 'f', 'is', 'ht', 'si', 'row', 'ref', 'spans', 'hidden', 'customFormat', 'customHeight', 'x14ac:dyDescent']) {
  (HOT_NAMES[hot.length] ??= []).push(hot);
}

/**
 * A tokenizer for well-formed XML without comments, CDATA, processing instructions, DOCTYPE or
 * non-ASCII names: it gives the xform the events saxes would give (one text event per text node,
 * line ends and attribute whitespace normalised, entities decoded), and throws FastPathGaveUp at anything
 * else, including every case in which saxes would report an error, so that the part is then
 * parsed by the saxes path and fails (or not) exactly as in ExcelJS.
 */
class FastXml {
  private carry = '';
  private readonly open: string[] = [];
  private started = false;
  private rootSeen = false;
  /** Element and attribute names seen, checked once. */
  private readonly names = new Set<string>();
  /** Inside <worksheet><sheetData>: rows are read by row() and handed to onRow. */
  private inRows = false;
  private sheetDataSeen = false;
  /** Attributes of the tag attrs() read last (names and values). */
  private readonly keys: string[] = [];
  /** Values that needed decoding; undefined for a plain one, read from `text` between from and to. */
  private readonly vals: Array<string | undefined> = [];
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  /** The text attrs() read last, which from/to point into. */
  private attrText: string | undefined;
  private count = 0;
  private selfClosing = false;
  /** rows() stopped for want of more text. */
  private starved = false;
  /** The pieces of a text node that spans chunks. */
  private pending: string[] = [];
  closed = false;

  /** Cells of the row being read by the plain path (reused from row to row). */
  private readonly plain: PlainCells | undefined;
  /**
   * Asked before each row of <sheetData>: it may take whole rows from `k` on away, to be read
   * elsewhere (rowsOnly on another thread), and returns the index after them; `k` to take none.
   */
  divert: ((s: string, k: number) => number) | undefined;

  constructor(
    private readonly xform: any,
    private readonly onRow?: (model: any) => void,
    private readonly onPlainRow?: PlainRowSink,
  ) {
    if (onPlainRow) this.plain = new PlainCells();
  }

  write(chunk: string): void {
    let s = this.carry + chunk;
    this.carry = '';
    let i = 0;
    if (!this.started) {
      if (s.length < 300 && s.indexOf('>') < 0) {
        this.carry = s;
        return;
      }
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) i = 1;
      if (s.startsWith('<?', i)) {
        const m = DECLARATION.exec(s.slice(i, i + 300));
        if (!m) throw new FastPathGaveUp();
        i += m[0].length;
      }
    }
    const n = s.length;
    while (i < n) {
      if (this.inRows) {
        i = this.rows(s, i);
        if (this.starved) break;
        continue;
      }
      if (this.closed) {
        if (!/^[ \t\r\n]*$/.test(s.slice(i))) throw new FastPathGaveUp();
        return;
      }
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // A text node that goes on past this chunk: kept in pieces, not rescanned (a node of
        // megabytes would otherwise cost its length squared).
        if (i < n) this.pending.push(s.slice(i));
        i = n;
        break;
      }
      if (this.pending.length > 0) {
        this.pending.push(s.slice(i, lt));
        const whole = this.pending.join('');
        this.pending = [];
        this.text(whole);
      } else if (lt > i) this.text(s.slice(i, lt));
      i = lt;
      if (lt + 1 >= n) break;
      const c = s.charCodeAt(lt + 1);
      if (c === 0x2f) {
        // </name>: the name of the open element, then optional spaces
        const top = this.open[this.open.length - 1];
        if (top === undefined) throw new FastPathGaveUp();
        let j = lt + 2 + top.length;
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (j >= n) break;
        if (s.charCodeAt(j) !== 0x3e || !s.startsWith(top, lt + 2)) throw new FastPathGaveUp();
        this.open.pop();
        i = j + 1;
        this.close(top);
        continue;
      }
      if (c === 0x3f || c === 0x21) throw new FastPathGaveUp(); // <? <! (PI, comment, CDATA, DOCTYPE)
      const next = this.tag(s, lt);
      if (next < 0) break;
      i = next;
    }
    this.carry = s.slice(i);
    s = '';
    // What is carried is unfinished markup (a tag, a row): one of megabytes is for saxes, which
    // reads it in one pass, rather than for a rescan at every chunk.
    if (this.carry.length > MAX_CARRY) throw new FastPathGaveUp();
  }

  /** At the end of the part: anything left over, or no root closed, is for saxes to judge. */
  end(): void {
    if (!this.closed || !/^[ \t\r\n]*$/.test(this.carry)) throw new FastPathGaveUp();
  }

  private text(raw: string): void {
    if (!this.rootSeen || this.closed) {
      if (!/^[ \t\r\n]*$/.test(raw)) throw new FastPathGaveUp();
    }
    if (!UNUSUAL.test(raw)) {
      this.xform.parseText(raw);
      return;
    }
    if (BAD_CHARS.test(raw)) throw new FastPathGaveUp();
    const text = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
    this.xform.parseText(decodeEntities(text));
  }

  /** The name at s[a, j): a constant string for the usual ones, else a checked slice. */
  private name(s: string, a: number, j: number): string {
    const list = HOT_NAMES[j - a];
    if (list !== undefined) {
      const c = s.charCodeAt(a);
      for (let k = 0; k < list.length; k++) {
        const hot = list[k];
        if (hot.charCodeAt(0) === c && (hot.length === 1 || s.startsWith(hot, a))) return hot;
      }
    }
    const x = s.slice(a, j);
    if (!this.names.has(x)) {
      if (!NAME.test(x) || x === '__proto__') throw new FastPathGaveUp();
      this.names.add(x);
    }
    return x;
  }

  /** A start tag at `lt`; returns the index after it, or -1 when the chunk ends inside it. */
  private tag(s: string, lt: number): number {
    const n = s.length;
    let j = lt + 1;
    while (j < n) {
      const c = s.charCodeAt(j);
      if (isSpace(c) || c === 0x2f || c === 0x3e) break;
      j++;
    }
    if (j >= n) return -1;
    const name = this.name(s, lt + 1, j);
    const end = this.attrs(s, j);
    if (end < 0) return -1;
    const attributes: Record<string, string> = {};
    for (let k = 0; k < this.count; k++) attributes[this.keys[k]] = this.value(k);
    const selfClosing = this.selfClosing;
    j = end;
    if (this.open.length === 0) {
      if (this.rootSeen) throw new FastPathGaveUp(); // a second root
      this.rootSeen = true;
    }
    this.xform.parseOpen({ name, attributes, isSelfClosing: selfClosing });
    if (selfClosing) this.close(name);
    else {
      this.open.push(name);
      if (name === 'sheetData' && this.onRow && this.open.length === 2 && this.open[0] === 'worksheet') {
        if (this.sheetDataSeen) throw new FastPathGaveUp();
        this.sheetDataSeen = true;
        this.inRows = true;
      }
    }
    return j;
  }

  /**
   * The attributes of a tag from `j` (just after its name) to its end, into keys/vals: names
   * checked, no repeats, values quoted and decoded (tag() and the row fast path both read them
   * here); returns the index after ">" or "/>" (selfClosing says which), or -1 when `s` ends first.
   */
  private attrs(s: string, j: number): number {
    const n = s.length;
    let count = 0;
    this.attrText = s;
    for (;;) {
      const before = j;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return -1;
      const c = s.charCodeAt(j);
      if (c === 0x3e || c === 0x2f) {
        if (c === 0x2f) {
          if (j + 1 >= n) return -1;
          if (s.charCodeAt(j + 1) !== 0x3e) throw new FastPathGaveUp();
        }
        this.count = count;
        this.selfClosing = c === 0x2f;
        return c === 0x2f ? j + 2 : j + 1;
      }
      if (j === before) throw new FastPathGaveUp();
      const a = j;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d === 0x3d || isSpace(d) || d === 0x2f || d === 0x3e) break;
        j++;
      }
      if (j >= n) return -1;
      const key = this.name(s, a, j);
      for (let k = 0; k < count; k++) if (this.keys[k] === key) throw new FastPathGaveUp();
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return -1;
      if (s.charCodeAt(j) !== 0x3d) throw new FastPathGaveUp();
      j++;
      while (j < n && isSpace(s.charCodeAt(j))) j++;
      if (j >= n) return -1;
      const q = s.charCodeAt(j);
      if (q !== 0x22 && q !== 0x27) throw new FastPathGaveUp();
      let end = j + 1;
      let plain = true;
      for (; end < n; end++) {
        const d = s.charCodeAt(end);
        if (d === q) break;
        if (d < 0x20 || d === 0x26 || d === 0x3c || d === 0x5d || (d >= 0xd800 && d <= 0xdfff) || d >= 0xfffe) plain = false;
      }
      if (end >= n) return -1;
      this.keys[count] = key;
      this.from[count] = j + 1;
      this.to[count] = end;
      if (plain) this.vals[count] = undefined;
      else {
        let raw = s.slice(j + 1, end);
        if (raw.indexOf('<') >= 0 || BAD_CHARS.test(raw)) throw new FastPathGaveUp();
        if (/[\t\n\r]/.test(raw)) raw = raw.replace(/\r\n|[\t\n\r]/g, ' ');
        this.vals[count] = decodeEntities(raw);
      }
      count++;
      j = end + 1;
    }
  }

  private attr(key: string): string | undefined {
    for (let k = 0; k < this.count; k++) if (this.keys[k] === key) return this.value(k);
    return undefined;
  }

  /** The length of an attribute's value as read (decoded when it needed decoding); −1 when absent. */
  private attrLength(key: string): number {
    for (let k = 0; k < this.count; k++) if (this.keys[k] === key) return this.vals[k]?.length ?? this.to[k] - this.from[k];
    return -1;
  }

  /** The k-th attribute's value: decoded when it needed decoding, else cut from the text on demand. */
  private value(k: number): string {
    return this.vals[k] ?? (this.attrText as string).slice(this.from[k], this.to[k]);
  }

  /**
   * An attribute as parseInt reads it (RowXform's r and s), without making a string when it is a
   * plain run of up to nine digits; NaN when absent.
   */
  private attrInt(key: string): number {
    for (let k = 0; k < this.count; k++) {
      if (this.keys[k] !== key) continue;
      const a = this.from[k];
      const b = this.to[k];
      if (this.vals[k] === undefined && b > a && b - a <= 9) {
        const s = this.attrText as string;
        let v = 0;
        let j = a;
        for (; j < b; j++) {
          const d = s.charCodeAt(j);
          if (d < 48 || d > 57) break;
          v = v * 10 + d - 48;
        }
        if (j === b) return v;
      }
      return toInt(this.value(k), 10);
    }
    return NaN;
  }

  /** Text content from `a` to the "<" at `lt`, as text() hands it on; '' for none. */
  private content(s: string, a: number, lt: number): string {
    if (lt === a) return '';
    let plain = true;
    for (let k = a; k < lt; k++) {
      const d = s.charCodeAt(k);
      if (d < 0x20 || d === 0x26 || d === 0x5d || (d >= 0xd800 && d <= 0xdfff) || d >= 0xfffe) {
        plain = false;
        break;
      }
    }
    const raw = s.slice(a, lt);
    if (plain) return raw;
    if (BAD_CHARS.test(raw)) throw new FastPathGaveUp();
    return decodeEntities(raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw);
  }

  /** The index of `</name>` closing text content that starts at `a` (no markup in between), or -1. */
  private endOf(s: string, a: number, close: string, limit: number): number {
    const lt = s.indexOf('<', a);
    if (lt < 0 || lt >= limit) throw new FastPathGaveUp();
    if (!s.startsWith(close, lt)) throw new FastPathGaveUp();
    return lt;
  }

  /**
   * Rows of <sheetData>, each read whole (a row ends at "</row>", which no text or attribute value
   * can contain) and built as RowXform and CellXform build it: rows of cells with v, f and inline
   * <is><t> text. Anything else (rich text, phonetic runs, extLst, comments …) bails. Returns the
   * index after what it read; `starved` when `s` ends inside a row.
   */
  private rows(s: string, i: number): number {
    const n = s.length;
    this.starved = false;
    for (;;) {
      let k = i;
      while (k < n && isSpace(s.charCodeAt(k))) k++;
      if (k + 12 >= n) {
        // wait for the whole of "</sheetData>" or "<row " (the blanks before are not kept)
        this.starved = true;
        return k;
      }
      if (s.charCodeAt(k) !== 0x3c) throw new FastPathGaveUp();
      if (s.startsWith('</sheetData', k)) {
        let j = k + 11;
        while (j < n && isSpace(s.charCodeAt(j))) j++;
        if (j >= n) {
          this.starved = true;
          return i;
        }
        if (s.charCodeAt(j) !== 0x3e) throw new FastPathGaveUp();
        this.inRows = false;
        this.open.pop();
        this.close('sheetData');
        return j + 1;
      }
      if (!s.startsWith('<row', k)) throw new FastPathGaveUp();
      if (this.divert !== undefined) {
        const taken = this.divert(s, k);
        if (taken > k) {
          i = taken;
          continue;
        }
      }
      const next = this.row(s, k);
      if (next < 0) {
        this.starved = true;
        return i;
      }
      i = next;
    }
  }

  /**
   * Whole rows of <sheetData> cut out of a part elsewhere (see divert), read as rows() reads them;
   * FastPathGaveUp at anything else, or at a row that does not end in `s`.
   */
  rowsOnly(s: string): void {
    const n = s.length;
    let i = 0;
    for (;;) {
      while (i < n && isSpace(s.charCodeAt(i))) i++;
      if (i >= n) return;
      if (!s.startsWith('<row', i)) throw new FastPathGaveUp();
      const next = this.row(s, i);
      if (next < 0) throw new FastPathGaveUp();
      i = next;
    }
  }

  private row(s: string, k: number): number {
    const c0 = s.charCodeAt(k + 4);
    if (!(isSpace(c0) || c0 === 0x3e || c0 === 0x2f)) throw new FastPathGaveUp();
    let p = this.attrs(s, k + 4);
    if (p < 0) return -1;
    // RowXform.parseOpen: number = parseInt(r), styleId = s ? parseInt(s) : undefined (an empty
    // s is none). The plain path needs no model object.
    const n = this.attrInt('r');
    const st = this.attrInt('s');
    const hasStyle = this.attrLength('s') > 0;
    const styleId = hasStyle ? st : undefined;
    if (this.selfClosing) {
      (this.onRow as (m: any) => void)({ number: n, cells: [], styleId });
      return p;
    }
    const close = s.indexOf('</row>', p);
    if (close < 0) return -1;
    if (this.onPlainRow !== undefined && n >= 1 && this.plainCells(s, p, close, n)) {
      this.onPlainRow(n, styleId, this.plain as PlainCells);
      return close + 6;
    }
    const model: any = { number: n, cells: [], styleId };
    for (;;) {
      while (p < close && isSpace(s.charCodeAt(p))) p++;
      if (p >= close) break;
      if (!s.startsWith('<c', p)) throw new FastPathGaveUp();
      const c1 = s.charCodeAt(p + 2);
      if (!(isSpace(c1) || c1 === 0x3e || c1 === 0x2f)) throw new FastPathGaveUp();
      p = this.attrs(s, p + 2);
      if (p < 0 || p > close) throw new FastPathGaveUp();
      // CellXform.parseOpen('c')
      const cs = this.attr('s');
      // Same fields as CellXform's model, all present from the start (one object shape).
      const cell: any = {
        address: this.attr('r'),
        styleId: cs ? toInt(cs, 10) : undefined,
        type: undefined,
        value: undefined,
        formula: undefined,
        result: undefined,
        si: undefined,
        shareType: undefined,
        ref: undefined,
        sharedFormula: undefined,
        style: undefined,
      };
      const t = this.attr('t');
      if (!this.selfClosing) p = this.cellContent(s, p, close, cell);
      closeCell(cell, t);
      model.cells.push(cell);
    }
    (this.onRow as (m: any) => void)(model);
    return close + 6;
  }

  /**
   * The cells of a row from `p` to its "</row>" at `close` into this.plain, when every one is
   * plain (see PlainCells) and its address is the canonical one in row `n`; false at anything
   * else, and the row is then read by the general path from the same place.
   */
  private plainCells(s: string, p: number, close: number, n: number): boolean {
    const pc = this.plain as PlainCells;
    let count = 0;
    for (;;) {
      while (p < close && isSpace(s.charCodeAt(p))) p++;
      if (p >= close) break;
      if (count === PLAIN_CAPACITY) return false;
      // "<c" and white space
      if (s.charCodeAt(p) !== 0x3c || s.charCodeAt(p + 1) !== 0x63 || !isSpace(s.charCodeAt(p + 2))) return false;
      p += 3;
      let col = 0;
      let style = 0;
      let kind = PLAIN_NUMBER;
      let seen = 0;
      for (;;) {
        while (isSpace(s.charCodeAt(p))) p++;
        const c = s.charCodeAt(p);
        if (c === 0x3e || c === 0x2f) break;
        // a one-letter name, "=" and a quote, without spaces
        const q = s.charCodeAt(p + 2);
        if (s.charCodeAt(p + 1) !== 0x3d || (q !== 0x22 && q !== 0x27)) return false;
        let j = p + 3;
        if (c === 0x72) {
          // r: one to three capitals, then a row number without leading zeros, equal to n
          if (seen & 1) return false;
          seen |= 1;
          const a = j;
          for (;; j++) {
            const d = s.charCodeAt(j);
            if (d < 65 || d > 90) break;
            col = col * 26 + d - 64;
          }
          if (j === a || j - a > 3 || col > 16384) return false;
          const first = s.charCodeAt(j);
          if (first < 49 || first > 57) return false;
          let row = 0;
          const b = j;
          for (;; j++) {
            const d = s.charCodeAt(j);
            if (d < 48 || d > 57) break;
            row = row * 10 + d - 48;
          }
          if (j - b > 7 || row !== n || row > 1048576) return false;
        } else if (c === 0x73) {
          // s: a style number
          if (seen & 2) return false;
          seen |= 2;
          const a = j;
          for (;; j++) {
            const d = s.charCodeAt(j);
            if (d < 48 || d > 57) break;
            style = style * 10 + d - 48;
          }
          if (j === a || j - a > 9) return false;
        } else if (c === 0x74) {
          // t: "s" (shared string) or "n" (number) only
          if (seen & 4) return false;
          seen |= 4;
          const d = s.charCodeAt(j);
          if (d === 0x73) kind = PLAIN_SHARED;
          else if (d !== 0x6e) return false;
          j++;
        } else return false;
        if (s.charCodeAt(j) !== q) return false;
        p = j + 1;
        // The next attribute needs white space before it.
        const after = s.charCodeAt(p);
        if (!(isSpace(after) || after === 0x3e || after === 0x2f)) return false;
      }
      if ((seen & 1) === 0) return false;
      let value = 0;
      if (s.charCodeAt(p) === 0x2f) {
        if (s.charCodeAt(p + 1) !== 0x3e) return false;
        p += 2;
        kind = PLAIN_EMPTY;
      } else {
        p++;
        while (p < close && isSpace(s.charCodeAt(p))) p++;
        if (s.startsWith('</c>', p)) kind = PLAIN_EMPTY;
        else {
          if (!s.startsWith('<v>', p)) return false;
          const a = p + 3;
          let j = a;
          let digitsOnly = true;
          for (;; j++) {
            const d = s.charCodeAt(j);
            if (d >= 48 && d <= 57) {
              value = value * 10 + d - 48;
              continue;
            }
            if (d === 0x3c) break;
            // what a number's text may hold besides digits; anything else is for the general path
            if (kind === PLAIN_SHARED || !(d === 0x2e || d === 0x2d || d === 0x2b || d === 0x65 || d === 0x45)) return false;
            digitsOnly = false;
          }
          if (!s.startsWith('</v>', j)) return false;
          if (j === a) kind = PLAIN_EMPTY;
          else if (kind === PLAIN_SHARED) {
            if (j - a > 9) return false;
          } else if (!digitsOnly || j - a > 15) value = toFloat(s.slice(a, j));
          p = j + 4;
          while (p < close && isSpace(s.charCodeAt(p))) p++;
        }
        if (!s.startsWith('</c>', p)) return false;
        p += 4;
      }
      pc.col[count] = col;
      pc.style[count] = style;
      pc.kind[count] = kind;
      pc.num[count] = value;
      count++;
    }
    pc.count = count;
    return true;
  }

  /** The children of a <c> up to its "</c>": <v>, <f>, <is><t>; returns the index after "</c>". */
  private cellContent(s: string, p: number, close: number, cell: any): number {
    const append = (text: string): void => {
      if (text !== '') cell.value = cell.value ? cell.value + text : text;
    };
    for (;;) {
      while (p < close && isSpace(s.charCodeAt(p))) p++;
      if (p >= close) throw new FastPathGaveUp();
      if (s.startsWith('</c>', p)) return p + 4;
      if (s.startsWith('<v>', p)) {
        const lt = this.endOf(s, p + 3, '</v>', close);
        append(this.content(s, p + 3, lt));
        p = lt + 4;
      } else if (s.startsWith('<v', p) && (isSpace(s.charCodeAt(p + 2)) || s.charCodeAt(p + 2) === 0x2f)) {
        p = this.attrs(s, p + 2);
        if (p < 0 || p > close) throw new FastPathGaveUp();
        if (!this.selfClosing) {
          const lt = this.endOf(s, p, '</v>', close);
          append(this.content(s, p, lt));
          p = lt + 4;
        }
      } else if (s.startsWith('<f', p) && (isSpace(s.charCodeAt(p + 2)) || s.charCodeAt(p + 2) === 0x3e || s.charCodeAt(p + 2) === 0x2f)) {
        p = this.attrs(s, p + 2);
        if (p < 0 || p > close) throw new FastPathGaveUp();
        cell.si = this.attr('si');
        cell.shareType = this.attr('t');
        cell.ref = this.attr('ref');
        if (!this.selfClosing) {
          const lt = this.endOf(s, p, '</f>', close);
          const text = this.content(s, p, lt);
          if (text !== '') cell.formula = cell.formula ? cell.formula + text : text;
          p = lt + 4;
        }
      } else if (s.startsWith('<is>', p)) {
        p += 4;
        while (p < close && isSpace(s.charCodeAt(p))) p++;
        if (!s.startsWith('<t', p) || !(isSpace(s.charCodeAt(p + 2)) || s.charCodeAt(p + 2) === 0x3e || s.charCodeAt(p + 2) === 0x2f)) throw new FastPathGaveUp();
        p = this.attrs(s, p + 2);
        if (p < 0 || p > close) throw new FastPathGaveUp();
        if (!this.selfClosing) {
          const lt = this.endOf(s, p, '</t>', close);
          append(this.content(s, p, lt));
          p = lt + 4;
        }
        while (p < close && isSpace(s.charCodeAt(p))) p++;
        if (!s.startsWith('</is>', p)) throw new FastPathGaveUp();
        p += 5;
      } else throw new FastPathGaveUp();
    }
  }

  private close(name: string): void {
    if (!this.xform.parseClose(name) || this.open.length === 0) this.closed = true;
  }
}

/** parseEntry with FastXml; throws FastPathGaveUp when the part needs saxes (or fails in any way). */
/**
 * A reader of whole rows cut out of a worksheet part (FastXml's divert), giving them to the same
 * sinks as parseEntryFast; it throws FastPathGaveUp where FastXml would give up on them.
 */
export function rowReader(onRow: (model: any) => void, onPlainRow: PlainRowSink): (rows: string) => void {
  const xml = new FastXml(undefined, onRow, onPlainRow);
  return (rows) => xml.rowsOnly(rows);
}

export async function parseEntryFast(
  entry: any,
  xform: any,
  onRow: (model: any) => void,
  where?: { name: string; part: string },
  onPlainRow?: PlainRowSink,
  divert?: (s: string, k: number) => number,
): Promise<any> {
  const xml = new FastXml(xform, onRow, onPlainRow);
  xml.divert = divert;
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let first = true;
  try {
    for await (const bytes of inflate(entry)) {
      const text = decoder.decode(bytes, { stream: true });
      if (first) checkProlog(text, where);
      first = false;
      if (!xml.closed) xml.write(text);
      // After the root, ExcelJS stops reading, but saxes still reports what follows in the same
      // piece: anything but white space there is for the saxes path to judge.
      else if (!/^[ \t\r\n]*$/.test(text)) throw new FastPathGaveUp();
    }
    const rest = decoder.decode();
    if (!xml.closed) xml.write(rest);
    else if (!/^[ \t\r\n]*$/.test(rest)) throw new FastPathGaveUp();
    xml.end();
  } catch (e) {
    // A limit is final; anything else is for the saxes path to judge, from the start.
    if (e instanceof FastPathGaveUp || e instanceof PackageLimitError) throw e;
    throw new FastPathGaveUp();
  }
  return xform.model;
}
