// The object view of a sheet read into ModelData: a SheetModel whose rows and observations are
// made on first access, and the way back from such a SheetModel to the columns it was read into.
// Callers that read `sheet.observations` get objects; the checks find the columns instead.
import { toA1 } from './a1';
import { normalizeValue } from './layout/normalize';
import type { IndicatorRow, Observation, SheetModel } from './model';
import type { SheetSource } from './model-columns';
import type { ModelData } from './model-data';
import type { CellValue, SheetGrid } from './types';
import { parseCell } from './values';

/** A SheetModel whose rows and observations are made on first access. */
export function sheetModel(data: ModelData, s: SheetSource): SheetModel {
  let rows: IndicatorRow[] | undefined;
  let observations: Observation[] | undefined;
  const m = { sheet: s.name, layout: s.layout } as SheetModel;
  Object.defineProperty(m, 'rows', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!rows) {
        rows = [];
        for (let i = s.rowStart; i < s.rowEnd; i++) rows.push(data.row(i));
      }
      return rows;
    },
  });
  Object.defineProperty(m, 'observations', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!observations) {
        observations = [];
        for (let i = s.obsStart; i < s.obsEnd; i++) observations.push(data.obs(i));
      }
      return observations;
    },
  });
  Object.defineProperty(m, 'notes', { enumerable: true, configurable: true, get: () => s.notes });
  Object.defineProperty(m, 'columns', { value: { data, source: s }, enumerable: false });
  return m;
}

/** The ModelData and sheet a SheetModel was read into; undefined for SheetModels made by hand. */
export function dataOfSheet(m: SheetModel): { data: ModelData; source: SheetSource } | undefined {
  return m.columns;
}

/** Number of observations of a sheet, without making them. */
export function observationCount(m: SheetModel): number {
  const d = m.columns;
  return d ? d.source.obsEnd - d.source.obsStart : m.observations.length;
}

/** The IndicatorRow object of row i, from the columns (ModelData.row keeps it). */
export function rowObject(d: ModelData, i: number): IndicatorRow {
  const s = d.sheets[d.rowSheet[i]];
  const g = s.grid as SheetGrid;
  const li = d.labels[d.rowLabel[i]];
  const rr = d.rowR[i];
  const u = d.rowUnit[i];
  const c = d.codeOf(i);
  const r: IndicatorRow = {
    id: d.idOf(i),
    sheet: s.name,
    row: rr,
    labelAddress: toA1(g.originRow + rr, g.originCol + s.nameCol),
    label: li.label,
    key: li.key,
    unit: u < 0 ? undefined : d.units.list[u],
    code: c < 0 ? undefined : d.codes.list[c],
    partial: li.partial,
    block: d.blockName(d.rowBlock[i]),
  };
  const p = d.rowParent[i];
  if (p >= 0) r.parent = d.idOf(p);
  return r;
}

/** The Observation object of observation o, from the grid, as the readers always made it (ModelData.obs keeps it). */
export function obsObject(d: ModelData, o: number): Observation {
  const row = d.rowOf(o);
  const s = d.sheets[d.rowSheet[row]];
  const g = s.grid as SheetGrid;
  const r = d.rowR[row];
  const c = d.colOf(o);
  const raw: CellValue = g.values[r]?.[c] ?? null;
  const parsed = parseCell(raw, g.numberFormats?.[r]?.[c]);
  const label = d.labels[d.rowLabel[row]];
  return {
    rowId: d.idOf(row),
    sheet: s.name,
    address: toA1(g.originRow + r, g.originCol + c),
    entity: d.entities.list[d.entityOf(o)],
    period: d.periods.list[d.periodOf(o)],
    raw,
    parsed,
    ...normalizeValue(parsed, d.unitOf(row), label.label, s.fractionKeys !== null && s.fractionKeys.has(label.key)),
  };
}
