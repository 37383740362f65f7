// The preview page's strings: the `checker.preview.` part of the message packs (src/core/i18n),
// by their key without the prefix (the task pane has its catalogue in src/taskpane/i18n.ts).
import { text, type SectionKey } from '../core/i18n';
import type { Lang } from '../core/types';

export type PreviewKey = SectionKey<'checker.preview'>;

export type PreviewTranslate = (key: PreviewKey, params?: Record<string, string | number>) => string;

export function previewTranslator(lang: Lang): PreviewTranslate {
  const shown: Lang = lang === 'en-US' ? lang : 'zh-CN';
  return (key, params) => text(shown, `checker.preview.${key}`, params);
}
