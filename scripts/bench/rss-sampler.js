'use strict';
// Worker thread of engine-child.js: records the process's highest RSS every 10 ms into a shared
// Float64Array while the main thread runs the (synchronous) check.
const { workerData } = require('worker_threads');

const peak = new Float64Array(workerData);
const tick = () => {
  const r = process.memoryUsage.rss();
  if (r > peak[0]) peak[0] = r;
};
tick();
setInterval(tick, 10);
