// The tests' one server harness: the real HTTP server (createHttpServer) in this process, on its
// own database of the shared test server, listening on a free port. Suites use views of it
// (tests/api/apiTestServer.ts, tests/operations/support/opsServer.ts,
// tests/reliability/support/ledgerServer.ts, tests/browser/support/ledgerForTest.ts) that add
// only what they need; servers as child processes are tests/subscriptions/support/serverProcess.ts.
import type { AddressInfo } from 'node:net';
import type { CommandStartedEvent } from 'mongodb';
import pino, { type Logger } from 'pino';
import {
  openLedger,
  type Ledger,
  type OpenLedgerOptions,
} from '../../src/application/createLedger';
import { createToken, type CreateTokenInput } from '../../src/auth/tokens';
import { loadConfig, type Config } from '../../src/config';
import { createHttpServer, type LedgerHttpServer } from '../../src/server/createHttpServer';
import { loadRateLimitConfig } from '../../src/server/rateLimitConfig';
import { bearer, postGraphql, postJson, type GraphQLResponse } from './graphqlHttp';
import { openTestDatabase, type TestDatabase } from './testDatabase';

export interface TestServerOptions {
  /** Names the test database. */
  label: string;
  /** Configuration variables (never the environment jest runs in). */
  env?: Record<string, string>;
  /** Default: a silent logger. */
  logger?: Logger;
  /** Serve the built viewer at `/` (default false). */
  serveWeb?: boolean;
  /** Record every driver command in `commands` (default false). */
  monitorCommands?: boolean;
  ledger?: Partial<Omit<OpenLedgerOptions, 'uri' | 'databaseName'>>;
}

export interface TestServer {
  readonly database: TestDatabase;
  readonly ledger: Ledger;
  readonly server: LedgerHttpServer;
  readonly config: Config;
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  /** http://127.0.0.1:<port>/graphql */
  readonly url: string;
  /** Driver commands started (with monitorCommands), for counting queries. */
  readonly commands: CommandStartedEvent[];
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Raw POST of any JSON body (or text) to /graphql. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  /** A token created in the database, as the CLI does; its secret. */
  token(input: CreateTokenInput): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions): Promise<TestServer> {
  const env = options.env ?? {};
  const database = await openTestDatabase(options.label);
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env });
  const ledger = await openLedger({
    uri: database.uri,
    databaseName: database.name,
    ...(options.monitorCommands ? { monitorCommands: true } : {}),
    ...options.ledger,
  });
  const commands: CommandStartedEvent[] = [];
  if (options.monitorCommands) {
    const record = (event: CommandStartedEvent): void => {
      commands.push(event);
    };
    ledger.client.on('commandStarted', record);
    ledger.connection.getClient().on('commandStarted', record);
  }
  const server = await createHttpServer(config, ledger, {
    logger: options.logger ?? pino({ level: 'silent' }),
    serveWeb: options.serveWeb ?? false,
    rateLimit: loadRateLimitConfig(env),
  });
  await server.listen();
  const { port } = server.httpServer.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const url = `${origin}/graphql`;
  return {
    database,
    ledger,
    server,
    config,
    origin,
    url,
    commands,
    gql: (query, variables = {}, token = null, headers = {}) =>
      postGraphql(url, query, variables, { ...bearer(token), ...headers }),
    post: (body, headers = {}) => postJson(url, body, headers),
    async token(input) {
      return (await createToken(ledger.models.tokens, input)).token;
    },
    async close() {
      await server.stop();
      server.httpServer.closeAllConnections();
      await ledger.close();
      await database.drop();
    },
  };
}
