// The statutory forms of a 政府信息公开工作年度报告 (收到和处理政府信息公开申请情况; 行政复议、行政诉讼
// 情况), read from a report's text whichever way they arrive: cells between bars (a table copied
// into the pane or a .txt), one cell a line (a table copied from a web page), a PDF's printed rows (figures after the label, headings and wrapped
// labels on lines of their own), and a Word table. Forms are generated with random figures that
// satisfy the template's identities, in the 2019 and the 2021 template, with 7, 3 or 1 columns;
// the test works out by itself which identities a changed figure breaks, and expects exactly
// those as errors.
import { definePDFJSModule } from 'unpdf';
import { checkReportText, type Claim } from '../src/core/text';
import { readReport } from '../src/hosts/docs/read-report';
import { layOut, makeDocx, makePdf, pdfjsForJest, type DocxCell } from './helpers/report-files';
import { mulberry32 } from './helpers/shapes';

const pdfjs = pdfjsForJest();
const read = { pdfjs: async () => pdfjs };
beforeAll(async () => {
  await definePDFJSModule(() => Promise.resolve(pdfjs as never));
});

const rng = mulberry32;

const S3 = ['1.属于国家秘密', '2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', '6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'];
const S4 = ['1.本机关不掌握相关政府信息', '2.没有现成信息需要另行制作', '3.补正后申请内容仍不明确'];
const S5 = ['1.信访举报投诉类申请', '2.重复申请', '3.要求提供公开出版物', '4.无正当理由大量反复申请', '5.要求行政机关确认或重新出具已获取信息'];
const S6 = ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'];

/** One row of the applications form: where it sits in the template, and its figures per applicant column. */
interface FormRow {
  /** Label cells as the template draws them (outer heading, heading, item). */
  cells: string[];
  role: 'new' | 'in' | 'leaf' | 'total' | 'out';
  values: number[];
}

interface Form {
  template: 2019 | 2021;
  columns: string[];
  rows: FormRow[];
}

/** A form whose figures satisfy every identity: leaves random, 总计 their sum, 新收 what balances. */
function makeForm(r: () => number, template: 2019 | 2021, width: 7 | 3 | 1): Form {
  const columns = width === 7 ? ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] : width === 3 ? ['自然人', '法人或其他组织', '总计'] : ['总计'];
  const applicants = width === 1 ? 1 : width - 1;
  const small = (): number => (r() < 0.55 ? 0 : Math.floor(r() * (r() < 0.2 ? 40 : 6)));
  const leafRows: FormRow[] = [];
  const leaf = (cells: string[]): void => void leafRows.push({ cells, role: 'leaf', values: Array.from({ length: applicants }, small) });
  leaf(['三、本年度办理结果', '（一）予以公开']);
  leaf(['三、本年度办理结果', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）']);
  for (const i of S3) leaf(['三、本年度办理结果', '（三）不予公开', i]);
  for (const i of S4) leaf(['三、本年度办理结果', '（四）无法提供', i]);
  for (const i of S5) leaf(['三、本年度办理结果', '（五）不予处理', i]);
  if (template === 2021) for (const i of S6) leaf(['三、本年度办理结果', '（六）其他处理', i]);
  else leaf(['三、本年度办理结果', '（六）其他处理']);
  const total = Array.from({ length: applicants }, (_, c) => leafRows.reduce((s, x) => s + x.values[c], 0));
  const carriedIn = Array.from({ length: applicants }, () => (r() < 0.7 ? 0 : Math.floor(r() * 3)));
  const carriedOut = Array.from({ length: applicants }, (_, c) => Math.max(0, carriedIn[c] - total[c]) + (r() < 0.7 ? 0 : Math.floor(r() * 3)));
  const fresh = total.map((t, c) => t + carriedOut[c] - carriedIn[c]);
  const withTotal = (v: number[]): number[] => (width === 1 ? v : [...v, v.reduce((a, b) => a + b, 0)]);
  const rows: FormRow[] = [
    { cells: ['一、本年新收政府信息公开申请数量'], role: 'new', values: withTotal(fresh) },
    { cells: ['二、上年结转政府信息公开申请数量'], role: 'in', values: withTotal(carriedIn) },
    ...leafRows.map((x) => ({ ...x, values: withTotal(x.values) })),
    { cells: ['三、本年度办理结果', '（七）总计'], role: 'total', values: withTotal(total) },
    { cells: ['四、结转下年度继续办理'], role: 'out', values: withTotal(carriedOut) },
  ];
  return { template, columns, rows };
}

/** The identities the template states, each as the cells it adds (row, column) on each side. */
function identities(f: Form): Array<{ name: string; left: Array<[number, number]>; right: Array<[number, number]> }> {
  const out: Array<{ name: string; left: Array<[number, number]>; right: Array<[number, number]> }> = [];
  const w = f.columns.length;
  const at = (role: FormRow['role']): number => f.rows.findIndex((x) => x.role === role);
  const leaves = f.rows.flatMap((x, i) => (x.role === 'leaf' ? [i] : []));
  for (let c = 0; c < w; c++) {
    out.push({ name: `总计 col ${c}`, left: [[at('total'), c]], right: leaves.map((i) => [i, c]) });
    out.push({ name: `balance col ${c}`, left: [[at('new'), c], [at('in'), c]], right: [[at('total'), c], [at('out'), c]] });
  }
  if (w >= 3) f.rows.forEach((_, i) => out.push({ name: `row ${i}`, left: [[i, w - 1]], right: Array.from({ length: w - 1 }, (_, c) => [i, c] as [number, number]) }));
  return out;
}

const sum = (f: Form, cells: Array<[number, number]>): number => cells.reduce((s, [i, c]) => s + f.rows[i].values[c], 0);

type Style = 'bars' | 'printed' | 'printed-wrapped' | 'cells';

/** The form as text lines, the way each source gives it. */
function formText(f: Form, style: Style, r: () => number): string[] {
  const header = f.columns.length === 1 ? '申请人情况 总计' : `申请人情况 ${f.columns.join(' ')}`;
  const lines: string[] = ['三、收到和处理政府信息公开申请情况'];
  if (style === 'bars') {
    lines.push(`| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | | | ${f.columns.length > 1 ? '申请人情况 |' : ''}`);
    lines.push(`| | | | ${f.columns.join(' | ')} |`);
    let prev: string[] = [];
    for (const row of f.rows) {
      // Merged heading cells are empty after their first row, as a copied Word table gives them.
      const labels = [0, 1, 2].map((k) => (row.cells[k] && row.cells[k] !== prev[k] ? row.cells[k] : ''));
      prev = row.cells;
      lines.push(`| ${labels.join(' | ')} | ${row.values.join(' | ')} |`);
    }
    return lines;
  }
  if (style === 'cells') {
    // A table copied from a web page into a text box: one cell a line, blank lines between, the
    // header's cells too, merged heading cells written once.
    for (const c of ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况', ...f.columns]) lines.push(c, '');
    let prevCells: string[] = [];
    for (const row of f.rows) {
      for (const c of row.cells.filter((x, k) => x !== prevCells[k])) lines.push(c, '');
      prevCells = row.cells;
      for (const v of row.values) lines.push(String(v), '');
    }
    return lines;
  }
  lines.push(header);
  let prev: string[] = [];
  for (const row of f.rows) {
    const fresh = row.cells.filter((c, k) => c !== prev[k]);
    prev = row.cells;
    // A heading printed on a line of its own (三、本年度办理结果, （三）不予公开), or with the first item.
    const label: string[] = [];
    for (const c of fresh.slice(0, -1)) {
      if (r() < 0.5) lines.push(c);
      else label.push(c);
    }
    const own = fresh[fresh.length - 1];
    const lead = label.length ? `${label.join(' ')} ` : '';
    let text = `${lead}${own}`;
    const figures = row.values.join(' ');
    if (style === 'printed-wrapped' && own.length > 12) {
      // A narrow cell: the row's own label wraps inside its cell, the figures stand on its first or
      // its last line.
      const cut = lead.length + 6 + Math.floor(r() * (own.length - 8));
      if (r() < 0.5) {
        lines.push(`${text.slice(0, cut)} ${figures}`);
        lines.push(text.slice(cut));
        continue;
      }
      lines.push(text.slice(0, cut));
      text = text.slice(cut);
    }
    lines.push(`${text}${r() < 0.2 ? '' : ' '}${figures}`);
  }
  return lines;
}

const REVIEW_HEAD = ['行政复议 行政诉讼', '结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉', '结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计'];

function reviewFigures(r: () => number): number[] {
  const out: number[] = [];
  for (let g = 0; g < 3; g++) {
    const four = [0, 1, 2, 3].map(() => (r() < 0.6 ? 0 : Math.floor(r() * 4)));
    out.push(...four, four.reduce((a, b) => a + b, 0));
  }
  return out;
}

const PROSE_BEFORE = ['某某县卫生健康局2023年政府信息公开工作年度报告', '一、总体情况', '2023年，我局主动公开政府信息156条，其中工作动态98条，通知公告31条，政策文件27条。'];
const PROSE_AFTER = ['五、存在的主要问题及改进情况', '全年开展培训4次，其中专题培训2次、业务交流2次。'];

const formClaims = (claims: readonly Claim[]): Claim[] => claims.filter((c) => c.reading === 'form');
const errors = (claims: readonly Claim[]): Claim[] => formClaims(claims).filter((c) => !c.ok);

describe('the applications form of a 政府信息公开年度报告', () => {
  const cases: Array<{ seed: number; template: 2019 | 2021; width: 7 | 3 | 1; style: Style }> = [];
  // FORM_SEED=n runs the same cases on other figures.
  let seed = Number(process.env.FORM_SEED ?? 11);
  for (const template of [2019, 2021] as const) for (const width of [7, 3, 1] as const) for (const style of ['bars', 'printed', 'printed-wrapped', 'cells'] as const) cases.push({ seed: seed++, template, width, style });

  test.each(cases)('template $template, $width columns, $style (seed $seed): every identity checked, a changed figure breaks exactly its own', ({ seed: s, template, width, style }) => {
    const r = rng(s);
    const form = makeForm(r, template, width);
    const text = [...PROSE_BEFORE, ...formText(form, style, r), ...PROSE_AFTER].join('\n');
    const clean = checkReportText(text, "r.txt");
    const expected = identities(form);
    expect(formClaims(clean.claims)).toHaveLength(expected.length);
    expect(errors(clean.claims)).toEqual([]);
    expect(clean.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // The prose around the form is read as before.
    expect(clean.claims.filter((c) => c.reading !== 'form').map((c) => c.total.value)).toEqual([156, 4]);

    // One figure changed by +1 (a slip of the pen): the identities it is in fail, the others hold.
    const i = Math.floor(r() * form.rows.length);
    const c = Math.floor(r() * form.columns.length);
    form.rows[i].values[c] += 1;
    const broken = identities(form).filter((x) => sum(form, x.left) !== sum(form, x.right));
    expect(broken.length).toBeGreaterThanOrEqual(1);
    const text2 = [...PROSE_BEFORE, ...formText(form, style, rng(s + 1000)), ...PROSE_AFTER].join('\n');
    const got = checkReportText(text2, "r.txt");
    expect(errors(got.claims)).toHaveLength(broken.length);
    const findings = got.findings.filter((f) => f.ruleId === 'text.form-mismatch');
    expect(findings).toHaveLength(broken.length);
    for (const f of findings) {
      expect(f.severity).toBe('error');
      expect(f.message['zh-CN']).toMatch(/^第\d+行：政府信息公开年度报告的表格中/);
      expect(f.message['en-US']).toMatch(/^Line \d+: in the form of the information-disclosure report/);
    }
  });

  test('the review form: each of its three groups is 维持 + 纠正 + 其他 + 尚未审结; a wrong 总计 is an error', () => {
    const r = rng(7);
    const v = reviewFigures(r);
    v[4] = v[0] + v[1] + v[2] + v[3] + 2; // 行政复议 总计 two too many
    v[5] = 1; // 未经复议直接起诉 结果维持 1 …
    v[9] = v[5] + v[6] + v[7] + v[8]; // … with its 总计 right
    const text = ['四、政府信息公开行政复议、行政诉讼情况', ...REVIEW_HEAD, v.join(' ')].join('\n');
    const got = formClaims(checkReportText(text, 'r.txt').claims);
    const byName = new Map(got.map((c) => [c.total.label, c]));
    expect(byName.get('行政复议（总计栏）')).toMatchObject({ verdict: 'short', difference: -2 });
    expect(byName.get('行政诉讼（未经复议直接起诉）（总计栏）')).toMatchObject({ verdict: 'ok' });
    expect(got.every((c) => c.parts.length === 4)).toBe(true);
  });

  test('a row with a figure missing is left out of the sums it is in, never read as 0', () => {
    const r = rng(5);
    const form = makeForm(r, 2021, 7);
    form.rows.find((x) => x.cells.includes('（一）予以公开'))!.values = [3, 1, 0, 0, 0, 0, 4];
    const lines = formText(form, 'bars', r).map((l) => (l.includes('（一）予以公开') ? l.replace(/\| 1 \| 0 \| 0 \| 0 \| 0 \| 4 \|$/, '| 1 | 0 | 0 |  |  | 4 |') : l));
    const got = formClaims(checkReportText(lines.join('\n'), 'r.txt').claims);
    // No （七）总计 claim for any column (one of its items lacks figures), no claim of that row; the
    // （七）总计 row's own 总计 is still checked against its columns.
    expect(got.some((c) => c.parts.some((p) => p.label === '（一）予以公开'))).toBe(false);
    expect(got.some((c) => c.total.label.startsWith('（一）予以公开'))).toBe(false);
    expect(got.map((c) => c.total.label)).toContain('（七）总计（总计栏）');
    expect(got.every((c) => c.ok)).toBe(true);
    // The balance of each column still holds and is checked.
    expect(got.filter((c) => c.total.label.startsWith('本年新收＋上年结转')).length).toBeGreaterThan(0);
  });

  test('text without the form, or prose that only names its rows, gives no form claim', () => {
    const prose = '全年本年新收政府信息公开申请16件，上年结转1件，结转下年度继续办理2件。行政复议结果维持1件，结果纠正0件，尚未审结0件。';
    expect(formClaims(checkReportText(prose, 'r.txt').claims)).toEqual([]);
  });
});

describe('the forms in a .docx and a .pdf give the claims of the same text', () => {
  test.each([2019, 2021] as const)('template %s', async (template) => {
    const r = rng(template);
    const form = makeForm(r, template, 7);
    const review = reviewFigures(r);
    // The Word table as the template draws it: three label columns, headings merged downwards.
    const header: DocxCell[][] = [
      [{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', span: 3, vMerge: 'restart' }, { text: '申请人情况', span: 7 }],
      [{ text: '', span: 3, vMerge: 'continue' }, ...form.columns],
    ];
    let prev: string[] = [];
    const body: DocxCell[][] = form.rows.map((row) => {
      const labels: DocxCell[] =
        row.cells.length === 1
          ? [{ text: row.cells[0], span: 3 }]
          : row.cells.length === 2
            ? [row.cells[0] === prev[0] ? { text: '', vMerge: 'continue' } : { text: row.cells[0], vMerge: 'restart' }, { text: row.cells[1], span: 2 }]
            : row.cells.map((c, k) => (k < 2 && c === prev[k] ? { text: '', vMerge: 'continue' as const } : k < 2 ? { text: c, vMerge: 'restart' as const } : c));
      prev = row.cells;
      return [...labels, ...row.values.map(String)];
    });
    const reviewTable: DocxCell[][] = [
      [{ text: '行政复议', span: 5 }, { text: '行政诉讼', span: 10 }],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '', '', '', '', '复议后起诉', '', '', '', ''],
      ['', '', '', '', '', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
      review.map(String),
    ];
    const docx = await makeDocx([...PROSE_BEFORE, '三、收到和处理政府信息公开申请情况', { table: [...header, ...body] }, '四、政府信息公开行政复议、行政诉讼情况', { table: reviewTable }, ...PROSE_AFTER]);
    const fromDocx = await readReport(docx, 'r.docx', read);
    // The forms are read with the prose, not as sheets.
    expect(fromDocx.tables).toEqual([]);
    const printed = [...PROSE_BEFORE, ...formText(form, 'printed', r), '四、政府信息公开行政复议、行政诉讼情况', ...REVIEW_HEAD, review.join(' '), ...PROSE_AFTER];
    const fromPdf = await readReport(makePdf(layOut(printed)), 'r.pdf', read);
    const txt = [...PROSE_BEFORE, ...formText(form, 'bars', r), '四、政府信息公开行政复议、行政诉讼情况', ...REVIEW_HEAD, review.join(' '), ...PROSE_AFTER].join('\n');

    const shape = (text: string): string[] =>
      checkReportText(text, 'r').claims.map((c) => `${c.total.label ?? ''}=${c.total.value}:${c.parts.map((p) => p.value).join('+')}:${c.verdict}`).sort();
    const want = shape(txt);
    expect(want.length).toBe(identities(form).length + 2 + 3);
    expect(shape(fromDocx.text)).toEqual(want);
    expect(shape(fromPdf.text)).toEqual(want);
  });
});
