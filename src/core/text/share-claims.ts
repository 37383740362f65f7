// A share checked against two stated counts also says that one count is part of the other:
// 疑似职业性化学中毒281例(占2.92%)，以苯中毒为主(214例，占76.16%) holds 214 of the 281. Counts each
// given with their share of one base, whatever the wording of each share (占案件总数的22.0%，占总数的
// 35.6%), are the base's parts when together they make it up exactly. Where no claim of the prose
// already relates a share's count to its base, the pair becomes a claim of one part, so that "parts
// never exceed totals" is asked of it as of any 其中 with one part. The shares themselves are judged
// in rates.ts; this only adds claims. The stated shares of parts that make a whole up are a claim
// too: together they are 100 % (30.2% + 19.7% + … of 3144条), within the rounding of each.
// Pure TypeScript.
import type { Claim } from './claim-types';
import { claimAtTotal, joinNotes } from './claim-verdict';
import { NOT_A_SHARE, runsMakingUp, sameKind, sumOf, tolerance } from './claim-words';
import { normalizePhrase, type Mention } from './extract';
import { textMsg } from './messages';
import type { RateCheck } from './rates';
import { lineStarts } from './reading';

/**
 * One-part claims (base = count) for the shares and rates in `rates` whose stated figure is at most
 * 100 % and fits its counts, where the count is at most the base and both are counts of one kind
 * (人次 over 人, or 元 over 人, say nothing about a part). A pair the claims already relate adds
 * nothing: the count a part of the base, by mention or by value, or a part of a part of it
 * (65岁及以上 within 60岁及以上 within 常住人口); nor does a pair of parts of one claim (第二剂次 over
 * 第一剂次), which a rate compares as siblings, not as a whole and its part.
 */
export function shareClaims(text: string, mentions: readonly Mention[], claims: readonly Claim[], rates: readonly RateCheck[]): Claim[] {
  const related = new Set<string>();
  // The totals each mention is a part of, to walk up from a count to every total above it.
  const holders = new Map<number, number[]>();
  // The claims each mention is a part of: two mentions are siblings when they share one. (A set of
  // pairs would grow with the square of a long list's parts.)
  const partOf = new Map<number, number[]>();
  claims.forEach((c, k) => {
    for (const p of c.parts) {
      related.add(`m${c.total.mention}:${p.mention}`);
      related.add(`v${c.total.value}:${p.value}`);
      holders.set(p.mention, [...(holders.get(p.mention) ?? []), c.total.mention]);
      partOf.set(p.mention, [...(partOf.get(p.mention) ?? []), k]);
    }
  });
  const siblings = (a: number, b: number): boolean => a !== b && (partOf.get(a) ?? []).some((k) => (partOf.get(b) ?? []).includes(k));
  const within = (part: number, whole: number): boolean => {
    const seen = new Set<number>();
    const queue = [...(holders.get(part) ?? [])];
    while (queue.length) {
      const t = queue.pop() as number;
      if (t === whole) return true;
      if (seen.has(t)) continue;
      seen.add(t);
      queue.push(...(holders.get(t) ?? []));
    }
    return false;
  };
  const starts = lineStarts(text);
  const out: Claim[] = [];
  // The counts each share stands for, where both are figures of the text (a denominator the rate
  // reader put together, a sum of counts or a plan, is none), of one kind, the count at most its base.
  const read = rates.flatMap((r) => {
    const num = mentions[r.numerator.mention];
    const den = mentions[r.denominator.mention];
    if (!num || !den || den.value !== r.denominator.value || num.value !== r.numerator.value) return [];
    if (num.index === den.index || num.value > den.value || r.stated.value > 1 || !sameKind(num.unit, den.unit)) return [];
    return [{ r, num, den }];
  });
  // One-part claims: of the shares that hold, below 100 % (办结率100% says the count is the whole).
  const pairs = read.filter(({ r, num, den }) => r.verdict === 'ok' && num.value < den.value && num.value > 0);
  // Counts each given with its share of one base, in several wordings (占案件总数的22.0%，占总数的35.6%):
  // the base's parts when a run of them, in text order, makes it up exactly, two or more. The shares
  // of one base may hold several such runs (by respondent, then by reviewing body) and items of none.
  // Whether each stated share is right does not matter here, only which base it was read against.
  const byBase = new Map<number, Mention[]>();
  // The stated share of each count, by the count's and the base's mentions.
  const stated = new Map<string, Mention>();
  for (const { r, num, den } of read) {
    if (num.index > den.index) byBase.set(den.index, [...(byBase.get(den.index) ?? []).filter((m) => m.index !== num.index), num]);
    const share = mentions[r.stated.mention];
    if (share?.percent) stated.set(`${den.index}:${num.index}`, share);
  }
  // Shares already put in a claim of shares, so that the reading without counts adds none twice.
  const summed = new Set<number>();
  for (const [b, nums] of byBase) {
    const den = mentions[b];
    const ordered = [...nums].sort((x, y) => x.index - y.index);
    const fits = (sum: number, run: readonly Mention[]): boolean => Math.abs(sum - den.value) <= tolerance([den, ...run]);
    for (const run of runsMakingUp(ordered, (m) => m.value, den.value, fits, tolerance([den, ...ordered]))) {
      const same = claims.some((c) => c.total.mention === b && c.parts.length === run.length && run.every((m) => c.parts.some((p) => p.mention === m.index)));
      const inside = run.some((m) => siblings(m.index, b) || within(m.index, b));
      if (!same && !inside) {
        out.push(claimAtTotal(text, starts, { trigger: '', total: den, totalLabel: den.phrase, parts: run.map((m) => ({ m, label: m.phrase })), complete: false, reading: 'share' }));
      }
      for (const m of run) {
        related.add(`m${b}:${m.index}`);
        related.add(`v${den.value}:${m.value}`);
      }
      // The counts make the base up, so their stated shares are the whole, 100 %, within the
      // rounding of each. Where they are not, a share is wrong and its own check says which one.
      const shares = run.map((m) => stated.get(`${b}:${m.index}`));
      if (shares.every((x): x is Mention => x !== undefined)) {
        const claim = sharesOfWhole(text, starts, den, shares);
        if (claim) {
          out.push(claim);
          for (const x of shares) summed.add(x.index);
        }
      }
    }
  }
  out.push(...sharesWithoutCounts(text, starts, mentions, summed));
  for (const { r, num, den } of pairs) {
    const [numLabel, denLabel] = [r.numerator.label, r.denominator.label];
    const keys = [`m${den.index}:${num.index}`, `v${den.value}:${num.value}`];
    if (keys.some((k) => related.has(k)) || siblings(num.index, den.index) || within(num.index, den.index)) continue;
    for (const k of keys) related.add(k);
    out.push(
      claimAtTotal(text, starts, {
        trigger: '',
        total: den,
        totalLabel: denLabel,
        parts: [{ m: num, label: numLabel }],
        complete: false,
        reading: 'share',
      }),
    );
  }
  return out;
}

/** Phrases of a share written after its item's name: 男性占86.1%, 占比为19.7%, 占总数的35.6%. */
const SHARE_PHRASE = /(?:占比?|比例|比重|构成比)(?:为|是|达)?$|占[^，,；;。]{0,12}的$/;
/** A change or a target (同比上升5%, 增长12%), or a bound (超过5%, 不足1%, 达到95%): no share of a whole. */
const notAShare = (words: string): boolean => NOT_A_SHARE.test(words) || /超过|不足|达到/.test(words);

/**
 * How far stated shares may add up from 100 % by their rounding alone: less than half the last digit
 * of each (92.71% + 7.28% = 99.99% is no rounding of two shares of one whole; it is a truncation).
 */
function roundingOf(shares: readonly Mention[]): number {
  return shares.reduce((s, m) => s + 0.5 * 10 ** -(m.decimals + 2), 0) * (1 - 1e-9);
}

/**
 * The whole as a percentage, 100 %, standing at the figure the shares are of: the total of a claim
 * of shares. It is exact (the whole by definition), so its last digit adds no rounding.
 */
function wholeAt(at: Mention): Mention {
  const { marker: _marker, ...rest } = at;
  return { ...rest, text: '100%', value: 1, unit: '%', percent: true, approx: false, decimals: 12, kind: 'rate' };
}

/**
 * A claim that `shares` together are the whole, 100 %, when they add up to it within the rounding of
 * each stated figure (eight shares to one decimal may add up to 100.2 %); undefined when they do not.
 */
function sharesOfWhole(text: string, starts: number[], at: Mention, shares: readonly Mention[]): Claim | undefined {
  const whole = wholeAt(at);
  const sum = sumOf(shares);
  if (Math.abs(sum - 1) > roundingOf(shares)) return undefined;
  const claim = claimAtTotal(text, starts, {
    trigger: '',
    total: whole,
    totalLabel: at.percent ? '' : at.phrase,
    parts: shares.map((m) => ({ m, label: m.phrase })),
    complete: true,
    reading: 'share-sum',
  });
  // The same rounding, as the verdict weighs it: a claim of shares is made only where they agree.
  if (!claim.ok) return undefined;
  const shown = `${Number((sum * 100).toPrecision(12))}%`;
  const note = textMsg('text.note-share-sum', { sum: shown, count: shares.length });
  return { ...claim, note: claim.note ? joinNotes([claim.note, note]) : note };
}

/**
 * Shares written one after another with no base (男性占86.1%，女性占13.9%): items of one whole when,
 * two or more in a row of one sentence, they add up to 100 % within their rounding. Names, counts
 * and separators may stand between them, no other percentage, and each is worded as a share (占,
 * 占比, 比例), not a change. A row that does not add up to 100 % says nothing: its items may be some
 * of the whole's.
 */
function sharesWithoutCounts(text: string, starts: number[], mentions: readonly Mention[], summed: ReadonlySet<number>): Claim[] {
  const out: Claim[] = [];
  const isShare = (m: Mention): boolean => {
    const words = normalizePhrase(m.phrase);
    return m.percent && !m.approx && m.value <= 1 && !summed.has(m.index) && SHARE_PHRASE.test(m.phrase.replace(/\s+/g, '')) && !notAShare(words);
  };
  let k = 0;
  while (k < mentions.length) {
    if (!isShare(mentions[k])) {
      k++;
      continue;
    }
    const row: Mention[] = [mentions[k]];
    let j = k + 1;
    // After two shares, an item named without 占 (…，表扬类占0.13%，其他类 0.01%) goes on the row.
    const named = (m: Mention): boolean => row.length >= 2 && m.percent && !m.approx && !summed.has(m.index) && /^[\u4e00-\u9fff（）()]{1,8}$/.test(m.phrase.replace(/\s+/g, '')) && !notAShare(normalizePhrase(m.phrase));
    // Counts between the shares (…共135件，占总量的81.82%；…共22件，占总量的13.33%) are passed over: their
    // base may not be written, but their shares are still of one whole.
    const sameSentence = (m: Mention): boolean => !/\n\s*\n|[。！？]/.test(text.slice(row[row.length - 1].end, m.start)) && m.start > row[row.length - 1].end;
    while (j < mentions.length && sameSentence(mentions[j])) {
      const m = mentions[j];
      if (isShare(m) || named(m)) row.push(m);
      else if (m.percent || m.approx) break;
      j++;
    }
    if (row.length >= 2) {
      const fits = (sum: number, run: readonly Mention[]): boolean => Math.abs(sum - 1) <= roundingOf(run);
      let taken = -1;
      for (const found of runsMakingUp(row, (m) => m.value, 1, fits, roundingOf(row))) {
        // The shortest run within rounding of 100 %, and the small shares right after it that keep it
        // so (…，表扬类占0.13%，其他类 0.01%): the last items of the same list.
        const run = [...found];
        let next = row.indexOf(run[run.length - 1]) + 1;
        if (row.indexOf(run[0]) <= taken) continue;
        while (next < row.length && fits(sumOf([...run, row[next]]), [...run, row[next]])) run.push(row[next++]);
        taken = next - 1;
        const claim = sharesOfWhole(text, starts, run[0], run);
        if (claim) out.push(claim);
      }
    }
    k = j;
  }
  return out;
}
