/** @jest-environment jsdom */
// The 汇总表 tab's 报告文本 section opens report files: 打开文件… puts the text of a .txt (UTF-8 or
// GB18030), a .docx or a .pdf into the box; 核对 then checks it under the file's name. A file that
// cannot be read (a scan, a .doc) shows why in both languages and leaves the box as it was.

// --- jsdom polyfills Fluent UI v9 expects -------------------------------------------------------
import './helpers/jsdom-polyfills';

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import iconv from 'iconv-lite';
import { ReadableStream as NodeReadableStream } from 'stream/web';
import { TextDecoder as NodeTextDecoder } from 'util';
import * as v8 from 'v8';
import type { CellRef, Finding, Lang, WorkbookSnapshot } from '../src/core/types';
import type { Host } from '../src/core/host';
import { translator } from '../src/taskpane/i18n';
import { SummaryPanel } from '../src/taskpane/panels/SummaryPanel';
import { layOut, makeDocx, makePdf } from './helpers/report-files';

// jsdom lacks what the readers use from the browser (WebView2, Safari 16.4 and Chromium 98 or
// later have all three): TextDecoder (Word's XML), and structuredClone and ReadableStream (PDF.js).
const g = globalThis as { TextDecoder?: unknown; structuredClone?: unknown; ReadableStream?: unknown };
g.TextDecoder ??= NodeTextDecoder;
g.structuredClone ??= (v: unknown) => v8.deserialize(v8.serialize(v));
g.ReadableStream ??= NodeReadableStream;

// The pane loads PDF.js as an ES module (pdfjs-browser.ts), which jest cannot: it gets the
// CommonJS copy of the same build.
jest.mock('unpdf/pdfjs', () => (jest.requireActual('./helpers/report-files') as typeof import('./helpers/report-files')).pdfjsForJest(), { virtual: true });

class FakeHost implements Host {
  readonly kind = 'fake' as const;
  async readWorkbook(): Promise<WorkbookSnapshot> {
    throw new Error('not used');
  }
  async applyMarks(_f: Finding[]): Promise<void> {}
  async clearMarks(): Promise<void> {}
  async selectCell(_r: CellRef): Promise<void> {}
}

function renderPanel(lang: Lang = 'zh-CN') {
  return render(
    <FluentProvider theme={webLightTheme}>
      <SummaryPanel
        host={new FakeHost()}
        lang={lang}
        t={translator(lang)}
        runCheck={() => {
          throw new Error('not used');
        }}
        session={null}
        options={{}}
        setOptions={() => undefined}
      />
    </FluentProvider>,
  );
}

const box = () => screen.getByTestId('prose-text') as HTMLTextAreaElement;

function open(bytes: Uint8Array, name: string): void {
  const file = new File([bytes as BlobPart], name);
  fireEvent.change(screen.getByTestId('prose-file-input'), { target: { files: [file] } });
}

// Parts 58 + 62 + 1 = 121 above the total 120: an error claim.
const FAILING = '全年共办理行政处罚120件（其中警告58件；罚款、没收违法所得、没收非法财物62件；责令停产停业1件）。';

describe('报告文本: 打开文件', () => {
  it('opening a .docx fills the text box with its paragraphs; 核对 checks it under the file name', async () => {
    renderPanel();
    const input = screen.getByTestId('prose-file-input') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toContain('.docx');
    expect(input.accept).toContain('.pdf');
    expect(screen.getByRole('button', { name: '打开报告文件（.txt、.docx 或 .pdf），把正文放入文本框' })).toBeTruthy();

    const bytes = await makeDocx(['一、总体情况', FAILING, { table: [['指标', '2023年'], ['行政处罚案件', '120']] }, '以上为全年情况。']);
    open(bytes, '乐山市报告.docx');
    await waitFor(() => expect(box().value).toBe(`一、总体情况\n${FAILING}\n\n以上为全年情况。`));
    expect(screen.getByTestId('prose-source').textContent).toBe('已读取“乐山市报告.docx”的正文。 文档中有 1 个表格，点击核对时与正文一起核对（与工作表的核对相同）。');

    fireEvent.click(screen.getByRole('button', { name: '核对报告文本' }));
    await screen.findByTestId('prose-stats');
    const row = screen.getByTestId('prose-claims').querySelector('tbody tr[data-verdict="exceeds"]');
    expect(row?.textContent).toContain('121件');
    // The clean table is checked too, and says so.
    expect((await screen.findByTestId('prose-tables-clean')).textContent).toBe('文档表格中没有发现问题。');

    // 清空 empties the box and forgets the file.
    fireEvent.click(screen.getByRole('button', { name: '清空报告文本和核对结果' }));
    expect(box().value).toBe('');
    expect(screen.queryByTestId('prose-source')).toBeNull();
  });

  it('a Word table whose parts do not make its total is listed with its cells, as in a workbook', async () => {
    renderPanel();
    const bytes = await makeDocx(['全年共办理行政处罚案件120件。', { table: [['指标', '2022年', '2023年'], ['行政处罚案件', '100', '120'], ['其中：警告', '40', '130']] }]);
    open(bytes, '报告.docx');
    await waitFor(() => expect(box().value).toContain('120件'));
    fireEvent.click(screen.getByRole('button', { name: '核对报告文本' }));
    const list = await screen.findByTestId('prose-table-findings');
    const items = [...list.querySelectorAll('li')];
    // As in a sheet laid out from a template, the breakdown is complete: 40 of 100 and 130 of 120
    // are both errors, each at its total's cell.
    expect(items.map((li) => [li.getAttribute('data-rule'), li.getAttribute('data-severity'), /\('报告\.docx 表1'!([A-Z]+\d+)\)$/.exec(li.textContent ?? '')?.[1]])).toEqual([
      ['balance.mismatch', 'error', 'B2'],
      ['balance.exceeds', 'error', 'C2'],
    ]);
    expect(items[1].textContent).toContain('超出 10');
    expect(screen.getByText(/文档表格中的问题（\d+ 项）/)).toBeTruthy();
  });

  it('opens a GB18030 .txt and a .pdf; a new file replaces the text and the results', async () => {
    renderPanel('en-US');
    open(new Uint8Array(iconv.encode(FAILING, 'gb18030')), 'report.txt');
    await waitFor(() => expect(box().value).toBe(FAILING));
    expect(screen.getByTestId('prose-source').textContent).toBe('Read the text of "report.txt".');
    fireEvent.click(screen.getByRole('button', { name: 'Check the report text' }));
    await screen.findByTestId('prose-claims');

    const text = '全年共发布各类信息171条，其中新闻动态8条，政策问答7条，法定主动公开内容63条，重大民生及公益事业建设信息7条，双随机、一公开信息9条。';
    open(makePdf(layOut([text])), 'report.pdf');
    await waitFor(() => expect(box().value).toBe(text));
    expect(screen.getByTestId('prose-source').textContent).toBe('Read the text of "report.pdf" (pages: 1).');
    expect(screen.queryByTestId('prose-claims')).toBeNull();
  });

  it('a scanned PDF or a .doc shows why in both languages and leaves the box as it was', async () => {
    renderPanel();
    fireEvent.change(box(), { target: { value: '原有文字' } });
    open(makePdf([], { scan: 2 }), '扫描件.pdf');
    const bar = await screen.findByTestId('prose-file-error');
    expect(bar.textContent).toContain('无法读取文件');
    expect(bar.textContent).toContain('“扫描件.pdf”（2 页）中没有可读取的文字');
    expect(box().value).toBe('原有文字');

    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    open(ole, '旧报告.docx');
    await waitFor(() => expect(screen.getByTestId('prose-file-error').textContent).toContain('Word 97-2003'));
    expect(box().value).toBe('原有文字');
  });
});
