// ESLint's configuration (flat config), kept under scripts/ because the project's top level is
// fixed; `npm run lint` passes it with --config. What it enforces:
//   - typescript-eslint's recommended rules over the TypeScript sources and tests;
//   - no import cycles (import-x/no-cycle), over imports written on one line or several;
//   - src/core stays free of Office, DOM and Node: no imports of Node's modules, React, Fluent,
//     office-js, ExcelJS or the hosts, and none of their globals;
//   - no eval, new Function or string timers anywhere in src;
//   - Office.js code (src/hosts/excel, src/hosts/wps) follows office-addins' rules: no
//     context.sync() in a loop, load before read, no navigational or empty loads.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import officeAddins from 'eslint-plugin-office-addins';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'dist-*/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}', 'scripts/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
      'import-x/extensions': ['.ts', '.tsx', '.js'],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // A leading _ names what is left out on purpose (const { a: _a, ...rest } = o).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-control-regex': 'error',
    },
  },
  {
    // Tests load the scripts they test, which are plain CommonJS, with require.
    files: ['tests/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-require-imports': ['error', { allow: ['/scripts/'] }] },
  },
  {
    // The streaming reader drives ExcelJS's private modules (stream/exceljs-internals.ts), which
    // have no types: their models are `any` there, and only there.
    files: ['src/hosts/xlsx/read-xlsx-stream.ts', 'src/hosts/xlsx/stream/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // No eval or new Function anywhere: rule text is parsed, never run as code.
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-eval': 'error', 'no-new-func': 'error', 'no-implied-eval': 'error' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeModules.map((name) => ({ name, message: 'src/core runs in the browser and in workers: no Node modules.' })),
          patterns: [
            {
              group: ['react', 'react-*', 'react/*', 'react-dom/*', '@fluentui/*', 'office-*', '@microsoft/office*', 'exceljs', 'exceljs/*', 'jszip', 'playwright*'],
              message: 'src/core is free of UI, Office and file-format libraries; hosts bring them.',
            },
            { group: ['**/hosts/**', '**/taskpane/**', '**/cli/**', '**/preview/**', '**/checker/**', '**/wps/**', '**/batch/**'], message: 'src/core imports nothing outside src/core.' },
          ],
        },
      ],
      // The hosts' globals: the engine gets everything it needs as arguments.
      'no-restricted-globals': [
        'error',
        ...['Office', 'Excel', 'window', 'document', 'navigator', 'localStorage', 'process', 'require', '__dirname', 'Buffer'].map((name) => ({
          name,
          message: `src/core is free of Office, DOM and Node: ${name} belongs to a host.`,
        })),
      ],
    },
  },
  {
    files: ['src/hosts/excel/**/*.ts', 'src/hosts/wps/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
      // The adapter syncs through its own wrapper (sync.ts: a timeout on every context.sync()),
      // which office-addins' rules do not see: call-sync-before-read would report every read after
      // a wrapped sync, and no-context-sync-in-loop sees only a literal context.sync(). The same
      // rule over every sync call, wrapped or not:
      'no-restricted-syntax': [
        'error',
        {
          selector: ":matches(ForStatement, ForInStatement, ForOfStatement, WhileStatement, DoWhileStatement) CallExpression[callee.property.name='sync']",
          message: 'A sync in a loop costs a round trip per pass: queue the loop\'s work and sync once (office-addins: no-context-sync-in-loop).',
        },
      ],
    },
  },
);
