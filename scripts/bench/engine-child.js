'use strict';
// One engine measurement in a fresh process (so its peak memory is its own):
//   node --expose-gc scripts/bench/engine-child.js --districts 3000   → one JSON line on stdout
//
// Generates the panel (panel.js; not timed), collects garbage, then times the full default
// check on it: checkWorkbookWithModel with the history detectors on (yoy, robust, HB,
// structure, conflicts), plus the built-in rule pack (see RULE PACK HOOK below), findings
// sorted. Memory: the process's peak RSS (getrusage maxRSS, the kernel's high-water mark),
// RSS sampled every 10 ms from a worker thread while the check runs, the RSS of the generated
// input alone, and V8 heap statistics after the check.
const fs = require('fs');
const path = require('path');
const v8 = require('v8');
const { makePanel, matchFindings } = require('./panel');
const { arg, emit, startSampler, MB } = require('./util');

const ROOT = path.resolve(__dirname, '..', '..');
// BENCH_CLI_BUILD: another compiled build to measure (default build/cli).
const CORE = path.join(process.env.BENCH_CLI_BUILD ? path.resolve(ROOT, process.env.BENCH_CLI_BUILD) : path.join(ROOT, 'build', 'cli'), 'src', 'core');
const engine = require(path.join(CORE, 'engine.js'));

// ---------------------------------------------------------------------------------------------
// RULE PACK HOOK. The rule pack (src/core/rules) exists but the engine facade does not run it
// yet. Until it does, the default check here is what the hosts will do: load the rule set (pack
// + the workbook's 校验规则 sheet) and run it over the engine's model. Once engine.ts runs the
// pack itself (it then requires './rules'), this hook switches itself off so nothing is counted
// twice.
function rulePack() {
  let rules;
  try {
    rules = require(path.join(CORE, 'rules', 'index.js'));
  } catch {
    return { state: 'absent' };
  }
  if (typeof rules.runRules !== 'function' || typeof rules.loadRuleSet !== 'function') return { state: 'absent' };
  const engineSource = fs.readFileSync(path.join(CORE, 'engine.js'), 'utf8');
  if (/require\(["']\.\/rules(\/index)?["']\)/.test(engineSource)) return { state: 'in-engine' };
  return {
    state: 'hook',
    run(snapshot, model) {
      const load = rules.loadRuleSet({ sheets: snapshot.sheets });
      return [...load.findings, ...rules.runRules(model, load.ruleSet)];
    },
  };
}
// ---------------------------------------------------------------------------------------------

function defaultCheck(snapshot, pack) {
  const { result, model } = engine.checkWorkbookWithModel(snapshot, {});
  if (pack.state !== 'hook') return result.findings;
  const all = result.findings.concat(pack.run(snapshot, model));
  return engine.sortFindings(all, snapshot.sheets.map((s) => s.name));
}


async function main() {
  const districts = Number(arg('--districts', '300'));
  const pack = rulePack();
  const g0 = process.hrtime.bigint();
  const panel = makePanel({ districts });
  const genSeconds = Number(process.hrtime.bigint() - g0) / 1e9;
  if (global.gc) {
    global.gc();
    global.gc();
  }
  const input = process.memoryUsage();
  const sampler = startSampler();
  await new Promise((r) => setTimeout(r, 30));
  const t0 = process.hrtime.bigint();
  const findings = defaultCheck(panel.snapshot, pack);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const sampledPeak = await sampler.stop();
  const heap = v8.getHeapStatistics();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const match = matchFindings(panel.injected, findings);
  const byRule = {};
  for (const f of findings) byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + 1;
  emit({
    districts,
    observations: panel.observations,
    seconds,
    throughput: panel.observations / seconds,
    genSeconds,
    peakMB: MB(Math.max(maxRss, sampledPeak)),
    sampledPeakMB: MB(sampledPeak),
    inputMB: MB(input.rss),
    inputHeapMB: MB(input.heapUsed),
    heapTotalAfterMB: MB(heap.total_heap_size),
    heapUsedAfterMB: MB(heap.used_heap_size),
    heapLimitMB: MB(heap.heap_size_limit),
    externalAfterMB: MB(process.memoryUsage().external),
    rulePack: pack.state,
    findings: findings.length,
    byRule,
    injected: match.injected,
    found: match.found,
    missed: match.missed.map((e) => ({ kind: e.kind, cell: `${e.sheet}!${e.address}`, indicator: e.indicator, before: e.before, after: e.after })),
    unrelated: match.unrelated,
  });
}

main().catch((e) => {
  emit({ error: String(e && e.stack ? e.stack : e) });
  process.exitCode = 1;
});
