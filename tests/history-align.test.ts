import { analyzeWorkbook } from '../src/core/engine';
import { buildPanel, findSeries, type Panel } from '../src/core/history';
import type { CellValue, WorkbookSnapshot } from '../src/core/types';
import { grid, workbook } from './helpers/grid';

function model(snapshot: WorkbookSnapshot, entity?: string) {
  return { file: snapshot.name, model: analyzeWorkbook(snapshot, entity === undefined ? {} : { entity }).model };
}

function values(panel: Panel, entity: string, key: string) {
  return findSeries(panel, entity, key)?.points.map((p) => [p.period, p.value]);
}

// File 1: a wide sheet (years as columns) of 罗庄区 for 2021–2022, plus a partial-year column.
const wide = workbook(
  '罗庄区2021-2022.xlsx',
  grid('指标', [
    ['序号', '指标名称', '单位', '2021年', '2022年', '2023年1-10月'],
    [1, '行政处罚案件', '件', 163, 106, 90],
    [2, '罚没款', '万元', 30.63, 72.8588, 10],
    [3, '法制审核率', '%', '100%', '100%', '100%'],
    [4, '送法助企受益人数', '人', '1200余', 1250, null],
    [5, '国家双随机监督抽检任务', '家', 190, 209, null],
    [5.1, '其中：公共场所卫生', '家', 100, 108, null],
    [6, '行政处罚（按类别）', '件', 163, 106, null],
    [6.1, '其中：公共场所卫生', '件', 20, 16, null],
    [7, '信访积案', '件', '—', '暂缺', null],
  ] as CellValue[][]),
);

// File 2: one sheet per year (2023, and a half-year sheet that must be left out).
const perYear = workbook(
  '罗庄区2023.xlsx',
  grid('2023年', [
    ['指标', '单位', '数值'],
    ['行政处罚案件', '件', 188],
    ['罚没款', '元', 1000000],
    ['法制审核率', '%', '100%'],
    ['信访积案', '件', 3],
  ] as CellValue[][]),
  grid('2024年1-6月', [
    ['指标', '单位', '数值'],
    ['行政处罚案件', '件', 40],
  ] as CellValue[][]),
);

// File 3: a long table of several districts.
const long = workbook(
  '全市汇总.xlsx',
  grid('汇总', [
    ['地区', '年份', '指标', '单位', '数值'],
    ['甲区', 2022, '行政处罚案件', '件', 50],
    ['甲区', 2023, '行政处罚案件', '件', 55],
    ['乙区', 2022, '行政处罚案件', '件', 120],
    ['乙区', '2023年', '行政处罚案件', '件', 118],
    ['乙区', '2023年1-6月', '行政处罚案件', '件', 60],
    ['乙区', '不详', '行政处罚案件', '件', 61],
    // The same indicator name with its full-width list code, as another district writes it.
    ['罗庄区', 2023, '（１）行政处罚案件', '件', 188],
  ] as CellValue[][]),
);

describe('buildPanel', () => {
  it('aligns a wide sheet and a per-year file of the same district into one series, sorted by period', () => {
    const panel = buildPanel([model(perYear), model(wide)]);
    expect(panel.files).toEqual(['罗庄区2023.xlsx', '罗庄区2021-2022.xlsx']);
    expect(panel.entities).toEqual(['罗庄区']);
    expect(panel.periods).toEqual(['2021', '2022', '2023']);
    expect(values(panel, '罗庄区', '行政处罚案件')).toEqual([
      ['2021', 163],
      ['2022', 106],
      ['2023', 188],
    ]);
    const s = findSeries(panel, '罗庄区', '行政处罚案件')!;
    // Cells point at the file, sheet and cell of each value.
    expect(s.points.map((p) => p.cell)).toEqual([
      { file: '罗庄区2021-2022.xlsx', sheet: '指标', address: 'D2' },
      { file: '罗庄区2021-2022.xlsx', sheet: '指标', address: 'E2' },
      { file: '罗庄区2023.xlsx', sheet: '2023年', address: 'C2' },
    ]);
    expect(s.kind).toBe('count');
  });

  it('brings money to 元 whatever the unit (30.63万元 = 306300 元, 72.8588万元 = 728588 元)', () => {
    const panel = buildPanel([model(wide), model(perYear)]);
    expect(values(panel, '罗庄区', '罚没款')).toEqual([
      ['2021', 306300],
      ['2022', 728588],
      ['2023', 1000000],
    ]);
    expect(values(panel, '罗庄区', '法制审核率')).toEqual([
      ['2021', 1],
      ['2022', 1],
      ['2023', 1],
    ]);
  });

  it('skips partial periods: a 1-10月 column, a half-year sheet, a half-year row', () => {
    const panel = buildPanel([model(wide), model(perYear), model(long)]);
    expect(panel.periods).not.toContain('2024');
    expect(panel.skipped.partialPeriod).toBe(1); // the sheet 2024年1-6月 (the reader drops the others)
    expect(panel.skipped.notAYear).toBe(1); // 年份 = 不详
    expect(values(panel, '乙区', '行政处罚案件')).toEqual([
      ['2022', 120],
      ['2023', 118],
    ]);
  });

  it('keeps approximate values, flagged, and puts blanks and text in gaps', () => {
    const panel = buildPanel([model(wide), model(perYear)]);
    const s = findSeries(panel, '罗庄区', '送法助企受益人数')!;
    expect(s.points.map((p) => [p.period, p.value, p.approximate, p.text])).toEqual([
      ['2021', 1200, true, '1200余'],
      ['2022', 1250, false, ''],
    ]);
    const backlog = findSeries(panel, '罗庄区', '信访积案')!;
    expect(backlog.points.map((p) => [p.period, p.value])).toEqual([['2023', 3]]);
    expect(backlog.gaps.map((g) => [g.period, g.status])).toEqual([
      ['2021', 'missing'],
      ['2022', 'unreadable'],
    ]);
  });

  it('qualifies a repeated breakdown name by its parent', () => {
    const panel = buildPanel([model(wide)]);
    expect(values(panel, '罗庄区', '国家双随机监督抽检任务›公共场所卫生')).toEqual([
      ['2021', 100],
      ['2022', 108],
    ]);
    expect(values(panel, '罗庄区', '行政处罚(按类别)›公共场所卫生')).toEqual([
      ['2021', 20],
      ['2022', 16],
    ]);
    expect(findSeries(panel, '罗庄区', '公共场所卫生')).toBeUndefined();
    expect(findSeries(panel, '罗庄区', '国家双随机监督抽检任务›公共场所卫生')!.label).toBe('国家双随机监督抽检任务 / 其中：公共场所卫生');
  });

  it('reads entities from a long table and matches names across files by their normalised form', () => {
    const panel = buildPanel([model(wide), model(long)]);
    expect(panel.entities).toEqual(['罗庄区', '甲区', '乙区']);
    expect(values(panel, '甲区', '行政处罚案件')).toEqual([
      ['2022', 50],
      ['2023', 55],
    ]);
    // 罗庄区 2021–2022 from the wide file, 2023 from the long table.
    expect(values(panel, '罗庄区', '行政处罚案件')).toEqual([
      ['2021', 163],
      ['2022', 106],
      ['2023', 188],
    ]);
    expect(panel.coverage['甲区']).toEqual(['2022', '2023']);
    expect(panel.coverage['罗庄区']).toEqual(['2021', '2022', '2023']);
  });

  it('keeps the first of two different values for the same period and records the conflict', () => {
    const restated = workbook(
      '罗庄区2022-2023.xlsx',
      grid('指标', [
        ['指标名称', '单位', '2022年', '2023年'],
        ['行政处罚案件', '件', 108, 188],
        ['罚没款', '元', 728588, 1000000],
      ] as CellValue[][]),
    );
    const panel = buildPanel([model(wide), model(restated)]);
    expect(values(panel, '罗庄区', '行政处罚案件')).toEqual([
      ['2021', 163],
      ['2022', 106],
      ['2023', 188],
    ]);
    // 罚没款 2022: 72.8588万元 = 728588 元 in both files: not a conflict.
    expect(panel.conflicts).toHaveLength(1);
    expect(panel.conflicts[0]).toMatchObject({ period: '2022', kept: { value: 106 }, other: { value: 108, cell: { file: '罗庄区2022-2023.xlsx', address: 'C2' } } });
  });

  it('names entities of several files without a district after their file', () => {
    const a = workbook('a.xlsx', grid('指标', [['指标名称', '2022年', '2023年'], ['案件数', 1, 2]] as CellValue[][]));
    const b = workbook('dir/b.xlsx', grid('指标', [['指标名称', '2022年', '2023年'], ['案件数', 3, 4]] as CellValue[][]));
    expect(buildPanel([model(a)]).entities).toEqual(['']);
    const panel = buildPanel([model(a), model(b)]);
    expect(panel.entities).toEqual(['a', 'b']);
    expect(values(panel, 'b', '案件数')).toEqual([
      ['2022', 3],
      ['2023', 4],
    ]);
  });
});
