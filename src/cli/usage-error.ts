// Command-line usage errors in both languages. commander prints its own English line; this says
// the same in Chinese first, quoting the option or argument at fault, and names the help option.
import { CommanderError } from 'commander';
import type { Bilingual } from '../core/types';

/** The first quoted token of commander's message ('--bogus', 'pdf', …), if any. */
function quoted(message: string): string | undefined {
  const m = /'([^']+)'/.exec(message);
  return m ? m[1] : undefined;
}

/** What a commander error means, in zh-CN and en-US (the English is commander's own line). */
export function describeUsageError(e: CommanderError): Bilingual {
  const en = e.message.replace(/^error:\s*/i, '').trim();
  const what = quoted(e.message);
  const allowed = /Allowed choices are ([^.]+)\./.exec(e.message)?.[1];
  let zh: string;
  switch (e.code) {
    case 'commander.unknownOption':
      zh = `不认识的选项 ${what ?? ''}。`;
      break;
    case 'commander.excessArguments':
      zh = '参数过多。';
      break;
    case 'commander.missingArgument':
      zh = `缺少参数 ${what ?? ''}。`;
      break;
    case 'commander.optionMissingArgument':
    case 'commander.missingMandatoryOptionValue':
      zh = `选项 ${what ?? ''} 后面缺少取值。`;
      break;
    case 'commander.invalidArgument': {
      const value = /argument '([^']+)' is invalid/.exec(e.message)?.[1];
      zh = `选项 ${what ?? ''} 的取值${value ? `“${value}”` : ''}无效${allowed ? `，可用：${allowed.split(/,\s*/).join('、')}` : ''}。`;
      break;
    }
    default:
      zh = `命令行参数有误：${en}`;
  }
  return { 'zh-CN': `用法错误：${zh.replace(/\s+。/, '。')}`, 'en-US': `Usage error: ${en}` };
}

/**
 * commander's configureOutput for a program whose usage errors this module words: help goes to
 * `out`, commander's own error line is dropped (reportUsageError writes both languages).
 */
export function quietErrors(out: (s: string) => void, err: (s: string) => void) {
  return { writeOut: out, writeErr: err, outputError: () => undefined };
}

/**
 * Handles what program.parse threw: 0 after --help/--version, 2 after a usage error (written in
 * both languages with a pointer to --help). Anything that is not a CommanderError is rethrown.
 */
export function reportUsageError(e: unknown, err: (s: string) => void, command: string): number {
  if (!(e instanceof CommanderError)) throw e;
  if (e.exitCode === 0) return 0;
  const m = describeUsageError(e);
  err(`${m['zh-CN']}\n${m['en-US']}\n运行 ${command} --help 查看用法。 / Run ${command} --help for usage.\n`);
  return 2;
}
