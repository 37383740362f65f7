// Where the command line writes: --out into a folder that does not exist yet creates it; a path
// that cannot be written is named, with the reason, in both languages (exit 2); and an existing
// report is never left half overwritten (a temporary file in the same folder, then a rename).
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main, DEFAULT_SAMPLE } from '../src/cli/index';
import { main as summaryMain } from '../src/cli/summary';
import { main as templateMain } from '../src/cli/template';
import { writeError, writeFileAtomic } from '../src/cli/files';

// fs as it is, with writeFileSync and renameSync observable (and able to fail on demand).
jest.mock('fs', () => {
  const actual = jest.requireActual('fs');
  return { ...actual, writeFileSync: jest.fn(actual.writeFileSync), renameSync: jest.fn(actual.renameSync) };
});
const renameSync = fs.renameSync as unknown as jest.Mock;
const writeFileSync = fs.writeFileSync as unknown as jest.Mock;

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) } };
}

const SAMPLE = path.join(__dirname, '..', 'samples', DEFAULT_SAMPLE);
const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'cli-out-'));
/** Files left in a folder whose name marks them as a temporary copy. */
const leftovers = (dir: string): string[] => fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));

describe('--out', () => {
  it.each(['json', 'text'])('writes a %s report into folders that do not exist yet', async (format) => {
    const dir = tmp();
    const out = path.join(dir, '报告', '2024', `r.${format === 'json' ? 'json' : 'txt'}`);
    const t = io();
    const code = await main([SAMPLE, '--format', format, '--out', out], t.io);
    expect(code).toBe(1); // the sample's planted errors
    const text = fs.readFileSync(out, 'utf8');
    if (format === 'json') expect(JSON.parse(text).files[0].findings.length).toBeGreaterThan(0);
    else expect(text).toContain('[法治指标]');
    expect(t.err.join('')).toContain(`报告已写入 ${out}`);
    expect(leftovers(path.dirname(out))).toEqual([]);
  });

  it('writes an xlsx report into a folder that does not exist yet', async () => {
    const out = path.join(tmp(), '新建', 'report.xlsx');
    const code = await main([SAMPLE, '--format', 'xlsx', '--out', out], io().io);
    expect(code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toContain('校验结果');
    expect(leftovers(path.dirname(out))).toEqual([]);
  });

  it('names a path that cannot be written and says why, in both languages, exit 2', async () => {
    const dir = tmp();
    const file = path.join(dir, '不是文件夹.txt');
    fs.writeFileSync(file, 'x');
    // A part of the path is a file: the folder cannot be made.
    const under = path.join(file, 'r.json');
    for (const format of ['json', 'xlsx']) {
      const t = io();
      const code = await main([SAMPLE, '--format', format, '--out', under], t.io);
      expect(code).toBe(2);
      const err = t.err.join('');
      expect(err).toContain(`无法写入“${under}”`);
      expect(err).toContain(`Cannot write "${under}"`);
      expect(err).toMatch(/路径中有一段.*(不是文件夹|无法建成文件夹)/);
      expect(err).toMatch(/a part of the path is (not a folder|an existing file)/);
    }
    // The path is a folder.
    const t = io();
    expect(await main([SAMPLE, '--format', 'json', '--out', dir, '--lang', 'en-US'], t.io)).toBe(2);
    expect(t.err.join('')).toContain(`无法写入“${dir}”：这是一个文件夹。`);
    expect(t.err.join('')).toContain(`Cannot write "${dir}": it is a folder.`);
    expect(fs.readFileSync(file, 'utf8')).toBe('x');
  });

  it('never leaves an existing report half overwritten: the old one stays whole when the new one cannot be put in place', async () => {
    const dir = tmp();
    const out = path.join(dir, 'r.json');
    fs.writeFileSync(out, 'the old report, whole');
    // As on Windows when Excel has the report open: the rename onto it fails.
    renameSync.mockImplementationOnce(() => {
      throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
    });
    const t = io();
    expect(await main([SAMPLE, '--format', 'json', '--out', out], t.io)).toBe(2);
    expect(t.err.join('')).toContain('文件正被其他程序（如 Excel）占用');
    expect(t.err.join('')).toContain('the file is in use by another program (such as Excel)');
    expect(fs.readFileSync(out, 'utf8')).toBe('the old report, whole');
    expect(leftovers(dir)).toEqual([]);
    // And when it can, the new report replaces the old one entirely.
    expect(await main([SAMPLE, '--format', 'json', '--out', out], io().io)).toBe(1);
    expect(JSON.parse(fs.readFileSync(out, 'utf8')).files).toHaveLength(1);
    expect(leftovers(dir)).toEqual([]);
  });

  it('the report is written beside its final name and only then renamed onto it', () => {
    const dir = tmp();
    const out = path.join(dir, 'r.txt');
    writeFileSync.mockClear();
    renameSync.mockClear();
    writeFileAtomic(out, 'new');
    const seen = writeFileSync.mock.calls.map((call) => String(call[0]));
    expect(seen).toHaveLength(1);
    expect(path.dirname(seen[0])).toBe(dir);
    expect(seen[0]).not.toBe(out);
    expect(renameSync.mock.calls).toEqual([[seen[0], path.resolve(out)]]);
    expect(fs.readFileSync(out, 'utf8')).toBe('new');
  });

  it('without overwrite, an existing file is left alone (EEXIST) and no temporary file remains', () => {
    const dir = tmp();
    const out = path.join(dir, 'form.xlsx');
    fs.writeFileSync(out, 'mine');
    expect(() => writeFileAtomic(out, 'new', { overwrite: false })).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(fs.readFileSync(out, 'utf8')).toBe('mine');
    expect(leftovers(dir)).toEqual([]);
    writeFileAtomic(path.join(dir, 'fresh.xlsx'), 'new', { overwrite: false });
    expect(fs.readFileSync(path.join(dir, 'fresh.xlsx'), 'utf8')).toBe('new');
  });

  it('words the usual write failures in both languages', () => {
    const cases: Array<[string, RegExp, RegExp]> = [
      ['EACCES', /没有写入权限/, /permission denied/],
      ['ENOSPC', /磁盘空间不足/, /the disk is full/],
      ['EROFS', /只读/, /read-only/],
      ['EBUSY', /占用/, /in use/],
    ];
    for (const [code, zh, en] of cases) {
      const m = writeError('D:\\报告\\r.json', Object.assign(new Error(code), { code }));
      expect(m['zh-CN']).toMatch(zh);
      expect(m['zh-CN']).toContain('“D:\\报告\\r.json”');
      expect(m['en-US']).toMatch(en);
    }
  });
});

describe('npm run summary and npm run template --out', () => {
  it('summary: writes the copy into a folder that does not exist yet; an unwritable path is named in both languages', async () => {
    const out = path.join(tmp(), 'a', 'b', '汇总.xlsx');
    const t = io();
    expect(await summaryMain([SAMPLE, '--out', out], t.io)).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect(leftovers(path.dirname(out))).toEqual([]);
    const file = path.join(tmp(), 'x');
    fs.writeFileSync(file, 'x');
    const bad = io();
    expect(await summaryMain([SAMPLE, '--out', path.join(file, 'y.xlsx')], bad.io)).toBe(2);
    expect(bad.err.join('')).toContain(`无法写入“${path.join(file, 'y.xlsx')}”`);
    expect(bad.err.join('')).toContain(`Cannot write "${path.join(file, 'y.xlsx')}"`);
  });

  it('template: into a new folder; an existing file is refused without --force and replaced whole with it', async () => {
    const out = path.join(tmp(), '新', '指标表.xlsx');
    expect(await templateMain(['--out', out], io().io)).toBe(0);
    const first = fs.readFileSync(out);
    const t = io();
    expect(await templateMain(['--out', out], t.io)).toBe(2);
    expect(t.err.join('')).toContain('已存在');
    expect(fs.readFileSync(out).equals(first)).toBe(true);
    expect(await templateMain(['--out', out, '--force', '--years', '2020,2021'], io().io)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0].name).toBe('指标表');
    expect(leftovers(path.dirname(out))).toEqual([]);
  });
});
