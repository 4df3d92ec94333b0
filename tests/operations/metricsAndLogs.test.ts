// /metrics after a query, an error and a write; the request id on errors, headers and every
// log line of a request.
import { seedReport } from '../subscriptions/support/liveClient';
import { startOpsServer, type OpsServer } from './support/opsServer';

let server: OpsServer;

beforeAll(async () => {
  server = await startOpsServer('ops_metrics');
});

afterAll(async () => {
  await server?.close();
});

function sample(text: string, name: string, labels: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name}{${labels}}`));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

it('/metrics counts operations, errors by code, appended events and projection lag', async () => {
  const before = await (await fetch(`${server.origin}/metrics`)).text();
  expect(await server.gql(`query Service { service { name } }`)).toMatchObject({
    body: { data: { service: { name: 'Nianbao Ledger' } } },
  });
  const bad = await server.gql(`query Bad { reportById(id: "not-an-id") { id } }`);
  expect(bad.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const { reportId, revision } = await seedReport(server.ledger, '示例县指标测试局', 2024);
  const token = await server.adminToken();
  const edit = await server.gql(
    `mutation Edit($input: SetFiguresInput!) { setFigures(input: $input) { revision } }`,
    {
      input: {
        reportId,
        expectedRevision: revision,
        changes: [{ key: 't2.penalty.decisions', value: '12' }],
        reason: 'metrics',
      },
    },
    { authorization: `Bearer ${token}` },
  );
  expect(edit.body.errors).toBeUndefined();

  const response = await fetch(`${server.origin}/metrics`);
  expect(response.headers.get('content-type')).toContain('text/plain');
  const after = await response.text();
  const count = (text: string, labels: string) =>
    sample(text, 'graphql_operation_duration_seconds_count', labels);
  expect(count(after, 'operation="Service",type="query"')).toBe(
    count(before, 'operation="Service",type="query"') + 1,
  );
  expect(count(after, 'operation="Edit",type="mutation"')).toBe(1);
  expect(sample(after, 'graphql_errors_total', 'code="BAD_USER_INPUT"')).toBe(
    sample(before, 'graphql_errors_total', 'code="BAD_USER_INPUT"') + 1,
  );
  // The seed (in process, same store) and the mutation.
  expect(sample(after, 'events_appended_total', 'type="ReportImported"')).toBe(1);
  expect(sample(after, 'events_appended_total', 'type="FiguresEdited"')).toBe(1);
  // No projection follower runs in this test: the stored checkpoint is still 0.
  const head = await server.ledger.store.headPosition();
  expect(head).toBeGreaterThanOrEqual(2);
  expect(after).toMatch(new RegExp(`^projection_lag_events ${head}$`, 'm'));
  expect(after).toMatch(/^graphql_subscriptions_active 0$/m);
});

it('errors carry the request id the response header gives, and every log line of the request has it', async () => {
  const chosen = 'ops-test-request-42';
  const { response, body } = await server.gql(
    `{ reportById(id: "not-an-id") { id } }`,
    {},
    { 'x-request-id': chosen },
  );
  expect(response.headers.get('x-request-id')).toBe(chosen);
  expect(body.errors?.[0].extensions?.requestId).toBe(chosen);
  const lines = server.logs.lines().filter((line) => line.requestId === chosen);
  expect(lines.length).toBeGreaterThan(0);
  expect(
    lines.every((line) => typeof line.level === 'string' && typeof line.time === 'string'),
  ).toBe(true);

  const generated = await server.gql(`{ reportById(id: "still-not-an-id") { id } }`);
  const id = generated.response.headers.get('x-request-id');
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  expect(generated.body.errors?.[0].extensions?.requestId).toBe(id);

  // Errors outside GraphQL execution (a malformed body) carry it too.
  const malformed = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'ops-malformed-1' },
    body: '{"query": ',
  });
  expect(malformed.status).toBe(400);
  const malformedBody = (await malformed.json()) as {
    errors: Array<{ extensions: Record<string, unknown> }>;
  };
  expect(malformedBody.errors[0].extensions).toEqual({
    code: 'BAD_REQUEST',
    messageZh: '请求格式无效',
    requestId: 'ops-malformed-1',
  });
  expect(server.logs.lines().some((line) => line.requestId === 'ops-malformed-1')).toBe(true);
});

it('an unknown path is a JSON 404 with the request id', async () => {
  const response = await fetch(`${server.origin}/no/such/page`, {
    headers: { 'x-request-id': 'ops-404' },
  });
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({
    errors: [
      {
        message: 'no route for GET /no/such/page; the API is at /graphql',
        extensions: {
          code: 'NOT_FOUND',
          messageZh: '没有 GET /no/such/page 这个路径；接口在 /graphql',
          requestId: 'ops-404',
        },
      },
    ],
  });
});
