'use strict';
// npm run bench [-- options]: the engine at provincial scale against spreadsheet formulas, and
// the command line end to end against LibreOffice loading the same 1 M-row workbook.
//
//   --json                one JSON object on stdout (progress goes to stderr)
//   --quick               small sizes (engine 30 k/100 k/300 k, peers 30 k, Excel up to 100 k cells)
//   --sizes 300,1000,3000 engine panel sizes in districts (× 10 years × 100 indicators)
//   --peer-districts 100  panel size of the formula peers (100 → 100 k observations)
//   --skip-peers, --skip-excel, --skip-bundle, --skip-read, --skip-e2e, --skip-checker, --skip-prose
//   --sentence-chars 10000,20000,40000  lengths of the one-sentence texts the prose reader is timed on
//   --e2e-runs 3          runs of the CLI and of LibreOffice, in turns, in the end-to-end comparison
//                         (medians; 1 with --quick)
//   --read-rows 100000,1000000  sizes of the long-layout workbook read by the .xlsx readers
//                         (written once into build/bench/ and kept)
//   --rebuild-bundle      run the webpack production build even when dist/ exists
//   --profile             CPU-profile the largest engine run (node --cpu-prof) and print where
//                         the time goes; the .cpuprofile is kept in build/bench/
//   --timeout 300         seconds one engine run may take before it is stopped
//   --runs 3              runs of the largest engine size (fresh process each; the median is
//                         reported — for an even count the lower middle run — and every run
//                         listed; 1 with --quick)
//
// Every measurement runs in its own child process, one after the other. A benchmark, not a
// test: targets are reported as MET / NOT MET and the exit code is 0 whatever they say.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { arg, flag, parseEmitted } = require('./util');
const { summarise, printSummary } = require('./profile-summary');

const ROOT = path.resolve(__dirname, '..', '..');
const JSON_MODE = flag('--json');
const QUICK = flag('--quick');
const log = (s) => process.stderr.write(`${s}\n`);

const TARGETS = {
  peerFactor: 20,
  observations: 3_000_000,
  seconds: 2,
  peakMB: 1024,
  maxSyncs: 4,
  taskpaneGzipKB: 300,
  e2eFactor: 2,
  /** The web checker's page: no main-thread task longer than this while it checks. */
  checkerBlockedMs: 200,
  /** The prose reader: the whole corpus joined into one report, read in at most this many seconds. */
  proseReportSeconds: 5,
  /** The prose reader on one unbroken sentence: four times the length in at most this many times the time. */
  proseGrowth: 6,
};

// ---------------------------------------------------------------------------------------------
// Children

function runChild(script, args, { nodeArgs = [], timeoutS = 600 } = {}) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [...nodeArgs, path.join(__dirname, script), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timedOut = false;
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutS * 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wall = (Date.now() - t0) / 1000;
      const result = parseEmitted(out);
      if (result) return resolve({ ...result, wall });
      if (timedOut) return resolve({ error: `stopped after ${timeoutS} s`, timedOut: true, wall });
      const tail = err.trim().split('\n').slice(-6).join('\n');
      resolve({ error: `exit ${code ?? signal}${/heap out of memory/i.test(err) ? ' (JavaScript heap out of memory)' : ''}: ${tail}`, wall });
    });
  });
}

function ensureCliBuild() {
  if (fs.existsSync(path.join(ROOT, 'build', 'cli', 'src', 'core', 'engine.js'))) return;
  log('build/cli is missing: compiling (tsc -p scripts/tsconfig.cli.json)…');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'scripts/tsconfig.cli.json'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build:cli failed');
}

// ---------------------------------------------------------------------------------------------
// Engine

async function benchEngine() {
  const sizes = (arg('--sizes', QUICK ? '30,100,300' : '300,1000,3000') || '').split(',').map(Number).filter((n) => n > 0);
  const timeoutS = Number(arg('--timeout', '300'));
  const runs = Math.max(1, Number(arg('--runs', QUICK ? '1' : '3')) || 1);
  // Room to measure rather than crash: the heap limit is not the target, the peak RSS is.
  const heapMB = Math.min(16384, Math.floor((os.totalmem() / 1048576) * 0.75));
  const profileDir = path.join(ROOT, 'build', 'bench');
  const results = [];
  let profile;
  for (let i = 0; i < sizes.length; i++) {
    const d = sizes[i];
    const nodeArgs = ['--expose-gc', `--max-old-space-size=${heapMB}`];
    const profiling = flag('--profile') && i === sizes.length - 1;
    const before = new Set();
    if (profiling) {
      fs.mkdirSync(profileDir, { recursive: true });
      for (const f of fs.readdirSync(profileDir)) before.add(f);
      nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`);
    }
    // The largest size runs `runs` times, each in a fresh process: its time is their median (this
    // machine's timings of one build vary by ±30 % from minute to minute), its peak the highest.
    const n = i === sizes.length - 1 ? runs : 1;
    const each = [];
    for (let k = 0; k < n; k++) {
      log(`engine: ${(d * 1000).toLocaleString('en-US')} observations (${d} districts × 10 years × 100 indicators)${n > 1 ? `, run ${k + 1} of ${n}` : ''}${profiling && k === 0 ? ', profiled' : ''}…`);
      const r = await runChild('engine-child.js', ['--districts', String(d)], { nodeArgs: k === 0 ? nodeArgs : nodeArgs.filter((a) => !a.startsWith('--cpu-prof')), timeoutS });
      if (r.error) log(`  ${r.error}`);
      else log(`  ${r.seconds.toFixed(2)} s, peak ${Math.round(r.peakMB)} MB, injected ${r.injected}, found ${r.found}`);
      each.push(r);
      if (r.error) break;
    }
    const failed = each.find((r) => r.error);
    if (failed || each.length === 1) results.push({ districts: d, observations: d * 1000, ...(failed ?? each[0]) });
    else {
      const byTime = [...each].sort((a, b) => a.seconds - b.seconds);
      const mid = byTime[(byTime.length - 1) >> 1];
      const peakMB = Math.max(...each.map((r) => r.peakMB));
      results.push({ districts: d, observations: d * 1000, ...mid, throughput: mid.observations / mid.seconds, peakMB, runs: each.map((r) => r.seconds) });
    }
    if (profiling) {
      // One profile per thread: the engine's main thread is the big one (the other is the RSS sampler).
      const fresh = fs
        .readdirSync(profileDir)
        .filter((f) => f.endsWith('.cpuprofile') && !before.has(f))
        .sort((a, b) => fs.statSync(path.join(profileDir, b)).size - fs.statSync(path.join(profileDir, a)).size);
      for (const f of fresh.slice(1)) fs.rmSync(path.join(profileDir, f), { force: true });
      const file = fresh[0];
      if (file) {
        const full = path.join(profileDir, file);
        profile = { file: path.relative(ROOT, full), ...summarise(JSON.parse(fs.readFileSync(full, 'utf8')), 25) };
      }
    }
  }
  return { sizes: results, profile };
}

// ---------------------------------------------------------------------------------------------
// Reading .xlsx

async function benchRead() {
  const sizes = (arg('--read-rows', QUICK ? '100000' : '100000,1000000') || '').split(',').map(Number).filter((n) => n > 0);
  const dir = path.join(ROOT, 'build', 'bench');
  log('reading .xlsx: the bundled samples, full vs streaming reader…');
  const s = await runChild('read-child.js', ['--samples'], { timeoutS: 300 });
  const out = { samples: s.error ? { error: s.error } : s.samples, sizes: [] };
  for (const rows of sizes) {
    const file = path.join(dir, `long-${rows}.xlsx`);
    if (!fs.existsSync(file)) {
      log(`reading .xlsx: writing a ${rows.toLocaleString('en-US')}-row long-layout workbook (${path.relative(ROOT, file)}, kept for later runs)…`);
      const g = await runChild('read-child.js', ['--generate', String(rows), '--file', file], { timeoutS: 1800 });
      if (g.error) {
        log(`  ${g.error}`);
        out.sizes.push({ rows, error: g.error });
        continue;
      }
    }
    const entry = { rows, fileMB: Math.round((fs.statSync(file).size / 1048576) * 10) / 10 };
    for (const reader of ['full', 'stream', 'exceljs-stream']) {
      log(`reading .xlsx: ${reader}, ${rows.toLocaleString('en-US')} rows (default heap)…`);
      // Node's default heap on purpose: whether a reader fits in it is the question.
      const r = await runChild('read-child.js', ['--reader', reader, '--file', file], { timeoutS: Number(arg('--read-timeout', '600')) });
      log(r.error ? `  ${r.error.split('\n')[0]}` : `  ${r.seconds.toFixed(2)} s, peak ${Math.round(r.peakMB)} MB`);
      entry[reader] = r;
    }
    out.sizes.push(entry);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// End to end: the command line against LibreOffice's bare load, on the read benchmark's workbook

async function benchEndToEnd() {
  const rows = Math.max(...(arg('--read-rows', QUICK ? '100000' : '100000,1000000') || '').split(',').map(Number).filter((x) => x > 0));
  const file = path.join(ROOT, 'build', 'bench', `long-${rows}.xlsx`);
  if (!fs.existsSync(file)) {
    log(`end to end: writing a ${rows.toLocaleString('en-US')}-row long-layout workbook (${path.relative(ROOT, file)})…`);
    const g = await runChild('read-child.js', ['--generate', String(rows), '--file', file], { timeoutS: 1800 });
    if (g.error) return { rows, error: g.error };
  }
  log(`end to end: the CLI (start → read → check → JSON written) and LibreOffice (load → CSV), ${rows.toLocaleString('en-US')} rows…`);
  const r = await runChild('e2e-child.js', ['--file', file, '--runs', arg('--e2e-runs', QUICK ? '1' : '3')], { timeoutS: 3600 });
  if (r.error) log(`  ${r.error}`);
  else {
    log(r.cli.error ? `  CLI: ${r.cli.error}` : `  CLI ${r.cli.seconds.toFixed(2)} s, peak ${Math.round(r.cli.peakMB)} MB`);
    log(r.libreoffice.skipped ? `  LibreOffice skipped: ${r.libreoffice.skipped}` : r.libreoffice.error ? `  LibreOffice: ${r.libreoffice.error}` : `  LibreOffice ${r.libreoffice.seconds.toFixed(2)} s`);
  }
  return { rows, ...r };
}

// ---------------------------------------------------------------------------------------------
// The web checker in Chromium, on the 100,000-row workbook of the read benchmark

async function benchChecker(bundle) {
  const rows = 100000;
  const file = path.join(ROOT, 'build', 'bench', `long-${rows}.xlsx`);
  if (bundle && bundle.error) return { rows, error: `no build: ${bundle.error}` };
  if (!fs.existsSync(file)) {
    log(`web checker: writing a ${rows.toLocaleString('en-US')}-row long-layout workbook (${path.relative(ROOT, file)})…`);
    const g = await runChild('read-child.js', ['--generate', String(rows), '--file', file], { timeoutS: 1800 });
    if (g.error) return { rows, error: g.error };
  }
  log(`web checker: checker.html in Chromium, ${rows.toLocaleString('en-US')} rows (reading and checking in its Web Worker)…`);
  const r = await runChild('checker-child.js', ['--file', file], { timeoutS: 900 });
  if (r.error || r.skipped) log(`  ${r.error ?? `skipped: ${r.skipped}`}`);
  else log(`  ${r.seconds.toFixed(2)} s to the results; longest main-thread task ${Math.round(r.longestTaskMs)} ms (${r.longTasks} over 50 ms)`);
  return { rows, ...r };
}

// ---------------------------------------------------------------------------------------------
// The prose reader, on the corpus and on one very long sentence

async function benchProse() {
  log('report prose: the corpus passage by passage, joined into one report, and one long sentence at growing lengths…');
  const r = await runChild('prose-child.js', ['--sentence-chars', arg('--sentence-chars', QUICK ? '5000,10000,20000' : '10000,20000,40000')], { timeoutS: 600 });
  if (r.error) log(`  ${r.error.split('\n')[0]}`);
  else log(`  corpus ${r.corpus.seconds.toFixed(2)} s; joined report ${r.report.seconds.toFixed(2)} s; sentences ${r.sentences.map((x) => `${x.chars}: ${x.seconds.toFixed(2)} s`).join(', ')}`);
  return r;
}

function proseJson(x) {
  if (!x) return { skipped: 'not run (--skip-prose)' };
  if (x.error) return { error: x.error.split('\n')[0] };
  return {
    corpus: { passages: x.corpus.passages, chars: x.corpus.chars, seconds: r3(x.corpus.seconds), slowest: { file: x.corpus.slowest.file, ms: r1(x.corpus.slowest.ms), chars: x.corpus.slowest.chars } },
    report: { chars: x.report.chars, seconds: r3(x.report.seconds), claims: x.report.claims, findings: x.report.findings },
    sentences: x.sentences.map((s) => ({ chars: s.chars, seconds: r3(s.seconds), claims: s.claims })),
    table: { chars: x.table.chars, seconds: r3(x.table.seconds), rates: x.table.rates },
    peakMB: Math.round(x.peakMB),
  };
}

function e2eJson(e2e) {
  if (!e2e) return { skipped: 'not run (--skip-e2e)' };
  if (e2e.error) return { rows: e2e.rows, error: e2e.error };
  const cli = e2e.cli.error ? { error: e2e.cli.error } : { seconds: r3(e2e.cli.seconds), ...(e2e.cli.runs.length > 1 ? { runs: e2e.cli.runs.map(r3) } : {}), peakMB: Math.round(e2e.cli.peakMB), findings: e2e.cli.findings, observations: e2e.cli.observations, reportMB: r1(e2e.cli.reportMB) };
  const lo = e2e.libreoffice.skipped || e2e.libreoffice.error ? e2e.libreoffice : { seconds: r3(e2e.libreoffice.seconds), ...(e2e.libreoffice.runs.length > 1 ? { runs: e2e.libreoffice.runs.map(r3) } : {}), version: e2e.libreoffice.version, csvLines: e2e.libreoffice.csvLines };
  const ratio = cli.seconds && lo.seconds ? r1(lo.seconds / cli.seconds) : null;
  return { rows: e2e.rows, fileMB: r1(e2e.fileMB), cli, libreoffice: lo, ratio };
}

function readJson(read) {
  if (!read) return { skipped: 'not run (--skip-read)' };
  const one = (r) => (!r ? null : r.error ? { error: r.error.split('\n')[0], seconds: r.timedOut ? null : r3(r.wall) } : { seconds: r3(r.seconds), peakMB: Math.round(r.peakMB), heapLimitMB: Math.round(r.heapLimitMB) });
  return {
    layout: 'long (地区 | 年份 | 指标 | 数值 | 单位), one sheet, text in shared strings as Excel stores it (tests/reliability/support.ts writeLongSheet)',
    heap: 'node default',
    sizes: read.sizes.map((x) => (x.error ? { rows: x.rows, error: x.error } : { rows: x.rows, fileMB: x.fileMB, full: one(x.full), stream: one(x.stream), exceljsStream: one(x['exceljs-stream']) })),
    samples: read.samples,
  };
}

// ---------------------------------------------------------------------------------------------
// Peers, Excel, bundle

async function benchPeers() {
  const d = Number(arg('--peer-districts', QUICK ? '30' : '100'));
  log(`hyperformula: ${(d * 1000).toLocaleString('en-US')} observations as formulas…`);
  const hf = await runChild('peer-hyperformula.js', ['--districts', String(d)], { nodeArgs: ['--max-old-space-size=8192'], timeoutS: 600 });
  log(hf.error ? `  ${hf.error}` : `  ${hf.seconds.toFixed(2)} s, ${hf.flags} flags`);
  log(`libreoffice: ${(d * 1000).toLocaleString('en-US')} observations as formulas…`);
  const lo = await runChild('peer-libreoffice.js', ['--districts', String(d)], { nodeArgs: ['--max-old-space-size=8192'], timeoutS: 900 });
  log(lo.error ? `  ${lo.error}` : lo.skipped ? `  skipped: ${lo.skipped}` : `  ${lo.seconds.toFixed(2)} s (start-up and import alone ${lo.loadSeconds.toFixed(2)} s), ${lo.flags} flags`);
  return { hyperformula: hf, libreoffice: lo };
}

async function benchExcel() {
  const sizes = QUICK ? [1000, 100000] : [1000, 100000, 1000000];
  const out = { desktop: {}, web: {} };
  for (const platform of ['desktop', 'web']) {
    for (const cells of sizes) {
      log(`excel host (${platform}): ${cells.toLocaleString('en-US')} cells…`);
      const r = await runChild('excel-child.js', ['--cells', String(cells), '--platform', platform], { nodeArgs: ['--max-old-space-size=8192'], timeoutS: 300 });
      log(r.error ? `  ${r.error}` : `  readWorkbook ${r.read} syncs, applyMarks ${r.marks} syncs`);
      out[platform][cells] = r;
    }
  }
  return out;
}

function benchBundle() {
  const dist = path.join(ROOT, 'dist');
  const html = path.join(dist, 'taskpane.html');
  if (flag('--rebuild-bundle') || !fs.existsSync(html)) {
    log('bundle: webpack --mode production…');
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0 || !fs.existsSync(html)) return { error: `webpack failed: ${(r.stderr || '').trim().split('\n').slice(-5).join('\n')}` };
  }
  const text = fs.readFileSync(html, 'utf8');
  const scripts = [];
  for (const m of text.matchAll(/<script\b[^>]*\bsrc\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s>]+))[^>]*>/gi)) {
    const src = m[1] ?? m[2] ?? m[3];
    if (/^(https?:)?\/\//i.test(src)) continue; // office.js from Microsoft's CDN
    const file = path.join(dist, src.split(/[?#]/)[0]);
    if (!fs.existsSync(file)) {
      scripts.push({ file: src, missing: true });
      continue;
    }
    const bytes = fs.readFileSync(file);
    scripts.push({ file: src, KB: bytes.length / 1024, gzipKB: zlib.gzipSync(bytes, { level: 9 }).length / 1024 });
  }
  const gz = scripts.reduce((s, x) => s + (x.gzipKB ?? 0), 0);
  const raw = scripts.reduce((s, x) => s + (x.KB ?? 0), 0);
  return { taskpaneGzipKB: Math.round(gz * 10) / 10, taskpaneKB: Math.round(raw * 10) / 10, scripts, built: fs.statSync(html).mtime.toISOString() };
}

// ---------------------------------------------------------------------------------------------
// Report

const r1 = (x) => Math.round(x * 10) / 10;
const r3 = (x) => Math.round(x * 1000) / 1000;

function buildJson(engine, peers, excel, bundle) {
  const done = engine.sizes.filter((s) => !s.error);
  const top = done[done.length - 1];
  const peerJson = (p) => {
    if (!p) return { skipped: 'not run (--skip-peers)' };
    if (p.skipped) return { observations: 0, seconds: null, skipped: p.skipped };
    if (p.error) return { observations: 0, seconds: null, error: p.error };
    const o = { observations: p.observations, seconds: r3(p.seconds), throughput: Math.round(p.observations / p.seconds), formulas: p.formulas, flags: p.flags, version: p.version };
    if (p.loadSeconds !== undefined) o.loadSeconds = r3(p.loadSeconds);
    if (p.found !== undefined) o.injected = p.injected, o.found = p.found;
    return o;
  };
  const syncs = {};
  const syncDetail = {};
  const webSyncs = {};
  const webDetail = {};
  for (const [cells, r] of Object.entries(excel?.desktop ?? {})) {
    syncs[cells] = r.error ? null : Math.max(r.read, r.marks);
    syncDetail[cells] = r.error ? { error: r.error } : { readWorkbook: r.read, applyMarks: r.marks, findings: r.findings, readSeconds: r3(r.readSeconds) };
  }
  for (const [cells, r] of Object.entries(excel?.web ?? {})) {
    webSyncs[cells] = r.error ? null : Math.max(r.read, r.marks);
    webDetail[cells] = r.error ? { error: r.error } : { readWorkbook: r.read, applyMarks: r.marks, findings: r.findings, readSeconds: r3(r.readSeconds) };
  }
  return {
    engine: {
      observations: top ? top.observations : 0,
      seconds: top ? r3(top.seconds) : null,
      peakMB: top ? Math.round(top.peakMB) : null,
      sizes: engine.sizes.map((s) =>
        s.error
          ? { observations: s.observations, error: s.error }
          : {
              observations: s.observations,
              seconds: r3(s.seconds),
              ...(s.runs ? { runs: s.runs.map(r3) } : {}),
              throughput: Math.round(s.throughput),
              peakMB: Math.round(s.peakMB),
              inputMB: Math.round(s.inputMB),
              findings: s.findings,
              injected: s.injected,
              found: s.found,
              rulePack: s.rulePack,
            },
      ),
      ...(engine.profile ? { profile: { file: engine.profile.file, totalMs: engine.profile.totalMs, self: engine.profile.self.slice(0, 15), total: engine.profile.total.slice(0, 15) } } : {}),
    },
    peers: { hyperformula: peerJson(peers?.hyperformula), libreoffice: peerJson(peers?.libreoffice) },
    excel: { syncs, perCall: syncDetail, web: { syncs: webSyncs, perCall: webDetail } },
    bundle: bundle ? (bundle.error ? { taskpaneGzipKB: null, error: bundle.error } : { taskpaneGzipKB: bundle.taskpaneGzipKB, scripts: bundle.scripts.map((x) => (x.missing ? x : { file: x.file, KB: r1(x.KB), gzipKB: r1(x.gzipKB) })) }) : { taskpaneGzipKB: null, skipped: true },
  };
}

function targets(j) {
  const out = [];
  const top = j.engine.sizes.filter((s) => !s.error).pop();
  const engineTp = top ? top.observations / top.seconds : 0;
  for (const name of ['hyperformula', 'libreoffice']) {
    const p = j.peers[name];
    if (!p || !p.seconds) {
      out.push({ target: `engine throughput ≥ ${TARGETS.peerFactor}× ${name}`, status: 'SKIPPED', detail: p?.skipped ?? p?.error ?? 'not run' });
      continue;
    }
    const ratio = engineTp / (p.observations / p.seconds);
    out.push({ target: `engine throughput ≥ ${TARGETS.peerFactor}× ${name}`, status: ratio >= TARGETS.peerFactor ? 'MET' : 'NOT MET', detail: `${r1(ratio)}× (${Math.round(engineTp).toLocaleString('en-US')} vs ${Math.round(p.observations / p.seconds).toLocaleString('en-US')} obs/s)` });
  }
  const big = j.engine.sizes.find((s) => s.observations === TARGETS.observations);
  if (!big) out.push({ target: '3 M observations in ≤ 2 s and ≤ 1 GB', status: 'SKIPPED', detail: 'no 3 M run' });
  else if (big.error) out.push({ target: '3 M observations in ≤ 2 s and ≤ 1 GB', status: 'NOT MET', detail: big.error });
  else {
    out.push({ target: '3 M observations in ≤ 2 s', status: big.seconds <= TARGETS.seconds ? 'MET' : 'NOT MET', detail: big.runs ? `${big.seconds} s, the median of ${big.runs.length} runs (${big.runs.join(', ')} s)` : `${big.seconds} s` });
    out.push({ target: '3 M observations in ≤ 1 GB (peak RSS, input included)', status: big.peakMB <= TARGETS.peakMB ? 'MET' : 'NOT MET', detail: `${big.peakMB} MB (input alone ${big.inputMB} MB)` });
  }
  for (const s of j.engine.sizes.filter((x) => !x.error)) {
    out.push({ target: `injected errors found (${(s.observations / 1e6).toString()} M)`, status: s.found === s.injected ? 'MET' : 'NOT MET', detail: `injected ${s.injected}, found ${s.found}` });
  }
  const counts = Object.values(j.excel.syncs);
  if (counts.length === 0) out.push({ target: `syncs equal at every size and ≤ ${TARGETS.maxSyncs}`, status: 'SKIPPED', detail: 'not run' });
  else {
    const ok = counts.every((c) => c !== null && c === counts[0]) && counts.every((c) => c !== null && c <= TARGETS.maxSyncs);
    out.push({ target: `syncs equal at every size and ≤ ${TARGETS.maxSyncs} per host call (desktop; the web's 5 MB limit adds read syncs, listed above)`, status: ok ? 'MET' : 'NOT MET', detail: Object.entries(j.excel.perCall).map(([k, v]) => `${Number(k).toLocaleString('en-US')}: ${v.error ? 'error' : `${v.readWorkbook}+${v.applyMarks}`}`).join(', ') });
  }
  const e = j.e2e;
  if (!e || e.skipped || e.error || e.cli.error) out.push({ target: `CLI end to end ≥ ${TARGETS.e2eFactor}× faster than LibreOffice loading the same file`, status: 'SKIPPED', detail: e?.skipped ?? e?.error ?? e?.cli?.error ?? 'not run' });
  else if (!e.ratio) out.push({ target: `CLI end to end ≥ ${TARGETS.e2eFactor}× faster than LibreOffice loading the same file`, status: 'SKIPPED', detail: `LibreOffice: ${e.libreoffice.skipped ?? e.libreoffice.error}` });
  else out.push({ target: `CLI end to end ≥ ${TARGETS.e2eFactor}× faster than LibreOffice loading the same file`, status: e.ratio >= TARGETS.e2eFactor ? 'MET' : 'NOT MET', detail: `${e.ratio}× (${e.cli.seconds} s vs ${e.libreoffice.seconds} s, ${e.rows.toLocaleString('en-US')} rows)` });
  const c = j.checker;
  if (!c || c.skipped || c.error) out.push({ target: `web checker: no main-thread task over ${TARGETS.checkerBlockedMs} ms while it checks 100,000 rows`, status: 'SKIPPED', detail: c?.skipped ?? c?.error ?? 'not run' });
  else out.push({ target: `web checker: no main-thread task over ${TARGETS.checkerBlockedMs} ms while it checks 100,000 rows`, status: c.longestTaskMs <= TARGETS.checkerBlockedMs ? 'MET' : 'NOT MET', detail: `longest ${Math.round(c.longestTaskMs)} ms, ${c.longTasks} tasks over 50 ms; ${r3(c.seconds)} s to the results` });
  const pr = j.prose;
  if (!pr || pr.skipped || pr.error) {
    out.push({ target: `report prose: the corpus as one report in ≤ ${TARGETS.proseReportSeconds} s`, status: 'SKIPPED', detail: pr?.skipped ?? pr?.error ?? 'not run' });
    out.push({ target: `report prose: one sentence 4× as long in ≤ ${TARGETS.proseGrowth}× the time`, status: 'SKIPPED', detail: pr?.skipped ?? pr?.error ?? 'not run' });
  } else {
    out.push({ target: `report prose: the corpus as one report in ≤ ${TARGETS.proseReportSeconds} s`, status: pr.report.seconds <= TARGETS.proseReportSeconds ? 'MET' : 'NOT MET', detail: `${pr.report.seconds} s for ${pr.report.chars.toLocaleString('en-US')} characters` });
    const [a, , c] = pr.sentences;
    const growth = a && c ? c.seconds / a.seconds : null;
    out.push({ target: `report prose: one sentence 4× as long in ≤ ${TARGETS.proseGrowth}× the time`, status: growth === null ? 'SKIPPED' : growth <= TARGETS.proseGrowth ? 'MET' : 'NOT MET', detail: growth === null ? 'fewer than three lengths' : `${r1(growth)}× (${a.chars.toLocaleString('en-US')} characters ${a.seconds} s, ${c.chars.toLocaleString('en-US')} characters ${c.seconds} s)` });
  }
  const kb = j.bundle.taskpaneGzipKB;
  out.push({ target: `task pane ≤ ${TARGETS.taskpaneGzipKB} KB gzip`, status: kb === null ? 'SKIPPED' : kb <= TARGETS.taskpaneGzipKB ? 'MET' : 'NOT MET', detail: kb === null ? j.bundle.error ?? 'not run' : `${kb} KB` });
  return out;
}

function pad(s, n, right = false) {
  s = String(s);
  const w = [...s].reduce((a, c) => a + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 2 : 1), 0);
  const fill = ' '.repeat(Math.max(0, n - w));
  return right ? fill + s : s + fill;
}

function printText(j, engine, bundle) {
  const p = (s = '') => process.stdout.write(`${s}\n`);
  const n = (x) => (x === null || x === undefined ? '—' : Number(x).toLocaleString('en-US'));
  p('指标校验 benchmark');
  p(`node ${process.version}, ${os.cpus().length} CPUs, ${Math.round(os.totalmem() / 1073741824)} GB, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  p();
  p('Engine: full default check (layout, cell/balance/range checks, rule pack, yoy, robust history, HB, structure)');
  p(`  ${pad('observations', 13, true)} ${pad('seconds', 9, true)} ${pad('obs/s', 10, true)} ${pad('peak MB', 8, true)} ${pad('input MB', 9, true)} ${pad('findings', 9, true)}  injected/found`);
  for (const s of j.engine.sizes) {
    if (s.error) p(`  ${pad(n(s.observations), 13, true)}  ${s.error}`);
    else p(`  ${pad(n(s.observations), 13, true)} ${pad(s.seconds.toFixed(2), 9, true)} ${pad(n(s.throughput), 10, true)} ${pad(n(s.peakMB), 8, true)} ${pad(n(s.inputMB), 9, true)} ${pad(n(s.findings), 9, true)}  injected ${s.injected}, found ${s.found}`);
  }
  for (const s of j.engine.sizes.filter((x) => x.runs)) p(`  ${n(s.observations)}: median of ${s.runs.length} runs, each in a fresh process: ${s.runs.map((x) => x.toFixed(2)).join(', ')} s`);
  const last = engine.sizes.filter((s) => !s.error).pop();
  if (last) {
    if (last.missed?.length) for (const m of last.missed) p(`  missed: ${m.kind} at ${m.cell} (${m.indicator}: ${JSON.stringify(m.before)} → ${JSON.stringify(m.after)})`);
    const other = Object.entries(last.unrelated ?? {});
    if (other.length) p(`  findings on clean cells at ${n(last.observations)}: ${other.map(([k, v]) => `${k} ${n(v)}`).join(', ')}`);
    p(`  rule pack: ${last.rulePack === 'in-engine' ? 'run by the engine' : last.rulePack === 'hook' ? 'run by the benchmark hook (engine does not run it yet)' : 'not available'}`);
  }
  p();
  if (j.read && j.read.sizes) {
    p('Reading .xlsx: full = ExcelJS non-streaming reader (readXlsx, the browser preview); stream = the CLI\'s streaming');
    p('reader (readXlsxStream, the same snapshot); ExcelJS WorkbookReader = rows iterated only, no grid. Default node heap,');
    p(`one child process each; a ${j.read.layout.split(',')[0]} workbook.`);
    p(`  ${pad('rows', 10, true)} ${pad('file MB', 8, true)}   ${pad('full', 22)} ${pad('stream', 22)} ExcelJS WorkbookReader`);
    const cell = (r) => pad(!r ? '—' : r.error ? `failed${r.seconds ? ` after ${r.seconds.toFixed(0)} s` : ''}` : `${r.seconds.toFixed(2)} s, ${n(r.peakMB)} MB`, 22);
    for (const x of j.read.sizes) {
      if (x.error) p(`  ${pad(n(x.rows), 10, true)}  ${x.error}`);
      else p(`  ${pad(n(x.rows), 10, true)} ${pad(x.fileMB, 8, true)}   ${cell(x.full)} ${cell(x.stream)} ${cell(x.exceljsStream).trim()}`);
      for (const [k, r] of [['full', x.full], ['stream', x.stream], ['WorkbookReader', x.exceljsStream]]) if (r && r.error) p(`  ${pad('', 10)} ${k}: ${r.error}`);
    }
    if (Array.isArray(j.read.samples)) p(`  bundled samples (median of repeated reads): ${j.read.samples.map((x) => `${x.file} ${x.KB} KB: full ${x.fullMs.toFixed(1)} ms, stream ${x.streamMs.toFixed(1)} ms`).join('; ')}`);
    else if (j.read.samples) p(`  bundled samples: ${j.read.samples.error}`);
    p();
  }
  if (j.checker && !j.checker.skipped) {
    const c = j.checker;
    p(`Web checker (dist/checker.html in Chromium${c.chromium ? ` ${c.chromium}` : ''}), the ${n(c.rows)}-row workbook picked and checked:`);
    if (c.error) p(`  ${c.error}`);
    else p(`  ${c.seconds.toFixed(2)} s from 开始校验 to the results (${n(c.findings)} findings); main thread: longest task ${Math.round(c.longestTaskMs)} ms, ${c.longTasks} tasks over 50 ms, ${Math.round(c.blockedMs)} ms in all`);
    p();
  }
  if (j.e2e && !j.e2e.skipped) {
    const e = j.e2e;
    p(`End to end, the same ${e.rows ? n(e.rows) : ''}-row workbook${e.fileMB ? ` (${e.fileMB} MB)` : ''}, side by side:`);
    if (e.error) p(`  ${e.error}`);
    else {
      p(`  CLI          ${e.cli.error ? e.cli.error : `${e.cli.seconds.toFixed(2)} s${e.cli.runs ? ` (median of ${e.cli.runs.length}: ${e.cli.runs.map((x) => x.toFixed(2)).join(', ')} s)` : ''}, peak ${n(e.cli.peakMB)} MB: process start, read, every check, ${n(e.cli.observations)} values, JSON report (${e.cli.reportMB} MB) written`}`);
      p(`  LibreOffice  ${e.libreoffice.skipped ? `skipped: ${e.libreoffice.skipped}` : e.libreoffice.error ? `error: ${e.libreoffice.error}` : `${e.libreoffice.seconds.toFixed(2)} s${e.libreoffice.runs ? ` (median of ${e.libreoffice.runs.length}: ${e.libreoffice.runs.map((x) => x.toFixed(2)).join(', ')} s)` : ''}: soffice --headless --convert-to csv (start-up, load, export; ${e.libreoffice.version})`}`);
      if (e.ratio) p(`  the CLI is ${e.ratio}× as fast as LibreOffice's bare load`);
    }
    p();
  }
  if (j.prose && !j.prose.skipped) {
    const x = j.prose;
    p('Report prose (checkReportText, built; one process):');
    if (x.error) p(`  ${x.error}`);
    else {
      p(`  corpus      ${x.corpus.passages} passages, ${n(x.corpus.chars)} characters, one call each: ${x.corpus.seconds.toFixed(2)} s in all; slowest ${x.corpus.slowest.file} (${n(x.corpus.slowest.chars)} characters) ${x.corpus.slowest.ms} ms`);
      p(`  one report  the same passages joined, ${n(x.report.chars)} characters: ${x.report.seconds.toFixed(2)} s, ${n(x.report.claims)} claims, ${n(x.report.findings)} findings`);
      p(`  one sentence without 。！？ or ；, a 其中 list repeated: ${x.sentences.map((s) => `${n(s.chars)} characters ${s.seconds.toFixed(2)} s`).join('; ')}`);
      p(`  one table  9,000 rows copied one cell a paragraph (${n(x.table.chars)} characters, ${n(x.table.rates)} rates checked): ${x.table.seconds.toFixed(2)} s`);
      if (x.shares) p(`  shares     9,000 rows numbered by 序号 with a 比例 column (${n(x.shares.chars)} characters, ${n(x.shares.rates)} shares checked): ${x.shares.seconds.toFixed(2)} s`);
      p(`  peak RSS ${n(x.peakMB)} MB`);
    }
    p();
  }
  p('Peers: the same checks as spreadsheet formulas (SUM per group vs total, rates vs 100 %, change ratios, negatives)');
  for (const [name, x] of Object.entries(j.peers)) {
    if (x.skipped || x.error) p(`  ${pad(name, 13)} ${x.skipped ? `skipped: ${x.skipped}` : `error: ${x.error}`}`);
    else p(`  ${pad(name, 13)} ${n(x.observations)} observations, ${n(x.formulas)} formulas, ${x.seconds.toFixed(2)} s${x.loadSeconds !== undefined ? ` (start-up + import alone ${x.loadSeconds.toFixed(2)} s)` : ''}, ${n(x.throughput)} obs/s, ${n(x.flags)} flags${x.found !== undefined ? `, injected rows flagged ${x.found}/${x.injected}` : ''}`);
  }
  p();
  p('Excel host (fake Excel, desktop): context.sync() calls');
  for (const [cells, v] of Object.entries(j.excel.perCall)) p(`  ${pad(n(cells), 10, true)} cells: ${v.error ? v.error : `readWorkbook ${v.readWorkbook}, applyMarks ${v.applyMarks} (${n(v.findings)} findings)`}`);
  if (Object.keys(j.excel.web.perCall).length > 0) {
    p('Excel host (fake Excel on the web: 5 MB per request/response, reads in ~4 MB blocks): context.sync() calls');
    for (const [cells, v] of Object.entries(j.excel.web.perCall)) p(`  ${pad(n(cells), 10, true)} cells: ${v.error ? v.error : `readWorkbook ${v.readWorkbook}, applyMarks ${v.applyMarks} (${n(v.findings)} findings)`}`);
  }
  p();
  if (bundle && !bundle.error) {
    p(`Bundle: task pane initial scripts (dist/taskpane.html, built ${bundle.built})`);
    for (const s of bundle.scripts) p(`  ${pad(s.file, 28)} ${s.missing ? 'missing' : `${pad(r1(s.KB), 7, true)} KB, ${pad(r1(s.gzipKB), 6, true)} KB gzip`}`);
    p(`  ${pad('total', 28)} ${pad(bundle.taskpaneKB, 7, true)} KB, ${pad(bundle.taskpaneGzipKB, 6, true)} KB gzip`);
  } else p(`Bundle: ${bundle ? bundle.error : 'skipped'}`);
  p();
  if (engine.profile) {
    p(`Where the engine's time goes at ${n(last?.observations)} observations (${engine.profile.file}):`);
    const only = (list) => list.filter((r) => !/^node:|engine-child\.js|^\(native\):\(program\)/.test(r.fn));
    printSummary({ totalMs: engine.profile.totalMs, self: only(engine.profile.self).slice(0, 15), total: only(engine.profile.total).slice(0, 15) }, p);
    p();
  }
  p('Targets');
  for (const t of targets(j)) p(`  ${pad(t.status, 8)} ${t.target}: ${t.detail}`);
  p();
  p('A benchmark, not a test: timings vary with the machine and its load; the exit code is 0.');
}

async function main() {
  ensureCliBuild();
  const t0 = Date.now();
  const engine = await benchEngine();
  const read = flag('--skip-read') ? undefined : await benchRead();
  const e2e = flag('--skip-e2e') ? undefined : await benchEndToEnd();
  const peers = flag('--skip-peers') ? undefined : await benchPeers();
  const excel = flag('--skip-excel') ? {} : await benchExcel();
  const bundle = flag('--skip-bundle') ? undefined : benchBundle();
  const prose = flag('--skip-prose') ? undefined : await benchProse();
  const checker = flag('--skip-checker') ? { skipped: 'not run (--skip-checker)' } : await benchChecker(bundle);
  const j = buildJson(engine, peers, excel, bundle);
  j.checker = checker;
  j.read = readJson(read);
  j.e2e = e2eJson(e2e);
  j.prose = proseJson(prose);
  j.targets = targets(j);
  log(`benchmark done in ${Math.round((Date.now() - t0) / 1000)} s`);
  if (JSON_MODE) process.stdout.write(`${JSON.stringify(j)}\n`);
  else printText(j, engine, bundle);
}

main().catch((e) => {
  log(`benchmark failed: ${e && e.stack ? e.stack : e}`);
  process.exitCode = 0;
});
