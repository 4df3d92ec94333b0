// Unit (no database): how formatError turns what was thrown into what a client receives, and
// what it tells the log: faults (INTERNAL_SERVER_ERROR) apart from refusals.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import express from 'express';
import { RevisionConflictError } from '../../events/report/errors';
import { requestContextMiddleware } from '../../src/observability/requestContext';
import { requestScopeMiddleware } from '../../src/observability/requestScope';
import { createLogger } from '../../src/observability/logger';
import { createFormatError, type ErrorReport } from '../../src/server/formatError';
import { listen } from '../observability/listen';

function formatted(error: GraphQLError): GraphQLFormattedError {
  return {
    ...error.toJSON(),
    extensions: { ...error.extensions, code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR' },
  };
}

function format(error: unknown) {
  const reports: ErrorReport[] = [];
  const graphqlError =
    error instanceof GraphQLError
      ? error
      : // As graphql-js wraps what a resolver throws.
        new GraphQLError((error as Error).message, {
          originalError: error as Error,
          path: ['broken'],
        });
  const sent = createFormatError((report) => reports.push(report))(
    formatted(graphqlError),
    graphqlError,
  );
  return { sent, reports };
}

describe('formatError (unit)', () => {
  it("given Apollo's code-less hash mismatch, then a code of its own and a refusal", () => {
    const { sent, reports } = format(
      new GraphQLError('provided sha does not match query', {
        extensions: { http: { status: 400 } },
      }),
    );
    expect(sent.extensions?.code).toBe('PERSISTED_QUERY_HASH_MISMATCH');
    expect(reports.map((report) => report.kind)).toEqual(['refusal']);
  });

  it('given any other code-less request refusal of Apollo (a 4xx), then BAD_REQUEST', () => {
    const { sent, reports } = format(
      new GraphQLError('some future refusal', { extensions: { http: { status: 400 } } }),
    );
    expect(sent.extensions?.code).toBe('BAD_REQUEST');
    expect(reports[0].kind).toBe('refusal');
  });

  it('given a bug (a plain Error), then INTERNAL_SERVER_ERROR, a fault, and nothing of it sent', () => {
    const { sent, reports } = format(new Error('database exploded'));
    expect(sent.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(sent.message).not.toContain('exploded');
    expect(reports).toEqual([expect.objectContaining({ kind: 'fault' })]);
    expect((reports[0].error as Error).message).toBe('database exploded');
  });

  it('given a conflict, then CONFLICT with both revisions and a Chinese message naming them', () => {
    const conflict = new RevisionConflictError(0, 3);
    const wrapped = new GraphQLError(conflict.message, {
      originalError: conflict,
      path: ['setFigures'],
    });
    const { sent, reports } = format(wrapped);
    expect(sent.extensions).toMatchObject({
      code: 'CONFLICT',
      currentRevision: conflict.currentRevision,
      expectedRevision: conflict.expectedRevision,
    });
    expect(sent.extensions?.messageZh).toContain(`第 ${conflict.currentRevision} 版`);
    expect(reports[0].kind).toBe('refusal');
  });

  it('given an error formatted inside a request scope, then it carries that request id', async () => {
    const app = express();
    app.use(requestContextMiddleware(createLogger('silent')));
    app.use(requestScopeMiddleware());
    app.get('/', async (_req, res) => {
      await new Promise((resolve) => setImmediate(resolve));
      res.json(format(new GraphQLError('x', { extensions: { code: 'BAD_REQUEST' } })).sent);
    });
    const server = await listen(app);
    try {
      const response = await fetch(server.url, { headers: { 'x-request-id': 'scoped-1' } });
      const body = (await response.json()) as GraphQLFormattedError;
      expect(body.extensions?.requestId).toBe('scoped-1');
    } finally {
      await server.close();
    }
  });
});
