// Rates under a % unit are stored either as fractions (1, 0.92) or as percentage points (100, 92);
// all of an indicator's values on the sheet tell which.
import { checkWorkbook } from '../src/core/engine';
import type { CellValue, SheetGrid } from '../src/core/types';

const DISTRICTS = ['市中区', '沙湾区', '五通桥区', '犍为县', '井研县', '夹江县'];

/** A long table 地区 | 年份 | 指标 | 数值 | 单位 with a mandated rate written as `rate(i)`. */
function longTable(rate: (i: number) => CellValue): SheetGrid {
  const values: CellValue[][] = [['地区', '年份', '指标', '数值', '单位']];
  let i = 0;
  for (const d of DISTRICTS) {
    for (const y of [2022, 2023]) {
      values.push([d, y, '行政处罚案件', 100 + i, '件']);
      values.push([d, y, '法制审核率', rate(i), '%']);
      i++;
    }
  }
  return { name: '长表', originRow: 0, originCol: 0, values };
}

function rateErrors(grid: SheetGrid) {
  return checkWorkbook({ name: 't.xlsx', sheets: [grid] }, { history: false }).findings.filter((f) => f.ruleId.startsWith('rate.mandated') || f.ruleId === 'range.rate');
}

describe('percent semantics of a % unit', () => {
  test('fractions (1 = 100 %): clean values give no finding, the shortfall reads as the user wrote it', () => {
    expect(rateErrors(longTable(() => 1))).toEqual([]);
    const found = rateErrors(longTable((i) => (i === 3 ? 0.92 : 1)));
    expect(found).toHaveLength(1);
    expect(found[0].cells[0].address).toBe('D9');
    expect(found[0].message['zh-CN']).toContain('92');
    expect(found[0].message['zh-CN']).not.toContain('0.92%');
  });

  test('percentage points (100, 92) stay points', () => {
    expect(rateErrors(longTable(() => 100))).toEqual([]);
    const found = rateErrors(longTable((i) => (i === 3 ? 92 : 100)));
    expect(found).toHaveLength(1);
    expect(found[0].cells[0].address).toBe('D9');
  });

  test('one value above 1 makes the whole indicator points: a 1 there is then 1 %', () => {
    const found = rateErrors(longTable((i) => (i === 0 ? 1 : 100)));
    expect(found.map((f) => f.cells[0].address)).toEqual(['D3']);
  });

  test('text 100% and %-formatted numbers keep their own meaning beside fractions', () => {
    const grid = longTable((i) => (i === 2 ? '100%' : 1));
    grid.numberFormats = grid.values.map((r, k) => r.map((_, c) => (k === 10 && c === 3 ? '0%' : 'General')));
    expect(rateErrors(grid)).toEqual([]);
  });

  test('a wide form with the unit at the end of the label (法制审核率（%）) and fractions', () => {
    const grid: SheetGrid = {
      name: '指标',
      originRow: 0,
      originCol: 0,
      values: [
        ['指标', '2022年', '2023年'],
        ['重大执法决定（件）', 12, 15],
        ['法制审核率（%）', 1, 0.8],
      ],
    };
    const found = rateErrors(grid);
    expect(found.map((f) => f.cells[0].address)).toEqual(['C3']);
    expect(found[0].message['zh-CN']).toContain('80');
  });
});
