// The flags of an observation in ModelData's typed columns: its parsed kind, whether it is
// approximate, and its value kind, packed in one small integer. Kept apart from model-data.ts so
// that the value normaliser (layout/normalize.ts), which model-data.ts uses, can share them
// without an import cycle.
import type { ValueKind } from './model';
import type { ParsedValue } from './values';

export const PK_NUMBER = 0;
export const PK_APPROX = 1;
export const PK_MISSING = 2;
export const PK_ERROR = 3;
export const PK_TEXT = 4;
export const PARSED_KIND_INDEX: Record<ParsedValue['kind'], number> = { number: PK_NUMBER, approx: PK_APPROX, missing: PK_MISSING, error: PK_ERROR, text: PK_TEXT };

export const K_COUNT = 0;
export const K_RATE = 1;
export const K_MONEY = 2;
export const K_OTHER = 3;
export const VALUE_KINDS: readonly ValueKind[] = ['count', 'rate', 'money', 'other'];
export const KIND_INDEX: Record<ValueKind, number> = { count: K_COUNT, rate: K_RATE, money: K_MONEY, other: K_OTHER };

/** Bits 0–2: parsed kind; bit 3: approximate; bits 4–5: value kind. */
export const F_APPROX = 8;
export const parsedKindOf = (flags: number) => flags & 7;
export const valueKindOf = (flags: number) => (flags >> 4) & 3;
export const makeFlags = (parsedKind: number, approximate: boolean, kind: number) => parsedKind | (approximate ? F_APPROX : 0) | (kind << 4);
