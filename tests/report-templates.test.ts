// Summary-table templates (core/report) on the bundled samples, with the expected figures worked
// out by hand from the sample workbooks (scripts/make-samples.ts).
import * as fs from 'fs';
import * as path from 'path';
import {
  buildSummary,
  cellText,
  largestRemainder,
  ReportError,
  summaryChoices,
  summaryInput,
  isSummarySheetName,
  type SummaryInput,
  type TableSpec,
  type TemplateOptions,
  type TemplateId,
} from '../src/core/report';
import { readXlsx } from '../src/hosts/xlsx/read-xlsx';
import type { CellValue, WorkbookSnapshot } from '../src/core/types';

const SAMPLES = path.join(__dirname, '..', 'samples');
const WIDE = '示例-乐山市市中区-法治指标.xlsx';
const PER_YEAR = '示例-嘉兴市-分年度.xlsx';
const LONG = '示例-各地区-长表.xlsx';
const NOW = new Date(2026, 0, 2, 10, 30); // local time: the source line shows 2026-01-02 10:30

const inputs = new Map<string, SummaryInput>();
async function input(file: string): Promise<SummaryInput> {
  let i = inputs.get(file);
  if (!i) {
    i = summaryInput(await readXlsx(fs.readFileSync(path.join(SAMPLES, file)), file));
    inputs.set(file, i);
  }
  return i;
}

function build(template: TemplateId, i: SummaryInput, options: Partial<TemplateOptions> = {}): TableSpec {
  return buildSummary(template, i, { now: NOW, ...options });
}

const columns = (spec: TableSpec) => spec.header[spec.header.length - 1] as string[];
/** The displayed texts of a body row, by column name. */
function row(spec: TableSpec, label: string): Record<string, string> {
  const r = spec.body.find((cells) => cells[0].value === label);
  if (!r) throw new Error(`no row ${label} in ${spec.body.map((c) => c[0].value).join(', ')}`);
  return Object.fromEntries(columns(spec).map((name, j) => [name, cellText(r[j])]));
}
function cells(spec: TableSpec, label: string) {
  const r = spec.body.find((c) => c[0].value === label);
  if (!r) throw new Error(`no row ${label}`);
  return Object.fromEntries(columns(spec).map((name, j) => [name, r[j]]));
}

function expectReportError(f: () => unknown, code: string, zh: string, en: string): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ReportError);
    const r = e as ReportError;
    expect(r.code).toBe(code);
    expect(r.bilingual['zh-CN']).toContain(zh);
    expect(r.bilingual['en-US']).toContain(en);
    return;
  }
  throw new Error('expected a ReportError');
}

/** A one-sheet wide workbook from rows of [name, unit, ...values by year]. */
function wide(years: number[], rows: Array<[string, string, ...CellValue[]]>, title = '测试县卫生健康局指标表'): WorkbookSnapshot {
  return {
    name: 'test.xlsx',
    sheets: [{ name: '指标', originRow: 0, originCol: 0, values: [[title], ['指标', '单位', ...years.map((y) => `${y}年`)], ...rows] }],
  };
}

describe('年度指标对比表 (compare)', () => {
  it('lists the top-level indicators of the first sheet by year with 增减量, 增减率 and 状态', async () => {
    const spec = build('compare', await input(WIDE));
    expect(spec.template).toBe('compare');
    expect(columns(spec)).toEqual(['指标', '单位', '2021年', '2022年', '增减量', '增减率', '状态']);
    expect(spec.title).toBe('乐山市市中区年度指标对比表（2021—2022年）');
    expect(spec.subtitle).toContain('2022年比2021年');
    // Top-level rows only: no breakdown rows of 国家双随机监督抽检任务.
    expect(spec.body.map((r) => r[0].value)).not.toContain('公共场所卫生');
    expect(spec.body.length).toBe(19);

    // 依法公开执法处罚信息 98 → 106: +8, 8 / 98 = 8.16 % → +8.2 %.
    const items = cells(spec, '依法公开执法处罚信息');
    expect(items['2021年']).toMatchObject({ value: 98, format: 'integer' });
    expect(items['2022年']).toMatchObject({ value: 106, format: 'integer' });
    expect(items['增减量']).toMatchObject({ value: 106 - 98, format: 'integer', signed: true });
    expect(items['增减率'].value).toBeCloseTo((106 - 98) / 98, 12);
    expect(row(spec, '依法公开执法处罚信息')).toMatchObject({ 指标: '依法公开执法处罚信息', 单位: '条', '2021年': '98', '2022年': '106', 增减量: '+8', 增减率: '+8.2%' });
    // 全部行政处罚案件 163 → 106: -57, -57 / 163 = -34.97 % → -35.0 %.
    expect(row(spec, '全部行政处罚案件')).toMatchObject({ '2021年': '163', '2022年': '106', 增减量: '-57', 增减率: '-35.0%' });
    // 罚没款 30.63万元 → 728588 元: converted to 元, 306,300 → 728,588 = +422,288, +137.9 %.
    expect(row(spec, '罚没款')).toMatchObject({ 单位: '元', '2021年': '306,300', '2022年': '728,588', 增减量: '+422,288', 增减率: '+137.9%' });
    // 非法行医罚没款 61,200 → 70,876: +9,676, +15.8 %; 打击非法行医案件 4 → 3: -1, -25.0 %.
    expect(row(spec, '非法行医罚没款')).toMatchObject({ 增减量: '+9,676', 增减率: '+15.8%' });
    expect(row(spec, '打击非法行医案件')).toMatchObject({ 增减量: '-1', 增减率: '-25.0%' });
    // An unchanged value: 0 and 0.0 %, not blank.
    expect(row(spec, '重大执法决定法制审核案件')).toMatchObject({ '2021年': '15', '2022年': '15', 增减量: '0', 增减率: '0.0%', 状态: '通过' });
  });

  it('takes its status from the findings of the row (错误 / 警告 / 通过)', async () => {
    const spec = build('compare', await input(WIDE));
    expect(row(spec, '法制审核率').状态).toBe('错误'); // 93.3 % in 2021, mandated 100 %
    expect(row(spec, '国家双随机监督抽检任务').状态).toBe('错误'); // its 2021 parts exceed 190
    expect(row(spec, '投诉处理完结率').状态).toBe('错误'); // #DIV/0!
    expect(row(spec, '重大执法决定法制审核案件').状态).toBe('通过');
    expect(cells(spec, '法制审核率')['状态'].status).toBe('error');
    expect(cells(spec, '法制审核率')['2021年'].status).toBe('error');
    expect(cells(spec, '重大执法决定法制审核案件')['状态'].status).toBe('ok');
    // A warning makes 警告; once every warning of the row is explained it reads 已说明.
    const i = await input(WIDE);
    const cell = { sheet: '法治指标', address: 'E23' }; // 全部行政处罚案件 2022
    const warn = { ruleId: 'history.yoy', severity: 'warning' as const, cells: [cell], message: { 'zh-CN': '', 'en-US': '' } };
    const info = { ...warn, severity: 'info' as const };
    expect(row(build('compare', { ...i, findings: [] }), '全部行政处罚案件').状态).toBe('通过');
    expect(row(build('compare', { ...i, findings: [info] }), '全部行政处罚案件').状态).toBe('通过');
    expect(row(build('compare', { ...i, findings: [warn] }), '全部行政处罚案件').状态).toBe('警告');
    expect(row(build('compare', { ...i, findings: [{ ...warn, explanation: '专项整治' }] }), '全部行政处罚案件').状态).toBe('已说明');
    expect(row(build('compare', { ...i, findings: [warn, { ...warn, severity: 'error' as const }] }), '全部行政处罚案件').状态).toBe('错误');
    // Findings of a year not shown do not count.
    expect(row(build('compare', { ...i, findings: [warn] }, { years: ['2021'] }), '全部行政处罚案件').状态).toBe('通过');
  });

  it('shows missing values as —, never 0, and approximate values as written', async () => {
    const spec = build('compare', await input(WIDE));
    const complaint = cells(spec, '投诉处理完结率');
    expect(complaint['2021年'].value).toBeNull(); // #DIV/0!
    expect(cellText(complaint['2021年'])).toBe('—');
    expect(complaint['增减量'].value).toBeNull();
    const approx = row(spec, '监督检查医疗机构');
    expect(approx['2021年']).toBe('700余');
    expect(approx['增减量']).toBe('—');
    expect(row(spec, '持证执法人员')['2021年']).toBe('见附件');
    expect(spec.notes.join('\n')).toContain('700余');
    // Rates change in percentage points and get no 增减率.
    expect(row(spec, '法制审核率')).toMatchObject({ '2021年': '93.3%', '2022年': '100.0%', 增减量: '+6.7%', 增减率: '—' });
    expect(spec.notes.join('\n')).toContain('百分点');
    for (const r of spec.body) for (const c of r) if (c.value === 0) expect(c.signed).toBe(true); // only real zero changes
  });

  it('chooses indicators by label or normalized key, and years', async () => {
    const i = await input(WIDE);
    const spec = build('compare', i, { indicators: ['全部行政处罚案件', '其中：公共场所卫生', '　罚没款 '], years: ['2022年'] });
    expect(spec.body.map((r) => r[0].value)).toEqual(['全部行政处罚案件', '公共场所卫生', '罚没款']);
    expect(columns(spec)).toEqual(['指标', '单位', '2022年', '状态']);
    expect(row(spec, '公共场所卫生')['2022年']).toBe('108');
    expectReportError(() => build('compare', i, { years: ['2020'] }), 'unknown-year', '年份 2020 不在工作簿中', 'Year 2020 is not in the workbook');
    expectReportError(() => build('compare', i, { indicators: ['不存在的指标'] }), 'unknown-indicator', '找不到指标“不存在的指标”', 'not found');
  });

  it('speaks English with lang en-US and puts the injected time in the source line', async () => {
    const spec = build('compare', await input(WIDE), { lang: 'en-US', indicators: ['重大执法决定法制审核案件', '法制审核率'] });
    expect(columns(spec)).toEqual(['Indicator', 'Unit', '2021', '2022', 'Change', 'Change rate', 'Status']);
    expect(spec.title).toBe('Indicators by year, 乐山市市中区 (2021–2022)');
    expect(row(spec, '重大执法决定法制审核案件').Status).toBe('OK');
    expect(row(spec, '法制审核率').Status).toBe('Error');
    expect(spec.source).toBe('Source sheets: 法治指标 (示例-乐山市市中区-法治指标.xlsx)   Generated: 2026-01-02 10:30');
    const zh = build('compare', await input(WIDE));
    expect(zh.source).toBe('来源工作表：法治指标（示例-乐山市市中区-法治指标.xlsx）　生成时间：2026-01-02 10:30');
    expect(zh.sourceSheets).toEqual(['法治指标']);
  });

  it('reads one-year sheets as one table (per-year layout)', async () => {
    const spec = build('compare', await input(PER_YEAR));
    expect(spec.sourceSheets).toEqual(['2021年', '2022年']);
    // 行政处罚罚款 88.6万元 → 94.23万元: 886,000 → 942,300 元.
    expect(row(spec, '行政处罚罚款')).toMatchObject({ 单位: '元', '2021年': '886,000', '2022年': '942,300', 增减量: '+56,300' });
    expect(row(spec, '单案平均罚没款')).toMatchObject({ '2022年': '9,264.18', 增减量: '+59.20' });
    // 2021年 行政处罚案件 110 ≠ 50 + 58 + 1.
    expect(row(spec, '行政处罚案件').状态).toBe('错误');
  });

  it('gives widths in characters and a chart hint over the year columns', async () => {
    const spec = build('compare', await input(WIDE));
    expect(spec.widths).toHaveLength(7);
    expect(spec.widths[0]).toBeGreaterThanOrEqual('医疗服务类行政处罚决定书'.length * 2);
    expect(spec.chart).toMatchObject({ type: 'column', categoryColumn: 0, seriesColumns: [2, 3] });
  });
});

describe('构成表 (composition)', () => {
  it('gives 国家双随机监督抽检任务 2022 = 209 with shares that add up to exactly 100.0 %', async () => {
    const spec = build('composition', await input(WIDE), { indicators: ['国家双随机监督抽检任务'], years: ['2022'] });
    expect(spec.title).toBe('乐山市市中区国家双随机监督抽检任务构成表（2022年）');
    expect(columns(spec)).toEqual(['项目', '2022年', '占比', '状态']);
    expect(spec.subtitle).toContain('单位：家');
    const parts: Array<[string, number]> = [['公共场所卫生', 108], ['生活饮用水卫生', 12], ['学校卫生', 12], ['医疗卫生', 32], ['放射卫生', 11], ['传染病防治', 28], ['消毒产品', 4], ['职业卫生', 2]];
    expect(parts.reduce((s, [, v]) => s + v, 0)).toBe(209);
    expect(row(spec, '国家双随机监督抽检任务（合计）')).toEqual({ 项目: '国家双随机监督抽检任务（合计）', '2022年': '209', 占比: '100.0%', 状态: '通过' });
    // By hand: 108/209 = 51.67 %, 12/209 = 5.74 %, 32/209 = 15.31 %, 11/209 = 5.26 %, 28/209 = 13.40 %,
    // 4/209 = 1.91 %, 2/209 = 0.96 %.
    const expected = ['51.7%', '5.7%', '5.7%', '15.3%', '5.3%', '13.4%', '1.9%', '1.0%'];
    parts.forEach(([label, v], k) => expect(row(spec, label)).toMatchObject({ '2022年': String(v), 占比: expected[k] }));
    const shown = spec.body.slice(1).map((r) => Math.round((r[2].value as number) * 1000));
    expect(shown.reduce((s, x) => s + x, 0)).toBe(1000);
    expect(spec.body.map((r) => r[0].value)).not.toContain('其他/未列明');
    expect(spec.notes).toEqual([]); // plain rounding already adds up here
    expect(spec.chart).toMatchObject({ type: 'column', seriesColumns: [2], rows: [1, 2, 3, 4, 5, 6, 7, 8] });
  });

  it('uses the largest-remainder method when rounding does not add up, and says so', () => {
    expect(largestRemainder([1, 1, 1], 3)).toEqual({ units: [334, 333, 333], roundedSum: 999 });
    expect(largestRemainder([2, 2, 2], 3 * 2)).toEqual({ units: [334, 333, 333], roundedSum: 999 });
    // 1/6 = 16.67, 1/6, 4/6 = 66.67 → rounded 100.1 %: the largest remainders get the units.
    expect(largestRemainder([1, 1, 4], 6)).toEqual({ units: [167, 167, 666], roundedSum: 1001 });
    const spec = build('composition', summaryInput(wide([2022], [['抽检', '家', 3], ['其中：甲', '家', 1], ['　　　乙', '家', 1], ['　　　丙', '家', 1]])), {});
    expect(spec.body.slice(1).map((r) => cellText(r[2]))).toEqual(['33.4%', '33.3%', '33.3%']);
    expect(spec.notes.join('')).toContain('最大余数法');
    expect(spec.notes.join('')).toContain('99.9%');
  });

  it('adds an 其他/未列明 row when the parts do not reach the total', () => {
    const spec = build('composition', summaryInput(wide([2022], [['处罚案件', '件', 10], ['其中：警告', '件', 5], ['　　　罚款', '件', 3], ['　　　没收', '件', null]])), { indicators: ['处罚案件'] });
    expect(spec.body.map((r) => r[0].value)).toEqual(['处罚案件（合计）', '警告', '罚款', '没收', '其他/未列明']);
    expect(row(spec, '其他/未列明')).toMatchObject({ '2022年': '2', 占比: '20.0%' });
    expect(row(spec, '没收')).toMatchObject({ '2022年': '—', 占比: '—', 状态: '—' }); // missing: never 0, nothing checked
    expect(row(spec, '警告').占比).toBe('50.0%');
    expect(spec.notes.join('\n')).toContain('其他/未列明');
    expect(spec.notes.join('\n')).toContain('没收');
  });

  it('adds no row and marks an error when the parts exceed the total (乐山 2021: 190 < 199)', async () => {
    const spec = build('composition', await input(WIDE), { years: ['2021'] });
    expect(spec.body.map((r) => r[0].value)).not.toContain('其他/未列明');
    const total = cells(spec, '国家双随机监督抽检任务（合计）');
    expect(total['状态']).toMatchObject({ value: '错误', status: 'error' });
    expect(spec.notes.join('')).toContain('199');
    expect(spec.notes.join('')).toContain('190');
    expect(row(spec, '学校卫生')['2021年']).toBe('21');
  });

  it('refuses totals without parts, several indicators and approximate totals', async () => {
    const i = await input(WIDE);
    expectReportError(() => build('composition', i, { indicators: ['罚没款'] }), 'no-parts', '“罚没款”没有分项', 'has no breakdown');
    expectReportError(() => build('composition', i, { years: ['2021', '2022'] }), 'one-year', '构成表只用一个年份', 'takes one year');
    expectReportError(() => build('composition', i, { indicators: ['a', 'b'] }), 'one-indicator', '只用一个指标', 'takes one indicator');
    const approx = summaryInput(wide([2022], [['检查', '家次', '700余'], ['其中：医院', '家次', 300]]));
    expectReportError(() => build('composition', approx), 'total-value', '是约数（700余）', 'approximate');
    const long = await input(LONG);
    expectReportError(() => build('composition', long), 'no-parts', '没有带分项', 'breakdown');
  });

  it('reads the per-year sample: 行政处罚案件 2022 = 57 + 62 + 1', async () => {
    const spec = build('composition', await input(PER_YEAR), { indicators: ['行政处罚案件'] });
    expect(spec.body.map((r) => [r[0].value, cellText(r[1]), cellText(r[2])])).toEqual([
      ['行政处罚案件（合计）', '120', '100.0%'],
      ['警告', '57', '47.5%'],
      ['罚款等', '62', '51.7%'],
      ['停产停业', '1', '0.8%'],
    ]);
  });
});

describe('地区对比表 (districts)', () => {
  it('ranks the regions of the long sample for 2022 with the change against 2021', async () => {
    const spec = build('districts', await input(LONG), { indicators: ['行政处罚案件'], years: ['2022'] });
    expect(spec.title).toBe('行政处罚案件地区对比表（2022年）');
    expect(columns(spec)).toEqual(['地区', '2022年', '排名', '2021年', '增减量', '增减率', '状态']);
    // Largest first, ranks 1..n, the seeds' 2022 figures in place.
    const values = spec.body.map((r) => r[1].value as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(spec.body.map((r) => r[2].value)).toEqual(values.map((_, i) => i + 1));
    expect(row(spec, '乐山市市中区')['2022年']).toBe('106');
    // By hand: 嘉兴 110 → 120 = +10, 10 / 110 = 9.09 % → +9.1 %.
    expect(row(spec, '嘉兴市')).toMatchObject({ '2022年': '120', '2021年': '110', 增减量: '+10', 增减率: '+9.1%' });
    expect(spec.chart).toMatchObject({ type: 'column', categoryColumn: 0, seriesColumns: [1], rows: values.map((_, i) => i) });
    // 罚没款 written as 万元 text and as 元 numbers is compared in 元: 嘉兴 94.23万元 = 942,300.
    const fines = build('districts', await input(LONG), { indicators: ['罚没款'], years: ['2022'] });
    expect(row(fines, '嘉兴市')).toMatchObject({ '2022年': '942,300', '2021年': '886,000', 增减量: '+56,300', 增减率: '+6.4%' });
  });

  it('ranks regions with hand-computed changes (fixture)', () => {
    const data: Array<[string, number, number]> = [
      ['乐山市市中区', 98, 106],
      ['临沂市罗庄区', 150, 171],
      ['重庆市北碚区', 163, 170],
      ['嘉兴市', 110, 120],
      ['乐山市五通桥区', 3, 27],
    ];
    const values: CellValue[][] = [['地区', '年份', '指标', '数值', '单位']];
    for (const [d, a, b] of data) values.push([d, 2021, '行政处罚案件', a, '件'], [d, 2022, '行政处罚案件', b, '件']);
    const spec = build('districts', summaryInput({ name: 'long.xlsx', sheets: [{ name: '长表', originRow: 0, originCol: 0, values }] }));
    expect(spec.body.map((r) => r.map(cellText).slice(0, 6))).toEqual([
      ['临沂市罗庄区', '171', '1', '150', '+21', '+14.0%'], // 21 / 150 = 14.0 %
      ['重庆市北碚区', '170', '2', '163', '+7', '+4.3%'], // 7 / 163 = 4.29 %
      ['嘉兴市', '120', '3', '110', '+10', '+9.1%'], // 10 / 110 = 9.09 %
      ['乐山市市中区', '106', '4', '98', '+8', '+8.2%'], // 8 / 98 = 8.16 %
      ['乐山市五通桥区', '27', '5', '3', '+24', '+800.0%'], // 24 / 3
    ]);
  });

  it('leaves missing values blank and unranked, never 0', () => {
    const snap: WorkbookSnapshot = {
      name: 'gaps.xlsx',
      sheets: [{ name: '长表', originRow: 0, originCol: 0, values: [['地区', '年份', '指标', '数值', '单位'], ['甲区', 2021, '案件', 10, '件'], ['甲区', 2022, '案件', 12, '件'], ['乙区', 2021, '案件', 163, '件'], ['乙区', 2022, '案件', '—', '件'], ['丙区', 2022, '案件', 8, '件']] }],
    };
    const spec = build('districts', summaryInput(snap), { years: ['2022'] });
    expect(spec.body.map((r) => r[0].value)).toEqual(['甲区', '丙区', '乙区']);
    expect(row(spec, '乙区')).toMatchObject({ '2022年': '—', 排名: '—', '2021年': '163', 增减量: '—', 增减率: '—' });
    expect(cells(spec, '乙区')['2022年'].value).toBeNull();
    expect(row(spec, '丙区')).toMatchObject({ 排名: '2', '2021年': '—', 增减量: '—' });
    expect(spec.notes.join('')).toContain('不参与排名');
  });

  it('picks the year most regions report, and ranks ties alike', async () => {
    const spec = build('districts', await input(LONG));
    expect(columns(spec)[1]).toBe('2022年');
    const ties: WorkbookSnapshot = {
      name: 'ties.xlsx',
      sheets: [{ name: '长表', originRow: 0, originCol: 0, values: [['地区', '年份', '指标', '数值', '单位'], ['甲区', 2022, '案件', 5, '件'], ['乙区', 2022, '案件', 7, '件'], ['丙区', 2022, '案件', 5, '件'], ['丁区', 2022, '案件', '约3', '件']] }],
    };
    const t = build('districts', summaryInput(ties));
    expect(t.body.map((r) => [r[0].value, cellText(r[2])])).toEqual([['乙区', '1'], ['甲区', '2'], ['丙区', '2'], ['丁区', '—']]);
    expect(row(t, '丁区')['2022年']).toBe('约3');
  });

  it('needs several regions, and one indicator in a year that exists', async () => {
    const w = await input(WIDE);
    expectReportError(() => build('districts', w), 'no-districts', '没有含多个地区的长表', 'no long table');
    const i = await input(LONG);
    expectReportError(() => build('districts', i, { indicators: ['罚没款'], years: ['2023'] }), 'unknown-year', '年份 2023 不在“罚没款”的数据中', 'Year 2023');
    const rates = build('districts', i, { indicators: ['法制审核率'], years: ['2022'] });
    // Rates: the change in percentage points, no change rate.
    expect(row(rates, '乐山市市中区')['2022年']).toBe('100.0%');
    for (const r of rates.body) {
      expect(r[4].format).toBe('percent');
      expect(r[5].value).toBeNull();
    }
    expect(rates.notes.join('')).toContain('百分点');
  });
});

describe('summary helpers', () => {
  it('lists what the task pane can offer per source table', async () => {
    const [wideChoice] = summaryChoices(await input(WIDE));
    expect(wideChoice).toMatchObject({ sheets: ['法治指标'], layout: 'wide', years: ['2021', '2022'], templates: ['compare', 'composition'] });
    expect(wideChoice.indicators.find((x) => x.label === '国家双随机监督抽检任务')).toMatchObject({ depth: 0, hasParts: true, unit: '家' });
    expect(wideChoice.indicators.find((x) => x.label === '公共场所卫生')).toMatchObject({ depth: 1, path: '国家双随机监督抽检任务/公共场所卫生' });
    const [longChoice] = summaryChoices(await input(LONG));
    expect(longChoice.templates).toEqual(['compare', 'districts']);
    expect(longChoice.entities).toContain('嘉兴市');
  });

  it('recognises its own summary sheets and leaves them out of the input', async () => {
    expect(['汇总表', '汇总表(2)', '汇总表（3）', 'Summary', 'summary(2)'].every(isSummarySheetName)).toBe(true);
    expect(['汇总', '法治指标', '2022年汇总表'].some(isSummarySheetName)).toBe(false);
    const snap = await readXlsx(fs.readFileSync(path.join(SAMPLES, WIDE)), WIDE);
    const copy = { ...snap.sheets[0], name: '汇总表(2)' };
    const i = summaryInput({ ...snap, sheets: [...snap.sheets, copy] });
    expect(i.model.sheets.map((s) => s.sheet)).toEqual(['法治指标']);
  });
});
