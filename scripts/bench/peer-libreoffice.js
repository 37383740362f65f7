'use strict';
// Peer: LibreOffice Calc headless recalculates the formula workbook (formulas.js), written with
// ExcelJS as .xlsx with formulas and NO cached results, and exports its first sheet (汇总, which
// sums every check of every year) to CSV.
//   node scripts/bench/peer-libreoffice.js --districts 100   → one JSON line on stdout
//
// Timed: one `soffice --headless --convert-to csv` of that workbook (start-up, xlsx import,
// recalculation, export). The same workbook with the check columns left out is converted too,
// so start-up and import can be told apart from the formulas (loadSeconds).
// A fresh profile in a temporary folder, set to always recalculate on load
// (Calc/Formula/Load OOXMLRecalcMode = 0), is warmed up first with a tiny file.
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { makePanel } = require('./panel');
const { formulaWorkbook } = require('./formulas');
const { arg, emit } = require('./util');

function findSoffice() {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

const RECALC_ITEM =
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n' +
  '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>\n';

function setAlwaysRecalc(profileDir) {
  const file = path.join(profileDir, 'user', 'registrymodifications.xcu');
  let xml = fs.existsSync(file)
    ? fs.readFileSync(file, 'utf8')
    : '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n</oor:items>\n';
  if (!xml.includes('OOXMLRecalcMode')) xml = xml.replace('</oor:items>', `${RECALC_ITEM}</oor:items>`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, xml);
}

async function writeXlsx(wb, file, withFormulas) {
  const ExcelJS = require('exceljs');
  const book = new ExcelJS.Workbook();
  for (const s of wb.sheets) {
    const ws = book.addWorksheet(s.name);
    for (const row of s.rows) {
      const out = new Array(row.length);
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === undefined || v === null) out[c] = null;
        else if (typeof v === 'object' && v.formula !== undefined) out[c] = withFormulas ? { formula: v.formula } : null;
        else if (typeof v === 'object') out[c] = { error: v.error };
        else out[c] = v;
      }
      ws.addRow(out);
    }
  }
  await book.xlsx.writeFile(file);
}

function convert(soffice, profileDir, file, outDir) {
  const t0 = process.hrtime.bigint();
  execFileSync(soffice, [`-env:UserInstallation=file://${profileDir}`, '--headless', '--norestore', '--convert-to', 'csv', '--outdir', outDir, file], {
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 600_000,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const csv = fs.readFileSync(path.join(outDir, `${path.basename(file, '.xlsx')}.csv`), 'utf8');
  return { seconds, csv };
}

async function main() {
  const districts = Number(arg('--districts', '100'));
  const soffice = findSoffice();
  if (!soffice) {
    emit({ peer: 'libreoffice', skipped: 'LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-calc' });
    return;
  }
  const version = (spawnSync(soffice, ['--version'], { encoding: 'utf8' }).stdout || '').trim();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-lo-'));
  const profileDir = path.join(tmp, 'profile');
  try {
    const panel = makePanel({ districts });
    const wb = formulaWorkbook(panel);
    const full = path.join(tmp, 'checks.xlsx');
    const bare = path.join(tmp, 'values.xlsx');
    await writeXlsx(wb, full, true);
    await writeXlsx(wb, bare, false);
    // Warm-up: creates the profile, then it is set to always recalculate.
    const tiny = path.join(tmp, 'tiny.xlsx');
    await writeXlsx({ sheets: [{ name: 'S', rows: [[1, { formula: 'A1+1' }]] }] }, tiny, true);
    convert(soffice, profileDir, tiny, tmp);
    setAlwaysRecalc(profileDir);
    const warm = convert(soffice, profileDir, tiny, tmp);
    if (warm.csv.trim() !== '1,2') throw new Error(`LibreOffice did not compute a formula (got ${JSON.stringify(warm.csv)})`);
    const load = convert(soffice, profileDir, bare, tmp);
    const run = convert(soffice, profileDir, full, tmp);
    // 汇总: year rows then 合计; the last row's second field is the number of flags.
    const lines = run.csv.trim().split(/\r?\n/);
    const flags = Number(lines[lines.length - 1].split(',')[1]);
    emit({
      peer: 'libreoffice',
      version,
      observations: wb.observations,
      formulas: wb.formulas,
      seconds: run.seconds,
      loadSeconds: load.seconds,
      flags: Number.isFinite(flags) ? flags : lines[lines.length - 1],
      xlsxMB: fs.statSync(full).size / 1048576,
    });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  emit({ peer: 'libreoffice', error: String(e && e.stack ? e.stack : e) });
});
