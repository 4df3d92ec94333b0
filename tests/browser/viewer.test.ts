// The reference web viewer in a real browser against the real server and database: open the
// seed report, check cells against the API, edit a cell with a token and a reason, see the edit
// in the history panel, live in a second page, and in the revision view.
// UPDATE_SCREENSHOTS=1 also writes docs/screenshots/*.png of the main views.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from './support/browser';
import {
  describeWhenPresent,
  chromiumNeed,
  seedReportNeed,
  SEED_PATH,
  SEED_AGENCY,
  SCREENSHOT_DIR,
  UPDATE_SCREENSHOTS,
} from './support/browserSuite';
import { buildLedgerSchema } from '../../src/server/buildSchema';
import { loadSampleData } from '../../src/sampleData/loadSampleData';
import { SAMPLE_AGENCY_NAME } from '../../src/sampleData/sampleAgency';
import { graphqlCall } from './support/graphqlHttp';
import { startLedgerForTest, type LedgerForTest } from './support/ledgerForTest';

/** More corpus reports, imported only to make the report-list screenshot representative. */
const SCREENSHOT_EXTRA_DOCUMENTS = [
  '2023_hongze-qu_pdftotext-layout.txt',
  '2024_huaian-shi_pdftotext-layout.txt',
  '2023_shuyang-xian-fagaiju_article.html',
  '2023_pingtan-zonghe-shiyanqu_flattened.txt',
];

const describeWhenReady = describeWhenPresent('browser tests', [seedReportNeed(), chromiumNeed()]);

async function screenshot(
  page: Page,
  name: string,
  options: { fromTop?: boolean; tall?: boolean } = {},
): Promise<void> {
  if (!UPDATE_SCREENSHOTS) return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // A tall window shows the header, 表二 and the top of 表三 in one picture.
  if (options.tall) await page.setViewportSize({ width: 1360, height: 1500 });
  if (options.fromTop) await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

function cell(page: Page, key: string) {
  return page.locator(`td[data-key="${key}"]`);
}

/** The figure key of the focused cell (evaluated in the page, which has a DOM). */
function focusedKey(page: Page): Promise<unknown> {
  return page.evaluate("document.activeElement && document.activeElement.getAttribute('data-key')");
}

describeWhenReady('web viewer', () => {
  let ledger: LedgerForTest;
  let browser: TestBrowser;
  let reportId: string;
  let importRevision: number;
  let editorToken: string;

  const apiFigures = async (): Promise<Map<string, string | null>> => {
    const data = await graphqlCall<{
      reportById: { figures: { key: string; value: string | null }[] };
    }>(ledger.graphqlUrl, 'query($id: ID!) { reportById(id: $id) { figures { key value } } }', {
      id: reportId,
    });
    return new Map(data.reportById.figures.map((figure) => [figure.key, figure.value]));
  };

  const importExtraReports = async (): Promise<void> => {
    const admin = await ledger.createToken({ name: '截图导入', role: 'admin' });
    for (const file of SCREENSHOT_EXTRA_DOCUMENTS) {
      const documentPath = path.join(path.dirname(SEED_PATH), file);
      if (!existsSync(documentPath)) continue;
      await graphqlCall(
        ledger.graphqlUrl,
        'mutation($input: ImportReportInput!) { importReport(input: $input) { revision } }',
        { input: { document: readFileSync(documentPath, 'utf8'), reason: '截图示例' } },
        admin,
      ).catch((error: unknown) =>
        process.stdout.write(`screenshot extra ${file}: ${String(error)}\n`),
      );
    }
  };

  const openReport = async (page: Page, query = ''): Promise<void> => {
    await page.goto(`${ledger.baseUrl}#/report/${encodeURIComponent(reportId)}${query}`);
    await page.locator('td[data-key="t3.newReceived.total"]').waitFor();
  };

  beforeAll(async () => {
    ledger = await startLedgerForTest('browser');
    editorToken = await ledger.createToken({
      name: '浏览器测试编辑',
      role: 'editor',
      agencies: [SEED_AGENCY],
    });
    const imported = await graphqlCall<{
      importReport: { report: { id: string; revision: number } };
    }>(
      ledger.graphqlUrl,
      `mutation($input: ImportReportInput!) { importReport(input: $input) { report { id revision } } }`,
      { input: { document: readFileSync(SEED_PATH, 'utf8'), reason: '浏览器测试：导入种子报告' } },
      editorToken,
    );
    reportId = imported.importReport.report.id;
    importRevision = imported.importReport.report.revision;
    if (UPDATE_SCREENSHOTS) await importExtraReports();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await ledger?.stop();
  });

  it('lists the imported report and opens it in the national layout', async () => {
    const page = await browser.context.newPage();
    await page.goto(ledger.baseUrl);
    const link = page.getByRole('link', { name: SEED_AGENCY });
    await link.waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await screenshot(page, 'report-list');
    // The "failed rules only" filter keeps the seed report exactly when the API says it fails one.
    const { reportById } = await graphqlCall<{ reportById: { failedRuleCount: number } }>(
      ledger.graphqlUrl,
      'query($id: ID!) { reportById(id: $id) { failedRuleCount } }',
      { id: reportId },
    );
    await page.getByLabel('只看勾稽关系未通过的报告').check();
    await page.locator('.reports-table[data-filter$="failed=1"]').waitFor();
    await expect(
      page.locator('.reports-table').getByRole('link', { name: SEED_AGENCY }).count(),
    ).resolves.toBe(reportById.failedRuleCount > 0 ? 1 : 0);
    await page.getByLabel('只看勾稽关系未通过的报告').uncheck();
    await link.click();
    await page.locator('td[data-key="t3.newReceived.total"]').waitFor();
    // The rules it cannot judge are counted by why: this ledger has no 2023 report of the agency.
    const { reportById: judged } = await graphqlCall<{
      reportById: { rules: Array<{ notAssessableReason: string | null }> };
    }>(
      ledger.graphqlUrl,
      'query($id: ID!) { reportById(id: $id) { rules { notAssessableReason } } }',
      {
        id: reportId,
      },
    );
    const needPreviousYear = judged.rules.filter(
      (rule) => rule.notAssessableReason === 'NO_PREVIOUS_YEAR_REPORT',
    ).length;
    expect(needPreviousYear).toBeGreaterThan(0);
    await expect(page.locator('#rule-summary-title').innerText()).resolves.toContain(
      `${needPreviousYear} 项需要上一年度报告，账本中没有`,
    );
    // 表三's header rows and grouped row labels, as the national form has them.
    const table3 = page.locator('#table-t3');
    await expect(
      table3.locator('thead th[scope="colgroup"]', { hasText: '申请人情况' }).count(),
    ).resolves.toBe(1);
    await expect(table3.locator('thead th', { hasText: '法人或其他组织' }).count()).resolves.toBe(
      1,
    );
    await expect(
      table3.locator('tbody th', { hasText: '三、本年度办理结果' }).count(),
    ).resolves.toBe(1);
    await expect(
      page.locator('#table-t4 thead th', { hasText: '复议后起诉' }).count(),
    ).resolves.toBe(1);
    // Every figure cell names its headers, and every named header exists.
    const headerIds = await page
      .locator('td[data-key="t3.denied.stateSecret.commercial"]')
      .getAttribute('headers');
    const labels = await Promise.all(
      (headerIds ?? '').split(' ').map((id) => page.locator(`[id="${id}"]`).innerText()),
    );
    expect(labels).toEqual(
      expect.arrayContaining([
        '申请人情况',
        '法人或其他组织',
        '商业企业',
        '三、本年度办理结果',
        '（三）不予公开',
        '1.属于国家秘密',
      ]),
    );
    await screenshot(page, 'report-tables', { fromTop: true, tall: true });
    await page.close();
  });

  it('shows every table cell with the value the API returns', async () => {
    const page = await browser.context.newPage();
    await openReport(page);
    const expected = await apiFigures();
    const shown = await page.$$eval('td[data-key]', (cells) =>
      cells.map((element) => [
        element.getAttribute('data-key'),
        element.getAttribute('data-value'),
      ]),
    );
    expect(shown).toHaveLength(200);
    for (const [key, value] of shown) {
      expect([key, value]).toEqual([key, expected.get(key as string) ?? '']);
    }
    // A few cells read by eye: the text in the cell is the exact value.
    for (const key of [
      't2.fees.amount',
      't2.licensing.decisions',
      't3.newReceived.total',
      't4.review.total',
    ]) {
      const value = expected.get(key);
      if (value !== null && value !== undefined) {
        await expect(cell(page, key).locator('.cell-text').innerText()).resolves.toBe(value);
      }
    }
    await page.close();
  });

  it('shows the narrative with its figures highlighted and opens one', async () => {
    const data = await graphqlCall<{
      reportById: { narrative: { heading: string }[]; figures: { key: string }[] };
    }>(
      ledger.graphqlUrl,
      'query($id: ID!) { reportById(id: $id) { narrative { heading } figures(table: NARRATIVE) { key } } }',
      { id: reportId },
    );
    const page = await browser.context.newPage();
    await openReport(page);
    const narrative = page.locator('section.narrative');
    for (const section of data.reportById.narrative) {
      await expect(
        narrative.getByRole('heading', { name: section.heading, exact: true }).count(),
      ).resolves.toBeGreaterThan(0);
    }
    const apiKeys = new Set(data.reportById.figures.map((figure) => figure.key));
    const shownKeys = await narrative
      .locator('button.narrative-figure')
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-key')));
    expect(apiKeys.size).toBeGreaterThan(0);
    expect(shownKeys.length).toBeGreaterThan(0);
    for (const key of shownKeys) expect(apiKeys.has(key as string)).toBe(true);
    const first = narrative.locator('button.narrative-figure').first();
    await first.scrollIntoViewIfNeeded();
    await first.click();
    await page
      .getByRole('dialog')
      .locator('code', { hasText: shownKeys[0] as string })
      .waitFor();
    await screenshot(page, 'narrative');
    await page.close();
  });

  it('moves between cells with the arrow keys and opens a figure with Enter', async () => {
    const page = await browser.context.newPage();
    await openReport(page);
    await cell(page, 't3.newReceived.naturalPerson').focus();
    await page.keyboard.press('ArrowRight');
    await expect(focusedKey(page)).resolves.toBe('t3.newReceived.commercial');
    await page.keyboard.press('ArrowDown');
    await expect(focusedKey(page)).resolves.toBe('t3.carriedOver.commercial');
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog');
    await panel.locator('code', { hasText: 't3.carriedOver.commercial' }).waitFor();
    // Escape closes the panel wherever focus is: here back on the cell it was opened from.
    await cell(page, 't3.carriedOver.commercial').focus();
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    // Closing the panel gives focus back to the cell it was opened from.
    await page.waitForFunction(
      "document.activeElement && document.activeElement.getAttribute('data-key') === 't3.carriedOver.commercial'",
    );
    await page.close();
  });

  it('edits a cell with a token and a reason, shows it in the history and live in a second page', async () => {
    // A 表三 cell: raising it breaks the row total (T3_ROW_TOTAL), which the viewer must flag.
    const key = 't3.newReceived.naturalPerson';
    const before = (await apiFigures()).get(key) ?? null;
    const newValue = String(Number(before ?? '0') + 1);
    const reason = '核对原件后更正自然人申请数量';

    const watcher = await browser.context.newPage();
    await openReport(watcher);
    // Once the server offers the reportChanged subscription, the viewer must use it (it polls
    // only when the WebSocket is unavailable).
    const subscriptionType = (await buildLedgerSchema()).getSubscriptionType();
    if (subscriptionType?.getFields().reportChanged) {
      await watcher.locator('.live-status[data-live-mode="websocket"]').waitFor();
    }
    const editor = await browser.context.newPage();
    await openReport(editor);

    await editor.getByLabel('编辑令牌', { exact: true }).fill(editorToken);
    await editor.getByRole('button', { name: '启用编辑' }).click();
    await cell(editor, key).click();
    const panel = editor.getByRole('dialog');
    await panel.getByLabel('新数值（留空表示清空单元格）').fill(newValue);
    await panel.getByLabel('修改理由（必填）').fill(reason);
    await panel.getByRole('button', { name: /保存/ }).click();
    await panel.getByRole('status').filter({ hasText: '已保存' }).waitFor();

    // The history panel lists the edit: from → to, why, who.
    const entry = panel.locator('.history-list li', { hasText: reason });
    await entry.waitFor();
    await expect(entry.innerText()).resolves.toContain(`${before ?? '（空）'} → ${newValue}`);
    await expect(entry.innerText()).resolves.toContain('浏览器测试编辑');
    await expect(cell(editor, key).getAttribute('data-value')).resolves.toBe(newValue);
    expect((await apiFigures()).get(key)).toBe(newValue);
    // The cell now takes part in a failed rule: marked, and the rule explained in the panel.
    await expect(cell(editor, key).getAttribute('class')).resolves.toContain('cell-failed');
    await panel.locator('#panel-rules').waitFor();
    await expect(panel.innerText()).resolves.toContain('T3_ROW_TOTAL');
    await screenshot(editor, 'history-panel', { tall: true });

    // The second viewer sees it without reloading (subscription or polling fallback).
    await watcher
      .locator(`td[data-key="${key}"][data-value="${newValue}"]`)
      .waitFor({ timeout: 20000 });
    await expect(cell(watcher, key).getAttribute('class')).resolves.toContain('cell-updated');
    await watcher.close();
    await editor.close();
  });

  it('shows the report as of the import revision with the changed cell highlighted', async () => {
    const key = 't3.newReceived.naturalPerson';
    const current = await apiFigures();
    const page = await browser.context.newPage();
    await openReport(page);
    // The revision slider goes back to the import.
    await page.getByRole('slider').fill(String(importRevision));
    await page.locator('.past-notice').waitFor();
    expect(page.url()).toContain(`rev=${importRevision}`);
    const changed = cell(page, key);
    await expect(changed.getAttribute('class')).resolves.toContain('cell-changed');
    await expect(changed.getAttribute('data-value')).resolves.not.toBe(current.get(key));
    // Cells that did not change are not highlighted.
    await expect(cell(page, 't2.fees.amount').getAttribute('class')).resolves.not.toContain(
      'cell-changed',
    );
    await screenshot(page, 'revision-view', { fromTop: true, tall: true });
    await page.getByRole('button', { name: '回到当前版本' }).click();
    await page.locator(`td[data-key="${key}"][data-value="${current.get(key)}"]`).waitFor();
    await page.close();
  });

  it("a stale edit shows the other person's change and succeeds when retried", async () => {
    const key = 't2.penalty.decisions';
    const page = await browser.context.newPage();
    // This page hears of no other edit: its WebSocket is refused and its polling fails.
    await page.routeWebSocket(/\/graphql/, (socket) => socket.close());
    await page.route('**/graphql', (route) =>
      route.request().postData()?.includes('ViewerReportRevision')
        ? route.abort()
        : route.continue(),
    );
    await openReport(page);
    await page.getByLabel('编辑令牌', { exact: true }).fill(editorToken);
    await page.getByRole('button', { name: '启用编辑' }).click();
    await cell(page, key).click();

    // Meanwhile someone else edits the same cell through the API.
    const { reportById } = await graphqlCall<{ reportById: { revision: number } }>(
      ledger.graphqlUrl,
      'query($id: ID!) { reportById(id: $id) { revision } }',
      { id: reportId },
    );
    await graphqlCall(
      ledger.graphqlUrl,
      'mutation($input: SetFiguresInput!) { setFigures(input: $input) { revision } }',
      {
        input: {
          reportId,
          expectedRevision: reportById.revision,
          changes: [{ key, value: '41' }],
          reason: '另一位编辑的更正',
        },
      },
      editorToken,
    );

    const panel = page.getByRole('dialog');
    await panel.getByLabel('新数值（留空表示清空单元格）').fill('42');
    await panel.getByLabel('修改理由（必填）').fill('我的更正');
    await panel.getByRole('button', { name: /保存/ }).click();
    const conflict = panel.locator('.conflict');
    await conflict.waitFor();
    await expect(conflict.innerText()).resolves.toContain('另一位编辑的更正');
    await expect(conflict.innerText()).resolves.toContain('→ 41');
    await panel.getByRole('button', { name: /重试/ }).click();
    await panel.getByRole('status').filter({ hasText: '已保存' }).waitFor();
    expect((await apiFigures()).get(key)).toBe('42');
    await page.close();
  });

  it('lists sample data marked as such (the API leaves it out unless asked)', async () => {
    await loadSampleData(ledger.ledger, { onlyIntoEmptyLedger: false });
    const api = await graphqlCall<{ reports: { edges: unknown[] } }>(
      ledger.graphqlUrl,
      `{ reports(filter: { agency: "${SAMPLE_AGENCY_NAME}" }) { edges { cursor } } }`,
    );
    expect(api.reports.edges).toHaveLength(0);
    const page = await browser.context.newPage();
    await page.goto(ledger.baseUrl);
    const row = page.locator('.reports-table tr', { hasText: SAMPLE_AGENCY_NAME }).first();
    await row.waitFor();
    await expect(row.locator('.sample-badge').innerText()).resolves.toBe('示例数据');
    await expect(
      page.locator('.reports-table tr', { hasText: SEED_AGENCY }).locator('.sample-badge').count(),
    ).resolves.toBe(0);
  });
});
