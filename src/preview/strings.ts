// The preview page's own strings (the task pane has its catalogue in src/taskpane/i18n.ts).
import type { Lang } from '../core/types';

const zhCN = {
  'page.title': '指标校验 · 浏览器预览',
  'bar.label': '预览工具栏',
  'bar.title': '指标校验',
  'bar.badge': '浏览器预览',
  'bar.sample': '示例工作簿',
  'bar.sampleLabel': '选择随附的示例工作簿',
  'bar.localFile': '本地文件：{name}',
  'bar.open': '打开工作簿',
  'bar.openLabel': '打开工作簿（.xlsx、.xls、.et、.csv）/ Open a workbook (.xlsx, .xls, .et, .csv)',
  'bar.hint': '工作簿只在本页中处理，不会上传。',
  'grid.label': '工作表“{sheet}”',
  'grid.sheets': '工作表',
  'grid.hidden': '（隐藏）',
  'grid.empty': '此工作表为空。',
  'grid.truncated': '此工作表共 {rows} 行 × {cols} 列，预览只显示前 {shownRows} 行 × {shownCols} 列；校验仍覆盖全部单元格。',
  'grid.outside': '所选单元格 {address} 不在预览显示的范围内。',
  'grid.nameBox': '所选单元格',
  'grid.marks': '已标记 {n} 个单元格',
  'grid.noMarks': '没有标记',
  'grid.legend': '图例',
  'mark.error': '错误',
  'mark.warning': '警告',
  'mark.info': '提示',
  'load.loading': '正在打开“{name}”…',
  'load.failed': '无法打开工作簿',
  'pane.label': '任务窗格',
} as const;

export type PreviewKey = keyof typeof zhCN;

const enUS: Record<PreviewKey, string> = {
  'page.title': 'Indicator Checker · Browser preview',
  'bar.label': 'Preview toolbar',
  'bar.title': 'Indicator Checker',
  'bar.badge': 'Browser preview',
  'bar.sample': 'Sample workbook',
  'bar.sampleLabel': 'Choose a bundled sample workbook',
  'bar.localFile': 'Local file: {name}',
  'bar.open': 'Open workbook',
  'bar.openLabel': '打开工作簿（.xlsx、.xls、.et、.csv）/ Open a workbook (.xlsx, .xls, .et, .csv)',
  'bar.hint': 'The workbook is processed in this page only; nothing is uploaded.',
  'grid.label': 'Sheet "{sheet}"',
  'grid.sheets': 'Sheets',
  'grid.hidden': ' (hidden)',
  'grid.empty': 'This sheet is empty.',
  'grid.truncated':
    'This sheet has {rows} rows × {cols} columns; the preview shows the first {shownRows} × {shownCols}. The check still covers every cell.',
  'grid.outside': 'The selected cell {address} is outside the part of the sheet shown.',
  'grid.nameBox': 'Selected cell',
  'grid.marks': '{n} cells marked',
  'grid.noMarks': 'No marks',
  'grid.legend': 'Legend',
  'mark.error': 'Error',
  'mark.warning': 'Warning',
  'mark.info': 'Note',
  'load.loading': 'Opening "{name}"…',
  'load.failed': 'Could not open the workbook',
  'pane.label': 'Task pane',
};

const catalogues: Record<Lang, Record<PreviewKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export type PreviewTranslate = (key: PreviewKey, params?: Record<string, string | number>) => string;

export function previewTranslator(lang: Lang): PreviewTranslate {
  const catalogue = catalogues[lang] ?? catalogues['zh-CN'];
  return (key, params) =>
    params ? catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : catalogue[key];
}
