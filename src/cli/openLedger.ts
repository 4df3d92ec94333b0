// Connects a CLI command to the ledger: the same configuration as the server (MONGODB_URI, or
// the embedded FerretDB on NIANBAO_DATA_DIR) and the same services.
import { openLedger, type Ledger } from '../application/createLedger';
import { loadConfig } from '../config';
import { resolveDatabase } from '../database/mongoUri';

export interface OpenedLedger {
  ledger: Ledger;
  close(): Promise<void>;
}

export type LedgerOpener = () => Promise<OpenedLedger>;

export async function openLedgerForCli(
  env: NodeJS.ProcessEnv = process.env,
): Promise<OpenedLedger> {
  const config = loadConfig(env);
  const database = await resolveDatabase({
    dataDir: config.dataDir,
    env: config.mongodbUri ? { MONGODB_URI: config.mongodbUri } : env,
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  try {
    const ledger = await openLedger({
      uri: database.uri,
      databaseName: config.databaseName,
      snapshotEvery: config.snapshotEvery,
    });
    return {
      ledger,
      async close() {
        await ledger.close();
        await database.stop();
      },
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
