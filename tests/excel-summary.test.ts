// The Office.js writer of summary tables (ExcelHost.writeSummaryTable) and the 跨年 trend chart
// (ExcelHost.insertLineChart), against the fake Excel, with specs built by the real core/report
// from the bundled sample workbook.
import * as fs from 'fs';
import * as path from 'path';
import {
  bodyNumberFormats,
  bodyValues,
  buildSummary,
  STATUS_COLOR,
  STATUS_FILL,
  placeTable,
  summaryInput,
  type SummaryInput,
  type TableCell,
  type TableSpec,
} from '../src/core/report';
import { HostError } from '../src/hosts/excel/errors';
import { ExcelHost, type ExcelHostOptions, mergeBandsOf } from '../src/hosts/excel/excel-host';
import { columnWidthPoints, freeSheetName, parseRangeAddress, planTrend, wouldBeReinterpreted } from '../src/hosts/excel/summary-writer';
import { readXlsx } from '../src/hosts/xlsx/read-xlsx';
import {
  type FakeCell,
  type FakeExcel,
  type FakeSheet,
  type FakeSheetSpec,
  FAKE_DEFAULT_COLUMN_WIDTH,
  areaAddress,
  createFakeExcel,
  formatsSnapshot,
  parseArea,
} from './fakes/fake-excel';

const SAMPLE = path.join(__dirname, '..', 'samples', '示例-乐山市市中区-法治指标.xlsx');
const NOW = new Date(2026, 0, 2, 10, 30);

/** Every requirement set up to ExcelApi 1.`minor`. */
const upTo =
  (minor: number) =>
  (name: string, version: string): boolean =>
    name === 'ExcelApi' && Number(version.split('.')[1]) <= minor;

function hostFor(fake: FakeExcel, options: ExcelHostOptions = {}): ExcelHost {
  return new ExcelHost((batch) => fake.run(batch), { platform: fake.platform, isSetSupported: upTo(20), syncTimeoutMs: 5000, ...options });
}

let input: SummaryInput;
let compare: TableSpec;
let composition: TableSpec;

beforeAll(async () => {
  const snap = await readXlsx(fs.readFileSync(SAMPLE), path.basename(SAMPLE));
  input = summaryInput(snap);
  compare = buildSummary('compare', input, { now: NOW });
  composition = buildSummary('composition', input, { now: NOW, years: ['2022'] });
});

/** A user's workbook: a data sheet with formats, their own 汇总表 sheet, a table and a defined name. */
function userWorkbook(): FakeExcel {
  const sheets: FakeSheetSpec[] = [
    {
      name: '法治指标',
      blocks: [
        {
          at: 'A1',
          values: [
            ['指标', '单位', '2021年', '2022年'],
            ['重大执法决定法制审核案件', '件', 15, 15],
            ['法制审核率', '%', 0.9333, 1],
            ['依法公开执法处罚信息', '条', 98, 106],
          ],
        },
      ],
      cells: {
        C3: { value: 0.9333, numberFormat: '0.00%', fill: '#FFFF00', bold: true },
        H20: { value: '', fill: '#00FF00' }, // formatted but empty: not in the way
      },
    },
    { name: '汇总表', cells: { A1: '用户自己的汇总表' } },
  ];
  const fake = createFakeExcel(sheets, { workbookName: '示例.xlsx' });
  const state = fake.workbookState;
  const data = state.sheets[0];
  data.columnWidths = new Map([[3, 300]]); // the user's wide column D
  state.tables.push({ name: 'Summary_1', sheet: data, area: parseArea('A1:D4'), hasHeaders: true, style: 'TableStyleLight9' });
  state.names = ['Summary_2'];
  return fake;
}

function sheet(fake: FakeExcel, name: string): FakeSheet {
  const s = fake.workbookState.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}: ${fake.workbookState.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

function cellAt(s: FakeSheet, row: number, col: number): FakeCell | undefined {
  return s.cells.get(`${row},${col}`);
}

/** A property of every cell of a range, as a 2D array. */
function grid<V>(s: FakeSheet, address: string, f: (c: FakeCell | undefined) => V): V[][] {
  const r = parseArea(address);
  const out: V[][] = [];
  for (let i = r.r0; i <= r.r1; i++) {
    const row: V[] = [];
    for (let j = r.c0; j <= r.c1; j++) row.push(f(cellAt(s, i, j)));
    out.push(row);
  }
  return out;
}

const valueOf = (c: FakeCell | undefined) => c?.value ?? '';
const formatOf = (c: FakeCell | undefined) => c?.numberFormat ?? 'General';

/** Everything about a sheet, as plain data. */
function sheetState(fake: FakeExcel, name: string): unknown {
  const s = sheet(fake, name);
  return JSON.parse(
    JSON.stringify({
      cells: [...s.cells].sort(([a], [b]) => a.localeCompare(b)),
      merges: s.merges ?? [],
      widths: [...(s.columnWidths ?? [])],
      heights: [...(s.rowHeights ?? [])],
      charts: s.charts ?? [],
      gridlines: s.showGridlines,
      cf: s.conditionalFormats,
      tables: fake.workbookState.tables.filter((t) => t.sheet === s).map((t) => ({ ...t, sheet: t.sheet.name })),
    }),
  );
}

/** Cells of a sheet as `r,c → cell`, shifted by (dr, dc). */
function shiftedCells(s: FakeSheet, dr: number, dc: number): Map<string, FakeCell> {
  return new Map(
    [...s.cells].map(([k, c]) => {
      const [r, col] = k.split(',').map(Number);
      return [`${r + dr},${col + dc}`, c];
    }),
  );
}

async function syncsOf(fake: FakeExcel, f: () => Promise<unknown>): Promise<number> {
  const before = fake.syncCount;
  await f();
  return fake.syncCount - before;
}

/** The compare spec with `n` body rows (rows repeated with unique labels). */
function withRows(spec: TableSpec, n: number): TableSpec {
  const body: TableCell[][] = Array.from({ length: n }, (_, i) => {
    const row = spec.body[i % spec.body.length].map((c) => ({ ...c }));
    row[0] = { ...row[0], value: `${String(row[0].value)}-${i + 1}` };
    return row;
  });
  return { ...spec, body };
}

function rowOf(spec: TableSpec, label: string): number {
  const i = spec.body.findIndex((r) => r[0].value === label);
  if (i < 0) throw new Error(`no row ${label}`);
  return i;
}

// -----------------------------------------------------------------------------------------------

describe('ExcelHost.writeSummaryTable on a new sheet', () => {
  it('writes title, units, one table block with formats, the table object, styles, notes, source and widths in 2 syncs', async () => {
    const fake = userWorkbook();
    const before = { data: sheetState(fake, '法治指标'), own: sheetState(fake, '汇总表') };
    let info: Awaited<ReturnType<ExcelHost['writeSummaryTable']>> | undefined;
    const syncs = await syncsOf(fake, async () => {
      info = await hostFor(fake).writeSummaryTable(compare, 'new-sheet');
    });
    expect(syncs).toBe(2);
    expect(fake.workbookState.writesBeforeSuspend ?? 0).toBe(0);

    const n = compare.body.length;
    const p = placeTable(compare);
    expect(info).toEqual({
      sheet: '汇总表(2)',
      address: `A1:G${p.lastRow + 1}`,
      tableAddress: `A3:G${3 + n}`,
      table: 'Summary_3', // Summary_1 is a table, Summary_2 a defined name
    });
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(['法治指标', '汇总表', '汇总表(2)']);
    expect(fake.workbookState.activeSheet).toBe('汇总表(2)');

    const s = sheet(fake, '汇总表(2)');
    const table = fake.workbookState.tables.find((t) => t.name === 'Summary_3');
    expect(table).toMatchObject({ sheet: s, hasHeaders: true, style: 'TableStyleMedium2' });
    expect(areaAddress(table!.area)).toBe(`A3:G${3 + n}`);

    // Title: merged across, bold 14, centred; units line italic grey.
    expect(cellAt(s, 0, 0)).toMatchObject({ value: compare.title, bold: true, fontSize: 14, horizontalAlignment: 'Center' });
    expect((s.merges ?? []).map(areaAddress)).toEqual(['A1:G1']);
    expect(cellAt(s, 1, 0)).toMatchObject({ value: compare.subtitle, italic: true, fontColor: '#595959' });
    expect(s.rowHeights?.get(0)).toBe(24);
    expect(s.showGridlines).toBe(false);

    // Header + body: exactly the values and number formats core/report gives.
    expect(grid(s, 'A3:G3', valueOf)).toEqual([compare.header[0]]);
    expect(grid(s, 'A3:G3', (c) => c?.horizontalAlignment)).toEqual([new Array(7).fill('Center')]);
    expect(grid(s, `A4:G${3 + n}`, valueOf)).toEqual(bodyValues(compare));
    expect(grid(s, `A4:G${3 + n}`, formatOf)).toEqual(bodyNumberFormats(compare));
    expect(grid(s, 'A3:G3', formatOf)).toEqual([new Array(7).fill('General')]);

    // Alignment: text left, numbers right, the status text centred.
    const r = 3 + rowOf(compare, '依法公开执法处罚信息');
    expect(grid(s, `A${r + 1}:G${r + 1}`, (c) => c?.horizontalAlignment)).toEqual([['Left', 'Left', 'Right', 'Right', 'Right', 'Right', 'Center']]);
    expect(cellAt(s, r, 0)?.verticalAlignment).toBe('Center');

    // Status colours: error red and bold with a red fill, ok text green, ok numbers plain.
    const e = 3 + compare.body.findIndex((row) => row[6].status === 'error');
    const ok = 3 + compare.body.findIndex((row) => row[6].status === 'ok');
    expect(e).toBeGreaterThan(2);
    expect(ok).toBeGreaterThan(2);
    expect(cellAt(s, e, 6)).toMatchObject({ value: '错误', fontColor: '#9C0006', fill: '#FFC7CE', bold: true });
    expect(cellAt(s, ok, 6)).toMatchObject({ value: '通过', fontColor: '#006100', fill: '#C6EFCE' });
    expect(cellAt(s, ok, 6)?.bold).toBeUndefined();
    expect(cellAt(s, ok, 2)?.fontColor).toBeUndefined();
    // A value with a finding is coloured like its status; every coloured cell has a status.
    compare.body.forEach((row, i) =>
      row.forEach((c, j) => {
        const colored = !!c.status && (c.status !== 'ok' || c.format === 'text');
        expect([i, j, cellAt(s, 3 + i, j)?.fontColor ?? null]).toEqual([i, j, colored ? `#${STATUS_COLOR[c.status!].slice(2)}` : null]);
        expect(cellAt(s, 3 + i, j)?.fill ?? null).toBe(colored ? `#${STATUS_FILL[c.status!].slice(2)}` : null);
      }),
    );
    expect(compare.body.some((row) => row.some((c) => c.status === 'error' && c.format !== 'text'))).toBe(true);

    // Notes grey, the source line italic grey size 9, nothing else below.
    compare.notes.forEach((note, i) => expect(cellAt(s, 3 + n + i, 0)).toMatchObject({ value: note, fontColor: '#595959' }));
    expect(cellAt(s, p.sourceRow, 0)).toMatchObject({ value: compare.source, italic: true, fontSize: 9, fontColor: '#7F7F7F' });
    expect([...s.cells.keys()].every((k) => Number(k.split(',')[0]) <= p.sourceRow)).toBe(true);

    // Widths: characters → points.
    compare.widths.forEach((w, j) => expect(s.columnWidths?.get(j)).toBe((w * 7 + 5) * 0.75));
    expect(s.charts ?? []).toEqual([]);

    // The user's sheets are untouched.
    expect(sheetState(fake, '法治指标')).toEqual(before.data);
    expect(sheetState(fake, '汇总表')).toEqual(before.own);
  });

  it('takes 汇总表 when free, then 汇总表(2)…, with a new table name each time', async () => {
    const fake = createFakeExcel([{ name: 'Data', cells: { A1: 1 } }]);
    const host = hostFor(fake);
    const a = await host.writeSummaryTable(compare, 'new-sheet');
    const b = await host.writeSummaryTable(compare, 'new-sheet');
    expect([a.sheet, a.table, b.sheet, b.table]).toEqual(['汇总表', 'Summary_1', '汇总表(2)', 'Summary_2']);
    const en = await host.writeSummaryTable({ ...compare, lang: 'en-US' }, 'new-sheet');
    expect(en.sheet).toBe('Summary');
    expect(freeSheetName(['汇总表', '汇总表(2)'], '汇总表')).toBe('汇总表(3)');
  });

  it('writes the same cells with RangeAreas (ExcelApi 1.9) as with one range per run (before 1.9)', async () => {
    const withAreas = createFakeExcel([{ name: 'Data' }]);
    const without = createFakeExcel([{ name: 'Data' }]);
    await hostFor(withAreas).writeSummaryTable(compare, 'new-sheet');
    await hostFor(without, { isSetSupported: upTo(8) }).writeSummaryTable(compare, 'new-sheet');
    const strip = (x: unknown) => JSON.parse(JSON.stringify(x));
    const a = strip(formatsSnapshot(withAreas.workbookState));
    const b = strip(formatsSnapshot(without.workbookState));
    expect(a).toEqual(b);
    expect(a[1].cells.length).toBeGreaterThan(7 * compare.body.length);
    expect(sheetState(withAreas, '汇总表')).toMatchObject({ cells: (sheetState(without, '汇总表') as { cells: unknown }).cells });
    expect(withAreas.workbookState.screenUpdatingSuspensions).toBe(1);
  });

  it('keeps text that Excel would turn into a number, date or formula as text', async () => {
    const spec: TableSpec = {
      ...compare,
      header: [['编号', '说明', '数值']],
      body: [
        [
          { value: '0012', format: 'text' },
          { value: '=1+1', format: 'text' },
          { value: 5, format: 'integer' },
        ],
        [
          { value: '2021-01', format: 'text' },
          { value: '700余', format: 'text' },
          { value: null, format: 'integer' },
        ],
      ],
      widths: [8, 8, 8],
      chart: undefined,
    };
    const fake = createFakeExcel([{ name: 'Data' }]);
    await hostFor(fake).writeSummaryTable(spec, 'new-sheet');
    const s = sheet(fake, '汇总表');
    expect(grid(s, 'A4:C5', valueOf)).toEqual([
      ['0012', '=1+1', 5],
      ['2021-01', '700余', '—'],
    ]);
    expect(grid(s, 'A4:C5', formatOf)).toEqual([
      ['@', '@', '#,##0'],
      ['@', 'General', 'General'],
    ]);
    expect(cellAt(s, 3, 1)?.formula).toBeUndefined();
    expect(['1,234', '5%', '(5)', '1e5', 'TRUE', '#N/A', '10:30', '2022年1月'].every(wouldBeReinterpreted)).toBe(true);
    expect(['2021年', '通过', '—', '700余', '乐山市', '比率指标'].some(wouldBeReinterpreted)).toBe(false);
  });

  it('writes group heading rows above the table, merged where a heading continues', async () => {
    const spec: TableSpec = {
      ...compare,
      header: [
        ['', '2021年', null, '2022年', null],
        ['指标', '数量', '占比', '数量', '占比'],
      ],
      body: [
        [
          { value: '甲', format: 'text' },
          { value: 1, format: 'integer' },
          { value: 0.5, format: 'percent' },
          { value: 2, format: 'integer' },
          { value: 0.25, format: 'percent' },
        ],
      ],
      widths: [6, 6, 6, 6, 6],
      notes: [],
      chart: undefined,
    };
    const fake = createFakeExcel([{ name: 'Data' }]);
    const info = await hostFor(fake).writeSummaryTable(spec, 'new-sheet');
    expect(info.tableAddress).toBe('A4:E5');
    const s = sheet(fake, '汇总表');
    expect((s.merges ?? []).map(areaAddress).sort()).toEqual(['A1:E1', 'B3:C3', 'D3:E3']);
    expect(grid(s, 'A3:E3', valueOf)).toEqual([['', '2021年', '', '2022年', '']]);
    expect(cellAt(s, 2, 1)).toMatchObject({ bold: true, horizontalAlignment: 'Center' });
    expect(grid(s, 'A4:E5', valueOf)).toEqual([spec.header[1], ['甲', 1, 0.5, 2, 0.25]]);
    expect(cellAt(s, 5, 0)?.value).toBe(spec.source);
  });

  it('fails with a bilingual HostError before ExcelApi 1.2, writing nothing', async () => {
    const fake = createFakeExcel([{ name: 'Data' }]);
    const err = await hostFor(fake, { isSetSupported: upTo(1) })
      .writeSummaryTable(compare, 'new-sheet')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).bilingual['zh-CN']).toContain('ExcelApi 1.2');
    expect(fake.syncCount).toBe(0);
    expect(fake.workbookState.sheets).toHaveLength(1);
  });
});

describe('ExcelHost.writeSummaryTable at the selection', () => {
  it('writes at D10 with the new-sheet geometry shifted, in 3 syncs, never narrowing a column', async () => {
    const ref = createFakeExcel([{ name: 'Data' }]);
    await hostFor(ref).writeSummaryTable(compare, 'new-sheet');
    const atA1 = sheet(ref, '汇总表');

    const fake = userWorkbook();
    fake.workbookState.selection = { sheet: '法治指标', address: 'D10:E12' };
    const userCells = new Map([...sheet(fake, '法治指标').cells].map(([k, c]) => [k, { ...c }]));
    let info: Awaited<ReturnType<ExcelHost['writeSummaryTable']>> | undefined;
    const syncs = await syncsOf(fake, async () => {
      info = await hostFor(fake).writeSummaryTable(compare, 'selection');
    });
    expect(syncs).toBe(3);
    const n = compare.body.length;
    const p = placeTable(compare, 9, 3);
    expect(info).toEqual({ sheet: '法治指标', address: `D10:J${p.lastRow + 1}`, tableAddress: `D12:J${12 + n}`, table: 'Summary_3' });
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(['法治指标', '汇总表']);

    const s = sheet(fake, '法治指标');
    // Every written cell is the new-sheet cell moved by 9 rows and 3 columns; the user's stay
    // (an empty cell with the user's fill keeps the fill under the written value).
    const expected = new Map(userCells);
    for (const [k, c] of shiftedCells(atA1, 9, 3)) expected.set(k, { ...expected.get(k), ...c });
    expect(expected.get('19,7')).toMatchObject({ fill: '#00FF00', value: bodyValues(compare)[7][4] });
    expect(new Map([...s.cells].sort())).toEqual(new Map([...expected].sort()));
    expect((s.merges ?? []).map(areaAddress)).toEqual(['D10:J10']);
    const table = fake.workbookState.tables.find((t) => t.name === 'Summary_3');
    expect(areaAddress(table!.area)).toBe(`D12:J${12 + n}`);
    expect(grid(s, `D13:J${12 + n}`, valueOf)).toEqual(bodyValues(compare));
    // Columns are only widened: D (the user's 300 pt) is kept, E…J get the spec's width where it
    // is wider than the default and keep the default otherwise.
    expect(s.columnWidths?.get(3)).toBe(300);
    const widened = compare.widths.slice(1).map((w) => (columnWidthPoints(w) > FAKE_DEFAULT_COLUMN_WIDTH ? columnWidthPoints(w) : undefined));
    expect(widened.some((w) => w !== undefined) && widened.some((w) => w === undefined)).toBe(true);
    expect(compare.widths.slice(1).map((_, j) => s.columnWidths?.get(4 + j))).toEqual(widened);
    // No row height, gridlines or active-sheet change on the user's sheet.
    expect(s.rowHeights).toBeUndefined();
    expect(s.showGridlines).toBeUndefined();
    expect(fake.workbookState.activeSheet).toBe('法治指标');
  });

  it('refuses when the footprint holds a value, and writes nothing', async () => {
    const fake = userWorkbook();
    fake.workbookState.selection = { sheet: '法治指标', address: 'B3' };
    const before = { data: sheetState(fake, '法治指标'), own: sheetState(fake, '汇总表') };
    const syncsBefore = fake.syncCount;
    const err = await hostFor(fake)
      .writeSummaryTable(compare, 'selection', { chart: true })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    const h = err as HostError;
    expect(h.reason).toBe('TargetOccupied');
    const box = `B3:H${placeTable(compare, 2, 1).lastRow + 1}`;
    expect(h.bilingual['zh-CN']).toContain(`法治指标!${box}`);
    expect(h.bilingual['zh-CN']).toContain('B3、C3、D3');
    expect(h.bilingual['zh-CN']).toContain('Summary_1');
    expect(h.bilingual['en-US']).toContain('B3, C3, D3');
    expect(h.bilingual['en-US']).toContain('Nothing was written');
    expect(fake.syncCount - syncsBefore).toBe(2);
    expect(sheetState(fake, '法治指标')).toEqual(before.data);
    expect(sheetState(fake, '汇总表')).toEqual(before.own);
    expect(fake.workbookState.tables.map((t) => t.name)).toEqual(['Summary_1']);
  });

  it('above 512 merged areas under the target, lists them in bands and still refuses, with a message rather than a raw error', async () => {
    const big = withRows(compare, 600);
    for (const apiMinor of [13, 20]) {
      const fake = createFakeExcel([{ name: 'S' }]);
      sheet(fake, 'S').merges = Array.from({ length: 600 }, (_, i) => parseArea(`C${20 + i}:D${20 + i}`));
      fake.workbookState.selection = { sheet: 'S', address: 'B16' };
      const n0 = fake.syncCount;
      const e = (await hostFor(fake, { isSetSupported: upTo(apiMinor) })
        .writeSummaryTable(big, 'selection')
        .catch((x: unknown) => x)) as HostError;
      expect(e).toBeInstanceOf(HostError);
      expect(e.reason).toBe('TargetOccupied');
      expect(e.bilingual['en-US']).toContain('C20:D20, C21:D21 are merged cells');
      // Sheet names, the failed listing, the listing in bands.
      expect(fake.syncCount - n0).toBe(3);
      expect(sheet(fake, 'S').cells.size).toBe(0);
    }
    expect(mergeBandsOf({ r0: 0, c0: 0, r1: 999, c1: 9 }).every((b) => (b.r1 - b.r0 + 1) * 10 <= 1024)).toBe(true);
    expect(mergeBandsOf({ r0: 5, c0: 2, r1: 999, c1: 9 }).reduce((n, b) => n + b.r1 - b.r0 + 1, 0)).toBe(995);
  });

  it('refuses a formula showing an empty text, a merged area and an overlapping table', async () => {
    const formula = createFakeExcel([{ name: 'S', cells: { C20: { value: '', formula: '=IF(1,"","")' } } }]);
    formula.workbookState.selection = { sheet: 'S', address: 'A15' };
    await expect(hostFor(formula).writeSummaryTable(compare, 'selection')).rejects.toMatchObject({ reason: 'TargetOccupied' });
    expect(sheet(formula, 'S').cells.size).toBe(1);

    const merged = createFakeExcel([{ name: 'S' }]);
    sheet(merged, 'S').merges = [parseArea('F40:H41')];
    merged.workbookState.selection = { sheet: 'S', address: 'B30' };
    const m = (await hostFor(merged)
      .writeSummaryTable(compare, 'selection')
      .catch((e: unknown) => e)) as HostError;
    expect(m.reason).toBe('TargetOccupied');
    expect(m.bilingual['en-US']).toContain('F40:H41 is a merged cell');
    expect(sheet(merged, 'S').cells.size).toBe(0);
    // Before ExcelApi 1.13 merged areas cannot be listed: the write then fails at the table
    // (Excel refuses a table over merged cells), as it would in Excel.
    await expect(hostFor(merged, { isSetSupported: upTo(12) }).writeSummaryTable(compare, 'selection')).rejects.toBeInstanceOf(HostError);

    const tabled = createFakeExcel([{ name: 'S' }]);
    tabled.workbookState.tables.push({ name: 'Empty', sheet: sheet(tabled, 'S'), area: parseArea('K5:L8'), hasHeaders: true, style: 'TableStyleLight1' });
    tabled.workbookState.selection = { sheet: 'S', address: 'E1' };
    const t = (await hostFor(tabled)
      .writeSummaryTable(compare, 'selection')
      .catch((e: unknown) => e)) as HostError;
    expect(t.reason).toBe('TargetOccupied');
    expect(t.bilingual['zh-CN']).toContain('表格 Empty');
  });

  it('refuses a place where the table would run off the sheet', async () => {
    const fake = createFakeExcel([{ name: 'S' }]);
    fake.workbookState.selection = { sheet: 'S', address: 'XFA1' };
    await expect(hostFor(fake).writeSummaryTable(compare, 'selection')).rejects.toMatchObject({ reason: 'TargetOffSheet' });
    fake.workbookState.selection = { sheet: 'S', address: 'A1048570' };
    await expect(hostFor(fake).writeSummaryTable(compare, 'selection')).rejects.toMatchObject({ reason: 'TargetOffSheet' });
    expect(sheet(fake, 'S').cells.size).toBe(0);
  });

  it('fails cleanly on a multi-area selection', async () => {
    const fake = createFakeExcel([{ name: 'S' }]);
    fake.workbookState.selection = { sheet: 'S', address: 'A1,C3' };
    const err = (await hostFor(fake)
      .writeSummaryTable(compare, 'selection')
      .catch((e: unknown) => e)) as HostError;
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe('InvalidSelection');
    expect(sheet(fake, 'S').cells.size).toBe(0);
  });
});

describe('summary table charts', () => {
  it('draws spec.chart to the right of the table: first series by charts.add, the rest by series.add', async () => {
    const fake = userWorkbook();
    const info = await hostFor(fake).writeSummaryTable(compare, 'new-sheet', { chart: true });
    const s = sheet(fake, '汇总表(2)');
    const n = compare.body.length;
    expect(info.chart).toBe('Chart 1');
    expect(s.charts).toEqual([
      {
        name: 'Chart 1',
        type: 'ColumnClustered', // two years: columns
        seriesBy: 'Columns',
        title: compare.chart!.title,
        series: [
          { name: '2021年', values: { sheet: '汇总表(2)', address: `C4:C${3 + n}` } },
          { name: '2022年', values: { sheet: '汇总表(2)', address: `D4:D${3 + n}` } },
        ],
        categories: { sheet: '汇总表(2)', address: `A4:A${3 + n}` },
        position: { start: 'I1', end: 'P18' },
      },
    ]);
    expect(sheet(fake, '法治指标').charts).toBeUndefined();
  });

  it('keeps a first value of — in the series (Excel would take a text first cell as the series name)', async () => {
    const body = compare.body.map((row) => row.map((c) => ({ ...c })));
    body[0][2] = { ...body[0][2], value: null };
    body[0][3] = { ...body[0][3], value: '约10' };
    const fake = createFakeExcel([{ name: 'Data' }]);
    await hostFor(fake).writeSummaryTable({ ...compare, body }, 'new-sheet', { chart: true });
    const n = body.length;
    expect(grid(sheet(fake, '汇总表'), 'C4:D4', valueOf)).toEqual([['—', '约10']]);
    expect(sheet(fake, '汇总表').charts?.[0].series).toEqual([
      { name: '2021年', values: { sheet: '汇总表', address: `C4:C${3 + n}` } },
      { name: '2022年', values: { sheet: '汇总表', address: `D4:D${3 + n}` } },
    ]);
  });

  it('plots only the chosen rows (the composition chart leaves out the total)', async () => {
    const fake = createFakeExcel([{ name: 'Data' }]);
    fake.workbookState.selection = { sheet: 'Data', address: 'C5' };
    await hostFor(fake).writeSummaryTable(composition, 'selection', { chart: true });
    const chart = sheet(fake, 'Data').charts?.[0];
    const rows = composition.chart!.rows!;
    expect(rows[0]).toBe(1);
    // Title C5, units C6, column names C7: body row i is on sheet row 8 + i.
    const r0 = 8 + rows[0];
    const r1 = 8 + rows[rows.length - 1];
    expect(chart).toMatchObject({
      type: 'ColumnClustered',
      series: [{ name: '占比', values: { sheet: 'Data', address: `E${r0}:E${r1}` } }],
      categories: { sheet: 'Data', address: `C${r0}:C${r1}` },
      position: { start: 'H5' },
    });
  });

  it('uses a line chart for three years or more, and skips the chart without ExcelApi 1.7', async () => {
    const spec = { ...compare, chart: { ...compare.chart!, type: 'line' as const } };
    const fake = createFakeExcel([{ name: 'Data' }]);
    await hostFor(fake).writeSummaryTable(spec, 'new-sheet', { chart: true });
    expect(sheet(fake, '汇总表').charts?.[0].type).toBe('LineMarkers');

    const old = createFakeExcel([{ name: 'Data' }]);
    const info = await hostFor(old, { isSetSupported: upTo(6) }).writeSummaryTable(compare, 'new-sheet', { chart: true });
    expect(info.chart).toBeUndefined();
    expect(sheet(old, '汇总表').charts ?? []).toEqual([]);
    expect(info.table).toBe('Summary_1');

    const none = createFakeExcel([{ name: 'Data' }]);
    expect((await hostFor(none).writeSummaryTable(compare, 'new-sheet')).chart).toBeUndefined();
  });
});

describe('sync counts do not depend on the number of rows', () => {
  it.each([
    ['all sets', upTo(20)],
    ['before 1.9', upTo(8)],
  ])('5 rows and 500 rows take the same syncs (%s)', async (_label, sets) => {
    const count = async (rows: number, target: 'new-sheet' | 'selection'): Promise<number> => {
      const fake = createFakeExcel([{ name: 'Data', cells: { A1: 'x' } }]);
      fake.workbookState.selection = { sheet: 'Data', address: 'B3' };
      const spec = withRows(compare, rows);
      const syncs = await syncsOf(fake, () => hostFor(fake, { isSetSupported: sets }).writeSummaryTable(spec, target, { chart: true }));
      const s = target === 'new-sheet' ? sheet(fake, '汇总表') : sheet(fake, 'Data');
      const t = fake.workbookState.tables[0];
      expect(t.area.r1 - t.area.r0).toBe(rows);
      expect(grid(s, areaAddress({ ...t.area, r0: t.area.r0 + 1 }), valueOf)).toEqual(bodyValues(spec));
      return syncs;
    };
    expect([await count(5, 'new-sheet'), await count(500, 'new-sheet')]).toEqual([2, 2]);
    expect([await count(5, 'selection'), await count(500, 'selection')]).toEqual([3, 3]);
  });
});

// -----------------------------------------------------------------------------------------------

describe('ExcelHost.insertLineChart', () => {
  const years: FakeSheetSpec = {
    name: '历年',
    blocks: [
      {
        at: 'A1',
        values: [
          ['指标', '2019年', '2020年', '2021年', '2022年', '2023年'],
          ['床位数', 120, 125, 130, 138, 140],
          ['医生数', 40, 42, 45, 47, 50],
        ],
      },
    ],
  };

  it('puts a line chart on a new 趋势图 sheet over the user\'s cells, in 2 syncs, leaving the sheet as it was', async () => {
    const fake = createFakeExcel([years]);
    const before = sheetState(fake, '历年');
    const host = hostFor(fake);
    const ref = {
      sheet: '历年',
      categories: 'B1:F1',
      series: [
        { name: '床位数', values: 'B2:F2' },
        { name: '医生数', values: '$B$3:$F$3' },
      ],
    };
    let info: { sheet: string; chart: string } | undefined;
    expect(await syncsOf(fake, async () => (info = await host.insertLineChart(ref, '床位数与医生数（2019—2023年）')))).toBe(2);
    expect(info).toEqual({ sheet: '趋势图', chart: 'Chart 1' });
    expect(fake.workbookState.writesBeforeSuspend ?? 0).toBe(0);
    expect(sheet(fake, '趋势图').charts).toEqual([
      {
        name: 'Chart 1',
        type: 'LineMarkers',
        seriesBy: 'Rows',
        title: '床位数与医生数（2019—2023年）',
        series: [
          { name: '床位数', values: { sheet: '历年', address: 'B2:F2' } },
          { name: '医生数', values: { sheet: '历年', address: 'B3:F3' } },
        ],
        categories: { sheet: '历年', address: 'B1:F1' },
        position: { start: 'A1', end: 'K23' },
      },
    ]);
    expect(sheet(fake, '趋势图').cells.size).toBe(0);
    expect(fake.workbookState.activeSheet).toBe('趋势图');
    expect(sheetState(fake, '历年')).toEqual(before);

    const again = await host.insertLineChart({ ...ref, series: [ref.series[0]] }, '床位数');
    expect(again.sheet).toBe('趋势图(2)');
    expect(sheet(fake, '趋势图(2)').charts?.[0].series).toHaveLength(1);
  });

  it('takes columns of values as well', async () => {
    const fake = createFakeExcel([{ name: 'L', blocks: [{ at: 'A1', values: [['年份', '床位'], ['2021', 1], ['2022', 2]] }] }]);
    await hostFor(fake).insertLineChart({ sheet: 'L', categories: 'A2:A3', series: [{ name: '床位', values: 'B2:B3' }] }, 't');
    expect(sheet(fake, '趋势图').charts?.[0]).toMatchObject({ seriesBy: 'Columns', series: [{ name: '床位', values: { sheet: 'L', address: 'B2:B3' } }] });
  });

  it('checks the ranges before any sync, and the sheet in the first', async () => {
    const fake = createFakeExcel([years]);
    const host = hostFor(fake);
    const bad = async (ref: Parameters<ExcelHost['insertLineChart']>[0]) => (await host.insertLineChart(ref, 't').catch((e: unknown) => e)) as HostError;
    let e = await bad({ sheet: '历年', categories: 'B1:F1', series: [{ name: '床位数', values: 'B2:E2' }] });
    expect(e).toBeInstanceOf(HostError);
    expect(e.bilingual['zh-CN']).toContain('床位数');
    e = await bad({ sheet: '历年', categories: 'B1:F2', series: [{ name: 'x', values: 'B2:F2' }] });
    expect(e.bilingual['en-US']).toContain('not one row or one column');
    e = await bad({ sheet: '历年', categories: 'B1:F1', series: [] });
    expect(e.bilingual['en-US']).toContain('no indicator');
    expect(fake.syncCount).toBe(0);

    e = await bad({ sheet: '没有', categories: 'B1:F1', series: [{ name: 'x', values: 'B2:F2' }] });
    expect(e.reason).toBe('SheetMissing');
    expect(fake.syncCount).toBe(1);
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(['历年']);

    const old = createFakeExcel([years]);
    const r = (await hostFor(old, { isSetSupported: upTo(6) })
      .insertLineChart({ sheet: '历年', categories: 'B1:F1', series: [{ name: 'x', values: 'B2:F2' }] }, 't')
      .catch((x: unknown) => x)) as HostError;
    expect(r.bilingual['en-US']).toContain('ExcelApi 1.7');
    expect(old.syncCount).toBe(0);
  });

  it('charts values (per-year sheets, long tables) from a table on its own 趋势图 sheet, in 2 syncs, never writing to the user\'s sheets', async () => {
    const perYear: FakeSheetSpec[] = [
      { name: '2021年', blocks: [{ at: 'A1', values: [['指标', '单位', '数值'], ['医疗服务类罚款', '元', 58590], ['法制审核率', '%', 0.9]] }] },
      { name: '2022年', blocks: [{ at: 'A1', values: [['指标', '单位', '数值'], ['医疗服务类罚款', '元', '585,900'], ['法制审核率', '%', 1]] }] },
    ];
    const fake = createFakeExcel(perYear);
    const before = perYear.map((p) => sheetState(fake, p.name));
    const host = hostFor(fake);
    const data = {
      header: '指标',
      categories: ['2020', '2021', '2022'],
      series: [
        { name: '医疗服务类罚款', values: [null, 58590, 585900], numberFormat: '#,##0' },
        { name: '法制审核率', values: [0.8, 0.9, 1], numberFormat: '0.0%' },
      ],
    };
    let info: Awaited<ReturnType<ExcelHost['insertLineChart']>> | undefined;
    expect(await syncsOf(fake, async () => (info = await host.insertLineChart(data, '医疗服务类罚款、法制审核率')))).toBe(2);
    expect(info).toEqual({ sheet: '趋势图', chart: 'Chart 1', data: 'A1:D3' });
    const t = sheet(fake, '趋势图');
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
    expect(t.cells.size).toBe(12);
    expect(t.charts).toEqual([
      {
        name: 'Chart 1',
        type: 'LineMarkers',
        seriesBy: 'Rows',
        title: '医疗服务类罚款、法制审核率',
        series: [
          { name: '医疗服务类罚款', values: { sheet: '趋势图', address: 'B2:D2' } },
          { name: '法制审核率', values: { sheet: '趋势图', address: 'B3:D3' } },
        ],
        categories: { sheet: '趋势图', address: 'B1:D1' },
        position: { start: 'A5', end: expect.stringMatching(/^[A-Z]+\d+$/) },
      },
    ]);
    expect(fake.workbookState.activeSheet).toBe('趋势图');
    expect(perYear.map((p) => sheetState(fake, p.name))).toEqual(before);

    // Another chart gets its own sheet; the sync count does not grow with the series.
    const many = { categories: ['2021', '2022'], series: Array.from({ length: 40 }, (_, i) => ({ name: `指标${i}`, values: [i, i + 1] })) };
    expect(await syncsOf(fake, () => host.insertLineChart(many, 't'))).toBe(2);
    expect(sheet(fake, '趋势图(2)').charts?.[0].series).toHaveLength(40);
    expect(grid(sheet(fake, '趋势图(2)'), 'A41:C41', valueOf)).toEqual([['指标39', 39, 40]]);
  });

  it('checks a values chart before any sync', async () => {
    const fake = createFakeExcel([years]);
    const host = hostFor(fake);
    const bad = async (data: { categories: string[]; series: Array<{ name: string; values: Array<number | null> }> }) =>
      (await host.insertLineChart(data, 't').catch((e: unknown) => e)) as HostError;
    let e = await bad({ categories: ['2021', '2022'], series: [{ name: '床位数', values: [1] }] });
    expect(e).toBeInstanceOf(HostError);
    expect(e.bilingual['zh-CN']).toContain('床位数');
    e = await bad({ categories: [], series: [{ name: 'x', values: [] }] });
    expect(e.bilingual['en-US']).toContain('no years');
    e = await bad({ categories: ['2021'], series: [] });
    expect(e.bilingual['en-US']).toContain('no indicator');
    e = await bad({ categories: ['2021'], series: [{ name: 'x', values: [Number.NaN] }] });
    expect(e.bilingual['en-US']).toContain('finite');
    expect(fake.syncCount).toBe(0);
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(['历年']);
  });

  it('parses A1 ranges', () => {
    expect(parseRangeAddress('B2')).toEqual({ r0: 1, c0: 1, r1: 1, c1: 1 });
    expect(parseRangeAddress("'历年'!$F$3:$B$1")).toEqual({ r0: 0, c0: 1, r1: 2, c1: 5 });
    expect(parseRangeAddress('B:B')).toBeNull();
    expect(planTrend({ sheet: 'x', categories: 'B1', series: [{ name: 'a', values: 'C5' }] }).seriesBy).toBe('Columns');
  });
});

// -----------------------------------------------------------------------------------------------

describe('the fake models the new APIs as Office does', () => {
  it('throws on reads before load + sync, applies writes at sync, fails a batch on a bad colour', async () => {
    const fake = createFakeExcel([{ name: 'A', cells: { A1: 'x' } }]);
    const ctx = fake.context;
    const sel = ctx.workbook.getSelectedRange();
    expect(() => sel.rowIndex).toThrow(/not available/);
    sel.load('address');
    sel.worksheet.load('name');
    const f = ctx.workbook.worksheets.getItem('A').getRange('B2:C3').format;
    f.font.bold = true;
    f.columnWidth = 100;
    expect(cellAt(sheet(fake, 'A'), 1, 1)).toBeUndefined();
    await ctx.sync();
    expect([sel.address, sel.worksheet.name]).toEqual(['A!A1', 'A']);
    expect(cellAt(sheet(fake, 'A'), 2, 2)?.bold).toBe(true);
    expect(sheet(fake, 'A').columnWidths?.get(1)).toBe(100);
    const w = ctx.workbook.worksheets.getItem('A').getRange('D1').format;
    w.load('columnWidth');
    await ctx.sync();
    expect(w.columnWidth).toBe(FAKE_DEFAULT_COLUMN_WIDTH);

    const r = ctx.workbook.worksheets.getItem('A').getRange('E5');
    r.format.font.color = '#112233';
    r.format.fill.color = 'FF9C0006'; // ARGB: Office.js wants #RRGGBB
    r.values = [['after']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(cellAt(sheet(fake, 'A'), 4, 4)).toEqual({ fontColor: '#112233' }); // earlier op applied, later not
  });

  it('merges keep the top-left value; tables and merges exclude each other', async () => {
    const fake = createFakeExcel([{ name: 'A', cells: { A1: 'keep', B1: 'lost' } }]);
    const ctx = fake.context;
    const s = ctx.workbook.worksheets.getItem('A');
    s.getRange('A1:C1').merge();
    await ctx.sync();
    expect(grid(sheet(fake, 'A'), 'A1:C1', valueOf)).toEqual([['keep', '', '']]);
    s.tables.add('A!A1:C3', true);
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    s.tables.add('A!A5:C6', true);
    await ctx.sync();
    s.getRange('A5:B5').merge();
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    const areas = s.getRange('A1:B9').getMergedAreasOrNullObject();
    areas.load('address');
    const none = s.getRange('E1:F2').getMergedAreasOrNullObject();
    none.load('address');
    await ctx.sync();
    expect([areas.isNullObject, areas.address, none.isNullObject]).toEqual([false, 'A!A1:C1', true]);
  });

  it('charts: series, categories and position are queued and applied at sync', async () => {
    const fake = createFakeExcel([{ name: 'A', blocks: [{ at: 'A1', values: [['x', 1, 2], ['y', 3, 4]] }] }]);
    const ctx = fake.context;
    const s = ctx.workbook.worksheets.getItem('A');
    const chart = s.charts.add('Line', s.getRange('B1:C2'), 'Columns');
    chart.series.add('third').setValues(s.getRange('B1:B2'));
    chart.axes.categoryAxis.setCategoryNames(s.getRange('A1:A2'));
    chart.title.text = 'T';
    chart.setPosition('E1');
    chart.load('name');
    expect(() => chart.name).toThrow(/not available/);
    expect(sheet(fake, 'A').charts).toBeUndefined();
    await ctx.sync();
    expect(chart.name).toBe('Chart 1');
    expect(sheet(fake, 'A').charts?.[0]).toEqual({
      name: 'Chart 1',
      type: 'Line',
      seriesBy: 'Columns',
      title: 'T',
      series: [
        { name: 'Series1', values: { sheet: 'A', address: 'B1:B2' } },
        { name: 'Series2', values: { sheet: 'A', address: 'C1:C2' } },
        { name: 'third', values: { sheet: 'A', address: 'B1:B2' } },
      ],
      categories: { sheet: 'A', address: 'A1:A2' },
      position: { start: 'E1' },
    });
    chart.series.getItemAt(0).setValues(s.getRange('A1:C2'));
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    // Header detection: a text first row names the series and is left out of the values.
    const named = s.charts.add('ColumnClustered', s.getRange('A1:A2'), 'Columns');
    const byRows = s.charts.add('Line', s.getRange('A1:C2'), 'Rows');
    named.load('name');
    byRows.load('name');
    await ctx.sync();
    expect(sheet(fake, 'A').charts?.map((c) => c.series)).toEqual([
      expect.anything(),
      [{ name: 'x', values: { sheet: 'A', address: 'A2' } }],
      [
        { name: 'x', values: { sheet: 'A', address: 'B1:C1' } },
        { name: 'y', values: { sheet: 'A', address: 'B2:C2' } },
      ],
    ]);
    expect([named.name, byRows.name]).toEqual(['Chart 2', 'Chart 3']);
  });
});
