import { analyzeWorkbook } from '../src/core/engine';
import {
  builtinPack,
  loadRuleSet,
  mergeRuleSets,
  parseEnabled,
  parseRuleFile,
  parseSeverity,
  parseTolerance,
  ruleFileObject,
  rulesFromSheet,
  rulesSheetTemplate,
  runRules,
  type RuleSet,
} from '../src/core/rules';
import type { CellValue } from '../src/core/types';
import { grid, workbook } from './helpers/grid';

describe('field values', () => {
  it('级别 in Chinese and English', () => {
    expect(['错误', '警告', '提示', 'error', 'Warning', 'INFO', ' 错误 ', '强制性', '核实性'].map(parseSeverity)).toEqual([
      'error',
      'warning',
      'info',
      'error',
      'warning',
      'info',
      'error',
      'error',
      'warning',
    ]);
    expect(parseSeverity('严重错误')).toBeUndefined();
  });

  it('启用 as 是/否, TRUE/FALSE, 1/0', () => {
    expect(['是', '否', 'TRUE', 'false', '1', '0', true, false, 1, 0].map(parseEnabled)).toEqual([true, false, true, false, true, false, true, false, true, false]);
    expect(parseEnabled('也许')).toBeUndefined();
    expect(parseEnabled(2)).toBeUndefined();
  });

  it('容差 as a number or a percentage', () => {
    expect(parseTolerance(2)).toBe(2);
    expect(parseTolerance('0.5')).toBe(0.5);
    expect(parseTolerance('0.5%')).toBe(0.005);
    expect(parseTolerance('０.５％')).toBe(0.005);
    expect(parseTolerance('2‰')).toBe(0.002);
    expect(parseTolerance(-1)).toBeUndefined();
    expect(parseTolerance('约1')).toBeUndefined();
  });
});

describe('rule files', () => {
  it('JSON: names in one or two languages, severities, tolerance, enabled, aliases', () => {
    const text = JSON.stringify({
      version: '1',
      rules: [
        { id: 'F1', name: '公开等于案件', expr: '[依法公开执法处罚信息] == [行政处罚案件]', severity: '警告' },
        { id: 'F2', name: { 'zh-CN': '罚没款', 'en-US': 'Fines' }, expr: '[罚没款] >= 0', tolerance: '1%', enabled: '否' },
        { id: 'F3', name: { zh: '只有中文' }, expr: '[罚没款] >= 0', description: '说明' },
      ],
      aliases: { 罚没款: ['罚没金额', '/罚没款$/'] },
    });
    const { ruleSet, findings } = parseRuleFile(text, 'json', { fileName: 'rules.json' });
    expect(findings).toEqual([]);
    expect(ruleSet.version).toBe('1');
    expect(ruleSet.rules.map((r) => [r.id, r.severity, r.enabled, r.tolerance, r.source])).toEqual([
      ['F1', 'warning', true, undefined, 'file'],
      ['F2', 'error', false, 0.01, 'file'],
      ['F3', 'error', true, undefined, 'file'],
    ]);
    expect(ruleSet.rules[0].name).toEqual({ 'zh-CN': '公开等于案件', 'en-US': '公开等于案件' });
    expect(ruleSet.rules[1].name).toEqual({ 'zh-CN': '罚没款', 'en-US': 'Fines' });
    expect(ruleSet.rules[2].name).toEqual({ 'zh-CN': '只有中文', 'en-US': '只有中文' });
    expect(ruleSet.rules[2].description).toBe('说明');
    expect(ruleSet.aliases).toEqual({ 罚没款: ['罚没金额', '/罚没款$/'] });
  });

  it('JSON: a bare list of rules is accepted', () => {
    const { ruleSet, findings } = parseRuleFile('[{"id": "A", "expr": "[甲] > 0"}]', 'json');
    expect(findings).toEqual([]);
    expect(ruleSet.rules[0]).toMatchObject({ id: 'A', severity: 'error', enabled: true, name: { 'zh-CN': 'A' } });
  });

  it('JSON: every bad entry is a finding naming the file; the good ones are kept', () => {
    const text = JSON.stringify({
      rules: [
        'not a rule',
        { name: { zh: '没有编号' }, expr: '[甲] > 0' },
        { id: 'B', expr: '[甲] > 0', severity: '致命', tolerance: 'abc', enabled: 'maybe' },
        { id: 'B', expr: '[乙] > 0' },
        { id: 'C' },
        { id: 'D', expr: ['甲'] },
      ],
      aliases: { 甲: ['/[/'] },
    });
    const { ruleSet, findings } = parseRuleFile(text, 'json', { fileName: 'rules.json' });
    expect(ruleSet.rules.map((r) => [r.id, r.severity, r.enabled, r.tolerance])).toEqual([['B', 'error', true, undefined]]);
    const zh = findings.map((f) => f.message['zh-CN']);
    expect(findings.every((f) => f.ruleId === 'rules.file' && f.severity === 'warning')).toBe(true);
    expect(zh).toEqual([
      '规则文件“rules.json”第 1 条规则不是一个对象。',
      '规则文件“rules.json”第 2 条规则缺少 id。',
      expect.stringContaining('（B）的 severity 值“致命”无法识别'),
      expect.stringContaining('的 tolerance 值“abc”无法识别'),
      expect.stringContaining('的 enabled 值“maybe”无法识别'),
      '规则文件“rules.json”中编号 B 出现了不止一次，只使用第一条。',
      '规则文件“rules.json”第 5 条规则缺少 expr。',
      expect.stringContaining('expr 不是文本'),
      '规则文件“rules.json”的别名“/[/”不是有效的正则表达式。',
    ]);
    expect(findings[0].message['en-US']).toBe('Rule 1 of the rule file "rules.json" is not an object.');
  });

  it('JSON: unreadable text and a wrong shape', () => {
    const broken = parseRuleFile('{"rules": [', 'json', { fileName: 'x.json' });
    expect(broken.ruleSet.rules).toEqual([]);
    expect(broken.findings[0].message['zh-CN']).toContain('规则文件“x.json”无法读取');
    expect(parseRuleFile('{"regeln": []}', 'json').findings[0].message['zh-CN']).toContain('应包含 rules 列表');
  });

  it('YAML, including R validate’s layout (header document, name as id, label, meta.severity)', () => {
    const text = [
      '---',
      'options:',
      '  lin.eq.eps: 0.000001',
      '---',
      'rules:',
      '- expr: "[依法公开执法处罚信息] == [行政处罚案件]"',
      '  name: V1',
      '  label: 公开等于案件',
      '  meta:',
      '    severity: warning',
      '- id: V2',
      '  name: 罚没款非负',
      "  expr: '[罚没款] >= 0'",
      '  enabled: false',
      '',
    ].join('\n');
    const { ruleSet, findings } = parseRuleFile(text, 'yaml');
    expect(findings).toEqual([]);
    expect(ruleSet.rules.map((r) => [r.id, r.name['zh-CN'], r.severity, r.enabled, r.expr])).toEqual([
      ['V1', '公开等于案件', 'warning', true, '[依法公开执法处罚信息] == [行政处罚案件]'],
      ['V2', '罚没款非负', 'error', false, '[罚没款] >= 0'],
    ]);
  });

  it('YAML: an unquoted expression starting with [ gets a hint', () => {
    const a = parseRuleFile('rules:\n- id: A\n  expr: [甲] == [乙]\n', 'yaml');
    expect(a.ruleSet.rules).toEqual([]);
    expect(a.findings[0].message['en-US']).toMatch(/must be quoted/);
    const b = parseRuleFile('rules:\n- id: A\n  expr: [甲]\n', 'yaml');
    expect(b.findings[0].message['zh-CN']).toContain('要加引号');
  });

  it('YAML: a syntax error gives the line', () => {
    const { findings } = parseRuleFile('rules:\n  - id: A\n    expr: "x\n', 'yaml', { fileName: 'r.yaml' });
    expect(findings[0].message['en-US']).toMatch(/r\.yaml.*line \d+/);
  });

  it('export: a rule set back to a file object that reads the same', () => {
    const { ruleSet } = parseRuleFile(JSON.stringify({ rules: [{ id: 'A', name: '甲', expr: '[甲] > 0', tolerance: 0.5, enabled: false, severity: 'info' }] }), 'json');
    const again = parseRuleFile(JSON.stringify(ruleFileObject(ruleSet)), 'json').ruleSet;
    expect(again.rules).toEqual(ruleSet.rules);
  });
});

describe('the workbook’s sheet 校验规则', () => {
  const sheet = (rows: CellValue[][]) => grid('校验规则', rows);

  it('header in any order with optional columns; every field read', () => {
    const { ruleSet, findings } = rulesFromSheet(
      sheet([
        ['本表供填报单位自定义校验规则'],
        ['启用', '编号', '名称', '表达式', '级别', '容差', '说明'],
        ['是', 'S1', '公开等于案件', '[依法公开执法处罚信息] == [行政处罚案件]', '错误', null, '全部公开'],
        [true, 'S2', '罚没款增幅', '[罚没款] <= 2 * prev([罚没款])', '警告', '0.5%', null],
        ['否', 'S3', null, '[罚没款] >= 0', 'info', 2, null],
        [null, null, null, null, null, null, null],
        [0, 4, '数字编号', '[甲] > 0', null, null, null],
      ]),
    );
    expect(findings).toEqual([]);
    expect(ruleSet.rules.map((r) => [r.id, r.name['zh-CN'], r.severity, r.enabled, r.tolerance, r.description, r.source])).toEqual([
      ['S1', '公开等于案件', 'error', true, undefined, '全部公开', 'sheet'],
      ['S2', '罚没款增幅', 'warning', true, 0.005, undefined, 'sheet'],
      ['S3', 'S3', 'info', false, 2, undefined, 'sheet'],
      ['4', '数字编号', 'error', false, undefined, undefined, 'sheet'],
    ]);
    expect(ruleSet.rules[0].origin).toEqual({
      sheet: '校验规则',
      row: 3,
      cells: { enabled: 'A3', id: 'B3', name: 'C3', expr: 'D3', severity: 'E3', tolerance: 'F3', description: 'G3' },
    });
  });

  it('only 编号 and 表达式 are required; a used range that starts elsewhere keeps A1 addresses right', () => {
    const { ruleSet, findings } = rulesFromSheet(grid('校验规则', [['编号', '表达式'], ['A', '[甲] > 0']], { originRow: 4, originCol: 2 }));
    expect(findings).toEqual([]);
    expect(ruleSet.rules[0].origin?.cells).toEqual({ id: 'C6', expr: 'D6' });
    expect(ruleSet.rules[0].origin?.row).toBe(6);
  });

  it('bad cells are located findings (sheet + A1), bilingual; the rule keeps a safe value', () => {
    const { ruleSet, findings } = rulesFromSheet(
      sheet([
        ['编号', '名称', '表达式', '级别', '容差', '启用'],
        ['S1', '甲', '[甲] > 0', '致命', '约1', '也许'],
        [null, '乙', '[乙] > 0', '警告', null, null],
        ['S1', '丙', '[丙] > 0', null, null, null],
      ]),
    );
    expect(ruleSet.rules.map((r) => [r.id, r.severity, r.tolerance, r.enabled])).toEqual([['S1', 'error', undefined, true]]);
    expect(findings.map((f) => [f.ruleId, f.cells[0].address])).toEqual([
      ['rules.sheet', 'D2'],
      ['rules.sheet', 'E2'],
      ['rules.sheet', 'F2'],
      ['rules.sheet', 'A3'],
      ['rules.sheet', 'A4'],
    ]);
    expect(findings[0].cells[0].sheet).toBe('校验规则');
    expect(findings[0].message['zh-CN']).toBe('校验规则!D2：级别“致命”无法识别（应为 错误/警告/提示），按“错误”处理。');
    expect(findings[0].message['en-US']).toContain('校验规则!D2: cannot read the level (级别) "致命"');
    expect(findings[3].message['zh-CN']).toContain('没有编号');
    expect(findings[4].message['zh-CN']).toContain('编号 S1 在前面已出现');
  });

  it('no header: one finding at A1', () => {
    const { ruleSet, findings } = rulesFromSheet(sheet([['随便写点什么'], ['甲', '乙']]));
    expect(ruleSet.rules).toEqual([]);
    expect(findings).toHaveLength(1);
    expect(findings[0].cells).toEqual([{ sheet: '校验规则', address: 'A1' }]);
  });

  it('the template for a new sheet reads back as two valid rules', () => {
    const { ruleSet, findings } = rulesFromSheet(sheet(rulesSheetTemplate()));
    expect(findings).toEqual([]);
    expect(ruleSet.rules).toHaveLength(2);
    expect(ruleSet.rules.map((r) => r.severity)).toEqual(['error', 'warning']);
  });
});

describe('precedence: sheet > file > pack', () => {
  const pack: RuleSet = {
    version: '2026.1',
    rules: [
      { id: 'P1', name: { 'zh-CN': '包1', 'en-US': 'P1' }, expr: '[甲] > 0', severity: 'error', enabled: true, source: 'pack' },
      { id: 'P2', name: { 'zh-CN': '包2', 'en-US': 'P2' }, expr: '[乙] > 0', severity: 'error', enabled: true, source: 'pack' },
      { id: 'P3', name: { 'zh-CN': '包3', 'en-US': 'P3' }, expr: '[丙] > 0', severity: 'error', enabled: true, source: 'pack' },
    ],
    aliases: { 甲: ['甲一'] },
  };
  const file = parseRuleFile(
    JSON.stringify({ rules: [{ id: 'P1', name: '文件1', expr: '[甲] > 1' }, { id: 'P2', name: '文件2', expr: '[乙] > 1' }, { id: 'F1', name: '文件新', expr: '[丁] > 0' }], aliases: { 甲: ['甲二'] } }),
    'json',
  ).ruleSet;
  const sheet = rulesFromSheet(
    grid('校验规则', [
      ['编号', '名称', '表达式', '级别', '启用'],
      ['P1', '表1', '[甲] > 2', '警告', '是'],
      ['P3', null, null, '提示', '否'],
      ['S9', null, null, null, '否'],
    ]),
  ).ruleSet;

  it('by id, keeping positions and each rule’s source', () => {
    const merged = mergeRuleSets(pack, file, sheet);
    expect(merged.version).toBe('2026.1');
    expect(merged.rules.map((r) => [r.id, r.source, r.expr, r.name['zh-CN']])).toEqual([
      ['P1', 'sheet', '[甲] > 2', '表1'],
      ['P2', 'file', '[乙] > 1', '文件2'],
      ['P3', 'pack', '[丙] > 0', '包3'],
      ['F1', 'file', '[丁] > 0', '文件新'],
    ]);
    expect(merged.rules[0].severity).toBe('warning');
    expect(merged.aliases).toEqual({ 甲: ['甲一', '甲二'] });
  });

  it('a row with an id and no expression changes only what it gives (switches a pack rule off)', () => {
    const merged = mergeRuleSets(pack, file, sheet);
    const p3 = merged.rules.find((r) => r.id === 'P3');
    expect(p3).toMatchObject({ source: 'pack', patchedBy: 'sheet', enabled: false, severity: 'info', expr: '[丙] > 0' });
    expect(merged.patches?.map((p) => p.id)).toEqual(['S9']);
  });

  it('without a file or a sheet the pack is returned as it is', () => {
    expect(mergeRuleSets(pack).rules.map((r) => r.source)).toEqual(['pack', 'pack', 'pack']);
  });

  it('loadRuleSet: pack + file + the 校验规则 sheet of a workbook, and the result runs', () => {
    const snapshot = workbook(
      '某区.xlsx',
      grid('法治指标', [
        ['序号', '指标名称', '单位', '2022年'],
        ['1', '依法公开执法处罚信息', '条', 100],
        ['2', '行政处罚案件', '件', 106],
      ]),
      grid('校验规则', [
        ['编号', '名称', '表达式', '级别'],
        ['equal.penalty-disclosure', '公开条数不超过案件数', '[依法公开执法处罚信息] <= [行政处罚案件]', '警告'],
      ]),
    );
    const { ruleSet, findings } = loadRuleSet({ sheets: snapshot.sheets, file: { text: '{"rules": [{"id": "F1", "expr": "[行政处罚案件] > 200"}]}', format: 'json' } });
    expect(findings).toEqual([]);
    expect(ruleSet.rules.length).toBe(builtinPack().rules.length + 1);
    const eq = ruleSet.rules.find((r) => r.id === 'equal.penalty-disclosure');
    expect(eq?.source).toBe('sheet');
    const { model } = analyzeWorkbook(snapshot);
    const out = runRules(model, ruleSet);
    expect(out.map((f) => f.ruleId)).toEqual(['F1']);
  });
});
