// Structure over time, per entity that reports both periods (has at least one number in each):
// - history.vanished (warning): a number in the base period, no number and no unreadable cell now;
// - history.new (info): a number now, nothing in the base period;
// - history.rate-fell (warning): a mandated-100 % rate (isMandatedRate) that was 100 % in the
//   base period (within half its display step) and is below that now; the message names both
//   years. The single-period rate check still reports the current value as an error.
// The base period is the entity's latest earlier reported period unless one is asked for.
import { isMandatedRate } from '../checks/rates';
import { F_APPROX, parsedKindOf, PK_MISSING } from '../obs-flags';
import { dataOfPanel, type Panel, type PanelData, type Series, type SeriesPoint } from './panel';
import { basePeriodFor, currentPlan, drawSeries, setSeriesIndex, fmtPoint, type HistoryFinding, type HistoryOptions } from './common';
import { historyMessage, whoText, yearText } from './messages';

function metHundred(p: SeriesPoint): boolean {
  return !p.approximate && p.value >= 1 - p.step / 2 - 1e-12;
}

/** The structure finding of one series between two periods, if any. */
function structureFinding(s: Series, current: string, basePeriod: string, periods: string[]): HistoryFinding | undefined {
  const now = s.points.find((p) => p.period === current);
  const before = s.points.find((p) => p.period === basePeriod);
  const nowGap = s.gaps.find((g) => g.period === current);
  const beforeGap = s.gaps.find((g) => g.period === basePeriod);
  const common = { indicator: s.label, entity: s.entity || undefined, period: current, method: 'structure' as const };
  const detail = { method: 'structure' as const, key: s.key, entity: s.entity, currentPeriod: current, basePeriod };
  const drawn = () => drawSeries(s, periods, current);
  const who = whoText(s.entity);
  if (before && !now && nowGap?.status !== 'unreadable') {
    const cells = nowGap ? [nowGap.cell, before.cell] : [before.cell];
    return {
      ruleId: 'history.vanished',
      severity: 'warning',
      cells,
      message: historyMessage('history.vanished', { indicator: s.label, who, base: yearText(basePeriod), current: yearText(current), baseValue: fmtPoint(before) }),
      values: nowGap ? [null, before.value] : [before.value],
      ...common,
      series: drawn(),
      detail: { ...detail, currentValue: null, baseValue: before.value, files: cells.map((c) => c.file) },
    };
  } else if (now && !before && beforeGap?.status !== 'unreadable') {
    const cells = beforeGap ? [now.cell, beforeGap.cell] : [now.cell];
    return {
      ruleId: 'history.new',
      severity: 'info',
      cells,
      message: historyMessage('history.new', { indicator: s.label, who, base: yearText(basePeriod), current: yearText(current), currentValue: fmtPoint(now) }),
      values: beforeGap ? [now.value, null] : [now.value],
      ...common,
      series: drawn(),
      detail: { ...detail, currentValue: now.value, baseValue: null, files: cells.map((c) => c.file) },
    };
  } else if (now && before && isMandatedRate(s.name) && metHundred(before) && !now.approximate && !metHundred(now)) {
    return {
      ruleId: 'history.rate-fell',
      severity: 'warning',
      cells: [now.cell, before.cell],
      message: historyMessage('history.rate-fell', {
        indicator: s.label,
        who,
        base: yearText(basePeriod),
        current: yearText(current),
        baseValue: fmtPoint(before),
        currentValue: fmtPoint(now),
      }),
      values: [now.value, before.value],
      expected: 1,
      difference: now.value - before.value,
      ...common,
      series: drawn(),
      detail: {
        ...detail,
        currentValue: now.value,
        baseValue: before.value,
        change: now.value - before.value,
        relativeChange: before.value === 0 ? null : (now.value - before.value) / Math.abs(before.value),
        bounds: { lower: 1, upper: 1 },
        files: [now.cell.file, before.cell.file],
      },
    };
  }
  return undefined;
}

export function detectStructure(panel: Panel, options: HistoryOptions): HistoryFinding[] {
  const pd = dataOfPanel(panel);
  if (pd) return detectStructureColumns(panel, pd, options);
  const out: HistoryFinding[] = [];
  const byEntity = new Map<string, Series[]>();
  for (const s of panel.series) {
    const list = byEntity.get(s.entity);
    if (list) list.push(s);
    else byEntity.set(s.entity, [s]);
  }
  for (const { period: current, entities } of currentPlan(panel, options)) {
    for (const entity of panel.entities) {
      if (entities && !entities.has(entity)) continue;
      const reported = panel.coverage[entity] ?? [];
      if (!reported.includes(current)) continue;
      const basePeriod = basePeriodFor(current, reported, options);
      if (!basePeriod || !reported.includes(basePeriod)) continue;
      for (const s of byEntity.get(entity) ?? []) {
        const f = structureFinding(s, current, basePeriod, panel.periods);
        if (f) out.push(f);
      }
    }
  }
  return out;
}

/** detectStructure on the panel's columns: series that may have something to say become objects. */
function detectStructureColumns(panel: Panel, pd: PanelData, options: HistoryOptions): HistoryFinding[] {
  const out: HistoryFinding[] = [];
  const byEntity = new Map<string, number[]>();
  for (let s = 0; s < pd.seriesCount; s++) {
    const entity = pd.entityNames[pd.seriesEntity[s]];
    const list = byEntity.get(entity);
    if (list) list.push(s);
    else byEntity.set(entity, [s]);
  }
  const mandated = new Map<string, boolean>();
  const met = (k: number) => (pd.flags(k) & F_APPROX) === 0 && pd.value(k) >= 1 - pd.step(k) / 2 - 1e-12;
  const unreadableGap = (k: number) => k >= 0 && parsedKindOf(pd.flags(k)) !== PK_MISSING;
  for (const { period: current, entities } of currentPlan(panel, options)) {
    for (const entity of panel.entities) {
      if (entities && !entities.has(entity)) continue;
      const reported = panel.coverage[entity] ?? [];
      if (!reported.includes(current)) continue;
      const basePeriod = basePeriodFor(current, reported, options);
      if (!basePeriod || !reported.includes(basePeriod)) continue;
      const cp = pd.periodIndex(current);
      const bp = pd.periodIndex(basePeriod);
      for (const s of byEntity.get(entity) ?? []) {
        const now = cp < 0 ? -1 : pd.pointAt(s, cp);
        const before = bp < 0 ? -1 : pd.pointAt(s, bp);
        let candidate = false;
        if (before >= 0 && now < 0) candidate = !unreadableGap(cp < 0 ? -1 : pd.gapAt(s, cp));
        else if (now >= 0 && before < 0) candidate = !unreadableGap(bp < 0 ? -1 : pd.gapAt(s, bp));
        // A rate that fell from 100 %: most series are still met now, so that is asked first.
        else if (now >= 0 && before >= 0 && !met(now) && (pd.flags(now) & F_APPROX) === 0 && met(before)) {
          const name = pd.series(s).name;
          let m = mandated.get(name);
          if (m === undefined) mandated.set(name, (m = isMandatedRate(name)));
          candidate = m;
        }
        if (!candidate) continue;
        const f = structureFinding(pd.series(s), current, basePeriod, panel.periods);
        if (f) {
          setSeriesIndex(f, s);
          out.push(f);
        }
      }
    }
  }
  return out;
}
