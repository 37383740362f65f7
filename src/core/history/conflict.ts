// The same series and period with two different values, in two sheets or two files
// (history.conflict): the cross-period checks use the first, and the user should know.
import { drawSeries, setSeriesIndex, fmtPoint, type HistoryFinding } from './common';
import { both, historyMessage, whoText, yearText } from './messages';
import { dataOfPanel, type Panel, type PanelConflict, type Series } from './panel';

function cellText(c: { file: string; sheet: string; address: string }, files: number): string {
  return files > 1 ? `${c.file} ${c.sheet}!${c.address}` : `${c.sheet}!${c.address}`;
}

/** One warning per conflict the panel met, naming both cells and both values. */
export function detectConflicts(panel: Panel): HistoryFinding[] {
  const pd = dataOfPanel(panel);
  let byId: Map<string, Series> | undefined;
  const seriesOf = (c: PanelConflict) => {
    const i = pd ? c.seriesIndex : undefined;
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
    const i = pd ? c.seriesIndex : undefined;
    if (i !== undefined) setSeriesIndex(f, i);
    return f;
  });
}

