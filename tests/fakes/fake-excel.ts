// A fake of the parts of the Excel JavaScript API the adapter uses, with Office semantics:
//  - proxies queue work; nothing reaches the workbook before context.sync();
//  - a property read before load + sync throws PropertyNotLoaded;
//  - objects are resolved at sync time (a missing sheet fails the sync with ItemNotFound);
//  - the operations of a batch run in order; a failing one stops the batch (earlier writes stay);
//  - *OrNullObject proxies report isNullObject; `custom` on a non-custom conditional format
//    fails the sync (office-js#2180), `customOrNullObject` is a null object instead;
//  - getRanges addresses over 8,192 characters fail; a read above 5,000,000 cells gives null
//    values; in 'web' mode a sync whose request or response is above 5 MB (UTF-8 JSON) fails
//    with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded;
//  - values written through Range.values are parsed like typed input unless the cell is Text
//    ('@'): `=…` becomes a formula, numeric text a number.
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
}

export interface FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  cells: Map<string, FakeCell>;
  /** In priority order: index 0 is applied first (Excel adds new rules at the top). */
  conditionalFormats: FakeConditionalFormat[];
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
  selection: { sheet: string; address: string } | null;
  /** How many times suspendScreenUpdatingUntilNextSync was called. */
  screenUpdatingSuspensions: number;
}

export type FakeCellSpec = FakeValue | null | FakeCell;

export interface FakeSheetSpec {
  name: string;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Cells by A1 address; a bare value is shorthand for { value }. */
  cells?: Record<string, FakeCellSpec>;
  /** Blocks of values written from a top-left cell (null = empty, { error } = error value). */
  blocks?: Array<{ at: string; values: Array<Array<FakeValue | null | { error: string }>>; numberFormat?: string }>;
  conditionalFormats?: Array<{ address: string; type: string; formula?: string; fill?: string; fontColor?: string }>;
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

function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const MAX_READ_CELLS = 5_000_000;
export const MAX_ADDRESS_CHARS = 8192;
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

type Op = { requestBytes: number; run: () => LoadResult | void };
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
  ) {}

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
  enqueue(requestBytes: number, run: () => LoadResult | void): void {
    this.ops.push({ requestBytes, run });
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
    if (engine.hang) return new Promise<void>(() => undefined);
    await Promise.resolve();
    const entry = { requestBytes, responseBytes: 0 };
    engine.syncLog.push(entry);
    if (engine.platform === 'web' && requestBytes > PAYLOAD_LIMIT_BYTES) {
      throw new FakeOfficeError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${requestBytes} bytes).`);
    }
    const commits: Array<() => void> = [];
    let responseBytes = 0;
    for (const op of ops) {
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
    this.context.enqueue(jsonBytes(paths), () => this.loadWith(this.resolveTarget(), paths));
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
      apply(this.resolveOrThrow());
    });
  }

  protected call(name: string, args: unknown[], apply: (target: T) => void): void {
    this.context.enqueue(jsonBytes({ [name]: args }), () => {
      apply(this.resolveOrThrow());
    });
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
    if (!this.set) throw notLoaded('value');
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

  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.engine.state);
    this.worksheets = new FakeWorksheetCollection(ctx, () => ctx.engine.state);
    this.tables = new FakeTableCollection(ctx, () => ({ sheet: null }));
    this.application = new FakeApplication(ctx);
  }

  get name(): string {
    return this.get('name');
  }

  protected scalar(t: FakeWorkbookState, prop: string): unknown {
    if (prop === 'name') return t.name;
    throw new FakeOfficeError('InvalidArgument', `Unknown Workbook property '${prop}'.`);
  }
}

export class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue(40, () => {
      this.ctx.engine.state.screenUpdatingSuspensions++;
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(40, () => undefined);
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
  private tablesProxy: FakeTableCollection | undefined;

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

  get tables(): FakeTableCollection {
    if (!this.tablesProxy) {
      this.tablesProxy = new FakeTableCollection(this.context, () => {
        const s = this.resolveTarget();
        return s ? { sheet: s } : null;
      });
    }
    return this.tablesProxy;
  }

  protected scalar(s: FakeSheet, prop: string): unknown {
    if (prop === 'name') return s.name;
    if (prop === 'visibility') return s.visibility;
    if (prop === 'position') return this.context.engine.state.sheets.indexOf(s);
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
      const visible = state.sheets.filter((x) => x.visibility === 'Visible');
      if (visible.length === 1 && visible[0] === s) throw new FakeOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
      state.sheets = state.sheets.filter((x) => x !== s);
      state.tables = state.tables.filter((t) => t.sheet !== s);
      if (state.activeSheet === s.name) state.activeSheet = state.sheets.find((x) => x.visibility === 'Visible')!.name;
      if (state.selection?.sheet === s.name) state.selection = null;
    });
  }
}

function hasContent(c: FakeCell): boolean {
  return (c.value !== undefined && c.value !== '') || c.error !== undefined || c.formula !== undefined;
}

function hasFormat(c: FakeCell): boolean {
  return c.fill !== undefined || c.fontColor !== undefined || c.bold !== undefined || c.indent !== undefined || c.numberFormat !== undefined;
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
    return (this.formatProxy ??= new FakeRangeFormat(this.context, () => this.resolveTarget()));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this.cfProxy ??= new FakeConditionalFormatCollection(this.context, () => {
      const t = this.resolveOrThrow();
      return { sheet: t.sheet, rects: [t.rect] };
    }));
  }

  protected nav(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'format') return this.format as FakeProxy<unknown>;
    if (prop === 'conditionalFormats') return this.conditionalFormats as FakeProxy<unknown>;
    return undefined;
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
    });
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

  select(): void {
    this.call('select', [], (t) => {
      const state = this.context.engine.state;
      if (t.sheet.visibility !== 'Visible') throw new FakeOfficeError('InvalidOperation', 'Cannot select on a hidden sheet.');
      state.activeSheet = t.sheet.name;
      state.selection = { sheet: t.sheet.name, address: areaAddress(t.rect) };
    });
  }
}

export class FakeRangeFormat extends FakeProxy<RangeTarget> {
  private fillProxy: FakeRangeFill | undefined;
  private fontProxy: FakeRangeFont | undefined;

  get indentLevel(): number | null {
    return this.get('indentLevel');
  }
  set indentLevel(v: number | null) {
    this.write('indentLevel', v, (t) => eachCell(t, v ?? 0, 'indentLevel', (cell, x) => (cell.indent = x as number)));
  }
  get fill(): FakeRangeFill {
    return (this.fillProxy ??= new FakeRangeFill(this.context, () => this.resolveTarget()));
  }
  get font(): FakeRangeFont {
    return (this.fontProxy ??= new FakeRangeFont(this.context, () => this.resolveTarget()));
  }
  protected nav(prop: string): FakeProxy<unknown> | undefined {
    if (prop === 'fill') return this.fill as FakeProxy<unknown>;
    if (prop === 'font') return this.font as FakeProxy<unknown>;
    return undefined;
  }
  protected scalar(t: RangeTarget, prop: string): unknown {
    // Excel gives one value per range, null when the cells differ.
    if (prop === 'indentLevel') return uniform(t, (c) => c?.indent ?? 0);
    throw new FakeOfficeError('InvalidArgument', `Unknown RangeFormat property '${prop}'.`);
  }
  autofitColumns(): void {
    this.call('autofitColumns', [], () => undefined);
  }
}

export class FakeRangeFill extends FakeProxy<RangeTarget> {
  get color(): string | null {
    return this.get('color');
  }
  set color(v: string | null) {
    this.write('color', v, (t) => eachCell(t, v, 'fill.color', (cell, x) => (cell.fill = String(x).toUpperCase())));
  }
  protected scalar(t: RangeTarget, prop: string): unknown {
    if (prop === 'color') return uniform(t, (c) => c?.fill ?? '#FFFFFF');
    throw new FakeOfficeError('InvalidArgument', `Unknown RangeFill property '${prop}'.`);
  }
}

export class FakeRangeFont extends FakeProxy<RangeTarget> {
  get color(): string | null {
    return this.get('color');
  }
  set color(v: string | null) {
    this.write('color', v, (t) => eachCell(t, v, 'font.color', (cell, x) => (cell.fontColor = String(x).toUpperCase())));
  }
  protected scalar(t: RangeTarget, prop: string): unknown {
    if (prop === 'color') return uniform(t, (c) => c?.fontColor ?? '#000000');
    throw new FakeOfficeError('InvalidArgument', `Unknown RangeFont property '${prop}'.`);
  }
}

interface AreasTarget {
  sheet: FakeSheet;
  rects: FakeRect[];
}

export class FakeRangeAreas extends FakeProxy<AreasTarget> {
  private cfProxy: FakeConditionalFormatCollection | undefined;
  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this.cfProxy ??= new FakeConditionalFormatCollection(this.context, () => this.resolveTarget()));
  }
  protected nav(prop: string): FakeProxy<unknown> | undefined {
    return prop === 'conditionalFormats' ? (this.conditionalFormats as FakeProxy<unknown>) : undefined;
  }
  protected scalar(t: AreasTarget, prop: string): unknown {
    if (prop === 'address') return t.rects.map((r) => qualified(t.sheet.name, r)).join(',');
    if (prop === 'areaCount') return t.rects.length;
    throw new FakeOfficeError('InvalidArgument', `Unknown RangeAreas property '${prop}'.`);
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

  add(type: string): FakeConditionalFormat_ {
    let created: CfTarget | null = null;
    this.context.enqueue(40, () => {
      if (!CF_TYPES.has(type)) throw new FakeOfficeError('InvalidArgument', `Unknown conditional format type '${type}'.`);
      const t = this.resolveOrThrow();
      const engine = this.context.engine;
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
      return t.cf;
    }));
  }

  get customOrNullObject(): FakeCustomConditionalFormat {
    return (this.customOrNullProxy ??= new FakeCustomConditionalFormat(this.context, () => {
      if (this.context.engine.rejectNullObjectNavigation) throw new FakeOfficeError('GeneralException', 'An internal error has occurred.');
      const t = this.resolveOrThrow();
      return t.cf.type === 'Custom' ? t.cf : null;
    }));
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
      if (engine.state.tables.some((t) => t.sheet === target.sheet && intersects(t.area, target.rect))) {
        throw new FakeOfficeError('InvalidOperation', 'A table cannot overlap another table.');
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
  protected scalar(t: FakeTable, prop: string): unknown {
    if (prop === 'name') return t.name;
    if (prop === 'style') return t.style;
    throw new FakeOfficeError('InvalidArgument', `Unknown Table property '${prop}'.`);
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
  /** Custom conditional formats covering a cell, in priority order. */
  conditionalFormatsAt(sheet: string, address: string): FakeConditionalFormat[];
  /** The same workbook after save and reopen: a deep copy with fresh rule ids. */
  reopen(): FakeExcel;
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
  return fakeOver(new Engine(state, options.platform ?? 'desktop', options.maxReadCells, options.rejectNullObjectNavigation));
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
    set hangSyncs(v: boolean) {
      engine.hang = v;
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
        cells: new Map([...s.cells].map(([k, c]) => [k, { ...c }])),
        conditionalFormats: s.conditionalFormats.map((cf, i) => ({ ...cf, id: `reopened${i + 1}`, areas: cf.areas.map((a) => ({ ...a })) })),
      }));
      const bySheet = new Map(engine.state.sheets.map((s, i) => [s, sheetsCopy[i]]));
      const state: FakeWorkbookState = {
        ...engine.state,
        sheets: sheetsCopy,
        tables: engine.state.tables.map((t) => ({ ...t, area: { ...t.area }, sheet: bySheet.get(t.sheet)! })),
        selection: null,
        screenUpdatingSuspensions: 0,
      };
      return fakeOver(new Engine(state, engine.platform, engine.maxReadCells, engine.rejectNullObjectNavigation));
    },
  };
}

/** Everything about formats in a workbook, as plain data for deep-equality checks. */
export function formatsSnapshot(state: FakeWorkbookState): unknown {
  return state.sheets.map((s) => ({
    name: s.name,
    cells: [...s.cells]
      .filter(([, c]) => hasFormat(c))
      .map(([k, c]) => [k, { numberFormat: c.numberFormat, fill: c.fill, fontColor: c.fontColor, bold: c.bold, indent: c.indent }])
      .sort(([a], [b]) => String(a).localeCompare(String(b))),
    conditionalFormats: s.conditionalFormats.map((cf) => JSON.parse(JSON.stringify(cf))),
  }));
}
