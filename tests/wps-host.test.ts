// The WPS host (src/hosts/wps) against the fake WPS object model (tests/fakes/fake-wps.ts):
// the samples give the same findings as through the xlsx host, marks come off leaving every
// format as it was, the number of calls into WPS does not grow with the rows, and the sheets the
// add-in writes (校验结果, 校验说明, 校验规则) are right.
import fs from 'fs';
import path from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../src/core/engine';
import { explain, explanationRows } from '../src/core/explanations';
import { rulesFromSheet, rulesSheetTemplate } from '../src/core/rules';
import type { CellValue, Finding, Severity, SheetGrid } from '../src/core/types';
import type { MarkReport } from '../src/core/host';
import { HostError } from '../src/hosts/excel/errors';
import { MARK_STYLES, markFormula } from '../src/hosts/excel/marks';
import { hyperlinkFormula } from '../src/hosts/excel/result-sheet';
import { XlsxHost } from '../src/hosts/xlsx/xlsx-host';
import { bgr, cellFromValue2, comErrorNumber, comErrorText, value2Rows } from '../src/hosts/wps/com-values';
import { uniformRuns } from '../src/hosts/wps/uniform-runs';
import { WpsHost } from '../src/hosts/wps/wps-host';
import { FAKE_COM_ERROR_BASE, FAKE_XL_ERRORS, type FakeWps, type FakeWpsSpec, createFakeWps } from './fakes/fake-wps';
import { dateSerial, wpsSpecFromExcelJs } from './fakes/wps-from-exceljs';

const SAMPLES = path.resolve(__dirname, '..', 'samples');
const noYield = (): Promise<void> => Promise.resolve();

function hostOf(fake: FakeWps, options = {}): WpsHost {
  return new WpsHost(fake.Application, { yieldToUi: noYield, ...options });
}

function finding(sheet: string, address: string, severity: Severity, ruleId = 'r'): Finding {
  return { ruleId, severity, cells: [{ sheet, address }], message: { 'zh-CN': `问题 ${address}`, 'en-US': `Problem ${address}` } };
}

async function callsOf(fake: FakeWps, work: () => Promise<unknown>): Promise<number> {
  fake.resetCalls();
  await work();
  return fake.calls;
}

/**
 * A grid as address → value (non-empty cells only), so grids of different extent compare. A cell
 * holding the empty text '' counts as empty: ExcelJS keeps it, WPS (like Office.js) gives ''
 * for it as for a blank cell and both hosts read that as empty.
 */
function cellMap(grid: SheetGrid, what: 'values' | 'numberFormats' | 'indents' = 'values', maxCol = Infinity): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rows = (grid[what] ?? []) as unknown[][];
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (j >= maxCol) return;
      const empty = what === 'values' ? v === null || v === '' : what === 'numberFormats' ? v === 'General' : v === 0;
      if (!empty) out[`${String.fromCharCode(65 + grid.originCol + j)}${grid.originRow + i + 1}`] = v;
    }),
  );
  return out;
}

/** A sheet of `rows` data rows under a title and a header: label column, whole counts, a rate. */
function longSheet(name: string, rows: number): FakeWpsSpec['sheets'][number] {
  const block: FakeWpsSpec['sheets'][number]['blocks'] = [
    {
      at: 'A1',
      rows: [
        [{ value: `${name}年度指标`, bold: true }, null, null, null],
        [{ value: '指标', bold: true }, { value: '单位', bold: true }, { value: '2022年', bold: true }, { value: '2023年', bold: true }],
        ...Array.from({ length: rows }, (_, i) => [
          `指标${i + 1}`,
          '件',
          { value: 100 + (i % 50), numberFormat: '#,##0' },
          { value: 100 + ((i * 7) % 50), numberFormat: '#,##0' },
        ]),
      ],
    },
  ];
  return { name, blocks: block };
}

// -----------------------------------------------------------------------------------------------

describe('COM values', () => {
  it('maps every COM error number to its Excel error and back', () => {
    expect(comErrorText(-2146826281)).toBe('#DIV/0!');
    for (const [text, code] of Object.entries(FAKE_XL_ERRORS)) {
      expect(comErrorText(FAKE_COM_ERROR_BASE + code)).toBe(text);
      expect(comErrorNumber(text)).toBe(FAKE_COM_ERROR_BASE + code);
    }
    expect(comErrorText(2007)).toBeNull();
    expect(comErrorText('#DIV/0!')).toBeNull();
  });

  it('reads Value2 entries as the engine reads cells', () => {
    expect(cellFromValue2(undefined)).toBeNull();
    expect(cellFromValue2(null)).toBeNull();
    expect(cellFromValue2('')).toBeNull();
    expect(cellFromValue2(-2146826246)).toEqual({ error: '#N/A' });
    expect(cellFromValue2(45292)).toBe(45292);
    expect(cellFromValue2('1900余')).toBe('1900余');
    expect(cellFromValue2(true)).toBe(true);
  });

  it('takes a scalar for one cell and rows for a block, and refuses another shape', () => {
    expect(value2Rows(5, 1, 1)).toEqual([[5]]);
    expect(value2Rows([[1, 2]], 1, 2)).toEqual([[1, 2]]);
    expect(() => value2Rows(5, 2, 1)).toThrow(/not 2 rows/);
    expect(() => value2Rows([[1], [2, 3]], 2, 1)).toThrow(/row 2/);
  });

  it('writes colours as BGR numbers', () => {
    expect(bgr('#FFC7CE')).toBe(0xcec7ff);
    expect(bgr('#000000')).toBe(0);
  });
});

describe('uniform runs', () => {
  const column = (values: string[]) => {
    let calls = 0;
    const read = (a: number, b: number): string | null => {
      calls++;
      const set = new Set(values.slice(a, b + 1));
      return set.size === 1 ? [...set][0] : null;
    };
    return { read, calls: () => calls };
  };

  it('finds every run, whatever the pattern', () => {
    const values = ['a', 'a', 'b', 'c', 'c', 'c', 'a', 'b', 'b', 'b', 'b', 'a'];
    const { read } = column(values);
    const runs = uniformRuns(0, values.length - 1, read, '?');
    const back: string[] = [];
    for (const r of runs) for (let i = r.from; i <= r.to; i++) back.push(r.value);
    expect(back).toEqual(values);
  });

  it('costs the same for a header above 100 or 10,000 uniform rows', () => {
    const short = column(['t', 'h', ...new Array(100).fill('n')]);
    const long = column(['t', 'h', ...new Array(10_000).fill('n')]);
    uniformRuns(0, 101, short.read, '?');
    uniformRuns(0, 10_001, long.read, '?');
    expect(long.calls()).toBe(short.calls());
    expect(short.calls()).toBeLessThanOrEqual(8);
  });

  it('reuses the runs of the column before', () => {
    const values = ['t', 'h', 'n', 'n', 'p', 'n', 'n', 'p', 'p', 'n'];
    const first = column(values);
    const runs = uniformRuns(0, values.length - 1, first.read, '?');
    const second = column(values);
    uniformRuns(
      0,
      values.length - 1,
      second.read,
      '?',
      runs.map((r) => r.from),
    );
    expect(second.calls()).toBe(1 + runs.length);
  });
});

describe('the fake follows the COM object model', () => {
  const spec: FakeWpsSpec = {
    name: '测试.xlsx',
    sheets: [
      {
        name: 'A',
        cells: { A1: 1, B1: 'x', A2: { error: '#DIV/0!' }, B2: { value: 45292, numberFormat: 'yyyy-mm-dd' }, Z100000: { fill: 255 } },
      },
      { name: 'B', visible: 0 },
    ],
  };

  it('counts from 1, gives scalars for one cell and rows for a block, errors as numbers', () => {
    const fake = createFakeWps(spec);
    const sheets = fake.Application.ActiveWorkbook!.Worksheets;
    expect(sheets.Count).toBe(2);
    expect(() => sheets.Item(0)).toThrow(/Subscript out of range/);
    const a = sheets.Item(1) as unknown as { Range(s: string): { Value2: unknown; NumberFormat: unknown } };
    expect(a.Range('A1').Value2).toBe(1);
    expect(a.Range('A1:B2').Value2).toEqual([
      [1, 'x'],
      [-2146826281, 45292],
    ]);
    expect(a.Range('A1:B1').NumberFormat).toBe('General');
    expect(a.Range('A1:B2').NumberFormat).toBeNull();
    expect(a.Range('C3').Value2).toBeUndefined();
  });

  it('lets formatting far away inflate the used range', () => {
    const fake = createFakeWps(spec);
    const a = fake.Application.ActiveWorkbook!.Worksheets.Item('A') as unknown as { UsedRange: { Row: number; Rows: { Count: number }; Columns: { Count: number } } };
    const used = a.UsedRange;
    expect(used.Row).toBe(1);
    expect(used.Rows.Count).toBe(100_000);
    expect(used.Columns.Count).toBe(26);
  });

  it('counts every call that crosses into WPS and refuses what it does not model', () => {
    const fake = createFakeWps(spec);
    fake.resetCalls();
    const wb = fake.Application.ActiveWorkbook!; // 1
    const sheets = wb.Worksheets; // 2
    void sheets.Count; // 3
    expect(fake.calls).toBe(3);
    expect(() => (wb as unknown as Record<string, unknown>).Sheets).toThrow(/not modelled/);
  });

  it('takes typed input unless the cell is Text', () => {
    const fake = createFakeWps(spec);
    const a = fake.Application.ActiveWorkbook!.Worksheets.Item(1) as unknown as { Range(s: string): { Value2: unknown; NumberFormat: unknown; Formula: unknown } };
    a.Range('C1:C2').Value2 = [['=SUM(A1)'], ['12.5']];
    expect(fake.sheet('A').cells.get('0,2')?.formula).toBe('=SUM(A1)');
    expect(fake.sheet('A').cells.get('1,2')?.value).toBe(12.5);
    a.Range('D1').NumberFormat = '@';
    a.Range('D1').Value2 = '=不是公式';
    expect(fake.sheet('A').cells.get('0,3')).toMatchObject({ value: '=不是公式' });
  });
});

// -----------------------------------------------------------------------------------------------

describe('reading: the same workbook as the xlsx host sees it', () => {
  const samples = fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.xlsx'));

  it('has samples to compare', () => {
    expect(samples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(samples)('%s: same cells, formats and findings through the WPS host as through the xlsx host', async (file) => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(SAMPLES, file)));
    const xlsx = await XlsxHost.fromBytes(bytes, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const fake = createFakeWps(wpsSpecFromExcelJs(wb, file));

    const viaXlsx = await xlsx.readWorkbook();
    const viaWps = await hostOf(fake).readWorkbook();
    expect(viaWps.name).toBe(viaXlsx.name);
    expect(viaWps.sheets.map((s) => [s.name, s.visibility])).toEqual(viaXlsx.sheets.map((s) => [s.name, s.visibility]));
    viaWps.sheets.forEach((grid, i) => {
      expect(cellMap(grid)).toEqual(cellMap(viaXlsx.sheets[i]));
      expect(cellMap(grid, 'numberFormats')).toEqual(cellMap(viaXlsx.sheets[i], 'numberFormats'));
    });

    const a = checkWorkbook(viaXlsx);
    const b = checkWorkbook(viaWps);
    expect(b.findings.length).toBeGreaterThan(0);
    expect(b.findings).toEqual(a.findings);
    expect(b.sheets).toEqual(a.sheets);
  });

  it('reads errors, booleans, indents of the label columns and hidden sheets as the xlsx host does', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('指标');
    ws.addRows([
      ['指标', '单位', '2022年', '2023年'],
      ['行政处罚案件', '件', 120, 110],
      ['警告', '件', 57, 50],
      ['罚款', '件', 62, 58],
      ['法制审核率', '%', 0.95, { formula: 'C2/0', result: { error: '#DIV/0!' } }],
      ['已整改', '', true, false],
    ]);
    ws.getCell('A3').alignment = { indent: 1 };
    ws.getCell('A4').alignment = { indent: 1 };
    ws.getCell('C5').numFmt = '0.0%';
    ws.getCell('D5').numFmt = '0.0%';
    const hidden = wb.addWorksheet('往年', { state: 'hidden' });
    hidden.addRows([
      ['指标', '2021年'],
      ['行政处罚案件', 100],
    ]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const viaXlsx = await (await XlsxHost.fromBytes(bytes, 'x.xlsx')).readWorkbook();
    const fake = createFakeWps(wpsSpecFromExcelJs(wb, 'x.xlsx'));
    const viaWps = await hostOf(fake).readWorkbook();

    expect(viaWps.sheets[0].values[4][3]).toEqual({ error: '#DIV/0!' });
    expect(viaWps.sheets[0].values[5][2]).toBe(true);
    expect(viaWps.sheets[1].visibility).toBe('hidden');
    viaWps.sheets.forEach((grid, i) => {
      expect(cellMap(grid)).toEqual(cellMap(viaXlsx.sheets[i]));
      expect(cellMap(grid, 'numberFormats')).toEqual(cellMap(viaXlsx.sheets[i], 'numberFormats'));
      expect(cellMap(grid, 'indents', 3)).toEqual(cellMap(viaXlsx.sheets[i], 'indents', 3));
    });
    expect(cellMap(viaWps.sheets[0], 'indents')).toEqual({ A3: 1, A4: 1 });
    expect(checkWorkbook(viaWps).findings).toEqual(checkWorkbook(viaXlsx).findings);
  });

  it('reads a date as its serial number (as Office.js does), not as text', async () => {
    const fake = createFakeWps({ name: 'd', sheets: [{ name: 'S', cells: { A1: '填报日期', B1: { value: dateSerial(new Date(Date.UTC(2024, 0, 31))), numberFormat: 'yyyy-mm-dd' } } }] });
    const snap = await hostOf(fake).readWorkbook();
    expect(snap.sheets[0].values).toEqual([['填报日期', 45322]]);
    expect(snap.sheets[0].numberFormats).toEqual([['General', 'yyyy-mm-dd']]);
  });

  it('reads the 校验规则 sheet with the others, so its rules apply', async () => {
    const rules = rulesSheetTemplate();
    const fake = createFakeWps({
      name: '规则.xlsx',
      sheets: [
        {
          name: '法治指标',
          blocks: [
            {
              at: 'A1',
              rows: [
                ['指标', '单位', '2022年'],
                ['行政处罚案件', '件', 106],
                ['依法公开执法处罚信息', '条', 160],
              ],
            },
          ],
        },
        { name: '校验规则', blocks: [{ at: 'A1', rows: rules.map((r) => r.map((v) => (v === null || typeof v === 'object' ? null : v))) }] },
      ],
    });
    const snap = await hostOf(fake).readWorkbook();
    expect(snap.sheets.map((s) => s.name)).toEqual(['法治指标', '校验规则']);
    const result = checkWorkbook(snap);
    expect(result.findings.some((f) => f.ruleId === 'U1' && f.cells.some((c) => c.sheet === '法治指标'))).toBe(true);
  });

  it('reads only the data when formatting far away inflates the used range', async () => {
    const plain = createFakeWps({ name: 'w', sheets: [longSheet('S', 30)] });
    const inflatedSpec = { name: 'w', sheets: [longSheet('S', 30)] };
    inflatedSpec.sheets[0].cells = { XFD1048576: { fill: 65535 }, Z200000: { numberFormat: '0.00' } };
    const inflated = createFakeWps(inflatedSpec);
    const a = await hostOf(plain).readWorkbook();
    const calls = await callsOf(inflated, async () => {
      const b = await hostOf(inflated).readWorkbook();
      expect(b).toEqual(a);
    });
    expect(inflated.callsByMember.get('FakeRange.Find')).toBe(4);
    expect(calls).toBeLessThan(200);
  });

  it('skips its own 校验结果 sheet and says when no workbook is open', async () => {
    const fake = createFakeWps({ name: 'w', sheets: [longSheet('S', 3)] });
    const host = hostOf(fake);
    await host.writeResultSheet([finding('S', 'C3', 'error')]);
    expect((await host.readWorkbook()).sheets.map((s) => s.name)).toEqual(['S']);

    const none = hostOf(createFakeWps({ name: 'w', sheets: [] }, { noWorkbook: true }));
    const error = await none.readWorkbook().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).bilingual['zh-CN']).toMatch(/没有打开的工作簿/);
    expect((error as HostError).bilingual['en-US']).toMatch(/No workbook is open/);
  });
});

// -----------------------------------------------------------------------------------------------

describe('calls into WPS do not grow with the number of cells', () => {
  it('reading, marking and clearing cost the same for 100 and 10,000 rows', async () => {
    const small = createFakeWps({ name: 'w', sheets: [longSheet('S', 100)] });
    const large = createFakeWps({ name: 'w', sheets: [longSheet('S', 10_000)] });
    const findings = [finding('S', 'C3', 'error'), finding('S', 'D5', 'warning'), finding('S', 'C10', 'info'), finding('S', 'D11', 'error')];
    const cost = async (fake: FakeWps) => {
      const host = hostOf(fake);
      return {
        read: await callsOf(fake, () => host.readWorkbook()),
        mark: await callsOf(fake, () => host.applyMarks(findings)),
        clear: await callsOf(fake, () => host.clearMarks()),
        select: await callsOf(fake, () => host.selectCell({ sheet: 'S', address: 'D11' })),
      };
    };
    const a = await cost(small);
    const b = await cost(large);
    expect(b).toEqual(a);
    expect(a.read).toBeLessThan(80);
  });

  it('reads a large sheet in blocks of whole rows', async () => {
    const fake = createFakeWps({ name: 'w', sheets: [longSheet('S', 10_000)] });
    const snap = await callsOf(fake, () => hostOf(fake, { blockCells: 10_000 }).readWorkbook());
    expect(snap).toBeLessThan(100);
    // 10,002 rows × 4 columns in blocks of 2,500 rows: 5 Value2 reads.
    expect(fake.callsByMember.get('FakeRange.Value2')).toBe(5);
  });
});

// -----------------------------------------------------------------------------------------------

describe('marks', () => {
  const userSpec = (): FakeWpsSpec => ({
    name: '用户格式.xlsx',
    sheets: [
      {
        name: '指标',
        cells: {
          A1: { value: '指标', bold: true, fill: 0xdddddd },
          B1: { value: '2022年', bold: true, fill: 0xdddddd },
          A2: '行政处罚案件',
          B2: { value: 120, numberFormat: '#,##0', fill: 0x00ffff, fontColor: 0x0000ff },
          A3: '警告',
          B3: { value: 57, numberFormat: '#,##0', indent: 1 },
          B4: { value: 0.95, numberFormat: '0.0%' },
        },
        formatConditions: [
          { address: 'B2:B4', type: 2, formula1: '=B2>100', interiorColor: 0x00ff00 },
          { address: 'A1:A4', type: 1, formula1: '=0', fontColor: 0xff0000 },
        ],
        tables: [],
      },
      { name: '其他', cells: { A1: 1 } },
    ],
  });

  it('are conditional formats with the Excel host marker formula and palette, one rule per sheet and severity', async () => {
    const fake = createFakeWps(userSpec());
    await hostOf(fake).applyMarks([finding('指标', 'B2', 'error'), finding('指标', 'B3', 'error'), finding('指标', 'B4', 'warning'), finding('其他', 'A1', 'info'), finding('指标', 'B2', 'warning')]);
    const ours = fake.state.sheets.flatMap((s) => s.formatConditions.filter((cf) => cf.formula1.includes('指标校验')).map((cf) => ({ sheet: s.name, ...cf })));
    expect(ours.map((cf) => [cf.sheet, cf.formula1, cf.areas.length, cf.interiorColor, cf.fontColor])).toEqual([
      ['指标', markFormula('error'), 1, bgr(MARK_STYLES.error.fill), bgr(MARK_STYLES.error.font!)],
      ['指标', markFormula('warning'), 1, bgr(MARK_STYLES.warning.fill), null],
      ['其他', markFormula('info'), 1, bgr(MARK_STYLES.info.fill), null],
    ]);
    expect(ours[0].areas).toEqual([{ r0: 1, c0: 1, r1: 2, c1: 1 }]); // B2:B3, the worse severity of B2
  });

  it('clearing restores every format exactly, the user\u2019s own rules included, also after a reopen', async () => {
    const fake = createFakeWps(userSpec());
    const before = fake.formatsSnapshot();
    await hostOf(fake).applyMarks([finding('指标', 'B2', 'error'), finding('指标', 'A3', 'warning'), finding('其他', 'A1', 'info')]);
    // Marked again: the earlier marks are replaced, not added to.
    await hostOf(fake).applyMarks([finding('指标', 'B4', 'error')]);
    expect(fake.state.sheets.flatMap((s) => s.formatConditions).filter((cf) => cf.formula1.includes('指标校验'))).toHaveLength(1);
    expect(fake.formatsSnapshot()).not.toEqual(before);
    // A new host (the pane reopened with the workbook) finds them by their marker.
    await hostOf(fake).clearMarks();
    expect(fake.formatsSnapshot()).toEqual(before);
  });

  it('clears marks the Excel host wrote, and many marks are split into address lists WPS accepts', async () => {
    const spec = userSpec();
    spec.sheets[0].formatConditions!.push({ address: 'A2', type: 2, formula1: markFormula('warning'), interiorColor: bgr(MARK_STYLES.warning.fill) });
    const fake = createFakeWps(spec);
    const many = Array.from({ length: 300 }, (_, i) => finding('指标', `${String.fromCharCode(67 + (i % 20))}${10 + 2 * Math.floor(i / 20)}`, 'error'));
    await hostOf(fake).applyMarks(many);
    const ours = fake.sheet('指标').formatConditions.filter((cf) => cf.formula1.includes('指标校验'));
    expect(ours.length).toBeGreaterThan(1);
    expect(ours.every((cf) => cf.areas.map((a) => `${a.r0},${a.c0}`).join(',').length > 0)).toBe(true);
    expect(ours.reduce((n, cf) => n + cf.areas.length, 0)).toBe(300);
    await hostOf(fake).clearMarks();
    expect(fake.sheet('指标').formatConditions.map((cf) => cf.formula1)).toEqual(['=B2>100', '=0']);
  });

  it('a protected sheet is left alone and named in both languages; the other sheets are marked and cleared', async () => {
    const spec = userSpec();
    spec.sheets[1].protectContents = true;
    const fake = createFakeWps(spec);
    const before = fake.formatsSnapshot();
    const report = (await hostOf(fake).applyMarks([finding('指标', 'B2', 'error'), finding('其他', 'A1', 'info'), finding('其他', 'B1', 'error')])) as MarkReport;
    expect(fake.sheet('指标').formatConditions.filter((cf) => cf.formula1.includes('指标校验'))).toHaveLength(1);
    expect(fake.sheet('其他').formatConditions).toEqual([]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]['zh-CN']).toContain('工作表“其他”受保护，其中 2 处问题无法标记');
    expect(report.problems[0]['en-US']).toContain('The sheet "其他" is protected');
    // Marks left from before the sheet was protected are named when clearing, and stay.
    fake.sheet('其他').protectContents = false;
    await hostOf(fake).applyMarks([finding('其他', 'A1', 'info')]);
    fake.sheet('其他').protectContents = true;
    const cleared = (await hostOf(fake).clearMarks()) as MarkReport;
    expect(cleared.problems.map((p) => p['en-US'])).toEqual([expect.stringContaining('The sheet "其他" is protected, so its old marks cannot be cleared')]);
    fake.sheet('其他').protectContents = false;
    expect(((await hostOf(fake).clearMarks()) as MarkReport).problems).toEqual([]);
    fake.sheet('其他').protectContents = true;
    expect(fake.formatsSnapshot()).toEqual(before);
  });

  it('turns screen updating back on after marking', async () => {
    const fake = createFakeWps(userSpec());
    await hostOf(fake).applyMarks([finding('指标', 'B2', 'error')]);
    expect(fake.state.screenUpdating).toBe(true);
  });
});

// -----------------------------------------------------------------------------------------------

describe('selection', () => {
  const spec = (): FakeWpsSpec => ({ name: 's', sheets: [{ name: '一', cells: { A1: 1 } }, { name: '二', cells: { A1: 2 } }, { name: '隐藏', visible: 0, cells: { A1: 3 } }, { name: '深藏', visible: 2 }] });

  it('activates the sheet and selects the cell or range', async () => {
    const fake = createFakeWps(spec());
    const host = hostOf(fake);
    await host.selectCell({ sheet: '二', address: '$D$7' });
    expect(fake.state.activeSheet).toBe('二');
    expect(fake.state.selection).toEqual({ sheet: '二', address: 'D7' });
    await host.selectRange({ sheet: '一', address: 'E10:B5' });
    expect(fake.state.selection).toEqual({ sheet: '一', address: 'B5:E10' });
  });

  it('says why a hidden, very hidden or missing sheet or a bad address cannot be shown, in both languages', async () => {
    const host = hostOf(createFakeWps(spec()));
    const err = (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e as HostError);
    const hidden = await err(host.selectCell({ sheet: '隐藏', address: 'A1' }));
    expect(hidden?.bilingual['zh-CN']).toMatch(/已隐藏/);
    expect(hidden?.bilingual['en-US']).toMatch(/is hidden/);
    expect((await err(host.selectCell({ sheet: '深藏', address: 'A1' })))?.bilingual['zh-CN']).toMatch(/深度隐藏/);
    expect((await err(host.selectCell({ sheet: '没有', address: 'A1' })))?.reason).toBe('SheetMissing');
    expect((await err(host.selectCell({ sheet: '一', address: 'L19x' })))?.bilingual['en-US']).toMatch(/not a valid cell address/);
  });
});

// -----------------------------------------------------------------------------------------------

describe('the sheets the add-in writes', () => {
  const base = (): FakeWpsSpec => ({ name: 'w', sheets: [longSheet('指标', 5)] });

  it('writes 校验结果 as a table with links, text kept as written, and replaces its own earlier one', async () => {
    const fake = createFakeWps(base());
    const host = hostOf(fake);
    const f: Finding = {
      ...finding('指标', 'C4', 'error', 'balance'),
      message: { 'zh-CN': '=SUM 不是公式', 'en-US': 'x' },
      details: { 'zh-CN': '规则 balance：[合计] == [分项]。', 'en-US': 'Rule balance.' },
      values: [120],
      expected: '100%',
    };
    await expect(host.writeResultSheet([f])).resolves.toEqual({ sheet: '校验结果', table: 'IndicatorCheckResults', rows: 1 });
    await expect(host.writeResultSheet([f, finding('指标', 'D5', 'warning')])).resolves.toMatchObject({ rows: 2 });
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['指标', '校验结果']);
    expect(fake.state.activeSheet).toBe('校验结果');
    const sheet = fake.sheet('校验结果');
    expect(sheet.tables).toEqual([{ name: 'IndicatorCheckResults', area: { r0: 0, c0: 0, r1: 2, c1: 8 }, tableStyle: 'TableStyleMedium2' }]);
    const values = fake.valuesOf('校验结果');
    expect([values.A1, values.B1, values.H1, values.I1]).toEqual(['级别', '规则', '说明', '详情']);
    expect(values.I2).toBe('规则 balance：[合计] == [分项]。');
    expect([values.A2, values.B2, values.C2, values.E2, values.F2, values.H2]).toEqual(['错误', 'balance', '指标', 120, '100%', '=SUM 不是公式']);
    expect(sheet.cells.get('1,3')?.formula).toBe(hyperlinkFormula('指标', 'C4'));
    expect(values.D2).toBe('C4');
    expect(sheet.autoFitted).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('never touches a 校验结果 sheet it did not write', async () => {
    const spec = base();
    spec.sheets.push({ name: '校验结果', cells: { A1: '我的' } });
    const fake = createFakeWps(spec);
    const error = await hostOf(fake)
      .writeResultSheet([finding('指标', 'C4', 'error')])
      .catch((e: unknown) => e as HostError);
    expect(error).toBeInstanceOf(HostError);
    expect(fake.valuesOf('校验结果')).toEqual({ A1: '我的' });
  });

  it('keeps 核实说明 in 校验说明, replacing its own sheet, leaving the user on their sheet; the next check applies it', async () => {
    const spec: FakeWpsSpec = {
      name: 'e',
      sheets: [
        {
          name: '指标',
          blocks: [
            {
              at: 'A1',
              rows: [
                ['指标', '单位', '2022'],
                ['主动公开信息', '条', 5548],
                ['其中主要有：行政许可', '条', 3706],
                ['　　　　　　行政处罚', '条', 259],
              ],
            },
          ],
        },
      ],
    };
    const fake = createFakeWps(spec);
    const host = hostOf(fake);
    const first = checkWorkbook(await host.readWorkbook());
    const warning = first.findings.find((f) => f.ruleId === 'balance.partial') as Finding;
    expect(warning).toBeDefined();
    await host.saveExplanationRows(explanationRows([explain(warning, '其余为其他类别')]));
    await host.saveExplanationRows(explanationRows([explain(warning, '其余 1583 条为其他类别')]));
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['指标', '校验说明']);
    expect(fake.state.activeSheet).toBe('指标');
    expect(fake.sheet('校验说明').cells.get('1,4')).toMatchObject({ value: '其余 1583 条为其他类别', numberFormat: '@' });
    const again = checkWorkbook(await hostOf(fake).readWorkbook());
    expect(again.findings.find((f) => f.ruleId === 'balance.partial')?.explanation).toBe('其余 1583 条为其他类别');
  });

  it('refuses to replace a 校验说明 sheet that is the user\u2019s', async () => {
    const spec = base();
    spec.sheets.push({ name: '校验说明', cells: { A1: '我的笔记' } });
    const fake = createFakeWps(spec);
    const error = await hostOf(fake)
      .saveExplanationRows([['键', '规则', '单元格', '数值', '说明', '时间']])
      .catch((e: unknown) => e as HostError);
    expect(error).toBeInstanceOf(HostError);
    expect(fake.valuesOf('校验说明')).toEqual({ A1: '我的笔记' });
  });

  it('creates 校验规则 whose rules read back, and refuses when it exists', async () => {
    const fake = createFakeWps(base());
    const host = hostOf(fake);
    const template = rulesSheetTemplate();
    await expect(host.writeRulesSheet(template)).resolves.toEqual({ sheet: '校验规则' });
    expect(fake.state.activeSheet).toBe('校验规则');
    const grid = (await host.readWorkbook()).sheets.find((s) => s.name === '校验规则') as SheetGrid;
    const expected: CellValue[][] = template.map((r) => r.map((v) => (v === undefined || v === '' ? null : v)));
    expect(grid.values).toEqual(expected);
    expect(grid.numberFormats?.[1][2]).toBe('@');
    expect(rulesFromSheet(grid).findings).toEqual([]);
    expect(fake.sheet('校验规则').cells.get('0,0')).toMatchObject({ bold: true, fill: bgr('#DDEBF7') });
    const error = await host.writeRulesSheet(template).then(
      () => null,
      (e: unknown) => e as HostError,
    );
    expect(error?.reason).toBe('SheetNameTaken');
  });
});

