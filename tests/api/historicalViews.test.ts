// Past revisions over HTTP: a revision the report does not have is BAD_USER_INPUT (as diff
// does), and a past revision has ids of its own, so @apollo/client's normalised InMemoryCache
// keeps the current report and its figures when a past revision is read after it.
import { InMemoryCache, gql } from '@apollo/client';
import { startApiTestServer, type ApiTestServer } from './apiTestServer';
import { readSeedReport } from './corpus';

const seed = readSeedReport();
const describeWithSeed = seed ? describe : describe.skip;

const AGENCY = '平罗县审批服务管理局';
const KEY = 't3.granted.naturalPerson';

const VIEW = gql`
  query View($id: ID!, $at: Int) {
    reportById(id: $id, atRevision: $at) {
      id
      revision
      historical
      figure(key: "${KEY}") {
        id
        key
        value
      }
    }
  }
`;

interface View {
  reportById: {
    __typename: 'Report';
    id: string;
    revision: number;
    historical: boolean;
    figure: { __typename: 'Figure'; id: string; key: string; value: string | null };
  };
}

describeWithSeed('past revisions over HTTP (integration)', () => {
  let api: ApiTestServer;
  let editor: string;
  let reportId: string;

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'historical-views' });
    editor = await api.token('editor', [AGENCY], '编辑甲');
    reportId = await api.importDocument(seed!, editor);
    await api.setFigures(
      { reportId, expectedRevision: 0, changes: [{ key: KEY, value: '4321' }], reason: '改' },
      editor,
    );
  });

  afterAll(async () => {
    await api?.close();
  });

  const view = async (at: number | null): Promise<View> => {
    const result = await api.gql<View>(
      VIEW.loc!.source.body.replace(/\n\s*/g, ' ').replace(/\{ /g, '{ __typename '),
      { id: reportId, at },
    );
    expect(result.errors).toBeUndefined();
    return result.data!;
  };

  it('given a report at revision 1, when it is read at revision 99, then BAD_USER_INPUT names atRevision', async () => {
    const result = await api.gql(
      `query($id: ID!) { reportById(id: $id, atRevision: 99) { revision } }`,
      { id: reportId },
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'atRevision',
    });
    expect(result.errors?.[0].message).toContain('between 0 and 1');
    const byName = await api.gql(
      `query { report(agency: "${AGENCY}", year: 2024, atRevision: 2) { revision } }`,
    );
    expect(byName.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('given the current report in an Apollo InMemoryCache, when revision 0 is read too, then the cached current report and figure are unchanged', async () => {
    const cache = new InMemoryCache();
    const current = await view(null);
    const past = await view(0);
    expect(current.reportById).toMatchObject({ revision: 1, historical: false });
    expect(past.reportById).toMatchObject({ revision: 0, historical: true });
    expect(past.reportById.id).not.toBe(current.reportById.id);
    expect(past.reportById.figure.id).not.toBe(current.reportById.figure.id);
    expect(past.reportById.figure.value).not.toBe('4321');

    cache.writeQuery({ query: VIEW, variables: { id: reportId, at: null }, data: current });
    cache.writeQuery({ query: VIEW, variables: { id: reportId, at: 0 }, data: past });
    const again = cache.readQuery<View>({ query: VIEW, variables: { id: reportId, at: null } });
    expect(again?.reportById).toMatchObject({
      revision: 1,
      historical: false,
      figure: { value: '4321' },
    });
    const before = cache.readQuery<View>({ query: VIEW, variables: { id: reportId, at: 0 } });
    expect(before?.reportById.revision).toBe(0);
  });

  it('given an edit, when a backwards diff is read, then each entry is a FigureDifference with the two values and revisions, and no actor, event or kind', async () => {
    const result = await api.gql<{
      reportById: { diff: Array<Record<string, unknown>> };
    }>(
      `query($id: ID!) { reportById(id: $id) { diff(fromRevision: 1, toRevision: 0) { __typename key from to fromRevision toRevision } } }`,
      { id: reportId },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.reportById.diff).toEqual([
      expect.objectContaining({
        __typename: 'FigureDifference',
        key: KEY,
        from: '4321',
        fromRevision: 1,
        toRevision: 0,
      }),
    ]);
    const asChange = await api.gql(
      `query($id: ID!) { reportById(id: $id) { diff(fromRevision: 1, toRevision: 0) { key kind actor { name } } } }`,
      { id: reportId },
    );
    expect(asChange.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
