// `BENCH_ONLY=eventStore npm run bench`: only the event store section, on its own database
// (a temporary embedded FerretDB, or MONGODB_URI), printed and written like the full table.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { resolveDatabase } from '../../src/database/mongoUri';
import type { BenchProfile } from '../benchProfile';
import {
  machineInfo,
  markdownTable,
  verdict,
  writeResults,
  type BenchResult,
} from '../support/resultTable';
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
  const dataDir = process.env.MONGODB_URI
    ? null
    : mkdtempSync(path.join(os.tmpdir(), 'nianbao-bench-db-'));
  const database = await resolveDatabase({ dataDir: dataDir ?? os.tmpdir(), progress: log });
  const databaseName = `bench_es_${Date.now().toString(36)}`;
  const client = await MongoClient.connect(database.uri);
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    const ferret = typeof info.ferretdbVersion === 'string' ? info.ferretdbVersion : null;
    const dbInfo = ferret
      ? { kind: 'FerretDB (sqlite backend)', version: ferret }
      : { kind: 'MongoDB', version: typeof info.version === 'string' ? info.version : null };
    log(
      `bench: eventStore section, ${profile.name} profile on ${dbInfo.kind} ${dbInfo.version ?? ''}`,
    );
    const rows = await measureEventStore({ uri: database.uri, databaseName, profile }, log);
    const result: BenchResult = {
      startedAt,
      profile: `${profile.name} (BENCH_ONLY=eventStore)`,
      machine: machineInfo(),
      database: {
        ...dbInfo,
        uri: process.env.MONGODB_URI
          ? 'MONGODB_URI'
          : 'embedded FerretDB (temporary data directory)',
      },
      settings: { seed: profile.seed },
      rows,
      notes: [],
    };
    const files = writeResults(path.join(__dirname, '..', 'results', 'eventStore'), result);
    process.stdout.write(markdownTable(result));
    const misses = rows.filter((row) => verdict(row) === 'MISS').length;
    process.stdout.write(
      `\n${misses} of ${rows.filter((row) => row.target).length} ratios miss their target. Written to ${files.markdown}\n`,
    );
  } finally {
    await client
      .db(databaseName)
      .dropDatabase()
      .catch(() => undefined);
    await client.close();
    await database.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}
