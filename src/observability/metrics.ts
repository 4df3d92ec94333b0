// Prometheus metrics in a registry of our own (not prom-client's global one), so tests and
// several servers in one process never collide over metric names.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export type OperationType = 'query' | 'mutation' | 'subscription' | 'unknown';

export interface LedgerMetrics {
  readonly registry: Registry;
  /** graphql_operation_duration_seconds{operation,type}. */
  readonly operationDuration: Histogram<'operation' | 'type'>;
  /** graphql_errors_total{code}. */
  readonly graphqlErrors: Counter<'code'>;
  /** events_appended_total{type}: the write side increments it per appended event. */
  readonly eventsAppended: Counter<'type'>;
  /** projection_lag_events: global log head minus the slowest projection's checkpoint. */
  readonly projectionLag: Gauge;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): LedgerMetrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  return {
    registry,
    operationDuration: new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'Time from receiving a GraphQL operation to sending its response.',
      labelNames: ['operation', 'type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    graphqlErrors: new Counter({
      name: 'graphql_errors_total',
      help: 'GraphQL errors sent to clients, by extensions.code.',
      labelNames: ['code'],
      registers: [registry],
    }),
    eventsAppended: new Counter({
      name: 'events_appended_total',
      help: 'Events appended to the log, by event type.',
      labelNames: ['type'],
      registers: [registry],
    }),
    projectionLag: new Gauge({
      name: 'projection_lag_events',
      help: 'Events in the global log not yet applied by the slowest projection.',
      registers: [registry],
    }),
  };
}
