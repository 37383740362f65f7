// What every check sees: the rows and observations of the workbook, indexed.
import type { IndicatorRow, Observation, SheetModel } from '../model';
import { ModelData } from '../model-data';
import { dataOfSheet } from '../model-view';
import { KIND_INDEX, makeFlags, PK_APPROX, PK_ERROR, PK_MISSING, PK_NUMBER, PK_TEXT } from '../obs-flags';
import type { Bilingual, CellRef } from '../types';
import { formatNumber } from '../numerals';
import { periodLabel } from '../messages';

export interface WorkbookModel {
  sheets: SheetModel[];
  rows: Map<number, IndicatorRow>;
  /** Observations of a row, by `${entity}\u0000${period}`. */
  byRow: Map<number, Map<string, Observation>>;
  /** Children of a row (breakdown rows), in sheet order. */
  children: Map<number, IndicatorRow[]>;
  observations: Observation[];
  /**
   * The same model in columns (model-data.ts): what the checks, rules and detectors read. The
   * object fields above are made from it on first access.
   */
  readonly data: ModelData;
}

/**
 * The workbook model of the sheets a check read. Sheets read by layout/read.ts into one ModelData
 * (analyzeWorkbook) are used as they are; other SheetModels are copied into a new one.
 */
export function buildModel(sheets: SheetModel[]): WorkbookModel {
  const first = sheets.length > 0 ? dataOfSheet(sheets[0]) : undefined;
  const shared =
    first !== undefined &&
    first.data.sheets.length === sheets.length &&
    sheets.every((s, i) => dataOfSheet(s)?.data === first.data && first.data.sheets[i].model === s);
  const data = shared ? first.data : ingest(sheets);
  data.seal();
  return data.cachedModel(() => modelView(data, shared ? undefined : sheets));
}

/** Own, enumerable properties made on first read (spreads and JSON see them like plain fields). */
function lazy<T extends object, K extends string, V>(target: T, key: K, make: () => V): void {
  let value: V | undefined;
  let made = false;
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!made) {
        value = make();
        made = true;
      }
      return value;
    },
  });
}

function modelView(data: ModelData, sheets?: SheetModel[]): WorkbookModel {
  const m = { sheets: sheets ?? data.sheets.map((s) => s.model) } as WorkbookModel;
  lazy(m, 'rows', () => {
    const rows = new Map<number, IndicatorRow>();
    for (let i = 0; i < data.rowCount; i++) {
      const r = data.row(i);
      rows.set(r.id, r);
    }
    return rows;
  });
  lazy(m, 'byRow', () => {
    const byRow = new Map<number, Map<string, Observation>>();
    for (let i = 0; i < data.obsCount; i++) {
      const o = data.obs(i);
      let x = byRow.get(o.rowId);
      if (!x) byRow.set(o.rowId, (x = new Map()));
      x.set(`${o.entity}\u0000${o.period}`, o);
    }
    return byRow;
  });
  lazy(m, 'children', () => {
    const children = new Map<number, IndicatorRow[]>();
    for (let i = 0; i < data.rowCount; i++) {
      const r = data.row(i);
      if (r.parent === undefined) continue;
      const list = children.get(r.parent);
      if (list) list.push(r);
      else children.set(r.parent, [r]);
    }
    return children;
  });
  lazy(m, 'observations', () => {
    const out: Observation[] = new Array(data.obsCount);
    for (let i = 0; i < data.obsCount; i++) out[i] = data.obs(i);
    return out;
  });
  Object.defineProperty(m, 'data', { value: data, enumerable: false });
  return m;
}

/** Copies SheetModels made by hand (objects) into a ModelData; the objects are kept as they are. */
function ingest(sheets: SheetModel[]): ModelData {
  const data = new ModelData();
  const rowIndex = new Map<number, number>();
  const parents: Array<[number, number]> = [];
  for (const m of sheets) {
    const s = data.beginSheet(m.sheet, undefined, m.layout, 0);
    s.notes = m.notes;
    for (const r of m.rows) {
      const label = data.label(`${r.label}\u0000${r.key}\u0000${r.partial ? 1 : 0}\u0000ingest`, () => ({ label: r.label, key: r.key, code: -1, leadingSpaces: 0, qizhong: false, partial: r.partial, closing: false }));
      const i = data.addRow(r.id, s.index, r.row, label, r.code === undefined ? -1 : data.codes.intern(r.code), r.unit === undefined ? -1 : data.units.intern(r.unit), -1, data.block(r.block));
      if (!rowIndex.has(r.id)) rowIndex.set(r.id, i);
      if (r.parent !== undefined) parents.push([i, r.parent]);
      data.adopt(i, r, -1, undefined);
    }
    for (const o of m.observations) {
      const flags = makeFlags(
        o.parsed.kind === 'number' ? PK_NUMBER : o.parsed.kind === 'approx' ? PK_APPROX : o.parsed.kind === 'missing' ? PK_MISSING : o.parsed.kind === 'error' ? PK_ERROR : PK_TEXT,
        o.approximate,
        KIND_INDEX[o.kind],
      );
      const i = data.addObs(rowIndex.get(o.rowId) ?? -1, -1, data.entities.intern(o.entity), data.periods.intern(o.period), o.value ?? NaN, o.step, flags);
      data.adopt(-1, undefined, i, o);
    }
    data.endSheet(s);
  }
  data.seal();
  for (const [i, parentId] of parents) data.setParent(i, rowIndex.get(parentId) ?? -1);
  return data;
}

/** model.rows.get(id), without making every row object. */
export function rowById(model: WorkbookModel, id: number): IndicatorRow | undefined {
  const i = model.data.rowIndexOf(id);
  return i < 0 ? undefined : model.data.row(i);
}

export function cellOf(o: Observation): CellRef {
  return { sheet: o.sheet, address: o.address };
}

/** A value as a person would write it: rates as percentages, the rest with separators. */
export function display(o: Observation): string {
  if (o.parsed.kind === 'approx') return o.parsed.text;
  if (o.value === undefined) return o.parsed.kind === 'text' ? o.parsed.text : '';
  if (o.kind === 'rate') {
    const decimals = Math.max(0, Math.round(-Math.log10(o.step * 100)));
    return `${formatNumber(o.value * 100, decimals)}%`;
  }
  return formatNumber(o.value);
}

export function displayNumber(v: number, kind: Observation['kind'], step?: number): string {
  if (kind === 'rate') {
    const decimals = step ? Math.max(0, Math.round(-Math.log10(step * 100))) : 2;
    return `${formatNumber(v * 100, decimals)}%`;
  }
  return formatNumber(v);
}

/** Bilingual period text for a message. */
export function periodOf(o: Observation): Bilingual {
  const p = periodLabel(o.period);
  const entity = o.entity;
  if (!entity) return p;
  return { 'zh-CN': `${entity}${p['zh-CN']}`, 'en-US': `${entity} ${p['en-US']}` };
}

/**
 * Half a unit of the displayed precision: how far the true value may lie from the shown one.
 * Whole numbers shown without scaling (12 件, 585900 元) are exact; 94.23万元, 9264.18 and 98.3 %
 * are rounded.
 */
export function roundingOf(o: Observation): number {
  if (o.step === 1 && o.value !== undefined && Number.isInteger(o.value)) return 0;
  return o.step / 2;
}
