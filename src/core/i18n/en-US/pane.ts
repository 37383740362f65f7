// Messages of the task pane (src/taskpane), in English: the keys of ../zh-CN/pane.ts.
import type { pane as zh } from '../zh-CN/pane';

export const pane: Record<keyof typeof zh, string> = {
  'pane.checks.title': 'Built-in checks ({n})',
  'pane.checks.intro': 'Every check runs these. The rule language\'s rules (the list above) are the one called "rules".',
  'pane.checks.loading': 'Loading the list of checks…',
  'pane.checks.findings': 'What it flags',
  'pane.checks.settings': 'Settings (default)',
  'pane.checks.stage.workbook': 'workbook',
  'pane.checks.stage.panel': 'years and districts',
  'pane.checks.stage.report': 'report prose',
  'pane.checks.severity.error': 'error',
  'pane.checks.severity.warning': 'warning',
  'pane.checks.severity.info': 'info',
  'pane.checks.severity.rule': 'per rule',
  'pane.checks.any-rule': "the rule's own id",
  'pane.checks.setting': '{name} (default {default}): {about}',
  'pane.functions.title': 'Functions for rules ({n})',
};
