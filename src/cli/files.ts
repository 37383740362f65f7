// Files the command line opens and writes: why one cannot be read or written, in both languages,
// and writing a report so that an existing file is never left half overwritten.
import * as fs from 'fs';
import * as path from 'path';
import type { Bilingual } from '../core/types';

const REASONS: Record<string, { zh: string; en: string }> = {
  ENOENT: { zh: '文件不存在', en: 'no such file' },
  EISDIR: { zh: '这是一个文件夹', en: 'it is a folder' },
  EACCES: { zh: '没有读取权限', en: 'permission denied' },
  EPERM: { zh: '没有读取权限', en: 'permission denied' },
  EBUSY: { zh: '文件正被其他程序占用', en: 'the file is in use by another program' },
};

/** Why `file` could not be opened (from a Node fs error). */
export function openError(file: string, e: unknown): Bilingual {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const why = (code ? REASONS[code] : undefined) ?? { zh: String(code ?? e), en: String(code ?? e) };
  return { 'zh-CN': `无法打开“${file}”：${why.zh}。`, 'en-US': `Cannot open "${file}": ${why.en}.` };
}

const WRITE_REASONS: Record<string, { zh: string; en: string }> = {
  EACCES: { zh: '没有写入权限', en: 'permission denied' },
  EPERM: { zh: '没有写入权限', en: 'permission denied' },
  EBUSY: { zh: '文件正被其他程序（如 Excel）占用', en: 'the file is in use by another program (such as Excel)' },
  EISDIR: { zh: '这是一个文件夹', en: 'it is a folder' },
  ENOTDIR: { zh: '路径中有一段不是文件夹', en: 'a part of the path is not a folder' },
  EEXIST: { zh: '路径中有一段是已存在的文件，无法建成文件夹', en: 'a part of the path is an existing file, so the folder cannot be made' },
  ENOSPC: { zh: '磁盘空间不足', en: 'the disk is full' },
  EDQUOT: { zh: '超出磁盘配额', en: 'the disk quota is used up' },
  EROFS: { zh: '磁盘或文件夹是只读的', en: 'the disk or folder is read-only' },
  ENAMETOOLONG: { zh: '文件名或路径太长', en: 'the file name or path is too long' },
  EINVAL: { zh: '文件名中有不允许的字符', en: 'the file name has characters that are not allowed' },
  ENOENT: { zh: '路径中的文件夹不存在且无法创建', en: 'a folder in the path does not exist and cannot be made' },
};

/** Why `file` could not be written (from a Node fs error), naming it. */
export function writeError(file: string, e: unknown): Bilingual {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const detail = String(code ?? (e instanceof Error ? e.message : e));
  const why = (code ? WRITE_REASONS[code] : undefined) ?? { zh: detail, en: detail };
  return { 'zh-CN': `无法写入“${file}”：${why.zh}。`, 'en-US': `Cannot write "${file}": ${why.en}.` };
}

/** Both lines of a bilingual message, as the command line prints an error that must not be missed. */
export function bothLanguages(m: Bilingual): string {
  return `${m['zh-CN']}\n${m['en-US']}\n`;
}

/**
 * Writes `data` to `file` so that `file` is either what it was or the whole new content, never a
 * part: the data goes to a temporary file in the same folder (same disk, so the rename is
 * atomic), which then replaces `file`. Missing folders on the way are created. With
 * `overwrite: false` an existing file is left alone and the error's code is EEXIST (the new file
 * is linked into place, which fails if the name is taken; where links are not supported, the
 * name is checked just before the rename). Throws the fs error otherwise; the temporary file is
 * removed.
 */
export function writeFileAtomic(file: string, data: string | Uint8Array, options: { overwrite?: boolean } = {}): void {
  const target = path.resolve(file);
  let isFolder = false;
  try {
    isFolder = fs.statSync(target).isDirectory();
  } catch {
    // no such file yet
  }
  if (isFolder) throw Object.assign(new Error(`EISDIR: ${file}`), { code: 'EISDIR' });
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { flag: 'wx' });
    if (options.overwrite === false) {
      try {
        fs.linkSync(tmp, target);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw e;
        // A file system without hard links (FAT, some network shares): check, then rename.
        if (fs.existsSync(target)) throw Object.assign(new Error(`EEXIST: ${file}`), { code: 'EEXIST' });
        fs.renameSync(tmp, target);
        return;
      }
      fs.rmSync(tmp, { force: true });
      return;
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
