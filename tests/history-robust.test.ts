import { median, medianAbsoluteDeviation } from 'simple-statistics';
import { analyzeWorkbook } from '../src/core/engine';
import { buildPanel, detectAnomalies, evaluateRobust } from '../src/core/history';
import type { CellValue } from '../src/core/types';
import { grid, workbook } from './helpers/grid';

function panelOf(rows: CellValue[][]) {
  const wb = workbook('罗庄区.xlsx', grid('指标', [['指标名称', '单位', '2019年', '2020年', '2021年', '2022年', '2023年'], ...rows]));
  return buildPanel([{ file: wb.name, model: analyzeWorkbook(wb).model }]);
}

const onlyRobust = { detectors: { yoy: false, hb: false, structure: false } };

describe('evaluateRobust (median and MAD of the earlier periods)', () => {
  // History 100, 104, 98, 101 → sorted 98, 100, 101, 104 → median (100 + 101)/2 = 100.5
  // |h − 100.5| = 0.5, 3.5, 2.5, 0.5 → sorted 0.5, 0.5, 2.5, 3.5 → MAD (0.5 + 2.5)/2 = 1.5
  // z(140) = 0.6745 · (140 − 100.5) / 1.5 = 0.6745 · 39.5 / 1.5 = 17.76183…
  // width  = max(3.5 · 1.5 / 0.6745, 10) = max(7.78354…, 10) = 10 → range [90.5, 110.5]
  const history = [100, 104, 98, 101];

  it('agrees with simple-statistics on the median and the (unscaled) MAD', () => {
    expect(median(history)).toBe(100.5);
    expect(medianAbsoluteDeviation(history)).toBe(1.5);
  });

  it('flags 140 with z = 17.76', () => {
    const ev = evaluateRobust(history, 140, 3.5, 10);
    expect(ev.median).toBe(100.5);
    expect(ev.mad).toBe(1.5);
    expect(ev.z).toBeCloseTo(17.76183, 4);
    expect(ev.lower).toBeCloseTo(90.5, 9);
    expect(ev.upper).toBeCloseTo(110.5, 9);
    expect(ev.flagged).toBe(true);
  });

  it('z is the same as (x − median) / (1.4826 · MAD) to 4 digits', () => {
    const ev = evaluateRobust(history, 140, 3.5, 10);
    expect(ev.z!).toBeCloseTo(39.5 / (1.4826 * 1.5), 3);
  });

  it('does not flag 106 (z = 0.6745 · 5.5 / 1.5 = 2.47)', () => {
    const ev = evaluateRobust(history, 106, 3.5, 10);
    expect(ev.z).toBeCloseTo(2.47317, 4);
    expect(ev.flagged).toBe(false);
  });

  it('without a floor the z limit alone decides: 108.3 is z = 3.508 > 3.5, 108.2 is 3.4577', () => {
    // bound = 100.5 + 3.5 · 1.5 / 0.6745 = 108.28354…
    expect(evaluateRobust(history, 108.3, 3.5, 0).flagged).toBe(true);
    expect(evaluateRobust(history, 108.2, 3.5, 0).flagged).toBe(false);
    expect(evaluateRobust(history, 108.2, 3.5, 0).upper).toBeCloseTo(108.28354, 4);
  });

  it('with a large spread the z limit is wider than the floor', () => {
    // 1000, 1400, 900, 1200 → median 1100, |h − 1100| = 100, 300, 200, 100 → MAD 150
    // width = 3.5 · 150 / 0.6745 = 778.354… → range [321.65, 1878.35]
    const ev = evaluateRobust([1000, 1400, 900, 1200], 1800, 3.5, 10);
    expect(ev.flagged).toBe(false);
    expect(ev.upper).toBeCloseTo(1878.354, 2);
    expect(evaluateRobust([1000, 1400, 900, 1200], 1900, 3.5, 10).flagged).toBe(true);
  });

  it('MAD = 0 (most earlier values equal): only the floor decides', () => {
    // 12, 12, 12, 13 → median 12, |h − 12| = 0, 0, 0, 1 → MAD 0; width = floor 10 → [2, 22]
    const flat = [12, 12, 12, 13];
    expect(evaluateRobust(flat, 22, 3.5, 10)).toMatchObject({ median: 12, mad: 0, z: null, lower: 2, upper: 22, flagged: false });
    expect(evaluateRobust(flat, 23, 3.5, 10).flagged).toBe(true);
  });
});

describe('detectAnomalies: robust findings', () => {
  const panel = panelOf([
    ['监督检查户次', '户次', 100, 104, 98, 101, 140],
    ['持证执法人员', '人', 12, 12, 12, 13, 30],
    ['集中学法', '次', 8, 9, 8, 106, null],
    ['普法活动', '次', null, 15, 16, 17, 90],
  ]);
  const found = detectAnomalies(panel, onlyRobust);

  it('flags 140 against 100, 104, 98, 101 and 30 against a flat 12, skips series with fewer than 3 earlier values', () => {
    expect(found.map((f) => [f.indicator, f.period])).toEqual([
      ['监督检查户次', '2023'],
      ['持证执法人员', '2023'],
      ['普法活动', '2023'],
    ]);
    // 普法活动 has exactly three earlier values (15, 16, 17): median 16, MAD 1, z = 0.6745 · 74 = 49.9
    expect(found[2].detail.stats!.z).toBeCloseTo(49.913, 3);
    const short = detectAnomalies(panel, { ...onlyRobust, robust: { minHistory: 4 } });
    expect(short.map((f) => f.indicator)).toEqual(['监督检查户次', '持证执法人员']);
  });

  it('says in the message the value and the range the earlier years give; the median, MAD, z and threshold in the details', () => {
    const f = found[0];
    expect(f.ruleId).toBe('history.robust');
    expect(f.method).toBe('robust');
    expect(f.message['zh-CN']).toBe('“监督检查户次”罗庄区2023年为 140，与此前 4 期（2019, 2020, 2021, 2022）相差过大，按往年应在 90.5～110.5 之间。');
    expect(f.message['en-US']).toBe(
      '"监督检查户次" (罗庄区) is 140 in 2023, far from the 4 earlier periods (2019, 2020, 2021, 2022): by those years it should lie between 90.5 and 110.5.',
    );
    expect(f.details).toEqual({
      'zh-CN': '往年中位数 100.5，MAD 1.5，稳健 z 值 17.762（|z| > 3.5 且偏离超过 10 即提示）。',
      'en-US': 'Median of the earlier years 100.5, MAD 1.5, robust z = 17.762 (flagged when |z| > 3.5 and the deviation exceeds 10).',
    });
    for (const lang of ['zh-CN', 'en-US'] as const) expect(f.message[lang]).not.toMatch(/MAD|z 值|z =|详情|Details/);
    expect(f.cells.map((c) => c.address)).toEqual(['G2', 'F2']); // 2023, then 2022
    expect(f.values).toEqual([140, 101]);
    expect(f.expected).toBe(100.5);
    expect(f.detail).toMatchObject({ basePeriod: '2022', currentPeriod: '2023', currentValue: 140, change: 39.5, stats: { median: 100.5, mad: 1.5, zLimit: 3.5, floor: 10, history: 4 } });
    expect(f.detail.bounds!.lower).toBeCloseTo(90.5, 9);
    expect(f.series.map((p) => p.value)).toEqual([100, 104, 98, 101, 140]);
  });

  it('says when the history is flat', () => {
    const f = found[1];
    expect(f.message['zh-CN']).toBe('“持证执法人员”罗庄区2023年为 30，此前 4 期（2019, 2020, 2021, 2022）多数为 12，增加 18，超出范围 2～22。');
    expect(f.details?.['zh-CN']).toBe('往年中位数 12，MAD 为 0（往年数值多数相同），偏离超过 10 即提示。');
    expect(f.details?.['en-US']).toBe('Median of the earlier years 12, MAD 0 (most earlier values are equal); flagged when the deviation exceeds 10.');
    expect(f.detail.stats!.z).toBeUndefined();
  });
});
