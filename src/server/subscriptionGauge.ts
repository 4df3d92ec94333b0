// graphql_subscriptions_active: subscriptions open in this process (beside H7's metrics).
import { Gauge } from 'prom-client';
import type { LedgerMetrics } from '../observability/metrics';

export function subscriptionGauge(metrics: LedgerMetrics): Gauge {
  const existing = metrics.registry.getSingleMetric('graphql_subscriptions_active');
  if (existing instanceof Gauge) return existing;
  return new Gauge({
    name: 'graphql_subscriptions_active',
    help: 'GraphQL subscriptions open over WebSocket in this process.',
    registers: [metrics.registry],
  });
}
