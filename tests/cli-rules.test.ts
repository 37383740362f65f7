// The CLI's --rules FILE (JSON or YAML) and explanations carried in its JSON.
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, DEFAULT_SAMPLE } from '../src/cli/index';
import { explain, explanationRows, EXPLANATIONS_SHEET } from '../src/core/explanations';
import type { Finding } from '../src/core/types';

const SAMPLE = path.join(__dirname, '..', 'samples', DEFAULT_SAMPLE);

interface JsonFinding extends Finding {
  explanation?: string;
}

async function run(args: string[]): Promise<{ code: number; json: { files: Array<{ findings: JsonFinding[]; error?: unknown }> }; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...args, '--format', 'json'], { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s) });
  return { code, json: out.length ? JSON.parse(out.join('')) : { files: [] }, err: err.join('') };
}

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-rules-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('CLI --rules', () => {
  it('a JSON rule file adds a rule, switches a pack rule off, and reports a bad rule with its column', async () => {
    const file = path.join(dir, 'rules.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        version: 'test-1',
        rules: [
          // The sample's 2022 罚没款 is 728,588 元: this bound fails there and holds in 2021 (306,300).
          { id: 'F1', name: '罚没款不超过五十万元', expr: '[罚没款] <= 500000', severity: 'warning' },
          { id: 'rate.mandated.law-review', enabled: false },
          { id: 'F2', name: '坏规则', expr: '[行政处罚案件] >= ' },
        ],
      }),
    );
    const base = await run([SAMPLE]);
    const withRules = await run([SAMPLE, '--rules', file]);
    const ids = (r: typeof base) => r.json.files[0].findings.map((f) => f.ruleId);

    expect(ids(base)).toContain('rate.mandated.law-review');
    expect(ids(withRules)).not.toContain('rate.mandated.law-review');

    const f1 = withRules.json.files[0].findings.filter((f) => f.ruleId === 'F1');
    expect(f1.map((f) => [f.severity, f.period])).toEqual([['warning', '2022']]);
    expect(f1[0].message['zh-CN']).toContain('728,588');

    // A rule that does not parse is a finding of its own naming the rule and the column.
    const bad = withRules.json.files[0].findings.filter((f) => f.ruleId === 'rules.syntax');
    expect(bad).toHaveLength(1);
    expect(bad[0].message['zh-CN']).toMatch(/规则 F2「坏规则」的表达式第 10 个字符处有误/);
    expect(bad[0].message['en-US']).toMatch(/F2.*character 10/);
    // The other rules still ran.
    expect(ids(withRules)).toContain('balance.exceeds');
  });

  it('a failed rule: the JSON carries the plain message and the technical `details`; the text report prints the details on the line after', async () => {
    const file = path.join(dir, 'bound.json');
    fs.writeFileSync(file, JSON.stringify({ rules: [{ id: 'F1', name: '罚没款不超过五十万元', expr: '[罚没款] <= 500000', severity: 'warning' }] }));
    const { json } = await run([SAMPLE, '--rules', file]);
    const [f] = json.files[0].findings.filter((x) => x.ruleId === 'F1');
    expect(f.message['zh-CN']).toMatch(/^罚没款不超过五十万元，但.*2022年填报为：罚没款 728,588（法治指标![A-Z]+\d+）。$/);
    for (const lang of ['zh-CN', 'en-US'] as const) expect(f.message[lang]).not.toMatch(/F1|<=|左边|Left side/);
    expect(f.details?.['zh-CN']).toBe('规则 F1：[罚没款] <= 500000。左边为 728,588，右边为 500,000，相差 228,588。');
    expect(f.details?.['en-US']).toBe('Rule F1: [罚没款] <= 500000. Left side 728,588, right side 500,000, difference 228,588.');

    const out: string[] = [];
    await main([SAMPLE, '--rules', file], { stdout: (x) => void out.push(x), stderr: () => undefined });
    const lines = out.join('').split('\n');
    const at = lines.findIndex((l) => l.includes('罚没款不超过五十万元，但'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at]).toMatch(/\(F1\)$/);
    expect(lines[at]).not.toContain('左边为');
    expect(lines[at + 1]).toBe(`           详情: ${f.details?.['zh-CN']}`);
  });

  it('reads YAML the same way, and a file that does not exist is a usage error (exit 2)', async () => {
    const file = path.join(dir, 'rules.yaml');
    fs.writeFileSync(file, 'rules:\n  - id: Y1\n    name: 罚没款上限\n    expr: "[罚没款] <= 500000"\n    severity: 警告\n');
    const r = await run([SAMPLE, '--rules', file]);
    expect(r.json.files[0].findings.filter((f) => f.ruleId === 'Y1').map((f) => f.severity)).toEqual(['warning']);

    const missing = await run([SAMPLE, '--rules', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nope.json”：文件不存在。');
    expect(missing.err).toContain('nope.json": no such file.');
  });

  it('a rule file that is not valid JSON or YAML is a usage error (exit 2) located by line and column, and nothing is checked', async () => {
    const json = path.join(dir, 'broken.json');
    fs.writeFileSync(json, '{\n  "rules": [\n    { id: "X1" }\n  ]\n}\n');
    const a = await run([SAMPLE, '--rules', json]);
    expect(a.code).toBe(2);
    expect(a.json.files).toEqual([]);
    expect(a.err).toContain('规则文件“broken.json”无法读取：不是有效的 JSON，第 3 行第 7 列有语法错误');
    expect(a.err).toContain('Cannot read the rule file "broken.json": not valid JSON: syntax error at line 3, column 7');

    const yaml = path.join(dir, 'broken.yaml');
    fs.writeFileSync(yaml, 'rules:\n  - id: A\n    expr: "x\n');
    const b = await run([SAMPLE, '--rules', yaml]);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/规则文件“broken\.yaml”无法读取：不是有效的 YAML，第 \d+ 行第 \d+ 列有语法错误/);
    expect(b.err).toMatch(/not valid YAML: syntax error at line \d+, column \d+/);

    // A file whose rules are readable but one of them is bad still runs the others (a finding, exit by findings).
    const partly = path.join(dir, 'partly.json');
    fs.writeFileSync(partly, JSON.stringify({ rules: [{ id: 'P1', name: '上限', expr: '[罚没款] <= 500000', severity: 'warning' }, { id: 'P2', name: '坏', expr: '[罚没款] <=', severity: 'warning' }] }));
    const c = await run([SAMPLE, '--rules', partly]);
    expect(c.code).toBe(1);
    const ids = c.json.files[0].findings.map((f) => f.ruleId);
    expect(ids).toContain('P1');
    expect(ids).toContain('rules.syntax');
  });

  it('carries the explanation of an explained warning in its JSON; a changed value reopens it', async () => {
    const first = await run([SAMPLE]);
    const warning = first.json.files[0].findings.find((f) => f.severity === 'warning' && f.ruleId === 'history.yoy');
    expect(warning).toBeDefined();
    const text = '2022年查处一起大额案件，罚没款增幅属实。';
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SAMPLE);
    const ws = wb.addWorksheet(EXPLANATIONS_SHEET);
    for (const row of explanationRows([explain(warning as Finding, text)])) ws.addRow(row);
    const explained = path.join(dir, 'explained.xlsx');
    await wb.xlsx.writeFile(explained);

    const second = await run([explained]);
    const again = second.json.files[0].findings.find((f) => f.ruleId === 'history.yoy' && f.cells[0].address === warning?.cells[0].address);
    expect(again?.explanation).toBe(text);

    // The same explanation no longer applies once the value changed.
    const cell = warning!.cells[0];
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(explained);
    const c = wb2.getWorksheet(cell.sheet)!.getCell(cell.address);
    c.value = Number(c.value) + 1000;
    const changed = path.join(dir, 'changed.xlsx');
    await wb2.xlsx.writeFile(changed);
    const third = await run([changed]);
    const reopened = third.json.files[0].findings.find((f) => f.ruleId === 'history.yoy' && f.cells[0].address === cell.address);
    expect(reopened).toBeDefined();
    expect(reopened?.explanation).toBeUndefined();
  });
});
