// Messages of the web checker page, the WPS pane entry and the browser preview (src/checker, src/wps, src/preview), in English: the keys of ../zh-CN/checker.ts.
import type { checker as zh } from '../zh-CN/checker';

export const checker: Record<keyof typeof zh, string> = {};
