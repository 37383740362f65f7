// The streaming reader's use of ExcelJS's private modules, in one place: its xforms, Range,
// col-cache and utilities, and the zip, saxes and stream libraries it ships with, loaded from
// its own folder so that they are the versions it runs with (package.json pins ExcelJS 4.4.0).
// If a later ExcelJS moves these files, the require here fails on load, naming the module.
import { ValueType } from '../exceljs';
import { createRequire } from 'module';

export const fromExcelJs = createRequire(require.resolve('exceljs'));
export const lib = (p: string): any => fromExcelJs(`./lib/${p}`);
export const JSZip: any = fromExcelJs('jszip');
export const SaxesParser: any = fromExcelJs('saxes').SaxesParser;
export const PassThrough: any = fromExcelJs('readable-stream').PassThrough;
export const WorksheetXform: any = lib('xlsx/xform/sheet/worksheet-xform.js');
export const SharedStringsXform: any = lib('xlsx/xform/strings/shared-strings-xform.js');
export const StylesXform: any = lib('xlsx/xform/style/styles-xform.js');
export const AppXform: any = lib('xlsx/xform/core/app-xform.js');
export const CoreXform: any = lib('xlsx/xform/core/core-xform.js');
export const Range: any = lib('doc/range.js');
export const colCache: any = lib('utils/col-cache.js');
export const slideFormula: any = lib('utils/shared-formula.js').slideFormula;
export const utils: any = lib('utils/utils.js');
export const excelToDate = (v: unknown, date1904: unknown): Date => utils.excelToDate(v, date1904);

export const T = ValueType;
// Globals used per cell, held here: under jest (a vm context) every global lookup is slow.
export const toInt = Number.parseInt;
export const toFloat = Number.parseFloat;
export const isNaN = Number.isNaN;
/** ExcelJS hands text to saxes in pieces of this many UTF-16 units (xlsx.js); so do we. */
export const SAX_CHUNK = 16 * 1024;
/** Below this many inflated bytes a failed streaming read asks the full reader for its error. */
export const FALLBACK_BYTES = 32 * 1024 * 1024;
