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
// This module reads the marked lists and runs every reading in order. It builds on
// list-continuation.ts (how far a list goes past its clause), series-readings.ts (totals made up
// across sentences), claim-totals.ts (which figure a list is of), the readings without a marker
// (unmarked-subsets.ts, unmarked-sums.ts) and the reading's state (claim-collector.ts), each class
// extending the one before; list-reader.ts reads one list, claim-verdict.ts judges a claim,
// claim-words.ts holds the vocabulary and positions, claim-types.ts the types.
// Pure TypeScript: no Office, DOM or Node APIs.
import { ListContinuation } from './list-continuation';
import { AGAIN_BY } from './series-readings';
import type { Claim, SkippedClaim } from './claim-types';
import {
  COUNTED_GROUP,
  NUMBERING,
  PER_HEAD,
  BRACKETED_HEAD,
  LABEL_LINE,
  TOTAL_AFTER,
  addable,
  sameKind,
  TRIGGERS,
  isChange,
  isChangeInWords,
  enclosingOpen,
  hardStart,
  matchingClose,
  nextHardEnd,
  runsMakingUp,
  sentenceStart,
  sumOf,
  tolerance,
} from './claim-words';
import { lineOf, normalizePhrase, type Mention } from './extract';
import { ONE_ITEM_LINE } from './reading';
import { ListReader, endOfList, type Part } from './list-reader';

/** A clause that compares with another period, after which figures are changes: ，与上年同期相比，… */
const COMPARED = /[，,；;]\s*(?:与|和|同|较|比)(?:上年|去年|上一年|前一年|20\d{2}年)[^，,。；;\d]{0,6}(?:相比|比较)[，,]/;

/** Words of a part in a state, of the count before it: 合格4999份 of 5038份, 已办结 of 受理. */
const STATE = /^[\s，,、；;]*(合格|达标|已?办结|已?完成|已?整改)/;

export type { Claim, ClaimItem, Reading, SkippedClaim, Verdict } from './claim-types';
export { completeWording } from './claim-verdict';

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

class ClaimReader extends ListContinuation {
  run(): { claims: Claim[]; skipped: SkippedClaim[] } {
    this.totalsAfter();
    TRIGGERS.lastIndex = 0;
    for (let tm = TRIGGERS.exec(this.scan); tm; tm = TRIGGERS.exec(this.scan)) this.marker(tm);
    this.bracketBreakdowns();
    this.classSeries();
    this.dimensions();
    this.namedDimensions();
    this.qualifiedSeries();
    this.withoutMarker();
    this.changeBreakdowns();
    this.openingTotals();
    this.nextParagraphBreakdowns();
    this.bulletinTotals();
    this.qualifiedSubsets();
    this.stateSubsets();
    this.concentrationSubsets();
    this.titleGrades();
    this.etcTotals();
    this.topLists();
    this.rankedLists();
    this.sharesOfOneBase();
    this.samePhraseSeries();
    this.sectionSeries();
    this.parallelGroups();
    this.sexSplit();
    // In text order; a nested claim's parent index follows its parent. Claims a later reading showed
    // to be misread are dropped (a child of one loses its parent).
    const parentOf = new Map<Claim, Claim>();
    for (const c of this.claims) if (c.parent !== undefined) parentOf.set(c, this.claims[c.parent]);
    const kept = this.claims.filter((c) => !this.misread.has(c));
    kept.sort((a, b) => a.start - b.start || a.end - b.end);
    for (const [c, p] of parentOf) {
      const at = kept.indexOf(p);
      if (at >= 0) c.parent = at;
      else delete c.parent;
    }
    return { claims: kept, skipped: this.skipped };
  }

  /** A marker (其中, 包括, 分别为, 含, 在…中) and the list after it. */
  private marker(tm: RegExpExecArray): void {
    const { scan, text } = this;
    const t = tm.index;
    let trigger = tm[0].replace(/^[（(]\s*/, '').replace(/^包含$/, '含');
    // 在X中, 本年X中, a paragraph or sentence that opens with X中 (平湖市常住人口中，…; 。卫生技术人员中，…) and a
    // clause that opens with a count and X中 (，4个县级医疗机构项目中，…) name the figure they break down.
    const byLabel = tm[1] ?? tm[2] ?? tm[3] ?? tm[4];
    if (byLabel) trigger = `在${byLabel}中`;
    const afterTrigger = t + tm[0].length;
    if (this.regions.some(([a, b]) => t >= a && t < b) && !trigger.startsWith('含')) {
      // A marker inside a list already read (其中…1225件，包括…): its breakdown was read there.
      const inner = this.within(afterTrigger, nextHardEnd(scan, t));
      if (inner.length && inner.every((m) => this.usedAsPart.has(m.index) || m.percent)) return;
    }
    const s0 = sentenceStart(scan, t);
    const h0 = hardStart(scan, t);
    // 每千常住人口医师数、护士数分别为5.87人、8.12人: figures per head of population, not parts.
    if (PER_HEAD.test(scan.slice(Math.max(s0, scan.slice(0, t).search(/[，,][^，,]*$/)), t))) return;
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
      // A clause's X中 (，4个县级医疗机构项目中，…；15个乡院项目中，…) breaks its figure down up to the
      // ；where the next such clause begins.
      // So does a sentence's X中 (基层医疗卫生机构中，…；专业公共卫生机构中，…).
      if (tm[4] !== undefined || tm[3] !== undefined) {
        const group = tm[4] !== undefined ? COUNTED_GROUP : String.raw`[^，,。；;：:、\s\d][^，,。；;：:、\d\n]{3,30}?`;
        const next = new RegExp(String.raw`[；;](?=\s*${group}中[，,：:])`).exec(scan.slice(t, regionEnd));
        if (next) regionEnd = t + next.index;
      }
      // A second dimension of the same figure (…、454家尚未定级；按经济类型分，公立医院735个…) starts
      // another breakdown, read by namedDimensions.
      const another = AGAIN_BY.exec(scan.slice(t, regionEnd));
      if (another) regionEnd = t + another.index;
      // A clause of comparison (…民营医院640家，与上年同期相比，民营医院增加49家) ends the list: what follows are changes.
      const compared = COMPARED.exec(scan.slice(t, regionEnd));
      if (compared) regionEnd = t + compared.index;
      endInclusive = regionEnd;
      // 其中包括：⏎(1)…⏎(2)…: the list is the numbered lines that follow.
      if (/^[：:\s]*$/.test(scan.slice(afterTrigger, regionEnd)) && scan[regionEnd] === '\n') {
        let end = regionEnd;
        // Also lines of a name and its figure (晋中市32例(平遥县32例)⏎运城市18例(…)), up to the one that ends
        // with 。: a bulletin's list of places, one a line.
        while (end < scan.length && scan[end] === '\n') {
          const next = scan.indexOf('\n', end + 1);
          const line = scan.slice(end + 1, next < 0 ? scan.length : next);
          // Blank lines between the items (a copy that sets each paragraph apart) are passed over.
          if (/^\s*$/.test(line) && next >= 0 && end > regionEnd - 1) {
            end = next;
            continue;
          }
          // Or a paragraph an item that opens with its name and figure, a note after it (科学技术支出20.6万元；
          // 主要用于所属研究机构基本支出；).
          const item = NUMBERING.test(line.slice(0, 7)) || LABEL_LINE.test(line.slice(0, 23)) || BRACKETED_HEAD.test(line) || ONE_ITEM_LINE.test(line) || ITEM_PARAGRAPH.test(line);
          if (!item) break;
          end = next < 0 ? scan.length : next;
          if (/。\s*$/.test(line) && !NUMBERING.test(line.slice(0, 7)) && !LABEL_LINE.test(line.slice(0, 23)) && !BRACKETED_HEAD.test(line)) break;
        }
        if (end > regionEnd) {
          numbered = true;
          regionEnd = end;
          endInclusive = end;
        }
      }
      // 其中：1.医院179个，其中：…。 2.妇幼保健院36个…。 3.…: numbered items in one paragraph, a sentence each,
      // numbered on from 1.
      if (!numbered && scan[regionEnd] === '。' && /^[：:\s]*1\s*[.．、](?!\d)/.test(scan.slice(afterTrigger, afterTrigger + 12))) {
        let end = regionEnd;
        let k = 2;
        while (scan[end] === '。' && new RegExp(String.raw`^\s*${k}\s*[.．、](?!\d)`).test(scan.slice(end + 1, end + 12))) {
          end = nextHardEnd(scan, end + 1);
          k++;
        }
        if (k > 2) {
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

    // A breakdown of a change (比上年机构减少11个，其中医院增加7个，妇幼保健院减少7个…), or a list whose first
    // item is a change whatever comes before it (…下降67.16%，其中流行性感冒减少2750例…): its items are
    // changes of either sign, written in words, that no earlier figure is the total of. (Counts each
    // given with its change, …增加182个，其中，医院162个，比上年增加1个, are read.)
    const firstAfter = this.within(t, regionEnd).find((m) => !m.percent);
    if (firstAfter && isChangeInWords(firstAfter)) {
      const before = this.within(s0, t).filter((m) => !m.percent);
      const changed = before[before.length - 1];
      const afterChange = changed !== undefined && isChange(changed) && /^[\s，,：:]*$/.test(scan.slice(changed.end, t));
      const itemIsChange = /^[\s：:，,]*[^，,；;。\d]{0,12}(?:增加|减少|增长|下降)了?$/.test(scan.slice(afterTrigger, firstAfter.start));
      // (Not a change followed by the level it led to, 医院增加了10所，现为1219所: the levels are the items.)
      if ((afterChange || itemIsChange) && !firstAfter.change) {
        skip('no-total');
        return;
      }
    }

    // ---- parts
    const inRegion = this.within(regionStart, regionEnd);
    const firstOwn = inRegion.find((m) => this.depth[m.start] === this.depth[regionStart]);
    if (!firstOwn || (!numbered && this.breaksBefore(regionStart, firstOwn.start))) {
      skip('no-parts');
      return;
    }
    const reader = new ListReader(scan, text, inRegion, this.depth, regionStart, regionEnd, numbered);
    const { nested, flat, heads } = reader.readings();
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
    // 在已公开的52条政府信息中，…: the count named in the marker is the total.
    const named = byLabel ? this.within(t, afterTrigger).filter((m) => !m.percent && !m.approx && m.kind === 'count') : [];
    const cands =
      named.length === 1
        ? { list: named, local: new Set([named[0].index]), label: undefined, crossSentence: false }
        : this.totalCandidates(t, s0, h0, firstUnit, byLabel ?? this.referenceLabel(h0, s0, t));
    const inBracket = /[（(]\s*$/.test(scan.slice(Math.max(0, t - 3), t)) || /^[（(]/.test(tm[0]);
    if (trigger === '含' || inBracket) {
      // （含…） qualifies the figure right before the bracket, even when that figure is a part of a
      // list; so does a （其中…） opening a bracket (41起已结案(其中警告27家…)), past the words between.
      const before = this.within(s0, t).filter((m) => !m.percent);
      const whole = before[before.length - 1];
      // A figure of another unit than the parts' yields to a local figure of theirs (行政处罚120件，罚款
      // 94.23万元（其中警告57件…）).
      const theirs = cands.list.some((m) => m.unit === firstUnit && cands.local.has(m.index));
      const adjacent = whole !== undefined && /^[\s，,]*$/.test(scan.slice(whole.end, t));
      const beforeBracket = whole !== undefined && (adjacent || /^[^，,；;。（()）\d]{0,8}[（(]\s*$/.test(scan.slice(whole.end, t)));
      const promote = trigger === '含' ? adjacent : beforeBracket && (whole.unit === firstUnit || !theirs);
      if (whole && promote) {
        cands.list = [whole, ...cands.list.filter((m) => m !== whole)];
        cands.local.add(whole.index);
      }
    }
    // A total stated after the list (其中现场直补21.57万元，新农合补助14.38万元，总计补助35.95万元) is the
    // list's own, before any figure ahead of the marker. A figure below one of the parts is none (…重大决策
    // 预公开8条，全年共制定0条行政规范性文件): it counts something else.
    const lastPart = flat[flat.length - 1]?.m;
    const after = lastPart && this.mentions[lastPart.index + 1];
    if (
      after &&
      !after.percent &&
      !after.approx &&
      flat.every((p) => p.m.value <= after.value + tolerance([after])) &&
      addable([after.unit, firstUnit]) &&
      TOTAL_AFTER.test(scan.slice(lastPart.end, after.start).replace(/[ \t]+/g, ''))
    ) {
      cands.list = [after, ...cands.list.filter((m) => m !== after)];
      cands.local.add(after.index);
    }
    // 其余市州…不足百起，分别是临夏州77起…: the rest, one by one, of a total not given here; no earlier
    // figure is theirs. The rest with a count of its own (其余15件，分别是…) keeps it as the total.
    const REST = /其余|其他|剩余|剩下/;
    const restClause = /(?:^|[，,；;。\n])\s*(?:其余|其他|剩余|剩下)[^，,；;。\n]*(?:[，,][^，,；;。\n]*){0,2}$/.test(scan.slice(s0, t));
    if (/^分别/.test(trigger) && restClause && !cands.list.some((m) => m.start > s0 && m.start < t && REST.test(scan.slice(m.phraseStart, m.start)))) {
      skip('no-total');
      return;
    }
    const chosen = this.choose(cands, t, nested, flat, numbered, heads);
    if (!chosen) {
      skip('no-total');
      return;
    }
    const { total, compound, reading } = chosen;
    // Sums of money are no breakdown of a count of people or things (处罚个人554人，罚款金额分别为1408450元和
    // 43370元): the figures are of another kind than the total.
    const kinds = new Set(chosen.parts.map((p) => p.m.kind));
    if (kinds.size === 1 && kinds.has('money') && total.kind === 'count') {
      skip('no-total');
      return;
    }
    let chosenParts = compound ? chosen.parts : endOfList(chosen.parts, total, scan, /^分别/.test(trigger));
    chosenParts = compound ? chosenParts : this.withinClass(total, chosenParts);
    if (!compound && !numbered && this.segmentsEachWhole(total, regionStart, regionEnd, trigger, s0, endInclusive, t, open, reading)) return;

    // Parallel figures of two units (走访110批1731人次，其中集访76批1677人次): a claim per unit.
    // Items of several figures (民政部门301户30.2万元；县部门148户15.47万元) count here figure by figure.
    const figures = chosenParts.every((p) => !p.sub) ? chosenParts.flatMap((p) => (p.group ? p.group : [p])) : [];
    if (!numbered && this.statePairs(figures, cands.list, trigger, s0, endInclusive, t, open)) return;
    if (!numbered && this.claimPerUnit(figures, cands, { trigger, s0, end: endInclusive, t, open })) return;

    if (!numbered && !compound) chosenParts = this.partsOfTotalKind(total, chosenParts);

    const more = this.continuation(total, chosenParts, {
      regionEnd,
      endInclusive,
      compound: compound !== undefined,
      numbered,
      open,
      h0,
      crossSentence: chosen.crossSentence,
    });
    const extra = more.parts;
    endInclusive = more.endInclusive;

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
    // Two dimensions of the total one after the other in one list (其中自然人6件，法人及其他组织1件，予以
    // 公开1件，本机关不掌握4件，已公开1件，不予公开1件 of 7): runs that each make it up exactly, a claim each.
    const runs = compound || extra.length || flatParts.some((p) => p.sub) ? undefined : wholeRuns(flatParts, total);
    if (runs) {
      for (const run of runs) this.emitClaim(total, undefined, run, trigger, s0, run[run.length - 1].m.end, t, open, reading);
      return;
    }
    const idx = this.emitClaim(total, compound, [...flatParts, ...extra], trigger, s0, endInclusive, t, open, reading);
    // Nested breakdowns: a part with its own list.
    for (const p of flatParts) {
      if (!p.sub) continue;
      this.emitClaim(p.m, undefined, p.sub, '', p.labelStart, p.sub[p.sub.length - 1].m.end, p.labelStart, undefined, 'nested', idx);
    }
    if (!compound && extra.length === 0 && flatParts.every((p) => !p.sub)) this.parallelChanges(total, flatParts, t);
    if (!compound && extra.length === 0 && flatParts.length === 1 && !flatParts[0].sub && open === undefined) {
      const part = flatParts[0].m;
      const sub = this.nextSentenceOfPart(part, regionEnd);
      if (sub.length) this.emitClaim(part, undefined, sub, '', regionEnd + 1, sub[sub.length - 1].m.end, regionEnd + 1, undefined, 'nested', idx);
    }
  }

  /**
   * Parallel figures of two units (走访110批1731人次，其中集访76批1677人次): a claim per unit, each of the
   * total of its unit. True when it made them.
   */
  private claimPerUnit(
    figures: Part[],
    cands: { list: Mention[]; local: Set<number>; crossSentence: boolean },
    at: { trigger: string; s0: number; end: number; t: number; open: number | undefined },
  ): boolean {
    const unitsOfParts = [...new Set(figures.map((p) => p.m.unit))];
    if (unitsOfParts.length < 2) return false;
    // The totals are the marker's sentence's, or the sentence's before it when it opens with the marker.
    // There, each unit needs a list of its own (发放253.9万元 after a list of households is no breakdown
    // of the 募集305.19万元 before).
    const before = cands.crossSentence && cands.local.size === 0;
    const perUnit = unitsOfParts.map((u) => ({ u, total: cands.list.find((c) => c.unit === u && (cands.local.has(c.index) || before)) }));
    if (perUnit.every((x) => x.total) && (!before || unitsOfParts.every((u) => figures.filter((p) => p.m.unit === u).length >= 2))) {
      for (const { u, total: tot } of perUnit) {
        const ps = figures.filter((p) => p.m.unit === u);
        this.emitClaim(tot as Mention, undefined, ps, at.trigger, at.s0, at.end, at.t, at.open, 'marker');
      }
      return true;
    }
    return false;
  }

  /**
   * The parts up to the first item of another class than the total's (乙类传染病8种1106例，其中，肝炎
   * 389例…肺结核513例，丙类传染病31例): that item is a sibling of the total, not its part, and ends the list.
   */
  private withinClass(total: Mention, parts: Part[]): Part[] {
    const { scan } = this;
    const totalClass = /([甲乙丙丁])类[^，,；;。！？\n]*$/.exec(scan.slice(Math.max(0, total.start - 40), total.start))?.[1];
    if (!totalClass) return parts;
    const k = parts.findIndex((p) => {
      const c = /([甲乙丙丁])类/.exec(scan.slice(p.labelStart, p.m.start))?.[1];
      return c !== undefined && c !== totalClass;
    });
    return k >= 1 ? parts.slice(0, k) : parts;
  }

  /**
   * The parts that count what the total counts, when later items of a list count something else: groups
   * after ；of another kind, the second figure of one item in another unit, notes in another measure.
   */
  private partsOfTotalKind(total: Mention, parts: Part[]): Part[] {
    const { scan } = this;
    let chosenParts = parts;
    // Groups after ；with one figure each of the total's unit, the rest in other units (传染病暴发事件8起，
    // 报告322例病例；突发中毒事件1起，报告112例病例 of 9起): that figure is the group's part, the rest notes on it.
    if (chosenParts.length >= 2 && chosenParts.every((p) => p.group)) {
      const own = chosenParts.map((p) => (p.group as Part[]).filter((g) => g.m.unit === total.unit));
      if (own.every((o, i) => o.length === 1 && (chosenParts[i].group as Part[]).length > 1)) return own.map((o, i) => ({ ...o[0], labelStart: chosenParts[i].labelStart }));
    }
    // Groups of items after ；, of which later ones count something else (…41起已结案、1起尚在调查中；
    // 抽样检测72家，合格70家): the groups of the total's kind.
    if (chosenParts.length >= 2 && chosenParts.every((p) => p.group)) {
      const ofTotal = (p: Part): boolean => (p.group as Part[]).every((g) => sameKind(total.unit, g.m.unit));
      const k = chosenParts.findIndex((p) => !ofTotal(p));
      if (k >= 1 && chosenParts.slice(k).every((p) => (p.group as Part[]).every((g) => !sameKind(total.unit, g.m.unit)))) chosenParts = chosenParts.slice(0, k);
    }

    // Later items that count something else (其中，急救电话1011个，同比增长7%；调派救护车456次；救治患者
    // 494人): the parts are the leading items of the total's unit, the rest other measures.
    // One item with two figures of different units (乙类传染病报告16种4421例): the one the total counts.
    if (chosenParts.length >= 2 && chosenParts.every((p) => !p.sub && !p.group)) {
      // Also a figure that the next clause gives of the same item (传染病暴发事件8起，报告322例病例).
      const sameItem = (i: number): boolean =>
        i > 0 &&
        (!/[、，,；;。\n]/.test(scan.slice(chosenParts[i - 1].m.end, chosenParts[i].m.start)) ||
          (chosenParts[i].m.unit !== chosenParts[i - 1].m.unit && /^[，,]\s*(?:共|累计)?(?:报告|涉及|发病|造成|波及|导致)[^，,；;。\n]{0,4}$/.test(scan.slice(chosenParts[i - 1].m.end, chosenParts[i].m.start))));
      const drop = new Set<number>();
      chosenParts.forEach((p, i) => {
        if (!sameItem(i)) return;
        const a = sameKind(total.unit, chosenParts[i - 1].m.unit);
        const b = sameKind(total.unit, p.m.unit);
        if (a && !b) drop.add(i);
        else if (b && !a) drop.add(i - 1);
      });
      if (drop.size) chosenParts = chosenParts.filter((_, i) => !drop.has(i));
    }
    // Figures of another measure among the items (…微信公众号发布59条，阅读量17231人次，新区报发布8条;
    // 乡镇卫生院22所，其中中心卫生院8所，有在职职工1027人…): notes on an item or other subjects, not
    // parts, when the list opens with a part of the total's unit.
    // Items of published information count alike in 条, 篇 or 件 (公开政府信息565条，其中：…信息421条；…规范性文件11件).
    // So may an item in 个 among them (专题专栏10个), the classifier of any thing, in 期 (周报49期) or in
    // 份 (政策文件24份).
    const infoTotal = (total.unit === '条' || total.unit === '篇') && (/信息/.test(total.phrase) || /^[^，,；;。]{0,4}信息/.test(total.object));
    const ofTotal = (u: string): boolean => sameKind(total.unit, u) || (infoTotal && /^(?:条|篇|件|个|期|份)$/.test(u));
    if (chosenParts.length >= 2 && chosenParts.every((p) => !p.group) && ofTotal(chosenParts[0].m.unit)) {
      const k = chosenParts.findIndex((p) => !ofTotal(p.m.unit));
      const whole = sumOf(chosenParts.map((p) => p.m));
      // A count in words of another unit (…幼托儿童86例，两类人群占…) recaps the items, even where the sum
      // happens to come out right with it.
      const inWords = k >= 1 && chosenParts.slice(k).some((p) => !ofTotal(p.m.unit) && p.m.numeral !== 'arabic');
      if (k >= 1 && (inWords || Math.abs(whole - total.value) > tolerance([total]))) {
        // Only figures set apart by ，or ；(a note on an item, another subject): one in a 、 list
        // (行政许可20项、医疗机构8家) is an item of the list in another unit, and stays.
        const apart = (i: number): boolean => i > 0 && !/、/.test(scan.slice(chosenParts[i - 1].m.end, chosenParts[i].m.start));
        if (/[；;]/.test(scan.slice(chosenParts[k - 1].m.end, chosenParts[k].m.start))) chosenParts = chosenParts.slice(0, k);
        else if (chosenParts.every((p, i) => ofTotal(p.m.unit) || apart(i)))
          chosenParts = chosenParts.filter((p) => ofTotal(p.m.unit));
      }
    }
    return chosenParts;
  }

  /** Whether a clause break stands between the marker and the first figure (其中医责险100%覆盖…). */
  private breaksBefore(a: number, b: number): boolean {
    const between = this.scan.slice(a, b);
    // 其中，卫生防病咨询数量最多，达11243件次: the clause only names the first part, 达 gives its figure.
    if (/^[^，,；;。]{2,20}[，,]\s*(?:达|为|计|有|共)\s*$/.test(between)) return false;
    // 其中，本月无甲类传染病报告；乙类…4421例: a clause that states a nil part, then the parts.
    if (/^(?:[^，,；;。]{0,6}(?:无|没有|未发现|未收到)[^，,；;。\d]{1,20}[，,；;])+[^，,；;。]*$/.test(between)) return false;
    // 其中站前旅馆被套超标，籐桥理发店、水心发廊…等9家单位毛巾超标: items named without figures, then
    // 等 and their count: the count is the part.
    if (/^[^。；;]*等\s*$/.test(between) && /[、]/.test(between)) return false;
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

  // ---- totals

  /**
   * Pairs of a count and the part of it in a state (城市供水5038份，合格4999份；农村供水10523份，合格
   * 9341份) under the two totals before them (监测15561份，合格14340份): a claim for each total, judged
   * as every claim is; one pair alone is a subset of each. Returns whether it made them.
   */
  private statePairs(figures: Part[], totals: Mention[], trigger: string, s0: number, end: number, t: number, open: number | undefined): boolean {
    if (figures.length < 2 || figures.length % 2 === 1) return false;
    const label = (p: Part): string => this.scan.slice(p.labelStart, p.m.start).replace(/[（(][^（()）]*[)）]/g, '');
    const state = STATE.exec(label(figures[1]))?.[1];
    if (!state) return false;
    const whole = figures.filter((_, i) => i % 2 === 0);
    const inState = figures.filter((_, i) => i % 2 === 1);
    if (whole.some((p) => STATE.test(label(p))) || inState.some((p) => STATE.exec(label(p))?.[1] !== state)) return false;
    if (inState.some((p, i) => p.m.unit !== whole[i].m.unit || p.m.value > whole[i].m.value)) return false;
    const T2 = totals.find((m) => normalizePhrase(m.phrase).startsWith(state) && m.unit === whole[0].m.unit);
    const T1 =
      T2 &&
      totals.find(
        (m) => m.index < T2.index && m.sentence === T2.sentence && m.unit === T2.unit && m.value >= T2.value && !normalizePhrase(m.phrase).includes(state),
      );
    if (!T1 || !T2) return false;
    this.emitClaim(T1, undefined, whole, trigger, s0, end, t, open, 'marker');
    this.emitClaim(T2, undefined, inState, trigger, s0, end, t, open, 'marker');
    return true;
  }
}

/** A paragraph that opens with a name and its figure, then a note: 科学技术支出20.6万元；主要用于…；. */
const ITEM_PARAGRAPH = /^\s*[^，,。；;：:\d\s]{2,24}\d[\d.,]*\s*[^\d\s，,。；;：:]{0,3}\s*[；;，,。]/;

/**
 * The parts cut into consecutive runs of two or more that each add up to the total exactly, two runs
 * or more, with no part left over; else undefined.
 */
function wholeRuns(parts: readonly Part[], total: Mention): Array<readonly Part[]> | undefined {
  const fits = (sum: number, run: readonly Part[]): boolean => Math.abs(sum - total.value) <= tolerance([total, ...run.map((q) => q.m)]);
  const runs = runsMakingUp(parts, (p) => p.m.value, total.value, fits, tolerance([total, ...parts.map((q) => q.m)]));
  // Runs apart and in order that hold as many parts as there are cover them all.
  return runs.length >= 2 && runs.reduce((n, r) => n + r.length, 0) === parts.length ? runs : undefined;
}
