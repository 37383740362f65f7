// Which reader a workbook file needs, from its name and first bytes, and the date-format test the
// readers share. Kept apart from the readers (no ExcelJS, no SheetJS) so that the browser preview
// can decide before loading either.

/** The formats read-legacy.ts reads, by file extension. */
export type LegacyFormat = 'xls' | 'et' | 'csv';

/** File extensions the readers accept: .xlsx (read-xlsx.ts) and the ones read by read-legacy.ts. */
export const WORKBOOK_EXTENSIONS: readonly string[] = ['.xlsx', '.xls', '.et', '.csv'];

/** The legacy format a file name says, if any. */
export function legacyFormat(name: string): LegacyFormat | undefined {
  const m = /\.(xls|et|csv)$/i.exec(name);
  return m ? (m[1].toLowerCase() as LegacyFormat) : undefined;
}

export const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
/** An OLE compound file: .xls, .et, .doc, and also an encrypted .xlsx. */
export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** A BIFF2–5 workbook stored as a bare stream (no compound file): it starts with a BOF record. */
export function isBareBiff(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(bytes[1]);
}

/**
 * Which reader the bytes need. The content decides over the extension where they disagree, as it
 * does when Excel opens a file: an .xls, .et or .csv that is really a zip package is an .xlsx
 * saved under another name ('xlsx'); a .csv that is really a BIFF file reads as one ('xls').
 * A name ending in .xlsx, or in no extension read by read-legacy.ts, always goes to the .xlsx
 * reader, whose checks explain what else the file is.
 */
export function workbookKind(bytes: Uint8Array, name: string): 'xlsx' | LegacyFormat {
  const ext = legacyFormat(name);
  if (!ext) return 'xlsx';
  if (startsWith(bytes, ZIP_SIGNATURE)) return 'xlsx';
  if (ext === 'csv' && (startsWith(bytes, OLE_SIGNATURE) || isBareBiff(bytes))) return 'xls';
  return ext;
}

/**
 * Whether a number format shows a date or time: the test ExcelJS applies when it turns a number
 * into a Date (its utils.isDateFmt), a date letter outside quotes and brackets. read-legacy.ts
 * and snapshot-workbook.ts use the same test, so that a cell reads the same from .xls as from the
 * same sheet saved as .xlsx, and the same again from the .xlsx copy.
 */
export function isDateFormat(fmt: string): boolean {
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}
