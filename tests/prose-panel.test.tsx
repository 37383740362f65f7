/** @jest-environment jsdom */
// The 汇总表 tab's report-prose check (报告文本): claims with verdicts (text, icon and colour),
// repeated figures with different values, and the comparison with the last checked workbook.

// --- jsdom polyfills Fluent UI v9 expects -------------------------------------------------------
import './helpers/jsdom-polyfills';

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, within } from '@testing-library/react';
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../src/core/engine';
import type { CellRef, Finding, Lang, WorkbookSnapshot } from '../src/core/types';
import type { Host } from '../src/core/host';
import { readXlsx } from '../src/hosts/xlsx/read-xlsx';
import { translator } from '../src/taskpane/i18n';
import { SummaryPanel } from '../src/taskpane/panels/SummaryPanel';
import type { CheckSession } from '../src/taskpane/session';

const SEEDS = path.join(__dirname, 'fixtures', 'seeds');
const SAMPLE = path.join(__dirname, '..', 'samples', '示例-乐山市市中区-法治指标.xlsx');

/** A line of a seed report that contains `marker`, cut to the sentence around it. */
function seedSentence(file: string, marker: string): string {
  const text = fs.readFileSync(path.join(SEEDS, file), 'utf8');
  const line = text.split(/\r?\n/).find((l) => l.includes(marker));
  if (!line) throw new Error(`${marker} not in ${file}`);
  const at = line.indexOf(marker);
  const start = Math.max(line.lastIndexOf('。', at) + 1, line.lastIndexOf('；', at) + 1, 0);
  const end = line.indexOf('。', at);
  return line.slice(start, end < 0 ? undefined : end + 1);
}

// Seed 004, line 33: 行政处罚120件（其中警告57件；…62件；…1件）adds up (57 + 62 + 1 = 120). The
// fixture states 警告58件: the parts then add up to 121 > 120, an error.
const SEED_004 = seedSentence('004_1f520193587ce677.txt', '全年政务服务办件量5404件');
const FAILING = SEED_004.replace('警告57件', '警告58件');
// Seed 001: the same passage twice, 帮助解决问题6个 (line 19) vs 解决实际问题56个 (line 39).
const SEED_001_A = seedSentence('001_6aa43dd84e2221bc.txt', '帮助解决问题6个');
const SEED_001_B = seedSentence('001_6aa43dd84e2221bc.txt', '解决实际问题56个');
const FIXTURE = [FAILING, SEED_001_A, SEED_001_B].join('\n');

class FakeHost implements Host {
  readonly kind = 'fake' as const;
  async readWorkbook(): Promise<WorkbookSnapshot> {
    throw new Error('not used');
  }
  async applyMarks(_f: Finding[]): Promise<void> {}
  async clearMarks(): Promise<void> {}
  async selectCell(_r: CellRef): Promise<void> {}
}

function renderPanel(session: CheckSession | null = null, lang: Lang = 'zh-CN') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <SummaryPanel
        host={new FakeHost()}
        lang={lang}
        t={translator(lang)}
        runCheck={() => {
          throw new Error('not used');
        }}
        session={session}
        options={{}}
        setOptions={() => undefined}
      />
    </FluentProvider>,
  );
}

async function paste(text: string, button = '核对报告文本'): Promise<void> {
  fireEvent.change(screen.getByTestId('prose-text'), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: button }));
  await screen.findByTestId('prose-stats');
}

/** Claim rows: verdict attribute and the texts of the columns by data-col. */
function claimRows() {
  const table = screen.getByTestId('prose-claims');
  return Array.from(table.querySelectorAll('tbody tr')).map((tr) => {
    const col = (name: string) => (tr.querySelector(`[data-col="${name}"]`) as HTMLElement | null)?.textContent ?? '';
    return {
      verdict: (tr as HTMLElement).dataset.verdict,
      total: col('total'),
      parts: col('parts'),
      sum: col('sum'),
      label: col('verdict'),
      tone: (tr.querySelector('[data-col="verdict"] [data-tone]') as HTMLElement | null)?.dataset.tone,
      icon: tr.querySelector('[data-col="verdict"] svg') !== null,
      sheet: col('sheet'),
    };
  });
}

describe('汇总表 tab: report text (报告文本)', () => {
  it('the fixture is what the seeds say, with one part changed', () => {
    expect(SEED_004).toContain('（其中警告57件；罚款、没收违法所得、没收非法财物62件；责令停产停业1件）');
    expect(FAILING).toContain('警告58件');
    expect(SEED_001_A).toContain('帮助解决问题6个');
    expect(SEED_001_B).toContain('解决实际问题56个');
  });

  it('核对 is disabled until text is pasted, and says so', () => {
    renderPanel();
    expect(screen.getByRole('button', { name: '核对报告文本' })).toHaveProperty('disabled', true);
    expect(screen.getByText('请先粘贴报告正文。')).toBeTruthy();
    // Without a check there is no sheet comparison, and the pane says what a check would add.
    expect(screen.getByText(/运行“校验”后，还会把文中数字与工作表/)).toBeTruthy();
  });

  it('lists the claims with passing and failing verdicts, both numbers, and the repeated figure', async () => {
    renderPanel();
    await paste(FIXTURE);
    const rows = claimRows();
    const ok = rows.find((r) => r.total.includes('5404件'));
    const bad = rows.find((r) => r.total.includes('120件'));
    expect(ok).toMatchObject({ verdict: 'ok', label: '通过', tone: 'ok', icon: true, sum: '5,404件' });
    expect(ok?.parts).toContain('自然人 4818件');
    expect(ok?.parts).toContain('法人 586件');
    // 58 + 62 + 1 = 121 > 120.
    expect(bad).toMatchObject({ verdict: 'exceeds', tone: 'error', icon: true, sum: '121件' });
    expect(bad?.label).toBe('不符：各项超出合计');
    expect(bad?.total).toBe('行政处罚 120件');
    expect(bad?.parts).toContain('警告 58件');
    // No sheet column before a check.
    expect(screen.getByTestId('prose-claims').querySelectorAll('[data-col="sheet"]')).toHaveLength(0);

    const stats = screen.getByTestId('prose-stats').textContent ?? '';
    expect(stats).toMatch(/2 处合计与分项：通过 1，不符 1，待核实 0，不判 0/);

    const warnings = within(screen.getByTestId('prose-warnings')).getAllByRole('listitem');
    const repeated = warnings.filter((w) => w.dataset.rule === 'text.repeated-figure');
    expect(repeated).toHaveLength(1);
    expect(repeated[0].textContent).toMatch(/第2行“[^”]*解决问题6个”为 6个，第3行“[^”]*解决实际问题56个”为 56个/);
  });

  it('speaks English and clears', async () => {
    renderPanel(null, 'en-US');
    await paste(FIXTURE, 'Check the report text');
    expect(claimRows().find((r) => r.verdict === 'exceeds')?.label).toBe('Mismatch: parts exceed the total');
    expect(claimRows().find((r) => r.verdict === 'ok')?.label).toBe('Pass');
    expect(screen.getByTestId('prose-warnings').textContent).toContain('The same indicator is stated with different values');
    fireEvent.click(screen.getByRole('button', { name: 'Clear the report text and the results' }));
    expect(screen.queryByTestId('prose-claims')).toBeNull();
    expect((screen.getByTestId('prose-text') as HTMLTextAreaElement).value).toBe('');
  });

  it('says when the text has no figures or no total with parts', async () => {
    renderPanel();
    await paste('本年度依法行政工作稳步推进。');
    expect(screen.getByTestId('prose-stats').textContent).toBe('文中没有找到数字。');
    expect(screen.getByText('没有找到“其中/包括/分别为”形式的合计与分项。')).toBeTruthy();
  });

  it('after a check compares the text with the same indicator and year in the sheet', async () => {
    const snapshot = await readXlsx(fs.readFileSync(SAMPLE), path.basename(SAMPLE));
    renderPanel({ snapshot, result: checkWorkbook(snapshot), runId: 1 });
    await screen.findByTestId('summary-preview'); // the workbook's model is ready
    // Sample 2022: 国家双随机监督抽检任务 209 (its parts 108 + 12 + 12 + 32 + 11 + 28 + 4 + 2), 依法公开执法处罚信息 106.
    const text = [seedSentence('000_87716d4fa430303b.txt', '累计完成国家双随机监督抽检任务209家'), '全年依法公开执法处罚信息100条。'].join('\n');
    await paste(text);
    expect(screen.getByTestId('prose-period')).toHaveProperty('value', '2022');
    const claim = claimRows().find((r) => r.total.includes('209家'));
    expect(claim?.verdict).toBe('ok');
    expect(claim?.sheet).toMatch(/209家 · 法治指标!E\d+ 209 一致/);

    const table = screen.getByTestId('prose-sheet');
    const rows = Array.from(table.querySelectorAll('tbody tr')) as HTMLElement[];
    const differs = rows.find((r) => r.textContent?.includes('100条'));
    expect(differs?.dataset.status).toBe('differs');
    expect(differs?.textContent).toContain('106');
    expect(differs?.textContent).toContain('不一致');
    expect(screen.getByTestId('prose-warnings').textContent).toMatch(/依法公开执法处罚信息100条”与工作表“法治指标”E\d+ 的“依法公开执法处罚信息”2022年（106）不一致/);

    // Another year: 2021 had 98 items, still not 100.
    fireEvent.change(screen.getByTestId('prose-period'), { target: { value: '2021' } });
    const again = (Array.from(screen.getByTestId('prose-sheet').querySelectorAll('tbody tr')) as HTMLElement[]).find((r) => r.textContent?.includes('100条'));
    expect(again?.textContent).toContain('98');
  });

  it('shows an error in a MessageBar when the check fails', async () => {
    jest.doMock('../src/core/text', () => ({
      checkReportText: () => {
        throw Object.assign(new Error('boom'), { bilingual: { 'zh-CN': '文本无法读取', 'en-US': 'The text cannot be read' } });
      },
    }));
    try {
      renderPanel();
      fireEvent.change(screen.getByTestId('prose-text'), { target: { value: '共10件，其中5件。' } });
      fireEvent.click(screen.getByRole('button', { name: '核对报告文本' }));
      const bar = await screen.findByTestId('prose-error');
      expect(bar.textContent).toContain('核对失败');
      expect(bar.textContent).toContain('文本无法读取');
      expect(screen.queryByTestId('prose-claims')).toBeNull();
    } finally {
      jest.dontMock('../src/core/text');
    }
  });
});
