// A fake of the parts of the Excel JavaScript API the adapter uses, with Office semantics:
//  - proxies queue work; nothing reaches the workbook before context.sync();
//  - a property read before load + sync throws PropertyNotLoaded;
//  - objects are resolved at sync time (a missing sheet fails the sync with ItemNotFound);
//  - the operations of a batch run in order; a failing one stops the batch (earlier writes stay);
//  - *OrNullObject proxies report isNullObject; `custom` on a non-custom conditional format
//    fails the sync (office-js#2180), `customOrNullObject` is a null object instead;
//  - getRanges addresses over 8,192 characters fail; a read above 5,000,000 cells gives null
//    values; getSpecialCells (ExcelApi 1.9) answers from the cells that exist, as areas, and
//    getUsedRange stretches to any cell with a value (valuesOnly) or a format; in 'web' mode a sync whose request or response is above 5 MB (UTF-8 JSON) fails
//    with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded;
//  - values written through Range.values are parsed like typed input unless the cell is Text
//    ('@'): `=…` becomes a formula, numeric text a number;
//  - data validation (ExcelApi 1.8) takes one rule type with a valid operator and formulas, and
//    alert and prompt texts within Excel's limits (titles 32, error 225, prompt 255 characters);
//    freeze panes (1.7) keep one frozen row/column count per sheet; borders set edge styles.
//  - protection: a protected sheet (FakeSheet.protected) refuses every edit of its cells, formats,
//    conditional formats, tables and charts with AccessDenied, but may be read, activated and
//    selected; a workbook whose structure is protected (state.structureProtected) refuses adding,
//    deleting, renaming, hiding and showing sheets. Both are read through `protection.protected`
//    (Worksheet: ExcelApi 1.2; Workbook: 1.7);
//  - a very hidden sheet cannot be deleted; Worksheet.visibility can be set;
//  - Excel's conditional-format bugs can be switched on per test (FakeExcelOptions.cfBugs):
//    office-js#5222 (deleting a rule that shares a cell with another rule fails with
//    ItemNotFound), #6835 (a duplicated rule's properties cannot be read) and #6827 (reading the
//    items of a collection with two cell-value rules on the same range fails);
//  - getMergedAreasOrNullObject fails above 512 merged areas;
//  - on the desktop, a sync whose response is above `desktopResponseLimit` fails with the code
//    given (MemoryLimitReached, GeneralException);
//  - a ClientResult read before its sync throws ValueNotLoaded;
//  - the suspend calls cover only what is queued after them: a write queued before a suspend
//    call in the same batch is counted in state.writesBeforeSuspend;
//  - `injectFault` fails any chosen operation with a chosen code, for tests that break Excel at
//    random steps.
// Syncs are counted. The workbook itself is plain data (`workbookState`) tests can inspect.
//
// It uses the string forms of Office enums ('Custom', 'Visible', 'Error', …), which is what
// Office.js sends over the wire as well.

export type FakeValue = number | string | boolean;

export interface FakeCell {
  value?: FakeValue;
  /** An error value (`#DIV/0!`); valueTypes reports 'Error'. */
  error?: string;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  indent?: number;
  italic?: boolean;
  /** Font size in points. */
  fontSize?: number;
  /** 'General' | 'Left' | 'Center' | 'Right' | … as Office.js names them. */
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  /** Border line styles by side ('Continuous', 'Dash', …), as RangeBorder.style sets them. */
  borders?: { top?: string; bottom?: string; left?: string; right?: string };
  /** Data validation (Range.dataValidation, ExcelApi 1.8). */
  validation?: FakeDataValidation;
}

/** A cell's data validation as Office.js sets it. */
export interface FakeDataValidation {
  /** One of wholeNumber, decimal, textLength, date, time, list, custom, as given. */
  rule?: Record<string, Record<string, unknown>>;
  errorAlert?: { message: string; showAlert: boolean; style: string; title: string };
  prompt?: { message: string; showPrompt: boolean; title: string };
  ignoreBlanks: boolean;
}

/** 0-based, inclusive. */
export interface FakeRect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface FakeConditionalFormat {
  id: string;
  type: string;
  areas: FakeRect[];
  formula?: string;
  fill?: string | null;
  fontColor?: string | null;
  /** A rule duplicated in Excel's rule manager: with cfBugs.duplicateUnreadable its properties cannot be read (office-js#6835). */
  duplicated?: boolean;
}

export interface FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, FakeCell>;
  /** In priority order: index 0 is applied first (Excel adds new rules at the top). */
  conditionalFormats: FakeConditionalFormat[];
  /** Merged areas (Range.merge). */
  merges?: FakeRect[];
  /** Charts on this sheet, in creation order. */
  charts?: FakeChart[];
  /** Column widths in points, by 0-based column; absent: the default (FAKE_DEFAULT_COLUMN_WIDTH). */
  columnWidths?: Map<number, number>;
  /** Row heights in points, by 0-based row; absent: the default (FAKE_DEFAULT_ROW_HEIGHT). */
  rowHeights?: Map<number, number>;
  /** Worksheet.showGridlines; absent means true. */
  showGridlines?: boolean;
  /** Frozen panes (Worksheet.freezePanes): rows at the top and columns at the left; absent: none. */
  frozen?: { rows: number; columns: number };
  /** Sheet protection (Review > Protect Sheet): edits of the sheet fail with AccessDenied. */
  protected?: boolean;
}

/** A chart's reference to cells: the sheet and an A1 address, as the chart keeps them. */
export interface FakeChartSource {
  sheet: string;
  address: string;
}

export interface FakeChartSeries {
  name: string;
  /** Null for a series added with ChartSeriesCollection.add before setValues. */
  values: FakeChartSource | null;
}

export interface FakeChart {
  name: string;
  /** Excel.ChartType string ('ColumnClustered', 'Line', …). */
  type: string;
  /** The seriesBy given to charts.add. */
  seriesBy: string;
  title: string | null;
  series: FakeChartSeries[];
  /** Set by ChartAxis.setCategoryNames; null: Excel's 1, 2, 3… */
  categories: FakeChartSource | null;
  /** Chart.setPosition: top-left cell and, when given, bottom-right cell (A1). */
  position: { start: string; end?: string } | null;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  area: FakeRect;
  hasHeaders: boolean;
  style: string;
}

export interface FakeWorkbookState {
  name: string;
  sheets: FakeSheet[];
  tables: FakeTable[];
  activeSheet: string;
  /**
   * The selected range (getSelectedRange); null means A1 of the active sheet. An address with a
   * comma is a multi-area selection, which getSelectedRange rejects as Excel does.
   */
  selection: { sheet: string; address: string } | null;
  /** Workbook-level defined names (workbook.names); table names may not clash with them. */
  names?: string[];
  /** How many times suspendScreenUpdatingUntilNextSync was called. */
  screenUpdatingSuspensions: number;
  /** suspendApiCalculationUntilNextSync calls that reached Excel. */
  calculationSuspensions?: number;
  /** Writes queued in a batch before that batch's suspend call, so not covered by it. */
  writesBeforeSuspend?: number;
  /** Workbook structure protection (Review > Protect Workbook). */
  structureProtected?: boolean;
  /** Workbooks opened through Excel.createWorkbook (ExcelApi 1.8), as the base64 given. */
  createdWorkbooks?: string[];
}

export type FakeCellSpec = FakeValue | null | FakeCell;

export interface FakeSheetSpec {
  name: string;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  protected?: boolean;
  /** Cells by A1 address; a bare value is shorthand for { value }. */
  cells?: Record<string, FakeCellSpec>;
  /** Blocks of values written from a top-left cell (null = empty, { error } = error value). */
  blocks?: Array<{ at: string; values: Array<Array<FakeValue | null | { error: string }>>; numberFormat?: string }>;
  conditionalFormats?: Array<{ address: string; type: string; formula?: string; fill?: string; fontColor?: string; duplicated?: boolean }>;
}

/** Excel's conditional-format bugs, each switchable (see the header of this file). */
export interface FakeCfBugs {
  /** office-js#5222: ConditionalFormat.delete() fails with ItemNotFound when another rule shares a cell. */
  deleteSharedCell?: boolean;
  /** office-js#6835: loading anything but `type` of a rule marked `duplicated` fails the sync. */
  duplicateUnreadable?: boolean;
  /** office-js#6827: loading items' rules of a collection holding two CellValue rules on the same range fails the sync. */
  twoCellValueUnreadable?: boolean;
}

/** What an operation is, for fault injection: `Worksheet.delete`, `ConditionalFormatCollection.add`, `load`… */
export interface FakeOp {
  label: string;
  /** The sheet the operation acts on, when there is one. */
  sheet?: string;
}

export interface FakeExcelOptions {
  platform?: 'web' | 'desktop';
  workbookName?: string;
  /** Cells above which a range read returns null values (Excel: 5,000,000). */
  maxReadCells?: number;
  /**
   * Models an Excel build that rejects loading through `customOrNullObject` inside a collection
   * load (not observed; lets tests exercise the adapter's fallback).
   */
  rejectNullObjectNavigation?: boolean;
  /**
   * The ExcelApi requirement set the modelled Excel supports, as its minor version (7 = ExcelApi
   * 1.7, Office 2019). A call from a newer set queues as usual and fails the sync with
   * ApiNotFound, as Office does. Default: every set. `fake.isSetSupported` answers accordingly.
   */
  apiVersion?: number;
  cfBugs?: FakeCfBugs;
  /** Desktop only: a sync whose response is above `bytes` fails with `code` (MemoryLimitReached, GeneralException). */
  desktopResponseLimit?: { bytes: number; code: string };
}

// ---------------------------------------------------------------------------------------------
// Errors

export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

function accessDenied(what: string): FakeOfficeError {
  return new FakeOfficeError('AccessDenied', `You cannot perform the requested operation (${what}).`);
}

/** The sheet an operation's target belongs to: a FakeSheet itself, or a target with one. */
function sheetOfTarget(t: unknown): FakeSheet | undefined {
  if (!t || typeof t !== 'object') return undefined;
  if ((t as FakeSheet).cells instanceof Map && typeof (t as FakeSheet).name === 'string') return t as FakeSheet;
  const s = (t as { sheet?: unknown }).sheet;
  if (s && typeof s === 'object' && (s as FakeSheet).cells instanceof Map) return s as FakeSheet;
  return undefined;
}

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const MAX_READ_CELLS = 5_000_000;
export const MAX_ADDRESS_CHARS = 8192;
/** getMergedAreasOrNullObject fails on a range holding more merged areas than this. */
export const MAX_MERGED_AREAS = 512;
/** Excel's default column width (8.43 characters) and row height, in points. */
export const FAKE_DEFAULT_COLUMN_WIDTH = 48;
export const FAKE_DEFAULT_ROW_HEIGHT = 15;
const ROWS = 1_048_576;
const COLS = 16_384;

// ---------------------------------------------------------------------------------------------
// Addresses (written independently of the adapter's a1.ts, so a bug there is not mirrored here)

function colToIndex(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

function indexToCol(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Parses one area: A1, A1:C3, $A$1, A:C, 3:5. */
export function parseArea(address: string): FakeRect {
  const a = address.trim().replace(/\$/g, '').toUpperCase();
  let m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/.exec(a);
  if (m) {
    const r0 = Number(m[2]) - 1;
    const c0 = colToIndex(m[1]);
    const r1 = m[3] ? Number(m[4]) - 1 : r0;
    const c1 = m[3] ? colToIndex(m[3]) : c0;
    return checkRect({ r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) }, address);
  }
  m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(a);
  if (m) return checkRect({ r0: 0, r1: ROWS - 1, c0: colToIndex(m[1]), c1: colToIndex(m[2]) }, address);
  m = /^(\d+):(\d+)$/.exec(a);
  if (m) return checkRect({ r0: Number(m[1]) - 1, r1: Number(m[2]) - 1, c0: 0, c1: COLS - 1 }, address);
  throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: '${address}'`);
}

function checkRect(r: FakeRect, address: string): FakeRect {
  if (r.r0 < 0 || r.c0 < 0 || r.r1 >= ROWS || r.c1 >= COLS) {
    throw new FakeOfficeError('InvalidArgument', `Address out of the sheet: '${address}'`);
  }
  return r;
}

export function areaAddress(r: FakeRect): string {
  const a = `${indexToCol(r.c0)}${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${indexToCol(r.c1)}${r.r1 + 1}`;
}

function qualified(sheet: string, r: FakeRect): string {
  const name = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${areaAddress(r)}`;
}

const key = (r: number, c: number): string => `${r},${c}`;
const rectCells = (r: FakeRect): number => (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
const intersects = (a: FakeRect, b: FakeRect): boolean => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
const contains = (a: FakeRect, row: number, col: number): boolean => row >= a.r0 && row <= a.r1 && col >= a.c0 && col <= a.c1;

function jsonBytes(v: unknown): number {
  return Buffer.byteLength(JSON.stringify(v) ?? '', 'utf8');
}

// ---------------------------------------------------------------------------------------------
// The engine: state, options, sync counting

/** kind: 'read' (a load), 'suspend' (a suspend call) or 'write' (anything that changes the workbook). */
type Op = { requestBytes: number; run: () => LoadResult | void; kind: 'read' | 'write' | 'suspend'; label: string };
type LoadResult = { bytes: number; commit: () => void };

class Engine {
  syncCount = 0;
  /** Estimated request/response sizes (UTF-8 JSON bytes) of every completed or failed sync. */
  syncLog: Array<{ requestBytes: number; responseBytes: number }> = [];
  hang = false;
  nextId = 1;
  constructor(
    public state: FakeWorkbookState,
    public platform: 'web' | 'desktop',
    public maxReadCells: number = MAX_READ_CELLS,
    public rejectNullObjectNavigation = false,
    public apiVersion = Number.POSITIVE_INFINITY,
    public cfBugs: FakeCfBugs = {},
    public desktopResponseLimit?: { bytes: number; code: string },
  ) {}
  /** Returns an Office error code to fail the operation with, or null. */
  injectFault: ((op: FakeOp) => string | null) | null = null;

  /** Fails a write on a protected sheet, or an injected fault. */
  checkWrite(op: FakeOp, target: FakeSheet | undefined, sheetLevel: boolean): void {
    const fault = this.injectFault?.(op);
    if (fault) throw new FakeOfficeError(fault, `Injected failure of ${op.label}.`);
    if (sheetLevel && target?.protected) throw accessDenied(`${op.label} on the protected sheet '${target.name}'`);
  }

  /** Fails a change of the workbook's structure when it is protected, or an injected fault. */
  checkStructure(op: FakeOp): void {
    const fault = this.injectFault?.(op);
    if (fault) throw new FakeOfficeError(fault, `Injected failure of ${op.label}.`);
    if (this.state.structureProtected) throw accessDenied(`${op.label}: the workbook structure is protected`);
  }

  findSheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.state.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  liveSheet(sheet: FakeSheet): FakeSheet {
    if (!this.state.sheets.includes(sheet)) {
      throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (sheet '${sheet.name}').`);
    }
    return sheet;
  }
}

export class FakeContext {
  private ops: Op[] = [];
  private extraRequestBytes = 0;
  readonly workbook: FakeWorkbook;

  constructor(readonly engine: Engine) {
    this.workbook = new FakeWorkbook(this);
  }

  /** @internal */
  enqueue(requestBytes: number, run: () => LoadResult | void, kind: Op['kind'] = 'write', label = 'write'): void {
    this.ops.push({ requestBytes, run, kind, label });
  }

  /** Calls this batch made from requirement sets the modelled Excel lacks. */
  private missingApis: string[] = [];

  /** @internal A call or property from ExcelApi 1.<minor>: the sync fails with ApiNotFound when the modelled Excel is older. */
  requireApi(minor: number, what: string): void {
    if (this.engine.apiVersion < minor) this.missingApis.push(`${what} (ExcelApi 1.${minor})`);
  }

  /** @internal Records the request cost of creating a proxy through a method call. */
  noteRequest(bytes: number): void {
    this.extraRequestBytes += bytes;
  }

  async sync(): Promise<void> {
    const engine = this.engine;
    engine.syncCount++;
    const ops = this.ops;
    const requestBytes = this.extraRequestBytes + ops.reduce((n, op) => n + 40 + op.requestBytes, 0);
    this.ops = [];
    this.extraRequestBytes = 0;
    const missing = this.missingApis;
    this.missingApis = [];
    if (engine.hang) return new Promise<void>(() => undefined);
    await Promise.resolve();
    if (missing.length > 0) {
      throw new FakeOfficeError('ApiNotFound', `The API you are trying to use could not be found. It may be available in a newer version of Excel: ${missing.join(', ')}.`);
    }
    const entry = { requestBytes, responseBytes: 0 };
    engine.syncLog.push(entry);
    if (engine.platform === 'web' && requestBytes > PAYLOAD_LIMIT_BYTES) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    const commits: Array<() => void> = [];
    let responseBytes = 0;
    const suspendAt = ops.findIndex((op) => op.kind === 'suspend');
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i];
      if (op.kind === 'write' && suspendAt > i) engine.state.writesBeforeSuspend = (engine.state.writesBeforeSuspend ?? 0) + 1;
      const r = op.run();
      if (r) {
        responseBytes += r.bytes;
        commits.push(r.commit);
      }
    }
    entry.responseBytes = responseBytes;
    if (engine.platform === 'web' && responseBytes > PAYLOAD_LIMIT_BYTES) {
      throw new FakeOfficeError('ResponsePayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${responseBytes} bytes).`);
    }
    const limit = engine.desktopResponseLimit;
    if (engine.platform === 'desktop' && limit && responseBytes > limit.bytes) {
      throw new FakeOfficeError(limit.code, `Excel ran out of memory answering the request (${responseBytes} bytes).`);
    }
    for (const c of commits) c();
  }
}

// ---------------------------------------------------------------------------------------------
// Proxy base

type Resolver<T> = () => T | null;

function parseLoad(spec: string | string[] | Record<string, unknown> | undefined): string[][] {
  if (spec === undefined) throw new FakeOfficeError('InvalidArgument', 'load() without properties is not modelled (and is discouraged).');
  const out: string[][] = [];
  const walk = (obj: Record<string, unknown>, prefix: string[]): void => {
    for (const [k, v] of Object.entries(obj)) {
      if (v === true) out.push([...prefix, k]);
      else if (v && typeof v === 'object') walk(v as Record<string, unknown>, [...prefix, k]);
    }
  };
  if (typeof spec === 'string' || Array.isArray(spec)) {
    const parts = typeof spec === 'string' ? spec.split(',') : spec.flatMap((s) => s.split(','));
    for (const p of parts) {
      const t = p.trim();
      if (t) out.push(t.split('/').map((s) => s.trim()));
    }
  } else {
    walk(spec, []);
  }
  return out;
}

abstract class FakeProxy<T> {
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly context: FakeContext,
    private readonly resolver: Resolver<T>,
  ) {}

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  /** @internal */
  resolveTarget(): T | null {
    return this.resolver();
  }

  /** @internal */
  resolveOrThrow(): T {
    const t = this.resolver();
    if (t === null) throw new FakeOfficeError('InvalidOperation', `The object is a null object (${this.constructor.name}).`);
    return t;
  }

  protected abstract scalar(target: T, prop: string): unknown;

  protected nav(_prop: string): FakeProxy<unknown> | undefined {
    return undefined;
  }

  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }

  load(spec?: string | string[] | Record<string, unknown>): this {
    const paths = parseLoad(spec);
    if (paths.some((p) => p.includes('indentLevel'))) this.context.requireApi(9, 'RangeFormat.indentLevel');
    this.context.enqueue(
      jsonBytes(paths),
      () => {
        const fault = this.context.engine.injectFault?.({ label: 'load' });
        if (fault) throw new FakeOfficeError(fault, 'Injected failure of a load.');
        return this.loadWith(this.resolveTarget(), paths);
      },
      'read',
      'load',
    );
    return this;
  }

  /** @internal */
  loadWith(target: T | null, paths: string[][]): LoadResult {
    if (target === null) return { bytes: 16, commit: () => (this.nullState = true) };
    const values = new Map<string, unknown>();
    const subs = new Map<string, string[][]>();
    for (const [head, ...rest] of paths) {
      const child = this.nav(head);
      if (child) {
        if (rest.length === 0) throw new FakeOfficeError('InvalidArgument', `Loading navigation property '${head}' without sub-properties is not modelled.`);
        subs.set(head, [...(subs.get(head) ?? []), rest]);
      } else {
        if (rest.length > 0) throw new FakeOfficeError('InvalidArgument', `'${head}' is not a navigation property.`);
        values.set(head, this.scalar(target, head));
      }
    }
    let bytes = 16 + jsonBytes(Object.fromEntries(values));
    const commits: Array<() => void> = [];
    for (const [head, sp] of subs) {
      const child = this.nav(head) as FakeProxy<unknown>;
      const r = child.loadWith(child.resolveTarget(), sp);
      bytes += r.bytes;
      commits.push(r.commit);
    }
    return {
      bytes,
      commit: () => {
        this.nullState = false;
        for (const [k, v] of values) this.loaded.set(k, v);
        for (const c of commits) c();
      },
    };
  }

  protected write(prop: string, value: unknown, apply: (target: T) => void): void {
    this.context.enqueue(jsonBytes({ [prop]: value }), () => {
      const t = this.resolveOrThrow();
      this.guard(t, prop);
      apply(t);
    });
  }

  protected call(name: string, args: unknown[], apply: (target: T) => void): void {
    this.context.enqueue(jsonBytes({ [name]: args }), () => {
      const t = this.resolveOrThrow();
      this.guard(t, name);
      apply(t);
    });
  }

  /** The operation's name as Office.js would name it: `Worksheet.delete`, `Range.values`… */
  protected opLabel(op: string): string {
    return `${this.constructor.name.replace(/^Fake/, '').replace(/_$/, '').replace(/Proxy$/, '')}.${op}`;
  }

  /**
   * Runs before every write and call: an edit of a protected sheet fails, as does an injected
   * fault. Worksheet overrides it for what sheet protection allows and structure protection forbids.
   */
  protected guard(t: T, op: string): void {
    const sheet = sheetOfTarget(t);
    this.context.engine.checkWrite({ label: this.opLabel(op), sheet: sheet?.name }, sheet, true);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

abstract class FakeCollection<T, I, P extends FakeProxy<I>> extends FakeProxy<T> {
  private itemProxies: P[] | undefined;

  get items(): P[] {
    if (!this.itemProxies) throw notLoaded('items');
    return this.itemProxies;
  }

  protected abstract list(target: T): I[];
  protected abstract wrap(item: I, target: T): P;

  protected scalar(_t: T, prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `Unknown collection property '${prop}'.`);
  }

  loadWith(target: T | null, paths: string[][]): LoadResult {
    if (target === null) return super.loadWith(target, paths);
    const itemPaths = paths.map((p) => (p[0] === 'items' ? p.slice(1) : p)).filter((p) => p.length > 0);
    const items = this.list(target);
    const proxies = items.map((i) => this.wrap(i, target));
    let bytes = 16;
    const commits: Array<() => void> = [];
    for (let i = 0; i < proxies.length; i++) {
      const r = proxies[i].loadWith(items[i], itemPaths);
      bytes += r.bytes;
      commits.push(r.commit);
    }
    return {
      bytes,
      commit: () => {
        this.itemProxies = proxies;
        for (const c of commits) c();
      },
    };
  }
}

export class FakeClientResult<V> {
  private v: V | undefined;
  private set = false;
  get value(): V {
    if (!this.set) {
      throw new FakeOfficeError('ValueNotLoaded', 'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.');
    }
    return this.v as V;
  }
  /** @internal */
  resolve(v: V): void {
    this.v = v;
    this.set = true;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, application, worksheets

export class FakeWorkbook extends FakeProxy<FakeWorkbookState> {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly application: FakeApplication;
  readonly names: FakeNamedItemCollection;

  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.engine.state);
    this.worksheets = new FakeWorksheetCollection(ctx, () => ctx.engine.state);
    this.tables = new FakeTableCollection(ctx, () => ({ sheet: null }));
    this.application = new FakeApplication(ctx);
    this.names = new FakeNamedItemCollection(ctx, () => ctx.engine.state);
  }

  get name(): string {
    return this.get('name');
  }

  private protectionProxy: FakeWorkbookProtection | undefined;
  /** Workbook.protection (ExcelApi 1.7). */
  get protection(): FakeWorkbookProtection {
    this.context.requireApi(7, 'Workbook.protection');
    return (this.protectionProxy ??= new FakeWorkbookProtection(this.context, () => this.context.engine.state));
  }

  protected nav(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'protection') return this.protection as FakeProxy<unknown>;
    return undefined;
  }

  load(spec?: string | string[] | Record<string, unknown>): this {
    if (JSON.stringify(spec ?? '').includes('name')) this.context.requireApi(7, 'Workbook.name');
    return super.load(spec);
  }

  /**
   * The selected range, resolved at sync: `state.selection`, or A1 of the active sheet when none
   * was set. A multi-area selection fails the sync (Excel: InvalidSelection).
   */
  getSelectedRange(): FakeRange {
    this.context.noteRequest(40);
    return new FakeRange(this.context, () => {
      const state = this.context.engine.state;
      const sel = state.selection ?? { sheet: state.activeSheet, address: 'A1' };
      if (sel.address.includes(',')) {
        throw new FakeOfficeError('InvalidSelection', 'The current selection is invalid for this operation.');
      }
      const sheet = this.context.engine.findSheet(sel.sheet);
      if (!sheet) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (sheet '${sel.sheet}').`);
      return { sheet, rect: parseArea(sel.address) };
    });
  }

  protected scalar(t: FakeWorkbookState, prop: string): unknown {
    if (prop === 'name') return t.name;
    throw new FakeOfficeError('InvalidArgument', `Unknown Workbook property '${prop}'.`);
  }
}

export class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.requireApi(9, 'Application.suspendScreenUpdatingUntilNextSync');
    this.ctx.enqueue(40, () => {
      this.ctx.engine.state.screenUpdatingSuspensions++;
    }, 'suspend', 'Application.suspendScreenUpdatingUntilNextSync');
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.requireApi(6, 'Application.suspendApiCalculationUntilNextSync');
    this.ctx.enqueue(40, () => {
      this.ctx.engine.state.calculationSuspensions = (this.ctx.engine.state.calculationSuspensions ?? 0) + 1;
    }, 'suspend', 'Application.suspendApiCalculationUntilNextSync');
  }
}

export class FakeNamedItemCollection extends FakeCollection<FakeWorkbookState, string, FakeNamedItem> {
  protected list(t: FakeWorkbookState): string[] {
    return t.names ?? [];
  }
  protected wrap(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => name);
  }
}

export class FakeNamedItem extends FakeProxy<string> {
  get name(): string {
    return this.get('name');
  }
  protected scalar(n: string, prop: string): unknown {
    if (prop === 'name') return n;
    throw new FakeOfficeError('InvalidArgument', `Unknown NamedItem property '${prop}'.`);
  }
}

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

export class FakeWorksheetCollection extends FakeCollection<FakeWorkbookState, FakeSheet, FakeWorksheet> {
  protected list(t: FakeWorkbookState): FakeSheet[] {
    return t.sheets;
  }
  protected wrap(sheet: FakeSheet): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.engine.liveSheet(sheet));
  }

  getItem(name: string): FakeWorksheet {
    this.context.noteRequest(40 + name.length);
    return new FakeWorksheet(this.context, () => {
      const s = this.context.engine.findSheet(name);
      if (!s) throw new FakeOfficeError('ItemNotFound', `The requested resource doesn't exist (sheet '${name}').`);
      return s;
    });
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    this.context.noteRequest(40 + name.length);
    return new FakeWorksheet(this.context, () => this.context.engine.findSheet(name) ?? null);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.engine.findSheet(this.context.engine.state.activeSheet) ?? null);
  }

  add(name: string): FakeWorksheet {
    let created: FakeSheet | null = null;
    this.context.enqueue(40 + name.length, () => {
      const engine = this.context.engine;
      engine.checkStructure({ label: 'WorksheetCollection.add', sheet: name });
      if (!name || name.length > 31 || BAD_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
        throw new FakeOfficeError('InvalidArgument', `Invalid sheet name '${name}'.`);
      }
      if (engine.findSheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named '${name}' already exists.`);
      created = { name, visibility: 'Visible', cells: new Map(), conditionalFormats: [] };
      engine.state.sheets.push(created);
    });
    return new FakeWorksheet(this.context, () => {
      if (!created) throw new FakeOfficeError('InvalidOperation', 'Sheet not created yet.');
      return this.context.engine.liveSheet(created);
    });
  }
}

export class FakeWorksheet extends FakeProxy<FakeSheet> {
  private protectionProxy: FakeWorksheetProtection | undefined;
  private tablesProxy: FakeTableCollection | undefined;
  private chartsProxy: FakeChartCollection | undefined;
  private freezeProxy: FakeWorksheetFreezePanes | undefined;

  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.write('name', v, (s) => {
      const other = this.context.engine.findSheet(v);
      if (other && other !== s) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named '${v}' already exists.`);
      if (!v || v.length > 31 || BAD_SHEET_CHARS.test(v)) throw new FakeOfficeError('InvalidArgument', `Invalid sheet name '${v}'.`);
      const state = this.context.engine.state;
      if (state.activeSheet === s.name) state.activeSheet = v;
      s.name = v;
    });
  }
  get visibility(): string {
    return this.get('visibility');
  }
  /** Hiding or showing a sheet changes the workbook's structure; the last visible sheet cannot be hidden. */
  set visibility(v: string) {
    this.write('visibility', v, (s) => {
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new FakeOfficeError('InvalidArgument', `Invalid visibility '${v}'.`);
      const visible = this.context.engine.state.sheets.filter((x) => x.visibility === 'Visible');
      if (v !== 'Visible' && visible.length === 1 && visible[0] === s) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      }
      s.visibility = v;
    });
  }
  /** Worksheet.protection (ExcelApi 1.2): `protected` only. */
  get protection(): FakeWorksheetProtection {
    return (this.protectionProxy ??= new FakeWorksheetProtection(this.context, () => this.resolveTarget()));
  }
  get showGridlines(): boolean {
    return this.get('showGridlines');
  }
  set showGridlines(v: boolean) {
    this.context.requireApi(8, 'Worksheet.showGridlines');
    this.write('showGridlines', v, (s) => {
      if (typeof v !== 'boolean') throw new FakeOfficeError('InvalidArgument', 'showGridlines must be a boolean.');
      s.showGridlines = v;
    });
  }

  get charts(): FakeChartCollection {
    return (this.chartsProxy ??= new FakeChartCollection(this.context, () => this.resolveTarget()));
  }

  get freezePanes(): FakeWorksheetFreezePanes {
    return (this.freezeProxy ??= new FakeWorksheetFreezePanes(this.context, () => this.resolveTarget()));
  }

  get tables(): FakeTableCollection {
    if (!this.tablesProxy) {
      this.tablesProxy = new FakeTableCollection(this.context, () => {
        const s = this.resolveTarget();
        return s ? { sheet: s } : null;
      });
    }
    return this.tablesProxy;
  }

  protected nav(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'protection') return this.protection as FakeProxy<unknown>;
    return undefined;
  }

  /** Sheet protection allows activating; renaming, hiding and deleting are structure changes. */
  protected guard(s: FakeSheet, op: string): void {
    const engine = this.context.engine;
    if (op === 'activate') engine.checkWrite({ label: 'Worksheet.activate', sheet: s.name }, s, false);
    else if (op === 'name' || op === 'visibility' || op === 'delete') engine.checkStructure({ label: `Worksheet.${op}`, sheet: s.name });
    else super.guard(s, op);
  }

  protected scalar(s: FakeSheet, prop: string): unknown {
    if (prop === 'name') return s.name;
    if (prop === 'visibility') return s.visibility;
    if (prop === 'position') return this.context.engine.state.sheets.indexOf(s);
    if (prop === 'showGridlines') return s.showGridlines ?? true;
    throw new FakeOfficeError('InvalidArgument', `Unknown Worksheet property '${prop}'.`);
  }

  /** Whole sheet without an address, like Excel. */
  getRange(address?: string): FakeRange {
    this.context.noteRequest(40 + (address?.length ?? 0));
    return new FakeRange(this.context, () => {
      const sheet = this.resolveOrThrow();
      const rect = address === undefined ? { r0: 0, c0: 0, r1: ROWS - 1, c1: COLS - 1 } : parseArea(address);
      return { sheet, rect };
    });
  }

  getRanges(address: string): FakeRangeAreas {
    this.context.requireApi(9, 'Worksheet.getRanges');
    this.context.noteRequest(40 + address.length);
    return new FakeRangeAreas(this.context, () => {
      const sheet = this.resolveOrThrow();
      if (address.length > MAX_ADDRESS_CHARS) {
        throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (address of ${address.length} characters).`);
      }
      return { sheet, rects: address.split(',').map(parseArea) };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.context.requireApi(4, 'Worksheet.getUsedRangeOrNullObject');
    this.context.noteRequest(40);
    return new FakeRange(this.context, () => {
      const sheet = this.resolveOrThrow();
      const rect = usedRect(sheet, valuesOnly);
      return rect ? { sheet, rect } : null;
    });
  }

  activate(): void {
    this.call('activate', [], (s) => {
      if (s.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', `Cannot activate the hidden sheet '${s.name}'.`);
      this.context.engine.state.activeSheet = s.name;
    });
  }

  delete(): void {
    this.call('delete', [], (s) => {
      const state = this.context.engine.state;
      if (s.visibility === 'VeryHidden') throw new FakeOfficeError('InvalidOperation', `The very hidden sheet '${s.name}' cannot be deleted.`);
      const visible = state.sheets.filter((x) => x.visibility === 'Visible');
      if (visible.length === 1 && visible[0] === s) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      state.sheets = state.sheets.filter((x) => x !== s);
      state.tables = state.tables.filter((t) => t.sheet !== s);
      if (state.activeSheet === s.name) state.activeSheet = state.sheets.find((x) => x.visibility === 'Visible')!.name;
      if (state.selection?.sheet === s.name) state.selection = null;
    });
  }
}

/** Worksheet.protection (ExcelApi 1.2) and Workbook.protection (1.7): whether protection is on. */
export class FakeWorksheetProtection extends FakeProxy<FakeSheet> {
  get protected(): boolean {
    return this.get('protected');
  }
  protected scalar(s: FakeSheet, prop: string): unknown {
    if (prop === 'protected') return !!s.protected;
    throw new FakeOfficeError('InvalidArgument', `Unknown WorksheetProtection property '${prop}'.`);
  }
}

export class FakeWorkbookProtection extends FakeProxy<FakeWorkbookState> {
  get protected(): boolean {
    return this.get('protected');
  }
  protected scalar(s: FakeWorkbookState, prop: string): unknown {
    if (prop === 'protected') return !!s.structureProtected;
    throw new FakeOfficeError('InvalidArgument', `Unknown WorkbookProtection property '${prop}'.`);
  }
}

/**
 * Worksheet.freezePanes (ExcelApi 1.7). A sheet has one frozen pane: freezing rows or columns
 * replaces what was frozen before, as in Excel's UI; counts must be whole numbers within the sheet.
 */
export class FakeWorksheetFreezePanes extends FakeProxy<FakeSheet> {
  private freeze(method: string, rows: number, columns: number): void {
    this.context.requireApi(7, `WorksheetFreezePanes.${method}`);
    this.call(method, [rows, columns], (s) => {
      if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows < 0 || columns < 0 || rows >= ROWS || columns >= COLS) {
        throw new FakeOfficeError('InvalidArgument', `Invalid count for ${method}.`);
      }
      s.frozen = { rows, columns };
    });
  }
  freezeRows(count = 1): void {
    this.freeze('freezeRows', count, 0);
  }
  freezeColumns(count = 1): void {
    this.freeze('freezeColumns', 0, count);
  }
  unfreeze(): void {
    this.context.requireApi(7, 'WorksheetFreezePanes.unfreeze');
    this.call('unfreeze', [], (s) => {
      delete s.frozen;
    });
  }
  protected scalar(_s: FakeSheet, prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `Unknown WorksheetFreezePanes property '${prop}'.`);
  }
}

function hasContent(c: FakeCell): boolean {
  return (c.value !== undefined && c.value !== '') || c.error !== undefined || c.formula !== undefined;
}

function hasFormat(c: FakeCell): boolean {
  return (
    c.fill !== undefined ||
    c.fontColor !== undefined ||
    c.bold !== undefined ||
    c.indent !== undefined ||
    c.numberFormat !== undefined ||
    c.italic !== undefined ||
    c.fontSize !== undefined ||
    c.horizontalAlignment !== undefined ||
    c.verticalAlignment !== undefined ||
    c.wrapText !== undefined ||
    c.borders !== undefined
  );
}

function usedRect(sheet: FakeSheet, valuesOnly: boolean): FakeRect | null {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const [k, c] of sheet.cells) {
    if (!(hasContent(c) || (!valuesOnly && hasFormat(c)))) continue;
    const [r, col] = k.split(',').map(Number);
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
    if (col < c0) c0 = col;
    if (col > c1) c1 = col;
  }
  return r1 < 0 ? null : { r0, c0, r1, c1 };
}

// ---------------------------------------------------------------------------------------------
// Ranges

interface RangeTarget {
  sheet: FakeSheet;
  rect: FakeRect;
}

function valueTypeOf(c: FakeCell | undefined): string {
  if (!c) return 'Empty';
  if (c.error !== undefined) return 'Error';
  if (c.value === undefined || c.value === '') return 'Empty';
  if (typeof c.value === 'number') return 'Double';
  if (typeof c.value === 'boolean') return 'Boolean';
  return 'String';
}

function grid<V>(t: RangeTarget, f: (c: FakeCell | undefined) => V): V[][] {
  const out: V[][] = [];
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    const row: V[] = [];
    for (let c = t.rect.c0; c <= t.rect.c1; c++) row.push(f(t.sheet.cells.get(key(r, c))));
    out.push(row);
  }
  return out;
}

function uniform<V>(t: RangeTarget, f: (c: FakeCell | undefined) => V): V | null {
  let first: V | undefined;
  let seen = false;
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const v = f(t.sheet.cells.get(key(r, c)));
      if (!seen) {
        first = v;
        seen = true;
      } else if (v !== first) return null;
    }
  }
  return first ?? null;
}

/** Applies a scalar or a 2D array of the range's exact shape, cell by cell. */
function eachCell(t: RangeTarget, input: unknown, prop: string, apply: (cell: FakeCell, v: unknown) => void): void {
  const rows = t.rect.r1 - t.rect.r0 + 1;
  const cols = t.rect.c1 - t.rect.c0 + 1;
  const is2d = Array.isArray(input);
  if (is2d) {
    const arr = input as unknown[][];
    if (arr.length !== rows || arr.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeOfficeError(
        'InvalidArgument',
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}).`,
      );
    }
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const k = key(t.rect.r0 + r, t.rect.c0 + c);
      let cell = t.sheet.cells.get(k);
      if (!cell) t.sheet.cells.set(k, (cell = {}));
      apply(cell, is2d ? (input as unknown[][])[r][c] : input);
    }
  }
}

/** Typed-input parsing of Range.values writes. */
function writeValue(cell: FakeCell, v: unknown): void {
  delete cell.error;
  delete cell.formula;
  if (v === null || v === undefined || v === '') {
    delete cell.value;
    return;
  }
  if (typeof v === 'string' && cell.numberFormat !== '@') {
    if (v.startsWith('=')) {
      setFormula(cell, v);
      return;
    }
    if (/^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v.trim())) {
      cell.value = Number(v);
      return;
    }
  }
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
    throw new FakeOfficeError('InvalidArgument', `Unsupported cell value ${JSON.stringify(v)}.`);
  }
  cell.value = v;
}

function setFormula(cell: FakeCell, f: string): void {
  cell.formula = f;
  const link = /^=HYPERLINK\("((?:[^"]|"")*)","((?:[^"]|"")*)"\)$/.exec(f);
  cell.value = link ? link[2].replace(/""/g, '"') : 0;
}

export class FakeRange extends FakeProxy<RangeTarget> {
  private formatProxy: FakeRangeFormat | undefined;
  private cfProxy: FakeConditionalFormatCollection | undefined;
  private dvProxy: FakeDataValidationProxy | undefined;
  private worksheetProxy: FakeWorksheet | undefined;

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.write('values', v, (t) => eachCell(t, v, 'values', writeValue));
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  set formulas(v: unknown[][]) {
    this.write('formulas', v, (t) =>
      eachCell(t, v, 'formulas', (cell, x) => (typeof x === 'string' && x.startsWith('=') ? setFormula(cell, x) : writeValue(cell, x))),
    );
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.write('numberFormat', v, (t) =>
      eachCell(t, v, 'numberFormat', (cell, x) => {
        if (typeof x !== 'string') throw new FakeOfficeError('InvalidArgument', 'numberFormat must be text.');
        cell.numberFormat = x;
      }),
    );
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }

  get format(): FakeRangeFormat {
    return (this.formatProxy ??= new FakeRangeFormat(this.context, () => rangeAreas(this.resolveTarget())));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    this.context.requireApi(6, 'Range.conditionalFormats');
    return (this.cfProxy ??= new FakeConditionalFormatCollection(this.context, () => {
      const t = this.resolveOrThrow();
      return { sheet: t.sheet, rects: [t.rect] };
    }));
  }

  get dataValidation(): FakeDataValidationProxy {
    this.context.requireApi(8, 'Range.dataValidation');
    return (this.dvProxy ??= new FakeDataValidationProxy(this.context, () => this.resolveTarget()));
  }

  get worksheet(): FakeWorksheet {
    return (this.worksheetProxy ??= new FakeWorksheet(this.context, () => {
      const t = this.resolveTarget();
      return t ? this.context.engine.liveSheet(t.sheet) : null;
    }));
  }

  protected nav(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'format') return this.format as FakeProxy<unknown>;
    if (prop === 'conditionalFormats') return this.conditionalFormats as FakeProxy<unknown>;
    if (prop === 'worksheet') return this.worksheet as FakeProxy<unknown>;
    return undefined;
  }

  /**
   * Merges the range (across: each row on its own). Only the top-left value of each merged area
   * is kept, as Excel does. Merging inside a table, or across part of an existing merged area,
   * fails (Excel refuses both); existing merged areas inside the new one are absorbed.
   */
  merge(across = false): void {
    this.call('merge', [across], (t) => {
      if (this.context.engine.state.tables.some((x) => x.sheet === t.sheet && intersects(x.area, t.rect))) {
        throw new FakeOfficeError('InvalidOperation', 'Cannot merge cells in a table.');
      }
      const areas: FakeRect[] = across
        ? Array.from({ length: t.rect.r1 - t.rect.r0 + 1 }, (_, i) => ({ r0: t.rect.r0 + i, r1: t.rect.r0 + i, c0: t.rect.c0, c1: t.rect.c1 }))
        : [{ ...t.rect }];
      const merges = (t.sheet.merges ??= []);
      for (const a of areas) {
        if (rectCells(a) < 2) continue;
        const inside = (m: FakeRect) => m.r0 >= a.r0 && m.r1 <= a.r1 && m.c0 >= a.c0 && m.c1 <= a.c1;
        if (merges.some((m) => intersects(m, a) && !inside(m))) {
          throw new FakeOfficeError('InvalidOperation', 'Cannot merge part of a merged area.');
        }
        t.sheet.merges = (t.sheet.merges ?? []).filter((m) => !inside(m));
        t.sheet.merges.push(a);
        for (let r = a.r0; r <= a.r1; r++) {
          for (let c = a.c0; c <= a.c1; c++) {
            if (r === a.r0 && c === a.c0) continue;
            const cell = t.sheet.cells.get(key(r, c));
            if (cell) {
              delete cell.value;
              delete cell.formula;
              delete cell.error;
            }
          }
        }
      }
    });
  }

  /**
   * The cells of one kind inside the range, as areas (ExcelApi 1.9): 'Constants' (a value or an
   * error typed in, not a formula) or 'Formulas', optionally of some value types ('Numbers',
   * 'Text', 'Logical', 'Errors', joined with 'And' as Office.js names them). Excel answers from
   * its cell table, never visiting empty cells, so a used range stretched to XFD1048576 costs
   * nothing here. A null object when no cell matches; getSpecialCells fails with ItemNotFound.
   */
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): FakeRangeAreas {
    this.context.requireApi(9, 'Range.getSpecialCellsOrNullObject');
    this.context.noteRequest(40 + cellType.length + (cellValueType?.length ?? 0));
    return new FakeRangeAreas(this.context, () => {
      const t = this.resolveOrThrow();
      const rects = specialAreas(t, cellType, cellValueType);
      return rects.length > 0 ? { sheet: t.sheet, rects } : null;
    });
  }

  getSpecialCells(cellType: string, cellValueType?: string): FakeRangeAreas {
    this.context.requireApi(9, 'Range.getSpecialCells');
    this.context.noteRequest(40 + cellType.length + (cellValueType?.length ?? 0));
    return new FakeRangeAreas(this.context, () => {
      const t = this.resolveOrThrow();
      const rects = specialAreas(t, cellType, cellValueType);
      if (rects.length === 0) throw new FakeOfficeError('ItemNotFound', 'No cells were found.');
      return { sheet: t.sheet, rects };
    });
  }

  /** Merged areas that intersect the range (ExcelApi 1.13); a null object when there are none. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.context.requireApi(13, 'Range.getMergedAreasOrNullObject');
    this.context.noteRequest(40);
    return new FakeRangeAreas(this.context, () => {
      const t = this.resolveOrThrow();
      const rects = (t.sheet.merges ?? []).filter((m) => intersects(m, t.rect)).map((m) => ({ ...m }));
      if (rects.length > MAX_MERGED_AREAS) throw new FakeOfficeError('GeneralException', `There are more than ${MAX_MERGED_AREAS} merged areas in the range.`);
      return rects.length > 0 ? { sheet: t.sheet, rects } : null;
    });
  }

  protected scalar(t: RangeTarget, prop: string): unknown {
    const tooBig = rectCells(t.rect) > this.context.engine.maxReadCells;
    switch (prop) {
      case 'address':
        return qualified(t.sheet.name, t.rect);
      case 'rowIndex':
        return t.rect.r0;
      case 'columnIndex':
        return t.rect.c0;
      case 'rowCount':
        return t.rect.r1 - t.rect.r0 + 1;
      case 'columnCount':
        return t.rect.c1 - t.rect.c0 + 1;
      case 'cellCount':
        return rectCells(t.rect);
      case 'values':
        return tooBig ? null : grid(t, (c) => (c?.error !== undefined ? c.error : (c?.value ?? '')));
      case 'formulas':
        return tooBig ? null : grid(t, (c) => (c?.formula ?? (c?.error !== undefined ? c.error : (c?.value ?? ''))));
      case 'numberFormat':
        return tooBig ? null : grid(t, (c) => c?.numberFormat ?? 'General');
      case 'valueTypes':
        return tooBig ? null : grid(t, valueTypeOf);
      default:
        throw new FakeOfficeError('InvalidArgument', `Unknown Range property '${prop}'.`);
    }
  }

  getCellProperties(options: { format?: { indentLevel?: boolean; fill?: { color?: boolean }; font?: { color?: boolean } } }): FakeClientResult<unknown[][]> {
    this.context.requireApi(9, 'Range.getCellProperties');
    const result = new FakeClientResult<unknown[][]>();
    this.context.enqueue(jsonBytes(options), () => {
      const t = this.resolveOrThrow();
      const value = grid(t, (c) => {
        const format: Record<string, unknown> = {};
        if (options.format?.indentLevel) format.indentLevel = c?.indent ?? 0;
        if (options.format?.fill?.color) format.fill = { color: c?.fill ?? '#FFFFFF' };
        if (options.format?.font?.color) format.font = { color: c?.fontColor ?? '#000000' };
        return { format };
      });
      return { bytes: jsonBytes(value), commit: () => result.resolve(value) };
    }, 'read', 'Range.getCellProperties');
    return result;
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const t = this.resolveOrThrow();
      const r = t.rect.r0 + row;
      const c = t.rect.c0 + column;
      return { sheet: t.sheet, rect: checkRect({ r0: r, c0: c, r1: r, c1: c }, `getCell(${row},${column})`) };
    });
  }

  /** Range.clear: 'Contents' (values and formulas), 'Formats', or 'All' (the default). */
  clear(applyTo: string = 'All'): void {
    this.call('clear', [applyTo], (t) => {
      if (applyTo !== 'All' && applyTo !== 'Contents' && applyTo !== 'Formats') throw new FakeOfficeError('InvalidArgument', `Invalid applyTo '${applyTo}'.`);
      for (const [k, cell] of [...t.sheet.cells]) {
        const [r, c] = k.split(',').map(Number);
        if (!contains(t.rect, r, c)) continue;
        if (applyTo === 'All') {
          t.sheet.cells.delete(k);
          continue;
        }
        if (applyTo === 'Contents') {
          delete cell.value;
          delete cell.formula;
          delete cell.error;
        } else {
          for (const f of ['numberFormat', 'fill', 'fontColor', 'bold', 'indent', 'italic', 'fontSize', 'horizontalAlignment', 'verticalAlignment', 'wrapText', 'borders'] as const) delete cell[f];
        }
      }
    });
  }

  select(): void {
    this.call('select', [], (t) => {
      const state = this.context.engine.state;
      if (t.sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'Cannot select on a hidden sheet.');
      state.activeSheet = t.sheet.name;
      state.selection = { sheet: t.sheet.name, address: areaAddress(t.rect) };
    });
  }
}

const DV_TYPES: Record<string, string> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  textLength: 'TextLength',
  date: 'Date',
  time: 'Time',
  list: 'List',
  custom: 'Custom',
};
const DV_OPERATORS = new Set(['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo']);
const DV_ALERT_STYLES = new Set(['Stop', 'Warning', 'Information']);

function checkDvText(v: unknown, max: number, what: string): void {
  if (typeof v !== 'string') throw new FakeOfficeError('InvalidArgument', `${what} must be text.`);
  if (v.length > max) throw new FakeOfficeError('InvalidArgument', `${what} is longer than ${max} characters.`);
}

/** Checks a DataValidationRule as Excel does: exactly one type; basic rules with an operator and the formulas it needs. */
function checkDvRule(rule: unknown): Record<string, Record<string, unknown>> {
  if (!rule || typeof rule !== 'object') throw new FakeOfficeError('InvalidArgument', 'The data validation rule is missing.');
  const keys = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1 || !DV_TYPES[keys[0]]) throw new FakeOfficeError('InvalidArgument', `A data validation rule takes exactly one type (${keys.join(', ') || 'none'}).`);
  const body = (rule as Record<string, Record<string, unknown>>)[keys[0]];
  if (['wholeNumber', 'decimal', 'textLength', 'date', 'time'].includes(keys[0])) {
    const op = body?.operator;
    if (typeof op !== 'string' || !DV_OPERATORS.has(op)) throw new FakeOfficeError('InvalidArgument', `Invalid data validation operator '${String(op)}'.`);
    if (body.formula1 === undefined || body.formula1 === null || body.formula1 === '') throw new FakeOfficeError('InvalidArgument', 'formula1 is required.');
    if ((op === 'Between' || op === 'NotBetween') && (body.formula2 === undefined || body.formula2 === null || body.formula2 === '')) {
      throw new FakeOfficeError('InvalidArgument', `formula2 is required with ${op}.`);
    }
  }
  return JSON.parse(JSON.stringify(rule)) as Record<string, Record<string, unknown>>;
}

/** Range.dataValidation (ExcelApi 1.8): a write is checked first, then applies to every cell of the range. */
export class FakeDataValidationProxy extends FakeProxy<RangeTarget> {
  private update(prop: string, value: unknown, check: () => void, apply: (dv: FakeDataValidation) => void): void {
    this.write(prop, value, (t) => {
      check();
      for (let r = t.rect.r0; r <= t.rect.r1; r++) {
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          const k = key(r, c);
          let cell = t.sheet.cells.get(k);
          if (!cell) t.sheet.cells.set(k, (cell = {}));
          apply((cell.validation ??= { ignoreBlanks: true }));
        }
      }
    });
  }
  set rule(v: Record<string, unknown>) {
    let rule: Record<string, Record<string, unknown>> = {};
    this.update(
      'rule',
      v,
      () => (rule = checkDvRule(v)),
      (dv) => (dv.rule = JSON.parse(JSON.stringify(rule))),
    );
  }
  get rule(): Record<string, unknown> {
    return this.get('rule');
  }
  /** WholeNumber, Decimal, …; None without a rule; Inconsistent when the cells differ. */
  get type(): string {
    return this.get('type');
  }
  set errorAlert(v: { message: string; showAlert: boolean; style: string; title: string }) {
    this.update(
      'errorAlert',
      v,
      () => {
        checkDvText(v.title, 32, 'errorAlert.title');
        checkDvText(v.message, 225, 'errorAlert.message');
        if (!DV_ALERT_STYLES.has(v.style)) throw new FakeOfficeError('InvalidArgument', `Invalid alert style '${v.style}'.`);
      },
      (dv) => (dv.errorAlert = { ...v }),
    );
  }
  set prompt(v: { message: string; showPrompt: boolean; title: string }) {
    this.update(
      'prompt',
      v,
      () => {
        checkDvText(v.title, 32, 'prompt.title');
        checkDvText(v.message, 255, 'prompt.message');
      },
      (dv) => (dv.prompt = { ...v }),
    );
  }
  set ignoreBlanks(v: boolean) {
    this.update(
      'ignoreBlanks',
      v,
      () => {
        if (typeof v !== 'boolean') throw new FakeOfficeError('InvalidArgument', 'ignoreBlanks must be a boolean.');
      },
      (dv) => (dv.ignoreBlanks = v),
    );
  }
  clear(): void {
    this.call('clear', [], (t) => {
      for (const [k, cell] of t.sheet.cells) {
        const [r, c] = k.split(',').map(Number);
        if (contains(t.rect, r, c)) delete cell.validation;
      }
    });
  }
  protected scalar(t: RangeTarget, prop: string): unknown {
    if (prop === 'type') {
      const types = new Set(grid(t, (c) => (c?.validation?.rule ? DV_TYPES[Object.keys(c.validation.rule)[0]] : 'None')).flat());
      return types.size === 1 ? [...types][0] : 'Inconsistent';
    }
    if (prop === 'rule') {
      const rules = new Set(grid(t, (c) => JSON.stringify(c?.validation?.rule ?? {})).flat());
      return rules.size === 1 ? JSON.parse([...rules][0]) : null;
    }
    throw new FakeOfficeError('InvalidArgument', `Unknown DataValidation property '${prop}'.`);
  }
}

const SPECIAL_VALUE_TYPES: Record<string, string> = { Numbers: 'Double', Text: 'String', Logical: 'Boolean', Errors: 'Error' };

/**
 * Range.getSpecialCells: the matching cells of a range as rectangles. Each row's runs of
 * adjacent matching cells; runs over the same columns in consecutive rows join into one area.
 * Only cells that exist in the sheet's cell table are looked at.
 */
function specialAreas(t: RangeTarget, cellType: string, cellValueType?: string): FakeRect[] {
  if (cellType !== 'Constants' && cellType !== 'Formulas') {
    throw new FakeOfficeError('InvalidArgument', `Special cell type '${cellType}' is not modelled.`);
  }
  const wanted = cellValueType && cellValueType !== 'All' ? new Set(cellValueType.split('And').map((k) => SPECIAL_VALUE_TYPES[k])) : undefined;
  const hits: Array<[number, number]> = [];
  for (const [k, c] of t.sheet.cells) {
    const [r, col] = k.split(',').map(Number);
    if (!contains(t.rect, r, col)) continue;
    const match = cellType === 'Formulas' ? c.formula !== undefined : c.formula === undefined && hasContent(c);
    if (!match) continue;
    if (wanted && !wanted.has(valueTypeOf(c))) continue;
    hits.push([r, col]);
  }
  hits.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const done: FakeRect[] = [];
  const open = new Map<string, FakeRect>();
  for (let i = 0; i < hits.length; ) {
    const r = hits[i][0];
    for (; i < hits.length && hits[i][0] === r; ) {
      let j = i;
      while (j + 1 < hits.length && hits[j + 1][0] === r && hits[j + 1][1] === hits[j][1] + 1) j++;
      const span = `${hits[i][1]}:${hits[j][1]}`;
      const above = open.get(span);
      if (above && above.r1 === r - 1) above.r1 = r;
      else {
        if (above) done.push(above);
        open.set(span, { r0: r, c0: hits[i][1], r1: r, c1: hits[j][1] });
      }
      i = j + 1;
    }
    for (const [span, rect] of open) {
      if (rect.r1 < r) {
        done.push(rect);
        open.delete(span);
      }
    }
  }
  done.push(...open.values());
  return done.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}

/** The cells a format proxy works on: one rectangle for a Range, several for a RangeAreas. */
interface AreasTarget {
  sheet: FakeSheet;
  rects: FakeRect[];
}

const rangeAreas = (t: RangeTarget | null): AreasTarget | null => (t ? { sheet: t.sheet, rects: [t.rect] } : null);

/** Applies a scalar to every cell of every area (RangeFormat setters take one value). */
function eachAreaCell(t: AreasTarget, apply: (cell: FakeCell) => void): void {
  for (const rect of t.rects) {
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        const k = key(r, c);
        let cell = t.sheet.cells.get(k);
        if (!cell) t.sheet.cells.set(k, (cell = {}));
        apply(cell);
      }
    }
  }
}

/** One value for all the cells of the areas, null when they differ (as Excel reports formats). */
function uniformAreas<V>(t: AreasTarget, f: (c: FakeCell | undefined) => V): V | null {
  let first: V | undefined;
  let seen = false;
  for (const rect of t.rects) {
    const v = uniform({ sheet: t.sheet, rect }, f);
    if (v === null) return null;
    if (!seen) {
      first = v;
      seen = true;
    } else if (v !== first) return null;
  }
  return first ?? null;
}

/** Colours as Office.js takes them: #RRGGBB or a colour name ('red'); ARGB ('FF9C0006') is rejected. */
function checkColor(v: unknown, what: string): string {
  if (typeof v !== 'string' || !(/^#[0-9A-Fa-f]{6}$/.test(v) || /^[A-Za-z]+$/.test(v))) {
    throw new FakeOfficeError('InvalidArgument', `Invalid ${what} '${String(v)}'.`);
  }
  return v.toUpperCase();
}

const H_ALIGN = new Set(['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed']);
const V_ALIGN = new Set(['Top', 'Center', 'Bottom', 'Justify', 'Distributed']);

function spannedColumns(t: AreasTarget): number[] {
  const cols = new Set<number>();
  for (const r of t.rects) for (let c = r.c0; c <= r.c1; c++) cols.add(c);
  return [...cols];
}

function spannedRows(t: AreasTarget): number[] {
  const rows = new Set<number>();
  for (const r of t.rects) for (let i = r.r0; i <= r.r1; i++) rows.add(i);
  return [...rows];
}

export class FakeRangeFormat extends FakeProxy<AreasTarget> {
  private fillProxy: FakeRangeFill | undefined;
  private fontProxy: FakeRangeFont | undefined;
  private bordersProxy: FakeRangeBorderCollection | undefined;

  get indentLevel(): number | null {
    return this.get('indentLevel');
  }
  set indentLevel(v: number | null) {
    this.context.requireApi(9, 'RangeFormat.indentLevel');
    this.write('indentLevel', v, (t) => eachAreaCell(t, (cell) => (cell.indent = v ?? 0)));
  }
  get horizontalAlignment(): string | null {
    return this.get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this.write('horizontalAlignment', v, (t) => {
      if (!H_ALIGN.has(v)) throw new FakeOfficeError('InvalidArgument', `Invalid horizontalAlignment '${v}'.`);
      eachAreaCell(t, (cell) => (cell.horizontalAlignment = v));
    });
  }
  get verticalAlignment(): string | null {
    return this.get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    this.write('verticalAlignment', v, (t) => {
      if (!V_ALIGN.has(v)) throw new FakeOfficeError('InvalidArgument', `Invalid verticalAlignment '${v}'.`);
      eachAreaCell(t, (cell) => (cell.verticalAlignment = v));
    });
  }
  /** Points. Setting it sets the width of every column the range spans (whole columns, as Excel). */
  get columnWidth(): number | null {
    return this.get('columnWidth');
  }
  set columnWidth(v: number) {
    this.write('columnWidth', v, (t) => {
      if (typeof v !== 'number' || !(v >= 0) || v > 255 * 7.5) throw new FakeOfficeError('InvalidArgument', `Invalid columnWidth ${v}.`);
      const widths = (t.sheet.columnWidths ??= new Map());
      for (const c of spannedColumns(t)) widths.set(c, v);
    });
  }
  /** Points, for every row the range spans. */
  get rowHeight(): number | null {
    return this.get('rowHeight');
  }
  set rowHeight(v: number) {
    this.write('rowHeight', v, (t) => {
      if (typeof v !== 'number' || !(v >= 0) || v > 409) throw new FakeOfficeError('InvalidArgument', `Invalid rowHeight ${v}.`);
      const heights = (t.sheet.rowHeights ??= new Map());
      for (const r of spannedRows(t)) heights.set(r, v);
    });
  }
  get wrapText(): boolean | null {
    return this.get('wrapText');
  }
  set wrapText(v: boolean) {
    this.write('wrapText', v, (t) => {
      if (typeof v !== 'boolean') throw new FakeOfficeError('InvalidArgument', 'wrapText must be a boolean.');
      eachAreaCell(t, (cell) => (cell.wrapText = v));
    });
  }
  get fill(): FakeRangeFill {
    return (this.fillProxy ??= new FakeRangeFill(this.context, () => this.resolveTarget()));
  }
  get font(): FakeRangeFont {
    return (this.fontProxy ??= new FakeRangeFont(this.context, () => this.resolveTarget()));
  }
  get borders(): FakeRangeBorderCollection {
    return (this.bordersProxy ??= new FakeRangeBorderCollection(this.context, () => this.resolveTarget()));
  }
  protected nav(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'fill') return this.fill as FakeProxy<unknown>;
    if (prop === 'font') return this.font as FakeProxy<unknown>;
    return undefined;
  }
  protected scalar(t: AreasTarget, prop: string): unknown {
    // Excel gives one value per range, null when the cells differ.
    switch (prop) {
      case 'indentLevel':
        return uniformAreas(t, (c) => c?.indent ?? 0);
      case 'horizontalAlignment':
        return uniformAreas(t, (c) => c?.horizontalAlignment ?? 'General');
      case 'verticalAlignment':
        return uniformAreas(t, (c) => c?.verticalAlignment ?? 'Bottom');
      case 'wrapText':
        return uniformAreas(t, (c) => c?.wrapText ?? false);
      case 'columnWidth': {
        const ws = new Set(spannedColumns(t).map((c) => t.sheet.columnWidths?.get(c) ?? FAKE_DEFAULT_COLUMN_WIDTH));
        return ws.size === 1 ? [...ws][0] : null;
      }
      case 'rowHeight': {
        const hs = new Set(spannedRows(t).map((r) => t.sheet.rowHeights?.get(r) ?? FAKE_DEFAULT_ROW_HEIGHT));
        return hs.size === 1 ? [...hs][0] : null;
      }
      default:
        throw new FakeOfficeError('InvalidArgument', `Unknown RangeFormat property '${prop}'.`);
    }
  }
  autofitColumns(): void {
    this.call('autofitColumns', [], () => undefined);
  }
}

const BORDER_STYLES = new Set(['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot']);
type Side = 'top' | 'bottom' | 'left' | 'right';

/**
 * The cell sides a border index draws, as Excel does: an edge of the range's outline, or the
 * lines between its rows (InsideHorizontal) or columns (InsideVertical). Diagonals are not modelled.
 */
function borderSides(index: string, rect: FakeRect, r: number, c: number): Side[] {
  switch (index) {
    case 'EdgeTop':
      return r === rect.r0 ? ['top'] : [];
    case 'EdgeBottom':
      return r === rect.r1 ? ['bottom'] : [];
    case 'EdgeLeft':
      return c === rect.c0 ? ['left'] : [];
    case 'EdgeRight':
      return c === rect.c1 ? ['right'] : [];
    case 'InsideHorizontal':
      return [...(r > rect.r0 ? (['top'] as Side[]) : []), ...(r < rect.r1 ? (['bottom'] as Side[]) : [])];
    case 'InsideVertical':
      return [...(c > rect.c0 ? (['left'] as Side[]) : []), ...(c < rect.c1 ? (['right'] as Side[]) : [])];
    default:
      throw new FakeOfficeError('InvalidArgument', `Border index '${index}' is not modelled.`);
  }
}

export class FakeRangeBorderCollection extends FakeProxy<AreasTarget> {
  getItem(index: string): FakeRangeBorder {
    return new FakeRangeBorder(this.context, () => this.resolveTarget(), index);
  }
  protected scalar(_t: AreasTarget, prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `Unknown RangeBorderCollection property '${prop}'.`);
  }
}

export class FakeRangeBorder extends FakeProxy<AreasTarget> {
  constructor(
    ctx: FakeContext,
    resolver: Resolver<AreasTarget>,
    private readonly index: string,
  ) {
    super(ctx, resolver);
  }
  private eachSide(apply: (cell: FakeCell, side: Side) => void): (t: AreasTarget) => void {
    return (t) => {
      for (const rect of t.rects) {
        for (let r = rect.r0; r <= rect.r1; r++) {
          for (let c = rect.c0; c <= rect.c1; c++) {
            const sides = borderSides(this.index, rect, r, c);
            if (sides.length === 0) continue;
            const k = key(r, c);
            let cell = t.sheet.cells.get(k);
            if (!cell) t.sheet.cells.set(k, (cell = {}));
            for (const side of sides) apply(cell, side);
          }
        }
      }
    };
  }
  set style(v: string) {
    this.write('style', v, (t) => {
      if (!BORDER_STYLES.has(v)) throw new FakeOfficeError('InvalidArgument', `Invalid border style '${v}'.`);
      this.eachSide((cell, side) => {
        cell.borders = { ...cell.borders };
        if (v === 'None') delete cell.borders[side];
        else cell.borders[side] = v;
      })(t);
    });
  }
  set color(v: string) {
    this.write('color', v, (t) => {
      checkColor(v, 'border color');
      // Colours of borders are accepted and not kept: tests look at the line styles.
      this.eachSide(() => undefined)(t);
    });
  }
  protected scalar(_t: AreasTarget, prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `Unknown RangeBorder property '${prop}'.`);
  }
}

export class FakeRangeFill extends FakeProxy<AreasTarget> {
  get color(): string | null {
    return this.get('color');
  }
  set color(v: string | null) {
    this.write('color', v, (t) => {
      const color = checkColor(v, 'fill color');
      eachAreaCell(t, (cell) => (cell.fill = color));
    });
  }
  protected scalar(t: AreasTarget, prop: string): unknown {
    if (prop === 'color') return uniformAreas(t, (c) => c?.fill ?? '#FFFFFF');
    throw new FakeOfficeError('InvalidArgument', `Unknown RangeFill property '${prop}'.`);
  }
}

export class FakeRangeFont extends FakeProxy<AreasTarget> {
  get color(): string | null {
    return this.get('color');
  }
  set color(v: string | null) {
    this.write('color', v, (t) => {
      const color = checkColor(v, 'font color');
      eachAreaCell(t, (cell) => (cell.fontColor = color));
    });
  }
  get bold(): boolean | null {
    return this.get('bold');
  }
  set bold(v: boolean) {
    this.write('bold', v, (t) => {
      if (typeof v !== 'boolean') throw new FakeOfficeError('InvalidArgument', 'bold must be a boolean.');
      eachAreaCell(t, (cell) => (cell.bold = v));
    });
  }
  get italic(): boolean | null {
    return this.get('italic');
  }
  set italic(v: boolean) {
    this.write('italic', v, (t) => {
      if (typeof v !== 'boolean') throw new FakeOfficeError('InvalidArgument', 'italic must be a boolean.');
      eachAreaCell(t, (cell) => (cell.italic = v));
    });
  }
  get size(): number | null {
    return this.get('size');
  }
  set size(v: number) {
    this.write('size', v, (t) => {
      if (typeof v !== 'number' || !(v >= 1) || v > 409) throw new FakeOfficeError('InvalidArgument', `Invalid font size ${v}.`);
      eachAreaCell(t, (cell) => (cell.fontSize = v));
    });
  }
  protected scalar(t: AreasTarget, prop: string): unknown {
    switch (prop) {
      case 'color':
        return uniformAreas(t, (c) => c?.fontColor ?? '#000000');
      case 'bold':
        return uniformAreas(t, (c) => c?.bold ?? false);
      case 'italic':
        return uniformAreas(t, (c) => c?.italic ?? false);
      case 'size':
        return uniformAreas(t, (c) => c?.fontSize ?? 11);
      default:
        throw new FakeOfficeError('InvalidArgument', `Unknown RangeFont property '${prop}'.`);
    }
  }
}

export class FakeRangeAreas extends FakeProxy<AreasTarget> {
  private cfProxy: FakeConditionalFormatCollection | undefined;
  private formatProxy: FakeRangeFormat | undefined;
  private areasProxy: FakeRangeCollection | undefined;
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
  /** Cells in all the areas (ExcelApi 1.9). */
  get cellCount(): number {
    return this.get('cellCount');
  }
  /** The areas as ranges (ExcelApi 1.9). */
  get areas(): FakeRangeCollection {
    this.context.requireApi(9, 'RangeAreas.areas');
    return (this.areasProxy ??= new FakeRangeCollection(this.context, () => this.resolveTarget()));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this.cfProxy ??= new FakeConditionalFormatCollection(this.context, () => this.resolveTarget()));
  }
  get format(): FakeRangeFormat {
    return (this.formatProxy ??= new FakeRangeFormat(this.context, () => this.resolveTarget()));
  }
  protected nav(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'conditionalFormats') return this.conditionalFormats as FakeProxy<unknown>;
    if (prop === 'format') return this.format as FakeProxy<unknown>;
    if (prop === 'areas') return this.areas as FakeProxy<unknown>;
    return undefined;
  }
  protected scalar(t: AreasTarget, prop: string): unknown {
    if (prop === 'address') return t.rects.map((r) => qualified(t.sheet.name, r)).join(',');
    if (prop === 'areaCount') return t.rects.length;
    if (prop === 'cellCount') {
      this.context.requireApi(9, 'RangeAreas.cellCount');
      return t.rects.reduce((n, r) => n + rectCells(r), 0);
    }
    throw new FakeOfficeError('InvalidArgument', `Unknown RangeAreas property '${prop}'.`);
  }
}

/** RangeAreas.areas: one Range per area. */
export class FakeRangeCollection extends FakeCollection<AreasTarget, RangeTarget, FakeRange> {
  protected list(t: AreasTarget): RangeTarget[] {
    return t.rects.map((rect) => ({ sheet: t.sheet, rect }));
  }
  protected wrap(item: RangeTarget): FakeRange {
    return new FakeRange(this.context, () => item);
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats

interface CfTarget {
  sheet: FakeSheet;
  cf: FakeConditionalFormat;
}

const CF_TYPES = new Set(['Custom', 'DataBar', 'ColorScale', 'IconSet', 'TopBottom', 'PresetCriteria', 'ContainsText', 'CellValue']);

export class FakeConditionalFormatCollection extends FakeCollection<AreasTarget, CfTarget, FakeConditionalFormat_> {
  protected list(t: AreasTarget): CfTarget[] {
    return t.sheet.conditionalFormats
      .filter((cf) => cf.areas.some((a) => t.rects.some((r) => intersects(a, r))))
      .map((cf) => ({ sheet: t.sheet, cf }));
  }

  protected wrap(item: CfTarget): FakeConditionalFormat_ {
    const { sheet, cf } = item;
    return new FakeConditionalFormat_(this.context, () => {
      this.context.engine.liveSheet(sheet);
      if (!sheet.conditionalFormats.includes(cf)) throw new FakeOfficeError('ItemNotFound', 'The conditional format no longer exists.');
      return item;
    });
  }

  /** office-js#6827: loading the items' rules fails when two CellValue rules cover the same range. */
  loadWith(target: AreasTarget | null, paths: string[][]): LoadResult {
    if (target && this.context.engine.cfBugs.twoCellValueUnreadable && paths.some((p) => p[0] === 'items' && p.length > 2)) {
      const cellValue = this.list(target).filter((x) => x.cf.type === 'CellValue');
      const same = cellValue.some((a, i) => cellValue.some((b, j) => j > i && JSON.stringify(a.cf.areas) === JSON.stringify(b.cf.areas)));
      if (same) throw new FakeOfficeError('GeneralException', 'An internal error has occurred.');
    }
    return super.loadWith(target, paths);
  }

  add(type: string): FakeConditionalFormat_ {
    let created: CfTarget | null = null;
    this.context.enqueue(40, () => {
      if (!CF_TYPES.has(type)) throw new FakeOfficeError('InvalidArgument', `Unknown conditional format type '${type}'.`);
      const t = this.resolveOrThrow();
      const engine = this.context.engine;
      engine.checkWrite({ label: 'ConditionalFormatCollection.add', sheet: t.sheet.name }, t.sheet, true);
      const cf: FakeConditionalFormat = { id: `cf${engine.nextId++}`, type, areas: t.rects.map((r) => ({ ...r })) };
      if (type === 'Custom') {
        cf.fill = null;
        cf.fontColor = null;
      }
      t.sheet.conditionalFormats.unshift(cf);
      created = { sheet: t.sheet, cf };
    });
    return new FakeConditionalFormat_(this.context, () => {
      if (!created) throw new FakeOfficeError('InvalidOperation', 'Conditional format not created yet.');
      return created;
    });
  }

  clearAll(): void {
    this.call('clearAll', [], (t) => {
      const doomed = new Set(this.list(t).map((x) => x.cf));
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((cf) => !doomed.has(cf));
    });
  }
}

// (Named with a trailing underscore so the exported type does not clash with the data interface.)
export class FakeConditionalFormat_ extends FakeProxy<CfTarget> {
  private customProxy: FakeCustomConditionalFormat | undefined;
  private customOrNullProxy: FakeCustomConditionalFormat | undefined;

  get type(): string {
    return this.get('type');
  }
  get priority(): number {
    return this.get('priority');
  }
  get id(): string {
    return this.get('id');
  }

  /** Fails the sync when the rule is not custom (office-js#2180). */
  get custom(): FakeCustomConditionalFormat {
    return (this.customProxy ??= new FakeCustomConditionalFormat(this.context, () => {
      const t = this.resolveOrThrow();
      if (t.cf.type !== 'Custom') throw new FakeOfficeError('InvalidOperation', 'This operation is not permitted for the current object.');
      this.checkReadable(t);
      return t.cf;
    }));
  }

  get customOrNullObject(): FakeCustomConditionalFormat {
    return (this.customOrNullProxy ??= new FakeCustomConditionalFormat(this.context, () => {
      if (this.context.engine.rejectNullObjectNavigation) throw new FakeOfficeError('GeneralException', 'An internal error has occurred.');
      const t = this.resolveOrThrow();
      this.checkReadable(t);
      return t.cf.type === 'Custom' ? t.cf : null;
    }));
  }

  /** office-js#6835: a duplicated rule's properties cannot be read. */
  private checkReadable(t: CfTarget): void {
    if (this.context.engine.cfBugs.duplicateUnreadable && t.cf.duplicated) {
      throw new FakeOfficeError('GeneralException', 'An internal error has occurred.');
    }
  }

  protected nav(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'custom') return this.custom as FakeProxy<unknown>;
    if (prop === 'customOrNullObject') return this.customOrNullObject as FakeProxy<unknown>;
    return undefined;
  }

  protected scalar(t: CfTarget, prop: string): unknown {
    if (prop === 'type') return t.cf.type;
    if (prop === 'id') return t.cf.id;
    if (prop === 'priority') return t.sheet.conditionalFormats.indexOf(t.cf);
    if (prop === 'stopIfTrue') return false;
    throw new FakeOfficeError('InvalidArgument', `Unknown ConditionalFormat property '${prop}'.`);
  }

  delete(): void {
    this.call('delete', [], (t) => {
      if (this.context.engine.cfBugs.deleteSharedCell) {
        const shared = t.sheet.conditionalFormats.some((x) => x !== t.cf && x.areas.some((a) => t.cf.areas.some((b) => intersects(a, b))));
        if (shared) throw new FakeOfficeError('ItemNotFound', 'Item Not Found.');
      }
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((x) => x !== t.cf);
    });
  }
}

export class FakeCustomConditionalFormat extends FakeProxy<FakeConditionalFormat> {
  readonly rule: FakeConditionalFormatRule;
  readonly format: FakeConditionalRangeFormat;
  constructor(ctx: FakeContext, resolver: Resolver<FakeConditionalFormat>) {
    super(ctx, resolver);
    this.rule = new FakeConditionalFormatRule(ctx, resolver);
    this.format = new FakeConditionalRangeFormat(ctx, resolver);
  }
  protected nav(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'rule') return this.rule as FakeProxy<unknown>;
    if (prop === 'format') return this.format as FakeProxy<unknown>;
    return undefined;
  }
  protected scalar(_t: FakeConditionalFormat, prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `Unknown CustomConditionalFormat property '${prop}'.`);
  }
}

export class FakeConditionalFormatRule extends FakeProxy<FakeConditionalFormat> {
  get formula(): string {
    return this.get('formula');
  }
  set formula(v: string) {
    this.write('formula', v, (cf) => {
      if (typeof v !== 'string' || !v.startsWith('=') || v.length > 8192) throw new FakeOfficeError('InvalidArgument', `Invalid rule formula '${v}'.`);
      cf.formula = v;
    });
  }
  protected scalar(cf: FakeConditionalFormat, prop: string): unknown {
    if (prop === 'formula') return cf.formula ?? null;
    throw new FakeOfficeError('InvalidArgument', `Unknown ConditionalFormatRule property '${prop}'.`);
  }
}

export class FakeConditionalRangeFormat extends FakeProxy<FakeConditionalFormat> {
  readonly fill: FakeCfColor;
  readonly font: FakeCfColor;
  constructor(ctx: FakeContext, resolver: Resolver<FakeConditionalFormat>) {
    super(ctx, resolver);
    this.fill = new FakeCfColor(ctx, resolver, 'fill');
    this.font = new FakeCfColor(ctx, resolver, 'fontColor');
  }
  protected nav(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'fill') return this.fill as FakeProxy<unknown>;
    if (prop === 'font') return this.font as FakeProxy<unknown>;
    return undefined;
  }
  protected scalar(_t: FakeConditionalFormat, prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `Unknown ConditionalRangeFormat property '${prop}'.`);
  }
}

export class FakeCfColor extends FakeProxy<FakeConditionalFormat> {
  constructor(
    ctx: FakeContext,
    resolver: Resolver<FakeConditionalFormat>,
    private readonly which: 'fill' | 'fontColor',
  ) {
    super(ctx, resolver);
  }
  get color(): string | null {
    return this.get('color');
  }
  set color(v: string | null) {
    this.write('color', v, (cf) => {
      if (v !== null && !/^#[0-9A-Fa-f]{6}$/.test(v)) throw new FakeOfficeError('InvalidArgument', `Invalid color '${v}'.`);
      cf[this.which] = v === null ? null : v.toUpperCase();
    });
  }
  protected scalar(cf: FakeConditionalFormat, prop: string): unknown {
    if (prop === 'color') return cf[this.which] ?? null;
    throw new FakeOfficeError('InvalidArgument', `Unknown color property '${prop}'.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

interface TablesTarget {
  sheet: FakeSheet | null;
}

const TABLE_NAME_RE = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

export class FakeTableCollection extends FakeCollection<TablesTarget, FakeTable, FakeTableProxy> {
  protected list(t: TablesTarget): FakeTable[] {
    const all = this.context.engine.state.tables;
    return t.sheet ? all.filter((x) => x.sheet === t.sheet) : all;
  }

  protected wrap(table: FakeTable): FakeTableProxy {
    return new FakeTableProxy(this.context, () => {
      if (!this.context.engine.state.tables.includes(table)) throw new FakeOfficeError('ItemNotFound', 'The table no longer exists.');
      return table;
    });
  }

  /**
   * A string address without a sheet name refers to the ACTIVE sheet (as Office documents),
   * even on a worksheet's own collection; a Range argument is unambiguous.
   */
  add(address: string | FakeRange, hasHeaders: boolean): FakeTableProxy {
    let created: FakeTable | null = null;
    this.context.enqueue(60, () => {
      const engine = this.context.engine;
      let target: RangeTarget;
      if (typeof address === 'string') {
        const bang = address.lastIndexOf('!');
        const sheetName = bang >= 0 ? address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : engine.state.activeSheet;
        const sheet = engine.findSheet(sheetName);
        if (!sheet) throw new FakeOfficeError('ItemNotFound', `No sheet '${sheetName}'.`);
        target = { sheet, rect: parseArea(bang >= 0 ? address.slice(bang + 1) : address) };
      } else {
        target = address.resolveOrThrow();
      }
      const owner = this.resolveOrThrow();
      if (owner.sheet && owner.sheet !== target.sheet) throw new FakeOfficeError('InvalidArgument', 'The range is not on this worksheet.');
      engine.checkWrite({ label: 'TableCollection.add', sheet: target.sheet.name }, target.sheet, true);
      if (engine.state.tables.some((t) => t.sheet === target.sheet && intersects(t.area, target.rect))) {
        throw new FakeOfficeError('InvalidOperation', 'A table cannot overlap another table.');
      }
      if ((target.sheet.merges ?? []).some((m) => intersects(m, target.rect))) {
        throw new FakeOfficeError('InvalidOperation', 'A table cannot overlap a range that contains merged cells.');
      }
      let n = 1;
      const names = new Set(engine.state.tables.map((t) => t.name.toLowerCase()));
      while (names.has(`table${n}`)) n++;
      created = { name: `Table${n}`, sheet: target.sheet, area: { ...target.rect }, hasHeaders, style: 'TableStyleMedium2' };
      engine.state.tables.push(created);
    });
    return new FakeTableProxy(this.context, () => {
      if (!created) throw new FakeOfficeError('InvalidOperation', 'Table not created yet.');
      return created;
    });
  }
}

export class FakeTableProxy extends FakeProxy<FakeTable> {
  private worksheetProxy: FakeWorksheet | undefined;

  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.write('name', v, (t) => {
      if (!TABLE_NAME_RE.test(v) || /^[A-Za-z]{1,3}\d+$/.test(v) || /^[RrCc]$/.test(v)) {
        throw new FakeOfficeError('InvalidArgument', `Invalid table name '${v}'.`);
      }
      if (this.context.engine.state.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase())) {
        throw new FakeOfficeError('ItemAlreadyExists', `A table named '${v}' already exists.`);
      }
      t.name = v;
    });
  }
  get style(): string {
    return this.get('style');
  }
  set style(v: string) {
    this.write('style', v, (t) => {
      if (!/^TableStyle(Light|Medium|Dark)\d+$/.test(v)) throw new FakeOfficeError('InvalidArgument', `Unknown table style '${v}'.`);
      t.style = v;
    });
  }
  get worksheet(): FakeWorksheet {
    return (this.worksheetProxy ??= new FakeWorksheet(this.context, () => {
      const t = this.resolveTarget();
      return t ? this.context.engine.liveSheet(t.sheet) : null;
    }));
  }
  protected nav(prop: string): FakeProxy<unknown> | undefined {
    return prop === 'worksheet' ? (this.worksheet as FakeProxy<unknown>) : undefined;
  }
  /** The table's whole range (header and body). */
  getRange(): FakeRange {
    this.context.noteRequest(40);
    return new FakeRange(this.context, () => {
      const t = this.resolveOrThrow();
      return { sheet: this.context.engine.liveSheet(t.sheet), rect: { ...t.area } };
    });
  }
  protected scalar(t: FakeTable, prop: string): unknown {
    if (prop === 'name') return t.name;
    if (prop === 'style') return t.style;
    throw new FakeOfficeError('InvalidArgument', `Unknown Table property '${prop}'.`);
  }
}

// ---------------------------------------------------------------------------------------------
// Charts (requirement sets are the adapter's business: the fake models the API as 1.7+)

const CHART_TYPES = new Set([
  'ColumnClustered',
  'ColumnStacked',
  'ColumnStacked100',
  'BarClustered',
  'BarStacked',
  'Line',
  'LineMarkers',
  'LineStacked',
  'Pie',
  'Area',
  'XYScatter',
  'Doughnut',
]);
const SERIES_BY = new Set(['Auto', 'Columns', 'Rows']);

/** A range argument (Range proxy or address string on `sheet`) as the chart keeps it. */
function chartSource(arg: FakeRange | string, sheet: FakeSheet, engine: Engine): RangeTarget {
  if (typeof arg !== 'string') return arg.resolveOrThrow();
  const bang = arg.lastIndexOf('!');
  if (bang < 0) return { sheet, rect: parseArea(arg) };
  const name = arg.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  const other = engine.findSheet(name);
  if (!other) throw new FakeOfficeError('ItemNotFound', `No sheet '${name}'.`);
  return { sheet: other, rect: parseArea(arg.slice(bang + 1)) };
}

const sourceOf = (t: RangeTarget): FakeChartSource => ({ sheet: t.sheet.name, address: areaAddress(t.rect) });

interface ChartTarget {
  sheet: FakeSheet;
  chart: FakeChart;
}

export class FakeChartCollection extends FakeCollection<FakeSheet, ChartTarget, FakeChartProxy> {
  protected list(s: FakeSheet): ChartTarget[] {
    return (s.charts ?? []).map((chart) => ({ sheet: s, chart }));
  }
  protected wrap(item: ChartTarget): FakeChartProxy {
    return new FakeChartProxy(this.context, () => {
      this.context.engine.liveSheet(item.sheet);
      if (!(item.sheet.charts ?? []).includes(item.chart)) throw new FakeOfficeError('ItemNotFound', 'The chart no longer exists.');
      return item;
    });
  }
  /**
   * Creates a chart from `sourceData`, one series per column ('Columns') or per row ('Rows');
   * 'Auto' takes columns when the range has at least as many rows as columns. The data may be on
   * another sheet. Series get Excel's default names (Series1, …) and no category names.
   * Excel's header detection, simplified: when the first row (by columns) or first column (by
   * rows) of a range of two or more is all text, it names the series and is left out of the
   * values — so a series whose first value is text (—, 700余) loses it unless set explicitly.
   */
  add(type: string, sourceData: FakeRange, seriesBy: string = 'Auto'): FakeChartProxy {
    let created: ChartTarget | null = null;
    this.context.enqueue(60, () => {
      if (!CHART_TYPES.has(type)) throw new FakeOfficeError('InvalidArgument', `Unknown chart type '${type}'.`);
      if (!SERIES_BY.has(seriesBy)) throw new FakeOfficeError('InvalidArgument', `Invalid seriesBy '${seriesBy}'.`);
      const sheet = this.resolveOrThrow();
      this.context.engine.checkWrite({ label: 'ChartCollection.add', sheet: sheet.name }, sheet, true);
      const src = sourceData.resolveOrThrow();
      const rows = src.rect.r1 - src.rect.r0 + 1;
      const cols = src.rect.c1 - src.rect.c0 + 1;
      const byColumns = seriesBy === 'Columns' || (seriesBy === 'Auto' && rows >= cols);
      const text = (r: number, c: number) => typeof src.sheet.cells.get(key(r, c))?.value === 'string';
      const n = byColumns ? cols : rows;
      const along = byColumns ? rows : cols;
      const header =
        along > 1 &&
        Array.from({ length: n }, (_, i) => (byColumns ? text(src.rect.r0, src.rect.c0 + i) : text(src.rect.r0 + i, src.rect.c0))).every(Boolean);
      const skip = header ? 1 : 0;
      const series: FakeChartSeries[] = [];
      for (let i = 0; i < n; i++) {
        const rect = byColumns
          ? { r0: src.rect.r0 + skip, r1: src.rect.r1, c0: src.rect.c0 + i, c1: src.rect.c0 + i }
          : { r0: src.rect.r0 + i, r1: src.rect.r0 + i, c0: src.rect.c0 + skip, c1: src.rect.c1 };
        const first = byColumns ? src.sheet.cells.get(key(src.rect.r0, src.rect.c0 + i)) : src.sheet.cells.get(key(src.rect.r0 + i, src.rect.c0));
        series.push({ name: header ? String(first?.value) : `Series${i + 1}`, values: sourceOf({ sheet: src.sheet, rect }) });
      }
      const charts = (sheet.charts ??= []);
      const taken = new Set(charts.map((c) => c.name));
      let k = charts.length + 1;
      while (taken.has(`Chart ${k}`)) k++;
      const chart: FakeChart = { name: `Chart ${k}`, type, seriesBy, title: null, series, categories: null, position: null };
      charts.push(chart);
      created = { sheet, chart };
    });
    return new FakeChartProxy(this.context, () => {
      if (!created) throw new FakeOfficeError('InvalidOperation', 'Chart not created yet.');
      this.context.engine.liveSheet(created.sheet);
      return created;
    });
  }
}

export class FakeChartProxy extends FakeProxy<ChartTarget> {
  readonly title: FakeChartTitle;
  readonly series: FakeChartSeriesCollection;
  readonly axes: FakeChartAxes;
  constructor(ctx: FakeContext, resolver: Resolver<ChartTarget>) {
    super(ctx, resolver);
    this.title = new FakeChartTitle(ctx, resolver);
    this.series = new FakeChartSeriesCollection(ctx, resolver);
    this.axes = new FakeChartAxes(ctx, resolver);
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.write('name', v, (t) => {
      if (!v || v.length > 255) throw new FakeOfficeError('InvalidArgument', `Invalid chart name '${v}'.`);
      t.chart.name = v;
    });
  }
  get chartType(): string {
    return this.get('chartType');
  }
  protected nav(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'title') return this.title as FakeProxy<unknown>;
    if (prop === 'series') return this.series as FakeProxy<unknown>;
    return undefined;
  }
  protected scalar(t: ChartTarget, prop: string): unknown {
    if (prop === 'name') return t.chart.name;
    if (prop === 'chartType') return t.chart.type;
    throw new FakeOfficeError('InvalidArgument', `Unknown Chart property '${prop}'.`);
  }
  /** Cells on the chart's own sheet (a Range on another sheet fails, as in Excel). */
  setPosition(startCell: FakeRange | string, endCell?: FakeRange | string): void {
    this.call('setPosition', [typeof startCell === 'string' ? startCell : 'Range', typeof endCell === 'string' ? endCell : 'Range'], (t) => {
      const engine = this.context.engine;
      const start = chartSource(startCell, t.sheet, engine);
      const end = endCell === undefined ? undefined : chartSource(endCell, t.sheet, engine);
      if (start.sheet !== t.sheet || (end && end.sheet !== t.sheet)) throw new FakeOfficeError('InvalidArgument', 'The position must be on the chart\'s sheet.');
      if (end && (end.rect.r0 < start.rect.r0 || end.rect.c0 < start.rect.c0)) throw new FakeOfficeError('InvalidArgument', 'The end cell is above or left of the start cell.');
      const first = (r: FakeRect) => areaAddress({ r0: r.r0, c0: r.c0, r1: r.r0, c1: r.c0 });
      t.chart.position = end ? { start: first(start.rect), end: first(end.rect) } : { start: first(start.rect) };
    });
  }
  delete(): void {
    this.call('delete', [], (t) => {
      t.sheet.charts = (t.sheet.charts ?? []).filter((c) => c !== t.chart);
    });
  }
}

export class FakeChartTitle extends FakeProxy<ChartTarget> {
  get text(): string {
    return this.get('text');
  }
  set text(v: string) {
    this.write('text', v, (t) => {
      if (typeof v !== 'string') throw new FakeOfficeError('InvalidArgument', 'Chart title text must be a string.');
      t.chart.title = v;
    });
  }
  protected scalar(t: ChartTarget, prop: string): unknown {
    if (prop === 'text') return t.chart.title ?? '';
    throw new FakeOfficeError('InvalidArgument', `Unknown ChartTitle property '${prop}'.`);
  }
}

interface SeriesTarget {
  chart: ChartTarget;
  series: FakeChartSeries;
}

export class FakeChartSeriesCollection extends FakeCollection<ChartTarget, SeriesTarget, FakeChartSeriesProxy> {
  protected list(t: ChartTarget): SeriesTarget[] {
    return t.chart.series.map((series) => ({ chart: t, series }));
  }
  protected wrap(item: SeriesTarget): FakeChartSeriesProxy {
    return new FakeChartSeriesProxy(this.context, () => item);
  }
  getItemAt(index: number): FakeChartSeriesProxy {
    return new FakeChartSeriesProxy(this.context, () => {
      const t = this.resolveOrThrow();
      const series = t.chart.series[index];
      if (!series) throw new FakeOfficeError('ItemNotFound', `No series at index ${index}.`);
      return { chart: t, series };
    });
  }
  /** A new series with no values (ExcelApi 1.7), at the end or at `index`. */
  add(name?: string, index?: number): FakeChartSeriesProxy {
    let created: SeriesTarget | null = null;
    this.context.enqueue(40 + (name?.length ?? 0), () => {
      const t = this.resolveOrThrow();
      const series: FakeChartSeries = { name: name ?? `Series${t.chart.series.length + 1}`, values: null };
      const at = index === undefined ? t.chart.series.length : index;
      if (at < 0 || at > t.chart.series.length) throw new FakeOfficeError('InvalidArgument', `Invalid series index ${at}.`);
      t.chart.series.splice(at, 0, series);
      created = { chart: t, series };
    });
    return new FakeChartSeriesProxy(this.context, () => {
      if (!created) throw new FakeOfficeError('InvalidOperation', 'Series not created yet.');
      return created;
    });
  }
}

export class FakeChartSeriesProxy extends FakeProxy<SeriesTarget> {
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.write('name', v, (t) => {
      if (typeof v !== 'string') throw new FakeOfficeError('InvalidArgument', 'Series name must be a string.');
      t.series.name = v;
    });
  }
  protected scalar(t: SeriesTarget, prop: string): unknown {
    if (prop === 'name') return t.series.name;
    throw new FakeOfficeError('InvalidArgument', `Unknown ChartSeries property '${prop}'.`);
  }
  /** ExcelApi 1.7. The values must be one row or one column. */
  setValues(sourceData: FakeRange): void {
    this.call('setValues', ['Range'], (t) => {
      const src = sourceData.resolveOrThrow();
      if (src.rect.r0 !== src.rect.r1 && src.rect.c0 !== src.rect.c1) throw new FakeOfficeError('InvalidArgument', 'Series values must be one row or one column.');
      t.series.values = sourceOf(src);
    });
  }
}

export class FakeChartAxes {
  readonly categoryAxis: FakeChartAxis;
  readonly valueAxis: FakeChartAxis;
  constructor(ctx: FakeContext, resolver: Resolver<ChartTarget>) {
    this.categoryAxis = new FakeChartAxis(ctx, resolver, 'category');
    this.valueAxis = new FakeChartAxis(ctx, resolver, 'value');
  }
}

export class FakeChartAxis extends FakeProxy<ChartTarget> {
  constructor(
    ctx: FakeContext,
    resolver: Resolver<ChartTarget>,
    private readonly kind: 'category' | 'value',
  ) {
    super(ctx, resolver);
  }
  protected scalar(_t: ChartTarget, prop: string): unknown {
    throw new FakeOfficeError('InvalidArgument', `Unknown ChartAxis property '${prop}'.`);
  }
  /** ExcelApi 1.7: the category names of the whole chart. One row or one column. */
  setCategoryNames(sourceData: FakeRange): void {
    this.call('setCategoryNames', ['Range'], (t) => {
      if (this.kind !== 'category') throw new FakeOfficeError('InvalidOperation', 'Only the category axis has category names.');
      const src = sourceData.resolveOrThrow();
      if (src.rect.r0 !== src.rect.r1 && src.rect.c0 !== src.rect.c1) throw new FakeOfficeError('InvalidArgument', 'Category names must be one row or one column.');
      t.chart.categories = sourceOf(src);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Construction and helpers for tests

function cellFromSpec(spec: FakeCellSpec): FakeCell | null {
  if (spec === null) return null;
  if (typeof spec === 'object') return { ...spec };
  return { value: spec };
}

export function buildSheet(spec: FakeSheetSpec): FakeSheet {
  const sheet: FakeSheet = { name: spec.name, visibility: spec.visibility ?? 'Visible', cells: new Map(), conditionalFormats: [] };
  if (spec.protected) sheet.protected = true;
  for (const b of spec.blocks ?? []) {
    const at = parseArea(b.at);
    b.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const cell: FakeCell = typeof v === 'object' ? { error: v.error } : { value: v };
        if (b.numberFormat) cell.numberFormat = b.numberFormat;
        sheet.cells.set(key(at.r0 + r, at.c0 + c), cell);
      }),
    );
  }
  for (const [addr, spec2] of Object.entries(spec.cells ?? {})) {
    const at = parseArea(addr);
    const cell = cellFromSpec(spec2);
    if (cell) sheet.cells.set(key(at.r0, at.c0), { ...sheet.cells.get(key(at.r0, at.c0)), ...cell });
  }
  let n = 1;
  for (const cf of spec.conditionalFormats ?? []) {
    sheet.conditionalFormats.push({
      id: `user${n++}`,
      type: cf.type,
      areas: cf.address.split(',').map(parseArea),
      ...(cf.formula !== undefined ? { formula: cf.formula } : {}),
      ...(cf.fill !== undefined ? { fill: cf.fill } : {}),
      ...(cf.fontColor !== undefined ? { fontColor: cf.fontColor } : {}),
      ...(cf.duplicated ? { duplicated: true } : {}),
    });
  }
  return sheet;
}

export interface FakeExcel {
  /** Stands in for Excel.run: a fresh request context per call. */
  run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** A context for driving the fake directly. */
  context: FakeContext;
  readonly syncCount: number;
  /** Request/response size estimates of each sync, in order. */
  readonly syncLog: ReadonlyArray<{ requestBytes: number; responseBytes: number }>;
  workbookState: FakeWorkbookState;
  platform: 'web' | 'desktop';
  /** When true, every following sync never settles (Excel on the web while loading). */
  hangSyncs: boolean;
  /** Office.context.requirements.isSetSupported as this Excel would answer it (see FakeExcelOptions.apiVersion). */
  isSetSupported(name: string, version?: string): boolean;
  /** Custom conditional formats covering a cell, in priority order. */
  conditionalFormatsAt(sheet: string, address: string): FakeConditionalFormat[];
  /** The same workbook after save and reopen: a deep copy with fresh rule ids. */
  reopen(): FakeExcel;
  /** Excel's conditional-format bugs, switchable at any time. */
  cfBugs: FakeCfBugs;
  /** Returns an Office error code to fail an operation with, or null (every write, call and load passes here). */
  injectFault: ((op: FakeOp) => string | null) | null;
  /** Stands in for Excel.createWorkbook (ExcelApi 1.8): records the workbook it would open. */
  createWorkbook(base64: string): Promise<void>;
}

export function createFakeExcel(sheets: FakeSheetSpec[], options: FakeExcelOptions = {}): FakeExcel {
  const built = sheets.map(buildSheet);
  const state: FakeWorkbookState = {
    name: options.workbookName ?? 'Book1.xlsx',
    sheets: built,
    tables: [],
    activeSheet: built.find((s) => s.visibility === 'Visible')?.name ?? '',
    selection: null,
    screenUpdatingSuspensions: 0,
  };
  return fakeOver(
    new Engine(state, options.platform ?? 'desktop', options.maxReadCells, options.rejectNullObjectNavigation, options.apiVersion, { ...options.cfBugs }, options.desktopResponseLimit),
  );
}

function fakeOver(engine: Engine): FakeExcel {
  return {
    run<T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
      const ctx = new FakeContext(engine);
      return batch(ctx as unknown as Excel.RequestContext);
    },
    context: new FakeContext(engine),
    get syncCount() {
      return engine.syncCount;
    },
    get syncLog() {
      return engine.syncLog;
    },
    get workbookState() {
      return engine.state;
    },
    set workbookState(s: FakeWorkbookState) {
      engine.state = s;
    },
    get platform() {
      return engine.platform;
    },
    set platform(p: 'web' | 'desktop') {
      engine.platform = p;
    },
    get hangSyncs() {
      return engine.hang;
    },
    /** Office.context.requirements.isSetSupported as this Excel would answer it. */
    isSetSupported(name: string, version?: string) {
      if (name !== 'ExcelApi') return false;
      const [major, minor] = (version ?? '1.1').split('.').map(Number);
      return major === 1 && (minor ?? 0) <= engine.apiVersion;
    },
    set hangSyncs(v: boolean) {
      engine.hang = v;
    },
    get cfBugs() {
      return engine.cfBugs;
    },
    set cfBugs(b: FakeCfBugs) {
      engine.cfBugs = b;
    },
    get injectFault() {
      return engine.injectFault;
    },
    set injectFault(f: ((op: FakeOp) => string | null) | null) {
      engine.injectFault = f;
    },
    async createWorkbook(base64: string) {
      await Promise.resolve();
      if (engine.apiVersion < 8) throw new FakeOfficeError('ApiNotFound', 'Excel.createWorkbook needs ExcelApi 1.8.');
      if (typeof base64 !== 'string' || base64.length === 0) throw new FakeOfficeError('InvalidArgument', 'The workbook is empty.');
      (engine.state.createdWorkbooks ??= []).push(base64);
    },
    conditionalFormatsAt(sheetName: string, address: string) {
      const sheet = engine.findSheet(sheetName);
      if (!sheet) return [];
      const at = parseArea(address);
      return sheet.conditionalFormats.filter((cf) => cf.areas.some((a) => contains(a, at.r0, at.c0)));
    },
    reopen() {
      const sheetsCopy: FakeSheet[] = engine.state.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        cells: new Map(
          [...s.cells].map(([k, c]) => [
            k,
            { ...c, ...(c.borders ? { borders: { ...c.borders } } : {}), ...(c.validation ? { validation: JSON.parse(JSON.stringify(c.validation)) as FakeDataValidation } : {}) },
          ]),
        ),
        conditionalFormats: s.conditionalFormats.map((cf, i) => ({ ...cf, id: `reopened${i + 1}`, areas: cf.areas.map((a) => ({ ...a })) })),
        ...(s.merges ? { merges: s.merges.map((m) => ({ ...m })) } : {}),
        ...(s.charts ? { charts: JSON.parse(JSON.stringify(s.charts)) as FakeChart[] } : {}),
        ...(s.columnWidths ? { columnWidths: new Map(s.columnWidths) } : {}),
        ...(s.rowHeights ? { rowHeights: new Map(s.rowHeights) } : {}),
        ...(s.showGridlines !== undefined ? { showGridlines: s.showGridlines } : {}),
        ...(s.frozen ? { frozen: { ...s.frozen } } : {}),
        ...(s.protected ? { protected: true } : {}),
      }));
      const bySheet = new Map(engine.state.sheets.map((s, i) => [s, sheetsCopy[i]]));
      const state: FakeWorkbookState = {
        ...engine.state,
        sheets: sheetsCopy,
        tables: engine.state.tables.map((t) => ({ ...t, area: { ...t.area }, sheet: bySheet.get(t.sheet)! })),
        selection: null,
        screenUpdatingSuspensions: 0,
      };
      return fakeOver(new Engine(state, engine.platform, engine.maxReadCells, engine.rejectNullObjectNavigation, engine.apiVersion, { ...engine.cfBugs }, engine.desktopResponseLimit));
    },
  };
}

/** Everything about formats in a workbook, as plain data for deep-equality checks. */
export function formatsSnapshot(state: FakeWorkbookState): unknown {
  return state.sheets.map((s) => ({
    name: s.name,
    cells: [...s.cells]
      .filter(([, c]) => hasFormat(c))
      .map(([k, c]) => [
        k,
        {
          numberFormat: c.numberFormat,
          fill: c.fill,
          fontColor: c.fontColor,
          bold: c.bold,
          indent: c.indent,
          italic: c.italic,
          fontSize: c.fontSize,
          horizontalAlignment: c.horizontalAlignment,
          verticalAlignment: c.verticalAlignment,
          wrapText: c.wrapText,
          borders: c.borders,
          validation: c.validation,
        },
      ])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
    conditionalFormats: s.conditionalFormats.map((cf) => JSON.parse(JSON.stringify(cf))),
    layout: {
      merges: (s.merges ?? []).map(areaAddress).sort(),
      columnWidths: [...(s.columnWidths ?? [])].sort(([a], [b]) => a - b),
      rowHeights: [...(s.rowHeights ?? [])].sort(([a], [b]) => a - b),
      showGridlines: s.showGridlines ?? true,
      frozen: s.frozen ?? null,
      charts: JSON.parse(JSON.stringify(s.charts ?? [])),
    },
  }));
}
