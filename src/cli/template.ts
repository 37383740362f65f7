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
import type { Bilingual, Lang } from '../core/types';
import { writeStandardForm } from '../hosts/xlsx/write-standard-form';
import { writeError, writeFileAtomic } from './files';
import { quietErrors, reportUsageError } from './usage-error';
import { runMain } from './run-main';

export interface TemplateIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The clock for the default years; the system clock when absent. */
  now?: () => Date;
}

const LANGS: Lang[] = ['zh-CN', 'en-US'];
const USAGE = '用法 / usage: npm run template -- --out 指标表.xlsx [--years 2022,2023,2024] [--bureau 某某区卫生健康局] [--lang zh-CN|en-US] [--force]\n';

/** A usage error: both languages, whatever --lang says (it may be the wrong option itself). */
function usage(io: TemplateIO, m: Bilingual): number {
  io.stderr(`${m['zh-CN']}\n${m['en-US']}\n`);
  io.stderr(USAGE);
  return 2;
}

/** The form as .xlsx bytes: 指标表 first (the sheet Excel opens on), then 校验规则. */
export async function standardFormBytes(spec: StandardFormSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '指标校验';
  writeStandardForm(workbook, spec);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Runs the template CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], io: TemplateIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }): Promise<number> {
  const program = new Command()
    .name('indicator-template')
    .description('指标校验 — writes the standard indicator form to fill in / 生成可填写的标准指标表')
    .option('--out <path>', 'the workbook to write (.xlsx) / 输出的工作簿（.xlsx）')
    .option('--years <list>', 'years of the value columns, e.g. 2022,2023,2024 (default: the three years before this one) / 年份（默认为今年之前的三年）')
    .option('--bureau <name>', 'the reporting bureau, e.g. 某某区卫生健康局 / 填报单位')
    .option('--lang <lang>', 'language of the messages: zh-CN | en-US (the form itself is in Chinese) / 提示信息的语言（表格内容为中文）', 'zh-CN')
    .option('--force', 'overwrite the output file if it exists / 覆盖已存在的输出文件')
    .exitOverride()
    .configureOutput(quietErrors(io.stdout, io.stderr));
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    return reportUsageError(e, io.stderr, 'npm run template --');
  }
  const opts = program.opts<{ out?: string; years?: string; bureau?: string; lang: string; force?: boolean }>();
  if (program.args.length > 0) {
    return usage(io, { 'zh-CN': `多余的参数“${program.args[0]}”：输出文件请用 --out 指定。`, 'en-US': `Unexpected argument "${program.args[0]}": name the output file with --out.` });
  }
  if (!LANGS.includes(opts.lang as Lang)) {
    return usage(io, { 'zh-CN': `不支持的语言“${opts.lang}”，可用：zh-CN、en-US。`, 'en-US': `Unsupported language "${opts.lang}"; use zh-CN or en-US.` });
  }
  const lang = opts.lang as Lang;
  if (!opts.out) return usage(io, { 'zh-CN': '请用 --out 指定要写入的工作簿（.xlsx）。', 'en-US': 'Name the workbook to write with --out (.xlsx).' });
  const out = opts.out;
  if (!/\.xlsx$/i.test(out)) return usage(io, { 'zh-CN': `输出文件“${out}”应以 .xlsx 结尾。`, 'en-US': `The output "${out}" must end in .xlsx.` });

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
    return usage(io, { 'zh-CN': `“${out}”是一个文件夹，请在 --out 中给出文件名（如 ${path.join(out, '指标表.xlsx')}）。`, 'en-US': `"${out}" is a folder; give a file name with --out (e.g. ${path.join(out, '指标表.xlsx')}).` });
  }
  // Both languages: refusing to write is the one message a user must not miss.
  const refuse = (): number => {
    io.stderr(
      `文件“${out}”已存在，未写入（不会覆盖已有文件）。如确需覆盖，请加 --force 重新运行；或用 --out 另选文件名。\n` +
        `The file "${out}" already exists and was not written (existing files are never overwritten). Run again with --force to overwrite it, or choose another --out.\n`,
    );
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
    const m = writeError(out, e);
    io.stderr(`${m['zh-CN']}\n${m['en-US']}\n`);
    return 2;
  }
  const what = describeForm(spec)[lang];
  io.stderr(
    lang === 'zh-CN'
      ? `已写入 ${out}：工作表“${spec.sheetName}”（${what}，已设数据验证、冻结表头）和“${spec.rulesSheet.name}”（${spec.rulesSheet.rows.length - 1} 条示例规则）。填好后运行 npm run check -- ${out} 校验。\n`
      : `Wrote ${out}: sheet "${spec.sheetName}" (${what}; data validation set, header frozen) and "${spec.rulesSheet.name}" (${spec.rulesSheet.rows.length - 1} example rules). Fill it in, then run npm run check -- ${out}.\n`,
  );
  return 0;
}

if (require.main === module) runMain(main);
