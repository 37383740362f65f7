// The HTML report (`--format html --out report.html`): one self-contained page that a bureau can
// open from a shared folder or an e-mail attachment, read in Chinese or English, filter, and print
// on A4. Everything is in the file: inline CSS, inline SVG figures and one small inline script; no
// address in it points anywhere, and its Content-Security-Policy (`default-src 'none'`, the script
// allowed by its hash) keeps the browser from loading anything or running anything else.
//
// A pure function of the results: no Node, no DOM, so a browser page can build the same report.
// Every piece of text from a workbook or a file name goes through `esc` (element text and quoted
// attribute values alike); user data never goes into the script, which reads the rows' data-*
// attributes instead.
import type { HistoryDetail } from '../core/history/common';
import { message, type MessageKey, type Params } from '../core/i18n';
import type { Bilingual, Finding, Lang, Severity } from '../core/types';
import { formatNumber } from '../core/numerals';
import { counts, type FileResult } from './report';
import { cspHash } from './sha256';

/** Width of the small charts beside a finding (trend, HB score, districts), in SVG units. */
const CHART_WIDTH = 260;

/** When a report was made, as its page shows it: local date and time to the minute (2024-03-05 14:20). */
export function reportTime(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export interface HtmlReportOptions {
  /** The language shown when the page opens (default zh-CN); the other is one click away. */
  lang?: Lang;
  /** When the report was made, as it should be shown ("2024-03-05 14:20"); left out when absent. */
  generated?: string;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

const severityLabel = (s: Severity): Bilingual => message(`cli.severity.${s}`);

// ---------------------------------------------------------------------------------------------
// Text

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for an element's content and for a double- or single-quoted attribute value. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Both languages of a text, each in its own element; the page's CSS shows the one of <html lang>. */
function both(zh: string, en: string): string {
  return `<span lang="zh-CN">${esc(zh)}</span><span lang="en-US">${esc(en)}</span>`;
}

const bi = (m: Bilingual): string => both(m['zh-CN'], m['en-US']);

/** A message of the packs in both languages, each in its own element. */
const say = (key: MessageKey, params?: Params): string => bi(message(key, params));

/** A message of the packs as one line, `中文 / English`: where markup cannot go (a title, an option). */
const sayOneLine = (key: MessageKey, params?: Params): string => {
  const m = message(key, params);
  return `${m['zh-CN']} / ${m['en-US']}`;
};

/** A file's name without its folders (either separator: the report may come from Windows paths). */
function baseName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts[parts.length - 1] || file;
}

/**
 * A value read from a cell: numbers grouped as the engine prints them (at most 6 decimals, so a
 * rate computed as 0.933333333333333 reads 0.933333), blanks as a dash.
 */
function cellValue(v: number | string | null): string {
  if (v === null) return '—';
  if (typeof v !== 'number') return v;
  const s = formatNumber(v);
  const dot = s.indexOf('.');
  return dot >= 0 && s.length - dot - 1 > 6 ? formatNumber(v, 6).replace(/0+$/, '') : s;
}

/**
 * A computed figure (an expected value, a bound, a score): a few decimals are enough to read it,
 * more would only show the arithmetic (180.5965909090909 → 180.6).
 */
function figure(v: number): string {
  if (!Number.isFinite(v) || Number.isInteger(v)) return formatNumber(v);
  const a = Math.abs(v);
  const s = formatNumber(v, a >= 100 ? 1 : a >= 1 ? 2 : 3);
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** Where a finding is: `sheet!cell`, or a line of a report text (`L19` → 第19行 / line 19). */
function location(f: Finding, file: string): string {
  const c = f.cells[0];
  if (!c) return '';
  const line = /^L(\d+)$/.exec(c.address);
  // A report's prose has lines, not cells; a Word document's tables have cells like a sheet.
  if (line && (f.ruleId.startsWith('text.') || /\.(txt|docx|pdf)$/i.test(file))) return say('cli.location.line', { line: line[1] });
  return esc(c.sheet ? `${c.sheet}!${c.address}` : c.address);
}

// ---------------------------------------------------------------------------------------------
// Figures (inline SVG). Small, in viewBox units, so they scale down for print; colours come from
// the page's CSS classes. Each has a <title> for screen readers and a caption in both languages.

/** Maps [lo, hi] onto [a, b]; a flat range maps to the middle. */
function scale(lo: number, hi: number, a: number, b: number): (v: number) => number {
  if (!(hi > lo)) return () => (a + b) / 2;
  return (v) => a + ((v - lo) / (hi - lo)) * (b - a);
}

/** A number for an SVG attribute: two decimals are plenty at this size. */
const n2 = (v: number): string => String(Math.round(v * 100) / 100);

function svgOpen(kind: string, width: number, height: number, title: MessageKey, extra = ''): string {
  return `<svg class="fig-${kind}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img"${extra}><title>${esc(sayOneLine(title))}</title>`;
}

/** The history detail the cross-period detectors attach (bounds, statistics), if the finding has one. */
function detailOf(f: Finding): HistoryDetail | undefined {
  const d = (f as Finding & { detail?: HistoryDetail }).detail;
  return d && typeof d === 'object' ? d : undefined;
}

/**
 * The trend of a cross-period finding: one point per period of its series (a hollow mark on the
 * axis where the period has no value, and no line through it), the flagged period's point larger
 * and red, and — when the detector gave bounds for that period — the range the value was expected
 * in as a bar at that period, so a point outside it shows at a glance.
 */
export function trendSvg(f: Finding): string {
  const series = f.series ?? [];
  if (series.length === 0) return '';
  const detail = detailOf(f);
  const flagged = f.period ?? detail?.currentPeriod;
  const bounds = detail?.bounds;
  const chartHeight = 78;
  const left = 10;
  const right = CHART_WIDTH - 10;
  const top = 8;
  const bottom = chartHeight - 20;
  const numbers = series.map((p) => p.value).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const flaggedIndex = series.findIndex((p) => p.period === flagged);
  const band = bounds && flaggedIndex >= 0 && Number.isFinite(bounds.lower) && Number.isFinite(bounds.upper) ? bounds : undefined;
  const range = band ? [...numbers, band.lower, band.upper] : numbers;
  let lo = range.length ? Math.min(...range) : 0;
  let hi = range.length ? Math.max(...range) : 1;
  if (hi === lo) {
    const pad = Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const x = series.length === 1 ? () => (left + right) / 2 : (i: number) => left + (i * (right - left)) / (series.length - 1);
  const y = scale(lo, hi, bottom, top);
  const parts: string[] = [svgOpen('trend', CHART_WIDTH, chartHeight, 'cli.html.trend.title', ` data-points="${series.length}"`)];
  parts.push(`<line class="axis" x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}"/>`);
  if (band) {
    const xb = x(flaggedIndex);
    const y1 = y(band.upper);
    const y2 = y(band.lower);
    parts.push(
      `<rect class="band" x="${n2(xb - 5)}" y="${n2(y1)}" width="10" height="${n2(Math.max(1, y2 - y1))}"><title>${esc(`${figure(band.lower)} ～ ${figure(band.upper)}`)}</title></rect>`,
    );
  }
  // The line, broken where a period has no value (a blank year is a gap, not a straight line).
  let run: string[] = [];
  const flush = (): void => {
    if (run.length > 1) parts.push(`<polyline class="line" points="${run.join(' ')}"/>`);
    run = [];
  };
  series.forEach((p, i) => {
    if (typeof p.value === 'number' && Number.isFinite(p.value)) run.push(`${n2(x(i))},${n2(y(p.value))}`);
    else flush();
  });
  flush();
  series.forEach((p, i) => {
    const has = typeof p.value === 'number' && Number.isFinite(p.value);
    const cls = ['pt', !has ? 'gap' : '', i === flaggedIndex ? 'flag' : ''].filter(Boolean).join(' ');
    const cy = has ? y(p.value as number) : bottom;
    const r = i === flaggedIndex ? 4 : 2.5;
    parts.push(`<circle class="${cls}" data-period="${esc(p.period)}" cx="${n2(x(i))}" cy="${n2(cy)}" r="${r}"><title>${esc(`${p.period}: ${has ? figure(p.value as number) : '—'}`)}</title></circle>`);
  });
  // Period labels under the axis: all of them when few, else the first, the last and the flagged one.
  const labelled = new Set(series.length <= 6 ? series.map((_, i) => i) : [0, series.length - 1, flaggedIndex].filter((i) => i >= 0));
  for (const i of labelled) {
    const anchor = series.length === 1 ? 'middle' : i === 0 ? 'start' : i === series.length - 1 ? 'end' : 'middle';
    parts.push(`<text class="lbl${i === flaggedIndex ? ' flag' : ''}" x="${n2(x(i) + (anchor === 'start' ? -4 : anchor === 'end' ? 4 : 0))}" y="${chartHeight - 6}" text-anchor="${anchor}">${esc(series[i].period)}</text>`);
  }
  parts.push('</svg>');
  const caption =
    flaggedIndex < 0
      ? ''
      : band
        ? say('cli.html.trend.flagged-range', { period: flagged, lower: figure(band.lower), upper: figure(band.upper) })
        : say('cli.html.trend.flagged', { period: flagged });
  return `<figure class="fig">${parts.join('')}${caption ? `<figcaption>${caption}</figcaption>` : ''}</figure>`;
}

/**
 * A cross-district (Hidiroglou–Berthelot) finding: where this district stands among the others.
 *
 * The finding carries the HB statistics of the districts compared — their number, the quartiles
 * of their centred scores E (q1, median, q3), the score bounds and this district's score — and
 * the range of values this district could have had for its size. It does not carry each other
 * district's value or ratio, so the other districts are drawn as their quartile box rather than a
 * dot each. Two rows: the scores (box = the middle half of the districts, green = within bounds,
 * red dot = this district), then this district's value against the range its size allows.
 */
export function districtsSvg(f: Finding): string {
  const d = detailOf(f);
  const s = d?.stats;
  if (!d || !s || f.method !== 'hb') return '';
  const { E, q1, qM, q3, lowerE, upperE, n } = s;
  if (![E, q1, qM, q3, lowerE, upperE].every(Number.isFinite)) return '';
  const left = 10;
  const right = CHART_WIDTH - 10;
  const rows: string[] = [];
  const row = (y: number, lo: number, hi: number, bandLo: number, bandHi: number, dot: number, marks: Array<{ v: number; cls: string; title: string }>, box?: [number, number]): void => {
    const pad = (Math.max(hi, bandHi, dot) - Math.min(lo, bandLo, dot)) * 0.08 || 1;
    const x = scale(Math.min(lo, bandLo, dot) - pad, Math.max(hi, bandHi, dot) + pad, left, right);
    rows.push(`<line class="axis" x1="${left}" y1="${y}" x2="${right}" y2="${y}"/>`);
    rows.push(`<rect class="band" x="${n2(x(bandLo))}" y="${y - 7}" width="${n2(Math.max(1, x(bandHi) - x(bandLo)))}" height="14"><title>${esc(`${figure(bandLo)} ～ ${figure(bandHi)}`)}</title></rect>`);
    if (box) rows.push(`<rect class="box" x="${n2(x(box[0]))}" y="${y - 4}" width="${n2(Math.max(1, x(box[1]) - x(box[0])))}" height="8"/>`);
    for (const m of marks) rows.push(`<line class="${m.cls}" x1="${n2(x(m.v))}" y1="${y - 7}" x2="${n2(x(m.v))}" y2="${y + 7}"><title>${esc(m.title)}</title></line>`);
    rows.push(`<circle class="pt flag" cx="${n2(x(dot))}" cy="${y}" r="4"><title>${esc(figure(dot))}</title></circle>`);
  };
  row(14, q1, q3, lowerE, upperE, E, [{ v: qM, cls: 'median', title: sayOneLine('cli.html.districts.median', { value: figure(qM) }) }], [q1, q3]);
  const value = d.currentValue;
  const range = d.bounds;
  const showValue = typeof value === 'number' && Number.isFinite(value) && range && Number.isFinite(range.lower) && Number.isFinite(range.upper);
  const expected = typeof f.expected === 'number' && Number.isFinite(f.expected) ? f.expected : undefined;
  if (showValue) {
    row(44, range.lower, range.upper, range.lower, range.upper, value, expected === undefined ? [] : [{ v: expected, cls: 'median', title: figure(expected) }]);
  }
  const chartHeight = showValue ? 58 : 28;
  const svg = `${svgOpen('districts', CHART_WIDTH, chartHeight, 'cli.html.districts.title', ` data-regions="${esc(String(n ?? ''))}"`)}${rows.join('')}</svg>`;
  const count = Number.isFinite(n) ? String(n) : '';
  // The scores' row, then (when there is a value to place) the value's row: one sentence each,
  // run together in Chinese and a space apart in English.
  const scores = message('cli.html.districts.scores', { count, lower: figure(lowerE), upper: figure(upperE), score: figure(E) });
  const caption = showValue
    ? [
        scores,
        message('cli.html.districts.value', {
          period: d.currentPeriod,
          value: figure(value),
          lower: figure(range.lower),
          upper: figure(range.upper),
          expected: expected === undefined ? '' : message('cli.html.districts.expected', { value: figure(expected) }),
        }),
      ]
    : [scores];
  return `<figure class="fig">${svg}<figcaption>${both(caption.map((m) => m['zh-CN']).join(''), caption.map((m) => m['en-US']).join(' '))}</figcaption></figure>`;
}

/**
 * A district total that is not the sum of its districts (balance.entities): the total as one bar
 * and the districts stacked as another, one segment per district (its cell and value in the
 * segment's title), so the gap between the two bars is the difference. The finding's values are
 * the total first, then each district's.
 */
export function partsSvg(f: Finding): string {
  if (!f.ruleId.startsWith('balance.entities')) return '';
  const values = f.values ?? [];
  const nums = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (nums.length !== values.length || nums.length < 3 || nums.some((v) => v < 0)) return '';
  const [total, ...districts] = nums;
  const sum = districts.reduce((a, b) => a + b, 0);
  const left = 10;
  const right = CHART_WIDTH - 10;
  const x = scale(0, Math.max(total, sum) || 1, left, right);
  const out: string[] = [svgOpen('parts', CHART_WIDTH, 40, 'cli.html.parts.title')];
  out.push(`<rect class="total" x="${left}" y="4" width="${n2(Math.max(1, x(total) - left))}" height="12"><title>${esc(formatNumber(total))}</title></rect>`);
  let at = 0;
  districts.forEach((v, i) => {
    const cell = f.cells[i + 1];
    out.push(`<rect class="seg seg${i % 2}" x="${n2(x(at))}" y="22" width="${n2(Math.max(0.5, x(at + v) - x(at)))}" height="12"><title>${esc(`${cell ? `${cell.sheet}!${cell.address}` : ''}: ${formatNumber(v)}`)}</title></rect>`);
    at += v;
  });
  // The gap: on the shorter bar, from its end to the longer one's.
  const [a, b] = total < sum ? [total, sum] : [sum, total];
  out.push(`<rect class="diff" x="${n2(x(a))}" y="${total < sum ? 4 : 22}" width="${n2(Math.max(1, x(b) - x(a)))}" height="12"/>`);
  out.push('</svg>');
  const diff = formatNumber(Math.abs(total - sum));
  const caption = say('cli.html.parts.caption', { total: formatNumber(total), count: districts.length, sum: formatNumber(sum), difference: diff });
  return `<figure class="fig">${out.join('')}<figcaption>${caption}</figcaption></figure>`;
}

// ---------------------------------------------------------------------------------------------
// The page

/**
 * The page's only script: the language switch (sets <html lang>; the CSS shows the matching
 * spans) and the filters (hide the rows that do not match). It takes no data from the report
 * (it reads the rows' data-* attributes), so its text is fixed and its CSP hash is too. With
 * scripts off both controls stay hidden and every row shows.
 */
export const PAGE_SCRIPT = `(function () {
  'use strict';
  var doc = document;
  var root = doc.documentElement;
  var switcher = doc.getElementById('lang-switch');
  if (switcher) {
    var langButtons = switcher.querySelectorAll('button[data-set-lang]');
    var setLang = function (lang) {
      root.setAttribute('lang', lang);
      for (var i = 0; i < langButtons.length; i++) {
        langButtons[i].setAttribute('aria-pressed', langButtons[i].getAttribute('data-set-lang') === lang ? 'true' : 'false');
      }
    };
    switcher.addEventListener('click', function (event) {
      var button = event.target.closest('button[data-set-lang]');
      if (button) setLang(button.getAttribute('data-set-lang'));
    });
    setLang(root.getAttribute('lang'));
    switcher.hidden = false;
  }
  var filters = doc.getElementById('filters');
  if (!filters) return;
  var rows = doc.querySelectorAll('#findings tbody tr[data-severity]');
  var selected = function (name) {
    var select = filters.querySelector('select[data-filter="' + name + '"]');
    return select ? select.value : '';
  };
  var apply = function () {
    var severities = {};
    var boxes = filters.querySelectorAll('input[data-filter="severity"]');
    for (var i = 0; i < boxes.length; i++) severities[boxes[i].value] = boxes[i].checked;
    var rule = selected('rule');
    var entity = selected('entity');
    var file = selected('file');
    var shown = 0;
    for (var j = 0; j < rows.length; j++) {
      var row = rows[j];
      var match = severities[row.getAttribute('data-severity')] !== false &&
        (!rule || row.getAttribute('data-rule') === rule) &&
        (!entity || row.getAttribute('data-entity') === entity) &&
        (!file || row.getAttribute('data-file') === file);
      row.hidden = !match;
      if (match) shown++;
    }
    var counters = doc.querySelectorAll('.shown-count');
    for (var k = 0; k < counters.length; k++) counters[k].textContent = String(shown);
    var note = doc.getElementById('filter-note');
    if (note) note.hidden = shown === rows.length;
  };
  filters.addEventListener('change', apply);
  filters.hidden = false;
  apply();
})();`;

const STYLE = `
:root { --error: #b3261e; --error-bg: #fdecea; --warning: #8a5300; --warning-bg: #fff4e0; --info: #1f5fa8; --info-bg: #e8f0fb; --line: #d0d4da; --muted: #5f6670; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html[lang="zh-CN"] body [lang="en-US"], html[lang="en-US"] body [lang="zh-CN"] { display: none !important; }
body { margin: 0 auto; max-width: 1180px; padding: 16px 20px 40px; color: #1b1d21; background: #fff;
  font: 14px/1.5 "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", system-ui, sans-serif; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px 20px; border-bottom: 2px solid #1b1d21; padding-bottom: 8px; }
h1 { font-size: 22px; margin: 0; }
h2 { font-size: 17px; margin: 24px 0 8px; }
.meta { color: var(--muted); margin: 0; flex: 1; }
.switch button { font: inherit; border: 1px solid var(--line); background: #fff; padding: 2px 10px; cursor: pointer; }
.switch button[aria-pressed="true"] { background: #1b1d21; color: #fff; border-color: #1b1d21; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #f1f3f5; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.counts { width: auto; min-width: 60%; }
table.counts td.n.error:not(.zero) { color: var(--error); font-weight: 600; }
table.counts td.n.warning:not(.zero) { color: var(--warning); font-weight: 600; }
table.counts tfoot th { background: #f1f3f5; }
tr.unreadable td { background: var(--error-bg); }
ul.unreadable li { margin: 4px 0; }
#filters { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; padding: 8px 10px; margin-bottom: 8px; background: #f6f7f9; border: 1px solid var(--line); }
#filters label { white-space: nowrap; }
#filters select { font: inherit; max-width: 18em; }
#filter-note { color: var(--muted); margin: 4px 0 8px; }
table.findings { table-layout: fixed; }
table.findings col.c-msg { width: 44%; }
table.findings col.c-where { width: 18%; }
table.findings col.c-sev { width: 9%; }
table.findings col.c-rule { width: 14%; }
table.findings thead th { overflow-wrap: normal; }
table.findings col.c-values { width: 15%; }
table.findings tr.sev-error td:first-child { box-shadow: inset 4px 0 0 var(--error); }
table.findings tr.sev-warning td:first-child { box-shadow: inset 4px 0 0 var(--warning); }
table.findings tr.sev-info td:first-child { box-shadow: inset 4px 0 0 var(--info); }
td.msg { padding-left: 10px; }
.file { color: var(--muted); display: block; font-size: 12px; }
.badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 12px; white-space: nowrap; }
.badge.error { color: var(--error); background: var(--error-bg); }
.badge.warning { color: var(--warning); background: var(--warning-bg); }
.badge.info { color: var(--info); background: var(--info-bg); }
code { font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }
.note { display: block; color: var(--muted); font-size: 12px; margin-top: 2px; }
.values span.v { display: block; font-variant-numeric: tabular-nums; }
.values .at { color: var(--muted); font-size: 12px; }
.values .expected { display: block; color: var(--muted); font-size: 12px; }
.fig { margin: 6px 0 0; }
.fig svg { display: block; max-width: 100%; height: auto; }
.fig figcaption { color: var(--muted); font-size: 12px; }
svg .axis { stroke: #9aa0a6; stroke-width: 1; }
svg .line { fill: none; stroke: #3c4043; stroke-width: 1.5; }
svg .pt { fill: #3c4043; }
svg .pt.gap { fill: #fff; stroke: #9aa0a6; stroke-width: 1; }
svg .pt.flag { fill: var(--error); stroke: #fff; stroke-width: 1; }
svg .band { fill: #cfe8d4; }
svg .box { fill: #c4c8cd; }
svg .median { stroke: #3c4043; stroke-width: 1.5; }
svg .lbl { font-size: 10px; fill: var(--muted); }
svg .lbl.flag { fill: var(--error); font-weight: 600; }
svg .total { fill: #3c4043; }
svg .seg0 { fill: #8ab4f8; }
svg .seg1 { fill: #c6dafc; }
svg .diff { fill: none; stroke: var(--error); stroke-width: 1.5; }
footer { margin-top: 24px; color: var(--muted); font-size: 12px; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; }
  .no-print, #filters, #lang-switch { display: none !important; }
  h1 { font-size: 15pt; }
  h2 { font-size: 11.5pt; margin: 12pt 0 4pt; break-after: avoid; }
  thead { display: table-header-group; }
  tr, figure, li { break-inside: avoid; page-break-inside: avoid; }
  .fig svg { width: 55mm; height: auto; }
  .fig figcaption, .file, .note, code, .badge, .values .expected { font-size: 7.5pt; }
  table.counts { min-width: 0; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** One findings row: the message first (what a clerk reads), then where, how bad, which rule, the values. */
function findingRow(f: Finding, fileIndex: number, fileName: string): string {
  const notes: string[] = [];
  // The technical part (rule and expression, arithmetic, statistics) as a smaller line under the message.
  if (f.details) notes.push(`<span class="note details">${say('cli.html.note.details')}${bi(f.details)}</span>`);
  if (f.hint) notes.push(`<span class="note">${say('cli.html.note.hint')}${bi(f.hint.message)}</span>`);
  if (f.explanation) notes.push(`<span class="note">${say('cli.html.note.explained')}${esc(f.explanation)}</span>`);
  const figures = [f.series?.length ? trendSvg(f) : '', districtsSvg(f), partsSvg(f)].join('');
  // Each value beside its cell when they map one to one (a history finding: this year's cell, then
  // the earlier one's), so "728,588 306,300" reads as which is which.
  const vs = f.values ?? [];
  const oneToOne = vs.length === f.cells.length;
  const values = vs.map((v, i) => `<span class="v">${oneToOne ? `<span class="at">${esc(f.cells[i].address)}</span> ` : ''}${esc(cellValue(v))}</span>`).join('');
  const expected = typeof f.expected === 'number' ? figure(f.expected) : typeof f.expected === 'string' ? f.expected : undefined;
  const attrs = [`class="sev-${f.severity}"`, `data-severity="${f.severity}"`, `data-rule="${esc(f.ruleId)}"`, `data-file="${fileIndex}"`, `data-entity="${esc(f.entity ?? '')}"`];
  return (
    `<tr ${attrs.join(' ')}>` +
    `<td class="msg">${bi(f.message)}${notes.join('')}${figures}</td>` +
    `<td class="where"><span class="file">${esc(fileName)}</span>${location(f, fileName)}${f.entity ? `<span class="file">${esc(f.entity)}${f.period ? ` · ${esc(f.period)}` : ''}</span>` : ''}</td>` +
    `<td><span class="badge ${f.severity}">${bi(severityLabel(f.severity))}</span></td>` +
    `<td><code>${esc(f.ruleId)}</code></td>` +
    `<td class="values">${values}${expected !== undefined ? `<span class="expected">${say('cli.html.expected')} ${esc(expected)}</span>` : ''}</td>` +
    '</tr>'
  );
}

/** A <select> filter over the rows' data-<name> attribute; nothing when there is only one choice. */
function selectFilter(name: string, label: MessageKey, choices: Array<{ value: string; text: string }>): string {
  if (choices.length < 2) return '';
  const options = choices.map((c) => `<option value="${esc(c.value)}">${esc(c.text)}</option>`).join('');
  return `<label>${say(label)} <select data-filter="${name}"><option value="">${esc(sayOneLine('cli.html.filter.all'))}</option>${options}</select></label>`;
}

/** The self-contained HTML report of a check of one or more files. */
export function htmlReport(results: FileResult[], options: HtmlReportOptions = {}): string {
  const lang = options.lang ?? 'zh-CN';
  const names = results.map((r) => baseName(r.file));
  const all: Finding[] = [];
  const countRows: string[] = [];
  const findingRows: string[] = [];
  const unreadable: string[] = [];
  // Sheets a file has but the engine did not check (no table of indicators in them), with why:
  // a clerk should know that a sheet was passed over rather than found in order.
  const skipped: string[] = [];
  results.forEach((r, i) => {
    const findings = r.error ? [] : (r.result?.findings ?? []);
    all.push(...findings);
    const c = counts(findings);
    const cells = SEVERITIES.map((s) => `<td class="n ${s}${c[s] === 0 ? ' zero' : ''}" data-severity="${s}">${c[s]}</td>`).join('');
    const status = say(r.error ? 'cli.html.status.unreadable' : 'cli.html.status.checked');
    countRows.push(
      `<tr${r.error ? ' class="unreadable"' : ''} data-file-index="${i}" data-file="${esc(names[i])}" data-error="${c.error}" data-warning="${c.warning}" data-info="${c.info}">` +
        `<td>${esc(names[i])}</td>${cells}<td class="n">${findings.length}</td><td>${status}</td></tr>`,
    );
    if (r.error) unreadable.push(`<li><strong>${esc(names[i])}</strong>：${bi(r.error)}</li>`);
    for (const sh of r.result?.sheets ?? []) {
      if (sh.layout === 'skipped') skipped.push(`<li><strong>${esc(names[i])}</strong> · ${esc(sh.sheet)}${sh.reason ? `：${bi(sh.reason)}` : ''}</li>`);
    }
    for (const f of findings) findingRows.push(findingRow(f, i, names[i]));
  });
  const total = counts(all);

  const summary =
    `<table class="counts" id="counts"><thead><tr><th>${say('cli.html.column.file')}</th>` +
    SEVERITIES.map((s) => `<th class="n">${bi(severityLabel(s))}</th>`).join('') +
    `<th class="n">${say('cli.html.column.total')}</th><th>${say('cli.html.column.status')}</th></tr></thead>` +
    `<tbody>${countRows.join('')}</tbody>` +
    `<tfoot><tr data-total="" data-error="${total.error}" data-warning="${total.warning}" data-info="${total.info}"><th>${say('cli.html.total-files', { count: results.length })}</th>` +
    SEVERITIES.map((s) => `<th class="n" data-severity="${s}">${total[s]}</th>`).join('') +
    `<th class="n">${all.length}</th><th>${unreadable.length ? say('cli.html.unreadable-count', { count: unreadable.length }) : ''}</th></tr></tfoot></table>`;

  // Filters: each offers only what occurs (in order of first appearance), and is left out when
  // there is nothing to choose between.
  const unique = (values: string[]): string[] => [...new Set(values.filter((v) => v !== ''))];
  const severityBoxes = SEVERITIES.map(
    (s) => `<label><input type="checkbox" data-filter="severity" value="${s}" checked> ${bi(severityLabel(s))} (${total[s]})</label>`,
  ).join('');
  const filters =
    `<div id="filters" class="no-print" hidden>${severityBoxes}` +
    selectFilter('rule', 'cli.html.filter.rule', unique(all.map((f) => f.ruleId)).map((v) => ({ value: v, text: v }))) +
    selectFilter('entity', 'cli.html.filter.entity', unique(all.map((f) => f.entity ?? '')).map((v) => ({ value: v, text: v }))) +
    selectFilter(
      'file',
      'cli.html.filter.file',
      results.map((r, i) => ({ value: String(i), text: names[i], keep: !r.error && (r.result?.findings.length ?? 0) > 0 })).filter((c) => c.keep),
    ) +
    '</div>';
  const shownNote = `<p id="filter-note" hidden>${say('cli.html.filtered.before')}<span class="shown-count">${all.length}</span>${say('cli.html.filtered.after', { total: all.length })}</p>`;

  const table = findingRows.length
    ? `<table class="findings" id="findings"><colgroup><col class="c-msg"><col class="c-where"><col class="c-sev"><col class="c-rule"><col class="c-values"></colgroup>` +
      `<thead><tr>${(['finding', 'where', 'severity', 'rule', 'values'] as const).map((c) => `<th>${say(`cli.html.column.${c}`)}</th>`).join('')}</tr></thead>` +
      `<tbody>${findingRows.join('')}</tbody></table>`
    : `<p id="findings" class="none">${say('cli.html.none')}</p>`;

  const script = PAGE_SCRIPT;
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src ${cspHash(script)}; base-uri 'none'; form-action 'none'`;
  const title = message('cli.html.title');
  const generated = options.generated ? ` · ${say('cli.html.generated')}${esc(options.generated)}` : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${esc(`${title['zh-CN']} · ${title['en-US']}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${bi(title)}</h1>`,
    `<p class="meta">${say('cli.html.meta', { files: results.length, total: all.length, ...total })}${generated}</p>`,
    `<div id="lang-switch" class="switch no-print" role="group" aria-label="${esc(sayOneLine('cli.html.language'))}" hidden>` +
      `<button type="button" data-set-lang="zh-CN" aria-pressed="${lang === 'zh-CN'}">中文</button>` +
      `<button type="button" data-set-lang="en-US" aria-pressed="${lang === 'en-US'}">English</button></div>`,
    '</header>',
    `<section id="summary"><h2>${say('cli.html.section.counts')}</h2>${summary}</section>`,
    unreadable.length ? `<section id="unreadable"><h2>${say('cli.html.section.unreadable')}</h2><ul class="unreadable">${unreadable.join('')}</ul></section>` : '',
    skipped.length ? `<section id="skipped"><h2>${say('cli.html.section.skipped')}</h2><ul class="unreadable">${skipped.join('')}</ul></section>` : '',
    `<section id="findings-section"><h2>${say('cli.html.section.findings')}</h2>${findingRows.length ? filters + shownNote : ''}${table}</section>`,
    `<footer>${say('cli.html.footer')}</footer>`,
    `<script>${script}</script>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n') + '\n';
}
