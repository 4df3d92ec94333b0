// The real Nianbao Ledger server (HTTP + GraphQL + the built viewer at `/`) on port 0, against
// its own database on the shared test server, with a helper that creates API tokens directly in
// that database as the CLI does.
import pino from 'pino';
import { openLedger, type Ledger } from '../../../src/application/createLedger';
import { createToken, type CreateTokenInput } from '../../../src/auth/tokens';
import { loadConfig } from '../../../src/config';
import { createHttpServer } from '../../../src/server/createHttpServer';
import { openTestDatabase } from '../../support/testDatabase';

export interface LedgerForTest {
  /** The viewer, e.g. http://127.0.0.1:41234/ */
  readonly baseUrl: string;
  readonly graphqlUrl: string;
  readonly ledger: Ledger;
  createToken(input: CreateTokenInput): Promise<string>;
  stop(): Promise<void>;
}

export async function startLedgerForTest(label: string): Promise<LedgerForTest> {
  const database = await openTestDatabase(label);
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    MONGODB_URI: database.uri,
    NIANBAO_DB_NAME: database.name,
    LOG_LEVEL: 'silent',
  });
  const ledger = await openLedger({ uri: database.uri, databaseName: database.name });
  const server = await createHttpServer(config, ledger, { logger: pino({ level: 'silent' }) });
  const { port } = await server.listen();
  const baseUrl = `http://127.0.0.1:${port}/`;
  return {
    baseUrl,
    graphqlUrl: `${baseUrl}graphql`,
    ledger,
    async createToken(input) {
      return (await createToken(ledger.models.tokens, input)).token;
    },
    async stop() {
      await server.stop();
      await ledger.close();
      await database.drop();
    },
  };
}
