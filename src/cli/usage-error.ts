// Command-line usage errors in both languages. commander prints its own English line; this says
// the same in Chinese first, quoting the option or argument at fault, and names the help option.
// Also the help texts and the usage line of the scripts, from the packs' `cli.` section.
import { CommanderError } from 'commander';
import { message, text, type MessageKey, type Params, type SectionKey } from '../core/i18n';
import type { Bilingual } from '../core/types';

/** A help text of a command-line option or argument: English, then Chinese. */
export function helpText(key: MessageKey): string {
  return `${text('en-US', key)} / ${text('zh-CN', key)}`;
}

/** The line under a usage error that shows a command's synopsis: `用法 / usage: npm run …`. */
export function usageLine(synopsis: string): string {
  return `${text('zh-CN', 'cli.usage.word')} / ${text('en-US', 'cli.usage.word')}: ${synopsis}\n`;
}

/** The first quoted token of commander's message ('--bogus', 'pdf', …), if any. */
function quoted(message: string): string | undefined {
  const m = /'([^']+)'/.exec(message);
  return m ? m[1] : undefined;
}

/**
 * What a commander error means, in zh-CN and en-US: the Chinese from the packs, quoting the option
 * or argument at fault; the English is commander's own line.
 */
export function describeUsageError(e: CommanderError): Bilingual {
  const en = e.message.replace(/^error:\s*/i, '').trim();
  const what = quoted(e.message) ?? '';
  const allowed = /Allowed choices are ([^.]+)\./.exec(e.message)?.[1];
  const zh = (key: SectionKey<'cli.usage'>, params: Params = {}): string => text('zh-CN', `cli.usage.${key}`, params);
  let problem: string;
  switch (e.code) {
    case 'commander.unknownOption':
      problem = zh('unknown-option', { option: what });
      break;
    case 'commander.excessArguments':
      problem = zh('excess-arguments');
      break;
    case 'commander.missingArgument':
      problem = zh('missing-argument', { argument: what });
      break;
    case 'commander.optionMissingArgument':
    case 'commander.missingMandatoryOptionValue':
      problem = zh('missing-value', { option: what });
      break;
    case 'commander.invalidArgument': {
      const value = /argument '([^']+)' is invalid/.exec(e.message)?.[1];
      problem = zh('invalid-value', {
        option: what,
        value: value ? zh('quoted-value', { value }) : '',
        allowed: allowed ? zh('allowed', { choices: allowed.split(/,\s*/).join(text('zh-CN', 'cli.list-separator')) }) : '',
      });
      break;
    }
    default:
      problem = zh('other', { problem: en });
  }
  // An option or argument that commander did not quote leaves a space before the full stop.
  return message('cli.usage.error', { problem: { 'zh-CN': problem.replace(/\s+。/, '。'), 'en-US': en } });
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
  const help = message('cli.usage.help', { command });
  err(`${m['zh-CN']}\n${m['en-US']}\n${help['zh-CN']} / ${help['en-US']}\n`);
  return 2;
}
