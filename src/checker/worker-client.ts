// The page's side of the checker worker (checker-worker.ts): requests as promises, progress as a
// callback, and cancel(), which terminates the worker (a check in the middle of a file stops at
// once) and rejects what was pending; the next request starts a fresh worker.
import { BilingualError } from '../core/errors';
import { message } from '../core/i18n';
import type { FileResult } from '../batch/results';
import type { Bilingual, Finding, Lang } from '../core/types';
import type { BatchProgress } from './batch';
import type { CheckerReply, CheckerRequest } from './checker-worker';

/** A request the user cancelled. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'AbortError';
  }
}

/** A failure the worker reported, with its message in both languages. */
export class CheckerError extends BilingualError {
  constructor(bilingual: Bilingual) {
    super(bilingual, { message: `${bilingual['zh-CN']} / ${bilingual['en-US']}` });
    this.name = 'CheckerError';
  }
}

type Pending = { resolve: (reply: CheckerReply) => void; reject: (e: unknown) => void; onProgress?: (p: BatchProgress) => void };

// Omit distributes over the union only through a conditional type.
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export class CheckerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  constructor(private readonly spawn: () => Worker) {}

  private get(): Worker {
    if (this.worker) return this.worker;
    const w = this.spawn();
    w.addEventListener('message', (e: MessageEvent<CheckerReply>) => this.onReply(e.data));
    w.addEventListener('error', (e) => this.onCrash(e));
    this.worker = w;
    return w;
  }

  private onReply(reply: CheckerReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    if (reply.type === 'progress') {
      p.onProgress?.(reply.progress);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.type === 'error') p.reject(new CheckerError(reply.message));
    else p.resolve(reply);
  }

  private onCrash(e: ErrorEvent | Event): void {
    e.preventDefault?.();
    const reason = (e as ErrorEvent).message || message('checker.worker.no-reason');
    const failed = [...this.pending.values()];
    this.pending.clear();
    this.worker?.terminate();
    this.worker = null;
    for (const p of failed) {
      p.reject(new CheckerError(message('checker.worker.crashed', { reason })));
    }
  }

  private send(request: WithoutId<CheckerRequest>, transfer: ArrayBuffer[], onProgress?: (p: BatchProgress) => void): Promise<CheckerReply> {
    const id = this.nextId++;
    return new Promise<CheckerReply>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.get().postMessage({ ...request, id } as CheckerRequest, transfer);
    });
  }

  /** Reads and checks the files (their bytes are handed over to the worker), with progress per file. */
  async check(files: Array<{ file: string; bytes: ArrayBuffer }>, onProgress?: (p: BatchProgress) => void): Promise<FileResult[]> {
    const reply = await this.send({ type: 'check', files }, files.map((f) => f.bytes), onProgress);
    return (reply as Extract<CheckerReply, { type: 'checked' }>).results;
  }

  /** The marked copy of one workbook. */
  async copy(file: string, bytes: ArrayBuffer, findings: Finding[]): Promise<{ name: string; bytes: ArrayBuffer; lost: Bilingual[] }> {
    const reply = (await this.send({ type: 'copy', file, bytes, findings }, [bytes])) as Extract<CheckerReply, { type: 'copy' }>;
    return { name: reply.name, bytes: reply.bytes, lost: reply.lost };
  }

  /** The batch report workbook (.xlsx). */
  async report(results: FileResult[], lang: Lang): Promise<ArrayBuffer> {
    const reply = (await this.send({ type: 'report', results, lang }, [])) as Extract<CheckerReply, { type: 'report' }>;
    return reply.bytes;
  }

  /** Stops whatever runs now; pending requests reject with CancelledError. */
  cancel(): void {
    const cancelled = [...this.pending.values()];
    this.pending.clear();
    this.worker?.terminate();
    this.worker = null;
    for (const p of cancelled) p.reject(new CancelledError());
  }
}
