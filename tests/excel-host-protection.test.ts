// The Excel host under what real workbooks and real Excel builds do: protected sheets and
// structure, hidden and very hidden sheets (the add-in's own among them), Excel's
// conditional-format bugs, text-heavy reads and memory limits, and failures at random steps.
// Every case runs on ExcelApi 1.7 (Office 2019) and on the newest set the fake models.
import ExcelJS from 'exceljs';
import type { Bilingual, Finding, Severity } from '../src/core/types';
import type { MarkReport } from '../src/core/host';
import { columnLetters } from '../src/hosts/excel/a1';
import { HostError } from '../src/hosts/excel/errors';
import { ExcelHost, type ExcelHostOptions } from '../src/hosts/excel/excel-host';
import { isUnfinishedMark, markSeverity } from '../src/hosts/excel/marks';
import { MAX_BLOCK_SPLITS, measureBytes, repack } from '../src/hosts/excel/read-plan';
import { RESULT_SHEET_NAME } from '../src/hosts/excel/result-sheet';
import { linkTarget } from '../src/hosts/excel/result-workbook';
import { EXPLANATIONS_SHEET, EXPLANATION_HEADER } from '../src/core/explanations';
import { mulberry32 } from './helpers/shapes';
import { type FakeExcel, type FakeExcelOptions, type FakeSheetSpec, type FakeWorkbookState, FakeOfficeError, createFakeExcel, formatsSnapshot } from './fakes/fake-excel';

const VERSIONS: Array<[string, number | undefined]> = [
  ['ExcelApi 1.7', 7],
  ['the newest set', undefined],
];

function make(sheets: FakeSheetSpec[], apiVersion: number | undefined, options: FakeExcelOptions = {}): FakeExcel {
  return createFakeExcel(sheets, { ...options, ...(apiVersion !== undefined ? { apiVersion } : {}) });
}

function hostFor(fake: FakeExcel, options: ExcelHostOptions = {}): ExcelHost {
  return new ExcelHost((batch) => fake.run(batch), {
    platform: fake.platform,
    isSetSupported: (n, v) => fake.isSetSupported(n, v),
    syncTimeoutMs: 5000,
    createWorkbook: (b64) => fake.createWorkbook(b64),
    ...options,
  });
}

function finding(sheet: string, address: string, severity: Severity = 'error'): Finding {
  return { ruleId: 'r', severity, cells: [{ sheet, address }], message: { 'zh-CN': `问题 ${address}`, 'en-US': `Problem ${address}` } };
}

const col = columnLetters;

const ours = (cf: { type: string; formula?: string }): boolean => cf.type === 'Custom' && (markSeverity(cf.formula) !== null || isUnfinishedMark(cf.formula));

/** Our marks on a sheet, as "A1:severity" per covered cell ("A1:unfinished" for a rule a failed batch left without formula), sorted. */
function ourMarks(fake: FakeExcel, sheetName: string): string[] {
  const sheet = fake.workbookState.sheets.find((s) => s.name === sheetName);
  const out: string[] = [];
  for (const cf of sheet?.conditionalFormats ?? []) {
    if (!ours(cf)) continue;
    const sev = markSeverity(cf.formula) ?? 'unfinished';
    for (const a of cf.areas) for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) out.push(`${col(c)}${r + 1}:${sev}`);
  }
  return out.sort();
}

/** The marks `findings` should leave on a sheet: the most severe per first cell. */
function expectedMarks(findings: Finding[], sheetName: string): string[] {
  const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
  const best = new Map<string, Severity>();
  for (const f of findings) {
    if (f.cells[0].sheet !== sheetName) continue;
    const prev = best.get(f.cells[0].address);
    if (!prev || rank[f.severity] > rank[prev]) best.set(f.cells[0].address, f.severity);
  }
  return [...best].map(([a, s]) => `${a}:${s}`).sort();
}

/** Everything of the user's: cell values and formats, their own rules, merges, sheets. Our marks left out. */
function userView(state: FakeWorkbookState): unknown {
  const formats = formatsSnapshot(state) as Array<{ name: string; conditionalFormats: Array<{ type: string; formula?: string }> }>;
  return {
    formats: formats.map((s) => ({ ...s, conditionalFormats: s.conditionalFormats.filter((cf) => !ours(cf)) })),
    values: state.sheets.map((s) => [s.name, s.visibility, !!s.protected, [...s.cells].map(([k, c]) => [k, c.value, c.formula, c.error])]),
  };
}

function isBilingual(b: Bilingual): boolean {
  return b['zh-CN'].length > 0 && b['en-US'].length > 0 && /[\u4e00-\u9fff]/.test(b['zh-CN']) && /[a-z]/i.test(b['en-US']);
}

const mentions = (problems: Bilingual[], sheet: string): boolean => problems.some((p) => p['zh-CN'].includes(`“${sheet}”`) && p['en-US'].includes(`"${sheet}"`));

function data(name: string, extra: Partial<FakeSheetSpec> = {}): FakeSheetSpec {
  return {
    name,
    blocks: [
      {
        at: 'A1',
        values: [
          ['指标', '2022年', '2023年'],
          ['门诊人次', 100, 120],
          ['住院人次', 30, 35],
          ['合计', 130, 150],
        ],
      },
    ],
    cells: { A1: { value: '指标', bold: true, fill: '#D9E1F2' } },
    ...extra,
  };
}

describe.each(VERSIONS)('Excel host on %s', (_label, apiVersion) => {
  describe('protection', () => {
    it('reads sheet and structure protection with the sheets, in the same number of syncs', async () => {
      const fake = make([data('开放'), data('受保护', { protected: true })], apiVersion);
      fake.workbookState.structureProtected = true;
      const before = fake.syncCount;
      const snap = await hostFor(fake).readWorkbook();
      expect(fake.syncCount - before).toBe(3);
      expect(snap.sheets.map((s) => [s.name, !!s.protected])).toEqual([
        ['开放', false],
        ['受保护', true],
      ]);
      expect(snap.structureProtected).toBe(true);
    });

    it('marks the unprotected sheets, says which protected sheet could not be marked, in three syncs', async () => {
      const fake = make([data('开放'), data('受保护', { protected: true })], apiVersion);
      const before = userView(fake.workbookState);
      const findings = [finding('开放', 'B2'), finding('开放', 'C3', 'warning'), finding('受保护', 'B2'), finding('受保护', 'C4')];
      const n0 = fake.syncCount;
      const report = (await hostFor(fake).applyMarks(findings)) as MarkReport;
      expect(fake.syncCount - n0).toBe(3);
      expect(ourMarks(fake, '开放')).toEqual(expectedMarks(findings, '开放'));
      expect(ourMarks(fake, '受保护')).toEqual([]);
      expect(report.problems).toHaveLength(1);
      expect(mentions(report.problems, '受保护')).toBe(true);
      expect(report.problems[0]['zh-CN']).toContain('受保护');
      expect(report.problems[0]['zh-CN']).toContain('2 处问题');
      expect(report.problems[0]['en-US']).toContain('protected');
      expect(isBilingual(report.problems[0])).toBe(true);
      expect(userView(fake.workbookState)).toEqual(before);
    });

    it('clears what it can and names a protected sheet whose old marks stay', async () => {
      const fake = make([data('甲'), data('乙')], apiVersion);
      const original = formatsSnapshot(fake.workbookState);
      await hostFor(fake).applyMarks([finding('甲', 'B2'), finding('乙', 'C3')]);
      fake.workbookState.sheets[1].protected = true;
      const report = (await hostFor(fake).clearMarks()) as MarkReport;
      expect(ourMarks(fake, '甲')).toEqual([]);
      expect(ourMarks(fake, '乙')).toEqual(['C3:error']);
      expect(mentions(report.problems, '乙')).toBe(true);
      expect(mentions(report.problems, '甲')).toBe(false);
      // Unprotected again, the next clear finishes the job and every format is as it was.
      fake.workbookState.sheets[1].protected = false;
      expect(((await hostFor(fake).clearMarks()) as MarkReport).problems).toEqual([]);
      expect(formatsSnapshot(fake.workbookState)).toEqual(original);
    });

    it('writes the results to a new workbook when the structure is protected (ExcelApi 1.8), values untouched', async () => {
      const fake = make([data("O'Brien 区")], apiVersion);
      fake.workbookState.structureProtected = true;
      const before = userView(fake.workbookState);
      const findings = [finding("O'Brien 区", 'B2'), { ...finding("O'Brien 区", 'C4', 'warning'), message: { 'zh-CN': '=1+1 不是公式', 'en-US': '=1+1 is text' } }];
      const attempt = hostFor(fake).writeResultSheet(findings);
      if (apiVersion === 7) {
        const e = (await attempt.catch((x: unknown) => x)) as HostError;
        expect(e).toBeInstanceOf(HostError);
        expect(e.reason).toBe('Protected');
        expect(e.code).toBeUndefined();
        expect(isBilingual(e.bilingual)).toBe(true);
        expect(e.bilingual['zh-CN']).toContain('ExcelApi 1.8');
        expect(fake.workbookState.createdWorkbooks ?? []).toEqual([]);
      } else {
        const info = await attempt;
        expect(info.newWorkbook).toBe(true);
        expect(info.rows).toBe(2);
        const created = fake.workbookState.createdWorkbooks ?? [];
        expect(created).toHaveLength(1);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(created[0], 'base64') as unknown as ArrayBuffer);
        const ws = wb.getWorksheet(RESULT_SHEET_NAME)!;
        expect(ws.getRow(1).getCell(1).value).toBe('级别');
        expect(ws.getRow(2).getCell(3).value).toBe("O'Brien 区");
        expect(ws.getRow(2).getCell(4).value).toBe("'O''Brien 区'!B2");
        expect(ws.getRow(3).getCell(8).value).toBe('=1+1 不是公式');
        expect(ws.getRow(3).getCell(8).numFmt).toBe('@');
      }
      expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(["O'Brien 区"]);
      expect(userView(fake.workbookState)).toEqual(before);
    });

    it('refuses to add the summary, rules, trend and form sheets under structure protection, before writing anything', async () => {
      const fake = make([data('表1')], apiVersion);
      fake.workbookState.structureProtected = true;
      const before = userView(fake.workbookState);
      const host = hostFor(fake);
      const attempts: Array<Promise<unknown>> = [
        host.writeRulesSheet([['编号', '表达式'], ['R1', 'A = B']]),
        host.insertLineChart({ sheet: '表1', categories: 'B1:C1', series: [{ name: '门诊人次', values: 'B2:C2' }] }, '趋势'),
      ];
      for (const a of attempts) {
        const e = (await a.catch((x: unknown) => x)) as HostError;
        expect(e).toBeInstanceOf(HostError);
        expect(e.reason).toBe('Protected');
        expect(e.bilingual['zh-CN']).toContain('工作簿结构受保护');
        expect(e.bilingual['en-US']).toContain('never removes protection');
      }
      expect(userView(fake.workbookState)).toEqual(before);
      expect(fake.workbookState.writesBeforeSuspend ?? 0).toBe(0);
    });
  });

  describe('hidden sheets', () => {
    it('says why a cell on a hidden or very hidden sheet cannot be shown, without trying to activate it', async () => {
      const fake = make([data('可见'), data('隐藏', { visibility: 'Hidden' }), data('深度隐藏', { visibility: 'VeryHidden' })], apiVersion);
      const labels: string[] = [];
      fake.injectFault = (op) => {
        labels.push(op.label);
        return null;
      };
      for (const [sheet, very] of [
        ['隐藏', false],
        ['深度隐藏', true],
      ] as const) {
        const e = (await hostFor(fake)
          .selectCell({ sheet, address: 'B2' })
          .catch((x: unknown) => x)) as HostError;
        expect(e.reason).toBe('SheetHidden');
        expect(e.code).toBeUndefined();
        expect(e.bilingual['zh-CN']).toContain(very ? '深度隐藏' : '取消隐藏');
        expect(e.bilingual['en-US']).toContain(very ? 'very hidden' : 'Unhide');
      }
      expect(labels.filter((l) => l === 'Worksheet.activate' || l === 'Range.select')).toEqual([]);
      expect(fake.workbookState.activeSheet).toBe('可见');
    });

    it('replaces its own 校验结果 sheet when it is hidden or very hidden', async () => {
      for (const visibility of ['Hidden', 'VeryHidden'] as const) {
        const fake = make([data('表1')], apiVersion);
        const host = hostFor(fake);
        await host.writeResultSheet([finding('表1', 'B2')]);
        fake.workbookState.sheets.find((s) => s.name === RESULT_SHEET_NAME)!.visibility = visibility;
        fake.workbookState.activeSheet = '表1';
        const info = await host.writeResultSheet([finding('表1', 'B2'), finding('表1', 'C3')]);
        expect(info.rows).toBe(2);
        const names = fake.workbookState.sheets.map((s) => s.name);
        expect(names.filter((n) => n === RESULT_SHEET_NAME)).toHaveLength(1);
        expect(names.some((n) => n.startsWith('~'))).toBe(false);
        expect(fake.workbookState.writesBeforeSuspend ?? 0).toBe(0);
      }
    });

    it('saves explanations into its very hidden 校验说明 sheet in place, also under structure protection', async () => {
      const fake = make([data('表1'), { name: EXPLANATIONS_SHEET, visibility: 'VeryHidden', cells: { A1: EXPLANATION_HEADER[0], A2: '旧', A3: '更旧' } }], apiVersion);
      fake.workbookState.structureProtected = true;
      const rows = [[...EXPLANATION_HEADER], EXPLANATION_HEADER.map((_, i) => `新${i}`)];
      await hostFor(fake).saveExplanationRows(rows);
      const sheet = fake.workbookState.sheets.find((s) => s.name === EXPLANATIONS_SHEET)!;
      expect(sheet.visibility).toBe('VeryHidden');
      expect(sheet.cells.get('1,0')?.value).toBe('新0');
      expect(sheet.cells.get('2,0')?.value).toBeUndefined();
      expect(fake.workbookState.sheets).toHaveLength(2);
      expect(fake.workbookState.writesBeforeSuspend ?? 0).toBe(0);
    });
  });

  describe("Excel's conditional-format bugs", () => {
    it('office-js#6835: a duplicated rule that cannot be read is reported and skipped; the rest is marked and cleared', async () => {
      const fake = make(
        [
          data('甲', { conditionalFormats: [{ address: 'B2:C4', type: 'Custom', formula: '=B2>1000', fill: '#FF0000', duplicated: true }, { address: 'A1', type: 'Custom', formula: '=A1=""', fill: '#00FF00' }] }),
          data('乙'),
        ],
        apiVersion,
        { cfBugs: { duplicateUnreadable: true } },
      );
      const original = userView(fake.workbookState);
      const findings = [finding('甲', 'B3'), finding('乙', 'C2', 'info')];
      const report = (await hostFor(fake).applyMarks(findings)) as MarkReport;
      expect(ourMarks(fake, '甲')).toEqual(expectedMarks(findings, '甲'));
      expect(ourMarks(fake, '乙')).toEqual(expectedMarks(findings, '乙'));
      expect(report.problems).toHaveLength(1);
      expect(mentions(report.problems, '甲')).toBe(true);
      expect(report.problems[0]['zh-CN']).toContain('1 条');
      const cleared = (await hostFor(fake).clearMarks()) as MarkReport;
      expect(ourMarks(fake, '甲')).toEqual([]);
      expect(ourMarks(fake, '乙')).toEqual([]);
      expect(cleared.problems).toHaveLength(1);
      expect(userView(fake.workbookState)).toEqual(original);
    });

    it('office-js#6827: two cell-value rules on one range do not stop marking', async () => {
      const fake = make(
        [
          data('甲', {
            conditionalFormats: [
              { address: 'B2:C4', type: 'CellValue' },
              { address: 'B2:C4', type: 'CellValue' },
            ],
          }),
        ],
        apiVersion,
        { cfBugs: { twoCellValueUnreadable: true } },
      );
      const original = formatsSnapshot(fake.workbookState);
      const findings = [finding('甲', 'B3'), finding('甲', 'C4', 'warning')];
      const report = (await hostFor(fake).applyMarks(findings)) as MarkReport;
      expect(report.problems).toEqual([]);
      expect(ourMarks(fake, '甲')).toEqual(expectedMarks(findings, '甲'));
      expect(((await hostFor(fake).clearMarks()) as MarkReport).problems).toEqual([]);
      expect(formatsSnapshot(fake.workbookState)).toEqual(original);
    });

    it('office-js#5222: a mark Excel refuses to delete is reported; the others are replaced, and a later clear finishes', async () => {
      const fake = make([data('甲', { conditionalFormats: [{ address: 'C2:C4', type: 'Custom', formula: '=C2<0', fill: '#FF0000' }] }), data('乙')], apiVersion);
      const original = formatsSnapshot(fake.workbookState);
      const host = hostFor(fake);
      await host.applyMarks([finding('甲', 'C3'), finding('甲', 'A4'), finding('乙', 'B2')]);
      fake.cfBugs = { deleteSharedCell: true };
      const report = (await host.applyMarks([finding('甲', 'B2'), finding('乙', 'C3', 'warning')])) as MarkReport;
      expect(mentions(report.problems, '甲')).toBe(true);
      expect(report.problems.every(isBilingual)).toBe(true);
      expect(ourMarks(fake, '乙')).toEqual(['C3:warning']);
      // The new mark is there; of the old ones only the one sharing a cell with the user's rule stayed.
      expect(ourMarks(fake, '甲')).toContain('B2:error');
      expect(ourMarks(fake, '甲')).toContain('C3:error');
      // With ExcelApi 1.9 one rule covers both old error cells, so A4 stays with C3; before it,
      // each cell had its own rule and A4's was deleted.
      if (apiVersion === 7) expect(ourMarks(fake, '甲')).not.toContain('A4:error');
      else expect(ourMarks(fake, '甲')).toContain('A4:error');
      fake.cfBugs = {};
      await host.clearMarks();
      expect(formatsSnapshot(fake.workbookState)).toEqual(original);
    });
  });

  it('keeps its own error reasons apart from Office error codes', async () => {
    const fake = make([data('表1')], apiVersion);
    fake.hangSyncs = true;
    const e = (await hostFor(fake, { syncTimeoutMs: 20 })
      .readWorkbook()
      .catch((x: unknown) => x)) as HostError;
    expect(e.reason).toBe('SyncTimeout');
    expect(e.code).toBeUndefined();
    fake.hangSyncs = false;
    const f = (await hostFor(fake)
      .selectCell({ sheet: '没有', address: 'A1' })
      .catch((x: unknown) => x)) as HostError;
    expect(f.reason).toBe('SheetMissing');
  });

  it('randomised: protected, hidden and normal sheets with failures injected at random steps', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rnd = mulberry32(seed * 7919);
      const nSheets = 2 + Math.floor(rnd() * 3);
      const specs: FakeSheetSpec[] = [];
      for (let i = 0; i < nSheets; i++) {
        const vis = i === 0 ? 'Visible' : (['Visible', 'Hidden', 'VeryHidden'] as const)[Math.floor(rnd() * 3)];
        const cfs: NonNullable<FakeSheetSpec['conditionalFormats']> = [];
        if (rnd() < 0.6) cfs.push({ address: `B2:${col(2 + Math.floor(rnd() * 3))}${3 + Math.floor(rnd() * 5)}`, type: 'Custom', formula: '=B2>100', fill: '#FFC000' });
        if (rnd() < 0.3) cfs.push({ address: 'A1:A9', type: 'DataBar' });
        specs.push(data(`表${i + 1}`, { visibility: vis, protected: rnd() < 0.35, conditionalFormats: cfs }));
      }
      const fake = make(specs, apiVersion);
      const original = formatsSnapshot(fake.workbookState);
      const originalUser = userView(fake.workbookState);
      const findings: Finding[] = [];
      const nFind = 1 + Math.floor(rnd() * 8);
      for (let k = 0; k < nFind; k++) {
        findings.push(finding(`表${1 + Math.floor(rnd() * nSheets)}`, `${col(Math.floor(rnd() * 4))}${1 + Math.floor(rnd() * 6)}`, (['error', 'warning', 'info'] as const)[Math.floor(rnd() * 3)]));
      }
      const p = 0.04 + rnd() * 0.12;
      const codes = ['GeneralException', 'ItemNotFound', 'AccessDenied', 'InvalidOperation'];
      let injected = 0;
      fake.injectFault = () => {
        if (rnd() >= p) return null;
        injected++;
        return codes[Math.floor(rnd() * codes.length)];
      };
      const host = hostFor(fake);
      for (const action of ['mark', 'mark', 'clear', 'mark'] as const) {
        injected = 0;
        let report: MarkReport | null = null;
        try {
          report = (await (action === 'mark' ? host.applyMarks(findings) : host.clearMarks())) as MarkReport;
        } catch (e) {
          // A failure the host could not work around: one bilingual message, nothing else changed.
          expect(e).toBeInstanceOf(HostError);
          expect(isBilingual((e as HostError).bilingual)).toBe(true);
          expect(injected).toBeGreaterThan(0);
        }
        expect(userView(fake.workbookState)).toEqual(originalUser);
        if (!report) continue;
        for (const problem of report.problems) expect(isBilingual(problem)).toBe(true);
        for (const s of fake.workbookState.sheets) {
          if (mentions(report.problems, s.name)) continue;
          // Every sheet not named in a problem is exactly as asked: marked, or cleared.
          const want = s.protected ? ourMarks(fake, s.name) : action === 'mark' ? expectedMarks(findings, s.name) : [];
          expect([seed, action, s.name, ourMarks(fake, s.name)]).toEqual([seed, action, s.name, want]);
        }
        // A protected sheet with findings is always named.
        if (action === 'mark') {
          for (const s of fake.workbookState.sheets) if (s.protected && findings.some((f) => f.cells[0].sheet === s.name)) expect(mentions(report.problems, s.name)).toBe(true);
        }
      }
      // Excel healthy again: one clear restores every format exactly.
      fake.injectFault = null;
      const last = (await host.clearMarks()) as MarkReport;
      expect(last.problems).toEqual([]);
      expect([seed, formatsSnapshot(fake.workbookState)]).toEqual([seed, original]);
    }
  });
});

describe.each(VERSIONS)('reads sized from what Excel returns, on %s', (_label, apiVersion) => {
  /** A sheet of rows × cols long Chinese texts. */
  function textSheet(rows: number, cols: number): FakeSheetSpec {
    const values = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => `${r}行${c}列卫生健康局年度指标说明文字填报口径`));
    return { name: '说明', blocks: [{ at: 'A1', values }] };
  }

  it('learns the bytes per cell from the first block, so a text-heavy sheet overflows at most once on the web', async () => {
    const fake = make([textSheet(2500, 100)], apiVersion, { platform: 'web' });
    const snap = await hostFor(fake).readWorkbook();
    const failed = fake.syncLog.filter((s) => s.responseBytes > 5 * 1024 * 1024 || s.requestBytes > 5 * 1024 * 1024);
    expect(failed.length).toBeLessThanOrEqual(1);
    expect(snap.sheets[0].values.length).toBe(2500);
    expect(snap.sheets[0].values[2499][99]).toBe('2499行99列卫生健康局年度指标说明文字填报口径');
    expect(snap.sheets[0].values[1234][56]).toBe('1234行56列卫生健康局年度指标说明文字填报口径');
  });

  it('measures UTF-8: a Chinese character is 3 bytes, and repack splits to fit the budget', () => {
    expect(measureBytes([['卫生']], [['General']], [['String']])).toBe(9 + 10 + 9);
    const groups = repack([{ sheetIndex: 0, row: 0, rows: 1000, col: 0, cols: 10, indent: false }], 100_000, 80);
    expect(groups.length).toBeGreaterThan(1);
    for (const g of groups) expect(g.reduce((n, b) => n + b.rows * b.cols * 80, 0)).toBeLessThanOrEqual(100_000);
    expect(groups.flat().reduce((n, b) => n + b.rows, 0)).toBe(1000);
  });

  it.each(['MemoryLimitReached', 'GeneralException'])('splits a desktop read Excel answers with %s, and reads every value', async (code) => {
    const values = Array.from({ length: 400 }, (_, r) => Array.from({ length: 60 }, (_, c) => r * 1000 + c + 0.25));
    const fake = make([{ name: 'N', blocks: [{ at: 'A1', values }] }], apiVersion, { desktopResponseLimit: { bytes: 300_000, code } });
    const snap = await hostFor(fake).readWorkbook();
    expect(snap.sheets[0].values[399][59]).toBe(399059.25);
    expect(snap.sheets[0].values[0][0]).toBe(0.25);
  });

  it('gives up on a block within its own budget, with a located bilingual message, never a hang', async () => {
    const values = Array.from({ length: 300 }, (_, r) => Array.from({ length: 40 }, (_, c) => r + c));
    const fake = make([{ name: 'N', blocks: [{ at: 'A1', values }] }], apiVersion, { desktopResponseLimit: { bytes: 500, code: 'MemoryLimitReached' } });
    const n0 = fake.syncCount;
    const e = (await hostFor(fake)
      .readWorkbook()
      .catch((x: unknown) => x)) as HostError;
    expect(e).toBeInstanceOf(HostError);
    expect(e.reason).toBe('TooMuchData');
    expect(e.bilingual['zh-CN']).toContain('“N”');
    expect(e.bilingual['en-US']).toContain('"N"');
    expect(fake.syncCount - n0).toBeLessThan(2 + MAX_BLOCK_SPLITS + 2);
  });

  it('does not split on a GeneralException of a small read (that is not about size)', async () => {
    const fake = make([{ name: 'N', blocks: [{ at: 'A1', values: [[1, 2], [3, 4]] }] }], apiVersion);
    let n = 0;
    fake.injectFault = (op) => (op.label === 'load' && ++n === 3 ? 'GeneralException' : null);
    await expect(hostFor(fake).readWorkbook()).rejects.toBeInstanceOf(HostError);
  });
});

describe('the fake', () => {
  it('throws ValueNotLoaded for a ClientResult read before its sync', () => {
    const fake = createFakeExcel([{ name: 'A', cells: { A1: 1 } }]);
    const result = fake.context.workbook.worksheets.getItem('A').getRange('A1').getCellProperties({ format: { indentLevel: true } });
    let err: unknown;
    try {
      void result.value;
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FakeOfficeError);
    expect((err as FakeOfficeError).code).toBe('ValueNotLoaded');
  });

  it('refuses edits of a protected sheet and structure changes of a protected workbook, but allows reads and activation', async () => {
    const fake = createFakeExcel([{ name: 'A', protected: true, cells: { A1: 1 } }, { name: 'B' }]);
    const ctx = fake.context;
    ctx.workbook.worksheets.getItem('A').getRange('A1').values = [[2]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    ctx.workbook.worksheets.getItem('A').getRange('A1').conditionalFormats.add('Custom');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    ctx.workbook.worksheets.getItem('A').activate();
    await ctx.sync();
    fake.workbookState.structureProtected = true;
    ctx.workbook.worksheets.add('C');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    ctx.workbook.worksheets.getItem('B').name = 'B2';
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(fake.workbookState.sheets.map((s) => s.name)).toEqual(['A', 'B']);
    expect(fake.workbookState.sheets[0].cells.get('0,0')?.value).toBe(1);
  });

  it('fails getMergedAreasOrNullObject above 512 merged areas, and deleting a very hidden sheet', async () => {
    const fake = createFakeExcel([{ name: 'A' }, { name: 'V', visibility: 'VeryHidden' }]);
    fake.workbookState.sheets[0].merges = Array.from({ length: 513 }, (_, i) => ({ r0: i, c0: 0, r1: i, c1: 1 }));
    const ctx = fake.context;
    ctx.workbook.worksheets.getItem('A').getRange('A1:B600').getMergedAreasOrNullObject().load('address');
    await expect(ctx.sync()).rejects.toBeInstanceOf(FakeOfficeError);
    ctx.workbook.worksheets.getItem('A').getRange('A1:B512').getMergedAreasOrNullObject().load('address');
    await ctx.sync();
    ctx.workbook.worksheets.getItem('V').delete();
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  it('counts writes queued before a suspend call in the same batch', async () => {
    const fake = createFakeExcel([{ name: 'A' }]);
    const ctx = fake.context;
    ctx.workbook.worksheets.getItem('A').getRange('A1').values = [[1]];
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    ctx.workbook.worksheets.getItem('A').getRange('A2').values = [[2]];
    await ctx.sync();
    expect(fake.workbookState.writesBeforeSuspend).toBe(1);
  });
});

describe('the new-workbook copy of the results', () => {
  it('turns links into text addresses', () => {
    expect(linkTarget('=HYPERLINK("#\'a ""b\'!E5","E5")')).toBe('\'a "b\'!E5');
    expect(linkTarget('纯文本')).toBe('纯文本');
    expect(linkTarget(3)).toBe(3);
  });
});
