// Shares and rates stated beside their counts: "…540件，占比67.5%" of a total of 800, "住房保障43件(30.2%)",
// "即办件3,000件，即办率62.5%" of 4,800. A stated percentage holds when it is within half a unit of its
// last shown digit of the quotient (67.5% → ±0.05 points; 13% → ±0.5). Shares that were visibly
// forced to add up to 100 % (46/64 = 71.875 % written 71.87 %, 13/1046 = 1.24 % written 1.3 %, so
// that the column sums to 100) get a softer warning, not an error. Pure TypeScript.
import type { Claim } from './claims';
import { lineStarts } from './reading';
import { cellMention, type TableRate } from './text-tables';
import type { Mention } from './extract';
import { normalizePhrase } from './extract';
import type { Period } from './period';
import { CARRIED_OVER, NOT_A_SHARE, countBeforeShare, figureBeforeBracket, holdsInOrder, isChange, sameKind, sharesWord, sumOf } from './claim-words';

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

/** Words of a share: 占比, 占总量的, 占全部…的, 比例, 比重; or nothing at all (43件(30.2%)). */
const SHARE_WORDS = /^(?:占比|占|比例|比重|构成比)|占[^，,；;。]{0,12}的?$|^$/;
/** Qualifiers dropped from a rate's name to find the count it is a rate of: 平均接通率 → 接通. */
const RATE_QUALIFIERS = /^(?:平均|总体|综合|整体|全年|总|单位)/;

function figure(m: Mention, label: string): RateFigure {
  return { value: m.value, text: m.text, label, mention: m.index };
}

/**
 * The shares of one list whose stated figures add up to exactly 100 % were rounded to do so: a share
 * that misses its counts by no more than that rounding could move it is forced (a warning), not
 * wrong. That is the rounding of all the list's shares put on this one, past its own (30.2% for 30.9%
 * in a list of 17 one-decimal shares); 74.9% for 75.3% in a list of three is off by more, and wrong
 * whatever the list adds up to.
 */
function markForced(group: readonly RateCheck[]): void {
  if (Math.abs(group.reduce((t, r) => t + r.stated.value, 0) - 1) >= 1e-9) return;
  for (const r of group) if (r.verdict === 'mismatch' && Math.abs(r.difference) <= (group.length + 1) * r.tolerance + 1e-12) r.verdict = 'forced';
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
  // Counts printed rounded to 万 or 亿 (3.34万人 of 5.64万人) are known only to half their last digit:
  // the stated share need only fit some pair of counts that round to them.
  const spread = (m: { value: number; decimals?: number }): number => (m.decimals !== undefined && m.decimals < 0 ? 0.5 * 10 ** -m.decimals : 0);
  const [hn, hd] = [spread(num), spread(den)];
  const low = (num.value - hn) / (den.value + hd);
  const high = den.value - hd > 0 ? (num.value + hn) / (den.value - hd) : Infinity;
  const ok = Math.abs(difference) <= tolerance + 1e-12 || (hn + hd > 0 && stated.value >= low - tolerance && stated.value <= high + tolerance);
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

/** The base a share names: 占投诉举报总数的 → 投诉举报, 占处置伤病员人数的 → 处置伤病员, 卫技人员占卫生系统职工总数的 → 卫生系统职工. */
const NAMED_BASE = /^(?:[^占共计計者，,；;。]{0,8})占(.{2,16}?)(?:总数|總數|人数|人數|总量|總量|总额|總額|数|數|量)?的?$/;

/** Words that may stand before a named base in its count's phrase: 受理投诉举报352起 is 投诉举报. */
const HANDLING = /^(?:受理|接|接收|收到|办理|处置|救治|共|全年|累计|总)*$/;

/**
 * The count's phrase names the base: it is the base, or the base after a verb of handling. 脑血管疾病
 * does not name 疾病: it is one kind of it.
 */
function namesBase(phrase: string, base: string): boolean {
  if (phrase.endsWith(base) && HANDLING.test(phrase.slice(0, phrase.length - base.length))) return true;
  // The base in fewer words than the count's (占卫生系统职工总数的 of 全市卫生系统在职职工总数590人): its
  // characters in order, with the same first and last words once the area in front is dropped. A
  // count with a qualifier in front (呼吸道传染病发病4383例) is a part of the base, not the base.
  const own = phrase.replace(/^(?:(?:全|本|我)(?:省|市|县|区|州))?(?:共有|共|有)?/, '');
  if (base.length >= 4 && own.startsWith(base.slice(0, 2)) && own.endsWith(base.slice(-2)) && holdsInOrder(own, base)) return true;
  // The same after words that say who counted it, closed by 共 (全年本市各级行政复议机关共收到行政复议申请 of
  // 占收到申请总数的): what follows 共 is the count's own name.
  const at = own.lastIndexOf('共');
  const named = at >= 0 ? own.slice(at + 1).replace(/^(?:计|有)/, '') : '';
  return base.length >= 4 && named.startsWith(base.slice(0, 2)) && named.endsWith(base.slice(-2)) && holdsInOrder(named, base);
}

/** Two counts of the same kind of thing (建档936个 of 956家): see sameKind. */
function sameCount(a: Mention, b: Mention): boolean {
  return sameKind(a.unit, b.unit);
}

/**
 * Visits (人次) of a named group of people (补偿受益41565人次，占参合人数的16.96% of 参合人口245052人): a
 * share the text itself takes of people, when it names them as the base.
 */
function visitsOfPeople(num: Mention, base: Mention): boolean {
  return num.unit === '人次' && sameKind(base.unit, '人');
}

/**
 * A percentage that names its own base after it (…其中60所达到推荐标准，100%的乡镇卫生院设有中医馆): a share
 * of what follows, not of the count before.
 */
function ofWhatFollows(text: string, r: Mention): boolean {
  return /^\s*的/.test(text.slice(r.end, r.end + 3));
}

/** A percentage that is no share of the count before it: of what follows, a bound, or of each. */
function noShareOfCountBefore(text: string, r: Mention): boolean {
  return ofWhatFollows(text, r) || isBound(text, r) || ofEach(text, r);
}

/** A percentage said of each figure before it (查处重大隐患3条，均已100%整改完成): a rate of each, no share. */
function ofEach(text: string, r: Mention): boolean {
  return /(?:均|都|全部)(?:已|达|为|是|已经)?\s*$/.test(text.slice(Math.max(0, r.start - 4), r.start));
}

/**
 * A percentage that bounds a class rather than states a share (无碘食盐率小于50%有4个，50%—80%之间的有2个，
 * 90%以上的有26个): a range's end, or a figure after 小于 / 大于 or before 之间 / 以上.
 */
function isBound(text: string, r: Mention): boolean {
  const after = text.slice(r.end, r.end + 4);
  const before = text.slice(Math.max(0, r.start - 4), r.start);
  return /^\s*(?:[-—–~～至到]+\s*\d|之间|以上|以下|以内)/.test(after) || /(?:小于|大于|低于|高于|不足|超过|不到|[<>≤≥＜＞])\s*$|\d\s*[%％]?\s*[-—–~～至到]+\s*$/.test(before);
}

/** The stated rate agrees with num / den within half a unit of its last digit. */
export function fits(r: Mention, num: { value: number }, den: { value: number }): boolean {
  return den.value > 0 && Math.abs(r.value - num.value / den.value) <= halfUnit(r) + 1e-12;
}

/** The words of a count of what should be: 应参加…人数, 全市应监督户数 (not 应急, 应用, 应对, 应答). */
const SHOULD = /^(?:全(?:市|县|区|省|州|旗))?应(?![急用对答])/;

/** A figure given for comparison (与2010年第六次人口普查的671834人相比): no base of this report's shares. */
const COMPARED = /^(?:与|與|较|較|比|和|同)/;

/** Counts of the same kind as `m` among the twelve figures before it that are no percentages, nearest first, none given for comparison. */
function countsBefore(mentions: readonly Mention[], m: Mention): Mention[] {
  // Twelve figures not counting percentages and changes: a bulletin that gives each count its share
  // (18起(占64.29%)) or its change (比上年增加36所) doubles the figures between a count and its base.
  const out: Mention[] = [];
  let seen = 0;
  for (let k = m.index - 1; k >= 0 && seen < 12; k--) {
    const d = mentions[k];
    if (d.percent || isChange(d)) continue;
    seen++;
    if (d.kind === 'count' && !d.approx && sameCount(d, m) && !COMPARED.test(normalizePhrase(d.phrase))) out.push(d);
  }
  return out;
}

/** Counts of the same kind as `m`, not smaller, among the twelve figures before it, nearest first. */
function largerBefore(mentions: readonly Mention[], m: Mention): Mention[] {
  return countsBefore(mentions, m).filter((d) => d.value >= m.value);
}

/**
 * Whether a count's words name the opposite of the rate's stem (不合格 for 合格率, 未办结 for 办结率):
 * the rate is then of the rest of its base (522套，不合格28套，合格率94.64% is (522 − 28) / 522).
 */
function namesOpposite(words: string, stem: string): boolean {
  return !/^[不未无非]/.test(stem) && ['不', '未', '无', '非', '没有'].some((no) => words.includes(no + stem));
}

/** Whether a count's words name the rate's stem: 已办结 for 办结, or every character of a longer stem (筛选高危孕产妇 for 高危筛选). */
function namesStem(words: string, stem: string): boolean {
  return words.includes(stem) || (stem.length >= 3 && [...stem].every((c) => words.includes(c)));
}

/**
 * A named rate's check: the numerator is the nearest count before it named with the rate's stem
 * (before or right after its number: 对1059件投诉举报事项进行了立案查处，查处率12.6%), or, right before
 * it, a count of a state reached (已办结1121件). The denominator is the one of the candidates (the
 * total the numerator is a part of, a larger count of its kind before it) that agrees with the
 * stated rate; when none agrees, a mismatch is reported only for a denominator beyond doubt: the
 * numerator's own total, or the single larger count of its kind in its sentence. A guessed
 * denominator that disagrees would make a false error, so such a rate is left unchecked.
 */
function namedRate(text: string, mentions: readonly Mention[], r: Mention, stem: string, before: readonly Mention[], totalOfPart: ReadonlyMap<number, Claim>, far = false): RateCheck | undefined {
  // The words after a count up to the next figure, without the clause of the rate itself.
  const after = (m: Mention): string => {
    const words = text.slice(m.end, Math.min(r.start, mentions[m.index + 1]?.start ?? r.start)).split(/[，,；;。\n]/);
    return words.length > 1 ? normalizePhrase(words.slice(0, -1).join('')) : '';
  };
  // Further back (a paragraph of counts, then one of rates: 一孩率 after 一孩出生1408人), only a count
  // whose own words hold the stem. Never a count of cases carried over (2封转下年度办结), which are
  // not concluded.
  let num = far
    ? [...before].reverse().find((m) => normalizePhrase(m.phrase).includes(stem))
    : [...before].reverse().find((m) => !CARRIED_OVER.test(m.phrase + text.slice(m.end, Math.min(r.start, m.end + 12))) && (namesStem(normalizePhrase(m.phrase), stem) || normalizePhrase(`${m.phrase}${m.object}`).includes(stem) || after(m).includes(stem)));
  const last = before[before.length - 1];
  if (!far && !num && last && last.sentence === r.sentence && /^已|^均已/.test(last.phrase.replace(/\s+/g, ''))) num = last;
  if (!num || num.approx) return undefined;
  // A figure of another kind named by the stem after the count (住院补偿3283人次，…补偿471万元，平均补偿率
  // 46%): the rate is of that figure, whose base is not among the counts.
  const between = mentions.slice(num.index + 1, r.index);
  if (between.some((m) => !m.percent && m.kind !== 'count' && namesStem(normalizePhrase(m.phrase), stem))) return undefined;
  const n = num;
  // Named before the figure (不合格28套) or after it in its clause (1家口杯细菌总数不合格).
  const opposite = namesOpposite(normalizePhrase(n.phrase), stem) || namesOpposite(normalizePhrase(n.object.split(/[，,；;。]/)[0]), stem);
  let claim = totalOfPart.get(n.index);
  if (claim && claim.total.text.includes('+')) return undefined;
  // A claim whose total is in an earlier sentence, while a larger count of the unit stands before
  // the numerator in its own sentence (…。其中城市供水5038份，合格4999份，合格率99.2%): the rate is of
  // the nearer count.
  const local = claim && mentions[claim.total.mention].sentence < n.sentence
    ? [...before].reverse().find((m) => m.index < n.index && m.sentence === n.sentence && m.unit === n.unit && m.value >= n.value && !m.approx && totalOfPart.get(m.index) !== claim)
    : undefined;
  if (local) claim = undefined;
  const own = claim ? mentions[claim.total.mention] : local;
  // Larger counts of its kind among the twelve figures before it: an agreeing one is taken even a
  // few sentences back (责令整改率 of 监督完成536家 two sentences earlier); a disagreeing one is not.
  const larger = largerBefore(mentions, n);
  const candidates = own ? [own, ...larger.filter((m) => m !== own)] : larger;
  // Of a count of the opposite state, the numerator is what the base has besides it.
  const numOf = (d: Mention): Mention => (opposite ? { ...n, value: d.value - n.value, text: `(${d.text}−${n.text})` } : n);
  // A rate above 100 % (咨询随访率144.71% of 870 screened, two-dose rate 100.36%) is of a smaller
  // count: one of its kind among the figures before that agrees with it.
  const smaller = r.value > 1 ? countsBefore(mentions, n).filter((d) => d.value < n.value) : [];
  const fit = candidates.find((d) => fits(r, numOf(d), d)) ?? smaller.find((d) => fits(r, numOf(d), d));
  const inSentence = larger.filter((m) => m.sentence === n.sentence);
  // A count of what should be (应参加新农合农民人数562.11万人 before 实际参合人数505.45万人) is the
  // base of the rate of what is, in its sentence or the one before.
  const planned = larger.filter((m) => m.unit === n.unit && m.sentence >= n.sentence - 1 && SHOULD.test(normalizePhrase(m.phrase)));
  // A total the reader found by the sum of its parts alone, with no word saying so, is a sure base only
  // when its parts are the rate's state and its opposite (合格29家，不合格1家 of 30家): 胜诉24宗，撤诉3宗
  // make up 审结27宗, but 胜诉率 is often of the cases not withdrawn.
  const bothStates = claim !== undefined && claim.parts.some((p) => namesOpposite(normalizePhrase(`${p.label}${mentions[p.mention]?.object ?? ''}`), stem));
  const ownSure = own !== undefined && (!(claim && claim.reading === 'no-marker') || bothStates) ? own : undefined;
  const sure = ownSure ?? (inSentence.length === 1 && inSentence[0].unit === n.unit ? inSentence[0] : planned.length === 1 ? planned[0] : undefined);
  // A numerator in an item before the rate's own, when the rate's item has counts of its own (…开工57个，
  // 竣工38个；⏎投入资金1455万元，推进233所学校239座改造项目，竣工率100%): the rate may be of those, so a
  // disagreement is no sure mismatch.
  const ownItem = /[；;\n]/.test(text.slice(n.end, r.start)) && mentions.slice(n.index + 1, r.index).some((m) => !m.percent && m.kind === 'count' && !/[；;\n]/.test(text.slice(m.end, r.start)));
  const den = fit ?? (ownItem ? undefined : sure);
  if (!den || den.approx) return undefined;
  return build('rate', r, numOf(den), den, text, n.phrase, den.phrase);
}

/**
 * A completion rate of a task (任务完成率98.89% after 监督任务为179户次，实际监督177户次): the count done
 * (实际…, 完成…) over the count planned (任务…, 计划…, 应…) of its sentence. Both named, a disagreement
 * is reported.
 */
function plannedRate(text: string, r: Mention, stem: string, before: readonly Mention[]): RateCheck | undefined {
  if (!/完成/.test(stem)) return undefined;
  const here = before.filter((m) => m.sentence === r.sentence && !m.approx);
  const plan = here.filter((m) => /任务|计划|^应/.test(normalizePhrase(m.phrase)));
  if (plan.length !== 1) return undefined;
  // The phrase as written: 实际 is a filler the normalized phrase drops.
  const done = here.filter((m) => m.index > plan[0].index && sameCount(m, plan[0]) && /实际|完成|^\s*已/.test(m.phrase));
  if (done.length !== 1) return undefined;
  return build('rate', r, done[0], plan[0], text, done[0].phrase, plan[0].phrase);
}

/**
 * A rate named with its population (调查对象患病率22.61% after 入户调查填报123192人，患病对象27772人):
 * the numerator is the count in its sentence named with the rest of the name (患病), the base the
 * one larger count of its kind before it whose words share a word with the population (调查). Both
 * named, a disagreement is reported.
 */
function qualifiedRate(text: string, r: Mention, stem: string, before: readonly Mention[]): RateCheck | undefined {
  const here = before.filter((m) => m.sentence === r.sentence && !m.approx);
  for (let i = 2; i <= stem.length - 2; i++) {
    const who = stem.slice(0, i);
    const what = stem.slice(i);
    const num = [...here].reverse().find((m) => normalizePhrase(m.phrase).includes(what));
    if (!num) continue;
    const bases = here.filter((m) => m.index < num.index && sameCount(m, num) && m.value >= num.value && sharesWord(normalizePhrase(m.phrase), who));
    if (bases.length === 1) return build('rate', r, num, bases[0], text, num.phrase, bases[0].phrase);
  }
  return undefined;
}

/**
 * A rate whose numerator is not named (监督覆盖率84.90% after 应监督户数24853户，实监督户数21100户):
 * the nearest pair of counts of one kind in its sentence, the larger first, that agrees with it.
 * Only an agreement is reported; no pair agreeing says nothing about the report.
 */
function fittingPair(text: string, r: Mention, before: readonly Mention[]): RateCheck | undefined {
  // The numerator in the rate's sentence; the denominator there or in the sentence before (总任务是
  // 162386人。截止5月底，…实际检查17035人，完成率10.49%).
  const here = before.filter((m) => m.sentence >= r.sentence - 1 && !m.approx);
  for (let i = here.length - 1; i >= 0 && here[i].sentence === r.sentence; i--) {
    for (let j = i - 1; j >= 0; j--) {
      const num = here[i];
      const den = here[j];
      if (sameCount(num, den) && den.value >= num.value && fits(r, num, den)) return build('rate', r, num, den, text, num.phrase, den.phrase);
    }
  }
  return undefined;
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

  // Shares listed after 分别 (0-9岁组12例，…30岁以上组1例，分别占报告发病总数的60%、25%、10%、5%): the
  // k-th percentage is of the k-th count before 分别, over the total those counts are the parts of.
  // When the percentages and the claim's parts do not pair up one to one, none is checked: pairing
  // them by nearness would be wrong.
  for (const r of mentions) {
    if (!r.percent || checked.has(r.index)) continue;
    const lead = /分[别別](?:占|为|為|是)?[^，,；;。！？\d%]{0,16}$/.exec(text.slice(Math.max(0, r.start - 24), r.start));
    if (!lead) continue;
    // Changes listed after 分别 (两数据较上一年度分别增长9.67%、12.83%) are no shares.
    if (/增长|增幅|下降|降幅|上升|提高|降低|减少|增加/.test(normalizePhrase(lead[0]))) continue;
    const run: Mention[] = [r];
    for (let k = r.index + 1; k < mentions.length; k++) {
      const m = mentions[k];
      if (!m.percent || !/^[\s、，,和及与]*$/.test(text.slice(run[run.length - 1].end, m.start))) break;
      run.push(m);
    }
    if (run.length < 2) continue;
    for (const m of run) checked.add(m.index);
    const counts: Mention[] = [];
    for (let k = r.index - 1; k >= 0 && counts.length < run.length && !mentions[k].percent && mentions[k].sentence === r.sentence; k--) counts.unshift(mentions[k]);
    if (counts.length !== run.length || counts.some((m) => m.kind !== 'count' || m.approx)) continue;
    const claim = totalOfPart.get(counts[0].index);
    if (claim && claim.parts.length === counts.length && counts.every((m) => totalOfPart.get(m.index) === claim)) {
      const den = mentions[claim.total.mention];
      counts.forEach((m, i) => {
        const check = build('share', run[i], m, den, text, m.phrase, claim.total.label);
        if (check) out.push(check);
      });
      continue;
    }
    // No claim of exactly these counts: a larger count before them that every pair agrees with is
    // their base (硫化氢94例和一氧化碳72例，分别占15.33%和11.75% of 急性职业中毒613例). Only an agreement
    // of all is reported, as for any base that is not written.
    const base = largerBefore(mentions, counts[0]).find((d) => !counts.includes(d) && counts.every((m, i) => m.value <= d.value && fits(run[i], m, d)));
    if (base) counts.forEach((m, i) => {
      const check = build('share', run[i], m, base, text, m.phrase, base.phrase);
      if (check) out.push(check);
    });
  }

  // Shares: a percentage right after a part, in its item (no other count between).
  for (const c of claims) {
    if (c.total.approx || c.parts.some((p) => p.approx)) continue;
    const group: RateCheck[] = [];
    for (const p of c.parts) {
      const m = mentions[p.mention];
      let next = mentions[m.index + 1];
      // A recap in words between the last part and the share (…幼托儿童86例，两类人群占报告病例总数的98.90%):
      // the share of the parts together, as 共占 says.
      const recap =
        p === c.parts[c.parts.length - 1] &&
        c.parts.length >= 2 &&
        next !== undefined &&
        !next.percent &&
        next.value === c.parts.length &&
        (next.numeral === 'chinese' || /(?:这|以上|上述|前述)\s*$/.test(text.slice(Math.max(0, next.start - 3), next.start)));
      if (recap) next = mentions[next.index + 1];
      // The share follows its count in the text (a table's cells are numbered column by column).
      if (!next || !next.percent || next.approx || checked.has(next.index) || next.start < m.end) continue;
      if (recap && !/^[^，,；;。]{0,8}占/.test(text.slice(mentions[next.index - 1].end, next.start))) continue;
      const between = text.slice(m.end, next.start);
      if (!recap && (between.length > 14 || /[。；;\n]/.test(between.replace(/[（(][^）)]*$/, '')))) continue;
      // A part in a bracket and a share after the bracket closes (3357条(机关信息633条、直属单位信息2724条)，
      // 占…15.52%): the share is of the figure before the bracket.
      if (figureBeforeBracket(mentions, text, m, next.start) !== undefined) continue;
      const words = normalizePhrase(next.phrase);
      if (NOT_A_SHARE.test(words) || !SHARE_WORDS.test(words) || noShareOfCountBefore(text, next)) continue;
      const total = mentions[c.total.mention];
      // 共占, 合计占, 两者共占 after the last part: the share of the parts so far together. So is a share
      // after the last part of a list that agrees with them together and not with that part alone
      // (艾滋病60例、肺结核15例、狂犬病2例，占报告死亡病例总数的100%).
      const upto = c.parts.slice(0, c.parts.indexOf(p) + 1);
      const together = { ...m, value: sumOf(upto.map((q) => mentions[q.mention])), text: upto.map((q) => q.text).join('+') };
      const last = upto.length === c.parts.length && upto.length >= 2;
      const jointByValue = last && !fits(next, m, total) && fits(next, together, total);
      // After the last of three parts or more, a share of a 总数 that fits neither that part nor them all
      // (…梅毒(325例)、丙肝(159例)，占报告病例总数的96.67%) may be of a list the reader has not whole: left alone.
      const othersShared = c.parts.some((q) => q !== p && mentions[mentions[q.mention].index + 1]?.percent);
      if (last && c.parts.length >= 3 && !othersShared && /总数|总量|总计/.test(words) && !fits(next, m, total) && !jointByValue) continue;
      if (jointByValue || recap || /(?:共|合计|合計|两者|兩者|累计)\s*占/.test(text.slice(m.end, next.start))) {
        const joint = build('share', next, together, total, text, upto.map((q) => q.label).join('、'), c.total.label);
        if (joint) {
          group.push(joint);
          checked.add(next.index);
        }
        continue;
      }
      // A share that names its base (网购投诉15475件，占投诉的55.5%) where the claim's total is not that base
      // (网购投诉举报20965件) is of the count before that is (其中投诉27723件).
      const baseName = NAMED_BASE.exec(words)?.[1];
      if (baseName && !namesBase(normalizePhrase(total.phrase), baseName)) {
        const base = largerBefore(mentions, m).find((d) => d.index !== total.index && namesBase(normalizePhrase(d.phrase), baseName));
        if (base) {
          const r = build('share', next, m, base, text, p.label, base.phrase);
          if (r) {
            out.push(r);
            checked.add(next.index);
          }
          continue;
        }
      }
      const den = c.total.text.includes('+') ? { value: c.total.value, text: c.total.text, label: c.total.label, index: total.index } : total;
      // A share that does not agree with the claim's total but with a larger count before it (60岁
      //以上147717人，占22.00%，其中65岁以上108726人，占16.20% of 常住人口671326人): of that count.
      const other = fits(next, m, den) ? undefined : largerBefore(mentions, m).find((d) => d.index !== total.index && fits(next, m, d));
      const r = other ? build('share', next, m, other, text, p.label, other.phrase) : build('share', next, m, den, text, p.label, c.total.label);
      if (r) {
        group.push(r);
        checked.add(next.index);
      }
    }
    // Shares of a list that makes its total up and add up to exactly 100 %: see markForced.
    if (group.length >= 2) {
      const parts = group.reduce((s, r) => s + r.numerator.value, 0);
      if (Math.abs(parts - c.total.value) < 1e-9 * Math.max(1, c.total.value)) markForced(group);
    }
    out.push(...group);
  }

  // Shares whose base is named: 占投诉举报总数的26.98% after 查实的95起, of 受理投诉举报352起 earlier.
  // The base of each, for the shares that go on without naming it.
  const namedBase = new Map<number, Mention>();
  for (const r of mentions) {
    if (!r.percent || r.approx || checked.has(r.index)) continue;
    const base = NAMED_BASE.exec(normalizePhrase(r.phrase));
    const num = countBeforeShare(mentions, r, text);
    if (!base || !num || num.percent || num.approx || num.kind !== 'count' || num.sentence !== r.sentence) continue;
    if (/[。；;\n]/.test(text.slice(num.end, r.start))) continue;
    const name = base[1];
    const candidates = [...mentions.slice(0, num.index)]
      .reverse()
      .filter((m) => !m.percent && m.kind === 'count' && (sameCount(m, num) || visitsOfPeople(num, m)) && m.value >= num.value && namesBase(normalizePhrase(m.phrase).replace(/(?:人口|人数|人數|总数|總數|总量|總量|总额|總額)$/, ''), name));
    // The nearest count of that name; of 总数 (占收到申请总数的), the largest: the whole, not a part
    // named alike (区县政府委办局共收到复议申请1584件 under 共收到行政复议申请6200件).
    const whole = /总数|總數|总量|總量|总额|總額/.test(normalizePhrase(r.phrase));
    const named = whole && candidates.length ? candidates.reduce((a, b) => (b.value > a.value ? b : a)) : candidates[0];
    // A base named in other words than the count's (占发病总数的 of 共报告法定传染病353例): a larger
    // count of its kind before it that agrees; with the base not found by name, only an agreement
    // is reported.
    const den = named ?? largerBefore(mentions, num).find((d) => fits(r, num, d));
    if (!den || den.approx) continue;
    const check = build('share', r, num, den, text, num.phrase, den.phrase);
    if (check) {
      out.push(check);
      checked.add(r.index);
      namedBase.set(r.index, den);
    }
  }

  // Shares that go on without naming their base after one that named it (…1186件，占收到申请总数的19.1%；
  // …1680件，占27.1%；…1584件，占25.6%), or naming it in the same words: of the same base, each share
  // right after its count, all in one paragraph. A share that does not fit is then an error of its
  // own, not a share of some other count.
  for (const r of mentions) {
    if (!r.percent || r.approx || checked.has(r.index) || !/^占/.test(normalizePhrase(r.phrase))) continue;
    const num = countBeforeShare(mentions, r, text);
    if (!num || num.percent || num.approx || num.kind !== 'count' || num.sentence !== r.sentence || /[。\n]/.test(text.slice(num.end, r.start))) continue;
    // The share before it whose base is known: the nearest percentage before its count, in the
    // paragraph, past shares in the same words whose count is not written (保健食品…占总量的2.42%).
    const words = normalizePhrase(r.phrase);
    let prev: Mention | undefined;
    for (let k = num.index - 1; k >= 0 && !prev; k--) {
      const m = mentions[k];
      if (!m.percent) continue;
      if (/\n/.test(text.slice(m.end, num.start))) break;
      if (namedBase.has(m.index)) prev = m;
      else if (normalizePhrase(m.phrase) !== words) break;
    }
    // Worded as 占 alone, or in the same words as the share before (占总量的13.33% after 占总量的81.82%).
    if (!prev || (!/^占比?$/.test(words) && words !== normalizePhrase(prev.phrase))) continue;
    const den = namedBase.get(prev.index);
    if (!den || !sameCount(num, den) || num.value > den.value) continue;
    const check = build('share', r, num, den, text, num.phrase, den.phrase);
    if (check) {
      out.push(check);
      checked.add(r.index);
      namedBase.set(r.index, den);
    }
  }

  // A percentage with its fraction written beside it: 平均罹患率为9.37%(4 767/50 879), 82.14%(23/28)的事件.
  const starts = lineStarts(text);
  for (const r of mentions) {
    if (!r.percent || r.approx || checked.has(r.index)) continue;
    const f = /^\s*[（(]\s*(\d[\d ,]*)\s*[/／]\s*(\d[\d ,]*)\s*[)）]/.exec(text.slice(r.end, r.end + 40));
    if (!f) continue;
    const at = (s: string, from: number): Mention => {
      const i = text.indexOf(s, from);
      const clean = s.replace(/[ ,]/g, '');
      return { ...cellMention(starts, -1, { text: s.trim(), start: i }, '', r.phrase, i), value: Number(clean) };
    };
    const num = at(f[1], r.end);
    const den = at(f[2], num.end);
    const check = build('rate', r, num, den, text, num.text, den.text);
    if (check) {
      out.push(check);
      checked.add(r.index);
    }
  }

  // A share whose base is named with its figure: 完成投资3111万元，占中央预算内投资5730万元的54%; the
  // figure may stand in brackets (筛查68059人，占全年筛查任务(6.6万人)的103.12%).
  for (const r of mentions) {
    if (!r.percent || r.approx || checked.has(r.index)) continue;
    const den = mentions[r.index - 1];
    const num = den && mentions[den.index - 1];
    if (!den || !num || den.percent || num.percent || den.unit !== num.unit || den.approx || num.approx) continue;
    if (!/^\s*[)）]?\s*的\s*$/.test(text.slice(den.end, r.start)) || !/^[^，,；;。]{0,4}[，,]?\s*占[^，,；;。\d]{0,16}$/.test(text.slice(num.end, den.start))) continue;
    const check = build('share', r, num, den, text, num.phrase, den.phrase);
    if (check) {
      out.push(check);
      checked.add(r.index);
    }
  }

  // Named rates: 办结率98.94% after 已办结1121件, 即办率62.5% after 即办件3000件.
  const named: RateCheck[] = [];
  for (const r of mentions) {
    if (!r.percent || r.approx || checked.has(r.index)) continue;
    const name = normalizePhrase(r.phrase);
    // A progress in per cent (执行进度为29.5%) is a rate of what was done over what was due.
    const progress = /(?:执行|完成)进度$/.test(name);
    if ((!name.endsWith('率') && !progress) || NOT_A_SHARE.test(name.slice(0, -1))) continue;
    // 沐浴场所、美容美发场所…的合格率分别为96.6%、89.4%…: rates of groups the count before does not
    // name, one each; none is of that count.
    if (/分别/.test(text.slice(Math.max(r.phraseStart, r.start - 12), r.start))) continue;
    const stem = (progress ? name.slice(0, -2) : name.slice(0, -1)).replace(RATE_QUALIFIERS, '');
    if (stem.length < 2) continue;
    const before = mentions.slice(Math.max(0, r.index - 12), r.index).filter((m) => !m.percent && m.kind === 'count');
    const near = before.filter((m) => m.sentence >= r.sentence - 1);
    // A pair that agrees is taken before a named population's, which alone may disagree.
    const check =
      namedRate(text, mentions, r, stem, near, totalOfPart) ??
      namedRate(text, mentions, r, stem, before, totalOfPart, true) ??
      plannedRate(text, r, stem, near) ??
      fittingPair(text, r, near) ??
      qualifiedRate(text, r, stem, near);
    if (check) {
      named.push(check);
      checked.add(r.index);
    }
  }
  // Rates of the parts of one claim (一孩率58.06%，二孩率39.79%，多孩率2.15% of 2425 births) that add
  // up to exactly 100 % were rounded to do so: a miss is a warning, as for shares.
  for (const c of claims) {
    const group = named.filter((r) => totalOfPart.get(r.numerator.mention) === c && r.denominator.mention === c.total.mention);
    if (group.length < 2 || group.length !== c.parts.length) continue;
    markForced(group);
  }
  out.push(...named);

  // Shares without a named base (接诊产妇4020人，活产4010人，占99.75%): the count before the
  // percentage, of a larger count of its kind among the figures before it that agrees with it. Only
  // an agreement is reported: with the base unnamed, a disagreement says nothing.
  for (const r of mentions) {
    if (!r.percent || r.approx || checked.has(r.index)) continue;
    const words = normalizePhrase(r.phrase);
    if (NOT_A_SHARE.test(words) || !/^(?:占比?|比例为?|比重为?)?$/.test(words) || noShareOfCountBefore(text, r)) continue;
    const num = mentions[r.index - 1];
    if (!num || num.percent || num.approx || num.kind !== 'count' || num.sentence !== r.sentence || /[。；;\n]/.test(text.slice(num.end, r.start))) continue;
    // A count already the base of a share before it comes first (高危产妇600人，占20% of the 3000
    // 产妇 that 活产2990人，占99.67% was of, though 600/2990 rounds to 20% too).
    const bases = new Set(out.map((x) => x.denominator.mention));
    const fitting = largerBefore(mentions, num).filter((d) => fits(r, num, d));
    const den = fitting.find((d) => bases.has(d.index)) ?? fitting[0];
    if (!den) continue;
    const check = build('share', r, num, den, text, num.phrase, den.phrase);
    if (check) {
      out.push(check);
      checked.add(r.index);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Rates read in a table (text-tables.ts), checked as every rate whose counts are stated. */
export function tableRateChecks(text: string, rates: readonly TableRate[]): RateCheck[] {
  const out: RateCheck[] = [];
  for (const r of rates) {
    const check = build('rate', r.stated, r.numerator, r.denominator, text, r.numerator.phrase, r.denominator.phrase);
    // The cells, named by their row and column, rather than the lines of the table between them.
    if (check) out.push({ ...check, text: `${r.numerator.phrase} ${r.numerator.text}；${r.denominator.phrase} ${r.denominator.text}；${r.stated.phrase} ${r.stated.text}` });
  }
  return out;
}
