// The server process: a configuration error stops start-up naming the variable; SIGTERM closes
// open subscriptions (WebSocket 1001), drains, stops and exits.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { openLedger } from '../../src/application/createLedger';
import { ConfigError, loadConfig } from '../../src/config';
import { openTestDatabase } from '../support/testDatabase';
import {
  activeSubscriptions,
  eventually,
  liveClient,
  seedReport,
  subscribe,
} from '../subscriptions/support/liveClient';
import { startServerProcess } from '../subscriptions/support/serverProcess';

const ROOT = path.resolve(__dirname, '../..');

it.each([
  ['PORT', 'eighty'],
  ['READY_MAX_PROJECTION_LAG', '-1'],
  ['INTEGRITY_CHECK_INTERVAL_SECONDS', 'hourly'],
  ['SHUTDOWN_GRACE_SECONDS', '99999'],
  ['SUBSCRIPTION_POLL_INTERVAL_MS', '1'],
  ['GRAPHQL_INTROSPECTION', 'maybe'],
])('a bad %s is a ConfigError naming it', (variable, value) => {
  expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
  try {
    loadConfig({ [variable]: value });
  } catch (error) {
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toContain(variable);
  }
});

it('the defaults of the operational settings', () => {
  expect(loadConfig({})).toMatchObject({
    readyMaxProjectionLag: 100,
    integrityCheckIntervalMs: 300_000,
    shutdownGraceMs: 10_000,
    subscriptionPollIntervalMs: 200,
  });
});

it('a configuration error stops the server before it starts, naming the variable', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: 'eighty', MONGODB_URI: 'mongodb://127.0.0.1:1/never-used' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code).toBe(2);
  expect(stderr).toContain('configuration error: PORT');
});

it('SIGTERM closes open subscriptions with 1001, then the process exits', async () => {
  const database = await openTestDatabase('ops_shutdown');
  const ledger = await openLedger({ uri: database.uri, databaseName: database.name });
  const server = await startServerProcess({
    MONGODB_URI: database.uri,
    NIANBAO_DB_NAME: database.name,
    LOG_LEVEL: 'info',
  });
  try {
    const { reportId } = await seedReport(ledger, '示例县停机测试局', 2024);
    const closes: Array<{ code: number; reason: string }> = [];
    const client = liveClient(server.url, { onClosed: (event) => closes.push(event) });
    const subscription = subscribe(
      client,
      `subscription ($id: ID!) { reportChanged(reportId: $id) { revision } }`,
      { id: reportId },
    );
    await eventually(
      async () => activeSubscriptions(await (await fetch(`${server.origin}/metrics`)).text()) === 1,
      'the subscription is open',
    );

    server.kill('SIGTERM');
    const ended = await subscription.ended;
    expect(ended.error).toBeDefined();
    expect(closes[0]).toMatchObject({ code: 1001 });
    const exit = await server.exited;
    expect(exit.code).toBe(0);
    const lines = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string });
    const messages = lines.map((line) => line.msg);
    expect(messages).toEqual(
      expect.arrayContaining(['shutting down: draining requests and subscriptions', 'shut down']),
    );
    await expect(fetch(`${server.origin}/healthz`)).rejects.toThrow();
    await client.dispose();
  } finally {
    server.kill('SIGKILL');
    await server.exited;
    await ledger.close();
    await database.drop();
  }
});
