// Every context.sync() of the adapter goes through here. On Excel on the web a sync can hang
// forever while a large workbook is still loading or calculating (office-js#6150, #6678), so a
// sync that takes longer than `ms` rejects with a bilingual HostError the pane can show with a
// retry button. The late sync, if it ever completes, is ignored.
import { HostError, SYNC_TIMEOUT } from './errors';

export interface Syncable {
  sync(): Promise<unknown>;
}

export function syncWithTimeout(ctx: Syncable, ms: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new HostError(SYNC_TIMEOUT, { reason: 'SyncTimeout' })), ms);
    ctx.sync().then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

export function isSyncTimeout(e: unknown): boolean {
  return e instanceof HostError && e.reason === 'SyncTimeout';
}
