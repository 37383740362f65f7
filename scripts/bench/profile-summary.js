'use strict';
// Summarises a V8 .cpuprofile (node --cpu-prof): self and total time per function, as
// file:function:line relative to the project, biggest first.
//
//   node scripts/bench/profile-summary.js PROFILE.cpuprofile [--top 25] [--json]
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

function where(cf) {
  let file = cf.url || '';
  if (file.startsWith('file://')) file = file.slice(7);
  if (file.startsWith(ROOT)) file = path.relative(ROOT, file);
  if (!file) file = '(native)';
  const name = cf.functionName || '(anonymous)';
  return `${file}:${name}:${cf.lineNumber + 1}`;
}

/** { totalMs, self: [{fn, ms, pct}], total: [{fn, ms, pct}] } */
function summarise(profile, top = 25) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Time per sample: timeDeltas[i] is the time before sample i.
  const selfUs = new Map();
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    const dt = deltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, dt));
  }
  const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const selfBy = new Map();
  const totalBy = new Map();
  for (const [id, us] of selfUs) {
    const n = nodes.get(id);
    const key = where(n.callFrame);
    selfBy.set(key, (selfBy.get(key) ?? 0) + us);
    // Charge every distinct function on the stack once (recursion counted once).
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = where(nodes.get(cur).callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      totalBy.set(k, (totalBy.get(k) ?? 0) + us);
    }
  }
  const list = (m) =>
    [...m]
      .filter(([k]) => !/^\(native\):\((root|program|idle)\)/.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, us]) => ({ fn, ms: Math.round(us / 1000), pct: Math.round((1000 * us) / totalUs) / 10 }));
  return { totalMs: Math.round(totalUs / 1000), self: list(selfBy), total: list(totalBy) };
}

function printSummary(s, out = console.log) {
  out(`profile: ${(s.totalMs / 1000).toFixed(1)} s sampled`);
  out('  self time (where the CPU is):');
  for (const r of s.self) out(`    ${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)} %  ${r.fn}`);
  out('  total time (function and what it calls):');
  for (const r of s.total) out(`    ${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)} %  ${r.fn}`);
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error('usage: node scripts/bench/profile-summary.js PROFILE.cpuprofile [--top N] [--json]');
    process.exit(2);
  }
  const i = args.indexOf('--top');
  const top = i >= 0 ? Number(args[i + 1]) : 25;
  const s = summarise(JSON.parse(fs.readFileSync(file, 'utf8')), top);
  if (args.includes('--json')) console.log(JSON.stringify(s, null, 2));
  else printSummary(s);
}

module.exports = { summarise, printSummary };
