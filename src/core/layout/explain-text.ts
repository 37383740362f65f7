// The explanation of a workbook's sheets as text (--explain, the 结构 tab): kept apart from the
// reading code so that the task pane can show it without loading the readers.
import { text, type MessageKey } from '../i18n';
import type { Lang, SheetExplanation } from '../types';

/** An axis's items as text: totals marked, long lists cut, where they were found. */
export function axisText(a: SheetExplanation['axes'][number], lang: Lang): string {
  const mark = text(lang, 'layout.explain.total-mark');
  const sep = text(lang, 'layout.list.sep');
  const items = a.items.map((x) => (a.totals?.includes(x) ? `${x}${mark}` : x));
  const shown = items.length > 12 ? `${items.slice(0, 12).join(sep)} …(${items.length})` : items.join(sep);
  return a.from ? `${shown}（${a.from[lang]}）` : shown;
}

const HOLDS: Record<SheetExplanation['axes'][number]['holds'], MessageKey> = {
  indicators: 'layout.explain.holds.indicators',
  periods: 'layout.explain.holds.periods',
  entities: 'layout.explain.holds.entities',
};
const DIRECTION: Record<SheetExplanation['groups'][number]['direction'], MessageKey> = {
  rows: 'layout.explain.direction.rows',
  columns: 'layout.explain.direction.columns',
  entities: 'layout.explain.direction.entities',
};

/** The explanation as text lines, in one language. */
export function formatExplanation(list: SheetExplanation[], lang: Lang): string {
  const t = (key: MessageKey): string => text(lang, key);
  const lines: string[] = [];
  for (const x of list) {
    lines.push(`  [${x.sheet}] ${t('layout.explain.shape')}: ${x.layout}${x.reason ? ` — ${x.reason[lang]}` : ''}`);
    if (x.headerRows) lines.push(`    ${t('layout.explain.header-rows')}: ${x.headerRows}`);
    for (const a of x.axes) {
      lines.push(`    ${t(a.axis === 'rows' ? 'layout.explain.axis.rows' : 'layout.explain.axis.columns')}: ${t(HOLDS[a.holds])} — ${axisText(a, lang)}`);
    }
    for (const g of x.groups) {
      lines.push(`    ${t('layout.explain.group')} (${t(DIRECTION[g.direction])}${g.scope ? `, ${g.scope[lang]}` : ''}): ${g.total.label} [${g.total.cell}] = ${g.parts.map((p) => `${p.label} [${p.cell}]`).join(' + ')}`);
    }
    for (const i of x.ignored) lines.push(`    ${t('layout.explain.ignored')} ${i.where[lang]}: ${i.reason[lang]}`);
  }
  return lines.join('\n') + '\n';
}
