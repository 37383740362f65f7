'use strict';
// One workbook read and checked the way the command line does it, in a process of its own, so
// that the caller can give it its own heap (node --max-old-space-size) and time limit and see a
// hang or an out-of-memory as what it is:
//
//   node --max-old-space-size=256 tests/reliability/check-child.js FILE [LIMITS_JSON]
//
// prints one line: {"outcome":"checked"|"refused"|"crash", ...} with the sheets read, the rule
// ids found, the bilingual message of a refusal, or the stack of a crash (any error other than
// the readers' WorkbookReadError), the time taken and the peak RSS. The sources are loaded with
// scripts/bench/ts-require.js and its cache in build/ts-cache (the first child compiles them).
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
require(path.join(ROOT, 'scripts', 'bench', 'ts-require')).register({ cache: path.join(ROOT, 'build', 'ts-cache') });

async function main() {
  const [file, limitsJson] = process.argv.slice(2);
  const { readXlsxStream } = require(path.join(ROOT, 'src', 'hosts', 'xlsx', 'read-xlsx-stream.ts'));
  const { WorkbookReadError } = require(path.join(ROOT, 'src', 'hosts', 'xlsx', 'errors.ts'));
  const { checkWorkbook } = require(path.join(ROOT, 'src', 'core', 'engine.ts'));
  const t0 = process.hrtime.bigint();
  const ms = () => Number(process.hrtime.bigint() - t0) / 1e6;
  // This process's own peak: on Linux getrusage's maxRSS carries the parent's high-water mark
  // across fork and exec, so a child of a large jest worker would report the worker's size.
  // /proc/self/status VmHWM belongs to this process's memory alone.
  const peakMB = () => {
    try {
      const hwm = /VmHWM:\s+(\d+)\s*kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
      if (hwm) return Math.round(Number(hwm[1]) / 1024);
    } catch {
      // not Linux: the rusage figure below
    }
    return Math.round(process.resourceUsage().maxRSS / 1024);
  };
  let out;
  try {
    const bytes = fs.readFileSync(file);
    // The reader's second thread as the command line has it (large parts only), started from the
    // sources; CHECK_THREAD_MIN_BYTES lowers the size from which a part is read there.
    const minBytes = process.env.CHECK_THREAD_MIN_BYTES;
    const thread = { script: path.join(ROOT, 'tests', 'helpers', 'sheet-worker-ts.js'), ...(minBytes ? { minBytes: Number(minBytes) } : {}) };
    const snapshot = await readXlsxStream(bytes, path.basename(file), { thread, ...(limitsJson ? { limits: JSON.parse(limitsJson) } : {}) });
    const result = checkWorkbook(snapshot);
    out = {
      outcome: 'checked',
      sheets: snapshot.sheets.map((g) => ({ name: g.name, rows: g.values.length, cols: g.values[0] ? g.values[0].length : 0, origin: [g.originRow, g.originCol] })),
      findings: result.findings.map((f) => ({ ruleId: f.ruleId, cell: f.cells[0], message: f.message })),
    };
  } catch (e) {
    out = e instanceof WorkbookReadError ? { outcome: 'refused', message: e.bilingual } : { outcome: 'crash', error: String(e && e.stack ? e.stack : e) };
  }
  process.stdout.write(`@@CHILD@@${JSON.stringify({ ...out, ms: ms(), peakMB: peakMB() })}\n`);
}

main().catch((e) => {
  process.stdout.write(`@@CHILD@@${JSON.stringify({ outcome: 'crash', error: String(e && e.stack ? e.stack : e) })}\n`);
});
