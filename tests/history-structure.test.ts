import { analyzeWorkbook } from '../src/core/engine';
import { buildPanel, detectAnomalies, type HistoryFinding } from '../src/core/history';
import type { CellValue, WorkbookSnapshot } from '../src/core/types';
import { grid, workbook } from './helpers/grid';

const onlyStructure = { detectors: { yoy: false, robust: false, hb: false, conflict: false } };

function panelOf(...books: WorkbookSnapshot[]) {
  return buildPanel(books.map((b) => ({ file: b.name, model: analyzeWorkbook(b).model })));
}

describe('detectAnomalies: structure over time', () => {
  const wide = workbook(
    '乐山市市中区卫生健康局.xlsx',
    grid('指标', [
      ['指标名称', '单位', '2021年', '2022年', '2023年'],
      ['法制审核案件', '件', 12, 15, 18],
      ['法制审核率', '%', '100%', '100%', '95%'],
      ['投诉处理完结率', '%', '98%', '99%', '97%'],
      ['群众满意率', '%', '100%', '100%', '98.3%'],
      ['公开处罚信息', '条', 90, 106, null],
      ['首违不罚', '次', null, null, 13],
      ['持证执法人员', '人', 12, 12, '十二'],
    ] as CellValue[][]),
  );
  const found = detectAnomalies(panelOf(wide), onlyStructure);
  const by = (rule: string): HistoryFinding[] => found.filter((f) => f.ruleId === rule);

  it('finds the vanished indicator, the new one and the mandated rate that fell, nothing else', () => {
    expect(found.map((f) => [f.ruleId, f.indicator, f.severity])).toEqual([
      ['history.rate-fell', '法制审核率', 'warning'],
      ['history.vanished', '公开处罚信息', 'warning'],
      ['history.new', '首违不罚', 'info'],
    ]);
    // 投诉处理完结率 was not 100 % last year (99 %); 群众满意率 is not mandated;
    // 持证执法人员 十二 is read as 12 (a Chinese numeral) and is not missing.
  });

  it('names both years of the fallen mandated rate', () => {
    const f = by('history.rate-fell')[0];
    expect(f.entity).toBe('乐山市市中区');
    expect(f.message['zh-CN']).toBe('“法制审核率”乐山市市中区2022年为 100%，2023年降为 95%：强制性比率应保持 100%。');
    expect(f.message['en-US']).toBe('"法制审核率" (乐山市市中区) was 100% in 2022 and fell to 95% in 2023: a mandated rate must stay at 100%.');
    expect(f.cells.map((c) => c.address)).toEqual(['E3', 'D3']);
    expect(f.detail).toMatchObject({ method: 'structure', basePeriod: '2022', currentPeriod: '2023', baseValue: 1, currentValue: 0.95 });
    expect(f.detail.change).toBeCloseTo(-0.05, 12);
    expect(f.series).toEqual([
      { period: '2021', value: 1 },
      { period: '2022', value: 1 },
      { period: '2023', value: 0.95 },
    ]);
  });

  it('points a vanished indicator at its blank cell first, then last year’s value', () => {
    const f = by('history.vanished')[0];
    expect(f.message['zh-CN']).toBe('“公开处罚信息”乐山市市中区2022年为 106，2023年没有数值：指标是否被删除或漏填？');
    expect(f.cells.map((c) => c.address)).toEqual(['E6', 'D6']);
    expect(f.values).toEqual([null, 106]);
    expect(f.detail).toMatchObject({ currentValue: null, baseValue: 106 });
  });

  it('reports a new indicator as info', () => {
    const f = by('history.new')[0];
    expect(f.message['zh-CN']).toBe('“首违不罚”乐山市市中区是2023年新增的指标（2022年没有），2023年为 13。');
    expect(f.cells.map((c) => c.address)).toEqual(['E7', 'D7']);
  });

  it('works across per-year sheets: an indicator missing from the 2023 sheet has only last year’s cell', () => {
    const perYear = workbook(
      '罗庄区.xlsx',
      grid('2022年', [
        ['指标', '单位', '数值'],
        ['处罚案件', '件', 120],
        ['公职律师', '人', 3],
      ] as CellValue[][]),
      grid('2023年', [
        ['指标', '单位', '数值'],
        ['处罚案件', '件', 125],
      ] as CellValue[][]),
    );
    const f = detectAnomalies(panelOf(perYear), onlyStructure);
    expect(f.map((x) => [x.ruleId, x.indicator])).toEqual([['history.vanished', '公职律师']]);
    expect(f[0].cells).toEqual([{ file: '罗庄区.xlsx', sheet: '2022年', address: 'C3' }]);
  });

  it('says nothing for an entity that has no number in the current period', () => {
    const long = workbook(
      '汇总.xlsx',
      grid('汇总', [
        ['地区', '年份', '指标', '数值'],
        ['甲区', 2022, '处罚案件', 10],
        ['甲区', 2023, '处罚案件', 12],
        ['乙区', 2022, '处罚案件', 10],
        ['乙区', 2022, '公职律师', 2],
      ] as CellValue[][]),
    );
    expect(detectAnomalies(panelOf(long), onlyStructure)).toEqual([]);
  });
});
