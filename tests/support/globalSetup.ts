// Starts one database server for the whole jest run (or uses MONGODB_URI).
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveDatabase } from '../../src/database/mongoUri';
import type { RunningDatabase } from '../../src/database/ferretdbServer';

export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-test-db-'));
  const database: RunningDatabase = await resolveDatabase({
    dataDir,
    progress: (line) => process.stdout.write(line + '\n'),
  });
  process.env.NIANBAO_TEST_MONGODB_URI = database.uri;
  process.env.NIANBAO_TEST_DATA_DIR = dataDir;
  (globalThis as { __nianbaoTestDatabase?: RunningDatabase }).__nianbaoTestDatabase = database;
}
