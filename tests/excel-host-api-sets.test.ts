// The Excel host on the oldest Excel it supports (ExcelApi 1.7: Office 2019) and on older ones.
// The fake Excel is told which requirement set it models (apiVersion): a call from a newer set
// fails the sync with ApiNotFound, as Office does, and fake.isSetSupported answers as Office
// would. So every action the add-in offers is run here against an Excel that really lacks
// RangeAreas, getCellProperties, screen-updating suspension, gridlines and merged-area checks.
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../src/core/engine';
import { buildSummary, summaryInput } from '../src/core/report';
import type { Finding } from '../src/core/types';
import { HostError } from '../src/hosts/excel/errors';
import { ExcelHost } from '../src/hosts/excel/excel-host';
import { readXlsx } from '../src/hosts/xlsx/read-xlsx';
import { createFakeExcel, formatsSnapshot, type FakeExcel, type FakeSheetSpec } from './fakes/fake-excel';

const SAMPLE = path.join(__dirname, '..', 'samples', '示例-乐山市市中区-法治指标.xlsx');

const sheets = (): FakeSheetSpec[] => [
  {
    name: '法治指标',
    blocks: [
      {
        at: 'A1',
        values: [
          ['指标名称', '单位', '2021年', '2022年'],
          ['国家双随机监督抽检任务', '家', 190, 209],
          ['其中：公共场所卫生', '家', 95, 108],
          ['生活饮用水卫生', '家', 12, 12],
          ['法制审核率', '%', 0.9333, 1],
        ],
      },
    ],
    cells: { B2: { value: '家', fill: '#FFF2CC', bold: true }, D5: { value: 1, numberFormat: '0.0%', fontColor: '#C00000' } },
  },
  { name: '说明', cells: { A1: '填报说明' } },
];

function hostOn(fake: FakeExcel): ExcelHost {
  return new ExcelHost((batch) => fake.run(batch), { platform: fake.platform, isSetSupported: (n, v) => fake.isSetSupported(n, v), syncTimeoutMs: 5000 });
}

async function findingsOf(host: ExcelHost): Promise<Finding[]> {
  return checkWorkbook(await host.readWorkbook(), { entity: '某区' }).findings;
}

describe('the fake Excel models requirement sets', () => {
  it('answers isSetSupported for its version and fails a sync that uses a newer API', async () => {
    const fake = createFakeExcel(sheets(), { apiVersion: 7 });
    expect(fake.isSetSupported('ExcelApi', '1.7')).toBe(true);
    expect(fake.isSetSupported('ExcelApi', '1.9')).toBe(false);
    expect(fake.isSetSupported('ExcelApi', '1.10')).toBe(false);
    const ctx = fake.context;
    ctx.workbook.worksheets.getItem('法治指标').getRanges('A1:B2,D4');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    ctx.workbook.application.suspendScreenUpdatingUntilNextSync();
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    // The next batch without them goes through.
    const ws = ctx.workbook.worksheets.getItem('法治指标');
    ws.load('name');
    await ctx.sync();
    expect(ws.name).toBe('法治指标');
  });
});

describe('ExcelHost on Excel 2019 (ExcelApi 1.7)', () => {
  it('reads, marks, clears, selects and writes the result sheet without any newer API', async () => {
    const fake = createFakeExcel(sheets(), { apiVersion: 7 });
    const host = hostOn(fake);
    const before = formatsSnapshot(fake.workbookState);
    const findings = await findingsOf(host);
    const exceeds = findings.find((f) => f.ruleId === 'balance.exceeds' || f.ruleId === 'balance.mismatch');
    expect(exceeds?.cells[0]).toEqual({ sheet: '法治指标', address: 'C2' });
    expect(findings.some((f) => f.ruleId.startsWith('rate.mandated') && f.cells[0].address === 'C5')).toBe(true);

    await host.applyMarks(findings);
    expect(fake.conditionalFormatsAt('法治指标', 'C2').length).toBeGreaterThan(0);
    expect(fake.workbookState.screenUpdatingSuspensions).toBe(0); // 1.9 only
    expect(fake.workbookState.calculationSuspensions).toBe(1); // 1.6
    await host.clearMarks();
    expect(formatsSnapshot(fake.workbookState)).toEqual(before);

    await host.selectCell({ sheet: '法治指标', address: 'C5' });
    expect(fake.workbookState.selection).toEqual({ sheet: '法治指标', address: 'C5' });

    const info = await host.writeResultSheet(findings);
    expect(info.rows).toBe(findings.length);
    expect(fake.workbookState.sheets.map((s) => s.name)).toContain('校验结果');
  });

  it('writes summary tables (new sheet and at the selection), the trend chart, the rules and explanations sheets', async () => {
    const fake = createFakeExcel(sheets(), { apiVersion: 7 });
    const host = hostOn(fake);
    const snap = await readXlsx(fs.readFileSync(SAMPLE), path.basename(SAMPLE));
    const spec = buildSummary('compare', summaryInput(snap), { now: new Date(2026, 0, 2) });

    const onNew = await host.writeSummaryTable(spec, 'new-sheet');
    expect(fake.workbookState.sheets.some((s) => s.name === onNew.sheet)).toBe(true);
    await host.selectCell({ sheet: '说明', address: 'C3' });
    const atSelection = await host.writeSummaryTable(spec, 'selection');
    expect(atSelection.sheet).toBe('说明');
    expect(atSelection.address.startsWith('C3:')).toBe(true);

    const chart = await host.insertLineChart({ sheet: '法治指标', categories: 'C1:D1', series: [{ name: '国家双随机监督抽检任务', values: 'C2:D2' }] }, '趋势');
    expect(chart.chart).toBeTruthy();

    await host.writeRulesSheet([
      ['编号', '名称', '表达式', '级别'],
      ['U1', '示例', '[法制审核率] == 100%', '错误'],
    ]);
    await host.saveExplanationRows([['键', '规则'], ['k', 'r']]);
    const names = fake.workbookState.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['校验规则', '校验说明']));
  });
});

describe('ExcelHost on Excel before ExcelApi 1.6', () => {
  it('still reads and checks, and says in both languages that marking needs a newer Excel', async () => {
    const fake = createFakeExcel(sheets(), { apiVersion: 5 });
    const host = hostOn(fake);
    const findings = await findingsOf(host);
    expect(findings.length).toBeGreaterThan(0);
    const err = (await host.applyMarks(findings).catch((e: unknown) => e)) as HostError;
    expect(err).toBeInstanceOf(HostError);
    expect(err.bilingual['zh-CN']).toContain('1.6');
    expect(err.bilingual['en-US']).toContain('1.6');
    // Nothing was written.
    expect(fake.workbookState.sheets.every((s) => s.conditionalFormats.length === 0)).toBe(true);
  });
});

describe('ExcelHost on current Excel', () => {
  it('suspends calculation and screen updating before the syncs that write', async () => {
    const fake = createFakeExcel(sheets());
    const host = hostOn(fake);
    const findings = await findingsOf(host);
    await host.applyMarks(findings);
    expect(fake.workbookState.calculationSuspensions).toBe(1);
    expect(fake.workbookState.screenUpdatingSuspensions).toBe(1);
    await host.writeResultSheet(findings);
    expect(fake.workbookState.calculationSuspensions).toBe(2);
    expect(fake.workbookState.screenUpdatingSuspensions).toBe(2);
  });
});
