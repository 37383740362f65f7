// Tables written in the text with | between the cells, as a table copied from a web page, a PDF
// or a Markdown file arrives in a .txt or in the pane's text box:
//
//   | 机构分类 | 机构数(个) | 床位数(张) |
//   | 总 计    | 331        | 3121       |
//   | 综合医院 | 7          | 3021       |
//   …
//
// A row labelled 总计 / 合计 above or below the other rows is a total of each of its numeric
// columns: one claim a column, its parts the column's cells in the other rows, judged as every
// other claim is. A table with more than one total row (小计 under 合计) is left alone, since
// which rows each total covers is not written. Rows numbered 一、二、… are the total's parts, and
// the rows under each its breakdown; a blank cell is no part; columns of per cent are not added;
// a table with a heading row of a second dimension (按经济类型分) is left alone. Tables copied one
// cell a line (or a paragraph) are read the same way. A row or column of rates (合格率(%), 增减百分比)
// that two other rows or columns fit, cell by cell, is checked as a rate of stated counts. Pure
// TypeScript.
import type { Claim } from './claim-types';
import { claimAtTotal } from './claim-verdict';
import { isRestItem } from './claim-words';
import { normalizePhrase, type Mention } from './extract';
import { lineOf, lineStarts } from './reading';
import { NUMBER_CELL, PERCENT_CELL, cellLineTables, isYearRow, spaceTables, tablesOf, type Cell, type Row } from './table-rows';
import { parseCell } from '../values';

/** The label of a total row: 总计, 合 计, 总数, 共计, and the whole area (全 市, 全省) of a table of its parts. */
const TOTAL_ROW = /^(?:总计|合计|总数|共计|總計|合計|總數|共計|全[省市县区州盟国])$/;
/** A row marked as a part of the row above by #, as statistics tables print 其中: #公立医疗机构. */
const OF_WHICH_ROW = /^\s*[#＃]/;
/** A row label numbered at the top level of a table: 一、医院, （二）疗养院, 3.卫生院. */
const NUMBERED_ROW = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d{1,2}[、.．](?!\d))/;
/** A unit in a column header: 机构数(个), 床位数（张）. */
const HEADER_UNIT = /[(（]\s*([^()（）\s]{1,3})\s*[)）]\s*$/;
/** A table's unit line: 单位:人, 单位：万元. */
const UNIT_LINE = /单位\s*[:：]\s*([^\s|,，;；]{1,3})/;

/** A unit the sheet reader knows as a count or an amount (个, 张, 人, 万元), else ''. */
function knownUnit(u: string | undefined): string {
  if (!u) return '';
  const p = parseCell(`1${u}`);
  return p.kind === 'number' && !p.percent && p.unit ? p.unit : '';
}


/** The number a cell holds (3,121 → 3121; −4.08 → −4.08), or undefined for words and blank cells. */
function cellNumber(text: string | undefined): number | undefined {
  const t = (text ?? '').replace(/,/g, '').replace(/^[−–]/, '-');
  return t !== '' && NUMBER_CELL.test(t.replace(/^-/, '')) ? Number(t) : undefined;
}

/** Decimals written in a cell (12.50 → 2). */
const decimalsOf = (text: string): number => (text.split('.')[1] ?? '').length;

/** Half a unit of the last digit of the coarsest of these cells: how far a sum of them may round. */
const halfStep = (texts: readonly string[]): number => Math.max(...texts.map((t) => 10 ** -decimalsOf(t))) / 2;

/** A row that is part of the row above it: 其中, 含, 内: (not 内分泌…, a name), #综合医院. */
const OF_WHICH_LABEL = /^\s*(?:其中|含|内\s*[:：]|包括|[#＃])/;

/**
 * The dimension a row is named under (医院分级别: 三级医院 → 医院分级别; 按经济类型分：公立 → 按经济类型分);
 * '' for a row named plainly. A table lists a row's breakdowns by several dimensions one after
 * another under it, each naming its dimension so.
 */
function dimensionOf(label: string): string {
  const m = /^\s*([^:：]{0,12}(?:分|按)[^:：]{0,8})\s*[:：]\s*\S/.exec(label);
  return m ? m[1].replace(/\s+/g, '') : '';
}

/** Words over a column of per cent, rates or shares, which do not add up: 增减百分比(%), 使用率, 比例, 构成比. */
const PERCENT_HEAD = /%|％|百分|率|比重|比例|占比|构成|構成/;

/** A row named as a sum of the others: 十种死因合计, 甲乙丙类 总计. */
const NAMED_TOTAL = /(?:合计|总计|合計|總計)$/;

/**
 * A table cut before each row named as a sum (…合计) when it opens with one and holds more than one,
 * and has no 总计 row: blocks of the same columns one under another, each with its total first.
 */
function byNamedTotals(rows: Row[]): Row[][] {
  const named = (r: Row): boolean => NAMED_TOTAL.test(r.cells[0].text.replace(/\s+/g, ''));
  const first = rows.findIndex((r) => r.cells.slice(1).some((c) => NUMBER_CELL.test(c.text)) && !isYearRow(r));
  // A table with a 总计 row of its own has subtotals under it (总计 ⏎ 医院合计 ⏎ 综合医院 …), not blocks.
  if (first < 0 || !named(rows[first]) || rows.filter(named).length < 2 || rows.some((r) => TOTAL_ROW.test(r.cells[0].text.replace(/\s+/g, '')))) return [rows];
  const out: Row[][] = [];
  for (const [k, r] of rows.entries()) {
    if (k <= first) {
      if (k === 0) out.push([]);
      out[0].push(r);
    } else if (named(r)) out.push([...rows.slice(0, first), r]);
    else out[out.length - 1].push(r);
  }
  // Each block holds its total and two rows or more; a named row last (丙类传染病 合计 under 甲乙丙类
  // 总计) is a part of the table's total, not a block.
  return out.every((b) => b.length - first >= 3) ? out : [rows];
}

/**
 * Rows set deeper under a row, where the copy keeps the indentation: the row and the rows right
 * after it at the next depth (rows deeper still are theirs, not its), two or more.
 */
function indentGroups(rows: Row[]): Array<{ head: Row; rows: Row[] }> {
  const groups: Array<{ head: Row; rows: Row[] }> = [];
  rows.forEach((head, i) => {
    if (head.indent === undefined) return;
    const under: Row[] = [];
    let depth: number | undefined;
    for (const r of rows.slice(i + 1)) {
      if (r.indent === undefined || r.indent <= head.indent) break;
      depth ??= r.indent;
      if (r.indent === depth) under.push(r);
    }
    if (under.length >= 2) groups.push({ head, rows: under });
  });
  return groups;
}


/**
 * The levels of a table's rows under its total row when they are not marked: the rows are split
 * into parts of the total, each followed by the rows under it (a row under a part is never more
 * than it; a 其中 / # row is never a part). The split must make the total up exactly in the first
 * column of figures, be the only one that does, and hold within rounding in the other columns.
 * Each part's own rows leave out the rows marked # under another of them (#乡镇卫生院 under 卫生院).
 */
function inferLevels(total: Row, rows: Row[]): { parts: Row[]; groups: Array<{ head: Row; rows: Row[] }> } | undefined {
  const width = Math.max(total.cells.length, ...rows.map((r) => r.cells.length));
  const cols = Array.from({ length: width - 1 }, (_, k) => k + 1).filter((c) => NUMBER_CELL.test(total.cells[c]?.text ?? '') && rows.every((r) => NUMBER_CELL.test(r.cells[c]?.text || '0')));
  if (cols.length === 0 || rows.length < 3 || rows.length > 40) return undefined;
  const value = (r: Row, c: number): number => cellNumber(r.cells[c]?.text) ?? 0;
  const step = (c: number): number => halfStep([total, ...rows].map((r) => r.cells[c]?.text ?? ''));
  const [c0] = cols;
  const target = value(total, c0);
  // The rows under a part, a subtotal's own rows taken out, are never more than the part.
  const fitsUnder = (t: number, end: number, c = c0): boolean => {
    const under = rows.slice(t + 1, end).filter((r, j) => !OF_WHICH_LABEL.test(r.cells[0].text) || j === 0);
    const v = (r: Row): number => value(r, c);
    const sum = subtotals(under, v, () => step(c)).reduce((a, r) => a + v(r), 0);
    return sum <= value(rows[t], c) + step(c);
  };
  // A row named as a subtotal (医院合计, 小计) is a part of the total, never a row under another.
  const subtotalRow = (r: Row): boolean => /[合小]计$/.test(r.cells[0].text.replace(/\s+/g, ''));
  // Splits that make the first column up; several may (two rows of 5 institutions), and the other
  // columns then tell them apart.
  const solutions: number[][] = [];
  let calls = 0;
  const search = (i: number, top: number, sum: number, tops: number[]): void => {
    if (solutions.length > 32 || ++calls > 200000) return;
    if (i === rows.length) {
      if (Math.abs(sum - target) <= step(c0) && tops.every((t, k) => fitsUnder(t, tops[k + 1] ?? rows.length))) solutions.push(tops);
      return;
    }
    const v = value(rows[i], c0);
    if (!OF_WHICH_LABEL.test(rows[i].cells[0].text) && sum + v <= target + step(c0)) search(i + 1, i, sum + v, [...tops, i]);
    if (i > 0 && !subtotalRow(rows[i]) && v <= value(rows[top], c0) + step(c0)) search(i + 1, top, sum, tops);
  };
  search(0, 0, 0, []);
  if (solutions.length > 32 || calls > 200000) return undefined;
  // The other columns agree within the rounding of the figures added, and hold the rows under each part.
  const agrees = (tops: number[]): boolean =>
    cols.slice(1).every((c) => {
      const sum = tops.reduce((a, i) => a + value(rows[i], c), 0);
      return Math.abs(sum - value(total, c)) <= step(c) * (tops.length + 1) && tops.every((t, k) => fitsUnder(t, tops[k + 1] ?? rows.length, c));
    });
  const fitting = solutions.filter(agrees);
  if (fitting.length !== 1) return undefined;
  const tops = fitting[0];
  if (tops.length < 2 || tops.length === rows.length) return undefined;
  const groups = tops.map((t, k) => {
    const under = rows.slice(t + 1, tops[k + 1] ?? rows.length);
    // A # row right under the part is one of its rows; one under another row is that row's.
    return { head: rows[t], rows: under.filter((r, j) => !OF_WHICH_LABEL.test(r.cells[0].text) || j === 0) };
  });
  return { parts: tops.map((i) => rows[i]), groups };
}

/** A rate in a table and the two figures it is the ratio of. */
export interface TableRate {
  stated: Mention;
  numerator: Mention;
  denominator: Mention;
}

/** The label of a row or column of rates: 监督覆盖率(%), 合格率, 增减百分比(%). */
const RATE_LABEL = /率|%|％|百分比/;

/**
 * Rates in a table: a row labelled as a rate (合格率(%)) whose figures are, column by column, one
 * other row's over another's (合格户次数 over 监督户次数), or a column of rates that is one column over
 * another row by row (增减百分比 = 增减绝对数 ÷ 上年). The pair is the one that fits the most cells;
 * it is taken only when it fits at least three and all but one of them, so that a single wrong
 * rate is reported against the ratio the rest of the table keeps to.
 */
function tableRates(header: Row[], body: Row[], mention: (r: Row, col: number, signed?: boolean) => Mention | undefined): TableRate[] {
  const out: TableRate[] = [];
  const rows = body.filter((r) => r.cells.length >= 3 && !NUMBER_CELL.test(r.cells[0].text));
  if (rows.length < 3) return out;
  const width = Math.max(...rows.map((r) => r.cells.length));
  // One orientation: lines (rows, or columns) of figures, each with its label; a rate line is fitted
  // by two count lines over the same positions.
  const fit = (lines: Array<{ label: string; at: (k: number) => { row: Row; col: number } | undefined }>, positions: number): void => {
    lines.forEach((R, at) => {
      if (!RATE_LABEL.test(R.label)) return;
      let best: { a: (typeof lines)[number]; b: (typeof lines)[number]; fits: number; n: number } | undefined;
      // The counts of a rate stand near it: the eight lines either side (which also keeps a long
      // table's search short).
      const near = lines.slice(Math.max(0, at - 8), at + 9);
      for (const a of near) {
        if (a === R || RATE_LABEL.test(a.label)) continue;
        for (const b of near) {
          if (b === R || b === a || RATE_LABEL.test(b.label)) continue;
          let n = 0;
          let fits = 0;
          for (let k = 0; k < positions; k++) {
            const [r, x, y] = [R.at(k), a.at(k), b.at(k)];
            const rv = cellNumber(r && r.row.cells[r.col]?.text);
            const xv = cellNumber(x && x.row.cells[x.col]?.text);
            const yv = cellNumber(y && y.row.cells[y.col]?.text);
            if (rv === undefined || xv === undefined || yv === undefined || yv <= 0) continue;
            n++;
            const half = halfStep([r!.row.cells[r!.col].text]);
            if (Math.abs((100 * xv) / yv - rv) <= half + 1e-9) fits++;
          }
          if (n >= 3 && fits >= Math.max(3, n - 1) && (!best || fits > best.fits)) best = { a, b, fits, n };
        }
      }
      if (!best) return;
      for (let k = 0; k < positions; k++) {
        const [r, x, y] = [R.at(k), best.a.at(k), best.b.at(k)];
        if (!r || !x || !y) continue;
        const yv = cellNumber(y.row.cells[y.col]?.text);
        if (yv === undefined || yv <= 0) continue;
        const stated = mention(r.row, r.col, true);
        const numerator = mention(x.row, x.col, true);
        const denominator = mention(y.row, y.col, true);
        if (stated && numerator && denominator && !out.some((o) => o.stated === stated)) out.push({ stated, numerator, denominator });
      }
    });
  };
  // Rows as lines: positions are the columns after the label.
  fit(
    rows.map((row) => ({ label: row.cells[0].text, at: (k: number) => (k + 1 < row.cells.length ? { row, col: k + 1 } : undefined) })),
    width - 1,
  );
  // Columns as lines, named by the header's cell over them.
  const head = header[header.length - 1];
  if (head) {
    const columns = Array.from({ length: width - 1 }, (_, k) => k + 1).map((col) => ({ label: head.cells[col]?.text ?? '', at: (k: number) => (rows[k] && col < rows[k].cells.length ? { row: rows[k], col } : undefined) }));
    fit(columns, rows.length);
  }
  return out;
}

/**
 * The rows of a list with each subtotal's rows taken out: a row that the next two or more rows make
 * up exactly keeps its place, and those rows go.
 */
function subtotals(rows: Row[], value: (r: Row) => number, step: (rs: Row[]) => number): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < rows.length; i++) {
    out.push(rows[i]);
    let acc = 0;
    for (let j = i + 1; j < rows.length; j++) {
      acc += value(rows[j]);
      if (j >= i + 2 && Math.abs(acc - value(rows[i])) <= step(rows.slice(i, j + 1))) {
        i = j;
        break;
      }
      if (acc > value(rows[i])) break;
    }
  }
  return out;
}

/**
 * Subtotals in a list of rows, found over all the columns of figures: a row that the two or more
 * rows right after it make up (blank cells as nothing) in at least three quarters of the columns
 * where it has a figure, and in two at least: in one column alone small figures match by chance.
 * Returns each subtotal's index with the index of its last row; a column that disagrees keeps its
 * own claim, which reports the difference.
 */
function subtotalSpans(rows: Row[], cols: number[]): Map<number, number> {
  const spans = new Map<number, number>();
  for (let i = 0; i < rows.length; i++) {
    for (let j = i + 2; j < rows.length; j++) {
      let checked = 0;
      let held = 0;
      let over = 0;
      for (const c of cols) {
        const head = cellNumber(rows[i].cells[c]?.text);
        if (head === undefined) continue;
        const under = rows.slice(i + 1, j + 1).map((r) => r.cells[c]?.text ?? '');
        if (under.some((t) => t !== '' && cellNumber(t) === undefined)) continue;
        const sum = under.reduce((a, t) => a + (cellNumber(t) ?? 0), 0);
        // Nothing in the row and nothing under it (a form's rows of 0) says nothing of its levels.
        if (head === 0 && sum === 0) continue;
        const st = halfStep([rows[i].cells[c].text, ...under.filter(Boolean)]);
        checked++;
        if (Math.abs(sum - head) <= st) held++;
        else if (sum > head + st) over++;
      }
      if (held >= 2 && held >= 0.75 * checked) {
        spans.set(i, j);
        i = j;
        break;
      }
      if (checked === 0 || over * 2 > checked) break;
    }
  }
  return spans;
}

/**
 * A figure in a table written in the text, as a mention of its own: a plain count at the cell's
 * offset, named by its row's label and its column's header (`phrase`), numbered `index`.
 */
export function cellMention(starts: number[], index: number, c: Cell, unit: string, phrase: string, lineStart: number): Mention {
  const where = lineOf(starts, c.start);
  return {
    index,
    text: c.text,
    value: cellNumber(c.text) ?? Number.NaN,
    unit,
    percent: false,
    approx: false,
    decimals: decimalsOf(c.text),
    kind: 'count',
    phrase,
    object: '',
    key: normalizePhrase(phrase),
    phraseStart: lineStart,
    start: c.start,
    end: c.start + c.text.length,
    line: where.line,
    column: where.column,
    sentence: -1,
    numeral: 'arabic',
  };
}

/**
 * Claims of the tables written in `text`: a claim per numeric column of a total row. Their figures
 * are mentions of their own, numbered from `firstIndex` on (after the prose's mentions).
 */
export function tableClaims(text: string, firstIndex: number): { claims: Claim[]; cells: Mention[]; rates: TableRate[] } {
  const starts = lineStarts(text);
  const claims: Claim[] = [];
  const cells: Mention[] = [];
  const rates: TableRate[] = [];
  // A title row between two tables (表2 卫生人员总数(万人)) starts another table.
  const split = (rows: Row[]): Row[][] => {
    const out: Row[][] = [[]];
    for (const r of rows) {
      if (/^表\s*[\d一二三四五六七八九十]/.test(r.cells[0].text) && !r.cells.slice(1).some((c) => NUMBER_CELL.test(c.text))) out.push([]);
      out[out.length - 1].push(r);
    }
    // Blocks that each open with a row named as their sum (十种死因合计 ⏎ 1 恶性肿瘤 … ⏎ 男性十种死因合计 ⏎ …):
    // a table each.
    return out.flatMap(byNamedTotals).filter((t) => t.length >= 2);
  };
  for (const rows of [...tablesOf(text), ...cellLineTables(text), ...spaceTables(text)].flatMap(split)) {
    const isData = (r: Row): boolean => r.cells.length >= 2 && !NUMBER_CELL.test(r.cells[0].text) && r.cells.slice(1).some((c) => NUMBER_CELL.test(c.text)) && !isYearRow(r);
    const first = rows.findIndex(isData);
    if (first < 0) {
      // No row named in its first cell: maybe rows of figures alone under a row of headings whose
      // 合计 column totals the columns before it (警告 | 罚款 | … | 合计(宗) ⏎ 12175 | 94929 | … | 108156).
      claims.push(...rowTotals(text, starts, rows, firstIndex, cells));
      continue;
    }
    const header = rows.slice(0, first);
    /** The words over a column, its heading rows joined. */
    const headOf = (col: number): string => header.map((h) => h.cells[col]?.text ?? '').filter(Boolean).join(' ');
    const data = rows.slice(first).filter(isData);
    // The table's unit: a 单位 line in it or on the line before it.
    const before = text.slice(text.lastIndexOf('\n', rows[0].lineStart - 2) + 1, rows[0].lineStart);
    const tableUnit = knownUnit(UNIT_LINE.exec(rows.map((r) => r.cells.map((c) => c.text).join(' ')).join('\n'))?.[1] ?? UNIT_LINE.exec(before)?.[1]);
    // A column of units (单 位: 个, 张, 人): each row's figures are in its unit.
    const unitColumn = header.length ? header[header.length - 1].cells.findIndex((c) => c.text.replace(/\s+/g, '') === '单位') : -1;
    const made = new Map<Cell, Mention>();
    const mention = (r: Row, col: number, signed = false): Mention | undefined => {
      const c = r.cells[col];
      if (!c || !NUMBER_CELL.test(signed ? c.text.replace(/^[-−–]/, '') : c.text)) return undefined;
      const known = made.get(c);
      if (known) return known;
      const head = headOf(col);
      const label = `${r.cells[0].text}${head ? ` ${head}` : ''}`;
      const unit = knownUnit(unitColumn > 0 ? r.cells[unitColumn]?.text : undefined) || knownUnit(HEADER_UNIT.exec(head)?.[1]) || tableUnit;
      const m = cellMention(starts, firstIndex + cells.length, c, RATE_LABEL.test(label) ? '%' : unit, label, r.lineStart);
      if (RATE_LABEL.test(label)) Object.assign(m, { percent: true, value: Number((m.value / 100).toPrecision(12)), kind: 'rate' });
      cells.push(m);
      made.set(c, m);
      return m;
    };
    // Rates in the table: a row (or a column) of a rate whose figures are one row's over another's.
    for (const t of tableRates(header, rows.slice(first), mention)) rates.push(t);
    // A column that totals the figure columns before it (月度 | 12345热线 | 12315平台 | 件数小计): each row
    // whose figures make its total up exactly is a claim. Nothing else says which columns add up.
    const headRow = header[header.length - 1];
    const sumCol = headRow ? headRow.cells.findIndex((c, k) => k >= 3 && TOTAL_HEAD.test(c.text.replace(/\s+/g, ''))) : -1;
    if (sumCol > 0 && !PERCENT_HEAD.test(headOf(sumCol))) {
      for (const r of data) {
        const figures = r.cells.slice(1, sumCol + 1);
        if (r.cells.length <= sumCol || !lastIsSum(figures)) continue;
        const ms = figures.map((_, k) => mention(r, k + 1)).filter((m): m is Mention => m !== undefined);
        if (ms.length !== figures.length) continue;
        const total = ms[ms.length - 1];
        claims.push(claimAtTotal(text, starts, { trigger: '', total, totalLabel: total.phrase, parts: ms.slice(0, -1).map((m) => ({ m, label: m.phrase })), complete: true, reading: 'table' }));
      }
    }
    let totals = data.filter((r) => TOTAL_ROW.test(r.cells[0].text.replace(/\s+/g, '')));
    // Else one row named as the sum of the rest (十种死因合计, 甲乙丙类总计), first or last.
    if (totals.length === 0) {
      const named = data.filter((r) => NAMED_TOTAL.test(r.cells[0].text.replace(/\s+/g, '')));
      if (named.length === 1 && (named[0] === data[0] || named[0] === data[data.length - 1])) totals = named;
    }
    // Rows marked # (#公立医疗机构, #民营医疗机构), as statistics tables mark 其中, are parts of the first
    // row when it is unmarked and no 总计 row is written: a list that may be partial.
    const ofWhich = data.filter((r) => OF_WHICH_ROW.test(r.cells[0].text));
    const byMark = totals.length === 0 && ofWhich.length >= 2 && !OF_WHICH_ROW.test(data[0].cells[0].text);
    // No total row, but numbered rows with rows under them (一、卫生机构 ⏎ 市级医院 ⏎ … ⏎ 二、病床床位数合计): each
    // numbered row is the total of the rows under it, and nothing is the total of them all.
    const groupsOnly = totals.length === 0 && !byMark && data.length >= 3 && NUMBERED_ROW.test(data[0].cells[0].text);
    // No total row, but rows set deeper under a row (乡村医生和卫生人员数 ⏎     乡村医生 ⏎     卫生员): each
    // such row is the total of the rows under it.
    const indented = totals.length === 0 && !byMark && !groupsOnly ? indentGroups(data) : [];
    if (totals.length !== 1 && !byMark && !groupsOnly && indented.length === 0) continue;
    const total = byMark ? data[0] : groupsOnly ? undefined : totals[0];
    const at = total ? data.indexOf(total) : -1;
    // The total row stands first or last; the parts are all the other rows.
    if (total && at !== 0 && at !== data.length - 1) continue;
    // A heading row inside the table (按经济类型分 over blank cells) starts another breakdown of a row
    // above: which rows add up is not written.
    const blankRow = (r: Row): boolean => r.cells.length >= 2 && !NUMBER_CELL.test(r.cells[0].text) && r.cells.slice(1).every((c) => c.text === '');
    if (rows.slice(first).some((r) => blankRow(r) || /^按.{1,10}分$/.test(r.cells[0].text.trim()))) continue;
    const rest = byMark ? ofWhich : data.filter((r) => r !== total);
    // Rows numbered 一、二、… with unnumbered rows under them (一、医院 ⏎ 综合医院 ⏎ 中医医院 ⏎ 二、疗养院):
    // the numbered rows are the total's parts, and each breaks down into the rows under it.
    const numbered = (r: Row): boolean => NUMBERED_ROW.test(r.cells[0].text);
    const nested = !byMark && rest.length > 0 && numbered(rest[0]) && rest.some((r) => !numbered(r));
    // Levels the table does not mark (总计 ⏎ 医院 ⏎ #综合医院 ⏎ 中医医院 ⏎ … ⏎ 基层医疗卫生机构 ⏎ 社区… ⏎ 采供血机构):
    // the one split of the rows into parts and the rows under them that makes the total up.
    const levels = !byMark && !nested && total ? inferLevels(total, rest) : undefined;
    let parts = nested ? rest.filter(numbered) : rest;
    let groups: Array<{ head: Row; rows: Row[] }> = [];
    if (nested) {
      for (const r of rest) {
        if (numbered(r)) groups.push({ head: r, rows: [] });
        else groups[groups.length - 1].rows.push(r);
      }
    }
    if (levels) ({ parts, groups } = levels);
    if (indented.length) groups = indented;
    // 其中 on the first row under a total row and on no other (总计 ⏎ 其中:综合医院 ⏎ 中医医院 ⏎ 专科医院):
    // the rows are the total's parts, a list that may leave some kinds out.
    const ofWhichList = !byMark && !levels && !nested && total !== undefined && at === 0 && rest.length >= 2 && OF_WHICH_LABEL.test(rest[0].cells[0].text) && !rest.slice(1).some((r) => OF_WHICH_LABEL.test(r.cells[0].text));
    // Rows of 其中 / 含 are subsets of the row above them: which rows add up is not written.
    if ((parts.length < 2 && groups.length === 0) || (!byMark && !levels && !ofWhichList && rest.some((r) => OF_WHICH_LABEL.test(r.cells[0].text)))) continue;
    // A table that runs to the end of the text, its total row first, may have been cut there: its
    // last rows may be missing.
    const cut = total !== undefined && at === 0 && /^[\s|]*$/.test(text.slice(Math.max(...rows[rows.length - 1].cells.map((c) => c.start + c.text.length))));
    const width = Math.max(...rows.map((r) => r.cells.length));
    // One claim a column: the head row's figure and the figures of the rows under it. A blank cell
    // is no part (nothing is written there); a cell of words makes the column unreadable.
    const column = (head: Row, under: Row[], col: number, complete: boolean, levels = false, inner: ReadonlySet<Row> = new Set()): void => {
      // Percentages and rates (增减百分比(%), 使用率) do not add up.
      if (PERCENT_HEAD.test(headOf(col))) return;
      const t = mention(head, col);
      if (!t) return;
      let kept = under.filter((r) => (r.cells[col]?.text ?? '') !== '');
      if (kept.length < (complete ? 2 : 1) || kept.some((r) => !NUMBER_CELL.test(r.cells[col].text))) return;
      const value = (r: Row): number => cellNumber(r.cells[col].text) ?? 0;
      const sum = (rs: Row[]): number => Number(rs.reduce((a, r) => a + value(r), 0).toPrecision(15));
      const step = (rs: Row[]): number => halfStep(rs.map((r) => r.cells[col].text));
      if (levels && sum(kept) > value(head) + step([head, ...kept])) {
        // A row under the head that the rows after it make up exactly (社区卫生服务中心(站)68 ⏎ 社区卫生服务
        // 中心23 ⏎ 社区卫生服务站45) is a subtotal: those rows are a level further down. Without such
        // rows, parts above the head are not read, since the table does not show its levels.
        // The subtotals the columns agree on come first; one column alone may match by chance (中医医院145
        // = the 53 + 46 + 4 + 2 + 30 + 9 + 1 of the rows after it).
        const outer = kept.filter((r) => !inner.has(r));
        kept = inner.size && sum(outer) <= value(head) + step([head, ...outer]) ? outer : subtotals(kept, value, step);
        if (sum(kept) > value(head) + step([head, ...kept])) return;
      }
      const list = kept.map((r) => mention(r, col) as Mention);
      claims.push(
        claimAtTotal(text, starts, {
          trigger: '',
          total: t,
          totalLabel: head.cells[0].text,
          parts: list.map((m, k) => ({ m, label: kept[k].cells[0].text })),
          complete,
          reading: 'table',
        }),
      );
    };
    // The rows under a head, one list per dimension they are named under (公立医院, 民营医院 ⏎ 医院分级别:
    // 三级医院 … ⏎ 医院分类别: 综合医院 …): each list is a breakdown of the head of its own.
    const lists = groups.flatMap((g) => {
      const by = new Map<string, Row[]>();
      for (const r of g.rows) {
        const key = dimensionOf(r.cells[0].text);
        by.set(key, [...(by.get(key) ?? []), r]);
      }
      return [...by.values()].map((rows) => ({ head: g.head, rows }));
    });
    // Subtotals inside each list (专科医院 ⏎ 眼科医院 ⏎ … ⏎ 骨科医院), found once over all the columns.
    const figureCols = Array.from({ length: width - 1 }, (_, k) => k + 1).filter((c) => !PERCENT_HEAD.test(headOf(c)));
    const spans = lists.map((l) => subtotalSpans(l.rows, figureCols));
    for (let col = 1; col < width; col++) {
      if (total && parts.length >= 2) column(total, parts, col, !byMark && !cut && !ofWhichList);
      // The rows under a numbered row may leave some of its kinds out: a list that may be partial,
      // unless it ends with a row for all the rest (其他), which makes it complete.
      lists.forEach((l, k) => {
        if (l.rows.length < 2) return;
        const inner = new Set([...spans[k]].flatMap(([i, j]) => l.rows.slice(i + 1, j + 1)));
        column(l.head, l.rows, col, isRestItem(l.rows[l.rows.length - 1].cells[0].text.replace(/^\s*[#＃]|\s+/g, '')), true, inner);
        // Each subtotal is the total of its own rows: a breakdown the table confirms by its arithmetic.
        for (const [i, j] of spans[k]) column(l.rows[i], l.rows.slice(i + 1, j + 1), col, false);
      });
    }
    // A column of shares (比例, 占比: 74.7%) beside a column of counts: each row's count over the total
    // row's, a share of stated counts.
    if (total) {
      for (let col = 2; col < width; col++) {
        const head = headOf(col);
        const percents = data.filter((r) => PERCENT_CELL.test(r.cells[col]?.text ?? ''));
        // Not a column of changes (增减百分比, 同比增长%), which tableRates reads against last year's.
        if (/增|减|同比|环比|比上年|较上年|变化|变动/.test(head) || (!/比例|占比|构成|構成|百分比/.test(head) && percents.length < data.length - 1)) continue;
        const countCol = col - 1;
        const den = mention(total, countCol);
        if (!den || PERCENT_HEAD.test(headOf(countCol))) continue;
        for (const r of data) {
          if (r === total) continue;
          const num = mention(r, countCol);
          const c = r.cells[col];
          const digits = /^(\d+(?:\.\d+)?)\s*[%％]?$/.exec(c?.text ?? '');
          if (!num || !c || !digits) continue;
          const m = cellMention(starts, firstIndex + cells.length, { text: digits[1], start: c.start }, '%', `${r.cells[0].text} ${head}`.trim(), r.lineStart);
          Object.assign(m, { percent: true, value: Number((Number(digits[1]) / 100).toPrecision(12)), kind: 'rate', text: c.text });
          cells.push(m);
          rates.push({ stated: m, numerator: num, denominator: den });
        }
      }
    }
  }
  return { claims, cells, rates };
}

/**
 * Whether cells are all figures and the last is the sum of the others, within the rounding of
 * the figures as printed: a row's total column that the row makes up exactly.
 */
function lastIsSum(cells: readonly Cell[]): boolean {
  if (cells.length < 3 || !cells.every((c) => NUMBER_CELL.test(c.text))) return false;
  const sum = Number(cells.slice(0, -1).reduce((a, c) => a + (cellNumber(c.text) ?? 0), 0).toPrecision(15));
  return Math.abs(sum - (cellNumber(cells[cells.length - 1].text) ?? Number.NaN)) <= halfStep(cells.map((c) => c.text));
}

/** A heading of a column that totals the columns before it: 合计(宗), 总计, 件数小计. */
const TOTAL_HEAD = /^[^\d（()）|]{0,4}(?:合计|总计|小计|合計|總計|小計)(?:[（(][^）)]*[）)])?$/;

/**
 * Rows of figures alone under a row of headings with a 合计 column: the figures before that column
 * are its parts. Without names on the rows nothing else says which columns add up, so only a row
 * whose figures make its 合计 up exactly is a claim. Its cells join `cells`, numbered on from
 * `index` (the number of the tables' first cell) after those already there.
 */
function rowTotals(text: string, starts: number[], rows: readonly Row[], index: number, cells: Mention[]): Claim[] {
  const out: Claim[] = [];
  const h = rows.findIndex((r) => r.cells.some((c) => TOTAL_HEAD.test(c.text.replace(/\s+/g, ''))));
  if (h < 0) return out;
  const head = rows[h];
  const col = head.cells.findIndex((c) => TOTAL_HEAD.test(c.text.replace(/\s+/g, '')));
  if (col < 2) return out;
  const unit = knownUnit(HEADER_UNIT.exec(head.cells[col].text)?.[1]) || '';
  for (const r of rows.slice(h + 1)) {
    if (r.cells.length < col + 1 || !lastIsSum(r.cells.slice(0, col + 1))) continue;
    const ms = r.cells.slice(0, col + 1).map((c, k) => {
      const m = cellMention(starts, index + cells.length, c, unit, head.cells[k]?.text ?? '', r.lineStart);
      cells.push(m);
      return m;
    });
    const total = ms[col];
    out.push(
      claimAtTotal(text, starts, {
        trigger: '',
        total,
        totalLabel: head.cells[col].text,
        parts: ms.slice(0, col).map((m, k) => ({ m, label: head.cells[k]?.text ?? '' })),
        complete: true,
        reading: 'table',
      }),
    );
  }
  return out;
}
