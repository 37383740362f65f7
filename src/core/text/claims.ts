// Total-with-breakdown claims in prose: "…209家，其中：公共场所卫生108家、生活饮用水12家…",
// "120件…（其中警告57件；…62件；…1件）", "5404件，其中自然人4818件、法人586件".
// Pure TypeScript: no Office, DOM or Node APIs.
import { lineOf, lineStarts, toScan, type Mention } from './extract';

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
  /** Marked 并处 / 同时 / 另: may overlap the other parts. */
  overlap?: boolean;
}

export interface Claim {
  /** The claim as written, from the total's phrase to the end of the list (closing bracket included). */
  text: string;
  start: number;
  end: number;
  /** 1-based line and column of start. */
  line: number;
  column: number;
  /** The word that opened the list: 其中, 包括, 分别为, 分别是. */
  trigger: string;
  total: ClaimItem;
  parts: ClaimItem[];
  /** Sum of the parts in base units; null when their units differ (not additive). */
  sum: number | null;
  /** sum − total; null when not compared. */
  difference: number | null;
  /** The wording says the list is complete (分别为, 共计…包括, 全部). */
  complete: boolean;
  /** true for 'ok' and 'approx' (nothing to report); false for errors and warnings. */
  ok: boolean;
  verdict: Verdict;
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

const TRIGGERS = /其中|分别为|分别是|包括/g;
const HARD_END = /[。！？!?\n\r]/;
const OPEN = /[（(]/;
const CLOSE = /[）)]/;
const OVERLAP_WORDS = /^(?:并处|同时|另外|另有|另|并)/;

function sepLevel(c: string): number {
  if (c === '、') return 1;
  if (c === '，' || c === ',') return 2;
  if (c === '；' || c === ';') return 3;
  return 0;
}

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

function cleanLabel(raw: string): string {
  return raw
    .replace(/\s+/g, '')
    .replace(/^[：:，,、；;]+/, '')
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
function tolerance(ms: Mention[]): number {
  let step = 0;
  for (const m of ms) step = Math.max(step, m.percent ? 10 ** -(m.decimals + 2) : 10 ** -m.decimals);
  return step / 2 - 1e-9 * step;
}

/**
 * Finds every total-with-breakdown claim. Rules (DOMAIN.md, "Partial breakdowns"):
 * parts above the total → 'exceeds' (error), unless only 并处/同时 items make the excess →
 * 'overlap' (warning); parts below the total → 'short-partial' (warning), or 'short' (error)
 * when the wording says the list is complete; any approximate number → 'approx' (never fails);
 * parts in different units, or a total in another unit than its parts → 'mixed-units'
 * (warning, not summed). A single part ("其中重大案件5件") is a subset: only part ≤ total is
 * checked.
 */
export function extractClaims(text: string, mentions: readonly Mention[]): { claims: Claim[]; skipped: SkippedClaim[] } {
  const scan = toScan(text);
  const starts = lineStarts(text);
  const depth = depths(scan);
  const claims: Claim[] = [];
  const skipped: SkippedClaim[] = [];
  const usedAsPart = new Set<number>();

  const inside = (from: number, to: number): Mention[] => mentions.filter((m) => m.start >= from && m.end <= to);

  TRIGGERS.lastIndex = 0;
  for (let tm = TRIGGERS.exec(scan); tm; tm = TRIGGERS.exec(scan)) {
    const t = tm.index;
    const trigger = tm[0];
    const s0 = sentenceStart(scan, t);
    const open = enclosingOpen(scan, s0, t);
    let regionEnd: number;
    let endInclusive: number;
    if (open !== undefined) {
      const close = matchingClose(scan, open);
      regionEnd = close ?? nextHardEnd(scan, t);
      endInclusive = close !== undefined ? close + 1 : regionEnd;
    } else {
      regionEnd = nextHardEnd(scan, t);
      endInclusive = regionEnd;
    }
    let regionStart = t + trigger.length;
    while (regionStart < regionEnd && /[：:，,\s]/.test(scan[regionStart])) regionStart++;
    const where = lineOf(starts, t);
    const skip = (reason: SkippedClaim['reason']): void => {
      skipped.push({ text: text.slice(s0, endInclusive).trim(), start: t, line: where.line, trigger, reason });
    };

    // ---- parts
    const candidates = inside(regionStart, regionEnd);
    const first = candidates[0];
    if (!first || /[，,；;。]/.test(scan.slice(regionStart, first.start))) {
      skip('no-parts');
      continue;
    }
    const parts: ClaimItem[] = [item(first, cleanLabel(text.slice(regionStart, first.start)))];
    const partMentions: Mention[] = [first];
    // The separator after the first part sets the list's level: 、 < ， < ；.
    const delimAfter = (from: number, minLevel: number): number => {
      for (let i = from; i < regionEnd; i++) if (sepLevel(scan[i]) >= minLevel) return i;
      return regionEnd;
    };
    const firstSep = delimAfter(first.end, 1);
    let listEnd = first.end;
    let stoppedAt: number | undefined; // a higher-level delimiter that ended the list
    if (firstSep < regionEnd) {
      const level = sepLevel(scan[firstSep]);
      let d = firstSep;
      while (d < regionEnd) {
        const segStart = d + 1;
        const segEnd = delimAfter(segStart, level);
        const inSeg = candidates.filter((m) => m.start >= segStart && m.end <= segEnd);
        if (inSeg.length === 0) {
          stoppedAt = d;
          break;
        }
        const m = inSeg[0];
        const label = cleanLabel(text.slice(segStart, m.start));
        parts.push(item(m, label, OVERLAP_WORDS.test(label)));
        partMentions.push(m);
        listEnd = m.end;
        if (segEnd >= regionEnd) break;
        if (sepLevel(scan[segEnd]) > level) {
          stoppedAt = segEnd;
          break;
        }
        d = segEnd;
      }
    }
    // A 并处/同时 item right after the list (处罚340件，其中警告37件、罚款303件，并处没收6件).
    if (stoppedAt !== undefined && stoppedAt < regionEnd) {
      const segStart = stoppedAt + 1;
      const segEnd = delimAfter(segStart, sepLevel(scan[stoppedAt]));
      const label0 = text.slice(segStart, segEnd).replace(/\s+/g, '');
      const inSeg = candidates.filter((m) => m.start >= segStart && m.end <= segEnd);
      if (OVERLAP_WORDS.test(label0) && inSeg.length > 0 && inSeg[0].unit === first.unit) {
        const m = inSeg[0];
        parts.push(item(m, cleanLabel(text.slice(segStart, m.start)), true));
        partMentions.push(m);
        listEnd = m.end;
      }
    }
    if (partMentions.some((m) => m.percent)) {
      skip('rate-parts');
      continue;
    }

    // ---- total: the nearest earlier number of the parts' unit in the sentence, not inside a
    // closed bracket group and not a part of an earlier claim; else the nearest count or money.
    const before = mentions.filter(
      (m) => m.end <= t && m.start >= s0 && !m.percent && !usedAsPart.has(m.index) && openAt(depth, m.start, t),
    );
    let total = [...before].reverse().find((m) => m.unit === first.unit);
    if (!total) total = [...before].reverse().find((m) => m.kind === 'count' || m.kind === 'money');
    if (!total) {
      skip('no-total');
      continue;
    }
    for (const m of partMentions) usedAsPart.add(m.index);

    const endOffset = open !== undefined && endInclusive > listEnd ? endInclusive : listEnd;
    const claimStart = Math.min(total.phraseStart, total.start);
    const wording = completeWording(scan, trigger, s0, total, first.start);
    const claim = judge({
      text: text.slice(claimStart, endOffset),
      start: claimStart,
      end: endOffset,
      ...lineOf(starts, claimStart),
      trigger,
      total: item(total, total.phrase),
      parts,
      complete: wording !== undefined,
      totalMention: total,
      partMentions,
    });
    claims.push(claim);
  }
  return { claims, skipped };
}

/** Whether the bracket group holding `from` is still open at `to` (no closing bracket between). */
function openAt(depth: Int32Array, from: number, to: number): boolean {
  const d = depth[from];
  for (let i = from; i <= to; i++) if (depth[i] < d) return false;
  return true;
}

function nextHardEnd(scan: string, from: number): number {
  for (let i = from; i < scan.length; i++) if (HARD_END.test(scan[i])) return i;
  return scan.length;
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

interface Draft {
  text: string;
  start: number;
  end: number;
  line: number;
  column: number;
  trigger: string;
  total: ClaimItem;
  parts: ClaimItem[];
  complete: boolean;
  totalMention: Mention;
  partMentions: Mention[];
}

function judge(d: Draft): Claim {
  const { totalMention, partMentions, ...rest } = d;
  const base = { ...rest };
  const units = new Set(d.parts.map((p) => p.unit));
  const sameUnits = units.size === 1;
  const sum = sameUnits ? Number(d.parts.reduce((s, p) => s + p.value, 0).toPrecision(15)) : null;
  const make = (verdict: Verdict, difference: number | null): Claim => ({
    ...base,
    sum,
    difference,
    ok: verdict === 'ok' || verdict === 'approx',
    verdict,
  });
  if (!sameUnits || d.total.unit !== d.parts[0].unit) return make('mixed-units', null);
  const diff = Number(((sum as number) - d.total.value).toPrecision(15));
  if (d.total.approx || d.parts.some((p) => p.approx)) return make('approx', diff);
  const tol = tolerance([totalMention, ...partMentions]);
  if (Math.abs(diff) <= tol) return make('ok', 0);
  if (diff > 0) {
    const overlapSum = d.parts.filter((p) => p.overlap).reduce((s, p) => s + p.value, 0);
    if (overlapSum > 0 && diff - overlapSum <= tol) return make('overlap', diff);
    return make('exceeds', diff);
  }
  // Below the total. One part after 其中 is a subset ("其中重大案件5件"), not a list.
  if (d.parts.length === 1 && !d.complete) return make('ok', diff);
  return make(d.complete ? 'short' : 'short-partial', diff);
}
