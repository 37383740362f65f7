// The cross-period detectors' messages (历史审核), from the message packs (../i18n, section
// `history.`): `historyMessage` fills one in both languages. Numbers come formatted by the caller;
// a finding's message is what a clerk reads, its `.details` the method's statistics.
import { message, type SectionKey } from '../i18n';
import type { Params } from '../i18n/fill';
import type { Bilingual } from '../types';

/** A history message's key, as the pack spells it (`history.yoy`). */
export type HistoryMessageId = `history.${SectionKey<'history'>}`;

export type HistoryParams = Params;

/** Renders a history message in both languages. A parameter may itself be bilingual. */
export function historyMessage(id: HistoryMessageId, params: HistoryParams = {}): Bilingual {
  return message(id, params);
}

/** The same text in both languages (numbers, cell addresses). */
export function both(s: string): Bilingual {
  return { 'zh-CN': s, 'en-US': s };
}

/** A period as it reads in a sentence: `2023年` / `2023`. */
export function yearText(period: string | undefined): Bilingual {
  if (!period) return both('');
  return /^\d{4}$/.test(period) ? historyMessage('history.year', { year: period }) : both(period);
}

/** The entity inside a sentence: `罗庄区` right after the indicator, ` (罗庄区)` in English. */
export function whoText(entity: string): Bilingual {
  if (!entity) return both('');
  return { 'zh-CN': entity, 'en-US': ` (${entity})` };
}
