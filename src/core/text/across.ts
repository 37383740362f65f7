// Figures compared across several reports of one bureau: its 法治政府建设 report and its 信息公开
// report for the same year, or this year's report and last year's, state some of the same
// figures. Where the same indicator has a figure for the same period in two reports and the two
// differ, that is a warning on both lines; where the periods are not alike (1—10月 against 全年
// of one year), the figures are not compared and an info says so. Pure TypeScript.
//
// Only plain counts and amounts take part: a rate or a change (较上年增长20%) names another
// quantity, and an approximate figure (约300) cannot disagree. A figure's year is the year its
// sentence names before it (2022年办理…100件 in a 2023 report is a 2022 figure), else its period's.
// An indicator that a report states more than once for one period is ambiguous there and left out.
import type { Finding } from '../types';
import type { Mention } from './extract';
import { lineRef, showValue } from './findings';
import { textMsg } from './messages';
import { similarKeys } from './repeats';

export interface ReportForComparison {
  /** The report's name as its findings name it (the file name). */
  name: string;
  text: string;
  mentions: readonly Mention[];
}

interface Figure {
  report: string;
  mention: Mention;
  year: number;
  from: number;
  to: number;
  label: string;
}

/** A health bureau's name: 某某县卫生健康局, 某某市卫生健康委员会, 某某区卫健委. */
const BODY = /([\u4e00-\u9fa5]{2,20}?(?:卫生健康局|卫健局|卫生局|卫生健康委员会|卫生健康委|卫健委|卫生和计划生育委员会|卫生计生委))/;

/**
 * The bureau that issued a report: the first bureau name in its first lines (the title, or the
 * line above it, as published reports put it). Undefined when they name none.
 */
export function issuingBody(text: string): string | undefined {
  const head = text
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ''))
    .filter((l) => l.length > 0)
    .slice(0, 8);
  for (const line of head) {
    // Labels of a web page's metadata table and a cover letter's opening come before the name.
    const m = BODY.exec(line.replace(/^(?:关于|信息名称|发布机构|发文机关|发布单位|来源|索引号)[:：]?/, ''));
    if (m) return m[1];
  }
  return undefined;
}

/** Words that make a figure a change or a comparison rather than a level. */
const CHANGE = /较|同比|环比|增长|下降|增加|减少|上升|提高|降低|比上年|比去年/;

/** The last year written bare before `offset` in the same sentence: 2022年 (not 2022年7月8日, not 2022年度's months). */
function yearBefore(text: string, sentenceStart: number, offset: number): number | undefined {
  const span = text.slice(sentenceStart, offset);
  let year: number | undefined;
  for (const m of span.matchAll(/(20\d{2}|19\d{2})\s*年(?!\s*\d{1,2}\s*月)/g)) year = Number(m[1]);
  return year;
}

/** The start of the sentence holding `offset` (after 。！？；or a line end). */
function sentenceStart(text: string, offset: number): number {
  for (let i = offset - 1; i >= 0; i--) if ('。！？；\n'.includes(text[i])) return i + 1;
  return 0;
}

/** Each report's comparable figures: counts and money, exact, with a year. */
function figuresOf(r: ReportForComparison): Figure[] {
  const out: Figure[] = [];
  // The year of the title (某某县卫生健康局2023年…报告), for figures whose sentence and period say none.
  const title = r.text.split(/\r?\n/).find((l) => l.trim().length > 0) ?? '';
  const titleYear = /(20\d{2}|19\d{2})\s*年/.exec(title)?.[1];
  for (const m of r.mentions) {
    if (m.percent || (m.kind !== 'count' && m.kind !== 'money')) continue;
    if (m.key.length < 4 || CHANGE.test(m.phrase) || CHANGE.test(m.object)) continue;
    const stated = yearBefore(r.text, sentenceStart(r.text, m.start), m.start);
    const p = m.period;
    const year = stated ?? p?.year ?? (titleYear ? Number(titleYear) : undefined);
    if (year === undefined) continue;
    // A year the sentence names other than the period's: that year as a whole.
    const whole = stated !== undefined && stated !== p?.year;
    out.push({ report: r.name, mention: m, year, from: whole || !p ? 1 : p.from, to: whole || !p ? 12 : p.to, label: whole || !p ? `${year}年全年` : p.label });
  }
  // An indicator stated twice for one period in a report is ambiguous (approximate statements
  // included): left out. Then approximate figures, which cannot disagree, are dropped.
  const unique = out.filter((f) => out.filter((g) => g.year === f.year && g.from === f.from && g.to === f.to && g.mention.unit === f.mention.unit && similarKeys(g.mention.key, f.mention.key)).length === 1);
  return unique.filter((f) => !f.mention.approx);
}

const same = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * Findings of figures that two reports state differently for the same indicator and period, and
 * an info where the same indicator's figures of one year cover different months. Only reports
 * whose titles name the same issuing body are compared.
 */
export function compareReports(reports: readonly ReportForComparison[]): Finding[] {
  const findings: Finding[] = [];
  const figures = reports.map(figuresOf);
  const bodies = reports.map((r) => issuingBody(r.text));
  for (let i = 0; i < reports.length; i++) {
    for (let j = i + 1; j < reports.length; j++) {
      // Only reports known to be of one bureau: a supervisor's batch holds many bureaus' reports,
      // and text without its title cannot say whose it is.
      if (!bodies[i] || bodies[i] !== bodies[j]) continue;
      for (const a of figures[i]) {
        for (const b of figures[j]) {
          if (a.year !== b.year || a.mention.unit !== b.mention.unit || !similarKeys(a.mention.key, b.mention.key)) continue;
          if (same(a.mention.value, b.mention.value)) continue;
          const params = {
            indicator: a.mention.phrase || a.mention.key,
            report1: a.report,
            line1: a.mention.line,
            value1: showValue(a.mention.value, a.mention.unit, a.mention.text),
            report2: b.report,
            line2: b.mention.line,
            value2: showValue(b.mention.value, b.mention.unit, b.mention.text),
          };
          const alike = a.from === b.from && a.to === b.to;
          findings.push({
            ruleId: alike ? 'text.across-reports' : 'text.across-reports-period',
            severity: alike ? 'warning' : 'info',
            cells: [lineRef(a.report, a.mention.line), lineRef(b.report, b.mention.line)],
            message: alike ? textMsg('text.across-reports', { ...params, period: a.label }) : textMsg('text.across-reports-period', { ...params, period1: a.label, period2: b.label }),
            values: [a.mention.value, b.mention.value],
            difference: Number((b.mention.value - a.mention.value).toPrecision(15)),
            indicator: params.indicator,
            period: a.label,
          });
        }
      }
    }
  }
  return findings;
}
