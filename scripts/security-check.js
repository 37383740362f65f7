#!/usr/bin/env node
// Security checks of the add-in and the CLI:
//   1. no eval( / new Function( / Function("…") in src, nor in the built dist/*.js — except in
//      third-party code of the browser preview (a development page Office never loads), listed in
//      DIST_EVAL_ALLOWED with the reason, and in the task pane's lazy report-reader chunks, by chunk
//      and package in LAZY_EVAL_ALLOWED with why the call is never made;
//   2. no network at run time: no fetch( / XMLHttpRequest / WebSocket / EventSource /
//      navigator.sendBeacon / importScripts( and no http(s) URL in src (tests excluded), apart
//      from NETWORK_ALLOWED (Office's CDN script tag, localhost, XML namespace URIs, the
//      preview's same-origin sample fetch);
//   3. no telemetry: no import of office-addin-usage-data or applicationinsights in src, and
//      neither among the runtime dependencies in package.json;
//   4. the built pages (dist/taskpane.html, dist/commands.html) carry a Content-Security-Policy
//      that allows scripts only from 'self', Office's CDN and sha256 hashes, no 'unsafe-eval',
//      and nothing else but 'self' (plus Office's CDN for connect-src, data: for images and fonts,
//      'unsafe-inline' for styles only); every <script src> is ours or Office's;
//   5. `npm audit --omit=dev --json`: high or critical advisories fail the check unless listed in
//      AUDIT_ALLOWED with a note on why they cannot be fixed; an unreachable registry is reported
//      as "skipped: registry unreachable" and does not fail;
//   6. offline builds (scripts/offline-check.js): when dist/ is an OFFICE_JS=local build, no
//      HTML page, script or CSP in it names or allows another site (office.js's own files only
//      the URLs listed there, each with why it is never requested); when dist-wps/ is built, the
//      same for the WPS add-in, whose only address is where it is deployed.
//
// Usage: node scripts/security-check.js [--no-audit] [--no-dist] [--json]
//   --no-audit  skip npm audit (offline work; lint stays fast)
//   --no-dist   skip the dist/ checks (they also skip by themselves when dist/ is not built)
//   --json      print the outcome as one JSON object
// Exit 0 when every check passes (or is skipped), 1 with file:line messages otherwise.
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const offline = require('./offline-check');

const root = path.resolve(__dirname, '..');
const args = new Set(process.argv.slice(2));
const OFFICE_CDN = 'https://appsforoffice.microsoft.com';

/** Third-party packages whose eval-like code may stay in a preview-only chunk, and why. */
const DIST_EVAL_ALLOWED = {
  jszip:
    "JSZip's setImmediate polyfill turns a string handler into new Function(code); JSZip itself only ever passes functions. The preview's .xlsx reader uses JSZip to screen a workbook before ExcelJS loads it (src/hosts/xlsx/package-guard.ts: sizes, ratio, DOCTYPE, merged areas); it is only in the preview page (preview-vendors chunk), whose CSP has no 'unsafe-eval', so such a call would fail closed there; Office never loads it.",
  exceljs:
    "ExcelJS's prebuilt browser bundle (dist/exceljs.min.js) carries lodash/regenerator/setImmediate polyfills that call Function(\"return this\") and new Function(code); it is only in the preview page (preview-exceljs chunk), whose CSP has no 'unsafe-eval', so those calls fail closed there; Office never loads it.",
};

/** Why ExcelJS's eval-like code never runs (prebuilt browser bundle). */
const EXCELJS_POLYFILLS =
  "ExcelJS's prebuilt browser bundle carries lodash/regenerator/setImmediate polyfills: Function(\"return this\") runs only where neither globalThis nor self exists, regeneratorRuntime's Function only when assigning a global fails, and setImmediate's new Function only for a string handler, which ExcelJS never passes.";

/**
 * Lazy chunks of the task pane, fetched only when a report file is opened in 报告文本 (webpack
 * chunk names, see ProseSection.tsx and src/hosts/docs), and the third-party code in them whose
 * eval-like calls are allowed, with why none is ever made. The pane's CSP has no 'unsafe-eval'
 * either, so such a call would fail closed.
 */
const LAZY_EVAL_ALLOWED = {
  'report-docx': {
    jszip:
      "JSZip's bundled setImmediate polyfill turns a handler that is a string into new Function(handler); JSZip only ever passes functions.",
  },
  // Loaded only when 写入结果表 meets a workbook whose structure is protected (excel-host.ts).
  'result-workbook': { exceljs: EXCELJS_POLYFILLS },
  // The web checker's worker (checker.html): ExcelJS reads and writes the workbooks there, JSZip
  // screens them first. Its CSP has no 'unsafe-eval' either.
  'checker-worker': {
    exceljs: EXCELJS_POLYFILLS,
    jszip: "JSZip's bundled setImmediate polyfill turns a handler that is a string into new Function(handler); JSZip only ever passes functions.",
  },
  'report-pdfjs': {
    unpdf:
      'PDF.js (unpdf\'s serverless build) probes for eval support with new Function("") inside try/catch and compiles PostScript functions with new Function only when isEvalSupported is true; read-pdf.ts passes isEvalSupported: false.',
  },
};

/** Network-looking code that is allowed, by file (relative to the root) and a pattern of the line. */
const NETWORK_ALLOWED = [
  { file: /^src\/wps\/addin\/publish\.html$/, line: /XMLHttpRequest/, why: "the WPS deployment page registers the add-in through WPS's own service on this computer (127.0.0.1:58890), as the page of `wpsjs publish` does" },
  { file: /^src\/preview\/samples\.ts$/, line: /fetch\(sampleUrl\(name\)\)/, why: "the preview page fetches its bundled sample workbooks from its own origin (relative URL 'samples/…')" },
];

/** URLs that are not network use: localhost (dev server) and XML/schema namespace URIs. */
const URL_ALLOWED = [
  /^https?:\/\/localhost(:\d+)?(\/|$)/,
  /^https?:\/\/127\.0\.0\.1(:\d+)?(\/|$)/,
  /^http:\/\/schemas\.(microsoft|openxmlformats)\.(com|org)\//,
  /^http:\/\/www\.w3\.org\//,
  /^http:\/\/purl\.org\//,
  /^http:\/\/purl\.oclc\.org\/ooxml\//,
  /^https?:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js$/,
];

/** Advisories (by id or package name) allowed despite high/critical severity, with the reason. */
const AUDIT_ALLOWED = {};

const EVAL_RE = /(^|[^.\w$])eval\s*\(|\bnew\s+Function\s*\(|(^|[^.\w$])Function\s*\(\s*["'`]/;
const NETWORK_RE = /\bfetch\s*\(|\bXMLHttpRequest\b|\bWebSocket\b|\bEventSource\b|\bsendBeacon\b|\bimportScripts\s*\(/;
const URL_RE = /https?:\/\/[^\s"'`<>)\]]+/g;
const TELEMETRY_RE = /office-addin-usage-data|applicationinsights/i;

const problems = [];
const notes = [];
const outcome = { eval: 'ok', network: 'ok', telemetry: 'ok', csp: 'ok', offline: 'ok', audit: 'ok' };

function rel(p) {
  return path.relative(root, p).split(path.sep).join('/');
}

function walk(dir, exts) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(p, exts);
    return exts.test(e.name) ? [p] : [];
  });
}

/** The code of a source line without comments (good enough for a line-based check). */
function codeOf(line, state) {
  let s = line;
  if (state.inBlock) {
    const end = s.indexOf('*/');
    if (end < 0) return '';
    s = s.slice(end + 2);
    state.inBlock = false;
  }
  s = s.replace(/\/\*.*?\*\//g, '').replace(/<!--.*?-->/g, '');
  const open = s.indexOf('/*');
  if (open >= 0 && !/["'`][^"'`]*\/\*/.test(s)) {
    state.inBlock = true;
    s = s.slice(0, open);
  }
  if (/^\s*(\*|<!--)/.test(s)) return '';
  // A // comment, but not the // of a URL (https://).
  return s.replace(/(^|[^:"'`\\])\/\/.*$/, '$1');
}

// ---------------------------------------------------------------------------------------------
// 1–3. Sources

const sources = walk(path.join(root, 'src'), /\.(ts|tsx|js|jsx|html)$/);
for (const file of sources) {
  const r = rel(file);
  const state = { inBlock: false };
  fs.readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const where = `${r}:${i + 1}`;
      const code = codeOf(raw, state);
      if (!code.trim()) return;
      if (EVAL_RE.test(code)) problems.push(`${where}: eval / new Function is not allowed: ${raw.trim()}`);
      const allowed = NETWORK_ALLOWED.find((a) => a.file.test(r) && a.line.test(raw));
      if (NETWORK_RE.test(code) && !allowed) problems.push(`${where}: network call at run time: ${raw.trim()}`);
      for (const match of code.match(URL_RE) ?? []) {
        const url = match.replace(/[;,.]+$/, '');
        if (!allowed && !URL_ALLOWED.some((re) => re.test(url))) problems.push(`${where}: URL that is not ours: ${url}`);
      }
      if (/\b(import|require)\b/.test(code) && TELEMETRY_RE.test(code)) problems.push(`${where}: telemetry package imported: ${raw.trim()}`);
    });
}
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
for (const dep of Object.keys(pkg.dependencies ?? {})) {
  if (TELEMETRY_RE.test(dep)) problems.push(`package.json: telemetry package among the runtime dependencies: ${dep}`);
}
if (problems.some((p) => /eval/.test(p))) outcome.eval = 'fail';
if (problems.some((p) => /network|URL/.test(p))) outcome.network = 'fail';
if (problems.some((p) => /telemetry/.test(p))) outcome.telemetry = 'fail';

// ---------------------------------------------------------------------------------------------
// 1. The built bundles, with the package of each hit found through the source map

/** Decodes a source map's `mappings` into [line][] of {col, src}. */
function decodeMappings(mappings) {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const lines = [];
  let src = 0;
  for (const line of mappings.split(';')) {
    const segs = [];
    let col = 0;
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const vals = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const d = B64.indexOf(ch);
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          vals.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += vals[0];
      if (vals.length > 1) src += vals[1];
      segs.push({ col, src: vals.length > 1 ? src : -1 });
    }
    lines.push(segs);
  }
  return lines;
}

function packageOf(source) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source ?? '');
  return m ? m[1] : source ? 'our code' : 'unknown';
}

function sourceAt(map, decoded, line, col) {
  const segs = decoded[line] ?? [];
  let best;
  for (const s of segs) if (s.col <= col && s.src >= 0) best = s;
  return best ? map.sources[best.src] : undefined;
}

const dist = path.join(root, 'dist');
if (args.has('--no-dist')) {
  outcome.csp = 'skipped: --no-dist';
  notes.push('dist checks skipped (--no-dist)');
} else if (!fs.existsSync(path.join(dist, 'taskpane.html'))) {
  outcome.csp = 'skipped: dist not built';
  notes.push('dist/ is not built (npm run build): bundle and CSP checks skipped');
} else {
  const allowedHits = new Map();
  for (const file of fs.readdirSync(dist).filter((f) => f.endsWith('.js'))) {
    const text = fs.readFileSync(path.join(dist, file), 'utf8');
    const lines = text.split('\n');
    let map;
    let decoded;
    const mapFile = path.join(dist, `${file}.map`);
    const re = new RegExp(EVAL_RE.source, 'g');
    lines.forEach((line, li) => {
      for (const m of line.matchAll(re)) {
        if (!map && fs.existsSync(mapFile)) {
          map = JSON.parse(fs.readFileSync(mapFile, 'utf8'));
          decoded = decodeMappings(map.mappings);
        }
        const col = m.index + (m[1] ?? m[2] ?? '').length;
        const pkgName = packageOf(map ? sourceAt(map, decoded, li, col) : undefined);
        const previewOnly = /^preview[.-]/.test(file);
        const snippet = line.slice(Math.max(0, col - 30), col + 40).replace(/\s+/g, ' ');
        const lazy = LAZY_EVAL_ALLOWED[/^([a-z][a-z-]*?)\.[0-9a-f]{8}\.js$/.exec(file)?.[1] ?? '']?.[pkgName];
        if ((previewOnly && DIST_EVAL_ALLOWED[pkgName]) || lazy) {
          allowedHits.set(`${file} (${pkgName})`, (allowedHits.get(`${file} (${pkgName})`) ?? 0) + 1);
        } else {
          problems.push(`dist/${file}:${li + 1}:${col + 1}: eval-like code from ${pkgName}: …${snippet}…`);
          outcome.eval = 'fail';
        }
      }
    });
  }
  for (const [where, n] of allowedHits) {
    const pkgName = /\((.+)\)$/.exec(where)[1];
    const chunk = /^([a-z][a-z-]*?)\./.exec(where)?.[1] ?? '';
    notes.push(`dist/${where}: ${n} eval-like call(s) in third-party code, allowed: ${LAZY_EVAL_ALLOWED[chunk]?.[pkgName] ?? DIST_EVAL_ALLOWED[pkgName]}`);
  }

  // 4. CSP of the pages Office loads
  for (const page of ['taskpane.html', 'commands.html']) {
    const file = path.join(dist, page);
    if (!fs.existsSync(file)) continue;
    const html = fs.readFileSync(file, 'utf8');
    const meta = /<meta\s[^>]*http-equiv=["']?Content-Security-Policy["']?[^>]*>/i.exec(html);
    const content = meta && /content=(?:"([^"]*)"|'([^']*)')/i.exec(meta[0]);
    const policy = content ? content[1] ?? content[2] : undefined;
    const fail = (why) => {
      problems.push(`dist/${page}: ${why}`);
      outcome.csp = 'fail';
    };
    if (!policy) {
      fail('no Content-Security-Policy meta tag');
      continue;
    }
    const directives = new Map(
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0])
        .map(([name, ...values]) => [name.toLowerCase(), values]),
    );
    if (!directives.has('default-src')) fail("CSP has no default-src (everything else would be allowed)");
    const scripts = directives.get('script-src') ?? directives.get('default-src') ?? [];
    for (const v of scripts) {
      if (v === "'self'" || v === OFFICE_CDN || /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(v)) continue;
      fail(`script-src allows ${v} (only 'self', ${OFFICE_CDN} and hashes may run scripts)`);
    }
    if (!scripts.includes("'self'")) fail("script-src does not allow 'self'");
    for (const [name, values] of directives) {
      for (const v of values) {
        if (v === "'unsafe-eval'" || v === "'wasm-unsafe-eval'") fail(`${name} allows ${v}`);
        else if (v === '*' || /^(https?:|wss?:|blob:|filesystem:)$/.test(v)) fail(`${name} allows any source (${v})`);
        else if (v === "'unsafe-inline'" && name !== 'style-src') fail(`${name} allows 'unsafe-inline'`);
        else if (/^(https?|wss?):\/\//.test(v) && v !== OFFICE_CDN) fail(`${name} allows ${v}, not our origin nor Office's CDN`);
        else if (v === 'data:' && !['img-src', 'font-src'].includes(name)) fail(`${name} allows data:`);
      }
    }
    for (const m of html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)) {
      const src = m[1];
      if (/^(https?:)?\/\//.test(src) && !src.startsWith(`${OFFICE_CDN}/`)) fail(`loads a script from ${src}`);
      if (/^preview[.-]/.test(src)) fail(`loads the preview-only chunk ${src}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 6. Offline builds

if (args.has('--no-dist')) {
  outcome.offline = 'skipped: --no-dist';
} else {
  const ran = [];
  const found = [];
  if (offline.isLocalOfficeBuild(dist)) {
    ran.push('dist (OFFICE_JS=local)');
    found.push(...offline.checkLocalOfficeBuild(dist).map((p) => `dist/${p}`));
  } else if (fs.existsSync(path.join(dist, 'taskpane.html'))) {
    notes.push("dist/ loads office.js from Microsoft's CDN: the offline-build checks apply to OFFICE_JS=local builds");
  }
  const distWps = path.join(root, 'dist-wps');
  if (fs.existsSync(path.join(distWps, 'taskpane.html'))) {
    ran.push('dist-wps');
    found.push(...offline.checkWpsBuild(distWps).map((p) => `dist-wps/${p}`));
  }
  problems.push(...found);
  outcome.offline = found.length ? 'fail' : ran.length ? `ok (${ran.join(', ')})` : 'skipped: no offline build';
}

// ---------------------------------------------------------------------------------------------
// 5. npm audit

if (args.has('--no-audit')) {
  outcome.audit = 'skipped: --no-audit';
} else {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 });
  let report;
  try {
    report = JSON.parse(run.stdout || 'null');
  } catch {
    report = null;
  }
  // No report, a network error, or an endpoint that refuses the audit (a mirror or proxy that
  // serves packages only: 404/405) all mean the advisories could not be fetched.
  const unreachable = !report || run.error || !report.vulnerabilities;
  if (unreachable) {
    const why = run.error ? run.error.message : report ? report.message ?? report.error?.summary ?? '' : (run.stderr || '').split('\n').find((l) => /error/i.test(l)) ?? '';
    outcome.audit = 'skipped: registry unreachable';
    notes.push(`npm audit skipped: registry unreachable${why ? ` (${String(why).trim()})` : ''}`);
  } else {
    const counts = report.metadata?.vulnerabilities ?? {};
    const serious = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => v.severity === 'high' || v.severity === 'critical');
    const blocking = serious.filter(([name, v]) => !AUDIT_ALLOWED[name] && !(v.via ?? []).some((x) => typeof x === 'object' && AUDIT_ALLOWED[x.source]));
    for (const [name, v] of serious) {
      const via = (v.via ?? []).map((x) => (typeof x === 'string' ? x : `${x.title ?? x.name} (${x.url ?? x.source})`)).join('; ');
      const line = `npm audit: ${v.severity} in ${name}${v.range ? ` ${v.range}` : ''}: ${via}${v.fixAvailable ? ' — fix available' : ''}`;
      if (blocking.some(([n]) => n === name)) problems.push(line);
      else notes.push(`${line} — allowed: ${AUDIT_ALLOWED[name] ?? 'see AUDIT_ALLOWED'}`);
    }
    outcome.audit = blocking.length
      ? 'fail'
      : `ok (${['critical', 'high', 'moderate', 'low', 'info'].map((k) => `${counts[k] ?? 0} ${k}`).join(', ')})`;
  }
}

// ---------------------------------------------------------------------------------------------

if (args.has('--json')) {
  console.log(JSON.stringify({ ok: problems.length === 0, outcome, problems, notes }, null, 2));
} else {
  for (const n of notes) console.log(`note: ${n}`);
  if (problems.length) console.error(problems.join('\n'));
  console.log(
    `security-check: eval ${outcome.eval}; network ${outcome.network}; telemetry ${outcome.telemetry}; CSP ${outcome.csp}; offline builds ${outcome.offline}; npm audit ${outcome.audit}`,
  );
}
process.exit(problems.length ? 1 : 0);
