// Layout detection and reading: a SheetGrid becomes indicator rows and observations.
// Three layouts are recognised without configuration (see DOMAIN.md):
//   wide     — a header row with a name column (指标/指标名称/项目) and year columns;
//   per-year — the sheet name carries the year; columns 指标 / 单位 / 数值;
//   long     — 地区 (or 单位), 年份, 指标, 数值, 单位 for many entities.
// This module chooses the layout and reads wide and per-year sheets; header.ts finds the header,
// sheet-reader.ts reads rows into the model, read-long.ts reads long tables.
import { toA1 } from '../a1';
import { msg } from '../messages';
import type { SheetModel } from '../model';
import { ModelData } from '../model-data';
import { sheetNameYear } from '../names';
import type { Bilingual, SheetGrid } from '../types';
import { fixesFor } from './corrections';
import { recognizeCrossTab } from './crosstab';
import { readCrossTab } from './read-crosstab';
import { type Header, NAME_HEADERS, findHeader, headerKey, text } from './header';
import { type ReadContext, type ReadOutcome, SheetReader, draftAll } from './sheet-reader';
import { readLong } from './read-long';

export { normalizeValue } from './normalize';
export { findHeader, NOT_DATA_HEADER, type Header } from './header';
export type { ReadContext, ReadOutcome } from './sheet-reader';

function readWide(grid: SheetGrid, h: Header, ctx: ReadContext): SheetModel {
  const notes: Bilingual[] = [];
  const seen = new Map<number, number>();
  const years: Header['years'] = [];
  for (const y of h.years) {
    const first = seen.get(y.year);
    if (first !== undefined) {
      notes.push(msg('layout.duplicate-year', { sheet: grid.name, year: y.year, cells: `${toA1(grid.originRow + h.row, grid.originCol + first)}, ${toA1(grid.originRow + h.row, grid.originCol + y.col)}` }));
      continue;
    }
    seen.set(y.year, y.col);
    years.push(y);
    if (y.partial) notes.push(msg('layout.partial-period', { label: y.text, text: y.text }));
  }
  const full = years.filter((y) => !y.partial);
  let entity = -1;
  let periods: number[] = [];
  const reader = new SheetReader(grid, h, ctx, 'wide', (data) => {
    entity = data.entities.intern(ctx.entity);
    periods = full.map((y) => data.periods.intern(String(y.year)));
    return { perRow: full.length, cols: full.map((y) => y.col), periods, entity, long: false };
  });
  draftAll(reader);
  const { order, start } = reader.byBlock(1);
  reader.block(order, start[0], start[1], grid.name, entity, periods, full.map((y) => y.col));
  return reader.finish(notes);
}

function readPerYear(grid: SheetGrid, h: Header, year: number, ctx: ReadContext): SheetModel {
  let entity = -1;
  let period = -1;
  const reader = new SheetReader(grid, h, ctx, 'per-year', (data) => {
    entity = data.entities.intern(ctx.entity);
    period = data.periods.intern(String(year));
    return { perRow: 1, cols: [h.valueCol as number], periods: [period], entity, long: false };
  });
  draftAll(reader);
  const { order, start } = reader.byBlock(1);
  reader.block(order, start[0], start[1], grid.name, entity, [period], [h.valueCol as number]);
  return reader.finish([]);
}

/**
 * Rows and observations a check run will read from these sheets at most, and the bytes of the
 * transient and derived arrays (drafts of the largest sheet, breakdown lists, the rule index, the
 * history panel): what ModelData's arena is sized for.
 */
export function estimateCapacity(grids: SheetGrid[]): { rows: number; obs: number; extraBytes: number } {
  let rows = 0;
  let obs = 0;
  let largest = 0;
  for (const grid of grids) {
    const n = grid.values.length;
    const h = n > 0 ? findHeader(grid) : undefined;
    if (!h) continue;
    const r = Math.max(0, n - h.row - 1);
    rows += r;
    obs += r * Math.max(1, h.periodCol !== undefined && h.valueCol !== undefined ? 1 : h.years.length);
    largest = Math.max(largest, r);
  }
  // Drafts 41 B per row of the largest sheet (and the slow-cell list, 4 B); children and parents 12 B per row; index 4 B and panel up to 28 B per
  // observation (virtual: only what is written takes memory).
  return { rows, obs, extraBytes: largest * 45 + rows * 12 + obs * 32 + 1024 };
}

/** Reads one sheet, or says why it is not an indicator sheet. */
export function readSheet(grid: SheetGrid, ctx: ReadContext): ReadOutcome {
  const hasContent = grid.values.some((row) => row.some((v) => v !== null && v !== ''));
  if (!hasContent) return { ok: false, reason: msg('sheet.empty', { sheet: grid.name }) };
  const h = findHeader(grid);
  if (h) {
    if (h.periodCol !== undefined && h.valueCol !== undefined) return { ok: true, model: readLong(grid, h, ctx) };
    if (h.years.length > 0) return { ok: true, model: readWide(grid, h, ctx) };
    const sheetYear = sheetNameYear(grid.name);
    if (sheetYear !== undefined && h.valueCol !== undefined) return { ok: true, model: readPerYear(grid, h, sheetYear, ctx) };
  }
  // Entities × indicators for one period (a supervisor's city table, or its transpose).
  const cross = recognizeCrossTab(grid, fixesFor(ctx.fixes, grid.name));
  if (cross) {
    const data = ctx.data ?? new ModelData();
    const model = readCrossTab(grid, cross, { nextId: ctx.nextId, data });
    data.sheets[data.sheets.length - 1].structure = cross;
    if (!ctx.data) data.seal();
    return { ok: true, model };
  }
  return { ok: false, reason: msg('sheet.skipped', { sheet: grid.name }) };
}

/** Guesses the reporting entity (a district) from title rows or the workbook name. */
export function guessEntity(grids: SheetGrid[], workbookName: string): string {
  const bureau = /([\u4e00-\u9fa5]{1,12}(?:省|市|区|县|旗))(?:卫生健康局|卫健局|卫生健康委员会|卫健委|卫生局)/;
  const place = /([\u4e00-\u9fa5]{2,12}?(?:省|市|区|县|旗))/;
  for (const g of grids) {
    for (let r = 0; r < Math.min(3, g.values.length); r++) {
      for (const v of g.values[r] ?? []) {
        const s = text(v);
        if (s.length > 4 && !NAME_HEADERS.has(headerKey(v))) {
          const m = bureau.exec(s) ?? place.exec(s);
          if (m) return m[1];
        }
      }
    }
  }
  const base = workbookName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const m = bureau.exec(base) ?? /([\u4e00-\u9fa5]{2,12}(?:市|区|县|旗))/.exec(base.replace(/^示例-?/, ''));
  return m ? m[1] : '';
}

