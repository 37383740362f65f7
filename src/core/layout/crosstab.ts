// Cross-tab sheets for one period: entities (districts, units) on one axis and indicators on the
// other, as supervisors' city tables and their transposes are laid out.
//
// The sheet's structure is worked out first, as a value of its own (CrossTabStructure): which rows
// are titles, header and data; which axis holds entities and which indicators; each indicator's
// label, unit and place in a merged group (合计 | 其中：警告 | 罚款); which rows or columns are
// totals over entities (全市合计) and which columns are not data (增减, 备注, 排名). `--explain`
// prints it, and read-crosstab.ts builds the model from it.
import { toA1 } from '../a1';
import { message } from '../i18n';
import { breakdownMarker, indicatorKey, isEntityTotalLabel, isTotalLabel, normalizeName, outlineToken, parseOutlineCode, parseYear, periodCoverage, sheetNameYear } from '../names';
import type { Bilingual, CellValue, SheetGrid } from '../types';
import { isUnitText, unitScale } from '../units';
import { parseCell } from '../values';
import { applyFixes, type StructureFix } from './corrections';
import { buildHierarchy, type HierarchyItem } from './hierarchy';

/** One entry of an axis: a row or a column of the grid (0-based grid index). */
export interface AxisEntry {
  index: number;
  /** The label as shown (an indicator without its unit in brackets; an entity's name). */
  label: string;
  /** Merged group headers above or beside it, outermost first. */
  path: string[];
  unit?: string;
  /** A total over the other entries of its axis (全市合计 row, 合计 column of a group). */
  total: boolean;
  /** Index (into the same axis list) of the entry it is a part of. */
  parent?: number;
  /** Grid address of the cell that names it. */
  address: string;
  /** The label as written, before 其中 and codes were taken off. */
  rawLabel?: string;
  /** An indicator column under a year header (行政处罚案件 over 2022年 | 2023年): its period. */
  period?: string;
}

interface Ignored {
  index: number;
  reason: Bilingual;
}

export interface CrossTabStructure {
  /** Entities down the rows (indicators across), or the transpose. */
  orientation: 'entities-rows' | 'entities-columns';
  period: string;
  /** Where the period was found: the sheet name or a title line. */
  periodFrom: Bilingual;
  /** The period covers only part of a year (2023年1-10月). */
  partial: boolean;
  /** Grid rows of the header, first and last (0-based). */
  headerRows: [number, number];
  /** Grid column of the labels of the row axis. */
  labelCol: number;
  entities: AxisEntry[];
  indicators: AxisEntry[];
  ignoredRows: Ignored[];
  ignoredCols: Ignored[];
  /** The grid's origin (0-based sheet row and column of values[0][0]), for addresses. */
  origin: { row: number; col: number };
}

const ENTITY_HEADER = /^(?:区县|县区|地区|地区名称|单位|单位名称|填报单位|机构|机构名称|医疗机构|乡镇|街道|乡镇街道|乡镇\(街道\)|县\(市、?区\)|县\(市,区\)|区\(县\)|市\(州\)|区域|行政区划|名称)$/;
const INDICATOR_HEADER = /^(?:指标|指标名称|项目|项目名称|指标项目|统计指标|考核指标|内容)$/;
const UNIT_HEADER = /^(?:单位|计量单位|计量)$/;
const CODE_HEADER = /^(?:序号|编号|代码|行次|序)$/;
const PLACE = /[\u4e00-\u9fa5]{1,12}(?:区|县|市|镇|乡|街道|旗|州|盟|新区|开发区)$/;
const UNIT_NAME = /(?:医院|卫生院|卫生室|中心|局|委|所|站|社区|诊所|公司|学校|大队|支队)$/;
const NOT_DATA = /增减|增长|增幅|降幅|同比|环比|比上年|较上年|比去年|较去年|变化|差额|排名|排序|名次|得分|评分|备注|说明/;
const NOTE_LINE = /^(?:注|说明|备注|填报人|审核人|填报日期|单位负责人|统计负责人|制表人|资料来源|数据来源)\s*[:：]/;
const UNITS_LINE = /^单位\s*[:：]\s*(.+)$/;

function text(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return v.error;
  return String(v).trim();
}

function key(v: CellValue | undefined): string {
  return text(v).normalize('NFKC').replace(/\s+/g, '');
}

/** A value cell: a number, or text the value parser reads as one (100%, 585,900, 1900余). */
function isValue(v: CellValue | undefined): boolean {
  if (v === null || v === undefined || v === '') return false;
  if (typeof v === 'number') return Number.isFinite(v);
  if (typeof v === 'object') return true; // an Excel error stands where a value belongs
  if (typeof v !== 'string') return false;
  const p = parseCell(v);
  return p.kind === 'number' || p.kind === 'approx';
}

function isBlank(v: CellValue | undefined): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** A name that reads as an entity: a place (…区 …县 …镇 …街道), a unit (…医院 …卫生院) or an entity total. */
function looksLikeEntity(s: string): boolean {
  const k = normalizeName(s);
  if (!k) return false;
  if (isEntityTotalLabel(k)) return true;
  return (PLACE.test(k) || UNIT_NAME.test(k)) && k.length <= 16 && !/[率数量额款件次]$/.test(k);
}

/** A header cell that names a year (2022, 2022年, 2022年度, 2023年1-10月), not a change or a remark. */
function headerYearOf(s: string): { year: number; partial: boolean } | undefined {
  const t = s.normalize('NFKC').replace(/\s+/g, '');
  if (!/^(\d{4})/.test(t) || t.length > 16 || NOT_DATA.test(t)) return undefined;
  const year = parseYear(t);
  return year === undefined ? undefined : { year, partial: periodCoverage(t) === 'partial' };
}

/** The unit written in an indicator header: （件） (万元) (%) 单位：件. */
function unitInHeader(s: string): { label: string; unit?: string } {
  const t = s.normalize('NFKC').trim();
  const m = /^(.*?)[(（[【]\s*(?:单位\s*[:：]\s*)?([^()（）[\]【】]{1,6})\s*[)）\]】]\s*$/.exec(t);
  if (m && (isUnitText(m[2]) || /^[%％‰]$/.test(m[2]))) return { label: m[1].trim(), unit: m[2].trim() };
  const pct = /^(.*率)\s*[%％]$/.exec(t);
  if (pct) return { label: pct[1], unit: '%' };
  return { label: t };
}

/** The period of a sheet: its name first, then a year in the first title lines. */
function findPeriod(grid: SheetGrid, before: number): { period: string; partial: boolean; from: Bilingual } | undefined {
  const fromName = sheetNameYear(grid.name);
  if (fromName !== undefined) {
    return { period: String(fromName), partial: periodCoverage(grid.name) === 'partial', from: message('layout.from.sheet-name', { sheet: grid.name }) };
  }
  for (let r = 0; r < Math.min(before, 6); r++) {
    for (const v of grid.values[r] ?? []) {
      const s = text(v);
      if (!s) continue;
      const years = new Set<number>();
      for (const m of s.normalize('NFKC').matchAll(/(?<!\d)((?:19|20)\d{2})\s*年/g)) years.add(Number(m[1]));
      if (years.size === 1) {
        const y = [...years][0];
        return { period: String(y), partial: periodCoverage(s) === 'partial', from: message('layout.from.title', { title: s }) };
      }
    }
  }
  return undefined;
}

/**
 * Recognises a one-period cross-tab, or says undefined. Called for sheets the wide, per-year and
 * long readers did not take.
 */
export function recognizeCrossTab(grid: SheetGrid, fixes: StructureFix[] = []): CrossTabStructure | undefined {
  const values = grid.values;
  const nRows = values.length;
  if (nRows < 2) return undefined;
  let width = 0;
  for (const row of values) width = Math.max(width, row?.length ?? 0);
  // Rows with at least two value cells are data candidates.
  const numeric = new Int32Array(nRows);
  for (let r = 0; r < nRows; r++) {
    const row = values[r] ?? [];
    let n = 0;
    for (let c = 0; c < row.length; c++) if (isValue(row[c])) n++;
    numeric[r] = n;
  }
  // A header row of years typed as numbers (2022 | 2023) is not data.
  const yearsOnly = (r: number) => {
    const row = values[r] ?? [];
    let years = 0;
    for (const v of row) {
      if (!isValue(v)) continue;
      if (typeof v === 'number' && Number.isInteger(v) && v >= 1949 && v <= 2100) years++;
      else return false;
    }
    return years >= 2;
  };
  for (let r = 0; r < nRows; r++) if (numeric[r] >= 2 && yearsOnly(r)) numeric[r] = 0;
  const firstData = numeric.findIndex((n) => n >= 2);
  if (firstData < 1) return undefined;
  // The label column: the leftmost column holding text in most data rows.
  const dataRowsGuess: number[] = [];
  for (let r = firstData; r < nRows; r++) if (numeric[r] >= 2) dataRowsGuess.push(r);
  let labelCol = -1;
  for (let c = 0; c < Math.min(width, 4) && labelCol < 0; c++) {
    let textCells = 0;
    for (const r of dataRowsGuess) {
      const v = values[r]?.[c];
      if (typeof v === 'string' && v.trim() !== '' && !isValue(v)) textCells++;
    }
    if (textCells * 2 > dataRowsGuess.length) labelCol = c;
  }
  if (labelCol < 0) return undefined;
  // Header rows: from the last title line down to the row above the first data row. A title line
  // has at most one distinct text and no value; a units line starts with 单位：.
  let headerStart = firstData - 1;
  while (headerStart > 0) {
    const row = values[headerStart - 1] ?? [];
    const texts = row.filter((v) => !isBlank(v)).map(text);
    if (texts.length <= 1 || texts.some((t) => UNITS_LINE.test(t.normalize('NFKC')) || NOTE_LINE.test(t))) break;
    headerStart--;
  }
  // A header row must name columns: skip title lines caught at the top of the range.
  while (headerStart < firstData - 1 && (values[headerStart] ?? []).filter((v) => !isBlank(v)).length <= 1) headerStart++;
  const headerRows: [number, number] = [headerStart, firstData - 1];
  const sheetPeriod = findPeriod(grid, headerStart + 1);
  const titleUnits = unitsFromTitle(values, headerStart);

  // Orientation: entity names down the label column, or across the header.
  const labels = dataRowsGuess.map((r) => text(values[r]?.[labelCol]));
  const entityLabels = labels.filter(looksLikeEntity).length;
  const headerKey = key(values[headerStart]?.[labelCol]);
  const lastHeader = values[firstData - 1] ?? [];
  const topHeader = values[headerStart] ?? [];
  let headerEntities = 0;
  let headerCells = 0;
  for (let c = labelCol + 1; c < width; c++) {
    const s = text(lastHeader[c]) || text(topHeader[c]);
    if (!s) continue;
    headerCells++;
    if (looksLikeEntity(s)) headerEntities++;
  }
  // The names themselves decide; the corner header (区县, 指标) only where they do not.
  const rowNames = entityLabels * 2 > labels.length;
  const colNames = headerCells > 0 && headerEntities * 2 > headerCells;
  const rowsAreEntities = rowNames ? !INDICATOR_HEADER.test(headerKey) || !colNames : !colNames && ENTITY_HEADER.test(headerKey);
  const colsAreEntities = !rowsAreEntities && colNames;
  if (!rowsAreEntities && !colsAreEntities) return undefined;
  // Indicators down the rows may be named in two columns, the group's name only on its first row
  // (行政处罚案件 | 小计, then | 罚款 …): the names start in the column left of the busier one.
  if (colsAreEntities && labelCol > 0 && dataRowsGuess.some((r) => typeof values[r]?.[labelCol - 1] === 'string' && !isValue(values[r]?.[labelCol - 1]) && !CODE_HEADER.test(key(values[headerStart]?.[labelCol - 1])))) labelCol--;

  const ignoredRows: Ignored[] = [];
  const ignoredCols: Ignored[] = [];
  // Columns: header text by column, merged group cells carried to the right over their span.
  const unitRow = findUnitRow(values, headerRows, labelCol, width);
  const lastHeaderRow = unitRow === headerRows[1] ? headerRows[1] - 1 : headerRows[1];
  const colPaths: string[][] = [];
  for (let c = 0; c < width; c++) colPaths.push([]);
  for (let r = headerRows[0]; r <= lastHeaderRow; r++) {
    const row = values[r] ?? [];
    let carry = '';
    for (let c = labelCol + 1; c < width; c++) {
      const s = text(row[c]);
      // A blank header cell under a group continues the group to its left when the next header
      // row names a sub-column here (the cells of a merged range are blank but the first).
      const below = r < lastHeaderRow ? text(values[r + 1]?.[c]) : '';
      if (s) carry = r < lastHeaderRow ? s : '';
      const cell = s || (below && carry ? carry : '');
      if (!s && !below) carry = '';
      if (cell) colPaths[c].push(cell);
    }
  }
  // Data columns: value cells in the data rows, and a header that is not a change, rank or remark.
  let unitCol = -1;
  let codeCol = -1;
  for (let c = 0; c < labelCol; c++) if (CODE_HEADER.test(key(values[headerRows[1]]?.[c])) || CODE_HEADER.test(key(values[headerRows[0]]?.[c]))) codeCol = c;
  const dataCols: number[] = [];
  for (let c = labelCol + 1; c < width; c++) {
    const path = colPaths[c];
    const head = path.join('');
    const headKey = head.normalize('NFKC').replace(/\s+/g, '');
    const address = toA1(grid.originRow + headerRows[0], grid.originCol + c);
    if (UNIT_HEADER.test(headKey) && colsAreEntities) {
      unitCol = c;
      ignoredCols.push({ index: c, reason: message('layout.ignored.unit-column', { cell: address }) });
      continue;
    }
    if (CODE_HEADER.test(headKey)) {
      ignoredCols.push({ index: c, reason: message('layout.ignored.number-column', { cell: address }) });
      continue;
    }
    if (NOT_DATA.test(headKey)) {
      ignoredCols.push({ index: c, reason: message('layout.ignored.not-data', { label: head }) });
      continue;
    }
    let vals = 0;
    let any = 0;
    let unitTexts = 0;
    for (const r of dataRowsGuess) {
      const v = values[r]?.[c];
      if (isBlank(v)) continue;
      any++;
      if (isValue(v)) vals++;
      else if (typeof v === 'string' && (isUnitText(v) || /^[%％‰]$/.test(v.trim()))) unitTexts++;
    }
    if (colsAreEntities && unitCol < 0 && any > 0 && unitTexts * 2 > any) {
      // Units down a column beside the indicator names (件, 家, %), whatever its header says.
      unitCol = c;
      ignoredCols.push({ index: c, reason: message('layout.ignored.unit-column', { cell: address }) });
      continue;
    }
    if (any === 0 && path.length === 0) continue;
    if (vals * 2 < any || vals === 0) {
      ignoredCols.push({ index: c, reason: message('layout.ignored.text-column', { label: head || toA1(grid.originRow + firstData, grid.originCol + c) }) });
      continue;
    }
    dataCols.push(c);
  }
  if (dataCols.length === 0) return undefined;
  // Data rows: a label and at least one value in the data columns; notes end the table.
  const dataRows: number[] = [];
  // A second label column right of the first (行政处罚案件 | 计 / 警告 / 罚款 down the rows): the
  // transpose of a merged group header.
  const subCol =
    !rowsAreEntities && unitCol !== labelCol + 1 && !dataCols.includes(labelCol + 1) && dataRowsGuess.some((r) => typeof values[r]?.[labelCol + 1] === 'string' && text(values[r]?.[labelCol + 1]) !== '' && !isValue(values[r]?.[labelCol + 1])) ? labelCol + 1 : -1;
  const subIgnored = ignoredCols.findIndex((x) => x.index === subCol);
  if (subCol >= 0 && subIgnored >= 0) ignoredCols.splice(subIgnored, 1);
  const labelOf = (r: number): string => {
    const row = values[r] ?? [];
    const own = text(row[labelCol]) || (subCol >= 0 ? text(row[subCol]) : '');
    if (own) return own;
    // A total written in the 序号 column (总计 left of an empty name cell).
    for (let c = 0; c < labelCol; c++) if (isEntityTotalLabel(text(row[c]))) return text(row[c]);
    return '';
  };
  for (let r = firstData; r < nRows; r++) {
    const row = values[r] ?? [];
    const label = labelOf(r);
    if (NOTE_LINE.test(label.normalize('NFKC')) || (row.filter((v) => !isBlank(v)).length === 1 && NOTE_LINE.test(text(row.find((v) => !isBlank(v)))))) {
      ignoredRows.push({ index: r, reason: message('layout.ignored.notes-line', { text: label || text(row.find((v) => !isBlank(v))) }) });
      break;
    }
    if (!label) {
      if (dataCols.some((c) => !isBlank(row[c]))) ignoredRows.push({ index: r, reason: message('layout.ignored.unnamed-row') });
      continue;
    }
    if (NOT_DATA.test(label.normalize('NFKC').replace(/\s+/g, ''))) {
      ignoredRows.push({ index: r, reason: message('layout.ignored.not-data', { label }) });
      continue;
    }
    dataRows.push(r);
  }
  if (dataRows.length === 0) return undefined;

  const addr = (r: number, c: number) => toA1(grid.originRow + r, grid.originCol + c);
  // Column entries and row entries.
  const colEntries: AxisEntry[] = [];
  for (const c of dataCols) {
    const full = colPaths[c].slice();
    // A header cell that names a year is the column's period, not an indicator or a group: an
    // indicator over 2022年 | 2023年 sub-columns, or a year over its indicators.
    const yearAt = full.findIndex((h) => headerYearOf(h) !== undefined);
    const year = yearAt >= 0 ? headerYearOf(full[yearAt]) : undefined;
    if (year?.partial && rowsAreEntities) {
      ignoredCols.push({ index: c, reason: message('layout.ignored.part-year', { label: full[yearAt] }) });
      continue;
    }
    const path = year && rowsAreEntities ? full.filter((_, k) => k !== yearAt) : full;
    const leaf = path.length > 0 ? path[path.length - 1] : addr(headerRows[1], c);
    const groups = path.slice(0, -1);
    const { label, unit } = unitInHeader(leaf);
    const groupUnit = groups.map((g) => unitInHeader(g).unit).find((u) => u !== undefined);
    const rowUnit = unitRow >= 0 ? text(values[unitRow]?.[c]) || undefined : undefined;
    const headerRow = headerRows[0] + Math.max(0, full.length - 1);
    const entry: AxisEntry = { index: c, label, rawLabel: leaf, path: groups.map((g) => unitInHeader(g).label), unit: unit ?? groupUnit ?? rowUnit, total: false, address: addr(Math.min(headerRow, headerRows[1]), c) };
    if (year && rowsAreEntities) entry.period = String(year.year);
    colEntries.push(entry);
  }
  // The period: each column's own year, else the sheet name's or a title line's.
  const period = sheetPeriod ?? (rowsAreEntities && colEntries.length > 0 && colEntries.every((e) => e.period !== undefined) ? { period: colEntries[0].period as string, partial: false, from: message('layout.from.column-headers') } : undefined);
  if (!period || colEntries.length === 0) return undefined;
  let groupAbove = '';
  const rowEntries: AxisEntry[] = dataRows.map((r) => {
    const first = text(values[r]?.[labelCol]);
    const second = subCol >= 0 ? text(values[r]?.[subCol]) : '';
    // With a second label column, the first names the group and is carried down its rows.
    if (subCol >= 0 && first) groupAbove = second ? first : '';
    const raw = subCol >= 0 && second ? second : labelOf(r);
    const path = subCol >= 0 && second && groupAbove ? [groupAbove] : [];
    const { label, unit } = colsAreEntities ? unitInHeader(raw) : { label: raw, unit: undefined };
    const u = unitCol >= 0 ? text(values[r]?.[unitCol]) || undefined : undefined;
    return { index: r, label, rawLabel: raw.replace(/^[\s\u3000]+/, ''), path, unit: u ?? unit, total: false, address: addr(r, subCol >= 0 && second ? subCol : labelCol) };
  });

  let entities: AxisEntry[];
  let indicators: AxisEntry[];
  if (rowsAreEntities) {
    entities = rowEntries;
    indicators = colEntries;
    groupColumns(indicators);
    qizhongRuns(indicators, (ind, e) => numberAt(values, e, ind), dataRows);
  } else {
    entities = colEntries;
    indicators = rowEntries;
    if (subCol >= 0) groupColumns(indicators);
    else {
      hierarchyOfRows(grid, indicators, labelCol, codeCol, dataCols);
      // A 其中 row followed by plain rows: the run of parts as far as the arithmetic says.
      const lone = indicators.map((ind, q) => (ind.parent === q - 1 && /^\s*其中/.test(ind.rawLabel ?? '') && !indicators.some((x, k) => k > q && x.parent === q - 1) ? q : -1)).filter((q) => q >= 0);
      for (const q of lone) indicators[q].parent = undefined;
      qizhongRuns(indicators, (ind, e) => numberAt(values, ind, e), dataCols);
      for (const q of lone) if (indicators[q].parent === undefined) indicators[q].parent = q - 1;
    }
  }
  for (const e of entities) e.total = isEntityTotalLabel(e.label);
  if (fixes.length > 0) correct(fixes, indicators, entities);
  entityTotals(entities);
  // A part without a unit of its own counts in its total's unit; the title's units come last.
  for (const ind of indicators) if (ind.unit === undefined && ind.parent === undefined) ind.unit = titleUnitFor(ind.label, titleUnits);
  for (const ind of indicators) if (ind.unit === undefined && ind.parent !== undefined) ind.unit = indicators[ind.parent].unit ?? titleUnitFor(ind.label, titleUnits);
  return {
    orientation: rowsAreEntities ? 'entities-rows' : 'entities-columns',
    period: period.period,
    periodFrom: period.from,
    partial: period.partial,
    headerRows,
    labelCol,
    entities,
    indicators,
    ignoredRows,
    ignoredCols,
    origin: { row: grid.originRow, col: grid.originCol },
  };
}

/**
 * The user's corrections (结构 sheet): groups and non-totals among the indicators, by name or by
 * the cell of the header; an entity total (全市合计) marked 非合计 is no longer summed.
 */
function correct(fixes: StructureFix[], indicators: AxisEntry[], entities: AxisEntry[]): void {
  const parents = Int32Array.from(indicators, (x) => (x.parent === undefined ? -1 : x.parent));
  if (applyFixes(fixes, parents, (i) => indicatorKey(indicators[i].label), (i) => indicators[i].address)) {
    indicators.forEach((x, i) => {
      x.parent = parents[i] >= 0 ? parents[i] : undefined;
      x.total = indicators.some((y) => y.parent === i);
    });
  }
  for (const f of fixes) {
    if (f.action !== 'not-total') continue;
    for (const e of entities) {
      if (e.total && (indicatorKey(e.label) === indicatorKey(f.total) || e.address === f.total.toUpperCase())) {
        e.total = false;
        f.used = true;
      }
    }
  }
}

/** Units listed in a title line (单位：件、万元、%), in order. */
function unitsFromTitle(values: CellValue[][], before: number): string[] {
  for (let r = 0; r < before; r++) {
    for (const v of values[r] ?? []) {
      const m = UNITS_LINE.exec(text(v).normalize('NFKC'));
      if (m) return m[1].split(/[、,，;；/\s]+/).map((u) => u.trim()).filter((u) => u && (isUnitText(u) || /^[%‰]$/.test(u)));
      const inner = /[(（]\s*单位\s*[:：]\s*([^)）]+)[)）]/.exec(text(v).normalize('NFKC'));
      if (inner) return inner[1].split(/[、,，;；/\s]+/).map((u) => u.trim()).filter((u) => u && (isUnitText(u) || /^[%‰]$/.test(u)));
    }
  }
  return [];
}

/** The unit of an indicator from the title's list: % for rates, money units for money, else the first count unit. */
function titleUnitFor(label: string, units: string[]): string | undefined {
  if (units.length === 0) return undefined;
  if (units.length === 1) return /率|占比|比例|比重/.test(label) && !/^[%‰]$/.test(units[0]) ? undefined : units[0];
  if (/率|占比|比例|比重/.test(label)) return units.find((u) => /^[%‰]$/.test(u));
  if (/款|金额|费|资金|元/.test(label)) return units.find((u) => unitScale(u).base === '元');
  return units.find((u) => !/^[%‰]$/.test(u) && unitScale(u).base !== '元');
}

/** A row of unit texts just under the header (件 | 件 | 万元 | %), or −1. */
function findUnitRow(values: CellValue[][], headerRows: [number, number], labelCol: number, width: number): number {
  const r = headerRows[1];
  if (r <= headerRows[0]) return -1;
  const row = values[r] ?? [];
  let units = 0;
  let texts = 0;
  for (let c = labelCol + 1; c < width; c++) {
    const s = text(row[c]);
    if (!s) continue;
    texts++;
    if (isUnitText(s) || /^[%％‰]$/.test(s)) units++;
  }
  return texts > 0 && units * 2 > texts ? r : -1;
}

/**
 * Column groups of indicators: in a merged group, the sub-column named 合计/小计/总数/计 is the
 * total and the others are its parts; a group named 其中 has the column before it as its total.
 * The total takes the group's name.
 */
function groupColumns(cols: AxisEntry[]): void {
  let i = 0;
  while (i < cols.length) {
    const group = cols[i].path.join('\u0000');
    let j = i + 1;
    while (j < cols.length && group !== '' && cols[j].path.join('\u0000') === group && cols[j].period === cols[i].period) j++;
    if (group !== '' && j - i >= 2) {
      const members = cols.slice(i, j);
      const groupName = cols[i].path[cols[i].path.length - 1];
      const totalAt = members.findIndex((m) => isTotalLabel(m.label));
      if (totalAt >= 0) {
        const total = i + totalAt;
        cols[total].total = true;
        cols[total].label = groupName;
        for (let k = i; k < j; k++) if (k !== total) cols[k].parent = total;
      } else if (/^其中/.test(normalizeName(groupName) === '' ? groupName : groupName.normalize('NFKC')) && i > 0) {
        for (let k = i; k < j; k++) cols[k].parent = i - 1;
      }
    }
    i = j;
  }
  for (const c of cols) c.label = stripQizhong(c.label);
}

function numberAt(values: CellValue[][], r: number, c: number): number | undefined {
  const v = values[r]?.[c];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const p = parseCell(v);
    if (p.kind === 'number') return p.value;
  }
  return undefined;
}

/**
 * Single header cells marked 其中 (规范性文件清理 | 其中：继续有效 | 失效 | 执法人员): the column before
 * the 其中 column is the total, and the parts run on to the right as far as the arithmetic says —
 * the shortest run whose sum equals the total in most rows (the rows that disagree are errors to
 * report, not evidence against the run). Without such a run the columns stay ungrouped.
 */
function qizhongRuns(cols: AxisEntry[], valueAt: (col: number, row: number) => number | undefined, rows: number[]): void {
  for (let q = 1; q < cols.length; q++) {
    const head = cols[q];
    if (head.parent !== undefined || head.path.length > 0 || !/^\s*其中/.test(head.rawLabel ?? '')) continue;
    const t = q - 1;
    if (cols[t].parent !== undefined) continue;
    let best = -1;
    for (let j = q + 1; j < cols.length && best < 0; j++) {
      if (cols[j].parent !== undefined || cols[j].path.length > 0 || /^\s*其中/.test(cols[j].rawLabel ?? '')) break;
      let agree = 0;
      let counted = 0;
      for (const r of rows) {
        const total = valueAt(cols[t].index, r);
        if (total === undefined) continue;
        let sum = 0;
        let complete = true;
        for (let k = q; k <= j; k++) {
          const v = valueAt(cols[k].index, r);
          if (v === undefined) complete = false;
          else sum += v;
        }
        if (!complete) continue;
        counted++;
        if (Math.abs(sum - total) <= 1e-9 * Math.max(1, Math.abs(total))) agree++;
      }
      // Agreement in most rows, and more than one row: never a total from a single coincidence.
      if (counted >= 2 && agree * 5 >= counted * 3) best = j;
    }
    if (best < 0) continue;
    for (let k = q; k <= best; k++) cols[k].parent = t;
  }
}

function stripQizhong(label: string): string {
  return label.replace(/^\s*其中\s*[:：,，、]?\s*/, '');
}

/** Indicators down the rows: 其中, indents, outline codes and closing 合计 rows, as in a wide sheet. */
function hierarchyOfRows(grid: SheetGrid, rows: AxisEntry[], labelCol: number, codeCol: number, dataCols: number[]): void {
  const items: HierarchyItem[] = rows.map((e, i) => {
    // Untrimmed: leading full-width spaces are the indentation.
    const cell = grid.values[e.index]?.[labelCol];
    const raw = typeof cell === 'string' ? cell : text(cell);
    const m = breakdownMarker(raw);
    const codeCell = codeCol >= 0 ? grid.values[e.index]?.[codeCol] : undefined;
    const code = (codeCell !== undefined ? parseOutlineCode(codeCell) ?? outlineToken(codeCell) : undefined) ?? m.code;
    const heading = dataCols.every((c) => isBlank(grid.values[e.index]?.[c]));
    const item: HierarchyItem = {
      indent: m.leadingSpaces + (grid.indents?.[e.index]?.[labelCol] ?? 0) * 2,
      qizhong: m.isBreakdown && /^\s*其中/.test(raw.replace(/^[\s\u3000]+/, '').replace(/^[(（]?[0-9一二三四五六七八九十]+[)）.、]?\s*/, '')),
      heading,
      gap: i > 0 && e.index - rows[i - 1].index > 1,
      closing: isTotalLabel(raw),
    };
    if (code) item.code = code;
    return item;
  });
  const parents = buildHierarchy(items);
  rows.forEach((e, i) => {
    if (parents[i] !== undefined) e.parent = parents[i];
    e.label = stripQizhong(normalizeLabel(e.label));
  });
}

/** A label without its leading outline code and spaces (the code is structure, not the name). */
function normalizeLabel(label: string): string {
  return label
    .replace(/^[\s\u3000]+/, '')
    .replace(/^(?:\d+(?:\.\d+)*\s*[.、]?|[(（]\s*[0-9一二三四五六七八九十]+\s*[)）]|[一二三四五六七八九十]+\s*[、.]|[\u2460-\u2473])\s*/, '')
    .trim();
}

/**
 * Totals over entities: a grand total (全市合计, 总计, or the only total) sums every entity that is
 * not a total; another 小计/合计 sums the entities between it and the previous total.
 */
function entityTotals(entities: AxisEntry[]): void {
  const totals = entities.map((e, i) => (e.total ? i : -1)).filter((i) => i >= 0);
  for (const t of totals) {
    const grand = totals.length === 1 || /^全|总计/.test(normalizeName(entities[t].label));
    if (grand) continue;
    // A subtotal: the entities after the previous total up to it.
    const prev = totals.filter((x) => x < t).pop() ?? -1;
    for (let k = prev + 1; k < t; k++) if (!entities[k].total) entities[k].parent = t;
  }
}

/** The groups of entity totals: total entry → its part entries (indices into entities). */
export function entityGroups(s: CrossTabStructure): Array<{ total: number; parts: number[] }> {
  const out: Array<{ total: number; parts: number[] }> = [];
  s.entities.forEach((e, t) => {
    if (!e.total) return;
    const sub = s.entities.map((x, k) => (x.parent === t ? k : -1)).filter((k) => k >= 0);
    const parts = sub.length > 0 ? sub : s.entities.map((x, k) => (!x.total && x.parent === undefined ? k : -1)).filter((k) => k >= 0);
    if (parts.length >= 2) out.push({ total: t, parts });
  });
  return out;
}
