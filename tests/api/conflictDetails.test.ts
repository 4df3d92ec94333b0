// A CONFLICT carries its facts in `extensions`, not only in the message: for each figure changed
// since the revision the caller saw, its key, current value and marker, who changed it, when and
// at which revision; and the report's revision now. Approving a STALE proposal answers the same.
import { startApiTestServer, type ApiTestServer } from './apiTestServer';
import { readSeedReport } from './corpus';

const seed = readSeedReport();
const describeWithSeed = seed ? describe : describe.skip;

const AGENCY = '平罗县审批服务管理局';
const KEY = 't3.granted.total';
const MARKED = 't3.granted.commercial';
const PROPOSED = 't3.newReceived.naturalPerson';

const SET_FIGURES = `mutation Set($input: SetFiguresInput!) {
  setFigures(input: $input) { revision changes { key recordedAt actor { id name } } } }`;

interface SetResult {
  setFigures: {
    revision: number;
    changes: Array<{ key: string; recordedAt: string; actor: { id: string; name: string } }>;
  };
}

describeWithSeed('CONFLICT details in extensions over HTTP (integration)', () => {
  let api: ApiTestServer;
  let alice: string;
  let bob: string;
  let reviewer: string;
  let reportId: string;

  const set = (
    token: string,
    expectedRevision: number,
    changes: Array<{ key: string; value: string | null; marker?: string }>,
  ) =>
    api.gql<SetResult>(
      SET_FIGURES,
      { input: { reportId, expectedRevision, changes, reason: '并发修改' } },
      token,
    );

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'conflict-details' });
    alice = await api.token('editor', [AGENCY], '编辑甲');
    bob = await api.token('editor', [AGENCY], '编辑乙');
    reviewer = await api.token('reviewer', [AGENCY], '审核丙');
    reportId = await api.importDocument(seed!, alice);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('given a figure another editor changed after the revision seen, when it is set, then extensions.conflicts names its key, value, marker, author, time and revision', async () => {
    const first = await set(alice, 0, [{ key: KEY, value: '301' }]);
    expect(first.errors).toBeUndefined();
    const change = first.data!.setFigures.changes[0];
    const second = await set(bob, 0, [{ key: KEY, value: '302' }]);
    const error = second.errors![0];
    expect(error.extensions).toMatchObject({
      code: 'CONFLICT',
      currentRevision: first.data!.setFigures.revision,
      expectedRevision: 0,
      conflicts: [
        {
          key: KEY,
          currentValue: '301',
          currentMarker: null,
          changedAt: change.recordedAt,
          changedBy: { id: change.actor.id, name: '编辑甲' },
          revision: first.data!.setFigures.revision,
        },
      ],
    });
    expect(error.message).toContain(`${KEY} (now "301", changed by 编辑甲`);
  });

  it('given a cell set to a marker since, when it is set, then the conflict gives the marker and no value', async () => {
    const marked = await set(alice, 1, [{ key: MARKED, value: null, marker: '/' }]);
    expect(marked.errors).toBeUndefined();
    const result = await set(bob, 1, [{ key: MARKED, value: '7' }]);
    const conflicts = result.errors?.[0].extensions?.conflicts as Array<Record<string, unknown>>;
    expect(conflicts).toEqual([
      expect.objectContaining({
        key: MARKED,
        currentValue: null,
        currentMarker: '/',
        revision: marked.data!.setFigures.revision,
      }),
    ]);
  });

  it('given a proposal whose cell was changed after its base, when a reviewer approves it, then the CONFLICT names that cell, its value and who changed it', async () => {
    const head = await api.gql<{ reportById: { revision: number } }>(
      `query($id: ID!) { reportById(id: $id) { revision } }`,
      { id: reportId },
    );
    const base = head.data!.reportById.revision;
    const proposed = await api.gql<{ proposeChanges: { proposal: { id: string } } }>(
      `mutation($input: ProposeChangesInput!) { proposeChanges(input: $input) { proposal { id } } }`,
      {
        input: {
          reportId,
          baseRevision: base,
          changes: [{ key: PROPOSED, value: '129' }],
          reason: '建议',
        },
      },
      alice,
    );
    expect(proposed.errors).toBeUndefined();
    const edited = await set(bob, base, [{ key: PROPOSED, value: '124' }]);
    expect(edited.errors).toBeUndefined();
    const approved = await api.gql(
      `mutation($input: ReviewProposalInput!) { reviewProposal(input: $input) { proposal { id } } }`,
      { input: { proposalId: proposed.data!.proposeChanges.proposal.id, decision: 'APPROVE' } },
      reviewer,
    );
    expect(approved.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      currentRevision: edited.data!.setFigures.revision,
      expectedRevision: base,
      conflicts: [
        {
          key: PROPOSED,
          currentValue: '124',
          changedBy: { name: '编辑乙' },
          revision: edited.data!.setFigures.revision,
        },
      ],
    });
  });

  it('given a publication based on an old revision, when it is sent, then the CONFLICT has the revisions and an empty conflicts list', async () => {
    const result = await api.gql(
      `mutation($input: PublicationInput!) { publishReport(input: $input) { revision } }`,
      { input: { reportId, expectedRevision: 0, reason: '发布' } },
      alice,
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      expectedRevision: 0,
      conflicts: [],
    });
    expect(typeof result.errors?.[0].extensions?.currentRevision).toBe('number');
  });
});
