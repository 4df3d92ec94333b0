import type { Express } from 'express';

/** Process is up. (Readiness, metrics and exports are registered by their own modules.) */
export function registerHealthRoute(app: Express): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
}
