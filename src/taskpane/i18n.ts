// UI strings of the task pane, in two catalogues with the same keys. zh-CN is the default.
// Engine messages (findings, progress stages) carry their own Bilingual text and are not here.
import type { Bilingual, Lang } from '../core/types';

const zhCN = {
  'app.title': '指标校验',
  'app.subtitle': '年度指标表校验',
  'lang.toggle': 'English',
  'lang.toggleLabel': 'English（切换界面语言为英文）',
  'tabs.label': '功能',
  'tab.check': '校验',
  'tab.crossYear': '跨年',
  'tab.summary': '汇总表',
  'tab.rules': '规则',
  'tab.structure': '结构',


  'check.run': '校验',
  'check.runLabel': '校验当前工作簿',
  'check.running': '正在校验…',
  'check.clear': '清除标记',
  'check.clearLabel': '清除标记：删除本加载项在工作表中做的所有标记，恢复原有格式',
  'check.cleared': '已清除标记。',
  'check.writeSheet': '写入结果表',
  'check.writeSheetLabel': '写入结果表：把校验结果写入本加载项自己的工作表',
  'check.sheetWritten': '结果已写入工作表。',
  'check.sheetWrittenNewWorkbook': '工作簿结构受保护，无法添加工作表；校验结果已写入一个新工作簿，请在其中查看并保存。',
  'check.hostProblems': '以下内容未能完成，其余已完成：',
  'check.structureProtected': '此工作簿的结构受保护：“写入结果表”会把结果写入一个新工作簿。',
  'check.intro': '点击“校验”检查当前工作簿中的年度指标表。发现的问题会在单元格上标记，并在下方列出。',
  'stage.reading': '正在读取工作簿…',
  'stage.checking': '正在校验…',
  'stage.marking': '正在标记单元格…',

  'summary.label': '校验结果汇总',
  'summary.observations': '共读取 {n} 个数值',
  'severity.error': '错误',
  'severity.warning': '警告',
  'severity.info': '提示',

  'empty.title': '✓ 未发现问题',
  'empty.body': '所有已识别的指标都通过了校验。',
  'empty.noObservations': '没有在工作簿中识别到指标数据，请确认工作表的格式。',

  'finding.goto': '跳转到',
  'finding.values': '数值',
  'finding.expected': '期望',
  'finding.difference': '差额',
  'finding.blank': '（空）',
  'finding.listLabel': '{group}列表',
  'finding.technical': '详情',

  'error.title': '出错了',
  'error.generic': '操作未能完成，发生了意外错误。',
  'error.dismiss': '关闭',
  'error.retry': '重试',
  'error.retryLabel': '重试：{action}',
  'action.check': '校验当前工作簿',
  'action.mark': '在单元格上标记问题',
  'action.clear': '清除标记',
  'action.select': '选中 {cell}',
  'action.writeSheet': '写入结果表',
  'notice.dismiss': '关闭提示',
} as const;

export type MessageKey = keyof typeof zhCN;
export type Catalogue = Record<MessageKey, string>;

const zh: Catalogue = zhCN;

const en: Catalogue = {
  'app.title': 'Indicator Checker',
  'app.subtitle': 'Checks annual indicator sheets',
  'lang.toggle': '中文',
  'lang.toggleLabel': '中文 (switch the interface language to Chinese)',
  'tabs.label': 'Features',
  'tab.check': 'Check',
  'tab.crossYear': 'Cross-year',
  'tab.summary': 'Summary',
  'tab.rules': 'Rules',
  'tab.structure': 'Structure',


  'check.run': 'Check',
  'check.runLabel': 'Check the current workbook',
  'check.running': 'Checking…',
  'check.clear': 'Clear marks',
  'check.clearLabel': 'Clear marks: remove every mark this add-in made in the sheets and restore the original formats',
  'check.cleared': 'Marks cleared.',
  'check.writeSheet': 'Write result sheet',
  'check.writeSheetLabel': "Write result sheet: write the findings to the add-in's own sheet",
  'check.sheetWritten': 'The findings were written to a sheet.',
  'check.sheetWrittenNewWorkbook': 'The workbook structure is protected, so no sheet can be added; the findings were written to a new workbook. Review and save it there.',
  'check.hostProblems': 'These could not be done; everything else was:',
  'check.structureProtected': 'This workbook\'s structure is protected: "Write result sheet" writes the findings to a new workbook.',
  'check.intro':
    'Click "Check" to check the annual indicator sheets of the current workbook. Problems are marked in the cells and listed below.',
  'stage.reading': 'Reading the workbook…',
  'stage.checking': 'Checking…',
  'stage.marking': 'Marking cells…',

  'summary.label': 'Summary of the check',
  'summary.observations': '{n} values read',
  'severity.error': 'Errors',
  'severity.warning': 'Warnings',
  'severity.info': 'Notes',

  'empty.title': '✓ No problems found',
  'empty.body': 'Every indicator that was recognised passed the checks.',
  'empty.noObservations': 'No indicator data was recognised in the workbook; please check the sheet layout.',

  'finding.goto': 'Go to',
  'finding.values': 'Values',
  'finding.expected': 'Expected',
  'finding.difference': 'Difference',
  'finding.blank': '(blank)',
  'finding.listLabel': 'List of {group}',
  'finding.technical': 'Details',

  'error.title': 'Something went wrong',
  'error.generic': 'The operation could not be completed because of an unexpected error.',
  'error.dismiss': 'Dismiss',
  'error.retry': 'Retry',
  'error.retryLabel': 'Retry: {action}',
  'action.check': 'check the current workbook',
  'action.mark': 'mark the problems in the cells',
  'action.clear': 'clear the marks',
  'action.select': 'select {cell}',
  'action.writeSheet': 'write the result sheet',
  'notice.dismiss': 'Dismiss the notice',
};

export const catalogues: Record<Lang, Catalogue> = { 'zh-CN': zh, 'en-US': en };

export const DEFAULT_LANG: Lang = 'zh-CN';

function fill(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** Looks up a string and fills `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  return fill((catalogues[lang] ?? catalogues[DEFAULT_LANG])[key], params);
}

/**
 * A translate function over a tab's own catalogue (kept beside the tab), with the same
 * placeholder rules. Both languages must have the same keys; the types enforce it.
 */
export function catalogueTranslator<K extends string>(
  local: Record<Lang, Record<K, string>>,
  lang: Lang,
): (key: K, params?: Record<string, string | number>) => string {
  const table = local[lang] ?? local[DEFAULT_LANG];
  return (key, params) => fill(table[key], params);
}

/** A translate function bound to one language. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}

/** Picks the text of a Bilingual in a language, falling back to the other one when empty. */
export function pick(text: Bilingual, lang: Lang): string {
  const other: Lang = lang === 'zh-CN' ? 'en-US' : 'zh-CN';
  return text[lang] || text[other] || '';
}

/** Maps an Office display language ("zh-CN", "en-US", "en-GB", …) to a UI language. */
export function langFromDisplayLanguage(displayLanguage: string | undefined | null): Lang {
  return typeof displayLanguage === 'string' && displayLanguage.toLowerCase().startsWith('en') ? 'en-US' : 'zh-CN';
}
