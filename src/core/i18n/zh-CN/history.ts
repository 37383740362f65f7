// Messages of the cross-period detectors (src/core/history), in Chinese.
export const history = {} as const;
