// The CLI's report workbook (`--format xlsx --out report.xlsx`): a findings sheet as an Excel
// table with hyperlinks to the source cells, and a summary sheet with counts per file and severity.
import ExcelJS from 'exceljs';
import * as path from 'path';
import type { Lang } from '../core/types';
import { formatNumber } from '../core/values';
import { counts, type FileResult } from './report';

const SEVERITY: Record<Lang, Record<string, string>> = {
  'zh-CN': { error: '错误', warning: '警告', info: '提示' },
  'en-US': { error: 'error', warning: 'warning', info: 'info' },
};

const HEAD: Record<Lang, string[]> = {
  'zh-CN': ['文件', '工作表', '单元格', '地区', '期间', '级别', '规则', '说明', '数值'],
  'en-US': ['File', 'Sheet', 'Cell', 'Entity', 'Period', 'Severity', 'Rule', 'Message', 'Values'],
};

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Builds the report workbook; `outPath` makes the hyperlinks relative to where it is saved. */
export function buildXlsxReport(files: FileResult[], lang: Lang, outPath: string): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '指标校验 Indicator Checker';
  const findings = wb.addWorksheet(lang === 'zh-CN' ? '校验结果' : 'Findings');
  const rows: ExcelJS.CellValue[][] = [];
  const outDir = path.dirname(path.resolve(outPath));
  for (const f of files) {
    const rel = path.relative(outDir, path.resolve(f.file)).split(path.sep).join('/');
    if (f.error) {
      rows.push([path.basename(f.file), '', '', '', '', SEVERITY[lang].error, 'file.unreadable', f.error[lang], '']);
      continue;
    }
    for (const x of f.result?.findings ?? []) {
      const c = x.cells[0];
      const link: ExcelJS.CellValue = c ? { text: c.address, hyperlink: `${rel}#${quoteSheet(c.sheet)}!${c.address}` } : '';
      const values = (x.values ?? []).map((v) => (v === null ? '' : typeof v === 'number' ? formatNumber(v) : v)).join(', ');
      rows.push([path.basename(f.file), c?.sheet ?? '', link, x.entity ?? '', x.period ?? '', SEVERITY[lang][x.severity], x.ruleId, x.message[lang], values]);
    }
  }
  findings.addTable({
    name: 'Findings',
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: HEAD[lang].map((name) => ({ name, filterButton: true })),
    rows: rows.length > 0 ? rows : [HEAD[lang].map(() => '')],
  });
  [22, 14, 9, 14, 8, 8, 18, 80, 24].forEach((w, i) => (findings.getColumn(i + 1).width = w));
  findings.views = [{ state: 'frozen', ySplit: 1 }];

  const summary = wb.addWorksheet(lang === 'zh-CN' ? '汇总' : 'Summary');
  const sumHead = lang === 'zh-CN' ? ['文件', '错误', '警告', '提示', '状态'] : ['File', 'Errors', 'Warnings', 'Info', 'Status'];
  const sumRows = files.map((f) => {
    if (f.error) return [path.basename(f.file), 0, 0, 0, f.error[lang]];
    const c = counts(f.result?.findings ?? []);
    return [path.basename(f.file), c.error, c.warning, c.info, lang === 'zh-CN' ? '已校验' : 'checked'];
  });
  summary.addTable({
    name: 'Summary',
    ref: 'A1',
    headerRow: true,
    totalsRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: sumHead.map((name, i) => (i >= 1 && i <= 3 ? { name, totalsRowFunction: 'sum' as const } : { name, totalsRowLabel: i === 0 ? (lang === 'zh-CN' ? '合计' : 'Total') : undefined })),
    rows: sumRows,
  });
  summary.getColumn(1).width = 36;
  summary.getColumn(5).width = 40;
  return wb;
}
