// Every server feature the event store relies on, checked on the test server (FerretDB 1.24
// unless MONGODB_URI points elsewhere). See the comment block of events/store/mongoEventStore.ts.
import type { Collection, Document } from 'mongodb';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';

let database: TestDatabase;
let collection: Collection<Document>;

beforeAll(async () => {
  database = await openTestDatabase('es_features');
  collection = database.db.collection('features');
});
afterAll(async () => {
  await database.drop();
});

describe('server features the event store relies on', () => {
  it('creates unique compound and multikey indexes idempotently, one per command', async () => {
    for (let i = 0; i < 2; i++) {
      await collection.createIndex(
        { streamId: 1, firstRevision: 1 },
        { name: 'stream_revision_unique', unique: true },
      );
      await collection.createIndex(
        { lastPosition: 1 },
        { name: 'last_position_unique', unique: true },
      );
      await collection.createIndex({ eventIds: 1 }, { name: 'event_ids_unique', unique: true });
    }
    const names = (await collection.indexes()).map((index) => index.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'stream_revision_unique',
        'last_position_unique',
        'event_ids_unique',
      ]),
    );
  });

  it('lets exactly one of many concurrent inserts with the same unique key win, with code 11000', async () => {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 24 }, (_, i) =>
        collection.insertOne({
          _id: `c${i}` as never,
          streamId: 'race',
          firstRevision: 0,
          lastPosition: 1000 + i,
          eventIds: [`r${i}`],
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes)
      if (o.status === 'rejected') expect((o.reason as { code?: number }).code).toBe(11000);
    const sameId = await Promise.allSettled(
      Array.from({ length: 24 }, (_, i) =>
        collection.insertOne({
          _id: 'same' as never,
          streamId: `x${i}`,
          firstRevision: 0,
          lastPosition: 2000 + i,
        }),
      ),
    );
    expect(sameId.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
  });

  it('reports its clock in hello.localTime', async () => {
    const reply = await database.db.command({ hello: 1 });
    expect(reply.localTime).toBeInstanceOf(Date);
  });

  it('answers _id equality, $in on an array field, sorted range queries and projections', async () => {
    await collection.insertMany([
      {
        _id: '10' as never,
        streamId: 'q',
        firstRevision: 0,
        lastRevision: 1,
        lastPosition: 11,
        eventIds: ['a', 'b'],
        recordedAt: new Date(1),
      },
      {
        _id: '12' as never,
        streamId: 'q',
        firstRevision: 2,
        lastRevision: 2,
        lastPosition: 12,
        eventIds: ['c'],
        recordedAt: new Date(2),
      },
    ]);
    expect(
      await collection.findOne({ _id: '12' as never }, { projection: { lastPosition: 1 } }),
    ).toEqual({ _id: '12', lastPosition: 12 });
    expect(
      (await collection.find({ eventIds: { $in: ['b', 'zz'] } }).toArray()).map((d) => d._id),
    ).toEqual(['10']);
    const byRevision = await collection
      .find({
        streamId: 'q',
        lastRevision: { $gte: 1 },
        firstRevision: { $lte: 2 },
        recordedAt: { $lte: new Date(2) },
      })
      .sort({ firstRevision: -1 })
      .toArray();
    expect(byRevision.map((d) => d._id)).toEqual(['12', '10']);
    const ordered = await collection
      .find({ streamId: 'q' }, { sort: { streamId: 1, firstRevision: 1 } })
      .toArray();
    expect(ordered.map((d) => d._id)).toEqual(['10', '12']);
  });

  it('stores the event shape: JSON text data, nested metadata, dates, upserted lookups', async () => {
    const data = { changes: { 't3.total.total': { value: '1' } } };
    await collection.insertOne({
      _id: 'shape' as never,
      dataJson: JSON.stringify(data),
      metadata: { actor: { id: 'u', name: '张三' }, reason: 'r' },
      recordedAt: new Date(5),
    });
    const stored = await collection.findOne({ _id: 'shape' as never });
    expect(JSON.parse(stored!.dataJson as string)).toEqual(data);
    expect(stored!.metadata).toEqual({ actor: { id: 'u', name: '张三' }, reason: 'r' });
    expect(stored!.recordedAt).toEqual(new Date(5));
    await collection.updateOne(
      { _id: 'hint' as never },
      { $set: { commitId: '1' } },
      { upsert: true },
    );
    await collection.updateOne(
      { _id: 'hint' as never },
      { $set: { commitId: '2' } },
      { upsert: true },
    );
    expect(await collection.findOne({ _id: 'hint' as never })).toEqual({
      _id: 'hint',
      commitId: '2',
    });
  });
});
