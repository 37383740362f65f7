// A Host over an in-memory ExcelJS workbook: the browser preview uses it, and so can the CLI.
// Marks are fills whose original style object is kept and put back exactly by clearMarks.
import ExcelJS from 'exceljs';
import { fromA1, toA1 } from '../../core/a1';
import { explanationRows, EXPLANATIONS_SHEET, type Explanation } from '../../core/explanations';
import { message } from '../../core/i18n';
import type { CellRef, CellValue, Finding, Progress, Severity, WorkbookSnapshot } from '../../core/types';
import type { Host } from '../../core/host';
import type { StandardFormResult, StandardFormSpec } from '../../core/report/standard-form';
import type { TableSpec } from '../../core/report/table-spec';
import { HostError } from '../excel/errors';
import { gridFromWorksheet, gridsOf, loadWorkbook, type MissingSheet } from './read-xlsx';
import { legacyFormat, workbookKind } from './formats';
import { fillRulesSheet } from './rules-sheet';
import { RULES_SHEET } from '../../core/sheet-names';

/** Excel's sheet size. */
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export const MARK_FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

interface Mark {
  ref: CellRef;
  severity: Severity;
  original: Partial<ExcelJS.Style>;
}

/** The sheet users write rules in (core/rules RULES_SHEET_NAME, kept out of this module's imports). */
export { RULES_SHEET };
export type XlsxHostEvent = { type: 'marks' } | { type: 'select'; ref: CellRef } | { type: 'sheets' };

export class XlsxHost implements Host {
  readonly kind = 'xlsx' as const;
  private marks = new Map<string, Mark>();
  private listeners = new Set<(e: XlsxHostEvent) => void>();
  selection: CellRef | undefined;

  /**
   * `missing`: the sheets the file lists whose part it does not hold (loadWorkbook finds them);
   * each check reports them as unread sheets at their place.
   */
  constructor(
    readonly workbook: ExcelJS.Workbook,
    readonly name: string,
    private readonly missing: readonly MissingSheet[] = [],
  ) {}

  /**
   * A host over a workbook file's bytes. An .xlsx is loaded as it is. An .xls, .et or .csv is read
   * into a snapshot (read-legacy.ts) and the host works on an in-memory .xlsx copy of it (values,
   * number formats, sheets): marks, inserted sheets and toBytes() apply to that copy, never to the
   * original file.
   */
  static async fromBytes(bytes: Uint8Array, name: string): Promise<XlsxHost> {
    if (legacyFormat(name) && workbookKind(bytes, name) !== 'xlsx') {
      // Loaded on use, in the preview's own lazy chunk: SheetJS, its code pages and the GB18030
      // decoder (~1 MB) are only needed for these formats.
      const [{ readLegacy }, { workbookFromSnapshot }] = await Promise.all([
        import(/* webpackChunkName: "preview-legacy" */ './read-legacy'),
        import(/* webpackChunkName: "preview-legacy" */ './snapshot-workbook'),
      ]);
      return new XlsxHost(workbookFromSnapshot(readLegacy(bytes, name)), name);
    }
    const { workbook, missing } = await loadWorkbook(bytes, name);
    return new XlsxHost(workbook, name, missing);
  }

  onChange(listener: (e: XlsxHostEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(e: XlsxHostEvent): void {
    for (const l of this.listeners) l(e);
  }

  async readWorkbook(onProgress?: Progress): Promise<WorkbookSnapshot> {
    // gridsOf adds, at its place, any sheet the file lists whose part is missing (with why).
    const sheets = gridsOf(this.workbook, this.missing, (ws, i, all) => {
      onProgress?.((i + 1) / all.length, message('host.stage.sheet', { sheet: ws.name }));
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
    this.highlight = undefined;
    this.selection = ref;
    this.emit({ type: 'select', ref });
  }

  /**
   * The range a selection covers when a whole group was chosen (the 结构 tab): its first cell is
   * the selection, and the grid outlines the rest. 0-based sheet rows and columns, inclusive.
   */
  highlight: { sheet: string; r0: number; c0: number; r1: number; c1: number } | undefined;

  /** Selects a range (`B5:E10`, or one cell), as Excel's range selection does. */
  async selectRange(ref: CellRef): Promise<void> {
    const [a, b = a] = ref.address.split(':');
    const from = fromA1(a);
    const to = fromA1(b);
    if (!from || !to) throw new HostError(message('host.address.invalid-range', { address: ref.address }));
    const first = { sheet: ref.sheet, address: toA1(Math.min(from.row, to.row), Math.min(from.col, to.col)) };
    this.selection = first;
    this.highlight = { sheet: ref.sheet, r0: Math.min(from.row, to.row), c0: Math.min(from.col, to.col), r1: Math.max(from.row, to.row), c1: Math.max(from.col, to.col) };
    this.emit({ type: 'select', ref: first });
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

  /**
   * Creates the sheet 校验规则 with `rows` (header first): bold filled header, text format except
   * for 容差, column widths; then selects its A1 (the preview shows it). A sheet of that name (any
   * case) is never touched: a bilingual HostError (reason 'SheetNameTaken').
   */
  async writeRulesSheet(rows: CellValue[][]): Promise<{ sheet: string }> {
    const lower = RULES_SHEET.toLowerCase();
    const existing = this.workbook.worksheets.find((w) => w.name.toLowerCase() === lower);
    if (existing) {
      throw new HostError(message('host.rules-sheet.taken', { sheet: existing.name }), { reason: 'SheetNameTaken' });
    }
    fillRulesSheet(this.workbook.addWorksheet(RULES_SHEET), rows);
    this.emit({ type: 'sheets' });
    await this.selectCell({ sheet: RULES_SHEET, address: 'A1' });
    return { sheet: RULES_SHEET };
  }

  /**
   * Writes a summary table (core/report TableSpec) with the ExcelJS writer (write-table.ts):
   * 'new-sheet' adds 汇总表 (汇总表(2)… when taken; Summary in English) and shows it, other sheets
   * untouched; 'selection' writes with its title at the cell last selected in the preview grid,
   * only into empty cells (a bilingual error otherwise, or when nothing is selected), widening
   * narrow columns but never narrowing one. ExcelJS draws no charts: the answer has no `chart`.
   */
  async writeSummaryTable(
    spec: TableSpec,
    target: 'new-sheet' | 'selection',
    _options: { chart?: boolean } = {},
  ): Promise<{ sheet: string; address: string; tableAddress: string; table: string }> {
    // Loaded on use: the writer pulls in core/report, which the preview's first load doesn't need.
    const { addSummarySheet, writeTable } = await import('./write-table');
    let ws: ExcelJS.Worksheet;
    let written: ReturnType<typeof writeTable>;
    if (target === 'new-sheet') {
      ({ worksheet: ws, ...written } = addSummarySheet(this.workbook, spec));
    } else {
      const at = this.selection;
      const sheet = at && this.workbook.getWorksheet(at.sheet);
      const pos = at && fromA1(at.address);
      if (!at || !sheet || !pos) {
        throw new HostError(message('host.summary.no-selection'), { code: 'NoSelection' });
      }
      ws = sheet;
      written = writeTable(ws, spec, toA1(pos.row, pos.col), { setWidths: false });
      spec.widths.forEach((w, j) => {
        const column = ws.getColumn(pos.col + j + 1);
        if ((column.width ?? 8.43) < w) column.width = w;
      });
    }
    const p = written.placement;
    const address = `${toA1(p.titleRow, p.table.left)}:${toA1(p.lastRow, p.table.right)}`;
    this.emit({ type: 'sheets' });
    if (target === 'new-sheet') await this.selectCell({ sheet: ws.name, address: written.titleCell });
    return { sheet: ws.name, address, tableAddress: written.tableRange, table: written.tableName };
  }

  /**
   * Inserts the standard indicator form (core/report/standard-form.ts) on a new sheet 指标表
   * (指标表(2)… when taken) and, when the workbook has none, a 校验规则 sheet with example rules;
   * existing sheets are not touched. ExcelJS writes data validation, so `validation` is true.
   * Shows the new sheet (selects its A1).
   */
  async insertStandardForm(spec: StandardFormSpec): Promise<StandardFormResult> {
    // Loaded on use, like the summary writer.
    const { writeStandardForm } = await import('./write-standard-form');
    const written = writeStandardForm(this.workbook, spec);
    const result: StandardFormResult = { sheet: written.sheet, rulesSheet: written.rulesSheet, validation: written.validation };
    this.emit({ type: 'sheets' });
    await this.selectCell({ sheet: result.sheet, address: 'A1' });
    return result;
  }

  /** The workbook as .xlsx bytes (marks included if not cleared). */
  async toBytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.workbook.xlsx.writeBuffer());
  }
}
