// Text and JSON reports of the CLI. Pure functions of the results, so tests can read them.
import { counts, type FileResult } from '../batch/results';
import { text } from '../core/i18n';
import type { Claim } from '../core/text';
import type { CheckResult, Finding, Lang, SheetReport } from '../core/types';

export { counts, type FileResult };

function countLine(findings: Finding[], lang: Lang): string {
  return text(lang, 'cli.text.count', { total: findings.length, ...counts(findings) });
}

function skippedLine(s: SheetReport, lang: Lang): string | undefined {
  if (s.layout !== 'skipped') return undefined;
  return `  - ${s.reason ? s.reason[lang] : s.sheet}`;
}

/** Findings grouped by sheet, with a count line per file and for the whole run. */
export function textReport(files: FileResult[], lang: Lang): string {
  const lines: string[] = [];
  const all: Finding[] = [];
  for (const f of files) {
    lines.push(`== ${f.file}`);
    if (f.error) {
      lines.push(`  ${text(lang, 'cli.text.unreadable')}: ${f.error[lang]}`, '');
      continue;
    }
    const r = f.result as CheckResult;
    all.push(...r.findings);
    if (f.claims) {
      lines.push(`  ${text(lang, 'cli.text.claims', { count: f.claims.length })}`);
      for (const c of f.claims) {
        const mark = c.ok ? '✓' : '✗';
        const sum = c.sum === null ? '—' : String(Number(c.sum.toPrecision(12)));
        lines.push(`    ${mark} L${c.line} ${c.total.text} ${text(lang, 'cli.text.parts-sum')} ${sum} (${c.verdict})  ${c.text.length > 60 ? `${c.text.slice(0, 60)}…` : c.text}`);
      }
    }
    const bySheet = new Map<string, Finding[]>();
    for (const finding of r.findings) {
      const sheet = finding.cells[0]?.sheet ?? '';
      const list = bySheet.get(sheet);
      if (list) list.push(finding);
      else bySheet.set(sheet, [finding]);
    }
    for (const [sheet, list] of bySheet) {
      // Findings without a cell: about the rule file, or the workbook as a whole.
      const heading = sheet || text(lang, list.every((x) => x.ruleId === 'rules.file') ? 'cli.text.rule-file' : 'cli.text.workbook');
      lines.push(`  [${heading}] ${countLine(list, lang)}`);
      for (const finding of list) {
        const cell = finding.cells[0]?.address ?? '';
        lines.push(`    ${text(lang, `cli.severity.${finding.severity}`).padEnd(lang === 'zh-CN' ? 2 : 7)} ${cell.padEnd(6)} ${finding.message[lang]}  (${finding.ruleId})`);
        // The technical part (rule and expression, arithmetic, statistics) on its own indented line.
        if (finding.details) lines.push(`           ${text(lang, 'cli.text.details')}: ${finding.details[lang]}`);
        if (finding.hint) lines.push(`           ${text(lang, 'cli.text.hint')}: ${finding.hint.message[lang]}`);
        if (finding.explanation) lines.push(`           ${text(lang, 'cli.text.explained')}: ${finding.explanation}`);
      }
    }
    const skipped = r.sheets.map((s) => skippedLine(s, lang)).filter((s): s is string => !!s);
    if (skipped.length) lines.push(`  ${text(lang, 'cli.text.skipped')}`, ...skipped);
    lines.push(`  ${countLine(r.findings, lang)}`, '');
  }
  if (files.length > 1) lines.push(`${text(lang, 'cli.text.total')} (${files.length}): ${countLine(all, lang)}`);
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}

/** A claim as the JSON report carries it: {text, total, parts:[{label, value}], sum, ok, …}. */
function claimJson(c: Claim) {
  const item = (i: Claim['total']) => ({ label: i.label, value: i.value, unit: i.unit, text: i.text, approx: i.approx, ...(i.overlap ? { overlap: true } : {}) });
  return { text: c.text, line: c.line, total: item(c.total), parts: c.parts.map(item), sum: c.sum, difference: c.difference, ok: c.ok, verdict: c.verdict, complete: c.complete };
}

/** The JSON report: {"files":[{"file", "findings":[…], "sheets":[…]}]}. */
export function jsonReport(files: FileResult[]): string {
  return (
    JSON.stringify(
      {
        files: files.map((f) =>
          f.error
            ? { file: f.file, error: f.error, findings: [] }
            : f.claims
              ? // A report; a Word document's tables are its sheets.
                { file: f.file, claims: f.claims.map(claimJson), findings: f.result?.findings ?? [], ...(f.result?.sheets.length ? { sheets: f.result.sheets } : {}) }
              : { file: f.file, observations: f.result?.observations ?? 0, findings: f.result?.findings ?? [], sheets: f.result?.sheets ?? [] },
        ),
      },
      null,
      2,
    ) + '\n'
  );
}

/** 0 when no error finding, 1 when there is one, 2 when a file could not be read. */
export function exitCode(files: FileResult[]): number {
  if (files.some((f) => f.error)) return 2;
  return files.some((f) => f.result?.findings.some((x) => x.severity === 'error')) ? 1 : 0;
}
