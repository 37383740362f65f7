// The sheets the Excel adapter writes of its own: 校验结果 (or, under structure protection, a new
// workbook of the results), 校验说明, 校验规则 and the standard form 指标表. None of them ever
// changes a sheet or cell of the user's.
import { EXPLANATION_HEADER, EXPLANATIONS_SHEET } from '../../core/explanations';
import { message } from '../../core/i18n';
import type { StandardFormResult, StandardFormSpec } from '../../core/report/standard-form';
import type { Bilingual, CellValue, Finding } from '../../core/types';
import { cellAddress } from './a1';
import { HostError, requirementMissing, resultSheetTaken, structureLocked, toHostError } from './errors';
import type { HostSession } from './host-session';
import { RESULT_LAST_COLUMN, RESULT_SHEET_NAME, RESULT_TABLE_STYLE, buildResultBlock, chunkRowsByBytes, freeTableName, isResultTableName } from './result-sheet';
import { freeSheetName } from './summary-writer';
import { RULES_SHEET } from '../../core/sheet-names';

const WRITE_ACTION: Bilingual = message('host.action.write-results');

export interface ResultSheetInfo {
  sheet: string;
  table: string;
  rows: number;
  /** The workbook's structure is protected: the findings were opened as a new workbook. */
  newWorkbook?: boolean;
}


/**
 * Writes the findings to the sheet 校验结果 as a table (one row per finding; the 单元格 column
 * links to the cell), replacing the 校验结果 sheet this add-in wrote before, even when it was
 * hidden or very hidden (it is made visible first: Excel cannot delete a very hidden sheet).
 * A 校验结果 sheet the add-in did not write is never touched: that is an error the user must
 * resolve. When the workbook's structure is protected no sheet can be added, so the findings
 * open as a new workbook instead (ExcelApi 1.8; `newWorkbook` in the result); nothing is
 * unprotected, and no password is ever asked for.
 */
export async function writeResultSheet(s: HostSession, findings: Finding[]): Promise<ResultSheetInfo> {
  const block = buildResultBlock(findings);
  const pieces = s.platform === 'web' ? chunkRowsByBytes(block, s.webBudgetBytes) : [[0, block.values.length] as [number, number]];
  const lastRow = block.values.length; // 1-based row of the last line (header is row 1)
  const readsProtection = s.api('1.7');

  const written = await s.run(WRITE_ACTION, async (ctx): Promise<ResultSheetInfo | { locked: string }> => {
    const workbook = ctx.workbook;
    const worksheets = workbook.worksheets;
    worksheets.load('items/name,items/visibility');
    const tables = workbook.tables;
    tables.load('items/name,items/worksheet/name');
    if (readsProtection) workbook.load('name,protection/protected');
    await s.sync(ctx); // sync 1
    if (readsProtection && workbook.protection.protected) return { locked: workbook.name };

    const lower = RESULT_SHEET_NAME.toLowerCase();
    const old = worksheets.items.find((w) => w.name.toLowerCase() === lower);
    const tablesOnOld = old ? tables.items.filter((t) => t.worksheet.name === old.name) : [];
    if (old && !tablesOnOld.some((t) => isResultTableName(t.name))) {
      throw new HostError(resultSheetTaken(old.name));
    }
    const tableName = freeTableName(tables.items.filter((t) => !tablesOnOld.includes(t)).map((t) => t.name));

    // The suspend calls cover only what is queued after them.
    s.quiet(ctx);
    if (old) {
      // Shown first (a very hidden sheet cannot be deleted), renamed so the new sheet can take
      // the name, and deleted after the new one is added: a workbook keeps one visible sheet.
      if (old.visibility !== 'Visible') old.visibility = 'Visible';
      const names = new Set(worksheets.items.map((w) => w.name.toLowerCase()));
      let temp = `~${RESULT_SHEET_NAME}-old`;
      for (let i = 2; names.has(temp.toLowerCase()); i++) temp = `~${RESULT_SHEET_NAME}-old${i}`;
      old.name = temp;
    }
    const sheet = worksheets.add(RESULT_SHEET_NAME);
    if (old) old.delete();

    for (let p = 0; p < pieces.length; p++) {
      if (p > 0) s.quiet(ctx);
      const [start, end] = pieces[p];
      const range = sheet.getRange(`A${start + 1}:${RESULT_LAST_COLUMN}${end}`);
      range.numberFormat = block.numberFormats.slice(start, end);
      range.values = block.values.slice(start, end);
      // eslint-disable-next-line no-restricted-syntax -- Excel on the web takes at most about 5 MB a request: one sync per piece, none on the desktop
      if (p < pieces.length - 1) await s.sync(ctx); // web only: one sync per 4 MB piece
    }
    const table = sheet.tables.add(sheet.getRange(`A1:${RESULT_LAST_COLUMN}${lastRow}`), true);
    table.name = tableName;
    table.style = RESULT_TABLE_STYLE;
    sheet.getRange('A:G').format.autofitColumns();
    sheet.activate();
    await s.sync(ctx); // sync 2 (last piece, table, style)
    return { sheet: RESULT_SHEET_NAME, table: tableName, rows: findings.length };
  });
  if (!('locked' in written)) return written;
  return writeResultWorkbook(s, findings, written.locked);
}

/** The findings as a new workbook (the checked one's structure is protected). */
async function writeResultWorkbook(s: HostSession, findings: Finding[], workbookName: string): Promise<ResultSheetInfo> {
  if (!s.api('1.8')) throw new HostError(structureLockedNoNewWorkbook(), { reason: 'Protected' });
  try {
    const { resultWorkbookBase64 } = await import(/* webpackChunkName: "result-workbook" */ './result-workbook');
    await s.createWorkbook(await resultWorkbookBase64(findings, workbookName));
  } catch (e) {
    throw toHostError(e, WRITE_ACTION);
  }
  return { sheet: RESULT_SHEET_NAME, table: '', rows: findings.length, newWorkbook: true };
}

/**
 * Writes `rows` (header first) to the add-in's 校验说明 sheet: into the sheet in place when it
 * exists (its old content cleared first; it may be hidden, and no sheet is added, renamed or
 * deleted, so this works under structure protection too), else on a new sheet. A 校验说明
 * sheet whose A1 is not our header is the user's and is never touched. 2 or 3 syncs.
 */
export async function saveExplanationRows(s: HostSession, rows: string[][]): Promise<void> {
  const width = Math.max(1, ...rows.map((r) => r.length));
  const block = rows.map((r) => [...r, ...new Array<string>(width - r.length).fill('')]);
  const readsProtection = s.api('1.7');
  await s.run(WRITE_ACTION, async (ctx) => {
    const worksheets = ctx.workbook.worksheets;
    worksheets.load('items/name,items/protection/protected');
    if (readsProtection) ctx.workbook.load('protection/protected');
    await s.sync(ctx);
    const existing = worksheets.items.find((w) => w.name === EXPLANATIONS_SHEET);
    let target: Excel.Worksheet;
    if (existing) {
      const head = existing.getRange('A1');
      head.load('values');
      await s.sync(ctx);
      const first = head.values?.[0]?.[0] ?? '';
      if (first !== EXPLANATION_HEADER[0] && first !== '') throw new HostError(explanationSheetTaken(EXPLANATIONS_SHEET));
      if (existing.protection.protected) throw new HostError(explanationSheetProtected(EXPLANATIONS_SHEET), { reason: 'Protected' });
      s.quiet(ctx);
      existing.getRange().clear('Contents');
      target = existing;
    } else {
      if (readsProtection && ctx.workbook.protection.protected) throw new HostError(explanationsStructureLocked(EXPLANATIONS_SHEET), { reason: 'Protected' });
      s.quiet(ctx);
      target = worksheets.add(EXPLANATIONS_SHEET);
    }
    const range = target.getRange(`A1:${cellAddress(block.length - 1, width - 1)}`);
    range.numberFormat = block.map((r) => r.map(() => '@'));
    range.values = block;
    await s.sync(ctx);
  });
}


/**
 * Creates the sheet 校验规则 with `rows` (header first, e.g. core/rules rulesSheetTemplate()):
 * values, a bold filled header, text format for the text columns (so an expression is never
 * taken for a formula), column widths; then activates it. 2 syncs: 1. sheet names  2. add and
 * write everything. A sheet of that name (any case) is never touched: a HostError (code
 * 'SheetNameTaken') says so and nothing is written.
 */
export async function writeRulesSheet(s: HostSession, rows: CellValue[][]): Promise<{ sheet: string }> {
  const block = rulesBlock(rows);
  return s.run(RULES_ACTION, async (ctx) => {
    const worksheets = ctx.workbook.worksheets;
    worksheets.load('items/name');
    const locked = s.structureProtection(ctx);
    await s.sync(ctx); // sync 1
    const lower = RULES_SHEET.toLowerCase();
    const existing = worksheets.items.find((w) => w.name.toLowerCase() === lower);
    if (existing) throw new HostError(rulesSheetTaken(existing.name), { reason: 'SheetNameTaken' });
    if (locked()) throw new HostError(structureLocked(RULES_SHEET), { reason: 'Protected' });
    s.quiet(ctx);
    const sheet = worksheets.add(RULES_SHEET);
    queueRulesSheet(sheet, block);
    sheet.activate();
    await s.sync(ctx); // sync 2
    return { sheet: RULES_SHEET };
  });
}


/**
 * Inserts the standard indicator form (core/report/standard-form.ts) on a NEW sheet 指标表
 * (指标表(2)… when that name is taken, in any case) and, when the workbook has no 校验规则
 * sheet, that sheet with the example rules; no existing sheet or cell is touched. The header
 * rows are frozen (ExcelApi 1.7), the value cells get data validation where ExcelApi 1.8 is
 * supported (`validation` says whether), the parts an Excel indent where 1.9 is. The form's
 * sheet is activated. 2 syncs: 1. sheet names  2. add the sheets and write everything.
 */
export async function insertStandardForm(s: HostSession, spec: StandardFormSpec): Promise<StandardFormResult> {
  if (!s.api('1.2')) throw new HostError(requirementMissing(FORM_FEATURE, '1.2'));
  // Loaded on use: the form's writer and indicator list are not part of the pane's first load.
  let writer: typeof import('./standard-form-writer');
  try {
    writer = await import(/* webpackChunkName: "standard-form" */ './standard-form-writer');
  } catch (e) {
    throw toHostError(e, FORM_ACTION);
  }
  const { planStandardForm, queueStandardForm } = writer;
  const plan = planStandardForm(spec);
  const rules = rulesBlock(spec.rulesSheet.rows);
  const options = { freeze: s.api('1.7'), validation: s.api('1.8'), indent: s.api('1.9') };
  return s.run(FORM_ACTION, async (ctx) => {
    const worksheets = ctx.workbook.worksheets;
    worksheets.load('items/name');
    const locked = s.structureProtection(ctx);
    await s.sync(ctx); // sync 1
    const names = worksheets.items.map((w) => w.name);
    const sheetName = freeSheetName(names, spec.sheetName);
    if (locked()) throw new HostError(structureLocked(sheetName), { reason: 'Protected' });
    const rulesLower = spec.rulesSheet.name.toLowerCase();
    const addRules = !names.some((n) => n.toLowerCase() === rulesLower);
    s.quiet(ctx);
    const sheet = worksheets.add(sheetName);
    queueStandardForm(sheet, plan, options);
    if (addRules) queueRulesSheet(worksheets.add(spec.rulesSheet.name), rules);
    sheet.activate();
    await s.sync(ctx); // sync 2
    return { sheet: sheetName, rulesSheet: addRules ? spec.rulesSheet.name : null, validation: options.validation };
  });
}

/**
 * The sheet users write rules in (core/sheet-names.ts; imported from there, not from core/rules,
 * so the rule parser stays out of the pane's first-load bundle).
 */
export { RULES_SHEET };
const RULES_HEADER_FILL = '#DDEBF7';
const RULES_ACTION: Bilingual = message('host.action.rules-sheet');
const FORM_ACTION: Bilingual = message('host.action.standard-form');
const FORM_FEATURE: Bilingual = message('host.excel.feature.standard-form');
/** Column widths (points) by header; other columns get 80. */
const RULES_WIDTHS: Record<string, number> = { 编号: 90, 名称: 200, 表达式: 300, 级别: 50, 容差: 50, 启用: 50, 说明: 220 };

/** The rows as Office.js values (errors as text, blanks as ''), text format except for 容差. */
function rulesBlock(rows: CellValue[][]): { values: Array<Array<string | number | boolean>>; numberFormats: string[][]; widths: number[]; width: number } {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const header = (rows[0] ?? []).map((v) => (typeof v === 'string' ? v.trim() : ''));
  const values = rows.map((r) =>
    Array.from({ length: width }, (_, j) => {
      const v = r[j];
      if (v === null || v === undefined) return '';
      return typeof v === 'object' ? v.error : v;
    }),
  );
  const numberFormats = rows.map(() => Array.from({ length: width }, (_, j): string => (header[j] === '容差' ? 'General' : '@')));
  const widths = Array.from({ length: width }, (_, j) => RULES_WIDTHS[header[j] ?? ''] ?? 80);
  return { values, numberFormats, widths, width };
}

/** Queues the rule rows of rulesBlock on a new, empty sheet: values, a bold filled header, widths. */
function queueRulesSheet(sheet: Excel.Worksheet, block: ReturnType<typeof rulesBlock>): void {
  if (block.values.length === 0) return;
  const last = cellAddress(block.values.length - 1, block.width - 1);
  const range = sheet.getRange(`A1:${last}`);
  range.numberFormat = block.numberFormats;
  range.values = block.values as unknown[][];
  const header = sheet.getRange(`A1:${cellAddress(0, block.width - 1)}`).format;
  header.font.bold = true;
  header.fill.color = RULES_HEADER_FILL;
  block.widths.forEach((w, j) => {
    sheet.getRange(cellAddress(0, j)).format.columnWidth = w;
  });
}

function rulesSheetTaken(name: string): Bilingual {
  return message('host.rules-sheet.taken', { sheet: name });
}

function structureLockedNoNewWorkbook(): Bilingual {
  return message('host.excel.results-no-new-workbook');
}

function explanationSheetProtected(name: string): Bilingual {
  return message('host.excel.explanations-protected', { sheet: name });
}

function explanationsStructureLocked(name: string): Bilingual {
  return message('host.excel.explanations-structure-locked', { sheet: name });
}

/** The 校验说明 sheet is ours when its A1 says 键 (EXPLANATION_HEADER); otherwise it is the user's. */
function explanationSheetTaken(name: string): Bilingual {
  return message('host.explanations.taken', { sheet: name });
}
