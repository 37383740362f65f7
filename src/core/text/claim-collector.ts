// The state of one reading of a report's claims and how a claim is recorded: the figures and text
// being read, which figures are parts already, and the claims made. The readers build on it in
// layers: unmarked-sums.ts (figures that add up to a total without a marker), unmarked-subsets.ts
// (subsets and partial lists without a marker), claim-totals.ts (which figure a marked list is of)
// and claims.ts (the marked lists).
import type { Claim, Reading, SkippedClaim } from './claim-types';
import { judge, completeWording, type Draft } from './claim-verdict';
import { CARRIED_OVER, OVERLAP_WORDS, PER, SELECTION, cleanLabel, depths, isRestItem, sumOf, tolerance } from './claim-words';
import { lineStarts, normalizePhrase, type Mention } from './extract';
import type { Part } from './list-reader';
import { readingScan } from './reading';

/** The longest stretch of words before a figure that is kept as its label. */
const LABEL_SPAN = 120;

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
  /** Per offset: line breaks before it that open a line with words (blank lines are no paragraphs). */
  protected readonly paragraphsBefore: Int32Array;
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
    this.paragraphsBefore = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      const c = this.scan[i];
      this.linesBefore[i + 1] = this.linesBefore[i] + (c === '\n' ? 1 : 0);
      this.endsBefore[i + 1] = this.endsBefore[i] + (c === '。' || c === '！' || c === '？' ? 1 : 0);
      const next = c === '\n' ? this.scan.indexOf('\n', i + 1) : -1;
      const worded = c === '\n' && /\S/.test(this.scan.slice(i + 1, next < 0 ? n : next));
      this.paragraphsBefore[i + 1] = this.paragraphsBefore[i] + (worded ? 1 : 0);
    }
  }

  private readonly phraseWords: Array<string | undefined> = [];

  /** A figure's phrase as normalizePhrase gives it, worked out once a figure: rules compare them pair by pair. */
  protected wordsOf(m: Mention): string {
    return (this.phraseWords[m.index] ??= normalizePhrase(m.phrase));
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

  protected emit(draft: Draft): number | undefined {
    const d = withoutCarriedOver(draft);
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

  /** A part's words: at most LABEL_SPAN characters before it, which no real label comes near. */
  protected label(from: number, m: Mention): string {
    return cleanLabel(this.text.slice(Math.max(from, m.start - LABEL_SPAN), m.start));
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
    const labels = parts.map((p) => this.label(p.labelStart, p.m));
    // A list that ends with the rest (…、其他信息105条) says by itself that it is complete, as a 共计 does.
    // Not in a list of the first few (居前五位的是：…；其他300件次), where the rest is one of them.
    const ranked = parts.length > 0 && /前\s*[一二三四五六七八九十\d]+\s*[位名]/.test(this.scan.slice(total.end, parts[0].m.start));
    const restLast = labels.length >= 2 && !ranked && isRestItem(normalizePhrase(labels[labels.length - 1]));
    return this.emit({
      text: this.text.slice(claimStart, endOffset),
      start: claimStart,
      end: endOffset,
      trigger,
      total,
      // A figure in brackets after its name (基础信息公开(26条)) has no words of its own: its name is its label.
      totalLabel: total.phrase || this.label(s0, total),
      ...(compound ? { compound, totalValue: sumOf(compound) } : {}),
      parts: parts.map((p, k) => ({ m: p.m, label: labels[k], overlap: p.overlap || OVERLAP_WORDS.test(labels[k]) })),
      complete: wording !== undefined || restLast,
      selection: SELECTION.test(lead),
      reading,
      ...(parent !== undefined ? { parent } : {}),
    });
  }

  /** A rate per unit, not an amount: 20元/人/月, 标准是每人每年960元, 人均… */
  protected perUnit(m: Mention): boolean {
    return /^\s*[/／]/.test(this.scan.slice(m.end, m.end + 2)) || /每/.test(this.clauseLead(m)) || PER.test(m.phrase);
  }

  /** The words of a figure's clause before it (标准是每人每年 for 960元, 已建成 for 80个). */
  protected clauseLead(m: Mention): string {
    const before = this.scan.slice(Math.max(0, m.start - 20), m.start);
    return before.slice(before.search(/[^，,；;。\n]*$/));
  }

  /** Whether `m` is named as a subset of the figure before it (卫生人员1718人，卫生技术人员1540人). */
  protected subsetOfPrevious(m: Mention): boolean {
    const prev = this.mentions[m.index - 1];
    return prev !== undefined && !prev.percent && prev.unit === m.unit && prev.value >= m.value && namesSubset(this.wordsOf(m), this.wordsOf(prev));
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
 * Whether a part's words name a subset of what the total's words name: the total's own word (出生,
 * 卫生人员), two characters or more, under a qualifier of one to four characters, in front (二孩出生) or
 * inside a word of four or more (卫生技术人员).
 */
export function namesSubset(words: string, totalWords: string): boolean {
  if (staffWithin(words, totalWords)) return true;
  const key = totalWords.replace(/^(?:全(?:市|县|区|省|州|旗)?|共|累计|总)+/, '');
  const extra = words.length - key.length;
  if (key.length < 2 || extra < 1 || extra > 4) return false;
  // Grades of severity are classes side by side, not one within another: 危重型 cases are not 重型 ones.
  if (/^危/.test(words) && /^重/.test(key)) return false;
  return words.endsWith(key) || (key.length >= 4 && words.startsWith(key.slice(0, 2)) && words.endsWith(key.slice(2)));
}

// The kinds of health staff in the statistics' own hierarchy: 卫生技术人员 are among a body's staff
// (职工, 卫生人员, 工作人员), and doctors, nurses, pharmacists and technicians among 卫生技术人员. Their names
// share no word with the staff count they belong to, so namesSubset could not see it from the words.
const HEALTH_TECHNICAL = /^(?:其中)?(?:[^，,；;。]{0,14}等)?(?:卫生|专业)技术人员$/;
const CLINICAL = /^(?:其中)?(?:执业(?:[(（]?助理[)）]?)?医师|注册护士|护士|药师|技师|药剂人员|检验人员)$/;
const STAFF = /职工|卫生人员|工作人员|员工|从业人员|在岗人员|人员总数/;

/** Whether the words name a kind of health staff (卫生技术人员, 注册护士). */
export function isStaffKind(words: string): boolean {
  return HEALTH_TECHNICAL.test(words) || CLINICAL.test(words);
}

/** Whether a part's words name staff of a kind counted within the total's staff (在职职工642人，卫生技术人员562人). */
function staffWithin(words: string, totalWords: string): boolean {
  if (HEALTH_TECHNICAL.test(words)) return STAFF.test(totalWords) && !/卫生技术人员/.test(totalWords);
  return CLINICAL.test(words) && (STAFF.test(totalWords) || /卫生技术人员$/.test(totalWords));
}

/** Words of a total of cases already concluded: 办结, 答复, 审结. */
const CONCLUDED = /办结|答复|审结|办理完毕|处理完毕|结案/;

/**
 * A list of how concluded cases ended that closes with the cases carried over (共办结733件，其中予以公开
 * 238件…，其他处理76件，转接下年度办理45件): those are no part of the concluded, when the items before them
 * make the total up exactly.
 */
function withoutCarriedOver(d: Draft): Draft {
  const last = d.parts[d.parts.length - 1];
  if (d.parts.length < 3 || !last || !CONCLUDED.test(normalizePhrase(d.totalLabel)) || !CARRIED_OVER.test(normalizePhrase(last.label))) return d;
  const rest = d.parts.slice(0, -1);
  const sum = sumOf(rest.map((p) => p.m));
  return Math.abs(sum - d.total.value) <= tolerance([d.total, ...rest.map((p) => p.m)]) ? { ...d, parts: rest } : d;
}
