// Messages of the hosts: Excel (Office.js), the xlsx/xls/csv readers and writer, WPS, report documents (.docx, .pdf), in Chinese.
export const host = {} as const;
