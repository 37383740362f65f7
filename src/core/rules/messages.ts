// The rules' messages, from the message packs (../i18n, section `rules.`): `ruleMessage` fills one
// in both languages by its id without the section's prefix.
import { message, type SectionKey } from '../i18n';
import type { Params } from '../i18n/fill';
import type { Bilingual } from '../types';

export type RuleMessageId = SectionKey<'rules'>;

export type RuleParams = Params;

/** Renders a rule message in both languages. A parameter may itself be bilingual. */
export function ruleMessage(id: RuleMessageId, params: RuleParams = {}): Bilingual {
  return message(`rules.${id}`, params);
}

/** Joins bilingual pieces with a separator per language (、 in Chinese, ", " in English). */
export function joinBilingual(parts: Bilingual[], zhSep = '、', enSep = ', '): Bilingual {
  return { 'zh-CN': parts.map((p) => p['zh-CN']).join(zhSep), 'en-US': parts.map((p) => p['en-US']).join(enSep) };
}

/** The n-th (1-based) as a message parameter: 第 1 个 / first. */
export function ordinal(n: number): Bilingual {
  return ruleMessage('ordinal', { n });
}

/** The same text in both languages. */
export function both(s: string): Bilingual {
  return { 'zh-CN': s, 'en-US': s };
}
