// The part of the 跨年 tab that needs the engine: reads the last check's workbook into the panel
// of series (years, indicators, their cells). Loaded with import() by CrossYearPanel, so the
// engine stays out of the pane's first load.
import { analyzeWorkbook } from '../../core/engine';
import { buildPanel, DEFAULT_HISTORY_OPTIONS } from '../../core/history';
import type { WorkbookSnapshot } from '../../core/types';
import type { WorkbookHistory } from './cross-year-view-model';

export { DEFAULT_HISTORY_OPTIONS };

/** Years, indicator series (with their cells) and sheet layouts of a workbook, as the detectors see them. */
export function readWorkbookHistory(snapshot: WorkbookSnapshot, entity?: string): WorkbookHistory {
  const { model, sheets } = analyzeWorkbook(snapshot, entity ? { entity } : {});
  const panel = buildPanel([{ file: snapshot.name, model }]);
  return {
    periods: panel.periods,
    entities: panel.entities,
    layouts: Object.fromEntries(sheets.map((s) => [s.sheet, s.layout])),
    series: panel.series.map((s) => ({
      id: s.id,
      entity: s.entity,
      key: s.key,
      label: s.label,
      kind: s.kind,
      points: s.points.map((p) => ({
        period: p.period,
        value: p.value,
        approximate: p.approximate,
        kind: p.kind,
        sheet: p.cell.sheet,
        address: p.cell.address,
      })),
    })),
  };
}
