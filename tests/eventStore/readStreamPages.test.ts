// readStream on a stream longer than one page of `earlier` commits (63), and where a pointer
// has no page (a repair wrote it from the commit alone).
import { randomUUID } from 'node:crypto';
import { createEventStore, type MongoEventStore } from '../../events/store';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { newEvent } from './fixtures';

let database: TestDatabase;
let store: MongoEventStore;
const streamId = `pages-${randomUUID()}`;
/** Revisions held by each commit: one-event commits, with a few longer ones. */
const sizes = Array.from({ length: 150 }, (_, index) => (index % 37 === 5 ? 3 : 1));
const total = sizes.reduce((sum, size) => sum + size, 0);
const range = (from: number, to: number) =>
  Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);
const revisions = (events: { revision: number }[]) => events.map((event) => event.revision);

beforeAll(async () => {
  database = await openTestDatabase('es_pages');
  store = await createEventStore(database.db);
  let revision = -1;
  const appends = sizes.map((size, index) => {
    const append = {
      streamId,
      events: Array.from({ length: size }, (_, n) => newEvent('E', { index, n })),
      expectedRevision: revision < 0 ? ('no_stream' as const) : revision,
    };
    revision += size;
    return append;
  });
  // Half through the bulk path, half one by one, so both write the pages.
  for (const outcome of await store.appendToStreams(appends.slice(0, 75))) {
    if (!outcome.ok) throw outcome.error;
  }
  for (const append of appends.slice(75)) {
    await store.appendToStream(append.streamId, append.events, {
      expectedRevision: append.expectedRevision,
    });
  }
});
afterAll(async () => {
  await database.drop();
});

describe('readStream over many commits (integration)', () => {
  const cases = (): Array<[string, () => Promise<number[]>, number[]]> => [
    ['all', async () => revisions(await store.readStream(streamId)), range(0, total - 1)],
    [
      'a middle range',
      async () =>
        revisions(await store.readStream(streamId, { fromRevision: 61, toRevision: 131 })),
      range(61, 131),
    ],
    [
      'from a revision inside a longer commit',
      async () => revisions(await store.readStream(streamId, { fromRevision: 6 })),
      range(6, total - 1),
    ],
    [
      'the last 70, backwards',
      async () =>
        revisions(await store.readStream(streamId, { direction: 'backwards', maxCount: 70 })),
      range(total - 70, total - 1).reverse(),
    ],
    [
      'backwards from a revision',
      async () =>
        revisions(
          await store.readStream(streamId, {
            direction: 'backwards',
            toRevision: 100,
            maxCount: 3,
          }),
        ),
      [100, 99, 98],
    ],
    [
      'past the end',
      async () => revisions(await store.readStream(streamId, { fromRevision: total })),
      [],
    ],
  ];

  it('given a stream of 150 commits, when read by revision ranges, then every wanted event comes back once, in order', async () => {
    for (const [, read, expected] of cases()) expect(await read()).toEqual(expected);
    const fresh = await createEventStore(database.db);
    expect(revisions(await fresh.readStream(streamId))).toEqual(range(0, total - 1));
  });

  it('given pointers without pages (written by a repair), when read, then the reads still find every commit', async () => {
    const lookups = database.db.collection(store.lookupCollectionName);
    const unset = await lookups.updateMany(
      { _id: { $regex: `^s:\\["${streamId}"` } as never },
      { $unset: { earlierRevisions: '', earlierCommitIds: '' } },
    );
    expect(unset.modifiedCount).toBeGreaterThan(100);
    const fresh = await createEventStore(database.db);
    for (const [, read, expected] of cases()) expect(await read()).toEqual(expected);
    expect(revisions(await fresh.readStream(streamId))).toEqual(range(0, total - 1));
  });

  it('given a commit longer than the first look back, when read from inside it, then the read starts inside that commit', async () => {
    const id = `long-${randomUUID()}`;
    await store.appendToStream(id, [newEvent('A', 0)], { expectedRevision: 'no_stream' });
    await store.appendToStream(
      id,
      Array.from({ length: 40 }, (_, n) => newEvent('L', n)),
      { expectedRevision: 0 },
    );
    await store.appendToStream(id, [newEvent('Z', 0)], { expectedRevision: 40 });

    expect(revisions(await store.readStream(id, { fromRevision: 30 }))).toEqual(range(30, 41));
    expect(
      revisions(
        await store.readStream(id, { toRevision: 35, direction: 'backwards', maxCount: 3 }),
      ),
    ).toEqual([35, 34, 33]);
    expect(revisions(await store.readStream(id, { fromRevision: 20, toRevision: 25 }))).toEqual(
      range(20, 25),
    );
  });
});
