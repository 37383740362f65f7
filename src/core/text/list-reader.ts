// Reading a list after a marker: the region as a tree of separators (、 below ， below ；), read
// level by level into parts, with a nested reading (a head figure and its own breakdown) and a
// flat one (every figure a part); the claim reader chooses between them once the total is known.
import type { Mention } from './extract';
import { BRACKETED_HEAD, NEW_SUBJECT, OPEN, PER_HEAD, RANK_NOTE, eachCount, OVERLAP_WORDS, addable, cleanLabel, isChange, isPartCandidate, sepLevel, sumOf, tolerance } from './claim-words';

/** A document named by its year (2021年信息公开年报, 2023年度部门决算): an item of a list, not a new subject. */
const DATED_DOCUMENT = /^\d{4}年度?[^，,；;。\d]{0,12}(?:年报|年度报告|工作报告|决算|预算|计划|总结|要点|方案|目录|指南|清单)$/;
/** Cases carried over from a year (2020年结转办理1件): beside the year's new cases, an item of their list. */
const CARRIED_IN = /^\d{4}年度?(?:结转|转入)/;
const NEW_CASES = /新(?:收|接收|受理)|新增/;

/** Between a figure and the first item of its own breakdown: a colon, and 包括 or 其中 after it. */
const COLON_LEAD = /^[\s)）]*[：:]\s*(?:包括|其中|具体(?:为|是|包括)|分别为)?/;
const HEAD_COLON = new RegExp(`${COLON_LEAD.source}[^，,、；;。\\d]{1,16}$`);

/**
 * The sides of a fund's account: what came in, what went out, what is left. A balance carried
 * over (上年结转结余) is a part of a budget's income, so a balance may follow income but never
 * spending.
 */
const FLOW = /收入|支出|结余/;
const otherSide = (a: string, b: string): boolean => a !== b && !(a === '收入' && b === '结余');

/** Words that make a clause rather than a name: verbs of work and judgement (开展, 加强, 完成, 发现…). */
const NOT_A_NAME = /[开展推进加强完成落实实施组织发现查处受理办理做好提升建立达到实现确保无未已均为是有]/;

export interface TNode {
  start: number;
  end: number;
  /** Separator level the children were split at (0 for a leaf). */
  level: number;
  kids: TNode[];
}

/** One part as read, before the total is known. */
export interface Part {
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

export interface ReadOut {
  parts: Part[];
  kind: 'parts' | 'annotation' | 'text' | 'empty';
}

export class ListReader {
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
    return this.treeOf(this.regionStart, this.regionEnd);
  }

  /** The separator tree of a span of the region. */
  private treeOf(from: number, to: number): TNode {
    const seps = this.seps().filter((s) => s.at >= from && s.at < to);
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
    return build(from, to);
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
    if (n.level === 0) return this.eachOf(n, n) ?? this.leaf(n);
    // 天河区、白云区、番禺区和南沙区各2例: names without figures, then one figure given 各.
    if (n.level === 1 && n.kids.slice(0, -1).every((k) => this.own(k.start, k.end).length === 0)) {
      const each = this.eachOf(n.kids[n.kids.length - 1], n);
      if (each) return each;
    }
    if (this.numbered && n.level === 4) return this.numberedItems(n, nested);
    // Siblings of one shape (人大建议9件，主办5件、会办4件；政协提案16件，主办7件、会办9件) are nested
    // breakdowns even where one of them does not add up: that level is then the error.
    const mirrored = nested && n.kids.filter((k) => this.headShaped(k)).length >= 2;
    const rs: Array<{ r: ReadOut; kid: TNode }> = [];
    for (const [k, kid] of n.kids.entries()) {
      const r = this.read(kid, nested, mirrored);
      if (r.parts.length === 0) {
        // Names joined by 、 inside one item (民办非企业单位成立、变更登记类信息11条): a piece without a
        // figure between items, followed by one figure of the list's unit, begins the next item's name.
        const next = n.kids[k + 1];
        const nextOwn = next ? this.own(next.start, next.end) : [];
        const prev = rs[rs.length - 1]?.r.parts;
        if (n.level === 1 && prev?.length === 1 && nextOwn.length === 1 && nextOwn[0].unit === prev[0].m.unit && cleanLabel(this.scan.slice(kid.start, kid.end)).length <= 12) continue;
        // Words without a figure end the list, except a rank note (位居第二位) and a bracket of its
        // own (民营医院8家,(一级6家,二级2家),村卫生室…135个): a note on the item before.
        const words = this.scan.slice(kid.start, kid.end);
        // A short name alone (…社区卫生服务中心,站,12个; 疾病预防控制中心,防疫站,卫生技术人员201人): a
        // bracket whose brackets a copy turned into commas, part of the next item's name.
        const name = cleanLabel(words).replace(/[\s，,、]/g, '');
        const lostBracket = name.length <= 8 && /^[\u4e00-\u9fff]+$/.test(name) && !NOT_A_NAME.test(name);
        if (r.kind === 'text' && rs.length > 0 && !RANK_NOTE.test(cleanLabel(words)) && !/^[\s，,、]*[（(][^]*[)）][\s，,、]*$/.test(words) && !lostBracket) break;
        continue;
      }
      const lead = this.scan.slice(kid.start, r.parts[0].m.start);
      // An item closed by 等 (…义务教育领域信息公开121篇等；微信公众号发布1135条) ends the list: what
      // follows is another clause.
      const before = rs[rs.length - 1]?.r.parts;
      if (before && /^[\s）)”]*等/.test(this.scan.slice(before[before.length - 1].m.end, kid.start))) break;
      // A figure and 中 (1 303例中，3~7月份发病的占69.22%) names what the next clauses break down: a new
      // subject, not an item.
      if (rs.length > 0 && /^\s*中\s*[，,：:]/.test(this.scan.slice(r.parts[0].m.end, r.parts[0].m.end + 4))) break;
      // Words in brackets (其他类(包括挪车、生活服务)550件) qualify the item; they open nothing.
      // (Items named by their years, 分别为2012年621起，2013年519起…, are a list by year: a year opens
      // the next item when it opened the first.)
      const opening = cleanLabel(lead.replace(/[（(][^（()）]*[)）]/g, ''));
      // The day's increase of the item before (…累计检测4624人次，当日新增193人次) is within it: no item.
      if (rs.length > 0 && /^(?:当日|当天|今日|本日|昨日|本周|当周)新增/.test(opening)) continue;
      const byYear = rs.length > 0 && /^\d{4}年/.test(opening) && /^\d{4}年/.test(cleanLabel(this.scan.slice(rs[0].kid.start, rs[0].r.parts[0].m.start)));
      const carriedIn = CARRIED_IN.test(opening) && rs.some((x) => NEW_CASES.test(cleanLabel(this.scan.slice(x.kid.start, x.r.parts[0].m.start))));
      // Items written alike, each with its own 共 (其中，医院共有病床135193张，乡镇卫生院共有病床21205张):
      // the 共 is the first item's too, so it opens no new subject.
      const word = NEW_SUBJECT.exec(opening)?.[0];
      const alike = word !== undefined && /共/.test(word) && rs.length > 0 && cleanLabel(this.scan.slice(rs[0].kid.start, rs[0].r.parts[0].m.start)).includes(word);
      if (rs.length > 0 && !byYear && !DATED_DOCUMENT.test(opening) && !carriedIn && !alike && word !== undefined) break;
      // An item whose figure comes after 共 and is the sum of the first items (投诉459件…；举报131件…；咨询
      // 1301件…；接收的投诉举报信息共590件): it sums them up again, a new subject.
      if (rs.length >= 2 && /(?:共计|合计|总计|(?<!公)共)\s*$/.test(lead)) {
        const v = r.parts[0].m;
        let prefix = 0;
        const recap = rs.some((x, k) => (prefix += x.r.parts[0].m.value) > 0 && k >= 1 && Math.abs(prefix - v.value) <= tolerance([v]));
        if (recap) break;
      }
      // The other side of a fund's account (其中统筹基金收入30.30亿元；基金支出28.63亿元…): a sibling of the
      // total, never among the parts of an income.
      const flow = FLOW.exec(opening)?.[0];
      if (flow && rs.length > 0) {
        const prior = rs[rs.length - 1];
        const priorFlow = FLOW.exec(cleanLabel(this.scan.slice(prior.kid.start, prior.r.parts[0].m.start)))?.[0];
        if (priorFlow && otherSide(priorFlow, flow)) break;
      }
      // A figure per head of population (每千常住人口床位数13.75张) is a ratio, not a part.
      if (PER_HEAD.test(lead)) break;
      // New cases after a ；(原有6例疑似病例中，排除3例；新增疑似病例6例): not among the ones there were.
      if (rs.length > 0 && /[；;]\s*新增[^；;]*$/.test(this.scan.slice(Math.max(0, kid.start - 3), r.parts[0].m.start))) break;
      // An item opening with 含 (…技术人员1597人，含医师564人、护士630人) breaks the item before it
      // down: that is a claim of its own, and this list ends there.
      if (rs.length > 0 && /^[\s，,、]*(?:含|包含)/.test(lead)) break;
      // An item that opens with a marker of its own (…12条,其中A6条,B3条,C3条,开展…121条,其中D78条…):
      // the figure before it is the total of that breakdown, and the list ends there. Right after
      // the first item (人大建议9件，其中主办5件、会办4件) it is that item's breakdown, read above.
      if (rs.length >= 2 && /^[\s：:，,、；;]*(?:其中|包括)/.test(this.scan.slice(kid.start, r.parts[0].m.start))) {
        const last = rs[rs.length - 1];
        if (last.r.parts.length === 1) last.r = { ...last.r, parts: [{ ...last.r.parts[0], opens: true }] };
        break;
      }
      rs.push({ r, kid });
    }
    if (rs.length === 0) return { parts: [], kind: 'empty' };
    // An item whose next clause opens with 其中 or 包括： (60岁及以上147717人，占22.00%，其中65岁及以上108726人;
    // 通过网站公开166条，包括：工作动态126条，…): one part with its own breakdown, as 人大建议9件，其中主办5件、
    // 会办4件 is. (包括 without a colon may add an item to the list: …1条，包括机构概况1条，以及…2条.)
    // A first item whose figure a colon follows (法定主动公开内容16条:包括机构职能1条,工作部署2条…):
    // the figure heads the list after the colon, as it would with 其中 after it.
    const first = rs[0].r.parts;
    const headColon = first.length === 2 && HEAD_COLON.test(this.scan.slice(first[0].m.end, first[1].m.start));
    if (headColon) {
      const kid = rs[0].kid;
      const from = first[0].m.end + (COLON_LEAD.exec(this.scan.slice(first[0].m.end, first[1].m.start))?.[0].length ?? 0);
      rs.splice(0, 1, { r: { parts: [first[0]], kind: 'parts' }, kid: { ...kid, end: first[0].m.end } }, { r: { parts: [{ ...first[1], labelStart: from }], kind: 'parts' }, kid: { ...kid, start: from } });
    }
    const innerOf = rs.length >= 2 && rs[0].r.parts.length === 1 && (headColon || /^[\s，,、]*(?:其中|包括\s*[：:])/.test(this.scan.slice(rs[1].kid.start, rs[1].r.parts[0].m.start)));
    if (nested && innerOf) {
      const head = rs[0].r.parts[0].m;
      const sub = rs.slice(1).flatMap((x) => x.r.parts);
      if (sub.every((p) => p.m.unit === head.unit)) {
        // Items that no longer fit in the head are its siblings (其中医院39家，其中三级医院4家，基层医疗卫生机构
        // 722家，专业公共卫生机构3家): the breakdown is the leading items that fit.
        // Items after a colon are all the head's, whether or not they fit in it.
        const k = headColon ? rs.length - 1 : fittingInHead(rs);
        const headPart: Part = { ...rs[0].r.parts[0], labelStart: rs[0].kid.start };
        if (k === rs.length - 1) return { parts: [{ ...headPart, sub }], kind: 'parts' };
        if (k >= 1 && rs.slice(k + 1).every((x) => x.r.parts.length === 1)) {
          const inner = rs.slice(1, k + 1).flatMap((x) => x.r.parts);
          return { parts: [{ ...headPart, sub: inner }, ...rs.slice(k + 1).map((x) => ({ ...x.r.parts[0], labelStart: x.kid.start }))], kind: 'parts' };
        }
      }
    }
    // Read flat, the items of the head's own 其中 are still within it, not beside it.
    if (!nested && innerOf && rs.length >= 3) {
      // (All the items after a colon; the leading items that fit after 其中.)
      const k = fittingInHead(rs);
      if (headColon) rs.splice(1);
      else if (k >= 1 && k < rs.length - 1) rs.splice(1, k);
    }
    // An approximate figure of another unit in an item with an exact one of the list's unit (同步公开业务
    // 事项50余项及其他相关信息1条) says what the item holds besides: the exact figure is the item's part.
    const listUnit = rs[0].r.parts[0].m.unit;
    for (const x of rs) {
      const ps = x.r.parts;
      if (ps.length < 2 || !ps.some((p) => !p.m.approx && p.m.unit === listUnit)) continue;
      const kept = ps.filter((p) => !p.m.approx || p.m.unit === listUnit);
      if (kept.length < ps.length) x.r = { ...x.r, parts: kept };
    }
    annotateOtherUnits(rs);
    const lens = rs.map((x) => x.r.parts.length);
    const single = (x: { r: ReadOut; kid: TNode }): Part => ({ ...x.r.parts[0], labelStart: x.kid.start });
    // Items of several figures spread over clauses (城市低保6195户12533人，发放低保金3277万元，农村低保7840户
    // 13026人，发放低保金1444万元): the units come round in the same order, one round an item.
    const rounds = nested && rs.length >= 2 && !lens.every((l) => l === 1) ? unitRounds(rs.flatMap((x) => x.r.parts)) : undefined;
    if (rounds) return { parts: rounds.map((g) => ({ ...g[0], group: g })), kind: 'parts' };
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

  /**
   * A figure given to each of several names (越秀区、海珠区和花都区各1例; 甲和乙各2件), named from
   * `from` on: the part once per name, so that the list adds up as the writer counted. Undefined
   * unless the leaf is one such figure.
   */
  private eachOf(leaf: TNode, from: TNode): ReadOut | undefined {
    const own = this.own(leaf.start, leaf.end);
    if (own.length !== 1 || !isPartCandidate(own[0])) return undefined;
    const m = own[0];
    const names = eachCount(this.scan.slice(from.start, m.start));
    if (names < 2) return undefined;
    return { parts: Array.from({ length: names }, () => ({ m, labelStart: from.start })), kind: 'parts' };
  }

  private leaf(n: TNode): ReadOut {
    const own = this.own(n.start, n.end);
    const parts = own.filter(isPartCandidate).map((m) => ({ m, labelStart: n.start }));
    if (parts.length) return { parts, kind: 'parts' };
    if (own.some((m) => m.percent || isChange(m))) return { parts: [], kind: 'annotation' };
    return { parts: [], kind: /[\u4e00-\u9fff\w]/.test(this.scan.slice(n.start, n.end)) ? 'text' : 'empty' };
  }

  /** Numbered items, one a line: each holds its figures; the one of the total's unit is its part. */
  private numberedItems(n: TNode, nested: boolean): ReadOut {
    const parts: Part[] = [];
    for (const kid of n.kids) {
      // An item headed by its name and its count in brackets, then a colon and what it holds
      // (基础信息公开(26条):政府信息公开制度、指南各1条，镇情概况信息9条…): the count is the item's
      // part, and in the nested reading every figure after the colon is a part of its breakdown.
      const head = BRACKETED_HEAD.exec(this.scan.slice(kid.start, kid.end));
      const headFigure = head ? this.mentions.find((m) => m.start >= kid.start + head[1].length && m.end <= kid.start + head[0].length && isPartCandidate(m)) : undefined;
      if (head && headFigure) {
        const sub = nested ? this.read(this.treeOf(kid.start + head[0].length, kid.end), false).parts : [];
        parts.push({ m: headFigure, labelStart: kid.start, ...(sub.length >= 2 && sub.every((p) => addable([p.m.unit, headFigure.unit])) ? { sub } : {}) });
        continue;
      }
      const ms = this.own(kid.start, kid.end).filter(isPartCandidate);
      if (ms.length === 0) continue;
      parts.push({ m: ms[0], labelStart: kid.start, choices: ms });
    }
    return { parts, kind: parts.length ? 'parts' : 'empty' };
  }

  /** The parts in the nested reading (breakdowns kept apart) and the flat one (everything a part). */
  readings(): { nested: Part[]; flat: Part[]; heads: Part[] } {
    const t = this.tree();
    return { nested: this.read(t, true).parts, flat: this.read(t, false).parts, heads: this.heads(t) };
  }

  /**
   * Items set apart by ；, some of several figures (其中12345市长热线共接听来电3309个，有效事项2880件，在线办结
   * 1652件…；12345短信平台…短信6件；其他渠道38件): the first figure of each, the item's own count, the rest
   * describing it. Empty unless the list is of that shape.
   */
  private heads(t: TNode): Part[] {
    if (t.level !== 3 || t.kids.length < 2) return [];
    const items = t.kids.map((kid) => ({ kid, ms: this.own(kid.start, kid.end).filter(isPartCandidate) }));
    if (items.some((x) => x.ms.length === 0) || items.every((x) => x.ms.length === 1)) return [];
    return items.map((x) => ({ m: x.ms[0], labelStart: x.kid.start }));
  }
}

/** How many items after the first (a head figure and its own 其中) fit in it, the sum of them so far. */
function fittingInHead(rs: Array<{ r: ReadOut }>): number {
  const head = rs[0].r.parts[0].m;
  let k = 0;
  for (let sum = 0; k < rs.length - 1; k++) {
    sum += sumOf(rs[k + 1].r.parts.map((p) => p.m));
    if (sum > head.value + tolerance([head])) break;
  }
  return k;
}

/**
 * Items of a list where most hold one figure of one unit (信息3121条；…412条；…30条，采购总金额1765万元；
 * …29条), or where every item opens with a figure of one unit and one holds no other (国家级表彰3人，共4个
 * 项目；省级9人，共11个项目；江门23人): in an item that holds one figure of that unit and others of units that cannot be
 * added to it (money, persons beside 件, projects beside persons), the others describe the item and
 * are no parts of the list.
 */
function annotateOtherUnits(rs: Array<{ r: ReadOut }>): void {
  const singles = rs.filter((x) => x.r.parts.length === 1);
  if (singles.length === rs.length || rs.length < 2) return;
  const firsts = rs.map((x) => x.r.parts[0].m.unit);
  // With no item of one figure, items of two units side by side (住院9545人次，补偿2302.35万元；门诊…) are
  // parallel lists, a claim per unit: nothing says which figures are notes.
  const unit = singles.length >= 2 ? singles[0].r.parts[0].m.unit : singles.length === 1 && firsts.every((u) => u === firsts[0]) ? firsts[0] : undefined;
  if (unit === undefined || !singles.every((x) => x.r.parts[0].m.unit === unit)) return;
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
 * two or more parts that fit in it or after one part and a ；, starts a new subject (…共12条，其中A6条，B3条，C3条，开展…121条):
 * no single part can be larger than its total, and the parts before it already read as a list. A
 * last part that opens a breakdown of its own is that breakdown's total, kept as a part only when
 * the parts add up to the total with it and not without it, or when the list is enumerated
 * (分别为公安推送19人，社区排查23人，其中…: both are the items 分别为 names).
 */
export function endOfList(parts: Part[], total: Mention, scan: string, enumerated = false): Part[] {
  if (parts.some((p) => p.group)) return parts;
  if (parts.some((p) => p.sub)) {
    // A nested list ends only at a new subject after its first part (其中110家…；1486家…，其中478家…).
    const newSubject =
      parts.length >= 2 &&
      !parts[0].sub &&
      /[；;]/.test(scan.slice(parts[0].m.end, parts[1].m.start)) &&
      parts[1].m.unit === total.unit &&
      parts[0].m.value <= total.value &&
      parts[1].m.value > total.value + tolerance([total]);
    return newSubject ? parts.slice(0, 1) : parts;
  }
  const tol = tolerance([total]);
  let out = parts;
  let s = 0;
  for (let k = 0; k < parts.length; k++) {
    const v = parts[k].m.value;
    // After one part, only across ；: 其中110家达到推荐标准，位列全国第9；1486家乡镇卫生院…全部达标.
    const newSubject = k >= 2 || (k === 1 && /[；;]/.test(scan.slice(parts[0].m.end, parts[1].m.start)));
    if (newSubject && s <= total.value + tol && v > total.value + tol && parts[k].m.unit === total.unit) {
      out = parts.slice(0, k);
      break;
    }
    s += v;
  }
  const last = out[out.length - 1];
  if (out.length >= 2 && last.opens && !enumerated) {
    const sum = sumOf(out.map((p) => p.m));
    if (Math.abs(sum - total.value) > tol) out = out.slice(0, -1);
  }
  return out;
}

/** The figure of a numbered item for a total of unit `unit`: the one marked 共/合计 first, else the first of that unit. */
export function choose(choices: readonly Mention[], unit: string, scan: string): Mention | undefined {
  const same = choices.filter((m) => m.unit === unit);
  if (same.length === 0) return undefined;
  const marked = same.find((m) => /共|合计|累计|总计/.test(scan.slice(Math.max(0, m.start - 4), m.start)));
  return marked ?? same[0];
}

/** The parts of a reading for a total of unit `unit` (numbered items pick their figure). */
export function materialize(parts: readonly Part[], unit: string, scan: string): Part[] {
  const out: Part[] = [];
  for (const p of parts) {
    if (p.choices) {
      const m = choose(p.choices, unit, scan);
      if (m) out.push({ m, labelStart: p.labelStart });
    } else out.push(p);
  }
  return out;
}

/**
 * The figures cut into items when their units come round in the same order (户, 人, 元, 户, 人, 元),
 * two rounds or more of two units or more, no unit twice in a round; undefined otherwise. Figures
 * after the last round in units of none of the round's (…城镇低保469户616人，当月发放低保金7204040元)
 * are another matter, not an item: the rounds end before them.
 */
function unitRounds(parts: readonly Part[]): Part[][] | undefined {
  const units = parts.map((p) => p.m.unit);
  for (let size = 2; size * 2 <= parts.length; size++) {
    const round = new Set(units.slice(0, size));
    if (round.size !== size) continue;
    let n = 0;
    while (n + size <= parts.length && units.slice(n, n + size).every((u, i) => u === units[i])) n += size;
    if (n < 2 * size || units.slice(n).some((u) => round.has(u))) continue;
    return Array.from({ length: n / size }, (_, k) => parts.slice(k * size, (k + 1) * size));
  }
  return undefined;
}
