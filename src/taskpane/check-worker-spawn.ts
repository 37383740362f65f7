// Starts the engine worker. Kept apart because `import.meta` only parses as an ES module: webpack
// bundles this (and emits check-worker.ts as its own chunk); Jest (CommonJS) never loads it, since
// the client imports it lazily and only where `Worker` exists.
export function spawnCheckWorker(): Worker {
  return new Worker(new URL('./check-worker.ts', import.meta.url), { name: 'check-worker' });
}
