// The browser suites' view of the one test server harness (tests/support/testServer.ts): the
// real server with the built viewer at `/`, and tokens created as the CLI does.
import type { Ledger } from '../../../src/application/createLedger';
import type { CreateTokenInput } from '../../../src/auth/tokens';
import { startTestServer } from '../../support/testServer';

export interface LedgerForTest {
  /** The viewer, e.g. http://127.0.0.1:41234/ */
  readonly baseUrl: string;
  readonly graphqlUrl: string;
  readonly ledger: Ledger;
  createToken(input: CreateTokenInput): Promise<string>;
  stop(): Promise<void>;
}

export async function startLedgerForTest(label: string): Promise<LedgerForTest> {
  const server = await startTestServer({ label, serveWeb: true });
  return {
    baseUrl: `${server.origin}/`,
    graphqlUrl: server.url,
    ledger: server.ledger,
    createToken: (input) => server.token(input),
    stop: () => server.close(),
  };
}
