// The offline query page at GET /graphql, and introspection switched off.
import { startOpsServer, type OpsServer } from './support/opsServer';

describe('with introspection off', () => {
  let server: OpsServer;

  beforeAll(async () => {
    server = await startOpsServer('ops_page', { GRAPHQL_INTROSPECTION: 'false' });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('GRAPHQL_INTROSPECTION=false refuses __schema and __type, other queries still work', async () => {
    const schema = await server.gql(`{ __schema { queryType { name } } }`);
    expect(schema.body.data ?? null).toBeNull();
    expect(schema.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const type = await server.gql(`{ __type(name: "Report") { name } }`);
    expect(type.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const fine = await server.gql(`{ service { name } }`);
    expect(fine.body.data).toEqual({ service: { name: 'Nianbao Ledger' } });
  });

  it('a browser gets a self-contained query page that references no external URL', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html,*/*;q=0.8' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    expect(html).toContain('<textarea id="query"');
    expect(html).toContain('href="/"');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\bsrc=/);
  });

  it('a GET with a query string is still GraphQL', async () => {
    const response = await fetch(
      `${server.url}?query=${encodeURIComponent('{ service { name } }')}`,
      {
        headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
      },
    );
    const body = (await response.json()) as { data?: unknown };
    expect(body.data).toEqual({ service: { name: 'Nianbao Ledger' } });
  });
});
