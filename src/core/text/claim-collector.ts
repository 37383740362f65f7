// The state of one reading of a report's claims, how a claim is recorded, and the claims found
// without a marker: figures after a total that add up to it exactly, totals stated after their
// parts, brackets of parts, one figure per class over several sentences, and lists after 从…看.
// The reader of marked lists (claims.ts) builds on it.
import type { Claim, Reading, SkippedClaim } from './claim-types';
import { judge, completeWording, type Draft } from './claim-verdict';
import { CLASS_WORD, CLASS_WORDS, DIMENSION, HARD_END, OVERLAP_WORDS, PER, SELECTION, TOTAL_AFTER, addable, cleanLabel, eachCount, depths, isChange, isPartCandidate, matchingClose, nextHardEnd, sentenceStart, sharesWord, sumOf, tolerance } from './claim-words';
import { lineStarts, normalizePhrase, type Mention } from './extract';
import type { Part } from './list-reader';
import { readingScan } from './reading';

/** Words of a state of the items counted before (已建成80个，在建338个; 已完成…，正在…，尚未…). */
const STATE_OF_ITEMS = /^\s*(?:已|在建|正在|尚|未|完成|建成|开工|待)/;

export class ClaimCollector {
  protected readonly scan: string;
  protected readonly starts: number[];
  protected readonly depth: Int32Array;
  protected readonly claims: Claim[] = [];
  protected readonly skipped: SkippedClaim[] = [];
  protected readonly usedAsPart = new Set<number>();
  /** The total each part was read for, by mention index: a later list may break the same total down again. */
  protected readonly partOf = new Map<number, number>();
  /** Totals stated after their parts: not siblings of those parts when their own breakdowns are sought. */
  protected readonly totalsAfterParts = new Set<number>();
  protected readonly seen = new Set<string>();
  /** Offsets already read as the region of a claim (nested markers inside are not read twice). */
  protected readonly regions: Array<[number, number]> = [];

  /** Per offset: line breaks (paragraphs) and sentence ends (。！？) before it, for windows without rescanning. */
  protected readonly linesBefore: Int32Array;
  protected readonly endsBefore: Int32Array;

  constructor(
    protected readonly text: string,
    protected readonly mentions: readonly Mention[],
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
  protected within(a: number, b: number): Mention[] {
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

  protected emit(d: Draft): number | undefined {
    const key = `${d.total.index}|${d.parts.map((p) => p.m.index).join(',')}`;
    if (this.seen.has(key)) return undefined;
    this.seen.add(key);
    for (const p of d.parts) {
      this.usedAsPart.add(p.m.index);
      this.partOf.set(p.m.index, d.total.index);
    }
    const again = this.claims.some((c) => c.total.mention === d.total.index && c.verdict === 'ok' && c.parts.length >= 2);
    this.claims.push(judge(again ? { ...d, again } : d, this.starts));
    return this.claims.length - 1;
  }

  protected label(from: number, m: Mention): string {
    return cleanLabel(this.text.slice(from, m.start));
  }

  protected emitClaim(
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

  // ---- claims without a marker

  /**
   * Figures after a total that add up to it exactly, without a marker (行政复议案件4件，撤销1件，维持3件;
   * 共受理电话862次。市级…143次…；区县…719次), and lists after 从…看 / 按…分 that break down an earlier
   * total. Only exact sums make a claim without a marker: nothing else says the figures are parts.
   */
  protected withoutMarker(): void {
    const { scan, mentions } = this;
    const sentenceEnds = (a: number, b: number): number => this.endsBefore[b] - this.endsBefore[a];
    const sameParagraph = (a: number, b: number): boolean => this.linesBefore[b] === this.linesBefore[a];
    for (const T of mentions) {
      // Counts, and sums of money (总投资114万元，…中央资金95万元，省预算内配套19万元).
      if (T.percent || T.approx || (T.kind !== 'count' && T.kind !== 'money') || isChange(T)) continue;
      // A part of a list already read is broken down in turn only by the states of its items (09年列建的
      // 418所，已建成80个，在建338个): siblings after it may add up to it by chance.
      const byState = this.usedAsPart.has(T.index);
      // A figure that continues a list of its own unit (…医疗卫生6件；公共安全2件；拆迁征收1件) is a
      // sibling of the figures after it, not their total.
      const prev = mentions[T.index - 1];
      // Two figures of one object (4个专业17家医疗机构) are no siblings: a list has a separator between.
      const gap = scan.slice(prev?.end ?? 0, T.start);
      // A figure named as a subset of the one before (卫生人员1718人，卫生技术人员1540人) is no sibling.
      if (!this.totalsAfterParts.has(T.index) && prev && !prev.percent && addable([prev.unit, T.unit]) && !HARD_END.test(gap) && !/[。！？]/.test(gap) && /[、，,；;]/.test(gap) && this.partOf.get(T.index) !== prev.index && !this.subsetOfPrevious(T)) continue;
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
        if (m.percent || m.kind !== T.kind || this.usedAsPart.has(m.index) || isChange(m) || this.perUnit(m)) continue;
        if (m.approx) break;
        if (!addable([m.unit, T.unit])) continue;
        if (byState && !STATE_OF_ITEMS.test(this.clauseLead(m))) break;
        run.push(m);
      }
      flush();
    }
  }

  /**
   * A paragraph that opens with a short sentence of one figure (奖励扶助资金1366万元。) and goes on with
   * what makes it up (拨付…643万元，…惠及6696人；拨付…163万元…): the figures of its kind and unit in the
   * rest of the paragraph are its parts when together they add up to it exactly. Figures per head
   * or per period (标准是每人每年960元) are rates, not parts.
   */
  protected openingTotals(): void {
    const { scan, mentions } = this;
    /** Figures that open their paragraph: words, then this figure first (住宿场所共评审3107家：…). */
    const openers: Mention[] = [];
    for (const T of mentions) {
      if (T.percent || T.approx || isChange(T) || (T.kind !== 'count' && T.kind !== 'money')) continue;
      const p0 = scan.lastIndexOf('\n', T.start - 1) + 1;
      const lead = scan.slice(p0, T.start).replace(/\s+/g, '');
      if (/\d|[。！？]/.test(lead) || lead.length > 24 || lead.length === 0) continue;
      openers.push(T);
      const end = nextHardEnd(scan, T.end);
      // The paragraph's first sentence, short, with this figure alone in it.
      if (scan[end] !== '。' || sentenceStart(scan, T.start) !== p0 || end - p0 > 30) continue;
      if (this.within(p0, end + 1).length !== 1) continue;
      if (this.usedAsPart.has(T.index) || this.claims.some((c) => c.total.mention === T.index)) continue;
      const pEnd = scan.indexOf('\n', end);
      const rest = this.within(end + 1, pEnd < 0 ? scan.length : pEnd);
      const parts = rest.filter((m) => !m.percent && !isChange(m) && m.kind === T.kind && m.unit === T.unit && !this.perUnit(m));
      if (parts.length < 2 || parts.some((m) => m.approx || this.usedAsPart.has(m.index))) continue;
      if (Math.abs(sumOf(parts) - T.value) > tolerance([T, ...parts])) continue;
      this.emitMarkerless(T, parts, 'no-marker');
    }
    // Paragraphs in a row that each open with a figure (奖励扶助资金1366万元。⏎…工资338万元。⏎健康生育专项
    // 资金205万元。; 住宿场所共评审3107家：…⏎沐浴场所共评审1197家：…) after a paragraph whose last figure of
    // their unit they add up to exactly (累计投入…1909万元; 对全市20510家公共场所…): its parts.
    const paragraphOf = (x: number): { start: number; end: number } => {
      const start = scan.lastIndexOf('\n', x - 1) + 1;
      const nl = scan.indexOf('\n', x);
      return { start, end: nl < 0 ? scan.length : nl };
    };
    for (let i = 0; i < openers.length; i++) {
      const first = openers[i];
      const p0 = paragraphOf(first.start).start;
      if (p0 === 0) continue;
      // The paragraph before, past blank lines.
      let q = p0 - 1;
      while (q > 0 && /\s/.test(scan[q - 1])) q--;
      const T = this.within(paragraphOf(Math.max(0, q - 1)).start, q).filter((m) => m.kind === first.kind && m.unit === first.unit && !m.percent).pop();
      if (!T || T.approx || isChange(T) || this.usedAsPart.has(T.index)) continue;
      const run: Mention[] = [first];
      for (let j = i + 1; j < openers.length; j++) {
        const o = openers[j];
        // The next paragraph, past blank lines, of the same unit.
        const between = scan.slice(paragraphOf(run[run.length - 1].start).end, paragraphOf(o.start).start);
        if (o.unit !== first.unit || o.kind !== first.kind || /\S/.test(between)) break;
        run.push(o);
      }
      if (run.length < 2 || run.some((m) => m.approx || this.usedAsPart.has(m.index))) continue;
      let sum = 0;
      for (let k = 0; k < run.length; k++) {
        sum += run[k].value;
        if (k >= 1 && Math.abs(sum - T.value) <= tolerance([T, ...run.slice(0, k + 1)])) {
          this.emitMarkerless(T, run.slice(0, k + 1), 'no-marker');
          break;
        }
      }
    }
  }

  /**
   * The last figure of its unit in a paragraph (发放了22224户…补助5140250元。) broken down by the next
   * paragraph, which gives the items one by one (…发放17426户…4417110元。…发放256户…512000元。…): the
   * figures of its unit there are its parts when they add up to it exactly. Rates per unit (20元/人/月,
   * 标准是每人每年960元) are passed over.
   */
  protected nextParagraphBreakdowns(): void {
    const { scan } = this;
    let p0 = 0;
    while (p0 < scan.length) {
      const nl = scan.indexOf('\n', p0);
      const p1 = nl < 0 ? scan.length : nl;
      // The next paragraph with words, past blank lines.
      let q0 = p1 + 1;
      while (q0 < scan.length && scan[q0] === '\n') q0++;
      const qn = scan.indexOf('\n', q0);
      const q1 = qn < 0 ? scan.length : qn;
      if (q0 >= scan.length) break;
      const here = this.within(p0, p1).filter((m) => !m.percent && !m.approx && !isChange(m) && (m.kind === 'count' || m.kind === 'money') && !this.perUnit(m));
      const next = this.within(q0, q1).filter((m) => !m.percent && !isChange(m) && (m.kind === 'count' || m.kind === 'money') && !this.perUnit(m));
      for (const unit of new Set(here.map((m) => m.unit))) {
        const T = here.filter((m) => m.unit === unit).pop() as Mention;
        if (this.usedAsPart.has(T.index) || this.claims.some((c) => c.total.mention === T.index)) continue;
        const parts = next.filter((m) => m.unit === unit && m.kind === T.kind);
        if (parts.length < 2 || parts.some((m) => m.approx || this.usedAsPart.has(m.index))) continue;
        if (Math.abs(sumOf(parts) - T.value) <= tolerance([T, ...parts])) this.emitMarkerless(T, parts, 'no-marker');
      }
      p0 = p1 + 1;
    }
  }

  /**
   * A count and, in the next clause, the part of it in a state (立案查处30件，结案20件; 收到申请6件，公开
   * 4件; 监测251家，合格227家; 抽检出厂水148份，144份合格; 183家单位中67家不合格; 现有5144家，已检查3425家):
   * a subset of it. A larger figure in a state may count cases of another period (办结 includes last
   * year's), so it says nothing; but more samples passing or failing than were tested is an error.
   */
  protected stateSubsets(): void {
    const { scan, mentions } = this;
    for (let k = 1; k < mentions.length; k++) {
      const P = mentions[k];
      const T = mentions[k - 1];
      if (P.percent || T.percent || P.approx || T.approx || isChange(P) || isChange(T) || P.kind !== 'count' || P.unit !== T.unit) continue;
      if (this.usedAsPart.has(P.index) || this.usedAsPart.has(T.index) || this.claims.some((c) => c.total.mention === T.index)) continue;
      const gap = scan.slice(T.end, P.start);
      // The next clause (…251家游泳场所，合格227家), the next sentence's first (…251家游泳场所。抽检结果显示，
      // 合格227家), or the same clause after X中 (183家单位中67家不合格).
      const nextClause = /^[^，,；;。！？\n]{0,16}[，,][^，,；;。！？\n]*$/.test(gap) || /^[^，,；;。！？\n]{0,12}[。][^，,；;。！？\n]{0,10}[，,]?[^，,；;。！？\n]{0,6}$/.test(gap);
      if (!nextClause && !/^[^，,；;。！？\n\d]{0,8}中有?\s*$/.test(gap)) continue;
      const lead = this.clauseLead(P).replace(/\s+/g, '');
      const state =
        /^(?:[^，,；;。\d]{0,4}?(?:均|全部))?(?:已|其中)?(结案|办结|答复|处理|整改|不合格|合格|完成|公开|予以公开|办理完毕)[^，,；;。\d]{0,6}$/.exec(lead)?.[1] ??
        /^已(检查|检测|抽检|监测|督查)[^，,；;。\d]{0,6}$/.exec(lead)?.[1] ??
        /^\s*(?:[^，,；;。！？\n\d]{0,8}?[为為])?\s*(?:均|全部)?(不合格|合格|不达标|达标)(?=\s*(?:[，,；;。！？\n]|$))/.exec(scan.slice(P.end, P.end + 16))?.[1];
      if (!state) continue;
      if (P.value > T.value + tolerance([T, P])) {
        // Samples that pass or fail are among those tested: more of them than were tested is an error.
        const tested = /抽检|检测|监测|抽查|抽样|检验/.test(this.clauseLead(T) + scan.slice(T.end, T.end + 12));
        if (/合格|达标/.test(state) && tested && nextClause) this.emitMarkerless(T, [P], 'no-marker');
        continue;
      }
      // The rest in the opposite state in the next sentences (合格227家…。不合格24家): both, when they make
      // the count up exactly.
      const end = nextHardEnd(scan, nextHardEnd(scan, P.end) + 1);
      const rest = this.within(P.end, end).find((m) => m.unit === P.unit && !m.percent && !m.approx && !this.usedAsPart.has(m.index) && new RegExp(`(?:不|未)${state}`).test(this.clauseLead(m)));
      if (rest && Math.abs(P.value + rest.value - T.value) <= tolerance([T, P, rest])) this.emitMarkerless(T, [P, rest], 'no-marker');
      else this.emitMarkerless(T, [P], 'no-marker');
    }
  }

  /** A rate per unit, not an amount: 20元/人/月, 标准是每人每年960元, 人均… */
  protected perUnit(m: Mention): boolean {
    return /^\s*[/／]/.test(this.scan.slice(m.end, m.end + 2)) || /每/.test(this.clauseLead(m)) || PER.test(m.phrase);
  }

  /** The words of a figure's clause before it (标准是每人每年 for 960元, 已建成 for 80个). */
  private clauseLead(m: Mention): string {
    const before = this.scan.slice(Math.max(0, m.start - 20), m.start);
    return before.slice(before.search(/[^，,；;。\n]*$/));
  }

  /**
   * A figure followed by a bracket that lists two or more figures of its unit and nothing else
   * (人大代表建议5件(主办3件,协办2件)): a breakdown of that figure, nested under the claim the figure
   * is a part of. Exact or short, never above it: a bracket whose figures exceed the one before
   * it says something else of it.
   */
  protected bracketBreakdowns(): void {
    const { scan, mentions } = this;
    for (const H of mentions) {
      if (H.percent || H.approx || H.kind !== 'count' || isChange(H)) continue;
      // The bracket right after the figure, after a few words naming what it counts (31种传染病(…)),
      // or set off by a comma (民营医院8家,(一级6家,二级2家)).
      // Also after the rate of the same cases per 10万 (630例，发病率为35.2/10万(乙类：…), even left blank).
      const after = /^(?:[ \u4e00-\u9fff]{0,8}?|\s*[，,]\s*|\s*[，,][\u4e00-\u9fff]{1,8}率[为是]?\s*(?:\d+(?:\.\d+)?)?\s*[/／]\s*(?:10|1)\s*万\s*)(?=[（(【\[])/.exec(
        scan.slice(H.end, H.end + 30),
      );
      if (!after) continue;
      const open = H.end + after[0].length;
      const close = matchingClose(scan, open) ?? classBracketClose(scan, open);
      if (close === undefined) continue;
      // Figures at the bracket's own level (bracket depths restart at a full stop, so they are counted here).
      const level = (at: number): number => {
        let d = 0;
        for (const c of scan.slice(open + 1, at)) d += c === '（' || c === '(' ? 1 : c === '）' || c === ')' ? -1 : 0;
        return d;
      };
      const inner = this.within(open + 1, close).filter((m) => level(m.start) === 0);
      if (inner.length === 0 || inner.some((m) => m.percent || m.approx || isChange(m) || m.unit !== H.unit || this.usedAsPart.has(m.index))) continue;
      // One figure alone (累计引进11个高层次团队(市卫健委立项7个)): a subset of the figure, when it fits and
      // is no figure of another time (上年11个, 同比…) or per head (每千人口5.51人).
      if (inner.length === 1) {
        const note = scan.slice(open + 1, inner[0].start);
        if (inner[0].value <= H.value && /[\u4e00-\u9fff]{2}/.test(note) && !/上年|去年|同期|同比|较|比|前年|以前|此前|每|人均/.test(note) && !/\d/.test(scan.slice(inner[0].end, close))) {
          const parent = this.claims.findIndex((c) => c.parts.some((p) => p.mention === H.index));
          this.emitClaim(H, undefined, [{ m: inner[0], labelStart: open + 1 }], '', H.phraseStart, close + 1, open, undefined, 'nested', parent >= 0 ? parent : undefined);
        }
        continue;
      }
      // A marker inside (含, 其中) was read by its own rule.
      if (/^[\s]*(?:含|其中|包括)/.test(scan.slice(open + 1, inner[0].start))) continue;
      // A figure given 各 (天河区、白云区和南沙区各2例) counts once per name.
      const parts: Part[] = inner.flatMap((m, k) => {
        const labelStart = k === 0 ? open + 1 : inner[k - 1].end;
        return Array.from({ length: eachCount(scan.slice(labelStart, m.start)) }, () => ({ m, labelStart }));
      });
      const parent = this.claims.findIndex((c) => c.parts.some((p) => p.mention === H.index));
      // Two breakdowns set apart by ；(医院47家(综合医院32家、…8家；三级医院4家、二级医院9家、民营医院34家)),
      // each making the figure up exactly: a claim each.
      const cuts = [...scan.slice(open + 1, close).matchAll(/[；;]/g)].map((x) => open + 1 + x.index).filter((i) => this.depth[i] === this.depth[open + 1]);
      if (cuts.length) {
        const bounds = [open + 1, ...cuts.map((c) => c + 1)];
        const groups = bounds.map((a, k) => parts.filter((p) => p.m.start >= a && p.m.start < (k < cuts.length ? cuts[k] : close)));
        if (groups.every((g) => g.length >= 2 && Math.abs(sumOf(g.map((p) => p.m)) - H.value) <= tolerance([H, ...g.map((p) => p.m)]))) {
          for (const g of groups) this.emitClaim(H, undefined, g, '', H.phraseStart, close + 1, open, undefined, 'nested', parent >= 0 ? parent : undefined);
          continue;
        }
      }
      const sum = sumOf(parts.map((p) => p.m));
      // Above the figure, the bracket says something else of it, unless it sorts the figure's cases
      // by the classes of a classification (传染病630例(乙类：肝炎117例…。丙类：流感2例…)): then every
      // case is in one class, and a sum above the figure is an error of the text.
      const classes = new Set([...scan.slice(open + 1, close).matchAll(/([甲乙丙丁])类\s*[：:]/g)].map((x) => x[1]));
      if (sum > H.value + tolerance([H, ...inner]) && classes.size < 2) continue;
      this.emitClaim(H, undefined, parts, '', H.phraseStart, close + 1, open, undefined, 'nested', parent >= 0 ? parent : undefined);
    }
  }

  /**
   * A total followed, over the next sentences, by one figure per class of a classification
   * (乙类传染病报告22种…。丙类传染病报告8种): the classes' figures are its parts when they add up to it
   * exactly. Epidemic bulletins and reports by grade write their breakdowns this way, a sentence a
   * class, without a marker. Up to six sentences and two paragraph breaks after the total.
   */
  protected classSeries(): void {
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
   * sums: 共 alone does not say that the figures before it are its parts. Sums of money alike
   * (现场直补21.57万元，新农合补助14.38万元，总计补助35.95万元).
   */
  protected totalsAfter(): void {
    const { scan, mentions } = this;
    for (const T of mentions) {
      if (T.index === 0 || (T.kind !== 'count' && T.kind !== 'money') || T.percent || T.approx || isChange(T)) continue;
      const last = mentions[T.index - 1];
      // Spaces are no words (a copy's pinyin glosses are blanked to spaces in the scan).
      // Or a recap of them all by 均/都 (…5家集中式供水单位责令整改，对1家…二次供水单位责令整改，6家单位均已
      // 整改到位): the figure says it holds for every one of them.
      const recap = /^[^。！？\n]{0,24}?[，,；;]\s*(?:上述|以上|这)?\s*$/.test(scan.slice(last.end, T.start)) && /^[^，,；;。！？\n\d]{0,6}?(?:均|都|全部)/.test(scan.slice(T.end, T.end + 10));
      if (!recap && !TOTAL_AFTER.test(scan.slice(last.end, T.start).replace(/[ \t]+/g, ''))) {
        this.totalAfterSentences(T);
        continue;
      }
      const parts: Mention[] = [];
      let next = T.start;
      for (let k = T.index - 1; k >= 0; k--) {
        const m = mentions[k];
        if (/[。！？\n]/.test(scan.slice(m.end, next))) break;
        next = m.start;
        // a share beside a part (17件，占42.5%) is passed over
        if (m.percent) continue;
        if (m.kind !== T.kind || m.approx || isChange(m) || !addable([m.unit, T.unit]) || this.usedAsPart.has(m.index)) break;
        if (this.addBefore(T, parts, m) !== 'more') break;
      }
      if (!this.totalsAfterParts.has(T.index)) this.totalAfterSentences(T);
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
    const TOP = /前\s*([0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*(?:位|名|种|个)?(?:的?(?:病种|疾病|传染病|类别))?\s*(?:依次)?(?:是|为|分别是|分别为)?\s*[：:]?/g;
    for (let m = TOP.exec(scan); m; m = TOP.exec(scan)) {
      const from = m.index + m[0].length;
      const end = Math.min(nextHardEnd(scan, from), ...[scan.indexOf('；', from), scan.indexOf(';', from)].filter((i) => i >= 0));
      const parts = this.within(from, end).filter((x) => !x.percent);
      if (parts.length < 2 || parts.some((x) => x.kind !== 'count' || x.approx || isChange(x) || x.unit !== parts[0].unit || this.usedAsPart.has(x.index))) continue;
      const sum = sumOf(parts);
      // In its sentence, or the sentence before in its paragraph (乙类传染病共报告11种9530例…。同期…居前5位的
      // 病种是：淋病(2941例)、…).
      const line0 = scan.lastIndexOf('\n', m.index) + 1;
      const own = sentenceStart(scan, m.index);
      const s0 = Math.max(own > line0 ? sentenceStart(scan, own - 1) : own, line0);
      const before = this.within(s0, m.index).reverse();
      const T = before.find((x) => !x.percent && !x.approx && !isChange(x) && x.kind === 'count' && x.unit === parts[0].unit && x.value + tolerance([x, ...parts]) >= sum);
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
      if (parts.length < 2 || parts.some((x) => x.kind !== 'count' || x.approx || isChange(x) || this.perUnit(x) || x.unit !== unit || this.usedAsPart.has(x.index))) continue;
      const sum = sumOf(parts);
      const from = previousParagraphStart(scan, s0);
      // The total shares a word with what the list ranks (尘肺新病例主要来自… of 尘肺病病例报告9173例).
      const subject = normalizePhrase(scan.slice(s0, m.index));
      const candidates = this.within(from, s0)
        .reverse()
        .filter((x) => !x.percent && !x.approx && !isChange(x) && x.kind === 'count' && x.unit === unit && x.value + tolerance([x, ...parts]) >= sum && sharesWord(subject, normalizePhrase(x.phrase) + this.clauseLead(x)));
      // Parts given their shares (煤炭行业4477例，占48.80%；…冶金行业905例，占9.87%) name their total: the
      // nearest that one of them agrees with, or none when none does.
      const shares = parts.map((x) => this.mentions[x.index + 1]).filter((q, k) => q?.percent && /^[，,\s]*占?比?\s*$/.test(scan.slice(parts[k].end, q.start)));
      const agrees = (t: Mention): boolean =>
        shares.some((q, k) => Math.abs(parts[k].value / t.value - q.value) <= 0.5 * 10 ** -((/[.．](\d+)/.exec(q.text)?.[1].length ?? 0) + 2) + 1e-12);
      const T = shares.length ? candidates.find(agrees) : candidates[0];
      if (!T || this.claims.some((c) => c.total.mention === T.index && c.parts.some((q) => parts.some((x) => x.index === q.mention)))) continue;
      const parent = this.claims.findIndex((c) => c.parts.some((q) => q.mention === T.index));
      this.emitMarkerless(T, parts, 'no-marker', parent >= 0 ? parent : undefined);
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
   * A total that opens its sentence with 合计 / 总计 / 共计 after the sentences that list its parts
   * (…将发放奖励金共计772.6万元；…1098.4万元；…一次性奖励1.2万元。⏎…将合计兑现奖励资金1872.2万元): the
   * nearest figures of its kind and unit in the two sentences before (in its paragraph or the one
   * before), passing over figures of other kinds (对象8048人) and changes, when two or more of them add
   * up to it exactly.
   */
  private totalAfterSentences(T: Mention): void {
    const { scan, mentions } = this;
    const s0 = sentenceStart(scan, T.start);
    const lead = scan.slice(s0, T.start);
    if (!/合计|总计|共计|总共|一共/.test(lead) || /\d/.test(lead.replace(/\d{4}年/g, ''))) return;
    const parts: Mention[] = [];
    let from = s0;
    let sentences = 0;
    let breaks = 0;
    for (let k = T.index - 1; k >= 0; k--) {
      const m = mentions[k];
      const gap = scan.slice(m.end, from);
      sentences += (gap.match(/[。！？]/g) ?? []).length;
      breaks += (gap.match(/\n/g) ?? []).length;
      from = m.start;
      // Within the paragraph before at most: past it stand other subjects (a heading, another section).
      if (sentences > 2 || breaks > 1) break;
      if (m.percent || isChange(m) || m.kind !== T.kind) continue;
      if (m.approx || m.unit !== T.unit || this.usedAsPart.has(m.index)) break;
      if (this.addBefore(T, parts, m) !== 'more') return;
    }
  }

  /**
   * Puts `m` in front of the parts gathered backwards from a total stated after them, and emits the
   * claim once two or more make the total up exactly: 'done' then, 'over' once they pass it, else
   * 'more' to go on gathering.
   */
  private addBefore(T: Mention, parts: Mention[], m: Mention): 'done' | 'over' | 'more' {
    parts.unshift(m);
    const sum = sumOf(parts);
    if (parts.length >= 2 && Math.abs(sum - T.value) <= tolerance([T, ...parts])) {
      this.emitAfter(T, parts);
      return 'done';
    }
    return sum > T.value ? 'over' : 'more';
  }

  protected emitAfter(T: Mention, parts: Mention[]): void {
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
  protected dimensions(): void {
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
      const sum = sumOf(parts);
      // No earlier total of the parts' unit: a count of another unit they add up to exactly (救护车出车
      // 877次 … 从疾病类别分析：内科疾病499例；外科疾病357例；妇产科疾病21例), the same events counted again.
      if (!T) {
        for (let k = list[0].index - 1; k >= 0 && k >= list[0].index - 400; k--) {
          const m = mentions[k];
          if (m.end <= dm.index + 1 && m.kind === 'count' && !m.percent && !m.approx && !isChange(m) && Math.abs(m.value - sum) <= tolerance([m, ...parts])) {
            T = m;
            break;
          }
        }
      }
      if (!T) continue;
      if (sum > T.value + tolerance([T, ...parts])) continue;
      this.emitMarkerless(T, parts, 'dimension');
    }
  }

  /**
   * A sentence of figures whose labels are one word under different qualifiers (公立医院诊疗167.31万人次，
   * …；民营医院诊疗41.60万人次), after a figure labelled with that word (医院诊疗208.91万人次): its breakdown,
   * when the figures add up to it exactly. Statistical bulletins split a line of the paragraph
   * before this way, without a marker; only the exact sum says that the figures are its parts.
   */
  protected qualifiedSeries(): void {
    const { scan, mentions } = this;
    let k = 0;
    while (k < mentions.length) {
      const first = mentions[k];
      const end = nextHardEnd(scan, first.start);
      const here: Mention[] = [];
      for (; k < mentions.length && mentions[k].start < end; k++) here.push(mentions[k]);
      const parts = here.filter((m) => !m.percent && !isChange(m));
      if (parts.length < 2 || parts.some((m) => m.kind !== 'count' || m.approx || m.unit !== parts[0].unit || this.usedAsPart.has(m.index))) continue;
      if (/其中|包括|分别/.test(scan.slice(sentenceStart(scan, first.start), end))) continue;
      // Each figure's words back to the clause start (the phrase stops at a bracket: 中心(站)出院).
      const s0 = sentenceStart(scan, first.start);
      const labels = parts.map((m) => normalizePhrase(scan.slice(Math.max(s0, m.index > 0 ? mentions[m.index - 1].end : 0), m.start).split(/[，,；;：:]/).pop() as string));
      let common = labels[0];
      for (const l of labels) while (common && !l.endsWith(common)) common = common.slice(1);
      if (common.length < 2 || labels.some((l) => l.length - common.length < 1 || l.length - common.length > 14)) continue;
      const sum = sumOf(parts);
      for (let j = parts[0].index - 1; j >= 0 && j >= parts[0].index - 30; j--) {
        const T = mentions[j];
        if (T.unit !== parts[0].unit || T.percent || T.approx || isChange(T) || !normalizePhrase(T.phrase).endsWith(common)) continue;
        if (Math.abs(sum - T.value) <= tolerance([T, ...parts])) {
          const parent = this.claims.findIndex((c) => c.parts.some((p) => p.mention === T.index));
          this.emitMarkerless(T, parts, 'reference', parent >= 0 ? parent : undefined);
          break;
        }
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
      const words = normalizePhrase(P.phrase);
      if (words.length < 4) continue;
      const s0 = sentenceStart(scan, P.start);
      for (let k = P.index - 1; k >= 0 && mentions[k].start >= s0; k--) {
        const T = mentions[k];
        if (T.percent || T.approx || isChange(T) || T.unit !== P.unit || T.value < P.value) continue;
        if (!namesSubset(words, normalizePhrase(T.phrase))) continue;
        if (this.claims.some((c) => c.total.mention === T.index)) break;
        this.emitMarkerless(T, [P], 'no-marker');
        break;
      }
    }
  }

  /** Whether `m` is named as a subset of the figure before it (卫生人员1718人，卫生技术人员1540人). */
  protected subsetOfPrevious(m: Mention): boolean {
    const prev = this.mentions[m.index - 1];
    return prev !== undefined && !prev.percent && prev.unit === m.unit && prev.value >= m.value && namesSubset(normalizePhrase(m.phrase), normalizePhrase(prev.phrase));
  }

  protected emitMarkerless(T: Mention, parts: Mention[], reading: Reading, parent?: number): void {
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
      ...(parent !== undefined ? { parent } : {}),
    });
  }
}

/**
 * The close of a bracket that sorts a figure's cases by class, a sentence a class (（乙类：病毒性肝炎117例，
 * …。丙类：流感2例，…）): such a bracket may hold full stops, not a line break. Within 600 characters.
 */
function classBracketClose(scan: string, open: number): number | undefined {
  if (!/^[（(]\s*[甲乙丙丁]类\s*[：:]/.test(scan.slice(open, open + 8))) return undefined;
  let level = 0;
  for (let i = open + 1; i < scan.length && i < open + 600; i++) {
    const c = scan[i];
    if (c === '\n' || c === '\r') return undefined;
    if (c === '（' || c === '(') level++;
    else if (c === '）' || c === ')') {
      if (level === 0) return i;
      level--;
    }
  }
  return undefined;
}

/**
 * Whether a part's words name a subset of what the total's words name: the total's own word (出生,
 * 卫生人员), two characters or more, under a qualifier of one to four characters, in front (二孩出生) or
 * inside a word of four or more (卫生技术人员).
 */
function namesSubset(words: string, totalWords: string): boolean {
  const key = totalWords.replace(/^(?:全(?:市|县|区|省|州|旗)?|共|累计|总)+/, '');
  const extra = words.length - key.length;
  if (key.length < 2 || extra < 1 || extra > 4) return false;
  return words.endsWith(key) || (key.length >= 4 && words.startsWith(key.slice(0, 2)) && words.endsWith(key.slice(2)));
}

/** The start of the paragraph before the one holding `at` (or of that one when it is the first). */
function previousParagraphStart(scan: string, at: number): number {
  const own = scan.lastIndexOf('\n', at - 1);
  if (own < 0) return 0;
  let k = own;
  while (k > 0 && /\s/.test(scan[k - 1])) k--;
  return scan.lastIndexOf('\n', k - 1) + 1;
}
