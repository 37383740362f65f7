// Which figure a marked list is of: the candidates (the marker's sentence, nearest first, then the
// sentences before, a figure named by the words before the marker, A许可包括：… after A许可800件) and
// the choice among them by how the parts add up (the nearest with the nested reading, unless
// another total, a total stated as two figures, or the figures of an enumeration explain parts above
// it). Built on the readings without a marker (unmarked-subsets.ts); claims.ts reads the lists.
import type { Reading } from './claim-types';
import { holdsInOrder, sameKind, sharesWord, isEarlierPeriod, isChange, isChangeInWords, cleanLabel, hardStart, nextHardEnd, openAt, paragraphStart, previousParagraph, sumOf, tolerance } from './claim-words';
import { normalizePhrase, type Mention } from './extract';
import { materialize, type Part } from './list-reader';
import { UnmarkedSubsets } from './unmarked-subsets';


/** Units of published items (信息967条 and 政策信息68件 count the same kind of thing). */
const ITEMS = new Set(['件', '条', '份', '篇', '项']);
/** Two units that count the same kind of thing: the same unit, people, places, or published items. */
const akin = (a: string, b: string): boolean => sameKind(a, b) || (ITEMS.has(a) && ITEMS.has(b));

/** The area a report's figures are of, written in front of a name: 全省, 全市, 本县, 我区. */
const SCOPE = /^(?:全|本|我)(?:省|市|县|区|州|盟|旗)/;

export class TotalFinder extends UnmarkedSubsets {
  /**
   * The label before a marker that has no figure of its own (A许可包括：…): the breakdown is of an
   * earlier figure with that name.
   */
  protected referenceLabel(h0: number, s0: number, t: number): string | undefined {
    const from = Math.max(h0, s0);
    if (this.within(from, t).length > 0) return undefined;
    const raw = cleanLabel(this.text.slice(from, t)).replace(/^[\u4e00-\u9fff]{0,4}[，,]/, '');
    const label = raw.replace(/^(?:[一二三四五六七八九十]+是|其中|全年|今年)/, '');
    return /[\u4e00-\u9fff]{2}/.test(label) ? label : undefined;
  }

  /**
   * The earlier figure whose name is `label`, preferring one equal to `sum`. A label with a
   * qualifier in front (新增本地病例 for 本地病例70例) names it too, once the whole label names nothing.
   */
  protected byLabel(label: string, before: number, sum?: number): Mention | undefined {
    const full = normalizePhrase(label);
    if (full.length < 2) return undefined;
    const upto = this.within(Math.max(0, before - 20000), before);
    const recent = upto.slice(Math.max(0, upto.length - 400));
    const named = (key: string): Mention[] =>
      recent.filter((m) => {
        if (m.percent) return false;
        const k = m.key;
        const phrase = normalizePhrase(m.phrase);
        return k.includes(key) || phrase.endsWith(key) || (key.length >= 3 && phrase.includes(key)) || (key.length >= 4 && holdsInOrder(phrase, key));
      });
    let hits = named(full);
    for (let cut = 1; hits.length === 0 && cut <= 2 && full.length - cut >= 4; cut++) hits = named(full.slice(cut));
    // The area in front (全省医院中 for 医院1631个): the figure is of that area whatever its words.
    const bare = full.replace(SCOPE, '');
    if (hits.length === 0 && bare.length >= 2 && bare !== full) hits = named(bare);
    if (hits.length === 0) return undefined;
    // A change of the named thing (与上年比较，基层医疗卫生机构增加949个) is not what a later 基层医疗卫生机构中 breaks
    // down: its count is, when the text has it.
    const counts = hits.filter((m) => !isChangeInWords(m));
    if (counts.length) hits = counts;
    if (sum !== undefined) {
      const exact = [...hits].reverse().find((m) => Math.abs(m.value - sum) <= tolerance([m]));
      if (exact) return exact;
    }
    return hits[hits.length - 1];
  }

  /**
   * A paragraph that opens by naming what it breaks down (在主动公开的信息中，…。其中，政策法规类25条)
   * refers to a total in the paragraph before: the nearest count of the unit there whose words hold
   * the name's characters in order (主动公开政府信息482条). Nothing when the paragraph names nothing.
   */
  protected namedTotalBefore(p0: number, t: number, unit: string): Mention[] {
    const { scan } = this;
    const ref = /^\s*在([^，,。；;：:、\s]{2,12})中[，,：:]/.exec(scan.slice(p0, t));
    if (!ref || p0 === 0) return [];
    const name = ref[1].replace(/的/g, '');
    const before = previousParagraph(scan, p0);
    const ms = this.within(before.start, before.end);
    const named = [...ms].reverse().find((m) => m.unit === unit && !m.percent && !m.approx && !isChange(m) && holdsInOrder(normalizePhrase(m.phrase), name));
    return named ? [named] : [];
  }

  protected totalCandidates(t: number, s0: number, h0: number, unit: string, label: string | undefined): Candidates {
    const { scan } = this;
    // A part right before the marker may still be the total of its own breakdown (…信息121条,其中…).
    // A figure inside （含…） is a subset of the one before the bracket, never a total of its own list.
    const inSubset = (m: Mention): boolean => /[（(]\s*(?:包含|含)[^（()）。]*$/.test(scan.slice(Math.max(0, m.start - 16), m.start));
    const ok = (m: Mention): boolean => !m.percent && !isChange(m) && !isEarlierPeriod(scan, m) && !inSubset(m) && (!this.usedAsPart.has(m.index) || /^[\s，,：:]*$/.test(scan.slice(m.end, t)));
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
      // A 其中 or (具体)包括 that opens its line (…累计补偿金额2510.16万元。⏎其中，住院补偿…) goes on the line
      // before, past blank lines: a copied text often breaks its paragraph there. (在X中 and X中 name their
      // figure instead: namedTotalBefore.)
      let p0 = paragraphStart(scan, t);
      if (p0 > 0 && /^\s*(?:具体)?$/.test(scan.slice(p0, t)) && /^(?:其中|包括)/.test(scan.slice(t, t + 2))) p0 = previousParagraph(scan, p0).start;
      let prevStart = h0;
      const prev: Mention[] = [];
      // The clauses before a ；in the marker's own sentence (…育龄妇女102620人，同比减少3626人；其中…) come first.
      // (Only for 其中: a 分别为 names its own items in its clause.)
      if (s0 > h0 && /^其中/.test(scan.slice(t, t + 2))) prev.push(...[...this.within(h0, s0)].reverse().filter(ok));
      for (let k = 0; k < 2 && prevStart > p0; k++) {
        const ps = hardStart(scan, prevStart - 1);
        // A blank line or the empty end of a line is no sentence: it does not count as one of the two.
        if (/^\s*[。！？]?\s*$/.test(scan.slice(ps, prevStart)) && ps < prevStart) {
          prevStart = ps;
          k--;
          continue;
        }
        const ms = this.within(Math.max(ps, p0), prevStart).filter(ok);
        prev.push(...[...ms].reverse());
        // A sentence of figures in other units only (参加在线访谈1次) does not end the search.
        if (ms.some((m) => countOrMoney(m) && akin(m.unit, unit))) break;
        prevStart = ps;
      }
      const before = list.length;
      // Of the sentence before, a figure the marker's clause names comes first (…处罚案件共92件，简易程序
      // 56件，一般程序36件。其中2件案件部分履行罚款: 案件 names the 92, not the 36 nearest). A marker inside
      // its sentence, with words and no figure before it, is named by those words (…平台公开信息21260条，
      // 累计总数220571条。各级政府…主动公开政府信息的主要类别有：…: 公开信息 names the 21260).
      const clause = atStart ? scan.slice(t, nextHardEnd(scan, t)).split(/[，,；;]/)[0] : scan.slice(h0, t);
      const named = (m: Mention): boolean => sharesWord(clause, normalizePhrase(`${m.phrase}${m.object}`));
      const ofUnit = prev.filter((m) => m.unit === unit);
      if (local.size === 0) [...ofUnit.filter(named), ...ofUnit.filter((m) => !named(m))].forEach(push);
      else ofUnit.forEach(push);
      // Then figures of a unit that adds up with the parts' (信息967条 for 政策信息68件), one the clause names
      // first, before the nearest figure of another unit (访谈1次).
      const addsUp = prev.filter((m) => countOrMoney(m) && akin(m.unit, unit));
      [...addsUp.filter(named), ...addsUp].forEach(push);
      prev.filter(countOrMoney).forEach(push);
      if (list.length === 0) this.namedTotalBefore(p0, t, unit).forEach(push);
      crossSentence = list.length > before && local.size === 0;
    }
    return { list, local, label: label && local.size === 0 ? label : undefined, crossSentence };
  }

  /** Total and parts: the nearest total with the nested reading, unless another reading explains parts above it. */
  protected choose(c: Candidates, t: number, nested: Part[], flat: Part[], numbered: boolean, heads: Part[] = []): Chosen | undefined {
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
    const b = tryRead(first, flat);
    // Leading parts in the total's unit that make it up exactly, then items in other units (…概况类信息62条，
    // 开展网上调查、民意征集3期，受理市长信箱来信7件; …结转下年度继续办理0件，行政事业性收费0万元): the list
    // ends where its unit does.
    for (const r of [a, b]) {
      const inUnit = r.parts.findIndex((p) => p.group !== undefined || p.sub !== undefined || p.m.unit !== first.unit);
      if (inUnit >= 2 && r.parts.slice(inUnit).every((p) => !p.group && !p.sub && p.m.unit !== first.unit)) {
        const lead = r.parts.slice(0, inUnit);
        if (exact(first, sumParts(lead))) return pick(first, lead);
      }
    }
    if (exact(first, a.sum)) return pick(first, a.parts);
    if (exact(first, b.sum)) return pick(first, b.parts);
    // The items before the first ； make the total up exactly, and other clauses follow (…信息公开目录信息3572条；
    // 建立健全互动交流机制，…全年办结群众留言386条，完成意见征集8次): the list ends at the ；.
    const semicolon = b.parts.findIndex((p, k) => k > 0 && /[；;]/.test(this.scan.slice(b.parts[k - 1].m.end, p.m.start)));
    const beforeSemicolon = b.parts.slice(0, semicolon);
    if (semicolon >= 2 && beforeSemicolon.every((p) => !p.group && !p.sub) && exact(first, sumParts(beforeSemicolon))) return pick(first, beforeSemicolon);
    // Neither reading makes the nearest total up: the first figure of each item set apart by ；, when
    // those make up one of the totals exactly (3309个 + 6件 + 38件 of 各类诉求3353件), the rest of each item
    // describing it.
    if (heads.length >= 2 && !numbered) {
      for (const m of order) {
        if (exact(m, sumParts(heads))) return pick(m, heads);
      }
    }
    // The nested reading ended the list at a stronger separator (…92条，…81条；…94条；…109条) and
    // neither reading adds up: the items after it are more parts while the total has room for them.
    const prefix = nested.length < flat.length && nested.every((p, i) => !p.sub && !p.group && flat[i].m === p.m);
    if (prefix && a.sum < first.value && b.sum <= first.value + tolerance([first])) return pick(first, b.parts);
    // One part after a 其中 that opens its sentence, above the nearest figure before (政策解读11条。其中，…政策
    // 信息68件): it is a subset of an earlier figure of its kind that can hold it (主动公开信息967条).
    if (a.sum > first.value + tolerance([first]) && !c.local.has(first.index) && flat.length === 1 && !flat[0].group && !flat[0].sub) {
      const part = flat[0].m;
      const holder = order.find((m) => !c.local.has(m.index) && akin(m.unit, part.unit) && m.value + tolerance([m]) >= part.value);
      if (holder) return pick(holder, flat);
    }
    // A part broken down by all the parts after it (其中通过县政府门户网站发布政府信息5469条，…2620条，…1360条，
    // …311条 of 5469; 行政处罚案件12件，…；适用简易程序处罚案件4件，适用一般程序处罚8件 of 12): those make it up
    // exactly, so they are its parts, not the total's. Only when the list read flat exceeds the total.
    const plainParts = b.parts.every((p) => !p.group && !p.sub);
    if (b.sum > first.value + tolerance([first]) && plainParts && b.parts.length >= 3) {
      for (let k = 0; k <= b.parts.length - 3; k++) {
        const head = b.parts[k];
        const rest = b.parts.slice(k + 1);
        if (rest.some((p) => p.m.unit !== head.m.unit) || Math.abs(sumParts(rest) - head.m.value) > tolerance([head.m, ...rest.map((p) => p.m)])) continue;
        const folded = [...b.parts.slice(0, k), { ...head, sub: rest }];
        if (sumParts(folded) <= first.value + tolerance([first])) return pick(first, folded);
      }
    }
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
      // The leading parts make up the figures of an enumeration before the marker (对40家宾馆、12家茶座、
      // 8家美容美发、5家沐浴场所…抽检，其中合格38家，不合格27家；…对3家宾馆进行了处罚): the list is of all of
      // them, and what follows is another matter.
      const plain = (ps: readonly Part[]): boolean => ps.every((p) => !p.group && !p.sub);
      if (plain(b.parts)) {
        for (let k = b.parts.length - 1; k >= 2; k--) {
          const lead = b.parts.slice(0, k);
          const run = this.compoundTotal(order, sumParts(lead));
          if (run) return pick(run[run.length - 1], lead, run);
        }
      }
      // Parts after an item in another unit word (门诊6500人次，急诊1400人次，开展手术60例，义诊300人次)
      // are another strand of the work when the parts in the total's unit alone exceed it: the list
      // ends there, and the items before are judged alone (above the total they are still an error).
      if (plain(a.parts)) {
        const cut = a.parts.findIndex((p, k) => k >= 2 && p.m.unit !== first.unit);
        const same = sumParts(a.parts.filter((p) => p.m.unit === first.unit));
        const tol = tolerance([first]);
        if (cut >= 2 && same > first.value + tol) return pick(first, a.parts.slice(0, cut));
      }
      // A figure of the sentence before that is smaller than one of the parts is no total of them
      // (列前三位的传染病分别是：肺结核116例… after 丙类2种88例; 移送公安机关案件8件。其中，生产领域违法案件
      // 69件…): which figure the list is of is not written, so no claim is made.
      const biggest = Math.max(...a.parts.map((p) => p.m.value));
      const holders = order.slice(1).filter((m) => m.unit === first.unit && m.value + tolerance([m]) >= a.sum);
      if (!c.local.has(first.index) && biggest > first.value + tolerance([first])) {
        // Unless the figure before is a subset named in a clause of its own (…30136例，…接尘工龄<5.0年的有
        // 6471例(占21.5%)。其中，煤工尘肺和矽肺分别为16210、13577例) and one figure alone can hold the list.
        const subset = /的有?\s*$/.test(this.scan.slice(Math.max(0, first.start - 3), first.start));
        if (subset && holders.length === 1) return pick(holders[0], a.parts);
        return undefined;
      }
    }
    // Parts below the nearest figure of the sentence before, which another figure there makes up
    // exactly (审结的复议案件977件中直接纠错236件…。其中行政强制类案件164件…，其他类11件): that figure is
    // their total, as a sum of several figures is no chance.
    if (!c.local.has(first.index) && a.sum < first.value - tolerance([first]) && a.parts.length >= 3) {
      for (const m of order.slice(1)) {
        if (c.local.has(m.index)) continue;
        const r = tryRead(m, nested);
        if (exact(m, r.sum)) return pick(m, r.parts);
      }
    }
    return pick(first, a.parts);
  }

  /** Consecutive figures of one unit before the marker whose sum is `sum`. */
  protected compoundTotal(order: Mention[], sum: number): Mention[] | undefined {
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
}

export interface Candidates {
  /** Totals in order of preference: the sentence's, nearest first (the parts' unit first), then the sentences before. */
  list: Mention[];
  /** Indices of the candidates in the marker's own sentence. */
  local: Set<number>;
  /** The label before the marker when it names an earlier figure (A许可包括…, 在公开信息中). */
  label: string | undefined;
  crossSentence: boolean;
}

export interface Chosen {
  total: Mention;
  compound?: Mention[];
  parts: Part[];
  reading: Reading;
  crossSentence: boolean;
}
