// The web checker's strings: the `checker.` section of the message packs (src/core/i18n), by
// their key without the prefix (the task pane's catalogue is src/taskpane/i18n.ts).
import { text, type SectionKey } from '../core/i18n';
import type { Lang } from '../core/types';

/** A key of the web checker's strings (the preview's, `preview.…`, are previewTranslator's). */
export type CheckerKey = Exclude<SectionKey<'checker'>, `preview.${string}`>;

export type CheckerTranslate = (key: CheckerKey, params?: Record<string, string | number>) => string;

export function checkerTranslator(lang: Lang): CheckerTranslate {
  return (key, params) => text(lang, `checker.${key}`, params);
}
