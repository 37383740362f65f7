// What the engine understood of each sheet, as a value to print and test: the shape recognised,
// the header rows, which axis holds periods, entities and indicators, every balance group (total →
// parts, down the rows or across the columns, with cells), and the rows and columns left out and
// why. `npm run check -- FILE --explain` prints it.
import { columnLetters, toA1 } from '../a1';
import type { WorkbookModel } from '../checks/context';
import { message } from '../i18n';
import type { SheetShape, SheetSource } from '../model-columns';
import type { ExplainedGroup, SheetExplanation, SheetReport } from '../types';

export type { ExplainedGroup, SheetExplanation };
import { entityGroups } from './crosstab';
import { findHeader, NOT_DATA_HEADER } from './read';

const MAX_ITEMS = 40;

/** The explanation of every sheet of a checked workbook (its model and sheet reports). */
export function explainWorkbook(model: WorkbookModel, reports: SheetReport[]): SheetExplanation[] {
  const d = model.data;
  return reports.map((rep) => {
    const s = d.sheets.find((x) => x.name === rep.sheet);
    const out: SheetExplanation = { sheet: rep.sheet, layout: rep.layout, reason: rep.reason, axes: [], groups: [], ignored: [] };
    if (!s || rep.layout === 'skipped') return out;
    if (s.structure) explainCrossTab(s, out);
    else explainRegular(model, s, out);
    return out;
  });
}

function explainCrossTab(s: SheetSource, out: SheetExplanation): void {
  const st = s.structure;
  if (!st) return;
  const or = st.origin.row;
  const oc = st.origin.col;
  const rowsAreEntities = st.orientation === 'entities-rows';
  out.headerRows = `${or + st.headerRows[0] + 1}–${or + st.headerRows[1] + 1}`;
  const entityNames = st.entities.map((e) => e.label);
  const totals = st.entities.filter((e) => e.total).map((e) => e.label);
  const indicatorNames = st.indicators.map((i) => `${i.label}${i.unit ? `（${i.unit}）` : ''} ${i.address}`);
  out.axes.push({ axis: rowsAreEntities ? 'rows' : 'columns', holds: 'entities', items: entityNames, totals });
  out.axes.push({ axis: rowsAreEntities ? 'columns' : 'rows', holds: 'indicators', items: indicatorNames });
  const periods = [...new Set(st.indicators.map((i) => i.period ?? st.period))];
  out.axes.push({ axis: periods.length > 1 ? (rowsAreEntities ? 'columns' : 'rows') : 'rows', holds: 'periods', items: periods, from: st.periodFrom });
  const line = (idx: number) => (rowsAreEntities ? columnLetters(oc + idx) : String(or + idx + 1));
  const span = (xs: number[]) => [Math.min(...xs), Math.max(...xs)];
  const entitySpan = span(st.entities.map((e) => e.index));
  const indicatorSpan = span(st.indicators.map((i) => i.index));
  // The rectangle over the given indicator and entity indices, in sheet coordinates.
  const rect = (ind: number[], ent: number[]) => {
    const [i0, i1] = span(ind);
    const [e0, e1] = span(ent);
    return rowsAreEntities ? range(or + e0, oc + i0, or + e1, oc + i1) : range(or + i0, oc + e0, or + i1, oc + e1);
  };
  st.indicators.forEach((ind, k) => {
    const parts = st.indicators.filter((p) => p.parent === k);
    if (parts.length === 0) return;
    out.groups.push({
      direction: rowsAreEntities ? 'columns' : 'rows',
      total: { label: ind.label, cell: line(ind.index) },
      parts: parts.map((p) => ({ label: p.label, cell: line(p.index) })),
      scope: message('layout.explain.scope.each-district'),
      range: rect([ind.index, ...parts.map((p) => p.index)], entitySpan),
    });
  });
  for (const eg of entityGroups(st)) {
    const t = st.entities[eg.total];
    out.groups.push({
      direction: 'entities',
      total: { label: t.label, cell: rowsAreEntities ? String(or + t.index + 1) : columnLetters(oc + t.index) },
      parts: eg.parts.map((k) => ({ label: st.entities[k].label, cell: rowsAreEntities ? String(or + st.entities[k].index + 1) : columnLetters(oc + st.entities[k].index) })),
      scope: message('layout.explain.scope.each-indicator'),
      range: rect(indicatorSpan, [t.index, ...eg.parts.map((k) => st.entities[k].index)]),
    });
  }
  for (const r of st.ignoredRows) out.ignored.push({ where: message('layout.explain.row', { row: or + r.index + 1 }), reason: r.reason });
  for (const c of st.ignoredCols) out.ignored.push({ where: message('layout.explain.column', { column: columnLetters(oc + c.index) }), reason: c.reason });
}

function explainRegular(model: WorkbookModel, s: SheetSource, out: SheetExplanation): void {
  const d = model.data;
  const grid = s.grid;
  if (!grid) return;
  const shape = s.shape as SheetShape;
  const h = findHeader(grid);
  if (h) out.headerRows = String(grid.originRow + h.row + 1);
  const labelCol = s.nameCol;
  // Indicators (distinct labels in row order, the first block for a long table).
  const seen = new Set<string>();
  const indicators: string[] = [];
  for (let i = s.rowStart; i < s.rowEnd && indicators.length < MAX_ITEMS; i++) {
    const l = d.labelOf(i).label;
    if (!seen.has(l)) {
      seen.add(l);
      indicators.push(l);
    }
  }
  out.axes.push({ axis: 'rows', holds: 'indicators', items: indicators });
  if (s.layout === 'wide') {
    out.axes.push({ axis: 'columns', holds: 'periods', items: shape.cols.map((c, k) => `${d.periods.list[shape.periods[k]]} ${columnLetters(grid.originCol + c)}`) });
    out.axes.push({ axis: 'rows', holds: 'entities', items: [d.entities.list[shape.entity] || '(workbook)'] });
  } else if (s.layout === 'per-year') {
    out.axes.push({ axis: 'columns', holds: 'periods', items: [d.periods.list[shape.periods[0]]], from: message('layout.from.the-sheet-name') });
  } else {
    const ents = new Set<string>();
    const pers = new Set<string>();
    for (let i = s.rowStart; i < s.rowEnd && ents.size < MAX_ITEMS; i++) {
      const b = d.rowBlock[i];
      ents.add(d.entities.list[d.blockEntity[b]]);
      pers.add(d.periods.list[d.blockPeriod[b]]);
    }
    out.axes.push({ axis: 'rows', holds: 'entities', items: [...ents] });
    out.axes.push({ axis: 'rows', holds: 'periods', items: [...pers] });
  }
  // Balance groups: the parents of the first block (a long table repeats them per block).
  const firstBlock = s.rowEnd > s.rowStart ? d.rowBlock[s.rowStart] : -1;
  const parts = new Map<number, number[]>();
  for (let i = s.rowStart; i < s.rowEnd; i++) {
    if (d.rowBlock[i] !== firstBlock) break;
    const p = d.rowParent[i];
    if (p < 0) continue;
    const list = parts.get(p);
    if (list) list.push(i);
    else parts.set(p, [i]);
  }
  const cell = (i: number) => toA1(grid.originRow + d.rowR[i], grid.originCol + labelCol);
  for (const [p, list] of parts) {
    // Section headings without values are structure, not totals.
    let valued = false;
    for (let k = d.obsStart(p); k < d.obsEnd(p) && !valued; k++) valued = d.hasValue(d.obsAt(k));
    if (!valued) continue;
    out.groups.push({
      direction: 'rows',
      total: { label: d.labelOf(p).label, cell: cell(p) },
      parts: list.map((i) => ({ label: d.labelOf(i).label, cell: cell(i) })),
      scope: message(s.layout === 'long' ? 'layout.explain.scope.each-district-year' : 'layout.explain.scope.each-year-column'),
      range: range(grid.originRow + Math.min(d.rowR[p], ...list.map((i) => d.rowR[i])), grid.originCol + Math.min(labelCol, ...shape.cols), grid.originRow + Math.max(d.rowR[p], ...list.map((i) => d.rowR[i])), grid.originCol + Math.max(labelCol, ...shape.cols)),
    });
  }
  // Header cells that were not read, and why.
  if (h) {
    const used = new Set<number>([h.nameCol, ...(h.codeCol !== undefined ? [h.codeCol] : []), ...(h.unitCol !== undefined ? [h.unitCol] : []), ...shape.cols]);
    if (h.entityCol !== undefined) used.add(h.entityCol);
    if (h.periodCol !== undefined) used.add(h.periodCol);
    const row = grid.values[h.row] ?? [];
    row.forEach((v, c) => {
      if (used.has(c) || v === null || v === '') return;
      const t = String(typeof v === 'object' ? v.error : v);
      out.ignored.push({
        where: message('layout.explain.column', { column: columnLetters(grid.originCol + c) }),
        reason: message(NOT_DATA_HEADER.test(t.replace(/\s+/g, '')) ? 'layout.ignored.not-data' : 'layout.ignored.not-year', { label: t }),
      });
    });
  }
}

/** An A1 range from 0-based sheet coordinates. */
function range(r0: number, c0: number, r1: number, c1: number): string {
  const a = toA1(r0, c0);
  const b = toA1(r1, c1);
  return a === b ? a : `${a}:${b}`;
}

export { axisText, formatExplanation } from './explain-text';
