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
import { parseYear } from '../core/names';
import type { Bilingual, Lang } from '../core/types';
import { WorkbookReadError } from '../hosts/xlsx/errors';
import { gridFromWorksheet, loadWorkbook } from '../hosts/xlsx/read-xlsx';
import { readLegacy, workbookKind, type LegacyFormat } from '../hosts/xlsx/read-legacy';
import { workbookFromSnapshot } from '../hosts/xlsx/snapshot-workbook';
import { addSummarySheet, preserveOnSave } from '../hosts/xlsx/write-table';
import { bothLanguages, openError, writeError, writeFileAtomic } from './files';
import { quietErrors, reportUsageError } from './usage-error';
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
  io.stderr('用法 / usage: npm run summary -- FILE --out OUT.xlsx [--template compare|composition|districts] [--years 2022,2023] [--indicators a,b] [--lang zh-CN|en-US] [--allow-loss]\n');
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

/** Runs the summary CLI; returns the exit code instead of exiting, so tests can call it. */
export async function main(argv: string[], io: SummaryIO = { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }): Promise<number> {
  const program = new Command()
    .name('indicator-summary')
    .description('指标校验 — adds a summary table (汇总表) to a copy of a workbook / 在工作簿副本中加入汇总表')
    .argument('[file]', 'the workbook (.xlsx, .xls, .et or .csv; the copy is .xlsx) / 工作簿（.xlsx、.xls、.et 或 .csv；副本为 .xlsx）')
    .option('--out <path>', 'the copy to write (.xlsx, not the input) / 输出的副本（.xlsx，不能是原文件）')
    .option('--template <name>', 'compare | composition | districts (年度对比表 | 构成表 | 地区对比表)', 'compare')
    .option('--years <list>', 'years, e.g. 2021,2022 / 年份')
    .option('--indicators <list>', 'indicators by name / 指标名称')
    .option('--entity <name>', 'the region, for long tables / 地区（长表）')
    .option('--sheet <name>', 'the indicator sheet to read / 读取的指标表')
    .option('--sheet-name <name>', 'name of the new sheet / 新工作表名称')
    .option('--lang <lang>', 'zh-CN | en-US', 'zh-CN')
    .option('--allow-loss', 'write the copy even if it loses charts, pivot tables, macros… / 即使副本会丢失图表、数据透视表、宏等也写出')
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
  // ExcelJS re-saves the whole workbook: refuse rather than silently drop what it cannot keep.
  const lost = await partsLostOnCopy(bytes);
  const lostZh = lost.map((l) => l['zh-CN']).join('、');
  const lostEn = lost.map((l) => l['en-US']).join(', ');
  if (lost.length > 0 && !opts.allowLoss) {
    io.stderr(
      `“${name}”含有${lostZh}，写出的副本会丢失这些内容，因此没有写入 ${out}。` +
        `请在 Excel 中用“指标校验”加载项的“汇总表”选项卡把表格插入工作簿（其余内容不受影响）；如接受副本缺少这些内容，请加 --allow-loss 重新运行。\n` +
        `"${name}" holds ${lostEn}, which the copy would lose, so ${out} was not written. ` +
        `Insert the table with the 汇总表 (Summary) tab of the 指标校验 add-in in Excel instead (nothing else is touched), or run again with --allow-loss to accept a copy without them.\n`,
    );
    return 2;
  }
  // An .xls, .et or .csv input: the copy is a new .xlsx built from what was read (values, number
  // formats, sheets), since ExcelJS writes only .xlsx; its other formatting is not carried over.
  const kind = workbookKind(bytes, name);
  let spec;
  let workbook;
  try {
    workbook = kind === 'xlsx' ? await loadWorkbook(bytes, name) : workbookFromSnapshot(readLegacy(bytes, name, kind));
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
    io.stderr(`警告：--allow-loss：副本 ${out} 缺少原工作簿中的${lostZh}（原文件未改动）。\nWarning: --allow-loss: the copy ${out} lacks the ${lostEn} of the original workbook (the original file is unchanged).\n`);
  }
  io.stdout(renderTableText(spec));
  const kept =
    kind !== 'xlsx'
      ? {
          zh: `原有工作表的数值和数字格式取自“${name}”（${FORMAT_NAMES[kind]}），其字体、颜色、边框、列宽、合并单元格等格式以及图表、宏等对象未带入副本；原文件未改动`,
          en: `the original sheets' values and number formats come from "${name}" (${FORMAT_NAMES[kind]}); its fonts, colours, borders, column widths, merged cells, charts, macros and other objects are not in the copy; the original file is unchanged`,
        }
      : lost.length > 0
        ? { zh: `原有工作表的数据和格式未改动，但缺少${lostZh}`, en: `the original sheets keep their values and formats, but it lacks the ${lostEn}` }
        : { zh: '原有工作表未改动', en: 'the original sheets are unchanged' };
  io.stderr(
    lang === 'zh-CN'
      ? `已写入 ${out}：新工作表“${written.worksheet.name}”（表格 ${written.tableName}，${written.tableRange}），${kept.zh}。\n`
      : `Wrote ${out}: new sheet "${written.worksheet.name}" (table ${written.tableName}, ${written.tableRange}); ${kept.en}.\n`,
  );
  return 0;
}

if (require.main === module) runMain(main);
