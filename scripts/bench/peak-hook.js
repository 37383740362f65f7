'use strict';
// `node --require scripts/bench/peak-hook.js …`: when the process exits, writes its peak RSS
// (getrusage maxRSS, bytes) to the file named by BENCH_PEAK_FILE, so that the benchmark can
// measure a command run exactly as a user runs it.
const fs = require('fs');

const file = process.env.BENCH_PEAK_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
