import { rmSync } from 'node:fs';
import type { RunningDatabase } from '../../src/database/ferretdbServer';

export default async function globalTeardown(): Promise<void> {
  const database = (globalThis as { __nianbaoTestDatabase?: RunningDatabase })
    .__nianbaoTestDatabase;
  if (database) await database.stop();
  const dataDir = process.env.NIANBAO_TEST_DATA_DIR;
  if (dataDir && !process.env.MONGODB_URI) rmSync(dataDir, { recursive: true, force: true });
}
