#!/usr/bin/env node
// indicator-summary: writes a copy of a workbook with a standard summary table (汇总表) added.
//   npm run summary -- FILE --out OUT.xlsx [--template compare|composition|districts]
// FILE is an .xlsx, .xls, WPS .et or .csv file; the copy OUT is always .xlsx.
//                      [--years 2022,2023] [--indicators a,b] [--entity 地区] [--sheet 工作表]
//                      [--lang zh-CN|en-US] [--allow-loss]
// Exit codes: 0 written; 2 usage error (bilingual message), unreadable input or unwritable output,
// or a workbook with parts the copy would lose (charts, pivot tables, macros…) without --allow-loss.
import { Command } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import { partsLostOnCopy } from '../hosts/xlsx/lost-parts';
import { buildSummary, renderTableText, ReportError, summaryInput, type TemplateId } from '../core/report';
import { message, text } from '../core/i18n';
import { parseYear } from '../core/names';
import type { Bilingual, Lang } from '../core/types';
import { WorkbookReadError } from '../hosts/xlsx/errors';
import { gridFromWorksheet, loadWorkbook } from '../hosts/xlsx/read-xlsx';
import { readLegacy, workbookKind, type LegacyFormat } from '../hosts/xlsx/read-legacy';
import { workbookFromSnapshot } from '../hosts/xlsx/snapshot-workbook';
import { addSummarySheet, preserveOnSave } from '../hosts/xlsx/write-table';
import { bothLanguages, openError, writeError, writeFileAtomic } from './files';
import { helpText, quietErrors, reportUsageError, usageLine } from './usage-error';
import { runMain } from './run-main';

export interface SummaryIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The clock for 生成时间; the system clock when absent. */
  now?: () => Date;
}

const TEMPLATE_IDS: TemplateId[] = ['compare', 'composition', 'districts'];
/** The input formats other than .xlsx, as the success message names them. */
const FORMAT_NAMES: Record<LegacyFormat, string> = { xls: '.xls', et: 'WPS .et', csv: '.csv' };
const LANGS: Lang[] = ['zh-CN', 'en-US'];

/** A usage error: both languages, whatever --lang says (it may be the wrong option itself). */
function usage(io: SummaryIO, m: Bilingual): number {
  io.stderr(`${m['zh-CN']}\n${m['en-US']}\n`);
  io.stderr(usageLine('npm run summary -- FILE --out OUT.xlsx [--template compare|composition|districts] [--years 2022,2023] [--indicators a,b] [--lang zh-CN|en-US] [--allow-loss]'));
  return 2;
}

/** Texts in both languages joined into one list per language (、 in Chinese, commas in English). */
function joinBoth(items: Bilingual[]): Bilingual {
  const list = (lang: Lang): string => items.map((l) => l[lang]).join(text(lang, 'cli.list-separator'));
  return { 'zh-CN': list('zh-CN'), 'en-US': list('en-US') };
}

function splitList(s: string | undefined): string[] | undefined {
  if (s === undefined) return undefined;
  const items = s
    .split(/[,，、;；]/)
    .map((x) => x.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

/** Whether two paths name the same file: same resolved path, or the same file on disk (links, case). */
function sameFile(a: string, b: string): boolean {
  if (path.resolve(a) === path.resolve(b)) return true;
  try {
    const x = fs.statSync(a);
    const y = fs.statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Runs the summary CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], io: SummaryIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }): Promise<number> {
  const program = new Command()
    .name('indicator-summary')
    .description(`${text('zh-CN', 'cli.product')} — ${helpText('cli.help.summary')}`)
    .argument('[file]', helpText('cli.help.summary.file'))
    .option('--out <path>', helpText('cli.help.summary.out'))
    .option('--template <name>', `${text('en-US', 'cli.help.summary.template')} (${text('zh-CN', 'cli.help.summary.template')})`, 'compare')
    .option('--years <list>', helpText('cli.help.summary.years'))
    .option('--indicators <list>', helpText('cli.help.summary.indicators'))
    .option('--entity <name>', helpText('cli.help.summary.entity'))
    .option('--sheet <name>', helpText('cli.help.summary.sheet'))
    .option('--sheet-name <name>', helpText('cli.help.summary.sheet-name'))
    .option('--lang <lang>', 'zh-CN | en-US', 'zh-CN')
    .option('--allow-loss', helpText('cli.help.summary.allow-loss'))
    .exitOverride()
    .configureOutput(quietErrors(io.stdout, io.stderr));
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    return reportUsageError(e, io.stderr, 'npm run summary --');
  }
  const opts = program.opts<{ out?: string; template: string; years?: string; indicators?: string; entity?: string; sheet?: string; sheetName?: string; lang: string; allowLoss?: boolean }>();
  const file = program.args[0];

  if (!LANGS.includes(opts.lang as Lang)) {
    return usage(io, message('cli.lang.unsupported', { lang: opts.lang }));
  }
  const lang = opts.lang as Lang;
  if (!TEMPLATE_IDS.includes(opts.template as TemplateId)) {
    return usage(io, message('cli.summary.unknown-template', { template: opts.template }));
  }
  const template = opts.template as TemplateId;
  if (!file) return usage(io, message('cli.summary.no-file'));
  if (!opts.out) return usage(io, message('cli.summary.no-out'));
  const out = opts.out;
  if (!/\.xlsx$/i.test(out)) {
    return usage(io, message('cli.out.not-xlsx', { out }));
  }
  if (sameFile(file, out)) {
    return usage(io, message('cli.summary.same-file', { out }));
  }
  const years = splitList(opts.years);
  for (const y of years ?? []) {
    if (parseYear(y) === undefined) {
      return usage(io, message('cli.summary.not-a-year', { year: y }));
    }
  }

  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    io.stderr(`${openError(file, e)[lang]}\n`);
    return 2;
  }
  const name = path.basename(file);
  // ExcelJS re-saves the whole workbook: refuse rather than silently drop what it cannot keep.
  const lost = await partsLostOnCopy(bytes);
  const lostList = joinBoth(lost);
  if (lost.length > 0 && !opts.allowLoss) {
    io.stderr(bothLanguages(message('cli.summary.would-lose', { name, lost: lostList, out })));
    return 2;
  }
  // An .xls, .et or .csv input: the copy is a new .xlsx built from what was read (values, number
  // formats, sheets), since ExcelJS writes only .xlsx; its other formatting is not carried over.
  const kind = workbookKind(bytes, name);
  let spec;
  let workbook;
  try {
    workbook = kind === 'xlsx' ? (await loadWorkbook(bytes, name)).workbook : workbookFromSnapshot(readLegacy(bytes, name, kind));
    const snapshot = { name, sheets: workbook.worksheets.map(gridFromWorksheet) };
    spec = buildSummary(template, summaryInput(snapshot), {
      lang,
      now: io.now ? io.now() : new Date(),
      years,
      indicators: splitList(opts.indicators),
      entity: opts.entity,
      sheet: opts.sheet,
    });
  } catch (e) {
    if (e instanceof ReportError) return usage(io, e.bilingual);
    if (e instanceof WorkbookReadError) {
      io.stderr(`${e.bilingual[lang]}\n`);
      return 2;
    }
    throw e;
  }
  for (const ws of workbook.worksheets) preserveOnSave(ws);
  const written = addSummarySheet(workbook, spec, opts.sheetName);
  try {
    const buffer = await workbook.xlsx.writeBuffer();
    // Never half a copy: a temporary file beside it, then a rename; missing folders are made.
    writeFileAtomic(out, new Uint8Array(buffer as ArrayBuffer));
  } catch (e) {
    io.stderr(bothLanguages(writeError(out, e)));
    return 2;
  }
  if (lost.length > 0) {
    io.stderr(bothLanguages(message('cli.summary.lost-warning', { out, lost: lostList })));
  }
  io.stdout(renderTableText(spec));
  const kept =
    kind !== 'xlsx'
      ? message('cli.summary.kept.converted', { name, format: FORMAT_NAMES[kind] })
      : lost.length > 0
        ? message('cli.summary.kept.lost', { lost: lostList })
        : message('cli.summary.kept.unchanged');
  io.stderr(`${text(lang, 'cli.summary.written', { out, sheet: written.worksheet.name, table: written.tableName, range: written.tableRange, kept })}\n`);
  return 0;
}

if (require.main === module) runMain(main);
