// End-to-end tests of the 规则 tab and of 核实说明 in the browser preview (see preview.spec.js for
// the env API). One page, in order: the pack, the 校验规则 sheet, a pane override, export, and a
// warning explained and kept across checks.
'use strict';

const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');

const LAW = 'rate.mandated.law-review';
const cell = (address) => `[data-address="${address}"]`;

async function openPreview(env) {
  const page = await env.newPage();
  await page.goto(`${env.baseUrl}/preview.html`);
  await page.locator(cell('B4')).waitFor();
  return page;
}

/** A tab of the pane (exact: the grid has sheet tabs named 校验规则 and 校验说明). */
const paneTab = (page, name) => page.getByTestId('task-pane').getByRole('tab', { name, exact: true });

/** Clears the marks, runs a check and waits until its marks are back (so the list is the new one). */
async function recheck(page) {
  await paneTab(page, '校验').click();
  await page.getByRole('button', { name: /^清除标记/ }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="mark-count"]')?.textContent === '没有标记');
  await page.getByRole('button', { name: '校验当前工作簿', exact: true }).click();
  await page.getByTestId('summary').waitFor();
  await page.waitForFunction(() => /^已标记/.test(document.querySelector('[data-testid="mark-count"]')?.textContent ?? ''));
}

async function findingRules(page) {
  return page.$$eval('#panel-check [data-severity] button[data-rule]', (bs) => bs.map((b) => b.getAttribute('data-rule')));
}

module.exports = [
  {
    name: 'rules: the 规则 tab lists the built-in pack with sources and controls',
    async run(env) {
      const page = await openPreview(env);
      env.shared.rulesPage = page;
      await paneTab(page, '规则').click();
      const panel = page.locator('#panel-rules');
      await panel.getByRole('list', { name: '规则列表' }).waitFor();
      const items = panel.locator('li[data-rule-id]');
      const n = await items.count();
      const pack = JSON.parse(fs.readFileSync(path.join(env.root, 'src/core/rules/pack.json'), 'utf8'));
      assert.equal(n, pack.rules.length, 'every rule of the pack');
      assert.deepEqual(await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-rule-id'))), pack.rules.map((r) => r.id));
      assert.deepEqual(new Set(await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-source')))), new Set(['pack']));
      const law = panel.locator(`li[data-rule-id="${LAW}"]`);
      assert.match(await law.textContent(), /法制审核率应为 100%/);
      assert.match(await law.textContent(), /\[法制审核率\] == 100%/);
      assert.equal(await law.getByTestId('rule-source').textContent(), '内置');
      assert.equal(await law.getByRole('switch', { name: `启用规则 ${LAW}` }).isChecked(), true);
      assert.match(await panel.getByTestId('rules-count').textContent(), new RegExp(`^共 ${n} 条规则`));
      await env.screenshot(page, 'rules.png');
    },
  },
  {
    name: 'rules: 创建规则表 adds a 校验规则 sheet, and the next check runs its rules',
    needs: ['rules: the 规则 tab lists the built-in pack with sources and controls'],
    async run(env) {
      const page = env.shared.rulesPage;
      const panel = page.locator('#panel-rules');
      await panel.getByRole('button', { name: /^创建规则表/ }).click();
      await panel.getByText(/已创建“校验规则”工作表/).waitFor();

      // The grid shows the new sheet with the template.
      await page.waitForSelector('table[data-sheet="校验规则"]');
      assert.equal(await page.locator('[data-sheet-tab="校验规则"]').getAttribute('aria-selected'), 'true');
      assert.equal(await page.locator(cell('A1')).textContent(), '编号');
      assert.equal(await page.locator(cell('C1')).textContent(), '表达式');
      assert.equal(await page.locator(cell('A2')).textContent(), 'U1');
      assert.match(await page.locator(cell('C3')).textContent(), /prev\(\[罚没款\]\)/);

      // The list has the example rules, from the sheet; the button is not offered twice.
      const u1 = panel.locator('li[data-rule-id="U1"]');
      await u1.waitFor();
      assert.equal(await u1.getAttribute('data-source'), 'sheet');
      assert.equal(await u1.getByTestId('rule-source').textContent(), '工作表');
      assert.equal(await panel.getByRole('button', { name: /^创建规则表/ }).isDisabled(), true);

      await recheck(page);
      const rules = await findingRules(page);
      assert.ok(rules.includes('U1'), `the sheet rule U1 fails on the sample (公开 ≠ 案件): ${rules.join(', ')}`);
      assert.ok(rules.includes(LAW), 'the pack rule still runs');
    },
  },
  {
    name: 'rules: a rule switched off in the pane is left out of the next check; export downloads 校验规则.json',
    needs: ['rules: 创建规则表 adds a 校验规则 sheet, and the next check runs its rules'],
    async run(env) {
      const page = env.shared.rulesPage;
      await paneTab(page, '规则').click();
      const panel = page.locator('#panel-rules');
      const law = panel.locator(`li[data-rule-id="${LAW}"]`);
      await law.getByRole('switch', { name: `启用规则 ${LAW}` }).click();
      await law.getByTestId('rule-pane').waitFor();
      await panel.getByTestId('rules-pending').waitFor();

      const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: /^导出规则/ }).click()]);
      assert.equal(download.suggestedFilename(), '校验规则.json');
      const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
      assert.deepEqual(
        exported.rules.map((r) => r.id),
        ['U1', 'U2', LAW],
        'the sheet rules and the pack rule changed in the pane',
      );
      assert.equal(exported.rules[2].enabled, false);

      await recheck(page);
      const rules = await findingRules(page);
      assert.ok(!rules.includes(LAW), `switched off: ${rules.join(', ')}`);
      assert.ok(rules.includes('U1'));
      await page.locator('[data-sheet-tab="法治指标"]').click();
      await page.waitForSelector('table[data-sheet="法治指标"]');
      assert.equal(await page.locator(`${cell('D4')}[data-mark]`).count(), 0, 'D4 (法制审核率 93.3%) is no longer marked');
      assert.equal(await page.locator(`${cell('D7')}[data-mark="error"]`).count(), 1, 'the other marks are there');
    },
  },
  {
    name: 'explanations: a warning is explained in a dialog, saved to 校验说明 and stays resolved after the next check',
    needs: ['rules: the 规则 tab lists the built-in pack with sources and controls'],
    async run(env) {
      const page = env.shared.rulesPage;
      await recheck(page);
      const summary = await page.getByTestId('summary').textContent();
      const m = /警告 (\d+)/.exec(summary);
      assert.ok(m && +m[1] > 0, `the sample has warnings: ${summary}`);
      const warnings = +m[1];

      // Errors cannot be explained; warnings can.
      assert.equal(await page.locator('#panel-check [data-severity="error"] [data-action="explain"]').count(), 0);
      const row = page.locator('#panel-check [data-severity="warning"] li').filter({ has: page.locator('[data-action="explain"]') }).first();
      const rule = await row.locator('button[data-rule]').getAttribute('data-rule');
      await row.locator('[data-action="explain"]').focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: '核实说明' });
      await dialog.waitFor();
      await dialog.getByRole('textbox', { name: /说明/ }).fill('该项变化为统计口径调整所致，已核实。');
      await dialog.getByRole('button', { name: '保存', exact: true }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });

      const explained = page.locator(`#panel-check li[data-explained="true"]:has(button[data-rule="${rule}"])`);
      await explained.waitFor();
      assert.match(await explained.getByTestId('explanation').textContent(), /已说明说明：该项变化为统计口径调整所致/);
      assert.match(await page.getByTestId('summary').textContent(), new RegExp(`警告 ${warnings - 1} · .* · 已说明 1`));
      await page.locator('[data-sheet-tab="校验说明"]').waitFor();
      await env.screenshot(page, 'explanation.png');

      // The 校验说明 sheet is read by the next check: the warning is still explained.
      await recheck(page);
      await page.locator(`#panel-check li[data-explained="true"]:has(button[data-rule="${rule}"])`).waitFor();
      assert.match(await page.getByTestId('summary').textContent(), /已说明 1/);
    },
  },
];
