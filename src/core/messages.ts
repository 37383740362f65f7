// The engine's messages, from the message packs (i18n/): `msg` fills one in both languages.
import { message, text, type SectionKey } from './i18n';
import type { Params } from './i18n/fill';
import type { Bilingual } from './types';

export type { Params } from './i18n/fill';

export type MessageId = SectionKey<'engine'>;

/** Renders an engine message in both languages. A parameter may itself be bilingual. */
export function msg(id: MessageId, params: Params = {}): Bilingual {
  return message(`engine.${id}`, params);
}

/** A period label: `2022年` / `(2022)`. Empty when there is no period. */
export function periodLabel(period: string | undefined): Bilingual {
  if (!period) return { 'zh-CN': '', 'en-US': '' };
  return message('layout.period', { period });
}

/** Items joined with each language's list separator: `A1、B2` / `A1, B2`. */
export function listText(items: string[]): Bilingual {
  return { 'zh-CN': items.join(text('zh-CN', 'layout.list.sep')), 'en-US': items.join(text('en-US', 'layout.list.sep')) };
}
