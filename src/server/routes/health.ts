// /healthz: the process is up (liveness; never touches the database, so a database outage
// does not get the process restarted). /readyz: it can serve correct data now (readiness.ts);
// 503 with the reasons otherwise.
import type { Express } from 'express';
import type { ReadinessMonitor } from '../readiness';

export function registerHealthRoutes(app: Express, readiness: ReadinessMonitor): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res, next) => {
    try {
      const report = await readiness.check();
      res
        .status(report.ready ? 200 : 503)
        .setHeader('cache-control', 'no-store')
        .json({ status: report.ready ? 'ready' : 'not ready', ...report });
    } catch (error) {
      next(error);
    }
  });
}
