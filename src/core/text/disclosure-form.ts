// The statutory tables of a 政府信息公开工作年度报告, read from the report's text: every such report
// fills in the same two forms of the State Council's template, and each form states its own
// arithmetic.
//
//   三、收到和处理政府信息公开申请情况 — rows 本年新收, 上年结转, the results （一）予以公开 …
//   （六）其他处理 (numbered items under （三）…（六）), （七）总计 and 结转下年度继续办理; columns
//   自然人, five kinds of 法人或其他组织, 总计. Its identities, per column:
//     （七）总计 = 予以公开 + 部分公开 + every numbered item of （三）…（六） (or the heading, when
//     it has no items);
//     本年新收 + 上年结转 = （七）总计 + 结转下年度继续办理 (the template's own 勾稽关系);
//   and per row, 总计 = 自然人 + the 法人或其他组织 columns.
//   四、政府信息公开行政复议、行政诉讼情况 — groups 行政复议, 未经复议直接起诉, 复议后起诉, each
//   结果维持, 结果纠正, 其他结果, 尚未审结, 总计: the last is the sum of the four.
//
// The forms arrive as text in three ways: a table copied from a web page or a Word file into the
// pane or a .txt (cells between |), a PDF's text layer (one printed row a line, the figures after
// the label, space apart), and a .docx table, which the Word reader writes into the text with |.
// A label may wrap onto lines of its own (a PDF), and the result headings may stand on their
// own lines or share the first item's (三、本年度办理结果 （一）予以公开 5 …). Only figures the
// form states are compared; a row with a figure missing is left out of every sum it is in, so a
// form read partly is checked partly, never wrongly.
// Pure TypeScript.
import type { Claim } from './claim-types';
import { judge, type Draft } from './claim-verdict';
import type { Mention } from './extract';
import { lineStarts } from './reading';
import { cellMention } from './text-tables';
import { NUMBER_CELL, rowOf, type Cell } from './table-rows';

/** A line of a form: its label words and the figures that end it. */
interface FormRow {
  label: string;
  /** Offset of the line in the text. */
  lineStart: number;
  figures: Cell[];
}

/** The unit of both forms: applications and cases. */
const UNIT = '件';
/** Lines a form may take from its first row to its last: a PDF wraps labels onto lines of their own, a web copy puts each cell on a line with a blank line after it. */
const MAX_FORM_LINES = 1200;

const NEW = /本年新收/;
const CARRIED_IN = /上年结转/;
const CARRIED_OUT = /结转下年度/;
const TOTAL = /[（(]七[)）]\s*总计|^\s*总\s*计\s*$/;
const OPENED = /(?<!不)予以公开/;
const PARTLY = /部分公开/;
/** The result headings with numbered items under them, in the template's order. */
const SECTIONS: Array<[RegExp, string]> = [
  [/不予公开/, '（三）不予公开'],
  [/无法提供/, '（四）无法提供'],
  [/不予处理/, '（五）不予处理'],
  [/其他处理/, '（六）其他处理'],
];
/** A numbered item of a result heading: 1.属于国家秘密, 3、其他. */
const ITEM = /(?:^|\s|[)）])(\d{1,2})\s*[.．、]\s*\S/;
/** Columns of the applications form when its header line is not read: the template's. */
const APPLICANTS_7 = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const APPLICANTS_3 = ['自然人', '法人或其他组织', '总计'];
const APPLICANT_WORDS = /自然人|商业企业|科研机构|社会公益组织|法律服务机构|其他|总计|法人或其他组织/g;
/** Groups of the review form, five figures each. */
const REVIEW_GROUPS = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];
const REVIEW_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/** A figure that may end a form's line: 1,523 or 12 (not a decimal, not a year with 年). */
const FIGURE = /\d{1,3}(?:,\d{3})+|\d+/y;

/**
 * The figures that end a line written without bars (a PDF's row): numbers apart by spaces, the
 * first of them possibly right after the label (…政府信息公开申请0 0 0). A number right after a
 * digit's dot (1.属于) or inside a word is the label's.
 */
function trailingFigures(line: string, offset: number): FormRow {
  const figures: Cell[] = [];
  // A cell copied with its bar (学校 |, 2 |) ends where its text does.
  let end = line.replace(/[\s\u3000|]+$/, '').length;
  for (;;) {
    let a = end;
    while (a > 0 && /[\d,]/.test(line[a - 1])) a--;
    if (a === end) break;
    FIGURE.lastIndex = a;
    const m = FIGURE.exec(line);
    if (!m || a + m[0].length !== end) break;
    const before = line[a - 1];
    // The figure must stand apart: after a space, or as the first figure right after a word.
    if (before !== undefined && !/[\s\u3000]/.test(before)) {
      if (/[.．、\dA-Za-z]/.test(before)) break;
      figures.unshift({ text: m[0], start: offset + a });
      end = a;
      break;
    }
    figures.unshift({ text: m[0], start: offset + a });
    end = a;
    while (end > 0 && /[\s\u3000]/.test(line[end - 1])) end--;
    if (end === 0) break;
  }
  return { label: line.slice(0, end).trim(), lineStart: offset, figures };
}

/** A line as a form row: cells between bars, or a label and the figures after it. */
function rowOfLine(line: string, offset: number): FormRow {
  const cells = rowOf(line, offset);
  if (!cells) return trailingFigures(line, offset);
  let k = cells.length;
  while (k > 0 && NUMBER_CELL.test(cells[k - 1].text) && !cells[k - 1].text.includes('.')) k--;
  return {
    label: cells
      .slice(0, k)
      .map((c) => c.text)
      .filter(Boolean)
      .join(' '),
    lineStart: offset,
    figures: cells.slice(k),
  };
}

/** The lines of the text with their offsets. */
function linesOf(text: string): Array<{ line: string; offset: number }> {
  const out: Array<{ line: string; offset: number }> = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    out.push({ line: line.replace(/\r$/, ''), offset });
    offset += line.length + 1;
  }
  return out;
}

/** The most frequent count of figures among rows that have any (the form's width). */
function widthOf(rows: readonly FormRow[]): number {
  const counts = new Map<number, number>();
  for (const r of rows) if (r.figures.length) counts.set(r.figures.length, (counts.get(r.figures.length) ?? 0) + 1);
  let best = 0;
  let n = 0;
  for (const [w, c] of counts) if (c > n || (c === n && w > best)) [best, n] = [w, c];
  return best;
}

/** A form's claims in the making: drafts, then judged with the exactness the template demands. */
class FormClaims {
  readonly claims: Claim[] = [];
  readonly cells: Mention[] = [];
  private readonly starts: number[];

  constructor(
    private readonly text: string,
    private readonly firstIndex: number,
  ) {
    this.starts = lineStarts(text);
  }

  private readonly byCell = new Map<number, Mention>();

  /** The mention of a row's figure in column `col` (one per cell, however many claims it is in). */
  mention(row: FormRow, col: number, phrase: string): Mention {
    const cell = row.figures[col];
    const known = this.byCell.get(cell.start);
    if (known) return known;
    const m = cellMention(this.starts, this.firstIndex + this.cells.length, cell, UNIT, phrase, row.lineStart);
    this.byCell.set(cell.start, m);
    this.cells.push(m);
    return m;
  }

  /** A total and its parts (or two figures on each side: `compound` the total's), located at the total's figure. */
  add(total: Mention, totalLabel: string, parts: Array<{ m: Mention; label: string }>, compound?: Mention[]): void {
    const all = [total, ...(compound ?? []), ...parts.map((p) => p.m)];
    const lo = Math.min(...all.map((m) => m.start));
    const hi = Math.max(...all.map((m) => m.end));
    const draft: Draft = {
      text: this.text.slice(lo, hi),
      start: lo,
      end: hi,
      trigger: '',
      total,
      totalLabel,
      parts,
      complete: true,
      selection: false,
      reading: 'form',
      ...(compound ? { compound, totalValue: compound.reduce((s, m) => s + m.value, 0) } : {}),
    };
    this.claims.push({ ...judge(draft, this.starts), line: total.line, column: total.column });
  }
}

/** A label that opens a row or a heading of the form: 一、 （三） 1. */
const MARKER = /^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d{1,2}\s*[.．、])/;

/** A heading over rows (三、本年度办理结果, （三）不予公开), not a row's own label. */
function isHeading(label: string): boolean {
  const flat = label.replace(/\s+/g, '');
  if (/办理结果$/.test(flat)) return true;
  return SECTIONS.some(([re]) => re.test(flat)) && !ITEM.test(` ${label}`) && /(?:不予公开|无法提供|不予处理|其他处理)$/.test(flat);
}

/**
 * The form's lines as its rows: a line without figures is a heading or part of a label. One that
 * opens with a marker (（三）不予公开, 三、本年度办理结果) starts the label of the row whose figures
 * come next — and when another marked line comes first, it is a row of its own without figures.
 * One without a marker continues the label before it: of the row just read (a label printed
 * wrapped below its figures), or of the label waiting for its figures.
 */
function logicalRows(lines: readonly FormRow[]): FormRow[] {
  const rows: FormRow[] = [];
  let pending: FormRow | undefined;
  let last: FormRow | undefined;
  for (const line of lines) {
    // Figures alone on their line right after a row's (a table copied one cell a line): more of its figures.
    if (line.figures.length && !line.label && last && !pending) {
      last.figures = [...last.figures, ...line.figures];
      continue;
    }
    if (line.figures.length) {
      // A marked row label still waiting when the next marked row comes had no figures of its own.
      if (pending && !isHeading(pending.label) && MARKER.test(line.label)) {
        rows.push(pending);
        pending = undefined;
      }
      const row = pending ? { ...line, label: `${pending.label} ${line.label}`.trim(), lineStart: pending.lineStart } : line;
      rows.push(row);
      pending = undefined;
      last = row;
      continue;
    }
    if (!line.label) continue;
    if (MARKER.test(line.label)) {
      if (pending) rows.push(pending);
      pending = line;
      last = undefined;
    } else if (pending) pending = { ...pending, label: `${pending.label}${line.label}` };
    else if (last) last.label = `${last.label}${line.label}`;
  }
  if (pending) rows.push(pending);
  return rows;
}

/** The applications form whose first line is lines[0] (本年新收…), up to its 结转下年度 row. */
function applications(lines: readonly FormRow[], header: string, out: FormClaims): void {
  const rows = logicalRows(lines);
  const width = widthOf(rows);
  if (width === 0) return;
  const named = header.match(APPLICANT_WORDS) ?? [];
  const columns = named.length === width ? named : width === 7 ? APPLICANTS_7 : width === 3 ? APPLICANTS_3 : width === 1 ? ['总计'] : undefined;
  if (!columns) return;
  // Figures a row states for every column; a row with more (a label ending in a figure) keeps its last.
  const full = (r: FormRow | undefined): boolean => r !== undefined && r.figures.length >= width;
  const cols = (r: FormRow): FormRow => (r.figures.length > width ? { ...r, figures: r.figures.slice(r.figures.length - width) } : r);

  let fresh: FormRow | undefined;
  let carriedIn: FormRow | undefined;
  let total: FormRow | undefined;
  let carriedOut: FormRow | undefined;
  /** The results that add up to （七）总计: 予以公开, 部分公开, the items (or headings) of （三）…（六）. */
  const leaves: Array<{ row: FormRow | undefined; label: string }> = [];
  let section: { row: FormRow | undefined; label: string; items: FormRow[] } | undefined;
  const itemLabel = (h: string, r: FormRow): string => `${h}${r.label.replace(/^.*?(\d{1,2}\s*[.．、])/, '$1').replace(/\s+/g, '')}`;
  /**
   * A heading ends: it is a result itself (no items), or its items are. A heading with figures of
   * its own and items under it is not the template (which figures are whose cannot be told), so
   * the sums it would be in are left out.
   */
  const closeSection = (): void => {
    if (!section) return;
    const { row, label, items } = section;
    if (items.length === 0) leaves.push({ row, label });
    else for (const r of items) leaves.push({ row: r.figures.length && !row ? r : undefined, label: itemLabel(label, r) });
    section = undefined;
  };
  for (const raw of rows) {
    const label = raw.label.replace(/\s+/g, ' ').trim();
    const r = full(raw) ? cols(raw) : undefined;
    const flat = label.replace(/\s+/g, '');
    const s = SECTIONS.find(([re]) => re.test(flat));
    const item = ITEM.test(` ${label}`);
    if (NEW.test(flat)) fresh = r;
    else if (CARRIED_IN.test(flat)) carriedIn = r;
    else if (CARRIED_OUT.test(flat)) {
      carriedOut = r;
      break;
    } else if (TOTAL.test(label)) {
      closeSection();
      total = r;
    } else if (OPENED.test(flat) && !s) {
      closeSection();
      leaves.push({ row: r, label: '（一）予以公开' });
    } else if (PARTLY.test(flat)) {
      closeSection();
      leaves.push({ row: r, label: '（二）部分公开' });
    } else if (s) {
      // A heading (its own row in the 2019 template's （六）其他处理) or its first item.
      closeSection();
      section = { row: item ? undefined : r, label: s[1], items: item ? [r ?? { ...raw, figures: [] }] : [] };
    } else if (section && item) section.items.push(r ?? { ...raw, figures: [] });
    else if (raw.figures.length && !/^[一二三四五六七八九十]+、/.test(label)) {
      // Figures under no label the form has: the sums they might belong to are left out.
      leaves.push({ row: undefined, label });
    }
  }
  closeSection();

  const leafRows = leaves;
  const last = width - 1;
  for (let c = 0; c < width; c++) {
    const col = columns[c];
    // （七）总计 = the results, when every result row states this column.
    if (total && leafRows.length >= 2 && leafRows.every((l) => l.row)) {
      const t = out.mention(total, c, `（七）总计 ${col}`);
      out.add(t, `（七）总计（${col}栏）`, leafRows.map((l) => ({ m: out.mention(l.row as FormRow, c, `${l.label} ${col}`), label: l.label })));
    }
    // 本年新收 + 上年结转 = （七）总计 + 结转下年度.
    if (fresh && carriedIn && total && carriedOut) {
      const a = out.mention(fresh, c, `本年新收 ${col}`);
      const b = out.mention(carriedIn, c, `上年结转 ${col}`);
      out.add(
        a,
        `本年新收＋上年结转（${col}栏）`,
        [
          { m: out.mention(total, c, `（七）总计 ${col}`), label: '（七）总计' },
          { m: out.mention(carriedOut, c, `结转下年度继续办理 ${col}`), label: '结转下年度继续办理' },
        ],
        [a, b],
      );
    }
  }
  // Each row: 总计 = the applicant columns.
  if (width >= 3 && columns[last].includes('总计')) {
    const named = [
      ...(fresh ? [{ r: fresh, label: '本年新收' }] : []),
      ...(carriedIn ? [{ r: carriedIn, label: '上年结转' }] : []),
      ...leafRows.flatMap((l) => (l.row ? [{ r: l.row, label: l.label }] : [])),
      ...(total ? [{ r: total, label: '（七）总计' }] : []),
      ...(carriedOut ? [{ r: carriedOut, label: '结转下年度继续办理' }] : []),
    ];
    for (const { r, label } of named) {
      const t = out.mention(r, last, `${label} 总计`);
      out.add(
        t,
        `${label}（总计栏）`,
        columns.slice(0, last).map((col, c) => ({ m: out.mention(r, c, `${label} ${col}`), label: col })),
      );
    }
  }
}

/** The review form: a row of 5, 10 or 15 figures under a header naming 结果维持 … 总计. */
function reviews(row: FormRow, out: FormClaims): void {
  const n = row.figures.length;
  if (n % 5 !== 0 || n === 0 || n > 15) return;
  for (let g = 0; g < n / 5; g++) {
    const name = REVIEW_GROUPS[g];
    const t = out.mention(row, g * 5 + 4, `${name} 总计`);
    out.add(
      t,
      `${name}（总计栏）`,
      REVIEW_COLUMNS.slice(0, 4).map((col, k) => ({ m: out.mention(row, g * 5 + k, `${name} ${col}`), label: col })),
    );
  }
}

/**
 * Claims of the statutory forms written in `text` (see the top of this file). Their figures are
 * mentions of their own, numbered from `firstIndex` on.
 */
export function formClaims(text: string, firstIndex: number): { claims: Claim[]; cells: Mention[] } {
  const out = new FormClaims(text, firstIndex);
  if (!/本年新收|结果维持/.test(text)) return { claims: out.claims, cells: out.cells };
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const { line } = lines[i];
    const flat = line.replace(/\s+/g, '');
    // The first row, its label possibly wrapped after 本年新 in a narrow column.
    const next = (lines[i + 1]?.line ?? '').replace(/\s+/g, '');
    if (NEW.test(flat) || (/本年/.test(flat) && !NEW.test(next) && NEW.test(flat + next))) {
      const rows: FormRow[] = [];
      const end = Math.min(lines.length, i + MAX_FORM_LINES);
      let j = i;
      // Up to the figures of the 结转下年度 row: on its line, or on the lines after it (a table copied
      // from a web page comes one cell a line), ending at the next line with words.
      let carried = false;
      let carriedFigures = false;
      for (; j < end; j++) {
        const r = rowOfLine(lines[j].line, lines[j].offset);
        const words = r.label.replace(/\s+/g, '');
        if (carried && words && !(r.figures.length === 0 && !carriedFigures && CARRIED_OUT.test(words))) {
          j--;
          break;
        }
        const before = rows.length ? rows[rows.length - 1].label : '';
        rows.push(r);
        if (CARRIED_OUT.test(words) || (r.figures.length && CARRIED_OUT.test(`${before}${r.label}`.replace(/\s+/g, '')))) carried = true;
        if (carried && r.figures.length) carriedFigures = true;
      }
      // The header: the nearest line above naming the applicant columns.
      let header = '';
      for (let k = i - 1; k >= Math.max(0, i - 6); k--) {
        if (/自然人/.test(lines[k].line)) {
          header = lines.slice(k, i).map((l) => l.line).join(' ');
          break;
        }
      }
      if (rows.some((r) => r.figures.length)) applications(rows, header, out);
      i = j;
    } else if (/结果维持/.test(line) && /尚未审结/.test(line)) {
      // The figures follow the header lines (行政复议 | 行政诉讼, then 结果维持 …) within a few lines.
      for (let k = i + 1; k < Math.min(lines.length, i + 4); k++) {
        const r = rowOfLine(lines[k].line, lines[k].offset);
        if (r.figures.length >= 5 && r.label === '') {
          reviews(r, out);
          i = k;
          break;
        }
      }
    }
  }
  return { claims: out.claims, cells: out.cells };
}

/** Whether a table's text is one of the statutory forms (a Word table to be read as the form). */
export function isStatutoryForm(cellTexts: readonly string[]): boolean {
  const all = cellTexts.join(' ');
  return (/本年新收/.test(all) && /结转下年度/.test(all)) || (/结果维持/.test(all) && /结果纠正/.test(all) && /尚未审结/.test(all));
}
