// Two server processes on one database: a subscriber of process B receives an edit made
// through process A (each process follows the shared event log; nothing is in-process only).
import { openLedger, type Ledger } from '../../src/application/createLedger';
import { createToken } from '../../src/auth/tokens';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import {
  activeSubscriptions,
  eventually,
  liveClient,
  seedReport,
  subscribe,
} from './support/liveClient';
import { startServerProcess, type ServerProcess } from './support/serverProcess';

const AGENCY = '示例县双进程测试局';
const REPORT_CHANGED = `subscription Changed($reportId: ID!) {
  reportChanged(reportId: $reportId) {
    __typename id revision keys
    changes { eventId kind key from to reason actor { id name } recordedAt }
    report { revision figure(key: "t2.penalty.decisions") { value } }
  }
}`;
const SET_FIGURES = `mutation Set($input: SetFiguresInput!) { setFigures(input: $input) { revision } }`;

let database: TestDatabase;
let ledger: Ledger;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  database = await openTestDatabase('two_process');
  ledger = await openLedger({ uri: database.uri, databaseName: database.name });
  const env = {
    MONGODB_URI: database.uri,
    NIANBAO_DB_NAME: database.name,
    SUBSCRIPTION_POLL_INTERVAL_MS: '100',
  };
  servers.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
}, 120_000);

afterAll(async () => {
  for (const server of servers) server.kill('SIGKILL');
  await Promise.all(servers.map((server) => server.exited));
  await ledger?.close();
  await database?.drop();
});

it('an edit through process A reaches a reportChanged subscriber of process B', async () => {
  const [a, b] = servers;
  const { reportId, revision } = await seedReport(ledger, AGENCY, 2024);
  const { token } = await createToken(ledger.models.tokens, {
    name: '双进程编辑',
    role: 'editor',
    agencies: [AGENCY],
  });

  const client = liveClient(b.url);
  const subscription = subscribe(client, REPORT_CHANGED, { reportId });
  // B counts the subscription once it follows the log: from then on nothing can be missed.
  await eventually(
    async () => activeSubscriptions(await (await fetch(`${b.origin}/metrics`)).text()) === 1,
    'process B has the subscription open',
  );

  const response = await fetch(a.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: SET_FIGURES,
      variables: {
        input: {
          reportId,
          expectedRevision: revision,
          changes: [{ key: 't2.penalty.decisions', value: '4321' }],
          reason: '跨进程订阅测试',
        },
      },
    }),
  });
  const body = (await response.json()) as { data?: { setFigures: { revision: number } } };
  expect(body.data?.setFigures.revision).toBe(revision + 1);

  const message = await subscription.nth(1);
  expect(message.errors).toBeUndefined();
  expect(message.data?.reportChanged).toMatchObject({
    __typename: 'ReportChanged',
    revision: revision + 1,
    keys: ['t2.penalty.decisions'],
    changes: [
      {
        kind: 'EDIT',
        key: 't2.penalty.decisions',
        to: '4321',
        reason: '跨进程订阅测试',
        actor: { name: '双进程编辑' },
      },
    ],
    report: { revision: revision + 1, figure: { value: '4321' } },
  });
  await subscription.dispose();
  await eventually(
    async () => activeSubscriptions(await (await fetch(`${b.origin}/metrics`)).text()) === 0,
    'process B has closed the subscription',
  );
});
