// Listing reports with their agencies and last editors issues a constant number of database
// commands, whatever the page size (DataLoader batching; counted at the driver).
import type { CommandStartedEvent } from 'mongodb';
import { localAdminPrincipal } from '../../src/auth/principal';
import { fixtureParser } from '../report/parsedReportFixture';
import { startApiTestServer, type ApiTestServer } from './apiTestServer';

const LIST = `query($first: Int) {
  reports(first: $first) {
    edges { node { id year agency { id name } lastChange { actor { id name } recordedAt } } }
    pageInfo { hasNextPage }
  }
}`;

describe('queries per request', () => {
  let api: ApiTestServer;
  const commands: string[] = [];

  beforeAll(async () => {
    api = await startApiTestServer({
      label: 'querycount',
      ledger: { parseDocument: fixtureParser, monitorCommands: true },
    });
    const admin = localAdminPrincipal('批量导入');
    // 104 small reports of 52 agencies over two years (figures do not matter for a list).
    for (let n = 0; n < 104; n++) {
      await api.ledger.services.importReport(admin, {
        document: `机构${n % 52}|${2023 + Math.floor(n / 52)}|1|3`,
        reason: '测试数据',
      });
    }
    const record = (event: CommandStartedEvent) => commands.push(event.commandName);
    api.ledger.client.on('commandStarted', record);
    api.ledger.connection.getClient().on('commandStarted', record);
  }, 180_000);

  afterAll(async () => {
    await api?.close();
  });

  async function countFor(first: number): Promise<number> {
    commands.length = 0;
    const result = await api.gql<{ reports: { edges: unknown[] } }>(LIST, { first });
    expect(result.errors).toBeUndefined();
    expect(result.data!.reports.edges).toHaveLength(first);
    return commands.filter((name) => ['find', 'aggregate', 'count', 'getMore'].includes(name))
      .length;
  }

  it('10 rows and 100 rows cost the same number of queries', async () => {
    // The first list of a process loads the corpus index (once); count the steady state.
    await countFor(1);
    const ten = await countFor(10);
    const hundred = await countFor(100);
    process.stdout.write(
      `database queries per reports() request: 10 rows -> ${ten}, 100 rows -> ${hundred}\n`,
    );
    expect(hundred).toBe(ten);
    expect(ten).toBeLessThanOrEqual(3);
  });
});
