// Messages of the command line and batch checking (src/cli, src/batch), in English: the keys of ../zh-CN/cli.ts.
import type { cli as zh } from '../zh-CN/cli';

export const cli: Record<keyof typeof zh, string> = {};
