// GET /export/:agency/:year/:format, and the same read rule as GraphQL.
import { setTimeout as sleep } from 'node:timers/promises';
import { localAdminPrincipal } from '../../src/auth/principal';
import type { ReportJson } from '../../src/export/json';
import { NARRATIVE_SENTENCE, narrativeReportDocument } from '../export/narrativeReportDocument';
import { seedReport } from '../subscriptions/support/liveClient';
import { startOpsServer, type OpsServer } from './support/opsServer';

const AGENCY = '示例县导出测试局';
const TIME_AGENCY = '示例县导出时间测试局';
const EDITED_KEY = 't3.newReceived.total';

interface ErrorBody {
  errors: Array<{ message: string; extensions: Record<string, unknown> }>;
}

describe('export over HTTP (integration)', () => {
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

  it('CSV is UTF-8 with a BOM, one row per figure, as an attachment', async () => {
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

  it('JSON and Markdown carry the report; unknown reports are 404, bad formats 400', async () => {
    const json = (await (await fetch(exportUrl(AGENCY, 2024, 'json'))).json()) as Record<
      string,
      unknown
    >;
    expect(JSON.stringify(json)).toContain(AGENCY);
    const markdown = await (await fetch(exportUrl(AGENCY, 2024, 'markdown'))).text();
    expect(markdown).toContain(AGENCY);
    const missing = await fetch(exportUrl('不存在的局', 2024, 'csv'));
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as ErrorBody).errors[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      requestId: missing.headers.get('x-request-id'),
    });
    const badFormat = await fetch(exportUrl(AGENCY, 2024, 'xlsx'));
    expect(badFormat.status).toBe(400);
    expect(
      ((await badFormat.json()) as { errors: Array<{ extensions: unknown }> }).errors[0].extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'format',
      requestId: badFormat.headers.get('x-request-id'),
    });
  });
});

describe('export over HTTP of a report with history and narrative figures (integration)', () => {
  let server: OpsServer;
  let imported: ReportJson;
  let importedRevision: number;
  let betweenImportAndEdit: Date;

  const exportUrl = (format: string, query = '') =>
    `${server.origin}/export/${encodeURIComponent(TIME_AGENCY)}/2024/${format}${query}`;
  const exportJson = async (query = ''): Promise<ReportJson> => {
    const response = await fetch(exportUrl('json', query));
    expect(response.status).toBe(200);
    return (await response.json()) as ReportJson;
  };
  const valueOf = (json: ReportJson, key: string) =>
    json.figures.find((figure) => figure.key === key)?.value;

  beforeAll(async () => {
    server = await startOpsServer('ops_export_history');
    const admin = localAdminPrincipal('export test');
    const outcome = await server.ledger.services.importReport(admin, {
      document: narrativeReportDocument(),
      agency: TIME_AGENCY,
      year: 2024,
      reason: '导出测试：首次导入',
    });
    importedRevision = outcome.report.revision;
    imported = await exportJson();
    // recordedAt comes from the server clock: leave a gap so an instant falls between.
    await sleep(30);
    betweenImportAndEdit = new Date();
    await sleep(30);
    await server.ledger.services.setFigures(admin, {
      reportId: outcome.report.reportId,
      expectedRevision: importedRevision,
      changes: [{ key: EDITED_KEY, value: String(Number(valueOf(imported, EDITED_KEY)) + 5) }],
      reason: '导出测试：更正',
    });
  });

  afterAll(async () => {
    await server?.close();
  });

  it('given an edit after the import, when exported with ?atRevision of the import, then the file is the imported version', async () => {
    const current = await exportJson();
    expect(current.revision).toBeGreaterThan(importedRevision);
    expect(valueOf(current, EDITED_KEY)).not.toBe(valueOf(imported, EDITED_KEY));
    const past = await exportJson(`?atRevision=${importedRevision}`);
    expect(past.revision).toBe(importedRevision);
    expect(valueOf(past, EDITED_KEY)).toBe(valueOf(imported, EDITED_KEY));
  });

  it('given an edit after the import, when exported with ?asOf an instant between them, then the file is the imported version', async () => {
    const past = await exportJson(
      `?asOf=${encodeURIComponent(betweenImportAndEdit.toISOString())}`,
    );
    expect(past.revision).toBe(importedRevision);
    expect(valueOf(past, EDITED_KEY)).toBe(valueOf(imported, EDITED_KEY));
    const csv = await (await fetch(exportUrl('csv', `?atRevision=${importedRevision}`))).text();
    expect(csv).toMatch(
      new RegExp(
        `^${EDITED_KEY.replace(/\./g, '\\.')},[^\r]*,${valueOf(imported, EDITED_KEY)},`,
        'm',
      ),
    );
  });

  it('given an instant before the report existed, when exported, then 404 NOT_FOUND with the request id', async () => {
    const response = await fetch(exportUrl('json', '?asOf=2001-01-01T00:00:00Z'));
    expect(response.status).toBe(404);
    const body = (await response.json()) as ErrorBody;
    expect(body.errors[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      requestId: response.headers.get('x-request-id'),
    });
  });

  it('given narrative figures in the report, when exported, then JSON, CSV and Markdown hold them', async () => {
    const current = await exportJson();
    const narrative = current.figures.filter((figure) => figure.table === 'NARRATIVE');
    expect(narrative.map((figure) => [figure.key, figure.value, figure.unit])).toEqual([
      ['n.1.1.1', '6616', '条'],
      ['n.1.1.2', '12', '篇'],
    ]);
    expect(narrative[0].sentence).toBe(NARRATIVE_SENTENCE);
    const csv = await (await fetch(exportUrl('csv'))).text();
    expect(csv).toContain(`n.1.1.1,正文,1.1,,6616,`);
    expect(csv).toContain(NARRATIVE_SENTENCE);
    const markdown = await (await fetch(exportUrl('markdown'))).text();
    expect(markdown).toContain('| `n.1.1.2` | 1.1 | 12 | 篇 |');
  });

  it('given rule results, when exported as JSON, then status, severity and reason are spelled as GraphQL spells them', async () => {
    const current = await exportJson();
    // No 2023 report: the cross-year rules cannot be judged, so a reason is there to compare.
    expect(current.rules?.some((rule) => rule.notAssessableReason !== undefined)).toBe(true);
    const { body } = await server.gql(
      `{ report(agency: "${TIME_AGENCY}", year: 2024) { rules { id scope status severity notAssessableReason } } }`,
    );
    const graphqlRules = (body.data?.report as { rules: unknown[] }).rules;
    expect(
      current.rules?.map(({ id, scope, status, severity, notAssessableReason }) => ({
        id,
        scope,
        status,
        severity,
        notAssessableReason: notAssessableReason ?? null,
      })),
    ).toEqual(graphqlRules);
  });

  it.each([
    ['?atRevision=-1', 'atRevision'],
    ['?atRevision=one', 'atRevision'],
    ['?asOf=yesterday', 'asOf'],
  ])(
    'given %s, when exported, then 400 BAD_USER_INPUT names it and carries the request id',
    async (query, field) => {
      const response = await fetch(exportUrl('json', query));
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(body.errors[0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        field,
        requestId: response.headers.get('x-request-id'),
        messageZh: expect.stringContaining(`${field} 须为`),
      });
    },
  );
});

it('with REQUIRE_TOKEN_FOR_READS an anonymous export is 401 and a token is accepted', async () => {
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
      requestId: anonymous.headers.get('x-request-id'),
    });
    const badToken = await fetch(url, { headers: { authorization: 'Bearer nbl_not_a_token' } });
    expect(badToken.status).toBe(401);
    expect(((await badToken.json()) as ErrorBody).errors[0].extensions).toMatchObject({
      requestId: badToken.headers.get('x-request-id'),
    });
    const token = await server.adminToken();
    const allowed = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    expect(allowed.status).toBe(200);
  } finally {
    await server.close();
  }
});
