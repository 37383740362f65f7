// Runs the engine in a Web Worker (check-worker.ts) so a big workbook doesn't freeze the pane.
// Falls back to the engine on this thread when there is no Worker (jsdom, old webviews) or the
// worker can't start (a CSP without worker-src 'self', a missing chunk): the result is the same,
// only the pane is busy meanwhile. Either way the engine is not part of the pane's first load:
// the worker has its own copy, and the fallback imports it on first use.
import type { CheckOptions } from '../core/engine';
import { BilingualError } from '../core/errors';
import type { Bilingual, CheckResult, WorkbookSnapshot } from '../core/types';
import type { CheckReply, CheckRequest, WorkerCheckOptions } from './check-worker';
import { paneMessage, paneText } from './i18n';

interface Pending {
  snapshot: WorkbookSnapshot;
  options: CheckOptions;
  resolve: (result: CheckResult) => void;
  reject: (error: unknown) => void;
}

let worker: Worker | null = null;
/** Set once the worker failed to start: every later run stays on this thread. */
let unavailable = false;
/** Whether the current worker ever answered (an error before that means it failed to start). */
let answered = false;
let nextId = 1;
const pending = new Map<number, Pending>();

/** An Error rebuilt from the worker's reply, keeping its bilingual message for the pane. */
/** A failure the worker reported with its message in both languages: its class did not cross the channel, its name did. */
class WorkerCheckError extends BilingualError {
  constructor(name: string, message: string, bilingual: Bilingual) {
    super(bilingual, { message });
    this.name = name || 'Error';
  }
}

/** A failure the worker reported without a bilingual message (an unexpected exception). */
function workerFailure(name: string, message: string, bilingual: Bilingual | undefined): Error {
  if (bilingual) return new WorkerCheckError(name, message, bilingual);
  const e = new Error(message);
  e.name = name || 'Error';
  return e;
}

async function inThread(snapshot: WorkbookSnapshot, options: CheckOptions): Promise<CheckResult> {
  const { checkWorkbook } = await import(/* webpackChunkName: "check-engine" */ '../core/engine');
  return checkWorkbook(snapshot, options);
}

function settleInThread(p: Pending): void {
  inThread(p.snapshot, p.options).then(p.resolve, p.reject);
}

function onMessage(event: MessageEvent<CheckReply>): void {
  const reply = event.data;
  answered = true;
  const p = pending.get(reply.id);
  if (!p) return;
  if (reply.type === 'progress') {
    p.options.onProgress?.(reply.fraction, reply.stage);
    return;
  }
  pending.delete(reply.id);
  if (reply.type === 'result') p.resolve(reply.result);
  else p.reject(workerFailure(reply.name, reply.message, reply.bilingual));
}

function onFailure(event: Event): void {
  event.preventDefault?.(); // handled here; not an uncaught error of the page
  const failed = [...pending.values()];
  pending.clear();
  const startedOnce = answered;
  stopWorker();
  if (!startedOnce) {
    // It never ran (blocked by the CSP, chunk missing): the engine runs here from now on.
    unavailable = true;
    failed.forEach(settleInThread);
    return;
  }
  const reason = (event as ErrorEvent).message || paneMessage('worker.no-reason');
  const technical = typeof reason === 'string' ? reason : reason['en-US'];
  for (const p of failed) {
    p.reject(new WorkerCheckError('WorkerError', technical, paneMessage('worker.crashed', { reason })));
  }
}

async function getWorker(): Promise<Worker | null> {
  if (unavailable || typeof Worker !== 'function') return null;
  if (worker) return worker;
  try {
    const { spawnCheckWorker } = await import(/* webpackMode: "eager" */ './check-worker-spawn');
    if (worker) return worker; // another run started it meanwhile
    const w = spawnCheckWorker();
    w.addEventListener('message', onMessage as (e: MessageEvent) => void);
    w.addEventListener('error', onFailure);
    w.addEventListener('messageerror', onFailure);
    worker = w;
    answered = false;
    return w;
  } catch {
    unavailable = true; // e.g. SecurityError: the CSP forbids the worker
    return null;
  }
}

/**
 * Checks a workbook in the engine worker, reporting progress through `options.onProgress`.
 * Same contract as `checkWorkbook` (a RunCheck for the task pane), asynchronous.
 */
export async function runCheckInWorker(snapshot: WorkbookSnapshot, options: CheckOptions = {}): Promise<CheckResult> {
  const w = await getWorker();
  if (!w) return inThread(snapshot, options);
  const { onProgress: _progress, ...cloneable } = options;
  const request: CheckRequest = { id: nextId++, snapshot, options: cloneable satisfies WorkerCheckOptions };
  return new Promise<CheckResult>((resolve, reject) => {
    const p: Pending = { snapshot, options, resolve, reject };
    pending.set(request.id, p);
    try {
      w.postMessage(request);
    } catch {
      // Not cloneable (should not happen with plain snapshots): check it here instead.
      pending.delete(request.id);
      settleInThread(p);
    }
  });
}

/** Whether checks currently go to a worker (false in jsdom or after the worker failed to start). */
export function checkWorkerAvailable(): boolean {
  return !unavailable && typeof Worker === 'function';
}

function stopWorker(): void {
  worker?.terminate();
  worker = null;
  answered = false;
}

/** What a check stopped by disposing the worker says, in the pane's languages. */
const CANCELLED: Bilingual = paneMessage('worker.cancelled');

/** Stops the worker (a new one starts with the next check); checks still running are rejected. */
export function disposeCheckWorker(): void {
  const cancelled = [...pending.values()];
  pending.clear();
  stopWorker();
  for (const p of cancelled) p.reject(workerFailure('AbortError', paneText('en-US', 'worker.cancelled'), CANCELLED));
}

/** For tests: stop the worker and forget that it ever failed to start. */
export function resetCheckWorker(): void {
  disposeCheckWorker();
  unavailable = false;
}
