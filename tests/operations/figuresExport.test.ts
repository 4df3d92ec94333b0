// GET /export/figures.csv|jsonl over HTTP against the real database, on the shared corpus
// corrected to its answer keys: every streamed row is checked against the answer keys (values,
// counts, sums computed here) and the order against the same query through GraphQL; refusals
// name their parameter. The streaming itself (rows generated only as they are read) is checked
// on the chunk generator with a reader that stops reading.
import { Readable, Writable } from 'node:stream';
import { figureExportChunks } from '../../src/export/figureRowFormats';
import { FIGURE_VALUE_COLUMNS, type FigureRowPlan } from '../../src/export/figureRows';
import { CORPUS_AGENCY_REGIONS, readAnswerKeys, type AnswerKey } from '../corpus/answerKeys';
import { seedAnswerKeys } from './support/figuresExportCorpus';
import { startOpsServer, type OpsServer } from './support/opsServer';

const keys = readAnswerKeys();
const describeWithCorpus = keys ? describe : describe.skip;
const answerKeys: AnswerKey[] = keys ?? [];

const KEY = 't3.newReceived.total';
const FEE = 't2.fees.amount';

interface ErrorBody {
  errors: Array<{ message: string; extensions: Record<string, unknown> }>;
}

/** RFC 4180 records, written here independently of src/export/csv.ts. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || record.length > 0) throw new Error('CSV does not end with CRLF');
  return records;
}

const provinceOf = (agency: string) => `${CORPUS_AGENCY_REGIONS[agency].slice(0, 2)}0000`;

describeWithCorpus('bulk figure export over HTTP (integration)', () => {
  let server: OpsServer;
  let importedUntil: Date;

  const gql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const token = await server.adminToken();
    const { body } = await server.gql(query, variables, { authorization: `Bearer ${token}` });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  };
  const exportUrl = (format: string, query: string) =>
    `${server.origin}/export/figures.${format}?${query}`;
  const csvRecords = async (query: string) => {
    const response = await fetch(exportUrl('csv', query));
    expect(response.status).toBe(200);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(bytes.subarray(3).toString('utf8'));
    return {
      response,
      header,
      rows: rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]]))),
    };
  };
  const jsonLines = async (query: string) => {
    const response = await fetch(exportUrl('jsonl', query));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/jsonl/);
    const text = await response.text();
    if (text === '') return [];
    expect(text.endsWith('\n')).toBe(true);
    return text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  };
  const refusal = async (format: string, query: string) => {
    const response = await fetch(exportUrl(format, query));
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorBody;
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      requestId: response.headers.get('x-request-id'),
    });
    expect(body.errors[0].extensions.messageZh).toMatch(/[\u4e00-\u9fff]/);
    return body.errors[0];
  };

  beforeAll(async () => {
    server = await startOpsServer('ops_figures_export');
    importedUntil = await seedAnswerKeys(gql, answerKeys);
  }, 240_000);

  afterAll(async () => {
    await server?.close();
  });

  it('given the corpus, when 2024 is exported as CSV by value, then the rows are the answer keys in the order figureValues gives', async () => {
    const { response, header, rows } = await csvRecords(`key=${KEY}&year=2024`);
    expect(response.headers.get('content-type')).toMatch(/text\/csv.*utf-8/i);
    // Streamed: sent in chunks, so no length is known before the last row.
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;.*2024\.csv/);
    expect(header).toEqual(FIGURE_VALUE_COLUMNS.map((column) => column.header));
    const expected2024 = answerKeys.filter((key) => key.year === 2024);
    expect(rows).toHaveLength(expected2024.length);
    expect(response.headers.get('x-row-count')).toBe(String(expected2024.length));
    for (const row of rows) {
      const key = expected2024.find((item) => item.agency === row['机构']) as AnswerKey;
      expect(key).toBeDefined();
      expect(row['数值']).toBe(key.figures[KEY] ?? '');
      expect(row['年度']).toBe('2024');
      expect(row['区划代码']).toBe(CORPUS_AGENCY_REGIONS[key.agency]);
    }
    const graph = await gql<{
      figureValues: {
        edges: Array<{ node: { report: { reportId: string }; value: string | null } }>;
      };
    }>(
      `{ figureValues(key: "${KEY}", filter: { year: 2024 }, orderBy: { by: VALUE, direction: DESC }, first: 100) { edges { node { report { reportId } value } } } }`,
    );
    expect(rows.map((row) => row['报告ID'])).toEqual(
      graph.figureValues.edges.map((edge) => edge.node.report.reportId),
    );
    expect(rows.map((row) => row['名次'])).toEqual(rows.map((_, i) => String(i + 1)));
  });

  it('given the corpus, when every year is exported as JSON lines by agency name, then there is one line per answer key with its value', async () => {
    const lines = await jsonLines(`key=${FEE}&orderBy=AGENCY_NAME&direction=ASC`);
    expect(lines).toHaveLength(answerKeys.length);
    for (const line of lines) {
      const key = answerKeys.find(
        (item) => item.agency === line.agencyName && item.year === line.year,
      ) as AnswerKey;
      expect(key).toBeDefined();
      expect(line.value).toBe(key.figures[FEE]);
      expect(line.key).toBe(FEE);
    }
    const graph = await gql<{
      figureValues: { edges: Array<{ node: { report: { reportId: string } } }> };
    }>(
      `{ figureValues(key: "${FEE}", orderBy: { by: AGENCY_NAME, direction: ASC }, first: 100) { edges { node { report { reportId } } } } }`,
    );
    expect(lines.map((line) => line.reportId)).toEqual(
      graph.figureValues.edges.map((edge) => edge.node.report.reportId),
    );
  });

  it('given 江苏, when aggregates by year are exported, then each row is the answer keys of that year summed', async () => {
    const lines = await jsonLines(`keys=${KEY}&groupBy=YEAR&regionCode=320000`);
    const jiangsu = answerKeys.filter((key) => provinceOf(key.agency) === '320000');
    const years = [...new Set(jiangsu.map((key) => key.year))].sort();
    expect(lines.map((line) => line.year)).toEqual(years);
    for (const line of lines) {
      const ofYear = jiangsu.filter((key) => key.year === line.year);
      const values = ofYear
        .map((key) => key.figures[KEY])
        .filter((value): value is string => value !== null)
        .map(Number)
        .sort((a, b) => a - b);
      expect(line).toMatchObject({
        key: KEY,
        reports: ofYear.length,
        withValue: values.length,
        blanks: ofYear.length - values.length,
        sum: String(values.reduce((a, b) => a + b, 0)),
        min: String(values[0]),
        max: String(values[values.length - 1]),
        provinceCode: null,
      });
    }
  });

  it('given two keys grouped by province, when exported as CSV, then there is a row per province and key with the province name', async () => {
    const { rows } = await csvRecords(`keys=${KEY},${FEE}&groupBy=PROVINCE`);
    const provinces = [...new Set(answerKeys.map((key) => provinceOf(key.agency)))].sort();
    expect(rows.map((row) => `${row['省级代码']}:${row['指标键']}`)).toEqual(
      provinces.flatMap((code) => [`${code}:${KEY}`, `${code}:${FEE}`]),
    );
    for (const row of rows) {
      const reports = answerKeys.filter((key) => provinceOf(key.agency) === row['省级代码']);
      expect(row['报告数']).toBe(String(reports.length));
      expect(row['省级']).not.toBe('');
    }
  });

  it('given an instant before the corrections, when exported with asOf, then the values are those figureValues gives at that instant', async () => {
    const asOf = importedUntil.toISOString();
    const lines = await jsonLines(`key=${KEY}&asOf=${encodeURIComponent(asOf)}`);
    const graph = await gql<{
      figureValues: {
        edges: Array<{ node: { report: { reportId: string }; value: string | null } }>;
      };
    }>(
      `query($asOf: DateTime) { figureValues(key: "${KEY}", asOf: $asOf, first: 100) { edges { node { report { reportId } value } } } }`,
      { asOf },
    );
    expect(lines.map((line) => [line.reportId, line.value])).toEqual(
      graph.figureValues.edges.map((edge) => [edge.node.report.reportId, edge.node.value]),
    );
    expect(await jsonLines(`key=${KEY}&asOf=2000-01-01T00:00:00Z`)).toEqual([]);
  });

  it('given bad parameters, when exported, then each is refused with a JSON error naming it', async () => {
    const cases: Array<[string, string, string]> = [
      ['csv', 'key=t9.nothing', 'key'],
      ['csv', `key=${KEY}&regionCode=999999`, 'regionCode'],
      ['csv', `key=${KEY}&regionCode=32`, 'regionCode'],
      ['jsonl', `key=${KEY}&year=24`, 'year'],
      ['jsonl', `key=${KEY}&year=2024&year=2023`, 'year'],
      ['csv', `key=${KEY}&yaer=2024`, 'yaer'],
      ['csv', `key=${KEY}&level=village`, 'level'],
      ['csv', `key=${KEY}&orderBy=SIZE`, 'orderBy'],
      ['csv', `key=${KEY}&asOf=yesterday`, 'asOf'],
      ['csv', `year=2024`, 'key'],
      ['csv', `keys=${KEY}&groupBy=YEAR&orderBy=VALUE`, 'orderBy'],
      ['csv', `keys=${KEY}&groupBy=WEEK`, 'groupBy'],
      ['csv', `keys=${KEY},t9.nothing&groupBy=YEAR`, 'keys'],
      ['xlsx', `key=${KEY}`, 'format'],
    ];
    for (const [format, query, field] of cases) {
      const error = await refusal(format, query);
      expect([query, error.extensions.field]).toEqual([query, field]);
    }
  });

  it('given a token required for reads, when an anonymous client exports, then it is 401 as for GraphQL', async () => {
    const guarded = await startOpsServer('ops_figures_export_guarded', {
      REQUIRE_TOKEN_FOR_READS: 'true',
    });
    try {
      const response = await fetch(`${guarded.origin}/export/figures.csv?key=${KEY}`);
      expect(response.status).toBe(401);
      expect(((await response.json()) as ErrorBody).errors[0].extensions.code).toBe(
        'UNAUTHENTICATED',
      );
    } finally {
      await guarded.close();
    }
  });
});

describe('bulk figure export streaming (unit)', () => {
  /** A plan with endless rows, counting how many were generated. */
  function endlessPlan(): { plan: FigureRowPlan; generated: () => number } {
    let count = 0;
    function* rows() {
      for (;;) {
        count++;
        yield { rank: count, key: 'k', agencyName: '=HYPERLINK("x")', value: '-5' };
      }
    }
    return {
      plan: { columns: FIGURE_VALUE_COLUMNS, rowCount: Infinity, rows: rows() },
      generated: () => count,
    };
  }

  it('given endless rows, when the first chunk is read, then only that chunk was generated, formula text guarded', () => {
    const { plan, generated } = endlessPlan();
    const chunks = figureExportChunks(plan, 'csv');
    const first = chunks.next();
    expect(first.done).toBe(false);
    const text = first.value as string;
    expect(text.startsWith('\uFEFF名次,')).toBe(true);
    expect(text).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(text).toContain(',-5,');
    expect(generated()).toBeLessThan(2000);
  });

  it('given a reader that stops reading, when the export is piped to it, then generation stops too (backpressure)', async () => {
    const { plan, generated } = endlessPlan();
    let received = 0;
    const stalled = new Writable({
      highWaterMark: 1,
      write(_chunk, _encoding, _callback) {
        // Never calls back: the reader has stopped.
        received++;
      },
    });
    Readable.from(figureExportChunks(plan, 'jsonl')).pipe(stalled);
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
    const soFar = generated();
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(received).toBe(1);
    expect(generated()).toBe(soFar);
    expect(soFar).toBeLessThan(20_000);
    stalled.destroy();
  });
});
