// Streaming .xlsx reader for the command line (Node only; the browser keeps read-xlsx.ts).
//
// readXlsx (ExcelJS's full reader) inflates each worksheet into one string and keeps a model
// object, then a Row and a Cell object, per cell: ~2.8 KB of memory per row of five cells, so a
// 1,000,000-row sheet takes 45 s and 2.8 GB. This reader gives exactly the same WorkbookSnapshot
// (tests/xlsx-stream.test.ts compares the two on samples, odd files and random ones) and keeps
// only the grid (1 M rows: 7 s, 0.4 GB; npm run bench, "Reading .xlsx"):
//
//   - every part but the worksheets goes through the code ExcelJS's full reader runs on it (its
//     zip loop, xforms, reconcile and Workbook/Worksheet model setters), so sheet names, order,
//     visibility, styles, shared strings, merges and the errors of those steps are ExcelJS's own;
//   - a worksheet is inflated by node's zlib as a stream (JSZip's size check is repeated) and read
//     by FastXml, a tokenizer for plain XML that hands <sheetData> rows straight to SheetCells as
//     RowXform/CellXform would build them, and every other element to ExcelJS's WorksheetXform.
//     On anything else (comments, CDATA, rich inline text, malformed XML …) it gives up and the
//     part is read again by saxes in the 16 K-character pieces ExcelJS feeds it, into ExcelJS's
//     own xforms, so that odd and broken files read (or fail) exactly as in ExcelJS;
//   - each row is reconciled (RowXform/CellXform.reconcile: styles, shared strings, dates, shared
//     formulas) and turned into values when it closes, instead of being kept; what ExcelJS's Row,
//     Cell and merge code then does (cells without a value, cells with only a style, merged
//     ranges, hyperlinks) is repeated in SheetCells, and the grid is built as gridFromWorksheet
//     builds it, with the same convert/formulaValue.
//
// ExcelJS's own streaming WorkbookReader was measured too (scripts/bench/read-child.js): it reads
// cells by other rules (error and boolean formula results, merges, dates of formula results) and
// builds a Row and Cell per cell; merely iterating 1 M rows took 17 s. Errors: the same bilingual
// WorkbookReadError as readXlsx (sniffWorkbook, JSZip, "no worksheet", "damaged"); a damaged file
// that fails in more than one part may name another part than readXlsx would, so up to
// FALLBACK_BYTES of inflated content the full reader words the error.
//
// This file loads the package and builds the workbook; the pieces are in stream/: ExcelJS's
// private modules behind exceljs-internals.ts, reading parts (parts.ts), the tokenizer
// (fast-xml.ts; its signal, entity decoding and plain-row form in fast-xml-support.ts), and the
// cells of a sheet (sheet-cells.ts, cells-support.ts).
import type ExcelJS from 'exceljs';
import { Workbook } from './exceljs';
import type { WorkbookSnapshot } from '../../core/types';
import { WorkbookReadError } from './errors';
import { checkStatedSizes, limitsWith, PackageLimitError, targetPart, tooManyEntries, uniqueSheetIds, zipEntryCount, type PackageLimits } from './package-guard';
import { damagedError, gridsOf, loadWorkbook, noWorksheetError, sniffWorkbook, withMissingSheets } from './read-xlsx';
import { JSZip, PassThrough, SharedStringsXform, StylesXform, AppXform, CoreXform, Range, FALLBACK_BYTES } from './stream/exceljs-internals';
import { Styles, Merge, Budget, checkMergesApart, plainMerge } from './stream/cells-support';
import { SheetCells } from './stream/sheet-cells';
import { stringStream, partText, verifyPart, parseEntry } from './stream/parts';
import { parseEntryFast } from './stream/fast-xml';
import { FastPathGaveUp } from './stream/fast-xml-support';
import { SheetThread, type ThreadOptions } from './stream/sheet-thread';
import { rowStreamingXform } from './stream/worksheet-xform';

export { FALLBACK_BYTES } from './stream/exceljs-internals';

export interface StreamReadOptions {
  /**
   * When the streaming read fails on a file of at most FALLBACK_BYTES inflated, return what the
   * full reader returns for it (its snapshot or its error). Default true; tests turn it off.
   */
  fallback?: boolean;
  /**
   * Filled in: worksheets read by the fast tokenizer (`threaded` of them on the second thread), by
   * saxes, and whether the full reader was used.
   */
  stats?: { fast: number; saxes: number; full: boolean; threaded?: number };
  /** When to tokenize a worksheet on a second thread (sheet-thread.ts); false: never. */
  thread?: ThreadOptions | false;
  /** Read every worksheet with saxes, as ExcelJS does (tests compare both ways). */
  saxesOnly?: boolean;
  /** Limits on the package and the cells kept (package-guard.ts DEFAULT_LIMITS); tests lower them. */
  limits?: Partial<PackageLimits>;
}

/**
 * A worksheet part, parsed by ExcelJS's WorksheetXform with each row handed to the SheetCells as it
 * closes: by FastXml (on the second thread for a large part, see sheet-thread.ts), or by saxes as
 * ExcelJS does when FastXml bails (then from the start again).
 */
async function parseWorksheet(entry: any, makeCells: () => SheetCells, options: StreamReadOptions, where: { name: string; part: string }, thread: SheetThread | undefined): Promise<{ worksheet: any; cells: SheetCells }> {
  const { stats } = options;
  const holder = { cells: makeCells() };
  const restart = (): void => {
    holder.cells.release();
    holder.cells = makeCells();
  };
  const attempt = (): any => {
    restart();
    return rowStreamingXform(restart, (model) => holder.cells.addRow(model));
  };
  if (!options.saxesOnly) {
    let gaveUp = false;
    if (thread?.takes(entry)) {
      restart();
      const outcome = await thread.parse(
        entry,
        where,
        (n, styleId, cells) => holder.cells.addPlainRow(n, styleId, cells),
        (model) => holder.cells.addRow(model),
      );
      if (typeof outcome === 'object') {
        if (stats) {
          stats.fast++;
          stats.threaded = (stats.threaded ?? 0) + 1;
        }
        return { worksheet: outcome.worksheet, cells: holder.cells };
      }
      gaveUp = outcome === 'gave-up';
    }
    if (!gaveUp) {
      try {
        const worksheet = await parseEntryFast(entry, attempt(), (model) => holder.cells.addRow(model), where, (n, styleId, cells) => holder.cells.addPlainRow(n, styleId, cells));
        if (stats) stats.fast++;
        return { worksheet, cells: holder.cells };
      } catch (e) {
        if (!(e instanceof FastPathGaveUp)) throw e;
      }
    }
  }
  const worksheet = await parseEntry(entry, attempt(), where);
  if (stats) stats.saxes++;
  return { worksheet, cells: holder.cells };
}

interface SheetPart {
  entry: any;
  path: string;
  sheetNo: string;
}

/** Parts ExcelJS parses by exact name. */
const EXACT_PARTS = ['_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml', 'docProps/app.xml', 'docProps/core.xml'];
/** Parts ExcelJS parses by pattern (xlsx.js load), besides the worksheets. */
const OTHER_PARTS = [
  /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/,
  /xl\/theme\/([a-zA-Z0-9]+)[.]xml/,
  /xl\/media\/([a-zA-Z0-9]+[.][a-zA-Z0-9]{3,4})$/,
  /xl\/drawings\/([a-zA-Z0-9]+)[.]xml/,
  /xl\/(comments\d+)[.]xml/,
  /xl\/tables\/(table\d+)[.]xml/,
  /xl\/drawings\/_rels\/([a-zA-Z0-9]+)[.]xml[.]rels/,
  /xl\/drawings\/(vmlDrawing\d+)[.]vml/,
];
const SHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/** Whether a part is a worksheet the reader streams (all other parts are read whole). */
function isStreamedSheet(part: string): boolean {
  return SHEET_PART.test(part) && !/xl\/media\//.test(part) && !/xl\/theme\/([a-zA-Z0-9]+)[.]xml/.test(part) && !EXACT_PARTS.includes(part);
}

interface Loaded {
  wb: ExcelJS.Workbook;
  cellsOf: Map<object, SheetCells>;
  /** Sheets the workbook lists whose worksheet part is missing (package-guard.ts). */
  missing: Array<{ index: number; name: string; part: string }>;
}

/** XLSX.load with the worksheets streamed; returns ExcelJS's workbook (rows left out) and the cells. */
async function load(bytes: Uint8Array, name: string, options: StreamReadOptions): Promise<Loaded> {
  const limits = limitsWith(options.limits);
  const budget: Budget = { name, limits, cells: 0 };
  // Before JSZip makes an object per entry.
  const entries = zipEntryCount(bytes);
  if (entries !== undefined && entries > limits.maxEntries) throw tooManyEntries(name, entries, limits.maxEntries);
  const wb = new Workbook();
  const model: any = {
    worksheets: [],
    worksheetHash: {},
    worksheetRels: [],
    themes: {},
    media: [],
    mediaIndex: {},
    drawings: {},
    drawingRels: {},
    comments: {},
    tables: {},
    vmlDrawings: {},
  };
  const zip = await JSZip.loadAsync(bytes);
  // Stated sizes, before anything is inflated: worksheets are streamed, every other part is read whole.
  checkStatedSizes(zip, name, limits, (part) => !isStreamedSheet(part));
  // The second thread for large worksheets starts now, so that it has loaded its modules by the
  // time the styles and shared strings (which the worksheets need first) are read.
  const sheetEntries = (Object.values(zip.files) as any[]).filter((e) => !e.dir && isStreamedSheet(e.name.replace(/^\//, '')));
  const thread = options.saxesOnly ? undefined : SheetThread.forEntries(sheetEntries, options.thread);
  try {
    return await loadParts(zip, wb, model, name, options, budget, thread);
  } finally {
    thread?.close();
  }
}

/** The rest of load(): every part in zip order, then the worksheets, then ExcelJS's reconcile. */
async function loadParts(zip: any, wb: ExcelJS.Workbook, model: any, name: string, options: StreamReadOptions, budget: Budget, thread: SheetThread | undefined): Promise<Loaded> {
  const xlsx: any = wb.xlsx;
  const sheetParts: SheetPart[] = [];
  for (const entry of Object.values(zip.files) as any[]) {
    if (entry.dir) continue;
    let entryName: string = entry.name;
    if (entryName[0] === '/') entryName = entryName.substr(1);
    const sheet = entryName.match(SHEET_PART);
    if (sheet && isStreamedSheet(entryName)) {
      // Streamed below, once styles and shared strings (which may come later in the zip) are read.
      sheetParts.push({ entry, path: entryName, sheetNo: sheet[1] });
      continue;
    }
    if (!EXACT_PARTS.includes(entryName) && !OTHER_PARTS.some((re) => re.test(entryName))) {
      // A part ExcelJS inflates and ignores (calcChain, printer settings, custom XML …).
      await verifyPart(entry, entryName, name);
      continue;
    }
    let stream: any;
    if (/xl\/media\//.test(entryName)) {
      // Pictures: checked, not kept (a grid needs none of them).
      await verifyPart(entry, entryName, name);
      stream = new PassThrough();
      stream.end();
    } else if (/xl\/theme\/([a-zA-Z0-9]+)[.]xml/.test(entryName)) {
      stream = new PassThrough();
      stream.write(Buffer.from(await partText(entry, entryName, name), 'utf-8'));
      stream.end();
    } else {
      stream = stringStream(await partText(entry, entryName, name));
    }
    switch (entryName) {
      case '_rels/.rels':
        model.globalRels = await xlsx.parseRels(stream);
        break;
      case 'xl/workbook.xml': {
        const workbook = await xlsx.parseWorkbook(stream);
        model.sheets = workbook.sheets;
        // Two sheets with one sheetId would leave only the last (package-guard.ts).
        if (Array.isArray(model.sheets)) uniqueSheetIds(model.sheets);
        model.definedNames = workbook.definedNames;
        model.views = workbook.views;
        model.properties = workbook.properties;
        model.calcProperties = workbook.calcProperties;
        break;
      }
      case 'xl/_rels/workbook.xml.rels':
        model.workbookRels = await xlsx.parseRels(stream);
        break;
      case 'xl/sharedStrings.xml':
        model.sharedStrings = new SharedStringsXform();
        await model.sharedStrings.parseStream(stream);
        break;
      case 'xl/styles.xml':
        model.styles = new StylesXform();
        await model.styles.parseStream(stream);
        break;
      case 'docProps/app.xml': {
        const app = await new AppXform().parseStream(stream);
        model.company = app.company;
        model.manager = app.manager;
        break;
      }
      case 'docProps/core.xml':
        Object.assign(model, await new CoreXform().parseStream(stream));
        break;
      default: {
        let match = entryName.match(OTHER_PARTS[0]);
        if (match) {
          await xlsx._processWorksheetRelsEntry(stream, model, match[1]);
          break;
        }
        match = entryName.match(OTHER_PARTS[1]);
        if (match) {
          await xlsx._processThemeEntry(stream, model, match[1]);
          break;
        }
        match = entryName.match(OTHER_PARTS[2]);
        if (match) {
          await xlsx._processMediaEntry(stream, model, match[1]);
          break;
        }
        match = entryName.match(OTHER_PARTS[3]);
        if (match) {
          await xlsx._processDrawingEntry(stream, model, match[1]);
          break;
        }
        match = entryName.match(OTHER_PARTS[4]);
        if (match) {
          await xlsx._processCommentEntry(stream, model, match[1]);
          break;
        }
        match = entryName.match(OTHER_PARTS[5]);
        if (match) {
          await xlsx._processTableEntry(stream, model, match[1]);
          break;
        }
        match = entryName.match(OTHER_PARTS[6]);
        if (match) {
          await xlsx._processDrawingRelsEntry(stream, model, match[1]);
          break;
        }
        match = entryName.match(OTHER_PARTS[7]);
        if (match) await xlsx._processVmlDrawingEntry(stream, model, match[1]);
      }
    }
  }

  const styles = new Styles();
  const parts = { styles: model.styles, sharedStrings: model.sharedStrings, date1904: model.properties && model.properties.date1904 };
  const cellsOfModel = new Map<object, SheetCells>();
  const links = new Map<object, Record<string, unknown>>();
  for (const part of sheetParts) {
    const where = { name, part: part.path };
    const { worksheet, cells } = await parseWorksheet(part.entry, () => new SheetCells(styles, parts, budget, part.path), options, where, thread);
    // xlsx.js _processWorksheetEntry
    if (worksheet === undefined || worksheet === null) throw new TypeError("Cannot set properties of undefined (setting 'sheetNo')");
    worksheet.sheetNo = part.sheetNo;
    model.worksheetHash[part.path] = worksheet;
    model.worksheets.push(worksheet);
    cellsOfModel.set(worksheet, cells);
  }
  const missing = missingSheets(model);

  // Merged areas: ExcelJS's own merging compares each area with every earlier one and makes a
  // cell for every cell of it; SheetCells does the same work within the grid only. Areas whose
  // corners ExcelJS's Range does not read as plain cell numbers are left to ExcelJS's own merging.
  const plainMerges = new Map<object, Merge[]>();
  for (const worksheet of model.worksheets) {
    const refs: unknown[] = worksheet.mergeCells || [];
    const merges = refs.map(plainMerge);
    if (merges.every((m) => m !== undefined)) {
      plainMerges.set(worksheet, merges as Merge[]);
      worksheet.mergeCells = [];
    }
  }

  for (const worksheet of model.worksheets) {
    const cells = cellsOfModel.get(worksheet) as SheetCells;
    // The hyperlink map WorksheetXform.reconcile builds (it throws on a missing relationship).
    const rels: Record<string, any> = {};
    for (const rel of model.worksheetRels[worksheet.sheetNo] || []) rels[rel.Id] = rel;
    const map: Record<string, unknown> = {};
    for (const h of worksheet.hyperlinks || []) if (h.rId && rels[h.rId]) map[h.address] = rels[h.rId].Target;
    links.set(worksheet, map);
    // Rows for ExcelJS's worksheet: for merges ExcelJS still does, those whose style a merged
    // cell may take; and a row without a number (which ExcelJS refuses).
    const wanted = new Set<number>();
    for (const ref of worksheet.mergeCells || []) {
      try {
        const range = new Range([ref]);
        for (let r = range.top; r <= range.bottom; r++) if (cells.rowStyleIds[r]) wanted.add(r);
      } catch {
        // ExcelJS throws the same when it merges
      }
    }
    worksheet.rows = [...wanted].sort((a, b) => a - b).map((r) => ({ number: r, cells: [], styleId: cells.rowStyleIds[r] }));
    if (cells.sawRowWithoutNumber) worksheet.rows.push({ number: NaN, cells: [] });
  }

  xlsx.reconcile(model, undefined);
  wb.model = model;

  // Workbook's model setter: _worksheets[id] = the worksheet of the last model with that id.
  const cellsOf = new Map<object, SheetCells>();
  for (const worksheet of model.worksheets) {
    const ws = (wb as any)._worksheets[worksheet.id];
    if (!ws) continue;
    const cells = cellsOfModel.get(worksheet) as SheetCells;
    cellsOf.set(ws, cells);
    cells.applyHyperlinks(links.get(worksheet) ?? {});
    const plain = plainMerges.get(worksheet);
    if (plain) {
      checkMergesApart(plain);
      // ExcelJS's Cell constructor: the row's number format and alignment, else the column's.
      const columns: any[] = ws._columns ?? [];
      cells.setMerges(plain, (r, c) => {
        const id = cells.rowStyleIds[r];
        const rowStyle = id ? parts.styles?.getStyleModel(id) : undefined;
        const colStyle = columns[c - 1]?.style;
        const numFmt = (rowStyle && rowStyle.numFmt) || (colStyle && colStyle.numFmt);
        const alignment = (rowStyle && rowStyle.alignment) || (colStyle && colStyle.alignment);
        return styles.of(numFmt || undefined, (alignment && alignment.indent) || undefined);
      });
    } else {
      // ExcelJS merged these itself: its areas, and the style of the cells it created.
      const merges = (Object.values(ws._merges ?? {}) as any[]).map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }));
      cells.setMerges(merges, (r, c) => {
        const style = ws.findCell(r, c)?.style;
        return style ? styles.of(style.numFmt || undefined, (style.alignment && style.alignment.indent) || undefined) : 0;
      });
    }
  }
  return { wb, cellsOf, missing };
}

/**
 * Worksheets the workbook lists (workbook.xml, by relationship) whose part ExcelJS did not find,
 * with their place among the worksheets that were read (workbook-xform.js reconcile).
 */
function missingSheets(model: any): Loaded['missing'] {
  const rels: Record<string, any> = {};
  for (const rel of model.workbookRels || []) rels[rel.Id] = rel;
  const out: Loaded['missing'] = [];
  let index = 0;
  for (const sheet of model.sheets || []) {
    const rel = rels[sheet.rId];
    if (!rel || typeof rel.Target !== 'string') continue;
    const part = targetPart(rel.Target);
    if (model.worksheetHash[part]) index++;
    else if (/\/worksheet$/.test(String(rel.Type ?? ''))) out.push({ index, name: String(sheet.name ?? ''), part });
  }
  return out;
}

/** Sum of the inflated sizes of the zip's entries, when the zip's directory can be read. */
async function inflatedSize(bytes: Uint8Array): Promise<number | undefined> {
  try {
    const zip = await JSZip.loadAsync(bytes);
    let total = 0;
    for (const entry of Object.values(zip.files) as any[]) total += entry._data?.uncompressedSize ?? 0;
    return total;
  } catch {
    return undefined;
  }
}

/**
 * Reads .xlsx bytes into the same snapshot as readXlsx, streaming each worksheet: memory grows
 * with the grid, not with ExcelJS's objects. Throws the same WorkbookReadError as readXlsx.
 */
export async function readXlsxStream(bytes: Uint8Array, name: string, options: StreamReadOptions = {}): Promise<WorkbookSnapshot> {
  const sniffed = sniffWorkbook(bytes, name);
  if (sniffed) throw sniffed;
  let loaded: Loaded;
  try {
    if (options.stats) Object.assign(options.stats, { fast: 0, saxes: 0, full: false });
    loaded = await load(bytes, name, options);
  } catch (e) {
    // A limit or a hostile part is final: the full reader would only spend more on it.
    if (e instanceof PackageLimitError) throw e;
    if (options.fallback !== false) {
      const size = await inflatedSize(bytes);
      // A zip whose directory cannot be read fails in readXlsx at the same JSZip call, with the same message.
      if (size !== undefined && size <= FALLBACK_BYTES) {
        if (options.stats) options.stats.full = true;
        const { workbook, missing } = await loadWorkbook(bytes, name, options.limits);
        return { name, sheets: gridsOf(workbook, missing) };
      }
    }
    if (e instanceof WorkbookReadError) throw e;
    throw damagedError(name, e);
  }
  const { wb, cellsOf, missing } = loaded;
  if (wb.worksheets.length === 0) throw noWorksheetError(name);
  const sheets = wb.worksheets.map((ws) => {
    const cells = cellsOf.get(ws);
    if (!cells) return { name: ws.name, originRow: 0, originCol: 0, values: [], visibility: 'visible' as const };
    return cells.grid(ws.name, ws.state);
  });
  return { name, sheets: withMissingSheets(sheets, missing) };
}
