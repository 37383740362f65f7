// Typo hints after deductive::correct_typos (Scholtus 2009): when a balance or an equality fails
// and changing ONE cell by one keystroke-sized edit — an adjacent transposition, a substituted
// digit, a digit too many or a digit left out — makes it hold without breaking any other
// constraint that reads that cell and holds now, say so: "法治指标!D9 可能应为 12（21 的两位数字颠倒）".
//
// Only whole numbers typed as such are candidates (counts, amounts in 元 shown without decimals):
// the digits edited are the digits the user typed. Rates, 万元 figures with decimals and
// approximate values take part in the sums but are never themselves "corrected".
import { roundingOf, type WorkbookModel } from '../checks/context';
import type { IndicatorRow, Observation } from '../model';
import type { CellRef, Finding } from '../types';
import { unitScale } from '../units';
import type { Constraint } from './evaluate';
import { cellKey, IndicatorIndex } from './indicator-index';
import { bindRules, ruleConstraintsFor, type LeanEvaluation } from './fast';
import { joinBilingual, ruleMessage } from './messages';
import type { RuleSet, TypoHint, TypoKind } from './types';

const KIND_RANK: Record<TypoKind, number> = { swap: 0, substitute: 1, drop: 2, insert: 2 };

/** Every value one edit away from a non-negative whole number, without leading zeros, best kind first. */
export function digitEdits(value: number): Array<{ to: number; kind: TypoKind }> {
  if (!Number.isSafeInteger(value) || value < 0) return [];
  const s = String(value);
  const out = new Map<number, TypoKind>();
  const offer = (t: string, kind: TypoKind) => {
    if (t === '' || (t.length > 1 && t[0] === '0')) return;
    const to = Number(t);
    if (to === value || !Number.isSafeInteger(to)) return;
    const had = out.get(to);
    if (had === undefined || KIND_RANK[kind] < KIND_RANK[had]) out.set(to, kind);
  };
  for (let i = 0; i + 1 < s.length; i++) {
    if (s[i] !== s[i + 1]) offer(s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2), 'swap');
  }
  for (let i = 0; i < s.length; i++) {
    for (let d = 0; d <= 9; d++) if (String(d) !== s[i]) offer(s.slice(0, i) + d + s.slice(i + 1), 'substitute');
  }
  for (let i = 0; i < s.length; i++) offer(s.slice(0, i) + s.slice(i + 1), 'drop');
  for (let i = 0; i <= s.length; i++) for (let d = 0; d <= 9; d++) offer(s.slice(0, i) + d + s.slice(i), 'insert');
  return [...out.entries()].map(([to, kind]) => ({ to, kind })).sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind]);
}

const refText = (ref: CellRef) => `${ref.sheet}!${ref.address}`;

function hintMessage(ref: CellRef, from: number, to: number, kind: TypoKind) {
  const id = kind === 'swap' ? (String(from).length === 2 ? 'typo.swap2' : 'typo.swap') : kind === 'substitute' ? 'typo.substitute' : kind === 'drop' ? 'typo.drop' : 'typo.insert';
  return ruleMessage(id, { cell: refText(ref), from: String(from), to: String(to) });
}

/**
 * Tries every single-digit edit of every cell and keeps those for which `solve(index, newValue)`
 * says the check (and everything else that must keep holding) holds. The best fix is a swap, then
 * a substituted digit, then a dropped or inserted one; when more than two fixes tie for best
 * there is no hint, and two that tie in two different cells are named together. The message names up to three of the other, less likely fixes. Cells whose value is not a
 * whole number ≥ 0 are not edited.
 */
export function suggestTypo(cells: Array<{ ref: CellRef; value: number }>, solve: (index: number, value: number) => boolean): TypoHint | undefined {
  const found: Array<{ i: number; to: number; kind: TypoKind }> = [];
  cells.forEach((c, i) => {
    for (const e of digitEdits(c.value)) {
      let ok = false;
      try {
        ok = solve(i, e.to);
      } catch {
        ok = false;
      }
      if (ok) found.push({ i, ...e });
    }
  });
  if (found.length === 0) return undefined;
  found.sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.i - b.i);
  const best = found[0];
  // As deducorrect does with several solutions: no hint when no fix stands out (110 vs 50+58+1:
  // 50→51, 58→59 and 1→2 are equally likely). A swap keeps the digits and outranks the rest.
  // Exactly two equally good fixes in two different cells (an equality of two cells, 160 vs
  // 106: either may be the swapped one) are both named: one of the two is the typo.
  const tied = found.filter((f) => KIND_RANK[f.kind] === KIND_RANK[best.kind]);
  if (tied.length === 2 && tied[0].i !== tied[1].i) {
    const [a, b] = tied;
    const first = hintMessage(cells[a.i].ref, cells[a.i].value, a.to, a.kind);
    const second = hintMessage(cells[b.i].ref, cells[b.i].value, b.to, b.kind);
    const ra = cells[a.i].ref;
    const rb = cells[b.i].ref;
    return {
      cell: { sheet: ra.sheet, address: ra.address },
      from: cells[a.i].value,
      to: a.to,
      kind: a.kind,
      message: ruleMessage('typo.either', { first, second }),
      or: { cell: { sheet: rb.sheet, address: rb.address }, from: cells[b.i].value, to: b.to, kind: b.kind },
    };
  }
  if (tied.length > 1) return undefined;
  const ref = cells[best.i].ref;
  let message = hintMessage(ref, cells[best.i].value, best.to, best.kind);
  const others = found.slice(1, 4).map((f) => ruleMessage('typo.alt', { cell: refText(cells[f.i].ref), to: String(f.to) }));
  if (others.length > 0) {
    const tail = ruleMessage('typo.others', { list: joinBilingual(others) });
    message = { 'zh-CN': message['zh-CN'] + tail['zh-CN'], 'en-US': message['en-US'] + tail['en-US'] };
  }
  return { cell: { sheet: ref.sheet, address: ref.address }, from: cells[best.i].value, to: best.to, kind: best.kind, message };
}

/** Whether a cell's value is one the user typed as a whole number (its digits can be edited). */
export function isTypoCandidate(o: Observation): boolean {
  return (
    o.parsed.kind === 'number' &&
    !o.parsed.percent &&
    o.kind !== 'rate' &&
    !o.approximate &&
    o.step === 1 &&
    o.value !== undefined &&
    Number.isSafeInteger(o.value) &&
    o.value >= 0
  );
}

/** Constraints that read a cell (`Sheet!A1`): a list, or a function that finds them for one cell. */
export type ConstraintSource = Constraint[] | ((cellKey: string) => Constraint[]);

/**
 * The constraints that read each cell, and whether each holds now: what safeSolve consults for
 * every edit it tries. Whoever hints many findings against one source of constraints (runRules,
 * attachTypoHints) makes one and passes it to every safeSolve, so each cell's constraints are
 * found, and each constraint is evaluated unchanged, only once per run.
 */
export class ConstraintIndex {
  /** Whether a constraint holds with no cell replaced (filled in as constraints are met). */
  readonly holdsNow = new Map<Constraint, boolean>();
  /** Constraints by cell: all of a list up front, or a lookup's answers as cells are asked for. */
  private readonly byKey = new Map<string, Constraint[]>();
  private readonly find: ((cellKey: string) => Constraint[]) | undefined;

  constructor(source: ConstraintSource) {
    if (typeof source === 'function') {
      this.find = source;
      return;
    }
    this.find = undefined;
    for (const c of source) {
      for (const k of new Set(c.cells)) {
        const l = this.byKey.get(k);
        if (l) l.push(c);
        else this.byKey.set(k, [c]);
      }
    }
  }

  /** The constraints that read a cell (`Sheet!A1`). */
  byCell(cellKey: string): Constraint[] {
    const hit = this.byKey.get(cellKey);
    if (hit) return hit;
    if (!this.find) return [];
    const found = this.find(cellKey);
    this.byKey.set(cellKey, found);
    return found;
  }
}

/**
 * A solver for suggestTypo: the target holds with the new value and no constraint in `others`
 * that reads the cell and holds now stops holding. Pass a ConstraintIndex to share what it learns
 * across calls; a list or a lookup is indexed for this solver alone.
 */
export function safeSolve(
  cells: Array<{ ref: CellRef }>,
  target: (override: ReadonlyMap<string, number>) => boolean,
  others: ConstraintSource | ConstraintIndex,
  exclude?: (c: Constraint) => boolean,
): (index: number, value: number) => boolean {
  const constraints = others instanceof ConstraintIndex ? others : new ConstraintIndex(others);
  const holdsNow = constraints.holdsNow;
  const none = new Map<string, number>();
  return (index, value) => {
    const key = cellKey(cells[index].ref);
    const ov = new Map([[key, value]]);
    if (!target(ov)) return false;
    for (const c of constraints.byCell(key)) {
      if (exclude?.(c)) continue;
      let now = holdsNow.get(c);
      if (now === undefined) holdsNow.set(c, (now = c.holds(none)));
      if (now && !c.holds(ov)) return false;
    }
    return true;
  };
}

// ---------------------------------------------------------------------------------------------
// Balance groups of the sheet hierarchy as constraints

const NOT_ADDITIVE = /(率|占比|比例|比重|平均|人均|单案)/;

export interface BalanceConstraint extends Constraint {
  total: Observation;
  parts: Observation[];
  exhaustive: boolean;
}

/**
 * Every total row × entity-period of the hierarchy whose cells are all exact numbers, as in
 * checks/balance.ts: exhaustive lists must add up (within rounding), partial lists must not
 * exceed their total.
 */
export function balanceConstraints(model: WorkbookModel): BalanceConstraint[] {
  const out: BalanceConstraint[] = [];
  const base = (r: IndicatorRow) => (r.unit ? unitScale(r.unit).base : undefined);
  for (const [parentId, kids] of model.children) {
    const total = model.rows.get(parentId);
    if (!total || NOT_ADDITIVE.test(total.key)) continue;
    const parts = kids.filter((k) => !NOT_ADDITIVE.test(k.key));
    if (parts.length === 0) continue;
    const bases = new Set(parts.map(base).filter((b): b is string => !!b));
    const tb = base(total);
    if (bases.size > 1 || (tb && bases.size === 1 && !bases.has(tb))) continue;
    const exhaustive = !total.partial && !parts.some((p) => p.partial);
    for (const [pk, t] of model.byRow.get(parentId) ?? []) {
      if (t.value === undefined || t.approximate || t.kind === 'rate') continue;
      const po = parts.map((p) => model.byRow.get(p.id)?.get(pk));
      if (po.some((o) => !o || o.value === undefined || o.approximate || o.kind === 'rate')) continue;
      const partObs = po as Observation[];
      const tol = roundingOf(t) + partObs.reduce((s, o) => s + roundingOf(o), 0);
      const val = (o: Observation, ov: ReadonlyMap<string, number>) => ov.get(cellKey(o)) ?? (o.value as number);
      out.push({
        id: `balance:${cellKey(t)}`,
        cells: [cellKey(t), ...partObs.map(cellKey)],
        total: t,
        parts: partObs,
        exhaustive,
        holds(ov) {
          const tv = val(t, ov);
          const sum = partObs.reduce((s, o) => s + val(o, ov), 0);
          const eps = tol + 1e-9 * Math.max(1, Math.abs(tv));
          return exhaustive ? Math.abs(tv - sum) <= eps : sum <= tv + eps;
        },
      });
    }
  }
  return out;
}

/**
 * The balance constraints of balanceConstraints(model), made one group at a time: for the group a
 * cell is the total of, and the group it is a part of. Each group's constraint is made once.
 */
export class BalanceGroups {
  private readonly made = new Map<number, BalanceConstraint | null>();
  private readonly notAdditive: Uint8Array;
  constructor(private readonly model: WorkbookModel) {
    this.notAdditive = new Uint8Array(model.data.labels.length);
  }

  private additive(row: number): boolean {
    const d = this.model.data;
    const li = d.rowLabel[row];
    if (this.notAdditive[li] === 0) this.notAdditive[li] = NOT_ADDITIVE.test(d.labels[li].key) ? 2 : 1;
    return this.notAdditive[li] === 1;
  }

  /** The constraint whose total is observation t (of a row with breakdown rows), if it is one. */
  ofTotal(t: number): BalanceConstraint | undefined {
    const hit = this.made.get(t);
    if (hit !== undefined) return hit ?? undefined;
    const c = this.make(t);
    this.made.set(t, c ?? null);
    return c;
  }

  private make(t: number): BalanceConstraint | undefined {
    const d = this.model.data;
    const parent = d.rowOf(t);
    if (parent < 0 || d.childCount(parent) === 0 || !this.additive(parent)) return undefined;
    const { childStart, childList } = d.children();
    const parts: number[] = [];
    for (let k = childStart[parent]; k < childStart[parent + 1]; k++) if (this.additive(childList[k])) parts.push(childList[k]);
    if (parts.length === 0) return undefined;
    const base = (r: IndicatorRow) => (r.unit ? unitScale(r.unit).base : undefined);
    const partRows = parts.map((p) => d.row(p));
    const total = d.row(parent);
    const bases = new Set(partRows.map(base).filter((b): b is string => !!b));
    const tb = base(total);
    if (bases.size > 1 || (tb && bases.size === 1 && !bases.has(tb))) return undefined;
    const exhaustive = !total.partial && !partRows.some((p) => p.partial);
    const to = d.obs(t);
    if (to.value === undefined || to.approximate || to.kind === 'rate') return undefined;
    const po = parts.map((p) => {
      const o = d.obsOfRowAt(p, d.entityOf(t), d.periodOf(t));
      return o < 0 ? undefined : d.obs(o);
    });
    if (po.some((o) => !o || o.value === undefined || o.approximate || o.kind === 'rate')) return undefined;
    return balanceConstraint(to, po as Observation[], exhaustive);
  }

  /** Every group constraint that reads observation o: as its total and as one of its parts. */
  reading(o: number): BalanceConstraint[] {
    const d = this.model.data;
    const out: BalanceConstraint[] = [];
    const row = d.rowOf(o);
    if (row < 0) return out;
    const own = this.ofTotal(o);
    if (own) out.push(own);
    const parent = d.rowParent[row];
    if (parent >= 0) {
      const t = d.obsOfRowAt(parent, d.entityOf(o), d.periodOf(o));
      const c = t >= 0 ? this.ofTotal(t) : undefined;
      if (c && c !== own && c.cells.includes(d.cellKey(o))) out.push(c);
    }
    return out;
  }
}

function balanceConstraint(t: Observation, partObs: Observation[], exhaustive: boolean): BalanceConstraint {
  const tol = roundingOf(t) + partObs.reduce((s, o) => s + roundingOf(o), 0);
  const val = (o: Observation, ov: ReadonlyMap<string, number>) => ov.get(cellKey(o)) ?? (o.value as number);
  return {
    id: `balance:${cellKey(t)}`,
    cells: [cellKey(t), ...partObs.map(cellKey)],
    total: t,
    parts: partObs,
    exhaustive,
    holds(ov) {
      const tv = val(t, ov);
      const sum = partObs.reduce((s, o) => s + val(o, ov), 0);
      const eps = tol + 1e-9 * Math.max(1, Math.abs(tv));
      return exhaustive ? Math.abs(tv - sum) <= eps : sum <= tv + eps;
    },
  };
}

/** The observation in a cell key `Sheet!A1`; −1 when none. */
function obsOfKey(model: WorkbookModel, key: string): number {
  const bang = key.lastIndexOf('!');
  return bang < 0 ? -1 : model.data.obsInCell(key.slice(0, bang), key.slice(bang + 1));
}

/**
 * Every constraint that reads a cell, made on demand: the balance groups, the extra constraints
 * given, and the passing rule instances (ruleConstraints of the rules, one cell at a time).
 */
export function constraintLookup(
  model: WorkbookModel,
  balances: BalanceGroups,
  rules?: { evaluated: LeanEvaluation[]; index: IndicatorIndex },
  extra: Constraint[] = [],
): (cellKey: string) => Constraint[] {
  const extraIndex = extra.length > 0 ? new ConstraintIndex(extra) : undefined;
  return (key) => {
    const o = obsOfKey(model, key);
    const out: Constraint[] = o >= 0 ? [...balances.reading(o)] : [];
    if (extraIndex) out.push(...extraIndex.byCell(key));
    if (rules && o >= 0) out.push(...ruleConstraintsFor(rules.evaluated, rules.index, o));
    return out;
  };
}

const HINTED = new Set(['balance.mismatch', 'balance.exceeds']);

/**
 * Adds `hint` to the balance findings of checks/balance.ts (balance.mismatch, and balance.exceeds
 * of complete breakdowns) where one single-digit edit of one cell makes the total add up and keeps
 * every other balance group — and, when `rules` is given, every rule — that reads the cell and holds
 * now, holding. Returns new finding objects for the hinted ones; the others are returned as they are.
 * (Findings of runRules get their hints from runRules itself.)
 */
export function attachTypoHints(findings: Finding[], model: WorkbookModel, opts: { rules?: RuleSet; constraints?: Constraint[]; index?: IndicatorIndex } = {}): Finding[] {
  if (!findings.some((f) => HINTED.has(f.ruleId))) return findings;
  const balances = new BalanceGroups(model);
  let rules: { evaluated: LeanEvaluation[]; index: IndicatorIndex } | undefined;
  if (opts.rules) {
    const index = opts.index ?? new IndicatorIndex(model, opts.rules.aliases);
    rules = { evaluated: bindRules(opts.rules, index), index };
  }
  const others = new ConstraintIndex(constraintLookup(model, balances, rules, opts.constraints));
  return findings.map((f) => {
    if (!HINTED.has(f.ruleId) || f.hint || !f.cells[0]) return f;
    const t = model.data.obsInCell(f.cells[0].sheet, f.cells[0].address);
    const target = t >= 0 ? balances.ofTotal(t) : undefined;
    if (!target || !target.exhaustive || target.holds(new Map())) return f;
    const cells = [target.total, ...target.parts]
      .filter(isTypoCandidate)
      .map((o) => ({ ref: { sheet: o.sheet, address: o.address }, value: o.value as number }));
    if (cells.length === 0) return f;
    const solve = safeSolve(cells, (ov) => target.holds(ov), others, (c) => c === target);
    const hint = suggestTypo(cells, solve);
    return hint ? { ...f, hint } : f;
  });
}
