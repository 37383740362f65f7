// End-to-end: the 汇总表 tab of the preview — a summary table from the last check, inserted on a
// new sheet that the grid then shows, and the report-prose check with a failing 其中 claim.
'use strict';

const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');

const cell = (address) => `[data-address="${address}"]`;

/** Seed 004's sentence with 行政处罚120件（其中警告57件；…62件；…1件）, one part changed to 58: 121 > 120. */
function failingText(root) {
  const text = fs.readFileSync(path.join(root, 'tests', 'fixtures', 'seeds', '004_1f520193587ce677.txt'), 'utf8');
  const line = text.split(/\r?\n/).find((l) => l.includes('其中警告57件'));
  assert.ok(line, 'seed 004 has the 其中警告57件 claim');
  const start = line.indexOf('全年政务服务办件量');
  const end = line.indexOf('。', start);
  return line.slice(start, end + 1).replace('警告57件', '警告58件');
}

module.exports = [
  {
    name: '汇总表: pick indicators, preview, insert on a new sheet shown in the grid',
    async run(env) {
      const page = await env.newPage();
      await page.goto(`${env.baseUrl}/preview.html`);
      await page.locator(cell('B4')).waitFor();
      env.shared.summaryPage = page;

      // Before a check the tab asks for one.
      await page.locator('#tab-summary').click();
      await page.getByTestId('summary-need-check').waitFor();

      await page.locator('#tab-check').click();
      await page.getByRole('button', { name: '校验当前工作簿', exact: true }).click();
      await page.getByTestId('summary').waitFor();

      await page.locator('#tab-summary').click();
      const panel = page.locator('#panel-summary');
      await panel.getByTestId('summary-preview').waitFor();
      assert.equal(await panel.getByTestId('summary-preview-title').textContent(), '乐山市市中区年度指标对比表（2021—2022年）');
      // 地区对比表 needs a long table: the sample has none.
      assert.equal(await panel.getByRole('radio', { name: /地区对比表/ }).isDisabled(), true);

      await panel.getByRole('button', { name: '清空指标选择', exact: true }).click();
      await panel.getByTestId('summary-missing').waitFor();
      await panel.getByRole('checkbox', { name: '依法公开执法处罚信息（条）', exact: true }).check();
      await panel.getByRole('checkbox', { name: '罚没款（元）', exact: true }).check();
      const preview = panel.getByTestId('summary-preview');
      const rows = await preview.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((c) => c.textContent)));
      assert.deepEqual(rows.map((r) => r[0]), ['依法公开执法处罚信息', '罚没款']);
      const columns = await preview.locator('thead th').allTextContents();
      assert.deepEqual(columns, ['指标', '单位', '2021年', '2022年', '增减量', '增减率', '状态']);
      assert.deepEqual(rows[0].slice(2, 6), ['98', '106', '+8', '+8.2%']);
      await env.screenshot(page, 'summary-preview.png');

      await panel.getByRole('button', { name: /^插入汇总表/ }).click();
      const done = await panel.getByTestId('summary-inserted').textContent();
      assert.match(done, /^已插入到工作表“汇总表”的 A1:G\d+。$/);

      // The grid shows the new sheet with its title, the table and the source sheet untouched.
      await page.waitForSelector('table[data-sheet="汇总表"]');
      assert.equal(await page.locator('[data-sheet-tab="汇总表"]').count(), 1);
      assert.equal(await page.locator(cell('A1')).textContent(), '乐山市市中区年度指标对比表（2021—2022年）');
      assert.equal(await page.locator(cell('A3')).textContent(), '指标');
      assert.equal(await page.locator(cell('A4')).textContent(), '依法公开执法处罚信息');
      assert.equal(await page.locator(cell('D4')).textContent(), '106');
      await env.screenshot(page, 'summary-inserted.png');
      await page.locator('[data-sheet-tab="法治指标"]').click();
      await page.waitForSelector('table[data-sheet="法治指标"]');
      assert.equal(await page.locator(cell('B4')).textContent(), '法制审核率');
    },
  },
  {
    name: '报告文本: a pasted text shows a failing 其中 claim with both numbers',
    needs: ['汇总表: pick indicators, preview, insert on a new sheet shown in the grid'],
    async run(env) {
      const page = env.shared.summaryPage;
      const panel = page.locator('#panel-summary');
      await panel.getByTestId('prose-text').fill(failingText(env.root));
      await panel.getByRole('button', { name: '核对报告文本', exact: true }).click();
      await panel.getByTestId('prose-claims').waitFor();
      const failing = panel.locator('[data-testid="prose-claims"] tbody tr[data-verdict="exceeds"]');
      assert.equal(await failing.count(), 1);
      assert.equal(await failing.locator('[data-col="total"]').textContent(), '行政处罚 120件');
      assert.equal(await failing.locator('[data-col="sum"]').textContent(), '121件');
      assert.equal(await failing.locator('[data-col="verdict"]').textContent(), '不符：各项超出合计');
      assert.equal(await failing.locator('[data-col="verdict"] svg').count(), 1, 'an icon beside the colour');
      const ok = panel.locator('[data-testid="prose-claims"] tbody tr[data-verdict="ok"]');
      assert.equal(await ok.count(), 1);
      assert.equal(await ok.locator('[data-col="verdict"]').textContent(), '通过');
      assert.match(await panel.getByTestId('prose-stats').textContent(), /通过 1，不符 1/);
      await failing.scrollIntoViewIfNeeded();
      await env.screenshot(page, 'summary-prose.png');
      await page.close();
    },
  },
];
