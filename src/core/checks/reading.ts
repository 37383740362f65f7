// What reading the workbook met: sheets no layout fits, sheets or cells a host left out, sheet
// names that collide, the reader's own notes, and the 结构 sheet's corrections that are wrong or
// matched nothing. Never silence: each is a warning on the sheet it is about.
import { unusedFixFindings } from '../layout/corrections';
import { msg } from '../messages';
import { sheetNameCollisions } from '../sheet-names';
import type { Finding } from '../types';
import { defineCheck } from './check';
import type { WorkbookCheckContext } from './stages';

function readingFindings(ctx: WorkbookCheckContext): Finding[] {
  const { snapshot, model } = ctx;
  const findings: Finding[] = [...ctx.fixFindings, ...unusedFixFindings(ctx.fixes)];
  // A workbook in which no sheet is an indicator sheet was not checked at all: say so, never a
  // silent "0 findings".
  const userSheets = ctx.userSheets;
  if (model.sheets.length === 0 && userSheets.length > 0) {
    const sheets = { 'zh-CN': userSheets.map((name) => `“${name}”`).join('、'), 'en-US': userSheets.map((name) => `"${name}"`).join(', ') };
    findings.push({ ruleId: 'workbook.no-indicator-sheet', severity: 'warning', cells: [{ sheet: userSheets[0], address: 'A1' }], message: msg('workbook.no-indicator-sheet', { sheets }) });
  }
  // What a host left out of a sheet (far cells, a sheet too large to read, parts of the file it
  // could not use) is a warning on that sheet; so are sheet names that collide.
  findings.push(...sheetNameCollisions(snapshot.sheets.map((g) => g.name)));
  for (const grid of snapshot.sheets) {
    if (grid.unread) findings.push({ ruleId: 'sheet.unread', severity: 'warning', cells: [{ sheet: grid.name, address: 'A1' }], message: grid.unread });
    for (const note of grid.notes ?? []) findings.push({ ruleId: note.ruleId, severity: 'warning', cells: [{ sheet: grid.name, address: note.address }], message: note.message });
  }
  // Notes from reading (duplicate year columns, partial periods) are warnings on the sheet.
  for (const s of model.sheets) {
    for (const note of s.notes) findings.push({ ruleId: 'layout.note', severity: 'warning', cells: [{ sheet: s.sheet, address: 'A1' }], message: note });
  }
  return findings;
}

export const readingCheck = defineCheck<WorkbookCheckContext>({
  id: 'reading',
  stage: 'workbook',
  title: { 'zh-CN': '读表情况：没有读到或只读到一部分的工作表和单元格', 'en-US': 'Reading: sheets and cells that were not read, or read only in part' },
  findings: [
    { id: 'workbook.no-indicator-sheet', severity: 'warning', flags: { 'zh-CN': '没有一张工作表被识别为指标表，什么也没有校验', 'en-US': 'no sheet was recognised as an indicator sheet; nothing was checked' } },
    { id: 'workbook.sheet-names-collide', severity: 'warning', flags: { 'zh-CN': '工作表名称只差大小写或全半角', 'en-US': 'sheet names that differ only in case or width' } },
    { id: 'sheet.unread', severity: 'warning', flags: { 'zh-CN': '工作表超出读取上限，未读取', 'en-US': 'a sheet above the reading limits, not read' } },
    { id: 'sheet.far-cells', severity: 'warning', flags: { 'zh-CN': '远离数据区的零散单元格，未当作数据读取', 'en-US': 'stray cells far from the data, not read as data' } },
    { id: 'layout.note', severity: 'warning', flags: { 'zh-CN': '读表时的提示：年份列重复、只覆盖部分年度', 'en-US': 'notes from reading: a repeated year column, a part-year period' } },
    { id: 'structure.fix-invalid', severity: 'warning', flags: { 'zh-CN': '“结构”表中看不懂的更正', 'en-US': 'a correction in the 结构 sheet that cannot be understood' } },
    { id: 'structure.fix-unused', severity: 'warning', flags: { 'zh-CN': '“结构”表中没有对上任何一行的更正', 'en-US': 'a correction in the 结构 sheet that matched no row' } },
  ],
  messageKeys: ['engine.workbook.no-indicator-sheet', 'layout.sheet-names.same', 'layout.sheet-names.alike', 'layout.too-large', 'layout.far-cells', 'layout.fix.invalid', 'layout.fix.unused'],
  run: readingFindings,
});
