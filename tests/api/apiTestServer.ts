// Starts the real server on port 0 against a fresh test database. Reusable by other suites:
//   const api = await startApiTestServer();  api.gql(query, variables, token) ... api.close()
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import {
  openLedger,
  type Ledger,
  type OpenLedgerOptions,
} from '../../src/application/createLedger';
import { createToken } from '../../src/auth/tokens';
import { loadConfig, type Config } from '../../src/config';
import { createHttpServer, type LedgerHttpServer } from '../../src/server/createHttpServer';
import { loadRateLimitConfig } from '../../src/server/rateLimitConfig';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> }>;
}

export interface ApiTestServer {
  url: string;
  baseUrl: string;
  ledger: Ledger;
  server: LedgerHttpServer;
  database: TestDatabase;
  config: Config;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    extraHeaders?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Raw POST of any JSON body to /graphql. */
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
  token(role: 'editor' | 'admin', agencies?: string[], name?: string): Promise<string>;
  close(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string>;
  ledger?: Partial<Omit<OpenLedgerOptions, 'uri' | 'databaseName'>>;
  label?: string;
  /** Default: a silent logger. */
  logger?: Logger;
}

export async function startApiTestServer(options: StartOptions = {}): Promise<ApiTestServer> {
  const database = await openTestDatabase(options.label ?? 'api');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...options.env });
  const ledger = await openLedger({
    uri: database.uri,
    databaseName: database.name,
    ...options.ledger,
  });
  const server = await createHttpServer(config, ledger, {
    logger: options.logger ?? pino({ level: 'silent' }),
    serveWeb: false,
    // From the test's env only (RATE_LIMIT_*), never from the environment jest runs in.
    rateLimit: loadRateLimitConfig(options.env ?? {}),
  });
  await server.listen();
  const { port } = server.httpServer.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const url = `${baseUrl}/graphql`;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return {
    url,
    baseUrl,
    ledger,
    server,
    database,
    config,
    post,
    async gql<T>(
      query: string,
      variables: Record<string, unknown> = {},
      token?: string,
      extraHeaders = {},
    ) {
      const response = await post(
        { query, variables },
        { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extraHeaders },
      );
      const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status' | 'headers'>;
      return { status: response.status, headers: response.headers, ...body };
    },
    async token(role, agencies = [], name = `${role} for tests`) {
      const created = await createToken(ledger.models.tokens, { name, role, agencies });
      return created.token;
    },
    async close() {
      await server.stop();
      await ledger.close();
      await database.drop();
    },
  };
}
