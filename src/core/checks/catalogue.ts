// The registry read out for people: the README's table of checks and the 规则 tab's list. Both
// are made from the declarations, so they cannot drift from what runs.
import type { Lang } from '../types';
import { ALL_CHECKS } from './registry';
import type { CheckStage, FindingDeclaration } from './check';

export interface CheckDescription {
  id: string;
  stage: CheckStage;
  title: string;
  findings: Array<{ id: string; severity: FindingDeclaration['severity']; flags: string }>;
  parameters: Array<{ name: string; default: string; about: string }>;
}

/** Every check of the registry, in one language, in registry order. */
export function describeChecks(lang: Lang): CheckDescription[] {
  return ALL_CHECKS.map((c) => ({
    id: c.id,
    stage: c.stage,
    title: c.title[lang],
    findings: c.findings.map((f) => ({ id: f.id, severity: f.severity, flags: f.flags[lang] })),
    parameters: (c.parameters ?? []).map((p) => ({ name: p.name, default: p.default, about: p.about[lang] })),
  }));
}

const STAGE: Record<CheckStage, string> = { workbook: 'workbook', panel: 'years & districts', report: 'report prose' };
const SEVERITY: Record<FindingDeclaration['severity'], string> = { error: 'error', warning: 'warning', info: 'info', rule: "the rule's" };

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The README's table: one line per finding, under its check, in both languages. */
export function checksMarkdown(): string {
  const zh = describeChecks('zh-CN');
  const en = describeChecks('en-US');
  const lines = ['| check (stage) | finding id | severity | what it flags | settings (default) |', '|---|---|---|---|---|'];
  zh.forEach((c, i) => {
    const settings = en[i].parameters.map((p) => `\`${p.name}\` (${cell(p.default)}): ${cell(p.about)}`).join('; ');
    c.findings.forEach((f, j) => {
      const id = f.id === '*' ? "each rule's own id" : `\`${f.id}\``;
      const head = j === 0 ? `**${c.id}** (${STAGE[c.stage]})<br>${cell(c.title)}` : '';
      lines.push(`| ${head} | ${id} | ${SEVERITY[f.severity]} | ${cell(f.flags)}<br>${cell(en[i].findings[j].flags)} | ${j === 0 ? settings : ''} |`);
    });
  });
  return lines.join('\n');
}
