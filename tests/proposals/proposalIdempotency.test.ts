// Proposal mutations take Relay's clientMutationId like every other mutation: the same request
// sent again (a retry after a lost answer, or twice at once) is stored once and answers the same
// payload with replayed: true; the same id with another input is BAD_USER_INPUT.
import { proposalStreamId } from '../../events/proposal/proposalIds';
import { reportStreamId } from '../../events/report/ids';
import { startApiTestServer, type ApiTestServer } from '../api/apiTestServer';
import { readSeedReport } from '../api/corpus';

const seed = readSeedReport();
const describeWithSeed = seed ? describe : describe.skip;

const AGENCY = '平罗县审批服务管理局';
const KEY = 't3.newReceived.naturalPerson';
const OTHER = 't3.newReceived.commercial';

const FIELDS = `replayed clientMutationId proposal {
  id status baseRevision revision applied changes { key base proposed }
  notes { kind actor { name } text } review { reviewer { name } reportRevision appliedEventId } }`;

interface Payload {
  replayed: boolean;
  clientMutationId: string | null;
  proposal: { id: string; status: string; revision: number; [field: string]: unknown };
}

const mutation = (name: string, input: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${FIELDS} } }`;
const PROPOSE = mutation('proposeChanges', 'ProposeChangesInput');
const REVIEW = mutation('reviewProposal', 'ReviewProposalInput');
const COMMENT = mutation('commentOnProposal', 'CommentOnProposalInput');
const REBASE = mutation('rebaseProposal', 'RebaseProposalInput');

describeWithSeed('clientMutationId on proposal mutations (integration)', () => {
  let api: ApiTestServer;
  let editor: string;
  let secondEditor: string;
  let reviewer: string;
  let reportId: string;
  let uuid: string;

  const send = async (query: string, name: string, input: object, token: string) => {
    const result = await api.gql<Record<string, Payload>>(query, { input }, token);
    return { result, payload: result.data?.[name] ?? null };
  };

  const twice = async (query: string, name: string, input: object, token: string) => {
    const first = await send(query, name, input, token);
    expect(first.result.errors).toBeUndefined();
    const second = await send(query, name, input, token);
    expect(second.result.errors).toBeUndefined();
    return [first.payload!, second.payload!] as const;
  };

  const streamTypes = async (proposalId: string): Promise<string[]> =>
    (await api.ledger.store.readStream(proposalStreamId(proposalId))).map((event) => event.type);

  const revision = async (): Promise<number> =>
    (await api.ledger.store.readStream(reportStreamId(uuid))).length - 1;

  const propose = (clientMutationId: string, value: string, key = KEY) =>
    ({
      reportId,
      baseRevision: 0,
      changes: [{ key, value }],
      reason: '核对原件',
      clientMutationId,
    }) as const;

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'proposal-idempotency' });
    editor = await api.token('editor', [AGENCY], '编辑甲');
    secondEditor = await api.token('editor', [AGENCY], '编辑乙');
    reviewer = await api.token('reviewer', [AGENCY], '审核丙');
    const imported = await api.gql<{ importReport: { report: { id: string; reportId: string } } }>(
      `mutation($input: ImportReportInput!) { importReport(input: $input) { report { id reportId } } }`,
      { input: { document: seed, reason: '首次导入' } },
      editor,
    );
    expect(imported.errors).toBeUndefined();
    reportId = imported.data!.importReport.report.id;
    uuid = imported.data!.importReport.report.reportId;
  });

  afterAll(async () => {
    await api?.close();
  });

  it('given the same clientMutationId twice, when proposeChanges is sent, then one proposal is opened and both answers are the same', async () => {
    const [first, second] = await twice(PROPOSE, 'proposeChanges', propose('p-1', '129'), editor);
    expect(first).toMatchObject({ replayed: false, clientMutationId: 'p-1' });
    expect(second).toEqual({ ...first, replayed: true });
    expect(await streamTypes(first.proposal.id)).toEqual(['ProposalOpened']);
    expect(await api.ledger.models.proposals.countDocuments({ reportId: uuid })).toBe(1);
  });

  it('given the same proposeChanges sent twice at once, when both arrive, then one proposal is opened', async () => {
    const input = propose('p-2', '77', OTHER);
    const results = await Promise.all([
      send(PROPOSE, 'proposeChanges', input, secondEditor),
      send(PROPOSE, 'proposeChanges', input, secondEditor),
    ]);
    for (const { result } of results) expect(result.errors).toBeUndefined();
    const ids = new Set(results.map(({ payload }) => payload!.proposal.id));
    expect(ids.size).toBe(1);
    expect(results.map(({ payload }) => payload!.replayed).sort()).toEqual([false, true]);
    expect(await streamTypes([...ids][0])).toEqual(['ProposalOpened']);
  });

  it('given the same clientMutationId twice, when a comment and a rebase are sent, then each is stored once', async () => {
    const { payload } = await send(PROPOSE, 'proposeChanges', propose('p-3', '130'), editor);
    const proposalId = payload!.proposal.id;
    const [commented, again] = await twice(
      COMMENT,
      'commentOnProposal',
      { proposalId, text: '请核对', clientMutationId: 'c-1' },
      reviewer,
    );
    expect(again).toEqual({ ...commented, replayed: true });
    const [rebased, rebasedAgain] = await twice(
      REBASE,
      'rebaseProposal',
      { proposalId, changes: [{ key: KEY, value: '131' }], clientMutationId: 'r-1' },
      editor,
    );
    expect(rebasedAgain).toEqual({ ...rebased, replayed: true });
    expect(await streamTypes(proposalId)).toEqual([
      'ProposalOpened',
      'ProposalCommented',
      'ProposalRebased',
    ]);
  });

  it('given the same clientMutationId twice, when a reviewer approves, then one review event, one report edit and the same payload', async () => {
    const { payload } = await send(PROPOSE, 'proposeChanges', propose('p-4', '140'), editor);
    const proposalId = payload!.proposal.id;
    const before = await revision();
    const [approved, again] = await twice(
      REVIEW,
      'reviewProposal',
      { proposalId, decision: 'APPROVE', comment: '已核对', clientMutationId: 'v-1' },
      reviewer,
    );
    expect(approved.proposal).toMatchObject({ status: 'APPROVED', applied: true });
    expect(again).toEqual({ ...approved, replayed: true });
    expect(
      (await streamTypes(proposalId)).filter((type) => type === 'ProposalApproved'),
    ).toHaveLength(1);
    expect(await revision()).toBe(before + 1);
  });

  it('given a clientMutationId used for one comment, when it is sent with another text, then BAD_USER_INPUT names clientMutationId and nothing is written', async () => {
    const { payload } = await send(PROPOSE, 'proposeChanges', propose('p-5', '150', OTHER), editor);
    const proposalId = payload!.proposal.id;
    const first = await send(
      COMMENT,
      'commentOnProposal',
      { proposalId, text: '第一条', clientMutationId: 'c-2' },
      editor,
    );
    expect(first.result.errors).toBeUndefined();
    const reused = await send(
      COMMENT,
      'commentOnProposal',
      { proposalId, text: '另一条', clientMutationId: 'c-2' },
      editor,
    );
    expect(reused.result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'clientMutationId',
    });
    expect(await streamTypes(proposalId)).toEqual(['ProposalOpened', 'ProposalCommented']);
  });
});
