// The prose checks' messages (报告文本), from the message packs (i18n/, section `text`): `textMsg`
// fills one in both languages. A message's key is also the ruleId of its finding.
import { message, type MessageKey, type Params } from '../i18n';
import type { Bilingual } from '../types';

export type TextMessageId = Extract<MessageKey, `text.${string}`>;

export type TextParams = Params;

/** Renders a prose message in both languages. A parameter may itself be bilingual. */
export function textMsg(id: TextMessageId, params: TextParams = {}): Bilingual {
  return message(id, params);
}
