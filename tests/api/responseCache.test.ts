// Integration (real server, real database, and a second server process on the same database):
// a repeated full-report read is answered from the response cache, and an edit made here, an
// edit made by another process, or last year's report appearing makes the next read a fresh
// one. Different variables or a caller with other permissions never share an answer, and
// errors are never kept. Hits and misses are read from the server's own metrics.
import { startServerProcess, type ServerProcess } from '../subscriptions/support/serverProcess';
import { postGraphql, bearer } from '../support/graphqlHttp';
import { startApiTestServer, type ApiTestServer } from './apiTestServer';
import { readSeedReport } from './corpus';

const seed = readSeedReport();
const describeWithSeed = seed ? describe : describe.skip;

const AGENCY = '平罗县审批服务管理局';
const KEY = 't3.granted.naturalPerson';
const FULL_REPORT = `query FullReport($id: ID!) {
  reportById(id: $id) {
    id year revision
    figures { key value lastChange { revision reason actor { name } } }
    rules { id status }
    narrative { id heading }
  }
}`;
const SET_FIGURES = `mutation Set($input: SetFiguresInput!) { setFigures(input: $input) { revision } }`;
const IMPORT = `mutation Import($input: ImportReportInput!) { importReport(input: $input) { report { id } } }`;

interface FullReport {
  reportById: {
    id: string;
    year: number;
    revision: number;
    figures: Array<{ key: string; value: string | null; lastChange: { reason: string | null } }>;
  } | null;
}

describeWithSeed('response cache of full-report reads (integration)', () => {
  let api: ApiTestServer;
  let admin: string;
  let report2024: string;
  let report2022: string;

  /** Lookups counted by the server so far, by result. */
  async function lookups(): Promise<Record<'hit' | 'miss' | 'stale', number>> {
    const metric = api.server.metrics.registry.getSingleMetric(
      'graphql_response_cache_lookups_total',
    );
    const values = metric ? (await metric.get()).values : [];
    const count = (result: string) =>
      values.find((value) => value.labels.result === result)?.value ?? 0;
    return { hit: count('hit'), miss: count('miss'), stale: count('stale') };
  }

  /** What one request added to the counts. */
  async function counted<T>(request: () => Promise<T>) {
    const before = await lookups();
    const result = await request();
    const after = await lookups();
    return {
      result,
      hit: after.hit - before.hit,
      miss: after.miss - before.miss,
      stale: after.stale - before.stale,
    };
  }

  const read = (id: string, token: string | null = null) =>
    api.gql<FullReport>(FULL_REPORT, { id }, token);
  const valueOf = (response: { data?: FullReport | null }, key = KEY) =>
    response.data?.reportById?.figures.find((figure) => figure.key === key)?.value;

  async function importAs(year: number): Promise<string> {
    const imported = await api.gql<{ importReport: { report: { id: string } } }>(
      IMPORT,
      { input: { document: seed, agency: AGENCY, year, force: year !== 2024, reason: '首次导入' } },
      admin,
    );
    expect(imported.errors).toBeUndefined();
    return imported.data!.importReport.report.id;
  }

  async function edit(id: string, value: string, url = api.url): Promise<void> {
    const current = await read(id);
    const response = await postGraphql<{ setFigures: { revision: number } }>(
      url,
      SET_FIGURES,
      {
        input: {
          reportId: id,
          expectedRevision: current.data!.reportById!.revision,
          changes: [{ key: KEY, value }],
          reason: `改为 ${value}`,
        },
      },
      bearer(admin),
    );
    expect(response.errors).toBeUndefined();
  }

  beforeAll(async () => {
    api = await startApiTestServer({ label: 'response-cache' });
    admin = await api.token('admin', [], '管理员');
    report2024 = await importAs(2024);
    report2022 = await importAs(2022);
  });

  afterAll(async () => {
    await api?.close();
  });

  it('given a full read, when it is repeated, then the second is answered from the cache with the same data', async () => {
    const first = await counted(() => read(report2024));
    const second = await counted(() => read(report2024));
    expect(first.result.errors).toBeUndefined();
    expect(second).toMatchObject({ hit: 1, miss: 0, stale: 0 });
    expect(second.result.data).toEqual(first.result.data);
  });

  it('given a cached full read, when a figure is edited through this server, then the next read shows the edit', async () => {
    await read(report2024);
    expect((await counted(() => read(report2024))).hit).toBe(1);
    await edit(report2024, '4321');
    const after = await counted(() => read(report2024));
    expect(after.stale).toBe(1);
    expect(valueOf(after.result)).toBe('4321');
    expect((await counted(() => read(report2024))).hit).toBe(1);
  });

  describe('with a second server process on the same database', () => {
    let other: ServerProcess;

    beforeAll(async () => {
      other = await startServerProcess({
        MONGODB_URI: api.database.uri,
        NIANBAO_DB_NAME: api.database.name,
        NIANBAO_SAMPLE_DATA: 'false',
      });
    }, 120_000);

    afterAll(async () => {
      other?.kill('SIGKILL');
      await other?.exited;
    });

    it('given a cached full read, when a figure is edited by the other process, then the next read here shows the edit', async () => {
      await read(report2024);
      const cached = await counted(() => read(report2024));
      expect(cached.hit).toBe(1);
      expect(valueOf(cached.result)).not.toBe('8765');
      await edit(report2024, '8765', other.url);
      const after = await counted(() => read(report2024));
      expect(after.stale).toBe(1);
      expect(valueOf(after.result)).toBe('8765');
    });
  });

  it('given a cached read of one report, when another report is read with other variables, then it gets its own answer', async () => {
    await read(report2024);
    const other = await counted(() => read(report2022));
    expect(other).toMatchObject({ hit: 0, miss: 1 });
    expect(other.result.data?.reportById?.year).toBe(2022);
    expect(other.result.data?.reportById?.id).toBe(report2022);
  });

  it('given a cached anonymous read, when callers with other permissions read the same, then they never share its entry', async () => {
    const editor = await api.token('editor', [AGENCY], '编辑甲');
    const otherEditor = await api.token('editor', ['另一机构'], '编辑乙');
    await read(report2024);
    expect((await counted(() => read(report2024))).hit).toBe(1);
    expect((await counted(() => read(report2024, editor))).miss).toBe(1);
    expect((await counted(() => read(report2024, otherEditor))).miss).toBe(1);
    expect((await counted(() => read(report2024, admin))).miss).toBe(1);
    // The same permissions share: a second token of the same role and agency.
    const sameAsEditor = await api.token('editor', [AGENCY], '编辑丙');
    expect((await counted(() => read(report2024, sameAsEditor))).hit).toBe(1);
  });

  it("given a cached read while last year's report is absent, when it is imported, then the next read is a fresh one", async () => {
    await read(report2022);
    expect((await counted(() => read(report2022))).hit).toBe(1);
    await importAs(2021);
    expect((await counted(() => read(report2022))).stale).toBe(1);
  });

  it('given a query that fails, when it is repeated, then the error is never answered from the cache', async () => {
    const failing = `query Bad($year: Int!) { report(agency: "${AGENCY}", year: $year) { id revision } }`;
    const first = await counted(() => api.gql(failing, { year: 1800 }));
    const second = await counted(() => api.gql(failing, { year: 1800 }));
    expect(first.result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(second.result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(second).toMatchObject({ hit: 0, miss: 1 });
  });

  it('given a query that reads more than the report read model, when it is repeated, then the cache is not consulted', async () => {
    const withAgency = `query WithAgency($id: ID!) { reportById(id: $id) { revision agency { name } } }`;
    const atRevision = `query At($id: ID!, $at: Int) { reportById(id: $id, atRevision: $at) { revision } }`;
    for (const [query, variables] of [
      [withAgency, { id: report2024 }],
      [atRevision, { id: report2024, at: 0 }],
    ] as const) {
      await api.gql(query, variables);
      const again = await counted(() => api.gql(query, variables));
      expect(again.result.errors).toBeUndefined();
      expect(again).toMatchObject({ hit: 0, miss: 0, stale: 0 });
    }
  });
});
