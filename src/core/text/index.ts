// Checking a report's prose (报告文本) against itself: numeric mentions, total-with-breakdown
// claims with verdicts, and figures stated twice with different values.
// Pure TypeScript: no Office, DOM or Node APIs.
//
// Findings point into the text, not a sheet: `cells` is `[{sheet: <report name>, address: 'L<line>'}]`
// (L25 = line 25, 1-based), and the message says 第N行 / Line N. Every ruleId starts with `text.`,
// so hosts can tell these from sheet findings and must not try to mark or select them as cells.
import { formatNumber } from '../numerals';
import type { Finding, Severity } from '../types';
import { extractClaims, type Claim, type SkippedClaim } from './claims';
import { extractMentions, periodsOf, type Mention } from './extract';
import { textMsg, type TextMessageId } from './messages';
import type { Period } from './period';
import { checkRates, type RateCheck } from './rates';
import { readingScan } from './reading';
import { findRepeatedFigures, type RepeatedFigure } from './repeats';
import { lineOf, lineStarts } from './reading';

export { decodeReport, extractMentions, normalizePhrase, statedRates, type Mention, type MentionKind } from './extract';
export { extractClaims, type Claim, type ClaimItem, type Reading, type SkippedClaim, type Verdict } from './claims';
export { joinBrokenLines } from './reading';
export { findPeriods, type Period } from './period';
export { checkRates, type RateCheck, type RateFigure } from './rates';
export { findRepeatedFigures, similarKeys, type RepeatedFigure } from './repeats';
export { textMsg, type TextMessageId } from './messages';

export interface ReportTextResult {
  /** The report's name as given (file name), used as the `sheet` of every finding's cell. */
  report: string;
  claims: Claim[];
  mentions: Mention[];
  findings: Finding[];
  /** 其中/包括/分别为 that open no checkable list, with the reason (for transparency). */
  skipped: SkippedClaim[];
  repeated: RepeatedFigure[];
  /** Shares and rates checked against the counts they are stated beside. */
  rates: RateCheck[];
  /** The period the report covers (全年, 上半年, 1—10月 …), when the text says it. */
  period?: Period;
}

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

function claimFinding(c: Claim, report: string): Finding | undefined {
  let rule = CLAIM_RULES[c.verdict];
  if (!rule) return undefined;
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
    wording: c.complete ? (c.trigger.startsWith('分别') ? c.trigger : c.text.includes('全部') ? '全部' : `…${c.trigger}`) : '',
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

function rateFinding(r: RateCheck, report: string): Finding | undefined {
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

function repeatFinding(r: RepeatedFigure, report: string): Finding {
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

/**
 * Checks the prose of a report. `name` is the report's file name; it becomes the `sheet` of every
 * finding's cell (address `L<line>`). Findings come in text order: claim findings, then repeated
 * figures, each sorted by line.
 */
export function checkReportText(text: string, name: string): ReportTextResult {
  const mentions = extractMentions(text);
  const { claims, skipped } = extractClaims(text, mentions);
  const rates = checkRates(text, mentions, claims);
  const repeated = findRepeatedFigures(mentions);
  const { report: period } = periodsOf(readingScan(text), mentions);
  const findings: Finding[] = [];
  if (period?.partial) {
    findings.push({
      ruleId: 'text.period-partial',
      severity: 'info',
      cells: [lineRef(name, lineOf(lineStarts(text), period.start).line)],
      message: textMsg('text.period-partial', { period: period.label, text: period.text }),
      period: period.label,
    });
  }
  for (const c of claims) {
    const f = claimFinding(c, name);
    if (f) findings.push(f);
  }
  for (const r of rates) {
    const f = rateFinding(r, name);
    if (f) findings.push(f);
  }
  for (const r of repeated) findings.push(repeatFinding(r, name));
  return { report: name, claims, mentions, findings, skipped, repeated, rates, ...(period ? { period } : {}) };
}

export { compareWithSheet, type CompareOptions, type SheetMatch } from './sheet';
