import fc from 'fast-check';
import type { CellValue } from '../src/core/types';
import { formatNumber, parseChineseNumeral } from '../src/core/numerals';
import { isUnitText, unitKind, unitScale } from '../src/core/units';
import { parseCell, type ParsedValue } from '../src/core/values';

type Num = Extract<ParsedValue, { kind: 'number' }>;
type Approx = Extract<ParsedValue, { kind: 'approx' }>;

describe('parseCell: numbers pass through', () => {
  const cases: Array<[number, number]> = [
    [0, 0],
    [209, 0],
    [12, 0],
    [585900, 0],
    [99.4, 1],
    [9264.18, 2],
    [0.983, 3],
    [-3.5, 1],
    [1e21, 0],
    [1.5e-7, 8],
  ];
  test.each(cases)('%p → decimals %p', (v, decimals) => {
    expect(parseCell(v)).toEqual({ kind: 'number', value: v, percent: false, decimals });
  });

  test('float noise from formulas does not count as precision', () => {
    expect(parseCell(0.1 + 0.2)).toEqual({ kind: 'number', value: 0.1 + 0.2, percent: false, decimals: 1 });
  });

  test('-0 reads as 0', () => {
    const r = parseCell(-0) as Num;
    expect(Object.is(r.value, 0)).toBe(true);
  });

  test.each([NaN, Infinity, -Infinity])('%p → text with a reason', (v) => {
    const r = parseCell(v);
    expect(r.kind).toBe('text');
    if (r.kind === 'text') {
      expect(r.text).toBe(String(v));
      expect(r.reason['zh-CN']).toContain(String(v));
      expect(r.reason['en-US']).toContain(String(v));
    }
  });

  test.each([
    [true, 'TRUE'],
    [false, 'FALSE'],
  ])('boolean %p → text', (v, t) => {
    const r = parseCell(v);
    expect(r).toMatchObject({ kind: 'text', text: t });
    if (r.kind === 'text') expect(r.reason['en-US']).toContain(t);
  });
});

describe('parseCell: number formats', () => {
  const cases: Array<[number, string | undefined, Partial<Num>]> = [
    [0.983, '0.0%', { value: 0.983, percent: true, decimals: 1 }],
    [0.983, '0%', { value: 0.983, percent: true, decimals: 0 }],
    [1, '0%', { value: 1, percent: true, decimals: 0 }],
    [0.9022, '0.00%', { value: 0.9022, percent: true, decimals: 2 }],
    [0.6742, '0.00%;[Red]-0.00%', { value: 0.6742, percent: true, decimals: 2 }],
    [0.983, '0.##%', { value: 0.983, percent: true, decimals: 1 }],
    [12, '0.00', { value: 12, percent: false, decimals: 2 }],
    [585900, '#,##0', { value: 585900, percent: false, decimals: 0 }],
    [9264.18, '#,##0.00_);(#,##0.00)', { value: 9264.18, percent: false, decimals: 2 }],
    [9264.18, '0.0#', { value: 9264.18, percent: false, decimals: 2 }],
    [12.5, '0.0#', { value: 12.5, percent: false, decimals: 1 }],
    [99.4, 'General', { value: 99.4, percent: false, decimals: 1 }],
    [99.4, 'G/通用格式', { value: 99.4, percent: false, decimals: 1 }],
    [99.4, undefined, { value: 99.4, percent: false, decimals: 1 }],
    [99.4, '', { value: 99.4, percent: false, decimals: 1 }],
    [44927, 'yyyy-mm-dd', { value: 44927, percent: false, decimals: 0 }],
    [1234.5, '0.00E+00', { value: 1234.5, percent: false, decimals: 1 }],
    [12, '@', { value: 12, percent: false, decimals: 0 }],
    [12, '[$-804]0', { value: 12, percent: false, decimals: 0 }],
    // a unit written into the format is part of what the user sees
    [94.23, '0.00"万元"', { value: 942300, percent: false, decimals: -2, unit: '元' }],
    [106, '0"件"', { value: 106, percent: false, decimals: 0, unit: '件' }],
    [98.3, '0.0"%"', { value: 0.983, percent: true, decimals: 1 }],
    [12, '0"个百分点"', { value: 12, percent: false, decimals: 0 }],
  ];
  test.each(cases)('%p with %p', (v, fmt, expected) => {
    const r = parseCell(v, fmt);
    expect(r.kind).toBe('number');
    expect(r).toEqual({ kind: 'number', ...expected });
  });
});

describe('parseCell: text numbers', () => {
  const cases: Array<[string, Partial<Num>]> = [
    ['209', { value: 209, decimals: 0 }],
    ['585,900', { value: 585900, decimals: 0 }],
    ['585，900', { value: 585900, decimals: 0 }],
    [' 1 200 ', { value: 1200, decimals: 0 }],
    ['1 234 567', { value: 1234567, decimals: 0 }],
    ['1,234,567.89', { value: 1234567.89, decimals: 2 }],
    ['１０６', { value: 106, decimals: 0 }],
    ['１，２００．５', { value: 1200.5, decimals: 1 }],
    ['+12', { value: 12, decimals: 0 }],
    ['-12', { value: -12, decimals: 0 }],
    ['\u221212', { value: -12, decimals: 0 }],
    ['－12', { value: -12, decimals: 0 }],
    ['0', { value: 0, decimals: 0 }],
    ['0.0', { value: 0, decimals: 1 }],
    ['.5', { value: 0.5, decimals: 1 }],
    ['99.4', { value: 99.4, decimals: 1 }],
    ['1.2e3', { value: 1200, decimals: -2 }],
    ['12E0', { value: 12, decimals: 0 }],
    ['12\n', { value: 12, decimals: 0 }],
    ['\u200B12\uFEFF', { value: 12, decimals: 0 }],
    ['　１２　', { value: 12, decimals: 0 }],
  ];
  test.each(cases)('%p', (text, expected) => {
    expect(parseCell(text)).toEqual({ kind: 'number', percent: false, text, ...expected });
  });
});

describe('parseCell: percents as text', () => {
  const cases: Array<[string, number, number]> = [
    ['100%', 1, 0],
    ['98.3%', 0.983, 1],
    ['１００％', 1, 0],
    ['90.22%', 0.9022, 2],
    ['67.42%', 0.6742, 2],
    ['100.0%', 1, 1],
    ['0%', 0, 0],
    ['1.3 %', 0.013, 1],
    ['百分之百', 1, 0],
    ['百分之九十八', 0.98, 0],
  ];
  test.each(cases)('%p → %p (decimals %p)', (text, value, decimals) => {
    expect(parseCell(text)).toEqual({ kind: 'number', value, percent: true, decimals, text });
  });
});

describe('parseCell: multipliers and units', () => {
  const cases: Array<[string, number, number, string | undefined]> = [
    ['94.23万元', 942300, -2, '元'],
    ['1991.8万元', 19918000, -3, '元'],
    ['1991.8万', 19918000, -3, undefined],
    ['1.2亿元', 120000000, -7, '元'],
    ['3万', 30000, -4, undefined],
    ['3千元', 3000, -3, '元'],
    ['1.5百万', 1500000, -5, undefined],
    ['3万人次', 30000, -4, '人次'],
    ['9264.18元', 9264.18, 2, '元'],
    // Measures: areas, weights and lengths as bulletins write them.
    ['57.74万平方米', 577400, -2, '平方米'],
    ['12.5吨', 12.5, 1, '吨'],
    ['380公里', 380, 0, '公里'],
    ['2.6万亩', 26000, -3, '亩'],
    // Documents counted in 部 (规章11部).
    ['11部', 11, 0, '部'],
    ['585,900元', 585900, 0, '元'],
    ['106件', 106, 0, '件'],
    ['106 件', 106, 0, '件'],
    ['736家次', 736, 0, '家次'],
    ['179家', 179, 0, '家'],
    ['32541人', 32541, 0, '人'],
    ['84场次', 84, 0, '场次'],
    ['84场', 84, 0, '场'],
    ['188起', 188, 0, '起'],
    ['13次', 13, 0, '次'],
    ['106条', 106, 0, '条'],
    ['129份', 129, 0, '份'],
    ['1387户', 1387, 0, '户'],
    ['228项', 228, 0, '项'],
    ['33个', 33, 0, '个'],
    ['7名', 7, 0, '名'],
    ['11类', 11, 0, '类'],
    ['4所', 4, 0, '所'],
    ['3台', 3, 0, '台'],
    ['2例', 2, 0, '例'],
    ['5天', 5, 0, '天'],
    ['5日', 5, 0, '日'],
    ['1.5小时', 1.5, 1, '小时'],
    ['12宗', 12, 0, '宗'],
  ];
  test.each(cases)('%p → %p', (text, value, decimals, unit) => {
    const expected: Num = { kind: 'number', value, percent: false, decimals, text };
    if (unit) expected.unit = unit;
    expect(parseCell(text)).toEqual(expected);
  });
});

describe('parseCell: approximate figures are never errors', () => {
  const cases: Array<[string, number, string, string | undefined]> = [
    ['1900余', 1900, '余', undefined],
    ['1200余名', 1200, '余', '名'],
    ['约300', 300, '约', undefined],
    ['200多', 200, '多', undefined],
    ['200多人', 200, '多', '人'],
    ['500余件', 500, '余', '件'],
    ['近100', 100, '近', undefined],
    ['超过40', 40, '超过', undefined],
    ['40以上', 40, '以上', undefined],
    ['40人以上', 40, '以上', '人'],
    ['480余户次', 480, '余', '户次'],
    ['1900余万元', 19000000, '余', '元'],
    ['逾千', 1000, '逾', undefined],
    ['近万人', 10000, '近', '人'],
    ['12件左右', 12, '左右', '件'],
    ['大约 300 人', 300, '大约', '人'],
    ['约98%', 0.98, '约', undefined],
    ['十余家', 10, '余', '家'],
    ['一百多人', 100, '多', '人'],
  ];
  test.each(cases)('%p → %p %p', (text, value, marker, unit) => {
    const r = parseCell(text) as Approx;
    expect(r.kind).toBe('approx');
    expect(r.value).toBe(value);
    expect(r.marker).toBe(marker);
    expect(r.text).toBe(text);
    expect(r.unit).toBe(unit);
  });

  test('the full shape of 1200余名', () => {
    expect(parseCell('1200余名')).toEqual({
      kind: 'approx',
      value: 1200,
      percent: false,
      decimals: 0,
      unit: '名',
      marker: '余',
      text: '1200余名',
    });
  });

  test('percent approximations keep percent', () => {
    expect(parseCell('95%以上')).toEqual({
      kind: 'approx',
      value: 0.95,
      percent: true,
      decimals: 0,
      marker: '以上',
      text: '95%以上',
    });
  });
});

describe('parseCell: Chinese numerals', () => {
  const cases: Array<[string, number, string | undefined]> = [
    ['十二', 12, undefined],
    ['一百零六', 106, undefined],
    ['两千三百', 2300, undefined],
    ['十', 10, undefined],
    ['三万五千', 35000, undefined],
    ['〇', 0, undefined],
    ['零', 0, undefined],
    ['十二人', 12, '人'],
    ['一百零六件', 106, '件'],
    ['两次', 2, '次'],
    ['二十三', 23, undefined],
    ['一千零一十', 1010, undefined],
    ['壹佰零陆', 106, undefined],
  ];
  test.each(cases)('%p → %p', (text, value, unit) => {
    const expected: Num = { kind: 'number', value, percent: false, decimals: 0, text };
    if (unit) expected.unit = unit;
    expect(parseCell(text)).toEqual(expected);
  });

  test('a trailing 万 sets the precision like 12万 does', () => {
    expect(parseCell('十二万元')).toEqual({
      kind: 'number',
      value: 120000,
      percent: false,
      decimals: -4,
      unit: '元',
      text: '十二万元',
    });
  });

  test('三点五万', () => {
    expect(parseCell('三点五万')).toMatchObject({ kind: 'number', value: 35000, decimals: -3 });
  });

  test.each(['十十', '百百', '二百一百', '一二百', '万', '零零五十', '一般', '十二三'])('invalid %p → text', (text) => {
    expect(parseCell(text).kind).toBe('text');
  });
});

describe('parseChineseNumeral', () => {
  const cases: Array<[string, number | undefined]> = [
    ['十二', 12],
    ['一百零六', 106],
    ['两千三百', 2300],
    ['十', 10],
    ['三万五千', 35000],
    ['三万五', 35000],
    ['三万零五', 30005],
    ['一百五', 150],
    ['一百一十', 110],
    ['十万', 100000],
    ['一亿三千万', 130000000],
    ['三千五百万', 35000000],
    ['一万亿', 1e12],
    ['二〇二二', 2022],
    ['二零二二', 2022],
    ['〇', 0],
    ['零', 0],
    ['', undefined],
    ['十十', undefined],
    ['百', undefined],
    ['万', undefined],
    ['一二百', undefined],
    ['五百四百', undefined],
    ['万万', undefined],
    ['两两', undefined],
    ['abc', undefined],
  ];
  test.each(cases)('%p → %p', (s, v) => {
    expect(parseChineseNumeral(s)).toBe(v);
  });
});

describe('parseCell: missing values', () => {
  test.each([null, undefined as unknown as CellValue])('%p → missing without text', (v) => {
    expect(parseCell(v)).toEqual({ kind: 'missing' });
  });
  test.each(['', ' ', '   ', '\u3000\u3000', '\t\n'])('blank %p → missing', (v) => {
    expect(parseCell(v)).toEqual({ kind: 'missing' });
  });
  test.each(['—', '–', '-', '--', '——', '/', '无', '暂无', 'N/A', 'n/a', '空', ' — ', '－', '―', '\u2212', '／'])(
    '%p → missing with its text',
    (v) => {
      expect(parseCell(v)).toEqual({ kind: 'missing', text: v });
    },
  );
});

describe('parseCell: Excel errors', () => {
  const codes = ['#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA'];
  test.each(codes)('CellError %p', (code) => {
    expect(parseCell({ error: code })).toEqual({ kind: 'error', code });
  });
  test.each(codes)('string %p', (code) => {
    expect(parseCell(code)).toEqual({ kind: 'error', code });
  });
  test('string errors are trimmed and upper-cased', () => {
    expect(parseCell(' #div/0! ')).toEqual({ kind: 'error', code: '#DIV/0!' });
  });
  test('text merely containing an error is unreadable, not an error', () => {
    expect(parseCell('#DIV/0! 待补').kind).toBe('text');
    expect(parseCell('#REF').kind).toBe('text');
  });
  test('N/A without # is missing, #N/A is an error', () => {
    expect(parseCell('N/A').kind).toBe('missing');
    expect(parseCell('#N/A').kind).toBe('error');
  });
});

describe('parseCell: unreadable text', () => {
  test('the reason quotes the text', () => {
    expect(parseCell('见附件')).toEqual({
      kind: 'text',
      text: '见附件',
      reason: { 'zh-CN': '无法识别的数值“见附件”', 'en-US': 'Cannot read "见附件" as a number' },
    });
  });
  test.each([
    '见附件',
    '12件左右不详',
    '1.2.3',
    '1,2',
    '12,3456',
    '1 2',
    '10-20',
    'abc',
    '12kg',
    '3万%',
    '5.',
    '(1,200)',
    '不详',
    'TRUE',
    'Infinity',
    'NaN',
    '余',
    '约',
    '%',
    '3.5个百分点',
    '2022年1-10月',
  ])('%p → text', (text) => {
    const r = parseCell(text);
    expect(r.kind).toBe('text');
    if (r.kind === 'text') {
      expect(r.text).toBe(text);
      expect(r.reason['zh-CN'].length).toBeGreaterThan(0);
      expect(r.reason['en-US'].length).toBeGreaterThan(0);
    }
  });
  test('long texts are quoted shortened', () => {
    const long = '说明'.repeat(100);
    const r = parseCell(long);
    expect(r.kind).toBe('text');
    if (r.kind === 'text') {
      expect(r.text).toBe(long);
      expect(r.reason['zh-CN'].length).toBeLessThan(60);
      expect(r.reason['zh-CN']).toContain('…');
    }
  });
});

describe('parseCell: never throws, never a silent 0', () => {
  const nasty: unknown[] = [
    '\u0000',
    '\u0000123',
    '12\u0007',
    '\uD800',
    '12\uDC00',
    '\uD83D\uDE00',
    '9'.repeat(400),
    '9'.repeat(5000),
    '1' + '0'.repeat(308),
    '1e400',
    '1e-400',
    '0.' + '0'.repeat(350) + '1',
    '1,000,000,000,000,000,000,000,000',
    '零'.repeat(1000),
    '十'.repeat(1000),
    '#',
    '#'.repeat(3),
    '{}',
    { error: 42 },
    { foo: 'bar' },
    { richText: [{ text: '1' }, { text: '2' }] },
    { formula: 'A1+A2', result: 7 },
    { text: '106件', hyperlink: 'http://x' },
    new Date(0),
    [],
    Symbol('s'),
    () => 1,
    BigInt(3),
  ];
  test.each(nasty.map((v, i) => [i, v]))('input #%p does not throw', (_i, v) => {
    let r: ParsedValue | undefined;
    expect(() => {
      r = parseCell(v as CellValue);
    }).not.toThrow();
    expect(r).toBeDefined();
    if (r && (r.kind === 'number' || r.kind === 'approx')) {
      expect(Number.isFinite(r.value)).toBe(true);
    }
  });

  test('huge digit strings are kept finite or reported', () => {
    expect(parseCell('9'.repeat(400)).kind).toBe('text');
    const r = parseCell('1' + '0'.repeat(300)) as Num;
    expect(r.kind).toBe('number');
    expect(r.value).toBe(1e300);
  });

  test('underflow is reported, not read as 0', () => {
    expect(parseCell('1e-400').kind).toBe('text');
    expect(parseCell('0.' + '0'.repeat(350) + '1').kind).toBe('text');
  });

  test('defensive object shapes', () => {
    expect(parseCell({ richText: [{ text: '1' }, { text: '2' }] } as unknown as CellValue)).toMatchObject({ kind: 'number', value: 12 });
    expect(parseCell({ formula: 'A1+A2', result: 7 } as unknown as CellValue)).toMatchObject({ kind: 'number', value: 7 });
    expect(parseCell({ text: '106件' } as unknown as CellValue)).toMatchObject({ kind: 'number', value: 106, unit: '件' });
    expect(parseCell(new Date(0) as unknown as CellValue).kind).toBe('text');
  });

  test('a value is 0 only when the cell said 0', () => {
    const zeros = ['0', '０', '〇', '零', '0.00', '0%', '0件', '-0'];
    for (const z of zeros) {
      const r = parseCell(z);
      expect(r.kind).toBe('number');
      if (r.kind === 'number') expect(r.value).toBe(0);
    }
    const notZero = ['', '—', '无', '见附件', '#DIV/0!', 'abc', '约', null];
    for (const v of notZero) {
      const r = parseCell(v);
      expect(r.kind === 'number' || r.kind === 'approx').toBe(false);
    }
  });
});

describe('unitScale', () => {
  const cases: Array<[string | undefined, string, number]> = [
    ['万元', '元', 1e4],
    ['亿元', '元', 1e8],
    ['千元', '元', 1e3],
    ['百万元', '元', 1e6],
    ['元', '元', 1],
    ['%', '%', 1],
    ['％', '%', 1],
    ['百分比', '%', 1],
    ['件', '件', 1],
    ['家次', '家次', 1],
    ['万人次', '人次', 1e4],
    ['万人', '人', 1e4],
    ['万', '', 1e4],
    ['（万元）', '元', 1e4],
    ['单位：万元', '元', 1e4],
    // Blood units: 单位 alone is the unit, 单位：… a header's lead-in.
    ['万单位', '单位', 1e4],
    ['单位', '单位', 1],
    [' 件 ', '件', 1],
    ['千克', '千克', 1],
    ['', '', 1],
    [undefined, '', 1],
  ];
  test.each(cases)('%p → %p × %p', (unit, base, factor) => {
    expect(unitScale(unit)).toEqual({ base, factor });
  });
});

describe('blood in units', () => {
  test('a number in 单位 is a count; 单位 alone is still no unit a label may be', () => {
    expect(parseCell('49.5万单位')).toMatchObject({ kind: 'number', value: 495000, unit: '单位' });
    expect(unitKind('单位')).toBe('count');
    expect(parseCell('单位').kind).not.toBe('number');
    expect(isUnitText('单位')).toBe(false);
  });
});

describe('unitKind', () => {
  const byUnit: Array<[string, 'count' | 'rate' | 'money' | 'other']> = [
    ['件', 'count'],
    ['家', 'count'],
    ['人', 'count'],
    ['次', 'count'],
    ['条', 'count'],
    ['份', 'count'],
    ['户', 'count'],
    ['项', 'count'],
    ['个', 'count'],
    ['家次', 'count'],
    ['人次', 'count'],
    ['名', 'count'],
    ['起', 'count'],
    ['场', 'count'],
    ['场次', 'count'],
    ['类', 'count'],
    ['所', 'count'],
    ['台', 'count'],
    ['例', 'count'],
    ['万人次', 'count'],
    ['%', 'rate'],
    ['％', 'rate'],
    ['元', 'money'],
    ['万元', 'money'],
    ['亿元', 'money'],
    ['天', 'other'],
    ['小时', 'other'],
  ];
  test.each(byUnit)('unit %p → %p', (unit, kind) => {
    expect(unitKind(unit)).toBe(kind);
  });

  const byName: Array<[string | undefined, string, 'count' | 'rate' | 'money' | 'other']> = [
    [undefined, '法制审核率', 'rate'],
    [undefined, '全程网办占比', 'rate'],
    [undefined, '即办件比例', 'rate'],
    [undefined, '处罚案件数', 'count'],
    [undefined, '集中学法次数', 'count'],
    [undefined, '罚款处罚案件数', 'count'],
    [undefined, '罚款', 'money'],
    [undefined, '罚没款', 'money'],
    [undefined, '罚款金额', 'money'],
    [undefined, '普法经费', 'money'],
    [undefined, '平均罚款金额', 'money'],
    [undefined, '平均办理天数', 'other'],
    [undefined, '满意度指数', 'other'],
    [undefined, '罚款金额（万元）', 'money'],
    [undefined, '法制审核率(%)', 'rate'],
    [undefined, '持证人员（人）', 'count'],
    ['', '处罚案件数', 'count'],
    [undefined, '政务服务事项', 'count'],
    [undefined, '行政处罚案件', 'count'],
    [undefined, '持证执法人员', 'count'],
    [undefined, '监督检查医疗机构', 'count'],
    [undefined, '监督检查户次', 'count'],
    [undefined, '规范性文件', 'count'],
    [undefined, '行政处罚决定书', 'count'],
    [undefined, '行政处罚案件罚款金额', 'money'],
    [undefined, '案件办理平均天数', 'other'],
    [undefined, '执法证件', 'count'],
    [undefined, undefined as unknown as string, 'other'],
    // the unit wins over the name
    ['%', '罚款', 'rate'],
    ['件', '法制审核率', 'count'],
    ['元', '案件数', 'money'],
    // an unknown unit falls back to the name
    ['kg', '处罚案件数', 'count'],
  ];
  test.each(byName)('unit %p, name %p → %p', (unit, name, kind) => {
    expect(unitKind(unit, name)).toBe(kind);
  });
});

describe('formatNumber', () => {
  const cases: Array<[number, number | undefined, string]> = [
    [0.1 + 0.2, undefined, '0.3'],
    [585900, undefined, '585,900'],
    [19918000, undefined, '19,918,000'],
    [9264.18, undefined, '9,264.18'],
    [19918000 / 2150, 2, '9,264.19'],
    [1234567.891, undefined, '1,234,567.891'],
    [-1234.5, undefined, '-1,234.5'],
    [0, undefined, '0'],
    [-0, undefined, '0'],
    [12, 2, '12.00'],
    [1.005, 2, '1.01'],
    [2.5, 0, '3'],
    [-2.5, 0, '-3'],
    [999.995, 2, '1,000.00'],
    [-0.001, 2, '0.00'],
    [942300, -2, '942,300'],
    [0.983, undefined, '0.983'],
    [1e21, undefined, '1,000,000,000,000,000,000,000'],
    [1.5e-7, undefined, '0.00000015'],
    [123, 1.7, '123.0'],
    [NaN, undefined, 'NaN'],
    [Infinity, undefined, '∞'],
    [-Infinity, undefined, '-∞'],
    // The largest double (309 digits): rounding it to 15 digits would overflow; its own digits are kept.
    [Number.MAX_VALUE, undefined, `179,769,313,486,231,570${',000'.repeat((309 - 18) / 3)}`],
  ];
  test.each(cases)('%p (decimals %p) → %p', (v, d, s) => {
    expect(formatNumber(v, d)).toBe(s);
  });

  test('rounds the 15-digit decimal form half away from zero, as Intl does on that decimal string', () => {
    // Intl.NumberFormat reads a numeric string as an exact decimal: an independent rounding of the
    // same digits formatNumber rounds (0.1 + 0.2 is 0.3, 1.005 is 1.005).
    const formats = [0, 1, 2, 3, 4].map((d) => new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d, roundingMode: 'halfExpand' } as Intl.NumberFormatOptions));
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000), fc.integer({ min: -99999, max: 99999 }).map((n) => n / 100 + 0.005)),
        fc.integer({ min: 0, max: 4 }),
        (v, d) => {
          const exact = String(Number(v.toPrecision(15)));
          const expected = (formats[d].format(exact as unknown as number) as string).replace(/^-(0(\.0*)?)$/, '$1');
          expect(formatNumber(v, d)).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('parseCell: properties', () => {
  const KINDS = ['number', 'approx', 'missing', 'error', 'text'];
  const ALPHABET = Array.from(
    '0123456789０１２３４５６７８９.,，．%％+-−—– 　\t\n零〇一二两三四五六七八九十百千万亿点余多约近超过以上左右件家人次元名户#/!？无',
  );
  const texts = fc.oneof(
    fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 12 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 4 }),
    fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 300, maxLength: 420 }),
  );

  test('never throws; numbers are finite; 0 only when the text says 0', () => {
    fc.assert(
      fc.property(texts, (t) => {
        const r = parseCell(t);
        expect(KINDS).toContain(r.kind);
        if (r.kind === 'number' || r.kind === 'approx') {
          expect(Number.isFinite(r.value)).toBe(true);
          expect(Number.isInteger(r.decimals)).toBe(true);
          if (r.value === 0) expect(/[0０〇零]/.test(t)).toBe(true);
        }
        if (r.kind === 'text') {
          expect(r.reason['zh-CN']).not.toBe('');
          expect(r.reason['en-US']).not.toBe('');
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('any number cell, with any format, reads back as a finite number', () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(undefined, 'General', '0', '0.00', '#,##0', '0.0%', '0%', '0.00"万元"', 'yyyy', '0.0#'),
        (v, f) => {
          const r = parseCell(v, f);
          if (r.kind === 'number') {
            expect(Number.isFinite(r.value)).toBe(true);
          } else {
            expect(r.kind).toBe('text'); // only when a format multiplier overflows
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  test('formatted numbers read back as the same value', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 2 }), (n, d) => {
        const v = n / 10 ** d;
        const r = parseCell(formatNumber(v, d));
        expect(r.kind).toBe('number');
        if (r.kind === 'number') {
          expect(r.value).toBe(v);
          expect(r.decimals).toBe(d);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
