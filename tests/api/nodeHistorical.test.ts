// node(id) answers every id the API hands out, past revisions included: the id of a Report or
// Figure read with atRevision (`<report>@<revision>`) gives that object at that revision, with
// the same id (Relay refetching). An id naming a revision the report does not have is
// BAD_USER_INPUT naming `id`, as atRevision out of range is.
import { startApiTestServer, type ApiTestServer } from './apiTestServer';
import { readSeedReport } from './corpus';

const seed = readSeedReport();
const describeWithSeed = seed ? describe : describe.skip;

const AGENCY = '平罗县审批服务管理局';
const KEY = 't3.granted.naturalPerson';

const NODE = `query Node($id: ID!) { node(id: $id) {
  __typename id
  ... on Report { revision historical figure(key: "${KEY}") { id value } }
  ... on Figure { key value revision } } }`;

interface NodeView {
  node: {
    __typename: string;
    id: string;
    revision?: number;
    historical?: boolean;
    figure?: { id: string; value: string | null };
    key?: string;
    value?: string | null;
  } | null;
}

interface View {
  reportById: {
    id: string;
    reportId: string;
    revision: number;
    figure: { id: string; value: string | null };
  };
}

describeWithSeed('node(id) of past revisions over HTTP (integration)', () => {
  let api: ApiTestServer;
  let reportId: string;
  let importedValue: string | null;

  const view = async (atRevision: number | null): Promise<View['reportById']> => {
    const result = await api.gql<View>(
      `query($id: ID!, $at: Int) { reportById(id: $id, atRevision: $at) {
        id reportId revision figure(key: "${KEY}") { id value } } }`,
      { id: reportId, at: atRevision },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.reportById;
  };

  const node = async (id: string) => api.gql<NodeView>(NODE, { id });

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'node-historical' });
    const editor = await api.token('editor', [AGENCY], '编辑甲');
    reportId = await api.importDocument(seed!, editor);
    importedValue = (await view(null)).figure.value;
    await api.setFigures(
      { reportId, expectedRevision: 0, changes: [{ key: KEY, value: '4321' }], reason: '改' },
      editor,
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  it('given the id of revision 0 of a report now at revision 1, when node is asked for it, then it answers revision 0 with that id', async () => {
    const past = await view(0);
    expect(past.figure.value).toBe(importedValue);
    const result = await node(past.id);
    expect(result.errors).toBeUndefined();
    expect(result.data!.node).toEqual({
      __typename: 'Report',
      id: past.id,
      revision: 0,
      historical: true,
      figure: { id: past.figure.id, value: importedValue },
    });
  });

  it('given the id of a figure of revision 0, when node is asked for it, then it answers the figure as it was, with that id', async () => {
    const past = await view(0);
    const result = await node(past.figure.id);
    expect(result.errors).toBeUndefined();
    expect(result.data!.node).toMatchObject({
      __typename: 'Figure',
      id: past.figure.id,
      key: KEY,
      value: importedValue,
    });
  });

  it('given the current ids, when node is asked for them, then it answers the current report and figure', async () => {
    const current = await view(null);
    const report = await node(current.id);
    expect(report.data!.node).toMatchObject({ id: current.id, revision: 1, historical: false });
    const figure = await node(current.figure.id);
    expect(figure.data!.node).toMatchObject({ id: current.figure.id, value: '4321' });
  });

  it('given the id of revision 0, when reportById is asked for it, then it answers revision 0 with that id; with another atRevision too, BAD_USER_INPUT names id', async () => {
    const past = await view(0);
    const asked = await api.gql<View>(
      `query($id: ID!) { reportById(id: $id) { id reportId revision figure(key: "${KEY}") { id value } } }`,
      { id: past.id },
    );
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.reportById).toEqual(past);
    const both = await api.gql<View>(
      `query($id: ID!) { reportById(id: $id, atRevision: 1) { id } }`,
      {
        id: past.id,
      },
    );
    expect(both.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  it('given an id naming a revision the report does not have, when node is asked for it, then BAD_USER_INPUT names id', async () => {
    const { reportId: uuid } = await view(null);
    const ids = [`Report:${uuid}@99`, `Figure:${uuid}@99:${KEY}`].map((text) =>
      Buffer.from(text, 'utf8').toString('base64url'),
    );
    for (const id of ids) {
      const result = await node(id);
      expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
      expect(result.errors?.[0].message).toContain('revision 99');
    }
  });
});
