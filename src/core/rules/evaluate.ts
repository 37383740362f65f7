// Evaluates parsed rules over the WorkbookModel, per entity (district) and period.
//
// Name resolution. `[名称]` is normalised with normalizeName and looked up among the workbook's
// indicator rows, in this order: the name itself; then the pack's aliases of that name (in the
// order listed; a variant written /…/ is a regular expression over normalised names, matched in
// workbook order); and, only when the name is not itself a canonical name of the aliases, the
// canonical names it is listed under and their variants. At every step a trailing unit in
// parentheses is ignored when the exact key is absent (`依法公开执法处罚信息(条)` ↔
// `依法公开执法处罚信息`).
//
// Choosing a cell. One name may match several rows (one sheet per year, several sheets, a long
// table). For one entity and period the candidates are the observations of every matching row,
// in workbook order (sheet order, then row). The rule's "home sheet" is the sheet holding
// candidates for the most of its names (ties: the earlier sheet); each name takes its first
// candidate on the home sheet, else its first candidate anywhere.
//
// A rule with a single indicator whose name matches several distinct indicators (a pattern alias
// such as /(办结率|完结率)$/, or a name and its alias both present) is checked once per matching
// indicator: `[办结率] == 100%` checks every 办结率/完结率 row.
//
// prev([x]) reads x one period earlier (period 2022 → 2021) for the same entity.
import { roundingOf, type WorkbookModel } from '../checks/context';
import type { IndicatorRow, Observation } from '../model';
import { normalizeName } from '../names';
import type { CellRef } from '../types';
import { add, applyNumeric, div, exact, mul, neg, sub, type Approx } from './functions';
import { isCompare, parseRule, type CompareOp, type Node, type ParseResult } from './parser';
import type { Rule, RuleSet } from './types';

// ---------------------------------------------------------------------------------------------
// Index of the workbook's indicators

const pairKey = (entity: string, period: string) => `${entity}\u0000${period}`;

export function cellKey(ref: CellRef | Observation): string {
  return `${ref.sheet}!${ref.address}`;
}

/** A key without a trailing unit in parentheses: `公开信息(条)` → `公开信息`. */
function stripUnit(key: string): string {
  const s = key.replace(/\([^()]{1,12}\)$/, '');
  return s || key;
}

type Variant = { key: string } | { re: RegExp };

/** Compiles a `/…/flags` alias; undefined when it is not one or does not compile. */
export function aliasPattern(s: string): RegExp | undefined | null {
  const m = /^\/(.+)\/([imsu]*)$/s.exec(s.trim());
  if (!m) return undefined;
  try {
    return new RegExp(m[1], m[2].replace(/[gy]/g, ''));
  } catch {
    return null;
  }
}

export class IndicatorIndex {
  /** Rows by key, in workbook order. */
  readonly rowsByKey = new Map<string, IndicatorRow[]>();
  /** Every key in workbook order. */
  readonly keys: string[] = [];
  private readonly byStripped = new Map<string, string[]>();
  private readonly obsByKey = new Map<string, Map<string, Observation[]>>();
  private readonly entityKeys = new Map<string, Set<string>>();
  private readonly entityPeriodKeys = new Map<string, Set<string>>();
  private readonly aliases = new Map<string, Variant[]>();
  private readonly reverse = new Map<string, string[]>();
  private readonly cache = new Map<string, string[]>();
  /** Every entity/period with at least one observation, entities in order of appearance, periods ascending. */
  readonly pairs: Array<{ entity: string; period: string }> = [];
  readonly sheetOrder = new Map<string, number>();

  constructor(
    readonly model: WorkbookModel,
    aliases: Record<string, string[]> = {},
  ) {
    model.sheets.forEach((s, i) => this.sheetOrder.set(s.sheet, i));
    const rows = [...model.rows.values()].sort((a, b) => this.rowOrder(a) - this.rowOrder(b) || a.id - b.id);
    for (const r of rows) {
      let list = this.rowsByKey.get(r.key);
      if (!list) {
        this.rowsByKey.set(r.key, (list = []));
        this.keys.push(r.key);
        const st = stripUnit(r.key);
        const same = this.byStripped.get(st);
        if (same) same.push(r.key);
        else this.byStripped.set(st, [r.key]);
      }
      list.push(r);
    }
    const entities: string[] = [];
    const periods = new Map<string, Set<string>>();
    for (const r of rows) {
      const byPair = model.byRow.get(r.id);
      if (!byPair) continue;
      let m = this.obsByKey.get(r.key);
      if (!m) this.obsByKey.set(r.key, (m = new Map()));
      for (const o of byPair.values()) {
        const pk = pairKey(o.entity, o.period);
        const list = m.get(pk);
        if (list) list.push(o);
        else m.set(pk, [o]);
        let ek = this.entityKeys.get(o.entity);
        if (!ek) {
          this.entityKeys.set(o.entity, (ek = new Set()));
          entities.push(o.entity);
        }
        ek.add(r.key);
        let epk = this.entityPeriodKeys.get(pk);
        if (!epk) this.entityPeriodKeys.set(pk, (epk = new Set()));
        epk.add(r.key);
        let ps = periods.get(o.entity);
        if (!ps) periods.set(o.entity, (ps = new Set()));
        ps.add(o.period);
      }
    }
    for (const e of entities) {
      const ps = [...(periods.get(e) ?? [])].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
      for (const p of ps) this.pairs.push({ entity: e, period: p });
    }
    for (const [canonical, variants] of Object.entries(aliases ?? {})) {
      if (!Array.isArray(variants)) continue;
      const ck = normalizeName(canonical);
      if (!ck) continue;
      const list = this.aliases.get(ck) ?? [];
      for (const v of variants) {
        if (typeof v !== 'string') continue;
        const re = aliasPattern(v);
        if (re === null) continue;
        if (re) list.push({ re });
        else {
          const vk = normalizeName(v);
          if (!vk || vk === ck) continue;
          list.push({ key: vk });
          const back = this.reverse.get(vk) ?? [];
          if (!back.includes(ck)) back.push(ck);
          this.reverse.set(vk, back);
        }
      }
      this.aliases.set(ck, list);
    }
  }

  private rowOrder(r: IndicatorRow): number {
    return (this.sheetOrder.get(r.sheet) ?? 1e6) * 1e7 + r.row;
  }

  /** Workbook keys a written name resolves to, best first. Empty: the workbook lacks the indicator. */
  keysFor(name: string): string[] {
    const k = normalizeName(name);
    const hit = this.cache.get(k);
    if (hit) return hit;
    const out: string[] = [];
    const push = (x: string) => {
      if (!out.includes(x)) out.push(x);
    };
    const addKey = (x: string) => {
      if (this.rowsByKey.has(x)) push(x);
      else for (const c of this.byStripped.get(stripUnit(x)) ?? []) push(c);
    };
    const addGroup = (c: string) => {
      addKey(c);
      for (const v of this.aliases.get(c) ?? []) {
        if ('key' in v) addKey(v.key);
        else for (const key of this.keys) if (v.re.test(key)) push(key);
      }
    };
    addGroup(k);
    if (!this.aliases.has(k)) for (const c of this.reverse.get(k) ?? []) addGroup(c);
    this.cache.set(k, out);
    return out;
  }

  /** Observations of a key for one entity and period, in workbook order. */
  observations(key: string, entity: string, period: string): Observation[] {
    return this.obsByKey.get(key)?.get(pairKey(entity, period)) ?? [];
  }

  entityHas(entity: string, key: string): boolean {
    return this.entityKeys.get(entity)?.has(key) ?? false;
  }

  /** Entity/period pairs where the key has an observation. */
  pairsOf(key: string): Set<string> {
    return new Set(this.obsByKey.get(key)?.keys() ?? []);
  }

  /** One label per distinct key, in workbook order: the names a user could write. */
  labels(): Array<{ key: string; label: string }> {
    return this.keys.map((key) => ({ key, label: (this.rowsByKey.get(key) as IndicatorRow[])[0].label }));
  }
}

/** The period one step earlier: '2022' → '2021'. Undefined for periods that are not years. */
export function previousPeriod(period: string): string | undefined {
  return /^\d{4}$/.test(period) ? String(Number(period) - 1) : undefined;
}

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
    case 'call':
      if (n.fn === 'prev') return seen.get(n.args[0])?.kind === 'rate';
      if (n.fn === 'if') return isRateNode(n.args[1], seen) || isRateNode(n.args[2], seen);
      if (n.fn === 'round') return isRateNode(n.args[0], seen);
      return n.args.some((a) => isRateNode(a, seen));
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
        return applyNumeric(n.fn, n.args.map(num));
      }
    }
  };

  try {
    if (rule.deferToHierarchy && inst.ast.type === 'binary' && inst.ast.op === '==' && inst.ast.left.type === 'indicator') {
      const o = pick(inst.ast.left.name, false);
      if ((index.model.children.get(o.rowId)?.length ?? 0) > 0) return { status: 'skip', reason: 'deferred', reads };
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
  if (n.type === 'call' && n.fn === 'if') {
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

/** Parses and evaluates every enabled rule; the raw material of runRules and of the typo constraints. */
export function evaluateRules(ruleSet: RuleSet, index: IndicatorIndex): Array<{ rule: Rule; parsed: ParseResult; unknown: string[]; results: EvaluatedInstance[] }> {
  const out: Array<{ rule: Rule; parsed: ParseResult; unknown: string[]; results: EvaluatedInstance[] }> = [];
  for (const rule of ruleSet.rules) {
    if (!rule.enabled) continue;
    const parsed = parseRule(rule.expr, rule.id);
    if (!parsed.ok) {
      out.push({ rule, parsed, unknown: [], results: [] });
      continue;
    }
    const unknown = parsed.indicators.filter((n) => index.keysFor(n).length === 0);
    if (unknown.length > 0) {
      out.push({ rule, parsed, unknown, results: [] });
      continue;
    }
    const results = instancesOf(rule, parsed, index).map((instance) => ({ instance, outcome: evaluateInstance(instance, index) }));
    out.push({ rule, parsed, unknown, results });
  }
  return out;
}

/** The passing instances of rules as constraints. */
export function ruleConstraints(evaluated: ReturnType<typeof evaluateRules>, index: IndicatorIndex): Constraint[] {
  const out: Constraint[] = [];
  for (const e of evaluated) {
    for (const { instance, outcome } of e.results) {
      if (outcome.status !== 'pass') continue;
      out.push({
        id: `rule:${instance.rule.id}:${instance.entity}:${instance.period}:${instance.key ?? ''}`,
        cells: outcome.reads.map((r) => cellKey(r.obs)),
        holds: (ov) => evaluateInstance(instance, index, ov).status !== 'fail',
      });
    }
  }
  return out;
}
