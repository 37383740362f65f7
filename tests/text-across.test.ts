// Figures compared across reports of one bureau (core/text/across.ts): the same indicator and
// period stated differently is a warning on both lines; different periods are not compared (an
// info says so); different bureaus, changes, approximations and ambiguous figures are left out.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/index';
import { compareReports, issuingBody } from '../src/core/text/across';
import { checkReportText } from '../src/core/text';

const report = (name: string, text: string) => ({ name, text, mentions: checkReportText(text, name).mentions });
const ids = (fs_: Array<{ ruleId: string }>) => fs_.map((f) => f.ruleId);

const FAZHI = '某某县卫生健康局2023年法治政府建设年度报告\n2023年，我局全年共办理行政处罚案件120件，其中警告50件、罚款70件。受理行政复议案件12件。';
const GONGKAI = '某某县卫生健康局2023年政府信息公开工作年度报告\n一、总体情况\n2023年，我局办理行政处罚案件125件，主动公开政府信息300条。';

describe('compareReports', () => {
  it('the same indicator and year stated differently in two reports of one bureau: a warning naming both lines and values', () => {
    const found = compareReports([report('法治.txt', FAZHI), report('公开.txt', GONGKAI)]);
    expect(ids(found)).toEqual(['text.across-reports']);
    const f = found[0];
    expect(f.severity).toBe('warning');
    expect(f.cells).toEqual([
      { sheet: '法治.txt', address: 'L2' },
      { sheet: '公开.txt', address: 'L3' },
    ]);
    expect(f.values).toEqual([120, 125]);
    expect(f.period).toBe('2023年全年');
    expect(f.message['zh-CN']).toContain('“法治.txt”第2行为 120件，“公开.txt”第3行为 125件');
    expect(f.message['en-US']).toContain('"法治.txt" line 2 says 120件, "公开.txt" line 3 says 125件');
  });

  it('agreeing figures give nothing; reports of different bureaus, or without a title naming one, are not compared', () => {
    expect(compareReports([report('a.txt', FAZHI), report('b.txt', GONGKAI.replace('125件', '120件'))])).toEqual([]);
    expect(compareReports([report('a.txt', FAZHI), report('b.txt', GONGKAI.replace('某某县', '另一县'))])).toEqual([]);
    expect(compareReports([report('a.txt', FAZHI), report('b.txt', GONGKAI.split('\n').slice(1).join('\n'))])).toEqual([]);
    expect(issuingBody(FAZHI)).toBe('某某县卫生健康局');
    expect(issuingBody('2023年工作总结')).toBeUndefined();
  });

  it('a figure of part of the year is not compared with the whole year: an info says so', () => {
    const partial = '某某县卫生健康局2023年1—10月法治工作情况\n2023年1—10月，我局办理行政处罚案件100件。';
    const found = compareReports([report('全年.txt', FAZHI), report('前十月.txt', partial)]);
    expect(ids(found)).toEqual(['text.across-reports-period']);
    expect(found[0].severity).toBe('info');
    expect(found[0].message['zh-CN']).toContain('期间不同，未比较');
    expect(found[0].message['zh-CN']).toContain('2023年1—10月');
  });

  it('last year\u2019s figure in this year\u2019s report is compared with last year\u2019s report; a change is not a level', () => {
    const last = '某某县卫生健康局2022年法治政府建设年度报告\n2022年，全年共办理行政处罚案件98件。';
    const thisYear = '某某县卫生健康局2023年法治政府建设年度报告\n2023年，全年共办理行政处罚案件120件。2022年办理行政处罚案件100件，较2022年增加20件。';
    const found = compareReports([report('2022.txt', last), report('2023.txt', thisYear)]);
    expect(ids(found)).toEqual(['text.across-reports']);
    expect(found[0].period).toBe('2022年全年');
    expect(found[0].values).toEqual([98, 100]);
    expect(compareReports([report('2022.txt', last.replace('98件', '100件')), report('2023.txt', thisYear)])).toEqual([]);
  });

  it('an indicator stated twice for one period in a report is ambiguous and left out; approximate figures are left out', () => {
    const twice = `${GONGKAI}\n其中，我局办理行政处罚案件3件涉及医疗美容。`;
    expect(compareReports([report('a.txt', FAZHI), report('b.txt', twice)])).toEqual([]);
    expect(compareReports([report('a.txt', FAZHI), report('b.txt', GONGKAI.replace('125件', '约125件'))])).toEqual([]);
  });
});

describe('on real reports', () => {
  const dir = path.join(__dirname, 'fixtures', 'seeds');
  const seeds = fs.readdirSync(dir).map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') }));

  it('finds the issuing bureau in the first lines', () => {
    expect(seeds.map((s) => issuingBody(s.text))).toEqual(['乐山市市中区卫生健康局', '罗庄区卫生健康局', '北碚区卫生健康委', '韶关市武江区卫生健康局', '嘉兴市卫生健康委员会']);
  });

  it('the two halves of each report, compared as two reports of its bureau, raise no disagreement', () => {
    for (const s of seeds) {
      const lines = s.text.split('\n');
      const half = Math.floor(lines.length / 2);
      const a = [...lines.slice(0, 8), ...lines.slice(8, half)].join('\n');
      const b = [...lines.slice(0, 8), ...lines.slice(half)].join('\n');
      expect([s.name, compareReports([report('前半.txt', a), report('后半.txt', b)])]).toEqual([s.name, []]);
    }
  });
});

describe('the command line compares the reports it is given', () => {
  it('two report texts of one bureau: the disagreement is in the JSON, on the first report', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'across-'));
    try {
      const a = path.join(dir, '法治.txt');
      const b = path.join(dir, '公开.txt');
      fs.writeFileSync(a, FAZHI);
      fs.writeFileSync(b, GONGKAI);
      let out = '';
      await main([a, b, '--format', 'json'], { stdout: (s) => void (out += s), stderr: () => undefined });
      const json = JSON.parse(out) as { files: Array<{ file: string; findings: Array<{ ruleId: string }> }> };
      expect(ids(json.files[0].findings)).toContain('text.across-reports');
      expect(ids(json.files[1].findings)).not.toContain('text.across-reports');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
