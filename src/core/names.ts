// Indicator names, breakdown rows (其中, indents, outline codes) and period labels.
// Pure TypeScript: no Office, DOM or Node APIs.
import { parseChineseNumeral } from './numerals';
import { isUnitText } from './units';

/** Circled and other enclosed numbers (①, ⓫, ❶, ➀, ㉑, ㊀ …). NFKC would turn them into digits. */
const ENCLOSED_NUMBER = /[\u2460-\u2473\u24EA-\u24FF\u2776-\u2793\u3251-\u325F\u32B1-\u32BF\u3280-\u3289]/g;
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Chinese digits used in list codes (一、 （二）). */
const CN_CODE = '[一二三四五六七八九十百零〇]+';

/** Leading list codes and 其中, each tried in turn until none matches. Input is NFKC-normalised. */
const LEADING_PATTERNS: readonly RegExp[] = [
  new RegExp(`^${MARK_OPEN}[^${MARK_CLOSE}]*${MARK_CLOSE}`), // ① (kept aside before NFKC)
  /^其中\s*[:,、]?/, //                                      其中： 其中, 其中
  /^\d+(?:\.\d+)+\.?/, //                                     3.1  4.2.1  3.1.
  /^\d+\s*[.、,)]/, //                                         1.  1、  1)
  /^\d{1,2}\s+(?=\S)/, //                                     "1 名称" (a bare number, then a space)
  new RegExp(`^\\(\\s*(?:\\d+|${CN_CODE})\\s*\\)`), //          (一)  (1)  （１）
  new RegExp(`^[【\\[]\\s*(?:\\d+|${CN_CODE})\\s*[】\\]]`), //  【一】 [1]
  new RegExp(`^${CN_CODE}\\s*[、.,]`), //                       一、 十二、
  /^[、.,:;\s]+/, //                                           separators left behind
];

function prepare(s: unknown): string {
  const str = typeof s === 'string' ? s : s === null || s === undefined ? '' : String(s);
  const marked = str
    .replace(ZERO_WIDTH, '')
    .replace(ENCLOSED_NUMBER, (c) => MARK_OPEN + c.normalize('NFKC') + MARK_CLOSE);
  // eslint-disable-next-line no-control-regex
  return marked.normalize('NFKC').replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ');
}

function stripLeading(t: string): string {
  let s = t.replace(/^\s+/, '');
  for (let guard = 0; guard < 50; guard++) {
    let changed = false;
    for (const re of LEADING_PATTERNS) {
      const m = re.exec(s);
      if (m && m[0].length > 0) {
        s = s.slice(m[0].length).replace(/^\s+/, '');
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return s;
}

/**
 * The key under which indicators are matched: NFKC (full-width → half-width), no whitespace,
 * no leading 其中 / list codes (1. 3.1 （一） 一、 1、 ①), no trailing colon, latin lower case.
 * `其中：公共场所卫生` → `公共场所卫生`; `（１）法制审核率` → `法制审核率`.
 */
export function normalizeName(s: string): string {
  const t = stripLeading(prepare(s));
  return t
    .replace(new RegExp(`[${MARK_OPEN}${MARK_CLOSE}]`, 'g'), '')
    .replace(/\s+/g, '')
    .replace(/:+$/, '')
    .toLowerCase();
}

/** A unit in brackets at the end of a name (法制审核率(%), 罚没款(万元)). */
const TRAILING_UNIT = /\(([^()]{1,6})\)$/;

/**
 * The key of an indicator read from a sheet: normalizeName without a unit in brackets at the end,
 * so that 法制审核率（%） in a form without a 单位 column matches the rules on 法制审核率 (the
 * unit itself is read as the row's unit).
 */
export function indicatorKey(label: string): string {
  const k = normalizeName(label);
  const m = TRAILING_UNIT.exec(k);
  return m && (isUnitText(m[1]) || /^[%‰]$/.test(m[1])) && m.index > 0 ? k.slice(0, m.index) : k;
}

/** Words ending in 等 that do not mean "and so on". */
const NOT_ETC = /(平等|同等|均等|对等|中等|高等|初等|相等|优等|上等|次等|一等|二等|三等|特等)$/;

/**
 * How a label marks a breakdown row. isBreakdown: starts with 其中 (after any outline code) or
 * is indented with spaces; leadingSpaces counts them (a full-width space counts 2);
 * partial: the label says the list is not complete (ends with 等, or 其中 … 主要/部分);
 * code: an outline code at the start (`3.1`, `4.2.1`, `3`); clean: normalizeName(label).
 */
export function breakdownMarker(label: string): {
  isBreakdown: boolean;
  partial: boolean;
  leadingSpaces: number;
  code?: string;
  clean: string;
} {
  const str = typeof label === 'string' ? label : label === null || label === undefined ? '' : String(label);
  let leadingSpaces = 0;
  let i = 0;
  for (; i < str.length; i++) {
    const c = str[i];
    if (c === '\u3000') leadingSpaces += 2;
    else if (c === ' ' || c === '\u00A0' || c === '\t') leadingSpaces += 1;
    else break;
  }
  let rest = prepare(str.slice(i)).replace(/^\s+/, '');
  let code: string | undefined;
  const m = /^(\d+(?:\.\d+)+|\d+(?=\s*[.、\s]))\.?/.exec(rest);
  if (m) {
    code = m[1];
    rest = rest.slice(m[0].length);
  } else {
    // Section codes of Chinese forms: 一、 （一） （1） ①, kept in a canonical spelling.
    const t = leadingOutlineToken(rest);
    if (t) code = t.token;
  }
  const afterCodes = stripCodesOnly(rest);
  const qizhong = /^其中/.test(afterCodes);
  const tail = afterCodes.replace(/[\s:;,.。、)）]+$/, '');
  const partial =
    (qizhong && /(主要|部分)/.test(afterCodes.slice(2))) || (/等$/.test(tail) && !NOT_ETC.test(tail));
  const result: ReturnType<typeof breakdownMarker> = {
    isBreakdown: qizhong || leadingSpaces > 0,
    partial,
    leadingSpaces,
    clean: normalizeName(str),
  };
  if (code !== undefined) result.code = code;
  return result;
}

/** Strips list codes (not 其中) from the start. */
function stripCodesOnly(t: string): string {
  let s = t.replace(/^\s+/, '');
  for (let guard = 0; guard < 50; guard++) {
    let changed = false;
    for (const re of LEADING_PATTERNS) {
      if (re.source.startsWith('^其中')) continue;
      const m = re.exec(s);
      if (m && m[0].length > 0) {
        s = s.slice(m[0].length).replace(/^\s+/, '');
        changed = true;
        break;
      }
    }
    if (!changed) break;
  }
  return s;
}

/**
 * An outline code from a 序号 cell: '3', 3, '3.1', '3.1.2', 3.1 (a float) → '3.1'. Excel stores
 * 3.10 as 3.1, which reads as '3.1'. Only numeric dotted codes; anything else → undefined.
 */
export function parseOutlineCode(s: unknown): string | undefined {
  if (typeof s === 'number') {
    if (!Number.isFinite(s) || s < 0) return undefined;
    const str = String(Number(s.toPrecision(15)));
    return /^\d+(?:\.\d+)?$/.test(str) ? str : undefined;
  }
  if (typeof s !== 'string') return undefined;
  const t = prepare(s).replace(/\s+/g, '').replace(/[.、]+$/, '');
  return /^\d+(?:\.\d+)*$/.test(t) ? t : undefined;
}

/**
 * The section code at the start of a text, in a canonical spelling: `一、` → '一、',
 * `（一）` → '(一)', `（1）` → '(1)', `①` → '①'. Numeric codes (1. 3.1) are parseOutlineCode's.
 */
function leadingOutlineToken(prepared: string): { token: string; length: number } | undefined {
  const s = prepared;
  let m = new RegExp(`^(${CN_CODE})\\s*[、.,]`).exec(s);
  if (m) return { token: `${m[1]}、`, length: m[0].length };
  m = new RegExp(`^[(【\\[]\\s*(${CN_CODE})\\s*[)】\\]]`).exec(s);
  if (m) return { token: `(${m[1]})`, length: m[0].length };
  m = /^[(]\s*(\d{1,3})\s*[)]/.exec(s);
  if (m) return { token: `(${m[1]})`, length: m[0].length };
  m = new RegExp(`^${MARK_OPEN}(\\d+)${MARK_CLOSE}`).exec(s);
  if (m) {
    const n = Number(m[1]);
    return { token: n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : `(${n})`, length: m[0].length };
  }
  return undefined;
}

/**
 * A section code written in a 序号 cell or at the start of a label, other than a numeric one:
 * `一、`, `（一）`, `（1）`, `①` (canonical spelling, see leadingOutlineToken); undefined otherwise.
 */
export function outlineToken(s: unknown): string | undefined {
  if (typeof s !== 'string') return undefined;
  const t = prepare(s).replace(/\s+/g, '');
  if (t === '') return undefined;
  const m = leadingOutlineToken(t);
  if (m && m.length === t.length) return m.token;
  // 一 alone in a 序号 column.
  if (new RegExp(`^${CN_CODE}$`).test(t)) return `${t}、`;
  return undefined;
}

/**
 * Nesting level of an outline code, by the convention of Chinese official documents
 * (一、 → （一） → 1. → （1） → ①): 1 to 5; a dotted numeric code one level deeper per dot
 * (3 → 3, 3.1 → 4, 3.1.2 → 5).
 */
export function codeLevel(code: string): number {
  if (/^\d+(?:\.\d+)*$/.test(code)) return 3 + (code.split('.').length - 1);
  if (code.endsWith('、')) return 1;
  if (/^[\u2460-\u2473]$/.test(code)) return 5;
  if (/^\(\d+\)$/.test(code)) return 4;
  if (code.startsWith('(')) return 2;
  return 3;
}

/** Labels of a row that closes the list above it (or opens a breakdown): 合计, 小计, 总计, 共计, 总数, 计. */
const TOTAL_LABEL = /^(?:合计|小计|总计|共计|总数|计|合计数|总合计)$/;
/** Labels of an entity-axis total: 全市合计, 全区, 全县合计, 全省, 合计, 总计 … */
const ENTITY_TOTAL_LABEL = /^(?:全(?:市|区|县|省|州|盟|旗|镇|乡)(?:合计|总计|小计)?|合计|小计|总计|共计|总数|计)$/;

/** Whether a label names a total row or column (合计, 小计, 总计 …), after codes and spaces. */
export function isTotalLabel(label: unknown): boolean {
  return TOTAL_LABEL.test(normalizeName(typeof label === 'string' ? label : String(label ?? '')));
}

/** Whether a label names the total over entities (全市合计, 全区, 合计 …). */
export function isEntityTotalLabel(label: unknown): boolean {
  const k = normalizeName(typeof label === 'string' ? label : String(label ?? ''));
  return ENTITY_TOTAL_LABEL.test(k);
}

// ---------------------------------------------------------------------------------------------
// Years and periods

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

/** What may follow a year in a header or sheet name: 年, 年度, a period, a word like 数据. */
const YEAR_TAIL =
  /^(?:[0-9零〇一二三四五六七八九十两月日号季度第前上下半全年末底至到止截份\-—–~/]|数据|数值|实际值|实际|完成值|完成|统计值|统计|情况|合计|值)*$/;

function yearFromDigits(y: string): number | undefined {
  const n = /^\d{4}$/.test(y) ? Number(y) : parseChineseNumeral(y);
  return n !== undefined && n >= MIN_YEAR && n <= MAX_YEAR ? n : undefined;
}

/**
 * The year of a header, sheet name or cell: '2022', '2022年', '2022年度', 2022, ' 2022 年 ',
 * '二〇二二年', '2022年1-10月' → 2022. Anything else → undefined.
 */
export function parseYear(s: unknown): number | undefined {
  if (typeof s === 'number') {
    return Number.isInteger(s) && s >= MIN_YEAR && s <= MAX_YEAR ? s : undefined;
  }
  if (typeof s !== 'string') return undefined;
  const t = prepare(s).replace(/\s+/g, '');
  const m = /^(\d{4}|[零〇一二三四五六七八九]{4})(?!\d)(.*)$/.exec(t);
  if (!m) return undefined;
  const year = yearFromDigits(m[1]);
  if (year === undefined) return undefined;
  const tail = m[2].replace(/[()[\]【】]/g, '');
  // A second year (2022-2023) or a longer number is not a period of this year.
  if (/\d{3,}|[零〇一二三四五六七八九]{4}/.test(tail)) return undefined;
  return YEAR_TAIL.test(tail) ? year : undefined;
}

/**
 * The year a sheet name stands for: parseYear of the whole name ('2022', '2022年度'), else the one
 * year written anywhere in it ('罗庄区2023年', '统计表-2023', '2023年报表'). A name with two
 * different years ('2021-2022对比') or none → undefined; so does a year glued to letters or
 * other digits ('Sheet2000', '120231').
 */
export function sheetNameYear(name: string): number | undefined {
  const whole = parseYear(name);
  if (whole !== undefined) return whole;
  const t = prepare(name).replace(/\s+/g, '');
  const years = new Set<number>();
  for (const m of t.matchAll(/(?<![0-9A-Za-z])(\d{4})(?![0-9])|([零〇一二三四五六七八九]{4})(?=年)/g)) {
    const y = yearFromDigits(m[1] ?? m[2]);
    if (y !== undefined) years.add(y);
  }
  return years.size === 1 ? [...years][0] : undefined;
}

const CN_MONTH = '[一二三四五六七八九十]{1,3}';
const NUM = `(\\d{1,2}|${CN_MONTH})`;

function monthNumber(s: string): number | undefined {
  const n = /^\d+$/.test(s) ? Number(s) : parseChineseNumeral(s);
  return n !== undefined && n >= 1 && n <= 12 ? n : undefined;
}

/**
 * Whether a period label covers a full year or only part of it: '2022年1-10月', '1—10月',
 * '上半年', '前三季度', '一季度', '截至10月' → 'partial'; '2022年', '2022年度', '1-12月', '全年',
 * '截至12月31日' → 'full'.
 */
export function periodCoverage(s: unknown): 'full' | 'partial' {
  if (typeof s !== 'string') return 'full';
  const t = prepare(s).replace(/\s+/g, '');
  if (/全年|全年度|前四季度|[1一][-—–~至到]+[4四]季度|Q1[-—–~至到]+Q4/i.test(t)) return 'full';
  const range = new RegExp(`(?:^|\\D)${NUM}月?(?:份)?[-—–~至到]+${NUM}月`).exec(t);
  if (range) {
    const a = monthNumber(range[1]);
    const b = monthNumber(range[2]);
    if (a !== undefined && b !== undefined) return a === 1 && b === 12 ? 'full' : 'partial';
  }
  if (/上半年|下半年|半年|前三季度|前两季度|前二季度|季度|(?:^|[^A-Za-z])[QH][1-4](?![0-9])/i.test(t)) return 'partial';
  const month = new RegExp(`(?:^|\\D)${NUM}月(?:(\\d{1,2})日|底|末)?`).exec(t);
  if (month) {
    const mm = monthNumber(month[1]);
    if (mm === 12 && (month[2] === '31' || /月(底|末)/.test(month[0]))) return 'full';
    if (mm !== undefined) return 'partial';
  }
  return 'full';
}
