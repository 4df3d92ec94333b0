// Runs the real API in this process on its own test database: openLedger + createHttpServer,
// listening on a free port. Driver command monitoring is on so tests can count queries.
import type { CommandStartedEvent } from 'mongodb';
import pino from 'pino';
import { openLedger, type Ledger } from '../../../src/application/createLedger';
import { createToken, revokeToken } from '../../../src/auth/tokens';
import { loadConfig } from '../../../src/config';
import { createHttpServer, type LedgerHttpServer } from '../../../src/server/createHttpServer';
import { openTestDatabase, type TestDatabase } from '../../support/testDatabase';
import { graphqlClient, type GraphqlClient } from './graphqlClient';

export interface RunningLedgerServer {
  readonly database: TestDatabase;
  readonly ledger: Ledger;
  readonly server: LedgerHttpServer;
  readonly url: string;
  readonly origin: string;
  readonly api: GraphqlClient;
  /** Driver commands started since the last reset (both the event store and mongoose clients). */
  readonly commands: CommandStartedEvent[];
  stop(): Promise<void>;
}

export async function startLedgerServer(
  label: string,
  env: Record<string, string> = {},
): Promise<RunningLedgerServer> {
  const database = await openTestDatabase(label);
  const config = loadConfig({
    PORT: '0',
    MONGODB_URI: database.uri,
    NIANBAO_DB_NAME: database.name,
    LOG_LEVEL: 'silent',
    ...env,
  });
  const ledger = await openLedger({
    uri: database.uri,
    databaseName: database.name,
    monitorCommands: true,
  });
  const commands: CommandStartedEvent[] = [];
  const record = (event: CommandStartedEvent): void => {
    commands.push(event);
  };
  ledger.client.on('commandStarted', record);
  ledger.connection.getClient().on('commandStarted', record);
  const server = await createHttpServer(config, ledger, {
    serveWeb: false,
    logger: pino({ level: 'silent' }),
  });
  const { url } = await server.listen();
  return {
    database,
    ledger,
    server,
    url,
    origin: new URL(url).origin,
    api: graphqlClient(url),
    commands,
    async stop() {
      await server.stop();
      server.httpServer.closeAllConnections();
      await new Promise((resolve) => server.httpServer.close(resolve));
      await ledger.close();
      await database.drop();
    },
  };
}

export interface Tokens {
  admin: string;
  editorInScope: string;
  editorOutOfScope: string;
  revoked: string;
  expired: string;
}

/** One token of each kind the permissions matrix needs, `agency` being the one in scope. */
export async function createTokens(ledger: Ledger, agency: string): Promise<Tokens> {
  const model = ledger.models.tokens;
  const admin = await createToken(model, { name: 'admin', role: 'admin' });
  const inScope = await createToken(model, { name: 'editor', role: 'editor', agencies: [agency] });
  const outOfScope = await createToken(model, {
    name: 'other editor',
    role: 'editor',
    agencies: ['某个别的机构'],
  });
  const revoked = await createToken(model, { name: 'revoked', role: 'admin' });
  await revokeToken(model, revoked.id);
  const expired = await createToken(model, {
    name: 'expired',
    role: 'admin',
    expiresInMs: 1000,
    now: new Date(Date.now() - 60_000),
  });
  return {
    admin: admin.token,
    editorInScope: inScope.token,
    editorOutOfScope: outOfScope.token,
    revoked: revoked.token,
    expired: expired.token,
  };
}
