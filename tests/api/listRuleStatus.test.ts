// The report list's rule status per row (reports { edges { node { ruleStatus … } } }): the same
// answer as the report itself gives, including the cross-year rules and reports with nothing
// to judge (NOT_ASSESSABLE, never PASSED), read from the report summaries: no row reads a full
// read model. Summaries written before the rule counts existed are still answered (from the
// full read model, on demand).
import { localAdminPrincipal } from '../../src/auth/principal';
import { startTestServer, type TestServer } from '../support/testServer';
import { ruleStatusDocument, ruleStatusParser, type RuleStatusMode } from './ruleStatusFixtures';

const RULE_FIELDS = 'ruleStatus failedRuleCount assessedRuleCount notAssessableRuleCount';

const LIST = `query($first: Int) {
  reports(first: $first) { edges { node { id agencyName year ${RULE_FIELDS} } } }
}`;

const FILTERED = `query($filter: ReportFilter) {
  reports(first: 50, filter: $filter) { totalCount edges { node { id agencyName year ruleStatus } } }
}`;

const DETAIL = `query($id: ID!) { node(id: $id) { ... on Report { ${RULE_FIELDS} } } }`;

interface RuleFacts {
  ruleStatus: string;
  failedRuleCount: number;
  assessedRuleCount: number;
  notAssessableRuleCount: number;
}

interface Row extends RuleFacts {
  id: string;
  agencyName: string;
  year: number;
}

const REPORTS: Array<[string, number, RuleStatusMode]> = [
  ['规则通过局', 2024, 'pass'],
  ['规则不符局', 2024, 'fail'],
  ['规则空白局', 2024, 'blank'],
  ['旧模板局', 2024, 'template2019'],
  ['跨年度局', 2023, 'inForce4'],
  ['跨年度局', 2024, 'pass'],
];

/** Collections holding full report read models (and what brings them forward). */
const FULL_READ_MODEL_COLLECTIONS = ['reports', 'reportRevisions'];

describe('rule status in the report list (integration)', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({
      label: 'list-rule-status',
      monitorCommands: true,
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

  async function listRows(): Promise<Row[]> {
    const result = await server.gql<{ reports: { edges: Array<{ node: Row }> } }>(LIST, {
      first: 50,
    });
    expect(result.errors).toBeUndefined();
    return result.data!.reports.edges.map((edge) => edge.node);
  }

  async function detailOf(id: string): Promise<RuleFacts> {
    const result = await server.gql<{ node: RuleFacts }>(DETAIL, { id });
    expect(result.errors).toBeUndefined();
    return result.data!.node;
  }

  function statusOf(rows: Row[], agency: string, year: number): string | undefined {
    return rows.find((row) => row.agencyName === agency && row.year === year)?.ruleStatus;
  }

  it('given reports that pass, fail, fail only against last year, or have nothing to judge, when the list is read, then each row has the status and counts the report itself has', async () => {
    const rows = await listRows();
    expect(rows).toHaveLength(REPORTS.length);
    for (const row of rows) {
      const { id, agencyName: _agency, year: _year, ...facts } = row;
      expect({ report: `${row.agencyName} ${row.year}`, ...facts }).toEqual({
        report: `${row.agencyName} ${row.year}`,
        ...(await detailOf(id)),
      });
    }
    expect(statusOf(rows, '规则通过局', 2024)).toBe('PASSED');
    expect(statusOf(rows, '规则不符局', 2024)).toBe('FAILED');
    expect(statusOf(rows, '规则空白局', 2024)).toBe('NOT_ASSESSABLE');
    expect(statusOf(rows, '旧模板局', 2024)).toBe('NOT_ASSESSABLE');
    // Its own figures agree; 4 documents in force in 2023 and 0 in 2024 do not.
    expect(statusOf(rows, '跨年度局', 2024)).toBe('FAILED');
    expect(statusOf(rows, '跨年度局', 2023)).toBe('PASSED');
  });

  it('given the list is read with rule status, when its database commands are counted, then none reads a full read model and 2 rows cost as many commands as all rows', async () => {
    await listRows(); // the corpus index and caches are loaded once per process
    const commandsFor = async (first: number) => {
      server.commands.length = 0;
      const result = await server.gql<{ reports: { edges: unknown[] } }>(LIST, { first });
      expect(result.errors).toBeUndefined();
      expect(result.data!.reports.edges).toHaveLength(first);
      return server.commands.filter((event) =>
        ['find', 'aggregate', 'count', 'getMore'].includes(event.commandName),
      );
    };
    const two = await commandsFor(2);
    const all = await commandsFor(REPORTS.length);
    const collectionsRead = all.map((event) => String(event.command[event.commandName]));
    expect(collectionsRead.filter((name) => FULL_READ_MODEL_COLLECTIONS.includes(name))).toEqual(
      [],
    );
    expect(all.length).toBe(two.length);
  });

  it('given rows of every rule status, when filtered by hasFailedRules, then true gives exactly the FAILED rows and false the others', async () => {
    const statusByReport = new Map(
      (await listRows()).map((row) => [`${row.agencyName} ${row.year}`, row.ruleStatus]),
    );
    const filtered = async (hasFailedRules: boolean) => {
      const result = await server.gql<{
        reports: { totalCount: number; edges: Array<{ node: Row }> };
      }>(FILTERED, { filter: { hasFailedRules } });
      expect(result.errors).toBeUndefined();
      const names = result.data!.reports.edges.map(({ node }) => `${node.agencyName} ${node.year}`);
      expect(result.data!.reports.totalCount).toBe(names.length);
      return names.sort();
    };
    const failed = [...statusByReport].filter(([, status]) => status === 'FAILED');
    // 跨年度局 2024 fails only against 2023: it is in the filter as in its ruleStatus.
    expect(failed.map(([name]) => name)).toContain('跨年度局 2024');
    expect(await filtered(true)).toEqual(failed.map(([name]) => name).sort());
    expect(await filtered(false)).toEqual(
      [...statusByReport]
        .filter(([, status]) => status !== 'FAILED')
        .map(([name]) => name)
        .sort(),
    );
  });

  it('given summaries written before they held rule counts, when the list is read, then every row still has the status the report itself has', async () => {
    await server.ledger.models.summaries.collection.updateMany({}, {
      $unset: { ownRuleTally: '', crossYearFigures: '' },
    } as never);
    const rows = await listRows();
    expect(rows).toHaveLength(REPORTS.length);
    for (const row of rows) {
      const { id, agencyName: _agency, year: _year, ...facts } = row;
      expect(facts).toEqual(await detailOf(id));
    }
    expect(statusOf(rows, '旧模板局', 2024)).toBe('NOT_ASSESSABLE');
    expect(statusOf(rows, '跨年度局', 2024)).toBe('FAILED');
  });
});
