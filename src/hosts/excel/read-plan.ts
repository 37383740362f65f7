// How readWorkbook splits used ranges into row blocks and groups the blocks into syncs.
// Pure: takes the used-range sizes, returns the plan. The rules (see excel-host.ts for the
// whole story):
//  - no single range read is above MAX_CELLS_PER_READ (5,000,000) cells, on any platform;
//  - desktop: every block goes into ONE sync (no payload limit there);
//  - web: blocks are packed greedily so that each sync's estimated response stays under
//    WEB_BUDGET_BYTES; the number of syncs is ceil(estimated bytes / budget). The estimate
//    starts at BYTES_PER_CELL and is corrected from what the first sync actually returned
//    (measureBytes): the blocks still to read are packed again with the learned ratio (repack),
//    so a text-heavy workbook does not overflow sync after sync.

/** Excel refuses (or returns null values for) reads above five million cells. */
export const MAX_CELLS_PER_READ = 5_000_000;
/** Excel on the web rejects requests and responses above 5 MB. */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** What we allow ourselves per sync on the web, leaving room for estimate error. */
export const WEB_BUDGET_BYTES = 4_000_000;
/**
 * Estimated response bytes per cell for `values` + `numberFormat` + `valueTypes` as JSON:
 * a full-precision double (up to ~20 chars), "General" (9) and "Double" (8) plus separators
 * come to ~40. Short CJK labels (3 bytes a character in UTF-8) are in the same range.
 * Text-heavy blocks that still overflow are halved and retried.
 */
export const BYTES_PER_CELL = 40;
/** `{"format":{"indentLevel":0}},` per cell from getCellProperties. */
export const INDENT_BYTES_PER_CELL = 30;
/** Hierarchy indents are read for the first columns of each used range only. */
export const INDENT_COLUMNS = 3;
/** Above this many indent cells in one workbook, the remaining sheets are read without indents. */
export const INDENT_MAX_CELLS = 300_000;

export interface UsedRangeDims {
  /** Position of the sheet in the list handed to planReads. */
  sheetIndex: number;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

export interface ReadBlock {
  sheetIndex: number;
  /** First sheet row of the block (0-based, absolute). */
  row: number;
  rows: number;
  /** First sheet column and width: always the used range's full width. */
  col: number;
  cols: number;
  /** Read indents of the first min(INDENT_COLUMNS, cols) columns of this block. */
  indent: boolean;
  /** How many times this block's rows were halved after Excel refused it (its own retry budget). */
  splits?: number;
}

/** A block (and the halves it is split into) is halved at most this many times: 5 M cells down to ~80. */
export const MAX_BLOCK_SPLITS = 16;

export interface ReadPlanOptions {
  platform: 'web' | 'desktop';
  indentSupported: boolean;
  webBudgetBytes?: number;
  maxCellsPerRead?: number;
  indentMaxCells?: number;
}

export interface ReadPlan {
  /** One entry per sync; each a list of blocks read in that sync. */
  groups: ReadBlock[][];
  /** Sheets (by sheetIndex) whose indents are read. */
  indentSheets: Set<number>;
  totalCells: number;
}

export function estimateBytes(block: Pick<ReadBlock, 'rows' | 'cols' | 'indent'>, bytesPerCell = BYTES_PER_CELL): number {
  const indentCells = block.indent ? block.rows * Math.min(INDENT_COLUMNS, block.cols) : 0;
  return block.rows * block.cols * bytesPerCell + indentCells * INDENT_BYTES_PER_CELL;
}

/** Bytes of `s` in UTF-8 (a Chinese character is 3), without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 bytes of a string as JSON would carry it: quotes, and escapes of `"`, `\\` and control characters. */
function jsonTextBytes(s: string): number {
  let escapes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c < 0x20) escapes++;
  }
  return utf8Length(s) + 2 + escapes;
}

/**
 * The bytes Excel sent for one block's values, numberFormat and valueTypes (as UTF-8 JSON, one
 * separator per cell), measured from what came back: the real ratio for later estimates.
 */
export function measureBytes(values: unknown[][], formats: unknown[][] | null, types: unknown[][] | null): number {
  let n = 0;
  const add = (v: unknown): void => {
    if (typeof v === 'string') n += jsonTextBytes(v) + 1;
    else if (typeof v === 'number') n += String(v).length + 1;
    else if (typeof v === 'boolean') n += v ? 5 : 6;
    else n += 5;
  };
  for (const grid of [values, formats, types]) {
    if (!grid) continue;
    for (const row of grid) for (const v of row) add(v);
  }
  return n;
}

/**
 * Packs blocks into syncs of at most `budget` estimated bytes at `bytesPerCell`, splitting a
 * block by rows where it does not fit; the order of the blocks is kept.
 */
export function repack(blocks: ReadBlock[], budget: number, bytesPerCell: number): ReadBlock[][] {
  const groups: ReadBlock[][] = [];
  let current: ReadBlock[] = [];
  let currentBytes = 0;
  const queue = [...blocks];
  while (queue.length > 0) {
    const b = queue.shift() as ReadBlock;
    const perRow = estimateBytes({ rows: 1, cols: b.cols, indent: b.indent }, bytesPerCell);
    const fit = Math.floor((budget - currentBytes) / perRow);
    if (fit >= b.rows) {
      current.push(b);
      currentBytes += b.rows * perRow;
      continue;
    }
    if (fit < 1 && current.length > 0) {
      groups.push(current);
      current = [];
      currentBytes = 0;
      queue.unshift(b);
      continue;
    }
    const rows = Math.max(1, fit);
    current.push({ ...b, rows });
    currentBytes += rows * perRow;
    if (rows < b.rows) queue.unshift({ ...b, row: b.row + rows, rows: b.rows - rows });
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export function planReads(dims: UsedRangeDims[], options: ReadPlanOptions): ReadPlan {
  const maxCells = options.maxCellsPerRead ?? MAX_CELLS_PER_READ;
  const budget = options.webBudgetBytes ?? WEB_BUDGET_BYTES;
  const indentCap = options.indentMaxCells ?? INDENT_MAX_CELLS;

  const indentSheets = new Set<number>();
  let indentCells = 0;
  let totalCells = 0;
  for (const d of dims) {
    totalCells += d.rowCount * d.columnCount;
    if (!options.indentSupported) continue;
    const n = d.rowCount * Math.min(INDENT_COLUMNS, d.columnCount);
    if (indentCells + n <= indentCap) {
      indentSheets.add(d.sheetIndex);
      indentCells += n;
    }
  }

  const groups: ReadBlock[][] = [];
  let current: ReadBlock[] = [];
  let currentBytes = 0;
  const web = options.platform === 'web';

  for (const d of dims) {
    if (d.rowCount <= 0 || d.columnCount <= 0) continue;
    const indent = indentSheets.has(d.sheetIndex);
    const rowsPerRead = Math.max(1, Math.floor(maxCells / d.columnCount));
    const bytesPerRow = estimateBytes({ rows: 1, cols: d.columnCount, indent });
    let done = 0;
    while (done < d.rowCount) {
      let rows = Math.min(rowsPerRead, d.rowCount - done);
      if (web) {
        const fit = Math.floor((budget - currentBytes) / bytesPerRow);
        if (fit < 1 && current.length > 0) {
          groups.push(current);
          current = [];
          currentBytes = 0;
          continue;
        }
        rows = Math.max(1, Math.min(rows, fit));
      }
      current.push({
        sheetIndex: d.sheetIndex,
        row: d.rowIndex + done,
        rows,
        col: d.columnIndex,
        cols: d.columnCount,
        indent,
      });
      currentBytes += rows * bytesPerRow;
      done += rows;
    }
  }
  if (current.length > 0) groups.push(current);
  return { groups, indentSheets, totalCells };
}

/** Halves a block by rows for a retry; null when it is a single row or its retry budget is spent. */
export function splitBlock(block: ReadBlock): [ReadBlock, ReadBlock] | null {
  const splits = (block.splits ?? 0) + 1;
  if (block.rows < 2 || splits > MAX_BLOCK_SPLITS) return null;
  const top = Math.floor(block.rows / 2);
  return [
    { ...block, rows: top, splits },
    { ...block, row: block.row + top, rows: block.rows - top, splits },
  ];
}
