// What a copy of a workbook written by ExcelJS would lack: the command line's summary copy and
// the web checker's marked copy say so before (or while) writing one. Reads the package with
// JSZip only; no Node or DOM.
import JSZip from 'jszip';

/**
 * What ExcelJS cannot carry into the copy. It reads cells, styles, sheet settings, tables, notes
 * and pictures (a drawing keeps only its pictures); every other part of the package is dropped
 * on save. Parts listed here are content a user would miss; a few others it drops are not
 * (calcChain.xml, printerSettings, docProps/custom.xml: rebuilt by Excel or metadata only).
 */
const LOST_PARTS: Array<{ zh: string; en: string; part: RegExp }> = [
  { zh: '图表', en: 'charts', part: /^xl\/(charts|chartsheets)\// },
  { zh: 'SmartArt 图形', en: 'SmartArt graphics', part: /^xl\/diagrams\// },
  { zh: '数据透视表', en: 'pivot tables', part: /^xl\/(pivotTables|pivotCache)\// },
  { zh: '切片器和日程表', en: 'slicers and timelines', part: /^xl\/(slicers|slicerCaches|timelines|timelineCaches)\// },
  { zh: '宏（VBA）', en: 'macros (VBA)', part: /^xl\/(vbaProject\.bin$|macrosheets\/|dialogsheets\/)/ },
  { zh: '嵌入对象和控件', en: 'embedded objects and controls', part: /^xl\/(embeddings|activeX|ctrlProps)\// },
  { zh: '指向其他工作簿的外部链接', en: 'links to other workbooks', part: /^xl\/externalLinks\// },
  { zh: '数据连接和查询', en: 'data connections and queries', part: /^xl\/(connections\.xml$|queryTables\/|model\/)/ },
  { zh: '批注中的回复（新式批注）', en: 'threaded comments (replies)', part: /^xl\/threadedComments\// },
  { zh: '单元格中的图片', en: 'pictures in cells', part: /^xl\/richData\// },
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
 * What the copy of the workbook would lack, in both languages; empty when nothing is lost (or
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
  const found = new Map<string, { 'zh-CN': string; 'en-US': string; parts: string[] }>();
  const add = (zh: string, en: string, part: string): void => {
    const f = found.get(en) ?? { 'zh-CN': zh, 'en-US': en, parts: [] };
    f.parts.push(part);
    found.set(en, f);
  };
  for (const name of Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name.replace(/^\//, ''))) {
    const kind = LOST_PARTS.find((k) => k.part.test(name));
    if (kind) add(kind.zh, kind.en, name);
    else if (/^xl\/drawings\/[^/]+\.xml$/.test(name) && DRAWING_OBJECT.test(await partText(zip, name))) add('形状、文本框等绘图对象', 'shapes, text boxes and other drawing objects', name);
    else if (/^xl\/worksheets\/[^/]+\.xml$/.test(name) && SPARKLINES.test(await partText(zip, name))) add('迷你图', 'sparklines', name);
  }
  return [...found.values()];
}

