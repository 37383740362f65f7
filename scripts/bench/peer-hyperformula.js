'use strict';
// Peer: HyperFormula builds the formula workbook (formulas.js) and computes every check.
// Timed: buildFromSheets (parse + dependency graph + evaluation), then reading the 汇总 total.
//   node scripts/bench/peer-hyperformula.js --districts 100   → one JSON line on stdout
const { makePanel } = require('./panel');
const { formulaWorkbook } = require('./formulas');
const { arg, emit } = require('./util');

function toHf(cell) {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'object') return cell.formula !== undefined ? `=${cell.formula}` : cell.error;
  return cell;
}

function main() {
  const districts = Number(arg('--districts', '100'));
  const { HyperFormula } = require('hyperformula');
  const panel = makePanel({ districts });
  const wb = formulaWorkbook(panel);
  const sheets = {};
  for (const s of wb.sheets) sheets[s.name] = s.rows.map((row) => Array.from(row, toHf));
  const t0 = process.hrtime.bigint();
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3' });
  const total = hf.getCellValue({ sheet: wb.total.sheet, row: wb.total.row, col: wb.total.col });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // Which injected errors the formulas flag (their district-year row has a flag).
  let found = 0;
  for (const e of panel.injected) {
    const at = wb.rowTotal(e.district, e.yearIndex);
    const v = hf.getCellValue(at);
    if (typeof v === 'number' && v > 0) found++;
  }
  emit({
    peer: 'hyperformula',
    version: HyperFormula.version,
    observations: wb.observations,
    formulas: wb.formulas,
    seconds,
    flags: typeof total === 'number' ? total : String(total?.value ?? total),
    injected: panel.injected.length,
    found,
    peakMB: process.resourceUsage().maxRSS / 1024,
  });
}

main();
