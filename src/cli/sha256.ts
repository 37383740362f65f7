// The Content-Security-Policy source ('sha256-…') of an inline script. The HTML report allows
// exactly its own inline script by this hash, so that nothing injected into the page could run
// even if a piece of user text slipped through unescaped. SHA-256 comes from @noble/hashes (pure
// JavaScript, no Node or browser API), so the report generator that uses it can run in a page
// as well as in the command line.
import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';

/** Base64 of bytes, in slices so that no argument list grows with the input. */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** `'sha256-<base64 of the UTF-8 text's digest>'`, quoted as a CSP source list wants it. */
export function cspHash(text: string): string {
  return `'sha256-${base64(sha256(utf8ToBytes(text)))}'`;
}
