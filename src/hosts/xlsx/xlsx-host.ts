// A Host over an in-memory ExcelJS workbook: the browser preview uses it, and so can the CLI.
// Marks are fills whose original style object is kept and put back exactly by clearMarks.
import ExcelJS from 'exceljs';
import { fromA1, toA1 } from '../../core/a1';
import { explanationRows, EXPLANATIONS_SHEET, type Explanation } from '../../core/explanations';
import type { CellRef, Finding, Host, Progress, Severity, WorkbookSnapshot } from '../../core/types';
import { gridFromWorksheet, loadWorkbook } from './read-xlsx';

/** Excel's sheet size. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export const MARK_FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

interface Mark {
  ref: CellRef;
  severity: Severity;
  original: Partial<ExcelJS.Style>;
}

export type XlsxHostEvent = { type: 'marks' } | { type: 'select'; ref: CellRef } | { type: 'sheets' };

export class XlsxHost implements Host {
  readonly kind = 'xlsx' as const;
  private marks = new Map<string, Mark>();
  private listeners = new Set<(e: XlsxHostEvent) => void>();
  selection: CellRef | undefined;

  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly name: string,
  ) {}

  static async fromBytes(bytes: Uint8Array, name: string): Promise<XlsxHost> {
    return new XlsxHost(await loadWorkbook(bytes, name), name);
  }

  onChange(listener: (e: XlsxHostEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: XlsxHostEvent): void {
    for (const l of this.listeners) l(e);
  }

  async readWorkbook(onProgress?: Progress): Promise<WorkbookSnapshot> {
    const sheets = this.workbook.worksheets.map((ws, i, all) => {
      onProgress?.((i + 1) / all.length, { 'zh-CN': `读取工作表“${ws.name}”`, 'en-US': `Reading sheet "${ws.name}"` });
      return gridFromWorksheet(ws);
    });
    return { name: this.name, sheets };
  }

  /** Severity of the mark on a cell, if any (the preview grid colours cells with it). */
  markAt(sheet: string, address: string): Severity | undefined {
    return this.marks.get(`${sheet}!${address}`)?.severity;
  }

  get markCount(): number {
    return this.marks.size;
  }

  async applyMarks(findings: Finding[]): Promise<void> {
    await this.clearMarks();
    const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
    for (const f of findings) {
      const first = f.cells[0];
      const ws = first && this.workbook.getWorksheet(first.sheet);
      // Only real cells: `not-a-cell` or XFE1 would throw in ExcelJS or write an invalid file.
      const pos = first && fromA1(first.address);
      if (!first || !ws || !pos || pos.row >= MAX_ROWS || pos.col >= MAX_COLS) continue;
      // One key per cell however the address is spelt (B2, $B$2, b2): a second key for the same
      // cell would keep the marked style as the "original" and clearMarks would put it back.
      const ref: CellRef = { sheet: ws.name, address: toA1(pos.row, pos.col) };
      const key = `${ref.sheet}!${ref.address}`;
      const existing = this.marks.get(key);
      if (existing && rank[existing.severity] <= rank[f.severity]) continue;
      const cell = ws.getCell(ref.address);
      const original = existing?.original ?? cell.style;
      // A new style object: ExcelJS shares style objects between cells, so never mutate one.
      cell.style = { ...original, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: MARK_FILL[f.severity] } } };
      this.marks.set(key, { ref, severity: f.severity, original });
    }
    this.emit({ type: 'marks' });
  }

  async clearMarks(): Promise<void> {
    for (const m of this.marks.values()) {
      const ws = this.workbook.getWorksheet(m.ref.sheet);
      if (ws) ws.getCell(m.ref.address).style = m.original;
    }
    this.marks.clear();
    this.emit({ type: 'marks' });
  }

  async selectCell(ref: CellRef): Promise<void> {
    this.selection = ref;
    this.emit({ type: 'select', ref });
  }

  /** Writes the 校验说明 sheet (the add-in's own), replacing what was there. */
  async saveExplanations(list: Explanation[]): Promise<void> {
    await this.saveExplanationRows(explanationRows(list));
  }

  async saveExplanationRows(rows: string[][]): Promise<void> {
    const old = this.workbook.getWorksheet(EXPLANATIONS_SHEET);
    if (old) this.workbook.removeWorksheet(old.id);
    const ws = this.workbook.addWorksheet(EXPLANATIONS_SHEET);
    for (const row of rows) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
    [40, 16, 16, 20, 50, 22].forEach((w, i) => (ws.getColumn(i + 1).width = w));
    this.emit({ type: 'sheets' });
  }

  /** The workbook as .xlsx bytes (marks included if not cleared). */
  async toBytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }
}
