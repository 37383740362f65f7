import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main, DEFAULT_SAMPLE } from '../src/cli/index';
import { writeSamples, MISTAKES } from '../scripts/make-samples';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) } };
}

const SAMPLES = path.join(__dirname, '..', 'samples');
const sample = (name: string) => path.join(SAMPLES, name);

describe('CLI', () => {
  it('checks the bundled sample when no file is given, exit 1 for its errors', async () => {
    const t = io();
    const code = await main([], t.io);
    expect(code).toBe(1);
    expect(t.err.join('')).toContain(DEFAULT_SAMPLE);
    const text = t.out.join('');
    expect(text).toContain('[法治指标]');
    expect(text).toMatch(/共 \d+ 项：错误 \d+/);
    expect(text).toContain('D7');
  });

  it('writes JSON in the documented shape', async () => {
    const t = io();
    await main([sample(DEFAULT_SAMPLE), '--format', 'json'], t.io);
    const json = JSON.parse(t.out.join(''));
    expect(Object.keys(json)).toEqual(['files']);
    const f = json.files[0];
    expect(f.file).toBe(sample(DEFAULT_SAMPLE));
    const exceeds = f.findings.find((x: { ruleId: string }) => x.ruleId === 'balance.exceeds');
    expect(exceeds).toMatchObject({ severity: 'error', cells: expect.arrayContaining([{ sheet: '法治指标', address: 'D7' }]) });
    expect(exceeds.message['zh-CN']).toContain('199');
    expect(exceeds.message['en-US']).toContain('199');
  });

  it('finds every mistake planted in the samples, and nothing in the clean 2022 figures', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samples-'));
    await writeSamples(dir);
    const t = io();
    await main([...fs.readdirSync(dir).sort().map((f) => path.join(dir, f)), '--format', 'json'], t.io);
    const json = JSON.parse(t.out.join(''));
    const errors = json.files.flatMap((f: { findings: Array<{ severity: string; ruleId: string; period?: string }> }) => f.findings.filter((x) => x.severity === 'error'));
    // The wide sample has 5 planted errors (one is 98 penalty cases disclosed against 163 decided), the per-year one 1,
    // the cross-tab 4 and the county form 2 (see MISTAKES),
    // the long table 3 (93.3 % and 96 % 法制审核率, 98 % 回复率) and the .xls one 2 (已化解 5 of 4 信访积案, 96.8 % 依法执业自查率);
    // the seeds' own 2022 figures of 乐山市中区 and 嘉兴 are clean.
    expect(errors.map((e: { ruleId: string }) => e.ruleId).sort()).toEqual(
      [
        'balance.exceeds', 'balance.exceeds', 'balance.mismatch', 'equal.penalty-disclosure', 'rate.mandated.law-review', 'rate.mandated.law-review', 'rate.mandated.law-review', 'rate.mandated.reply', 'rate.mandated.self-inspection', 'value.excel-error', 'value.unreadable',
        // The district cross-tab: 沙湾区's 合计 (and the 全市合计 合计 that sums it), 全市合计 罚没款, 犍为县 法制审核率.
        'balance.exceeds', 'balance.exceeds', 'balance.entities', 'rate.mandated.law-review',
        // The sectioned county form: a 其中 list above its total, a 合计 row below its list.
        'balance.exceeds', 'balance.mismatch',
      ].sort(),
    );
    expect(errors.filter((e: { entity?: string }) => e.entity === '乐山市市中区' || e.entity === '嘉兴市').every((e: { period?: string }) => e.period === '2021')).toBe(true);
    // 罗庄区's 2023 figures are the seed's (001): its two errors are both in the illustrative 2022 column.
    expect(errors.filter((e: { entity?: string }) => e.entity === '临沂市罗庄区').map((e: { period?: string }) => e.period)).toEqual(['2022', '2022']);
    const warnings = json.files.flatMap((f: { findings: Array<{ severity: string; ruleId: string }> }) => f.findings.filter((x) => x.severity === 'warning').map((x) => x.ruleId));
    expect(warnings).toEqual(expect.arrayContaining(['history.yoy', 'history.yoy.scale', 'history.hb', 'history.rate-fell']));
    expect(MISTAKES.length).toBeGreaterThanOrEqual(5);
  });

  it('writes the report with --out and speaks English with --lang en-US', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-')), 'r.txt');
    const t = io();
    const code = await main([sample('示例-嘉兴市-分年度.xlsx'), '--out', out, '--lang', 'en-US'], t.io);
    expect(code).toBe(1);
    expect(t.out.join('')).toBe('');
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('a difference of 1');
    expect(text).toContain('1 finding: 1 error, 0 warnings, 0 info');
  });

  it('exits 2 for an unreadable file but still checks the others, saying which file and why', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    const bad = path.join(dir, 'notes.xlsx');
    fs.writeFileSync(bad, 'just text');
    const t = io();
    const code = await main([bad, path.join(dir, 'missing.xlsx'), sample('示例-嘉兴市-分年度.xlsx'), '--format', 'json'], t.io);
    expect(code).toBe(2);
    const json = JSON.parse(t.out.join(''));
    expect(json.files.map((f: { error?: unknown }) => !!f.error)).toEqual([true, true, false]);
    expect(json.files[2].findings.length).toBe(1);
    expect(t.err.join('')).toContain('notes.xlsx');
    expect(t.err.join('')).toContain('不存在');
  });

  it('exits 2 on a usage error, saying what is wrong in both languages', async () => {
    const t = io();
    expect(await main(['--format', 'pdf'], t.io)).toBe(2);
    const err = t.err.join('');
    expect(err).toContain('用法错误：选项 --format <format> 的取值“pdf”无效，可用：text、json、xlsx、html。');
    expect(err).toContain("Usage error: option '--format <format>' argument 'pdf' is invalid");
    expect(err).toContain('--help');
    expect(t.out.join('')).toBe('');

    const u = io();
    expect(await main(['--bogus'], u.io)).toBe(2);
    expect(u.err.join('')).toMatch(/不认识的选项 --bogus。[\s\S]*unknown option '--bogus'/);

    const m = io();
    expect(await main(['--out'], m.io)).toBe(2);
    expect(m.err.join('')).toContain('选项 --out <path> 后面缺少取值');

    const h = io();
    expect(await main(['--help'], h.io)).toBe(0);
    expect(h.out.join('')).toContain('--rules <file>');
    expect(h.err.join('')).toBe('');
  });

  it('exits 0 when there is no error finding', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['指标', '2022']);
    ws.addRow(['法制审核率', '100%']);
    const file = path.join(dir, 'ok.xlsx');
    await wb.xlsx.writeFile(file);
    const before = fs.readFileSync(file);
    expect(await main([file], io().io)).toBe(0);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('writes an xlsx report: a findings table with links to the source cells and a summary', async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cli-')), 'report.xlsx');
    const seed = path.join(__dirname, 'fixtures', 'seeds', '001_6aa43dd84e2221bc.txt');
    const code = await main(['--dir', SAMPLES, seed, '--format', 'xlsx', '--out', out], io().io);
    expect(code).toBe(1);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('校验结果');
    expect(ws).toBeDefined();
    expect(ws?.getRow(1).values).toEqual([undefined, '文件', '工作表', '单元格', '地区', '期间', '级别', '规则', '说明', '数值', '详情']);
    const links: string[] = [];
    const lines: unknown[] = [];
    ws?.eachRow((row, i) => {
      const v = row.getCell(3).value;
      if (i > 1 && v && typeof v === 'object' && 'formula' in v) links.push(String(v.formula));
      if (i > 1 && String(row.getCell(7).value).startsWith('text.')) lines.push(v);
    });
    expect(links.length).toBeGreaterThanOrEqual(6);
    // A failed rule: 说明 is the plain sentence, 详情 (the last column) names the rule and its expression.
    const rule = ws?.getSheetValues().find((r) => Array.isArray(r) && r[7] === 'rate.mandated.law-review') as unknown[] | undefined;
    expect(rule?.[8]).toMatch(/^法制审核率应为 100%，但.*2021年填报为/);
    expect(rule?.[8]).not.toContain('rate.mandated.law-review');
    expect(rule?.[10]).toMatch(/^规则 rate\.mandated\.law-review：\[法制审核率\] == 100%。左边为 /);
    const rel = path.relative(path.dirname(out), path.join(SAMPLES, DEFAULT_SAMPLE)).split(path.sep).join('/');
    expect(links).toContain(`HYPERLINK("${rel}#'法治指标'!D7","D7")`);
    // The report text's findings name their line, with no link.
    expect(lines.length).toBe(2);
    for (const l of lines) expect(l).toMatch(/^第\d+行$/);
    // In the file itself: formulas, no cell hyperlinks (ExcelJS wrote their target and location wrong).
    const JSZip = (await import('jszip')).default;
    const xml = (await (await JSZip.loadAsync(fs.readFileSync(out))).file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    expect(xml).toContain(`<f>HYPERLINK(&quot;${rel}#&apos;法治指标&apos;!D7&quot;,&quot;D7&quot;)</f><v>D7</v>`);
    expect(xml).not.toContain('<hyperlink');
    const summary = wb.getWorksheet('汇总');
    expect(summary?.getRow(2).getCell(1).value).toBe('001_6aa43dd84e2221bc.txt'); // files named first, then the folder's
    expect(summary?.getRow(3).getCell(1).value).toBe('示例-乐山市市中区-法治指标.xlsx');
    expect(summary?.getRow(3).getCell(2).value).toBe(5);
  });

  it('refuses --format xlsx without --out', async () => {
    expect(await main(['--format', 'xlsx'], io().io)).toBe(2);
  });

  it('refuses --format html without --out, saying so in both languages, before checking anything', async () => {
    const t = io();
    expect(await main([sample(DEFAULT_SAMPLE), '--format', 'html'], t.io)).toBe(2);
    const err = t.err.join('');
    expect(err).toContain('--format html 需要用 --out 指定报告文件。');
    expect(err).toContain('--format html needs --out to name the report file.');
    expect(t.out.join('')).toBe('');
  });

  it('writes an html report of two samples with --out: their counts as in the JSON report, opening in the --lang asked for', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-'));
    const out = path.join(dir, '报告', 'report.html');
    const files = [sample(DEFAULT_SAMPLE), sample('示例-各地区-长表.xlsx')];
    const t = io();
    expect(await main([...files, '--format', 'html', '--out', out, '--lang', 'en-US'], t.io)).toBe(1);
    expect(t.err.join('')).toContain(`Report written to ${out}`);
    expect(t.out.join('')).toBe('');
    expect(fs.readdirSync(path.dirname(out))).toEqual(['report.html']); // no temporary file left
    const html = fs.readFileSync(out, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-US">')).toBe(true);
    const j = io();
    await main([...files, '--format', 'json'], j.io);
    const json = JSON.parse(j.out.join('')) as { files: Array<{ file: string; findings: Array<{ severity: string }> }> };
    const shown = [...html.matchAll(/<tr[^>]* data-file="([^"]*)" data-error="(\d+)" data-warning="(\d+)" data-info="(\d+)"/g)].map((m) => m.slice(1));
    expect(shown).toEqual(
      json.files.map((f) => [path.basename(f.file), ...['error', 'warning', 'info'].map((s) => String(f.findings.filter((x) => x.severity === s).length))]),
    );
    // Checked together, the two files' cross-year findings are in the report with their trend lines.
    expect(html).toContain('class="fig-trend"');
  });

  it('checks a report text: claims with verdicts beside findings in JSON', async () => {
    const seeds = path.join(__dirname, 'fixtures', 'seeds');
    const t = io();
    const code = await main([path.join(seeds, '004_1f520193587ce677.txt'), path.join(seeds, '001_6aa43dd84e2221bc.txt'), '--format', 'json'], t.io);
    expect(code).toBe(0); // two warnings in 001, no error
    const json = JSON.parse(t.out.join(''));
    const claims = json.files[0].claims;
    expect(claims.map((c: { total: { value: number }; sum: number; ok: boolean }) => [c.total.value, c.sum, c.ok])).toEqual([
      [5404, 5404, true],
      [120, 120, true],
    ]);
    expect(claims[1].parts.map((p: { value: number }) => p.value)).toEqual([57, 62, 1]);
    expect(json.files[1].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['text.repeated-figure', 'text.repeated-figure']);
  });

  it('reports a claim whose parts exceed the total as an error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'txt-'));
    // "处罚340件，其中：警告37件、罚款310件。" has parts (347) above the total: an error.
    const text = '处罚340件，其中：警告37件、罚款310件。';
    fs.writeFileSync(path.join(dir, 'r.txt'), text, 'utf8');
    const t = io();
    expect(await main([path.join(dir, 'r.txt'), '--format', 'json'], t.io)).toBe(1);
    const f = JSON.parse(t.out.join('')).files[0];
    expect(f.claims[0]).toMatchObject({ sum: 347, ok: false, verdict: 'exceeds' });
    expect(f.findings[0].message['zh-CN']).toContain('347');
  });
});
