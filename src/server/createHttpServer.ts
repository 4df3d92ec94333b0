// Wires Express, Apollo Server and the schema into one HTTP server. Returns the express app
// and the http server so other modules can add routes (/readyz, /metrics, /export/*) and a
// graphql-ws WebSocket server on the same port before `listen()`.
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type Express } from 'express';
import type { GraphQLSchema } from 'graphql';
import pino, { type Logger } from 'pino';
import type { RequestContext } from '../../resolvers/context';
import type { Ledger } from '../application/createLedger';
import type { Config } from '../config';
import { buildLedgerSchema } from './buildSchema';
import { createFormatError } from './formatError';
import { DEFAULT_QUERY_LIMITS, queryLimitsPlugin, type QueryLimits } from './queryLimits';
import { createRequestContext, requestIdOf } from './requestContext';
import { readAccessPlugin, requestIdPlugin } from './requestIdPlugin';
import { registerHealthRoute } from './routes/health';
import { registerJsonErrorHandler } from './routes/jsonErrors';
import { registerStaticWeb } from './routes/staticWeb';

export interface LedgerHttpServer {
  readonly app: Express;
  readonly httpServer: http.Server;
  readonly apollo: ApolloServer<RequestContext>;
  readonly schema: GraphQLSchema;
  readonly logger: Logger;
  /**
   * Registers the GraphQL route, static files and error handlers (call after adding your own
   * routes; listen() calls it if you did not), then listens.
   */
  listen(): Promise<{ url: string; port: number }>;
  /** Drains HTTP requests and stops Apollo. */
  stop(): Promise<void>;
}

export interface CreateHttpServerOptions {
  logger?: Logger;
  queryLimits?: Partial<QueryLimits>;
  /** Serve web/dist at `/` when built (default true). */
  serveWeb?: boolean;
  /** More Apollo plugins (metrics, logging), added after the built-in ones. */
  plugins?: ApolloServerPlugin<RequestContext>[];
}

export async function createHttpServer(
  config: Config,
  ledger: Ledger,
  options: CreateHttpServerOptions = {},
): Promise<LedgerHttpServer> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const schema = await buildLedgerSchema();
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (main.ts drains, then stops the database); Apollo's own signal handler
    // would re-raise SIGTERM after its stop and kill the process before the database stops.
    stopOnTerminationSignals: false,
    formatError: createFormatError((error, formatted) => {
      logger.error(
        { err: error, path: formatted.path },
        'unexpected error while handling a GraphQL request',
      );
    }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      requestIdPlugin(),
      readAccessPlugin(config.requireTokenForReads),
      queryLimitsPlugin({ ...DEFAULT_QUERY_LIMITS, ...options.queryLimits }),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  app.use((req, res, next) => {
    res.setHeader('x-request-id', requestIdOf(req.headers['x-request-id']));
    next();
  });
  registerHealthRoute(app);

  let routed = false;
  const registerFinalRoutes = () => {
    if (routed) return;
    routed = true;
    const corsOptions: cors.CorsOptions = {
      origin: config.corsOrigins.includes('*') ? true : config.corsOrigins,
      exposedHeaders: ['x-request-id'],
    };
    app.use(
      '/graphql',
      cors(corsOptions),
      express.json({ limit: config.bodyLimitBytes }),
      expressMiddleware(apollo, {
        context: async ({ req, res }) =>
          createRequestContext({
            ledger,
            maxPageSize: config.maxPageSize,
            authorization: req.headers.authorization,
            requestId: String(res.getHeader('x-request-id')),
          }),
      }),
    );
    if (options.serveWeb ?? true) registerStaticWeb(app);
    registerJsonErrorHandler(app);
  };

  return {
    app,
    httpServer,
    apollo,
    schema,
    logger,
    listen() {
      registerFinalRoutes();
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const address = httpServer.address();
          const port = typeof address === 'object' && address ? address.port : config.port;
          resolve({ url: `http://${config.host}:${port}/graphql`, port });
        });
      });
    },
    stop: () => apollo.stop(),
  };
}
