// The functions of the rule language, each declared once in RULE_FUNCTIONS: its name, how many
// arguments it takes and of which types (checked by the parser), the arguments a "rate" result
// comes from (for showing a failed comparison as %), a one-line description with an example (for
// lists in the 规则 tab and the README; its text is in the message pack under
// rules.function.<name>) and, for the numeric ones, its arithmetic on values that
// carry an error bound. The parser puts a call's entry on its AST node, so the evaluator and the
// fast tier read it from the node, never by name while checking values.
import { message, type SectionKey } from '../i18n';
import type { Bilingual } from '../types';

export type ValueType = 'number' | 'condition';

/**
 * What an argument must be: a number; a condition (a comparison); an indicator written as [名称]
 * (not an expression: prev reads that very cell one period earlier); or a branch, which may be a
 * number or a condition but the same for every branch argument of the call (if's two results).
 */
export type ArgType = 'number' | 'condition' | 'indicator' | 'branch';

export interface RuleFunction<N extends string = string> {
  name: N;
  min: number;
  /** Infinity for variadic functions. */
  max: number;
  /** How many arguments, for messages: '1', '1–2', '≥1'. */
  arity: string;
  /** The type of each argument; a variadic function's further arguments have the last one's. */
  args: readonly ArgType[];
  /** 'number', or 'branch': the type its branch arguments share. */
  result: 'number' | 'branch';
  /** The arguments whose being a rate (a percentage) makes the result one: all, or these positions. */
  rateFrom: 'all' | readonly number[];
  /** How a call is written: 'round(x, [n])'. */
  signature: string;
  /** The pack key of its description (`rules.function.<name>`). */
  descriptionKey: `rules.function.${N}`;
  /** What it does, in one line with an example, from the message pack. */
  readonly description: Bilingual;
  /**
   * The result from the arguments' values; absent for if and prev, which the evaluator handles
   * itself (only the branch taken is evaluated; prev looks up another period's cell).
   */
  apply?: (args: Approx[]) => Approx;
}

/**
 * An entry of the table; its arity text follows from min and max, and its description is the
 * pack's `rules.function.<name>` (so every function must have one there).
 */
function define<N extends SectionKey<'rules.function'>>(name: N, f: Omit<RuleFunction<N>, 'name' | 'arity' | 'descriptionKey' | 'description'>): RuleFunction<N> {
  const arity = f.min === f.max ? `${f.min}` : f.max === Infinity ? `≥${f.min}` : `${f.min}–${f.max}`;
  const descriptionKey = `rules.function.${name}` as const;
  return {
    name,
    arity,
    ...f,
    descriptionKey,
    get description(): Bilingual {
      return message(descriptionKey);
    },
  };
}

function minOrMax(args: Approx[], min: boolean): Approx {
  let best = args[0];
  for (const a of args.slice(1)) if (min ? a.v < best.v : a.v > best.v) best = a;
  return { v: best.v, err: Math.max(...args.map((a) => a.err)) };
}

/** The rule language's functions, in the order messages and lists name them. */
export const RULE_FUNCTIONS = [
  define('sum', {
    min: 1,
    max: Infinity,
    args: ['number'],
    result: 'number',
    rateFrom: 'all',
    signature: 'sum(x, …)',
    apply: (args) => args.reduce(add, exact(0)),
  }),
  define('abs', {
    min: 1,
    max: 1,
    args: ['number'],
    result: 'number',
    rateFrom: 'all',
    signature: 'abs(x)',
    apply: (args) => ({ v: Math.abs(args[0].v), err: args[0].err }),
  }),
  define('min', {
    min: 1,
    max: Infinity,
    args: ['number'],
    result: 'number',
    rateFrom: 'all',
    signature: 'min(x, …)',
    apply: (args) => minOrMax(args, true),
  }),
  define('max', {
    min: 1,
    max: Infinity,
    args: ['number'],
    result: 'number',
    rateFrom: 'all',
    signature: 'max(x, …)',
    apply: (args) => minOrMax(args, false),
  }),
  define('round', {
    min: 1,
    max: 2,
    args: ['number', 'number'],
    result: 'number',
    rateFrom: [0],
    signature: 'round(x, [n])',
    apply: (args) => {
      const n = args.length > 1 ? Math.round(args[1].v) : 0;
      const clamped = Math.max(-15, Math.min(15, n));
      return { v: roundTo(args[0].v, clamped), err: args[0].err + 0.5 * Math.pow(10, -clamped) };
    },
  }),
  define('if', {
    min: 3,
    max: 3,
    args: ['condition', 'branch', 'branch'],
    result: 'branch',
    rateFrom: [1, 2],
    signature: 'if(c, a, b)',
  }),
  define('prev', {
    min: 1,
    max: 1,
    args: ['indicator'],
    result: 'number',
    rateFrom: [0],
    signature: 'prev([指标])',
  }),
] as const;

export type FunctionName = (typeof RULE_FUNCTIONS)[number]['name'];

export const FUNCTION_NAMES: readonly FunctionName[] = RULE_FUNCTIONS.map((f) => f.name);

/** The table by name, for the parser (which resolves each call once). */
export const FUNCTIONS = Object.fromEntries(RULE_FUNCTIONS.map((f) => [f.name, f])) as Record<FunctionName, RuleFunction<FunctionName>>;

export function isFunctionName(s: string): s is FunctionName {
  return (FUNCTION_NAMES as readonly string[]).includes(s);
}

/** The argument type of position i (0-based): variadic functions repeat their last. */
export function argType(f: RuleFunction, i: number): ArgType {
  return f.args[Math.min(i, f.args.length - 1)];
}

/**
 * A number with the half-width of the interval it may lie in: a value shown as 99.4 % may be
 * anything in 99.35 %…99.45 %, so it carries err 0.0005. Literals and whole counts are exact.
 */
export interface Approx {
  v: number;
  err: number;
}

export const exact = (v: number): Approx => ({ v, err: 0 });

export function add(a: Approx, b: Approx): Approx {
  return { v: a.v + b.v, err: a.err + b.err };
}

export function sub(a: Approx, b: Approx): Approx {
  return { v: a.v - b.v, err: a.err + b.err };
}

export function mul(a: Approx, b: Approx): Approx {
  return { v: a.v * b.v, err: Math.abs(a.v) * b.err + Math.abs(b.v) * a.err + a.err * b.err };
}

/** a / b; undefined when b is 0. The bound is the widest deviation over b ± err. */
export function div(a: Approx, b: Approx): Approx | undefined {
  if (b.v === 0) return undefined;
  const v = a.v / b.v;
  const lo = Math.abs(b.v) - b.err;
  if (lo <= 0) return { v, err: Infinity };
  return { v, err: (a.err * Math.abs(b.v) + Math.abs(a.v) * b.err) / (Math.abs(b.v) * lo) };
}

export function neg(a: Approx): Approx {
  return { v: -a.v, err: a.err };
}

/** Rounds half away from zero to n decimals (n may be negative: round(1234, -2) = 1200). */
export function roundTo(x: number, n: number): number {
  const d = Math.max(-15, Math.min(15, Math.round(n)));
  const f = Math.pow(10, Math.abs(d));
  const clean = Number(x.toPrecision(15));
  const scaled = d >= 0 ? Math.abs(clean) * f : Math.abs(clean) / f;
  const r = Math.round(Number(scaled.toPrecision(15)));
  const back = d >= 0 ? r / f : r * f;
  return clean < 0 ? -back : back;
}
