// Claims without a marker whose parts add up to their total: figures after a total that make it up
// exactly, totals stated after their parts, paragraphs that open with a total, the next paragraph's
// items, brackets of parts, one figure per class over several sentences, lists after 从…看, and
// qualified series. Only exact sums make such a claim, except a bracket that sorts a figure's cases
// by class. Built on the reading's state (claim-collector.ts).
import { CLASS_WORD, CLASS_WORDS, DIMENSION, HARD_END, LIST_SPAN, PER, SENTENCE_SPAN, TOTAL_AFTER, addable, cleanLabel, eachCount, isChange, isChangeInWords, matchingClose, nextHardEnd, sentenceStart, sumOf, sumTolerance, tolerance } from './claim-words';
import { normalizePhrase, type Mention } from './extract';
import type { Part } from './list-reader';
import { ClaimCollector } from './claim-collector';
import { bulletinBalances } from './bulletin-balances';
import { fits } from './rates';

/** A numbered heading that ends in 。 at the start of a paragraph: 1.信息发布情况。, （一）主动公开情况。 */
const OPENING_HEADING = /^\s*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)[^。！？\d，,；;]{1,16}。/;

/** Words of a count of applications received (受理政府信息公开申请, 收到…申请). */
const APPLICATIONS = /(?:受理|收到|接收|新收)[^，,；;。]{0,16}申请/;
/** Words of how an application was answered: 予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 已办结. */
const ANSWERED = /予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|办结/;

/** The number of the parts summed, in words: 两项, 三项. */
const COUNT_OF_PARTS = /^[两二三四五六七八九十]项$/;

/** Words of a count of deaths. */
const DEATHS = /死亡/;

/** Words of a state of the items counted before (已建成80个，在建338个; 已完成…，正在…，尚未…). */
const STATE_OF_ITEMS = /^\s*(?:已|在建|正在|尚|未|完成|建成|开工|待)/;

export class UnmarkedSums extends ClaimCollector {
  /** The balance of an epidemic bulletin: confirmed = cured + died + still treated (bulletin-balances.ts). */
  protected bulletinTotals(): void {
    for (const { total, parts } of bulletinBalances(this.scan, this.mentions)) {
      const same = this.claims.some((c) => c.total.mention === total.index && c.parts.length === parts.length && c.parts.every((p, i) => p.mention === parts[i].index));
      if (!same) this.emitMarkerless(total, parts, 'no-marker');
    }
  }

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
      // (Not after the last part of a list that made its total up exactly: …办理完成78件，余8件转下年；政府
      // 行政复议6件，5件维持，1件纠正 — that list is over.)
      const listDone = prev !== undefined && this.claims.some((c) => c.verdict === 'ok' && c.parts.length >= 2 && c.parts[c.parts.length - 1].mention === prev.index);
      // Unless three or more figures after it make it up exactly, below the figure before it (检查娱乐场所
      // 252家，查处问题场所26家，对14家…责令改正，对4家…立案调查，对8家…立案处罚): the cases it found.
      // Nor is a figure given with its share of the one before (案件40宗，审结27宗，占67.5%): a subset of it.
      const after = mentions[T.index + 1];
      const shareOfPrev = prev !== undefined && after?.percent === true && /^占/.test(after.phrase) && fits(after, T, prev);
      // (A figure after ； whose clause opens a subject of its own, in more words than an item's name
      // (…予以公开2件；部门新收依申请公开数量为4件，…), is no sibling.)
      // Its parts are then in its own clauses, before the next ；.
      const ownSubject = /[；;]/.test(gap) && (gap.split(/[；;]/).pop() ?? '').replace(/\s+/g, '').length > 10;
      const listed =
        !this.totalsAfterParts.has(T.index) && prev !== undefined && !prev.percent && !listDone && !shareOfPrev && addable([prev.unit, T.unit]) && !HARD_END.test(gap) && !/[。！？]/.test(gap) && /[、，,；;]/.test(gap) && this.partOf.get(T.index) !== prev.index && !this.subsetOfPrevious(T);
      const sibling = listed && !ownSubject;
      const segmentStop = listed && ownSubject ? scan.slice(T.end, T.end + SENTENCE_SPAN).search(/[；;。！？\n]/) : -1;
      const segmentEnd = !(listed && ownSubject) ? Infinity : segmentStop < 0 ? T.end + SENTENCE_SPAN : T.end + segmentStop;
      if (sibling && !(T.value < prev.value)) continue;
      const fewest = sibling ? 3 : 2;
      // A figure followed by 、 and the next figure is an item of a list (天水市5例、兰州市3例、庆阳市1例、
      // 陇南市1例), a sibling of the figures after it that may add up to it by chance.
      const next = mentions[T.index + 1];
      if (next && /^[^，,；;。！？\n]*、[^，,；;。！？\n]*$/.test(scan.slice(T.end, next.start))) continue;
      let run: Mention[] = [];
      // A part broken down by a sentence that names it again, not by the states of its items.
      let again = false;
      // Sentences are counted from the total, or from the last part of a list already read for it:
      // a second breakdown of the same total may follow the first (按渠道…；按申请人…).
      let anchor = T.end;
      const flush = (): void => {
        // A list in the clauses right after the total, in its sentence, that ends with the rest (主动公开
        // 信息共373条，通过门户网站发布信息93条、…323条、其他方式公开13条): it says it is the total's
        // breakdown, so it is one whatever its sum.
        const last = run[run.length - 1];
        const lastName = run.length >= 3 ? cleanLabel(scan.slice(run[run.length - 2].end, last.start)) : '';
        // (A total holds each of its parts: a first figure below one of them is an item of the list.)
        if (!sibling && /^其[他它余]/.test(lastName) && run.every((m) => m.value <= T.value) && !isChangeInWords(T) && run.every((m) => !isChangeInWords(m)) && run[0].index === T.index + 1 && /^[^。！？\n；;\d]{0,4}[，,：:][^。！？\n；;\d]*$/.test(scan.slice(T.end, run[0].start)) && sentenceEnds(T.start, last.start) === 0 && !/[；;]/.test(scan.slice(T.end, last.start))) {
          this.emitMarkerless(T, run, 'no-marker');
          run = [];
          return;
        }
        let s = 0;
        let from = 0;
        for (let j = 0; j < run.length; j++) {
          s += run[j].value;
          if (j - from >= fewest - 1 && Math.abs(s - T.value) <= sumTolerance([T, ...run.slice(from, j + 1)])) {
            const parts = run.slice(from, j + 1);
            this.emitMarkerless(T, parts, 'no-marker');
            from = j + 1;
            s = 0;
          } else if (s > T.value) break;
        }
        run = [];
      };
      for (let k = T.index + 1; k < Math.min(mentions.length, T.index + LIST_SPAN); k++) {
        const m = mentions[k];
        if (!sameParagraph(T.start, m.start) || m.start > segmentEnd) break;
        // At most one sentence end before the first part, and then between one part and the next
        // (…53019条。其中…。自治区直属机关…16848条。各行署…36171条). How applications received were
        // answered (共受理…申请24件…。申请人…。申请内容…。经依法办理，予以公开4件，无法提供19件…) may come
        // a few sentences after them, in their paragraph.
        const far = run.length === 0 && APPLICATIONS.test(T.phrase.replace(/\s+/g, '')) && ANSWERED.test(this.clauseLead(m).replace(/\s+/g, ''));
        if (sentenceEnds(run.length ? run[run.length - 1].end : anchor, m.start) > (far ? 3 : 1)) break;
        if (run.length === 0 && this.usedAsPart.has(m.index) && this.partOf.get(m.index) === T.index) anchor = m.end;
        if (m.percent || m.kind !== T.kind || this.usedAsPart.has(m.index) || isChange(m) || this.perUnit(m)) continue;
        if (m.approx) break;
        // 个, the general counter, counts documents too (信息共13件，12个工作文件、1个政策解读), when the
        // words after it name one.
        const document = m.unit === '个' && /^(?:件|条|项)$/.test(T.unit) && /^[^，,；;。、]{0,6}(?:文件|解读|信息|公告|通知|意见|办法|规定|制度|政策|报告|方案)/.test(m.object);
        if (!addable([m.unit, T.unit]) && !document) continue;
        // (Or by a sentence that names it again: …网站公开政府信息101条…。在…网站公开政策文件5条，其他各类信息96条.)
        if (byState && !STATE_OF_ITEMS.test(this.clauseLead(m))) {
          if (run.length === 0 && namesAgain(T, scan.slice(sentenceStart(scan, m.start), m.start))) again = true;
          if (!again) break;
        }
        // The same count again by another verb right after it (收到申请4条，回复4条，予以公开3条，1条…): the
        // total restated, not a part of it.
        if (run.length === 0 && k === T.index + 1 && m.value === T.value && m.unit === T.unit) continue;
        run.push(m);
      }
      flush();
    }
  }

  /**
   * A change followed by the changes that explain it (收支较上年增加128.63万元，…主要原因是人员经费减少
   * 13.25万元，公用经费增加50.87万元，项目经费增加91.01万元), as budget notes write: the changes, a decrease
   * counting against, are its parts when they add up to it exactly. Only in the change's sentence,
   * after words that say they are its causes or its parts.
   */
  protected changeBreakdowns(): void {
    const { scan, mentions } = this;
    const DOWN = /(?:减少|下降|降低)了?$/;
    for (const T of mentions) {
      if (T.percent || T.approx || !isChangeInWords(T) || (T.kind !== 'money' && T.kind !== 'count')) continue;
      const end = nextHardEnd(scan, T.end);
      const cause = /(?:主要原因是|主要原因为|原因是|主要是|主要用于|其中)[：:，,]?/.exec(scan.slice(T.end, end));
      if (!cause) continue;
      const from = T.end + cause.index + cause[0].length;
      const changes = this.within(from, end).filter((m) => !m.percent && !m.approx && m.unit === T.unit && isChangeInWords(m));
      if (changes.length < 2) continue;
      const sign = (m: Mention): number => (DOWN.test(m.phrase.replace(/\s+/g, '')) ? -1 : 1);
      const parts = changes.map((m) => ({ ...m, value: sign(m) * sign(T) * m.value }));
      if (Math.abs(sumOf(parts) - T.value) > sumTolerance([T, ...changes])) continue;
      this.emitMarkerless(T, parts, 'no-marker');
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
      // Looked at only in the 60 characters before the figure: a longer lead is no short opening.
      const near = Math.max(0, T.start - 60);
      const lineEnd = scan.slice(near, T.start).lastIndexOf('\n');
      if (lineEnd < 0 && near > 0) continue;
      let p0 = near + lineEnd + 1;
      // A numbered heading run into the paragraph (1.信息发布情况。累计公开政府信息1687条。) is no part of
      // its opening: the paragraph's text starts after it.
      const heading = OPENING_HEADING.exec(scan.slice(p0, T.start));
      if (heading) p0 += heading[0].length;
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
      // Patients counted by head before the bracket and as cases inside it (10名重症病例(太原市3例、…)).
      const cases = /^(?:名|人)$/.test(H.unit) && /病例|患者|病人/.test(scan.slice(H.end, open));
      const agree = (m: Mention): boolean => m.unit === H.unit || (cases && m.unit === '例');
      // Counts in another word for one item (89篇次(…新闻发布会5次…)) that make the figure up exactly.
      const exact = inner.length >= 2 && inner.every((m) => m.kind === 'count') && Math.abs(sumOf(inner) - H.value) <= tolerance([H, ...inner]);
      if (inner.length === 0 || inner.some((m) => m.percent || m.approx || isChange(m) || (!agree(m) && !exact) || this.usedAsPart.has(m.index))) continue;
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
   * class, without a marker. Up to six sentences and three paragraph breaks after the total.
   */
  protected classSeries(): void {
    const { mentions } = this;
    // The class word nearest before the figure in its sentence, else right after it (其余13种乙类…).
    // Found once a figure: a long sentence of many figures would otherwise be scanned once a pair.
    const classes = new Map<number, string | undefined>();
    const classOf = (m: Mention): string | undefined => {
      if (classes.has(m.index)) return classes.get(m.index);
      // A class said to have none (无甲类传染病发生，共报告…) is not the class of the figures after it.
      const words = this.scan.slice(sentenceStart(this.scan, m.start), m.start);
      const before = [...words.matchAll(CLASS_WORDS)].filter((x) => !/[无未]/.test(words[(x.index ?? 0) - 1] ?? ''));
      const c = before.length ? before[before.length - 1][1] : CLASS_WORD.exec(m.object.slice(0, 8))?.[1];
      classes.set(m.index, c);
      return c;
    };
    for (const T of mentions) {
      if (T.percent || T.approx || T.kind !== 'count' || this.usedAsPart.has(T.index) || isChange(T) || classOf(T) !== undefined) continue;
      const parts: Mention[] = [];
      const seen = new Set<string>();
      let sum = 0;
      // Deaths add up to deaths, cases to cases (报告法定传染病16840例，死亡29例 … 乙类7602例，死亡28例).
      const deaths = DEATHS.test(T.phrase);
      for (let k = T.index + 1; k < Math.min(mentions.length, T.index + LIST_SPAN); k++) {
        const m = mentions[k];
        // Six sentences, and the next three paragraphs (甲类, 乙类 and 丙类 a paragraph each), blank
        // lines between them not counted.
        if (this.endsBefore[m.start] - this.endsBefore[T.end] > 6 || this.paragraphsBefore[m.start] - this.paragraphsBefore[T.end] > 3) break;
        if (m.unit !== T.unit || m.percent || isChange(m) || PER.test(m.phrase) || DEATHS.test(m.phrase) !== deaths) continue;
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
      // The number of the parts said before the total (…2625件，…1717件，两项合计共受理…4342件) is no part.
      const counted = mentions[T.index - 1].index > 0 && COUNT_OF_PARTS.test(mentions[T.index - 1].text) && /^\s*(?:共计|合计|总计|共)/.test(scan.slice(mentions[T.index - 1].end, T.start));
      const lastIndex = counted ? T.index - 2 : T.index - 1;
      const last = mentions[lastIndex];
      // Spaces are no words (a copy's pinyin glosses are blanked to spaces in the scan).
      // Or a recap of them all by 均/都 (…5家集中式供水单位责令整改，对1家…二次供水单位责令整改，6家单位均已
      // 整改到位): the figure says it holds for every one of them.
      const recap = /^[^。！？\n]{0,24}?[，,；;]\s*(?:上述|以上|这)?\s*$/.test(scan.slice(last.end, T.start)) && /^[^，,；;。！？\n\d]{0,6}?(?:均|都|全部)/.test(scan.slice(T.end, T.end + 10));
      if (!recap && !TOTAL_AFTER.test(scan.slice(last.end, T.start).replace(/[ \t]+/g, ''))) {
        this.totalAfterSentences(T);
        continue;
      }
      const parts: Mention[] = [];
      let next = last.end;
      for (let k = lastIndex; k >= Math.max(0, T.index - LIST_SPAN); k--) {
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
   * A total that opens its sentence with 合计 / 总计 / 共计 (or names a 总金额, 总数) after the sentences that list its parts
   * (…将发放奖励金共计772.6万元；…1098.4万元；…一次性奖励1.2万元。⏎…将合计兑现奖励资金1872.2万元): the
   * nearest figures of its kind and unit in the two sentences before (in its paragraph or the one
   * before), passing over figures of other kinds (对象8048人) and changes, when two or more of them add
   * up to it exactly.
   */
  private totalAfterSentences(T: Mention): void {
    const { scan, mentions } = this;
    const s0 = sentenceStart(scan, T.start);
    const lead = scan.slice(s0, T.start);
    // Also a sum named as a whole (罚款总金额为1451820元, 总数为…).
    if (!/合计|总计|共计|总共|一共|总金额|总额|总数/.test(lead) || /\d/.test(lead.replace(/\d{4}年/g, ''))) return;
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
      // (Not the number of the kinds that follow, written in words: 重点推进五个方面的信息公开。一是…)
      const announces = (m: Mention): boolean => /^[一二三四五六七八九十两]{1,3}个?$/.test(m.text) && /^\s*(?:方面|类|部分|领域|板块)/.test(scan.slice(m.end, m.end + 4));
      const counts = (a: number, b: number): Mention[] => this.within(a, b).filter((m) => m.kind === 'count' && !m.percent && !isChange(m) && !this.usedAsPart.has(m.index) && !announces(m));
      let list = counts(from, end);
      // The list may go on, a sentence an item, to the end of its line (按照血液品种统计：采集全血40.3万单位，
      // 同比减少9%。单采血小板9.2万单位…): those items, when the first of them make up an earlier total exactly.
      const lineEnd = scan.indexOf('\n', from) < 0 ? scan.length : scan.indexOf('\n', from);
      const onLine = counts(from, lineEnd);
      const earlier = (m: Mention, unit: string): boolean => m.end <= dm.index + 1 && m.unit === unit && !m.percent && !isChange(m) && !this.usedAsPart.has(m.index) && !m.approx;
      let T: Mention | undefined;
      if (onLine.length > list.length && onLine.every((m) => !m.approx)) {
        for (let k = onLine[0].index - 1; k >= 0 && k >= onLine[0].index - 400 && !T; k--) {
          const m = mentions[k];
          if (!earlier(m, onLine[0].unit)) continue;
          let s = 0;
          for (let j = 0; j < onLine.length && onLine[j].unit === m.unit; j++) {
            s += onLine[j].value;
            if (j >= 1 && Math.abs(s - m.value) <= tolerance([m, ...onLine.slice(0, j + 1)])) {
              T = m;
              list = onLine.slice(0, j + 1);
              break;
            }
          }
        }
      }
      if (list.length < 2 || list.some((m) => m.approx)) continue;
      const unit = list[0].unit;
      if (list.some((m) => m.unit !== unit)) continue;
      // A figure given to each of several names (房管、人事各3件) counts once a name.
      const parts = list.flatMap((m) => {
        const clause = scan.slice(Math.max(0, m.start - SENTENCE_SPAN), m.start).split(/[，,；;：:。！？\n]/).pop() ?? '';
        return Array.from({ length: eachCount(clause) }, () => m);
      });
      for (let k = list[0].index - 1; k >= 0 && k >= list[0].index - 400 && !T; k--) {
        const m = mentions[k];
        if (earlier(m, unit)) T = m;
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
      // Kinds of one class of institution (社区卫生服务中心(站)诊疗…，卫生院诊疗…) after that class's figure
      // (基层医疗卫生机构诊疗316.71万人次): its breakdown, which may leave kinds out.
      const kind = institutionClassOf(labels.map((l) => l.slice(0, l.length - common.length)));
      if (kind) {
        const T = mentions
          .slice(Math.max(0, parts[0].index - 30), parts[0].index)
          .reverse()
          .find((m) => m.unit === parts[0].unit && !m.percent && !m.approx && !isChange(m) && normalizePhrase(m.phrase).endsWith(kind + common));
        if (T && sum <= T.value + tolerance([T, ...parts])) {
          const parent = this.claims.findIndex((c) => c.parts.some((p) => p.mention === T.index));
          this.emitMarkerless(T, parts, 'reference', parent >= 0 ? parent : undefined);
          continue;
        }
      }
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
}

/** Whether a clause opens with the words a figure was named by, eight characters or more of them (在开化县政府信息公开网站公开…). */
function namesAgain(T: Mention, lead: string): boolean {
  const name = T.phrase.replace(/\s+/g, '');
  const words = lead.replace(/\s+/g, '');
  let k = 0;
  while (k < name.length && k < words.length && name[k] === words[k]) k++;
  return k >= 8;
}

/**
 * The classes of health institutions of the national statistics and the kinds each is made of
 * (卫生健康统计年鉴): 基层医疗卫生机构 are 社区卫生服务中心(站), 卫生院, 村卫生室, 门诊部 and 诊所;
 * 专业公共卫生机构 are 疾病预防控制中心, 妇幼保健院(所、站), 卫生监督所 … A list of kinds names its class.
 */
const INSTITUTION_KINDS: ReadonlyArray<[string, RegExp]> = [
  ['基层医疗卫生机构', /^(?:社区卫生服务(?:中心|站|机构)(?:\(站\))?|(?:乡镇|街道|中心)?卫生院|村卫生室|门诊部|诊所|卫生所|医务室|护理站)/],
  ['专业公共卫生机构', /^(?:疾病预防控制(?:中心|机构)|疾控中心|专科疾病防治(?:院|所|站|机构)|妇幼保健(?:院|所|站|机构)|健康教育(?:所|中心)|急救中心|采供血机构|卫生监督(?:所|中心|机构)|计划生育技术服务机构)/],
];

/** The class every label names a kind of (社区卫生服务中心(站), 卫生院 → 基层医疗卫生机构), else undefined. */
function institutionClassOf(labels: readonly string[]): string | undefined {
  const found = INSTITUTION_KINDS.find(([, re]) => labels.every((l) => re.test(l.replace(/（/g, '(').replace(/）/g, ')'))));
  return found?.[0];
}

/**
 * The close of a bracket that sorts a figure's cases by class, a sentence a class (（乙类：病毒性肝炎117例，
 * …。丙类：流感2例，…）): such a bracket may hold full stops, not a line break. Within 600 characters.
 */
function classBracketClose(scan: string, open: number): number | undefined {
  if (!/^[（(]\s*[甲乙丙丁]类\s*[：:]/.test(scan.slice(open, open + 8))) return undefined;
  return matchingClose(scan, open, /[\n\r]/, 600);
}
