// Claims without a marker that are subsets or partial lists of a figure: a part in a state (结案,
// 合格) after a count, a count named under a qualifier of an earlier one, items before 等N个, lists of
// the first few (前5：) and ranked lists (主要…；其次…). None of them can read parts above a total
// unless the text says they were tested (合格 more than tested is an error). Built on unmarked-sums.ts.
import { CARRIED_OVER, isChange, isPartCandidate, nextHardEnd, sentenceStart, sharesWord, sumOf, tolerance } from './claim-words';
import { normalizePhrase, type Mention } from './extract';
import { isStaffKind, namesSubset } from './claim-collector';
import { fits } from './rates';
import { UnmarkedSums } from './unmarked-sums';

/** Clauses of a change or a rate after a count (，同比减少42483件，减幅54.66%): no words between it and the next count. */
const CHANGE_CLAUSES = /[，,][^，,；;。！？\n]*?(?:同比|环比|比上年|较上年|比去年|较去年|减幅|增幅|占比)[^，,；;。！？\n]*(?=[，,])/g;

export class UnmarkedSubsets extends UnmarkedSums {
  /**
   * A count and, in the next clause, the part of it in a state (立案查处30件，结案20件; 收到申请6件，公开
   * 4件; 监测251家，合格227家; 抽检出厂水148份，144份合格; 183家单位中67家不合格; 现有5144家，已检查3425家):
   * a subset of it. A larger figure in a state may count cases of another period (办结 includes last
   * year's), so it says nothing; but more samples passing or failing than were tested is an error.
   */
  protected stateSubsets(): void {
    const { scan, mentions } = this;
    // Parts in a state found so far, by mention, with the count they are of and the state: a sibling
    // in the same state after one (检测5931所，5260所…符合卫生要求，4952所…符合卫生要求) is of the same count;
    // one in another state is of that part (发现不合格单位13210户次，责令整改12332户次).
    const partOf = new Map<number, { T: Mention; state: string }>();
    for (let k = 1; k < mentions.length; k++) {
      const P = mentions[k];
      // Past the changes and rates of the count before, in their own clauses (受理工单35239件，同比减少
      // 42483件，减幅54.66%，承办20409件): the count they describe.
      let back = k - 1;
      while (back > 0 && (mentions[back].percent || isChange(mentions[back])) && mentions[back].sentence === P.sentence) back--;
      const prev = mentions[back];
      const state = this.stateOf(P);
      if (!state) continue;
      const before = partOf.get(prev.index);
      const T = before && before.state === state ? before.T : prev;
      const sibling = T !== prev;
      if (P.percent || T.percent || P.approx || T.approx || isChange(P) || isChange(T) || P.kind !== 'count' || P.unit !== T.unit) continue;
      if (this.usedAsPart.has(P.index) || (!sibling && this.usedAsPart.has(T.index) && !partOf.has(T.index))) continue;
      if (!sibling && this.claims.some((c) => c.total.mention === T.index)) continue;
      const gap = scan.slice(prev.end, P.start).replace(CHANGE_CLAUSES, '');
      // The next clause (…251家游泳场所，合格227家), the next sentence's first (…251家游泳场所。抽检结果显示，
      // 合格227家), or the same clause after X中 (183家单位中67家不合格).
      const nextClause =
        /^[^，,；;。！？\n]{0,16}[，,][^，,；;。！？\n]*$/.test(gap) ||
        /^[^，,；;。！？\n]{0,12}[。][^，,；;。！？\n]{0,10}[，,]?[^，,；;。！？\n]{0,6}$/.test(gap);
      // Or a result stated a few sentences after the test it is of (对30家住宿场所…进行了抽检。委托…检测。
      // 结果显示，有29家…全部合格), in the same paragraph.
      const result =
        !sibling &&
        /(?:结果显示|结果表明|检测结果|抽检结果|检查结果)[^。！？\n\d]{0,10}$/.test(scan.slice(sentenceStart(scan, P.start), P.start)) &&
        /抽检|检测|监测|抽查|抽样|检验|检查/.test(scan.slice(T.end, nextHardEnd(scan, T.end))) &&
        !/\n/.test(gap) &&
        (gap.match(/[。！？]/g) ?? []).length <= 3;
      if (!nextClause && !result && !/^[^，,；;。！？\n\d]{0,8}中有?\s*$/.test(gap)) continue;
      if (P.value > T.value + tolerance([T, P])) {
        // Samples that pass or fail are among those tested: more of them than were tested is an error.
        const tested = /抽检|检测|监测|抽查|抽样|检验/.test(this.clauseLead(T) + scan.slice(T.end, T.end + 12));
        if (/合格|达标/.test(state) && tested && nextClause && !sibling) this.emitMarkerless(T, [P], 'no-marker');
        continue;
      }
      partOf.set(P.index, { T, state });
      // The rest in the opposite state in the next sentences (合格227家…。不合格24家): both, when they make
      // the count up exactly.
      const end = nextHardEnd(scan, nextHardEnd(scan, P.end) + 1);
      const opposite = new RegExp(`(?:不|未)${state}`);
      const oppositeAfter = new RegExp(`^[^，,；;。！？\\n\\d]{0,12}(?:不|未)${state}(?=\\s*(?:[，,；;。！？\\n]|$))`);
      const rest = this.within(P.end, end).find(
        (m) =>
          m.unit === P.unit &&
          !m.percent &&
          !m.approx &&
          !this.usedAsPart.has(m.index) &&
          // The opposite state before the figure (不合格24家) or closing its clause after it (1家口杯细菌总数不合格);
          // for cases concluded, the cases carried over (办结答复57件，结转2022年办理4件).
          (opposite.test(this.clauseLead(m)) || oppositeAfter.test(scan.slice(m.end, m.end + 20)) || (/办结|答复|结案/.test(state) && CARRIED_OVER.test(this.clauseLead(m)))),
      );
      if (rest && !sibling && Math.abs(P.value + rest.value - T.value) <= tolerance([T, P, rest])) this.emitMarkerless(T, [P, rest], 'no-marker');
      else this.emitMarkerless(T, [P], 'no-marker');
    }
  }

  /** The state a count is said to be in, by the words before or after it (结案20件, 合格227家, 128家达到国家基本标准). */
  private stateOf(P: Mention): string | undefined {
    const lead = this.clauseLead(P).replace(/\s+/g, '');
    const after = this.scan.slice(P.end, P.end + 20);
    return (
      /^(?:[^，,；;。\d]{0,4}?(?:均|全部))?(?:已|其中)?(?:发现|查出|检出|责令)?(结案|办结|答复|处理|整改|不合格|合格|完成|公开|予以公开|办理完毕|承办)[^，,；;。\d]{0,6}$/.exec(lead)?.[1] ??
      /^已(检查|检测|抽检|监测|督查)[^，,；;。\d]{0,6}$/.exec(lead)?.[1] ??
      // Those actually examined of those due (已婚育龄妇女3581人，实查2120人), and those found ill or positive
      // among them (查出妇科病人数1458人, 检出阳性12人).
      /^(实查|实检|受检|实际检查)[^，,；;。\d]{0,6}$/.exec(lead)?.[1] ??
      /^(查出|检出)[^，,；;。\d]{0,8}$/.exec(lead)?.[1] ??
      // Those given a health card or record (7岁以下儿童2231人，当年建卡数为2068人).
      /^(?:当年|新)?(建卡|建册|建档)[^，,；;。\d]{0,6}$/.exec(lead)?.[1] ??
      // 对限期整改仍不合格的19间: the state named last, before the figure.
      /^[^，,；;。\d]{0,8}?仍(不合格|未整改|未达标)的?$/.exec(lead)?.[1] ??
      // After it, past the object's words (29家检测项目全部合格, 144份水样检测结果为合格).
      /^\s*(?:[^，,；;。！？\n\d]{0,8}?[为為]|[^，,；;。！？\n\d不未]{0,8}?(?=均|全部))?\s*(?:均|全部)?(不合格|合格|不达标|达标)(?=\s*(?:[，,；;。！？\n]|$))/.exec(after)?.[1] ??
      // 128家达到国家基本标准, 5260所学校教室人均面积符合卫生要求: a standard reached or a requirement met is 达标.
      (/^\s*(?:均|全部)?达到[^，,；;。！？\n\d]{0,8}标准(?=\s*(?:[，,；;。！？\n]|$))/.test(after) ||
      /^[^，,；;。！？\n\d]{0,12}?符合[^，,；;。！？\n\d]{0,6}要求(?=\s*(?:[，,；;。！？\n]|$))/.test(after)
        ? '达标'
        : undefined)
    );
  }

  /**
   * Where most of a count lies (4785例病人中，男性3020例，女性1765例…。病例主要集中在0~4岁年龄组4339例): a
   * subset of the nearest count before it in its paragraph that is not itself a part and can hold it.
   */
  protected concentrationSubsets(): void {
    const { scan, mentions } = this;
    for (const P of mentions) {
      if (P.percent || P.approx || P.kind !== 'count' || isChange(P) || this.usedAsPart.has(P.index)) continue;
      // In its clause, or the clause before with the figure after 共 (主要集中在0~4岁年龄组儿童，共4339例).
      if (!/集中(?:在|于)[^，,；;。！？\n]{0,16}(?:[，,]\s*(?:共|合计|计)?\s*)?$/.test(scan.slice(Math.max(0, P.start - 40), P.start))) continue;
      const line0 = scan.lastIndexOf('\n', P.start) + 1;
      for (let k = P.index - 1; k >= 0 && mentions[k].start >= line0; k--) {
        const T = mentions[k];
        if (T.percent || T.approx || isChange(T) || T.unit !== P.unit || this.usedAsPart.has(T.index)) continue;
        if (T.value >= P.value) this.emitMarkerless(T, [P], 'no-marker');
        break;
      }
    }
  }

  /**
   * A count named by an earlier count's words under a qualifier, in its sentence and without a
   * marker (全市共出生52710人，…，二孩出生26856人): a subset of it. Made only when it fits in the total;
   * with no marker to say it is a part, a larger figure says nothing.
   */
  protected qualifiedSubsets(): void {
    const { scan, mentions } = this;
    for (const P of mentions) {
      if (P.approx || P.kind !== 'count' || !isPartCandidate(P) || this.usedAsPart.has(P.index)) continue;
      const words = this.wordsOf(P);
      // Four characters at least, so that a bare qualifier is not read as a name (a staff kind such as 护士 is).
      if (words.length < 4 && !isStaffKind(words)) continue;
      const s0 = sentenceStart(scan, P.start);
      for (let k = P.index - 1; k >= 0 && mentions[k].start >= s0; k--) {
        const T = mentions[k];
        if (T.percent || T.approx || isChange(T) || T.unit !== P.unit || T.value < P.value) continue;
        if (!namesSubset(words, this.wordsOf(T))) continue;
        if (this.claims.some((c) => c.total.mention === T.index)) break;
        this.emitMarkerless(T, [P], 'no-marker');
        break;
      }
    }
  }

  /**
   * Staff by grade of title after a count of staff (专业技术人员53人，高级职称3人，中级职称26人): the grades
   * are parts of that count, a list that may leave some grades out. More than the count says nothing.
   */
  protected titleGrades(): void {
    const { mentions } = this;
    const GRADE = /^(?:其中)?(?:正高级?|副高级?|高级|中级|初级)(?:职称|专业技术职务|技术职称)?[^，,；;。\d]{0,4}$/;
    for (const T of mentions) {
      if (T.percent || T.approx || T.kind !== 'count' || !/人员|职工|技术/.test(T.phrase)) continue;
      if (this.claims.some((c) => c.total.mention === T.index)) continue;
      const parts: Mention[] = [];
      for (let k = T.index + 1; k < mentions.length && mentions[k].sentence === T.sentence; k++) {
        const m = mentions[k];
        if (m.percent || m.approx || m.unit !== T.unit || this.usedAsPart.has(m.index) || !GRADE.test(this.clauseLead(m).replace(/\s+/g, ''))) break;
        parts.push(m);
      }
      if (parts.length >= 2 && sumOf(parts) <= T.value + tolerance([T, ...parts])) this.emitMarkerless(T, parts, 'no-marker');
    }
  }

  /**
   * Items named before 等 and the count of them all (建设8个县级医院(含3个中医医院)和19个中心卫生院等277个
   * 农村卫生机构): the figures of its unit in its clause, outside brackets, are parts of it, a list that
   * 等 says is not complete.
   */
  protected etcTotals(): void {
    const { scan, mentions } = this;
    for (const T of mentions) {
      if (T.kind !== 'count' || T.percent || T.approx || !/等\s*$/.test(scan.slice(Math.max(0, T.start - 3), T.start))) continue;
      if (this.usedAsPart.has(T.index) || this.claims.some((c) => c.total.mention === T.index)) continue;
      const from = Math.max(...['，', ',', '；', ';', '。', '\n'].map((c) => scan.lastIndexOf(c, T.start))) + 1;
      const parts = this.within(from, T.start).filter((m) => this.depth[m.start] === this.depth[T.start] && !m.percent && !isChange(m));
      if (parts.length < 2 || parts.some((m) => m.unit !== T.unit || m.approx || this.usedAsPart.has(m.index) || m.value > T.value)) continue;
      this.emitMarkerless(T, parts, 'total-after');
    }
  }

  /**
   * A list of the first few (乙类2471例，…发病数前5：肝炎1182例、肺结核682例、梅毒462例、淋病112例、百日咳14例):
   * the leading parts of the nearest figure before it in its sentence that can hold them, a partial
   * list by its own words. The figure is chosen only among those at least the list's sum, so such a
   * list is never read as exceeding its total.
   */
  protected topLists(): void {
    const { scan } = this;
    const TOP =
      /前\s*([0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*(?:位|名|种|个)?(?:的?(?:病种|疾病|传染病|类别))?\s*的?\s*(?:依次)?(?:是|为|分别是|分别为)?\s*[：:]?/g;
    for (let m = TOP.exec(scan); m; m = TOP.exec(scan)) {
      const from = m.index + m[0].length;
      const end = Math.min(nextHardEnd(scan, from), ...[scan.indexOf('；', from), scan.indexOf(';', from)].filter((i) => i >= 0));
      // A recap of them (…和其他感染性腹泻(274例)，这5种传染病占…) is no item of the list.
      const parts = this.within(from, end).filter((x) => !x.percent && !/(?:这|以上|上述|前述)\s*$/.test(scan.slice(Math.max(0, x.start - 3), x.start)));
      if (parts.length < 2 || parts.some((x) => x.kind !== 'count' || x.approx || isChange(x) || x.unit !== parts[0].unit || this.usedAsPart.has(x.index)))
        continue;
      const sum = sumOf(parts);
      // In its sentence, or the sentence before in its paragraph (乙类传染病共报告11种9530例…。同期…居前5位的
      // 病种是：淋病(2941例)、…).
      const line0 = scan.lastIndexOf('\n', m.index) + 1;
      const own = sentenceStart(scan, m.index);
      const s0 = Math.max(own > line0 ? sentenceStart(scan, own - 1) : own, line0);
      const fitsAll = (x: Mention): boolean =>
        !x.percent && !x.approx && !isChange(x) && x.kind === 'count' && x.unit === parts[0].unit && x.value + tolerance([x, ...parts]) >= sum;
      // A list of one class (…居前五位乙类传染病病种依次为…) is of a figure of that class.
      const lead = scan.slice(own, m.index);
      const cls = /[甲乙丙丁]类/.exec(scan.slice(own, Math.min(end, from + 16)))?.[0];
      const ofClass = (x: Mention): boolean => cls === undefined || scan.slice(sentenceStart(scan, x.start), x.start).includes(cls);
      let T = this.within(s0, m.index)
        .reverse()
        .find((x) => fitsAll(x) && ofClass(x));
      // Else the count of deaths, or of cases, of the same class in the two lines before (…报告乙类传染病
      // 19547例，死亡77例。⏎…⏎乙类传染病死亡数居前3位的是：艾滋病60例、肺结核15例、狂犬病2例).
      if (!T) {
        const deaths = /死亡/.test(lead);
        const above = scan.lastIndexOf('\n', Math.max(0, scan.lastIndexOf('\n', line0 - 2) - 1)) + 1;
        T = this.within(above, s0)
          .reverse()
          .find((x) => fitsAll(x) && /死亡/.test(x.phrase) === deaths && ofClass(x));
      }
      if (!T) continue;
      // Under the claim the figure is a part of (其中：乙类2471例…), as a nested one.
      const parent = this.claims.findIndex((c) => c.parts.some((q) => q.mention === T.index));
      this.emitMarkerless(T, parts, 'no-marker', parent >= 0 ? parent : undefined);
    }
  }

  /**
   * A ranked list (主要是硫化氢94例和一氧化碳72例…；其次是砷化氢44例…; 以车祸伤员为主，共500人，其次是外伤
   * 271人，再次是…165人): the leading parts of the nearest figure of their unit before it, in its
   * paragraph or the one before, that can hold them all. Partial by its own words, and never read as
   * exceeding its total.
   */
  protected rankedLists(): void {
    const { scan } = this;
    const RANKED = /主要|为主|為主/g;
    for (let m = RANKED.exec(scan); m; m = RANKED.exec(scan)) {
      const s0 = sentenceStart(scan, m.index);
      const s1 = nextHardEnd(scan, m.index);
      const next = /其次/.exec(scan.slice(m.index, s1));
      if (!next) continue;
      RANKED.lastIndex = s1;
      const parts = this.within(m.index, s1).filter((x) => !x.percent);
      const unit = parts[parts.length - 1]?.unit;
      if (
        parts.length < 2 ||
        parts.some((x) => x.kind !== 'count' || x.approx || isChange(x) || this.perUnit(x) || x.unit !== unit || this.usedAsPart.has(x.index))
      )
        continue;
      const sum = sumOf(parts);
      const from = previousParagraphStart(scan, s0);
      // The total shares a word with what the list ranks (尘肺新病例主要来自… of 尘肺病病例报告9173例).
      const subject = normalizePhrase(scan.slice(s0, m.index));
      const candidates = this.within(from, s0)
        .reverse()
        .filter(
          (x) =>
            !x.percent &&
            !x.approx &&
            !isChange(x) &&
            x.kind === 'count' &&
            x.unit === unit &&
            x.value + tolerance([x, ...parts]) >= sum &&
            sharesWord(subject, normalizePhrase(x.phrase) + this.clauseLead(x)),
        );
      // Parts given their shares (煤炭行业4477例，占48.80%；…冶金行业905例，占9.87%) name their total: the
      // nearest that one of them agrees with, or none when none does.
      const shares = parts
        .map((x) => ({ part: x, share: this.mentions[x.index + 1] }))
        .filter(({ part, share }) => share?.percent && /^[，,\s]*占?比?\s*$/.test(scan.slice(part.end, share.start)));
      const T = shares.length ? candidates.find((t) => shares.some(({ part, share }) => fits(share, part, t))) : candidates[0];
      if (!T || this.claims.some((c) => c.total.mention === T.index && c.parts.some((q) => parts.some((x) => x.index === q.mention)))) continue;
      const parent = this.claims.findIndex((c) => c.parts.some((q) => q.mention === T.index));
      this.emitMarkerless(T, parts, 'no-marker', parent >= 0 ? parent : undefined);
    }
  }
}

/** The start of the paragraph before the one holding `at` (or of that one when it is the first). */
function previousParagraphStart(scan: string, at: number): number {
  const own = scan.lastIndexOf('\n', at - 1);
  if (own < 0) return 0;
  let k = own;
  while (k > 0 && /\s/.test(scan[k - 1])) k--;
  return scan.lastIndexOf('\n', k - 1) + 1;
}
