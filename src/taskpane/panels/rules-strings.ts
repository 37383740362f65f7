// Strings of the 规则 tab and of the explanation (核实说明) UI of the 校验 tab. Same keys in both
// languages (the types enforce it); use through `rulesTranslator` / `explainTranslator`.
import type { Lang } from '../../core/types';
import { catalogueTranslator } from '../i18n';

const zhCN = {
  'rules.intro':
    '下列规则在校验时生效：内置规则包、导入的规则文件和工作簿中的“校验规则”工作表（编号相同时，工作表优先于文件，文件优先于内置）。在这里启用、停用或修改级别和容差只在本次会话有效，下次校验时应用。',
  'rules.loading': '正在读取规则…',
  'rules.beforeCheck': '尚未校验：工作簿中“校验规则”工作表里的规则会在校验后列出。',
  'rules.afterCheck': '已包含最近一次校验时读取的“校验规则”工作表。',
  'rules.count': '共 {n} 条规则，启用 {enabled} 条',
  'rules.countFiltered': '显示 {shown} / {n} 条规则',
  'rules.filter': '筛选规则',
  'rules.filterPlaceholder': '编号、名称或表达式',
  'rules.listLabel': '规则列表',
  'rules.noMatch': '没有符合筛选条件的规则。',

  'rules.source.pack': '内置',
  'rules.source.file': '文件',
  'rules.source.sheet': '工作表',
  'rules.source.pane': '窗格',
  'rules.patchedBy': '已被{source}修改',
  'rules.changedInPane': '已在窗格中修改',

  'rules.enabledLabel': '启用规则 {id}',
  'rules.on': '启用',
  'rules.off': '停用',
  'rules.severityLabel': '规则 {id} 的级别',
  'rules.severity.error': '错误',
  'rules.severity.warning': '警告',
  'rules.severity.info': '提示',
  'rules.tolerance': '容差',
  'rules.toleranceLabel': '规则 {id} 的容差（数值或百分比，留空为自动）',
  'rules.toleranceAuto': '自动',
  'rules.toleranceInvalid': '规则 {id} 的容差“{value}”无效：请填写不小于 0 的数值或百分比，例如 0.5 或 0.5%。',
  'rules.resetLabel': '还原规则 {id} 在窗格中的修改',
  'rules.reset': '还原',
  'rules.pending': '已在窗格中修改 {n} 条规则，下次校验时生效（仅本次会话）。',
  'rules.resetAll': '全部还原',

  'rules.problems': '规则问题（{n}）',
  'rules.problemsLabel': '规则问题列表',
  'rules.problemGoto': '跳转到 {where}',
  'rules.syntax': '规则 {id} 的表达式第 {column} 个字符处有误：{detail}',

  'rules.create': '创建规则表',
  'rules.createLabel': '创建规则表：新建“校验规则”工作表，含表头和两条示例规则',
  'rules.created': '已创建“校验规则”工作表，其中有两条示例规则。编写规则后重新校验即可生效。',
  'rules.createExists': '工作簿中已有“校验规则”工作表，可以直接在其中编写规则。',
  'rules.createUnavailable':
    '当前环境不能新建工作表。可以在 Excel 中手动添加名为“校验规则”的工作表，第一行依次填写：编号、名称、表达式、级别、容差、启用、说明。',

  'rules.import': '导入规则文件',
  'rules.importLabel': '导入规则文件（JSON 或 YAML）',
  'rules.imported': '已导入规则文件“{name}”，下次校验时生效。',
  'rules.fileInUse': '规则文件：{name}',
  'rules.removeFile': '移除',
  'rules.removeFileLabel': '移除规则文件“{name}”',
  'rules.removed': '已移除规则文件，下次校验时不再使用。',
  'rules.fileTooLarge': '文件“{name}”太大（{size} KB）：规则文件不能超过 1024 KB。',
  'rules.fileUnreadable': '无法读取文件“{name}”：{detail}',
  'rules.export': '导出规则',
  'rules.exportLabel': '导出规则：把规则文件和工作表中的规则以及窗格中的修改下载为 校验规则.json',
  'rules.exportNothing': '没有可导出的规则：只有未修改的内置规则。',
  'rules.exported': '已导出“{name}”。',
  'rules.exportUnavailable': '当前环境不支持下载文件。',
} as const;

export type RulesKey = keyof typeof zhCN;

const enUS: Record<RulesKey, string> = {
  'rules.intro':
    "These rules apply when you check: the built-in pack, an imported rule file and the workbook's 校验规则 sheet (for the same id the sheet wins over the file, the file over the pack). Enabling, disabling or changing severity and tolerance here lasts for this session and applies to the next check.",
  'rules.loading': 'Reading the rules…',
  'rules.beforeCheck': "Not checked yet: the rules of the workbook's 校验规则 sheet are listed after a check.",
  'rules.afterCheck': 'Includes the 校验规则 sheet as read by the last check.',
  'rules.count': '{n} rules, {enabled} enabled',
  'rules.countFiltered': 'Showing {shown} of {n} rules',
  'rules.filter': 'Filter rules',
  'rules.filterPlaceholder': 'Id, name or expression',
  'rules.listLabel': 'List of rules',
  'rules.noMatch': 'No rule matches the filter.',

  'rules.source.pack': 'Built-in',
  'rules.source.file': 'File',
  'rules.source.sheet': 'Sheet',
  'rules.source.pane': 'Pane',
  'rules.patchedBy': 'Changed by: {source}',
  'rules.changedInPane': 'Changed in the pane',

  'rules.enabledLabel': 'Enable rule {id}',
  'rules.on': 'On',
  'rules.off': 'Off',
  'rules.severityLabel': 'Severity of rule {id}',
  'rules.severity.error': 'Error',
  'rules.severity.warning': 'Warning',
  'rules.severity.info': 'Note',
  'rules.tolerance': 'Tolerance',
  'rules.toleranceLabel': 'Tolerance of rule {id} (a number or a percentage; blank for automatic)',
  'rules.toleranceAuto': 'Automatic',
  'rules.toleranceInvalid': 'The tolerance "{value}" of rule {id} is not valid: enter a number or percentage of at least 0, e.g. 0.5 or 0.5%.',
  'rules.resetLabel': "Undo the pane's changes to rule {id}",
  'rules.reset': 'Reset',
  'rules.pending': '{n} rules changed in the pane; the changes apply to the next check (this session only).',
  'rules.resetAll': 'Reset all',

  'rules.problems': 'Rule problems ({n})',
  'rules.problemsLabel': 'List of rule problems',
  'rules.problemGoto': 'Go to {where}',
  'rules.syntax': 'Rule {id}: error at character {column} of the expression: {detail}',

  'rules.create': 'Create rules sheet',
  'rules.createLabel': 'Create rules sheet: add a 校验规则 sheet with the header and two example rules',
  'rules.created': 'The 校验规则 sheet was created with two example rules. Write your rules there and check again.',
  'rules.createExists': 'The workbook already has a 校验规则 sheet; write your rules there.',
  'rules.createUnavailable':
    'Sheets cannot be added here. In Excel, add a sheet named 校验规则 with this first row: 编号, 名称, 表达式, 级别, 容差, 启用, 说明.',

  'rules.import': 'Import rule file',
  'rules.importLabel': 'Import a rule file (JSON or YAML)',
  'rules.imported': 'The rule file "{name}" was imported; it applies to the next check.',
  'rules.fileInUse': 'Rule file: {name}',
  'rules.removeFile': 'Remove',
  'rules.removeFileLabel': 'Remove the rule file "{name}"',
  'rules.removed': 'The rule file was removed; the next check does not use it.',
  'rules.fileTooLarge': 'The file "{name}" is too large ({size} KB); a rule file may be at most 1024 KB.',
  'rules.fileUnreadable': 'The file "{name}" could not be read: {detail}',
  'rules.export': 'Export rules',
  'rules.exportLabel': "Export rules: download the rules of the rule file and the sheet, and the pane's changes, as 校验规则.json",
  'rules.exportNothing': 'Nothing to export: only built-in rules, unchanged.',
  'rules.exported': '"{name}" was exported.',
  'rules.exportUnavailable': 'Downloading files is not supported here.',
};

export const RULES_STRINGS: Record<Lang, Record<RulesKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export type RulesTranslate = (key: RulesKey, params?: Record<string, string | number>) => string;

export function rulesTranslator(lang: Lang): RulesTranslate {
  return catalogueTranslator(RULES_STRINGS, lang);
}

const explainZh = {
  'explain.action': '说明',
  'explain.actionLabel': '填写核实说明：{where}',
  'explain.editLabel': '修改核实说明：{where}',
  'explain.badge': '已说明',
  'explain.text': '说明：{text}',
  'explain.title': '核实说明',
  'explain.intro': '说明这条提示为什么属实、数据为什么正确。说明保存在工作簿的“校验说明”工作表中；数值改变后需要重新说明。',
  'explain.field': '说明',
  'explain.placeholder': '例如：其余 1583 条为其他类别，表中未列出。',
  'explain.save': '保存',
  'explain.remove': '删除说明',
  'explain.cancel': '取消',
  'explain.saved': '已保存核实说明。',
  'explain.removed': '已删除核实说明。',
  'explain.explained': '已说明 {n}',
  'explain.tooLong': '说明最多 {max} 个字。',
} as const;

export type ExplainKey = keyof typeof explainZh;

const explainEn: Record<ExplainKey, string> = {
  'explain.action': 'Explain',
  'explain.actionLabel': 'Explain: {where}',
  'explain.editLabel': 'Edit the explanation: {where}',
  'explain.badge': 'Explained',
  'explain.text': 'Explanation: {text}',
  'explain.title': 'Explanation',
  'explain.intro':
    "Say why this finding is expected and the data are right. The explanation is kept in the workbook's 校验说明 sheet; it must be given again when the values change.",
  'explain.field': 'Explanation',
  'explain.placeholder': 'E.g. the other 1,583 items are of other kinds, not listed in the table.',
  'explain.save': 'Save',
  'explain.remove': 'Remove explanation',
  'explain.cancel': 'Cancel',
  'explain.saved': 'The explanation was saved.',
  'explain.removed': 'The explanation was removed.',
  'explain.explained': 'Explained {n}',
  'explain.tooLong': 'An explanation may have at most {max} characters.',
};

export const EXPLAIN_STRINGS: Record<Lang, Record<ExplainKey, string>> = { 'zh-CN': explainZh, 'en-US': explainEn };

export type ExplainTranslate = (key: ExplainKey, params?: Record<string, string | number>) => string;

export function explainTranslator(lang: Lang): ExplainTranslate {
  return catalogueTranslator(EXPLAIN_STRINGS, lang);
}
