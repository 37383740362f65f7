// The English message pack: the same keys as the Chinese one (../zh-CN), section by section.
import type { zhCN } from '../zh-CN';
import { engine } from './engine';
import { host } from './host';
import { cli } from './cli';
import { checker } from './checker';
import { layout } from './layout';
import { report } from './report';
import { text } from './text';
import { history } from './history';
import { rules } from './rules';
import { pane } from './pane';

export const enUS: Record<keyof typeof zhCN, string> = {
  ...engine,
  ...host,
  ...cli,
  ...checker,
  ...layout,
  ...report,
  ...text,
  ...history,
  ...rules,
  ...pane,
};
