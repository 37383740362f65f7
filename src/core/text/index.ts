// Checking a report's prose (报告文本) against itself: numeric mentions, total-with-breakdown
// claims with verdicts, and figures stated twice with different values.
// Pure TypeScript: no Office, DOM or Node APIs.
//
// Findings point into the text, not a sheet: `cells` is `[{sheet: <report name>, address: 'L<line>'}]`
// (L25 = line 25, 1-based), and the message says 第N行 / Line N. Every ruleId starts with `text.`,
// so hosts can tell these from sheet findings and must not try to mark or select them as cells.
import { REPORT_CHECKS } from '../checks/registry';
import type { Finding } from '../types';
import type { ReportCheckContext } from './checks';
import { extractClaims, type Claim, type SkippedClaim } from './claims';
import { extractMentions, periodsOf, type Mention } from './extract';
import type { Period } from './period';
import { checkRates, tableRateChecks, type RateCheck } from './rates';
import { tableClaims } from './text-tables';
import { fractionClaims } from './fraction-claims';
import { nameCountClaims } from './name-counts';
import { shareClaims } from './share-claims';
import { formClaims, isStatutoryForm } from './disclosure-form';
import { readingScan } from './reading';
import { findRepeatedFigures, type RepeatedFigure } from './repeats';

export { decodeReport, extractMentions, normalizePhrase, statedRates, type Mention, type MentionKind } from './extract';
export { extractClaims, type Claim, type ClaimItem, type Reading, type SkippedClaim, type Verdict } from './claims';
export { joinBrokenLines } from './reading';
export { findPeriods, type Period } from './period';
export { checkRates, type RateCheck, type RateFigure } from './rates';
export { findRepeatedFigures, similarKeys, type RepeatedFigure } from './repeats';
export { textMsg, type TextMessageId } from './messages';
export { lineRef, showValue } from './findings';
export { isStatutoryForm };

export interface ReportTextResult {
  /** The report's name as given (file name), used as the `sheet` of every finding's cell. */
  report: string;
  claims: Claim[];
  mentions: Mention[];
  findings: Finding[];
  /** 其中/包括/分别为 that open no checkable list, with the reason (for transparency). */
  skipped: SkippedClaim[];
  repeated: RepeatedFigure[];
  /** Shares and rates checked against the counts they are stated beside. */
  rates: RateCheck[];
  /** The period the report covers (全年, 上半年, 1—10月 …), when the text says it. */
  period?: Period;
}

/**
 * Checks the prose of a report. `name` is the report's file name; it becomes the `sheet` of every
 * finding's cell (address `L<line>`). Findings come in text order: claim findings, then repeated
 * figures, each sorted by line.
 */
export function checkReportText(text: string, name: string): ReportTextResult {
  const prose = extractMentions(text);
  const { claims: proseClaims, skipped } = extractClaims(text, prose);
  // Tables written with | in the text: their figures follow the prose's, their claims its claims
  // (whose parent indexes stay as they are).
  const tables = tableClaims(text, prose.length);
  // The statutory forms of a 政府信息公开年度报告, written in the text: their figures after those.
  const forms = formClaims(text, prose.length + tables.cells.length);
  // Shares written with their fractions (占72.6%(320/441)): the fractions' figures after those.
  const fractions = fractionClaims(text, prose.length + tables.cells.length + forms.cells.length);
  // Counts of named things (…、细菌总数、大肠菌群6项): the names after those.
  const named = nameCountClaims(text, prose, prose.length + tables.cells.length + forms.cells.length + fractions.cells.length);
  const extraCells = [...tables.cells, ...forms.cells, ...fractions.cells, ...named.cells];
  const mentions = extraCells.length ? [...prose, ...extraCells] : prose;
  // A table the form reader knows (行政复议 | … | 总计) is read once, as the form.
  const formTotals = new Set(forms.claims.map((c) => mentions[c.total.mention]?.start));
  const tableClaimsOwn = tables.claims.filter((c) => !formTotals.has(mentions[c.total.mention]?.start));
  const extraClaims = [...tableClaimsOwn, ...forms.claims, ...fractions.claims, ...named.claims];
  let claims = extraClaims.length ? [...proseClaims, ...extraClaims] : proseClaims;
  // Rates of tables written in the text (a row of 合格率 over two rows of counts) join the prose's.
  // The rates are read in the reading string (traditional characters made simplified, doubled
  // separators blanked, broken lines joined: offsets unchanged) and quoted from the text as written.
  const scan = readingScan(text);
  const proseRates = checkRates(scan, mentions, claims).map((r) => ({ ...r, text: text.slice(r.start, r.end) }));
  const rates = [...proseRates, ...tableRateChecks(text, tables.rates)];
  // Each share of two stated counts that no claim relates yet: a claim of one part.
  claims = [...claims, ...shareClaims(text, mentions, claims, rates)];
  const repeated = findRepeatedFigures(prose);
  const { report: period } = periodsOf(scan, prose);
  const context: ReportCheckContext = { text, name, mentions, claims, rates, repeated, ...(period ? { period } : {}) };
  const findings: Finding[] = [];
  for (const check of REPORT_CHECKS) findings.push(...check.run(context));
  return { report: name, claims, mentions, findings, skipped, repeated, rates, ...(period ? { period } : {}) };
}

export { compareWithSheet, type CompareOptions, type SheetMatch } from './sheet';
