// The period a report covers (全年, 上半年, 1—10月, a quarter, a window of dates) and the period of
// each figure.
import { findPeriods } from '../src/core/text';
import { read } from './helpers/prose';

describe('the period of a report and of its figures', () => {
  test.each([
    ['全年共受理投诉30件。', { from: 1, to: 12, partial: false }],
    ['2024年度共受理投诉30件。', { year: 2024, from: 1, to: 12, partial: false }],
    ['上半年共受理投诉30件。', { from: 1, to: 6, partial: true }],
    ['2024年1-10月，共受理投诉30件。', { year: 2024, from: 1, to: 10, partial: true }],
    ['今年1—5月份，共受理投诉30件。', { from: 1, to: 5, partial: true }],
    ['2025年第三季度，共检查单位236家。', { year: 2025, from: 7, to: 9, partial: true }],
    ['本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。全年共受理投诉30件。', { year: 2024, from: 1, to: 12, partial: false }],
    ['现将2012年1月1日至7月1日情况通报如下：共报告数据62488份。', { year: 2012, from: 1, to: 6, partial: true }],
    // A numbered heading that is the title of the year's report.
    ['一、2023年工作总结\n（一）项目建设有序推进。目前，全县共有在建项目7个。', { year: 2023, from: 1, to: 12, partial: false }],
    // A table's title ending with its year in brackets, with the table's heading on the next line.
    ['表14—16 各类医院基本情况(2020年)\n指 标\n机构数\n全 市\n271', { year: 2020, from: 1, to: 12, partial: false }],
    // A page's read count before the window, and 零时 for 0时.
    ['发布时间:2019-10-12 阅读:231 次\n2019年7月(2019年7月1日零時至31日24時)全省共報告法定傳染病10703例。', { year: 2019, from: 7, to: 7, partial: true }],
    ['一、2025年推进法治政府建设的主要举措和成效\n（一）委党委中心组专题学习6次。', { year: 2025, from: 1, to: 12, partial: false }],
    // The first months of a year, in figures or in words; a page's dateline in figures gives the year.
    ['2020-05-07 23:49:23 中国消费者报\n今年前4个月，全省累计查办食品安全违法案件520件。', { year: 2020, from: 1, to: 4, partial: true }],
    ['2021年前十个月，全省累计查办案件520件。', { year: 2021, from: 1, to: 10, partial: true }],
  ])('%s', (text, period) => {
    const r = read(text);
    expect(r.period).toMatchObject(period);
    for (const m of r.mentions) expect(m.period).toMatchObject(period);
    for (const c of r.claims) expect(c.period).toMatchObject(period);
  });

  test('a partial period is said in an info finding', () => {
    const r = read('2024年1-10月，共受理投诉30件，其中医疗15件、公共场所15件。');
    expect(r.claims[0].period?.label).toBe('2024年1—10月');
    const f = r.findings.find((x) => x.ruleId === 'text.period-partial');
    expect(f).toMatchObject({ severity: 'info', cells: [{ sheet: 'r.txt', address: 'L1' }] });
    expect(f?.message['zh-CN']).toContain('不是全年');
  });

  test('a 上半年 inside an annual report is the period of its sentence only', () => {
    const r = read('2023年度，我局共受理投诉30件。上半年，开展检查12次。');
    expect(r.period).toMatchObject({ year: 2023, partial: false });
    expect(r.mentions.map((m) => m.period?.label)).toEqual(['2023年全年', '2023年1—6月']);
    expect(r.findings.filter((f) => f.ruleId === 'text.period-partial')).toEqual([]);
  });

  test.each([
    ['2021全年共受理投诉30件。', 2021],
    ['截止2019年12月31日，全年共发布信息45条。', 2019],
    ['2018年，我局扎实推进政务公开。\n（一）主动公开\n全年主动公开信息共88条。', 2018],
  ])('the year of a 全年 from a year without 年, a date that closes the year, or the report’s opening: %s', (text, year) => {
    const r = read(text);
    expect(r.period).toMatchObject({ year, from: 1, to: 12 });
    expect(r.mentions[0].period).toMatchObject({ year });
  });

  test('a year before a month, or a date inside the year, gives no year to 全年', () => {
    expect(read('2022年，按照要点推进。\n按照《政务公开要点》，全年共发布信息40条。').period?.year).toBe(2022);
    expect(read('一、总体情况\n2022年5月，召开会议。\n全年共发布信息40条。').period?.year).toBeUndefined();
    expect(read('截至2019年6月30日，全年共发布信息40条。').period?.year).toBeUndefined();
  });

  test.each([
    ['海门区卫生健康委员会2022年政府信息公开工作年度报告\n2022年累计归集信息690条。', { year: 2022, from: 1, to: 12 }],
    ['1、主动公开情况。2024年，淄川区卫生健康局共公开发布信息1017条。', { year: 2024, from: 1, to: 12 }],
    ['（二）依申请公开情况\n2025年我局累计受理依申请公开事项18件。', { year: 2025, from: 1, to: 12 }],
    ['【公共场所卫生监督】2017年，全省公共场所9.8万个，依法查处案件506件。', { year: 2017, from: 1, to: 12 }],
    ['2020年10月1日00:00--31日24:00，全省共报告法定传染病4476例。', { year: 2020, from: 10, to: 10 }],
    ['报告显示，2023年1月(2023年1月1日0时至1月31日24时)，全省共报告法定传染病86458例。', { year: 2023, from: 1, to: 1 }],
    // A count to a date runs from January; its year from a sentence that opens with one.
    ['首页>民生实事\n2022年10月份民生实事进度\n2022年省定民生实事。截至10月7日，全市共进行宫颈癌筛查68059人。', { year: 2022, from: 1, to: 10 }],
    ['截至2023年9月底，全县累计接种疫苗12万剂次。', { year: 2023, from: 1, to: 9 }],
  ])('a report title, a year that opens a sentence, and windows with times of day: %s', (text, period) => {
    expect(read(text).period).toMatchObject(period);
  });

  test('a report title cited inside a sentence, a year before its month, and 以来 set no period', () => {
    expect(read('主动公开了职责、2022年政府信息公开工作年度报告、财政预决算等信息51条。').period).toBeUndefined();
    expect(read('2024年以来，共受理投诉30件。').period).toBeUndefined();
  });

  test('dates of events are not periods', () => {
    expect(findPeriods('2022年7月8日召开会议，8月9日至8月15日开展检查。')).toEqual([]);
  });
});

describe('the period of a notice that opens with a count in words', () => {
  test('各盟市三个项目2010年1~5月完成情况: the period after the count in words is the report’s', () => {
    expect(read('现将各盟市三个项目2010年1~5月完成情况通报如下：今年共补助88491人。').period).toMatchObject({ year: 2010, from: 1, to: 5 });
    // A period before the count in words stays the report's.
    expect(read('2010年度工作报告共分七个部分。8月份，我局调整了领导小组，受理申请12件。').period).toMatchObject({ year: 2010, from: 1, to: 12 });
  });
});

describe('the year of a period written without one', () => {
  test('今年上半年 after a page’s dateline, 全年 after a plan named by its year', () => {
    expect(read('2016年07月06日 09:35\n北京市疾控中心7月5日通报，今年上半年，该市共报告痢疾、感染性腹泻等暴发疫情35起。').period).toMatchObject({ year: 2016, from: 1, to: 6 });
    expect(read('出处：《疾病预防控制通报》2022年第5期。方法 根据《2019年湖北省食品安全风险监测方案》开展监测。结果 全年监测食品样品330份。').period).toMatchObject({ year: 2019, from: 1, to: 12 });
  });
});
