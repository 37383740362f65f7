import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/index';
import { explain, explanationRows, EXPLANATIONS_SHEET } from '../src/core/explanations';
import type { Finding } from '../src/core/types';

async function perYearFile(dir: string, name: string, year: number, cases: number): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(`${year}年`);
  ws.addRow([`甲县卫生健康局 ${year}年 法治政府建设指标`]);
  ws.addRow(['指标', '单位', '数值']);
  ws.addRow(['行政处罚案件', '件', cases]);
  ws.addRow(['法制审核率', '%', '100%']);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('CLI across files', () => {
  it('aligns the same indicator of one district across two files and flags the jump in the later file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hist-'));
    const a = await perYearFile(dir, '甲县-2021.xlsx', 2021, 106);
    const b = await perYearFile(dir, '甲县-2022.xlsx', 2022, 188);
    const out: string[] = [];
    const code = await main(['--dir', dir, '--format', 'json'], { stdout: (s) => void out.push(s), stderr: () => undefined });
    expect(code).toBe(0); // warnings only
    const json = JSON.parse(out.join(''));
    expect(json.files.map((f: { file: string }) => f.file)).toEqual([a, b]);
    expect(json.files[0].findings).toEqual([]);
    const yoy = json.files[1].findings.find((f: { ruleId: string }) => f.ruleId === 'history.yoy');
    expect(yoy).toBeDefined();
    expect(yoy.severity).toBe('warning');
    expect(yoy.entity).toBe('甲县');
    expect(yoy.cells).toEqual([
      { file: b, sheet: '2022年', address: 'C3' },
      { file: a, sheet: '2021年', address: 'C3' },
    ]);
    expect(yoy.series).toEqual([
      { period: '2021', value: 106 },
      { period: '2022', value: 188 },
    ]);
    expect(yoy.message['zh-CN']).toContain('188');
    expect(yoy.message['en-US']).toContain('106');
  });

  it('carries a file’s own explanation of a finding made across files (校验说明 of the later file)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hist-'));
    await perYearFile(dir, '甲县-2021.xlsx', 2021, 106);
    const b = await perYearFile(dir, '甲县-2022.xlsx', 2022, 188);
    const run = async () => {
      const out: string[] = [];
      await main(['--dir', dir, '--format', 'json'], { stdout: (s) => void out.push(s), stderr: () => undefined });
      return JSON.parse(out.join('')).files[1].findings.find((f: Finding) => f.ruleId === 'history.yoy') as Finding & { explanation?: string };
    };
    const yoy = await run();
    expect(yoy).toBeDefined();
    expect(yoy.explanation).toBeUndefined();
    // The district explains the jump in its own workbook, as the task pane stores it.
    const text = '2022年开展专项整治，案件数增长属实。';
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(b);
    const ws = wb.addWorksheet(EXPLANATIONS_SHEET);
    for (const row of explanationRows([explain(yoy, text)])) ws.addRow(row);
    await wb.xlsx.writeFile(b);
    const again = await run();
    expect(again.cells).toEqual(yoy.cells);
    expect(again.explanation).toBe(text);
  });

  it('does not flag 3 → 6 (under the absolute floor)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hist-'));
    await perYearFile(dir, 'a.xlsx', 2021, 3);
    await perYearFile(dir, 'b.xlsx', 2022, 6);
    const out: string[] = [];
    await main(['--dir', dir, '--format', 'json'], { stdout: (s) => void out.push(s), stderr: () => undefined });
    const json = JSON.parse(out.join(''));
    expect(json.files.flatMap((f: { findings: unknown[] }) => f.findings)).toEqual([]);
  });
});

describe('CLI cross-year options', () => {
  const SAMPLE = path.join(__dirname, '..', 'samples', '示例-乐山市市中区-法治指标.xlsx');
  async function history(args: string[]): Promise<{ code: number; ids: string[]; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main([SAMPLE, '--format', 'json', ...args], { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s) });
    const ids = out.length ? (JSON.parse(out.join('')).files[0].findings as Array<{ ruleId: string; indicator?: string }>).filter((f) => f.ruleId.startsWith('history.')).map((f) => `${f.ruleId} ${f.indicator}`) : [];
    return { code, ids, err: err.join('') };
  }

  it('--change sets the year-over-year threshold: 罚没款 +138 % is quiet at 200 %, the ×10 unit hint stays', async () => {
    const plain = await history([]);
    expect(plain.ids).toEqual(expect.arrayContaining(['history.yoy 罚没款', 'history.yoy.scale 医疗服务类罚款']));
    const loose = await history(['--change', '200']);
    expect(loose.ids).toContain('history.yoy.scale 医疗服务类罚款');
    expect(loose.ids).not.toContain('history.yoy 罚没款');
  });

  it('--year picks the year checked: 2021 has no earlier year, so nothing is compared', async () => {
    expect((await history(['--year', '2021'])).ids).toEqual([]);
    expect((await history(['--year', '2022年', '--base-year', '2021'])).ids.length).toBeGreaterThan(0);
  });

  it('a value that is not a year or a positive number is a usage error in both languages', async () => {
    const bad = await history(['--year', '去年']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--year 的值“去年”不是年份');
    expect(bad.err).toContain('--year: "去年" is not a year');
    const neg = await history(['--change', '-5']);
    expect(neg.code).toBe(2);
    expect(neg.err).toContain('应为正数');
    const order = await history(['--year', '2021', '--base-year', '2022']);
    expect(order.code).toBe(2);
    expect(order.err).toContain('must be before');
  });
});
