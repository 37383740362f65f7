// Messages of the rule language (src/core/rules), in Chinese.
export const rules = {} as const;
