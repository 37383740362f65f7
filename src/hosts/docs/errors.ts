// The error of a report file that cannot be read (src/hosts/docs).
import type { Bilingual } from '../../core/types';

/** A report file that cannot be read, with the reason in both languages (Chinese first). */
export class ReportReadError extends Error {
  constructor(public readonly bilingual: Bilingual) {
    super(bilingual['en-US']);
    this.name = 'ReportReadError';
  }
}
