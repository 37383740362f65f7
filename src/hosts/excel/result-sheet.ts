// Content of the 校验结果 sheet: one row per finding, built as plain arrays so the adapter can
// write them as a single values block. Pure; no Office.js.
import { text as packText } from '../../core/i18n';
import type { Finding, Lang, Severity } from '../../core/types';
import { firstCellOf, cellAddress, quoteSheetName } from './a1';
import { utf8Length } from './read-plan';
import { RESULT_SHEET } from '../../core/sheet-names';

export const RESULT_SHEET_NAME = RESULT_SHEET;
/**
 * Our result sheet is recognised by holding a table whose name starts with this. Table names
 * are unique per workbook, so a renamed old result sheet makes us pick `…_2`, `…_3`.
 */
export const RESULT_TABLE_PREFIX = 'IndicatorCheckResults';
/** The language of the 校验结果 sheet, whatever the pane's; its headers and labels are the packs' host.results.*. */
const RESULT_LANG: Lang = 'zh-CN';
/** Put before the user's 核实说明 of a finding, after its message: `…（核实说明：…）`. */
const EXPLANATION_LABEL = packText(RESULT_LANG, 'host.results.explanation-label');
/**
 * 说明 is the finding's plain sentence (with the user's 核实说明 after it); 详情, last, is its
 * technical part (rule and expression, arithmetic, statistics), blank when it has none, so a
 * clerk reads 说明 and may hide or filter 详情.
 */
export const RESULT_HEADERS: readonly string[] = (
  ['severity', 'rule', 'sheet', 'cell', 'value', 'expected', 'difference', 'message', 'details'] as const
).map((column) => packText(RESULT_LANG, `host.results.header.${column}`));
/** The letter of the table's last column, for the A1:…n ranges the hosts write. */
export const RESULT_LAST_COLUMN = String.fromCharCode('A'.charCodeAt(0) + RESULT_HEADERS.length - 1);
export const RESULT_TABLE_STYLE = 'TableStyleMedium2';

const SEVERITY_LABEL: Record<Severity, string> = {
  error: packText(RESULT_LANG, 'host.results.severity.error'),
  warning: packText(RESULT_LANG, 'host.results.severity.warning'),
  info: packText(RESULT_LANG, 'host.results.severity.info'),
};
/** Excel's limit on text in one cell. */
const MAX_CELL_TEXT = 32_767;

export type ResultCell = string | number | boolean;

/** `=HYPERLINK("#'Sheet'!F5","F5")`, with quotes in the sheet name escaped for both levels. */
export function hyperlinkFormula(sheet: string, address: string): string {
  const target = `#${quoteSheetName(sheet)}!${address}`;
  const lit = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  return `=HYPERLINK(${lit(target)},${lit(address)})`;
}

function text(s: string): string {
  return s.length > MAX_CELL_TEXT ? s.slice(0, MAX_CELL_TEXT - 1) + '…' : s;
}

export interface ResultBlock {
  values: ResultCell[][];
  /**
   * '@' (Text) on every text cell, so Excel stores it verbatim: a value written through
   * `Range.values` that starts with `=`, `+` or `-`, or looks like a number or date, would
   * otherwise be parsed as typed input. 'General' on numbers and on the HYPERLINK formulas.
   */
  numberFormats: string[][];
}

export function buildResultBlock(findings: Finding[]): ResultBlock {
  const values: ResultCell[][] = [[...RESULT_HEADERS]];
  const numberFormats: string[][] = [RESULT_HEADERS.map(() => '@')];
  for (const f of findings) {
    const ref = f.cells[0];
    const pos = ref ? firstCellOf(ref.address) : null;
    const addr = pos ? cellAddress(pos.row, pos.col) : '';
    const row: ResultCell[] = [];
    const fmt: string[] = [];
    const put = (v: string | number | null | undefined): void => {
      if (typeof v === 'number' && Number.isFinite(v)) {
        row.push(v);
        fmt.push('General');
      } else {
        row.push(v === null || v === undefined ? '' : text(String(v)));
        fmt.push('@');
      }
    };
    put(SEVERITY_LABEL[f.severity]);
    put(f.ruleId);
    put(ref ? ref.sheet : '');
    if (ref && addr) {
      row.push(hyperlinkFormula(ref.sheet, addr));
      fmt.push('General');
    } else {
      put(ref ? ref.address : '');
    }
    put(f.values?.[0]);
    put(f.expected);
    put(f.difference);
    const note = f.explanation ? `${f.message[RESULT_LANG]}（${EXPLANATION_LABEL}：${f.explanation}）` : f.message[RESULT_LANG];
    put(note);
    put(f.details?.[RESULT_LANG]);
    values.push(row);
    numberFormats.push(fmt);
  }
  return { values, numberFormats };
}

/**
 * Splits rows [1, n) (row 0 is the header, always in the first piece) into runs whose JSON is
 * at most `budgetBytes`, for Excel on the web's request limit. Returns [start, end) pairs.
 */
export function chunkRowsByBytes(block: ResultBlock, budgetBytes: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  let bytes = 0;
  for (let i = 0; i < block.values.length; i++) {
    const b = utf8Length(JSON.stringify(block.values[i])) + utf8Length(JSON.stringify(block.numberFormats[i]));
    if (i > start && bytes + b > budgetBytes) {
      out.push([start, i]);
      start = i;
      bytes = 0;
    }
    bytes += b;
  }
  out.push([start, block.values.length]);
  return out;
}

/** A table name starting with RESULT_TABLE_PREFIX that is not in `taken` (case-insensitive). */
export function freeTableName(taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(RESULT_TABLE_PREFIX.toLowerCase())) return RESULT_TABLE_PREFIX;
  for (let i = 2; ; i++) {
    const name = `${RESULT_TABLE_PREFIX}_${i}`;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

export function isResultTableName(name: string): boolean {
  return name.toLowerCase().startsWith(RESULT_TABLE_PREFIX.toLowerCase());
}
