// Files the command line opens and writes: why one cannot be read or written, in both languages,
// and writing a report so that an existing file is never left half overwritten.
import * as fs from 'fs';
import * as path from 'path';
import { message, type SectionKey } from '../core/i18n';
import type { Bilingual } from '../core/types';

/** The reason a file could not be opened, by the fs error's code (a key of the packs' `cli.` section). */
const OPEN_REASONS: Record<string, SectionKey<'cli'>> = {
  ENOENT: 'open.enoent',
  EISDIR: 'open.eisdir',
  EACCES: 'open.eacces',
  EPERM: 'open.eacces',
  EBUSY: 'open.ebusy',
};

/** Why `file` could not be opened (from a Node fs error). */
export function openError(file: string, e: unknown): Bilingual {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const key = code ? OPEN_REASONS[code] : undefined;
  return message('cli.open.failed', { file, reason: key ? message(`cli.${key}`) : String(code ?? e) });
}

/** The reason a file could not be written, by the fs error's code. */
const WRITE_REASONS: Record<string, SectionKey<'cli'>> = {
  EACCES: 'write.eacces',
  EPERM: 'write.eacces',
  EBUSY: 'write.ebusy',
  EISDIR: 'write.eisdir',
  ENOTDIR: 'write.enotdir',
  EEXIST: 'write.eexist',
  ENOSPC: 'write.enospc',
  EDQUOT: 'write.edquot',
  EROFS: 'write.erofs',
  ENAMETOOLONG: 'write.enametoolong',
  EINVAL: 'write.einval',
  ENOENT: 'write.enoent',
};

/** Why `file` could not be written (from a Node fs error), naming it. */
export function writeError(file: string, e: unknown): Bilingual {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const key = code ? WRITE_REASONS[code] : undefined;
  return message('cli.write.failed', { file, reason: key ? message(`cli.${key}`) : String(code ?? (e instanceof Error ? e.message : e)) });
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
