// Shares and rates in report prose: a share checked against its counts, a named base, shares of one
// base, shares forced to 100 %, progress and completion rates, and the claims a share implies.
import { read, claimsOf, summary } from './helpers/prose';

describe('shares and rates', () => {
  test('a share checked against its counts: 540 of 800 = 67.5 %', () => {
    const r = read('共办理800件，其中即办件540件，占比67.5%；承诺件260件，占比32.5%。');
    expect(r.rates.map((x) => [x.kind, x.numerator.value, x.denominator.value, x.verdict])).toEqual([
      ['share', 540, 800, 'ok'],
      ['share', 260, 800, 'ok'],
    ]);
    const bad = read('共办理800件，其中即办件540件，占比66.5%；承诺件260件，占比30%。');
    expect(bad.rates.map((x) => x.verdict)).toEqual(['mismatch', 'mismatch']);
    expect(bad.findings.filter((f) => f.ruleId === 'text.share-mismatch').map((f) => f.severity)).toEqual(['error', 'error']);
    expect(bad.findings[0].message['zh-CN']).toContain('67.5%');
  });

  test('a rate with its stated numerator and denominator: 即办件 3,000 of 4,800 → 62.5 %', () => {
    const r = read('共办理4,800件，其中即办件3,000件，即办率62.5%。');
    expect(r.rates).toHaveLength(1);
    expect(r.rates[0]).toMatchObject({ kind: 'rate', numerator: { value: 3000 }, denominator: { value: 4800 }, verdict: 'ok' });
    const bad = read('共办理4,800件，其中即办件3,000件，即办率60%。');
    expect(bad.findings.map((f) => [f.ruleId, f.severity])).toEqual([['text.rate-mismatch', 'error']]);
    expect(bad.findings[0].message['en-US']).toContain('3,000件 ÷ 4,800件');
  });

  test('a share whose base stands in brackets before 的: 68059 of (6.6万人) = 103.12 %', () => {
    const r = read('截至10月7日，全市共进行宫颈癌筛查68059人，占全年筛查任务(6.6万人)的103.12%；乳腺癌筛查69832人，占全年筛查任务（6.6万人）的104.81%。');
    expect(r.rates.map((x) => [x.numerator.value, x.denominator.value, x.verdict])).toEqual([
      [68059, 66000, 'ok'],
      [69832, 66000, 'mismatch'],
    ]);
  });

  test('half a unit of the last shown digit: 46/64 = 71.875 % may be written 71.87 % or 71.88 %, not 71.8 %', () => {
    const ok = read('共64件，其中甲46件，占比71.87%；乙18件，占比28.13%。');
    expect(ok.rates.map((x) => x.verdict)).toEqual(['ok', 'ok']);
    const off = read('共64件，其中甲46件，占比71.7%；乙18件，占比28.1%。');
    expect(off.rates.map((x) => x.verdict)).toEqual(['mismatch', 'ok']);
  });

  test('shares visibly forced to sum to 100 %: a warning to verify, not an error', () => {
    const r = read('收到申请1046件。其中，网站862件，占比82.4%；信函171件，占比16.3%；当面13件，占比1.3%。');
    expect(r.rates.map((x) => x.verdict)).toEqual(['ok', 'ok', 'forced']);
    expect(r.findings.map((f) => [f.ruleId, f.severity])).toEqual([['text.share-forced', 'warning']]);
  });

  test('a named rate takes the candidate denominator that agrees with it, even two sentences back', () => {
    // 任务完成率 of the 640 on the list (600/640 = 93.75 %), not of the 625 supervised; 整改率 of the 625.
    const r = read('全市任务单位640家，监督完成625家，任务完成600家。监督完成率97.66%，任务完成率93.75%。责令整改500家，责令整改率80%。');
    expect(r.rates.map((x) => [x.numerator.value, x.denominator.value, x.verdict])).toEqual([
      [625, 640, 'ok'],
      [600, 640, 'ok'],
      [500, 625, 'ok'],
    ]);
  });

  test('a guessed denominator that disagrees is no error: the rate is left unchecked', () => {
    // 3,120 has no stated base: neither 4,800 nor 4,500 of the clause before is certain.
    const r = read('已完成超声筛查4800例，其中早孕期4500例，中孕期300例；血清学筛查3120例，筛查率70.1%。');
    expect(r.rates).toEqual([]);
    // One larger count of the unit in the numerator's own sentence is certain: a mismatch is an error.
    const sure = read('检查单位400家，建档320家，建档率90%。');
    expect(sure.rates.map((x) => [x.numerator.value, x.denominator.value, x.verdict])).toEqual([[320, 400, 'mismatch']]);
  });

  test('the numerator named after its number (对1200件…立案查处，查处率…), and counts of one kind in other classifiers', () => {
    const r = read('全年对1200件举报进行了立案查处，查处率为15%，举报共8000件。');
    expect(r.rates).toEqual([]);
    const named = read('全年受理举报8000件，对1200件举报进行了立案查处，查处率为15%。');
    expect(named.rates.map((x) => [x.numerator.value, x.denominator.value, x.verdict])).toEqual([[1200, 8000, 'ok']]);
    // 档案 in 个 of units in 家: both count things one by one.
    const kinds = read('检查医疗机构850家，建立档案833个，建档率98%。');
    expect(kinds.rates.map((x) => [x.numerator.value, x.denominator.value, x.verdict])).toEqual([[833, 850, 'ok']]);
  });

  test('a rate that names no count is checked only when two counts of its sentence agree with it', () => {
    const r = read('应监督户数5000户，实监督户数4321户，监督覆盖率86.42%。');
    expect(r.rates.map((x) => [x.numerator.value, x.denominator.value, x.verdict])).toEqual([[4321, 5000, 'ok']]);
    // No pair agrees: nothing is said.
    expect(read('应监督户数5000户，实监督户数4321户，监督覆盖率80%。').rates).toEqual([]);
  });

  test('a share that names its base: 占投诉举报总数的…, 占处置伤病员人数的…', () => {
    const r = read('受理投诉举报400起。其中查实的120起，占投诉举报总数的30%。救治伤病员2000人。以外伤为主，共700人，占救治伤病员人数的36%。');
    expect(r.rates.map((x) => [x.numerator.value, x.denominator.value, x.verdict])).toEqual([
      [120, 400, 'ok'],
      [700, 2000, 'mismatch'],
    ]);
    // 脑血管疾病 is one kind of 疾病, not the base 疾病总数.
    expect(read('其中脑血管疾病60人，心血管疾病58人，占疾病总数5.8%。').rates).toEqual([]);
  });

  test('a share with no base named is checked against a larger count before it that agrees; no agreement, no verdict', () => {
    const r = read('全年接诊产妇3000人，活产2990人，占99.67%；高危产妇600人，占20%；系统管理2500人，占90%。');
    expect(r.rates.map((x) => [x.numerator.value, x.denominator.value, x.verdict])).toEqual([
      [2990, 3000, 'ok'],
      [600, 3000, 'ok'],
    ]);
    // A figure given for comparison is no base (与上次普查的500000人相比).
    const census = read('常住人口为400000人，与上次普查的500000人相比有所减少。0-14岁人口为60000人，占15.00%。');
    expect(census.rates.map((x) => [x.numerator.value, x.denominator.value])).toEqual([[60000, 400000]]);
  });

  test('a share after a part that does not agree with the claim’s total but with a larger count is of that count', () => {
    const r = read('常住人口为500000人。60岁及以上人口为100000人，占20.00%，其中65岁及以上人口为70000人，占14.00%。');
    expect(r.rates.map((x) => [x.numerator.value, x.denominator.value, x.verdict])).toEqual([
      [100000, 500000, 'ok'],
      [70000, 500000, 'ok'],
    ]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('rates of a claim’s parts in the next paragraph, named by their counts; forced to 100 % they are a warning', () => {
    const r = read('全年出生2000人，其中一孩出生1100人，二孩出生850人，多孩出生50人。\n一孩率55.00%，二孩率42.50%，多孩率2.50%。');
    expect(r.rates.map((x) => [x.numerator.value, x.denominator.value, x.verdict])).toEqual([
      [1100, 2000, 'ok'],
      [850, 2000, 'ok'],
      [50, 2000, 'ok'],
    ]);
    // 55.05 %, 42.50 % and 2.45 % written 55.06 %, 42.50 % and 2.44 % to make 100 %: forced.
    const forced = read('全年出生2000人，其中一孩出生1101人，二孩出生850人，多孩出生49人。\n一孩率55.06%，二孩率42.50%，多孩率2.44%。');
    expect(forced.rates.map((x) => x.verdict)).toEqual(['forced', 'ok', 'forced']);
    // Written 55.00 % and 2.50 %, each five units of the last digit off: more than three shares'
    // rounding can move one, so wrong although they add up to 100 %.
    const far = read('全年出生2000人，其中一孩出生1101人，二孩出生850人，多孩出生49人。\n一孩率55.00%，二孩率42.50%，多孩率2.50%。');
    expect(far.rates.map((x) => x.verdict)).toEqual(['mismatch', 'ok', 'mismatch']);
  });

  test('items of two figures under totals of two units: a claim per unit', () => {
    expect(summary(claimsOf('受益家庭500户，资金50万元，其中：甲部门300户30万元；乙部门150户15万元；丙部门50户5万元。'))).toEqual([
      '500 = 300 + 150 + 50 ok',
      '500000 = 300000 + 150000 + 50000 ok',
    ]);
  });

  test('a share of two stated counts holds the count as one part of its base, once', () => {
    const r = read('病种中疑似职业性化学中毒281例(占2.92%)，以苯中毒为主(214例，占76.16%)。');
    expect(summary(r.claims.filter((c) => c.reading === 'share'))).toEqual(['281 = 214 ok']);
    const births = read('全镇活产数398人，住院分娩人数390人，住院分娩率为97.99%。');
    expect(summary(births.claims)).toEqual(['398 = 390 ok']);
    // A share already within a breakdown of its base adds no claim; a rate above 100 % or of 人次 over 人 none either.
    const listed = read('全年出生2000人，其中一孩出生1100人，二孩出生900人。一孩率55.00%。接种4200人次，接种人口2000人，人均2.1人次，接种率210%。');
    expect(listed.claims.map((c) => c.reading)).not.toContain('share');
    // A share of 100 % says the count is the whole: nothing to add.
    expect(read('全年受理信访事项1164件，办结1164件，办结率100%。').claims.filter((c) => c.reading === 'share')).toEqual([]);
  });

  test('a percentage that bounds a class (小于50%, 50%—80%之间, 90%以上) is no share of the count before it', () => {
    const r = read('在上报的38个高碘地区中，居民无碘食盐率小于50%有4个，50%—80%之间的有2个，80%—90%有6个，90%以上的有26个。');
    expect(r.rates).toEqual([]);
    expect(summary(r.claims)).toEqual(['38 = 4 + 2 + 6 + 26 ok']);
  });

  test('counts each given with their share of one base, in several wordings and sentences apart from it, are its parts', () => {
    const text =
      '2020年，全区新收行政复议案件88件，受理59件。全年结案86件。受理案件同比去年下降38.5%。今年受理治安管理类案件13件，占案件总数的22.0%，较去年增加116.7%；工商投诉举报类受理21件，占总数的35.6%；征迁安置类新收6件，占总数的10.2%；其他各类案件新收19件，占案件总数的32.2%。';
    expect(summary(read(text).claims)).toContain('59 = 13 + 21 + 6 + 19 ok');
    // Shares whose counts do not make the base up stay one-part claims each.
    const partial = summary(read(text.replace('其他各类案件新收19件，占案件总数的32.2%', '其他各类案件另计')).claims);
    expect(partial.filter((c) => c.startsWith('59 = 13 +'))).toEqual([]);
    expect(partial).toContain('59 = 13 ok');
  });

  test('shares of one base named by 总数 are of the whole, and each run of them that makes it up is a breakdown', () => {
    const text =
      '全年本市各级行政复议机关共收到行政复议申请6200件，其中，依法受理4955件，占收案总数的79.9%；不予受理1245件，占20.1%。\n全年以市政府为被申请人的复议案件60件，占收到申请总数的1%；以市政府部门为被申请人的421件，占6.8%；以区县政府为被申请人的782件，占12.6%；以区县政府部门为被申请人的2995件，占48.3%；乡镇政府等其他1942件，占31.3%。\n区县政府共收到复议申请1680件，占27.1%；市政府委办局收到复议申请1750件，占28.2%。\n行政不作为490件，占收到申请总数的7.9%。';
    const r = read(text);
    expect(summary(r.claims)).toEqual(expect.arrayContaining(['6200 = 4955 + 1245 ok', '6200 = 60 + 421 + 782 + 2995 + 1942 ok']));
    // 490 of 收到申请总数 is of the 6200, not of the 1680 or 1750 also named 收到…申请.
    expect(r.rates.filter((x) => x.numerator.value === 490).map((x) => `${x.denominator.value} ${x.verdict}`)).toEqual(['6200 ok']);
  });

  test('a percentage said of each figure before it (均已100%整改) is no share of them', () => {
    expect(read('查处隐患375条，查处重大隐患3条，均已100%整改完成。').rates).toEqual([]);
  });

  test('a rate whose numerator is not named is not guessed', () => {
    // 即时办结率 is not the share of 即办件; 平均接通率 names no count.
    expect(read('受理1036件，其中即办件940件，即时办结率达100%。').rates).toEqual([]);
    expect(read('共呼入电话719次，其中语音服务178次，人工服务541次，平均接通率为78.92%。').rates).toEqual([]);
  });
});

describe('a share whose base is named in fewer words than its count', () => {
  test('卫技人员占卫生系统职工总数的93% is of 全市卫生系统在职职工总数590人, and 553 of 590 is 93.73 %, so 93% is off', () => {
    const r = read('全市卫生系统在职职工总数590人，有卫生技术人员553人，卫技人员占卫生系统职工总数的93%。');
    expect(r.rates.map((x) => `${x.stated.text} ${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['93% 553/590 mismatch']);
    const right = read('全市卫生系统在职职工总数590人，有卫生技术人员553人，卫技人员占卫生系统职工总数的94%。');
    expect(right.rates.map((x) => x.verdict)).toEqual(['ok']);
  });

  test('a count with a qualifier in front of the base’s name is a part of it, not the base', () => {
    const r = read('共发病12535例。呼吸道传染病发病4383例，死亡11例，占传染病发病总数的34.97%。');
    expect(r.rates.filter((x) => x.verdict !== 'ok')).toEqual([]);
  });
});

describe('figures each given with a share of one base', () => {
  const text =
    '2020年，全市有医疗卫生机构2000个，比上年增长3.63%。医院150所，下降1.81%，占机构总数的7.5%。医院中公立医院60所，占医院总数的40%；民营医院90所，占医院总数的60%。' +
    '基层医疗卫生机构1800个，增长4.18%，占机构总数的90%。专业公共卫生机构40个，下降7.29%，占机构总数的2%。其他卫生机构10个，占机构总数的0.5%。';

  test('are the parts of that base when they make it up exactly; each share is checked past the change beside it', () => {
    const r = read(text);
    expect(summary(r.claims)).toContain('2000 = 150 + 1800 + 40 + 10 ok');
    expect(r.rates.filter((x) => x.stated.text === '7.5%').map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['150/2000 ok']);
  });

  test('are not parts when they do not make it up', () => {
    const r = read(text.replace('其他卫生机构10个，占机构总数的0.5%。', ''));
    // Each figure stays a part of the base by its share alone, not as an item of one breakdown.
    expect(summary(r.claims).filter((c) => c.startsWith('2000 '))).toEqual(['2000 = 150 ok', '2000 = 1800 ok']);
  });
});

describe('progress and completion rates', () => {
  test('执行进度为29.5% is checked against the pair of counts it fits; 完成率 may take its base from the sentence before', () => {
    const text = '今年住院分娩补助的总任务是299585人，已补助88491人，执行进度为29.5%。今年宫颈癌检查项目的总任务是162386人。截止5月底，宫颈癌项目实际检查17035人，完成率10.49%。';
    const r = read(text);
    expect(r.rates.map((x) => `${x.stated.text} ${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['29.5% 88491/299585 ok', '10.49% 17035/162386 ok']);
    // Against its task (总任务), a progress that does not fit is reported.
    expect(read('今年的总任务是299585人，已补助88491人，执行进度为39.5%。').rates.map((x) => x.verdict)).toEqual(['mismatch']);
  });
});

describe('the stated shares of one whole add up to 100 %', () => {
  const sums = (text: string) => read(text).claims.filter((c) => c.reading === 'share-sum');

  test('counts that make their base up: their shares are 100 % within the rounding of each', () => {
    // 952 + 620 + 182 + 652 + 45 + 33 + 19 + 641 = 3144; the shares add up to 100.2 %, within the
    // half-digit of six one-decimal and two whole-per-cent figures (0.3 + 1 = 1.3 points).
    const text =
      '全年主动公开政府信息3144条。在主动公开的信息中，政务新闻类信息952条，占30.2%；公告类信息620条，占19.7%；政策文件类信息182条，占5.8%；健康教育类信息652条，占20.7%；人员招聘类信息45条，占1.4%；政策法规类信息33条，占1%；办事指南19条，占1%；其它类信息641条，占 20.4%。';
    const [c, ...more] = sums(text);
    expect(more).toEqual([]);
    expect(c.total).toMatchObject({ value: 1, unit: '%', text: '100%' });
    expect(c.parts.map((p) => p.text)).toEqual(['30.2%', '19.7%', '5.8%', '20.7%', '1.4%', '1%', '1%', '20.4%']);
    expect(c.verdict).toBe('ok');
    expect(c.sum).toBeCloseTo(1.002, 9);
    expect(c.note?.['zh-CN']).toContain('100.2%');
    expect(c.note?.['en-US']).toContain('within the rounding');
  });

  test('shares that miss 100 % by more than their rounding make no claim: the share that is wrong has its own check', () => {
    const text = '共收到申请200件，其中甲类120件，占65%；乙类80件，占40%。';
    expect(sums(text)).toEqual([]);
    expect(read(text).rates.map((r) => r.verdict)).toEqual(['mismatch', 'ok']);
  });

  test('shares without counts, one after another: 男性占86.1%，女性占13.9%', () => {
    const [c, ...more] = sums('今年报告的感染者中男性占86.1%，女性占13.9%；20至39岁青壮年占80.2%，50岁以上者占6.8%。');
    expect(more).toEqual([]);
    expect(c.parts.map((p) => p.value)).toEqual([0.861, 0.139]);
    // Age groups at 87 % are some of the whole, not all of it: no claim.
    expect(sums('感染者中20至39岁青壮年占80.2%，50岁以上者占6.8%。')).toEqual([]);
  });

  test('changes and figures cut off, not rounded, are no shares of a whole', () => {
    expect(sums('门诊量同比增长60%，住院量同比下降40%。')).toEqual([]);
    // 92.71 % + 7.28 % = 99.99 %: two figures rounded to 0.01 % could not miss 100 % by that much.
    expect(sums('被申请人为县政府部门的案件140件，占比92.71%；乡镇政府11件，占比7.28%。')).toEqual([]);
  });

  test('a table column of shares whose total row says 100.0 %', () => {
    const table = ['单位 | 受理量 | 占比 |', '市场监管局 | 21 | 35.6% |', '公安分局 | 13 | 22.0% |', '住建局 | 6 | 10.2% |', '其他 | 19 | 32.2% |', '合计 | 59 | 100.0% |'].join('\n');
    const c = read(table).claims.find((x) => x.total.unit === '%');
    expect(c?.parts.map((p) => p.text)).toEqual(['35.6%', '22.0%', '10.2%', '32.2%']);
    expect(c?.verdict).toBe('ok');
  });
});

describe('a share after its count’s changes', () => {
  test('普惠性幼儿园4747所，比上年增加510所，增长12.04%，占总数的68.08% is of 幼儿园6973所, past the changes of a bulletin', () => {
    const text = [
      '全省共有幼儿园6973所，比上年增加36所，增长0.52%。入园幼儿377694人，比上年减少48729人；在园幼儿987853人，比上年减少39693人；离园幼儿366008人，比上年增加11146人。幼儿园教职工90319人，比上年增加3811人；专任教师56742人，比上年增加1946人。',
      '全省有普惠性幼儿园4747所，比上年增加510所，增长12.04%，占总数的68.08%；普惠性幼儿园在园幼儿668596人，比上年增加44840人，增长7.19%，占总数的67.68%。',
    ].join('\n');
    const got = read(text).rates.map((r) => `${r.numerator.value}/${r.denominator.value} ${r.verdict}`);
    expect(got).toEqual(expect.arrayContaining(['4747/6973 ok', '668596/987853 ok']));
    // The change (510所) is no count the share is of.
    expect(got.some((r) => r.startsWith('510/'))).toBe(false);
    // 总数 names no count: the base is found by agreement alone, so a share that agrees with none is
    // left unchecked rather than judged against a guess.
    const wrong = read(text.replace('68.08%', '66.08%')).rates.find((r) => r.numerator.value === 4747);
    expect(wrong).toBeUndefined();
  });
});

describe('shares that go on without naming their base', () => {
  const text =
    '全年共收到行政复议申请6200件，其中依法受理4955件，不予受理1245件。\n以市政府为被申请人的60件，以市政府部门为被申请人的421件，以区县政府为被申请人的782件，以区县政府部门为被申请人的2995件，乡镇政府等其他1942件。\n市政府收到复议申请1186件，占收到申请总数的19.1%；区县政府共收到复议申请1680件，占27.1%；市政府委办局收到复议申请1750件，占28.2%；区县政府委办局共收到复议申请1584件，占25.4%。';

  test('are of the base the first one named, and one that does not fit it is a mismatch', () => {
    const r = read(text);
    expect(r.rates.map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['1186/6200 ok', '1680/6200 ok', '1750/6200 ok', '1584/6200 mismatch']);
    // The four counts make the base up.
    expect(summary(r.claims)).toContain('6200 = 1186 + 1680 + 1750 + 1584 ok');
  });

  test('not past a paragraph break, nor after a share whose base was not named', () => {
    const apart = read(text.replace('；区县政府委办局', '。\n区县政府委办局'));
    expect(apart.rates.some((x) => x.numerator.value === 1584)).toBe(false);
    const unnamed = read(text.replace('占收到申请总数的19.1%', '占19.1%').replace('占25.4%', '占25.6%'));
    expect(unnamed.rates.filter((x) => x.verdict === 'mismatch')).toEqual([]);
  });
});

describe('a share after a bracket', () => {
  test('is of the figure the bracket breaks down, not of the last figure inside it', () => {
    const text = '2021年主动公开政府信息21628条。其中，子站信息3357条(机关信息633条、直属单位信息2724条)，占公开信息总数的15.52%；省市区体育局信息3346条，占公开信息总数的15.47%。';
    const r = read(text);
    expect(r.rates.map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['3357/21628 ok', '3346/21628 ok']);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a count in brackets after a name is the item’s own: 这5种传染病占… after …其他感染性腹泻(274例)', () => {
    const text = '共报告法定传染病1983例。报告病例数居前五位的病种有：流行性腮腺炎(430例)、乙型病毒性肝炎(302例)、肺结核(289例)、手足口病(189例)和其他感染性腹泻(274例)，这5种传染病占报告病例总数的74.84%。';
    expect(read(text).rates.map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(['1484/1983 ok']);
  });
});

describe('shares that add up to 100 % but are far off their counts', () => {
  test('are wrong, not forced: 6369, 1231 and 853 of 8453 are 75.3, 14.6 and 10.1 %, not 74.9, 14.8 and 10.3 %', () => {
    const text = '全年共受理申请8453件，其中当面申请6369件，占74.9%；网络申请1231件，占14.8%；信函申请853件，占10.3%。';
    expect(read(text).rates.map((r) => r.verdict)).toEqual(['mismatch', 'mismatch', 'mismatch']);
    // Off by one unit, as rounding to make 100 % may put a share, they are forced: a warning.
    const nudgedText = '全年共受理申请8453件，其中当面申请6369件，占75.4%；网络申请1231件，占14.5%；信函申请853件，占10.1%。';
    expect(read(nudgedText).rates.map((r) => r.verdict)).toEqual(['forced', 'forced', 'ok']);
  });
});

describe('a row of shares that ends with an item named without 占', () => {
  test('其他类 0.01% is the last share of the row, which then adds up to 100 %', () => {
    const text = '从诉求类型来看，咨询类占 77.18% ，投诉举报类占 12.47% ，求助类占 9.61% ，意见建议类占 0.60%，表扬类占 0.13%，其他类 0.01%。';
    const sums = read(text).claims.filter((c) => c.reading === 'share-sum');
    expect(sums.map((c) => c.parts.map((p) => p.text))).toEqual([['77.18%', '12.47%', '9.61%', '0.60%', '0.13%', '0.01%']]);
    // A change named after its item is no share of the row.
    const change = read(text.replace('其他类 0.01%', '其他类同比下降0.01%')).claims.filter((c) => c.reading === 'share-sum');
    expect(change.map((c) => c.parts.length)).toEqual([5]);
  });
});

describe('shares of one whole with their counts and no base written', () => {
  test('add up to 100 % past the counts between them; another percentage ends the row', () => {
    const text = '从产品类别看，全市受理占第一位的是食品，共135件，占总量的81.82%；药品居第二位，共22件，占总量的13.33%；保健食品居第三位，占总量的2.42%；医疗器械受理3件，占总量的1.82%；化妆品受理1件，占总量的0.61%。';
    const sums = read(text).claims.filter((c) => c.reading === 'share-sum');
    expect(sums.map((c) => c.parts.map((p) => p.text))).toEqual([['81.82%', '13.33%', '2.42%', '1.82%', '0.61%']]);
    const broken = read(text.replace('药品居第二位，', '药品居第二位，同比增长3.5%，')).claims.filter((c) => c.reading === 'share-sum');
    expect(broken).toEqual([]);
  });
});

describe('shares that name their base in the same words as the one before', () => {
  test('are of its base, past a share whose count is not written', () => {
    const text = '全市共接收投诉举报344件，其中受理165件，咨询174件。查处案件162起，涉案货值59.88万元，下达罚没款86.60万元。移交其他机关处理案件2件，移交公安机关处理5件，上报大案要案5件。\n查处的162案件中，食品案件126起，占77.78%；药品案件32起，占19.75%；医疗器械案件3起，占1.85%；化妆品案件1起，占0.62%。\n从产品类别看，全市受理占第一位的是食品，共135件，占总量的81.82%；药品居第二位，共22件，占总量的13.33%；保健食品居第三位，占总量的2.42%；医疗器械受理3件，占总量的1.82%；化妆品受理1件，占总量的0.61%。';
    const got = read(text).rates.filter((r) => r.denominator.value === 165).map((r) => `${r.numerator.value} ${r.verdict}`);
    expect(got).toEqual(expect.arrayContaining(['22 ok', '3 ok', '1 ok']));
  });
});

describe('a share that names a base other than its claim’s total', () => {
  test('占投诉的 after a part of 网购投诉举报 is of the 投诉 count before, and checked against it', () => {
    const text = '一季度共接收投诉举报37894件，其中投诉27723件，举报10171件。共接收网购投诉举报20965件；其中网购投诉15475件，占投诉的55.5%；网购举报5490件，占举报的54.93%。';
    const got = read(text).rates.map((r) => `${r.numerator.value}/${r.denominator.value} ${r.verdict}`);
    expect(got).toEqual(expect.arrayContaining(['15475/27723 mismatch', '5490/10171 mismatch']));
    const right = read(text.replace('55.5%', '55.82%').replace('54.93%', '53.98%')).rates.map((r) => `${r.numerator.value}/${r.denominator.value} ${r.verdict}`);
    expect(right).toEqual(expect.arrayContaining(['15475/27723 ok', '5490/10171 ok']));
  });
});
