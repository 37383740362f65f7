// Cells that hold no readable number: Excel errors and unreadable text. Never a silent zero.
import type { Finding } from '../types';
import type { WorkbookModel } from './context';
import { scanFindings } from './scan';

export function checkCells(model: WorkbookModel): Finding[] {
  return scanFindings(model, 'cells');
}
