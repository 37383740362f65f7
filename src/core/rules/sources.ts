// Where rules come from: the built-in pack (pack.json), a rule file (JSON or YAML) and the
// workbook's own sheet 校验规则. Rules with the same id override each other: sheet > file > pack.
// A row or entry with an id but no expression changes only the fields it gives (e.g. 启用 = 否
// switches a pack rule off from the workbook).
//
// Loading never throws: every problem is a located, bilingual finding (ruleId rules.file or
// rules.sheet, severity warning), and everything that can be read is kept.
import { parseAllDocuments } from 'yaml';
import { toA1 } from '../a1';
import type { Bilingual, CellValue, Finding, SheetGrid, Severity } from '../types';
import { aliasPattern } from './indicator-index';
import { both, ruleMessage, type RuleMessageId, type RuleParams } from './messages';
import packJson from './pack.json';
import type { Rule, RuleField, RuleOrigin, RulePatch, RuleSet, RuleSource } from './types';
import { RULES_SHEET } from '../sheet-names';

export const RULES_SHEET_NAME = RULES_SHEET;

export interface RuleLoad {
  ruleSet: RuleSet;
  findings: Finding[];
}

// ---------------------------------------------------------------------------------------------
// Field values

function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return typeof (v as { error?: unknown }).error === 'string' ? (v as { error: string }).error : '';
  return String(v).normalize('NFKC').trim();
}

const SEVERITIES: Record<string, Severity> = {
  error: 'error',
  错误: 'error',
  强制: 'error',
  强制性: 'error',
  严重: 'error',
  warning: 'warning',
  warn: 'warning',
  警告: 'warning',
  核实: 'warning',
  核实性: 'warning',
  info: 'info',
  提示: 'info',
  提示性: 'info',
  信息: 'info',
};

export function parseSeverity(v: unknown): Severity | undefined {
  return SEVERITIES[text(v).toLowerCase()];
}

const YES = new Set(['是', 'true', '1', 'yes', 'y', '启用', '开', 'on', '√', '✓']);
const NO = new Set(['否', 'false', '0', 'no', 'n', '停用', '禁用', '关', 'off', '×', '✗']);

export function parseEnabled(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  const t = text(v).toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

/** A tolerance: a number ≥ 0 (base units) or a percentage (0.5% = 0.005). */
export function parseTolerance(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*(%|‰)?$/.exec(text(v));
  if (!m) return undefined;
  const n = Number(m[1]);
  return m[2] === '%' ? n / 100 : m[2] === '‰' ? n / 1000 : n;
}

function parseName(v: unknown): Bilingual | undefined {
  if (typeof v === 'string' || typeof v === 'number') {
    const t = String(v).trim();
    return t ? both(t) : undefined;
  }
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const zh = o['zh-CN'] ?? o.zh ?? o.cn;
    const en = o['en-US'] ?? o.en;
    const z = typeof zh === 'string' ? zh.trim() : '';
    const e = typeof en === 'string' ? en.trim() : '';
    if (z || e) return { 'zh-CN': z || e, 'en-US': e || z };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Rule files (and the pack)

function fileFinding(id: RuleMessageId, params: RuleParams): Finding {
  return { ruleId: 'rules.file', severity: 'warning', cells: [], message: ruleMessage(id, params) };
}

function fileParam(fileName?: string): Bilingual {
  return fileName ? { 'zh-CN': `“${fileName}”`, 'en-US': ` "${fileName}"` } : { 'zh-CN': '', 'en-US': '' };
}

/** Reads a rule set from a parsed JSON/YAML value: `{version?, rules: [...], aliases?}` or a bare list of rules. */
export function ruleSetFromObject(value: unknown, source: RuleSource, fileName?: string): RuleLoad {
  const file = fileParam(fileName);
  const findings: Finding[] = [];
  const ruleSet: RuleSet = { rules: [], aliases: {} };
  let list: unknown;
  let aliases: unknown;
  if (Array.isArray(value)) list = value;
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    list = o.rules;
    aliases = o.aliases;
    if (typeof o.version === 'string' || typeof o.version === 'number') ruleSet.version = String(o.version);
  }
  if (!Array.isArray(list)) {
    findings.push(fileFinding('file.shape', { file }));
    return { ruleSet, findings };
  }
  const seen = new Set<string>();
  const patches: RulePatch[] = [];
  list.forEach((entry, i) => {
    const n = i + 1;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
      findings.push(fileFinding('file.rule-shape', { file, n }));
      return;
    }
    const r = entry as Record<string, unknown>;
    const meta = r.meta && typeof r.meta === 'object' && !Array.isArray(r.meta) ? (r.meta as Record<string, unknown>) : {};
    const idRaw = r.id ?? (typeof r.name === 'string' ? r.name : undefined);
    const id = typeof idRaw === 'string' || typeof idRaw === 'number' ? String(idRaw).trim() : '';
    if (!id) {
      findings.push(fileFinding('file.missing-field', { file, n, field: 'id' }));
      return;
    }
    if (seen.has(id)) {
      findings.push(fileFinding('file.duplicate-id', { file, id }));
      return;
    }
    seen.add(id);
    const bad = (field: string, value: unknown, fallback: RuleMessageId) =>
      findings.push(fileFinding('file.bad-field', { file, n, id, field, value: text(value), fallback: ruleMessage(fallback) }));
    const sevRaw = r.severity ?? meta.severity;
    let severity: Severity | undefined;
    if (sevRaw !== undefined && sevRaw !== null && sevRaw !== '') {
      severity = parseSeverity(sevRaw);
      if (!severity) {
        bad('severity', sevRaw, 'fallback.severity');
        severity = 'error';
      }
    }
    let tolerance: number | undefined;
    const tolRaw = r.tolerance ?? meta.tolerance;
    if (tolRaw !== undefined && tolRaw !== null && tolRaw !== '') {
      tolerance = parseTolerance(tolRaw);
      if (tolerance === undefined) bad('tolerance', tolRaw, 'fallback.tolerance');
    }
    let enabled: boolean | undefined;
    if (r.enabled !== undefined && r.enabled !== null && r.enabled !== '') {
      enabled = parseEnabled(r.enabled);
      if (enabled === undefined) {
        bad('enabled', r.enabled, 'fallback.enabled');
        enabled = true;
      }
    }
    const name = parseName(r.id !== undefined ? r.name : undefined) ?? parseName(r.label);
    const descRaw = r.description ?? (r.id !== undefined ? undefined : r.label);
    const description = typeof descRaw === 'string' && descRaw.trim() ? descRaw.trim() : undefined;
    const exprRaw = r.expr ?? r.expression ?? r.rule;
    if (exprRaw === undefined || exprRaw === null || exprRaw === '') {
      const p: RulePatch = { id, source };
      if (name) p.name = name;
      if (severity) p.severity = severity;
      if (tolerance !== undefined) p.tolerance = tolerance;
      if (enabled !== undefined) p.enabled = enabled;
      if (description) p.description = description;
      if (Object.keys(p).length === 2) findings.push(fileFinding('file.missing-field', { file, n, field: 'expr' }));
      else patches.push(p);
      return;
    }
    if (typeof exprRaw !== 'string') {
      findings.push(fileFinding('file.expr-not-text', { file, n, id }));
      return;
    }
    const rule: Rule = { id, name: name ?? both(id), expr: exprRaw, severity: severity ?? 'error', enabled: enabled ?? true, source };
    if (tolerance !== undefined) rule.tolerance = tolerance;
    if (description) rule.description = description;
    if (r.deferToHierarchy === true) rule.deferToHierarchy = true;
    ruleSet.rules.push(rule);
  });
  if (patches.length) ruleSet.patches = patches;
  if (aliases !== undefined && aliases !== null) {
    if (typeof aliases !== 'object' || Array.isArray(aliases)) findings.push(fileFinding('file.bad-aliases', { file }));
    else {
      for (const [canonical, variants] of Object.entries(aliases as Record<string, unknown>)) {
        const vs = typeof variants === 'string' ? [variants] : Array.isArray(variants) ? variants.filter((v): v is string => typeof v === 'string') : undefined;
        if (!vs) {
          findings.push(fileFinding('file.bad-aliases', { file }));
          continue;
        }
        for (const v of vs) if (aliasPattern(v) === null) findings.push(fileFinding('file.bad-pattern', { file, pattern: v }));
        ruleSet.aliases[canonical] = vs.filter((v) => aliasPattern(v) !== null);
      }
    }
  }
  return { ruleSet, findings };
}

/**
 * Reads a rule file. JSON: `{ "version": "…", "rules": [{ "id", "name", "expr", "severity",
 * "tolerance"?, "enabled"?, "description"? }], "aliases"?: { "名称": ["别名", "/正则/"] } }`.
 * YAML: the same fields; R validate's layout (a header document between `---` lines, `name` as
 * the id, `label`/`description`, `meta: {severity}`) is read as well.
 */
export function parseRuleFile(textIn: string, format: 'json' | 'yaml', opts: { fileName?: string; source?: RuleSource } = {}): RuleLoad {
  const source = opts.source ?? 'file';
  const file = fileParam(opts.fileName);
  const failed = (detail: string | Bilingual): RuleLoad => ({
    ruleSet: { rules: [], aliases: {} },
    findings: [fileFinding('file.parse', { file, detail })],
  });
  if (typeof textIn !== 'string') return failed(ruleMessage('file.not-text'));
  const input = textIn.replace(/^\uFEFF/, '');
  if (format === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(input);
    } catch (e) {
      return failed(jsonSyntaxDetail(input, e instanceof Error ? e.message : String(e)));
    }
    return ruleSetFromObject(value, source, opts.fileName);
  }
  // YAML: one document, or R validate's header document followed by the rules document.
  let merged: Record<string, unknown> | unknown[] | undefined;
  try {
    const docs = parseAllDocuments(input, { prettyErrors: true, uniqueKeys: false });
    for (const doc of Array.isArray(docs) ? docs : []) {
      if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const pos = e.linePos?.[0];
        const quote = /^\s*-?\s*expr\s*:\s*\[/m.test(input);
        const first = e.message.split('\n')[0];
        return failed(
          ruleMessage('file.invalid-yaml', {
            at: pos ? ruleMessage('file.syntax-at', { line: pos.line, col: pos.col }) : '',
            detail: first,
            hint: quote ? ruleMessage('file.yaml-quote') : '',
          }),
        );
      }
      const value: unknown = doc.toJS({ maxAliasCount: 100 });
      if (Array.isArray(value)) merged = value;
      else if (value && typeof value === 'object') {
        const o = value as Record<string, unknown>;
        merged = Array.isArray(merged) ? { ...o, rules: o.rules ?? merged } : { ...(merged ?? {}), ...o };
      }
    }
  } catch (e) {
    return failed(e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  return ruleSetFromObject(merged, source, opts.fileName);
}

/** A JSON syntax error located by line and column (JSON.parse gives a character position). */
function jsonSyntaxDetail(input: string, message: string): Bilingual {
  const at = /position (\d+)/.exec(message);
  if (!at) return ruleMessage('file.invalid-json', { at: '', detail: message });
  const before = input.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const col = before.length - before.lastIndexOf('\n');
  return ruleMessage('file.invalid-json', { at: ruleMessage('file.syntax-at', { line, col }), detail: message });
}

let packCache: RuleSet | undefined;

/** The built-in rule pack (pack.json), read once. */
export function builtinPack(): RuleSet {
  if (!packCache) packCache = ruleSetFromObject(packJson, 'pack').ruleSet;
  return { ...packCache, rules: packCache.rules.map((r) => ({ ...r })), aliases: { ...packCache.aliases } };
}

/** Findings from reading the pack itself (empty unless pack.json is broken; a test keeps it so). */
export function builtinPackFindings(): Finding[] {
  return ruleSetFromObject(packJson, 'pack').findings;
}

// ---------------------------------------------------------------------------------------------
// The workbook's sheet 校验规则

const HEADERS: Record<RuleField, string[]> = {
  id: ['编号', '规则编号', '序号', 'id', '规则id', '代码'],
  name: ['名称', '规则名称', 'name', '规则'],
  expr: ['表达式', '公式', '校验公式', '审核公式', '规则表达式', 'expr', 'expression'],
  severity: ['级别', '严重程度', '类型', '审核类型', 'severity', 'level'],
  tolerance: ['容差', '允许误差', '误差', 'tolerance'],
  enabled: ['启用', '是否启用', 'enabled', '状态'],
  description: ['说明', '备注', '描述', 'description', 'note'],
};

function headerField(v: CellValue | undefined): RuleField | undefined {
  const k = text(v).replace(/\s+/g, '').toLowerCase();
  if (!k) return undefined;
  for (const [field, names] of Object.entries(HEADERS) as Array<[RuleField, string[]]>) if (names.includes(k)) return field;
  return undefined;
}

function sheetFinding(grid: SheetGrid, address: string, id: RuleMessageId, params: RuleParams): Finding {
  return { ruleId: 'rules.sheet', severity: 'warning', cells: [{ sheet: grid.name, address }], message: ruleMessage(id, { ...params, cell: `${grid.name}!${address}` }) };
}

/**
 * Reads the rules of the workbook's sheet 校验规则: a header row 编号 | 名称 | 表达式 | 级别 with
 * optional 容差 | 启用 | 说明 (in any order, within the first 20 rows), then one rule per row.
 * 级别: 错误/警告/提示 or error/warning/info (blank: 错误). 启用: 是/否/TRUE/FALSE/1/0 (blank: 是).
 * 容差: a number or a percentage. A row with an id but no expression changes the rule of that id.
 */
export function rulesFromSheet(grid: SheetGrid): RuleLoad {
  const findings: Finding[] = [];
  const ruleSet: RuleSet = { rules: [], aliases: {} };
  const values = Array.isArray(grid?.values) ? grid.values : [];
  const at = (r: number, c: number) => toA1(grid.originRow + r, grid.originCol + c);
  let headerRow = -1;
  let cols: Partial<Record<RuleField, number>> = {};
  for (let r = 0; r < Math.min(values.length, 20); r++) {
    const found: Partial<Record<RuleField, number>> = {};
    (values[r] ?? []).forEach((v, c) => {
      const f = headerField(v);
      if (f && found[f] === undefined) found[f] = c;
    });
    if (found.id !== undefined && found.expr !== undefined) {
      headerRow = r;
      cols = found;
      break;
    }
  }
  if (headerRow < 0) {
    findings.push(sheetFinding(grid, at(0, 0), 'sheet.no-header', { sheet: grid.name }));
    return { ruleSet, findings };
  }
  const seen = new Set<string>();
  const patches: RulePatch[] = [];
  for (let r = headerRow + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const cell = (f: RuleField) => (cols[f] === undefined ? undefined : row[cols[f] as number]);
    const addr = (f: RuleField) => at(r, cols[f] ?? 0);
    const id = text(cell('id'));
    const expr = typeof cell('expr') === 'string' ? (cell('expr') as string).trim() : text(cell('expr'));
    if (!id && !expr) continue;
    const origin: RuleOrigin = { sheet: grid.name, row: grid.originRow + r + 1, cells: {} };
    for (const f of Object.keys(cols) as RuleField[]) origin.cells[f] = addr(f);
    if (!id) {
      findings.push(sheetFinding(grid, addr('id'), 'sheet.missing-id', {}));
      continue;
    }
    if (seen.has(id)) {
      findings.push(sheetFinding(grid, addr('id'), 'sheet.duplicate-id', { id }));
      continue;
    }
    seen.add(id);
    const bad = (f: RuleField, field: RuleMessageId, fallback: RuleMessageId) =>
      findings.push(sheetFinding(grid, addr(f), 'sheet.bad-field', { field: ruleMessage(field), value: text(cell(f)), fallback: ruleMessage(fallback) }));
    let severity: Severity | undefined;
    if (text(cell('severity'))) {
      severity = parseSeverity(cell('severity'));
      if (!severity) {
        bad('severity', 'field.severity', 'fallback.severity');
        severity = 'error';
      }
    }
    let tolerance: number | undefined;
    if (text(cell('tolerance'))) {
      tolerance = parseTolerance(cell('tolerance'));
      if (tolerance === undefined) bad('tolerance', 'field.tolerance', 'fallback.tolerance');
    }
    let enabled: boolean | undefined;
    const en = cell('enabled');
    if (typeof en === 'boolean' || text(en)) {
      enabled = parseEnabled(en);
      if (enabled === undefined) {
        bad('enabled', 'field.enabled', 'fallback.enabled');
        enabled = true;
      }
    }
    const name = parseName(text(cell('name')));
    const description = text(cell('description')) || undefined;
    if (!expr) {
      const p: RulePatch = { id, source: 'sheet', origin };
      if (name) p.name = name;
      if (severity) p.severity = severity;
      if (tolerance !== undefined) p.tolerance = tolerance;
      if (enabled !== undefined) p.enabled = enabled;
      if (description) p.description = description;
      patches.push(p);
      continue;
    }
    const rule: Rule = { id, name: name ?? both(id), expr, severity: severity ?? 'error', enabled: enabled ?? true, source: 'sheet', origin };
    if (tolerance !== undefined) rule.tolerance = tolerance;
    if (description) rule.description = description;
    ruleSet.rules.push(rule);
  }
  if (patches.length) ruleSet.patches = patches;
  return { ruleSet, findings };
}

/** Header and two example rows for a new 校验规则 sheet (the task pane's "create sheet" button). */
export function rulesSheetTemplate(): CellValue[][] {
  return [
    ['编号', '名称', '表达式', '级别', '容差', '启用', '说明'],
    ['U1', '公开处罚信息等于处罚案件数', '[依法公开执法处罚信息] == [行政处罚案件]', '错误', null, '是', '行政处罚决定应全部公开'],
    ['U2', '罚没款较上年增幅不超过一倍', '[罚没款] <= 2 * prev([罚没款])', '警告', null, '是', '大幅增长需说明原因'],
  ];
}

// ---------------------------------------------------------------------------------------------
// Merging

function applyPatch(rule: Rule, p: RulePatch): Rule {
  const out: Rule = { ...rule, patchedBy: p.source };
  if (p.name) out.name = p.name;
  if (p.severity) out.severity = p.severity;
  if (p.tolerance !== undefined) out.tolerance = p.tolerance;
  if (p.enabled !== undefined) out.enabled = p.enabled;
  if (p.description) out.description = p.description;
  if (p.origin) out.origin = p.origin;
  return out;
}

/**
 * One rule set from the pack, a file and the workbook's sheet: rules with the same id are replaced
 * by the later source (sheet > file > pack), keeping the earlier rule's position; patches (entries
 * without an expression) change the rule of their id; patches that find no rule are kept in
 * `patches` for runRules to report. Aliases are merged (variants appended).
 */
export function mergeRuleSets(pack: RuleSet, file?: RuleSet, sheet?: RuleSet): RuleSet {
  const order: string[] = [];
  const byId = new Map<string, Rule>();
  const unmatched: RulePatch[] = [];
  const aliases: Record<string, string[]> = {};
  let version: string | undefined;
  for (const set of [pack, file, sheet]) {
    if (!set) continue;
    version ??= set.version;
    for (const r of set.rules ?? []) {
      if (!byId.has(r.id)) order.push(r.id);
      byId.set(r.id, r);
    }
    for (const p of set.patches ?? []) {
      const target = byId.get(p.id);
      if (target) byId.set(p.id, applyPatch(target, p));
      else unmatched.push(p);
    }
    for (const [canonical, variants] of Object.entries(set.aliases ?? {})) {
      const list = (aliases[canonical] ??= []);
      for (const v of variants) if (!list.includes(v)) list.push(v);
    }
  }
  const out: RuleSet = { rules: order.map((id) => byId.get(id) as Rule), aliases };
  if (version !== undefined) out.version = version;
  if (unmatched.length) out.patches = unmatched;
  return out;
}

/**
 * The task pane's session overrides (enable/disable, severity, tolerance) on top of a merged rule
 * set: highest precedence (pane > sheet > file > pack). Each changed rule gets patchedBy 'pane'.
 * Fields that are not valid are ignored; a patch whose rule is not in the set is dropped quietly
 * (the rule may have gone with a removed file). The input set is not changed.
 */
export function applyRulePatches(ruleSet: RuleSet, patches: readonly RulePatch[] | undefined): RuleSet {
  if (!Array.isArray(patches) || patches.length === 0) return ruleSet;
  const byId = new Map<string, RulePatch>();
  for (const p of patches) {
    if (!p || typeof p.id !== 'string') continue;
    const clean: RulePatch = { id: p.id, source: 'pane' };
    if (p.severity === 'error' || p.severity === 'warning' || p.severity === 'info') clean.severity = p.severity;
    if (typeof p.tolerance === 'number' && Number.isFinite(p.tolerance) && p.tolerance >= 0) clean.tolerance = p.tolerance;
    if (typeof p.enabled === 'boolean') clean.enabled = p.enabled;
    if (Object.keys(clean).length > 2) byId.set(p.id, { ...byId.get(p.id), ...clean });
  }
  if (byId.size === 0) return ruleSet;
  return {
    ...ruleSet,
    rules: ruleSet.rules.map((r) => {
      const p = byId.get(r.id);
      if (!p) return r;
      const out: Rule = { ...r, patchedBy: 'pane' };
      if (p.severity) out.severity = p.severity;
      if (p.tolerance !== undefined) out.tolerance = p.tolerance;
      if (p.enabled !== undefined) out.enabled = p.enabled;
      return out;
    }),
  };
}

/** A rule set as a rule file (for export from the task pane). Pack rules are left out unless asked for. */
export function ruleFileObject(ruleSet: RuleSet, opts: { includePack?: boolean } = {}): Record<string, unknown> {
  const rules = ruleSet.rules
    .filter((r) => opts.includePack || r.source !== 'pack')
    .map((r) => {
      const o: Record<string, unknown> = { id: r.id, name: r.name, expr: r.expr, severity: r.severity };
      if (r.tolerance !== undefined) o.tolerance = r.tolerance;
      if (!r.enabled) o.enabled = false;
      if (r.description) o.description = r.description;
      if (r.deferToHierarchy) o.deferToHierarchy = true;
      return o;
    });
  const out: Record<string, unknown> = { rules };
  if (ruleSet.version) out.version = ruleSet.version;
  return out;
}
