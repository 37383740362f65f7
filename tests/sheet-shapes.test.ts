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
