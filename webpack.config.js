/* eslint-disable no-undef, @typescript-eslint/no-require-imports */
// Build of the task pane and the ribbon's FunctionFile (yo-office layout, CommonJS), and of the
// WPS add-in.
//
//   npx webpack --mode production             → dist/, never touches certificates
//   npx webpack serve --mode development      → https://localhost:3000 with office-addin-dev-certs
//   OFFICE_JS=local npx webpack --mode production
//                                             → dist/ with office.js inside (dist/office-js/):
//                                               the pages load nothing from outside
//   npx webpack --mode production --env wps   → dist-wps/, the WPS add-in (npm run build:wps)
//
// Deployment URL: in production builds, every "https://localhost:3000/" in manifest*.xml is
// replaced by the ADDIN_PUBLIC_URL environment variable when it is set
// (e.g. ADDIN_PUBLIC_URL=https://addins.example.gov.cn/indicator-checker/ npm run build);
// without it the copied manifest keeps the localhost URLs. The WPS build writes WPS_PUBLIC_URL
// (where dist-wps/ is served; default http://127.0.0.1:3889/) into its jsplugins.xml and
// publish.html.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

const DEV_URL = 'https://localhost:3000/';
const OFFICE_JS_ORIGIN = 'https://appsforoffice.microsoft.com';
const OFFICE_JS_CDN = `${OFFICE_JS_ORIGIN}/lib/1/hosted/office.js`;
/** Where the OFFICE_JS=local build puts office.js and the files it loads, inside dist/. */
const LOCAL_OFFICE_DIR = 'office-js';
/** The WPS add-in's name in WPS's lists (ASCII: wpsjs builds refuse other names) and its default address. */
const WPS_ADDIN_NAME = 'IndicatorChecker';
const WPS_DEFAULT_URL = 'http://127.0.0.1:3889/';
const PORT = Number(process.env.npm_package_config_dev_server_port) || 3000;

/**
 * One entry and one HTML page each. To add a page (e.g. the browser preview), add a line here.
 * `inlineScripts` are files inlined into the template as template parameters; the page's
 * Content-Security-Policy allows them through their sha256 hashes (see CspInlineScriptHashes).
 */
const OFFICE_PAGES = [
  {
    name: 'taskpane',
    entry: './src/taskpane/index.tsx',
    template: './src/taskpane/taskpane.html',
    inlineScripts: { legacyCheck: './src/taskpane/legacy-check.js' },
    office: true,
  },
  {
    name: 'commands',
    entry: './src/commands/commands.ts',
    template: './src/commands/commands.html',
    inlineScripts: {},
    office: true,
  },
  // The browser preview (https://localhost:3000/preview.html): the task pane beside a grid of an
  // .xlsx, outside Office. No office.js, so its CSP doesn't allow Office's CDN either.
  {
    name: 'preview',
    entry: './src/preview/preview.tsx',
    template: './src/preview/preview.html',
    inlineScripts: {},
    office: false,
  },
  // The web checker (checker.html): several workbooks or a folder checked in a Web Worker, marked
  // copies and reports to download; static files a bureau can host on any web server.
  {
    name: 'checker',
    entry: './src/checker/checker.tsx',
    template: './src/checker/checker.html',
    inlineScripts: {},
    office: false,
  },
];

/** The WPS build: the task pane only (the ribbon's page and script are copied, not bundled). */
const WPS_PAGES = [
  {
    name: 'taskpane',
    entry: './src/wps/index.tsx',
    template: './src/wps/taskpane.html',
    inlineScripts: { legacyCheck: './src/taskpane/legacy-check.js' },
    office: false,
  },
];

/**
 * Split chunks and the two pages that aren't the task pane. The preview shares the task pane's
 * react/fluent chunks, but a library only the preview uses (ExcelJS above all) never enters them:
 * it goes to the preview's own chunks (sharing only changes how webpack concatenates a few Fluent
 * modules, < 1 KB gzip). The engine's Web Worker (src/taskpane/check-worker-spawn.ts) stays one
 * self-contained file, and the engine's on-page fallback (check-engine) is a lazy chunk that
 * keeps its libraries (yaml, simple-statistics, jsep) out of the pane's first load.
 */
const PREVIEW_CHUNK = 'preview';
/** Web Workers stay one self-contained file each: the pane's engine and the web checker's reader. */
const WORKER_CHUNKS = new Set(['check-worker', 'checker-worker']);
const notWorker = (chunk) => !WORKER_CHUNKS.has(chunk.name);
/** Page chunks loaded up front: the engine's lazy chunk (check-engine) keeps its libraries. */
const initialPageChunk = (chunk) => notWorker(chunk) && chunk.canBeInitial();
const previewOnly = (chunk) => chunk.name === PREVIEW_CHUNK;
/** The web checker page: what only it uses up front stays in its own chunk, out of the pane's. */
const CHECKER_CHUNK = 'checker';
const checkerOnly = (chunk) => chunk.name === CHECKER_CHUNK;
/** A cache-group test: the module's path matches `re` and a page other than the preview uses it. */
function sharedModule(re) {
  return (module, { chunkGraph }) => {
    if (!re.test(module.nameForCondition() || '')) return false;
    for (const chunk of chunkGraph.getModuleChunksIterable(module)) {
      if (chunk.name !== PREVIEW_CHUNK && !WORKER_CHUNKS.has(chunk.name)) return true;
    }
    return false;
  };
}

/**
 * Like sharedModule, but only the up-front chunks of the other pages count: a library that the
 * task pane uses only in a lazy chunk and the preview up front (JSZip: the pane's report readers,
 * the preview's .xlsx reader) stays out of the pane's first load.
 */
function sharedInitialModule(re) {
  return (module, { chunkGraph }) => {
    if (!re.test(module.nameForCondition() || '')) return false;
    for (const chunk of chunkGraph.getModuleChunksIterable(module)) {
      if (chunk.name !== PREVIEW_CHUNK && chunk.name !== CHECKER_CHUNK && !WORKER_CHUNKS.has(chunk.name) && chunk.canBeInitial()) return true;
    }
    return false;
  };
}

/**
 * ExcelJS's browser build is minified already: marks its chunk so the minimizer skips it (terser
 * on those 950 KB would double the build time for the same bytes).
 */
class SkipPrebuiltMinified {
  apply(compiler) {
    const { Compilation } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('SkipPrebuiltMinified', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'SkipPrebuiltMinified', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        () => {
          for (const asset of compilation.getAssets()) {
            if (/^preview-exceljs\.[^/]*\.js$/.test(asset.name)) {
              compilation.updateAsset(asset.name, asset.source, { minimized: true });
            }
          }
        },
      );
    });
  }
}

/** The sample workbooks the preview offers (copied to dist/samples/): the .xlsx ones and the .xls one. */
function sampleNames() {
  try {
    return fs
      .readdirSync(path.resolve(__dirname, 'samples'))
      .filter((f) => /\.(xlsx|xls)$/i.test(f) && !f.startsWith('~$'))
      .sort((a, b) => a.localeCompare(b, 'zh-CN'));
  } catch {
    return [];
  }
}

/** Stands in the CSP for the hashes of the page's inline scripts until they are final. */
const INLINE_HASHES = '__CSP_INLINE_SCRIPT_HASHES__';

/**
 * The pages' CSP: scripts only from this origin, Office's CDN (pages that load office.js) and
 * hashed inline scripts; the engine's Web Worker from this origin; styles from this origin plus
 * inline (Fluent's Griffel injects <style> rules at run time, office.js sets inline styles); no
 * eval anywhere (so no eval-based devtool either). The dev server adds its HMR websocket.
 */
function contentSecurityPolicy(serving, office = true) {
  // office: the page loads office.js from Microsoft's CDN (false for the local build, whose
  // office.js comes from 'self').
  const connect = ["'self'"];
  if (office) connect.push(OFFICE_JS_ORIGIN);
  if (serving) connect.push(`wss://localhost:${PORT}`, `ws://localhost:${PORT}`);
  const scripts = ["'self'"];
  if (office) scripts.push(OFFICE_JS_ORIGIN);
  return [
    "default-src 'self'",
    `script-src ${scripts.join(' ')} ${INLINE_HASHES}`,
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Inline scripts must stay ES5: they are what Trident (IE11) runs. Fails the build otherwise. */
function assertEs5(code, file, compilation) {
  let acorn;
  try {
    acorn = require('acorn'); // webpack's own parser (a dependency of webpack)
  } catch {
    return;
  }
  try {
    acorn.parse(code, { ecmaVersion: 5 });
  } catch (error) {
    compilation.errors.push(
      new compilation.compiler.webpack.WebpackError(
        `${file}: an inline script is not ES5 (${error.message}); IE11 could not run it.`,
      ),
    );
  }
}

/**
 * Replaces INLINE_HASHES in every emitted .html with the sha256 of its inline <script>s, after
 * all minification (webpack 5.112 minifies .html assets and their inline scripts by default, so
 * hashing the source file would not match what the browser sees).
 */
class CspInlineScriptHashes {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('CspInlineScriptHashes', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CspInlineScriptHashes', stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE },
        (assets) => {
          for (const file of Object.keys(assets)) {
            if (!file.endsWith('.html')) continue;
            const html = compilation.getAsset(file).source.source().toString();
            if (!html.includes(INLINE_HASHES)) continue;
            const hashes = [];
            for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
              if (/\bsrc\s*=/i.test(m[1])) continue;
              assertEs5(m[2], file, compilation);
              hashes.push(`'sha256-${crypto.createHash('sha256').update(m[2], 'utf8').digest('base64')}'`);
            }
            const csp = html.split(` ${INLINE_HASHES}`).join(hashes.map((h) => ` ${h}`).join(''));
            compilation.updateAsset(file, new sources.RawSource(csp.split(INLINE_HASHES).join('')));
          }
        },
      );
    });
  }
}

/**
 * OFFICE_JS=local: office.js from the @microsoft/office-js package, unmodified (its licence
 * forbids changes, so it is never minified), with what it loads from its own folder: the mapping
 * table of older hosts (without it Office.onReady never resolves outside Office), the Excel
 * host files of every platform, and each language's office_strings.js. Its telemetry sink
 * (telemetry/) is left out on purpose: office.js then sends no telemetry of its own.
 */
function localOfficeJsPatterns() {
  const root = path.dirname(require.resolve('@microsoft/office-js/package.json'));
  const dist = path.join(root, 'dist');
  const to = `${LOCAL_OFFICE_DIR}/[path][name][ext]`;
  const info = { minimized: true };
  return [
    { from: 'office.js', context: dist, to, info },
    { from: 'o15apptofilemappingtable.js', context: dist, to, info },
    { from: 'excel-*-16.*.js', context: dist, to, info, globOptions: { ignore: ['**/*.debug.js'] } },
    { from: '*/office_strings.js', context: dist, to, info },
    { from: 'LICENSE.md', context: root, to: `${LOCAL_OFFICE_DIR}/LICENSE.md`, info },
  ];
}

/** Fills {{KEY}} placeholders of a copied text file. */
function fill(values) {
  return (content) => content.toString().replace(/\{\{([A-Z_]+)\}\}/g, (whole, key) => (key in values ? values[key] : whole));
}

/**
 * The WPS add-in's own files beside the pane: the main page and its ribbon callbacks, ribbon.xml,
 * the JsPlugin manifest, and the deployment files in the formats wpsjs writes: jsplugins.xml
 * (WPS's jsplugins.xml mode), publish.html (the page that registers the add-in with WPS on one
 * computer through WPS's local service) and offline/publish.xml (a copy installed in WPS's
 * jsaddons folder, no server at all).
 */
function wpsPatterns() {
  const pkg = require('./package.json');
  const url = process.env.WPS_PUBLIC_URL ? (process.env.WPS_PUBLIC_URL.endsWith('/') ? process.env.WPS_PUBLIC_URL : `${process.env.WPS_PUBLIC_URL}/`) : WPS_DEFAULT_URL;
  const folder = `${WPS_ADDIN_NAME}_${pkg.version}`;
  const addon = { name: WPS_ADDIN_NAME, addonType: 'et', online: 'true', multiUser: 'false', url, version: pkg.version, customDomain: '' };
  const values = {
    NAME: WPS_ADDIN_NAME,
    VERSION: pkg.version,
    URL: url,
    FOLDER: folder,
    // Inside an inline <script>: no "</" may end it early.
    ADDON_JSON: JSON.stringify(addon).replace(/</g, '\\u003c'),
  };
  const info = { minimized: true };
  const dir = 'src/wps/addin';
  return [
    { from: `${dir}/index.html`, to: 'index.html', info },
    { from: `${dir}/main.js`, to: 'main.js', info },
    { from: `${dir}/ribbon.xml`, to: 'ribbon.xml', info },
    { from: `${dir}/manifest.xml`, to: 'manifest.xml', info, transform: fill(values) },
    { from: `${dir}/jsplugins.xml`, to: 'jsplugins.xml', info, transform: fill(values) },
    { from: `${dir}/publish.html`, to: 'publish.html', info, transform: fill(values) },
    { from: `${dir}/publish.xml`, to: 'offline/publish.xml', info, transform: fill(values) },
  ];
}

/** HTTPS options for `webpack serve` only; loads office-addin-dev-certs lazily. */
async function devHttpsOptions() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    console.warn(
      `office-addin-dev-certs failed (${error && error.message}); serving with webpack-dev-server's self-signed certificate.`,
    );
    return undefined;
  }
}

function publicUrl() {
  const url = process.env.ADDIN_PUBLIC_URL;
  if (!url) return null;
  return url.endsWith('/') ? url : `${url}/`;
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode !== 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  const deployUrl = production ? publicUrl() : null;
  const wps = Boolean(env.wps);
  const localOffice = process.env.OFFICE_JS === 'local';
  if (process.env.OFFICE_JS && !localOffice) throw new Error(`OFFICE_JS=${process.env.OFFICE_JS}: the only value is "local"`);

  const entry = {};
  const htmlPlugins = [];
  for (const page of wps ? WPS_PAGES : OFFICE_PAGES) {
    entry[page.name] = page.entry;
    const params = {
      contentSecurityPolicy: contentSecurityPolicy(serving, page.office && !localOffice),
      officeJs: localOffice ? `${LOCAL_OFFICE_DIR}/office.js` : OFFICE_JS_CDN,
    };
    for (const [key, file] of Object.entries(page.inlineScripts)) {
      params[key] = fs.readFileSync(path.resolve(__dirname, file), 'utf8').trim();
    }
    htmlPlugins.push(
      new HtmlWebpackPlugin({
        filename: `${page.name}.html`,
        template: page.template,
        chunks: [page.name],
        templateParameters: params,
        scriptLoading: 'defer',
      }),
    );
  }

  const config = {
    mode: production ? 'production' : 'development',
    // Evergreen webviews only (WebView2, Safari/WKWebView, browsers); Trident is turned away by
    // legacy-check.js. ES2020 also lets webpack's runtime use globalThis instead of
    // `new Function("return this")`, which the CSP (no 'unsafe-eval') would block.
    target: ['web', 'es2020'],
    // No eval-based source maps: the CSP forbids eval.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    entry,
    output: {
      path: path.resolve(__dirname, wps ? 'dist-wps' : 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    module: {
      // ExcelJS's browser build (its package.json "browser" field) is one pre-bundled UMD file:
      // nothing in it for webpack to resolve, and parsing its 950 KB would only slow the build.
      noParse: /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/]exceljs(\.min)?\.js$/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              onlyCompileBundledFiles: true,
              // ESM output so webpack can tree-shake @fluentui/react-icons (CommonJS adds ~9 MB).
              compilerOptions: { module: 'ES2020', noEmit: false, sourceMap: true },
            },
          },
        },
        {
          test: /\.(png|jpe?g|gif|svg|ico)$/,
          type: 'asset/resource',
          generator: { filename: 'assets/[name][ext][query]' },
        },
      ],
    },
    plugins: [
      ...htmlPlugins,
      new CspInlineScriptHashes(),
      new SkipPrebuiltMinified(),
      new webpack.DefinePlugin({ __PREVIEW_SAMPLES__: JSON.stringify(sampleNames()) }),
      // src/hosts/xlsx/exceljs.ts takes ExcelJS's classes from its Node modules (to skip loading
      // its streaming writer at every CLI start); the bundle takes them from the browser build.
      new webpack.NormalModuleReplacementPlugin(/^(\.\.?\/)+(hosts\/xlsx\/)?exceljs$/, (resource) => {
        resource.request = resource.request.replace(/exceljs$/, 'exceljs-browser');
      }),
      new CopyWebpackPlugin({
        patterns: wps
          ? [
              { from: 'assets/*.png', to: 'assets/[name][ext][query]', info: { minimized: true } },
              { from: 'src/help/help.html', to: 'help.html', info: { minimized: true } },
              ...wpsPatterns(),
            ]
          : [
              ...(localOffice ? localOfficeJsPatterns() : []),
              { from: 'assets/*', to: 'assets/[name][ext][query]', noErrorOnMissing: true, info: { minimized: true } },
              // The help page the manifest's SupportUrl and LearnMoreUrl point to (static, no script).
              { from: 'src/help/help.html', to: 'help.html', info: { minimized: true } },
              // The preview's sample workbooks, fetched from the same origin.
              { from: 'samples/*.{xlsx,xls}', to: 'samples/[name][ext]', noErrorOnMissing: true, info: { minimized: true } },
              {
                from: 'manifest*.xml',
                to: '[name][ext]',
                noErrorOnMissing: true,
                transform(content) {
                  if (!deployUrl) return content;
                  return content.toString().split(DEV_URL).join(deployUrl);
                },
              },
            ],
      }),
    ],
    optimization: production
      ? {
          // Vendors in their own long-cached chunks; the taskpane entry keeps only our code.
          splitChunks: {
            chunks: 'all',
            cacheGroups: {
              default: false,
              defaultVendors: false,
              react: {
                test: sharedModule(/[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/),
                name: 'react',
                chunks: notWorker,
                priority: 30,
              },
              fluent: {
                test: sharedModule(
                  /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster|keyborg|@swc|stylis|rtl-css-js|use-sync-external-store)[\\/]/,
                ),
                name: 'fluent',
                chunks: notWorker,
                priority: 20,
              },
              vendors: {
                test: sharedInitialModule(/[\\/]node_modules[\\/]/),
                name: 'vendors',
                chunks: initialPageChunk,
                priority: 10,
              },
              // What only the preview uses: ExcelJS (~950 KB) and a few more Fluent components.
              previewExceljs: {
                test: /[\\/]node_modules[\\/]exceljs[\\/]/,
                name: 'preview-exceljs',
                chunks: previewOnly,
                priority: 40,
              },
              previewVendors: {
                test: /[\\/]node_modules[\\/]/,
                name: 'preview-vendors',
                chunks: previewOnly,
                priority: 5,
              },
              checkerVendors: {
                test: /[\\/]node_modules[\\/]/,
                name: 'checker-vendors',
                chunks: checkerOnly,
                priority: 5,
              },
            },
          },
        }
      : undefined,
    performance: {
      hints: production ? 'warning' : false,
      // Fluent UI alone is ~90 KB gzip; budget the whole first load of the pane.
      maxEntrypointSize: 900 * 1024,
      maxAssetSize: 600 * 1024,
      // The preview is a development page (ExcelJS alone is ~950 KB; SheetJS for .xls/.et/.csv, a
      // lazy chunk, ~1 MB); budget what Office loads.
      // office.js's own files (OFFICE_JS=local) are Microsoft's, loaded by office.js on demand.
      // PDF.js (report-pdfjs, ~475 KB gzip) is fetched only when a PDF is opened in 报告文本.
      assetFilter: (file) => /\.js$/.test(file) && !/^(preview|checker)[.-]/.test(file) && !/^(report-pdfjs|result-workbook)[.-]/.test(file) && !file.startsWith(`${LOCAL_OFFICE_DIR}/`),
    },
  };

  if (serving) {
    config.devServer = {
      hot: true,
      port: PORT,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: { type: 'https', options: await devHttpsOptions() },
    };
  }

  return config;
};
