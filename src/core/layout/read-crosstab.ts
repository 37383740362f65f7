// Reading a recognised cross-tab (crosstab.ts's CrossTabStructure) into the model: one block of
// indicator rows per entity and period, each row holding its one observation, so the in-sheet
// checks run per entity and the cross-year detectors see entities as a long table's districts.
import { toA1 } from '../a1';
import { message } from '../i18n';
import { indicatorKey } from '../names';
import type { SheetModel, IndicatorRow, Observation } from '../model';
import { type ModelData } from '../model-data';
import { KIND_INDEX, makeFlags, PARSED_KIND_INDEX } from '../obs-flags';
import type { Bilingual, CellValue, SheetGrid } from '../types';
import { isPlainFormat, parseCell } from '../values';
import { normalizeValue, percentFractionKeys } from './normalize';
import { entityGroups, type AxisEntry, type CrossTabStructure } from './crosstab';

/** Ids and the model to write into: what layout/sheet-reader.ts's ReadContext provides. */
interface CrossTabContext {
  nextId: () => number;
  data: ModelData;
}

/**
 * Writes a recognised cross-tab into the model: one block per entity, holding one row per
 * indicator with its one observation; the indicator's parent (a group's 合计 column, a 其中 row)
 * within the block. Entity totals are kept on the sheet for checks/entity-totals.
 */
export function readCrossTab(grid: SheetGrid, s: CrossTabStructure, ctx: CrossTabContext): SheetModel {
  const data = ctx.data;
  const source = data.beginSheet(grid.name, undefined, 'cross-tab', s.labelCol);
  const rowsAreEntities = s.orientation === 'entities-rows';
  const cellAt = (e: AxisEntry, ind: AxisEntry) => (rowsAreEntities ? { r: e.index, c: ind.index } : { r: ind.index, c: e.index });
  // Which indicators' plain numbers under a % unit are fractions: all of the indicator's values.
  const fractionKeys = percentFractionKeys(
    (visit) => {
      for (const ind of s.indicators)
        for (const e of s.entities) {
          const { r, c } = cellAt(e, ind);
          visit(ind.label, ind.unit, grid.values[r]?.[c], grid.numberFormats?.[r]?.[c]);
        }
    },
    indicatorKey,
    isPlainFormat,
  );
  source.fractionKeys = fractionKeys.size > 0 ? fractionKeys : null;
  const notes: Bilingual[] = [];
  if (s.partial) notes.push(message('layout.crosstab.part-year', { sheet: grid.name, period: s.period }));
  const obsIndex = new Map<string, number>();
  const groups: Array<{ total: number; parts: number[] }> = [];
  // Indicators by period (one, unless the columns carry years), each a block per entity.
  const byPeriod = new Map<string, number[]>();
  s.indicators.forEach((ind, k) => {
    const p = ind.period ?? s.period;
    const list = byPeriod.get(p);
    if (list) list.push(k);
    else byPeriod.set(p, [k]);
  });
  for (const e of s.entities) for (const [periodText, members] of byPeriod) {
    const entity = data.entities.intern(e.label);
    const period = data.periods.intern(periodText);
    const blockName = `${grid.name}\u0000${e.label}\u0000${periodText}`;
    const block = data.block(blockName, entity, period);
    const base = data.rowCount;
    // Row index within the block of each member indicator, for the parents.
    const at = new Map<number, number>(members.map((k, j) => [k, j]));
    const ids = members.map(() => ctx.nextId());
    members.forEach((k, j) => {
      const ind = s.indicators[k];
      const parentAt = ind.parent !== undefined ? at.get(ind.parent) : undefined;
      const { r, c } = cellAt(e, ind);
      const keyText = indicatorKey(ind.label);
      const label = data.label(`${ind.label}\u0000cross-tab`, () => ({ label: ind.label, key: keyText, code: -1, leadingSpaces: 0, qizhong: false, partial: false, closing: false }));
      const unit = ind.unit ? data.units.intern(ind.unit) : -1;
      const parent = parentAt !== undefined ? base + parentAt : -1;
      const i = data.addRow(ids[j], source.index, r, label, -1, unit, parent, block);
      const row: IndicatorRow = {
        id: ids[j],
        sheet: grid.name,
        row: r,
        labelAddress: ind.address,
        label: ind.label,
        key: keyText,
        partial: false,
        block: blockName,
      };
      if (ind.unit) row.unit = ind.unit;
      if (parentAt !== undefined) row.parent = ids[parentAt];
      const raw: CellValue = grid.values[r]?.[c] ?? null;
      const parsed = parseCell(raw, grid.numberFormats?.[r]?.[c]);
      const nv = normalizeValue(parsed, ind.unit, ind.label, fractionKeys.has(keyText));
      const o = data.addObs(i, c, entity, period, nv.value ?? NaN, nv.step, makeFlags(PARSED_KIND_INDEX[parsed.kind], nv.approximate, KIND_INDEX[nv.kind]));
      const obs: Observation = { rowId: ids[j], sheet: grid.name, address: toA1(grid.originRow + r, grid.originCol + c), entity: e.label, period: periodText, raw, parsed, ...nv };
      data.adopt(i, row, o, obs);
      obsIndex.set(`${e.index},${ind.index}`, o);
    });
  }
  for (const g of entityGroups(s)) {
    for (const ind of s.indicators) {
      const t = obsIndex.get(`${s.entities[g.total].index},${ind.index}`);
      const parts = g.parts.map((k) => obsIndex.get(`${s.entities[k].index},${ind.index}`) ?? -1);
      if (t !== undefined) groups.push({ total: t, parts });
    }
  }
  source.sumGroups = groups;
  source.notes = notes;
  data.endSheet(source);
  return source.model;
}
