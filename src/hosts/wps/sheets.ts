// What the WPS host and its writers (summary-writer.ts, standard-form-writer.ts, rules-sheet.ts)
// share: listing sheets and table names, adding a sheet, writing a block of values with its
// number formats, setting one property over many areas, column widths, protection messages.
//
// Every member used here crosses into the WPS process (see wps-host.ts), so blocks are written
// whole: one Value2 assignment per block, and each number format or style once per list of areas
// (Range("C4:F9,C12:F15").NumberFormat = …), never per cell. The object model takes no 2-D array
// for NumberFormat (Office.js does), hence the lists.
import type { Box } from '../../core/report/placement';
import { chunkAddressList, mergeCellsIntoRuns, parseCell, rectAddress, type CellPos, type Rect } from '../excel/a1';
import type { EtRange, EtWorkbook, EtWorksheet } from './et-api';
import { worksheetOf } from './et-api';

/** Range(address) takes at most 255 characters in the object model. */
export const MAX_ADDRESS_CHARS = 255;

export interface SheetEntry {
  sheet: EtWorksheet;
  name: string;
}

export function listSheets(wb: EtWorkbook): SheetEntry[] {
  const all = wb.Worksheets;
  const n = all.Count;
  const out: SheetEntry[] = [];
  for (let i = 1; i <= n; i++) {
    const sheet = worksheetOf(all.Item(i));
    out.push({ sheet, name: sheet.Name });
  }
  return out;
}

/** The names of the tables on a sheet. */
export function tableNames(sheet: EtWorksheet): string[] {
  const tables = sheet.ListObjects;
  const n = tables.Count;
  const names: string[] = [];
  for (let i = 1; i <= n; i++) names.push(tables.Item(i).Name);
  return names;
}

/** Names a new table may not take: every table of the workbook and every defined name. */
export function takenNames(wb: EtWorkbook, entries: SheetEntry[]): string[] {
  const out = entries.flatMap((e) => tableNames(e.sheet));
  const names = wb.Names;
  const n = names.Count;
  for (let i = 1; i <= n; i++) out.push(names.Item(i).Name);
  return out;
}

/** Adds a worksheet after the last one (WPS adds before the active sheet otherwise) and names it. */
export function addSheetAtEnd(wb: EtWorkbook, name: string): EtWorksheet {
  const all = wb.Worksheets;
  const last = all.Item(all.Count);
  const sheet = worksheetOf(all.Add(undefined, last));
  sheet.Name = name;
  return sheet;
}

/** A block as Value2 takes it: a scalar for one cell, rows otherwise. */
export function value2Of(values: unknown[][]): unknown {
  return values.length === 1 && values[0].length === 1 ? values[0][0] : values;
}

/**
 * Vertical runs (sorted by column, then row, as mergeCellsIntoRuns gives them) joined across
 * neighbouring columns that span the same rows: C4:C9 and D4:D9 become C4:D9, so a style that
 * changes by row costs one area per change, not one per change and column.
 */
export function joinAcross(runs: Rect[]): Rect[] {
  const out: Rect[] = [];
  const open = new Map<string, Rect>();
  for (const run of runs) {
    const rows = `${run.r0}:${run.r1}`;
    const prev = open.get(rows);
    if (prev && prev.c1 === run.c0 - 1) {
      prev.c1 = run.c1;
      continue;
    }
    const rect = { ...run };
    out.push(rect);
    open.set(rows, rect);
  }
  return out;
}

/** Cells as few rectangles: vertical runs, joined across columns. */
export function areasOf(cells: CellPos[]): Rect[] {
  return joinAcross(mergeCellsIntoRuns(cells));
}

/** `B3` or `B3:D9` (as the layouts write them: no sheet, no $) as a rectangle. */
export function rectOf(address: string): Rect {
  const [a, b = a, extra] = address.split(':');
  const p = parseCell(a);
  const q = parseCell(b);
  if (!p || !q || extra !== undefined) throw new Error(`not an A1 range: ${address}`);
  return { r0: Math.min(p.row, q.row), c0: Math.min(p.col, q.col), r1: Math.max(p.row, q.row), c1: Math.max(p.col, q.col) };
}

/** Calls `set` once per list of areas of at most MAX_ADDRESS_CHARS characters. */
export function forAreas(sheet: EtWorksheet, areas: Rect[], set: (range: EtRange) => void): void {
  for (const list of chunkAddressList(areas.map(rectAddress), MAX_ADDRESS_CHARS)) set(sheet.Range(list));
}

/**
 * Writes a block: its number formats first (so that text stays text: a '@' cell keeps `0012`),
 * once per format over the areas that have it, then every value with one Value2 assignment.
 * The format split into the most areas (integers between rows of percentages…) goes over the
 * whole block first, in one call, and the others over it: the lists stay as short as they can.
 */
export function writeBlock(sheet: EtWorksheet, block: { address: string; values: unknown[][]; numberFormats: string[][] }): void {
  const at = rectOf(block.address);
  const byFormat = new Map<string, CellPos[]>();
  block.numberFormats.forEach((row, i) =>
    row.forEach((f, j) => {
      if (!byFormat.has(f)) byFormat.set(f, []);
      byFormat.get(f)!.push({ row: at.r0 + i, col: at.c0 + j });
    }),
  );
  const areas = [...byFormat].map(([format, cells]) => ({ format, areas: areasOf(cells) }));
  const widest = areas.reduce((a, b) => (b.areas.length > a.areas.length ? b : a), areas[0]);
  if (widest && widest.areas.length > 1) {
    sheet.Range(block.address).NumberFormat = widest.format;
    widest.areas = [];
  }
  for (const { format, areas: list } of areas) {
    forAreas(sheet, list, (r) => {
      r.NumberFormat = format;
    });
  }
  sheet.Range(block.address).Value2 = value2Of(block.values);
}

/**
 * A width in points (as the Excel host's layouts give them) in characters of the default font,
 * ColumnWidth's unit: the inverse of (characters·7 + 5) px at 0.75 pt per px, where 7 px is the
 * width of a digit in the default 11 pt font and 5 px the cell's padding. Rounded to 1/100.
 */
export function columnWidthChars(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}

export function boxRect(b: Box): Rect {
  return { r0: b.top, c0: b.left, r1: b.bottom, c1: b.right };
}

// Protection: the messages are the Excel host's (excel/errors.ts structureLocked, sheetLocked).
export { sheetLocked, structureLocked } from '../excel/errors';
