// End-to-end: the district cross-tab sample in the browser preview. 校验 finds its planted
// mistakes; the 结构 tab shows how the sheet was read and outlines a group's cells in the grid.
'use strict';

const assert = require('assert/strict');

const SAMPLE = '示例-各区县交叉表-乐山市.xlsx';

async function openSample(env) {
  const page = await env.newPage();
  await page.goto(`${env.baseUrl}/preview.html`);
  await page.locator('[data-address="B4"]').waitFor();
  await page.getByTestId('sample-select').selectOption(SAMPLE);
  await page.waitForFunction((name) => document.querySelector('main')?.getAttribute('aria-label') === name, SAMPLE);
  await page.locator('[data-address="A5"]').waitFor();
  return page;
}

module.exports = [
  {
    name: 'cross-tab: 校验 marks the planted mistakes, the 结构 tab shows the reading and outlines a group in the grid',
    async run(env) {
      const page = await openSample(env);
      await page.getByRole('button', { name: '校验当前工作簿', exact: true }).click();
      await page.getByTestId('summary').waitFor();
      await page.locator('[data-mark]').first().waitFor();
      const marked = await page.$$eval('[data-mark="error"]', (cells) => cells.map((c) => c.dataset.address).sort());
      // 沙湾区's 合计 (B6), 犍为县's 法制审核率 (G8), the 全市合计 合计 (B10) and 罚没款 (F10).
      assert.deepEqual(marked, ['B10', 'B6', 'F10', 'G8']);

      await page.getByRole('tab', { name: '结构' }).click();
      const sheet = page.getByRole('region', { name: '2022年' });
      await sheet.waitFor();
      const text = await sheet.textContent();
      assert.match(text, /形状: cross-tab/);
      assert.match(text, /行政处罚案件 \[B\] = 警告 \[C\] \+ 罚款 \[D\] \+ 其他 \[E\]/);
      assert.match(text, /全市合计 \[10\] = 市中区 \[5\]/);

      await page.getByRole('button', { name: '在表中选中: 行政处罚案件' }).click();
      await page.locator('[data-highlight="true"]').first().waitFor();
      const outlined = await page.$$eval('[data-highlight="true"]', (cells) => cells.map((c) => c.dataset.address));
      // Columns B–E of the district rows 5–10: 4 × 6 cells.
      assert.equal(outlined.length, 24);
      assert.ok(outlined.includes('B5') && outlined.includes('E10') && !outlined.includes('F5'));
      assert.equal(await page.getByTestId('name-box').textContent(), 'B5');
      await env.screenshot(page, 'structure-tab.png');
      await page.close();
    },
  },
];
