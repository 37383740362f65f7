// Messages of the task pane (src/taskpane), in Chinese.
export const pane = {
  'pane.checks.title': '内置检查（{n} 项）',
  'pane.checks.intro': '每次校验都会运行下列检查。规则语言的规则（上方列表）是其中的“rules”一项。',
  'pane.checks.loading': '正在载入检查列表…',
  'pane.checks.findings': '提示的问题',
  'pane.checks.settings': '设置（默认值）',
  'pane.checks.stage.workbook': '工作簿',
  'pane.checks.stage.panel': '跨年与跨地区',
  'pane.checks.stage.report': '报告文本',
  'pane.checks.severity.error': '错误',
  'pane.checks.severity.warning': '警告',
  'pane.checks.severity.info': '提示',
  'pane.checks.severity.rule': '按规则',
  'pane.checks.any-rule': '规则自己的编号',
  'pane.checks.setting': '{name}（默认 {default}）：{about}',
  'pane.functions.title': '规则中可用的函数（{n} 个）',
} as const;
