// Messages of summary tables and the standard form (src/core/report), in English: the keys of ../zh-CN/report.ts.
import type { report as zh } from '../zh-CN/report';

export const report: Record<keyof typeof zh, string> = {};
