// Messages of summary tables and the standard form (src/core/report), in Chinese.
export const report = {} as const;
