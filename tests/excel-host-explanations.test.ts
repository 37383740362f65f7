import { explain, explanationRows } from '../src/core/explanations';
import { checkWorkbook } from '../src/core/engine';
import type { Finding } from '../src/core/types';
import { ExcelHost } from '../src/hosts/excel/excel-host';
import { HostError } from '../src/hosts/excel/errors';
import { createFakeExcel } from './fakes/fake-excel';

const ALL = () => true;

describe('Excel host: explanations sheet', () => {
  const spec = {
    name: '指标',
    blocks: [
      {
        at: 'A1',
        values: [
          ['指标', '单位', '2022'],
          ['主动公开信息', '条', 5548],
          ['其中主要有：行政许可', '条', 3706],
          ['　　　　　　行政处罚', '条', 259],
        ],
      },
    ],
  };

  it('writes 校验说明, and the next read applies the explanation to the same warning', async () => {
    const fake = createFakeExcel([spec]);
    const host = new ExcelHost((b) => fake.run(b), { platform: 'desktop', isSetSupported: ALL, syncTimeoutMs: 5000 });
    const first = checkWorkbook(await host.readWorkbook());
    const warning = first.findings.find((f) => f.ruleId === 'balance.partial') as Finding;
    await host.saveExplanationRows(explanationRows([explain(warning, '其余为其他类别')]));
    // Written again: replaces, does not duplicate.
    await host.saveExplanationRows(explanationRows([explain(warning, '其余 1583 条为其他类别')]));
    const reopened = new ExcelHost((b) => fake.reopen().run(b), { platform: 'desktop', isSetSupported: ALL, syncTimeoutMs: 5000 });
    const snap = await reopened.readWorkbook();
    expect(snap.sheets.map((s) => s.name)).toEqual(['指标', '校验说明']);
    expect(snap.sheets[1].values.length).toBe(2);
    const again = checkWorkbook(snap);
    expect(again.findings.find((f) => f.ruleId === 'balance.partial')?.explanation).toBe('其余 1583 条为其他类别');
  });

  it('refuses to overwrite a user sheet that happens to be called 校验说明', async () => {
    const fake = createFakeExcel([spec, { name: '校验说明', blocks: [{ at: 'A1', values: [['我的笔记']] }] }]);
    const host = new ExcelHost((b) => fake.run(b), { platform: 'desktop', isSetSupported: ALL, syncTimeoutMs: 5000 });
    await expect(host.saveExplanationRows([['键', '规则']])).rejects.toBeInstanceOf(HostError);
    const snap = await host.readWorkbook();
    expect(snap.sheets[1].values).toEqual([['我的笔记']]);
  });
});
