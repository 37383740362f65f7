// Checks the sheet generators of tests/helpers/shapes.ts themselves (no engine reader here): that a
// seed always gives the same sheet, that the clean sheets really add up, that every planted error
// breaks exactly its group by the recorded difference, and that the layout variations occur.
import type { CellValue, SheetGrid } from '../src/core/types';
import { fromA1 } from '../src/core/a1';
import { countyForm, districtCrossTab, mulberry32, toA1, type GeneratedSheet } from './helpers/shapes';

const SEEDS = Array.from({ length: 80 }, (_, i) => i);
const MANY = Array.from({ length: 300 }, (_, i) => i);

type Gen = (seed: number, errors?: number) => GeneratedSheet;
const SHAPES: Array<[string, Gen]> = [
  ['districtCrossTab', (s, errors) => districtCrossTab(s, { errors })],
  ['districtCrossTab transposed', (s, errors) => districtCrossTab(s, { errors, transpose: true })],
  ['countyForm', (s, errors) => countyForm(s, { errors })],
];
const MANDATED = ['法制审核率', '投诉处理完结率', '出庭应诉率'];

function cell(g: SheetGrid, address: string): CellValue {
  const p = fromA1(address);
  if (!p) throw new Error(`bad address ${address}`);
  const row = g.values[p.row - g.originRow];
  if (!row || p.col - g.originCol < 0 || p.col - g.originCol >= row.length) throw new Error(`${address} is outside the grid`);
  return row[p.col - g.originCol];
}
const num = (g: SheetGrid, a: string): number => {
  const v = cell(g, a);
  if (typeof v !== 'number') throw new Error(`${a} holds ${JSON.stringify(v)}, not a number`);
  return v;
};
const r6 = (x: number): number => Math.round(x * 1e6) / 1e6 + 0; // + 0 turns -0 into 0
const residual = (g: SheetGrid, grp: GeneratedSheet['groups'][number]): number => r6(num(g, grp.total) - grp.parts.reduce((s, p) => s + num(g, p), 0));
/** A rate cell in percentage points, whether typed 0.92 (fraction sheet), 92 or '92%'. */
function points(v: CellValue): number {
  if (typeof v === 'string') return Number(v.replace('%', ''));
  if (typeof v !== 'number') throw new Error(`rate cell holds ${JSON.stringify(v)}`);
  return r6(v <= 1 ? v * 100 : v);
}
/** The strings of a cell's row to its left and of its column above it (its labels and headers). */
function labelsOf(g: SheetGrid, address: string): string[] {
  const p = fromA1(address)!;
  const [r, c] = [p.row - g.originRow, p.col - g.originCol];
  const out = [...g.values[r].slice(0, c), ...g.values.slice(0, r).map((row) => row[c])];
  return out.filter((v): v is string => typeof v === 'string');
}
/** Data cells of mandated rates: labelled with a mandated rate name and not with 增减. */
const rateCells = (s: GeneratedSheet): string[] =>
  s.dataCells.filter((a) => {
    const labels = labelsOf(s.grid, a);
    return labels.some((l) => MANDATED.some((m) => l.includes(m))) && !labels.some((l) => l.includes('增减'));
  });

describe('mulberry32 and toA1', () => {
  it('gives the same floats in [0, 1) for a seed and different ones for another seed', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(mulberry32(43)()).not.toBe(xs[0]);
  });
  it('writes 0-based row and column as an A1 address', () => {
    expect([toA1(0, 0), toA1(2, 1), toA1(9, 26)]).toEqual(['A1', 'B3', 'AA10']);
  });
});

describe.each(SHAPES)('%s', (name, gen) => {
  it('is deterministic for a seed and differs across seeds', () => {
    for (const s of SEEDS.slice(0, 20)) expect(gen(s)).toEqual(gen(s));
    const distinct = new Set(SEEDS.slice(0, 20).map((s) => JSON.stringify(gen(s).grid.values)));
    expect(distinct.size).toBe(20);
  });

  it('builds a rectangular grid whose addresses all lie inside it, with the period written somewhere', () => {
    for (const s of SEEDS) {
      const g = gen(s);
      const { values, originRow, originCol } = g.grid;
      const width = values[0].length;
      expect(values.every((r) => r.length === width)).toBe(true);
      expect(values[0].some((v) => v !== null)).toBe(true); // the used range starts at the origin row
      expect(values.some((r) => r[0] !== null)).toBe(true); // … and column
      expect([originRow, originCol].every((o) => o >= 0 && o <= 2)).toBe(true);
      for (const extra of [g.grid.numberFormats, g.grid.indents]) if (extra) expect(extra.map((r) => r.length)).toEqual(values.map(() => width));
      const all = [...g.dataCells, ...g.groups.flatMap((x) => [x.total, ...x.parts]), ...g.expected.map((e) => e.address)];
      const inside = (a: string): boolean => {
        const p = fromA1(a)!;
        return p.row - originRow >= 0 && p.row - originRow < values.length && p.col - originCol >= 0 && p.col - originCol < width;
      };
      expect(all.filter((a) => !inside(a))).toEqual([]);
      expect(new Set(g.dataCells).size).toBe(g.dataCells.length);
      // The year is in the sheet name or in a title line above the table.
      const texts = [g.grid.name, ...values.slice(0, 3).map((r) => r[0])].filter((v) => typeof v === 'string').join(' ');
      expect(texts).toContain(g.period);
      const strings = new Set(values.flat().filter((v) => typeof v === 'string'));
      for (const e of g.entities) expect([...strings].some((t) => (t as string).includes(e))).toBe(true);
      expect(g.indicators.every((i) => !/^[\s　]|其中|^[（(]?[一二三四五六七八九十\d①-⑩]/.test(i))).toBe(true);
    }
  });

  it('lays each group out along one line: parts in the total\'s column (rows) or row (columns)', () => {
    for (const s of SEEDS) {
      const bad = gen(s).groups.filter((grp) => {
        const t = fromA1(grp.total)!;
        const ps = grp.parts.map((a) => fromA1(a)!);
        const inLine = ps.every((p) => (grp.direction === 'rows' ? p.col === t.col : p.row === t.row));
        return grp.parts.length < 2 || grp.parts.includes(grp.total) || !inLine;
      });
      expect(bad).toEqual([]);
    }
  });

  it('lists every number in the body as a data cell, except 序号, 排名 and header years', () => {
    for (const s of SEEDS) {
      const g = gen(s);
      const data = new Set(g.dataCells);
      g.grid.values.forEach((row, r) =>
        row.forEach((v, c) => {
          const a = toA1(r + g.grid.originRow, c + g.grid.originCol);
          if (typeof v !== 'number' || data.has(a)) return;
          const ordinal = labelsOf(g.grid, a).some((l) => l === '序号' || l === '排名');
          expect({ a, v, ok: Number.isInteger(v) && (ordinal || (v >= 2000 && v <= 2030)) }).toEqual({ a, v, ok: true });
        }),
      );
      for (const a of g.dataCells) expect(cell(g.grid, a)).not.toBeNull();
    }
  });

  it('clean variant: no findings expected, every group adds up, every mandated rate is 100 %', () => {
    for (const s of SEEDS) {
      const g = gen(s, 0);
      expect(g.expected).toEqual([]);
      for (const grp of g.groups) expect({ total: grp.total, residual: residual(g.grid, grp) }).toEqual({ total: grp.total, residual: 0 });
      const rates = rateCells(g);
      expect(rates.length).toBeGreaterThan(0);
      for (const a of rates) expect({ a, p: points(cell(g.grid, a)) }).toEqual({ a, p: 100 });
    }
  });

  it('planted variant: each finding breaks its group by the recorded difference, and nothing else breaks', () => {
    for (const s of SEEDS) {
      const g = gen(s);
      expect(g.expected.filter((e) => e.note.startsWith('planted:'))).toHaveLength(3);
      expect(g.expected.every((e) => /^(planted|consequence):/.test(e.note) && e.sheet === g.grid.name)).toBe(true);
      expect(new Set(g.expected.map((e) => `${e.kind} ${e.address}`)).size).toBe(g.expected.length);
      for (const e of g.expected) {
        expect(e.difference).not.toBe(0);
        if (e.kind === 'rate') {
          expect(rateCells(g)).toContain(e.address);
          expect(r6(points(cell(g.grid, e.address)) - 100)).toBe(e.difference);
        } else {
          const hits = g.groups.filter((grp) => grp.total === e.address && residual(g.grid, grp) === e.difference);
          expect({ e, hits: hits.length }).toEqual({ e, hits: 1 });
        }
      }
      // The other direction: every broken group and every low rate is among the expected findings.
      for (const grp of g.groups) {
        const d = residual(g.grid, grp);
        if (d !== 0) expect(g.expected.some((e) => e.kind !== 'rate' && e.address === grp.total && e.difference === d)).toBe(true);
      }
      for (const a of rateCells(g)) if (points(cell(g.grid, a)) < 100) expect(g.expected.some((e) => e.kind === 'rate' && e.address === a)).toBe(true);
    }
  });

  it('plants on the clean sheet: same layout, and only data cells differ', () => {
    for (const s of SEEDS) {
      const [clean, bad] = [gen(s, 0), gen(s, 3)];
      const { grid: cg, expected: _ce, ...cleanRest } = clean;
      const { grid: bg, expected: _be, ...badRest } = bad;
      expect(badRest).toEqual(cleanRest);
      expect(bg.values.length).toBe(cg.values.length);
      const data = new Set(clean.dataCells);
      let changed = 0;
      cg.values.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === bg.values[r][c]) return;
          changed++;
          expect(data.has(toA1(r + cg.originRow, c + cg.originCol))).toBe(true);
        }),
      );
      expect(changed).toBeGreaterThanOrEqual(3);
      // A plant breaks only its own group; the one exception is a district's balance mistake, which
      // the cross-tab's total row (column sums as typed) inherits in its own 合计.
      const planted = bad.expected.filter((e) => e.note.startsWith('planted:'));
      const consequences = bad.expected.filter((e) => e.note.startsWith('consequence:'));
      const inherited = name.startsWith('county') ? 0 : planted.filter((e) => e.kind === 'balance').length;
      expect(consequences).toHaveLength(inherited);
      expect(consequences.every((e) => e.kind === 'balance')).toBe(true);
    }
  });

  it('honours the number of errors asked for', () => {
    for (const s of SEEDS.slice(0, 20)) {
      for (const n of [1, 2, 5]) expect(gen(s, n).expected.filter((e) => e.note.startsWith('planted:'))).toHaveLength(n);
    }
  });

  it('varies the plants over seeds: all kinds, many differences, rates given in every form', () => {
    const kinds = new Set<string>();
    const diffs = new Set<number>();
    for (const s of MANY) {
      for (const e of gen(s).expected) {
        kinds.add(e.kind);
        diffs.add(e.difference);
      }
    }
    expect(diffs.size).toBeGreaterThan(20);
    expect([...kinds].sort()).toEqual(name.startsWith('county') ? ['balance', 'rate'] : ['balance', 'entity-total', 'rate']);
  });
});

describe('districtCrossTab variations', () => {
  const sheets = MANY.map((s) => districtCrossTab(s));
  const transposed = MANY.slice(0, 100).map((s) => districtCrossTab(s, { transpose: true }));
  const traits = new Set([...sheets, ...transposed].flatMap((g) => g.traits));

  it.each([
    'header-merged', 'header-inline', 'units-header', 'units-titleLine', 'units-row', 'rates-fraction', 'rates-points', 'rates-some-text',
    'total-first', 'total-last', 'year-in-title', 'year-only-in-sheet-name', 'seq-column', 'seq-column-total-in-seq', 'no-entity-header',
    'group-total-last', 'with-change', 'with-changeRate', 'with-rank', 'with-note', 'second-title-line', 'footer', 'number-formats', 'transposed',
  ])('some seed gives %s', (t) => expect(traits).toContain(t));

  it('has 5 to 15 districts, with both ends reached, and names ending in 区/县/市/镇/街道', () => {
    const counts = sheets.map((g) => g.entities.length);
    expect(Math.min(...counts)).toBe(5);
    expect(Math.max(...counts)).toBe(15);
    for (const g of sheets) expect(g.entities.every((e) => /(区|县|市|镇|街道)$/.test(e))).toBe(true);
  });

  it('puts the year only in the sheet name when the title has none', () => {
    for (const g of sheets.filter((x) => x.traits.includes('year-only-in-sheet-name'))) {
      expect(g.grid.name).toContain(g.period);
      expect(g.grid.values.flat().filter((v) => typeof v === 'string' && v.includes(g.period) && !v.startsWith('注'))).toEqual([]);
    }
  });

  it('writes a merged group header as Office.js does: text over the first sub-column, null over the rest', () => {
    for (const g of sheets.filter((x) => x.traits.includes('header-merged'))) {
      const district = fromA1(g.dataCells[0])!.row;
      const balance = g.groups.filter((x) => x.direction === 'columns' && fromA1(x.total)!.row === district);
      expect(balance.length).toBeGreaterThan(0);
      for (const grp of balance) {
        const cols = [grp.total, ...grp.parts].map((a) => fromA1(a)!.col - g.grid.originCol);
        const found = g.grid.values.slice(0, district - g.grid.originRow).some((row, r, rows) => {
          const texts = cols.filter((c) => typeof row[c] === 'string');
          const below = rows[r + 1];
          return texts.length === 1 && cols.every((c) => row[c] === null || texts.includes(c)) && !!below && cols.every((c) => typeof below[c] === 'string');
        });
        expect({ total: grp.total, found }).toEqual({ total: grp.total, found: true });
      }
    }
  });

  it('stores mandated rates as fractions, percentage points and text across sheets', () => {
    const forms = new Set<string>();
    for (const g of sheets) {
      for (const a of rateCells(g)) {
        const v = cell(g.grid, a);
        forms.add(typeof v === 'string' ? 'text' : v === 1 ? 'fraction' : v === 100 ? 'points' : 'other');
      }
    }
    expect(forms).toEqual(new Set(['text', 'fraction', 'points', 'other']));
  });

  it('transposed: districts across one row, the balance groups down the columns', () => {
    for (const g of transposed) {
      const rows = new Set(g.entities.map((e) => g.grid.values.findIndex((r) => r.includes(e))));
      expect(rows.size).toBe(1);
      expect(g.groups.some((x) => x.direction === 'rows')).toBe(true);
      expect(g.groups.some((x) => x.direction === 'columns')).toBe(true);
    }
  });
});

describe('countyForm variations', () => {
  const forms = MANY.map((s) => countyForm(s));
  const traits = new Set(forms.flatMap((g) => g.traits));

  it.each([
    'codes-column', 'codes-label', 'codes-none', 'indent-aligned', 'indent-spaces', 'indent-grid', 'seq-running', 'seq-absent', 'years-2', 'years-3',
    'rates-fraction', 'rates-points', 'year-header-number', 'year-header-年', 'year-header-年度', 'unit-column', 'unit-in-label', 'delta-增减',
    'delta-比上年增减', 'delta-增减率', 'no-delta', 'note-column', 'no-note', 'list-under-heading', 'list-after-blank', 'part-codes-①',
    'part-codes-（1）', 'item-codes-（一）',
  ])('some seed gives %s', (t) => expect(traits).toContain(t));

  it('has 合计/小计 rows below their lists and totals above their breakdowns', () => {
    let below = 0;
    let above = 0;
    for (const g of forms) {
      for (const grp of g.groups) {
        const t = fromA1(grp.total)!.row;
        const rows = grp.parts.map((a) => fromA1(a)!.row);
        if (rows.every((r) => r < t)) {
          below++;
          expect(labelsOf(g.grid, grp.total).some((l) => /^(合计|小计)$/.test(l.trim()))).toBe(true);
        } else {
          above++;
          expect(rows.every((r) => r > t)).toBe(true);
          expect(labelsOf(g.grid, grp.parts[0]).some((l) => l.includes('其中'))).toBe(true);
        }
      }
    }
    expect(below).toBeGreaterThan(0);
    expect(above).toBeGreaterThan(0);
  });

  it('fills 增减 with the later year minus the earlier one, as typed', () => {
    let checked = 0;
    for (const g of forms.filter((x) => x.traits.some((t) => t === 'delta-增减' || t === 'delta-比上年增减'))) {
      const head = g.grid.values.find((r) => r.some((v) => v === '增减' || v === '比上年增减'))!;
      const dc = head.findIndex((v) => v === '增减' || v === '比上年增减');
      const years = head.map((v, c) => (/^20\d\d(年|年度)?$/.test(String(v)) ? c : -1)).filter((c) => c >= 0);
      const [a, b] = years.slice(-2);
      for (const row of g.grid.values) {
        if (typeof row[a] === 'number' && typeof row[b] === 'number' && row !== head) {
          expect(row[dc]).toBeCloseTo((row[b] as number) - (row[a] as number), 6);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('writes outline codes where the trait says, and the Excel indent grid only with indent-grid', () => {
    for (const g of forms) {
      const strings = g.grid.values.flat().filter((v): v is string => typeof v === 'string');
      if (g.traits.includes('codes-label')) expect(strings.some((t) => /^[（(]?[一二三\d][）)、.]/.test(t.trim()) && t.length > 3)).toBe(true);
      if (g.traits.includes('codes-column')) expect(strings).toContain('一、');
      expect(strings.some((t) => t.startsWith('一、'))).toBe(true);
      expect(!!g.grid.indents).toBe(g.traits.includes('indent-grid'));
      if (g.grid.indents) expect(g.grid.indents.flat()).toContain(1);
      expect(g.entities).toHaveLength(1);
    }
  });
});
