// What the 规则 tab does to the session's options and files, without React: the pane's changes to
// a rule (kept only where they differ from the rule's sources), the rule file in use, the file
// to export, and reading a picked file.
import type { Rule, RulePatch, RuleSet } from '../../core/rules/types';
import type { Lang, Severity } from '../../core/types';
import { downloadBlob } from '../download';
import type { SessionOptions } from '../session';

type RulesModule = typeof import('../../core/rules');

export type PatchChange = { enabled?: boolean; severity?: Severity; tolerance?: number | null };

/** The options with the patch of `base.id` changed; a field equal to the source's value is dropped. */
export function withRuleChange(options: SessionOptions, base: Rule, change: PatchChange): SessionOptions {
  const list = options.rulePatches ?? [];
  const prev = list.find((p) => p.id === base.id);
  const next: RulePatch = { ...prev, id: base.id, source: 'pane' };
  if (change.enabled !== undefined) {
    if (change.enabled === base.enabled) delete next.enabled;
    else next.enabled = change.enabled;
  }
  if (change.severity !== undefined) {
    if (change.severity === base.severity) delete next.severity;
    else next.severity = change.severity;
  }
  if (change.tolerance !== undefined) {
    if (change.tolerance === null || change.tolerance === base.tolerance) delete next.tolerance;
    else next.tolerance = change.tolerance;
  }
  const rest = list.filter((p) => p.id !== base.id);
  const changed = next.enabled !== undefined || next.severity !== undefined || next.tolerance !== undefined;
  return withPatches(options, changed ? [...rest, next] : rest);
}

export function withPatches(options: SessionOptions, patches: RulePatch[]): SessionOptions {
  const { rulePatches: _old, ...rest } = options;
  return patches.length > 0 ? { ...rest, rulePatches: patches } : rest;
}

export function withoutFile(options: SessionOptions): SessionOptions {
  const { rules: _old, ...rest } = options;
  return rest;
}

export function formatTolerance(v: number | undefined, lang: Lang): string {
  if (v === undefined) return '';
  return Number(v.toPrecision(12)).toLocaleString(lang, { maximumFractionDigits: 12, useGrouping: false });
}

export function fileFormat(name: string, text: string): 'json' | 'yaml' {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  return /^\uFEFF?\s*[{[]/.test(text) ? 'json' : 'yaml';
}

export function readAsText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}

/** Downloads text as a JSON file; false where that is impossible. */
export function download(text: string, name: string): boolean {
  return downloadBlob(text, name, 'application/json;charset=utf-8');
}

/** The rule file to export: own rules as they apply now, plus pack rules changed by a file or the pane. */
export function exportObject(mod: RulesModule, effective: RuleSet): Record<string, unknown> | null {
  const obj = mod.ruleFileObject(effective);
  const rules = obj.rules as unknown[];
  for (const r of effective.rules) {
    if (r.source !== 'pack' || (r.patchedBy !== 'file' && r.patchedBy !== 'pane')) continue;
    const entry: Record<string, unknown> = { id: r.id, severity: r.severity, enabled: r.enabled };
    if (r.tolerance !== undefined) entry.tolerance = r.tolerance;
    rules.push(entry);
  }
  return rules.length > 0 ? obj : null;
}

