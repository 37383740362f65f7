/** @jest-environment jsdom */
// src/taskpane/legacy-check.js, the inline script that turns away webviews the pane cannot run in
// (Trident, EdgeHTML, Chromium before 94) with a message in both languages instead of a blank
// pane, naming WPS on the WPS pane's page. It must itself be ES5.
import fs from 'fs';
import path from 'path';

const FILE = path.resolve(__dirname, '..', 'src', 'taskpane', 'legacy-check.js');
const SOURCE = fs.readFileSync(FILE, 'utf8');

const UA = {
  ie11: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko',
  edgeHtml: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041',
  webView2: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
  oldChromium: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/69.0.3497.128 Safari/537.36',
  chromium93: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/93.0.4577.82 Safari/537.36',
  chromium94: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/94.0.4606.61 Safari/537.36',
  safari: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
};

function run(userAgent: string, host?: 'wps'): { flagged: boolean; text: string } {
  Object.defineProperty(window.navigator, 'userAgent', { value: userAgent, configurable: true });
  const flags = window as unknown as Record<string, unknown>;
  delete flags.__indicatorCheckerLegacyBrowser;
  if (host) document.documentElement.setAttribute('data-host', host);
  else document.documentElement.removeAttribute('data-host');
  document.body.innerHTML = '<div id="container">正在加载…</div>';
  // The script as the page runs it (inline, in the page's global scope).
  window.eval(SOURCE);
  return { flagged: flags.__indicatorCheckerLegacyBrowser === true, text: document.body.textContent ?? '' };
}

describe('legacy-check.js', () => {
  it('is ES5, so the old engines it is for can run it', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const acorn = require('acorn') as { parse(code: string, options: { ecmaVersion: number }): unknown };
    expect(() => acorn.parse(SOURCE, { ecmaVersion: 5 })).not.toThrow();
  });

  it('turns away Internet Explorer (Office 2016/2019 volume licence)', () => {
    const r = run(UA.ie11);
    expect(r.flagged).toBe(true);
    expect(r.text).toMatch(/Internet Explorer/);
    expect(r.text).toMatch(/请升级到 Microsoft 365 或 Office 2021 及以上版本/);
  });

  it('turns away EdgeHTML (Office 2019 and Microsoft 365 on Windows 10 before WebView2) in both languages', () => {
    const r = run(UA.edgeHtml);
    expect(r.flagged).toBe(true);
    expect(r.text).toMatch(/旧版 Edge 浏览器内核（EdgeHTML）/);
    expect(r.text).toMatch(/old Edge browser engine \(EdgeHTML\)/);
  });

  it('lets WebView2 (Chromium Edge, "Edg/"), Chromium 94 and Safari run the pane', () => {
    for (const ua of [UA.webView2, UA.chromium94, UA.safari]) {
      const r = run(ua);
      expect(r.flagged).toBe(false);
      expect(r.text).toBe('正在加载…');
    }
  });

  it('tells WPS users with an old embedded Chromium (before 94) to update WPS', () => {
    expect(run(UA.chromium93, 'wps').flagged).toBe(true);
    const r = run(UA.oldChromium, 'wps');
    expect(r.flagged).toBe(true);
    expect(r.text).toMatch(/请升级 WPS Office 到最新版本/);
    expect(r.text).toMatch(/Please update WPS Office/);
  });
});
