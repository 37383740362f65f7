// Readings of a total made up across sentences, each taken only when the figures add up exactly
// or the text names the figure they break down:
// - a sentence that names what it breaks down and by what (医院按等级分：…, 基层医疗卫生机构：…), and a
//   second dimension of the same figure after ；按…分;
// - figures each given with a share of one named base (医院325所，占机构总数的7.4%…);
// - a figure named again for each group after it (疑似职业病15名 … 12名 … 3名);
// - groups given the same counts as the whole, sentence by sentence (沿海…384份… 内地…768份…);
// - men and women after a count of people.
// A claim an earlier reading made from figures these readings place elsewhere is marked misread and
// dropped at the end (claims.ts). Builds on claim-totals.ts (byLabel: the figure a name names).
// Pure TypeScript: no Office, DOM or Node APIs.
import type { Claim } from './claim-types';
import { TotalFinder } from './claim-totals';
import { LIST_SPAN, PER_HEAD, addable, countBeforeShare, isChange, nextHardEnd, sameKind, sumOf, sumTolerance, tolerance } from './claim-words';
import { normalizePhrase, type Mention } from './extract';

/** A clause that breaks the same figure down by another dimension: ；按经济类型分，… */
export const AGAIN_BY = /[，,；;]\s*(?:按照|按)[^，,。；;：:\d]{1,10}?(?:划分|分类|统计|分)[，,：:]/;

export class SeriesReadings extends TotalFinder {
  /** Claims that a later, exact reading shows to be misread (their figures are of its groups). */
  protected readonly misread = new Set<Claim>();

  /**
   * A sentence that names what it breaks down and by what (医院按等级分：三级医院65个，二级医院312个…;
   * 医院按床位数分：…): its figures are parts of the earlier figure of that name, even one that is a
   * part of a larger list itself, never above it. A second such sentence breaks the same figure
   * down again by another dimension.
   */
  protected namedDimensions(): void {
    const { scan } = this;
    // Also a sentence that opens with the name and a colon (基层医疗卫生机构：卫生院1186个、社区卫生服务机构
    // 2625个…), the figure of that name stated before.
    const named = /(?:^|[。！？\n])\s*([\u4e00-\u9fff]{2,12}?)(?:(?:按照|按)[^，,。；;：:\d]{1,10}?(?:划分|分类|统计|分)[，,：:]|[：:](?=[^，,。；;：:\d]{2,16}\d))/g;
    for (let dm = named.exec(scan); dm; dm = named.exec(scan)) {
      const from = dm.index + dm[0].length;
      // An item ends with its figure (100张床位以下医院638个，…): figures inside an item's name are no parts.
      const end = nextHardEnd(scan, from);
      const list = this.within(from, end).filter((m) => !m.percent && /^\s*(?:[，,；;、（(]|$)/.test(scan.slice(m.end, Math.min(end, m.end + 3))));
      if (list.length < 2 || list.some((m) => m.approx || m.kind !== 'count' || isChange(m) || this.usedAsPart.has(m.index))) continue;
      if (!addable(list.map((m) => m.unit))) continue;
      const sum = sumOf(list);
      const T = this.byLabel(dm[1], dm.index + 1, sum);
      if (!T || T.percent || T.approx || !addable([T.unit, ...list.map((m) => m.unit)])) continue;
      // After a bare colon, only a figure named by the whole name: a heading's colon says less than 按…分.
      if (/[：:]$/.test(dm[0]) && !normalizePhrase(T.phrase).endsWith(normalizePhrase(dm[1]).replace(/^(?:全|本|我)(?:省|市|县|区)/, ''))) continue;
      if (this.claims.some((c) => c.total.mention === T.index && c.parts.length === list.length && c.parts.every((p, i) => p.mention === list[i].index))) continue;
      if (sum > T.value + tolerance([T, ...list])) continue;
      this.emitMarkerless(T, list, 'dimension');
    }
    // The second dimension of a list's total in the same sentence: 全省医院中，三级217个…；按经济类型分，
    // 公立医院735个、民营医院896个.
    for (const c of [...this.claims]) {
      const last = c.parts[c.parts.length - 1];
      if (!last || c.parent !== undefined) continue;
      const after = this.mentions[last.mention].end;
      const end = nextHardEnd(scan, after);
      const by = AGAIN_BY.exec(scan.slice(after, end));
      if (!by || /\d/.test(scan.slice(after, after + by.index))) continue;
      const T = this.mentions[c.total.mention];
      const list = this.within(after + by.index + by[0].length, end).filter((m) => !m.percent);
      if (list.length < 2 || list.some((m) => m.approx || m.kind !== 'count' || isChange(m) || this.usedAsPart.has(m.index))) continue;
      if (!addable([T.unit, ...list.map((m) => m.unit)]) || sumOf(list) > T.value + tolerance([T, ...list])) continue;
      this.emitMarkerless(T, list, 'dimension');
    }
  }

  /**
   * Figures each given with its share of one named base (医院325所，占机构总数的7.4%。…基层医疗卫生机构3961
   * 个，占机构总数的90.15%。…其他卫生机构19个，占机构总数的0.43%): parts of the figure of that name
   * before them, when together they make it up exactly.
   */
  protected sharesOfOneBase(): void {
    const { mentions } = this;
    const groups = new Map<string, Mention[]>();
    for (const r of mentions) {
      if (!r.percent) continue;
      const base = /占(.{2,16}?)(?:总数|總數|总量|總量)的?$/.exec(normalizePhrase(r.phrase));
      if (!base) continue;
      const num = countBeforeShare(mentions, r);
      if (!num || num.percent || num.approx || num.kind !== 'count' || num.sentence !== r.sentence || isChange(num)) continue;
      const key = base[1];
      groups.set(key, [...(groups.get(key) ?? []), num]);
    }
    for (const [name, nums] of groups) {
      if (nums.length < 2 || !addable(nums.map((m) => m.unit))) continue;
      const sum = sumOf(nums);
      const T = this.byLabel(name, nums[0].start, sum);
      if (!T || T.approx || T.percent || Math.abs(T.value - sum) > tolerance([T, ...nums]) || !addable([T.unit, ...nums.map((m) => m.unit)])) continue;
      if (nums.some((m) => m.index <= T.index) || this.paragraphsBefore[nums[nums.length - 1].start] - this.paragraphsBefore[T.start] > 2) continue;
      if (this.claims.some((c) => c.total.mention === T.index && c.verdict === 'ok')) continue;
      this.emitMarkerless(T, nums, 'no-marker');
    }
  }

  /**
   * A figure named again for each group after it (疑似职业病15名 … 在岗期间…疑似职业病12名 … 离岗时…疑似
   * 职业病3名): the later figures of exactly its name, in its paragraph, are its parts when they make
   * it up exactly. Abstracts and bulletins give a whole and then each group's share of it this way.
   */
  protected samePhraseSeries(): void {
    const { mentions } = this;
    const LEAD = /^(?:结果|結果|其中|共|共有|全年|累计|累計|合计|合計)/;
    for (const T of mentions) {
      if (T.percent || T.approx || T.kind !== 'count' || isChange(T) || this.usedAsPart.has(T.index)) continue;
      const name = T.key.replace(LEAD, '');
      if (name.length < 3 || this.claims.some((c) => c.total.mention === T.index && c.verdict === 'ok')) continue;
      const parts: Mention[] = [];
      let sum = 0;
      for (let k = T.index + 1; k < Math.min(mentions.length, T.index + LIST_SPAN); k++) {
        const m = mentions[k];
        if (this.paragraphsBefore[m.start] !== this.paragraphsBefore[T.start]) break;
        if (m.key !== name || m.percent || m.kind !== 'count' || !sameKind(m.unit, T.unit)) continue;
        if (m.approx || isChange(m) || this.usedAsPart.has(m.index)) break;
        parts.push(m);
        sum = sumOf([...parts]);
        if (sum >= T.value - tolerance([T, ...parts])) break;
      }
      if (parts.length >= 2 && Math.abs(sum - T.value) <= tolerance([T, ...parts])) this.emitMarkerless(T, parts, 'no-marker');
    }
  }

  /**
   * A figure of a whole followed by sections, a paragraph each, that give the same figure for each
   * part (全县义务教育…校舍总面积57.74万平方米 ⏎ ——小学。…校舍总面积25.48万平方米 ⏎ ——初中。…校舍总面积
   * 32.26万平方米): statistical bulletins lay out a whole and its kinds this way. The figure of each
   * section is the first of exactly the whole's name in its paragraph, in the paragraphs right after
   * the whole's; a paragraph without it ends the sections. Only an exact sum makes the claim.
   */
  protected sectionSeries(): void {
    const { mentions, paragraphsBefore } = this;
    const LEAD = /^(?:共|共有|全年|累计|累計|合计|合計|总|總)/;
    for (const T of mentions) {
      if (T.percent || T.approx || T.value <= 0 || isChange(T) || this.usedAsPart.has(T.index)) continue;
      const name = T.key.replace(LEAD, '');
      if (name.length < 2 || this.claims.some((c) => c.total.mention === T.index && c.verdict === 'ok')) continue;
      const home = paragraphsBefore[T.start];
      const parts: Mention[] = [];
      let last = home;
      let sum = 0;
      for (let k = T.index + 1; k < Math.min(mentions.length, T.index + LIST_SPAN); k++) {
        const m = mentions[k];
        const at = paragraphsBefore[m.start];
        // The whole's name twice in its own paragraph: no whole of sections, but a list of its own.
        if (at === home) {
          if (m.key === name) break;
          continue;
        }
        if (at > last + 1) break;
        if (at === last || m.key !== name) continue;
        if (m.percent || m.approx || isChange(m) || !sameKind(m.unit, T.unit) || m.value >= T.value) break;
        parts.push(m);
        last = at;
        sum = sumOf(parts);
        if (sum >= T.value - sumTolerance([T, ...parts])) break;
      }
      if (parts.length >= 2 && Math.abs(sum - T.value) <= sumTolerance([T, ...parts])) this.emitMarkerless(T, parts, 'no-marker');
    }
  }

  /**
   * A sentence of several counts (共抽取样品1152份，碘盐1069份，合格碘盐1045份) followed by sentences that
   * give the same counts, in the same order and units, for each group (沿海…384份，…342份，…329份。内地…
   * 768份，…727份，…716份): each count is the sum of its groups' counts. Taken only when every one of
   * them adds up exactly, so that the groups are known to cover the whole.
   */
  protected parallelGroups(): void {
    // Groups a sentence each; then groups a clause each, set apart by ；(其中，应补助2008年孕产妇122278人，
    // 已补助28722人；应补助2009年…).
    this.parallelGroupsBy(/[。！？!?\n]/);
    this.parallelGroupsBy(/[。！？!?；;\n]/);
  }

  private parallelGroupsBy(ends: RegExp): void {
    const { mentions, scan } = this;
    const bySentence = new Map<number, Mention[]>();
    let clause = 0;
    let at = 0;
    for (const m of mentions) {
      for (; at < m.start; at++) if (ends.test(scan[at])) clause++;
      if (m.percent || m.approx || m.kind !== 'count' || isChange(m) || PER_HEAD.test(m.phrase)) continue;
      bySentence.set(clause, [...(bySentence.get(clause) ?? []), m]);
    }
    const sentences = [...bySentence.entries()].sort((a, b) => a[0] - b[0]).map(([, ms]) => ms);
    const units = (ms: Mention[]): string => ms.map((m) => m.unit).join('|');
    for (let i = 0; i < sentences.length; i++) {
      const first = sentences[i + 1];
      if (!first || first.length < 2) continue;
      const shape = units(first);
      // The groups: the sentences after the totals' with the same counts, in the same units.
      const candidates: Mention[][] = [];
      for (let j = i + 1; j < sentences.length && j <= i + 6 && units(sentences[j]) === shape; j++) candidates.push(sentences[j]);
      const totals = sentences[i].slice(-first.length);
      if (candidates.length < 2 || totals.length !== first.length || units(totals) !== shape) continue;
      // Most of the counts add up exactly, which shows the groups cover the whole; each other count is
      // then checked against its groups, within a twentieth of it (a figure far off is of something else).
      // The fewest groups that do so: sentences of the same shape after them are of something else.
      const fit = (groups: Mention[][]): boolean => {
        if (this.paragraphsBefore[groups[groups.length - 1][0].start] - this.paragraphsBefore[totals[0].start] > 1) return false;
        const exact = totals.filter((T, k) => Math.abs(sumOf(groups.map((g) => g[k])) - T.value) <= tolerance([T, ...groups.map((g) => g[k])]));
        const near = totals.every((T, k) => Math.abs(sumOf(groups.map((g) => g[k])) - T.value) <= 0.05 * T.value);
        return exact.length > 0 && exact.length * 2 >= totals.length && near;
      };
      let groups: Mention[][] | undefined;
      for (let g = 2; g <= candidates.length && !groups; g++) if (fit(candidates.slice(0, g))) groups = candidates.slice(0, g);
      if (!groups) continue;
      // A list read earlier from one group's figures as parts of a total (其中抽取沿海…384份，碘盐342份…) was
      // a misreading: those figures are each of another total.
      const own = new Set(groups.flat().map((m) => m.index));
      for (const c of this.claims) if (c.verdict !== 'ok' && totals.some((T) => T.index === c.total.mention) && c.parts.every((p) => own.has(p.mention))) this.misread.add(c);
      const chosen = groups;
      totals.forEach((T, k) => {
        if (!this.claims.some((c) => c.total.mention === T.index && c.verdict === 'ok')) this.emitMarkerless(T, chosen.map((g) => g[k]), 'no-marker');
      });
    }
  }

  /**
   * Men and women after a count of people (共报告病例50141例 … 男33 224例，女16 917例): the two make it up
   * when they add up to it exactly.
   */
  protected sexSplit(): void {
    const { mentions, scan } = this;
    for (let k = 0; k + 1 < mentions.length; k++) {
      const a = mentions[k];
      // The women's figure next, past a share in brackets (男性9 164例(占95.38%)，女性444例).
      const b = mentions.slice(k + 1, k + 3).find((m) => !m.percent);
      if (!b || a.percent || a.approx || b.approx || !sameKind(a.unit, b.unit)) continue;
      const between = scan.slice(a.end, b.start).replace(/[（(][^（()）]{0,12}[)）]/g, '').trim();
      if (!/(?:^|[，,；;。\s])男性?$/.test(scan.slice(Math.max(0, a.start - 3), a.start).trim()) || !/^[，,、；;]\s*女性?$/.test(between)) continue;
      // Parts of a claim that does not hold (30种 = 39个区县 + 9164例 + 444例, units that do not add up)
      // were misread there; parts of one that holds stay where they are.
      const holders = this.claims.filter((c) => c.parts.some((p) => p.mention === a.index || p.mention === b.index));
      if (holders.some((c) => c.verdict === 'ok')) continue;
      const sum = sumOf([a, b]);
      for (let j = k - 1; j >= 0 && k - j <= 40; j--) {
        const T = mentions[j];
        if (this.paragraphsBefore[a.start] !== this.paragraphsBefore[T.start]) break;
        if (T.percent || T.approx || !sameKind(T.unit, a.unit) || Math.abs(T.value - sum) > tolerance([T, a, b])) continue;
        if (!this.claims.some((c) => c.total.mention === T.index && c.parts.length === 2 && c.parts.every((p) => p.mention === a.index || p.mention === b.index))) {
          for (const c of holders) this.misread.add(c);
          this.emitMarkerless(T, [a, b], 'no-marker');
        }
        break;
      }
    }
  }
}
