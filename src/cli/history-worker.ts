// The worker thread of src/cli/parallel.ts: runs the detectors across periods and districts on
// the models it is sent (core/parallel.ts) and answers with their findings, one job per message.
import { parentPort } from 'worker_threads';
import { runHistoryJob, type HistoryJob } from '../core/parallel';

export type HistoryReply = { ok: true; findings: ReturnType<typeof runHistoryJob> } | { ok: false; error: string };

const port = parentPort;
port?.on('message', (job: HistoryJob) => {
  let reply: HistoryReply;
  try {
    reply = { ok: true, findings: runHistoryJob(job) };
  } catch (e) {
    reply = { ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
  port.postMessage(reply);
});
