// The real HTTP server in this process on its own test database, with its JSON log lines
// captured, for the operational endpoints' tests.
import { openLedger, type Ledger } from '../../../src/application/createLedger';
import { createToken } from '../../../src/auth/tokens';
import { loadConfig, type Config } from '../../../src/config';
import { createLogger } from '../../../src/observability/logger';
import { createHttpServer, type LedgerHttpServer } from '../../../src/server/createHttpServer';
import { loadRateLimitConfig } from '../../../src/server/rateLimitConfig';
import { logCapture, type LogCapture } from '../../observability/logCapture';
import { openTestDatabase, type TestDatabase } from '../../support/testDatabase';

export interface OpsServer {
  readonly database: TestDatabase;
  readonly ledger: Ledger;
  readonly server: LedgerHttpServer;
  readonly config: Config;
  readonly origin: string;
  readonly url: string;
  readonly logs: LogCapture;
  gql(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ response: Response; body: GraphQLBody }>;
  adminToken(): Promise<string>;
  close(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export async function startOpsServer(
  label: string,
  env: Record<string, string> = {},
): Promise<OpsServer> {
  const database = await openTestDatabase(label);
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env });
  const ledger = await openLedger({ uri: database.uri, databaseName: database.name });
  const logs = logCapture();
  const server = await createHttpServer(config, ledger, {
    logger: createLogger('info', logs),
    serveWeb: false,
    rateLimit: loadRateLimitConfig(env),
  });
  const { url } = await server.listen();
  return {
    database,
    ledger,
    server,
    config,
    url,
    origin: new URL(url).origin,
    logs,
    async gql(query, variables = {}, headers = {}) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { response, body: (await response.json()) as GraphQLBody };
    },
    async adminToken() {
      return (
        await createToken(ledger.models.tokens, { name: 'ops admin', role: 'admin', agencies: [] })
      ).token;
    },
    async close() {
      await server.stop();
      await ledger.close();
      await database.drop();
    },
  };
}
