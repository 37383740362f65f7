// 插入标准表 in Excel: ExcelHost.insertStandardForm against the fake Excel. The form goes on a new
// sheet in 2 syncs with its values, formats, borders, frozen header and data validation (where
// ExcelApi 1.8 is), the user's sheets stay exactly as they were, and the sheet reads back through
// the same host as a wide indicator sheet with its 其中 parts.
import { analyzeWorkbook } from '../src/core/engine';
import { toA1 } from '../src/core/a1';
import { formCells, formNumberFormats, standardForm, type StandardFormSpec } from '../src/core/report/standard-form';
import { HostError } from '../src/hosts/excel/errors';
import { ExcelHost } from '../src/hosts/excel/excel-host';
import { validationRule } from '../src/hosts/excel/standard-form-writer';
import { type FakeCell, type FakeExcel, type FakeSheet, areaAddress, createFakeExcel, parseArea } from './fakes/fake-excel';

const SPEC: StandardFormSpec = standardForm({ years: ['2022', '2023', '2024'], bureau: '某某区卫生健康局' });
const L = SPEC.layout;

function hostFor(fake: FakeExcel): ExcelHost {
  return new ExcelHost((batch) => fake.run(batch), { platform: fake.platform, isSetSupported: (n, v) => fake.isSetSupported(n, v), syncTimeoutMs: 5000 });
}

/** A user's workbook: a data sheet with formats, a merged title and validation of their own. */
function userWorkbook(extra: Array<{ name: string; cells?: Record<string, string | number> }> = [], apiVersion?: number): FakeExcel {
  const fake = createFakeExcel(
    [
      {
        name: '法治指标',
        blocks: [{ at: 'A1', values: [['指标', '单位', '2021年', '2022年'], ['法制审核率', '%', 0.9333, 1], ['行政处罚案件', '件', 98, 106]] }],
        cells: { C2: { value: 0.9333, numberFormat: '0.00%', fill: '#FFFF00', bold: true } },
      },
      ...extra,
    ],
    { apiVersion },
  );
  const data = fake.workbookState.sheets[0];
  data.columnWidths = new Map([[1, 300]]);
  data.frozen = { rows: 1, columns: 1 };
  return fake;
}

function sheet(fake: FakeExcel, name: string): FakeSheet {
  const s = fake.workbookState.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}: ${fake.workbookState.sheets.map((x) => x.name).join(', ')}`);
  return s;
}

const cellAt = (s: FakeSheet, address: string): FakeCell | undefined => {
  const r = parseArea(address);
  return s.cells.get(`${r.r0},${r.c0}`);
};

/** Everything about a sheet, as plain data. */
function sheetState(fake: FakeExcel, name: string): unknown {
  const s = sheet(fake, name);
  return JSON.parse(JSON.stringify({ ...s, cells: [...s.cells].sort(([a], [b]) => a.localeCompare(b)), columnWidths: [...(s.columnWidths ?? [])], rowHeights: [...(s.rowHeights ?? [])] }));
}

async function syncsOf(fake: FakeExcel, f: () => Promise<unknown>): Promise<number> {
  const before = fake.syncCount;
  await f();
  return fake.syncCount - before;
}

const at = (name: string, year: string): string => toA1(L.firstRow + SPEC.rows.findIndex((r) => r.name === name), L.yearCols[SPEC.years.indexOf(year)]);

describe('ExcelHost.insertStandardForm', () => {
  it('adds 指标表 and 校验规则 in 2 syncs: values, formats, borders, validation, frozen header; the user\'s sheet untouched', async () => {
    const fake = userWorkbook();
    const before = sheetState(fake, '法治指标');
    let info: unknown;
    expect(await syncsOf(fake, async () => (info = await hostFor(fake).insertStandardForm(SPEC)))).toBe(2);
    expect(info).toEqual({ sheet: '指标表', rulesSheet: '校验规则', validation: true });
    // Calculation and screen updating were suspended before the first write of the batch.
    expect(fake.workbookState.writesBeforeSuspend ?? 0).toBe(0);
    expect(fake.workbookState.screenUpdatingSuspensions).toBe(1);
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(['法治指标', '指标表', '校验规则']);
    expect(fake.workbookState.activeSheet).toBe('指标表');
    expect(sheetState(fake, '法治指标')).toEqual(before);

    const s = sheet(fake, '指标表');
    // Exactly the core's values and number formats, from A1 to the last note.
    const cells = formCells(SPEC);
    const formats = formNumberFormats(SPEC);
    cells.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = s.cells.get(`${r},${c}`);
        expect([r, c, cell?.value ?? null]).toEqual([r, c, v]);
        expect([r, c, cell?.numberFormat ?? 'General']).toEqual([r, c, formats[r][c]]);
      }),
    );
    expect(cellAt(s, 'A1')).toMatchObject({ value: SPEC.title, bold: true, fontSize: 16, horizontalAlignment: 'Center' });
    expect((s.merges ?? []).map(areaAddress)).toEqual(['A1:G1']);
    expect(s.frozen).toEqual({ rows: 4, columns: 0 });
    expect(cellAt(s, 'D4')).toMatchObject({ value: '2022年', bold: true, fill: '#DDEBF7', horizontalAlignment: 'Center', wrapText: true });
    // Borders around every cell of the header and indicator rows, none on the notes.
    expect(cellAt(s, 'A4')?.borders).toEqual({ top: 'Continuous', bottom: 'Continuous', left: 'Continuous', right: 'Continuous' });
    expect(cellAt(s, `G${L.lastRow + 1}`)?.borders).toEqual({ top: 'Continuous', bottom: 'Continuous', left: 'Continuous', right: 'Continuous' });
    expect(cellAt(s, `B${L.noteRows[0] + 1}`)?.borders).toBeUndefined();
    // Parts indented (ExcelApi 1.9), codes and units centred.
    expect(cellAt(s, 'B12')).toMatchObject({ value: '其中：警告', indent: 1 });
    expect(cellAt(s, 'B11')?.indent).toBeUndefined();
    expect(cellAt(s, 'A12')).toMatchObject({ value: 7.1, horizontalAlignment: 'Center' });
    // Data validation by the kind of each row, blanks allowed, a stop alert in Chinese.
    expect(cellAt(s, at('行政处罚案件', '2022'))?.validation).toEqual({
      ignoreBlanks: true,
      rule: { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } },
      errorAlert: { showAlert: true, style: 'Stop', title: '请填写整数', message: SPEC.validations.count.error },
    });
    expect(cellAt(s, at('法制审核率', '2024'))?.validation?.rule).toEqual({ decimal: { formula1: 0, formula2: 1, operator: 'Between' } });
    expect(cellAt(s, at('罚没款', '2023'))?.validation?.rule).toEqual({ decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } });
    const validated = [...s.cells].filter(([, c]) => c.validation).length;
    expect(validated).toBe(SPEC.rows.length * 3);
    SPEC.widths.forEach((w, j) => expect(s.columnWidths?.get(j)).toBe((w * 7 + 5) * 0.75));

    // The rules sheet: the examples as text (an expression is never a formula).
    const rules = sheet(fake, '校验规则');
    expect(cellAt(rules, 'C2')).toMatchObject({ value: '[经法制审核的重大执法决定] <= [重大执法决定]', numberFormat: '@' });
    expect(cellAt(rules, 'A1')).toMatchObject({ value: '编号', bold: true });
  });

  it('never touches a sheet the workbook has: 指标表(2) beside the user\'s 指标表, and their 校验规则 kept', async () => {
    const fake = userWorkbook([
      { name: '指标表', cells: { A1: '我的指标表', B2: 5 } },
      { name: '校验规则', cells: { A1: '编号', C2: '[甲] == [乙]' } },
    ]);
    const before = fake.workbookState.sheets.map((s) => sheetState(fake, s.name));
    let info: unknown;
    expect(await syncsOf(fake, async () => (info = await hostFor(fake).insertStandardForm(SPEC)))).toBe(2);
    expect(info).toEqual({ sheet: '指标表(2)', rulesSheet: null, validation: true });
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(['法治指标', '指标表', '校验规则', '指标表(2)']);
    expect(fake.workbookState.sheets.slice(0, 3).map((s) => sheetState(fake, s.name))).toEqual(before);
    expect(cellAt(sheet(fake, '指标表(2)'), 'A1')?.value).toBe(SPEC.title);
  });

  it('on Office 2019 (ExcelApi 1.7): no validation (said so), no indent, still frozen; the labels keep the hierarchy', async () => {
    const fake = userWorkbook([], 7);
    const host = hostFor(fake);
    let info: unknown;
    // The fake fails a sync that uses an API newer than 1.7: the host must not queue any.
    expect(await syncsOf(fake, async () => (info = await host.insertStandardForm(SPEC)))).toBe(2);
    expect(info).toEqual({ sheet: '指标表', rulesSheet: '校验规则', validation: false });
    const s = sheet(fake, '指标表');
    expect([...s.cells.values()].some((c) => c.validation || c.indent)).toBe(false);
    expect(s.frozen).toEqual({ rows: 4, columns: 0 });

    // Read back through the same host (no indents before 1.9): 其中, full-width spaces and the
    // outline codes still make the parts children of their totals.
    const { model, sheets } = analyzeWorkbook(await host.readWorkbook());
    expect(sheets.find((x) => x.sheet === '指标表')?.layout).toBe('wide');
    const rows = [...model.rows.values()].filter((r) => r.sheet === '指标表');
    expect(rows.map((r) => r.label)).toEqual(SPEC.rows.map((r) => r.label.trim()));
    rows.forEach((r, i) => {
      const p = SPEC.rows[i].parent;
      expect(r.parent).toBe(p === undefined ? undefined : rows[p].id);
    });
  });

  it('fails with a bilingual HostError before ExcelApi 1.2, writing nothing', async () => {
    const fake = userWorkbook([], 1);
    const error = await hostFor(fake).insertStandardForm(SPEC).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).bilingual['zh-CN']).toContain('插入标准表');
    expect(fake.syncCount).toBe(0);
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(['法治指标']);
  });

  it('keeps the alert texts within Excel\'s limits (title 32, message 225 characters)', () => {
    for (const v of Object.values(SPEC.validations)) {
      expect(v.errorTitle.length).toBeLessThanOrEqual(32);
      expect(v.error.length).toBeLessThanOrEqual(225);
    }
    expect(validationRule(SPEC.validations.rate)).toEqual({ decimal: { formula1: 0, formula2: 1, operator: 'Between' } });
  });
});

describe('the fake models freeze panes, data validation and borders as Office does', () => {
  it('rejects what Excel rejects and applies the rest at sync', async () => {
    const fake = createFakeExcel([{ name: 'A' }]);
    const ctx = fake.context;
    const ws = ctx.workbook.worksheets.getItem('A');
    ws.freezePanes.freezeRows(2);
    ws.freezePanes.freezeColumns(1); // replaces the frozen rows, as Excel's UI does
    const b = ws.getRange('B2:C3').format.borders;
    b.getItem('InsideHorizontal').style = 'Continuous';
    b.getItem('EdgeLeft').style = 'Dash';
    await ctx.sync();
    const s = sheet(fake, 'A');
    expect(s.frozen).toEqual({ rows: 0, columns: 1 });
    expect(cellAt(s, 'B2')?.borders).toEqual({ bottom: 'Continuous', left: 'Dash' });
    expect(cellAt(s, 'C3')?.borders).toEqual({ top: 'Continuous' });

    const dv = (address: string) => ws.getRange(address).dataValidation;
    const bad: Array<() => void> = [
      () => (dv('A1').rule = { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' }, decimal: { formula1: 0, operator: 'GreaterThan' } }),
      () => (dv('A1').rule = { decimal: { formula1: 0, operator: 'Between' } }),
      () => (dv('A1').rule = { decimal: { formula1: 0, operator: 'AtLeast' as 'GreaterThan' } }),
      () => (dv('A1').errorAlert = { showAlert: true, style: 'Stop', title: 'x'.repeat(33), message: 'm' }),
      () => (dv('A1').errorAlert = { showAlert: true, style: 'Stop', title: 't', message: '长'.repeat(226) }),
    ];
    for (const write of bad) {
      write();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    }
    expect(cellAt(s, 'A1')).toBeUndefined(); // nothing of a rejected write reaches the cell
    dv('A1:A2').rule = { decimal: { formula1: 0, formula2: 1, operator: 'Between' } };
    const check = dv('A1:A3');
    check.load('type');
    await ctx.sync();
    expect((check as unknown as { type: string }).type).toBe('Inconsistent');
    expect(cellAt(s, 'A2')?.validation?.rule).toEqual({ decimal: { formula1: 0, formula2: 1, operator: 'Between' } });

    // Office 2019: data validation (1.8) fails the sync with ApiNotFound.
    const old = createFakeExcel([{ name: 'A' }], { apiVersion: 7 });
    old.context.workbook.worksheets.getItem('A').getRange('A1').dataValidation.rule = { decimal: { formula1: 0, operator: 'GreaterThan' } };
    await expect(old.context.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});
