// Finding a sheet's header: the row that names the indicator, code, unit, value, entity and
// period columns (指标 / 序号 / 单位 / 数值 / 地区 / 年份) or holds year columns, within the first rows.
import { indicatorKey, parseYear, periodCoverage } from '../names';
import type { CellValue, SheetGrid } from '../types';
import { isUnitText } from '../units';
import { isPlainFormat } from '../values';
import { isPercentUnit, percentFractionKeys } from './normalize';

export const NAME_HEADERS = new Set(['指标', '指标名称', '项目', '项目名称', '名称', '指标项', '指标项目', '统计指标', '考核指标', '内容']);
const CODE_HEADERS = new Set(['序号', '编号', '代码', '行次', '指标代码', '指标编号', '序']);
const UNIT_HEADERS = new Set(['单位', '计量单位', '计量']);
const VALUE_HEADERS = new Set(['数值', '数量', '值', '数据', '指标值', '数', '本年数', '完成数', '完成情况', '本期数']);
const ENTITY_HEADERS = new Set(['地区', '区县', '县区', '行政区划', '地区名称', '单位名称', '填报单位', '区域', '区(县)', '县(市、区)', '县(市,区)']);
const PERIOD_HEADERS = new Set(['年份', '年度', '年', '统计年度', '报告期', '时间']);
export const FOOTNOTE = /^(注|说明|备注|填报人|审核人|填报日期|单位负责人|统计负责人|制表人)[:：]/;
const HEADER_SCAN_ROWS = 25;
/**
 * Columns that are never periods, entities or values to check, even when their header names a
 * year ("2023年比2022年增减"): changes, growth rates, ranks, scores, remarks.
 */
export const NOT_DATA_HEADER = /增减|增长|增幅|降幅|同比|环比|比上年|较上年|比去年|较去年|变化|差额|排名|排序|名次|得分|评分|备注|说明/;

export function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v.error;
  return String(v);
}

export function headerKey(v: CellValue | undefined): string {
  return text(v).normalize('NFKC').replace(/\s+/g, '');
}

/** A header cell that names a year: 2022, 2022年, 2022年度, 2022年1-10月. */
function headerYear(v: CellValue | undefined): { year: number; partial: boolean; text: string } | undefined {
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= 1949 && v <= 2100 ? { year: v, partial: false, text: String(v) } : undefined;
  }
  const s = headerKey(v);
  if (!/^(\d{4}|[〇零一二三四五六七八九]{4})/.test(s)) return undefined;
  if (NOT_DATA_HEADER.test(s)) return undefined;
  if (s.length > 16) return undefined;
  const year = parseYear(s);
  if (year === undefined || year < 1949 || year > 2100) return undefined;
  return { year, partial: periodCoverage(s) === 'partial', text: s };
}

export interface Header {
  row: number;
  nameCol: number;
  codeCol?: number;
  unitCol?: number;
  valueCol?: number;
  entityCol?: number;
  periodCol?: number;
  years: Array<{ col: number; year: number; partial: boolean; text: string }>;
}

export function findHeader(grid: SheetGrid): Header | undefined {
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
      const first = c === unitCandidates[0];
      if (h.entityCol === undefined && h.periodCol !== undefined && first && (unitCandidates.length > 1 || holdsNames(grid, r, c))) h.entityCol = c;
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

/** Whether a column below the header holds names (甲区卫健局) rather than units (件, 万元): most of its first texts are not units. */
function holdsNames(grid: SheetGrid, headerRow: number, col: number): boolean {
  let texts = 0;
  let units = 0;
  for (let r = headerRow + 1; r < grid.values.length && texts < 50; r++) {
    const v = grid.values[r]?.[col];
    if (typeof v !== 'string' || v.trim() === '') continue;
    texts++;
    if (isUnitText(v)) units++;
  }
  return texts > 0 && units * 2 < texts;
}

/**
 * percentFractionKeys over a sheet's value cells: the indicators whose numbers under a % unit
 * column are fractions. Null when the sheet has no unit column. One pass over the rows; the unit
 * cell is compared by identity first, as a long table repeats a few units.
 */
export function fractionKeysOf(grid: SheetGrid, h: Header, cols: number[]): Set<string> | null {
  const unitCol = h.unitCol;
  const values = grid.values;
  if (unitCol === undefined) {
    // Units at the end of the labels (法制审核率（%）): a wide or per-year form without a 单位 column.
    const keys = percentFractionKeys(
      (visit) => {
        for (let r = h.row + 1; r < values.length; r++) {
          const row = values[r];
          if (!row) continue;
          const label = text(row[h.nameCol]);
          const m = /[(（]\s*([%％])\s*[)）]\s*$/.exec(label);
          if (!m) continue;
          for (const c of cols) visit(label, m[1], row[c], grid.numberFormats?.[r]?.[c]);
        }
      },
      (label) => indicatorKey(label.trim()),
      isPlainFormat,
    );
    return keys.size > 0 ? keys : null;
  }
  // One pass over a table that may hold millions of rows: the few distinct unit cells are
  // classified once (compared by identity first), and the verdict is kept per label cell before
  // labels are turned into keys.
  const formats = grid.numberFormats;
  const nameCol = h.nameCol;
  const percentUnit = new Map<unknown, boolean>();
  const byLabel = new Map<unknown, boolean>();
  let lastUnit: unknown = percentUnit;
  let percent = false;
  for (let r = h.row + 1; r < values.length; r++) {
    const row = values[r];
    if (!row) continue;
    const u = row[unitCol];
    if (u !== lastUnit) {
      lastUnit = u;
      const known = percentUnit.get(u);
      if (known === undefined) percentUnit.set(u, (percent = typeof u === 'string' && isPercentUnit(u)));
      else percent = known;
    }
    if (!percent) continue;
    const label = row[nameCol];
    for (let k = 0; k < cols.length; k++) {
      const raw = row[cols[k]];
      if (typeof raw !== 'number' || !Number.isFinite(raw)) continue;
      const fmt = formats?.[r]?.[cols[k]];
      if (fmt !== undefined && !isPlainFormat(fmt)) continue;
      const fraction = raw >= 0 && raw <= 1;
      const before = byLabel.get(label);
      if (before === undefined || (before && !fraction)) byLabel.set(label, fraction);
    }
  }
  const byKey = new Map<string, boolean>();
  for (const [label, fraction] of byLabel) {
    const key = indicatorKey(text(label as CellValue).trim());
    byKey.set(key, (byKey.get(key) ?? true) && fraction);
  }
  const out = new Set<string>();
  for (const [key, fraction] of byKey) if (fraction) out.add(key);
  return out.size > 0 ? out : null;
}

