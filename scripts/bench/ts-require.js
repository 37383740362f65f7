'use strict';
// Lets the benchmark require the TypeScript sources that build:cli does not compile (the Office
// host in src/hosts/excel and the fake Excel in tests/fakes): each .ts file is transpiled to
// CommonJS in memory with the project's TypeScript, without type checking.
//
// With a cache folder (register({ cache }) or TS_REQUIRE_CACHE), each file's output is kept
// there under a hash of its path, source and target, so that a process that only loads files
// already transpiled never loads TypeScript itself: a child process of the fuzzer starts in well
// under a second instead of several.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

let tsModule;
const ts = () => (tsModule ??= require(path.join(ROOT, 'node_modules', 'typescript')));

/** The compile target of the CLI build (scripts/tsconfig.cli.json, with what it extends). */
function cliTarget() {
  const t = ts();
  const host = { ...t.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(t.flattenDiagnosticMessageText(d.messageText, '\n')); } };
  return t.getParsedCommandLineOfConfigFile(path.join(ROOT, 'scripts', 'tsconfig.cli.json'), {}, host).options.target;
}

/**
 * Registers the .ts loader. `target: 'cli'` compiles for the CLI build's target (class fields
 * then behave as in build/cli); the default is ES2022. `cache`: a folder for transpiled output.
 */
function register(options = {}) {
  const cache = options.cache ?? process.env.TS_REQUIRE_CACHE;
  let target;
  const targetOf = () => (target ??= options.target === 'cli' ? cliTarget() : ts().ScriptTarget.ES2022);
  const transpile = (source, filename) =>
    ts().transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts().ModuleKind.CommonJS,
        target: targetOf(),
        esModuleInterop: true,
        resolveJsonModule: true,
        jsx: ts().JsxEmit.ReactJSX,
        sourceMap: false,
      },
    }).outputText;
  const compile = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    if (!cache) return module._compile(transpile(source, filename), filename);
    const key = crypto.createHash('sha1').update(`${options.target ?? 'es2022'}\0${filename}\0${source}`).digest('hex');
    const file = path.join(cache, `${key}.js`);
    let out;
    try {
      out = fs.readFileSync(file, 'utf8');
    } catch {
      out = transpile(source, filename);
      fs.mkdirSync(cache, { recursive: true });
      // Another process may write the same file at the same time: write aside, then rename.
      const tmp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, out);
      fs.renameSync(tmp, file);
    }
    module._compile(out, filename);
  };
  require.extensions['.ts'] = compile;
  require.extensions['.tsx'] = compile;
}

module.exports = { register, ROOT };
