'use strict';
// Lets the benchmark require the TypeScript sources that build:cli does not compile (the Office
// host in src/hosts/excel and the fake Excel in tests/fakes): each .ts file is transpiled to
// CommonJS in memory with the project's TypeScript, without type checking.
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

/** The compile target of the CLI build (scripts/tsconfig.cli.json, with what it extends). */
function cliTarget(ts) {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); } };
  return ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'scripts', 'tsconfig.cli.json'), {}, host).options.target;
}

/**
 * Registers the .ts loader. `target: 'cli'` compiles for the CLI build's target (class fields
 * then behave as in build/cli); the default is ES2022.
 */
function register(options = {}) {
  const ts = require(path.join(ROOT, 'node_modules', 'typescript'));
  const target = options.target === 'cli' ? cliTarget(ts) : ts.ScriptTarget.ES2022;
  const compile = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const out = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target,
        esModuleInterop: true,
        resolveJsonModule: true,
        jsx: ts.JsxEmit.ReactJSX,
        sourceMap: false,
      },
    });
    module._compile(out.outputText, filename);
  };
  require.extensions['.ts'] = compile;
  require.extensions['.tsx'] = compile;
}

module.exports = { register, ROOT };
