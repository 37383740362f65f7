// The sample workbooks bundled with the preview (webpack copies samples/*.xlsx and *.xls to dist/samples/
// and defines their names), fetched from the page's own origin.
import { message } from '../core/i18n';
import { WorkbookReadError } from '../hosts/xlsx/errors';

declare const __PREVIEW_SAMPLES__: readonly string[] | undefined;

export const SAMPLES: readonly string[] = typeof __PREVIEW_SAMPLES__ !== 'undefined' ? __PREVIEW_SAMPLES__ : [];

/** The sample the preview opens first. */
export const MAIN_SAMPLE = '示例-乐山市市中区-法治指标.xlsx';

export function defaultSample(samples: readonly string[] = SAMPLES): string | undefined {
  return samples.includes(MAIN_SAMPLE) ? MAIN_SAMPLE : samples[0];
}

/** URL of a bundled sample, relative to the page. */
export function sampleUrl(name: string): string {
  return `samples/${encodeURIComponent(name)}`;
}

export async function fetchSample(name: string): Promise<Uint8Array> {
  const response = await fetch(sampleUrl(name));
  if (!response.ok) {
    throw new WorkbookReadError(message('checker.preview.sample-unreadable', { name, status: response.status }));
  }
  return new Uint8Array(await response.arrayBuffer());
}

/** Reads a file the user picked, with FileReader (works in every browser the pane supports). */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsArrayBuffer(file);
  });
}
