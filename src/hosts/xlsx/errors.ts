import { BilingualError } from '../../core/errors';
import type { Bilingual } from '../../core/types';

/** A workbook file that cannot be read, with a message for the user in both languages. */
export class WorkbookReadError extends BilingualError {
  constructor(bilingual: Bilingual) {
    super(bilingual);
    this.name = 'WorkbookReadError';
  }
}
