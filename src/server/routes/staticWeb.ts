import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express } from 'express';

export const WEB_DIST = path.resolve(__dirname, '../../../web/dist');

/** Serves the web viewer at `/` when it has been built. */
export function registerStaticWeb(app: Express, directory = WEB_DIST): boolean {
  if (!existsSync(path.join(directory, 'index.html'))) return false;
  app.use(express.static(directory, { index: 'index.html', maxAge: '1h' }));
  return true;
}
