// Reading tables written in a report's text: rows with | between the cells, tables copied one cell a
// line or a paragraph, rows whose cells are set apart by spaces; their totals, levels, subtotals,
// dimensions, and columns or rows of rates and shares.
import { read, summary } from './helpers/prose';

describe('tables written with | in the text', () => {
  const table = (rows: string[][]): string => rows.map((r) => `| ${r.join(' | ')} |`).join('\n');

  test('rows marked # are parts of the first row, a list that may be partial; an unmarked row between them is left out', () => {
    const text = [
      '表15 2022年卫生事业情况',
      table([
        ['指标名称', '医院、卫生院数(个)', '床位数(张)', '卫生技术人员数(人)'],
        ['医疗机构', '64', '4399', '4165'],
        ['#公立医疗机构', '34', '2289', '1821'],
        ['县直医疗卫生单位', '3', '1259', '1211'],
        ['＃民营医疗机构', '30', '2120', '1735'],
      ]),
    ].join('\n');
    const r = read(text);
    expect(summary(r.claims)).toEqual(['64 = 34 + 30 ok', '4399 = 2289 + 2120 exceeds', '4165 = 1821 + 1735 short-partial']);
    expect(r.claims[0].total.unit).toBe('个');
    // A 合计 row still makes the table a complete list; # rows are then left alone.
    const both = table([
      ['机构', '床位'],
      ['甲院', '10'],
      ['#乙科', '4'],
      ['合计', '10'],
    ]);
    expect(read(both).claims).toEqual([]);
  });

  test('a 合计 row totals each numeric column of the rows above it; a column that does not add up is an error', () => {
    const text = [
      '表1 各乡镇检查情况',
      '单位：户',
      table([
        ['乡镇', '检查户数', '整改户数(家)'],
        ['甲镇', '120', '30'],
        ['乙镇', '85', '12'],
        ['丙乡', '40', '9'],
        ['合 计', '245', '50'],
      ]),
    ].join('\n');
    const r = read(text);
    expect(summary(r.claims)).toEqual(['245 = 120 + 85 + 40 ok', '50 = 30 + 12 + 9 exceeds']);
    expect(r.claims.every((c) => c.reading === 'table')).toBe(true);
    expect(r.claims[0].total.unit).toBe('户');
    expect(r.claims[1].total.unit).toBe('家');
    expect(r.claims[1]).toMatchObject({ line: 7, sum: 51 });
    expect(r.findings.filter((f) => f.severity === 'error')).toHaveLength(1);
  });

  test('a 总计 row first, a Markdown rule under the header, and commas in the figures', () => {
    const text = ['| 类别 | 件数 |', '|---|---|', '| 总计 | 1,250 |', '| 许可 | 1,000 |', '| 处罚 | 250 |'].join('\n');
    expect(summary(read(text).claims)).toEqual(['1250 = 1000 + 250 ok']);
  });

  test('a row of 其中 under another row is that row’s; levels that more than one split would fit, or two total rows, are not guessed at', () => {
    const nested = table([
      ['机构', '人数'],
      ['合计', '100'],
      ['医院', '60'],
      ['其中：中医院', '20'],
      ['卫生院', '40'],
    ]);
    // The one split that makes 100: 医院 and 卫生院, with 中医院 under 医院.
    expect(summary(read(nested).claims)).toEqual(['100 = 60 + 40 ok']);
    const ambiguous = table([
      ['机构', '人数'],
      ['合计', '100'],
      ['医院', '60'],
      ['其中：中医院', '20'],
      ['卫生院', '40'],
      ['乡镇卫生院', '20'],
      ['社区卫生服务中心', '20'],
    ]);
    expect(read(ambiguous).claims).toEqual([]);
    const twoTotals = table([
      ['机构', '人数'],
      ['小计', '60'],
      ['医院', '60'],
      ['合计', '100'],
      ['卫生院', '40'],
    ]);
    expect(read(twoTotals).claims).toEqual([]);
  });
});

describe('statistics tables copied one cell a paragraph', () => {
  test('a row name broken over two lines is one name, and the rows after it stay in the table', () => {
    const rows = ['收案数', '受理数', '省人社厅', '132', '118', '省卫健委', '7', '5', '市场监督', '管理局', '33', '23', '省公安厅', '25', '20', '合计', '197', '166'];
    const got = summary(read(rows.join('\n\n')).claims);
    expect(got).toEqual(['197 = 132 + 7 + 33 + 25 ok', '166 = 118 + 5 + 23 + 20 ok']);
  });

  /** A table as a web page's copy gives it: each cell its own paragraph, a blank cell a space. */
  const paste = (header: string[], rows: Array<[string, ...Array<number | string>]>, after = '注：本表不含村卫生室。'): string =>
    [...header, ...rows.flatMap(([label, ...cells]) => [label, ...cells.map((c) => (c === '' ? ' ' : String(c)))]), after].join('\n\n');
  const header = ['项目', '机构数(个)', '床位(张)', '人员数(人)'];

  test('numbered rows are the parts of 总计 and each breaks down into the rows under it; blank cells are no parts', () => {
    const rows: Array<[string, ...Array<number | string>]> = [
      ['总 计', 700, 9000, 20000],
      [' 一、医院', 60, 8000, 15000],
      ['  综合医院', 40, 6000, 11000],
      ['  专科医院', 20, 2000, 4000],
      [' 二、社区卫生服务中心', 40, 1000, 3000],
      [' 三、诊所、卫生所、医务室', 600, '', 2000],
    ];
    const got = summary(read(paste(header, rows)).claims);
    expect(got).toEqual(expect.arrayContaining(['700 = 60 + 40 + 600 ok', '9000 = 8000 + 1000 ok', '20000 = 15000 + 3000 + 2000 ok', '60 = 40 + 20 ok', '8000 = 6000 + 2000 ok']));
    // No claim adds a row to the rows under it.
    expect(got.filter((c) => c.startsWith('700 = 60 + 40 + 20'))).toEqual([]);
    expect(got.every((c) => c.endsWith(' ok'))).toBe(true);
  });

  test('a subtotal among the rows under a numbered row takes its own rows out; a table cut at the end of the text is a list that may be partial', () => {
    const rows: Array<[string, ...Array<number | string>]> = [
      ['总 计', 300, 5000, 9000],
      ['一、医院', 40, 4000, 6000],
      ['综合医院', 40, 4000, 6000],
      ['二、基层医疗卫生机构', 250, 900, 2900],
      ['社区卫生服务中心(站)', 50, 500, 1000],
      ['社区卫生服务中心', 20, 400, 700],
      ['社区卫生服务站', 30, 100, 300],
      ['村卫生室', 200, 400, 1900],
    ];
    const got = summary(read(paste(header, rows, '')).claims);
    expect(got).toEqual(expect.arrayContaining(['250 = 50 + 200 ok', '900 = 500 + 400 ok']));
    // 40 + 250 of 300: the rows after 二 may be missing where the text ends, so a warning, not an error.
    expect(got).toContain('300 = 40 + 250 short-partial');
  });

  test('columns of per cent, a heading row of a second dimension and figures with a sign leave what cannot be read alone', () => {
    const head = ['指标', '本期', '上年同期', '增减百分比(%)'];
    const withPct: Array<[string, ...Array<number | string>]> = [['总  计', 1300, 1200, 8.33], ['医  院', 500, 480, 4.17], ['基层医疗卫生机构', 800, 720, 11.11]];
    const got = summary(read(paste(head, withPct)).claims);
    expect(got).toEqual(['1300 = 500 + 800 ok', '1200 = 480 + 720 ok']);
    const byKind: Array<[string, ...Array<number | string>]> = [['总  计', 1300, 1200, 8.33], ['医  院', 500, 480, 4.17], ['按经济类型分', '', '', ''], ['公立医院', 420, 400, 5], ['民营医院', 80, '-4.08', -4.08], ['基层医疗卫生机构', 800, 720, 11.11]];
    expect(read(paste(head, byKind)).claims).toEqual([]);
  });
});

describe('a yearbook table with a unit column and no total row', () => {
  test('each numbered row is the total of the rows under it; a dash is an empty cell; the unit column gives each row its unit', () => {
    const cells = [
      ['指标名称', '单 位', '2016年', '2017年'],
      ['一、卫生机构', '个', '600', '700'],
      ['市级医院', '个', '50', '60'],
      ['门诊部', '个', '-', '90'],
      ['诊所·卫生所·医务所', '个', '550', '545'],
      ['二、病床床位数合计', '张', '13754', '15256'],
      ['三、卫生技术人员合计', '人', '21412', '22904'],
    ];
    const text = ['2016—2017年某市卫生事业发展情况', ...cells.flat().map((c) => `${c} |`)].join('\n');
    const r = read(text);
    expect(summary(r.claims)).toEqual(['600 = 50 + 550 ok', '700 = 60 + 90 + 545 short-partial']);
    expect(r.claims[0].total.unit).toBe('个');
  });
});

describe('yearbook tables whose columns are years', () => {
  type Dim = { name?: string; rows: Array<[string, number[]]> };
  type Group = { head: string; dims: Dim[]; extra?: number[] };
  /**
   * A statistics-handbook table as a web page's copy gives it: 项目 and the years, then 总计 and one
   * numbered row per group, each group's rows under it, by one or more dimensions (医院分级别: 三级医院);
   * a row of one space between rows. The group's figures are its first dimension's sums plus `extra`.
   */
  const handbook = (years: number[], groups: Group[], sep = '\u00a0'): { text: string; heads: number[][] } => {
    const heads = groups.map((g) => years.map((_, k) => g.dims[0].rows.reduce((a, [, v]) => a + v[k], 0) + (g.extra?.[k] ?? 0)));
    const total = years.map((_, k) => heads.reduce((a, h) => a + h[k], 0));
    const row = (label: string, v: number[]): string[] => [label, ...v.map(String), sep];
    const lines = ['2013-2017年全市医疗机构实有床位', '单位:张', '项目', ...years.map(String), sep, ...row('总计', total)];
    const numerals = '一二三四五六七八九';
    groups.forEach((g, i) => {
      lines.push(...row(`${numerals[i]}、${g.head}`, heads[i]));
      for (const d of g.dims) for (const [label, v] of d.rows) lines.push(...row(`    ${d.name ? `${d.name}: ` : ''}${label}`, v));
    });
    lines.push('注:1、本表统计范围不包括驻京部队医院。');
    return { text: lines.join('\n\n'), heads: [total, ...heads] };
  };

  test('the years are the heading; each dimension under a group is a breakdown of its own; a list ending in 其他 is complete', () => {
    const years = [2014, 2015, 2016];
    const groups: Group[] = [
      {
        head: '医院',
        dims: [
          { rows: [['公立医院', [800, 810, 820]], ['民营医院', [200, 215, 230]]] },
          { name: '医院分级别', rows: [['三级医院', [500, 505, 510]], ['二级医院', [300, 320, 340]], ['一级医院', [150, 150, 150]]] },
        ],
      },
      { head: '其他机构', dims: [{ rows: [['疗养院', [20, 20, 20]], ['其他', [30, 31, 32]]] }], extra: [2, 0, 0] },
    ];
    const { text, heads } = handbook(years, groups);
    const got = summary(read(text).claims);
    const [total, hospitals, others] = heads;
    for (let k = 0; k < years.length; k++) {
      expect(got).toContain(`${total[k]} = ${hospitals[k]} + ${others[k]} ok`);
      expect(got).toContain(`${hospitals[k]} = ${groups[0].dims[0].rows.map(([, v]) => v[k]).join(' + ')} ok`);
      // 三级+二级+一级 leave the unrated hospitals out: a partial list, a warning.
      const graded = groups[0].dims[1].rows.map(([, v]) => v[k]);
      expect(got).toContain(`${hospitals[k]} = ${graded.join(' + ')} ${graded.reduce((a, b) => a + b) === hospitals[k] ? 'ok' : 'short-partial'}`);
    }
    // A last row that is a kind of its own (其他感染性腹泻病) is no rest: short of the group is a warning.
    const disease: Group[] = [{ head: '丙类传染病', dims: [{ rows: [['流行性感冒', [700, 700, 700]], ['其他感染性腹泻病', [100, 100, 100]]] }], extra: [5, 5, 5] }];
    const diseases = summary(read(handbook(years, disease).text).claims);
    expect(diseases).toContain('805 = 700 + 100 short-partial');
    // Under 其他机构 the rows end with 其他: short of the group is an error in 2014, exact after.
    expect(got).toContain(`${others[0]} = 20 + 30 short`);
    expect(got).toContain(`${others[1]} = 20 + 31 ok`);
    // No claim adds the years of the heading.
    expect(got.filter((c) => /\b2014\b/.test(c))).toEqual([]);
  });

  test('two blocks of years, 其中 on the first row under the total, figures rounded to 0.1 万人次', () => {
    const cells = [
      ['项目', '总诊疗人次', '出院人数', '2011', '2012', '2011', '2012'],
      ['总计', '5554.1', '8072.3', '113.1', '177.1'],
      ['其中:综合医院', '3531.4', '5251.7', '77.3', '130.2'],
      ['中医医院', '1040.5', '1717.2', '9.1', '16.6'],
      ['专科医院', '982.2', '1103.5', '26.7', '30.2'],
    ];
    const text = ['单位:万人次', ...cells.flat(), '注:中医医院包含中西医结合医院。'].join('\n');
    // 5251.7 + 1717.2 + 1103.5 = 8072.4: within the rounding of four figures each to 0.1.
    expect(summary(read(text).claims)).toEqual([
      '5554.1 = 3531.4 + 1040.5 + 982.2 ok',
      '8072.3 = 5251.7 + 1717.2 + 1103.5 ok',
      '113.1 = 77.3 + 9.1 + 26.7 ok',
      '177.1 = 130.2 + 16.6 + 30.2 ok',
    ]);
    // Counts are exact: one short is short.
    const exact = ['项目', '2011', '2012', '总计', '101', '102', '其中:综合医院', '50', '52', '中医医院', '50', '50'].join('\n');
    expect(summary(read(exact).claims)).toEqual(['101 = 50 + 50 short-partial', '102 = 52 + 50 ok']);
  });

  test('a table of the city and its kinds of hospital: 全 市 is the total row', () => {
    const kinds: Array<[string, number, number]> = [['综合医院', 105, 29419], ['中医院', 38, 8126], ['专科医院', 68, 13438]];
    const whole = [kinds.reduce((a, k) => a + k[1], 0), kinds.reduce((a, k) => a + k[2], 0)];
    const cells = ['指 标', '|', '机构数', '(个)', '|', '实有床位数', '(张)', '|', '全 市', '|', String(whole[0]), '|', String(whole[1]), '|', ...kinds.flatMap(([n, a, b]) => [n, '|', String(a), '|', String(b), '|'])];
    expect(summary(read(cells.join('\n')).claims)).toEqual([
      `${whole[0]} = ${kinds.map((k) => k[1]).join(' + ')} ok`,
      `${whole[1]} = ${kinds.map((k) => k[2]).join(' + ')} ok`,
    ]);
  });
});

describe('bilingual yearbook tables, one cell a line with a bar after it', () => {
  /** Rows as the copy gives them: Chinese name |, English name | (over two lines when long), cells |; a blank cell a bar alone. */
  const yearbook = (rows: Array<[string, string, Array<number | ''>]>): string =>
    [
      '17-33 |', '卫生机构、床位、人员数 |', '|', 'Number of Health Institutions |', '(2018年) |', '类 别 |', 'Category |', '机构数 |', '实有 |', '人员总数 |', '(个) |', '床位 |', '(人) |',
      ...rows.flatMap(([zh, en, cells]) => [`${zh} |`, ...en.split('/').map((e) => `${e} |`), ...cells.map((c) => (c === '' ? '|' : `${c} |`))]),
    ].join('\n');

  test('English names are no rows, a bar alone is a blank cell, and X合计 is a part with the rows under it', () => {
    // Two rows of 5 institutions and two of 7: only the other columns tell which rows are under 医院合计.
    const hospitals: Array<[string, string, number[]]> = [['综合医院', 'Comprehensive Hospitals', [196, 19684, 25361]], ['中医医院', 'Traditional Chinese Medicine/Hospitals', [5, 381, 286]], ['专科医院', 'Specialty Hospitals', [7, 1713, 725]]];
    const others: Array<[string, string, Array<number | ''>]> = [['门诊部', 'Clinics', [15, '', 276]], ['卫生院', 'Health Centers', [5, 2, 67]], ['采供血机构', 'Blood Collection and Supply/Units', [7, '', 105]], ['疾病预防控制中心', 'Disease Prevention and/Control Centers', [102, '', 1070]]];
    const sub = [0, 1, 2].map((k) => hospitals.reduce((a, h) => a + h[2][k], 0));
    const whole = [0, 1, 2].map((k) => sub[k] + others.reduce((a, o) => a + Number(o[2][k] || 0), 0));
    const text = yearbook([['总计', 'Total', whole], ['医院合计', 'Total Hospitals', sub], ...hospitals, ...others]);
    const got = summary(read(text).claims);
    for (let k = 0; k < 3; k++) {
      const kept = others.map((o) => o[2][k]).filter((v) => v !== '');
      expect(got).toContain(`${whole[k]} = ${[sub[k], ...kept].join(' + ')} ok`);
      expect(got).toContain(`${sub[k]} = ${hospitals.map((h) => h[2][k]).join(' + ')} ok`);
    }
    expect(read(text).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('a bar alone after the last cell of a row ends the row; it is no blank cell of the next', () => {
    const rows = [['总 计', 27217, 27658], ['综合医院', 361, 356], ['中医医院', 80, 80], ['其他医院', 26776, 27222]];
    const text = ['单位:所', '|', '机构类别 |', '2017年 |', '2016年 |', '|', ...rows.flatMap(([l, a, b]) => [`${l} |`, `${a} |`, `${b} |`, '|'])].join('\n');
    expect(summary(read(text).claims)).toEqual(['27217 = 361 + 80 + 26776 ok', '27658 = 356 + 80 + 27222 ok']);
  });
});

describe('a table numbered by 序号, with a column of shares', () => {
  test('the serial numbers are no cells, the counts add up to 合计, and each share is checked against its count over the total', () => {
    const kinds: Array<[string, number]> = [['作出维持决定', 3509], ['撤回申请后终止', 678], ['驳回复议申请', 295], ['改正后终止', 77], ['其他', 23]];
    const sum = kinds.reduce((a, [, v]) => a + v, 0);
    const share = (v: number): string => `${((100 * v) / sum).toFixed(1)}%`;
    const rows = kinds.map(([l, v], k) => [String(k + 1), l, String(v), k === 3 ? '1.7%' : share(v)]);
    const text = ['12014年复议案件审结情况(件)', '序号', '处理方式', '数量', '比例', ...rows.flat(), String(kinds.length + 1), '合计', String(sum), '100%'].join('\n\n');
    const r = read(text);
    // The counts make up 合计, and their shares make up its 100 % within the rounding of each.
    const fractions = rows.map((row) => Number((parseFloat(row[3]) / 100).toPrecision(12)));
    expect(summary(r.claims)).toEqual([`${sum} = ${kinds.map(([, v]) => v).join(' + ')} ok`, `1 = ${fractions.join(' + ')} ok`]);
    // 77 of 4582 is 1.68 %, which rounds to 1.7 %: every share holds; 1.9 % would not.
    expect(r.rates.map((x) => `${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual(kinds.map(([, v]) => `${v}/${sum} ok`));
    const wrong = read(text.replace('1.7%', '1.9%'));
    expect(wrong.rates.filter((x) => x.verdict === 'mismatch').map((x) => x.numerator.value)).toEqual([77]);
  });
});

describe('a long table of shares', () => {
  test('4,200 rows, each a share of the 合计 row, are read whole: one claim, every share checked', () => {
    // The parts of one claim are siblings two by two: read as a set of pairs, 4,200 parts would be
    // 17.6 million pairs, past what a Set holds.
    const counts = Array.from({ length: 4200 }, (_, i) => 1 + (i % 7));
    const total = counts.reduce((a, b) => a + b, 0) + 5;
    const cells = ['序号', '单位', '数量', '比例'];
    counts.forEach((v, i) => cells.push(String(i + 1), `单位${i}`, String(v), `${((100 * v) / total).toFixed(2)}%`));
    cells.push('4201', '合计', String(total), '100%');
    const r = read(cells.join('\n\n'));
    expect(summary(r.claims.filter((c) => c.reading === 'table')).map((c) => c.split(' = ')[0])).toEqual([String(total)]);
    expect(r.claims.find((c) => c.reading === 'table')?.verdict).toBe('short');
    expect(r.rates).toHaveLength(4200);
  });
});

describe('subtotals inside a breakdown, found over all the columns', () => {
  test('专科医院 and the kinds under it: a breakdown of its own; a column where another row happens to equal the rows after it is not misread', () => {
    // Column 1: 中医医院 145 = 53 + 46 + 4 + 2 + 30 + 9 + 1, the rows after it, by chance; the other columns do not agree.
    const kinds: Array<[string, number[]]> = [['综合医院', [415, 489, 283]], ['中医医院', [145, 122, 66]], ['中西医结合医院', [53, 51, 29]]];
    const special: Array<[string, number[]]> = [['眼科医院', [4, 5, 3]], ['妇产(科)医院', [2, 2, 1]], ['精神病医院', [30, 34, 16]], ['皮肤病医院', [9, 7, 7]], ['骨科医院', [1, 1, 1]]];
    const specialSum = [0, 1, 2].map((c) => special.reduce((a, [, v]) => a + v[c], 0));
    const all: Array<[string, number[]]> = [...kinds, ['专科医院', specialSum], ...special];
    const head = [0, 1, 2].map((c) => [...kinds.map(([, v]) => v[c]), specialSum[c]].reduce((a, b) => a + b, 0));
    const text = ['机构分类 |', '甲 |', '乙 |', '丙 |', '|', `一、医院 |`, ...head.map((v) => `${v} |`), '|', ...all.flatMap(([l, v]) => [`${l} |`, ...v.map((x) => `${x} |`), '|'])].join('\n');
    expect(145).toBe(53 + specialSum[0] + special.reduce((a, [, v]) => a + v[0], 0));
    const got = summary(read(text).claims);
    for (let c = 0; c < 3; c++) {
      expect(got).toContain(`${head[c]} = ${[...kinds.map(([, v]) => v[c]), specialSum[c]].join(' + ')} ok`);
      expect(got).toContain(`${specialSum[c]} = ${special.map(([, v]) => v[c]).join(' + ')} ok`);
    }
    expect(read(text).findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  test('a subtotal three columns of four confirm is one in the fourth too, where its rows are one too many', () => {
    const rows: Array<[string, number[]]> = [
      ['一、医院', [35, 350, 3500, 700]],
      ['综合医院', [25, 250, 2500, 500]],
      ['专科医院', [10, 100, 1000, 200]],
      ['眼科医院', [4, 40, 400, 81]],
      ['骨科医院', [6, 60, 600, 120]],
    ];
    const text = ['机构分类 |', '甲 |', '乙 |', '丙 |', '丁 |', '|', ...rows.flatMap(([l, v]) => [`${l} |`, ...v.map((x) => `${x} |`), '|'])].join('\n');
    const got = summary(read(text).claims);
    expect(got).toContain('700 = 500 + 200 ok');
    expect(got).toContain('200 = 81 + 120 exceeds');
    expect(got).toContain('100 = 40 + 60 ok');
  });
});

describe('tables whose cells are set apart by spaces', () => {
  test('a yearbook page: years over the columns, English names under the Chinese, rows set deeper under the row they break down', () => {
    const years = [2000, 2010, 2020];
    const doctors = [20974, 28405, 18846];
    const aides = [9795, 463, 551];
    const text = [
      '17-7 农村村级卫生组织情况',
      'Health Organizations in Rural Areas at Village Level',
      `  ${years.join(' ')}`,
      '项目  Item',
      `  村设置医疗点数(个) 17476 19976 17173`,
      '    Medical Treatment Stations of Villages(unit)',
      `  乡村医生和卫生人员数(人) ${years.map((_, k) => doctors[k] + aides[k]).join(' ')}`,
      '    Number of Rural Doctors and Medical Personnel(person)',
      `    乡村医生 ${doctors.join(' ')}`,
      '        Rural Doctors',
      `    卫生员 ${aides.join(' ')}`,
      '        Medical Personnel',
    ].join('\n');
    expect(summary(read(text).claims)).toEqual(years.map((_, k) => `${doctors[k] + aides[k]} = ${doctors[k]} + ${aides[k]} ok`));
    // A sentence that ends with figures is no row.
    expect(read('全年共检查单位，合格 120 130\n其中 甲 60 65\n乙 60 65').claims).toEqual([]);
  });

  test('blocks ranked under a row named as their sum: a claim each, in the rounding of their shares; 内分泌 is a name, not 内:', () => {
    const block = (title: string, shares: number[]): string[] => [
      // The sum as printed is 0.02 off the shares as printed: each of the six figures was rounded.
      `  ${title}合计 ${(shares.reduce((a, b) => a + b, 0) + 0.02).toFixed(2)}`,
      ...shares.map((v, k) => `${k + 1} ${['恶性肿瘤', '脑血管病', '心脏病', '内分泌营养和代谢疾病', '泌尿、生殖系病'][k]} ${v.toFixed(2)}`),
    ];
    const all = [27.25, 17.66, 17.1, 3.32, 1.37];
    const men = [30.45, 16.34, 16.11, 2.53, 1.29];
    const text = ['城市前五位疾病死亡原因及构成 (2006年)', ' 顺位   疾 病 死 亡 原 因   占死亡总人数的% ', ...block('五种死因', all), '     ', ...block('男性五种死因', men)].join('\n');
    const got = summary(read(text).claims);
    const sum = (xs: number[]): number => Number((xs.reduce((a, b) => a + b, 0) + 0.02).toFixed(2));
    expect(got).toEqual([`${sum(all)} = ${all.join(' + ')} ok`, `${sum(men)} = ${men.join(' + ')} ok`]);
    expect(read(text).period).toMatchObject({ year: 2006, from: 1, to: 12 });
  });
});

describe('rates in a table', () => {
  const paste = (cells: string[][]): string => cells.flat().join('\n\n');
  const fields = ['指标名称', '餐饮单位', '公共场所', '生活饮用水', '学校卫生'];

  test('a row of 合格率 is checked against the two rows of counts it is the ratio of; the one wrong rate is reported', () => {
    const text = paste([
      fields,
      ['监督户次数(次)', '1500', '400', '170', '210'],
      ['合格户次数(次)', '1479', '397', '169', '210'],
      ['合格率(%)', '98.60', '99.25', '98.24', '100'],
    ]);
    const r = read(text);
    expect(r.rates.map((x) => `${x.stated.text} ${x.numerator.value}/${x.denominator.value} ${x.verdict}`)).toEqual([
      '98.60 1479/1500 ok',
      '99.25 397/400 ok',
      '98.24 169/170 mismatch',
      '100 210/210 ok',
    ]);
  });

  test('a column of growth in per cent is the change over last year, row by row, signs and all', () => {
    const text = paste([
      ['指标', '本期', '上年同期', '增减绝对数', '增减百分比(%)'],
      ['总  计', '13091.10', '12747.20', '343.90', '2.70'],
      ['医  院', '5090.67', '4878.22', '212.45', '4.36'],
      ['民营医院', '870.29', '874.37', '-4.08', '-0.47'],
      ['基层医疗卫生机构', '7488.48', '7377.51', '110.97', '1.50'],
    ]);
    const r = read(text);
    expect(r.rates.map((x) => `${x.stated.text} ${x.verdict}`)).toEqual(['2.70 ok', '4.36 ok', '-0.47 ok', '1.50 ok']);
  });

  test('rates that no pair of rows fits are left alone', () => {
    const text = paste([fields, ['监督户数', '1500', '400', '170', '210'], ['单位户数', '1600', '500', '190', '260'], ['合格率(%)', '91.2', '93.3', '95.0', '97.1']]);
    expect(read(text).rates).toEqual([]);
  });
});

describe('a statistics table whose levels are not marked', () => {
  const table = (rows: string[][]): string => rows.map((r) => `${r.join(' | ')} |`).join('\n');
  test('the one split of the rows that makes 总计 up gives the parts, each with the rows under it; # rows under a row are that row’s', () => {
    const text = [
      table([
        ['机构数(个)', '床位数(张)'],
        ['总计', '3100', '36800'],
        ['医院', '150', '28600'],
        ['#综合医院', '99', '19000'],
        ['中医医院', '10', '3600'],
        ['专科医院', '33', '4600'],
        ['基层医疗卫生机构', '2880', '7400'],
        ['社区卫生服务中心(站)', '275', '1800'],
        ['卫生院', '107', '5500'],
        ['#乡镇卫生院', '106', '5480'],
        ['村卫生室', '2498', '100'],
        ['专业公共卫生机构', '40', '500'],
        ['其他卫生机构', '30', '300'],
      ]),
      '表2 卫生人员总数(万人) | |',
      table([
        ['总 计', '5.51'],
        ['卫生技术人员', '4.29'],
        ['#执业(助理)医师', '1.70'],
        ['内: 执业医师', '1.44'],
        ['注册护士', '1.74'],
        ['管理人员', '0.22'],
        ['工勤技能人员', '1.00'],
      ]),
    ].join('\n');
    const got = summary(read(text).claims);
    expect(got).toEqual(
      expect.arrayContaining(['3100 = 150 + 2880 + 40 + 30 ok', '150 = 99 + 10 + 33 short-partial', '2880 = 275 + 107 + 2498 ok', '36800 = 28600 + 7400 + 500 + 300 ok', '5.51 = 4.29 + 0.22 + 1 ok', '4.29 = 1.7 + 1.74 short-partial']),
    );
    // No claim adds a part to the rows under it.
    expect(got.filter((c) => c.startsWith('3100 = 150 + 99'))).toEqual([]);
  });
});

describe('rows of figures alone under headings with a 合计 column', () => {
  const table = (total: string) =>
    [
      '庆元县2024年度行政处罚实施情况统计表',
      '行政处罚实施数量(宗) | ||||||||||',
      '警告、通报批评 | 罚款 | 没收违法所得 | 暂扣许可证 | 吊销许可证 | 限制开展生产经营活动 | 责令停产停业 | 行政拘留 | 其他行政处罚 | 合计(宗) | 罚没金额(万元) |',
      `12175 | 94929 | 235 | 189 | 101 | 0 | 11 | 504 | 12 | ${total} | 1753.79 |`,
    ].join('\n');

  test('the figures before 合计 make it up: a claim of the row', () => {
    const [c, ...more] = read(table('108156')).claims;
    expect(more).toEqual([]);
    expect(c.total).toMatchObject({ value: 108156, unit: '宗' });
    expect(c.parts.map((p) => p.value)).toEqual([12175, 94929, 235, 189, 101, 0, 11, 504, 12]);
    expect(c.parts[1].label).toBe('罚款');
    expect(c.verdict).toBe('ok');
    // The 罚没金额 after the total is no part of it.
    expect(c.parts.some((p) => p.value === 1753.79)).toBe(false);
  });

  test('a row that does not add up says nothing: no name says which columns are the parts', () => {
    expect(read(table('108000')).claims).toEqual([]);
  });
});

describe('a column that totals the columns before it, in a table of named rows', () => {
  // The same table written with | on each line, and copied from a web page one cell a line.
  const rows = [
    ['项目 月度', '12345热线', '全国12315平台', '件数小计', '挽回经济损失'],
    ['1月', '2479', '692', '3171', '83.76'],
    ['2月', '1906', '494', '2400', '34.41'],
    ['3月', '2913', '937', '3850', '49.6'],
    ['总计', '7298', '2123', '9421', '167.77'],
  ];
  const piped = (rs: string[][]): string => rs.map((r) => `| ${r.join(' | ')} |`).join('\n');
  const celled = (rs: string[][]): string => rs.flatMap((r) => r.map((c) => `${c} |`)).join('\n');
  test.each([
    ['| rows', piped],
    ['a cell a line', celled],
  ])('%s: each row whose figures make its 小计 up exactly is a claim, beside the 总计 row’s columns', (_, write) => {
    const text = `表1 投诉举报统计表\n单位:件、万元\n${write(rows)}\n`;
    const got = summary(read(text).claims);
    expect(got).toEqual(expect.arrayContaining(['3171 = 2479 + 692 ok', '2400 = 1906 + 494 ok', '3850 = 2913 + 937 ok', '9421 = 7298 + 2123 ok', '7298 = 2479 + 1906 + 2913 ok']));
    // A row that does not add up is no claim: nothing but the sum says which columns are its parts.
    const off = rows.map((r) => (r[0] === '2月' ? ['2月', '1906', '494', '2410', '34.41'] : r));
    const gotOff = summary(read(`表1 投诉举报统计表\n单位:件、万元\n${write(off)}\n`).claims);
    expect(gotOff.filter((c) => c.includes('1906 + 494'))).toEqual([]);
  });
});
