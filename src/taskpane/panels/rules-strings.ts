// Texts of the 规则 tab and of the explanation (核实说明) UI of the 校验 tab: the `pane.rules.*` and
// `pane.explain.*` keys of the message packs (src/core/i18n), used through `rulesTranslator` /
// `explainTranslator` with their keys without `pane.`.
import type { Params } from '../../core/i18n';
import type { Lang } from '../../core/types';
import { paneTable, paneText, type PaneKey } from '../i18n';

export type RulesKey = Extract<PaneKey, `rules.${string}`>;

/** The 规则 tab's templates in each language. */
export const RULES_STRINGS: Record<Lang, Record<RulesKey, string>> = paneTable<RulesKey>(['rules.']);

export type RulesTranslate = (key: RulesKey, params?: Params) => string;

export function rulesTranslator(lang: Lang): RulesTranslate {
  return (key, params) => paneText(lang, key, params);
}

export type ExplainKey = Extract<PaneKey, `explain.${string}`>;

/** The 核实说明 UI's templates in each language. */
export const EXPLAIN_STRINGS: Record<Lang, Record<ExplainKey, string>> = paneTable<ExplainKey>(['explain.']);

export type ExplainTranslate = (key: ExplainKey, params?: Params) => string;

export function explainTranslator(lang: Lang): ExplainTranslate {
  return (key, params) => paneText(lang, key, params);
}
