// The rule language: `[依法公开执法处罚信息] == [行政处罚案件]`, `[法制审核率] == 100%`,
// `abs([单案平均罚没款] - [罚没款] / [行政处罚案件]) <= 0.01`, `not ([甲] > 0) or [乙] >= prev([乙])`.
//
// Three stages, none of which ever throws:
//  1. Our own lexer reads the text code point by code point: indicator names in brackets ([…], ［…］
//     or 【…】, any characters but the closing bracket), numbers and percent literals, words,
//     operators (full-width forms and ≤ ≥ ≠ × ÷, Excel's = and <>, && || ! are accepted), and reports
//     anything else at its column. Names, numbers and function names become placeholder
//     identifiers, so jsep only ever sees placeholders, parentheses, commas and our operators.
//  2. jsep (configured below: only our operators, `and`/`or` as low-precedence binary operators,
//     `not` as a unary one) builds the precedence tree.
//  3. jsep's tree is converted into OUR AST, node by node, rejecting every node type we do not
//     know, then type-checked (numbers vs. conditions). Nothing is ever evaluated by JavaScript:
//     no eval, no new Function.
//
// Columns are 1-based positions in the original text, counted in Unicode code points.
import jsep from 'jsep';
import { argType, FUNCTIONS, FUNCTION_NAMES, isFunctionName, type FunctionName, type RuleFunction, type ValueType } from './functions';
import { both, joinBilingual, ordinal, ruleMessage, type RuleMessageId, type RuleParams } from './messages';
import type { RuleError } from './types';

export type ArithmeticOp = '+' | '-' | '*' | '/';
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type LogicOp = 'and' | 'or';
export type BinaryOp = ArithmeticOp | CompareOp | LogicOp;

interface Span {
  /** Column of the first character (1-based). */
  start: number;
  /** Column just after the last character. */
  end: number;
}

export type Node =
  | ({ type: 'number'; value: number; percent: boolean } & Span)
  | ({ type: 'indicator'; name: string } & Span)
  | ({ type: 'unary'; op: '-' | '+' | 'not'; arg: Node; at: number } & Span)
  | ({ type: 'binary'; op: BinaryOp; left: Node; right: Node; at: number } & Span)
  /** def: the function's entry in RULE_FUNCTIONS (functions.ts), resolved once here. */
  | ({ type: 'call'; fn: FunctionName; def: RuleFunction; args: Node[]; at: number } & Span);

export type ParseResult =
  | { ok: true; ast: Node; indicators: string[]; usesPrev: boolean }
  | { ok: false; error: RuleError };

export const MAX_EXPRESSION_LENGTH = 4000;
const MAX_DEPTH = 100;

const COMPARE_OPS: readonly string[] = ['==', '!=', '<', '<=', '>', '>='];
const ARITHMETIC_OPS: readonly string[] = ['+', '-', '*', '/'];

export function isCompare(op: string): op is CompareOp {
  return COMPARE_OPS.includes(op);
}

// ---------------------------------------------------------------------------------------------
// jsep configuration (jsep is a module-wide singleton; only this module uses it)

let configured = false;

function configureJsep(): void {
  if (configured) return;
  for (const op of Object.keys(jsep.binary_ops)) jsep.removeBinaryOp(op);
  for (const op of Object.keys(jsep.unary_ops)) jsep.removeUnaryOp(op);
  jsep.addBinaryOp('or', 1);
  jsep.addBinaryOp('and', 2);
  for (const op of ['==', '!=']) jsep.addBinaryOp(op, 6);
  for (const op of ['<', '<=', '>', '>=']) jsep.addBinaryOp(op, 7);
  for (const op of ['+', '-']) jsep.addBinaryOp(op, 9);
  for (const op of ['*', '/']) jsep.addBinaryOp(op, 10);
  for (const op of ['-', '+', 'not']) jsep.addUnaryOp(op);
  for (const lit of Object.keys(jsep.literals)) jsep.removeLiteral(lit);
  configured = true;
}

// ---------------------------------------------------------------------------------------------
// Errors

class ParseFailure {
  constructor(
    readonly column: number,
    readonly id: RuleMessageId,
    readonly params: RuleParams = {},
  ) {}
}

function fail(column: number, id: RuleMessageId, params: RuleParams = {}): never {
  throw new ParseFailure(column, id, params);
}

// ---------------------------------------------------------------------------------------------
// Stage 1: lexer

type Tok =
  | { k: 'ind'; name: string; col: number; end: number }
  | { k: 'num'; value: number; percent: boolean; col: number; end: number }
  | { k: 'fn'; name: FunctionName; col: number; end: number }
  | { k: 'op'; op: string; text: string; col: number; end: number }
  | { k: '(' | ')' | ','; col: number; end: number };

type Item = { c: string; col: number } | { name: string; col: number; end: number };

const OPENERS: Record<string, string[]> = { '[': [']', '］'], '［': [']', '］'], '【': ['】'] };
const STRAY_CLOSERS = new Set([']', '］', '】']);

/** Characters mapped before NFKC: mathematical signs people type in Chinese documents. */
const SIGNS: Record<string, string> = {
  '≤': '<=',
  '≦': '<=',
  '≥': '>=',
  '≧': '>=',
  '≠': '!=',
  '×': '*',
  '÷': '/',
  '−': '-',
  '‐': '-',
  '–': '-',
  '﹣': '-',
  '＝': '=',
  '％': '%',
};

const CJK = /[\u2E80-\u2FDF\u3005-\u3007\u3021-\u3029\u3038-\u303B\u3040-\u30FF\u3100-\u312F\u31A0-\u31BF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF66-\uFF9F]|[\u{20000}-\u{3134F}]/u;

function toItems(cps: string[]): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i];
    const closers = OPENERS[cp];
    if (closers) {
      let j = i + 1;
      while (j < cps.length && !closers.includes(cps[j])) j++;
      if (j >= cps.length) fail(i + 1, 'parse.unclosed-name', { open: cp, close: closers[0] });
      const name = cps
        .slice(i + 1, j)
        .join('')
        .trim();
      if (!name) fail(i + 1, 'parse.empty-name');
      items.push({ name, col: i + 1, end: j + 2 });
      i = j;
      continue;
    }
    if (STRAY_CLOSERS.has(cp)) fail(i + 1, 'parse.stray-close', { char: cp });
    const norm = SIGNS[cp] ?? cp.normalize('NFKC');
    for (const ch of Array.from(norm)) items.push({ c: ch, col: i + 1 });
  }
  return items;
}

function charAt(items: Item[], p: number): string {
  const it = items[p];
  return it && 'c' in it ? it.c : '';
}

function isSpace(c: string): boolean {
  return c !== '' && /^\s$/u.test(c);
}

function lex(items: Item[]): Tok[] {
  const toks: Tok[] = [];
  let p = 0;
  const nextNonSpace = (q: number) => {
    while (q < items.length && isSpace(charAt(items, q))) q++;
    return q;
  };
  while (p < items.length) {
    const it = items[p];
    if ('name' in it) {
      toks.push({ k: 'ind', name: it.name, col: it.col, end: it.end });
      p++;
      continue;
    }
    const c = it.c;
    const col = it.col;
    if (isSpace(c)) {
      p++;
      continue;
    }
    const next = charAt(items, p + 1);
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(next))) {
      let s = '';
      let q = p;
      let dot = false;
      while (q < items.length) {
        const ch = charAt(items, q);
        if (/[0-9]/.test(ch)) s += ch;
        else if (ch === '.' && !dot && /[0-9]/.test(charAt(items, q + 1))) {
          dot = true;
          s += ch;
        } else break;
        q++;
      }
      const letters = charAt(items, q);
      if (/[A-Za-z_]/.test(letters)) {
        let w = '';
        for (let r = q; /[A-Za-z0-9_]/.test(charAt(items, r)); r++) w += charAt(items, r);
        fail(items[q].col, 'parse.number-letters', { text: w });
      }
      let end = items[q - 1].col + 1;
      let percent = false;
      let divisor = 1;
      const after = nextNonSpace(q);
      const pc = charAt(items, after);
      if (pc === '%' || pc === '‰') {
        percent = true;
        divisor = pc === '%' ? 100 : 1000;
        end = items[after].col + 1;
        q = after + 1;
      }
      toks.push({ k: 'num', value: Number(s) / divisor, percent, col, end });
      p = q;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let w = '';
      let q = p;
      while (/[A-Za-z0-9_]/.test(charAt(items, q))) w += charAt(items, q++);
      const end = items[q - 1].col + 1;
      const lower = w.toLowerCase();
      if (lower === 'and' || lower === 'or' || lower === 'not') {
        toks.push({ k: 'op', op: lower, text: w, col, end });
      } else if (charAt(items, nextNonSpace(q)) === '(') {
        if (!isFunctionName(lower)) {
          const near = closestFunction(lower);
          fail(col, 'parse.unknown-function', {
            name: w,
            suggest: near ? ruleMessage('parse.did-you-mean', { name: near }) : '',
            functions: joinBilingual(FUNCTION_NAMES.map(both)),
          });
        }
        toks.push({ k: 'fn', name: lower, col, end });
      } else {
        fail(col, 'parse.unknown-word', { word: w });
      }
      p = q;
      continue;
    }
    const two = c + next;
    const op = (o: string, len: number, text = two.slice(0, len)) => {
      toks.push({ k: 'op', op: o, text, col, end: items[p + len - 1].col + 1 });
      p += len;
    };
    switch (c) {
      case '(':
      case ')':
      case ',':
        toks.push({ k: c, col, end: col + 1 });
        p++;
        continue;
      case '+':
      case '-':
      case '/':
        op(c, 1);
        continue;
      case '*':
        if (next === '*') fail(col, 'parse.unsupported-op', { op: '**', hint: '' });
        op('*', 1);
        continue;
      case '=':
        op('==', next === '=' ? 2 : 1);
        continue;
      case '!':
        if (next === '=') op('!=', 2);
        else op('not', 1);
        continue;
      case '<':
        if (next === '=') op('<=', 2);
        else if (next === '>') op('!=', 2);
        else op('<', 1);
        continue;
      case '>':
        op(next === '=' ? '>=' : '>', next === '=' ? 2 : 1);
        continue;
      case '&':
        if (next === '&') op('and', 2);
        else fail(col, 'parse.unsupported-op', { op: '&', hint: ruleMessage('parse.hint.and') });
        continue;
      case '|':
        if (next === '|') op('or', 2);
        else fail(col, 'parse.unsupported-op', { op: '|', hint: ruleMessage('parse.hint.or') });
        continue;
      case '%':
      case '‰':
        fail(col, 'parse.percent', { char: c });
        break;
      case '^':
        fail(col, 'parse.unsupported-op', { op: '^', hint: '' });
        break;
      default:
        if (CJK.test(c)) {
          let text = '';
          for (let q = p; q < items.length && CJK.test(charAt(items, q)); q++) text += charAt(items, q);
          fail(col, 'parse.cjk-outside', { text });
        }
        fail(col, 'parse.unexpected-char', { char: c });
    }
  }
  return toks;
}

function closestFunction(w: string): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const f of FUNCTION_NAMES) {
    const d = editDistance(w, f);
    if (d < bestD) {
      bestD = d;
      best = f;
    }
  }
  return bestD <= 2 ? best : undefined;
}

/** Levenshtein distance with adjacent transpositions (optimal string alignment), over code points. */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const d: number[][] = [];
  for (let i = 0; i <= s.length; i++) d.push([i, ...new Array(t.length).fill(0)]);
  for (let j = 0; j <= t.length; j++) d[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[s.length][t.length];
}

// ---------------------------------------------------------------------------------------------
// Structural checks on the token stream (better messages than jsep's)

const UNARY_CAPABLE = new Set(['-', '+', 'not']);

function startsOperand(t: Tok | undefined): boolean {
  return !!t && (t.k === 'ind' || t.k === 'num' || t.k === 'fn' || t.k === '(' || (t.k === 'op' && UNARY_CAPABLE.has(t.op)));
}

function endsOperand(t: Tok | undefined): boolean {
  return !!t && (t.k === 'ind' || t.k === 'num' || t.k === ')');
}

/** Checks parentheses, commas and operand/operator alternation; returns the index of each '(' 's match. */
function checkStructure(toks: Tok[]): Map<number, number> {
  const match = new Map<number, number>();
  const stack: Array<{ i: number; call: boolean }> = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const prev = toks[i - 1];
    const next = toks[i + 1];
    if (t.k === '(') {
      stack.push({ i, call: prev?.k === 'fn' });
      if (stack.length > MAX_DEPTH) fail(t.col, 'parse.too-deep');
      if (next?.k === ')' && prev?.k !== 'fn') fail(t.col, 'parse.empty-parens');
    } else if (t.k === ')') {
      const open = stack.pop();
      if (!open) fail(t.col, 'parse.unmatched-paren');
      match.set(open.i, i);
      if (prev?.k === ',') fail(prev.col, 'parse.missing-operand', { op: ',' });
    } else if (t.k === ',') {
      const top = stack[stack.length - 1];
      if (!top || !top.call) fail(t.col, 'parse.top-comma');
      if (prev?.k === '(' || prev?.k === ',') fail(t.col, 'parse.missing-left', { op: ',' });
    } else if (t.k === 'op') {
      const unary = UNARY_CAPABLE.has(t.op) && !endsOperand(prev);
      if (!unary && !endsOperand(prev)) fail(t.col, 'parse.missing-left', { op: t.text });
      if (!startsOperand(next)) fail(t.col, 'parse.missing-operand', { op: t.text });
      if (t.op === 'not' && endsOperand(prev)) fail(t.col, 'parse.missing-operator');
    }
    // Two operands side by side: `[a] [b]`, `[a] (1)`, `) [b]`. (Operators were handled above.)
    if (t.k !== 'op' && startsOperand(t) && endsOperand(prev)) fail(t.col, 'parse.missing-operator');
  }
  if (stack.length > 0) fail(toks[stack[stack.length - 1].i].col, 'parse.unclosed-paren');
  return match;
}

// ---------------------------------------------------------------------------------------------
// Stage 2 and 3: jsep, then conversion into our AST

const PLACEHOLDER = '\uE000';

interface Built {
  text: string;
  /** Token index of each character of `text` (spaces belong to the following token). */
  tokenAt: number[];
}

function buildJsepText(toks: Tok[]): Built {
  let text = '';
  const tokenAt: number[] = [];
  toks.forEach((t, i) => {
    let s: string;
    if (t.k === 'ind' || t.k === 'num' || t.k === 'fn') s = `${PLACEHOLDER}${i}`;
    else if (t.k === 'op') s = t.op;
    else s = t.k;
    const piece = ` ${s} `;
    for (let c = 0; c < piece.length; c++) tokenAt.push(i);
    text += piece;
  });
  return { text, tokenAt };
}

type Conv = Node & { first: number; last: number };

function convert(e: jsep.Expression, toks: Tok[], match: Map<number, number>, depth: number): Conv {
  if (depth > MAX_DEPTH) fail(1, 'parse.too-deep');
  const leafIndex = (ex: jsep.Expression): number | undefined => {
    if (ex.type !== 'Identifier') return undefined;
    const name = (ex as jsep.Identifier).name;
    if (typeof name !== 'string' || !name.startsWith(PLACEHOLDER)) return undefined;
    const i = Number(name.slice(1));
    return Number.isInteger(i) && i >= 0 && i < toks.length ? i : undefined;
  };
  switch (e.type) {
    case 'Identifier': {
      const i = leafIndex(e);
      const t = i === undefined ? undefined : toks[i];
      if (i === undefined || !t) return fail(1, 'parse.unsupported');
      if (t.k === 'ind') return { type: 'indicator', name: t.name, start: t.col, end: t.end, first: i, last: i };
      if (t.k === 'num') return { type: 'number', value: t.value, percent: t.percent, start: t.col, end: t.end, first: i, last: i };
      return fail(t.col, 'parse.unsupported');
    }
    case 'UnaryExpression': {
      const u = e as jsep.UnaryExpression;
      const arg = convert(u.argument, toks, match, depth + 1);
      let i = arg.first - 1;
      while (i >= 0 && toks[i].k === '(') i--;
      const t = toks[i];
      if (!t || t.k !== 'op' || !['-', '+', 'not'].includes(u.operator)) return fail(t?.col ?? arg.start, 'parse.unsupported');
      const op = u.operator as '-' | '+' | 'not';
      return { type: 'unary', op, arg: strip(arg), at: t.col, start: t.col, end: arg.end, first: i, last: arg.last };
    }
    case 'BinaryExpression': {
      const b = e as jsep.BinaryExpression;
      const left = convert(b.left, toks, match, depth + 1);
      const right = convert(b.right, toks, match, depth + 1);
      let i = left.last + 1;
      while (i < toks.length && toks[i].k === ')') i++;
      const t = toks[i];
      const known = [...COMPARE_OPS, ...ARITHMETIC_OPS, 'and', 'or'];
      if (!t || t.k !== 'op' || !known.includes(b.operator)) return fail(t?.col ?? left.end, 'parse.unsupported');
      return {
        type: 'binary',
        op: b.operator as BinaryOp,
        left: strip(left),
        right: strip(right),
        at: t.col,
        start: left.start,
        end: right.end,
        first: left.first,
        last: right.last,
      };
    }
    case 'CallExpression': {
      const c = e as jsep.CallExpression;
      const i = leafIndex(c.callee);
      const t = i === undefined ? undefined : toks[i];
      if (i === undefined || !t || t.k !== 'fn') return fail(t?.col ?? 1, 'parse.unsupported');
      const args = (c.arguments ?? []).map((a) => convert(a, toks, match, depth + 1));
      const close = match.get(i + 1) ?? args[args.length - 1]?.last ?? i;
      const closeTok = toks[close];
      return { type: 'call', fn: t.name, def: FUNCTIONS[t.name], args: args.map(strip), at: t.col, start: t.col, end: closeTok ? closeTok.end : t.end, first: i, last: close };
    }
    default: {
      // Compound (two expressions side by side), member access, literals, arrays, this, ternaries…
      const cols: number[] = [];
      collectLeafCols(e, toks, cols, 0);
      if (e.type === 'Compound' && cols.length > 1) return fail(cols[1], 'parse.missing-operator');
      return fail(cols[0] ?? 1, 'parse.unsupported');
    }
  }
}

function collectLeafCols(e: unknown, toks: Tok[], out: number[], depth: number): void {
  if (depth > MAX_DEPTH || !e || typeof e !== 'object') return;
  const o = e as Record<string, unknown>;
  if (o.type === 'Identifier' && typeof o.name === 'string' && o.name.startsWith(PLACEHOLDER)) {
    const t = toks[Number(o.name.slice(1))];
    if (t) out.push(t.col);
    return;
  }
  for (const v of Object.values(o)) {
    if (Array.isArray(v)) v.forEach((x) => collectLeafCols(x, toks, out, depth + 1));
    else if (v && typeof v === 'object') collectLeafCols(v, toks, out, depth + 1);
  }
}

/** Drops the token bookkeeping from a converted node (children are already stripped). */
function strip(n: Conv): Node {
  const out: Partial<Conv> = { ...n };
  delete out.first;
  delete out.last;
  return out as Node;
}

// ---------------------------------------------------------------------------------------------
// Type check: numbers vs. conditions

function typeOf(n: Node): ValueType {
  switch (n.type) {
    case 'number':
    case 'indicator':
      return 'number';
    case 'unary': {
      const t = typeOf(n.arg);
      if (n.op === 'not') {
        if (t !== 'condition') fail(n.at, 'parse.not-operand');
        return 'condition';
      }
      if (t !== 'number') fail(n.at, 'parse.needs-number', { op: n.op });
      return 'number';
    }
    case 'binary': {
      const l = typeOf(n.left);
      const r = typeOf(n.right);
      const opText = n.op;
      if (n.op === 'and' || n.op === 'or') {
        if (l !== 'condition' || r !== 'condition') fail(n.at, 'parse.needs-condition', { op: opText });
        return 'condition';
      }
      if (isCompare(n.op)) {
        if (l === 'condition' && r === 'condition') fail(n.at, 'parse.compare-conditions', { op: opText });
        if (l === 'condition' && n.left.type === 'binary' && isCompare(n.left.op)) fail(n.at, 'parse.chained');
        if (l !== 'number' || r !== 'number') fail(n.at, 'parse.needs-number', { op: opText });
        return 'condition';
      }
      if (l !== 'number' || r !== 'number') fail(n.at, 'parse.needs-number', { op: opText });
      return 'number';
    }
    case 'call': {
      // Arity and argument types as the function's entry declares them, arguments in order.
      const def = n.def;
      if (n.args.length < def.min || n.args.length > def.max) fail(n.at, 'parse.arity', { fn: n.fn, expected: def.arity, count: n.args.length });
      let branch: ValueType | undefined;
      n.args.forEach((a, i) => {
        switch (argType(def, i)) {
          case 'indicator':
            if (a.type !== 'indicator') fail(a.start, 'parse.arg-indicator', { fn: n.fn });
            break;
          case 'condition':
            if (typeOf(a) !== 'condition') fail(a.start, 'parse.arg-condition', { fn: n.fn, nth: ordinal(i + 1) });
            break;
          case 'number':
            if (typeOf(a) !== 'number') fail(a.start, 'parse.arg-number', { fn: n.fn, n: i + 1 });
            break;
          case 'branch': {
            const t = typeOf(a);
            if (branch === undefined) branch = t;
            else if (t !== branch) fail(n.at, 'parse.branches', { fn: n.fn });
            break;
          }
        }
      });
      return def.result === 'branch' ? (branch as ValueType) : 'number';
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Entry point

function jsepMessage(description: string): { id: RuleMessageId; params: RuleParams } {
  const m = /^Expected expression after (.+)$/.exec(description);
  if (m) return { id: 'parse.missing-operand', params: { op: m[1] } };
  if (/^missing unaryOp argument/.test(description)) return { id: 'parse.missing-operand', params: { op: '-' } };
  if (/^Unclosed \(/.test(description)) return { id: 'parse.unclosed-paren', params: {} };
  return { id: 'parse.syntax', params: { detail: description.replace(new RegExp(`${PLACEHOLDER}\\d+`, 'g'), '…') } };
}

/**
 * Parses a rule expression into our AST. Never throws: any problem comes back as
 * `{ ok: false, error: { ruleId, column, message } }` with a 1-based column in `text`.
 */
export function parseRule(text: unknown, ruleId = ''): ParseResult {
  const err = (column: number, id: RuleMessageId, params: RuleParams = {}): ParseResult => ({
    ok: false,
    error: { ruleId, column, message: ruleMessage(id, params) },
  });
  try {
    if (typeof text !== 'string') return err(1, 'parse.not-text');
    const cps = Array.from(text);
    if (cps.length > MAX_EXPRESSION_LENGTH) return err(1, 'parse.too-long', { count: cps.length, max: MAX_EXPRESSION_LENGTH });
    if (text.trim() === '') return err(1, 'parse.empty');
    const toks = lex(toItems(cps));
    if (toks.length === 0) return err(1, 'parse.empty');
    const match = checkStructure(toks);
    configureJsep();
    const built = buildJsepText(toks);
    let tree: jsep.Expression;
    try {
      tree = jsep(built.text);
    } catch (e) {
      const index = typeof (e as { index?: unknown }).index === 'number' ? (e as { index: number }).index : 0;
      const tokIndex = built.tokenAt[Math.min(index, built.tokenAt.length - 1)];
      const tok = tokIndex === undefined ? undefined : toks[tokIndex];
      const column = index >= built.text.length ? cps.length + 1 : tok?.col ?? 1;
      const description = typeof (e as { description?: unknown }).description === 'string' ? (e as { description: string }).description : String(e);
      const m = jsepMessage(description);
      return err(column, m.id, m.params);
    }
    const conv = convert(tree, toks, match, 0);
    const ast = strip(conv);
    if (typeOf(ast) !== 'condition') return err(ast.start, 'parse.not-condition');
    const indicators: string[] = [];
    let usesPrev = false;
    walk(ast, (n) => {
      if (n.type === 'indicator' && !indicators.includes(n.name)) indicators.push(n.name);
      if (n.type === 'call' && n.fn === 'prev') usesPrev = true;
    });
    return { ok: true, ast, indicators, usesPrev };
  } catch (e) {
    if (e instanceof ParseFailure) return err(e.column, e.id, e.params);
    // Stack overflow on absurd nesting or anything unforeseen: a located error, never a crash.
    return err(1, 'parse.too-deep');
  }
}

/** Visits every node, parents first. */
export function walk(n: Node, visit: (n: Node) => void): void {
  visit(n);
  if (n.type === 'unary') walk(n.arg, visit);
  else if (n.type === 'binary') {
    walk(n.left, visit);
    walk(n.right, visit);
  } else if (n.type === 'call') n.args.forEach((a) => walk(a, visit));
}
