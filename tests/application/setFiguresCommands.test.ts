// The database commands of one warm setFigures over HTTP (counted at the driver): the edit path
// asks nothing the unique keys or this process's caches answer already.
import { localAdminPrincipal } from '../../src/auth/principal';
import { toGlobalId } from '../../resolvers/globalId';
import { fixtureParser } from '../report/parsedReportFixture';
import { startTestServer, type TestServer } from '../support/testServer';

const SET_FIGURES = `mutation Set($input: SetFiguresInput!) {
  setFigures(input: $input) { revision }
}`;

describe('commands of a warm setFigures', () => {
  let server: TestServer;
  let token: string;
  let reportId: string;
  let revision: number;

  beforeAll(async () => {
    server = await startTestServer({
      label: 'setfigurescommands',
      monitorCommands: true,
      ledger: { parseDocument: fixtureParser },
    });
    token = await server.token({ name: '编辑', role: 'admin' });
    const imported = await server.ledger.services.importReport(localAdminPrincipal('导入'), {
      document: '命令计数局|2024|1|20',
      reason: '测试数据',
    });
    reportId = imported.report.reportId;
    revision = imported.report.revision;
  });

  afterAll(async () => {
    await server?.close();
  });

  async function edit(value: string): Promise<string[]> {
    server.commands.length = 0;
    const result = await server.gql<{ setFigures: { revision: number } }>(
      SET_FIGURES,
      {
        input: {
          reportId: toGlobalId('Report', reportId),
          expectedRevision: revision,
          changes: [{ key: 't2.licensing.decisions', value }],
          reason: '计数',
        },
      },
      token,
    );
    expect(result.errors).toBeUndefined();
    revision = result.data!.setFigures.revision;
    return server.commands.map((c) => `${c.commandName}:${String(c.command[c.commandName])}`);
  }

  it('given a warm edit path, when an edit without clientMutationId is made, then its event ids and the token are not looked up', async () => {
    await edit('101');
    const commands = await edit('102');
    expect(commands).not.toContain('find:eventCommitsLookups');
    expect(commands).not.toContain('find:tokens');
    expect(commands).toContain('insert:eventCommits');
  });
});
