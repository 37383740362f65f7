// The standard indicator form (标准指标表): `npm run template` writes it, the project's own readers
// read its 指标表 sheet as a wide sheet with every indicator and its 其中 parts, a filled copy
// passes every check, and a planted mistake gives exactly its finding at its cell.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/template';
import { analyzeWorkbook, checkWorkbook } from '../src/core/engine';
import { toA1 } from '../src/core/a1';
import {
  defaultFormYears,
  describeForm,
  parseFormYears,
  standardForm,
  StandardFormError,
  valueRuns,
  type StandardFormSpec,
} from '../src/core/report/standard-form';
import { RULES_SHEET_NAME, rulesFromSheet } from '../src/core/rules';
import type { Finding, WorkbookSnapshot } from '../src/core/types';
import { readXlsx } from '../src/hosts/xlsx/read-xlsx';
import { readXlsxStream } from '../src/hosts/xlsx/read-xlsx-stream';

const NOW = new Date(2025, 2, 1, 9, 0);
const YEARS = ['2022', '2023', '2024'];

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), now: () => NOW } };
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'template-'));
}

/** The spec the CLI writes for --years 2022,2023,2024 --bureau 某某区卫生健康局. */
const SPEC: StandardFormSpec = standardForm({ years: YEARS, bureau: '某某区卫生健康局' });
const L = SPEC.layout;
const rowOf = (name: string): number => {
  const i = SPEC.rows.findIndex((r) => r.name === name);
  if (i < 0) throw new Error(`no row ${name}`);
  return L.firstRow + i;
};
/** A1 address of an indicator's value cell in a year. */
const at = (name: string, year: string): string => toA1(rowOf(name), L.yearCols[YEARS.indexOf(year)]);

const severe = (fs: Finding[]) => fs.filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.ruleId} ${f.cells[0]?.address}: ${f.message['zh-CN']}`);

let dir: string;
let file: string;
let written: Uint8Array;

beforeAll(async () => {
  dir = tmp();
  // A folder that does not exist yet: the CLI creates it.
  file = path.join(dir, '新建', '指标表.xlsx');
  const c = io();
  const code = await main(['--out', file, '--years', '2022,2023,2024', '--bureau', '某某区卫生健康局'], c.io);
  expect(c.err.join('')).toContain('已写入');
  expect(code).toBe(0);
  written = new Uint8Array(fs.readFileSync(file));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the form in the core', () => {
  it('has the title, the 填报单位 line, the header with the years, and codes 1, 2 … with 其中 parts 7.1, 7.2 …', () => {
    expect(SPEC.sheetName).toBe('指标表');
    expect(SPEC.title).toBe('某某区卫生健康局2022—2024年度法治政府建设指标表');
    expect(SPEC.bureauLine).toBe('填报单位：某某区卫生健康局');
    expect(SPEC.header).toEqual(['序号', '指标名称', '单位', '2022年', '2023年', '2024年', '备注']);
    const penalty = SPEC.rows.findIndex((r) => r.name === '行政处罚案件');
    expect(SPEC.rows.slice(penalty, penalty + 4).map((r) => [r.code, r.label, r.unit, r.level])).toEqual([
      ['7', '行政处罚案件', '件', 0],
      ['7.1', '其中：警告', '件', 1],
      ['7.2', '　　　罚款等', '件', 1],
      ['7.3', '　　　停产停业', '件', 1],
    ]);
    // The rates the pack mandates and derives, with their numerators and denominators.
    for (const name of ['法制审核率', '经法制审核的重大执法决定', '重大执法决定', '投诉处理完结率', '投诉办结件数', '投诉受理件数', '出庭应诉率', '行政诉讼案件', '负责人出庭应诉案件', '依法公开执法处罚信息', '罚没款', '国家双随机监督抽检任务']) {
      expect(SPEC.rows.some((r) => r.name === name)).toBe(true);
    }
    expect(SPEC.rows.find((r) => r.name === '罚没款')).toMatchObject({ unit: '万元', kind: 'money' });
    expect(SPEC.rows.filter((r) => r.kind === 'rate').every((r) => r.unit === '%')).toBe(true);
    expect(describeForm(SPEC)['zh-CN']).toBe('20 项指标（另有 16 个分项），2022—2024年共 3 个年度');
  });

  it('groups the value cells into one validation run per kind', () => {
    const runs = valueRuns(SPEC);
    expect(runs[0]).toEqual({ kind: 'count', box: { top: 4, left: 3, bottom: 5, right: 5 } });
    expect(runs[1]).toEqual({ kind: 'rate', box: { top: 6, left: 3, bottom: 6, right: 5 } });
    const cells = runs.reduce((n, r) => n + (r.box.bottom - r.box.top + 1) * (r.box.right - r.box.left + 1), 0);
    expect(cells).toBe(SPEC.rows.length * YEARS.length);
  });

  it('reads years as users write them, and says in both languages what is wrong', () => {
    expect(parseFormYears('2024年, 2022、2023年度 2023')).toEqual(['2022', '2023', '2024']);
    expect(defaultFormYears(NOW)).toEqual(['2022', '2023', '2024']);
    expect(standardForm({ years: ['2024'] }).title).toBe('2024年度法治政府建设指标表');
    for (const bad of ['', '22', '2022,abc', '1900']) {
      let error: unknown;
      try {
        parseFormYears(bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(StandardFormError);
      expect((error as StandardFormError).bilingual['zh-CN']).toMatch(/年份/);
      expect((error as StandardFormError).bilingual['en-US']).toMatch(/year/);
    }
    // A bureau name is never taken for a formula.
    expect(standardForm({ years: YEARS, bureau: '=HYPERLINK("x")' }).bureauLine).toBe('填报单位：HYPERLINK("x")');
  });
});

describe('npm run template', () => {
  it('writes 指标表 with frozen header rows, number formats, data validation and widths, then 校验规则', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(written as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['指标表', '校验规则']);
    const ws = wb.getWorksheet('指标表') as ExcelJS.Worksheet;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.getCell('A1').value).toBe('某某区卫生健康局2022—2024年度法治政府建设指标表');
    expect(ws.getCell('A1').isMerged && ws.getCell('G1').isMerged).toBe(true);
    expect(ws.getCell('A2').value).toBe('填报单位：某某区卫生健康局');
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => ws.getCell(4, c).value)).toEqual(SPEC.header);
    expect(ws.getCell(at('行政处罚案件', '2022')).address).toBe('D11');
    expect(ws.getCell('A11').value).toBe(7);
    expect(ws.getCell('A12').value).toBe(7.1);
    expect(ws.getCell('B12').value).toBe('其中：警告');
    expect(ws.getCell('B12').alignment?.indent).toBe(1);
    expect(ws.getCell('B13').value).toBe('　　　罚款等');
    // Counts: whole numbers ≥ 0; rates: 0–1 shown as percentages; money: decimals ≥ 0 in 万元.
    const count = ws.getCell(at('行政处罚案件', '2023'));
    expect(count.numFmt).toBe('#,##0');
    expect(count.dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0], allowBlank: true, showErrorMessage: true, errorStyle: 'stop' });
    expect(count.dataValidation.error).toContain('不小于 0 的整数');
    const rate = ws.getCell(at('法制审核率', '2024'));
    expect(rate.numFmt).toBe('0.00%');
    expect(rate.dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 1] });
    expect(rate.dataValidation.error).toContain('0% 到 100%');
    const money = ws.getCell(at('罚没款', '2022'));
    expect(ws.getCell(rowOf('罚没款') + 1, 3).value).toBe('万元');
    expect(money.numFmt).toBe('#,##0.00##');
    expect(money.dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    // Column widths as the spec gives them; 备注 and notes outside the value columns carry no validation.
    expect(ws.columns.slice(0, 7).map((c) => c.width)).toEqual(SPEC.widths);
    expect(ws.getCell(rowOf('行政处罚案件') + 1, 7).dataValidation).toBeUndefined();
    expect(String(ws.getCell(L.noteRows[0] + 1, 2).value)).toMatch(/^注：/);

    expect(SPEC.rulesSheet.name).toBe(RULES_SHEET_NAME);
    const rules = gridOf(await readXlsx(written, '指标表.xlsx'), '校验规则');
    const parsed = rulesFromSheet(rules);
    expect(parsed.findings).toEqual([]);
    expect(parsed.ruleSet.rules.map((r) => [r.id, r.severity, r.enabled !== false])).toEqual([
      ['U1', 'error', true],
      ['U2', 'error', true],
      ['U3', 'warning', false],
    ]);
  });

  it('refuses to overwrite an existing file without --force, in both languages, zh-CN first', async () => {
    const target = path.join(dir, '已有.xlsx');
    fs.writeFileSync(target, 'mine');
    const c = io();
    expect(await main(['--out', target, '--lang', 'en-US'], c.io)).toBe(2);
    const message = c.err.join('');
    expect(message.indexOf('已存在')).toBeGreaterThanOrEqual(0);
    expect(message.indexOf('already exists')).toBeGreaterThan(message.indexOf('已存在'));
    expect(message).toContain('--force');
    expect(fs.readFileSync(target, 'utf8')).toBe('mine');

    const forced = io();
    expect(await main(['--out', target, '--force', '--lang', 'en-US'], forced.io)).toBe(0);
    expect(forced.err.join('')).toContain('Wrote');
    // Default years: the three before the clock's year.
    const snap = await readXlsx(new Uint8Array(fs.readFileSync(target)), '已有.xlsx');
    expect(gridOf(snap, '指标表').values[3].slice(3, 6)).toEqual(['2022年', '2023年', '2024年']);
  });

  it('exits 2 with both languages on bad options, writing nothing', async () => {
    for (const args of [['--out', path.join(dir, 'a.xlsx'), '--years', '2022,二〇'], ['--out', path.join(dir, 'a.txt')], [], ['--out', path.join(dir, 'a.xlsx'), '--lang', 'fr']]) {
      const c = io();
      expect(await main(args, c.io)).toBe(2);
      const message = c.err.join('');
      expect(message).toMatch(/[\u4e00-\u9fa5]/);
      expect(message).toMatch(/usage|Name|not a year|must end|Unsupported/);
    }
    expect(fs.existsSync(path.join(dir, 'a.xlsx'))).toBe(false);
  });
});

function gridOf(snapshot: WorkbookSnapshot, sheet: string) {
  const g = snapshot.sheets.find((s) => s.name === sheet);
  if (!g) throw new Error(`no sheet ${sheet}`);
  return g;
}

describe('reading the written form back', () => {
  it('is a wide sheet with every indicator row recognised and the 其中 parts as children, in both readers', async () => {
    for (const snapshot of [await readXlsx(written, '指标表.xlsx'), await readXlsxStream(written, '指标表.xlsx')]) {
      const { model, sheets } = analyzeWorkbook(snapshot);
      expect(sheets.map((s) => [s.sheet, s.layout])).toEqual([
        ['指标表', 'wide'],
        ['校验规则', 'skipped'],
      ]);
      const rows = [...model.rows.values()].filter((r) => r.sheet === '指标表');
      expect(rows.map((r) => r.label)).toEqual(SPEC.rows.map((r) => r.label.trim()));
      expect(rows.map((r) => r.unit)).toEqual(SPEC.rows.map((r) => r.unit));
      expect(rows.map((r) => r.code)).toEqual(SPEC.rows.map((r) => r.code));
      // A part's parent is its total's row; indicators have none.
      rows.forEach((r, i) => {
        const p = SPEC.rows[i].parent;
        expect(r.parent).toBe(p === undefined ? undefined : rows[p].id);
        expect(r.partial).toBe(false);
      });
      // One (blank) value per indicator and year, from the 2022–2024 columns.
      const obs = model.observations.filter((o) => o.sheet === '指标表');
      expect(obs).toHaveLength(SPEC.rows.length * 3);
      expect(new Set(obs.map((o) => o.period))).toEqual(new Set(YEARS));
      expect(obs.every((o) => o.value === undefined)).toBe(true);
      // The entity comes from the title.
      expect(new Set(obs.map((o) => o.entity))).toEqual(new Set(['某某区']));
    }
  });

  it('an empty form has no error and no warning (blank values are only noted)', async () => {
    const r = checkWorkbook(await readXlsx(written, '指标表.xlsx'));
    expect(severe(r.findings)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// A filled copy

/** Figures from the seeds (乐山市中区 2022, 嘉兴市 2022 …); totals are summed from their parts below. */
const FIGURES: Record<string, number> = {
  重大执法决定: 15,
  经法制审核的重大执法决定: 15,
  持证执法人员: 12,
  监督检查医疗机构: 736,
  处罚医疗机构: 28,
  警告: 57,
  罚款等: 62,
  停产停业: 1,
  医疗服务类案件: 63,
  打击非法行医案件: 3,
  依法公开执法处罚信息: 120,
  罚没款: 72.8588,
  公共场所卫生: 108,
  生活饮用水卫生: 12,
  学校卫生: 12,
  医疗卫生: 32,
  放射卫生: 11,
  传染病防治: 28,
  消毒产品: 4,
  职业卫生: 2,
  投诉受理件数: 500,
  投诉办结件数: 500,
  行政诉讼案件: 2,
  负责人出庭应诉案件: 2,
  继续有效: 11,
  废止: 2,
  失效: 1,
  自然人办件: 4818,
  法人办件: 586,
};
/** Rates as numerator ÷ denominator: all three are mandated 100 %. */
const RATES: Record<string, [string, string]> = {
  法制审核率: ['经法制审核的重大执法决定', '重大执法决定'],
  投诉处理完结率: ['投诉办结件数', '投诉受理件数'],
  出庭应诉率: ['负责人出庭应诉案件', '行政诉讼案件'],
};

/** Every value cell's number, consistent: totals = sum of parts, rates = numerator ÷ denominator. */
/**
 * A standalone count of the form (no parent, no parts, in no rate): the figure that differs from
 * year to year, so that no year repeats the one before value for value (value.copied-year).
 */
const STANDALONE = SPEC.rows.find(
  (r) => r.level !== 1 && !RATES[r.name] && r.parent === undefined && !SPEC.rows.some((p) => p.parent !== undefined && SPEC.rows[p.parent] === r) && !Object.values(RATES).some(([n, d]) => n === r.name || d === r.name),
) as StandardFormSpec['rows'][number];

/** Figures that hold every rule of the form; `offset` is added to the standalone count. */
function consistentValues(offset = 0): Map<string, number> {
  const v = new Map<string, number>();
  SPEC.rows.forEach((r) => {
    if (r.level === 1 || RATES[r.name]) return;
    const parts = SPEC.rows.filter((p) => p.parent !== undefined && SPEC.rows[p.parent] === r);
    v.set(r.name, parts.length > 0 ? parts.reduce((n, p) => n + FIGURES[p.name], 0) : FIGURES[r.name]);
    for (const p of parts) v.set(p.name, FIGURES[p.name]);
  });
  for (const [rate, [num, den]] of Object.entries(RATES)) v.set(rate, (v.get(num) as number) / (v.get(den) as number));
  for (const r of SPEC.rows) if (!v.has(r.name) || !Number.isFinite(v.get(r.name))) throw new Error(`no figure for ${r.name}`);
  v.set(STANDALONE.name, (v.get(STANDALONE.name) as number) + offset);
  return v;
}

/**
 * The written file with every value cell filled (the same figures in every year but one
 * standalone count, a little lower each year back), edited as a user would in Excel (ExcelJS
 * keeps the formats and validation), saved and read back.
 */
async function filled(edit: Record<string, number> = {}): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(written as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('指标表') as ExcelJS.Worksheet;
  YEARS.forEach((y, i) => {
    const values = consistentValues(i - (YEARS.length - 1));
    for (const row of SPEC.rows) ws.getCell(at(row.name, y)).value = values.get(row.name) as number;
  });
  for (const [address, value] of Object.entries(edit)) ws.getCell(address).value = value;
  const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return readXlsx(bytes, '某某区-指标表.xlsx');
}

describe('a filled copy of the form', () => {
  it('passes: zero errors and zero warnings, the pack rules having run on it', async () => {
    // History is on (the default): the years differ by one in one count only, so no cross-year
    // detector (year over year, robust history, structure) has a change to report; HB needs 5
    // districts.
    const snapshot = await filled();
    const r = checkWorkbook(snapshot);
    expect(severe(r.findings)).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.observations).toBe(SPEC.rows.length * 3);
    // The pack's rules really apply to the form's names: a broken value is caught by each.
    const broken = checkWorkbook(await filled({ [at('法制审核率', '2024')]: 0.9 }));
    expect(broken.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId).sort()).toEqual(['rate.derived.law-review', 'rate.mandated.law-review']);
    // … and a mandated rate that was met the year before and is not now is a cross-year warning.
    expect(broken.findings.filter((f) => f.severity === 'warning').map((f) => f.ruleId)).toEqual(['history.rate-fell']);
    const complaints = checkWorkbook(await filled({ [at('投诉办结件数', '2024')]: 499 }));
    expect(complaints.findings.filter((f) => f.severity === 'error').map((f) => f.ruleId).sort()).toEqual(['rate.derived.complaints']);
  });

  it.each([
    ['a part list above its total', '罚款等', '2024', 63, 'balance.exceeds', '行政处罚案件', 'F11'],
    ['published penalty items ≠ penalty cases', '依法公开执法处罚信息', '2023', 119, 'equal.penalty-disclosure', '依法公开执法处罚信息', 'E17'],
    ['a count that is not a whole number', '持证执法人员', '2022', 12.5, 'range.count-integer', '持证执法人员', 'D8'],
  ])('one planted mistake (%s) gives exactly that error at its cell', async (_what, name, year, value, ruleId, shownAt, address) => {
    const r = checkWorkbook(await filled({ [at(name, year)]: value }));
    const problems = r.findings.filter((f) => f.severity !== 'info');
    expect(problems.map((f) => [f.severity, f.ruleId, f.cells[0]])).toEqual([['error', ruleId, { sheet: '指标表', address }]]);
    expect(at(shownAt, year)).toBe(address);
    // The planted cell is among the finding's cells.
    expect(problems[0].cells.map((c) => c.address)).toContain(at(name, year));
  });
});
