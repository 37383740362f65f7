// Evaluates parsed rules over the WorkbookModel, per entity (district) and period, reading each
// indicator's cell through the IndicatorIndex (indicator-index.ts: how a name is resolved and
// which cell it reads).
//
// prev([x]) reads x one period earlier (period 2022 → 2021) for the same entity.
import { roundingOf } from '../checks/context';
import type { Observation } from '../model';
import { cellKey, pairKey, previousPeriod, type IndicatorIndex } from './indicator-index';
import { add, div, exact, mul, neg, sub, type Approx } from './functions';
import { isCompare, parseRule, type CompareOp, type Node, type ParseResult } from './parser';
import type { Rule, RuleSet } from './types';

// ---------------------------------------------------------------------------------------------
// Instances and outcomes

export interface RuleInstance {
  rule: Rule;
  ast: Node;
  indicators: string[];
  entity: string;
  period: string;
  /** Each-indicator mode: the one key the rule's single name is bound to. */
  key?: string;
}

export interface Read {
  name: string;
  prev: boolean;
  obs: Observation;
}

export interface Comparison {
  op: CompareOp;
  lhs: Approx;
  rhs: Approx;
  tolerance: number;
  /** Whether either side is a rate (for display as %). */
  rate: boolean;
}

export type SkipReason = 'missing' | 'approx' | 'unreadable' | 'div0' | 'absent' | 'deferred' | 'no-prev';

export type Outcome =
  | { status: 'pass'; reads: Read[] }
  | { status: 'fail'; reads: Read[]; comparison?: Comparison }
  | { status: 'skip'; reason: SkipReason; reads: Read[]; name?: string; obs?: Observation };

class Skip {
  constructor(
    readonly reason: SkipReason,
    readonly name?: string,
    readonly obs?: Observation,
  ) {}
}

/** The instances of a rule: one per entity and period where any of its indicators has a value cell. */
export function instancesOf(rule: Rule, parsed: Extract<ParseResult, { ok: true }>, index: IndicatorIndex): RuleInstance[] {
  const base = { rule, ast: parsed.ast, indicators: parsed.indicators };
  const out: RuleInstance[] = [];
  const forKeys = (keys: string[], key?: string) => {
    const present = new Set<string>();
    for (const k of keys) for (const p of index.pairsOf(k)) present.add(p);
    for (const { entity, period } of index.pairs) {
      if (!present.has(pairKey(entity, period))) continue;
      out.push(key === undefined ? { ...base, entity, period } : { ...base, entity, period, key });
    }
  };
  if (parsed.indicators.length === 1) {
    const keys = index.keysFor(parsed.indicators[0]);
    if (keys.length > 1) {
      for (const k of keys) forKeys([k], k);
      return out;
    }
    forKeys(keys);
    return out;
  }
  forKeys(parsed.indicators.flatMap((n) => index.keysFor(n)));
  return out;
}

function isRateNode(n: Node, seen: Map<Node, Observation>): boolean {
  switch (n.type) {
    case 'number':
      return n.percent;
    case 'indicator':
      return seen.get(n)?.kind === 'rate';
    case 'unary':
      return isRateNode(n.arg, seen);
    case 'binary':
      return (n.op === '+' || n.op === '-') && (isRateNode(n.left, seen) || isRateNode(n.right, seen));
    case 'call': {
      // The arguments the function's entry passes a rate through (prev: the indicator it reads).
      const from = n.def.rateFrom;
      if (from === 'all') return n.args.some((a) => isRateNode(a, seen));
      return from.some((i) => isRateNode(n.args[i], seen));
    }
  }
}

/**
 * Evaluates one instance. `override` replaces cell values (by `Sheet!A1`), for typo hints.
 * Never throws: skips come back as outcomes.
 */
export function evaluateInstance(inst: RuleInstance, index: IndicatorIndex, override?: ReadonlyMap<string, number>): Outcome {
  const reads: Read[] = [];
  const seen = new Map<Node, Observation>();
  const comparisons = new Map<Node, Comparison>();
  const truth = new Map<Node, boolean>();
  const ifTaken = new Map<Node, number>();
  const { entity, period, rule } = inst;

  const candidates = (name: string, p: string): Observation[] => {
    const keys = inst.key !== undefined ? [inst.key] : index.keysFor(name);
    return keys.flatMap((k) => index.observations(k, entity, p));
  };

  // Home sheet: holds candidates for the most names.
  const counts = new Map<string, number>();
  for (const name of inst.indicators) {
    const sheets = new Set(candidates(name, period).map((o) => o.sheet));
    for (const s of sheets) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  let home: string | undefined;
  for (const [s, c] of counts) {
    const best = home === undefined ? -1 : (counts.get(home) as number);
    if (c > best || (c === best && (index.sheetOrder.get(s) ?? 1e6) < (index.sheetOrder.get(home as string) ?? 1e6))) home = s;
  }

  const pick = (name: string, prev: boolean): Observation => {
    const p = prev ? previousPeriod(period) : period;
    if (p === undefined) throw new Skip('no-prev', name);
    const cands = candidates(name, p);
    if (cands.length === 0) {
      if (prev) throw new Skip('no-prev', name);
      const keys = inst.key !== undefined ? [inst.key] : index.keysFor(name);
      throw new Skip(keys.some((k) => index.entityHas(entity, k)) ? 'missing' : 'absent', name);
    }
    return cands.find((o) => o.sheet === home) ?? cands[0];
  };

  const read = (node: Node, name: string, prev: boolean): Approx => {
    const o = pick(name, prev);
    if (o.parsed.kind === 'missing') throw new Skip('missing', name, o);
    if (o.parsed.kind === 'error' || o.parsed.kind === 'text' || o.value === undefined) throw new Skip('unreadable', name, o);
    if (o.approximate) throw new Skip('approx', name, o);
    seen.set(node, o);
    reads.push({ name, prev, obs: o });
    const ov = override?.get(cellKey(o));
    return { v: ov ?? o.value, err: roundingOf(o) };
  };

  const num = (n: Node): Approx => {
    const v = evalNode(n);
    return typeof v === 'boolean' ? exact(v ? 1 : 0) : v;
  };
  const cond = (n: Node): boolean => {
    const v = evalNode(n);
    return typeof v === 'boolean' ? v : v.v !== 0;
  };

  const compare = (n: Node & { type: 'binary' }, op: CompareOp): boolean => {
    const l = num(n.left);
    const r = num(n.right);
    const tol = rule.tolerance ?? l.err + r.err;
    const c: Comparison = { op, lhs: l, rhs: r, tolerance: tol, rate: isRateNode(n.left, seen) || isRateNode(n.right, seen) };
    comparisons.set(n, c);
    if (!Number.isFinite(tol)) return true;
    const eps = 1e-9 * Math.max(1, Math.abs(l.v), Math.abs(r.v));
    const d = l.v - r.v;
    switch (op) {
      case '==':
        return Math.abs(d) <= tol + eps;
      case '!=':
        return Math.abs(d) > tol + eps;
      case '<':
        return tol > 0 ? d < tol : d < -eps;
      case '<=':
        return d <= tol + eps;
      case '>':
        return tol > 0 ? d > -tol : d > eps;
      case '>=':
        return d >= -tol - eps;
    }
  };

  const evalNode = (n: Node): Approx | boolean => {
    switch (n.type) {
      case 'number':
        return exact(n.value);
      case 'indicator':
        return read(n, n.name, false);
      case 'unary': {
        if (n.op === 'not') {
          const v = !cond(n.arg);
          truth.set(n, v);
          return v;
        }
        const a = num(n.arg);
        return n.op === '-' ? neg(a) : a;
      }
      case 'binary': {
        if (n.op === 'and' || n.op === 'or') {
          const l = cond(n.left);
          const v = n.op === 'and' ? l && cond(n.right) : l || cond(n.right);
          truth.set(n, v);
          return v;
        }
        if (isCompare(n.op)) {
          const v = compare(n, n.op);
          truth.set(n, v);
          return v;
        }
        const l = num(n.left);
        const r = num(n.right);
        if (n.op === '+') return add(l, r);
        if (n.op === '-') return sub(l, r);
        if (n.op === '*') return mul(l, r);
        const q = div(l, r);
        if (!q) throw new Skip('div0');
        return q;
      }
      case 'call': {
        const apply = n.def.apply;
        if (apply) return apply(n.args.map(num));
        if (n.fn === 'prev') {
          const arg = n.args[0];
          if (arg.type !== 'indicator') throw new Skip('unreadable');
          const v = read(arg, arg.name, true);
          seen.set(n, seen.get(arg) as Observation);
          return v;
        }
        if (n.fn === 'if') {
          const c = cond(n.args[0]);
          ifTaken.set(n, c ? 1 : 2);
          const v = evalNode(n.args[c ? 1 : 2]);
          if (typeof v === 'boolean') truth.set(n, v);
          return v;
        }
        // A function with neither arithmetic in its entry nor a branch above: not evaluable.
        throw new Skip('unreadable');
      }
    }
  };

  try {
    if (rule.deferToHierarchy && inst.ast.type === 'binary' && inst.ast.op === '==' && inst.ast.left.type === 'indicator') {
      const o = pick(inst.ast.left.name, false);
      if (index.childCount(o.rowId) > 0) return { status: 'skip', reason: 'deferred', reads };
    }
    const ok = cond(inst.ast);
    if (ok) return { status: 'pass', reads };
    return { status: 'fail', reads, comparison: decisive(inst.ast, truth, comparisons, ifTaken) };
  } catch (e) {
    if (e instanceof Skip) return { status: 'skip', reason: e.reason, reads, name: e.name, obs: e.obs };
    return { status: 'skip', reason: 'unreadable', reads };
  }
}

/** The comparison that made a failing condition false, when there is one. */
function decisive(n: Node, truth: Map<Node, boolean>, comparisons: Map<Node, Comparison>, ifTaken: Map<Node, number>): Comparison | undefined {
  const c = comparisons.get(n);
  if (c) return c;
  if (n.type === 'binary' && n.op === 'and') {
    if (truth.get(n.left) === false) return decisive(n.left, truth, comparisons, ifTaken);
    return decisive(n.right, truth, comparisons, ifTaken);
  }
  if (n.type === 'binary' && n.op === 'or') return decisive(n.left, truth, comparisons, ifTaken);
  if (n.type === 'call') {
    // The branch an if took (other calls took none).
    const taken = ifTaken.get(n);
    return taken ? decisive(n.args[taken], truth, comparisons, ifTaken) : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Rules as constraints (for typo hints: "and break no other rule that reads that cell")

export interface Constraint {
  id: string;
  /** Cells (`Sheet!A1`) the constraint reads. */
  cells: string[];
  /** Whether the constraint holds (or does not apply) with some cells replaced. */
  holds(override: ReadonlyMap<string, number>): boolean;
}

export interface EvaluatedInstance {
  instance: RuleInstance;
  outcome: Outcome;
}

/**
 * Every enabled rule parsed against the index: the parse result and the names the workbook does
 * not have. `ready` holds the parse of a rule that can be evaluated (it parsed, every name known).
 */
export function bindEnabledRules(ruleSet: RuleSet, index: IndicatorIndex): Array<{ rule: Rule; parsed: ParseResult; unknown: string[]; ready?: Extract<ParseResult, { ok: true }> }> {
  return ruleSet.rules
    .filter((rule) => rule.enabled)
    .map((rule) => {
      const parsed = parseRule(rule.expr, rule.id);
      if (!parsed.ok) return { rule, parsed, unknown: [] };
      const unknown = parsed.indicators.filter((n) => index.keysFor(n).length === 0);
      return unknown.length > 0 ? { rule, parsed, unknown } : { rule, parsed, unknown, ready: parsed };
    });
}

/** Parses and evaluates every enabled rule, every instance through evaluateInstance: the reference the fast tier (fast.ts) is tested against. */
export function evaluateRules(ruleSet: RuleSet, index: IndicatorIndex): Array<{ rule: Rule; parsed: ParseResult; unknown: string[]; results: EvaluatedInstance[] }> {
  return bindEnabledRules(ruleSet, index).map(({ rule, parsed, unknown, ready }) => ({
    rule,
    parsed,
    unknown,
    results: ready ? instancesOf(rule, ready, index).map((instance) => ({ instance, outcome: evaluateInstance(instance, index) })) : [],
  }));
}
