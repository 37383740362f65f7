// Helpers of the prose-reading tests (tests/text-reading*.test.ts): the report read as a whole,
// the claims of the list reader alone, and a claim as one line of text.
import { checkReportText, extractClaims, extractMentions, type Claim } from '../../src/core/text';

export const read = (text: string) => checkReportText(text, 'r.txt');
export const claimsOf = (text: string): Claim[] => extractClaims(text, extractMentions(text)).claims;
/** total = part + part … → verdict, one string a claim, in text order. */
export const summary = (cs: readonly Claim[]): string[] => cs.map((c) => `${c.total.value} = ${c.parts.map((p) => p.value).join(' + ')} ${c.verdict}`);
