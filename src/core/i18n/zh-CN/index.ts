// The Chinese message pack: every text the project shows, by key, section by section. Chinese is
// the first language; the English pack (../en-US) has the same keys, and a test checks that they
// agree key for key and placeholder for placeholder.
import { engine } from './engine';

export const zhCN = {
  ...engine,
} as const;
