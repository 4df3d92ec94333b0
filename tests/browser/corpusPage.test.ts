// The corpus page in a real browser against the real server and database, on the shared corpus
// corrected to its answer keys: the ranked table and the bars by province are the answer keys
// summed here, a click on a bar or a row narrows the view (province → city → county → the
// agencies' reports), and an agency's row opens its report showing the same value.
// UPDATE_SCREENSHOTS=1 also writes docs/screenshots/corpus-page.png.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CORPUS_AGENCY_REGIONS, readAnswerKeys, type AnswerKey } from '../corpus/answerKeys';
import { seedAnswerKeys } from '../operations/support/figuresExportCorpus';
import { launchBrowser, type TestBrowser } from './support/browser';
import {
  describeWhenPresent,
  chromiumNeed,
  SCREENSHOT_DIR,
  UPDATE_SCREENSHOTS,
} from './support/browserSuite';
import { graphqlCall } from './support/graphqlHttp';
import { startLedgerForTest, type LedgerForTest } from './support/ledgerForTest';

const KEY = 't3.newReceived.total';
const YEAR = 2024;

const answerKeys = readAnswerKeys();
const describeWhenReady = describeWhenPresent('corpus page tests', [
  { what: 'the shared corpus answer keys', present: answerKeys !== null },
  chromiumNeed(),
]);

/** Sum of the answer keys' values of `reports`, written as the page writes numbers. */
function sumText(reports: readonly AnswerKey[]): string {
  const values = reports
    .map((report) => report.figures[KEY])
    .filter((value): value is string => value !== null);
  if (values.length === 0) return '—';
  return values.reduce((sum, value) => sum + Number(value), 0).toLocaleString('zh-CN');
}

const regionOf = (report: AnswerKey) => CORPUS_AGENCY_REGIONS[report.agency];

/** The ranked table as [name, value] pairs, in page order. */
async function tableRows(page: Page): Promise<Array<[string, string]>> {
  const rows = page.locator('.corpus-table tbody tr');
  const count = await rows.count();
  const result: Array<[string, string]> = [];
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    result.push([
      (await row.locator('th a').innerText()).trim(),
      (await row.locator('td').last().innerText()).trim(),
    ]);
  }
  return result;
}

describeWhenReady('corpus page in the browser (e2e)', () => {
  let ledger: LedgerForTest;
  let browser: TestBrowser;
  const ofYear = (answerKeys ?? []).filter((report) => report.year === YEAR);

  beforeAll(async () => {
    ledger = await startLedgerForTest('browser_corpus');
    const admin = await ledger.createToken({ name: '语料管理员', role: 'admin' });
    await seedAnswerKeys(
      <T>(query: string, variables: Record<string, unknown> = {}) =>
        graphqlCall<T>(ledger.graphqlUrl, query, variables, admin),
      answerKeys ?? [],
    );
    browser = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await ledger?.stop();
  });

  it('given the corpus, when the page opens and 2024 is chosen, then table and bars are the provinces ranked by the answer keys summed', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1360, height: 900 });
    await page.goto(`${ledger.baseUrl}#/`);
    await page.getByRole('link', { name: '跨报告比较' }).click();
    await page.locator('.corpus-table tbody tr').first().waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // The newest year with reports is chosen by default.
    const newest = Math.max(...(answerKeys ?? []).map((report) => report.year));
    await expect(page.locator('select[name="year"]').inputValue()).resolves.toBe(String(newest));
    await page.locator('select[name="year"]').selectOption(String(YEAR));
    await page.locator('.corpus-chart figcaption', { hasText: `${YEAR} 年` }).waitFor();
    const provinces = [...new Set(ofYear.map((report) => `${regionOf(report).slice(0, 2)}0000`))];
    const expected = provinces
      .map((code) => ({
        code,
        value: sumText(ofYear.filter((report) => regionOf(report).startsWith(code.slice(0, 2)))),
      }))
      .sort(
        (a, b) =>
          Number(b.value.replace(/,/g, '')) - Number(a.value.replace(/,/g, '')) ||
          a.code.localeCompare(b.code),
      );
    const rows = await tableRows(page);
    expect(rows.map(([, value]) => value)).toEqual(expected.map((row) => row.value));
    const ids = await page
      .locator('.corpus-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    expect(new Set(ids)).toEqual(new Set(expected.map((row) => row.code)));
    // One bar per row, each a link.
    await expect(page.locator('svg a.corpus-bar').count()).resolves.toBe(expected.length);
    if (UPDATE_SCREENSHOTS) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'corpus-page.png') });
      expect(existsSync(path.join(SCREENSHOT_DIR, 'corpus-page.png'))).toBe(true);
    }
    await page.close();
  });

  it('given the 2024 view, when 江苏 then 淮安市 then 洪泽区 are clicked, then each level narrows and the agency row opens its report', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${ledger.baseUrl}#/corpus?key=${KEY}&year=${YEAR}`);
    // A bar click narrows to the province: its cities.
    await page.locator('svg a.corpus-bar[data-id="320000"]').click();
    await page.locator('.corpus-table tbody tr[data-id="320800"]').waitFor();
    const huaian = ofYear.filter((report) => regionOf(report).startsWith('3208'));
    expect(await tableRows(page)).toEqual([['淮安市', sumText(huaian)]]);
    await expect(page.locator('.corpus-breadcrumb').innerText()).resolves.toContain('江苏省');
    // A row click narrows to the city: its counties, and the city's own agencies.
    await page.locator('.corpus-table tbody tr[data-id="320800"] th a').click();
    await page.locator('.corpus-table tbody tr[data-id="320813"]').waitFor();
    const rows = new Map(await tableRows(page));
    expect(rows.get('洪泽区')).toBe(sumText(huaian.filter((r) => regionOf(r) === '320813')));
    expect(rows.get('淮安市本级机构')).toBe(
      sumText(huaian.filter((r) => regionOf(r) === '320800')),
    );
    // The county: the reports of its agencies.
    await page.locator('.corpus-table tbody tr[data-id="320813"] th a').click();
    const hongze = huaian.find((report) => regionOf(report) === '320813') as AnswerKey;
    const agencyLink = page.locator('.corpus-table tbody th a', { hasText: hongze.agency });
    await agencyLink.waitFor();
    expect(await tableRows(page)).toEqual([[hongze.agency, sumText([hongze])]]);
    await agencyLink.click();
    const cell = page.locator(`td[data-key="${KEY}"]`);
    await cell.waitFor();
    expect(page.url()).toContain('#/report/');
    await expect(cell.innerText()).resolves.toContain(hongze.figures[KEY] ?? '');
    await page.close();
  });

  it('given the 2024 view, when an indicator is chosen, then the rows are percentages and the download links carry the query', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${ledger.baseUrl}#/corpus?key=${KEY}&year=${YEAR}`);
    await page.locator('.corpus-table tbody tr').first().waitFor();
    await page.locator('select[name="key"]').selectOption('i.disclosureRate');
    await page.locator('.corpus-chart figcaption', { hasText: '公开率' }).waitFor();
    await page.locator('.corpus-table tbody tr').first().waitFor();
    for (const [, value] of await tableRows(page)) expect(value).toMatch(/^(\d+(\.\d)?%|—)$/);
    const csv = await page.getByRole('link', { name: 'CSV（Excel）' }).getAttribute('href');
    expect(csv).toContain('export/figures.csv?keys=i.disclosureRate&groupBy=PROVINCE');
    const response = await fetch(csv as string);
    expect(response.status).toBe(200);
    await page.close();
  });

  it('given an unknown region in the address, when the page opens, then it says so in Chinese', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${ledger.baseUrl}#/corpus?key=${KEY}&year=${YEAR}&region=999999`);
    await expect(page.getByRole('alert').innerText()).resolves.toMatch(/区划/);
    await page.close();
  });
});
