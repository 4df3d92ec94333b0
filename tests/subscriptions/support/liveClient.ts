// Test helpers for live updates: a graphql-ws client on Node (the `ws` package) that records
// what it receives, and a seeded report.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { generateFigureValues } from '../../../bench/generator/figureValues';
import { createRandom } from '../../../bench/generator/prng';
import type { Ledger } from '../../../src/application/createLedger';
import { localAdminPrincipal } from '../../../src/auth/principal';
import { tsvReport } from '../../importer/syntheticReport';

export interface ReceivedMessage {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

export interface LiveSubscription {
  readonly received: ReceivedMessage[];
  /** Resolves with the n-th message (1-based) once it has arrived. */
  nth(n: number, timeoutMs?: number): Promise<ReceivedMessage>;
  /** Settles when the server completes or fails the subscription, or the socket closes. */
  readonly ended: Promise<{ error?: unknown }>;
  dispose(): Promise<void>;
}

export interface LiveClientOptions {
  connectionParams?: Record<string, unknown>;
  /** Told when the socket closes (code and reason). */
  onClosed?(event: { code: number; reason: string }): void;
}

export function liveClient(graphqlUrl: string, options: LiveClientOptions = {}): Client {
  return createClient({
    url: graphqlUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: options.connectionParams ?? {},
    retryAttempts: 0,
    lazy: true,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        options.onClosed?.({ code, reason: String(reason) });
      },
    },
  });
}

export function subscribe(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): LiveSubscription {
  const received: ReceivedMessage[] = [];
  const waiters: Array<() => void> = [];
  let finish: (result: { error?: unknown }) => void = () => undefined;
  const ended = new Promise<{ error?: unknown }>((resolve) => {
    finish = resolve;
  });
  const unsubscribe = client.subscribe(
    { query, variables },
    {
      next: (message) => {
        received.push(message as ReceivedMessage);
        for (const wake of waiters.splice(0)) wake();
      },
      error: (error) => {
        finish({ error });
        for (const wake of waiters.splice(0)) wake();
      },
      complete: () => {
        finish({});
        for (const wake of waiters.splice(0)) wake();
      },
    },
  );
  return {
    received,
    ended,
    async nth(n, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > deadline) {
          throw new Error(`expected ${n} messages, got ${JSON.stringify(received)}`);
        }
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return received[n - 1];
    },
    async dispose() {
      unsubscribe();
      await client.dispose();
    },
  };
}

/** Waits until `probe` returns true (polling), or fails with `what`. */
export async function eventually(
  probe: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The number in `graphql_subscriptions_active <n>` of a /metrics text. */
export function activeSubscriptions(metricsText: string): number {
  const match = /^graphql_subscriptions_active (\d+)/m.exec(metricsText);
  return match ? Number(match[1]) : 0;
}

export async function seedReport(
  ledger: Ledger,
  agency: string,
  year: number,
  seed = 7,
): Promise<{ reportId: string; revision: number }> {
  const outcome = await ledger.services.importReport(localAdminPrincipal('test seed'), {
    document: tsvReport(generateFigureValues(createRandom(seed))),
    agency,
    year,
    reason: 'seed for live update tests',
  });
  return { reportId: outcome.report.reportId, revision: outcome.report.revision };
}
