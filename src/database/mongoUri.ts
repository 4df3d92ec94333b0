// The one place that answers "give me a MongoDB URI".
// MONGODB_URI wins; otherwise an embedded FerretDB (SQLite backend) is built once and started.
import { startFerretdb, type RunningDatabase } from './ferretdbServer';

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
  return startFerretdb({ dataDir: options.dataDir, progress: options.progress });
}

/** Stops the database when the process is asked to exit, so no FerretDB outlives us. */
export function stopOnExit(database: RunningDatabase, beforeStop?: () => Promise<void>): void {
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      try {
        if (beforeStop) await beforeStop();
      } finally {
        await database.stop();
        process.exit(signal === 'SIGINT' ? 130 : 143);
      }
    })();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
