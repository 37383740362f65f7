// Applying and clearing marks (our conditional-format rules, see marks.ts) so that one sheet or
// one rule Excel cannot handle never stops the rest.
//
// Excel fails on conditional formats in ways Office.js does not promise against:
//  - a protected sheet refuses new rules and deleting old ones (AccessDenied);
//  - listing a collection's rules can fail for the whole sync when one rule cannot be described
//    (office-js#6835, a duplicated rule; #6827, two cell-value rules on one range);
//  - deleting a rule that shares a cell with another rule can fail with ItemNotFound (#5222).
// So the work is done sheet by sheet and rule by rule, but in the normal case still in a fixed
// number of syncs:
//   1. sheet names, visibility and protection
//   2. every unprotected sheet's rules (type and, for custom rules, the formula)
//   3. delete our rules and add the new ones on every unprotected sheet.
// Only when a sync fails does the work split: listing falls back to types first and then the
// formulas in halves until the unreadable rules are isolated; writing falls back to one sheet per
// sync, and within a failing sheet to one rule per sync. Whatever still fails is reported (both
// languages) and skipped. Because our rules are found by their marker every time (and a rule a
// failed batch left without its formula is recognised too, marks.ts isUnfinishedMark), a clear
// that stopped part-way leaves nothing the next clear cannot find.
import { message } from '../../core/i18n';
import type { Bilingual, Finding } from '../../core/types';
import type { MarkReport } from '../../core/host';
import { type Rect, chunkAddressList, rectAddress } from './a1';
import { MARK_STYLES, groupMarks, isUnfinishedMark, markFormula, markSeverity } from './marks';
import { sheetProtectedForClear, sheetProtectedForMarks } from './errors';
import { isSyncTimeout } from './sync';

/** Address lists for getRanges stay below this (Excel's limit is 8,192; office-js#5198). */
const MAX_ADDRESS_CHARS = 8000;

export interface MarkContext {
  ctx: Excel.RequestContext;
  sync(): Promise<void>;
  /** Suspends calculation and screen updating until the next sync; called before queuing writes. */
  quiet(): void;
  /** ExcelApi 1.9: one rule per (sheet, severity) over a RangeAreas; otherwise one per run of cells. */
  areas: boolean;
}

interface SheetEntry {
  sheet: Excel.Worksheet;
  name: string;
  protected: boolean;
}

/** Our rules found on one sheet. `unreadable` counts rules Excel could not describe (maybe ours). */
interface SheetRules {
  entry: SheetEntry;
  ours: Excel.ConditionalFormat[];
  unreadable: number;
  /** The sheet's rules could not be listed at all. */
  unlisted: boolean;
}

function rulesUnlisted(sheet: string): Bilingual {
  return message('host.excel.rules-unlisted', { sheet });
}

function rulesUnreadable(sheet: string, count: number): Bilingual {
  return message('host.excel.rules-unreadable', { sheet, count });
}

function rulesUndeletable(sheet: string, count: number): Bilingual {
  return message('host.excel.rules-undeletable', { sheet, count });
}

function marksFailed(sheet: string, count: number, detail: string): Bilingual {
  return message('host.excel.marks-failed', { sheet, count, detail });
}

function detailOf(e: unknown): string {
  const code = e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : '';
  const text = e instanceof Error ? e.message : String(e);
  return code && !text.includes(code) ? `${code}: ${text}` : text;
}

/** Sync 1: every sheet with its name and protection. */
async function listSheets(m: MarkContext): Promise<SheetEntry[]> {
  const sheets = m.ctx.workbook.worksheets;
  sheets.load('items/name,items/protection/protected');
  await m.sync();
  return sheets.items.map((sheet) => ({ sheet, name: sheet.name, protected: sheet.protection.protected }));
}

/** One of our marks, finished or left unfinished by a failed batch. */
function isOurs(formula: string | null | undefined): boolean {
  return markSeverity(formula) !== null || isUnfinishedMark(formula);
}

function ruleCollection(entry: SheetEntry): Excel.ConditionalFormatCollection {
  return entry.sheet.getRange().conditionalFormats;
}

/**
 * Our rules on the given sheets. Sync 2 in the normal case: types and custom formulas in one
 * load. `customOrNullObject` rather than `custom`: loading `custom` on a collection that also
 * holds data bars or colour scales fails the whole sync (office-js#2180).
 */
async function findRules(m: MarkContext, entries: SheetEntry[]): Promise<SheetRules[]> {
  const collections = entries.map((entry) => {
    const c = ruleCollection(entry);
    c.load('items/type,items/customOrNullObject/rule/formula');
    return c;
  });
  try {
    await m.sync();
  } catch (e) {
    if (isSyncTimeout(e)) throw e;
    return findRulesSlowly(m, entries);
  }
  return entries.map((entry, i) => {
    const ours: Excel.ConditionalFormat[] = [];
    for (const cf of collections[i].items) {
      if (cf.type !== 'Custom' || cf.customOrNullObject.isNullObject) continue;
      if (isOurs(cf.customOrNullObject.rule.formula)) ours.push(cf);
    }
    return { entry, ours, unreadable: 0, unlisted: false };
  });
}

/**
 * The recovery path of findRules: rule types of all sheets in one sync (each sheet on its own
 * when that fails too), then the formulas of the custom rules, in halves down to single rules
 * when a sync fails, so an unreadable rule costs only itself.
 */
async function findRulesSlowly(m: MarkContext, entries: SheetEntry[]): Promise<SheetRules[]> {
  const out: SheetRules[] = entries.map((entry) => ({ entry, ours: [], unreadable: 0, unlisted: false }));
  let typed: Excel.ConditionalFormatCollection[] | null = entries.map((entry) => ruleCollection(entry).load('items/type'));
  try {
    await m.sync();
  } catch (e) {
    if (isSyncTimeout(e)) throw e;
    typed = null;
  }
  const customs: Array<{ at: number; cf: Excel.ConditionalFormat }> = [];
  for (let i = 0; i < entries.length; i++) {
    let items: Excel.ConditionalFormat[];
    if (typed) {
      items = typed[i].items;
    } else {
      const one = ruleCollection(entries[i]).load('items/type');
      try {
        // eslint-disable-next-line no-restricted-syntax -- only when listing all sheets in one sync failed: one sheet per sync, to find the sheet Excel refuses
        await m.sync();
        items = one.items;
      } catch (e) {
        if (isSyncTimeout(e)) throw e;
        out[i].unlisted = true;
        continue;
      }
    }
    for (const cf of items) if (cf.type === 'Custom') customs.push({ at: i, cf });
  }
  const pending = [customs];
  while (pending.length > 0) {
    const part = pending.pop() as typeof customs;
    if (part.length === 0) continue;
    for (const { cf } of part) cf.custom.rule.load('formula');
    try {
      // eslint-disable-next-line no-restricted-syntax -- the fallback after a failed listing: formulas read in halves until the unreadable rule is isolated
      await m.sync();
    } catch (e) {
      if (isSyncTimeout(e)) throw e;
      if (part.length === 1) {
        out[part[0].at].unreadable++;
      } else {
        const mid = Math.ceil(part.length / 2);
        pending.push(part.slice(mid), part.slice(0, mid));
      }
      continue;
    }
    for (const { at, cf } of part) if (isOurs(cf.custom.rule.formula)) out[at].ours.push(cf);
  }
  return out;
}

/** Queues one mark rule over `target` (a range or, with ExcelApi 1.9, a RangeAreas). */
function addMarkRule(collection: Excel.ConditionalFormatCollection, severity: Finding['severity']): void {
  const cf = collection.add('Custom');
  cf.custom.rule.formula = markFormula(severity);
  const style = MARK_STYLES[severity];
  cf.custom.format.fill.color = style.fill;
  if (style.font) cf.custom.format.font.color = style.font;
}

interface SheetWork {
  rules: SheetRules;
  groups: Array<{ severity: Finding['severity']; runs: Rect[] }>;
  /** Findings marked on this sheet (for messages). */
  findings: number;
}

function queueAdds(m: MarkContext, work: SheetWork): void {
  const sheet = work.rules.entry.sheet;
  for (const g of work.groups) {
    const addresses = g.runs.map(rectAddress);
    if (m.areas) {
      for (const list of chunkAddressList(addresses, MAX_ADDRESS_CHARS)) addMarkRule(sheet.getRanges(list).conditionalFormats, g.severity);
    } else {
      for (const a of addresses) addMarkRule(sheet.getRange(a).conditionalFormats, g.severity);
    }
  }
}

/**
 * One sheet's deletes and adds after the all-sheets sync failed: its rules listed afresh (the
 * failed sync may have deleted some), then the deletes and adds in one sync; when that fails,
 * each delete in a sync of its own and the adds in one more. Problems go to `problems`.
 */
async function redoSheet(m: MarkContext, work: SheetWork, problems: Bilingual[]): Promise<void> {
  const name = work.rules.entry.name;
  const [fresh] = await findRules(m, [work.rules.entry]);
  if (fresh.unlisted) {
    problems.push(rulesUnlisted(name));
    return;
  }
  if (fresh.unreadable > 0) problems.push(rulesUnreadable(name, fresh.unreadable));
  m.quiet();
  for (const cf of fresh.ours) cf.delete();
  queueAdds(m, work);
  try {
    await m.sync();
    return;
  } catch (e) {
    if (isSyncTimeout(e)) throw e;
  }
  const [left] = await findRules(m, [work.rules.entry]);
  let undeletable = 0;
  for (const cf of left.ours) {
    m.quiet();
    cf.delete();
    try {
      // eslint-disable-next-line no-restricted-syntax -- the fallback after a failed batch: one rule per sync, so that one rule Excel refuses is isolated and reported
      await m.sync();
    } catch (e) {
      if (isSyncTimeout(e)) throw e;
      undeletable++;
    }
  }
  if (undeletable > 0) problems.push(rulesUndeletable(name, undeletable));
  if (work.groups.length === 0) return;
  m.quiet();
  queueAdds(m, work);
  try {
    await m.sync();
  } catch (e) {
    if (isSyncTimeout(e)) throw e;
    problems.push(marksFailed(name, work.findings, detailOf(e)));
  }
}

/**
 * Replaces our marks with marks for `findings` (null: clears them). Protected sheets are left
 * alone and reported; a sheet or rule Excel fails on is reported and the rest goes on.
 */
export async function writeMarks(m: MarkContext, findings: Finding[] | null): Promise<MarkReport> {
  const problems: Bilingual[] = [];
  const entries = await listSheets(m); // sync 1
  const { groups } = groupMarks(findings ?? [], entries.map((e) => e.name));
  const bySheet = new Map<string, SheetWork['groups']>();
  const countBySheet = new Map<string, number>();
  for (const g of groups) {
    const list = bySheet.get(g.sheet) ?? [];
    list.push({ severity: g.severity, runs: g.runs });
    bySheet.set(g.sheet, list);
  }
  const lower = new Map(entries.map((e) => [e.name.toLowerCase(), e.name]));
  for (const f of findings ?? []) {
    const name = f.cells[0] && lower.get(f.cells[0].sheet.toLowerCase());
    if (name) countBySheet.set(name, (countBySheet.get(name) ?? 0) + 1);
  }

  const open = entries.filter((e) => !e.protected);
  const rules = await findRules(m, open); // sync 2

  // Protected sheets: say so for those with findings to mark (marking) or with marks of ours
  // left (clearing; their rules are listed only then, on this rare path).
  const locked = entries.filter((e) => e.protected);
  if (findings) {
    for (const e of locked) if (bySheet.has(e.name)) problems.push(sheetProtectedForMarks(e.name, countBySheet.get(e.name) ?? 0));
  } else if (locked.length > 0) {
    for (const r of await findRules(m, locked)) if (r.ours.length > 0 || r.unreadable > 0) problems.push(sheetProtectedForClear(r.entry.name));
  }

  const work: SheetWork[] = [];
  for (const r of rules) {
    if (r.unlisted) {
      problems.push(rulesUnlisted(r.entry.name));
      continue;
    }
    if (r.unreadable > 0) problems.push(rulesUnreadable(r.entry.name, r.unreadable));
    const g = bySheet.get(r.entry.name) ?? [];
    if (r.ours.length > 0 || g.length > 0) work.push({ rules: r, groups: g, findings: countBySheet.get(r.entry.name) ?? 0 });
  }
  if (work.length === 0) return { problems };

  m.quiet();
  for (const w of work) {
    for (const cf of w.rules.ours) cf.delete();
    queueAdds(m, w);
  }
  try {
    await m.sync(); // sync 3
  } catch (e) {
    if (isSyncTimeout(e)) throw e;
    for (const w of work) await redoSheet(m, w, problems);
  }
  return { problems };
}
