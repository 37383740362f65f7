// All detectors together over three layouts and several files, as `check a.xlsx b.xlsx` runs them.
import { analyzeWorkbook } from '../src/core/engine';
import { buildPanel, DEFAULT_HISTORY_OPTIONS, detectAnomalies } from '../src/core/history';
import type { CellValue, Finding, WorkbookSnapshot } from '../src/core/types';
import { grid, workbook } from './helpers/grid';

function panelOf(...books: WorkbookSnapshot[]) {
  return buildPanel(books.map((b) => ({ file: b.name, model: analyzeWorkbook(b).model })));
}

// 罗庄区: a wide workbook for 2020–2022 and a per-year workbook for 2023.
const wide = workbook(
  '罗庄区2020-2022.xlsx',
  grid('指标', [
    ['指标名称', '单位', '2020年', '2021年', '2022年'],
    ['行政处罚案件', '件', 150, 158, 163],
    ['罚没款', '元', 290000, 306300, 728588],
    ['监督检查户次', '户次', 1300, 1350, 1387],
    ['法制审核率', '%', '100%', '100%', '100%'],
  ] as CellValue[][]),
);
const current = workbook(
  '罗庄区2023.xlsx',
  grid('2023年', [
    ['指标', '单位', '数值'],
    ['行政处罚案件', '件', 106],
    ['罚没款', '元', 7285880],
    ['监督检查户次', '户次', 1390],
    ['法制审核率', '%', '90%'],
  ] as CellValue[][]),
);
// Six other districts in a long table, 2022–2023, plus a restated 罗庄区 2022.
const others: CellValue[][] = [['地区', '年份', '指标', '单位', '数值']];
const cases: Array<[string, number, number]> = [
  ['甲区', 80, 100],
  ['乙区', 400, 360],
  ['丙区', 900, 900],
  ['丁区', 144, 120],
  ['戊区', 9600, 10000],
  ['己区', 9, 81],
];
for (const [e, a, b] of cases) {
  others.push([e, 2022, '行政处罚案件', '件', a]);
  others.push([e, 2023, '行政处罚案件', '件', b]);
}
others.push(['罗庄区', 2022, '行政处罚案件', '件', 165]);
const long = workbook('全市汇总.xlsx', grid('汇总', others));

describe('detectAnomalies over several files', () => {
  const panel = panelOf(wide, current, long);
  const found = detectAnomalies(panel);

  it('aligns 罗庄区 across the wide file, the per-year file and the long table', () => {
    expect(panel.entities).toEqual(['罗庄区', '甲区', '乙区', '丙区', '丁区', '戊区', '己区']);
    expect(panel.periods).toEqual(['2020', '2021', '2022', '2023']);
  });

  it('finds what a supervisor should look at, ordered by entity and indicator', () => {
    expect(found.map((f) => [f.entity, f.indicator, f.ruleId])).toEqual([
      // 163 → 106: −35 %, inside ±50 %; against 150, 158, 163 (median 158, MAD 5): z = 0.6745·(−52)/5 = −7.01
      // 罗庄区 2022 is 163 in the wide file and 165 in the long table: a conflict.
      ['罗庄区', '行政处罚案件', 'history.conflict'],
      ['罗庄区', '行政处罚案件', 'history.robust'],
      // HB 2022 → 2023 over 7 districts: 罗庄区 r = 106/163 = 0.650, s = 1 − 1/0.650 = −0.538,
      // E = −0.538·√163 = −6.875, inside the bounds [−9.244, 13.333] (same quartiles as in
      // history-hb.test.ts: its E replaces G's −3.75 at the bottom of the sorted list).
      // 728588 → 7285880 元: ×10.
      ['罗庄区', '罚没款', 'history.yoy.scale'],
      // Against 290000, 306300, 728588 (median 306300, MAD 16300): z = 0.6745·6979580/16300 = 288.818
      ['罗庄区', '罚没款', 'history.robust'],
      // 100 % → 90 %: the mandated rate fell; −10 pp is inside the yoy range 80 %–120 % (±20 %),
      // but the history 100 %, 100 %, 100 % is flat (MAD 0) and 10 pp exceeds the 5 pp floor.
      ['罗庄区', '法制审核率', 'history.rate-fell'],
      ['罗庄区', '法制审核率', 'history.robust'],
      // 9 → 81: ×9 is within 15 % of ×10, so the yoy finding carries the unit hint; HB flags it too.
      ['己区', '行政处罚案件', 'history.yoy.scale'],
      ['己区', '行政处罚案件', 'history.hb'],
    ]);
    const robust = found.filter((f) => f.ruleId === 'history.robust');
    expect(robust[0].detail.stats).toMatchObject({ median: 158, mad: 5 });
    expect(robust[0].detail.stats!.z).toBeCloseTo(-7.0148, 4);
    expect(robust[1].detail.stats).toMatchObject({ median: 306300, mad: 16300 });
    expect(robust[1].detail.stats!.z).toBeCloseTo(288.818, 3);
    const hb = found.find((f) => f.ruleId === 'history.hb')!;
    expect(hb.detail.stats!.lowerE).toBeCloseTo(-9.244444, 6);
    expect(hb.detail.stats!.upperE).toBeCloseTo(13.333333, 6);
  });

  it('every finding carries cells with files, the series, the method and its detail', () => {
    for (const f of found) {
      expect(f.cells.length).toBeGreaterThan(0);
      expect(f.cells.every((c) => typeof c.file === 'string' && c.sheet && c.address)).toBe(true);
      expect(f.series.length).toBeGreaterThan(0);
      expect(f.method).toBe(f.detail.method);
      expect(f.detail.files).toEqual(f.cells.map((c) => c.file));
      expect(f.message['zh-CN'].length).toBeGreaterThan(10);
      expect(f.message['en-US'].length).toBeGreaterThan(10);
    }
    // The ×10 money: the current cell is in the 2023 file, the previous one in the wide file.
    const scale = found.find((f) => f.ruleId === 'history.yoy.scale')!;
    expect(scale.cells).toEqual([
      { file: '罗庄区2023.xlsx', sheet: '2023年', address: 'C3' },
      { file: '罗庄区2020-2022.xlsx', sheet: '指标', address: 'E3' },
    ]);
    expect(scale.series).toEqual([
      { period: '2020', value: 290000 },
      { period: '2021', value: 306300 },
      { period: '2022', value: 728588 },
      { period: '2023', value: 7285880 },
    ]);
    // The conflict names both places.
    const conflict = found.find((f) => f.ruleId === 'history.conflict')!;
    expect(conflict.message['zh-CN']).toBe(
      '“行政处罚案件”罗庄区2022年在两处的数值不同：罗庄区2020-2022.xlsx 指标!E2 为 163，全市汇总.xlsx 汇总!E14 为 165；跨期比较采用前者。',
    );
  });

  it('findings are plain Finding objects that survive JSON', () => {
    const asFindings: Finding[] = found;
    expect(JSON.parse(JSON.stringify(asFindings))).toEqual(asFindings);
  });

  it('turns detectors off and thresholds up through options', () => {
    const none = detectAnomalies(panel, { detectors: { yoy: false, robust: false, hb: false, structure: false, conflict: false } });
    expect(none).toEqual([]);
    // A z limit of 1000 and C = 100 silence the robust and HB findings, except the flat history
    // of 法制审核率, where MAD = 0 leaves only the floor to decide.
    const loose = detectAnomalies(panel, { robust: { z: 1000 }, hb: { C: 100 }, detectors: { conflict: false, structure: false } });
    expect(loose.map((f) => [f.indicator, f.ruleId])).toEqual([
      ['罚没款', 'history.yoy.scale'],
      ['法制审核率', 'history.robust'],
      ['行政处罚案件', 'history.yoy.scale'],
    ]);
    const rateFloor = detectAnomalies(panel, { yoy: { floor: { rate: 0.1 } }, detectors: { conflict: false, structure: false, hb: false } });
    expect(rateFloor.map((f) => f.indicator)).not.toContain('法制审核率');
  });

  it('documents its defaults', () => {
    expect(DEFAULT_HISTORY_OPTIONS).toEqual({
      yoy: {
        relative: { count: 0.5, money: 0.5, rate: 0.2, other: 0.5 },
        floor: { count: 10, money: 10000, rate: 0.05, other: 10 },
        scaleTolerance: 0.15,
      },
      robust: { z: 3.5, minHistory: 3 },
      hb: { U: 0.5, A: 0.05, C: 4, minEntities: 5, useFloor: true },
      allPeriods: false,
      detectors: { yoy: true, robust: true, hb: true, structure: true, conflict: true },
    });
  });
});
