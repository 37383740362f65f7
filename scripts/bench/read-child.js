'use strict';
// One .xlsx read in a fresh process (so its peak memory is its own), with Node's default heap:
//   node scripts/bench/read-child.js --reader full|stream|exceljs-stream --file F.xlsx   → one JSON line
//   node scripts/bench/read-child.js --samples                                         → the bundled samples
//
//   full            readXlsx: ExcelJS's full (non-streaming) reader, then the grid (the browser's path)
//   stream          readXlsxStream: the CLI's streaming reader, the same snapshot
//   exceljs-stream  ExcelJS's own streaming WorkbookReader, rows only iterated (no grid built): a
//                   lower bound of what a reader on it would cost
//
// With --file: the time of one read of the file (the bytes are read from disk and the reader's
// modules loaded first, not timed),
// the process's peak RSS (getrusage maxRSS, and RSS sampled every 10 ms from a worker thread),
// and the snapshot's size. With --samples: each bundled sample read by both readers in turn,
// --reps times, the median milliseconds per read.
//
// `--generate ROWS --file F.xlsx` writes the benchmark's workbook instead: the bad-input
// catalogue's long layout (tests/reliability/support.ts writeLongSheet: 地区 | 年份 | 指标 | 数值 | 单位,
// one sheet, ROWS data rows, text in shared strings as Excel stores it).
const fs = require('fs');
const path = require('path');
const { arg, flag, emit, startSampler, MB } = require('./util');

const ROOT = path.resolve(__dirname, '..', '..');
const XLSX = path.join(ROOT, 'build', 'cli', 'src', 'hosts', 'xlsx');


/** Loads a reader's modules (not timed: a CLI has them loaded before it reads). */
function load(reader) {
  if (reader === 'full') require(path.join(XLSX, 'read-xlsx.js'));
  else if (reader === 'stream') require(path.join(XLSX, 'read-xlsx-stream.js'));
  else require('exceljs');
}

async function readOnce(reader, bytes, name) {
  if (reader === 'full') return require(path.join(XLSX, 'read-xlsx.js')).readXlsx(bytes, name);
  if (reader === 'stream') return require(path.join(XLSX, 'read-xlsx-stream.js')).readXlsxStream(bytes, name);
  if (reader === 'exceljs-stream') {
    const ExcelJS = require('exceljs');
    const { Readable } = require('stream');
    const input = Readable.from([Buffer.from(bytes)]);
    const wb = new ExcelJS.stream.xlsx.WorkbookReader(input, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
    const sheets = [];
    for await (const ws of wb) {
      let rows = 0;
      let cells = 0;
      for await (const row of ws) {
        rows++;
        row.eachCell(() => cells++);
      }
      sheets.push({ name: ws.name, rows, cells });
    }
    return { name, sheets, iteratedOnly: true };
  }
  throw new Error(`unknown reader ${reader}`);
}

async function generate() {
  require('./ts-require').register();
  const { writeLongSheet } = require(path.join(ROOT, 'tests', 'reliability', 'support.ts'));
  const rows = Number(arg('--generate'));
  const file = arg('--file');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const t0 = process.hrtime.bigint();
  await writeLongSheet(`${file}.tmp`, rows);
  fs.renameSync(`${file}.tmp`, file);
  emit({ rows, file, seconds: Number(process.hrtime.bigint() - t0) / 1e9, fileMB: MB(fs.statSync(file).size) });
}

async function samples() {
  const reps = Number(arg('--reps', '15'));
  const dir = path.join(ROOT, 'samples');
  const out = [];
  const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.xlsx')).sort()) {
    const bytes = fs.readFileSync(path.join(dir, f));
    const times = { full: [], stream: [] };
    for (let i = 0; i < reps + 2; i++) {
      for (const reader of ['full', 'stream']) {
        const t0 = process.hrtime.bigint();
        await readOnce(reader, bytes, f);
        if (i >= 2) times[reader].push(Number(process.hrtime.bigint() - t0) / 1e6); // two warm-up rounds
      }
    }
    out.push({ file: f, KB: Math.round(bytes.length / 102.4) / 10, fullMs: median(times.full), streamMs: median(times.stream) });
  }
  emit({ samples: out, reps });
}

async function main() {
  if (arg('--generate')) return generate();
  if (flag('--samples')) return samples();
  const reader = arg('--reader', 'stream');
  const file = arg('--file');
  const bytes = fs.readFileSync(file);
  load(reader);
  const sampler = startSampler();
  await new Promise((r) => setTimeout(r, 30));
  const t0 = process.hrtime.bigint();
  const snapshot = await readOnce(reader, bytes, path.basename(file));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const sampledPeak = await sampler.stop();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const heap = require('v8').getHeapStatistics();
  const sheets = snapshot.sheets.map((s) => (s.values ? { name: s.name, rows: s.values.length, cols: s.values[0]?.length ?? 0 } : s));
  emit({
    reader,
    file: path.basename(file),
    fileMB: MB(bytes.length),
    seconds,
    peakMB: MB(Math.max(maxRss, sampledPeak)),
    sampledPeakMB: MB(sampledPeak),
    heapLimitMB: MB(heap.heap_size_limit),
    sheets,
  });
}

main().catch((e) => {
  emit({ error: String(e && e.stack ? e.stack : e) });
  process.exitCode = 1;
});
