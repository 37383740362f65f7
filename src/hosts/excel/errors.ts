// Errors the Excel adapter throws. Every one carries its message in both UI languages (from the
// message packs, core/i18n), so the task pane can show it as is; `message` holds both as well, for logs.
import { BilingualError } from '../../core/errors';
import { message } from '../../core/i18n';
import type { Bilingual } from '../../core/types';

/**
 * Why the adapter itself refused or gave up, as opposed to an error Excel reported. Kept in a
 * field of its own so that a reason never passes for an Office error code or the reverse.
 */
export type HostReason =
  | 'SyncTimeout'
  | 'SheetHidden'
  | 'SheetMissing'
  | 'SheetTooLarge'
  | 'NoWorkbook'
  | 'TargetOccupied'
  | 'TargetOffSheet'
  | 'SheetNameTaken'
  | 'Protected'
  | 'TooMuchData'
  | 'NoData';

export class HostError extends BilingualError {
  /** Office's error code of the underlying failure, when Excel (or WPS) reported one (`ItemNotFound`, …). */
  readonly code?: string;
  /** The adapter's own reason, when it refused or gave up by itself. */
  readonly reason?: HostReason;

  constructor(bilingual: Bilingual, options: { code?: string; reason?: HostReason; cause?: unknown } = {}) {
    super(bilingual, { message: `${bilingual['zh-CN']} / ${bilingual['en-US']}`, cause: options.cause });
    this.name = 'HostError';
    this.code = options.code;
    this.reason = options.reason;
  }
}

export const SYNC_TIMEOUT: Bilingual = message('host.excel.sync-timeout');

export function sheetMissing(sheet: string): Bilingual {
  return message('host.excel.sheet-missing', { sheet });
}

/** A finding on a hidden sheet cannot be shown: Excel does not activate hidden sheets. */
export function sheetHidden(sheet: string, address: string, veryHidden: boolean): Bilingual {
  return message(veryHidden ? 'host.excel.sheet-very-hidden' : 'host.excel.sheet-hidden', { sheet, address });
}

/** Findings on a protected sheet: not marked, and what to do (Excel and WPS refuse marks there). */
export function sheetProtectedForMarks(sheet: string, count: number): Bilingual {
  return message('host.excel.protected-marks', { sheet, count });
}

/** Old marks on a protected sheet cannot be cleared. */
export function sheetProtectedForClear(sheet: string): Bilingual {
  return message('host.excel.protected-clear', { sheet });
}

/**
 * No sheet can be added to a workbook whose structure is protected (Excel and WPS alike);
 * `hint`, when given, is the way round it, said after "try again".
 */
export function structureLocked(sheet: string, hint?: Bilingual): Bilingual {
  return hint ? message('host.excel.structure-locked-or', { sheet, hint }) : message('host.excel.structure-locked', { sheet });
}

/** The way round a protected structure for a summary table: the selection needs no new sheet. */
export const SUMMARY_AT_SELECTION: Bilingual = message('host.excel.summary-at-selection');

/** Nothing can be written on a protected sheet (a summary table at the selection). */
export function sheetLocked(sheet: string): Bilingual {
  return message('host.excel.sheet-locked', { sheet });
}

/** `feature`: what cannot be done, as the pack's host.excel.feature.* say it. */
export function requirementMissing(feature: Bilingual, set: string): Bilingual {
  return message('host.excel.requirement-missing', { feature, set });
}

export function resultSheetTaken(sheet: string): Bilingual {
  return message('host.excel.result-sheet-taken', { sheet });
}

/** The Office error code of an error (`RichApi.Error` carries one in `code`). */
export function errorCode(e: unknown): string | undefined {
  if (e && typeof e === 'object' && 'code' in e) {
    const code = (e as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}

function errorText(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}

/** Wraps anything thrown by Office.js into a HostError; HostErrors pass through. */
export function toHostError(e: unknown, action: Bilingual): HostError {
  if (e instanceof HostError) return e;
  const detail = errorText(e);
  return new HostError(message('host.action.failed', { action, detail }), { code: errorCode(e), cause: e });
}
