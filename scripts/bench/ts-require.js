'use strict';
// Lets the benchmark require the TypeScript sources that build:cli does not compile (the Office
// host in src/hosts/excel and the fake Excel in tests/fakes): each .ts file is transpiled to
// CommonJS in memory with the project's TypeScript, without type checking.
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..', '..');

function register() {
  const ts = require(path.join(ROOT, 'node_modules', 'typescript'));
  const compile = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const out = ts.transpileModule(source, {
      fileName: filename,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
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
