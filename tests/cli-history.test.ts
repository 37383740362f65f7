import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../src/cli/index';

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
