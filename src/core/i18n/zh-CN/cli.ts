// Messages of the command line and batch checking (src/cli, src/batch), in Chinese.
export const cli = {} as const;
