// What a check is: one module that declares the findings it makes (id, severity, what each one
// flags), its parameters and its messages in both languages, beside the function that runs it.
// The registry (registry.ts) lists the modules; the engine, the cross-period detectors and the
// report-prose reader run what it lists, and the README's table of checks and the 规则 tab's list
// are made from the same declarations.
import { BilingualError } from '../errors';
import { PACKS, type MessageKey } from '../i18n';
import { fill, placeholderNames, type Params } from '../i18n/fill';
import type { Bilingual, Finding, Severity } from '../types';

/**
 * Where a check runs:
 * - `workbook`: over one workbook's model (and the snapshot it was read from), in the engine;
 * - `panel`: over the series of one or more workbooks, by period and district (历史审核);
 * - `report`: over a report's prose (报告文本).
 */
export type CheckStage = 'workbook' | 'panel' | 'report';

/** A finding a check makes. The id `*` stands for ids the user chooses (each rule's own id). */
export interface FindingDeclaration {
  id: string;
  /** `rule` when the rule that fires sets it (the rule language's rules). */
  severity: Severity | 'rule';
  /** What it flags, in a few plain words. */
  flags: Bilingual;
}

/** A setting of a check, with the value it takes when the user says nothing. */
export interface CheckParameter {
  name: string;
  default: string;
  about: Bilingual;
}

/** Message templates by id, in each language; placeholders are {name}. */
export interface CheckMessages<Id extends string = string> {
  'zh-CN': Record<Id, string>;
  'en-US': Record<Id, string>;
}

export interface CheckDeclaration<Context, Id extends string = string> {
  /** Unique over the registry: `balance`, `history.yoy`, `text.claims`. */
  id: string;
  stage: CheckStage;
  /** What the check is about, one line. */
  title: Bilingual;
  findings: FindingDeclaration[];
  parameters?: CheckParameter[];
  /**
   * Its messages: the templates it fills itself (`messages`, with `say`), or the keys of the
   * message packs it fills (`messageKeys`: the checks whose texts the packs hold). One or both.
   */
  messages?: CheckMessages<Id>;
  messageKeys?: readonly MessageKey[];
  run(context: Context): Finding[];
}

/** A declared check, with `say` to fill its own templates. */
export interface CheckModule<Context, Id extends string = string> extends CheckDeclaration<Context, Id> {
  say(id: Id, params?: Params): Bilingual;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'rule']);
// Lower-case words joined by dots; `*` alone stands for ids the user chooses (a rule's own id).
const ID = /^(\*|[a-z][a-z0-9-]*(\.[a-z0-9-]+)*)$/;

function placeholders(template: string): string {
  return placeholderNames(template).join(',');
}

function bilingualText(b: Bilingual | undefined): boolean {
  return !!b && typeof b['zh-CN'] === 'string' && b['zh-CN'].trim() !== '' && typeof b['en-US'] === 'string' && b['en-US'].trim() !== '';
}

/** Everything wrong with a declaration, one line each; empty when it is sound. */
export function declarationProblems(d: CheckDeclaration<never>): string[] {
  const where = `check "${String(d.id)}"`;
  const out: string[] = [];
  if (typeof d.id !== 'string' || !ID.test(d.id)) out.push(`${where}: the id must be lower-case words joined by dots`);
  if (!['workbook', 'panel', 'report'].includes(d.stage)) out.push(`${where}: unknown stage "${String(d.stage)}"`);
  if (!bilingualText(d.title)) out.push(`${where}: the title needs zh-CN and en-US text`);
  if (typeof d.run !== 'function') out.push(`${where}: run is not a function`);
  if (!Array.isArray(d.findings) || d.findings.length === 0) out.push(`${where}: declares no finding`);
  const seen = new Set<string>();
  for (const f of d.findings ?? []) {
    if (typeof f.id !== 'string' || !ID.test(f.id)) out.push(`${where}: bad finding id "${String(f.id)}"`);
    if (seen.has(f.id)) out.push(`${where}: finding "${f.id}" is declared twice`);
    seen.add(f.id);
    if (!SEVERITIES.has(f.severity)) out.push(`${where}: finding "${f.id}" has the unknown severity "${String(f.severity)}"`);
    if (!bilingualText(f.flags)) out.push(`${where}: finding "${f.id}" needs zh-CN and en-US text for what it flags`);
  }
  const names = new Set<string>();
  for (const p of d.parameters ?? []) {
    if (!p.name || names.has(p.name)) out.push(`${where}: parameter "${p.name}" is unnamed or declared twice`);
    names.add(p.name);
    if (typeof p.default !== 'string' || p.default === '') out.push(`${where}: parameter "${p.name}" has no default`);
    if (!bilingualText(p.about)) out.push(`${where}: parameter "${p.name}" needs zh-CN and en-US text`);
  }
  if (!d.messages && (!d.messageKeys || d.messageKeys.length === 0)) out.push(`${where}: declares no message (messages or messageKeys)`);
  for (const k of d.messageKeys ?? []) {
    if (typeof PACKS['zh-CN'][k] !== 'string' || typeof PACKS['en-US'][k] !== 'string') out.push(`${where}: message key "${String(k)}" is not in both message packs`);
  }
  if (d.messages) {
    const zh: Record<string, string> = d.messages['zh-CN'] ?? {};
    const en: Record<string, string> = d.messages['en-US'] ?? {};
    for (const k of Object.keys(zh)) {
      if (!(k in en)) out.push(`${where}: message "${k}" has no en-US text`);
      else if (placeholders(zh[k]) !== placeholders(en[k])) out.push(`${where}: message "${k}" has placeholders {${placeholders(zh[k])}} in zh-CN but {${placeholders(en[k])}} in en-US`);
    }
    for (const k of Object.keys(en)) if (!(k in zh)) out.push(`${where}: message "${k}" has no zh-CN text`);
  }
  return out;
}

/** Thrown when a check's declaration or the registry is unsound: a programming error, found at start. */
export class CheckDeclarationError extends BilingualError {
  constructor(problems: string[]) {
    const text = problems.join('; ');
    super({ 'zh-CN': `检查模块的声明有误：${text}`, 'en-US': `A check module's declaration is wrong: ${text}` });
    this.name = 'CheckDeclarationError';
  }
}

/** Checks a declaration and gives the module; throws CheckDeclarationError on a bad one. */
export function defineCheck<Context, Id extends string = never>(declaration: CheckDeclaration<Context, Id>): CheckModule<Context, Id> {
  const problems = declarationProblems(declaration as CheckDeclaration<never>);
  if (problems.length > 0) throw new CheckDeclarationError(problems);
  const messages = declaration.messages;
  return {
    ...declaration,
    say(id: Id, params: Params = {}): Bilingual {
      const zh = messages?.['zh-CN'][id];
      const en = messages?.['en-US'][id];
      if (zh === undefined || en === undefined) throw new CheckDeclarationError([`check "${declaration.id}" has no message "${id}"`]);
      return { 'zh-CN': fill(zh, params, 'zh-CN'), 'en-US': fill(en, params, 'en-US') };
    },
  };
}

/** Whether a finding id is one a check declares (the id itself, or any id under `*`). */
export function declares(d: { findings: FindingDeclaration[] }, ruleId: string): boolean {
  return d.findings.some((f) => f.id === '*' || f.id === ruleId);
}
