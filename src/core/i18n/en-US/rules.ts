// Messages of the rule language (src/core/rules), in English: the keys of ../zh-CN/rules.ts.
import type { rules as zh } from '../zh-CN/rules';

export const rules: Record<keyof typeof zh, string> = {};
