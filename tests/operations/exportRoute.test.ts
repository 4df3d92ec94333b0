// GET /export/:agency/:year/:format, and the same read rule as GraphQL.
import { seedReport } from '../subscriptions/support/liveClient';
import { startOpsServer, type OpsServer } from './support/opsServer';

const AGENCY = '示例县导出测试局';

describe('export over HTTP', () => {
  let server: OpsServer;

  beforeAll(async () => {
    server = await startOpsServer('ops_export');
    await seedReport(server.ledger, AGENCY, 2024);
  });

  afterAll(async () => {
    await server?.close();
  });

  const exportUrl = (agency: string, year: number | string, format: string) =>
    `${server.origin}/export/${encodeURIComponent(agency)}/${year}/${format}`;

  test('CSV is UTF-8 with a BOM, one row per figure, as an attachment', async () => {
    const response = await fetch(exportUrl(AGENCY, 2024, 'csv'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/csv.*utf-8/i);
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment;/);
    expect(disposition).toContain("filename*=UTF-8''");
    expect(decodeURIComponent(disposition)).toContain('2024');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text).toContain('t2.penalty.decisions');
    expect(response.headers.get('x-request-id')).toBeTruthy();
  });

  test('JSON and Markdown carry the report; unknown reports are 404, bad formats 400', async () => {
    const json = (await (await fetch(exportUrl(AGENCY, 2024, 'json'))).json()) as Record<
      string,
      unknown
    >;
    expect(JSON.stringify(json)).toContain(AGENCY);
    const markdown = await (await fetch(exportUrl(AGENCY, 2024, 'markdown'))).text();
    expect(markdown).toContain(AGENCY);
    const missing = await fetch(exportUrl('不存在的局', 2024, 'csv'));
    expect(missing.status).toBe(404);
    const badFormat = await fetch(exportUrl(AGENCY, 2024, 'xlsx'));
    expect(badFormat.status).toBe(400);
    expect(
      ((await badFormat.json()) as { errors: Array<{ extensions: unknown }> }).errors[0].extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'format',
    });
  });
});

test('with REQUIRE_TOKEN_FOR_READS an anonymous export is 401 and a token is accepted', async () => {
  const server = await startOpsServer('ops_export_locked', { REQUIRE_TOKEN_FOR_READS: 'true' });
  try {
    await seedReport(server.ledger, AGENCY, 2024);
    const url = `${server.origin}/export/${encodeURIComponent(AGENCY)}/2024/json`;
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(
      ((await anonymous.json()) as { errors: Array<{ extensions: unknown }> }).errors[0].extensions,
    ).toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    const token = await server.adminToken();
    const allowed = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(allowed.status).toBe(200);
  } finally {
    await server.close();
  }
});
