// Shares written with their fractions, as journal abstracts and epidemic analyses print them:
// 外地户籍者占72.6%(320/441)，本市户籍者占27.4%(121/441). The fractions of one sentence over the same
// denominator are the parts of that denominator when their numerators make it up exactly: 441 = 320 +
// 121. Only an exact sum makes a claim, since nothing else says the groups are complete and apart
// (前10年…35岁及以上者8.2%(20/243) is another dimension of the same 243). The figures become mentions
// of their own, as a table's cells do. Pure TypeScript.
import type { Claim } from './claim-types';
import { claimAtTotal } from './claim-verdict';
import type { Mention } from './extract';
import { paragraphStart, runsMakingUp } from './claim-words';
import { lineStarts, readingScan } from './reading';
import { cellMention } from './text-tables';

/** A fraction in brackets right after a percentage: 72.6%(320/441), 6.2% (15/243), [63.1%(125/198)]. */
const FRACTION = /[%％]\s*[）)]?\s*[（(]\s*(\d[\d ,]*)\s*[/／]\s*(\d[\d ,]*)\s*[)）]/g;
const SENTENCE_END = /[。！？!?\n]/;

const valueOf = (s: string): number => Number(s.replace(/[ ,]/g, ''));

/**
 * Claims of the fractions in `text`: per sentence and denominator, the numerators that add up to it
 * exactly, two or more. Their figures are mentions numbered from `firstIndex` on.
 */
export function fractionClaims(text: string, firstIndex: number): { claims: Claim[]; cells: Mention[] } {
  const scan = readingScan(text);
  const starts = lineStarts(text);
  const claims: Claim[] = [];
  const cells: Mention[] = [];
  // Fractions by sentence and denominator, in text order, with the words of their shares.
  const groups = new Map<string, Array<{ num: string; numAt: number; den: string; denAt: number; label: string }>>();
  let sentence = 0;
  let last = 0;
  for (let m = FRACTION.exec(scan); m; m = FRACTION.exec(scan)) {
    for (let i = last; i < m.index; i++) if (SENTENCE_END.test(scan[i])) sentence++;
    last = m.index;
    const numAt = m.index + m[0].indexOf(m[1]);
    const denAt = scan.indexOf(m[2], numAt + m[1].length);
    const key = `${sentence}:${valueOf(m[2])}`;
    const list = groups.get(key) ?? [];
    // The share's words, back to its clause's start (外地户籍者占72.6% → 外地户籍者).
    const from = Math.max(0, m.index - 40);
    const clause = from + scan.slice(from, m.index).search(/[^，,；;：:。！？\n（(\[【]*$/);
    const label = text
      .slice(clause, m.index)
      .replace(/[\d.]+\s*$/, '')
      .replace(/(?:占|为|的)+\s*$/, '')
      .trim();
    list.push({ num: m[1].trim(), numAt, den: m[2].trim(), denAt, label });
    groups.set(key, list);
  }
  for (const all of groups.values()) {
    // The first run of consecutive fractions whose numerators make the denominator up, two or more (a
    // fraction of another dimension before or after it stays out).
    const [list] = runsMakingUp(all, (f) => valueOf(f.num), valueOf(all[0].den), (sum) => sum === valueOf(all[0].den));
    if (!list) continue;
    const mention = (s: string, at: number): Mention => {
      const m = { ...cellMention(starts, firstIndex + cells.length, { text: s, start: at }, '', '', paragraphStart(text, at)), value: valueOf(s) };
      cells.push(m);
      return m;
    };
    const t = mention(list[0].den, list[0].denAt);
    const parts = list.map((f) => mention(f.num, f.numAt));
    claims.push(
      claimAtTotal(text, starts, {
        trigger: '',
        total: t,
        totalLabel: '',
        parts: parts.map((m, k) => ({ m, label: list[k].label })),
        complete: false,
        reading: 'fraction',
      }),
    );
  }
  return { claims, cells };
}
