// Seeded generators of two sheet shapes, each with planted mistakes and the exact list of findings
// they must produce:
//  - districtCrossTab: a supervisor's city table, one row per district (or, transposed, one column
//    per district), indicators as columns with merged 合计 | 其中… groups, and a 全市合计 row;
//  - countyForm: a county bureau's own form, indicators as rows with 一、（一）1.（1）① sections,
//    其中 breakdowns, 合计 rows below their lists, and years as columns.
// Every layout choice is drawn from the seed, so a test loops over seeds and meets the variations
// real sheets show (header words, where units are written, rate storage, merged headers, codes in
// their own column or in the label, indentation by spaces or by Excel indent …). Mistakes are
// planted with a second random stream after the clean sheet is decided, so `errors: 0` and
// `errors: 3` with one seed give the same sheet except in the planted cells (and the cells that
// are formulas of them: the city total row, the 增减 column).
//
// `expected` is not the list of plants as intended but is recomputed from the finished grid: every
// group whose total differs from the sum of its parts, and every mandated rate below 100 %. So it
// also holds the consequences a plant has (a district's wrong 合计 also makes the total row's 合计
// wrong, because the total row sums the columns as typed); their note starts with `consequence:`,
// the plants' note with `planted:`.
import type { CellValue, SheetGrid } from '../../src/core/types';
import { toA1 } from '../../src/core/a1';

export { toA1 };

export interface Planted {
  kind: 'balance' | 'entity-total' | 'rate';
  sheet: string;
  /** A1 of the TOTAL cell (or the rate cell), no sheet prefix. */
  address: string;
  /** Total minus sum of parts, in the numbers as typed; for a rate: rate − 100 in percentage points. */
  difference: number;
  note: string;
}

export interface GeneratedSheet {
  grid: SheetGrid;
  /** Every finding the sheet must produce: the plants and their consequences. */
  expected: Planted[];
  /** The year of the data, e.g. '2023' (the latest year column in a county form). */
  period: string;
  /** Entity names in row (or column) order for a cross-tab; [the county] for a form. */
  entities: string[];
  /**
   * Indicator labels of every cell range that holds values, in sheet order, as written minus codes,
   * 其中：, indentation and a trailing unit in brackets. A cross-tab group's 合计 sub-column stands
   * for the group, so it is listed under the group's name; 合计/小计 rows of a form, 增减, 增减率,
   * 排名 and 备注 are not indicators.
   */
  indicators: string[];
  /**
   * Every (total cell → part cells) group the sheet really has. direction 'rows': the parts lie in
   * other rows of the total's column; 'columns': in other columns of the total's row.
   */
  groups: Array<{ total: string; parts: string[]; direction: 'rows' | 'columns' }>;
  /**
   * Every data cell: indicator values (numbers, or text such as '100%'), the total row, and the
   * unchecked 增减 / 增减率 values. Not 序号, 排名 or header years.
   */
  dataCells: string[];
  /** The layout choices this seed made (e.g. 'transposed', 'rates-fraction'), for test names and coverage. */
  traits: string[];
}

/** A small seeded PRNG (mulberry32): floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Drawing helpers over one mulberry32 stream. */
function rand(seed: number) {
  const next = mulberry32(seed);
  const shuffle = <T>(xs: readonly T[]): T[] => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  return {
    f: next,
    int: (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p: number): boolean => next() < p,
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    shuffle,
    /** k items of xs, kept in their original order. */
    ordered: <T>(xs: readonly T[], k: number): T[] => {
      const keep = new Set(shuffle(xs.map((_, i) => i)).slice(0, k));
      return xs.filter((_, i) => keep.has(i));
    },
  };
}
type Rand = ReturnType<typeof rand>;

const round = (x: number, digits = 6): number => Math.round(x * 10 ** digits) / 10 ** digits + 0; // no -0

/** A mistake as people make it: a small slip, or (sometimes) the last two digits swapped. */
function slip(P: Rand, old: number): number {
  const s = String(old);
  if (old >= 10 && P.chance(0.3) && s[s.length - 1] !== s[s.length - 2]) {
    return Number(s.slice(0, -2) + s[s.length - 1] + s[s.length - 2]) - old;
  }
  const d = P.pick([-1, 1]) * P.int(1, 9);
  return old + d <= 0 ? Math.abs(d) : d; // never negative, and never a value turned into 0
}

type RC = [number, number];

/** The grid under construction, in used-range coordinates (row 0 / col 0 = the origin). */
class Canvas {
  values: CellValue[][] = [];
  formats: string[][] = [];
  indents: number[][] = [];
  set(r: number, c: number, v: CellValue, fmt = 'General', indent = 0): void {
    while (this.values.length <= r) {
      this.values.push([]);
      this.formats.push([]);
      this.indents.push([]);
    }
    this.values[r][c] = v;
    this.formats[r][c] = fmt;
    this.indents[r][c] = indent;
  }
  get(r: number, c: number): CellValue {
    return this.values[r]?.[c] ?? null;
  }
  /** Pads every row to the same width; holes and blank rows become null. */
  grid(name: string, originRow: number, originCol: number, formats: boolean, indents: boolean): SheetGrid {
    const width = Math.max(...this.values.map((r) => r.length));
    const pad = <T>(rows: T[][], fill: T): T[][] => rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? fill));
    const g: SheetGrid = { name, originRow, originCol, values: pad(this.values, null as CellValue) };
    if (formats) g.numberFormats = pad(this.formats, 'General');
    if (indents) g.indents = pad(this.indents, 0);
    return g;
  }
}

/** What both generators hand to `finish`: cells by canvas coordinates, checked groups and rates. */
interface Draft {
  canvas: Canvas;
  name: string;
  originRow: number;
  originCol: number;
  /** Whether the grid carries numberFormats / indents. */
  formats: boolean;
  indents: boolean;
  groups: Array<{ kind: 'balance' | 'entity-total'; total: RC; parts: RC[]; direction: 'rows' | 'columns' }>;
  /** Mandated-rate cells; `fraction` when the sheet stores 100 % as 1. */
  rates: Array<{ at: RC; fraction: boolean }>;
  dataCells: RC[];
  /** Notes of the plants, keyed `kind:row,col`. */
  notes: Map<string, string>;
  period: string;
  entities: string[];
  indicators: string[];
  traits: string[];
}

/** A rate cell in percentage points: 92, 0.92 (fraction sheet) and '92%' all give 92. */
function ratePoints(v: CellValue, fraction: boolean): number | undefined {
  if (typeof v === 'number') return round(fraction ? v * 100 : v);
  if (typeof v === 'string' && /^\d+(\.\d+)?%$/.test(v)) return Number(v.slice(0, -1));
  return undefined;
}

function finish(d: Draft): GeneratedSheet {
  const addr = ([r, c]: RC): string => toA1(r + d.originRow, c + d.originCol);
  const num = ([r, c]: RC): number => {
    const v = d.canvas.get(r, c);
    if (typeof v !== 'number') throw new Error(`generator bug: ${addr([r, c])} is not a number`);
    return v;
  };
  const expected: Planted[] = [];
  const consequence = 'consequence: a total that sums the cells as typed inherits a planted mistake';
  for (const g of d.groups) {
    const difference = round(num(g.total) - g.parts.reduce((s, p) => s + num(p), 0));
    if (difference === 0) continue;
    const note = d.notes.get(`${g.kind}:${g.total.join(',')}`) ?? consequence;
    expected.push({ kind: g.kind, sheet: d.name, address: addr(g.total), difference, note });
  }
  for (const r of d.rates) {
    const p = ratePoints(d.canvas.get(...r.at), r.fraction);
    if (p === undefined || p >= 100) continue;
    const note = d.notes.get(`rate:${r.at.join(',')}`) ?? 'rate below 100 %';
    expected.push({ kind: 'rate', sheet: d.name, address: addr(r.at), difference: round(p - 100), note });
  }
  const { period, entities, indicators, traits } = d;
  const groups = d.groups.map((g) => ({ total: addr(g.total), parts: g.parts.map(addr), direction: g.direction }));
  const grid = d.canvas.grid(d.name, d.originRow, d.originCol, d.formats, d.indents);
  return { grid, expected, period, entities, indicators, groups, dataCells: d.dataCells.map(addr), traits };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary shared by both shapes. Bases are typical district-sized values.

const DISTRICTS = [
  '市中区', '沙湾区', '五通桥区', '金口河区', '犍为县', '井研县', '夹江县', '沐川县', '峨边县', '马边县',
  '峨眉山市', '罗庄区', '兰山区', '河东区', '北碚区', '武江区', '浈江区', '曲江区', '南湖区', '秀洲区',
  '嘉善县', '海盐县', '海宁市', '平湖市', '桐乡市', '城关镇', '龙泉镇', '东城街道', '西城街道', '新华街道',
];
const CITIES = ['乐山市', '临沂市', '韶关市', '嘉兴市'];
const COUNTIES = ['乐山市市中区', '市中区', '临沂市罗庄区', '罗庄区', '重庆市北碚区', '韶关市武江区', '犍为县', '峨眉山市', '嘉兴市南湖区'];

interface GroupDef { name: string; unit: string; parts: Array<[string, number]> }
/** Breakdowns whose parts are complete (a template sheet), first part written with 其中. */
const BREAKDOWNS: GroupDef[] = [
  { name: '行政处罚案件', unit: '件', parts: [['警告', 12], ['罚款', 25], ['没收违法所得', 3], ['责令停产停业', 2], ['吊销许可证', 1]] },
  { name: '双随机抽检任务', unit: '家', parts: [['公共场所卫生', 40], ['生活饮用水卫生', 8], ['学校卫生', 8], ['医疗卫生', 15], ['放射卫生', 5], ['传染病防治', 10]] },
  { name: '政务服务办件量', unit: '件', parts: [['自然人', 400], ['法人', 60]] },
  { name: '规范性文件清理', unit: '件', parts: [['继续有效', 6], ['修改', 2], ['废止', 2], ['失效', 1]] },
];
/** Lists that a county form closes with a 合计/小计 row below them. */
const SUM_LISTS: GroupDef[] = [
  { name: '执法人员', unit: '人', parts: [['专职执法人员', 18], ['兼职执法人员', 6], ['执法辅助人员', 9]] },
  { name: '法律顾问', unit: '人', parts: [['公职律师', 3], ['外聘法律顾问', 2]] },
  BREAKDOWNS[2], BREAKDOWNS[3],
];
interface PlainDef { name: string; unit: string; base: number; money?: boolean }
const PLAINS: PlainDef[] = [
  { name: '监督检查户次', unit: '户次', base: 300 }, { name: '罚没款', unit: '万元', base: 30, money: true },
  { name: '法制审核案件', unit: '件', base: 8 }, { name: '执法人员', unit: '人', base: 20 }, { name: '行政许可受理', unit: '件', base: 200 },
];
/** Mandated rates: must be 100 %. */
const RATES = ['法制审核率', '投诉处理完结率', '出庭应诉率'];
const NOTE_TEXTS = ['含移送案件', '新组建执法队伍', '数据已核实', '口径调整', '/'];

// ---------------------------------------------------------------------------------------------
// districtCrossTab

type Role = 'total' | 'part' | 'plain' | 'rate' | 'change' | 'changeRate' | 'rank' | 'note';
interface Slot {
  role: Role;
  head: string; // header row 1 (a group's name is written only over its first sub-column)
  sub: string | null; // header row 2 (merged style) for group sub-columns
  unit: string | null;
  indicator?: string;
  group?: number;
  money?: boolean;
  vals: CellValue[]; // per district
}

export function districtCrossTab(seed: number, opts: { errors?: number; transpose?: boolean } = {}): GeneratedSheet {
  const R = rand(seed);
  const transpose = opts.transpose ?? false;
  const year = R.int(2019, 2024);
  const city = R.pick(CITIES);
  const n = R.int(5, 15);
  const districts = R.shuffle(DISTRICTS).slice(0, n);
  const size = districts.map(() => 0.6 + R.f()); // districts differ in size, not wildly

  // Layout choices.
  const merged = R.chance(transpose ? 0.6 : 0.8); // two-row header with merged groups, or one row with 其中
  const unitsAt = R.pick(['header', 'header', 'titleLine', 'row'] as const);
  const [po, pc] = R.chance(0.6) ? ['（', '）'] : ['(', ')'];
  const fraction = R.chance(0.5); // 100 % stored as 1, or as 100
  const someText = R.chance(0.3); // some rate cells typed as '100%'
  const totalLabel = R.pick(['全市合计', '合计', '全市', '总计']);
  const totalFirst = R.chance(0.4);
  const withSeq = !transpose && R.chance(0.4);
  const totalInSeq = withSeq && R.chance(0.5); // 全市合计 merged over 序号 and name
  const corner = transpose
    ? R.pick(['指标', '项目', '指标名称', '项目＼地区', ''])
    : R.pick(['区县', '地区', '单位', '县（市、区）', '单位名称', '']);
  const totalRateBlank = R.chance(0.4);
  const totalSub = R.pick(['合计', '小计', '总数', '计']);
  const qizhong = R.chance(0.7);
  const withFormats = R.chance(0.5);
  const inHead = (name: string, unit: string): string => (unitsAt === 'header' ? `${name}${po}${unit}${pc}` : name);

  // Indicator blocks in a random order: 1–3 groups, 1–3 plain columns, 1–2 mandated rates.
  const blocks: Slot[][] = [];
  R.ordered(BREAKDOWNS, R.int(1, 3)).forEach((g, gi) => {
    const parts = R.ordered(g.parts, R.int(2, Math.min(4, g.parts.length)));
    const vals = districts.map((_, d) => parts.map(([, b]) => Math.max(0, Math.round(b * size[d] * (0.6 + 0.8 * R.f())))));
    const head = inHead(g.name, g.unit);
    const totalLast = merged && R.chance(0.2);
    const total: Slot = { role: 'total', head, sub: totalSub, unit: g.unit, indicator: g.name, group: gi, vals: vals.map((v) => v.reduce((a, b) => a + b, 0)) };
    const ps: Slot[] = parts.map(([p], k) => {
      const first = k === 0 && !totalLast && (qizhong || !merged); // a one-row header needs the 其中 cue
      const inline = first ? `其中：${p}` : transpose && k > 0 ? `　　　${p}` : p;
      return { role: 'part', head: merged ? head : inline, sub: merged ? (first ? `其中：${p}` : p) : null, unit: g.unit, indicator: p, group: gi, vals: vals.map((v) => v[k]) };
    });
    blocks.push(totalLast ? [...ps, total] : [total, ...ps]);
  });
  for (const p of R.ordered(PLAINS, R.int(1, 3))) {
    const vals = size.map((s) => (p.money ? round(Math.round(p.base * 100 * s * (0.5 + R.f())) / 100, 2) : Math.round(p.base * s * (0.7 + 0.6 * R.f()))));
    blocks.push([{ role: 'plain', head: inHead(p.name, p.unit), sub: null, unit: p.unit, indicator: p.name, money: p.money, vals }]);
  }
  for (const r of R.ordered(RATES, R.int(1, 2))) {
    const vals = districts.map(() => (someText && R.chance(0.3) ? '100%' : fraction ? 1 : 100));
    blocks.push([{ role: 'rate', head: inHead(r, '%'), sub: null, unit: '%', indicator: r, vals }]);
  }
  const slots: Slot[] = R.shuffle(blocks).flat();
  // Unchecked columns: year-on-year change (can be negative), its rate, a rank, a remark.
  const extra: Slot[] = [];
  if (R.chance(0.35)) extra.push({ role: 'change', head: inHead('比上年增减', '件'), sub: null, unit: '件', vals: districts.map(() => R.int(-15, 15)) });
  if (R.chance(0.25)) extra.push({ role: 'changeRate', head: inHead('增减率', '%'), sub: null, unit: '%', vals: districts.map(() => round(R.int(-300, 500) / 10, 1)) });
  slots.splice(slots.findIndex((s) => s.role !== 'total' && s.role !== 'part') + 1, 0, ...extra);
  if (R.chance(0.3)) {
    const key = slots.find((s) => s.role === 'total' || s.role === 'plain')?.vals as number[];
    const order = key.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]).map(([, i]) => i);
    const rank = new Array<number>(n);
    order.forEach((d, k) => (rank[d] = k + 1));
    slots.push({ role: 'rank', head: '排名', sub: null, unit: null, vals: rank });
  }
  if (R.chance(0.35)) slots.push({ role: 'note', head: '备注', sub: null, unit: null, vals: districts.map(() => (R.chance(0.3) ? R.pick(NOTE_TEXTS) : null)) });

  // Titles: the year is in the title, or only in the sheet name (never nowhere).
  const yearInTitle = R.chance(0.7);
  const title = yearInTitle
    ? R.pick([`${year}年各区县卫生健康行政执法情况统计表`, `${city}${year}年度法治政府建设指标汇总`, `${city}卫生健康系统${year}年法治建设主要指标统计表`])
    : R.pick(['各区县卫生健康行政执法情况统计表', `${city}法治政府建设指标汇总表`]);
  const name = yearInTitle ? R.pick(['Sheet1', '汇总', '执法统计', `${year}年`]) : R.pick([`${year}年`, `${year}`, `汇总${year}`]);
  const titles: string[] = [title];
  const units = [...new Set(slots.map((s) => s.unit).filter((u): u is string => !!u))];
  const filer = `填报单位：${city}卫生健康委员会`;
  if (unitsAt === 'titleLine') titles.push(R.chance(0.3) ? `${filer}　　　单位：${units.join('、')}` : `单位：${units.join('、')}`);
  else if (R.chance(0.3)) titles.push(filer);
  const blankAfterTitle = R.chance(0.3);
  const T = titles.length + (blankAfterTitle ? 1 : 0);

  // Logical layout (rows = header rows, units row, entity rows; columns = lead columns, slots);
  // transposing swaps the two, so the header becomes label columns and the units row a unit column.
  const L = withSeq ? 2 : 1;
  const H = merged ? 2 : 1;
  const U = unitsAt === 'row' ? 1 : 0;
  const cv = new Canvas();
  const rc = (lr: number, lc: number): RC => (transpose ? [T + lc, lr] : [T + lr, lc]);
  const put = (lr: number, lc: number, v: CellValue, fmt?: string): void => cv.set(...rc(lr, lc), v, fmt);
  const rowOf = (e: number): number => H + U + (totalFirst ? (e === n ? 0 : e + 1) : e); // e === n: total row
  const at = (e: number, s: number): RC => rc(rowOf(e), L + s);

  titles.forEach((t, i) => cv.set(i, 0, t));
  if (withSeq) put(0, 0, '序号');
  put(0, L - 1, corner || null);
  if (U && transpose) put(H, 0, '单位');
  slots.forEach((s, i) => {
    const firstOfGroup = s.group === undefined || slots[i - 1]?.group !== s.group;
    if (!merged || firstOfGroup) put(0, L + i, s.head);
    if (merged && s.sub) put(1, L + i, s.sub);
    if (U && s.unit) put(H, L + i, s.unit);
  });
  const fmtOf = (s: Slot, v: CellValue): string =>
    !withFormats || typeof v !== 'number' ? 'General' : s.role === 'rate' && fraction ? '0%' : s.money ? '0.00' : 'General';
  districts.forEach((dn, d) => {
    if (withSeq) put(rowOf(d), 0, d + 1);
    put(rowOf(d), L - 1, dn);
  });
  put(rowOf(n), totalInSeq ? 0 : L - 1, totalLabel);

  // Plants, drawn from their own stream so the clean sheet does not depend on `errors`.
  const P = rand(seed ^ 0x5bd1e995);
  const notes = new Map<string, string>();
  const usedGroups = new Set<number>();
  const usedCols = new Set<number>();
  const usedRates = new Set<string>();
  const totalShift = new Map<number, number>();
  const slotIdx = (pred: (s: Slot) => boolean): number[] => slots.map((s, i) => (pred(s) ? i : -1)).filter((i) => i >= 0);
  const tryPlant = (kind: Planted['kind']): boolean => {
    if (kind === 'balance') {
      // One district's row of a group: its 合计 or one part mistyped. At most one per group, since
      // the total row's 合计 of that group then inherits the difference.
      const free = [...new Set(slots.map((s) => s.group).filter((g): g is number => g !== undefined && !usedGroups.has(g)))];
      if (!free.length) return false;
      const g = P.pick(free);
      usedGroups.add(g);
      const d = P.int(0, n - 1);
      const ti = slots.findIndex((s) => s.group === g && s.role === 'total');
      const target = P.chance(0.5) ? ti : P.pick(slotIdx((s) => s.group === g && s.role === 'part'));
      const old = slots[target].vals[d] as number;
      const delta = slip(P, old);
      slots[target].vals[d] = old + delta;
      const which = target === ti ? `its ${totalSub} typed ${old + delta} instead of ${old}` : `part ${slots[target].indicator} typed ${old + delta} instead of ${old}`;
      notes.set(`balance:${at(d, ti).join(',')}`, `planted: ${districts[d]} ${slots[ti].indicator}: ${which}`);
      return true;
    }
    if (kind === 'entity-total') {
      // The total row of a plain column (no group, so no other check is touched).
      const free = slotIdx((s) => s.role === 'plain').filter((i) => !usedCols.has(i));
      if (!free.length) return false;
      const s = P.pick(free);
      usedCols.add(s);
      totalShift.set(s, slots[s].money ? P.pick([-1, 1]) * P.int(1, 500) / 100 : 0);
      notes.set(`entity-total:${at(n, s).join(',')}`, `planted: ${totalLabel} of ${slots[s].indicator} is not the sum of the districts`);
      return true;
    }
    const cells = slotIdx((s) => s.role === 'rate').flatMap((s) => districts.map((_, d) => `${s},${d}`)).filter((k) => !usedRates.has(k));
    if (!cells.length) return false;
    const key = P.pick(cells);
    usedRates.add(key);
    const [s, d] = key.split(',').map(Number);
    const points = P.chance(0.7) ? P.int(80, 99) : P.int(800, 995) / 10;
    const old = slots[s].vals[d];
    slots[s].vals[d] = typeof old === 'string' ? `${points}%` : fraction ? round(points / 100, 4) : points;
    notes.set(`rate:${at(d, s).join(',')}`, `planted: ${districts[d]} ${slots[s].indicator} ${points}% (mandated 100%)`);
    return true;
  };
  const kinds = P.shuffle(['balance', 'entity-total', 'rate'] as const);
  const errors = opts.errors ?? 3;
  for (let i = 0, done = 0; done < errors && i < errors * 3 + 3; i++) if (tryPlant(kinds[i % 3])) done++;

  // Values, then the total row as column sums of the districts as typed (a formula row).
  const draftGroups: Draft['groups'] = [];
  const rates: Draft['rates'] = [];
  const dataCells: RC[] = [];
  let anyText = false;
  slots.forEach((s, i) => {
    s.vals.forEach((v, d) => {
      put(rowOf(d), L + i, v, fmtOf(s, v));
      if (s.role !== 'rank' && s.role !== 'note') dataCells.push(at(d, i));
      if (s.role === 'rate') rates.push({ at: at(d, i), fraction });
      anyText ||= s.role === 'rate' && typeof v === 'string';
    });
    let total: CellValue = null;
    if (s.role === 'total' || s.role === 'part' || s.role === 'plain') {
      const sum = (s.vals as number[]).reduce((a, b) => a + b, 0);
      const shift = totalShift.get(i);
      const delta = shift === undefined ? 0 : shift || slip(P, round(sum, 2));
      total = round(sum + (sum + delta < 0 ? -delta : delta), 2);
      draftGroups.push({ kind: 'entity-total', total: at(n, i), parts: districts.map((_, d) => at(d, i)), direction: transpose ? 'columns' : 'rows' });
    } else if (s.role === 'rate' && !totalRateBlank) {
      total = fraction ? 1 : 100;
      rates.push({ at: at(n, i), fraction });
    }
    if (total !== null) {
      put(rowOf(n), L + i, total, fmtOf(s, total));
      dataCells.push(at(n, i));
    }
  });
  const groupIds = [...new Set(slots.map((s) => s.group).filter((g): g is number => g !== undefined))];
  for (let e = 0; e <= n; e++) {
    for (const g of groupIds) {
      const ti = slots.findIndex((s) => s.group === g && s.role === 'total');
      const parts = slotIdx((s) => s.group === g && s.role === 'part').map((i) => at(e, i));
      draftGroups.push({ kind: 'balance', total: at(e, ti), parts, direction: transpose ? 'rows' : 'columns' });
    }
  }

  // Notes under the table.
  const footer: string[] = [];
  if (R.chance(0.3)) footer.push(R.pick([`注：本表统计时间为${year}年1月1日至12月31日。`, '注：罚没款以万元计，保留两位小数。']));
  if (R.chance(0.3)) footer.push('填报人：张三　　审核人：李四');
  let row = cv.values.length + (footer.length && R.chance(0.5) ? 1 : 0);
  for (const f of footer) cv.set(row++, 0, f);

  const traits = [
    transpose ? 'transposed' : 'districts-as-rows', merged ? 'header-merged' : 'header-inline', `units-${unitsAt}`,
    fraction ? 'rates-fraction' : 'rates-points', totalFirst ? 'total-first' : 'total-last', yearInTitle ? 'year-in-title' : 'year-only-in-sheet-name',
  ];
  if (anyText) traits.push('rates-some-text');
  if (withSeq) traits.push(totalInSeq ? 'seq-column-total-in-seq' : 'seq-column');
  if (!corner) traits.push('no-entity-header');
  if (slots.some((s, i) => s.role === 'total' && slots[i - 1]?.group === s.group)) traits.push('group-total-last');
  for (const s of slots) if (['change', 'changeRate', 'rank', 'note'].includes(s.role)) traits.push(`with-${s.role}`);
  if (titles.length > 1) traits.push('second-title-line');
  if (footer.length) traits.push('footer');
  if (withFormats) traits.push('number-formats');

  return finish({
    canvas: cv, name, originRow: R.int(0, 2), originCol: R.int(0, 2), formats: withFormats, indents: false,
    groups: draftGroups, rates, dataCells, notes, period: String(year),
    entities: districts, // in sheet order; the total row is not an entity
    indicators: slots.filter((s) => s.indicator).map((s) => s.indicator as string), traits,
  });
}

// ---------------------------------------------------------------------------------------------
// countyForm

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

interface FormRow {
  type: 'heading' | 'value' | 'sum' | 'blank';
  level: number; // 0 section heading, 1 item, 2 part / list item
  code: string;
  name: string;
  unit?: string;
  vals?: number[]; // per year, in cents when money
  money?: boolean;
  rate?: boolean;
  firstPart?: boolean; // the 其中 row
  part?: boolean;
}

export function countyForm(seed: number, opts: { errors?: number } = {}): GeneratedSheet {
  const R = rand(seed);
  const year = R.int(2019, 2024);
  const years = R.chance(0.25) ? [year - 2, year - 1, year] : [year - 1, year];
  const place = R.pick(COUNTIES);
  const bureau = R.pick(['卫生健康局', '卫生健康委员会', '卫健局']);

  // Codes: in the 序号 column, at the start of the label, or none (hierarchy by indentation only).
  const codeMode = R.pick(['column', 'label', 'none'] as const);
  const dot = R.pick(['.', '、']);
  const ladder = [(k: number) => `（${CN[k]}）`, (k: number) => `${k + 1}${dot}`, (k: number) => `（${k + 1}）`, (k: number) => CIRCLED[k]];
  const itemLevel = R.int(0, 1);
  const partLevel = R.int(itemLevel + 1, 3);
  const indentMode = codeMode === 'none' ? R.pick(['aligned', 'spaces', 'grid'] as const) : R.chance(0.3) ? 'spaces' : 'codes';
  const seqMode = codeMode === 'column' ? 'codes' : R.chance(codeMode === 'none' ? 0.5 : 0.3) ? 'running' : 'absent';
  const unitCol = R.chance(0.8);
  const deltaHead = R.pick(['增减', '比上年增减', '增减率', null]);
  const noteHead = R.pick(['备注', '说明', null]);
  const yearStyle = R.pick(['年', '年度', 'number'] as const);
  const fraction = R.chance(0.4);
  const withFormats = R.chance(0.5);

  const series = (base: number): number[] => years.map(() => Math.max(0, Math.round(base * (0.85 + 0.3 * R.f()))));
  const rows: FormRow[] = [];
  const groups: Array<{ total: number; parts: number[]; sum: boolean; name: string }> = [];
  const breakdown = (g: GroupDef, level: number, code: string, partCode: (k: number) => string): void => {
    const parts = R.ordered(g.parts, R.int(2, Math.min(5, g.parts.length)));
    const pv = parts.map(([, b]) => series(b));
    const total = rows.push({ type: 'value', level, code, name: g.name, unit: g.unit, vals: years.map((_, y) => pv.reduce((s, v) => s + v[y], 0)) }) - 1;
    const idx = parts.map(([p], k) => rows.push({ type: 'value', level: level + 1, code: partCode(k), name: p, unit: g.unit, vals: pv[k], part: true, firstPart: k === 0 }) - 1);
    groups.push({ total, parts: idx, sum: false, name: g.name });
  };
  const sumList = (g: GroupDef, underHeading: boolean, itemCode: () => string): void => {
    const parts = R.ordered(g.parts, R.int(2, g.parts.length));
    if (underHeading) rows.push({ type: 'heading', level: 1, code: itemCode(), name: `${g.name}情况` });
    else rows.push({ type: 'blank', level: 0, code: '', name: '' });
    const pv = parts.map(([, b]) => series(b));
    const idx = parts.map(([p], k) => rows.push({ type: 'value', level: underHeading ? 2 : 1, code: underHeading ? ladder[partLevel](k) : itemCode(), name: p, unit: g.unit, vals: pv[k] }) - 1);
    const total = rows.push({ type: 'sum', level: 1, code: '', name: R.pick(['合计', '小计']), unit: g.unit, vals: years.map((_, y) => pv.reduce((s, v) => s + v[y], 0)) }) - 1;
    groups.push({ total, parts: idx, sum: true, name: g.name });
  };

  // Sections: 行政执法 always (a breakdown and a mandated rate); the others at random, with at
  // least one list closed by a 合计 row below it.
  const sections: Array<[string, Array<(code: () => string) => void>]> = [];
  const plain = (p: PlainDef) => (code: () => string) => void rows.push({ type: 'value', level: 1, code: code(), name: p.name, unit: p.unit, vals: series(p.money ? p.base * 100 : p.base), money: p.money });
  const rate = (name: string) => (code: () => string) => void rows.push({ type: 'value', level: 1, code: code(), name, unit: '%', vals: years.map(() => 100), rate: true });
  const bd = (g: GroupDef) => (code: () => string) => {
    breakdown(g, 1, code(), ladder[partLevel]);
    if (R.chance(0.25)) rows.push({ type: 'blank', level: 0, code: '', name: '' });
  };
  const list = (g: GroupDef) => (code: () => string) => {
    sumList(g, R.chance(0.6), code);
    if (R.chance(0.3)) rows.push({ type: 'blank', level: 0, code: '', name: '' });
  };
  sections.push([R.pick(['行政执法', '执法监督']), [
    bd(BREAKDOWNS[0]), ...(R.chance(0.6) ? [plain(PLAINS[1])] : []), ...(R.chance(0.5) ? [plain(PLAINS[2])] : []),
    rate('法制审核率'), ...(R.chance(0.5) ? [bd(BREAKDOWNS[1])] : []), ...(R.chance(0.5) ? [plain(PLAINS[0])] : []),
  ]]);
  const more: Array<[string, Array<(code: () => string) => void>]> = [
    ['队伍建设', [list(R.pick([SUM_LISTS[0], SUM_LISTS[1]]))]],
    ['政务服务', [...(R.chance(0.5) ? [plain(PLAINS[4])] : []), list(SUM_LISTS[2]), ...(R.chance(0.6) ? [rate('投诉处理完结率')] : [])]],
    ['制度建设', [list(SUM_LISTS[3])]],
  ];
  sections.push(...R.ordered(more, R.int(1, 3)));
  sections.forEach(([title, items], k) => {
    rows.push({ type: 'heading', level: 0, code: `${CN[k]}、`, name: title });
    let ic = 0;
    const next = (): string => ladder[itemLevel](ic++);
    for (const item of items) item(next);
  });

  // Plants (own stream): a breakdown total, a 合计 below its list, a mandated rate; one per group and year.
  const P = rand(seed ^ 0x5bd1e995);
  const notes = new Map<number, string>(); // key row * 100 + year index
  const used = new Set<number>();
  const yearLabel = (y: number): string => String(years[y]);
  const tryPlant = (kind: 'balance' | 'sum' | 'rate'): boolean => {
    if (kind === 'rate') {
      const free = rows.flatMap((r, i) => (r.rate ? years.map((_, y) => i * 100 + y) : [])).filter((k) => !used.has(k));
      if (!free.length) return false;
      const key = P.pick(free);
      used.add(key);
      const points = P.chance(0.7) ? P.int(80, 99) : P.int(800, 995) / 10;
      (rows[Math.floor(key / 100)].vals as number[])[key % 100] = points;
      notes.set(key, `planted: ${rows[Math.floor(key / 100)].name} ${yearLabel(key % 100)} is ${points}% (mandated 100%)`);
      return true;
    }
    const free = groups.filter((g) => g.sum === (kind === 'sum')).flatMap((g) => years.map((_, y) => ({ g, y }))).filter(({ g, y }) => !used.has(g.total * 100 + y));
    if (!free.length) return false;
    const { g, y } = P.pick(free);
    used.add(g.total * 100 + y);
    // Zero cells are left alone so that a 增减率 column keeps its blanks (no division by zero).
    const nonzero = g.parts.filter((p) => (rows[p].vals as number[])[y] > 0);
    const target = P.chance(0.5) || !nonzero.length ? g.total : P.pick(nonzero);
    const vals = rows[target].vals as number[];
    const old = vals[y];
    vals[y] += slip(P, old);
    const what = target === g.total ? (g.sum ? `its ${rows[target].name} row` : 'the total') : `part ${rows[target].name}`;
    notes.set(g.total * 100 + y, `planted: ${g.name} ${yearLabel(y)}: ${what} typed ${vals[y]} instead of ${old}`);
    return true;
  };
  const kinds = P.shuffle(['balance', 'sum', 'rate'] as const);
  const errors = opts.errors ?? 3;
  for (let i = 0, done = 0; done < errors && i < errors * 3 + 3; i++) if (tryPlant(kinds[i % 3])) done++;

  // Title lines: the county is in the title or in a 填报单位 line; an optional 单位：件 line.
  const titles: string[] = [];
  if (R.chance(0.7)) titles.push(R.pick([`${place}${bureau}${year}年法治政府建设主要指标`, `${place}${year}年度卫生健康法治建设指标情况表`]));
  else titles.push(`${year}年度法治政府建设主要指标表`, `填报单位：${place}${bureau}`);
  if (R.chance(0.2)) titles.push('单位：件');
  const name = R.pick(['Sheet1', '指标', `${year}年`, '法治指标', '报表']);

  // Columns.
  const cols: string[] = [];
  if (seqMode !== 'absent') cols.push('seq');
  cols.push('name');
  if (unitCol) cols.push('unit');
  years.forEach((_, y) => cols.push(`y${y}`));
  if (deltaHead) cols.push('delta');
  if (noteHead) cols.push('note');
  const C = (k: string): number => cols.indexOf(k);
  const cv = new Canvas();
  titles.forEach((t, i) => cv.set(i, 0, t));
  const top = titles.length + (R.chance(0.3) ? 1 : 0);
  if (C('seq') >= 0) cv.set(top, C('seq'), '序号');
  cv.set(top, C('name'), R.pick(['指标名称', '项目', '指标']));
  if (unitCol) cv.set(top, C('unit'), R.pick(['单位', '计量单位']));
  years.forEach((y, k) => cv.set(top, C(`y${k}`), yearStyle === 'number' ? y : `${y}${yearStyle}`));
  if (deltaHead) cv.set(top, C('delta'), deltaHead);
  if (noteHead) cv.set(top, C('note'), noteHead);

  const rowAt = (i: number): number => top + 1 + i;
  const rates: Draft['rates'] = [];
  const dataCells: RC[] = [];
  const indicators: string[] = [];
  let running = 0;
  const last = years.length - 1;
  rows.forEach((r, i) => {
    const gr = rowAt(i);
    if (r.type === 'blank') return;
    // Label: code (in the label or the 序号 column), 其中, indentation by spaces or Excel indent.
    let label = (r.firstPart ? '其中：' : '') + r.name;
    if (!unitCol && r.type === 'value') label += `（${r.unit}）`;
    const code = r.code && (codeMode !== 'none' || r.level === 0) ? r.code : '';
    if (code && (codeMode === 'label' || (codeMode === 'none' && r.level === 0))) label = code + label;
    if (r.level === 2 && indentMode === 'spaces') label = '　　' + label;
    if (r.level === 2 && indentMode === 'aligned') label = (r.part && !r.firstPart ? '　　　' : r.part ? '' : '　　') + label;
    cv.set(gr, C('name'), label, 'General', r.level === 2 && indentMode === 'grid' ? 1 : 0);
    if (seqMode === 'codes' && code) cv.set(gr, C('seq'), code);
    if (seqMode === 'running' && r.level === 1 && r.type !== 'sum') cv.set(gr, C('seq'), ++running);
    if (r.type === 'heading' || !r.vals) return;
    if (unitCol) cv.set(gr, C('unit'), r.unit ?? null);
    if (r.type === 'value') indicators.push(r.name);
    const typed = r.vals.map((v) => (r.money ? round(v / 100, 2) : r.rate && fraction ? round(v / 100, 4) : v));
    const fmt = !withFormats ? 'General' : r.money ? '0.00' : r.rate && fraction ? '0%' : 'General';
    typed.forEach((v, y) => {
      cv.set(gr, C(`y${y}`), v, fmt);
      dataCells.push([gr, C(`y${y}`)]);
      if (r.rate) rates.push({ at: [gr, C(`y${y}`)], fraction });
    });
    // 增减 is later minus earlier of the typed values (a formula column), never checked.
    if (deltaHead) {
      const [a, b] = [typed[last - 1], typed[last]];
      const v = deltaHead === '增减率' ? (a ? round(((b - a) / a) * 100, 2) : null) : round(b - a, 4);
      cv.set(gr, C('delta'), v);
      if (v !== null) dataCells.push([gr, C('delta')]);
    }
    if (noteHead && R.chance(0.15)) cv.set(gr, C('note'), R.pick(NOTE_TEXTS));
  });
  const footer: string[] = [];
  if (R.chance(0.3)) footer.push('填报人：张三　审核人：李四');
  let fr = cv.values.length + (footer.length && R.chance(0.5) ? 1 : 0);
  for (const f of footer) cv.set(fr++, 0, f);

  const draftNotes = new Map<string, string>();
  const draftGroups: Draft['groups'] = groups.flatMap((g) =>
    years.map((_, y) => {
      const total: RC = [rowAt(g.total), C(`y${y}`)];
      const note = notes.get(g.total * 100 + y);
      if (note) draftNotes.set(`balance:${total.join(',')}`, note);
      return { kind: 'balance' as const, total, parts: g.parts.map((p): RC => [rowAt(p), C(`y${y}`)]), direction: 'rows' as const };
    }),
  );
  for (const [key, note] of notes) if (rows[Math.floor(key / 100)].rate) draftNotes.set(`rate:${rowAt(Math.floor(key / 100))},${C(`y${key % 100}`)}`, note);

  const traits = [`codes-${codeMode}`, `indent-${indentMode}`, `seq-${seqMode}`, `years-${years.length}`, fraction ? 'rates-fraction' : 'rates-points', `year-header-${yearStyle}`];
  traits.push(unitCol ? 'unit-column' : 'unit-in-label', deltaHead ? `delta-${deltaHead}` : 'no-delta', noteHead ? 'note-column' : 'no-note');
  if (rows.some((r) => r.type === 'heading' && r.level === 1)) traits.push('list-under-heading');
  if (rows.some((r, i) => r.type === 'blank' && rows[i + 1]?.type === 'value' && rows[i + 1].level === 1 && groups.some((g) => g.sum && g.parts[0] === i + 1))) traits.push('list-after-blank');
  if (codeMode !== 'none') traits.push(`item-codes-${ladder[itemLevel](0)}`, `part-codes-${ladder[partLevel](0)}`);
  if (withFormats) traits.push('number-formats');

  return finish({
    canvas: cv, name, originRow: R.int(0, 2), originCol: R.int(0, 2), formats: withFormats, indents: indentMode === 'grid',
    groups: draftGroups, rates, dataCells, notes: draftNotes, period: String(year), entities: [place], indicators, traits,
  });
}
