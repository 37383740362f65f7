// Shares and rates stated beside their counts: "…540件，占比67.5%" of a total of 800, "住房保障43件(30.2%)",
// "即办件3,000件，即办率62.5%" of 4,800. A stated percentage holds when it is within half a unit of its
// last shown digit of the quotient (67.5% → ±0.05 points; 13% → ±0.5). Shares that were visibly
// forced to add up to 100 % (46/64 = 71.875 % written 71.87 %, 13/1046 = 1.24 % written 1.3 %, so
// that the column sums to 100) get a softer warning, not an error. Pure TypeScript.
import type { Claim } from './claims';
import type { Mention } from './extract';
import { normalizePhrase } from './extract';
import type { Period } from './period';

export interface RateFigure {
  /** Base units (a rate as a fraction: 67.5% → 0.675). */
  value: number;
  text: string;
  label: string;
  mention: number;
}

export interface RateCheck {
  /** share: a part's share of its claim's total; rate: a named rate (办结率) of two stated counts. */
  kind: 'share' | 'rate';
  /** The stated percentage. */
  stated: RateFigure;
  numerator: RateFigure;
  denominator: RateFigure;
  /** numerator / denominator, as a fraction. */
  computed: number;
  /** stated − computed, as a fraction. */
  difference: number;
  /** Half a unit of the stated figure's last digit, as a fraction. */
  tolerance: number;
  /** ok: within tolerance; forced: outside it, but the shares of the list add up to exactly 100 %; mismatch: outside it. */
  verdict: 'ok' | 'forced' | 'mismatch';
  /** The words from the numerator to the stated figure. */
  text: string;
  line: number;
  column: number;
  start: number;
  end: number;
  period?: Period;
}

/** Words that make a percentage a change or a target, not a share: 同比上升5%, 增长12%. */
const NOT_A_SHARE = /同比|环比|增长|增幅|下降|降幅|上升|提高|降低|减少|增加|较上年|比上年|率|目标|以上|以下/;
/** Words of a share: 占比, 占总量的, 占全部…的, 比例, 比重; or nothing at all (43件(30.2%)). */
const SHARE_WORDS = /^(?:占比|占|比例|比重|构成比)|占[^，,；;。]{0,12}的?$|^$/;
/** Qualifiers dropped from a rate's name to find the count it is a rate of: 平均接通率 → 接通. */
const RATE_QUALIFIERS = /^(?:平均|总体|综合|整体|全年|总)/;

function figure(m: Mention, label: string): RateFigure {
  return { value: m.value, text: m.text, label, mention: m.index };
}

/** Half a unit of the last digit of a stated percentage, as a fraction (30.2% → 0.0005). */
function halfUnit(m: Mention): number {
  return 0.5 * 10 ** -(m.decimals + 2);
}

function build(
  kind: RateCheck['kind'],
  stated: Mention,
  num: Mention,
  den: Mention | { value: number; text: string; label: string; index: number },
  text: string,
  numLabel: string,
  denLabel: string,
): RateCheck | undefined {
  if (den.value <= 0) return undefined;
  const computed = num.value / den.value;
  const difference = Number((stated.value - computed).toPrecision(12));
  const tolerance = halfUnit(stated);
  const ok = Math.abs(difference) <= tolerance + 1e-12;
  const start = Math.min(num.start, stated.start);
  return {
    kind,
    stated: figure(stated, stated.phrase),
    numerator: figure(num, numLabel),
    denominator: { value: den.value, text: den.text, label: denLabel, mention: den.index },
    computed,
    difference,
    tolerance,
    verdict: ok ? 'ok' : 'mismatch',
    text: text.slice(start, stated.end),
    line: num.line,
    column: num.column,
    start,
    end: stated.end,
    ...(stated.period ? { period: stated.period } : {}),
  };
}

/**
 * Checks every share that follows a part of a claim (the claim's total is the denominator) and
 * every named rate whose numerator is a count named like the rate (办结率 ← 已办结1121件, 即办率 ←
 * 即办件) with the total it is part of, or the nearest larger count of its unit before it, as the
 * denominator. A rate whose numerator cannot be named this way is not checked: a guessed numerator
 * would make false errors.
 */
export function checkRates(text: string, mentions: readonly Mention[], claims: readonly Claim[]): RateCheck[] {
  const out: RateCheck[] = [];
  const checked = new Set<number>();
  const totalOfPart = new Map<number, Claim>();
  for (const c of claims) for (const p of c.parts) if (!totalOfPart.has(p.mention)) totalOfPart.set(p.mention, c);

  // Shares: a percentage right after a part, in its item (no other count between).
  for (const c of claims) {
    if (c.total.approx || c.parts.some((p) => p.approx)) continue;
    const group: RateCheck[] = [];
    for (const p of c.parts) {
      const m = mentions[p.mention];
      const next = mentions[m.index + 1];
      if (!next || !next.percent || next.approx || checked.has(next.index)) continue;
      const between = text.slice(m.end, next.start);
      if (between.length > 14 || /[。；;\n]/.test(between.replace(/[（(][^）)]*$/, ''))) continue;
      const words = normalizePhrase(next.phrase);
      if (NOT_A_SHARE.test(words) || !SHARE_WORDS.test(words)) continue;
      const total = mentions[c.total.mention];
      const den = c.total.text.includes('+') ? { value: c.total.value, text: c.total.text, label: c.total.label, index: total.index } : total;
      const r = build('share', next, m, den, text, p.label, c.total.label);
      if (r) {
        group.push(r);
        checked.add(next.index);
      }
    }
    // Shares of a list that add up to exactly 100 % were rounded to do so: a miss is a warning.
    if (group.length >= 2) {
      const sum = group.reduce((s, r) => s + r.stated.value, 0);
      const parts = group.reduce((s, r) => s + r.numerator.value, 0);
      const complete = Math.abs(parts - c.total.value) < 1e-9 * Math.max(1, c.total.value);
      if (Math.abs(sum - 1) < 1e-9 && complete) for (const r of group) if (r.verdict === 'mismatch') r.verdict = 'forced';
    }
    out.push(...group);
  }

  // Named rates: 办结率98.94% after 已办结1121件, 即办率62.5% after 即办件3000件.
  for (const r of mentions) {
    if (!r.percent || r.approx || checked.has(r.index)) continue;
    const name = normalizePhrase(r.phrase);
    if (!name.endsWith('率') || NOT_A_SHARE.test(name.slice(0, -1))) continue;
    const stem = name.slice(0, -1).replace(RATE_QUALIFIERS, '');
    if (stem.length < 2) continue;
    // The numerator: the nearest count before the rate in its sentence named with the rate's stem,
    // or, right before it, a count of a state reached (已处理3件, 已办结1121件).
    const before = mentions.slice(Math.max(0, r.index - 8), r.index).filter((m) => m.sentence >= r.sentence - 1 && !m.percent && m.kind === 'count');
    let num = [...before].reverse().find((m) => normalizePhrase(m.phrase).includes(stem) || normalizePhrase(`${m.phrase}${m.object}`).includes(stem));
    const last = before[before.length - 1];
    if (!num && last && last.sentence === r.sentence && /^已|^均已/.test(last.phrase.replace(/\s+/g, ''))) num = last;
    if (!num || num.approx) continue;
    let claim = totalOfPart.get(num.index);
    // A claim whose total is in an earlier sentence, while a larger count of the unit stands before
    // the numerator in its own sentence (…。其中城市供水5038份，合格4999份，合格率99.2%): the rate is of
    // the nearer count.
    const local = claim && mentions[claim.total.mention].sentence < num.sentence
      ? [...before].reverse().find((m) => m.index < num!.index && m.sentence === num!.sentence && m.unit === num!.unit && m.value >= num!.value && !m.approx)
      : undefined;
    if (local) claim = undefined;
    let den: Mention | undefined = claim ? mentions[claim.total.mention] : local;
    if (claim && claim.total.text.includes('+')) continue;
    if (!den) {
      den = [...before].reverse().find((m) => m.index < num!.index && m.unit === num!.unit && m.value >= num!.value && !m.approx);
    }
    if (!den || den.approx) continue;
    const check = build('rate', r, num, den, text, num.phrase, den.phrase);
    if (check) {
      out.push(check);
      checked.add(r.index);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
