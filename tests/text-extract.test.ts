import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { checkReportText, decodeReport, extractMentions, normalizePhrase, statedRates, type Mention } from '../src/core/text';

function only(text: string): Mention {
  const ms = extractMentions(text);
  expect(ms).toHaveLength(1);
  return ms[0];
}

describe('numeric mentions', () => {
  test('value, unit, phrase and offsets', () => {
    const text = '全面落实。\n2022年我局重大执法决定法制审核案件15件，审核率100%。';
    const ms = extractMentions(text);
    expect(ms.map((m) => [m.text, m.value, m.unit, m.phrase])).toEqual([
      ['15件', 15, '件', '2022年我局重大执法决定法制审核案件'],
      ['100%', 1, '%', '审核率'],
    ]);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(ms[0]).toMatchObject({ line: 2, column: 20, kind: 'count', approx: false, key: '重大执法决定法制审核案件' });
    expect(text.slice(ms[0].phraseStart, ms[0].start)).toBe('2022年我局重大执法决定法制审核案件');
    expect(ms[1]).toMatchObject({ percent: true, kind: 'rate' });
  });

  test('stated rates: 审核率100%, 化解率达100%, 满意率98.3%', () => {
    const ms = extractMentions('审核率100%。3件信访积案全部化解，化解率达100%；群众满意率98.3%，网上受理率超过98%。');
    const rates = statedRates(ms);
    expect(rates.map((m) => [m.phrase, m.value, m.approx])).toEqual([
      ['审核率', 1, false],
      ['化解率', 1, false],
      ['群众满意率', 0.983, false],
      ['网上受理率', 0.98, true],
    ]);
    expect(rates.every((m) => m.kind === 'rate')).toBe(true);
  });

  test.each([
    ['向1200余名从业人员开展普法', 1200, '名', '余'],
    ['发放宣传手册3000余份', 3000, '份', '余'],
    ['举办志愿服务活动 200 多场', 200, '场', '多'],
    ['收到群众投诉 500 余件', 500, '件', '余'],
    ['监管的医药机构超过600家', 600, '家', '超过'],
    ['监管医保参保人数近70万人', 700000, '人', '近'],
    ['发放各类宣传资料约150万份', 1500000, '份', '约'],
    ['会诊逾94万人次', 940000, '人次', '逾'],
    ['门诊就诊100万人次以上', 1000000, '人次', '以上'],
    ['压缩到法定审批时限的10%以内', 0.1, '%', '以内'],
    ['分别责令停业整顿7-15天', 15, '天', '7-'],
    ['每年住院病人12—13万人次左右', 130000, '人次', '左右'],
  ])('approximate: %s', (text, value, unit, marker) => {
    const m = only(text);
    expect(m).toMatchObject({ value, unit, approx: true, marker });
    expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  test.each([
    ['罚款94.23万元', 942300, '元'],
    ['预算2.45亿元用于', 245000000, '元'],
    ['累计罚款585,900元', 585900, '元'],
    ['依法公开执法处罚信息１０６条', 106, '条'],
    ['持证人员十二人', 12, '人'],
    ['开展了两次内部案件评审', 2, '次'],
    ['成功处置了“0315”“1004”三起本土疫情', 3, '起'],
    ['检查480余户次', 480, '户次'],
    ['暂停执业6个月', 6, '个月'],
  ])('value and unit: %s', (text, value, unit) => {
    const m = only(text);
    expect(m).toMatchObject({ value, unit });
  });

  test('Chinese numerals carry numeral: chinese; idioms and ordinals are not counts', () => {
    expect(only('持证人员十二人').numeral).toBe('chinese');
    const none = extractMentions(
      '一是强化学习，做到“两个维护”，落实“三项制度”，推进一次办、一窗办，第一责任人，第五轮巡查，第一、二次会议精神，市第一医院二期工程。',
    );
    expect(none.map((m) => m.text)).toEqual([]);
  });

  test('years, dates, codes, phone numbers and unit-less numbers are not mentions', () => {
    const text =
      '2022年7月，8月9日，11 月 4 日召开会议；12345平台；渝府办发〔2019〕85号；第329号；“4·15”；“12.4”宪法日；联系电话：68868967；2021-2025年；平均到场次数0.01；索引号lz217/2024-0000018。';
    expect(extractMentions(text).map((m) => m.text)).toEqual([]);
  });

  test('an ASCII comma between a unit and a word is a separator, not a thousands separator', () => {
    const ms = extractMentions('征求意见建议38条,帮助解决问题6个。');
    expect(ms.map((m) => [m.text, m.phrase])).toEqual([
      ['38条', '征求意见建议'],
      ['6个', '帮助解决问题'],
    ]);
  });

  test('the phrase stops at the previous mention and drops linking words', () => {
    const ms = extractMentions('调整行政许可等11类228项权责清单，罚没款共计728588元。');
    expect(ms.map((m) => [m.text, m.phrase, m.object])).toEqual([
      ['11类', '调整行政许可等', '228项权责清单'],
      ['228项', '', '权责清单'],
      ['728588元', '罚没款', ''],
    ]);
    expect(ms[1].key).toBe('权责清单'); // an empty phrase falls back to the words after the unit
  });

  test('normalizePhrase drops fillers but not characters of words', () => {
    expect(normalizePhrase('帮助解决问题')).toBe('解决问题');
    expect(normalizePhrase('解决实际问题')).toBe('解决问题');
    expect(normalizePhrase('在帮扶')).toBe('帮扶');
    expect(normalizePhrase('公共场所卫生')).toBe('公共场所卫生');
    expect(normalizePhrase('违反《中华人民共和国传染病防治法》的')).toBe('违反中华人民共和国传染病防治法');
    expect(normalizePhrase('2022年共查处各类卫生行政处罚案件')).toBe('查处各类卫生行政处罚案件');
  });

  test('CRLF line ends: lines are still counted', () => {
    const ms = extractMentions('第一行\r\n案件5件\r\n案件6件');
    expect(ms.map((m) => m.line)).toEqual([2, 3]);
    expect(ms[0].phrase).toBe('案件');
  });
});

describe('decodeReport', () => {
  test('UTF-8, with and without a BOM', () => {
    const bytes = new TextEncoder().encode('审核率100%');
    expect(decodeReport(bytes)).toBe('审核率100%');
    expect(decodeReport(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toBe('审核率100%');
  });

  test('GB18030 (GBK) bytes fall back from strict UTF-8', () => {
    // 中 D6D0, 文 CEC4; 审 C9F3, 核 BACB, 率 C2CA (GB2312 code points).
    expect(decodeReport(new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]))).toBe('中文');
    const gb = new Uint8Array([0xc9, 0xf3, 0xba, 0xcb, 0xc2, 0xca, 0x31, 0x30, 0x30, 0x25]);
    const text = decodeReport(gb);
    expect(text).toBe('审核率100%');
    expect(checkReportText(text, 'gbk.txt').mentions[0]).toMatchObject({ phrase: '审核率', value: 1, percent: true });
  });

  test('UTF-16LE and UTF-16BE with a BOM', () => {
    expect(decodeReport(new Uint8Array([0xff, 0xfe, 0x2d, 0x4e, 0x87, 0x65]))).toBe('中文');
    expect(decodeReport(new Uint8Array([0xfe, 0xff, 0x4e, 0x2d, 0x65, 0x87]))).toBe('中文');
  });
});

describe('robustness', () => {
  const alphabet = ['1', '2', '0', '5', '.', ',', '%', '万', '元', '件', '家', '余', '多', '约', '其中', '包括', '分别为', '并处', '、', '，', '；', '。', '（', '）', '(', ')', '：', '\n', '十', '二', '两', '第', '月', '日', '年', '-', '—', ' ', '率', '审核', '案件', '１', '．',
    // The reader's other words: subsets, references, dimensions, numbering, periods, shares.
    '（含', '在公开信息中，', '从类型看，', '\n(1)', '\n2.', '①', '上半年', '1-10月', '季度', '占比', '已处理', '其他', '“', '”', '条', '次', '项'];
  test('never throws; every offset points at what it claims', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        const r = checkReportText(text, 'fuzz.txt');
        for (const m of r.mentions) {
          expect(text.slice(m.start, m.end)).toBe(m.text);
          expect(Number.isFinite(m.value)).toBe(true);
        }
        for (const c of r.claims) {
          expect(text.slice(c.start, c.end)).toBe(c.text);
          expect(c.parts.length).toBeGreaterThan(0);
          expect(['ok', 'exceeds', 'short-partial', 'short', 'approx', 'mixed-units', 'overlap']).toContain(c.verdict);
        }
        for (const x of r.rates) {
          expect(text.slice(x.start, x.end)).toBe(x.text);
          expect(Number.isFinite(x.computed)).toBe(true);
        }
        for (const f of r.findings) expect(f.cells[0].address).toMatch(/^L\d+$/);
      }),
      { numRuns: 800 },
    );
  });

  test('a long report (the five seeds, 20 times over) is checked in reasonable time', () => {
    const dir = path.join(__dirname, 'fixtures', 'seeds');
    const one = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
    const text = new Array(20).fill(one).join('\n');
    const t0 = Date.now();
    const r = checkReportText(text, 'big.txt');
    const ms = Date.now() - t0;
    expect(r.claims.length).toBe(3 * 20);
    expect(ms).toBeLessThan(10000);
  });
});
