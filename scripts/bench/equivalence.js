'use strict';
// Engine equivalence snapshot: runs the engine of one compiled build over the sample workbooks,
// synthetic panels (clean, with injected errors, and a "messy" one with every kind of cell text
// and label the reader handles) and the cross-file panel of the samples, and writes everything
// the engine says — findings (ids, cells, messages, order), sheet reports, the model's rows and
// observations, the history panel — as JSON. Two snapshots are compared to check that an
// optimisation changed nothing a user or a caller can see.
//
//   node scripts/bench/equivalence.js --build build/cli --out /tmp/eq-after.json [--districts 30]
//   node scripts/bench/equivalence.js --compare /tmp/eq-before.json /tmp/eq-after.json
//
// --build is the root of a `tsc -p scripts/tsconfig.cli.json` output (it holds src/core and
// src/hosts). Not a test: a tool for work on the engine's speed.
const fs = require('fs');
const path = require('path');
const { makePanel, prng } = require('./panel');
const { arg } = require('./util');

const ROOT = path.resolve(__dirname, '..', '..');

function canonical(v) {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const out = {};
    for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = canonical(v[k]);
    return out;
  }
  return v;
}

/** A panel with the cell texts, labels and units staff really type, at seeded-random places. */
function messyPanel(seed) {
  const p = makePanel({ districts: 12, years: 6, seed });
  const rnd = prng(seed * 7 + 1);
  const texts = [
    (v) => `${v}余`,
    (v) => `约${v}`,
    () => '—',
    () => '无',
    () => '',
    () => null,
    (v) => String(v),
    (v) => `${v}件`,
    (v) => (typeof v === 'number' ? v.toLocaleString('en-US') : v),
    (v) => (typeof v === 'number' ? `${v}`.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : v),
    () => '十二',
    () => ({ error: '#N/A' }),
    () => '见附件',
    (v) => (typeof v === 'number' ? v + 0.5 : v),
    (v) => (typeof v === 'number' ? -v : v),
    () => true,
    (v) => (typeof v === 'number' ? `${v}%` : v),
    (v) => (typeof v === 'number' ? `${(v / 10000).toFixed(2)}万元` : v),
  ];
  const labels = [(l) => ` ${l}`, (l) => `${l}：`, (l) => `（一）${l}`, (l) => `1.${l}`, (l) => `其中：${l.trim()}`, (l) => `${l}等`];
  const periods = [(y) => `${y}年`, (y) => `${y}年度`, (y) => `${y}年1-10月`, () => '未知', (y) => String(y)];
  const units = [() => '万元', () => '元', () => '%', () => '', () => null, () => '（户）'];
  for (const sheet of p.snapshot.sheets) {
    for (let r = 1; r < sheet.values.length; r++) {
      const row = sheet.values[r];
      if (rnd() < 0.06) row[3] = texts[Math.floor(rnd() * texts.length)](row[3]);
      if (rnd() < 0.01) row[2] = labels[Math.floor(rnd() * labels.length)](row[2]);
      if (rnd() < 0.005) row[1] = periods[Math.floor(rnd() * periods.length)](row[1]);
      if (rnd() < 0.01) row[4] = units[Math.floor(rnd() * units.length)]();
      if (rnd() < 0.003) row[0] = rnd() < 0.5 ? '' : `${row[0]} `;
    }
    // Number formats and indents on a few cells.
    sheet.numberFormats = sheet.values.map((row, r) => row.map((_, c) => (c === 3 && r % 97 === 5 ? '0.00' : c === 3 && r % 89 === 7 ? '0.0%' : 'General')));
    sheet.indents = sheet.values.map((row, r) => row.map((_, c) => (c === 2 && r % 53 === 11 ? 1 : 0)));
  }
  // A name repeated under two parents (qualified series keys): 学校卫生 becomes 医院 in one sheet.
  for (const row of p.snapshot.sheets[2].values) if (typeof row[2] === 'string' && row[2].endsWith('学校卫生')) row[2] = row[2].replace('学校卫生', '医院');
  // A duplicated row, a 校验说明-like own sheet, a hidden sheet.
  const s0 = p.snapshot.sheets[0];
  s0.values.splice(40, 0, s0.values[39].slice());
  p.snapshot.sheets[1].visibility = 'hidden';
  return p.snapshot;
}

/** A clean panel with one-keystroke typos (swapped, substituted, dropped digits) in count cells. */
function typoPanel(seed) {
  const p = makePanel({ districts: 10, years: 3, seed, inject: false });
  const rnd = prng(seed * 13 + 5);
  for (const sheet of p.snapshot.sheets) {
    for (let r = 1; r < sheet.values.length; r++) {
      const v = sheet.values[r][3];
      if (!Number.isInteger(v) || v < 10 || rnd() > 0.02) continue;
      const s = String(v);
      const i = Math.floor(rnd() * (s.length - 1));
      const k = rnd();
      const t = k < 0.4 ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : k < 0.8 ? s.slice(0, i) + ((Number(s[i]) + 1) % 10) + s.slice(i + 1) : s.slice(0, i) + s.slice(i + 1);
      sheet.values[r][3] = Number(t);
    }
  }
  return p.snapshot;
}

/**
 * Builds with the columnar model (model-data.ts): the arrays the checks read must say what the
 * observation and row objects say. Returns the number of disagreements (printed).
 */
function verifyColumns(name, model) {
  const d = model.data;
  if (!d) return 0;
  const KINDS = ['count', 'rate', 'money', 'other'];
  const PK = ['number', 'approx', 'missing', 'error', 'text'];
  let bad = 0;
  const report = (what) => {
    if (bad++ < 5) console.log(`  ${name}: ${what}`);
  };
  model.observations.forEach((o, i) => {
    const v = d.obsValue[i];
    if (o.value === undefined ? v === v : !Object.is(o.value, v)) report(`obs ${i} value ${o.value} vs ${v}`);
    if (o.step !== d.stepOf(i)) report(`obs ${i} step ${o.step} vs ${d.stepOf(i)}`);
    const f = d.obsFlags[i];
    if (PK[f & 7] !== o.parsed.kind || Boolean(f & 8) !== o.approximate || KINDS[(f >> 4) & 3] !== o.kind) report(`obs ${i} flags ${f} vs ${o.parsed.kind}/${o.approximate}/${o.kind}`);
    if (d.entities.list[d.entityOf(i)] !== o.entity || d.periods.list[d.periodOf(i)] !== o.period) report(`obs ${i} entity/period`);
    if (d.idOf(d.rowOf(i)) !== o.rowId || d.address(i) !== o.address) report(`obs ${i} row/address`);
  });
  [...model.rows.values()].forEach((r, i) => {
    const li = d.labels[d.rowLabel[i]];
    if (d.idOf(i) !== r.id || li.label !== r.label || li.key !== r.key || li.partial !== r.partial || d.unitName(d.rowUnit[i]) !== r.unit) report(`row ${i}`);
    const c = d.codeOf(i);
    if ((c < 0 ? undefined : d.codes.list[c]) !== r.code) report(`row ${i} code`);
    const p = d.rowParent[i];
    if ((p < 0 ? undefined : d.idOf(p)) !== r.parent) report(`row ${i} parent`);
    const start = d.obsStart(i);
    for (let k = start; k < d.obsEnd(i); k++) if (d.rowOf(d.obsAt(k)) !== i) report(`row ${i} observation ${k}`);
  });
  if (bad) console.log(`  ${name}: ${bad} column/object disagreements`);
  return bad;
}

/** Two workbooks that both cover a year, with different figures here and there (history.conflict). */
function conflictBooks(seed) {
  const a = makePanel({ districts: 8, years: 5, seed }).snapshot;
  const b = JSON.parse(JSON.stringify({ name: 'b.xlsx', sheets: a.sheets.slice(3) }));
  const rnd = prng(seed + 99);
  for (const sh of b.sheets) for (let r = 1; r < sh.values.length; r++) if (rnd() < 0.03 && typeof sh.values[r][3] === 'number') sh.values[r][3] += 1 + Math.floor(rnd() * 50);
  // The same workbook with a copy of its last sheet, changed: conflicts inside one check.
  const c = JSON.parse(JSON.stringify({ name: 'c.xlsx', sheets: [...a.sheets, { ...b.sheets[1], name: `${b.sheets[1].name}(2)` }] }));
  return { a: { ...a, name: 'a.xlsx' }, b, c };
}

function modelSummary(model) {
  return {
    sheets: model.sheets.map((s) => ({
      sheet: s.sheet,
      layout: s.layout,
      notes: s.notes,
      rows: s.rows.map((r) => canonical({ ...r })),
      observations: s.observations.map((o) => canonical({ ...o })),
    })),
    rows: model.rows.size,
    byRow: [...model.byRow].map(([id, m]) => [id, [...m.keys()]]),
    children: [...model.children].map(([id, list]) => [id, list.map((r) => r.id)]),
    observations: model.observations.length,
  };
}

function panelSummary(panel) {
  return canonical({ ...panel, series: panel.series.map((s) => ({ ...s, points: s.points.map((p) => ({ ...p, cell: { ...p.cell } })) })) });
}

async function snapshot(build, districts) {
  const core = path.join(build, 'src', 'core');
  const engine = require(path.join(core, 'engine.js'));
  const history = require(path.join(core, 'history', 'index.js'));
  const { readXlsx } = require(path.join(build, 'src', 'hosts', 'xlsx', 'read-xlsx.js'));
  const out = {};
  const models = [];
  const dir = path.join(ROOT, 'samples');
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith('.xlsx')).sort()) {
    const snap = await readXlsx(fs.readFileSync(path.join(dir, f)), f);
    const { result, model } = engine.checkWorkbookWithModel(snap, {});
    out[`sample:${f}`] = { result, model: modelSummary(model) };
    verifyColumns(f, model);
    const noHistory = engine.checkWorkbookWithModel(snap, { history: false });
    models.push({ file: f, model: noHistory.model });
    out[`sample-nohistory:${f}`] = noHistory.result.findings;
  }
  const cross = history.buildPanel(models);
  out['samples:panel'] = panelSummary(cross);
  out['samples:anomalies'] = history.detectAnomalies(cross);
  out['samples:anomalies-all'] = history.detectAnomalies(cross, { allPeriods: true });
  {
    const { a, b, c } = conflictBooks(4);
    const ma = engine.checkWorkbookWithModel(a, { history: false }).model;
    const mb = engine.checkWorkbookWithModel(b, { history: false }).model;
    const p2 = history.buildPanel([{ file: 'x/a.xlsx', model: ma }, { file: 'y/b.xlsx', model: mb }]);
    out['conflicts:panel'] = panelSummary(p2);
    out['conflicts:anomalies'] = history.detectAnomalies(p2, { allPeriods: true });
    out['conflicts:same-file'] = engine.checkWorkbookWithModel(c, {}).result;
  }
  const cases = [
    ['panel', makePanel({ districts }).snapshot, {}],
    ['panel-clean', makePanel({ districts: 10, inject: false, seed: 5 }).snapshot, {}],
    ['panel-seed2', makePanel({ districts: Math.max(6, districts >> 1), years: 4, seed: 2 }).snapshot, { history: { allPeriods: true } }],
    ['panel-base-period', makePanel({ districts: 8, years: 5, seed: 7 }).snapshot, { history: { basePeriod: '2016', currentPeriod: '2018' } }],
    ['panel-current-period', makePanel({ districts: 8, years: 5, seed: 8 }).snapshot, { history: { currentPeriod: '2017', yoy: { relative: { count: 0.02 } } } }],
    ['messy-1', messyPanel(1), {}],
    ['messy-2', messyPanel(2), { history: { allPeriods: true } }],
    ['messy-3', messyPanel(3), {}],
    ['typos-1', typoPanel(1), {}],
    ['typos-2', typoPanel(2), {}],
  ];
  for (const [name, snap, opts] of cases) {
    const { result, model } = engine.checkWorkbookWithModel(snap, opts);
    out[name] = { result, model: name === 'panel' ? { observations: model.observations.length } : modelSummary(model) };
    verifyColumns(name, model);
    if (name.startsWith('messy')) out[`${name}:panel`] = panelSummary(history.buildPanel([{ file: snap.name, model }]));
  }
  return out;
}

function compare(a, b) {
  const A = JSON.parse(fs.readFileSync(a, 'utf8'));
  const B = JSON.parse(fs.readFileSync(b, 'utf8'));
  let bad = 0;
  for (const k of new Set([...Object.keys(A), ...Object.keys(B)])) {
    const x = JSON.stringify(A[k]);
    const y = JSON.stringify(B[k]);
    if (x === y) {
      console.log(`same     ${k} (${x.length} chars)`);
      continue;
    }
    bad++;
    let i = 0;
    while (i < Math.min(x?.length ?? 0, y?.length ?? 0) && x[i] === y[i]) i++;
    console.log(`DIFFERS  ${k} at char ${i}:\n  before …${x?.slice(Math.max(0, i - 200), i + 200)}\n  after  …${y?.slice(Math.max(0, i - 200), i + 200)}`);
  }
  console.log(bad === 0 ? 'EQUIVALENT' : `${bad} DIFFERENT`);
  process.exitCode = bad === 0 ? 0 : 1;
}

if (process.argv.includes('--compare')) {
  const i = process.argv.indexOf('--compare');
  compare(process.argv[i + 1], process.argv[i + 2]);
} else {
  const build = path.resolve(arg('--build', path.join(ROOT, 'build', 'cli')));
  const outFile = arg('--out', '/tmp/eq.json');
  snapshot(build, Number(arg('--districts', '30'))).then(
    (o) => {
      fs.writeFileSync(outFile, JSON.stringify(o));
      console.log(`wrote ${outFile} (${Object.keys(o).length} cases)`);
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
