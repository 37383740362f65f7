// Sheets shaped as supervisors' and counties' own forms (tests/helpers/shapes.ts makes them, with
// varied wording, merges, codes, units and orientation): every planted error is found at its cell,
// and no clean cell is reported as an error.
import { checkWorkbook } from '../src/core/engine';
import type { Finding, SheetGrid } from '../src/core/types';
import { countyForm, districtCrossTab, type GeneratedSheet } from './helpers/shapes';

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

function check(g: GeneratedSheet): Finding[] {
  return checkWorkbook({ name: '测试.xlsx', sheets: [g.grid] }, { history: false }).findings;
}

/** The kind of finding a planted error must give at its cell. */
function matches(f: Finding, kind: string): boolean {
  if (kind === 'rate') return f.ruleId.startsWith('rate.mandated');
  if (kind === 'entity-total') return f.ruleId.startsWith('balance.entities');
  return f.ruleId === 'balance.mismatch' || f.ruleId === 'balance.exceeds' || f.ruleId.startsWith('balance.entities');
}

function describeSheet(g: GeneratedSheet): string {
  return `${g.grid.name} [${g.traits.join(', ')}]\n${g.grid.values.map((r) => r.map((v) => (v === null ? '' : String(v))).join('\t')).join('\n')}`;
}

function expectPlantedFound(g: GeneratedSheet): void {
  const findings = check(g);
  const errors = findings.filter((f) => f.severity === 'error');
  for (const p of g.expected) {
    const hit = errors.find((f) => f.cells[0].address === p.address && matches(f, p.kind));
    if (!hit) throw new Error(`planted ${p.kind} at ${p.address} (${p.note}) not found; errors: ${errors.map((f) => `${f.ruleId}@${f.cells[0].address}`).join(', ')}\n${describeSheet(g)}`);
    if (p.kind !== 'rate' && hit.difference !== undefined && hit.difference !== null) {
      // The difference as typed: total − sum of parts (money in 万元 columns is in 元 in findings).
      const scale = Math.abs(p.difference) > 0 ? Math.abs(hit.difference / p.difference) : 1;
      expect([1, 10000]).toContain(Math.round(scale));
      expect(Math.sign(hit.difference)).toBe(Math.sign(p.difference));
    }
  }
  // No error at a cell that holds no planted mistake (nor its consequence).
  const planted = new Set(g.expected.map((p) => p.address));
  const stray = errors.filter((f) => !planted.has(f.cells[0].address));
  if (stray.length > 0) throw new Error(`clean cells reported: ${stray.map((f) => `${f.ruleId}@${f.cells[0].address}: ${f.message['zh-CN']}`).join('\n')}\n${describeSheet(g)}`);
}

describe('district cross-tabs (districts × indicators, one period)', () => {
  test.each(SEEDS)('seed %i: every planted error found, no clean cell flagged', (seed) => {
    expectPlantedFound(districtCrossTab(seed, { errors: 3 }));
  });
  test.each(SEEDS.slice(0, 20))('seed %i transposed: the same', (seed) => {
    expectPlantedFound(districtCrossTab(seed, { errors: 3, transpose: true }));
  });
  test.each(SEEDS.slice(0, 20))('seed %i clean: no error and the sheet is read as a cross-tab', (seed) => {
    for (const transpose of [false, true]) {
      const g = districtCrossTab(seed, { errors: 0, transpose });
      const r = checkWorkbook({ name: '测试.xlsx', sheets: [g.grid] }, { history: false });
      expect(r.sheets[0].layout).toBe('cross-tab');
      const errors = r.findings.filter((f) => f.severity === 'error');
      if (errors.length > 0) throw new Error(`${errors.map((f) => `${f.ruleId}@${f.cells[0].address}: ${f.message['zh-CN']}`).join('\n')}\n${describeSheet(g)}`);
      // Every district is an entity of the model.
      expect(new Set(r.findings.map((f) => f.entity).filter(Boolean)).size).toBeLessThanOrEqual(g.entities.length + 1);
    }
  });
});

describe('county forms (sections, 其中 with numbered siblings, 合计 below its list)', () => {
  test.each(SEEDS)('seed %i: every planted error found, no clean cell flagged', (seed) => {
    expectPlantedFound(countyForm(seed, { errors: 3 }));
  });
  test.each(SEEDS.slice(0, 20))('seed %i clean: no error', (seed) => {
    const g = countyForm(seed, { errors: 0 });
    const errors = check(g).filter((f) => f.severity === 'error');
    if (errors.length > 0) throw new Error(`${errors.map((f) => `${f.ruleId}@${f.cells[0].address}: ${f.message['zh-CN']}`).join('\n')}\n${describeSheet(g)}`);
  });
});

/** Findings keyed by what they are about, not where: rule, entity, indicator, period. */
function byMeaning(findings: Finding[]): string[] {
  return findings
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.ruleId}|${f.entity ?? ''}|${f.indicator ?? ''}|${f.period ?? ''}`)
    .sort();
}

function permuteRows(grid: SheetGrid, from: number, to: number, seed: number): SheetGrid {
  const rows = grid.values.slice(from, to);
  let s = seed;
  for (let i = rows.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return { ...grid, values: [...grid.values.slice(0, from), ...rows, ...grid.values.slice(to)], numberFormats: undefined };
}

/**
 * The table as a person would lay it out the other way round: the title lines stay on top, the
 * table from its header row down is transposed, and a 序号 column (which no one turns into a row)
 * is left out.
 */
function transposeGrid(grid: SheetGrid, headerRow: number): SheetGrid {
  const title = grid.values.slice(0, headerRow);
  const seq = new Set(grid.values[headerRow].map((v, c) => (typeof v === 'string' && /^序号$/.test(v.trim()) ? c : -1)).filter((c) => c >= 0));
  const body = grid.values.slice(headerRow).filter((r) => r.filter((v) => v !== null && v !== '').length > 1);
  const width = Math.max(...body.map((r) => r.length));
  const turned: SheetGrid['values'] = [];
  for (let c = 0; c < width; c++) if (!seq.has(c)) turned.push(body.map((r) => r[c] ?? null));
  const w = Math.max(body.length, 1);
  const values = [...title.map((r) => [r.find((v) => v !== null) ?? null, ...new Array(w - 1).fill(null)]), ...turned];
  return { name: grid.name, originRow: 0, originCol: 0, values };
}

describe('properties of the cross-tab reading', () => {
  test.each(SEEDS.slice(0, 15))('seed %i: permuting the district rows leaves the findings unchanged', (seed) => {
    const g = districtCrossTab(seed, { errors: 3 });
    const plain = { ...g.grid, numberFormats: undefined };
    const base = byMeaning(check({ ...g, grid: plain }));
    // The district rows: the ones whose label is a district name of the generator.
    const first = plain.values.findIndex((r) => r.some((v) => typeof v === 'string' && g.entities.includes(v)));
    let last = first;
    while (last < plain.values.length && plain.values[last].some((v) => typeof v === 'string' && g.entities.includes(v))) last++;
    expect(last - first).toBeGreaterThanOrEqual(2);
    const permuted = permuteRows(plain, first, last, seed);
    expect(byMeaning(check({ ...g, grid: permuted }))).toEqual(base);
  });

  test.each(SEEDS.slice(0, 15))('seed %i: transposing a single-row-header cross-tab gives the same findings', (seed) => {
    const g = districtCrossTab(seed, { errors: 2 });
    const grid = { ...g.grid, numberFormats: undefined };
    // Only tables whose header is one row transpose into a table a person would make: a merged
    // two-row header becomes two label columns, which no one writes.
    const headerRow = grid.values.findIndex((r) => r.filter((v) => v !== null && v !== '').length > 2);
    const below = grid.values[headerRow + 1] ?? [];
    if (below.slice(1).some((v) => typeof v === 'string' && !g.entities.includes(v) && v.trim() !== '')) return;
    const base = byMeaning(check({ ...g, grid }));
    const t = transposeGrid(grid, headerRow);
    expect(byMeaning(check({ ...g, grid: t }))).toEqual(base);
  });
});

describe('cross-tabs over several years', () => {
  /** One year's city table: districts × (行政处罚案件, 罚没款（万元）) with a 全市合计 row. */
  function year(y: number, cases: number[], fines: number[]): SheetGrid {
    const names = ['市中区', '沙湾区', '五通桥区', '犍为县', '井研县', '夹江县'];
    const values: SheetGrid['values'] = [[`${y}年各区县执法情况`, null, null], ['区县', '行政处罚案件（件）', '罚没款（万元）']];
    names.forEach((n, i) => values.push([n, cases[i], fines[i]]));
    values.push(['全市合计', cases.reduce((a, b) => a + b, 0), Math.round(fines.reduce((a, b) => a + b, 0) * 100) / 100]);
    return { name: `${y}`, originRow: 0, originCol: 0, values };
  }

  test('sheets of different years feed the cross-year and cross-district detectors like a long table', () => {
    const y2022 = year(2022, [100, 40, 30, 50, 45, 60], [70.1, 20.2, 15.3, 30.4, 25.5, 40.6]);
    // 五通桥区's cases jump ×5 while the others grow ~10 %; 沙湾区's fines ×10 (a digit too many?).
    const y2023 = year(2023, [110, 44, 150, 55, 50, 66], [77.1, 202, 16.8, 33.4, 28.1, 44.7]);
    const r = checkWorkbook({ name: '乐山市.xlsx', sheets: [y2022, y2023] });
    expect(r.sheets.map((s) => s.layout)).toEqual(['cross-tab', 'cross-tab']);
    const history = r.findings.filter((f) => f.ruleId.startsWith('history.'));
    const about = (entity: string, indicator: string) => history.filter((f) => f.entity === entity && f.indicator?.startsWith(indicator)).map((f) => f.ruleId);
    expect(about('五通桥区', '行政处罚案件')).toEqual(expect.arrayContaining(['history.yoy']));
    expect(about('五通桥区', '行政处罚案件').some((id) => id === 'history.hb')).toBe(true);
    expect(about('沙湾区', '罚没款')).toEqual(expect.arrayContaining(['history.yoy.scale']));
    // The districts that grew ~10 % are quiet.
    expect(about('市中区', '行政处罚案件')).toEqual([]);
    expect(about('犍为县', '罚没款')).toEqual([]);
    // Each finding names both years and points at the current year's cell.
    const jump = history.find((f) => f.entity === '五通桥区' && f.ruleId === 'history.yoy');
    expect(jump?.cells[0]).toMatchObject({ sheet: '2023', address: 'B5' });
    expect(jump?.series?.map((p) => p.period)).toEqual(['2022', '2023']);
  });
});

describe('permuting indicator column groups', () => {
  /** Blocks of columns that move together: a header cell and the merged sub-columns under it. */
  function columnBlocks(grid: SheetGrid, headerRow: number, labelCols: number): number[][] {
    const top = grid.values[headerRow];
    const blocks: number[][] = [];
    for (let c = labelCols; c < top.length; c++) {
      if (top[c] !== null || blocks.length === 0) blocks.push([c]);
      else blocks[blocks.length - 1].push(c);
    }
    return blocks;
  }

  // Merged two-row headers, districts down the rows: a one-row header's 其中 run is found by its
  // place and its sums, so it does not move apart from its total.
  const MERGED = SEEDS.filter((seed) => {
    const t = districtCrossTab(seed, { errors: 3 }).traits;
    return t.includes('header-merged') && !t.includes('transposed');
  });

  test('the generator gives enough such tables', () => expect(MERGED.length).toBeGreaterThanOrEqual(8));

  test.each(MERGED)('seed %i: findings by district and indicator do not depend on the order of indicator groups', (seed) => {
    const g = districtCrossTab(seed, { errors: 3 });
    const grid = { ...g.grid, numberFormats: undefined };
    const headerRow = grid.values.findIndex((r) => r.filter((v) => v !== null && v !== '').length > 2);
    const labelCols = grid.values[headerRow].findIndex((v, c) => c > 0 && v !== null && !/序号|区|县|单位|地区/.test(String(v))) ;
    const blocks = columnBlocks(grid, headerRow, labelCols);
    const order = blocks.slice().reverse().flat();
    const permuted = { ...grid, values: grid.values.map((r) => [...r.slice(0, labelCols), ...order.map((c) => r[c] ?? null), ...r.slice(labelCols + order.length)]) };
    expect(byMeaning(check({ ...g, grid: permuted }))).toEqual(byMeaning(check({ ...g, grid })));
  });
});

describe('a cross-tab with years under each indicator', () => {
  const n = null;
  const grid: SheetGrid = {
    name: '对比',
    originRow: 0,
    originCol: 0,
    values: [
      ['各区县主要执法指标对比表', n, n, n, n, n],
      ['区县', '行政处罚案件（件）', n, n, '罚没款（万元）', n],
      [n, 2022, 2023, '增减率', '2022年', '2023年'],
      ['市中区', 100, 110, 10, 70.1, 77.1],
      ['沙湾区', 40, 44, 10, 20.2, 22.2],
      ['五通桥区', 30, 150, 400, 15.3, 16.8],
      ['犍为县', 50, 55, 10, 30.4, 33.4],
      ['井研县', 45, 50, 11, 25.5, 28.1],
      ['全市合计', 265, 410, 55, 161.5, 177.6],
    ],
  };

  test('each column takes its year; the change column is left out; the years are compared', () => {
    const r = checkWorkbook({ name: 't.xlsx', sheets: [grid] }, { explain: true });
    expect(r.sheets[0].layout).toBe('cross-tab');
    const periods = r.structure?.[0].axes.find((a) => a.holds === 'periods');
    expect(periods?.items).toEqual(['2022', '2023']);
    expect(r.structure?.[0].ignored.map((i) => i.where['en-US'])).toEqual(['column D']);
    // 2023's 全市合计 of 行政处罚案件 is 410 but the districts add up to 409.
    const errors = r.findings.filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.ruleId}@${f.cells[0].address}:${f.period}`)).toEqual(['balance.entities@C9:2023']);
    // 五通桥区's ×5 jump between the two columns is a cross-year warning.
    expect(r.findings.some((f) => f.ruleId === 'history.yoy' && f.entity === '五通桥区' && f.cells[0].address === 'C6')).toBe(true);
  });
});
