// The prose against the sheet: where the workbook has the same indicator for the report's year,
// the value in the text and the value in the cell are compared. Pure TypeScript.
//
// Matching is deliberately strict, since a wrong match produces a false warning:
// - the mention's normalised phrase equals the row's normalised name, or ends with it and the
//   name has at least 4 characters (2022年我局重大执法决定法制审核案件 ↔ 法制审核案件 would
//   not match; 我局重大执法决定法制审核案件 ↔ 重大执法决定法制审核案件 does);
// - the kinds agree (rate with rate, count with count, money with money);
// - one observation of the row for the period (and entity, when given);
// - a row matched by several mentions is compared only if exactly one of them is not equal
//   to the cell and none is: a subset and its whole (85份 vs 129份) must not raise a warning;
// - a figure of part of a year (上半年, 1—10月, 第三季度: Mention.period) is not compared with the
//   sheet's yearly value, which it cannot equal.
import type { IndicatorRow, Observation } from '../model';
import type { Finding } from '../types';
import { periodLabel } from '../messages';
import { formatNumber } from '../numerals';
import type { Mention } from './extract';
import { normalizePhrase } from './extract';
import { textMsg } from './messages';

export interface SheetMatch {
  mention: Mention;
  row: IndicatorRow;
  observation: Observation;
  /** equal: same value within rounding; differs: a warning; approx: not compared (约数); ambiguous: several mentions, none equal. */
  status: 'equal' | 'differs' | 'approx' | 'ambiguous';
}

export interface CompareOptions {
  /** Period of the report (年份 as in the sheet, e.g. '2022'); default: the latest period in the observations. */
  period?: string;
  /** Entity (地区) of the report in a long table; default: rows with a single entity only. */
  entity?: string;
  /** The report's name, for the line reference of findings (default '报告文本'). */
  report?: string;
}

function rowKey(row: IndicatorRow): string {
  // 罚款金额（万元） → 罚款金额: a unit in brackets at the end is no part of the name.
  return normalizePhrase(row.key.replace(/[(（][^()（）]*[)）]$/, ''));
}

function matches(mentionKey: string, key: string): boolean {
  if (key.length < 2 || mentionKey.length < 2) return false;
  if (mentionKey === key) return true;
  return key.length >= 4 && mentionKey.endsWith(key);
}

/** Smallest written step of a mention in base units (98.3% → 0.001, 94.23万元 → 100). */
export function mentionStep(m: Mention): number {
  return m.percent ? 10 ** -(m.decimals + 2) : 10 ** -m.decimals;
}

function showObservation(o: Observation): string {
  if (o.value === undefined) return '';
  if (o.kind === 'rate') return `${formatNumber(o.value * 100)}%`;
  return formatNumber(o.value);
}

/**
 * Compares mentions with the observations of indicator rows. Returns every match and a warning
 * (`text.sheet-mismatch`) for each value that differs. The finding's first cell is the sheet
 * cell; the second is the report line (`{sheet: report, address: 'L<line>'}`).
 */
export function compareWithSheet(
  mentions: readonly Mention[],
  rows: Iterable<IndicatorRow>,
  observations: readonly Observation[],
  options: CompareOptions = {},
): { matches: SheetMatch[]; findings: Finding[] } {
  const report = options.report ?? '报告文本';
  const periods = [...new Set(observations.map((o) => o.period))].sort();
  const period = options.period ?? periods[periods.length - 1];
  const byRow = new Map<number, Observation[]>();
  for (const o of observations) {
    if (o.period !== period) continue;
    if (options.entity !== undefined && o.entity !== options.entity) continue;
    const list = byRow.get(o.rowId);
    if (list) list.push(o);
    else byRow.set(o.rowId, [o]);
  }
  const out: SheetMatch[] = [];
  const findings: Finding[] = [];
  for (const row of rows) {
    const obs = byRow.get(row.id);
    if (!obs || obs.length !== 1) continue;
    const o = obs[0];
    if (o.value === undefined) continue;
    const key = rowKey(row);
    const candidates = mentions.filter(
      (m) => !m.period?.partial && matches(m.key, key) && (m.kind === o.kind || (m.percent && o.kind === 'rate')),
    );
    if (candidates.length === 0) continue;
    const judged = candidates.map((m) => {
      if (m.approx || o.approximate) return { m, status: 'approx' as const };
      const tol = Math.max(o.step, mentionStep(m)) / 2 + 1e-9 * Math.max(1, Math.abs(o.value as number));
      return { m, status: Math.abs(m.value - (o.value as number)) <= tol ? ('equal' as const) : ('differs' as const) };
    });
    const anyEqual = judged.some((j) => j.status === 'equal');
    const differing = judged.filter((j) => j.status === 'differs');
    for (const j of judged) {
      let status: SheetMatch['status'] = j.status;
      if (status === 'differs' && (anyEqual || differing.length > 1)) status = 'ambiguous';
      out.push({ mention: j.m, row, observation: o, status });
      if (status !== 'differs') continue;
      findings.push({
        ruleId: 'text.sheet-mismatch',
        severity: 'warning',
        cells: [
          { sheet: o.sheet, address: o.address },
          { sheet: report, address: `L${j.m.line}` },
        ],
        message: textMsg('text.sheet-mismatch', {
          line: j.m.line,
          text: `${j.m.phrase}${j.m.text}`,
          sheet: o.sheet,
          cell: o.address,
          indicator: row.label,
          period: periodLabel(o.period),
          sheetValue: showObservation(o),
        }),
        values: [o.value, j.m.value],
        expected: o.value,
        difference: Number((j.m.value - (o.value as number)).toPrecision(15)),
        indicator: row.label,
        period: o.period || undefined,
        entity: o.entity || undefined,
      });
    }
  }
  return { matches: out, findings };
}
