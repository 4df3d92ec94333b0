import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { DatabaseUnavailableError, ensureFerretdbBinary } from '../../src/database/ferretdbBinary';
import { startFerretdb } from '../../src/database/ferretdbServer';
import { resolveDatabase } from '../../src/database/mongoUri';

describe('resolveDatabase', () => {
  it('uses MONGODB_URI as given and starts nothing', async () => {
    const database = await resolveDatabase({
      dataDir: '/nonexistent',
      env: { MONGODB_URI: 'mongodb://db.example:27017/x' },
    });
    expect(database.uri).toBe('mongodb://db.example:27017/x');
    expect(database.pid).toBeUndefined();
    await database.stop();
  });

  it('without Go and without MONGODB_URI names both ways out', async () => {
    const savedPath = process.env.PATH;
    const savedCache = process.env.NIANBAO_CACHE_DIR;
    const emptyCache = mkdtempSync(path.join(os.tmpdir(), 'nianbao-empty-cache-'));
    process.env.PATH = '/nonexistent';
    process.env.NIANBAO_CACHE_DIR = emptyCache;
    try {
      const attempt = ensureFerretdbBinary(() => undefined);
      await expect(attempt).rejects.toBeInstanceOf(DatabaseUnavailableError);
      await expect(attempt).rejects.toThrow(/MONGODB_URI/);
      await expect(attempt).rejects.toThrow(/docker compose up -d mongo/);
      await expect(attempt).rejects.toThrow(/install Go/);
    } finally {
      process.env.PATH = savedPath;
      if (savedCache === undefined) delete process.env.NIANBAO_CACHE_DIR;
      else process.env.NIANBAO_CACHE_DIR = savedCache;
      rmSync(emptyCache, { recursive: true, force: true });
    }
  });
});

describe('embedded FerretDB', () => {
  it('keeps data in its data directory across a stop and a start, and stops its process', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-restart-'));
    try {
      const first = await startFerretdb({ dataDir, progress: () => undefined });
      const writer = await MongoClient.connect(first.uri);
      await writer
        .db('persist')
        .collection('notes')
        .insertOne({ _id: 'a' as never, text: '保留' });
      await writer.close();
      await first.stop();
      expect(() => process.kill(first.pid as number, 0)).toThrow();

      const second = await startFerretdb({ dataDir, progress: () => undefined });
      const reader = await MongoClient.connect(second.uri);
      const note = await reader.db('persist').collection('notes').findOne({});
      await reader.close();
      await second.stop();
      expect(note).toEqual({ _id: 'a', text: '保留' });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('one embedded server per data directory', () => {
  it('a second process on the same data directory connects to the running server', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-shared-'));
    try {
      const owner = await resolveDatabase({ dataDir, env: {}, progress: () => undefined });
      const guest = await resolveDatabase({ dataDir, env: {}, progress: () => undefined });
      expect(guest.uri).toBe(owner.uri);
      expect(guest.pid).toBeUndefined();
      await guest.stop(); // a guest never stops the owner's server
      const client = await MongoClient.connect(owner.uri);
      await expect(client.db('admin').command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
      await client.close();
      await owner.stop();

      const next = await resolveDatabase({ dataDir, env: {}, progress: () => undefined });
      expect(next.pid).toBeDefined(); // the owner is gone: a new server is started
      await next.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
