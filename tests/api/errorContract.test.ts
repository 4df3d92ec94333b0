// Integration (real server, real database): what a client can rely on in every error, whatever
// part of the HTTP server refused the request: a stable code, the request id (the same as the
// x-request-id header), and the message in Chinese as well as English.
import net from 'node:net';
import { startApiTestServer, type ApiTestServer } from './apiTestServer';

interface ErrorBody {
  errors: Array<{ message: string; extensions: Record<string, unknown> }>;
}

async function errorOf(response: Response): Promise<ErrorBody['errors'][number]> {
  const body = (await response.json()) as ErrorBody;
  expect(body.errors).toHaveLength(1);
  return body.errors[0];
}

/** The request id is in the error and equals the response header. */
async function expectQuotableError(response: Response, code: string): Promise<void> {
  const error = await errorOf(response);
  const header = response.headers.get('x-request-id');
  expect(header).toEqual(expect.any(String));
  expect(error.extensions).toMatchObject({ code, requestId: header });
  expect(error.extensions.messageZh).toMatch(/[\u4e00-\u9fff]/);
}

describe('error contract over HTTP (integration)', () => {
  let api: ApiTestServer;

  beforeAll(async () => {
    api = await startApiTestServer({
      label: 'errors',
      env: { CORS_ORIGINS: 'https://viewer.example.org' },
    });
  });

  afterAll(async () => {
    await api?.close();
  });

  it('given a GET without a preflight header, when curl sends it, then the CSRF refusal is BAD_REQUEST with the request id', async () => {
    const response = await fetch(`${api.url}?query=${encodeURIComponent('{ service { name } }')}`);
    expect(response.status).toBe(400);
    await expectQuotableError(response, 'BAD_REQUEST');
  });

  it('given the documented GET, when it sends apollo-require-preflight: true, then it is answered', async () => {
    const response = await fetch(`${api.url}?query=${encodeURIComponent('{ service { name } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data?: unknown };
    expect(body.data).toEqual({ service: { name: 'Nianbao Ledger' } });
  });

  it('given variables sent as a JSON string, then the refusal is BAD_REQUEST with the request id', async () => {
    const response = await api.post({ query: '{ service { name } }', variables: '{}' });
    expect(response.status).toBe(400);
    await expectQuotableError(response, 'BAD_REQUEST');
  });

  it('given a body Apollo cannot read (text/plain, or a PUT), then the refusal carries the request id', async () => {
    const textPlain = await fetch(api.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'apollo-require-preflight': 'true' },
      body: '{ service { name } }',
    });
    expect(textPlain.status).toBe(400);
    await expectQuotableError(textPlain, 'BAD_REQUEST');
    const put = await fetch(api.url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ service { name } }' }),
    });
    expect(put.status).toBe(405);
    await expectQuotableError(put, 'BAD_REQUEST');
  });

  it('given a persisted query whose sha256 does not match it, then it is PERSISTED_QUERY_HASH_MISMATCH, not an internal error', async () => {
    const response = await api.post({
      query: '{ service { name } }',
      extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } },
    });
    expect(response.status).toBe(400);
    await expectQuotableError(response, 'PERSISTED_QUERY_HASH_MISMATCH');
  });

  it('given an unsupported persisted-query version, then it has a code of its own', async () => {
    const response = await api.post({
      query: '{ service { name } }',
      extensions: { persistedQuery: { version: 2, sha256Hash: '0'.repeat(64) } },
    });
    expect(response.status).toBe(400);
    await expectQuotableError(response, 'PERSISTED_QUERY_VERSION_NOT_SUPPORTED');
  });

  it('given GraphQL errors, then each has messageZh next to the English message', async () => {
    const result = await api.gql(`{ reports(after: "not-a-cursor") { edges { cursor } } }`);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
      messageZh: '输入无效：“after”',
    });
    expect(result.errors?.[0].message).toBe('not a cursor from this connection');
  });

  it('given bytes that are not HTTP, then the answer is a JSON BAD_REQUEST with a request id', async () => {
    const { port } = new URL(api.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write('THIS IS NOT HTTP\r\n\r\n');
      });
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk.toString('utf8');
      });
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    const [head, body] = raw.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    const requestId = /x-request-id: (\S+)/i.exec(head)?.[1];
    expect(requestId).toEqual(expect.any(String));
    const parsed = JSON.parse(body) as ErrorBody;
    expect(parsed.errors[0].extensions).toMatchObject({ code: 'BAD_REQUEST', requestId });
  });

  describe('CORS', () => {
    const preflight = (origin: string) =>
      fetch(api.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });

    it('given an allowed origin, when it sends a preflight, then the answer may be cached (Access-Control-Max-Age)', async () => {
      const response = await preflight('https://viewer.example.org');
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(
        'https://viewer.example.org',
      );
      expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
      expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    });

    it('given a refused origin, when it sends a preflight, then no CORS header at all and a quotable FORBIDDEN', async () => {
      const response = await preflight('https://evil.example.com');
      expect(response.status).toBe(403);
      for (const header of [
        'access-control-allow-origin',
        'access-control-allow-methods',
        'access-control-allow-headers',
        'access-control-max-age',
      ]) {
        expect({ header, value: response.headers.get(header) }).toEqual({ header, value: null });
      }
      await expectQuotableError(response, 'FORBIDDEN');
    });

    it('given an allowed origin, then a script may read x-request-id and retry-after', async () => {
      const response = await fetch(api.url, {
        method: 'POST',
        headers: { origin: 'https://viewer.example.org', 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ service { name } }' }),
      });
      expect(response.headers.get('access-control-expose-headers')).toBe(
        'x-request-id,retry-after',
      );
    });
  });
});
