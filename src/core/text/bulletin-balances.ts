// The balance an epidemic bulletin keeps without saying so: the cases confirmed so far are those
// cured and discharged, those who died and those still in hospital (累计报告确诊病例93例，累计治愈出院75例，
// 死亡1例。现在院隔离治疗确诊病例17例: 93 = 75 + 1 + 17). The three figures stand in different clauses or
// sentences, with no marker, often after a list of places, so no list reader sees them as parts.
// So are the close contacts traced: released from medical observation, or still under it (追踪到密切接触者
// 16110人，已解除医学观察13954人，尚有2027人正在接受医学观察). Pure TypeScript over the scan string and its figures.
import type { Mention } from './extract';

/** Words before a count of all cases confirmed so far (累计报告…确诊病例, 累计确诊). */
const CONFIRMED = /累计[^，,；;。！？\n]{0,20}确诊|确诊[^，,；;。！？\n]{0,6}累计/;
/** Words of cases cured or discharged (累计治愈出院, 出院). */
const CURED = /治愈|出院/;
/** Words of deaths. */
const DIED = /死亡/;
/** Words of cases still under treatment (现有在院, 现在院隔离治疗确诊病例, 48例在定点医院进行隔离治疗). */
const CURRENT = /现有(?:确诊|在院)|现在院|在院(?:隔离)?治疗|隔离治疗|住院治疗/;
/** Words of a subgroup or of another count than the whole: new cases, severe ones, suspected ones. */
const NOT_THE_WHOLE = /新增|重症|重型|危重|疑似|密切接触|无症状/;

export interface Balance {
  total: Mention;
  parts: Mention[];
}

/** Words of the close contacts traced, of those released, and of those still observed. */
const CONTACTS = /密切接触者/;
const RELEASED = /解除[^，,；;。！？\n]{0,4}观察/;
const OBSERVED = /(?:正在|尚有|仍在|尚在|其余)[^，,；;。！？\n|]*观察|观察[^，,；;。！？\n]{0,2}\|?\s*$/;

/** The words of a figure's clause around it: before it back to a separator, and after it up to the next. */
function clauseWords(scan: string, m: Mention): string {
  const before = scan.slice(Math.max(0, m.start - 24), m.start);
  const after = scan.slice(m.end, m.end + 24);
  return before.slice(before.search(/[^，,；;。！？\n（(]*$/)) + '|' + after.slice(0, Math.max(0, after.search(/[，,；;。！？\n（(]|$/)));
}

/**
 * Every total of confirmed cases with, after it in the next 900 characters and before the next such
 * total, a count of cured cases and one of cases still treated (and the deaths where given) that make
 * it up exactly. Only an exact balance is returned: with no marker, nothing else says these are parts.
 */
export function bulletinBalances(scan: string, mentions: readonly Mention[]): Balance[] {
  const out: Balance[] = [];
  const isTotal = (m: Mention): boolean =>
    !m.percent && !m.approx && m.kind === 'count' && CONFIRMED.test(clauseWords(scan, m)) && !NOT_THE_WHOLE.test(clauseWords(scan, m));
  for (const T of mentions) {
    if (!isTotal(T)) continue;
    let cured: Mention | undefined;
    let died: Mention | undefined;
    let current: Mention | undefined;
    for (let k = T.index + 1; k < mentions.length; k++) {
      const m = mentions[k];
      if (m.start > T.end + 900 || isTotal(m)) break;
      if (m.percent || m.approx || m.unit !== T.unit || m.value > T.value) continue;
      const words = clauseWords(scan, m);
      if (NOT_THE_WHOLE.test(words)) continue;
      if (!cured && CURED.test(words)) cured = m;
      else if (!died && DIED.test(words)) died = m;
      else if (!current && CURRENT.test(words)) current = m;
      if (cured && current && died) break;
    }
    if (!cured || !current) continue;
    const parts = [cured, ...(died ? [died] : []), current];
    if (parts.reduce((s, m) => s + m.value, 0) === T.value) out.push({ total: T, parts });
  }
  // Close contacts: the next two counts of the unit in the sentence, released and still observed. Those
  // two are all the contacts there are, so less than the total is worth a look; more is left alone.
  for (const T of mentions) {
    if (T.percent || T.approx || T.kind !== 'count' || !CONTACTS.test(clauseWords(scan, T))) continue;
    const next = mentions.slice(T.index + 1, T.index + 3);
    if (next.length < 2 || next.some((m) => m.percent || m.approx || m.unit !== T.unit || m.sentence !== T.sentence)) continue;
    const [a, b] = next;
    if (!RELEASED.test(clauseWords(scan, a)) || !OBSERVED.test(clauseWords(scan, b))) continue;
    if (a.value + b.value <= T.value) out.push({ total: T, parts: [a, b] });
  }
  return out;
}
