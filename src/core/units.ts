// Units of value cells and indicators: the unit words a value may carry (件, 人次, 万元, 小时, …),
// the multipliers before them (万, 亿, 千), and what a unit or an indicator name says about the
// quantity (count, rate, money). Used by the cell reader (values.ts), the layout readers and the
// checks. Pure TypeScript: no Office, DOM or Node APIs.

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** Units of counts (件, 人次, 家 …). */
const COUNT_UNIT_WORDS = ['家次', '人次', '剂次', '户次', '场次', '批次', '剂', '件', '家', '人', '次', '条', '份', '户', '项', '个', '名', '起', '场', '类', '所', '台', '例', '宗', '篇', '期', '批', '位', '支', '处', '张', '本', '册', '轮', '届', '座', '辆', '套', '床', '种', '间', '部', '封'];

/**
 * Units of blood collected and supplied (采集血液总量49.5万单位): a count after a number, but as a word
 * alone a column header (单位: unit, or organisation), so not one of the unit words a label may be.
 */
const BLOOD_UNIT = '单位';

/**
 * Units of measure (校舍总面积57.74万平方米, 粮食产量12.5吨, 公路里程380公里): neither counts nor money,
 * but figures that add up like them. 米 alone is left out: after a number it is as often a word's
 * start (3米线) as a unit.
 */
export const MEASURE_UNIT_WORDS: readonly string[] = ['平方公里', '平方米', '立方米', '公顷', '亩', '吨', '公斤', '千克', '公里', '千米'];

/** Trailing units a value cell may carry: counts, money, durations, measures. Matched longest first. */
export const VALUE_UNITS: readonly string[] = [...COUNT_UNIT_WORDS, BLOOD_UNIT, '万元', '亿元', '千元', '元', '小时', '分钟', '个月', '工作日', '天', '日', ...MEASURE_UNIT_WORDS].sort(
  (a, b) => b.length - a.length,
);

const COUNT_UNITS = new Set(COUNT_UNIT_WORDS);

const OTHER_UNITS = new Set(['天', '日', '小时', '分钟', '个月', '工作日', '年', '月', '周', ...MEASURE_UNIT_WORDS]);

// ---------------------------------------------------------------------------------------------
// Reading units

/** NFKC, no zero-width characters, control characters as spaces, trimmed. */
export function normalizeText(raw: string): string {
  let t = raw.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  try {
    t = t.normalize('NFKC');
  } catch {
    // keep t as is
  }
  // eslint-disable-next-line no-control-regex
  return t.replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ').trim();
}

/** Reads a multiplier (万, 亿, 千, 十万, 百万, 千万) at pos: its power of ten and length. */
export function readMultiplier(s: string, pos: number): { exp: number; length: number } | undefined {
  const m = /^(?:([十百千])?([万亿萬億])|(千))/.exec(s.slice(pos, pos + 2));
  if (!m) return undefined;
  if (m[3]) return { exp: 3, length: 1 };
  const small = m[1] ? { 十: 1, 百: 2, 千: 3 }[m[1] as '十' | '百' | '千'] : 0;
  const big = m[2] === '万' || m[2] === '萬' ? 4 : 8;
  return { exp: small + big, length: m[0].length };
}

/**
 * Splits a unit into its base and scale: '万元' → {base:'元', factor:1e4}, '亿元' → 1e8,
 * '%' → {base:'%', factor:1}, '件' → {base:'件', factor:1}, undefined → {base:'', factor:1}.
 * Brackets and a leading 单位： are dropped ('（万元）' → 元 × 1e4).
 */
export function unitScale(unit: string | undefined): { base: string; factor: number } {
  if (typeof unit !== 'string') return { base: '', factor: 1 };
  let u = normalizeText(unit).replace(/\s+/g, '');
  u = u.replace(/^单位[:]?(?=.)/, '');
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
  if (COUNT_UNITS.has(base) || base === BLOOD_UNIT) return 'count';
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
