// The engine's view of a workbook after layout detection: indicator rows, observations and
// balance groups. Hosts never see these; checks and detectors work on them.
import type { ModelData } from './model-data';
import type { SheetSource } from './model-columns';
import type { Bilingual, CellValue, LayoutKind } from './types';
import type { ParsedValue } from './values';

/** One indicator row of a sheet (in a long table: one indicator of one entity and period). */
export interface IndicatorRow {
  id: number;
  sheet: string;
  /** 0-based grid row of the label. */
  row: number;
  /** A1 address of the label cell. */
  labelAddress: string;
  label: string;
  /** normalizeName(label): the key indicators are matched by. */
  key: string;
  unit?: string;
  code?: string;
  /** Index of the parent row in the same sheet block, from 其中 / indentation / outline codes. */
  parent?: number;
  /** The label says its list of parts is partial (…等, 主要有). */
  partial: boolean;
  /** Group of rows the hierarchy was built over (a sheet, or one entity-period block of a long table). */
  block: string;
}

export type ValueKind = 'count' | 'rate' | 'money' | 'other';

/** One value of one indicator for one entity and period. */
export interface Observation {
  rowId: number;
  sheet: string;
  address: string;
  entity: string;
  period: string;
  raw: CellValue;
  parsed: ParsedValue;
  /** The number in base units (元, not 万元; rates as fractions), when parsed is number or approx. */
  value?: number;
  /** Smallest displayed step in base units; equality tolerance is half of it. */
  step: number;
  approximate: boolean;
  kind: ValueKind;
}

export interface BalanceGroup {
  total: number;
  parts: number[];
  exhaustive: boolean;
}

export interface SheetModel {
  sheet: string;
  layout: LayoutKind;
  rows: IndicatorRow[];
  observations: Observation[];
  notes: Bilingual[];
  /**
   * The columns the sheet was read into (model-view.ts), so checks read those instead of making
   * objects; absent for SheetModels made by hand. Not enumerable: spreads and JSON leave it out.
   */
  readonly columns?: { data: ModelData; source: SheetSource };
}
