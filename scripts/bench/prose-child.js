'use strict';
// The prose reader (src/core/text, built into build/cli) in a fresh process:
//   node scripts/bench/prose-child.js   → one JSON line
//
// Three measurements, each of checkReportText only (its modules are loaded first, not timed):
//   corpus     every passage of tests/fixtures/prose, one call each: the total time and the slowest
//   report     the same passages joined into one long report, one call
//   sentences  one run of text without 。！？, line ends or ；, made of a 其中 list of figures
//              repeated, at growing lengths: the time should grow with the length, not its square
//   table      a table copied one cell a paragraph: 9,000 rows of counts, every third a rate row
//   shares     a table numbered by 序号 with a 比例 column: 9,000 rows, each share of the 合计 row,
//              whose counts fall short of it (every window of rows is tried as a run of parts)
// and the process's peak RSS over all of it.
const fs = require('fs');
const path = require('path');
const { arg, emit, startSampler, MB } = require('./util');

const ROOT = path.resolve(__dirname, '..', '..');
const { checkReportText } = require(path.join(ROOT, 'build', 'cli', 'src', 'core', 'text', 'index.js'));

function corpusTexts() {
  const dir = path.join(ROOT, 'tests', 'fixtures', 'prose');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: f, text: JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')).text }));
}

/** One sentence of `chars` characters: 共计N件 and then 其中第i类x件（含y件）… with no sentence end. */
function longSentence(chars) {
  let s = '';
  for (let i = 0; s.length < chars; i++) s += `其中第${i}类${((i * 7) % 97) + 3}件（含${i % 5}件），`;
  return `全年共计${s.length}件，${s}。`;
}

/** A table as a web page's copy gives it, each cell a paragraph: counts and, every third row, rates. */
function bigTable(groups) {
  const rows = [['指标', '甲', '乙', '丙', '丁', '戊']];
  for (let i = 0; i < groups; i++) {
    const a = 1000 + i;
    const b = 900 + i;
    rows.push([`户数${i}`, ...Array(5).fill(a)], [`合格数${i}`, ...Array(5).fill(b)], ['合格率(%)', ...Array(5).fill(((100 * b) / a).toFixed(2))]);
  }
  return rows.flat().join('\n\n');
}

/** 序号 ⏎ 单位 ⏎ 数量 ⏎ 比例, then 9,000 rows and a 合计 row five above their sum. */
function shareTable(rows) {
  const counts = Array.from({ length: rows }, (_, i) => 1 + (i % 7));
  const total = counts.reduce((a, b) => a + b, 0) + 5;
  const cells = ['序号', '单位', '数量', '比例'];
  counts.forEach((v, i) => cells.push(String(i + 1), `单位${i}`, String(v), `${((100 * v) / total).toFixed(2)}%`));
  cells.push(String(rows + 1), '合计', String(total), '100%');
  return cells.join('\n\n');
}

const seconds = (f) => {
  const t0 = process.hrtime.bigint();
  const out = f();
  return { s: Number(process.hrtime.bigint() - t0) / 1e9, out };
};

async function main() {
  const sampler = startSampler();
  const passages = corpusTexts();
  checkReportText(passages[0].text, 'warm-up');
  let total = 0;
  let chars = 0;
  let slowest = { file: '', ms: 0 };
  for (const p of passages) {
    const { s } = seconds(() => checkReportText(p.text, p.file));
    total += s;
    chars += p.text.length;
    if (s * 1000 > slowest.ms) slowest = { file: p.file, ms: s * 1000, chars: p.text.length };
  }
  const joined = passages.map((p) => p.text).join('\n\n');
  const report = seconds(() => checkReportText(joined, 'joined'));
  const sizes = (arg('--sentence-chars', '10000,20000,40000') || '').split(',').map(Number).filter((n) => n > 0);
  const sentences = sizes.map((n) => {
    const text = longSentence(n);
    const { s, out } = seconds(() => checkReportText(text, 'long'));
    return { chars: text.length, seconds: s, claims: out.claims.length };
  });
  const tableText = bigTable(3000);
  const table = seconds(() => checkReportText(tableText, 'table'));
  const sharesText = shareTable(9000);
  const shares = seconds(() => checkReportText(sharesText, 'shares'));
  const peak = await sampler.stop();
  emit({
    corpus: { passages: passages.length, chars, seconds: total, slowest },
    report: { chars: joined.length, seconds: report.s, claims: report.out.claims.length, findings: report.out.findings.length },
    sentences,
    table: { chars: tableText.length, seconds: table.s, rates: table.out.rates.length },
    shares: { chars: sharesText.length, seconds: shares.s, rates: shares.out.rates.length },
    peakMB: MB(Math.max(peak, process.resourceUsage().maxRSS * 1024)),
  });
}

main().catch((e) => {
  emit({ error: String(e && e.stack ? e.stack : e) });
});
