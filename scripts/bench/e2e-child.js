'use strict';
// End to end on one workbook, side by side in one run:
//   node scripts/bench/e2e-child.js --file F.xlsx [--runs 1]   → one JSON line on stdout
//
//   cli          `node build/cli/src/cli/index.js F.xlsx --format json --out OUT` in a fresh
//                process: process start, reading, every check, the JSON report written. Wall
//                time from spawn to exit and the process's peak RSS (scripts/bench/peak-hook.js).
//                With --runs N, the median of N runs (the peak is the highest).
//   libreoffice  `soffice --headless --convert-to csv` of the same file: start-up, loading the
//                .xlsx and exporting its first sheet, with a fresh profile that a tiny file has
//                warmed up first (creating a profile is not timed). Run as often as the CLI, in
//                turns with it; the median. Skipped, and said so, when LibreOffice is not
//                installed (it is never installed by the benchmark).
const { spawn, spawnSync, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { arg, emit } = require('./util');

const ROOT = path.resolve(__dirname, '..', '..');

function findSoffice() {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

function runCli(file, out, peakFile) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', path.join(__dirname, 'peak-hook.js'), path.join(ROOT, 'build', 'cli', 'src', 'cli', 'index.js'), file, '--format', 'json', '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, BENCH_PEAK_FILE: peakFile },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const peak = fs.existsSync(peakFile) ? Number(fs.readFileSync(peakFile, 'utf8')) : NaN;
      // 0 (no error) or 1 (error findings) both mean the report was written.
      if ((code !== 0 && code !== 1) || !fs.existsSync(out)) return resolve({ error: `exit ${code}: ${err.trim().split('\n').slice(-3).join(' ')}` });
      const json = JSON.parse(fs.readFileSync(out, 'utf8'));
      const f = json.files[0];
      resolve({ seconds, peakMB: peak / 1048576, findings: f.findings.length, observations: (f.sheets ?? []).reduce((n, s) => n + (s.observations ?? 0), 0), reportMB: fs.statSync(out).size / 1048576 });
    });
  });
}

/**
 * LibreOffice, started once to create its profile (a tiny file, not timed); then `convert(file)`
 * times one headless load and CSV export of the file. Undefined members when it is not installed.
 */
function libreoffice(tmp) {
  const soffice = findSoffice();
  if (!soffice) return { skipped: 'LibreOffice (soffice) is not installed; the benchmark does not install it' };
  const version = (spawnSync(soffice, ['--version'], { encoding: 'utf8' }).stdout || '').trim();
  const profile = path.join(tmp, 'lo-profile');
  const convert = (f) => {
    const t0 = process.hrtime.bigint();
    execFileSync(soffice, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'csv', '--outdir', tmp, f], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 1_800_000 });
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const tinyXlsx = path.join(ROOT, 'samples', fs.readdirSync(path.join(ROOT, 'samples')).find((x) => x.endsWith('.xlsx')));
  convert(tinyXlsx);
  return { version, convert };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];

async function main() {
  const file = arg('--file');
  const runs = Math.max(1, Number(arg('--runs', '1')) || 1);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-e2e-'));
  try {
    // The CLI and LibreOffice take turns, run by run, so that a slower spell of the machine
    // falls on both; each side's figure is its median.
    let lo;
    try {
      lo = libreoffice(tmp);
    } catch (e) {
      lo = { error: String(e && e.message ? e.message : e).split('\n')[0] };
    }
    const each = [];
    const loTimes = [];
    for (let k = 0; k < runs; k++) {
      const r = await runCli(file, path.join(tmp, `report-${k}.json`), path.join(tmp, `peak-${k}`));
      each.push(r);
      if (r.error) break;
      if (lo.convert) {
        try {
          loTimes.push(lo.convert(file));
        } catch (e) {
          lo = { error: String(e && e.message ? e.message : e).split('\n')[0] };
        }
      }
    }
    const failed = each.find((r) => r.error);
    const byTime = [...each].sort((a, b) => a.seconds - b.seconds);
    const cli = failed ?? { ...byTime[(byTime.length - 1) >> 1], peakMB: Math.max(...each.map((r) => r.peakMB)), runs: each.map((r) => r.seconds) };
    let libre = lo;
    if (lo.convert && loTimes.length) {
      const csv = path.join(tmp, `${path.basename(file, '.xlsx')}.csv`);
      const lines = fs.existsSync(csv) ? fs.readFileSync(csv, 'utf8').split('\n').filter(Boolean).length : 0;
      libre = { seconds: median(loTimes), runs: loTimes, version: lo.version, csvLines: lines };
    }
    emit({ file: path.basename(file), fileMB: fs.statSync(file).size / 1048576, cli, libreoffice: libre });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => emit({ error: String(e && e.stack ? e.stack : e) }));
