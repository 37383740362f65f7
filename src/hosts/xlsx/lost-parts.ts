// What a copy of a workbook written by ExcelJS would lack: the command line's summary copy and
// the web checker's marked copy say so before (or while) writing one. Reads the package with
// JSZip only; no Node or DOM.
import JSZip from 'jszip';
import { message, type MessageKey } from '../../core/i18n';

/** The pack's names of what a copy loses (host.xlsx.lost.*). */
type LostKey = Extract<MessageKey, `host.xlsx.lost.${string}`>;

/**
 * What ExcelJS cannot carry into the copy. It reads cells, styles, sheet settings, tables, notes
 * and pictures (a drawing keeps only its pictures); every other part of the package is dropped
 * on save. Parts listed here are content a user would miss; a few others it drops are not
 * (calcChain.xml, printerSettings, docProps/custom.xml: rebuilt by Excel or metadata only).
 */
const LOST_PARTS: Array<{ what: LostKey; part: RegExp }> = [
  { what: 'host.xlsx.lost.charts', part: /^xl\/(charts|chartsheets)\// },
  { what: 'host.xlsx.lost.smartart', part: /^xl\/diagrams\// },
  { what: 'host.xlsx.lost.pivot-tables', part: /^xl\/(pivotTables|pivotCache)\// },
  { what: 'host.xlsx.lost.slicers', part: /^xl\/(slicers|slicerCaches|timelines|timelineCaches)\// },
  { what: 'host.xlsx.lost.macros', part: /^xl\/(vbaProject\.bin$|macrosheets\/|dialogsheets\/)/ },
  { what: 'host.xlsx.lost.embedded', part: /^xl\/(embeddings|activeX|ctrlProps)\// },
  { what: 'host.xlsx.lost.external-links', part: /^xl\/externalLinks\// },
  { what: 'host.xlsx.lost.connections', part: /^xl\/(connections\.xml$|queryTables\/|model\/)/ },
  { what: 'host.xlsx.lost.threaded-comments', part: /^xl\/threadedComments\// },
  { what: 'host.xlsx.lost.cell-pictures', part: /^xl\/richData\// },
];
/** A drawing object other than a picture: shape, text box, connector, group, ink; or an absolutely placed one. */
const DRAWING_OBJECT = /<(?:[\w-]+:)?(?:sp|grpSp|cxnSp|contentPart|absoluteAnchor|AlternateContent)[\s>/]/;
const SPARKLINES = /<(?:[\w-]+:)?sparklineGroups[\s>/]/;

/** A part of the package as text; '' when it cannot be read (ExcelJS says why when it loads the workbook). */
async function partText(zip: JSZip, name: string): Promise<string> {
  try {
    return (await zip.file(name)?.async('string')) ?? '';
  } catch {
    return '';
  }
}

/**
 * What the copy of the workbook would lack, in both languages (the pack's host.xlsx.lost.*); empty when nothing is lost (or
 * the file is not a zip: loading it then gives the real reason). Only the package's directory
 * is read, and the drawing and sheet parts that may hold shapes or sparklines.
 */
export async function partsLostOnCopy(bytes: Uint8Array): Promise<Array<{ 'zh-CN': string; 'en-US': string; parts: string[] }>> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return [];
  }
  const found = new Map<LostKey, { 'zh-CN': string; 'en-US': string; parts: string[] }>();
  const add = (what: LostKey, part: string): void => {
    const f = found.get(what) ?? { ...message(what), parts: [] };
    f.parts.push(part);
    found.set(what, f);
  };
  for (const name of Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name.replace(/^\//, ''))) {
    const kind = LOST_PARTS.find((k) => k.part.test(name));
    if (kind) add(kind.what, name);
    else if (/^xl\/drawings\/[^/]+\.xml$/.test(name) && DRAWING_OBJECT.test(await partText(zip, name))) add('host.xlsx.lost.drawings', name);
    else if (/^xl\/worksheets\/[^/]+\.xml$/.test(name) && SPARKLINES.test(await partText(zip, name))) add('host.xlsx.lost.sparklines', name);
  }
  return [...found.values()];
}

