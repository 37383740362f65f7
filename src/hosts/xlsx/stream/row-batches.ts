// The rows of a worksheet as the second thread hands them to the reading thread (sheet-thread.ts,
// sheet-worker.ts): in document order, in batches of typed arrays that are moved, not copied,
// between the threads. A plain row (see PlainCells) is its number, its s attribute and its cells
// as columns; any other row is the model FastXml made of it, copied as it is.
import { PlainCells, type PlainRowSink } from './fast-xml-support';

/** Rows and cells one batch holds at most; a batch is handed over as soon as either is reached. */
const BATCH_ROWS = 4096;
const BATCH_CELLS = 1 << 16;

/** One batch of rows, each either plain (cells ≥ 0) or a model (cells = MODEL_ROW, the next of `models`). */
export interface RowBatch {
  count: number;
  /** Per row: its number of cells in the flat columns below, or MODEL_ROW. */
  cells: Int32Array;
  /** Per plain row: its number. */
  number: Int32Array;
  /** Per plain row: its s attribute as RowXform reads it; NaN when absent (both are no style to SheetCells). */
  style: Float64Array;
  /** The cells of the plain rows, one after the other. */
  col: Int32Array;
  cellStyle: Int32Array;
  kind: Uint8Array;
  num: Float64Array;
  models: unknown[];
}

export const MODEL_ROW = -1;

function newBatch(): RowBatch {
  return {
    count: 0,
    cells: new Int32Array(BATCH_ROWS),
    number: new Int32Array(BATCH_ROWS),
    style: new Float64Array(BATCH_ROWS),
    col: new Int32Array(BATCH_CELLS),
    cellStyle: new Int32Array(BATCH_CELLS),
    kind: new Uint8Array(BATCH_CELLS),
    num: new Float64Array(BATCH_CELLS),
    models: [],
  };
}

/** The typed arrays of a batch, to be moved to the other thread with it. */
export function transferList(b: RowBatch): ArrayBuffer[] {
  return [b.cells.buffer, b.number.buffer, b.style.buffer, b.col.buffer, b.cellStyle.buffer, b.kind.buffer, b.num.buffer] as ArrayBuffer[];
}

/** Collects rows into batches and hands each full one to `send` (the worker's side). */
export class RowBatcher {
  /** Batches the other thread has applied and handed back, to be filled again. */
  private readonly spare: RowBatch[] = [];
  private batch = newBatch();
  private used = 0;

  constructor(private readonly send: (batch: RowBatch) => void) {}

  /** A batch handed back after use: its arrays are filled again instead of made anew. */
  reuse(batch: RowBatch): void {
    batch.count = 0;
    batch.models = [];
    this.spare.push(batch);
  }

  readonly plain: PlainRowSink = (n, styleId, cells) => {
    if (this.batch.count === BATCH_ROWS || this.used + cells.count > BATCH_CELLS) this.flush();
    const b = this.batch;
    const k = b.count++;
    b.cells[k] = cells.count;
    b.number[k] = n;
    b.style[k] = styleId === undefined ? NaN : styleId;
    const at = this.used;
    for (let j = 0; j < cells.count; j++) {
      b.col[at + j] = cells.col[j];
      b.cellStyle[at + j] = cells.style[j];
      b.kind[at + j] = cells.kind[j];
      b.num[at + j] = cells.num[j];
    }
    this.used += cells.count;
  };

  readonly model = (model: unknown): void => {
    if (this.batch.count === BATCH_ROWS) this.flush();
    this.batch.cells[this.batch.count++] = MODEL_ROW;
    this.batch.models.push(model);
  };

  /** Hands over the rows collected so far, if any. */
  flush(): void {
    if (this.batch.count === 0) return;
    const full = this.batch;
    this.batch = this.spare.pop() ?? newBatch();
    this.used = 0;
    this.send(full);
  }
}

/** Gives the rows of a batch, in order, to the same two sinks FastXml gives them to on one thread. */
export function replayBatch(b: RowBatch, plainSink: PlainRowSink, modelSink: (model: any) => void, scratch: PlainCells): void {
  let at = 0;
  let m = 0;
  for (let k = 0; k < b.count; k++) {
    const count = b.cells[k];
    if (count === MODEL_ROW) {
      modelSink(b.models[m++]);
      continue;
    }
    for (let j = 0; j < count; j++) {
      scratch.col[j] = b.col[at + j];
      scratch.style[j] = b.cellStyle[at + j];
      scratch.kind[j] = b.kind[at + j];
      scratch.num[j] = b.num[at + j];
    }
    scratch.count = count;
    at += count;
    const style = b.style[k];
    plainSink(b.number[k], Number.isNaN(style) ? undefined : style, scratch);
  }
}
