// End-to-end tests of the browser preview (src/preview): the task pane's App beside the grid,
// over the bundled sample. Run by run.js, in order; `needs` skips a test whose setup failed.
'use strict';

const assert = require('assert/strict');
const path = require('path');

const MAIN_SAMPLE = '示例-乐山市市中区-法治指标.xlsx';
const MAIN_SHEET = '法治指标';
const OTHER_SAMPLE = '示例-嘉兴市-分年度.xlsx';
const PICKED_FILE = '示例-各地区-长表.xlsx';

const cell = (address) => `[data-address="${address}"]`;

/** Every finding row of the pane: rule id, severity group and the cell it points to. */
async function findings(page) {
  return page.$$eval('[data-severity] button[data-rule]', (buttons) =>
    buttons.map((b) => {
      const label = b.getAttribute('aria-label') || '';
      const m = /^(?:跳转到|Go to) '?(.+?)'?!([A-Z]+\d+)\./.exec(label);
      return {
        rule: b.getAttribute('data-rule'),
        severity: b.closest('[data-severity]').getAttribute('data-severity'),
        sheet: m ? m[1] : null,
        address: m ? m[2] : null,
        text: b.textContent,
      };
    }),
  );
}

async function marks(page) {
  return page.$$eval('[data-mark]', (cells) => cells.map((c) => ({ address: c.dataset.address, mark: c.dataset.mark })));
}

async function openPreview(env, query = '') {
  const page = await env.newPage();
  await page.goto(`${env.baseUrl}/preview.html${query}`);
  await page.locator(cell('B4')).waitFor();
  return page;
}

async function runCheck(page, name = '校验当前工作簿') {
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByTestId('summary').waitFor();
  await page.locator('[data-mark]').first().waitFor();
}

/** Whether an element is inside the visible part of the grid's scroller. */
async function visibleInGrid(page, selector) {
  return page.$eval(selector, (el) => {
    const scroller = el.closest('table').parentElement.getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.top >= scroller.top && r.bottom <= scroller.bottom && r.left >= scroller.left && r.right <= scroller.right;
  });
}

module.exports = [
  {
    name: 'opens the preview with the main sample, without office.js',
    async run(env) {
      const page = await openPreview(env);
      env.shared.page = page;
      assert.equal(await page.getByTestId('sample-select').inputValue(), MAIN_SAMPLE);
      assert.equal(await page.locator(cell('B4')).textContent(), '法制审核率');
      assert.equal(await page.locator(cell('D4')).textContent(), '93.3%', 'percent format');
      assert.equal(await page.locator(cell('D20')).textContent(), '58,590', 'thousands separator');
      assert.equal(await page.locator(cell('E20')).textContent(), '585,900', 'text as written');
      assert.equal(await page.locator('table[role="grid"]').getAttribute('data-sheet'), MAIN_SHEET);
      assert.equal(await page.getByRole('tab', { name: MAIN_SHEET }).getAttribute('aria-selected'), 'true');
      assert.deepEqual(
        await page.$$eval('thead [role="columnheader"]', (hs) => hs.map((h) => h.textContent)),
        ['A', 'B', 'C', 'D', 'E'],
      );
      assert.equal(await page.locator('script[src*="office"]').count(), 0, 'no office.js script');
      assert.equal(await page.evaluate(() => typeof window.Office), 'undefined');
      assert.equal(await page.getByRole('heading', { level: 1, name: '指标校验' }).count(), 2, 'preview bar and pane');
      assert.equal(await page.locator('[data-mark]').count(), 0);
      await env.screenshot(page, 'preview-loaded.png');
    },
  },
  {
    name: '校验 lists the findings and highlights the flagged cells',
    needs: ['opens the preview with the main sample, without office.js'],
    async run(env) {
      const { page } = env.shared;
      await runCheck(page);

      const list = await findings(page);
      const where = list.map((f) => `${f.rule}@${f.address}`).join(', ');
      // 法制审核率 must be 100% (a rule of the built-in pack; its id may change, its cell won't).
      const rate = list.find((f) => f.address === 'D4' && /法制审核率/.test(f.text));
      assert.ok(rate, `a finding on D4 naming 法制审核率 among ${where}`);
      assert.equal(rate.severity, 'error');
      const balance = list.find((f) => f.rule.startsWith('balance') && f.address === 'D7');
      assert.ok(balance, `a balance finding on D7 among ${where}`);
      assert.equal(balance.severity, 'error');
      assert.match(balance.text, /国家双随机监督抽检任务/);
      assert.match(balance.text, /190/);

      // The count line agrees with the list.
      const summary = await page.getByTestId('summary').textContent();
      const m = /错误 (\d+) · 警告 (\d+) · 提示 (\d+)/.exec(summary);
      assert.ok(m, `count line: ${summary}`);
      const count = (s) => list.filter((f) => f.severity === s).length;
      assert.deepEqual([+m[1], +m[2], +m[3]], [count('error'), count('warning'), count('info')]);
      assert.ok(+m[1] >= 3, 'the sample has at least three planted errors');

      // Every cell a finding points to on the shown sheet is highlighted with its worst severity.
      const rank = { error: 0, warning: 1, info: 2 };
      const expected = new Map();
      for (const f of list) {
        if (f.sheet !== MAIN_SHEET) continue;
        const seen = expected.get(f.address);
        if (!seen || rank[f.severity] < rank[seen]) expected.set(f.address, f.severity);
      }
      const shown = new Map((await marks(page)).map((x) => [x.address, x.mark]));
      assert.deepEqual(shown, expected);
      assert.equal(await page.locator(`${cell('D7')}[data-mark="error"]`).count(), 1);
      assert.equal(await page.locator(`${cell('D4')}[data-mark="error"]`).count(), 1);
      const fill = await page.$eval(cell('D7'), (el) => getComputedStyle(el).backgroundColor);
      assert.equal(fill, 'rgb(255, 199, 206)', 'error fill #FFC7CE');
      assert.match(await page.getByTestId('mark-count').textContent(), new RegExp(`已标记 ${expected.size} 个单元格`));

      // The engine ran in the Web Worker.
      assert.ok(
        page.workers().some((w) => /check-worker(\.[0-9a-f]+)?\.js/.test(w.url())),
        `a check worker (workers: ${page.workers().map((w) => w.url()).join(', ') || 'none'})`,
      );
    },
  },
  {
    name: 'clicking a finding selects its cell in the grid',
    needs: ['校验 lists the findings and highlights the flagged cells'],
    async run(env) {
      const { page } = env.shared;
      // Start from the other sheet: the selection must switch the tab back.
      await page.getByRole('tab', { name: '填报说明' }).click();
      await page.waitForSelector('table[data-sheet="填报说明"]');

      const list = await findings(page);
      const rows = page.locator('[data-severity] button[data-rule]');
      const d7 = list.findIndex((f) => f.address === 'D7' && f.rule.startsWith('balance'));
      let far = -1;
      list.forEach((f, i) => {
        if (f.sheet === MAIN_SHEET && f.address !== 'D7') far = i;
      });
      assert.ok(d7 >= 0 && far >= 0, 'a finding on D7 and one elsewhere');
      await rows.nth(d7).click();
      await page.waitForSelector(`table[data-sheet="${MAIN_SHEET}"] ${cell('D7')}[aria-selected="true"]`);
      assert.equal(await page.getByRole('tab', { name: MAIN_SHEET }).getAttribute('aria-selected'), 'true');
      assert.equal(await page.getByTestId('name-box').textContent(), 'D7');
      assert.equal(await page.locator('[role="gridcell"][aria-selected="true"]').count(), 1);
      assert.ok(await visibleInGrid(page, cell('D7')), 'D7 scrolled into view');
      const outline = await page.$eval(cell('D7'), (el) => getComputedStyle(el).outlineStyle);
      assert.equal(outline, 'solid');

      // Another finding moves the selection (and scrolls to it).
      const other = list[far].address;
      await rows.nth(far).click();
      await page.waitForSelector(`${cell(other)}[aria-selected="true"]`);
      assert.equal(await page.locator(`${cell('D7')}[aria-selected="true"]`).count(), 0);
      assert.equal(await page.getByTestId('name-box').textContent(), other);
      assert.ok(await visibleInGrid(page, cell(other)), `${other} scrolled into view`);

      // Back to D7 for the screenshot of the preview with marks and a selection.
      await rows.nth(d7).click();
      await page.waitForSelector(`${cell('D7')}[aria-selected="true"]`);
      await page.getByTestId('task-pane').evaluate((pane) => pane.scrollTo(0, 0));
      await env.screenshot(page, 'preview.png');
    },
  },
  {
    name: 'a finding reads first as a plain sentence; 详情 opens from the keyboard to show the rule and its arithmetic',
    needs: ['校验 lists the findings and highlights the flagged cells'],
    async run(env) {
      const { page } = env.shared;
      // The 法制审核率 finding on D4 (a rule of the built-in pack).
      const item = page
        .locator('[data-severity] li')
        .filter({ has: page.locator(`button[data-rule][aria-label*="${MAIN_SHEET}!D4."]`) })
        .filter({ hasText: '法制审核率应为 100%' })
        .first();
      await item.scrollIntoViewIfNeeded();
      const button = item.locator('button[data-rule]');
      const rule = await button.getAttribute('data-rule');

      // What shows: the cell, then the clerk's sentence with the value as typed; no rule id, no
      // expression, no arithmetic until asked for.
      const message = await button.evaluate((b) => b.children[1].textContent);
      assert.match(message, /^法制审核率应为 100%，但.*2021年填报为：法制审核率 93\.3%（法治指标!D4）。$/);
      const shown = await item.innerText();
      assert.ok(shown.startsWith(`${MAIN_SHEET}!D4\n${message}`), `the row reads: ${shown}`);
      assert.ok(!shown.includes(rule) && !shown.includes('==') && !shown.includes('左边为'), `nothing technical shows: ${shown}`);
      const details = item.locator('details');
      const summary = details.locator('summary');
      assert.equal(await summary.innerText(), '详情');
      assert.equal(await details.evaluate((d) => d.open), false);
      assert.equal(await item.getByTestId('finding-details-text').isVisible(), false);
      await page.getByTestId('task-pane').evaluate((pane) => pane.scrollTo(0, 0));
      await env.screenshot(page, 'preview-findings-plain.png');

      // Opened with the keyboard: the rule id, its expression and the arithmetic.
      await summary.focus();
      await page.keyboard.press('Enter');
      await item.getByTestId('finding-details-text').waitFor({ state: 'visible' });
      const technical = await item.getByTestId('finding-details-text').innerText();
      assert.match(technical, new RegExp(`^规则 ${rule.replace(/\./g, '\\.')}：\\[法制审核率\\] == 100%。左边为 93\\.33%，右边为 100\\.00%，相差 -6\\.67%。$`));
      // Opening it selected nothing: D7, chosen last, is still the selected cell.
      assert.equal(await page.getByTestId('name-box').textContent(), 'D7');
      await item.scrollIntoViewIfNeeded();
      await env.screenshot(page, 'preview-finding-details.png');
      await page.keyboard.press('Enter');
      assert.equal(await details.evaluate((d) => d.open), false);
    },
  },
  {
    name: '清除标记 removes every highlight',
    needs: ['校验 lists the findings and highlights the flagged cells'],
    async run(env) {
      const { page } = env.shared;
      await page.getByRole('button', { name: /^清除标记/ }).click();
      await page.waitForSelector('[data-mark]', { state: 'detached' });
      assert.equal(await page.locator('[data-mark]').count(), 0);
      assert.equal(await page.getByTestId('mark-count').textContent(), '没有标记');
      const fill = await page.$eval(cell('D7'), (el) => getComputedStyle(el).backgroundColor);
      assert.notEqual(fill, 'rgb(255, 199, 206)');
      await page.getByText('已清除标记。').waitFor();
      await env.screenshot(page, 'preview-cleared.png');
    },
  },
  {
    name: 'the language toggle turns the pane and the preview to English',
    needs: ['opens the preview with the main sample, without office.js'],
    async run(env) {
      const { page } = env.shared;
      await page.getByRole('button', { name: /^English/ }).click();
      await page.getByRole('button', { name: 'Check the current workbook', exact: true }).waitFor();
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'en-US');
      assert.equal(await page.getByRole('heading', { level: 1, name: 'Indicator Checker' }).count(), 2);
      await page.getByText('Browser preview', { exact: true }).waitFor();
      assert.equal(await page.getByRole('grid').getAttribute('aria-label'), `Sheet "${MAIN_SHEET}"`);
      assert.equal(await page.getByRole('tab', { name: 'Check', exact: true }).count(), 1);
      assert.equal(await page.title(), 'Indicator Checker · Browser preview');

      await runCheck(page, 'Check the current workbook');
      assert.match(await page.getByTestId('summary').textContent(), /Errors \d+ · Warnings \d+ · Notes \d+/);
      const list = await findings(page);
      const balance = list.find((f) => f.address === 'D7' && f.rule.startsWith('balance'));
      assert.ok(balance, 'the D7 balance finding');
      assert.match(balance.text, /add up to/, `English message: ${balance.text}`);
      assert.equal(await page.locator(`${cell('D7')}[data-mark="error"]`).count(), 1);
      assert.match(await page.getByTestId('mark-count').textContent(), /^\d+ cells? marked$/);
      await env.screenshot(page, 'preview-en.png');

      // And back: the preview's strings follow the pane's toggle both ways.
      await page.getByRole('button', { name: /^中文/ }).click();
      await page.getByText('浏览器预览', { exact: true }).waitFor();
    },
  },
  {
    name: 'the sample select and the file input open other workbooks',
    async run(env) {
      const page = await openPreview(env);
      await page.getByTestId('sample-select').selectOption(OTHER_SAMPLE);
      await page.waitForFunction(
        (name) => document.querySelector('main')?.getAttribute('aria-label') === name,
        OTHER_SAMPLE,
      );
      assert.ok((await page.getByRole('tab').count()) >= 1);

      await page.getByTestId('file-input').setInputFiles(path.join(env.root, 'samples', PICKED_FILE));
      await page.waitForFunction((name) => document.querySelector('main')?.getAttribute('aria-label') === name, PICKED_FILE);
      const option = await page.$eval('[data-testid="sample-select"]', (s) => s.options[s.selectedIndex].textContent);
      assert.equal(option, `本地文件：${PICKED_FILE}`);
      await page.locator('[role="gridcell"]').first().waitFor();
      await page.getByRole('button', { name: '校验当前工作簿', exact: true }).click();
      await page.getByTestId('summary').waitFor();
      await page.close();
    },
  },
  {
    name: 'without Web Workers the check runs on the page (fallback)',
    async run(env) {
      const page = await env.newPage();
      await page.addInitScript(() => {
        Object.defineProperty(window, 'Worker', { value: undefined, configurable: true });
      });
      await page.goto(`${env.baseUrl}/preview.html`);
      await page.locator(cell('B4')).waitFor();
      await runCheck(page);
      assert.equal(await page.locator(`${cell('D7')}[data-mark="error"]`).count(), 1);
      assert.equal(page.workers().length, 0);
      await page.close();
    },
  },
  {
    name: 'everything came from 127.0.0.1: pages, chunks, worker and samples',
    async run(env) {
      const origin = new URL(env.baseUrl).origin;
      const outside = env.requests.filter((u) => !/^(data|blob|about):/.test(u) && new URL(u).origin !== origin);
      assert.deepEqual(outside, []);
      const served = env.served.join('\n');
      assert.match(served, /\/preview\.html/);
      assert.match(served, /\/check-worker(\.[0-9a-f]+)?\.js/);
      assert.match(served, new RegExp(`/samples/${MAIN_SAMPLE.replace(/[.]/g, '\\.')}`));
      assert.doesNotMatch(served, /office\.js/);
    },
  },
];
