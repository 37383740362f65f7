// exceljs.ts for the browser bundle (webpack.config.js puts this file in its place): the
// workbook class and value types from ExcelJS's browser build, the package's "browser" entry.
import ExcelJS from 'exceljs';

export const Workbook = ExcelJS.Workbook;
export const ValueType = ExcelJS.ValueType;
