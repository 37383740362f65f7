// The error of a report file that cannot be read (src/hosts/docs).
import { BilingualError } from '../../core/errors';
import type { Bilingual } from '../../core/types';

/** A report file that cannot be read, with the reason in both languages (Chinese first). */
export class ReportReadError extends BilingualError {
  constructor(bilingual: Bilingual) {
    super(bilingual);
    this.name = 'ReportReadError';
  }
}
