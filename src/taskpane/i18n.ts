// The task pane's texts: the `pane.` section of the message packs (src/core/i18n), looked up by
// their keys without the prefix. `t` / `translate` give the frame's and the 校验 tab's texts; the
// other tabs have translators of their own (panels/rules-strings.ts, cross-year-strings.ts,
// summary-strings.ts) over their parts of the section. zh-CN is the default language.
// Engine messages (findings, progress stages) carry their own Bilingual text.
import { message, PACKS, text, type MessageKey as PackKey, type Params, type SectionKey } from '../core/i18n';
import type { Bilingual, Lang } from '../core/types';

/** Every key of the pane's section, without `pane.`. */
export type PaneKey = SectionKey<'pane'>;

/** The keys of the tabs that have their own translators (TAB_PREFIXES). */
type TabKey = `${'rules' | 'explain' | 'cy' | 'summary' | 'form' | 'prose'}.${string}`;

/** The keys of the pane's frame and 校验 tab (and the 结构 tab, the worker, the workbook errors). */
export type MessageKey = Exclude<PaneKey, TabKey>;

export type Catalogue = Record<MessageKey, string>;

export const DEFAULT_LANG: Lang = 'zh-CN';

const PREFIX = 'pane.';

/** The pack key of a pane key. */
const packKey = (key: PaneKey): PackKey => `${PREFIX}${key}` as PackKey;

/** A text of the pane's section in one language, its placeholders filled. */
export function paneText(lang: Lang, key: PaneKey, params?: Params): string {
  return text(lang, packKey(key), params);
}

/** A text of the pane's section in both languages (for errors and progress stages, which carry both). */
export function paneMessage(key: PaneKey, params?: Params): Bilingual {
  return message(packKey(key), params);
}

/** The templates of the pane's keys that `match`, by key without `pane.`, in each language. */
function tableOf<K extends PaneKey>(match: (key: string) => boolean): Record<Lang, Record<K, string>> {
  const of = (lang: Lang): Record<K, string> => {
    const table = {} as Record<K, string>;
    for (const [key, template] of Object.entries(PACKS[lang])) {
      if (key.startsWith(PREFIX) && match(key.slice(PREFIX.length))) table[key.slice(PREFIX.length) as K] = template;
    }
    return table;
  };
  return { 'zh-CN': of('zh-CN'), 'en-US': of('en-US') };
}

const TAB_PREFIXES = ['rules.', 'explain.', 'cy.', 'summary.', 'form.', 'prose.'];

/**
 * A tab's part of the pane's section: the templates whose keys start with one of `prefixes`, by
 * key without `pane.`, in each language (its tests compare the two languages' keys).
 */
export function paneTable<K extends PaneKey>(prefixes: readonly string[]): Record<Lang, Record<K, string>> {
  return tableOf<K>((key) => prefixes.some((p) => key.startsWith(p)));
}

/** The frame's and 校验 tab's templates in each language: every pane key outside the tabs' parts. */
export const catalogues: Record<Lang, Catalogue> = tableOf<MessageKey>((key) => !TAB_PREFIXES.some((p) => key.startsWith(p)));

/** Looks up a text and fills its placeholders. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  return paneText(lang, key, params);
}

/** A translate function bound to one language. */
export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

/** The other language of the pane: the one its language button switches to. */
export function otherLang(lang: Lang): Lang {
  return (['zh-CN', 'en-US'] as const).find((l) => l !== lang) ?? DEFAULT_LANG;
}

/** Picks the text of a Bilingual in a language, falling back to the other one when empty. */
export function pick(text: Bilingual, lang: Lang): string {
  return text[lang] || text[otherLang(lang)] || '';
}

/** Maps an Office display language ("zh-CN", "en-US", "en-GB", …) to a UI language. */
export function langFromDisplayLanguage(displayLanguage: string | undefined | null): Lang {
  return typeof displayLanguage === 'string' && displayLanguage.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}
