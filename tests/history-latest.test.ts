// Batch checks where the districts' figures end in different years: one bureau has already sent
// 2023, the others only up to 2022. By default every district is checked at its own latest year
// (against its own previous year, and against the other districts of that year), so adding one
// district's 2023 column must not silence the 2022 checks of all the others.
import { analyzeWorkbook } from '../src/core/engine';
import { buildPanel, detectAnomalies, type Panel } from '../src/core/history';
import type { CellValue } from '../src/core/types';
import { grid, workbook } from './helpers/grid';

/** One district's wide workbook: 行政处罚案件 (件) over the given years. */
function district(name: string, figures: Record<string, number>) {
  const years = Object.keys(figures);
  const rows: CellValue[][] = [[`${name}卫生健康局法治指标`], ['指标名称', '单位', ...years.map((y) => `${y}年`)], ['行政处罚案件', '件', ...years.map((y) => figures[y])]];
  const wb = workbook(`${name}.xlsx`, grid('指标', rows));
  return { file: wb.name, model: analyzeWorkbook(wb, { entity: name }).model };
}

// Six districts up to 2022 (甲区 jumps ×9 — a yoy and an HB case), and 己区, which alone has
// sent 2023 and jumps from 120 to 400 in that year.
const inputs = () => [
  district('甲区', { 2021: 10, 2022: 90 }),
  district('乙区', { 2021: 400, 2022: 360 }),
  district('丙区', { 2021: 900, 2022: 900 }),
  district('丁区', { 2021: 144, 2022: 120 }),
  district('戊区', { 2021: 9600, 2022: 10000 }),
  district('庚区', { 2021: 225, 2022: 180 }),
  district('己区', { 2021: 100, 2022: 120, 2023: 400 }),
];

const summary = (fs: ReturnType<typeof detectAnomalies>) => fs.map((f) => `${f.ruleId} ${f.entity} ${f.period}`).sort();

/** The same panel without its columns: the detectors take their object path. */
const asObjects = (p: Panel): Panel => ({ ...p, series: p.series.map((s) => ({ ...s })) });

describe('detectors by each district’s latest year', () => {
  const panel = buildPanel(inputs());

  it('checks the districts that end in 2022 at 2022 and the one that ends in 2023 at 2023', () => {
    const found = summary(detectAnomalies(panel));
    expect(found).toEqual(expect.arrayContaining(['history.yoy.scale 甲区 2022', 'history.hb 甲区 2022', 'history.yoy 己区 2023']));
    // 2022 findings only for districts whose latest year is 2022; nothing for 己区 in 2022.
    expect(found.filter((f) => f.endsWith('2022')).every((f) => !f.includes('己区'))).toBe(true);
    expect(found.filter((f) => f.endsWith('2023')).every((f) => f.includes('己区'))).toBe(true);
  });

  it('finds the same on the panel’s columns and on its objects', () => {
    expect(summary(detectAnomalies(asObjects(panel)))).toEqual(summary(detectAnomalies(panel)));
  });

  it('gives the 2022-only districts the findings they have without 己区’s 2023', () => {
    const without = buildPanel(inputs().slice(0, 6));
    const only2022 = summary(detectAnomalies(without));
    const all = summary(detectAnomalies(panel)).filter((f) => !f.includes('己区'));
    expect(only2022.length).toBeGreaterThan(0);
    // HB's sample in 2022 has 己区 too (it has 2021 and 2022), so compare the yoy findings exactly.
    expect(all.filter((f) => f.startsWith('history.yoy'))).toEqual(only2022.filter((f) => f.startsWith('history.yoy')));
  });

  it('with a current period asked for, checks every district in that period only', () => {
    const found = summary(detectAnomalies(panel, { currentPeriod: '2023' }));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.endsWith('2023'))).toBe(true);
  });
});
