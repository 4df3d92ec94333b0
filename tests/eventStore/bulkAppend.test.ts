import { randomUUID } from 'node:crypto';
import {
  createEventStore,
  EventIdConflictError,
  InvalidAppendError,
  WrongExpectedRevision,
  type MongoEventStore,
  type StreamAppend,
  type StreamAppendOutcome,
} from '../../events/store';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { newEvent } from './fixtures';

let database: TestDatabase;
let store: MongoEventStore;

beforeAll(async () => {
  database = await openTestDatabase('es_bulk');
  store = await createEventStore(database.db);
});
afterAll(async () => {
  await database.drop();
});

const stream = () => `bulk-${randomUUID()}`;
const withIds = (count: number, type = 'E') =>
  Array.from({ length: count }, (_, index) => newEvent(type, index, { eventId: randomUUID() }));

function results(outcomes: StreamAppendOutcome[]) {
  return outcomes.map((outcome) => {
    if (!outcome.ok) throw outcome.error;
    return outcome.result;
  });
}

describe('appendToStreams (integration)', () => {
  it('given new streams, when appended in one call, then each append is one commit with a chain that verifies', async () => {
    const ids = [stream(), stream(), stream()];
    const appends: StreamAppend[] = [
      { streamId: ids[0]!, events: withIds(3), expectedRevision: 'no_stream' },
      { streamId: ids[1]!, events: withIds(1), expectedRevision: 'no_stream' },
      { streamId: ids[0]!, events: withIds(2), expectedRevision: 2 },
      { streamId: ids[2]!, events: withIds(4), expectedRevision: 'any' },
    ];
    const before = await store.headPosition();

    const stored = results(await store.appendToStreams(appends));

    expect(stored.map((r) => r.nextExpectedRevision)).toEqual([2, 0, 4, 3]);
    const positions = stored.flatMap((r) => r.events.map((e) => e.position));
    expect(positions).toEqual(Array.from({ length: 10 }, (_, i) => before + 1 + i));
    const commits = database.db.collection(store.collectionName);
    expect(await commits.countDocuments({ streamId: ids[0] })).toBe(2);
    expect(await commits.countDocuments({ streamId: ids[1] })).toBe(1);
    const first = await store.readStream(ids[0]!);
    expect(first.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    expect(first[3]!.previousHash).toBe(first[2]!.hash);
    for (const id of ids) expect((await store.verifyStream(id)).ok).toBe(true);
    expect(await store.readAll({ fromPosition: before })).toHaveLength(10);
  });

  it('given a batch already stored, when appended again with the same event ids, then nothing new is written and the originals come back', async () => {
    const appends: StreamAppend[] = [
      { streamId: stream(), events: withIds(2), expectedRevision: 'no_stream' },
      { streamId: stream(), events: withIds(1), expectedRevision: 'no_stream' },
    ];
    const first = results(await store.appendToStreams(appends));
    const head = await store.headPosition();

    const again = results(await store.appendToStreams(appends));
    const fresh = await createEventStore(database.db);
    const fromAnotherProcess = results(await fresh.appendToStreams(appends));

    for (const repeat of [again, fromAnotherProcess]) {
      expect(repeat.map((r) => r.alreadyAppended)).toEqual([true, true]);
      expect(repeat.map((r) => r.events)).toEqual(first.map((r) => r.events));
    }
    expect(await store.headPosition()).toBe(head);
  });

  it('given one bad append among good ones, when appended, then only it is rejected and the others are stored', async () => {
    const existing = stream();
    await store.appendToStream(existing, [newEvent('A', 1)], { expectedRevision: 'no_stream' });
    const stored = newEvent('S', 1, { eventId: randomUUID() });
    const elsewhere = stream();
    await store.appendToStream(elsewhere, [stored], { expectedRevision: 'no_stream' });
    const good = stream();

    const outcomes = await store.appendToStreams([
      { streamId: existing, events: [newEvent('B', 2)], expectedRevision: 5 },
      { streamId: good, events: [newEvent('G', 1)], expectedRevision: 'no_stream' },
      { streamId: stream(), events: [stored], expectedRevision: 'any' },
      { streamId: stream(), events: [], expectedRevision: 'any' },
      { streamId: existing, events: [newEvent('C', 3)], expectedRevision: 0 },
    ]);

    expect(outcomes.map((o) => o.ok)).toEqual([false, true, false, false, true]);
    const errors = outcomes.map((o) => (o.ok ? null : o.error));
    expect(errors[0]).toBeInstanceOf(WrongExpectedRevision);
    expect((errors[0] as WrongExpectedRevision).actualRevision).toBe(0);
    expect(errors[2]).toBeInstanceOf(EventIdConflictError);
    expect(errors[3]).toBeInstanceOf(InvalidAppendError);
    expect((await store.readStream(existing)).map((e) => e.type)).toEqual(['A', 'C']);
    expect((await store.readStream(good)).map((e) => e.type)).toEqual(['G']);
    expect((await store.verifyAll()).ok).toBe(true);
  });

  it('given a stream this process has not seen, when a bulk append says no_stream but it exists, then it is rejected with the actual revision', async () => {
    const id = stream();
    const other = await createEventStore(database.db);
    await other.appendToStream(id, [newEvent('A', 1), newEvent('B', 2)], {
      expectedRevision: 'no_stream',
    });
    const fresh = await createEventStore(database.db);

    const [outcome] = await fresh.appendToStreams([
      { streamId: id, events: [newEvent('C', 3)], expectedRevision: 'no_stream' },
    ]);

    expect(outcome!.ok).toBe(false);
    expect(!outcome!.ok && (outcome!.error as WrongExpectedRevision).actualRevision).toBe(1);
  });

  it('given a cached head gone stale in another process, when a bulk append builds on it, then the unique key catches it and the append lands on the true head', async () => {
    const id = stream();
    await store.appendToStream(id, [newEvent('A', 1)], { expectedRevision: 'no_stream' });
    const other = await createEventStore(database.db);
    await other.appendToStream(id, [newEvent('B', 2)], { expectedRevision: 0 });

    const [outcome] = results(
      await store.appendToStreams([
        { streamId: id, events: [newEvent('C', 3)], expectedRevision: 'any' },
      ]),
    );

    expect(outcome!.nextExpectedRevision).toBe(2);
    expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
    expect((await store.verifyStream(id)).ok).toBe(true);
  });

  it('given bulk and single appends racing from separate processes on the same expected revisions, then exactly one wins per stream and the log has no hole', async () => {
    const ids = Array.from({ length: 6 }, () => stream());
    const seed = await createEventStore(database.db);
    for (const id of ids)
      await seed.appendToStream(id, [newEvent('Created', 0)], { expectedRevision: 'no_stream' });
    const start = await seed.headPosition();
    const bulkWriters = await Promise.all([1, 2].map(() => createEventStore(database.db)));
    const singleWriters = await Promise.all([1, 2, 3].map(() => createEventStore(database.db)));

    const bulk = bulkWriters.map((writer, w) =>
      writer.appendToStreams(
        ids.map((id) => ({ streamId: id, events: [newEvent('Bulk', w)], expectedRevision: 0 })),
      ),
    );
    const single = singleWriters.flatMap((writer, w) =>
      ids.map((id) =>
        writer
          .appendToStream(id, [newEvent('Single', w), newEvent('Single', w)], {
            expectedRevision: 0,
          })
          .then(
            (result): StreamAppendOutcome => ({ ok: true, result }),
            (error: Error): StreamAppendOutcome => ({ ok: false, error }),
          ),
      ),
    );
    const outcomes = [...(await Promise.all(bulk)).flat(), ...(await Promise.all(single))];

    const winners = outcomes.filter((o) => o.ok);
    expect(winners).toHaveLength(ids.length);
    expect(new Set(winners.map((o) => o.ok && o.result.streamId))).toEqual(new Set(ids));
    for (const lost of outcomes.filter((o) => !o.ok)) {
      expect(!lost.ok && lost.error).toBeInstanceOf(WrongExpectedRevision);
    }
    const head = await seed.headPosition();
    const written = winners.reduce((sum, o) => sum + (o.ok ? o.result.events.length : 0), 0);
    expect(head).toBe(start + written);
    const log = await seed.readAll({ fromPosition: start });
    expect(log.map((e) => e.position)).toEqual(
      Array.from({ length: written }, (_, i) => start + 1 + i),
    );
    for (const id of ids) {
      const events = await seed.readStream(id);
      expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
      expect((await seed.verifyStream(id)).ok).toBe(true);
    }
    expect((await seed.verifyAll()).unaccountedPositions).toEqual([]);
  });
});
