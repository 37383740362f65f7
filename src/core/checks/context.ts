// What every check sees: the rows and observations of the workbook, indexed.
import type { IndicatorRow, Observation, SheetModel } from '../model';
import type { Bilingual, CellRef, Finding } from '../types';
import { formatNumber } from '../values';
import { periodLabel } from '../messages';

export interface WorkbookModel {
  sheets: SheetModel[];
  rows: Map<number, IndicatorRow>;
  /** Observations of a row, by `${entity}\u0000${period}`. */
  byRow: Map<number, Map<string, Observation>>;
  /** Children of a row (breakdown rows), in sheet order. */
  children: Map<number, IndicatorRow[]>;
  observations: Observation[];
}

export function buildModel(sheets: SheetModel[]): WorkbookModel {
  const rows = new Map<number, IndicatorRow>();
  const byRow = new Map<number, Map<string, Observation>>();
  const children = new Map<number, IndicatorRow[]>();
  const observations: Observation[] = [];
  for (const s of sheets) {
    for (const r of s.rows) {
      rows.set(r.id, r);
      if (r.parent !== undefined) {
        const list = children.get(r.parent);
        if (list) list.push(r);
        else children.set(r.parent, [r]);
      }
    }
    for (const o of s.observations) {
      observations.push(o);
      let m = byRow.get(o.rowId);
      if (!m) byRow.set(o.rowId, (m = new Map()));
      m.set(`${o.entity}\u0000${o.period}`, o);
    }
  }
  return { sheets, rows, byRow, children, observations };
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

export type Check = (model: WorkbookModel) => Finding[];
