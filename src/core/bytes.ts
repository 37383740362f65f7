// Bytes as base64, for an .xlsx handed to Excel.createWorkbook and a CSP hash; btoa is a global of
// browsers and Node alike. In slices, so that no argument list grows with the input.

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
