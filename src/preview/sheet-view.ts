// What the preview grid shows of one ExcelJS worksheet: the used range (capped), each cell's text
// as Excel would display it, merges, column widths and a little of the cell style. Pure data, no
// React, so it is built once per sheet and tested without a DOM.
import type ExcelJS from 'exceljs';
import { columnLetters } from '../core/a1';

export type CellKind = 'number' | 'text' | 'boolean' | 'error' | 'empty';

export interface ViewCell {
  /** A1 address. */
  address: string;
  text: string;
  kind: CellKind;
  align: 'left' | 'center' | 'right';
  bold: boolean;
  indent: number;
  /** Set on the top-left cell of a merge. */
  rowSpan?: number;
  colSpan?: number;
  /** True for cells hidden under a merge (not rendered). */
  covered?: boolean;
  /** Left-aligned text too wide for its column runs on over this many empty cells, as in Excel. */
  spill?: number;
  /** An empty cell that text from the left runs over (no gridline between them). */
  spilledOver?: boolean;
}

export interface SheetView {
  name: string;
  /** 1-based number of the first row and column shown. */
  firstRow: number;
  firstCol: number;
  /** Rows and columns shown (after the cap). */
  rowCount: number;
  colCount: number;
  /** Last used row and column of the sheet (1-based), before the cap. */
  lastRow: number;
  lastCol: number;
  truncated: boolean;
  /** Column widths in CSS pixels, one per column shown. */
  colWidths: number[];
  /** Column letters, one per column shown. */
  colLetters: string[];
  cells: ViewCell[][];
}

export interface ViewLimits {
  maxRows: number;
  maxCols: number;
}

export const DEFAULT_LIMITS: ViewLimits = { maxRows: 500, maxCols: 50 };

/** Blank rows/columns before the used range shown anyway, so a sheet starting at B3 keeps A and 1. */
const LEADING_SLACK = 20;

/** Excel's default column width in characters, and the pixel width of one character. */
const DEFAULT_WIDTH_CHARS = 8.43;
const PX_PER_CHAR = 7;

export function columnWidthPx(widthChars: number | undefined): number {
  const w = widthChars !== undefined && widthChars > 0 ? widthChars : DEFAULT_WIDTH_CHARS;
  return Math.max(24, Math.min(480, Math.round(w * PX_PER_CHAR + 5)));
}

// --- number formats ------------------------------------------------------------------------------

/** The first section of a number format with literals, escapes and [codes] removed. */
function formatSkeleton(numFmt: string): string {
  const first = numFmt.split(';')[0] ?? '';
  return first
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
}

/**
 * A number as Excel would show it under `numFmt`, for the usual indicator formats: percent
 * ("0.0%"), fixed decimals ("0.00"), thousands separators ("#,##0") and General. Other parts of
 * a format (dates, fractions, text sections) fall back to the General display.
 */
export function formatNumber(value: number, numFmt?: string): string {
  if (!Number.isFinite(value)) return String(value);
  const skeleton = numFmt && !/^general$/i.test(numFmt.trim()) ? formatSkeleton(numFmt) : '';
  if (!/[0#?]/.test(skeleton)) return generalNumber(value);
  const percent = skeleton.includes('%');
  const decimalsMatch = /\.([0#?]+)/.exec(skeleton);
  const decimals = decimalsMatch ? decimalsMatch[1].length : 0;
  const grouping = /[0#?],[0#?]/.test(skeleton);
  const shown = percent ? value * 100 : value;
  const text = shown.toLocaleString('en-US', {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: grouping,
  });
  return percent ? `${text}%` : text;
}

/** Excel's General format, roughly: up to 11 significant characters, no exponent below 1e11. */
export function generalNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && (Math.abs(value) >= 1e11 || Math.abs(value) < 1e-9)) return value.toExponential(5).replace(/\.?0+e/, 'E');
  return String(Number(value.toPrecision(10)));
}

// --- cell values -----------------------------------------------------------------------------------

type Display = { text: string; kind: CellKind };

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().slice(0, 10);
}

/** The displayed text of a cell value (formula results, rich text, hyperlinks, errors, dates). */
export function displayValue(value: ExcelJS.CellValue, numFmt?: string): Display {
  if (value === null || value === undefined) return { text: '', kind: 'empty' };
  if (typeof value === 'number') return { text: formatNumber(value, numFmt), kind: 'number' };
  if (typeof value === 'string') return { text: value, kind: value === '' ? 'empty' : 'text' };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', kind: 'boolean' };
  if (value instanceof Date) return { text: isoDate(value), kind: 'number' };
  if (typeof value === 'object') {
    const v = value as unknown as Record<string, unknown>;
    if (typeof v.error === 'string') return { text: v.error, kind: 'error' };
    if (Array.isArray(v.richText)) {
      return { text: (v.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join(''), kind: 'text' };
    }
    if ('formula' in v || 'sharedFormula' in v) {
      return displayValue((v.result ?? null) as ExcelJS.CellValue, numFmt);
    }
    if (typeof v.text === 'string') return { text: v.text, kind: 'text' };
  }
  return { text: String(value), kind: 'text' };
}

// --- worksheet → view -------------------------------------------------------------------------------

interface MergeBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The worksheet's merges. ExcelJS keeps them in `_merges` (master address → range); its public
 * `model.merges` would serialise every row of the sheet to get the same list.
 */
function mergesOf(ws: ExcelJS.Worksheet): MergeBox[] {
  const internal = (ws as unknown as { _merges?: Record<string, MergeBox | undefined> })._merges;
  if (!internal) return [];
  return Object.values(internal).filter((m): m is MergeBox => !!m && typeof m.top === 'number');
}

/** The used range of a worksheet (cells with a value), 1-based; null when the sheet is empty. */
export function usedRange(ws: ExcelJS.Worksheet): MergeBox | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (_cell, c) => {
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  if (bottom < 0) return null;
  for (const m of mergesOf(ws)) {
    if (m.top <= bottom && m.bottom >= top && m.left <= right && m.right >= left) {
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
  }
  return { top, left, bottom, right };
}

function alignOf(kind: CellKind, horizontal: string | undefined): ViewCell['align'] {
  if (horizontal === 'center' || horizontal === 'centerContinuous' || horizontal === 'distributed') return 'center';
  if (horizontal === 'right') return 'right';
  if (horizontal === 'left' || horizontal === 'justify' || horizontal === 'fill') return 'left';
  if (kind === 'number') return 'right';
  if (kind === 'boolean' || kind === 'error') return 'center';
  return 'left';
}

/** Builds the view of a worksheet: rows and columns from A1 (or near the used range) to its end. */
export function buildSheetView(ws: ExcelJS.Worksheet, limits: ViewLimits = DEFAULT_LIMITS): SheetView {
  const used = usedRange(ws);
  const firstRow = used && used.top > LEADING_SLACK ? used.top : 1;
  const firstCol = used && used.left > LEADING_SLACK ? used.left : 1;
  const lastRow = used ? used.bottom : 0;
  const lastCol = used ? used.right : 0;
  // An empty sheet still shows a few empty cells, as Excel does.
  const wantRows = used ? lastRow - firstRow + 1 : 10;
  const wantCols = used ? lastCol - firstCol + 1 : 6;
  const rowCount = Math.min(wantRows, limits.maxRows);
  const colCount = Math.min(wantCols, limits.maxCols);

  // `ws.columns` lists only the columns the file defines; `getColumn` would add the others.
  const defined = (ws.columns ?? []) as Array<Partial<ExcelJS.Column> | undefined>;
  const colWidths: number[] = [];
  const colLetters: string[] = [];
  for (let j = 0; j < colCount; j++) {
    const col = firstCol + j;
    colLetters.push(columnLetters(col - 1));
    const column = defined[col - 1];
    colWidths.push(column?.hidden ? 24 : columnWidthPx(column?.width));
  }

  const cells: ViewCell[][] = [];
  for (let i = 0; i < rowCount; i++) {
    const r = firstRow + i;
    const row = ws.findRow(r);
    const line: ViewCell[] = [];
    for (let j = 0; j < colCount; j++) {
      const c = firstCol + j;
      const address = `${colLetters[j]}${r}`;
      const cell = row?.findCell(c);
      if (!cell) {
        line.push({ address, text: '', kind: 'empty', align: 'left', bold: false, indent: 0 });
        continue;
      }
      const { text, kind } = displayValue(cell.value, cell.numFmt);
      line.push({
        address,
        text,
        kind,
        align: alignOf(kind, cell.alignment?.horizontal),
        bold: cell.font?.bold === true,
        indent: cell.alignment?.indent ?? 0,
      });
    }
    cells.push(line);
  }

  for (const m of mergesOf(ws)) {
    const i0 = m.top - firstRow;
    const j0 = m.left - firstCol;
    if (i0 < 0 || j0 < 0 || i0 >= rowCount || j0 >= colCount) continue;
    const i1 = Math.min(m.bottom - firstRow, rowCount - 1);
    const j1 = Math.min(m.right - firstCol, colCount - 1);
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) if (i !== i0 || j !== j0) cells[i][j].covered = true;
    const master = cells[i0][j0];
    master.rowSpan = i1 - i0 + 1;
    master.colSpan = j1 - j0 + 1;
  }
  spillText(cells, colWidths);

  return {
    name: ws.name,
    firstRow,
    firstCol,
    rowCount,
    colCount,
    lastRow,
    lastCol,
    truncated: wantRows > rowCount || wantCols > colCount,
    colWidths,
    colLetters,
    cells,
  };
}

/** Rough width of text in the grid's 12px font: CJK and full-width characters are square. */
export function textWidthPx(text: string): number {
  let w = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    w += code >= 0x2e80 || (code >= 0x1100 && code <= 0x11ff) ? 12 : 7;
  }
  return w + 8; // cell padding
}

/** Lets long left-aligned text run over the empty cells to its right, like Excel does. */
function spillText(cells: ViewCell[][], colWidths: number[]): void {
  for (const line of cells) {
    for (let j = 0; j < line.length; j++) {
      const c = line[j];
      if (c.kind !== 'text' || c.align !== 'left' || c.covered || (c.colSpan ?? 1) > 1 || (c.rowSpan ?? 1) > 1) continue;
      const need = textWidthPx(c.text);
      let room = colWidths[j];
      let k = j + 1;
      while (room < need && k < line.length) {
        const next = line[k];
        if (next.kind !== 'empty' || next.covered || next.colSpan || next.rowSpan) break;
        room += colWidths[k];
        k++;
      }
      if (k > j + 1) {
        c.spill = k - j - 1;
        for (let m = j + 1; m < k; m++) line[m].spilledOver = true;
      }
    }
  }
}

/** Where an A1 address sits in a view: its row and column index, or null when not shown. */
export function locate(view: SheetView, address: string): { i: number; j: number } | null {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(address.toUpperCase());
  if (!m) return null;
  const j = view.colLetters.indexOf(m[1]);
  const i = Number(m[2]) - view.firstRow;
  if (j < 0 || i < 0 || i >= view.rowCount) return null;
  return { i, j };
}

/** The cell to select for an address: the merge's master when the address is covered by a merge. */
export function masterCell(view: SheetView, i: number, j: number): { i: number; j: number } {
  if (!view.cells[i]?.[j]?.covered) return { i, j };
  for (let a = i; a >= 0; a--) {
    for (let b = j; b >= 0; b--) {
      const c = view.cells[a][b];
      if (!c.covered && (c.rowSpan ?? 1) > i - a && (c.colSpan ?? 1) > j - b) return { i: a, j: b };
    }
  }
  return { i, j };
}
