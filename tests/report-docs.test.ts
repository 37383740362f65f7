// Reports read from Word (.docx) and PDF (.pdf) as well as from text (.txt): the same prose
// gives the same claims whatever file it comes in; a Word table is checked like a sheet, with
// its findings at the table's cells beside the prose findings; a PDF without text (a scan), an
// encrypted or a damaged file gets a message in both languages, never a crash; the command line
// reads these files (one by one and with --dir) with the usual exit codes and JSON shape.
import * as fs from 'fs';
import iconv from 'iconv-lite';
import * as os from 'os';
import * as path from 'path';
import { definePDFJSModule } from 'unpdf';
import { main } from '../src/cli/index';
import { checkReportFile } from '../src/cli/report-file';
import { cellValue, readDocumentXml } from '../src/hosts/docs/read-docx';
import { pageLines, withoutPageNumber } from '../src/hosts/docs/read-pdf';
import { readReport, ReportReadError } from '../src/hosts/docs/read-report';
import type { Claim } from '../src/core/text';
import type { Bilingual, Finding } from '../src/core/types';
import { documentXml, layOut, makeDocx, makePdf, pdfjsForJest, wrap } from './helpers/report-files';

const PROSE = path.join(__dirname, 'fixtures', 'prose');
const SEEDS = path.join(__dirname, 'fixtures', 'seeds');
const pdfjs = pdfjsForJest();
const read = { pdfjs: async () => pdfjs };

// The command line (and anything else using read-pdf's default loader) resolves PDF.js through
// unpdf; under jest it gets the CommonJS copy of the same build.
beforeAll(async () => {
  await definePDFJSModule(() => Promise.resolve(pdfjs as never));
});

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) } };
}

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'report-docs-'));
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const fixtureText = (file: string): string => (JSON.parse(fs.readFileSync(path.join(PROSE, file), 'utf8')) as { text: string }).text;

/** Seed 004, line 33, with 警告57件 made 58: parts 58 + 62 + 1 = 121 above the total 120 (an error). */
function failingSeedSentence(): string {
  const line = fs
    .readFileSync(path.join(SEEDS, '004_1f520193587ce677.txt'), 'utf8')
    .split(/\r?\n/)
    .find((l) => l.includes('全年政务服务办件量5404件')) as string;
  return line.replace('警告57件', '警告58件');
}

/** What a claim says, without where it is: total, parts (labels without spaces), sum, verdict. */
function gist(claims: Claim[] | undefined) {
  return (claims ?? []).map((c) => ({
    total: [c.total.value, c.total.unit],
    parts: c.parts.map((p) => [p.label.replace(/\s+/g, ''), p.value, p.unit]),
    sum: c.sum,
    verdict: c.verdict,
    complete: c.complete,
  }));
}

/** Findings without their cells (a PDF's lines are not the .txt's lines): rule, severity, values. */
const findingGist = (fs_: Finding[] | undefined) => (fs_ ?? []).map((f) => [f.ruleId, f.severity, f.values]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

async function expectReadError(p: Promise<unknown>): Promise<Bilingual> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ReportReadError);
    return (e as ReportReadError).bilingual;
  }
  throw new Error('expected a ReportReadError');
}

describe('the same text in .txt, .docx and .pdf gives the same claims', () => {
  // A few real passages: lists with 、 inside labels (01), a partial list (04), two claims (09),
  // five claims in a 12320 hotline report (15), a half-year report with warnings (23), a
  // warning beside a passing claim (41), totals after their parts and a second breakdown (57),
  // brackets of parts (72), a breakdown a sentence a class (76), traditional characters (86);
  // and a seed sentence whose parts exceed its total.
  const passages: Array<[string, string]> = [
    ...['01-lufeng-2025.json', '04-gannan-2025.json', '09-yongan-2024.json', '15-chongqing-12320-2015.json', '23-neimenggu-2012h1.json', '41-hongshan-2024.json', '57-wuchang-2025.json', '72-hanchuan-2020.json', '76-anhui-2023.json', '86-qixia-2025.json'].map((f): [string, string] => [f, fixtureText(f)]),
    ['seed 004 (警告58件)', failingSeedSentence()],
  ];

  it.each(passages)('%s', async (_label, text) => {
    const paragraphs = text.split('\n');
    const txt = await checkReportFile('报告.txt', utf8(text));
    const docx = await checkReportFile('报告.docx', await makeDocx(paragraphs));
    // Printed as a word processor would: 38 characters a line, 12 lines a page, a page number
    // under each page, and every line drawn in two pieces.
    const pdf = await checkReportFile('报告.pdf', makePdf(layOut(paragraphs, 12), { split: true, pageNumbers: true }), {}, read);
    expect(txt.error).toBeUndefined();
    expect(docx.error).toBeUndefined();
    expect(pdf.error).toBeUndefined();
    expect(gist(txt.claims).length).toBeGreaterThan(0);
    expect(gist(docx.claims)).toEqual(gist(txt.claims));
    expect(gist(pdf.claims)).toEqual(gist(txt.claims));
    // A .docx paragraph is a .txt line: the findings are the same, line for line.
    const at = (r: typeof txt) => (r.result?.findings ?? []).map((f) => ({ ...f, cells: f.cells.map((c) => c.address), message: undefined }));
    expect(at(docx)).toEqual(at(txt));
    expect(findingGist(pdf.result?.findings)).toEqual(findingGist(txt.result?.findings));
  });

  it('the failing seed sentence is an error in all three', async () => {
    const text = failingSeedSentence();
    for (const [name, bytes] of [
      ['r.txt', utf8(text)],
      ['r.docx', await makeDocx([text])],
      ['r.pdf', makePdf(layOut([text]))],
    ] as Array<[string, Uint8Array]>) {
      const r = await checkReportFile(name, bytes, {}, read);
      const bad = r.claims?.find((c) => c.total.value === 120);
      expect(bad).toMatchObject({ verdict: 'exceeds', sum: 121 });
      expect(r.result?.findings.some((f) => f.ruleId === 'text.claim-exceeds' && f.severity === 'error' && f.cells[0].sheet === name)).toBe(true);
    }
  });

  it('a GB18030 .txt reads as its UTF-8 twin', async () => {
    const text = fixtureText('09-yongan-2024.json');
    const gb = new Uint8Array(iconv.encode(text, 'gb18030'));
    const doc = await readReport(gb, 'r.txt');
    expect(doc).toEqual({ kind: 'txt', text, tables: [] });
  });
});

describe('Word (.docx)', () => {
  it('paragraphs become lines; runs cut inside numbers, tabs, breaks and entities are put back', () => {
    const xml = documentXml([], [
      '<w:p><w:r><w:t>全年共</w:t></w:r><w:r><w:t>1</w:t></w:r><w:proofErr w:type="gramStart"/><w:r><w:t xml:space="preserve">71条 &amp; </w:t></w:r><w:r><w:tab/><w:t>&lt;注&gt;&#x4E00;</w:t></w:r></w:p>',
      '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>',
      '<w:p/>',
      '<w:p><w:pPr><w:pStyle w:val="1"/><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>标题</w:t></w:r></w:p>',
    ].join(''));
    expect(readDocumentXml(xml, 'a.docx')).toEqual({ text: '全年共171条 & \t<注>一\n第一行\n第二行\n\n标题', tables: [] });
  });

  it('reads the text as Word shows it: no deleted text, field codes, drawings or fallback copies', () => {
    const xml = documentXml([], [
      // Tracked changes: 56 deleted, 6 inserted.
      '<w:p><w:r><w:t>解决问题</w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>56</w:delText></w:r></w:del><w:ins w:id="2" w:author="a"><w:r><w:t>6</w:t></w:r></w:ins><w:r><w:t>个。</w:t></w:r></w:p>',
      // A field: its code is not text, its result is.
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
      // A text box: in mc:Choice and again in mc:Fallback; neither is prose.
      '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent><w:t>正文</w:t></w:r></w:p>',
      '<!-- a comment --><w:p><w:r><w:t><![CDATA[a<b]]></w:t></w:r></w:p>',
    ].join(''));
    expect(readDocumentXml(xml, 'a.docx').text).toBe('解决问题6个。\n3\n正文\na<b');
  });

  it('tables become sheets cell for cell: spans, vertical merges, skipped columns, nested tables, indents', () => {
    const xml = documentXml(
      [
        '前文',
        {
          table: [
            [{ text: '表1 执法情况', span: 3 }],
            ['指标', '2022年', '2023年'],
            [{ text: '行政处罚案件', vMerge: 'restart' }, '100', '120'],
            [{ text: '', vMerge: 'continue' }, '1,200', '007'],
            [{ text: '其中：警告', indentChars: 2 }, '50', '98.5%'],
          ],
        },
        '后文',
      ],
      '<w:tbl><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc><w:p><w:r><w:t>外</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>内1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>内2</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc><w:tc><w:p><w:r><w:t>5</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
    );
    const { text, tables } = readDocumentXml(xml, '报告.docx');
    // A blank line stands where each table was.
    expect(text).toBe('前文\n\n后文\n');
    expect(tables.map((t) => t.name)).toEqual(['报告.docx 表1', '报告.docx 表2']);
    expect(tables[0].values).toEqual([
      ['表1 执法情况', null, null],
      ['指标', '2022年', '2023年'],
      ['行政处罚案件', 100, 120],
      [null, '1,200', '007'],
      ['其中：警告', 50, '98.5%'],
    ]);
    expect(tables[0].indents?.[4][0]).toBe(1);
    expect(tables[0].indents?.[2][0]).toBe(0);
    // gridBefore leaves the first column empty; the nested table is read as its cell's text.
    expect(tables[1].values).toEqual([[null, '外\n内1\n内2', 5]]);
    expect(tables[1].indents).toBeUndefined();
  });

  it('cell values: plain numbers become numbers, anything else stays text', () => {
    expect([cellValue('120'), cellValue(' 3.5 '), cellValue('-2'), cellValue(''), cellValue('  ')]).toEqual([120, 3.5, -2, null, null]);
    expect([cellValue('1,200'), cellValue('98.5%'), cellValue('约300'), cellValue('007'), cellValue('1234567890123456')]).toEqual(['1,200', '98.5%', '约300', '007', '1234567890123456']);
    expect(cellValue('\u3000\u3000罚款')).toBe('\u3000\u3000罚款'); // leading full-width spaces mark a part: kept
  });

  it('a table whose parts exceed their total gives the balance error at the total cell, beside the prose findings', async () => {
    const bytes = await makeDocx([
      '乐山市市中区卫生健康局2023年法治政府建设年度报告',
      failingSeedSentence(),
      '表1 行政执法情况',
      {
        table: [
          ['序号', '指标名称', '单位', '2022年', '2023年'],
          [{ text: '1', vMerge: 'restart' }, '行政处罚案件', '件', '100', '120'],
          [{ text: '', vMerge: 'continue' }, { text: '其中：警告', indentChars: 2 }, '件', '50', '58'],
          [{ text: '', vMerge: 'continue' }, { text: '罚款', indentChars: 2 }, '件', '48', '62'],
          [{ text: '', vMerge: 'continue' }, { text: '停产停业', indentChars: 2 }, '件', '2', '1'],
        ],
      },
      '以上数据截至2023年12月31日。',
    ]);
    const r = await checkReportFile(path.join('数据', '报告.docx'), bytes);
    expect(r.error).toBeUndefined();
    const findings = r.result?.findings ?? [];
    // 2023: 58 + 62 + 1 = 121 > 120, at the total's cell E2 of table 1; 2022 (50 + 48 + 2) holds.
    const balance = findings.filter((f) => f.ruleId.startsWith('balance'));
    expect(balance).toHaveLength(1);
    expect(balance[0]).toMatchObject({ ruleId: 'balance.exceeds', severity: 'error' });
    // The total's cell first, then its parts.
    expect(balance[0].cells).toEqual(['E2', 'E3', 'E4', 'E5'].map((address) => ({ sheet: '报告.docx 表1', address })));
    expect(balance[0].message['zh-CN']).toContain('121');
    // The prose's own error is in the same result, at its line.
    expect(findings.find((f) => f.ruleId === 'text.claim-exceeds')).toMatchObject({ severity: 'error', cells: [{ sheet: '报告.docx', address: 'L2' }] });
    // The table's findings come first, then the prose's.
    expect(findings.indexOf(balance[0])).toBeLessThan(findings.findIndex((f) => f.ruleId === 'text.claim-exceeds'));
    expect(r.result?.sheets.map((s) => [s.sheet, s.layout])).toEqual([['报告.docx 表1', 'wide']]);
    expect(r.claims?.length).toBeGreaterThan(0);
  });

  it('an unreadable Word file gets a message in both languages, Chinese first', async () => {
    const notZip = await expectReadError(readReport(utf8('just text'), 'a.docx'));
    expect(notZip['zh-CN']).toContain('不是 .docx 文档');
    expect(notZip['en-US']).toContain('not a .docx document');

    // A .doc and a password-protected .docx are both OLE containers.
    const ole = (stream: string) => {
      const b = new Uint8Array(2048);
      b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      b.set(Buffer.from(stream, 'utf16le'), 1024);
      return b;
    };
    const encrypted = await expectReadError(readReport(ole('EncryptedPackage'), '加密.docx'));
    expect(encrypted['zh-CN']).toMatch(/加密.*另存为 \.docx/);
    expect(encrypted['en-US']).toContain('password-protected');
    const doc = await expectReadError(readReport(ole('WordDocument'), '旧.docx'));
    expect(doc['zh-CN']).toContain('Word 97-2003');

    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const noBody = await expectReadError(readReport(await zip.generateAsync({ type: 'uint8array' }), 'b.docx'));
    expect(noBody['zh-CN']).toContain('没有 Word 正文');

    const doctype = await expectReadError(readReport(await makeDocx([], { xml: '<!DOCTYPE x [<!ENTITY a "b">]><w:document/>' }), 'c.docx'));
    expect(doctype['zh-CN']).toContain('DOCTYPE');

    // A zip cut in half.
    const whole = await makeDocx(['全年共发布各类信息171条。']);
    const cut = await expectReadError(readReport(whole.slice(0, Math.floor(whole.length / 2)), 'd.docx'));
    expect(cut['zh-CN']).toMatch(/损坏|不是/);
  });
});

describe('PDF (.pdf)', () => {
  it('joins the text items of a line by their position and keeps the lines in reading order', () => {
    const item = (str: string, x: number, y: number, width: number, height = 12) => ({ str, transform: [height, 0, 0, height, x, y], width, height });
    const lines = pageLines([
      item('第二行', 50, 700, 36),
      item('第一行前半', 50, 720, 60),
      item('后半', 110, 720.3, 24), // no gap: joined without a space
      item('120', 300, 720, 18), // a column further right: a space
      { str: '', transform: [1, 0, 0, 1, 0, 0], width: 0, height: 0 },
      { notAnItem: true },
    ]);
    expect(lines.map((l) => l.text)).toEqual(['第一行前半后半 120', '第二行']);
    expect(lines[0]).toMatchObject({ x: 50, end: 318, size: 12 });
  });

  it('leaves out a page number printed alone at the head or foot of a page', () => {
    for (const n of ['— 3 —', '-3-', '3', '第3页', '第 3 页 共 9 页', '3/9', 'Page 3 of 9']) expect(withoutPageNumber(['正文', n])).toEqual(['正文']);
    expect(withoutPageNumber(['— 2 —', '正文'])).toEqual(['正文']);
    expect(withoutPageNumber(['正文', '共3件'])).toEqual(['正文', '共3件']);
    expect(withoutPageNumber(['7'])).toEqual(['7']);
  });

  it('reads a hand-made PDF: wrapped paragraphs put back on one line, a page break kept as a line break', async () => {
    const paragraphs = [
      '一、总体情况',
      '全年共发布各类信息171条，其中新闻动态8条，政策问答7条，法定主动公开内容63条，重大民生及公益事业建设信息7条，双随机、一公开信息9条，行政执法信息41条。',
      '（一）主动公开情况',
      '主动公开政府信息165条，其中通过“悦读嵩明”平台发布59条，通过嵩明县人民政府网站公开106条，公开内容涵盖医政医管、疾病预防控制等领域。',
    ];
    // Page 1: the heading, the second paragraph (wrapped), the heading （一）; page 2: the last paragraph.
    const n = layOut(paragraphs.slice(0, 3), 100)[0].length;
    const pages = layOut(paragraphs, n);
    expect(pages).toHaveLength(2);
    expect(pages[0][n - 1]).toMatchObject({ text: '（一）主动公开情况' });
    expect(pages[1].length).toBeGreaterThan(1);
    // Each paragraph is one line again, page 2 starts on a new line, the page numbers are gone.
    const doc = await readReport(makePdf(pages, { pageNumbers: true, split: true }), 'r.pdf', read);
    expect(doc).toEqual({ kind: 'pdf', text: paragraphs.join('\n'), tables: [], pages: 2 });

    // A paragraph running on to the next page keeps a line break at the page break.
    const onePerPage = layOut(paragraphs.slice(1, 2), 1);
    expect(onePerPage.length).toBeGreaterThan(1);
    const across = await readReport(makePdf(onePerPage), 'r.pdf', read);
    const lines = across.text.split('\n');
    expect(lines).toHaveLength(onePerPage.length);
    expect(lines.join('')).toBe(paragraphs[1]);
    // The wrapping keeps numbers whole and never starts a line with a comma.
    expect(wrap('共发布各类信息171条，其中新闻动态8条', 10)).toEqual(['共发布各类信息171条，', '其中新闻动态8条']);
    expect(wrap('共发布各类信息17,093条', 8)).toEqual(['共发布各类信息', '17,093条']);
  });

  it('a PDF without a text layer (a scan) gets a bilingual message, Chinese first', async () => {
    const m = await expectReadError(readReport(makePdf([], { scan: 3 }), '扫描件.pdf', read));
    expect(m['zh-CN']).toContain('“扫描件.pdf”（3 页）中没有可读取的文字');
    expect(m['zh-CN']).toContain('OCR');
    expect(m['en-US']).toContain('has no text to read');
    expect(m['en-US']).toContain('OCR');
  });

  it('an encrypted, damaged or misnamed PDF gets a bilingual message, never a crash', async () => {
    const text = [['全年共发布各类信息171条，其中新闻动态8条。']];
    const encrypted = await expectReadError(readReport(makePdf(text, { encrypted: true }), '加密.pdf', read));
    expect(encrypted['zh-CN']).toContain('加密');
    expect(encrypted['en-US']).toContain('password');

    const damaged = await expectReadError(readReport(utf8('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\n%%EOF'), '坏.pdf', read));
    expect(damaged['zh-CN']).toMatch(/损坏|出错|没有可读取的文字/);

    const notPdf = await expectReadError(readReport(utf8('hello'), '假.pdf', read));
    expect(notPdf['zh-CN']).toContain('不是 PDF 文件');

    // Cut in half: PDF.js reads what it can or says why not; either way no other error escapes.
    const whole = makePdf(text);
    try {
      const doc = await readReport(whole.slice(0, Math.floor(whole.length / 2)), '半.pdf', read);
      expect(doc.kind).toBe('pdf');
    } catch (e) {
      expect(e).toBeInstanceOf(ReportReadError);
    }
  });

  it('a Word file under a .pdf name is read as Word', async () => {
    const doc = await readReport(await makeDocx(['正文']), '其实是Word.pdf');
    expect(doc).toMatchObject({ kind: 'docx', text: '正文' });
  });
});

describe('command line', () => {
  it('checks .docx and .pdf reports: exit 1 for an error finding, JSON with claims, findings and the tables as sheets', async () => {
    const dir = tmp();
    const text = failingSeedSentence();
    fs.writeFileSync(path.join(dir, '报告.docx'), await makeDocx([text, { table: [['指标', '2023年'], ['行政处罚案件', '120'], ['其中：警告', '59'], [{ text: '罚款', indentChars: 2 }, '62']] }]));
    fs.writeFileSync(path.join(dir, '报告.pdf'), makePdf(layOut([text])));
    const t = io();
    const code = await main([path.join(dir, '报告.docx'), path.join(dir, '报告.pdf'), '--format', 'json'], t.io);
    expect(code).toBe(1);
    const json = JSON.parse(t.out.join(''));
    expect(json.files).toHaveLength(2);
    const [docx, pdf] = json.files;
    expect(Object.keys(docx).sort()).toEqual(['claims', 'file', 'findings', 'sheets']);
    expect(Object.keys(pdf).sort()).toEqual(['claims', 'file', 'findings']);
    for (const f of [docx, pdf]) {
      expect(f.claims.find((c: { total: { value: number } }) => c.total.value === 120)).toMatchObject({ sum: 121, ok: false, verdict: 'exceeds' });
      const prose = f.findings.find((x: Finding) => x.ruleId === 'text.claim-exceeds');
      expect(prose).toMatchObject({ severity: 'error', cells: [{ sheet: path.basename(f.file), address: 'L1' }] });
      expect(prose.message['zh-CN']).toContain('121');
      expect(prose.message['en-US']).toContain('121');
    }
    expect(docx.sheets).toEqual([expect.objectContaining({ sheet: '报告.docx 表1', layout: 'wide' })]);
    expect(docx.findings.some((f: Finding) => f.cells[0]?.sheet === '报告.docx 表1' && f.ruleId.startsWith('balance'))).toBe(true);
    expect(t.err.join('')).toBe('');
  });

  it('exit 0 for a clean report, 2 for a scan (the other files still checked), and --dir picks up .docx and .pdf', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'a-clean.docx'), await makeDocx([fixtureText('01-lufeng-2025.json')]));
    fs.writeFileSync(path.join(dir, 'b-clean.pdf'), makePdf(layOut(fixtureText('01-lufeng-2025.json').split('\n'))));
    fs.writeFileSync(path.join(dir, 'c-note.txt'), '本年度依法行政工作稳步推进。', 'utf8');
    fs.writeFileSync(path.join(dir, 'd-other.doc'), 'not read by --dir');
    fs.writeFileSync(path.join(dir, '~$a-clean.docx'), 'Word lock file');

    const clean = io();
    expect(await main([path.join(dir, 'a-clean.docx'), path.join(dir, 'b-clean.pdf')], clean.io)).toBe(0);
    expect(clean.out.join('')).toContain('== ');
    expect(clean.out.join('')).toMatch(/其中声明 1 处/);

    fs.writeFileSync(path.join(dir, 'e-scan.pdf'), makePdf([], { scan: 1 }));
    const t = io();
    expect(await main(['--dir', dir, '--format', 'json'], t.io)).toBe(2);
    const files = JSON.parse(t.out.join('')).files as Array<{ file: string; error?: Bilingual; findings: unknown[] }>;
    expect(files.map((f) => path.basename(f.file))).toEqual(['a-clean.docx', 'b-clean.pdf', 'c-note.txt', 'e-scan.pdf']);
    expect(files[3].error?.['zh-CN']).toContain('没有可读取的文字');
    expect(files[3].findings).toEqual([]);
    expect(t.err.join('')).toContain('没有可读取的文字');
  });

  it('the xlsx report shows a table cell of a .docx as text, not as a link into the document', async () => {
    const dir = tmp();
    fs.writeFileSync(
      path.join(dir, '报告.docx'),
      await makeDocx([{ table: [['指标', '2023年'], ['行政处罚案件', '120'], ['其中：警告', '59'], [{ text: '罚款', indentChars: 2 }, '62']] }]),
    );
    const out = path.join(dir, 'out', 'r.xlsx');
    expect(await main([path.join(dir, '报告.docx'), '--format', 'xlsx', '--out', out], io().io)).toBe(1);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    const cells: unknown[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) cells.push(row.getCell(3).value);
    });
    expect(cells).toContain("'报告.docx 表1'!B2");
    expect(cells.every((c) => typeof c === 'string')).toBe(true);
  });
});
