// Abusive requests: each is rejected with its own code, and the server keeps answering an
// ordinary query sent at the same time.
import net from 'node:net';
import { postJson } from './support/graphqlClient';
import { startLedgerServer, type RunningLedgerServer } from './support/ledgerServer';

let running: RunningLedgerServer;

beforeAll(async () => {
  running = await startLedgerServer('abuse');
});

afterAll(async () => {
  await running?.stop();
});

interface Rejection {
  status: number;
  code: string | null;
}

async function send(body: string | Buffer): Promise<Rejection> {
  const response = await postJson(running.url, body);
  let code: string | null = null;
  try {
    const parsed = JSON.parse(response.body) as {
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    code = parsed.errors?.[0]?.extensions?.code ?? null;
  } catch {
    code = null;
  }
  return { status: response.status, code };
}

/** The abusive request and an ordinary one together: the ordinary one must still be answered. */
async function whileServingOthers(abuse: Promise<Rejection>): Promise<Rejection> {
  const [rejection, ordinary] = await Promise.all([
    abuse,
    running.api.request<{ service: { __typename: string } }>('{ service { __typename } }'),
  ]);
  expect(ordinary.errors).toEqual([]);
  expect(ordinary.data?.service.__typename).toBe('ServiceInfo');
  return rejection;
}

const query = (text: string): string => JSON.stringify({ query: text });

describe('abusive requests are rejected while the server keeps serving', () => {
  it('deeply nested query: QUERY_TOO_DEEP', async () => {
    let selection = '{ id }';
    for (let level = 0; level < 20; level++) {
      selection = `{ agency { reports(first: 1) { edges { node ${selection} } } } }`;
    }
    const rejection = await whileServingOthers(
      send(query(`{ reports(first: 1) { edges { node ${selection} } } }`)),
    );
    expect(rejection).toEqual({ status: 400, code: 'QUERY_TOO_DEEP' });
  });

  it('1000 aliases: TOO_MANY_ALIASES', async () => {
    const aliases = Array.from({ length: 1000 }, (_, index) => `a${index}: __typename`).join(' ');
    const rejection = await whileServingOthers(send(query(`{ ${aliases} }`)));
    expect(rejection).toEqual({ status: 400, code: 'TOO_MANY_ALIASES' });
  });

  it('huge first: rejected as a page too large before anything runs', async () => {
    const rejection = await whileServingOthers(
      send(query('{ reports(first: 1000000) { edges { node { id } } } }')),
    );
    expect(rejection).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
  });

  it('first just above the page cap: the same rule, BAD_USER_INPUT naming the field', async () => {
    const response = await running.api.request('{ reports(first: 101) { edges { node { id } } } }');
    expect(response.status).toBe(400);
    expect(response.code).toBe('BAD_USER_INPUT');
    expect(response.errors[0].extensions?.field).toBe('first');
  });

  it('expensive but shallow query: QUERY_TOO_COMPLEX', async () => {
    const rejection = await whileServingOthers(
      send(
        query(
          '{ reports(first: 100) { edges { node { figures { history(first: 100) { edges { node { eventId } } } } } } } }',
        ),
      ),
    );
    expect(rejection).toEqual({ status: 400, code: 'QUERY_TOO_COMPLEX' });
  });

  it('10 MB body: 413 PAYLOAD_TOO_LARGE', async () => {
    const body = Buffer.from(query(`{ __typename } # ${'x'.repeat(10 * 1024 * 1024)}`));
    const rejection = await whileServingOthers(send(body));
    expect(rejection).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it.each([
    ['truncated JSON', '{"query": "{ __typename }"'],
    ['not JSON at all', 'query { __typename }'],
    ['JSON with a trailing comma', '{"query": "{ __typename }",}'],
  ])('malformed JSON (%s): 400 BAD_REQUEST', async (_, body) => {
    const rejection = await whileServingOthers(send(body));
    expect(rejection).toEqual({ status: 400, code: 'BAD_REQUEST' });
  });

  it('wrong shapes of a JSON body: 400, never 5xx', async () => {
    for (const body of [
      'null',
      '[]',
      '42',
      '{"query": 42}',
      '{"query": "{ __typename }", "variables": "x"}',
    ]) {
      const rejection = await send(body);
      expect({ body, status: rejection.status }).toEqual({ body, status: 400 });
    }
  });

  it('slow clients holding connections open do not stop others being served', async () => {
    const url = new URL(running.url);
    const sockets = await Promise.all(
      Array.from(
        { length: 50 },
        () =>
          new Promise<net.Socket>((resolve, reject) => {
            const socket = net.connect(Number(url.port), url.hostname, () => {
              // Headers promise a body that never fully arrives.
              socket.write(
                `POST /graphql HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"query":`,
              );
              resolve(socket);
            });
            socket.on('error', reject);
          }),
      ),
    );
    try {
      for (let round = 0; round < 5; round++) {
        const ordinary = await running.api.request<{ service: { __typename: string } }>(
          '{ service { __typename } }',
        );
        expect(ordinary.data?.service.__typename).toBe('ServiceInfo');
        for (const socket of sockets) socket.write(' ');
      }
      // Node drops a request that is not complete in time; the limit must be finite.
      expect(running.server.httpServer.requestTimeout).toBeGreaterThan(0);
      expect(running.server.httpServer.headersTimeout).toBeGreaterThan(0);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });
});
