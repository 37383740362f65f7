// The web checker's Web Worker: reads and checks the files, builds marked copies and the batch
// report, so the page never blocks on them. One request at a time per id. Cancelling is the
// page's: it terminates this worker and starts another. Spoken to by worker-client.ts.
import { markedCopy } from '../batch/marked-copy';
import { reportWorkbook } from '../batch/report-workbook';
import type { FileResult } from '../batch/results';
import { bilingualOf } from '../core/errors';
import { message } from '../core/i18n';
import type { Bilingual, Finding, Lang } from '../core/types';
import { runBatch, type BatchProgress } from './batch';

export type CheckerRequest =
  | { id: number; type: 'check'; files: Array<{ file: string; bytes: ArrayBuffer }> }
  | { id: number; type: 'copy'; file: string; bytes: ArrayBuffer; findings: Finding[] }
  | { id: number; type: 'report'; results: FileResult[]; lang: Lang };

export type CheckerReply =
  | { id: number; type: 'progress'; progress: BatchProgress }
  | { id: number; type: 'checked'; results: FileResult[] }
  | { id: number; type: 'copy'; name: string; bytes: ArrayBuffer; lost: Bilingual[]; resultSheet: string }
  | { id: number; type: 'report'; bytes: ArrayBuffer }
  | { id: number; type: 'error'; message: Bilingual };

function failure(e: unknown): Bilingual {
  const b = bilingualOf(e);
  if (b) return b;
  const text = e instanceof Error ? e.message : String(e);
  return message('checker.worker.failed', { reason: text });
}

/** An ArrayBuffer holding exactly these bytes (to transfer back without copying). */
function bufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
}

export async function handle(request: CheckerRequest, post: (reply: CheckerReply, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const { id } = request;
  try {
    if (request.type === 'check') {
      const files = request.files.map((f) => ({ file: f.file, bytes: new Uint8Array(f.bytes) }));
      const results = await runBatch(files, {}, (progress) => post({ id, type: 'progress', progress }));
      post({ id, type: 'checked', results });
    } else if (request.type === 'copy') {
      const name = request.file.split(/[\\/]/).pop() ?? request.file;
      const copy = await markedCopy(new Uint8Array(request.bytes), name, request.findings);
      const bytes = bufferOf(copy.bytes);
      post({ id, type: 'copy', name: copy.name, bytes, lost: copy.lost, resultSheet: copy.resultSheet }, [bytes]);
    } else {
      // The files are named by the path the user picked; links are relative to that folder, so the
      // report works when saved beside the checked files.
      const wb = reportWorkbook(request.results, request.lang, { name: (f) => f.split(/[\\/]/).pop() ?? f, link: (f) => f });
      const bytes = bufferOf(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
      post({ id, type: 'report', bytes }, [bytes]);
    }
  } catch (e) {
    post({ id, type: 'error', message: failure(e) });
  }
}

interface WorkerScope {
  postMessage(message: CheckerReply, transfer?: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<CheckerRequest>) => void): void;
}

// Only inside a worker (no `document`): a page importing this module for its types does nothing.
if (typeof document === 'undefined' && typeof self !== 'undefined') {
  const scope = self as unknown as WorkerScope;
  scope.addEventListener('message', (event) => void handle(event.data, (reply, transfer) => scope.postMessage(reply, transfer ?? [])));
}
