// Reading report prose the way a careful reader does: lines broken in mid-sentence, totals in an
// earlier sentence, nested and by-reference breakdowns, lists without a marker, （含…） subsets,
// separators and numbering, verdicts, and the shapes of bulletins, summaries and notices.
// Tables are in text-reading-tables, shares and rates in text-reading-shares, periods in
// text-reading-periods.
import { extractClaims, extractMentions, joinBrokenLines } from '../src/core/text';
import { read, claimsOf, summary } from './helpers/prose';

describe('lines broken in mid-sentence', () => {
  test('a line that does not end a sentence continues on the next; offsets and line numbers stay', () => {
    const text = '全年共查处案件12件，其中医疗机构5件，公\n共场所7件。';
    expect(joinBrokenLines(text)).toBe('全年共查处案件12件，其中医疗机构5件，公 共场所7件。');
    const r = read(text);
    expect(summary(r.claims)).toEqual(['12 = 5 + 7 ok']);
    expect(r.claims[0].parts[1].label).toBe('公共场所');
    expect(r.claims[0].line).toBe(1);
    expect(text.slice(r.claims[0].start, r.claims[0].end)).toBe(r.claims[0].text);
    const m = r.mentions.find((x) => x.value === 7);
    expect(m?.line).toBe(2);
  });

  test('a figure cut from its unit by the break is read whole', () => {
    const r = read('本年度共受理行政许可申请件数为1,000\n件，其中医师执业注册400件、护士执业注册600件。');
    expect(summary(r.claims)).toEqual(['1000 = 400 + 600 ok']);
  });

  test('breaks after 。；：, after headings and before numbered items are kept', () => {
    expect(joinBrokenLines('一、总体情况\n2023年，共办理10件。')).toBe('一、总体情况\n2023年，共办理10件。');
    expect(joinBrokenLines('共办理10件，其中：\n1.医疗机构4件；\n2.诊所6件。')).toBe('共办理10件，其中：\n1.医疗机构4件；\n2.诊所6件。');
    expect(joinBrokenLines('第一段。\n第二段')).toBe('第一段。\n第二段');
    expect(joinBrokenLines('为贯彻落实《全国卫生调查制度》和《\n卫生监督信息报告管理规定》的要求')).toBe(
      '为贯彻落实《全国卫生调查制度》和《 卫生监督信息报告管理规定》的要求',
    );
  });
});

describe('the total of a breakdown', () => {
  test('across a sentence boundary and an intervening clause', () => {
    const r = read('共受理许可1,000件，办结率100%。其中甲类300件、乙类700件。');
    expect(summary(r.claims)).toEqual(['1000 = 300 + 700 ok']);
    expect(r.claims[0]).toMatchObject({ reading: 'previous-sentence', trigger: '其中' });
  });

  test('the parts add up to another total of the sentence than the nearest one', () => {
    const r = read('共收到网民留言3059条，各部门收到1904条，各县区收到1155条，其中咨询类1160条、投诉类1859条、建言献策类40条。');
    const c = r.claims.find((x) => x.trigger === '其中');
    expect(c).toMatchObject({ total: { value: 3059 }, verdict: 'ok' });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a total written as two figures (收到6件，上年结转1件)', () => {
    const r = read('我委收到政府信息公开申请6件，上年结转1件，所有申请均依法办理。其中部分公开3件，不予公开1件，无法提供1件，不予处理1件，其他处理1件。');
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]).toMatchObject({ total: { value: 7, text: '6件+1件' }, sum: 7, verdict: 'ok' });
    expect(r.claims[0].note?.['zh-CN']).toContain('6件 + 1件');
  });
});

describe('nested breakdowns', () => {
  test('one claim per level', () => {
    const r = read('建议和提案共25件，其中人大建议9件，主办5件、会办4件；政协提案16件，主办7件、会办9件。');
    expect(summary(r.claims)).toEqual(['25 = 9 + 16 ok', '9 = 5 + 4 ok', '16 = 7 + 9 ok']);
    expect(r.claims.map((c) => c.reading)).toEqual(['marker', 'nested', 'nested']);
    expect(r.claims[1].parent).toBe(0);
    expect(r.claims[1].parts.map((p) => p.label)).toEqual(['主办', '会办']);
  });

  test('a nested level that does not add up is an error of that level only', () => {
    const r = read('建议和提案共25件，其中人大建议9件，主办5件、会办5件；政协提案16件，主办7件、会办9件。');
    expect(summary(r.claims)).toEqual(['25 = 9 + 16 ok', '9 = 5 + 5 exceeds', '16 = 7 + 9 ok']);
  });

  test('a part broken down after 包括 in the same list', () => {
    const r = read('2020年主动公开信息3639条。其中行政许可1225件，包括：医师执业注册335件、护士执业注册611件、医疗机构执业登记279件。其他事项2301项。');
    expect(summary(r.claims)).toEqual(['3639 = 1225 + 2301 mixed-units', '1225 = 335 + 611 + 279 ok']);
  });
});

describe('two breakdowns in one sentence', () => {
  test('a figure followed by its own 其中 is the next total, not a part of the list before it', () => {
    const r = read('今年共上报病例15例,其中甲类5例,乙类4例,丙类6例,完成随访登记230例,其中电话随访150例,上门随访80例。');
    expect(summary(r.claims)).toEqual(['15 = 5 + 4 + 6 ok', '230 = 150 + 80 ok']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Short lists stay partial: the next total is still not a part.
    const short = read('发布动态40条，其中图片新闻6条，视频新闻3条，转载文章210条，其中央媒100条，省媒110条。');
    expect(summary(short.claims)).toEqual(['40 = 6 + 3 short-partial', '210 = 100 + 110 ok']);
  });

  test('it stays a part where the list adds up with it', () => {
    const r = read('共办理事项30件，其中审批10件，备案20件，其中网上备案12件，窗口备案8件。');
    expect(summary(r.claims)).toEqual(['30 = 10 + 20 ok', '20 = 12 + 8 ok']);
  });

  test('a figure larger than the whole total, after parts that fit in it, starts a new subject', () => {
    const r = read('检查机构24家，其中医院10家，诊所8家，药店5家，覆盖从业单位300家。');
    expect(summary(r.claims)).toEqual(['24 = 10 + 8 + 5 short-partial']);
    // Right after the first part it is still an error of the list.
    expect(summary(read('受理投诉10件，其中医疗类3件、收费类12件。').claims)).toEqual(['10 = 3 + 12 exceeds']);
  });
});

describe('a list that goes on', () => {
  test('past a stronger separator, while the total has room for the items', () => {
    expect(summary(read('共收到意见60件，其中网站留言25件、信箱12件，热线电话8件。').claims)).toEqual(['60 = 25 + 12 + 8 short-partial']);
    expect(summary(read('共收到意见60件，其中网站留言25件，信箱12件；热线电话8件；来访4件。').claims)).toEqual(['60 = 25 + 12 + 8 + 4 short-partial']);
    // Items that do not fit in the total are another clause.
    expect(summary(read('共收到意见40件，其中网站留言25件、信箱12件，办结督办事项90件。').claims)).toEqual(['40 = 25 + 12 short-partial']);
  });

  test('into the next sentences when their figures make up exactly what the list lacks', () => {
    const r = read('全年发布信息300条，其中工作动态120条，通知公告80条。专题信息方面，疫情防控60条，健康科普40条。');
    expect(summary(r.claims)).toEqual(['300 = 120 + 80 + 60 + 40 ok']);
    expect(r.claims[0].parts.map((p) => p.label)).toEqual(['工作动态', '通知公告', '专题信息方面，疫情防控', '健康科普']);
    expect(summary(read('全年发布信息300条，其中工作动态120条，通知公告80条。另在专栏发布60条。再转载其他平台40条。').claims)).toEqual(['300 = 120 + 80 + 60 + 40 ok']);
    // Not exactly: the next sentence is left alone.
    expect(summary(read('全年发布信息300条，其中工作动态120条，通知公告80条。专题信息方面，疫情防控60条，健康科普30条。').claims)).toEqual(['300 = 120 + 80 short-partial']);
    // Nor across a paragraph, or with a figure of another unit.
    expect(summary(read('全年发布信息300条，其中工作动态120条，通知公告80条。\n专题信息方面，疫情防控60条，健康科普40条。').claims)).toEqual(['300 = 120 + 80 short-partial']);
    expect(summary(read('全年发布信息300条，其中工作动态120条，通知公告80条。专题信息方面，疫情防控60条，健康科普40篇。').claims)).toEqual(['300 = 120 + 80 short-partial']);
  });
});

describe('breakdowns by reference', () => {
  test('“A许可包括：…” after “A许可800件”', () => {
    const r = read('全年办理A许可800件，B许可300件。A许可包括：甲类300件、乙类500件。');
    expect(summary(r.claims)).toEqual(['800 = 300 + 500 ok']);
    expect(r.claims[0]).toMatchObject({ reading: 'reference', trigger: '包括' });
  });

  test('在X中 names an earlier figure', () => {
    const r = read('共制作信息30条，其中主动公开信息数24条；依申请公开信息数6条。在公开信息中，规划计划类4条；行政许可类11条；其他类9条。');
    expect(summary(r.claims)).toEqual(['30 = 24 + 6 ok', '24 = 4 + 11 + 9 ok']);
  });

  test('a paragraph that opens with 在X中 breaks down X of the paragraph before, past blank lines', () => {
    const r = read('全年主动公开政府信息482条，其中全文电子化达100%。\n\n  在主动公开的信息中，公开的内容主要有普发性文件、法规标准等。其中，政策法规类的信息25条，占总体的比例为6%；');
    expect(summary(r.claims)).toEqual(['482 = 25 ok']);
    // The share is then of that total: 25 / 482 = 5.19 %, not 6 %.
    expect(r.rates[0]).toMatchObject({ numerator: { value: 25 }, denominator: { value: 482 }, verdict: 'mismatch' });
    // A paragraph that names something the paragraph before does not count makes no claim.
    expect(read('全年主动公开政府信息482条。\n在依申请公开的事项中，办理情况良好。其中，当场答复25条。').claims).toEqual([]);
  });

  test('在X中 names a figure of the paragraph before whose words hold X in order; a figure inside 在…中 is the total', () => {
    const r = read('2009年度共主动公开政府信息238条,其中全文电子化达100%。\n在主动公开的信息中,法律法规类信息104条,占43.70%;动态类信息134条,占56.30 %。');
    // The two shares of the whole 238 add up to 100 %: a claim of shares beside the claim of counts.
    expect(summary(r.claims)).toEqual(['238 = 104 + 134 ok', '1 = 0.437 + 0.563 ok']);
    expect(r.rates.map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['104/238 ok', '134/238 ok']);
    // The characters of X out of order name nothing (信息公开 is not 公开…信息): the figures are read as
    // the paragraph's items, for their exact sum alone.
    expect(read('共主动公开政府信息238条。\n在信息公开的事项中,法律法规类104条,动态类134条。').claims.map((c) => c.reading)).toEqual(['no-marker']);
    expect(read('共主动公开政府信息238条。\n在信息公开的事项中,法律法规类104条,动态类130条。').claims).toEqual([]);
    // 在已公开的52条…中: the list is of that 52, and one short of it is a partial list.
    const inside = read('在已公开的52条区卫生局政府信息中,机构职能9条,规划计划12条,行政许可1条,医疗就业13条,应急管理2条,公共卫生4条,抢险救灾1条,工作动态9 条,其他应');
    expect(summary(inside.claims)).toEqual(['52 = 9 + 12 + 1 + 13 + 2 + 4 + 1 + 9 short-partial']);
    // A year in 在…中 is no count.
    expect(read('在2024年工作中,办理许可10件,备案5件。').claims).toEqual([]);
  });

  test('a paragraph that opens with X中 breaks down the earlier figure named X; 其中 inside an item breaks down that item', () => {
    const r = read(
      '据第七次全国人口普查，平湖市常住人口为671326人。\n\n平湖市常住人口中，0-14岁人口为76761人，占11.43%；15-59岁人口为446848人，占66.56%；60岁及以上人口为147717人，占22.00%，其中65岁及以上人口为108726人，占16.20%。',
    );
    expect(summary(r.claims)).toEqual(['671326 = 76761 + 446848 + 147717 ok', '147717 = 108726 ok', '1 = 0.1143 + 0.6656 + 0.22 ok']);
    // Words that name no earlier figure open nothing: 120 is not broken down (整改3个 is a part of 发现问题5个).
    expect(summary(read('全年共开展监督检查120次。\n日常监督工作中，发现问题5个，整改3个。').claims)).toEqual(['5 = 3 ok']);
  });

  test('a 其中 that opens a line breaks down the line before; items of two units under two totals give a claim per unit', () => {
    const r = read(
      '全县累计核销补偿参合人员25537人次，累计补偿金额2510.16万元。\n其中，住院补偿9545人次，补偿支出2302.35万元；门诊补偿15874人次，补偿支出135.69万元，重大疾病保障补偿2人次，补偿支出3.5万元；发放2011年度住院大病补充补偿166人次，补偿支出87.41万元。',
    );
    expect(summary(r.claims)).toEqual(['25537 = 9545 + 15874 + 2 + 166 exceeds', '25101600 = 23023500 + 1356900 + 35000 + 874100 exceeds']);
    // One figure of the other unit after a list is no breakdown of that unit's total before.
    const one = read('已募集基金305.19万元，救助2679户困难家庭。其中，死亡家庭223户，伤残家庭164户，其他困难家庭2292户，发放基金总额达253.9万元。');
    expect(summary(one.claims)).toEqual(['2679 = 223 + 164 + 2292 ok']);
  });

  test('groups whose labels name earlier totals', () => {
    const r = read('2023年共承办人大建议3件、政协提案14件。其中，人大建议主办2件，协办1件；政协提案主办8件，协办6件。');
    expect(summary(r.claims)).toEqual(['3 = 2 + 1 ok', '14 = 8 + 6 ok']);
    expect(r.claims.every((c) => c.reading === 'reference')).toBe(true);
  });
});

describe('lists without a marker', () => {
  test('“行政复议案件4件，撤销1件，维持3件” → 4 = 1 + 3', () => {
    const r = read('行政复议案件4件，撤销1件，维持3件。');
    expect(summary(r.claims)).toEqual(['4 = 1 + 3 ok']);
    expect(r.claims[0]).toMatchObject({ reading: 'no-marker', trigger: '' });
  });

  test('a figure after a larger one of its unit is a total when three or more figures after it make it up exactly', () => {
    const text = '文化执法部门共检查棋牌室和娱乐场所252家，查处问题场所26家，对14家问题场所责令改正，对4家场所拟立案调查，对8家问题场所拟立案处罚。';
    expect(summary(read(text).claims)).toEqual(['26 = 14 + 4 + 8 ok']);
    // Two figures that happen to make it up are no breakdown of a sibling.
    expect(read('共检查场所252家，查处问题场所26家，责令改正20家，立案6家。').claims).toEqual([]);
  });

  test('个, the general counter, counts documents too: 信息共13件，12个工作文件、1个政策解读', () => {
    expect(summary(read('2025年度在门户网站主动公开政府信息共13件，12个工作文件、1个政策解读。').claims)).toEqual(['13 = 12 + 1 ok']);
    // Places in 个 are no documents of a total in 件.
    expect(read('受理投诉13件，涉及12个乡镇、1个街道。').claims.filter((c) => c.total.value === 13)).toEqual([]);
  });

  test('the same count again by another verb (收到申请4条，回复4条) is the total restated, and the figures after it its parts', () => {
    expect(summary(read('2025年，我局收到政府信息公开申请4条，回复4条，予以公开3条，1条因不属于本行政机关负责公开无法提供。').claims)).toEqual(['4 = 3 + 1 ok']);
  });

  test('the parts in the next sentence', () => {
    expect(summary(read('28家医疗卫生单位全面完成创建。最终评定出6家五星级单位，17家四星级单位和5家三星级单位。').claims)).toEqual(['28 = 6 + 17 + 5 ok']);
  });

  test('only an exact sum makes a claim: figures side by side are not a breakdown', () => {
    expect(read('开展党组集体学习18场次，支部开展“三会一课”102场次，读书会活动3场次。').claims).toEqual([]);
    expect(read('主动公开行政处罚信息47条，行政许可信息1143条，医疗机构许可47条，通知公告46条。').claims).toEqual([]);
    // A figure that continues a list of its unit is no total of the figures after it.
    expect(read('医疗卫生6件；公共安全2件；拆迁征收1件；城市建设1件。').claims).toEqual([]);
  });

  test('the parts before their total: “新收17件，上年结转3件，总计20件”, and a second breakdown of it', () => {
    const r = read('2025年，我局新收政府信息公开申请17件，上年结转3件，总计20件。截至目前，已办结19件，剩余1件结转下年办理。');
    expect(summary(r.claims)).toEqual(['20 = 17 + 3 ok', '20 = 19 + 1 ok']);
    expect(r.claims[0]).toMatchObject({ reading: 'total-after', trigger: '' });
    expect(r.claims[0].parts.map((p) => p.label)).toEqual(['我局新收政府信息公开申请', '上年结转']);
    expect(r.claims[0].text).toBe('我局新收政府信息公开申请17件，上年结转3件，总计20件');
    // A total short of its parts is no such claim: nothing but the exact sum says they are its parts.
    expect(read('新收申请17件，上年结转3件，共21件。').claims).toEqual([]);
    // 累计 sums over years, not over the figures before it.
    expect(read('本年新建5所，改建3所，累计8所。').claims.filter((c) => c.reading === 'total-after')).toEqual([]);
  });

  test('a breakdown of the same total after a first one, past the sentences of the first', () => {
    const r = read(
      '2025年新收63件，上一年度结转1件，共计64件。其中，通过信函提交申请的6件，占比9.38%；当面提交申请的7件，占比10.94%；通过网站提交申请的51件，占比79.68%。公民个人提出申请62件，占比96.88%；法人或其他组织提出申请2件，占比3.12%。',
    );
    expect(summary(r.claims)).toEqual(['64 = 63 + 1 ok', '64 = 6 + 7 + 51 ok', '64 = 62 + 2 ok', '1 = 0.0938 + 0.1094 + 0.7968 ok', '1 = 0.9688 + 0.0312 ok']);
    // Two sentences past a list of another total, the same figures are not read as a breakdown.
    expect(summary(read('共受理64件。其中信函6件、当面58件。全年查处案件10件，其中简易程序4件，一般程序6件。今年新办62件，结转2件。').claims)).toEqual([
      '64 = 6 + 58 ok',
      '10 = 4 + 6 ok',
    ]);
  });

  test('a list after 从…看 breaks down the earlier total', () => {
    const r = read('一季度共收到来信20件，回复率100%。\n从来信类型看，咨询类5件(25%)；投诉类12件(60%)；求助类3件(15%)。');
    expect(summary(r.claims)).toEqual(['20 = 5 + 12 + 3 ok', '1 = 0.25 + 0.6 + 0.15 ok']);
    expect(r.claims.map((c) => c.reading)).toEqual(['dimension', 'share-sum']);
  });
});

describe('more shapes of a breakdown', () => {
  test('a bracket after a figure that lists its parts is a nested breakdown of it', () => {
    const r = read('今年由我局承办的建议提案共18件,其中人大代表建议5件(主办3件,协办2件),政协委员提案13件(主办8件,协办5件),主要涉及卫生人才。');
    expect(summary(r.claims)).toEqual(['18 = 5 + 13 ok', '5 = 3 + 2 ok', '13 = 8 + 5 ok']);
    expect(r.claims[1]).toMatchObject({ reading: 'nested', parent: 0 });
    expect(r.claims[1].parts.map((p) => p.label)).toEqual(['主办', '协办']);
    // Figures above the one before the bracket are not its breakdown; a bracket of shares is none either.
    expect(summary(read('受理投诉5件(涉及医院3件,诊所4件)。').claims)).toEqual([]);
    expect(summary(read('受理投诉50件(同比增长10%)。').claims)).toEqual([]);
  });

  test('later clauses named as the rest (另外, 其余) complete the list when they make the total exactly', () => {
    const r = read('2025年我局累计受理依申请公开事项18件，其中1件因于年底提交，按规定结转至下一年度办理，另外2件申请人主动撤销，其余15件均按期答复。');
    expect(summary(r.claims)).toEqual(['18 = 1 + 2 + 15 ok']);
    // Without an exact sum they stay out: the first part alone is a subset.
    expect(summary(read('受理申请18件，其中1件因年底提交，按规定结转下年办理，另外2件申请人撤销，其余14件按期答复。').claims)).toEqual(['18 = 1 ok']);
  });

  test('a top-N list (居前五位的是) is a selection of the total, with its shares checked', () => {
    const r = read('本月咨询来电2132件次，居前五位的是：寻医问药858件次，占总咨询的40.24%；医患矛盾363件次，占总咨询的17.03%；其他300件次，占总咨询的14.04%。');
    expect(summary(r.claims)).toEqual(['2132 = 858 + 363 + 300 short-partial']);
    expect(r.rates.map((x) => [x.numerator.value, x.denominator.value, x.verdict])).toEqual([
      [858, 2132, 'ok'],
      [363, 2132, 'ok'],
      [300, 2132, 'mismatch'],
    ]);
  });

  test('本月来信中 names the earlier total of 来信, across a heading', () => {
    const r = read('8月，“市长信箱”共收到群众来信434件。\n一、办理情况\n本月来信中，反映公共服务类16件，城市管理类406件，表扬感谢12件。');
    expect(summary(r.claims)).toEqual(['434 = 16 + 406 + 12 ok']);
    expect(r.claims[0].reading).toBe('reference');
    // Without such a total the words are ordinary: 本月工作中 opens no list.
    expect(read('本月工作中，检查医院16家，诊所20家。').claims).toEqual([]);
  });

  test('其中，X最多，达N: the first part named in a clause of its own; an average per day is no part', () => {
    const r = read('12320共受理各类服务请求21690件次。其中，卫生防病咨询数量最多，达11243件次；违法行医举报投诉2318件次；医疗卫生投诉94件次；平均每天近900件次。');
    expect(summary(r.claims)).toEqual(['21690 = 11243 + 2318 + 94 short-partial']);
  });

  test('lines of a label, a colon and a figure under 其中：', () => {
    const r = read('全省共报告法定传染病4476例，死亡4例。其中：\n甲类:0例\n乙类:3042例,死亡4例,共占99.38%。\n丙类:1434例,无死亡。');
    expect(summary(r.claims)).toEqual(['4476 = 0 + 3042 + 1434 ok']);
  });

  test('累计 inside the label of a part does not end the list', () => {
    expect(summary(read('共公开发布信息1017条，其中政策文件11条，医疗服务类信息132条，下属医疗机构累计发布更新信息874条。').claims)).toEqual(['1017 = 11 + 132 + 874 ok']);
  });
});

describe('（含…） is a subset, not a summand', () => {
  test('the bracketed part is not added to the list', () => {
    const r = read('处罚案件50件，其中警告20件（含简易程序5件）、罚款30件。');
    expect(summary(r.claims)).toEqual(['50 = 20 + 30 ok', '20 = 5 ok']);
    expect(r.claims[1].trigger).toBe('含');
  });

  test('a subset larger than its whole is an error', () => {
    expect(summary(read('处罚案件50件（含简易程序60件）。').claims)).toEqual(['50 = 60 exceeds']);
  });
});

describe('items after a list, 含 without brackets, figures per head', () => {
  test('items after a stronger separator complete the list when they make up the total exactly', () => {
    expect(summary(claimsOf('共有床位900张，其中医院床位600张、卫生院床位250张，疾控床位50张，每千常住人口床位数5.2张。'))).toEqual(['900 = 600 + 250 + 50 ok']);
  });

  test('，含… breaks the item before it down, and figures per head of population are no parts', () => {
    expect(summary(claimsOf('共有职工3000人，其中卫生技术人员2400人，含医师900人、护士1100人，每千常住人口医师数、护士数分别为3.1人、3.8人。'))).toEqual([
      '3000 = 2400 ok',
      '2400 = 900 + 1100 short-partial',
    ]);
  });

  test('（包含…） is a subset like （含…）, and a 其中 in the next sentence skips the figures in brackets', () => {
    expect(summary(claimsOf('受理投诉500起，其中自办120起（包含上级转办5起），转办380起。其中查实的90起。')).sort()).toEqual([
      '120 = 5 ok',
      '500 = 120 + 380 ok',
      '500 = 90 ok',
    ]);
  });

  test('a figure given 各 counts once per name', () => {
    expect(summary(claimsOf('本地病例30例（甲区6例，乙区、丙区和丁区各5例，戊区和己区各4.5例）。'))).toEqual(['30 = 6 + 5 + 5 + 5 + 4.5 + 4.5 ok']);
    expect(summary(claimsOf('共受理12件，其中甲科和乙科各3件，丙科6件。'))).toEqual(['12 = 3 + 3 + 6 ok']);
  });

  test('分布在 opens a breakdown of the figure before it', () => {
    expect(summary(claimsOf('全年报告病例64例，分布在：东区30例，西区20例，南区和北区各7例。'))).toEqual(['64 = 30 + 20 + 7 + 7 ok']);
  });

  test('the figure of an earlier period is no total of the next sentence’s breakdown', () => {
    expect(summary(claimsOf('全年报告病例310例，较上年同期（520例）下降40.4%。其中，输入病例40例，本地病例270例。'))).toEqual(['310 = 40 + 270 ok']);
  });

  test('排在前两位的是 lists a selection, and 人 and 例 both count people', () => {
    const r = read('对2400例伤者按原因分析，排在前两位的是：交通事故1200人，占比50%；跌倒600人，占比25%。');
    expect(summary(r.claims)).toEqual(['2400 = 1200 + 600 short-partial']);
    expect(r.rates.map((x) => [x.numerator.value, x.denominator.value, x.verdict])).toEqual([
      [1200, 2400, 'ok'],
      [600, 2400, 'ok'],
    ]);
  });

  test('items that count something else end the list (调派救护车…次 after 电话…个), and 按…统计 breaks down the total before it', () => {
    const r = read('共受理电话5000个。其中，急救电话2100个，同比增长5%；调派救护车900次；救治患者800人。按病因统计，创伤300人、中毒100人。');
    expect(summary(r.claims)).toEqual(['5000 = 2100 ok', '800 = 300 + 100 short-partial']);
  });

  test('其中X最多，有N件: the first part in a clause of its own', () => {
    expect(summary(claimsOf('全年立案查处案件500件。其中无证行医最多，有320件。'))).toEqual(['500 = 320 ok']);
  });

  test('a figure of another measure between the parts is a note on an item, not a part', () => {
    expect(summary(claimsOf('主动公开信息90条，其中网站发布30条，公众号发布50条，阅读量12000人次，报纸发布10条。'))).toEqual(['90 = 30 + 50 + 10 ok']);
    // 全县有… opens another subject; 人 is not what the 所 of the total counts.
    expect(summary(claimsOf('乡镇卫生院15所，其中中心卫生院6所，有在职职工700人，全县有村卫生室120个。'))).toEqual(['15 = 6 ok']);
    // In a 、 list a figure of another unit is an item of the list: the units are mixed.
    expect(summary(claimsOf('清理事项30项，其中行政许可20项、医疗机构8家。'))).toEqual(['30 = 20 + 8 mixed-units']);
  });

  test('完成两剂次接种 and 两针接种 say how many doses each person had; the people are the parts of the doses', () => {
    const text = '湖北省累计报告接种新冠病毒疫苗632.23万剂次，其中已完成两剂次接种87.77万人，完成第1剂次接种544.46万人。上海接种的总人数达245.8万人，其中4.6万人已完成两针接种。';
    expect(summary(read(text).claims)).toEqual(['6322300 = 877700 + 5444600 ok', '2458000 = 46000 ok']);
  });

  test('doses in 剂次; 两剂次接种率 is the name of a rate, not two doses; CT2户 is a count', () => {
    const r = read('累计接种疫苗9000剂次，其中第一剂次4600人，第二剂次4400人，两剂次接种率为95.65%。');
    expect(r.mentions.map((m) => `${m.value}${m.unit}`)).toEqual(['9000剂次', '4600人', '4400人', '0.9565%']);
    // Counts in two units that add up exactly hold, with a note on the units.
    expect(summary(r.claims)).toEqual(['9000 = 4600 + 4400 ok']);
    expect(read('其中开展CT2户、DR3户，执行GB5749标准。').mentions.map((m) => `${m.value}${m.unit}`)).toEqual(['2户', '3户']);
  });

  test('a second breakdown of a total an earlier list made up exactly may overlap: a warning, not an error', () => {
    const r = read('放射诊疗机构5户，其中公立3户，民营2户。其中开展CT3户、DR2户、X射线2户。');
    expect(summary(r.claims)).toEqual(['5 = 3 + 2 ok', '5 = 3 + 2 + 2 overlap']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('places in their own unit with a part counted by 个: 97家单位(含11个乡镇) is a subset, not mixed units', () => {
    expect(summary(read('全县97家参与创建单位(含11个乡镇)全部完成创建。').claims)).toEqual(['97 = 11 ok']);
  });

  test('institutions counted in 间', () => {
    expect(summary(claimsOf('全区有卫生机构50间，其中医院3间、卫生院7间，村卫生室40间。'))).toEqual(['50 = 3 + 7 + 40 ok']);
  });
});

describe('bulletins: changes, ranks, statistics in series', () => {
  test('digits grouped by spaces, as journals print them', () => {
    expect(summary(claimsOf('共有5 120例纳入研究，其中男性2 600例、女性2 520例。'))).toEqual(['5120 = 2600 + 2520 ok']);
  });

  test('digits grouped by spaces keep their decimals (2 704 577.60元)', () => {
    expect(summary(claimsOf('行政处罚总金额为2 704 577.60元，其中传染病行政处罚73 320.00元、职业卫生行政处罚1 200 000.50元。'))).toEqual([
      '2704577.6 = 73320 + 1200000.5 short-partial',
    ]);
  });

  test('a change against last month and the figure it is compared with are no parts', () => {
    expect(summary(claimsOf('本月共受理来电3000件。其中，咨询类1800件、投诉类900件、其他类(包括挪车、求助)300件，总来电数相较1月份的4200件减少了1200件。'))).toEqual([
      '3000 = 1800 + 900 + 300 ok',
    ]);
  });

  test('a clause that only ranks an item (位居第二位) does not end the list', () => {
    expect(summary(claimsOf('救治病人900人次。其中，外伤400人次，位居首位，心脑血管疾病300人次，位居第二位，中毒100人次，位居第三位。'))).toEqual([
      '900 = 400 + 300 + 100 short-partial',
    ]);
  });

  test('从…分析 breaks down the figure before it of the same unit', () => {
    expect(summary(claimsOf('出车600次，救治500人。从地区分析：甲区出车250次；乙区出车200次；丙区出车150次。'))).toEqual(['600 = 250 + 200 + 150 ok']);
  });

  test('the increase of a total is broken down with it; an increase is never the total of the parts', () => {
    expect(summary(claimsOf('全市床位3000张，比上年增加200张，其中医院床位2000张，比上年增加150张，基层床位1000张，比上年增加50张。'))).toEqual([
      '3000 = 2000 + 1000 ok',
      '200 = 150 + 50 ok',
    ]);
  });

  test('a nil clause first (本月无甲类…；), and an item with two figures gives the one the total counts', () => {
    expect(summary(claimsOf('本月报告传染病900例，其中，本月无甲类传染病报告；乙类传染病报告12种900例。'))).toEqual(['900 = 900 ok']);
  });

  test('figures of one word under qualifiers, after a figure of that word, are its breakdown when exact', () => {
    const text = '其中：医院出院20万人次，基层出院12万人次。\n公立医院出院14万人次，同比增加2%；民营医院出院6万人次，同比减少1%。';
    expect(summary(claimsOf(text))).toEqual(['200000 = 140000 + 60000 ok']);
    // Not exact: not claimed.
    expect(claimsOf('医院出院20万人次。\n公立医院出院13万人次；民营医院出院6万人次。')).toEqual([]);
  });

  test('a figure without a unit takes its siblings’ (政策解读13，部门会议5), or its subset’s before a bracket', () => {
    expect(read('其中，机构职能2条，部门文件6条，政策解读13，部门会议5；').mentions.map((m) => `${m.value}${m.unit}`)).toEqual(['2条', '6条', '13条', '5条']);
    expect(read('共收到建议提案80(含交办3件)。').mentions.map((m) => `${m.value}${m.unit}`)).toEqual(['80件', '3件']);
  });

  test('one total broken down twice, the lists separated by ；, each adding up: a claim each', () => {
    expect(summary(claimsOf('共收到建议提案80件。其中，人大建议30件、政协提案50件；主办45件，会办35件。'))).toEqual(['80 = 30 + 50 ok', '80 = 45 + 35 ok']);
  });
});

describe('more shapes of information-disclosure and 法治 reports', () => {
  test('全部 of another verb does not make a one-part 其中 a complete list', () => {
    const r = read('全年共接件3000件，全部在承诺时限内办结，其中行政审批事项办结60件。');
    expect(summary(r.claims)).toEqual(['3000 = 60 ok']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a (其中…) bracket after words breaks down the figure before it; a figure of the parts’ unit nearer wins', () => {
    expect(summary(claimsOf('查处违法行为30起，其中28起已结案（其中警告20家、罚款8家）、2起在办；抽检50家，合格48家。'))).toEqual([
      '30 = 28 + 2 ok',
      '28 = 20 + 8 ok',
      '50 = 48 ok',
    ]);
    expect(summary(claimsOf('行政处罚100件，罚款50万元（其中警告40件；罚款60件）。'))).toEqual(['100 = 40 + 60 ok']);
  });

  test('a figure without a unit before its 其中 takes its parts’ unit; items of published information add across 条 and 件', () => {
    const r = read('累计发布各类信息1500，其中在政府网站发布400条；累计承办投诉举报平台1100件。');
    expect(r.mentions[0]).toMatchObject({ value: 1500, unit: '条' });
    expect(summary(r.claims)).toEqual(['1500 = 400 + 1100 ok']);
    // A clause of another subject does not complete a list, even when it would add up.
    expect(summary(claimsOf('共主动公开100条，其中网站发布60条，公示37条，2021年信箱共收到来信3件。'))).toEqual(['100 = 60 + 37 short-partial']);
  });

  test('a 其中 after ；breaks down a figure of the clauses before it', () => {
    expect(summary(claimsOf('全市育龄妇女5000人，同比减少300人；其中已婚育龄妇女3600人。'))).toEqual(['5000 = 3600 ok']);
  });
});

describe('separators and numbering', () => {
  test('a bracket of its own after an item is a note on it; the items 分别为 names are all parts, one with a 其中 of its own too', () => {
    const r = read('全县医疗卫生机构共184家，其中县直单位7个；乡镇卫生院10所，社区卫生服务中心1家，民营医院8家，(一级6家，二级2家)，村卫生室、个体诊所共135个。');
    expect(summary(r.claims)[0]).toBe('184 = 7 + 10 + 1 + 8 + 135 mixed-units');
    const listed = read('今天新增23名排查人员，分别为公安推送19人，社区排查23人，其中海口市返回4人、西安市返回2人。');
    expect(summary(listed.claims)).toEqual(['23 = 19 + 23 exceeds', '23 = 4 + 2 short-partial']);
    // Without 分别为, a last item that opens a breakdown of its own is that breakdown's total (…开展…121条，其中…).
    expect(summary(read('共发布信息12条，其中政策6条，动态3条，通知3条，开展宣传121次，其中义诊78次。').claims)[0]).toBe('12 = 6 + 3 + 3 ok');
  });

  test('、 ， and ； lists, with 、 inside a quoted name', () => {
    expect(summary(read('共发布信息70条，其中工作动态20条、通知公告30条、“双随机、一公开”结果20条。').claims)).toEqual(['70 = 20 + 30 + 20 ok']);
    expect(summary(read('共发布信息70条，其中工作动态20条，通知公告30条，结果20条。').claims)).toEqual(['70 = 20 + 30 + 20 ok']);
    expect(summary(read('共发布信息70条，其中工作动态20条；通知公告30条；结果20条。').claims)).toEqual(['70 = 20 + 30 + 20 ok']);
  });

  test('shares and growth figures beside the parts are annotations, not parts', () => {
    const r = read('全区共受理14916件，同比上升46.5%。其中：市长信箱908件，同比下降6.7%；区长信箱3267件，同比上升54.1%；区长公开电话10741件，同比上升42.4%。');
    expect(summary(r.claims)).toEqual(['14916 = 908 + 3267 + 10741 ok']);
    expect(r.rates).toEqual([]);
  });

  test('changes against another period (比上年增加, 同比减少, 较去年多) are no parts', () => {
    const r = read('共办理投诉500件，其中医疗类320件，比上年增加45件；公共卫生类150件，同比减少12件；其他30件，较去年多3件。');
    expect(summary(r.claims)).toEqual(['500 = 320 + 150 + 30 ok']);
    const bad = read('受理申请88件，其中网上申请60件，较上年度下降9件；现场申请30件。');
    expect(summary(bad.claims)).toEqual(['88 = 60 + 30 exceeds']);
    // Nor parts of a list without a marker.
    expect(read('行政复议案件6件，比上年减少2件，维持4件。').claims).toEqual([]);
  });

  test('a figure of another unit beside a part (金额, 人次) describes it and is no part', () => {
    const r = read('公开采购信息100条，其中招标公告60条；中标公告25条，中标金额320万元；合同公告15条。');
    expect(summary(r.claims)).toEqual(['100 = 60 + 25 + 15 ok']);
    const persons = read('共开展培训42场，其中线上培训20场；线下培训18场，培训1500人次；专题讲座4场。');
    expect(summary(persons.claims)).toEqual(['42 = 20 + 18 + 4 ok']);
  });

  test('numbered items, one a line (1. 2. and (1) (2)): the figure of the total’s unit in each', () => {
    const a = read('共公开信息16次，发布公告3个，其中包括：\n(1)信用评价结果公示6次，内容为评价结果6份；\n(2)备案表公示10次，内容为备案表2份。');
    expect(summary(a.claims)).toEqual(['16 = 6 + 10 ok']);
    const b = read('共办理10件，其中：\n1.医疗机构4件；\n2.诊所每季度1次，共6件。');
    expect(summary(b.claims)).toEqual(['10 = 4 + 6 ok']);
  });

  test('numbering inside a line: （1） and ①', () => {
    expect(summary(read('共办理10件，其中：（1）医疗机构4件；（2）诊所6件。').claims)).toEqual(['10 = 4 + 6 ok']);
    expect(read('共办理10件，其中：（1）医疗机构4件；（2）诊所6件。').claims[0].parts.map((p) => p.label)).toEqual(['医疗机构', '诊所']);
    expect(summary(read('共办理10件，其中①医疗机构4件、②诊所6件。').claims)).toEqual(['10 = 4 + 6 ok']);
  });

  test('a long list (25 items) after “。其中，” is read whole', () => {
    const items = Array.from({ length: 25 }, (_, i) => `类别${String.fromCharCode(0x4e00 + i * 7)}${i + 1}条`);
    const total = (25 * 26) / 2;
    const r = read(`全年共发布信息${total}条。其中，${items.join('、')}。`);
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0].parts).toHaveLength(25);
    expect(r.claims[0]).toMatchObject({ total: { value: total }, sum: total, verdict: 'ok' });
  });

  test('a figure whose unit the writer dropped inside a 、 list takes the list’s unit', () => {
    const r = read('共报告数据62488份，其中数据来源最多的分别是甲市31987份、乙市8001、丙市5453份。');
    expect(r.claims[0].parts.map((p) => p.value)).toEqual([31987, 8001, 5453]);
    expect(r.claims[0].parts[1]).toMatchObject({ unit: '份', text: '8001' });
  });
});

describe('verdicts', () => {
  test('leading parts that equal the total, then parts of another dimension: holds, with a note naming them', () => {
    const r = read('处罚案件200件，其中警告50件，罚款150件，没收违法所得4件，听证9件。');
    const c = r.claims[0];
    expect(c).toMatchObject({ verdict: 'ok', ok: true, sum: 213, difference: 13 });
    expect(c.parts.map((p) => p.overlap ?? false)).toEqual([false, false, true, true]);
    expect(c.note?.['zh-CN']).toContain('没收违法所得4件、听证9件');
    expect(c.note?.['en-US']).toContain('another dimension');
    expect(r.findings.filter((f) => f.ruleId.startsWith('text.claim'))).toEqual([]);
  });

  test('a part that says how cases ended beside one that says what they were may overlap it: a warning, not an error', () => {
    const r = read('两级医调会受理医疗纠纷2525起，其中涉及死亡507起，成功调处2288起。');
    expect(summary(r.claims)).toEqual(['2525 = 507 + 2288 overlap']);
    expect(r.claims[0].note?.['zh-CN']).toContain('成功调处2288起');
    // Two kinds of case above the total stay an error.
    expect(summary(read('受理医疗纠纷2525起，其中涉及死亡507起，涉及伤残2288起。').claims)).toEqual(['2525 = 507 + 2288 exceeds']);
  });

  test('figures printed rounded (亿, 0.1万) may miss their total by the rounding of each; exact counts may not', () => {
    expect(summary(read('全国医疗卫生机构总诊疗13.8亿人次，其中医院4.8亿人次，基层医疗卫生机构8.7亿人次，其他机构0.4亿人次。').claims)).toEqual([
      '1380000000 = 480000000 + 870000000 + 40000000 ok',
    ]);
    expect(summary(read('共诊疗138人次，其中医院48人次，基层87人次，其他4人次。').claims)).toEqual(['138 = 48 + 87 + 4 exceeds']);
  });

  test('a list that ends with the rest (其他信息) says it is complete: short of its total is an error; 其他感染性腹泻 is a kind, not the rest', () => {
    const r = read('累计发布各类信息603条，涵盖政务动态24条、社会救助455条、养老服务15条、其他信息105条。');
    expect(summary(r.claims)).toEqual(['603 = 24 + 455 + 15 + 105 short']);
    expect(r.findings.filter((f) => f.severity === 'error')).toHaveLength(1);
    expect(summary(read('丙类传染病共报告1349例，其中流感768例、手足口病414例、其他感染性腹泻104例。').claims)).toEqual(['1349 = 768 + 414 + 104 short-partial']);
  });

  test('具体包括 that opens a paragraph after a blank line breaks down the figure before; …等其他信息 is the rest', () => {
    const text = '我局通过泗水县政府门户网站主动公开信息83条。\n\n具体包括履职依据1条，法规文件1条，通知公告3条，机构职能1条，建议提案10条，行政执法公示18条，优化营商环境集成23条，法定主动公开内容等其他信息20条。';
    expect(summary(read(text).claims)).toEqual(['83 = 1 + 1 + 3 + 1 + 10 + 18 + 23 + 20 short']);
  });

  test('leading parts that equal the total, then more parts of the same kind: still an error', () => {
    // 108+12+12+38+11+28 = 209, but 消毒卫生 and 职业卫生 are inspections of the same kind.
    const r = read('双随机抽检任务209家，其中：公共场所卫生108家、生活饮用水12家、学校卫生12家、医疗卫生38家、放射卫生11家、传染病卫生28家、消毒卫生4家、职业卫生2家。');
    expect(r.claims[0].verdict).toBe('exceeds');
    // 警告58 + 罚款62 = 120, but 责令停产停业 is a penalty like them.
    expect(read('行政处罚120件（其中警告58件；罚款62件；责令停产停业1件）。').claims[0].verdict).toBe('exceeds');
  });

  test('leading parts that equal the total, then parts of an unknown kind: a warning to verify, never an error', () => {
    const r = read('共检查单位300家，其中医院100家，诊所200家，药店12家。');
    expect(r.claims[0]).toMatchObject({ verdict: 'overlap', ok: false });
    expect(r.claims[0].note?.['zh-CN']).toContain('药店12家');
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['text.claim-subset', 'warning']]);
    expect(r.findings[0].message['zh-CN']).toContain('请核实');
  });

  test('parts above the total that nothing explains: error', () => {
    expect(read('处罚340件，其中警告40件、罚款310件。').claims[0]).toMatchObject({ verdict: 'exceeds', difference: 10 });
  });

  test('parts below the total: a warning, an error only when the wording says the list is complete', () => {
    expect(read('主动公开信息5548条，其中行政许可3706条、行政处罚259条。').claims[0].verdict).toBe('short-partial');
    expect(read('共查处案件12件，分别为警告5件、罚款6件。').claims[0].verdict).toBe('short');
    // 最多的…分别是 lists a selection, not every part.
    const top = read('共报告数据62488份，其中数据来源最多的盟市分别是甲市31987份、乙市8001份、丙市5453份。').claims[0];
    expect(top).toMatchObject({ verdict: 'short-partial', complete: false });
  });

  test('counts of different units that add up to the total hold, with a note', () => {
    const c = read('主动公开政府信息723条，其中政府网站公开16条，微信公众号发布440条，服务号发布37条，视频号发布8条，信箱办件21件、热线办件201件。').claims[0];
    expect(c).toMatchObject({ verdict: 'ok', sum: 723 });
    expect(c.parts.map((p) => p.value)).toEqual([16, 440, 37, 8, 21, 201]);
    expect(c.note?.['zh-CN']).toContain('条 / 件');
  });

  test('a state after the list (已处理3件) is no part of it', () => {
    expect(summary(read('共收到来信3件，其中有效信件3件，已处理3件，答复率达100%。').claims)).toEqual(['3 = 3 ok']);
  });

  test('extractClaims keeps its shape: claims and skipped', () => {
    const text = '处罚340件，其中警告37件、罚款303件。';
    const out = extractClaims(text, extractMentions(text));
    expect(Object.keys(out).sort()).toEqual(['claims', 'skipped']);
    expect(out.claims[0]).toMatchObject({ text: '处罚340件，其中警告37件、罚款303件', total: { label: '处罚', value: 340 }, sum: 340, ok: true, verdict: 'ok' });
  });
});

describe('words of other scripts and spellings', () => {
  test('a report copied in traditional characters reads as the simplified one, labels as written', () => {
    const r = read('2025年，棲霞區衛生健康委員會發布信息395條，其中在政府網站上主動公開信息63條，微信公眾號發布332條。');
    expect(summary(r.claims)).toEqual(['395 = 63 + 332 ok']);
    expect(r.claims[0].parts[1].label).toBe('微信公眾號發布');
    expect(r.mentions.map((m) => m.unit)).toEqual(['条', '条', '条']);
    const tallied = read('共受理申請17件，上年結轉3件，總計20件。');
    expect(summary(tallied.claims)).toEqual(['20 = 17 + 3 ok']);
  });

  test('座, 辆, 套 and 床 are counts; 二次 (secondary) is no count of times', () => {
    expect(summary(read('共监测集中式供水水厂1559座，其中城市水厂141座，农村水厂1418座。').claims)).toEqual(['1559 = 141 + 1418 ok']);
    expect(read('配备救护车12辆，设备30套，床位200床。').mentions.map((m) => `${m.value}${m.unit}`)).toEqual(['12辆', '30套', '200床']);
    expect(read('二次供水1136份。').mentions.map((m) => `${m.value}${m.unit}`)).toEqual(['1136份']);
    expect(read('开展两次检查。').mentions.map((m) => `${m.value}${m.unit}`)).toEqual(['2次']);
  });

  test('a rate is of the count in its own sentence, not of the total of an earlier one', () => {
    const r = read('全年共监测15561份，合格14340份，总合格率92.2%。其中城市供水5038份，合格4999份，合格率99.2%。');
    const rate = r.rates.find((x) => x.stated.value === 0.992);
    expect(rate).toMatchObject({ numerator: { value: 4999 }, denominator: { value: 5038 }, verdict: 'ok' });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a count of what should be (应参加…人数) in the sentence before is the base of the rate of what is', () => {
    const r = read('全市应参加新农合农民人数562.11万人。实际参合人数为505.45万人,参合率为89.43%。');
    expect(r.rates).toHaveLength(1);
    expect(r.rates[0]).toMatchObject({ numerator: { value: 5054500 }, denominator: { value: 5621100 }, verdict: 'mismatch' });
    expect(r.findings.find((f) => f.ruleId === 'text.rate-mismatch')?.message['zh-CN']).toContain('89.92%');
    // 应急 is no 应: a larger count of emergencies is no base, and a rate that fits nothing is left alone.
    expect(read('全市应急处置人数562人。实际参合人数为505人,参合率为89.43%。').rates).toEqual([]);
  });

  test('a rate after a count of the opposite state (不合格, 未办结) is of the rest of its base', () => {
    const r = read('集中式消毒餐饮具抽检全年共522套，不合格28套，合格率为94.64%。');
    expect(r.rates).toHaveLength(1);
    expect(r.rates[0]).toMatchObject({ numerator: { value: 494, text: '(522套−28套)' }, denominator: { value: 522 }, verdict: 'ok' });
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // The rest of the base disagreeing with the rate is reported, with the subtraction shown.
    const wrong = read('受理投诉举报案件共200件，未办结12件，办结率90%。');
    expect(wrong.rates[0]).toMatchObject({ numerator: { value: 188 }, denominator: { value: 200 }, verdict: 'mismatch' });
    const message = wrong.findings.find((f) => f.ruleId === 'text.rate-mismatch')?.message;
    expect(message?.['zh-CN']).toContain('(200件−12件) ÷ 200件');
    // A stem that is itself negative (不合格率) takes the count as it is.
    const neg = read('抽检样品共400份，不合格10份，不合格率2.5%。');
    expect(neg.rates[0]).toMatchObject({ numerator: { value: 10 }, denominator: { value: 400 }, verdict: 'ok' });
  });
});

describe('summaries, bulletins and copies on mirror sites', () => {
  test('a list that goes on in the next sentences, items broken down in brackets', () => {
    const r = read('我县接种疫苗43人。其中，第一剂次接种1人(3-11岁1人;12-17岁0人)。第二剂次接种9人(3-11岁6人;18-59岁2人;60岁及以上1人)。第三剂次接种33人(18-59岁6人;60岁及以上27人);接种康希诺疫苗0人。');
    expect(summary(r.claims)).toEqual(['43 = 1 + 9 + 33 + 0 ok', '1 = 1 + 0 ok', '9 = 6 + 2 + 1 ok', '33 = 6 + 27 ok']);
  });

  test('the figure of the sentence before that the 其中 clause names is its total, not the nearest', () => {
    const r = read('2022年度卫生行政处罚案件共92件，简易程序56件，一般程序36件。其中2件案件部分履行罚款。');
    expect(summary(r.claims)).toEqual(['92 = 56 + 36 ok', '92 = 2 ok']);
  });

  test('a sum of money stated after its parts is their total, also after a 其中 that follows a count', () => {
    expect(summary(read('现场直补21.57万元，新农合补助14.38万元，总计补助35.95万元。').claims)).toEqual(['359500 = 215700 + 143800 ok']);
    const r = read('全市共有719名孕产妇领取住院分娩补助，其中现场直补21.57万元，新农合补助14.38万元，总计补助35.95万元。');
    expect(summary(r.claims)).toEqual(['359500 = 215700 + 143800 ok']);
  });

  test('a figure after the parts that is below one of them counts something else, not their total', () => {
    const text = '全年主动公开政府信息153条，其中，重点领域公开43条，文件公开5条，政策解读4条，重大决策预公开8条，全年共制定0条行政规范性文件，办理行政许可98件。';
    expect(summary(read(text).claims)).toEqual(['153 = 43 + 5 + 4 + 8 short-partial']);
    // A figure after them that holds each part is still their total.
    expect(summary(read(text.replace('全年共制定0条', '全年共计60条')).claims)).toContain('60 = 43 + 5 + 4 + 8 ok');
  });

  test('pairs of a count and its part in a state (…份，合格…份) break down the two totals before them', () => {
    const both = read('全年共监测15561份，合格14340份，总合格率92.2%。其中城市供水5038份，合格4999份，合格率99.2%；农村供水10523份，合格9341份，合格率88.8%。');
    expect(summary(both.claims)).toEqual(['15561 = 5038 + 10523 ok', '14340 = 4999 + 9341 ok', '15561 = 14340 ok', '5038 = 4999 ok', '10523 = 9341 ok']);
    // One pair alone is a subset of each total, never a list of both.
    expect(summary(read('全年共监测15561份，合格14340份。其中城市供水5038份，合格4999份。').claims)).toEqual(['15561 = 5038 ok', '14340 = 4999 ok']);
    // Pairs that fall short of the totals are a partial list of each, not one list above the other total.
    expect(summary(read('全年共监测15561份，合格14340份。其中城市供水5038份，合格4999份；农村供水10000份，合格9000份。').claims)).toEqual([
      '15561 = 5038 + 10000 short-partial',
      '14340 = 4999 + 9000 short-partial',
    ]);
  });

  test('a bracket of figures set off by a comma breaks down the figure before it', () => {
    expect(summary(read('全县有民营医院8家，(一级6家，二级2家)，村卫生室135个。').claims)).toEqual(['8 = 6 + 2 ok']);
  });

  test('rates: of a named population, above 100 %, of people named as the base of visits; pinyin glosses of mirror sites', () => {
    const pop = read('入户调查填报123192人，患病对象27772人，调查对象患病率22.61%。');
    expect(pop.rates.map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['27772/123192 mismatch']);
    const above = read('免费唐氏筛查870人，无创DNA筛查199人，咨询随访人数1259人，咨询随访率144.71%。');
    expect(above.rates.map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['1259/870 ok']);
    const glossed = read('參合人口245052人。1~6月新農(nóng)合補償受益41565人次,占參合人數(shù)的16.96%。');
    expect(glossed.rates.map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['41565/245052 ok']);
    expect(glossed.mentions.find((m) => m.value === 41565)?.phrase).toContain('補償受益');
  });
});

describe('bulletins and summaries', () => {
  test('an ASCII point after Chinese text ends a sentence; 种 is a count unit', () => {
    const r = read('传染病分为甲、乙、丙三类,共39种.其中,甲类传染病2种、乙类传染病26种、丙类传染病11种.近年来发病下降5.93%.');
    expect(summary(r.claims)).toEqual(['39 = 2 + 26 + 11 ok']);
    expect(r.mentions.find((m) => m.value === 0.0593)).toBeDefined();
    // 种类 and 种植 are words, not a unit.
    expect(read('共有5种类型，种植3种作物。').mentions.map((m) => `${m.value}${m.unit}`)).toEqual(['3种']);
  });

  test('a bracket after a figure and the words naming it', () => {
    expect(summary(read('2008年以来,我省曾报告31种传染病(乙类22种、丙类9种).').claims)).toEqual(['31 = 22 + 9 ok']);
  });

  test('one figure per class over the next sentences (乙类…。丙类…) adds up to the total', () => {
    const r = read(
      '全省共报告法定传染病19种86458例。\n其中,无甲类传染病发病、死亡报告。乙类传染病中除14个病种无发病外,其余13种乙类传染病共报告80614例,死亡43例。\n此外,丙类传染病中除5个病种外,共报告6种5844例,无死亡病例报告。',
    );
    expect(summary(r.claims)).toEqual(['19 = 13 + 6 ok', '86458 = 80614 + 5844 ok']);
    // Classes that do not add up to the total make no claim: nothing else says they are its parts.
    expect(read('全省共报告传染病20种。乙类传染病报告12种。丙类传染病报告6种。').claims).toEqual([]);
  });

  test('涵盖 opens a list; parts far below an approximate total are a partial list', () => {
    const r = read('累计主动公开政务信息共360余条。涵盖预决算公开76条,政策咨询问答库4条,惠民补贴资金发放信息10条,以及其他法定公开的政府信息。');
    expect(summary(r.claims)).toEqual(['360 = 76 + 4 + 10 short-partial']);
    // Near an approximate total, the sum is within what 约 allows.
    expect(summary(read('共受理约300件，其中医疗160件、公共卫生135件。').claims)).toEqual(['300 = 160 + 135 approx']);
  });

  test('year-to-date windows, and a title run into the text', () => {
    expect(read('2013年1月1日至8月25日,全省报告乙、丙类传染病111012例.').period).toMatchObject({ year: 2013, from: 1, to: 8, partial: true });
    expect(read('8月9日至8月15日开展检查，查处案件5件。').period).toBeUndefined();
    expect(read('县疾控中心 2023 年工作总结暨 2024 年工作思路一年来,荣获 2022年度全国肿瘤登记工作进步奖。全年报告死亡病例1409例。').period).toMatchObject({ year: 2023, from: 1, to: 12 });
  });
});

describe('work summaries: totals that open a paragraph, subsets by name, notes in other units', () => {
  test('前三位 / 前5名 rank a list; they count nothing', () => {
    const r = read('全年报告传染病8种400例。报告数居前三位的病种分别是:肺结核120例,占30.00%;乙肝90例,占22.50%;梅毒60例,占15.00%。');
    expect(r.mentions.some((m) => m.unit === '位')).toBe(false);
    // The shares are of the 400 reported; the selection is no error of a total of 3.
    expect(r.claims.every((c) => c.verdict !== 'exceeds')).toBe(true);
    expect(r.rates.map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['120/400 ok', '90/400 ok', '60/400 ok']);
  });

  test('a share of a base named in other words than the count (占发病总数的) agrees with a larger count before it', () => {
    const r = read('共报告法定传染病500例。肺结核150例，占发病总数的30%。');
    expect(r.rates.map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['150/500 ok']);
    // Not found by name and not agreeing: nothing is said.
    expect(read('共报告法定传染病500例。肺结核150例，占发病总数的40%。').rates).toEqual([]);
  });

  test('a rate named after a sum of money is not checked against the counts before it', () => {
    const r = read('受益9000人次，其中住院补偿3000人次，补偿400万元，平均补偿率45%。');
    expect(r.rates).toEqual([]);
    expect(summary(r.claims)).toEqual(['9000 = 3000 ok']);
  });

  test('items whose second figure is a note in another unit (共4个项目) stay items of the list', () => {
    const r = read('获表彰的个人共有30名，其中国家级的有2人，共3个项目；省级的有8人，共9个项目；市级的有15人。');
    expect(summary(r.claims)).toEqual(['30 = 2 + 8 + 15 short-partial']);
    // Items of two units side by side with no item of one figure are parallel lists, a claim per unit.
    const both = read('共补偿2000人次，补偿金额300万元。其中，住院补偿500人次，补偿250万元；门诊补偿1500人次，补偿50万元。');
    expect(summary(both.claims).sort()).toEqual(['2000 = 500 + 1500 ok', '3000000 = 2500000 + 500000 ok']);
  });

  test('剂 counts doses; a figure in 万 before an item in 万元, and a population in 万', () => {
    expect(summary(read('全县共接种疫苗24783剂，其中，第一剂次15381剂，第二剂次9402剂。').claims)).toEqual(['24783 = 15381 + 9402 ok']);
    expect(summary(read('全年业务收入218万元，（其中调拨业务134万，门诊业务84万元）。').claims)).toEqual(['2180000 = 1340000 + 840000 ok']);
    expect(summary(read('全区总人口63.3万，其中，城区人口53.2万。').claims)).toEqual(['633000 = 532000 ok']);
    // A 万 with neither: no figure (万 alone says nothing of what is counted).
    expect(read('全年接待参观1.2万，反响良好。').mentions).toEqual([]);
  });

  test('licences counted with 个, broken down by places in 家, are compared', () => {
    expect(summary(read('办理卫生许可证60个。其中美容店10家，旅馆20家，理发店35家。').claims)).toEqual(['60 = 10 + 20 + 35 exceeds']);
    expect(summary(read('办理卫生许可证65个。其中美容店10家，旅馆20家，理发店35家。').claims)).toEqual(['65 = 10 + 20 + 35 ok']);
  });

  test('a total that opens its sentence with 合计 after the sentences of its parts, in the paragraph before', () => {
    const r = read('奖励扶助对象800人，将发放奖励金共计77.2万元；特别扶助对象150人，将发放109.8万元。\n据了解，全年将合计兑现奖励资金187万元，较上年增长9.8%。');
    expect(summary(r.claims)).toEqual(['1870000 = 772000 + 1098000 ok']);
    // Figures of another unit, or past the paragraph before, are not its parts.
    expect(read('执法信息4条，预算信息4条。\n（二）处罚情况\n全年共计作出行政处罚决定8起。').claims).toEqual([]);
  });

  test('a sentence that opens with X中 names its figure, also in traditional script with glosses', () => {
    const r = read('全區(qū)衛(wèi)生人員達1900人,其中:衛(wèi)生技術人員1500人,其他人員400人。衛(wèi)生技術人員中,執(zhí)業(yè)醫(yī)師500人、註冊護士600人。');
    expect(summary(r.claims)).toEqual(['1900 = 1500 + 400 ok', '1500 = 500 + 600 short-partial']);
  });

  test('a paragraph that opens with a figure alone is made up by the figures of its unit after it; paragraphs of such totals make up the one before', () => {
    const text = [
      '今年以来，我市累计投入专项资金1000万元，助力政策落实。',
      '奖励扶助资金700万元。拨付奖励扶助资金500万元，标准是每人每年960元；拨付特别扶助资金200万元，惠及239人。',
      '专干工资100万元。专干工资每年2000元，共500人。',
      '健康检查资金200万元。拨付孕检资金60万元，惠及9000人。拨付优生检查资金140万元。',
    ].join('\n');
    expect(summary(read(text).claims)).toEqual(['1000 = 700 + 100 + 200 ok', '700 = 500 + 200 ok', '200 = 60 + 140 ok'].map((s) => s.replace(/\d+/g, (d) => String(Number(d) * 10000))));
    // Figures that do not add up make no claim: no marker says they are parts.
    expect(read('健康检查资金200万元。拨付孕检资金60万元。拨付优生检查资金100万元。').claims).toEqual([]);
  });

  test('a count named by an earlier count of its sentence under a qualifier is a subset of it', () => {
    expect(summary(read('全市共出生52710人，符合政策生育率为99.37%，二孩出生26856人。').claims)).toEqual(['52710 = 26856 ok']);
    // Per day (日均出车) is a rate, not a subset; a larger one says nothing.
    expect(read('出车33424次，日均出车185次。').claims).toEqual([]);
    expect(read('全市出生5000人，二孩出生6000人。').claims).toEqual([]);
  });
});

describe('inspection notices, flattened tables and work summaries', () => {
  test('a table copied one cell a line, with a 合计 row, checks each column', () => {
    const text = ['类型 |', '单位数 |', '合格数 |', '学校 |', '2 |', '2 |', '其他 |', '87 |', '38 |', '合计 |', '89 |', '41 |', '注：1.为各项均合格的单位数。'].join('\n');
    expect(summary(read(text).claims)).toEqual(['89 = 2 + 87 ok', '41 = 2 + 38 short']);
    // Rows of different lengths are no table; prose lines end it.
    expect(read(['学校', '2', '其他', '87', '40', '合计', '89'].join('\n')).claims).toEqual([]);
  });

  test('paragraphs that each open with a figure make up the last figure of the paragraph before', () => {
    const text = [
      '我委对全市2051家公共场所开展了量化分级评审，现将结果通告如下：',
      '住宿场所共评审310家：A级单位98家，占31.61%；B级单位212家。',
      '沐浴场所共评审119家：A级单位11家；B级单位108家。',
      '美容美发场所共评审1622家：A级单位10家；B级单位1612家。',
    ].join('\n');
    const got = summary(read(text).claims);
    expect(got).toContain('2051 = 310 + 119 + 1622 ok');
    expect(got).toContain('310 = 98 + 212 ok');
  });

  test('a paragraph that opens with one figure after a numbered heading: the rest of the paragraph makes it up', () => {
    const para = (last: string) => `（一）主动公开政府信息情况。\n1.信息发布情况。累计公开政府信息1687条。泸州市水务局政务网站信息796条；发布微信信息398条；微博信息162条。通过报刊、电视等传统公开载体公开信息${last}条。\n重点推进5个方面的信息公开。`;
    expect(summary(read(para('331')).claims)).toContain('1687 = 796 + 398 + 162 + 331 ok');
    // Figures that do not make it up say nothing without a marker.
    expect(summary(read(para('330')).claims).filter((c) => c.startsWith('1687 '))).toEqual([]);
  });

  test('two figures of one object (4个专业17家医疗机构) are not a list: the later items break the second down', () => {
    expect(summary(read('组织开展4个专业17家医疗机构抽检。共出动监督员85人次，随机抽取4家医疗卫生、2家放射卫生、9家传染病防治、2家计划生育单位。').claims)).toEqual(['17 = 4 + 2 + 9 + 2 ok']);
  });

  test('rates 分别为 of named groups are not checked against the count before them; 其余…分别是 names no earlier total', () => {
    const r = read('抽检公共用品481件，合格449件，合格率93.3%，其中沐浴场所、住宿场所的公共用品合格率分别为96.6%、89.4%。');
    expect(r.rates.map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['449/481 ok']);
    const rest = read('庆阳市和兰州市最多，分别以453起、414起位居前列；其余市州不足百起，排在后面，分别是临夏州77起，甘南州58起。');
    expect(rest.claims.filter((c) => c.parts.some((p) => p.value === 77))).toEqual([]);
  });

  test('a clause that opens with a count and X中 breaks it down to its ；; the states of a part break it down in turn', () => {
    expect(summary(read('19个建设项目积极推进，4个县级项目中，建成1个、在建3个；15个乡院项目中，完成主体10个，在建5个。').claims)).toEqual(['19 = 4 + 15 ok', '4 = 1 + 3 ok', '15 = 10 + 5 ok']);
    expect(summary(read('新建1260所村卫生所规划中，09年列建的418所，已建成80个，在建338个。').claims)).toEqual(['1260 = 418 ok', '418 = 80 + 338 ok']);
    // Siblings of a list that happen to add up to an item are no breakdown of it.
    expect(summary(read('共受理6件，其中医疗卫生3件，公共安全1件，拆迁2件。').claims)).toEqual(['6 = 3 + 1 + 2 ok']);
  });

  test('sums of money add up without a marker; items in 万 take the unit of the total in 万 before them', () => {
    expect(summary(read('项目总投资114万元，计划中央资金95万元，省预算内配套19万元。').claims)).toEqual(['1140000 = 950000 + 190000 ok']);
    expect(summary(read('全市累计接种疫苗2347.91万剂次。其中，第一剂次887.89万，第二剂次867.64万，第三剂次592.38万。').claims)).toEqual(['23479100 = 8878900 + 8676400 + 5923800 ok']);
  });

  test('a bracket of two breakdowns set apart by ；gives a claim for each', () => {
    const r = read('全州有医院47家(综合医院32家、中医院5家、专科医院10家;三级医院4家、二级医院9家、民营医院34家)。');
    expect(summary(r.claims)).toEqual(['47 = 32 + 5 + 10 ok', '47 = 4 + 9 + 34 ok']);
  });

  test('the next paragraph gives the items of a paragraph’s last figures, one unit each; rates per unit are passed over', () => {
    const text = [
      '日前，全县发放了2000户农村家庭四项奖励补助514000元。',
      '独生子女保健费，按照20元/人/月的标准，发放1700户417000元。一次性奖励，按照2000元/户的标准，发放256户51200元。寄宿费补助，发放44户45800元。',
    ].join('\n');
    expect(summary(read(text).claims).sort()).toEqual(['2000 = 1700 + 256 + 44 ok', '514000 = 417000 + 51200 + 45800 ok']);
  });
});

describe('notices, yearbook entries and copies from traditional-script mirror sites', () => {
  test('a count and the part of it in a state in the next clause (结案, 合格) is a subset; a larger figure in a state says nothing', () => {
    expect(summary(read('全年立案查处违法案件45件，结案38件。').claims)).toEqual(['45 = 38 ok']);
    // 办结 may count last year's cases too: 48 of 45 is no part.
    expect(read('立案查处违法案件45件，结案48件。').claims).toEqual([]);
  });

  test('items named before 等 and the count of them all make an incomplete list', () => {
    expect(summary(read('今年新建5个社区卫生服务站和12个村卫生室等20个基层医疗机构。').claims)).toEqual(['20 = 5 + 12 short-partial']);
  });

  test('items named without figures, then 等 and their count: the count is the part', () => {
    const text = '检查结果显示，有15家单位不合格，其中东风旅馆被套超标，红星理发店、向阳发廊、解放路浴室等11家单位毛巾超标，朝阳美容院眉剪检出大肠菌群。';
    expect(summary(read(text).claims)).toEqual(['15 = 11 ok']);
  });

  test('an item of another class (丙类 after a total of 乙类) is the total’s sibling, not its part', () => {
    const r = read('报告乙类传染病6种845例，其中，肺结核402例、病毒性肝炎311例、梅毒132例，丙类传染病3种67例。');
    expect(summary(r.claims)).toEqual(['845 = 402 + 311 + 132 ok']);
  });

  test('a bracket that sorts cases by class, a sentence a class, breaks the figure down; above it, it is an error', () => {
    const text = (n: number, rate: string) => `全年共发生法定报告传染病${n}例${rate}(乙类:病毒性肝炎117例,细菌性痢疾7例。丙类:流感2例,流腮84例)。`;
    expect(summary(read(text(200, '')).claims)).toEqual(['200 = 117 + 7 + 2 + 84 exceeds']);
    expect(summary(read(text(200, ',发病率为35.2/10万')).claims)).toEqual(['200 = 117 + 7 + 2 + 84 exceeds']);
    expect(summary(read(text(210, ',发病率为/10万')).claims)).toEqual(['210 = 117 + 7 + 2 + 84 ok']);
    // A bracket of other words above its figure says something else of it.
    expect(read('检查单位20家(学校12家,医院11家)。').claims).toEqual([]);
  });

  test('a list by another dimension with no total of its own unit adds up to a count of another unit', () => {
    const text = '全年120急救出车1210次，转运病人1150人次。从疾病类别分析：内科疾病700例；外科疾病480例；妇产科疾病30例。';
    expect(summary(read(text).claims)).toEqual(['1210 = 700 + 480 + 30 ok']);
  });

  test('a name with a qualifier in front (新增本地病例) finds the figure named without it (本地病例80例)', () => {
    const text = '本周全市新增病例86例，其中输入病例6例；本地病例80例。\n新增本地病例分布在城区50例、近郊22例和远郊8例。';
    expect(summary(read(text).claims)).toEqual(['86 = 6 + 80 ok', '80 = 50 + 22 + 8 ok']);
  });

  test('traditional script: 傢 counts as 家, 為 links a rate to its figure, and pinyin glosses are no words', () => {
    expect(summary(read('檢查醫療機構86傢，其中民營醫院12傢，診所74傢。').claims)).toEqual(['86 = 12 + 74 ok']);
    const rate = read('全年抽檢末梢水4份，合格3份，合格率為100%。');
    expect(rate.rates.map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['3/4 mismatch']);
    const glossed = '設置3個門診監(jiān)測(cè)點(diǎn)，5個二次供水監(jiān)測(cè)點(diǎn)，共8個監(jiān)測(cè)點(diǎn)。';
    expect(summary(read(glossed).claims)).toEqual(['8 = 3 + 5 ok']);
  });

  test('a mirror copy’s doubled commas and a gloss after a unit leave the list as written; 每3个中就有1个 is a proportion', () => {
    const text = '新生兒共增加72729個(gè),,其中第一胎數(shù)為47115,,二胎及以上數(shù)為25614個(gè),同比增長(zhǎng)21.31%,,也就是說(shuō),,我市每出生的3個(gè)孩子中就有1個(gè)是‘老二’。';
    expect(summary(read(text).claims)).toEqual(['72729 = 47115 + 25614 ok']);
    expect(read('每10名儿童中有3名接种，共接种120名。').mentions.map((m) => m.text)).toEqual(['120名']);
  });

  test('a mirror copy’s doubled commas and a comma before ； or 。 leave each share beside its count', () => {
    const clean = '共收到群眾來信553件，其中受理有效信件497件，無效重復信件56件；按期辦結率97.18%。從訴求類型來看，五個類型的占比是：投訴類301件，占總量的60.56%；咨詢類120件，占總量的24.14%；建議類44件，占總量的8.85%；求助類31件，占總量的6.24%；無效類1件，占總量的0.20%。';
    const mirrored = clean.replace(/，/g, ',,').replace(/；/g, ',;').replace(/。/g, ',。');
    for (const text of [clean, mirrored]) {
      const r = read(text);
      expect(summary(r.claims)).toContain('497 = 301 + 120 + 44 + 31 + 1 ok');
      expect(r.rates.map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['301/497 ok', '120/497 ok', '44/497 ok', '31/497 ok', '1/497 ok']);
      // Each rate is quoted as written.
      expect(text.includes(r.rates[0].text)).toBe(true);
    }
  });

  test('a share in brackets after each count finds its base past the other counts’ shares', () => {
    const text =
      '全区共报告突发公共卫生事件40起,发病1 250例。一般级别事件36起(占90.00%)。2019年报告9起(占22.50%);冬春季报告30起(占75.00%)。丙类传染病事件24起(占60.00%),发病1 100例(占88.00%)。呼吸道传染病事件22起(占55.00%),发病900例(占72.00%)。';
    const got = read(text).rates.map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`);
    expect(got).toContain('22/40 ok');
    expect(got).toContain('900/1250 ok');
  });

  test.each([
    ['该县学生常见病筛查检出率为12.5%(150/1 200)。', ['150/1200 ok']],
    ['该县学生常见病筛查检出率为12.5%(160/1 200)。', ['160/1200 mismatch']],
    ['完成投资2400万元，占省级补助资金3000万元的80%。', ['24000000/30000000 ok']],
    ['完成投资2400万元，占省级补助资金3000万元的75%。', ['24000000/30000000 mismatch']],
    ['今年监督任务为240户次，实际监督228户次，任务完成率95%。', ['228/240 ok']],
    ['今年监督任务为240户次，实际监督228户次，任务完成率98%。', ['228/240 mismatch']],
  ])('a rate with its fraction in brackets, a share of a base named with its figure, a task’s completion rate: %s', (text, rates) => {
    expect(read(text).rates.map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(rates);
  });

  test.each([
    ['泉州公示2019下半年卫生行政处罚案件。共处罚案件31件。', { year: 2019, from: 7, to: 12, partial: true }],
    ['2016年底，全县共有医疗卫生机构312家。', { year: 2016, from: 1, to: 12, partial: false }],
    ['现公示2014年全省卫生监督机构查处的案件情况。共查处案件1250件。', { year: 2014, from: 1, to: 12, partial: false }],
    // 全年 after a report that opens with 2021年来 (since 2021) is that year's; 以来 alone sets none.
    ['2021年来，全局持续开展重点场所卫生监督。全年共监督检查公共场所1238户次。', { year: 2021, from: 1, to: 12, partial: false }],
    // A year as the time of the sentence after a title on the same line, or after a comma; of two 全年, the one with its year.
    ['人口和计划生育局工作总结 2014 年,在区委、区政府的领导下，全年全区人口出生5945人。', { year: 2014, from: 1, to: 12, partial: false }],
    ['为保障生活饮用水卫生安全,2019年我市共抽检出厂水148份。', { year: 2019, from: 1, to: 12, partial: false }],
    ['市120急救指挥中心去年全年调度零失误\n2013年全年，急救指挥中心累计接警17997起。', { year: 2013, from: 1, to: 12, partial: false }],
    ['按时保质完成抽检任务。2022年卫生监督国家双随机抽检共231间，其中公共场所196间。', { year: 2022, from: 1, to: 12, partial: false }],
    // A quarter in the title line beats a form's boilerplate window of the whole year.
    ['某市卫生健康委2022年度第二季度行政处罚实施情况\n统计时间2022年1月1日至12月31日。共实施行政处罚67件。', { year: 2022, from: 4, to: 6, partial: true }],
  ])('the period of a notice: %s', (text, period) => {
    expect(read(text).period).toMatchObject(period);
  });
});

describe('lists that run on past their subject, shares listed after 分别, samples that pass or fail', () => {
  test('parts after an item in another unit word are another strand when the parts in the total’s unit exceed it', () => {
    expect(summary(read('共接诊患者8000人次，其中门诊6500人次，急诊1400人次，开展手术60例，义诊300人次。').claims)).toEqual(['8000 = 6500 + 1400 short-partial']);
    // When the items before still exceed the total, the claim stays an error.
    expect(summary(read('共接诊患者8000人次，其中门诊6700人次，急诊1400人次，开展手术60例，义诊300人次。').claims)).toEqual(['8000 = 6700 + 1400 exceeds']);
    // An exact sum with the later item is kept.
    expect(summary(read('共接诊患者8000人次，其中门诊6500人次，急诊1400人次，开展手术60例，义诊100人次。').claims)).toEqual(['8000 = 6500 + 1400 + 100 ok']);
  });

  test('其中 after an enumeration is of all its figures; a clause after ；that acts on some of them is no part', () => {
    const text = '对40家宾馆、12家茶座、8家美容美发、5家沐浴场所的用品用具进行了抽检，其中合格38家，不合格27家；针对存在的问题，对3家宾馆进行了当场行政处罚，1家进行了立案处罚。';
    const r = read(text);
    expect(summary(r.claims)).toEqual(['65 = 38 + 27 ok']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('percentages after 分别 pair with the counts before it, one to one, over the total they are parts of', () => {
    const rates = (t: string) => read(t).rates.map((x) => `${x.stated.text} ${x.numerator.value}/${x.denominator.value} ${x.verdict}`);
    const lead = '本年报告病例20例。0-9岁组12例，10-19岁组5例，20-29岁组2例，30岁以上组1例，';
    expect(rates(`${lead}分别占报告发病总数的60%、25%、10%、5%。`)).toEqual(['60% 12/20 ok', '25% 5/20 ok', '10% 2/20 ok', '5% 1/20 ok']);
    expect(rates(`${lead}分别占报告发病总数的65%、25%、10%、5%。`)).toEqual(['65% 12/20 mismatch', '25% 5/20 ok', '10% 2/20 ok', '5% 1/20 ok']);
    // Three percentages for four counts: which is which is not written, so none is checked.
    expect(rates(`${lead}分别占报告发病总数的60%、25%、15%。`)).toEqual([]);
    // No claim of these counts: a larger count before them that every pair agrees with is their base.
    expect(rates('各类急性职业中毒326起613例。主要是硫化氢94例和一氧化碳72例，分别占15.33%和11.75%。')).toEqual(['15.33% 94/613 ok', '11.75% 72/613 ok']);
    expect(rates('各类急性职业中毒326起613例。主要是硫化氢94例和一氧化碳72例，分别占15.33%和12.75%。')).toEqual([]);
  });

  test('a tested count and the samples that pass or fail after it, in the next clause or after X中, are a subset; more passing than tested is an error', () => {
    expect(summary(read('抽检出厂水120份，118份合格；抽检末梢水300份，297份合格。').claims)).toEqual(['120 = 118 ok', '300 = 297 ok']);
    expect(summary(read('共对96间游泳场所进行水质抽样检测，指标全部合格88间。').claims)).toEqual(['96 = 88 ok']);
    expect(summary(read('抽查的140家单位中25家不合格。').claims)).toEqual(['140 = 25 ok']);
    expect(summary(read('现有民营医疗机构3200家，已检查2100家。').claims)).toEqual(['3200 = 2100 ok']);
    expect(summary(read('抽检出厂水120份，125份合格。').claims)).toEqual(['120 = 125 exceeds']);
    // Another category of the same unit is no state of the first.
    expect(read('我局主动公开政府信息297条，依申请公开1条。').claims).toEqual([]);
  });

  test('a figure named as a subset of the one before (卫生技术人员 of 卫生人员) is its part and the total of the figures after it', () => {
    const r = read('全县卫生人员1718人,卫生技术人员1540人,高级职称110人,中级职称587人,初级职称 843人。');
    expect(summary(r.claims)).toEqual(['1718 = 1540 ok', '1540 = 110 + 587 + 843 ok']);
    // Siblings of one list are still no total of the figures after them.
    expect(summary(read('共受理6件，其中医疗卫生3件，公共安全1件，拆迁2件。').claims)).toEqual(['6 = 3 + 1 + 2 ok']);
  });

  test('traditional script: 綜合合格率 is a 合格率; a long clause before the passing samples', () => {
    const r = read('全省共對已開放的1366間游泳場所進行了監督檢查,合格單位數為1193間,綜合合格率為87.33%。');
    expect(r.rates.map((x) => `${x.stated.text} ${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['87.33% 1193/1366 mismatch']);
    expect(summary(read('在對550間游泳場所進行水質抽樣檢測後,指標全部合格的單位503間。').claims)).toEqual(['550 = 503 ok']);
  });

  test('a list of the first few (发病数前4：…) is a partial list of the figure before it; 共占 is the share of them together', () => {
    const text = [
      '全市共报告法定传染病1500例，死亡2例。其中：',
      '甲类：0例。',
      '乙类：1100例，死亡2例，发病数前4：肝炎500例、肺结核300例、梅毒200例、淋病80例，共占98.18%。',
      '丙类：400例，无死亡，发病数前3：其它感染性腹泻病200例、流行性感冒100例、手足口病50例，共占86.50%。',
    ].join('\n');
    const r = read(text);
    expect(summary(r.claims)).toEqual(['1500 = 0 + 1100 + 400 ok', '1100 = 500 + 300 + 200 + 80 short-partial', '400 = 200 + 100 + 50 short-partial']);
    expect(r.rates.map((x) => `${x.stated.text} ${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['98.18% 1080/1100 ok', '86.50% 350/400 mismatch']);
    // The figure may stand in the sentence before, and the counts in brackets.
    const before = read('本季度乙类传染病共报告11种9530例。同期传染病报告病例数居前3位的病种是：淋病(2941例)、病毒性肝炎(2240例)、肺结核(1693例)。');
    expect(summary(before.claims)).toEqual(['9530 = 2941 + 2240 + 1693 short-partial']);
  });

  test('X中有 a count that is found to fail is a subset', () => {
    expect(summary(read('将183家单位检查结果公示。183家单位中有67家单位检查结果为不合格，被处以行政处罚。').claims)).toEqual(['183 = 67 ok']);
  });

  test('a ranked list (主要…；其次…) is a partial list of the nearest figure before it that names its subject and can hold it', () => {
    expect(summary(read('全年共处置伤病员1538人。\n救治伤病员中，以车祸伤员为主，共500人，其次是外伤271人，再次是心脑血管疾病165人。').claims)).toEqual(['1538 = 500 + 271 + 165 short-partial']);
    const poison = read('各类急性职业中毒326起613例，死亡28例。引起急性职业中毒的化学毒物主要是硫化氢94例和一氧化碳72例；其次是砷化氢44例、苯44例和氯气14例等。');
    expect(summary(poison.claims)).toEqual(['613 = 94 + 72 + 44 + 44 + 14 short-partial']);
    // Shares beside the parts pick the total one of them agrees with, past a nearer figure of the subject.
    const r = read('尘肺病病例报告9173例。截至年底，尘肺累积病例607,570例。尘肺新病例主要来自煤炭行业4477例，占48.80%；其次是冶金行业905例，占9.87%。');
    expect(summary(r.claims)).toEqual(['9173 = 4477 + 905 short-partial']);
    expect(r.rates.map((x) => `${x.stated.text} ${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['48.80% 4477/9173 mismatch', '9.87% 905/9173 ok']);
    // A share beside a later part alone picks the total too.
    const later = read('尘肺病病例报告9173例。截至年底，尘肺累积病例607,570例。尘肺新病例主要来自煤炭行业4477例；其次是冶金行业905例，占9.87%。');
    expect(summary(later.claims)).toEqual(['9173 = 4477 + 905 short-partial']);
  });

  test('a short name alone between items is a bracket a copy turned into commas; a clause without a figure still ends the list', () => {
    const garbled = '全市共有各类卫生机构1319个,其中医院、卫生院71个,社区卫生服务中心,站,12个,疾病预防控制中心,防疫站,5个,妇幼保健机构5个。';
    expect(summary(read(garbled).claims)).toEqual(['1319 = 71 + 12 + 5 + 5 short-partial']);
    const clause = '全市共有各类卫生机构1319个,其中医院、卫生院71个,社区卫生服务中心12个,全面推进改革,妇幼保健机构5个。';
    expect(summary(read(clause).claims)).toEqual(['1319 = 71 + 12 short-partial']);
  });

  test('names joined by 、 inside one item (成立、变更登记类信息11条) are the start of the next item, not the end of the list', () => {
    const text = '全年新增主动公开政府信息共计56条，其中养老服务类信息12条、双随机抽查类信息6条、发展专项资金类信息8条、社会团体注销登记类信息13条、民办非企业单位成立、变更登记类信息11条，其他政府主动公开的信息6条等。';
    expect(summary(read(text).claims)).toEqual(['56 = 12 + 6 + 8 + 13 + 11 + 6 ok']);
    // A clause without a figure between items still ends the list at a comma.
    const clause = '全年主动公开信息共计56条，其中养老服务类信息12条、抽查类信息6条，全面推进改革，登记类信息11条。';
    expect(summary(read(clause).claims)).toEqual(['56 = 12 + 6 short-partial']);
  });

  test('an item closed by 等 ends the list; an item in 个 among items of information stays in it', () => {
    const text = '2022年，主动公开信息497条，其中网站发布新闻类165条，教育通知类39条，政策文件及解读10条，教育服务类23篇，建议提案答复34篇，专题专栏10个，义务教育领域信息公开121篇等；微信公众号发布1135条，关注人数达181761人。';
    const [c, ...more] = read(text).claims;
    expect(more).toEqual([]);
    expect(c.parts.map((p) => p.value)).toEqual([165, 39, 10, 23, 34, 10, 121]);
    // Items of 条, 篇 and 个 are not added as one unit: a warning that the units differ, not an error.
    expect(c.verdict).toBe('mixed-units');
    // 等 inside an item's name (…、信息等类121篇) closes nothing.
    const inside = read('主动公开信息50条，其中新闻类20条，通知等类30条。').claims;
    expect(summary(inside)).toEqual(['50 = 20 + 30 ok']);
  });

  test('items of three figures spread over clauses, under totals of three units: a claim per unit', () => {
    const text = '全市14035户25559人享受城乡低保，发放低保金4721万元，其中城市低保6195户12533人，发放低保金3277万元，农村低保7840户13026人，发放低保金1444万元。';
    expect(summary(read(text).claims)).toEqual(['14035 = 6195 + 7840 ok', '25559 = 12533 + 13026 ok', '47210000 = 32770000 + 14440000 ok']);
    // A household count that does not add up is an error of that unit alone.
    expect(summary(read(text.replace('7840户', '7850户')).claims)).toEqual(['14035 = 6195 + 7850 exceeds', '25559 = 12533 + 13026 ok', '47210000 = 32770000 + 14440000 ok']);
  });

  test.each([
    ['当月发放低保金7204040元', '元'],
    ['当月发放供养金27.2万元', '万元'],
  ])('items of a household and a person count, then a payment (%s): the payment ends the items', (payment) => {
    const text = `2024年11月，全区共有低保对象4966户6535人，其中农村低保4497户5919人，城镇低保469户616人，${payment}。`;
    expect(summary(read(text).claims)).toEqual(['4966 = 4497 + 469 ok', '6535 = 5919 + 616 ok']);
    // Persons that do not add up are an error of that unit alone.
    expect(summary(read(text.replace('616人', '626人')).claims)).toEqual(['4966 = 4497 + 469 ok', '6535 = 5919 + 626 exceeds']);
  });

  test('a daily task stated as its sum (每日发布水情信息共计365条) is an item; so are items in 个 and 期 under 信息', () => {
    const text = '2023年，局网站发布1725条信息，包括部门动态278条，县市区要闻186条，机关党建97条，人事任免信息11条，每日发布水情信息共计365条，公告公示258条，政策文件3个并同步发布相应解读，水质周报49期，充分发挥政府信息的保障作用。';
    const [c] = read(text).claims;
    expect(c.parts.map((p) => p.value)).toEqual([278, 186, 97, 11, 365, 258, 3, 49]);
    // A figure per day without 共计 is a rate, not an item.
    const daily = read(text.replace('每日发布水情信息共计365条', '每日发布水情信息1条')).claims[0];
    expect(daily.parts.map((p) => p.value)).toEqual([278, 186, 97, 11]);
  });

  test('a figure of the sentence before that one part alone exceeds is no total of the list', () => {
    const text = '全省累计查办食品安全违法案件520件，包括一般程序违法案件464件和简易程序违法案件56件。相关案件罚没金额317.22万元，移送公安机关案件8件。其中，生产领域违法案件69件；流通领域违法案件347件；餐饮领域违法案件104件。';
    const got = summary(read(text).claims);
    expect(got.filter((c) => c.startsWith('8 '))).toEqual([]);
    expect(got).toContain('520 = 464 + 56 ok');
    // Parts that each fit the figure before but together exceed it are still an error.
    expect(summary(read('移送公安机关案件8件。其中，生产领域5件，流通领域4件。').claims)).toEqual(['8 = 5 + 4 exceeds']);
  });

  test('a figure given with its share of the one before is a subset, and the figures after it that make it up are its parts', () => {
    const text = '区司法局代理区政府作为当事人的行政诉讼案件40宗，审结27宗，占67.5%；在已审结的案件中，胜诉24宗，撤诉3宗，胜诉率100%。';
    const r = read(text);
    expect(summary(r.claims)).toEqual(['27 = 24 + 3 ok', '40 = 27 ok']);
    // 胜诉率 over a total read from its parts' sum alone is not judged: it is often of the cases not withdrawn.
    expect(r.rates.filter((x) => x.kind === 'rate')).toEqual([]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Without the share, 27 is a sibling of 40 in a list, and two figures after it do not make a claim.
    expect(summary(read(text.replace('，占67.5%', '')).claims).filter((c) => c.startsWith('27 '))).toEqual([]);
  });

  test('cases carried over to next year are no part of the cases concluded', () => {
    const text = '2023年全区共办结政府信息依申请公开733件，其中予以公开238件，部分公开33件，不予公开38件，无法提供323件，不予处理25件，其他处理76件，转接下年度办理45件。';
    expect(summary(read(text).claims)).toEqual(['733 = 238 + 33 + 38 + 323 + 25 + 76 ok']);
    // Of the cases received, the ones carried over are a part.
    expect(summary(read(text.replace('共办结', '共受理').replace('733件', '778件')).claims)).toEqual(['778 = 238 + 33 + 38 + 323 + 25 + 76 + 45 ok']);
  });

  test('a second breakdown without a marker, a sentence a part, after the first list of the total', () => {
    const text = '2011年新增主动公开政府信息53019条，全文电子化率为64.1%。其中，政策法规类信息1060条；规划计划类信息420条；业务类信息14851条；机构设置类信息508条。自治区直属机关主动公开政府信息16848条，全文电子化率为86.1%。各行署、拉萨市人民政府主动公开政府信息36171条，全文电子化率为53.9%。';
    const got = summary(read(text).claims);
    expect(got).toContain('53019 = 16848 + 36171 ok');
    expect(got).toContain('53019 = 1060 + 420 + 14851 + 508 short-partial');
    // Figures that do not make it up say nothing.
    expect(summary(read(text.replace('36171条', '36170条')).claims).filter((c) => c.includes('16848'))).toEqual([]);
  });

  test('items of information in 份 count with those in 条', () => {
    const text = '2023年度，市人社局网站共发布信息1148条，其中信息公开目录系统信息410条，政策文件24份，发布事业单位人员招录信息4条，人社要闻稿件68条，通知公告稿件233条。';
    expect(read(text).claims[0].parts.map((p) => p.value)).toEqual([410, 24, 4, 68, 233]);
  });

  test('主要类别有： lists the kinds of the figure the words before it name, in the sentence before', () => {
    const text = '2019年，全县政府信息公开平台公开信息21260条，累计总数220571条。各级政府及其工作部门主动公开政府信息的主要类别有：机构职能类信息116条；政策、规范性文件类信息459条；规划计划类信息327条；行政许可类信息49条。';
    // The main kinds only: a partial list of the 21260, not of the running total.
    expect(summary(read(text).claims)).toEqual(['21260 = 116 + 459 + 327 + 49 short-partial']);
  });

  test('approximate parts far below an approximate total are a partial list; near it they are approximate', () => {
    expect(summary(read('2025年，累计公开各类信息800余条；其中，政府网站发布300余条，政务新媒体推送200余条。').claims)).toEqual(['800 = 300 + 200 short-partial']);
    expect(summary(read('2025年，累计公开各类信息800余条；其中，政府网站发布500余条，政务新媒体推送200余条。').claims)).toEqual(['800 = 500 + 200 approx']);
  });

  test('figures rounded to 0.01万 make their total up without a marker within their rounding', () => {
    expect(summary(read('市(州)12345热线共受理企业群众诉求173.83万件，办结144.18万件，办理中29.64万件。').claims)).toEqual(['1738300 = 1441800 + 296400 ok']);
    // Counts written in full allow no such slack.
    expect(summary(read('热线共受理诉求17383件，办结14418件，办理中2964件。').claims).filter((c) => c.includes('2964'))).toEqual([]);
  });

  test('regulations counted in 部 are items; 部门 and 部分 after a number are words', () => {
    const r = read('2019年主动公开政府信息759件，其中，发布省政府规章11部，规范性文件83件，省政府工作报告1件。全省3部门开展检查。');
    expect(r.claims.map((c) => c.parts.map((p) => p.text))).toEqual([['11部', '83件', '1件']]);
    expect(r.mentions.some((m) => m.text.startsWith('3'))).toBe(false);
  });

  test('a change and the changes that explain it, a decrease counting against', () => {
    const text = '2023年度收入总计2828.33万元。收支较上年决算数增加128.63万元，增长4.76%，主要原因是人员经费收支减少13.25万元，公用经费收支增加50.87万元，项目经费收支增加91.01万元。';
    expect(summary(read(text).claims)).toEqual(['1286300 = -132500 + 508700 + 910100 ok']);
    // A decrease explained: the signs turn with it.
    expect(summary(read('与上年相比，机构总量减少100家，其中医院减少120家，诊所增加20家。').claims)).toContain('100 = 120 + -20 ok');
    // Changes that do not add up to it make no claim.
    expect(summary(read(text.replace('91.01万元', '90.01万元')).claims)).toEqual([]);
  });

  test('how applications received were answered, a few sentences after them, makes them up', () => {
    const text = '2025年，共受理政府信息公开申请24件（含上年结转1件），申请人全部为公民。申请内容主要涉及征地、农业等领域。经依法办理，予以公开4件，无法提供19件，另处理重复申请1件，所有申请均在法定期限内完成答复。';
    expect(summary(read(text).claims)).toContain('24 = 4 + 19 + 1 ok');
    // Figures of another kind of work that far away are no parts.
    const other = '2025年，共开展检查24次，申请人全部为公民。申请内容主要涉及征地、农业等领域。经依法办理，检查学校4次，检查医院19次，检查药店1次。';
    expect(summary(read(other).claims)).toEqual([]);
  });

  test('one figure alone in a bracket after a figure of its unit is a subset; a figure of another time or per head is not', () => {
    expect(summary(read('累计引进11个高层次团队(市卫健委立项7个)。').claims)).toEqual(['11 = 7 ok']);
    expect(read('累计引进11个高层次团队(上年9个)。').claims).toEqual([]);
    expect(read('共有卫技人员6961人(每千人口5.51人)。').claims).toEqual([]);
  });

  test('a kind of health staff after a staff count is a subset of it; a count of another kind is not', () => {
    expect(summary(read('镇街卫生院在职职工人数642人，卫生技术人员562人。').claims)).toEqual(['642 = 562 ok']);
    expect(summary(read('全院职工320人，注册护士120人。').claims)).toEqual(['320 = 120 ok']);
    expect(read('全院职工320人，床位120张，门诊量120人。').claims).toEqual([]);
    expect(read('全院职工320人，患者120人。').claims).toEqual([]);
  });

  test('where most of a count lies (主要集中在…) is a subset of the nearest count before it that is no part', () => {
    const text = '4785例病人中，男性3020例，女性1765例。病例主要集中在0~4岁年龄组儿童，共4339例。';
    expect(summary(read(text).claims)).toEqual(['4785 = 3020 + 1765 ok', '4785 = 4339 ok']);
    expect(summary(read('共报告病例120例。病例集中在城区，共80例。').claims)).toEqual(['120 = 80 ok']);
    // Larger than the count before it: another count, not where it lies.
    expect(read('共报告病例120例。病例集中在城区，共180例。').claims).toEqual([]);
  });

  test('the samples still failing after a correction (仍不合格的) are a subset of those told to correct', () => {
    const text = '对检查不合格的150间游泳场所作出责令限期整改，对限期整改仍不合格的19间，依法作出了行政处罚。';
    expect(summary(read(text).claims)).toEqual(['150 = 19 ok']);
  });

  test('a figure after the parts that says 均 of them all is their total when they make it up exactly', () => {
    const text = '执法人员对检测不合格的4家集中式供水单位责令整改并立案查处，对2家检测不合格的二次供水单位责令整改，6家单位均已整改到位。';
    expect(summary(read(text).claims)).toEqual(['6 = 4 + 2 ok']);
    expect(read('对4家单位责令整改，对2家单位立案查处，7家单位均已整改到位。').claims).toEqual([]);
  });
});

describe('epidemic bulletins, hospital standards and lists of places one a line', () => {
  test('a figure larger than the total after one part and a ；starts a new subject, with its own breakdown', () => {
    const text = '全省129家县级综合医院，128家达到国家基本标准，其中110家达到推荐标准，位列全国第9；1486家乡镇卫生院全部达到国家标准，其中478家达到国家推荐标准。';
    expect(summary(read(text).claims)).toEqual(['129 = 128 ok', '128 = 110 ok', '1486 = 478 ok']);
    // Without the ；the larger figure is read as a part, and the list exceeds its total.
    expect(summary(read('共128家，其中110家达到推荐标准、1486家达到国家标准。').claims)).toEqual(['128 = 110 + 1486 exceeds']);
  });

  test('a percentage followed by 的 is a share of what follows, not of the count before', () => {
    const r = read('104所县级中医医院中有92所达到国家基本标准，其中60所达到国家推荐标准，100%的乡镇卫生院设有中医馆。');
    expect(r.rates).toEqual([]);
    expect(summary(r.claims)).toEqual(['104 = 92 ok', '92 = 60 ok']);
  });

  test('counts that meet a requirement, one after another, are each a subset of the count checked', () => {
    const text = '开展检测教学环境学校5931所，5260所学校教室人均面积符合卫生要求，4952所学校课桌椅符合卫生要求，3312所学校学生宿舍符合卫生要求。';
    expect(summary(read(text).claims)).toEqual(['5931 = 5260 ok', '5931 = 4952 ok', '5931 = 3312 ok']);
    // A count that meets nothing is no subset.
    expect(read('开展检测教学环境学校5931所，新建教室5260间。').claims).toEqual([]);
  });

  test('small-form punctuation (﹔) ends a list like ；, and 现有 after it is a new subject, also in traditional script', () => {
    const text = '截至2月23日24時，全省報告確診病例480例，其中：哈爾濱市198例、雙鴨山市52例、伊春市230例﹔現有重症病例72例。';
    expect(summary(read(text).claims)).toEqual(['480 = 198 + 52 + 230 ok']);
  });

  test('new cases after a ；are not among those there were', () => {
    expect(summary(read('全省原有6例疑似病例中，排除3例；新增疑似病例6例；现有疑似病例9例。').claims)).toEqual(['6 = 3 ok']);
    expect(summary(read('共5家，其中原有3家、新增2家。').claims)).toEqual(['5 = 3 + 2 ok']);
  });

  test('places one a line under 其中：, each with its breakdown in brackets, are the parts', () => {
    const text = '截至2月9日24时，累计报告确诊病例37例。其中:\n晋中市17例(平遥县17例)\n运城市18例(新绛县5例、盐湖区13例)\n临汾市2例(乡宁县1例、吉县1例)。\n新增治愈出院4例。';
    expect(summary(read(text).claims)).toEqual(['37 = 17 + 18 + 2 ok', '17 = 17 ok', '18 = 5 + 13 ok', '2 = 1 + 1 ok']);
  });

  test('confirmed cases are those cured, dead and still treated; the contacts those released and still observed', () => {
    const text = '截至2月29日24時，全省累計報告確診病例93例，累計治癒出院75例，死亡1例。\n現在院隔離治療確診病例17例。密切接觸者3994人，已解除醫學觀察3789人，正在醫學觀察205人。';
    expect(summary(read(text).claims)).toEqual(['93 = 75 + 1 + 17 ok', '3994 = 3789 + 205 ok']);
    // Contacts not all accounted for: a list that may be partial. Cases that do not balance: nothing said.
    expect(summary(read('追踪到密切接触者16110人，已解除医学观察13954人，尚有2027人正在接受医学观察。').claims)).toEqual(['16110 = 13954 + 2027 short-partial']);
    expect(read('累计报告确诊病例93例，累计治愈出院70例，死亡1例。现在院治疗确诊病例17例。').claims).toEqual([]);
  });

  test('a daily bulletin covers one day of its month, its year from the full date elsewhere', () => {
    expect(read('2020年2月9日0时至24时，山西省报告新增确诊病例4例。').period).toMatchObject({ year: 2020, from: 2, to: 2, partial: true, label: '2020年2月9日' });
    expect(read('2020年2月29日疫情通报\n2月29日0-24时，全省新增治愈出院2例。').period).toMatchObject({ year: 2020, from: 2, to: 2, label: '2020年2月29日' });
  });
});

describe('monthly epidemic bulletins: classes across paragraphs, lists of the first few, events and their cases', () => {
  test('cases of each class in later paragraphs add up to all cases, deaths to all deaths', () => {
    const text =
      '全省共报告法定传染病17171例，死亡61人。\n\n乙类传染病中，其余14种传染病共报告发病11056例，死亡60人。\n\n同期，丙类传染病中，其余7种传染病共报告发病6115例，死亡1人。';
    expect(summary(read(text).claims)).toEqual(['17171 = 11056 + 6115 ok', '61 = 60 + 1 ok']);
  });

  test('甲类, 乙类 and 丙类 a paragraph each: the classes three paragraphs down still add up to the total', () => {
    const text =
      '2020年5月，全市共报告法定传染病病例11087例，较上月同期(9713例)上升14.15%；死亡93例。\n甲类传染病无发病、死亡报告。\n乙类传染病共报告发病7786例，较上月同期(7455例)上升4.44%；死亡93例。\n丙类传染病共报告发病3301例，较上月同期(2258例)上升46.19%；无死亡。';
    expect(summary(read(text).claims)).toContain('11087 = 7786 + 3301 ok');
  });

  test('a list of the first few by deaths is of the deaths of its class two lines up; a share after it that fits them all is of them all', () => {
    const text = '报告乙类传染病19547例，死亡77例；报告丙类传染病13058例，死亡1例。\n乙类传染病发病数居前2位的是：肺结核8092例、乙肝5976例。\n乙类传染病死亡数居前3位的是：艾滋病60例、肺结核15例、狂犬病2例，占报告死亡病例总数的100%。';
    const r = read(text);
    expect(summary(r.claims)).toEqual(['19547 = 8092 + 5976 short-partial', '77 = 60 + 15 + 2 ok']);
    expect(r.rates.map((x) => `${x.stated.text} ${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['100% 77/77 ok']);
  });

  test('events of each kind, each with the cases it caused: the events are the parts', () => {
    expect(summary(read('共报告突发公共卫生事件9起，其中传染病暴发事件8起，报告322例病例，无死亡；突发中毒事件1起，报告112例病例。').claims)).toEqual(['9 = 8 + 1 ok']);
    expect(summary(read('共报告突发公共卫生事件9起，其中传染病暴发事件8起，报告322例病例，突发中毒事件1起，报告112例病例。').claims)).toEqual(['9 = 8 + 1 ok']);
  });

  test('a paragraph that opens with 其中 after a blank line breaks down the last figure of the paragraph before', () => {
    const text = '甘肃累计报告确诊病例51例，出院3例，48例在定点医院进行隔离治疗。\n \n  其中，兰州市24例、天水市8例、陇南市4例、临夏州3例、定西市9例。';
    expect(summary(read(text).claims)).toEqual(['51 = 3 + 48 ok', '48 = 24 + 8 + 4 + 3 + 9 ok']);
  });

  test('items of a 、 list do not add up to the first of them; grades of severity are not one within another', () => {
    expect(read('新增病例中，天水市5例、兰州市3例、庆阳市1例、陇南市1例。').claims).toEqual([]);
    expect(read('现有重型病例4例、危重型病例1例。').claims).toEqual([]);
  });
});

describe('statistics bulletins and enforcement figures', () => {
  test('two X中 breakdowns in one sentence, set apart by ；, each of its own total', () => {
    const text = '全省有医疗卫生机构26436个，其中医院1241个、基层医疗卫生机构24558个、专业公共卫生机构545个、其他卫生机构92个。\n基层医疗卫生机构中，卫生院1381个，村卫生室15549个；专业公共卫生机构中，疾病预防控制中心119个，妇幼保健院121个。';
    expect(summary(read(text).claims)).toEqual(['26436 = 1241 + 24558 + 545 + 92 ok', '24558 = 1381 + 15549 short-partial', '545 = 119 + 121 short-partial']);
  });

  test('an item’s own 其中 inside a list holds the figures that fit in it; the rest are the item’s siblings', () => {
    const text = '年末拥有卫生机构768家。其中医院39家，其中三级医院4家，基层医疗卫生机构722家，专业公共卫生机构3家。';
    expect(summary(read(text).claims)).toEqual(['768 = 39 + 722 + 3 short-partial', '39 = 4 ok']);
  });

  test('found failing, then ordered to correct: each a subset of the count before it', () => {
    const text = '共监督检查16.63万户次，发现不合格单位13210户次，责令整改12332户次，有829家单位被行政处罚。';
    expect(summary(read(text).claims)).toEqual(['166300 = 13210 ok', '13210 = 12332 ok']);
  });

  test('patients counted by head before a bracket of cases', () => {
    const text = '现有在院治疗94例，其中重症10例，危重症5例。5名危重症病例(晋城市2例、太原市3例)，10名重症病例(太原市3例、晋中市2例、长治市5例)均已集中收治。';
    expect(summary(read(text).claims)).toEqual(['94 = 10 + 5 short-partial', '5 = 2 + 3 ok', '10 = 3 + 2 + 5 ok']);
  });

  test('the year of a statistics bulletin from its title; a title’s 上半年 from the year that opens the text after it', () => {
    expect(read('(辽宁省)东港市2022年国民经济和社会发展统计公报\n年末全市有各类卫生机构424个。').period).toMatchObject({ year: 2022, from: 1, to: 12 });
    expect(read('上半年卫生健康总结及下半年方案2023年以来，在县委的领导下，全县现有医疗卫生机构177个。').period).toMatchObject({ year: 2023, from: 1, to: 6 });
  });
});

describe('statistics notes numbered inline, breakdowns of a change, blood in units', () => {
  test('items numbered 1. 2. 3. in one paragraph, a sentence each, are the list under 其中：', () => {
    const text = '医疗卫生机构总数为1650个，其中：    1.医院179个，其中：综合医院114个，藏医医院65个。    2.妇幼保健院36个。    3.乡镇卫生院1435个，其中：中心卫生院201个。';
    expect(summary(read(text).claims)).toEqual(['1650 = 179 + 36 + 1435 ok', '179 = 114 + 65 ok', '1435 = 201 ok']);
  });

  test('the breakdown of a change into changes is not read against an earlier figure', () => {
    const text = '10.医学在职培训机构1个。增减情况：比上年机构减少11个，其中医院增加7个，妇幼保健院减少7个，乡镇卫生院减少4个，门诊部减少1个。';
    expect(read(text).claims).toEqual([]);
    // Counts each given with its change are read.
    const counts = '全市医疗卫生机构总数4441个，比上年增加182个，其中，医院162个，比上年增加1个，诊所4279个。';
    expect(summary(read(counts).claims)).toEqual(['4441 = 162 + 4279 ok']);
  });

  test('blood in units: a list by kind, a sentence an item, makes up the total collected; a cross-cutting kind after it is left out', () => {
    const text = '采集血液总量49.5万单位，比去年同期减少8.4%。\n按照血液品种统计：采集全血40.3万单位，同比减少9%。单采血小板9.2万单位，同比减少5.6%；采集RH阴性血2638单位。';
    expect(summary(read(text).claims)).toEqual(['495000 = 403000 + 92000 ok']);
  });
});

describe('inspection results stated after the test', () => {
  test('the result a few sentences after the test: those passing and the one failing make up the count tested', () => {
    const text = '对全区30家住宿场所的毛巾、口杯进行了卫生监督抽检。委托第三方检测单位进行检测。结果显示，有29家检测项目全部合格，1家口杯细菌总数不合格，单位合格率为96.7%，项次合格率为99.5%。';
    const r = read(text);
    expect(summary(r.claims)).toEqual(['30 = 29 + 1 ok']);
    // 单位合格率 is the rate of the units; 项次合格率 of items not counted here, so it is not checked.
    expect(r.rates.map((x) => `${x.stated.text} ${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['96.7% 29/30 ok']);
    // Without a result statement the later figures are no subset of the count.
    expect(read('对全区30家住宿场所进行了抽检。委托第三方检测单位进行检测。另有29家检测项目全部合格。').claims).toEqual([]);
  });

  test('a rate whose nearest count is of the opposite state after its figure: the rest of the total', () => {
    const bad = read('对30家住宿场所进行了抽检，29家检测项目全部合格，1家口杯细菌总数不合格，单位合格率为95.7%。');
    expect(bad.rates.map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['29/30 mismatch']);
  });

  test('those examined of those due, those found ill among them, and those given a health card: each a subset', () => {
    expect(summary(read('全乡已婚育龄妇女数为3581人，实查2120人，查出妇科病人数1458人。').claims)).toEqual(['3581 = 2120 ok', '2120 = 1458 ok']);
    expect(summary(read('7岁以下儿童2231人，当年建卡数为2068人。').claims)).toEqual(['2231 = 2068 ok']);
    // A count of another kind after them is no subset.
    expect(read('7岁以下儿童2231人，新生儿访视397人。').claims).toEqual([]);
  });

  test('bare numbers in a 、 list take the unit of the last (分别为12、15、20人); numbers after 第 do not', () => {
    expect(summary(read('共47人，男、女、儿童分别为12、15、20人。').claims)).toEqual(['47 = 12 + 15 + 20 ok']);
    expect(read('第1、2批共20家。').mentions.map((m) => m.text)).toEqual(['2批', '20家']);
  });

  test('a 其中 list too large for the subset before it is of the one larger figure that can hold it', () => {
    const text = '新发职业性尘肺病病例30136例，平均发病年龄为55.2岁，接尘工龄<5.0年的有6471例(占21.5%)。其中，煤工尘肺和矽肺分别为16210、13577例(共占98.9%)。';
    const r = read(text);
    // The subset before it stays a part of the 30136 by its share (占21.5%).
    expect(summary(r.claims)).toEqual(['30136 = 16210 + 13577 short-partial', '30136 = 6471 ok']);
    expect(r.rates.map((x) => `${x.stated.text} ${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['21.5% 6471/30136 ok', '98.9% 29787/30136 mismatch']);
  });

  test('a count taken on (承办) after the changes of the count before it is a subset of that count', () => {
    const text = '全市共受理12345热线工单35239件，同比减少42483件，减幅54.66%，承办20409件，同比减少11829件，减幅36.69%。';
    expect(summary(read(text).claims)).toEqual(['35239 = 20409 ok']);
    // A count in no state after the changes says nothing.
    expect(read('全市共受理12345热线工单35239件，同比减少42483件，减幅54.66%，来电20409件。').claims).toEqual([]);
  });

  test('shares written with their fractions over one denominator make it up when the numerators add up exactly', () => {
    const text =
      '①户籍：外地户籍者占72.6%(320/441)，本市户籍者占27.4%(121/441).②年龄：35岁及以上者为8.2%(20/243).③时段：孕期死亡者27.6%(67/243)；产时死亡者占6.2% (15/243)；产后死亡者占66.3%(161/243)。';
    const r = read(text);
    expect(summary(r.claims)).toEqual(['441 = 320 + 121 ok', '243 = 67 + 15 + 161 ok', '1 = 0.726 + 0.274 ok']);
    expect(r.claims.map((c) => c.reading)).toEqual(['fraction', 'fraction', 'share-sum']);
    expect(r.claims[0].parts.map((p) => p.label)).toEqual(['外地户籍者', '本市户籍者']);
    // Fractions that do not make their denominator up say nothing.
    expect(read('外地户籍者占72.6%(320/441)，本市户籍者占25.2%(111/441)。').claims).toEqual([]);
  });

  test('a count of the things a list names: each name counts one; fewer names is a warning, never an error', () => {
    const six = read('检验指标为游离性余氯、浑浊度、尿素、pH值、细菌总数、大肠菌群6项。');
    expect(summary(six.claims)).toEqual(['6 = 1 + 1 + 1 + 1 + 1 + 1 ok']);
    expect(six.claims[0].reading).toBe('names');
    expect(six.claims[0].parts.map((p) => p.label)).toEqual(['游离性余氯', '浑浊度', '尿素', 'pH值', '细菌总数', '大肠菌群']);
    const nine = read('涉及公共场所、学校卫生、生活饮用水、职业卫生、放射卫生、医疗卫生、传染病防治、妇幼健康9个专业。');
    expect(summary(nine.claims)).toEqual(['9 = 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1 short-partial']);
    expect(nine.findings.map((f) => [f.ruleId, f.severity])).toEqual([['text.claim-partial', 'warning']]);
    // The message names what is counted (专业; else the words that open the list), not the last name.
    expect(nine.findings[0].message['zh-CN']).toContain('“专业”为 9个');
    expect(six.claims[0].total.label).toBe('检验指标');
    // 和 joins the last two names only when that makes the count; a name may hold 和.
    expect(summary(read('涵盖了公共场所、生活饮用水、学校卫生、放射卫生和计划生育5个专业。').claims)).toEqual(['5 = 1 + 1 + 1 + 1 + 1 ok']);
    expect(summary(read('包括总体情况、主动公开、行政复议和行政诉讼情况3个部分。').claims)).toEqual(['3 = 1 + 1 + 1 ok']);
    // More names than the count, changes, years, single characters and acts found in bodies say nothing.
    expect(read('涉及公共场所、学校卫生、生活饮用水、职业卫生2个专业。').claims).toEqual([]);
    expect(read('门诊部、诊所、医务室减少6个。').claims).toEqual([]);
    expect(read('甲、乙、丙类传染病3种。').claims).toEqual([]);
    expect(read('查处非医师行医、超范围执业、违法发布医疗广告等10家。').claims).toEqual([]);
    // 等 says the list is not complete: fewer names is no finding.
    expect(read('涉及传染病防治、医疗卫生、公共场所、职业健康等九个专业。').claims).toEqual([]);
    expect(summary(read('检测指标为游离性余氯、浑浊度、尿素、pH、菌落总数、大肠菌群等六项。').claims)).toEqual(['6 = 1 + 1 + 1 + 1 + 1 + 1 ok']);
  });

  test('a list whose first item is a change in words is a list of changes, no parts of anything', () => {
    const text = '乙类传染病报告发病率下降5.48%，其中甲肝、戊肝各减少2例；丙类传染病报告发病率下降67.16%，其中流行性感冒减少2750例，流行性腮腺炎减少70例，急性出血性结膜炎减少14例。';
    expect(read(text).claims.filter((c) => c.verdict !== 'ok')).toEqual([]);
  });

  test('a share of counts printed rounded to 万 fits when some counts that round to them give it', () => {
    const ok = read('全市出生人口5.64万人，其中二孩3.34万人，二孩占比59.21%。');
    expect(ok.rates.map((x) => x.verdict)).toEqual(['ok']);
    expect(read('全市出生人口5.64万人，其中二孩3.34万人，二孩占比57.21%。').rates.map((x) => x.verdict)).toEqual(['mismatch']);
    // Exact counts keep the strict check: 3340/5640 = 59.22%.
    expect(read('全市出生人口5640人，其中二孩3340人，二孩占比59.21%。').rates.map((x) => x.verdict)).toEqual(['mismatch']);
  });

  test('a list of the first few of one class is of that class’s figure; a figure in brackets with its unit after them is read', () => {
    const text = '全县报告法定传染病3538例；乙类传染病报告11种2189例。丙类传染病5种1349例。报告病例数居前五位乙类传染病病种依次为乙肝(990)例、肺结核(585例)、梅毒(325例)、丙肝(159例)，占报告病例总数的96.67%。';
    const r = read(text);
    expect(summary(r.claims).filter((c) => c.startsWith('2189') || c.startsWith('1349'))).toEqual(['2189 = 990 + 585 + 325 + 159 short-partial']);
    // The share after the last of them fits neither that part nor the four together: left unchecked.
    expect(r.rates.filter((x) => x.stated.text === '96.67%')).toEqual([]);
  });

  test('报告病例中 with the first group right after it opens a breakdown; a recap in words (两类人群占…) is the groups’ joint share, not a part', () => {
    const text = '全市上周报告手足口病182例，比前一周上升91.58%。报告病例中散居儿童94例，幼托儿童86例，两类人群占报告病例总数的98.90%。';
    const r = read(text);
    expect(summary(r.claims)).toEqual(['182 = 94 + 86 short-partial']);
    expect(r.rates.map((x) => `${x.stated.text} ${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['98.90% 180/182 ok']);
    // 中 inside a word (中医) opens nothing.
    expect(read('持续公开我委推进中医管理12条。').claims).toEqual([]);
  });

  test('a class said to have none is no class of the figures after it; a recap of a top list (这5种…占) is their joint share, no item', () => {
    const text =
      '2012年无甲类传染病发生，共报告法定传染病16种1 983例；报告乙类传染病9种1 045例；报告丙类传染病7种938例；报告病例数居前五位的病种主要有：流行性腮腺炎(430例)、乙型病毒性肝炎(302例)、肺结核(289例)、手足口病(189例)和其他感染性腹泻(274例)，这5种传染病占报告病例总数的74.84%。';
    const r = read(text);
    expect(summary(r.claims)).toEqual(['16 = 9 + 7 ok', '1983 = 1045 + 938 ok', '1983 = 430 + 302 + 289 + 189 + 274 short-partial']);
    expect(r.rates.map((x) => `${x.stated.text} ${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['74.84% 1484/1983 ok']);
  });

  test('technical staff within a staff count, and their grades of title after them, a list that may leave grades out', () => {
    const text = '疾病预防控制中心有在职在编职工67人，有卫生、医疗、检验等专业技术人员53人，高级职称3人，中级职称26人。';
    expect(summary(read(text).claims)).toEqual(['67 = 53 ok', '53 = 3 + 26 short-partial']);
    // Grades adding up to more than the staff say nothing.
    expect(summary(read('有专业技术人员53人，高级职称30人，中级职称26人。').claims)).toEqual([]);
  });
});

describe('very long runs of text', () => {
  test('a breakdown at the end of thousands of characters without a sentence end is still read whole', () => {
    // Text pasted from a table or a PDF without its full stops: one "sentence" of 6,000 characters.
    // The reader looks a bounded stretch back and ahead of each figure, so it stays linear in time,
    // and the claims inside that stretch are the ones a short text gives.
    const filler = Array.from({ length: 300 }, (_, i) => `第${i}项工作按期推进`).join('，');
    const text = `${filler}，全年共受理申请120件，其中当面申请30件、网络申请50件、信函申请40件，${filler}。`;
    expect(text.length).toBeGreaterThan(6000);
    expect(summary(read(text).claims)).toEqual(['120 = 30 + 50 + 40 ok']);
  });
});

describe('a breakdown that names what it breaks down and by what', () => {
  const text =
    '2015年末，全省医疗卫生机构总数达62646个，比上年增加1075个。其中：医院1172个，基层医疗卫生机构58586个。与上年比较，医院增加154个，基层医疗卫生机构增加949个。' +
    '医院中，公立医院530个，民营医院642个。医院按等级分：三级医院65个，二级医院312个，一级医院331个，未定级医院464个。' +
    '医院按床位数分：100张床位以下医院638个，100-199张医院171个，200-499张医院195个，500-799张医院91个，800张及以上医院77个。' +
    '基层医疗卫生机构中，社区卫生服务中心（站）674个，乡镇卫生院2296个。';

  test('医院按等级分 and 医院按床位数分 break down 医院 again, although 医院 is itself a part of the total above', () => {
    const claims = summary(read(text).claims);
    expect(claims).toContain('1172 = 65 + 312 + 331 + 464 ok');
    // The bed-count bands' own figures (100张, 100-199张) are in the names of the items, not parts.
    expect(claims).toContain('1172 = 638 + 171 + 195 + 91 + 77 ok');
  });

  test('X中 breaks down the count of X, not the change of X stated after it (基层医疗卫生机构增加949个)', () => {
    const claims = summary(read(text).claims);
    expect(claims).toContain('58586 = 674 + 2296 short-partial');
    expect(claims.filter((c) => c.startsWith('949 '))).toEqual([]);
  });

  test('figures more than the named figure are not its breakdown', () => {
    const claims = summary(read('全市医院120个。医院按等级分：三级医院65个，二级医院312个。').claims);
    expect(claims.filter((c) => c.startsWith('120 '))).toEqual([]);
  });
});

describe('breakdowns of a statistics brief, a kind of figure a sentence', () => {
  const text =
    '截至2023年底，全市医疗卫生机构2400个，其中：医院120个、基层医疗卫生机构2200个、专业公共卫生机构60个，其他机构20个。\n' +
    '全市医院中，三级10个、二级40个、一级50个、20家尚未定级；按经济类型分，公立医院45个、民营医院75个。\n' +
    '基层医疗卫生机构：卫生院90个、社区卫生服务机构110个、门诊部(所)600个、村卫生室1400个。\n' +
    '专业公共卫生机构：妇幼保健机构12个、疾病预防控制机构13个、卫生监督机构11个。';

  test('全市医院中 names the 医院 of the list before; a second dimension after ；按…分 breaks the same figure down again', () => {
    const claims = summary(read(text).claims);
    expect(claims).toContain('120 = 10 + 40 + 50 + 20 ok');
    expect(claims).toContain('120 = 45 + 75 ok');
    // The first list stops where the second dimension begins: no claim of all six figures.
    expect(claims.filter((c) => c.startsWith('120 = 10 + 40 + 50 + 20 + 45'))).toEqual([]);
  });

  test('a sentence that opens with a name and a colon breaks down the figure of that name; a short list is a warning', () => {
    const claims = summary(read(text).claims);
    expect(claims).toContain('2200 = 90 + 110 + 600 + 1400 ok');
    expect(claims).toContain('60 = 12 + 13 + 11 short-partial');
  });

  test('a heading with a colon names no figure whose name ends otherwise', () => {
    const claims = summary(read('全市医院120个。医院管理：培训班3期，参训人员150人。').claims);
    expect(claims).toEqual([]);
  });
});

describe('a clause of comparison ends a list', () => {
  test('after ，与上年同期相比，the figures are changes, not items (民营医院增加49家)', () => {
    const text = '在全省1034家医院中，公立医院394家，民营医院640家，与上年同期相比，民营医院增加49家，同比增幅为8.29%。';
    expect(summary(read(text).claims)).toEqual(['1034 = 394 + 640 ok']);
    // Without the comparison clause, a third figure is an item like the others.
    expect(summary(read('在全省1083家医院中，公立医院394家，民营医院640家，其他医院49家。').claims)).toEqual(['1083 = 394 + 640 + 49 ok']);
  });
});

describe('the total of a 其中 that opens its sentence, among figures of other kinds', () => {
  test('a sentence of figures in another unit (访谈1次) is passed over for the figure of the part’s kind before it', () => {
    expect(summary(read('全年在门户网站主动公开信息967条。参加在线访谈1次。其中，通过门户网站发布政策信息68件。').claims)).toEqual(['967 = 68 ok']);
  });

  test('one part above the nearest figure is a subset of the earlier figure that can hold it', () => {
    expect(summary(read('全年主动公开信息967条，政策解读11条。其中，通过门户网站发布政策信息68件。').claims)).toEqual(['967 = 68 ok']);
    // In its own sentence the nearest figure stays the total, and a part above it is an error.
    expect(summary(read('全年主动公开信息967件，政策解读11件，其中政策信息68件。').claims)).toEqual(['11 = 68 exceeds']);
  });
});

describe('a list of categories a sentence an item', () => {
  const items: [string, number][] = [['市场管理类', 90], ['住房与城乡建设类', 70], ['农林水利类', 60], ['城市管理类', 40], ['交通运输类', 25], ['公共服务类', 10], ['其他咨询', 5]];
  const total = items.reduce((s, [, n]) => s + n, 0);
  const pct = (n: number): string => `${((100 * n) / total).toFixed(2)}%`;
  const sentences = items.map(([name, n], i) => `${i === 0 ? '其中' : ''}${name}${n}件，占${i === 4 ? '3.63%' : pct(n)}，同比增幅${(i * 3.1 + 2).toFixed(2)}%。`);
  const text = `2023年3月，热线共受理市民来电诉求${total}件，同比增加27件。${sentences.join('')}`;

  test('seven sentences that make up the total exactly are its parts, and each share is checked against it', () => {
    const r = read(text);
    expect(summary(r.claims)).toEqual([`${total} = ${items.map(([, n]) => n).join(' + ')} ok`]);
    // 交通运输类 25 of 300 is 8.33 %, printed 3.63 %: the one wrong share.
    expect(r.rates.filter((x) => x.verdict !== 'ok').map((x) => `${x.stated.text} ${x.numerator.value}/${x.denominator.value}`)).toEqual(['3.63% 25/300']);
  });

  test('sentences that do not make up the total are not taken as its parts', () => {
    const r = read(text.replace('其他咨询5件', '其他咨询6件'));
    expect(summary(r.claims).filter((c) => c.split(' + ').length > 2)).toEqual([]);
  });
});

describe('a list that made its total up is over', () => {
  test('after …办理完成78件，余8件转下年；a figure of the same unit opens a new breakdown (复议6件，5件维持，1件纠正)', () => {
    const text = '全年受理政府信息公开申请86件，办理完成78件，余8件转下年度办理；行政复议6件，5件结果维持，1件结果纠正。';
    expect(summary(read(text).claims)).toEqual(['86 = 78 + 8 ok', '6 = 5 + 1 ok']);
    // A list that has not made its total up goes on: 6件 is its next item, not a new total.
    expect(summary(read('全年受理申请100件，网上申请80件，信函申请8件；当面申请6件，5件当场答复，1件延期答复。').claims)).not.toContain('6 = 5 + 1 ok');
  });
});

describe('scope notes and sums in brackets', () => {
  test('不包括 in a bracket says what the total leaves out; it opens no list', () => {
    const text = '全市拥有各级各类卫生机构400个(不包括以下3类：①卫生社会团体；②卫生行政机关；③军队卫生机构)，其中医院80个，卫生院120个，村卫生室200个。';
    expect(summary(read(text).claims)).toEqual(['400 = 80 + 120 + 200 ok']);
  });

  test('a figure written with its sum in brackets before the unit (138(74+64)个) is a part, and its sum a breakdown of it', () => {
    const text = '全市卫生机构372个，其中医院117个，社区卫生服务中心(站)138(74+64)个，卫生院117个。';
    expect(summary(read(text).claims)).toEqual(['372 = 117 + 138 + 117 ok', '138 = 74 + 64 ok']);
    const wrong = read('全市卫生机构372个，其中医院117个，社区卫生服务中心(站)138(70+64)个，卫生院117个。');
    // The + says the sum is whole: short of the figure is an error, and the message quotes the sum.
    expect(summary(wrong.claims)).toContain('138 = 70 + 64 short');
    expect(wrong.findings.find((f) => f.ruleId === 'text.claim-short')?.message['zh-CN']).toContain('(70+64');
  });
});

describe('a figure named again for each group after it', () => {
  test('疑似职业病15名 … 在岗期间…疑似职业病12名 … 离岗时…疑似职业病3名: the later figures of its name make it up', () => {
    const text = '结果 疑似职业病15名(0.18%)，职业禁忌证118名(1.40%)。上岗前体检510人，职业禁忌证10名(1.96%)；在岗期间体检7595名，疑似职业病12名(0.16%)，职业禁忌证108名(1.42%)；离岗时体检315名，疑似职业病3名(0.95%)。';
    const got = summary(read(text).claims);
    expect(got).toEqual(expect.arrayContaining(['15 = 12 + 3 ok', '118 = 10 + 108 ok']));
    // Figures of the name that do not make it up are no parts.
    expect(summary(read(text.replace('疑似职业病3名', '疑似职业病4名')).claims).filter((c) => c.startsWith('15 '))).toEqual([]);
  });
});

describe('a whole and then a section for each of its kinds', () => {
  // A statistical bulletin: the whole's figures, then ——小学 and ——初中, each with the same figures.
  const bulletin = (primaryArea: string, books = '64.87') =>
    [
      '全县义务教育中小学30所。校舍总面积57.74万平方米，较上年增加0.56万平方米；仪器设备值17919.79万元，较上年增加463.26万元；图书146.13万册。',
      `——小学。校数17所；招生3675人。校舍总面积${primaryArea}万平方米，比上年增加0.44万平方米；仪器设备值9010.34万元；图书81.27万册。`,
      `——初中。校数13所；招生4000人。校舍总面积32.26万平方米，比上年增加0.12万平方米；仪器设备值8909.45万元；图书${books}万册。`,
    ].join('\n');

  test('each figure of the whole is the sum of the same figure in the sections after it', () => {
    const got = summary(read(bulletin('25.48')).claims);
    // 图书 146.13 = 81.27 + 64.87 = 146.14 within the rounding of three figures to 0.01万册.
    expect(got).toEqual(['577400 = 254800 + 322600 ok', '179197900 = 90103400 + 89094500 ok', '1461300 = 812700 + 648700 ok']);
    // The changes beside them (较上年增加0.56万平方米 = 0.44 + 0.12) are no parts of anything.
    expect(got.some((c) => c.startsWith('5600 '))).toBe(false);
  });

  test('sections that do not add up to the whole make no claim; nor do figures of another name', () => {
    const got = summary(read(bulletin('24.48', '60.87')).claims);
    expect(got).toEqual(['179197900 = 90103400 + 89094500 ok']);
    // 招生 has no figure in the whole's paragraph: 3675 and 4000 are no parts of 校数.
    expect(got.some((c) => c.includes('3675'))).toBe(false);
  });

  test('the same name twice in the whole’s own paragraph is a list there, not a whole of the sections', () => {
    const text = '高中段招生3133人，其中普通高中招生2500人。\n普通高中学校5所；招生2500人。\n中职学校1所；招生633人。';
    expect(summary(read(text).claims).filter((c) => c.startsWith('3133 ') && c.includes('633'))).toEqual([]);
    const sections = '高中段学校6所，招生3133人。\n普通高中学校5所；招生2500人。\n中职学校1所；招生633人。';
    expect(summary(read(sections).claims)).toContain('3133 = 2500 + 633 ok');
  });
});

describe('a change and the level it led to', () => {
  test('医院增加了10所，现为1219所: the levels are the items, the changes are not', () => {
    const text = '2020年全省卫生健康机构34975个，与上年相比减少了429个。其中：医院增加了10所，现为1219所；基层医疗卫生机构减少了420个，现为33199个；专业公共卫生机构减少了30个，现为463个；其他卫生机构94个。';
    expect(summary(read(text).claims)).toEqual(['34975 = 1219 + 33199 + 463 + 94 ok']);
    // Parts in 所 and 个 under a total in 个 are institutions alike: short of the total, a partial list.
    expect(summary(read(text.replace('；其他卫生机构94个', '')).claims)).toEqual(['34975 = 1219 + 33199 + 463 short-partial']);
    // A list of changes alone is still no breakdown of the total.
    expect(read('全省卫生健康机构34975个。其中：医院增加了10所，基层医疗卫生机构减少了420个。').claims).toEqual([]);
  });
});

describe('办理结果：a second dimension of a total a few sentences back', () => {
  test('the results of the proposals handled break the same total down again', () => {
    const text = '办理建议、提案共计10件，其中主办2件，会办8件。严格按照办理程序认真办理。按时办结率为100%，办理态度满意率100%。办理结果：A类2件，B类8件，C类0件。';
    expect(summary(read(text).claims)).toEqual(['10 = 2 + 8 ok', '10 = 2 + 8 + 0 ok']);
    // Results that do not fit under the total are not read as its breakdown.
    expect(summary(read(text.replace('B类8件', 'B类18件')).claims)).toEqual(['10 = 2 + 8 ok']);
  });
});

describe('其中： at the end of a line, then a paragraph an item', () => {
  test('items set apart by blank lines, each a name and its figure with a note, up to the one that ends with 。', () => {
    const items: Array<[string, number]> = [['科学技术支出', 20.6], ['社会保障和就业支出', 8493.3], ['卫生健康支出', 114341.9]];
    const total = items.reduce((a, [, v]) => a + v, 0).toFixed(1);
    const text = [`  单位支出预算${total}万元，与2018年预算相比增加28091.9万元，其中：`, ...items.map(([l, v], k) => `  ${l}${v}万元${k < items.length - 1 ? '；主要用于单位基本支出；' : '，主要用于项目支出。'}`), '  四、其他重要事项的情况说明', '  本部门2019年安排政府采购预算3000万元，全部为货物。'].join('\n\n');
    const got = summary(read(text).claims);
    expect(got).toEqual([`${Math.round(Number(total) * 10000)} = ${items.map(([, v]) => Math.round(v * 10000)).join(' + ')} ok`]);
  });
});

describe('two dimensions of a total one after the other in one list', () => {
  test('by applicant, then by outcome: two claims, each making the total up; 已通过网站对外公开 is an outcome, not a new subject', () => {
    const text = '全年办理政府信息公开申请7件，其中自然人6件，法人及其他组织1件，予以公开或部分公开1件，本机关不掌握4件，已通过网站对外公开1件，不予公开1件。';
    expect(summary(read(text).claims)).toEqual(['7 = 6 + 1 ok', '7 = 1 + 4 + 1 + 1 ok']);
    // A second run that does not make the total up leaves the list one claim.
    expect(summary(read(text.replace('本机关不掌握4件', '本机关不掌握3件')).claims)).toEqual(['7 = 6 + 1 + 1 + 3 + 1 + 1 overlap']);
    // 已办结 after a list is still the state of its total, no item of it.
    expect(summary(read('受理申请20件，其中当面申请10件，网络申请10件，已办结18件。').claims)).toEqual(['20 = 10 + 10 ok']);
  });
});

describe('a part named again in the next sentence', () => {
  test('the figures of a sentence that opens with a part\'s own words break that part down, when they make it up exactly', () => {
    const text = '截至2023年12月31日，政务信息公开主动公开总数146条，其中在开化县政府信息公开网站公开政府信息101条，政务微信公开政府信息45条。在开化县政府信息公开网站公开政策文件5条，其他各类信息96条。';
    expect(summary(read(text).claims)).toEqual(['146 = 101 + 45 ok', '101 = 5 + 96 ok']);
    // A sentence of other words is no breakdown of the part.
    expect(summary(read(text.replace('在开化县政府信息公开网站公开政策文件', '本年度发布政策文件')).claims)).toEqual(['146 = 101 + 45 ok']);
  });
});

describe('items of published information in 条 and 件 after ；', () => {
  test('a 件 of documents among 条 of information is an item of the list, so their sum is checked whole', () => {
    const text = '全年共主动公开政府信息565条，其中：发布工作信息421条；制定并发布规范性文件11件；发布统计信息2条；发布人事信息6条；发布财政及“三公经费”信息2条；更新办事指南143条。通过政务微信公开信息25条。';
    expect(summary(read(text).claims)).toEqual(['565 = 421 + 11 + 2 + 6 + 2 + 143 exceeds']);
    // Of another total (受理投诉100件), 条 after ；stay other measures.
    expect(summary(read('全年受理投诉100件，其中：电话投诉60件；网络投诉40件；发布提示信息12条。').claims)).toEqual(['100 = 60 + 40 ok']);
  });
});

describe('a list that goes on past a new verb', () => {
  test('later clauses, 、 items among them, are parts when with them the list makes its total up exactly', () => {
    const text = '2022年通过官网发布信息3374条，其中，发布规范性文件5件、政策宣传解读16件、其他文件35件，发布办理省人大代表建议74件、省政协委员提案69件，发布文旅要闻384条，行业动态1462条，公示公告524条，其他信息805条，总访问量176万余次。';
    expect(summary(read(text).claims)).toEqual(['3374 = 5 + 16 + 35 + 74 + 69 + 384 + 1462 + 524 + 805 ok']);
    // Clauses that do not make it up exactly are left out: the list stays where it stopped.
    expect(summary(read(text.replace('其他信息805条', '其他信息800条')).claims)).toEqual(['3374 = 5 + 16 + 35 short-partial']);
  });
});

describe('a bracket of counts in more than one word', () => {
  test('89篇次(…新闻发布会5次…) is made up by its bracket, with a note on the units; a bracket that does not make it up in other units is not read', () => {
    const text = '其中网站共发布89篇次(文字解读18篇次、图文解读12篇次、音视频解读13篇次、新闻发布会5次、媒体报道解读相关信息41篇次)。';
    const r = read(text);
    expect(summary(r.claims)).toEqual(['89 = 18 + 12 + 13 + 5 + 41 ok']);
    expect(r.claims[0].note?.['zh-CN']).toContain('单位不同');
    expect(read(text.replace('新闻发布会5次', '新闻发布会6次')).claims).toEqual([]);
  });
});

describe('kinds of a class of institution', () => {
  test('社区卫生服务中心(站) and 卫生院 after 基层医疗卫生机构: its breakdown, which may leave kinds out; 医院 kinds are not 基层', () => {
    const head = '全市医疗卫生机构总诊疗552.24万人次。其中：医院诊疗221.23万人次；基层医疗卫生机构诊疗316.71万人次；其他医疗卫生机构诊疗14.30万人次。\n';
    const got = summary(read(`${head}社区卫生服务中心(站)诊疗25.58万人次，同比增加11.61%，卫生院诊疗88.46万人次，同比减少9.45%。`).claims);
    expect(got).toContain('3167100 = 255800 + 884600 short-partial');
    // Kinds that are not all of one class name none: 卫生院 and 综合医院.
    const mixed = summary(read(`${head}综合医院诊疗25.58万人次，卫生院诊疗88.46万人次。`).claims);
    expect(mixed.filter((c) => c.startsWith('3167100 =') || c.startsWith('2212300 ='))).toEqual([]);
  });
});

describe('a short name and 中 with a colon', () => {
  test('医院中：公立医院…；民营医院… breaks down the 医院 of the list before', () => {
    const text = '全省医疗卫生机构总诊疗1.31亿人次。其中：医院0.51亿人次，基层医疗卫生机构0.75亿人次，其他医疗卫生机构0.05亿人次。医院中：公立医院诊疗0.42亿人次，民营医院0.09亿人次。';
    expect(summary(read(text).claims)).toContain('51000000 = 42000000 + 9000000 ok');
    // Without the colon a two-character word and 中 is an ordinary word (期中, 心中).
    expect(summary(read('医院共300人。医院中，有护士120人。').claims).filter((c) => c.startsWith('300 = 120 +'))).toEqual([]);
  });
});

describe('a list by year', () => {
  test('分别为2012年621起，2013年519起… are the items of the total; a year after an item of another kind still starts a new subject', () => {
    const text = '行政处罚案件数为2427例，分别为2012年621起，2013年519起，2014年519起，2015年465起，2016年303起，呈逐年下降趋势。';
    expect(summary(read(text).claims)).toEqual(['2427 = 621 + 519 + 519 + 465 + 303 ok']);
    expect(summary(read('共受理申请50件，其中当面申请20件，网络申请30件，2023年结转5件。').claims)).toEqual(['50 = 20 + 30 ok']);
  });
});

describe('figures inside a list that are not its items', () => {
  test('a figure and 中 opens a new subject: 1 303例中，… is no item of the list before', () => {
    const text = '2010年全县共报告手足口病1 303例，其中重症病例8例，发病率为203.97/10万；1 303例中，3~7月份发病的占69.22%，其他月份占30.78%；5岁及以下儿童1 275例，占97.85%。';
    const r = read(text);
    // 5岁及以下儿童1 275例，占97.85% is a part of the 1 303 by its share, not an item of the list.
    expect(summary(r.claims)).toEqual(['1303 = 8 ok', '1 = 0.6922 + 0.3078 ok', '1303 = 1275 ok']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('the day’s increase of an item (当日新增193人次) is within it', () => {
    const text = '高风险岗位全员筛查累计检测10231人次。其中：冷链食品从业人员累计检测63人次；发热门诊、急诊一线人员累计检测4624人次，当日新增193人次；隔离场所服务人员累计检测337人次；基层医务人员累计检测3308人次；社区村管控人员累计检测1899人次。';
    expect(summary(read(text).claims)).toEqual(['10231 = 63 + 4624 + 337 + 3308 + 1899 ok']);
  });

  test('changes listed after 分别 (两数据较上一年度分别增长9.67%、12.83%) are no shares', () => {
    const text = '全市出生91569个，其中第一胎数为59229个，第二胎及以上数为32340个，两数据较上一年度分别增长9.67%、12.83%。';
    expect(read(text).rates).toEqual([]);
    // Shares after 分别占 still are.
    const shares = read('全市出生91569个，其中第一胎数为59229个，第二胎及以上数为32340个，分别占64.68%、35.32%。').rates;
    expect(shares.map((x) => `${x.stated.text} ${x.verdict}`)).toEqual(['64.68% ok', '35.32% ok']);
  });
});

describe('groups given the same counts as the whole', () => {
  test('each count of the whole is the sum of the groups’ counts in the same place, when every one adds up', () => {
    const text = '共抽取居民食盐样品1000份，碘盐900份，碘盐覆盖率90.00%；合格碘盐850份，合格碘盐食用率85.00%。沿海乡镇居民食用盐400份，碘盐340份；合格碘盐310份。内地乡镇居民食用盐600份，碘盐560份；合格碘盐540份。';
    const got = summary(read(text).claims);
    expect(got).toEqual(expect.arrayContaining(['1000 = 400 + 600 ok', '900 = 340 + 560 ok', '850 = 310 + 540 ok']));
    // Opened by 其中, the first group's figures are no list of the first total.
    expect(summary(read(text.replace('沿海乡镇', '其中沿海乡镇')).claims).filter((c) => c.startsWith('1000 = 400 + 340'))).toEqual([]);
    // Two counts of three add up: the groups are the whole, and the third count falls short of its total.
    const off = summary(read(text.replace('合格碘盐540份', '合格碘盐530份')).claims);
    expect(off).toEqual(expect.arrayContaining(['1000 = 400 + 600 ok', '850 = 310 + 530 short-partial']));
    // One of three is no proof: the groups may not be the whole.
    const most = summary(read(text.replace('合格碘盐540份', '合格碘盐530份').replace('碘盐560份', '碘盐550份')).claims);
    expect(most.filter((c) => c.startsWith('1000 = 400 + 600'))).toEqual([]);
  });

  test('groups a clause each, set apart by ；, the fewest that make the whole up; a count a little short is a warning', () => {
    const text =
      '今年住院分娩补助的总任务是299585人，已补助88491人，执行进度为29.5%。其中，应补助2008年孕产妇122278人，已补助28722人，执行进度为23.5%；应补助2009年孕产妇41307人，已补助20105人，执行进度为48.7%；2010年应补助孕产妇136000人，已补助39648人，执行进度为29.2%。\n今年宫颈癌检查项目的总任务是162386人，实际检查17035人。';
    const got = summary(read(text).claims);
    expect(got).toEqual(expect.arrayContaining(['299585 = 122278 + 41307 + 136000 ok', '88491 = 28722 + 20105 + 39648 short-partial']));
  });

  test('men and women after a count of people make it up', () => {
    const text = '2009~2014年共报告手足口病病例50141例，年均发病率为99.17/10万，重症2498例。男33 224例，女16 917例，男女性别比为1.96∶1。';
    expect(summary(read(text).claims)).toContain('50141 = 33224 + 16917 ok');
    expect(summary(read(text.replace('女16 917例', '女16 900例')).claims).filter((c) => c.includes('33224'))).toEqual([]);
    // With their shares in brackets, and after a count of another kind the list before misread them as parts of.
    const shares = '共报告9 608例疑似职业病，涉及7大类30种职业病。病例分布在全市39个区县，男性9 164例(占95.38%)，女性444例(占4.62%)。';
    expect(summary(read(shares).claims)).toEqual(['9608 = 9164 + 444 ok', '1 = 0.9538 + 0.0462 ok']);
  });
});

describe('sums of money after counts of people', () => {
  test('罚款金额分别为…元和…元 is no breakdown of 处罚个人554人; 罚款总金额 in the next sentence is their total', () => {
    const text = '各监管执法部门共检查单位121391家，处罚单位588家，处罚个人554人，罚款金额分别为1408450元和43370元。罚款总金额为1451820元，较去年同期增加21.7%。';
    expect(summary(read(text).claims)).toEqual(['1451820 = 1408450 + 43370 ok']);
    expect(summary(read(text.replace('1451820元', '1451000元')).claims)).toEqual([]);
  });
});

describe('channels that publish the same items', () => {
  const channels = [
    ['依托政府网站主动公开信息', '通过政务微信公众号公开政府信息', '通过政务公开栏公开政府信息'],
    ['通过门户网站发布', '通过微博发布', '在抖音号发布'],
  ];
  test.each(channels)('one channel carried every item (%s …): the others publish them again, so the claim holds with a note', (a, b, c) => {
    const text = `2020年主动公开政府信息73条，其中${a}73条；${b}40条；${c}73条。`;
    const [claim] = read(text).claims;
    expect(summary([claim])).toEqual(['73 = 73 + 40 + 73 ok']);
    expect(claim.note?.['zh-CN']).toContain('同一批信息');
    expect(claim.parts.filter((p) => p.overlap).length).toBe(2);
  });

  test('channels none of which carried every item, or parts that are no channels, stay an error', () => {
    expect(summary(read('主动公开政府信息73条，其中通过政府网站公开60条；通过微信公众号公开50条。').claims)).toEqual(['73 = 60 + 50 exceeds']);
    expect(summary(read('办理案件73件，其中警告73件，罚款12件。').claims)).toEqual(['73 = 73 + 12 exceeds']);
  });
});

describe('a part whose own list follows a colon', () => {
  test.each([
    ['(其中,法定主动公开内容16条:包括机构职能1条,工作部署2条、部门预算12条、政府信息公开年报1条。)'],
    ['其中法定公开内容16条：机构职能1条，工作部署2条，部门预算12条，政府信息公开年报1条。'],
  ])('%s: the part heads the items after the colon', (tail) => {
    const text = `通过政府网站公开信息数16条,${tail}`;
    expect(summary(read(text).claims)).toEqual(['16 = 16 ok', '16 = 1 + 2 + 12 + 1 ok']);
    expect(read(text).claims[1].parts[0].label).toBe('机构职能');
    // An item list that does not make its head up is that level's error, not the total's.
    expect(summary(read(text.replace('部门预算12条', '部门预算14条')).claims)).toEqual(['16 = 16 ok', '16 = 1 + 2 + 14 + 1 exceeds']);
  });
});

describe('the sides of a fund account', () => {
  test('spending and the balance after an income and its 其中 are no parts of the income', () => {
    const text =
      '职工基本医疗保险基金收入41.89亿元，同比增长9.32%，其中统筹基金收入30.30亿元；基金支出28.63亿元，同比增长14.91%，其中统筹基金支出15.82亿元；当期结余13.26亿元。';
    const got = summary(read(text).claims);
    expect(got).not.toContain('4189000000 = 3030000000 + 2863000000 + 1326000000 exceeds');
    expect(got.filter((c) => c.endsWith('exceeds'))).toEqual([]);
    expect(got).toContain('2863000000 = 1582000000 ok');
  });

  test('a balance carried over is still a part of a budget’s income', () => {
    const text = '2021年部门收入预算496,555.7万元。其中，本年收入合计493,824.1万元；上年结转结余2,731.6万元。';
    expect(summary(read(text).claims)).toContain('4965557000 = 4938241000 + 27316000 ok');
  });
});

describe('lines of items under a colon', () => {
  test('a line of a channel, a colon, a few words and the figure is an item; a line without a figure ends the list', () => {
    const text = '2024年通过多种渠道累计主动公开政府信息424条，具体包括：\n政府网站：发布信息42条，涵盖政府职能、发展规划等。\n微信公众号：发布信息212条，及时推送镇内新闻。\n公告栏与宣传册：在镇内公共场所设置公告栏，定期更新。\n';
    expect(summary(read(text).claims)).toEqual(['424 = 42 + 212 short-partial']);
    expect(summary(read(text.replace('424条', '254条')).claims)).toEqual(['254 = 42 + 212 ok']);
  });

  test.each([
    ['(26条)', '(67条)', '(9条)'],
    ['（26条）', '（67条）', '（9条）'],
  ])('items that give their count in brackets %s, then a colon and what they hold: each a part, each broken down by what follows', (a, b, c) => {
    const text = `全年通过各类平台主动公开政府信息共计102条，主要包括：\n\n基础信息公开${a}：政府信息公开制度、指南、年度报告各1条，政府工作报告1份，镇情概况信息9条等。\n\n重点领域公开${b}：公开财政预决算等领域信息52条；公开乡镇基层政务信息15条。\n\n决策与文件公开${c}\n`;
    const cs = read(text).claims;
    expect(summary(cs)).toEqual(['102 = 26 + 67 + 9 ok', '26 = 1 + 1 + 1 + 1 + 9 short-partial', '67 = 52 + 15 ok']);
    expect(cs[0].parts.map((p) => p.label)).toEqual(['基础信息公开', '重点领域公开', '决策与文件公开']);
    // 份 of a document and 条 of information are items of one list.
    expect(cs[1].note?.['zh-CN']).toContain('条 / 份');
    expect(summary(read(text.replace('信息15条', '信息16条')).claims)).toContain('67 = 52 + 16 exceeds');
  });
});

describe('stages of handling cases', () => {
  test.each([
    ['12月共受理各类城市管理案件1054件，其中立案996件，应结案972件，结案911件，结案率93.72%，按期结案737件。', '1054 = 996 + 972 + 911 + 737 ok'],
    ['本月受理诉求2000件，其中受理1900件、派遣1800件、办结1500件、回访1200件。', '2000 = 1900 + 1800 + 1500 + 1200 ok'],
  ])('%s: counts that fall from stage to stage are not added', (text, expected) => {
    const [claim] = read(text).claims;
    expect(summary([claim])).toEqual([expected]);
    expect(claim.note?.['zh-CN']).toContain('先后环节');
  });

  test('stages that grow, or kinds that are no stages, stay an error', () => {
    expect(summary(read('共受理案件1054件，其中立案996件，结案999件，按期结案737件。').claims)).toEqual(['1054 = 996 + 999 + 737 exceeds']);
    expect(summary(read('共受理案件1054件，其中市容环境996件，街面秩序911件。').claims)).toEqual(['1054 = 996 + 911 exceeds']);
  });
});

describe('a rate after items set apart by ； or lines', () => {
  test('a rate whose own item has counts is not checked against the counts of the item before', () => {
    const text = '累计投入7235.6万元，推进改善项目，目前已开工57个，竣工38个；\n投入资金1455万元，推进233所学校239座改造项目，竣工率100%；';
    expect(read(text).rates.filter((r) => r.verdict !== 'ok')).toEqual([]);
    // In its own item, the pair is still checked.
    const own = read('累计投入7235.6万元，推进改善项目，目前已开工57个，竣工38个，竣工率100%。').rates;
    expect(own.map((r) => r.verdict)).toEqual(['mismatch']);
  });
});

describe('a total after its parts that says how many they are', () => {
  test('两项合计 after two counts: the two make it up; 两项 is no part', () => {
    const text = '今年6月，全市收到12345热线转办消费者投诉举报2625件，全国12315平台受理消费者投诉举报1717件，两项合计共受理消费者咨询投诉举报4342件，为消费者挽回经济损失67.34万元。';
    expect(summary(read(text).claims)).toEqual(['4342 = 2625 + 1717 ok']);
    expect(summary(read(text.replace('两项合计', '以上合计')).claims)).toEqual(['4342 = 2625 + 1717 ok']);
    // Only exact sums: a total that the counts before it do not make up is no claim.
    expect(summary(read(text.replace('4342件', '4340件')).claims)).toEqual([]);
  });
});

describe('items named by a year or counted in letters', () => {
  test('a document named by its year (2021年信息公开年报1条) is an item of the list; a year that opens a clause is a new subject', () => {
    const text = '2022年，主动公开政府信息32条，包括领导信息类1条、工作动态类6条、财政预决算类3条、处罚强制类21条、2021年信息公开年报1条。';
    expect(summary(read(text).claims)).toEqual(['32 = 1 + 6 + 3 + 21 + 1 ok']);
    expect(summary(read('主动公开政府信息32条，包括领导信息类1条、工作动态类6条，2021年共收到申请25条。').claims)).toEqual(['32 = 1 + 6 short-partial']);
  });

  test('letters (封) are added with work orders (件): the note names both units', () => {
    const text = '本季度共受理非话务渠道诉求277件，其中，省长信箱转派工单23件，书记市长信箱信件41封，书记县长信箱信件102封，中国政府网转派工单111件。';
    const [claim] = read(text).claims;
    expect(summary([claim])).toEqual(['277 = 23 + 41 + 102 + 111 ok']);
    expect(claim.note?.['zh-CN']).toContain('件 / 封');
    // 封 starting a word is no unit.
    expect(read('全年共处理3封闭管理小区事项。').mentions.map((m) => m.unit)).not.toContain('封');
  });
});

describe('figures in an item that are not its part', () => {
  test('an approximate figure of another unit beside an exact one of the list’s unit is a note on the item', () => {
    const text = '累计主动公开政府信息18条，其中财政信息4条、人事信息2条、机构信息15条、政府信息公开年度报告1条，同步公开业务事项50余项及其他相关信息1条。';
    // The clause after the 、 list (，同步公开…) is another clause: its figures are no parts.
    expect(summary(read(text).claims)).toEqual(['18 = 4 + 2 + 15 + 1 exceeds']);
    expect(summary(read(text.replace('18条', '22条')).claims)).toEqual(['22 = 4 + 2 + 15 + 1 ok']);
    // Approximate figures of the list's unit stay parts (6.7万余条 of channels in 条).
    const approx = '全旗主动公开政府信息6.7万余条，其中政府网站公开信息5636条；政务新媒体公开信息9500余条；电视、报纸等其他媒体公开信息51800余条，总浏览量共计3069874次。';
    expect(summary(read(approx).claims)).toEqual(['67000 = 5636 + 9500 + 51800 approx']);
  });

  test('the number of kinds a sentence announces in words is no part of the list after it', () => {
    const text = '2024年，全镇累计公开政府信息1024条，其中，政府网站公开信息52条，融媒体公开信息568条，其他载体公开信息404条。从公开内容来看，重点推进五个方面的信息公开。一是乡村振兴信息公开215条；二是安全生产等信息公开289条；三是环境保护等信息公开332条；四是民生领域等信息发布解读118条；五是其他重点领域信息公开70条。';
    expect(summary(read(text).claims)).toEqual(['1024 = 52 + 568 + 404 ok', '1024 = 215 + 289 + 332 + 118 + 70 ok']);
  });
});

describe('the total of a list in the sentence before, by its sum', () => {
  test('parts below the nearest figure there, which another figure there makes up exactly, are of that figure', () => {
    const text = '区政府审结的复议案件977件中直接纠错236件，纠错率约为24%。结果分别为决定撤销48件，责令履职10件，撤销并责令重做28件，确认违法150件。其中行政强制类案件164件，行政处罚类案件24件，信息公开类案件22件，行政不作为类案件9件，投诉举报类案件5件，行政处理类案件1件，其他类11件。';
    const got = summary(read(text).claims);
    expect(got).toContain('236 = 164 + 24 + 22 + 9 + 5 + 1 + 11 ok');
    expect(got.filter((c) => c.startsWith('977 =') && c.includes('164'))).toEqual([]);
    // Falling short of both, the list stays with the nearest figure: a short list closed by 其他 is an error.
    const short = summary(read(text.replace('其他类11件', '其他类10件')).claims);
    expect(short).toContain('977 = 164 + 24 + 22 + 9 + 5 + 1 + 10 short');
  });
});

describe('a rate beside cases carried over', () => {
  test('a count carried over to next year (含2件转下年度办结) is no numerator of 办结率', () => {
    for (const unit of ['件', '封']) {
      const text = `2025年，本局共收到依申请公开件27${unit}，其中，14${unit}申请人主动撤销申请，13${unit}(含2${unit}转下年度办结)均在规定时限内答复办结，办结率达100%。`;
      expect(read(text).rates.filter((r) => r.verdict === 'mismatch')).toEqual([]);
    }
    // A count concluded in the same place is still the numerator.
    const done = read('2025年，共收到依申请公开件27件，已办结25件，办结率达100%。').rates;
    expect(done.map((r) => `${r.numerator.value}/${r.denominator.value} ${r.verdict}`)).toEqual(['25/27 mismatch']);
  });
});

describe('items written alike, each with its own 共', () => {
  test.each([
    ['共有', '张', '年末全区医疗卫生单位共有病床9200张，比上年增长0.7%。其中，医院共有病床6100张，乡镇卫生院共有病床2300张，妇幼卫生机构共有病床800张。'],
    ['共有', '人', '全县共有卫生技术人员1536人，其中医院共有卫生技术人员1020人、卫生院共有卫生技术人员410人、疾控中心共有卫生技术人员106人。'],
    ['共计', '件', '全年办理行政处罚案件215件。其中，卫生监督所共计办理120件，疾控中心共计办理60件，乡镇共计办理35件。'],
  ])('%s in every item is the items’ own word, not a new subject (%s)', (_word, _unit, text) => {
    const r = read(text);
    const c = r.claims.find((x) => x.parts.length >= 3);
    expect(c?.parts.reduce((s, p) => s + p.value, 0)).toBe(c?.total.value);
    expect(c?.verdict).toBe('ok');
  });

  test('a 共 that only a later item has still opens a new subject', () => {
    const r = read('全年受理投诉459件，其中消费投诉300件，质量投诉159件，共有调解员参与调解120件。');
    expect(summary(r.claims)).toEqual(['459 = 300 + 159 ok']);
  });
});

describe('the figure right before the marker, in another unit', () => {
  test.each([
    ['政务公开工作涉及全县16个镇、25家单位，政务新媒体8家，包括7个微信公众号，1个抖音号。', '8 = 7 + 1 ok'],
    ['全县辖12个乡镇、30个社区，医联体5家，其中紧密型医联体3个、专科联盟2个。', '5 = 3 + 2 ok'],
  ])('%s: the parts make up the figure they follow, not the nearest of their unit', (text, claim) => {
    expect(summary(read(text).claims)).toEqual([claim]);
  });

  test('a figure before the marker that the parts do not make up is not taken for their total', () => {
    const claims = summary(read('政务公开工作涉及全县16个镇、25家单位，政务新媒体9家，包括7个微信公众号，1个抖音号。').claims);
    expect(claims.some((c) => c.startsWith('9 ='))).toBe(false);
  });
});

describe('a part whose own list follows 包括: and a part with its own 其中', () => {
  const text = (total: number, colon: string): string =>
    `街道主动公开政府信息共计${total}条。其中，通过网站主动公开政府信息96条，包括${colon}工作动态70条，通知公告17条，政策解读9条；` +
    '通过政务微信公众号公开25条信息；通过其他方式公开40条信息，其中，在日报发稿13条，在晚报发稿11条，外宣网16条。';

  test.each([['：'], [':']])('the channels are the parts of the total; each list is its own part’s (colon %s)', (colon) => {
    expect(summary(read(text(161, colon)).claims)).toEqual(['161 = 96 + 25 + 40 ok', '96 = 70 + 17 + 9 ok', '40 = 13 + 11 + 16 ok']);
  });

  test('channels above their total are an error of the channels, not of the items inside them', () => {
    expect(summary(read(text(150, '：')).claims)).toEqual(['150 = 96 + 25 + 40 exceeds', '96 = 70 + 17 + 9 ok', '40 = 13 + 11 + 16 ok']);
  });
});

describe('a list closed by the rest, then a channel', () => {
  const text = (rest: number, restName = '其他信息'): string =>
    `2020年，县政府办公室主动公开政府信息1200条。其中，政务动态类信息700条，概况类信息300条，${restName}${rest}条，通过政务微信公开政府信息45条。`;

  test.each([['其他信息'], ['其它类']])('the items up to %s make the total; the channel after them counts the same items', (name) => {
    expect(summary(read(text(200, name)).claims)).toEqual(['1200 = 700 + 300 + 200 ok']);
  });

  test('items closed by the rest that do not make the total up are all parts, and above it an error', () => {
    expect(summary(read(text(210)).claims)).toEqual(['1200 = 700 + 300 + 210 + 45 exceeds']);
  });
});

describe('a list that goes on past a 、 run, a clause an item', () => {
  const text = (total: number, tail: string): string =>
    `全年通过微信公众号推送、发布各类信息${total}条，其中，发布每周工作动态信息29条、组织开展活动信息10条、培训信息6条${tail}。`;
  const clauses = '，主题教育信息32条，视频1条，政策解读信息38条，科普宣传信息26条';

  test('the clauses are more items: together they make the total, or exceed it as the report’s error', () => {
    expect(summary(read(text(142, clauses)).claims)).toEqual(['142 = 29 + 10 + 6 + 32 + 1 + 38 + 26 ok']);
    expect(summary(read(text(137, clauses)).claims)).toEqual(['137 = 29 + 10 + 6 + 32 + 1 + 38 + 26 exceeds']);
  });

  test('clauses of other shapes after the run are not taken as items when the list would exceed its total', () => {
    const other = '，开展主题教育活动32场次，覆盖群众1200人';
    expect(summary(read(text(137, other)).claims)).toEqual(['137 = 29 + 10 + 6 short-partial']);
  });
});

describe('the one part of a list broken down in the next sentence', () => {
  const text = (last: number, sep = '；'): string =>
    `全年主动公开信息918条，其中重点领域信息公开370条。全年发布社会救助和社会福利类信息142条${sep}社会组织信息58条${sep}养老服务类信息78条、社会帮扶类信息16条、养老服务热点回应类信息40条、保基本民生类信息${last}条。`;

  test.each([['；'], ['，']])('figures of the part’s unit that make it up exactly are its parts (items set apart by %s)', (sep) => {
    expect(summary(read(text(36, sep)).claims)).toEqual(['918 = 370 ok', '370 = 142 + 58 + 78 + 16 + 40 + 36 ok']);
  });

  test('figures that do not make it up are no breakdown of it: without a marker nothing says so', () => {
    expect(summary(read(text(30)).claims)).toEqual(['918 = 370 ok']);
  });
});

describe('a list a sentence an item, each with its share', () => {
  const items: Array<[string, number, string]> = [
    ['人力资源社会保障类', 103, '7.86%'],
    ['住房与城乡建设类', 95, '7.25%'],
    ['医疗卫生健康类', 147, '3.59%'],
    ['农林水利类', 119, '9.08%'],
    ['公共服务类', 218, '16.64%'],
    ['其他咨询', 728, '55.57%'],
  ];
  const text = (rows: typeof items): string =>
    `2023年1月热线共受理市民来电诉求1310件，同比减少101件。其中${rows.map(([n, v, s]) => `${n}${v}件，占${s}，同比增幅3.2%。`).join('')}各责任单位共承办工单1310件。`;

  test('the shares say the figures are parts: a mistyped figure makes the list exceed its total', () => {
    expect(summary(read(text(items)).claims)).toContain('1310 = 103 + 95 + 147 + 119 + 218 + 728 exceeds');
    // With the figure its share gives (47 of 1310 is 3.59 %), the list makes its total.
    const fixed = items.map((x): [string, number, string] => (x[1] === 147 ? [x[0], 47, x[2]] : x));
    expect(summary(read(text(fixed)).claims)).toContain('1310 = 103 + 95 + 47 + 119 + 218 + 728 ok');
  });

  test('sentences whose shares do not agree with their figures are not read as the list', () => {
    const wrong = items.map((x, k): [string, number, string] => (k === 1 || k === 3 ? [x[0], x[1] + 40, x[2]] : x));
    expect(summary(read(text(wrong)).claims).filter((c) => c.startsWith('1310 = 103 +'))).toEqual([]);
  });

  // Fourteen categories of a month's calls, two of whose shares are not read right: one with a stray
  // mark before its % (占10.81`%), one printed 0.24% for 4 of 1628 (0.25 %). The categories add up to
  // 1622, and the list closes with the rest (其他咨询), so six calls are missing from a complete list.
  const month: Array<[string, number]> = [
    ['人力资源社会保障类', 125], ['住房与城乡建设类', 143], ['医疗卫生健康类', 72], ['农林水利类', 176], ['市场管理类', 202],
    ['交通运输类', 156], ['公共服务类', 161], ['社会治安类', 71], ['科教文体类', 126], ['城市管理类', 127], ['社情民意类', 64],
    ['民政与社会救助类', 49], ['环境保护类', 146], ['其他咨询', 4],
  ];
  const monthText = (rows: typeof month, last = '其他咨询', misprinted = ''): string => {
    const share = (name: string, n: number): string =>
      name === '农林水利类' ? '10.81`%' : name === last ? '0.24%' : name === misprinted ? '1.00%' : `${((100 * n) / 1628).toFixed(2)}%`;
    const body = rows.map(([name, n], k) => `${k === 0 ? '其中' : ''}${k === rows.length - 1 ? last : name}${n}件，占${share(k === rows.length - 1 ? last : name, n)}，同比增幅5.3%。`);
    return `热线2022年9月份共受理市民来电诉求1628件，同比增加110件。${body.join('')}各责任单位共承办工单1628件，办结率100%。`;
  };

  test('two shares of fourteen not agreeing still leave the list of a share a sentence; closed by the rest, it is short', () => {
    const values = month.map(([, n]) => n).join(' + ');
    expect(summary(read(monthText(month)).claims)).toContain(`1628 = ${values} short`);
    // Closed by another rest word of a hotline (其他投诉), the same; by a category of its own, only partial.
    expect(summary(read(monthText(month, '其他投诉')).claims)).toContain(`1628 = ${values} short`);
    expect(summary(read(monthText(month, '消防安全类')).claims)).toContain(`1628 = ${values} short-partial`);
  });

  test('three shares of fourteen not agreeing are too many: the sentences are not read as the list', () => {
    expect(summary(read(monthText(month, '其他咨询', '市场管理类')).claims).filter((c) => c.startsWith('1628 = 125 +'))).toEqual([]);
  });
});

describe('a list without a marker that ends with the rest', () => {
  test('channels right after a total, the last named 其他: the total’s breakdown whatever its sum', () => {
    const text = '2024年我局主动公开信息共373条，通过政府门户网站发布信息93条、通过微信公众号发布信息323条、其他方式公开13条。';
    expect(summary(read(text).claims)).toEqual(['373 = 93 + 323 + 13 exceeds']);
    expect(summary(read(text.replace('323条', '267条')).claims)).toEqual(['373 = 93 + 267 + 13 ok']);
    // Without the rest item, a list that does not add up says nothing.
    expect(summary(read(text.replace('其他方式公开', '通过公开栏公开')).claims)).toEqual([]);
  });
});

describe('a list that restates a part or runs past its unit', () => {
  test('a first item restated from the sentence before and made up by the rest is their total', () => {
    const text = '2019年主动公开政府信息8769条。其中，通过市政府网站公开信息2100条，通过县政府门户网站发布政府信息5469条，通过新闻媒体公开信息1200条。其中通过县政府门户网站发布政府信息5469条，政策信息栏目中发布信息2620条，发布党政要闻信息1360条，重点领域信息公开栏目发布995条，发布其他信息494条。';
    const got = summary(read(text).claims);
    expect(got).toContain('8769 = 2100 + 5469 + 1200 ok');
    expect(got).toContain('5469 = 2620 + 1360 + 995 + 494 ok');
    expect(got.filter((c) => c.endsWith('exceeds'))).toEqual([]);
  });

  test('leading items in the total’s unit that make it up exactly end the list before items in other units', () => {
    const text = '主动公开各类信息2406条，其中政务动态1215条，政府信息公开类1129条，概况类信息62条，开展网上调查、民意征集3期，受理市长信箱来信7件，全部予以答复，答复率100%。';
    const r = read(text);
    expect(summary(r.claims)).toEqual(['2406 = 1215 + 1129 + 62 ok']);
    expect(r.rates.filter((x) => x.verdict === 'mismatch')).toEqual([]);
    // Not making it up, the list stays whole: its units differ, and nothing is added.
    expect(summary(read(text.replace('62条', '60条')).claims)).toEqual(['2406 = 1215 + 1129 + 60 + 3 + 7 mixed-units']);
  });
});

describe('an item that sums up the items before it', () => {
  test('…；接收的投诉举报信息共590件 after 投诉459件 and 举报131件 is no part of the list', () => {
    const text = '1月份共接收消费者投诉举报咨询信息1891件，同比降低52.01%。其中，投诉459件，同比降低22.99%，占比24.27%；举报131件，同比降低19.63%，占比6.93%；咨询1301件，同比降低59.1%，占比68.8%；接收的投诉举报信息共590件，已办结551件，办结率为93.39%。';
    expect(summary(read(text).claims)).toContain('1891 = 459 + 131 + 1301 ok');
    // A last item after 共 that sums up nothing before it stays a part.
    const other = '共受理诉求200件，其中咨询50件；投诉40件；其他诉求共110件。';
    expect(summary(read(other).claims)).toContain('200 = 50 + 40 + 110 ok');
  });
});

describe('a figure given to each of several names in a list after 从…看', () => {
  test('房管、人事各3件 counts twice, 卫生、地震和公路管理各1件 three times', () => {
    const text = '2005年，我市各级行政复议机关共收到行政复议申请63件。从行政复议案件类别看，公安33件，国土资源13件，劳动和社会保障4件，房管、人事各3件，物价2件，卫生、地震和公路管理各1件，其他2件。';
    expect(summary(read(text).claims)).toContain('63 = 33 + 13 + 4 + 3 + 3 + 2 + 1 + 1 + 1 + 2 ok');
    expect(summary(read(text.replace('房管、人事各3件', '人事3件')).claims)).toContain('63 = 33 + 13 + 4 + 3 + 2 + 1 + 1 + 1 + 2 short-partial');
  });
});

describe('items of published information in other words, and a fee after the applications', () => {
  test('条次 of information made up by 条, 件 and 期 of bulletins', () => {
    const text = '截至11月底，共主动公开政务信息254条次。其中，在市人民政府信息公开平台公开信息21条，向市图书馆和市档案馆公开文件14件；在省卫计委门户网站公布人口计生信息32条，在市政府门户网站发布信息20条，在委门户网站公开信息132条；印发人口计生系统工作简报15期，公告栏公开20件。';
    const [claim] = read(text).claims;
    expect(summary([claim])).toEqual(['254 = 21 + 14 + 32 + 20 + 132 + 15 + 20 ok']);
    expect(claim.note?.['zh-CN']).toContain('期');
    // With an approximate part (公告栏公开20余件) the units still add: the sum is near the total.
    const approx = read(text.replace('公告栏公开20件', '公告栏公开20余件')).claims;
    expect(summary(approx.slice(0, 1))).toEqual(['254 = 21 + 14 + 32 + 20 + 132 + 15 + 20 approx']);
  });

  test('a fee in 万元 after the answers to the applications is no part of them', () => {
    const text = '收到政府信息公开申请4件，已办结4件，其中予以公开0件，部分公开1件，无法提供3件，其他0件，结转下年度继续办理0件，行政事业性收费0万元。';
    const got = read(text).claims.filter((c) => c.total.value === 4 && c.parts.length > 2);
    // (Cases carried over are no part of those concluded either.)
    expect(summary(got)).toEqual(['4 = 0 + 1 + 3 + 0 ok']);
  });
});

describe('a part broken down by the items after it', () => {
  test('行政处罚案件12件 … ；适用简易程序4件，适用一般程序8件: the last two make up the part, not the total', () => {
    const text = '2023年度录入案件总数365件。其中行政检查353件，与2022年同比上升52.8%；行政处罚案件12件，比去年同比下降20%，其中柔性执法明显，以教代罚增多；适用简易程序处罚案件4件，适用一般程序处罚8件。';
    expect(summary(read(text).claims)).toEqual(['365 = 353 + 12 ok', '12 = 4 + 8 ok']);
    // Items that do not make the part up stay parts of the total: then the list exceeds it.
    expect(summary(read(text.replace('适用一般程序处罚8件', '适用一般程序处罚9件')).claims)).toEqual(['365 = 353 + 12 + 4 + 9 exceeds']);
  });

  test('a first figure below one of the figures after it is an item, not their total, even when the list ends with the rest', () => {
    const text = '2021年累计发布国民经济和社会发展统计公报1条，统计信息分析26条、工作动态102条，政策文件及解读1条，其他各类信息5条。';
    expect(read(text).claims.filter((c) => c.verdict === 'exceeds')).toEqual([]);
  });
});

describe('brackets of 其中 after parts of a list', () => {
  test('法定主动公开内容99条(其中:…) and 政府信息公开目录132条(其中:…): each bracket breaks its own part down', () => {
    const text = '全年累计公开政府信息309条。其中，工作情况63条，通知公告13条，政府信息公开指南1条，法定主动公开内容99条(其中:履职依据1条,机构职能8条,行政许可70条,预算/决算18条,其它法定信息2条),政府公开信息年报1条,政府信息公开目录132条(其中:基层政务公开90条,惠民惠农资金7条,公共服务35条)。';
    expect(summary(read(text).claims)).toEqual(['309 = 63 + 13 + 1 + 99 + 1 + 132 ok', '99 = 1 + 8 + 70 + 18 + 2 ok', '132 = 90 + 7 + 35 ok']);
  });
});

describe('documents counted by the general counter among items of information', () => {
  test('项目审批文件公布180个 is added with 条 of information; 个 of places is not', () => {
    const text = '2020年，我局共对外公开各类信息193条，其中动态信息29条、项目审批文件公布180个、信访受理答复2条、财务信息2条。';
    expect(summary(read(text).claims)).toEqual(['193 = 29 + 180 + 2 + 2 exceeds']);
    expect(summary(read(text.replace('193条', '213条')).claims)).toEqual(['213 = 29 + 180 + 2 + 2 ok']);
    expect(summary(read(text.replace('项目审批文件公布180个', '覆盖社区180个')).claims)).toEqual(['193 = 29 + 180 + 2 + 2 mixed-units']);
  });
});

describe('the rest of a list in more words', () => {
  test.each([
    ['其它事件30件', '在受理的1770件事件类案件中，市容环境1035件，施工管理272件，街面秩序88件，宣传广告88件，突发事件55件，热线电话转发196件，其它事件30件。', '1770 = 1035 + 272 + 88 + 88 + 55 + 196 + 30 short'],
    ['…等民众关心的其他信息', '全年通过县政务服务中心等平台主动公开政府信息6391条，其中概况类信息1105条，政务动态类信息2896条，政府文件、工作报告、财务预决算、重大事件等民众关心的其他信息2004条。', '6391 = 1105 + 2896 + 2004 short'],
    ['其他公开事项', '全年发布或更新各类动态信息共计176条，其中包含新闻发布会4条、水源监测信息2条、应急措施信息15条、工作动态22条、其他公开事项82条。', '176 = 4 + 2 + 15 + 22 + 82 short'],
    ['其它信息数量', '全县2017年通过各类载体主动公开政府信息19686条。其中，概况类信息43条、工作动态类信息1038条、财政类信息322条，其它信息数量16970条。', '19686 = 43 + 1038 + 322 + 16970 short'],
  ])('%s closes the list, so a shortfall is an error', (_, text, expected) => {
    expect(summary(read(text).claims)).toContain(expected);
  });
});

describe('applications answered and carried over', () => {
  test('办结答复57件，结转2022年办理4件 make up the 61 received, after a count carried in', () => {
    const text = '(二)依申请公开。延续办理2020年结转申请件5件;2021年新收到政府信息公开申请61件,办结答复57件,结转2022年办理4件,未引发行政复议、诉讼等行政争议。';
    expect(summary(read(text).claims)).toContain('61 = 57 + 4 ok');
    // Not making it up, the answered cases are a subset, and the carried ones nothing.
    expect(summary(read(text.replace('办理4件', '办理3件')).claims)).toContain('61 = 57 ok');
  });
});

describe('items set apart by ；, each opening with its own count', () => {
  test('the first figure of each item makes up the total; the rest of an item describes it', () => {
    const text = '自6月26日以来，服务中心共收到各类诉求3353件，投诉举报类172件，占比5.13%，其中12345市长热线共接听来电3309个，有效事项2880件，在线办结1652件、转派工单1228件；12345短信平台共收到群众反映诉求的短信6件；其他渠道38件。';
    const got = summary(read(text).claims);
    expect(got).toContain('3353 = 3309 + 6 + 38 ok');
    expect(got.filter((c) => c.startsWith('172 ='))).toEqual([]);
    // Heads that make no total up say nothing: the list stays with the nearest figure.
    const off = summary(read(text.replace('其他渠道38件', '其他渠道39件')).claims);
    expect(off.filter((c) => c.startsWith('3353 = 3309'))).toEqual([]);
  });
});

describe('cases carried over from a year among the items', () => {
  test('2020年结转办理1件 after 本年度新接收91件 is an item, not a new subject', () => {
    const text = '今年以来，全区累计处理政府信息依申请公开92件，其中，本年度新接收91件，2020年结转办理1件。除4件转结2022年办理以外，均依法依规完成答复。';
    expect(summary(read(text).claims)).toContain('92 = 91 + 1 ok');
    // A year that opens a new clause is still a new subject.
    expect(summary(read('全区处理依申请公开92件，其中本年度新接收91件，2021年共收到咨询30件。').claims)).toContain('92 = 91 ok');
  });
});

describe('a list that ends at ； where other clauses follow', () => {
  test('the items before the first ； make the total up exactly: the figures of the clauses after it are no parts', () => {
    const text = '2024年，全区共完成各类信息发布12209条，其中概况类信息198条，政务动态信息8439条，信息公开目录信息3572条；建立健全互动交流机制，广泛吸纳群众意见，全年办结群众留言386条，完成意见征集8次。';
    expect(summary(read(text).claims)).toEqual(['12209 = 198 + 8439 + 3572 ok']);
    // Not making it up, the list is read whole.
    expect(summary(read(text.replace('3572条；', '3570条；')).claims)).toEqual(['12209 = 198 + 8439 + 3570 + 386 + 8 mixed-units']);
  });
});

describe('totals and lists in the application paragraph and after 、', () => {
  test('、全年总计…500条 after the channels is their total', () => {
    const text = '2025年，全镇通过政府网站更新信息14条，政务新媒体更新486条、全年总计更新主动公开信息500条，确保公开内容覆盖群众关切。';
    expect(summary(read(text).claims)).toEqual(['500 = 14 + 486 ok']);
    expect(summary(read(text.replace('500条', '510条')).claims)).toEqual([]);
  });

  test('a count after ； that opens a subject of its own is broken down by the figures after it', () => {
    const text = '2022年政府新收依申请公开数量为2件，办理结果为予以公开2件；部门新收依申请公开数量为4件，办理结果为予以公开1件，无法提供2件，不予处理1件；因政府信息公开被申请行政复议、行政诉讼数量为0件。';
    expect(summary(read(text).claims)).toContain('4 = 1 + 2 + 1 ok');
    // Its parts are in its own clauses: figures after the next ； that happen to add up to it are not.
    const apart = '通过门户网站发布政务动态信息850条、行政检查情况7条等；全年新增入库住房城乡建设领域标准51条；办结互动留言数45条；发布征集调查类信息6条，收到意见数量150条。';
    expect(summary(read(apart).claims)).toEqual([]);
  });
});
