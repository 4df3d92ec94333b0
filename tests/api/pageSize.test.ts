// Integration (real server, real database): one rule for `first` on every connection — a whole
// number from 1 to MAX_PAGE_SIZE, else HTTP 400 BAD_USER_INPUT naming `first`, before anything
// runs, however far out of range it is.
import { loadSampleData } from '../../src/sampleData/loadSampleData';
import { startApiTestServer, type ApiTestServer } from './apiTestServer';

interface Page {
  reports: {
    edges: Array<{ node: { year: number } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const PAGE = `query Page($first: Int, $after: String) {
  reports(filter: { includeSample: true }, first: $first, after: $after) {
    edges { node { year } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('page size rule (integration)', () => {
  let api: ApiTestServer;

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'pagesize', env: { MAX_PAGE_SIZE: '100' } });
    // Two reports (the sample agency's 2023 and 2024).
    await loadSampleData(api.ledger);
  });

  afterAll(async () => {
    await api?.close();
  });

  it.each([0, 101, 100_000, -1])(
    'given first: %p, when sent inline or as a variable, then HTTP 400 BAD_USER_INPUT naming first',
    async (first) => {
      const inline = await api.gql(`{ reports(first: ${first}) { edges { cursor } } }`);
      const asVariable = await api.gql(PAGE, { first });
      for (const response of [inline, asVariable]) {
        expect(response.status).toBe(400);
        expect(response.data ?? null).toBeNull();
        expect(response.errors?.[0].extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'first',
          minimum: 1,
          maximum: 100,
        });
      }
    },
  );

  it('given first nested deeper (a figure history), then the same rule applies there', async () => {
    const response = await api.gql(
      `{ reports(first: 1) { edges { node { figure(key: "t3.total.total") { history(first: 0) { edges { cursor } } } } } } }`,
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
  });

  it('given first: 1 of two reports, then the page has a cursor to go on from, and the next page ends', async () => {
    const first = await api.gql<Page>(PAGE, { first: 1 });
    expect(first.errors).toBeUndefined();
    expect(first.data?.reports.edges).toHaveLength(1);
    expect(first.data?.reports.pageInfo.hasNextPage).toBe(true);
    expect(first.data?.reports.pageInfo.endCursor).toEqual(expect.any(String));
    const second = await api.gql<Page>(PAGE, {
      first: 1,
      after: first.data?.reports.pageInfo.endCursor,
    });
    expect(second.data?.reports.edges).toHaveLength(1);
    expect(second.data?.reports.pageInfo.hasNextPage).toBe(false);
    const years = [first, second].map((page) => page.data?.reports.edges[0].node.year);
    expect(years.sort()).toEqual([2023, 2024]);
  });

  it('given first at the cap, then it is answered', async () => {
    const response = await api.gql<Page>(PAGE, { first: 100 });
    expect(response.status).toBe(200);
    expect(response.data?.reports.edges).toHaveLength(2);
  });
});
