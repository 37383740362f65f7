// Saving data the page made as a file: a Blob, an object URL and an <a download>. Nothing is sent
// anywhere. Used by the 规则 tab (rule file export) and the web checker (copies and reports).

/** Downloads `data` as `name`; false where the page cannot (no object URLs, no document). */
export function downloadBlob(data: BlobPart, name: string, type: string): boolean {
  if (typeof URL === 'undefined' || typeof URL.createObjectURL !== 'function' || typeof document === 'undefined') return false;
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Late enough for the browser to have taken the file.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}
