import * as fs from 'fs';
import * as path from 'path';
import { checkReportText, extractClaims, extractMentions, type Claim } from '../src/core/text';

const claimsOf = (text: string): Claim[] => extractClaims(text, extractMentions(text)).claims;

interface FixtureItem {
  label: string;
  value: number;
  unit: string;
}
interface FixtureClaim {
  line: number;
  trigger: string;
  total: FixtureItem;
  parts: FixtureItem[];
  sum: number;
  verdict: Claim['verdict'];
}
interface FixtureIgnored {
  line: number;
  trigger: string;
  reason: string;
  why: string;
}
type Fixture = Record<string, { claims: FixtureClaim[]; ignored: FixtureIgnored[] }>;

const fixturesDir = path.join(__dirname, 'fixtures');
const fixture = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'seed-claims.json'), 'utf8')) as Fixture & { _comment?: string };
const seedNames = Object.keys(fixture).filter((k) => !k.startsWith('_'));

describe('seed reports: every 其中 claim', () => {
  test('the fixture covers the five seeds', () => {
    expect(seedNames.sort()).toEqual(fs.readdirSync(path.join(fixturesDir, 'seeds')).filter((f) => f.endsWith('.txt')).sort());
  });

  test.each(seedNames)('%s', (name) => {
    const text = fs.readFileSync(path.join(fixturesDir, 'seeds', name), 'utf8');
    const expected = fixture[name];
    const result = checkReportText(text, name);

    // Every 其中 in the seed is either a listed claim or a listed ignored trigger.
    const qizhong = text.split('其中').length - 1;
    const listed =
      expected.claims.filter((c) => c.trigger === '其中').length + expected.ignored.filter((c) => c.trigger === '其中').length;
    expect(listed).toBe(qizhong);

    // Exactly the listed claims, in order, with the hand-computed sums and verdicts.
    expect(result.claims.map((c) => ({
      line: c.line,
      trigger: c.trigger,
      total: { label: c.total.label, value: c.total.value, unit: c.total.unit },
      parts: c.parts.map((p) => ({ label: p.label, value: p.value, unit: p.unit })),
      sum: c.sum,
      verdict: c.verdict,
    }))).toEqual(expected.claims.map(({ line, trigger, total, parts, sum, verdict }) => ({ line, trigger, total, parts, sum, verdict })));
    for (const c of result.claims) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(c.ok).toBe(true);
    }

    // Nothing else: every other trigger the extractor saw is listed as ignored, with its reason.
    expect(result.skipped.map((s) => ({ line: s.line, trigger: s.trigger, reason: s.reason }))).toEqual(
      expected.ignored.map(({ line, trigger, reason }) => ({ line, trigger, reason })),
    );
    // The seeds' claims all add up: no claim finding.
    expect(result.findings.filter((f) => f.ruleId.startsWith('text.claim'))).toEqual([]);
  });
});

describe('verdicts', () => {
  test('parts above the total: error naming both numbers', () => {
    const text =
      '开展工作。\n累计完成国家双随机监督抽检任务209家，其中：公共场所卫生108家、生活饮用水12家、学校卫生12家、医疗卫生38家、放射卫生11家、传染病卫生28家、消毒卫生4家、职业卫生2家。';
    const r = checkReportText(text, 'report.txt');
    expect(r.claims).toHaveLength(1);
    const c = r.claims[0];
    expect(c).toMatchObject({ verdict: 'exceeds', ok: false, sum: 215, difference: 6, line: 2 });
    expect(r.findings).toHaveLength(1);
    const f = r.findings[0];
    expect(f).toMatchObject({ ruleId: 'text.claim-exceeds', severity: 'error', cells: [{ sheet: 'report.txt', address: 'L2' }] });
    expect(f.message['zh-CN']).toContain('第2行');
    expect(f.message['zh-CN']).toContain('209家');
    expect(f.message['zh-CN']).toContain('215家');
    expect(f.message['en-US']).toContain('Line 2');
    expect(f.message['en-US']).toContain('209家');
    expect(f.message['en-US']).toContain('215家');
    expect(f.values).toEqual([209, 215]);
  });

  test('parts below the total: a partial list is a warning', () => {
    const r = checkReportText('主动公开信息5548条，其中行政许可3706条、行政处罚259条。', 'r.txt');
    expect(r.claims[0]).toMatchObject({ verdict: 'short-partial', ok: false, sum: 3965, difference: -1583, complete: false });
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ ruleId: 'text.claim-partial', severity: 'warning' });
    expect(r.findings[0].message['zh-CN']).toContain('1,583条');
  });

  test('a short list read without 其中 is worded by what was listed, not by a marker the text does not have', () => {
    const r = checkReportText('累计追踪到密切接触者100人，已解除医学观察60人，尚在接受医学观察30人。', 'r.txt');
    expect(r.claims.map((c) => [c.verdict, c.reading])).toEqual([['short-partial', 'no-marker']]);
    const { message } = r.findings[0];
    expect(message['zh-CN']).toMatch(/^第1行：“累计追踪到密切接触者”为 100人，所列各项合计 90人，差 10人/);
    expect(message['en-US']).toContain('the listed parts add up to 90人, 10人 short');
    expect(message['zh-CN'] + message['en-US']).not.toContain('其中');
  });

  test.each([
    ['分别为', '共查处案件12件，分别为警告5件、罚款6件。'],
    ['共计…包括', '共计检查单位30家，包括医院10家、诊所15家。'],
    ['全部', '处罚案件20件，全部包括警告8件、罚款10件。'],
  ])('parts below the total when the wording says the list is complete (%s): error', (_, text) => {
    const r = checkReportText(text, 'r.txt');
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]).toMatchObject({ verdict: 'short', ok: false, complete: true });
    expect(r.findings[0]).toMatchObject({ ruleId: 'text.claim-short', severity: 'error' });
  });

  test('a 全部 after the list does not make it complete', () => {
    const r = checkReportText('处罚案件20件，其中警告8件、罚款10件，全部依法公示。', 'r.txt');
    expect(r.claims[0]).toMatchObject({ verdict: 'short-partial', complete: false });
  });

  test('approximate figures never make a claim fail', () => {
    const r = checkReportText('监督检查1900余家，其中医疗机构800家、公共场所900家。', 'r.txt');
    expect(r.claims[0]).toMatchObject({ verdict: 'approx', ok: true, sum: 1700 });
    expect(r.findings.map((f) => f.severity)).toEqual(['info']);
    const r2 = checkReportText('监督检查1000家，其中医疗机构800余家、公共场所900家。', 'r.txt');
    expect(r2.claims[0]).toMatchObject({ verdict: 'approx', ok: true });
    expect(r2.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('mixed units are not summed: warning', () => {
    const r = checkReportText('清理事项30项，其中行政许可20项、医疗机构8家。', 'r.txt');
    expect(r.claims[0]).toMatchObject({ verdict: 'mixed-units', sum: null, difference: null, ok: false });
    expect(r.findings[0]).toMatchObject({ ruleId: 'text.claim-mixed-units', severity: 'warning' });
    expect(r.findings[0].message['zh-CN']).toContain('项 / 家');
    // A total in another unit than its parts (家次 vs 家).
    const r2 = checkReportText('监督检查医疗机构736家次，其中医院12家、诊所30家。', 'r.txt');
    expect(r2.claims[0]).toMatchObject({ verdict: 'mixed-units', total: { value: 736, unit: '家次' } });
  });

  test('items of published information in 条, 篇 and 件 are added as one unit', () => {
    const over = checkReportText('全年发布政务信息40条，其中新闻稿12篇、通知公告20条、规范性文件9件。', 'r.txt');
    expect(over.claims[0]).toMatchObject({ verdict: 'exceeds', sum: 41, difference: 1 });
    expect(over.claims[0].note?.['zh-CN']).toContain('条 / 篇 / 件');
    const partial = checkReportText('网站公开信息90条，其中工作动态30篇；政策解读15条。', 'r.txt');
    expect(partial.claims[0]).toMatchObject({ verdict: 'short-partial', sum: 45 });
    // Not items of information: a total of another name, or parts in 个.
    expect(checkReportText('修订制度条款40条，其中新增12篇、删除30条。', 'r.txt').claims[0].verdict).toBe('mixed-units');
    expect(checkReportText('发布信息40条，其中专栏12个、动态30条。', 'r.txt').claims[0].verdict).toBe('mixed-units');
  });

  test('a first part that the last parts leave out explains an excess only when it is evidently of another dimension', () => {
    // 5 + 20 + 15 = 40 = the total, but the 2 before them is one more item of the list.
    expect(checkReportText('共受理咨询40件，其中电话咨询2件、网上咨询5件、来信咨询20件、来访咨询15件。', 'r.txt').claims[0].verdict).toBe('exceeds');
    expect(checkReportText('共受理咨询40件，其中门诊2件、网上5件、来信20件、来访15件。', 'r.txt').claims[0].verdict).toBe('exceeds');
    // A procedure listed before the penalties it counts again.
    const proc = checkReportText('作出行政处罚90件，其中听证程序3件，警告40件，罚款50件。', 'r.txt');
    expect(proc.claims[0]).toMatchObject({ verdict: 'ok', difference: 3 });
  });

  test('an excess explained exactly by a 并处/同时/另 item holds, with a note; a larger one is an error', () => {
    const after = checkReportText('处罚340件，其中警告37件、罚款303件，并处没收违法所得6件。', 'r.txt');
    expect(after.claims[0]).toMatchObject({ verdict: 'ok', sum: 346, difference: 6 });
    expect(after.claims[0].parts.map((p) => p.overlap ?? false)).toEqual([false, false, true]);
    expect(after.claims[0].note?.['zh-CN']).toContain('并处没收违法所得6件');
    expect(after.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    const inside = checkReportText('处罚340件，其中警告37件、罚款303件、同时没收违法所得6件。', 'r.txt');
    expect(inside.claims[0]).toMatchObject({ verdict: 'ok' });
    const besides = checkReportText('全县有各级各类学校66所，其中：中小学25所，幼儿园41所，另设有3所小学附设学前幼儿班。', 'r.txt');
    expect(besides.claims[0]).toMatchObject({ verdict: 'ok', difference: 3 });
    // Left out, the others still fall short: a list that may be partial.
    const short = checkReportText('处罚340件，其中警告30件、罚款303件，并处没收违法所得16件。', 'r.txt');
    expect(short.claims[0]).toMatchObject({ verdict: 'overlap' });
    expect(short.findings[0]).toMatchObject({ ruleId: 'text.claim-overlap', severity: 'warning' });
    const more = checkReportText('处罚340件，其中警告40件、罚款303件，并处没收违法所得6件。', 'r.txt');
    expect(more.claims[0]).toMatchObject({ verdict: 'exceeds', difference: 9 });
  });

  test('one part after 其中 is a subset: only part ≤ total is checked', () => {
    const r = checkReportText('查处案件106件，其中重大案件5件。', 'r.txt');
    expect(r.claims[0]).toMatchObject({ verdict: 'ok', ok: true, sum: 5 });
    expect(r.findings).toEqual([]);
    const bad = checkReportText('查处案件106件，其中重大案件120件。', 'r.txt');
    expect(bad.claims[0]).toMatchObject({ verdict: 'exceeds', difference: 14 });
  });

  test('money in 万元 with full-width digits, inside brackets', () => {
    const text = '全年罚没款总额１９９１．８万元（其中罚款1200.5万元、没收791.3万元），单个案件案值9264.18元。';
    const r = checkReportText(text, 'r.txt');
    expect(r.claims).toHaveLength(1);
    const c = r.claims[0];
    expect(c).toMatchObject({ verdict: 'ok', sum: 19918000, total: { value: 19918000, unit: '元', text: '１９９１．８万元' } });
    expect(c.text).toBe('全年罚没款总额１９９１．８万元（其中罚款1200.5万元、没收791.3万元）');
    expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  test('sums of a total in 万元 are shown in 万元', () => {
    const r = checkReportText('罚没款1991.8万元（其中罚款1300.5万元、没收791.3万元）', 'r.txt');
    expect(r.claims[0]).toMatchObject({ verdict: 'exceeds', sum: 20918000, difference: 1000000 });
    expect(r.findings[0].message['zh-CN']).toContain('合计 2,091.8万元，超出 100万元');
  });

  test('a list ends at a stronger separator: the next clause is not a part', () => {
    const r = checkReportText('全年政务服务办件量5404件，其中自然人4818件、法人586件，行政许可受理2554件。', 'r.txt');
    expect(r.claims[0].parts.map((p) => p.value)).toEqual([4818, 586]);
    expect(r.claims[0].verdict).toBe('ok');
  });

  test('a list separated by ； keeps 、 inside its labels', () => {
    const r = checkReportText('行政处罚120件（其中警告57件；罚款、没收违法所得62件；责令停产停业2件）。', 'r.txt');
    expect(r.claims[0].parts.map((p) => p.label)).toEqual(['警告', '罚款、没收违法所得', '责令停产停业']);
    expect(r.claims[0]).toMatchObject({ verdict: 'exceeds', sum: 121 });
  });

  test('其中 without a total or without numbers is skipped with a reason', () => {
    const r = checkReportText('其中警告5件、罚款6件。建立制度，包括回访制度、讨论制度。', 'r.txt');
    expect(r.claims).toEqual([]);
    expect(r.skipped.map((s) => s.reason)).toEqual(['no-total', 'no-parts']);
  });

  test('extractClaims works on its own, with the mentions it is given', () => {
    expect(claimsOf('办件量5404件（其中自然人4818件、法人586件）').map((c) => c.verdict)).toEqual(['ok']);
  });

  test('claims and findings serialise to JSON', () => {
    const r = checkReportText('处罚340件，其中警告37件、罚款303件。', 'r.txt');
    const back = JSON.parse(JSON.stringify({ claims: r.claims, findings: r.findings })) as { claims: Claim[] };
    expect(back.claims[0]).toMatchObject({ text: '处罚340件，其中警告37件、罚款303件', total: { label: '处罚', value: 340 }, sum: 340, ok: true });
  });
});
