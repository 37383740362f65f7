#!/usr/bin/env node
// Checks that a build loads nothing from outside the folder it is served from:
//
//   checkLocalOfficeBuild(dist)  the OFFICE_JS=local build of the Excel add-in (dist/):
//     - taskpane.html and commands.html load office.js from office-js/ beside them, and
//       office-js/ holds what office.js loads (the mapping table, the Excel host files, the
//       language strings);
//     - no HTML page has a URL to another site, and every Content-Security-Policy allows no
//       other origin ('self', hashes and data: only);
//     - our scripts contain no URL to another site, apart from OWN_SCRIPT_URLS (text of error
//       messages) and XML namespaces, never requested; the browser preview's chunks (a
//       development page Office never loads) may also hold PREVIEW_SCRIPT_URLS, the licence
//       notices and error texts of the readers it bundles;
//     - Microsoft's office.js files contain only the URLs listed in OFFICE_JS_URLS, each with why
//       it is never requested by the add-in; the CSP would block them anyway.
//   checkWpsBuild(distWps)  the WPS add-in (dist-wps/): the same for its pages and scripts; the
//     one address allowed is where the add-in is deployed (WPS_PUBLIC_URL, in jsplugins.xml and
//     publish.html) and WPS's own service on 127.0.0.1.
//
// Both return a list of problems ("file: message"), empty when the build is clean.
//
//   node scripts/offline-check.js [--dist DIR] [--wps-dist DIR]   exits 1 on any problem
// scripts/security-check.js runs the same checks on dist/ and dist-wps/ when they are built.
'use strict';
const fs = require('fs');
const path = require('path');

const URL_RE = /\b(?:https?|wss?):\/\/[^\s"'`<>)\\\];,]+/g;

/** URLs that are names, not addresses: XML namespaces (SVG, MathML, and the OOXML ones of the readers). */
const NAMESPACE = /^http:\/\/(?:www\.w3\.org|schemas\.openxmlformats\.org|schemas\.microsoft\.com|purl\.org|purl\.oclc\.org\/ooxml|sheetjs\.openxmlformats\.org)\//;
/** The machine itself. */
const LOOPBACK = /^(?:https?|wss?):\/\/(?:127\.0\.0\.1|localhost)(?::\d+)?(?:\/|$)/;

/** URLs allowed in our own bundles, and why they are never requested. */
const OWN_SCRIPT_URLS = [
  { re: /^https:\/\/react\.dev\/errors\/$/, why: "React's production error messages name the page that explains an error code; the text is shown, not fetched" },
];

/**
 * URLs allowed in the browser preview's own chunks (preview.html, preview-*.js: a development
 * page that Office never loads, whose CSP allows 'self' only): licence notices and the text of
 * error messages of the third-party readers it bundles (ExcelJS, JSZip, pako, SheetJS,
 * iconv-lite, core-js and crypto-browserify, uuid).
 */
const PREVIEW_SCRIPT_URLS = [
  { re: /^https?:\/\/(?:github\.com|raw\.github\.com|stuk\.github\.io|feross\.org|stuartk\.com)\//, why: 'licence notices and error-message text of the bundled readers' },
  { re: /^https?:\/\/(?:feross\.org|stuartk\.com\/jszip)$/, why: 'licence notices of the bundled readers' },
];

/**
 * URLs allowed in the task pane's lazy report-reader chunks (fetched only when a report file is
 * opened in 报告文本), by chunk name, and why none is requested: the readers read the bytes they
 * are given and never fetch.
 */
const LAZY_SCRIPT_URLS = {
  // ExcelJS's browser bundle (with JSZip, core-js, crypto-browserify, uuid): in the pane's lazy
  // chunk for a results workbook when the structure is protected, and in the web checker's worker.
  'result-workbook': PREVIEW_SCRIPT_URLS,
  'checker-worker': PREVIEW_SCRIPT_URLS,
  'report-docx': [{ re: /^https:\/\/stuk\.github\.io\/jszip\//, why: "text of one of JSZip's error messages" }],
  'report-pdfjs': [
    { re: /^http:\/\/(?:www\.xfa\.org\/schema|ns\.adobe\.com)\//, why: 'XML namespaces of XFA forms and XMP metadata inside PDFs: names, not addresses' },
    { re: /^http:\/\/\$\{t\}$/, why: 'a template that adds http:// to a www. link found in a PDF (for display), never fetched' },
    { re: /^(?:https:\/\/foo\.bar|http:\/\/example\.com)$/, why: 'base URLs PDF.js parses relative links against to test them, never fetched' },
  ],
};

/**
 * URLs inside Microsoft's office.js files (@microsoft/office-js, copied unmodified: its licence
 * forbids changes), and why the add-in never makes them requested. The pages' CSP (scripts,
 * frames and connections from 'self' only) refuses each of them in any case.
 */
const OFFICE_JS_URLS = [
  { re: /^https:\/\/raw\.githubusercontent\.com\/jakearchibald\/es6-promise\/master\/LICENSE$/, why: 'licence comment of the bundled es6-promise' },
  { re: /^http:\/\/go\.microsoft\.com\/fwlink\/\?LinkId=266419\.?$/, why: 'text of an error message' },
  { re: /^https:\/\/docs\.microsoft\.com\/office\/dev\/add-ins\//, why: 'text of an error message (language strings)' },
  { re: /^https:\/\/support\.microsoft\.com\/en-us\/help\/17479\//, why: 'text of an error message about Internet Explorer settings' },
  { re: /^https?:\/\/document\.localhost(\/|$)/, why: 'a placeholder host name office.js uses for the document itself, never resolved' },
  { re: /^https:\/\/alcdn\.msauth\.net\/browser\/[\d.]+\/js\/msal-browser\.min\.js$/, why: "loaded only by Office's single sign-on and nested app authentication APIs, which the add-in never calls" },
  { re: /^https:\/\/\[/, why: 'the start of a regular expression office.js tests host names with, not an address' },
  { re: /^https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/telemetryservice\/telemetryproxy\.html$/, why: "Office 2013's telemetry frame: the add-in needs ExcelApi 1.7, so Office 2013 never loads it" },
];

function walk(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [p];
  });
}

function rel(dir, file) {
  return path.relative(dir, file).split(path.sep).join('/');
}

/** The Content-Security-Policy of a page, or undefined. */
function cspOf(html) {
  const meta = /<meta\s[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html);
  const content = meta && /content=(?:"([^"]*)"|'([^']*)')/i.exec(meta[0]);
  return content ? (content[1] ?? content[2]) : undefined;
}

/** Problems of one CSP: any source that is another site (or any site). */
function cspProblems(policy, allowedOrigins) {
  const problems = [];
  for (const directive of policy.split(';')) {
    const [name, ...values] = directive.trim().split(/\s+/);
    if (!name) continue;
    for (const v of values) {
      if (/^'(self|none|unsafe-inline|sha(256|384|512)-[A-Za-z0-9+/=]+)'$/.test(v) || v === 'data:') continue;
      if (allowedOrigins.includes(v)) continue;
      problems.push(`CSP ${name} allows ${v}`);
    }
  }
  return problems;
}

/** The site-URLs of a text that no list allows. */
function foreignUrls(text, allowed) {
  const out = new Set();
  for (const url of text.match(URL_RE) ?? []) {
    if (NAMESPACE.test(url) || LOOPBACK.test(url)) continue;
    if (allowed.some((a) => (a.re ? a.re.test(url) : a === url))) continue;
    out.add(url);
  }
  return [...out];
}

/** Pages and our scripts: no URL to another site, no CSP source that is one. */
function checkPagesAndScripts(dir, { skipDir, allowedUrls = [], allowedOrigins = [] }) {
  const problems = [];
  for (const file of walk(dir)) {
    const name = rel(dir, file);
    if (skipDir && name.startsWith(`${skipDir}/`)) continue;
    if (name.endsWith('.html')) {
      const html = fs.readFileSync(file, 'utf8');
      for (const url of foreignUrls(html, allowedUrls)) problems.push(`${name}: URL of another site: ${url}`);
      for (const m of html.matchAll(/<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)=["']?(\/\/[^"'\s>]+)/gi)) problems.push(`${name}: loads ${m[1]} from another site`);
      const policy = cspOf(html);
      if (policy) for (const p of cspProblems(policy, allowedOrigins)) problems.push(`${name}: ${p}`);
      else if (/<script\b/i.test(html)) problems.push(`${name}: a page with scripts but no Content-Security-Policy`);
    } else if (name.endsWith('.js')) {
      const text = fs.readFileSync(file, 'utf8');
      const allowed = [...OWN_SCRIPT_URLS, ...allowedUrls, ...(/^preview[.-]/.test(name) ? PREVIEW_SCRIPT_URLS : []), ...(LAZY_SCRIPT_URLS[/^([a-z][a-z-]*?)[.]/.exec(name)?.[1] ?? ''] ?? [])];
      for (const url of foreignUrls(text, allowed)) problems.push(`${name}: URL of another site: ${url}`);
    }
  }
  return problems;
}

/** Files office.js loads from its own folder, which the local build must have. */
const OFFICE_JS_NEEDS = [
  'office.js',
  'o15apptofilemappingtable.js',
  'excel-win32-16.01.js',
  'excel-web-16.00.js',
  'excel-mac-16.00.js',
  'en-us/office_strings.js',
  'zh-cn/office_strings.js',
];

function checkLocalOfficeBuild(dist, officeDir = 'office-js') {
  const problems = [];
  for (const page of ['taskpane.html', 'commands.html']) {
    const file = path.join(dist, page);
    if (!fs.existsSync(file)) {
      problems.push(`${page}: missing`);
      continue;
    }
    const html = fs.readFileSync(file, 'utf8');
    if (!new RegExp(`<script\\b[^>]*\\bsrc=["']?${officeDir}/office\\.js["'\\s>]`).test(html)) problems.push(`${page}: does not load ${officeDir}/office.js`);
  }
  for (const need of OFFICE_JS_NEEDS) if (!fs.existsSync(path.join(dist, officeDir, need))) problems.push(`${officeDir}/${need}: missing (office.js loads it)`);
  if (fs.existsSync(path.join(dist, officeDir, 'telemetry'))) problems.push(`${officeDir}/telemetry/: office.js's telemetry sink must not be shipped`);
  problems.push(...checkPagesAndScripts(dist, { skipDir: officeDir }));
  for (const file of walk(path.join(dist, officeDir)).filter((f) => f.endsWith('.js'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const url of foreignUrls(text, OFFICE_JS_URLS)) problems.push(`${rel(dist, file)}: URL not in OFFICE_JS_URLS: ${url}`);
  }
  return problems;
}

/** The address the WPS build was made for (jsplugins.xml's url). */
function wpsDeployUrl(distWps) {
  const file = path.join(distWps, 'jsplugins.xml');
  if (!fs.existsSync(file)) return undefined;
  const m = /\burl="([^"]+)"/.exec(fs.readFileSync(file, 'utf8'));
  return m ? m[1] : undefined;
}

function checkWpsBuild(distWps) {
  const problems = [];
  for (const need of ['taskpane.html', 'index.html', 'main.js', 'ribbon.xml', 'manifest.xml', 'jsplugins.xml', 'publish.html', 'offline/publish.xml']) {
    if (!fs.existsSync(path.join(distWps, need))) problems.push(`${need}: missing`);
  }
  const deploy = wpsDeployUrl(distWps);
  const allowedUrls = deploy ? [deploy] : [];
  // publish.html talks to WPS's local service; the other pages allow nothing but themselves.
  problems.push(...checkPagesAndScripts(distWps, { allowedUrls, allowedOrigins: ['http://127.0.0.1:58890'] }));
  return problems;
}

module.exports = { checkLocalOfficeBuild, checkWpsBuild, OFFICE_JS_URLS, OWN_SCRIPT_URLS, PREVIEW_SCRIPT_URLS, LAZY_SCRIPT_URLS, isLocalOfficeBuild };

/** Whether dist/ is an OFFICE_JS=local build (its task pane loads office.js from beside it). */
function isLocalOfficeBuild(dist, officeDir = 'office-js') {
  const file = path.join(dist, 'taskpane.html');
  return fs.existsSync(file) && new RegExp(`\\bsrc=["']?${officeDir}/office\\.js`).test(fs.readFileSync(file, 'utf8'));
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? path.resolve(args[i + 1]) : fallback;
  };
  const root = path.resolve(__dirname, '..');
  const dist = opt('--dist', path.join(root, 'dist'));
  const distWps = opt('--wps-dist', path.join(root, 'dist-wps'));
  const problems = [];
  if (isLocalOfficeBuild(dist)) problems.push(...checkLocalOfficeBuild(dist).map((p) => `${path.relative(root, dist)}/${p}`));
  else console.log(`${path.relative(root, dist) || dist}: not an OFFICE_JS=local build, skipped`);
  if (fs.existsSync(path.join(distWps, 'taskpane.html'))) problems.push(...checkWpsBuild(distWps).map((p) => `${path.relative(root, distWps)}/${p}`));
  else console.log(`${path.relative(root, distWps) || distWps}: not built, skipped`);
  for (const p of problems) console.error(p);
  console.log(problems.length ? `offline-check: ${problems.length} problem(s)` : 'offline-check: ok');
  process.exit(problems.length ? 1 : 0);
}
