// 待核实 review items over HTTP: a run of digits the importer could not cut opens an item with
// its candidate readings; choosing one is an ordinary audited edit.
import { startApiTestServer, type ApiTestServer } from '../api/apiTestServer';
import { consistentValues, flattenedReport } from '../importer/syntheticReport';

const AGENCY = '示例县待核实测试局';

const ITEMS = `query($id: ID!, $resolved: Boolean) {
  reviewItems(reportId: $id, resolved: $resolved) { id keys candidates current resolved message }
}`;

interface Item {
  id: string;
  keys: string[];
  candidates: string[][];
  current: Array<string | null>;
  resolved: boolean;
}

describe('review items 待核实 over HTTP (integration)', () => {
  let api: ApiTestServer;

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'review_items' });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('given an import with an ambiguous digit run, when an editor chooses a reading, then the cells take it as an audited edit and the item is resolved', async () => {
    const editor = await api.token('editor', [AGENCY], '核实人');
    const imported = await api.gql<{
      importReport: { revision: number; report: { reportId: string } };
    }>(
      `mutation($input: ImportReportInput!) { importReport(input: $input) { revision report { reportId } } }`,
      {
        input: {
          document: flattenedReport(consistentValues()),
          agency: AGENCY,
          year: 2024,
          reason: '导入',
        },
      },
      editor,
    );
    expect(imported.errors).toBeUndefined();
    const { reportId } = imported.data!.importReport.report;

    const open = await api.gql<{ reviewItems: Item[] }>(ITEMS, { id: reportId, resolved: false });
    expect(open.errors).toBeUndefined();
    expect(open.data!.reviewItems.length).toBeGreaterThan(0);
    const item = open.data!.reviewItems[0];
    expect(item.candidates.length).toBeGreaterThan(1);
    expect(item.candidates.every((reading) => reading.length === item.keys.length)).toBe(true);
    expect(item.current.every((value) => value === null)).toBe(true);

    const chosen = item.candidates[item.candidates.length - 1];
    const result = await api.gql<{
      chooseReading: {
        revision: number;
        changes: Array<{ key: string; to: string; kind: string }>;
      };
    }>(
      `mutation($input: ChooseReadingInput!) { chooseReading(input: $input) { revision changes { key to kind } } }`,
      {
        input: {
          reportId,
          itemId: item.id,
          candidate: item.candidates.length - 1,
          expectedRevision: imported.data!.importReport.revision,
          reason: '对照原件',
        },
      },
      editor,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.chooseReading.changes).toEqual(
      item.keys.map((key, index) => ({ key, to: chosen[index], kind: 'EDIT' })),
    );

    const after = await api.gql<{ reviewItems: Item[] }>(ITEMS, { id: reportId });
    expect(after.data!.reviewItems.find((entry) => entry.id === item.id)).toMatchObject({
      current: chosen,
      resolved: true,
    });

    const badChoice = await api.gql(
      `mutation($input: ChooseReadingInput!) { chooseReading(input: $input) { revision } }`,
      {
        input: {
          reportId,
          itemId: item.id,
          candidate: item.candidates.length,
          expectedRevision: result.data!.chooseReading.revision,
          reason: '越界',
        },
      },
      editor,
    );
    expect(badChoice.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'candidate',
    });
  });
});
