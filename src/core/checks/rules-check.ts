// The rule language (校验规则): the built-in pack, a rule file, the 校验规则 sheet and the pane's
// changes, each rule evaluated per district and period. Its findings carry each rule's own id.
import { runRules } from '../rules/index';
import { defineCheck } from './check';
import type { WorkbookCheckContext } from './stages';

export const rulesCheck = defineCheck<WorkbookCheckContext>({
  id: 'rules',
  stage: 'workbook',
  title: {
    'zh-CN': '校验规则：内置规则包（强制性比率为 100%、比率等于分子/分母、相等的指标一致）与用户自己的规则',
    'en-US': 'Rules: the built-in pack (mandated rates are 100 %, a rate equals numerator/denominator, equal indicators agree) and the user\'s own',
  },
  findings: [
    { id: '*', severity: 'rule', flags: { 'zh-CN': '规则不成立（编号即规则的编号，如 rate.mandated.law-review）；输入缺失、约数或除数为 0 时为提示', 'en-US': 'a rule that does not hold (the id is the rule\'s, e.g. rate.mandated.law-review); an info when its inputs are blank, approximate or divide by 0' } },
    { id: 'rules.syntax', severity: 'warning', flags: { 'zh-CN': '规则的表达式写错了', 'en-US': 'a rule whose expression does not parse' } },
    { id: 'rules.unknown-indicator', severity: 'warning', flags: { 'zh-CN': '规则用到的指标在工作簿中找不到', 'en-US': 'a rule naming an indicator the workbook lacks' } },
    { id: 'rules.no-expression', severity: 'warning', flags: { 'zh-CN': '要修改的规则编号不存在', 'en-US': 'a change to a rule id that does not exist' } },
    { id: 'rules.file', severity: 'warning', flags: { 'zh-CN': '规则文件中读不懂的部分', 'en-US': 'a part of the rule file that cannot be read' } },
    { id: 'rules.sheet', severity: 'warning', flags: { 'zh-CN': '“校验规则”表中读不懂的行', 'en-US': 'a row of the 校验规则 sheet that cannot be read' } },
  ],
  parameters: [
    { name: 'rules', default: '—', about: { 'zh-CN': '规则文件（JSON 或 YAML，--rules）', 'en-US': 'a rule file (JSON or YAML, --rules)' } },
  ],
  messageKeys: [
    'rules.rule.fail',
    'rules.rule.fail-unnamed',
    'rules.rule.fail.details',
    'rules.rule.missing',
    'rules.rule.approx',
    'rules.rule.div0',
    'rules.rule.skipped.details',
    'rules.rule.syntax',
    'rules.rule.unknown-indicator',
    'rules.rule.no-expression',
    'rules.file.parse',
    'rules.sheet.no-header',
  ],
  run: (ctx) => [...ctx.rules.findings, ...runRules(ctx.model, ctx.rules.ruleSet, { index: ctx.ruleIndex })],
});
