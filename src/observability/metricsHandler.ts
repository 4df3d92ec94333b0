// GET /metrics in Prometheus text format.
import type { RequestHandler } from 'express';
import type { LedgerMetrics } from './metrics';

export function metricsHandler(metrics: LedgerMetrics): RequestHandler {
  return async (_req, res) => {
    try {
      const text = await metrics.registry.metrics();
      res.setHeader('content-type', metrics.registry.contentType);
      res.send(text);
    } catch (error) {
      // A failing collector must not take the endpoint (or the process) down.
      res
        .status(500)
        .type('text/plain')
        .send(`# metrics collection failed: ${String(error)}\n`);
    }
  };
}
