// The engine's messages in English: how sheets were read, layout names, progress.
import type { engine as zh } from '../zh-CN/engine';

export const engine: Record<keyof typeof zh, string> = {
  'engine.sheet.skipped': 'Sheet "{sheet}" is not an indicator sheet (no indicator column with year columns, nor region/year/indicator/value columns); skipped.',
  'engine.sheet.empty': 'Sheet "{sheet}" is empty; skipped.',
  'engine.workbook.no-indicator-sheet': 'No indicator sheet was recognised in the workbook, so nothing was checked (sheets skipped: {sheets}). An indicator sheet needs an indicator column and year columns (e.g. "2022年"), or region/year/indicator/value columns; a sheet per year needs the year in its name.',
  'engine.sheet.hidden': 'The sheet is hidden.',
  'engine.sheet.veryHidden': 'The sheet is very hidden (Excel\'s Unhide does not list it; set Visible to xlSheetVisible in VBA).',
  'engine.sheet.read': 'Sheet "{sheet}" read as {layout}: {count, plural, one {# value} other {# values}}.',
  'engine.layout.wide': 'a wide table (years as columns)',
  'engine.layout.per-year': 'a one-year sheet (the sheet name is the year)',
  'engine.layout.long': 'a long table (region/year/indicator/value)',
  'engine.layout.cross-tab': 'a cross-tab ({orientation}, {period})',
  'engine.layout.cross-tab.rows': 'districts as rows, indicators as columns',
  'engine.layout.cross-tab.columns': 'indicators as rows, districts as columns',
  'engine.layout.duplicate-year': 'Sheet "{sheet}" has the year column {year} more than once ({cells}); only the first is read.',
  'engine.layout.partial-period': '"{label}" covers only part of a year ({text}); it is not compared with full years.',
  'engine.progress.read': 'Reading the workbook',
  'engine.progress.layout': 'Recognising the tables',
  'engine.progress.check': 'Running the checks',
  'engine.progress.history': 'Comparing years and districts',
  'engine.progress.rules': 'Running the rules',
  'engine.progress.done': 'Done',
};
