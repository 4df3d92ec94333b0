// Agency events in the audit log: an administrator's region decision (setAgencyRegion) is an
// entry with its actor, reason and the region code before and after, like any figure change;
// so are sample data marked, an agency removed and a review policy set. The entries are there
// right after setAgencyRegion answers, after the projection follows the log, and after a rebuild.
import { agencyIdFor } from '../../events/report/ids';
import { localAdminPrincipal } from '../../src/auth/principal';
import { catchUpProjections } from '../../src/projections/projectionFollower';
import { rebuildProjections } from '../../src/projections/rebuildProjections';
import { markSampleAgency, removeAgency } from '../../src/sampleData/sampleAgencyEvents';
import { startTestServer, type TestServer } from '../support/testServer';
import { ruleStatusDocument, ruleStatusParser } from './ruleStatusFixtures';

const AGENCY = '平罗县甲局'; // resolves to 平罗县, 640221
const NAME_REGION = '640221';
const SET_REGION = '640205';

const SET = `mutation($input: SetAgencyRegionInput!) { setAgencyRegion(input: $input) { region { code } } }`;
const POLICY = `mutation($input: SetAgencyReviewPolicyInput!) {
  setAgencyReviewPolicy(input: $input) { reviewRequired } }`;
const AUDIT = `query($filter: AuditLogFilter) {
  auditLog(filter: $filter, first: 50) {
    edges { node { kind agency year from to reason key actor { name } report { id } } }
  }
}`;

interface AuditRow {
  kind: string;
  agency: string;
  year: number | null;
  from: string | null;
  to: string | null;
  reason: string | null;
  key: string | null;
  actor: { name: string };
  report: { id: string } | null;
}

const AGENCY_KINDS = ['REGION', 'SAMPLE', 'REMOVE', 'REVIEW_POLICY'];

describe('agency events in the audit log (integration)', () => {
  let server: TestServer;
  let admin: string;
  const agencyId = agencyIdFor(AGENCY);

  beforeAll(async () => {
    server = await startTestServer({
      label: 'agency-audit',
      ledger: { parseDocument: ruleStatusParser },
    });
    await server.ledger.services.importReport(localAdminPrincipal('导入员'), {
      document: ruleStatusDocument(AGENCY, 2024, 'pass'),
      reason: '测试数据',
    });
    admin = await server.token({ name: '管理员甲', role: 'admin', agencies: [] });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  async function agencyEntries(): Promise<AuditRow[]> {
    const result = await server.gql<{ auditLog: { edges: Array<{ node: AuditRow }> } }>(AUDIT, {
      filter: { agency: AGENCY, kinds: AGENCY_KINDS },
    });
    expect(result.errors).toBeUndefined();
    // Newest first; the tests read them in the order they happened.
    return result.data!.auditLog.edges.map((edge) => edge.node).reverse();
  }

  async function setRegion(regionCode: string | null, reason: string): Promise<void> {
    const result = await server.gql(SET, { input: { agencyId, regionCode, reason } }, admin);
    expect(result.errors).toBeUndefined();
  }

  it('given an agency whose name resolves to its county, when an administrator sets its region and later sets it back, then auditLog has both at once, with actor, reason and the region code before and after', async () => {
    await setRegion(SET_REGION, '区划更正');
    await setRegion(null, '恢复按名称判定');
    expect(await agencyEntries()).toEqual([
      {
        kind: 'REGION',
        agency: AGENCY,
        year: null,
        from: NAME_REGION,
        to: SET_REGION,
        reason: '区划更正',
        key: null,
        actor: { name: '管理员甲' },
        report: null,
      },
      expect.objectContaining({
        kind: 'REGION',
        from: SET_REGION,
        to: NAME_REGION,
        reason: '恢复按名称判定',
      }),
    ]);
  });

  it('given a review policy set, sample data marked and an agency removed, when the projection follows the log, then each is an audit entry with its actor and reason', async () => {
    const policy = await server.gql(
      POLICY,
      { input: { agency: AGENCY, reviewRequired: true, reason: '四眼原则' } },
      admin,
    );
    expect(policy.errors).toBeUndefined();
    await markSampleAgency(server.ledger.store, agencyId, { id: 'local:cli', name: '示例装载' });
    await removeAgency(
      server.ledger.store,
      agencyId,
      { id: 'local:cli', name: '清理员' },
      '移除示例',
    );
    await catchUpProjections(server.ledger.projection);
    const entries = await agencyEntries();
    expect(
      entries
        .slice(2)
        .map(({ kind, from, to, reason, actor }) => ({ kind, from, to, reason, actor })),
    ).toEqual([
      {
        kind: 'REVIEW_POLICY',
        from: 'false',
        to: 'true',
        reason: '四眼原则',
        actor: { name: '管理员甲' },
      },
      {
        kind: 'SAMPLE',
        from: null,
        to: null,
        reason: expect.stringContaining('示例数据'),
        actor: { name: '示例装载' },
      },
      { kind: 'REMOVE', from: null, to: null, reason: '移除示例', actor: { name: '清理员' } },
    ]);
  });

  it('given agency entries in the audit log, when the read models are rebuilt from the log, then the audit log has the same agency entries', async () => {
    const before = await agencyEntries();
    expect(before.map((entry) => entry.kind)).toEqual([
      'REGION',
      'REGION',
      'REVIEW_POLICY',
      'SAMPLE',
      'REMOVE',
    ]);
    await rebuildProjections(server.ledger.projection);
    expect(await agencyEntries()).toEqual(before);
  });
});
