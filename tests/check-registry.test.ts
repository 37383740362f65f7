// The registry of checks: every declaration is sound and a bad one is refused at start; every
// finding the engine, the detectors and the prose reader make is one a check declares; the
// README's table of checks is the one the registry gives; and the check added through the
// registry (value.copied-year) finds a copied year column in generated county forms.
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { declarationProblems, declares, defineCheck, CheckDeclarationError, type CheckDeclaration } from '../src/core/checks/check';
import { checksMarkdown, describeChecks } from '../src/core/checks/catalogue';
import { ALL_CHECKS, registryProblems } from '../src/core/checks/registry';
import { MIN_COPIED_VALUES } from '../src/core/checks/copied-year';
import { checkWorkbook } from '../src/core/engine';
import { fromA1 } from '../src/core/a1';
import { checkReportText } from '../src/core/text';
import type { CellValue, Finding, SheetGrid } from '../src/core/types';
import { workbook } from './helpers/grid';
import { countyForm, districtCrossTab } from './helpers/shapes';

const sound: CheckDeclaration<unknown, 'x.bad'> = {
  id: 'x.sample',
  stage: 'workbook',
  title: { 'zh-CN': '示例', 'en-US': 'Sample' },
  findings: [{ id: 'x.bad', severity: 'error', flags: { 'zh-CN': '坏了', 'en-US': 'broken' } }],
  messages: { 'zh-CN': { 'x.bad': '“{indicator}”为 {value}' }, 'en-US': { 'x.bad': '"{indicator}" is {value}' } },
  run: () => [],
};

describe('check declarations', () => {
  it('accepts a sound declaration and fills its messages in both languages', () => {
    expect(declarationProblems(sound as CheckDeclaration<never>)).toEqual([]);
    const m = defineCheck(sound);
    expect(m.say('x.bad', { indicator: '案件', value: '12' })).toEqual({ 'zh-CN': '“案件”为 12', 'en-US': '"案件" is 12' });
  });

  const broken: Array<[string, Partial<CheckDeclaration<unknown, string>>, RegExp]> = [
    ['an id in capitals', { id: 'X.Sample' }, /id must be lower-case/],
    ['an unknown stage', { stage: 'sheet' as never }, /unknown stage/],
    ['a title in one language', { title: { 'zh-CN': '示例', 'en-US': '' } }, /title needs/],
    ['no finding', { findings: [] }, /declares no finding/],
    ['an unknown severity', { findings: [{ id: 'x.bad', severity: 'fatal' as never, flags: { 'zh-CN': '坏', 'en-US': 'bad' } }] }, /unknown severity/],
    ['a finding declared twice', { findings: [sound.findings[0], sound.findings[0]] }, /declared twice/],
    ['a message missing in English', { messages: { 'zh-CN': { 'x.bad': '坏' }, 'en-US': {} } }, /no en-US text/],
    ['placeholders that differ', { messages: { 'zh-CN': { 'x.bad': '“{indicator}”为 {value}' }, 'en-US': { 'x.bad': '"{indicator}" is {valu}' } } }, /placeholders/],
    ['a parameter without a default', { parameters: [{ name: 'limit', default: '', about: { 'zh-CN': '上限', 'en-US': 'limit' } }] }, /no default/],
    ['run that is not a function', { run: 3 as never }, /run is not a function/],
    ['no message at all', { messages: undefined }, /declares no message/],
    ['a message key not in the packs', { messages: undefined, messageKeys: ['history.no-such-key' as never] }, /"history.no-such-key" is not in both message packs/],
  ];
  it.each(broken)('refuses %s, loudly and in both languages', (_name, change, problem) => {
    const bad = { ...sound, ...change } as CheckDeclaration<unknown, string>;
    expect(declarationProblems(bad as CheckDeclaration<never>).join('\n')).toMatch(problem);
    let thrown: unknown;
    try {
      defineCheck(bad);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(CheckDeclarationError);
    expect((thrown as CheckDeclarationError).bilingual['zh-CN']).toMatch(/^检查模块的声明有误/);
  });

  it('refuses a message id the check did not declare', () => {
    const m = defineCheck(sound);
    expect(() => m.say('x.other' as 'x.bad')).toThrow(CheckDeclarationError);
  });

  it('refuses a registry with a check id or a finding id used twice', () => {
    const a = defineCheck(sound);
    expect(registryProblems([a, { ...a }]).join('\n')).toMatch(/two checks have the id "x.sample"/);
    expect(registryProblems([a, { ...a, id: 'x.other' }]).join('\n')).toMatch(/"x.bad" is declared by both "x.sample" and "x.other"/);
    expect(registryProblems(ALL_CHECKS)).toEqual([]);
  });

  it('every check of the registry declares its messages: its own templates or keys of the packs', () => {
    for (const c of ALL_CHECKS) expect({ id: c.id, declares: Object.keys(c.messages?.['zh-CN'] ?? {}).length + (c.messageKeys?.length ?? 0) > 0 }).toEqual({ id: c.id, declares: true });
  });
});

/** The check that declares a finding id, or undefined. */
function ownerOf(f: Finding) {
  return ALL_CHECKS.find((c) => c.findings.some((d) => d.id === f.ruleId)) ?? ALL_CHECKS.find((c) => declares(c, f.ruleId));
}

describe('every finding is declared', () => {
  const sheets: SheetGrid[] = [];
  for (let seed = 1; seed <= 12; seed++) {
    sheets.push({ ...countyForm(seed, { errors: 3 }).grid, name: `县表${seed}` });
    sheets.push({ ...districtCrossTab(seed, { errors: 2, transpose: seed % 2 === 0 }).grid, name: `市表${seed}` });
  }
  const result = checkWorkbook(workbook('generated.xlsx', ...sheets));

  it('by a check of the registry, with the severity it declares', () => {
    expect(result.findings.length).toBeGreaterThan(20);
    for (const f of result.findings) {
      const owner = ownerOf(f);
      expect({ ruleId: f.ruleId, owner: owner?.id ?? 'none' }).not.toEqual({ ruleId: f.ruleId, owner: 'none' });
      const d = owner!.findings.find((x) => x.id === f.ruleId);
      if (d && d.severity !== 'rule') expect({ ruleId: f.ruleId, severity: f.severity }).toEqual({ ruleId: f.ruleId, severity: d.severity });
    }
  });

  it('in the prose reader too', () => {
    const text = '2022年共办理行政处罚案件120件，其中警告57件、罚款62件、停产停业3件。法制审核率为93%。全年办理行政处罚案件120件，罚款62件。上半年受理投诉500件，其中办结450件，办结率95%。';
    const r = checkReportText(text, '报告.txt');
    expect(r.findings.length).toBeGreaterThan(0);
    for (const f of r.findings) expect(ownerOf(f)?.stage).toBe('report');
  });
});

describe('the README table of checks', () => {
  const readmePath = join(__dirname, '..', 'README.md');
  const START = '<!-- checks:start (made by npm run docs:checks from src/core/checks/registry.ts) -->';
  const END = '<!-- checks:end -->';

  it('lists every check and finding of the registry', () => {
    const rows = describeChecks('zh-CN');
    expect(rows.map((r) => r.id)).toEqual(ALL_CHECKS.map((c) => c.id));
    const md = checksMarkdown();
    for (const c of ALL_CHECKS) for (const f of c.findings) if (f.id !== '*') expect(md).toContain(`\`${f.id}\``);
  });

  it('is the one the registry gives (npm run docs:checks rewrites it)', () => {
    const readme = readFileSync(readmePath, 'utf8');
    const a = readme.indexOf(START);
    const b = readme.indexOf(END);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeGreaterThan(a);
    const fresh = `${START}\n${checksMarkdown()}\n${END}`;
    if (process.env.UPDATE_README === '1') {
      writeFileSync(readmePath, readme.slice(0, a) + fresh + readme.slice(b + END.length));
      return;
    }
    expect(readme.slice(a, b + END.length)).toBe(fresh);
  });
});

/** The header cell of a year (2023, 2023年, 2023年度) in a grid: its row and column. */
function yearCell(g: SheetGrid, year: number): { row: number; col: number } | undefined {
  for (let r = 0; r < g.values.length; r++) {
    for (let c = 0; c < g.values[r].length; c++) {
      const v = g.values[r][c];
      if (v === year || (typeof v === 'string' && new RegExp(`^${year}(年|年度)?$`).test(v.trim()))) return { row: r, col: c };
    }
  }
  return undefined;
}

function copyColumn(g: SheetGrid, from: number, to: number, belowRow: number): SheetGrid {
  const values = g.values.map((row, r) => {
    if (r <= belowRow) return row;
    const copy = [...row];
    copy[to] = row[from] as CellValue;
    return copy;
  });
  return { ...g, values };
}

describe('value.copied-year: a year column that repeats the year before', () => {
  const seeds = Array.from({ length: 16 }, (_, i) => i + 1);

  it.each(seeds)('county form seed %i: found when the latest year is a copy, and only then', (seed) => {
    const form = countyForm(seed);
    const year = Number(form.period);
    const cur = yearCell(form.grid, year);
    const prev = yearCell(form.grid, year - 1);
    expect(cur && prev).toBeTruthy();
    const copied = (f: Finding) => f.ruleId === 'value.copied-year';

    // As generated, the years differ.
    expect(checkWorkbook(workbook('a.xlsx', form.grid)).findings.filter(copied)).toEqual([]);

    // The latest column typed over with the year before: one warning, pointing at both columns.
    const copy = copyColumn(form.grid, prev!.col, cur!.col, cur!.row);
    const found = checkWorkbook(workbook('a.xlsx', copy)).findings.filter(copied);
    expect(found).toHaveLength(1);
    const f = found[0];
    expect(f.severity).toBe('warning');
    expect(f.period).toBe(String(year));
    expect(fromA1(f.cells[0].address)!.col - form.grid.originCol).toBe(cur!.col);
    expect(fromA1(f.cells[1].address)!.col - form.grid.originCol).toBe(prev!.col);
    expect(f.message['zh-CN']).toMatch(new RegExp(`^工作表“${form.grid.name}”.*${year}年的 \\d+ 个数值与${year - 1}年完全相同`));
    expect(Number(/的 (\d+) 个数值/.exec(f.message['zh-CN'])![1])).toBeGreaterThanOrEqual(MIN_COPIED_VALUES);
    expect(f.message['en-US']).toMatch(new RegExp(`all \\d+ values of ${year} equal those of ${year - 1}`));

    // One value changed back: not a copy.
    const numericRows = copy.values.map((row, r) => (r > cur!.row && typeof row[cur!.col] === 'number' && (row[cur!.col] as number) > 1 ? r : -1)).filter((r) => r >= 0);
    const edited = { ...copy, values: copy.values.map((row, r) => (r === numericRows[0] ? row.map((v, c) => (c === cur!.col ? (v as number) + 1 : v)) : row)) };
    expect(checkWorkbook(workbook('a.xlsx', edited)).findings.filter(copied)).toEqual([]);
  });

  it('is quiet on rates that stay at 100 %, on zeros, and on fewer than the minimum of values', () => {
    const sheet = (rows: CellValue[][]): SheetGrid => ({ name: '指标', originRow: 0, originCol: 0, values: [['指标', '单位', '2022年', '2023年'], ...rows] });
    const rates = ['法制审核率', '依法执业自查率', '投诉办结率', '回复率', '出庭应诉率', '公示录入率'].map((n) => [n, '%', '100%', '100%'] as CellValue[]);
    const zeros = ['甲', '乙', '丙', '丁', '戊', '己'].map((n) => [`${n}类案件`, '件', 0, 0] as CellValue[]);
    const few = ['甲', '乙', '丙', '丁'].slice(0, MIN_COPIED_VALUES - 1).map((n, i) => [`${n}类案件`, '件', 10 + i, 10 + i] as CellValue[]);
    const enough = ['甲', '乙', '丙', '丁', '戊', '己', '庚'].slice(0, MIN_COPIED_VALUES).map((n, i) => [`${n}类案件`, '件', 10 + i, 10 + i] as CellValue[]);
    const count = (rows: CellValue[][]) => checkWorkbook(workbook('b.xlsx', sheet(rows))).findings.filter((f) => f.ruleId === 'value.copied-year').length;
    expect(count(rates)).toBe(0);
    expect(count(zeros)).toBe(0);
    expect(count(few)).toBe(0);
    expect(count(enough)).toBe(1);
  });
});
