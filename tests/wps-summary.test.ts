// Summary tables (汇总表), the 跨年 trend chart and the standard form (插入标准表) in WPS:
// WpsHost.writeSummaryTable / insertLineChart / insertStandardForm against the fake WPS object
// model (tests/fakes/fake-wps.ts), with specs built by the real core/report from the bundled
// sample workbook. The cells written are the Excel host's layout (and what the Excel host writes
// into the fake Excel for the same spec); the user's sheets stay exactly as they were; a place
// that is not empty, a protected sheet or a protected workbook structure is refused before
// anything is written; and the calls into WPS do not grow with the rows of the table.
import * as fs from 'fs';
import * as path from 'path';
import { analyzeWorkbook } from '../src/core/engine';
import { toA1 } from '../src/core/a1';
import {
  STATUS_COLOR,
  STATUS_FILL,
  bodyValues,
  buildSummary,
  formCells,
  formNumberFormats,
  placeTable,
  standardForm,
  summaryInput,
  type StandardFormSpec,
  type SummaryInput,
  type TableCell,
  type TableSpec,
} from '../src/core/report';
import { parseCell } from '../src/hosts/excel/a1';
import { HostError } from '../src/hosts/excel/errors';
import { ExcelHost } from '../src/hosts/excel/excel-host';
import { columnWidthPoints, layoutSummary, type ValueBlock } from '../src/hosts/excel/summary-writer';
import { bgr } from '../src/hosts/wps/com-values';
import { areasOf, columnWidthChars, joinAcross, rectOf } from '../src/hosts/wps/sheets';
import { WpsHost } from '../src/hosts/wps/wps-host';
import { readXlsx } from '../src/hosts/xlsx/read-xlsx';
import { canInsertLineChart, canInsertStandardForm, canWriteRulesSheet, canWriteSummaryTable } from '../src/taskpane/capabilities';
import { createFakeExcel, type FakeSheet } from './fakes/fake-excel';
import {
  FAKE_DEFAULT_COLUMN_WIDTH,
  createFakeWps,
  fakeColumnPoints,
  type FakeWps,
  type FakeWpsCell,
  type FakeWpsOptions,
  type FakeWpsSheet,
  type FakeWpsSheetSpec,
  type FakeWpsSpec,
} from './fakes/fake-wps';

const SAMPLE = path.join(__dirname, '..', 'samples', '示例-乐山市市中区-法治指标.xlsx');
const NOW = new Date(2026, 0, 2, 10, 30);
const noYield = (): Promise<void> => Promise.resolve();

// XlHAlign and XlChartType as the fake stores them.
const LEFT = -4131;
const CENTER = -4108;
const RIGHT = -4152;
const COLUMN_CLUSTERED = 51;
const LINE_MARKERS = 65;

let input: SummaryInput;
let compare: TableSpec;
let composition: TableSpec;

beforeAll(async () => {
  const snap = await readXlsx(fs.readFileSync(SAMPLE), path.basename(SAMPLE));
  input = summaryInput(snap);
  compare = buildSummary('compare', input, { now: NOW });
  composition = buildSummary('composition', input, { now: NOW, years: ['2022'] });
});

function hostOf(fake: FakeWps): WpsHost {
  return new WpsHost(fake.Application, { yieldToUi: noYield });
}

/** A user's workbook: a data sheet with formats, a table and a wide column, their own 汇总表 sheet, a defined name. */
function userSpec(extra: Partial<FakeWpsSpec> = {}): FakeWpsSpec {
  return {
    name: '示例.xlsx',
    sheets: [
      {
        name: '法治指标',
        blocks: [
          {
            at: 'A1',
            rows: [
              ['指标', '单位', '2021年', '2022年'],
              ['重大执法决定法制审核案件', '件', 15, 15],
              ['法制审核率', '%', { value: 0.9333, numberFormat: '0.00%', fill: bgr('#FFFF00'), bold: true }, 1],
              ['依法公开执法处罚信息', '条', 98, 106],
            ],
          },
        ],
        cells: { H20: { fill: bgr('#00FF00') } }, // formatted but empty: not in the way
        tables: [{ name: 'Summary_1', address: 'A1:D4', tableStyle: 'TableStyleLight9' }],
        columnWidths: { D: 40 },
      },
      { name: '汇总表', cells: { A1: '用户自己的汇总表' } },
    ],
    names: ['Summary_2'],
    ...extra,
  };
}

function userWorkbook(extra: Partial<FakeWpsSpec> = {}, options: FakeWpsOptions = {}): FakeWps {
  return createFakeWps(userSpec(extra), options);
}

/** Everything about the workbook, as plain data. */
function snapshot(fake: FakeWps): unknown {
  return JSON.parse(
    JSON.stringify({
      sheets: fake.state.sheets.map((s) => s.name),
      active: fake.state.activeSheet,
      formats: fake.formatsSnapshot(),
      values: fake.state.sheets.map((s) => fake.valuesOf(s.name)),
      formulas: fake.state.sheets.map((s) => [...s.cells].filter(([, c]) => c.formula).map(([k, c]) => [k, c.formula])),
    }),
  );
}

/** One sheet's part of the snapshot. */
function sheetSnapshot(fake: FakeWps, name: string): unknown {
  const i = fake.state.sheets.findIndex((s) => s.name === name);
  const all = snapshot(fake) as { formats: unknown[]; values: unknown[]; formulas: unknown[] };
  return { formats: all.formats[i], values: all.values[i], formulas: all.formulas[i] };
}

function cellAt(s: FakeWpsSheet, address: string): FakeWpsCell | undefined {
  const p = parseCell(address);
  if (!p) throw new Error(address);
  return s.cells.get(`${p.row},${p.col}`);
}

/** A property of every cell of a range, as rows. */
function grid<V>(s: FakeWpsSheet, address: string, f: (c: FakeWpsCell | undefined) => V): V[][] {
  const r = rectOf(address);
  const out: V[][] = [];
  for (let i = r.r0; i <= r.r1; i++) {
    const row: V[] = [];
    for (let j = r.c0; j <= r.c1; j++) row.push(f(s.cells.get(`${i},${j}`)));
    out.push(row);
  }
  return out;
}

const valueOf = (c: FakeWpsCell | undefined) => c?.value ?? '';
const formatOf = (c: FakeWpsCell | undefined) => c?.numberFormat ?? 'General';

/** The block's values as the sheet holds them ('' stays empty) and its number formats. */
function expectBlock(s: FakeWpsSheet, block: ValueBlock): void {
  expect(grid(s, block.address, valueOf)).toEqual(block.values);
  expect(grid(s, block.address, formatOf)).toEqual(block.numberFormats);
}

async function callsOf(fake: FakeWps, work: () => Promise<unknown>): Promise<number> {
  fake.resetCalls();
  await work();
  return fake.calls;
}

async function failure(work: Promise<unknown>): Promise<HostError> {
  const e = await work.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HostError);
  return e as HostError;
}

/** The compare spec with `n` body rows, each sample row repeated in place (the runs of formats stay as many). */
function repeatedInPlace(spec: TableSpec, n: number): TableSpec {
  const k = Math.ceil(n / spec.body.length);
  const body: TableCell[][] = [];
  spec.body.forEach((row, i) => {
    for (let j = 0; j < k && body.length < n; j++) body.push(row.map((c, col) => (col === 0 ? { ...c, value: `${String(c.value)}-${i + 1}.${j + 1}` } : { ...c })));
  });
  return { ...spec, body, chart: undefined };
}

/** The compare spec with `n` body rows, the sample rows repeated one after the other (formats change at every row). */
function repeatedInTurn(spec: TableSpec, n: number): TableSpec {
  const body: TableCell[][] = Array.from({ length: n }, (_, i) => {
    const row = spec.body[i % spec.body.length].map((c) => ({ ...c }));
    row[0] = { ...row[0], value: `${String(row[0].value)}-${i + 1}` };
    return row;
  });
  return { ...spec, body, chart: undefined };
}

// -----------------------------------------------------------------------------------------------

describe('the pane sees the capabilities in WPS', () => {
  it('offers the summary table, the trend chart, the standard form and the rules sheet', () => {
    const host = hostOf(createFakeWps({ name: 'w', sheets: [{ name: 'A' }] }));
    expect([canWriteSummaryTable(host), canInsertLineChart(host), canInsertStandardForm(host), canWriteRulesSheet(host)]).toEqual([true, true, true, true]);
  });

  it('says when no workbook is open, in both languages', async () => {
    const host = hostOf(createFakeWps({ name: 'w', sheets: [] }, { noWorkbook: true }));
    const errors = [
      await failure(host.writeSummaryTable(compare, 'new-sheet')),
      await failure(host.writeSummaryTable(compare, 'selection')),
      await failure(host.insertLineChart({ categories: ['2022'], series: [{ name: 'x', values: [1] }] }, 't')),
      await failure(host.insertStandardForm(standardForm({ years: ['2023'] }))),
    ];
    expect(errors.map((e) => e.reason)).toEqual(['NoWorkbook', 'NoWorkbook', 'NoWorkbook', 'NoWorkbook']);
    expect(errors[1].bilingual['en-US']).toContain('No workbook is open');
  });
});

describe('WpsHost.writeSummaryTable on a new sheet', () => {
  it('writes the layout at A1 of 汇总表(2): values, formats, merges, the table, styles, widths; the user\u2019s sheets untouched', async () => {
    const fake = userWorkbook();
    const before = { data: sheetSnapshot(fake, '法治指标'), own: sheetSnapshot(fake, '汇总表') };
    const info = await hostOf(fake).writeSummaryTable(compare, 'new-sheet');

    const n = compare.body.length;
    const p = placeTable(compare);
    expect(info).toEqual({
      sheet: '汇总表(2)',
      address: `A1:G${p.lastRow + 1}`,
      tableAddress: `A3:G${3 + n}`,
      table: 'Summary_3', // Summary_1 is a table, Summary_2 a defined name
    });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['法治指标', '汇总表', '汇总表(2)']);
    expect(fake.state.activeSheet).toBe('汇总表(2)');
    expect(fake.state.screenUpdating).toBe(true);

    // Exactly the layout's blocks, and nothing outside them.
    const layout = layoutSummary(compare, 0, 0);
    const s = fake.sheet('汇总表(2)');
    for (const block of [layout.head, layout.table, layout.tail]) expectBlock(s, block);
    expect(grid(s, `A4:G${3 + n}`, valueOf)).toEqual(bodyValues(compare));
    expect([...s.cells.keys()].every((k) => Number(k.split(',')[0]) <= p.sourceRow && Number(k.split(',')[1]) <= 6)).toBe(true);

    expect(s.merges.map((m) => toA1(m.r0, m.c0) + ':' + toA1(m.r1, m.c1))).toEqual(['A1:G1']);
    expect(s.tables).toEqual([{ name: 'Summary_3', area: { r0: 2, c0: 0, r1: 2 + n, c1: 6 }, tableStyle: 'TableStyleMedium2' }]);

    // Title bold 14 centred; units italic grey; column names centred; source italic 9 grey.
    expect(cellAt(s, 'A1')).toMatchObject({ value: compare.title, bold: true, fontSize: 14, hAlign: CENTER, vAlign: CENTER });
    expect(cellAt(s, 'A2')).toMatchObject({ value: compare.subtitle, italic: true, fontColor: bgr('#595959') });
    expect(grid(s, 'A3:G3', (c) => c?.hAlign)).toEqual([new Array(7).fill(CENTER)]);
    expect(cellAt(s, `A${p.sourceRow + 1}`)).toMatchObject({ value: compare.source, italic: true, fontSize: 9, fontColor: bgr('#7F7F7F') });
    compare.notes.forEach((note, i) => expect(cellAt(s, `A${4 + n + i}`)).toMatchObject({ value: note, fontColor: bgr('#595959') }));

    // Alignment by cell: text left, numbers right, the status centred.
    const label = '依法公开执法处罚信息';
    const r = 4 + compare.body.findIndex((row) => row[0].value === label);
    expect(grid(s, `A${r}:G${r}`, (c) => c?.hAlign)).toEqual([[LEFT, LEFT, RIGHT, RIGHT, RIGHT, RIGHT, CENTER]]);
    expect(cellAt(s, `A${r}`)?.vAlign).toBe(CENTER);

    // Status colours as BGR numbers; an error bold; ok numbers plain.
    compare.body.forEach((row, i) =>
      row.forEach((c, j) => {
        const colored = !!c.status && (c.status !== 'ok' || c.format === 'text');
        const cell = s.cells.get(`${3 + i},${j}`);
        expect([i, j, cell?.fontColor ?? null, cell?.fill ?? null]).toEqual([
          i,
          j,
          colored ? bgr(`#${STATUS_COLOR[c.status!].slice(2)}`) : null,
          colored ? bgr(`#${STATUS_FILL[c.status!].slice(2)}`) : null,
        ]);
        expect([i, j, cell?.bold ?? false]).toEqual([i, j, colored && c.status === 'error']);
      }),
    );
    expect(compare.body.some((row) => row.some((c) => c.status === 'error'))).toBe(true);

    // Widths: the spec's characters (the layout's points converted back), the title row 24 pt, no gridlines.
    compare.widths.forEach((w, j) => expect(s.columnWidths.get(j)).toBeCloseTo(w, 2));
    expect(s.rowHeights.get(0)).toBe(24);
    expect(s.view.gridlines).toBe(false);
    expect(s.charts).toEqual([]);

    expect(sheetSnapshot(fake, '法治指标')).toEqual(before.data);
    expect(sheetSnapshot(fake, '汇总表')).toEqual(before.own);
  });

  it('puts every value, format, style, merge and width where the Excel host puts it', async () => {
    const excel = createFakeExcel([{ name: 'Data', cells: { A1: 1 } }]);
    await new ExcelHost((batch) => excel.run(batch), { platform: 'desktop', isSetSupported: () => true, syncTimeoutMs: 5000 }).writeSummaryTable(compare, 'new-sheet', { chart: true });
    const wps = createFakeWps({ name: 'w', sheets: [{ name: 'Data', cells: { A1: 1 } }] });
    await hostOf(wps).writeSummaryTable(compare, 'new-sheet', { chart: true });

    const x = excel.workbookState.sheets.find((s) => s.name === '汇总表') as FakeSheet;
    const w = wps.sheet('汇总表');
    const H: Record<string, number> = { Left: LEFT, Center: CENTER, Right: RIGHT };
    const color = (c: string | undefined) => (c === undefined ? undefined : bgr(c));
    const asWps = (k: string): unknown => {
      const c = x.cells.get(k) ?? {};
      return {
        value: c.value === '' ? undefined : c.value,
        numberFormat: c.numberFormat === 'General' ? undefined : c.numberFormat,
        bold: c.bold ?? undefined,
        italic: c.italic ?? undefined,
        fontSize: c.fontSize,
        fontColor: color(c.fontColor),
        fill: color(c.fill),
        hAlign: c.horizontalAlignment ? H[c.horizontalAlignment] : undefined,
        vAlign: c.verticalAlignment ? H[c.verticalAlignment] : undefined,
      };
    };
    const ofWps = (k: string): unknown => {
      const c = w.cells.get(k) ?? {};
      return {
        value: c.value,
        numberFormat: c.numberFormat === 'General' ? undefined : c.numberFormat,
        bold: c.bold || undefined,
        italic: c.italic ?? undefined,
        fontSize: c.fontSize,
        fontColor: c.fontColor,
        fill: c.fill,
        hAlign: c.hAlign,
        vAlign: c.vAlign,
      };
    };
    const keys = [...new Set([...x.cells.keys(), ...w.cells.keys()])].sort();
    expect(keys.length).toBeGreaterThan(7 * compare.body.length);
    for (const k of keys) expect([k, ofWps(k)]).toEqual([k, asWps(k)]);

    expect(w.merges).toEqual((x.merges ?? []).map((m) => ({ r0: m.r0, c0: m.c0, r1: m.r1, c1: m.c1 })));
    expect([...w.columnWidths].map(([c, chars]) => [c, fakeColumnPoints(chars)])).toEqual(
      [...(x.columnWidths ?? [])].map(([c, points]) => [c, expect.closeTo(points, 1)]),
    );
    const xt = excel.workbookState.tables[0];
    expect(w.tables.map((t) => [t.name, t.area, t.tableStyle])).toEqual([[xt.name, { r0: xt.area.r0, c0: xt.area.c0, r1: xt.area.r1, c1: xt.area.c1 }, xt.style]]);
    // The same chart: type, title, series and categories.
    const xc = x.charts?.[0];
    const wc = w.charts[0];
    expect(wc.type).toBe(xc?.type === 'LineMarkers' ? LINE_MARKERS : COLUMN_CLUSTERED);
    expect(wc.title).toBe(xc?.title);
    expect(wc.series.map((s) => [s.name, s.values, s.xValues])).toEqual((xc?.series ?? []).map((s) => [s.name, s.values, xc?.categories]));
  });

  it('takes 汇总表 when free (in any case), then 汇总表(2)…, with a new table name each time', async () => {
    const fake = createFakeWps({ name: 'w', sheets: [{ name: 'Data', cells: { A1: 1 } }, { name: 'SUMMARY' }] });
    const host = hostOf(fake);
    const a = await host.writeSummaryTable(compare, 'new-sheet');
    const b = await host.writeSummaryTable(compare, 'new-sheet');
    const en = await host.writeSummaryTable({ ...compare, lang: 'en-US' }, 'new-sheet');
    expect([a.sheet, a.table, b.sheet, b.table, en.sheet, en.table]).toEqual(['汇总表', 'Summary_1', '汇总表(2)', 'Summary_2', 'Summary(2)', 'Summary_3']);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Data', 'SUMMARY', '汇总表', '汇总表(2)', 'Summary(2)']);
  });

  it('keeps text that WPS would turn into a number, date or formula as text, and writes group headings merged', async () => {
    const spec: TableSpec = {
      ...compare,
      header: [
        ['', '2021年', null, '2022年'],
        ['编号', '说明', '数值', '占比'],
      ],
      body: [
        [
          { value: '0012', format: 'text' },
          { value: '=1+1', format: 'text' },
          { value: 5, format: 'integer' },
          { value: 0.25, format: 'percent' },
        ],
        [
          { value: '2021-01', format: 'text' },
          { value: '700余', format: 'text' },
          { value: null, format: 'integer' },
          { value: null, format: 'percent' },
        ],
      ],
      widths: [8, 8, 8, 8],
      notes: [],
      chart: undefined,
    };
    const fake = createFakeWps({ name: 'w', sheets: [{ name: 'Data' }] });
    const info = await hostOf(fake).writeSummaryTable(spec, 'new-sheet');
    expect(info.tableAddress).toBe('A4:D6');
    const s = fake.sheet('汇总表');
    expect(grid(s, 'A5:D6', valueOf)).toEqual([
      ['0012', '=1+1', 5, 0.25],
      ['2021-01', '700余', '—', '—'],
    ]);
    expect(cellAt(s, 'B5')?.formula).toBeUndefined();
    expect(grid(s, 'A5:B6', formatOf)).toEqual([
      ['@', '@'],
      ['@', 'General'],
    ]);
    expect(s.merges.map((m) => `${toA1(m.r0, m.c0)}:${toA1(m.r1, m.c1)}`).sort()).toEqual(['A1:D1', 'B3:C3']);
    expect(cellAt(s, 'B3')).toMatchObject({ value: '2021年', bold: true, hAlign: CENTER });
  });
});

describe('WpsHost.writeSummaryTable at the selection', () => {
  it('writes at D10 what the new sheet has at A1, shifted; never narrows a column; leaves the active sheet and the rest as they were', async () => {
    const ref = createFakeWps({ name: 'w', sheets: [{ name: 'Data' }] });
    await hostOf(ref).writeSummaryTable(compare, 'new-sheet');
    const atA1 = ref.sheet('汇总表');

    const fake = userWorkbook({ selection: 'D10:E12' });
    const user = new Map([...fake.sheet('法治指标').cells].map(([k, c]) => [k, { ...c }]));
    const ownBefore = sheetSnapshot(fake, '汇总表');
    const info = await hostOf(fake).writeSummaryTable(compare, 'selection');
    const n = compare.body.length;
    const p = placeTable(compare, 9, 3);
    expect(info).toEqual({ sheet: '法治指标', address: `D10:J${p.lastRow + 1}`, tableAddress: `D12:J${12 + n}`, table: 'Summary_3' });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['法治指标', '汇总表']);
    expect(fake.state.activeSheet).toBe('法治指标');

    const s = fake.sheet('法治指标');
    const expected = new Map(user);
    for (const [k, c] of atA1.cells) {
      const [r, col] = k.split(',').map(Number);
      const at = `${r + 9},${col + 3}`;
      expected.set(at, { ...expected.get(at), ...c });
    }
    // The user's fill on an empty cell stays under the written value.
    expect(expected.get('19,7')).toMatchObject({ fill: bgr('#00FF00'), value: bodyValues(compare)[7][4] });
    expect(new Map([...s.cells].sort())).toEqual(new Map([...expected].sort()));
    expect(s.merges).toEqual([{ r0: 9, c0: 3, r1: 9, c1: 9 }]);
    expect(s.tables.map((t) => t.name)).toEqual(['Summary_1', 'Summary_3']);
    expect(s.tables[1].area).toEqual({ r0: 11, c0: 3, r1: 11 + n, c1: 9 });

    // D keeps the user's 40 characters; E…J get the spec's width only where that is wider than the default.
    expect(s.columnWidths.get(3)).toBe(40);
    const widened = compare.widths.slice(1).map((w) => (w > FAKE_DEFAULT_COLUMN_WIDTH ? w : undefined));
    expect(widened.some((w) => w !== undefined) && widened.some((w) => w === undefined)).toBe(true);
    compare.widths.slice(1).forEach((_, j) => {
      const got = s.columnWidths.get(4 + j);
      if (widened[j] === undefined) expect(got).toBeUndefined();
      else expect(got).toBeCloseTo(widened[j]!, 2);
    });
    // No row height, gridlines or window change on the user's sheet; their other sheet untouched.
    expect(s.rowHeights.size).toBe(0);
    expect(s.view.gridlines).toBe(true);
    expect(sheetSnapshot(fake, '汇总表')).toEqual(ownBefore);
  });

  it('refuses a place holding a value, saying where in both languages, and writes nothing', async () => {
    const fake = userWorkbook({ selection: 'B3' });
    const before = snapshot(fake);
    const e = await failure(hostOf(fake).writeSummaryTable(compare, 'selection', { chart: true }));
    expect(e.reason).toBe('TargetOccupied');
    expect(e.code).toBeUndefined();
    const box = `B3:H${placeTable(compare, 2, 1).lastRow + 1}`;
    expect(e.bilingual['zh-CN']).toContain(`法治指标!${box}`);
    expect(e.bilingual['zh-CN']).toContain('B3、C3、D3');
    expect(e.bilingual['zh-CN']).toContain('表格 Summary_1');
    expect(e.bilingual['en-US']).toContain('B3, C3, D3');
    expect(e.bilingual['en-US']).toContain('Nothing was written');
    expect(snapshot(fake)).toEqual(before);
  });

  it('refuses a merged cell, a formula showing an empty text, an error literal and an overlapping empty table', async () => {
    const merged = createFakeWps({ name: 'w', sheets: [{ name: 'S', merges: ['F40:H41'] }], selection: 'B30' });
    const before = snapshot(merged);
    const m = await failure(hostOf(merged).writeSummaryTable(compare, 'selection'));
    expect(m.reason).toBe('TargetOccupied');
    expect(m.bilingual['en-US']).toContain('F40:H41 is a merged cell');
    expect(m.bilingual['zh-CN']).toContain('F40:H41 是合并单元格');
    expect(snapshot(merged)).toEqual(before);

    const formula = createFakeWps({ name: 'w', sheets: [{ name: 'S', cells: { C20: { value: '', formula: '=IF(1,"","")' } } }], selection: 'A15' });
    expect(await failure(hostOf(formula).writeSummaryTable(compare, 'selection'))).toMatchObject({ reason: 'TargetOccupied' });
    expect(formula.sheet('S').cells.size).toBe(1);

    const error = createFakeWps({ name: 'w', sheets: [{ name: 'S', cells: { B9: { error: '#N/A' } } }], selection: 'A1' });
    expect((await failure(hostOf(error).writeSummaryTable(compare, 'selection'))).bilingual['en-US']).toContain('B9');

    const tabled = createFakeWps({ name: 'w', sheets: [{ name: 'S', tables: [{ name: 'Empty', address: 'K5:L8' }] }], selection: 'E1' });
    const t = await failure(hostOf(tabled).writeSummaryTable(compare, 'selection'));
    expect(t.reason).toBe('TargetOccupied');
    expect(t.bilingual['zh-CN']).toContain('表格 Empty');
    expect(tabled.sheet('S').cells.size).toBe(0);
    expect(tabled.sheet('S').tables).toHaveLength(1);
  });

  it('refuses a place where the table would run off the sheet', async () => {
    for (const at of ['XFA1', 'A1048570']) {
      const fake = createFakeWps({ name: 'w', sheets: [{ name: 'S' }], selection: at });
      const e = await failure(hostOf(fake).writeSummaryTable(compare, 'selection'));
      expect(e.reason).toBe('TargetOffSheet');
      expect(e.bilingual['zh-CN']).toContain(`S!${at}`);
      expect(fake.sheet('S').cells.size).toBe(0);
    }
  });

  it('refuses a protected sheet in both languages, writing nothing; the workbook\u2019s structure does not matter there', async () => {
    const fake = createFakeWps({ name: 'w', sheets: [{ name: 'S', protectContents: true, cells: { A1: 'x' } }], selection: 'C5' });
    const before = snapshot(fake);
    const e = await failure(hostOf(fake).writeSummaryTable(compare, 'selection'));
    expect(e.reason).toBe('Protected');
    expect(e.bilingual['zh-CN']).toContain('工作表“S”受保护');
    expect(e.bilingual['en-US']).toContain('The sheet "S" is protected');
    expect(snapshot(fake)).toEqual(before);

    const locked = createFakeWps({ name: 'w', sheets: [{ name: 'S' }], selection: 'C5', protectStructure: true });
    await expect(hostOf(locked).writeSummaryTable(compare, 'selection')).resolves.toMatchObject({ sheet: 'S', address: expect.stringMatching(/^C5:/) });
  });
});

describe('a protected workbook structure', () => {
  it('is said before anything is written, in both languages, for every action that adds a sheet', async () => {
    const fake = createFakeWps({ name: 'w', sheets: [{ name: '历年', cells: { A1: '指标', B1: '2022', C1: '2023', A2: '床位', B2: 1, C2: 2 } }], protectStructure: true });
    const before = snapshot(fake);
    const host = hostOf(fake);
    const errors = [
      await failure(host.writeSummaryTable(compare, 'new-sheet')),
      await failure(host.insertLineChart({ sheet: '历年', categories: 'B1:C1', series: [{ name: '床位', values: 'B2:C2' }] }, 't')),
      await failure(host.insertLineChart({ categories: ['2022', '2023'], series: [{ name: '床位', values: [1, 2] }] }, 't')),
      await failure(host.insertStandardForm(standardForm({ years: ['2023'] }))),
      await failure(host.writeRulesSheet([['编号', '名称', '表达式']])),
    ];
    expect(errors.map((e) => e.reason)).toEqual(['Protected', 'Protected', 'Protected', 'Protected', 'Protected']);
    expect(errors.map((e) => e.code)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(errors[0].bilingual['zh-CN']).toContain('工作簿结构受保护，无法添加“汇总表”工作表');
    expect(errors[0].bilingual['zh-CN']).toContain('当前选定单元格');
    expect(errors[0].bilingual['en-US']).toContain('structure is protected');
    expect(errors[1].bilingual['zh-CN']).toContain('趋势图');
    expect(errors[3].bilingual['en-US']).toContain('"指标表"');
    expect(snapshot(fake)).toEqual(before);
  });
});

describe('summary table charts', () => {
  it('draws spec.chart to the right of the table: its columns as series over the category column, titled', async () => {
    const fake = userWorkbook();
    const info = await hostOf(fake).writeSummaryTable(compare, 'new-sheet', { chart: true });
    const s = fake.sheet('汇总表(2)');
    const n = compare.body.length;
    expect(info.chart).toBe('图表 1');
    const cols = fakeColumnPoints(FAKE_DEFAULT_COLUMN_WIDTH);
    const left = compare.widths.reduce((x, w) => x + fakeColumnPoints(w), 0) + cols; // I1: after A…G and H
    expect(s.charts).toEqual([
      {
        name: '图表 1',
        type: COLUMN_CLUSTERED, // two years: columns
        hasTitle: true,
        title: compare.chart!.title,
        series: [
          { name: '2021年', values: { sheet: '汇总表(2)', address: `C4:C${3 + n}` }, xValues: { sheet: '汇总表(2)', address: `A4:A${3 + n}` } },
          { name: '2022年', values: { sheet: '汇总表(2)', address: `D4:D${3 + n}` }, xValues: { sheet: '汇总表(2)', address: `A4:A${3 + n}` } },
        ],
        left: expect.closeTo(left, 6),
        top: 0,
        width: expect.closeTo(8 * cols, 6), // I…P
        height: expect.closeTo(24 + 17 * 13.5, 6), // rows 1…18, the first 24 pt high
      },
    ]);
    expect(fake.sheet('法治指标').charts).toEqual([]);
  });

  it('plots only the chosen rows at the selection, draws lines for a line chart, and none unless asked', async () => {
    // A new chart that plots the selection at once (as some chart APIs do) still gets only the planned series.
    const fake = createFakeWps({ name: 'w', sheets: [{ name: 'Data' }], selection: 'C5' }, { chartsPlotSelection: true });
    await hostOf(fake).writeSummaryTable(composition, 'selection', { chart: true });
    const chart = fake.sheet('Data').charts[0];
    expect(chart.series).toHaveLength(1);
    const rows = composition.chart!.rows!;
    // Title C5, units C6, column names C7: body row i is on sheet row 8 + i.
    const r0 = 8 + rows[0];
    const r1 = 8 + rows[rows.length - 1];
    expect(chart).toMatchObject({
      type: COLUMN_CLUSTERED,
      series: [{ name: '占比', values: { sheet: 'Data', address: `E${r0}:E${r1}` }, xValues: { sheet: 'Data', address: `C${r0}:C${r1}` } }],
    });

    const line = createFakeWps({ name: 'w', sheets: [{ name: 'Data' }] });
    await hostOf(line).writeSummaryTable({ ...compare, chart: { ...compare.chart!, type: 'line' } }, 'new-sheet', { chart: true });
    expect(line.sheet('汇总表').charts[0].type).toBe(LINE_MARKERS);

    const none = createFakeWps({ name: 'w', sheets: [{ name: 'Data' }] });
    expect((await hostOf(none).writeSummaryTable(compare, 'new-sheet')).chart).toBeUndefined();
    expect(none.sheet('汇总表').charts).toEqual([]);
  });
});

describe('calls into WPS do not grow with the rows of the table', () => {
  const count = async (spec: TableSpec, target: 'new-sheet' | 'selection'): Promise<number> => {
    const fake = createFakeWps({ name: 'w', sheets: [{ name: 'Data', cells: { A1: 'x' } }], selection: 'B3' });
    const calls = await callsOf(fake, () => hostOf(fake).writeSummaryTable(spec, target));
    const s = fake.sheet(target === 'new-sheet' ? '汇总表' : 'Data');
    const t = s.tables[0];
    expect(t.area.r1 - t.area.r0).toBe(spec.body.length);
    expect(grid(s, `${toA1(t.area.r0 + 1, t.area.c0)}:${toA1(t.area.r1, t.area.c1)}`, valueOf)).toEqual(bodyValues(spec));
    const layout = layoutSummary(spec, t.area.r0 - 2, t.area.c0);
    expectBlock(s, layout.table);
    return calls;
  };

  it('20 and 400 rows cost the same, on a new sheet and at the selection', async () => {
    const small = repeatedInPlace(compare, 20);
    const large = repeatedInPlace(compare, 400);
    const counts = {
      newSheet: [await count(small, 'new-sheet'), await count(large, 'new-sheet')],
      selection: [await count(small, 'selection'), await count(large, 'selection')],
    };
    expect(counts.newSheet[1] - counts.newSheet[0]).toBeLessThanOrEqual(2);
    expect(counts.selection[1] - counts.selection[0]).toBeLessThanOrEqual(2);
    expect(counts.newSheet[0]).toBeLessThan(250);
    expect(counts.selection[0]).toBeLessThan(300);
  });

  it('when the formats change at almost every row, the calls grow with the changes (about one per 7 rows), never per cell', async () => {
    const small = await count(repeatedInTurn(compare, 20), 'new-sheet');
    const large = await count(repeatedInTurn(compare, 400), 'new-sheet');
    expect(large).toBeGreaterThan(small);
    expect(large - small).toBeLessThan(380 / 6);
  });

  it('joins the vertical runs of a style across columns, and keeps address lists within 255 characters', () => {
    expect(areasOf([0, 1, 2].flatMap((col) => [{ row: 3, col }, { row: 4, col }, { row: 6, col }]))).toEqual([
      { r0: 3, c0: 0, r1: 4, c1: 2 },
      { r0: 6, c0: 0, r1: 6, c1: 2 },
    ]);
    expect(joinAcross([rectOf('B2:B5'), rectOf('C2:C4'), rectOf('D2:D4'), rectOf('F2:F4')])).toEqual([rectOf('B2:B5'), rectOf('C2:D4'), rectOf('F2:F4')]);
    expect(columnWidthChars(columnWidthPoints(13.5))).toBe(13.5);
    expect(fakeColumnPoints(columnWidthChars(60))).toBeCloseTo(60, 1);
  });
});

// -----------------------------------------------------------------------------------------------

describe('WpsHost.insertLineChart', () => {
  const years: FakeWpsSheetSpec = {
    name: '历年',
    blocks: [
      {
        at: 'A1',
        rows: [
          ['指标', '2019年', '2020年', '2021年', '2022年', '2023年'],
          ['床位数', 120, 125, 130, 138, 140],
          ['医生数', 40, 42, 45, 47, 50],
        ],
      },
    ],
  };

  it('charts the user\u2019s cells on a new 趋势图 sheet, leaving them as they were', async () => {
    const fake = createFakeWps({ name: 'w', sheets: [years] });
    const before = sheetSnapshot(fake, '历年');
    const host = hostOf(fake);
    const ref = {
      sheet: '历年',
      categories: 'B1:F1',
      series: [
        { name: '床位数', values: 'B2:F2' },
        { name: '医生数', values: '$B$3:$F$3' },
      ],
    };
    const info = await host.insertLineChart(ref, '床位数与医生数（2019—2023年）');
    expect(info).toEqual({ sheet: '趋势图', chart: '图表 1' });
    const t = fake.sheet('趋势图');
    const cats = { sheet: '历年', address: 'B1:F1' };
    expect(t.charts).toEqual([
      {
        name: '图表 1',
        type: LINE_MARKERS,
        hasTitle: true,
        title: '床位数与医生数（2019—2023年）',
        series: [
          { name: '床位数', values: { sheet: '历年', address: 'B2:F2' }, xValues: cats },
          { name: '医生数', values: { sheet: '历年', address: 'B3:F3' }, xValues: cats },
        ],
        left: 0,
        top: 0,
        width: expect.closeTo(11 * fakeColumnPoints(FAKE_DEFAULT_COLUMN_WIDTH), 6), // A…K
        height: expect.closeTo(23 * 13.5, 6), // rows 1…23
      },
    ]);
    expect(t.cells.size).toBe(0);
    expect(fake.state.activeSheet).toBe('趋势图');
    expect(sheetSnapshot(fake, '历年')).toEqual(before);

    const again = await host.insertLineChart({ ...ref, series: [ref.series[0]] }, '床位数');
    expect(again.sheet).toBe('趋势图(2)');
    expect(fake.sheet('趋势图(2)').charts[0].series).toHaveLength(1);
  });

  it('checks the ranges before asking WPS anything, and the sheet before adding one', async () => {
    const fake = createFakeWps({ name: 'w', sheets: [years] });
    const host = hostOf(fake);
    fake.resetCalls();
    let e = await failure(host.insertLineChart({ sheet: '历年', categories: 'B1:F1', series: [{ name: '床位数', values: 'B2:E2' }] }, 't'));
    expect(e.bilingual['zh-CN']).toContain('床位数');
    e = await failure(host.insertLineChart({ categories: ['2021', '2022'], series: [{ name: 'x', values: [1, Number.NaN] }] }, 't'));
    expect(e.bilingual['en-US']).toContain('finite');
    expect(fake.calls).toBe(0);

    e = await failure(host.insertLineChart({ sheet: '没有', categories: 'B1:F1', series: [{ name: 'x', values: 'B2:F2' }] }, 't'));
    expect(e.reason).toBe('SheetMissing');
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['历年']);
  });

  it('charts values from a small table on its own 趋势图 sheet, never writing to the user\u2019s sheets', async () => {
    const fake = createFakeWps({ name: 'w', sheets: [years] });
    const before = sheetSnapshot(fake, '历年');
    const host = hostOf(fake);
    const data = {
      header: '指标',
      categories: ['2020', '2021', '2022'],
      series: [
        { name: '医疗服务类罚款', values: [null, 58590, 585900], numberFormat: '#,##0' },
        { name: '法制审核率', values: [0.8, 0.9, 1], numberFormat: '0.0%' },
      ],
    };
    const info = await host.insertLineChart(data, '医疗服务类罚款、法制审核率');
    expect(info).toEqual({ sheet: '趋势图', chart: '图表 1', data: 'A1:D3' });
    const t = fake.sheet('趋势图');
    expect(grid(t, 'A1:D3', valueOf)).toEqual([
      ['指标', '2020', '2021', '2022'],
      ['医疗服务类罚款', '', 58590, 585900],
      ['法制审核率', 0.8, 0.9, 1],
    ]);
    expect(grid(t, 'A1:D3', formatOf)).toEqual([
      ['@', '@', '@', '@'],
      ['@', '#,##0', '#,##0', '#,##0'],
      ['@', '0.0%', '0.0%', '0.0%'],
    ]);
    expect(cellAt(t, 'D1')?.bold).toBe(true);
    expect(t.columnWidths.get(0)).toBeGreaterThan(FAKE_DEFAULT_COLUMN_WIDTH);
    const cats = { sheet: '趋势图', address: 'B1:D1' };
    expect(t.charts[0]).toMatchObject({
      type: LINE_MARKERS,
      title: '医疗服务类罚款、法制审核率',
      series: [
        { name: '医疗服务类罚款', values: { sheet: '趋势图', address: 'B2:D2' }, xValues: cats },
        { name: '法制审核率', values: { sheet: '趋势图', address: 'B3:D3' }, xValues: cats },
      ],
      left: 0,
      top: 4 * 13.5, // below the table: from A5
    });
    expect(sheetSnapshot(fake, '历年')).toEqual(before);

    // Forty indicators: one more sheet, forty series, the table's last row in place.
    const many = { categories: ['2021', '2022'], series: Array.from({ length: 40 }, (_, i) => ({ name: `指标${i}`, values: [i, i + 1] })) };
    await host.insertLineChart(many, 't');
    expect(fake.sheet('趋势图(2)').charts[0].series).toHaveLength(40);
    expect(grid(fake.sheet('趋势图(2)'), 'A41:C41', valueOf)).toEqual([['指标39', 39, 40]]);
  });
});

// -----------------------------------------------------------------------------------------------

describe('WpsHost.insertStandardForm', () => {
  const SPEC: StandardFormSpec = standardForm({ years: ['2022', '2023', '2024'], bureau: '某某区卫生健康局' });
  const L = SPEC.layout;
  const at = (name: string, year: string): string => toA1(L.firstRow + SPEC.rows.findIndex((r) => r.name === name), L.yearCols[SPEC.years.indexOf(year)]);
  const formWorkbook = (extra: FakeWpsSheetSpec[] = []): FakeWps =>
    createFakeWps({
      name: 'w',
      sheets: [{ name: '法治指标', blocks: [{ at: 'A1', rows: [['指标', '单位', '2022年'], ['法制审核率', '%', { value: 1, numberFormat: '0.00%' }]] }], columnWidths: { B: 30 } }, ...extra],
    });

  it('adds 指标表 and 校验规则: values, formats, borders, validation, frozen header, widths; the user\u2019s sheet untouched', async () => {
    const fake = formWorkbook();
    const before = sheetSnapshot(fake, '法治指标');
    const info = await hostOf(fake).insertStandardForm(SPEC);
    expect(info).toEqual({ sheet: '指标表', rulesSheet: '校验规则', validation: true });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['法治指标', '指标表', '校验规则']);
    expect(fake.state.activeSheet).toBe('指标表');
    expect(sheetSnapshot(fake, '法治指标')).toEqual(before);

    const s = fake.sheet('指标表');
    const cells = formCells(SPEC);
    const formats = formNumberFormats(SPEC);
    expect(grid(s, `A1:${toA1(L.lastUsedRow, L.width - 1)}`, (c) => c?.value ?? null)).toEqual(cells);
    expect(grid(s, `A1:${toA1(L.lastUsedRow, L.width - 1)}`, formatOf)).toEqual(formats);
    expect(cellAt(s, 'A1')).toMatchObject({ value: SPEC.title, bold: true, fontSize: 16, hAlign: CENTER });
    expect(s.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: L.width - 1 }]);
    expect(s.rowHeights.get(L.titleRow)).toBe(30);
    expect(s.view).toMatchObject({ frozen: true, splitRow: 4, splitColumn: 0 });
    expect(cellAt(s, 'D4')).toMatchObject({ value: '2022年', bold: true, fill: bgr('#DDEBF7'), hAlign: CENTER, wrapText: true });
    // Borders on every cell of the header and indicator rows, none on the notes.
    const border = { lineStyle: 1, color: bgr('#808080') };
    expect(grid(s, `A${L.headerRow + 1}:${toA1(L.lastRow, L.width - 1)}`, (c) => c?.border).flat().every((b) => JSON.stringify(b) === JSON.stringify(border))).toBe(true);
    expect(cellAt(s, `B${L.noteRows[0] + 1}`)?.border).toBeUndefined();
    // Parts indented; codes and units centred.
    expect(cellAt(s, 'B12')).toMatchObject({ value: '其中：警告', indent: 1 });
    expect(cellAt(s, 'B11')?.indent).toBeUndefined();
    expect(cellAt(s, 'A12')).toMatchObject({ value: 7.1, hAlign: CENTER });
    // Validation by the kind of each row: blanks allowed, a stop alert with the form's texts.
    expect(cellAt(s, at('行政处罚案件', '2022'))?.validation).toEqual({
      type: 1,
      alertStyle: 1,
      operator: 7,
      formula1: '0',
      ignoreBlank: true,
      showError: true,
      errorTitle: '请填写整数',
      errorMessage: SPEC.validations.count.error,
    });
    expect(cellAt(s, at('法制审核率', '2024'))?.validation).toMatchObject({ type: 2, operator: 1, formula1: '0', formula2: '1' });
    expect(cellAt(s, at('罚没款', '2023'))?.validation).toMatchObject({ type: 2, operator: 7, formula1: '0' });
    expect([...s.cells.values()].filter((c) => c.validation).length).toBe(SPEC.rows.length * 3);
    SPEC.widths.forEach((w, j) => expect(s.columnWidths.get(j)).toBeCloseTo(w, 2));

    // The rules sheet: the examples as text (an expression is never a formula).
    const rules = fake.sheet('校验规则');
    expect(cellAt(rules, 'C2')).toMatchObject({ value: '[经法制审核的重大执法决定] <= [重大执法决定]', numberFormat: '@' });
    expect(cellAt(rules, 'A1')).toMatchObject({ value: '编号', bold: true });

    // Read back through the same host: a wide indicator sheet whose parts are children of their totals.
    const { model, sheets } = analyzeWorkbook(await hostOf(fake).readWorkbook());
    expect(sheets.find((x) => x.sheet === '指标表')?.layout).toBe('wide');
    const rows = [...model.rows.values()].filter((r) => r.sheet === '指标表');
    expect(rows.map((r) => r.label)).toEqual(SPEC.rows.map((r) => r.label.trim()));
    rows.forEach((r, i) => {
      const p = SPEC.rows[i].parent;
      expect(r.parent).toBe(p === undefined ? undefined : rows[p].id);
    });
  });

  it('never touches a sheet the workbook has: 指标表(2) beside the user\u2019s 指标表, their 校验规则 kept', async () => {
    const fake = formWorkbook([
      { name: '指标表', cells: { A1: '我的指标表', B2: 5 } },
      { name: '校验规则', cells: { A1: '编号', C2: '[甲] == [乙]' } },
    ]);
    const before = fake.state.sheets.map((s) => sheetSnapshot(fake, s.name));
    const info = await hostOf(fake).insertStandardForm(SPEC);
    expect(info).toEqual({ sheet: '指标表(2)', rulesSheet: null, validation: true });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['法治指标', '指标表', '校验规则', '指标表(2)']);
    expect(['法治指标', '指标表', '校验规则'].map((n) => sheetSnapshot(fake, n))).toEqual(before);
    expect(cellAt(fake.sheet('指标表(2)'), 'A1')?.value).toBe(SPEC.title);
    expect(fake.state.activeSheet).toBe('指标表(2)');
  });

  it('costs the same calls whatever the workbook holds', async () => {
    const small = formWorkbook([{ name: '校验规则' }]);
    const big = formWorkbook([{ name: '校验规则' }, { name: '大表', blocks: [{ at: 'A1', rows: Array.from({ length: 2000 }, (_, i) => [`指标${i}`, i]) }] }]);
    const a = await callsOf(small, () => hostOf(small).insertStandardForm(SPEC));
    const b = await callsOf(big, () => hostOf(big).insertStandardForm(SPEC));
    expect(b - a).toBe(2); // the extra sheet's Item and Name
    expect(a).toBeLessThan(200);
  });
});

// -----------------------------------------------------------------------------------------------

describe('the fake models what WPS does', () => {
  type AnyRange = {
    Value2: unknown;
    Formula: unknown;
    NumberFormat: unknown;
    MergeCells: unknown;
    MergeArea: { Address(a?: boolean, b?: boolean): string };
    Merge(): void;
    Left: number;
    Width: number;
    Validation: { Add(...a: unknown[]): void; ErrorTitle: string };
  };
  type AnySheet = { Range(a: string): AnyRange; ListObjects: { Add(...a: unknown[]): unknown }; ChartObjects(): { Add(...a: number[]): { Chart: { ChartTitle: unknown } } } };
  const sheetOf = (fake: FakeWps, name: string): AnySheet => fake.Application.ActiveWorkbook!.Worksheets.Item(name) as unknown as AnySheet;

  it('refuses changes to a protected sheet and new sheets under a protected structure', () => {
    const fake = createFakeWps({ name: 'w', sheets: [{ name: 'P', protectContents: true, cells: { A1: 1 } }, { name: 'Q' }], protectStructure: true });
    const p = sheetOf(fake, 'P');
    expect(p.Range('A1').Value2).toBe(1);
    expect(() => (p.Range('B2').Value2 = 5)).toThrow(/protected sheet/);
    expect(() => (p.Range('B2').NumberFormat = '@')).toThrow(/protected sheet/);
    expect(() => p.Range('B2:C2').Merge()).toThrow(/protected sheet/);
    expect(() => p.ChartObjects().Add(0, 0, 10, 10)).toThrow(/protected sheet/);
    const sheets = fake.Application.ActiveWorkbook!.Worksheets;
    expect(() => sheets.Add(undefined, sheets.Item(2))).toThrow(/structure is protected/);
    expect(() => ((sheets.Item(2) as unknown as { Name: string }).Name = 'R')).toThrow(/structure is protected/);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['P', 'Q']);
  });

  it('merges keep the top-left value; a write may not cut a merged area; tables and merges exclude each other', () => {
    const fake = createFakeWps({ name: 'w', sheets: [{ name: 'A', cells: { A1: 'keep', B1: 'lost' } }] });
    const a = sheetOf(fake, 'A');
    expect(() => a.Range('A1:C1').Merge()).toThrow(/confirm/); // DisplayAlerts on: WPS would ask
    fake.Application.DisplayAlerts = false;
    a.Range('A1:C1').Merge();
    expect(fake.valuesOf('A')).toEqual({ A1: 'keep' });
    expect([a.Range('A1:C1').MergeCells, a.Range('A1:D1').MergeCells, a.Range('A2').MergeCells]).toEqual([true, null, false]);
    expect(a.Range('B1').MergeArea.Address(false, false)).toBe('A1:C1');
    expect(() => (a.Range('B1:D1').Value2 = [[1, 2, 3]])).toThrow(/merged cell/);
    expect(() => a.ListObjects.Add(1, a.Range('A1:C3'), undefined, 1)).toThrow(/merged/);
    a.ListObjects.Add(1, a.Range('A5:C6'), undefined, 1);
    expect(() => a.Range('A5:B5').Merge()).toThrow(/table/);
  });

  it('refuses validation twice and alert texts over Excel\u2019s limits; a chart title needs HasTitle', () => {
    const fake = createFakeWps({ name: 'w', sheets: [{ name: 'A' }] });
    const a = sheetOf(fake, 'A');
    a.Range('B2:B3').Validation.Add(1, 1, 7, '0');
    expect(() => a.Range('B3').Validation.Add(1, 1, 7, '0')).toThrow(/validation already/);
    expect(() => (a.Range('B2:B3').Validation.ErrorTitle = 'x'.repeat(33))).toThrow(/32/);
    expect(() => a.Range('C2').Validation.Add(2, 1, 1, '0')).toThrow(/formula/);
    const chart = a.ChartObjects().Add(0, 0, 100, 100).Chart;
    expect(() => chart.ChartTitle).toThrow(/HasTitle/);
    // Positions in points: column B starts after column A's (8.38·7 + 5) px · 0.75.
    expect(a.Range('B1').Left).toBeCloseTo(fakeColumnPoints(FAKE_DEFAULT_COLUMN_WIDTH), 6);
    expect(a.Range('A1:C1').Width).toBeCloseTo(3 * fakeColumnPoints(FAKE_DEFAULT_COLUMN_WIDTH), 6);
  });
});
