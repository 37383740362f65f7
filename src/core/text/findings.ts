// The findings of a report's prose, made from what the reader found: claims with a verdict,
// stated shares and rates, figures stated twice, and a part-year period.
import { formatNumber } from '../numerals';
import type { Bilingual, Finding, Severity } from '../types';
import type { Claim } from './claims';
import type { Mention } from './extract';
import { textMsg, type TextMessageId } from './messages';
import type { Period } from './period';
import type { RateCheck } from './rates';
import type { RepeatedFigure } from './repeats';

/** Cell-like reference of a line of the report. */
export function lineRef(report: string, line: number): { sheet: string; address: string } {
  return { sheet: report, address: `L${line}` };
}

function short(s: string, max = 80): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > max ? chars.slice(0, max).join('') + '…' : flat;
}

/**
 * A value in base units with its unit, for messages: 209家, 942,300元, 98.3%. With `like` (the
 * text of the total as written), a total in 万元/亿元 makes the value shown in 万/亿 too:
 * 20918000 like '1991.8万元' → 2,091.8万元.
 */
export function showValue(value: number, unit: string, like?: string): string {
  if (unit === '%') return `${formatNumber(value * 100)}%`;
  const scale = like && /亿/.test(like) ? { f: 1e8, w: '亿' } : like && /万/.test(like) ? { f: 1e4, w: '万' } : undefined;
  if (scale) return `${formatNumber(Number((value / scale.f).toPrecision(15)))}${scale.w}${unit}`;
  return `${formatNumber(value)}${unit}`;
}

const CLAIM_RULES: Partial<Record<Claim['verdict'], { id: TextMessageId; severity: Severity }>> = {
  exceeds: { id: 'text.claim-exceeds', severity: 'error' },
  short: { id: 'text.claim-short', severity: 'error' },
  'short-partial': { id: 'text.claim-partial', severity: 'warning' },
  overlap: { id: 'text.claim-overlap', severity: 'warning' },
  'mixed-units': { id: 'text.claim-mixed-units', severity: 'warning' },
  approx: { id: 'text.claim-approx', severity: 'info' },
};

/**
 * The items of a form's claim as a reader checks them: the ones not 0, at most six (予以公开 5、
 * 部分公开 1), and how many there are in all when some are not named.
 */
function formParts(c: Claim): Bilingual {
  const shown = c.parts.filter((p) => p.value !== 0).slice(0, 6);
  const named = shown.map((p) => `${p.label} ${p.text}`).join('、') || c.parts.map((p) => p.label).slice(0, 3).join('、');
  if (shown.length === c.parts.length) return { 'zh-CN': named, 'en-US': named };
  return textMsg('text.note-form-others', { named, count: c.parts.length });
}

export function claimFinding(c: Claim, report: string): Finding | undefined {
  let rule = CLAIM_RULES[c.verdict];
  if (!rule) return undefined;
  if (c.reading === 'form') {
    // A statutory form: the total is its items' sum by the template, whatever the wording.
    const id: TextMessageId = 'text.form-mismatch';
    const above = (c.difference ?? 0) > 0;
    return {
      ruleId: id,
      severity: 'error',
      cells: [lineRef(report, c.line)],
      message: textMsg(id, {
        line: c.line,
        total: c.total.label,
        totalValue: c.total.text,
        parts: formParts(c),
        sum: c.sum === null ? '—' : showValue(c.sum, '', c.total.text),
        diff: c.difference === null ? '—' : showValue(Math.abs(c.difference), '', c.total.text),
        direction: textMsg(above ? 'text.note-form-more' : 'text.note-form-short'),
      }),
      values: [c.total.value, c.sum],
      expected: c.total.value,
      difference: c.difference,
      indicator: c.total.label || undefined,
    };
  }
  // Parts that overlap because the first ones already make up the total (not marked 并处/同时):
  // the note says which.
  if (c.verdict === 'overlap' && c.note) rule = { id: 'text.claim-subset', severity: 'warning' };
  const unit = c.total.unit;
  const units = [...new Set([c.total.unit, ...c.parts.map((p) => p.unit)])].map((u) => u || '—').join(' / ');
  const approx = [c.total, ...c.parts]
    .filter((p) => p.approx)
    .map((p) => p.text)
    .join('、');
  const overlap = c.parts
    .filter((p) => p.overlap)
    .map((p) => `${p.label}${p.text}`)
    .join('、');
  const message = textMsg(rule.id, {
    line: c.line,
    total: c.total.label || c.total.text,
    totalValue: c.total.text,
    sum: c.sum === null ? '—' : showValue(c.sum, unit, c.total.text),
    diff: c.difference === null ? '—' : showValue(Math.abs(c.difference), unit, c.total.text),
    wording: c.complete ? (c.trigger.startsWith('分别') ? c.trigger : c.text.includes('全部') ? '全部' : c.trigger === '' ? (/[（(][\d.\s+＋]+[)）]?/.exec(c.text)?.[0] ?? '') : `…${c.trigger}`) : '',
    units,
    approx,
    overlap,
    note: c.note ?? '',
    text: short(c.text),
  });
  return {
    ruleId: rule.id,
    severity: rule.severity,
    cells: [lineRef(report, c.line)],
    message,
    values: [c.total.value, c.sum],
    expected: c.total.value,
    difference: c.difference,
    indicator: c.total.label || undefined,
  };
}

const RATE_RULES: Record<Exclude<RateCheck['verdict'], 'ok'>, { share: TextMessageId; rate: TextMessageId; severity: Severity }> = {
  mismatch: { share: 'text.share-mismatch', rate: 'text.rate-mismatch', severity: 'error' },
  forced: { share: 'text.share-forced', rate: 'text.share-forced', severity: 'warning' },
};

const pct = (v: number, digits = 2): string => `${formatNumber(Number((v * 100).toFixed(digits)))}%`;

export function rateFinding(r: RateCheck, report: string): Finding | undefined {
  if (r.verdict === 'ok') return undefined;
  const rule = RATE_RULES[r.verdict];
  const id = r.kind === 'share' ? rule.share : rule.rate;
  return {
    ruleId: id,
    severity: rule.severity,
    cells: [lineRef(report, r.line)],
    message: textMsg(id, {
      line: r.line,
      label: r.numerator.label,
      part: r.numerator.text,
      total: r.denominator.text,
      rate: r.stated.label || r.stated.text,
      numerator: r.numerator.text,
      denominator: r.denominator.text,
      computed: pct(r.computed),
      stated: r.stated.text,
      text: short(r.text),
    }),
    values: [r.stated.value, r.computed],
    expected: r.computed,
    difference: r.difference,
    indicator: r.stated.label || r.numerator.label || undefined,
  };
}

export function repeatFinding(r: RepeatedFigure, report: string): Finding {
  const ctx = (m: Mention): string => short(`${m.phrase}${m.text}${m.object}`, 40);
  return {
    ruleId: 'text.repeated-figure',
    severity: 'warning',
    cells: [lineRef(report, r.first.line), lineRef(report, r.second.line)],
    message: textMsg('text.repeated-figure', {
      line1: r.first.line,
      text1: ctx(r.first),
      value1: r.first.text,
      line2: r.second.line,
      text2: ctx(r.second),
      value2: r.second.text,
    }),
    values: [r.first.value, r.second.value],
    difference: Number((r.second.value - r.first.value).toPrecision(15)),
    indicator: r.first.phrase || r.first.key,
  };
}


/** The info that a report covers part of a year only (上半年, 1—10月). */
export function periodFinding(period: Period, line: number, report: string): Finding {
  return {
    ruleId: 'text.period-partial',
    severity: 'info',
    cells: [lineRef(report, line)],
    message: textMsg('text.period-partial', { period: period.label, text: period.text }),
    period: period.label,
  };
}
