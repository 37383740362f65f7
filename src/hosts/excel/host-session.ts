// What the parts of the Excel adapter (the reader, the sheet writers, the summary writer) use of
// ExcelHost: one Excel.run whose errors come out bilingual, syncs under the timeout, the suspend
// calls to queue before writes, requirement-set checks, and the platform's payload budget.
import type { Bilingual } from '../../core/types';

export interface HostSession {
  /** One Excel.run; a hung sync rejects at once, anything else becomes a bilingual HostError naming `action`. */
  run<T>(action: Bilingual, batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** context.sync() under the timeout. */
  sync(ctx: Excel.RequestContext): Promise<void>;
  /** Suspends calculation and screen updating until the next sync: queue it before the writes it covers. */
  quiet(ctx: Excel.RequestContext): void;
  /** Whether Excel supports ExcelApi 1.<minor>. */
  api(version: string): boolean;
  /** Queues reading the workbook's structure protection (ExcelApi 1.7); the getter answers after the sync. */
  structureProtection(ctx: Excel.RequestContext): () => boolean;
  readonly platform: 'web' | 'desktop';
  /** Bytes one sync may carry on the web. */
  readonly webBudgetBytes: number;
  /** Opens an .xlsx (base64) as a new workbook (Excel.createWorkbook, ExcelApi 1.8). */
  createWorkbook(base64: string): Promise<void>;
}
