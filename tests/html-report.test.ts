// The HTML report (src/cli/html-report.ts), read back as a browser would with jsdom: its counts
// agree with the JSON report's, user text is escaped everywhere, cross-year findings draw one
// point per period, cross-district ones show the outlier beside the bounds, both languages are
// in the page with a switch, and nothing in it points outside the file.
import { createHash } from 'crypto';
import * as path from 'path';
import { JSDOM } from 'jsdom';
import { checkFile } from '../src/cli/index';
import { htmlReport, PAGE_SCRIPT } from '../src/cli/html-report';
import { jsonReport, type FileResult } from '../src/cli/report';
import { cspHash } from '../src/cli/sha256';
import type { Finding } from '../src/core/types';

const SAMPLES = path.join(__dirname, '..', 'samples');
const sample = (name: string) => path.join(SAMPLES, name);

/** The page as a document; `scripts` runs its inline script (jsdom ignores the CSP). */
function page(html: string, scripts = false): Document {
  return new JSDOM(html, scripts ? { runScripts: 'dangerously' } : {}).window.document;
}

const num = (el: Element | null, name: string): number => Number(el?.getAttribute(name));

let results: FileResult[];
beforeAll(async () => {
  // Each sample checked alone, with the cross-year detectors on (as the CLI does for one file):
  // 乐山 has year-over-year findings, 长表 cross-district (HB) ones, 交叉表 a district total that
  // is not the sum of its districts; the last file does not exist.
  results = [];
  for (const f of ['示例-乐山市市中区-法治指标.xlsx', '示例-各地区-长表.xlsx', '示例-各区县交叉表-乐山市.xlsx']) results.push(await checkFile(sample(f), { history: {} }));
  results.push(await checkFile(path.join(SAMPLES, '不存在.xlsx')));
});

describe('htmlReport: counts', () => {
  it('shows per file and severity the counts of the JSON report for the same results, and their totals', () => {
    const json = JSON.parse(jsonReport(results)) as { files: Array<{ file: string; findings: Finding[]; error?: unknown }> };
    const doc = page(htmlReport(results));
    const rows = [...doc.querySelectorAll('#counts tbody tr')];
    expect(rows).toHaveLength(json.files.length);
    const total = { error: 0, warning: 0, info: 0 };
    json.files.forEach((f, i) => {
      const want = { error: 0, warning: 0, info: 0 };
      for (const x of f.findings) want[x.severity]++;
      for (const s of ['error', 'warning', 'info'] as const) {
        total[s] += want[s];
        expect(num(rows[i], `data-${s}`)).toBe(want[s]);
        // What a reader sees agrees with the data attribute.
        expect(rows[i].querySelector(`td[data-severity="${s}"]`)?.textContent).toBe(String(want[s]));
      }
      expect(rows[i].getAttribute('data-file')).toBe(path.basename(f.file));
    });
    // The samples do have findings of more than one severity: the comparison is not of zeros.
    expect(total.error).toBeGreaterThan(0);
    expect(total.warning).toBeGreaterThan(0);
    const foot = doc.querySelector('#counts tfoot tr');
    for (const s of ['error', 'warning', 'info'] as const) {
      expect(num(foot, `data-${s}`)).toBe(total[s]);
      expect(foot?.querySelector(`th[data-severity="${s}"]`)?.textContent).toBe(String(total[s]));
    }
    // One findings row per finding of the JSON report.
    expect(doc.querySelectorAll('#findings tbody tr')).toHaveLength(json.files.reduce((a, f) => a + f.findings.length, 0));
  });

  it('lists a file that could not be read with its reason in both languages', () => {
    const doc = page(htmlReport(results));
    const missing = results[3];
    expect(missing.error).toBeDefined();
    const item = doc.querySelector('#unreadable li');
    expect(item?.querySelector('strong')?.textContent).toBe('不存在.xlsx');
    expect(item?.querySelector('[lang="zh-CN"]')?.textContent).toBe(missing.error?.['zh-CN']);
    expect(item?.querySelector('[lang="en-US"]')?.textContent).toBe(missing.error?.['en-US']);
    expect(doc.querySelector('#counts tbody tr.unreadable')?.getAttribute('data-file')).toBe('不存在.xlsx');
  });

  it('names the sheets that were not checked, with why', () => {
    const reason = { 'zh-CN': '没有找到指标表', 'en-US': 'no indicator table found' };
    const doc = page(htmlReport([{ file: 'a.xlsx', result: { workbook: 'a.xlsx', findings: [], sheets: [{ sheet: '封面<1>', layout: 'skipped', reason, observations: 0 }, { sheet: '指标', layout: 'wide', observations: 9 }], observations: 9 } }]));
    const items = [...doc.querySelectorAll('#skipped li')];
    expect(items).toHaveLength(1);
    expect(items[0].textContent).toContain('a.xlsx · 封面<1>');
    expect(items[0].querySelector('[lang="en-US"]')?.textContent).toBe(reason['en-US']);
  });

  it('says so when there is nothing to report, with no filters', () => {
    const doc = page(htmlReport([{ file: 'ok.xlsx', result: { workbook: 'ok.xlsx', findings: [], sheets: [], observations: 3 } }]));
    expect(doc.querySelector('#findings')?.textContent).toContain('没有发现问题。');
    expect(doc.querySelector('#filters')).toBeNull();
    expect(num(doc.querySelector('#counts tfoot tr'), 'data-error')).toBe(0);
  });
});

describe('htmlReport: escaping', () => {
  // A file name cannot hold a slash, so no closing tag; an opening one would swallow the page.
  const NAME = `<script>alert("f")"&'.xlsx`;
  const SHEET = `<script>alert('s')</script>"&'`;
  const hostile: Finding = {
    ruleId: 'balance<b>',
    severity: 'error',
    cells: [{ sheet: SHEET, address: 'B2' }],
    message: { 'zh-CN': '<img src=x onerror=alert(1)>“中”&', 'en-US': '</td></tr><script>alert(2)</script>' },
    values: ['</span><i>v</i>', 3, null],
    expected: '"><svg onload=alert(3)>',
    entity: `"><script>alert('e')</script>`,
    period: '<i>2022</i>',
    explanation: '<b>核实</b> & ok',
    details: { 'zh-CN': '规则 <b>x</b>：[a] == 1。', 'en-US': 'Rule <i>x</i>: [a] == 1.' },
    series: [
      { period: '<i>2021</i>', value: 1 },
      { period: '<i>2022</i>', value: 5 },
    ],
  };
  // A Windows path: only the name shows.
  const file = `C:\\数据\\${NAME}`;

  it('shows file and sheet names, messages and values as text, with no element or attribute of theirs', () => {
    // A second, plain finding in another region, so that there is a region to choose (the filter
    // is left out when there is only one).
    const plain: Finding = { ruleId: 'balance', severity: 'warning', cells: [{ sheet: 's', address: 'C3' }], message: { 'zh-CN': '中', 'en-US': 'en' }, entity: '乐山' };
    const html = htmlReport([{ file, result: { workbook: NAME, findings: [hostile, plain], sheets: [], observations: 1 } }]);
    // The one script is the page's own, at the end; nothing else that could run or load.
    expect(html.match(/<script/gi)).toHaveLength(1);
    expect(html).not.toMatch(/<img|<i>|<b>|<svg onload/i);
    const doc = page(html);
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(doc.querySelectorAll('img, i, b, [onerror], [onload]')).toHaveLength(0);
    const row = doc.querySelector('#findings tbody tr');
    expect(row?.querySelector('.where .file')?.textContent).toBe(NAME);
    expect(row?.querySelector('.where')?.textContent).toContain(`${SHEET}!B2`);
    expect(row?.querySelector('.msg [lang="zh-CN"]')?.textContent).toBe(hostile.message['zh-CN']);
    expect(row?.querySelector('.msg [lang="en-US"]')?.textContent).toBe(hostile.message['en-US']);
    // The details: a smaller line right after the message, in both languages, as text.
    const details = row?.querySelector('.msg .note.details');
    expect(row?.querySelector('.msg .note')).toBe(details);
    expect(details?.querySelector('[lang="zh-CN"]')?.textContent).toBe('详情：');
    expect(details?.textContent).toContain(hostile.details?.['zh-CN']);
    expect(details?.textContent).toContain(hostile.details?.['en-US']);
    expect(row?.querySelector('.msg .note:not(.details)')?.textContent).toContain('<b>核实</b> & ok');
    expect(row?.querySelector('.values')?.textContent).toContain('</span><i>v</i>');
    expect(row?.querySelector('.values .expected')?.textContent).toContain(hostile.expected as string);
    expect(row?.querySelector('code')?.textContent).toBe('balance<b>');
    // Attribute values come back exactly, so the filters compare the real strings.
    expect(row?.getAttribute('data-entity')).toBe(hostile.entity);
    expect(row?.getAttribute('data-rule')).toBe('balance<b>');
    expect(doc.querySelector('#counts tbody tr')?.getAttribute('data-file')).toBe(NAME);
    expect([...doc.querySelectorAll('svg circle')].map((c) => c.getAttribute('data-period'))).toEqual(['<i>2021</i>', '<i>2022</i>']);
    expect(doc.querySelector('select[data-filter="entity"] option[value]:not([value=""])')?.getAttribute('value')).toBe(hostile.entity);
  });
});

describe('htmlReport: figures', () => {
  it('draws a cross-year finding as a trend with one point per period, the flagged one marked and blanks as gaps', () => {
    const f: Finding = {
      ruleId: 'history.robust',
      severity: 'warning',
      cells: [{ sheet: 's', address: 'F3' }],
      message: { 'zh-CN': '异常', 'en-US': 'unusual' },
      period: '2023',
      method: 'robust',
      series: [
        { period: '2019', value: 10 },
        { period: '2020', value: 12 },
        { period: '2021', value: null },
        { period: '2022', value: 11 },
        { period: '2023', value: 40 },
      ],
    };
    const doc = page(htmlReport([{ file: 'a.xlsx', result: { workbook: 'a.xlsx', findings: [f], sheets: [], observations: 5 } }]));
    const svg = doc.querySelector('svg.fig-trend');
    expect(svg?.getAttribute('data-points')).toBe('5');
    const points = [...(svg?.querySelectorAll('circle') ?? [])];
    expect(points.map((c) => c.getAttribute('data-period'))).toEqual(['2019', '2020', '2021', '2022', '2023']);
    expect(points.map((c) => c.classList.contains('flag'))).toEqual([false, false, false, false, true]);
    expect(points[2].classList.contains('gap')).toBe(true);
    // The blank year breaks the line in two.
    expect(svg?.querySelectorAll('polyline')).toHaveLength(2);
    // 40 is drawn highest (smallest y), 10 lowest.
    const y = points.map((c) => Number(c.getAttribute('cy')));
    expect(y[4]).toBeLessThan(y[1]);
    expect(y[0]).toBeGreaterThan(y[3]);
  });

  it('draws every sample finding that has a series with one point per period', () => {
    const doc = page(htmlReport(results));
    const withSeries = results.flatMap((r) => r.result?.findings ?? []).filter((f) => f.series?.length);
    expect(withSeries.length).toBeGreaterThanOrEqual(3);
    const svgs = [...doc.querySelectorAll('svg.fig-trend')];
    expect(svgs).toHaveLength(withSeries.length);
    svgs.forEach((svg, i) => expect(svg.querySelectorAll('circle[data-period]')).toHaveLength(withSeries[i].series?.length ?? -1));
  });

  it('draws a cross-district (HB) finding with its score outside the bounds and the districts’ quartiles', () => {
    const hb = results[1].result?.findings.filter((f) => f.method === 'hb') ?? [];
    expect(hb.length).toBeGreaterThan(0);
    const doc = page(htmlReport([results[1]]));
    const figs = [...doc.querySelectorAll('svg.fig-districts')];
    expect(figs).toHaveLength(hb.length);
    figs.forEach((svg) => {
      expect(Number(svg.getAttribute('data-regions'))).toBeGreaterThanOrEqual(5);
      // Each row: the bounds band, and this district's dot outside it.
      const bands = [...svg.querySelectorAll('rect.band')];
      const dots = [...svg.querySelectorAll('circle.flag')];
      expect(bands).toHaveLength(2);
      expect(dots).toHaveLength(2);
      bands.forEach((band, i) => {
        const x = Number(band.getAttribute('x'));
        const w = Number(band.getAttribute('width'));
        const cx = Number(dots[i].getAttribute('cx'));
        expect(cx < x || cx > x + w).toBe(true);
      });
      expect(svg.querySelectorAll('rect.box')).toHaveLength(1);
    });
  });

  it('draws a district total against its districts, one segment each', () => {
    const f = results[2].result?.findings.find((x) => x.ruleId === 'balance.entities');
    expect(f).toBeDefined();
    const doc = page(htmlReport([{ file: 'x.xlsx', result: { workbook: 'x.xlsx', findings: [f as Finding], sheets: [], observations: 1 } }]));
    const svg = doc.querySelector('svg.fig-parts');
    expect(svg?.querySelectorAll('rect.seg')).toHaveLength((f?.values?.length ?? 0) - 1);
    expect(svg?.querySelectorAll('rect.total')).toHaveLength(1);
    expect(svg?.querySelectorAll('rect.diff')).toHaveLength(1);
  });
});

describe('htmlReport: languages, filters and the page', () => {
  it('opens in Chinese with both languages in the page and a switch to English', () => {
    const html = htmlReport(results);
    const doc = page(html);
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(doc.querySelector('#lang-switch button[data-set-lang="en-US"]')?.textContent).toBe('English');
    const first = results[0].result?.findings[0] as Finding;
    const msg = doc.querySelector('#findings tbody tr .msg');
    // The message is the row's first cell, Chinese first.
    expect(msg?.parentElement?.firstElementChild).toBe(msg);
    expect(msg?.firstElementChild?.getAttribute('lang')).toBe('zh-CN');
    expect(msg?.querySelector('[lang="zh-CN"]')?.textContent).toBe(first.message['zh-CN']);
    expect(msg?.querySelector('[lang="en-US"]')?.textContent).toBe(first.message['en-US']);
    // The CSS hides the other language's elements by <html lang>.
    expect(html).toContain('html[lang="zh-CN"] body [lang="en-US"], html[lang="en-US"] body [lang="zh-CN"] { display: none !important; }');
    expect(page(htmlReport(results, { lang: 'en-US' })).documentElement.getAttribute('lang')).toBe('en-US');
  });

  it('its script switches the language and filters rows by severity, rule, region and file', () => {
    const doc = page(htmlReport(results), true);
    const rows = [...doc.querySelectorAll<HTMLTableRowElement>('#findings tbody tr')];
    const visible = () => rows.filter((r) => !r.hidden);
    // The controls show only when the script runs.
    expect((doc.getElementById('filters') as HTMLElement).hidden).toBe(false);
    expect((doc.getElementById('lang-switch') as HTMLElement).hidden).toBe(false);
    expect(visible()).toHaveLength(rows.length);

    (doc.querySelector('button[data-set-lang="en-US"]') as HTMLElement).click();
    expect(doc.documentElement.getAttribute('lang')).toBe('en-US');
    expect(doc.querySelector('button[data-set-lang="en-US"]')?.getAttribute('aria-pressed')).toBe('true');

    const change = (el: Element) => el.dispatchEvent(new doc.defaultView!.Event('change', { bubbles: true }));
    const box = doc.querySelector('input[data-filter="severity"][value="error"]') as HTMLInputElement;
    box.checked = false;
    change(box);
    expect(visible().length).toBeGreaterThan(0);
    expect(visible().every((r) => r.getAttribute('data-severity') !== 'error')).toBe(true);
    expect(Number(doc.querySelector('.shown-count')?.textContent)).toBe(visible().length);
    expect((doc.getElementById('filter-note') as HTMLElement).hidden).toBe(false);
    box.checked = true;
    change(box);

    const region = doc.querySelector('select[data-filter="entity"]') as HTMLSelectElement;
    region.value = '乐山市五通桥区';
    change(region);
    expect(visible().length).toBeGreaterThan(0);
    expect(visible().length).toBeLessThan(rows.length);
    expect(visible().every((r) => r.getAttribute('data-entity') === '乐山市五通桥区')).toBe(true);
    region.value = '';
    change(region);

    const rule = doc.querySelector('select[data-filter="rule"]') as HTMLSelectElement;
    rule.value = 'history.hb';
    change(rule);
    expect(visible().length).toBe(results.flatMap((r) => r.result?.findings ?? []).filter((f) => f.ruleId === 'history.hb').length);
    rule.value = '';
    change(rule);

    const file = doc.querySelector('select[data-filter="file"]') as HTMLSelectElement;
    file.value = '2';
    change(file);
    expect(visible()).toHaveLength(results[2].result?.findings.length ?? -1);
    // The unreadable file has no findings to filter by.
    expect([...file.options].map((o) => o.value)).toEqual(['', '0', '1', '2']);
  });

  it('loads nothing: no src or href, no stylesheet link, no address; the CSP allows only its own script', () => {
    const html = htmlReport(results);
    const doc = page(html);
    expect(doc.querySelectorAll('[src], [href], link, iframe, object, embed, img, base')).toHaveLength(0);
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/https?:|["'(]\/\/|<link|@import|url\(/i);
    const scripts = [...doc.querySelectorAll('script')];
    expect(scripts).toHaveLength(1);
    expect(scripts[0].hasAttribute('src')).toBe(false);
    expect(html).not.toMatch(/\beval\s*\(|new\s+Function/);
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    // The hash is that of the script as the page carries it.
    const digest = createHash('sha256').update(scripts[0].textContent ?? '', 'utf8').digest('base64');
    expect(csp).toContain(`script-src 'sha256-${digest}'`);
    expect(scripts[0].textContent).toBe(PAGE_SCRIPT);
  });

  it('is laid out for A4: page size, filters and the switch hidden, rows kept whole, figures small', () => {
    const css = page(htmlReport(results)).querySelector('style')?.textContent ?? '';
    expect(css).toMatch(/@page \{ size: A4; margin: [^}]+\}/);
    const print = css.slice(css.indexOf('@media print'));
    expect(print).toMatch(/#filters, #lang-switch \{ display: none !important; \}/);
    expect(print).toMatch(/tr, figure, li \{ break-inside: avoid;/);
    expect(print).toMatch(/\.fig svg \{ width: 55mm;/);
  });
});

describe('sha256 (the CSP hash)', () => {
  it.each(['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), '指标校验 😀 \ud800 end', PAGE_SCRIPT])('agrees with Node’s crypto on %#', (text) => {
    expect(cspHash(text)).toBe(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  });
});
