// REQUIRE_TOKEN_FOR_READS: anonymous reads are refused; a token (any role) may read.
import { revokeToken, createToken } from '../../src/auth/tokens';
import { startApiTestServer, type ApiTestServer } from './apiTestServer';

describe('reads that need a token', () => {
  let api: ApiTestServer;

  beforeAll(async () => {
    api = await startApiTestServer({
      label: 'readaccess',
      env: { REQUIRE_TOKEN_FOR_READS: 'true' },
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('anonymous is UNAUTHENTICATED, an editor reads, a revoked token is UNAUTHENTICATED', async () => {
    const anonymous = await api.gql(`{ reports { edges { cursor } } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const created = await createToken(api.ledger.models.tokens, {
      name: '读者',
      role: 'editor',
      agencies: ['甲局'],
    });
    const read = await api.gql<{ reports: { edges: unknown[] } }>(
      `{ reports { edges { cursor } } }`,
      {},
      created.token,
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.reports.edges).toEqual([]);
    await revokeToken(api.ledger.models.tokens, created.id);
    const revoked = await api.gql(`{ reports { edges { cursor } } }`, {}, created.token);
    expect(revoked.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(revoked.status).toBe(401);
  });
});
