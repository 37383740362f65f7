#!/usr/bin/env node
// indicator-template: writes the standard indicator form (标准指标表) as a new workbook users fill in.
//   npm run template -- --out 指标表.xlsx [--years 2022,2023,2024] [--bureau 某某区卫生健康局]
//                       [--lang zh-CN|en-US] [--force]
// The workbook has the sheet 指标表 (see core/report/standard-form.ts) and a 校验规则 sheet with
// example rules. An existing file is never overwritten without --force; a missing output folder
// is created. Exit codes: 0 written; 2 usage error (bilingual message) or a file that cannot be written.
import { Command } from 'commander';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { defaultFormYears, describeForm, standardForm, StandardFormError, type StandardFormSpec } from '../core/report/standard-form';
import { message, text } from '../core/i18n';
import type { Bilingual, Lang } from '../core/types';
import { writeStandardForm } from '../hosts/xlsx/write-standard-form';
import { bothLanguages, writeError, writeFileAtomic } from './files';
import { helpText, quietErrors, reportUsageError, usageLine } from './usage-error';
import { runMain } from './run-main';

export interface TemplateIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The clock for the default years; the system clock when absent. */
  now?: () => Date;
}

const LANGS: Lang[] = ['zh-CN', 'en-US'];
/** The file name the usage line and the folder error suggest: the form's own sheet name. */
const EXAMPLE_FILE = '指标表.xlsx';
const USAGE = usageLine(`npm run template -- --out ${EXAMPLE_FILE} [--years 2022,2023,2024] [--bureau 某某区卫生健康局] [--lang zh-CN|en-US] [--force]`);

/** A usage error: both languages, whatever --lang says (it may be the wrong option itself). */
function usage(io: TemplateIO, m: Bilingual): number {
  io.stderr(`${m['zh-CN']}\n${m['en-US']}\n`);
  io.stderr(USAGE);
  return 2;
}

/** The form as .xlsx bytes: 指标表 first (the sheet Excel opens on), then 校验规则. */
export async function standardFormBytes(spec: StandardFormSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = text('zh-CN', 'cli.product');
  writeStandardForm(workbook, spec);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Runs the template CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], io: TemplateIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }): Promise<number> {
  const program = new Command()
    .name('indicator-template')
    .description(`${text('zh-CN', 'cli.product')} — ${helpText('cli.help.template')}`)
    .option('--out <path>', helpText('cli.help.template.out'))
    .option('--years <list>', helpText('cli.help.template.years'))
    .option('--bureau <name>', helpText('cli.help.template.bureau'))
    .option('--lang <lang>', helpText('cli.help.template.lang'), 'zh-CN')
    .option('--force', helpText('cli.help.template.force'))
    .exitOverride()
    .configureOutput(quietErrors(io.stdout, io.stderr));
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    return reportUsageError(e, io.stderr, 'npm run template --');
  }
  const opts = program.opts<{ out?: string; years?: string; bureau?: string; lang: string; force?: boolean }>();
  if (program.args.length > 0) {
    return usage(io, message('cli.template.extra-argument', { argument: program.args[0] }));
  }
  if (!LANGS.includes(opts.lang as Lang)) {
    return usage(io, message('cli.lang.unsupported', { lang: opts.lang }));
  }
  const lang = opts.lang as Lang;
  if (!opts.out) return usage(io, message('cli.template.no-out'));
  const out = opts.out;
  if (!/\.xlsx$/i.test(out)) return usage(io, message('cli.out.not-xlsx', { out }));

  let spec: StandardFormSpec;
  try {
    spec = standardForm({ years: opts.years ?? defaultFormYears(io.now ? io.now() : new Date()), bureau: opts.bureau });
  } catch (e) {
    if (e instanceof StandardFormError) return usage(io, e.bilingual);
    throw e;
  }

  let exists: fs.Stats | undefined;
  try {
    exists = fs.statSync(out);
  } catch {
    exists = undefined;
  }
  if (exists?.isDirectory()) {
    return usage(io, message('cli.template.out-is-folder', { out, example: path.join(out, EXAMPLE_FILE) }));
  }
  // Both languages: refusing to write is the one message a user must not miss.
  const refuse = (): number => {
    io.stderr(bothLanguages(message('cli.template.exists', { out })));
    return 2;
  };
  if (exists && !opts.force) return refuse();

  try {
    const bytes = await standardFormBytes(spec);
    // A temporary file beside it, then into place (missing folders are made); without --force
    // an existing file is never replaced, even one that appeared meanwhile (EEXIST).
    writeFileAtomic(out, bytes, { overwrite: !!opts.force });
  } catch (e) {
    if ((e as NodeJS.ErrnoException | undefined)?.code === 'EEXIST') return refuse();
    io.stderr(bothLanguages(writeError(out, e)));
    return 2;
  }
  const written = { out, sheet: spec.sheetName, form: describeForm(spec), rulesSheet: spec.rulesSheet.name, count: spec.rulesSheet.rows.length - 1 };
  io.stderr(`${text(lang, 'cli.template.written', written)}\n`);
  return 0;
}

if (require.main === module) runMain(main);
