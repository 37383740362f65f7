// Messages: one pack per language (zh-CN/, en-US/), one filler (fill.ts). `message` gives a text
// in both languages, as findings and errors carry it; `text` gives it in one, as a surface shows it.
import type { Bilingual, Lang } from '../types';
import { enUS } from './en-US';
import { fill, type Params } from './fill';
import { zhCN } from './zh-CN';

export type MessageKey = keyof typeof zhCN;
export type { Params } from './fill';

/** The pack of a language. */
export const PACKS: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

/** A message in both languages. A parameter may itself be bilingual. */
export function message(key: MessageKey, params: Params = {}): Bilingual {
  return { 'zh-CN': fill(zhCN[key], params, 'zh-CN'), 'en-US': fill(enUS[key], params, 'en-US') };
}

/** A message in one language. */
export function text(lang: Lang, key: MessageKey, params: Params = {}): string {
  return fill(PACKS[lang][key], params, lang);
}

/** The keys of a pack's section (`engine.`, `history.` …) without the section's prefix. */
export type SectionKey<Prefix extends string> = MessageKey extends infer K ? (K extends `${Prefix}.${infer Rest}` ? Rest : never) : never;
