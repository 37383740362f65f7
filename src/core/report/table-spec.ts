// The host-neutral description of a summary table (汇总表). Templates build it from the engine's
// model and findings; each host writes it (ExcelJS: hosts/xlsx/write-table.ts; Office.js: the
// Excel host) and the task pane previews it. Pure TypeScript: no Office, DOM or Node APIs.
import { BilingualError } from '../errors';
import type { Bilingual, Lang } from '../types';
import { formatNumber } from '../numerals';

export type CellFormat = 'integer' | 'number' | 'percent' | 'text' | 'money';
export type CellStatus = 'ok' | 'warning' | 'error';
export type TemplateId = 'compare' | 'composition' | 'districts';

export interface TableCell {
  /**
   * Numbers in base units: 元 for money, fractions for percents (0.082 is 8.2 %, a percentage-point
   * change of 0.007 is 0.7 个百分点). null: no value, shown as {@link MISSING} — never 0.
   * A string is shown as written (approximate figures keep their text: `700余`).
   */
  value: number | string | null;
  format: CellFormat;
  /** Decimals shown; defaults: integer 0, money 0, percent 1, number 2. */
  decimals?: number;
  /** A change: shown with its sign (+8, -3.1%). */
  signed?: boolean;
  /** Colours the cell (the 状态 column, and values with findings). */
  status?: CellStatus;
  /** Overrides the alignment (approximate figures are text but line up with the numbers). */
  align?: 'left' | 'right' | 'center';
}

export interface ChartHint {
  type: 'line' | 'column';
  /** Body column that names the categories (0-based). */
  categoryColumn: number;
  /** Body columns plotted, one series each (0-based). */
  seriesColumns: number[];
  /** Body rows plotted (0-based); all when absent. */
  rows?: number[];
  title: string;
}

export interface TableSpec {
  template: TemplateId;
  lang: Lang;
  title: string;
  /** The units line under the title. */
  subtitle: string;
  /**
   * Header rows. The LAST row names the columns: unique, non-empty, it becomes the Excel table's
   * header. Earlier rows (rarely used) are group headings written above the table; a null cell
   * continues the heading on its left (merged).
   */
  header: Array<Array<string | null>>;
  body: TableCell[][];
  /** Column widths in characters (a CJK character counts 2). */
  widths: number[];
  /** Lines written under the table, before the source line. */
  notes: string[];
  /** 来源工作表 … 生成时间 …, from the caller's clock. */
  source: string;
  sourceSheets: string[];
  chart?: ChartHint;
}

/** What a missing value looks like. */
export const MISSING = '—';

/** A summary-table problem a user can fix (unknown indicator, year not in the workbook…). */
export class ReportError extends BilingualError {
  constructor(
    public readonly code: string,
    bilingual: Bilingual,
  ) {
    super(bilingual);
    this.name = 'ReportError';
  }
}

export function defaultDecimals(cell: TableCell): number {
  if (cell.decimals !== undefined) return cell.decimals;
  switch (cell.format) {
    case 'percent':
      return 1;
    case 'number':
      return 2;
    default:
      return 0;
  }
}

function signedText(v: number, text: string): string {
  return v > 0 ? `+${text}` : text;
}

/** The text a cell shows (previews, widths, text output). */
export function cellText(cell: TableCell): string {
  const v = cell.value;
  if (v === null) return MISSING;
  if (typeof v === 'string') return v;
  const d = defaultDecimals(cell);
  let text: string;
  switch (cell.format) {
    case 'percent':
      text = `${formatNumber(v * 100, d)}%`;
      break;
    case 'text':
      text = String(v);
      break;
    default:
      text = formatNumber(v, d);
  }
  // -0.0 after rounding reads as 0.0
  if (/^-[0.,%]+$/.test(text)) text = text.slice(1);
  return cell.signed ? signedText(v, text) : text;
}

/** The Excel number format of a cell ('General' for text and missing values). */
export function excelNumberFormat(cell: TableCell): string {
  if (typeof cell.value !== 'number' || cell.format === 'text') return 'General';
  const d = Math.max(0, Math.min(10, defaultDecimals(cell)));
  const frac = d > 0 ? `.${'0'.repeat(d)}` : '';
  const base = cell.format === 'percent' ? `0${frac}%` : `#,##0${frac}`;
  return cell.signed ? `+${base};-${base};${base}` : base;
}

/** Horizontal alignment of a cell: numbers, missing values and statuses right/center, text left. */
export function cellAlignment(cell: TableCell): 'left' | 'right' | 'center' {
  if (cell.align) return cell.align;
  if (cell.status !== undefined && cell.format === 'text' && typeof cell.value === 'string' && cell.value.length <= 8) return 'center';
  if (cell.format === 'text') return 'left';
  return 'right';
}

/** Width of a text in character cells: CJK and full-width characters count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c === 0x2014; // — is drawn wide in CJK fonts
    w += wide ? 2 : 1;
  }
  return w;
}

/** Column widths from the column names and body texts, with a margin, within 6..50. */
export function columnWidths(header: Array<Array<string | null>>, body: TableCell[][]): number[] {
  const names = header[header.length - 1] ?? [];
  return names.map((name, j) => {
    let w = displayWidth(name ?? '');
    for (const row of body) if (row[j]) w = Math.max(w, displayWidth(cellText(row[j])));
    return Math.max(6, Math.min(50, w + 3));
  });
}

/** A plain-text rendering of the table (CLI output, logs, quick previews). */
export function renderTableText(spec: TableSpec): string {
  const names = spec.header[spec.header.length - 1] ?? [];
  const rows: string[][] = [names.map((n) => n ?? ''), ...spec.body.map((r) => r.map(cellText))];
  const widths = names.map((_, j) => Math.max(...rows.map((r) => displayWidth(r[j] ?? ''))));
  const pad = (s: string, w: number, right: boolean) => {
    const gap = ' '.repeat(Math.max(0, w - displayWidth(s)));
    return right ? gap + s : s + gap;
  };
  const lines = [spec.title, spec.subtitle, ''];
  rows.forEach((r, i) => {
    lines.push(
      r
        .map((s, j) => {
          const cell = i === 0 ? undefined : spec.body[i - 1][j];
          return pad(s, widths[j], cell !== undefined && cellAlignment(cell) === 'right');
        })
        .join('  ')
        .trimEnd(),
    );
    if (i === 0) lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  });
  lines.push('', ...spec.notes, spec.source);
  return lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n') + '\n';
}
