// GraphQL over WebSocket (graphql-ws protocol) on the HTTP server's port and path. Glue
// between `ws` and graphql-ws's transport-independent `makeServer` (graphql-ws's own
// `use/ws` adapter is equivalent, but its subpath export has no types under this project's
// module resolution). What this adds: the caller is authenticated once per connection from
// connectionParams.authorization; REQUIRE_TOKEN_FOR_READS refuses anonymous connections; the
// HTTP endpoint's query limits apply to every operation; errors carry the same stable codes
// as over HTTP; close() ends every subscription for a graceful shutdown.
import type http from 'node:http';
import {
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import {
  CloseCode,
  handleProtocols,
  makeServer,
  type Context,
  type ExecutionResult,
  type FormattedExecutionResult,
} from 'graphql-ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import type { RequestContext } from '../../resolvers/context';
import { createLoaders } from '../../resolvers/loaders';
import { REQUEST_ID_HEADER, resolveRequestId } from '../observability/requestId';
import { queryLimitViolation, type QueryLimits } from '../server/queryLimits';
import type { SubscriptionContext } from './liveContext';
import type { LiveFeed } from './liveFeed';
import { SubscriptionOverflowError } from './pushQueue';

/** The caller behind a connection; throws a GraphQLError (code UNAUTHENTICATED) for a bad token. */
export type AuthenticateConnection = (input: {
  authorization: string | undefined;
  requestId: string;
}) => Promise<RequestContext>;

export interface SubscriptionServerOptions {
  httpServer: http.Server;
  path: string;
  schema: GraphQLSchema;
  liveFeed: LiveFeed;
  authenticate: AuthenticateConnection;
  requireTokenForReads: boolean;
  queryLimits: QueryLimits;
  /** The HTTP endpoint's error formatter: the same codes, no stack traces. */
  formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError;
  logger: Logger;
  /** Ping interval; a client that does not answer within it is dropped. Default 12 000 ms. */
  keepAliveMs?: number;
}

export interface SubscriptionServer {
  /** Open WebSocket connections. */
  readonly connections: number;
  /** Stops accepting connections and closes every open one (1001 Going Away). */
  close(options?: { graceMs?: number }): Promise<void>;
}

interface ConnectionExtra {
  readonly socket: WebSocket;
  readonly request: http.IncomingMessage;
  readonly requestId: string;
  /** Set once the connection is acknowledged. */
  base?: RequestContext;
}

type ConnectionContext = Context<Record<string, unknown> | undefined, ConnectionExtra>;

/** Close reasons must fit a control frame (123 bytes). */
function closeReason(text: string): string {
  let reason = text;
  while (Buffer.byteLength(reason) > 123) reason = reason.slice(0, -1);
  return reason;
}

/** Apollo's codes for the same failures over HTTP. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code },
  });
}

function authorizationOf(params: Record<string, unknown> | undefined): string | undefined {
  const value = params?.authorization ?? params?.Authorization;
  return typeof value === 'string' ? value : undefined;
}

export function attachSubscriptionServer(options: SubscriptionServerOptions): SubscriptionServer {
  const { logger } = options;
  const withRequestId = (
    errors: readonly GraphQLFormattedError[],
    requestId: string,
  ): GraphQLFormattedError[] =>
    errors.map((error) => ({ ...error, extensions: { ...error.extensions, requestId } }));
  const format = (error: GraphQLError): GraphQLFormattedError =>
    error.originalError instanceof SubscriptionOverflowError
      ? { message: error.message, extensions: { code: 'SUBSCRIPTION_OVERFLOW' } }
      : options.formatError(error.toJSON(), error);

  const server = makeServer<Record<string, unknown> | undefined, ConnectionExtra>({
    schema: options.schema,
    async onConnect(ctx: ConnectionContext) {
      const requestId = ctx.extra.requestId;
      const refuse = (message: string) => {
        logger.info({ requestId, reason: message }, 'websocket connection refused');
        ctx.extra.socket.close(CloseCode.Unauthorized, closeReason(message));
        return false;
      };
      let base: RequestContext;
      try {
        base = await options.authenticate({
          authorization: authorizationOf(ctx.connectionParams),
          requestId,
        });
      } catch (error) {
        if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED')
          return refuse(error.message);
        throw error;
      }
      if (options.requireTokenForReads && base.principal.kind === 'anonymous') {
        return refuse('this server needs connectionParams { authorization: "Bearer <token>" }');
      }
      ctx.extra.base = base;
      return true;
    },
    onSubscribe(ctx: ConnectionContext, _id, payload) {
      let document: DocumentNode;
      try {
        document = parse(payload.query);
      } catch (error) {
        return [
          error instanceof GraphQLError
            ? withCode(error, 'GRAPHQL_PARSE_FAILED')
            : new GraphQLError('the query is not valid GraphQL', {
                extensions: { code: 'GRAPHQL_PARSE_FAILED' },
              }),
        ];
      }
      const invalid = validate(options.schema, document);
      if (invalid.length > 0)
        return invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
      const violation = queryLimitViolation(
        {
          schema: options.schema,
          document,
          operationName: payload.operationName,
          variables: payload.variables,
        },
        options.queryLimits,
      );
      if (violation) return [violation];
      const base = ctx.extra.base as RequestContext;
      const contextValue: SubscriptionContext = {
        ...base,
        loaders: createLoaders(base.ledger.models),
        liveFeed: options.liveFeed,
      };
      return {
        schema: options.schema,
        document,
        operationName: payload.operationName,
        variableValues: payload.variables,
        contextValue,
      };
    },
    onNext(ctx: ConnectionContext, _id, _payload, _args, result: ExecutionResult) {
      if (!result.errors) return undefined;
      const formatted: FormattedExecutionResult = {
        ...result,
        errors: withRequestId(result.errors.map(format), ctx.extra.requestId),
      };
      return formatted;
    },
    onError(ctx: ConnectionContext, _id, _payload, errors) {
      return withRequestId(errors.map(format), ctx.extra.requestId);
    },
  });

  const wss = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    handleProtocols: (protocols) => handleProtocols(protocols),
  });
  // A failing WebSocket server must not take the HTTP server (or the process) down.
  wss.on('error', (error) => logger.error({ err: error }, 'websocket server error'));

  const keepAliveMs = options.keepAliveMs ?? 12_000;
  wss.on('connection', (socket, request) => {
    const requestId = resolveRequestId(request.headers[REQUEST_ID_HEADER]);
    const extra: ConnectionExtra = { socket, request, requestId };
    socket.on('error', (error) => {
      logger.warn({ requestId, err: error }, 'websocket error');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    let alive = true;
    socket.on('pong', () => {
      alive = true;
    });
    const ping = setInterval(() => {
      if (!alive) {
        socket.terminate();
        return;
      }
      alive = false;
      socket.ping();
    }, keepAliveMs);
    ping.unref();
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            if (socket.readyState !== socket.OPEN) {
              resolve();
              return;
            }
            socket.send(data, (error) => (error ? reject(error) : resolve()));
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', async (data) => {
            try {
              await handle(String(data));
            } catch (error) {
              // Our hooks do not throw on bad input; this is a bug: log it, drop the socket.
              logger.error({ requestId, err: error }, 'websocket message failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      extra,
    );
    socket.once('close', (code, reason) => {
      clearInterval(ping);
      void closed(code, String(reason)).catch((error: unknown) =>
        logger.error({ requestId, err: error }, 'websocket close handler failed'),
      );
    });
  });

  return {
    get connections() {
      return wss.clients.size;
    },
    async close({ graceMs = 5000 } = {}) {
      const sockets = [...wss.clients];
      const allClosed = Promise.all(
        sockets.map(
          (socket) =>
            new Promise<void>((resolve) => {
              if (socket.readyState === socket.CLOSED) resolve();
              else socket.once('close', () => resolve());
            }),
        ),
      );
      for (const socket of sockets) socket.close(1001, 'server shutting down');
      const timer = setTimeout(() => {
        for (const socket of sockets) socket.terminate();
      }, graceMs);
      await allClosed;
      clearTimeout(timer);
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
