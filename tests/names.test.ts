import { breakdownMarker, normalizeName, parseOutlineCode, parseYear, periodCoverage, sheetNameYear } from '../src/core/names';

describe('normalizeName', () => {
  const cases: Array<[string, string]> = [
    ['其中：公共场所卫生', '公共场所卫生'],
    ['其中:公共场所卫生', '公共场所卫生'],
    ['其中: 公共场所卫生', '公共场所卫生'],
    ['其中 公共场所卫生', '公共场所卫生'],
    ['其中公共场所卫生', '公共场所卫生'],
    ['其中，警告', '警告'],
    ['　　　生活饮用水卫生', '生活饮用水卫生'],
    ['   生活饮用水卫生  ', '生活饮用水卫生'],
    ['（１）法制审核率', '法制审核率'],
    ['(二)法制审核率', '法制审核率'],
    ['（一） 法制审核率', '法制审核率'],
    ['一、法制审核率', '法制审核率'],
    ['十二、法制审核率', '法制审核率'],
    ['1.法制审核率', '法制审核率'],
    ['1. 法制审核率', '法制审核率'],
    ['1、法制审核率', '法制审核率'],
    ['1)法制审核率', '法制审核率'],
    ['１．法制审核率', '法制审核率'],
    ['3.1 公共场所卫生', '公共场所卫生'],
    ['3.1公共场所卫生', '公共场所卫生'],
    ['4.2.1 放射卫生', '放射卫生'],
    ['3 国家双随机监督抽检任务', '国家双随机监督抽检任务'],
    ['①法制审核率', '法制审核率'],
    ['⑴法制审核率', '法制审核率'],
    ['⒈法制审核率', '法制审核率'],
    ['❶法制审核率', '法制审核率'],
    ['【一】法制审核率', '法制审核率'],
    ['3.1 其中：公共场所卫生', '公共场所卫生'],
    ['其中：（1）公共场所卫生', '公共场所卫生'],
    ['　　其中：　公共场所卫生', '公共场所卫生'],
    ['法制审核率：', '法制审核率'],
    ['法制审核率:', '法制审核率'],
    ['重大执法决定 法制审核 案件', '重大执法决定法制审核案件'],
    ['ＡＢＣ检测', 'abc检测'],
    ['12345热线投诉件数', '12345热线投诉件数'],
    ['12345 热线投诉', '12345热线投诉'],
    ['2022年处罚案件', '2022年处罚案件'],
    ['法制审核率(%)', '法制审核率(%)'],
    ['罚款金额（万元）', '罚款金额(万元)'],
    ['中医医疗机构', '中医医疗机构'],
    ['其中', ''],
    ['', ''],
    ['\u200B法制审核率', '法制审核率'],
  ];
  test.each(cases)('%p → %p', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  test('is idempotent', () => {
    for (const [input] of cases) {
      const once = normalizeName(input);
      expect(normalizeName(once)).toBe(once);
    }
  });

  test('does not throw on odd input', () => {
    for (const v of [null, undefined, 12, '\uD800', '\u0000其中', '其中'.repeat(100), '1.'.repeat(100)]) {
      expect(() => normalizeName(v as unknown as string)).not.toThrow();
    }
    expect(normalizeName(12 as unknown as string)).toBe('12');
  });
});

describe('breakdownMarker', () => {
  type R = ReturnType<typeof breakdownMarker>;
  const cases: Array<[string, R]> = [
    [
      '重大执法决定法制审核案件',
      { isBreakdown: false, partial: false, leadingSpaces: 0, clean: '重大执法决定法制审核案件' },
    ],
    ['其中：公共场所卫生', { isBreakdown: true, partial: false, leadingSpaces: 0, clean: '公共场所卫生' }],
    ['其中:公共场所卫生', { isBreakdown: true, partial: false, leadingSpaces: 0, clean: '公共场所卫生' }],
    ['其中公共场所卫生', { isBreakdown: true, partial: false, leadingSpaces: 0, clean: '公共场所卫生' }],
    ['　　　生活饮用水卫生', { isBreakdown: true, partial: false, leadingSpaces: 6, clean: '生活饮用水卫生' }],
    ['  学校卫生', { isBreakdown: true, partial: false, leadingSpaces: 2, clean: '学校卫生' }],
    ['　 学校卫生', { isBreakdown: true, partial: false, leadingSpaces: 3, clean: '学校卫生' }],
    [
      '3.1 其中：公共场所卫生',
      { isBreakdown: true, partial: false, leadingSpaces: 0, code: '3.1', clean: '公共场所卫生' },
    ],
    ['3.2 生活饮用水卫生', { isBreakdown: false, partial: false, leadingSpaces: 0, code: '3.2', clean: '生活饮用水卫生' }],
    ['4.2.1 放射卫生', { isBreakdown: false, partial: false, leadingSpaces: 0, code: '4.2.1', clean: '放射卫生' }],
    ['3 双随机抽检', { isBreakdown: false, partial: false, leadingSpaces: 0, code: '3', clean: '双随机抽检' }],
    ['3、双随机抽检', { isBreakdown: false, partial: false, leadingSpaces: 0, code: '3', clean: '双随机抽检' }],
    ['  3.1 公共场所', { isBreakdown: true, partial: false, leadingSpaces: 2, code: '3.1', clean: '公共场所' }],
    ['12345热线投诉', { isBreakdown: false, partial: false, leadingSpaces: 0, clean: '12345热线投诉' }],
    ['其中：行政许可、行政处罚等', { isBreakdown: true, partial: true, leadingSpaces: 0, clean: '行政许可、行政处罚等' }],
    ['其中：行政许可、行政处罚等：', { isBreakdown: true, partial: true, leadingSpaces: 0, clean: '行政许可、行政处罚等' }],
    ['其中主要有：行政许可', { isBreakdown: true, partial: true, leadingSpaces: 0, clean: '主要有:行政许可' }],
    ['其中包括部分行政许可', { isBreakdown: true, partial: true, leadingSpaces: 0, clean: '包括部分行政许可' }],
    ['其中：主要负责人', { isBreakdown: true, partial: true, leadingSpaces: 0, clean: '主要负责人' }],
    ['主要负责人', { isBreakdown: false, partial: false, leadingSpaces: 0, clean: '主要负责人' }],
    ['公共场所、学校等', { isBreakdown: false, partial: true, leadingSpaces: 0, clean: '公共场所、学校等' }],
    ['其中：男女平等', { isBreakdown: true, partial: false, leadingSpaces: 0, clean: '男女平等' }],
    ['', { isBreakdown: false, partial: false, leadingSpaces: 0, clean: '' }],
  ];
  test.each(cases)('%p', (label, expected) => {
    expect(breakdownMarker(label)).toEqual(expected);
  });

  test('does not throw on odd input', () => {
    for (const v of [null, undefined, 3, '\uD800', '\t其中']) {
      expect(() => breakdownMarker(v as unknown as string)).not.toThrow();
    }
    expect(breakdownMarker('\t其中：x')).toMatchObject({ isBreakdown: true, leadingSpaces: 1 });
  });
});

describe('parseOutlineCode', () => {
  const cases: Array<[unknown, string | undefined]> = [
    ['3', '3'],
    [3, '3'],
    ['3.1', '3.1'],
    [3.1, '3.1'],
    [3.10, '3.1'],
    [3.12, '3.12'],
    ['3.10', '3.10'],
    ['3.1.2', '3.1.2'],
    [' 3.1 ', '3.1'],
    ['3.', '3'],
    ['3、', '3'],
    ['３．１', '3.1'],
    [0, '0'],
    ['（一）', undefined],
    ['一', undefined],
    ['3.1a', undefined],
    ['3..1', undefined],
    ['', undefined],
    [-1, undefined],
    [NaN, undefined],
    [Infinity, undefined],
    [null, undefined],
    [true, undefined],
    [{ error: '#REF!' }, undefined],
  ];
  test.each(cases)('%p → %p', (input, expected) => {
    expect(parseOutlineCode(input)).toBe(expected);
  });
});

describe('parseYear', () => {
  const cases: Array<[unknown, number | undefined]> = [
    ['2022', 2022],
    ['2022年', 2022],
    ['2022年度', 2022],
    [2022, 2022],
    [' 2022 年 ', 2022],
    ['２０２２年', 2022],
    ['二〇二二年', 2022],
    ['二零二二年度', 2022],
    ['2022年1-10月', 2022],
    ['2022年1—10月', 2022],
    ['2022年（1-10月）', 2022],
    ['2022年上半年', 2022],
    ['2022年前三季度', 2022],
    ['2022年数据', 2022],
    ['2022年实际值', 2022],
    ['2021年', 2021],
    ['2022年目标', undefined],
    ['2022-2023', undefined],
    ['20221', undefined],
    ['202', undefined],
    ['1800年', undefined],
    ['3000', undefined],
    ['指标名称', undefined],
    ['Sheet1', undefined],
    [2022.5, undefined],
    [1800, undefined],
    [null, undefined],
    [undefined, undefined],
    [true, undefined],
    [{ error: '#N/A' }, undefined],
  ];
  test.each(cases)('%p → %p', (input, expected) => {
    expect(parseYear(input)).toBe(expected);
  });
});

describe('sheetNameYear', () => {
  const cases: Array<[string, number | undefined]> = [
    ['2022', 2022],
    ['2022年度', 2022],
    ['罗庄区2023年', 2023],
    ['统计表-2023', 2023],
    ['2023年报表', 2023],
    ['2023年度统计表', 2023],
    ['（2021）指标', 2021],
    ['二〇二二年指标', 2022],
    ['2021-2022对比', undefined],
    ['2021年与2022年', undefined],
    ['Sheet2000', undefined],
    ['表120231', undefined],
    ['指标', undefined],
    ['第3季度', undefined],
  ];
  test.each(cases)('%p → %p', (input, expected) => {
    expect(sheetNameYear(input)).toBe(expected);
  });
});

describe('periodCoverage', () => {
  const cases: Array<[unknown, 'full' | 'partial']> = [
    ['2022', 'full'],
    ['2022年', 'full'],
    ['2022年度', 'full'],
    ['2022年全年', 'full'],
    ['2022年1-12月', 'full'],
    ['一至十二月', 'full'],
    ['截至2022年12月31日', 'full'],
    ['2022年12月底', 'full'],
    ['2022年1-4季度', 'full'],
    ['2022年1-10月', 'partial'],
    ['2022年1—10月', 'partial'],
    ['2022年1~10月', 'partial'],
    ['2022年1月至10月', 'partial'],
    ['2022年1至10月', 'partial'],
    ['一至十月', 'partial'],
    ['1-10月份', 'partial'],
    ['2022年上半年', 'partial'],
    ['2022年下半年', 'partial'],
    ['2022年前三季度', 'partial'],
    ['2022年一季度', 'partial'],
    ['2022年第二季度', 'partial'],
    ['2022Q1', 'partial'],
    ['2022 H1', 'partial'],
    ['截至10月', 'partial'],
    ['截至2022年10月31日', 'partial'],
    ['2022年10月', 'partial'],
    [2022, 'full'],
    [null, 'full'],
  ];
  test.each(cases)('%p → %p', (input, expected) => {
    expect(periodCoverage(input)).toBe(expected);
  });
});
