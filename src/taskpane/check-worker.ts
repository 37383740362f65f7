// The engine in a Web Worker: receives a WorkbookSnapshot, runs checkWorkbook off the UI thread,
// posts progress and the result (or the error). One request at a time per id; any number of ids.
// Started by check-worker-spawn.ts; spoken to by check-worker-client.ts.
import { bilingualOf } from '../core/errors';
import { checkWorkbook, type CheckOptions } from '../core/engine';
import type { Bilingual, CheckResult, WorkbookSnapshot } from '../core/types';

/** Options that survive structured cloning (everything but the progress callback). */
export type WorkerCheckOptions = Omit<CheckOptions, 'onProgress'>;

export interface CheckRequest {
  id: number;
  snapshot: WorkbookSnapshot;
  options: WorkerCheckOptions;
}

export type CheckReply =
  | { id: number; type: 'progress'; fraction: number; stage: Bilingual }
  | { id: number; type: 'result'; result: CheckResult }
  | { id: number; type: 'error'; name: string; message: string; bilingual?: Bilingual };

/** The worker global, typed narrowly (the project's lib is DOM, where `self` is a Window). */
interface WorkerScope {
  postMessage(message: CheckReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CheckRequest>) => void): void;
}

export function handleRequest(request: CheckRequest, post: (reply: CheckReply) => void): void {
  const { id, snapshot, options } = request;
  try {
    const result = checkWorkbook(snapshot, {
      ...options,
      onProgress: (fraction, stage) => post({ id, type: 'progress', fraction, stage }),
    });
    post({ id, type: 'result', result });
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    post({ id, type: 'error', name: error.name, message: error.message, bilingual: bilingualOf(e) });
  }
}

// Only inside a worker (no `document`): a page importing this module for its types does nothing.
if (typeof document === 'undefined' && typeof self !== 'undefined') {
  const scope = self as unknown as WorkerScope;
  scope.addEventListener('message', (event) => handleRequest(event.data, (reply) => scope.postMessage(reply)));
}
