import type { Bilingual } from '../../core/types';

/** A workbook file that cannot be read, with a message for the user in both languages. */
export class WorkbookReadError extends Error {
  constructor(public readonly bilingual: Bilingual) {
    super(bilingual['en-US']);
    this.name = 'WorkbookReadError';
  }
}
