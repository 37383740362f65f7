// End-to-end tests of the OFFICE_JS=local build (run.js builds dist/ that way): no page, script or
// CSP names another site, and the task pane starts with every request outside 127.0.0.1
// refused. Also the webviews the pane turns away: the scripts need ES2022 (Chromium 94), and
// EdgeHTML gets the upgrade message, not a blank pane. Run by run.js.
'use strict';

const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const { checkLocalOfficeBuild, checkWpsBuild, isLocalOfficeBuild } = require('../../scripts/offline-check');

/** Office 2019 / Microsoft 365 on Windows 10 before WebView2 show add-ins in EdgeHTML 18. */
const EDGEHTML_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041';

/** Refuses (and records) every request that leaves 127.0.0.1. */
async function onlyLoopback(page) {
  const refused = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:') return route.continue();
    refused.push(url.href);
    return route.abort('blockedbyclient');
  });
  return refused;
}

module.exports = [
  {
    name: 'the pane\u2019s scripts parse as ES2022, what legacy-check.js lets through (Chromium 94 and later)',
    async run(env) {
      const acorn = require('acorn');
      const dirs = [env.dist, env.distWps].filter((d) => fs.existsSync(d));
      const failed = [];
      for (const dir of dirs) {
        for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.js') && n !== 'main.js')) {
          try {
            acorn.parse(fs.readFileSync(path.join(dir, f), 'utf8'), { ecmaVersion: 2022, sourceType: 'script' });
          } catch (e) {
            failed.push(`${path.basename(dir)}/${f}: ${e.message}`);
          }
        }
        // The WPS ribbon's script runs in whatever webview WPS has: ES5.
        if (fs.existsSync(path.join(dir, 'main.js'))) acorn.parse(fs.readFileSync(path.join(dir, 'main.js'), 'utf8'), { ecmaVersion: 5 });
      }
      assert.deepEqual(failed, []);
    },
  },
  {
    name: 'offline build: no page, script or Content-Security-Policy names another site',
    async run(env) {
      assert.ok(isLocalOfficeBuild(env.dist), `${env.dist} is not an OFFICE_JS=local build (run.js builds one; with E2E_SKIP_BUILD=1 build it first: OFFICE_JS=local npm run build)`);
      assert.deepEqual(checkLocalOfficeBuild(env.dist), []);
      if (fs.existsSync(path.join(env.distWps, 'taskpane.html'))) assert.deepEqual(checkWpsBuild(env.distWps), []);
    },
  },
  {
    name: 'offline build: the task pane and the commands page start with every request outside 127.0.0.1 refused',
    needs: ['offline build: no page, script or Content-Security-Policy names another site'],
    async run(env) {
      const page = await env.newPage();
      const refused = await onlyLoopback(page);
      const servedBefore = env.served.length;
      await page.goto(`${env.baseUrl}/taskpane.html`);
      // Outside Office, Office.onReady resolves without a host and the pane starts all the same.
      await page.getByRole('button', { name: '校验当前工作簿', exact: true }).waitFor();
      assert.equal(await page.evaluate(() => typeof window.Office), 'object', 'office.js ran');
      const served = env.served.slice(servedBefore);
      assert.ok(served.includes('/office-js/office.js'), `office.js from the add-in's folder (served: ${served.join(', ')})`);
      // Let the page finish loading (its icon too) before leaving it: a request the browser
      // cancels because the page navigated away would be reported as a failed request.
      await page.waitForLoadState('networkidle');
      await page.goto(`${env.baseUrl}/commands.html`);
      await page.waitForLoadState('networkidle');
      await page.waitForFunction(() => typeof window.Office === 'object');
      assert.deepEqual(refused, []);
      await page.close();
    },
  },
  {
    name: 'EdgeHTML (Office 2016/2019 before WebView2): the pane shows the upgrade message, not a blank pane',
    async run(env) {
      const page = await env.newPage();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.setUserAgentOverride', { userAgent: EDGEHTML_UA });
      await page.goto(`${env.baseUrl}/taskpane.html`);
      await page.getByText('此版本的 Office 使用旧版 Edge 浏览器内核（EdgeHTML），无法运行本加载项').waitFor();
      await page.getByText(/Please upgrade to Microsoft 365 or Office 2021 or later/).waitFor();
      assert.equal(await page.evaluate(() => window.__indicatorCheckerLegacyBrowser), true);
      // The pane itself never starts.
      await page.waitForTimeout(500);
      assert.equal(await page.getByRole('button', { name: '校验当前工作簿', exact: true }).count(), 0);
      await cdp.detach();
      await page.close();
    },
  },
];
