import { ApolloServer, HeaderMap } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, buildSchema } from 'graphql';
import { createLogger } from '../../src/observability/logger';
import { createMetrics, type LedgerMetrics } from '../../src/observability/metrics';
import { metricsHandler } from '../../src/observability/metricsHandler';
import { metricsPlugin } from '../../src/observability/metricsPlugin';
import { requestContextMiddleware } from '../../src/observability/requestContext';
import { requestIdPlugin } from '../../src/observability/requestIdPlugin';
import { listen } from './listen';
import { logCapture, type LogCapture } from './logCapture';

const schema = buildSchema(`
  type Query { hello: String, missing: String, broken: String }
  type Mutation { touch: Int }
`);

const rootValue = {
  hello: () => 'nihao',
  missing: () => {
    throw new GraphQLError('no such report', { extensions: { code: 'NOT_FOUND' } });
  },
  broken: () => {
    throw new Error('database exploded');
  },
  touch: () => 1,
};

async function durationValues(metrics: LedgerMetrics) {
  return (await metrics.operationDuration.get()).values;
}

async function operationCount(metrics: LedgerMetrics, operation: string, type: string) {
  const values = await durationValues(metrics);
  return (
    values.find(
      (value) =>
        value.metricName === 'graphql_operation_duration_seconds_count' &&
        value.labels.operation === operation &&
        value.labels.type === type,
    )?.value ?? 0
  );
}

async function errorCount(metrics: LedgerMetrics, code: string) {
  const values = (await metrics.graphqlErrors.get()).values;
  return values.find((value) => value.labels.code === code)?.value ?? 0;
}

function withRequestId(requestId: string) {
  return {
    http: {
      method: 'POST',
      headers: new HeaderMap([['x-request-id', requestId]]),
      search: '',
      body: {},
    },
  };
}

describe('metricsPlugin with a real ApolloServer', () => {
  let metrics: LedgerMetrics;
  let capture: LogCapture;
  let apollo: ApolloServer;

  beforeEach(async () => {
    metrics = createMetrics({ defaultMetrics: false });
    capture = logCapture();
    apollo = new ApolloServer({
      schema,
      rootValue,
      plugins: [metricsPlugin(metrics, createLogger('info', capture), { maxOperationNames: 3 })],
    });
    await apollo.start();
  });

  afterEach(() => apollo.stop());

  it('records the duration of an operation by name and type, and logs it with the request id', async () => {
    await apollo.executeOperation({ query: 'query Hello { hello }', ...withRequestId('req-7') });
    await apollo.executeOperation({ query: 'mutation Touch { touch }' });
    expect(await operationCount(metrics, 'Hello', 'query')).toBe(1);
    expect(await operationCount(metrics, 'Touch', 'mutation')).toBe(1);
    const sum = (await durationValues(metrics)).find(
      (value) => value.metricName === 'graphql_operation_duration_seconds_sum',
    );
    expect(sum?.value).toBeGreaterThan(0);
    expect(capture.lines()[0]).toMatchObject({
      msg: 'graphql operation',
      requestId: 'req-7',
      operation: 'Hello',
      type: 'query',
    });
    expect(typeof capture.lines()[0].durationMs).toBe('number');
  });

  it('counts errors by the code clients receive', async () => {
    await apollo.executeOperation({ query: 'query Missing { missing }' });
    await apollo.executeOperation({ query: '{ missing hello }' });
    await apollo.executeOperation({ query: '{ hello' });
    await apollo.executeOperation({ query: '{ nope }' });
    expect(await errorCount(metrics, 'NOT_FOUND')).toBe(2);
    expect(await errorCount(metrics, 'GRAPHQL_PARSE_FAILED')).toBe(1);
    expect(await errorCount(metrics, 'GRAPHQL_VALIDATION_FAILED')).toBe(1);
    expect(await operationCount(metrics, 'anonymous', 'query')).toBe(1);
    expect(await operationCount(metrics, 'anonymous', 'unknown')).toBe(2);
    expect(capture.lines()[0]).toMatchObject({ operation: 'Missing', errors: ['NOT_FOUND'] });
  });

  it('counts an unexpected error as INTERNAL_SERVER_ERROR (formatError logs it, not this plugin)', async () => {
    const result = await apollo.executeOperation({
      query: 'query Broken { broken }',
      ...withRequestId('req-9'),
    });
    expect(await errorCount(metrics, 'INTERNAL_SERVER_ERROR')).toBe(1);
    expect(capture.lines().filter((line) => line.level === 'error')).toEqual([]);
    expect(capture.lines()[0]).toMatchObject({
      requestId: 'req-9',
      errors: ['INTERNAL_SERVER_ERROR'],
    });
    expect(result.body.kind).toBe('single');
  });

  it('keeps client-chosen operation names from growing the label set without bound', async () => {
    for (const name of ['A', 'B', 'C', 'D', 'E']) {
      await apollo.executeOperation({ query: `query ${name} { hello }` });
    }
    const operations = (await durationValues(metrics))
      .filter((value) => value.metricName === 'graphql_operation_duration_seconds_count')
      .map((value) => value.labels.operation);
    expect(operations.sort()).toEqual(['A', 'B', 'C', 'other']);
    expect(await operationCount(metrics, 'other', 'query')).toBe(2);
  });
});

describe('observability over HTTP', () => {
  it('ties the response header, the error extensions and the log line to one request id, and serves /metrics', async () => {
    const metrics = createMetrics();
    const capture = logCapture();
    const logger = createLogger('info', capture);
    const apollo = new ApolloServer({
      schema,
      rootValue,
      plugins: [metricsPlugin(metrics, logger), requestIdPlugin()],
    });
    await apollo.start();
    const app = express();
    app.use(requestContextMiddleware(logger));
    app.get('/metrics', metricsHandler(metrics));
    app.use('/graphql', express.json(), expressMiddleware(apollo));
    const server = await listen(app);
    try {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query Missing { missing }' }),
      });
      const requestId = response.headers.get('x-request-id');
      expect(requestId).toBeTruthy();
      const body = (await response.json()) as {
        errors: Array<{ extensions: { code: string; requestId: string } }>;
      };
      expect(body.errors[0].extensions).toMatchObject({ code: 'NOT_FOUND', requestId });
      expect(capture.lines().at(-1)).toMatchObject({ requestId, operation: 'Missing' });

      const scrape = await fetch(`${server.url}/metrics`);
      expect(scrape.headers.get('content-type')).toContain('text/plain');
      const text = await scrape.text();
      for (const name of [
        'graphql_operation_duration_seconds_bucket',
        'graphql_errors_total{code="NOT_FOUND"} 1',
        'events_appended_total',
        'projection_lag_events',
        'process_cpu_user_seconds_total',
      ]) {
        expect(text).toContain(name);
      }
    } finally {
      await server.close();
      await apollo.stop();
    }
  });
});
