// reports(filter:) with hasFailedRules takes the one filter path of the list: it combines with
// every corpus filter (region subtree, years, …), is counted (totalCount) and pages by cursor
// like any other list. Which reports fail follows from their figures (ruleStatusFixtures.ts).
import { localAdminPrincipal } from '../../src/auth/principal';
import { startTestServer, type TestServer } from '../support/testServer';
import { ruleStatusDocument, ruleStatusParser, type RuleStatusMode } from './ruleStatusFixtures';

const LIST = `query($filter: ReportFilter, $first: Int, $after: String, $asOf: DateTime) {
  reports(filter: $filter, first: $first, after: $after, asOf: $asOf) {
    totalCount
    edges { node { agencyName year failedRuleCount } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface ListAnswer {
  reports: {
    totalCount: number | null;
    edges: Array<{ node: { agencyName: string; year: number; failedRuleCount: number } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

// 平罗县 is in 宁夏 (640000), 洪泽区 in 江苏 (320000).
const REPORTS: Array<[string, number, RuleStatusMode]> = [
  ['平罗县甲局', 2023, 'fail'],
  ['平罗县甲局', 2024, 'fail'],
  ['平罗县乙局', 2024, 'pass'],
  ['洪泽区甲局', 2024, 'fail'],
  ['洪泽区乙局', 2023, 'pass'],
];

function failing(agency: string, year: number): boolean {
  return REPORTS.some(([a, y, mode]) => a === agency && y === year && mode === 'fail');
}

describe('reports(filter:) with hasFailedRules and the corpus filters together (integration)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      label: 'list-filters',
      ledger: { parseDocument: ruleStatusParser },
    });
    const admin = localAdminPrincipal('测试');
    for (const [agency, year, mode] of REPORTS) {
      await server.ledger.services.importReport(admin, {
        document: ruleStatusDocument(agency, year, mode),
        reason: '测试数据',
      });
    }
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  async function list(variables: Record<string, unknown>): Promise<ListAnswer['reports']> {
    const result = await server.gql<ListAnswer>(LIST, { first: 50, ...variables });
    expect(result.errors).toBeUndefined();
    return result.data!.reports;
  }

  function names(answer: ListAnswer['reports']): string[] {
    return answer.edges.map((edge) => `${edge.node.agencyName} ${edge.node.year}`).sort();
  }

  it('given failing reports in two provinces and two years, when hasFailedRules is combined with regionCode and years, then only the failing reports of that region and year are listed and counted', async () => {
    const answer = await list({
      filter: { hasFailedRules: true, regionCode: '640000', years: [2024] },
    });
    expect(names(answer)).toEqual(['平罗县甲局 2024']);
    expect(answer.totalCount).toBe(1);
  });

  it('given failing reports in two provinces, when hasFailedRules: true is combined with regionCode, then every year of that region is listed and none of the other', async () => {
    const answer = await list({ filter: { hasFailedRules: true, regionCode: '640000' } });
    expect(names(answer)).toEqual(['平罗县甲局 2023', '平罗县甲局 2024']);
    expect(answer.totalCount).toBe(2);
    expect(answer.edges.every((edge) => edge.node.failedRuleCount > 0)).toBe(true);
  });

  it('given passing and failing reports, when hasFailedRules: false is combined with regionCode and years, then only reports without failed rules of that region and year are listed', async () => {
    const answer = await list({
      filter: { hasFailedRules: false, regionCode: '320000', years: [2023, 2024] },
    });
    expect(names(answer)).toEqual(['洪泽区乙局 2023']);
    expect(answer.totalCount).toBe(1);
  });

  it('given hasFailedRules: true with years only, when the list is paged one report at a time, then every failing report of those years comes exactly once', async () => {
    const expected = REPORTS.filter(([agency, year]) => year === 2024 && failing(agency, year))
      .map(([agency, year]) => `${agency} ${year}`)
      .sort();
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < REPORTS.length + 1; page++) {
      const answer: ListAnswer['reports'] = await list({
        filter: { hasFailedRules: true, years: [2024] },
        first: 1,
        after,
      });
      expect(answer.totalCount).toBe(expected.length);
      seen.push(...names(answer));
      if (!answer.pageInfo.hasNextPage) break;
      after = answer.pageInfo.endCursor;
    }
    expect(seen.sort()).toEqual(expected);
  });

  it('given hasFailedRules with asOf, when the list is asked for, then it is BAD_USER_INPUT naming filter.hasFailedRules', async () => {
    const result = await server.gql<ListAnswer>(LIST, {
      filter: { hasFailedRules: true },
      asOf: new Date().toISOString(),
    });
    expect(result.data?.reports ?? null).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.hasFailedRules',
    });
  });
});
