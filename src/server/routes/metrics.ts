// GET /metrics (Prometheus text format). The projection-lag gauge is refreshed before each
// scrape, so it is current without a timer polling the database.
import type { Express } from 'express';
import { metricsHandler } from '../../observability/metricsHandler';
import type { LedgerMetrics } from '../../observability/metrics';
import type { ReadinessMonitor } from '../readiness';

export function registerMetricsRoute(
  app: Express,
  metrics: LedgerMetrics,
  readiness: ReadinessMonitor,
): void {
  const render = metricsHandler(metrics);
  app.get('/metrics', async (req, res, next) => {
    // A database outage must not take the metrics down: the gauge keeps its last value.
    await readiness.projectionLag().catch(() => undefined);
    await render(req, res, next);
  });
}
