// Starts the checker worker. Kept apart because `import.meta` only parses as an ES module:
// webpack bundles this (and emits checker-worker.ts as a chunk of its own); Jest (CommonJS) never
// loads it, so the client and the page's logic stay testable there.
export function spawnCheckerWorker(): Worker {
  return new Worker(new URL('./checker-worker.ts', import.meta.url), { name: 'checker-worker' });
}
