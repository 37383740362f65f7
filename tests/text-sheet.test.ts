import * as fs from 'fs';
import * as path from 'path';
import { analyzeWorkbook } from '../src/core/engine';
import { compareWithSheet, extractMentions } from '../src/core/text';
import { declares } from '../src/core/checks/check';
import { sheetMismatchCheck } from '../src/core/text/checks';
import { grid, workbook } from './helpers/grid';

const seed000 = fs.readFileSync(path.join(__dirname, 'fixtures', 'seeds', '000_87716d4fa430303b.txt'), 'utf8');

describe('compareWithSheet', () => {
  const sheet = grid('指标', [
    ['指标', '单位', '2021', '2022'],
    ['重大执法决定法制审核案件', '件', 12, 15],
    ['依法公开执法处罚信息', '条', 100, 106],
    ['国家双随机监督抽检任务', '家', 190, 215],
    ['罚没款', '元', 306300, 728588],
    ['发出处罚决定书', '份', 100, 130],
    ['群众满意率', '%', '97%', '98.3%'],
    ['处理完结率', '%', '100%', '99%'],
    ['监督检查', '次', 1500, 2000],
  ]);
  const { model } = analyzeWorkbook(workbook('乐山市中区.xlsx', sheet));
  const mentions = extractMentions(seed000);
  const result = compareWithSheet(mentions, model.rows.values(), model.observations, { report: '000.txt' });
  const statusOf = (label: string) =>
    result.matches.filter((m) => m.row.label === label).map((m) => [m.mention.text, m.status]);

  test('equal values match, differing values warn with both cells', () => {
    expect(statusOf('重大执法决定法制审核案件')).toEqual([['15件', 'equal']]);
    expect(statusOf('依法公开执法处罚信息')).toEqual([['106条', 'equal']]);
    expect(statusOf('群众满意率')).toEqual([['98.3%', 'equal']]);
    expect(statusOf('国家双随机监督抽检任务')).toEqual([['209家', 'differs']]);
    expect(statusOf('处理完结率')).toEqual([['100%', 'differs']]);
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.cells.map((c) => `${c.sheet}!${c.address}`), f.values])).toEqual([
      ['text.sheet-mismatch', 'warning', ['指标!D4', '000.txt!L25'], [215, 209]],
      ['text.sheet-mismatch', 'warning', ['指标!D8', '000.txt!L36'], [0.99, 1]],
    ]);
    expect(result.findings[0].message['zh-CN']).toContain('第25行');
    expect(result.findings[0].message['zh-CN']).toContain('215');
    expect(result.findings[0].message['en-US']).toContain('Line 25');
  });

  test('the registry runs the same comparison (text.sheet)', () => {
    const viaRegistry = sheetMismatchCheck.run({ mentions, rows: model.rows.values(), observations: model.observations, options: { report: '000.txt' } });
    expect(viaRegistry).toEqual(result.findings);
    expect(viaRegistry.every((f) => declares(sheetMismatchCheck, f.ruleId))).toBe(true);
  });

  test('a subset and its whole under one name never warn; approximate figures are not compared', () => {
    expect(statusOf('罚没款')).toEqual([
      ['70876元', 'ambiguous'],
      ['728588元', 'equal'],
    ]);
    expect(statusOf('发出处罚决定书')).toEqual([
      ['85份', 'ambiguous'],
      ['129份', 'ambiguous'],
    ]);
    // 结合疫情防控开展各类场所监督检查1900余次 ends with the row's name, but is approximate.
    expect(statusOf('监督检查')).toEqual([['1900余次', 'approx']]);
  });

  test('a figure of part of a year is not compared with the yearly value', () => {
    const half = extractMentions('2022年上半年，依法公开执法处罚信息50条。');
    expect(half[0].period).toMatchObject({ from: 1, to: 6, partial: true });
    const r = compareWithSheet(half, model.rows.values(), model.observations, { report: 'h.txt' });
    expect(r.matches).toEqual([]);
    expect(r.findings).toEqual([]);
  });

  test('another period is chosen explicitly', () => {
    const r = compareWithSheet(mentions, model.rows.values(), model.observations, { period: '2021' });
    expect(r.matches.find((m) => m.row.label === '依法公开执法处罚信息')?.status).toBe('differs');
  });
});
