// The same figure stated twice with different values (seed 001: 帮助解决问题6个 vs 解决实际问题56个;
// 帮扶4家医院 vs 帮扶34家医疗机构). Pure TypeScript.
//
// Reports restate whole passages (an activity in the summary, again in the leader's section), and
// they also mention a subset and its whole with the same words (处罚决定书85份 for medical cases,
// 处罚决定书129份 for all cases). Phrases alone cannot tell the two apart; the passage can. So:
//
// 1. Two sentences are a restatement of each other when they share anchors: at least two figures
//    with the same value and unit (84场次, 179家, 38条), or one such figure ≥ 10 whose phrases are
//    also similar. Percentages and figures below 3 are no anchors (100%, 1人, 2次 are everywhere).
// 2. Within a restated pair of sentences, two exact figures of the same unit whose indicator
//    phrases are similar (after dropping fillers such as 累计/帮助/实际/在/的, longest common
//    subsequence ≥ 75 % of the longer phrase, at least 2 characters) but whose values differ are
//    a conflict.
// 3. Apart from that, a rate stated twice under the same normalised name ending in 率 with
//    different exact values (审核率100% … 审核率95%) is a conflict wherever it stands.
import type { Mention } from './extract';

export interface RepeatedFigure {
  first: Mention;
  second: Mention;
  /** 'restated': found in two restatements of one passage; 'rate': the same named rate twice. */
  basis: 'restated' | 'rate';
  /** The figures both passages share (for the report; empty for 'rate'). */
  anchors: Array<[Mention, Mention]>;
}

/** Longest common subsequence length of two strings (by UTF-16 unit; phrases are BMP Chinese). */
function lcs(a: string, b: string): number {
  if (!a || !b) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    }
    prev = cur;
  }
  return prev[b.length];
}

/** Whether two normalised indicator phrases name the same indicator. */
export function similarKeys(a: string, b: string): boolean {
  if (a.length < 2 || b.length < 2) return false;
  if (a === b) return true;
  return lcs(a, b) >= 0.75 * Math.max(a.length, b.length);
}

function sameFigure(a: Mention, b: Mention): boolean {
  return a.unit === b.unit && a.approx === b.approx && Math.abs(a.value - b.value) <= 1e-9 * Math.max(1, Math.abs(a.value));
}

function isAnchor(m: Mention): boolean {
  return !m.percent && (m.value >= 3 || !Number.isInteger(m.value));
}

export function findRepeatedFigures(mentions: readonly Mention[]): RepeatedFigure[] {
  const bySentence = new Map<number, Mention[]>();
  for (const m of mentions) {
    const list = bySentence.get(m.sentence);
    if (list) list.push(m);
    else bySentence.set(m.sentence, [m]);
  }
  const sentences = [...bySentence.values()];
  const out: RepeatedFigure[] = [];
  const flagged = new Set<number>();

  // Only sentence pairs that share at least one anchor figure can be restatements.
  const byFigure = new Map<string, Set<number>>();
  sentences.forEach((list, i) => {
    for (const m of list) {
      if (!isAnchor(m)) continue;
      const k = `${m.unit}\u0000${Number(m.value.toPrecision(12))}\u0000${m.approx}`;
      let set = byFigure.get(k);
      if (!set) byFigure.set(k, (set = new Set()));
      set.add(i);
    }
  });
  const pairs = new Set<number>();
  const n = sentences.length;
  for (const set of byFigure.values()) {
    const ids = [...set];
    for (let x = 0; x < ids.length; x++) for (let y = x + 1; y < ids.length; y++) pairs.add(Math.min(ids[x], ids[y]) * n + Math.max(ids[x], ids[y]));
  }

  for (const code of [...pairs].sort((a, b) => a - b)) {
    const i = Math.floor(code / n);
    const j = code % n;
    const A = sentences[i];
    const B = sentences[j];
    const anchors: Array<[Mention, Mention]> = [];
    const anchorSet = new Set<number>();
    for (const a of A) {
      if (!isAnchor(a)) continue;
      const b = B.find((x) => !anchorSet.has(x.index) && sameFigure(a, x));
      if (b) {
        anchors.push([a, b]);
        anchorSet.add(a.index);
        anchorSet.add(b.index);
      }
    }
    const restated =
      anchors.length >= 2 || anchors.some(([a, b]) => a.value >= 10 && similarKeys(a.key, b.key));
    if (!restated) continue;
    for (const a of A) {
      if (anchorSet.has(a.index) || a.approx || flagged.has(a.index)) continue;
      for (const b of B) {
        if (anchorSet.has(b.index) || b.approx || flagged.has(b.index)) continue;
        if (a.unit !== b.unit || sameFigure(a, b)) continue;
        if (!similarKeys(a.key, b.key)) continue;
        out.push({ first: a, second: b, basis: 'restated', anchors });
        flagged.add(a.index);
        flagged.add(b.index);
        break;
      }
    }
  }

  const rates = mentions.filter((m) => m.percent && !m.approx && m.key.endsWith('率'));
  for (let i = 0; i < rates.length; i++) {
    for (let j = i + 1; j < rates.length; j++) {
      const a = rates[i];
      const b = rates[j];
      if (flagged.has(a.index) || flagged.has(b.index)) continue;
      if (a.key !== b.key || sameFigure(a, b)) continue;
      out.push({ first: a, second: b, basis: 'rate', anchors: [] });
      flagged.add(a.index);
      flagged.add(b.index);
    }
  }
  return out.sort((x, y) => x.first.start - y.first.start);
}
