// Runs tests/reliability/check-child.js on a file in a child process with its own heap and time
// limits: a hang is stopped and reported as 'timeout', running out of memory as 'oom', a crash of
// the process as 'crash'. Used by the hostile-input catalogue and the fuzzer.
import { spawn } from 'child_process';
import * as path from 'path';
import type { Bilingual } from '../../src/core/types';

const CHILD = path.join(__dirname, 'check-child.js');

export interface ChildFinding {
  ruleId: string;
  cell?: { sheet: string; address: string };
  message: Bilingual;
}

export type ChildResult =
  | { outcome: 'checked'; sheets: Array<{ name: string; rows: number; cols: number; origin: [number, number] }>; findings: ChildFinding[]; ms: number; peakMB: number; wallMs: number }
  | { outcome: 'refused'; message: Bilingual; ms: number; peakMB: number; wallMs: number }
  | { outcome: 'crash'; error: string; wallMs: number }
  | { outcome: 'timeout'; wallMs: number }
  | { outcome: 'oom'; error: string; wallMs: number };

export interface ChildLimits {
  /** node --max-old-space-size, MB. */
  heapMB?: number;
  /** Wall-clock limit, ms. */
  timeoutMs?: number;
  /** Package limits for the reader (package-guard.ts), as JSON. */
  limits?: Record<string, number>;
  /**
   * Worksheet parts of at least this many bytes are tokenized on the reader's second thread, as
   * the command line does from 32 MB (that default when not given); 0: every part.
   */
  threadMinBytes?: number;
}

export function checkInChild(file: string, options: ChildLimits = {}): Promise<ChildResult> {
  const heapMB = options.heapMB ?? 256;
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve) => {
    const t0 = Date.now();
    const args = [`--max-old-space-size=${heapMB}`, CHILD, file, ...(options.limits ? [JSON.stringify(options.limits)] : [])];
    const env = { ...process.env, ...(options.threadMinBytes !== undefined ? { CHECK_THREAD_MIN_BYTES: String(options.threadMinBytes) } : {}) };
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let out = '';
    let err = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = Date.now() - t0;
      const line = out.split('\n').find((l) => l.startsWith('@@CHILD@@'));
      if (line) return resolve({ ...JSON.parse(line.slice('@@CHILD@@'.length)), wallMs });
      if (timedOut) return resolve({ outcome: 'timeout', wallMs });
      const tail = err.trim().split('\n').slice(-8).join('\n');
      if (/heap out of memory|Allocation failed/i.test(err)) return resolve({ outcome: 'oom', error: tail, wallMs });
      resolve({ outcome: 'crash', error: `exit ${code ?? signal}: ${tail}`, wallMs });
    });
  });
}

/** Runs `jobs` with at most `n` at a time, in order of start. */
export async function pool<T>(jobs: Array<() => Promise<T>>, n: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, jobs.length) }, worker));
  return results;
}
