import { HyperFormula } from 'hyperformula';
import type { Finding, Severity } from '../src/core/types';
import { cellAddress, chunkAddressList, columnLetters, firstCellOf, mergeCellsIntoRuns, parseCell } from '../src/hosts/excel/a1';
import { HostError, SYNC_TIMEOUT } from '../src/hosts/excel/errors';
import { ExcelHost, type ExcelHostOptions } from '../src/hosts/excel/excel-host';
import { MARK_STYLES, markFormula, markSeverity } from '../src/hosts/excel/marks';
import { MAX_CELLS_PER_READ, planReads } from '../src/hosts/excel/read-plan';
import { RESULT_SHEET_NAME, hyperlinkFormula } from '../src/hosts/excel/result-sheet';
import {
  type FakeCell,
  type FakeExcel,
  type FakeSheetSpec,
  FakeOfficeError,
  createFakeExcel,
  formatsSnapshot,
} from './fakes/fake-excel';

const ALL_SETS = (): boolean => true;

function hostFor(fake: FakeExcel, options: ExcelHostOptions = {}): ExcelHost {
  return new ExcelHost((batch) => fake.run(batch), { platform: fake.platform, isSetSupported: ALL_SETS, syncTimeoutMs: 5000, ...options });
}

/** Seeded PRNG (mulberry32), so failures reproduce. */
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

/** A numeric sheet of rows × cols at A1 with a text header row and text label column. */
function numericSheet(name: string, rows: number, cols: number, seed = 1): FakeSheetSpec {
  const rnd = prng(seed);
  const values: Array<Array<number | string>> = [];
  for (let r = 0; r < rows; r++) {
    const row: Array<number | string> = [];
    for (let c = 0; c < cols; c++) {
      if (r === 0) row.push(`指标${c}`);
      else if (c === 0) row.push(`单位${r}`);
      else row.push(Math.round(rnd() * 1e8) / 100);
    }
    values.push(row);
  }
  return { name, blocks: [{ at: 'A1', values }] };
}

async function syncsOf(fake: FakeExcel, f: () => Promise<unknown>): Promise<number> {
  const before = fake.syncCount;
  await f();
  return fake.syncCount - before;
}

function finding(sheet: string, address: string, severity: Severity, ruleId = 'r'): Finding {
  return { ruleId, severity, cells: [{ sheet, address }], message: { 'zh-CN': `问题 ${address}`, 'en-US': `Problem ${address}` } };
}

// -----------------------------------------------------------------------------------------------

describe('the fake models Office semantics', () => {
  it('throws PropertyNotLoaded before load + sync, and resolves items at sync', async () => {
    const fake = createFakeExcel([{ name: 'A', cells: { A1: 1 } }]);
    const ctx = fake.context;
    const sheets = ctx.workbook.worksheets;
    expect(() => sheets.items).toThrow(/not available/);
    sheets.load('items/name');
    expect(() => sheets.items).toThrow(FakeOfficeError);
    await ctx.sync();
    expect(sheets.items.map((s) => s.name)).toEqual(['A']);
    const r = sheets.items[0].getRange('A1');
    expect(() => r.values).toThrow(/PropertyNotLoaded|not available/);
  });

  it('fails the sync with ItemNotFound for a missing sheet, and keeps earlier writes', async () => {
    const fake = createFakeExcel([{ name: 'A' }]);
    const ctx = fake.context;
    ctx.workbook.worksheets.getItem('A').getRange('B2').values = [[5]];
    ctx.workbook.worksheets.getItem('Nope').getRange('A1').values = [[1]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(fake.workbookState.sheets[0].cells.get('1,1')?.value).toBe(5);
  });

  it('rejects getRanges addresses over 8,192 characters and wrong-shaped writes', async () => {
    const fake = createFakeExcel([{ name: 'A' }]);
    const ctx = fake.context;
    const long = Array.from({ length: 2000 }, (_, i) => `B${i + 1}`).join(',');
    expect(long.length).toBeGreaterThan(8192);
    ctx.workbook.worksheets.getItem('A').getRanges(long).load('areaCount');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    ctx.workbook.worksheets.getItem('A').getRange('A1:B2').values = [[1, 2]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it("fails loading 'custom' when other rule types are present (office-js#2180); customOrNullObject works", async () => {
    const fake = createFakeExcel([
      {
        name: 'A',
        conditionalFormats: [
          { address: 'A1:A3', type: 'DataBar' },
          { address: 'B1', type: 'Custom', formula: '=B1>0', fill: '#00FF00' },
        ],
      },
    ]);
    const ctx = fake.context;
    const bad = ctx.workbook.worksheets.getItem('A').getRange().conditionalFormats;
    bad.load('items/type,items/custom/rule/formula');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    const good = ctx.workbook.worksheets.getItem('A').getRange().conditionalFormats;
    good.load('items/type,items/customOrNullObject/rule/formula');
    await ctx.sync();
    expect(good.items.map((c) => [c.type, c.customOrNullObject.isNullObject])).toEqual([
      ['DataBar', true],
      ['Custom', false],
    ]);
    expect(good.items[1].customOrNullObject.rule.formula).toBe('=B1>0');
  });

  it('returns null values above the read limit, and fails web syncs above 5 MB', async () => {
    const big = createFakeExcel([{ name: 'A', cells: { A1: 1 } }]);
    const r = big.context.workbook.worksheets.getItem('A').getRange('A1:E1000001');
    r.load('values');
    await big.context.sync();
    expect(r.values).toBeNull();

    const web = createFakeExcel([numericSheet('S', 10_000, 20)], { platform: 'web' });
    const all = web.context.workbook.worksheets.getItem('S').getRange('A1:T10000');
    all.load('values,numberFormat,valueTypes');
    await expect(web.context.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('parses Range.values writes like typed input unless the cell is Text', async () => {
    const fake = createFakeExcel([{ name: 'A' }]);
    const ctx = fake.context;
    const r = ctx.workbook.worksheets.getItem('A').getRange('A1:C1');
    r.numberFormat = [['@', 'General', 'General']];
    r.values = [['=1+1', '=1+1', '0012']];
    await ctx.sync();
    const cells = fake.workbookState.sheets[0].cells;
    expect(cells.get('0,0')).toMatchObject({ value: '=1+1' });
    expect(cells.get('0,1')?.formula).toBe('=1+1');
    expect(cells.get('0,2')?.value).toBe(12);
  });
});

// -----------------------------------------------------------------------------------------------

describe('ExcelHost.readWorkbook', () => {
  const data: FakeSheetSpec = {
    name: '指标',
    blocks: [
      {
        at: 'B3',
        values: [
          ['指标', '2023', '2024', '备注'],
          ['床位数', 120, 130.5, null],
          ['其中：公立', 100, { error: '#DIV/0!' }, '#DIV/0!'],
          ['合格率', 0.95, 0.975, true],
        ],
      },
    ],
    cells: {
      B5: { value: '其中：公立', indent: 1 },
      C6: { value: 0.95, numberFormat: '0.0%' },
      D6: { value: 0.975, numberFormat: '0.0%' },
      E4: { value: '', fill: '#FF0000' },
      E3: { value: '备注', indent: 2 },
    },
  };

  it('builds grids: origin, numbers, text, errors by valueTypes, formats, indents, visibility, empty sheets', async () => {
    const fake = createFakeExcel(
      [data, { name: 'Hidden', visibility: 'Hidden', cells: { A1: 'x' } }, { name: 'Empty' }, { name: 'VH', visibility: 'VeryHidden', cells: { C2: 3 } }],
      { workbookName: '卫生健康.xlsx' },
    );
    const progress: number[] = [];
    const snap = await hostFor(fake).readWorkbook((f, stage) => {
      expect(stage['zh-CN']).toBeTruthy();
      expect(stage['en-US']).toBeTruthy();
      progress.push(f);
    });
    expect(snap.name).toBe('卫生健康.xlsx');
    expect(snap.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['指标', 'visible'],
      ['Hidden', 'hidden'],
      ['Empty', 'visible'],
      ['VH', 'veryHidden'],
    ]);
    const g = snap.sheets[0];
    expect([g.originRow, g.originCol]).toEqual([2, 1]);
    expect(g.values).toEqual([
      ['指标', '2023', '2024', '备注'],
      ['床位数', 120, 130.5, null],
      ['其中：公立', 100, { error: '#DIV/0!' }, '#DIV/0!'],
      ['合格率', 0.95, 0.975, true],
    ]);
    expect(g.numberFormats?.[3]).toEqual(['General', '0.0%', '0.0%', 'General']);
    // Indents: first 3 columns read (B, C, D); E is past the third column, so 0 though set.
    expect(g.indents).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [1, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    expect(snap.sheets[2]).toMatchObject({ name: 'Empty', values: [] });
    expect(snap.sheets[3]).toMatchObject({ originRow: 1, originCol: 2, values: [[3]] });
    expect(progress[progress.length - 1]).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
  });

  it('leaves indents out without ExcelApi 1.9', async () => {
    const fake = createFakeExcel([data]);
    const snap = await hostFor(fake, { isSetSupported: (_n, v) => Number(v.split('.')[1]) < 9 }).readWorkbook();
    expect(snap.sheets[0].indents).toBeUndefined();
    expect(snap.sheets[0].values[2][2]).toEqual({ error: '#DIV/0!' });
  });

  it('uses the same number of syncs (3) for 1 k and 200 k cells on desktop', async () => {
    const small = createFakeExcel([numericSheet('S', 50, 20)]);
    const large = createFakeExcel([numericSheet('S', 5_000, 20, 2), numericSheet('T', 5_000, 20, 3)]);
    let snap = await hostFor(small).readWorkbook();
    const a = small.syncCount;
    snap = await hostFor(large).readWorkbook();
    const b = large.syncCount;
    expect(a).toBe(b);
    expect(a).toBe(3);
    expect(snap.sheets[1].values.length).toBe(5_000);
    expect(snap.sheets[1].values[4_999][19]).toBe(large.workbookState.sheets[1].cells.get('4999,19')?.value);
  });

  it('reads 200 k cells on the web under the 5 MB payload limit, one extra sync per budget', async () => {
    const specs = [numericSheet('S', 5_000, 20, 2), numericSheet('T', 5_000, 20, 3)];
    const web = createFakeExcel(specs, { platform: 'web' });
    const snap = await hostFor(web).readWorkbook();
    // 200,000 cells at ~40 bytes + 30,000 indent cells at ~30 bytes, 4 MB per sync → 3 read
    // syncs after the 2 fixed ones, no retries; every response well under 5 MB.
    const dims = [0, 1].map((i) => ({ sheetIndex: i, rowIndex: 0, columnIndex: 0, rowCount: 5_000, columnCount: 20 }));
    expect(planReads(dims, { platform: 'web', indentSupported: true }).groups.length).toBe(3);
    expect(web.syncCount).toBe(5);
    for (const s of web.syncLog) expect(s.responseBytes).toBeLessThan(5 * 1024 * 1024);
    const desktop = await hostFor(createFakeExcel(specs)).readWorkbook();
    expect(snap).toEqual(desktop);

    const small = createFakeExcel([numericSheet('S', 50, 20)], { platform: 'web' });
    await hostFor(small).readWorkbook();
    expect(small.syncCount).toBe(3);
  });

  it('halves and retries a web sync that overflows anyway (long text)', async () => {
    const long = '很长的说明文字'.repeat(30);
    const values = Array.from({ length: 3_000 }, (_, r) => Array.from({ length: 10 }, (_, c) => `${long}${r}-${c}`));
    const web = createFakeExcel([{ name: 'T', blocks: [{ at: 'A1', values }] }], { platform: 'web' });
    const snap = await hostFor(web).readWorkbook();
    expect(snap.sheets[0].values[2_999][9]).toBe(`${long}2999-9`);
    expect(web.syncCount).toBeGreaterThan(3);
  });

  it('re-reads in halves when Excel returns null values for a block', async () => {
    const fake = createFakeExcel([numericSheet('S', 100, 20)], { maxReadCells: 600 });
    const snap = await hostFor(fake).readWorkbook();
    const expected = await hostFor(createFakeExcel([numericSheet('S', 100, 20)])).readWorkbook();
    expect(snap).toEqual(expected);
  });

  it('never plans a read above 5,000,000 cells; desktop keeps all blocks in one sync', () => {
    const dims = [{ sheetIndex: 0, rowIndex: 0, columnIndex: 0, rowCount: 1_048_576, columnCount: 16 }];
    const desktop = planReads(dims, { platform: 'desktop', indentSupported: true });
    expect(desktop.groups.length).toBe(1);
    expect(desktop.groups[0].length).toBe(4);
    for (const b of desktop.groups[0]) expect(b.rows * b.cols).toBeLessThanOrEqual(MAX_CELLS_PER_READ);
    expect(desktop.groups[0].reduce((n, b) => n + b.rows, 0)).toBe(1_048_576);
    const web = planReads(dims, { platform: 'web', indentSupported: false });
    expect(web.groups.length).toBe(Math.ceil((1_048_576 * 16 * 40) / 4_000_000));
  });

  it('skips the results sheet the add-in wrote', async () => {
    const fake = createFakeExcel([data]);
    const host = hostFor(fake);
    await host.writeResultSheet([finding('指标', 'C4', 'error')]);
    const snap = await host.readWorkbook();
    expect(snap.sheets.map((s) => s.name)).toEqual(['指标']);
  });
});

// -----------------------------------------------------------------------------------------------

describe('ExcelHost marks', () => {
  /** Sheets with values and random user formats on a few hundred cells, plus user rules. */
  function formattedWorkbook(seed: number): FakeSheetSpec[] {
    const rnd = prng(seed);
    const colors = ['#FF0000', '#00B050', '#FFFF00', '#5B9BD5', '#7030A0'];
    return ['Sheet1', '数据 2', "It's"].map((name, si) => {
      const cells: Record<string, FakeCell> = {};
      for (let i = 0; i < 150; i++) {
        const addr = `${columnLetters(Math.floor(rnd() * 12))}${1 + Math.floor(rnd() * 60)}`;
        const cell: FakeCell = { value: Math.round(rnd() * 1000) };
        if (rnd() < 0.5) cell.fill = colors[Math.floor(rnd() * colors.length)];
        if (rnd() < 0.3) cell.fontColor = colors[Math.floor(rnd() * colors.length)];
        if (rnd() < 0.2) cell.bold = true;
        if (rnd() < 0.2) cell.numberFormat = '0.00';
        if (rnd() < 0.1) cell.indent = 1 + Math.floor(rnd() * 3);
        cells[addr] = cell;
      }
      return {
        name,
        cells,
        conditionalFormats: [
          { address: 'A1:L60', type: 'ColorScale' },
          { address: 'B2:B40', type: 'DataBar' },
          { address: `C1:C20,E${5 + si}:F30`, type: 'Custom', formula: '=C1>500', fill: '#E2EFDA', fontColor: '#375623' },
          { address: 'D1:D60', type: 'CellValue' },
        ],
      };
    });
  }

  function randomFindings(seed: number, n: number, sheets: string[]): Finding[] {
    const rnd = prng(seed);
    const sev: Severity[] = ['error', 'warning', 'info'];
    return Array.from({ length: n }, (_, i) =>
      finding(sheets[Math.floor(rnd() * sheets.length)], `${columnLetters(Math.floor(rnd() * 12))}${1 + Math.floor(rnd() * 60)}`, sev[Math.floor(rnd() * 3)], `rule${i}`),
    );
  }

  /** Most severe mark per cell, as the host promises. */
  function expectedMarks(findings: Finding[]): Map<string, Severity> {
    const rank = { error: 3, warning: 2, info: 1 };
    const m = new Map<string, Severity>();
    for (const f of findings) {
      const k = `${f.cells[0].sheet}!${f.cells[0].address}`;
      const prev = m.get(k);
      if (!prev || rank[f.severity] > rank[prev]) m.set(k, f.severity);
    }
    return m;
  }

  function ourRulesAt(fake: FakeExcel, sheet: string, address: string) {
    return fake.conditionalFormatsAt(sheet, address).filter((cf) => markSeverity(cf.formula));
  }

  function assertMarked(fake: FakeExcel, findings: Finding[]): void {
    const marks = expectedMarks(findings);
    for (const [k, severity] of marks) {
      const [sheet, address] = [k.slice(0, k.lastIndexOf('!')), k.slice(k.lastIndexOf('!') + 1)];
      const ours = ourRulesAt(fake, sheet, address);
      expect(ours.length).toBe(1);
      const rule = ours[0];
      expect(markSeverity(rule.formula)).toBe(severity);
      expect(rule.type).toBe('Custom');
      expect(rule.fill).toBe(MARK_STYLES[severity].fill);
      expect(rule.fontColor ?? undefined).toBe(MARK_STYLES[severity].font);
      // Our rule comes before (takes priority over) the user's rules on that cell.
      expect(fake.conditionalFormatsAt(sheet, address)[0]).toBe(rule);
    }
    // Nothing else is marked.
    for (const s of fake.workbookState.sheets) {
      for (const cf of s.conditionalFormats.filter((c) => markSeverity(c.formula))) {
        for (const a of cf.areas) {
          for (let r = a.r0; r <= a.r1; r++) {
            for (let c = a.c0; c <= a.c1; c++) expect(marks.has(`${s.name}!${columnLetters(c)}${r + 1}`)).toBe(true);
          }
        }
      }
    }
  }

  it('marks with tracked conditional formats and clears back to the exact user formats', async () => {
    const fake = createFakeExcel(formattedWorkbook(7));
    const host = hostFor(fake);
    const before = formatsSnapshot(fake.workbookState);
    const valuesBefore = JSON.stringify(fake.workbookState.sheets.map((s) => [...s.cells].map(([k, c]) => [k, c.value])));
    const findings = randomFindings(11, 50, ['Sheet1', '数据 2', "It's"]);
    findings.push({ ...finding('Gone', 'A1', 'error') }, { ...finding('Sheet1', 'not-a-cell', 'error') });

    await host.applyMarks(findings);
    assertMarked(fake, findings.slice(0, 50));
    expect(fake.workbookState.screenUpdatingSuspensions).toBe(1);
    expect(formatsSnapshot(fake.workbookState)).not.toEqual(before);

    await host.clearMarks();
    expect(formatsSnapshot(fake.workbookState)).toEqual(before);
    expect(JSON.stringify(fake.workbookState.sheets.map((s) => [...s.cells].map(([k, c]) => [k, c.value])))).toBe(valuesBefore);
  });

  it('replaces earlier marks on a second applyMarks', async () => {
    const fake = createFakeExcel(formattedWorkbook(3));
    const host = hostFor(fake);
    const before = formatsSnapshot(fake.workbookState);
    await host.applyMarks(randomFindings(1, 40, ['Sheet1', '数据 2']));
    const second = randomFindings(2, 30, ['Sheet1', "It's"]);
    await host.applyMarks(second);
    assertMarked(fake, second);
    await host.applyMarks([]);
    expect(formatsSnapshot(fake.workbookState)).toEqual(before);
  });

  it('uses the same syncs (3) for 10 and 5,000 findings, splitting long address lists', async () => {
    const block = Array.from({ length: 200 }, (_, r) => Array.from({ length: 50 }, (_, c) => r * 50 + c));
    const make = () => createFakeExcel([{ name: 'Big', blocks: [{ at: 'A1', values: block }] }]);
    const few = make();
    const many = make();
    const tenFindings = Array.from({ length: 10 }, (_, i) => finding('Big', `B${2 * i + 1}`, 'warning'));
    // Every other row in 50 columns: no runs merge, ~30 k characters of addresses.
    const fiveK = Array.from({ length: 5_000 }, (_, i) => finding('Big', `${columnLetters(i % 50)}${2 * Math.floor(i / 50) + 1}`, i % 7 === 0 ? 'error' : 'warning'));
    const a = await syncsOf(few, () => hostFor(few).applyMarks(tenFindings));
    const b = await syncsOf(many, () => hostFor(many).applyMarks(fiveK));
    expect(a).toBe(b);
    expect(a).toBe(3);
    assertMarked(many, fiveK);
    const ours = many.workbookState.sheets[0].conditionalFormats.filter((cf) => markSeverity(cf.formula));
    expect(ours.length).toBeGreaterThan(2); // several chunks per severity
    const c = await syncsOf(many, () => hostFor(many).clearMarks());
    expect(c).toBe(3);
    expect(many.workbookState.sheets[0].conditionalFormats).toEqual([]);
  });

  it('falls back to one rule per run of cells without ExcelApi 1.9, same syncs', async () => {
    const fake = createFakeExcel(formattedWorkbook(5));
    const before = formatsSnapshot(fake.workbookState);
    const host = hostFor(fake, { isSetSupported: (_n, v) => Number(v.split('.')[1]) < 9 });
    const findings = randomFindings(9, 60, ['Sheet1', '数据 2', "It's"]);
    expect(await syncsOf(fake, () => host.applyMarks(findings))).toBe(3);
    assertMarked(fake, findings);
    expect(fake.workbookState.screenUpdatingSuspensions).toBe(0);
    await host.clearMarks();
    expect(formatsSnapshot(fake.workbookState)).toEqual(before);
  });

  it('still finds its rules when the one-sync listing fails (two extra syncs on that path)', async () => {
    const fake = createFakeExcel(formattedWorkbook(21), { rejectNullObjectNavigation: true });
    const before = formatsSnapshot(fake.workbookState);
    const host = hostFor(fake);
    const findings = randomFindings(6, 50, ['Sheet1', '数据 2', "It's"]);
    expect(await syncsOf(fake, () => host.applyMarks(findings))).toBe(5);
    assertMarked(fake, findings);
    expect(await syncsOf(fake, () => host.clearMarks())).toBe(5);
    expect(formatsSnapshot(fake.workbookState)).toEqual(before);
  });

  it('clears marks in a reopened workbook (found by the marker, not by memory)', async () => {
    const fake = createFakeExcel(formattedWorkbook(13));
    const before = formatsSnapshot(fake.workbookState);
    await hostFor(fake).applyMarks(randomFindings(4, 50, ['Sheet1', '数据 2', "It's"]));
    const reopened = fake.reopen();
    expect(reopened.workbookState.sheets.some((s) => s.conditionalFormats.some((cf) => markSeverity(cf.formula)))).toBe(true);
    await hostFor(reopened).clearMarks();
    const after = formatsSnapshot(reopened.workbookState) as Array<{ conditionalFormats: Array<{ id: string }> }>;
    // Ids are fresh after reopen; everything else is as before marking.
    const strip = (snap: unknown) => JSON.parse(JSON.stringify(snap), (k, v) => (k === 'id' ? undefined : v));
    expect(strip(after)).toEqual(strip(before));
  });

  it('uses a marker formula that is valid Excel and always TRUE', () => {
    const hf = HyperFormula.buildFromArray([[markFormula('error')], [markFormula('warning')], [markFormula('info')]], { licenseKey: 'gpl-v3' });
    for (let row = 0; row < 3; row++) expect(hf.getCellValue({ sheet: 0, row, col: 0 })).toBe(true);
    hf.destroy();
    expect(markSeverity(markFormula('warning'))).toBe('warning');
    expect(markSeverity('=N("别的")=0')).toBeNull();
    expect(markSeverity(null)).toBeNull();
  });
});

// -----------------------------------------------------------------------------------------------

describe('ExcelHost.selectCell and timeouts', () => {
  it('checks that the sheet is visible, then activates it and selects the cell: two syncs', async () => {
    const fake = createFakeExcel([{ name: 'A', cells: { A1: 1 } }, { name: "B's", cells: { A1: 1 } }]);
    const n = await syncsOf(fake, () => hostFor(fake).selectCell({ sheet: "B's", address: 'F5' }));
    expect(n).toBe(2);
    expect(fake.workbookState.activeSheet).toBe("B's");
    expect(fake.workbookState.selection).toEqual({ sheet: "B's", address: 'F5' });
  });

  it('throws a bilingual HostError for a sheet that no longer exists', async () => {
    const fake = createFakeExcel([{ name: 'A' }]);
    const err = await hostFor(fake)
      .selectCell({ sheet: '已删除', address: 'B2' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    const h = err as HostError;
    expect(h.bilingual['zh-CN']).toContain('已删除');
    expect(h.bilingual['en-US']).toContain('no longer exists');
    expect(h.message).toContain(h.bilingual['zh-CN']);
    expect(h.message).toContain(h.bilingual['en-US']);
  });

  it('says in both languages that a finding on a hidden or very hidden sheet cannot be shown', async () => {
    const fake = createFakeExcel([
      { name: 'A', cells: { A1: 1 } },
      { name: '隐藏', visibility: 'Hidden', cells: { A1: 1 } },
      { name: '深藏', visibility: 'VeryHidden', cells: { A1: 1 } },
    ]);
    const before = { active: fake.workbookState.activeSheet, selection: fake.workbookState.selection };
    const hidden = (await hostFor(fake)
      .selectCell({ sheet: '隐藏', address: 'D7' })
      .catch((e: unknown) => e)) as HostError;
    expect(hidden).toBeInstanceOf(HostError);
    expect(hidden.reason).toBe('SheetHidden');
    expect(hidden.bilingual['zh-CN']).toBe('工作表“隐藏”已隐藏，无法定位到 D7。请右键单击工作表标签，选择“取消隐藏”后再查看。');
    expect(hidden.bilingual['en-US']).toContain('"隐藏" is hidden, so D7 cannot be shown');
    const deep = (await hostFor(fake)
      .selectCell({ sheet: '深藏', address: 'B2' })
      .catch((e: unknown) => e)) as HostError;
    expect(deep.reason).toBe('SheetHidden');
    expect(deep.bilingual['zh-CN']).toContain('深度隐藏');
    expect(deep.bilingual['en-US']).toContain('very hidden');
    // Nothing was unhidden, activated or selected.
    expect(fake.workbookState.sheets.map((s) => s.visibility)).toEqual(['Visible', 'Hidden', 'VeryHidden']);
    expect({ active: fake.workbookState.activeSheet, selection: fake.workbookState.selection }).toEqual(before);
  });

  it('turns a sync that never settles into a HostError within the timeout', async () => {
    const fake = createFakeExcel([{ name: 'A', cells: { A1: 1 } }]);
    fake.hangSyncs = true;
    const host = hostFor(fake, { syncTimeoutMs: 50 });
    const t0 = Date.now();
    const err = await host.readWorkbook().catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).bilingual).toEqual(SYNC_TIMEOUT);
    // Same for a runner that itself never settles after the batch fails (Excel.run on a hung context).
    const stuck = new ExcelHost(
      (batch) => {
        void batch(fake.context as unknown as Excel.RequestContext).catch(() => undefined);
        return new Promise(() => undefined);
      },
      { platform: 'desktop', isSetSupported: ALL_SETS, syncTimeoutMs: 50 },
    );
    await expect(stuck.clearMarks()).rejects.toMatchObject({ bilingual: SYNC_TIMEOUT });
  });
});

// -----------------------------------------------------------------------------------------------

describe('ExcelHost.writeResultSheet', () => {
  const findings: Finding[] = [
    { ...finding("It's", 'F5', 'error', 'balance'), values: [12], expected: 15, difference: -3, explanation: '已核实' },
    {
      ...finding('数据', '$B$2', 'warning', 'yoy'),
      values: ['=SUM(A1)'],
      expected: null,
      details: { 'zh-CN': '同比变动超过 ±50% 且绝对变动超过 10 即提示。', 'en-US': 'Flagged when the year-over-year change exceeds ±50% and 10.' },
    },
    { ruleId: 'value.unreadable', severity: 'info', cells: [], message: { 'zh-CN': '无法读取', 'en-US': 'Unreadable' } },
  ];

  it('writes one table with hyperlinks, replaces its own sheet and touches no other', async () => {
    const fake = createFakeExcel([{ name: "It's", cells: { F5: 12 } }, { name: '数据', cells: { B2: 1 } }]);
    const host = hostFor(fake);
    const n = await syncsOf(fake, () => host.writeResultSheet(findings));
    expect(n).toBe(2);
    const state = fake.workbookState;
    const sheet = state.sheets.find((s) => s.name === RESULT_SHEET_NAME)!;
    const at = (a: string) => {
      const p = firstCellOf(a)!;
      return sheet.cells.get(`${p.row},${p.col}`);
    };
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1', 'I1'].map((a) => at(a)?.value)).toEqual(['级别', '规则', '工作表', '单元格', '数值', '期望值', '差异', '说明', '详情']);
    expect(at('A2')?.value).toBe('错误');
    expect(at('D2')?.formula).toBe(`=HYPERLINK("#'It''s'!F5","F5")`);
    expect(at('D2')?.value).toBe('F5');
    expect([at('E2')?.value, at('F2')?.value, at('G2')?.value]).toEqual([12, 15, -3]);
    expect(at('H2')?.value).toContain('已核实');
    // 详情, the last column: the finding's technical part beside its plain 说明, blank without one.
    expect(at('I2')?.value).toBeUndefined();
    expect(at('I3')).toMatchObject({ value: '同比变动超过 ±50% 且绝对变动超过 10 即提示。', numberFormat: '@' });
    expect(at('D3')?.formula).toBe(`=HYPERLINK("#'数据'!B2","B2")`);
    expect(at('E3')).toMatchObject({ value: '=SUM(A1)', numberFormat: '@' }); // text stays text
    expect(at('E3')?.formula).toBeUndefined();
    expect(at('C4')?.value).toBeUndefined();
    expect(state.tables).toHaveLength(1);
    expect(state.tables[0]).toMatchObject({ style: 'TableStyleMedium2', hasHeaders: true, area: { r0: 0, c0: 0, r1: 3, c1: 8 } });

    const others = JSON.stringify(formatsSnapshot({ ...state, sheets: state.sheets.filter((s) => s.name !== RESULT_SHEET_NAME) }));
    await host.writeResultSheet(findings.slice(0, 1));
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["It's", '数据', RESULT_SHEET_NAME]);
    expect(fake.workbookState.tables).toHaveLength(1);
    expect(fake.workbookState.tables[0].area.r1).toBe(1);
    expect(JSON.stringify(formatsSnapshot({ ...fake.workbookState, sheets: fake.workbookState.sheets.filter((s) => s.name !== RESULT_SHEET_NAME) }))).toBe(others);
  });

  it("refuses to replace a 校验结果 sheet the add-in didn't write", async () => {
    const fake = createFakeExcel([{ name: 'A' }, { name: RESULT_SHEET_NAME, cells: { A1: '我的笔记' } }]);
    const err = await hostFor(fake)
      .writeResultSheet(findings)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).bilingual['en-US']).toContain('not created by this add-in');
    expect(fake.workbookState.sheets[1].cells.get('0,0')?.value).toBe('我的笔记');
  });

  it('writes large results in pieces under the web payload limit', async () => {
    const fake = createFakeExcel([{ name: 'A', cells: { A1: 1 } }], { platform: 'web' });
    const many = Array.from({ length: 30_000 }, (_, i) => ({
      ...finding('A', `B${i + 1}`, 'warning', 'rule.long'),
      message: { 'zh-CN': `第 ${i} 行的数值与上年相比变化过大，请核实。`.repeat(3), 'en-US': 'x' },
    }));
    const n = await syncsOf(fake, () => hostFor(fake).writeResultSheet(many));
    expect(n).toBeGreaterThan(2);
    const sheet = fake.workbookState.sheets.find((s) => s.name === RESULT_SHEET_NAME)!;
    expect(sheet.cells.get('30000,3')?.formula).toBe(hyperlinkFormula('A', 'B30000'));
  });
});

describe('a1 helpers', () => {
  it('merges runs and chunks address lists under the limit', () => {
    const runs = mergeCellsIntoRuns([
      { row: 2, col: 1 },
      { row: 3, col: 1 },
      { row: 4, col: 1 },
      { row: 3, col: 1 },
      { row: 9, col: 1 },
      { row: 0, col: 0 },
    ]);
    expect(runs).toEqual([
      { r0: 0, c0: 0, r1: 0, c1: 0 },
      { r0: 2, c0: 1, r1: 4, c1: 1 },
      { r0: 9, c0: 1, r1: 9, c1: 1 },
    ]);
    const list = Array.from({ length: 3000 }, (_, i) => `AB${i + 1}`);
    const chunks = chunkAddressList(list, 8000);
    expect(chunks.every((c) => c.length < 8000)).toBe(true);
    expect(chunks.join(',')).toBe(list.join(','));
    expect(firstCellOf("'My Sheet'!$C$7:D9")).toEqual({ row: 6, col: 2 });
    expect(hyperlinkFormula('a"b', 'A1')).toBe(`=HYPERLINK("#'a""b'!A1","A1")`);
    // Cells within Excel's sheet size only, on the core's A1 parser.
    expect(parseCell('XFD1048576')).toEqual({ row: 1_048_575, col: 16_383 });
    expect([parseCell('XFE1'), parseCell('A0'), parseCell('A1048577'), parseCell('A1:B2')]).toEqual([null, null, null, null]);
    expect(cellAddress(0, 27)).toBe('AB1');
  });
});
