// A fake of the part of WPS Spreadsheets' (ET) JavaScript object model the WPS host uses
// (src/hosts/wps/et-api.ts, itself checked against Kingsoft's declarations), with COM
// behaviour:
//  - collections count from 1 (Worksheets.Item(0) fails like an out-of-range index);
//  - Value2 of one cell is a scalar, of a block an array of rows; an empty cell is undefined;
//    error cells are COM error numbers (0x800A0000 + xlErr…, -2146826281 for #DIV/0!); dates
//    are serial numbers, as the workbook stores them;
//  - NumberFormat, IndentLevel, ColumnWidth, Interior.Color, Font.* of a range are null when
//    its cells differ;
//  - text written through Value2 or Formula is taken as typed input (`=…` a formula, numeric
//    text a number) unless the cell's format is Text ('@'); numbers stay numbers; Formula reads
//    a constant as typed (an error literal as its text) and an empty cell as '';
//  - UsedRange covers every cell with a value or a format, so formatting far from the data
//    inflates it; an empty sheet's is A1;
//  - Range(address) takes at most 255 characters; Find supports What = "*" (any content);
//  - Select needs the range's sheet to be the active one; Activate refuses hidden sheets;
//    Worksheets.Add activates the new sheet; deleting a sheet with DisplayAlerts on would stop
//    at a confirmation dialog, which the fake reports as an error;
//  - merged areas: Merge keeps the top-left value (clearing the others asks the user while
//    DisplayAlerts is on, which the fake reports as an error); a write that covers part of a
//    merged area fails; MergeCells is true, false or null (some cells merged); a table cannot
//    be made over merged cells nor a merge inside a table;
//  - ColumnWidth is in characters (default 8.38); a column is (characters·7 + 5) px wide, at
//    0.75 pt per px; rows are 13.5 pt high unless set: Left/Top/Width/Height in points follow;
//  - Borders.LineStyle / Color set on a range apply to every edge of every cell;
//  - Validation.Add fails where validation exists; its error title is at most 32 characters,
//    the message 225 (Excel's limits);
//  - ChartObjects().Add makes an empty chart (with `chartsPlotSelection`, one that already plots
//    the selection, as Excel's Shapes.AddChart does); a series takes ranges of any sheet;
//    ChartTitle exists only while HasTitle is true;
//  - ActiveWindow's FreezePanes freezes the active sheet at SplitRow / SplitColumn;
//  - Selection is the range selected on the active sheet (A1 when none was), ActiveCell its
//    top-left cell;
//  - a sheet with ProtectContents refuses every change to its cells, formats, tables and charts;
//    a workbook with ProtectStructure refuses adding, renaming, hiding and deleting sheets;
//  - members outside et-api.ts (and the add-in calls CreateTaskPane, GetTaskPane and
//    PluginStorage) throw, so the host cannot depend on something not modelled.
// Every property read or write and every method call on an object handed out crosses the
// process boundary in WPS: the fake counts them (`calls`). The workbook is plain data
// (`state`) that tests inspect.
//
// The file imports types only, so it runs in the browser as it is (the end-to-end test injects
// it as window.Application).
import type {
  EtApplication,
  EtBorders,
  EtChart,
  EtChartObject,
  EtChartObjects,
  EtChartTitle,
  EtFont,
  EtFormatCondition,
  EtFormatConditions,
  EtInterior,
  EtListObject,
  EtListObjects,
  EtName,
  EtNames,
  EtRange,
  EtSeries,
  EtSeriesCollection,
  EtSheets,
  EtValidation,
  EtWindow,
  EtWorkbook,
  EtWorksheet,
} from '../../src/hosts/wps/et-api';

export const FAKE_COM_ERROR_BASE = -2146828288;
/** Excel's xlErr… codes by error text. */
export const FAKE_XL_ERRORS: Readonly<Record<string, number>> = {
  '#NULL!': 2000,
  '#DIV/0!': 2007,
  '#VALUE!': 2015,
  '#REF!': 2023,
  '#NAME?': 2029,
  '#NUM!': 2036,
  '#N/A': 2042,
  '#SPILL!': 2045,
  '#CALC!': 2050,
};

const ROWS = 1_048_576;
const COLS = 16_384;
const WHITE = 16777215;
/** ColumnWidth of a column never set, in characters. */
export const FAKE_DEFAULT_COLUMN_WIDTH = 8.38;
/** Height of a row never set, in points. */
export const FAKE_DEFAULT_ROW_HEIGHT = 13.5;
/** More cells than this in one Value2 read is a host mistake (a whole column read as values). */
const MAX_VALUE_CELLS = 5_000_000;

export type FakeWpsValue = number | string | boolean;

export interface FakeWpsCell {
  value?: FakeWpsValue;
  /** An Excel error text (`#DIV/0!`); Value2 gives its COM error number. */
  error?: string;
  /** `=…`; a formula's value is in `value` (the fake calculates only HYPERLINK). */
  formula?: string;
  numberFormat?: string;
  indent?: number;
  /** Interior.Color, BGR. */
  fill?: number;
  fontColor?: number;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  fontSize?: number;
  /** XlHAlign / XlVAlign numbers. */
  hAlign?: number;
  vAlign?: number;
  wrapText?: boolean;
  /** Every edge of the cell (set through Range.Borders). */
  border?: { lineStyle?: number; color?: number };
  validation?: FakeWpsValidation;
}

export interface FakeWpsValidation {
  /** XlDVType: 1 whole number, 2 decimal. */
  type: number;
  alertStyle: number;
  /** XlFormatConditionOperator: 1 between, 7 greater or equal. */
  operator: number;
  formula1: string;
  formula2?: string;
  ignoreBlank: boolean;
  showError: boolean;
  errorTitle: string;
  errorMessage: string;
}

/** A series' values or category names: a range of some sheet, or an array. */
export type FakeSeriesData = { sheet: string; address: string } | unknown[] | null;

export interface FakeWpsSeries {
  name: string;
  values: FakeSeriesData;
  xValues: FakeSeriesData;
}

export interface FakeWpsChart {
  name: string;
  /** XlChartType; null until set. */
  type: number | null;
  hasTitle: boolean;
  title: string | null;
  series: FakeWpsSeries[];
  /** Position and size in points. */
  left: number;
  top: number;
  width: number;
  height: number;
}

/** 0-based, inclusive. */
export interface FakeRect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface FakeWpsFormatCondition {
  id: number;
  /** XlFormatConditionType: 2 = formula. */
  type: number;
  formula1: string;
  areas: FakeRect[];
  interiorColor: number | null;
  fontColor: number | null;
}

export interface FakeWpsTable {
  name: string;
  area: FakeRect;
  tableStyle: string;
}

export interface FakeWpsSheet {
  name: string;
  /** -1 visible, 0 hidden, 2 very hidden. */
  visible: number;
  /** By `row,col` (0-based). */
  cells: Map<string, FakeWpsCell>;
  formatConditions: FakeWpsFormatCondition[];
  tables: FakeWpsTable[];
  /** Column widths in characters by 0-based column; absent: the default. */
  columnWidths: Map<number, number>;
  /** Columns AutoFit was called on. */
  autoFitted: number[];
  merges: FakeRect[];
  /** Row heights in points by 0-based row; absent: the default. */
  rowHeights: Map<number, number>;
  charts: FakeWpsChart[];
  protectContents: boolean;
  /** The sheet's window settings (split and frozen rows and columns, gridlines). */
  view: { splitRow: number; splitColumn: number; frozen: boolean; gridlines: boolean };
}

export interface FakeTaskPane {
  ID: number;
  url: string;
  title?: string;
  Visible: boolean;
}

export interface FakeWpsState {
  name: string;
  sheets: FakeWpsSheet[];
  activeSheet: string;
  /** The selection as Select left it (address without $ as the host asked for it). */
  selection: { sheet: string; address: string } | null;
  displayAlerts: boolean;
  screenUpdating: boolean;
  taskPanes: FakeTaskPane[];
  pluginStorage: Record<string, unknown>;
  protectStructure: boolean;
  /** Defined names of the workbook. */
  names: string[];
}

export type FakeWpsCellSpec = FakeWpsValue | null | FakeWpsCell;

export interface FakeWpsSheetSpec {
  name: string;
  visible?: number;
  /** Cells by A1 address; a bare value is shorthand for { value }. */
  cells?: Record<string, FakeWpsCellSpec>;
  /** Rows of cells from a top-left cell (null = empty). */
  blocks?: Array<{ at: string; rows: FakeWpsCellSpec[][] }>;
  formatConditions?: Array<{ address: string; type: number; formula1: string; interiorColor?: number | null; fontColor?: number | null }>;
  tables?: Array<{ name: string; address: string; tableStyle?: string }>;
  /** Merged areas (`F40:H41`). */
  merges?: string[];
  /** Column widths in characters by column letter. */
  columnWidths?: Record<string, number>;
  protectContents?: boolean;
}

/** A workbook as plain data (JSON-safe, so the end-to-end test can hand it to the page). */
export interface FakeWpsSpec {
  name: string;
  sheets: FakeWpsSheetSpec[];
  activeSheet?: string;
  /** The selection on the active sheet (A1 address). */
  selection?: string;
  protectStructure?: boolean;
  names?: string[];
}

export interface FakeWpsOptions {
  /** No workbook open: ActiveWorkbook is null. */
  noWorkbook?: boolean;
  /** A new chart plots the selected cells at once (as Excel's Shapes.AddChart does). */
  chartsPlotSelection?: boolean;
}

/** An error as the COM bridge raises it. */
export class FakeComError extends Error {
  constructor(
    readonly number: number,
    message: string,
  ) {
    super(message);
    this.name = 'ComError';
  }
}

const DISP_E_BADINDEX = -2147352565;
const METHOD_FAILED = -2146827284;

function methodFailed(what: string): FakeComError {
  return new FakeComError(METHOD_FAILED, what);
}

// ---------------------------------------------------------------------------------------------
// Addresses

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function fakeCellAddress(r: number, c: number): string {
  return `${colLetters(c)}${r + 1}`;
}

export function fakeAreaAddress(a: FakeRect): string {
  const first = fakeCellAddress(a.r0, a.c0);
  return a.r0 === a.r1 && a.c0 === a.c1 ? first : `${first}:${fakeCellAddress(a.r1, a.c1)}`;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i;
const COLUMN = /^\$?([A-Z]{1,3})$/i;
const ROW = /^\$?(\d{1,7})$/;

function parseEnd(s: string): { r: number | null; c: number | null } {
  const cell = CELL.exec(s);
  if (cell) return { r: Number(cell[2]) - 1, c: colIndex(cell[1]) };
  const col = COLUMN.exec(s);
  if (col) return { r: null, c: colIndex(col[1]) };
  const row = ROW.exec(s);
  if (row) return { r: Number(row[1]) - 1, c: null };
  throw methodFailed(`Method 'Range' of object 'Worksheet' failed: ${s}`);
}

/** `B3`, `B3:D9`, `A:G`, `3:5`, several separated by commas. */
export function parseAreas(address: string): FakeRect[] {
  return address.split(',').map((part) => {
    const [a, b = a, extra] = part.trim().split(':');
    if (extra !== undefined) throw methodFailed(`Method 'Range' of object 'Worksheet' failed: ${address}`);
    const p = parseEnd(a);
    const q = parseEnd(b);
    if ((p.r === null) !== (q.r === null) || (p.c === null) !== (q.c === null)) {
      throw methodFailed(`Method 'Range' of object 'Worksheet' failed: ${address}`);
    }
    const r0 = p.r ?? 0;
    const r1 = q.r ?? ROWS - 1;
    const c0 = p.c ?? 0;
    const c1 = q.c ?? COLS - 1;
    const rect = { r0: Math.min(r0, r1), r1: Math.max(r0, r1), c0: Math.min(c0, c1), c1: Math.max(c0, c1) };
    if (rect.r0 < 0 || rect.r1 >= ROWS || rect.c0 < 0 || rect.c1 >= COLS) throw methodFailed(`Method 'Range' of object 'Worksheet' failed: ${address}`);
    return rect;
  });
}

function size(a: FakeRect): number {
  return (a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1);
}

function inside(a: FakeRect, r: number, c: number): boolean {
  return r >= a.r0 && r <= a.r1 && c >= a.c0 && c <= a.c1;
}

function intersects(a: FakeRect, b: FakeRect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

const key = (r: number, c: number): string => `${r},${c}`;

function hasContent(c: FakeWpsCell | undefined): boolean {
  return !!c && (c.value !== undefined || c.error !== undefined || c.formula !== undefined);
}

function hasAnything(c: FakeWpsCell): boolean {
  return (
    hasContent(c) ||
    (c.numberFormat !== undefined && c.numberFormat !== 'General') ||
    !!c.indent ||
    c.fill !== undefined ||
    c.fontColor !== undefined ||
    c.bold !== undefined ||
    c.italic !== undefined ||
    c.fontSize !== undefined ||
    c.hAlign !== undefined ||
    c.vAlign !== undefined ||
    c.wrapText !== undefined ||
    c.border !== undefined ||
    c.validation !== undefined
  );
}

/** Points of a column `chars` characters wide: (chars·7 + 5) px at 0.75 pt per px (0 when hidden). */
export function fakeColumnPoints(chars: number): number {
  return chars > 0 ? (chars * 7 + 5) * 0.75 : 0;
}

/** Points from the top of the sheet to the top of row `r` (0-based). */
function rowOffset(sheet: FakeWpsSheet, r: number): number {
  let y = r * FAKE_DEFAULT_ROW_HEIGHT;
  for (const [row, h] of sheet.rowHeights) if (row < r) y += h - FAKE_DEFAULT_ROW_HEIGHT;
  return y;
}

function columnOffset(sheet: FakeWpsSheet, c: number): number {
  let x = c * fakeColumnPoints(FAKE_DEFAULT_COLUMN_WIDTH);
  for (const [col, w] of sheet.columnWidths) if (col < c) x += fakeColumnPoints(w) - fakeColumnPoints(FAKE_DEFAULT_COLUMN_WIDTH);
  return x;
}

function protectedSheet(what: string): FakeComError {
  return new FakeComError(METHOD_FAILED, `${what}: the cell or chart you are trying to change is on a protected sheet`);
}

function protectedStructure(what: string): FakeComError {
  return new FakeComError(METHOD_FAILED, `${what}: the workbook structure is protected`);
}

// ---------------------------------------------------------------------------------------------
// The boundary: every object the host gets is a proxy that counts and refuses what is not modelled

interface Ctx {
  state: FakeWpsState;
  options: FakeWpsOptions;
  calls: number;
  byMember: Map<string, number>;
  nextId: number;
}

const TARGET = new WeakMap<object, object>();

function unwrap<T>(v: T): T {
  return (v && typeof v === 'object' && TARGET.has(v as object) ? TARGET.get(v as object) : v) as T;
}

abstract class Com {
  /** Members the host may use: properties (get, and set when listed in `settable`) and methods. */
  protected abstract readonly members: ReadonlySet<string>;
  protected readonly settable: ReadonlySet<string> = new Set();
  constructor(protected readonly ctx: Ctx) {}

  expose(): this {
    const ctx = this.ctx;
    const type = this.constructor.name;
    const count = (member: string): void => {
      ctx.calls++;
      ctx.byMember.set(`${type}.${member}`, (ctx.byMember.get(`${type}.${member}`) ?? 0) + 1);
    };
    const proxy = new Proxy(this, {
      get: (t, prop) => {
        if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
        if (!t.members.has(prop)) throw new Error(`fake WPS: ${type}.${prop} is not modelled (not in src/hosts/wps/et-api.ts)`);
        const v = Reflect.get(t, prop, t) as unknown;
        if (typeof v === 'function') {
          return (...args: unknown[]) => {
            count(prop);
            return wrap((v as (...a: unknown[]) => unknown).apply(t, args.map(unwrap)));
          };
        }
        count(prop);
        return wrap(v);
      },
      set: (t, prop, value) => {
        if (typeof prop === 'symbol' || !t.settable.has(prop)) throw new Error(`fake WPS: ${type}.${String(prop)} cannot be set`);
        count(`${prop}=`);
        return Reflect.set(t, prop, unwrap(value), t);
      },
    });
    TARGET.set(proxy, this);
    return proxy;
  }
}

function wrap<T>(v: T): T {
  return v instanceof Com ? (v.expose() as T) : v;
}

// ---------------------------------------------------------------------------------------------
// Cells

function typedInput(cell: FakeWpsCell, v: unknown): void {
  delete cell.value;
  delete cell.error;
  delete cell.formula;
  if (v === undefined || v === null || v === '') return;
  if (typeof v === 'number' || typeof v === 'boolean') {
    cell.value = v;
    return;
  }
  if (typeof v !== 'string') throw methodFailed(`cannot store a ${typeof v} in a cell`);
  if (cell.numberFormat === '@') {
    cell.value = v;
    return;
  }
  if (v.startsWith('=') && v.length > 1) {
    cell.formula = v;
    const link = /^=HYPERLINK\("(?:[^"]|"")*","((?:[^"]|"")*)"\)$/i.exec(v);
    if (link) cell.value = link[1].replace(/""/g, '"');
    return;
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(v.trim())) {
    cell.value = Number(v);
    return;
  }
  cell.value = v;
}

function value2Of(c: FakeWpsCell | undefined): unknown {
  if (!c) return undefined;
  if (c.error !== undefined) return FAKE_COM_ERROR_BASE + (FAKE_XL_ERRORS[c.error] ?? 2015);
  return c.value;
}

class FakeRange extends Com implements EtRange {
  protected readonly members = new Set([
    'Value2',
    'Formula',
    'NumberFormat',
    'IndentLevel',
    'ColumnWidth',
    'Row',
    'Column',
    'Rows',
    'Columns',
    'Count',
    'Interior',
    'Font',
    'FormatConditions',
    'Find',
    'Select',
    'AutoFit',
    'HorizontalAlignment',
    'VerticalAlignment',
    'WrapText',
    'RowHeight',
    'MergeCells',
    'MergeArea',
    'Merge',
    'Borders',
    'Validation',
    'Left',
    'Top',
    'Width',
    'Height',
    'Worksheet',
    'Address',
  ]);
  protected readonly settable = new Set([
    'Value2',
    'Formula',
    'NumberFormat',
    'IndentLevel',
    'ColumnWidth',
    'HorizontalAlignment',
    'VerticalAlignment',
    'WrapText',
    'RowHeight',
  ]);

  constructor(
    ctx: Ctx,
    readonly sheet: FakeWpsSheet,
    readonly areas: FakeRect[],
    readonly mode: 'cells' | 'rows' | 'columns' = 'cells',
  ) {
    super(ctx);
  }

  private get area(): FakeRect {
    return this.areas[0];
  }

  private cell(r: number, c: number, create: true): FakeWpsCell;
  private cell(r: number, c: number, create?: false): FakeWpsCell | undefined;
  private cell(r: number, c: number, create = false): FakeWpsCell | undefined {
    const k = key(r, c);
    let cell = this.sheet.cells.get(k);
    if (!cell && create) this.sheet.cells.set(k, (cell = {}));
    return cell;
  }

  /** Every change to the sheet goes through here: a protected sheet refuses it. */
  guard(what: string): void {
    if (this.sheet.protectContents) throw protectedSheet(what);
  }

  /** Every cell position of every area (for writes). */
  private eachPosition(f: (r: number, c: number) => void): void {
    this.guard('Range');
    for (const a of this.areas) {
      if (size(a) > MAX_VALUE_CELLS) throw new Error(`fake WPS: writing ${size(a)} cells at once is a host mistake`);
      for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) f(r, c);
    }
  }

  /** The one value a property has over all cells, or null when they differ. */
  private uniform<V>(get: (c: FakeWpsCell | undefined) => V): V | null {
    const values = new Set<V>();
    let stored = 0;
    const total = this.areas.reduce((n, a) => n + size(a), 0);
    if (total <= this.sheet.cells.size) {
      for (const a of this.areas) for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) values.add(get(this.cell(r, c)));
    } else {
      for (const [k, cell] of this.sheet.cells) {
        const [r, c] = k.split(',').map(Number);
        if (this.areas.some((a) => inside(a, r, c))) {
          stored++;
          values.add(get(cell));
        }
      }
      if (stored < total) values.add(get(undefined));
    }
    return values.size === 1 ? [...values][0] : null;
  }

  get Value2(): unknown {
    const a = this.area;
    if (size(a) > MAX_VALUE_CELLS) throw new Error(`fake WPS: reading ${size(a)} values at once is a host mistake`);
    if (size(a) === 1) return value2Of(this.cell(a.r0, a.c0));
    const out: unknown[][] = [];
    for (let r = a.r0; r <= a.r1; r++) {
      const row: unknown[] = [];
      for (let c = a.c0; c <= a.c1; c++) row.push(value2Of(this.cell(r, c)));
      out.push(row);
    }
    return out;
  }

  set Value2(v: unknown) {
    this.write(v, 'Value2');
  }

  get Formula(): unknown {
    const a = this.area;
    // A constant shows as typed: a number, a text, an error literal (#N/A); an empty cell as ''.
    const f = (c: FakeWpsCell | undefined): string => c?.formula ?? c?.error ?? (c?.value === undefined ? '' : String(c.value));
    if (size(a) === 1) return f(this.cell(a.r0, a.c0));
    const out: string[][] = [];
    for (let r = a.r0; r <= a.r1; r++) {
      const row: string[] = [];
      for (let c = a.c0; c <= a.c1; c++) row.push(f(this.cell(r, c)));
      out.push(row);
    }
    return out;
  }

  set Formula(v: unknown) {
    this.write(v, 'Formula');
  }

  private write(v: unknown, what: string): void {
    const a = this.area;
    this.guard(what);
    if (this.areas.length > 1) throw methodFailed(`${what} cannot be set on a range of several areas`);
    const cut = this.sheet.merges.find((m) => intersects(m, a) && !(m.r0 >= a.r0 && m.r1 <= a.r1 && m.c0 >= a.c0 && m.c1 <= a.c1));
    if (cut) throw methodFailed(`Cannot change part of a merged cell (${fakeAreaAddress(cut)})`);
    if (Array.isArray(v)) {
      const rows = a.r1 - a.r0 + 1;
      const cols = a.c1 - a.c0 + 1;
      if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new Error(`fake WPS: ${what} of a ${rows}×${cols} range set with another shape`);
      }
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) typedInput(this.cell(a.r0 + r, a.c0 + c, true), (v[r] as unknown[])[c]);
      return;
    }
    this.eachPosition((r, c) => typedInput(this.cell(r, c, true), v));
  }

  get NumberFormat(): unknown {
    return this.uniform((c) => c?.numberFormat ?? 'General');
  }

  set NumberFormat(v: unknown) {
    if (typeof v !== 'string') throw methodFailed('NumberFormat takes a string');
    this.eachPosition((r, c) => {
      this.cell(r, c, true).numberFormat = v;
    });
  }

  get IndentLevel(): unknown {
    return this.uniform((c) => c?.indent ?? 0);
  }

  set IndentLevel(v: unknown) {
    if (typeof v !== 'number' || v < 0 || v > 15) throw methodFailed('IndentLevel takes 0–15');
    this.eachPosition((r, c) => {
      this.cell(r, c, true).indent = v;
    });
  }

  get ColumnWidth(): unknown {
    const widths = new Set<number>();
    for (const a of this.areas) for (let c = a.c0; c <= a.c1; c++) widths.add(this.sheet.columnWidths.get(c) ?? FAKE_DEFAULT_COLUMN_WIDTH);
    return widths.size === 1 ? [...widths][0] : null;
  }

  set ColumnWidth(v: unknown) {
    this.guard('ColumnWidth');
    if (typeof v !== 'number' || v < 0 || v > 255) throw methodFailed('ColumnWidth takes 0–255');
    for (const a of this.areas) for (let c = a.c0; c <= a.c1; c++) this.sheet.columnWidths.set(c, v);
  }

  get Row(): number {
    return this.area.r0 + 1;
  }

  get Column(): number {
    return this.area.c0 + 1;
  }

  get Rows(): EtRange {
    return new FakeRange(this.ctx, this.sheet, this.areas, 'rows');
  }

  get Columns(): EtRange {
    return new FakeRange(this.ctx, this.sheet, this.areas, 'columns');
  }

  get Count(): number {
    if (this.mode === 'rows') return this.areas.reduce((n, a) => n + a.r1 - a.r0 + 1, 0);
    if (this.mode === 'columns') return this.areas.reduce((n, a) => n + a.c1 - a.c0 + 1, 0);
    return this.areas.reduce((n, a) => n + size(a), 0);
  }

  get Interior(): EtInterior {
    return new FakeInterior(this.ctx, this);
  }

  get Font(): EtFont {
    return new FakeFont(this.ctx, this);
  }

  get FormatConditions(): EtFormatConditions {
    return new FakeFormatConditions(this.ctx, this.sheet, this.areas);
  }

  /** For FakeInterior / FakeFont: one property over the cells. */
  cellsUniform<V>(get: (c: FakeWpsCell | undefined) => V): V | null {
    return this.uniform(get);
  }

  setEach(set: (c: FakeWpsCell) => void): void {
    this.eachPosition((r, c) => set(this.cell(r, c, true)));
  }

  Find(What: string, After?: EtRange, LookIn?: number, _LookAt?: number, SearchOrder?: number, SearchDirection?: number): EtRange | null {
    if (What !== '*') throw new Error(`fake WPS: Find(${JSON.stringify(What)}) is not modelled, only "*"`);
    if (LookIn !== undefined && LookIn !== -4123 && LookIn !== -4163) throw new Error(`fake WPS: Find LookIn ${LookIn} is not modelled`);
    const byColumns = SearchOrder === 2;
    const previous = SearchDirection === 2;
    const a = this.area;
    const order = (r: number, c: number): number => (byColumns ? c * ROWS + r : r * COLS + c);
    const after = After as FakeRange | undefined;
    const start = after ? order(after.areas[0].r0, after.areas[0].c0) : order(a.r0, a.c0);
    let best: { r: number; c: number; k: number } | null = null;
    let wrap: { r: number; c: number; k: number } | null = null;
    for (const [k, cell] of this.sheet.cells) {
      if (!hasContent(cell)) continue;
      const [r, c] = k.split(',').map(Number);
      if (!inside(a, r, c)) continue;
      const o = order(r, c);
      if (previous) {
        if (o < start && (!best || o > best.k)) best = { r, c, k: o };
        if (!wrap || o > wrap.k) wrap = { r, c, k: o };
      } else {
        if (o > start && (!best || o < best.k)) best = { r, c, k: o };
        if (!wrap || o < wrap.k) wrap = { r, c, k: o };
      }
    }
    const hit = best ?? wrap;
    return hit ? new FakeRange(this.ctx, this.sheet, [{ r0: hit.r, c0: hit.c, r1: hit.r, c1: hit.c }]) : null;
  }

  Select(): unknown {
    const state = this.ctx.state;
    if (state.activeSheet !== this.sheet.name || this.sheet.visible !== -1) throw methodFailed('Select method of Range class failed');
    state.selection = { sheet: this.sheet.name, address: this.areas.map(fakeAreaAddress).join(',') };
    return true;
  }

  AutoFit(): unknown {
    if (this.mode !== 'columns') throw methodFailed('AutoFit method of Range class failed');
    for (const a of this.areas) for (let c = a.c0; c <= Math.min(a.c1, COLS - 1); c++) if (!this.sheet.autoFitted.includes(c)) this.sheet.autoFitted.push(c);
    return true;
  }

  get HorizontalAlignment(): unknown {
    return this.uniform((c) => c?.hAlign ?? 1);
  }

  set HorizontalAlignment(v: unknown) {
    if (v !== -4131 && v !== -4108 && v !== -4152 && v !== 1) throw methodFailed('HorizontalAlignment takes an XlHAlign');
    this.eachPosition((r, c) => (this.cell(r, c, true).hAlign = v));
  }

  get VerticalAlignment(): unknown {
    return this.uniform((c) => c?.vAlign ?? -4107);
  }

  set VerticalAlignment(v: unknown) {
    if (v !== -4160 && v !== -4108 && v !== -4107) throw methodFailed('VerticalAlignment takes an XlVAlign');
    this.eachPosition((r, c) => (this.cell(r, c, true).vAlign = v));
  }

  get WrapText(): unknown {
    return this.uniform((c) => c?.wrapText ?? false);
  }

  set WrapText(v: unknown) {
    this.eachPosition((r, c) => (this.cell(r, c, true).wrapText = !!v));
  }

  get RowHeight(): unknown {
    const heights = new Set<number>();
    for (const a of this.areas) for (let r = a.r0; r <= Math.min(a.r1, a.r0 + 10_000); r++) heights.add(this.sheet.rowHeights.get(r) ?? FAKE_DEFAULT_ROW_HEIGHT);
    return heights.size === 1 ? [...heights][0] : null;
  }

  set RowHeight(v: unknown) {
    this.guard('RowHeight');
    if (typeof v !== 'number' || v < 0 || v > 409) throw methodFailed('RowHeight takes 0–409');
    for (const a of this.areas) for (let r = a.r0; r <= a.r1; r++) this.sheet.rowHeights.set(r, v);
  }

  get MergeCells(): unknown {
    const a = this.area;
    let covered = 0;
    for (const m of this.sheet.merges) {
      if (!intersects(m, a)) continue;
      covered += (Math.min(m.r1, a.r1) - Math.max(m.r0, a.r0) + 1) * (Math.min(m.c1, a.c1) - Math.max(m.c0, a.c0) + 1);
    }
    if (covered === 0) return false;
    return covered === size(a) ? true : null;
  }

  get MergeArea(): EtRange {
    const a = this.area;
    const m = this.sheet.merges.find((x) => inside(x, a.r0, a.c0));
    if (m && (size(a) === 1 || (m.r0 === a.r0 && m.c0 === a.c0 && m.r1 === a.r1 && m.c1 === a.c1))) return new FakeRange(this.ctx, this.sheet, [{ ...m }]);
    return new FakeRange(this.ctx, this.sheet, [{ ...a }]);
  }

  Merge(_Across?: boolean): void {
    this.guard('Merge');
    if (this.areas.length > 1) throw methodFailed('Merge method of Range class failed (several areas)');
    let a = { ...this.area };
    if (this.sheet.tables.some((t) => intersects(t.area, a))) throw methodFailed('Merge method of Range class failed: cells in a table cannot be merged');
    // An overlapped merged area becomes part of the new one.
    for (const m of this.sheet.merges.filter((x) => intersects(x, a))) {
      a = { r0: Math.min(a.r0, m.r0), c0: Math.min(a.c0, m.c0), r1: Math.max(a.r1, m.r1), c1: Math.max(a.c1, m.c1) };
    }
    const lost: string[] = [];
    for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) if ((r !== a.r0 || c !== a.c0) && hasContent(this.cell(r, c))) lost.push(key(r, c));
    if (lost.length > 0 && this.ctx.state.displayAlerts) throw new Error('fake WPS: merging cells that hold values with DisplayAlerts on asks the user to confirm');
    for (const k of lost) {
      const cell = this.sheet.cells.get(k) as FakeWpsCell;
      delete cell.value;
      delete cell.error;
      delete cell.formula;
    }
    this.sheet.merges = this.sheet.merges.filter((x) => !intersects(x, a));
    this.sheet.merges.push(a);
  }

  get Borders(): EtBorders {
    return new FakeBorders(this.ctx, this);
  }

  get Validation(): EtValidation {
    return new FakeValidation(this.ctx, this);
  }

  get Left(): number {
    return columnOffset(this.sheet, this.area.c0);
  }

  get Top(): number {
    return rowOffset(this.sheet, this.area.r0);
  }

  get Width(): number {
    return columnOffset(this.sheet, this.area.c1 + 1) - columnOffset(this.sheet, this.area.c0);
  }

  get Height(): number {
    return rowOffset(this.sheet, this.area.r1 + 1) - rowOffset(this.sheet, this.area.r0);
  }

  get Worksheet(): EtWorksheet {
    return new FakeWorksheet(this.ctx, this.sheet);
  }

  Address(RowAbsolute = true, ColumnAbsolute = true): string {
    const one = (r: number, c: number): string => `${ColumnAbsolute ? '$' : ''}${colLetters(c)}${RowAbsolute ? '$' : ''}${r + 1}`;
    return this.areas.map((a) => (size(a) === 1 ? one(a.r0, a.c0) : `${one(a.r0, a.c0)}:${one(a.r1, a.c1)}`)).join(',');
  }

  /** For Validation: the validation of every cell (undefined where there is none). */
  validations(): Array<FakeWpsValidation | undefined> {
    const out: Array<FakeWpsValidation | undefined> = [];
    for (const a of this.areas) for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) out.push(this.cell(r, c)?.validation);
    return out;
  }
}

class FakeBorders extends Com implements EtBorders {
  protected readonly members = new Set(['LineStyle', 'Color']);
  protected readonly settable = new Set(['LineStyle', 'Color']);
  constructor(
    ctx: Ctx,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }

  get LineStyle(): unknown {
    return this.range.cellsUniform((c) => c?.border?.lineStyle ?? -4142);
  }

  set LineStyle(v: unknown) {
    if (typeof v !== 'number') throw methodFailed('LineStyle takes an XlLineStyle');
    this.range.setEach((c) => (c.border = { ...c.border, lineStyle: v }));
  }

  get Color(): unknown {
    return this.range.cellsUniform((c) => c?.border?.color ?? 0);
  }

  set Color(v: unknown) {
    if (typeof v !== 'number') throw methodFailed('Color takes a number');
    this.range.setEach((c) => (c.border = { ...c.border, color: v }));
  }
}

class FakeValidation extends Com implements EtValidation {
  protected readonly members = new Set(['Add', 'IgnoreBlank', 'ShowError', 'ErrorTitle', 'ErrorMessage']);
  protected readonly settable = new Set(['IgnoreBlank', 'ShowError', 'ErrorTitle', 'ErrorMessage']);
  constructor(
    ctx: Ctx,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }

  Add(Type: number, AlertStyle = 1, Operator = 1, Formula1?: string, Formula2?: string): void {
    if (Type !== 1 && Type !== 2) throw new Error(`fake WPS: validation type ${Type} is not modelled, only whole numbers (1) and decimals (2)`);
    if (Operator !== 1 && Operator !== 7) throw new Error(`fake WPS: validation operator ${Operator} is not modelled, only xlBetween (1) and xlGreaterEqual (7)`);
    if (typeof Formula1 !== 'string' || Formula1 === '' || (Operator === 1 && (typeof Formula2 !== 'string' || Formula2 === ''))) {
      throw methodFailed('Add method of Validation class failed: a formula is missing');
    }
    if (this.range.validations().some((v) => v !== undefined)) throw methodFailed('Add method of Validation class failed: the range has validation already');
    const v: FakeWpsValidation = {
      type: Type,
      alertStyle: AlertStyle,
      operator: Operator,
      formula1: Formula1,
      ...(Operator === 1 ? { formula2: Formula2 } : {}),
      ignoreBlank: true,
      showError: true,
      errorTitle: '',
      errorMessage: '',
    };
    this.range.setEach((c) => (c.validation = v));
  }

  private get one(): FakeWpsValidation {
    const all = new Set(this.range.validations());
    const v = [...all][0];
    if (all.size !== 1 || !v) throw methodFailed('the range has no validation, or several');
    return v;
  }

  private set(change: (v: FakeWpsValidation) => void): void {
    this.range.guard('Validation');
    const all = this.range.validations();
    if (all.some((v) => v === undefined)) throw methodFailed('the range has no validation');
    for (const v of new Set(all)) change(v as FakeWpsValidation);
  }

  get IgnoreBlank(): boolean {
    return this.one.ignoreBlank;
  }

  set IgnoreBlank(v: boolean) {
    this.set((x) => (x.ignoreBlank = !!v));
  }

  get ShowError(): boolean {
    return this.one.showError;
  }

  set ShowError(v: boolean) {
    this.set((x) => (x.showError = !!v));
  }

  get ErrorTitle(): string {
    return this.one.errorTitle;
  }

  set ErrorTitle(v: string) {
    if (typeof v !== 'string' || v.length > 32) throw methodFailed('ErrorTitle takes at most 32 characters');
    this.set((x) => (x.errorTitle = v));
  }

  get ErrorMessage(): string {
    return this.one.errorMessage;
  }

  set ErrorMessage(v: string) {
    if (typeof v !== 'string' || v.length > 225) throw methodFailed('ErrorMessage takes at most 225 characters');
    this.set((x) => (x.errorMessage = v));
  }
}

class FakeInterior extends Com implements EtInterior {
  protected readonly members = new Set(['Color']);
  protected readonly settable = new Set(['Color']);
  constructor(
    ctx: Ctx,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }

  get Color(): unknown {
    return this.range.cellsUniform((c) => c?.fill ?? WHITE);
  }

  set Color(v: unknown) {
    if (typeof v !== 'number') throw methodFailed('Color takes a number');
    this.range.setEach((c) => (c.fill = v));
  }
}

class FakeFont extends Com implements EtFont {
  protected readonly members = new Set(['Color', 'Bold', 'Italic', 'Size']);
  protected readonly settable = new Set(['Color', 'Bold', 'Italic', 'Size']);
  constructor(
    ctx: Ctx,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }

  get Color(): unknown {
    return this.range.cellsUniform((c) => c?.fontColor ?? 0);
  }

  set Color(v: unknown) {
    if (typeof v !== 'number') throw methodFailed('Color takes a number');
    this.range.setEach((c) => (c.fontColor = v));
  }

  get Bold(): unknown {
    return this.range.cellsUniform((c) => c?.bold ?? false);
  }

  set Bold(v: unknown) {
    this.range.setEach((c) => (c.bold = !!v));
  }

  get Italic(): unknown {
    return this.range.cellsUniform((c) => c?.italic ?? false);
  }

  set Italic(v: unknown) {
    this.range.setEach((c) => (c.italic = !!v));
  }

  get Size(): unknown {
    return this.range.cellsUniform((c) => c?.fontSize ?? 11);
  }

  set Size(v: unknown) {
    if (typeof v !== 'number' || v < 1 || v > 409) throw methodFailed('Size takes 1–409 points');
    this.range.setEach((c) => (c.fontSize = v));
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats

class FakeFormatConditions extends Com implements EtFormatConditions {
  protected readonly members = new Set(['Count', 'Item', 'Add']);
  constructor(
    ctx: Ctx,
    private readonly sheet: FakeWpsSheet,
    private readonly areas: FakeRect[],
  ) {
    super(ctx);
  }

  private list(): FakeWpsFormatCondition[] {
    return this.sheet.formatConditions.filter((cf) => cf.areas.some((a) => this.areas.some((b) => intersects(a, b))));
  }

  get Count(): number {
    return this.list().length;
  }

  Item(Index: number): EtFormatCondition {
    const list = this.list();
    if (!Number.isInteger(Index) || Index < 1 || Index > list.length) throw new FakeComError(DISP_E_BADINDEX, 'Subscript out of range');
    return new FakeFormatConditionItem(this.ctx, this.sheet, list[Index - 1]);
  }

  Add(Type: number, _Operator?: unknown, Formula1?: unknown): EtFormatCondition {
    if (this.sheet.protectContents) throw protectedSheet('Add method of FormatConditions class failed');
    if (Type !== 2) throw new Error(`fake WPS: FormatConditions.Add type ${Type} is not modelled, only xlExpression (2)`);
    if (typeof Formula1 !== 'string' || !Formula1.startsWith('=')) throw methodFailed('Add method of FormatConditions class failed');
    const cf: FakeWpsFormatCondition = {
      id: this.ctx.nextId++,
      type: Type,
      formula1: Formula1,
      areas: this.areas.map((a) => ({ ...a })),
      interiorColor: null,
      fontColor: null,
    };
    this.sheet.formatConditions.push(cf);
    return new FakeFormatConditionItem(this.ctx, this.sheet, cf);
  }
}

class FakeFormatConditionItem extends Com implements EtFormatCondition {
  protected readonly members = new Set(['Type', 'Formula1', 'Interior', 'Font', 'Delete']);
  constructor(
    ctx: Ctx,
    private readonly sheet: FakeWpsSheet,
    private readonly cf: FakeWpsFormatCondition,
  ) {
    super(ctx);
  }

  get Type(): number {
    return this.cf.type;
  }

  get Formula1(): string {
    // Data bars, colour scales and icon sets have no formula: reading it fails in COM.
    if (this.cf.type !== 1 && this.cf.type !== 2) throw methodFailed('Formula1 is not available for this condition');
    return this.cf.formula1;
  }

  get Interior(): EtInterior {
    return new FakeCfColor(this.ctx, this.cf, 'interiorColor');
  }

  get Font(): EtFont {
    return new FakeCfColor(this.ctx, this.cf, 'fontColor') as unknown as EtFont;
  }

  Delete(): void {
    if (this.sheet.protectContents) throw protectedSheet('Delete method of FormatCondition class failed');
    const i = this.sheet.formatConditions.indexOf(this.cf);
    if (i < 0) throw methodFailed('Delete method of FormatCondition class failed');
    this.sheet.formatConditions.splice(i, 1);
  }
}

class FakeCfColor extends Com {
  protected readonly members = new Set(['Color']);
  protected readonly settable = new Set(['Color']);
  constructor(
    ctx: Ctx,
    private readonly cf: FakeWpsFormatCondition,
    private readonly prop: 'interiorColor' | 'fontColor',
  ) {
    super(ctx);
  }

  get Color(): unknown {
    return this.cf[this.prop];
  }

  set Color(v: unknown) {
    if (typeof v !== 'number') throw methodFailed('Color takes a number');
    this.cf[this.prop] = v;
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

function allTables(state: FakeWpsState): FakeWpsTable[] {
  return state.sheets.flatMap((s) => s.tables);
}

class FakeListObjects extends Com implements EtListObjects {
  protected readonly members = new Set(['Count', 'Item', 'Add']);
  constructor(
    ctx: Ctx,
    private readonly sheet: FakeWpsSheet,
  ) {
    super(ctx);
  }

  get Count(): number {
    return this.sheet.tables.length;
  }

  Item(Index: number | string): EtListObject {
    const t =
      typeof Index === 'number' ? this.sheet.tables[Index - 1] : this.sheet.tables.find((x) => x.name.toLowerCase() === String(Index).toLowerCase());
    if (!t || (typeof Index === 'number' && (!Number.isInteger(Index) || Index < 1))) throw new FakeComError(DISP_E_BADINDEX, 'Subscript out of range');
    return new FakeListObject(this.ctx, t);
  }

  Add(SourceType?: number, Source?: unknown, _LinkSource?: unknown, XlListObjectHasHeaders?: number): EtListObject {
    if (this.sheet.protectContents) throw protectedSheet('Add method of ListObjects class failed');
    if (SourceType !== 1) throw new Error(`fake WPS: ListObjects.Add source type ${SourceType} is not modelled, only xlSrcRange (1)`);
    if (!(Source instanceof FakeRange) || Source.sheet !== this.sheet || Source.areas.length !== 1) throw methodFailed('Add method of ListObjects class failed');
    if (XlListObjectHasHeaders !== 1) throw new Error('fake WPS: tables without a header row are not modelled');
    const area = { ...Source.areas[0] };
    if (this.sheet.tables.some((t) => intersects(t.area, area))) throw methodFailed('A table cannot overlap another table');
    if (this.sheet.merges.some((m) => intersects(m, area))) throw methodFailed('A table cannot overlap a range that contains merged cells');
    const taken = new Set(allTables(this.ctx.state).map((t) => t.name.toLowerCase()));
    let n = 1;
    while (taken.has(`表${n}`.toLowerCase())) n++;
    const table: FakeWpsTable = { name: `表${n}`, area, tableStyle: 'TableStyleMedium2' };
    this.sheet.tables.push(table);
    return new FakeListObject(this.ctx, table);
  }
}

class FakeListObject extends Com implements EtListObject {
  protected readonly members = new Set(['Name', 'TableStyle', 'Range']);
  protected readonly settable = new Set(['Name', 'TableStyle']);
  constructor(
    ctx: Ctx,
    private readonly table: FakeWpsTable,
  ) {
    super(ctx);
  }

  get Range(): EtRange {
    const sheet = this.ctx.state.sheets.find((s) => s.tables.includes(this.table));
    if (!sheet) throw methodFailed('the table no longer exists');
    return new FakeRange(this.ctx, sheet, [{ ...this.table.area }]);
  }

  get Name(): string {
    return this.table.name;
  }

  set Name(v: string) {
    if (typeof v !== 'string' || !/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(v)) throw methodFailed(`not a valid table name: ${v}`);
    if (allTables(this.ctx.state).some((t) => t !== this.table && t.name.toLowerCase() === v.toLowerCase())) throw methodFailed(`a table named ${v} already exists`);
    if (this.ctx.state.names.some((n) => n.toLowerCase() === v.toLowerCase())) throw methodFailed(`${v} is a defined name already`);
    this.table.name = v;
  }

  get TableStyle(): unknown {
    return this.table.tableStyle;
  }

  set TableStyle(v: unknown) {
    if (typeof v !== 'string') throw methodFailed('TableStyle takes a style name');
    this.table.tableStyle = v;
  }
}

// ---------------------------------------------------------------------------------------------
// Sheets, workbook, application

const BAD_SHEET_NAME = /[[\]:*?/\\]/;

class FakeWorksheet extends Com implements EtWorksheet {
  protected readonly members = new Set(['Name', 'Visible', 'Index', 'UsedRange', 'Cells', 'ListObjects', 'ProtectContents', 'Range', 'ChartObjects', 'Activate', 'Delete']);
  protected readonly settable = new Set(['Name', 'Visible']);
  constructor(
    ctx: Ctx,
    readonly sheet: FakeWpsSheet,
  ) {
    super(ctx);
  }

  get Name(): string {
    return this.sheet.name;
  }

  set Name(v: string) {
    const state = this.ctx.state;
    if (state.protectStructure) throw protectedStructure('Name');
    if (typeof v !== 'string' || v.length === 0 || v.length > 31 || BAD_SHEET_NAME.test(v)) throw methodFailed(`not a valid sheet name: ${v}`);
    if (state.sheets.some((s) => s !== this.sheet && s.name.toLowerCase() === v.toLowerCase())) throw methodFailed(`a sheet named ${v} already exists`);
    if (state.activeSheet === this.sheet.name) state.activeSheet = v;
    if (state.selection?.sheet === this.sheet.name) state.selection.sheet = v;
    this.sheet.name = v;
  }

  get Visible(): number {
    return this.sheet.visible;
  }

  set Visible(v: number) {
    if (this.ctx.state.protectStructure) throw protectedStructure('Visible');
    if (v !== -1 && v !== 0 && v !== 2) throw methodFailed('Visible takes -1, 0 or 2');
    this.sheet.visible = v;
  }

  get Index(): number {
    return this.ctx.state.sheets.indexOf(this.sheet) + 1;
  }

  get UsedRange(): EtRange {
    let box: FakeRect | null = null;
    for (const [k, cell] of this.sheet.cells) {
      if (!hasAnything(cell)) continue;
      const [r, c] = k.split(',').map(Number);
      box = box
        ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) }
        : { r0: r, c0: c, r1: r, c1: c };
    }
    return new FakeRange(this.ctx, this.sheet, [box ?? { r0: 0, c0: 0, r1: 0, c1: 0 }]);
  }

  get Cells(): EtRange {
    return new FakeRange(this.ctx, this.sheet, [{ r0: 0, c0: 0, r1: ROWS - 1, c1: COLS - 1 }]);
  }

  get ListObjects(): EtListObjects {
    return new FakeListObjects(this.ctx, this.sheet);
  }

  get ProtectContents(): boolean {
    return this.sheet.protectContents;
  }

  ChartObjects(Index?: string | number): object {
    const all = new FakeChartObjects(this.ctx, this.sheet);
    return Index === undefined ? all : all.Item(Index);
  }

  Range(Cell1: string): EtRange {
    if (typeof Cell1 !== 'string') throw new Error('fake WPS: Range takes an A1 address');
    if (Cell1.length > 255) throw methodFailed(`Method 'Range' of object 'Worksheet' failed (address of ${Cell1.length} characters)`);
    return new FakeRange(this.ctx, this.sheet, parseAreas(Cell1));
  }

  Activate(): void {
    if (this.sheet.visible !== -1) throw methodFailed('Activate method of Worksheet class failed');
    this.ctx.state.activeSheet = this.sheet.name;
  }

  Delete(): void {
    const state = this.ctx.state;
    if (state.protectStructure) throw protectedStructure('Delete method of Worksheet class failed');
    if (state.displayAlerts) throw new Error('fake WPS: deleting a sheet with DisplayAlerts on asks the user to confirm');
    const visible = state.sheets.filter((s) => s.visible === -1);
    if (visible.length === 1 && visible[0] === this.sheet) throw methodFailed('A workbook must keep at least one visible sheet');
    const i = state.sheets.indexOf(this.sheet);
    state.sheets.splice(i, 1);
    if (state.activeSheet === this.sheet.name) {
      const next = state.sheets.slice(i).concat(state.sheets.slice(0, i).reverse()).find((s) => s.visible === -1);
      state.activeSheet = next ? next.name : '';
    }
    if (state.selection?.sheet === this.sheet.name) state.selection = null;
  }
}

function newSheet(name: string): FakeWpsSheet {
  return {
    name,
    visible: -1,
    cells: new Map(),
    formatConditions: [],
    tables: [],
    columnWidths: new Map(),
    autoFitted: [],
    merges: [],
    rowHeights: new Map(),
    charts: [],
    protectContents: false,
    view: { splitRow: 0, splitColumn: 0, frozen: false, gridlines: true },
  };
}

// ---------------------------------------------------------------------------------------------
// Charts

class FakeChartObjects extends Com implements EtChartObjects {
  protected readonly members = new Set(['Add', 'Count', 'Item']);
  constructor(
    ctx: Ctx,
    private readonly sheet: FakeWpsSheet,
  ) {
    super(ctx);
  }

  get Count(): number {
    return this.sheet.charts.length;
  }

  Item(Index: string | number): EtChartObject {
    const c =
      typeof Index === 'number' ? this.sheet.charts[Index - 1] : this.sheet.charts.find((x) => x.name.toLowerCase() === String(Index).toLowerCase());
    if (!c || (typeof Index === 'number' && (!Number.isInteger(Index) || Index < 1))) throw new FakeComError(DISP_E_BADINDEX, 'Subscript out of range');
    return new FakeChartObject(this.ctx, c);
  }

  Add(Left: number, Top: number, Width: number, Height: number): EtChartObject {
    if (this.sheet.protectContents) throw protectedSheet('Add method of ChartObjects class failed');
    if (![Left, Top, Width, Height].every((n) => typeof n === 'number' && Number.isFinite(n) && n >= 0)) throw methodFailed('Add method of ChartObjects class failed');
    let n = this.sheet.charts.length + 1;
    while (this.sheet.charts.some((c) => c.name === `图表 ${n}`)) n++;
    const chart: FakeWpsChart = { name: `图表 ${n}`, type: null, hasTitle: false, title: null, series: [], left: Left, top: Top, width: Width, height: Height };
    const state = this.ctx.state;
    const sel = state.selection;
    if (this.ctx.options.chartsPlotSelection && sel && sel.sheet === state.activeSheet) {
      // As Excel's Shapes.AddChart: the selected cells are plotted at once.
      chart.series.push({ name: '系列1', values: { sheet: sel.sheet, address: sel.address }, xValues: null });
    }
    this.sheet.charts.push(chart);
    return new FakeChartObject(this.ctx, chart);
  }
}

class FakeChartObject extends Com implements EtChartObject {
  protected readonly members = new Set(['Name', 'Chart']);
  protected readonly settable = new Set(['Name']);
  constructor(
    ctx: Ctx,
    private readonly chart: FakeWpsChart,
  ) {
    super(ctx);
  }

  get Name(): string {
    return this.chart.name;
  }

  set Name(v: string) {
    if (typeof v !== 'string' || v === '') throw methodFailed('not a valid chart name');
    this.chart.name = v;
  }

  get Chart(): EtChart {
    return new FakeChart(this.ctx, this.chart);
  }
}

/** XlChartType values the fake accepts. */
const CHART_TYPES = new Set([4, 5, 51, 52, 57, 65, -4100, -4101, -4120]);

class FakeChart extends Com implements EtChart {
  protected readonly members = new Set(['ChartType', 'HasTitle', 'ChartTitle', 'SeriesCollection']);
  protected readonly settable = new Set(['ChartType', 'HasTitle']);
  constructor(
    ctx: Ctx,
    private readonly chart: FakeWpsChart,
  ) {
    super(ctx);
  }

  get ChartType(): number {
    return this.chart.type ?? 51;
  }

  set ChartType(v: number) {
    if (!CHART_TYPES.has(v)) throw methodFailed(`ChartType ${v} is not a chart type`);
    this.chart.type = v;
  }

  get HasTitle(): boolean {
    return this.chart.hasTitle;
  }

  set HasTitle(v: boolean) {
    this.chart.hasTitle = !!v;
    if (!v) this.chart.title = null;
  }

  get ChartTitle(): EtChartTitle {
    if (!this.chart.hasTitle) throw methodFailed('the chart has no title (HasTitle is false)');
    return new FakeChartTitle(this.ctx, this.chart);
  }

  SeriesCollection(Index?: number): EtSeriesCollection {
    const all = new FakeSeriesCollection(this.ctx, this.chart);
    return (Index === undefined ? all : all.Item(Index)) as EtSeriesCollection;
  }
}

class FakeChartTitle extends Com implements EtChartTitle {
  protected readonly members = new Set(['Text']);
  protected readonly settable = new Set(['Text']);
  constructor(
    ctx: Ctx,
    private readonly chart: FakeWpsChart,
  ) {
    super(ctx);
  }

  get Text(): string {
    return this.chart.title ?? '';
  }

  set Text(v: string) {
    this.chart.title = String(v);
  }
}

class FakeSeriesCollection extends Com implements EtSeriesCollection {
  protected readonly members = new Set(['Count', 'Item', 'NewSeries']);
  constructor(
    ctx: Ctx,
    private readonly chart: FakeWpsChart,
  ) {
    super(ctx);
  }

  get Count(): number {
    return this.chart.series.length;
  }

  Item(Index: number): EtSeries {
    const s = this.chart.series[Index - 1];
    if (!s || !Number.isInteger(Index)) throw new FakeComError(DISP_E_BADINDEX, 'Subscript out of range');
    return new FakeSeries(this.ctx, this.chart, s);
  }

  NewSeries(): EtSeries {
    if (this.chart.series.length >= 255) throw methodFailed('a chart holds at most 255 series');
    const s: FakeWpsSeries = { name: `系列${this.chart.series.length + 1}`, values: null, xValues: null };
    this.chart.series.push(s);
    return new FakeSeries(this.ctx, this.chart, s);
  }
}

/** A series' data as stored: one area of one row or column of a sheet, or an array. */
function seriesData(v: unknown): FakeSeriesData {
  if (Array.isArray(v)) return [...v];
  if (v instanceof FakeRange) {
    const [a, more] = v.areas;
    if (more || (a.r0 !== a.r1 && a.c0 !== a.c1)) throw methodFailed('series data must be one row or one column');
    return { sheet: v.sheet.name, address: fakeAreaAddress(a) };
  }
  throw methodFailed('series data takes a range or an array');
}

class FakeSeries extends Com implements EtSeries {
  protected readonly members = new Set(['Name', 'Values', 'XValues', 'Delete']);
  protected readonly settable = new Set(['Name', 'Values', 'XValues']);
  constructor(
    ctx: Ctx,
    private readonly chart: FakeWpsChart,
    private readonly series: FakeWpsSeries,
  ) {
    super(ctx);
  }

  get Name(): string {
    return this.series.name;
  }

  set Name(v: string) {
    this.series.name = String(v);
  }

  get Values(): unknown {
    return this.series.values;
  }

  set Values(v: unknown) {
    this.series.values = seriesData(v);
  }

  get XValues(): unknown {
    return this.series.xValues;
  }

  set XValues(v: unknown) {
    this.series.xValues = seriesData(v);
  }

  Delete(): unknown {
    const i = this.chart.series.indexOf(this.series);
    if (i < 0) throw methodFailed('Delete method of Series class failed');
    this.chart.series.splice(i, 1);
    return true;
  }
}

class FakeSheets extends Com implements EtSheets {
  protected readonly members = new Set(['Count', 'Item', 'Add']);

  get Count(): number {
    return this.ctx.state.sheets.length;
  }

  private find(Index: number | string): FakeWpsSheet {
    const sheets = this.ctx.state.sheets;
    const s =
      typeof Index === 'number'
        ? Number.isInteger(Index) && Index >= 1
          ? sheets[Index - 1]
          : undefined
        : sheets.find((x) => x.name.toLowerCase() === String(Index).toLowerCase());
    if (!s) throw new FakeComError(DISP_E_BADINDEX, 'Subscript out of range');
    return s;
  }

  Item(Index: number | string): object {
    return new FakeWorksheet(this.ctx, this.find(Index));
  }

  Add(Before?: unknown, After?: unknown): object {
    const state = this.ctx.state;
    if (state.protectStructure) throw protectedStructure('Add method of Sheets class failed');
    const names = new Set(state.sheets.map((s) => s.name.toLowerCase()));
    let n = state.sheets.length + 1;
    while (names.has(`sheet${n}`)) n++;
    const sheet = newSheet(`Sheet${n}`);
    const anchor = (x: unknown): number => {
      if (!(x instanceof FakeWorksheet)) throw methodFailed('Add method of Sheets class failed');
      return state.sheets.indexOf(x.sheet);
    };
    let at: number;
    if (Before !== undefined) at = anchor(Before);
    else if (After !== undefined) at = anchor(After) + 1;
    else at = Math.max(0, state.sheets.findIndex((s) => s.name === state.activeSheet));
    state.sheets.splice(at, 0, sheet);
    state.activeSheet = sheet.name;
    return new FakeWorksheet(this.ctx, sheet);
  }
}

class FakeNames extends Com implements EtNames {
  protected readonly members = new Set(['Count', 'Item']);

  get Count(): number {
    return this.ctx.state.names.length;
  }

  Item(Index: number): EtName {
    const n = this.ctx.state.names[Index - 1];
    if (n === undefined || !Number.isInteger(Index)) throw new FakeComError(DISP_E_BADINDEX, 'Subscript out of range');
    return new FakeName(this.ctx, n);
  }
}

class FakeName extends Com implements EtName {
  protected readonly members = new Set(['Name']);
  constructor(
    ctx: Ctx,
    readonly Name: string,
  ) {
    super(ctx);
  }
}

class FakeWindow extends Com implements EtWindow {
  protected readonly members = new Set(['FreezePanes', 'SplitRow', 'SplitColumn', 'DisplayGridlines']);
  protected readonly settable = new Set(['FreezePanes', 'SplitRow', 'SplitColumn', 'DisplayGridlines']);

  /** The window shows the active sheet: its settings are that sheet's. */
  private get view(): FakeWpsSheet['view'] {
    const s = this.ctx.state.sheets.find((x) => x.name === this.ctx.state.activeSheet);
    if (!s) throw methodFailed('no active sheet');
    return s.view;
  }

  get FreezePanes(): boolean {
    return this.view.frozen;
  }

  set FreezePanes(v: boolean) {
    this.view.frozen = !!v;
  }

  get SplitRow(): number {
    return this.view.splitRow;
  }

  set SplitRow(v: number) {
    if (!Number.isInteger(v) || v < 0) throw methodFailed('SplitRow takes a row count');
    this.view.splitRow = v;
  }

  get SplitColumn(): number {
    return this.view.splitColumn;
  }

  set SplitColumn(v: number) {
    if (!Number.isInteger(v) || v < 0) throw methodFailed('SplitColumn takes a column count');
    this.view.splitColumn = v;
  }

  get DisplayGridlines(): boolean {
    return this.view.gridlines;
  }

  set DisplayGridlines(v: boolean) {
    this.view.gridlines = !!v;
  }
}

class FakeWorkbook extends Com implements EtWorkbook {
  protected readonly members = new Set(['Name', 'Worksheets', 'ActiveSheet', 'Names', 'ProtectStructure']);

  get Names(): EtNames {
    return new FakeNames(this.ctx);
  }

  get ProtectStructure(): boolean {
    return this.ctx.state.protectStructure;
  }

  get Name(): string {
    return this.ctx.state.name;
  }

  get Worksheets(): EtSheets {
    return new FakeSheets(this.ctx);
  }

  get ActiveSheet(): EtWorksheet {
    const s = this.ctx.state.sheets.find((x) => x.name === this.ctx.state.activeSheet);
    if (!s) throw methodFailed('no active sheet');
    return new FakeWorksheet(this.ctx, s);
  }
}

class FakePluginStorage extends Com {
  protected readonly members = new Set(['getItem', 'setItem']);

  getItem(name: string): unknown {
    return this.ctx.state.pluginStorage[name] ?? null;
  }

  setItem(name: string, value: unknown): void {
    this.ctx.state.pluginStorage[name] = value;
  }
}

class FakeTaskPaneObject extends Com {
  protected readonly members = new Set(['ID', 'Visible']);
  protected readonly settable = new Set(['Visible']);
  constructor(
    ctx: Ctx,
    private readonly pane: FakeTaskPane,
  ) {
    super(ctx);
  }

  get ID(): number {
    return this.pane.ID;
  }

  get Visible(): boolean {
    return this.pane.Visible;
  }

  set Visible(v: boolean) {
    this.pane.Visible = !!v;
  }
}

class FakeApplication extends Com implements EtApplication {
  protected readonly members = new Set([
    'ActiveWorkbook',
    'DisplayAlerts',
    'ScreenUpdating',
    'Selection',
    'ActiveCell',
    'ActiveWindow',
    'CreateTaskPane',
    'GetTaskPane',
    'PluginStorage',
  ]);
  protected readonly settable = new Set(['DisplayAlerts', 'ScreenUpdating']);
  constructor(
    ctx: Ctx,
    private readonly open: boolean,
  ) {
    super(ctx);
  }

  get ActiveWorkbook(): EtWorkbook | null {
    return this.open ? new FakeWorkbook(this.ctx) : null;
  }

  /** The range selected on the active sheet; A1 when the sheet has no recorded selection. */
  private selected(): FakeRange | null {
    const state = this.ctx.state;
    const sheet = state.sheets.find((s) => s.name === state.activeSheet);
    if (!this.open || !sheet) return null;
    const address = state.selection && state.selection.sheet === sheet.name ? state.selection.address : 'A1';
    return new FakeRange(this.ctx, sheet, parseAreas(address));
  }

  get Selection(): unknown {
    return this.selected();
  }

  get ActiveCell(): EtRange | null {
    const r = this.selected();
    if (!r) return null;
    const a = r.areas[0];
    return new FakeRange(this.ctx, r.sheet, [{ r0: a.r0, c0: a.c0, r1: a.r0, c1: a.c0 }]);
  }

  get ActiveWindow(): EtWindow | null {
    return this.open ? new FakeWindow(this.ctx) : null;
  }

  get DisplayAlerts(): boolean {
    return this.ctx.state.displayAlerts;
  }

  set DisplayAlerts(v: boolean) {
    this.ctx.state.displayAlerts = !!v;
  }

  get ScreenUpdating(): boolean {
    return this.ctx.state.screenUpdating;
  }

  set ScreenUpdating(v: boolean) {
    this.ctx.state.screenUpdating = !!v;
  }

  /** WPS add-in call: a task pane showing `url` (hidden until Visible = true). */
  CreateTaskPane(url: string, title?: string): object {
    const pane: FakeTaskPane = { ID: this.ctx.nextId++, url, title, Visible: false };
    this.ctx.state.taskPanes.push(pane);
    return new FakeTaskPaneObject(this.ctx, pane);
  }

  GetTaskPane(id: number): object {
    const pane = this.ctx.state.taskPanes.find((p) => p.ID === id);
    if (!pane) throw methodFailed(`no task pane ${id}`);
    return new FakeTaskPaneObject(this.ctx, pane);
  }

  get PluginStorage(): object {
    return new FakePluginStorage(this.ctx);
  }
}

// ---------------------------------------------------------------------------------------------
// Building a fake

function cellOf(spec: FakeWpsCellSpec): FakeWpsCell | null {
  if (spec === null || spec === undefined) return null;
  if (typeof spec === 'object') return { ...spec };
  return { value: spec };
}

function toColor(v: number | null | undefined): number | null {
  return v === undefined ? null : v;
}

export interface FakeWps {
  /** What the host gets as window.Application. */
  Application: EtApplication;
  state: FakeWpsState;
  /** Calls that crossed the process boundary since creation (or the last resetCalls). */
  readonly calls: number;
  /** Calls by `Type.member`. */
  readonly callsByMember: Map<string, number>;
  resetCalls(): void;
  sheet(name: string): FakeWpsSheet;
  /**
   * Every format of every cell, the conditional formats, tables, merges, widths, heights,
   * charts, the window settings and the protection, as plain data.
   */
  formatsSnapshot(): unknown;
  /** Values of a sheet by address (formulas as their value). */
  valuesOf(name: string): Record<string, FakeWpsValue | { error: string }>;
}

export function createFakeWps(spec: FakeWpsSpec, options: FakeWpsOptions = {}): FakeWps {
  const state: FakeWpsState = {
    name: spec.name,
    sheets: [],
    activeSheet: '',
    selection: null,
    displayAlerts: true,
    screenUpdating: true,
    taskPanes: [],
    pluginStorage: {},
    protectStructure: !!spec.protectStructure,
    names: [...(spec.names ?? [])],
  };
  const ctx: Ctx = { state, options, calls: 0, byMember: new Map(), nextId: 1 };
  for (const s of spec.sheets) {
    const sheet = newSheet(s.name);
    sheet.visible = s.visible ?? -1;
    for (const [address, cs] of Object.entries(s.cells ?? {})) {
      const cell = cellOf(cs);
      const [a] = parseAreas(address);
      if (cell) sheet.cells.set(key(a.r0, a.c0), cell);
    }
    for (const b of s.blocks ?? []) {
      const [at] = parseAreas(b.at);
      b.rows.forEach((row, i) =>
        row.forEach((cs, j) => {
          const cell = cellOf(cs);
          if (cell) sheet.cells.set(key(at.r0 + i, at.c0 + j), cell);
        }),
      );
    }
    for (const cf of s.formatConditions ?? []) {
      sheet.formatConditions.push({
        id: ctx.nextId++,
        type: cf.type,
        formula1: cf.formula1,
        areas: parseAreas(cf.address),
        interiorColor: toColor(cf.interiorColor),
        fontColor: toColor(cf.fontColor),
      });
    }
    for (const t of s.tables ?? []) sheet.tables.push({ name: t.name, area: parseAreas(t.address)[0], tableStyle: t.tableStyle ?? 'TableStyleMedium2' });
    for (const m of s.merges ?? []) sheet.merges.push(parseAreas(m)[0]);
    for (const [letters, w] of Object.entries(s.columnWidths ?? {})) sheet.columnWidths.set(colIndex(letters), w);
    sheet.protectContents = !!s.protectContents;
    state.sheets.push(sheet);
  }
  state.activeSheet = spec.activeSheet ?? state.sheets.find((s) => s.visible === -1)?.name ?? '';
  if (spec.selection) state.selection = { sheet: state.activeSheet, address: spec.selection };
  const app = new FakeApplication(ctx, !options.noWorkbook).expose() as unknown as EtApplication;

  return {
    Application: app,
    state,
    get calls() {
      return ctx.calls;
    },
    get callsByMember() {
      return ctx.byMember;
    },
    resetCalls() {
      ctx.calls = 0;
      ctx.byMember.clear();
    },
    sheet(name: string) {
      const s = state.sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet ${name}`);
      return s;
    },
    formatsSnapshot() {
      return state.sheets.map((s) => ({
        name: s.name,
        visible: s.visible,
        cells: [...s.cells.entries()]
          .map(
            ([k, c]) =>
              [
                k,
                {
                  numberFormat: c.numberFormat,
                  indent: c.indent,
                  fill: c.fill,
                  fontColor: c.fontColor,
                  bold: c.bold,
                  italic: c.italic,
                  fontSize: c.fontSize,
                  hAlign: c.hAlign,
                  vAlign: c.vAlign,
                  wrapText: c.wrapText,
                  border: c.border,
                  validation: c.validation,
                },
              ] as const,
          )
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        formatConditions: s.formatConditions.map((cf) => ({ ...cf, areas: cf.areas.map(fakeAreaAddress) })),
        tables: s.tables.map((t) => ({ ...t, area: fakeAreaAddress(t.area) })),
        columnWidths: [...s.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
        merges: s.merges.map(fakeAreaAddress),
        rowHeights: [...s.rowHeights.entries()].sort((a, b) => a[0] - b[0]),
        charts: s.charts.map((c) => ({ ...c, series: c.series.map((x) => ({ ...x })) })),
        view: { ...s.view },
        protectContents: s.protectContents,
      }));
    },
    valuesOf(name: string) {
      const s = state.sheets.find((x) => x.name === name);
      if (!s) throw new Error(`no sheet ${name}`);
      const out: Record<string, FakeWpsValue | { error: string }> = {};
      for (const [k, c] of s.cells) {
        const [r, col] = k.split(',').map(Number);
        if (c.error !== undefined) out[fakeCellAddress(r, col)] = { error: c.error };
        else if (c.value !== undefined) out[fakeCellAddress(r, col)] = c.value;
      }
      return out;
    },
  };
}
