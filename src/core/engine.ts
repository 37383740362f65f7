// Facade of the engine: one call from a workbook snapshot to a check result.
// Read (layout) → model → checks → sorted findings. Hosts call only this.
import { fromA1 } from './a1';
import { buildModel, type WorkbookModel } from './checks/context';
import { WORKBOOK_CHECKS } from './checks/registry';
import type { WorkbookCheckContext } from './checks/stages';
import { parseStructureSheet, STRUCTURE_SHEET, type StructureFix } from './layout/corrections';
import { explainWorkbook } from './layout/explain';
import { estimateCapacity, guessEntity, readSheet } from './layout/read';
import { applyExplanations, EXPLANATIONS_SHEET, explanationsFromGrid, type Explanation } from './explanations';
import { buildPanel, detectAnomalies, type HistoryOptionsInput } from './history';
import { msg } from './messages';
import { isSummarySheetName } from './report/sources';
import { RESULT_SHEET, RULES_SHEET, SUMMARY_SHEET } from './sheet-names';
import { attachTypoHints, loadRuleSet, type LoadRulesOptions, type RuleSet } from './rules';
import { IndicatorIndex } from './rules/indicator-index';
import type { SheetModel } from './model';
import { ModelData } from './model-data';
import { observationCount } from './model-view';
import type { CheckResult, Finding, Progress, SheetReport, WorkbookSnapshot } from './types';

/** Sheets the add-in writes itself; never read as indicator sheets. */
export const OWN_SHEETS = new Set([RESULT_SHEET, EXPLANATIONS_SHEET, SUMMARY_SHEET, STRUCTURE_SHEET]);
/** The sheet users write their own rules in. */
export { RULES_SHEET };

export interface CheckOptions {
  onProgress?: Progress;
  /** The reporting entity of wide and per-year sheets; guessed from titles or the name when absent. */
  entity?: string;
  /**
   * Cross-period and cross-district detectors (core/history) over this workbook's own years and
   * districts; `false` leaves them out (the CLI runs them once over all files instead).
   */
  history?: HistoryOptionsInput | false;
  /** A rule file (JSON or YAML text) given by the user; the 校验规则 sheet and the pack always apply. */
  rules?: LoadRulesOptions['file'];
  /**
   * Session overrides from the task pane's 规则 tab (enable/disable, severity, tolerance by rule
   * id): the highest precedence, pane > 校验规则 sheet > file > pack; changed rules carry patchedBy 'pane'.
   */
  rulePatches?: LoadRulesOptions['patches'];
  /** Adds `structure` to the result: how each sheet was understood (the 结构 tab, --explain). */
  explain?: boolean;
}

export interface AnalyzedWorkbook {
  model: WorkbookModel;
  sheets: SheetReport[];
  /** The user's corrections from the 结构 sheet, each marked when it matched a row. */
  fixes: StructureFix[];
  /** Rows of the 结构 sheet that could not be understood. */
  fixFindings: Finding[];
}

/** Layout detection over every sheet: the model the checks and detectors run on. */
export function analyzeWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): AnalyzedWorkbook {
  const entity = options.entity ?? guessEntity(snapshot.sheets, snapshot.name);
  let id = 0;
  // Every sheet is read into one columnar model (model-data.ts), sized for what the sheets hold.
  const capacity = estimateCapacity(snapshot.sheets);
  const structure = parseStructureSheet(snapshot.sheets.find((g) => g.name === STRUCTURE_SHEET));
  const ctx = {
    entity,
    fixes: structure.fixes,
    nextId: () => ++id,
    nextIds: (n: number) => {
      const first = id + 1;
      id += n;
      return first;
    },
    data: new ModelData(capacity.rows, capacity.obs, capacity.extraBytes),
  };
  const models: SheetModel[] = [];
  const sheets: SheetReport[] = [];
  for (const grid of snapshot.sheets) {
    if (OWN_SHEETS.has(grid.name) || grid.name === RULES_SHEET || isSummarySheetName(grid.name)) {
      sheets.push({ sheet: grid.name, layout: 'skipped', observations: 0, reason: msg('sheet.skipped', { sheet: grid.name }) });
      continue;
    }
    // A sheet its host could not read (a data region above the limits): skipped, with the host's reason.
    if (grid.unread) {
      sheets.push({ sheet: grid.name, layout: 'skipped', observations: 0, reason: grid.unread });
      continue;
    }
    const outcome = readSheet(grid, ctx);
    if (!outcome.ok) {
      sheets.push({ sheet: grid.name, layout: 'skipped', observations: 0, reason: outcome.reason });
      continue;
    }
    const m = outcome.model;
    const count = observationCount(m);
    models.push(m);
    const structure = ctx.data.sheets[ctx.data.sheets.length - 1]?.structure;
    const layoutName =
      m.layout === 'cross-tab' && structure
        ? msg('layout.cross-tab', { orientation: msg(structure.orientation === 'entities-rows' ? 'layout.cross-tab.rows' : 'layout.cross-tab.columns'), period: structure.period })
        : msg(m.layout === 'wide' ? 'layout.wide' : m.layout === 'long' ? 'layout.long' : 'layout.per-year');
    sheets.push({ sheet: grid.name, layout: m.layout, observations: count, reason: msg('sheet.read', { sheet: grid.name, layout: layoutName, count }) });
  }
  // A hidden sheet is checked like any other, but its report says so.
  snapshot.sheets.forEach((grid, i) => {
    const v = grid.visibility;
    if (v !== 'hidden' && v !== 'veryHidden') return;
    const note = msg(v === 'hidden' ? 'sheet.hidden' : 'sheet.veryHidden');
    const r = sheets[i].reason;
    sheets[i] = { ...sheets[i], visibility: v, reason: r ? { 'zh-CN': `${r['zh-CN']}${note['zh-CN']}`, 'en-US': `${r['en-US']} ${note['en-US']}` } : note };
  });
  return { model: buildModel(models), sheets, fixes: structure.fixes, fixFindings: structure.findings };
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Orders findings by sheet (workbook order), then row, column and severity. */
export function sortFindings(findings: Finding[], sheetOrder: string[]): Finding[] {
  const order = new Map(sheetOrder.map((s, i) => [s, i]));
  const key = (f: Finding) => {
    const c = f.cells[0];
    const pos = c ? fromA1(c.address) : undefined;
    return [c ? order.get(c.sheet) ?? 1e9 : 1e9, pos?.row ?? 0, pos?.col ?? 0, SEVERITY_ORDER[f.severity]];
  };
  return findings
    .map((f) => ({ f, k: key(f) }))
    .sort((a, b) => {
      for (let i = 0; i < a.k.length; i++) if (a.k[i] !== b.k[i]) return a.k[i] - b.k[i];
      return 0;
    })
    .map((x) => x.f);
}

/**
 * Checks a workbook and also returns the model and the workbook's 核实说明, for detectors that run
 * across workbooks (their findings are explained by the same list).
 */
export function checkWorkbookWithModel(snapshot: WorkbookSnapshot, options: CheckOptions = {}): { result: CheckResult; model: WorkbookModel; ruleSet: RuleSet; explanations: Explanation[] } {
  const progress = options.onProgress ?? (() => undefined);
  progress(0.1, msg('progress.layout'));
  const { model, sheets, fixes, fixFindings } = analyzeWorkbook(snapshot, options);
  const rules = loadRuleSet({ sheets: snapshot.sheets, file: options.rules, patches: options.rulePatches });
  const userSheets = snapshot.sheets.filter((g) => !OWN_SHEETS.has(g.name) && g.name !== RULES_SHEET && !isSummarySheetName(g.name)).map((g) => g.name);
  const ruleIndex = new IndicatorIndex(model, rules.ruleSet.aliases);
  const context: WorkbookCheckContext = { snapshot, model, fixes, fixFindings, rules, userSheets, ruleIndex };
  let findings: Finding[] = [];
  // The checks of the registry, in its order (checks/registry.ts).
  WORKBOOK_CHECKS.forEach((check, i) => {
    progress(0.2 + (0.6 * i) / WORKBOOK_CHECKS.length, msg(check.id === 'rules' ? 'progress.rules' : 'progress.check'));
    // One by one: a spread of a very long list would overflow the call stack.
    for (const f of check.run(context)) findings.push(f);
  });
  // A digit typed wrongly (21 for 12) that would make a total or an equality hold: a hint on the
  // finding it explains.
  findings = attachTypoHints(findings, model, { rules: rules.ruleSet, index: ruleIndex });
  if (options.history !== false) {
    progress(0.9, msg('progress.history'));
    findings.push(...detectAnomalies(buildPanel([{ file: snapshot.name, model }]), options.history ?? {}));
  }
  progress(1, msg('progress.done'));
  const explanations = explanationsFromGrid(snapshot.sheets.find((s) => s.name === EXPLANATIONS_SHEET));
  const result: CheckResult = {
    workbook: snapshot.name,
    findings: applyExplanations(sortFindings(findings, snapshot.sheets.map((s) => s.name)), explanations),
    sheets,
    observations: model.data.obsCount,
  };
  if (options.explain) result.structure = explainWorkbook(model, sheets);
  return { result, model, ruleSet: rules.ruleSet, explanations };
}

/** Checks every indicator sheet of a workbook. Never throws on bad cell content. */
export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  return checkWorkbookWithModel(snapshot, options).result;
}
