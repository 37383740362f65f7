// Where a sheet's data really is. Excel's used range (and a file's <dimension>) is a rectangle:
// one stray value at XFD1048576 beside a two-row table makes it 17 billion cells. Hosts and
// readers describe the non-empty cells by row and by column; chooseRegion says which rectangle
// to turn into a grid, so that memory and time follow the cells, not the rectangle:
//
//   - a used rectangle of up to SPARSE_AREA cells, or one in which at least 1 cell in DENSITY is
//     non-empty, is kept whole (every ordinary sheet: the grid is what it always was);
//   - otherwise the cells are grouped along each axis, a new group starting after FAR_GAP empty
//     rows (columns); the largest group of rows and of columns is kept, and the other groups
//     are added, largest first, while the rectangle stays within that budget. Cells outside
//     are "far": the reader leaves them out of the grid and names them in a note (farCellsNote),
//     so that a value is never lost silently;
//   - a region still above MAX_REGION_CELLS that is not dense is not read at all (tooLargeMessage).
//
// Pure: no Office, DOM or Node imports.
import { toA1 } from './a1';
import { message } from './i18n';
import { listText } from './messages';
import type { Bilingual, SheetNote } from './types';

/** 0-based sheet rows and columns, inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Empty rows (or columns) after which cells count as a separate group. */
export const FAR_GAP = 1000;
/** A used rectangle of up to this many cells is kept whole, however sparse. */
export const SPARSE_AREA = 1_000_000;
/** A rectangle in which at least 1 cell in DENSITY is non-empty is kept whole. */
export const DENSITY = 4;
/** Above this many cells a region that is not dense is not read (the Excel host's limit for any region). */
export const MAX_REGION_CELLS = 10_000_000;

/**
 * Non-empty cells along one axis: spans [from, to] (0-based rows or columns) each holding `n`
 * cells. A reader gives one span per row (from = to); the Excel host one per area of cells.
 */
export interface AxisSpans {
  from: number[];
  to: number[];
  n: number[];
}

export type RegionChoice =
  /** Keep the used rectangle as it is. */
  | { kind: 'whole' }
  /** Keep this rectangle; non-empty cells outside it are far (report them). */
  | { kind: 'region'; region: Rect }
  /** Even the region of the data is above the limits: the sheet is not read. */
  | { kind: 'too-large'; region: Rect }
  /** Nothing non-empty at all (only blank cells such as merged areas): an empty grid. */
  | { kind: 'empty' };

export interface RegionLimits {
  gap?: number;
  sparseArea?: number;
  density?: number;
  maxRegionCells?: number;
}

export const rectArea = (r: Rect): number => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);

/** `A1` or `A1:C3`. */
export function rectAddress(r: Rect): string {
  const a = toA1(r.r0, r.c0);
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${toA1(r.r1, r.c1)}`;
}

interface Group {
  from: number;
  to: number;
  n: number;
}

/** Spans grouped: a group ends where `gap` or more empty positions follow. */
function groups(spans: AxisSpans, gap: number): Group[] {
  const order = spans.from.map((_, i) => i);
  let sorted = true;
  for (let i = 1; i < spans.from.length; i++) if (spans.from[i] < spans.from[i - 1]) sorted = false;
  if (!sorted) order.sort((a, b) => spans.from[a] - spans.from[b]);
  const out: Group[] = [];
  for (const i of order) {
    const last = out[out.length - 1];
    if (last && spans.from[i] - last.to - 1 < gap) {
      if (spans.to[i] > last.to) last.to = spans.to[i];
      last.n += spans.n[i];
    } else out.push({ from: spans.from[i], to: spans.to[i], n: spans.n[i] });
  }
  return out;
}

/** The largest group, then the others (largest first) while `fits` says the span may grow to them. */
function keep(list: Group[], fits: (from: number, to: number) => boolean): { from: number; to: number } {
  const bySize = [...list].sort((a, b) => b.n - a.n || a.from - b.from);
  let from = bySize[0].from;
  let to = bySize[0].to;
  for (const g of bySize.slice(1)) {
    const f = Math.min(from, g.from);
    const t = Math.max(to, g.to);
    if (fits(f, t)) {
      from = f;
      to = t;
    }
  }
  return { from, to };
}

/**
 * The rectangle to read, from the non-empty cells by row (`rowsOf()`; `cells` of them) and by
 * column within a band of rows (`colsWithin(r0, r1)`, 0-based inclusive), and the used rectangle
 * the reader would otherwise allocate (which may also cover blank cells such as merged areas).
 * Both are asked for only when that rectangle is too large to keep whole.
 *
 * Rows first: the largest group of rows, with the columns of its own cells; then the other
 * groups of rows, largest first, while the rectangle stays within the budget; then the columns of
 * the cells in the rows kept, chosen the same way.
 */
export function chooseRegion(rowsOf: () => AxisSpans, colsWithin: (r0: number, r1: number) => AxisSpans, cells: number, used: Rect, limits: RegionLimits = {}): RegionChoice {
  const gap = limits.gap ?? FAR_GAP;
  const budget = Math.max(limits.sparseArea ?? SPARSE_AREA, (limits.density ?? DENSITY) * cells);
  if (rectArea(used) <= budget) return { kind: 'whole' };
  const rows = cells === 0 ? undefined : rowsOf();
  if (!rows || rows.from.length === 0) return { kind: 'empty' };
  const rowGroups = groups(rows, gap);
  const first = [...rowGroups].sort((a, b) => b.n - a.n || a.from - b.from)[0];
  const firstCols = groups(colsWithin(first.from, first.to), gap);
  if (firstCols.length === 0) return { kind: 'empty' };
  const guide = keep(firstCols, (f, t) => (first.to - first.from + 1) * (t - f + 1) <= budget);
  const width = guide.to - guide.from + 1;
  const r = keep(rowGroups, (f, t) => (t - f + 1) * width <= budget);
  const c = keep(groups(colsWithin(r.from, r.to), gap), (f, t) => (r.to - r.from + 1) * (t - f + 1) <= budget);
  const region = { r0: r.from, r1: r.to, c0: c.from, c1: c.to };
  if (rectArea(region) > Math.max(limits.maxRegionCells ?? MAX_REGION_CELLS, budget)) return { kind: 'too-large', region };
  return { kind: 'region', region };
}

/** 1234567 → "1,234,567" (the same in both languages, whatever the runtime's locale). */
export function groupDigits(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** How many far addresses a note lists before "…". */
export const FAR_LISTED = 3;

/**
 * The note for cells left out of a grid because they lie far from the data: where they are
 * (the first FAR_LISTED addresses, A1 or A1:B2) and how many non-empty cells they hold.
 */
export function farCellsNote(sheet: string, places: string[], count: number, region: Rect): SheetNote {
  const listed = places.slice(0, FAR_LISTED);
  const more = places.length > FAR_LISTED;
  const where = message(more ? 'layout.far-cells.places-more' : 'layout.far-cells.places', { list: listText(listed) });
  return {
    ruleId: 'sheet.far-cells',
    address: listed[0]?.split(':')[0] ?? toA1(region.r0, region.c0),
    message: message('layout.far-cells', { sheet, places: where, count: groupDigits(count), data: rectAddress(region) }),
  };
}

/**
 * Why a sheet was not read: its data region (or used range) `region` is above the limit.
 * `cells` is the number of non-empty cells when the host knows it.
 */
export function tooLargeMessage(sheet: string, region: Rect, cells: number | undefined, limit: number = MAX_REGION_CELLS): Bilingual {
  const area = groupDigits(rectArea(region));
  const where = rectAddress(region);
  const nonEmpty = cells !== undefined ? message('layout.too-large.non-empty', { count: groupDigits(cells) }) : '';
  return message('layout.too-large', { sheet, where, area, nonEmpty, limit: groupDigits(limit) });
}
