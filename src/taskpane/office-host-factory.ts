// Hosts the composition root can hand to the App when no real workbook is available, and the
// small helpers that decide which one to use. Nothing here imports the Excel adapter, so the
// App and its tests never load Office.js code.
import { BilingualError } from '../core/errors';
import type { Bilingual, WorkbookSnapshot } from '../core/types';
import type { Host } from '../core/host';
import { paneMessage } from './i18n';

export { BilingualError };

export const OPEN_IN_EXCEL: Bilingual = paneMessage('host.open-in-excel');

/**
 * A host for when the pane runs outside Excel (office.js failed to load, a plain browser, or
 * another Office application). The pane still starts; every workbook action explains why it
 * can't run.
 */
export function createUnavailableHost(message: Bilingual = OPEN_IN_EXCEL): Host {
  const fail = (): Promise<never> => Promise.reject(new BilingualError(message));
  return {
    kind: 'fake',
    readWorkbook: (): Promise<WorkbookSnapshot> => fail(),
    applyMarks: () => fail(),
    clearMarks: () => fail(),
    selectCell: () => fail(),
  };
}

/** Whether the user agent is Internet Explorer's Trident engine (Office 2016/2019 volume licence). */
export function isTrident(userAgent: string): boolean {
  return userAgent.indexOf('Trident') !== -1;
}
