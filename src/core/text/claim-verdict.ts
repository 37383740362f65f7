// The verdict on a claim: whether its parts add up to its total, explain it by another reading
// (parts of another dimension, items marked 并处, units of published information), fall short of
// it (a partial list, or an error when the wording says the list is complete) or exceed it.
import type { Bilingual } from '../types';
import type { Claim, ClaimItem, Reading, Verdict } from './claim-types';
import { allPersons, isCountish, item, placesByCounter, sumOf, sumTolerance } from './claim-words';
import { lineOf, normalizePhrase, type Mention } from './extract';
import { textMsg } from './messages';

export interface Draft {
  text: string;
  start: number;
  end: number;
  trigger: string;
  total: Mention;
  totalLabel: string;
  /** A total stated as two figures (收到6件，上年结转1件): its value is their sum. */
  totalValue?: number;
  compound?: Mention[];
  parts: Array<{ m: Mention; label: string; overlap?: boolean }>;
  complete: boolean;
  selection: boolean;
  reading: Reading;
  parent?: number;
  /** The total was already broken down, exactly, by an earlier list: this list is another dimension of it. */
  again?: boolean;
}

/**
 * A claim whose figures are not the prose's own (a table's column, fractions over a denominator, a
 * count of names): judged as any other, spanning its figures in `text` and located at its total's
 * figure, the one a reader checks the others against.
 */
export function claimAtTotal(text: string, starts: number[], d: Omit<Draft, 'text' | 'start' | 'end' | 'selection'>): Claim {
  const ms = [d.total, ...d.parts.map((p) => p.m)];
  const start = Math.min(...ms.map((m) => m.start));
  const end = Math.max(...ms.map((m) => m.end));
  return { ...judge({ ...d, text: text.slice(start, end), start, end, selection: false }, starts), line: d.total.line, column: d.total.column };
}

export function judge(d: Draft, starts: number[]): Claim {
  const tm = d.total;
  const totalValue = d.totalValue ?? tm.value;
  const parts = d.parts.map((p) => item(p.m, p.label, p.overlap));
  const ms = d.parts.map((p) => p.m);
  const units = new Set(parts.map((p) => p.unit));
  const sameUnits = units.size === 1;
  const rawSum = sumOf(ms);
  const tol = sumTolerance([tm, ...(d.compound ?? []), ...ms]);
  const exact = Math.abs(rawSum - totalValue) <= tol;
  const countsOnly = ms.every(isCountish) && isCountish(tm);
  const total: ClaimItem = { ...item(tm, d.totalLabel), value: totalValue, ...(d.compound ? { text: d.compound.map((m) => m.text).join('+') } : {}) };
  const notes: Bilingual[] = [];
  if (d.compound) notes.push(textMsg('text.note-compound', { figures: d.compound.map((m) => m.text).join(' + '), total: formatPlain(totalValue) }));
  const make = (verdict: Verdict, sum: number | null, difference: number | null, note?: Bilingual): Claim => {
    const all = note ? [...notes, note] : notes;
    return {
      text: d.text,
      start: d.start,
      end: d.end,
      ...lineOf(starts, d.start),
      trigger: d.trigger,
      total,
      parts,
      sum,
      difference,
      complete: d.complete,
      ok: verdict === 'ok' || verdict === 'approx',
      verdict,
      reading: d.reading,
      ...(all.length ? { note: joinNotes(all) } : {}),
      ...(tm.period ? { period: tm.period } : {}),
      ...(d.parent !== undefined ? { parent: d.parent } : {}),
    };
  };
  const anyApprox = tm.approx || parts.some((p) => p.approx);
  // Units: parts of one unit and a total of another, or parts of several units, are not added —
  // unless they are counts that add up to the total exactly (条 and 件 of one list of documents),
  // or items of published information (信息51条: 1篇, 6篇, 37条), which count in one unit whatever
  // word the writer uses for each.
  const infoItems = !sameUnits || tm.unit !== parts[0].unit ? publishedItems(tm, d.totalLabel ?? tm.phrase, parts) : false;
  if (infoItems) notes.push(textMsg('text.note-info-items', { units: [...new Set([tm.unit, ...units])].join(' / ') }));
  if ((!sameUnits || tm.unit !== parts[0].unit) && !infoItems && !allPersons([tm.unit, ...units]) && !placesByCounter(tm.unit, units)) {
    if (countsOnly && exact && !anyApprox) {
      return make('ok', rawSum, 0, textMsg('text.note-units', { units: [...new Set([tm.unit, ...units])].join(' / ') }));
    }
    return make('mixed-units', sameUnits ? rawSum : null, null);
  }
  const diff = Number((rawSum - totalValue).toPrecision(15));
  // An approximate figure (360余条, 约300件) allows a sum near it; parts far below it are a partial
  // list, as with an exact total.
  // Parts that are approximate too (300余条, 200余条 of 800余条) are far below when even a quarter more
  // than written would not reach the total.
  const farBelow = parts.some((p) => p.approx) ? rawSum * 1.25 < totalValue : diff < -0.2 * Math.abs(totalValue);
  if (anyApprox && !farBelow) return make('approx', rawSum, diff);
  if (exact) return make('ok', rawSum, 0);
  // A statutory form's total is its parts' sum by definition: nothing explains a difference.
  if (d.reading === 'form') return make(diff > 0 ? 'exceeds' : 'short', rawSum, diff);
  if (diff > 0) {
    const overlapSum = parts.filter((p) => p.overlap).reduce((s, p) => s + p.value, 0);
    // Parts said to come besides or together with the others (另设有3所…, 并处没收6件) whose leaving out
    // makes the total exactly: the claim holds, with a note on them. Leaving them out and still
    // falling short, the list may be partial.
    if (overlapSum > 0 && Math.abs(diff - overlapSum) <= tol) {
      const apart = parts.filter((p) => p.overlap).map((p) => `${p.label}${p.text}`).join('、');
      return make('ok', rawSum, diff, textMsg('text.note-apart', { rest: apart, total: formatPlain(totalValue) }));
    }
    if (overlapSum > 0 && diff - overlapSum <= tol) return make('overlap', rawSum, diff);
    // Counts of the stages cases go through (立案996件，应结案972件，结案911件，按期结案737件 of 1054
    // received): each stage holds cases of the stage before, so the counts fall and are not added.
    const stages = parts.map((p) => normalizePhrase(p.label));
    if (parts.length >= 2 && stages.every((l) => l.length <= 10 && STAGE.test(l)) && new Set(stages).size === stages.length && ms.every((m, k) => k === 0 || m.value <= ms[k - 1].value) && ms[0].value <= totalValue + tol) {
      for (const [k] of parts.entries()) if (k > 0) parts[k] = { ...parts[k], overlap: true };
      return make('ok', rawSum, diff, textMsg('text.note-stages', { stages: parts.map((p) => `${p.label}${p.text}`).join('、'), total: formatPlain(totalValue) }));
    }
    // Parts that are channels of publication (政府网站, 微信公众号, 公开栏), one of which carried every
    // item (依托政府网站公开73条 of 73): the other channels published the same items again, so the
    // channels are not added. Only when each channel is within the total.
    const whole = ms.findIndex((m) => Math.abs(m.value - totalValue) <= tol);
    if (whole >= 0 && parts.every((p) => CHANNEL.test(normalizePhrase(p.label))) && ms.every((m) => m.value <= totalValue + tol)) {
      for (const [k] of parts.entries()) if (k !== whole) parts[k] = { ...parts[k], overlap: true };
      const all = parts[whole];
      return make('ok', rawSum, diff, textMsg('text.note-channels', { channel: `${all.label}${all.text}`, total: formatPlain(totalValue) }));
    }
    // The first (or last) parts make up the total exactly and the rest count the same cases by
    // another dimension (警告50件、罚款150件 of 200, then 没收违法所得4件、听证9件): the claim holds, with
    // a note. When the rest is not evidently of another dimension, the categories may overlap: a
    // warning, not an error, since the exact sum of the first parts is not chance alone.
    const split = leadingSubset(ms, totalValue, tol, parts.map((p) => p.label));
    if (split) {
      for (const i of split.rest) parts[i] = { ...parts[i], overlap: true };
      const rest = split.rest.map((i) => `${parts[i].label}${parts[i].text}`).join('、');
      const lead = split.lead.map((i) => parts[i].text).join(' + ');
      const note = textMsg(split.other ? 'text.note-subset' : 'text.note-subset-unsure', { lead, total: formatPlain(totalValue), rest });
      return make(split.other ? 'ok' : 'overlap', rawSum, diff, note);
    }
    // A second breakdown of a total an earlier list made up exactly (医疗机构4户，其中二级2户、民营2户。
    // 其中开展CT2户、DR2户、X射线1户): another dimension of the same cases, whose items may overlap.
    if (d.again) return make('overlap', rawSum, diff, textMsg('text.note-second-breakdown', { total: formatPlain(totalValue) }));
    // Parts that say how cases ended (成功调处2288起, 办结) beside parts that say what the cases were
    // (涉及死亡507起): two dimensions of the same cases, each within the total, that may overlap.
    const ended = parts.map((p) => OUTCOME.test(normalizePhrase(p.label)));
    const within = (keep: boolean): boolean => parts.reduce((s, p, k) => (ended[k] === keep ? s + p.value : s), 0) <= totalValue + tol;
    if (ended.some(Boolean) && !ended.every(Boolean) && within(true) && within(false)) {
      const names = (keep: boolean): string => parts.filter((_, k) => ended[k] === keep).map((p) => `${p.label}${p.text}`).join('、');
      for (const [k, e] of ended.entries()) if (e) parts[k] = { ...parts[k], overlap: true };
      return make('overlap', rawSum, diff, textMsg('text.note-outcome', { outcome: names(true), other: names(false), total: formatPlain(totalValue) }));
    }
    return make('exceeds', rawSum, diff);
  }
  // Below the total. One part after a marker is a subset ("其中重大案件5件"), not a list.
  if (parts.length === 1 && !d.complete) return make('ok', rawSum, diff);
  if (d.complete && !d.selection) return make('short', rawSum, diff);
  return make('short-partial', rawSum, diff, d.selection && d.complete ? textMsg('text.note-selection', {}) : undefined);
}

/** Units an item of published information is counted in: a message (条), an article (篇), a file or paper (件, 份). */
const INFO_ITEM_UNITS = new Set(['条', '篇', '件', '份']);
/** Documents counted by the general counter (项目审批文件公布180个): items too. */
const DOCUMENTS = /文件|公告|通知|批复|公示|信息|报告/;
/** An issue (期) of a publication (工作简报15期) is an item too; an issue of an activity (民意征集3期) is not. */
const PUBLICATION = /简报|专刊|期刊|快报|快讯|通讯|报纸|刊物|专报/;

/**
 * Whether a total and its parts all count items of published information: a total in 条, 条次 or 篇
 * named 信息 (主动公开政府信息51条, or by its label: 基础信息公开(26条)), parts in 条, 篇, 件 or 份, issues
 * of a publication (简报15期) and documents counted by 个 (审批文件180个). Other totals in 条 (条款,
 * 热线) and other units (个 of columns or platforms, 期 of activities) are not such items.
 */
function publishedItems(total: Mention, label: string, parts: readonly ClaimItem[]): boolean {
  if (total.unit !== '条' && total.unit !== '篇' && total.unit !== '条次') return false;
  if (!/信息/.test(total.phrase) && !/信息/.test(label)) return false;
  return parts.every((p) => INFO_ITEM_UNITS.has(p.unit) || (p.unit === '期' && PUBLICATION.test(p.label)) || (p.unit === '个' && DOCUMENTS.test(p.label)));
}

/**
 * Parts 0..k−1 (or k..n−1, see below), k ≥ 2, that add up to the total exactly, when the rest is not named
 * like them. A rest named like the leading parts (消毒卫生, 职业卫生 after 公共场所卫生, 学校卫生…; 责令停产停业
 * after 警告, 罚款) is of the same dimension: a sum that happens to match part of that list explains
 * nothing, and the claim stays an error. `other`: the rest is evidently another dimension (a
 * procedure or an additional penalty after penalty types, or a new action such as 收到…).
 */
function leadingSubset(
  ms: readonly Mention[],
  total: number,
  tol: number,
  labels: readonly string[],
): { lead: number[]; rest: number[]; other: boolean } | undefined {
  const n = ms.length;
  const judgeSplit = (lead: number[], rest: number[]): { lead: number[]; rest: number[]; other: boolean } | undefined => {
    if (rest.some((r) => lead.some((l) => sameDimension(labels[l], labels[r])))) return undefined;
    const leadKinds = new Set(lead.map((l) => labelKind(labels[l])));
    const other = rest.every((r) => {
      if (NEW_ACTION.test(normalizePhrase(labels[r]))) return true;
      const k = labelKind(labels[r]);
      return k !== undefined && !leadKinds.has(k) && !leadKinds.has(undefined);
    });
    return { lead, rest, other };
  };
  let s = 0;
  for (let k = 0; k < n - 1; k++) {
    s += ms[k].value;
    if (k >= 1 && Math.abs(s - total) <= tol) {
      const r = judgeSplit(range(0, k + 1), range(k + 1, n));
      if (r) return r;
    }
  }
  // The last parts making up the total: what a list adds after its categories (another dimension)
  // comes at its end, so parts before them are explained only when evidently of another dimension
  // (a new action, a procedure before penalties); a first item of an unknown kind is one of the
  // list, and dropping it to match the total would be chance.
  s = 0;
  for (let k = n - 1; k > 0; k--) {
    s += ms[k].value;
    if (k <= n - 2 && Math.abs(s - total) <= tol) {
      const r = judgeSplit(range(k, n), range(0, k));
      if (r && r.other) return r;
    }
  }
  return undefined;
}

/** Words of a stage a case goes through: received, registered, dispatched, closed, closed in time, revisited. */
const STAGE = /受理|立案|派遣|处置|结案|办结|回访/;

/**
 * Words of a channel through which information was published: a website, an account on a
 * platform, a notice board, a newspaper or broadcast. Items go out through several channels at
 * once, so channels count the same items again.
 */
const CHANNEL = /网站|网页|门户|微信|微博|公众号|视频号|抖音|头条|客户端|公开栏|公示栏|宣传栏|公告栏|政务新媒体|APP|小程序|报纸|电视|广播/i;

/** A part that counts how the total's cases ended: 成功调处, 调解成功, 办结, 已结案, 化解. */
const OUTCOME = /^(?:已|均已|全部)?(?:成功调[处解]|调[处解]成功|办结|结案|化解|处理完毕|已处理)/;

/** A part that starts a new action rather than naming a category: 收到群众表扬信29件. */
const NEW_ACTION = /^(?:收到|另收到|另有|此外|还有|另外|受理|接到)/;

/**
 * The dimension a label of a penalty breakdown belongs to: the penalty imposed (警告, 罚款, 责令停产
 * 停业…), an additional penalty imposed with another (没收违法所得: DOMAIN.md, the 6 are also among
 * the 303 fines), or the procedure (简易程序, 听证, 移送…). Labels of other kinds have none.
 */
function labelKind(label: string): 'penalty' | 'additional' | 'procedure' | undefined {
  const l = normalizePhrase(label);
  if (/^(?:并处|同时)?没收/.test(l)) return 'additional';
  if (/程序|听证|移送|集体讨论|法制审核|复议|诉讼|不予处罚|从轻|减轻|首违/.test(l)) return 'procedure';
  if (/警告|通报批评|罚款|停产停业|责令关闭|暂扣|吊销|降低资质|拘留/.test(l)) return 'penalty';
  return undefined;
}

/** Whether two labels name categories of one dimension: a shared ending of two characters, or 类. */
function sameDimension(a: string, b: string): boolean {
  const x = normalizePhrase(a);
  const y = normalizePhrase(b);
  if (x.length < 1 || y.length < 1) return false;
  if (x.endsWith('类') && y.endsWith('类')) return true;
  if (labelKind(x) === 'penalty' && labelKind(y) === 'penalty') return true;
  return x.length >= 2 && y.length >= 2 && x.slice(-2) === y.slice(-2);
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a }, (_, i) => a + i);

function formatPlain(v: number): string {
  return String(Number(v.toPrecision(12)));
}

export function joinNotes(notes: readonly Bilingual[]): Bilingual {
  return { 'zh-CN': notes.map((n) => n['zh-CN']).join(''), 'en-US': notes.map((n) => n['en-US']).join(' ') };
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
  // A sum written out (138(74+64)个): the + says these are all the parts.
  const sum = /^[（(]\s*\d+(?:\.\d+)?(?:\s*[+＋]\s*\d+(?:\.\d+)?)+\s*[)）]/.exec(scan.slice(total.end, total.end + 40));
  if (sum && firstPart > total.end && firstPart < total.end + sum[0].length) return sum[0];
  if (trigger === '包括') {
    const lead = scan.slice(Math.max(s0, total.phraseStart), total.end);
    const m = /共计|合计|总计|总共|一共|共有|共/.exec(lead);
    if (m) return `${m[0]}…包括`;
  }
  // 全部 that opens the list (20件，全部包括…, 全部为…); a 全部 of another verb (3569件，全部在时限内
  // 办结，其中…) or after the list (…，全部依法公示) says nothing about the list.
  const lead = scan.slice(Math.max(s0, total.end), firstPart);
  if (/(?:全部|全都)[，,：:\s]*(?:包括|为|是|分别|分为|系)/.test(lead)) return '全部';
  return undefined;
}
