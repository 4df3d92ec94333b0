// auditLogAppended sends agency events' entries too: an administrator's region decision reaches
// a subscriber of the audit feed with its actor, reason and the region code before and after,
// in log order with figure changes.
import { agencyIdFor } from '../../events/report/ids';
import { startApiTestServer, type ApiTestServer } from '../api/apiTestServer';
import { eventually, liveClient, seedReport, subscribe } from './support/liveClient';

const AGENCY = '平罗县订阅测试局'; // resolves to 平罗县, 640221
const AUDIT_FEED = `subscription Feed($filter: AuditLogFilter) {
  auditLogAppended(filter: $filter) { agency year key kind from to reason actor { name } report { id } }
}`;
const SET = `mutation($input: SetAgencyRegionInput!) { setAgencyRegion(input: $input) { region { code } } }`;

let api: ApiTestServer;

beforeAll(async () => {
  api = await startApiTestServer({
    label: 'agency_audit_feed',
    env: { SUBSCRIPTION_POLL_INTERVAL_MS: '50' },
  });
});

afterAll(async () => {
  await api?.close();
});

it('given a subscriber of the audit feed for an agency, when an administrator sets its region and an editor then edits a figure, then both entries arrive in that order, the region one with actor, reason and from/to codes', async () => {
  const report = await seedReport(api.ledger, AGENCY, 2024, 1);
  const admin = await api.token('admin', [], '管理员乙');
  const listeners = api.server.changeFeed.listenerCount;
  const client = liveClient(api.url);
  const feed = subscribe(client, AUDIT_FEED, { filter: { agency: AGENCY } });
  await eventually(
    () => api.server.changeFeed.listenerCount === listeners + 1,
    'the subscription follows the log',
  );

  const set = await api.gql(
    SET,
    { input: { agencyId: agencyIdFor(AGENCY), regionCode: '640205', reason: '区划更正' } },
    admin,
  );
  expect(set.errors).toBeUndefined();
  await api.ledger.services.setFigures(
    { kind: 'local', name: '编辑丙' },
    {
      reportId: report.reportId,
      expectedRevision: report.revision,
      changes: [{ key: 't2.penalty.decisions', value: '9' }],
      reason: '更正',
    },
  );

  expect((await feed.nth(1)).data?.auditLogAppended).toEqual({
    agency: AGENCY,
    year: null,
    key: null,
    kind: 'REGION',
    from: '640221',
    to: '640205',
    reason: '区划更正',
    actor: { name: '管理员乙' },
    report: null,
  });
  expect((await feed.nth(2)).data?.auditLogAppended).toMatchObject({
    kind: 'EDIT',
    key: 't2.penalty.decisions',
    to: '9',
    year: 2024,
  });
  await feed.dispose();
});
