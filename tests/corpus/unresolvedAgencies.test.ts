// Never guess a region silently: agencies whose name is ambiguous or unknown are listed by
// agencies(filter: { unresolved: true }) until an administrator settles them.
import { localAdminPrincipal } from '../../src/auth/principal';
import { sampleDocuments } from '../../src/sampleData/loadSampleData';
import { SAMPLE_AGENCY_NAME } from '../../src/sampleData/sampleAgency';
import { startApiTestServer, type ApiTestServer } from '../api/apiTestServer';

const AMBIGUOUS = '鼓楼区人民政府';
const RESOLVED = '淮安市人民政府';

let api: ApiTestServer;

async function importAs(agency: string): Promise<void> {
  await api.ledger.services.importReport(localAdminPrincipal(), {
    document: sampleDocuments()[1].text.split(SAMPLE_AGENCY_NAME).join(agency),
    reason: '区划测试',
  });
}

beforeAll(async () => {
  api = await startApiTestServer({ label: 'unresolved_agencies' });
  await importAs(AMBIGUOUS);
  await importAs(RESOLVED);
}, 120_000);

afterAll(async () => {
  await api?.close();
});

describe('agencies whose region is not settled (integration)', () => {
  it('given an ambiguous and a resolvable agency, when unresolved agencies are listed, then only the ambiguous one is, with its candidates', async () => {
    const result = await api.gql<{
      agencies: {
        totalCount: number;
        edges: Array<{
          node: { name: string; regionStatus: string; regionCandidates: Array<{ code: string }> };
        }>;
      };
    }>(
      `{ agencies(filter: { unresolved: true }) { totalCount edges { node { name regionStatus regionCandidates { code } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.agencies.totalCount).toBe(1);
    const [only] = result.data!.agencies.edges;
    expect(only.node.name).toBe(AMBIGUOUS);
    expect(only.node.regionStatus).not.toBe('RESOLVED');
    expect(only.node.regionCandidates.length).toBeGreaterThan(1);
  });
});
