// The audit feed (auditLogAppended) and the subscription endpoint's rules, in process.
import { startApiTestServer, type ApiTestServer } from '../api/apiTestServer';
import { eventually, liveClient, seedReport, subscribe } from './support/liveClient';

const AGENCY = '示例县审计订阅测试局';
const OTHER = '示例县其他测试局';
const AUDIT_FEED = `subscription Feed($filter: AuditLogFilter) {
  auditLogAppended(filter: $filter) { agency year key kind from to reason actor { name } report { id } }
}`;

let api: ApiTestServer;

beforeAll(async () => {
  api = await startApiTestServer({
    label: 'audit_feed',
    env: { SUBSCRIPTION_POLL_INTERVAL_MS: '50' },
  });
});

afterAll(async () => {
  await api?.close();
});

async function setFigure(
  reportId: string,
  expectedRevision: number,
  key: string,
  value: string,
): Promise<number> {
  const outcome = await api.ledger.services.setFigures(
    { kind: 'local', name: 'feed tester' },
    { reportId, expectedRevision, changes: [{ key, value }], reason: `set ${key}` },
  );
  return outcome.report.revision;
}

it('auditLogAppended sends new entries that match the filter, in log order', async () => {
  const mine = await seedReport(api.ledger, AGENCY, 2024, 1);
  const other = await seedReport(api.ledger, OTHER, 2024, 2);
  const listeners = api.server.changeFeed.listenerCount;
  const client = liveClient(api.url);
  const byAgency = subscribe(client, AUDIT_FEED, { filter: { agency: AGENCY, kinds: ['EDIT'] } });
  const byKey = subscribe(client, AUDIT_FEED, {
    filter: { figureKey: 't2.penalty.decisions', report: mine.reportId },
  });
  await eventually(
    () => api.server.changeFeed.listenerCount === listeners + 2,
    'both subscriptions follow the log',
  );

  // Not matching either filter: another agency, and in my report another key.
  const otherRevision = await setFigure(
    other.reportId,
    other.revision,
    't2.penalty.decisions',
    '5',
  );
  let revision = await setFigure(mine.reportId, mine.revision, 't2.licensing.decisions', '17');
  revision = await setFigure(mine.reportId, revision, 't2.penalty.decisions', '9');

  const first = await byAgency.nth(1);
  const second = await byAgency.nth(2);
  expect([first.data?.auditLogAppended, second.data?.auditLogAppended]).toEqual([
    expect.objectContaining({
      agency: AGENCY,
      key: 't2.licensing.decisions',
      to: '17',
      kind: 'EDIT',
    }),
    expect.objectContaining({ agency: AGENCY, key: 't2.penalty.decisions', to: '9', kind: 'EDIT' }),
  ]);
  const onlyKey = await byKey.nth(1);
  expect(onlyKey.data?.auditLogAppended).toMatchObject({
    agency: AGENCY,
    year: 2024,
    key: 't2.penalty.decisions',
    to: '9',
    reason: 'set t2.penalty.decisions',
    actor: { name: 'feed tester' },
  });
  // One more matching edit proves nothing else was queued before it.
  await setFigure(mine.reportId, revision, 't2.penalty.decisions', '10');
  expect((await byKey.nth(2)).data?.auditLogAppended).toMatchObject({ from: '9', to: '10' });
  expect(byKey.received).toHaveLength(2);
  expect(
    byAgency.received.every(
      (m) => (m.data?.auditLogAppended as { agency: string }).agency === AGENCY,
    ),
  ).toBe(true);
  expect(otherRevision).toBe(other.revision + 1);
  await byAgency.dispose();
  await byKey.dispose();
  await eventually(
    () => api.server.changeFeed.listenerCount === listeners,
    'the feed drops the closed subscriptions',
  );
});

it('bad subscriptions get stable codes and the connection stays usable', async () => {
  const client = liveClient(api.url);
  const malformed = subscribe(client, `subscription { reportChanged(reportId: "nope") { id } }`);
  await malformed.ended;
  expect(malformed.received[0]?.errors?.[0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'reportId',
  });
  const unknown = subscribe(
    client,
    `subscription { reportChanged(reportId: "00000000-0000-5000-8000-000000000000") { id } }`,
  );
  await unknown.ended;
  expect(unknown.received[0]?.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  const badFilter = subscribe(client, AUDIT_FEED, { filter: { report: 'not-a-report' } });
  await badFilter.ended;
  expect(badFilter.received[0]?.errors?.[0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'filter.report',
  });
  const invalid = subscribe(client, `subscription { noSuchField }`);
  const ended = await invalid.ended;
  expect(JSON.stringify(ended.error)).toContain('noSuchField');
  await client.dispose();
});

it('over HTTP a subscription is refused with an error, not served', async () => {
  const result = await api.gql(`subscription { auditLogAppended { key } }`);
  expect(result.status).toBe(400);
  expect(result.errors?.[0].extensions?.code).toBe('BAD_REQUEST');
  expect(result.errors?.[0].message).toContain('WebSocket');
  const fine = await api.gql<{ service: { name: string } }>(`{ service { name } }`);
  expect(fine.data?.service.name).toBe('Nianbao Ledger');
});

describe('with REQUIRE_TOKEN_FOR_READS', () => {
  let locked: ApiTestServer;

  beforeAll(async () => {
    locked = await startApiTestServer({
      label: 'audit_feed_locked',
      env: { REQUIRE_TOKEN_FOR_READS: 'true' },
    });
  });

  afterAll(async () => {
    await locked?.close();
  });

  it('an anonymous connection is closed with 4401; a token is accepted', async () => {
    const closes: Array<{ code: number; reason: string }> = [];
    const anonymous = liveClient(locked.url, { onClosed: (event) => closes.push(event) });
    const refused = subscribe(anonymous, AUDIT_FEED);
    const result = await refused.ended;
    expect(result.error).toBeDefined();
    expect(closes[0]).toMatchObject({ code: 4401 });
    expect(closes[0].reason).toContain('authorization');
    await anonymous.dispose();

    const badToken = liveClient(locked.url, {
      connectionParams: { authorization: 'Bearer nb_not_a_real_token' },
      onClosed: (event) => closes.push(event),
    });
    await subscribe(badToken, AUDIT_FEED).ended;
    expect(closes[1]).toMatchObject({ code: 4401 });
    await badToken.dispose();

    const token = await locked.token('editor', [AGENCY]);
    const listeners = locked.server.changeFeed.listenerCount;
    const allowed = liveClient(locked.url, {
      connectionParams: { authorization: `Bearer ${token}` },
    });
    const feed = subscribe(allowed, AUDIT_FEED, { filter: { agency: AGENCY } });
    await eventually(
      () => locked.server.changeFeed.listenerCount === listeners + 1,
      'the subscription with a token is open',
    );
    await seedReport(locked.ledger, AGENCY, 2023, 3);
    expect((await feed.nth(1)).data?.auditLogAppended).toMatchObject({
      agency: AGENCY,
      kind: 'IMPORT',
    });
    await feed.dispose();
  });
});
