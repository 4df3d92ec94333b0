// The verified-up-to checkpoint: the catch-up verifies what it reads anyway, and the start's
// verification then reads only the log after the checkpoint. What it cannot see (an event
// altered below the checkpoint) the next full verification finds.
import type { Collection } from 'mongodb';
import { corpusAgencies } from '../../bench/generator/corpusAgencies';
import { loadCorpusLedger } from '../../bench/generator/corpusLedger';
import { createRandom } from '../../bench/generator/prng';
import { openLedger, type Ledger } from '../../src/application/createLedger';
import { catchUpProjections } from '../../src/projections/projectionFollower';
import { rebuildProjections } from '../../src/projections/rebuildProjections';
import { readVerifiedCheckpoint } from '../../src/projections/verifiedCheckpoint';
import { ReadinessMonitor } from '../../src/server/readiness';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

interface StoredCommit {
  _id: string;
  streamId: string;
  lastPosition: number;
  events: Array<{ dataJson: string }>;
}

describe('verified-up-to checkpoint', () => {
  let database: TestDatabase;
  let ledger: Ledger;
  let commits: Collection<StoredCommit>;
  let seed = 11;

  async function load(agencyCount: number): Promise<void> {
    await loadCorpusLedger(ledger.store, {
      agencies: corpusAgencies(agencyCount, createRandom(seed++)).map((name) => `${name}${seed}`),
      years: [2024],
      seed,
      editEvery: 2,
      onStored: () => undefined,
    });
  }

  function monitor(): ReadinessMonitor {
    return new ReadinessMonitor(
      { db: ledger.db, projection: ledger.projection },
      { maxProjectionLag: 1_000_000, integrityIntervalMs: 300_000 },
    );
  }

  /** Alters the data of one event of the commit at `position` (as an attacker would). */
  async function tamper(position: number, index = 0): Promise<string> {
    const commit = await commits.findOne({ _id: String(position) });
    if (!commit) throw new Error(`no commit at ${position}`);
    const data = JSON.parse(commit.events[index].dataJson) as Record<string, unknown>;
    await commits.updateOne(
      { _id: commit._id },
      { $set: { [`events.${index}.dataJson`]: JSON.stringify({ ...data, tampered: true }) } },
    );
    return commit.streamId;
  }

  beforeEach(async () => {
    database = await openTestDatabase('verifiedcheckpoint');
    ledger = await openLedger({ uri: database.uri, databaseName: database.name });
    commits = database.db.collection<StoredCommit>(ledger.store.collectionName);
    await load(3);
  });

  afterEach(async () => {
    await ledger?.close();
    await database?.drop();
  });

  it('given a catch-up of an untampered log, when the start verification runs, then it reads only what came after and never the whole log', async () => {
    const caughtUp = await catchUpProjections(ledger.projection);
    const head = await ledger.store.headPosition();
    expect(caughtUp.verifiedUpTo).toBe(head);
    await load(2);
    const newHead = await ledger.store.headPosition();
    const verifyAll = jest.spyOn(ledger.store, 'verifyAll');
    const status = await monitor().refreshIntegrity('tail');
    expect(status.error).toBeUndefined();
    expect(verifyAll).not.toHaveBeenCalled();
    expect(status).toMatchObject({ status: 'ok', scope: 'tail', verifiedFrom: head });
    expect(status.eventsChecked).toBe(newHead - head);
    expect((await readVerifiedCheckpoint(ledger.models))?.position).toBe(newHead);
  });

  it('given an event altered after the checkpoint, when the start verification runs, then it fails naming the stream and the checkpoint stays', async () => {
    await catchUpProjections(ledger.projection);
    const head = await ledger.store.headPosition();
    await load(2);
    const streamId = await tamper(head + 1);
    const status = await monitor().refreshIntegrity('tail');
    expect(status.status).toBe('failed');
    expect(status.failures).toEqual([
      expect.objectContaining({ streamId, problem: 'content_altered' }),
    ]);
    expect((await readVerifiedCheckpoint(ledger.models))?.position).toBe(head);
  });

  it('given the event at the checkpoint altered, when the start verification runs, then it fails', async () => {
    await catchUpProjections(ledger.projection);
    const head = await ledger.store.headPosition();
    const last = await commits.findOne({ lastPosition: head });
    await tamper(Number(last!._id), last!.events.length - 1);
    const status = await monitor().refreshIntegrity('tail');
    expect(status.status).toBe('failed');
  });

  it('given an event altered below the checkpoint, when the start verification passes, then the next full verification fails', async () => {
    await catchUpProjections(ledger.projection);
    await tamper(1);
    const readiness = monitor();
    expect((await readiness.refreshIntegrity('tail')).status).toBe('ok');
    const full = await readiness.refreshIntegrity();
    expect(full).toMatchObject({ status: 'failed', scope: 'full' });
  });

  it('given an event altered before the catch-up reads it, when the catch-up runs, then the checkpoint does not move past it', async () => {
    const streamId = await tamper(2);
    const caughtUp = await catchUpProjections(ledger.projection);
    expect(caughtUp.verifiedUpTo).toBe(0);
    const status = await monitor().refreshIntegrity('tail');
    expect(status.status).toBe('failed');
    expect(status.failures?.map((failure) => failure.streamId)).toContain(streamId);
  });

  it('given a log never verified, when the projections are rebuilt, then the verified checkpoint is at the head and the start reads only what came after', async () => {
    const head = await ledger.store.headPosition();
    expect(await readVerifiedCheckpoint(ledger.models)).toBeNull();
    await rebuildProjections(ledger.projection);
    expect((await readVerifiedCheckpoint(ledger.models))?.position).toBe(head);
    await load(1);
    const verifyAll = jest.spyOn(ledger.store, 'verifyAll');
    const status = await monitor().refreshIntegrity('tail');
    expect(verifyAll).not.toHaveBeenCalled();
    expect(status).toMatchObject({ status: 'ok', scope: 'tail', verifiedFrom: head });
    expect(status.eventsChecked).toBe((await ledger.store.headPosition()) - head);
  });

  it('given an event altered before a rebuild reads it, when the projections are rebuilt, then the verified checkpoint stays absent', async () => {
    await tamper(2);
    await rebuildProjections(ledger.projection);
    expect(await readVerifiedCheckpoint(ledger.models)).toBeNull();
  });
});
