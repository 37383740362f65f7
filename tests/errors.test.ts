// Every error the project throws for a user to read derives from one BilingualError base in the
// core, so that each surface recognises it by type and shows it in the user's language.
import * as fs from 'fs';
import * as path from 'path';
import { BilingualError, bilingualOf } from '../src/core/errors';
import { ReportError } from '../src/core/report/table-spec';
import { StandardFormError } from '../src/core/report/standard-form';
import { HostError } from '../src/hosts/excel/errors';
import { WorkbookReadError } from '../src/hosts/xlsx/errors';
import { PackageLimitError } from '../src/hosts/xlsx/package-guard';
import { ReportReadError } from '../src/hosts/docs/errors';
import { TableTargetError } from '../src/hosts/xlsx/write-table';
import { CheckerError } from '../src/checker/worker-client';
import { BilingualError as PaneBilingualError } from '../src/taskpane/office-host-factory';
import { describeError } from '../src/taskpane/format';

const msg = { 'zh-CN': '文件无法读取', 'en-US': 'The file cannot be read' };

describe('BilingualError', () => {
  const made: Array<[string, Error]> = [
    ['ReportError', new ReportError('bad-spec', msg)],
    ['StandardFormError', new StandardFormError(msg)],
    ['HostError', new HostError(msg, { code: 'ItemNotFound' })],
    ['WorkbookReadError', new WorkbookReadError(msg)],
    ['ReportReadError', new ReportReadError(msg)],
    ['TableTargetError', new TableTargetError(msg, ['B2'])],
    ['CheckerError', new CheckerError(msg)],
  ];

  test.each(made)('%s derives from it, keeps its own name and carries both languages', (name, e) => {
    expect(e).toBeInstanceOf(BilingualError);
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe(name);
    expect(bilingualOf(e)).toEqual(msg);
    expect(describeError(e, 'zh-CN')).toBe('文件无法读取');
    expect(describeError(e, 'en-US')).toBe('The file cannot be read');
  });

  test('a package limit error is a workbook read error, and so a BilingualError', () => {
    const e = Object.create(PackageLimitError.prototype) as Error;
    expect(e).toBeInstanceOf(WorkbookReadError);
    expect(e).toBeInstanceOf(BilingualError);
  });

  test('the pane throws the core class itself, not a copy of it', () => {
    expect(PaneBilingualError).toBe(BilingualError);
  });

  test('message: English by default, or what the subclass chose; the cause is kept', () => {
    const cause = new Error('raw');
    expect(new BilingualError(msg).message).toBe('The file cannot be read');
    const host = new HostError(msg, { cause });
    expect(host.message).toBe('文件无法读取 / The file cannot be read');
    expect(host.cause).toBe(cause);
  });

  test('an error that crossed a worker channel keeps its bilingual field, not its class', () => {
    const cloned = { name: 'WorkbookReadError', message: 'x', bilingual: msg };
    expect(bilingualOf(cloned)).toEqual(msg);
    expect(bilingualOf({ bilingual: { 'zh-CN': '只有中文' } })).toBeUndefined();
    expect(bilingualOf(new Error('plain'))).toBeUndefined();
    expect(bilingualOf('text')).toBeUndefined();
    expect(bilingualOf(null)).toBeUndefined();
  });

  test('no other source file defines an error class on Error itself, except signals never shown to a user', () => {
    const signals = new Set(['FastPathGaveUp', 'StatedSizeExceeded', 'CancelledError']);
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(entry.name)) {
          const text = fs.readFileSync(p, 'utf8');
          for (const m of text.matchAll(/class\s+(\w+)\s+extends\s+Error\b/g)) if (!signals.has(m[1]) && !p.endsWith(path.join('core', 'errors.ts'))) offenders.push(`${path.relative(process.cwd(), p)}: ${m[1]}`);
          if (/Object\.assign\(new Error\([^)]*\),\s*\{\s*bilingual/.test(text)) offenders.push(`${path.relative(process.cwd(), p)}: an Error with a bilingual field attached`);
        }
      }
    };
    walk(path.join(__dirname, '..', 'src'));
    expect(offenders).toEqual([]);
  });
});
