// End-to-end tests of the browser preview on the formats other than .xlsx (read-legacy.ts in the
// page): the bundled .xls sample, a GB18030 .csv picked with the file input, and an .et that WPS
// did not save in the .xls container. Run by run.js.
'use strict';

const assert = require('assert/strict');
const fs = require('fs');
const iconv = require('iconv-lite');
const os = require('os');
const path = require('path');

const XLS_SAMPLE = '示例-罗庄区-法治指标.xls';

const cell = (address) => `[data-address="${address}"]`;

async function opened(page, name) {
  await page.waitForFunction((n) => document.querySelector('main')?.getAttribute('aria-label') === n, name);
  await page.locator('[role="gridcell"]').first().waitFor();
}

module.exports = [
  {
    name: 'the .xls sample opens in the grid and its two planted mistakes are marked',
    async run(env) {
      const page = await env.newPage();
      await page.goto(`${env.baseUrl}/preview.html`);
      await page.locator(cell('B4')).waitFor();
      await page.getByTestId('sample-select').selectOption(XLS_SAMPLE);
      await opened(page, XLS_SAMPLE);
      assert.equal(await page.locator(cell('B12')).textContent(), '依法执业自查率');
      assert.equal(await page.locator(cell('D12')).textContent(), '96.8%', 'the % format of the .xls cell');
      assert.equal(await page.locator(cell('E14')).textContent(), '100%', 'text as typed');
      await page.getByRole('button', { name: '校验当前工作簿', exact: true }).click();
      await page.getByTestId('summary').waitFor();
      await page.locator('[data-mark]').first().waitFor();
      const marks = await page.$$eval('[data-mark]', (cells) => cells.map((c) => `${c.dataset.address}:${c.dataset.mark}`).sort());
      assert.deepEqual(marks, ['D12:error', 'D20:error']);
      await env.screenshot(page, 'preview-xls.png');
      await page.close();
    },
  },
  {
    name: 'a GB18030 .csv opens through the file input; an .et that is not BIFF says how to save it as .xlsx',
    async run(env) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-legacy-'));
      const csv = path.join(dir, '嘉兴市-2021年.csv');
      const text = ['指标,单位,数值', '行政处罚案件,件,110', '其中：警告,件,50', '　　　罚款等,件,58', '　　　停产停业,件,1', '罚没款,元,"585,900"', ''].join('\r\n');
      fs.writeFileSync(csv, iconv.encode(text, 'gb18030'));
      const et = path.join(dir, '台账.et');
      fs.writeFileSync(et, 'not a BIFF workbook');

      const page = await env.newPage();
      await page.goto(`${env.baseUrl}/preview.html`);
      await page.locator(cell('B4')).waitFor();
      await page.getByTestId('file-input').setInputFiles(csv);
      await opened(page, path.basename(csv));
      assert.equal(await page.locator(cell('A2')).textContent(), '行政处罚案件');
      assert.equal(await page.locator(cell('C6')).textContent(), '585,900');
      await page.getByRole('button', { name: '校验当前工作簿', exact: true }).click();
      await page.getByTestId('summary').waitFor();
      await page.locator(`${cell('C2')}[data-mark="error"]`).waitFor();

      await page.getByTestId('file-input').setInputFiles(et);
      const error = page.getByTestId('load-error');
      await error.waitFor();
      const message = await error.textContent();
      assert.match(message, /台账\.et/);
      assert.match(message, /文件 → 另存为 → Excel 工作簿 \(\*\.xlsx\)/);
      await page.close();
    },
  },
];
