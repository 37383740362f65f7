// A count of the things a list names, written right after it: 检验指标为游离性余氯、浑浊度、尿素、pH值、细菌
// 总数、大肠菌群6项; 涉及传染病防治、医疗卫生、…、职业健康7个专业. Each name counts one; the names make
// the count up, or fall short of it: a warning to verify (涉及…妇幼健康9个专业 with eight names), unless
// 等 says the list is not complete. Only plain
// names are read (two to twelve characters, no figures, set apart by 、 and a last 和/及/与), so that a
// list of figures, of years or of single characters (甲、乙类) is never taken for one, and more names
// than the count says nothing. Pure TypeScript.
import type { Claim } from './claim-types';
import { claimAtTotal } from './claim-verdict';
import type { Mention } from './extract';
import { paragraphStart } from './claim-words';
import { lineStarts, readingScan } from './reading';
import { cellMention } from './text-tables';

const NAME = String.raw`[\u4e00-\u9fffA-Za-z]{2,12}`;
/** Three names or more before a count of them: after 为/是/有/：/，/包括, up to an optional 等. */
const LISTED = new RegExp(
  String.raw`(?:^|[为是有：:，,；;]|包括|涉及)\s*((?:${NAME}、){2,}${NAME}(?:(?:和|及|与)${NAME})?)\s*(等)?\s*(?=[一二三四五六七八九十两\d]{1,3}\s*(?:个|项|类|种|家|所|大类))`,
  'gm',
);

/**
 * Claims of the counts of named things in `text`: the count (a mention of the prose) and one part
 * per name. The names become mentions of their own, numbered from `firstIndex` on.
 */
export function nameCountClaims(text: string, prose: readonly Mention[], firstIndex: number): { claims: Claim[]; cells: Mention[] } {
  const scan = readingScan(text);
  const starts = lineStarts(text);
  const claims: Claim[] = [];
  const cells: Mention[] = [];
  for (let m = LISTED.exec(scan); m; m = LISTED.exec(scan)) {
    const listAt = m.index + m[0].indexOf(m[1]);
    const countAt = m.index + m[0].length;
    const total = prose.find((x) => x.start === countAt && x.kind === 'count' && !x.percent && !x.approx);
    if (!total || total.value < 2 || total.value > 60) continue;
    // 等 right after the last name is read into it by the pattern: it closes the list instead.
    const closedByEtc = /等$/.test(m[1]);
    const listed = closedByEtc ? m[1].slice(0, -1) : m[1];
    const items = [...listed.matchAll(new RegExp(`${NAME}`, 'g'))].map((x) => ({ name: x[0], at: listAt + (x.index ?? 0) }));
    // The words that open the list are no part of its first name (检验指标为游离性余氯 → 游离性余氯).
    const lead = /^.*?(?:为|是|包括|涉及|涵盖了?|对)(?=.{2,}$)/.exec(items[0].name);
    if (lead) items[0] = { name: items[0].name.slice(lead[0].length), at: items[0].at + lead[0].length };
    // 和/及/与 in the last item may join two names (…、母婴保健和职业健康) or belong to one (卫生和计划生育):
    // read as two only when that makes the count.
    const last = items[items.length - 1];
    const split = /^(.{2,})(和|及|与)(.{2,})$/.exec(last.name);
    const names =
      split && items.length + 1 === total.value
        ? [...items.slice(0, -1), { name: split[1], at: last.at }, { name: split[3], at: last.at + split[1].length + 1 }]
        : items;
    // More names than the count, or a count of changes (诊所、卫生室、医务室减少6个): not a count of them.
    if (names.length < 3 || names.length > total.value || /(?:增加|减少|增长|下降|新增)$/.test(names[names.length - 1].name)) continue;
    const etc = closedByEtc || m[2] !== undefined;
    // With 等, fewer names is what the text says (对反馈的证据不齐全、无页码…等7个): nothing to check. And a
    // count of bodies may be of those the named acts were found in (…违法发布医疗广告等10家).
    if (etc && (names.length < total.value || /^[家所]/.test(total.unit))) continue;
    const parts = names.map((n) => {
      const cell = cellMention(
        starts,
        firstIndex + cells.length,
        { text: text.slice(n.at, n.at + n.name.length), start: n.at },
        total.unit,
        n.name,
        paragraphStart(text, n.at),
      );
      const one = { ...cell, value: 1 };
      cells.push(one);
      return one;
    });
    claims.push(
      claimAtTotal(text, starts, {
        trigger: etc ? '等' : '',
        total,
        totalLabel: countedThing(scan, total, names[0].at),
        parts: parts.map((p) => ({ m: p, label: p.text })),
        // Fewer names than the count is a warning, not an error: a name may stand for two (医疗卫生), or
        // one may have been lost in a copy, and only the writer knows which.
        complete: false,
        reading: 'names',
      }),
    );
  }
  return { claims, cells };
}

/**
 * What the count counts, for messages: the word after it (9个专业 → 专业), else the words that open the
 * list (检验指标为…6项 → 检验指标). The figure's own phrase would be the last name.
 */
function countedThing(scan: string, total: Mention, namesAt: number): string {
  const after = /^[^，,；;。！？\n\d（(]{1,8}/.exec(total.object)?.[0];
  if (after) return after;
  const before = scan.slice(Math.max(0, namesAt - 16), namesAt);
  return before.slice(before.search(/[^，,；;。！？\n]*$/)).replace(/(?:为|是|有|包括|涉及|涵盖了?|对)$/, '') || total.text;
}
