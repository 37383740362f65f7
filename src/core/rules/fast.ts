// Rules over a provincial panel of millions of observations: the same evaluation as evaluate.ts, in two tiers.
//
// 1. A fast pass over the model's columns decides, for each rule instance (entity × period), only
//    whether it certainly PASSES or is DEFERRED to the hierarchy check — with the same picks,
//    arithmetic, tolerances and short-circuits as evaluateInstance, and no objects.
// 2. Everything else (fails, skips of every kind, anything the fast pass is unsure of) goes to
//    evaluateInstance itself, which makes the outcome, its reads and its comparison as always.
// So findings are those of evaluateRules, and a check of 3 M cells evaluates ~1 M instances
// without building 1 M outcomes.
//
// Typo hints need "every rule instance that reads this cell and holds now": ruleConstraintsFor
// finds them for one cell (the instances of the rules that can read its indicator, at its entity
// and period or the next one for prev()), instead of every passing instance up front.
import { F_APPROX, PK_ERROR, PK_MISSING, PK_TEXT } from '../obs-flags';
import type { Approx } from './functions';
import { bindEnabledRules, evaluateInstance, type Constraint, type EvaluatedInstance, type RuleInstance } from './evaluate';
import { cellKey, previousPeriod, type IndicatorIndex } from './indicator-index';
import { isCompare, type Node, type ParseResult } from './parser';
import type { Rule, RuleSet } from './types';

const index0: number[] = [];
const PASS = 0;
const DEFERRED = 1;
const SLOW = 2;

type ParsedOk = Extract<ParseResult, { ok: true }>;

/** A compiled node: returns its number (1/0 for a condition), its error bound in rule.err. */
type Compiled = () => number;

/** One parsed rule bound to the index: its names' keys as positions, its expression compiled. */
class FastRule {
  private readonly keysByName = new Map<string, number[]>();
  /** Key positions the rule reads, for each instance mode. */
  readonly allKeys: number[];
  /** Each-indicator mode: one instance set per key. */
  readonly perKey: boolean;
  // Instance state
  private e = 0;
  private p = 0;
  private prevP = -1;
  private instKey = -1;
  private readonly instKeys = [0];
  private homeDone = false;
  private home: string | undefined;
  private bail = false;
  private err = 0;
  private isBool = false;
  private readonly prevIndex: Int32Array;
  private readonly root: Compiled;
  private readonly deferKeys: number[] | null;

  constructor(
    readonly rule: Rule,
    readonly parsed: ParsedOk,
    readonly index: IndicatorIndex,
  ) {
    const names = parsed.indicators;
    for (const n of names) this.keysByName.set(n, index.keysFor(n).map((k) => index.keyPos.get(k) as number));
    const single = names.length === 1 ? this.keysByName.get(names[0]) ?? [] : undefined;
    this.perKey = single !== undefined && single.length > 1;
    this.allKeys = single ?? names.flatMap((n) => this.keysByName.get(n) ?? []);
    // previousPeriod by period index: −2 none (not a year), −1 a period the model lacks.
    const periods = index.data.periods.list;
    this.prevIndex = Int32Array.from(periods, (p) => {
      const q = previousPeriod(p);
      return q === undefined ? -2 : index.data.periods.find(q);
    });
    const ast = parsed.ast;
    this.deferKeys = rule.deferToHierarchy && ast.type === 'binary' && ast.op === '==' && ast.left.type === 'indicator' ? this.keysOf(ast.left.name) : null;
    this.root = this.compile(ast);
  }

  private keysOf(name: string): number[] {
    return this.keysByName.get(name) ?? index0;
  }

  /** Whether any of these key positions has an observation at the pair (instancesOf's test). */
  present(keys: number[], e: number, p: number): boolean {
    for (let i = 0; i < keys.length; i++) if (this.index.firstObs(keys[i], e, p) >= 0) return true;
    return false;
  }

  /** PASS, DEFERRED or SLOW for the instance at entity e, period p (and key position, each-indicator mode). */
  run(e: number, p: number, instKey: number): number {
    this.e = e;
    this.p = p;
    this.prevP = this.prevIndex[p];
    this.instKey = instKey;
    this.instKeys[0] = instKey;
    this.homeDone = false;
    this.bail = false;
    if (this.deferKeys) {
      const o = this.pick(this.deferKeys, false);
      if (this.bail) return SLOW;
      const d = this.index.data;
      if (d.childCount(d.rowOf(o)) > 0) return DEFERRED;
    }
    const ok = this.root() !== 0;
    if (this.bail) return SLOW;
    return ok ? PASS : SLOW;
  }

  /** evaluateInstance's pick(): the first candidate on the home sheet, else the first; bails when none. */
  private pick(nameKeys: number[], prev: boolean): number {
    const q = prev ? this.prevP : this.p;
    if (q < 0) {
      this.bail = true;
      return -1;
    }
    const index = this.index;
    const keys = this.instKey >= 0 ? this.instKeys : nameKeys;
    let first = -1;
    let count = 0;
    for (let i = 0; i < keys.length; i++) {
      for (let o = index.firstObs(keys[i], this.e, q); o >= 0; o = index.nextObs(o)) {
        if (count++ === 0) first = o;
      }
    }
    if (count === 0) {
      this.bail = true;
      return -1;
    }
    if (count === 1) return first;
    // Several candidates: the first on the rule's home sheet, else the first.
    const home = this.homeSheet();
    const d = index.data;
    for (let i = 0; i < keys.length; i++) {
      for (let o = index.firstObs(keys[i], this.e, q); o >= 0; o = index.nextObs(o)) {
        if (d.sheetName(d.rowOf(o)) === home) return o;
      }
    }
    return first;
  }

  /** The sheet holding candidates for the most names (evaluateInstance's home sheet). */
  private homeSheet(): string | undefined {
    if (this.homeDone) return this.home;
    const index = this.index;
    const d = index.data;
    const counts = new Map<string, number>();
    for (const name of this.parsed.indicators) {
      const keys = this.instKey >= 0 ? this.instKeys : this.keysOf(name);
      const sheets = new Set<string>();
      for (const k of keys) for (let o = index.firstObs(k, this.e, this.p); o >= 0; o = index.nextObs(o)) sheets.add(d.sheetName(d.rowOf(o)));
      for (const s of sheets) counts.set(s, (counts.get(s) ?? 0) + 1);
    }
    let home: string | undefined;
    for (const [s, c] of counts) {
      const best = home === undefined ? -1 : (counts.get(home) as number);
      if (c > best || (c === best && (index.sheetOrder.get(s) ?? 1e6) < (index.sheetOrder.get(home as string) ?? 1e6))) home = s;
    }
    this.home = home;
    this.homeDone = true;
    return home;
  }

  /** read(): the value of a name, its error in this.err; bails on anything but an exact number. */
  private read(nameKeys: number[], prev: boolean): number {
    const o = this.pick(nameKeys, prev);
    if (this.bail) return NaN;
    const d = this.index.data;
    const f = d.obsFlags[o];
    const pk = f & 7;
    const v = d.obsValue[o];
    if (pk === PK_MISSING || pk === PK_ERROR || pk === PK_TEXT || v !== v || f & F_APPROX) {
      this.bail = true;
      return NaN;
    }
    const step = d.stepOf(o);
    this.err = step === 1 && Number.isInteger(v) ? 0 : step / 2;
    return v;
  }

  /**
   * Compiles evalNode: each node returns its number (or 1/0 for a condition, with this.isBool
   * set) and leaves its error in this.err — the same operations in the same order as
   * evaluateInstance and functions.ts. After a bail the results are meaningless.
   */
  private compile(n: Node): Compiled {
    switch (n.type) {
      case 'number': {
        const v = n.value;
        return () => {
          this.isBool = false;
          this.err = 0;
          return v;
        };
      }
      case 'indicator': {
        const keys = this.keysOf(n.name);
        return () => {
          const v = this.read(keys, false);
          this.isBool = false;
          return v;
        };
      }
      case 'unary': {
        const arg = this.compile(n.arg);
        if (n.op === 'not') {
          return () => {
            const v = arg() === 0;
            this.isBool = true;
            return v ? 1 : 0;
          };
        }
        const negate = n.op === '-';
        return () => {
          const a = arg();
          if (this.isBool) this.err = 0;
          this.isBool = false;
          return negate ? -a : a;
        };
      }
      case 'binary': {
        const left = this.compile(n.left);
        const right = this.compile(n.right);
        if (n.op === 'and' || n.op === 'or') {
          const and = n.op === 'and';
          return () => {
            const l = left() !== 0;
            const v = and ? l && right() !== 0 : l || right() !== 0;
            this.isBool = true;
            return v ? 1 : 0;
          };
        }
        if (isCompare(n.op)) {
          const op = n.op;
          const rule = this.rule;
          return () => {
            const lv = left();
            const le = this.isBool ? 0 : this.err;
            const rv = right();
            const re = this.isBool ? 0 : this.err;
            this.isBool = true;
            const tol = rule.tolerance ?? le + re;
            if (!Number.isFinite(tol)) return 1;
            const eps = 1e-9 * Math.max(1, Math.abs(lv), Math.abs(rv));
            const d = lv - rv;
            switch (op) {
              case '==':
                return Math.abs(d) <= tol + eps ? 1 : 0;
              case '!=':
                return Math.abs(d) > tol + eps ? 1 : 0;
              case '<':
                return (tol > 0 ? d < tol : d < -eps) ? 1 : 0;
              case '<=':
                return d <= tol + eps ? 1 : 0;
              case '>':
                return (tol > 0 ? d > -tol : d > eps) ? 1 : 0;
              default:
                return d >= -tol - eps ? 1 : 0;
            }
          };
        }
        const op = n.op;
        return () => {
          const av = left();
          const ae = this.isBool ? 0 : this.err;
          const bv = right();
          const be = this.isBool ? 0 : this.err;
          this.isBool = false;
          // functions.ts add/sub/mul/div, operation for operation.
          switch (op) {
            case '+':
              this.err = ae + be;
              return av + bv;
            case '-':
              this.err = ae + be;
              return av - bv;
            case '*':
              this.err = Math.abs(av) * be + Math.abs(bv) * ae + ae * be;
              return av * bv;
            default: {
              if (bv === 0) {
                this.bail = true;
                return NaN;
              }
              const v = av / bv;
              const lo = Math.abs(bv) - be;
              this.err = lo <= 0 ? Infinity : (ae * Math.abs(bv) + Math.abs(av) * be) / (Math.abs(bv) * lo);
              return v;
            }
          }
        };
      }
      case 'call': {
        if (n.fn === 'prev') {
          const arg = n.args[0];
          if (arg.type !== 'indicator') {
            return () => {
              this.bail = true;
              return NaN;
            };
          }
          const keys = this.keysOf(arg.name);
          return () => {
            const v = this.read(keys, true);
            this.isBool = false;
            return v;
          };
        }
        const args = n.args.map((a) => this.compile(a));
        if (n.fn === 'if') {
          const [c, a, b] = args;
          return () => (c() !== 0 ? a() : b());
        }
        // The function's arithmetic, taken from its entry once here, not per instance. A function
        // without any is left to evaluateInstance.
        const apply = n.def.apply;
        if (!apply) {
          return () => {
            this.bail = true;
            return NaN;
          };
        }
        return () => {
          const vals: Approx[] = [];
          for (const a of args) {
            const v = a();
            vals.push({ v, err: this.isBool ? 0 : this.err });
          }
          if (this.bail) return NaN;
          const r = apply(vals);
          this.isBool = false;
          this.err = r.err;
          return r.v;
        };
      }
    }
  }

  /** The RuleInstance object instancesOf makes for this pair. */
  instance(entity: string, period: string, key: string | undefined): RuleInstance {
    const base = { rule: this.rule, ast: this.parsed.ast, indicators: this.parsed.indicators };
    return key === undefined ? { ...base, entity, period } : { ...base, entity, period, key };
  }
}

export interface LeanEvaluation {
  rule: Rule;
  parsed: ParseResult;
  unknown: string[];
  /** Instances that do not simply pass (fails and skips), in instance order, with evaluateInstance's outcome. */
  results: EvaluatedInstance[];
  /** The bound rule (parsed, known names): for constraints. */
  fast?: FastRule;
}

/**
 * evaluateRules without the passing instances: the same rules, instances and outcomes for
 * everything that is not a plain pass or a deferral to the hierarchy check.
 */
export function evaluateRulesLean(ruleSet: RuleSet, index: IndicatorIndex): LeanEvaluation[] {
  return scanRules(ruleSet, index, true);
}

/** The rules bound to the index, not evaluated (for ruleConstraintsFor). */
export function bindRules(ruleSet: RuleSet, index: IndicatorIndex): LeanEvaluation[] {
  return scanRules(ruleSet, index, false);
}

function scanRules(ruleSet: RuleSet, index: IndicatorIndex, evaluate: boolean): LeanEvaluation[] {
  const out: LeanEvaluation[] = bindEnabledRules(ruleSet, index).map(({ rule, parsed, unknown, ready }) =>
    ready ? { rule, parsed, unknown, results: [], fast: new FastRule(rule, ready, index) } : { rule, parsed, unknown, results: [] },
  );
  if (!evaluate) return out;
  // Pair by pair, every rule (the cells of one entity and period are neighbours); each rule's
  // instances still come out in instancesOf's order: by key for each-indicator rules, then by pair.
  interface Scan {
    fast: FastRule;
    keys: number[];
    key: number;
    slow: number[];
    results: EvaluatedInstance[];
  }
  const scans: Scan[] = [];
  for (const e of out) {
    const fast = e.fast;
    if (!fast) continue;
    if (fast.perKey) for (const k of fast.allKeys) scans.push({ fast, keys: [k], key: k, slow: [], results: e.results });
    else scans.push({ fast, keys: fast.allKeys, key: -1, slow: [], results: e.results });
  }
  const pairs = index.pairs;
  for (let i = 0; i < pairs.length; i++) {
    const e = index.pairEntity[i];
    const p = index.pairPeriod[i];
    for (let j = 0; j < scans.length; j++) {
      const sc = scans[j];
      if (!sc.fast.present(sc.keys, e, p)) continue;
      if (sc.fast.run(e, p, sc.key) === SLOW) sc.slow.push(i);
    }
  }
  for (const sc of scans) {
    for (const i of sc.slow) {
      const instance = sc.fast.instance(pairs[i].entity, pairs[i].period, sc.key >= 0 ? index.keys[sc.key] : undefined);
      sc.results.push({ instance, outcome: evaluateInstance(instance, index) });
    }
  }
  return out;
}

/**
 * The passing rule instances that read observation `o` (ruleConstraints restricted to one cell):
 * instances at its entity and period, and — for rules with prev() — at the periods whose previous
 * period is its period.
 */
export function ruleConstraintsFor(evaluated: LeanEvaluation[], index: IndicatorIndex, o: number): Constraint[] {
  const d = index.data;
  const row = d.rowOf(o);
  if (row < 0) return [];
  const kp = index.keyPos.get(d.labels[d.rowLabel[row]].key) ?? -1;
  const e = d.entityOf(o);
  const p = d.periodOf(o);
  const cell = d.cellKey(o);
  const out: Constraint[] = [];
  for (const ev of evaluated) {
    const fast = ev.fast;
    if (!fast || !fast.allKeys.includes(kp)) continue;
    const periods = [p];
    if (fast.parsed.usesPrev) d.periods.list.forEach((q, qi) => qi !== p && previousPeriod(q) === d.periods.list[p] && periods.push(qi));
    for (const q of periods) {
      const keys = fast.perKey ? [kp] : fast.allKeys;
      if (!fast.present(keys, e, q)) continue;
      const instance = fast.instance(d.entities.list[e], d.periods.list[q], fast.perKey ? index.keys[kp] : undefined);
      const outcome = evaluateInstance(instance, index);
      if (outcome.status !== 'pass') continue;
      const cells = outcome.reads.map((r) => cellKey(r.obs));
      if (!cells.includes(cell)) continue;
      out.push({
        id: `rule:${instance.rule.id}:${instance.entity}:${instance.period}:${instance.key ?? ''}`,
        cells,
        holds: (ov) => evaluateInstance(instance, index, ov).status !== 'fail',
      });
    }
  }
  return out;
}
