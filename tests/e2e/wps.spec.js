// End-to-end tests of the WPS add-in (dist-wps/, served under /wps/) in Chromium, with the fake WPS
// object model (tests/fakes/fake-wps.ts) injected as window.Application over a sample workbook:
// the ribbon's callbacks open the pane, 校验 marks the cells in the fake, a finding selects its
// cell, 清除标记 restores every format and 写入结果表 adds the 校验结果 sheet. This is as close to
// WPS as these machines get: the add-in has not run inside WPS itself. Run by run.js.
'use strict';

const assert = require('assert/strict');
const fs = require('fs');
const Module = require('module');
const path = require('path');

const SAMPLE = '示例-乐山市市中区-法治指标.xlsx';
const SHEET = '法治指标';
const MARKER = '指标校验:';

/** A TypeScript file of the tests as CommonJS JavaScript (type-only imports disappear). */
function transpile(file) {
  const ts = require('typescript');
  const source = fs.readFileSync(file, 'utf8');
  return ts.transpileModule(source, {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
  }).outputText;
}

/** Loads a TypeScript test helper in Node (its own requires resolve from its folder). */
function requireTs(file) {
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  m._compile(transpile(file), file);
  return m.exports;
}

let fakeScript;
/** The fake as a page script: defines window.__fakeWpsModule. */
function fakeSource(env) {
  if (!fakeScript) {
    const code = transpile(path.join(env.root, 'tests', 'fakes', 'fake-wps.ts'));
    fakeScript = `(function () { var module = { exports: {} }; var exports = module.exports;\n${code}\n;window.__fakeWpsModule = module.exports; })();`;
  }
  return fakeScript;
}

/** The sample as WPS would hold it after opening the .xlsx. */
async function sampleSpec(env, file) {
  const ExcelJS = require('exceljs');
  const { wpsSpecFromExcelJs } = requireTs(path.join(env.root, 'tests', 'fakes', 'wps-from-exceljs.ts'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(env.root, 'samples', file));
  return wpsSpecFromExcelJs(wb, file);
}

/**
 * A page whose window.Application is a fake WPS over `spec`. The fake is given as an init script
 * (not evaluated by the page), so the page's own CSP stays as strict as it is.
 */
async function pageWithFake(env, spec) {
  const page = await env.newPage();
  await page.addInitScript({
    content: `${fakeSource(env)}\nwindow.__fakeWps = window.__fakeWpsModule.createFakeWps(${JSON.stringify(spec)});\nwindow.Application = window.__fakeWps.Application;`,
  });
  return page;
}

/** Our marks in the fake: sheet, severity and the cells they cover. */
async function marksInFake(page) {
  return page.evaluate((marker) => {
    const out = [];
    const letters = (c) => {
      let n = c + 1;
      let s = '';
      while (n > 0) {
        const r = (n - 1) % 26;
        s = String.fromCharCode(65 + r) + s;
        n = Math.floor((n - 1) / 26);
      }
      return s;
    };
    for (const sheet of window.__fakeWps.state.sheets) {
      for (const cf of sheet.formatConditions) {
        const i = cf.formula1.indexOf(marker);
        if (i < 0) continue;
        const severity = /^[a-z]+/.exec(cf.formula1.slice(i + marker.length))[0];
        for (const a of cf.areas) {
          for (let r = a.r0; r <= a.r1; r++) for (let c = a.c0; c <= a.c1; c++) out.push({ sheet: sheet.name, address: `${letters(c)}${r + 1}`, severity, fill: cf.interiorColor });
        }
      }
    }
    return out;
  }, MARKER);
}

/** The pane's findings: rule, severity and the cell each points to. */
async function paneFindings(page) {
  return page.$$eval('[data-severity] button[data-rule]', (buttons) =>
    buttons.map((b) => {
      const m = /^(?:跳转到|Go to) '?(.+?)'?!([A-Z]+\d+)\./.exec(b.getAttribute('aria-label') || '');
      return { rule: b.getAttribute('data-rule'), severity: b.closest('[data-severity]').getAttribute('data-severity'), sheet: m && m[1], address: m && m[2], text: b.textContent };
    }),
  );
}

module.exports = [
  {
    name: 'WPS: the built add-in has its ribbon, main page, manifest and deployment files; the ribbon button opens the pane',
    async run(env) {
      for (const f of ['ribbon.xml', 'index.html', 'main.js', 'manifest.xml', 'taskpane.html', 'jsplugins.xml', 'publish.html', 'offline/publish.xml']) {
        assert.ok(fs.existsSync(path.join(env.distWps, f)), `dist-wps/${f}`);
      }
      const ribbon = fs.readFileSync(path.join(env.distWps, 'ribbon.xml'), 'utf8');
      assert.match(ribbon, /<customUI xmlns="http:\/\/schemas\.microsoft\.com\/office\/2006\/01\/customui"/);
      assert.match(ribbon, /<tab id="[^"]+" label="指标校验">/);
      const callbacks = [...ribbon.matchAll(/\b(?:onLoad|onAction|getImage|getEnabled|getLabel|getVisible)="([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual([...new Set(callbacks)].sort(), ['GetImage', 'OnAction', 'OnAddinLoad']);
      assert.match(fs.readFileSync(path.join(env.distWps, 'manifest.xml'), 'utf8'), /<JsPlugin>[\s\S]*<Name>IndicatorChecker<\/Name>/);
      assert.match(fs.readFileSync(path.join(env.distWps, 'jsplugins.xml'), 'utf8'), /<jspluginonline name="IndicatorChecker" type="et" url="[^"]+\/"/);

      const page = await pageWithFake(env, { name: '空.xlsx', sheets: [{ name: 'Sheet1' }] });
      await page.goto(`${env.wpsBaseUrl}/index.html`);
      const types = await page.evaluate((names) => names.map((n) => typeof window[n]), callbacks);
      assert.deepEqual(types, callbacks.map(() => 'function'));
      assert.equal(await page.evaluate(() => window.OnAddinLoad({})), true);
      const image = await page.evaluate(() => window.GetImage({ Id: 'btnIndicatorCheck' }));
      const icon = await page.request.get(`${env.wpsBaseUrl}/${image}`);
      assert.equal(icon.status(), 200, `${image} is served`);

      await page.evaluate(() => window.OnAction({ Id: 'btnIndicatorCheck' }));
      await page.evaluate(() => window.OnAction({ Id: 'btnIndicatorCheck' }));
      const panes = await page.evaluate(() => window.__fakeWps.state.taskPanes);
      assert.equal(panes.length, 1, 'a second press shows the same pane');
      assert.equal(panes[0].url, `${env.wpsBaseUrl}/taskpane.html`);
      assert.equal(panes[0].Visible, true);
      assert.equal(panes[0].title, '指标校验');
      await page.close();
    },
  },
  {
    name: 'WPS: 校验 over the sample marks the findings in the fake, a finding selects its cell, 清除标记 restores the formats',
    async run(env) {
      const spec = await sampleSpec(env, SAMPLE);
      const page = await pageWithFake(env, spec);
      await page.goto(`${env.wpsBaseUrl}/taskpane.html`);
      await page.getByRole('button', { name: '校验当前工作簿', exact: true }).click();
      await page.getByTestId('summary').waitFor();
      await page.waitForFunction((m) => window.__fakeWps.state.sheets.some((s) => s.formatConditions.some((cf) => cf.formula1.includes(m))), MARKER);

      const list = await paneFindings(page);
      const where = list.map((f) => `${f.rule}@${f.address}`).join(', ');
      assert.ok(list.find((f) => f.address === 'D4' && f.severity === 'error' && /法制审核率/.test(f.text)), `a D4 法制审核率 error among ${where}`);
      const balance = list.find((f) => f.rule.startsWith('balance') && f.address === 'D7');
      assert.ok(balance, `a balance finding on D7 among ${where}`);

      // Every finding's cell carries a mark of its worst severity, and nothing else is marked.
      const rank = { error: 0, warning: 1, info: 2 };
      const expected = new Map();
      for (const f of list) {
        if (!f.sheet) continue;
        const k = `${f.sheet}!${f.address}`;
        if (!expected.has(k) || rank[f.severity] < rank[expected.get(k)]) expected.set(k, f.severity);
      }
      const marks = await marksInFake(page);
      assert.deepEqual(new Map(marks.map((m) => [`${m.sheet}!${m.address}`, m.severity])), expected);
      assert.equal(marks.find((m) => m.address === 'D7').fill, 0xcec7ff, 'the error fill of the Excel host (#FFC7CE as BGR)');
      await env.screenshot(page, 'wps-pane.png');

      // Choosing a finding activates its sheet and selects its cell in WPS.
      await page.locator(`[data-severity] button[data-rule="${balance.rule}"]`).filter({ hasText: '190' }).first().click();
      await page.waitForFunction((sheet) => {
        const s = window.__fakeWps.state;
        return s.selection && s.selection.sheet === sheet && s.selection.address === 'D7';
      }, SHEET);
      assert.equal(await page.evaluate(() => window.__fakeWps.state.activeSheet), SHEET);

      // 清除标记: no mark left, every cell format as the workbook had it.
      await page.getByRole('button', { name: /^清除标记/ }).click();
      await page.waitForFunction((m) => !window.__fakeWps.state.sheets.some((s) => s.formatConditions.some((cf) => cf.formula1.includes(m))), MARKER);
      const formats = await page.evaluate(() =>
        window.__fakeWps.state.sheets.map((s) => ({
          name: s.name,
          formats: [...s.cells.entries()].filter(([, c]) => c.numberFormat || c.fill !== undefined || c.indent).map(([k, c]) => `${k}:${c.numberFormat || ''}:${c.fill ?? ''}:${c.indent || 0}`).sort(),
          rules: s.formatConditions.length,
        })),
      );
      // The formats of the workbook as it was opened (the fake's spec).
      const opened = spec.sheets.map((s) => ({
        name: s.name,
        formats: Object.entries(s.cells || {})
          .filter(([, c]) => c.numberFormat || c.fill !== undefined || c.indent)
          .map(([a, c]) => {
            const m = /^([A-Z]+)(\d+)$/.exec(a);
            const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
            return `${Number(m[2]) - 1},${col}:${c.numberFormat || ''}:${c.fill ?? ''}:${c.indent || 0}`;
          })
          .sort(),
        rules: 0,
      }));
      assert.deepEqual(formats, opened);

      // 写入结果表: the 校验结果 sheet, as a table with a link per finding.
      await page.getByRole('button', { name: /^写入结果表/ }).click();
      await page.waitForFunction(() => window.__fakeWps.state.sheets.some((s) => s.name === '校验结果'));
      const result = await page.evaluate(() => {
        const s = window.__fakeWps.state.sheets.find((x) => x.name === '校验结果');
        return { tables: s.tables.map((t) => t.name), rows: s.tables[0].area.r1, link: s.cells.get('1,3').formula, active: window.__fakeWps.state.activeSheet };
      });
      assert.deepEqual(result.tables, ['IndicatorCheckResults']);
      assert.equal(result.rows, list.length);
      assert.match(result.link, /^=HYPERLINK\("#'.+'!/);
      assert.equal(result.active, '校验结果');
      await page.close();
    },
  },
  {
    name: 'WPS: the pane outside WPS (no Application) starts and says to open it from WPS',
    async run(env) {
      const page = await env.newPage();
      await page.goto(`${env.wpsBaseUrl}/taskpane.html`);
      await page.getByRole('button', { name: '校验当前工作簿', exact: true }).click();
      await page.getByText(/请在 WPS 表格中通过“指标校验”选项卡打开本任务窗格/).waitFor();
      await page.close();
    },
  },
];
