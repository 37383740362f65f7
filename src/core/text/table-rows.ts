// Reading the rows of tables written in a report's text, before any arithmetic: rows with | between
// the cells (| 总 计 | 331 | 3121 |), tables copied from a web page one cell a line (or a paragraph),
// and rows whose cells are set apart by spaces, as a PDF's text layer or a yearbook page gives them
// (村设置医疗点数(个) 17476 18222 19976). Each table is a list of rows, a label cell and the cells
// after it; text-tables.ts finds the totals and their parts. Pure TypeScript.

/** A cell holding a percentage: 74.7%, 0%. */
export const PERCENT_CELL = /^\d+(?:\.\d+)?[%％]$/;
/** A cell holding one plain number: 3,121, 0, 12.5 (no unit, no sign). */
export const NUMBER_CELL = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;
/** A cell of a unit column: 个, 张, 人, 万元, 人次. */
const UNIT_CELL = /^(?:个|家|所|张|人|名|位|例|件|次|人次|万人次|元|万元|亿元|台|户|份|项|条|起|辆|床|万人)$/;

export interface Cell {
  text: string;
  /** Offset of the cell's text (trimmed) in the report. */
  start: number;
}

export interface Row {
  cells: Cell[];
  line: number;
  lineStart: number;
  /** Spaces before the row's label, where the copy keeps them: a deeper row is under a shallower one. */
  indent?: number;
}

/** The cells of a line written as a table row (two or more | in it), else undefined. */
export function rowOf(line: string, offset: number): Cell[] | undefined {
  if ((line.match(/\|/g) ?? []).length < 2) return undefined;
  const cells: Cell[] = [];
  let from = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i < line.length && line[i] !== '|') continue;
    const raw = line.slice(from, i);
    const lead = raw.length - raw.trimStart().length;
    cells.push({ text: raw.trim(), start: offset + from + lead });
    from = i + 1;
  }
  // The border bars: | a | b | has an empty cell before the first and after the last.
  if (cells.length && cells[0].text === '' && /^\s*\|/.test(line)) cells.shift();
  if (cells.length && cells[cells.length - 1].text === '' && /\|\s*$/.test(line)) cells.pop();
  return cells;
}


/** The tables of a text: runs of two or more row lines (a |---| line between them is skipped). */
export function tablesOf(text: string): Row[][] {
  const tables: Row[][] = [];
  let current: Row[] = [];
  let offset = 0;
  const lines = text.split('\n');
  lines.forEach((line, k) => {
    const cells = rowOf(line, offset);
    offset += line.length + 1;
    if (cells && cells.every((c) => /^:?-{2,}:?$/.test(c.text) || c.text === '')) return;
    if (cells) current.push({ cells, line: k, lineStart: offset - line.length - 1 });
    else {
      if (current.length >= 2) tables.push(current);
      current = [];
    }
  });
  if (current.length >= 2) tables.push(current);
  return tables;
}

/** A line that holds one cell of a table copied one cell a line: short, no sentence in it, at most a bar after it. */
const CELL_LINE = /^[^。；;！？|]{1,30}$/;

/**
 * Tables copied from a web page one cell a line (学校 |⏎2 |⏎2 |⏎…⏎其他 |⏎87 |⏎…⏎合计 |⏎89 |…): a row is a
 * line of words followed by lines of one figure each, and a table is two or more such rows in a
 * row with the same number of figures. Blank lines between cells are passed over; header cells
 * (words followed by words) are not rows. Returns the rows as `tablesOf` does, a label cell and
 * figure cells.
 */
export function cellLineTables(text: string): Row[][] {
  const tables: Row[][] = [];
  let current: Row[] = [];
  let row: Row | undefined;
  // Lines of words one after another (指标 ⏎ 2018年 ⏎ 2017年 ⏎ 增减百分比(%)): a header, when the rows after
  // it have as many cells.
  let heading: Row[] = [];
  const close = (): void => {
    if (row && row.cells.length >= 2) {
      if (current.length && current[0].cells.length !== row.cells.length) {
        if (current.length >= 2) tables.push(current);
        current = [];
      }
      if (current.length === 0 && heading.length >= row.cells.length) {
        const head = heading.slice(heading.length - row.cells.length);
        current.push({ cells: head.map((h) => h.cells[0]), line: head[0].line, lineStart: head[0].lineStart });
      }
      current.push(row);
      heading = [];
    } else if (row) {
      if (current.length >= 2) tables.push(current);
      current = [];
      heading.push(row);
    }
    row = undefined;
  };
  let offset = 0;
  // Whether the last cell line ended with a bar (门诊部 | ⏎ 15 |): then a line of a bar alone before
  // another figure is a blank cell, not a bar set between cells on lines of their own (271 ⏎ | ⏎
  // 57455), nor the end of a row before the next row's label (18 | ⏎ | ⏎ 综合医院 |).
  let barred = false;
  // The last serial number read in a table with a 序号 column, once its heading is seen.
  let serial: number | undefined;
  const lines = text.split('\n');
  const nextCell = (k: number): string => {
    for (let j = k + 1; j < lines.length && j < k + 4; j++) {
      const c = lines[j].replace(/[\s\u3000|]+$/, '').trim();
      if (c !== '' || /^\s*\|\s*$/.test(lines[j])) return c === '' ? '|' : c;
    }
    return '';
  };
  // Whether the last line was a row's label or its English (bilingual yearbooks put the English
  // name under the Chinese one, over one line or two).
  let named = false;
  lines.forEach((raw, k) => {
    const start = offset;
    offset += raw.length + 1;
    const body = raw.replace(/[\s\u3000|]+$/, '');
    const lead = body.length - body.trimStart().length;
    const cell = body.trim();
    const bar = /\|\s*$/.test(raw);
    if (cell === '' && bar && /^\s*\|\s*$/.test(raw) && barred && row && /^(?:\||[-−–]?\d[\d,.]*)$/.test(nextCell(k))) {
      row.cells.push({ text: '', start: start + raw.indexOf('|') });
      return;
    }
    if (cell !== '') barred = bar;
    // Total Hospitals, Traditional Chinese Medicine ⏎ Hospitals: the row's name in English.
    if (named && row && row.cells.length === 1 && /^[A-Za-z][A-Za-z\s,.'&()/-]*$/.test(cell)) return;
    named = cell !== '' && !NUMBER_CELL.test(cell);
    // A line of spaces only, in a row being read, is a blank cell (a copy that sets each cell apart
    // with an empty line keeps a blank cell as a space): it holds the row's width.
    if (cell === '' && raw !== '' && /^[\s\u3000]+$/.test(raw) && row) {
      row.cells.push({ text: '', start: start + raw.length });
      return;
    }
    if (cell === '') return;
    // A dash is a cell left empty (门诊部 | 个 | - | 99); a unit word right after the label is the
    // row's unit column (一、卫生机构 | 个 | 727 | 806).
    if (row && /^[-—－–]{1,2}$/.test(cell)) {
      row.cells.push({ text: '', start: start + lead });
      return;
    }
    if (row && row.cells.length === 1 && UNIT_CELL.test(cell)) {
      row.cells.push({ text: cell, start: start + lead });
      return;
    }
    if (!CELL_LINE.test(cell)) {
      close();
      if (current.length >= 2) tables.push(current);
      current = [];
      heading = [];
      return;
    }
    // A table numbered by a 序号 column (序号 ⏎ 处理方式 ⏎ 数量 ⏎ 比例 ⏎ 1 ⏎ 作出维持决定 ⏎ 3509 ⏎ 74.7%): the
    // next serial number before a line of words opens a row and is no cell of it.
    if (cell === '序号') serial = 0;
    if (serial !== undefined && cell === String(serial + 1) && !NUMBER_CELL.test(nextCell(k)) && nextCell(k) !== '') {
      serial++;
      close();
      return;
    }
    // A figure with a sign (a change, -4.08) is a cell of the row too, though never a part; so is a
    // percentage in a row of figures (3509 ⏎ 74.7%).
    if (NUMBER_CELL.test(cell.replace(/^[-−–]/, '')) || (row && row.cells.length >= 2 && PERCENT_CELL.test(cell))) {
      if (row) row.cells.push({ text: cell, start: start + lead });
      return;
    }
    // A row's name broken over two lines in a table being read (市场监督 ⏎ 管理局 ⏎ 33 ⏎ 23): one name,
    // when figures follow the second line.
    if (row && row.cells.length === 1 && current.length >= 2 && NUMBER_CELL.test(nextCell(k)) && !NUMBER_CELL.test(row.cells[0].text)) {
      row.cells[0] = { text: `${row.cells[0].text}${cell}`, start: row.cells[0].start };
      return;
    }
    close();
    row = { cells: [{ text: cell, start: start + lead }], line: k, lineStart: start, indent: lead };
  });
  close();
  if (current.length >= 2) tables.push(current);
  return tables;
}

/**
 * A row of years (项目 | 2013 | 2014 | … or 2000 2005 2010 …): the heading of a table whose columns
 * are years, not a row of figures. Its cells are years, two or more, in one direction.
 */
export function isYearRow(r: Row): boolean {
  const years = r.cells.slice(1).filter((c) => c.text !== '');
  if (years.length < 2 || !years.every((c) => /^(?:19|20)\d\d$/.test(c.text))) return false;
  const ys = years.map((c) => Number(c.text));
  const up = ys.every((y, k) => k === 0 || y > ys[k - 1]);
  const down = ys.every((y, k) => k === 0 || y < ys[k - 1]);
  // Two runs of the same years (总诊疗人次 2008–2012, 出院人数 2008–2012) head two blocks of columns.
  const half = ys.length / 2;
  const twice = ys.length % 2 === 0 && ys.slice(0, half).every((y, k) => y === ys[half + k]) && ys.slice(0, half).every((y, k) => k === 0 || y > ys[k - 1]);
  return up || down || twice;
}


/**
 * A row with its cells set apart by spaces: a label (a rank before it, 1 恶性肿瘤, is left out) and
 * one or more plain numbers after it, nothing else on the line. The label has Chinese in it and no
 * sentence punctuation, so that a sentence ending with a figure is no row.
 */
const SPACE_ROW = /^([ \t\u3000]*)(?:\d{1,2}[ \t\u3000]+)?([^\d\s][^\n]{0,40}?[^\d\s])[ \t\u3000]+((?:-?\d[\d,]*(?:\.\d+)?[ \t\u3000]+)*-?\d[\d,]*(?:\.\d+)?)[ \t\u3000]*$/;
/** A line of years over the columns: 2000 2005 2010 2015. */
const YEARS_LINE = /^[ \t\u3000]*(?:(?:19|20)\d\d[ \t\u3000]+)+(?:19|20)\d\d[ \t\u3000]*$/;
/** A line in English only: the row's name in a bilingual yearbook, under the Chinese. */
const ENGLISH_LINE = /^[\sA-Za-z(),.'&/-]+$/;

/**
 * Tables whose rows set their cells apart by spaces, as a yearbook page or a PDF's text layer gives
 * them (  乡村医生和卫生人员数(人) 30769 30384 ⏎     乡村医生 20974 29139): two or more such rows in a row
 * with as many cells, English lines and blank lines between them passed over. A line of years
 * right before them is their heading. Each row keeps its indentation.
 */
export function spaceTables(text: string): Row[][] {
  const tables: Row[][] = [];
  let current: Row[] = [];
  let heading: Row | undefined;
  const close = (): void => {
    if (current.length >= 2) tables.push(heading && heading.cells.length === current[0].cells.length ? [heading, ...current] : current);
    current = [];
  };
  let offset = 0;
  text.split('\n').forEach((line, k) => {
    const start = offset;
    offset += line.length + 1;
    if (line.trim() === '' || (ENGLISH_LINE.test(line) && /[A-Za-z]/.test(line))) return;
    if (YEARS_LINE.test(line)) {
      close();
      const cells: Cell[] = [{ text: '', start }];
      for (const y of line.matchAll(/\d{4}/g)) cells.push({ text: y[0], start: start + (y.index ?? 0) });
      heading = { cells, line: k, lineStart: start };
      return;
    }
    const m = SPACE_ROW.exec(line);
    if (!m || !/[\u4e00-\u9fff]/.test(m[2]) || /[。，,；;！？：:]/.test(m[2])) {
      close();
      heading = undefined;
      return;
    }
    const labelAt = line.indexOf(m[2], m[1].length);
    const cells: Cell[] = [{ text: m[2], start: start + labelAt }];
    const figuresAt = line.lastIndexOf(m[3]);
    for (const n of m[3].matchAll(/-?\d[\d,]*(?:\.\d+)?/g)) cells.push({ text: n[0], start: start + figuresAt + (n.index ?? 0) });
    const row: Row = { cells, line: k, lineStart: start, indent: m[1].length };
    if (current.length && current[0].cells.length !== cells.length) {
      close();
      heading = undefined;
    }
    current.push(row);
  });
  close();
  return tables;
}
