// Messages of the task pane (src/taskpane), in English: the keys of ../zh-CN/pane.ts.
import type { pane as zh } from '../zh-CN/pane';

export const pane: Record<keyof typeof zh, string> = {};
