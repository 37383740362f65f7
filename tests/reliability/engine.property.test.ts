// The engine never throws on random grids, and every finding it makes is well formed: a rule id,
// a severity, at least one cell with a valid A1 address on a sheet of the workbook, and a message
// in both languages.
import fc from 'fast-check';
import { fromA1 } from '../../src/core/a1';
import { checkWorkbook } from '../../src/core/engine';
import type { CellValue, Finding, SheetGrid, WorkbookSnapshot } from '../../src/core/types';
import { HEAVY_RUNS, cellNumber, cellText, numberFormat, params, timeoutFor } from './support';

const SHEET_NAMES = ['2020', '2021', '2022年', '2023年度', '2022年1-10月', '二〇二二年', '法治指标', 'Sheet1', '数据 2', "It's", '校验结果', '校验规则', '校验说明', '汇总表', '', ' '];
const HEADER_WORDS = [
  '指标', '指标名称', '项目', '项目名称', '单位', '计量单位', '数值', '数量', '序号', '编号', '地区', '区县', '单位名称', '年份', '年度', '备注',
  '2019', '2020年', '2021年', '2022年', '2022年度', '2023', '2022年1-10月', '2021年', 2021, 2022, 2023, '', null,
];
const LABELS = [
  '行政处罚案件数', '其中：公共场所卫生', '其中主要有：行政许可', '　　　生活饮用水卫生', '  职业卫生', '1. 监督检查户次', '（一）执法人员数', '3', '3.1', '3.1.2',
  '法制审核率', '投诉举报办结率', '罚款金额（万元）', '满意率', '同比增长率', '人均罚款金额', '注：本表数据截至12月', '合计', '等', '', ' ', '其中', '①卫生监督',
];
const UNITS = ['件', '户次', '人', '万元', '元', '%', '％', '个', '次', '', '单位：万元', '亿元', '‰'];
const TITLE = ['乐山市市中区卫生健康局2022年法治指标', '某某县卫健局 指标表', '嘉兴市2021—2022年数据', ''];

const bodyValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: fc.integer({ min: -50, max: 100000 }) },
  { weight: 2, arbitrary: cellNumber },
  { weight: 2, arbitrary: fc.constantFrom('98.3%', '100%', '１０６', '585,900', '94.23万元', '1900余', '约200', '近万', '十二', '—', '/', '无', '', '#DIV/0!', '2022年', '其中：x') },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>({ error: '#DIV/0!' }, { error: '#N/A' }, { error: '#REF!' }, { error: '' }, true, false, null) },
  { weight: 1, arbitrary: cellText },
);

const labelCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 1, arbitrary: cellText },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.constant(null), fc.constant<CellValue>({ error: '#N/A' })) },
);

const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: bodyValue },
  { weight: 2, arbitrary: labelCell },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(...UNITS) },
  { weight: 1, arbitrary: fc.constantFrom<CellValue>(...HEADER_WORDS) },
);

/** One random sheet: maybe title rows, a header from the real header words, a body of mixed cells. */
const sheetGrid: fc.Arbitrary<SheetGrid> = fc
  .record({
    name: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...SHEET_NAMES) }, { weight: 1, arbitrary: fc.string({ maxLength: 31 }) }),
    originRow: fc.nat(6),
    originCol: fc.nat(4),
    titles: fc.array(fc.constantFrom<CellValue>(...TITLE), { maxLength: 2 }),
    header: fc.array(fc.constantFrom<CellValue>(...HEADER_WORDS), { minLength: 1, maxLength: 9 }),
    secondHeader: fc.option(fc.array(fc.constantFrom<CellValue>(...HEADER_WORDS), { maxLength: 9 }), { freq: 4 }),
    body: fc.array(fc.array(anyCell, { maxLength: 10 }), { maxLength: 30 }),
    formats: fc.option(fc.array(numberFormat.map((f) => f ?? 'General'), { minLength: 1, maxLength: 4 })),
    indents: fc.option(fc.array(fc.nat(6), { minLength: 1, maxLength: 4 })),
    ragged: fc.boolean(),
    visibility: fc.option(fc.constantFrom<SheetGrid['visibility']>('visible', 'hidden', 'veryHidden')),
  })
  .map((g) => {
    const rows: CellValue[][] = [...g.titles.map((t) => [t]), g.header, ...(g.secondHeader ? [g.secondHeader] : []), ...g.body];
    const width = Math.max(0, ...rows.map((r) => r.length));
    const values = g.ragged ? rows.map((r) => [...r]) : rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
    const grid: SheetGrid = { name: g.name, originRow: g.originRow, originCol: g.originCol, values };
    if (g.formats) {
      const fmts = g.formats;
      grid.numberFormats = values.map((r, i) => r.map((_, j) => fmts[(i + j) % fmts.length]));
    }
    if (g.indents) {
      const ind = g.indents;
      grid.indents = values.map((r, i) => r.map((_, j) => ind[(i * 3 + j) % ind.length]));
    }
    if (g.visibility) grid.visibility = g.visibility;
    return grid;
  });

const workbookArb: fc.Arbitrary<WorkbookSnapshot> = fc.record({
  name: fc.constantFrom('示例-乐山市市中区-法治指标.xlsx', '嘉兴市.xlsx', 'x.xlsx', '', '2022.xlsx'),
  sheets: fc.array(sheetGrid, { maxLength: 4 }),
});

/** What is wrong with a finding, or undefined. Plain checks: jest's expect per field is slow. */
/**
 * The texts a workbook brings into messages (sheet names, cell texts), longest first: a message
 * quoting a sheet named `{0}` or a cell reading `undefined` is not an unfilled template.
 */
function userTexts(wb: WorkbookSnapshot): string[] {
  const out = new Set<string>();
  for (const s of wb.sheets) {
    for (const t of [s.name, ...s.values.flat()]) {
      if (typeof t !== 'string') continue;
      if (t) out.add(t);
      if (t.trim()) out.add(t.trim());
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

/**
 * `text` without the workbook's text `q` as a message shows it: whole, with control characters as
 * spaces, or, when it is long, only its beginning (…（共 513 字）).
 */
function withoutQuoted(text: string, q: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what it replaces
  for (const form of [q, q.replace(/[\u0000-\u001f\u007f]/g, ' ')]) {
    if (text.includes(form)) return text.split(form).join('\u0000');
    let lo = 0;
    let hi = form.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (text.includes(form.slice(0, mid))) lo = mid;
      else hi = mid - 1;
    }
    if (lo >= 12) return text.split(form.slice(0, lo)).join('\u0000');
  }
  return text;
}

function findingProblem(f: Finding, sheetNames: Set<string>, quoted: string[]): string | undefined {
  if (typeof f.ruleId !== 'string' || f.ruleId.length === 0) return 'no ruleId';
  if (!['error', 'warning', 'info'].includes(f.severity)) return `severity ${String(f.severity)}`;
  if (!Array.isArray(f.cells) || f.cells.length === 0) return 'no cell';
  for (const c of f.cells) {
    if (!sheetNames.has(c.sheet)) return `cell on unknown sheet ${JSON.stringify(c.sheet)}`;
    if (!/^[A-Z]{1,3}[1-9]\d{0,6}$/.test(c.address)) return `bad address ${JSON.stringify(c.address)}`;
    const pos = fromA1(c.address);
    if (!pos || pos.col >= 16384 || pos.row >= 1048576) return `address outside a sheet ${c.address}`;
  }
  for (const lang of ['zh-CN', 'en-US'] as const) {
    const m = f.message?.[lang];
    if (typeof m !== 'string' || m.trim() === '') return `empty ${lang} message`;
    // Template placeholders left in what the engine wrote, with the workbook's own texts taken out.
    const own = quoted.reduce((text, q) => withoutQuoted(text, q), m);
    if (/\{\w+\}|undefined|\[object Object\]/.test(own)) return `unfilled ${lang} message: ${m}`;
  }
  if (!/[\u4e00-\u9fff]/.test(f.message['zh-CN'])) return `zh-CN message without Chinese: ${f.message['zh-CN']}`;
  if (f.hint && (!f.hint.message['zh-CN'] || !f.hint.message['en-US'])) return 'hint without message';
  return undefined;
}

function expectWellFormedFinding(f: Finding, sheetNames: Set<string>, quoted: string[]): void {
  const problem = findingProblem(f, sheetNames, quoted);
  if (problem) expect({ problem, finding: f }).toBeUndefined();
}

const RULE_FRAGMENTS = [
  '[行政处罚案件数]', '[其中：公共场所卫生]', '[法制审核率]', '[罚款金额]', '[不存在的指标]', '[职业卫生]', '1', '100%', '0.5', '2',
  ' + ', ' - ', ' * ', ' / ', ' == ', ' <= ', ' >= ', ' != ', ' and ', ' or ', 'not ', '(', ')', 'sum(', 'prev(', 'abs(', 'round(', 'if(', ',', '[', '】',
];

/** A 校验规则 sheet with random rows: ids (some of the built-in pack's), expressions, severities, tolerances. */
const rulesSheet: fc.Arbitrary<SheetGrid> = fc
  .array(
    fc.tuple(
      fc.oneof(fc.constantFrom('U1', 'U2', 'U1', 'rate.mandated.law-review', '', 'balance'), fc.string({ maxLength: 6 })),
      fc.constantFrom('名称', '', '公开处罚信息等于处罚案件数'),
      fc.oneof(fc.array(fc.constantFrom(...RULE_FRAGMENTS), { maxLength: 8 }).map((a) => a.join('')), fc.constantFrom<CellValue>(null, 3, '[行政处罚案件数] >= [其中：公共场所卫生]')),
      fc.constantFrom<CellValue>('错误', '警告', '提示', 'error', 'fatal', '', null),
      fc.constantFrom<CellValue>(null, 0, 0.5, '1%', 'abc', -1),
      fc.constantFrom<CellValue>('是', '否', true, false, 1, 0, 'maybe', null),
    ),
    { maxLength: 8 },
  )
  .map((rows) => ({
    name: '校验规则',
    originRow: 0,
    originCol: 0,
    values: [['编号', '名称', '表达式', '级别', '容差', '启用', '说明'], ...rows.map((r) => [...r, null] as CellValue[])],
  }));

describe('checkWorkbook (property)', () => {
  it('a message quoting a sheet named like a placeholder is well formed, an unfilled one is not', () => {
    const wb: WorkbookSnapshot = { name: 'x.xlsx', sheets: [{ name: '{0}', originRow: 0, originCol: 0, values: [['指标']] }] };
    const [f] = checkWorkbook(wb).findings;
    expect(f.ruleId).toBe('workbook.no-indicator-sheet');
    expect(findingProblem(f, new Set(['{0}']), userTexts(wb))).toBeUndefined();
    const unfilled = { ...f, message: { ...f.message, 'en-US': 'Sheet {sheet} skipped' } };
    expect(findingProblem(unfilled, new Set(['{0}']), userTexts(wb))).toMatch(/unfilled en-US/);
  });

  it(
    `never throws on random grids; every finding is well formed (${HEAVY_RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(workbookArb, (wb) => {
          const result = checkWorkbook(wb);
          const names = new Set(wb.sheets.map((s) => s.name));
          expect(result.sheets.length).toBe(wb.sheets.length);
          for (const s of result.sheets) {
            expect(s.reason?.['zh-CN']?.length ?? 1).toBeGreaterThan(0);
            expect(s.reason?.['en-US']?.length ?? 1).toBeGreaterThan(0);
          }
          expect(Number.isInteger(result.observations)).toBe(true);
          const quoted = userTexts(wb);
          for (const f of result.findings) expectWellFormedFinding(f, names, quoted);
        }),
        params(HEAVY_RUNS),
      );
    },
    timeoutFor(HEAVY_RUNS, 40),
  );

  it(
    `never throws with a random 校验规则 sheet beside random indicator sheets (${HEAVY_RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(workbookArb, rulesSheet, fc.nat(3), (wb, rules, at) => {
          const sheets = [...wb.sheets.filter((s) => s.name !== '校验规则')];
          sheets.splice(Math.min(at, sheets.length), 0, rules);
          const snapshot = { ...wb, sheets };
          const result = checkWorkbook(snapshot);
          const names = new Set(sheets.map((s) => s.name));
          const quoted = userTexts(snapshot);
          for (const f of result.findings) expectWellFormedFinding(f, names, quoted);
        }),
        params(HEAVY_RUNS),
      );
    },
    timeoutFor(HEAVY_RUNS, 40),
  );

  it(
    `never throws with the history detectors off or on, for one sheet per year (${HEAVY_RUNS} runs)`,
    () => {
      const perYear = fc
        .tuple(fc.uniqueArray(fc.integer({ min: 2015, max: 2024 }), { minLength: 1, maxLength: 5 }), fc.array(fc.array(bodyValue, { minLength: 1, maxLength: 1 }), { minLength: 1, maxLength: 12 }))
        .map(([years, body]): WorkbookSnapshot => ({
          name: '某某县.xlsx',
          sheets: years.map((y, i) => ({
            name: i % 2 ? `${y}年` : String(y),
            originRow: 0,
            originCol: 0,
            values: [['指标', '单位', '数值'], ...body.map((b, r) => [LABELS[(r + i) % LABELS.length], UNITS[r % UNITS.length], b[0]] as CellValue[])],
          })),
        }));
      fc.assert(
        fc.property(perYear, fc.boolean(), (wb, history) => {
          const result = checkWorkbook(wb, history ? {} : { history: false });
          const names = new Set(wb.sheets.map((s) => s.name));
          const quoted = userTexts(wb);
          for (const f of result.findings) expectWellFormedFinding(f, names, quoted);
        }),
        params(HEAVY_RUNS),
      );
    },
    timeoutFor(HEAVY_RUNS, 40),
  );
});
