import { analyzeWorkbook, checkWorkbook } from '../src/core/engine';
import type { Finding } from '../src/core/types';
import { grid, workbook } from './helpers/grid';

const HEADER = ['序号', '指标名称', '单位', '2021年', '2022年'];

/** Seed 000 (乐山市市中区 2022): 双随机 209 = 108+12+12+32+11+28+4+2. */
function shuangSuiJi(total2022: number, school2022 = 12) {
  return grid('法治指标', [
    ['乐山市市中区卫生健康局法治政府建设年度指标表'],
    HEADER,
    ['1', '国家双随机监督抽检任务', '家', 190, total2022],
    ['1.1', '其中：公共场所卫生', '家', 95, 108],
    ['1.2', '　　　生活饮用水卫生', '家', 12, 12],
    ['1.3', '　　　学校卫生', '家', 12, school2022],
    ['1.4', '　　　医疗卫生', '家', 30, 32],
    ['1.5', '　　　放射卫生', '家', 10, 11],
    ['1.6', '　　　传染病防治', '家', 25, 28],
    ['1.7', '　　　消毒产品', '家', 4, 4],
    ['1.8', '　　　职业卫生', '家', 2, 2],
  ]);
}

const ids = (fs: Finding[]) => fs.map((f) => f.ruleId);

describe('balance groups on the seeds’ real figures', () => {
  it('209 = 108+12+12+32+11+28+4+2 holds (seed 000)', () => {
    const r = checkWorkbook(workbook('a.xlsx', shuangSuiJi(209)));
    expect(r.findings.filter((f) => f.ruleId.startsWith('balance'))).toEqual([]);
    expect(r.observations).toBe(18);
  });

  it('parts above the total are an error naming every cell', () => {
    const r = checkWorkbook(workbook('a.xlsx', shuangSuiJi(209, 21)));
    const f = r.findings.find((x) => x.ruleId === 'balance.exceeds');
    expect(f).toBeDefined();
    expect(f?.severity).toBe('error');
    expect(f?.cells[0]).toEqual({ sheet: '法治指标', address: 'E3' });
    expect(f?.cells.map((c) => c.address)).toEqual(['E3', 'E4', 'E5', 'E6', 'E7', 'E8', 'E9', 'E10', 'E11']);
    expect(f?.expected).toBe(218);
    expect(f?.difference).toBe(-9);
    expect(f?.period).toBe('2022');
    expect(f?.entity).toBe('乐山市市中区');
    expect(f?.message['zh-CN']).toContain('218');
    expect(f?.message['en-US']).toContain('218');
  });

  it('parts below an exhaustive total are an error; declared partial lists a warning', () => {
    const exhaustive = checkWorkbook(workbook('a.xlsx', shuangSuiJi(215)));
    expect(exhaustive.findings.find((f) => f.ruleId === 'balance.mismatch')?.difference).toBe(6);
    const partialGrid = shuangSuiJi(215);
    partialGrid.values[3][1] = '其中主要有：公共场所卫生';
    const partial = checkWorkbook(workbook('a.xlsx', partialGrid));
    const f = partial.findings.find((x) => x.ruleId === 'balance.partial');
    expect(f?.severity).toBe('warning');
    expect(ids(partial.findings)).not.toContain('balance.mismatch');
  });

  it('120 = 57+62+1 and 5404 = 4818+586 hold on a per-year sheet (seed 004); 110 ≠ 50+58+1', () => {
    const sheet = (name: string, total: number, parts: number[]) =>
      grid(name, [
        ['指标', '单位', '数值'],
        ['行政处罚案件', '件', total],
        ['其中：警告', '件', parts[0]],
        ['　　　罚款等', '件', parts[1]],
        ['　　　停产停业', '件', parts[2]],
        ['政务服务办件量', '件', 5404],
        ['其中：自然人办件', '件', 4818],
        ['　　　法人办件', '件', 586],
      ]);
    const r = checkWorkbook(workbook('嘉兴市.xlsx', sheet('2022年', 120, [57, 62, 1]), sheet('2021年', 110, [50, 58, 1])));
    expect(r.sheets.map((s) => s.layout)).toEqual(['per-year', 'per-year']);
    const bad = r.findings.filter((f) => f.ruleId.startsWith('balance'));
    expect(bad).toHaveLength(1); // 2021: 110 vs 109; 5404 = 4818 + 586 holds in both years
    expect(bad.every((f) => f.period === '2021')).toBe(true);
    expect(bad[0].ruleId).toBe('balance.mismatch');
    expect(bad[0].difference).toBe(1);
  });

  it('approximate and missing parts skip the exact check with an info finding', () => {
    const g = shuangSuiJi(209);
    g.values[3][4] = '100余';
    g.values[4][3] = null;
    const r = checkWorkbook(workbook('a.xlsx', g));
    expect(r.findings.find((f) => f.ruleId === 'balance.approx')?.severity).toBe('info');
    expect(r.findings.find((f) => f.ruleId === 'balance.missing')?.severity).toBe('info');
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('parts in different units are not summed', () => {
    const r = checkWorkbook(
      workbook('a.xlsx', grid('s', [['指标', '单位', '2022'], ['权责清单', '项', 228], ['其中：事项类别', '类', 11], ['　　　行政许可', '项', 60]])),
    );
    expect(ids(r.findings)).toEqual(['balance.mixed-units']);
  });
});

describe('mandated rates and ranges', () => {
  const g = grid('指标', [
    ['项目', '单位', '2022年度'],
    ['法制审核率', '%', 0.933],
    ['投诉处理完结率', '', '100%'],
    ['舆情处理完结率', '%', 100],
    ['群众满意率', '%', '98.3%'],
    ['出庭应诉率', '%', '99.96%'],
    ['持证执法人员', '人', -1],
    ['监督检查医疗机构', '家次', 736.5],
    ['承诺时限压缩比例增长', '%', '120%'],
    ['参考合格率', '%', '101%'],
    ['罚没款', '元', -5],
  ]);
  g.numberFormats = g.values.map((row, i) => row.map(() => (i === 1 ? '0.0%' : 'General')));
  const r = checkWorkbook(workbook('a.xlsx', g));
  const by = (addr: string) => r.findings.filter((f) => f.cells[0].address === addr).map((f) => f.ruleId);

  it('a mandated rate below 100 % is an error; 满意率 is not mandated', () => {
    expect(by('C2')).toEqual(['rate.mandated.law-review']);
    expect(by('C3')).toEqual([]);
    expect(by('C4')).toEqual([]);
    expect(by('C5')).toEqual([]);
    expect(by('C6')).toEqual(['rate.mandated.court']);
  });
  it('counts are non-negative whole numbers, rates within 0–100 % unless growth, money ≥ 0', () => {
    expect(by('C7')).toEqual(['range.count-negative']);
    expect(by('C8')).toEqual(['range.count-integer']);
    expect(by('C9')).toEqual([]);
    expect(by('C10')).toEqual(['range.rate']);
    expect(by('C11')).toEqual(['range.money-negative']);
  });
  it('knows counts by name when the sheet has no unit column', () => {
    const r = checkWorkbook(workbook('x', grid('指标', [['指标名称', '2022年', '2023年'], ['行政处罚案件', -1, 3.5], ['持证执法人员', 12, 2.5], ['罚没款', 1000.5, -1]])));
    const got = r.findings.filter((f) => f.ruleId.startsWith('range.')).map((f) => `${f.ruleId} ${f.cells[0].address}`);
    expect(got.sort()).toEqual(['range.count-integer C2', 'range.count-integer C3', 'range.count-negative B2', 'range.money-negative C4'].sort());
  });

  it('says the rate as a percentage in both languages', () => {
    const f = r.findings.find((x) => x.cells[0].address === 'C2');
    expect(f?.message['zh-CN']).toContain('93.3%');
    expect(f?.message['en-US']).toContain('must be 100%');
  });
});

describe('cells that cannot be read', () => {
  it('Excel errors and text are located error findings quoting the value, never zero', () => {
    const r = checkWorkbook(
      workbook('a.xlsx', grid('s', [['指标', '单位', '2022'], ['处罚案件', '件', { error: '#DIV/0!' }], ['罚没款', '元', '见附件'], ['持证人数', '人', '十二']])),
    );
    expect(r.findings.map((f) => [f.ruleId, f.cells[0].address, f.values?.[0]])).toEqual([
      ['value.excel-error', 'C2', '#DIV/0!'],
      ['value.unreadable', 'C3', '见附件'],
    ]);
    expect(r.findings[1].message['zh-CN']).toContain('见附件');
  });
});

describe('layouts', () => {
  it('reads a wide sheet below title rows with an origin offset, and 万元 columns in base units', () => {
    const g = grid('表1', [['标题'], [], ['指标', '单位', '2021', '2022年'], ['罚没款', '万元', 61.23, 72.8588]], { originRow: 2, originCol: 1 });
    const a = analyzeWorkbook(workbook('x.xlsx', g));
    const obs = a.model.observations;
    expect(obs.map((o) => [o.address, o.period, o.value])).toEqual([
      ['D6', '2021', 612300],
      ['E6', '2022', 728588],
    ]);
  });

  it('reads a two-row header with years under a merged 年度 cell', () => {
    const g = grid('s', [['指标名称', '单位', '年度', null], [null, null, '2021年', '2022年'], ['处罚案件', '件', 98, 106]]);
    expect(analyzeWorkbook(workbook('x', g)).model.observations.map((o) => o.period)).toEqual(['2021', '2022']);
  });

  it('reads a long table per entity and period, builds the hierarchy inside each block', () => {
    const g = grid('各地区', [
      ['地区', '年份', '指标', '数值', '单位'],
      ['甲区', 2022, '处罚案件', 10, '件'],
      ['甲区', 2022, '其中：警告', 4, '件'],
      ['甲区', 2022, '　　　罚款', 7, '件'],
      ['乙区', '2022年', '处罚案件', 5, '件'],
      ['乙区', '2022年', '其中：警告', 5, '件'],
    ]);
    const r = checkWorkbook(workbook('x', g));
    expect(r.sheets[0].layout).toBe('long');
    const f = r.findings.filter((x) => x.ruleId === 'balance.exceeds');
    expect(f).toHaveLength(1);
    expect(f[0].entity).toBe('甲区');
  });

  it('takes a single 单位 column of a long table as the district when it holds names, as the unit when it holds units', () => {
    const byUnit = grid('各单位', [
      ['单位', '年份', '指标', '数值'],
      ['甲区卫健局', '2022年', '行政处罚案件', 10],
      ['甲区卫健局', '2023年', '行政处罚案件', -1],
      ['乙区卫健局', '2022年', '行政处罚案件', 12],
      ['乙区卫健局', '2023年', '行政处罚案件', 12],
    ]);
    const a = analyzeWorkbook(workbook('x', byUnit)).model;
    expect([...new Set(a.observations.map((o) => o.entity))].sort()).toEqual(['乙区卫健局', '甲区卫健局']);
    const ra = checkWorkbook(workbook('x', byUnit));
    expect(ra.findings.some((f) => f.ruleId === 'history.conflict' || f.ruleId === 'layout.note')).toBe(false);
    expect(ra.findings.filter((f) => f.ruleId === 'range.count-negative').map((f) => f.entity)).toEqual(['甲区卫健局']);

    const units = grid('某区', [
      ['年份', '指标', '数值', '单位'],
      ['2022年', '行政处罚案件', 10, '件'],
      ['2022年', '罚没款', 30.63, '万元'],
      ['2023年', '行政处罚案件', 12, '件'],
      ['2023年', '罚没款', 72.86, '万元'],
    ]);
    const b = analyzeWorkbook(workbook('某区.xlsx', units), { entity: '某区' }).model;
    expect(new Set(b.observations.map((o) => o.entity))).toEqual(new Set(['某区']));
    expect(b.observations.find((o) => o.address === 'C5')?.value).toBeCloseTo(728600, 6);
  });

  it('lists sheets that are not indicator sheets as skipped, with a reason', () => {
    const r = checkWorkbook(workbook('x', grid('说明', [['本表说明']]), grid('空表', []), grid('校验规则', [['编号', '名称', '表达式', '级别']])));
    expect(r.sheets.map((s) => s.layout)).toEqual(['skipped', 'skipped', 'skipped']);
    expect(r.sheets[0].reason?.['zh-CN']).toContain('说明');
    // Nothing was checked: one warning says so (never a silent "0 findings").
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.cells])).toEqual([['workbook.no-indicator-sheet', 'warning', [{ sheet: '说明', address: 'A1' }]]]);
    expect(r.findings[0].message['zh-CN']).toContain('没有识别出指标表');
    expect(r.findings[0].message['zh-CN']).toContain('“说明”、“空表”');
    expect(r.findings[0].message['en-US']).toContain('No indicator sheet was recognised in the workbook, so nothing was checked (sheets skipped: "说明", "空表")');
  });

  it('reads per-year sheets whose names carry the year anywhere, and not names with two years', () => {
    const sheet = (name: string, v: number) => grid(name, [['指标', '单位', '数值'], ['行政处罚案件', '件', v], ['持证执法人员', '人', -3]]);
    const r = checkWorkbook(workbook('罗庄区.xlsx', sheet('罗庄区2022年', 10), sheet('2023年指标', 12), sheet('统计表-2021', 9), sheet('2021-2022对比', 1)));
    expect(r.sheets.map((s) => s.layout)).toEqual(['per-year', 'per-year', 'per-year', 'skipped']);
    const negative = r.findings.filter((f) => f.ruleId === 'range.count-negative');
    expect(negative.map((f) => f.period).sort()).toEqual(['2021', '2022', '2023']);
    expect(r.findings.some((f) => f.ruleId === 'workbook.no-indicator-sheet')).toBe(false);
  });

  it('warns about a duplicated year column and reads only the first', () => {
    const r = checkWorkbook(workbook('x', grid('s', [['指标', '2022', '2022年'], ['处罚案件', 1, 2]])));
    expect(r.observations).toBe(1);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['layout.note']);
  });

  it('uses the Excel indent level for the hierarchy', () => {
    const g = grid('s', [['指标', '2022'], ['总数', 10], ['甲', 6], ['乙', 5]], { indents: [[0, 0], [0, 0], [1, 0], [1, 0]] });
    expect(checkWorkbook(workbook('x', g)).findings.map((f) => f.ruleId)).toEqual(['balance.exceeds']);
  });
});
