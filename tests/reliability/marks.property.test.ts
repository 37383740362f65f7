// mark → clear restores every format exactly, for the .xlsx host (styles kept and put back) and
// for the Excel host (tracked conditional formats, run against the fake Excel).
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { columnLetters } from '../../src/core/a1';
import type { Finding, Severity } from '../../src/core/types';
import { ExcelHost } from '../../src/hosts/excel/excel-host';
import { markSeverity } from '../../src/hosts/excel/marks';
import { XlsxHost } from '../../src/hosts/xlsx/xlsx-host';
import { type FakeCell, type FakeExcel, type FakeSheetSpec, createFakeExcel, formatsSnapshot } from '../fakes/fake-excel';
import { HEAVY_RUNS, expectSame, params, timeoutFor } from './support';

const ROWS = 25;
const COLS = 10;
const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

const address = fc.tuple(fc.nat(COLS - 1), fc.nat(ROWS - 1)).map(([c, r]) => `${columnLetters(c)}${r + 1}`);

/** Findings on the given sheets, plus some a host must skip (unknown sheet, not an address). */
function findingsOn(sheets: string[]): fc.Arbitrary<Finding[]> {
  const ref = fc.oneof(
    { weight: 12, arbitrary: fc.record({ sheet: fc.constantFrom(...sheets), address }) },
    { weight: 1, arbitrary: fc.record({ sheet: fc.constantFrom('不存在的表', 'Gone'), address }) },
    { weight: 1, arbitrary: fc.record({ sheet: fc.constantFrom(...sheets), address: fc.constantFrom('not-a-cell', '', 'A0', 'XFE1', 'A1048577', '$B$2') }) },
  );
  const finding = fc.record({ ref, severity: fc.constantFrom(...SEVERITIES), extra: fc.array(fc.record({ sheet: fc.constantFrom(...sheets), address }), { maxLength: 2 }) });
  return fc.array(
    finding.map(({ ref, severity, extra }): Finding => ({ ruleId: 'random', severity, cells: [ref, ...extra], message: { 'zh-CN': '随机', 'en-US': 'random' } })),
    { maxLength: 40 },
  );
}

// -----------------------------------------------------------------------------------------------
// XlsxHost

const argb = fc.constantFrom('FF00B050', 'FFFFFF00', 'FF0070C0', 'FFC00000', 'FFFFC7CE', 'FFFFEB9C', 'FFDDEBF7', '00000000');

const xlsxStyle = fc.record(
  {
    fill: fc.oneof(
      argb.map((a): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: a } })),
      fc.constant<ExcelJS.Fill>({ type: 'pattern', pattern: 'darkTrellis', fgColor: { argb: 'FFFF0000' }, bgColor: { argb: 'FF00FF00' } }),
      fc.constant<ExcelJS.Fill>({ type: 'gradient', gradient: 'angle', degree: 45, stops: [{ position: 0, color: { argb: 'FF0000FF' } }, { position: 1, color: { argb: 'FFFFFFFF' } }] }),
    ),
    font: fc.record({ bold: fc.boolean(), italic: fc.boolean(), size: fc.integer({ min: 8, max: 20 }), name: fc.constantFrom('宋体', 'Calibri', '微软雅黑'), color: argb.map((a) => ({ argb: a })) }, { requiredKeys: [] }),
    border: fc.record({ top: fc.constant<Partial<ExcelJS.Border>>({ style: 'thin' }), bottom: fc.constant<Partial<ExcelJS.Border>>({ style: 'double', color: { argb: 'FFFF0000' } }) }, { requiredKeys: [] }),
    numFmt: fc.constantFrom('0.00', '#,##0', '0.0%', '0.00"万元"', '@', 'yyyy-mm-dd'),
    alignment: fc.record({ indent: fc.integer({ min: 1, max: 4 }), horizontal: fc.constantFrom<ExcelJS.Alignment['horizontal']>('left', 'center') }, { requiredKeys: [] }),
    protection: fc.record({ locked: fc.boolean() }),
  },
  { requiredKeys: [] },
);

const xlsxCell = fc.record({ address, value: fc.oneof(fc.integer(), fc.constantFrom('指标', '其中：x', '98.3%'), fc.constant(null)), style: xlsxStyle });

const xlsxSheet = fc.record({
  cells: fc.array(xlsxCell, { maxLength: 60 }),
  rowStyle: fc.option(fc.record({ row: fc.integer({ min: 1, max: ROWS }), style: xlsxStyle })),
  colStyle: fc.option(fc.record({ col: fc.integer({ min: 1, max: COLS }), style: xlsxStyle })),
  merge: fc.option(fc.tuple(fc.integer({ min: 1, max: ROWS - 2 }), fc.integer({ min: 1, max: COLS - 3 }))),
});

type XlsxSheetSpec = typeof xlsxSheet extends fc.Arbitrary<infer T> ? T : never;

function buildXlsx(names: string[], specs: Array<XlsxSheetSpec>): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  names.forEach((name, i) => {
    const ws = wb.addWorksheet(name);
    const spec = specs[i];
    if (spec.rowStyle) Object.assign(ws.getRow(spec.rowStyle.row), { ...spec.rowStyle.style });
    if (spec.colStyle) Object.assign(ws.getColumn(spec.colStyle.col), { ...spec.colStyle.style });
    for (const c of spec.cells) {
      const cell = ws.getCell(c.address);
      cell.value = c.value;
      for (const [k, v] of Object.entries(c.style)) (cell as unknown as Record<string, unknown>)[k] = JSON.parse(JSON.stringify(v));
    }
    if (spec.merge) {
      const [r, c] = spec.merge;
      ws.mergeCells(r, c, r + 1, c + 2);
    }
  });
  return wb;
}

/** Every cell's value, style and merge state over the test region, as plain data. */
function xlsxSnapshot(wb: ExcelJS.Workbook): unknown {
  return wb.worksheets.map((ws) => {
    const cells: unknown[] = [];
    for (let r = 1; r <= ROWS; r++) {
      for (let c = 1; c <= COLS; c++) {
        const cell = ws.getCell(r, c);
        cells.push([cell.address, cell.isMerged, cell.master.address, JSON.parse(JSON.stringify(cell.value ?? null)), JSON.parse(JSON.stringify(cell.style ?? {}))]);
      }
    }
    return { name: ws.name, cells };
  });
}

describe('XlsxHost mark → clear (property)', () => {
  const names = ['指标', '数据 2', "It's"];

  it(
    `restores random fills, fonts, borders and number formats exactly (${HEAVY_RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(xlsxSheet, { minLength: 3, maxLength: 3 }), findingsOn(names), findingsOn(names), async (specs, first, second) => {
          const host = new XlsxHost(buildXlsx(names, specs), 'random.xlsx');
          const before = xlsxSnapshot(host.workbook);
          await host.applyMarks(first);
          await host.applyMarks(second); // marking again replaces, never stacks
          await host.clearMarks();
          expect(host.markCount).toBe(0);
          expectSame(xlsxSnapshot(host.workbook), before);
        }),
        params(HEAVY_RUNS),
      );
    },
    timeoutFor(HEAVY_RUNS, 30),
  );

  it(
    `the saved workbook after mark → clear reads back with the same styles (${Math.max(10, Math.floor(HEAVY_RUNS / 10))} runs)`,
    async () => {
      await fc.assert(
        // No row styles here: ExcelJS does not write a row that has no cells, so a styled empty row
        // loses its style on save unless a mark created a cell in it (ExcelJS's loss, not a mark's).
        fc.asyncProperty(fc.array(xlsxSheet.map((s) => ({ ...s, rowStyle: null })), { minLength: 3, maxLength: 3 }), findingsOn(names), async (specs, findings) => {
          const untouched = new XlsxHost(buildXlsx(names, specs), 'a.xlsx');
          const host = new XlsxHost(buildXlsx(names, specs), 'b.xlsx');
          await host.applyMarks(findings);
          await host.clearMarks();
          const a = await XlsxHost.fromBytes(await untouched.toBytes(), 'a.xlsx');
          const b = await XlsxHost.fromBytes(await host.toBytes(), 'b.xlsx');
          expectSame(xlsxSnapshot(b.workbook), xlsxSnapshot(a.workbook));
        }),
        params(Math.max(10, Math.floor(HEAVY_RUNS / 10))),
      );
    },
    timeoutFor(HEAVY_RUNS, 60),
  );
});

// -----------------------------------------------------------------------------------------------
// ExcelHost with the fake Excel

const colour = fc.constantFrom('#FF0000', '#00B050', '#FFFF00', '#5B9BD5', '#FFC7CE', '#FFEB9C', '#DDEBF7', '#9C0006');

const fakeCell = fc.record(
  {
    value: fc.oneof(fc.integer(), fc.constantFrom('指标', '其中：x')),
    fill: colour,
    fontColor: colour,
    bold: fc.boolean(),
    numberFormat: fc.constantFrom('0.00', '0.0%', '@', 'General'),
    indent: fc.integer({ min: 1, max: 3 }),
  },
  { requiredKeys: [] },
);

const userRule = fc.oneof(
  fc.record({ address: fc.constantFrom('A1:J25', 'B2:B20', 'C1:C10,E5:F12', 'D4'), type: fc.constantFrom('ColorScale', 'DataBar', 'IconSet', 'CellValue', 'TopBottom') }),
  fc.record({
    address: fc.constantFrom('A1:A25', 'B2:D9', 'C3,E7:E9', 'J25'),
    type: fc.constant('Custom'),
    // User formulas, some of them close to our marker: none may be removed.
    formula: fc.constantFrom('=A1>500', '=ISERROR(A1)', '=N("指标校验")=0', '=N("指标校验:fatal")=0', '="指标校验:error"=""', '=N("其他:error")=0', '=TRUE'),
    fill: colour,
    fontColor: colour,
  }),
);

const fakeSheet = fc.record({
  cells: fc.dictionary(address, fakeCell, { maxKeys: 60 }),
  rules: fc.array(userRule, { maxLength: 5 }),
  visibility: fc.constantFrom<'Visible' | 'Hidden' | 'VeryHidden'>('Visible', 'Visible', 'Hidden', 'VeryHidden'),
});

type FakeSheetRandom = typeof fakeSheet extends fc.Arbitrary<infer T> ? T : never;

/** `areas` false: an Excel 2019 (ExcelApi 1.7, no RangeAreas); true: every requirement set. */
function buildFake(names: string[], specs: Array<FakeSheetRandom>, platform: 'web' | 'desktop', areas = true): FakeExcel {
  const sheets: FakeSheetSpec[] = names.map((name, i) => ({
    name,
    visibility: i === 0 ? 'Visible' : specs[i].visibility,
    cells: specs[i].cells as Record<string, FakeCell>,
    conditionalFormats: specs[i].rules,
  }));
  return createFakeExcel(sheets, { platform, ...(areas ? {} : { apiVersion: 7 }) });
}

function hostFor(fake: FakeExcel): ExcelHost {
  return new ExcelHost((batch) => fake.run(batch), {
    platform: fake.platform,
    isSetSupported: (n, v) => fake.isSetSupported(n, v),
    syncTimeoutMs: 5000,
  });
}

/** The snapshot without rule ids (they are renewed on reopen). */
function withoutIds(snapshot: unknown): unknown {
  return JSON.parse(JSON.stringify(snapshot, (k, v) => (k === 'id' ? undefined : v)));
}

describe('ExcelHost mark → clear with the fake Excel (property)', () => {
  const names = ['Sheet1', '数据 2', "It's"];

  it(
    `restores random user fills and user conditional formats exactly (${HEAVY_RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fakeSheet, { minLength: 3, maxLength: 3 }),
          findingsOn([...names, 'sheet1']),
          findingsOn(names),
          fc.constantFrom<'web' | 'desktop'>('web', 'desktop'),
          fc.boolean(),
          async (specs, first, second, platform, areas) => {
            const fake = buildFake(names, specs, platform, areas);
            const host = hostFor(fake);
            const before = formatsSnapshot(fake.workbookState);
            const values = JSON.stringify(fake.workbookState.sheets.map((s) => [...s.cells].map(([k, c]) => [k, c.value])));
            await host.applyMarks(first);
            await host.applyMarks(second);
            // Each marked cell carries exactly one of our rules.
            for (const s of fake.workbookState.sheets) {
              const seen = new Set<string>();
              for (const cf of s.conditionalFormats.filter((c) => markSeverity(c.formula))) {
                for (const a of cf.areas) {
                  for (let r = a.r0; r <= a.r1; r++) {
                    for (let c = a.c0; c <= a.c1; c++) {
                      const k = `${r},${c}`;
                      expect(seen.has(k)).toBe(false);
                      seen.add(k);
                    }
                  }
                }
              }
            }
            await host.clearMarks();
            expectSame(formatsSnapshot(fake.workbookState), before);
            expect(JSON.stringify(fake.workbookState.sheets.map((s) => [...s.cells].map(([k, c]) => [k, c.value])))).toBe(values);
          },
        ),
        params(HEAVY_RUNS),
      );
    },
    timeoutFor(HEAVY_RUNS, 30),
  );

  it(
    `clears marks found again after save and reopen (${HEAVY_RUNS} runs)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fakeSheet, { minLength: 3, maxLength: 3 }), findingsOn(names), async (specs, findings) => {
          const fake = buildFake(names, specs, 'desktop');
          const before = withoutIds(formatsSnapshot(fake.workbookState));
          await hostFor(fake).applyMarks(findings);
          const reopened = fake.reopen();
          await hostFor(reopened).clearMarks();
          expectSame(withoutIds(formatsSnapshot(reopened.workbookState)), before);
        }),
        params(HEAVY_RUNS),
      );
    },
    timeoutFor(HEAVY_RUNS, 30),
  );
});
