/// <reference types="et-jsapi-declare/lib.et" />
// The part of WPS Spreadsheets' (ET) JavaScript object model the WPS host uses, as small
// interfaces of our own. Kingsoft's declarations (npm et-jsapi-declare, namespace Et, a
// development dependency for types only) are checked against them at the bottom of this file:
// each declared Et interface must be assignable to ours, so every member we call exists there
// with a compatible type. The host and the test fake (tests/fakes/fake-wps.ts) both use these
// interfaces; the fake implements exactly them.
//
// Only lib.et.d.ts is referenced (namespaces Et and Kso), not the package's index.d.ts, which
// would also declare a global `Application` for every file of the project.
//
// Where the declarations are looser or stricter than what the object model does (a mixed
// range's NumberFormat is null, Find returns null when nothing matches, Item(i) of a sheet
// collection is a Worksheet), the types here say what the host must handle.
//
// Enum values are written as numbers: the declared enums (Et.XlSheetVisibility, …) are ambient,
// there is no `Et` object at run time inside WPS.

/** Value2 of one cell: a number, text, a boolean, a COM error number, or empty. */
export type EtScalar = number | string | boolean | null | undefined;

export interface EtInterior {
  /** A BGR colour number (red + green·256 + blue·65536). */
  Color: unknown;
}

export interface EtFont {
  Color: unknown;
  Bold: unknown;
  Italic: unknown;
  /** Points. */
  Size: unknown;
}

/**
 * The borders of a range. Set on the collection (Range.Borders.LineStyle = xlContinuous), a
 * property applies to every edge of every cell: the outline and the lines inside.
 */
export interface EtBorders {
  /** XlLineStyle: 1 = xlContinuous. */
  LineStyle: unknown;
  Color: unknown;
}

/** Data validation of a range (COM's Validation object). */
export interface EtValidation {
  /**
   * Type 1 = xlValidateWholeNumber, 2 = xlValidateDecimal; AlertStyle 1 = xlValidAlertStop;
   * Operator 1 = xlBetween, 7 = xlGreaterEqual; the formulas as text (`0`, `1`). Fails when the
   * range already has validation.
   */
  Add(Type: number, AlertStyle?: number, Operator?: number, Formula1?: string, Formula2?: string): void;
  IgnoreBlank: boolean;
  ShowError: boolean;
  /** At most 32 characters. */
  ErrorTitle: string;
  /** At most 225 characters. */
  ErrorMessage: string;
}

export interface EtFormatCondition {
  /** XlFormatConditionType: 2 = xlExpression. */
  readonly Type: number;
  readonly Formula1: string;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  Delete(): void;
}

export interface EtFormatConditions {
  readonly Count: number;
  /** 1-based. */
  Item(Index: number): EtFormatCondition;
  /** Add(xlExpression, undefined, "=formula") for a rule given by a formula. */
  Add(Type: number, Operator?: unknown, Formula1?: unknown): EtFormatCondition;
}

export interface EtRange {
  /**
   * A single cell's value is a scalar; a block's, an array of rows. Dates are serial numbers,
   * errors COM error numbers (-2146826281 is #DIV/0!). Setting it takes the same shapes.
   */
  Value2: unknown;
  Formula: unknown;
  /** The range's format, or null when its cells have different formats. */
  NumberFormat: unknown;
  /** The range's indent, or null when its cells differ. */
  IndentLevel: unknown;
  ColumnWidth: unknown;
  readonly Row: number;
  readonly Column: number;
  readonly Rows: EtRange;
  readonly Columns: EtRange;
  readonly Count: number;
  readonly Interior: EtInterior;
  readonly Font: EtFont;
  readonly FormatConditions: EtFormatConditions;
  /**
   * The first cell matching What after After, or null. LookIn -4123 = xlFormulas, LookAt 2 =
   * xlPart, SearchOrder 1 = xlByRows / 2 = xlByColumns, SearchDirection 1 = xlNext / 2 = xlPrevious.
   */
  Find(What: string, After?: EtRange, LookIn?: number, LookAt?: number, SearchOrder?: number, SearchDirection?: number): EtRange | null;
  Select(): unknown;
  AutoFit(): unknown;
  /** XlHAlign: -4131 left, -4108 centre, -4152 right. */
  HorizontalAlignment: unknown;
  /** XlVAlign: -4108 centre. */
  VerticalAlignment: unknown;
  WrapText: unknown;
  /** Points; set on a range, every row of it. */
  RowHeight: unknown;
  /** True when every cell is part of a merged area, false when none is, null when some are. */
  MergeCells: unknown;
  /** The merged area holding this (single) cell, or the cell itself. */
  readonly MergeArea: EtRange;
  /** Merges the range into one cell; only the top-left value is kept. */
  Merge(Across?: boolean): void;
  readonly Borders: EtBorders;
  readonly Validation: EtValidation;
  /** Position and size in points, from the sheet's top-left corner (where charts are placed). */
  readonly Left: number;
  readonly Top: number;
  readonly Width: number;
  readonly Height: number;
  readonly Worksheet: EtWorksheet;
  /** `$B$3:$D$4`, or `B3:D4` with both arguments false. */
  Address(RowAbsolute?: boolean, ColumnAbsolute?: boolean): string;
}

export interface EtListObject {
  Name: string;
  TableStyle: unknown;
  /** The table's cells, header included. */
  readonly Range: EtRange;
}

export interface EtListObjects {
  readonly Count: number;
  /** 1-based. */
  Item(Index: number | string): EtListObject;
  /** Add(xlSrcRange = 1, source range, undefined, xlYes = 1): a table over an existing range. */
  Add(SourceType?: number, Source?: unknown, LinkSource?: unknown, XlListObjectHasHeaders?: number): EtListObject;
}

export interface EtSeries {
  Name: string;
  /** A range (or an array) of the values. */
  Values: unknown;
  /** A range (or an array) of the category names. */
  XValues: unknown;
  Delete(): unknown;
}

export interface EtSeriesCollection {
  readonly Count: number;
  /** 1-based. */
  Item(Index: number): EtSeries;
  /** An empty series at the end, to be given Name, Values and XValues. */
  NewSeries(): EtSeries;
}

export interface EtChartTitle {
  Text: string;
}

export interface EtChart {
  /** XlChartType: 51 = xlColumnClustered, 65 = xlLineMarkers. */
  ChartType: number;
  HasTitle: boolean;
  /** Only while HasTitle is true. */
  readonly ChartTitle: EtChartTitle;
  /** Without an argument: the collection. */
  SeriesCollection(): EtSeriesCollection;
}

export interface EtChartObject {
  Name: string;
  readonly Chart: EtChart;
}

export interface EtChartObjects {
  /** An empty embedded chart at this position and size, in points. */
  Add(Left: number, Top: number, Width: number, Height: number): EtChartObject;
}

export interface EtWorksheet {
  Name: string;
  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden. */
  Visible: number;
  readonly Index: number;
  readonly UsedRange: EtRange;
  readonly Cells: EtRange;
  readonly ListObjects: EtListObjects;
  /** True while the sheet is protected: no cell of it can be changed. */
  readonly ProtectContents: boolean;
  /** A range by A1 address (several areas separated by commas; at most 255 characters). */
  Range(Cell1: string): EtRange;
  /**
   * Without an argument, the sheet's ChartObjects collection (with one, a ChartObject, which
   * is why the declarations type the result as either): see chartObjectsOf.
   */
  ChartObjects(Index?: string | number): object;
  Activate(): void;
  Delete(): void;
}

export interface EtSheets {
  readonly Count: number;
  /**
   * A sheet by 1-based position or by name. The declarations type the result as a Worksheet or
   * a Sheets (the latter for an array argument, which the host never passes): see worksheetAt.
   */
  Item(Index: number | string): object;
  /** Adds a worksheet before or after the given one, activates it and returns it. */
  Add(Before?: unknown, After?: unknown): object;
}

export interface EtName {
  readonly Name: string;
}

export interface EtNames {
  readonly Count: number;
  /** 1-based. */
  Item(Index: number): EtName;
}

export interface EtWorkbook {
  readonly Name: string;
  readonly Worksheets: EtSheets;
  readonly ActiveSheet: EtWorksheet;
  /** The workbook's defined names (a table may not take one of them). */
  readonly Names: EtNames;
  /** True while the structure is protected: no sheet can be added, renamed or deleted. */
  readonly ProtectStructure: boolean;
}

/** The window showing the active sheet. */
export interface EtWindow {
  /** Freezes the rows above SplitRow and the columns left of SplitColumn. */
  FreezePanes: boolean;
  SplitRow: number;
  SplitColumn: number;
  DisplayGridlines: boolean;
}

export interface EtApplication {
  /** The open workbook, or null when none is open. */
  readonly ActiveWorkbook: EtWorkbook | null;
  /** False while the host deletes its own sheets, so WPS does not ask the user to confirm. */
  DisplayAlerts: boolean;
  ScreenUpdating: boolean;
  /** What is selected: a Range when cells are, a chart or shape object otherwise. */
  readonly Selection: unknown;
  /** The active cell of the active sheet (also while a chart is selected). */
  readonly ActiveCell: EtRange | null;
  readonly ActiveWindow: EtWindow | null;
}

/** Item(i) and Add(...) of a worksheet collection with one sheet as argument return a Worksheet. */
export function worksheetOf(o: object): EtWorksheet {
  return o as EtWorksheet;
}

/** ChartObjects() without an argument returns the collection. */
export function chartObjectsOf(o: object): EtChartObjects {
  return o as EtChartObjects;
}

// ---------------------------------------------------------------------------------------------
// Checked against Kingsoft's declarations: compilation fails if a declared interface lacks a
// member we use or gives it an incompatible type.

type Assignable<T extends U, U> = T;
export type CheckedAgainstDeclarations = [
  Assignable<Et.Interior, EtInterior>,
  Assignable<Et.Font, EtFont>,
  Assignable<Et.Borders, EtBorders>,
  Assignable<Et.Validation, EtValidation>,
  Assignable<Et.FormatCondition, EtFormatCondition>,
  Assignable<Et.FormatConditions, EtFormatConditions>,
  Assignable<Et.Range, EtRange>,
  Assignable<Et.ListObject, EtListObject>,
  Assignable<Et.ListObjects, EtListObjects>,
  Assignable<Kso.MsoSeries, EtSeries>,
  Assignable<Kso.SeriesCollection, EtSeriesCollection>,
  Assignable<Et.ChartTitle, EtChartTitle>,
  Assignable<Et.Chart, EtChart>,
  Assignable<Et.ChartObject, EtChartObject>,
  Assignable<Et.ChartObjects, EtChartObjects>,
  Assignable<Et.Worksheet, EtWorksheet>,
  Assignable<Et.Sheets, EtSheets>,
  Assignable<Et.Name, EtName>,
  Assignable<Et.Names, EtNames>,
  Assignable<Et.Workbook, EtWorkbook>,
  Assignable<Et.Window, EtWindow>,
  Assignable<Et.Application, EtApplication>,
];
