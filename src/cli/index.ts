#!/usr/bin/env node
// indicator-check: checks indicator workbooks from the command line.
//   npm run check -- FILE... [--format text|json|xlsx|html] [--out PATH] [--lang zh-CN|en-US]
// FILE: a workbook (.xlsx, .xls, .et or .csv) or a report (.txt, .docx or .pdf).
import { Command, Option } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import type { CheckOptions } from '../core/engine';
import type { HistoryOptionsInput } from '../core/history';
import { addCrossFileFindings, checkWorkbookBytes } from '../batch/check-files';
import { parseRuleFile } from '../core/rules';
import { checkReportFile, reportKind } from './report-file';
import { message, text } from '../core/i18n';
import { parseYear } from '../core/names';
import type { Bilingual, Lang, WorkbookSnapshot } from '../core/types';
import { readXlsxStream } from '../hosts/xlsx/read-xlsx-stream';
import { workbookKind } from '../hosts/xlsx/formats';
import { SingleBar } from 'cli-progress';
import { explainWorkbook, formatExplanation } from '../core/layout/explain';
import { exitCode, jsonReport, textReport, type FileResult } from './report';
import { buildXlsxReport } from './xlsx-report';
import { htmlReport, reportTime } from './html-report';
import { bothLanguages, openError, writeError, writeFileAtomic } from './files';
import { helpText, quietErrors, reportUsageError } from './usage-error';
import { runMain } from './run-main';

/** The package root, from build/cli/src/cli/ or src/cli/ (ts-jest). */
function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export const DEFAULT_SAMPLE = '示例-乐山市市中区-法治指标.xlsx';

export async function checkFile(file: string, options: CheckOptions = {}): Promise<FileResult> {
  const name = path.basename(file);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { file, error: openError(file, e) };
  }
  // A report (.txt, .docx, .pdf): the prose's numeric mentions, 其中 claims and repeated figures,
  // and a Word document's tables checked as sheets.
  if (reportKind(name)) return checkReportFile(file, bytes, options);
  return checkWorkbookBytes(file, name, bytes, readFromDisk, options);
}

/**
 * The command line's reader. The streaming reader for every .xlsx, small ones included: it gives
 * readXlsx's snapshot and errors, is as fast on the bundled samples (~8–14 ms each) and faster
 * and lighter above (npm run bench, "Reading .xlsx", default heap: 100 k rows 1 s / 0.12 GB
 * against 4–5 s / 0.37 GB; 1 M rows 7 s / 0.4 GB against 45 s / 2.8 GB), so no size threshold is
 * needed. .xls, .et and .csv files (and only those: an .xlsx under such a name is read as .xlsx)
 * go through read-legacy.ts, whose snapshot has the same shape; SheetJS takes half a second to
 * load, so only for the files that need it.
 */
async function readFromDisk(bytes: Uint8Array, name: string): Promise<WorkbookSnapshot> {
  const kind = workbookKind(bytes, name);
  return kind === 'xlsx' ? readXlsxStream(bytes, name) : (await import('../hosts/xlsx/read-legacy')).readLegacy(bytes, name, kind);
}

/** The cross-year options of the command line; a bilingual error for a value that is not one. */
export function historyOptions(o: { year?: string; baseYear?: string; change?: string; z?: string; hbC?: string }): HistoryOptionsInput | { error: Bilingual } {
  const out: HistoryOptionsInput = {};
  const year = (flag: string, v: string | undefined): string | undefined | { error: Bilingual } => {
    if (v === undefined) return undefined;
    const y = parseYear(v);
    return y === undefined ? { error: message('cli.option.not-a-year', { flag, value: v }) } : String(y);
  };
  const positive = (flag: string, v: string | undefined): number | undefined | { error: Bilingual } => {
    if (v === undefined) return undefined;
    const n = Number(v.replace(/%$/, ''));
    return Number.isFinite(n) && n > 0 ? n : { error: message('cli.option.not-positive', { flag, value: v }) };
  };
  const current = year('--year', o.year);
  const base = year('--base-year', o.baseYear);
  const change = positive('--change', o.change);
  const z = positive('--z', o.z);
  const c = positive('--hb-c', o.hbC);
  for (const v of [current, base, change, z, c]) if (v && typeof v === 'object') return v;
  if (typeof current === 'string') out.currentPeriod = current;
  if (typeof base === 'string') out.basePeriod = base;
  if (typeof current === 'string' && typeof base === 'string' && base >= current) {
    return { error: message('cli.option.base-not-before', { base, year: current }) };
  }
  if (typeof change === 'number') out.yoy = { relative: { count: change / 100, money: change / 100, other: change / 100 } };
  if (typeof z === 'number') out.robust = { z };
  if (typeof c === 'number') out.hb = { C: c };
  return out;
}

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Where the progress bar for several files goes (a TTY); none in tests. */
  progress?: NodeJS.WriteStream;
}

/** Runs the CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], io: CliIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), progress: process.stderr }): Promise<number> {
  const program = new Command()
    .name('indicator-check')
    .description(`${text('zh-CN', 'cli.product')} — ${helpText('cli.help.check')}`)
    .argument('[files...]', helpText('cli.help.check.files'))
    .option('--rules <file>', helpText('cli.help.check.rules'))
    .option('--dir <folder>', helpText('cli.help.check.dir'))
    .addOption(new Option('--format <format>', helpText('cli.help.check.format')).choices(['text', 'json', 'xlsx', 'html']).default('text'))
    .option('--out <path>', helpText('cli.help.check.out'))
    .option('--explain', helpText('cli.help.check.explain'))
    .addOption(new Option('--lang <lang>', helpText('cli.help.check.lang')).choices(['zh-CN', 'en-US']).default('zh-CN'))
    .option('--year <year>', helpText('cli.help.check.year'))
    .option('--base-year <year>', helpText('cli.help.check.base-year'))
    .option('--change <percent>', helpText('cli.help.check.change'))
    .option('--z <number>', helpText('cli.help.check.z'))
    .option('--hb-c <number>', helpText('cli.help.check.hb-c'))
    .exitOverride()
    .configureOutput(quietErrors(io.stdout, io.stderr));
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    return reportUsageError(e, io.stderr, 'npm run check --');
  }
  const opts = program.opts<{ explain?: boolean; format: 'text' | 'json' | 'xlsx' | 'html'; out?: string; lang: Lang; dir?: string; rules?: string; year?: string; baseYear?: string; change?: string; z?: string; hbC?: string }>();
  const lang = opts.lang;
  const history = historyOptions(opts);
  if ('error' in history) {
    io.stderr(`${history.error['zh-CN']}\n${history.error['en-US']}\n`);
    return 2;
  }
  let rules: CheckOptions['rules'];
  if (opts.rules) {
    try {
      rules = { text: fs.readFileSync(opts.rules, 'utf8'), format: /\.ya?ml$/i.test(opts.rules) ? 'yaml' : 'json', fileName: path.basename(opts.rules) };
    } catch (e) {
      const m = openError(opts.rules, e);
      io.stderr(`${m['zh-CN']}\n${m['en-US']}\n`);
      return 2;
    }
    // A rule file that cannot be read as a whole is a usage error: the user's rules would not run.
    // (A single bad rule in it is a finding of its own, and the others still run.)
    const parsed = parseRuleFile(rules.text, rules.format, { fileName: rules.fileName });
    if (parsed.ruleSet.rules.length === 0 && Object.keys(parsed.ruleSet.aliases).length === 0 && parsed.findings.length > 0) {
      for (const f of parsed.findings) io.stderr(`${f.message['zh-CN']}\n${f.message['en-US']}\n`);
      return 2;
    }
  }
  // A workbook or a web page on a terminal is of no use: these formats are written to a file.
  if ((opts.format === 'xlsx' || opts.format === 'html') && !opts.out) {
    io.stderr(bothLanguages(message('cli.format.needs-out', { format: opts.format })));
    return 2;
  }
  let files = [...program.args];
  if (opts.dir) {
    try {
      files.push(
        ...fs
          .readdirSync(opts.dir)
          .filter((f) => /\.(xlsx|xls|et|csv|txt|docx|pdf)$/i.test(f) && !f.startsWith('~$'))
          .sort()
          .map((f) => path.join(opts.dir as string, f)),
      );
    } catch (e) {
      io.stderr(`${text(lang, 'cli.dir.unreadable', { dir: opts.dir, reason: (e as Error).message })}\n`);
      return 2;
    }
  }
  if (files.length === 0 && !opts.dir) {
    files = [path.join(packageRoot(), 'samples', DEFAULT_SAMPLE)];
    io.stderr(`${text(lang, 'cli.sample.default', { file: files[0] })}\n`);
  }
  const results: FileResult[] = [];
  const bar = files.length > 1 && io.progress ? new SingleBar({ stream: io.progress, format: `${text(lang, 'cli.progress.checking')} [{bar}] {value}/{total} {file}`, hideCursor: true, clearOnComplete: true }) : undefined;
  bar?.start(files.length, 0, { file: '' });
  for (const f of files) {
    bar?.update({ file: path.basename(f) });
    // With several files the cross-year and cross-district detectors run once over all of them.
    results.push(await checkFile(f, { history: files.length > 1 ? false : history, rules }));
    bar?.increment();
  }
  bar?.stop();
  if (files.length > 1) addCrossFileFindings(results, history);
  if (opts.format === 'xlsx') {
    try {
      const bytes = new Uint8Array((await buildXlsxReport(results, opts.lang, opts.out as string).xlsx.writeBuffer()) as ArrayBuffer);
      writeFileAtomic(opts.out as string, bytes);
      io.stderr(`${text(lang, 'cli.report.written', { path: opts.out })}\n`);
    } catch (e) {
      io.stderr(bothLanguages(writeError(opts.out as string, e)));
      return 2;
    }
    for (const r of results) if (r.error) io.stderr(`${r.error[opts.lang]}\n`);
    return exitCode(results);
  }
  let report = opts.format === 'json' ? jsonReport(results) : opts.format === 'html' ? htmlReport(results, { lang: opts.lang, generated: reportTime(new Date()) }) : textReport(results, opts.lang);
  if (opts.explain && opts.format === 'text') {
    const explained = results
      .filter((r) => r.model && r.result)
      .map((r) => `== ${r.file} — ${text(lang, 'cli.explain.heading')}\n${formatExplanation(explainWorkbook(r.model as NonNullable<FileResult['model']>, r.result?.sheets ?? []), opts.lang)}`)
      .join('');
    report = `${explained}\n${report}`;
  }
  if (opts.out) {
    try {
      // Never half a report: a temporary file beside it, then a rename; missing folders are made.
      writeFileAtomic(opts.out, report);
      io.stderr(`${text(lang, 'cli.report.written', { path: opts.out })}\n`);
    } catch (e) {
      io.stderr(bothLanguages(writeError(opts.out, e)));
      return 2;
    }
  } else {
    io.stdout(report);
  }
  for (const r of results) if (r.error) io.stderr(`${r.error[opts.lang]}\n`);
  return exitCode(results);
}

if (require.main === module) runMain(main);
