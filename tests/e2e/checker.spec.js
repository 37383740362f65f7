// End-to-end tests of the web checker (dist/checker.html): open three sample files and a folder,
// cancel a long run, download a marked copy and open it back with ExcelJS (marks, the results
// sheet, every source value unchanged), download both reports, make no request outside the
// page's own origin, and pass an axe-core audit with no serious or critical violation. Run by
// run.js, in order; `needs` skips a test whose setup failed.
'use strict';

const assert = require('assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');

const THREE = ['示例-乐山市市中区-法治指标.xlsx', '示例-嘉兴市-分年度.xlsx', '示例-罗庄区-法治指标.xls'];
const MARKER = /N\("指标校验:(error|warning|info)"\)/;

async function openChecker(env, query = '') {
  const page = await env.newPage();
  await page.goto(`${env.baseUrl}/checker.html${query}`);
  await page.getByTestId('drop-zone').waitFor();
  return page;
}

/** The results table as [file, errors, warnings, info] rows. */
async function resultRows(page) {
  return page.$$eval('[data-testid=results] tbody tr', (rows) =>
    rows.map((r) => [r.getAttribute('data-file'), ...['error', 'warning', 'info'].map((s) => Number(r.querySelector(`[data-count=${s}]`).textContent))]),
  );
}

/** Every request of the page went to its own origin (or was a blob:/data: URL it made itself). */
function assertOwnOrigin(env, from) {
  const outside = env.requests.slice(from).filter((u) => !u.startsWith(env.baseUrl) && !/^(blob|data):/.test(u));
  assert.deepEqual(outside, []);
}

/** Cell values of every sheet of a workbook file, by sheet name and address. */
async function cellValues(file) {
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = {};
  wb.eachSheet((ws) => {
    const cells = {};
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        cells[cell.address] = v && typeof v === 'object' && 'result' in v ? v.result : v;
      }),
    );
    out[ws.name] = cells;
  });
  return { wb, values: out };
}

module.exports = [
  {
    name: 'checker: opens three sample files, checks them in a worker and shows counts per file and in total',
    async run(env) {
      const from = env.requests.length;
      const page = await openChecker(env);
      await page.setInputFiles('[data-testid=files-input]', THREE.map((f) => path.join(env.root, 'samples', f)));
      await page.getByTestId('picked-count').filter({ hasText: '已选 3 个文件' }).waitFor();
      await page.getByRole('button', { name: '开始校验' }).click();
      await page.getByTestId('results').waitFor();
      const rows = await resultRows(page);
      assert.deepEqual(
        rows.map((r) => r[0]),
        [...THREE].sort((a, b) => a.localeCompare(b, 'zh-CN')),
      );
      for (const r of rows) assert.ok(r[1] + r[2] + r[3] > 0, `${r[0]} has findings`);
      const totals = await page.$$eval('[data-total]', (cells) => cells.map((c) => Number(c.textContent)));
      assert.deepEqual(totals, [1, 2, 3].map((i) => rows.reduce((n, r) => n + r[i], 0)));
      // The checker worker did the reading: the page itself never loaded ExcelJS.
      assert.ok(env.served.some((u) => /checker-worker\./.test(u)));
      assert.ok(!env.requests.slice(from).some((u) => /preview-exceljs/.test(u)));
      // A failed rule's row: the plain sentence shows; the rule and its arithmetic are folded under 详情.
      const ruleRow = page.locator('[data-testid=file-findings] tr[data-rule^="rate.mandated"]').first();
      const cellText = await ruleRow.locator('td').first().innerText();
      assert.match(cellText, /^法制审核率应为 100%，但.*填报为/);
      assert.doesNotMatch(cellText, /rate\.mandated|左边为/);
      assert.equal(await ruleRow.locator('details').evaluate((d) => d.open), false);
      await ruleRow.locator('summary').click();
      assert.match(await ruleRow.getByTestId('finding-details-text').innerText(), /^规则 rate\.mandated\.[\w-]+：.*左边为/);
      await ruleRow.locator('summary').click();
      await env.screenshot(page, 'checker-three-files.png');
      env.shared.checkerPage = page;
      assertOwnOrigin(env, from);
    },
  },
  {
    name: 'checker: downloads a marked copy; ExcelJS finds the marks, the results sheet and every value unchanged',
    needs: ['checker: opens three sample files, checks them in a worker and shows counts per file and in total'],
    async run(env) {
      const page = env.shared.checkerPage;
      const name = THREE[0];
      const row = page.locator(`[data-testid=results] tbody tr[data-file="${name}"]`);
      const errors = Number(await row.locator('[data-count=error]').textContent());
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button').click()]);
      assert.equal(download.suggestedFilename(), name.replace('.xlsx', '-已标记.xlsx'));
      const file = path.join(os.tmpdir(), `checker-copy-${Date.now()}.xlsx`);
      await download.saveAs(file);
      const original = await cellValues(path.join(env.root, 'samples', name));
      const copy = await cellValues(file);
      for (const [sheet, cells] of Object.entries(original.values)) assert.deepEqual(copy.values[sheet], cells, `values of ${sheet}`);
      const results = copy.wb.getWorksheet('校验结果');
      assert.ok(results, 'a 校验结果 sheet');
      assert.ok(results.rowCount >= errors + 1);
      const rules = [];
      copy.wb.eachSheet((ws) => {
        for (const cf of ws.conditionalFormattings || []) for (const r of cf.rules) if (MARKER.test((r.formulae || [])[0] || '')) rules.push(`${ws.name}!${cf.ref}`);
      });
      assert.ok(rules.length > 0, 'the marks are conditional formats with the add-in marker');
      fs.rmSync(file, { force: true });
    },
  },
  {
    name: 'checker: downloads the batch report (.xlsx) and the HTML report',
    needs: ['checker: opens three sample files, checks them in a worker and shows counts per file and in total'],
    async run(env) {
      const page = env.shared.checkerPage;
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
      assert.equal(xlsx.suggestedFilename(), '校验报告.xlsx');
      const xfile = path.join(os.tmpdir(), `checker-report-${Date.now()}.xlsx`);
      await xlsx.saveAs(xfile);
      const { wb } = await cellValues(xfile);
      const summary = wb.getWorksheet('汇总');
      const rows = await resultRows(page);
      for (const [i, r] of rows.entries()) {
        const line = summary.getRow(i + 2);
        assert.deepEqual([line.getCell(1).value, line.getCell(2).value, line.getCell(3).value, line.getCell(4).value], r);
      }
      const [html] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-html').click()]);
      assert.equal(html.suggestedFilename(), '校验报告.html');
      const hfile = path.join(os.tmpdir(), `checker-report-${Date.now()}.html`);
      await html.saveAs(hfile);
      const text = fs.readFileSync(hfile, 'utf8');
      for (const r of rows) assert.ok(text.includes(r[0]), `the HTML report names ${r[0]}`);
      assert.ok(!/<script[^>]+src=/i.test(text));
      fs.rmSync(xfile, { force: true });
      fs.rmSync(hfile, { force: true });
    },
  },
  {
    name: 'checker: opens a folder (its workbooks, not its other files) and runs the cross-file detectors',
    async run(env) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-folder-'));
      const folder = path.join(dir, '各区县');
      fs.mkdirSync(folder);
      for (const f of fs.readdirSync(path.join(env.root, 'samples'))) fs.copyFileSync(path.join(env.root, 'samples', f), path.join(folder, f));
      fs.writeFileSync(path.join(folder, '照片.jpg'), 'neither a workbook nor a report');
      fs.writeFileSync(path.join(folder, '~$示例.xlsx'), 'an Office lock file');
      const from = env.requests.length;
      const page = await openChecker(env, '?lang=en-US');
      await page.setInputFiles('[data-testid=folder-input]', folder);
      const count = fs.readdirSync(folder).filter((f) => /\.(xlsx|xls)$/.test(f) && !f.startsWith('~$')).length;
      await page.getByTestId('picked-count').filter({ hasText: `${count} files chosen` }).waitFor();
      assert.match(await page.locator('[data-testid=picked-list]').textContent(), /各区县\//);
      assert.match(await page.locator('main').textContent(), /2 files that are neither workbooks nor reports were skipped/);
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.getByTestId('results').waitFor();
      assert.equal((await resultRows(page)).length, count);
      // Findings made across the files (years, districts) come with a trend line.
      const trends = await page.locator('[data-testid=file-findings] svg[role=img]').count();
      assert.ok(trends > 0, 'cross-file findings drawn as trend lines');
      await env.screenshot(page, 'checker-folder-en.png');
      assertOwnOrigin(env, from);
      await page.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  },
  {
    name: 'checker: reads reports too: a real report\u2019s text, a Word document with a table, a PDF (PDF.js in the worker)',
    async run(env) {
      require(path.join(env.root, 'scripts', 'bench', 'ts-require.js')).register();
      const { makeDocx, makePdf, layOut } = require(path.join(env.root, 'tests', 'helpers', 'report-files.ts'));
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-reports-'));
      const seeds = path.join(env.root, 'tests', 'fixtures', 'seeds');
      const txt = path.join(dir, '年度报告.txt');
      fs.copyFileSync(path.join(seeds, fs.readdirSync(seeds).sort()[0]), txt);
      const prose = ['2023年，全区共办理行政处罚案件120件，其中警告50件、罚款60件。', '行政复议案件12件，其中维持8件、撤销3件。'];
      const docx = path.join(dir, '报告.docx');
      fs.writeFileSync(docx, await makeDocx([...prose, { table: [['指标', '2022年', '2023年'], ['行政处罚案件', '100', '120'], ['其中：警告', '40', '130']] }]));
      const pdf = path.join(dir, '报告.pdf');
      fs.writeFileSync(pdf, makePdf(layOut(prose)));
      const from = env.requests.length;
      const page = await openChecker(env);
      await page.setInputFiles('[data-testid=files-input]', [txt, docx, pdf]);
      await page.getByRole('button', { name: '开始校验' }).click();
      await page.getByTestId('results').waitFor();
      const rows = await resultRows(page);
      assert.deepEqual(rows.map((r) => r[0]), ['报告.docx', '报告.pdf', '年度报告.txt']);
      const status = await page.$$eval('[data-testid=results] tbody tr td:nth-child(5)', (cells) => cells.map((c) => c.textContent));
      assert.deepEqual(status, ['已校验', '已校验', '已校验']);
      // The 其中 sums that do not add up are found in the .docx and the .pdf alike (110 ≠ 120), and the table's part above its total.
      for (const r of rows.slice(0, 2)) assert.ok(r[1] + r[2] + r[3] > 0, `${r[0]} has findings`);
      assert.ok((await page.locator('[data-testid=file-findings] tr[data-rule^="balance"]').count()) > 0, 'the Word table was checked');
      // Reports get no marked copy: only a workbook can carry marks.
      assert.equal(await page.locator('[data-testid=results] tbody button').count(), 0);
      assertOwnOrigin(env, from);
      await page.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  },
  {
    name: 'checker: cancelling a long run stops it, and the page stays usable',
    async run(env) {
      const ExcelJS = require('exceljs');
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checker-big-'));
      const file = path.join(dir, '大表-100000行.xlsx');
      const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
      const ws = writer.addWorksheet('长表');
      ws.addRow(['地区', '指标', '年份', '数值']).commit();
      for (let i = 0; i < 100000; i++) ws.addRow([`区${i % 50}`, `指标${i % 40}`, 2015 + (i % 9), i % 997]).commit();
      ws.commit();
      await writer.commit();
      const page = await openChecker(env);
      await page.setInputFiles('[data-testid=files-input]', file);
      await page.getByRole('button', { name: '开始校验' }).click();
      await page.getByTestId('progress').waitFor();
      // The page answers while the worker reads (a frame paints within a second).
      const painted = await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(true))));
      assert.equal(painted, true);
      await page.getByTestId('cancel').click();
      await page.getByTestId('notice').filter({ hasText: '已取消校验' }).waitFor();
      assert.equal(await page.getByTestId('results').count(), 0);
      assert.equal(await page.getByRole('button', { name: '开始校验' }).isEnabled(), true);
      await page.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  },
  {
    name: 'checker: axe-core finds no serious or critical accessibility violation, before and after a check',
    needs: ['checker: opens three sample files, checks them in a worker and shows counts per file and in total'],
    async run(env) {
      const source = fs.readFileSync(require.resolve('axe-core/axe.min.js', { paths: [env.root] }), 'utf8');
      const audit = async (page) => {
        // Evaluated through the DevTools protocol, so the page's CSP (no inline script) is kept.
        await page.evaluate(`${source};0`);
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      };
      const fresh = await openChecker(env);
      assert.deepEqual(await audit(fresh), []);
      await fresh.close();
      assert.deepEqual(await audit(env.shared.checkerPage), []);
    },
  },
];
