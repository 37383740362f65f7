// Which figure a marked list is of: the candidates (the marker's sentence, nearest first, then the
// sentences before, a figure named by the words before the marker, A许可包括：… after A许可800件) and
// the choice among them by how the parts add up, in total-readings.ts. Built on the readings without
// a marker (unmarked-subsets.ts); claims.ts reads the lists.
import { akin, holdsInOrder, sharesWord, isEarlierPeriod, isChange, isChangeInWords, cleanLabel, hardStart, nextHardEnd, openAt, paragraphStart, previousParagraph, tolerance } from './claim-words';
import { normalizePhrase, type Mention } from './extract';
import type { Part } from './list-reader';
import { chooseTotal, sumParts, type Candidates, type Chosen } from './total-readings';
import { UnmarkedSubsets } from './unmarked-subsets';



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
    // A part right before the marker may still be the total of its own breakdown (…121条,其中…), the
    // thing it counts written after it too (…公开59条信息,其中…).
    // A figure inside （含…） is a subset of the one before the bracket, never a total of its own list.
    const inSubset = (m: Mention): boolean => /[（(]\s*(?:包含|含)[^（()）。]*$/.test(scan.slice(Math.max(0, m.start - 16), m.start));
    const rightBefore = (m: Mention): boolean => /^(?:[\u4e00-\u9fff]{1,4}[，,：:])?[\s，,：:]*$/.test(scan.slice(m.end, t));
    const ok = (m: Mention): boolean => !m.percent && !isChange(m) && !isEarlierPeriod(scan, m) && !inSubset(m) && (!this.usedAsPart.has(m.index) || rightBefore(m));
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

  /** Total and parts: the nearest total with the nested reading, unless another reading (total-readings.ts) explains them. */
  protected choose(c: Candidates, t: number, nested: Part[], flat: Part[], numbered: boolean, heads: Part[] = []): Chosen | undefined {
    const reference = c.label ? this.byLabel(c.label, t, sumParts(nested)) : undefined;
    return chooseTotal({ candidates: c, reference, nested, flat, numbered, heads, scan: this.scan, marker: t, compoundTotal: (order, sum) => this.compoundTotal(order, sum) });
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
