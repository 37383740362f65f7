// Cell values → numbers. Reads what staff type into indicator sheets: plain numbers, `585,900`,
// full-width `１０６`, `98.3%`, `94.23万元`, `1900余`, Chinese numerals (`十二`), blanks, dashes
// and Excel errors. Pure TypeScript: no Office, DOM or Node APIs.
//
// Never throws and never invents a 0: whatever cannot be read comes back as kind 'text' with a
// reason that quotes it.
//
// Unit words and multipliers: units.ts. Chinese numerals and decimal strings: numerals.ts.
import { message, type MessageKey } from './i18n';
import type { Bilingual, CellValue } from './types';
import { CN_BIG_UNITS, CN_DIGITS, cleanDecimal, has, isCnNumeralChar, parseChineseNumeral, shortestDecimals } from './numerals';
import { VALUE_UNITS, normalizeText, readMultiplier, unitScale } from './units';

export type ParsedValue =
  | { kind: 'number'; value: number; percent: boolean; decimals: number; unit?: string; text?: string }
  | {
      kind: 'approx';
      value: number;
      percent: boolean;
      decimals: number;
      unit?: string;
      marker: string;
      text: string;
    }
  | { kind: 'missing'; text?: string }
  | { kind: 'error'; code: string }
  | { kind: 'text'; text: string; reason: Bilingual };

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** Excel error literals (upper case). */
const EXCEL_ERRORS: readonly string[] = [
  '#DIV/0!',
  '#N/A',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
  '#SPILL!',
  '#CALC!',
  '#GETTING_DATA',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#PYTHON!',
];

/** Cell texts that mean "no value". Compared after NFKC and whitespace removal. */
const MISSING_WORDS = new Set(['/', '//', '\\', '无', '暂无', '空', 'n/a']);

/** A run of dashes only (`-`, `--`, `—`, `——`, `–`, `―`, `−`, …) also means "no value". */
const DASHES_ONLY = /^[-\u2010-\u2015\u2212\u2500\u2501\uFE58\uFE63]+$/;

/** Words before a number that make it approximate. Longest first. */
const PREFIX_MARKERS: readonly string[] = ['超过', '大约', '将近', '接近', '约', '近', '逾', '超'];
/** Words right after the number (before the unit). */
const INNER_MARKERS: readonly string[] = ['余', '多'];
/** Words at the very end. */
const SUFFIX_MARKERS: readonly string[] = ['以上', '左右', '余', '多'];

/** Texts longer than this are not numbers anyone writes; they are reported, not parsed. */
const MAX_TEXT = 400;

// ---------------------------------------------------------------------------------------------
// Messages

function quote(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > 40 ? chars.slice(0, 40).join('') + '…' : flat;
}

function unreadable(text: string): ParsedValue {
  return textResult(text, 'layout.value.unreadable', () => quote(text));
}

/**
 * A text result whose reason is the message `key`, quoting `shown()` as {text}. The reason is
 * made when first read, not here: the readers parse every cell, and most text cells (labels,
 * notes) are never reported.
 */
function textResult(text: string, key: MessageKey, shown?: () => string): ParsedValue {
  let reason: Bilingual | undefined;
  return {
    kind: 'text',
    text,
    get reason(): Bilingual {
      return (reason ??= message(key, shown ? { text: shown() } : {}));
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Text → number

/** A decimal number as digits and a power of ten: value = mantissa × 10^scale. */
interface Decimal {
  negative: boolean;
  mantissa: string;
  scale: number;
  /** Decimals as written (before any multiplier or percent). */
  written: number;
}

interface Scan {
  value: Decimal;
  markers: string[];
  percent: boolean;
  unit?: string;
}

function startsWithAny(s: string, pos: number, words: readonly string[]): string | undefined {
  for (const w of words) if (s.startsWith(w, pos)) return w;
  return undefined;
}


const ARABIC = /^(?:\d{1,3}(?:[, ]\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d{1,4})?/;

/** Reads an Arabic or Chinese number at pos. */
function readNumber(s: string, pos: number): { dec: Omit<Decimal, 'negative'>; end: number; cnBigEnd: number } | undefined {
  const rest = s.slice(pos);
  const m = ARABIC.exec(rest);
  if (m && /\d/.test(m[0].replace(/[eE][+-]?\d+$/, ''))) {
    const text = m[0];
    const expMatch = /[eE]([+-]?\d+)$/.exec(text);
    const exp = expMatch ? Number(expMatch[1]) : 0;
    const core = (expMatch ? text.slice(0, expMatch.index) : text).replace(/[, ]/g, '');
    const dot = core.indexOf('.');
    const intDigits = dot < 0 ? core : core.slice(0, dot);
    const fracDigits = dot < 0 ? '' : core.slice(dot + 1);
    return {
      dec: { mantissa: (intDigits || '0') + fracDigits, scale: exp - fracDigits.length, written: fracDigits.length - exp },
      end: pos + text.length,
      cnBigEnd: 0,
    };
  }
  // Chinese numeral: the longest run of numeral characters that reads as one number.
  const chars: string[] = [];
  for (const c of rest) {
    if (!isCnNumeralChar(c)) break;
    chars.push(c);
  }
  for (let n = chars.length; n > 0; n--) {
    const span = chars.slice(0, n).join('');
    const value = parseChineseNumeral(span);
    if (value === undefined) continue;
    let end = pos + span.length;
    let mantissa = String(value);
    let fracLen = 0;
    // Chinese decimal point: 三点五
    if (s[end] === '点') {
      let j = end + 1;
      let frac = '';
      while (j < s.length && has(CN_DIGITS, s[j]) && s[j] !== '两') {
        frac += String(CN_DIGITS[s[j]]);
        j++;
      }
      if (frac !== '') {
        mantissa += frac;
        fracLen = frac.length;
        end = j;
      }
    }
    const last = chars[n - 1];
    const cnBigEnd = fracLen === 0 && has(CN_BIG_UNITS, last) ? Math.round(Math.log10(CN_BIG_UNITS[last])) : 0;
    return { dec: { mantissa, scale: -fracLen, written: fracLen }, end, cnBigEnd };
  }
  return undefined;
}

/**
 * Reads `[marker][sign][百分之]number[余|多][multiplier][余|多][%][unit][以上|左右|余|多]`.
 * Returns undefined when the text does not fit.
 */
function scanNumber(s: string): Scan | undefined {
  let pos = 0;
  const markers: string[] = [];
  const prefix = startsWithAny(s, pos, PREFIX_MARKERS);
  if (prefix) {
    markers.push(prefix);
    pos += prefix.length;
  }
  let negative = false;
  const sign = s[pos];
  if (sign === '+' || sign === '-' || sign === '\u2212') {
    negative = sign !== '+';
    pos++;
  }
  let percent = false;
  if (s.startsWith('百分之', pos)) {
    percent = true;
    pos += 3;
  }
  let num = readNumber(s, pos);
  // A bare unit word after 百分之 or an approximation: 百分之百, 逾千, 近万.
  if (!num && (percent || markers.length > 0)) {
    const bare = { 百: 2, 千: 3, 万: 4, 亿: 8 }[s.charAt(pos) as '百' | '千' | '万' | '亿'];
    if (bare !== undefined && !(s.charAt(pos) === '百' && s.startsWith('百分', pos))) {
      num = { dec: { mantissa: '1', scale: bare, written: percent ? 0 : -bare }, end: pos + 1, cnBigEnd: 0 };
    }
  }
  if (!num) return undefined;
  pos = num.end;
  const { mantissa } = num.dec;
  let { scale, written } = num.dec;
  // The precision of 十二万 is that of 12万.
  if (num.cnBigEnd) written = -num.cnBigEnd;

  const inner = () => {
    const w = startsWithAny(s, pos, INNER_MARKERS);
    if (w && markers.length < 2 && !markers.includes(w)) {
      markers.push(w);
      pos += w.length;
    }
  };
  inner();
  if (!percent && !num.cnBigEnd) {
    const mult = readMultiplier(s, pos);
    if (mult) {
      scale += mult.exp;
      written -= mult.exp;
      pos += mult.length;
      inner();
    }
  }
  if (!percent && s[pos] === '%') {
    percent = true;
    pos++;
    if (written < 0) return undefined; // 3万% makes no sense
  }
  let unit: string | undefined;
  if (!percent) {
    const u = startsWithAny(s, pos, VALUE_UNITS);
    if (u) {
      pos += u.length;
      const sc = unitScale(u);
      if (sc.factor !== 1) {
        const e = Math.round(Math.log10(sc.factor));
        scale += e;
        written -= e;
      }
      unit = sc.base;
    }
  }
  const suffix = startsWithAny(s, pos, SUFFIX_MARKERS);
  if (suffix && !markers.includes(suffix)) {
    markers.push(suffix);
    pos += suffix.length;
  }
  if (pos !== s.length) return undefined;
  if (percent) scale -= 2;
  return { value: { negative, mantissa, scale, written }, markers, percent, unit };
}

function decimalValue(d: Decimal): number | undefined {
  const v = Number(`${d.negative ? '-' : ''}${d.mantissa}e${d.scale}`);
  if (!Number.isFinite(v)) return undefined;
  if (v === 0 && /[1-9]/.test(d.mantissa)) return undefined; // underflow: never a silent 0
  return Object.is(v, -0) ? 0 : v;
}


/** Plain ASCII decimals (the common case) skip normalisation. */
const SIMPLE_DECIMAL = /^-?(\d{1,15})(?:\.(\d{1,15}))?$/;

function parseText(raw: string): ParsedValue {
  const simple = SIMPLE_DECIMAL.exec(raw);
  if (simple) {
    const value = Number(raw);
    return { kind: 'number', value: Object.is(value, -0) ? 0 : value, percent: false, decimals: simple[2]?.length ?? 0, text: raw };
  }
  const t = normalizeText(raw);
  if (t === '') return { kind: 'missing' };
  if (t.length > MAX_TEXT) return unreadable(raw);
  const compact = t.replace(/\s+/g, '');
  if (DASHES_ONLY.test(compact) || MISSING_WORDS.has(compact.toLowerCase())) {
    return { kind: 'missing', text: raw };
  }
  const upper = compact.toUpperCase();
  if (upper.startsWith('#') && EXCEL_ERRORS.includes(upper)) return { kind: 'error', code: upper };

  // Whitespace survives only between two digits (digit grouping `1 200`); elsewhere it goes.
  const s = t.replace(/\s+/g, (m: string, off: number, str: string) =>
    /\d/.test(str.charAt(off - 1)) && /\d/.test(str.charAt(off + m.length)) ? ' ' : '',
  );
  const scan = scanNumber(s);
  if (!scan) return unreadable(raw);
  const value = decimalValue(scan.value);
  if (value === undefined) {
    return textResult(raw, 'layout.value.out-of-range', () => quote(raw));
  }
  const base = { value, percent: scan.percent, decimals: scan.value.written, ...(scan.unit ? { unit: scan.unit } : {}) };
  if (scan.markers.length > 0) {
    return { kind: 'approx', ...base, marker: scan.markers[0], text: raw };
  }
  return { kind: 'number', ...base, text: raw };
}

// ---------------------------------------------------------------------------------------------
// Number formats

interface FormatInfo {
  percent: boolean;
  /** Zeros after the point (always shown). */
  minDecimals: number;
  /** # and ? after the point (shown when needed). */
  optionalDecimals: number;
  /** Whether the format fixes decimals at all (false for General, dates, text, scientific). */
  numeric: boolean;
  /** Literal text of the format (quoted strings and escaped characters), e.g. 万元. */
  literal: string;
}

const formatCache = new Map<string, FormatInfo | undefined>();

function readFormat(format: string | undefined): FormatInfo | undefined {
  if (typeof format !== 'string') return undefined;
  if (formatCache.has(format)) return formatCache.get(format);
  const info = readFormatUncached(format);
  if (formatCache.size > 500) formatCache.clear();
  formatCache.set(format, info);
  return info;
}

function readFormatUncached(format: string): FormatInfo | undefined {
  const f = format.trim();
  if (f === '' || /^(general|g\/通用格式)$/i.test(f) || f === '@') return undefined;
  const info: FormatInfo = { percent: false, minDecimals: 0, optionalDecimals: 0, numeric: false, literal: '' };
  let afterPoint = false;
  let date = false;
  let scientific = false;
  for (let i = 0; i < f.length; i++) {
    const c = f[i];
    if (c === ';') break; // first section: positive numbers
    if (c === '"') {
      const close = f.indexOf('"', i + 1);
      const end = close < 0 ? f.length : close;
      info.literal += f.slice(i + 1, end);
      i = end;
    } else if (c === '\\') {
      info.literal += f[i + 1] ?? '';
      i++;
    } else if (c === '_' || c === '*') {
      i++;
    } else if (c === '[') {
      const close = f.indexOf(']', i + 1);
      i = close < 0 ? f.length : close;
    } else if (c === '%') {
      info.percent = true;
    } else if (c === '.') {
      if (afterPoint) info.literal += c;
      afterPoint = true;
    } else if (c === '0') {
      info.numeric = true;
      if (afterPoint) info.minDecimals++;
    } else if (c === '#' || c === '?') {
      info.numeric = true;
      if (afterPoint) info.optionalDecimals++;
    } else if ((c === 'E' || c === 'e') && (f[i + 1] === '+' || f[i + 1] === '-')) {
      scientific = true;
      i++;
    } else if (/[ymdhsYMDHSbBgG]/.test(c)) {
      date = true;
    } else if (c === '@') {
      date = true; // text section: no numeric meaning
    } else if (c === ',' || c === ' ' || c === '(' || c === ')' || c === '-' || c === '+' || c === '$') {
      // separators and decoration
    } else {
      info.literal += c;
    }
  }
  if (date || scientific) return undefined;
  return info;
}

/**
 * Whether a number format leaves a number cell as it is (absent, General, text, dates,
 * scientific): parseCell then reads `{kind: 'number', value, percent: false, decimals:
 * numberDecimals(value)}`. Lets readers take a fast path for plain numbers.
 */
export function isPlainFormat(numberFormat: string | undefined): boolean {
  return readFormat(numberFormat) === undefined;
}

/** Decimals parseCell gives a plain number: digits after the point of its shortest clean form. */
export function numberDecimals(v: number): number {
  return shortestDecimals(v);
}

function parseNumberCell(v: number, numberFormat?: string): ParsedValue {
  if (Number.isNaN(v)) return textResult('NaN', 'layout.value.nan');
  if (!Number.isFinite(v)) {
    const t = v > 0 ? 'Infinity' : '-Infinity';
    return textResult(t, 'layout.value.infinite', () => t);
  }
  const value = Object.is(v, -0) ? 0 : v;
  const info = readFormat(numberFormat);
  if (!info) return { kind: 'number', value, percent: false, decimals: shortestDecimals(value) };

  let percent = info.percent;
  let scaled = value;
  let unit: string | undefined;
  let exp = 0;
  // A unit written into the format (0.00"万元") is part of what the user sees.
  const literal = info.literal.replace(/\s+/g, '').normalize('NFKC');
  if (literal !== '') {
    if (literal === '%' && !percent) {
      percent = true;
      exp = -2;
    } else {
      const mult = readMultiplier(literal, 0);
      const rest = mult ? literal.slice(mult.length) : literal;
      const u = rest === '' ? undefined : VALUE_UNITS.find((x) => x === rest);
      if (mult && (rest === '' || u)) {
        exp = mult.exp;
        const sc = unitScale(u);
        exp += Math.round(Math.log10(sc.factor));
        unit = u ? sc.base : undefined;
      } else if (u) {
        const sc = unitScale(u);
        exp = Math.round(Math.log10(sc.factor));
        unit = sc.base;
      }
    }
  }
  const shown = info.percent ? Number((value * 100).toPrecision(15)) : value;
  const natural = shortestDecimals(shown);
  const decimals = info.numeric
    ? Math.max(info.minDecimals, Math.min(natural, info.minDecimals + info.optionalDecimals))
    : natural;
  if (exp !== 0) {
    const s = cleanDecimal(value);
    const neg = s.startsWith('-');
    const body = neg ? s.slice(1) : s;
    const dot = body.indexOf('.');
    const mantissa = body.replace('.', '');
    const frac = dot < 0 ? 0 : body.length - dot - 1;
    const v2 = decimalValue({ negative: neg, mantissa, scale: exp - frac, written: 0 });
    if (v2 === undefined) {
      return textResult(String(v), 'layout.value.out-of-range', () => String(v));
    }
    scaled = v2;
  }
  const result: ParsedValue = {
    kind: 'number',
    value: scaled,
    percent,
    decimals: percent && exp === -2 ? decimals : decimals - Math.max(exp, 0),
  };
  if (unit) result.unit = unit;
  return result;
}

// ---------------------------------------------------------------------------------------------
// Public API

/**
 * Reads one cell. `numberFormat` is the cell's Excel number format, when known: a `%` format
 * marks a number as a fraction shown as a percent, and fixed decimals set `decimals`.
 * Never throws.
 */
export function parseCell(raw: CellValue, numberFormat?: string): ParsedValue {
  try {
    return parseCellUnsafe(raw, numberFormat);
  } catch {
    return unreadable(safeString(raw));
  }
}

function safeString(raw: unknown): string {
  try {
    return String(raw);
  } catch {
    return '?';
  }
}

function parseCellUnsafe(raw: unknown, numberFormat?: string): ParsedValue {
  if (raw === null || raw === undefined) return { kind: 'missing' };
  if (typeof raw === 'number') return parseNumberCell(raw, numberFormat);
  if (typeof raw === 'string') return parseText(raw);
  if (typeof raw === 'boolean') {
    const t = raw ? 'TRUE' : 'FALSE';
    return textResult(t, 'layout.value.logical', () => t);
  }
  if (typeof raw === 'object') {
    const o = raw as Record<string, unknown>;
    if ('error' in o) {
      const code = typeof o.error === 'string' ? o.error.trim().toUpperCase() : safeString(o.error).trim();
      // An error with no code (a host that lost it) is still an error, never a blank.
      return { kind: 'error', code: code === '' ? '#UNKNOWN!' : code };
    }
    // Defensive: shapes some readers hand out (ExcelJS rich text, formula results, links).
    if (Array.isArray(o.richText)) {
      const text = o.richText.map((r) => (r && typeof r === 'object' ? safeString((r as { text?: unknown }).text ?? '') : '')).join('');
      return parseText(text);
    }
    if ('result' in o) return parseCellUnsafe(o.result, numberFormat);
    if (typeof o.text === 'string') return parseText(o.text);
    if (raw instanceof Date) {
      const t = Number.isNaN(raw.getTime()) ? 'Invalid Date' : raw.toISOString().slice(0, 10);
      return textResult(t, 'layout.value.date', () => t);
    }
  }
  return unreadable(safeString(raw));
}
