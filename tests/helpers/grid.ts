import type { CellValue, SheetGrid, WorkbookSnapshot } from '../../src/core/types';

/** A sheet from rows of values, starting at A1 unless an origin is given. */
export function grid(name: string, values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  const width = Math.max(0, ...values.map((r) => r.length));
  return { name, originRow: 0, originCol: 0, values: values.map((r) => [...r, ...new Array(width - r.length).fill(null)]), ...extra };
}

export function workbook(name: string, ...sheets: SheetGrid[]): WorkbookSnapshot {
  return { name, sheets };
}
