// Integration (real server, real database, captured logs): expected refusals are logged at info
// without a stack; only faults are logged at error. A persisted query with a wrong hash is a
// refusal with a code of its own, not an unexpected error.
import { createToken } from '../../src/auth/tokens';
import { loadSampleData } from '../../src/sampleData/loadSampleData';
import { startOpsServer, type OpsServer } from './support/opsServer';

const SET = `mutation Set($input: SetFiguresInput!) { setFigures(input: $input) { revision } }`;

let server: OpsServer;
let reportId: string;

beforeAll(async () => {
  server = await startOpsServer('errlog');
  await loadSampleData(server.ledger);
  const { body } = await server.gql(`{ report(agency: "示例县数据管理局", year: 2024) { id } }`);
  reportId = (body.data?.report as { id: string }).id;
});

afterAll(async () => {
  await server?.close();
});

function linesOf(requestId: string) {
  return server.logs.lines().filter((line) => line.requestId === requestId);
}

function expectRefusalLoggedAtInfo(requestId: string, code: string): void {
  const lines = linesOf(requestId);
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.filter((line) => line.level === 'error' || line.level === 'warn')).toEqual([]);
  expect(lines.some((line) => 'err' in line || JSON.stringify(line).includes('    at '))).toBe(
    false,
  );
  expect(lines).toContainEqual(
    expect.objectContaining({ level: 'info', msg: 'graphql request refused', code }),
  );
}

describe('error logging (integration)', () => {
  it('given a stale expectedRevision, then CONFLICT is logged at info without a stack', async () => {
    const token = await server.adminToken();
    const { body } = await server.gql(
      SET,
      {
        input: {
          reportId,
          expectedRevision: 99,
          changes: [{ key: 't3.newReceived.total', value: '1' }],
          reason: 'stale',
        },
      },
      { authorization: `Bearer ${token}`, 'x-request-id': 'log-conflict' },
    );
    expect(body.errors?.[0].extensions?.code).toBe('CONFLICT');
    expectRefusalLoggedAtInfo('log-conflict', 'CONFLICT');
  });

  it('given an editor out of scope, then FORBIDDEN is logged at info without a stack', async () => {
    const editor = await createToken(server.ledger.models.tokens, {
      name: '外单位',
      role: 'editor',
      agencies: ['别的局'],
    });
    const { body } = await server.gql(
      SET,
      {
        input: {
          reportId,
          expectedRevision: 1,
          changes: [{ key: 't3.newReceived.total', value: '1' }],
          reason: 'out of scope',
        },
      },
      { authorization: `Bearer ${editor.token}`, 'x-request-id': 'log-forbidden' },
    );
    expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expectRefusalLoggedAtInfo('log-forbidden', 'FORBIDDEN');
  });

  it('given a write without a token, then UNAUTHENTICATED is logged at info without a stack', async () => {
    const { body } = await server.gql(
      SET,
      {
        input: {
          reportId,
          expectedRevision: 1,
          changes: [{ key: 't3.newReceived.total', value: '1' }],
          reason: 'anonymous',
        },
      },
      { 'x-request-id': 'log-unauthenticated' },
    );
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expectRefusalLoggedAtInfo('log-unauthenticated', 'UNAUTHENTICATED');
  });

  it('given a persisted query with a wrong sha256, then it is a logged refusal, not an unexpected error', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'log-apq' },
      body: JSON.stringify({
        query: '{ service { name } }',
        extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } },
      }),
    });
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0].extensions.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expectRefusalLoggedAtInfo('log-apq', 'PERSISTED_QUERY_HASH_MISMATCH');
  });

  it('given a request body too large, then the refusal is logged at info', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'log-413' },
      body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(3 * 1024 * 1024)}` }),
    });
    expect(response.status).toBe(413);
    const lines = linesOf('log-413');
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'info', msg: 'request rejected', status: 413 }),
    );
    expect(lines.filter((line) => line.level === 'error' || line.level === 'warn')).toEqual([]);
  });
});
