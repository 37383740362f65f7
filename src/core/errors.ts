// The one base of every error the project throws for a user to read: the engine's, each host's,
// the CLI's, the pane's and the web checker's. It carries the message in both UI languages, so a
// surface shows it in the user's language as it is, and recognises it by type.
import type { Bilingual } from './types';

export class BilingualError extends Error {
  readonly bilingual: Bilingual;

  /**
   * `message` is what logs and stack traces show: the English text unless a subclass gives its
   * own (some put both languages there).
   */
  constructor(bilingual: Bilingual, options: { message?: string; cause?: unknown } = {}) {
    super(options.message ?? bilingual['en-US'], options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BilingualError';
    this.bilingual = bilingual;
  }
}

function isBilingual(value: unknown): value is Bilingual {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['zh-CN'] === 'string' && typeof v['en-US'] === 'string';
}

/**
 * The bilingual message of an error: a BilingualError's own, or the `bilingual` field of an error
 * that crossed a worker's message channel (structured cloning keeps the fields of an error, not
 * its class). Undefined for anything else.
 */
export function bilingualOf(error: unknown): Bilingual | undefined {
  if (error instanceof BilingualError) return error.bilingual;
  if (typeof error === 'object' && error !== null && 'bilingual' in error) {
    const b = (error as { bilingual: unknown }).bilingual;
    if (isBilingual(b)) return b;
  }
  return undefined;
}
