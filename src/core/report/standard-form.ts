// The standard indicator form (标准指标表) users can start from: a blank sheet 指标表 in the wide
// layout the reader understands, with the common indicators of the domain, and a 校验规则 sheet
// with example rules. Host-neutral: the ExcelJS writer (hosts/xlsx/write-standard-form.ts, used by
// `npm run template` and the browser preview) and the Office.js writer
// (hosts/excel/standard-form-writer.ts) both put every part where this module says.
//
//   A            B                         C      D…        last
//   title (merged across, bold)                                              row 0
//   填报单位：…                                                               row 1
//   说明：units and how to fill in                                            row 2
//   序号 | 指标名称                   | 单位 | 2022年 … | 备注   ← header, frozen with the rows above
//   1    | 重大执法决定               | 件   |  (blank) |        ← one row per indicator
//   7    | 行政处罚案件               | 件   |          |
//   7.1  | 其中：警告                 | 件   |          |        ← parts: outline code, 其中 on the
//   7.2  | 　　　罚款等               | 件   |          |          first, full-width spaces on the
//   …                                                              others, Excel indent 1
//   (blank row)
//   注：…                                                           ← the reader stops at 注：
//
// The summary tables' TableSpec (table-spec.ts) is not reused: a TableSpec is a finished table of
// values written as an Excel table object, while this form is an input sheet whose value cells
// are blank, typed by row (count, money, rate) and guarded by data validation. The shared
// geometry type (Box) and the width measure (displayWidth) are reused.
//
// Indicator names are the built-in rule pack's (core/rules/pack.json), so its rules apply to a
// filled form: 法制审核率 = 经法制审核的重大执法决定 ÷ 重大执法决定, 投诉处理完结率 and 出庭应诉率
// likewise, 依法公开执法处罚信息 = 行政处罚案件, parts ≤ totals, mandated 100 % rates. The form is in
// Chinese whatever the UI language: the reader and the pack match Chinese names and headers.
//
// Pure TypeScript: no Office, DOM or Node APIs.
import { BilingualError } from '../errors';
import { message } from '../i18n';
import type { Bilingual } from '../types';
import type { Box } from './placement';
import { displayWidth } from './table-spec';
import { RULES_SHEET } from '../sheet-names';

/** How a row's numbers are typed, formatted and validated. */
export type FormValueKind = 'count' | 'money' | 'rate';

export const STANDARD_FORM_SHEET = '指标表';
/** The sheet of user rules (core/rules RULES_SHEET_NAME; not imported, to keep the rule parser out of this module). */
export const STANDARD_RULES_SHEET = RULES_SHEET;

interface IndicatorDef {
  name: string;
  unit: string;
  kind: FormValueKind;
  remark?: string;
  /** A complete breakdown: the parts add up to the total (a template's breakdowns are complete). */
  parts?: string[];
}

/**
 * The indicators of the form, in order. Names as the rule pack writes them; units as the seeds
 * report them. Money is in 万元 (the reader converts it to 元).
 */
const INDICATORS: IndicatorDef[] = [
  { name: '重大执法决定', unit: '件', kind: 'count', remark: '作出的重大行政执法决定' },
  { name: '经法制审核的重大执法决定', unit: '件', kind: 'count', remark: '不多于重大执法决定' },
  { name: '法制审核率', unit: '%', kind: 'rate', remark: '等于经法制审核的重大执法决定 ÷ 重大执法决定，应为 100%' },
  { name: '持证执法人员', unit: '人', kind: 'count' },
  { name: '监督检查医疗机构', unit: '家次', kind: 'count' },
  { name: '处罚医疗机构', unit: '家', kind: 'count', remark: '不多于监督检查医疗机构' },
  { name: '行政处罚案件', unit: '件', kind: 'count', remark: '按处罚种类分项，同一案件只计入一类', parts: ['警告', '罚款等', '停产停业'] },
  { name: '医疗服务类案件', unit: '件', kind: 'count', remark: '不多于行政处罚案件' },
  { name: '打击非法行医案件', unit: '件', kind: 'count', remark: '不多于行政处罚案件' },
  { name: '依法公开执法处罚信息', unit: '条', kind: 'count', remark: '应等于行政处罚案件' },
  { name: '罚没款', unit: '万元', kind: 'money', remark: '罚款和没收违法所得合计' },
  {
    name: '国家双随机监督抽检任务',
    unit: '家',
    kind: 'count',
    parts: ['公共场所卫生', '生活饮用水卫生', '学校卫生', '医疗卫生', '放射卫生', '传染病防治', '消毒产品', '职业卫生'],
  },
  { name: '投诉受理件数', unit: '件', kind: 'count' },
  { name: '投诉办结件数', unit: '件', kind: 'count', remark: '不多于投诉受理件数' },
  { name: '投诉处理完结率', unit: '%', kind: 'rate', remark: '等于投诉办结件数 ÷ 投诉受理件数，应为 100%' },
  { name: '行政诉讼案件', unit: '件', kind: 'count' },
  { name: '负责人出庭应诉案件', unit: '件', kind: 'count' },
  { name: '出庭应诉率', unit: '%', kind: 'rate', remark: '等于负责人出庭应诉案件 ÷ 行政诉讼案件，应为 100%' },
  { name: '规范性文件清理', unit: '件', kind: 'count', parts: ['继续有效', '废止', '失效'] },
  { name: '政务服务办件量', unit: '件', kind: 'count', parts: ['自然人办件', '法人办件'] },
];

/** The 其中 prefix of the first part, and the full-width spaces that align the other parts under it. */
const QIZHONG = '其中：';
const PART_PAD = '\u3000'.repeat(QIZHONG.length);

export interface StandardFormRow {
  /** Outline code in the 序号 column: `7`, `7.1`. */
  code: string;
  /** The indicator's name as the rule pack knows it (警告, not 其中：警告). */
  name: string;
  /** The 指标名称 cell as written: `其中：警告` on the first part, `　　　罚款等` on the others. */
  label: string;
  unit: string;
  kind: FormValueKind;
  /** 0 for an indicator, 1 for a part of the row `parent`. */
  level: 0 | 1;
  /** Index (in `rows`) of the total of a part. */
  parent?: number;
  remark: string;
}

export interface FormValidation {
  /** Excel's validation types: whole numbers or decimals. */
  type: 'whole' | 'decimal';
  min: number;
  /** Upper bound (rates); none for counts and money. */
  max?: number;
  /** The error alert's title (Excel allows at most 32 characters) and message (at most 255). */
  errorTitle: string;
  error: string;
}

/** Where the parts of the form are on the sheet; 0-based rows and columns. */
export interface StandardFormLayout {
  /** Columns used: 序号, 指标名称, 单位, one per year, 备注. */
  width: number;
  titleRow: number;
  bureauRow: number;
  unitsRow: number;
  headerRow: number;
  /** First and last indicator row. */
  firstRow: number;
  lastRow: number;
  /** The note lines under the table (注：…), after one blank row. */
  noteRows: number[];
  /** The last row written. */
  lastUsedRow: number;
  codeCol: number;
  nameCol: number;
  unitCol: number;
  yearCols: number[];
  remarkCol: number;
  /** Rows frozen at the top: the title lines and the header. */
  freezeRows: number;
  /** The title, merged across the form. */
  title: Box;
  /** The header and the indicator rows: bordered. */
  table: Box;
}

export interface StandardFormSpec {
  sheetName: string;
  /** Years of the value columns, ascending: `2022`, `2023`, `2024`. */
  years: string[];
  /** 填报单位, '' when not given. */
  bureau: string;
  title: string;
  bureauLine: string;
  unitsLine: string;
  header: string[];
  rows: StandardFormRow[];
  notes: string[];
  /** Column widths in characters (a CJK character counts 2). */
  widths: number[];
  layout: StandardFormLayout;
  /** Excel number formats of the value cells by kind: rates as percentages of fractions (1 = 100%). */
  numberFormats: Record<FormValueKind, string>;
  validations: Record<FormValueKind, FormValidation>;
  /** The 校验规则 sheet: header and example rules in the documented format. */
  rulesSheet: { name: string; rows: Array<Array<string | null>> };
}

/** What a host reports after inserting the form. */
export interface StandardFormResult {
  /** The sheet the form went to: 指标表, or 指标表(2)… when that name was taken. */
  sheet: string;
  /** The 校验规则 sheet added with the examples; null when the workbook had one already (left as it was). */
  rulesSheet: string | null;
  /** Whether the value cells got data validation (Excel before ExcelApi 1.8 has none). */
  validation: boolean;
}

/** A form option a user can fix (a year that is not a year…), in both languages. */
export class StandardFormError extends BilingualError {
  constructor(bilingual: Bilingual) {
    super(bilingual);
    this.name = 'StandardFormError';
  }
}

export const FORM_NUMBER_FORMATS: Record<FormValueKind, string> = {
  count: '#,##0',
  // 94.23 万元 and 72.8588 万元 (= 728,588 元) both show as written.
  money: '#,##0.00##',
  // Rates are fractions shown as percentages: Excel turns 100 typed into such a cell into 100 %.
  rate: '0.00%',
};

export const FORM_VALIDATIONS: Record<FormValueKind, FormValidation> = {
  count: {
    type: 'whole',
    min: 0,
    errorTitle: '请填写整数',
    error: '此处填写件数、家数、人数等计数，应为不小于 0 的整数。没有发生的填 0；不掌握的留空，并在“备注”中说明。',
  },
  money: {
    type: 'decimal',
    min: 0,
    errorTitle: '请填写金额',
    error: '此处填写金额，单位为万元，应为不小于 0 的数字（如 94.23）。不要填写“万元”等文字。',
  },
  rate: {
    type: 'decimal',
    min: 0,
    max: 1,
    errorTitle: '请填写百分数',
    error: '此处填写比率，应在 0% 到 100% 之间，按百分数填写（如 100% 或 98.5%）。法制审核率、投诉处理完结率、出庭应诉率应为 100%。',
  },
};

const RULES_HEADER = ['编号', '名称', '表达式', '级别', '容差', '启用', '说明'];

/**
 * Example user rules for the 校验规则 sheet. They add checks the built-in pack does not make
 * (numerators never above their denominators) and show a disabled cross-year rule.
 */
const EXAMPLE_RULES: Array<Array<string | null>> = [
  ['U1', '经法制审核的重大执法决定不多于重大执法决定', '[经法制审核的重大执法决定] <= [重大执法决定]', '错误', null, '是', '示例：表内审核，分子不能大于分母'],
  ['U2', '投诉办结件数不多于投诉受理件数', '[投诉办结件数] <= [投诉受理件数]', '错误', null, '是', '示例：表内审核'],
  ['U3', '罚没款较上年增幅不超过一倍', '[罚没款] <= 2 * prev([罚没款])', '警告', null, '否', '示例：历史审核，已停用；把“启用”改为“是”即生效'],
];

const MAX_YEARS = 10;

/**
 * Years from a user's list (`2022,2023`, `2022年`, `2022年度`; separated by commas, 、 or spaces):
 * distinct, ascending, 1949–2100, at most 10. A StandardFormError says what is wrong.
 */
export function parseFormYears(input: string | Array<string | number>): string[] {
  const items = (Array.isArray(input) ? input.map(String) : input.split(/[,，、;；\s]+/)).map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new StandardFormError(message('report.form.no-years'));
  const years = new Set<number>();
  for (const item of items) {
    const m = /^(\d{4})\s*(?:年度?)?$/.exec(item.normalize('NFKC'));
    const y = m ? Number(m[1]) : NaN;
    if (!(y >= 1949 && y <= 2100)) {
      throw new StandardFormError(message('report.form.bad-year', { item }));
    }
    years.add(y);
  }
  if (years.size > MAX_YEARS) {
    throw new StandardFormError(message('report.form.too-many-years', { count: years.size, max: MAX_YEARS }));
  }
  return [...years].sort((a, b) => a - b).map(String);
}

/** The three years before the clock's year: a form filled in early 2025 covers 2022–2024. */
export function defaultFormYears(now: Date): string[] {
  const y = now.getFullYear();
  return [y - 3, y - 2, y - 1].map(String);
}

/** The rows of the form: indicators numbered 1, 2, …; parts numbered 7.1, 7.2, … under their total. */
function formRows(): StandardFormRow[] {
  const rows: StandardFormRow[] = [];
  INDICATORS.forEach((ind, i) => {
    const code = String(i + 1);
    const total = rows.length;
    rows.push({ code, name: ind.name, label: ind.name, unit: ind.unit, kind: ind.kind, level: 0, remark: ind.remark ?? '' });
    (ind.parts ?? []).forEach((part, j) => {
      rows.push({
        code: `${code}.${j + 1}`,
        name: part,
        label: j === 0 ? `${QIZHONG}${part}` : `${PART_PAD}${part}`,
        unit: ind.unit,
        kind: ind.kind,
        level: 1,
        parent: total,
        remark: '',
      });
    });
  });
  return rows;
}

export interface StandardFormOptions {
  /** Years of the value columns (see parseFormYears); required: the caller owns the clock (defaultFormYears). */
  years: string | Array<string | number>;
  /** 填报单位, e.g. 某某区卫生健康局; goes into the title and the 填报单位 line. */
  bureau?: string;
}

/** The form for these years and bureau. Throws StandardFormError on years that cannot be used. */
export function standardForm(options: StandardFormOptions): StandardFormSpec {
  const years = parseFormYears(options.years);
  // A bureau name on one line, without characters Excel would read as a formula at the start.
  const bureau = (options.bureau ?? '').replace(/\s+/g, ' ').trim().replace(/^[=+\-@]+/, '').slice(0, 60);
  const span = years.length === 1 ? years[0] : `${years[0]}—${years[years.length - 1]}`;
  const title = `${bureau}${span}年度法治政府建设指标表`;
  const rows = formRows();
  const header = ['序号', '指标名称', '单位', ...years.map((y) => `${y}年`), '备注'];
  const notes = [
    '注：1. 序号带小数点的行（如 7.1）是上一级指标的分项，各分项之和应等于合计；同一案件按主要处罚种类只计入一类。',
    '2. 比率按百分数填写（如 100%），并应等于对应的分子 ÷ 分母；法制审核率、投诉处理完结率、出庭应诉率应为 100%。',
    '3. 没有发生的填 0，不掌握的留空并在“备注”中说明。填好后可用“指标校验”加载项一键校验。',
  ];

  const width = header.length;
  const headerRow = 3;
  const firstRow = headerRow + 1;
  const lastRow = firstRow + rows.length - 1;
  const noteRows = notes.map((_, i) => lastRow + 2 + i);
  const yearCols = years.map((_, i) => 3 + i);
  const layout: StandardFormLayout = {
    width,
    titleRow: 0,
    bureauRow: 1,
    unitsRow: 2,
    headerRow,
    firstRow,
    lastRow,
    noteRows,
    lastUsedRow: noteRows[noteRows.length - 1],
    codeCol: 0,
    nameCol: 1,
    unitCol: 2,
    yearCols,
    remarkCol: width - 1,
    freezeRows: headerRow + 1,
    title: { top: 0, left: 0, bottom: 0, right: width - 1 },
    table: { top: headerRow, left: 0, bottom: lastRow, right: width - 1 },
  };

  const nameWidth = Math.max(displayWidth(header[1]), ...rows.map((r) => displayWidth(r.label))) + 4;
  const remarkWidth = Math.min(40, Math.max(displayWidth('备注'), ...rows.map((r) => displayWidth(r.remark))) + 2);
  const widths = [6, nameWidth, 8, ...years.map(() => 12), remarkWidth];

  return {
    sheetName: STANDARD_FORM_SHEET,
    years,
    bureau,
    title,
    bureauLine: `填报单位：${bureau}`,
    unitsLine: '说明：计量单位见“单位”列，金额以万元计，比率按百分数填写（如 100%）；带“其中”的分项之和应等于合计。',
    header,
    rows,
    notes,
    widths,
    layout,
    numberFormats: { ...FORM_NUMBER_FORMATS },
    validations: { count: { ...FORM_VALIDATIONS.count }, money: { ...FORM_VALIDATIONS.money }, rate: { ...FORM_VALIDATIONS.rate } },
    rulesSheet: { name: STANDARD_RULES_SHEET, rows: [RULES_HEADER, ...EXAMPLE_RULES.map((r) => [...r])] },
  };
}

/**
 * The value of a 序号 cell: a number where Excel keeps it as written (1, 7.1 — no "number stored
 * as text" flag), text otherwise (7.10 would read back as 7.1). The reader takes either.
 */
export function codeCellValue(code: string): number | string {
  const n = Number(code);
  return Number.isFinite(n) && String(n) === code ? n : code;
}

/** Every cell of the form from A1 to the last note, row by row (null: left empty). */
export function formCells(spec: StandardFormSpec): Array<Array<string | number | null>> {
  const L = spec.layout;
  const out: Array<Array<string | number | null>> = Array.from({ length: L.lastUsedRow + 1 }, () => new Array<string | number | null>(L.width).fill(null));
  out[L.titleRow][0] = spec.title;
  out[L.bureauRow][0] = spec.bureauLine;
  out[L.unitsRow][0] = spec.unitsLine;
  spec.header.forEach((h, j) => (out[L.headerRow][j] = h));
  spec.rows.forEach((r, i) => {
    const row = out[L.firstRow + i];
    row[L.codeCol] = codeCellValue(r.code);
    row[L.nameCol] = r.label;
    row[L.unitCol] = r.unit;
    if (r.remark) row[L.remarkCol] = r.remark;
  });
  // Notes go in the name column: there the reader takes 注： as the end of the table.
  spec.notes.forEach((n, i) => (out[L.noteRows[i]][L.nameCol] = n));
  return out;
}

/**
 * Number formats of the same shape as formCells: the value cells by their row's kind; text (@)
 * for the three title lines, the header and the 备注 cells, so that neither a bureau name, a year
 * heading nor a remark a user types (`=…`, `1-10月`) is taken for a formula, a number or a date;
 * General elsewhere.
 */
export function formNumberFormats(spec: StandardFormSpec): string[][] {
  const L = spec.layout;
  const out = Array.from({ length: L.lastUsedRow + 1 }, () => new Array<string>(L.width).fill('General'));
  for (const r of [L.titleRow, L.bureauRow, L.unitsRow]) out[r][0] = '@';
  out[L.headerRow].fill('@');
  spec.rows.forEach((row, i) => {
    for (const c of L.yearCols) out[L.firstRow + i][c] = spec.numberFormats[row.kind];
    out[L.firstRow + i][L.remarkCol] = '@';
  });
  return out;
}

/** The value cells as rectangles of consecutive rows of one kind (one validation rule each). */
export function valueRuns(spec: StandardFormSpec): Array<{ kind: FormValueKind; box: Box }> {
  const L = spec.layout;
  const runs: Array<{ kind: FormValueKind; box: Box }> = [];
  if (L.yearCols.length === 0) return runs;
  const left = L.yearCols[0];
  const right = L.yearCols[L.yearCols.length - 1];
  spec.rows.forEach((row, i) => {
    const r = L.firstRow + i;
    const last = runs[runs.length - 1];
    if (last && last.kind === row.kind && last.box.bottom === r - 1) last.box.bottom = r;
    else runs.push({ kind: row.kind, box: { top: r, left, bottom: r, right } });
  });
  return runs;
}

/** The 指标名称 cells of the parts, as runs of consecutive rows (indented one level). */
export function partRuns(spec: StandardFormSpec): Box[] {
  const L = spec.layout;
  const runs: Box[] = [];
  spec.rows.forEach((row, i) => {
    if (row.level !== 1) return;
    const r = L.firstRow + i;
    const last = runs[runs.length - 1];
    if (last && last.bottom === r - 1) last.bottom = r;
    else runs.push({ top: r, left: L.nameCol, bottom: r, right: L.nameCol });
  });
  return runs;
}

/** A short account of the form for messages: indicator and part counts, years. */
export function describeForm(spec: StandardFormSpec): Bilingual {
  const indicators = spec.rows.filter((r) => r.level === 0).length;
  const parts = spec.rows.length - indicators;
  const span = spec.years.length === 1 ? spec.years[0] : `${spec.years[0]}—${spec.years[spec.years.length - 1]}`;
  return message('report.form.describe', { indicators, parts, span, years: spec.years.length });
}
