// Cross-period and cross-district anomalies (历史审核) for supervisors: a panel of series built
// from one or several workbooks, and the detectors run over it. Soft checks: warnings (new
// indicators: info), each naming the entity, both periods, both values, the change, the method
// and its bounds, and carrying the series for drawing.
//
//   const panel = buildPanel(files.map((f) => ({ file: f.name, model: analyzeWorkbook(f.snapshot).model })));
//   const findings = detectAnomalies(panel, { yoy: { relative: { count: 0.3 } } });
import { dataOfPanel, type Panel } from './panel';
import { resolveOptions, type HistoryFinding, type HistoryOptionsInput } from './common';
import { PANEL_CHECKS } from '../checks/registry';

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
export { detectConflicts } from './conflict';

const METHOD_ORDER = { conflict: 0, structure: 1, yoy: 2, robust: 3, hb: 4 } as const;

/**
 * Runs the cross-period detectors over a panel. Options are merged over
 * DEFAULT_HISTORY_OPTIONS. Findings come ordered by entity (panel order), indicator (panel
 * order), period and method.
 */
export function detectAnomalies(panel: Panel, options: HistoryOptionsInput = {}): HistoryFinding[] {
  const o = resolveOptions(options);
  const found: HistoryFinding[] = [];
  // The detectors of the registry, each when the options leave it on.
  for (const check of PANEL_CHECKS) {
    if (!o.detectors[check.detector]) continue;
    for (const f of check.run({ panel, options: o })) found.push(f as HistoryFinding);
  }
  const entityOrder = new Map(panel.entities.map((e, i) => [e, i]));
  // The series of a finding: known to the detectors that ran on the panel's columns.
  let seriesOrder: Map<string, number> | undefined;
  const pd = dataOfPanel(panel);
  const seriesIndex = (f: HistoryFinding): number | undefined => {
    const known = f.seriesIndex;
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
