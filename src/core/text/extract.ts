// Reading a report's prose (报告文本): decoding bytes, and finding the numeric mentions in it —
// value, unit, approximate markers, the indicator words they belong to, with character offsets.
// Pure TypeScript: no Office, DOM or Node APIs (TextDecoder is a global of Node 20 and browsers).
import { VALUE_UNITS, unitKind } from '../units';
import { parseCell } from '../values';

// ---------------------------------------------------------------------------------------------
// Decoding

/**
 * Bytes of a report → text. A BOM decides first (UTF-8, UTF-16LE/BE); otherwise strict UTF-8 is
 * tried and, when the bytes are not valid UTF-8, GB18030 (a superset of GBK/GB2312, what Chinese
 * Windows saves "ANSI" text in). A leading BOM is never part of the text.
 */
export function decodeReport(bytes: Uint8Array): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  }
  const body = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('gb18030').decode(body);
  }
}

// ---------------------------------------------------------------------------------------------
// Types

export type MentionKind = 'count' | 'rate' | 'money' | 'other';

/** One number written in the prose, with its unit. */
export interface Mention {
  /** Position in the list of mentions (0-based). */
  index: number;
  /** As written in the report, markers included: `1200余名`, `近70万人`, `98.3%`, `两次`. */
  text: string;
  /** In base units: 94.23万元 → 942300 (元); rates as fractions: 98.3% → 0.983. */
  value: number;
  /** Base unit: 件, 家, 元 (万元 is scaled into 元), 人次, %, ‰ … */
  unit: string;
  percent: boolean;
  /** 余 / 多 / 约 / 近 / 逾 / 超过 / 以上 / 左右 / 以内 / 以下, or a range (7-15天). */
  approx: boolean;
  marker?: string;
  /** Decimals as written (negative for 万/亿 multiples), as parseCell reports them. */
  decimals: number;
  kind: MentionKind;
  /** The indicator words before the number within its clause: `法制审核案件`, `化解率`. */
  phrase: string;
  /** The words right after the unit within the clause: `医院的基础上` (at most 12 characters). */
  object: string;
  /** phrase normalised for comparisons (fillers, quotes, years dropped); object's when phrase is empty. */
  key: string;
  /** Offset where phrase begins in the text (the clause start, or the previous mention's end). */
  phraseStart: number;
  /** Offsets in the text (UTF-16 code units): text.slice(start, end) === this.text. */
  start: number;
  end: number;
  /** 1-based line and column of start. */
  line: number;
  column: number;
  /** Index of the sentence (split at 。！？；and line ends). */
  sentence: number;
  numeral: 'arabic' | 'chinese';
  /** The period the figure covers: the nearest 上半年 / 1—10月 / 2024年度 before it in its sentence, else the report's. */
  period?: Period;
  /** A change written in words with the level it led to after it (医院增加了10所，现为1219所): a difference. */
  change?: true;
  /** Stated as a sum (共计, 累计 right before it): 每日发布水情信息共计365条 is the year's, not a day's. */
  summed?: true;
}

// The scan string (full-width digits made ASCII, one unit in, one out) and line positions live in
// reading.ts, with the joining of lines broken in mid-sentence; they are re-exported here.
import { findPeriods, periodAt, reportPeriod, type Period } from './period';
import { PINYIN_GLOSS, lineOf, lineStarts, readingScan, simplifiedChars } from './reading';

const PINYIN_GLOSSES = new RegExp(PINYIN_GLOSS.source, 'g');
export { joinBrokenLines, lineOf, lineStarts, readingScan, toScan } from './reading';

/** Characters that end a sentence. ；ends one too (lists inside brackets are handled by claims). */
export const SENTENCE_END = /[。！？!?；;\n\r]/;
/** Characters that end a clause (the span an indicator phrase may come from). */
export const CLAUSE_END = /[，,。；;：:、！？!?（）()【】\[\]\n\r]/;

/** Sentence index of every offset. */
function sentenceIndex(scan: string): Int32Array {
  const idx = new Int32Array(scan.length + 1);
  let n = 0;
  for (let i = 0; i < scan.length; i++) {
    idx[i] = n;
    if (SENTENCE_END.test(scan[i])) n++;
  }
  idx[scan.length] = n;
  return idx;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

/**
 * Units a number in prose may carry, longest first: those of a value cell (units.ts), and 万人次 and
 * 周, which prose writes after a figure more often than a cell does. `%`/`‰` are handled apart.
 */
const UNITS: readonly string[] = [...VALUE_UNITS, '万人次', '周'].sort((a, b) => b.length - a.length);

/** A unit followed by this character is the start of a word, not a unit (6处罚, 3本土). */
const NOT_UNIT_WORDS = new Set([
  '处罚', '处理', '处置', '处室', '本土', '本地', '本级', '所有', '所属', '期间', '支付', '支队', '支部', '台账', '条例', '条款',
  '项目', '名单', '名称', '个人', '个体', '日常', '周年', '周边', '类别', '类型', '届时', '人民', '人口', '家庭', '户籍', '天然', '批准', '批复',
  '种类', '种植', '种子', '种养', '种苗', '种群', '间隔', '间接', '间歇', '间断', '亩产', '亩均', '吨位', '部门', '部署', '部分', '部位', '部长', '部委', '部队', '部件', '部落',
  '封闭', '封存', '封面', '封控', '封堵', '封条', '封装', '封口', '封顶', '封锁',
]);

const PREFIX_MARKERS: readonly string[] = ['超过', '大约', '将近', '接近', '约', '近', '逾', '超'];
/** A prefix marker preceded by one of these characters is part of another word (节约, 最近). */
const PREFIX_BLOCKERS: Record<string, string> = { 约: '节制签预合公条简', 近: '最附邻接将亲', 超: '赶' };
const SUFFIX_MARKERS: readonly string[] = ['以上', '左右', '以内', '以下', '余', '多'];
/** Markers parseCell does not read; stripped before parsing and kept here. */
const OWN_MARKERS = new Set(['以内', '以下']);

const CN_RUN = /[零〇一二两三四五六七八九十百千万亿]+/g;
// Digit groups by commas (3,000) or, as journals print them, by spaces (7 258).
const ARABIC = /(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?: \d{3})+(?!\d)|\d+)(\.\d+)?/g;

// ---------------------------------------------------------------------------------------------
// Phrase normalisation

/**
 * Fillers dropped from a phrase before comparing: they do not change which indicator it is.
 * Multi-character ones go wherever they stand; single characters (共 在 对 …) only at the start of
 * the phrase, so 公共场所 and 共和国 keep theirs; 的 and 了 go everywhere.
 */
const FILLERS: readonly string[] = [
  '的基础上', '基础上', '全年', '年度', '今年', '本年', '当年', '累计', '共计', '总计', '合计', '一共', '总共',
  '帮助', '实际', '目前', '现有', '已经', '其中', '我局', '我委', '以来',
].slice().sort((a, b) => b.length - a.length);
const LEADING_FILLERS = /^[共在对向已均还又并及与和将]+/;

/** Words that link a phrase to its number (审核率达100%), dropped from the end of a phrase. */
const LINK_WORDS = /(?:分别为|分别是|分别|分別為|约为|約為|达到了|达到|達到|高达|多达|共计|总计|合计|累计|共計|總計|合計|累計|一共|总共|為|为|达|達|是|共|计|計|有|至|到)+$/;

/** A phrase as compared: NFKC, no spaces, quotes, years, months, digits or fillers. */
export function normalizePhrase(phrase: string): string {
  let s = phrase.normalize('NFKC').replace(/\s+/g, '');
  // Pinyin glosses that copies on mirror sites put after characters: 人數(shù) is 人數.
  s = s.replace(PINYIN_GLOSSES, '');
  // Words copied in traditional script compare as the scan reads them (衛生技術人員 is 卫生技术人员).
  s = simplifiedChars(s);
  s = s.replace(/["'“”‘’《》〈〉「」『』]/g, '');
  s = s.replace(/\d{4}年度?/g, '').replace(/\d+月份?/g, '').replace(/\d+/g, '');
  for (const f of FILLERS) s = s.split(f).join('');
  s = s.replace(/[的了]/g, '');
  s = s.replace(LEADING_FILLERS, '');
  return s;
}

function cleanPhrase(raw: string): string {
  // No spaces, and no separator a copy doubled (…301件,,占总量的: the scan blanks the second one).
  let s = raw.replace(/\s+/g, '').replace(/^[，,、；;]+/, '');
  // Leading list codes and 其中 (一是 二是 1. (三)).
  s = s.replace(/^(?:其中|[一二三四五六七八九十]+是|\d+[.、]|[(（][一二三四五六七八九十\d]+[)）])+/, '');
  s = s.replace(LINK_WORDS, '');
  return s;
}

// ---------------------------------------------------------------------------------------------
// Extraction

interface RawHit {
  start: number; // first character of the mention, prefix marker included
  numStart: number; // first character of the number itself
  end: number;
  numeral: 'arabic' | 'chinese';
  parseText: string;
  ownMarker?: string;
  rangeFrom?: string;
}

function isSpace(c: string | undefined): boolean {
  return c === ' ';
}

/** Reads units and markers after a number. Returns the end offset and the text to parse. */
function readTail(scan: string, pos: number, allowPercent: boolean): { end: number; text: string; ownMarker?: string } | undefined {
  let p = pos;
  let text = '';
  const skip = (): void => {
    while (isSpace(scan[p])) p++;
  };
  skip();
  const inner = (): void => {
    if ((scan[p] === '余' || scan[p] === '多') && !text.endsWith('余') && !text.endsWith('多')) {
      // 多 must be followed by a unit or multiplier, not a word (多部门).
      text += scan[p];
      p++;
      skip();
    }
  };
  inner();
  const mult = /^(?:十万|百万|千万|万|亿)/.exec(scan.slice(p, p + 2));
  let hasMult = false;
  if (mult && !scan.startsWith('万元', p) && !scan.startsWith('亿元', p) && !scan.startsWith('万人次', p)) {
    text += mult[0];
    p += mult[0].length;
    hasMult = true;
    skip();
    inner();
  }
  let unit: string | undefined;
  if (allowPercent && (scan[p] === '%' || scan[p] === '‰')) {
    if (hasMult) return undefined;
    unit = scan[p];
  } else {
    unit = UNITS.find((u) => scan.startsWith(u, p));
    if (unit && unit.length === 1 && NOT_UNIT_WORDS.has(unit + (scan[p + 1] ?? ''))) unit = undefined;
  }
  if (!unit) return undefined;
  text += unit;
  p += unit.length;
  const afterUnit = p;
  skip();
  let ownMarker: string | undefined;
  const suffix = SUFFIX_MARKERS.find((m) => scan.startsWith(m, p));
  if (suffix && !(suffix === '多' && /[部种样方元次]/.test(scan[p + 1] ?? ''))) {
    if (OWN_MARKERS.has(suffix)) ownMarker = suffix;
    else if (!text.includes(suffix)) text += suffix;
    p += suffix.length;
    return { end: p, text, ownMarker };
  }
  return { end: afterUnit, text, ownMarker };
}

/**
 * The unit of the item before, for a figure written without one at the end of a list item
 * (部门文件5条，政策解读13，部门会议5；): it counts what its siblings count. Only when the figure
 * ends its item and the item before it ends with a figure and a unit.
 */
function earlierItemUnit(scan: string, numStart: number, numEnd: number, after: number): { end: number; text: string } | undefined {
  if (after < scan.length && !/[，,；;、。]/.test(scan[after])) return undefined;
  // Back over items without a unit of their own (政策解读13，部门会议5) to the nearest one with a unit.
  let at = numStart;
  for (let step = 0; step < 6; step++) {
    const from = Math.max(0, at - 40);
    // Blanks after the unit (a mirror's pinyin gloss, 72729個(gè),) stand between it and the comma.
    const prev = /(\d+(?:\.\d+)?)([^\d\s、，,；;。！？\n]{0,3})\s*[，,、；;]\s*[^、，,；;。！？\n\d]{1,16}$/.exec(scan.slice(from, at));
    if (!prev) return undefined;
    const prevNumEnd = from + prev.index + prev[1].length;
    if (prev[2] === '') {
      at = from + prev.index;
      continue;
    }
    const tail = readTail(scan, prevNumEnd, false);
    if (!tail || !tail.text || /[余多]/.test(tail.text) || tail.end > prevNumEnd + prev[2].length) return undefined;
    return { end: numEnd, text: tail.text };
  }
  return undefined;
}

/**
 * The unit of a figure written without one right before a bracket of its subset (议提案157(含7月
 * 交办5件) or before its 其中 (发布各类信息2642，其中…519条): what the part counts, the figure counts.
 */
function bracketUnit(scan: string, numStart: number, numEnd: number): { end: number; text: string; ownMarker?: string } | undefined {
  if (!/[\u4e00-\u9fff）)]/.test(scan[numStart - 1] ?? '')) return undefined;
  // …(含7月交办5件 / …，其中在政府网站发布…519条
  const inner = /^\s*(?:[（(]\s*(?:含|包含|其中)|[，,]\s*其中)[^（()），,；;。]{1,40}/.exec(scan.slice(numEnd, numEnd + 48));
  if (!inner) return undefined;
  // The first figure of the bracket with a unit (含7月交办5件: not 7月, but 5件).
  const digits = /\d+(?:\.\d+)?/g;
  for (let d = digits.exec(inner[0]); d; d = digits.exec(inner[0])) {
    const tail = readTail(scan, numEnd + d.index + d[0].length, false);
    if (tail && tail.text && !/[余多]/.test(tail.text)) return { end: numEnd, text: tail.text };
  }
  return undefined;
}

/**
 * A number without a unit inside a 、 list whose next item carries one (呼伦贝尔市31987份、鄂尔多斯市8001、
 * 赤峰市5453份): the writer dropped the unit, the figure is of the list's unit. Only after a label
 * (a CJK character before the number) and before 、, so years, codes and numbering are not read;
 * at the end of an item, the unit of the items before it (earlierItemUnit).
 */
function inferredTail(scan: string, numStart: number, numEnd: number): { end: number; text: string; ownMarker?: string } | undefined {
  // A bare number inside a list of them (分别为12、15、20人: the 15).
  if (/、\s*$/.test(scan.slice(Math.max(0, numStart - 2), numStart))) return bareListUnit(scan, numStart, numEnd);
  if (!/[\u4e00-\u9fff]/.test(scan[numStart - 1] ?? '')) return undefined;
  let p = numEnd;
  while (isSpace(scan[p])) p++;
  // 调拨业务134万，门诊及其它业务84万元: a multiplier without its unit, before an item that has both.
  if (scan[p] === '万' || scan[p] === '亿') {
    const item = /^[、，,]\s*[^、，,；;。！？\n\d]{1,16}(\d+(?:,\d{3})*(?:\.\d+)?)/.exec(scan.slice(p + 1, p + 40));
    const next = item ? readTail(scan, p + 1 + item[0].length, false) : undefined;
    if (next && next.text.length > 1 && next.text[0] === scan[p] && !/[余多]/.test(next.text)) return { end: p + 1, text: next.text };
    // 总人口63.3万, 城区人口53.2万: a population, counted in people.
    if (/(?:人口|人数)[为达约有是:：\s]{0,2}$/.test(scan.slice(Math.max(0, numStart - 6), numStart)) && !/[\u4e00-\u9fff\d]/.test(scan[p + 1] ?? '')) return { end: p + 1, text: `${scan[p]}人` };
    // 接种疫苗2347.91万剂次。其中，第一剂次887.89万，第二剂次867.64万: items of a total stated in 万 and a
    // unit just before, in the items' sentence or the one before.
    if (!/[\u4e00-\u9fff\d]/.test(scan[p + 1] ?? '')) {
      const back = scan.slice(Math.max(0, numStart - 80), numStart);
      const stops = [...back.matchAll(/[。！？\n]/g)];
      const from = stops.length >= 2 ? stops[stops.length - 2].index + 1 : 0;
      // The nearest such figure that has its unit (an item before without one is passed over).
      for (const stated of [...back.slice(from).matchAll(new RegExp(`\\d${scan[p]}`, 'g'))].reverse()) {
        const tail = readTail(scan, Math.max(0, numStart - 80) + from + stated.index + 1, false);
        if (tail && tail.text.length > 1 && tail.text[0] === scan[p] && !/[余多]/.test(tail.text)) return { end: p + 1, text: tail.text };
      }
    }
    return undefined;
  }
  if (scan[p] !== '、') return earlierItemUnit(scan, numStart, numEnd, p);
  const item = /^[^、，,；;。！？\n\d]{1,16}(\d+(?:,\d{3})*(?:\.\d+)?)/.exec(scan.slice(p + 1, p + 40));
  if (!item) return bareListUnit(scan, numStart, numEnd);
  const next = readTail(scan, p + 1 + item[0].length, false);
  if (!next || !next.text || /[余多]/.test(next.text)) return undefined;
  return { end: numEnd, text: next.text };
}

/**
 * A unit a figure written apart from it can take: a plain one, not approximate (余, 多) and not a
 * multiple (万, 亿) that would change the figure's value.
 */
const plainUnit = (unit: string): boolean => unit !== '' && !/[余多]/.test(unit) && !/^[万亿]/.test(unit);

/**
 * A figure alone in brackets with its unit after them, as a list may slip (乙肝(990)例、肺结核(585例)):
 * the unit is the figure's.
 */
function bracketedFigure(scan: string, numStart: number, numEnd: number): { end: number; text: string; ownMarker?: string } | undefined {
  if (!/[（(]/.test(scan[numStart - 1] ?? '') || !/[)）]/.test(scan[numEnd] ?? '')) return undefined;
  const tail = readTail(scan, numEnd + 1, false);
  return tail && plainUnit(tail.text) ? { end: tail.end, text: tail.text } : undefined;
}

/**
 * A figure written with its sum in brackets before the unit (社区卫生服务中心(站)138(74+64)个), and
 * each figure of that sum: the unit after the brackets is theirs.
 */
function summedFigureUnit(scan: string, numStart: number, numEnd: number): { end: number; text: string; ownMarker?: string } | undefined {
  const SUM = /^[（(]\s*\d+(?:\.\d+)?(?:\s*[+＋]\s*\d+(?:\.\d+)?)+\s*[)）]/;
  // The figure before the brackets.
  let sum = SUM.exec(scan.slice(numEnd, numEnd + 40));
  let after = sum ? numEnd + sum[0].length : -1;
  // A figure inside them: the brackets' start is before it.
  if (!sum) {
    const open = scan.slice(Math.max(0, numStart - 40), numStart).search(/[（(][\d+＋.\s]*$/);
    if (open < 0) return undefined;
    const at = Math.max(0, numStart - 40) + open;
    sum = SUM.exec(scan.slice(at, at + 60));
    if (!sum || at + sum[0].length <= numEnd) return undefined;
    after = at + sum[0].length;
  }
  const tail = readTail(scan, after, false);
  return tail && plainUnit(tail.text) ? { end: numEnd, text: tail.text } : undefined;
}

/**
 * A number in a 、 list of bare numbers whose last one carries the unit (煤工尘肺和矽肺分别为16210、13577例;
 * 分别为12、15、20人): the unit of the list. Only after 为/是/有 (the figures a sentence states), not after 第
 * (第1、2批 numbers batches).
 */
function bareListUnit(scan: string, numStart: number, numEnd: number): { end: number; text: string } | undefined {
  if (!/(?:为|是|有|达)\s*(?:\d+(?:,\d{3})*(?:\.\d+)?\s*、\s*){0,8}$/.test(scan.slice(Math.max(0, numStart - 80), numStart))) return undefined;
  let p = numEnd;
  for (let k = 0; k < 8; k++) {
    const next = /^\s*、\s*(\d+(?:,\d{3})*(?:\.\d+)?)/.exec(scan.slice(p, p + 24));
    if (!next) return undefined;
    p += next[0].length;
    const tail = readTail(scan, p, false);
    if (tail && tail.text) return plainUnit(tail.text) ? { end: numEnd, text: tail.text } : undefined;
  }
  return undefined;
}

function prefixMarker(scan: string, numStart: number): { start: number; marker: string } | undefined {
  let p = numStart;
  while (p > 0 && isSpace(scan[p - 1])) p--;
  for (const m of PREFIX_MARKERS) {
    if (p >= m.length && scan.slice(p - m.length, p) === m) {
      const before = scan[p - m.length - 1] ?? '';
      const blockers = PREFIX_BLOCKERS[m];
      if (m.length === 1 && blockers && before !== '' && blockers.includes(before)) continue;
      // 超过 and 超 overlap: the longer one is listed first.
      return { start: p - m.length, marker: m };
    }
  }
  return undefined;
}

/** Units a figure right after a name in capitals must carry to be read as a count (CT2户, DR3台). */
const COUNT_AFTER_NAME = /^(?:户|家|台|套|所|个|例|人|次|件|张)/;

/** 前三位, 前10名, 后五位: how far down a ranking a list goes, not a count of anything. */
function isRank(scan: string, numStart: number, unit: string): boolean {
  return /[前后]$/.test(scan.slice(Math.max(0, numStart - 1), numStart)) && /^[位名]$/.test(unit);
}

/**
 * 每出生的3个孩子中就有1个, 每10人中有3人: a proportion in words, whose two figures count nothing the
 * report tallies. The first follows 每 within its clause; the second follows 中(就)有 after such a one.
 */
function isRatio(scan: string, numStart: number): boolean {
  const before = scan.slice(Math.max(0, numStart - 24), numStart);
  return /每[^，,；;。！？\n\d]{0,6}$/.test(before) || /每[^，,；;。！？\n]{0,6}\d+[^，,；;。！？\n\d]{0,8}中[就便也]?有$/.test(before);
}

function findHits(scan: string): RawHit[] {
  const hits: RawHit[] = [];
  const covered = new Uint8Array(scan.length);
  ARABIC.lastIndex = 0;
  for (let m = ARABIC.exec(scan); m; m = ARABIC.exec(scan)) {
    const numStart = m.index;
    const numEnd = numStart + m[0].length;
    const before = scan[numStart - 1] ?? '';
    // Codes, versions and dates (GB5749, v2.1, 12.4, 4·15) are no figures; a whole number after a
    // short name in capitals is, when a count's unit follows it (开展CT2户、DR2户).
    if (/[A-Za-z_./#·•]/.test(before) && !(/[\u4e00-\u9fff、，,；;：:\s][A-Z]{1,4}$/.test(scan.slice(Math.max(0, numStart - 6), numStart)) && /^\d+$/.test(m[0]) && COUNT_AFTER_NAME.test(scan.slice(numEnd, numEnd + 2)))) continue;
    if (before === '第') continue;
    if (/[A-Za-z]/.test(scan[numEnd] ?? '')) continue;
    // A range's second half: 7-15天, 12—13万人次.
    let rangeFrom: string | undefined;
    let from = numStart;
    const r = /(\d+(?:\.\d+)?)\s*[-—–~～至到]\s*$/.exec(scan.slice(Math.max(0, numStart - 16), numStart));
    if (r) {
      rangeFrom = r[1];
      from = numStart - r[0].length;
    }
    const tail = readTail(scan, numEnd, true) ?? summedFigureUnit(scan, numStart, numEnd) ?? inferredTail(scan, numStart, numEnd) ?? bracketUnit(scan, numStart, numEnd) ?? bracketedFigure(scan, numStart, numEnd);
    if (!tail) continue;
    if (isRank(scan, numStart, tail.text) || isRatio(scan, numStart)) continue;
    // Dates: 8月9日, 11 月 4 日.
    if (/^[日号]/.test(tail.text) && /月\s*$/.test(scan.slice(Math.max(0, numStart - 3), numStart))) continue;
    const prefix = rangeFrom ? undefined : prefixMarker(scan, numStart);
    const start = prefix ? prefix.start : from;
    const numText = scan.slice(numStart, numEnd).replace(/[, ]/g, '');
    hits.push({
      start,
      numStart: rangeFrom ? from : numStart,
      end: tail.end,
      numeral: 'arabic',
      parseText: (prefix ? prefix.marker : '') + numText + tail.text,
      ownMarker: tail.ownMarker,
      rangeFrom,
    });
    for (let i = start; i < tail.end; i++) covered[i] = 1;
  }
  CN_RUN.lastIndex = 0;
  for (let m = CN_RUN.exec(scan); m; m = CN_RUN.exec(scan)) {
    const numStart = m.index;
    const numEnd = numStart + m[0].length;
    if (covered[numStart]) continue;
    const run = m[0];
    if (run === '一' || /^[万亿千百]/.test(run)) continue; // 一次办, 一个时期: idioms, not counts
    const before = scan[numStart - 1] ?? '';
    if (/[第周初“"「《〈‘'每]/.test(before) || scan.slice(numStart - 2, numStart) === '星期') continue;
    if (/[\d.]/.test(before)) continue;
    // 第一、二次会议: an ordinal continued after 、.
    if (before === '、' && scan.slice(Math.max(0, numStart - 5), numStart).includes('第')) continue;
    const tail = readTail(scan, numEnd, false);
    if (!tail) continue;
    if (isRank(scan, numStart, tail.text)) continue;
    if (scan[tail.end] === '是') continue;
    // 完成两剂次接种, 两针接种: how many doses each person had, not a count of doses.
    if (/^(?:剂次|剂|针)$/.test(tail.text) && (/^\s*(?:接种|疫苗)/.test(scan.slice(tail.end, tail.end + 3)) || /完成\s*$/.test(scan.slice(Math.max(0, numStart - 3), numStart)))) continue;
    // 两剂次接种率, 三级医院覆盖率: a word naming a rate, not a count.
    if (/^[\u4e00-\u9fff]{0,4}率/.test(scan.slice(tail.end, tail.end + 5))) continue;
    if (tail.text === '期' || tail.text === '届' || tail.text === '轮') continue; // 二期工程: a phase, not a count
    // 二次供水, 二次审核: "secondary", not a count of times (that is written 两次).
    if (run === '二' && tail.text === '次') continue;
    const prefix = prefixMarker(scan, numStart);
    const start = prefix ? prefix.start : numStart;
    hits.push({
      start,
      numStart,
      end: tail.end,
      numeral: 'chinese',
      parseText: (prefix ? prefix.marker : '') + run + tail.text,
      ownMarker: tail.ownMarker,
    });
  }
  hits.sort((a, b) => a.start - b.start);
  return hits;
}

/**
 * Every number with a unit in the text, in order. Numbers without a unit (years, dates, codes,
 * phone numbers, 12345, 0.01) are not mentions. The first half of a range (7-15天) is part of the
 * mention of its second half, which is approximate.
 */
export function extractMentions(text: string): Mention[] {
  const scan = readingScan(text);
  const starts = lineStarts(text);
  const sentences = sentenceIndex(scan);
  const mentions: Mention[] = [];
  let prevEnd = 0;
  for (const h of findHits(scan)) {
    const parsed = parseCell(h.parseText);
    if (parsed.kind !== 'number' && parsed.kind !== 'approx') continue;
    const unit = parsed.percent ? '%' : (parsed.unit ?? '');
    let marker = parsed.kind === 'approx' ? parsed.marker : undefined;
    if (h.ownMarker) marker = marker ?? h.ownMarker;
    if (h.rangeFrom !== undefined) marker = marker ?? `${h.rangeFrom}-`;
    const approx = marker !== undefined;
    // Phrase: back to the clause start or the previous mention.
    let p = h.start;
    while (p > prevEnd && !CLAUSE_END.test(scan[p - 1])) p--;
    let rawPhrase = text.slice(p, h.start);
    const q = rawPhrase.lastIndexOf('其中');
    if (q >= 0) rawPhrase = rawPhrase.slice(q + 2);
    const phrase = cleanPhrase(rawPhrase);
    let e = h.end;
    while (e < scan.length && e - h.end < 12 && !CLAUSE_END.test(scan[e])) e++;
    const object = text.slice(h.end, e).replace(/\s+/g, '');
    const key = normalizePhrase(phrase) || normalizePhrase(object);
    const where = lineOf(starts, h.start);
    const change = /(?:增加|减少|增长|下降|新增)了?\s*$/.test(scan.slice(p, h.start)) && /^[^，,；;。]{0,2}[，,]\s*(?:现为|现有|现达|达到)\s*\d/.test(scan.slice(h.end, h.end + 12));
    mentions.push({
      index: mentions.length,
      text: text.slice(h.start, h.end),
      value: parsed.value,
      unit,
      percent: parsed.percent,
      approx,
      ...(marker !== undefined ? { marker } : {}),
      decimals: parsed.decimals,
      kind: unitKind(unit, phrase),
      phrase,
      object,
      key,
      phraseStart: p + (q >= 0 ? q + 2 : 0),
      start: h.start,
      end: h.end,
      line: where.line,
      column: where.column,
      sentence: sentences[h.start],
      numeral: h.numeral,
      ...(change ? { change: true as const } : {}),
      ...(/(?:共计|总计|合计|累计|共計|總計|合計|累計|一共|总共)\s*$/.test(scan.slice(p, h.start)) ? { summed: true as const } : {}),
    });
    prevEnd = h.end;
  }
  const { periods, report } = periodsOf(scan, mentions);
  if (periods.length) {
    let s0 = 0;
    let sentence = -1;
    let k = 0; // periods before the current mention start at periods[0..k)
    for (const m of mentions) {
      if (m.sentence !== sentence) {
        sentence = m.sentence;
        s0 = m.start;
        while (s0 > 0 && !SENTENCE_END.test(scan[s0 - 1])) s0--;
      }
      while (k < periods.length && periods[k].start < m.start) k++;
      const p = periodAt(periods.slice(Math.max(0, k - 4), k), report, s0, m.start);
      if (p) m.period = p;
    }
  }
  return mentions;
}

/**
 * The period phrases of a report and the period of the report as a whole (see period.ts):
 * the most specific phrase before the first figure, else the first stated window of dates.
 */
export function periodsOf(scan: string, mentions: readonly Mention[]): { periods: Period[]; report: Period | undefined } {
  const periods = findPeriods(scan);
  const first = mentions.find((m) => !m.percent) ?? mentions[0];
  // A count in words before it (各盟市三个项目2010年1~5月完成情况) names what the report is about: with no
  // period before it, the period may stand before the first figure in digits.
  const digits = mentions.find((m) => !m.percent && m.numeral === 'arabic');
  const report = reportPeriod(periods, first ? first.start : scan.length, scan) ?? (digits && digits !== first ? reportPeriod(periods, digits.start, scan) : undefined);
  return { periods, report };
}

/** Mentions that state a rate or share (审核率100%, 满意率98.3%, 占比67.42%). */
export function statedRates(mentions: readonly Mention[]): Mention[] {
  return mentions.filter((m) => m.percent);
}
