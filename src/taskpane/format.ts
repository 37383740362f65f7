// Formatting helpers of the task pane: errors, cell addresses and values in the UI language.
import { bilingualOf } from '../core/errors';
import type { CellRef, Lang } from '../core/types';
import { pick, translate } from './i18n';


/**
 * HostError.reason of a context.sync() that took too long (src/hosts/excel/sync.ts). Compared by
 * value so the pane does not load the Excel adapter to recognise it.
 */
export const SYNC_TIMEOUT_CODE = 'SyncTimeout';

/** Whether an error is a hung Excel sync: worth a retry whatever the action was. */
export function isSyncTimeoutError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { reason?: unknown }).reason === SYNC_TIMEOUT_CODE;
}

/** The raw text of an unknown thrown value. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/**
 * The message to show for an error: its own bilingual text when it has one, otherwise a
 * generic message in the UI language followed by the error's own text.
 */
export function describeError(error: unknown, lang: Lang): string {
  const bilingual = bilingualOf(error);
  if (bilingual) return pick(bilingual, lang);
  const text = errorText(error);
  const generic = translate(lang, 'error.generic');
  return text ? `${generic} (${text})` : generic;
}

const NEEDS_QUOTES = /[\s'!"#$%&()*+,\-/:;<=>?@[\\\]^`{|}~，。；：（）]|^\d/;

/** "Sheet1!B5", or "'My sheet'!B5" when the name needs quoting as in an Excel formula. */
export function formatCellRef(ref: CellRef): string {
  const sheet = NEEDS_QUOTES.test(ref.sheet) ? `'${ref.sheet.replace(/'/g, "''")}'` : ref.sheet;
  return `${sheet}!${ref.address}`;
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** A number or text as shown to the user; null as "(blank)". */
export function formatValue(value: number | string | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return translate(lang, 'finding.blank');
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    let format = numberFormats.get(lang);
    if (!format) {
      format = new Intl.NumberFormat(lang, { maximumFractionDigits: 6 });
      numberFormats.set(lang, format);
    }
    return format.format(value);
  }
  return value;
}
