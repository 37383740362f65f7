// scripts/offline-check.js on small build folders made here: a clean OFFICE_JS=local build passes;
// a page that loads office.js from the CDN, a CSP that allows another origin, a URL in our own
// script, an unlisted URL in office.js's files, a missing office.js file or a shipped telemetry
// sink each fail. The same for the WPS build, whose deployment address is allowed.
import fs from 'fs';
import os from 'os';
import path from 'path';

const offline = require('../scripts/offline-check.js') as {
  checkLocalOfficeBuild(dist: string): string[];
  checkWpsBuild(dist: string): string[];
  isLocalOfficeBuild(dist: string): boolean;
};

const CSP = "default-src 'self'; script-src 'self' 'sha256-AAAA'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";

function page(csp: string, script: string): string {
  return `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${csp}"><script src="${script}"></script></head><body></body></html>`;
}

function write(dir: string, files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function localBuild(extra: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-check-'));
  return write(dir, {
    'taskpane.html': page(CSP, 'office-js/office.js'),
    'commands.html': page(CSP, 'office-js/office.js'),
    'help.html': '<!doctype html><p>no script</p>',
    'taskpane.1234.js': 'var svg="http://www.w3.org/2000/svg";throw Error("see https://react.dev/errors/"+1)',
    'office-js/office.js': '/* https://raw.githubusercontent.com/jakearchibald/es6-promise/master/LICENSE */',
    'office-js/o15apptofilemappingtable.js': '',
    'office-js/excel-win32-16.01.js': 'var u="https://alcdn.msauth.net/browser/2.21.0/js/msal-browser.min.js"',
    'office-js/excel-web-16.00.js': 'new RegExp("^https://[^/?#]+","i")',
    'office-js/excel-mac-16.00.js': '',
    'office-js/en-us/office_strings.js': '',
    'office-js/zh-cn/office_strings.js': '',
    ...extra,
  });
}

describe('offline check of the OFFICE_JS=local build', () => {
  it('passes a build that loads nothing from outside', () => {
    const dist = localBuild();
    expect(offline.isLocalOfficeBuild(dist)).toBe(true);
    expect(offline.checkLocalOfficeBuild(dist)).toEqual([]);
  });

  it('fails office.js from the CDN, another origin in a CSP, and a site URL in our script', () => {
    const dist = localBuild({
      'commands.html': page(`${CSP} https://appsforoffice.microsoft.com`, 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js'),
      'taskpane.1234.js': 'fetch("https://example.com/track")',
    });
    const problems = offline.checkLocalOfficeBuild(dist).join('\n');
    expect(problems).toMatch(/commands\.html: does not load office-js\/office\.js/);
    expect(problems).toMatch(/commands\.html: URL of another site: https:\/\/appsforoffice\.microsoft\.com/);
    expect(problems).toMatch(/commands\.html: CSP connect-src allows https:\/\/appsforoffice\.microsoft\.com/);
    expect(problems).toMatch(/taskpane\.1234\.js: URL of another site: https:\/\/example\.com\/track/);
  });

  it('fails an unlisted URL in office.js, a missing host file and a shipped telemetry sink', () => {
    const dist = localBuild({ 'office-js/excel-web-16.00.js': 'load("https://cdn.example.net/x.js")', 'office-js/telemetry/oteljs_agave.js': '' });
    fs.rmSync(path.join(dist, 'office-js', 'excel-mac-16.00.js'));
    const problems = offline.checkLocalOfficeBuild(dist).join('\n');
    expect(problems).toMatch(/excel-web-16\.00\.js: URL not in OFFICE_JS_URLS: https:\/\/cdn\.example\.net\/x\.js/);
    expect(problems).toMatch(/excel-mac-16\.00\.js: missing/);
    expect(problems).toMatch(/telemetry\/: office\.js's telemetry sink must not be shipped/);
  });
});

describe('offline check of the WPS build', () => {
  const wpsBuild = (extra: Record<string, string> = {}) =>
    write(fs.mkdtempSync(path.join(os.tmpdir(), 'offline-check-wps-')), {
      'taskpane.html': page(CSP, 'taskpane.1234.js'),
      'taskpane.1234.js': '',
      'index.html': page("default-src 'self'; script-src 'self'", 'main.js'),
      'main.js': '',
      'ribbon.xml': '<customUI/>',
      'manifest.xml': '<JsPlugin/>',
      'jsplugins.xml': '<jsplugins><jspluginonline name="IndicatorChecker" type="et" url="http://10.1.2.3/zbjy/"/></jsplugins>',
      'publish.html': page("default-src 'none'; script-src 'sha256-BBBB'; connect-src http://127.0.0.1:58890", 'x').replace('<body>', '<body><script>var ADDON={"url":"http://10.1.2.3/zbjy/"};</script>'),
      'offline/publish.xml': '<jsplugins/>',
      ...extra,
    });

  it('allows the deployment address and WPS\u2019s own service only', () => {
    expect(offline.checkWpsBuild(wpsBuild())).toEqual([]);
    const problems = offline.checkWpsBuild(wpsBuild({ 'taskpane.1234.js': 'var u="https://cdn.example.net/lib.js"' })).join('\n');
    expect(problems).toMatch(/taskpane\.1234\.js: URL of another site: https:\/\/cdn\.example\.net\/lib\.js/);
  });
});
