// Integration (real server, real database): every response carries its query cost and the
// limits (extensions.cost), and a client over its budget gets 429 with retry-after. The bucket
// is made tiny for this test through the same variables an operator sets.
import { startApiTestServer, type ApiTestServer, type GraphQLResponse } from './apiTestServer';

interface Cost {
  requestedQueryCost: number;
  maximumQueryCost: number;
  throttleStatus: { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
}

/** `{ service { name } }` costs 2: one per field. */
const CHEAP = '{ service { name } }';
const CHEAP_COST = 2;

async function send(api: ApiTestServer, query: string, token?: string) {
  const response = await api.post({ query }, token ? { authorization: `Bearer ${token}` } : {});
  const body = (await response.json()) as GraphQLResponse & { extensions?: { cost?: Cost } };
  return { response, body, cost: body.extensions?.cost };
}

describe('query cost and rate limit (integration)', () => {
  let api: ApiTestServer;

  beforeAll(async () => {
    api = await startApiTestServer({
      label: 'ratelimit',
      env: { RATE_LIMIT_BUCKET_SIZE: '5', RATE_LIMIT_REFILL_PER_SECOND: '1' },
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('given a query, then the response says what it cost, the most a query may cost, and what is left', async () => {
    const token = await api.token('admin', [], 'cost reader');
    const { body, cost } = await send(api, CHEAP, token);
    expect(body.errors).toBeUndefined();
    expect(cost).toEqual({
      requestedQueryCost: CHEAP_COST,
      maximumQueryCost: 20_000,
      throttleStatus: { maximumAvailable: 5, currentlyAvailable: 5 - CHEAP_COST, restoreRate: 1 },
    });
  });

  it('given a query over the cost limit, then the refusal carries its cost too', async () => {
    const token = await api.token('admin', [], 'too complex');
    const { body, cost } = await send(
      api,
      '{ reports(first: 100) { edges { node { figures { history(first: 100) { edges { node { eventId } } } } } } } }',
      token,
    );
    expect(body.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(cost?.requestedQueryCost).toBeGreaterThan(20_000);
  });

  it('given an anonymous client over its budget, then 429 RATE_LIMITED with retry-after, while a token has its own budget; after the wait it is served again', async () => {
    // 5 points: two cheap queries fit (1 left), the third does not.
    expect((await send(api, CHEAP)).response.status).toBe(200);
    expect((await send(api, CHEAP)).response.status).toBe(200);
    const refused = await send(api, CHEAP);
    expect(refused.response.status).toBe(429);
    const retryAfter = Number(refused.response.headers.get('retry-after'));
    expect(retryAfter).toBe(1);
    expect(refused.body.errors?.[0].extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: retryAfter,
      requestId: refused.response.headers.get('x-request-id'),
    });
    expect(refused.body.errors?.[0].extensions?.messageZh).toContain('秒后重试');
    expect(refused.cost?.throttleStatus.currentlyAvailable).toBeLessThan(CHEAP_COST);

    const token = await api.token('editor', ['甲局'], 'own budget');
    expect((await send(api, CHEAP, token)).response.status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    expect((await send(api, CHEAP)).response.status).toBe(200);
  });
});
