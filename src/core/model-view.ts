// The object view of a sheet read into ModelData: a SheetModel whose rows and observations are
// made on first access, and the way back from such a SheetModel to the columns it was read into.
// Callers that read `sheet.observations` get objects; the checks find the columns instead.
import type { IndicatorRow, Observation, SheetModel } from './model';
import type { SheetSource } from './model-columns';
import type { ModelData } from './model-data';

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
