import fc from 'fast-check';
import { parseRule, walk, type Node } from '../src/core/rules/parser';

function ok(text: string): Node {
  const r = parseRule(text, 'T1');
  if (!r.ok) throw new Error(`${text}: ${r.error.column} ${r.error.message['en-US']}`);
  return r.ast;
}

/** A compact s-expression of the AST, for structure assertions. */
function sx(n: Node): string {
  switch (n.type) {
    case 'number':
      return n.percent ? `${n.value}%` : String(n.value);
    case 'indicator':
      return `[${n.name}]`;
    case 'unary':
      return `(${n.op} ${sx(n.arg)})`;
    case 'binary':
      return `(${n.op} ${sx(n.left)} ${sx(n.right)})`;
    case 'call':
      return `(${n.fn} ${n.args.map(sx).join(' ')})`;
  }
}

function err(text: string) {
  const r = parseRule(text, 'R7');
  if (r.ok) throw new Error(`${text} parsed`);
  return r.error;
}

describe('rule language: what parses', () => {
  it.each([
    ['[a] + [b] == [c]', '(== (+ [a] [b]) [c])'],
    ['[a] - [b] != [c]', '(!= (- [a] [b]) [c])'],
    ['[a] * 2 < [c]', '(< (* [a] 2) [c])'],
    ['[a] / [b] <= 1', '(<= (/ [a] [b]) 1)'],
    ['[a] > 0', '(> [a] 0)'],
    ['[a] >= 0.5', '(>= [a] 0.5)'],
    ['[a] > 0 and [b] > 0', '(and (> [a] 0) (> [b] 0))'],
    ['[a] > 0 or [b] > 0', '(or (> [a] 0) (> [b] 0))'],
    ['not ([a] > 0)', '(not (> [a] 0))'],
    ['-[a] < 3', '(< (- [a]) 3)'],
    ['+[a] == 3', '(== (+ [a]) 3)'],
    ['[率] == 100%', '(== [率] 1%)'],
    ['[率] == 99.5 %', '(== [率] 0.995%)'],
    ['[率] <= 5‰', '(<= [率] 0.005%)'],
    ['[a] == .5', '(== [a] 0.5)'],
  ])('%s', (text, tree) => {
    expect(sx(ok(text))).toBe(tree);
  });

  it('precedence: * over +, comparisons over and, and over or; parentheses win', () => {
    expect(sx(ok('[a] + [b] * [c] == 7'))).toBe('(== (+ [a] (* [b] [c])) 7)');
    expect(sx(ok('([a] + [b]) * [c] == 7'))).toBe('(== (* (+ [a] [b]) [c]) 7)');
    expect(sx(ok('[a] > 1 or [b] > 1 and [c] > 1'))).toBe('(or (> [a] 1) (and (> [b] 1) (> [c] 1)))');
    expect(sx(ok('[a] - [b] - [c] == 0'))).toBe('(== (- (- [a] [b]) [c]) 0)');
  });

  it('every function', () => {
    expect(sx(ok('sum([a], [b], [c]) == [d]'))).toBe('(== (sum [a] [b] [c]) [d])');
    expect(sx(ok('abs([a] - [b]) <= 1'))).toBe('(<= (abs (- [a] [b])) 1)');
    expect(sx(ok('min([a], [b]) >= 0 and max([a], [b]) <= 10'))).toBe('(and (>= (min [a] [b]) 0) (<= (max [a] [b]) 10))');
    expect(sx(ok('round([a] / [b], 2) == 0.5'))).toBe('(== (round (/ [a] [b]) 2) 0.5)');
    expect(sx(ok('round([a]) == 1'))).toBe('(== (round [a]) 1)');
    expect(sx(ok('if([a] > 0, [b], 0) == 1'))).toBe('(== (if (> [a] 0) [b] 0) 1)');
    expect(sx(ok('if([a] > 0, [b] > 0, [c] > 0)'))).toBe('(if (> [a] 0) (> [b] 0) (> [c] 0))');
    expect(sx(ok('[a] <= 2 * prev([a])'))).toBe('(<= [a] (* 2 (prev [a])))');
    expect(sx(ok('SUM([a]) == ABS([b])'))).toBe('(== (sum [a]) (abs [b]))');
  });

  it('names with punctuation, spaces and full-width brackets', () => {
    const r = parseRule('[依法公开执法处罚信息（条）] == [投诉、举报办结率] + [ 其中：公共场所 卫生 ]');
    expect(r.ok && r.indicators).toEqual(['依法公开执法处罚信息（条）', '投诉、举报办结率', '其中：公共场所 卫生']);
    expect(sx(ok('【投诉、举报办结率】 ＝ １００％'))).toBe('(== [投诉、举报办结率] 1%)');
    expect(sx(ok('［行政处罚案件］ ≥ ［警告］'))).toBe('(>= [行政处罚案件] [警告])');
    expect(sx(ok('[a(b)c] == 1'))).toBe('(== [a(b)c] 1)');
    expect(sx(ok('[a[b] == 1'))).toBe('(== [a[b] 1)');
  });

  it('the operators people type: = <> ≤ ≥ ≠ × ÷ && || ! AND', () => {
    expect(sx(ok('[a] = [b]'))).toBe('(== [a] [b])');
    expect(sx(ok('[a] <> [b]'))).toBe('(!= [a] [b])');
    expect(sx(ok('[a] ≠ [b]'))).toBe('(!= [a] [b])');
    expect(sx(ok('[a] ≤ [b] × 2 ÷ 3'))).toBe('(<= [a] (/ (* [b] 2) 3))');
    expect(sx(ok('[a] > 0 && [b] > 0 || ![c] > 0'.replace('![c] > 0', '!([c] > 0)')))).toBe('(or (and (> [a] 0) (> [b] 0)) (not (> [c] 0)))');
    expect(sx(ok('[a] > 0 AND NOT ([b] > 0)'))).toBe('(and (> [a] 0) (not (> [b] 0)))');
    expect(sx(ok('（[a] + [b]） ＝ [c]'))).toBe('(== (+ [a] [b]) [c])');
  });

  it('reports the indicators and whether prev is used, and keeps columns in the original text', () => {
    const r = parseRule('[甲] <= prev([甲]) + [乙]');
    expect(r.ok && r.indicators).toEqual(['甲', '乙']);
    expect(r.ok && r.usesPrev).toBe(true);
    const ast = ok('[依法公开执法处罚信息] == [行政处罚案件]');
    const cols: Array<[string, number, number]> = [];
    walk(ast, (n) => {
      if (n.type === 'indicator') cols.push([n.name, n.start, n.end]);
    });
    expect(cols).toEqual([
      ['依法公开执法处罚信息', 1, 13],
      ['行政处罚案件', 17, 25],
    ]);
    expect(ast.type === 'binary' && ast.at).toBe(14);
  });
});

describe('rule language: every error, with its column', () => {
  it.each([
    ['', 1, '表达式为空'],
    ['   ', 1, '表达式为空'],
    ['[a == 1', 1, '没有对应的“]”'],
    ['[a] == 【b', 8, '没有对应的“】”'],
    ['[] == 1', 1, '方括号里没有指标名称'],
    ['[a]] == 1', 4, '多余的“]”'],
    ['行政处罚案件 == 1', 1, '[行政处罚案件]'],
    ['[a] == 1 ? 2 : 3', 10, '不认识的字符“?”'],
    ['[a].b == 1', 4, '不认识的字符“.”'],
    ['"x" == [a]', 1, '不认识的字符“"”'],
    ['x == 1', 1, '不认识的词“x”'],
    ['[a] == true', 8, '不认识的词“true”'],
    ['sun([a]) == 1', 1, '是否想写 sum'],
    ['foo([a]) == 1', 1, '没有函数“foo”'],
    ['[a] % 2 == 1', 5, '只能紧跟在数字后面'],
    ['2a == 1', 2, '数字后面紧跟着字母'],
    ['[a] ** 2 == 1', 5, '不支持运算符“**”'],
    ['[a] ^ 2 == 1', 5, '不支持运算符“^”'],
    ['[a] > 0 & [b] > 0', 9, '不支持运算符“&”'],
    ['[a] > 0 | [b] > 0', 9, '不支持运算符“|”'],
    ['[a] == 1)', 9, '多余的“)”'],
    ['([a] == 1', 1, '“(”没有对应的“)”'],
    ['sum([a], [b] == 1', 4, '“(”没有对应的“)”'],
    ['[a], [b]', 4, '逗号只能用来分隔函数的参数'],
    ['([a], [b]) == 1', 5, '逗号只能用来分隔函数的参数'],
    ['sum([a],) == 1', 8, '“,”后面缺少'],
    ['sum(, [a]) == 1', 5, '“,”前面缺少'],
    ['[a] +', 5, '“+”后面缺少'],
    ['[a] + == 1', 5, '“+”后面缺少'],
    ['== [a]', 1, '“==”前面缺少'],
    ['[a] [b]', 5, '缺少运算符'],
    ['[a] (1) == 1', 5, '缺少运算符'],
    ['[a] not [b]', 5, '缺少运算符'],
    ['() == 1', 1, '括号里是空的'],
    ['[a] + [b]', 1, '规则必须是一个条件'],
    ['100%', 1, '规则必须是一个条件'],
    ['not [a] > 1', 1, 'not 只能用于条件'],
    ['[a] < [b] < [c]', 11, '不能连写比较'],
    ['([a] < [b]) == ([c] < [d])', 13, '不能比较两个条件'],
    ['[a] and [b] > 1', 5, '两边应为条件'],
    ['([a] > 1) + 1 > 0', 11, '两边应为数值'],
    ['-([a] > 1)', 1, '两边应为数值'],
    ['abs([a], [b]) == 1', 1, '函数 abs 需要 1 个参数，这里有 2 个'],
    ['round() == 1', 1, '函数 round 需要 1–2 个参数，这里有 0 个'],
    ['if([a] > 0, 1) == 1', 1, '函数 if 需要 3 个参数'],
    ['sum([a] > 1) == 1', 5, '第 1 个参数应为数值'],
    ['if([a], 1, 2) == 1', 4, 'if 的第 1 个参数应为条件'],
    ['if([a] > 0, 1, [b] > 0)', 1, 'if 的两个结果应同为数值或同为条件'],
    ['prev([a] + 1) == 1', 6, 'prev 的参数必须是一个指标'],
    ['prev(1) == 1', 6, 'prev 的参数必须是一个指标'],
  ])('%s → column %d', (text, column, zh) => {
    const e = err(text);
    expect(e.ruleId).toBe('R7');
    expect(e.column).toBe(column);
    expect(e.message['zh-CN']).toContain(zh);
    expect(e.message['en-US'].length).toBeGreaterThan(10);
  });

  it('columns count characters, not UTF-16 units', () => {
    expect(err('[𠀀𠀁] == 1 ?').column).toBe(11);
  });

  it('non-text, too long and too deep inputs are errors, not crashes', () => {
    expect(parseRule(undefined as unknown as string).ok).toBe(false);
    expect(parseRule(42 as unknown as string).ok).toBe(false);
    expect(err('[a] == 1' + ' + 1'.repeat(2000)).message['zh-CN']).toContain('表达式太长');
    expect(err('('.repeat(150) + '[a] > 1' + ')'.repeat(150)).message['zh-CN']).toContain('嵌套太深');
    expect(parseRule('-'.repeat(300) + '[a] > 1').ok).toBe(false);
  });
});

describe('rule language: never throws', () => {
  const fragments = ['[a]', '[投诉、举报办结率]', '1', '100%', '+', '-', '*', '/', '==', '!=', '<', '<=', '>', '>=', 'and', 'or', 'not', '(', ')', ',', 'sum(', 'abs(', 'min(', 'max(', 'round(', 'if(', 'prev(', ' ', '[', ']', '%', '.', '"', '?', ':', 'x', '【', '】', '＝', '≤'];

  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (s) => {
        const r = parseRule(s, 'F');
        if (!r.ok) expect(r.error.column).toBeGreaterThanOrEqual(1);
        return true;
      }),
      { numRuns: 800 },
    );
  });

  it('on token soup, and errors point inside the text or just after it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 25 }), (parts) => {
        const s = parts.join('');
        const r = parseRule(s, 'F');
        if (!r.ok) {
          expect(r.error.column).toBeGreaterThanOrEqual(1);
          expect(r.error.column).toBeLessThanOrEqual(Array.from(s).length + 1);
          expect(r.error.message['zh-CN']).toBeTruthy();
        }
        return true;
      }),
      { numRuns: 1500 },
    );
  });
});
