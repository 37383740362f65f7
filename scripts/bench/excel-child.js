'use strict';
// Excel host round trips: context.sync() calls of readWorkbook and applyMarks against the fake
// Excel (tests/fakes/fake-excel.ts), every requirement set supported.
//   node scripts/bench/excel-child.js --cells 1000000 [--platform desktop|web]   → one JSON line
// On the web every request and response must stay under 5 MB, so reads of large sheets take one
// more sync per ~4 MB of cells; desktop Excel has no such limit.
// The workbook is one numeric sheet of 20 columns (a text header row and label column); one
// finding per 100 cells, spread over the sheet, with all three severities.
const path = require('path');
const { register, ROOT } = require('./ts-require');
const { arg, emit } = require('./util');

register();
const { createFakeExcel } = require(path.join(ROOT, 'tests', 'fakes', 'fake-excel.ts'));
const { ExcelHost } = require(path.join(ROOT, 'src', 'hosts', 'excel', 'excel-host.ts'));

const COLS = 20;

function colLetters(i) {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheetSpec(name, rows) {
  const values = new Array(rows);
  let x = 12345;
  for (let r = 0; r < rows; r++) {
    const row = new Array(COLS);
    for (let c = 0; c < COLS; c++) {
      if (r === 0) row[c] = `指标${c}`;
      else if (c === 0) row[c] = `单位${r}`;
      else {
        x = (x * 1103515245 + 12345) % 2147483648;
        row[c] = (x % 1000000) / 100;
      }
    }
    values[r] = row;
  }
  return { name, blocks: [{ at: 'A1', values }] };
}

async function main() {
  const cells = Number(arg('--cells', '1000'));
  const rows = Math.max(2, Math.round(cells / COLS));
  const platform = arg('--platform', 'desktop') === 'web' ? 'web' : 'desktop';
  const fake = createFakeExcel([sheetSpec('数据', rows)], { platform });
  const host = new ExcelHost((b) => fake.run(b), { platform, isSetSupported: () => true });
  const severities = ['error', 'warning', 'info'];
  const n = Math.max(1, Math.floor((rows * COLS) / 100));
  const findings = Array.from({ length: n }, (_, i) => {
    const k = Math.floor((i * rows * COLS) / n);
    const r = 1 + (Math.floor(k / COLS) % (rows - 1));
    const c = 1 + (k % (COLS - 1));
    return {
      ruleId: 'bench',
      severity: severities[i % 3],
      cells: [{ sheet: '数据', address: `${colLetters(c)}${r + 1}` }],
      message: { 'zh-CN': '基准', 'en-US': 'bench' },
    };
  });
  let before = fake.syncCount;
  let t0 = process.hrtime.bigint();
  const snap = await host.readWorkbook();
  const readSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const read = fake.syncCount - before;
  const readCells = snap.sheets.reduce((s, g) => s + g.values.reduce((a, r) => a + r.length, 0), 0);
  before = fake.syncCount;
  t0 = process.hrtime.bigint();
  await host.applyMarks(findings);
  const marksSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const marks = fake.syncCount - before;
  emit({ platform, cells: rows * COLS, readCells, findings: n, read, marks, readSeconds, marksSeconds });
}

main().catch((e) => emit({ error: String(e && e.stack ? e.stack : e) }));
