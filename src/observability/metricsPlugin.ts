// Apollo Server plugin: times every operation, counts errors by the code clients receive,
// and writes one log line per operation with its request id. The errors themselves are logged
// where their code is decided (src/server/formatError.ts): a fault at error with its stack, a
// refusal at info without one. (Logging every code-less error here at error, as this plugin
// once did, logged each CONFLICT and FORBIDDEN thrown by a resolver as a fault.)
//
// Subscriptions served by graphql-ws do not pass through Apollo's request pipeline; their
// subscribe call is not seen here.
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { LedgerMetrics, OperationType } from './metrics';
import { REQUEST_ID_HEADER } from './requestId';

export interface MetricsPluginOptions<TContext extends BaseContext> {
  /** Where the request id lives in the context; by default the x-request-id request header. */
  requestIdOf?(context: TContext): string | undefined;
  /**
   * Operation names come from clients, and every distinct name is a new time series held
   * in memory forever; beyond this many, names are counted as "other".
   */
  maxOperationNames?: number;
}

const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** Bounded label values for client-chosen operation names. */
function operationLabeler(limit: number): (name: string | null | undefined) => string {
  const known = new Set<string>();
  return (name) => {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (known.has(name)) return name;
    if (known.size >= limit) return 'other';
    known.add(name);
    return name;
  };
}

function errorCode(error: GraphQLFormattedError): string {
  const code = error.extensions?.code;
  return typeof code === 'string' && ERROR_CODE.test(code) ? code : 'INTERNAL_SERVER_ERROR';
}

function responseErrors<TContext extends BaseContext>(
  requestContext: GraphQLRequestContext<TContext>,
): readonly GraphQLFormattedError[] {
  const body = requestContext.response?.body;
  if (!body) return [];
  return (body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors) ?? [];
}

export function metricsPlugin<TContext extends BaseContext = BaseContext>(
  metrics: LedgerMetrics,
  logger: Logger,
  options: MetricsPluginOptions<TContext> = {},
): ApolloServerPlugin<TContext> {
  const labelOperation = operationLabeler(options.maxOperationNames ?? 200);
  const requestIdOf = (requestContext: GraphQLRequestContext<TContext>): string | undefined =>
    options.requestIdOf?.(requestContext.contextValue) ??
    requestContext.request.http?.headers.get(REQUEST_ID_HEADER) ??
    undefined;

  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(requestContext) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const operation = labelOperation(
            requestContext.operationName ?? requestContext.request.operationName,
          );
          const type: OperationType = requestContext.operation?.operation ?? 'unknown';
          metrics.operationDuration.observe({ operation, type }, seconds);
          const codes = responseErrors(requestContext).map(errorCode);
          for (const code of codes) metrics.graphqlErrors.inc({ code });
          logger.info(
            {
              requestId: requestIdOf(requestContext),
              operation,
              type,
              durationMs: Math.round(seconds * 1e6) / 1e3,
              ...(codes.length > 0 ? { errors: codes } : {}),
            },
            'graphql operation',
          );
        },
      };
    },
  };
}
