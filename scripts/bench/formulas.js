'use strict';
// The same checks as spreadsheet formulas, the way a bureau's statistician writes them today:
// one sheet per year with a row per district and a column per indicator, and check columns to
// the right of the data:
//   平衡  a SUM of each 其中 group compared with its total   IF(ABS(SUM(C2:E2)-B2)>tol,1,0)
//   100%  each mandated rate compared with 100 %             IF(ABS(AH2-100)>0.05,1,0)
//   变动  each indicator's change ratio vs the previous year  IF(ABS(B2/Y2019!B2-1)>0.5,1,0)
//   负数  negative values in the row                          COUNTIF(B2:CW2,"<0")
// each wrapped in IFERROR(…,1) so a text or error cell counts as a flag, a 合计 column per row,
// and a first sheet 汇总 that sums every year's flags (so exporting it forces every formula).
// Cells are engine-neutral: number | string | {error} | {formula} (no leading '=').
const { CATALOGUE, INDICATORS } = require('./panel');

function colLetters(i) {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const FIRST_IND_COL = 1; // B

/** The check columns of a year sheet (the change checks only when there is a previous year). */
function checkColumns(hasPrev) {
  const cols = [];
  CATALOGUE.forEach((c, i) => {
    if (c.role !== 'total') return;
    const tol = c.kind === 'money' ? 0.005 : 0.5;
    const first = FIRST_IND_COL + c.parts[0];
    const last = FIRST_IND_COL + c.parts[c.parts.length - 1];
    const total = FIRST_IND_COL + i;
    cols.push({ header: `平衡:${c.label}`, f: (r) => `IFERROR(IF(ABS(SUM(${colLetters(first)}${r}:${colLetters(last)}${r})-${colLetters(total)}${r})>${tol},1,0),1)` });
  });
  CATALOGUE.forEach((c, i) => {
    if (c.role !== 'mandated') return;
    const col = colLetters(FIRST_IND_COL + i);
    cols.push({ header: `100%:${c.label}`, f: (r) => `IFERROR(IF(ABS(${col}${r}-100)>0.05,1,0),1)` });
  });
  if (hasPrev) {
    CATALOGUE.forEach((c, i) => {
      const col = colLetters(FIRST_IND_COL + i);
      cols.push({ header: `变动:${c.name ?? c.label}`, f: (r, prev) => `IFERROR(IF(ABS(${col}${r}/${prev}!${col}${r}-1)>0.5,1,0),1)` });
    });
  }
  const a = colLetters(FIRST_IND_COL);
  const z = colLetters(FIRST_IND_COL + INDICATORS - 1);
  cols.push({ header: '负数', f: (r) => `COUNTIF(${a}${r}:${z}${r},"<0")` });
  return cols;
}

/**
 * Turns a long-layout panel (panel.js) into the formula workbook.
 * Returns { sheets: [{name, rows}], formulas, observations, totalCell: {sheet,row,col}, rowTotal(d, t) }.
 */
function formulaWorkbook(panel) {
  const { snapshot, districts: D } = panel;
  const sheets = [];
  let formulas = 0;
  const yearNames = snapshot.sheets.map((s) => `Y${parseInt(s.name, 10)}`);
  const totalCols = [];
  snapshot.sheets.forEach((grid, t) => {
    const name = yearNames[t];
    const prev = t > 0 ? yearNames[t - 1] : undefined;
    const checks = checkColumns(!!prev);
    const firstCheck = FIRST_IND_COL + INDICATORS;
    const totalCol = firstCheck + checks.length;
    totalCols.push(totalCol);
    const header = ['地区', ...CATALOGUE.map((c) => c.label.trim()), ...checks.map((c) => c.header), '合计'];
    const rows = [header];
    for (let d = 0; d < D; d++) {
      const r = d + 2;
      const row = new Array(totalCol + 1);
      row[0] = grid.values[1 + d * INDICATORS][0];
      for (let i = 0; i < INDICATORS; i++) row[FIRST_IND_COL + i] = grid.values[1 + d * INDICATORS + i][3];
      checks.forEach((c, k) => {
        row[firstCheck + k] = { formula: c.f(r, prev) };
      });
      row[totalCol] = { formula: `SUM(${colLetters(firstCheck)}${r}:${colLetters(totalCol - 1)}${r})` };
      formulas += checks.length + 1;
      rows.push(row);
    }
    sheets.push({ name, rows });
  });
  // 汇总: flags per year and in all.
  const summary = [['年份', '问题数']];
  yearNames.forEach((name, t) => {
    const col = colLetters(totalCols[t]);
    summary.push([name, { formula: `SUM(${name}!${col}2:${col}${D + 1})` }]);
  });
  summary.push(['合计', { formula: `SUM(B2:B${yearNames.length + 1})` }]);
  formulas += yearNames.length + 1;
  sheets.unshift({ name: 'Summary', rows: summary });
  return {
    sheets,
    formulas,
    observations: panel.observations,
    /** 0-based position of the grand total in the Summary sheet. */
    total: { sheet: 0, row: yearNames.length + 1, col: 1 },
    /** 0-based position of a district-year's row total. */
    rowTotal: (d, t) => ({ sheet: t + 1, row: d + 1, col: totalCols[t] }),
  };
}

module.exports = { formulaWorkbook, colLetters };
