import express from 'express';
import { exportHandler } from '../../src/export/exportHandler';
import type { ExportableReport } from '../../src/export/exportableReport';
import { listen, type RunningServer } from '../observability/listen';
import { FEE, fixtureReport } from './reportFixture';

describe('exportHandler', () => {
  const report = fixtureReport();
  let server: RunningServer;

  beforeAll(async () => {
    const app = express();
    app.get(
      '/export/:agency/:year/:format',
      exportHandler(async (agency, year): Promise<ExportableReport | null> => {
        if (agency === 'boom') throw new Error('store down');
        return agency === report.agency && year === report.year ? report : null;
      }),
    );
    app.use(((_error, _req, res, _next) => {
      res.status(500).json({ errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    }) as express.ErrorRequestHandler);
    server = await listen(app);
  });

  afterAll(() => server.close());

  const get = (agency: string, year: string, format: string) =>
    fetch(
      `${server.url}/export/${encodeURIComponent(agency)}/${encodeURIComponent(year)}/${format}`,
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

  it('passes a store failure to the error handler instead of crashing', async () => {
    const response = await get('boom', '2024', 'csv');
    expect(response.status).toBe(500);
  });
});
