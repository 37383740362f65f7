'use strict';
// Small helpers shared by the benchmark's parent and child processes.

/** The value after `name` on the command line, or the default. */
function arg(name, dflt) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : dflt;
}

function flag(name) {
  return process.argv.includes(name);
}

/** Children report with one marked JSON line on stdout; the parent picks it out. */
const MARK = '@@BENCH@@';

function emit(obj) {
  process.stdout.write(`${MARK}${JSON.stringify(obj)}\n`);
}

function parseEmitted(stdout) {
  const line = stdout.split('\n').find((l) => l.startsWith(MARK));
  return line ? JSON.parse(line.slice(MARK.length)) : undefined;
}

/** Samples process RSS every 10 ms on another thread (the measured work is synchronous); stop() gives the peak in bytes. */
function startSampler() {
  const path = require('path');
  const { Worker } = require('worker_threads');
  const shared = new SharedArrayBuffer(8);
  const peak = new Float64Array(shared);
  const worker = new Worker(path.join(__dirname, 'rss-sampler.js'), { workerData: shared });
  return {
    async stop() {
      await new Promise((r) => setTimeout(r, 20));
      await worker.terminate();
      return peak[0];
    },
  };
}

/** Bytes → MB with one decimal. */
const MB = (b) => Math.round((b / 1048576) * 10) / 10;

module.exports = { arg, flag, emit, parseEmitted, startSampler, MB, MARK };
