// Messages of the web checker page, the WPS pane entry and the browser preview (src/checker, src/wps, src/preview), in Chinese.
export const checker = {} as const;
