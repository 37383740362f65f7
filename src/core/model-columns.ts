// The building blocks of the columnar model: string tables, the arena that the arrays of a check
// run are carved from, growable typed columns, and what a sheet read into the model is
// (SheetSource, SheetShape). ModelData (model-data.ts) is made of them; the readers and the
// history panel use the arena and the sheet types directly.
import type { SheetModel } from './model';
import type { CrossTabStructure } from './layout/crosstab';
import type { Bilingual, LayoutKind, SheetGrid } from './types';

// ---------------------------------------------------------------------------------------------
// Tables

/** What a label text says, worked out once per distinct text. */
export interface LabelInfo {
  /** The label as written, trimmed (IndicatorRow.label). */
  label: string;
  /** normalizeName(label) (IndicatorRow.key). */
  key: string;
  /** Index of `key` in ModelData.keys. */
  keyIndex: number;
  /** Outline code at the start of the label (breakdownMarker(text).code), as an index into codes; −1: none. */
  code: number;
  leadingSpaces: number;
  qizhong: boolean;
  partial: boolean;
  /** The label is a total word alone (合计, 小计): it may close the list above it. */
  closing: boolean;
}

/** A string table: index by value, value by index. */
export class StringTable {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  get size(): number {
    return this.list.length;
  }
  intern(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  find(s: string): number {
    return this.index.get(s) ?? -1;
  }
}

/**
 * One buffer that the arrays of a check run are carved from. Each separate typed-array
 * allocation of tens of MB makes V8 run a full garbage collection ("external memory pressure"),
 * and a full collection walks the whole input workbook (hundreds of MB at provincial scale); one
 * buffer sized for the run makes that happen once at most. Untouched parts cost no memory (the
 * system maps zero pages on first write). Transient arrays are taken between mark() and
 * release(), so their bytes are reused.
 *
 * A large arena is a SharedArrayBuffer where the platform has one (Node; browsers only when the
 * page is cross-origin isolated, which the task pane is not): V8 does not count a shared buffer as
 * external memory of the heap, so even that one collection — about 0.3 s at 3 M observations, a
 * tenth of the check — is not forced. Nothing is shared with another thread; the arrays behave
 * the same. Small arenas stay ordinary ArrayBuffers, counted as usual.
 */
/** Arenas from this size on are shared buffers where available (see Arena). */
export const SHARED_ARENA_BYTES = 8 * 1024 * 1024;

export class Arena {
  private readonly buf: ArrayBufferLike;
  private off = 0;
  /** Bytes below this were handed out before (not zero any more). */
  private high = 0;
  constructor(bytes: number) {
    let buf: ArrayBufferLike;
    const size = Math.max(0, Math.ceil(bytes / 8) * 8);
    try {
      buf = size >= SHARED_ARENA_BYTES && typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(size) : new ArrayBuffer(size);
    } catch {
      // No room for one buffer (a browser short of memory): every array is allocated on its own.
      buf = new ArrayBuffer(0);
    }
    this.buf = buf;
  }
  /** Whether the buffer is a SharedArrayBuffer (see above). */
  get shared(): boolean {
    return typeof SharedArrayBuffer === 'function' && this.buf instanceof SharedArrayBuffer;
  }
  private take<T>(make: (buf: ArrayBufferLike, off: number) => T, bytes: number, fallback: () => T, clear: (t: T) => void): T {
    const need = Math.ceil(bytes / 8) * 8;
    if (this.off + need > this.buf.byteLength) return fallback();
    const t = make(this.buf, this.off);
    if (this.off < this.high) clear(t);
    this.off += need;
    if (this.off > this.high) this.high = this.off;
    return t;
  }
  /** A zeroed Int32Array of n (from the buffer when it has room). */
  ints(n: number): Int32Array {
    return this.take((b, o) => new Int32Array(b, o, n), n * 4, () => new Int32Array(n), (t) => t.fill(0));
  }
  doubles(n: number): Float64Array {
    return this.take((b, o) => new Float64Array(b, o, n), n * 8, () => new Float64Array(n), (t) => t.fill(0));
  }
  bytes(n: number): Uint8Array {
    return this.take((b, o) => new Uint8Array(b, o, n), n, () => new Uint8Array(n), (t) => t.fill(0));
  }
  shorts(n: number): Uint16Array {
    return this.take((b, o) => new Uint16Array(b, o, n), n * 2, () => new Uint16Array(n), (t) => t.fill(0));
  }
  mark(): number {
    return this.off;
  }
  release(mark: number): void {
    this.off = mark;
  }
}

export class I32 {
  a: Int32Array;
  constructor(capacity: number, arena?: Arena) {
    this.a = arena ? arena.ints(Math.max(16, capacity)) : new Int32Array(Math.max(16, capacity));
  }
  ensure(n: number): void {
    if (n <= this.a.length) return;
    const b = new Int32Array(Math.max(n, Math.ceil(this.a.length * 1.5)));
    b.set(this.a);
    this.a = b;
  }
}

export class F64 {
  a: Float64Array;
  constructor(capacity: number, arena?: Arena) {
    this.a = arena ? arena.doubles(Math.max(16, capacity)) : new Float64Array(Math.max(16, capacity));
  }
  ensure(n: number): void {
    if (n <= this.a.length) return;
    const b = new Float64Array(Math.max(n, Math.ceil(this.a.length * 1.5)));
    b.set(this.a);
    this.a = b;
  }
}

export class U8 {
  a: Uint8Array;
  constructor(capacity: number, arena?: Arena) {
    this.a = arena ? arena.bytes(Math.max(16, capacity)) : new Uint8Array(Math.max(16, capacity));
  }
  ensure(n: number): void {
    if (n <= this.a.length) return;
    const b = new Uint8Array(Math.max(n, Math.ceil(this.a.length * 1.5)));
    b.set(this.a);
    this.a = b;
  }
}

export class U16 {
  a: Uint16Array;
  constructor(capacity: number, arena?: Arena) {
    this.a = arena ? arena.shorts(Math.max(16, capacity)) : new Uint16Array(Math.max(16, capacity));
  }
  ensure(n: number): void {
    if (n <= this.a.length) return;
    const b = new Uint16Array(Math.max(n, Math.ceil(this.a.length * 1.5)));
    b.set(this.a);
    this.a = b;
  }
}

/**
 * How a sheet's observations follow its rows. Sheets read by layout/read.ts are regular: every
 * row has `perRow` observations, one per column in `cols` (a long or per-year sheet: one; a wide
 * sheet: one per year), so an observation's row, column, entity and period follow from its index.
 */
export interface SheetShape {
  perRow: number;
  /** Grid column of the j-th observation of a row. */
  cols: number[];
  /** Period of the j-th observation (wide, per-year); long sheets take the block's. */
  periods: number[];
  /** Entity of every observation (wide, per-year); −1 for long sheets (the block's). */
  entity: number;
  /** Entity and period come from the row's block. */
  long: boolean;
}

/** One sheet read into the model. */
export interface SheetSource {
  index: number;
  name: string;
  /** The grid the sheet was read from; absent for models built from objects. */
  grid?: SheetGrid;
  layout: LayoutKind;
  /** Column of the labels in the grid. */
  nameCol: number;
  /** Regular sheets (the readers); absent for models built from objects. */
  shape?: SheetShape;
  rowStart: number;
  rowEnd: number;
  obsStart: number;
  obsEnd: number;
  notes: Bilingual[];
  /** The sheet's SheetModel (rows and observations made on first access). */
  model: SheetModel;
  /**
   * Indicators (normalised names) whose plain numbers under a % unit are fractions on this sheet
   * (1 = 100 %), as layout/normalize.ts percentFractionKeys decided; null: none.
   */
  fractionKeys: Set<string> | null;
  /**
   * Totals over entities (a 全市合计 row of a cross-tab): the total's observation and its parts',
   * one group per indicator (−1: the part has no cell); null: none.
   */
  sumGroups: Array<{ total: number; parts: number[] }> | null;
  /** How a cross-tab was understood (layout/crosstab.ts): what --explain prints; null for other layouts. */
  structure: CrossTabStructure | null;
}
