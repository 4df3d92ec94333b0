// `BENCH_ONLY=eventStore npm run bench`: only the event store section, on its own database
// (a temporary embedded FerretDB, or MONGODB_URI), printed and written like the full table.
import path from 'node:path';
import { MongoClient } from 'mongodb';
import type { BenchProfile } from '../benchProfile';
import { startBenchDatabase } from '../support/benchDatabase';
import { databaseInfo, resultDatabase } from '../support/databaseInfo';
import { publishResult } from '../support/publishResult';
import { machineInfo, type BenchResult } from '../support/resultTable';
import { measureEventStore } from './eventStore';

/** The section BENCH_ONLY names, if any. */
export function benchOnly(env: NodeJS.ProcessEnv = process.env): 'eventStore' | null {
  const only = env.BENCH_ONLY?.trim();
  if (!only) return null;
  if (only !== 'eventStore') throw new Error(`BENCH_ONLY: expected "eventStore", got "${only}"`);
  return only;
}

export async function runEventStoreSection(
  profile: BenchProfile,
  log: (line: string) => void,
): Promise<void> {
  const startedAt = new Date().toISOString();
  const database = await startBenchDatabase('bench_es', log);
  const { databaseName } = database;
  const client = await MongoClient.connect(database.uri);
  try {
    const dbInfo = await databaseInfo(client.db('admin'));
    log(
      `bench: eventStore section, ${profile.name} profile on ${dbInfo.kind} ${dbInfo.version ?? ''}`,
    );
    const rows = await measureEventStore({ uri: database.uri, databaseName, profile }, log);
    const result: BenchResult = {
      startedAt,
      profile: `${profile.name} (BENCH_ONLY=eventStore)`,
      machine: machineInfo(),
      database: resultDatabase(dbInfo),
      settings: { seed: profile.seed },
      rows,
      notes: [],
    };
    publishResult(path.join(__dirname, '..', 'results', 'eventStore'), result);
  } finally {
    await client
      .db(databaseName)
      .dropDatabase()
      .catch(() => undefined);
    await client.close();
    await database.stop();
  }
}
