// Live updates for one report: a graphql-ws subscription to `reportChanged`, and polling of the
// report's revision whenever the subscription is not running (no WebSocket support, a proxy that
// drops upgrades, a server without subscriptions). Either way `onChange` fires after an edit.
import type { Client } from 'graphql-ws';
import { createSubscriptionClient } from './subscriptionClient';
import { fetchReportRevision, REPORT_CHANGED_SUBSCRIPTION } from './documents';

export type LiveMode = 'connecting' | 'websocket' | 'polling';

export interface LiveUpdatesOptions {
  reportId: string;
  /** The revision the page shows now; polling compares against it. */
  currentRevision: () => number;
  onChange: () => void;
  onModeChange?: (mode: LiveMode) => void;
  pollIntervalMs?: number;
}

/** Starts following a report; returns a function that stops everything. */
export function followReport(options: LiveUpdatesOptions): () => void {
  const pollIntervalMs = options.pollIntervalMs ?? 3000;
  let stopped = false;
  let mode: LiveMode | null = null;
  let pollTimer: ReturnType<typeof setTimeout> | null = null;
  let client: Client | null = null;
  let unsubscribe: (() => void) | null = null;

  const setMode = (next: LiveMode) => {
    if (next === mode) return;
    mode = next;
    options.onModeChange?.(next);
  };

  const poll = async () => {
    pollTimer = null;
    if (stopped || mode !== 'polling') return;
    try {
      const revision = await fetchReportRevision(options.reportId);
      if (!stopped && revision !== null && revision !== options.currentRevision()) {
        options.onChange();
      }
    } catch {
      // The server may be restarting: keep polling.
    }
    schedulePoll();
  };

  const schedulePoll = () => {
    if (stopped || mode !== 'polling' || pollTimer) return;
    pollTimer = setTimeout(() => void poll(), pollIntervalMs);
  };

  const startPolling = () => {
    setMode('polling');
    schedulePoll();
  };

  const stopPolling = () => {
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = null;
  };

  const giveUpWebSocket = () => {
    unsubscribe?.();
    unsubscribe = null;
    void client?.dispose();
    client = null;
    if (!stopped) startPolling();
  };

  if (typeof WebSocket === 'undefined') {
    startPolling();
  } else {
    setMode('connecting');
    client = createSubscriptionClient({
      // Subscribed over a live socket: polling is no longer needed. After a reconnect the
      // report may have changed meanwhile, so refresh once.
      connected: (_socket, _payload, wasRetry) => {
        if (stopped) return;
        stopPolling();
        setMode('websocket');
        if (wasRetry) options.onChange();
      },
      closed: () => {
        if (!stopped && client) startPolling();
      },
    });
    unsubscribe = client.subscribe(
      { query: REPORT_CHANGED_SUBSCRIPTION, variables: { reportId: options.reportId } },
      {
        next: () => {
          if (!stopped) options.onChange();
        },
        // A GraphQL error (e.g. no `reportChanged` on this server) or a socket that never
        // opens after the retries: fall back to polling for good.
        error: () => giveUpWebSocket(),
        complete: () => {
          if (!stopped) giveUpWebSocket();
        },
      },
    );
    // A socket that neither connects nor fails quickly (a proxy holding the upgrade) must not
    // leave the page without updates.
    setTimeout(() => {
      if (!stopped && mode === 'connecting') startPolling();
    }, pollIntervalMs);
  }

  return () => {
    stopped = true;
    stopPolling();
    unsubscribe?.();
    void client?.dispose();
  };
}
