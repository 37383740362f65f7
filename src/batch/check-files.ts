// Checking a batch of workbooks, the same way wherever it runs: the command line (files from
// disk, the streaming .xlsx reader) and the web checker (files the user opened, read in a Web
// Worker). Neither Node nor the DOM is used here; the caller gives the bytes and the reader.
import { checkWorkbookWithModel, sortFindings, type CheckOptions } from '../core/engine';
import { message } from '../core/i18n';
import { applyExplanations } from '../core/explanations';
import { buildPanel, detectAnomalies, type HistoryOptionsInput } from '../core/history';
import { acrossReportsCheck } from '../core/text/checks';
import type { WorkbookSnapshot } from '../core/types';
import { WorkbookReadError } from '../hosts/xlsx/errors';
import type { FileResult } from './results';

/** Reads a workbook file's bytes into a snapshot (.xlsx, .xls, .et, .csv). */
export type WorkbookReader = (bytes: Uint8Array, name: string) => Promise<WorkbookSnapshot>;

/**
 * One workbook: read and checked, with the model kept for the detectors that run across files.
 * A file that cannot be read gives its reason in both languages, never an exception.
 */
export async function checkWorkbookBytes(file: string, name: string, bytes: Uint8Array, read: WorkbookReader, options: CheckOptions = {}): Promise<FileResult> {
  try {
    const snapshot = await read(bytes, name);
    const { result, model, explanations } = checkWorkbookWithModel(snapshot, options);
    return { file, result, model, explanations };
  } catch (e) {
    if (e instanceof WorkbookReadError) return { file, error: e.bilingual };
    const text = e instanceof Error ? e.message : String(e);
    return { file, error: message('cli.check.failed', { name, reason: text }) };
  }
}

/**
 * Aligns the same indicator across files (by entity, name and period) and runs the cross-year
 * and cross-district detectors over them; each finding goes to the file its first cell is in.
 * Each workbook's own 核实说明 explain its findings, those made across files too.
 */
export function addCrossFileFindings(results: FileResult[], history: HistoryOptionsInput = {}): void {
  addCrossReportFindings(results);
  const ok = results.filter((r) => r.model && r.result);
  if (ok.length === 0) return;
  const panel = buildPanel(ok.map((r) => ({ file: r.file, model: r.model as NonNullable<FileResult['model']> })));
  const byFile = new Map(ok.map((r) => [r.file, r]));
  for (const f of detectAnomalies(panel, history)) {
    const target = byFile.get(f.cells[0]?.file ?? '') ?? ok[0];
    target.result?.findings.push(f);
  }
  for (const r of ok) {
    const res = r.result as NonNullable<FileResult['result']>;
    res.findings = applyExplanations(sortFindings(res.findings, res.sheets.map((s) => s.sheet)), r.explanations ?? []);
  }
}

/**
 * Reports (their prose) compared with each other: the same indicator and period stated
 * differently in two reports of one bureau (core/text/across.ts). Each finding goes to the report
 * its first line is in.
 */
function addCrossReportFindings(results: FileResult[]): void {
  const reports = results.filter((r) => r.prose && r.result);
  if (reports.length < 2) return;
  const byName = new Map(reports.map((r) => [(r.prose as NonNullable<FileResult['prose']>).name, r]));
  for (const f of acrossReportsCheck.run({ reports: reports.map((r) => r.prose as NonNullable<FileResult['prose']>) })) {
    byName.get(f.cells[0].sheet)?.result?.findings.push(f);
  }
}

/** The result without the engine's model, explanations and prose: what is reported, and what crosses to a page. */
export function reportable(r: FileResult): FileResult {
  const { model: _model, explanations: _explanations, prose: _prose, ...rest } = r;
  return rest;
}
