// A catch-up far behind the head (a bulk load, a start after a long crash) folds each batch of
// the log in memory per report and writes in bulk, instead of a stream read and a round of
// single writes per report; what it writes is still what a rebuild writes.
import type { CommandStartedEvent } from 'mongodb';
import { corpusAgencies } from '../../bench/generator/corpusAgencies';
import { loadCorpusLedger } from '../../bench/generator/corpusLedger';
import { createRandom } from '../../bench/generator/prng';
import { catchUpProjections } from '../../src/projections/projectionFollower';
import { openLedger, type Ledger } from '../../src/application/createLedger';
import { rebuildProjections } from '../../src/projections/rebuildProjections';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { dumpReadModels } from './projectionHarness';

const YEARS = [2022, 2023, 2024];

describe('catch-up of a log far ahead of the read models', () => {
  let database: TestDatabase;
  let ledger: Ledger;
  let reports = 0;
  const commands: CommandStartedEvent[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('batchcatchup');
    ledger = await openLedger({
      uri: database.uri,
      databaseName: database.name,
      monitorCommands: true,
    });
    const record = (event: CommandStartedEvent) => commands.push(event);
    ledger.connection.getClient().on('commandStarted', record);
    ledger.client.on('commandStarted', record);
    const agencies = corpusAgencies(6, createRandom(7));
    await loadCorpusLedger(ledger.store, {
      agencies,
      years: YEARS,
      seed: 7,
      editEvery: 3,
      onStored: () => undefined,
    });
    reports = agencies.length * YEARS.length;
  });

  afterAll(async () => {
    await ledger?.close();
    await database?.drop();
  });

  it('given reports appended through the bulk path and never projected, when the catch-up runs, then their full documents are inserted in bulk and their commits are not read again per report', async () => {
    commands.length = 0;
    const result = await catchUpProjections(ledger.projection);
    expect(result.events).toBeGreaterThan(reports);
    const reportsCollection = ledger.models.reports.collection.collectionName;
    const commitsCollection = ledger.store.collectionName;
    const inserts = commands.filter(
      (event) => event.commandName === 'insert' && event.command.insert === reportsCollection,
    );
    const commitReads = commands.filter(
      (event) => event.commandName === 'find' && event.command.find === commitsCollection,
    );
    expect(await ledger.models.reports.countDocuments()).toBe(reports);
    expect(inserts.length).toBeGreaterThan(0);
    expect(inserts.length).toBeLessThan(reports);
    expect(commitReads.length).toBeGreaterThan(0);
    expect(commitReads.length).toBeLessThan(reports);
  });

  it('given the caught-up read models, when they are rebuilt from the log, then the rebuild writes the same documents', async () => {
    const caughtUp = await dumpReadModels(ledger);
    await rebuildProjections(ledger.projection);
    const rebuilt = await dumpReadModels(ledger);
    expect(caughtUp.reports.length).toBe(reports);
    expect(caughtUp).toEqual(rebuilt);
  });
});
