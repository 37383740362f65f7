// Cross-period and cross-district anomalies (历史审核) for supervisors: a panel of series built
// from one or several workbooks, and the detectors run over it. Soft checks: warnings (new
// indicators: info), each naming the entity, both periods, both values, the change, the method
// and its bounds, and carrying the series for drawing.
//
//   const panel = buildPanel(files.map((f) => ({ file: f.name, model: analyzeWorkbook(f.snapshot).model })));
//   const findings = detectAnomalies(panel, { yoy: { relative: { count: 0.3 } } });
import { conflictSeries, dataOfPanel, type Panel, type PanelConflict, type Series } from './panel';
import { resolveOptions, drawSeries, findingSeries, fmtPoint, type HistoryFinding, type HistoryOptionsInput } from './common';
import { detectHb } from './hb';
import { both, historyMessage, whoText, yearText } from './messages';
import { detectRobust } from './robust';
import { detectStructure } from './structure';
import { detectYoy } from './yoy';

export { buildPanel } from './align';
export { findSeries, pointAt } from './panel';
export type { Panel, PanelCell, PanelConflict, PanelInput, Series, SeriesGap, SeriesPoint } from './panel';
export { DEFAULT_HISTORY_OPTIONS, resolveOptions } from './common';
export type {
  HbOptions,
  HistoryDetail,
  HistoryFinding,
  HistoryMethod,
  HistoryOptions,
  HistoryOptionsInput,
  RobustOptions,
  YoyOptions,
} from './common';
export { detectHb, hbForKey, hbValueRange, hidiroglouBerthelot } from './hb';
export type { HbResult, HbScore, HbUnit } from './hb';
export { detectRobust, evaluateRobust, MAD_CONSTANT } from './robust';
export { detectStructure } from './structure';
export { detectYoy, evaluateYoy, nearPowerOfTen } from './yoy';

function cellText(c: { file: string; sheet: string; address: string }, files: number): string {
  return files > 1 ? `${c.file} ${c.sheet}!${c.address}` : `${c.sheet}!${c.address}`;
}

/** The same series and period with two different values (two sheets or files): history.conflict. */
export function detectConflicts(panel: Panel): HistoryFinding[] {
  const pd = dataOfPanel(panel);
  let byId: Map<string, Series> | undefined;
  const seriesOf = (c: PanelConflict) => {
    const i = pd ? conflictSeries.get(c) : undefined;
    if (pd && i !== undefined) return pd.series(i);
    byId ??= new Map(panel.series.map((s) => [s.id, s]));
    return byId.get(c.seriesId)!;
  };
  return panel.conflicts.map((c) => {
    const s = seriesOf(c);
    const f: HistoryFinding = {
      ruleId: 'history.conflict',
      severity: 'warning',
      cells: [c.kept.cell, c.other.cell],
      message: historyMessage('history.conflict', {
        indicator: s.label,
        who: whoText(s.entity),
        period: yearText(c.period),
        first: both(cellText(c.kept.cell, panel.files.length)),
        second: both(cellText(c.other.cell, panel.files.length)),
        firstValue: fmtPoint(c.kept),
        secondValue: fmtPoint(c.other),
      }),
      values: [c.kept.value, c.other.value],
      difference: c.other.value - c.kept.value,
      indicator: s.label,
      entity: s.entity || undefined,
      period: c.period,
      method: 'conflict',
      series: drawSeries(s, panel.periods, panel.periods[panel.periods.length - 1] ?? c.period),
      detail: {
        method: 'conflict',
        key: s.key,
        entity: s.entity,
        currentPeriod: c.period,
        currentValue: c.kept.value,
        baseValue: c.other.value,
        change: c.other.value - c.kept.value,
        files: [c.kept.cell.file, c.other.cell.file],
      },
    };
    const i = pd ? conflictSeries.get(c) : undefined;
    if (i !== undefined) findingSeries.set(f, i);
    return f;
  });
}

const METHOD_ORDER = { conflict: 0, structure: 1, yoy: 2, robust: 3, hb: 4 } as const;

/**
 * Runs the cross-period detectors over a panel. Options are merged over
 * DEFAULT_HISTORY_OPTIONS. Findings come ordered by entity (panel order), indicator (panel
 * order), period and method.
 */
export function detectAnomalies(panel: Panel, options: HistoryOptionsInput = {}): HistoryFinding[] {
  const o = resolveOptions(options);
  const found: HistoryFinding[] = [];
  if (o.detectors.conflict) found.push(...detectConflicts(panel));
  if (o.detectors.structure) found.push(...detectStructure(panel, o));
  if (o.detectors.yoy) found.push(...detectYoy(panel, o));
  if (o.detectors.robust) found.push(...detectRobust(panel, o));
  if (o.detectors.hb) found.push(...detectHb(panel, o));
  const entityOrder = new Map(panel.entities.map((e, i) => [e, i]));
  // The series of a finding: known to the detectors that ran on the panel's columns.
  let seriesOrder: Map<string, number> | undefined;
  const pd = dataOfPanel(panel);
  const seriesIndex = (f: HistoryFinding): number | undefined => {
    const known = findingSeries.get(f);
    if (known !== undefined) return known;
    const id = `${f.detail.entity}\u0000${f.detail.key}`;
    if (pd) {
      const i = pd.indexOf(id);
      return i < 0 ? undefined : i;
    }
    seriesOrder ??= new Map(panel.series.map((s, i) => [`${s.entity}\u0000${s.key}`, i]));
    return seriesOrder.get(id);
  };
  const key = (f: HistoryFinding): Array<number | string> => [
    entityOrder.get(f.detail.entity) ?? 1e9,
    seriesIndex(f) ?? 1e9,
    f.detail.currentPeriod,
    METHOD_ORDER[f.method],
  ];
  return found
    .map((f, i) => ({ f, k: key(f), i }))
    .sort((a, b) => {
      for (let j = 0; j < a.k.length; j++) if (a.k[j] !== b.k[j]) return a.k[j] < b.k[j] ? -1 : 1;
      return a.i - b.i;
    })
    .map((x) => x.f);
}
