// Texts of the summary tables (汇总表), from the message packs (i18n/, section `report`):
// `reportMessage` fills one in both languages, `reportText` in one. Numbers are formatted by the
// caller.
import { message, text, type Params, type SectionKey } from '../i18n';
import type { Bilingual, Lang } from '../types';

export type ReportMessageId = SectionKey<'report'>;

export type ReportParams = Params;

/** A report text in both languages. A parameter may itself be bilingual. */
export function reportMessage(id: ReportMessageId, params: ReportParams = {}): Bilingual {
  return message(`report.${id}`, params);
}

/** A report text in one language. */
export function reportText(lang: Lang, id: ReportMessageId, params: ReportParams = {}): string {
  return text(lang, `report.${id}`, params);
}

/** A year as a label: 2022年 / 2022. */
export function yearLabel(period: string): Bilingual {
  return reportMessage('col.year', { year: period });
}

/** A list joined with 、 or ", " (long lists are cut after `max` items with …). */
export function joinList(items: string[], max = 12): Bilingual {
  const shown = items.length > max ? [...items.slice(0, max), '…'] : items;
  return { 'zh-CN': shown.join(reportText('zh-CN', 'list.sep')), 'en-US': shown.join(reportText('en-US', 'list.sep')) };
}

/** The region in a table's title: 某区 / , 某区 (English puts it after the title's words); empty for none. */
export function entityInTitle(entity: string): Bilingual | '' {
  return entity ? reportMessage('entity-in-title', { entity }) : '';
}
