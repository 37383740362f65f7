// Ranges and types: counts are non-negative whole numbers, rates lie in 0–100 %, money ≥ 0.
import type { Finding } from '../types';
import type { WorkbookModel } from './context';
import { scanFindings } from './scan';

export function checkRanges(model: WorkbookModel): Finding[] {
  return scanFindings(model, 'ranges');
}
