// End-to-end: the CLI's HTML report (`--format html --out report.html`), opened from file:// in
// Chromium as a clerk would open it from a folder: it makes no request but for itself, shows
// the JSON report's counts, switches to English, filters by severity, and prints on A4 without
// its controls. One input is named like an HTML injection; if its name were not escaped, the
// <img> would run its handler or ask for a file, and either would fail the test.
//
// These tests open no page of dist/ (`dist: false`): run.js builds nothing for them alone
// (E2E_ONLY=html-report npm run test:e2e). The CLI is built here with tsc, as `npm run check` does.
'use strict';

const assert = require('assert/strict');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

/** A sample copied under this name: an <img> whose handler sets a flag, and the quote characters. */
const HOSTILE_NAME = `<img src=x onerror="window.__pwned=1">"&'.xlsx`;

function run(root, args) {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

/** Reports CSP violations as console errors, which the test then counts. */
const CSP_LISTENER = () => {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'}`);
  });
};

/** Per file (by name) and in total, the findings of each severity in a JSON report. */
function jsonCounts(json) {
  const total = { error: 0, warning: 0, info: 0 };
  const files = json.files.map((f) => {
    const c = { error: 0, warning: 0, info: 0 };
    for (const x of f.findings) c[x.severity]++;
    for (const s of Object.keys(total)) total[s] += c[s];
    return [path.basename(f.file), c.error, c.warning, c.info];
  });
  return { files, total: [total.error, total.warning, total.info] };
}

module.exports = [
  {
    name: 'html report: the CLI writes one from the samples (and a file named like an HTML injection)',
    dist: false,
    async run(env) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'html-report-e2e-'));
      const input = path.join(dir, 'in');
      fs.mkdirSync(input);
      const samples = path.join(env.root, 'samples');
      for (const f of fs.readdirSync(samples)) fs.copyFileSync(path.join(samples, f), path.join(input, f));
      fs.copyFileSync(path.join(samples, '示例-嘉兴市-分年度.xlsx'), path.join(input, HOSTILE_NAME));

      const tsc = run(env.root, [require.resolve('typescript/bin/tsc', { paths: [env.root] }), '-p', 'scripts/tsconfig.cli.json']);
      assert.equal(tsc.status, 0, `npm run build:cli failed:\n${tsc.stdout}${tsc.stderr}`);
      const cli = path.join(env.root, 'build', 'cli', 'src', 'cli', 'index.js');
      const html = path.join(dir, 'out', 'report.html');
      const json = path.join(dir, 'out', 'report.json');
      for (const [format, out] of [['html', html], ['json', json]]) {
        const r = run(env.root, [cli, '--dir', input, '--format', format, '--out', out]);
        // 1: the samples' planted errors were found, and every file was read.
        assert.equal(r.status, 1, `--format ${format}: exit ${r.status}\n${r.stderr}`);
      }
      assert.match(fs.readFileSync(html, 'utf8'), /^<!DOCTYPE html>/);
      env.shared.htmlReport = { dir, html, json: JSON.parse(fs.readFileSync(json, 'utf8')) };
    },
  },
  {
    name: 'html report: from file:// it requests nothing but itself, shows the JSON counts, switches to English, filters, prints on A4',
    dist: false,
    needs: ['html report: the CLI writes one from the samples (and a file named like an HTML injection)'],
    async run(env) {
      const { html, json } = env.shared.htmlReport;
      const url = pathToFileURL(html).href;
      // A context of its own: run.js's shared one takes any address but 127.0.0.1 as a failure.
      const context = await env.context.browser().newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
      const requests = [];
      const problems = [];
      context.on('request', (r) => requests.push(r.url()));
      context.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
      await context.addInitScript(CSP_LISTENER);
      try {
        const page = await context.newPage();
        page.setDefaultTimeout(15000);
        page.on('console', (m) => m.type() === 'error' && problems.push(`console error: ${m.text()}`));
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        await page.goto(url, { waitUntil: 'load' });

        // The counts as the JSON report has them, per file and in total.
        const want = jsonCounts(json);
        assert.ok(want.total[0] > 0 && want.total[1] > 0, 'the samples have errors and warnings to count');
        const shown = await page.$$eval('#counts tbody tr', (trs) => trs.map((tr) => [tr.cells[0].textContent, ...[1, 2, 3].map((i) => Number(tr.cells[i].textContent))]));
        assert.deepEqual(shown, want.files);
        const totals = await page.$$eval('#counts tfoot th[data-severity]', (ths) => ths.map((th) => Number(th.textContent)));
        assert.deepEqual(totals, want.total);
        // The hostile name is shown as text, and its handler never ran.
        assert.ok(shown.some((r) => r[0] === HOSTILE_NAME), 'the hostile file name shows as it is');
        assert.equal(await page.evaluate(() => window.__pwned), undefined);
        assert.equal(await page.locator('img').count(), 0);

        // Chinese first; the English switch shows English and hides Chinese.
        const h1 = page.locator('h1');
        assert.equal(await h1.innerText(), '指标校验报告');
        const firstMessage = json.files.find((f) => f.findings.length).findings[0].message;
        const row = page.locator('#findings tbody tr').first();
        assert.equal(await row.locator('.msg > [lang="zh-CN"]').innerText(), firstMessage['zh-CN']);
        assert.equal(await row.locator('.msg > [lang="en-US"]').isVisible(), false);
        await page.getByRole('button', { name: 'English', exact: true }).click();
        assert.equal(await h1.innerText(), 'Indicator check report');
        assert.equal(await row.locator('.msg > [lang="en-US"]').innerText(), firstMessage['en-US']);
        assert.equal(await row.locator('.msg > [lang="zh-CN"]').isVisible(), false);
        await page.getByText('Findings per file', { exact: true }).waitFor();

        // Severity filter: without warnings, no warning row shows and every other row still does.
        const visible = () =>
          page.$$eval('#findings tbody tr', (trs) => trs.filter((tr) => tr.offsetParent !== null).map((tr) => tr.getAttribute('data-severity')));
        const before = await visible();
        const warnings = before.filter((s) => s === 'warning').length;
        assert.ok(warnings > 0 && warnings < before.length);
        await page.locator('#filters input[data-filter="severity"][value="warning"]').uncheck();
        const after = await visible();
        assert.equal(after.length, before.length - warnings);
        assert.ok(after.every((s) => s !== 'warning'));
        assert.equal(await page.locator('#filter-note').innerText(), `Filtered: ${after.length} of ${before.length} shown`);
        await env.screenshot(page, 'html-report.png');

        // Printed: no controls, figures no wider than 55 mm (208 px at 96 dpi), an A4 PDF.
        await page.emulateMedia({ media: 'print' });
        assert.equal(await page.locator('#filters').isVisible(), false);
        assert.equal(await page.locator('#lang-switch').isVisible(), false);
        const widths = await page.$$eval('.fig svg', (svgs) => svgs.map((s) => s.getBoundingClientRect().width));
        assert.ok(widths.length > 0 && widths.every((w) => w <= 209), `figure widths in print: ${widths.join(', ')}`);
        const pdf = await page.pdf({ preferCSSPageSize: true });
        fs.writeFileSync(path.join(path.dirname(await env.screenshot(page, 'html-report-print.png')), 'html-report.pdf'), pdf);
        // Every page A4 (595 × 842 points), as the page's @page asks.
        const boxes = pdf.toString('latin1').match(/\/MediaBox \[[^\]]*\]/g) || [];
        assert.ok(boxes.length > 0 && boxes.every((b) => /\[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/.test(b)), `page sizes: ${boxes.join(', ')}`);

        // Nothing but the page itself was requested, and that from file://.
        assert.deepEqual(requests, [url]);
        assert.deepEqual(problems, []);
        await page.close();
      } finally {
        await context.close();
        fs.rmSync(env.shared.htmlReport.dir, { recursive: true, force: true });
      }
    },
  },
];
