// Shared set-up for projection tests: a ledger on a fresh test database with the fixture parser.
import { openLedger, type Ledger } from '../../src/application/createLedger';
import { catchUpProjections } from '../../src/projections/projectionFollower';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { fixtureParser } from '../report/parsedReportFixture';

export interface Harness {
  ledger: Ledger;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function openHarness(label: string, snapshotEvery = 4): Promise<Harness> {
  const database = await openTestDatabase(label);
  const ledger = await openLedger({
    uri: database.uri,
    databaseName: database.name,
    parseDocument: fixtureParser,
    snapshotEvery,
  });
  return {
    ledger,
    database,
    async close() {
      await ledger.close();
      await database.drop();
    },
  };
}

/**
 * Every derived read model, sorted by _id, for comparisons. First does what a server's
 * follower does after a quiet spell (and a start does for a stopped one): rewrites the stored
 * full documents that edits only extended with revision documents.
 */
export async function dumpReadModels(ledger: Ledger): Promise<Record<string, unknown[]>> {
  await catchUpProjections(ledger.projection);
  const dump: Record<string, unknown[]> = {};
  for (const name of ['reports', 'summaries', 'agencies', 'changes', 'snapshots'] as const) {
    dump[name] = await ledger.models[name].collection.find({}).sort({ _id: 1 }).toArray();
  }
  return dump;
}

/** Seeded PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
