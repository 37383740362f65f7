// The explanation of a workbook's sheets as text (--explain, the 结构 tab): kept apart from the
// reading code so that the task pane can show it without loading the readers.
import type { Bilingual, Lang, SheetExplanation } from '../types';


/** An axis's items as text: totals marked, long lists cut, where they were found. */
export function axisText(a: SheetExplanation['axes'][number], lang: Lang): string {
  const mark = lang === 'zh-CN' ? '（合计）' : ' (total)';
  const items = a.items.map((x) => (a.totals?.includes(x) ? `${x}${mark}` : x));
  const shown = items.length > 12 ? `${items.slice(0, 12).join(lang === 'zh-CN' ? '、' : ', ')} …(${items.length})` : items.join(lang === 'zh-CN' ? '、' : ', ');
  return a.from ? `${shown}（${a.from[lang]}）` : shown;
}

const HOLDS: Record<string, Bilingual> = {
  indicators: { 'zh-CN': '指标', 'en-US': 'indicators' },
  periods: { 'zh-CN': '期间', 'en-US': 'periods' },
  entities: { 'zh-CN': '地区/单位', 'en-US': 'entities' },
};
const DIRECTION: Record<string, Bilingual> = {
  rows: { 'zh-CN': '按行', 'en-US': 'down the rows' },
  columns: { 'zh-CN': '按列', 'en-US': 'across the columns' },
  entities: { 'zh-CN': '跨地区', 'en-US': 'across entities' },
};

/** The explanation as text lines, in one language. */
export function formatExplanation(list: SheetExplanation[], lang: Lang): string {
  const zh = lang === 'zh-CN';
  const lines: string[] = [];
  for (const x of list) {
    lines.push(`  [${x.sheet}] ${zh ? '形状' : 'shape'}: ${x.layout}${x.reason ? ` — ${x.reason[lang]}` : ''}`);
    if (x.headerRows) lines.push(`    ${zh ? '表头行' : 'header rows'}: ${x.headerRows}`);
    for (const a of x.axes) {
      lines.push(`    ${zh ? (a.axis === 'rows' ? '行' : '列') : a.axis}: ${HOLDS[a.holds][lang]} — ${axisText(a, lang)}`);
    }
    for (const g of x.groups) {
      lines.push(`    ${zh ? '合计组' : 'group'} (${DIRECTION[g.direction][lang]}${g.scope ? `, ${g.scope[lang]}` : ''}): ${g.total.label} [${g.total.cell}] = ${g.parts.map((p) => `${p.label} [${p.cell}]`).join(' + ')}`);
    }
    for (const i of x.ignored) lines.push(`    ${zh ? '未读取' : 'ignored'} ${i.where[lang]}: ${i.reason[lang]}`);
  }
  return lines.join('\n') + '\n';
}
