import { randomUUID } from 'node:crypto';
import {
  createEventStore,
  createLogFollower,
  WrongExpectedRevision,
  type CommitInFlight,
  type MongoEventStore,
  type RecordedEvent,
} from '../../events/store';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { gate, newEvent } from './fixtures';

let database: TestDatabase;
let store: MongoEventStore;

beforeAll(async () => {
  database = await openTestDatabase('es_concurrency');
  store = await createEventStore(database.db);
});
afterAll(async () => {
  await database.drop();
});

/** Reads the whole log through a follower that never times a hole out. */
async function followToHead(fromPosition: number): Promise<RecordedEvent[]> {
  const follower = createLogFollower(store, { fromPosition, holeTimeoutMs: 3_600_000 });
  const head = await store.headPosition();
  const seen: RecordedEvent[] = [];
  for (let polls = 0; follower.checkpoint < head; polls++) {
    if (polls > 1000) throw new Error(`follower stalled at ${follower.checkpoint} (head ${head})`);
    seen.push(...(await follower.next()));
  }
  return seen;
}

describe('concurrent appends', () => {
  it('lets exactly one of 32 appends with the same expected revision win, leaving no gap', async () => {
    const id = `race-${randomUUID()}`;
    await store.appendToStream(id, [newEvent('Created', 0)], { expectedRevision: 'no_stream' });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 32 }, (_, i) =>
        store.appendToStream(id, [newEvent('Edited', i), newEvent('Edited', i)], {
          expectedRevision: 0,
        }),
      ),
    );
    const won = outcomes.filter((o) => o.status === 'fulfilled');
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(31);
    for (const failure of lost) {
      expect(failure.reason).toBeInstanceOf(WrongExpectedRevision);
      expect((failure.reason as WrongExpectedRevision).actualRevision).toBe(2);
    }
    const events = await store.readStream(id);
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2]);
    expect(events[1]!.data).toBe(events[2]!.data);
    expect((await store.verifyStream(id)).ok).toBe(true);
  });

  it("serialises concurrent 'any' appends into one gap-free stream", async () => {
    const id = `any-${randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.appendToStream(id, [newEvent('Note', i)], { expectedRevision: 'any' }),
      ),
    );
    const events = await store.readStream(id);
    expect(events.map((e) => e.revision)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    expect(events.map((e) => e.data as number).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => i),
    );
    expect(new Set(results.map((r) => r.nextExpectedRevision)).size).toBe(12);
    expect((await store.verifyStream(id)).ok).toBe(true);
  });

  it('rejects a whole batch whose revision was taken while it was in flight', async () => {
    const id = `batch-${randomUUID()}`;
    await store.appendToStream(id, [newEvent('Created', 0)], { expectedRevision: 'no_stream' });
    const held = gate();
    const reached = gate();
    const slowStore = await createEventStore(database.db, {
      hooks: {
        beforeInsertCommit: async () => {
          reached.open();
          await held.promise;
        },
      },
    });
    const slow = slowStore
      .appendToStream(id, [newEvent('B', 1), newEvent('B', 2), newEvent('B', 3)], {
        expectedRevision: 0,
      })
      .catch((e: unknown) => e);
    await reached.promise;
    await store.appendToStream(id, [newEvent('Other', 9)], { expectedRevision: 0 });
    held.open();
    const error = await slow;
    expect(error).toBeInstanceOf(WrongExpectedRevision);
    expect((error as WrongExpectedRevision).actualRevision).toBe(1);
    expect((await store.readStream(id)).map((e) => e.type)).toEqual(['Created', 'Other']);
  });

  it('retries an append of the same ids racing itself into exactly one copy', async () => {
    const id = `retry-${randomUUID()}`;
    const events = [
      newEvent('A', 1, { eventId: randomUUID() }),
      newEvent('B', 2, { eventId: randomUUID() }),
    ];
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        store.appendToStream(id, events, { expectedRevision: 'any' }),
      ),
    );
    expect(results.filter((r) => !r.alreadyAppended)).toHaveLength(1);
    for (const result of results) expect(result.events).toEqual(results[0]!.events);
    expect(await store.readStream(id)).toHaveLength(2);
  });
});

describe('following the global log', () => {
  it('never lets a slow insert be overtaken invisibly: the later event is delivered once visible, in order', async () => {
    const start = await store.headPosition();
    const held = gate();
    const reached = gate();
    let slowAttempts = 0;
    const slowStore = await createEventStore(database.db, {
      hooks: {
        beforeInsertCommit: async (commit: CommitInFlight) => {
          slowAttempts++;
          if (slowAttempts === 1) {
            expect(commit.firstPosition).toBe(start + 1);
            reached.open();
            await held.promise;
          }
        },
      },
    });
    const follower = createLogFollower(store, { fromPosition: start, holeTimeoutMs: 3_600_000 });

    const slow = slowStore.appendToStream(`slow-${randomUUID()}`, [newEvent('Slow', 1)], {
      expectedRevision: 'any',
    });
    await reached.promise; // the slow writer has chosen position start+1 but not inserted it
    const fast = await store.appendToStream(`fast-${randomUUID()}`, [newEvent('Fast', 2)], {
      expectedRevision: 'any',
    });
    expect(fast.position).toBe(start + 1);
    expect((await follower.next()).map((e) => e.type)).toEqual(['Fast']);

    held.open();
    const slowResult = await slow;
    expect(slowAttempts).toBe(2);
    expect(slowResult.position).toBe(start + 2);
    expect((await follower.next()).map((e) => [e.position, e.type])).toEqual([[start + 2, 'Slow']]);
    expect(follower.checkpoint).toBe(start + 2);
  });

  it('leaves no hole in positions after lost races, so a follower reaches the head without waiting', async () => {
    const start = await store.headPosition();
    const id = `burn-${randomUUID()}`;
    await store.appendToStream(id, [newEvent('Created', 0)], { expectedRevision: 'no_stream' });
    await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        store.appendToStream(id, [newEvent('Edited', i)], { expectedRevision: 0 }),
      ),
    );
    await store.appendToStream(id, [newEvent('Closed', 0)], { expectedRevision: 'stream_exists' });
    expect(await store.headPosition()).toBe(start + 3);

    const seen = await followToHead(start);
    expect(seen.map((e) => e.type)).toEqual(['Created', 'Edited', 'Closed']);
    const verification = await store.verifyAll();
    expect(verification.unaccountedPositions).toEqual([]);
  });

  it('delivers every event exactly once in position order while many writers race with slowed inserts', async () => {
    const start = await store.headPosition();
    const jittery = await createEventStore(database.db, {
      hooks: {
        beforeInsertCommit: (commit: CommitInFlight) =>
          new Promise((resolve) => setTimeout(resolve, (commit.firstPosition * 7919) % 40)),
      },
    });
    const follower = createLogFollower(store, {
      fromPosition: start,
      holeTimeoutMs: 3_600_000,
      pollIntervalMs: 5,
    });
    const seen: RecordedEvent[] = [];
    const subscription = follower.subscribe((events) => {
      seen.push(...events);
    });

    const writers = Array.from({ length: 6 }, (_, w) =>
      (async () => {
        const ids: string[] = [];
        for (let i = 0; i < 8; i++) {
          const writerStore = i % 2 === 0 ? jittery : store;
          const streamId = `w${w}-${i % 3}-${start}`;
          const result = await writerStore.appendToStream(
            streamId,
            [newEvent('W', { w, i }), newEvent('W', { w, i, second: true })],
            { expectedRevision: 'any' },
          );
          ids.push(...result.events.map((e) => e.eventId));
        }
        return ids;
      })(),
    );
    const written = (await Promise.all(writers)).flat();
    const head = await store.headPosition();
    expect(head).toBe(start + written.length);
    for (let polls = 0; follower.checkpoint < head; polls++) {
      if (polls > 2000)
        throw new Error(`follower stalled at ${follower.checkpoint} (head ${head})`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await subscription.stop();

    expect(seen.map((e) => e.position)).toEqual(
      Array.from({ length: written.length }, (_, i) => start + 1 + i),
    );
    expect(seen.map((e) => e.eventId).sort()).toEqual([...written].sort());
  });
});
