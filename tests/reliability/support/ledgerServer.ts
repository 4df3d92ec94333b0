// The reliability suites' view of the one test server harness (tests/support/testServer.ts),
// with driver command monitoring on so tests can count queries, and the bench's client
// (a connection per request) as `api`.
import type { CommandStartedEvent } from 'mongodb';
import type { Ledger } from '../../../src/application/createLedger';
import { createToken, revokeToken } from '../../../src/auth/tokens';
import type { LedgerHttpServer } from '../../../src/server/createHttpServer';
import type { TestDatabase } from '../../support/testDatabase';
import { startTestServer } from '../../support/testServer';
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
  const server = await startTestServer({ label, env, monitorCommands: true });
  return { ...server, api: graphqlClient(server.url), stop: () => server.close() };
}

export interface Tokens {
  admin: string;
  editorInScope: string;
  editorOutOfScope: string;
  revoked: string;
  expired: string;
}

/** One token of each kind the permissions matrix needs, `agencies` being the ones in scope. */
export async function createTokens(
  ledger: Ledger,
  agencies: string | readonly string[],
): Promise<Tokens> {
  const model = ledger.models.tokens;
  const admin = await createToken(model, { name: 'admin', role: 'admin' });
  const inScope = await createToken(model, {
    name: 'editor',
    role: 'editor',
    agencies: typeof agencies === 'string' ? [agencies] : [...agencies],
  });
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
