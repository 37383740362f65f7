// Messages of report prose (src/core/text), in English: the keys of ../zh-CN/text.ts.
import type { text as zh } from '../zh-CN/text';

export const text: Record<keyof typeof zh, string> = {};
