// Texts of the summary tables (汇总表): one template per id in each language, {name} placeholders.
// Same pattern as core/messages.ts; numbers are formatted by the caller.
import type { Bilingual, Lang } from '../types';

const zhCN = {
  // titles and units lines
  'compare.title': '{entity}年度指标对比表（{range}）',
  'compare.subtitle': '单位见“单位”列；增减量、增减率为{last}比{prev}',
  'compare.subtitle.single': '单位见“单位”列',
  'composition.title': '{entity}{total}构成表（{year}）',
  'composition.subtitle': '单位：{unit}；占比为各项占“{total}”的百分比',
  'districts.title': '{indicator}地区对比表（{year}）',
  'districts.subtitle': '单位：{unit}；排名按数值从大到小；增减量、增减率为{year}比{prev}',
  // column names
  'col.indicator': '指标',
  'col.unit': '单位',
  'col.item': '项目',
  'col.share': '占比',
  'col.entity': '地区',
  'col.rank': '排名',
  'col.change': '增减量',
  'col.changeRate': '增减率',
  'col.status': '状态',
  'col.year': '{year}年',
  // statuses
  'status.ok': '通过',
  'status.warning': '警告',
  'status.error': '错误',
  'status.explained': '已说明',
  // rows
  'row.other': '其他/未列明',
  'row.total': '{label}（合计）',
  // notes
  'note.rate-change': '比率指标的增减量为百分点，不计算增减率。',
  'note.approx': '约数（{examples}）只列原文，不计算增减。',
  'note.largest-remainder': '占比按四舍五入合计为 {sum}，已按最大余数法调整末位，使各项合计为 100.0%。',
  'note.other': '“其他/未列明”为总数减去所列各项之和：{value}。',
  'note.other-missing': '“其他/未列明”含未填数值的项目（{items}）。',
  'note.parts-exceed': '所列各项合计 {sum}，超过总数 {total}（多 {diff}）：数据有误，占比合计不为 100%。',
  'note.not-ranked': '约数或缺少数值的地区不参与排名。',
  'source': '来源工作表：{sheets}（{workbook}）　生成时间：{time}',
  'source.noWorkbook': '来源工作表：{sheets}　生成时间：{time}',
  'chart.compare': '{entity}各指标分年度对比',
  'chart.composition': '{total}构成（{year}）',
  'chart.districts': '{indicator}（{year}）',
  'sheet.name': '汇总表',
  // errors
  'error.no-sheet': '工作簿中没有可读取的指标表，无法生成汇总表。',
  'error.unknown-sheet': '没有名为“{sheet}”的指标表。可用：{available}。',
  'error.unknown-indicator': '找不到指标“{name}”。可用的指标：{available}。',
  'error.unknown-year': '年份 {year} 不在{where}中（有：{available}）。',
  'error.unknown-entity': '找不到地区“{name}”。可用：{available}。',
  'error.one-indicator': '{template}只用一个指标，收到 {count} 个：{names}。',
  'error.one-year': '{template}只用一个年份，收到 {count} 个：{years}。',
  'error.no-parts': '“{total}”没有分项（其中）行，无法生成构成表。有分项的指标：{available}。',
  'error.no-parts-any': '工作簿中没有带分项（其中）行的指标，无法生成构成表。',
  'error.not-additive': '“{total}”的分项不能相加（{why}），无法生成构成表。',
  'error.total-value': '“{total}”{year}{why}，无法计算构成。',
  'error.no-districts': '工作簿中没有含多个地区的长表（地区/年份/指标/数值），无法生成地区对比表。',
  'error.no-values': '“{indicator}”在所选年份没有任何数值。',
  'error.no-years': '“{indicator}”没有任何年份的数值。',
  'why.missing': '没有数值',
  'why.approx': '是约数（{text}）',
  'why.unreadable': '的值无法识别（{text}）',
  'why.rate': '分项是比率',
  'why.units': '单位不同：{units}',
  'template.compare': '年度指标对比表',
  'template.composition': '构成表',
  'template.districts': '地区对比表',
  'where.workbook': '工作簿',
  'where.indicator': '“{indicator}”的数据',
  'list.sep': '、',
} as const;

export type ReportMessageId = keyof typeof zhCN;

const enUS: Record<ReportMessageId, string> = {
  'compare.title': 'Indicators by year{entityPart} ({range})',
  'compare.subtitle': 'Units in the Unit column; change and change rate are {last} vs {prev}',
  'compare.subtitle.single': 'Units in the Unit column',
  'composition.title': 'Composition of {total}{entityPart} ({year})',
  'composition.subtitle': 'Unit: {unit}; shares are percentages of "{total}"',
  'districts.title': '{indicator} by region ({year})',
  'districts.subtitle': 'Unit: {unit}; ranked from largest to smallest; change and change rate are {year} vs {prev}',
  'col.indicator': 'Indicator',
  'col.unit': 'Unit',
  'col.item': 'Item',
  'col.share': 'Share',
  'col.entity': 'Region',
  'col.rank': 'Rank',
  'col.change': 'Change',
  'col.changeRate': 'Change rate',
  'col.status': 'Status',
  'col.year': '{year}',
  'status.ok': 'OK',
  'status.warning': 'Warning',
  'status.error': 'Error',
  'status.explained': 'Explained',
  'row.other': 'Other / not listed',
  'row.total': '{label} (total)',
  'note.rate-change': 'For rates the change is in percentage points; no change rate is computed.',
  'note.approx': 'Approximate figures ({examples}) are shown as written; no change is computed for them.',
  'note.largest-remainder': 'Rounded shares added up to {sum}; the last digits were adjusted by the largest-remainder method so that they add up to 100.0%.',
  'note.other': '"Other / not listed" is the total minus the listed parts: {value}.',
  'note.other-missing': '"Other / not listed" includes the parts without a value ({items}).',
  'note.parts-exceed': 'The listed parts add up to {sum}, more than the total {total} (by {diff}): the data are wrong and the shares do not add up to 100%.',
  'note.not-ranked': 'Regions with an approximate or missing value are not ranked.',
  'source': 'Source sheets: {sheets} ({workbook})   Generated: {time}',
  'source.noWorkbook': 'Source sheets: {sheets}   Generated: {time}',
  'chart.compare': 'Indicators by year{entityPart}',
  'chart.composition': 'Composition of {total} ({year})',
  'chart.districts': '{indicator} ({year})',
  'sheet.name': 'Summary',
  'error.no-sheet': 'The workbook has no readable indicator sheet; no summary table can be made.',
  'error.unknown-sheet': 'There is no indicator sheet named "{sheet}". Available: {available}.',
  'error.unknown-indicator': 'Indicator "{name}" not found. Available indicators: {available}.',
  'error.unknown-year': 'Year {year} is not in the {where} (available: {available}).',
  'error.unknown-entity': 'Region "{name}" not found. Available: {available}.',
  'error.one-indicator': 'The {template} takes one indicator, got {count}: {names}.',
  'error.one-year': 'The {template} takes one year, got {count}: {years}.',
  'error.no-parts': '"{total}" has no breakdown (其中) rows; no composition table can be made. Indicators with a breakdown: {available}.',
  'error.no-parts-any': 'No indicator of the workbook has breakdown (其中) rows; no composition table can be made.',
  'error.not-additive': 'The parts of "{total}" cannot be added ({why}); no composition table can be made.',
  'error.total-value': '"{total}" {year} {why}; its composition cannot be computed.',
  'error.no-districts': 'The workbook has no long table with several regions (region/year/indicator/value); no regional comparison can be made.',
  'error.no-values': '"{indicator}" has no value in the chosen year.',
  'error.no-years': '"{indicator}" has no value in any year.',
  'why.missing': 'has no value',
  'why.approx': 'is approximate ({text})',
  'why.unreadable': 'cannot be read ({text})',
  'why.rate': 'the parts are rates',
  'why.units': 'different units: {units}',
  'template.compare': 'year comparison table',
  'template.composition': 'composition table',
  'template.districts': 'regional comparison table',
  'where.workbook': 'workbook',
  'where.indicator': 'data of "{indicator}"',
  'list.sep': ', ',
};

export type ReportParams = Record<string, string | number | Bilingual | undefined>;

function fill(template: string, params: ReportParams, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    if (v === undefined) return whole;
    if (typeof v === 'object') return v[lang];
    return String(v);
  });
}

/** A report text in both languages. A parameter may itself be bilingual. */
export function reportMessage(id: ReportMessageId, params: ReportParams = {}): Bilingual {
  return { 'zh-CN': fill(zhCN[id], params, 'zh-CN'), 'en-US': fill(enUS[id], params, 'en-US') };
}

/** A report text in one language. */
export function reportText(lang: Lang, id: ReportMessageId, params: ReportParams = {}): string {
  return fill((lang === 'zh-CN' ? zhCN : enUS)[id], params, lang);
}

/** A year as a label: 2022年 / 2022. */
export function yearLabel(period: string): Bilingual {
  return reportMessage('col.year', { year: period });
}

/** A list joined with 、 or ", " (long lists are cut after `max` items with …). */
export function joinList(items: string[], max = 12): Bilingual {
  const shown = items.length > max ? [...items.slice(0, max), '…'] : items;
  return { 'zh-CN': shown.join(zhCN['list.sep']), 'en-US': shown.join(enUS['list.sep']) };
}
