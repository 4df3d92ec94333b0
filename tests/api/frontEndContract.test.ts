// What third-party front-ends rely on: CORS allow-list, automatic persisted queries, Relay
// pagination with a page-size cap, and abuse limits with clear codes.
import { createHash } from 'node:crypto';
import { startApiTestServer, type ApiTestServer } from './apiTestServer';

interface ErrorBody {
  errors: Array<{ message: string; extensions: { code: string } }>;
}

describe('front-end contract', () => {
  let api: ApiTestServer;

  beforeAll(async () => {
    api = await startApiTestServer({
      label: 'frontend',
      env: {
        CORS_ORIGINS: 'https://viewer.example.org',
        BODY_LIMIT_BYTES: '2048',
        MAX_PAGE_SIZE: '100',
      },
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('CORS answers only the origins on the allow-list', async () => {
    const preflight = (origin: string) =>
      fetch(api.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    expect(
      (await preflight('https://viewer.example.org')).headers.get('access-control-allow-origin'),
    ).toBe('https://viewer.example.org');
    expect(
      (await preflight('https://evil.example.com')).headers.get('access-control-allow-origin'),
    ).toBeNull();
  });

  it('automatic persisted queries: register by hash, then send only the hash', async () => {
    const query = '{ service { name } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const unknown = (await (await api.post({ extensions })).json()) as ErrorBody;
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const registered = (await (await api.post({ query, extensions })).json()) as {
      data: { service: { name: string } };
    };
    expect(registered.data.service.name).toBe('Nianbao Ledger');
    const byHash = (await (await api.post({ extensions })).json()) as { data?: unknown };
    expect(byHash.data).toEqual({ service: { name: 'Nianbao Ledger' } });
  });

  it('a variable of the wrong type is 400 BAD_USER_INPUT naming the variable', async () => {
    const query = `query Page($first: Int) { reports(first: $first) { edges { cursor } } }`;
    for (const first of ['ten', 1.5, 2 ** 31]) {
      const response = await api.post({ query, variables: { first } });
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(body.errors[0].message).toContain('$first');
    }
  });

  it('first above the cap is BAD_USER_INPUT naming first', async () => {
    const result = await api.gql(`{ reports(first: 101) { edges { cursor } } }`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const ok = await api.gql<{ reports: { edges: unknown[]; pageInfo: { hasNextPage: boolean } } }>(
      `{ reports(first: 100) { edges { cursor } pageInfo { hasNextPage endCursor } } }`,
    );
    expect(ok.data?.reports).toMatchObject({ edges: [], pageInfo: { hasNextPage: false } });
  });

  it('deep, alias-heavy and costly queries are rejected with their codes', async () => {
    const deep = await api.gql(
      `{ agencies { edges { node { reports { edges { node { agency { reports { edges { node { agency { reports { edges { node { id } } } } } } } } } } } } } } }`,
    );
    expect(deep.errors?.[0].extensions?.code).toBe('QUERY_TOO_DEEP');
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: service { name }`).join(' ');
    const many = await api.post({ query: `{ ${aliases} }` });
    // 1000 aliases exceed the body limit of this server (2 KB) or the alias limit.
    const body = (await many.json()) as ErrorBody;
    expect(['PAYLOAD_TOO_LARGE', 'TOO_MANY_ALIASES']).toContain(body.errors[0].extensions.code);
    const someAliases = Array.from({ length: 60 }, (_, i) => `a${i}: service { name }`).join(' ');
    const tooMany = await api.gql(`{ ${someAliases} }`.slice(0, 2000));
    expect(tooMany.errors?.[0].extensions?.code).toBe('TOO_MANY_ALIASES');
    const costly = await api.gql(
      `{ reports(first: 100) { edges { node { figures { key value history(first: 100) { edges { node { from to } } } } } } } }`,
    );
    expect(costly.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('an oversized body gets 413 with a JSON error; malformed JSON gets 400; the server keeps serving', async () => {
    const large = await api.post({
      query: `{ service { name } }`,
      variables: { padding: 'x'.repeat(5000) },
    });
    expect(large.status).toBe(413);
    expect(((await large.json()) as ErrorBody).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const malformed = await api.post('{"query": ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as ErrorBody).errors[0].extensions.code).toBe('BAD_REQUEST');
    const fine = await api.gql<{ service: { name: string } }>(`{ service { name } }`);
    expect(fine.data?.service.name).toBe('Nianbao Ledger');
    const health = await fetch(`${api.baseUrl}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('unknown reports are null, malformed ids are BAD_USER_INPUT, errors carry a request id', async () => {
    const missing = await api.gql<{ report: null }>(
      `{ report(agency: "不存在的局", year: 2024) { id } }`,
    );
    expect(missing.data?.report).toBeNull();
    const bad = await api.gql(`{ reportById(id: "not-an-id") { id } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(typeof bad.errors?.[0].extensions?.requestId).toBe('string');
    expect(bad.headers.get('x-request-id')).toBe(bad.errors?.[0].extensions?.requestId);
  });
});
