import * as fs from 'fs';
import * as path from 'path';
import { checkBalance } from '../src/core/checks/balance';
import { isMandatedRate } from '../src/core/checks/rates';
import { analyzeWorkbook } from '../src/core/engine';
import { normalizeName } from '../src/core/names';
import { attachTypoHints, builtinPack, builtinPackFindings, parseRule, runRules, type RuleSet } from '../src/core/rules';
import { readXlsx } from '../src/hosts/xlsx/read-xlsx';
import type { Finding } from '../src/core/types';
import { grid, workbook } from './helpers/grid';

const pack = builtinPack();
const SAMPLES = path.resolve(__dirname, '../samples');

async function sample(file: string) {
  const bytes = new Uint8Array(fs.readFileSync(path.join(SAMPLES, file)));
  return analyzeWorkbook(await readXlsx(bytes, file)).model;
}

const brief = (fs: Finding[]) => fs.map((f) => `${f.ruleId} ${f.entity ?? ''} ${f.period ?? ''} ${f.severity}`.replace(/\s+/g, ' ').trim()).sort();

describe('the built-in pack', () => {
  it('is versioned, reads without findings, and every rule parses', () => {
    expect(pack.version).toBe('2026.1');
    expect(builtinPackFindings()).toEqual([]);
    expect(pack.rules.length).toBeGreaterThanOrEqual(20);
    expect(new Set(pack.rules.map((r) => r.id)).size).toBe(pack.rules.length);
    for (const r of pack.rules) {
      const p = parseRule(r.expr, r.id);
      expect([r.id, p.ok]).toEqual([r.id, true]);
      expect(r.source).toBe('pack');
      expect(r.name['zh-CN']).toBeTruthy();
      expect(r.name['en-US']).toBeTruthy();
    }
  });

  it('covers DOMAIN.md: mandated rates, equal counts, derived values, parts ≤ totals, balances', () => {
    const ids = pack.rules.map((r) => r.id);
    for (const prefix of ['rate.mandated.', 'rate.derived.', 'equal.', 'derived.', 'part.', 'balance.']) {
      expect(ids.some((id) => id.startsWith(prefix))).toBe(true);
    }
  });

  it('its mandated-rate rules flag exactly the names checks/rates.ts flags', () => {
    const names = [
      '法制审核率',
      '重大执法决定法制审核率',
      '依法执业自查率',
      '投诉处理完结率',
      '舆情办结率',
      '12345热线办结率',
      '信访事项办结率',
      '12345投诉回复率',
      '满意回复率',
      '出庭应诉率',
      '行政诉讼出庭应诉率',
      '公示录入率',
      '群众满意率',
      '抽检合格率',
      '覆盖率',
      '信访积案化解率',
      '办结满意率',
    ];
    const sheet = grid('指标', [['序号', '指标名称', '单位', '2022年'], ...names.map((n, i) => [String(i + 1), n, '%', '90%'])]);
    const model = analyzeWorkbook(workbook('x.xlsx', sheet), { entity: '某区' }).model;
    const mandated: RuleSet = { ...pack, rules: pack.rules.filter((r) => r.id.startsWith('rate.mandated.')) };
    const flagged = runRules(model, mandated).map((f) => f.indicator);
    expect(flagged.sort()).toEqual(names.filter((n) => isMandatedRate(normalizeName(n))).sort());
  });
});

describe('the pack on the sample workbooks', () => {
  it('乐山市市中区: the real 2022 figures pass every rule; 2021’s 93.3 % 法制审核率 is an error', async () => {
    const model = await sample('示例-乐山市市中区-法治指标.xlsx');
    const out = runRules(model, pack);
    expect(out.filter((f) => f.period === '2022')).toEqual([]);
    const law = out.find((f) => f.ruleId === 'rate.mandated.law-review');
    expect(law).toMatchObject({ period: '2021', severity: 'error', cells: [{ sheet: '法治指标', address: 'D4' }] });
    // The 双随机 balance is left to the sheet hierarchy; its hint comes from attachTypoHints.
    expect(out.some((f) => f.ruleId === 'balance.double-random')).toBe(false);
    const hinted = attachTypoHints(checkBalance(model), model, { rules: pack }).find((f) => f.hint);
    expect(hinted?.hint).toMatchObject({ cell: { sheet: '法治指标', address: 'D10' }, from: 21, to: 12, kind: 'swap' });
    // 群众满意率 is a survey result, not a mandated rate; 投诉处理完结率 #DIV/0! is left to the cell check.
    expect(out.some((f) => f.indicator === '群众满意率' || f.indicator === '投诉处理完结率')).toBe(false);
  });

  it('嘉兴市 (one sheet per year): 9264.18 = 1991.8万元 / 2150 and every other rule hold', async () => {
    const model = await sample('示例-嘉兴市-分年度.xlsx');
    expect(runRules(model, pack)).toEqual([]);
  });

  it('the district table: each district on its own; 2021 乐山 93.3 %, 2022 五通桥 96 %, 2021 武江 98 % reply rate', async () => {
    const model = await sample('示例-各地区-长表.xlsx');
    expect(brief(runRules(model, pack))).toEqual(
      ['rate.mandated.law-review 乐山市市中区 2021 error', 'rate.mandated.law-review 乐山市五通桥区 2022 error', 'rate.mandated.reply 韶关市武江区 2021 error'].sort(),
    );
  });
});
