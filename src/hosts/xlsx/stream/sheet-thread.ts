// A second thread for the streaming reader: a large worksheet part is inflated and tokenized in a
// worker (sheet-worker.ts) while this thread turns the rows already tokenized into cells, so that
// the two halves of the work overlap. The rows arrive in document order and go to the same sinks
// FastXml calls on one thread, so the cells, errors and limits are the same; when the worker
// cannot read a part, the part is read here as it would be without it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { PackageLimitError } from '../package-guard';
import { PlainCells, type PlainRowSink } from './fast-xml-support';
import { rowReader } from './fast-xml';
import { replayBatch, transferList, type RowBatch } from './row-batches';
import type { ReuseBatch, SheetJob } from './sheet-worker';

/** Worksheet parts of fewer inflated bytes are read on one thread: starting a worker costs more than it saves. */
export const THREAD_MIN_BYTES = 32 * 1024 * 1024;

export interface ThreadOptions {
  /** Parts of at least this many inflated bytes are tokenized on the second thread (default THREAD_MIN_BYTES). */
  minBytes?: number;
  /** The worker's script; default: the compiled sheet-worker.js beside this file (none when running from sources). */
  script?: string;
  /**
   * How the two threads share the tokenizing: 'balance' (default) hands this thread a stretch of
   * rows as text whenever it has nothing else to do; 'worker' tokenizes everything on the worker;
   * 'alternate' hands over every other row as text (tests use the last two).
   */
  split?: 'balance' | 'worker' | 'alternate';
}

/** What became of a part given to the worker; 'gave-up': FastXml gave up; 'failed': read it on this thread. */
export type ThreadOutcome = { worksheet: any } | 'gave-up' | 'failed';

interface Reply {
  job: number;
  type: 'rows' | 'text' | 'done' | 'gave-up' | 'limit' | 'failed';
  batch?: RowBatch;
  text?: string;
  worksheet?: unknown;
  bilingual?: PackageLimitError['bilingual'];
}

/** Whether a zip entry is one the worker inflates as inflate() would: stored or deflated, its size stated. */
function plainEntry(entry: any): boolean {
  const data = entry?._data;
  const magic: unknown = data?.compression?.magic;
  return !!data?.compressedContent && (magic === '\x08\x00' || magic === '\x00\x00') && typeof data.uncompressedSize === 'number';
}

export class SheetThread {
  private readonly worker: Worker;
  private dead = false;
  private jobs = 0;
  private onReply: ((r: Reply) => void) | undefined;
  private onDeath: (() => void) | undefined;
  private readonly scratch = new PlainCells();

  private constructor(
    script: string,
    private readonly options: ThreadOptions | undefined,
  ) {
    this.worker = new Worker(script);
    this.worker.on('message', (r: Reply) => this.onReply?.(r));
    const die = (): void => {
      this.dead = true;
      this.onDeath?.();
    };
    this.worker.on('error', die);
    this.worker.on('exit', die);
  }

  /** A worker for the parts of `entries` that are large enough, started now; undefined when none is, or on one core. */
  static forEntries(entries: any[], options: ThreadOptions | false | undefined): SheetThread | undefined {
    // On a single core the two threads would only take turns.
    if (options === false || os.availableParallelism() < 2) return undefined;
    const min = options?.minBytes ?? THREAD_MIN_BYTES;
    if (!entries.some((e) => SheetThread.suits(e, min))) return undefined;
    const script = options?.script ?? path.join(__dirname, 'sheet-worker.js');
    if (!fs.existsSync(script)) return undefined;
    try {
      return new SheetThread(script, options);
    } catch {
      return undefined;
    }
  }

  static suits(entry: any, minBytes: number): boolean {
    return plainEntry(entry) && entry._data.uncompressedSize >= minBytes;
  }

  /** Whether this worker takes the entry (it is alive, and the entry is large enough). */
  takes(entry: any): boolean {
    return !this.dead && SheetThread.suits(entry, this.options?.minBytes ?? THREAD_MIN_BYTES);
  }

  /**
   * Reads one part on the worker, giving its rows to `plain` and `model` as they arrive. Rejects
   * with a limit of the package; an error of the sinks other than a limit ends the worker and
   * gives 'gave-up', as FastXml does on one thread (saxes then reads the part and meets it again).
   */
  parse(entry: any, where: { name: string; part: string }, plain: PlainRowSink, model: (m: any) => void): Promise<ThreadOutcome> {
    const job = ++this.jobs;
    const pending = new SharedArrayBuffer(4);
    const inFlight = new Int32Array(pending);
    const data = entry._data;
    // A copy of just the entry's bytes (its view may cover the whole file, and a Buffer's slice()
    // is a view too), moved to the worker.
    const compressed = new Uint8Array(data.compressedContent as Uint8Array);
    const split = this.options?.split ?? 'balance';
    const message: SheetJob = { type: 'job', job, compressed, magic: data.compression.magic, size: data.uncompressedSize, where, pending, split };
    // Stretches of rows the worker hands over as text are tokenized here, into the same sinks.
    const readRows = rowReader(model, plain);
    return new Promise<ThreadOutcome>((resolve, reject) => {
      const finish = (): void => {
        this.onReply = undefined;
        this.onDeath = undefined;
      };
      this.onDeath = () => {
        finish();
        resolve('failed');
      };
      this.onReply = (r) => {
        if (r.job !== job) return;
        if (r.type === 'rows' || r.type === 'text') {
          try {
            if (r.type === 'text') readRows(r.text as string);
            else replayBatch(r.batch as RowBatch, plain, model, this.scratch);
          } catch (e) {
            // As parseEntryFast on one thread: a limit is final, anything else is for saxes.
            finish();
            this.close();
            if (e instanceof PackageLimitError) reject(e);
            else resolve('gave-up');
            return;
          }
          Atomics.sub(inFlight, 0, 1);
          Atomics.notify(inFlight, 0);
          if (r.batch) {
            const reuse: ReuseBatch = { type: 'reuse', batch: r.batch };
            this.worker.postMessage(reuse, transferList(r.batch));
          }
          return;
        }
        finish();
        if (r.type === 'done') resolve({ worksheet: r.worksheet });
        else if (r.type === 'limit') reject(new PackageLimitError(r.bilingual as PackageLimitError['bilingual']));
        else resolve(r.type);
      };
      this.worker.postMessage(message, [compressed.buffer as ArrayBuffer]);
    });
  }

  /** Ends the worker (the reader no longer needs it). */
  close(): void {
    if (this.dead) return;
    this.dead = true;
    void this.worker.terminate();
  }
}
