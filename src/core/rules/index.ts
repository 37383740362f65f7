// Rules as data: the rule language, the built-in pack, rule files, the workbook's
// 校验规则 sheet and typo hints. `runRules(model, ruleSet)` turns a rule set into findings.
import { display, displayNumber, rowById, type WorkbookModel } from '../checks/context';
import { periodLabel } from '../messages';
import type { Observation } from '../model';
import { normalizeName } from '../names';
import type { Bilingual, CellRef, Finding, SheetGrid } from '../types';
import { formatNumber } from '../numerals';
import { evaluateInstance, type Comparison, type Read } from './evaluate';
import { cellKey, IndicatorIndex } from './indicator-index';
import { evaluateRulesLean } from './fast';
import { roundTo } from './functions';
import { joinBilingual, ruleMessage } from './messages';
import { editDistance } from './parser';
import { applyRulePatches, builtinPack, mergeRuleSets, parseRuleFile, RULES_SHEET_NAME, rulesFromSheet, type RuleLoad } from './sources';
import { BalanceGroups, ConstraintIndex, constraintLookup, isTypoCandidate, safeSolve, suggestTypo } from './typo';
import type { Rule, RulePatch, RuleSet } from './types';

export * from './types';
export { parseRule, walk, editDistance, MAX_EXPRESSION_LENGTH, type Node, type ParseResult } from './parser';
export { evaluateInstance, evaluateRules, instancesOf, type Constraint, type Outcome } from './evaluate';
export { IndicatorIndex, previousPeriod, cellKey } from './indicator-index';
export {
  builtinPack,
  builtinPackFindings,
  mergeRuleSets,
  applyRulePatches,
  parseRuleFile,
  ruleSetFromObject,
  rulesFromSheet,
  rulesSheetTemplate,
  ruleFileObject,
  parseSeverity,
  parseEnabled,
  parseTolerance,
  RULES_SHEET_NAME,
  type RuleLoad,
} from './sources';
export { suggestTypo, attachTypoHints, balanceConstraints, digitEdits, isTypoCandidate, safeSolve } from './typo';
export { FUNCTION_NAMES, RULE_FUNCTIONS, type RuleFunction } from './functions';

export interface RunRulesOptions {
  /** Attach one-digit typo hints to failing equalities (default true). */
  typoHints?: boolean;
  /**
   * The index of the model's indicators under the rule set's aliases, when the caller made it
   * (the engine makes one per check and gives it to attachTypoHints too); else made here.
   */
  index?: IndicatorIndex;
}

// ---------------------------------------------------------------------------------------------
// Suggestions for unknown names

/**
 * The workbook's indicator names closest to `name`: containment first, then edit distance and
 * shared characters. At most `n`, best first; nothing that shares too little.
 */
export function closestIndicators(name: string, labels: Array<{ key: string; label: string }>, n = 3): string[] {
  const k = normalizeName(name);
  if (!k) return [];
  const kc = Array.from(k);
  const scored = labels.map(({ key, label }, order) => {
    let score: number;
    if (key.includes(k) || k.includes(key)) {
      const a = Array.from(key).length;
      score = 0.75 + (0.25 * Math.min(a, kc.length)) / Math.max(a, kc.length);
    } else {
      const cs = Array.from(key);
      const sim = 1 - editDistance(k, key) / Math.max(cs.length, kc.length);
      const pool = new Map<string, number>();
      for (const c of cs) pool.set(c, (pool.get(c) ?? 0) + 1);
      let common = 0;
      for (const c of kc) {
        const left = pool.get(c) ?? 0;
        if (left > 0) {
          common++;
          pool.set(c, left - 1);
        }
      }
      const dice = (2 * common) / (cs.length + kc.length);
      score = Math.max(sim, 0.9 * dice);
    }
    return { label, score, order };
  });
  return scored
    .filter((s) => s.score >= 0.4)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, n)
    .map((s) => s.label);
}

// ---------------------------------------------------------------------------------------------
// Findings

function originCell(rule: Rule, field: 'expr' | 'id' = 'expr'): CellRef[] {
  const address = rule.origin?.cells[field] ?? rule.origin?.cells.id;
  return rule.origin && address ? [{ sheet: rule.origin.sheet, address }] : [];
}

/** 「名称」 / "name" after the rule id; nothing when the rule has no name of its own. */
/** Whether a rule has a name of its own (a sentence a clerk can read), not just its id. */
function named(rule: Rule): boolean {
  const zh = rule.name['zh-CN'];
  return !!zh && zh !== rule.id;
}

function ruleName(rule: Rule): Bilingual {
  const zh = rule.name['zh-CN'];
  const en = rule.name['en-US'];
  return { 'zh-CN': zh && zh !== rule.id ? `「${zh}」` : '', 'en-US': en && en !== rule.id ? ` "${en}"` : '' };
}

/** How a clerk's sentence names a rule: by its name when it has one, else by its id. */
function ruleWhat(rule: Rule): Bilingual {
  const zh = rule.name['zh-CN'];
  const en = rule.name['en-US'];
  const named = (name: string | undefined, lang: 'zh-CN' | 'en-US') => (name && name !== rule.id ? ruleMessage('rule.what.named', { name })[lang] : ruleMessage('rule.what.id', { id: rule.id })[lang]);
  return { 'zh-CN': named(zh, 'zh-CN'), 'en-US': named(en, 'en-US') };
}

function periodText(entity: string, period: string): Bilingual {
  const p = periodLabel(period);
  if (!entity) return p;
  return { 'zh-CN': `${entity}${p['zh-CN']}`, 'en-US': `${entity} ${p['en-US']}` };
}

function fmt(v: number, rate: boolean): string {
  return rate ? displayNumber(v, 'rate') : formatNumber(roundTo(v, 4));
}

/** A value as the clerk reads it: the row's label, the value as shown, the cell. */
function plainRead(r: Read, model: WorkbookModel): Bilingual {
  const row = rowById(model, r.obs.rowId);
  const label = row?.label ?? r.name;
  return ruleMessage(r.prev ? 'rule.read.prev' : 'rule.read', { label, value: display(r.obs), cell: `${r.obs.sheet}!${r.obs.address}` });
}

/** Both languages without spaces at either end (an empty {detail} leaves one). */
function trimmed(b: Bilingual): Bilingual {
  return { 'zh-CN': b['zh-CN'].trim(), 'en-US': b['en-US'].trim() };
}

function uniqueReads(reads: Read[]): Read[] {
  const seen = new Set<string>();
  return reads.filter((r) => {
    const k = cellKey(r.obs);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function failureFinding(rule: Rule, entity: string, period: string, reads: Read[], c: Comparison | undefined, model: WorkbookModel): Finding {
  const rs = uniqueReads(reads);
  const detail = c
    ? ruleMessage('rule.detail', { lhs: fmt(c.lhs.v, c.rate), rhs: fmt(c.rhs.v, c.rate), diff: fmt(c.lhs.v - c.rhs.v, c.rate) })
    : { 'zh-CN': '', 'en-US': '' };
  const f: Finding = {
    ruleId: rule.id,
    severity: rule.severity,
    cells: rs.map((r) => ({ sheet: r.obs.sheet, address: r.obs.address })),
    values: rs.map((r) => r.obs.value ?? null),
    message: ruleMessage(named(rule) ? 'rule.fail' : 'rule.fail-unnamed', {
      plain: { 'zh-CN': rule.name['zh-CN'] || rule.id, 'en-US': rule.name['en-US'] || rule.name['zh-CN'] || rule.id },
      period: periodText(entity, period),
      values: joinBilingual(rs.map((r) => plainRead(r, model)), '，', '; '),
    }),
    details: trimmed(ruleMessage('rule.fail.details', { id: rule.id, expr: rule.expr.trim(), detail })),
    period,
  };
  if (entity) f.entity = entity;
  const first = rs[0] ? rowById(model, rs[0].obs.rowId) : undefined;
  if (first) f.indicator = first.label;
  if (c) {
    f.expected = c.rhs.v;
    f.difference = c.lhs.v - c.rhs.v;
  }
  return f;
}

interface Skipped {
  rule: Rule;
  period: string;
  reason: 'missing' | 'approx' | 'div0';
  names: string[];
  entities: string[];
  cells: CellRef[];
  texts: string[];
}

function skippedFinding(s: Skipped): Finding {
  const single = s.entities.length === 1;
  const period = single ? periodText(s.entities[0], s.period) : periodLabel(s.period);
  const shown = s.entities.slice(0, 10).join('、') + (s.entities.length > 10 ? '…' : '');
  const entities = single || s.entities.length === 0 ? '' : ruleMessage('rule.entities', { list: shown });
  const names = s.names.map((n) => `[${n}]`).join('、');
  const id = s.reason === 'missing' ? 'rule.missing' : s.reason === 'approx' ? 'rule.approx' : 'rule.div0';
  const f: Finding = {
    ruleId: s.rule.id,
    severity: 'info',
    // An indicator with no cell at all in the period leaves nothing read to point at: the rule's
    // own cell then (its 表达式 in 校验规则; rules from a file have none).
    cells: s.cells.length > 0 ? s.cells : originCell(s.rule),
    message: ruleMessage(id, { period, names, entities, text: s.texts.join('、'), what: ruleWhat(s.rule) }),
    details: ruleMessage('rule.skipped.details', { id: s.rule.id, expr: s.rule.expr }),
    period: s.period,
  };
  if (single && s.entities[0]) f.entity = s.entities[0];
  if (s.names[0]) f.indicator = s.names[0];
  return f;
}

/** The 1-based column (in code points) of `[name]` in a rule's expression; 1 when not found. */
export function indicatorColumn(expr: string, name: string): number {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const m = new RegExp(`\\[\\s*${escaped}\\s*\\]`).exec(expr);
  return m ? [...expr.slice(0, m.index)].length + 1 : 1;
}

/**
 * Evaluates every enabled rule of the set over the workbook, per entity and period. Findings:
 * - a failing rule: ruleId = the rule's id, its severity, every cell it read with the values,
 *   expected (right side) and difference (left − right) of the comparison that failed, and a
 *   typo hint when one digit of one cell would make an equality hold;
 * - inputs blank, approximate or a division by zero: one info per rule and period (unreadable
 *   cells are skipped silently: the cell check reports them);
 * - a rule that does not parse (rules.syntax), names an indicator the workbook lacks
 *   (rules.unknown-indicator, with the closest names; pack rules are silently not applicable
 *   instead), or changes a rule id that does not exist (rules.no-expression): warnings that name
 *   the rule, located at its 校验规则 cell when it comes from the sheet.
 * Never throws on workbook content or rule text.
 */
export function runRules(model: WorkbookModel, ruleSet: RuleSet, opts: RunRulesOptions = {}): Finding[] {
  const index = opts.index ?? new IndicatorIndex(model, ruleSet.aliases);
  const out: Finding[] = [];
  for (const p of ruleSet.patches ?? []) {
    const address = p.origin?.cells.id;
    out.push({
      ruleId: 'rules.no-expression',
      severity: 'warning',
      cells: p.origin && address ? [{ sheet: p.origin.sheet, address }] : [],
      message: ruleMessage('rule.no-expression', { id: p.id }),
    });
  }
  // Plain passes are decided on the model's columns; every other instance is evaluated as always.
  const evaluated = evaluateRulesLean(ruleSet, index);
  const skipped = new Map<string, Skipped>();
  const failures: Array<{ finding: Finding; run: () => void }> = [];
  for (const e of evaluated) {
    const { rule, parsed } = e;
    if (!parsed.ok) {
      out.push({
        ruleId: 'rules.syntax',
        severity: 'warning',
        cells: originCell(rule),
        message: ruleMessage('rule.syntax', { id: rule.id, name: ruleName(rule), column: parsed.error.column, detail: parsed.error.message, expr: rule.expr }),
      });
      continue;
    }
    if (e.unknown.length > 0) {
      if (rule.source === 'pack') continue;
      for (const name of e.unknown) {
        const near = closestIndicators(name, index.labels());
        out.push({
          ruleId: 'rules.unknown-indicator',
          severity: 'warning',
          cells: originCell(rule),
          message: ruleMessage('rule.unknown-indicator', {
            id: rule.id,
            name: ruleName(rule),
            indicator: name,
            column: indicatorColumn(rule.expr, name),
            suggest: near.length ? ruleMessage('rule.suggest', { names: near.map((x) => `[${x}]`).join('、') }) : ruleMessage('rule.no-suggest'),
          }),
          indicator: name,
        });
      }
      continue;
    }
    for (const { instance, outcome } of e.results) {
      if (outcome.status === 'pass') continue;
      if (outcome.status === 'fail') {
        const finding = failureFinding(rule, instance.entity, instance.period, outcome.reads, outcome.comparison, model);
        out.push(finding);
        if (opts.typoHints !== false && outcome.comparison?.op === '==') {
          failures.push({
            finding,
            run: () => {
              const cells = uniqueReads(outcome.reads)
                .map((r) => r.obs)
                .filter(isTypoCandidate)
                .map((o: Observation) => ({ ref: { sheet: o.sheet, address: o.address }, value: o.value as number }));
              if (cells.length === 0) return;
              const solve = safeSolve(cells, (ov) => evaluateInstance(instance, index, ov).status === 'pass', constraints());
              const hint = suggestTypo(cells, solve);
              if (hint) finding.hint = hint;
            },
          });
        }
        continue;
      }
      let reason: Skipped['reason'] | undefined;
      if (outcome.reason === 'missing' || (outcome.reason === 'absent' && rule.source !== 'pack')) reason = 'missing';
      else if (outcome.reason === 'approx') reason = 'approx';
      else if (outcome.reason === 'div0') reason = 'div0';
      if (!reason) continue;
      const key = `${rule.id}\u0000${instance.period}\u0000${reason}\u0000${instance.key ?? ''}`;
      let s = skipped.get(key);
      if (!s) skipped.set(key, (s = { rule, period: instance.period, reason, names: [], entities: [], cells: [], texts: [] }));
      if (outcome.name && !s.names.includes(outcome.name)) s.names.push(outcome.name);
      if (!s.entities.includes(instance.entity)) s.entities.push(instance.entity);
      const cells = reason === 'div0' ? outcome.reads.map((r) => r.obs) : outcome.obs ? [outcome.obs] : [];
      for (const o of cells) if (!s.cells.some((c) => c.sheet === o.sheet && c.address === o.address)) s.cells.push({ sheet: o.sheet, address: o.address });
      if (reason === 'approx' && outcome.obs) s.texts.push(display(outcome.obs));
    }
  }
  for (const s of skipped.values()) out.push(skippedFinding(s));
  // The balance groups and passing rule instances that read a cell, found per cell; one index for
  // every failure's hint, so each cell's constraints are found once.
  let cached: ConstraintIndex | undefined;
  const constraints = () => (cached ??= new ConstraintIndex(constraintLookup(model, new BalanceGroups(model), { evaluated, index })));
  for (const f of failures) f.run();
  return out;
}

// ---------------------------------------------------------------------------------------------
// One call for the hosts: pack + file + the workbook's sheet

export interface LoadRulesOptions {
  /** The workbook's sheets; the one named 校验规则 is read for rules. */
  sheets?: SheetGrid[];
  /** A rule file's text (CLI --rules, or an import in the task pane). */
  file?: { text: string; format: 'json' | 'yaml'; fileName?: string };
  /** Include the built-in pack (default true). */
  pack?: boolean;
  /** Session overrides from the task pane, applied last (pane > sheet > file > pack). */
  patches?: RulePatch[];
}

/** Loads and merges the rule sources (pane > sheet > file > pack); findings name every unreadable entry. */
export function loadRuleSet(opts: LoadRulesOptions = {}): RuleLoad {
  const findings: Finding[] = [];
  const pack = opts.pack === false ? { rules: [], aliases: {} } : builtinPack();
  let file: RuleSet | undefined;
  if (opts.file) {
    const r = parseRuleFile(opts.file.text, opts.file.format, { fileName: opts.file.fileName });
    file = r.ruleSet;
    findings.push(...r.findings);
  }
  let sheet: RuleSet | undefined;
  const grid = opts.sheets?.find((s) => s.name === RULES_SHEET_NAME);
  if (grid) {
    const r = rulesFromSheet(grid);
    sheet = r.ruleSet;
    findings.push(...r.findings);
  }
  return { ruleSet: applyRulePatches(mergeRuleSets(pack, file, sheet), opts.patches), findings };
}
