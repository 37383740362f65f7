'use strict';
// The streaming reader's second thread (src/hosts/xlsx/stream/sheet-worker.ts) started from the
// TypeScript sources, for tests: a worker thread cannot load .ts itself, so this registers
// scripts/bench/ts-require.js (with its cache in build/ts-cache) and then loads the worker.
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');
require(path.join(ROOT, 'scripts', 'bench', 'ts-require')).register({ cache: path.join(ROOT, 'build', 'ts-cache') });
require(path.join(ROOT, 'src', 'hosts', 'xlsx', 'stream', 'sheet-worker.ts'));
