// One pass over the observations for the two per-cell checks (cells.ts: Excel errors and
// unreadable text; ranges.ts: counts, rates, money): each check takes its findings from the pass
// the other one made, or makes the pass itself. The findings are those of the checks run alone,
// in observation order.
import { msg, type MessageId } from '../messages';
import { type ModelData } from '../model-data';
import { F_APPROX, K_COUNT, K_MONEY, K_RATE, PK_ERROR, PK_TEXT } from '../obs-flags';
import type { Finding } from '../types';
import { cellOf, display, periodOf, type WorkbookModel } from './context';

/** Rates that may go below 0 or above 100 %: growth, change, compression. */
const UNBOUNDED_RATE = /(增长|增幅|增速|下降|降低|减少|变化|变动|同比|环比|压缩|提高|提升|增减|缩短)/;

interface Scan {
  cells?: Finding[];
  ranges?: Finding[];
}

const pending = new WeakMap<ModelData, Scan>();

/** The findings of one check: from a pass made for the other check, or from a new pass. */
export function scanFindings(model: WorkbookModel, which: 'cells' | 'ranges'): Finding[] {
  const d = model.data;
  let scan = pending.get(d);
  if (!scan || !scan[which]) pending.set(d, (scan = scanObservations(model)));
  const out = scan[which] as Finding[];
  scan[which] = undefined;
  if (!scan.cells && !scan.ranges) pending.delete(d);
  return out;
}

/** What the pass says of an observation: nothing, a cell finding, or a range finding. */
const NONE = 0;
const CELL = 1;
const RANGE_IDS: readonly MessageId[] = ['range.count-negative', 'range.count-integer', 'range.rate', 'range.money-negative'];

function scanObservations(model: WorkbookModel): Scan {
  const cells: Finding[] = [];
  const ranges: Finding[] = [];
  const d = model.data;
  const values = d.obsValue;
  const flagsOf = d.obsFlags;
  // UNBOUNDED_RATE by label: 0 unknown, 1 bounded, 2 unbounded.
  const unbounded = new Uint8Array(d.labels.length);
  // The pass notes what it finds (observation and verdict) and makes the findings after the loop:
  // the slot is written for every observation and counted only for a finding, so the loop has no
  // branch that runs for the first time deep into millions of cells (V8 would drop its optimised
  // code there).
  const mark = d.arena.mark();
  const found = d.arena.ints(Math.max(1, d.obsCount));
  const verdicts = d.arena.bytes(Math.max(1, d.obsCount));
  let n = 0;
  for (let i = 0; i < d.obsCount; i++) {
    const flags = flagsOf[i];
    const pk = flags & 7;
    let verdict = NONE;
    if (pk === PK_ERROR || pk === PK_TEXT) verdict = CELL;
    else {
      const v = values[i];
      const kind = (flags >> 4) & 3;
      if (v !== v) verdict = NONE;
      else if (kind === K_COUNT) {
        if (v < 0) verdict = 2;
        else if (!(flags & F_APPROX) && Math.abs(v - Math.round(v)) > 1e-9) verdict = 3;
      } else if (kind === K_RATE) {
        const ri = d.rowOf(i);
        if (ri >= 0) {
          const li = d.rowLabel[ri];
          if (unbounded[li] === 0) unbounded[li] = UNBOUNDED_RATE.test(d.labels[li].key) ? 2 : 1;
          if (unbounded[li] === 1 && (v < -1e-12 || v > 1 + d.stepOf(i) / 2 + 1e-12)) verdict = 4;
        }
      } else if (kind === K_MONEY) {
        if (v < 0) verdict = 5;
      }
    }
    found[n] = i;
    verdicts[n] = verdict;
    n += verdict === NONE ? 0 : 1;
  }
  // Out of the arena before any finding is made (the arena's bytes are reused from the mark).
  const hits = Array.from(found.subarray(0, n));
  const kinds = Array.from(verdicts.subarray(0, n));
  d.arena.release(mark);
  for (let j = 0; j < n; j++) {
    const i = hits[j];
    if (kinds[j] === CELL) {
      cellFinding(cells, model, i);
      continue;
    }
    const id = RANGE_IDS[kinds[j] - 2];
    const ri = d.rowOf(i);
    if (ri < 0) continue;
    const o = d.obs(i);
    const row = d.row(ri);
    ranges.push({
      ruleId: id,
      severity: 'error',
      cells: [cellOf(o)],
      values: [o.value as number],
      indicator: row.label,
      entity: o.entity || undefined,
      period: o.period,
      message: msg(id, { indicator: row.label, period: periodOf(o), value: display(o) }),
    });
  }
  return { cells, ranges };
}

/** value.excel-error / value.unreadable of observation i. */
function cellFinding(out: Finding[], model: WorkbookModel, i: number): void {
  const d = model.data;
  const o = d.obs(i);
  const ri = d.rowOf(i);
  const row = ri >= 0 ? d.row(ri) : undefined;
  const indicator = row?.label ?? '';
  if (o.parsed.kind === 'error') {
    out.push({
      ruleId: 'value.excel-error',
      severity: 'error',
      cells: [cellOf(o)],
      values: [o.parsed.code],
      message: msg('value.excel-error', { indicator, period: periodOf(o), code: o.parsed.code }),
      indicator,
      entity: o.entity || undefined,
      period: o.period,
    });
  } else if (o.parsed.kind === 'text') {
    // A formula the file holds without its result (the xlsx host gives its text, `=57+62+1`).
    const formula = o.parsed.text.startsWith('=');
    out.push({
      ruleId: formula ? 'value.formula-uncalculated' : 'value.unreadable',
      severity: 'error',
      cells: [cellOf(o)],
      values: [o.parsed.text],
      message: msg(formula ? 'value.formula-uncalculated' : 'value.unreadable', { indicator, period: periodOf(o), text: o.parsed.text }),
      indicator,
      entity: o.entity || undefined,
      period: o.period,
    });
  }
}
