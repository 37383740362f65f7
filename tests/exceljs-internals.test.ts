// The streaming reader leans on ExcelJS's private modules (its xforms, col-cache, utilities and
// the zip, saxes and stream libraries it ships with), all loaded in one adapter,
// src/hosts/xlsx/stream/exceljs-internals.ts. Private modules may move or change in any release.
// This test names the ExcelJS version the adapter was written against and checks every module
// and member the reader calls, so that an upgrade fails here, by name, rather than deep inside a
// read.
import * as fs from 'fs';
import * as path from 'path';

const ADAPTER = 'src/hosts/xlsx/stream/exceljs-internals.ts';
const WRITTEN_FOR = '4.4.0';

const installed = (): string => {
  const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(require.resolve('exceljs')), 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
};

describe(`ExcelJS's private modules behind ${ADAPTER}`, () => {
  test(`the installed ExcelJS is ${WRITTEN_FOR}, the version the adapter was written and checked against`, () => {
    const version = installed();
    const pinned = (JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies.exceljs;
    // An upgrade changes both: then read the private modules the adapter lists again, run this
    // file and tests/xlsx-stream.test.ts (the streaming reader against ExcelJS's own full reader),
    // and move WRITTEN_FOR.
    expect({ installed: version, pinned }).toEqual({ installed: WRITTEN_FOR, pinned: WRITTEN_FOR });
  });

  test('every module loads and has the members the reader calls', async () => {
    const x = await import('../src/hosts/xlsx/stream/exceljs-internals');
    const missing: string[] = [];
    const need = (what: string, value: unknown, kind: 'function' | 'object'): void => {
      if (typeof value !== kind) missing.push(`${what}: ${typeof value}, expected ${kind}`);
    };
    const proto = (name: string, ctor: { prototype: Record<string, unknown> }, members: string[]): void => {
      need(name, ctor, 'function');
      for (const m of members) need(`${name}.prototype.${m}`, ctor?.prototype?.[m], 'function');
    };
    proto('WorksheetXform', x.WorksheetXform, ['parseOpen', 'parseText', 'parseClose', 'reconcile']);
    proto('SharedStringsXform', x.SharedStringsXform, ['parseStream', 'getString']);
    proto('StylesXform', x.StylesXform, ['parseStream', 'getStyleModel']);
    proto('AppXform', x.AppXform, ['parseStream']);
    proto('CoreXform', x.CoreXform, ['parseStream']);
    need('Range', x.Range, 'function');
    for (const m of ['decodeAddress', 'encodeAddress', 'validateAddress']) need(`colCache.${m}`, x.colCache?.[m], 'function');
    need('slideFormula', x.slideFormula, 'function');
    for (const m of ['excelToDate', 'isDateFmt', 'xmlDecode']) need(`utils.${m}`, x.utils?.[m], 'function');
    need('JSZip.loadAsync', x.JSZip?.loadAsync, 'function');
    need('SaxesParser', x.SaxesParser, 'function');
    need('PassThrough', x.PassThrough, 'function');
    for (const t of ['Null', 'Merge', 'Number', 'String', 'Date', 'Hyperlink', 'Formula', 'SharedString', 'RichText', 'Boolean', 'Error']) {
      if (typeof (x.T as unknown as Record<string, unknown>)[t] !== 'number') missing.push(`ValueType.${t}`);
    }
    // The workbook's loader: the steps of XLSX.load the reader runs itself.
    const ExcelJS = (await import('exceljs')).default;
    const xlsx = new ExcelJS.Workbook().xlsx as unknown as Record<string, unknown>;
    for (const m of ['parseRels', 'parseWorkbook', 'reconcile', '_processWorksheetRelsEntry', '_processThemeEntry', '_processMediaEntry', '_processDrawingEntry', '_processDrawingRelsEntry', '_processCommentEntry', '_processTableEntry', '_processVmlDrawingEntry']) {
      need(`XLSX.${m}`, xlsx[m], 'function');
    }
    expect(missing).toEqual([]);
  });

  test('the members behave as the reader expects on a small case', async () => {
    const x = await import('../src/hosts/xlsx/stream/exceljs-internals');
    expect(x.colCache.decodeAddress('AB12')).toMatchObject({ col: 28, row: 12, address: 'AB12' });
    // The address as written is kept: hyperlinks are matched by it.
    expect(x.colCache.decodeAddress('B01').address).toBe('B01');
    expect(x.colCache.encodeAddress(12, 28)).toBe('AB12');
    expect(x.slideFormula('A1+B$1', 'C1', 'C3')).toBe('A3+B$1');
    expect(x.excelToDate(45292, false).toISOString().slice(0, 10)).toBe('2024-01-01');
    expect(x.utils.isDateFmt('yyyy-mm-dd')).toBe(true);
    expect(x.utils.isDateFmt('0.00%')).toBe(false);
    expect(x.utils.xmlDecode('a&amp;b&lt;')).toBe('a&b<');
  });
});
