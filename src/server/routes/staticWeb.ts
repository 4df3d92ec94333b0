import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';
import { WEB_DIST } from '../../viewer/viewerBuild';

export { WEB_DIST };

/**
 * Serves the web viewer at `/` when it has been built. Vite names the files under `assets/` by
 * their content hash, so they may be cached for good; `index.html` names the current ones and
 * must be revalidated, or a browser keeps asking for the assets of the previous release.
 */
export function registerStaticWeb(app: Express, directory = WEB_DIST): boolean {
  if (!existsSync(path.join(directory, 'index.html'))) return false;
  app.use(
    express.static(directory, {
      index: 'index.html',
      setHeaders(response, file) {
        const hashed = path.relative(directory, file).startsWith(`assets${path.sep}`);
        response.setHeader(
          'cache-control',
          hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );
  return true;
}
