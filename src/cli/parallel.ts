// Checks a large workbook on both cores: after reading, a worker thread runs the detectors across
// periods and districts (robust history, HB, year-over-year, structure) while this thread runs the
// checks and rules — the two halves of the work at provincial scale. The result is the one
// checkWorkbookWithModel gives (same findings, same order); the model's arrays are shared with
// the worker, not copied (core/model-data.ts, Arena and pack()). Whatever goes wrong with the
// worker (it cannot start, a model cannot be sent, it fails), the detectors run on this thread.
import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { analyzeWorkbook, checkModel, checkWorkbookWithModel, completeCheck, type CheckedWorkbook, type CheckOptions } from '../core/engine';
import { buildPanel, detectAnomalies } from '../core/history';
import { estimateCapacity } from '../core/layout/read';
import { msg } from '../core/messages';
import { packHistoryJob, type HistoryJob } from '../core/parallel';
import type { Finding, WorkbookSnapshot } from '../core/types';
import type { HistoryReply } from './history-worker';

/**
 * Below this many observations (as estimated before reading) a workbook is checked on one thread.
 * On the 2-core benchmark machine the two threads slow each other down by about a third (they
 * share caches and memory bandwidth), and a worker takes ~0.1 s to start: at 1 M observations the
 * worker lost ~0.05 s, at 2 M it broke even, at 3 M it saved 0.05–0.19 s (medians of three
 * benchmarks: 1.27–1.47 s against 1.32–1.61 s on one thread).
 */
export const PARALLEL_MIN_OBSERVATIONS = 2_000_000;

/** The script of the worker and the options it needs (tests run it from source). */
export interface WorkerScript {
  file: string;
  execArgv?: string[];
}

/** The compiled worker next to this file; undefined when there is none (run from source). */
export function defaultWorkerScript(): WorkerScript | undefined {
  const file = path.join(__dirname, 'history-worker.js');
  return fs.existsSync(file) ? { file } : undefined;
}

export interface ParallelOptions {
  /** The worker to run; defaultWorkerScript() when absent; null: never a worker. */
  worker?: WorkerScript | null;
  /** Overrides PARALLEL_MIN_OBSERVATIONS. */
  minObservations?: number;
  /** Told whether the detectors ran in the worker (tests and the benchmark). */
  onMode?: (mode: 'worker' | 'this-thread', reason?: string) => void;
}

/** One worker thread for one job: started early (it loads the engine meanwhile), ended after. */
class HistoryWorker {
  private readonly worker: Worker;
  private readonly reply: Promise<Finding[]>;
  constructor(script: WorkerScript) {
    this.worker = new Worker(script.file, { execArgv: script.execArgv });
    this.reply = new Promise<Finding[]>((resolve, reject) => {
      this.worker.once('message', (r: HistoryReply) => (r.ok ? resolve(r.findings) : reject(new Error(r.error))));
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`history worker exited (${code})`)));
    });
    // A failure is read when the reply is awaited; until then it is not an unhandled rejection.
    this.reply.catch(() => undefined);
  }
  run(job: HistoryJob): Promise<Finding[]> {
    this.worker.postMessage(job);
    return this.reply;
  }
  close(): void {
    void this.worker.terminate();
  }
}

/** checkWorkbookWithModel with the detectors in a worker thread when the workbook is large. */
export async function checkWorkbookParallel(snapshot: WorkbookSnapshot, options: CheckOptions = {}, parallel: ParallelOptions = {}): Promise<CheckedWorkbook> {
  const script = parallel.worker === undefined ? defaultWorkerScript() : parallel.worker;
  const min = parallel.minObservations ?? PARALLEL_MIN_OBSERVATIONS;
  const tell = parallel.onMode ?? (() => undefined);
  if (options.history === false || !script || estimateCapacity(snapshot.sheets).obs < min) {
    tell('this-thread', options.history === false ? 'no detectors' : !script ? 'no worker script' : 'small workbook');
    return checkWorkbookWithModel(snapshot, options);
  }
  let worker: HistoryWorker | undefined;
  let why = '';
  try {
    worker = new HistoryWorker(script);
  } catch (e) {
    why = `worker did not start: ${(e as Error).message}`;
  }
  const progress = options.onProgress ?? (() => undefined);
  const history = options.history ?? {};
  try {
    progress(0.1, msg('progress.layout'));
    const analyzed = analyzeWorkbook(snapshot, options);
    // The panel is built here, before the checks, and sent along: the two threads then have about
    // the same work left (checks and rules here, the detectors there).
    const inputs = [{ file: snapshot.name, model: analyzed.model }];
    const panel = buildPanel(inputs);
    const job = worker ? packHistoryJob(inputs, history, panel) : undefined;
    if (worker && !job) why = 'model not sendable';
    const remote = worker && job ? worker.run(job) : undefined;
    const checked = checkModel(snapshot, analyzed.model, options);
    progress(0.9, msg('progress.history'));
    let found: Finding[] | undefined;
    if (remote) {
      try {
        found = await remote;
      } catch (e) {
        why = `worker failed: ${(e as Error).message.split('\n')[0]}`;
      }
    }
    tell(found ? 'worker' : 'this-thread', found ? undefined : why);
    // On this thread: the same panel (the worker only read it), as historyFindings would build it.
    found ??= detectAnomalies(panel, history);
    return completeCheck(snapshot, analyzed, checked, found, options);
  } finally {
    worker?.close();
  }
}
