#!/usr/bin/env node
// End-to-end tests in Debian's Chromium (never a downloaded browser): the browser preview, the
// task pane of the offline (OFFICE_JS=local) build, and the WPS add-in over a fake WPS:
//
//   npm run test:e2e                     builds dist/ (production, OFFICE_JS=local: its pages load
//                                        nothing from outside) and dist-wps/ (npm run build:wps),
//                                        serves dist/ with dist-wps/ under /wps/, runs every *.spec.js
//   E2E_ONLY=name                        runs only the spec files whose name contains `name`
//                                        (and builds dist-wps/ only for a wps spec, and nothing
//                                        when every test selected says `dist: false`: it opens no
//                                        page of the build, as html-report.spec.js does)
//   E2E_SKIP_BUILD=1 npm run test:e2e    reuses the dist/ and dist-wps/ that are there
//   E2E_DIST=/tmp/dist                   builds into / serves another folder (E2E_WPS_DIST for dist-wps)
//   CHROMIUM=/path/to/chromium           another Chromium binary (default /usr/bin/chromium)
//
// Every test also fails on a console error, an uncaught page error, a CSP violation, a failed or
// 4xx/5xx request, or any request outside 127.0.0.1. Screenshots go to tests/e2e/screenshots/.
// The last line is "N passed, N failed"; the exit code is 1 when anything failed.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { serve } = require('./server');

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.resolve(ROOT, process.env.E2E_DIST || 'dist');
const DIST_WPS = path.resolve(ROOT, process.env.E2E_WPS_DIST || 'dist-wps');
/** Where dist-wps/ is served, on the same origin as dist/. */
const WPS_MOUNT = '/wps/';
const SCREENSHOTS = path.join(__dirname, 'screenshots');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const TEST_TIMEOUT_MS = 30000;

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function webpack(args, env = {}) {
  const cli = require.resolve('webpack-cli/bin/cli.js', { paths: [ROOT] });
  const shown = Object.entries(env).map(([k, v]) => `${k}=${v} `).join('');
  console.log(`== build: ${shown}webpack ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`webpack failed (exit ${result.status})`);
  console.log(`   built in ${seconds(Date.now() - started)}`);
}

/** One production build at a time: the Excel add-in with office.js inside, then the WPS add-in if a spec needs it. */
function build(specs) {
  webpack(['--mode', 'production', ...(process.env.E2E_DIST ? ['--output-path', DIST] : [])], { OFFICE_JS: 'local' });
  if (specs.some((f) => f.includes('wps'))) {
    webpack(['--mode', 'production', '--env', 'wps', ...(process.env.E2E_WPS_DIST ? ['--output-path', DIST_WPS] : [])]);
  }
}

/** Problems any page of the run reports (console errors, CSP, network); tests claim theirs. */
function watchContext(context, baseUrl) {
  const problems = [];
  const requests = [];
  const origin = new URL(baseUrl).origin;
  const add = (text) => problems.push(text);

  context.on('request', (request) => {
    const url = request.url();
    requests.push(url);
    if (/^(data|blob|about):/.test(url)) return;
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      add(`unparseable request URL ${url}`);
      return;
    }
    if (parsed.hostname !== '127.0.0.1' || parsed.origin !== origin) add(`request outside ${origin}: ${url}`);
  });
  context.on('requestfailed', (request) => {
    add(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`);
  });
  context.on('response', (response) => {
    if (response.status() >= 400) add(`HTTP ${response.status()} for ${response.url()}`);
  });
  const watchPage = (page) => {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location();
      add(`console error: ${message.text()}${where && where.url ? ` (${where.url})` : ''}`);
    });
    page.on('pageerror', (error) => add(`uncaught error in the page: ${error.message}`));
  };
  context.on('page', watchPage);
  return { problems, requests };
}

/** Reports CSP violations of the document as console errors (so the watcher sees them). */
const CSP_LISTENER = () => {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile || e.documentURI}:${e.lineNumber}`);
  });
};

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${seconds(ms)}`)), ms);
    }),
  ]);
}

async function main() {
  const started = Date.now();
  // preview.spec.js first (the others may reuse its pages), then every other *.spec.js by name;
  // E2E_ONLY=rules runs only the spec files whose name contains "rules".
  const only = process.env.E2E_ONLY;
  const specs = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.spec.js'))
    .sort((a, b) => (a === 'preview.spec.js' ? -1 : b === 'preview.spec.js' ? 1 : a.localeCompare(b)))
    .filter((f) => !only || f.includes(only));
  const tests = specs.flatMap((f) => require(`./${f}`));
  // A test with `dist: false` opens no page of dist/ or dist-wps/ (it brings its own page).
  const needsDist = tests.some((t) => t.dist !== false);
  if (process.env.E2E_SKIP_BUILD !== '1' && needsDist) build(specs);
  if (needsDist && !fs.existsSync(path.join(DIST, 'preview.html'))) {
    throw new Error(`${path.relative(ROOT, DIST) || DIST}/preview.html is missing: build first (or unset E2E_SKIP_BUILD)`);
  }
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: apt-get install chromium (the tests never download a browser)`);
  }
  fs.mkdirSync(SCREENSHOTS, { recursive: true });

  const { chromium } = require('playwright-core');
  const server = await serve(DIST, { [WPS_MOUNT]: DIST_WPS });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const results = [];
  try {
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1440, height: 900 },
      deviceScaleFactor: 1,
      serviceWorkers: 'block',
    });
    await context.addInitScript(CSP_LISTENER);
    const watch = watchContext(context, server.url);
    const env = {
      baseUrl: server.url,
      /** The WPS add-in (dist-wps/) on the same origin. */
      wpsBaseUrl: `${server.url}${WPS_MOUNT.replace(/\/$/, '')}`,
      context,
      root: ROOT,
      dist: DIST,
      distWps: DIST_WPS,
      requests: watch.requests,
      served: server.requests,
      shared: {},
      async newPage() {
        const page = await context.newPage();
        page.setDefaultTimeout(15000);
        return page;
      },
      async screenshot(page, name) {
        const file = path.join(SCREENSHOTS, name);
        await page.screenshot({ path: file, fullPage: true });
        return file;
      },
    };

    const outcome = new Map();
    console.log(`== chromium ${browser.version()} · ${server.url}`);
    for (const t of tests) {
      const blocked = (t.needs || []).find((name) => outcome.get(name) !== 'passed');
      if (blocked) {
        outcome.set(t.name, 'skipped');
        results.push({ name: t.name, status: 'failed', error: `skipped: needs "${blocked}", which did not pass` });
        console.log(`  - ${t.name} (skipped: needs "${blocked}")`);
        continue;
      }
      const before = watch.problems.length;
      const t0 = Date.now();
      let error = null;
      try {
        await withTimeout(Promise.resolve().then(() => t.run(env)), TEST_TIMEOUT_MS, `"${t.name}"`);
      } catch (e) {
        error = e;
      }
      // Let late console messages of this test arrive before claiming them.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const problems = watch.problems.slice(before);
      if (!error && problems.length > 0) error = new Error(problems.join('\n'));
      const ms = Date.now() - t0;
      const status = error ? 'failed' : 'passed';
      outcome.set(t.name, status);
      results.push({ name: t.name, status, ms, error: error && (error.stack || String(error)) });
      console.log(`  ${error ? '✗' : '✓'} ${t.name} (${ms} ms)`);
      if (error) console.log(String(error.message || error).replace(/^/gm, '      '));
    }
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }

  const passed = results.filter((r) => r.status === 'passed').length;
  const failed = results.length - passed;
  console.log(`   screenshots: ${path.relative(ROOT, SCREENSHOTS)}/ · total ${seconds(Date.now() - started)}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error && error.stack ? error.stack : error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  },
);
