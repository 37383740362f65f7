// Messages of the cross-period detectors (src/core/history), in English: the keys of ../zh-CN/history.ts.
import type { history as zh } from '../zh-CN/history';

export const history: Record<keyof typeof zh, string> = {};
