// Turning what the user picked or dropped into workbook files with the path they came from:
// <input type=file multiple>, <input webkitdirectory> (File.webkitRelativePath) and drag and drop
// of files and folders (DataTransferItem.webkitGetAsEntry, read recursively).

export interface PickedFile {
  /** The path as picked: `文件夹/乐山.xlsx`, or the name for a single file. */
  path: string;
  file: File;
}

/** Workbooks, and reports whose prose is checked (.txt, .docx, .pdf). */
const WORKBOOK = /\.(xlsx|xls|et|csv|txt|docx|pdf)$/i;

/** A file the checker takes, by its name; Office's lock files (~$…) and hidden files are not. */
export function isWorkbookName(name: string): boolean {
  const base = name.split('/').pop() ?? name;
  return WORKBOOK.test(base) && !base.startsWith('~$') && !base.startsWith('.');
}

/** The workbooks among the files of an <input>, with the folder path when a folder was picked. */
export function fromInput(list: FileList | File[]): { files: PickedFile[]; skipped: number } {
  const files: PickedFile[] = [];
  let skipped = 0;
  for (const file of Array.from(list)) {
    const path = (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
    if (isWorkbookName(path)) files.push({ path, file });
    else skipped++;
  }
  return { files, skipped };
}

interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  fullPath: string;
  file?(success: (f: File) => void, failure?: (e: unknown) => void): void;
  createReader?(): { readEntries(success: (entries: Entry[]) => void, failure?: (e: unknown) => void): void };
}

/** Every file under a dropped entry; readEntries answers in batches, so it is called until empty. */
async function walk(entry: Entry, out: PickedFile[], counts: { skipped: number }, depth = 0): Promise<void> {
  if (entry.isFile && entry.file) {
    const path = entry.fullPath.replace(/^\//, '');
    if (!isWorkbookName(path)) {
      counts.skipped++;
      return;
    }
    const file = await new Promise<File>((resolve, reject) => entry.file?.(resolve, reject));
    out.push({ path, file });
    return;
  }
  if (!entry.isDirectory || !entry.createReader || depth > 16) return;
  const reader = entry.createReader();
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    for (const child of batch) await walk(child, out, counts, depth + 1);
  }
}

/** The workbooks in a drop, folders included. */
export async function fromDrop(data: DataTransfer): Promise<{ files: PickedFile[]; skipped: number }> {
  const items = Array.from(data.items ?? []).filter((i) => i.kind === 'file');
  const entries = items.map((i) => (i as DataTransferItem & { webkitGetAsEntry?: () => Entry | null }).webkitGetAsEntry?.() ?? null);
  if (entries.length === 0 || entries.some((e) => e === null)) return fromInput(data.files);
  const out: PickedFile[] = [];
  const counts = { skipped: 0 };
  for (const e of entries as Entry[]) await walk(e, out, counts);
  return { files: out, skipped: counts.skipped };
}

/** Adds `more` to `list`, a path only once, in path order. */
export function mergePicked(list: PickedFile[], more: PickedFile[]): PickedFile[] {
  const byPath = new Map(list.map((p) => [p.path, p]));
  for (const p of more) byPath.set(p.path, p);
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path, 'zh-CN'));
}
