import { randomUUID } from 'node:crypto';
import type { Collection, Document } from 'mongodb';
import { createEventStore, type MongoEventStore } from '../../events/store';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { newEvent } from './fixtures';

let database: TestDatabase;
let store: MongoEventStore;
let raw: Collection<Document>;

beforeAll(async () => {
  database = await openTestDatabase('es_tamper');
  store = await createEventStore(database.db);
  raw = database.db.collection(store.collectionName);
});
afterAll(async () => {
  await database.drop();
});

/** A stream of three commits: revisions [0], [1, 2], [3]. */
async function seedStream(): Promise<string> {
  const id = `t-${randomUUID()}`;
  await store.appendToStream(id, [newEvent('A', { changes: { 't3.total.total': 1 } })], {
    expectedRevision: 'no_stream',
  });
  await store.appendToStream(id, [newEvent('B', { n: 2 }), newEvent('C', { n: 3 })], {
    expectedRevision: 0,
  });
  await store.appendToStream(id, [newEvent('D', { n: 4 })], { expectedRevision: 2 });
  expect((await store.verifyStream(id)).ok).toBe(true);
  return id;
}
const commitOf = async (streamId: string, firstRevision: number) =>
  (await raw.findOne({ streamId, firstRevision })) as Document;

describe('verifyStream / verifyAll', () => {
  it('passes an untouched log', async () => {
    await seedStream();
    const result = await store.verifyAll();
    expect(result).toMatchObject({ ok: true, failures: [], unaccountedPositions: [] });
    expect(result.eventsChecked).toBeGreaterThanOrEqual(4);
  });

  it('reports the event whose data was altered', async () => {
    const id = await seedStream();
    const commit = await commitOf(id, 1);
    await raw.updateOne(
      { _id: commit._id },
      { $set: { 'events.1.dataJson': JSON.stringify({ n: 333 }) } },
    );
    const result = await store.verifyStream(id);
    expect(result.ok).toBe(false);
    expect(result.failures).toEqual([
      expect.objectContaining({ problem: 'content_altered', revision: 2 }),
    ]);
    expect((await store.verifyAll()).failures.map((f) => f.streamId)).toContain(id);
  });

  it('reports an altered actor', async () => {
    const id = await seedStream();
    const commit = await commitOf(id, 0);
    await raw.updateOne(
      { _id: commit._id },
      { $set: { 'events.0.metadata.actor.name': 'someone else' } },
    );
    expect((await store.verifyStream(id)).failures).toEqual([
      expect.objectContaining({ problem: 'content_altered', revision: 0 }),
    ]);
  });

  it('reports a deleted commit in the middle of a stream, and the hole it leaves in positions', async () => {
    const id = await seedStream();
    const commit = await commitOf(id, 1);
    await raw.deleteOne({ _id: commit._id });
    expect((await store.verifyStream(id)).failures).toEqual([
      expect.objectContaining({ problem: 'missing_commit', revision: 1 }),
    ]);
    const all = await store.verifyAll();
    expect(all.ok).toBe(false);
    expect(all.unaccountedPositions).toContainEqual({
      fromPosition: commit.firstPosition as number,
      toPosition: commit.lastPosition as number,
    });
    await expect(store.readStream(id)).rejects.toThrow(/missing/);
  });

  it('reports revisions swapped between commits', async () => {
    const id = await seedStream();
    const first = await commitOf(id, 0);
    const last = await commitOf(id, 3);
    // Through a temporary revision, since (streamId, firstRevision) is unique.
    await raw.updateOne({ _id: first._id }, { $set: { firstRevision: -1 } });
    await raw.updateOne(
      { _id: last._id },
      { $set: { firstRevision: 0, lastRevision: 0, 'events.0.revision': 0 } },
    );
    await raw.updateOne(
      { _id: first._id },
      { $set: { firstRevision: 3, lastRevision: 3, 'events.0.revision': 3 } },
    );
    const [failure] = (await store.verifyStream(id)).failures;
    expect(failure).toBeDefined();
    expect(['chain_broken', 'content_altered', 'revision_gap']).toContain(failure!.problem);
    expect(failure!.revision).toBe(0);
  });

  it('reports events reordered inside a commit', async () => {
    const id = await seedStream();
    const commit = await commitOf(id, 1);
    const events = commit.events as Document[];
    await raw.updateOne({ _id: commit._id }, { $set: { events: [events[1], events[0]] } });
    expect((await store.verifyStream(id)).failures).toEqual([
      expect.objectContaining({ problem: 'revision_gap', revision: 1 }),
    ]);
  });

  it('reports the deletion of the last commit of the log through the position hole', async () => {
    const id = await seedStream();
    const later = await store.appendToStream(`later-${randomUUID()}`, [newEvent('X', 1)], {
      expectedRevision: 'any',
    });
    const last = await commitOf(id, 3);
    await raw.deleteOne({ _id: last._id });
    // The stream's own chain cannot see a removed tail; the global positions can.
    expect((await store.verifyStream(id)).ok).toBe(true);
    const all = await store.verifyAll();
    expect(all.unaccountedPositions).toContainEqual({
      fromPosition: last.firstPosition,
      toPosition: last.lastPosition,
    });
    expect(later.position).toBeGreaterThan(last.lastPosition as number);
  });

  it("reports the deletion of the log's newest commit, which leaves no hole below the head", async () => {
    const fresh = await createEventStore(database.db, { collectionName: `newest_${Date.now()}` });
    const id = `t-${randomUUID()}`;
    await fresh.appendToStream(id, [newEvent('A', 1)], { expectedRevision: 'no_stream' });
    const newest = await fresh.appendToStream(id, [newEvent('B', 2), newEvent('C', 3)], {
      expectedRevision: 0,
    });
    expect((await fresh.verifyAll()).ok).toBe(true);
    await database.db
      .collection(fresh.collectionName)
      .deleteOne({ streamId: id, firstRevision: 1 });
    const all = await fresh.verifyAll();
    expect(all.ok).toBe(false);
    expect(all.unaccountedPositions).toEqual([
      { fromPosition: newest.position - 1, toPosition: newest.position },
    ]);
    expect(all.failures).toEqual([
      expect.objectContaining({ streamId: id, revision: 1, problem: 'missing_commit' }),
    ]);
  });
});
