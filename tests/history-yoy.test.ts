import { analyzeWorkbook } from '../src/core/engine';
import { buildPanel, DEFAULT_HISTORY_OPTIONS, detectAnomalies, evaluateYoy, nearPowerOfTen, resolveOptions } from '../src/core/history';
import type { CellValue } from '../src/core/types';
import { grid, workbook } from './helpers/grid';

const yoy = DEFAULT_HISTORY_OPTIONS.yoy;

function panelOf(rows: CellValue[][], name = '罗庄区.xlsx') {
  const wb = workbook(name, grid('指标', [['指标名称', '单位', '2022年', '2023年'], ...rows]));
  return buildPanel([{ file: name, model: analyzeWorkbook(wb).model }]);
}

describe('evaluateYoy (relative threshold AND absolute floor)', () => {
  it('3 → 6 件: +100 % but only +3, under the floor of 10: not flagged', () => {
    // width = max(0.5·3, 10) = 10 → range [−7, 13]
    const ev = evaluateYoy(3, 6, 'count', yoy);
    expect(ev).toMatchObject({ change: 3, relative: 1, lower: -7, upper: 13, flagged: false });
  });

  it('106 → 188 件: +77.4 % and +82: flagged', () => {
    // width = max(0.5·106, 10) = 53 → range [53, 159]; 188 > 159
    const ev = evaluateYoy(106, 188, 'count', yoy);
    expect(ev.flagged).toBe(true);
    expect(ev.change).toBe(82);
    expect(ev.relative).toBeCloseTo(82 / 106, 12); // 0.7736
    expect([ev.lower, ev.upper]).toEqual([53, 159]);
    expect(ev.scale).toBeUndefined();
  });

  it('163 → 106 件 (−35 %): not flagged at 50 %, flagged at 30 %', () => {
    // 50 %: width = 81.5 → [81.5, 244.5] contains 106
    expect(evaluateYoy(163, 106, 'count', yoy)).toMatchObject({ flagged: false, lower: 81.5, upper: 244.5 });
    // 30 %: width = 48.9 → [114.1, 211.9]; 106 < 114.1
    const strict = resolveOptions({ yoy: { relative: { count: 0.3 } } }).yoy;
    const ev = evaluateYoy(163, 106, 'count', strict);
    expect(ev.flagged).toBe(true);
    expect(ev.lower).toBeCloseTo(114.1, 9);
    expect(ev.upper).toBeCloseTo(211.9, 9);
    // The other kinds keep their defaults.
    expect(strict.relative.money).toBe(0.5);
  });

  it('a change exactly at the bound is not flagged (strictly greater)', () => {
    expect(evaluateYoy(100, 150, 'count', yoy).flagged).toBe(false);
    expect(evaluateYoy(100, 151, 'count', yoy).flagged).toBe(true);
  });

  it('money: 5 000 → 12 000 元 is +140 % but only 7 000 元, under 10 000 元', () => {
    expect(evaluateYoy(5000, 12000, 'money', yoy).flagged).toBe(false);
    // 306300 → 728588 元: +137.9 %, +422288 元; ratio 2.38 is no power of ten
    const ev = evaluateYoy(306300, 728588, 'money', yoy);
    expect(ev.flagged).toBe(true);
    expect(ev.scale).toBeUndefined();
  });

  it('rates: 20 % relative and 5 percentage points (98.3 % → 60 % flagged, 95 % → 90 % not)', () => {
    // width = max(0.2·0.983, 0.05) = 0.1966 → [0.7864, 1.1796]
    const ev = evaluateYoy(0.983, 0.6, 'rate', yoy);
    expect(ev.flagged).toBe(true);
    expect(ev.lower).toBeCloseTo(0.7864, 12);
    // width = max(0.19, 0.05) = 0.19 → [0.76, 1.14]
    expect(evaluateYoy(0.95, 0.9, 'rate', yoy).flagged).toBe(false);
  });

  it('from 0: the relative change is undefined and only the floor applies', () => {
    expect(evaluateYoy(0, 50, 'count', yoy)).toMatchObject({ relative: null, flagged: true, lower: -10, upper: 10 });
    expect(evaluateYoy(0, 8, 'count', yoy).flagged).toBe(false);
  });
});

describe('nearPowerOfTen (the 元 vs 万元 hint)', () => {
  it('recognises ×10, ÷10, ×10⁴ within ±15 %, and nothing near 1', () => {
    expect(nearPowerOfTen(7285880 / 728588, 0.15)).toBe(10);
    expect(nearPowerOfTen(9, 0.15)).toBe(10); // 9/10 − 1 = −10 %
    expect(nearPowerOfTen(8, 0.15)).toBeUndefined(); // −20 %
    expect(nearPowerOfTen(11.6, 0.15)).toBeUndefined(); // +16 %
    expect(nearPowerOfTen(0.1, 0.15)).toBeCloseTo(0.1, 12);
    expect(nearPowerOfTen(94.23 / 942300, 0.15)).toBeCloseTo(1e-4, 12);
    expect(nearPowerOfTen(1.1, 0.15)).toBeUndefined();
    expect(nearPowerOfTen(-10, 0.15)).toBeUndefined();
  });
});

describe('detectAnomalies: yoy findings', () => {
  const panel = panelOf([
    ['行政处罚案件', '件', 106, 188],
    ['非法行医案件', '件', 3, 6],
    ['罚没款', '元', 728588, 7285880],
    ['群众满意率', '%', '98.3%', '60%'],
    ['首违不罚', '次', 0, 13],
  ]);
  const found = detectAnomalies(panel, { detectors: { robust: false, hb: false, structure: false } });

  it('flags 106 → 188, the ×10 money, the fallen rate and 0 → 13, not 3 → 6', () => {
    expect(found.map((f) => [f.indicator, f.ruleId])).toEqual([
      ['行政处罚案件', 'history.yoy'],
      ['罚没款', 'history.yoy.scale'],
      ['群众满意率', 'history.yoy'],
      ['首违不罚', 'history.yoy'],
    ]);
    expect(found.every((f) => f.severity === 'warning' && f.method === 'yoy')).toBe(true);
  });

  it('names entity, periods, both values, the change and the range in the message; the thresholds in the details', () => {
    const f = found[0];
    expect(f.message['zh-CN']).toBe('“行政处罚案件”罗庄区2023年为 188，2022年为 106，增加 82（+77.4%），超出同比范围 53～159。');
    expect(f.message['en-US']).toBe(
      '"行政处罚案件" (罗庄区) is 188 in 2023 and was 106 in 2022: up 82 (+77.4%), outside the year-over-year range 53 to 159.',
    );
    expect(f.details).toEqual({
      'zh-CN': '同比变动超过 ±50% 且绝对变动超过 10 即提示。',
      'en-US': 'Flagged when the year-over-year change exceeds ±50% and 10.',
    });
    for (const lang of ['zh-CN', 'en-US'] as const) expect(f.message[lang]).not.toMatch(/±50%|即提示|flagged/i);
    // The current-period cell first, then the previous-period cell.
    expect(f.cells).toEqual([
      { file: '罗庄区.xlsx', sheet: '指标', address: 'D2' },
      { file: '罗庄区.xlsx', sheet: '指标', address: 'C2' },
    ]);
    expect(f.values).toEqual([188, 106]);
    expect(f.entity).toBe('罗庄区');
    expect(f.period).toBe('2023');
    expect(f.series).toEqual([
      { period: '2022', value: 106 },
      { period: '2023', value: 188 },
    ]);
    expect(f.detail).toMatchObject({
      method: 'yoy',
      key: '行政处罚案件',
      entity: '罗庄区',
      basePeriod: '2022',
      currentPeriod: '2023',
      baseValue: 106,
      currentValue: 188,
      change: 82,
      bounds: { lower: 53, upper: 159 },
      stats: { relativeThreshold: 0.5, floor: 10 },
      files: ['罗庄区.xlsx', '罗庄区.xlsx'],
    });
  });

  it('says "possible unit or extra-digit error" for 728588 → 7285880 元', () => {
    const f = found[1];
    expect(f.message['zh-CN']).toContain('约为上期的 10 倍：可能是单位错误或多录/少录了数字（如元与万元混用）');
    expect(f.message['en-US']).toContain('about 10 times as much: possibly a unit or extra-digit error (元 vs 万元)');
    expect(f.detail.stats).toMatchObject({ scale: 10 });
  });

  it('writes rate changes in percentage points and a change from 0 without a percentage', () => {
    expect(found[2].message['zh-CN']).toContain('减少 38.3 个百分点（-39%）');
    expect(found[3].message['zh-CN']).toContain('增加 13（上期为 0）');
  });

  it('compares with the latest earlier period that has a value, or the one asked for', () => {
    const p = buildPanel([
      {
        file: 'x.xlsx',
        model: analyzeWorkbook(workbook('罗庄区.xlsx', grid('指标', [['指标名称', '2020年', '2021年', '2022年', '2023年'], ['案件数', 100, 160, null, 170]] as CellValue[][]))).model,
      },
    ]);
    const only = { detectors: { robust: false, hb: false, structure: false } };
    // 2021 (160) → 2023 (170): no finding; 2020 (100) → 2023 (170) when asked: +70 %.
    expect(detectAnomalies(p, only)).toEqual([]);
    const asked = detectAnomalies(p, { ...only, basePeriod: '2020' });
    expect(asked.map((f) => [f.detail.basePeriod, f.detail.currentPeriod, f.detail.change])).toEqual([['2020', '2023', 70]]);
    // Every period against its predecessor: 2020 → 2021 is +60 %.
    expect(detectAnomalies(p, { ...only, allPeriods: true }).map((f) => f.period)).toEqual(['2021']);
    // series carries the gap as null
    expect(asked[0].series).toEqual([
      { period: '2020', value: 100 },
      { period: '2021', value: 160 },
      { period: '2022', value: null },
      { period: '2023', value: 170 },
    ]);
  });

  it('mentions an approximate figure', () => {
    const p = panelOf([['受益人数', '人', '1200余', 2500]]);
    const f = detectAnomalies(p, { detectors: { robust: false, hb: false, structure: false } });
    expect(f).toHaveLength(1);
    expect(f[0].message['zh-CN']).toContain('2022年为 1200余');
    expect(f[0].message['zh-CN']).toContain('（1200余 是约数，比较仅供参考。）');
    expect(f[0].detail.approximate).toBe(true);
  });
});
