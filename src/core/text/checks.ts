// The checks of a report's prose (报告文本) as modules of the registry: what each flags. The
// reading (mentions, claims, shares and rates, repeated figures, the period) is done once per
// report and handed to every check; the findings are made in findings.ts.
import { defineCheck } from '../checks/check';
import type { IndicatorRow, Observation } from '../model';
import type { Finding } from '../types';
import { compareReports, type ReportForComparison } from './across';
import type { Claim } from './claims';
import type { Mention } from './extract';
import { claimFinding, periodFinding, rateFinding, repeatFinding } from './findings';
import type { Period } from './period';
import type { RateCheck } from './rates';
import { lineOf, lineStarts } from './reading';
import type { RepeatedFigure } from './repeats';
import { compareWithSheet, type CompareOptions } from './sheet';

/** One report, read. */
export interface ReportCheckContext {
  text: string;
  /** The report's name (its file name): the `sheet` of every finding's cell. */
  name: string;
  mentions: Mention[];
  claims: Claim[];
  rates: RateCheck[];
  repeated: RepeatedFigure[];
  period?: Period;
}

const some = <T>(items: T[], make: (item: T) => Finding | undefined): Finding[] => {
  const out: Finding[] = [];
  for (const item of items) {
    const f = make(item);
    if (f) out.push(f);
  }
  return out;
};

export const periodCheck = defineCheck<ReportCheckContext>({
  id: 'text.period',
  stage: 'report',
  title: { 'zh-CN': '报告期：只覆盖部分年度的报告', 'en-US': 'The period: a report that covers part of a year' },
  findings: [{ id: 'text.period-partial', severity: 'info', flags: { 'zh-CN': '报告期不是全年（上半年、1—10月）', 'en-US': 'a report period short of a year (上半年, 1—10月)' } }],
  messageKeys: ['text.period-partial'],
  run: (ctx) => (ctx.period?.partial ? [periodFinding(ctx.period, lineOf(lineStarts(ctx.text), ctx.period.start).line, ctx.name)] : []),
});

export const claimsCheck = defineCheck<ReportCheckContext>({
  id: 'text.claims',
  stage: 'report',
  title: { 'zh-CN': '文中的合计与其中各项：“共…，其中…”是否相符', 'en-US': 'Totals and their parts in the prose: does 共…，其中… add up' },
  findings: [
    { id: 'text.claim-exceeds', severity: 'error', flags: { 'zh-CN': '各项之和大于合计', 'en-US': 'the parts add up to more than the total' } },
    { id: 'text.claim-short', severity: 'error', flags: { 'zh-CN': '写明完整（分别为、全部）的各项之和小于合计', 'en-US': 'a list said to be complete (分别为, 全部) falls short of its total' } },
    { id: 'text.form-mismatch', severity: 'error', flags: { 'zh-CN': '信息公开年度报告表格的合计与各项不符（总计、新收＋结转、各类申请人）', 'en-US': 'a total of the disclosure report\'s form that differs from its items (总计, 新收 + 结转, applicant columns)' } },
    { id: 'text.claim-partial', severity: 'warning', flags: { 'zh-CN': '所列各项之和小于合计：部分列举还是漏项', 'en-US': 'the parts fall short of the total: a partial list or a missing part' } },
    { id: 'text.claim-overlap', severity: 'warning', flags: { 'zh-CN': '各项超出合计，但超出的部分标明并处/同时', 'en-US': 'parts above the total, by items marked 并处/同时' } },
    { id: 'text.claim-subset', severity: 'warning', flags: { 'zh-CN': '前列各项已等于合计，后面的项按另一口径统计', 'en-US': 'the first parts make up the total; the rest count by another dimension' } },
    { id: 'text.claim-mixed-units', severity: 'warning', flags: { 'zh-CN': '各项单位不同，不能相加', 'en-US': 'parts in different units' } },
    { id: 'text.claim-approx', severity: 'info', flags: { 'zh-CN': '合计或某项是约数，未核对', 'en-US': 'not checked: an approximate figure' } },
  ],
  messageKeys: ['text.claim-exceeds', 'text.claim-short', 'text.form-mismatch', 'text.claim-partial', 'text.claim-overlap', 'text.claim-subset', 'text.claim-mixed-units', 'text.claim-approx'],
  run: (ctx) => some(ctx.claims, (c) => claimFinding(c, ctx.name)),
});

export const ratesCheck = defineCheck<ReportCheckContext>({
  id: 'text.rates',
  stage: 'report',
  title: { 'zh-CN': '文中的占比与比率：是否等于写在旁边的分子除以分母', 'en-US': 'Shares and rates in the prose: do they equal the counts stated beside them' },
  findings: [
    { id: 'text.share-mismatch', severity: 'error', flags: { 'zh-CN': '占比与“部分/合计”算出的不符', 'en-US': 'a share that differs from part / total' } },
    { id: 'text.rate-mismatch', severity: 'error', flags: { 'zh-CN': '比率与分子/分母算出的不符', 'en-US': 'a rate that differs from numerator / denominator' } },
    { id: 'text.share-forced', severity: 'warning', flags: { 'zh-CN': '为凑足 100% 而调整过的占比', 'en-US': 'shares visibly forced to sum to 100 %' } },
  ],
  messageKeys: ['text.share-mismatch', 'text.rate-mismatch', 'text.share-forced'],
  run: (ctx) => some(ctx.rates, (r) => rateFinding(r, ctx.name)),
});

export const repeatsCheck = defineCheck<ReportCheckContext>({
  id: 'text.repeats',
  stage: 'report',
  title: { 'zh-CN': '同一数字说了两遍却不一样', 'en-US': 'One figure stated twice, differently' },
  findings: [{ id: 'text.repeated-figure', severity: 'warning', flags: { 'zh-CN': '同一指标在文中两处的数值不同', 'en-US': 'one indicator with two different figures in the text' } }],
  messageKeys: ['text.repeated-figure'],
  run: (ctx) => ctx.repeated.map((r) => repeatFinding(r, ctx.name)),
});

/** A report's figures beside a workbook's sheet (the pane, and the CLI with --report and a workbook). */
export interface SheetComparisonContext {
  mentions: readonly Mention[];
  rows: Iterable<IndicatorRow>;
  observations: readonly Observation[];
  options?: CompareOptions;
}

export const sheetMismatchCheck = defineCheck<SheetComparisonContext>({
  id: 'text.sheet',
  stage: 'report',
  title: { 'zh-CN': '报告与工作表：文中的数字与表中同一指标是否一致', 'en-US': 'Report against sheet: does the prose agree with the sheet\'s indicator' },
  findings: [{ id: 'text.sheet-mismatch', severity: 'warning', flags: { 'zh-CN': '文中的数字与工作表中同一指标不同', 'en-US': 'a figure in the prose unlike the same indicator in the sheet' } }],
  messageKeys: ['text.sheet-mismatch'],
  run: (ctx) => compareWithSheet(ctx.mentions, ctx.rows, ctx.observations, ctx.options).findings,
});

/** Several reports of one bureau (a batch of files). */
export interface ReportsComparisonContext {
  reports: readonly ReportForComparison[];
}

export const acrossReportsCheck = defineCheck<ReportsComparisonContext>({
  id: 'text.across',
  stage: 'report',
  title: { 'zh-CN': '同一单位的几份报告之间：同一指标、同一年的数字是否一致', 'en-US': 'Across one bureau\'s reports: one indicator and year, the same figure' },
  findings: [
    { id: 'text.across-reports', severity: 'warning', flags: { 'zh-CN': '两份报告对同一指标、同一年的数字不同', 'en-US': 'two reports with different figures for one indicator and year' } },
    { id: 'text.across-reports-period', severity: 'info', flags: { 'zh-CN': '两份报告的期间不同，未比较', 'en-US': 'two reports covering different periods, not compared' } },
  ],
  messageKeys: ['text.across-reports', 'text.across-reports-period'],
  run: (ctx) => compareReports(ctx.reports),
});
