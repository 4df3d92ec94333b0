// The viewer's files: index.html is revalidated on every load, hashed assets are cached for good.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { registerStaticWeb } from '../../src/server/routes/staticWeb';

it('index.html is no-cache; hashed assets are immutable; no build means no route', async () => {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'nianbao-web-'));
  const app = express();
  expect(registerStaticWeb(app, directory)).toBe(false);
  mkdirSync(path.join(directory, 'assets'));
  writeFileSync(path.join(directory, 'index.html'), '<!doctype html><title>年报</title>');
  writeFileSync(path.join(directory, 'assets', 'index-C3_QWVXP.js'), 'console.log(1);');
  expect(registerStaticWeb(app, directory)).toBe(true);
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const page = await fetch(`http://127.0.0.1:${port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`http://127.0.0.1:${port}/assets/index-C3_QWVXP.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
