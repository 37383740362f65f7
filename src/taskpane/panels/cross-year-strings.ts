// Texts of the 跨年 tab (cross-year and cross-district checks, trend charts): the `pane.cy.*` keys
// of the message packs (src/core/i18n), used through `crossYearTranslator` with their keys
// without `pane.`.
import type { Params } from '../../core/i18n';
import type { Lang } from '../../core/types';
import { paneTable, paneText, type PaneKey } from '../i18n';

export type CrossYearKey = Extract<PaneKey, `cy.${string}`>;

/** The 跨年 tab's templates in each language. */
export const CROSS_YEAR_STRINGS: Record<Lang, Record<CrossYearKey, string>> = paneTable<CrossYearKey>(['cy.']);

export type CrossYearTranslate = (key: CrossYearKey, params?: Params) => string;

export function crossYearTranslator(lang: Lang): CrossYearTranslate {
  return (key, params) => paneText(lang, key, params);
}
