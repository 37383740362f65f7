// The functions of the rule language: their arity and argument types (checked by the parser) and
// their arithmetic on values that carry an error bound (used by the evaluator).

export type ValueType = 'number' | 'condition';

export const FUNCTION_NAMES = ['sum', 'abs', 'min', 'max', 'round', 'if', 'prev'] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

export interface FunctionSpec {
  min: number;
  /** Infinity for variadic functions. */
  max: number;
  /** How many arguments, for messages: '1', '1–2', '≥1'. */
  arity: string;
}

export const FUNCTIONS: Record<FunctionName, FunctionSpec> = {
  sum: { min: 1, max: Infinity, arity: '≥1' },
  abs: { min: 1, max: 1, arity: '1' },
  min: { min: 1, max: Infinity, arity: '≥1' },
  max: { min: 1, max: Infinity, arity: '≥1' },
  round: { min: 1, max: 2, arity: '1–2' },
  if: { min: 3, max: 3, arity: '3' },
  prev: { min: 1, max: 1, arity: '1' },
};

export function isFunctionName(s: string): s is FunctionName {
  return (FUNCTION_NAMES as readonly string[]).includes(s);
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

/** The numeric functions (everything but if and prev, which the evaluator handles itself). */
export function applyNumeric(fn: 'sum' | 'abs' | 'min' | 'max' | 'round', args: Approx[]): Approx {
  switch (fn) {
    case 'sum':
      return args.reduce(add, exact(0));
    case 'abs':
      return { v: Math.abs(args[0].v), err: args[0].err };
    case 'min':
    case 'max': {
      let best = args[0];
      for (const a of args.slice(1)) if (fn === 'min' ? a.v < best.v : a.v > best.v) best = a;
      return { v: best.v, err: Math.max(...args.map((a) => a.err)) };
    }
    case 'round': {
      const n = args.length > 1 ? Math.round(args[1].v) : 0;
      const clamped = Math.max(-15, Math.min(15, n));
      return { v: roundTo(args[0].v, clamped), err: args[0].err + 0.5 * Math.pow(10, -clamped) };
    }
  }
}
