// The database a bench run measures on: MONGODB_URI when set, else an embedded server in a
// fresh temporary directory; either way a database name of the run's own, so runs never read
// each other's data. `stop` ends the embedded server and removes its directory.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveDatabase } from '../../src/database/mongoUri';

export interface BenchDatabase {
  readonly uri: string;
  readonly databaseName: string;
  stop(): Promise<void>;
}

/** `namePrefix` tells the runs apart in the server (e.g. `bench_read`); a timestamp follows. */
export async function startBenchDatabase(
  namePrefix: string,
  log: (line: string) => void,
): Promise<BenchDatabase> {
  const dataDir = process.env.MONGODB_URI
    ? null
    : mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-db-'));
  const database = await resolveDatabase({ dataDir: dataDir ?? os.tmpdir(), progress: log });
  return {
    uri: database.uri,
    databaseName: `${namePrefix}_${Date.now().toString(36)}`,
    async stop() {
      try {
        await database.stop();
      } finally {
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
