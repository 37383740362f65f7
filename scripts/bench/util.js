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

module.exports = { arg, flag, emit, parseEmitted, MARK };
