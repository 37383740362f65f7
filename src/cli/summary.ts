#!/usr/bin/env node
// indicator-summary: writes a copy of a workbook with a standard summary table (汇总表) added.
//   npm run summary -- FILE --out OUT.xlsx [--template compare|composition|districts]
//                      [--years 2022,2023] [--indicators a,b] [--entity 地区] [--sheet 工作表]
//                      [--lang zh-CN|en-US]
// Exit codes: 0 written; 2 usage error (bilingual message), unreadable input or unwritable output.
import { Command } from 'commander';
import * as fs from 'fs';
import * as path from 'path';
import { buildSummary, renderTableText, ReportError, summaryInput, type TemplateId } from '../core/report';
import { parseYear } from '../core/names';
import type { Bilingual, Lang } from '../core/types';
import { WorkbookReadError } from '../hosts/xlsx/errors';
import { gridFromWorksheet, loadWorkbook } from '../hosts/xlsx/read-xlsx';
import { addSummarySheet, preserveOnSave } from '../hosts/xlsx/write-table';
import { quietErrors, reportUsageError } from './usage-error';

export interface SummaryIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** The clock for 生成时间; the system clock when absent. */
  now?: () => Date;
}

const TEMPLATE_IDS: TemplateId[] = ['compare', 'composition', 'districts'];
const LANGS: Lang[] = ['zh-CN', 'en-US'];

/** A usage error: both languages, whatever --lang says (it may be the wrong option itself). */
function usage(io: SummaryIO, m: Bilingual): number {
  io.stderr(`${m['zh-CN']}\n${m['en-US']}\n`);
  io.stderr('用法 / usage: npm run summary -- FILE --out OUT.xlsx [--template compare|composition|districts] [--years 2022,2023] [--indicators a,b] [--lang zh-CN|en-US]\n');
  return 2;
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

function openError(file: string, e: unknown): Bilingual {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? { zh: '文件不存在', en: 'no such file' } : code === 'EISDIR' ? { zh: '这是一个文件夹', en: 'it is a folder' } : { zh: String(code ?? e), en: String(code ?? e) };
  return { 'zh-CN': `无法打开“${file}”：${why.zh}。`, 'en-US': `Cannot open "${file}": ${why.en}.` };
}

/** Runs the summary CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], io: SummaryIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }): Promise<number> {
  const program = new Command()
    .name('indicator-summary')
    .description('指标校验 — adds a summary table (汇总表) to a copy of a workbook / 在工作簿副本中加入汇总表')
    .argument('[file]', 'the workbook (.xlsx) / 工作簿')
    .option('--out <path>', 'the copy to write (.xlsx, not the input) / 输出的副本（.xlsx，不能是原文件）')
    .option('--template <name>', 'compare | composition | districts (年度对比表 | 构成表 | 地区对比表)', 'compare')
    .option('--years <list>', 'years, e.g. 2021,2022 / 年份')
    .option('--indicators <list>', 'indicators by name / 指标名称')
    .option('--entity <name>', 'the region, for long tables / 地区（长表）')
    .option('--sheet <name>', 'the indicator sheet to read / 读取的指标表')
    .option('--sheet-name <name>', 'name of the new sheet / 新工作表名称')
    .option('--lang <lang>', 'zh-CN | en-US', 'zh-CN')
    .exitOverride()
    .configureOutput(quietErrors(io.stdout, io.stderr));
  try {
    program.parse(argv, { from: 'user' });
  } catch (e) {
    return reportUsageError(e, io.stderr, 'npm run summary --');
  }
  const opts = program.opts<{ out?: string; template: string; years?: string; indicators?: string; entity?: string; sheet?: string; sheetName?: string; lang: string }>();
  const file = program.args[0];

  if (!LANGS.includes(opts.lang as Lang)) {
    return usage(io, { 'zh-CN': `不支持的语言“${opts.lang}”，可用：zh-CN、en-US。`, 'en-US': `Unsupported language "${opts.lang}"; use zh-CN or en-US.` });
  }
  const lang = opts.lang as Lang;
  if (!TEMPLATE_IDS.includes(opts.template as TemplateId)) {
    return usage(io, {
      'zh-CN': `未知的模板“${opts.template}”，可用：compare（年度指标对比表）、composition（构成表）、districts（地区对比表）。`,
      'en-US': `Unknown template "${opts.template}"; use compare, composition or districts.`,
    });
  }
  const template = opts.template as TemplateId;
  if (!file) return usage(io, { 'zh-CN': '请指定要汇总的工作簿。', 'en-US': 'Name the workbook to summarise.' });
  if (!opts.out) return usage(io, { 'zh-CN': '请用 --out 指定输出的副本（.xlsx）。', 'en-US': 'Name the copy to write with --out (.xlsx).' });
  const out = opts.out;
  if (!/\.xlsx$/i.test(out)) {
    return usage(io, { 'zh-CN': `输出文件“${out}”应以 .xlsx 结尾。`, 'en-US': `The output "${out}" must end in .xlsx.` });
  }
  if (sameFile(file, out)) {
    return usage(io, {
      'zh-CN': `输出文件与输入文件相同（${out}）：不会覆盖原工作簿，请另选 --out。`,
      'en-US': `The output is the input file (${out}): the original workbook is never overwritten; choose another --out.`,
    });
  }
  const years = splitList(opts.years);
  for (const y of years ?? []) {
    if (parseYear(y) === undefined) {
      return usage(io, { 'zh-CN': `无法识别的年份“${y}”（例如 2022 或 2022年）。`, 'en-US': `"${y}" is not a year (e.g. 2022).` });
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
  let spec;
  let workbook;
  try {
    workbook = await loadWorkbook(bytes, name);
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
    fs.writeFileSync(out, new Uint8Array(buffer as ArrayBuffer));
  } catch (e) {
    io.stderr(lang === 'zh-CN' ? `无法写入“${out}”：${(e as Error).message}\n` : `Cannot write "${out}": ${(e as Error).message}\n`);
    return 2;
  }
  io.stdout(renderTableText(spec));
  io.stderr(
    lang === 'zh-CN'
      ? `已写入 ${out}：新工作表“${written.worksheet.name}”（表格 ${written.tableName}，${written.tableRange}），原有工作表未改动。\n`
      : `Wrote ${out}: new sheet "${written.worksheet.name}" (table ${written.tableName}, ${written.tableRange}); the original sheets are unchanged.\n`,
  );
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`指标校验内部错误 / internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
