// Summary tables (汇总表): the public API of core/report.
//
//   const input = summaryInput(snapshot, result);               // model + findings
//   const choices = summaryChoices(input);                      // for the pickers
//   const spec = buildSummary('compare', input, { now: new Date(), years: ['2021', '2022'] });
//   host writes spec (hosts/xlsx/write-table.ts, or the Excel host via placeTable/bodyValues…)
import { analyzeWorkbook, checkWorkbook, type CheckOptions } from '../engine';
import type { LayoutKind, WorkbookSnapshot, CheckResult } from '../types';
import { seriesGroups, withoutSummarySheets, type SummaryInput } from './sources';
import type { TemplateId } from './table-spec';

export * from './table-spec';
export * from './placement';
export { buildSummary, compareTable, compositionTable, districtsTable, largestRemainder, formatTime, canonicalYear, TEMPLATES, type TemplateOptions } from './templates';
export { isSummarySheetName, withoutSummarySheets, displayLabel, seriesGroups, type SummaryInput, type SeriesGroup, type IndicatorSeries } from './sources';
export { reportMessage, reportText } from './messages';
export * from './standard-form';

/**
 * The templates' input from a workbook snapshot: the engine's model (layout detection) and the
 * findings of a check run — `result` when the caller already checked the workbook, else a fresh
 * check. The add-in's own summary sheets (汇总表, 汇总表(2), Summary…) are left out.
 */
export function summaryInput(snapshot: WorkbookSnapshot, result?: CheckResult, options: CheckOptions = {}): SummaryInput {
  const clean = withoutSummarySheets(snapshot);
  const { model } = analyzeWorkbook(clean, options);
  const findings = (result ?? checkWorkbook(clean, options)).findings;
  return { model, findings, workbook: snapshot.name };
}

export interface IndicatorChoice {
  /** Pass this (or the label) in `indicators`. */
  path: string;
  label: string;
  depth: number;
  unit: string;
  /** Has breakdown rows: can be the total of a 构成表. */
  hasParts: boolean;
}

export interface SourceChoice {
  sheets: string[];
  layout: LayoutKind;
  entities: string[];
  years: string[];
  indicators: IndicatorChoice[];
  /** Templates that fit this source. */
  templates: TemplateId[];
}

/** What the task pane's 汇总表 tab can offer: per source table, its indicators, years and regions. */
export function summaryChoices(input: SummaryInput): SourceChoice[] {
  return seriesGroups(input.model).map((g) => {
    const indicators = [...g.series.values()].map((s) => ({ path: s.path, label: s.label, depth: s.depth, unit: s.unit, hasParts: s.children.length > 0 }));
    const templates: TemplateId[] = ['compare'];
    if (indicators.some((i) => i.hasParts)) templates.push('composition');
    if (g.entities.length >= 2) templates.push('districts');
    return { sheets: [...g.sheets], layout: g.layout, entities: [...g.entities], years: [...g.periods], indicators, templates };
  });
}
