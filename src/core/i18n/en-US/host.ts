// Messages of the hosts: Excel (Office.js), the xlsx/xls/csv readers and writer, WPS, report documents (.docx, .pdf), in English: the keys of ../zh-CN/host.ts.
import type { host as zh } from '../zh-CN/host';

export const host: Record<keyof typeof zh, string> = {};
