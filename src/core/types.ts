// Shared contracts of the engine. Pure types: no Office, DOM or Node imports.

/** An Excel error value as a host reports it (`#DIV/0!`, `#N/A`, …). */
export interface CellError {
  error: string;
}

/** A raw cell value as a host reads it, before any interpretation. */
export type CellValue = number | string | boolean | null | CellError;

/**
 * One worksheet's used range as plain arrays. Row/column 0 of `values` is the cell at
 * (originRow, originCol) of the sheet, both 0-based (a used range starting at B3 has
 * originRow 2, originCol 1).
 */
export interface SheetGrid {
  name: string;
  originRow: number;
  originCol: number;
  values: CellValue[][];
  /** Excel number formats, same shape as values where known (e.g. "0.0%", "General"). */
  numberFormats?: string[][];
  /** Excel indent levels (format.indentLevel), same shape as values where known. */
  indents?: number[][];
  visibility?: 'visible' | 'hidden' | 'veryHidden';
  /** The sheet is protected in the host: it is checked like any other, but cannot be marked. */
  protected?: boolean;
  /**
   * What the host left out of `values` and why (cells far from the data, merged areas or parts it
   * could not use): the engine reports each note as a warning on the sheet.
   */
  notes?: SheetNote[];
  /** Set when the sheet was not read at all (its data region is above the limits): why. */
  unread?: Bilingual;
}

/** A reader's note on a sheet: a rule id (`sheet.far-cells`, …), the cell it is about, a message. */
export interface SheetNote {
  ruleId: string;
  /** A1 address of one cell, no sheet prefix. */
  address: string;
  message: Bilingual;
}

export interface WorkbookSnapshot {
  /** File or workbook name, for messages; the entity is guessed from it when nothing better. */
  name: string;
  sheets: SheetGrid[];
  /** The workbook's structure is protected: no sheet can be added, renamed or deleted. */
  structureProtected?: boolean;
}

export type Severity = 'error' | 'warning' | 'info';

export type Lang = 'zh-CN' | 'en-US';

/** A message in both languages. */
export interface Bilingual {
  'zh-CN': string;
  'en-US': string;
}

export interface CellRef {
  sheet: string;
  /** A1 address of one cell, no sheet prefix, no `$`. */
  address: string;
}

export interface Finding {
  /** Stable id of the rule or check (e.g. `balance`, `rate.mandated`, `value.unreadable`). */
  ruleId: string;
  severity: Severity;
  /** Every cell involved; the first one is the cell to show and mark. */
  cells: CellRef[];
  /**
   * What a clerk reads first, in plain words: what is wrong, where (indicator, district, year),
   * the value as typed and what it should be. No rule ids, expressions or statistics.
   */
  message: Bilingual;
  /**
   * The technical account, shown after the message and folded where space is short: the rule id
   * and its expression, the arithmetic of the comparison, a method's statistics and thresholds.
   */
  details?: Bilingual;
  /** Values seen, in the order of `cells` where they map one to one. */
  values?: Array<number | string | null>;
  expected?: number | string | null;
  difference?: number | null;
  indicator?: string;
  entity?: string;
  period?: string;
  /** A user's explanation (核实说明) of a warning. */
  explanation?: string;
  /**
   * A likely one-digit typo that would make this balance or equality hold (core/rules/typo.ts):
   * the cell, its value, the probable value and why (swap 21 → 12, substitute, drop, insert).
   */
  hint?: {
    cell: CellRef;
    from: number;
    to: number;
    kind: 'swap' | 'substitute' | 'drop' | 'insert';
    message: Bilingual;
    /**
     * When exactly two cells tie for the best fix (160 vs 106 in a two-cell equality: either one
     * may have its digits swapped), the other one; `cell` is then the first of the two.
     */
    or?: { cell: CellRef; from: number; to: number; kind: 'swap' | 'substitute' | 'drop' | 'insert' };
  };
  /**
   * Cross-period findings (历史审核): the indicator's values by period, for drawing a trend line.
   * Base units (元, rates as fractions); null where the period has no value.
   */
  series?: Array<{ period: string; value: number | null }>;
  /** Cross-period findings: the detection method (`yoy`, `robust`, `hb`, `structure`, `conflict`). */
  method?: string;
}

/** How a sheet was read. */
/** How a sheet was read: years as columns, one sheet per year, a long table, or a one-period cross-tab of entities × indicators. */
export type LayoutKind = 'wide' | 'per-year' | 'long' | 'cross-tab';

export interface SheetReport {
  sheet: string;
  layout: LayoutKind | 'skipped';
  /** Why it was skipped, or notes on how it was read (says so when the sheet is hidden). */
  reason?: Bilingual;
  observations: number;
  /** Present when the sheet is hidden or very hidden: the user may not know it is there. */
  visibility?: 'hidden' | 'veryHidden';
}

export interface CheckResult {
  workbook: string;
  findings: Finding[];
  sheets: SheetReport[];
  observations: number;
  /** How each sheet was understood (CheckOptions.explain): what --explain prints and the 结构 tab shows. */
  structure?: SheetExplanation[];
}

/** A total and its parts as the reader understood them. */
export interface ExplainedGroup {
  /** Parts down the rows, across the columns, or districts summed into a 全市合计. */
  direction: 'rows' | 'columns' | 'entities';
  /** The total's label and where it is (a label cell, a column letter or a row number). */
  total: { label: string; cell: string };
  parts: Array<{ label: string; cell: string }>;
  /** Where the group holds: each year column, each district, each indicator. */
  scope?: Bilingual;
  /** The rectangle (A1 range) that covers the total and its parts, to highlight in the sheet. */
  range?: string;
}

/** What the engine understood of one sheet (layout/explain.ts). */
export interface SheetExplanation {
  sheet: string;
  layout: SheetReport['layout'];
  reason?: Bilingual;
  /** Sheet rows of the header (1-based, "3–4"). */
  headerRows?: string;
  /** What each axis holds; `totals` are the items that are totals (全市合计), `from` where the items were found. */
  axes: Array<{ axis: 'rows' | 'columns'; holds: 'indicators' | 'periods' | 'entities'; items: string[]; totals?: string[]; from?: Bilingual }>;
  groups: ExplainedGroup[];
  ignored: Array<{ where: Bilingual; reason: Bilingual }>;
}

/** Progress callback: a fraction 0..1 and a short stage label. */
export type Progress = (fraction: number, stage: Bilingual) => void;

