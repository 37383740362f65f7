'use strict';
// A synthetic provincial panel for the benchmark: D districts × Y years × 100 indicators as a
// long-layout workbook (地区 | 年份 | 指标 | 数值 | 单位), one sheet per year (a 3 M panel is
// 10 sheets of 300 k rows, each within Excel's 1,048,576-row limit). Every (district, year)
// block lists the same 100 indicators in the same order, with 其中 breakdowns, so the engine
// builds its balance groups per block as it would for a real province.
//
// The clean data satisfies every check of the engine and of the built-in rule pack: totals are
// the sums of their parts (money summed after rounding to the displayed 0.01 万元), mandated
// rates are 100 %, derived rates and averages are computed from the displayed inputs, and
// series move smoothly (≤ 5 % trend a year, ±2 % noise). Then a few errors of known kinds are
// injected at seeded-random places; `injected` lists each with its cell and the rule families
// that must report it.

/** Seeded PRNG (mulberry32). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// --------------------------------------------------------------------------------------------
// The 100 indicators of a block, in sheet order.
//   role: 'total' (its parts follow, marked by `part: true`), 'part', 'count', 'money', 'rate',
//   'mandated' (must be 100 %), 'same' (equal to `of`), 'share' (a fraction of `of`, ≤ it),
//   'average' (money of `of[0]` in 元 per count of `of[1]`).
//   base: typical size for a mid-sized district (counts in their unit, money in 万元, rates in %).

const Q = '其中：';
const IN = '\u3000\u3000'; // full-width indent of the 2nd, 3rd … part of a 其中 list

/** A group: the total, then its parts (first one prefixed 其中：, the rest indented). */
function group(total, unit, parts, role = 'count') {
  const out = [{ label: total, unit, role: 'total', kind: role }];
  parts.forEach(([label, base], i) => out.push({ label: i === 0 ? `${Q}${label}` : `${IN}${label}`, name: label, unit, role: 'part', kind: role, base }));
  return out;
}

const CATALOGUE = [
  ...group('行政处罚案件', '件', [['警告', 60], ['罚款等', 80], ['停产停业', 6]]),
  { label: '依法公开执法处罚信息', unit: '条', role: 'same', of: '行政处罚案件' },
  { label: '医疗服务类案件', unit: '件', role: 'share', of: '行政处罚案件', lo: 0.3, hi: 0.6 },
  { label: '打击非法行医案件', unit: '件', role: 'share', of: '行政处罚案件', lo: 0.05, hi: 0.2 },
  ...group('罚没款', '万元', [['医疗服务类罚款', 80], ['非法行医罚没款', 25], ['其他罚没款', 15]], 'money'),
  { label: '单案平均罚没款', unit: '元', role: 'average', of: ['罚没款', '行政处罚案件'] },
  ...group('国家双随机监督抽检任务', '户', [
    ['公共场所卫生', 110], ['生活饮用水卫生', 14], ['学校卫生', 14], ['医疗卫生', 35],
    ['放射卫生', 12], ['传染病防治', 30], ['消毒产品', 5], ['职业卫生', 4],
  ]),
  { label: '公共场所卫生行政处罚', unit: '户', role: 'share', of: '公共场所卫生', lo: 0.1, hi: 0.3 },
  { label: '监督检查医疗机构', unit: '户次', role: 'count', base: 600 },
  { label: '处罚医疗机构', unit: '户次', role: 'share', of: '监督检查医疗机构', lo: 0.02, hi: 0.1 },
  ...group('政务服务办件量', '件', [['自然人办件', 4800], ['法人办件', 600]]),
  ...group('规范性文件清理', '件', [['继续有效', 11], ['废止', 3], ['失效', 2]]),
  { label: '重大执法决定', unit: '件', role: 'count', base: 40 },
  { label: '经法制审核的重大执法决定', unit: '件', role: 'same', of: '重大执法决定' },
  { label: '法制审核率', unit: '%', role: 'mandated' },
  { label: '投诉受理件数', unit: '件', role: 'count', base: 300 },
  { label: '投诉办结件数', unit: '件', role: 'same', of: '投诉受理件数' },
  { label: '投诉处理完结率', unit: '%', role: 'mandated' },
  { label: '舆情件', unit: '件', role: 'count', base: 25 },
  { label: '舆情完结件', unit: '件', role: 'same', of: '舆情件' },
  { label: '舆情处理完结率', unit: '%', role: 'mandated' },
  { label: '行政诉讼案件', unit: '件', role: 'count', base: 8 },
  { label: '负责人出庭应诉案件', unit: '件', role: 'same', of: '行政诉讼案件' },
  { label: '出庭应诉率', unit: '%', role: 'mandated' },
  { label: '依法执业自查率', unit: '%', role: 'mandated' },
  { label: '信访事项回复率', unit: '%', role: 'mandated' },
  { label: '双随机公示录入率', unit: '%', role: 'mandated' },
  { label: '热线工单办结率', unit: '%', role: 'mandated' },
  ...group('卫生监督员', '人', [['专职卫生监督员', 40], ['兼职卫生监督员', 12]]),
  ...group('卫生技术人员', '人', [['执业(助理)医师', 2400], ['注册护士', 2800], ['药师', 300], ['技师', 320], ['其他卫生技术人员', 250]]),
  ...group('医疗卫生机构', '个', [['医院', 25], ['基层医疗卫生机构', 380], ['专业公共卫生机构', 12], ['其他机构', 6]]),
  ...group('床位数', '张', [['医院床位', 4200], ['基层床位', 1500], ['其他床位', 200]]),
  ...group('诊疗人次', '人次', [['门诊人次', 3_200_000], ['急诊人次', 260_000], ['其他诊疗人次', 140_000]]),
  ...group('卫生健康支出', '万元', [['公共卫生支出', 9000], ['医疗服务支出', 15000], ['医疗保障支出', 21000], ['行政管理支出', 2600]], 'money'),
  ...group('监督执法经费', '万元', [['执法装备经费', 120], ['执法培训经费', 40]], 'money'),
  ...group('培训人次', '人次', [['法治培训人次', 900], ['业务培训人次', 2300]]),
  { label: '群众满意率', unit: '%', role: 'rate', base: 93 },
  { label: '抽检合格率', unit: '%', role: 'rate', base: 95 },
  { label: '健康档案建档率', unit: '%', role: 'rate', base: 88 },
  { label: '家庭医生签约率', unit: '%', role: 'rate', base: 45 },
  { label: '疫苗接种率', unit: '%', role: 'rate', base: 97 },
  { label: '孕产妇系统管理率', unit: '%', role: 'rate', base: 92 },
  { label: '执法文书规范率', unit: '%', role: 'rate', base: 96 },
  { label: '案卷评查优良率', unit: '%', role: 'rate', base: 85 },
  { label: '行政复议案件', unit: '件', role: 'count', base: 5 },
  { label: '普法活动', unit: '次', role: 'count', base: 60 },
  { label: '法律顾问', unit: '人', role: 'count', base: 4 },
  { label: '执法检查户次', unit: '户次', role: 'count', base: 3500 },
  { label: '听证案件', unit: '件', role: 'count', base: 3 },
  { label: '移送司法机关案件', unit: '件', role: 'count', base: 2 },
  { label: '专项整治行动', unit: '次', role: 'count', base: 12 },
  { label: '政府信息公开条数', unit: '条', role: 'count', base: 450 },
  { label: '执法记录仪', unit: '台', role: 'count', base: 60 },
  { label: '罚没款上缴国库', unit: '万元', role: 'money', base: 110 },
  { label: '法治宣传经费', unit: '万元', role: 'money', base: 35 },
  { label: '固定资产投资', unit: '万元', role: 'money', base: 5200 },
];

const INDICATORS = CATALOGUE.length;
const byName = new Map(CATALOGUE.map((c, i) => [c.name ?? c.label, i]));
// Parts know their total: the nearest earlier 'total'.
{
  let total = -1;
  CATALOGUE.forEach((c, i) => {
    if (c.role === 'total') {
      total = i;
      c.parts = [];
    } else if (c.role === 'part') {
      c.total = total;
      CATALOGUE[total].parts.push(i);
    }
  });
}
const GROUPS = CATALOGUE.filter((c) => c.role === 'total').length;
const MANDATED = CATALOGUE.filter((c) => c.role === 'mandated').length;

// District names: 城市 × 县区, two syllables each, unique.
const SYL = '安宝昌德东丰福广海华嘉江金靖康乐临龙鹿明南宁平庆泉仁瑞山胜寿顺泰天通文武西祥新兴阳永玉元远云长正中'.split('');
function districtName(i) {
  const city = Math.floor(i / 30);
  const k = i % 30;
  const c = SYL[city % SYL.length] + SYL[(Math.floor(city / SYL.length) * 7 + 3) % SYL.length];
  const d = SYL[(k * 5 + city) % SYL.length] + SYL[(k * 11 + 17) % SYL.length];
  return `${c}市${d}${k % 3 === 0 ? '县' : '区'}`;
}

const HEADER = ['地区', '年份', '指标', '数值', '单位'];
/** Column of 数值 in the grid (0-based); its letter in addresses. */
const VALUE_COL = 3;
const VALUE_LETTER = 'D';

const round2 = (x) => Math.round(x * 100) / 100;

/**
 * Builds the workbook snapshot.
 * @param {{districts:number, years?:number, firstYear?:number, seed?:number, inject?:boolean}} o
 */
function makePanel(o) {
  const D = o.districts;
  const Y = o.years ?? 10;
  const firstYear = o.firstYear ?? 2015;
  const rnd = prng(o.seed ?? 20240601);
  const names = Array.from({ length: D }, (_, i) => districtName(i));
  if (new Set(names).size !== D) throw new Error('district names collide');
  // Per district: a size factor; per district × indicator: a base, a yearly growth, a share.
  const size = new Float64Array(D);
  for (let d = 0; d < D; d++) size[d] = 0.4 + 2.2 * rnd() * rnd() + 0.3 * rnd();
  const base = new Float64Array(D * INDICATORS);
  const growth = new Float64Array(D * INDICATORS);
  const share = new Float64Array(D * INDICATORS);
  for (let d = 0; d < D; d++) {
    for (let i = 0; i < INDICATORS; i++) {
      const c = CATALOGUE[i];
      const k = d * INDICATORS + i;
      base[k] = (c.base ?? 0) * size[d] * (0.7 + 0.6 * rnd());
      growth[k] = 1 + 0.05 * rnd();
      share[k] = c.lo !== undefined ? c.lo + (c.hi - c.lo) * rnd() : 0;
      if (c.role === 'rate') base[k] = Math.min(99.5, c.base + (100 - c.base) * 0.6 * (rnd() - 0.5));
    }
  }
  const labels = CATALOGUE.map((c) => c.label);
  const units = CATALOGUE.map((c) => c.unit);
  const sheets = [];
  const block = new Array(INDICATORS);
  for (let t = 0; t < Y; t++) {
    const year = firstYear + t;
    const values = new Array(1 + D * INDICATORS);
    values[0] = HEADER.slice();
    let r = 1;
    for (let d = 0; d < D; d++) {
      const k0 = d * INDICATORS;
      const trend = (i) => base[k0 + i] * Math.pow(growth[k0 + i], t) * (1 + 0.04 * (rnd() - 0.5));
      // Parts and plain values first, then what is derived from them.
      for (let i = 0; i < INDICATORS; i++) {
        const c = CATALOGUE[i];
        if (c.role === 'part' || c.role === 'count') block[i] = c.kind === 'money' ? round2(trend(i)) : Math.max(1, Math.round(trend(i)));
        else if (c.role === 'money') block[i] = round2(trend(i));
        else if (c.role === 'rate') block[i] = Math.min(100, Math.round((base[k0 + i] + 0.6 * (rnd() - 0.5)) * 10) / 10);
        else if (c.role === 'mandated') block[i] = 100;
      }
      for (let i = 0; i < INDICATORS; i++) {
        const c = CATALOGUE[i];
        if (c.role !== 'total') continue;
        // Money: sum in hundredths of 万元 so the displayed total is the exact sum.
        block[i] = c.kind === 'money' ? c.parts.reduce((s, p) => s + Math.round(block[p] * 100), 0) / 100 : c.parts.reduce((s, p) => s + block[p], 0);
      }
      for (let i = 0; i < INDICATORS; i++) {
        const c = CATALOGUE[i];
        if (c.role === 'same') block[i] = block[byName.get(c.of)];
        else if (c.role === 'share') block[i] = Math.max(0, Math.round(block[byName.get(c.of)] * share[k0 + i]));
        else if (c.role === 'average') {
          const cases = block[byName.get(c.of[1])];
          block[i] = round2((block[byName.get(c.of[0])] * 10000) / cases);
        }
      }
      const entity = names[d];
      for (let i = 0; i < INDICATORS; i++) values[r++] = [entity, year, labels[i], block[i], units[i]];
    }
    sheets.push({ name: `${year}年`, originRow: 0, originCol: 0, values });
  }
  const snapshot = { name: `全省卫生健康指标-${D}地区-${Y}年.xlsx`, sheets };
  const injected = o.inject === false ? [] : inject(snapshot, { D, Y, rnd });
  return { snapshot, injected, observations: D * Y * INDICATORS, districts: D, years: Y, indicators: INDICATORS, groups: GROUPS, mandated: MANDATED };
}

// --------------------------------------------------------------------------------------------
// Injected errors. Each kind is one a bureau really makes; `expect` are the rule-id prefixes
// of which at least one must name the cell.

const KINDS = [
  {
    kind: 'balance',
    what: '其中 part raised by 1–3: the parts exceed the total',
    expect: ['balance.', 'rule.balance.'],
    pick: (c) => c.role === 'part' && c.kind === 'count',
    apply: (v, rnd) => v + 1 + Math.floor(rnd() * 3),
  },
  {
    kind: 'mandated-rate',
    what: 'mandated rate below 100 %',
    expect: ['rate.mandated', 'rate.'],
    pick: (c) => c.role === 'mandated',
    apply: (_v, rnd) => Math.round((95 + 4.5 * rnd()) * 10) / 10,
  },
  {
    kind: 'unreadable',
    what: 'text in a number cell (见附件)',
    expect: ['value.unreadable'],
    pick: (c) => c.role === 'count',
    apply: () => '见附件',
  },
  {
    kind: 'excel-error',
    what: 'an Excel error value (#DIV/0!)',
    expect: ['value.excel-error'],
    pick: (c) => c.role === 'count',
    apply: () => ({ error: '#DIV/0!' }),
  },
  {
    kind: 'negative',
    what: 'negative count',
    expect: ['range.count-negative'],
    pick: (c) => c.role === 'count',
    apply: (v) => -v,
  },
  {
    kind: 'unit-slip',
    what: 'latest year in 元 instead of 万元 (×10,000)',
    expect: ['history.'],
    pick: (c) => c.role === 'money',
    apply: (v) => Math.round(v * 10000),
    lastYear: true,
  },
  {
    kind: 'extra-digit',
    what: 'latest year with an extra digit (×10)',
    expect: ['history.'],
    pick: (c) => c.role === 'count' && (c.base ?? 0) >= 40,
    apply: (v) => v * 10,
    lastYear: true,
  },
];
const PER_KIND = 5;

function inject(snapshot, { D, Y, rnd }) {
  const used = new Set();
  const out = [];
  // Latest-year kinds first: they compete for the fewest blocks. A panel too small for every
  // error gets fewer (never an endless search).
  const kinds = [...KINDS.filter((k) => k.lastYear), ...KINDS.filter((k) => !k.lastYear)];
  for (const k of kinds) {
    const candidates = CATALOGUE.map((c, i) => [c, i]).filter(([c]) => k.pick(c)).map(([, i]) => i);
    for (let n = 0; n < PER_KIND; n++) {
      for (let attempt = 0; attempt < 10_000; attempt++) {
        const d = Math.floor(rnd() * D);
        const t = k.lastYear ? Y - 1 : Math.floor(rnd() * Y);
        const i = candidates[Math.floor(rnd() * candidates.length)];
        // One error per district-year block, so one error's findings never explain another's.
        const key = `${d}/${t}`;
        if (used.has(key)) continue;
        used.add(key);
        const sheet = snapshot.sheets[t];
        const r = 1 + d * INDICATORS + i;
        const row = sheet.values[r];
        const before = row[VALUE_COL];
        row[VALUE_COL] = k.apply(before, rnd);
        out.push({
          kind: k.kind,
          what: k.what,
          expect: k.expect,
          sheet: sheet.name,
          address: `${VALUE_LETTER}${r + 1}`,
          entity: row[0],
          year: row[1],
          district: d,
          yearIndex: t,
          indicator: CATALOGUE[i].name ?? CATALOGUE[i].label,
          before,
          after: row[VALUE_COL],
        });
        break;
      }
    }
  }
  return out;
}

/**
 * Which injected errors the findings report: a finding whose rule id starts with one of the
 * expected prefixes and that names the injected cell. Also counts findings that name no
 * injected cell (false alarms on clean data), by rule id.
 */
function matchFindings(injected, findings) {
  const byCell = new Map();
  for (const e of injected) byCell.set(`${e.sheet}!${e.address}`, e);
  const found = new Set();
  const unrelated = new Map();
  for (const f of findings) {
    let touches = false;
    for (const c of f.cells ?? []) {
      const e = byCell.get(`${c.sheet}!${c.address}`);
      if (!e) continue;
      touches = true;
      if (e.expect.some((p) => f.ruleId.startsWith(p))) found.add(e);
    }
    if (!touches) unrelated.set(f.ruleId, (unrelated.get(f.ruleId) ?? 0) + 1);
  }
  // Findings about the same district and year as an injected error (a derived rule reading a
  // neighbouring cell) are not false alarms either.
  const blocks = new Set(injected.map((e) => `${e.entity}\u0000${e.year}`));
  for (const f of findings) {
    if ((f.cells ?? []).some((c) => byCell.has(`${c.sheet}!${c.address}`))) continue;
    if (f.entity && blocks.has(`${f.entity}\u0000${f.period}`)) {
      const n = unrelated.get(f.ruleId) - 1;
      if (n > 0) unrelated.set(f.ruleId, n);
      else unrelated.delete(f.ruleId);
    }
  }
  const missed = injected.filter((e) => !found.has(e));
  return { injected: injected.length, found: found.size, missed, unrelated: Object.fromEntries([...unrelated].sort((a, b) => b[1] - a[1])) };
}

module.exports = { makePanel, matchFindings, prng, CATALOGUE, INDICATORS, GROUPS, MANDATED, KINDS, PER_KIND, HEADER, districtName };
