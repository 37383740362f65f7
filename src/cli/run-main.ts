// The entry of each command-line script: runs its main() with the process's arguments, sets the
// exit status it returns, and turns an unexpected throw into a bilingual message and exit 2.
export function runMain(main: (argv: string[]) => Promise<number>): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`指标校验内部错误 / internal error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
