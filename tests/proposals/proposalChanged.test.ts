// proposalChanged over WebSocket: proposals of one report as they are opened, commented and
// reviewed, and nothing of another report's.
import { createToken } from '../../src/auth/tokens';
import { activeProposalSubscriptions } from '../../src/application/proposals/proposalFeed';
import { startApiTestServer, type ApiTestServer } from '../api/apiTestServer';
import { eventually, liveClient, seedReport, subscribe } from '../subscriptions/support/liveClient';

const AGENCY = '示例县修改建议订阅测试局';
const OTHER = '示例县另一修改建议测试局';
const KEY = 't2.penalty.decisions';

const PROPOSAL_CHANGED = `subscription($reportId: ID) {
  proposalChanged(reportId: $reportId) { id status revision notes { kind text } }
}`;
const PROPOSE = `mutation($input: ProposeChangesInput!) { proposeChanges(input: $input) { proposal { id } } }`;

let api: ApiTestServer;

beforeAll(async () => {
  api = await startApiTestServer({ label: 'proposal_feed' });
});

afterAll(async () => {
  await api?.close();
});

describe('proposalChanged subscription (integration)', () => {
  it('given a subscription to one report, when its proposal is opened, commented and rejected, then each change arrives in order and another report’s proposal does not', async () => {
    const mine = await seedReport(api.ledger, AGENCY, 2024, 3);
    const other = await seedReport(api.ledger, OTHER, 2024, 4);
    const editor = await api.token('editor', [AGENCY, OTHER], '编辑');
    const { token: reviewer } = await createToken(api.ledger.models.tokens, {
      name: '审核人',
      role: 'reviewer',
      agencies: [AGENCY],
    });
    const client = liveClient(api.url);
    const before = activeProposalSubscriptions(api.ledger.projection);
    const feed = subscribe(client, PROPOSAL_CHANGED, { reportId: mine.reportId });
    await eventually(
      () => activeProposalSubscriptions(api.ledger.projection) === before + 1,
      'the subscription follows the log',
    );

    const propose = async (reportId: string, revision: number) => {
      const result = await api.gql<{ proposeChanges: { proposal: { id: string } } }>(
        PROPOSE,
        {
          input: {
            reportId,
            baseRevision: revision,
            changes: [{ key: KEY, value: '4321' }],
            reason: '更正',
          },
        },
        editor,
      );
      expect(result.errors).toBeUndefined();
      return result.data!.proposeChanges.proposal.id;
    };
    await propose(other.reportId, other.revision);
    const id = await propose(mine.reportId, mine.revision);
    const commented = await api.gql(
      `mutation($input: CommentOnProposalInput!) { commentOnProposal(input: $input) { proposal { id } } }`,
      { input: { proposalId: id, text: '请核对' } },
      reviewer,
    );
    expect(commented.errors).toBeUndefined();
    const rejected = await api.gql(
      `mutation($input: ReviewProposalInput!) { reviewProposal(input: $input) { proposal { id } } }`,
      { input: { proposalId: id, decision: 'REJECT', comment: '数字无误' } },
      reviewer,
    );
    expect(rejected.errors).toBeUndefined();

    await eventually(
      () =>
        feed.received.some(
          (message) =>
            (message.data as { proposalChanged?: { status: string } } | null)?.proposalChanged
              ?.status === 'REJECTED',
        ),
      'the rejection arrives',
    );
    const messages = feed.received.map(
      (message) =>
        (message.data as { proposalChanged: { id: string; status: string; revision: number } })
          .proposalChanged,
    );
    // One notice per change of the stream (a poll may see several changes of one proposal at
    // once and send its latest state once, so revisions only grow and end with the rejection).
    expect(messages.every((message) => message.id === id)).toBe(true);
    const revisions = messages.map((message) => message.revision);
    expect([...revisions].sort((a, b) => a - b)).toEqual(revisions);
    expect(messages[messages.length - 1]).toMatchObject({ status: 'REJECTED', revision: 2 });
    await feed.dispose();
    await eventually(
      () => activeProposalSubscriptions(api.ledger.projection) === before,
      'the subscription stops following the log',
    );
  });
});
