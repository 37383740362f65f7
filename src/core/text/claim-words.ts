// The words and positions the claim reader goes by: markers (其中, 包括, 分别为…), separators and
// their levels, words that start a new subject or continue a list, change and per-day figures;
// sentence, paragraph and bracket positions in the scan string; labels, tolerance and sums.
import type { ClaimItem } from './claim-types';
import type { Mention } from './extract';

/**
 * Words that open a clause with a count and name what it counts (4个县级医疗机构项目, 抽检的365家游泳场所):
 * before 中 and a comma, the figure they break down.
 */
export const COUNTED_GROUP = String.raw`[^，,。；;：:、\s\d]{0,10}\d+(?:个|所|家|项|件|人|名|例|起|条)[^，,。；;：:、\s\d（()）]{2,16}`;
export const TRIGGERS = new RegExp(
  String.raw`其中包括|其中|分别为|分别是|(?<![不未])包括|(?<![不未])涵盖|分布(?:在|于)(?=[：:]|[^，,。；;：:]{1,8}\d)|[（(]\s*(?:包含|含)|(?<=[，,]\s*)含(?=[^量有义，,。；;\d])|在([^，,。；;：:、\s]{2,12}|[^，,。；;：:、\s]{0,8}\d[^，,。；;：:、\s]{1,16})中(?=[，,：:])|(?<=(?:^|[。！？\n])\s*)(?:本月|本季度|本年度?|今年|全年)([^，,。；;：:、\s\d]{2,8})中(?=[，,：:])|(?<=(?:^|[。！？\n；;])\s*)([^，,。；;：:、\s\d](?:[^，,。；;：:、\d\n]{3,30}?|[^，,。；;：:、\d\n]{1,2}(?=中[：:])))中(?=[，,：:]|(?<=(?:病例|患者|病人|人群|人员|样品|案件|事项)中)[^，,。；;：:、\d\n]{2,8}\d)|` + String.raw`(?<=(?:^|[。！？\n，,；;])\s*)(${COUNTED_GROUP})中(?=[，,：:])` + String.raw`|(?:居|排)在?前[一两二三四五六七八九十\d]{1,2}(?:位|名)的?(?:是|为|依次为|依次是)|(?:主要)?(?:类别|种类|类型)(?:有|为|是|包括)(?=\s*[：:])`,
  'g',
);
export const HARD_END = /[。！？!?\n\r]/;
export const OPEN = /[（(【\[]/;
const CLOSE = /[）)】\]]/;
export const OVERLAP_WORDS = /^(?:并处|同时|另外|另有|另|并)/;
/**
 * An item whose label holds these starts a new subject, not another part: a year, a new total
 * (共计, 共呼入), a marker of its own breakdown, or the state of the items before it (已处理3件).
 */
export const NEW_SUBJECT = /^(?:\d{4}年|今年|全年|截至|截止|已(?!(?:通过[^，,；;。]{0,10})?(?:主动|对外)?公开)|均|现已|现有|全部|累计|全(?:县|区|市|省|州|旗|盟)(?:共|有|还|现))|共计|合计|总计|共有|一共|总共|(?<!公)共(?![同享建性产和])|其中|包括/;
/** Words of a figure per head of population (每千常住人口, 每万人, 人均): a ratio, never a part. */
export const PER_HEAD = /每(?:十万|[十百千万])|人均/;
/** Words of cases carried over, not concluded: 转接下年度办理, 结转下年度, 转下年度办结, 尚未办结. */
export const CARRIED_OVER = /结转|转接|转入下|下年度|尚未办结|未办结|正在办理|仍在办理/;
/** Words before 分别 that make the list a selection (the largest ones), not a complete list. */
export const SELECTION = /最多|最高|最大|较多|较大|较为集中|排名|排前|前[一二三四五六七八九十\d]+|主要|重点/;
/**
 * The last item of a list that takes in all the rest, so that the list says it is complete: 其他,
 * 其他信息, 其它类, 其它事件, 其他公开事项, 其它信息数量, …内容等其他信息, …重大事件等民众关心的其他信息, or the rest of a class of a
 * table (其他专业公共卫生机构, 其他技术人员); not 其他感染性腹泻病, a disease of its own name.
 */
export function isRestItem(label: string): boolean {
  return (
    /^(?:[^，,；;。]{0,30}等[^，,；;。\d]{0,8}?)?(?:其[他它余]|剩余)(?:公开|发布|相关|各类)?(?:类|方面|事项|信息|形式|渠道|方式|类别|内容|情形|原因|事件|部件|案件|问题|诉求|咨询|投诉|求助)?(?:数量|数)?$/.test(label) ||
    /^其[他它][^，,；;。]{0,10}(?:机构|单位|人员|医院|卫生院)$/.test(label)
  );
}

/** Words that make a percentage a change or a target, not a share: 同比上升5%, 增长12%. */
export const NOT_A_SHARE = /同比|环比|增长|增幅|下降|降幅|上升|提高|降低|减少|增加|较上年|比上年|率|目标|以上|以下/;

/** A sentence after the list that adds the rest of the parts: 其他事项2301项. */
export const CONTINUATION = /^\s*(?:其他|其余|其它|另有|另)/;
/** A sentence that breaks an earlier total down by one dimension: 从来信类型看, 按专业分, 办理结果：. */
export const DIMENSION = /^\s*(?:(?:从|按|就)[^，,。；;：:]{1,14}?(?:来看|看|分析|分|划分|统计|而言|分布)[，,：:]|(?:办理|处理|答复|审理|审结|复议|调处)(?:结果|方式)\s*[，,：:])/;
/** A clause that only ranks the item before it (占据首位, 位居第二位): a note, not the end of the list. */
export const RANK_NOTE = /^(?:占据|位居|居|排|列|排名|排在)[^，,；;。]{0,10}(?:首位|第[一二三四五六七八九十\d]+位|前列)$/;
/** Count units whose figures may be added across units (documents, cases, items, letters, calls). */
const ADDABLE = new Set(['件', '件次', '条', '项', '次', '宗', '起', '例', '份', '篇', '封', '批次', '人次']);
/**
 * A line that is a label, a colon and a figure (甲类:0例, 乙类：3042例，死亡4例), or a few words of what
 * was done before the figure (政府网站:发布信息42条，涵盖…): an item of a list under 其中：.
 */
export const LABEL_LINE = /^\s*[^，,。；;：:\n\d]{1,12}[：:]\s*[^，,。；;：:\n\d]{0,8}\d/;
/**
 * The start of an item that gives its name and its count in brackets, then a colon (基础信息公开(26条):),
 * or a line of nothing else.
 */
export const BRACKETED_HEAD = /^(\s*[^，,。；;：:\d（()）\n]{2,20})[（(]\s*[\d.,]+\s*[^\d\s（()）]{1,3}\s*[)）]\s*(?:[：:]|$)/;
/** Numbering at the start of an item: (1) （一） 1. 1、 ① 一是. */
export const NUMBERING = /^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、](?!\d)|[①-⑳]|[一二三四五六七八九十]+[是、])/;

export function sepLevel(c: string): number {
  if (c === '、') return 1;
  if (c === '，' || c === ',') return 2;
  if (c === '；' || c === ';') return 3;
  return 0;
}

/**
 * A change against another period (比上年度减少838条, 同比增加12件, 较去年多5家): a difference, not a
 * count of the list, so never a part (like 同比上升5%, an annotation of the part before it).
 */
export const CHANGE = /(?:同比|环比|比|较)[^，,；;。：:]{0,10}?(?:增加|减少|增长|下降|上升|提高|降低|增|减|多|少)了?$/;
/** A bare change verb right before the figure (…减少了1935件): a difference, whatever it is compared with. */
const CHANGE_VERB = /(?:^|[^\u4e00-\u9fff])(?:增加|减少|增长|下降|上升|提高|降低)了?$/;
export const isChange = (m: Mention): boolean => m.change === true || CHANGE.test(m.phrase) || CHANGE_VERB.test(m.phrase);
/** A figure given as a change of what its words name (医院增加7个, 乡镇卫生院减少4个), with or without a base. */
export const isChangeInWords = (m: Mention): boolean => isChange(m) || /(?:增加|减少|增长|下降|上升|降低)了?$/.test(m.phrase);
/** The figure of an earlier period given for comparison (较2015年同期(704例), 比上年的120件): no total of this year's list. */
const EARLIER_PERIOD = /(?:较|比|与|和|同|相较|相比)[^，,；;。]{0,10}(?:同期|上年|去年|上一年|前一年|前年|上月|上季度|\d{1,2}月份?)(?:的)?[（(\s]*$/;
export const isEarlierPeriod = (scan: string, m: Mention): boolean => EARLIER_PERIOD.test(scan.slice(Math.max(0, m.start - 16), m.start).split(/[，,；;。]/).pop() as string);

export const isCountish = (m: Mention): boolean => !m.percent && m.kind !== 'money';
/**
 * The words between the last part and a total stated after its parts: a separator, then 共计,
 * 合计, 总计, 总共, 一共 or 共, maybe after the year (全年总计) or words that recap the parts (两项合计,
 * 以上共计), and a few words (总计20件, 共计受理64件). 累计 is left out: it mostly sums over years.
 */
export const TOTAL_AFTER = /^[^。！？\n]{0,12}?[，,；;、]\s*(?:全年|本年度?|今年|年度)?(?:(?:[两二三四五六七八九十]项|两者|二者|以上|上述)[^，,；;。！？\n\d]{0,2})?(?:共计|合计|总计|总共|一共|共)[^，,；;。！？\n\d]{0,16}$/;
/** The class a figure is of in a classification written a sentence a class: 甲类, 乙类, 丙类, 一级…三级. */
export const CLASS_WORD = /([甲乙丙丁]类|[一二三四]级)/;
export const CLASS_WORDS = /([甲乙丙丁]类|[一二三四]级)/g;
/** An average or a rate per day, month or head (平均每天近900件次, 日均, 人均) is no part of a total. */
export const PER = /平均|日均|月均|年均|人均|每天|每日|每月|每年|每人/;
/**
 * The figure a share stands beside: the one before it, past its changes in per cent and in count
 * (医院325所，下降1.81%，占…7.4%; 普惠性幼儿园4747所，比上年增加510所，增长12.04%，占总数的68.08%).
 */
export function countBeforeShare(mentions: readonly Mention[], r: Mention, text?: string): Mention | undefined {
  let num: Mention | undefined = mentions[r.index - 1];
  const changed = (m: Mention): boolean => (m.percent ? /(?:增长|下降|上升|减少|增加|提高|降低)了?$/.test(m.phrase) : isChange(m));
  while (num && num.sentence === r.sentence && changed(num)) num = mentions[num.index - 1];
  // Past a bracket that breaks down the figure before it and closes before the share (子站信息3357条
  // (机关信息633条、直属单位信息2724条)，占公开信息总数的15.52%): the share is of that figure. (A count in
  // brackets after a name, 肺结核(289例)，占…, is the item's own.)
  if (num && text !== undefined) num = figureBeforeBracket(mentions, text, num, r.start) ?? num;
  return num;
}

/**
 * The figure right before the bracket that `inner` stands in, when that bracket closes before `to`:
 * the figure the bracket qualifies (3357条 for 2724条 in 3357条(…2724条)，占15.52%). Undefined when
 * `inner` is in no such bracket, or no figure stands right before it.
 */
export function figureBeforeBracket(mentions: readonly Mention[], text: string, inner: Mention, to: number): Mention | undefined {
  const open = bracketOpenBefore(text, inner.end, to);
  if (open === undefined) return undefined;
  let k = inner.index;
  while (k >= 0 && mentions[k].end > open) k--;
  return k >= 0 && /^\s*$/.test(text.slice(mentions[k].end, open)) ? mentions[k] : undefined;
}

/**
 * Where the bracket opens that closes between `from` and `to` without opening there: the bracket
 * `from` stands in. Undefined when every bracket between them is closed where it opened.
 */
function bracketOpenBefore(text: string, from: number, to: number): number | undefined {
  let depth = 0;
  let closeAt = -1;
  for (let i = from; i < to; i++) {
    if (OPEN.test(text[i])) depth++;
    else if (CLOSE.test(text[i])) {
      if (depth === 0) {
        closeAt = i;
        break;
      }
      depth--;
    }
  }
  if (closeAt < 0) return undefined;
  depth = 0;
  for (let i = from - 1; i >= 0 && from - i < 400; i--) {
    if (CLOSE.test(text[i])) depth++;
    else if (OPEN.test(text[i])) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return undefined;
}

/** A figure that may be a part of a list: no share, change, figure per day or head (unless stated as their sum), or earlier period's. */
export const isPartCandidate = (m: Mention): boolean => !m.percent && !isChange(m) && (!PER.test(m.phrase) || m.summed === true) && !EARLIER_PERIOD.test(m.phrase);

// ---------------------------------------------------------------------------------------------
// Brackets and sentences

/**
 * How far back a sentence is looked for. Real sentences are far shorter; a run of text without
 * 。！？, line ends or ；(a table pasted as one line) is read as if its sentence began this many
 * characters before the figure, so that reading it costs time in proportion to its length, not
 * to its square.
 */
export const SENTENCE_SPAN = 1200;

/**
 * How many figures after a total are looked at for its parts when nothing else ends the search
 * first. The longest real lists hold a few dozen items, each maybe with a share beside it.
 */
export const LIST_SPAN = 200;

/** Where the sentence holding offset t starts: after 。！？, a line end, or a ；outside brackets. */
export function sentenceStart(scan: string, t: number): number {
  let level = 0;
  const floor = Math.max(0, t - SENTENCE_SPAN);
  for (let i = t - 1; i >= floor; i--) {
    const c = scan[i];
    if (HARD_END.test(c)) return i + 1;
    if (CLOSE.test(c)) level++;
    else if (OPEN.test(c)) level = Math.max(0, level - 1);
    else if (sepLevel(c) === 3 && level === 0) return i + 1;
  }
  return floor;
}

/** Where the sentence (ended by 。！？ or a line end only) holding t starts. */
export function hardStart(scan: string, t: number): number {
  const floor = Math.max(0, t - SENTENCE_SPAN);
  for (let i = t - 1; i >= floor; i--) if (HARD_END.test(scan[i])) return i + 1;
  return floor;
}

/** Where the sentence from `from` ends (。！？ or a line end), looked for SENTENCE_SPAN characters ahead. */
export function nextHardEnd(scan: string, from: number): number {
  const ceiling = Math.min(scan.length, from + SENTENCE_SPAN);
  for (let i = from; i < ceiling; i++) if (HARD_END.test(scan[i])) return i;
  return ceiling;
}

/** Start of the paragraph (after the last line break) holding t. */
export function paragraphStart(scan: string, t: number): number {
  const i = scan.lastIndexOf('\n', t - 1);
  return i < 0 ? 0 : i + 1;
}

/** The paragraph before the one starting at p0 (> 0), past blank lines: its start and end. */
export function previousParagraph(scan: string, p0: number): { start: number; end: number } {
  let end = p0 - 1;
  while (end > 0 && /\s/.test(scan[end - 1])) end--;
  return { start: paragraphStart(scan, end), end };
}

/** The unmatched opening bracket before t in the same sentence, if any. */
export function enclosingOpen(scan: string, from: number, t: number): number | undefined {
  let level = 0;
  for (let i = t - 1; i >= from; i--) {
    if (CLOSE.test(scan[i])) level++;
    else if (OPEN.test(scan[i])) {
      if (level === 0) return i;
      level--;
    }
  }
  return undefined;
}

/**
 * The close of the bracket that opens at `open`, within its sentence; or, with `stop` and `limit`,
 * before a character `stop` matches and within `limit` characters.
 */
export function matchingClose(scan: string, open: number, stop: RegExp = HARD_END, limit = Infinity): number | undefined {
  let level = 0;
  for (let i = open + 1; i < scan.length && i - open <= limit; i++) {
    if (stop.test(scan[i])) return undefined;
    if (OPEN.test(scan[i])) level++;
    else if (CLOSE.test(scan[i])) {
      if (level === 0) return i;
      level--;
    }
  }
  return undefined;
}

/** Bracket depth of every offset (for "is this mention inside a closed bracket group"). */
export function depths(scan: string): Int32Array {
  const d = new Int32Array(scan.length + 1);
  let level = 0;
  for (let i = 0; i < scan.length; i++) {
    if (HARD_END.test(scan[i])) level = 0;
    if (OPEN.test(scan[i])) {
      d[i] = level;
      level++;
      continue;
    }
    if (CLOSE.test(scan[i])) level = Math.max(0, level - 1);
    d[i] = level;
  }
  d[scan.length] = level;
  return d;
}

/** Whether the bracket group holding `from` is still open at `to` (no closing bracket between). */
export function openAt(depth: Int32Array, from: number, to: number): boolean {
  const d = depth[from];
  for (let i = from; i <= to; i++) if (depth[i] < d) return false;
  return true;
}

export function cleanLabel(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(/^[：:，,、；;]+/, '')
    .replace(NUMBERING, '')
    .replace(/^(?:其中|包括)[：:，,]?/, '')
    .replace(/(?:分别为|分别是|为|达|共|计|有)+$/, '')
    // The bracket that holds the figure (基础信息公开(26条)) is not of the name.
    .replace(/[（(]$/, '');
}

export function item(m: Mention, label: string, overlap = false): ClaimItem {
  return {
    label,
    value: m.value,
    unit: m.unit,
    text: m.text,
    approx: m.approx,
    mention: m.index,
    ...(overlap ? { overlap: true } : {}),
  };
}

/** Whether `words` hold the characters of `name` in order, other words between (主动公开政府信息 holds 主动公开信息). */
export function holdsInOrder(words: string, name: string): boolean {
  let at = 0;
  for (const c of name) {
    at = words.indexOf(c, at);
    if (at < 0) return false;
    at += c.length;
  }
  return true;
}

/** Half of the coarsest step among the numbers: equality tolerance for sums. */
export function tolerance(ms: readonly Mention[]): number {
  let step = 0;
  for (const m of ms) step = Math.max(step, m.percent ? 10 ** -(m.decimals + 2) : 10 ** -m.decimals);
  return step / 2 - 1e-9 * step;
}

/**
 * How far parts may fall from their total by rounding alone. A figure printed rounded — in 万 or 亿
 * (13.8亿人次), or with decimals of a unit that is not money to the fen (4143.3万人次, 12.5吨) — is off
 * its true value by up to half its last digit, and so is each part: the parts of 13.8亿 may add up to
 * 13.9亿 (4.8 + 8.7 + 0.4) though the true figures agree. So is a percentage, except 100 %, the
 * whole. Exact figures (counts, 元 with fen) allow half the coarsest step, as `tolerance` does.
 */
export function sumTolerance(ms: readonly Mention[]): number {
  // A percentage is rounded to its last digit, whatever it is (1%, 30.2%), but for 100 %, the whole.
  const rounded = ms.filter((m) => (m.percent ? m.value !== 1 : m.decimals < 0 || (m.decimals > 0 && m.unit !== '元'))).length;
  const base = tolerance(ms);
  return rounded > 1 ? base * rounded : base;
}

/**
 * Runs of consecutive items, two or more each, that make `total` up, left to right and apart: from
 * each start, the shortest run whose sum comes within `slack` of the total, taken when `fits` says
 * its sum does (the rounding of its own figures; `slack` is at least what `fits` allows). Values are
 * never negative, so one window slides over the items: linear in their number, however long a
 * table's column.
 */
export function runsMakingUp<T>(items: readonly T[], value: (x: T) => number, total: number, fits: (sum: number, run: readonly T[]) => boolean, slack = 0): Array<readonly T[]> {
  const runs: Array<readonly T[]> = [];
  if (total <= 0) return runs;
  let i = 0;
  let j = 0; // the window is items[i, j)
  let sum = 0;
  while (i < items.length) {
    while (j < items.length && sum < total - slack) sum += value(items[j++]);
    if (sum < total - slack) break;
    // Past the total by more than the slack, no run from here fits: no need to look at it.
    const run = j - i >= 2 && sum <= total + slack ? items.slice(i, j) : undefined;
    if (run && fits(Number(sum.toPrecision(15)), run)) {
      runs.push(run);
      i = j;
      sum = 0;
    } else {
      sum -= value(items[i++]);
      if (j < i) {
        j = i;
        sum = 0;
      }
    }
  }
  return runs;
}

export const sumOf = (ms: readonly Mention[]): number => Number(ms.reduce((s, m) => s + m.value, 0).toPrecision(15));

/** Whether figures of these units may be added: one unit, or count units of documents and cases. */
/** Units that all count institutions or premises (机构29个：县级7所、乡镇卫生院22所). */
const PLACES = new Set(['个', '家', '所', '间', '处', '座']);

/** Units that all count people (7108人 of 11833例创伤患者, 43名 of 120人). */
const PERSONS = new Set(['人', '名', '位', '例']);

/** Whether every unit counts people: such figures add up whatever word each one uses. */
export function allPersons(units: Iterable<string>): boolean {
  return [...units].every((u) => PERSONS.has(u));
}

/**
 * A total counted with the general counter 个 and parts in units of places, 个 among them
 * (许可证64个，其中美容美发店7家，旅馆15家…; 卫生健康机构34975个：医院1219所，基层机构33199个), or places in
 * their own unit with parts in 个 (97家单位(含11个乡镇)): one item a place, so the figures are compared
 * as one unit.
 */
export function placesByCounter(total: string, parts: Iterable<string>): boolean {
  const us = [...new Set(parts)];
  // PLACES holds 个 itself.
  if (total === '个') return us.every((u) => PLACES.has(u));
  return PLACES.has(total) && us.every((u) => u === '个' || u === total);
}

/** Two units that count the same kind of thing: the same unit, or both people, or both places. */
export function sameKind(a: string, b: string): boolean {
  return a === b || (PERSONS.has(a) && PERSONS.has(b)) || (PLACES.has(a) && PLACES.has(b));
}

/** Units of published items (信息967条 and 政策信息68件 count the same kind of thing). */
const ITEMS = new Set(['件', '条', '份', '篇', '项']);
/** Two units that count the same kind of thing: the same unit, people, places, or published items. */
export function akin(a: string, b: string): boolean {
  return sameKind(a, b) || (ITEMS.has(a) && ITEMS.has(b));
}

export function addable(units: Iterable<string>): boolean {
  const set = new Set(units);
  if (set.size <= 1) return true;
  return [...set].every((u) => ADDABLE.has(u)) || [...set].every((u) => PERSONS.has(u)) || [...set].every((u) => PLACES.has(u));
}

/**
 * How many names a figure given 各 counts for (越秀区、海珠区和花都区各1例 → 3; 甲和乙各2件 → 2), from
 * the words of its item before it; 1 for any other figure.
 */
export function eachCount(label: string): number {
  const each = /^[\s，,；;：:]*(.+?)各\s*$/.exec(label);
  if (!each) return 1;
  const names = each[1].split(/以及|[、和及与]/).filter((x) => x.trim()).length;
  return names >= 2 && names <= 40 ? names : 1;
}

/** Whether `text` holds a word of two Chinese characters of `words` (调查 of 调查对象 in 入户调查填报). */
export function sharesWord(text: string, words: string): boolean {
  const han = words.replace(/[^\u4e00-\u9fff]/g, '');
  for (let i = 0; i + 1 < han.length; i++) if (text.includes(han.slice(i, i + 2))) return true;
  return false;
}
