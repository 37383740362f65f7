// The message packs: one per language with the same keys and the same placeholders, one filler
// with the languages' plural rules, and no message text outside the packs and the checks'
// declarations.
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
