// The columnar model: the arrays the checks read agree with the objects callers read,
// both ways of reading a long table give the same model, and the fast paths of the numeric
// helpers agree with the plain definitions.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { median, medianAbsoluteDeviation } from 'simple-statistics';
import { analyzeWorkbook, checkWorkbook } from '../src/core/engine';
import { buildPanel } from '../src/core/history';
import { madOfSorted, medianInPlace } from '../src/core/history/robust';
import type { WorkbookModel } from '../src/core/checks/context';
import { Arena, SHARED_ARENA_BYTES } from '../src/core/model-columns';
import type { CellValue } from '../src/core/types';
import { formatNumber } from '../src/core/numerals';
import { numberDecimals } from '../src/core/values';
import { grid, workbook } from './helpers/grid';

/** Seeded PRNG (mulberry32), so a failure can be reproduced. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INDICATORS: Array<[string, string]> = [
  ['行政处罚案件', '件'],
  ['其中：警告', '件'],
  ['　　罚款等', '件'],
  ['罚没款', '万元'],
  ['法制审核率', '%'],
  ['投诉受理件数', '件'],
];

/** A long table of districts × years with the cell texts staff type, here and there. */
function longTable(districts: number, years: number, rnd: () => number, interleave = false): CellValue[][] {
  const texts: Array<(v: number) => CellValue> = [(v) => `${v}余`, () => '—', () => ({ error: '#N/A' }), () => '见附件', (v) => `${v}件`, (v) => -v, () => null];
  const blocks: CellValue[][][] = [];
  for (let d = 0; d < districts; d++) {
    for (let y = 0; y < years; y++) {
      const rows: CellValue[][] = [];
      for (const [label, unit] of INDICATORS) {
        let v: CellValue = unit === '%' ? 100 : unit === '万元' ? Math.round(rnd() * 10000) / 100 : 1 + Math.floor(rnd() * 300);
        if (rnd() < 0.1) v = texts[Math.floor(rnd() * texts.length)](v as number);
        rows.push([`第${d}区`, 2018 + y, label, v, unit]);
      }
      blocks.push(rows);
    }
  }
  const out: CellValue[][] = [['地区', '年份', '指标', '数值', '单位']];
  if (!interleave) for (const b of blocks) out.push(...b);
  else {
    // Every block split in two halves, the second halves after all first halves.
    for (const b of blocks) out.push(...b.slice(0, 3));
    for (const b of blocks) out.push(...b.slice(3));
  }
  return out;
}

/** The model as facts independent of where the cells are: one line per observation. */
function facts(model: WorkbookModel): string[] {
  const rows = model.rows;
  return model.observations
    .map((o) => {
      const row = rows.get(o.rowId);
      const parent = row?.parent !== undefined ? rows.get(row.parent)?.label : '';
      return [o.entity, o.period, row?.label, row?.unit, parent, o.value, o.step, o.kind, o.approximate, o.parsed.kind].join('|');
    })
    .sort();
}

describe('columnar model', () => {
  it('the arrays say what the observation and row objects say', () => {
    const rnd = prng(7);
    const long = grid('各地区', longTable(4, 3, rnd));
    const wide = grid('宽表', [
      ['指标名称', '单位', '2021年', '2022年', '2023年1-10月'],
      ['行政处罚案件', '件', 120, '约130', 100],
      ['其中：警告', '件', 57, '#DIV/0!', 50],
      ['罚没款', '万元', 94.23, '1,200', 80],
    ]);
    const { model } = analyzeWorkbook(workbook('某市.xlsx', long, wide));
    const d = model.data;
    expect(d.obsCount).toBe(model.observations.length);
    expect(d.obsCount).toBe(4 * 3 * INDICATORS.length + 3 * 2);
    model.observations.forEach((o, i) => {
      const v = d.obsValue[i];
      expect(o.value === undefined ? Number.isNaN(v) : Object.is(o.value, v)).toBe(true);
      expect(d.stepOf(i)).toBe(o.step);
      expect(d.entities.list[d.entityOf(i)]).toBe(o.entity);
      expect(d.periods.list[d.periodOf(i)]).toBe(o.period);
      expect(d.idOf(d.rowOf(i))).toBe(o.rowId);
      expect(d.address(i)).toBe(o.address);
    });
    [...model.rows.values()].forEach((r, i) => {
      expect(d.idOf(i)).toBe(r.id);
      expect(d.labels[d.rowLabel[i]].label).toBe(r.label);
      expect(d.unitOf(i)).toBe(r.unit);
      const p = d.rowParent[i];
      expect(p < 0 ? undefined : d.idOf(p)).toBe(r.parent);
    });
  });

  it('a long table read in one pass or grouped first gives the same model and the same findings', () => {
    const together = grid('各地区', longTable(6, 4, prng(11)));
    const split = grid('各地区', longTable(6, 4, prng(11), true));
    const a = analyzeWorkbook(workbook('a.xlsx', together));
    const b = analyzeWorkbook(workbook('a.xlsx', split));
    expect(facts(b.model)).toEqual(facts(a.model));
    // The same findings, apart from where the cells are.
    const what = (r: ReturnType<typeof checkWorkbook>) => r.findings.map((f) => `${f.ruleId}|${f.entity}|${f.period}|${f.indicator}`).sort();
    const ra = checkWorkbook(workbook('a.xlsx', together));
    const rb = checkWorkbook(workbook('a.xlsx', split));
    expect(what(rb)).toEqual(what(ra));
    expect(ra.findings.some((f) => f.ruleId.startsWith('balance.'))).toBe(true);
  });

  it('an indent of 0 in every cell, as the .xlsx readers give it, reads as no indents, in one pass; an indented label still nests', () => {
    const rows = longTable(6, 4, prng(13));
    const plain = grid('各地区', rows);
    const zeros = { ...plain, indents: rows.map((r) => r.map(() => 0)) };
    const a = analyzeWorkbook(workbook('a.xlsx', plain));
    const b = analyzeWorkbook(workbook('a.xlsx', zeros));
    expect(facts(b.model)).toEqual(facts(a.model));
    // The one-pass reader names its blocks only when asked (longBlock); the grouped read names each.
    const unnamed = (m: WorkbookModel) => m.data.blocks.list.filter((n) => n === '').length;
    expect(unnamed(a.model)).toBe(6 * 4);
    expect(unnamed(b.model)).toBe(6 * 4);
    // 投诉受理件数 indented once in the label column: it nests under the row above it.
    const nested = { ...plain, indents: rows.map((r) => r.map((_, j) => (j === 2 && r[2] === '投诉受理件数' ? 1 : 0))) };
    const c = analyzeWorkbook(workbook('a.xlsx', nested));
    const parentOf = (m: WorkbookModel, label: string) => [...m.rows.values()].filter((r) => r.label === label).map((r) => (r.parent !== undefined ? m.rows.get(r.parent)?.label : undefined));
    expect(new Set(parentOf(a.model, '投诉受理件数'))).toEqual(new Set([undefined]));
    expect(new Set(parentOf(c.model, '投诉受理件数'))).toEqual(new Set(['法制审核率']));
  });

  it('blocks that repeat the last one only in part read as when grouped first', () => {
    // The one-pass reader writes the rows that repeat the last block position by position in bulk
    // and stops at the first difference: a row left out or added, another unit text, a blank or
    // text-only row, a district cell written differently, a longer or shorter block.
    const rnd = prng(29);
    const base: Array<[string, string]> = [...INDICATORS, ['床位数', '张'], ['其中：公立', '张'], ['民营', '张']];
    const blocks: CellValue[][][] = [];
    // Year by year, so that consecutive blocks differ only in their district.
    for (let y = 0; y < 3; y++) {
      for (let d = 0; d < 12; d++) {
        let list = base.map(([label, unit]) => [label, unit] as [CellValue, CellValue]);
        const change = Math.floor(rnd() * 8);
        const at = Math.floor(rnd() * list.length);
        if (change === 0) list.splice(at, 1);
        else if (change === 1) list.splice(at, 0, ['其他', '件']);
        else if (change === 2) list[at] = [list[at][0], list[at][1] === '件' ? '个' : '件'];
        else if (change === 3) list.splice(at, 0, [null, null]);
        else if (change === 4) list = list.slice(0, at + 1);
        else if (change === 5) list.push(['新增指标', '人']);
        const district = `第${d}区`;
        blocks.push(
          list.map(([label, unit], i) => {
            const v: CellValue = rnd() < 0.15 ? '约12' : unit === '%' ? 100 : unit === '万元' ? Math.round(rnd() * 10000) / 100 : 1 + Math.floor(rnd() * 300);
            // A district cell written with a space once: the same district, another cell text.
            const who = change === 6 && i === at ? ` ${district}` : district;
            return [who, 2018 + y, label, v, unit];
          }),
        );
      }
    }
    // A block shorter than the last one, followed by a block that goes on where the last one went
    // on: in another district, then in another year.
    const tail = (who: string, year: number, labels: string[]): CellValue[][] => labels.map((l, i) => [who, year, l, 10 + i, '件']);
    blocks.push(tail('甲区', 2020, ['行政处罚案件', '投诉受理件数']), tail('乙区', 2020, ['行政处罚案件']), tail('丙区', 2020, ['投诉受理件数']));
    blocks.push(tail('丁区', 2019, ['行政处罚案件', '投诉受理件数']), tail('丁区', 2020, ['行政处罚案件']), tail('丁区', 2021, ['投诉受理件数']));
    const header: CellValue[] = ['地区', '年份', '指标', '数值', '单位'];
    const together = [header, ...blocks.flat()];
    const split = [header, ...blocks.flatMap((b) => b.slice(0, 4)), ...blocks.flatMap((b) => b.slice(4))];
    const a = analyzeWorkbook(workbook('a.xlsx', grid('各地区', together)));
    const b = analyzeWorkbook(workbook('a.xlsx', grid('各地区', split)));
    expect(a.model.observations.length).toBeGreaterThan(250);
    expect(facts(a.model)).toEqual(facts(b.model));
    // The same blocks, named alike (the grouped read first tried one pass and gave up).
    const blockNames = (m: WorkbookModel) => [...new Set([...m.rows.values()].map((r) => r.block))].sort();
    expect(blockNames(a.model)).toEqual(blockNames(b.model));
    expect(blockNames(a.model)).toContain('各地区\u0000丙区\u00002020');
    expect(b.model.data.blocks.size).toBe(a.model.data.blocks.size);
    // Each observation is where its cell is, in the row order of the sheet.
    const d = a.model.data;
    for (let o = 0; o < d.obsCount; o++) {
      const r = d.rowR[d.rowOf(o)];
      expect(String(together[r][2]).trim()).toBe(d.labels[d.rowLabel[d.rowOf(o)]].label);
      if (o > 0) expect(r).toBeGreaterThan(d.rowR[d.rowOf(o - 1)]);
    }
  });

  it('long sheets whose names and districts run into each other keep their own districts', () => {
    // Sheet "卫生 统计" with district "甲区" and sheet "卫生" with district "统计 甲区": joined with a
    // space, both blocks would read "卫生 统计 甲区 2022"; each block must keep its own district.
    const rows = (district: string, v: number): CellValue[][] => [
      ['地区', '年份', '指标', '数值', '单位'],
      [district, 2022, '行政处罚案件', v, '件'],
      [district, 2022, '其中：警告', v - 1, '件'],
    ];
    for (const split of [false, true]) {
      const a = rows('甲区', 10);
      const b = rows('统计 甲区', 20);
      // split: the second sheet's block in two runs (read grouped), the first read in one pass.
      if (split) b.splice(1, 2, b[1], ['乙区', 2022, '行政处罚案件', 5, '件'], b[2]);
      const { model } = analyzeWorkbook(workbook('a.xlsx', grid('卫生 统计', a), grid('卫生', b)));
      const byCell = new Map(model.observations.map((o) => [`${o.sheet}!${o.address}`, o.entity]));
      expect(byCell.get('卫生 统计!D2')).toBe('甲区');
      expect(byCell.get('卫生!D2')).toBe('统计 甲区');
      expect(byCell.get(split ? '卫生!D4' : '卫生!D3')).toBe('统计 甲区');
      const d = model.data;
      for (let o = 0; o < d.obsCount; o++) expect(d.entities.list[d.entityOf(o)]).toBe(model.observations[o].entity);
    }
  });

  it('the history panel made from the columns has the series and points the objects give', () => {
    const { model } = analyzeWorkbook(workbook('a.xlsx', grid('各地区', longTable(5, 4, prng(3)))));
    const panel = buildPanel([{ file: 'a.xlsx', model }]);
    const numbers = model.observations.filter((o) => o.value !== undefined && (o.parsed.kind === 'number' || o.parsed.kind === 'approx'));
    expect(panel.series.reduce((n, s) => n + s.points.length, 0)).toBe(numbers.length);
    for (const s of panel.series) {
      const periods = s.points.map((p) => p.period);
      expect([...periods].sort()).toEqual(periods);
      for (const p of s.points) {
        const o = numbers.find((x) => x.sheet === p.cell.sheet && x.address === p.cell.address);
        expect(o?.value).toBe(p.value);
        expect(o?.entity).toBe(s.entity);
      }
    }
  });
});

describe('history panel gaps', () => {
  it('thousands of blank and unreadable cells are each the gap of their series and period', () => {
    const rnd = prng(13);
    const rows: CellValue[][] = [['地区', '年份', '指标', '数值', '单位']];
    const expected = new Set<string>();
    for (let d = 0; d < 400; d++) {
      for (let y = 0; y < 5; y++) {
        for (const [label, unit] of INDICATORS) {
          const r = rnd();
          const v: CellValue = r < 0.3 ? null : r < 0.4 ? '见附件' : unit === '%' ? 100 : 1 + Math.floor(rnd() * 300);
          rows.push([`第${d}区`, 2018 + y, label, v, unit]);
          if (typeof v !== 'number') expected.add(`第${d}区|${label.replace(/^其中：|^　+/, '')}|${2018 + y}|${v === null ? 'missing' : 'unreadable'}`);
        }
      }
    }
    const { model } = analyzeWorkbook(workbook('a.xlsx', grid('各地区', rows)));
    const panel = buildPanel([{ file: 'a.xlsx', model }]);
    const gaps = new Set<string>();
    for (const s of panel.series) for (const g of s.gaps) gaps.add(`${s.entity}|${s.name}|${g.period}|${g.status}`);
    expect(expected.size).toBeGreaterThan(2000);
    expect(gaps).toEqual(expected);
  });
});

describe('hidden classes', () => {
  it('a model read, checked and looked into has the hidden class of a new one (V8 keeps its optimised methods)', () => {
    // V8 gives an object a new hidden class when a field is added after construction, and then
    // discards the optimised code of every method that ran on the old one. Asked of V8 itself
    // (%HaveSameMap) in a child process, from the TypeScript sources.
    const root = path.resolve(__dirname, '..');
    const src = (m: string) => JSON.stringify(path.join(root, 'src', 'core', m));
    const code = `
      const { ModelData } = require(${src('model-data.ts')});
      const { checkWorkbook, analyzeWorkbook } = require(${src('engine.ts')});
      const { buildPanel } = require(${src('history/index.ts')});
      const g = (name, values) => ({ name, originRow: 0, originCol: 0, values });
      const rows = [['地区', '年份', '指标', '数值', '单位']];
      for (const d of ['甲区', '乙区']) for (const y of [2021, 2022]) rows.push([d, y, '行政处罚案件', 10, '件'], [d, y, '其中：警告', 4, '件'], [d, y, '罚没款', '约3', '万元']);
      const wb = { name: 'a.xlsx', sheets: [g('各地区', rows), g('宽表', [['指标名称', '单位', '2021年'], ['投诉件数', '件', 5]])] };
      const { model } = analyzeWorkbook(wb);
      const d = model.data;
      checkWorkbook(wb);
      const panel = buildPanel([{ file: 'a.xlsx', model }]);
      panel.series.length;
      d.children(); d.obsInCell('各地区', 'D2'); d.indexOfObs(model.observations[0]); d.rowIndexOf(1); d.cachedModel(() => ({}));
      const pd = require(${src('history/panel.ts')}).dataOfPanel(panel);
      if (pd) { pd.indexOf('x'); pd.periodIndex('2021'); }
      const fresh = new ModelData();
      const freshPanel = require(${src('history/panel.ts')}).dataOfPanel(buildPanel([{ file: 'b.xlsx', model: analyzeWorkbook({ name: 'b.xlsx', sheets: [g('各地区', rows)] }).model }]));
      process.stdout.write(JSON.stringify({ model: %HaveSameMap(d, fresh), panel: pd && freshPanel ? %HaveSameMap(pd, freshPanel) : 'no panel data' }));
    `;
    const out = spawnSync(process.execPath, ['--allow-natives-syntax', '--require', path.join(root, 'scripts', 'bench', 'ts-require-hook.js'), '-e', code], { encoding: 'utf8', cwd: root });
    expect(out.stderr).toBe('');
    expect(JSON.parse(out.stdout)).toEqual({ model: true, panel: true });
  });
});

describe('arena', () => {
  it('a large arena is a shared buffer where there is one; its arrays start at zero and are reused zeroed', () => {
    const big = new Arena(SHARED_ARENA_BYTES);
    const small = new Arena(1024);
    expect(big.shared).toBe(typeof SharedArrayBuffer === 'function');
    expect(small.shared).toBe(false);
    for (const arena of [big, small]) {
      const mark = arena.mark();
      const a = arena.ints(100);
      expect(a.every((x) => x === 0)).toBe(true);
      a.fill(7);
      const d = arena.doubles(10);
      d[3] = 1.5;
      arena.release(mark);
      // Bytes handed out before come back zeroed.
      const b = arena.ints(100);
      expect(b.every((x) => x === 0)).toBe(true);
      expect(arena.doubles(10).every((x) => x === 0)).toBe(true);
    }
  });

  it('a check whose arena is shared finds what the same check finds with plain buffers', () => {
    // 90,000 observations (an arena of more than SHARED_ARENA_BYTES), a few of them wrong.
    const rnd = prng(5);
    const rows: CellValue[][] = [['地区', '年份', '指标', '数值', '单位']];
    for (let d = 0; d < 1500; d++) {
      for (let y = 0; y < 10; y++) {
        const parts = [1 + Math.floor(rnd() * 50), 1 + Math.floor(rnd() * 50)];
        const total = rnd() < 0.01 ? parts[0] + parts[1] + 1 : parts[0] + parts[1];
        const rate = rnd() < 0.01 ? 99 : 100;
        rows.push([`第${d}区`, 2015 + y, '行政处罚案件', total, '件'], [`第${d}区`, 2015 + y, '其中：警告', parts[0], '件'], [`第${d}区`, 2015 + y, '　　罚款等', parts[1], '件']);
        rows.push([`第${d}区`, 2015 + y, '法制审核率', rate, '%'], [`第${d}区`, 2015 + y, '罚没款', Math.round(rnd() * 1e4) / 100, '万元'], [`第${d}区`, 2015 + y, '投诉受理件数', d + y, '件']);
      }
    }
    const book = workbook('a.xlsx', grid('各地区', rows));
    expect(analyzeWorkbook(book).model.data.arena.shared).toBe(typeof SharedArrayBuffer === 'function');
    const what = (r: ReturnType<typeof checkWorkbook>) => r.findings.map((f) => `${f.ruleId}|${f.cells.map((c) => c.address).join()}|${f.message['en-US']}`);
    const shared = what(checkWorkbook(book));
    const g = globalThis as { SharedArrayBuffer?: unknown };
    const saved = g.SharedArrayBuffer;
    g.SharedArrayBuffer = undefined;
    let plain: string[];
    try {
      expect(analyzeWorkbook(book).model.data.arena.shared).toBe(false);
      plain = what(checkWorkbook(book));
    } finally {
      g.SharedArrayBuffer = saved;
    }
    expect(shared.filter((f) => f.startsWith('balance.')).length).toBeGreaterThan(50);
    expect(shared.filter((f) => f.startsWith('rate.mandated')).length).toBeGreaterThan(50);
    expect(shared).toEqual(plain);
  });
});

describe('numeric fast paths', () => {
  it('medianInPlace is simple-statistics’ median', () => {
    const rnd = prng(5);
    for (let t = 0; t < 2000; t++) {
      const n = 1 + Math.floor(rnd() * 12);
      const xs = Array.from({ length: n }, () => (rnd() < 0.3 ? Math.floor(rnd() * 5) : (rnd() - 0.5) * 10 ** Math.floor(rnd() * 8)));
      expect(medianInPlace(Float64Array.from(xs), n)).toBe(median(xs));
    }
  });

  it('madOfSorted is simple-statistics’ median absolute deviation', () => {
    const rnd = prng(6);
    for (let t = 0; t < 4000; t++) {
      const n = 1 + Math.floor(rnd() * 14);
      // Ties, negative values, wide ranges and values equal to the median.
      const xs = Array.from({ length: n }, () => (rnd() < 0.4 ? Math.floor(rnd() * 4) : (rnd() - 0.3) * 10 ** Math.floor(rnd() * 7)));
      const sorted = Float64Array.from(xs);
      const med = medianInPlace(sorted, n);
      expect(madOfSorted(sorted, n, med)).toBe(medianAbsoluteDeviation(xs));
    }
  });

  it('numberDecimals counts the decimals of the shortest form of a number', () => {
    // The definition: digits after the point of Number(v.toPrecision(15)) (no exponent from 1e-6 up).
    const reference = (v: number) => {
      if (!Number.isFinite(v) || Number.isInteger(v)) return 0;
      const s = String(Number(v.toPrecision(15)));
      const dot = s.indexOf('.');
      return dot < 0 ? 0 : s.length - dot - 1;
    };
    const rnd = prng(9);
    for (let t = 0; t < 20000; t++) {
      const d = Math.floor(rnd() * 8);
      const v = (Math.floor(rnd() * 1e9) / 10 ** d) * (rnd() < 0.5 ? -1 : 1);
      expect(numberDecimals(v)).toBe(reference(v));
      const w = rnd() * 10 ** (Math.floor(rnd() * 12) - 4);
      if (w >= 1e-6) expect(numberDecimals(w)).toBe(reference(w));
    }
    expect(numberDecimals(0.1 + 0.2)).toBe(1);
    expect(numberDecimals(94.23)).toBe(2);
  });

  it('formatNumber writes whole numbers with separators and the decimals asked for', () => {
    const rnd = prng(13);
    for (let t = 0; t < 2000; t++) {
      const v = Math.round((rnd() - 0.5) * 10 ** Math.floor(rnd() * 15));
      const d = Math.floor(rnd() * 4);
      const fmt = new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
      expect(formatNumber(v, d)).toBe(fmt.format(v).replace(/^-0(\.0*)?$/, (m) => m.slice(1)));
      expect(formatNumber(v)).toBe(new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(v).replace(/^-0$/, '0'));
    }
  });
});

describe('regular sheets beside irregular ones', () => {
  // A cross-tab is written into the model with explicit per-observation arrays; a county form
  // (years as columns) by its shape. In one workbook, the form's observations must read the same
  // entities, periods and cells as when the form is alone.
  const { countyForm, districtCrossTab } = jest.requireActual<typeof import('./helpers/shapes')>('./helpers/shapes');
  const view = (m: WorkbookModel, sheet: string) => {
    const d = m.data;
    const out: string[] = [];
    for (let o = 0; o < d.obsCount; o++) {
      const x = d.obs(o);
      if (x.sheet !== sheet) continue;
      out.push(`${x.address} ${x.entity} ${x.period} ${d.entities.list[d.entityOf(o)]} ${d.periods.list[d.periodOf(o)]} ${d.colOf(o)} ${String(x.value)}`);
    }
    return out;
  };
  it.each([1, 2, 3, 4])('seed %i: a form before and after a cross-tab reads as alone', (seed) => {
    const form = { ...countyForm(seed).grid, name: '县表' };
    const tab = { ...districtCrossTab(seed).grid, name: '市表' };
    // The same reporting entity each time (it is guessed from the workbook's titles otherwise).
    const entity = { entity: '某县' };
    const alone = view(analyzeWorkbook(workbook('a.xlsx', form), entity).model, '县表');
    expect(alone.length).toBeGreaterThan(10);
    const before = analyzeWorkbook(workbook('b.xlsx', form, tab), entity).model;
    expect(before.data.isRegular()).toBe(false);
    expect(view(before, '县表')).toEqual(alone);
    expect(view(analyzeWorkbook(workbook('c.xlsx', tab, form), entity).model, '县表')).toEqual(alone);
  });
});
