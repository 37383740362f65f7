// A share checked against two stated counts also says that one count is part of the other:
// 疑似职业性化学中毒281例(占2.92%)，以苯中毒为主(214例，占76.16%) holds 214 of the 281. Counts each
// given with their share of one base, whatever the wording of each share (占案件总数的22.0%，占总数的
// 35.6%), are the base's parts when together they make it up exactly. Where no claim of the prose
// already relates a share's count to its base, the pair becomes a claim of one part, so that "parts
// never exceed totals" is asked of it as of any 其中 with one part. The shares themselves are judged
// in rates.ts; this only adds claims. Pure TypeScript.
import type { Claim } from './claim-types';
import { claimAtTotal } from './claim-verdict';
import { runsMakingUp, sameKind, tolerance } from './claim-words';
import type { Mention } from './extract';
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
  for (const { num, den } of read) {
    if (num.index > den.index) byBase.set(den.index, [...(byBase.get(den.index) ?? []).filter((m) => m.index !== num.index), num]);
  }
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
    }
  }
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
