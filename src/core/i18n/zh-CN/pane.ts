// Messages of the task pane (src/taskpane), in Chinese.
export const pane = {} as const;
