// The value parser never throws and always says what it read; unreadable text is quoted back.
import fc from 'fast-check';
import type { CellValue } from '../../src/core/types';
import { parseCell, type ParsedValue } from '../../src/core/values';
import { RUNS, cellNumber, cellText, cellValue, numberFormat, params, timeoutFor } from './support';

/** What parseCell's messages quote: the text, control characters flattened, trimmed. */
function quotable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').trim();
}

function expectWellFormed(p: ParsedValue, raw: unknown): void {
  expect(p).toBeTruthy();
  switch (p.kind) {
    case 'number':
    case 'approx':
      expect(typeof p.value).toBe('number');
      expect(Number.isFinite(p.value)).toBe(true);
      expect(Object.is(p.value, -0)).toBe(false);
      expect(typeof p.percent).toBe('boolean');
      expect(Number.isInteger(p.decimals)).toBe(true);
      if (p.unit !== undefined) expect(typeof p.unit).toBe('string');
      if (p.kind === 'approx') {
        expect(p.marker.length).toBeGreaterThan(0);
        expect(typeof p.text).toBe('string');
      }
      break;
    case 'missing':
      if (p.text !== undefined) expect(typeof p.text).toBe('string');
      break;
    case 'error':
      expect(typeof p.code).toBe('string');
      expect(p.code.length).toBeGreaterThan(0);
      break;
    case 'text': {
      expect(typeof p.text).toBe('string');
      const zh = p.reason['zh-CN'];
      const en = p.reason['en-US'];
      expect(zh.trim().length).toBeGreaterThan(0);
      expect(en.trim().length).toBeGreaterThan(0);
      expect(zh).not.toBe(en);
      // Both languages quote (the start of) the text they could not read.
      const head = Array.from(quotable(p.text)).slice(0, 12).join('');
      expect(zh).toContain(head);
      expect(en).toContain(head);
      if (typeof raw === 'string') expect(p.text).toBe(raw);
      break;
    }
    default:
      throw new Error(`unknown kind ${(p as { kind: string }).kind}`);
  }
}

describe('parseCell (property)', () => {
  it(
    `never throws on any text, with any number format (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(cellText, numberFormat, (s, f) => {
          expectWellFormed(parseCell(s, f), s);
        }),
        params(RUNS),
      );
    },
    timeoutFor(RUNS, 1),
  );

  it(
    `never throws on any number (NaN, ±Infinity, -0 …) with any number format (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(cellNumber, numberFormat, (n, f) => {
          const p = parseCell(n, f);
          expectWellFormed(p, n);
          if (Number.isFinite(n) && p.kind !== 'text') expect(p.kind).toBe('number');
          if (!Number.isFinite(n)) expect(p.kind).toBe('text');
        }),
        params(RUNS),
      );
    },
    timeoutFor(RUNS, 1),
  );

  it(
    `never throws on any cell value: booleans, {error}, null, mixed (${RUNS} runs)`,
    () => {
      fc.assert(
        fc.property(cellValue, numberFormat, (v, f) => {
          expectWellFormed(parseCell(v as CellValue, f), v);
        }),
        params(RUNS),
      );
    },
    timeoutFor(RUNS, 1),
  );

  it(
    `never throws on values no host should send (objects, arrays, dates, symbols-as-text) (${Math.ceil(RUNS / 4)} runs)`,
    () => {
      const odd = fc.oneof(
        fc.anything(),
        fc.date({ noInvalidDate: false }),
        fc.record({ richText: fc.array(fc.record({ text: fc.oneof(cellText, fc.integer()) }), { maxLength: 3 }) }),
        fc.record({ formula: fc.string(), result: cellValue }),
        fc.record({ text: cellText, hyperlink: fc.webUrl() }),
      );
      fc.assert(
        fc.property(odd, numberFormat, (v, f) => {
          const p = parseCell(v as CellValue, f);
          expect(['number', 'approx', 'missing', 'error', 'text']).toContain(p.kind);
          if (p.kind === 'text') {
            expect(p.reason['zh-CN'].length).toBeGreaterThan(0);
            expect(p.reason['en-US'].length).toBeGreaterThan(0);
          }
        }),
        params(Math.ceil(RUNS / 4)),
      );
    },
    timeoutFor(RUNS, 1),
  );

  it('examples of the edge cases the generators aim at', () => {
    for (const v of [NaN, Infinity, -Infinity, -0, '\u0000', '\uD800', '１２３', '1e400', '1e-400', '约'.repeat(300), true, { error: '#DIV/0!' }]) {
      expectWellFormed(parseCell(v as CellValue, '0.00%'), v);
      expectWellFormed(parseCell(v as CellValue), v);
    }
  });
});
