// Numbers as text outside a cell: Chinese integer numerals read (`一百零六` → 106) and numbers
// written for messages (`1,234.5`, without float noise). The cell reader (values.ts) builds on
// both; reports, checks and prose format their figures with formatNumber.

// ---------------------------------------------------------------------------------------------
// Chinese numeral characters

export const CN_DIGITS: Record<string, number> = {
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
export const CN_BIG_UNITS: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };

export function has(table: Record<string, number>, c: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, c);
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
export function cleanDecimal(v: number): string {
  // Rounding to 15 digits can overflow near the largest double (1.7976931348623157e308 → Infinity):
  // such a value is written with its own digits.
  const rounded = Number(v.toPrecision(15));
  const cleaned = Number.isFinite(rounded) ? rounded : v;
  return plainDecimal(String(Object.is(cleaned, -0) ? 0 : cleaned));
}

/** Digits after the point in the shortest clean representation of v. */
export function shortestDecimals(v: number): number {
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

export function isCnNumeralChar(c: string): boolean {
  return has(CN_DIGITS, c) || has(CN_SMALL_UNITS, c) || has(CN_BIG_UNITS, c);
}
