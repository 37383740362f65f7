// Which total a marked list is of, and which of its readings holds, once the candidates are known.
// The readings are tried in a fixed order, each a named rule below: the first that applies decides.
// A rule returns the choice, NO_CLAIM when the list is of no figure written here, or undefined when it
// does not apply. The order matters: readings that make a total up exactly come before those that
// explain parts above it, and the nearest total with the nested reading is the default.
import type { Reading } from './claim-types';
import { akin, isRestItem, sumOf, tolerance } from './claim-words';
import { normalizePhrase, type Mention } from './extract';
import { materialize, type Part } from './list-reader';

export interface Candidates {
  /** Totals in order of preference: the sentence's, nearest first (the parts' unit first), then the sentences before. */
  list: Mention[];
  /** Indices of the candidates in the marker's own sentence. */
  local: Set<number>;
  /** The label before the marker when it names an earlier figure (A许可包括…, 在公开信息中). */
  label: string | undefined;
  crossSentence: boolean;
}

export interface Chosen {
  total: Mention;
  compound?: Mention[];
  parts: Part[];
  reading: Reading;
  crossSentence: boolean;
}

/** What the choice needs of the text and of the reader. */
export interface ChoiceInput {
  candidates: Candidates;
  /** The earlier figure the label before the marker names, if any. */
  reference: Mention | undefined;
  nested: Part[];
  flat: Part[];
  /** Whether the parts are numbered items that pick their figure by the total's unit. */
  numbered: boolean;
  /** The first figure of each item set apart by ；. */
  heads: Part[];
  scan: string;
  /** Where the marker starts. */
  marker: number;
  /** Consecutive figures of one unit before the marker whose sum is the given one. */
  compoundTotal: (order: Mention[], sum: number) => Mention[] | undefined;
}

/** A reading of the parts for one total, with their sum. */
interface Read {
  parts: Part[];
  sum: number;
}

/** The state every rule sees: the candidates in order, the nearest one, and both readings for it. */
interface Choice extends ChoiceInput {
  order: Mention[];
  first: Mention;
  /** The nested reading for the nearest total. */
  a: Read;
  /** The flat reading for the nearest total. */
  b: Read;
}

const NO_CLAIM = 'no-claim';
type Outcome = Chosen | typeof NO_CLAIM | undefined;

/** The sum of parts, a part with a group counting as its group's sum. */
export const sumParts = (ps: readonly Part[]): number => Number(ps.reduce((s, p) => s + (p.group ? sumOf(p.group.map((g) => g.m)) : p.m.value), 0).toPrecision(15));
const exact = (total: Mention, sum: number): boolean => Math.abs(sum - total.value) <= tolerance([total]);
const above = (total: Mention, sum: number): boolean => sum > total.value + tolerance([total]);
const plain = (ps: readonly Part[]): boolean => ps.every((p) => !p.group && !p.sub);

function readFor(x: ChoiceInput, total: Mention, rs: Part[]): Read {
  const parts = x.numbered ? materialize(rs, total.unit, x.scan) : rs;
  return { parts, sum: sumParts(parts) };
}

function pick(x: Choice, total: Mention, parts: Part[], compound?: Mention[]): Chosen {
  const named = compound ? compound[0] : total;
  const reading: Reading = named === x.reference ? 'reference' : x.candidates.local.has(named.index) ? 'marker' : 'previous-sentence';
  return { total, parts, reading, crossSentence: !x.candidates.local.has(total.index), ...(compound ? { compound } : {}) };
}

/**
 * Leading parts in the total's unit that make it up exactly, then items in other units (…概况类信息62条，
 * 开展网上调查、民意征集3期，受理市长信箱来信7件; …结转下年度继续办理0件，行政事业性收费0万元): the list
 * ends where its unit does.
 */
function leadInUnit(x: Choice): Outcome {
  for (const r of [x.a, x.b]) {
    const inUnit = r.parts.findIndex((p) => p.group !== undefined || p.sub !== undefined || p.m.unit !== x.first.unit);
    if (inUnit >= 2 && plain(r.parts.slice(inUnit)) && r.parts.slice(inUnit).every((p) => p.m.unit !== x.first.unit)) {
      const lead = r.parts.slice(0, inUnit);
      if (exact(x.first, sumParts(lead))) return pick(x, x.first, lead);
    }
  }
  return undefined;
}

/** The nested reading, then the flat one, makes the nearest total up exactly. */
function exactReading(x: Choice): Outcome {
  if (exact(x.first, x.a.sum)) return pick(x, x.first, x.a.parts);
  if (exact(x.first, x.b.sum)) return pick(x, x.first, x.b.parts);
  return undefined;
}

/**
 * Leading parts closed by the rest (其他信息579条) that make the total up exactly, then more parts of its
 * unit (政务类信息1688条，概括类信息336条，其他信息579条，通过政务微信公开政府信息39条 of 2603条): the rest
 * says the list was complete, so what follows counts the same things another way, by channel.
 */
function closedByTheRest(x: Choice): Outcome {
  const ps = x.b.parts;
  if (!above(x.first, x.b.sum) || !plain(ps)) return undefined;
  let sum = 0;
  for (let k = 0; k < ps.length - 1; k++) {
    sum += ps[k].m.value;
    if (k >= 1 && isRestItem(normalizePhrase(ps[k].m.phrase)) && exact(x.first, sum)) return pick(x, x.first, ps.slice(0, k + 1));
  }
  return undefined;
}

/**
 * The figure right before the marker, in another unit than the nearest of the parts' unit (涉及全县16个镇、
 * 25家单位，政务新媒体8家，包括7个微信公众号，1个抖音号), that the parts make up exactly while the nearest of
 * their unit they do not: the list is of the figure it follows.
 */
function rightBeforeMarker(x: Choice): Outcome {
  const m = x.order.find((c) => c !== x.first && x.candidates.local.has(c.index) && /^\s*[，,：:]?\s*$/.test(x.scan.slice(c.end, x.marker)));
  if (!m || m.unit === x.first.unit) return undefined;
  const r = readFor(x, m, x.nested);
  return r.parts.length >= 2 && exact(m, r.sum) ? pick(x, m, r.parts) : undefined;
}

/**
 * The items before the first ； make the total up exactly, and other clauses follow (…信息公开目录信息3572条；
 * 建立健全互动交流机制，…全年办结群众留言386条，完成意见征集8次): the list ends at the ；.
 */
function beforeSemicolon(x: Choice): Outcome {
  const ps = x.b.parts;
  const semicolon = ps.findIndex((p, k) => k > 0 && /[；;]/.test(x.scan.slice(ps[k - 1].m.end, p.m.start)));
  const lead = ps.slice(0, semicolon);
  if (semicolon >= 2 && plain(lead) && exact(x.first, sumParts(lead))) return pick(x, x.first, lead);
  return undefined;
}

/**
 * Neither reading makes the nearest total up: the first figure of each item set apart by ；, when those
 * make up one of the totals exactly (3309个 + 6件 + 38件 of 各类诉求3353件), the rest of each item
 * describing it.
 */
function itemHeads(x: Choice): Outcome {
  if (x.heads.length < 2 || x.numbered) return undefined;
  const m = x.order.find((t) => exact(t, sumParts(x.heads)));
  return m ? pick(x, m, x.heads) : undefined;
}

/**
 * The nested reading ended the list at a stronger separator (…92条，…81条；…94条；…109条) and neither
 * reading adds up: the items after it are more parts while the total has room for them, or, above it,
 * when they go on a clause an item, each a name and one figure of the total's unit (…培训信息6条，主题教育
 * 信息32条，视频1条，政策解读信息38条 after 工作动态信息29条、活动信息10条、…): the list goes on past the 、
 * run, and the sum above the total is the report's error.
 */
function roomForMore(x: Choice): Outcome {
  const prefix = x.nested.length < x.flat.length && x.nested.every((p, i) => !p.sub && !p.group && x.flat[i].m === p.m);
  if (!prefix || x.a.sum >= x.first.value) return undefined;
  if (!above(x.first, x.b.sum)) return pick(x, x.first, x.b.parts);
  const rest = x.flat.slice(x.nested.length);
  const clauseEach = rest.every((p, i) => /^[，,][^，,；;。、\d]{1,20}$/.test(x.scan.slice((i === 0 ? x.nested[x.nested.length - 1] : rest[i - 1]).m.end, p.m.start)));
  const oneUnit = plain(x.flat) && x.flat.every((p) => p.m.unit === x.first.unit);
  return x.nested.length >= 2 && rest.length >= 2 && oneUnit && clauseEach ? pick(x, x.first, x.b.parts) : undefined;
}

/**
 * One part after a 其中 that opens its sentence, above the nearest figure before (政策解读11条。其中，…政策
 * 信息68件): it is a subset of an earlier figure of its kind that can hold it (主动公开信息967条).
 */
function subsetOfEarlier(x: Choice): Outcome {
  const { local } = x.candidates;
  if (!above(x.first, x.a.sum) || local.has(x.first.index) || x.flat.length !== 1 || !plain(x.flat)) return undefined;
  const part = x.flat[0].m;
  const holder = x.order.find((m) => !local.has(m.index) && akin(m.unit, part.unit) && m.value + tolerance([m]) >= part.value);
  return holder ? pick(x, holder, x.flat) : undefined;
}

/**
 * A part broken down by all the parts after it (其中通过县政府门户网站发布政府信息5469条，…2620条，…1360条，
 * …311条 of 5469; 行政处罚案件12件，…；适用简易程序处罚案件4件，适用一般程序处罚8件 of 12): those make it up
 * exactly, so they are its parts, not the total's. Only when the list read flat exceeds the total.
 */
function partBrokenDown(x: Choice): Outcome {
  const ps = x.b.parts;
  if (!above(x.first, x.b.sum) || !plain(ps) || ps.length < 3) return undefined;
  for (let k = 0; k <= ps.length - 3; k++) {
    const head = ps[k];
    const rest = ps.slice(k + 1);
    if (rest.some((p) => p.m.unit !== head.m.unit) || Math.abs(sumParts(rest) - head.m.value) > tolerance([head.m, ...rest.map((p) => p.m)])) continue;
    const folded = [...ps.slice(0, k), { ...head, sub: rest }];
    if (!above(x.first, sumParts(folded))) return pick(x, x.first, folded);
  }
  return undefined;
}

/**
 * Parts above the nearest total that another total of the sentence makes up exactly, or a total stated
 * as consecutive figures (收到6件，上年结转1件 → 7).
 */
function otherTotal(x: Choice): Outcome {
  if (!above(x.first, x.a.sum)) return undefined;
  for (const m of x.order.slice(1)) {
    for (const rs of [x.nested, x.flat]) {
      const r = readFor(x, m, rs);
      if (exact(m, r.sum)) return pick(x, m, r.parts);
    }
  }
  const comp = x.compoundTotal(x.order, x.a.sum);
  return comp ? pick(x, comp[comp.length - 1], x.a.parts, comp) : undefined;
}

/**
 * Parts above the nearest total whose leading parts make up the figures of an enumeration before the
 * marker (对40家宾馆、12家茶座、8家美容美发、5家沐浴场所…抽检，其中合格38家，不合格27家；…对3家宾馆进行了
 * 处罚): the list is of all of them, and what follows is another matter.
 */
function enumerationBefore(x: Choice): Outcome {
  const ps = x.b.parts;
  if (!above(x.first, x.a.sum) || !plain(ps)) return undefined;
  for (let k = ps.length - 1; k >= 2; k--) {
    const lead = ps.slice(0, k);
    const run = x.compoundTotal(x.order, sumParts(lead));
    if (run) return pick(x, run[run.length - 1], lead, run);
  }
  return undefined;
}

/**
 * Parts after an item in another unit word (门诊6500人次，急诊1400人次，开展手术60例，义诊300人次) are another
 * strand of the work when the parts in the total's unit alone exceed it: the list ends there, and the
 * items before are judged alone (above the total they are still an error).
 */
function otherStrand(x: Choice): Outcome {
  const ps = x.a.parts;
  if (!above(x.first, x.a.sum) || !plain(ps)) return undefined;
  const cut = ps.findIndex((p, k) => k >= 2 && p.m.unit !== x.first.unit);
  const same = sumParts(ps.filter((p) => p.m.unit === x.first.unit));
  return cut >= 2 && above(x.first, same) ? pick(x, x.first, ps.slice(0, cut)) : undefined;
}

/**
 * A figure of the sentence before that is smaller than one of the parts is no total of them
 * (列前三位的传染病分别是：肺结核116例… after 丙类2种88例; 移送公安机关案件8件。其中，生产领域违法案件69件…):
 * which figure the list is of is not written, so no claim is made. Unless the figure before is a subset
 * named in a clause of its own (…30136例，…接尘工龄<5.0年的有6471例(占21.5%)。其中，煤工尘肺和矽肺分别为
 * 16210、13577例) and one figure alone can hold the list.
 */
function smallerFigureBefore(x: Choice): Outcome {
  if (!above(x.first, x.a.sum) || x.candidates.local.has(x.first.index)) return undefined;
  const biggest = Math.max(...x.a.parts.map((p) => p.m.value));
  if (!above(x.first, biggest)) return undefined;
  const holders = x.order.slice(1).filter((m) => m.unit === x.first.unit && m.value + tolerance([m]) >= x.a.sum);
  const subset = /的有?\s*$/.test(x.scan.slice(Math.max(0, x.first.start - 3), x.first.start));
  return subset && holders.length === 1 ? pick(x, holders[0], x.a.parts) : NO_CLAIM;
}

/**
 * Parts below the nearest figure of the sentence before, which another figure there makes up exactly
 * (审结的复议案件977件中直接纠错236件…。其中行政强制类案件164件…，其他类11件): that figure is their total,
 * as a sum of several figures is no chance.
 */
function exactEarlierFigure(x: Choice): Outcome {
  const { local } = x.candidates;
  if (local.has(x.first.index) || x.a.sum >= x.first.value - tolerance([x.first]) || x.a.parts.length < 3) return undefined;
  for (const m of x.order.slice(1)) {
    if (local.has(m.index)) continue;
    const r = readFor(x, m, x.nested);
    if (exact(m, r.sum)) return pick(x, m, r.parts);
  }
  return undefined;
}

/** The readings in the order they are tried. */
const RULES: readonly ((x: Choice) => Outcome)[] = [
  leadInUnit,
  exactReading,
  closedByTheRest,
  rightBeforeMarker,
  beforeSemicolon,
  itemHeads,
  roomForMore,
  subsetOfEarlier,
  partBrokenDown,
  otherTotal,
  enumerationBefore,
  otherStrand,
  smallerFigureBefore,
  exactEarlierFigure,
];

/** Total and parts: the first rule that applies, else the nearest total with the nested reading. */
export function chooseTotal(input: ChoiceInput): Chosen | undefined {
  const { reference, candidates } = input;
  const order = reference ? [reference, ...candidates.list.filter((m) => m !== reference)] : candidates.list;
  if (order.length === 0) return undefined;
  const first = order[0];
  const x: Choice = { ...input, order, first, a: readFor(input, first, input.nested), b: readFor(input, first, input.flat) };
  for (const rule of RULES) {
    const out = rule(x);
    if (out === NO_CLAIM) return undefined;
    if (out) return out;
  }
  return pick(x, first, x.a.parts);
}
