// The one place that answers "give me a MongoDB URI".
// MONGODB_URI wins. Otherwise an embedded server runs on the data directory: a server another
// process already announced there, else (NIANBAO_EMBEDDED_DB=auto, the default) a real MongoDB 7
// when its binary is cached or can be downloaded, else FerretDB built with Go.
// Layout of the data directory: `ferretdb/` (SQLite files), `mongodb/` (WiredTiger files) and
// the announcement file of the server running on them.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import {
  embeddedServerChoice,
  EMBEDDED_SERVER_VARIABLE,
  type EmbeddedServerKind,
} from './embeddedServerKind';
import { startFerretdb, type RunningDatabase } from './ferretdbServer';
import { locateMongodbBinary, type MongodbBinarySource } from './mongodbDownload';
import { startEmbeddedMongodb } from './mongodbServer';

/**
 * A running embedded server announces itself in its data directory, so that a second process
 * on the same data (the CLI while `npm start` runs, a second server) connects to it instead of
 * starting another server on the same files.
 */
const ANNOUNCEMENT = 'nianbao-database.json';

interface Announcement {
  /** The process that started the server and will stop it. */
  ownerPid: number;
  /** The server process itself. */
  serverPid: number;
  uri: string;
  kind: EmbeddedServerKind;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function answersPing(uri: string): Promise<boolean> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1500 });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    return true;
  } catch {
    return false;
  } finally {
    await client.close().catch(() => undefined);
  }
}

async function announcedServer(dataDir: string): Promise<RunningDatabase | null> {
  const file = path.join(dataDir, ANNOUNCEMENT);
  if (!existsSync(file)) return null;
  try {
    const announced = JSON.parse(readFileSync(file, 'utf8')) as Announcement;
    if (processAlive(announced.ownerPid) && (await answersPing(announced.uri))) {
      // Someone else's server: we use it and never stop it.
      return { uri: announced.uri, kind: announced.kind, stop: async () => undefined };
    }
    if (!processAlive(announced.ownerPid) && announced.serverPid > 0) {
      // Its owner died without stopping it (SIGKILL, a crash): an orphan nobody would ever stop,
      // holding the data files. Stop it before starting ours on the same files.
      await stopOrphan(announced.serverPid);
    }
  } catch {
    // An unreadable announcement is as good as none.
  }
  // The process that wrote it is gone: its announcement must not mislead the next start.
  rmSync(file, { force: true });
  return null;
}

async function stopOrphan(pid: number): Promise<void> {
  if (!processAlive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (processAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (processAlive(pid)) process.kill(pid, 'SIGKILL');
}

function holdsFiles(directory: string): boolean {
  return existsSync(directory) && readdirSync(directory).length > 0;
}

export interface ResolveDatabaseOptions {
  /** Data directory for the embedded server (ignored when MONGODB_URI is set). */
  dataDir: string;
  progress?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /** How to look for the MongoDB binary (a seam for tests of the give-up path). */
  locateMongodb?: () => Promise<MongodbBinarySource>;
}

/** Picks the embedded server; `reason` says why, for the log. */
async function chooseEmbeddedServer(
  options: ResolveDatabaseOptions,
  env: NodeJS.ProcessEnv,
): Promise<{ kind: EmbeddedServerKind; reason: string }> {
  const choice = embeddedServerChoice(env);
  if (choice === 'ferretdb')
    return { kind: 'ferretdb', reason: `${EMBEDDED_SERVER_VARIABLE}=ferretdb` };
  const ferretdbData = path.join(options.dataDir, 'ferretdb');
  if (
    choice === 'auto' &&
    holdsFiles(ferretdbData) &&
    !holdsFiles(path.join(options.dataDir, 'mongodb'))
  ) {
    // Switching servers would hide the ledger already kept in this data directory.
    return {
      kind: 'ferretdb',
      reason: `the data directory already holds a FerretDB ledger (${ferretdbData})`,
    };
  }
  const source = await (options.locateMongodb ?? (() => locateMongodbBinary()))();
  if (source.available) {
    return {
      kind: 'mongodb',
      reason: source.cachedPath
        ? `MongoDB binary cached at ${source.cachedPath}`
        : `downloading the MongoDB binary from ${source.downloadUrl} (cached for later runs)`,
    };
  }
  if (choice === 'mongodb') {
    throw new Error(
      `${EMBEDDED_SERVER_VARIABLE}=mongodb, but the MongoDB binary cannot be had: ${source.reason}. ` +
        `Unset ${EMBEDDED_SERVER_VARIABLE} to fall back to FerretDB, or set MONGODB_URI.`,
    );
  }
  return {
    kind: 'ferretdb',
    reason: `MongoDB unavailable: ${source.reason}; falling back to FerretDB`,
  };
}

export async function resolveDatabase(options: ResolveDatabaseOptions): Promise<RunningDatabase> {
  const env = options.env ?? process.env;
  const configured = env.MONGODB_URI?.trim();
  if (configured) return { uri: configured, kind: 'external', stop: async () => undefined };
  mkdirSync(options.dataDir, { recursive: true });
  const shared = await announcedServer(options.dataDir);
  if (shared) return shared;
  const { kind, reason } = await chooseEmbeddedServer(options, env);
  options.progress?.(`[nianbao] embedded database: ${kind} (${reason})`);
  const started =
    kind === 'mongodb'
      ? await startEmbeddedMongodb({
          dbPath: path.join(options.dataDir, 'mongodb'),
          progress: options.progress,
        })
      : await startFerretdb({
          dataDir: path.join(options.dataDir, 'ferretdb'),
          progress: options.progress,
        });
  const file = path.join(options.dataDir, ANNOUNCEMENT);
  const announcement: Announcement = {
    ownerPid: process.pid,
    serverPid: started.pid ?? 0,
    uri: started.uri,
    kind,
  };
  writeFileSync(file, JSON.stringify(announcement) + '\n');
  return {
    uri: started.uri,
    pid: started.pid,
    kind,
    async stop() {
      rmSync(file, { force: true });
      await started.stop();
    },
  };
}

/** Stops the database when the process is asked to exit, so no embedded server outlives us. */
export function stopOnExit(database: RunningDatabase, beforeStop?: () => Promise<void>): void {
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      // A shutdown that was asked for and completed is a success (exit 0), so `npm start`
      // ended with Ctrl-C or `docker stop` reports no error; a failed one exits 1.
      let code = 0;
      try {
        if (beforeStop) await beforeStop();
      } catch {
        code = 1;
      }
      try {
        await database.stop();
      } catch {
        code = 1;
      }
      process.exit(code);
    })();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
