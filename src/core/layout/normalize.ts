// A parsed cell value in base units: 万元 → 元, rates → fractions, with its display step.
import type { Observation, ValueKind } from '../model';
import { KIND_INDEX } from '../obs-flags';
import { unitKind, unitScale } from '../units';
import type { ParsedValue } from '../values';

/** unitKind and unitScale results by unit and name: a sheet repeats a few units and names. */
const kindMemo = new Map<string | undefined, Map<string, ValueKind>>();
const scaleMemo = new Map<string | undefined, number>();
const MEMO_LIMIT = 20_000;

export function kindOf(unit: string | undefined, name: string): ValueKind {
  let byName = kindMemo.get(unit);
  if (!byName) {
    if (kindMemo.size > MEMO_LIMIT) kindMemo.clear();
    kindMemo.set(unit, (byName = new Map()));
  }
  let k = byName.get(name);
  if (k === undefined) {
    if (byName.size > MEMO_LIMIT) byName.clear();
    byName.set(name, (k = unitKind(unit, name)));
  }
  return k;
}

/** unitScale(unit).factor, memoised. */
export function unitFactor(unit: string | undefined): number {
  let f = scaleMemo.get(unit);
  if (f === undefined) {
    if (scaleMemo.size > MEMO_LIMIT) scaleMemo.clear();
    scaleMemo.set(unit, (f = unitScale(unit).factor));
  }
  return f;
}

/**
 * Brings a parsed value to base units: 万元 → 元, rates → fractions; computes the display step.
 * `fractions`: the indicator's plain numbers under a % unit are already fractions (1 = 100 %),
 * as the sheet-wide look at its values decided (percentFractionKeys).
 */
export function normalizeValue(parsed: ParsedValue, columnUnit: string | undefined, name: string, fractions = false): Pick<Observation, 'value' | 'step' | 'approximate' | 'kind'> {
  const unit = parsed.kind === 'number' || parsed.kind === 'approx' ? parsed.unit ?? columnUnit : columnUnit;
  const kind = kindOf(unit, name);
  if (parsed.kind !== 'number' && parsed.kind !== 'approx') return { step: 1, approximate: false, kind };
  const approximate = parsed.kind === 'approx';
  const baseStep = Math.pow(10, -parsed.decimals);
  if (parsed.percent) return { value: parsed.value, step: baseStep / 100, approximate, kind: 'rate' };
  const unitIsPercent = unit !== undefined && /^[%％‰]$/.test(unit.trim());
  if (unitIsPercent || (kind === 'rate' && Math.abs(parsed.value) > 1)) {
    const per = unit?.trim() === '‰' ? 1000 : unitIsPercent && fractions ? 1 : 100;
    return { value: parsed.value / per, step: baseStep / per, approximate, kind: 'rate' };
  }
  if (kind === 'rate') return { value: parsed.value, step: baseStep, approximate, kind };
  // A unit written in the cell text was applied by the parser already; a column unit is applied here.
  const factor = parsed.unit ? 1 : unitFactor(columnUnit);
  return { value: parsed.value * factor, step: baseStep * factor, approximate, kind };
}

/**
 * What normalizeValue does to a plain number (no unit in the cell, no percent format) of a row
 * with this column unit and name: the same steps, decided once per row.
 */
export interface PlainNumberRule {
  kind: ValueKind;
  /** `kind` as model-data's K_* index. */
  kindIndex: number;
  /** The column unit is %, ％ or ‰. */
  percentUnit: boolean;
  /** Divisor of a percentage (100, or 1000 for ‰). */
  per: number;
  /** unitScale(columnUnit).factor. */
  factor: number;
}

export function plainNumberRule(columnUnit: string | undefined, name: string, fractions = false): PlainNumberRule {
  const kind = kindOf(columnUnit, name);
  const percentUnit = columnUnit !== undefined && /^[%％‰]$/.test(columnUnit.trim());
  return {
    kind,
    kindIndex: KIND_INDEX[kind],
    percentUnit,
    per: columnUnit?.trim() === '‰' ? 1000 : percentUnit && fractions ? 1 : 100,
    factor: unitFactor(columnUnit),
  };
}

/** Whether a unit text is a percent sign (%, ％): the unit whose numbers may be fractions or points. */
export function isPercentUnit(unit: string | undefined): boolean {
  return unit !== undefined && /^[%％]$/.test(unit.trim());
}

/**
 * The indicators (normalised names) whose plain numbers under a % unit are fractions: every such
 * number of the indicator on the sheet lies within 0–1 (1, 0.92), so 1 means 100 %. When any of
 * them is above 1 they are percentage points (100, 92). `cells` yields (label, unit, raw value,
 * number format) for each value cell; text such as `100%` and %-formatted numbers carry their own
 * meaning and are not counted.
 */
export function percentFractionKeys(cells: (visit: (label: string, unit: string | undefined, raw: unknown, format: string | undefined) => void) => void, key: (label: string) => string, plainFormat: (format: string) => boolean): Set<string> {
  const seen = new Map<string, boolean>();
  cells((label, unit, raw, format) => {
    if (!isPercentUnit(unit) || typeof raw !== 'number' || !Number.isFinite(raw)) return;
    if (format !== undefined && !plainFormat(format)) return;
    const k = key(label);
    const fraction = raw >= 0 && raw <= 1;
    const before = seen.get(k);
    seen.set(k, before === undefined ? fraction : before && fraction);
  });
  const out = new Set<string>();
  for (const [k, fraction] of seen) if (fraction) out.add(k);
  return out;
}
