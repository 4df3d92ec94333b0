// Proposals and review in the viewer, in headless Chromium against the real server: an editor
// of an agency that requires review proposes from the figure editor, the cell shows the open
// proposal, a reviewer reads base / now / proposed and approves or rejects, the history names
// proposer and approver, and a proposal overtaken by another change shows STALE until its
// author rebases it. UPDATE_SCREENSHOTS=1 writes docs/screenshots/proposal-review.png.
import { mkdirSync, readFileSync } from 'node:fs';
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
import { graphqlCall } from './support/graphqlHttp';
import { startLedgerForTest, type LedgerForTest } from './support/ledgerForTest';

const EDITOR_NAME = '编辑甲';
const SECOND_EDITOR_NAME = '编辑乙';
const REVIEWER_NAME = '审核人李四';
const OPEN_PROPOSAL_LABEL = '有待审核的修改建议 / open proposal';

const describeWhenReady = describeWhenPresent('proposal browser tests', [
  seedReportNeed(),
  chromiumNeed(),
]);

const PROPOSE = `mutation($input: ProposeChangesInput!) {
  proposeChanges(input: $input) { proposal { id status } }
}`;
const REVIEW = `mutation($input: ReviewProposalInput!) {
  reviewProposal(input: $input) { proposal { id status } }
}`;

function cell(page: Page, key: string) {
  return page.locator(`td[data-key="${key}"]`);
}

describeWhenReady('proposals and review in the web viewer', () => {
  let ledger: LedgerForTest;
  let browser: TestBrowser;
  let reportId: string;
  let editorToken: string;
  let secondEditorToken: string;
  let reviewerToken: string;
  let adminToken: string;

  const apiReport = async (): Promise<{ revision: number; values: Map<string, string | null> }> => {
    const data = await graphqlCall<{
      reportById: { revision: number; figures: { key: string; value: string | null }[] };
    }>(
      ledger.graphqlUrl,
      'query($id: ID!) { reportById(id: $id) { revision figures { key value } } }',
      { id: reportId },
    );
    return {
      revision: data.reportById.revision,
      values: new Map(data.reportById.figures.map((figure) => [figure.key, figure.value])),
    };
  };

  /** A value different from the cell's current one (counts: one more). */
  const otherValue = async (key: string, plus = 1): Promise<string> =>
    String(Number((await apiReport()).values.get(key) ?? '0') + plus);

  const proposeByApi = async (token: string, key: string, value: string, reason: string) => {
    const { revision } = await apiReport();
    const data = await graphqlCall<{ proposeChanges: { proposal: { id: string } } }>(
      ledger.graphqlUrl,
      PROPOSE,
      { input: { reportId, baseRevision: revision, changes: [{ key, value }], reason } },
      token,
    );
    return data.proposeChanges.proposal.id;
  };

  const proposalStatus = async (id: string): Promise<string> => {
    const data = await graphqlCall<{ proposal: { status: string } }>(
      ledger.graphqlUrl,
      'query($id: ID!) { proposal(id: $id) { status } }',
      { id },
    );
    return data.proposal.status;
  };

  /** A new tab (its own sessionStorage) with the token pasted into the header. */
  const pageWithToken = async (token: string, hash: string): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.goto(`${ledger.baseUrl}${hash}`);
    await page.getByLabel('编辑令牌', { exact: true }).fill(token);
    await page.getByRole('button', { name: '启用编辑' }).click();
    return page;
  };

  const openReport = async (token: string): Promise<Page> => {
    const page = await pageWithToken(token, `#/report/${encodeURIComponent(reportId)}`);
    await cell(page, 't3.newReceived.total').waitFor();
    return page;
  };

  beforeAll(async () => {
    ledger = await startLedgerForTest('browser-proposals');
    adminToken = await ledger.createToken({ name: '管理员', role: 'admin' });
    const admin = adminToken;
    editorToken = await ledger.createToken({
      name: EDITOR_NAME,
      role: 'editor',
      agencies: [SEED_AGENCY],
    });
    secondEditorToken = await ledger.createToken({
      name: SECOND_EDITOR_NAME,
      role: 'editor',
      agencies: [SEED_AGENCY],
    });
    reviewerToken = await ledger.createToken({
      name: REVIEWER_NAME,
      role: 'reviewer',
      agencies: [SEED_AGENCY],
    });
    const imported = await graphqlCall<{ importReport: { report: { id: string } } }>(
      ledger.graphqlUrl,
      `mutation($input: ImportReportInput!) { importReport(input: $input) { report { id } } }`,
      { input: { document: readFileSync(SEED_PATH, 'utf8'), reason: '浏览器测试：导入种子报告' } },
      editorToken,
    );
    reportId = imported.importReport.report.id;
    await graphqlCall(
      ledger.graphqlUrl,
      `mutation($input: SetAgencyReviewPolicyInput!) {
        setAgencyReviewPolicy(input: $input) { __typename }
      }`,
      { input: { agency: SEED_AGENCY, reviewRequired: true, reason: '浏览器测试：须经审核' } },
      admin,
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await ledger?.stop();
  });

  it('given an agency that requires review, when an editor proposes a value and a reviewer approves it with a comment, then the cell shows the approved value and its history names proposer and approver', async () => {
    const key = 't3.newReceived.naturalPerson';
    const before = (await apiReport()).values.get(key) ?? null;
    const proposed = await otherValue(key);
    const reason = '核对原件后更正自然人申请数量';

    // The editor tries to save; the server answers REVIEW_REQUIRED and the editor proposes.
    const editor = await openReport(editorToken);
    await cell(editor, key).click();
    const panel = editor.getByRole('dialog');
    await panel.getByLabel('新数值（留空表示清空单元格）').fill(proposed);
    await panel.getByLabel('修改理由（必填）').fill(reason);
    await panel.getByRole('button', { name: /保存/ }).click();
    await panel.locator('.review-required').waitFor();
    await panel.getByRole('button', { name: /提交审核 \/ propose/ }).click();
    await panel.getByRole('status').filter({ hasText: '已提交修改建议' }).waitFor();
    expect((await apiReport()).values.get(key)).toBe(before);

    // The cell is marked, with an accessible label, and the panel lists the proposal.
    await editor.locator(`td[data-key="${key}"][data-proposals="1"]`).waitFor();
    await expect(cell(editor, key).locator('.cell-proposal-badge').isVisible()).resolves.toBe(true);
    await expect(cell(editor, key).locator('.visually-hidden').textContent()).resolves.toContain(
      OPEN_PROPOSAL_LABEL,
    );
    const listed = panel.locator('.proposal-list li');
    await listed.waitFor();
    const listedText = await listed.innerText();
    expect(listedText).toContain(EDITOR_NAME);
    expect(listedText).toContain(reason);
    expect(listedText).toContain(`建议值 ${proposed}`);
    expect(listedText).toContain('待审核');
    // The author is not offered a review of their own proposal.
    await panel.getByRole('link', { name: '查看三方对照与审核' }).click();
    await editor.locator('.three-way').waitFor();
    await expect(editor.getByRole('button', { name: /批准/ }).count()).resolves.toBe(0);
    await editor.close();

    // The reviewer opens it from the cell, sees base / now / proposed and approves.
    const reviewer = await openReport(reviewerToken);
    await cell(reviewer, key).click();
    await reviewer.getByRole('dialog').getByRole('link', { name: '查看三方对照与审核' }).click();
    const row = reviewer.locator(`.three-way tr[data-key="${key}"]`);
    await row.waitFor();
    await expect(row.locator('td[data-column="base"]').innerText()).resolves.toBe(
      before ?? '（空）',
    );
    await expect(row.locator('td[data-column="now"]').innerText()).resolves.toBe(
      before ?? '（空）',
    );
    await expect(row.locator('td[data-column="proposed"]').innerText()).resolves.toBe(proposed);
    await expect(reviewer.getByTestId('proposed-by').innerText()).resolves.toBe(EDITOR_NAME);
    await reviewer.getByTestId('would-be-failed').waitFor();
    const comment = '已核对原件';
    await reviewer.getByLabel('审核意见').fill(comment);
    if (UPDATE_SCREENSHOTS) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await reviewer.setViewportSize({ width: 1360, height: 1300 });
      await reviewer.screenshot({ path: path.join(SCREENSHOT_DIR, 'proposal-review.png') });
    }
    await reviewer.getByRole('button', { name: '批准 / approve' }).click();
    await reviewer.locator('.proposal-status[data-status="APPROVED"]').first().waitFor();
    await expect(reviewer.getByTestId('review').innerText()).resolves.toContain(comment);
    await expect(reviewer.locator('.proposal-notes').innerText()).resolves.toContain(comment);
    expect((await apiReport()).values.get(key)).toBe(proposed);

    // Back in the report: the approved value, no open-proposal mark, both people in the history.
    await reviewer.locator('.breadcrumbs a', { hasText: SEED_AGENCY }).click();
    await reviewer.locator(`td[data-key="${key}"][data-value="${proposed}"]`).waitFor();
    await expect(cell(reviewer, key).getAttribute('data-proposals')).resolves.toBeNull();
    await cell(reviewer, key).click();
    const entry = reviewer.getByRole('dialog').locator('.history-list li', { hasText: reason });
    await entry.waitFor();
    await expect(entry.innerText()).resolves.toContain(
      `提出人 ${EDITOR_NAME}，批准人 ${REVIEWER_NAME}`,
    );
    await reviewer.close();
  });

  it('given an open proposal, when a reviewer rejects it, then the report keeps its value and the cell is no longer marked', async () => {
    const key = 't2.penalty.decisions';
    const before = (await apiReport()).values.get(key) ?? null;
    const reviewer = await openReport(reviewerToken);
    await expect(cell(reviewer, key).getAttribute('data-proposals')).resolves.toBeNull();
    // Proposed while the reviewer's page is open: the mark arrives live (proposalChanged).
    const id = await proposeByApi(editorToken, key, await otherValue(key, 5), '第二条建议');
    await reviewer.locator(`td[data-key="${key}"][data-proposals="1"]`).waitFor({ timeout: 20000 });
    // The report lists its pending proposals; the reviewer opens this one from there.
    await reviewer.locator(`.report-proposals li[data-proposal-id="${id}"] a`).click();
    await reviewer.getByLabel('审核意见').fill('与原件不符');
    await reviewer.getByRole('button', { name: '驳回 / reject' }).click();
    await reviewer.locator('.proposal-status[data-status="REJECTED"]').first().waitFor();
    expect(await proposalStatus(id)).toBe('REJECTED');
    expect((await apiReport()).values.get(key)).toBe(before);

    await reviewer.goto(`${ledger.baseUrl}#/report/${encodeURIComponent(reportId)}`);
    await cell(reviewer, key).waitFor();
    await expect(cell(reviewer, key).getAttribute('data-value')).resolves.toBe(before ?? '');
    await expect(cell(reviewer, key).getAttribute('data-proposals')).resolves.toBeNull();
    await reviewer.close();
  });

  it('given an admin who may review, when they open their own proposal, then no approve / reject is offered, while a reviewer reaches both buttons by keyboard', async () => {
    const key = 't2.fees.amount';
    const id = await proposeByApi(adminToken, key, await otherValue(key, 7), '管理员的建议');

    const admin = await pageWithToken(adminToken, `#/proposal/${id}`);
    await admin.locator('.three-way').waitFor();
    await admin.getByText('这是您提出的建议').waitFor();
    await expect(admin.getByRole('button', { name: /批准|驳回/ }).count()).resolves.toBe(0);
    await admin.close();

    const reviewer = await pageWithToken(reviewerToken, `#/proposal/${id}`);
    await reviewer.getByLabel('审核意见').focus();
    await reviewer.keyboard.type('键盘审核');
    await reviewer.keyboard.press('Tab');
    await expect(reviewer.evaluate('document.activeElement.textContent')).resolves.toBe(
      '批准 / approve',
    );
    await reviewer.keyboard.press('Tab');
    await expect(reviewer.evaluate('document.activeElement.textContent')).resolves.toBe(
      '驳回 / reject',
    );
    await reviewer.keyboard.press('Enter');
    await reviewer.locator('.proposal-status[data-status="REJECTED"]').first().waitFor();
    expect(await proposalStatus(id)).toBe('REJECTED');
    await reviewer.close();
  });

  it('given a reviewer token, when a figure is opened, then no edit form is offered and the panel says the token reviews', async () => {
    const reviewer = await openReport(reviewerToken);
    await cell(reviewer, 't3.newReceived.total').click();
    const panel = reviewer.getByRole('dialog');
    await panel.locator('.may-not-edit').waitFor();
    await expect(panel.locator('.may-not-edit').innerText()).resolves.toContain('审核令牌');
    await expect(panel.locator('form.edit-form').count()).resolves.toBe(0);
    await reviewer.close();
    // An editor of the agency is still offered the form.
    const editor = await openReport(editorToken);
    await cell(editor, 't3.newReceived.total').click();
    await editor.getByRole('dialog').locator('form.edit-form').waitFor();
    await expect(editor.getByRole('dialog').locator('.may-not-edit').count()).resolves.toBe(0);
    await editor.close();
  });

  it("given a proposal whose cell another approved change reached first, when it is opened, then it is STALE with the current value in the three-way view, approval shows the server's refusal, and its author can rebase it", async () => {
    const key = 't2.licensing.decisions';
    const base = (await apiReport()).values.get(key) ?? null;
    const staleValue = await otherValue(key, 2);
    const staleId = await proposeByApi(editorToken, key, staleValue, '甲的更正');
    const winnerValue = await otherValue(key, 3);
    const winnerId = await proposeByApi(secondEditorToken, key, winnerValue, '乙的更正');
    await graphqlCall(
      ledger.graphqlUrl,
      REVIEW,
      { input: { proposalId: winnerId, decision: 'APPROVE', comment: '先批' } },
      reviewerToken,
    );
    expect(await proposalStatus(staleId)).toBe('STALE');

    const reviewer = await pageWithToken(reviewerToken, `#/proposal/${staleId}`);
    await reviewer.locator('.proposal-status[data-status="STALE"]').first().waitFor();
    await reviewer.locator('.stale-notice').waitFor();
    const row = reviewer.locator(`.three-way tr[data-key="${key}"]`);
    await expect(row.getAttribute('class')).resolves.toContain('three-way-stale');
    await expect(row.locator('td[data-column="base"]').innerText()).resolves.toBe(base ?? '（空）');
    await expect(row.locator('td[data-column="now"]').innerText()).resolves.toContain(winnerValue);
    await expect(row.locator('td[data-column="proposed"]').innerText()).resolves.toBe(staleValue);
    // Approving anyway: the server refuses (CONFLICT) and the page says so.
    await reviewer.getByRole('button', { name: '批准 / approve' }).click();
    await expect(reviewer.getByRole('alert').innerText()).resolves.toContain('批准失败');
    expect((await apiReport()).values.get(key)).toBe(winnerValue);
    await reviewer.close();

    // Its author rebases it onto the current revision: open again, with the current value as base.
    const author = await pageWithToken(editorToken, `#/proposal/${staleId}`);
    await author.getByRole('button', { name: /rebase/ }).click();
    await author.locator('.proposal-status[data-status="OPEN"]').first().waitFor();
    await expect(
      author.locator(`.three-way tr[data-key="${key}"] td[data-column="base"]`).innerText(),
    ).resolves.toBe(winnerValue);
    expect(await proposalStatus(staleId)).toBe('OPEN');
    await author.close();
  });
});
