// The Chinese message pack: every text the project shows, by key, section by section. Chinese is
// the first language; the English pack (../en-US) has the same keys, and a test checks that they
// agree key for key and placeholder for placeholder. Keys start with their section's name.
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

export const zhCN = {
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
} as const;
