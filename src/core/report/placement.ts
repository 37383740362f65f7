// Where each part of a TableSpec goes on a sheet, host-neutral: the ExcelJS writer and the
// Office.js writer share this geometry, so the two hosts lay out a table the same way.
//
//   title (merged across, bold)
//   units line
//   [group header rows]
//   ┌ table: column names ┐   ← the Excel table object (style TableStyleMedium2)
//   │ body rows            │
//   └──────────────────────┘
//   notes…
//   source line (来源工作表 … 生成时间 …)
import { toA1 } from '../a1';
import { MISSING, cellAlignment, excelNumberFormat, type TableSpec } from './table-spec';

export interface Box {
  /** 0-based rows/columns, inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface TablePlacement {
  width: number;
  titleRow: number;
  unitsRow: number;
  /** Group header rows above the table (usually none). */
  groupRows: number[];
  /** The table object: column names in its first row, then the body. */
  table: Box;
  /** `B3:H12`. */
  tableAddress: string;
  noteRows: number[];
  sourceRow: number;
  /** The last row used. */
  lastRow: number;
  /** Cells to merge: the title, and group headings spanning several columns. */
  merges: Box[];
}

export function boxAddress(b: Box): string {
  return `${toA1(b.top, b.left)}:${toA1(b.bottom, b.right)}`;
}

/** Lays the table out with its title at (top, left), 0-based. */
export function placeTable(spec: TableSpec, top = 0, left = 0): TablePlacement {
  const names = spec.header[spec.header.length - 1] ?? [];
  const width = Math.max(1, names.length);
  const right = left + width - 1;
  const titleRow = top;
  const unitsRow = top + 1;
  const groupRows = spec.header.slice(0, -1).map((_, i) => top + 2 + i);
  const headerRow = top + 2 + groupRows.length;
  const bodyRows = Math.max(1, spec.body.length); // an Excel table needs one data row
  const table: Box = { top: headerRow, left, bottom: headerRow + bodyRows, right };
  const noteRows = spec.notes.map((_, i) => table.bottom + 1 + i);
  const sourceRow = table.bottom + 1 + spec.notes.length;
  const merges: Box[] = [];
  if (width > 1) merges.push({ top: titleRow, left, bottom: titleRow, right });
  spec.header.slice(0, -1).forEach((row, i) => {
    let start = 0;
    for (let j = 1; j <= width; j++) {
      if (j === width || row[j] !== null) {
        if (j - 1 > start) merges.push({ top: groupRows[i], left: left + start, bottom: groupRows[i], right: left + j - 1 });
        start = j;
      }
    }
  });
  return { width, titleRow, unitsRow, groupRows, table, tableAddress: boxAddress(table), noteRows, sourceRow, lastRow: sourceRow, merges };
}

/** Every cell the table writes (title to source line): must be empty before writing at a selection. */
export function footprint(p: TablePlacement): Box {
  return { top: p.titleRow, left: p.table.left, bottom: p.lastRow, right: p.table.right };
}

/** Body values as a host writes them: numbers stay numbers, missing values become —. */
export function bodyValues(spec: TableSpec): Array<Array<number | string>> {
  const width = (spec.header[spec.header.length - 1] ?? []).length;
  if (spec.body.length === 0) return [new Array<string>(width).fill('')];
  return spec.body.map((row) => row.map((c) => (c.value === null ? MISSING : c.value)));
}

/** Excel number formats of the body, same shape as bodyValues. */
export function bodyNumberFormats(spec: TableSpec): string[][] {
  const width = (spec.header[spec.header.length - 1] ?? []).length;
  if (spec.body.length === 0) return [new Array<string>(width).fill('General')];
  return spec.body.map((row) => row.map(excelNumberFormat));
}

/** Horizontal alignments of the body, same shape as bodyValues. */
export function bodyAlignments(spec: TableSpec): Array<Array<'left' | 'right' | 'center'>> {
  const width = (spec.header[spec.header.length - 1] ?? []).length;
  if (spec.body.length === 0) return [new Array<'left'>(width).fill('left')];
  return spec.body.map((row) => row.map(cellAlignment));
}

/** Font colours (ARGB) for statuses: green, amber, red — the colours Excel's own styles use. */
export const STATUS_COLOR = { ok: 'FF006100', warning: 'FF9C5700', error: 'FF9C0006' } as const;
/** Light fills for the status column, matching the add-in's marks. */
export const STATUS_FILL = { ok: 'FFC6EFCE', warning: 'FFFFEB9C', error: 'FFFFC7CE' } as const;

/** A name for the table object that Excel accepts and that is not in `taken` (case-insensitive). */
export function uniqueTableName(taken: Iterable<string>, base = 'Summary'): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  for (let i = 1; ; i++) {
    const name = `${base}_${i}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}
