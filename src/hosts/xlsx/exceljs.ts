// ExcelJS's workbook class and value types, for the readers and writers that run in Node (the CLI
// and the tests). The package's entry point also loads its streaming writer and reader (with
// archiver and their stream libraries): about 150 ms at every start of the CLI that reading a
// workbook never uses. So Node takes the two from their own modules, which the entry point
// itself re-exports (the same class, the same enum). The browser bundle gets exceljs-browser.ts
// in place of this file (webpack.config.js), which takes them from ExcelJS's browser build.
import type ExcelJSTypes from 'exceljs';
import { createRequire } from 'module';

const fromExcelJs = createRequire(require.resolve('exceljs'));

export const Workbook: typeof ExcelJSTypes.Workbook = fromExcelJs('./lib/doc/workbook.js');
export const ValueType: typeof ExcelJSTypes.ValueType = fromExcelJs('./lib/doc/enums.js').ValueType;
