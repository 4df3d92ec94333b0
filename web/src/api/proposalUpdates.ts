// Live proposal updates for one report: the `proposalChanged` subscription over graphql-ws.
// Where the socket cannot be used, `onChange` fires on a timer instead, so the proposal list
// still catches up (a proposal being opened does not move the report's revision).
import type { Client } from 'graphql-ws';
import { createSubscriptionClient } from './subscriptionClient';
import { PROPOSAL_CHANGED_SUBSCRIPTION } from './proposals';

export interface ProposalUpdatesOptions {
  reportId: string;
  onChange: () => void;
  pollIntervalMs?: number;
}

/** Starts following a report's proposals; returns a function that stops everything. */
export function followProposals(options: ProposalUpdatesOptions): () => void {
  const pollIntervalMs = options.pollIntervalMs ?? 5000;
  let stopped = false;
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  let client: Client | null = null;
  let unsubscribe: (() => void) | null = null;

  const startPolling = () => {
    if (stopped || pollTimer) return;
    pollTimer = setInterval(() => {
      if (!stopped) options.onChange();
    }, pollIntervalMs);
  };

  const giveUpWebSocket = () => {
    unsubscribe?.();
    unsubscribe = null;
    void client?.dispose();
    client = null;
    startPolling();
  };

  if (typeof WebSocket === 'undefined') {
    startPolling();
  } else {
    client = createSubscriptionClient({
      // After a reconnect proposals may have changed meanwhile: refresh once.
      connected: (_socket, _payload, wasRetry) => {
        if (!stopped && wasRetry) options.onChange();
      },
    });
    unsubscribe = client.subscribe(
      { query: PROPOSAL_CHANGED_SUBSCRIPTION, variables: { reportId: options.reportId } },
      {
        next: () => {
          if (!stopped) options.onChange();
        },
        error: () => {
          if (!stopped) giveUpWebSocket();
        },
        complete: () => {
          if (!stopped) giveUpWebSocket();
        },
      },
    );
  }

  return () => {
    stopped = true;
    if (pollTimer) clearInterval(pollTimer);
    unsubscribe?.();
    void client?.dispose();
  };
}
