// The batch report workbook (the CLI's `--format xlsx --out report.xlsx`, the web checker's
// download): a findings sheet as an Excel table with links to the source cells, and a summary
// sheet with counts per file and severity. No Node or DOM: the caller says where the files are.
//
// A link is a HYPERLINK formula with its result cached, `=HYPERLINK("../a b/乐山.xlsx#'指标'!E3","E3")`,
// not a cell hyperlink: ExcelJS 4.4 cannot write a hyperlink's relationship target (the file) and
// its location (the cell) apart, and writes `file#'Sheet'!A1` as both. Excel and LibreOffice both
// resolve the formula's relative path from the report's folder and jump to the cell after `#`.
import type ExcelJS from 'exceljs';
import { Workbook } from '../hosts/xlsx/exceljs';
import { text, type SectionKey } from '../core/i18n';
import type { Finding, Lang } from '../core/types';
import { formatNumber } from '../core/numerals';
import { cellAddress, firstCellOf, quoteSheetName } from '../hosts/excel/a1';
import { counts, type FileResult } from './results';
import { RESULT_SHEET } from '../core/sheet-names';

/**
 * How the report names each checked file and links to it: `name` for the 文件 column, `link`
 * the path the HYPERLINK formulas open, relative to where the report will be (`/`-separated).
 */
export interface FilePlaces {
  name(file: string): string;
  link(file: string): string;
}

/** The findings table's columns. 说明 is the clerk's sentence; 详情, last, the technical part (rule and expression, statistics). */
const COLUMNS: Array<SectionKey<'cli.workbook.column'>> = ['file', 'sheet', 'cell', 'entity', 'period', 'severity', 'rule', 'message', 'values', 'details'];

/** The summary table's columns. */
const SUMMARY_COLUMNS: Array<SectionKey<'cli.workbook.summary'>> = ['file', 'errors', 'warnings', 'info', 'status'];

/** Excel's limit on a text literal in a formula, and on HYPERLINK's link location. */
const MAX_LINK = 255;

/** Excel's colour and underline of a followed-or-not hyperlink (the Hyperlink cell style). */
const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };

/**
 * The formula (without `=`) that opens `file` (relative to the report, `/`-separated) at
 * `sheet!address`; undefined when Excel could not hold it (a link location over 255 characters).
 * The sheet name is quoted as in a formula ('' for '); `"` is doubled inside the string literal;
 * `#` in the path is percent-encoded, as the part after the first `#` is the location.
 */
export function fileLinkFormula(file: string, sheet: string, address: string): string | undefined {
  const pos = firstCellOf(address);
  const cell = pos ? cellAddress(pos.row, pos.col) : address;
  const target = `${file.replace(/#/g, '%23')}#${quoteSheetName(sheet)}!${cell}`;
  if (target.length > MAX_LINK || address.length > MAX_LINK) return undefined;
  const lit = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  return `HYPERLINK(${lit(target)},${lit(address)})`;
}

/** Where a finding of a report text is: its line, as plain text (`L19` → 第19行 / line 19). */
function textLocation(address: string, lang: Lang): string {
  const m = /^L(\d+)$/.exec(address);
  if (!m) return address;
  return text(lang, 'cli.location.line', { line: m[1] });
}

/** The 单元格 column: a link into the workbook, or plain text for a line or a table cell of a report. */
function locationCell(x: Finding, rel: string, lang: Lang): ExcelJS.CellValue {
  const c = x.cells[0];
  if (!c) return '';
  // `L19` of a report text is line 19, not the cell L19: no link, which would open the .txt.
  if (x.ruleId.startsWith('text.') || /\.txt$/i.test(rel)) return textLocation(c.address, lang);
  // A cell of a Word table (`报告.docx 表1`!B3): Excel cannot open a .docx at a cell, so plain text.
  if (/\.(docx|pdf)$/i.test(rel)) return /^L\d+$/.test(c.address) ? textLocation(c.address, lang) : `${quoteSheetName(c.sheet)}!${c.address}`;
  const formula = fileLinkFormula(rel, c.sheet, c.address);
  return formula ? { formula, result: c.address } : `${quoteSheetName(c.sheet)}!${c.address}`;
}

/** Builds the report workbook; `places` names the files and makes the hyperlinks relative to the report. */
export function reportWorkbook(files: FileResult[], lang: Lang, places: FilePlaces): ExcelJS.Workbook {
  const wb = new Workbook();
  wb.creator = `${text('zh-CN', 'cli.product')} ${text('en-US', 'cli.product')}`;
  const findings = wb.addWorksheet(lang === 'zh-CN' ? RESULT_SHEET : 'Findings');
  const rows: ExcelJS.CellValue[][] = [];
  const severity = (s: Finding['severity']): string => text(lang, `cli.severity.${s}`);
  // Joins the values of a finding: a separator that cannot be read as part of `728,588`.
  const valueSeparator = text(lang, 'cli.workbook.values-separator');
  const head = COLUMNS.map((c) => text(lang, `cli.workbook.column.${c}`));
  for (const f of files) {
    const rel = places.link(f.file);
    if (f.error) {
      rows.push([places.name(f.file), '', '', '', '', severity('error'), 'file.unreadable', f.error[lang], '', '']);
      continue;
    }
    for (const x of f.result?.findings ?? []) {
      const c = x.cells[0];
      const values = (x.values ?? []).map((v) => (v === null ? '' : typeof v === 'number' ? formatNumber(v) : v)).join(valueSeparator);
      rows.push([
        places.name(f.file),
        c?.sheet ?? '',
        locationCell(x, rel, lang),
        x.entity ?? '',
        x.period ?? '',
        severity(x.severity),
        x.ruleId,
        x.message[lang],
        values,
        x.details?.[lang] ?? '',
      ]);
    }
  }
  findings.addTable({
    name: 'Findings',
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: head.map((name) => ({ name, filterButton: true })),
    rows: rows.length > 0 ? rows : [head.map(() => '')],
  });
  rows.forEach((row, i) => {
    const v = row[2];
    if (v && typeof v === 'object' && 'formula' in v) findings.getCell(i + 2, 3).font = LINK_FONT;
  });
  [22, 14, 9, 14, 8, 8, 18, 80, 24, 60].forEach((w, i) => (findings.getColumn(i + 1).width = w));
  findings.views = [{ state: 'frozen', ySplit: 1 }];

  const summary = wb.addWorksheet(text(lang, 'cli.workbook.summary-sheet'));
  const sumHead = SUMMARY_COLUMNS.map((c) => text(lang, `cli.workbook.summary.${c}`));
  const sumRows = files.map((f) => {
    if (f.error) return [places.name(f.file), 0, 0, 0, f.error[lang]];
    const c = counts(f.result?.findings ?? []);
    return [places.name(f.file), c.error, c.warning, c.info, text(lang, 'cli.workbook.checked')];
  });
  summary.addTable({
    name: 'Summary',
    ref: 'A1',
    headerRow: true,
    totalsRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: sumHead.map((name, i) => (i >= 1 && i <= 3 ? { name, totalsRowFunction: 'sum' as const } : { name, totalsRowLabel: i === 0 ? text(lang, 'cli.workbook.total') : undefined })),
    rows: sumRows,
  });
  summary.getColumn(1).width = 36;
  summary.getColumn(5).width = 40;
  return wb;
}
