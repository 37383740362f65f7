// End-to-end tests of the 跨年 tab in the browser preview: 校验 on the main sample, then the
// cross-year analysis finds the planted ×10 (医疗服务类罚款 58,590 → 585,900) with a trend line;
// a threshold change and the language toggle. Run by run.js after preview.spec.js.
'use strict';

const assert = require('assert/strict');

const cell = (address) => `[data-address="${address}"]`;

/** The rows of the 跨年 results: rule, text, and the sparkline's label and points. */
async function rows(page) {
  return page.$$eval('#panel-crossYear [data-testid="cy-finding"]', (items) =>
    items.map((li) => {
      const svg = li.querySelector('svg[role="img"]');
      return {
        rule: li.getAttribute('data-rule'),
        text: li.textContent,
        trend: svg ? svg.getAttribute('aria-label') : null,
        points: svg ? [...svg.querySelectorAll('circle')].map((c) => ({ period: c.dataset.period, value: Number(c.dataset.value), y: Number(c.getAttribute('cy')) })) : [],
        line: svg ? svg.querySelectorAll('polyline').length : 0,
      };
    }),
  );
}

async function analyse(page, name) {
  const pane = page.locator('#panel-crossYear');
  await pane.getByRole('button', { name, exact: true }).click();
  await pane.getByTestId('cy-results').waitFor();
  await page.waitForFunction(() => !document.querySelector('#panel-crossYear [role="progressbar"]'));
}

module.exports = [
  {
    name: '跨年: before 校验 the tab asks for a check first',
    async run(env) {
      const page = await env.newPage();
      await page.goto(`${env.baseUrl}/preview.html`);
      await page.locator(cell('B4')).waitFor();
      env.shared.crossYear = page;
      await page.getByRole('tab', { name: '跨年', exact: true }).click();
      const pane = page.locator('#panel-crossYear');
      await pane.getByTestId('cross-year-empty').waitFor();
      assert.match(await pane.getByTestId('cross-year-empty').textContent(), /请先在“校验”选项卡点击“校验”/);
      assert.equal(await pane.getByRole('button').count(), 0, 'no dead button');
    },
  },
  {
    name: '跨年: 分析 finds the ×10 fine with a trend line; clicking it selects the cell',
    needs: ['跨年: before 校验 the tab asks for a check first'],
    async run(env) {
      const page = env.shared.crossYear;
      await page.getByRole('tab', { name: '校验', exact: true }).click();
      await page.getByRole('button', { name: '校验当前工作簿', exact: true }).click();
      await page.getByTestId('summary').waitFor();
      await page.getByRole('tab', { name: '跨年', exact: true }).click();
      const pane = page.locator('#panel-crossYear');
      await pane.getByTestId('cy-current').waitFor();
      assert.equal(await pane.getByTestId('cy-current').inputValue(), '2022');
      assert.equal(await pane.getByTestId('cy-base').inputValue(), '2021');

      await analyse(page, '分析：按所选年份和阈值比较各年数值');
      const list = await rows(page);
      assert.ok(list.length > 0);
      assert.ok(list.every((r) => r.rule.startsWith('history.')), `only history findings: ${list.map((r) => r.rule).join(', ')}`);
      const fine = list.find((r) => r.rule === 'history.yoy.scale' && r.text.includes('医疗服务类罚款'));
      assert.ok(fine, `the ×10 finding among ${list.map((r) => r.rule).join(', ')}`);
      assert.match(fine.text, /2021年 58,590 元 → 2022年 585,900 元/);
      assert.match(fine.text, /约为上期的 10 倍/);
      assert.match(fine.text, /法治指标!E20/);
      assert.equal(fine.trend, '“医疗服务类罚款”历年数值：2021年 58,590 元、2022年 585,900 元');
      assert.deepEqual(fine.points.map((p) => [p.period, p.value]), [['2021', 58590], ['2022', 585900]]);
      assert.ok(fine.points[1].y < fine.points[0].y, 'the ×10 year is drawn higher');
      assert.equal(fine.line, 1);
      assert.ok(list.some((r) => r.rule === 'history.yoy' && r.text.includes('罚没款')), 'the 罚没款 change (+137.9 %)');
      // The thresholds are the finding's details: folded under 详情, not shown on the row.
      const fineRow = pane.locator('[data-testid="cy-finding"][data-rule="history.yoy.scale"]').filter({ hasText: '医疗服务类罚款' }).first();
      assert.equal(await fineRow.locator('details').evaluate((d) => d.open), false);
      assert.equal(await fineRow.locator('summary').innerText(), '详情');
      assert.doesNotMatch(await fineRow.innerText(), /即提示/);

      // Charts need Excel: the button is disabled and says so.
      await pane.getByRole('checkbox', { name: '将“医疗服务类罚款（乐山市市中区）”加入趋势图' }).first().check();
      const insert = pane.getByRole('button', { name: /^插入趋势图/ });
      assert.equal(await insert.isDisabled(), true);
      assert.equal(await pane.getByTestId('cy-chart-hint').textContent(), '仅在 Excel 中可用：浏览器预览不能插入图表。');

      await pane.locator('[data-testid="cy-finding"][data-rule="history.yoy.scale"] button').first().click();
      await page.waitForSelector(`${cell('E20')}[aria-selected="true"]`);
      assert.equal(await page.getByTestId('name-box').textContent(), 'E20');
      await env.screenshot(page, 'cross-year.png');
    },
  },
  {
    name: '跨年: a higher money threshold drops the 罚没款 change, not the ×10',
    needs: ['跨年: 分析 finds the ×10 fine with a trend line; clicking it selects the cell'],
    async run(env) {
      const page = env.shared.crossYear;
      const pane = page.locator('#panel-crossYear');
      await pane.getByRole('button', { name: /^阈值设置/ }).click();
      const money = pane.getByLabel('金额：相对变化超过（%）');
      assert.equal(await money.inputValue(), '50');
      await money.fill('200');
      await pane.getByTestId('cy-stale').waitFor();
      await analyse(page, '分析：按所选年份和阈值比较各年数值');
      const list = await rows(page);
      assert.ok(!list.some((r) => r.rule === 'history.yoy' && r.text.includes('罚没款')), '罚没款 +137.9 % is below 200 %');
      assert.ok(list.some((r) => r.rule === 'history.yoy.scale' && r.text.includes('医疗服务类罚款')), 'the ×10 stays');
      assert.equal(await pane.getByTestId('cy-stale').count(), 0);

      // An invalid value is explained and blocks 分析.
      await money.fill('-1');
      await pane.getByText('应不小于 0。').waitFor();
      assert.equal(await pane.getByRole('button', { name: '分析：按所选年份和阈值比较各年数值', exact: true }).isDisabled(), true);
      await pane.getByRole('button', { name: '恢复默认阈值和年份' }).click();
      assert.equal(await money.inputValue(), '50');
    },
  },
  {
    name: '跨年: the language toggle turns the tab and its findings to English',
    needs: ['跨年: 分析 finds the ×10 fine with a trend line; clicking it selects the cell'],
    async run(env) {
      const page = env.shared.crossYear;
      const pane = page.locator('#panel-crossYear');
      await page.getByRole('button', { name: /^English/ }).click();
      await pane.getByRole('button', { name: /^Analyse/ }).waitFor();
      await analyse(page, 'Analyse: compare the years with the chosen years and thresholds');
      const list = await rows(page);
      const fine = list.find((r) => r.rule === 'history.yoy.scale');
      assert.ok(fine);
      assert.match(fine.text, /possibly a unit or extra-digit error/);
      assert.match(fine.text, /2021 58,590 元 → 2022 585,900 元/);
      assert.match(fine.trend, /^"医疗服务类罚款" by year: 2021 58,590 元, 2022 585,900 元$/);
      assert.equal(await pane.getByTestId('cy-chart-hint').textContent(), 'Available in Excel only: the browser preview cannot insert charts.');
      await env.screenshot(page, 'cross-year-en.png');
      await page.close();
    },
  },
];
