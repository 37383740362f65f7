// Every check of the project, in the order it runs. To add a check: write its module (a
// `defineCheck` declaration beside its `run`, see check.ts), add one line to the list of its
// stage below, and test it. The engine, the cross-period detectors and the prose reader run these
// lists; the README's table of checks and the 规则 tab's list are made from them.
import { acrossReportsCheck, claimsCheck, periodCheck, ratesCheck, repeatsCheck, sheetMismatchCheck, type ReportCheckContext } from '../text/checks';
import { conflictCheck, hbCheck, robustCheck, structureCheck, yoyCheck, type PanelCheck } from '../history/checks';
import { balanceCheck } from './balance';
import { CheckDeclarationError, type CheckModule } from './check';
import { copiedYearCheck } from './copied-year';
import { entityTotalsCheck } from './entity-totals';
import { readingCheck } from './reading';
import { rulesCheck } from './rules-check';
import type { WorkbookCheckContext } from './stages';
import { valuesCheck } from './values';

/** The checks of one workbook, run by the engine in this order. */
export const WORKBOOK_CHECKS: ReadonlyArray<CheckModule<WorkbookCheckContext>> = [valuesCheck, balanceCheck, entityTotalsCheck, rulesCheck, copiedYearCheck, readingCheck];

/** The cross-period and cross-district detectors (历史审核), run over a panel in this order. */
export const PANEL_CHECKS: readonly PanelCheck[] = [conflictCheck, structureCheck, yoyCheck, robustCheck, hbCheck];

/** The checks of one report's prose. */
export const REPORT_CHECKS: ReadonlyArray<CheckModule<ReportCheckContext>> = [periodCheck, claimsCheck, ratesCheck, repeatsCheck];

/**
 * Checks of a report against something else: a workbook's sheet (where the pane and the CLI hold
 * both), and the other reports of the same bureau in a batch. Their callers run them with what
 * they hold.
 */
export const REPORT_COMPARISONS = [sheetMismatchCheck, acrossReportsCheck] as const;

/** A check as the registry lists it, whatever it runs on. */
export type AnyCheck = Omit<CheckModule<never>, 'run' | 'say'>;

/** Every check, by stage: the order of the README's table and the 规则 tab's list. */
export const ALL_CHECKS: readonly AnyCheck[] = [...WORKBOOK_CHECKS, ...PANEL_CHECKS, ...REPORT_CHECKS, ...REPORT_COMPARISONS];

/** What is wrong with a list of checks as a whole: ids used twice, a finding declared by two checks. */
export function registryProblems(checks: readonly AnyCheck[]): string[] {
  const out: string[] = [];
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  for (const c of checks) {
    if (ids.has(c.id)) out.push(`two checks have the id "${c.id}"`);
    ids.add(c.id);
    for (const f of c.findings) {
      if (f.id === '*') continue;
      const other = owner.get(f.id);
      if (other !== undefined) out.push(`the finding "${f.id}" is declared by both "${other}" and "${c.id}"`);
      else owner.set(f.id, c.id);
    }
  }
  return out;
}

const problems = registryProblems(ALL_CHECKS);
if (problems.length > 0) throw new CheckDeclarationError(problems);
