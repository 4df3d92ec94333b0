// The report list claims 全部通过 only when the API says the rules were assessed and passed: a
// report none of whose rules could be judged (the 2019 template) reads 不适用, in Chromium
// against the real server.
import { readFileSync } from 'node:fs';
import { launchBrowser, type TestBrowser } from './support/browser';
import {
  describeWhenPresent,
  chromiumNeed,
  seedReportNeed,
  SEED_PATH,
  SEED_AGENCY,
} from './support/browserSuite';
import { graphqlCall } from './support/graphqlHttp';
import { startLedgerForTest, type LedgerForTest } from './support/ledgerForTest';
import {
  TEMPLATE_2019_AGENCY,
  TEMPLATE_2019_REPORT as TEMPLATE_2019,
} from '../support/template2019Report';

const describeWhenReady = describeWhenPresent('report list browser tests', [
  seedReportNeed(),
  chromiumNeed(),
]);

const IMPORT = `mutation($input: ImportReportInput!) {
  importReport(input: $input) { report { id ruleStatus failedRuleCount } }
}`;

interface Imported {
  importReport: { report: { id: string; ruleStatus: string; failedRuleCount: number } };
}

describeWhenReady('report list rule status in the web viewer', () => {
  let ledger: LedgerForTest;
  let browser: TestBrowser;
  let seed: Imported['importReport']['report'];
  let template2019: Imported['importReport']['report'];

  beforeAll(async () => {
    ledger = await startLedgerForTest('browser-report-list');
    const editor = await ledger.createToken({
      name: '列表测试编辑',
      role: 'editor',
      agencies: [SEED_AGENCY, TEMPLATE_2019_AGENCY],
    });
    const importDocument = async (document: string) =>
      (
        await graphqlCall<Imported>(
          ledger.graphqlUrl,
          IMPORT,
          { input: { document, reason: '浏览器测试：导入' } },
          editor,
        )
      ).importReport.report;
    seed = await importDocument(readFileSync(SEED_PATH, 'utf8'));
    template2019 = await importDocument(TEMPLATE_2019);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await ledger?.stop();
  });

  it('given a report whose rules are NOT_ASSESSABLE, when the list is shown, then its row says 不适用 and never 全部通过', async () => {
    expect(template2019.ruleStatus).toBe('NOT_ASSESSABLE');
    const page = await browser.context.newPage();
    await page.goto(ledger.baseUrl);
    const row = page.locator(`tr[data-report-id="${template2019.id}"]`);
    await row.waitFor();
    // The rule column is the row's last cell.
    const status = row.locator('td').last();
    await expect(status.innerText()).resolves.toBe('不适用');
    await expect(status.getAttribute('data-rule-status')).resolves.toBe('NOT_ASSESSABLE');
    await page.close();
  });

  it('given a report whose rules were assessed, when the list is shown, then its row follows the API: 全部通过 only for PASSED', async () => {
    const page = await browser.context.newPage();
    await page.goto(ledger.baseUrl);
    const row = page.locator(`tr[data-report-id="${seed.id}"]`);
    await row.waitFor();
    const status = row.locator('td').last();
    await expect(status.innerText()).resolves.toBe(
      seed.ruleStatus === 'PASSED' ? '全部通过' : `${seed.failedRuleCount} 项未通过`,
    );
    await page.close();
  });
});
