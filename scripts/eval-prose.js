'use strict';
// Scores the prose reader (src/core/text) on the corpus of real report passages in
// tests/fixtures/prose/*.json: each file holds a passage as published and the total-and-parts
// claims a careful reader finds in it, with the arithmetic and the verdict written by hand.
//
//   npm run eval:prose            → the figures, then each missed or misjudged claim
//   node scripts/eval-prose.js --json
//   npm run eval:prose -- --dir tests/fixtures/prose-unseen
//                                 → the same over another folder: passages kept apart from the
//                                   tuning corpus, whose score stays a first score
//
// Recall: expected claims found with the same total and the same parts (as a multiset; parts of
// zero are left out on both sides; a claim's parts marked as overlapping the others may be left out).
// Verdict accuracy: of those found, the share whose severity (ok / warning / error) is the
// expected one. False errors: claims reported as errors where the passage has no such error.
// Shares and rates (占比 67.5%, 办结率 98.94%) and the report period are scored the same way
// where a fixture lists them.
//
// The jest test tests/text-corpus.test.ts calls evaluate() with the TypeScript module; run as a
// script, the TypeScript sources are loaded through scripts/bench/ts-require.js.
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const CORPUS = path.join(ROOT, 'tests', 'fixtures', 'prose');

/** Every corpus file, parsed, in the order of their numbers. */
function loadCorpus(dir = CORPUS) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((f) => ({ file: f, ...JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) }));
}

/** Severity of a claim's verdict, as the findings report it. */
function severityOf(verdict) {
  if (verdict === 'exceeds' || verdict === 'short') return 'error';
  if (verdict === 'short-partial' || verdict === 'overlap' || verdict === 'mixed-units') return 'warning';
  return 'ok';
}

const near = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
// A figure of 万 or 亿 may be written in a fixture as stated (505.45 for 505.45万人) while the reader
// gives base units (5054500): the same figure.
const sameFigure = (a, b) => near(a, b) || near(a, b * 1e4) || near(a, b * 1e8) || near(a * 1e4, b) || near(a * 1e8, b);

// Parts of zero (甲类无发病, 纠错0件) add nothing to the sum, and a reader may or may not list one
// written in words: they are left out of the comparison on both sides, so a claim is found when its
// total and its non-zero parts are the expected ones.
const nonZero = (ps) => (ps.some((v) => v !== 0) ? ps.filter((v) => v !== 0) : ps);

// A claim's percentages are fractions (0.302 for 30.2%); the fixtures write them as printed, in per cent.
const shown = (x) => (x.unit === '%' ? Number((x.value * 100).toPrecision(12)) : x.value);

function sameParts(a, b) {
  a = nonZero(a);
  b = nonZero(b);
  if (a.length !== b.length) return false;
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  return x.every((v, i) => sameFigure(v, y[i]));
}

/** Severity of a produced share or rate check (older readers have none). */
function rateSeverity(r) {
  if (r.verdict === 'mismatch') return 'error';
  if (r.verdict === 'forced') return 'warning';
  return 'ok';
}

/**
 * Scores `check` (checkReportText) on the corpus. Returns the totals and one row per passage with
 * what was missed, misjudged or reported as a false error.
 */
function evaluate(check, corpus = loadCorpus()) {
  const t = { passages: corpus.length, expected: 0, found: 0, rightVerdict: 0, produced: 0, extra: 0, falseErrors: 0, errorsExpected: 0,
    shares: 0, sharesFound: 0, sharesRight: 0, periods: 0, periodsRight: 0 };
  const rows = [];
  for (const p of corpus) {
    const r = check(p.text, p.file);
    const claims = r.claims;
    const used = new Set();
    const row = { file: p.file, missed: [], misjudged: [], falseErrors: [], extra: [], shares: [] };
    for (const e of p.claims) {
      t.expected++;
      if (e.verdict === 'error') t.errorsExpected++;
      // The parts as the fixture writes them: all of the claim's, or, where the claim marks some as
      // overlapping the rest (a leading subset that makes the total, then another dimension), the others.
      const own = (c) => c.parts.filter((x) => !x.overlap).map(shown);
      const i = claims.findIndex((c, k) => !used.has(k) && sameFigure(shown(c.total), e.total) && (sameParts(c.parts.map(shown), e.parts) || (c.parts.some((x) => x.overlap) && sameParts(own(c), e.parts))));
      if (i < 0) {
        row.missed.push(e);
        continue;
      }
      used.add(i);
      t.found++;
      const sev = severityOf(claims[i].verdict);
      if (sev === e.verdict) t.rightVerdict++;
      else row.misjudged.push({ expected: e, got: claims[i].verdict, note: claims[i].note });
      if (sev === 'error' && e.verdict !== 'error') row.falseErrors.push({ total: claims[i].total.value, parts: claims[i].parts.map((x) => x.value), verdict: claims[i].verdict });
    }
    claims.forEach((c, k) => {
      t.produced++;
      if (used.has(k)) return;
      t.extra++;
      row.extra.push({ total: shown(c.total), parts: c.parts.map(shown), verdict: c.verdict });
      if (severityOf(c.verdict) === 'error') row.falseErrors.push({ total: c.total.value, parts: c.parts.map((x) => x.value), verdict: c.verdict });
    });

    const checks = r.rates ?? [];
    const matchedR = new Map(); // check index → expected share
    for (const s of [...(p.shares ?? []), ...(p.rates ?? [])]) {
      t.shares++;
      const i = checks.findIndex(
        (c, k) => !matchedR.has(k) && Math.abs(c.stated.value - s.stated) < 1e-9 && sameFigure(c.numerator.value, s.numerator) && sameFigure(c.denominator.value, s.denominator),
      );
      if (i < 0) {
        row.shares.push({ missed: s });
        continue;
      }
      matchedR.set(i, s);
      t.sharesFound++;
      if (rateSeverity(checks[i]) === s.verdict) t.sharesRight++;
      else row.shares.push({ misjudged: s, got: checks[i].verdict });
    }
    checks.forEach((c, k) => {
      const s = matchedR.get(k);
      if (rateSeverity(c) === 'error' && (!s || s.verdict !== 'error')) row.falseErrors.push({ rate: c.text, verdict: c.verdict });
    });
    t.falseErrors = rows.reduce((n, x) => n + x.falseErrors.length, row.falseErrors.length);

    if (p.period) {
      t.periods++;
      const got = r.period;
      const ok = got && got.from === p.period.from && got.to === p.period.to && (p.period.year == null || got.year === p.period.year);
      if (ok) t.periodsRight++;
      else row.period = { expected: p.period, got: got ? { year: got.year, from: got.from, to: got.to } : null };
    }
    rows.push(row);
  }
  const pct = (a, b) => (b === 0 ? 100 : Math.round((1000 * a) / b) / 10);
  return {
    totals: t,
    recall: pct(t.found, t.expected),
    verdictAccuracy: pct(t.rightVerdict, t.found),
    foundWithRightVerdict: pct(t.rightVerdict, t.expected),
    falseErrors: t.falseErrors,
    shareRecall: pct(t.sharesFound, t.shares),
    shareAccuracy: pct(t.sharesRight, t.sharesFound),
    periodAccuracy: pct(t.periodsRight, t.periods),
    rows,
  };
}

/** The headline figures of one result on one line each, under a heading. */
function printFigures(result, heading, out) {
  const t = result.totals;
  out(heading);
  out(`  claims found with the right verdict ${result.foundWithRightVerdict}% (${t.rightVerdict}/${t.expected}), recall ${result.recall}%, false errors ${result.falseErrors}, shares/rates right ${t.sharesRight}/${t.shares}, periods ${t.periodsRight}/${t.periods}`);
}

/**
 * Passages kept out of the reader's tuning when they were collected ("heldOut": true), by batch
 * ("batch", 1 when absent): each batch's figures show how the reader does on text written
 * without it in view. A batch's first score is the one that counts; once the reader has been
 * mended on a batch's misses, that batch is no longer unseen.
 */
function heldOutBatches(corpus) {
  const batches = new Map();
  for (const p of corpus) {
    if (!p.heldOut) continue;
    const b = p.batch ?? 1;
    if (!batches.has(b)) batches.set(b, []);
    batches.get(b).push(p);
  }
  return [...batches.entries()].sort((a, b) => a[0] - b[0]);
}

function print(result, out = console.log) {
  const t = result.totals;
  out(`Corpus: ${t.passages} passages, ${t.expected} claims (${t.errorsExpected} expected errors), ${t.shares} shares/rates, ${t.periods} periods`);
  out(`Recall of claims:           ${result.recall}% (${t.found}/${t.expected})`);
  out(`Verdict accuracy (found):   ${result.verdictAccuracy}% (${t.rightVerdict}/${t.found})`);
  out(`Found with right verdict:   ${result.foundWithRightVerdict}% (${t.rightVerdict}/${t.expected})`);
  out(`False errors:               ${result.falseErrors}`);
  out(`Claims not in the corpus:   ${t.extra} of ${t.produced} produced`);
  out(`Shares/rates found:         ${result.shareRecall}% (${t.sharesFound}/${t.shares}), right verdict ${result.shareAccuracy}% (${t.sharesRight}/${t.sharesFound})`);
  out(`Period detected:            ${result.periodAccuracy}% (${t.periodsRight}/${t.periods})`);
  for (const r of result.rows) {
    const lines = [];
    for (const m of r.missed) lines.push(`  missed    ${m.total} = ${m.parts.join(' + ')} (${m.verdict})`);
    for (const m of r.misjudged) lines.push(`  verdict   ${m.expected.total} = ${m.expected.parts.join(' + ')}: expected ${m.expected.verdict}, got ${m.got}`);
    for (const f of r.falseErrors) lines.push(`  FALSE ERR ${JSON.stringify(f)}`);
    for (const x of r.extra) lines.push(`  extra     ${x.total} = ${x.parts.join(' + ')} (${x.verdict})`);
    for (const s of r.shares) lines.push(`  share     ${JSON.stringify(s)}`);
    if (r.period) lines.push(`  period    expected ${JSON.stringify(r.period.expected)}, got ${JSON.stringify(r.period.got)}`);
    if (lines.length) out([r.file, ...lines].join('\n'));
  }
}

module.exports = { evaluate, loadCorpus, print, severityOf, heldOutBatches };

if (require.main === module) {
  require('./bench/ts-require').register();
  const { checkReportText } = require(path.join(ROOT, 'src', 'core', 'text'));
  const i = process.argv.indexOf('--dir');
  const corpus = loadCorpus(i > 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : CORPUS);
  const result = evaluate(checkReportText, corpus);
  const batches = heldOutBatches(corpus).map(([batch, passages]) => ({ batch, files: passages.map((p) => p.file), result: evaluate(checkReportText, passages) }));
  if (process.argv.includes('--json')) console.log(JSON.stringify({ ...result, heldOut: batches.map((b) => ({ batch: b.batch, files: b.files, ...b.result, rows: undefined })) }, null, 2));
  else {
    print(result);
    for (const b of batches) printFigures(b.result, `Held out, batch ${b.batch} (${b.files.length} passages, ${b.files[0]} … ${b.files[b.files.length - 1]}):`, console.log);
  }
}
