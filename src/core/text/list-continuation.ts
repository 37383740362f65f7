// How far a marked list goes past the clause it starts in: later clauses named as the rest
// (其余15件), the next sentences when they make the total up exactly (其他事项2301项。), segments set
// apart by ；that each make the total up, and changes listed beside the parts. Used by claims.ts
// once it has read a list and chosen its total. Pure TypeScript: no Office, DOM or Node APIs.
import type { Reading } from './claim-types';
import { CONTINUATION, PER_HEAD, addable, hardStart, isChange, isPartCandidate, nextHardEnd, sumOf, tolerance } from './claim-words';
import type { Mention } from './extract';
import type { Part } from './list-reader';
import { fits } from './rates';
import { SeriesReadings } from './series-readings';

export class ListContinuation extends SeriesReadings {
  /**
   * Parts of the list past its region: later clauses named as the rest (…，其余15件按期答复), the next
   * sentence's 其他/其余/另有, or a figure opening it that completes the total exactly.
   */
  protected continuation(
    total: Mention,
    chosenParts: Part[],
    at: { regionEnd: number; endInclusive: number; compound: boolean; numbered: boolean; open: number | undefined; h0: number; crossSentence: boolean },
  ): { parts: Part[]; endInclusive: number } {
    const { scan } = this;
    const { regionEnd, compound, numbered, open, h0 } = at;
    let { endInclusive } = at;
    const extra: Part[] = [];
    // Later clauses of the sentence named as the rest (…，其中1件结转下年办理，另外2件申请人撤回，其余15件
    // 按期答复): more parts when, with them, the list makes up the total exactly.
    if (!compound && !numbered && chosenParts.length && chosenParts.every((p) => !p.group && !p.sub)) {
      const more = this.restOfList(chosenParts[chosenParts.length - 1].m.end, regionEnd, total, sumOf(chosenParts.map((p) => p.m)));
      if (more.length) {
        extra.push(...more);
        endInclusive = Math.max(endInclusive, more[more.length - 1].m.end);
      }
    }
    // Continuation in the next sentence: "其中行政许可1225件…。其他事项2301项。" (其他/其余/另有) adds the
    // rest to the list; a sentence that opens with a figure of the list's unit ("其中14件…答复。2件结转
    // 下年办理。") does so only when it completes the total exactly.
    if (extra.length === 0 && scan[regionEnd] === '。' && !numbered && open === undefined) {
      const next = nextHardEnd(scan, regionEnd + 1);
      const m = this.within(regionEnd + 1, next).find(isPartCandidate);
      const lead = m ? scan.slice(regionEnd + 1, m.start) : '';
      const flat = chosenParts.flatMap((p) => (p.group ? p.group : [p]));
      const sum = sumOf(flat.map((p) => p.m));
      const named = (total.end <= h0 || at.crossSentence) && CONTINUATION.test(lead);
      const figureFirst =
        /^\s*$/.test(lead) && m !== undefined && m.unit === total.unit && !compound && Math.abs(sum + m.value - total.value) <= tolerance([total, m]);
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
    return { parts: extra, endInclusive };
  }

  /**
   * The one part of a list broken down in the next sentence without a marker (…918条，其中重点领域信息公开
   * 370条。全年发布社会救助和社会福利类信息142条；社会组织信息58条；养老服务类信息78条、…36条。): the
   * sentence's figures, three or more and all of the part's unit, are its parts when they make it up
   * exactly, and only then; a sentence with a marker of its own is left to that marker.
   */
  protected nextSentenceOfPart(part: Mention, listEnd: number): Part[] {
    const { scan } = this;
    if (scan[listEnd] !== '。') return [];
    const end = nextHardEnd(scan, listEnd + 1);
    if (/其中|包括|分别|含/.test(scan.slice(listEnd + 1, end))) return [];
    const level = this.depth[listEnd + 1];
    const ms = this.within(listEnd + 1, end).filter((m) => this.depth[m.start] === level);
    if (ms.length < 3 || ms.some((m) => !isPartCandidate(m) || m.unit !== part.unit || m.approx || this.usedAsPart.has(m.index))) return [];
    if (Math.abs(sumOf(ms) - part.value) > tolerance([part, ...ms])) return [];
    return ms.map((m, i) => ({ m, labelStart: i === 0 ? listEnd + 1 : ms[i - 1].end }));
  }

  /**
   * Lists of one total separated by ；, each of which makes the total up exactly (议提案157件。其中，
   * 省建议3件、市建议47件，省提案4件、市提案103件；主办75件，会办82件): the same total broken down
   * twice, a claim each. True when it made them.
   */
  protected segmentsEachWhole(
    total: Mention,
    from: number,
    to: number,
    trigger: string,
    s0: number,
    end: number,
    t: number,
    open: number | undefined,
    reading: Reading,
  ): boolean {
    const { scan } = this;
    const base = this.depth[from];
    const cuts: number[] = [];
    for (let i = from; i < to; i++) if ((scan[i] === '；' || scan[i] === ';') && this.depth[i] === base) cuts.push(i);
    if (cuts.length === 0) return false;
    const bounds = [from, ...cuts.map((c) => c + 1)].map((a, k) => [a, k < cuts.length ? cuts[k] : to]);
    const segments = bounds.map(([a, b]) => this.within(a, b).filter((m) => this.depth[m.start] === base && isPartCandidate(m) && m.unit === total.unit));
    const whole = (ms: Mention[]): boolean => ms.length >= 2 && Math.abs(sumOf(ms) - total.value) <= tolerance([total, ...ms]);
    if (segments.length < 2 || !segments.every(whole)) return false;
    segments.forEach((ms, k) => {
      const parts = ms.map((m, i) => ({ m, labelStart: i === 0 ? bounds[k][0] : ms[i - 1].end }));
      this.emitClaim(total, undefined, parts, trigger, s0, Math.min(end, bounds[k][1] + 1), t, open, reading);
    });
    return true;
  }

  /**
   * The year's increase broken down as its total is (医疗卫生机构4441个，比上年增加182个，其中医院162个，
   * 比上年增加1个): when the total and every part are each followed by an increase of their unit,
   * the parts' increases are a breakdown of the total's. Decreases are left alone (their signs).
   */
  protected parallelChanges(total: Mention, parts: readonly Part[], t: number): void {
    const { scan, mentions } = this;
    const after = (m: Mention, limit: number): Mention | undefined => {
      const c = mentions[m.index + 1];
      if (!c || c.start >= limit || !isChange(c) || c.unit !== m.unit || c.approx) return undefined;
      if (!/增加|增长|上升|提高|多/.test(c.phrase) || /[。；;]/.test(scan.slice(m.end, c.start))) return undefined;
      return c;
    };
    const totalChange = after(total, t);
    if (!totalChange) return;
    const changes: Part[] = [];
    for (let i = 0; i < parts.length; i++) {
      const limit = i + 1 < parts.length ? parts[i + 1].m.start : nextHardEnd(scan, parts[i].m.end);
      const c = after(parts[i].m, limit);
      if (!c) return;
      changes.push({ m: c, labelStart: parts[i].labelStart });
    }
    this.emitClaim(totalChange, undefined, changes, '', totalChange.phraseStart, changes[changes.length - 1].m.end, t, undefined, 'marker');
  }

  /**
   * A list that goes on in the next sentences without a marker (…公示公告109条。重点信息方面，建议提案
   * 办理结果22条，信用公示信息118条…): their figures are more parts when, all of the total's unit, they
   * make up exactly what the list lacks. Up to two sentences of the paragraph; a sentence with a
   * marker of its own, a figure of another unit or none at all ends the search.
   */
  protected completion(listEnd: number, total: Mention, sum: number): Part[] {
    const { scan } = this;
    const out: Part[] = [];
    let acc = sum;
    let from = listEnd;
    // Up to twenty sentences: a hotline's or a bulletin's list of categories runs a sentence an item
    // (其中市场管理类178件，占11.34%。住房与城乡建设类175件，…). Only an exact sum makes them parts.
    for (let k = 0; k < 20 && scan[from] === '。'; k++) {
      const end = nextHardEnd(scan, from + 1);
      if (/其中|包括|分别/.test(scan.slice(from + 1, end))) break;
      // Figures in brackets (第二剂次接种9人(3-11岁6人;…)) break the item down; they are no parts.
      const level = this.depth[from + 1];
      const ms = this.within(from + 1, end).filter((m) => !m.percent && !this.usedAsPart.has(m.index) && this.depth[m.start] === level);
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
    return this.sharedSentences(listEnd, total);
  }

  /**
   * Sentences that each give a figure and its share of the total (住房与城乡建设类95件，占7.25%，同比…。
   * 农林水利类119件，占9.08%…), the list's first item having one too: the shares say the figures are
   * parts of the total, whatever their sum, so a figure mistyped in one of them (医疗卫生健康类147件，
   * 占3.59%) makes the list exceed its total rather than end it. At least three such sentences, of
   * whose shares at most one in five (and at least one) may disagree with its figure: a misprinted
   * share, or one not read as a share at all (占10.81`%), leaves the other shares' word standing.
   */
  private sharedSentences(listEnd: number, total: Mention): Part[] {
    const { scan } = this;
    const shareOf = (a: number, b: number): { m: Mention; fits: boolean } | undefined => {
      const ms = this.within(a, b).filter((m) => !m.percent && !isChange(m));
      const share = this.within(a, b).find((m) => m.percent);
      if (ms.length !== 1 || !share || share.start < ms[0].end || !/^\s*[，,]?\s*占/.test(scan.slice(ms[0].end, share.start))) return undefined;
      const m = ms[0];
      if (m.unit !== total.unit || m.approx || this.usedAsPart.has(m.index)) return undefined;
      return { m, fits: fits(share, m, total) };
    };
    // The list's own item, in the sentence that ends at listEnd.
    const first = shareOf(hardStart(scan, listEnd), listEnd);
    if (!first?.fits) return [];
    const out: Part[] = [];
    let unfit = 0;
    for (let from = listEnd; out.length < 30 && scan[from] === '。'; ) {
      const end = nextHardEnd(scan, from + 1);
      const item = shareOf(from + 1, end);
      if (!item) break;
      if (!item.fits) unfit++;
      out.push({ m: item.m, labelStart: from + 1 });
      from = end;
    }
    return out.length >= 3 && unfit <= Math.max(1, Math.floor(out.length / 5)) ? out : [];
  }

  /**
   * Clauses after a list, up to `end`, each with a figure that may be added to the total's (named
   * as the rest, 其余15件, or simply the next item, 疾控床位30张); returned only when they make the
   * list's sum `sum` up to the total exactly.
   */
  protected restOfList(from: number, end: number, total: Mention, sum: number): Part[] {
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
      // Each figure of the clause, 、 items too (发布办理省人大代表建议74件、省政协委员提案69件).
      const ms = this.within(start, clauseEnd).filter((x) => isPartCandidate(x) && this.depth[x.start] === this.depth[from]);
      const m = ms[0];
      // A clause of another subject (2021年“旗长信箱”共收到来信3件) ends the search; 公共 is no 共.
      if (/^\s*\d{4}年|(?<!公)共(?![同享建性产和])|合计|总计/.test(scan.slice(start, m ? m.start : clauseEnd))) break;
      for (const [k, x] of ms.entries()) {
        if (k > 0 && !/^[^，,；;。]*、[^，,；;。]*$/.test(scan.slice(ms[k - 1].end, x.start))) break;
        if (!addable([total.unit, x.unit]) || this.usedAsPart.has(x.index) || x.approx || isChange(x) || PER_HEAD.test(scan.slice(start, x.start))) break;
        out.push({ m: x, labelStart: k === 0 ? start : ms[k - 1].end });
        acc += x.value;
        if (Math.abs(acc - total.value) <= tolerance([total, ...out.map((p) => p.m)])) return out;
        if (acc > total.value) return [];
      }
      if (stop < 0) break;
      clause = clauseEnd;
    }
    return [];
  }
}
