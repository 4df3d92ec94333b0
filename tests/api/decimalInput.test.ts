// Decimals arrive as strings. A JSON number (in variables) or a number literal (in the query) for
// any Decimal input is BAD_USER_INPUT naming the field and saying to send a string: the fee,
// which a binary float would corrupt, and counts alike (one rule for every key). Nothing is
// written.
import { startApiTestServer, type ApiTestServer } from './apiTestServer';
import { readSeedReport } from './corpus';

const seed = readSeedReport();
const describeWithSeed = seed ? describe : describe.skip;

const AGENCY = '平罗县审批服务管理局';
const FEE = 't2.fees.amount';
const COUNT = 't3.granted.naturalPerson';

const SET_FIGURES = `mutation Set($input: SetFiguresInput!) {
  setFigures(input: $input) { revision changes { key to } } }`;
const PROPOSE = `mutation Propose($input: ProposeChangesInput!) {
  proposeChanges(input: $input) { proposal { id } } }`;

describeWithSeed('Decimal input over HTTP (integration)', () => {
  let api: ApiTestServer;
  let editor: string;
  let reportId: string;

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'decimal-input' });
    editor = await api.token('editor', [AGENCY], '编辑甲');
    reportId = await api.importDocument(seed!, editor);
  });

  afterAll(async () => {
    await api?.close();
  });

  const setFigures = (value: unknown, key = FEE) =>
    api.gql(
      SET_FIGURES,
      { input: { reportId, expectedRevision: 0, changes: [{ key, value }], reason: '改' } },
      editor,
    );

  const expectRefusedAsNumber = async (
    send: () => ReturnType<ApiTestServer['gql']>,
    field: string,
  ): Promise<void> => {
    const before = await api.ledger.store.headPosition();
    const result = await send();
    expect(result.status).toBe(400);
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(error.message).toContain(field);
    expect(error.message).toContain('string');
    expect(result.data ?? null).toBeNull();
    expect(await api.ledger.store.headPosition()).toBe(before);
  };

  it('given the fee as a JSON number, when setFigures is sent, then BAD_USER_INPUT names changes[0].value, says to send a string, and nothing is written', async () => {
    await expectRefusedAsNumber(() => setFigures(0.1 + 0.2), 'input.changes[0].value');
    await expectRefusedAsNumber(() => setFigures(28.4885), 'input.changes[0].value');
  });

  it('given a count as a JSON integer, when setFigures is sent, then it is refused the same way as the fee (one rule for every Decimal)', async () => {
    await expectRefusedAsNumber(() => setFigures(12, COUNT), 'input.changes[0].value');
  });

  it('given a number literal for the fee in the query text, when setFigures runs, then BAD_USER_INPUT names the field and the literal, and nothing is written', async () => {
    const literal = (value: string) => () =>
      api.gql(
        `mutation { setFigures(input: { reportId: "${reportId}", expectedRevision: 0, reason: "改",
          changes: [{ key: "${COUNT}", value: "3" }, { key: "${FEE}", value: ${value} }] }) { revision } }`,
        {},
        editor,
      );
    await expectRefusedAsNumber(literal('28.4885'), 'input.changes[1].value');
    await expectRefusedAsNumber(literal('12'), 'input.changes[1].value');
    const refused = await literal('28.4885')();
    expect(refused.errors![0].message).toContain('"28.4885"');
  });

  it('given a number in a proposal, when proposeChanges is sent, then it is refused like setFigures and no proposal is opened', async () => {
    await expectRefusedAsNumber(
      () =>
        api.gql(
          PROPOSE,
          {
            input: {
              reportId,
              baseRevision: 0,
              changes: [{ key: FEE, value: 28.4885 }],
              reason: '建议',
            },
          },
          editor,
        ),
      'input.changes[0].value',
    );
    expect(await api.ledger.models.proposals.countDocuments({})).toBe(0);
  });

  it('given the same decimals as strings, when setFigures is sent, then they are stored exactly', async () => {
    const result = await api.gql<{ setFigures: { changes: Array<{ key: string; to: string }> } }>(
      SET_FIGURES,
      {
        input: {
          reportId,
          expectedRevision: 0,
          changes: [
            { key: FEE, value: '28.4885' },
            { key: COUNT, value: '12' },
          ],
          reason: '改',
        },
      },
      editor,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.setFigures.changes).toEqual(
      expect.arrayContaining([
        { key: FEE, to: '28.4885' },
        { key: COUNT, to: '12' },
      ]),
    );
  });
});
