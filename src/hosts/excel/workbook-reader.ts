// readWorkbook of the Excel adapter: where each sheet's data is, then its values, number formats
// and indents in blocks sized to what Excel accepts (see the ROUND TRIPS notes in excel-host.ts).
import { chooseRegion, DENSITY, farCellsNote, FAR_LISTED, MAX_REGION_CELLS, rectAddress as regionAddress, rectArea, SPARSE_AREA, tooLargeMessage, type AxisSpans, type Rect } from '../../core/region';
import { message } from '../../core/i18n';
import type { Bilingual, CellValue, Progress, SheetGrid, SheetNote, WorkbookSnapshot } from '../../core/types';
import { rectAddress } from './a1';
import { HostError, errorCode, requirementMissing } from './errors';
import type { HostSession } from './host-session';
import { BYTES_PER_CELL, INDENT_COLUMNS, type ReadBlock, type UsedRangeDims, measureBytes, planReads, repack, splitBlock } from './read-plan';
import { isResultTableName } from './result-sheet';
import { isSyncTimeout } from './sync';

const READ_ACTION: Bilingual = message('host.action.read');
const READ_FEATURE: Bilingual = message('host.excel.feature.read-ranges');

const STAGE = {
  sheets: message('host.stage.sheets'),
  ranges: message('host.stage.ranges'),
  cells: message('host.stage.cells'),
  done: message('host.stage.done'),
} satisfies Record<string, Bilingual>;

function isPayloadError(e: unknown): boolean {
  const code = errorCode(e) ?? '';
  const text = e instanceof Error ? e.message : '';
  return /PayloadSizeLimitExceeded/i.test(code) || /PayloadSizeLimitExceeded/i.test(text) || code === 'RangeExceedsLimit';
}

/** Cells above which a GeneralException on a read is taken for "too large" (desktop Excel says no more). */
const LARGE_READ_CELLS = 10_000;

/**
 * Whether a failed read sync means "ask for less": a payload limit (web), Excel running out of
 * memory (desktop: MemoryLimitReached), or a GeneralException on a large request.
 */
function isSplittableReadError(e: unknown, group: ReadBlock[]): boolean {
  if (isSyncTimeout(e)) return false;
  if (isPayloadError(e)) return true;
  const code = errorCode(e);
  if (code === 'MemoryLimitReached') return true;
  return code === 'GeneralException' && group.reduce((n, b) => n + b.rows * b.cols, 0) > LARGE_READ_CELLS;
}

function toVisibility(v: string): SheetGrid['visibility'] {
  if (v === 'Hidden') return 'hidden';
  if (v === 'VeryHidden') return 'veryHidden';
  return 'visible';
}

function toCellValue(v: unknown, type: string | undefined): CellValue {
  if (type === 'Error') return { error: String(v) };
  if (type === 'Empty' || v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

interface PendingBlock {
  block: ReadBlock;
  range: Excel.Range;
  indents?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

interface SheetBuffer {
  grid: SheetGrid;
  dims: UsedRangeDims;
}

/** What findRegions decided for one sheet: the rectangle to read (none: nothing), notes, or why it is not read. */
interface SheetRegion {
  read?: Rect;
  notes?: SheetNote[];
  unread?: Bilingual;
}

/** Areas of non-empty cells above which a sheet's areas are not listed (one more sync's payload). */
const MAX_AREAS = 2000;

export async function readWorkbook(s: HostSession, onProgress?: Progress): Promise<WorkbookSnapshot> {
  if (!s.api('1.4')) throw new HostError(requirementMissing(READ_FEATURE, '1.4'));
  const report = (fraction: number, stage: Bilingual): void => onProgress?.(fraction, stage);
  const indentSupported = s.api('1.9');
  const hasWorkbookName = s.api('1.7');

  return s.run(READ_ACTION, async (ctx) => {
    report(0, STAGE.sheets);
    const workbook = ctx.workbook;
    const worksheets = workbook.worksheets;
    // Protection is read with the sheets (Worksheet.protection: ExcelApi 1.2; the workbook's
    // structure protection: 1.7) so the pane can say before marking what cannot be marked.
    worksheets.load('items/name,items/visibility,items/protection/protected');
    const tables = workbook.tables;
    tables.load('items/name,items/worksheet/name');
    if (hasWorkbookName) workbook.load('name,protection/protected');
    await s.sync(ctx); // sync 1

    const ours = new Set(tables.items.filter((t) => isResultTableName(t.name)).map((t) => t.worksheet.name));
    const sheets = worksheets.items.filter((s) => !ours.has(s.name));
    report(0.05, STAGE.ranges);
    const used = sheets.map((s) => {
      const r = s.getUsedRangeOrNullObject(true);
      r.load('rowIndex,columnIndex,rowCount,columnCount');
      return r;
    });
    await s.sync(ctx); // sync 2

    // Where the data is: syncs 3 and 4 when a used range is large (see findRegions).
    const regions = await findRegions(s, ctx, sheets, used);

    const buffers: SheetBuffer[] = [];
    const grids: SheetGrid[] = sheets.map((s, i) => {
      const grid: SheetGrid = { name: s.name, originRow: 0, originCol: 0, values: [], visibility: toVisibility(s.visibility) };
      if (s.protection.protected) grid.protected = true;
      const region = regions[i];
      if (region.notes) grid.notes = region.notes;
      if (region.unread) grid.unread = region.unread;
      const r = region.read;
      if (r) {
        const dims: UsedRangeDims = {
          sheetIndex: i,
          rowIndex: r.r0,
          columnIndex: r.c0,
          rowCount: r.r1 - r.r0 + 1,
          columnCount: r.c1 - r.c0 + 1,
        };
        grid.originRow = dims.rowIndex;
        grid.originCol = dims.columnIndex;
        grid.values = Array.from({ length: dims.rowCount }, () => new Array<CellValue>(dims.columnCount).fill(null));
        grid.numberFormats = Array.from({ length: dims.rowCount }, () => new Array<string>(dims.columnCount).fill('General'));
        buffers[i] = { grid, dims };
      }
      return grid;
    });

    const plan = planReads(
      buffers.filter(Boolean).map((b) => b.dims),
      { platform: s.platform, indentSupported, webBudgetBytes: s.webBudgetBytes },
    );
    for (const i of plan.indentSheets) {
      const { grid, dims } = buffers[i];
      grid.indents = Array.from({ length: dims.rowCount }, () => new Array<number>(dims.columnCount).fill(0));
    }

    report(0.1, STAGE.cells);
    let queue: ReadBlock[][] = [...plan.groups];
    let cellsDone = 0;
    // Bytes per cell, as estimated (BYTES_PER_CELL) until a sync shows what Excel really sends.
    let learned = 0;
    const tooMuch = (block: ReadBlock): HostError =>
      new HostError(message('host.excel.too-much-data', { sheet: sheets[block.sheetIndex].name, first: block.row + 1, last: block.row + block.rows }), { reason: 'TooMuchData' });
    while (queue.length > 0) {
      const group = queue.shift() as ReadBlock[];
      const pending = group.map((b) => queueBlockRead(sheets[b.sheetIndex], b));
      try {
        // eslint-disable-next-line no-restricted-syntax -- one sync per group of blocks that fits a request; a block Excel refuses is split and queued again
        await s.sync(ctx); // sync 3 (and, on the web, one more per budget's worth of cells)
      } catch (e) {
        if (!isSplittableReadError(e, group)) throw e;
        // Each block has its own retry budget (splitBlock), so one hard block cannot use up
        // the retries of the others.
        const halves = splitGroup(group);
        if (!halves) throw tooMuch(group[0]);
        queue.unshift(...halves);
        continue;
      }
      const again: ReadBlock[] = [];
      let bytes = 0;
      let cells = 0;
      for (const p of pending) {
        const values = p.range.values as unknown[][] | null;
        if (!values) {
          const halves = splitBlock(p.block);
          if (!halves) throw tooMuch(p.block);
          again.push(...halves);
          continue;
        }
        if (s.platform === 'web') {
          bytes += measureBytes(values, p.range.numberFormat as unknown[][] | null, p.range.valueTypes as unknown[][] | null);
          cells += p.block.rows * p.block.cols;
        }
        storeBlock(buffers[p.block.sheetIndex], p, values);
        cellsDone += p.block.rows * p.block.cols;
      }
      if (again.length > 0) queue.unshift(again);
      // Learn the real bytes per cell from the first block that came back, and pack what is
      // left again when it is well above the estimate the plan used.
      if (s.platform === 'web' && cells > 0 && learned === 0) {
        learned = Math.max(BYTES_PER_CELL, bytes / cells);
        if (learned > BYTES_PER_CELL * 1.2 && queue.length > 0) queue = repack(queue.flat(), s.webBudgetBytes, learned * 1.1);
      }
      report(0.1 + (0.9 * cellsDone) / Math.max(1, plan.totalCells), STAGE.cells);
    }

    report(1, STAGE.done);
    const snapshot: WorkbookSnapshot = { name: hasWorkbookName ? workbook.name : '', sheets: grids };
    if (hasWorkbookName && workbook.protection.protected) snapshot.structureProtected = true;
    return snapshot;
  });
}

/**
 * What to read of each sheet. A used range (values only) is a rectangle: one stray value at
 * XFD1048576 beside a small table makes it 17 billion cells, and reading it would freeze the
 * pane. So a used range above SPARSE_AREA cells is looked into without reading a cell:
 *   sync 3  (ExcelApi 1.9) the number of non-empty cells and of their areas
 *           (getSpecialCellsOrNullObject: constants and formulas). A range in which at least
 *           1 cell in DENSITY is non-empty is read whole;
 *   sync 4  otherwise, when they come in at most MAX_AREAS areas, the areas themselves: the
 *           region to read is chosen from them as for a file (core/region.ts), and the areas
 *           outside it are named in a note on the sheet.
 * A region (or, without ExcelApi 1.9 or with too many areas, a used range) still above
 * MAX_REGION_CELLS is not read: the sheet gets a bilingual reason (`unread`) with its size.
 * Workbooks whose used ranges are all below SPARSE_AREA cells take neither sync.
 */
async function findRegions(s: HostSession, ctx: Excel.RequestContext, sheets: Excel.Worksheet[], used: Excel.Range[]): Promise<SheetRegion[]> {
  const out: SheetRegion[] = used.map((r) =>
    r.isNullObject ? {} : { read: { r0: r.rowIndex, c0: r.columnIndex, r1: r.rowIndex + r.rowCount - 1, c1: r.columnIndex + r.columnCount - 1 } },
  );
  const large = out.map((o, i) => (o.read && rectArea(o.read) > SPARSE_AREA ? i : -1)).filter((i) => i >= 0);
  if (large.length === 0) return out;
  const tooLarge = (i: number, rect: Rect, cells?: number): void => {
    out[i] = { unread: tooLargeMessage(sheets[i].name, rect, cells) };
  };
  if (!s.api('1.9')) {
    for (const i of large) if (rectArea(out[i].read as Rect) > MAX_REGION_CELLS) tooLarge(i, out[i].read as Rect);
    return out;
  }
  const probes = large.map((i) => {
    const kinds = (['Constants', 'Formulas'] as const).map((kind) => {
      const areas = used[i].getSpecialCellsOrNullObject(kind as Excel.SpecialCellType);
      areas.load('areaCount,cellCount');
      return areas;
    });
    return { i, kinds };
  });
  await s.sync(ctx); // sync 3
  const listed: Array<{ i: number; kinds: Excel.RangeAreas[]; cells: number }> = [];
  for (const { i, kinds } of probes) {
    const present = kinds.filter((k) => !k.isNullObject);
    const cells = present.reduce((n, k) => n + k.cellCount, 0);
    const areas = present.reduce((n, k) => n + k.areaCount, 0);
    const rect = out[i].read as Rect;
    if (cells === 0) {
      out[i] = {};
      continue;
    }
    if (rectArea(rect) <= Math.max(SPARSE_AREA, DENSITY * cells) || areas > MAX_AREAS) {
      // Dense, or in too many pieces to list: the used range as it is, if it is not too large.
      if (rectArea(rect) > MAX_REGION_CELLS) tooLarge(i, rect, cells);
      continue;
    }
    for (const k of present) k.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
    listed.push({ i, kinds: present, cells });
  }
  if (listed.length === 0) return out;
  await s.sync(ctx); // sync 4
  for (const { i, kinds, cells } of listed) {
    const rects: Array<Rect & { n: number }> = [];
    for (const k of kinds) {
      for (const a of k.areas.items) rects.push({ r0: a.rowIndex, c0: a.columnIndex, r1: a.rowIndex + a.rowCount - 1, c1: a.columnIndex + a.columnCount - 1, n: a.rowCount * a.columnCount });
    }
    const rows: AxisSpans = { from: rects.map((a) => a.r0), to: rects.map((a) => a.r1), n: rects.map((a) => a.n) };
    // An area lies wholly inside or wholly outside any band of rows the choice looks at.
    const colsWithin = (r0: number, r1: number): AxisSpans => {
      const inBand = rects.filter((a) => a.r0 >= r0 && a.r1 <= r1);
      return { from: inBand.map((a) => a.c0), to: inBand.map((a) => a.c1), n: inBand.map((a) => a.n) };
    };
    const rect = out[i].read as Rect;
    const choice = chooseRegion(() => rows, colsWithin, cells, rect);
    if (choice.kind === 'empty') out[i] = {};
    else if (choice.kind === 'too-large') tooLarge(i, choice.region, cells);
    else if (choice.kind === 'region') {
      const region = choice.region;
      const inside = (a: Rect): boolean => a.r0 >= region.r0 && a.r1 <= region.r1 && a.c0 >= region.c0 && a.c1 <= region.c1;
      const far = rects.filter((a) => !inside(a)).sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
      out[i] = { read: region };
      if (far.length > 0) {
        out[i].notes = [farCellsNote(sheets[i].name, far.slice(0, FAR_LISTED + 1).map(regionAddress), far.reduce((n, a) => n + a.n, 0), region)];
      }
    }
  }
  return out;
}

function queueBlockRead(sheet: Excel.Worksheet, b: ReadBlock): PendingBlock {
  const range = sheet.getRange(rectAddress({ r0: b.row, c0: b.col, r1: b.row + b.rows - 1, c1: b.col + b.cols - 1 }));
  range.load('values,numberFormat,valueTypes');
  const pending: PendingBlock = { block: b, range };
  if (b.indent) {
    const k = Math.min(INDENT_COLUMNS, b.cols);
    const first = sheet.getRange(rectAddress({ r0: b.row, c0: b.col, r1: b.row + b.rows - 1, c1: b.col + k - 1 }));
    pending.indents = first.getCellProperties({ format: { indentLevel: true } });
  }
  return pending;
}

function storeBlock(buffer: SheetBuffer, p: PendingBlock, values: unknown[][]): void {
  const { grid, dims } = buffer;
  const types = p.range.valueTypes as string[][] | null;
  const formats = p.range.numberFormat as unknown[][] | null;
  const r0 = p.block.row - dims.rowIndex;
  for (let r = 0; r < values.length; r++) {
    const outValues = grid.values[r0 + r];
    const outFormats = (grid.numberFormats as string[][])[r0 + r];
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      outValues[c] = toCellValue(row[c], types?.[r]?.[c]);
      const f = formats?.[r]?.[c];
      if (typeof f === 'string') outFormats[c] = f;
    }
  }
  if (p.indents && grid.indents) {
    const props = p.indents.value;
    for (let r = 0; r < props.length; r++) {
      const out = grid.indents[r0 + r];
      for (let c = 0; c < props[r].length; c++) out[c] = props[r][c].format?.indentLevel ?? 0;
    }
  }
}

/** Splits a group that overflowed: by blocks when it has several, else the block by rows. */
function splitGroup(group: ReadBlock[]): ReadBlock[][] | null {
  if (group.length > 1) {
    const mid = Math.ceil(group.length / 2);
    return [group.slice(0, mid), group.slice(mid)];
  }
  const halves = splitBlock(group[0]);
  return halves ? [[halves[0]], [halves[1]]] : null;
}
