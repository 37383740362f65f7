import * as fs from 'fs';
import * as path from 'path';
import { checkReportText, extractMentions, findRepeatedFigures, similarKeys } from '../src/core/text';

const seedsDir = path.join(__dirname, 'fixtures', 'seeds');
const seed = (prefix: string): { name: string; text: string } => {
  const name = fs.readdirSync(seedsDir).find((f) => f.startsWith(prefix)) as string;
  return { name, text: fs.readFileSync(path.join(seedsDir, name), 'utf8') };
};

describe('the same figure stated twice with different values', () => {
  test('seed 001: 解决问题 6个 vs 56个 and 帮扶 4家 vs 34家, nothing else', () => {
    const { name, text } = seed('001_');
    const r = checkReportText(text, name);
    const repeated = r.findings.filter((f) => f.ruleId === 'text.repeated-figure');
    expect(repeated).toHaveLength(2);
    expect(repeated.map((f) => ({ severity: f.severity, values: f.values, cells: f.cells.map((c) => c.address) }))).toEqual([
      { severity: 'warning', values: [6, 56], cells: ['L19', 'L39'] },
      { severity: 'warning', values: [4, 34], cells: ['L19', 'L39'] },
    ]);
    expect(repeated[0].cells[0].sheet).toBe(name);
    expect(repeated[0].message['zh-CN']).toContain('帮助解决问题6个');
    expect(repeated[0].message['zh-CN']).toContain('解决实际问题56个');
    expect(repeated[1].message['zh-CN']).toContain('帮扶4家医院');
    expect(repeated[1].message['zh-CN']).toContain('帮扶34家医疗机构');
    expect(repeated[1].message['en-US']).toContain('line 19');
    expect(repeated[1].message['en-US']).toContain('line 39');
    // The passages were recognised as restatements through their shared figures.
    expect(r.repeated[0].anchors.map(([a]) => a.text)).toEqual(['84场次', '179家', '1200余名', '38条']);
    expect(r.repeated[1].anchors.map(([a]) => a.text)).toEqual(['20场次', '21个']);
  });

  test.each(['000_', '002_', '003_', '004_'])('seed %s: no repeated-figure warning', (prefix) => {
    const { name, text } = seed(prefix);
    expect(checkReportText(text, name).findings.filter((f) => f.ruleId === 'text.repeated-figure')).toEqual([]);
  });

  test('seed 000 non-cases: a subset and its whole named with the same words are not flagged', () => {
    // 发出处罚决定书85份 (medical cases) vs 发出处罚决定书129份 (all cases);
    // 罚没款共计70876元 (非法行医) vs 罚没款共计728588元 (all cases).
    const ms = extractMentions(seed('000_').text);
    const byText = (t: string) => ms.find((m) => m.text === t)!;
    expect(byText('85份').key).toBe(byText('129份').key);
    expect(byText('70876元').key).toBe(byText('728588元').key);
    expect(findRepeatedFigures(ms)).toEqual([]);
  });

  test('same words, different values, unrelated passages: not flagged', () => {
    const ms = extractMentions('一是开展培训2次，召开会议5次。二是开展培训3次，检查单位40家。');
    expect(findRepeatedFigures(ms)).toEqual([]);
  });

  test('approximate figures are never a conflict', () => {
    const text =
      '开展活动84场次,深入企业179家,向1200余名从业人员开展普法活动。\n开展活动84场次,深入企业179家,向1300余名从业人员开展普法活动。';
    expect(findRepeatedFigures(extractMentions(text))).toEqual([]);
  });

  test('a restated passage with a changed figure under different words is not flagged', () => {
    const text = '开展活动84场次,深入企业179家,排查问题21个。\n开展活动84场次,深入企业179家,整改隐患30个。';
    expect(findRepeatedFigures(extractMentions(text))).toEqual([]);
  });

  test('a named rate stated twice with different values is flagged wherever it stands', () => {
    const r = checkReportText('重大执法决定法制审核率100%。\n其他工作。\n全年重大执法决定法制审核率95%。', 'r.txt');
    expect(r.repeated.map((x) => x.basis)).toEqual(['rate']);
    expect(r.findings.map((f) => [f.ruleId, f.cells.map((c) => c.address)])).toEqual([['text.repeated-figure', ['L1', 'L3']]]);
    // Different rates are not compared.
    expect(findRepeatedFigures(extractMentions('处理完结率100%。群众满意率98.3%。'))).toEqual([]);
  });

  test('similarKeys', () => {
    expect(similarKeys('解决问题', '解决问题')).toBe(true);
    expect(similarKeys('发放宣传手册', '发放宣传资料')).toBe(false);
    expect(similarKeys('监督检查医疗机构', '检查医疗机构')).toBe(true);
    expect(similarKeys('排查问题', '解决问题')).toBe(false);
    expect(similarKeys('帮', '帮')).toBe(false);
  });
});
