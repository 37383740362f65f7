import ExcelJS from 'exceljs';
import { checkWorkbook } from '../src/core/engine';
import { applyExplanations, explain, explanationKey } from '../src/core/explanations';
import type { Finding } from '../src/core/types';
import { readXlsx } from '../src/hosts/xlsx/read-xlsx';
import { XlsxHost } from '../src/hosts/xlsx/xlsx-host';

/** A small deterministic PRNG (mulberry32) so the random formats are the same on every run. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function styledWorkbook(): ExcelJS.Workbook {
  const rnd = prng(42);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表');
  const colors = ['FF00B050', 'FFFFFF00', 'FF0070C0', 'FFC00000'];
  for (let r = 1; r <= 30; r++) {
    for (let c = 1; c <= 8; c++) {
      const cell = ws.getCell(r, c);
      cell.value = r * 100 + c;
      const k = rnd();
      if (k < 0.3) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: colors[Math.floor(rnd() * 4)] } };
      if (rnd() < 0.3) cell.font = { bold: rnd() < 0.5, color: { argb: colors[Math.floor(rnd() * 4)] } };
      if (rnd() < 0.2) cell.numFmt = '#,##0.00';
      if (rnd() < 0.2) cell.border = { top: { style: 'thin' } };
    }
  }
  return wb;
}

function snapshotStyles(ws: ExcelJS.Worksheet) {
  const out: unknown[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push([cell.address, cell.value, JSON.parse(JSON.stringify(cell.style ?? {}))])));
  return out;
}

const finding = (address: string, severity: Finding['severity']): Finding => ({
  ruleId: 't',
  severity,
  cells: [{ sheet: '表', address }],
  message: { 'zh-CN': 'x', 'en-US': 'x' },
});

describe('xlsx host marks', () => {
  it('marks cells by severity and clearMarks restores every style exactly; values never change', async () => {
    const host = new XlsxHost(styledWorkbook(), 'x.xlsx');
    const ws = host.workbook.getWorksheet('表') as ExcelJS.Worksheet;
    const before = snapshotStyles(ws);
    const rnd = prng(7);
    const findings: Finding[] = [];
    for (let i = 0; i < 50; i++) {
      const addr = `${String.fromCharCode(65 + Math.floor(rnd() * 8))}${1 + Math.floor(rnd() * 30)}`;
      findings.push(finding(addr, (['error', 'warning', 'info'] as const)[i % 3]));
    }
    await host.applyMarks(findings);
    expect(host.markCount).toBeGreaterThan(30);
    const first = findings[0].cells[0].address;
    expect(host.markAt('表', first)).toBeDefined();
    expect((ws.getCell(first).fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(/^FF(FFC7CE|FFEB9C|DDEBF7)$/);
    expect(snapshotStyles(ws)).not.toEqual(before);
    await host.applyMarks(findings.slice(0, 5)); // re-marking replaces, never stacks
    await host.clearMarks();
    expect(host.markCount).toBe(0);
    expect(snapshotStyles(ws)).toEqual(before);
  });

  it('an error mark wins over a warning on the same cell', async () => {
    const host = new XlsxHost(styledWorkbook(), 'x.xlsx');
    await host.applyMarks([finding('B2', 'warning'), finding('B2', 'error')]);
    expect(host.markAt('表', 'B2')).toBe('error');
  });
});

describe('explanations (核实说明)', () => {
  async function partialWorkbook(parts: number[]): Promise<XlsxHost> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('指标');
    ws.addRow(['指标', '单位', '2022']);
    ws.addRow(['主动公开信息', '条', 5548]);
    ws.addRow(['其中主要有：行政许可', '条', parts[0]]);
    ws.addRow(['　　　　　　行政处罚', '条', parts[1]]);
    return new XlsxHost(wb, 'p.xlsx');
  }

  it('survive save and reopen, and a changed value reopens the warning', async () => {
    const host = await partialWorkbook([3706, 259]);
    const first = checkWorkbook(await host.readWorkbook());
    const warning = first.findings.find((f) => f.ruleId === 'balance.partial') as Finding;
    expect(warning.severity).toBe('warning');
    await host.saveExplanations([explain(warning, '其余 1583 条为其他类别信息，未在表中列出。')]);
    const bytes = await host.toBytes();

    const reopened = await readXlsx(bytes, 'p.xlsx');
    expect(reopened.sheets.map((s) => s.name)).toEqual(['指标', '校验说明']);
    const again = checkWorkbook(reopened);
    expect(again.findings.find((f) => f.ruleId === 'balance.partial')?.explanation).toBe('其余 1583 条为其他类别信息，未在表中列出。');
    expect(again.sheets.find((s) => s.sheet === '校验说明')?.layout).toBe('skipped');

    const changed = await XlsxHost.fromBytes(bytes, 'p.xlsx');
    changed.workbook.getWorksheet('指标')!.getCell('C3').value = 3700;
    const third = checkWorkbook(await changed.readWorkbook());
    const reopenedWarning = third.findings.find((f) => f.ruleId === 'balance.partial');
    expect(reopenedWarning).toBeDefined();
    expect(reopenedWarning?.explanation).toBeUndefined();
  });

  it('errors cannot be explained away', () => {
    const err = finding('A1', 'error');
    expect(() => explain(err, 'because')).toThrow();
    const forged = { key: explanationKey(err), ruleId: 't', cell: '表!A1', values: '', text: 'x', at: '' };
    expect(applyExplanations([err], [forged])[0].explanation).toBeUndefined();
  });
});
