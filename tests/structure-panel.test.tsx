/** @jest-environment jsdom */
// The 结构 tab: how the last check read each sheet, and a group's cells selected in the sheet
// through the host (the preview's xlsx host outlines the range; Excel selects it).
import './helpers/jsdom-polyfills';

import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../src/core/engine';
import { ExcelHost } from '../src/hosts/excel/excel-host';
import { XlsxHost } from '../src/hosts/xlsx/xlsx-host';
import { translator } from '../src/taskpane/i18n';
import { StructurePanel } from '../src/taskpane/panels/StructurePanel';
import type { CheckSession } from '../src/taskpane/session';
import { createFakeExcel } from './fakes/fake-excel';

const SAMPLES = path.join(__dirname, '..', 'samples');
const CROSS = '示例-各区县交叉表-乐山市.xlsx';

async function setup(file: string, lang: 'zh-CN' | 'en-US' = 'zh-CN') {
  const host = await XlsxHost.fromBytes(fs.readFileSync(path.join(SAMPLES, file)), file);
  const snapshot = await host.readWorkbook();
  const session: CheckSession = { snapshot, result: checkWorkbook(snapshot, { explain: true }), runId: 1 };
  render(
    <FluentProvider theme={webLightTheme}>
      <StructurePanel host={host} lang={lang} t={translator(lang)} runCheck={checkWorkbook} session={session} options={{}} setOptions={() => undefined} />
    </FluentProvider>,
  );
  return host;
}

describe('结构 tab', () => {
  test('asks for a check first', () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <StructurePanel host={{} as never} lang="zh-CN" t={translator('zh-CN')} runCheck={checkWorkbook} session={null} options={{}} setOptions={() => undefined} />
      </FluentProvider>,
    );
    expect(screen.getByTestId('structure-need-check')).toBeTruthy();
  });

  test('shows the cross-tab as read: shape, header rows, districts, groups and what was left out', async () => {
    await setup(CROSS);
    const sheet = screen.getByRole('region', { name: '2022年' });
    expect(within(sheet).getByText(/形状: cross-tab/)).toBeTruthy();
    expect(within(sheet).getByText(/表头行: 3–4/)).toBeTruthy();
    expect(within(sheet).getByText(/地区\/单位: 市中区、沙湾区、五通桥区、犍为县、井研县、全市合计/)).toBeTruthy();
    expect(within(sheet).getByText(/行政处罚案件 \[B\] = 警告 \[C\] \+ 罚款 \[D\] \+ 其他 \[E\]（按列）/)).toBeTruthy();
    expect(within(sheet).getByText(/全市合计 \[10\] = 市中区 \[5\]/)).toBeTruthy();
    expect(within(sheet).getByText(/未读取 H 列: “备注”不是待核对的数据/)).toBeTruthy();
  });

  test('选中 a group selects its cells in the preview grid', async () => {
    const host = await setup(CROSS);
    fireEvent.click(screen.getByRole('button', { name: '在表中选中: 行政处罚案件' }));
    await waitFor(() => expect(host.highlight).toBeDefined());
    // Columns B–E over the district rows 5–10 (0-based: rows 4–9, columns 1–4).
    expect(host.highlight).toEqual({ sheet: '2022年', r0: 4, c0: 1, r1: 9, c1: 4 });
    expect(host.selection).toEqual({ sheet: '2022年', address: 'B5' });
    fireEvent.click(screen.getByRole('button', { name: '在表中选中: 全市合计' }));
    // The districts and their total, across every indicator column (B–G).
    await waitFor(() => expect(host.highlight).toEqual({ sheet: '2022年', r0: 4, c0: 1, r1: 9, c1: 6 }));
    // A single cell selection ends the highlight.
    await host.selectCell({ sheet: '2022年', address: 'A1' });
    expect(host.highlight).toBeUndefined();
  });

  test('in English', async () => {
    await setup(CROSS, 'en-US');
    expect(screen.getAllByRole('button', { name: /^Select in sheet: / }).length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText(/Read wrongly\?/)).toBeTruthy();
  });

  test('the wide sample lists its 其中 groups by label cell', async () => {
    await setup('示例-乐山市市中区-法治指标.xlsx');
    expect(screen.getAllByText(/国家双随机监督抽检任务 \[B\d+\] = 其中：公共场所卫生 \[B\d+\]/).length).toBe(1);
  });
});

describe('ExcelHost.selectRange', () => {
  test('checks the sheet is visible, then activates it and selects the range (two syncs); a bad range gets a bilingual error', async () => {
    const fake = createFakeExcel([{ name: 'A', cells: { A1: 1 } }, { name: '2022年', cells: { A1: 1 } }]);
    const host = new ExcelHost((batch) => fake.run(batch), { platform: fake.platform, isSetSupported: () => true, syncTimeoutMs: 5000 });
    const before = fake.syncCount;
    await host.selectRange({ sheet: '2022年', address: 'E10:B5' });
    expect(fake.syncCount - before).toBe(2);
    expect(fake.workbookState.activeSheet).toBe('2022年');
    expect(fake.workbookState.selection).toEqual({ sheet: '2022年', address: 'B5:E10' });
    const err = (await host.selectRange({ sheet: '2022年', address: 'B5:' }).catch((e: unknown) => e)) as { bilingual: { 'zh-CN': string; 'en-US': string } };
    expect(err.bilingual['zh-CN']).toContain('不是有效的单元格区域');
    expect(err.bilingual['en-US']).toContain('not a valid range');
  });
});
