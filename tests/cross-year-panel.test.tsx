/** @jest-environment jsdom */
// The 跨年 tab against a fake host and the real engine (runCheck = checkWorkbook) over a small
// workbook with planted jumps: 行政处罚案件 106 → 188 and 医疗服务类罚款 58,590 → 585,900 (×10).

import './helpers/jsdom-polyfills';

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { checkWorkbook } from '../src/core/engine';
import { DEFAULT_HISTORY_OPTIONS } from '../src/core/history';
import { HostError, SYNC_TIMEOUT } from '../src/hosts/excel/errors';
import type { CellRef, CellValue, Finding, Lang, WorkbookSnapshot } from '../src/core/types';
import type { Host } from '../src/core/host';
import { App } from '../src/taskpane/App';
import type { TrendChartRef } from '../src/taskpane/capabilities';
import { translator } from '../src/taskpane/i18n';
import { CrossYearPanel } from '../src/taskpane/panels/CrossYearPanel';
import { buildChartRequest, formFromOptions, readForm, withPeriods, type WorkbookHistory } from '../src/taskpane/panels/cross-year-view-model';
import { readWorkbookHistory } from '../src/taskpane/panels/cross-year-reader';
import { crossYearTranslator } from '../src/taskpane/panels/cross-year-strings';
import { sparkGeometry } from '../src/taskpane/panels/Sparkline';
import type { CheckSession, RunCheck, SessionOptions } from '../src/taskpane/session';

// --- the workbook ------------------------------------------------------------------------------

const SHEET = '历年指标';

function wide(fine: CellValue = 585900): WorkbookSnapshot {
  return {
    name: '示例区-历年指标.xlsx',
    sheets: [
      {
        name: SHEET,
        originRow: 0,
        originCol: 0,
        values: [
          ['示例区卫生健康局法治指标', null, null, null, null, null, null],
          ['序号', '指标', '单位', '2019年', '2020年', '2021年', '2022年'],
          [1, '行政处罚案件', '件', 98, 101, 106, 188],
          [2, '医疗服务类罚款', '元', 52000, 55000, 58590, fine],
          [3, '监督检查户次', '户', 300, 310, 320, 330],
        ],
      },
    ],
  };
}

// --- fakes -------------------------------------------------------------------------------------

class FakeHost implements Host {
  readonly kind = 'fake' as const;
  selected: CellRef[] = [];
  async readWorkbook(): Promise<WorkbookSnapshot> {
    return wide();
  }
  async applyMarks(): Promise<void> {}
  async clearMarks(): Promise<void> {}
  async selectCell(ref: CellRef): Promise<void> {
    this.selected.push(ref);
  }
}

class ChartHost extends FakeHost {
  charts: Array<{ ref: TrendChartRef; title: string }> = [];
  async insertLineChart(ref: TrendChartRef, title: string): Promise<{ sheet: string; chart: string }> {
    this.charts.push({ ref, title });
    return { sheet: '趋势图', chart: 'Chart 1' };
  }
}

function engine(): jest.MockedFunction<RunCheck> {
  return jest.fn<ReturnType<RunCheck>, Parameters<RunCheck>>((snapshot, options) => checkWorkbook(snapshot, options));
}

let sessionOptions: SessionOptions = {};

function Harness({ host, runCheck, lang, session }: { host: Host; runCheck: RunCheck; lang: Lang; session: CheckSession | null }) {
  const [options, setOptions] = useState<SessionOptions>({});
  sessionOptions = options;
  return (
    <FluentProvider theme={webLightTheme}>
      <CrossYearPanel host={host} lang={lang} t={translator(lang)} runCheck={runCheck} session={session} options={options} setOptions={setOptions} />
    </FluentProvider>
  );
}

function sessionOf(snapshot: WorkbookSnapshot, runId = 1): CheckSession {
  return { snapshot, result: checkWorkbook(snapshot), runId };
}

function renderPanel(o: { host?: Host; snapshot?: WorkbookSnapshot; lang?: Lang; session?: CheckSession | null } = {}) {
  const host = o.host ?? new ChartHost();
  const runCheck = engine();
  const session = o.session === undefined ? sessionOf(o.snapshot ?? wide()) : o.session;
  const utils = render(<Harness host={host} runCheck={runCheck} lang={o.lang ?? 'zh-CN'} session={session} />);
  const rerender = (lang: Lang, s: CheckSession | null = session) => utils.rerender(<Harness host={host} runCheck={runCheck} lang={lang} session={s} />);
  return { ...utils, host, runCheck, session, rerender };
}

const analyseButton = (name: RegExp = /^分析/) => screen.findByRole('button', { name });

async function analyse(name?: RegExp): Promise<void> {
  fireEvent.click(await analyseButton(name));
  await screen.findByTestId('cy-results');
  await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
}

/** Finding rows: rule id and the text of the row. */
function rows(): Array<{ rule: string; text: string; el: HTMLElement }> {
  return screen.queryAllByTestId('cy-finding').map((el) => ({ rule: el.getAttribute('data-rule') ?? '', text: el.textContent ?? '', el }));
}

function rowOf(rule: string, indicator: string): HTMLElement {
  const r = rows().find((x) => x.rule === rule && x.text.includes(indicator));
  if (!r) throw new Error(`no ${rule} row for ${indicator} among ${rows().map((x) => `${x.rule}:${x.text.slice(0, 20)}`).join(' | ')}`);
  return r.el;
}

async function openThresholds(label = '阈值设置'): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: new RegExp(`^${label}`) }));
  await screen.findByLabelText(label === '阈值设置' ? '数量：相对变化超过（%）' : 'Counts: relative change above (%)');
}

beforeEach(() => {
  sessionOptions = {};
});

// --- tests -------------------------------------------------------------------------------------

describe('跨年 tab', () => {
  test('before any check: an empty state pointing to 校验, and no dead button', () => {
    const { runCheck } = renderPanel({ session: null });
    expect(screen.getByTestId('cross-year-empty').textContent).toContain('请先在“校验”选项卡点击“校验”');
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(runCheck).not.toHaveBeenCalled();
  });

  test('defaults to the latest year against the one before; 分析 lists only history findings with values, change, method and bounds', async () => {
    const { runCheck } = renderPanel();
    await analyseButton();
    const current = screen.getByTestId('cy-current') as HTMLSelectElement;
    const base = screen.getByTestId('cy-base') as HTMLSelectElement;
    expect(current.value).toBe('2022');
    expect(base.value).toBe('2021');
    expect([...current.options].map((o) => o.value)).toEqual(['2022', '2021', '2020', '*']);
    expect([...base.options].map((o) => o.value)).toEqual(['2021', '2020', '2019']);

    await analyse();
    expect(runCheck).toHaveBeenCalledTimes(1);
    const [snapshot, options] = runCheck.mock.calls[0];
    expect(snapshot.sheets[0].name).toBe(SHEET);
    const history = options.history as Exclude<typeof options.history, false | undefined>;
    expect(history.currentPeriod).toBe('2022');
    expect(history.basePeriod).toBe('2021');
    expect(history.yoy?.relative).toEqual(DEFAULT_HISTORY_OPTIONS.yoy.relative);
    expect(history.robust?.z).toBe(DEFAULT_HISTORY_OPTIONS.robust.z);
    // The same thresholds go to the session, for the 校验 tab.
    expect(sessionOptions.history).toEqual(history);

    const list = rows();
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((r) => r.rule.startsWith('history.'))).toBe(true);
    // What checkWorkbook says about history, and nothing else, is listed.
    const expected = (checkWorkbook(wide(), { history }).findings as Finding[]).filter((f) => f.ruleId.startsWith('history.'));
    expect(list.map((r) => r.rule).sort()).toEqual(expected.map((f) => f.ruleId).sort());
    expect(list.some((r) => r.text.includes('监督检查户次'))).toBe(false);

    const scale = rowOf('history.yoy.scale', '医疗服务类罚款');
    expect(scale.closest('[data-kind]')?.getAttribute('data-kind')).toBe('scale');
    expect(within(scale).getByTestId('cy-values').textContent).toBe('2021年 58,590 元 → 2022年 585,900 元');
    const details = within(scale).getByTestId('cy-details').textContent ?? '';
    expect(details).toContain('变化 +527,310 元（+900%）');
    expect(details).toContain('应在 29,295 元～87,885 元');
    expect(details).toContain('约为上期的 10 倍');
    expect(scale.textContent).toContain('单位提示');
    expect(scale.textContent).toContain('可能是单位错误');
    expect(scale.textContent).toContain(`${SHEET}!G4`);

    const yoy = rowOf('history.yoy', '行政处罚案件');
    expect(within(yoy).getByTestId('cy-values').textContent).toBe('2021年 106 → 2022年 188');
    expect(within(yoy).getByTestId('cy-details').textContent).toContain('变化 +82（+77.4%）');
    expect(within(yoy).getByTestId('cy-details').textContent).toContain('应在 53～159');
    // The method's statistics are not on the row: they are folded under 详情, after the message.
    const robust = rowOf('history.robust', '行政处罚案件');
    expect(within(robust).getByTestId('cy-details').textContent).not.toMatch(/z|MAD/);
    const folded = within(robust).getByTestId('finding-details') as HTMLDetailsElement;
    expect(folded.open).toBe(false);
    expect(folded.querySelector('summary')?.textContent).toBe('详情');
    expect(within(folded).getByTestId('finding-details-text').textContent).toMatch(/稳健 z 值 19\.561（\|z\| > 3\.5/);
    expect(within(robust).getByRole('button', { name: new RegExp(SHEET) }).textContent).not.toMatch(/MAD|z 值|19\.561/);
    fireEvent.click(folded.querySelector('summary') as HTMLElement);
    expect(folded.open).toBe(true);
  });

  test('each finding draws its series as an accessible trend line', async () => {
    renderPanel();
    await analyse();
    const row = rowOf('history.yoy.scale', '医疗服务类罚款');
    const svg = within(row).getByRole('img');
    expect(svg.getAttribute('aria-label')).toBe('“医疗服务类罚款”历年数值：2019年 52,000 元、2020年 55,000 元、2021年 58,590 元、2022年 585,900 元');
    const circles = [...svg.querySelectorAll('circle')];
    expect(circles.map((c) => c.getAttribute('data-period'))).toEqual(['2019', '2020', '2021', '2022']);
    expect(circles.map((c) => Number(c.getAttribute('data-value')))).toEqual([52000, 55000, 58590, 585900]);
    const ys = circles.map((c) => Number(c.getAttribute('cy')));
    const xs = circles.map((c) => Number(c.getAttribute('cx')));
    // Left to right by year; the ×10 year far above the others.
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(ys[3]).toBeLessThan(ys[2] - 20);
    const line = svg.querySelector('polyline')?.getAttribute('points')?.split(' ');
    expect(line).toHaveLength(4);
    expect(line?.[3]).toBe(`${xs[3]},${ys[3]}`);
  });

  test('sparkline geometry breaks the line at a missing year and marks the expected range', () => {
    const g = sparkGeometry(
      [
        { period: '2019', value: 10 },
        { period: '2020', value: null },
        { period: '2021', value: 20 },
        { period: '2022', value: 40 },
      ],
      100,
      40,
      4,
      '2022',
      { lower: 15, upper: 25 },
    );
    expect(g.points.map((p) => p.period)).toEqual(['2019', '2021', '2022']);
    expect(g.segments).toHaveLength(1);
    expect(g.segments[0]).toHaveLength(2);
    expect(g.points[2].y).toBe(4); // the maximum at the top
    expect(g.points[0].y).toBe(36); // the minimum at the bottom
    expect(g.bounds?.x).toBe(g.points[2].x);
    expect(g.bounds!.y0).toBeLessThan(g.bounds!.y1);
  });

  test('clicking a finding selects its cell', async () => {
    const { host } = renderPanel();
    await analyse();
    const row = rowOf('history.yoy.scale', '医疗服务类罚款');
    fireEvent.click(within(row).getAllByRole('button')[0]);
    expect((host as FakeHost).selected).toEqual([{ sheet: SHEET, address: 'G4' }]);
  });

  test('a long result list is windowed: a few rows in the DOM, the whole count for screen readers, later rows on scroll', async () => {
    // 3,000 year-over-year findings: the engine's one for 行政处罚案件, copied to as many cells.
    const n = 3000;
    const runCheck = jest.fn<ReturnType<RunCheck>, Parameters<RunCheck>>((snapshot, options) => {
      const result = checkWorkbook(snapshot, options);
      const yoy = result.findings.find((f) => f.ruleId === 'history.yoy' && f.indicator === '行政处罚案件');
      if (!yoy) throw new Error('no yoy finding to copy');
      const copies = Array.from({ length: n }, (_, i): Finding => ({ ...yoy, cells: [{ sheet: SHEET, address: `G${i + 1}` }] }));
      return { ...result, findings: copies };
    });
    const host = new FakeHost();
    const viewport = jest.spyOn(Element.prototype, 'clientHeight', 'get').mockReturnValue(600);
    try {
      render(<Harness host={host} runCheck={runCheck} lang="zh-CN" session={sessionOf(wide())} />);
      await analyse();
      expect(screen.getByRole('status').textContent).toContain(String(n));
      const list = screen.getByRole('list', { name: '同比变化过大' });
      const shown = () => within(list).getAllByRole('listitem');
      expect(shown().length).toBeLessThan(40);
      expect(shown().every((li) => li.getAttribute('aria-setsize') === String(n))).toBe(true);
      expect(shown()[0].getAttribute('aria-posinset')).toBe('1');

      const box = list.parentElement!;
      expect(box.getAttribute('data-windowed')).toBe('true');
      Object.defineProperty(box, 'scrollTop', { configurable: true, value: 2000 * 72 });
      fireEvent.scroll(box);
      await act(async () => new Promise((resolve) => setTimeout(resolve, 200)));
      const later = shown().map((li) => Number(li.getAttribute('aria-posinset')));
      expect(Math.min(...later)).toBeGreaterThan(1900);
      expect(later.length).toBeLessThan(40);

      const row = shown()[3];
      const address = row.querySelector('button')!.getAttribute('data-cell');
      fireEvent.click(row.querySelector('button')!);
      expect(host.selected).toEqual([{ sheet: SHEET, address: address!.split('!')[1] }]);
      expect(row.querySelector('svg[role="img"]')).toBeTruthy(); // its trend line
    } finally {
      viewport.mockRestore();
    }
  }, 30000);

  test('a higher threshold flags less, a lower one more; the engine and the session get the thresholds', async () => {
    const { runCheck } = renderPanel();
    await analyse();
    expect(rows().some((r) => r.rule === 'history.yoy' && r.text.includes('行政处罚案件'))).toBe(true);

    await openThresholds();
    fireEvent.change(screen.getByLabelText('数量：相对变化超过（%）'), { target: { value: '100' } });
    expect(await screen.findByTestId('cy-stale')).toBeTruthy();
    await analyse();
    expect(runCheck).toHaveBeenCalledTimes(2);
    const history = runCheck.mock.calls[1][1].history as Exclude<SessionOptions['history'], false | undefined>;
    expect(history.yoy?.relative?.count).toBe(1);
    expect(sessionOptions.history).toEqual(history);
    await waitFor(() => expect(rows().some((r) => r.rule === 'history.yoy' && r.text.includes('行政处罚案件'))).toBe(false));
    expect(screen.queryByTestId('cy-stale')).toBeNull();

    // 320 → 330 (+3.1 %, +10) becomes a finding with 2 % and a floor of 5.
    fireEvent.change(screen.getByLabelText('数量：相对变化超过（%）'), { target: { value: '2' } });
    fireEvent.change(screen.getByLabelText('数量：绝对变化超过'), { target: { value: '5' } });
    await analyse();
    await waitFor(() => expect(rows().some((r) => r.rule === 'history.yoy' && r.text.includes('监督检查户次'))).toBe(true));
    const h3 = runCheck.mock.calls[2][1].history as Exclude<SessionOptions['history'], false | undefined>;
    expect(h3.yoy?.relative?.count).toBeCloseTo(0.02, 12);
    expect(h3.yoy?.floor?.count).toBe(5);

    // Turning the robust detector off removes its rows.
    fireEvent.click(screen.getByRole('checkbox', { name: '稳健历史' }));
    await analyse();
    await waitFor(() => expect(rows().some((r) => r.rule === 'history.robust')).toBe(false));

    // Reset brings back the documented defaults.
    fireEvent.click(screen.getByRole('button', { name: '恢复默认阈值和年份' }));
    expect((screen.getByLabelText('数量：相对变化超过（%）') as HTMLInputElement).value).toBe(String(DEFAULT_HISTORY_OPTIONS.yoy.relative.count * 100));
    expect((screen.getByLabelText('金额：绝对变化超过（元）') as HTMLInputElement).value).toBe(String(DEFAULT_HISTORY_OPTIONS.yoy.floor.money));
    expect((screen.getByRole('checkbox', { name: '稳健历史' }) as HTMLInputElement).checked).toBe(true);
  });

  test('an invalid threshold is explained and 分析 waits until it is fixed', async () => {
    renderPanel();
    await analyseButton();
    await openThresholds();
    fireEvent.change(screen.getByLabelText('规模指数 U（0–1）'), { target: { value: '1.5' } });
    expect(await screen.findByText('应在 0 到 1 之间。')).toBeTruthy();
    expect(screen.getByText('有阈值无效，请先修正后再分析。')).toBeTruthy();
    expect((await analyseButton()).hasAttribute('disabled')).toBe(true);
    fireEvent.change(screen.getByLabelText('规模指数 U（0–1）'), { target: { value: '0.4' } });
    await waitFor(async () => expect((await analyseButton()).hasAttribute('disabled')).toBe(false));
  });

  test('another base year is passed to the engine and named in the rows', async () => {
    const { runCheck } = renderPanel();
    await analyseButton();
    fireEvent.change(screen.getByTestId('cy-base'), { target: { value: '2019' } });
    await analyse();
    const history = runCheck.mock.calls[0][1].history as Exclude<SessionOptions['history'], false | undefined>;
    expect(history.basePeriod).toBe('2019');
    expect(within(rowOf('history.yoy', '行政处罚案件')).getByTestId('cy-values').textContent).toBe('2019年 98 → 2022年 188');
  });

  test('the chart button charts the ticked indicators from the wide sheet\'s own cells', async () => {
    const host = new ChartHost();
    renderPanel({ host });
    await analyse();
    const insert = screen.getByRole('button', { name: /^插入趋势图/ });
    expect(insert.hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('cy-chart-hint').textContent).toBe('勾选结果中的指标，可在新工作表中插入 Excel 折线图。');

    fireEvent.click(within(rowOf('history.yoy', '行政处罚案件')).getByRole('checkbox'));
    fireEvent.click(within(rowOf('history.yoy.scale', '医疗服务类罚款')).getByRole('checkbox'));
    // The same indicator's other rows follow.
    expect((within(rowOf('history.robust', '行政处罚案件')).getByRole('checkbox') as HTMLInputElement).checked).toBe(true);
    expect(insert.textContent).toBe('插入趋势图（2）');
    fireEvent.click(insert);
    await screen.findByText('已在新工作表“趋势图”中插入趋势图。');
    expect(host.charts).toEqual([
      {
        ref: {
          sheet: SHEET,
          categories: 'D2:G2',
          series: [
            { name: '行政处罚案件', values: 'D3:G3' },
            { name: '医疗服务类罚款', values: 'D4:G4' },
          ],
        },
        title: '行政处罚案件、医疗服务类罚款（2019—2022年）',
      },
    ]);
  });

  test('a chart insert whose Excel sync timed out offers 重试, which inserts it', async () => {
    const host = new ChartHost();
    const insert = host.insertLineChart.bind(host);
    let calls = 0;
    host.insertLineChart = async (ref, title) => {
      calls++;
      if (calls === 1) throw new HostError(SYNC_TIMEOUT, { reason: 'SyncTimeout' });
      return insert(ref, title);
    };
    renderPanel({ host });
    await analyse();
    fireEvent.click(within(rowOf('history.yoy.scale', '医疗服务类罚款')).getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: /^插入趋势图/ }));
    expect(await screen.findByText(SYNC_TIMEOUT['zh-CN'])).toBeTruthy();
    fireEvent.click(within(screen.getByTestId('error-bar')).getByRole('button', { name: '重试：插入趋势图' }));
    await screen.findByText('已在新工作表“趋势图”中插入趋势图。');
    expect(calls).toBe(2);
    expect(host.charts).toHaveLength(1);
    expect(screen.queryByTestId('error-bar')).toBeNull();
  });

  test('a row with a text cell (585,900) is charted from values, which the host writes on its own sheet', async () => {
    const host = new ChartHost();
    renderPanel({ host, snapshot: wide('585,900') });
    await analyse();
    fireEvent.click(within(rowOf('history.yoy.scale', '医疗服务类罚款')).getByRole('checkbox'));
    fireEvent.click(screen.getByRole('button', { name: /^插入趋势图/ }));
    await waitFor(() => expect(host.charts).toHaveLength(1));
    expect(host.charts[0]).toEqual({
      ref: {
        header: '指标',
        categories: ['2019', '2020', '2021', '2022'],
        series: [{ name: '医疗服务类罚款（元）', values: [52000, 55000, 58590, 585900], numberFormat: '#,##0' }],
      },
      title: '医疗服务类罚款（2019—2022年）',
    });
  });

  test('without insertLineChart (the browser preview) the chart button is disabled and says why', async () => {
    renderPanel({ host: new FakeHost() });
    await analyse();
    fireEvent.click(within(rowOf('history.yoy.scale', '医疗服务类罚款')).getByRole('checkbox'));
    const insert = screen.getByRole('button', { name: /^插入趋势图/ });
    expect(insert.hasAttribute('disabled')).toBe(true);
    expect(screen.getByTestId('cy-chart-hint').textContent).toBe('仅在 Excel 中可用：浏览器预览不能插入图表。');
    expect(insert.getAttribute('aria-describedby')).toBe('cy-chart-hint');
  });

  test('switches to English, findings and trend lines included', async () => {
    const { rerender } = renderPanel();
    await analyse();
    rerender('en-US');
    expect(await screen.findByRole('button', { name: /^Analyse/ })).toBeTruthy();
    const row = rowOf('history.yoy.scale', '医疗服务类罚款');
    expect(row.textContent).toContain('possibly a unit or extra-digit error');
    expect(row.textContent).toContain('Unit hint');
    expect(within(row).getByTestId('cy-values').textContent).toBe('2021 58,590 元 → 2022 585,900 元');
    expect(within(row).getByRole('img').getAttribute('aria-label')).toMatch(/^"医疗服务类罚款" by year: 2019 52,000 元, /);
    expect(screen.getByTestId('cy-chart-hint').textContent).toContain('Tick indicators');
    expect(screen.queryByText(/可能是单位错误/)).toBeNull();
  });

  test('a workbook with one year says the comparison needs two', async () => {
    const one: WorkbookSnapshot = {
      name: 'x.xlsx',
      sheets: [{ name: 'S', originRow: 0, originCol: 0, values: [['指标', '单位', '2022年'], ['行政处罚案件', '件', 5]] }],
    };
    renderPanel({ snapshot: one });
    expect((await screen.findByTestId('cross-year-one-period')).textContent).toContain('只识别到 1 个年份（2022年）');
    expect(screen.queryByRole('button', { name: /^分析/ })).toBeNull();
  });

  test('a new check clears the old findings and keeps the thresholds', async () => {
    const { rerender, session } = renderPanel();
    await analyse();
    await openThresholds();
    fireEvent.change(screen.getByLabelText('数量：相对变化超过（%）'), { target: { value: '100' } });
    await act(async () => rerender('zh-CN', { ...(session as CheckSession), runId: 2 }));
    await waitFor(() => expect(screen.queryByTestId('cy-results')).toBeNull());
    expect((screen.getByLabelText('数量：相对变化超过（%）') as HTMLInputElement).value).toBe('100');
  });
});

describe('跨年 model', () => {
  const t = crossYearTranslator('zh-CN');

  test('the form shows the documented defaults and reads back to them', () => {
    const form = formFromOptions(DEFAULT_HISTORY_OPTIONS);
    expect(form.values['relative.count']).toBe('50');
    expect(form.values['relative.rate']).toBe('20');
    expect(form.values['floor.money']).toBe('10000');
    expect(form.values['floor.rate']).toBe('5');
    expect(form.values.scaleTolerance).toBe('15');
    expect(form.values.z).toBe('3.5');
    expect([form.values.U, form.values.A, form.values.C, form.values.minEntities]).toEqual(['0.5', '0.05', '4', '5']);
    const back = readForm(form, DEFAULT_HISTORY_OPTIONS);
    expect(back.options).toEqual(DEFAULT_HISTORY_OPTIONS);
    const pair = readForm({ ...form, values: { ...form.values, C: '3，5' } }, DEFAULT_HISTORY_OPTIONS);
    expect(pair.options?.hb.C).toEqual([3, 5]);
    expect(readForm({ ...form, values: { ...form.values, minEntities: '2.5' } }, DEFAULT_HISTORY_OPTIONS).errors.minEntities?.key).toBe('cy.invalid.integer');
  });

  test('periods: every year against the one before', () => {
    const o = withPeriods(DEFAULT_HISTORY_OPTIONS, { current: '*', base: '' });
    expect(o.allPeriods).toBe(true);
    expect(o.currentPeriod).toBeUndefined();
    const findings = checkWorkbook(wide(), { history: o }).findings.filter((f) => f.ruleId.startsWith('history.'));
    expect(findings.length).toBeGreaterThan(0);
  });

  test('a per-year workbook is charted from values with a gap for a missing year', () => {
    const snap: WorkbookSnapshot = {
      name: 'y.xlsx',
      sheets: ['2019', '2021', '2022'].map((y, i) => ({
        name: `${y}年`,
        originRow: 0,
        originCol: 0,
        values: [
          ['指标', '单位', '数值'],
          ['法制审核率', '%', [0.9, 0.95, 1][i]],
        ],
        numberFormats: [
          ['General', 'General', 'General'],
          ['General', 'General', '0%'],
        ],
      })),
    };
    const history: WorkbookHistory = readWorkbookHistory(snap);
    const s = history.series.find((x) => x.label === '法制审核率')!;
    const req = buildChartRequest(history, snap, [s.id], t)!;
    expect(req.mode).toBe('values');
    expect(req.ref).toEqual({
      header: '指标',
      categories: ['2019', '2020', '2021', '2022'],
      series: [{ name: '法制审核率', values: [0.9, null, 0.95, 1], numberFormat: '0.0%' }],
    });
  });
});

describe('跨年 in the task pane', () => {
  test('after 校验, the 跨年 tab analyses the same workbook with the thresholds, which the next 校验 uses too', async () => {
    const host = new ChartHost();
    const runCheck = engine();
    render(<App host={host} lang="zh-CN" runCheck={runCheck} />);
    // Queries stay inside one tab panel: role queries over the whole pane are slow in jsdom.
    const checkPanel = document.getElementById('panel-check')!;
    const panel = document.getElementById('panel-crossYear')!;
    const tab = (name: string) => within(screen.getByRole('tablist')).getByRole('tab', { name });
    fireEvent.click(tab('跨年'));
    expect(panel.hidden).toBe(false);
    expect(within(panel).getByTestId('cross-year-empty')).toBeTruthy();

    fireEvent.click(tab('校验'));
    fireEvent.click(within(checkPanel).getByRole('button', { name: /^校验当前工作簿/ }));
    await within(checkPanel).findByTestId('summary', undefined, { timeout: 10000 });
    fireEvent.click(tab('跨年'));
    fireEvent.click(await within(panel).findByRole('button', { name: /^分析/ }));
    await within(panel).findByTestId('cy-results');
    await waitFor(() => expect(within(panel).getAllByTestId('cy-finding').some((r) => r.textContent?.includes('585,900'))).toBe(true));
    const history = runCheck.mock.calls[1][1].history;
    expect(history).toMatchObject({ currentPeriod: '2022', basePeriod: '2021' });

    fireEvent.click(tab('校验'));
    fireEvent.click(within(checkPanel).getByRole('button', { name: /^校验当前工作簿/ }));
    await waitFor(() => expect(runCheck).toHaveBeenCalledTimes(3));
    expect(runCheck.mock.calls[2][1].history).toEqual(history);
  }, 20000);
});
