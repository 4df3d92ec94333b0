// Runs a real MongoDB (single-node replica set, WiredTiger) from the binary that
// mongodb-memory-server caches or downloads, with its data in a directory of ours so that the
// data of `npm start` survives restarts. The replica set's member address is stored in its data,
// so the port chosen the first time is kept in the data directory and used again.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MongoMemoryReplSet } from 'mongodb-memory-server-core';
import { freePort, type RunningDatabase } from './ferretdbServer';
import { EMBEDDED_MONGODB_VERSION } from './mongodbDownload';

const PORT_FILE = 'mongodb-port';
const REPLICA_SET = 'nianbao';

export interface StartMongodbOptions {
  /** Directory for MongoDB's files (created if absent). */
  dbPath: string;
  progress?: (line: string) => void;
  version?: string;
}

async function portFor(dbPath: string): Promise<number> {
  const file = path.join(dbPath, PORT_FILE);
  if (existsSync(file)) {
    const stored = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(stored) && stored > 0) return stored;
  }
  const port = await freePort();
  writeFileSync(file, `${port}\n`);
  return port;
}

export async function startEmbeddedMongodb(options: StartMongodbOptions): Promise<RunningDatabase> {
  const dbPath = path.resolve(options.dbPath);
  mkdirSync(dbPath, { recursive: true });
  const port = await portFor(dbPath);
  const version = options.version ?? EMBEDDED_MONGODB_VERSION;
  options.progress?.(
    `[nianbao] starting MongoDB ${version} (single-node replica set "${REPLICA_SET}") on 127.0.0.1:${port}, data in ${dbPath}`,
  );
  const replSet = await MongoMemoryReplSet.create({
    binary: { version },
    replSet: { name: REPLICA_SET, count: 1, storageEngine: 'wiredTiger' },
    instanceOpts: [{ port, dbPath, storageEngine: 'wiredTiger' }],
  });
  await replSet.waitUntilRunning();
  const instance = replSet.servers[0]?.instanceInfo?.instance;
  const uri = `mongodb://127.0.0.1:${port}/?replicaSet=${REPLICA_SET}`;
  return {
    uri,
    kind: 'mongodb',
    pid: instance?.mongodProcess?.pid,
    async stop() {
      // The data directory is ours and holds the ledger: stop the server, keep its files.
      await replSet.stop({ doCleanup: false });
    },
  };
}
