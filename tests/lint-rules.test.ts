// The lint rules `npm run lint` runs (scripts/eslint.config.mjs), tried on small sources: each
// must report what it is there for, and stay quiet on the allowed form.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';

const ROOT = path.resolve(__dirname, '..');
const CONFIG = path.join(ROOT, 'scripts', 'eslint.config.mjs');

type Message = { ruleId: string | null; message: string; line: number };

/**
 * Lints files written into a scratch project with the project's config, by ESLint's own command
 * line in a child process (the config is an ES module, which jest's module system cannot load);
 * messages by file.
 */
async function lint(files: Record<string, string>): Promise<Record<string, Message[]>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-'));
  try {
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    const bin = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
    const run = spawnSync(process.execPath, [bin, '--config', CONFIG, '--format', 'json', ...Object.keys(files)], { cwd: dir, encoding: 'utf8' });
    if (run.status !== 0 && run.status !== 1) throw new Error(`eslint exited ${run.status}: ${run.stderr}`);
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Message[] }>;
    return Object.fromEntries(results.map((r) => [path.relative(dir, r.filePath), r.messages]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const rules = (ms: Message[]): Array<string | null> => ms.map((m) => m.ruleId);

describe('lint rules (ESLint with typescript-eslint)', () => {
  test('src/core: a Node import written over several lines, a host global and a UI package are reported', async () => {
    const r = await lint({
      'src/core/a.ts': "import {\n  readFileSync,\n} from 'node:fs';\nexport const a = readFileSync;\n",
      'src/core/b.ts': 'export const b = (): number => window.innerWidth + (process.env.X ? 1 : 0);\n',
      'src/core/c.ts': "import { Button } from '@fluentui/react-components';\nexport const c = Button;\n",
      'src/core/d.ts': "import { x } from '../hosts/excel/x';\nexport const d = x;\n",
      'src/core/ok.ts': "import { b } from './b';\nexport const ok = (n: number): number => n + b();\n",
    });
    expect(rules(r['src/core/a.ts'])).toEqual(['no-restricted-imports']);
    expect(r['src/core/a.ts'][0].line).toBe(1);
    expect(rules(r['src/core/b.ts'])).toEqual(['no-restricted-globals', 'no-restricted-globals']);
    expect(rules(r['src/core/c.ts'])).toEqual(['no-restricted-imports']);
    expect(rules(r['src/core/d.ts'])).toEqual(['no-restricted-imports']);
    expect(r['src/core/ok.ts']).toEqual([]);
  }, 60_000);

  test('an import cycle is reported, over imports of several lines too', async () => {
    const r = await lint({
      'src/core/p.ts': "import {\n  q,\n} from './q';\nexport const p = (): number => q() + 1;\n",
      'src/core/q.ts': "import { p } from './p';\nexport const q = (): number => (p ? 1 : 0);\n",
    });
    expect(rules(r['src/core/p.ts'])).toContain('import-x/no-cycle');
    expect(rules(r['src/core/q.ts'])).toContain('import-x/no-cycle');
  }, 60_000);

  test('eval and new Function in src are reported', async () => {
    const r = await lint({ 'src/taskpane/e.ts': "export const e = (t: string): unknown => eval(t);\nexport const f = new Function('return 1');\n" });
    expect(rules(r['src/taskpane/e.ts'])).toEqual(['no-eval', 'no-new-func']);
  }, 60_000);

  test('Office.js code: a sync in a loop, wrapped or not, is reported; one sync after a loop is not', async () => {
    const r = await lint({
      'src/hosts/excel/loop.ts': [
        'declare const ctx: { sync(): Promise<void> };',
        'declare const s: { sync(c: unknown): Promise<void> };',
        'export async function each(names: string[]): Promise<void> {',
        '  for (const n of names) {',
        '    void n;',
        '    await ctx.sync();',
        '  }',
        '  let i = 0;',
        '  while (i++ < 3) await s.sync(ctx);',
        '}',
        'export async function once(names: string[]): Promise<void> {',
        '  for (const n of names) void n;',
        '  await ctx.sync();',
        '}',
        '',
      ].join('\n'),
    });
    expect(r['src/hosts/excel/loop.ts'].map((m) => [m.ruleId, m.line])).toEqual([
      ['no-restricted-syntax', 6],
      ['no-restricted-syntax', 9],
    ]);
  }, 60_000);
});
