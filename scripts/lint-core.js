#!/usr/bin/env node
// Keeps src/core pure: no Office, DOM or Node imports, no eval/new Function anywhere in src.
// Run by `npm run lint` (after tsc). Exit 1 with located messages on a violation.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const NODE_MODULES = new Set(require('module').builtinModules.flatMap((m) => [m, `node:${m}`]));
const FORBIDDEN_PACKAGES = [/^office-/, /^@microsoft\/office/, /^react/, /^@fluentui\//, /^exceljs$/, /^playwright/];
const FORBIDDEN_GLOBALS = /\b(Office|Excel|window|document|navigator|localStorage|process|require|__dirname|Buffer)\s*[.(\[]/;

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : /\.(ts|tsx|js)$/.test(e.name) ? [p] : [];
  });
}

const problems = [];
for (const file of walk(path.join(root, 'src', 'core'))) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    const where = `${path.relative(root, file)}:${i + 1}`;
    const m = /^\s*(?:import|export)\s[^'"]*from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/.exec(line);
    const spec = m && (m[1] || m[2]);
    if (spec && !spec.startsWith('.')) {
      if (NODE_MODULES.has(spec)) problems.push(`${where}: Node module '${spec}' imported in src/core`);
      if (FORBIDDEN_PACKAGES.some((re) => re.test(spec))) problems.push(`${where}: host/UI package '${spec}' imported in src/core`);
    }
    const code = line.replace(/\/\/.*$/, '');
    if (!/^\s*\*/.test(code) && FORBIDDEN_GLOBALS.test(code.replace(/(['"`]).*?\1/g, ''))) problems.push(`${where}: host global used in src/core: ${line.trim()}`);
  });
}
for (const file of walk(path.join(root, 'src'))) {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (/\beval\s*\(|new\s+Function\s*\(/.test(line.replace(/\/\/.*$/, ''))) problems.push(`${path.relative(root, file)}:${i + 1}: eval/new Function is not allowed`);
  });
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('src/core is free of Office, DOM and Node imports; no eval in src');
