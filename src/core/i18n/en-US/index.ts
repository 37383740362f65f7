// The English message pack: the same keys as the Chinese one (../zh-CN), section by section.
import type { zhCN } from '../zh-CN';
import { engine } from './engine';

export const enUS: Record<keyof typeof zhCN, string> = {
  ...engine,
};
