// Proposals and review end to end over HTTP against the real database: propose -> (stale ->
// rebase) -> approve / reject, self-approval refused, REVIEW_REQUIRED, and the figure history
// naming proposer and approver.
import { createToken } from '../../src/auth/tokens';
import { wouldBeRules } from '../../src/application/proposals/wouldBeRules';
import { foldReportFromLog } from '../../src/projections/projectReport';
import { rebuildProjections } from '../../src/projections/rebuildProjections';
import type { ReportState } from '../../events/report/reportState';
import { startApiTestServer, type ApiTestServer } from '../api/apiTestServer';
import { readSeedReport } from '../api/corpus';

const seed = readSeedReport();
const describeWithSeed = seed ? describe : describe.skip;

const AGENCY = '平罗县审批服务管理局';
const KEY = 't3.newReceived.naturalPerson';
const OTHER = 't3.newReceived.commercial';

const PROPOSAL_FIELDS = `
  id status baseRevision reason revision applied agencyName year
  proposedBy { id name }
  changes { key base now proposed changedSinceBase }
  ruleImpact { id scope before after effect }
  rules { id status }
  notes { kind actor { name } text }
  review { reviewer { name } comment reportRevision appliedEventId }
  report { revision }`;

interface ProposalView {
  id: string;
  status: string;
  baseRevision: number;
  revision: number;
  applied: boolean;
  proposedBy: { id: string; name: string };
  changes: Array<{
    key: string;
    base: string | null;
    now: string | null;
    proposed: string | null;
    changedSinceBase: boolean;
  }>;
  ruleImpact: Array<{ id: string; scope: string; before: string; after: string; effect: string }>;
  rules: Array<{ id: string; status: string }>;
  notes: Array<{ kind: string; actor: { name: string }; text: string | null }>;
  review: {
    reviewer: { name: string };
    comment: string | null;
    reportRevision: number | null;
    appliedEventId: string | null;
  } | null;
  report: { revision: number };
}

const PROPOSE = `mutation($input: ProposeChangesInput!) {
  proposeChanges(input: $input) { proposal { ${PROPOSAL_FIELDS} } } }`;
const REVIEW = `mutation($input: ReviewProposalInput!) {
  reviewProposal(input: $input) { proposal { ${PROPOSAL_FIELDS} } } }`;
const REBASE = `mutation($input: RebaseProposalInput!) {
  rebaseProposal(input: $input) { proposal { ${PROPOSAL_FIELDS} } } }`;
const COMMENT = `mutation($input: CommentOnProposalInput!) {
  commentOnProposal(input: $input) { proposal { ${PROPOSAL_FIELDS} } } }`;
const PROPOSAL = `query($id: ID!) { proposal(id: $id) { ${PROPOSAL_FIELDS} } }`;
const SET_FIGURES = `mutation($input: SetFiguresInput!) { setFigures(input: $input) { revision } }`;
const POLICY = `mutation($input: SetAgencyReviewPolicyInput!) {
  setAgencyReviewPolicy(input: $input) { agencyId agencyName reviewRequired } }`;

describeWithSeed('proposals and review over HTTP (integration)', () => {
  let api: ApiTestServer;
  let editor: string;
  let secondEditor: string;
  let reviewer: string;
  let outsideReviewer: string;
  let admin: string;
  let reportId: string;

  const reviewerToken = async (agencies: string[], name: string) =>
    (await createToken(api.ledger.models.tokens, { name, role: 'reviewer', agencies })).token;

  const report = async (): Promise<ReportState> =>
    (await foldReportFromLog(api.ledger.projection, reportId)) as ReportState;

  const valueOf = (state: ReportState, key: string): string =>
    state.figures.find((figure) => figure.key === key)?.value ?? '0';

  const bumped = (value: string, by: number) => String(Number(value) + by);

  const propose = async (
    token: string,
    changes: Array<{ key: string; value: string | null }>,
    baseRevision?: number,
  ) => {
    const result = await api.gql<{ proposeChanges: { proposal: ProposalView } }>(
      PROPOSE,
      {
        input: {
          reportId,
          baseRevision: baseRevision ?? (await report()).revision,
          changes,
          reason: '核对原件后更正',
        },
      },
      token,
    );
    return result;
  };

  const review = (token: string, proposalId: string, decision: string, comment?: string) =>
    api.gql<{ reviewProposal: { proposal: ProposalView } }>(
      REVIEW,
      { input: { proposalId, decision, ...(comment ? { comment } : {}) } },
      token,
    );

  const read = async (id: string): Promise<ProposalView> =>
    (await api.gql<{ proposal: ProposalView }>(PROPOSAL, { id })).data!.proposal;

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'proposals' });
    editor = await api.token('editor', [AGENCY], '编辑甲');
    secondEditor = await api.token('editor', [AGENCY], '编辑乙');
    admin = await api.token('admin', [], '管理员');
    reviewer = await reviewerToken([AGENCY], '审核人丙');
    outsideReviewer = await reviewerToken(['另一个局'], '审核人丁');
    const imported = await api.gql<{ importReport: { report: { reportId: string } } }>(
      `mutation($input: ImportReportInput!) { importReport(input: $input) { report { reportId } } }`,
      { input: { document: seed, reason: '首次导入' } },
      editor,
    );
    expect(imported.errors).toBeUndefined();
    reportId = imported.data!.importReport.report.reportId;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('given a report, when an editor proposes a change, then the proposal holds the diff and the would-be rule results and the report is untouched', async () => {
    const before = await report();
    const proposed = bumped(valueOf(before, KEY), 7);
    const result = await propose(editor, [{ key: KEY, value: proposed }]);
    expect(result.errors).toBeUndefined();
    const proposal = result.data!.proposeChanges.proposal;
    expect(proposal).toMatchObject({
      status: 'OPEN',
      baseRevision: before.revision,
      proposedBy: { name: '编辑甲' },
      applied: false,
      changes: [
        {
          key: KEY,
          base: valueOf(before, KEY),
          now: valueOf(before, KEY),
          proposed,
          changedSinceBase: false,
        },
      ],
    });
    const expected = wouldBeRules(before, [{ key: KEY, proposed }]);
    expect(proposal.rules.map((rule) => `${rule.id}:${rule.status}`)).toEqual(
      expected.rules.map((rule) => `${rule.id}:${rule.status.toUpperCase()}`),
    );
    // Raising one cell of a row without its total breaks the row's sum: the impact says so.
    expect(proposal.ruleImpact.some((impact) => impact.effect === 'BREAKS')).toBe(true);
    expect(proposal.ruleImpact.map((impact) => `${impact.id}/${impact.scope}`)).toEqual(
      expected.impact.map((impact) => `${impact.id}/${impact.scope}`),
    );
    const after = await report();
    expect(after.revision).toBe(before.revision);
    expect(valueOf(after, KEY)).toBe(valueOf(before, KEY));
  });

  it('given a proposal, when its author or an editor or a reviewer of another agency reviews it, then it is FORBIDDEN', async () => {
    const base = await report();
    const ownByAdmin = await propose(admin, [
      { key: OTHER, value: bumped(valueOf(base, OTHER), 1) },
    ]);
    expect(ownByAdmin.errors).toBeUndefined();
    const id = ownByAdmin.data!.proposeChanges.proposal.id;
    const self = await review(admin, id, 'APPROVE');
    expect(self.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(self.errors?.[0].message).toMatch(/own proposal/);
    expect((await review(editor, id, 'APPROVE')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await review(outsideReviewer, id, 'APPROVE')).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    // A reviewer judges proposals; they do not edit directly.
    const direct = await api.gql(
      SET_FIGURES,
      {
        input: {
          reportId,
          expectedRevision: base.revision,
          changes: [{ key: OTHER, value: '1' }],
          reason: '直接修改',
        },
      },
      reviewer,
    );
    expect(direct.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await read(id)).status).toBe('OPEN');
    expect((await report()).revision).toBe(base.revision);
  });

  it('given an open proposal, when its cell is edited directly, then it is STALE three-way, cannot be approved, and after its author rebases it is approved with proposer and approver in the figure history', async () => {
    const base = await report();
    const proposed = bumped(valueOf(base, KEY), 11);
    const opened = (await propose(editor, [{ key: KEY, value: proposed }])).data!.proposeChanges
      .proposal;

    const direct = bumped(valueOf(base, KEY), 2);
    const edit = await api.gql<{ setFigures: { revision: number } }>(
      SET_FIGURES,
      {
        input: {
          reportId,
          expectedRevision: base.revision,
          changes: [{ key: KEY, value: direct }],
          reason: '直接更正',
        },
      },
      secondEditor,
    );
    expect(edit.errors).toBeUndefined();

    const stale = await read(opened.id);
    expect(stale.status).toBe('STALE');
    expect(stale.changes).toEqual([
      { key: KEY, base: valueOf(base, KEY), now: direct, proposed, changedSinceBase: true },
    ]);
    const refused = await review(reviewer, opened.id, 'APPROVE');
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(valueOf(await report(), KEY)).toBe(direct);

    const notAuthor = await api.gql(REBASE, { input: { proposalId: opened.id } }, secondEditor);
    expect(notAuthor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const rebased = await api.gql<{ rebaseProposal: { proposal: ProposalView } }>(
      REBASE,
      { input: { proposalId: opened.id, reason: '基于最新数字' } },
      editor,
    );
    expect(rebased.errors).toBeUndefined();
    const now = await report();
    expect(rebased.data!.rebaseProposal.proposal).toMatchObject({
      status: 'OPEN',
      baseRevision: now.revision,
      changes: [{ key: KEY, base: direct, now: direct, proposed, changedSinceBase: false }],
    });

    const approved = await review(reviewer, opened.id, 'APPROVE', '已核对');
    expect(approved.errors).toBeUndefined();
    const proposal = approved.data!.reviewProposal.proposal;
    expect(proposal).toMatchObject({
      status: 'APPROVED',
      applied: true,
      review: { reviewer: { name: '审核人丙' }, comment: '已核对', reportRevision: now.revision },
    });
    const after = await report();
    expect(after.revision).toBe(now.revision + 1);
    expect(valueOf(after, KEY)).toBe(proposed);

    const history = await api.gql<{
      reportById: {
        figure: {
          history: {
            edges: Array<{
              node: {
                eventId: string;
                actor: { name: string };
                reason: string;
                to: string;
                review: {
                  proposalId: string;
                  proposedBy: { name: string };
                  approvedBy: { name: string };
                } | null;
              };
            }>;
          };
        };
      };
    }>(
      `query($id: ID!) { reportById(id: $id) { figure(key: "${KEY}") { history(first: 5) { edges { node {
        eventId actor { name } reason to review { proposalId proposedBy { name } approvedBy { name } } } } } } } }`,
      { id: reportId },
    );
    expect(history.errors).toBeUndefined();
    const [latest, previous] = history.data!.reportById.figure.history.edges.map(
      (edge) => edge.node,
    );
    expect(latest).toEqual({
      eventId: proposal.review!.appliedEventId,
      actor: { name: '审核人丙' },
      reason: '核对原件后更正',
      to: proposed,
      review: {
        proposalId: opened.id,
        proposedBy: { name: '编辑甲' },
        approvedBy: { name: '审核人丙' },
      },
    });
    expect(previous).toMatchObject({ actor: { name: '编辑乙' }, review: null });

    // Approved once: a second review changes nothing.
    expect((await review(secondEditor, opened.id, 'REJECT')).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const again = await review(reviewer, opened.id, 'APPROVE');
    expect(again.errors).toBeUndefined();
    expect((await report()).revision).toBe(after.revision);
  });

  it('given an open proposal, when a reviewer comments and rejects it, then it is REJECTED and the report is unchanged', async () => {
    const base = await report();
    const opened = (await propose(editor, [{ key: OTHER, value: bumped(valueOf(base, OTHER), 3) }]))
      .data!.proposeChanges.proposal;
    const commented = await api.gql<{ commentOnProposal: { proposal: ProposalView } }>(
      COMMENT,
      { input: { proposalId: opened.id, text: '请附原件扫描' } },
      reviewer,
    );
    expect(commented.errors).toBeUndefined();
    const rejected = await review(reviewer, opened.id, 'REJECT', '原件与表格一致');
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.reviewProposal.proposal).toMatchObject({
      status: 'REJECTED',
      applied: false,
      notes: [
        { kind: 'COMMENT', actor: { name: '审核人丙' }, text: '请附原件扫描' },
        { kind: 'REJECT', actor: { name: '审核人丙' }, text: '原件与表格一致' },
      ],
    });
    expect((await report()).revision).toBe(base.revision);
    const list = await api.gql<{
      proposals: { edges: Array<{ node: { id: string; status: string } }> };
    }>(
      `query($filter: ProposalFilter) { proposals(filter: $filter) { edges { node { id status } } } }`,
      { filter: { reportId, status: 'REJECTED', agency: AGENCY } },
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.proposals.edges.map((edge) => edge.node)).toEqual([
      { id: opened.id, status: 'REJECTED' },
    ]);
  });

  it('given an agency that requires review, when an editor sets figures, then REVIEW_REQUIRED points to proposeChanges, and a proposal is still approved', async () => {
    const notAdmin = await api.gql(
      POLICY,
      { input: { agency: AGENCY, reviewRequired: true, reason: '四眼原则' } },
      editor,
    );
    expect(notAdmin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const policy = await api.gql<{ setAgencyReviewPolicy: { reviewRequired: boolean } }>(
      POLICY,
      { input: { agency: AGENCY, reviewRequired: true, reason: '四眼原则' } },
      admin,
    );
    expect(policy.errors).toBeUndefined();
    expect(policy.data!.setAgencyReviewPolicy.reviewRequired).toBe(true);

    const base = await report();
    const value = bumped(valueOf(base, OTHER), 5);
    const refused = await api.gql(
      SET_FIGURES,
      {
        input: {
          reportId,
          expectedRevision: base.revision,
          changes: [{ key: OTHER, value }],
          reason: '直接修改',
        },
      },
      editor,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'REVIEW_REQUIRED',
      proposeWith: 'proposeChanges',
    });
    expect(typeof refused.errors?.[0].extensions?.messageZh).toBe('string');
    expect((await report()).revision).toBe(base.revision);

    const opened = (await propose(editor, [{ key: OTHER, value }])).data!.proposeChanges.proposal;
    const approved = await review(reviewer, opened.id, 'APPROVE');
    expect(approved.errors).toBeUndefined();
    expect(valueOf(await report(), OTHER)).toBe(value);

    const open = await api.gql<{ proposals: { edges: Array<{ node: { status: string } }> } }>(
      `query($filter: ProposalFilter) { proposals(filter: $filter) { edges { node { status } } } }`,
      { filter: { reportId, status: 'OPEN' } },
    );
    expect(open.errors).toBeUndefined();
    expect(open.data!.proposals.edges.every((edge) => edge.node.status === 'OPEN')).toBe(true);
  });

  it('given proposals in the log, when the read models are rebuilt, then the proposals read model equals what the commands projected', async () => {
    const byId = async () =>
      (await api.ledger.models.proposals.find({}).sort({ _id: 1 }).lean().exec()).map(
        (document) => JSON.parse(JSON.stringify(document)) as unknown,
      );
    const projected = await byId();
    expect(projected.length).toBeGreaterThan(0);
    await rebuildProjections(api.ledger.projection);
    expect(await byId()).toEqual(projected);
  });
});
