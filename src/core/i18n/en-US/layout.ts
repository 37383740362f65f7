// Messages of reading sheets: layouts, headers, values and units, regions, corrections, explanations (src/core other than checks, rules, history, report, text), in English: the keys of ../zh-CN/layout.ts.
import type { layout as zh } from '../zh-CN/layout';

export const layout: Record<keyof typeof zh, string> = {};
