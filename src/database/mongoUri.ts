// The one place that answers "give me a MongoDB URI".
// MONGODB_URI wins; otherwise an embedded FerretDB (SQLite backend) is built once and started.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { startFerretdb, type RunningDatabase } from './ferretdbServer';

/**
 * A running embedded server announces itself in its data directory, so that a second process
 * on the same data (the CLI while `npm start` runs, a second server) connects to it instead of
 * starting another FerretDB on the same SQLite files.
 */
const ANNOUNCEMENT = 'nianbao-ferretdb.json';

interface Announcement {
  pid: number;
  uri: string;
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
    if (processAlive(announced.pid) && (await answersPing(announced.uri))) {
      // Someone else's server: we use it and never stop it.
      return { uri: announced.uri, stop: async () => undefined };
    }
  } catch {
    // An unreadable announcement is as good as none.
  }
  return null;
}

export interface ResolveDatabaseOptions {
  /** Data directory for the embedded FerretDB (ignored when MONGODB_URI is set). */
  dataDir: string;
  progress?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}

export async function resolveDatabase(options: ResolveDatabaseOptions): Promise<RunningDatabase> {
  const env = options.env ?? process.env;
  const configured = env.MONGODB_URI?.trim();
  if (configured) return { uri: configured, stop: async () => undefined };
  const shared = await announcedServer(options.dataDir);
  if (shared) return shared;
  const started = await startFerretdb({ dataDir: options.dataDir, progress: options.progress });
  const file = path.join(options.dataDir, ANNOUNCEMENT);
  const announcement: Announcement = { pid: started.pid ?? 0, uri: started.uri };
  writeFileSync(file, JSON.stringify(announcement) + '\n');
  return {
    uri: started.uri,
    pid: started.pid,
    async stop() {
      rmSync(file, { force: true });
      await started.stop();
    },
  };
}

/** Stops the database when the process is asked to exit, so no FerretDB outlives us. */
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
