// Messages of reading sheets: layouts, headers, values and units, regions, corrections, explanations (src/core other than checks, rules, history, report, text), in Chinese.
export const layout = {} as const;
