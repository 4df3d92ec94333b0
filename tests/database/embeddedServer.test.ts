// Which embedded server runs without MONGODB_URI: MongoDB 7 where its binary can be had, else
// FerretDB, never a hang on an offline machine, and never an orphan left holding the data files.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { embeddedServerChoice } from '../../src/database/embeddedServerKind';
import { locateMongodbBinary } from '../../src/database/mongodbDownload';
import { resolveDatabase } from '../../src/database/mongoUri';

const unavailable = async () => ({ available: false as const, reason: 'offline (test)' });

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function serverVersion(uri: string): Promise<Record<string, unknown>> {
  const client = await MongoClient.connect(uri);
  try {
    return await client.db('admin').command({ buildInfo: 1 });
  } finally {
    await client.close();
  }
}

describe('embedded server choice (unit)', () => {
  it('given no NIANBAO_EMBEDDED_DB, when read, then the choice is auto', () => {
    expect(embeddedServerChoice({})).toBe('auto');
  });

  it('given NIANBAO_EMBEDDED_DB=FerretDB, when read, then it is accepted case-insensitively', () => {
    expect(embeddedServerChoice({ NIANBAO_EMBEDDED_DB: 'FerretDB' })).toBe('ferretdb');
  });

  it('given an unknown value, when read, then the error names the variable and the choices', () => {
    expect(() => embeddedServerChoice({ NIANBAO_EMBEDDED_DB: 'postgres' })).toThrow(
      /NIANBAO_EMBEDDED_DB: expected one of auto, mongodb, ferretdb, got "postgres"/,
    );
  });
});

describe('MongoDB binary download probe (integration, network lookup)', () => {
  it('given no cached binary and a download host that does not resolve, when located, then it gives up at once with the reason', async () => {
    const emptyCache = mkdtempSync(path.join(os.tmpdir(), 'nianbao-mongodb-cache-'));
    const saved = { ...process.env };
    process.env.MONGOMS_DOWNLOAD_DIR = emptyCache;
    process.env.MONGOMS_DOWNLOAD_MIRROR = 'https://mirror.nianbao.invalid';
    try {
      const source = await locateMongodbBinary({ probeTimeoutMs: 2000 });
      expect(source).toEqual({
        available: false,
        reason: expect.stringContaining('mirror.nianbao.invalid does not resolve'),
      });
    } finally {
      process.env = saved;
      rmSync(emptyCache, { recursive: true, force: true });
    }
  });
});

describe('resolveDatabase without MONGODB_URI (integration)', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-embedded-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given MongoDB cannot be had, when resolved on auto, then FerretDB serves and the log says why', async () => {
    const lines: string[] = [];
    const database = await resolveDatabase({
      dataDir,
      env: {},
      progress: (line) => lines.push(line),
      locateMongodb: unavailable,
    });
    try {
      expect(database.kind).toBe('ferretdb');
      expect(lines.join('\n')).toMatch(
        /embedded database: ferretdb \(MongoDB unavailable: offline \(test\)/,
      );
      expect(await serverVersion(database.uri)).toHaveProperty('ferretdbVersion');
      expect(existsSync(path.join(dataDir, 'ferretdb'))).toBe(true);
    } finally {
      await database.stop();
    }
  });

  it('given NIANBAO_EMBEDDED_DB=mongodb and no binary, when resolved, then it fails naming the variable instead of falling back', async () => {
    await expect(
      resolveDatabase({
        dataDir,
        env: { NIANBAO_EMBEDDED_DB: 'mongodb' },
        locateMongodb: unavailable,
      }),
    ).rejects.toThrow(/NIANBAO_EMBEDDED_DB=mongodb, but the MongoDB binary cannot be had: offline/);
  });

  it('given a data directory holding a FerretDB ledger, when resolved on auto, then FerretDB keeps serving it even if MongoDB could be had', async () => {
    const first = await resolveDatabase({ dataDir, env: { NIANBAO_EMBEDDED_DB: 'ferretdb' } });
    await first.stop();
    let asked = false;
    const second = await resolveDatabase({
      dataDir,
      env: {},
      locateMongodb: async () => {
        asked = true;
        return { available: true, cachedPath: '/nonexistent/mongod', downloadUrl: null };
      },
    });
    try {
      expect(second.kind).toBe('ferretdb');
      expect(asked).toBe(false);
    } finally {
      await second.stop();
    }
  });

  it('given an announcement whose owner died and whose server still runs, when resolved, then the orphan is stopped and a server of our own starts', async () => {
    const deadOwner = spawn('true');
    await new Promise((resolve) => deadOwner.once('exit', resolve));
    const orphan = spawn('sleep', ['60'], { stdio: 'ignore' });
    const orphanPid = orphan.pid ?? 0;
    const orphanExited = new Promise((resolve) => orphan.once('exit', resolve));
    writeFileSync(
      path.join(dataDir, 'nianbao-database.json'),
      JSON.stringify({
        ownerPid: deadOwner.pid,
        serverPid: orphanPid,
        uri: 'mongodb://127.0.0.1:1/',
        kind: 'ferretdb',
      }),
    );
    const database = await resolveDatabase({ dataDir, env: { NIANBAO_EMBEDDED_DB: 'ferretdb' } });
    try {
      await orphanExited;
      expect(alive(orphanPid)).toBe(false);
      const announced = JSON.parse(
        readFileSync(path.join(dataDir, 'nianbao-database.json'), 'utf8'),
      );
      expect(announced).toMatchObject({
        ownerPid: process.pid,
        uri: database.uri,
        kind: 'ferretdb',
      });
    } finally {
      await database.stop();
    }
    expect(existsSync(path.join(dataDir, 'nianbao-database.json'))).toBe(false);
  });
});
