import { analyzeWorkbook } from '../src/core/engine';
import { buildPanel, detectAnomalies, hbValueRange, hidiroglouBerthelot, type HbUnit } from '../src/core/history';
import { quantilesBySelection } from '../src/core/history/hb';
import type { CellValue } from '../src/core/types';
import { quantileSorted } from 'simple-statistics';
import { grid, workbook } from './helpers/grid';

// Seven districts, one indicator (处罚案件, 件), 2022 → 2023. Sizes max(y1, y2) are squares so that
// max^0.5 is a whole number.
//
//   id  y1     y2     r = y2/y1      s (r_M = 1)               √max   E = s·√max
//   A   80     100    1.25           1.25/1 − 1   =  0.25       10     2.5
//   B   400    360    0.9            1 − 1/0.9    = −0.111111   20    −2.222222
//   C   900    900    1              1/1 − 1      =  0          30     0
//   D   144    120    0.833333       1 − 1.2      = −0.2        12    −2.4
//   E   9600   10000  1.041667       1/24         =  0.041667  100     4.166667   (large, normal)
//   F   9      81     9              9 − 1        =  8           9    72          (small, ×9)
//   G   225    180    0.8            1 − 1.25     = −0.25       15    −3.75
//
// Ratios sorted: 0.8, 0.8333, 0.9, 1, 1.0417, 1.25, 9 → r_M = 1 (the 4th of 7).
// E sorted: −3.75, −2.4, −2.222222, 0, 2.5, 4.166667, 72.
// Quartiles at positions (n − 1)·p = 6p: Q1 at 1.5 → −2.4 + 0.5·(−2.222222 + 2.4) = −2.311111
//                                         M  at 3   → 0
//                                         Q3 at 4.5 → 2.5 + 0.5·(4.166667 − 2.5)  =  3.333333
// d_Q1 = max(0 + 2.311111, |0.05·0|) = 2.311111;  d_Q3 = max(3.333333 − 0, 0) = 3.333333
// bounds: 0 − 4·2.311111 = −9.244444;  0 + 4·3.333333 = 13.333333
// Only F (E = 72) is outside; E (E = 4.17, ratio 1.04 at size 10000) is not.
const units: HbUnit[] = [
  { id: 'A', y1: 80, y2: 100 },
  { id: 'B', y1: 400, y2: 360 },
  { id: 'C', y1: 900, y2: 900 },
  { id: 'D', y1: 144, y2: 120 },
  { id: 'E', y1: 9600, y2: 10000 },
  { id: 'F', y1: 9, y2: 81 },
  { id: 'G', y1: 225, y2: 180 },
];
const params = { U: 0.5, A: 0.05, C: 4 };

describe('hidiroglouBerthelot', () => {
  const r = hidiroglouBerthelot(units, params, 5)!;

  it('matches the hand calculation', () => {
    expect(r.n).toBe(7);
    expect(r.medianRatio).toBe(1);
    const E = Object.fromEntries(r.scores.map((x) => [x.id, x.E]));
    expect(E.A).toBeCloseTo(2.5, 9);
    expect(E.B).toBeCloseTo(-2.222222, 6);
    expect(E.C).toBe(0);
    expect(E.D).toBeCloseTo(-2.4, 9);
    expect(E.E).toBeCloseTo(4.166667, 6);
    expect(E.F).toBeCloseTo(72, 9);
    expect(E.G).toBeCloseTo(-3.75, 9);
    expect(r.quartiles.q1).toBeCloseTo(-2.311111, 6);
    expect(r.quartiles.median).toBe(0);
    expect(r.quartiles.q3).toBeCloseTo(3.333333, 6);
    expect(r.dQ1).toBeCloseTo(2.311111, 6);
    expect(r.dQ3).toBeCloseTo(3.333333, 6);
    expect(r.bounds.lower).toBeCloseTo(-9.244444, 6);
    expect(r.bounds.upper).toBeCloseTo(13.333333, 6);
    expect(r.scores.filter((x) => x.outlier).map((x) => x.id)).toEqual(['F']);
  });

  it('drops zeros, negatives and missing values, and needs enough units', () => {
    const withBad = [...units, { id: 'Z', y1: 0, y2: 5 }, { id: 'N', y1: 10, y2: NaN }, { id: 'M', y1: -3, y2: 4 }];
    const r2 = hidiroglouBerthelot(withBad, params, 5)!;
    expect(r2.excluded.map((u) => u.id)).toEqual(['Z', 'N', 'M']);
    expect(r2.bounds.upper).toBeCloseTo(13.333333, 6);
    expect(hidiroglouBerthelot(units.slice(0, 4), params, 5)).toBeUndefined();
  });

  it('handles coinciding quartiles (d = max(spread, |A·E_M|) with E_M = 0)', () => {
    // Ratios 1, 1, 1, 2, 2 with sizes 100, 100, 100, 400, 400: r_M = 1; s = 0, 0, 0, 1, 1;
    // E = 0, 0, 0, 20, 20 → Q1 = M = 0 (positions 1 and 2 of 0..4), Q3 = 20 (position 3):
    // d_Q1 = max(0 − 0, |0.05·0|) = 0, d_Q3 = max(20, 0) = 20 → bounds [0, 80].
    const r3 = hidiroglouBerthelot(
      [
        { id: 'a', y1: 100, y2: 100 },
        { id: 'b', y1: 100, y2: 100 },
        { id: 'c', y1: 100, y2: 100 },
        { id: 'd', y1: 200, y2: 400 },
        { id: 'e', y1: 200, y2: 400 },
      ],
      params,
    )!;
    expect(r3.quartiles).toEqual({ q1: 0, median: 0, q3: 20 });
    expect(r3.bounds).toEqual({ lower: 0, upper: 80 });
    expect(r3.scores.some((x) => x.outlier)).toBe(false);
    // All ratios equal: every E is 0, bounds [0, 0], and nobody is outside them.
    const r4 = hidiroglouBerthelot(
      [
        { id: 'a', y1: 100, y2: 100 },
        { id: 'b', y1: 100, y2: 100 },
        { id: 'c', y1: 100, y2: 100 },
        { id: 'd', y1: 100, y2: 100 },
        { id: 'e', y1: 100, y2: 100 },
      ],
      params,
    )!;
    expect(r4.bounds).toEqual({ lower: 0, upper: 0 });
    expect(r4.scores.some((x) => x.outlier)).toBe(false); // all E = 0: nothing outside [0, 0]
  });

  it('accepts asymmetric C', () => {
    const r5 = hidiroglouBerthelot(units, { U: 0.5, A: 0.05, C: [2, 30] })!;
    // lower = −2 · 2.311111 = −4.622222; upper = 30 · 3.333333 = 100 → nobody above, nobody below
    expect(r5.bounds.lower).toBeCloseTo(-4.622222, 6);
    expect(r5.bounds.upper).toBeCloseTo(100, 6);
    expect(r5.scores.filter((x) => x.outlier)).toEqual([]);
  });

  it('turns the E bounds into a value range for an entity (the E of the range ends is the bound)', () => {
    const range = hbValueRange(9, r, 0.5);
    const E = (y2: number) => (y2 / 9 - 1) * Math.sqrt(Math.max(9, y2)); // r_M = 1, y2 ≥ 9
    expect(E(range.upper)).toBeCloseTo(r.bounds.upper, 6);
    const Elow = (y2: number) => (1 - 9 / y2) * 3; // y2 < 9: s = 1 − 1/r, size √9
    expect(Elow(range.lower)).toBeCloseTo(r.bounds.lower, 6);
    // Lower end by hand: 1 − 9/y = −9.244444/3 = −3.081481 → y = 9/4.081481 = 2.205082
    expect(range.lower).toBeCloseTo(2.205082, 5);
    expect(range.upper).toBeGreaterThan(27);
    expect(range.upper).toBeLessThan(81);
  });
});

describe('quantiles by selection', () => {
  it('are simple-statistics’ quantileSorted of the sorted values', () => {
    // Seeded (mulberry32): ties, runs of equal values, sizes around the insertion-sort cut-off.
    let a = 41;
    const rnd = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (let t = 0; t < 3000; t++) {
      const n = t % 50 === 0 ? 3000 : 1 + Math.floor(rnd() * 300);
      const ties = rnd() < 0.5;
      const xs = Array.from({ length: n }, () => (ties ? Math.floor(rnd() * 6) : (rnd() - 0.2) * 10 ** Math.floor(rnd() * 6)));
      const sorted = [...xs].sort((x, y) => x - y);
      const want = [0.25, 0.5, 0.75].map((p) => quantileSorted(sorted, p));
      expect(Array.from(quantilesBySelection(Float64Array.from(xs), n, [0.25, 0.5, 0.75]))).toEqual(want);
      expect(Array.from(quantilesBySelection(Float64Array.from(xs), n, [0.5]))).toEqual([want[1]]);
      // Any ascending quantiles, each read after the ones before.
      const ps = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => 0.01 + 0.98 * rnd()).sort((x, y) => x - y);
      expect(Array.from(quantilesBySelection(Float64Array.from(xs), n, ps))).toEqual(ps.map((p) => quantileSorted(sorted, p)));
    }
  });
});

describe('detectAnomalies: HB across the districts of a long table', () => {
  const rows: CellValue[][] = [['地区', '年份', '指标', '单位', '数值']];
  for (const u of units) {
    rows.push([`${u.id}区`, 2022, '行政处罚案件', '件', u.y1]);
    rows.push([`${u.id}区`, 2023, '行政处罚案件', '件', u.y2]);
  }
  const wb = workbook('全市.xlsx', grid('汇总', rows));
  const panel = buildPanel([{ file: wb.name, model: analyzeWorkbook(wb).model }]);
  const only = { detectors: { yoy: false, robust: false, structure: false } };

  it('flags the small district jumping ×9 and not the large one with a normal ratio', () => {
    const found = detectAnomalies(panel, only);
    expect(found.map((f) => f.entity)).toEqual(['F区']);
    const f = found[0];
    expect(f.ruleId).toBe('history.hb');
    expect(f.method).toBe('hb');
    expect(f.cells.map((c) => c.address)).toEqual(['E13', 'E12']); // 2023 row, then 2022 row
    expect(f.values).toEqual([81, 9]);
    expect(f.detail.stats).toMatchObject({ ratio: 9, medianRatio: 1, n: 7, U: 0.5, A: 0.05 });
    expect(f.detail.stats!.E).toBeCloseTo(72, 9);
    expect(f.detail.stats!.upperE).toBeCloseTo(13.333333, 6);
    // The clerk's sentence (the values, and the range a region of this size would have) is the
    // message; the statistics are the details.
    expect(f.message['zh-CN']).toMatch(/^“行政处罚案件”F区2023年为 81，2022年为 9，变化与其他 7 个地区相差过大：按该地区规模，2023年应在 2\.21～\d+(\.\d+)? 之间。$/);
    expect(f.message['en-US']).toMatch(
      /^"行政处罚案件" \(F区\) is 81 in 2023 and was 9 in 2022, a change unlike the other 7 regions': for a region of this size 2023 should lie between 2\.21 and \d+(\.\d+)?\.$/,
    );
    expect(f.details).toEqual({
      'zh-CN': '2023年与2022年之比 9，各地区比值中位数 1；HB 得分 E = 72，界限 -9.244～13.333（Hidiroglou–Berthelot，U = 0.5，A = 0.05，C = 4）。',
      'en-US': 'The ratio 2023/2022 is 9, median ratio of the regions 1; HB score E = 72, bounds -9.244 to 13.333 (Hidiroglou–Berthelot, U = 0.5, A = 0.05, C = 4).',
    });
    for (const lang of ['zh-CN', 'en-US'] as const) expect(f.message[lang]).not.toMatch(/HB|E =|详情|Details|ratio|之比/);
  });

  it('needs at least minEntities districts', () => {
    expect(detectAnomalies(panel, { ...only, hb: { minEntities: 8 } })).toEqual([]);
  });

  it('leaves out an outlier whose deviation is under the floor (1 → 9 件), unless useFloor is off', () => {
    const small = [...rows.slice(0, 11), ['F区', 2022, '行政处罚案件', '件', 1], ['F区', 2023, '行政处罚案件', '件', 9], ...rows.slice(13)];
    const wb2 = workbook('全市.xlsx', grid('汇总', small));
    const p2 = buildPanel([{ file: wb2.name, model: analyzeWorkbook(wb2).model }]);
    // F: r = 9, s = 8, E = 8·√9 = 24 > 13.33 — an HB outlier, but |9 − 1·1| = 8 ≤ 10.
    expect(detectAnomalies(p2, only)).toEqual([]);
    expect(detectAnomalies(p2, { ...only, hb: { useFloor: false } }).map((f) => f.entity)).toEqual(['F区']);
  });
});
