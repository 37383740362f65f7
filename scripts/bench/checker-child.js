'use strict';
// The web checker in Chromium on one workbook:
//   node scripts/bench/checker-child.js --file F.xlsx [--dist dist]   → one JSON line on stdout
//
// Serves dist/ on 127.0.0.1, opens checker.html in Debian's Chromium (playwright-core, headless),
// picks the file and clicks 开始校验. Reported: the wall time from the click to the results
// table, and the page's main thread: every long task (> 50 ms, the Long Tasks API) while it ran,
// the longest of them, and how long rendering the results took. The reading and checking run in
// the checker's Web Worker; the page should never be blocked for more than 200 ms.
const fs = require('fs');
const path = require('path');
const { arg, emit } = require('./util');
const { serve } = require('../../tests/e2e/server');

const ROOT = path.resolve(__dirname, '..', '..');

async function main() {
  const file = path.resolve(arg('--file'));
  const dist = path.resolve(ROOT, arg('--dist', 'dist'));
  if (!fs.existsSync(path.join(dist, 'checker.html'))) return emit({ error: `${path.relative(ROOT, dist)}/checker.html is not built (npm run build)` });
  const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(chromiumPath)) return emit({ skipped: `no Chromium at ${chromiumPath}` });
  const { chromium } = require('playwright-core');
  const server = await serve(dist);
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'], headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(`${server.url}/checker.html?lang=zh-CN`);
    await page.getByTestId('drop-zone').waitFor();
    await page.setInputFiles('[data-testid=files-input]', file);
    await page.getByTestId('picked-count').waitFor();
    const startedAt = await page.evaluate(() => performance.now());
    const t0 = Date.now();
    await page.getByRole('button', { name: '开始校验' }).click();
    await page.getByTestId('results').waitFor({ timeout: 600000 });
    const seconds = (Date.now() - t0) / 1000;
    // Let the last render's long task, if any, be reported.
    await page.waitForTimeout(300);
    const tasks = (await page.evaluate(() => window.__longTasks)).filter((t) => t.start >= startedAt - 1);
    const findings = await page.$$eval('[data-count]', (cells) => cells.reduce((n, c) => n + (Number(c.textContent) || 0), 0));
    emit({
      seconds,
      longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.ms), 0),
      longTasks: tasks.length,
      blockedMs: tasks.reduce((n, t) => n + t.ms, 0),
      findings,
      chromium: browser.version(),
      fileMB: fs.statSync(file).size / 1048576,
    });
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => emit({ error: String(e && e.message ? e.message : e) }));
