import express from 'express';
import { exportHandler } from '../../src/export/exportHandler';
import type { ExportableReport } from '../../src/export/exportableReport';
import type { ExportTimePoint } from '../../src/export/exportTimePoint';
import { createLogger } from '../../src/observability/logger';
import { requestContextMiddleware } from '../../src/observability/requestContext';
import { listen, type RunningServer } from '../observability/listen';
import { FEE, fixtureReport } from './reportFixture';

interface ErrorBody {
  errors: Array<{ message: string; extensions: Record<string, unknown> }>;
}

describe('exportHandler (unit)', () => {
  const report = fixtureReport();
  const asked: ExportTimePoint[] = [];
  let server: RunningServer;

  beforeAll(async () => {
    const app = express();
    // As the server mounts it: every request has an id before the export route runs.
    app.use(requestContextMiddleware(createLogger('silent')));
    app.get(
      '/export/:agency/:year/:format',
      exportHandler(async (agency, year, at): Promise<ExportableReport | null> => {
        if (agency === 'boom') throw new Error('store down');
        asked.push(at);
        if (agency !== report.agency || year !== report.year) return null;
        // The report's history starts at revision 0; before its first event there is none.
        if (at.asOf && at.asOf.getTime() < Date.parse('2020-01-01T00:00:00Z')) return null;
        return at.atRevision === undefined ? report : { ...report, revision: at.atRevision };
      }),
    );
    app.use(((_error, _req, res, _next) => {
      res.status(500).json({ errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }) as express.ErrorRequestHandler);
    server = await listen(app);
  });

  afterAll(() => server.close());

  beforeEach(() => {
    asked.length = 0;
  });

  const get = (agency: string, year: string, format: string, query = '') =>
    fetch(
      `${server.url}/export/${encodeURIComponent(agency)}/${encodeURIComponent(year)}/${format}${query}`,
    );

  it('downloads a CSV with BOM, its type and a Chinese file name', async () => {
    const response = await get(report.agency, '2024', 'csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe(
      '平罗县审批服务管理局-2024.csv',
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(FEE);
  });

  it('serves json and markdown (also as md)', async () => {
    const json = (await (await get(report.agency, '2024', 'json')).json()) as { year: number };
    expect(json.year).toBe(2024);
    const markdown = await (await get(report.agency, '2024', 'md')).text();
    expect(markdown).toContain('## 四、政府信息公开行政复议、行政诉讼情况');
  });

  it('given ?atRevision=0, when exporting, then the loader is asked for revision 0 and the file shows it', async () => {
    const response = await get(report.agency, '2024', 'json', '?atRevision=0');
    expect(response.status).toBe(200);
    expect(((await response.json()) as { revision: number }).revision).toBe(0);
    expect(asked).toEqual([{ atRevision: 0 }]);
  });

  it('given ?asOf=an instant, when exporting, then the loader is asked for that instant', async () => {
    const response = await get(report.agency, '2024', 'csv', '?asOf=2025-01-31T16:00:00%2B08:00');
    expect(response.status).toBe(200);
    expect(asked).toEqual([{ asOf: new Date('2025-01-31T08:00:00.000Z') }]);
  });

  it('given no time point, when exporting, then the loader is asked for the current version', async () => {
    await get(report.agency, '2024', 'csv');
    expect(asked).toEqual([{}]);
  });

  it.each([
    ['?atRevision=-1', 'atRevision', /atRevision must be a revision number/],
    ['?atRevision=latest', 'atRevision', /atRevision must be a revision number/],
    ['?atRevision=1&atRevision=2', 'atRevision', /given more than once/],
    ['?asOf=yesterday', 'asOf', /asOf must be an ISO 8601 instant/],
  ])(
    'given %s, when exporting, then 400 BAD_USER_INPUT names the parameter and nothing is loaded',
    async (query, field, message) => {
      const response = await get(report.agency, '2024', 'csv', query);
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(body.errors[0].message).toMatch(message);
      expect(asked).toEqual([]);
    },
  );

  it('names the bad field, and answers NOT_FOUND for a report that does not exist', async () => {
    const badYear = await get(report.agency, '24', 'csv');
    expect(badYear.status).toBe(400);
    expect(await badYear.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'year' } }],
    });
    const badFormat = await get(report.agency, '2024', 'xlsx');
    expect(await badFormat.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'format' } }],
    });
    const missing = await get('某局', '2024', 'csv');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });

  it('given an instant before the report existed, when exporting, then NOT_FOUND says as of when', async () => {
    const response = await get(report.agency, '2024', 'csv', '?asOf=2019-01-01T00:00:00Z');
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).errors[0].message).toContain(
      'as of 2019-01-01T00:00:00.000Z',
    );
  });

  it.each([
    ['a bad year', ['平罗县审批服务管理局', '24', 'csv', '']],
    ['a bad format', ['平罗县审批服务管理局', '2024', 'xlsx', '']],
    ['a bad atRevision', ['平罗县审批服务管理局', '2024', 'csv', '?atRevision=x']],
    ['a missing report', ['某局', '2024', 'csv', '']],
  ] as const)(
    'given %s, when the export fails, then the error carries the request id of x-request-id and a Chinese message',
    async (_case, [agency, year, format, query]) => {
      const response = await get(agency, year, format, query);
      expect(response.status).toBeGreaterThanOrEqual(400);
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toBeTruthy();
      const body = (await response.json()) as ErrorBody;
      expect(body.errors[0].extensions.requestId).toBe(requestId);
      expect(body.errors[0].extensions.messageZh).toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it('passes a store failure to the error handler instead of crashing', async () => {
    const response = await get('boom', '2024', 'csv');
    expect(response.status).toBe(500);
  });
});
