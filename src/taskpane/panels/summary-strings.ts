// Texts of the 汇总表 tab: the summary-table builder (`pane.summary.*`), the standard indicator
// form (`pane.form.*`) and the report-prose check (`pane.prose.*`) of the message packs
// (src/core/i18n), used through `summaryTranslator` with their keys without `pane.`.
import type { Params } from '../../core/i18n';
import type { Lang } from '../../core/types';
import { paneTable, paneText, type PaneKey } from '../i18n';

export type SummaryKey = Extract<PaneKey, `${'summary' | 'form' | 'prose'}.${string}`>;

/** The 汇总表 tab's templates in each language. */
export const SUMMARY_STRINGS: Record<Lang, Record<SummaryKey, string>> = paneTable<SummaryKey>(['summary.', 'form.', 'prose.']);

export type SummaryTranslate = (key: SummaryKey, params?: Params) => string;

export function summaryTranslator(lang: Lang): SummaryTranslate {
  return (key, params) => paneText(lang, key, params);
}
