'use strict';
// `node --require scripts/bench/ts-require-hook.js`: .ts files load from source (ts-require.js),
// compiled for the CLI build's target, for child processes that must behave as build/cli does (a
// test asks V8 about the hidden classes of the model).
require('./ts-require').register({ target: 'cli' });
