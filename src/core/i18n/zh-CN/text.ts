// Messages of report prose (src/core/text), in Chinese.
export const text = {} as const;
