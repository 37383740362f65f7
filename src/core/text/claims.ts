// Total-with-breakdown claims in prose, read the way a careful reader reads a report:
// - after a marker: "…209家，其中：公共场所卫生108家、生活饮用水12家…", "120件（其中警告57件；…62件；…1件）",
//   包括, 分别为/分别是, a bracketed （含…） subset;
// - with the total in an earlier sentence, past intervening clauses: "共受理许可1,000件，办结率100%。
//   其中甲类300件、乙类700件。";
// - nested, one claim per level: "共25件，其中人大建议9件，主办5件、会办4件；政协提案16件，主办7件、会办9件";
// - by reference to an earlier figure: "A许可包括：…" after "A许可800件", "在公开信息中，…", and groups
//   whose labels name earlier totals ("共承办人大建议3件、政协提案14件。其中，人大建议主办2件，协办1件；…");
// - without a marker when the parts add up exactly: "行政复议案件4件，撤销1件，维持3件", and after a
//   dimension phrase ("从来信类型看，咨询类16件…");
// - over numbered items, one a line: "其中包括：\n(1)…6次…;\n(2)…1次…".
// Lists are read over the separators 、 ，； and line breaks, level by level, with shares (占比80%)
// and growth figures (同比上升5%) as annotations of a part, never parts.
// Pure TypeScript: no Office, DOM or Node APIs.
import type { Bilingual } from '../types';
import { lineOf, lineStarts, normalizePhrase, type Mention } from './extract';
import { textMsg } from './messages';
import type { Period } from './period';
import { readingScan } from './reading';

/**
 * ok: the parts add up (or explain the total, see Claim.note); exceeds: parts above the total that
 * no reading explains (error); short: parts below a total the wording says is complete (error);
 * short-partial: parts below the total (warning: partial list?); overlap: parts above the total by
 * items that may count the same cases again — marked 并处/同时, or listed after parts that already
 * make up the total (warning); mixed-units: figures of different units that do not add up (warning);
 * approx: an approximate figure, not checked.
 */
export type Verdict = 'ok' | 'exceeds' | 'short-partial' | 'short' | 'approx' | 'mixed-units' | 'overlap';

export interface ClaimItem {
  label: string;
  /** Base units, as Mention.value (万元 → 元). */
  value: number;
  unit: string;
  /** As written: `108家`, `94.23万元`, `1200余名`. */
  text: string;
  approx: boolean;
  /** Index into the mentions. */
  mention: number;
  /** Marked 并处 / 同时 / 另, or listed after the parts that already make up the total: may overlap the other parts. */
  overlap?: boolean;
}

/** How a claim was found. */
export type Reading =
  /** A marker (其中, 包括, 分别为, 含) in the sentence of the total. */
  | 'marker'
  /** A marker at the start of a sentence after the total's. */
  | 'previous-sentence'
  /** A marker after a label that names an earlier figure (A许可包括…, 在公开信息中…). */
  | 'reference'
  /** A part of another claim broken down in turn. */
  | 'nested'
  /** No marker: figures after a total that add up to it exactly. */
  | 'no-marker'
  /** A list after 从…看 / 按…分 that breaks down an earlier total. */
  | 'dimension'
  /** The parts first, then their total (新收17件，上年结转3件，总计20件). */
  | 'total-after';

export interface Claim {
  /** The claim as written, from the total's phrase to the end of the list (closing bracket included). */
  text: string;
  start: number;
  end: number;
  /** 1-based line and column of start. */
  line: number;
  column: number;
  /** The word that opened the list: 其中, 包括, 分别为, 分别是, 含, 在…中; '' when there is none. */
  trigger: string;
  total: ClaimItem;
  parts: ClaimItem[];
  /** Sum of the parts in base units; null when their units differ and they do not add up to the total. */
  sum: number | null;
  /** sum − total; null when not compared. */
  difference: number | null;
  /** The wording says the list is complete (分别为, 共计…包括, 全部). */
  complete: boolean;
  /** true for 'ok' and 'approx' (nothing to report); false for errors and warnings. */
  ok: boolean;
  verdict: Verdict;
  /** How the claim was found. */
  reading: Reading;
  /** Why the verdict is what it is when that is not plain arithmetic (zh-CN first): the parts that overlap, a total made of two figures, units that differ. */
  note?: Bilingual;
  /** The period of the total (see period.ts). */
  period?: Period;
  /** For a nested claim: the index of the claim whose part it breaks down. */
  parent?: number;
}

/** A 其中/包括/分别为 that opens no checkable list, with the reason. */
export interface SkippedClaim {
  text: string;
  start: number;
  line: number;
  trigger: string;
  /** no-parts: no number follows; rate-parts: the parts are rates/shares (其中…100%覆盖); no-total: no total before it. */
  reason: 'no-parts' | 'rate-parts' | 'no-total';
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const TRIGGERS = /其中包括|其中|分别为|分别是|包括|涵盖|[（(]\s*含|在([^，,。；;：:、\s]{2,12})中(?=[，,：:])|(?<=(?:^|[。！？\n])\s*)(?:本月|本季度|本年度?|今年|全年)([^，,。；;：:、\s\d]{2,8})中(?=[，,：:])|(?:居|排)前[一二三四五六七八九十\d]{1,2}(?:位|名)的?(?:是|为|依次为|依次是)/g;
const HARD_END = /[。！？!?\n\r]/;
const OPEN = /[（(【\[]/;
const CLOSE = /[）)】\]]/;
const OVERLAP_WORDS = /^(?:并处|同时|另外|另有|另|并)/;
/**
 * An item whose label holds these starts a new subject, not another part: a year, a new total
 * (共计, 共呼入), a marker of its own breakdown, or the state of the items before it (已处理3件).
 */
const NEW_SUBJECT = /^(?:\d{4}年|今年|全年|截至|截止|已|均|现已|全部|累计)|共计|合计|总计|共有|一共|总共|(?<!公)共(?![同享建性产和])|其中|包括/;
/** Words before 分别 that make the list a selection (the largest ones), not a complete list. */
const SELECTION = /最多|最高|最大|较多|较大|较为集中|排名|排前|前[一二三四五六七八九十\d]+|主要|重点/;
/** A sentence after the list that adds the rest of the parts: 其他事项2301项. */
const CONTINUATION = /^\s*(?:其他|其余|其它|另有|另)/;
/** A sentence that breaks an earlier total down by one dimension: 从来信类型看, 按专业分. */
const DIMENSION = /^\s*(?:从|按|就)[^，,。；;：:]{1,14}?(?:来看|看|分|划分|统计|而言|分布)[，,：:]/;
/** Count units whose figures may be added across units (documents, cases, items, calls). */
const ADDABLE = new Set(['件', '件次', '条', '项', '次', '宗', '起', '例', '份', '篇', '批次', '人次']);
/** Numbering at the start of an item: (1) （一） 1. 1、 ① 一是. */
/** A line that is a label, a colon and a figure (甲类:0例, 乙类：3042例，死亡4例): an item of a list under 其中：. */
const LABEL_LINE = /^\s*[^，,。；;：:\n\d]{1,12}[：:]\s*\d/;
const NUMBERING = /^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、](?!\d)|[①-⑳]|[一二三四五六七八九十]+[是、])/;

function sepLevel(c: string): number {
  if (c === '、') return 1;
  if (c === '，' || c === ',') return 2;
  if (c === '；' || c === ';') return 3;
  return 0;
}

/**
 * A change against another period (比上年度减少838条, 同比增加12件, 较去年多5家): a difference, not a
 * count of the list, so never a part (like 同比上升5%, an annotation of the part before it).
 */
const CHANGE = /(?:同比|环比|比|较)[^，,；;。：:]{0,10}?(?:增加|减少|增长|下降|上升|提高|降低|增|减|多|少)了?$/;
const isChange = (m: Mention): boolean => CHANGE.test(m.phrase);

const isCountish = (m: Mention): boolean => !m.percent && m.kind !== 'money';
/**
 * The words between the last part and a total stated after its parts: a separator, then 共计,
 * 合计, 总计, 总共, 一共 or 共, and at most a few words (总计20件, 共计受理64件). 累计 is left out:
 * it mostly sums over years.
 */
const TOTAL_AFTER = /^[^。！？\n]{0,12}?[，,；;]\s*(?:共计|合计|总计|总共|一共|共)[^，,；;。！？\n\d]{0,8}$/;
/** The class a figure is of in a classification written a sentence a class: 甲类, 乙类, 丙类, 一级…三级. */
const CLASS_WORD = /([甲乙丙丁]类|[一二三四]级)/;
const CLASS_WORDS = /([甲乙丙丁]类|[一二三四]级)/g;
/** An average or a rate per day, month or head (平均每天近900件次, 日均, 人均) is no part of a total. */
const PER = /平均|日均|月均|年均|人均|每天|每日|每月|每年|每人/;
const isPartCandidate = (m: Mention): boolean => !m.percent && !isChange(m) && !PER.test(m.phrase);

// ---------------------------------------------------------------------------------------------
// Brackets and sentences

/** Where the sentence holding offset t starts: after 。！？, a line end, or a ；outside brackets. */
function sentenceStart(scan: string, t: number): number {
  let level = 0;
  for (let i = t - 1; i >= 0; i--) {
    const c = scan[i];
    if (HARD_END.test(c)) return i + 1;
    if (CLOSE.test(c)) level++;
    else if (OPEN.test(c)) level = Math.max(0, level - 1);
    else if (sepLevel(c) === 3 && level === 0) return i + 1;
  }
  return 0;
}

/** Where the sentence (ended by 。！？ or a line end only) holding t starts. */
function hardStart(scan: string, t: number): number {
  for (let i = t - 1; i >= 0; i--) if (HARD_END.test(scan[i])) return i + 1;
  return 0;
}

function nextHardEnd(scan: string, from: number): number {
  for (let i = from; i < scan.length; i++) if (HARD_END.test(scan[i])) return i;
  return scan.length;
}

/** Start of the paragraph (after the last line break) holding t. */
function paragraphStart(scan: string, t: number): number {
  const i = scan.lastIndexOf('\n', t - 1);
  return i < 0 ? 0 : i + 1;
}

/** The unmatched opening bracket before t in the same sentence, if any. */
function enclosingOpen(scan: string, from: number, t: number): number | undefined {
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

function matchingClose(scan: string, open: number): number | undefined {
  let level = 0;
  for (let i = open + 1; i < scan.length; i++) {
    if (HARD_END.test(scan[i])) return undefined;
    if (OPEN.test(scan[i])) level++;
    else if (CLOSE.test(scan[i])) {
      if (level === 0) return i;
      level--;
    }
  }
  return undefined;
}

/** Bracket depth of every offset (for "is this mention inside a closed bracket group"). */
function depths(scan: string): Int32Array {
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
function openAt(depth: Int32Array, from: number, to: number): boolean {
  const d = depth[from];
  for (let i = from; i <= to; i++) if (depth[i] < d) return false;
  return true;
}

function cleanLabel(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(/^[：:，,、；;]+/, '')
    .replace(NUMBERING, '')
    .replace(/^(?:其中|包括)[：:，,]?/, '')
    .replace(/(?:分别为|分别是|为|达|共|计|有)+$/, '');
}

function item(m: Mention, label: string, overlap = false): ClaimItem {
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

/** Half of the coarsest step among the numbers: equality tolerance for sums. */
function tolerance(ms: readonly Mention[]): number {
  let step = 0;
  for (const m of ms) step = Math.max(step, m.percent ? 10 ** -(m.decimals + 2) : 10 ** -m.decimals);
  return step / 2 - 1e-9 * step;
}

const sumOf = (ms: readonly Mention[]): number => Number(ms.reduce((s, m) => s + m.value, 0).toPrecision(15));

/** Whether figures of these units may be added: one unit, or count units of documents and cases. */
function addable(units: Iterable<string>): boolean {
  const set = new Set(units);
  if (set.size <= 1) return true;
  return [...set].every((u) => ADDABLE.has(u));
}

// ---------------------------------------------------------------------------------------------
// Reading a list: the region after a marker as a tree of separators

interface TNode {
  start: number;
  end: number;
  /** Separator level the children were split at (0 for a leaf). */
  level: number;
  kids: TNode[];
}

/** One part as read, before the total is known. */
interface Part {
  m: Mention;
  /** Where its label starts (the start of its item at the list's level). */
  labelStart: number;
  overlap?: boolean;
  /** Nested reading: the parts this part is broken down into (人大建议9件，主办5件、会办4件). */
  sub?: Part[];
  /** A group without a head figure whose label names an earlier total (人大建议主办2件，协办1件). */
  group?: Part[];
  /** A numbered item holding several figures: the one of the total's unit is the part. */
  choices?: Mention[];
  /** Followed by a 其中 of its own: the total of the next breakdown (…信息121条,其中…78条,…), a part only where the sum says so. */
  opens?: boolean;
}

interface ReadOut {
  parts: Part[];
  kind: 'parts' | 'annotation' | 'text' | 'empty';
}

class ListReader {
  constructor(
    private readonly scan: string,
    private readonly text: string,
    private readonly mentions: readonly Mention[],
    private readonly depth: Int32Array,
    private readonly regionStart: number,
    private readonly regionEnd: number,
    private readonly numbered: boolean,
  ) {}

  private baseDepth = -1;

  /** Separators at the region's own bracket depth, with their levels. */
  private seps(): Array<{ at: number; level: number }> {
    const out: Array<{ at: number; level: number }> = [];
    this.baseDepth = this.depth[this.regionStart];
    let quote = 0; // inside “…” or 《…》 a 、 belongs to a name (“双随机、一公开”)
    for (let i = this.regionStart; i < this.regionEnd; i++) {
      const c = this.scan[i];
      if (c === '“' || c === '《' || c === '「') quote++;
      else if ((c === '”' || c === '》' || c === '」') && quote > 0) quote--;
      if (quote > 0 || this.depth[i] !== this.baseDepth || OPEN.test(c)) continue;
      // The comma of 3,000 groups digits; it separates nothing.
      if (c === ',' && /\d/.test(this.scan[i - 1] ?? '') && /^\d{3}(?!\d)/.test(this.scan.slice(i + 1, i + 5))) continue;
      let level = sepLevel(c);
      if (this.numbered && (c === '\n' || c === '。')) level = 4;
      if (level) out.push({ at: i, level });
    }
    return out;
  }

  tree(): TNode {
    const seps = this.seps();
    const build = (a: number, b: number): TNode => {
      const inside = seps.filter((s) => s.at >= a && s.at < b);
      if (inside.length === 0) return { start: a, end: b, level: 0, kids: [] };
      const top = Math.max(...inside.map((s) => s.level));
      const cuts = inside.filter((s) => s.level === top).map((s) => s.at);
      const kids: TNode[] = [];
      let from = a;
      for (const c of cuts) {
        kids.push(build(from, c));
        from = c + 1;
      }
      kids.push(build(from, b));
      return { start: a, end: b, level: top, kids };
    };
    return build(this.regionStart, this.regionEnd);
  }

  /** Mentions of a span at the region's bracket depth (those in nested brackets belong to another claim). */
  private own(a: number, b: number): Mention[] {
    return this.mentions.filter((m) => m.start >= a && m.end <= b && this.depth[m.start] === this.baseDepth);
  }

  /** Whether a node is a head figure followed by a list of two or more at a lower level (人大建议9件，主办5件、会办4件). */
  private headShaped(n: TNode): boolean {
    if (n.level === 0 || n.kids.length !== 2) return false;
    return this.read(n.kids[0], false).parts.length === 1 && this.read(n.kids[1], false).parts.length >= 2;
  }

  private read(n: TNode, nested: boolean, mirror = false): ReadOut {
    if (n.level === 0) return this.leaf(n);
    if (this.numbered && n.level === 4) return this.numberedItems(n);
    // Siblings of one shape (人大建议9件，主办5件、会办4件；政协提案16件，主办7件、会办9件) are nested
    // breakdowns even where one of them does not add up: that level is then the error.
    const mirrored = nested && n.kids.filter((k) => this.headShaped(k)).length >= 2;
    const rs: Array<{ r: ReadOut; kid: TNode }> = [];
    for (const kid of n.kids) {
      const r = this.read(kid, nested, mirrored);
      if (r.parts.length === 0) {
        if (r.kind === 'text' && rs.length > 0) break;
        continue;
      }
      if (rs.length > 0 && NEW_SUBJECT.test(cleanLabel(this.text.slice(kid.start, r.parts[0].m.start)))) break;
      // An item that opens with a marker of its own (…12条,其中A6条,B3条,C3条,开展…121条,其中D78条…):
      // the figure before it is the total of that breakdown, and the list ends there. Right after
      // the first item (人大建议9件，其中主办5件、会办4件) it is that item's breakdown, read above.
      if (rs.length >= 2 && /^[\s：:，,、；;]*(?:其中|包括)/.test(this.text.slice(kid.start, r.parts[0].m.start))) {
        const last = rs[rs.length - 1];
        if (last.r.parts.length === 1) last.r = { ...last.r, parts: [{ ...last.r.parts[0], opens: true }] };
        break;
      }
      rs.push({ r, kid });
    }
    if (rs.length === 0) return { parts: [], kind: 'empty' };
    annotateOtherUnits(rs);
    const lens = rs.map((x) => x.r.parts.length);
    const single = (x: { r: ReadOut; kid: TNode }): Part => ({ ...x.r.parts[0], labelStart: x.kid.start });
    if (lens.every((l) => l === 1)) return { parts: rs.map(single), kind: 'parts' };
    if (lens[0] === 1) {
      // A head figure followed by its breakdown at a lower level (人大建议9件，主办5件、会办4件), or
      // a list whose last item holds two figures joined by 、 (…8条，…办件21件、…办件201件). Figures
      // above the head are no breakdown of it.
      const head = rs[0].r.parts[0].m;
      const sub = rs.length === 2 ? rs[1].r.parts : [];
      const subSum = sub.reduce((t, p) => t + p.m.value, 0);
      if (nested && sub.length && sub.every((p) => p.m.unit === head.unit) && (mirror || subSum <= head.value + tolerance([head]))) {
        return { parts: [{ ...single(rs[0]), sub }], kind: 'parts' };
      }
      return { parts: rs.flatMap((x) => (x.r.parts.length === 1 ? [single(x)] : x.r.parts)), kind: 'parts' };
    }
    if (rs.length >= 2 && lens.every((l) => l >= 2)) {
      // Groups without a head figure (人大建议主办2件，协办1件；政协提案主办8件，协办6件).
      if (nested) return { parts: rs.map((x) => ({ m: x.r.parts[0].m, labelStart: x.kid.start, group: x.r.parts })), kind: 'parts' };
      return { parts: rs.flatMap((x) => x.r.parts), kind: 'parts' };
    }
    // A list, then a stronger separator: what follows is another clause, except an item marked
    // 并处/同时, which may overlap the list (处罚340件，其中警告37件、罚款303件，并处没收6件).
    const out = [...rs[0].r.parts];
    if (!nested) return { parts: rs.flatMap((x) => x.r.parts), kind: 'parts' };
    for (const x of rs.slice(1)) {
      const p = x.r.parts[0];
      const label = cleanLabel(this.text.slice(x.kid.start, p.m.start));
      if (x.r.parts.length === 1 && OVERLAP_WORDS.test(label)) out.push({ ...p, labelStart: x.kid.start, overlap: true });
      else break;
    }
    return { parts: out, kind: 'parts' };
  }

  private leaf(n: TNode): ReadOut {
    const own = this.own(n.start, n.end);
    const parts = own.filter(isPartCandidate).map((m) => ({ m, labelStart: n.start }));
    if (parts.length) return { parts, kind: 'parts' };
    if (own.some((m) => m.percent || isChange(m))) return { parts: [], kind: 'annotation' };
    return { parts: [], kind: /[\u4e00-\u9fff\w]/.test(this.scan.slice(n.start, n.end)) ? 'text' : 'empty' };
  }

  /** Numbered items, one a line: each holds its figures; the one of the total's unit is its part. */
  private numberedItems(n: TNode): ReadOut {
    const parts: Part[] = [];
    for (const kid of n.kids) {
      const ms = this.own(kid.start, kid.end).filter(isPartCandidate);
      if (ms.length === 0) continue;
      parts.push({ m: ms[0], labelStart: kid.start, choices: ms });
    }
    return { parts, kind: parts.length ? 'parts' : 'empty' };
  }

  /** The parts in the nested reading (breakdowns kept apart) and the flat one (everything a part). */
  readings(): { nested: Part[]; flat: Part[] } {
    const t = this.tree();
    return { nested: this.read(t, true).parts, flat: this.read(t, false).parts };
  }
}

/**
 * Items of a list where most hold one figure of one unit (信息3121条；…412条；…30条，采购总金额1765万元；
 * …29条): in an item that holds one figure of that unit and others of units that cannot be added to
 * it (money, persons beside 件), the others describe the item and are no parts of the list.
 */
function annotateOtherUnits(rs: Array<{ r: ReadOut }>): void {
  const singles = rs.filter((x) => x.r.parts.length === 1);
  if (singles.length < 2 || singles.length === rs.length) return;
  const unit = singles[0].r.parts[0].m.unit;
  if (!singles.every((x) => x.r.parts[0].m.unit === unit)) return;
  for (const x of rs) {
    const ps = x.r.parts;
    if (ps.length < 2) continue;
    const same = ps.filter((p) => p.m.unit === unit);
    if (same.length === 1 && ps.every((p) => p.m.unit === unit || !addable([p.m.unit, unit]))) {
      x.r = { parts: [{ ...same[0], labelStart: ps[0].labelStart }], kind: 'parts' };
    }
  }
}

/**
 * Where a list read after a marker ends for its total. A figure larger than the whole total, after
 * two or more parts that fit in it, starts a new subject (…共12条，其中A6条，B3条，C3条，开展…121条):
 * no single part can be larger than its total, and the parts before it already read as a list. A
 * last part that opens a breakdown of its own is that breakdown's total, kept as a part only when
 * the parts add up to the total with it and not without it.
 */
function endOfList(parts: Part[], total: Mention): Part[] {
  if (parts.some((p) => p.group || p.sub)) return parts;
  const tol = tolerance([total]);
  let out = parts;
  let s = 0;
  for (let k = 0; k < parts.length; k++) {
    const v = parts[k].m.value;
    if (k >= 2 && s <= total.value + tol && v > total.value + tol && parts[k].m.unit === total.unit) {
      out = parts.slice(0, k);
      break;
    }
    s += v;
  }
  const last = out[out.length - 1];
  if (out.length >= 2 && last.opens) {
    const sum = sumOf(out.map((p) => p.m));
    if (Math.abs(sum - total.value) > tol) out = out.slice(0, -1);
  }
  return out;
}

/** The figure of a numbered item for a total of unit `unit`: the one marked 共/合计 first, else the first of that unit. */
function choose(choices: readonly Mention[], unit: string, scan: string): Mention | undefined {
  const same = choices.filter((m) => m.unit === unit);
  if (same.length === 0) return undefined;
  const marked = same.find((m) => /共|合计|累计|总计/.test(scan.slice(Math.max(0, m.start - 4), m.start)));
  return marked ?? same[0];
}

/** The parts of a reading for a total of unit `unit` (numbered items pick their figure). */
function materialize(parts: readonly Part[], unit: string, scan: string): Part[] {
  const out: Part[] = [];
  for (const p of parts) {
    if (p.choices) {
      const m = choose(p.choices, unit, scan);
      if (m) out.push({ m, labelStart: p.labelStart });
    } else out.push(p);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Verdicts

interface Draft {
  text: string;
  start: number;
  end: number;
  trigger: string;
  total: Mention;
  totalLabel: string;
  /** A total stated as two figures (收到6件，上年结转1件): its value is their sum. */
  totalValue?: number;
  compound?: Mention[];
  parts: Array<{ m: Mention; label: string; overlap?: boolean }>;
  complete: boolean;
  selection: boolean;
  reading: Reading;
  parent?: number;
}

function judge(d: Draft, starts: number[]): Claim {
  const tm = d.total;
  const totalValue = d.totalValue ?? tm.value;
  const parts = d.parts.map((p) => item(p.m, p.label, p.overlap));
  const ms = d.parts.map((p) => p.m);
  const units = new Set(parts.map((p) => p.unit));
  const sameUnits = units.size === 1;
  const rawSum = sumOf(ms);
  const tol = tolerance([tm, ...(d.compound ?? []), ...ms]);
  const exact = Math.abs(rawSum - totalValue) <= tol;
  const countsOnly = ms.every(isCountish) && isCountish(tm);
  const total: ClaimItem = { ...item(tm, d.totalLabel), value: totalValue, ...(d.compound ? { text: d.compound.map((m) => m.text).join('+') } : {}) };
  const notes: Bilingual[] = [];
  if (d.compound) notes.push(textMsg('text.note-compound', { figures: d.compound.map((m) => m.text).join(' + '), total: formatPlain(totalValue) }));
  const make = (verdict: Verdict, sum: number | null, difference: number | null, note?: Bilingual): Claim => {
    const all = note ? [...notes, note] : notes;
    return {
      text: d.text,
      start: d.start,
      end: d.end,
      ...lineOf(starts, d.start),
      trigger: d.trigger,
      total,
      parts,
      sum,
      difference,
      complete: d.complete,
      ok: verdict === 'ok' || verdict === 'approx',
      verdict,
      reading: d.reading,
      ...(all.length ? { note: joinNotes(all) } : {}),
      ...(tm.period ? { period: tm.period } : {}),
      ...(d.parent !== undefined ? { parent: d.parent } : {}),
    };
  };
  const anyApprox = tm.approx || parts.some((p) => p.approx);
  // Units: parts of one unit and a total of another, or parts of several units, are not added —
  // unless they are counts that add up to the total exactly (条 and 件 of one list of documents),
  // or items of published information (信息51条: 1篇, 6篇, 37条), which count in one unit whatever
  // word the writer uses for each.
  const infoItems = !sameUnits || tm.unit !== parts[0].unit ? publishedItems(tm, parts) : false;
  if (infoItems) notes.push(textMsg('text.note-info-items', { units: [...new Set([tm.unit, ...units])].join(' / ') }));
  if ((!sameUnits || tm.unit !== parts[0].unit) && !infoItems) {
    if (countsOnly && exact && !anyApprox) {
      return make('ok', rawSum, 0, textMsg('text.note-units', { units: [...new Set([tm.unit, ...units])].join(' / ') }));
    }
    return make('mixed-units', sameUnits ? rawSum : null, null);
  }
  const diff = Number((rawSum - totalValue).toPrecision(15));
  // An approximate figure (360余条, 约300件) allows a sum near it; parts far below it are a partial
  // list, as with an exact total.
  const farBelow = diff < -0.2 * Math.abs(totalValue) && !parts.some((p) => p.approx);
  if (anyApprox && !farBelow) return make('approx', rawSum, diff);
  if (exact) return make('ok', rawSum, 0);
  if (diff > 0) {
    const overlapSum = parts.filter((p) => p.overlap).reduce((s, p) => s + p.value, 0);
    if (overlapSum > 0 && diff - overlapSum <= tol) return make('overlap', rawSum, diff);
    // The first (or last) parts make up the total exactly and the rest count the same cases by
    // another dimension (警告50件、罚款150件 of 200, then 没收违法所得4件、听证9件): the claim holds, with
    // a note. When the rest is not evidently of another dimension, the categories may overlap: a
    // warning, not an error, since the exact sum of the first parts is not chance alone.
    const split = leadingSubset(ms, totalValue, tol, parts.map((p) => p.label));
    if (split) {
      for (const i of split.rest) parts[i] = { ...parts[i], overlap: true };
      const rest = split.rest.map((i) => `${parts[i].label}${parts[i].text}`).join('、');
      const lead = split.lead.map((i) => parts[i].text).join(' + ');
      const note = textMsg(split.other ? 'text.note-subset' : 'text.note-subset-unsure', { lead, total: formatPlain(totalValue), rest });
      return make(split.other ? 'ok' : 'overlap', rawSum, diff, note);
    }
    return make('exceeds', rawSum, diff);
  }
  // Below the total. One part after a marker is a subset ("其中重大案件5件"), not a list.
  if (parts.length === 1 && !d.complete) return make('ok', rawSum, diff);
  if (d.complete && !d.selection) return make('short', rawSum, diff);
  return make('short-partial', rawSum, diff, d.selection && d.complete ? textMsg('text.note-selection', {}) : undefined);
}

/** Units an item of published information is counted in: a message (条), an article (篇), a file or paper (件). */
const INFO_ITEM_UNITS = new Set(['条', '篇', '件']);

/**
 * Whether a total and its parts all count items of published information: a total in 条 or 篇
 * named 信息 (主动公开政府信息51条), parts in 条, 篇 or 件. Other totals in 条 (条款, 热线) and other
 * units (个 of columns or platforms) are not such items.
 */
function publishedItems(total: Mention, parts: readonly ClaimItem[]): boolean {
  if (total.unit !== '条' && total.unit !== '篇') return false;
  if (!/信息/.test(total.phrase)) return false;
  return parts.every((p) => INFO_ITEM_UNITS.has(p.unit));
}

/**
 * Parts 0..k−1 (or k..n−1, see below), k ≥ 2, that add up to the total exactly, when the rest is not named
 * like them. A rest named like the leading parts (消毒卫生, 职业卫生 after 公共场所卫生, 学校卫生…; 责令停产停业
 * after 警告, 罚款) is of the same dimension: a sum that happens to match part of that list explains
 * nothing, and the claim stays an error. `other`: the rest is evidently another dimension (a
 * procedure or an additional penalty after penalty types, or a new action such as 收到…).
 */
function leadingSubset(
  ms: readonly Mention[],
  total: number,
  tol: number,
  labels: readonly string[],
): { lead: number[]; rest: number[]; other: boolean } | undefined {
  const n = ms.length;
  const judgeSplit = (lead: number[], rest: number[]): { lead: number[]; rest: number[]; other: boolean } | undefined => {
    if (rest.some((r) => lead.some((l) => sameDimension(labels[l], labels[r])))) return undefined;
    const leadKinds = new Set(lead.map((l) => labelKind(labels[l])));
    const other = rest.every((r) => {
      if (NEW_ACTION.test(normalizePhrase(labels[r]))) return true;
      const k = labelKind(labels[r]);
      return k !== undefined && !leadKinds.has(k) && !leadKinds.has(undefined);
    });
    return { lead, rest, other };
  };
  let s = 0;
  for (let k = 0; k < n - 1; k++) {
    s += ms[k].value;
    if (k >= 1 && Math.abs(s - total) <= tol) {
      const r = judgeSplit(range(0, k + 1), range(k + 1, n));
      if (r) return r;
    }
  }
  // The last parts making up the total: what a list adds after its categories (another dimension)
  // comes at its end, so parts before them are explained only when evidently of another dimension
  // (a new action, a procedure before penalties); a first item of an unknown kind is one of the
  // list, and dropping it to match the total would be chance.
  s = 0;
  for (let k = n - 1; k > 0; k--) {
    s += ms[k].value;
    if (k <= n - 2 && Math.abs(s - total) <= tol) {
      const r = judgeSplit(range(k, n), range(0, k));
      if (r && r.other) return r;
    }
  }
  return undefined;
}

/** A part that starts a new action rather than naming a category: 收到群众表扬信29件. */
const NEW_ACTION = /^(?:收到|另收到|另有|此外|还有|另外|受理|接到)/;

/**
 * The dimension a label of a penalty breakdown belongs to: the penalty imposed (警告, 罚款, 责令停产
 * 停业…), an additional penalty imposed with another (没收违法所得: DOMAIN.md, the 6 are also among
 * the 303 fines), or the procedure (简易程序, 听证, 移送…). Labels of other kinds have none.
 */
function labelKind(label: string): 'penalty' | 'additional' | 'procedure' | undefined {
  const l = normalizePhrase(label);
  if (/^(?:并处|同时)?没收/.test(l)) return 'additional';
  if (/程序|听证|移送|集体讨论|法制审核|复议|诉讼|不予处罚|从轻|减轻|首违/.test(l)) return 'procedure';
  if (/警告|通报批评|罚款|停产停业|责令关闭|暂扣|吊销|降低资质|拘留/.test(l)) return 'penalty';
  return undefined;
}

/** Whether two labels name categories of one dimension: a shared ending of two characters, or 类. */
function sameDimension(a: string, b: string): boolean {
  const x = normalizePhrase(a);
  const y = normalizePhrase(b);
  if (x.length < 1 || y.length < 1) return false;
  if (x.endsWith('类') && y.endsWith('类')) return true;
  if (labelKind(x) === 'penalty' && labelKind(y) === 'penalty') return true;
  return x.length >= 2 && y.length >= 2 && x.slice(-2) === y.slice(-2);
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);

function formatPlain(v: number): string {
  return String(Number(v.toPrecision(12)));
}

function joinNotes(notes: readonly Bilingual[]): Bilingual {
  return { 'zh-CN': notes.map((n) => n['zh-CN']).join(''), 'en-US': notes.map((n) => n['en-US']).join(' ') };
}

/** The words that make a list complete, if present: 分别为/分别是, 共计…包括, 全部 (before the first part). */
export function completeWording(
  scan: string,
  trigger: string,
  s0: number,
  total: Mention,
  firstPart: number,
): string | undefined {
  if (trigger.startsWith('分别')) return trigger;
  if (trigger === '包括') {
    const lead = scan.slice(Math.max(s0, total.phraseStart), total.end);
    const m = /共计|合计|总计|总共|一共|共有|共/.exec(lead);
    if (m) return `${m[0]}…包括`;
  }
  // 全部 between the total and the first part (20件，全部包括…); a 全部 after the list
  // (…，全部依法公示) says nothing about the list.
  const lead = scan.slice(Math.max(s0, total.end), firstPart);
  if (/全部|全都/.test(lead)) return '全部';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The reader

/**
 * Finds every total-with-breakdown claim. Rules (DOMAIN.md, "Partial breakdowns"):
 * parts above the total are an error ('exceeds') unless a reading explains them: 并处/同时 items
 * ('overlap', a warning), leading parts that make up the total exactly with the rest another
 * dimension ('ok' with a note), another total of the sentence that the parts add up to, a total
 * stated as two figures; parts below the total are a warning ('short-partial'), or an error
 * ('short') when the wording says the list is complete — not when it lists a selection (最多的…
 * 分别是); any approximate number → 'approx' (never fails); figures of different units are not
 * added ('mixed-units', a warning) unless they are counts that add up to the total exactly. A
 * single part after a marker is a subset: only part ≤ total is checked. Claims without a marker
 * are only made when the parts add up to the total exactly.
 */
export function extractClaims(text: string, mentions: readonly Mention[]): { claims: Claim[]; skipped: SkippedClaim[] } {
  return new ClaimReader(text, mentions).run();
}

class ClaimReader {
  private readonly scan: string;
  private readonly starts: number[];
  private readonly depth: Int32Array;
  private readonly claims: Claim[] = [];
  private readonly skipped: SkippedClaim[] = [];
  private readonly usedAsPart = new Set<number>();
  /** The total each part was read for, by mention index: a later list may break the same total down again. */
  private readonly partOf = new Map<number, number>();
  /** Totals stated after their parts: not siblings of those parts when their own breakdowns are sought. */
  private readonly totalsAfterParts = new Set<number>();
  private readonly seen = new Set<string>();
  /** Offsets already read as the region of a claim (nested markers inside are not read twice). */
  private readonly regions: Array<[number, number]> = [];

  /** Per offset: line breaks (paragraphs) and sentence ends (。！？) before it, for windows without rescanning. */
  private readonly linesBefore: Int32Array;
  private readonly endsBefore: Int32Array;

  constructor(
    private readonly text: string,
    private readonly mentions: readonly Mention[],
  ) {
    this.scan = readingScan(text);
    this.starts = lineStarts(text);
    this.depth = depths(this.scan);
    const n = this.scan.length;
    this.linesBefore = new Int32Array(n + 1);
    this.endsBefore = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const c = this.scan[i];
      this.linesBefore[i + 1] = this.linesBefore[i] + (c === '\n' ? 1 : 0);
      this.endsBefore[i + 1] = this.endsBefore[i] + (c === '。' || c === '！' || c === '？' ? 1 : 0);
    }
  }

  /** The mentions that lie within [a, b), by binary search (mentions are in text order). */
  private within(a: number, b: number): Mention[] {
    const ms = this.mentions;
    let lo = 0;
    let hi = ms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[mid].start < a) lo = mid + 1;
      else hi = mid;
    }
    const out: Mention[] = [];
    for (let i = lo; i < ms.length && ms[i].start < b; i++) if (ms[i].end <= b) out.push(ms[i]);
    return out;
  }

  run(): { claims: Claim[]; skipped: SkippedClaim[] } {
    this.totalsAfter();
    TRIGGERS.lastIndex = 0;
    for (let tm = TRIGGERS.exec(this.scan); tm; tm = TRIGGERS.exec(this.scan)) this.marker(tm);
    this.bracketBreakdowns();
    this.classSeries();
    this.dimensions();
    this.withoutMarker();
    // In text order; a nested claim's parent index follows its parent.
    const parentOf = new Map<Claim, Claim>();
    for (const c of this.claims) if (c.parent !== undefined) parentOf.set(c, this.claims[c.parent]);
    this.claims.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const [c, p] of parentOf) c.parent = this.claims.indexOf(p);
    return { claims: this.claims, skipped: this.skipped };
  }

  private emit(d: Draft): number | undefined {
    const key = `${d.total.index}|${d.parts.map((p) => p.m.index).join(',')}`;
    if (this.seen.has(key)) return undefined;
    this.seen.add(key);
    for (const p of d.parts) {
      this.usedAsPart.add(p.m.index);
      this.partOf.set(p.m.index, d.total.index);
    }
    this.claims.push(judge(d, this.starts));
    return this.claims.length - 1;
  }

  private label(from: number, m: Mention): string {
    return cleanLabel(this.text.slice(from, m.start));
  }

  /** A marker (其中, 包括, 分别为, 含, 在…中) and the list after it. */
  private marker(tm: RegExpExecArray): void {
    const { scan, text } = this;
    const t = tm.index;
    let trigger = tm[0].replace(/^[（(]\s*/, '');
    const byLabel = tm[1] ?? tm[2];
    if (byLabel) trigger = `在${byLabel}中`;
    const afterTrigger = t + tm[0].length;
    if (this.regions.some(([a, b]) => t >= a && t < b) && !trigger.startsWith('含')) {
      // A marker inside a list already read (其中…1225件，包括…): its breakdown was read there.
      const inner = this.within(afterTrigger, nextHardEnd(scan, t));
      if (inner.length && inner.every((m) => this.usedAsPart.has(m.index) || m.percent)) return;
    }
    const s0 = sentenceStart(scan, t);
    const h0 = hardStart(scan, t);
    const open = tm[0].startsWith('（') || tm[0].startsWith('(') ? t : enclosingOpen(scan, s0, t);
    let regionEnd: number;
    let endInclusive: number;
    let numbered = false;
    if (open !== undefined) {
      const close = matchingClose(scan, open);
      regionEnd = close ?? nextHardEnd(scan, t);
      endInclusive = close !== undefined ? close + 1 : regionEnd;
    } else {
      regionEnd = nextHardEnd(scan, t);
      endInclusive = regionEnd;
      // 其中包括：⏎(1)…⏎(2)…: the list is the numbered lines that follow.
      if (/^[：:\s]*$/.test(scan.slice(afterTrigger, regionEnd)) && scan[regionEnd] === '\n') {
        let end = regionEnd;
        while (end < scan.length && scan[end] === '\n' && (NUMBERING.test(scan.slice(end + 1, end + 8)) || LABEL_LINE.test(scan.slice(end + 1, end + 24)))) {
          const next = scan.indexOf('\n', end + 1);
          end = next < 0 ? scan.length : next;
        }
        if (end > regionEnd) {
          numbered = true;
          regionEnd = end;
          endInclusive = end;
        }
      }
    }
    let regionStart = afterTrigger;
    while (regionStart < regionEnd && /[：:，,\s]/.test(scan[regionStart])) regionStart++;
    const where = lineOf(this.starts, t);
    const skip = (reason: SkippedClaim['reason']): void => {
      // 在…中 and （含…） are read when they open a list; otherwise they are ordinary words
      // (在日常工作中，…) and not worth a note.
      if (byLabel || trigger === '含') return;
      this.skipped.push({ text: text.slice(s0, endInclusive).trim(), start: t, line: where.line, trigger, reason });
    };

    // ---- parts
    const inRegion = this.within(regionStart, regionEnd);
    const firstOwn = inRegion.find((m) => this.depth[m.start] === this.depth[regionStart]);
    if (!firstOwn || (!numbered && this.breaksBefore(regionStart, firstOwn.start))) {
      skip('no-parts');
      return;
    }
    const reader = new ListReader(scan, text, inRegion, this.depth, regionStart, regionEnd, numbered);
    const { nested, flat } = reader.readings();
    if (nested.length === 0 && flat.length === 0) {
      if (inRegion.some((m) => m.percent)) skip('rate-parts');
      else skip('no-parts');
      return;
    }
    if (firstOwn.percent && !numbered) {
      skip('rate-parts');
      return;
    }
    this.regions.push([t, regionEnd]);

    // ---- total
    const firstUnit = (nested[0] ?? flat[0]).m.unit;
    const cands = this.totalCandidates(t, s0, h0, firstUnit, byLabel ?? this.referenceLabel(h0, s0, t));
    if (trigger === '含') {
      // （含…） qualifies the figure right before the bracket, even when that figure is a part of a list.
      const before = this.within(s0, t).filter((m) => !m.percent);
      const whole = before[before.length - 1];
      if (whole && /^\s*$/.test(scan.slice(whole.end, t))) {
        cands.list = [whole, ...cands.list.filter((m) => m !== whole)];
        cands.local.add(whole.index);
      }
    }
    const chosen = this.choose(cands, t, nested, flat, numbered);
    if (!chosen) {
      skip('no-total');
      return;
    }
    const { total, compound, reading } = chosen;
    const chosenParts = compound ? chosen.parts : endOfList(chosen.parts, total);

    // Parallel figures of two units (走访110批1731人次，其中集访76批1677人次): a claim per unit.
    const unitsOfParts = [...new Set(chosenParts.map((p) => p.m.unit))];
    if (!numbered && unitsOfParts.length >= 2 && chosenParts.every((p) => !p.sub && !p.group)) {
      const perUnit = unitsOfParts.map((u) => ({ u, total: cands.list.find((c) => c.unit === u && cands.local.has(c.index)) }));
      if (perUnit.every((x) => x.total)) {
        for (const { u, total: tot } of perUnit) {
          const ps = chosenParts.filter((p) => p.m.unit === u);
          this.emitClaim(tot as Mention, undefined, ps, trigger, s0, endInclusive, t, open, 'marker');
        }
        return;
      }
    }

    // Continuation in the next sentence: "其中行政许可1225件…。其他事项2301项。" (其他/其余/另有) adds the
    // rest to the list; a sentence that opens with a figure of the list's unit ("其中14件…答复。2件结转
    // 下年办理。") does so only when it completes the total exactly.
    const extra: Part[] = [];
    // Later clauses of the sentence named as the rest (…，其中1件结转下年办理，另外2件申请人撤回，其余15件
    // 按期答复): more parts when, with them, the list makes up the total exactly.
    if (!compound && !numbered && chosenParts.length && chosenParts.every((p) => !p.group && !p.sub)) {
      const more = this.namedRest(chosenParts[chosenParts.length - 1].m.end, regionEnd, total, sumOf(chosenParts.map((p) => p.m)));
      if (more.length) {
        extra.push(...more);
        endInclusive = Math.max(endInclusive, more[more.length - 1].m.end);
      }
    }
    if (extra.length === 0 && scan[regionEnd] === '。' && !numbered && open === undefined) {
      const next = nextHardEnd(scan, regionEnd + 1);
      const m = this.within(regionEnd + 1, next).find(isPartCandidate);
      const lead = m ? scan.slice(regionEnd + 1, m.start) : '';
      const flat = chosenParts.flatMap((p) => (p.group ? p.group : [p]));
      const sum = sumOf(flat.map((p) => p.m));
      const named = (total.end <= h0 || chosen.crossSentence) && CONTINUATION.test(lead);
      const figureFirst = /^\s*$/.test(lead) && m !== undefined && m.unit === total.unit && !compound &&
        Math.abs(sum + m.value - total.value) <= tolerance([total, m]);
      if (m && !/[，,；;]/.test(lead) && !m.percent && (named || figureFirst)) {
        extra.push({ m, labelStart: regionEnd + 1 });
        endInclusive = m.end;
      } else if (!compound && chosenParts.every((p) => !p.group) && sum < total.value) {
        const more = this.completion(regionEnd, total, sum);
        if (more.length) {
          extra.push(...more);
          endInclusive = more[more.length - 1].m.end;
        }
      }
    }

    const groups = chosenParts.filter((p) => p.group);
    if (groups.length && groups.length === chosenParts.length) {
      // Groups whose labels name earlier totals: a claim per group, no outer claim.
      const resolved = groups.map((g) => ({ g, total: this.byLabel(this.groupLabel(g, groups), g.labelStart, sumOf((g.group as Part[]).map((p) => p.m))) }));
      if (resolved.every((x) => x.total)) {
        for (const { g, total: tot } of resolved) {
          this.emitClaim(tot as Mention, undefined, g.group as Part[], trigger, g.labelStart, this.groupEnd(g), g.labelStart, undefined, 'reference');
        }
        return;
      }
    }
    const flatParts = groups.length ? chosenParts.flatMap((p) => (p.group ? p.group : [p])) : chosenParts;
    const idx = this.emitClaim(total, compound, [...flatParts, ...extra], trigger, s0, endInclusive, t, open, reading);
    // Nested breakdowns: a part with its own list.
    for (const p of flatParts) {
      if (!p.sub) continue;
      this.emitClaim(p.m, undefined, p.sub, '', p.labelStart, p.sub[p.sub.length - 1].m.end, p.labelStart, undefined, 'nested', idx);
    }
  }

  /**
   * A list that goes on in the next sentences without a marker (…公示公告109条。重点信息方面，建议提案
   * 办理结果22条，信用公示信息118条…): their figures are more parts when, all of the total's unit, they
   * make up exactly what the list lacks. Up to two sentences of the paragraph; a sentence with a
   * marker of its own, a figure of another unit or none at all ends the search.
   */
  private completion(listEnd: number, total: Mention, sum: number): Part[] {
    const { scan } = this;
    const out: Part[] = [];
    let acc = sum;
    let from = listEnd;
    for (let k = 0; k < 2 && scan[from] === '。'; k++) {
      const end = nextHardEnd(scan, from + 1);
      if (/其中|包括|分别/.test(scan.slice(from + 1, end))) break;
      const ms = this.within(from + 1, end).filter((m) => !m.percent && !this.usedAsPart.has(m.index));
      if (ms.length === 0 || ms.some((m) => m.unit !== total.unit || m.approx || isChange(m))) break;
      let labelStart = from + 1;
      for (const m of ms) {
        out.push({ m, labelStart });
        labelStart = m.end;
        acc += m.value;
      }
      if (Math.abs(acc - total.value) <= tolerance([total, ...ms])) return out;
      if (acc > total.value) break;
      from = end;
    }
    return [];
  }

  /**
   * Clauses after a list, up to `end`, that open with 另外 / 另有 / 其余 / 其他 and a figure of the
   * total's unit; returned only when they make the list's sum `sum` up to the total exactly.
   */
  private namedRest(from: number, end: number, total: Mention, sum: number): Part[] {
    const { scan } = this;
    const out: Part[] = [];
    let acc = sum;
    let clause = from;
    for (;;) {
      const cut = scan.slice(clause, end).search(/[，,；;]/);
      if (cut < 0) break;
      const start = clause + cut + 1;
      const stop = scan.slice(start, end).search(/[，,；;]/);
      const clauseEnd = stop < 0 ? end : start + stop;
      const m = this.within(start, clauseEnd).find((x) => isPartCandidate(x) && this.depth[x.start] === this.depth[from]);
      if (m && m.unit === total.unit && !this.usedAsPart.has(m.index) && CONTINUATION.test(scan.slice(start, m.start))) {
        out.push({ m, labelStart: start });
        acc += m.value;
        if (Math.abs(acc - total.value) <= tolerance([total, ...out.map((p) => p.m)])) return out;
        if (acc > total.value) return [];
      }
      if (stop < 0) break;
      clause = clauseEnd;
    }
    return [];
  }

  /** Whether a clause break stands between the marker and the first figure (其中医责险100%覆盖…). */
  private breaksBefore(a: number, b: number): boolean {
    const between = this.scan.slice(a, b);
    // 其中，卫生防病咨询数量最多，达11243件次: the clause only names the first part, 达 gives its figure.
    if (/^[^，,；;。]{2,20}[，,]\s*(?:达|为|计)\s*$/.test(between)) return false;
    return /[，,；;。]/.test(between);
  }

  private groupLabel(g: Part, all: Part[]): string {
    // The group's label without the item label its siblings share: 人大建议主办 − 主办 → 人大建议.
    const own = this.label(g.labelStart, g.m);
    const others = all.filter((x) => x !== g).map((x) => this.label(x.labelStart, x.m));
    let cut = own.length;
    for (let k = 1; k < own.length; k++) {
      const suffix = own.slice(k);
      if (suffix.length >= 1 && others.every((o) => o.endsWith(suffix))) {
        cut = k;
        break;
      }
    }
    return own.slice(0, cut);
  }

  private groupEnd(g: Part): number {
    const ps = g.group as Part[];
    return ps[ps.length - 1].m.end;
  }

  private emitClaim(
    total: Mention,
    compound: Mention[] | undefined,
    parts: readonly Part[],
    trigger: string,
    s0: number,
    endInclusive: number,
    t: number,
    open: number | undefined,
    reading: Reading,
    parent?: number,
  ): number | undefined {
    const listEnd = parts.length ? parts[parts.length - 1].m.end : t;
    const endOffset = open !== undefined && endInclusive > listEnd ? endInclusive : listEnd;
    const first = compound ? compound[0] : total;
    const claimStart = Math.min(first.phraseStart, first.start, t);
    const wording = parts.length ? completeWording(this.scan, trigger, s0, total, parts[0].m.start) : undefined;
    const lead = this.scan.slice(Math.max(0, t - 12), t);
    return this.emit({
      text: this.text.slice(claimStart, endOffset),
      start: claimStart,
      end: endOffset,
      trigger,
      total,
      totalLabel: total.phrase,
      ...(compound ? { compound, totalValue: sumOf(compound) } : {}),
      parts: parts.map((p) => {
        const label = this.label(p.labelStart, p.m);
        return { m: p.m, label, overlap: p.overlap || OVERLAP_WORDS.test(label) };
      }),
      complete: wording !== undefined,
      selection: SELECTION.test(lead),
      reading,
      ...(parent !== undefined ? { parent } : {}),
    });
  }

  // ---- totals

  /**
   * The label before a marker that has no figure of its own (A许可包括：…): the breakdown is of an
   * earlier figure with that name.
   */
  private referenceLabel(h0: number, s0: number, t: number): string | undefined {
    const from = Math.max(h0, s0);
    if (this.within(from, t).length > 0) return undefined;
    const raw = cleanLabel(this.text.slice(from, t)).replace(/^[\u4e00-\u9fff]{0,4}[，,]/, '');
    const label = raw.replace(/^(?:[一二三四五六七八九十]+是|其中|全年|今年)/, '');
    return /[\u4e00-\u9fff]{2}/.test(label) ? label : undefined;
  }

  /** The earlier figure whose name is `label`, preferring one equal to `sum`. */
  private byLabel(label: string, before: number, sum?: number): Mention | undefined {
    const key = normalizePhrase(label);
    if (key.length < 2) return undefined;
    const upto = this.within(Math.max(0, before - 20000), before);
    const hits = upto.slice(Math.max(0, upto.length - 400)).filter((m) => {
      if (m.percent) return false;
      const k = m.key;
      const phrase = normalizePhrase(m.phrase);
      return k.includes(key) || phrase.endsWith(key) || (key.length >= 3 && phrase.includes(key));
    });
    if (hits.length === 0) return undefined;
    if (sum !== undefined) {
      const exact = [...hits].reverse().find((m) => Math.abs(m.value - sum) <= tolerance([m]));
      if (exact) return exact;
    }
    return hits[hits.length - 1];
  }

  private totalCandidates(t: number, s0: number, h0: number, unit: string, label: string | undefined): Candidates {
    const { scan } = this;
    // A part right before the marker may still be the total of its own breakdown (…信息121条,其中…).
    const ok = (m: Mention): boolean => !m.percent && (!this.usedAsPart.has(m.index) || /^[\s，,：:]*$/.test(scan.slice(m.end, t)));
    const localMs = this.within(s0, t).filter((m) => ok(m) && openAt(this.depth, m.start, t));
    const list: Mention[] = [];
    const push = (m: Mention): void => {
      if (!list.includes(m)) list.push(m);
    };
    const countOrMoney = (m: Mention): boolean => m.kind === 'count' || m.kind === 'money';
    [...localMs].reverse().filter((m) => m.unit === unit).forEach(push);
    [...localMs].reverse().filter(countOrMoney).forEach(push);
    const local = new Set(list.map((m) => m.index));
    // The marker opens its sentence (。其中，…) or its sentence has no figure before it: the total is
    // in the sentences before, in the same paragraph (past clauses such as 办结率100%).
    const atStart = /^[\s，,：:]*$/.test(scan.slice(h0, t));
    let crossSentence = false;
    if (atStart || list.length === 0) {
      const p0 = paragraphStart(scan, t);
      let prevStart = h0;
      const prev: Mention[] = [];
      for (let k = 0; k < 2 && prevStart > p0; k++) {
        const ps = hardStart(scan, prevStart - 1);
        const ms = this.within(Math.max(ps, p0), prevStart).filter(ok);
        prev.push(...[...ms].reverse());
        if (ms.some(countOrMoney)) break;
        prevStart = ps;
      }
      const before = list.length;
      prev.filter((m) => m.unit === unit).forEach(push);
      prev.filter(countOrMoney).forEach(push);
      crossSentence = list.length > before && local.size === 0;
    }
    return { list, local, label: label && local.size === 0 ? label : undefined, crossSentence };
  }

  /** Total and parts: the nearest total with the nested reading, unless another reading explains parts above it. */
  private choose(c: Candidates, t: number, nested: Part[], flat: Part[], numbered: boolean): Chosen | undefined {
    const sumParts = (ps: readonly Part[]): number => Number(ps.reduce((s, p) => s + (p.group ? sumOf(p.group.map((g) => g.m)) : p.m.value), 0).toPrecision(15));
    const tryRead = (total: Mention, rs: Part[]): { parts: Part[]; sum: number } => {
      const parts = numbered ? materialize(rs, total.unit, this.scan) : rs;
      return { parts, sum: sumParts(parts) };
    };
    const exact = (total: Mention, sum: number): boolean => Math.abs(sum - total.value) <= tolerance([total]);
    const reference = c.label ? this.byLabel(c.label, t, sumParts(nested)) : undefined;
    const order: Mention[] = reference ? [reference, ...c.list.filter((m) => m !== reference)] : c.list;
    if (order.length === 0) return undefined;
    const readingOf = (m: Mention): Reading => (m === reference ? 'reference' : c.local.has(m.index) ? 'marker' : 'previous-sentence');
    const pick = (total: Mention, parts: Part[], compound?: Mention[]): Chosen => ({
      total,
      parts,
      reading: readingOf(compound ? compound[0] : total),
      crossSentence: !c.local.has(total.index),
      ...(compound ? { compound } : {}),
    });
    const first = order[0];
    const a = tryRead(first, nested);
    if (exact(first, a.sum)) return pick(first, a.parts);
    const b = tryRead(first, flat);
    if (exact(first, b.sum)) return pick(first, b.parts);
    // The nested reading ended the list at a stronger separator (…92条，…81条；…94条；…109条) and
    // neither reading adds up: the items after it are more parts while the total has room for them.
    const prefix = nested.length < flat.length && nested.every((p, i) => !p.sub && !p.group && flat[i].m === p.m);
    if (prefix && a.sum < first.value && b.sum <= first.value + tolerance([first])) return pick(first, b.parts);
    if (a.sum > first.value + tolerance([first])) {
      // Parts above the nearest total: another total of the sentence they add up to, or a total
      // stated as consecutive figures (收到6件，上年结转1件 → 7).
      for (const m of order.slice(1)) {
        for (const rs of [nested, flat]) {
          const r = tryRead(m, rs);
          if (exact(m, r.sum)) return pick(m, r.parts);
        }
      }
      const comp = this.compoundTotal(order, a.sum);
      if (comp) return pick(comp[comp.length - 1], a.parts, comp);
    }
    return pick(first, a.parts);
  }

  /** Consecutive figures of one unit before the marker whose sum is `sum`. */
  private compoundTotal(order: Mention[], sum: number): Mention[] | undefined {
    const byIndex = [...order].sort((x, y) => x.index - y.index);
    for (let i = 0; i < byIndex.length; i++) {
      let s = 0;
      const run: Mention[] = [];
      for (let j = i; j < byIndex.length; j++) {
        const m = byIndex[j];
        if (run.length && (m.index !== run[run.length - 1].index + 1 || m.unit !== run[0].unit)) break;
        run.push(m);
        s += m.value;
        if (run.length >= 2 && Math.abs(s - sum) <= tolerance(run)) return run;
      }
    }
    return undefined;
  }

  // ---- claims without a marker

  /**
   * Figures after a total that add up to it exactly, without a marker (行政复议案件4件，撤销1件，维持3件;
   * 共受理电话862次。市级…143次…；区县…719次), and lists after 从…看 / 按…分 that break down an earlier
   * total. Only exact sums make a claim without a marker: nothing else says the figures are parts.
   */
  private withoutMarker(): void {
    const { scan, mentions } = this;
    const sentenceEnds = (a: number, b: number): number => this.endsBefore[b] - this.endsBefore[a];
    const sameParagraph = (a: number, b: number): boolean => this.linesBefore[b] === this.linesBefore[a];
    for (const T of mentions) {
      if (!isCountish(T) || T.approx || this.usedAsPart.has(T.index) || T.kind !== 'count' || isChange(T)) continue;
      // A figure that continues a list of its own unit (…医疗卫生6件；公共安全2件；拆迁征收1件) is a
      // sibling of the figures after it, not their total.
      const prev = mentions[T.index - 1];
      if (!this.totalsAfterParts.has(T.index) && prev && !prev.percent && addable([prev.unit, T.unit]) && !HARD_END.test(scan.slice(prev.end, T.start)) && !/[。！？]/.test(scan.slice(prev.end, T.start))) continue;
      let run: Mention[] = [];
      // Sentences are counted from the total, or from the last part of a list already read for it:
      // a second breakdown of the same total may follow the first (按渠道…；按申请人…).
      let anchor = T.end;
      const flush = (): void => {
        let s = 0;
        let from = 0;
        for (let j = 0; j < run.length; j++) {
          s += run[j].value;
          if (j - from >= 1 && Math.abs(s - T.value) <= tolerance([T, ...run.slice(from, j + 1)])) {
            const parts = run.slice(from, j + 1);
            this.emitMarkerless(T, parts, 'no-marker');
            from = j + 1;
            s = 0;
          } else if (s > T.value) break;
        }
        run = [];
      };
      for (let k = T.index + 1; k < mentions.length; k++) {
        const m = mentions[k];
        if (!sameParagraph(T.start, m.start)) break;
        if (sentenceEnds(anchor, m.start) > 1) break;
        if (run.length === 0 && this.usedAsPart.has(m.index) && this.partOf.get(m.index) === T.index) anchor = m.end;
        if (m.percent || m.kind !== 'count' || this.usedAsPart.has(m.index) || isChange(m)) continue;
        if (m.approx) break;
        if (!addable([m.unit, T.unit])) continue;
        run.push(m);
      }
      flush();
    }
  }

  /**
   * A figure followed by a bracket that lists two or more figures of its unit and nothing else
   * (人大代表建议5件(主办3件,协办2件)): a breakdown of that figure, nested under the claim the figure
   * is a part of. Exact or short, never above it: a bracket whose figures exceed the one before
   * it says something else of it.
   */
  private bracketBreakdowns(): void {
    const { scan, mentions } = this;
    for (const H of mentions) {
      if (H.percent || H.approx || H.kind !== 'count' || isChange(H)) continue;
      // The bracket right after the figure, or after a few words naming what it counts (31种传染病(…)).
      const after = /^[ \u4e00-\u9fff]{0,8}?(?=[（(【\[])/.exec(scan.slice(H.end, H.end + 10));
      if (!after) continue;
      const open = H.end + after[0].length;
      const close = matchingClose(scan, open);
      if (close === undefined) continue;
      const inner = this.within(open + 1, close).filter((m) => this.depth[m.start] === this.depth[open + 1]);
      if (inner.length < 2 || inner.some((m) => m.percent || m.approx || isChange(m) || m.unit !== H.unit || this.usedAsPart.has(m.index))) continue;
      // A marker inside (含, 其中) was read by its own rule.
      if (/^[\s]*(?:含|其中|包括)/.test(scan.slice(open + 1, inner[0].start))) continue;
      const sum = sumOf(inner);
      if (sum > H.value + tolerance([H, ...inner])) continue;
      const parent = this.claims.findIndex((c) => c.parts.some((p) => p.mention === H.index));
      const parts: Part[] = inner.map((m, k) => ({ m, labelStart: k === 0 ? open + 1 : inner[k - 1].end }));
      this.emitClaim(H, undefined, parts, '', H.phraseStart, close + 1, open, undefined, 'nested', parent >= 0 ? parent : undefined);
    }
  }

  /**
   * A total followed, over the next sentences, by one figure per class of a classification
   * (乙类传染病报告22种…。丙类传染病报告8种): the classes' figures are its parts when they add up to it
   * exactly. Epidemic bulletins and reports by grade write their breakdowns this way, a sentence a
   * class, without a marker. Up to six sentences and two paragraph breaks after the total.
   */
  private classSeries(): void {
    const { mentions } = this;
    // The class word nearest before the figure in its sentence, else right after it (其余13种乙类…).
    const classOf = (m: Mention): string | undefined => {
      const before = [...this.scan.slice(sentenceStart(this.scan, m.start), m.start).matchAll(CLASS_WORDS)];
      return before.length ? before[before.length - 1][1] : CLASS_WORD.exec(m.object.slice(0, 8))?.[1];
    };
    for (const T of mentions) {
      if (T.percent || T.approx || T.kind !== 'count' || this.usedAsPart.has(T.index) || isChange(T) || classOf(T) !== undefined) continue;
      const parts: Mention[] = [];
      const seen = new Set<string>();
      let sum = 0;
      for (let k = T.index + 1; k < mentions.length; k++) {
        const m = mentions[k];
        if (this.endsBefore[m.start] - this.endsBefore[T.end] > 6 || this.linesBefore[m.start] - this.linesBefore[T.end] > 2) break;
        if (m.unit !== T.unit || m.percent || isChange(m) || PER.test(m.phrase)) continue;
        const c = classOf(m);
        if (c === undefined || seen.has(c)) continue;
        if (m.approx || this.usedAsPart.has(m.index)) break;
        seen.add(c);
        parts.push(m);
        sum += m.value;
        if (parts.length >= 2 && Math.abs(sum - T.value) <= tolerance([T, ...parts])) {
          this.emitMarkerless(T, parts, 'no-marker');
          break;
        }
        if (sum > T.value) break;
      }
    }
  }

  /**
   * Totals stated after their parts in one sentence (新收63件，上一年度结转1件，共计64件): the figures
   * right before 共计 / 合计 / 总计 / 共, of the total's unit, that add up to it exactly. Only exact
   * sums: 共 alone does not say that the figures before it are its parts.
   */
  private totalsAfter(): void {
    const { scan, mentions } = this;
    for (const T of mentions) {
      if (T.index === 0 || T.kind !== 'count' || T.percent || T.approx || isChange(T)) continue;
      const last = mentions[T.index - 1];
      if (!TOTAL_AFTER.test(scan.slice(last.end, T.start))) continue;
      const parts: Mention[] = [];
      let sum = 0;
      let next = T.start;
      for (let k = T.index - 1; k >= 0; k--) {
        const m = mentions[k];
        if (/[。！？\n]/.test(scan.slice(m.end, next))) break;
        next = m.start;
        // a share beside a part (17件，占42.5%) is passed over
        if (m.percent) continue;
        if (m.kind !== 'count' || m.approx || isChange(m) || !addable([m.unit, T.unit]) || this.usedAsPart.has(m.index)) break;
        parts.unshift(m);
        sum += m.value;
        if (parts.length >= 2 && Math.abs(sum - T.value) <= tolerance([T, ...parts])) {
          this.emitAfter(T, parts);
          break;
        }
        if (sum > T.value) break;
      }
    }
  }

  private emitAfter(T: Mention, parts: Mention[]): void {
    const start = Math.min(parts[0].phraseStart, parts[0].start);
    const labelFrom = (m: Mention, k: number): number => (k === 0 ? m.phraseStart : Math.max(parts[k - 1].end, m.phraseStart));
    this.totalsAfterParts.add(T.index);
    this.emit({
      text: this.text.slice(start, T.end),
      start,
      end: T.end,
      trigger: '',
      total: T,
      totalLabel: T.phrase,
      parts: parts.map((m, k) => ({ m, label: cleanLabel(this.text.slice(labelFrom(m, k), m.start)) })),
      complete: true,
      selection: false,
      reading: 'total-after',
    });
  }

  /** Lists after 从…看 / 按…分 that break down the nearest earlier total of their unit (exact or partial, never above it). */
  private dimensions(): void {
    const { scan, mentions } = this;
    // Dimension lists: 从来信分类看，住房保障43件(30.2%)；物业服务17件…
    const dim = new RegExp(`(?:^|[。！？\\n])(?:${DIMENSION.source.slice(1)})`, 'g');
    for (let dm = dim.exec(scan); dm; dm = dim.exec(scan)) {
      const from = dm.index + dm[0].length;
      const end = nextHardEnd(scan, from);
      const list = this.within(from, end).filter((m) => m.kind === 'count' && !m.percent && !this.usedAsPart.has(m.index));
      if (list.length < 2 || list.some((m) => m.approx)) continue;
      const unit = list[0].unit;
      const parts = list.filter((m) => m.unit === unit);
      if (parts.length !== list.length) continue;
      let T: Mention | undefined;
      for (let k = list[0].index - 1; k >= 0 && k >= list[0].index - 400; k--) {
        const m = mentions[k];
        if (m.end <= dm.index + 1 && m.unit === unit && !m.percent && !this.usedAsPart.has(m.index) && !m.approx) {
          T = m;
          break;
        }
      }
      if (!T) continue;
      const sum = sumOf(parts);
      if (sum > T.value + tolerance([T, ...parts])) continue;
      this.emitMarkerless(T, parts, 'dimension');
    }
  }

  private emitMarkerless(T: Mention, parts: Mention[], reading: Reading): void {
    const start = Math.min(T.phraseStart, T.start);
    const end = parts[parts.length - 1].end;
    const labelFrom = (m: Mention, k: number): number => (k === 0 ? m.phraseStart : Math.max(parts[k - 1].end, m.phraseStart));
    this.emit({
      text: this.text.slice(start, end),
      start,
      end,
      trigger: '',
      total: T,
      totalLabel: T.phrase,
      parts: parts.map((m, k) => ({ m, label: cleanLabel(this.text.slice(labelFrom(m, k), m.start)) })),
      complete: false,
      selection: false,
      reading,
    });
  }
}

interface Candidates {
  /** Totals in order of preference: the sentence's, nearest first (the parts' unit first), then the sentences before. */
  list: Mention[];
  /** Indices of the candidates in the marker's own sentence. */
  local: Set<number>;
  /** The label before the marker when it names an earlier figure (A许可包括…, 在公开信息中). */
  label: string | undefined;
  crossSentence: boolean;
}

interface Chosen {
  total: Mention;
  compound?: Mention[];
  parts: Part[];
  reading: Reading;
  crossSentence: boolean;
}
