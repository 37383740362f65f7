// Layout detection and reading: a SheetGrid becomes indicator rows and observations.
// Three layouts are recognised without configuration (see DOMAIN.md):
//   wide     — a header row with a name column (指标/指标名称/项目) and year columns;
//   per-year — the sheet name carries the year; columns 指标 / 单位 / 数值;
//   long     — 地区 (or 单位), 年份, 指标, 数值, 单位 for many entities.
import { toA1 } from '../a1';
import { msg } from '../messages';
import type { IndicatorRow, Observation, SheetModel, ValueKind } from '../model';
import { breakdownMarker, normalizeName, parseOutlineCode, parseYear, periodCoverage } from '../names';
import type { Bilingual, CellValue, SheetGrid } from '../types';
import { parseCell, unitKind, unitScale, type ParsedValue } from '../values';
import { buildHierarchy } from './hierarchy';

const NAME_HEADERS = new Set(['指标', '指标名称', '项目', '项目名称', '名称', '指标项', '指标项目', '统计指标', '考核指标', '内容']);
const CODE_HEADERS = new Set(['序号', '编号', '代码', '行次', '指标代码', '指标编号', '序']);
const UNIT_HEADERS = new Set(['单位', '计量单位', '计量']);
const VALUE_HEADERS = new Set(['数值', '数量', '值', '数据', '指标值', '数', '本年数', '完成数', '完成情况', '本期数']);
const ENTITY_HEADERS = new Set(['地区', '区县', '县区', '行政区划', '地区名称', '单位名称', '填报单位', '区域', '区(县)', '县(市、区)', '县(市,区)']);
const PERIOD_HEADERS = new Set(['年份', '年度', '年', '统计年度', '报告期', '时间']);
const FOOTNOTE = /^(注|说明|备注|填报人|审核人|填报日期|单位负责人|统计负责人|制表人)[:：]/;
const HEADER_SCAN_ROWS = 25;

export interface ReadContext {
  /** Entity for wide and per-year sheets (a district's own workbook): from the title or file name. */
  entity: string;
  /** Hands out row ids, unique within one check run. */
  nextId: () => number;
}

export type ReadOutcome =
  | { ok: true; model: SheetModel }
  | { ok: false; reason: Bilingual };

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v.error;
  return String(v);
}

function headerKey(v: CellValue | undefined): string {
  return text(v).normalize('NFKC').replace(/\s+/g, '');
}

/** A header cell that names a year: 2022, 2022年, 2022年度, 2022年1-10月. */
function headerYear(v: CellValue | undefined): { year: number; partial: boolean; text: string } | undefined {
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= 1949 && v <= 2100 ? { year: v, partial: false, text: String(v) } : undefined;
  }
  const s = headerKey(v);
  if (!/^(\d{4}|[〇零一二三四五六七八九]{4})/.test(s)) return undefined;
  if (s.length > 16) return undefined;
  const year = parseYear(s);
  if (year === undefined || year < 1949 || year > 2100) return undefined;
  return { year, partial: periodCoverage(s) === 'partial', text: s };
}

interface Header {
  row: number;
  nameCol: number;
  codeCol?: number;
  unitCol?: number;
  valueCol?: number;
  entityCol?: number;
  periodCol?: number;
  years: Array<{ col: number; year: number; partial: boolean; text: string }>;
}

function findHeader(grid: SheetGrid): Header | undefined {
  const rows = Math.min(grid.values.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < rows; r++) {
    const row = grid.values[r] ?? [];
    const h: Header = { row: r, nameCol: -1, years: [] };
    const entityCandidates: number[] = [];
    const unitCandidates: number[] = [];
    for (let c = 0; c < row.length; c++) {
      const k = headerKey(row[c]);
      if (!k) continue;
      if (h.nameCol < 0 && NAME_HEADERS.has(k)) h.nameCol = c;
      else if (h.codeCol === undefined && CODE_HEADERS.has(k)) h.codeCol = c;
      else if (UNIT_HEADERS.has(k)) unitCandidates.push(c);
      else if (h.valueCol === undefined && VALUE_HEADERS.has(k)) h.valueCol = c;
      else if (h.periodCol === undefined && PERIOD_HEADERS.has(k)) h.periodCol = c;
      else if (ENTITY_HEADERS.has(k)) entityCandidates.push(c);
      else {
        const y = headerYear(row[c]);
        if (y) h.years.push({ col: c, ...y });
      }
    }
    if (h.nameCol < 0) continue;
    // 单位 is the entity column of a long table when no other entity header is present and the
    // column holds names rather than units; otherwise it is the unit column.
    if (entityCandidates.length > 0) h.entityCol = entityCandidates[0];
    for (const c of unitCandidates) {
      if (h.entityCol === undefined && h.periodCol !== undefined && unitCandidates.length > 1 && c === unitCandidates[0]) h.entityCol = c;
      else if (h.unitCol === undefined) h.unitCol = c;
    }
    const isLong = h.periodCol !== undefined && h.valueCol !== undefined;
    if (h.years.length === 0 && !isLong && r + 1 < grid.values.length) {
      // Two-row header: years one row below (under a merged 年度 cell).
      const below = grid.values[r + 1] ?? [];
      for (let c = 0; c < below.length; c++) {
        if (c === h.nameCol || c === h.unitCol || c === h.codeCol) continue;
        const y = headerYear(below[c]);
        if (y) h.years.push({ col: c, ...y });
      }
      if (h.years.length > 0) {
        h.row = r + 1;
        h.periodCol = undefined;
      }
    }
    return h;
  }
  return undefined;
}

function indentOf(grid: SheetGrid, r: number, c: number, label: string): number {
  const lead = breakdownMarker(label).leadingSpaces;
  const excel = grid.indents?.[r]?.[c] ?? 0;
  return lead + excel * 2;
}

function kindOf(unit: string | undefined, name: string): ValueKind {
  return unitKind(unit, name);
}

/** Brings a parsed value to base units: 万元 → 元, rates → fractions; computes the display step. */
export function normalizeValue(parsed: ParsedValue, columnUnit: string | undefined, name: string): Pick<Observation, 'value' | 'step' | 'approximate' | 'kind'> {
  const unit = parsed.kind === 'number' || parsed.kind === 'approx' ? parsed.unit ?? columnUnit : columnUnit;
  const kind = kindOf(unit, name);
  if (parsed.kind !== 'number' && parsed.kind !== 'approx') return { step: 1, approximate: false, kind };
  const approximate = parsed.kind === 'approx';
  const baseStep = Math.pow(10, -parsed.decimals);
  if (parsed.percent) return { value: parsed.value, step: baseStep / 100, approximate, kind: 'rate' };
  const unitIsPercent = unit !== undefined && /^[%％‰]$/.test(unit.trim());
  if (unitIsPercent || (kind === 'rate' && Math.abs(parsed.value) > 1)) {
    const per = unit?.trim() === '‰' ? 1000 : 100;
    return { value: parsed.value / per, step: baseStep / per, approximate, kind: 'rate' };
  }
  if (kind === 'rate') return { value: parsed.value, step: baseStep, approximate, kind };
  // A unit written in the cell text was applied by the parser already; a column unit is applied here.
  const factor = parsed.unit ? 1 : unitScale(columnUnit).factor;
  return { value: parsed.value * factor, step: baseStep * factor, approximate, kind };
}

interface RowDraft {
  r: number;
  label: string;
  unit?: string;
  code?: string;
  indent: number;
  qizhong: boolean;
  partial: boolean;
}

function draftRow(grid: SheetGrid, r: number, h: Header): RowDraft | 'stop' | undefined {
  const row = grid.values[r] ?? [];
  const raw = row[h.nameCol];
  const label = text(raw);
  if (!label.trim()) return undefined;
  if (FOOTNOTE.test(label.trim())) return 'stop';
  const marker = breakdownMarker(label);
  const codeCell = h.codeCol !== undefined ? parseOutlineCode(row[h.codeCol]) : undefined;
  const unitText = h.unitCol !== undefined ? text(row[h.unitCol]).trim() : '';
  return {
    r,
    label: label.trim(),
    unit: unitText || undefined,
    code: codeCell ?? marker.code,
    indent: indentOf(grid, r, h.nameCol, label),
    qizhong: marker.isBreakdown && /^[\s\u3000]*其中/.test(label),
    // A part named 罚款等 is a category ("fines and the like"), not a partial list: only wording
    // such as 其中主要有 / 其中部分 / 部分列举 declares the breakdown incomplete.
    partial: /^[\s\u3000]*其中[:：]?(主要|部分|包括)|部分列举|不完全统计/.test(label),
  };
}

function rowsFromDrafts(sheet: string, block: string, drafts: RowDraft[], nameCol: number, grid: SheetGrid, nextId: () => number): IndicatorRow[] {
  const parents = buildHierarchy(drafts.map((d) => ({ indent: d.indent, qizhong: d.qizhong, code: d.code })));
  const rows: IndicatorRow[] = drafts.map((d) => ({
    id: nextId(),
    sheet,
    row: d.r,
    labelAddress: toA1(grid.originRow + d.r, grid.originCol + nameCol),
    label: d.label,
    key: normalizeName(d.label),
    unit: d.unit,
    code: d.code,
    partial: d.partial,
    block,
  }));
  parents.forEach((p, i) => {
    if (p !== undefined) rows[i].parent = rows[p].id;
  });
  return rows;
}

/** Rows listed in one duplicate note at most; the rest are counted. */
const MAX_DUPLICATES_LISTED = 5;

/**
 * Notes on indicators that appear more than once under the same parent in one block (a sheet, or
 * one entity and period of a long table): a copied row, or two figures for one indicator.
 */
function duplicateNotes(sheet: string, rows: IndicatorRow[]): Bilingual[] {
  const groups = new Map<string, IndicatorRow[]>();
  for (const r of rows) {
    if (!r.key) continue;
    const k = `${r.block}\u0000${r.parent ?? ''}\u0000${r.key}`;
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  const dups = [...groups.values()].filter((g) => g.length > 1);
  if (dups.length === 0) return [];
  const shown = dups.slice(0, MAX_DUPLICATES_LISTED).map((g) => ({ label: g[0].label, cells: g.map((r) => r.labelAddress).join(', ') }));
  const more = dups.length - shown.length;
  return [
    {
      'zh-CN': `工作表“${sheet}”中有重复的指标：${shown.map((d) => `“${d.label}”（${d.cells}）`).join('；')}${more > 0 ? `；另有 ${more} 项` : ''}。请删除重复行或确认各行数据。`,
      'en-US': `Sheet "${sheet}" lists an indicator more than once: ${shown.map((d) => `"${d.label}" (${d.cells})`).join('; ')}${more > 0 ? `; and ${more} more` : ''}. Remove the repeated rows or confirm each row's figures.`,
    },
  ];
}

function observe(grid: SheetGrid, row: IndicatorRow, r: number, c: number, entity: string, period: string): Observation {
  const raw = grid.values[r]?.[c] ?? null;
  const parsed = parseCell(raw, grid.numberFormats?.[r]?.[c]);
  return {
    rowId: row.id,
    sheet: grid.name,
    address: toA1(grid.originRow + r, grid.originCol + c),
    entity,
    period,
    raw,
    parsed,
    ...normalizeValue(parsed, row.unit, row.label),
  };
}

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
  const drafts: RowDraft[] = [];
  for (let r = h.row + 1; r < grid.values.length; r++) {
    const d = draftRow(grid, r, h);
    if (d === 'stop') break;
    if (d) drafts.push(d);
  }
  const rows = rowsFromDrafts(grid.name, grid.name, drafts, h.nameCol, grid, ctx.nextId);
  const observations: Observation[] = [];
  rows.forEach((row, i) => {
    for (const y of years) {
      if (y.partial) continue;
      observations.push(observe(grid, row, drafts[i].r, y.col, ctx.entity, String(y.year)));
    }
  });
  notes.push(...duplicateNotes(grid.name, rows));
  return { sheet: grid.name, layout: 'wide', rows, observations, notes };
}

function readPerYear(grid: SheetGrid, h: Header, year: number, ctx: ReadContext): SheetModel {
  const drafts: RowDraft[] = [];
  for (let r = h.row + 1; r < grid.values.length; r++) {
    const d = draftRow(grid, r, h);
    if (d === 'stop') break;
    if (d) drafts.push(d);
  }
  const rows = rowsFromDrafts(grid.name, grid.name, drafts, h.nameCol, grid, ctx.nextId);
  const observations = rows.map((row, i) => observe(grid, row, drafts[i].r, h.valueCol as number, ctx.entity, String(year)));
  return { sheet: grid.name, layout: 'per-year', rows, observations, notes: duplicateNotes(grid.name, rows) };
}

function readLong(grid: SheetGrid, h: Header, ctx: ReadContext): SheetModel {
  const notes: Bilingual[] = [];
  // Rows are grouped into blocks per entity and period; the hierarchy is built inside each block.
  const blocks = new Map<string, { entity: string; period: string; drafts: RowDraft[] }>();
  for (let r = h.row + 1; r < grid.values.length; r++) {
    const d = draftRow(grid, r, h);
    if (d === 'stop') break;
    if (!d) continue;
    const row = grid.values[r] ?? [];
    const entity = h.entityCol !== undefined ? text(row[h.entityCol]).trim() || ctx.entity : ctx.entity;
    const periodCell = row[h.periodCol as number];
    const year = parseYear(periodCell);
    const period = year !== undefined ? String(year) : text(periodCell).trim();
    if (year !== undefined && periodCoverage(text(periodCell)) === 'partial') continue;
    const key = `${entity}\u0000${period}`;
    let b = blocks.get(key);
    if (!b) blocks.set(key, (b = { entity, period, drafts: [] }));
    b.drafts.push(d);
  }
  const rows: IndicatorRow[] = [];
  const observations: Observation[] = [];
  for (const [key, b] of blocks) {
    const blockRows = rowsFromDrafts(grid.name, `${grid.name}\u0000${key}`, b.drafts, h.nameCol, grid, ctx.nextId);
    blockRows.forEach((row, i) => {
      rows.push(row);
      observations.push(observe(grid, row, b.drafts[i].r, h.valueCol as number, b.entity, b.period));
    });
  }
  notes.push(...duplicateNotes(grid.name, rows));
  return { sheet: grid.name, layout: 'long', rows, observations, notes };
}

/** Reads one sheet, or says why it is not an indicator sheet. */
export function readSheet(grid: SheetGrid, ctx: ReadContext): ReadOutcome {
  const hasContent = grid.values.some((row) => row.some((v) => v !== null && v !== ''));
  if (!hasContent) return { ok: false, reason: msg('sheet.empty', { sheet: grid.name }) };
  const h = findHeader(grid);
  if (h) {
    if (h.periodCol !== undefined && h.valueCol !== undefined) return { ok: true, model: readLong(grid, h, ctx) };
    if (h.years.length > 0) return { ok: true, model: readWide(grid, h, ctx) };
    const sheetYear = parseYear(grid.name);
    if (sheetYear !== undefined && h.valueCol !== undefined) return { ok: true, model: readPerYear(grid, h, sheetYear, ctx) };
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
