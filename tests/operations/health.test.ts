// /healthz and /readyz: process up; database reachable, projections caught up, ledger intact.
import { catchUpProjections } from '../../src/projections/projectionFollower';
import { seedReport } from '../subscriptions/support/liveClient';
import { startOpsServer, type OpsServer } from './support/opsServer';

interface Readiness {
  status: string;
  ready: boolean;
  reasons: string[];
  projections: { lag: number };
  integrity: { status: string };
}

async function readyz(server: OpsServer): Promise<{ status: number; body: Readiness }> {
  const response = await fetch(`${server.origin}/readyz`);
  return { status: response.status, body: (await response.json()) as Readiness };
}

async function tamperFirstCommit(server: OpsServer): Promise<void> {
  const commits = server.database.db.collection('eventCommits');
  const commit = await commits.findOne({ firstRevision: 0 });
  if (!commit) throw new Error('no commit to tamper with');
  const events = commit.events as Array<{ dataJson: string }>;
  const data = JSON.parse(events[0].dataJson) as { year: number };
  await commits.updateOne(
    { _id: commit._id },
    { $set: { 'events.0.dataJson': JSON.stringify({ ...data, year: data.year - 1 }) } },
  );
}

describe('readiness with the default verification interval', () => {
  let server: OpsServer;

  beforeAll(async () => {
    server = await startOpsServer('ops_ready', { READY_MAX_PROJECTION_LAG: '0' });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('/healthz answers without the database', async () => {
    const response = await fetch(`${server.origin}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz is not ready while projections lag behind the log, ready once caught up', async () => {
    await seedReport(server.ledger, '示例县就绪测试局', 2024);
    const behind = await readyz(server);
    expect(behind.status).toBe(503);
    expect(behind.body.projections.lag).toBeGreaterThan(0);
    expect(behind.body.reasons.join('\n')).toMatch(/projections \d+ events behind/);

    await catchUpProjections(server.ledger.projection);
    const ready = await readyz(server);
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'ready', ready: true, reasons: [] });
  });

  it('probes reuse the cached verification instead of verifying the whole log each time', async () => {
    await server.server.readiness.refreshIntegrity();
    const verifyAll = jest.spyOn(server.ledger.store, 'verifyAll');
    for (let probe = 0; probe < 5; probe++) expect((await readyz(server)).status).toBe(200);
    expect(verifyAll).not.toHaveBeenCalled();
    verifyAll.mockRestore();
  });
});

it('/readyz turns not ready with a reason after a stored event is tampered with', async () => {
  const server = await startOpsServer('ops_tamper', { INTEGRITY_CHECK_INTERVAL_SECONDS: '1' });
  try {
    await seedReport(server.ledger, '示例县篡改就绪测试局', 2024);
    await server.server.readiness.refreshIntegrity();
    const before = await readyz(server);
    expect(before.status).toBe(200);
    expect(before.body.integrity.status).toBe('ok');

    await tamperFirstCommit(server);
    const deadline = Date.now() + 20_000;
    let after = await readyz(server);
    while (after.status !== 503 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      after = await readyz(server);
    }
    expect(after.status).toBe(503);
    expect(after.body.integrity.status).toBe('failed');
    expect(after.body.reasons.join('\n')).toMatch(/ledger integrity: .*content_altered/);
  } finally {
    await server.close();
  }
});

it('INTEGRITY_CHECK_INTERVAL_SECONDS=0 verifies on every probe (tampering shows at once)', async () => {
  const server = await startOpsServer('ops_tamper_now', { INTEGRITY_CHECK_INTERVAL_SECONDS: '0' });
  try {
    await seedReport(server.ledger, '示例县即时篡改测试局', 2024);
    expect((await readyz(server)).status).toBe(200);
    await tamperFirstCommit(server);
    const after = await readyz(server);
    expect(after.status).toBe(503);
    expect(after.body.integrity.status).toBe('failed');
  } finally {
    await server.close();
  }
});
