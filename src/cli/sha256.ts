// The Content-Security-Policy source ('sha256-…') of an inline script. The HTML report allows
// exactly its own inline script by this hash, so that nothing injected into the page could run
// even if a piece of user text slipped through unescaped. SHA-256 comes from @noble/hashes (pure
// JavaScript, no Node or browser API), so the report generator that uses it can run in a page
// as well as in the command line.
import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';
import { bytesToBase64 } from '../core/bytes';

/** `'sha256-<base64 of the UTF-8 text's digest>'`, quoted as a CSP source list wants it. */
export function cspHash(text: string): string {
  return `'sha256-${bytesToBase64(sha256(utf8ToBytes(text)))}'`;
}
