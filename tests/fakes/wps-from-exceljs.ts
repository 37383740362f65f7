// An ExcelJS workbook as a fake WPS workbook (fake-wps.ts): what WPS would hold after opening the
// same .xlsx. Values as the object model gives them: formula cells hold their cached result,
// dates their serial number, error cells their error; merged areas keep their value in the
// top-left cell only. Number formats, indents, solid fills and font colours and weights are
// kept; sheet visibility too.
import ExcelJS from 'exceljs';
import type { FakeWpsCell, FakeWpsSheetSpec, FakeWpsSpec, FakeWpsValue } from './fake-wps';

/** Excel's serial number of a date (1900 date system, days since 1899-12-30, UTC). */
export function dateSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

/** `FFFFC7CE` (ARGB) → BGR number. */
function argbToBgr(argb: string | undefined): number | undefined {
  if (!argb || !/^[0-9a-f]{8}$/i.test(argb)) return undefined;
  const r = parseInt(argb.slice(2, 4), 16);
  const g = parseInt(argb.slice(4, 6), 16);
  const b = parseInt(argb.slice(6, 8), 16);
  return r + g * 256 + b * 65536;
}

function scalar(v: unknown, cell: FakeWpsCell): void {
  if (v === null || v === undefined) return;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') {
    cell.value = v as FakeWpsValue;
    return;
  }
  if (v instanceof Date) {
    cell.value = dateSerial(v);
    return;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') {
      cell.error = o.error;
      return;
    }
    if (Array.isArray(o.richText)) {
      cell.value = (o.richText as Array<{ text: string }>).map((t) => t.text).join('');
      return;
    }
    if ('hyperlink' in o && 'text' in o) return scalar(o.text, cell);
    if (typeof o.text === 'string') {
      cell.value = o.text;
      return;
    }
  }
  cell.value = String(v);
}

function cellOf(c: ExcelJS.Cell): FakeWpsCell | null {
  const cell: FakeWpsCell = {};
  if (c.type === ExcelJS.ValueType.Formula) {
    if (c.formula) cell.formula = `=${c.formula}`;
    scalar(c.result, cell);
  } else if (c.type !== ExcelJS.ValueType.Merge) {
    scalar(c.value, cell);
  }
  if (c.numFmt) cell.numberFormat = c.numFmt;
  if (c.alignment?.indent) cell.indent = c.alignment.indent;
  const fill = c.fill;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid') {
    const color = argbToBgr(fill.fgColor?.argb);
    if (color !== undefined) cell.fill = color;
  }
  const font = argbToBgr(c.font?.color?.argb);
  if (font !== undefined) cell.fontColor = font;
  if (c.font?.bold) cell.bold = true;
  return Object.keys(cell).length > 0 ? cell : null;
}

export function wpsSpecFromExcelJs(wb: ExcelJS.Workbook, name: string): FakeWpsSpec {
  const sheets: FakeWpsSheetSpec[] = wb.worksheets.map((ws) => {
    const cells: Record<string, FakeWpsCell> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const cell = cellOf(c);
        if (cell) cells[c.address] = cell;
      }),
    );
    const visible = ws.state === 'hidden' ? 0 : ws.state === 'veryHidden' ? 2 : -1;
    return { name: ws.name, visible, cells };
  });
  return { name, sheets };
}
