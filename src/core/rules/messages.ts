// Message catalogue of the rules: one template per message id in each language, as in
// ../messages.ts. Placeholders are {name}; a parameter may itself be bilingual.
import type { Bilingual } from '../types';

const zhCN = {
  // expressions
  'parse.empty': '表达式为空。',
  'parse.not-text': '表达式不是文本。',
  'parse.too-long': '表达式太长（{count} 个字符，最多 {max} 个）。',
  'parse.too-deep': '括号或运算嵌套太深。',
  'parse.unclosed-name': '“{open}”没有对应的“{close}”：指标名称要写在一对方括号里，如 [行政处罚案件]。',
  'parse.empty-name': '方括号里没有指标名称。',
  'parse.stray-close': '多余的“{char}”：前面没有对应的“[”。',
  'parse.cjk-outside': '“{text}”不在方括号里：指标名称要写成 [{text}]。',
  'parse.unexpected-char': '不认识的字符“{char}”。',
  'parse.unknown-word': '不认识的词“{word}”：指标名称要写在方括号里（如 [{word}]），函数名后要跟括号。',
  'parse.unknown-function': '没有函数“{name}”{suggest}。可用的函数：{functions}。',
  'parse.did-you-mean': '（是否想写 {name}？）',
  'parse.percent': '“{char}”只能紧跟在数字后面，如 100%。',
  'parse.number-letters': '数字后面紧跟着字母“{text}”。',
  'parse.unsupported-op': '不支持运算符“{op}”{hint}。',
  'parse.unmatched-paren': '多余的“)”：前面没有对应的“(”。',
  'parse.unclosed-paren': '“(”没有对应的“)”。',
  'parse.top-comma': '逗号只能用来分隔函数的参数；一条规则只能有一个表达式。',
  'parse.missing-operand': '“{op}”后面缺少数值或指标。',
  'parse.missing-left': '“{op}”前面缺少数值或指标。',
  'parse.missing-operator': '两个值之间缺少运算符（如 +、==、and）。',
  'parse.empty-parens': '括号里是空的。',
  'parse.syntax': '语法错误：{detail}',
  'parse.not-condition': '规则必须是一个条件（用 ==、!=、<、<=、>、>= 比较），而不只是一个数值。',
  'parse.needs-number': '“{op}”两边应为数值，这里是一个条件。',
  'parse.needs-condition': '“{op}”两边应为条件（比较），这里是一个数值。',
  'parse.not-operand': 'not 只能用于条件；not 只作用于紧跟的一项，请加括号，如 not ([甲] > 0)。',
  'parse.chained': '不能连写比较（a < b < c）；请写成 a < b and b < c。',
  'parse.compare-conditions': '“{op}”不能比较两个条件；请分别写出比较，用 and / or 连接。',
  'parse.arity': '函数 {fn} 需要 {expected} 个参数，这里有 {count} 个。',
  'parse.arg-number': '函数 {fn} 的第 {n} 个参数应为数值，这里是一个条件。',
  'parse.arg-condition': '{fn} 的{nth}参数应为条件（比较）。',
  'parse.branches': '{fn} 的两个结果应同为数值或同为条件。',
  'parse.arg-indicator': '{fn} 的参数必须是一个指标，如 {fn}([行政处罚案件])。',
  'parse.unsupported': '不支持的写法。',
  // rule problems as findings
  'rule.syntax': '规则 {id}{name}的表达式第 {column} 个字符处有误：{detail} 表达式：{expr}',
  'rule.unknown-indicator': '规则 {id}{name}中的指标 [{indicator}]（表达式第 {column} 个字符处）在工作簿中找不到。{suggest}',
  'rule.suggest': '最接近的指标：{names}。',
  'rule.no-suggest': '没有名称相近的指标。',
  'rule.no-expression': '规则 {id} 没有表达式，也没有编号相同的规则可供修改。',
  // evaluation
  // A failed rule. The message is for the clerk (what should hold, who reported what, where);
  // the details (Finding.details) name the rule and its expression and give the arithmetic.
  'rule.fail': '{plain}，但{period}填报为：{values}。',
  'rule.fail-unnamed': '{period}不满足一条校验规则：填报为 {values}。',
  'rule.fail.details': '规则 {id}：{expr}。{detail}',
  'rule.detail': '左边为 {lhs}，右边为 {rhs}，相差 {diff}。',
  'rule.missing': '规则 {id}{name}{period}未核对：{names} 没有数值{entities}。',
  'rule.approx': '规则 {id}{name}{period}未核对：{names} 是约数（{text}）{entities}。',
  'rule.div0': '规则 {id}{name}{period}未核对：除数为 0{entities}。',
  'rule.entities': '（{list}）',
  'rule.prev': '上一年的',
  // rule files
  'file.parse': '规则文件{file}无法读取：{detail}',
  'file.shape': '规则文件{file}应包含 rules 列表（每条规则有 id、name、expr、severity）。',
  'file.rule-shape': '规则文件{file}第 {n} 条规则不是一个对象。',
  'file.missing-field': '规则文件{file}第 {n} 条规则缺少 {field}。',
  'file.bad-field': '规则文件{file}第 {n} 条规则（{id}）的 {field} 值“{value}”无法识别{fallback}。',
  'file.expr-not-text': '规则文件{file}第 {n} 条规则（{id}）的 expr 不是文本；在 YAML 中以 [ 开头的表达式要加引号，如 expr: "[甲] == [乙]"。',
  'file.duplicate-id': '规则文件{file}中编号 {id} 出现了不止一次，只使用第一条。',
  'file.bad-aliases': '规则文件{file}的 aliases 应为“名称: [别名, …]”。',
  'file.bad-pattern': '规则文件{file}的别名“{pattern}”不是有效的正则表达式。',
  // the 校验规则 sheet
  'sheet.no-header': '工作表“{sheet}”中找不到表头（编号 | 名称 | 表达式 | 级别），其中的规则未读取。',
  'sheet.missing-id': '{cell}：这一行有表达式但没有编号，未读取。',
  'sheet.duplicate-id': '{cell}：编号 {id} 在前面已出现，这一行未读取。',
  'sheet.bad-field': '{cell}：{field}“{value}”无法识别{fallback}。',
  'fallback.severity': '（应为 错误/警告/提示），按“错误”处理',
  'fallback.tolerance': '（应为数字或百分数），按默认容差处理',
  'fallback.enabled': '（应为 是/否），按“是”处理',
  'field.severity': '级别',
  'field.tolerance': '容差',
  'field.enabled': '启用',
  // typo hints
  'typo.swap2': '{cell} 可能应为 {to}（{from} 的两位数字颠倒）',
  'typo.swap': '{cell} 可能应为 {to}（{from} 中相邻两位数字颠倒）',
  'typo.substitute': '{cell} 可能应为 {to}（{from} 中有一位数字写错）',
  'typo.drop': '{cell} 可能应为 {to}（{from} 多写了一位数字）',
  'typo.insert': '{cell} 可能应为 {to}（{from} 漏写了一位数字）',
  'typo.others': '；只改一位数字的其他可能：{list}',
  'typo.either': '两处之一可能录错：{first}；或 {second}',
  'typo.alt': '{cell} 改为 {to}',
} as const;

export type RuleMessageId = keyof typeof zhCN;

const enUS: Record<RuleMessageId, string> = {
  'parse.empty': 'The expression is empty.',
  'parse.not-text': 'The expression is not text.',
  'parse.too-long': 'The expression is too long ({count} characters, at most {max}).',
  'parse.too-deep': 'Parentheses or operators are nested too deeply.',
  'parse.unclosed-name': '"{open}" has no matching "{close}": indicator names go in brackets, e.g. [行政处罚案件].',
  'parse.empty-name': 'The brackets hold no indicator name.',
  'parse.stray-close': 'Unmatched "{char}": there is no "[" before it.',
  'parse.cjk-outside': '"{text}" is not in brackets: write indicator names as [{text}].',
  'parse.unexpected-char': 'Unexpected character "{char}".',
  'parse.unknown-word': 'Unknown word "{word}": indicator names go in brackets (e.g. [{word}]), and function names are followed by parentheses.',
  'parse.unknown-function': 'There is no function "{name}"{suggest}. Functions: {functions}.',
  'parse.did-you-mean': ' (did you mean {name}?)',
  'parse.percent': '"{char}" must follow a number, as in 100%.',
  'parse.number-letters': 'A number is directly followed by the letters "{text}".',
  'parse.unsupported-op': 'The operator "{op}" is not supported{hint}.',
  'parse.unmatched-paren': 'Unmatched ")": there is no "(" before it.',
  'parse.unclosed-paren': '"(" has no matching ")".',
  'parse.top-comma': 'Commas only separate the arguments of a function; a rule is a single expression.',
  'parse.missing-operand': 'A value or an indicator is missing after "{op}".',
  'parse.missing-left': 'A value or an indicator is missing before "{op}".',
  'parse.missing-operator': 'An operator (such as +, == or and) is missing between two values.',
  'parse.empty-parens': 'The parentheses are empty.',
  'parse.syntax': 'Syntax error: {detail}',
  'parse.not-condition': 'A rule must be a condition (a comparison with ==, !=, <, <=, >, >=), not just a number.',
  'parse.needs-number': 'Both sides of "{op}" must be numbers; this one is a condition.',
  'parse.needs-condition': 'Both sides of "{op}" must be conditions (comparisons); this one is a number.',
  'parse.not-operand': '"not" applies to conditions, and only to the item right after it: add parentheses, e.g. not ([a] > 0).',
  'parse.chained': 'Comparisons cannot be chained (a < b < c); write a < b and b < c.',
  'parse.compare-conditions': '"{op}" cannot compare two conditions; write each comparison and join them with and / or.',
  'parse.arity': 'The function {fn} takes {expected} argument(s), here {count}.',
  'parse.arg-number': 'Argument {n} of {fn} must be a number; it is a condition.',
  'parse.arg-condition': 'The {nth} argument of {fn} must be a condition (a comparison).',
  'parse.branches': 'Both results of {fn} must be numbers, or both conditions.',
  'parse.arg-indicator': 'The argument of {fn} must be an indicator, e.g. {fn}([行政处罚案件]).',
  'parse.unsupported': 'This construct is not supported.',
  'rule.syntax': 'Rule {id}{name}: error at character {column} of the expression: {detail} Expression: {expr}',
  'rule.unknown-indicator': 'Rule {id}{name}: the indicator [{indicator}] (character {column} of the expression) is not in the workbook. {suggest}',
  'rule.suggest': 'Closest names: {names}.',
  'rule.no-suggest': 'No indicator has a similar name.',
  'rule.no-expression': 'Rule {id} has no expression, and there is no rule with that id to change.',
  'rule.fail': '{plain}, but {period} reports {values}.',
  'rule.fail-unnamed': '{period} does not meet a check rule: reported {values}.',
  'rule.fail.details': 'Rule {id}: {expr}. {detail}',
  'rule.detail': 'Left side {lhs}, right side {rhs}, difference {diff}.',
  'rule.missing': 'Rule {id}{name} not checked {period}: {names} has no value{entities}.',
  'rule.approx': 'Rule {id}{name} not checked {period}: {names} is approximate ({text}){entities}.',
  'rule.div0': 'Rule {id}{name} not checked {period}: division by zero{entities}.',
  'rule.entities': ' ({list})',
  'rule.prev': 'previous year of ',
  'file.parse': 'Cannot read the rule file{file}: {detail}',
  'file.shape': 'The rule file{file} must hold a list "rules" (each rule with id, name, expr, severity).',
  'file.rule-shape': 'Rule {n} of the rule file{file} is not an object.',
  'file.missing-field': 'Rule {n} of the rule file{file} has no {field}.',
  'file.bad-field': 'Rule {n} ({id}) of the rule file{file}: cannot read {field} "{value}"{fallback}.',
  'file.expr-not-text': 'Rule {n} ({id}) of the rule file{file}: expr is not text; in YAML an expression that starts with [ must be quoted, e.g. expr: "[a] == [b]".',
  'file.duplicate-id': 'The id {id} occurs more than once in the rule file{file}; only the first is used.',
  'file.bad-aliases': 'The aliases of the rule file{file} must map a name to a list of variants.',
  'file.bad-pattern': 'The alias "{pattern}" of the rule file{file} is not a valid regular expression.',
  'sheet.no-header': 'No header row (编号 | 名称 | 表达式 | 级别) found in sheet "{sheet}"; its rules were not read.',
  'sheet.missing-id': '{cell}: this row has an expression but no id (编号); it was not read.',
  'sheet.duplicate-id': '{cell}: the id {id} occurs in an earlier row; this row was not read.',
  'sheet.bad-field': '{cell}: cannot read {field} "{value}"{fallback}.',
  'fallback.severity': ' (use 错误/警告/提示 or error/warning/info); treated as error',
  'fallback.tolerance': ' (use a number or a percentage); the default tolerance applies',
  'fallback.enabled': ' (use 是/否); treated as enabled',
  'field.severity': 'the level (级别)',
  'field.tolerance': 'the tolerance (容差)',
  'field.enabled': 'enabled (启用)',
  'typo.swap2': '{cell} may be {to} (digits of {from} swapped)',
  'typo.swap': '{cell} may be {to} (two adjacent digits of {from} swapped)',
  'typo.substitute': '{cell} may be {to} (one digit of {from} mistyped)',
  'typo.drop': '{cell} may be {to} (one digit too many in {from})',
  'typo.insert': '{cell} may be {to} (a digit missing from {from})',
  'typo.others': '; other single-digit fixes: {list}',
  'typo.either': 'one of two cells may be mistyped: {first}; or {second}',
  'typo.alt': '{cell} → {to}',
};

export type RuleParams = Record<string, string | number | Bilingual | undefined>;

function fill(template: string, params: RuleParams, lang: 'zh-CN' | 'en-US'): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = params[key];
    if (v === undefined) return whole;
    if (typeof v === 'object') return v[lang];
    return String(v);
  });
}

/** Renders a rule message in both languages. */
export function ruleMessage(id: RuleMessageId, params: RuleParams = {}): Bilingual {
  return { 'zh-CN': fill(zhCN[id], params, 'zh-CN'), 'en-US': fill(enUS[id], params, 'en-US') };
}

/** Joins bilingual pieces with a separator per language (、 in Chinese, ", " in English). */
export function joinBilingual(parts: Bilingual[], zhSep = '、', enSep = ', '): Bilingual {
  return { 'zh-CN': parts.map((p) => p['zh-CN']).join(zhSep), 'en-US': parts.map((p) => p['en-US']).join(enSep) };
}

/** The n-th (1-based) as a message parameter: 第 1 个 / first. */
export function ordinal(n: number): Bilingual {
  const en = ['first', 'second', 'third'][n - 1] ?? `${n}th`;
  return { 'zh-CN': `第 ${n} 个`, 'en-US': en };
}

/** The same text in both languages. */
export function both(text: string): Bilingual {
  return { 'zh-CN': text, 'en-US': text };
}
