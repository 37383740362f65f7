// Files the command line opens: why one cannot be read, in both languages.
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
