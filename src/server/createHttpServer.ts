// Wires Express, Apollo Server, the GraphQL-over-WebSocket server and the operational routes
// into one HTTP server:
//   GET/POST /graphql        Apollo (GET from a browser: the offline query page)
//   WS       /graphql        subscriptions (graphql-ws protocol)
//   GET /healthz, /readyz    liveness, readiness (database, projection lag, ledger integrity)
//   GET /metrics             Prometheus
//   GET /export/:agency/:year/:format
//   GET /export/figures.csv|jsonl   a corpus query streamed (figuresExportRoute.ts)
//   GET /                    the web viewer (web/dist), when built
// Every request gets an id (x-request-id in and out) and a logger bound to it; errors carry
// the id so a user can quote it, and a Chinese message (formatError.ts). Every GraphQL response
// carries its cost, charged to the client's token bucket (queryCostPlugin.ts). Add routes of
// your own before `listen()`.
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import type { RequestContext } from '../../resolvers/context';
import { decimalLiteralRule } from '../../resolvers/scalars';
import type { Ledger } from '../application/createLedger';
import type { Config } from '../config';
import { createLogger } from '../observability/logger';
import { createMetrics, type LedgerMetrics } from '../observability/metrics';
import { metricsPlugin } from '../observability/metricsPlugin';
import { errorHandler } from '../observability/errorHandler';
import { requestContextMiddleware, requestIdOf } from '../observability/requestContext';
import { requestIdPlugin } from '../observability/requestIdPlugin';
import { requestScopeMiddleware } from '../observability/requestScope';
import { projectReport } from '../projections/projectReport';
import { ChangeFeed } from '../subscriptions/changeFeed';
import { LiveFeed } from '../subscriptions/liveFeed';
import {
  attachSubscriptionServer,
  type SubscriptionServer,
} from '../subscriptions/websocketServer';
import { buildLedgerSchema } from './buildSchema';
import { countAppendedEvents } from './countAppendedEvents';
import { answerClientErrors } from './clientErrorResponse';
import { corsPolicy } from './corsPolicy';
import { chineseMessageOf } from './errorMessagesZh';
import { createFormatError } from './formatError';
import { queryCostPlugin } from './queryCostPlugin';
import { responseCachePlugin, stringifyCachedResult } from './responseCachePlugin';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './queryLimits';
import { loadRateLimitConfig, type RateLimitConfig } from './rateLimitConfig';
import { TokenBuckets } from './tokenBucket';
import { readAccessPlugin } from './readAccessPlugin';
import { refuseHttpSubscriptions } from './refuseHttpSubscriptions';
import { ReadinessMonitor } from './readiness';
import { createRequestContext } from './requestContext';
import { registerExportRoute } from './routes/exportRoute';
import { registerFiguresExportRoute } from './routes/figuresExportRoute';
import { registerGraphqlExplorer } from './routes/graphqlExplorer';
import { registerHealthRoutes } from './routes/health';
import { registerMetricsRoute } from './routes/metrics';
import { registerNotFound } from './routes/notFound';
import { registerStaticWeb } from './routes/staticWeb';
import { webDistDirectory } from '../viewer/viewerBuild';
import { subscriptionGauge } from './subscriptionGauge';

export const GRAPHQL_PATH = '/graphql';

export interface LedgerHttpServer {
  readonly app: Express;
  readonly httpServer: http.Server;
  readonly apollo: ApolloServer<RequestContext>;
  readonly schema: GraphQLSchema;
  readonly logger: Logger;
  readonly metrics: LedgerMetrics;
  readonly readiness: ReadinessMonitor;
  readonly changeFeed: ChangeFeed;
  readonly subscriptions: SubscriptionServer;
  /**
   * Registers the GraphQL route, static files and error handlers (call after adding your own
   * routes; listen() calls it if you did not), then listens.
   */
  listen(): Promise<{ url: string; port: number }>;
  /**
   * Graceful shutdown: stops accepting connections, closes every subscription (WebSocket
   * close 1001), drains HTTP requests in flight (cut after the grace period), stops the
   * change feed. The ledger (database) is the caller's to close afterwards.
   */
  stop(): Promise<void>;
}

export interface CreateHttpServerOptions {
  logger?: Logger;
  /** Default: a registry of its own with Node's default metrics. */
  metrics?: LedgerMetrics;
  queryLimits?: Partial<QueryLimits>;
  /** Default: from RATE_LIMIT_* environment variables (rateLimitConfig.ts). */
  rateLimit?: RateLimitConfig;
  /** Serve web/dist at `/` when built (default true). */
  serveWeb?: boolean;
  /** Where the built viewer is (default web/dist, or NIANBAO_WEB_DIST). */
  webDirectory?: string;
  /** More Apollo plugins, added after the built-in ones. */
  plugins?: ApolloServerPlugin<RequestContext>[];
}

export async function createHttpServer(
  config: Config,
  ledger: Ledger,
  options: CreateHttpServerOptions = {},
): Promise<LedgerHttpServer> {
  // First, so that a bad RATE_LIMIT_* variable stops start-up before anything is opened.
  const rateLimit = options.rateLimit ?? loadRateLimitConfig(process.env);
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = options.metrics ?? createMetrics();
  countAppendedEvents(ledger.store, metrics);
  const queryLimits: QueryLimits = {
    ...DEFAULT_QUERY_LIMITS,
    maxPageSize: config.maxPageSize,
    ...options.queryLimits,
  };
  const buckets =
    rateLimit.bucketSize > 0
      ? new TokenBuckets({
          capacity: rateLimit.bucketSize,
          refillPerSecond: rateLimit.refillPerSecond,
        })
      : null;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  answerClientErrors(httpServer, logger);
  const schema = await buildLedgerSchema();
  const formatError = createFormatError(({ kind, error, formatted }) => {
    const { code, requestId } = formatted.extensions ?? {};
    if (kind === 'fault') {
      logger.error(
        { err: error, path: formatted.path, requestId },
        'unexpected error while handling a GraphQL request',
      );
    } else {
      // An expected refusal: no stack, it is not something to fix on the server.
      logger.info(
        { code, path: formatted.path, requestId, reason: formatted.message },
        'graphql request refused',
      );
    }
  });
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (stop() below, then main.ts stops the database); Apollo's own signal
    // handler would re-raise SIGTERM after its stop and kill the process before that.
    stopOnTerminationSignals: false,
    formatError,
    // Writes a cached answer's stored JSON as it is (responseCachePlugin.ts).
    stringifyResult: stringifyCachedResult,
    // Names the field of a Decimal written as a number literal (resolvers/scalars.ts).
    validationRules: [decimalLiteralRule],
    plugins: [
      ApolloServerPluginDrainHttpServer({
        httpServer,
        stopGracePeriodMillis: config.shutdownGraceMs,
      }),
      // Apollo's landing pages load from a CDN; the offline page is registerGraphqlExplorer.
      ApolloServerPluginLandingPageDisabled(),
      // No field sets a cache hint, and Apollo's default cache-control plugin hooks every
      // resolved field (a 200-figure report resolves ~5,000): an eighth of a full read's CPU.
      ApolloServerPluginCacheControlDisabled(),
      requestIdPlugin<RequestContext>((context) => context?.requestId),
      metricsPlugin<RequestContext>(metrics, logger, {
        requestIdOf: (context) => context?.requestId,
      }),
      readAccessPlugin(config.requireTokenForReads),
      refuseHttpSubscriptions<RequestContext>(GRAPHQL_PATH),
      queryCostPlugin(queryLimits, buckets),
      responseCachePlugin({ models: ledger.models, registry: metrics.registry }),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  const changeFeed = new ChangeFeed(ledger.store, {
    pollIntervalMs: config.subscriptionPollIntervalMs,
    onError: (error) => logger.warn({ err: error }, 'subscription feed: reading the log failed'),
    // Read-your-notice: a subscriber that queries the report on a notice sees that revision.
    beforeDeliver: async (notices) => {
      for (const notice of notices) await projectReport(ledger.projection, notice.reportId);
    },
  });
  const active = subscriptionGauge(metrics);
  const subscriptions = attachSubscriptionServer({
    httpServer,
    path: GRAPHQL_PATH,
    schema,
    liveFeed: new LiveFeed(changeFeed, { onActiveChange: (delta) => active.inc(delta) }),
    authenticate: ({ authorization, requestId }) =>
      createRequestContext({ ledger, maxPageSize: config.maxPageSize, authorization, requestId }),
    requireTokenForReads: config.requireTokenForReads,
    queryLimits,
    formatError,
    logger,
  });

  const readiness = new ReadinessMonitor(
    { db: ledger.db, projection: ledger.projection },
    {
      maxProjectionLag: config.readyMaxProjectionLag,
      integrityIntervalMs: config.integrityCheckIntervalMs,
      metrics,
      logger,
    },
  );

  app.use(requestContextMiddleware(logger));
  registerHealthRoutes(app, readiness);
  registerMetricsRoute(app, metrics, readiness);
  registerExportRoute(app, ledger, { requireTokenForReads: config.requireTokenForReads });
  registerFiguresExportRoute(app, ledger, { requireTokenForReads: config.requireTokenForReads });

  let routed = false;
  const registerFinalRoutes = () => {
    if (routed) return;
    routed = true;
    registerGraphqlExplorer(app, GRAPHQL_PATH);
    app.use(
      GRAPHQL_PATH,
      corsPolicy(config.corsOrigins),
      express.json({ limit: config.bodyLimitBytes }),
      // After the body parser, whose callbacks would lose it: see requestScope.ts.
      requestScopeMiddleware(),
      expressMiddleware(apollo, {
        context: async ({ req }) =>
          createRequestContext({
            ledger,
            maxPageSize: config.maxPageSize,
            authorization: req.headers.authorization,
            ...(requestIdOf(req) ? { requestId: requestIdOf(req) } : {}),
          }),
      }),
    );
    if (options.serveWeb ?? true)
      registerStaticWeb(app, options.webDirectory ?? webDistDirectory());
    registerNotFound(app);
    app.use(errorHandler(logger, { messageZh: chineseMessageOf }));
  };

  let stopping: Promise<void> | null = null;
  const stop = async () => {
    // No new connections from here on (close() completes once the drain below is done).
    httpServer.close(() => undefined);
    await subscriptions.close({ graceMs: config.shutdownGraceMs });
    await apollo.stop();
    await changeFeed.stop();
  };

  return {
    app,
    httpServer,
    apollo,
    schema,
    logger,
    metrics,
    readiness,
    changeFeed,
    subscriptions,
    listen() {
      registerFinalRoutes();
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const address = httpServer.address();
          const port = typeof address === 'object' && address ? address.port : config.port;
          resolve({ url: `http://${config.host}:${port}${GRAPHQL_PATH}`, port });
        });
      });
    },
    stop() {
      stopping ??= stop();
      return stopping;
    },
  };
}
