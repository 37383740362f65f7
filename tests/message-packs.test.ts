// The message packs: one per language with the same keys and the same placeholders, one filler
// with the languages' plural rules, and no message text outside the packs and the checks'
// declarations.
import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';
import { message, PACKS, text, type MessageKey } from '../src/core/i18n';
import { fill, MAX_QUOTED, placeholderNames } from '../src/core/i18n/fill';

describe('the packs', () => {
  const zh = PACKS['zh-CN'];
  const en = PACKS['en-US'];

  it('have the same keys', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    expect(Object.keys(zh).length).toBeGreaterThan(10);
  });

  it('use the same placeholders for a key in both languages', () => {
    const differ = (Object.keys(zh) as MessageKey[]).filter((k) => placeholderNames(zh[k]).join() !== placeholderNames(en[k]).join());
    expect(differ.map((k) => `${k}: {${placeholderNames(zh[k])}} / {${placeholderNames(en[k])}}`)).toEqual([]);
  });

  it('have no empty text, and the Chinese pack is Chinese', () => {
    for (const k of Object.keys(zh) as MessageKey[]) {
      expect({ k, zh: zh[k].trim() === '', en: en[k].trim() === '' }).toEqual({ k, zh: false, en: false });
    }
    const chinese = (Object.keys(zh) as MessageKey[]).filter((k) => /[\u4e00-\u9fff]/.test(zh[k]));
    expect(chinese.length / Object.keys(zh).length).toBeGreaterThan(0.8);
  });

  it('fill a key in both languages, or in one', () => {
    const m = message('engine.sheet.read', { sheet: '2022年', layout: { 'zh-CN': '宽表', 'en-US': 'a wide table' }, count: 12 });
    expect(m['zh-CN']).toBe('工作表“2022年”按宽表读取，共 12 个数值。');
    expect(m['en-US']).toBe('Sheet "2022年" read as a wide table: 12 values.');
    expect(text('en-US', 'engine.sheet.read', { sheet: 'S', layout: 'x', count: 1 })).toBe('Sheet "S" read as x: 1 value.');
    expect(text('zh-CN', 'engine.sheet.read', { sheet: 'S', layout: '宽表', count: 1 })).toBe('工作表“S”按宽表读取，共 1 个数值。');
  });
});

describe('fill', () => {
  const T = '{n, plural, =0 {no findings} one {# finding} other {# findings}} in {sheet}';
  it('takes the plural form the language chooses', () => {
    expect(fill(T, { n: 1, sheet: 'A' }, 'en-US')).toBe('1 finding in A');
    expect(fill(T, { n: 2, sheet: 'A' }, 'en-US')).toBe('2 findings in A');
    expect(fill(T, { n: 0, sheet: 'A' }, 'en-US')).toBe('no findings in A');
    expect(fill('{n, plural, other {# 个问题}}', { n: 1 }, 'zh-CN')).toBe('1 个问题');
    expect(fill('{n, plural, one {# finding} other {# findings}}', { n: '1,234' }, 'en-US')).toBe('1,234 findings');
    // A value that is no plain number is shown in the "other" form, never left as a placeholder.
    expect(fill('up {n, plural, one {# point} other {# points}}', { n: '∞' }, 'en-US')).toBe('up ∞ points');
    expect(fill('{n, plural, one {# point} other {# points}}', { n: { 'zh-CN': '约3', 'en-US': 'about 3' } }, 'en-US')).toBe('about 3 points');
  });

  it('keeps a missing placeholder visible, and literal braces that are not placeholders', () => {
    expect(fill('“{indicator}”为 {value}', { indicator: '案件' }, 'zh-CN')).toBe('“案件”为 {value}');
    expect(fill('{n, plural, one {# x} other {# xs}}', {}, 'en-US')).toBe('{n}');
    expect(fill('写成 {a b} 或 { }', {}, 'zh-CN')).toBe('写成 {a b} 或 { }');
  });

  it('cuts quoted text at the limit and says how long it was', () => {
    const long = '字'.repeat(MAX_QUOTED + 10);
    const out = fill('“{text}”', { text: long }, 'zh-CN');
    expect(out).toContain(`（共 ${MAX_QUOTED + 10} 字）`);
    expect(out.length).toBeLessThan(MAX_QUOTED + 20);
  });
});

/**
 * Message text written in code instead of the packs: a `'zh-CN': '…'` / `'en-US': '…'` property
 * whose string holds words (Chinese characters, or two Latin letters in a row outside `${…}`), or
 * a choice of text by language (`lang === 'zh-CN' ? '…' : '…'`). Allowed in the packs and in the
 * declarations of checks (a check declares its messages beside its run).
 */
function bilingualLiterals(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name)) scan(path);
    }
  };
  const words = (lang: string, literal: string): boolean => {
    const bare = literal.replace(/\$\{[^}]*\}/g, '');
    return lang === 'zh-CN' ? /[\u4e00-\u9fff]/.test(bare) : /[A-Za-z]{2,}/.test(bare);
  };
  const scan = (path: string): void => {
    const rel = relative(join(__dirname, '..'), path).replace(/\\/g, '/');
    if (rel.startsWith('src/core/i18n/')) return;
    const source = readFileSync(path, 'utf8');
    const declaresChecks = /\bdefineCheck\s*</.test(source);
    source.split('\n').forEach((line, i) => {
      if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
      for (const m of line.matchAll(/'(zh-CN|en-US)':\s*(['"`])((?:\\.|(?!\2).)*)\2/g)) {
        if (words(m[1], m[3]) && !declaresChecks) out.push(`${rel}:${i + 1}`);
      }
      if (/===?\s*'(zh-CN|en-US)'\s*\?\s*['"`]/.test(line)) out.push(`${rel}:${i + 1}`);
    });
  };
  walk(root);
  return [...new Set(out)];
}

describe('message text lives in the packs', () => {
  // LITERALS_UNDER=src/hosts narrows the scan to one part of the tree.
  const root = join(__dirname, '..', process.env.LITERALS_UNDER ?? 'src');
  it('has no bilingual literals elsewhere', () => {
    expect(bilingualLiterals(root)).toEqual([]);
  });
});
