// Over HTTP: a marker ("/") can be set by setFigures explicitly, and withdrawn reports can be
// left out of reports(filter:) by status.
import { startApiTestServer, type ApiTestServer } from './apiTestServer';
import { readSeedReport } from './corpus';

const seed = readSeedReport();
const describeWithSeed = seed ? describe : describe.skip;

const AGENCY = '平罗县审批服务管理局';
const KEY = 't3.granted.naturalPerson';

describeWithSeed('markers and the status filter over HTTP (integration)', () => {
  let api: ApiTestServer;
  let editor: string;
  let reportId: string;

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'markers-status' });
    editor = await api.token('editor', [AGENCY], '编辑甲');
    reportId = await api.importDocument(seed!, editor);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('given an imported figure, when setFigures sets the marker "/", then the cell is empty with the marker, and a marker with a value is BAD_USER_INPUT', async () => {
    const set = (change: Record<string, unknown>, expectedRevision: number) =>
      api.gql<{
        setFigures: {
          report: { figure: { value: string | null; marker: string | null; raw: string | null } };
        };
      }>(
        `mutation($input: SetFiguresInput!) { setFigures(input: $input) { report { figure(key: "${KEY}") { value marker raw } } } }`,
        { input: { reportId, expectedRevision, changes: [change], reason: '不适用' } },
        editor,
      );
    const marked = await set({ key: KEY, value: null, marker: '/' }, 0);
    expect(marked.errors).toBeUndefined();
    expect(marked.data?.setFigures.report.figure).toEqual({ value: null, marker: '/', raw: '/' });
    const both = await set({ key: KEY, value: '3', marker: '/' }, 1);
    expect(both.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'changes[0].value',
    });
  });

  it('given a withdrawn report, when reports are filtered by status DRAFT and PUBLISHED, then it is left out; by WITHDRAWN, it is listed', async () => {
    const withdrawn = await api.gql(
      `mutation($input: PublicationInput!) { withdrawReport(input: $input) { revision } }`,
      { input: { reportId, expectedRevision: 1, reason: '撤回' } },
      editor,
    );
    expect(withdrawn.errors).toBeUndefined();
    const list = async (status: string[]) => {
      const result = await api.gql<{
        reports: { edges: Array<{ node: { id: string; status: string } }> };
      }>(
        `query($status: [ReportStatus!]) { reports(filter: { status: $status }) { edges { node { id status } } } }`,
        { status },
      );
      expect(result.errors).toBeUndefined();
      return result.data!.reports.edges.map((edge) => edge.node);
    };
    expect(await list(['DRAFT', 'PUBLISHED'])).toEqual([]);
    expect(await list(['WITHDRAWN'])).toEqual([{ id: reportId, status: 'WITHDRAWN' }]);
  });
});
