// The entry of each command-line script: runs its main() with the process's arguments, sets the
// exit status it returns, and turns an unexpected throw into a bilingual message and exit 2.
import { text } from '../core/i18n';

export function runMain(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${text('zh-CN', 'cli.internal-error')} / ${text('en-US', 'cli.internal-error')}: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
