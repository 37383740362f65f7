// Cell values → numbers. Reads what staff type into indicator sheets: plain numbers, `585,900`,
// full-width `１０６`, `98.3%`, `94.23万元`, `1900余`, Chinese numerals (`十二`), blanks, dashes
// and Excel errors. Pure TypeScript: no Office, DOM or Node APIs.
//
// Never throws and never invents a 0: whatever cannot be read comes back as kind 'text' with a
// reason that quotes it.
import type { Bilingual, CellValue } from './types';

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

/** Trailing units a value cell may carry. Matched longest first. */
const VALUE_UNITS: readonly string[] = [
  // counts
  '家次',
  '人次',
  '户次',
  '场次',
  '批次',
  '件',
  '家',
  '人',
  '次',
  '条',
  '份',
  '户',
  '项',
  '个',
  '名',
  '起',
  '场',
  '类',
  '所',
  '台',
  '例',
  '宗',
  '篇',
  '期',
  '批',
  '位',
  '支',
  '处',
  '张',
  '本',
  '册',
  '轮',
  '届',
  '座',
  '辆',
  '套',
  '床',
  '种',
  // money
  '万元',
  '亿元',
  '千元',
  '元',
  // durations
  '小时',
  '分钟',
  '个月',
  '工作日',
  '天',
  '日',
].slice().sort((a, b) => b.length - a.length);

const COUNT_UNITS = new Set([
  '件',
  '家',
  '人',
  '次',
  '条',
  '份',
  '户',
  '项',
  '个',
  '家次',
  '人次',
  '户次',
  '名',
  '起',
  '场',
  '场次',
  '类',
  '所',
  '台',
  '例',
  '宗',
  '篇',
  '期',
  '批',
  '批次',
  '位',
  '支',
  '处',
  '张',
  '本',
  '册',
  '轮',
  '座',
  '辆',
  '套',
  '床',
  '种',
  '届',
]);

const OTHER_UNITS = new Set(['天', '日', '小时', '分钟', '个月', '工作日', '年', '月', '周']);

/** Words before a number that make it approximate. Longest first. */
const PREFIX_MARKERS: readonly string[] = ['超过', '大约', '将近', '接近', '约', '近', '逾', '超'];
/** Words right after the number (before the unit). */
const INNER_MARKERS: readonly string[] = ['余', '多'];
/** Words at the very end. */
const SUFFIX_MARKERS: readonly string[] = ['以上', '左右', '余', '多'];

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  两: 2,
  贰: 2,
  貳: 2,
  三: 3,
  叁: 3,
  參: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  陸: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const CN_BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

function has(table: Record<string, number>, c: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, c);
}

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
  const q = quote(text);
  return {
    kind: 'text',
    text,
    reason: { 'zh-CN': `无法识别的数值“${q}”`, 'en-US': `Cannot read "${q}" as a number` },
  };
}

function textResult(text: string, zh: string, en: string): ParsedValue {
  return { kind: 'text', text, reason: { 'zh-CN': zh, 'en-US': en } };
}

// ---------------------------------------------------------------------------------------------
// Decimal helpers

/** Expands a JS number string (maybe with an exponent) into plain decimal digits. */
function plainDecimal(s: string): string {
  // Most number strings have no exponent (JS writes one below 1e-6 and from 1e21 on).
  if (s.indexOf('e') < 0) return s;
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(s);
  if (!m) return s;
  const sign = m[1];
  const digits = m[2] + (m[3] ?? '');
  const point = m[2].length + Number(m[4]);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A number without float noise (0.1+0.2 → 0.3), as a plain decimal string. */
function cleanDecimal(v: number): string {
  const cleaned = Number(v.toPrecision(15));
  return plainDecimal(String(Object.is(cleaned, -0) ? 0 : cleaned));
}

/** Digits after the point in the shortest clean representation of v. */
function shortestDecimals(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return 0;
  // Fast path without strings: the first d for which some d-decimal number reads back as v is the
  // number of decimals of v's shortest form. Below 1e9 with at most 6 decimals that form has at
  // most 15 significant digits, so it is also what cleanDecimal prints.
  const a = Math.abs(v);
  if (a < 1e9 && a >= 1e-6) {
    let p = 10;
    for (let d = 1; d <= 6; d++, p *= 10) if (Math.round(v * p) / p === v) return d;
  }
  const s = cleanDecimal(v);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Rounds a plain decimal string half away from zero to d decimals and pads it to d decimals. */
function roundDecimalString(s: string, d: number): string {
  const neg = s.charCodeAt(0) === 45; /* '-' */
  const body = neg ? s.slice(1) : s;
  const dot = body.indexOf('.');
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const fracPart = dot < 0 ? '' : body.slice(dot + 1);
  if (fracPart.length <= d) {
    const frac = fracPart.padEnd(d, '0');
    return (neg ? '-' : '') + intPart + (d > 0 ? '.' + frac : '');
  }
  let keep = intPart + fracPart.slice(0, d);
  if (fracPart.charCodeAt(d) >= 53 /* '5' */) {
    // Add one in the last kept digit: trailing 9s become 0s, the digit before them goes up (a 1
    // in front when all are 9s).
    let i = keep.length - 1;
    while (i >= 0 && keep.charCodeAt(i) === 57 /* '9' */) i--;
    const zeros = '0'.repeat(keep.length - 1 - i);
    keep = i < 0 ? '1' + zeros : keep.slice(0, i) + String.fromCharCode(keep.charCodeAt(i) + 1) + zeros;
  }
  const ip = keep.slice(0, keep.length - d) || '0';
  const fp = keep.slice(keep.length - d);
  const out = d > 0 ? `${ip}.${fp}` : ip;
  return (neg && /[1-9]/.test(out) ? '-' : '') + out;
}

function groupThousands(intDigits: string): string {
  const n = intDigits.length;
  if (n <= 3) return intDigits;
  // A comma before every group of three digits counted from the right.
  let out = intDigits.slice(0, ((n - 1) % 3) + 1);
  for (let i = out.length; i < n; i += 3) out += ',' + intDigits.slice(i, i + 3);
  return out;
}

/**
 * Formats a number for messages: thousands separators, no float noise (0.1+0.2 → "0.3").
 * With `decimals`, rounds half away from zero and shows exactly that many decimals (negative
 * decimals show none).
 */
export function formatNumber(v: number, decimals?: number): string {
  if (typeof v !== 'number' || Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  if (Number.isInteger(v) && Math.abs(v) < 1e15) {
    // Whole numbers (most counts): their digits as they are, zeros for the decimals asked for.
    const d = decimals !== undefined && Number.isFinite(decimals) ? Math.max(0, Math.min(20, Math.floor(decimals))) : 0;
    const body = String(Math.abs(v));
    return (v < 0 ? '-' : '') + groupThousands(body) + (d > 0 ? '.' + '0'.repeat(d) : '');
  }
  let s = cleanDecimal(v);
  if (decimals !== undefined && Number.isFinite(decimals)) {
    s = roundDecimalString(s, Math.max(0, Math.min(20, Math.floor(decimals))));
  }
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const dot = body.indexOf('.');
  const intPart = dot < 0 ? body : body.slice(0, dot);
  const rest = dot < 0 ? '' : body.slice(dot);
  return (neg ? '-' : '') + groupThousands(intPart) + rest;
}

// ---------------------------------------------------------------------------------------------
// Chinese numerals

/**
 * Reads a Chinese integer numeral: `十二` → 12, `一百零六` → 106, `两千三百` → 2300,
 * `三万五千` → 35000, `三万五` → 35000 (colloquial), `二〇二二` → 2022 (digit by digit),
 * `〇`/`零` → 0. Financial forms (`壹佰`) are read too. Invalid sequences → undefined.
 */
export function parseChineseNumeral(s: string): number | undefined {
  if (typeof s !== 'string' || s === '') return undefined;
  const chars = Array.from(s);
  if (chars.every((c) => has(CN_DIGITS, c))) {
    if (chars.length === 1) return CN_DIGITS[chars[0]];
    if (chars.includes('两')) return undefined;
    if (chars.length > 15) return undefined;
    return Number(chars.map((c) => CN_DIGITS[c]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastSmall = Infinity;
  let lastBig = Infinity;
  let zero = false;
  let prevBig = false;
  for (const c of chars) {
    if (has(CN_DIGITS, c)) {
      const d = CN_DIGITS[c];
      if (digit !== undefined) return undefined;
      prevBig = false;
      if (d === 0) {
        if (zero) return undefined; // 零零
        zero = true;
        continue;
      }
      digit = d;
    } else if (has(CN_SMALL_UNITS, c)) {
      const u = CN_SMALL_UNITS[c];
      if (u >= lastSmall) return undefined;
      if (digit === undefined) {
        // A bare 十 opens a section (十二, 三万十二) or follows 零 (一千零十).
        if (u !== 10 || (section !== 0 && !zero)) return undefined;
        digit = 1;
      }
      section += digit * u;
      lastSmall = u;
      digit = undefined;
      zero = false;
      prevBig = false;
    } else if (has(CN_BIG_UNITS, c)) {
      const b = CN_BIG_UNITS[c];
      if (digit !== undefined) section += digit;
      digit = undefined;
      if (section === 0) {
        // 万亿: a big unit right after a smaller big unit multiplies everything before it.
        if (!(prevBig && b > lastBig)) return undefined;
        total *= b;
      } else if (b >= lastBig) {
        if (b === lastBig) return undefined;
        total = (total + section) * b;
      } else {
        total += section * b;
      }
      lastBig = b;
      section = 0;
      lastSmall = Infinity;
      zero = false;
      prevBig = true;
    } else {
      return undefined;
    }
  }
  if (digit !== undefined) {
    if (!zero && lastSmall !== Infinity && lastSmall >= 100) {
      section += (digit * lastSmall) / 10; // 一百五 → 150
    } else if (!zero && lastSmall === Infinity && lastBig !== Infinity) {
      section += (digit * lastBig) / 10; // 三万五 → 35000
    } else {
      section += digit;
    }
  } else if (zero && section === 0 && total === 0 && lastSmall === Infinity) {
    return 0;
  }
  const value = total + section;
  return Number.isSafeInteger(value) ? value : undefined;
}

function isCnNumeralChar(c: string): boolean {
  return has(CN_DIGITS, c) || has(CN_SMALL_UNITS, c) || has(CN_BIG_UNITS, c);
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

/** Reads a multiplier (万, 亿, 千, 十万, 百万, 千万) at pos: its power of ten and length. */
function readMultiplier(s: string, pos: number): { exp: number; length: number } | undefined {
  const m = /^(?:([十百千])?([万亿萬億])|(千))/.exec(s.slice(pos, pos + 2));
  if (!m) return undefined;
  if (m[3]) return { exp: 3, length: 1 };
  const small = m[1] ? { 十: 1, 百: 2, 千: 3 }[m[1] as '十' | '百' | '千'] : 0;
  const big = m[2] === '万' || m[2] === '萬' ? 4 : 8;
  return { exp: small + big, length: m[0].length };
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

/** NFKC, no zero-width characters, control characters as spaces, trimmed. */
function normalizeText(raw: string): string {
  let t = raw.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  try {
    t = t.normalize('NFKC');
  } catch {
    // keep t as is
  }
  // eslint-disable-next-line no-control-regex
  return t.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ').trim();
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
    return textResult(
      raw,
      `数值“${quote(raw)}”超出可计算的范围`,
      `The number "${quote(raw)}" is out of the computable range`,
    );
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
  if (Number.isNaN(v)) return textResult('NaN', '数值无效（NaN）', 'Invalid number (NaN)');
  if (!Number.isFinite(v)) {
    const t = v > 0 ? 'Infinity' : '-Infinity';
    return textResult(t, `数值无穷大（${t}）`, `Infinite number (${t})`);
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
      return textResult(String(v), `数值“${v}”超出可计算的范围`, `The number "${v}" is out of the computable range`);
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
    return textResult(t, `逻辑值 ${t} 不是数值`, `The logical value ${t} is not a number`);
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
      return textResult(t, `日期 ${t} 不是数值`, `The date ${t} is not a number`);
    }
  }
  return unreadable(safeString(raw));
}

/**
 * Splits a unit into its base and scale: '万元' → {base:'元', factor:1e4}, '亿元' → 1e8,
 * '%' → {base:'%', factor:1}, '件' → {base:'件', factor:1}, undefined → {base:'', factor:1}.
 * Brackets and a leading 单位： are dropped ('（万元）' → 元 × 1e4).
 */
export function unitScale(unit: string | undefined): { base: string; factor: number } {
  if (typeof unit !== 'string') return { base: '', factor: 1 };
  let u = normalizeText(unit).replace(/\s+/g, '');
  u = u.replace(/^单位[:]?/, '');
  u = u.replace(/^[([【]+/, '').replace(/[)\]】]+$/, '');
  if (u === '') return { base: '', factor: 1 };
  if (u === '%' || u === '百分比' || u === '百分率') return { base: '%', factor: 1 };
  const mult = readMultiplier(u, 0);
  if (mult) {
    const rest = u.slice(mult.length);
    if (rest === '' || VALUE_UNITS.includes(rest) || COUNT_UNITS.has(rest)) {
      return { base: rest, factor: 10 ** mult.exp };
    }
  }
  return { base: u, factor: 1 };
}

/** Whether a cell text reads as a unit (件, 万元, %, 人次, 小时, …) rather than a name. */
export function isUnitText(s: string): boolean {
  const { base } = unitScale(s);
  return base === '%' || base === '‰' || base === '元' || COUNT_UNITS.has(base) || OTHER_UNITS.has(base);
}

function normalizeIndicator(name: string): string {
  return normalizeText(name).replace(/\s+/g, '').replace(/[:]+$/, '');
}

/**
 * What kind of quantity an indicator is, from its unit first and its name second.
 * count: non-negative integers; rate: % (rates, shares); money: 元; other: anything else.
 */
export function unitKind(unit: string | undefined, indicatorName?: string): 'count' | 'rate' | 'money' | 'other' {
  const { base } = unitScale(unit);
  if (base === '%' || base === '‰') return 'rate';
  if (base === '元') return 'money';
  if (COUNT_UNITS.has(base)) return 'count';
  if (OTHER_UNITS.has(base)) return 'other';
  if (typeof indicatorName !== 'string') return 'other';
  let n = normalizeIndicator(indicatorName);
  // A unit in brackets at the end of the name: 罚款金额（万元）, 法制审核率(%)
  const bracket = /[([]([^()[\]]*)[)\]]$/.exec(n);
  if (bracket) {
    n = n.slice(0, bracket.index);
    if (!unit || base === '') {
      const inner = unitScale(bracket[1]).base;
      if (inner === '%' || inner === '元' || COUNT_UNITS.has(inner) || OTHER_UNITS.has(inner)) {
        return unitKind(bracket[1]);
      }
    }
  }
  const money = /(罚款|罚没|金额|经费|资金|费用)/.test(n);
  if (/(率|占比|比例|比重|百分比)$/.test(n)) return 'rate';
  if (/(平均|人均|户均|案均|件均|均值)/.test(n)) return money ? 'money' : 'other';
  if (/(件数|次数|人数|家数|户数|起数|个数|项数|条数|份数|场数|例数|宗数|人次数|家次数)$/.test(n)) return 'count';
  if (money) return 'money';
  if (/数$/.test(n) && !/(指数|系数|倍数|分数|均数|中位数|小数|乘数|基数)$/.test(n)) return 'count';
  // Names of counted things, as the sheets write them without a unit: 行政处罚案件, 规范性文件,
  // 政务服务办件, 持证执法人员, 监督检查户次, 医疗机构, 政务服务事项, 行政处罚决定书.
  if (/(件|人员|人次|家次|户次|场次|件次|决定书|事项|机构|任务)$/.test(n)) return 'count';
  return 'other';
}
