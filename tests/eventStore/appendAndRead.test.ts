import { randomUUID } from 'node:crypto';
import {
  createEventStore,
  EventIdConflictError,
  WrongExpectedRevision,
  type MongoEventStore,
} from '../../events/store';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { actor, newEvent } from './fixtures';

let database: TestDatabase;
let store: MongoEventStore;

beforeAll(async () => {
  database = await openTestDatabase('es_append');
  store = await createEventStore(database.db);
});
afterAll(async () => {
  await database.drop();
});

const stream = () => `report-${randomUUID()}`;

describe('appendToStream', () => {
  it('stores every event with revision, position, metadata, server time and a hash chain', async () => {
    const id = stream();
    const before = await store.headPosition();
    const result = await store.appendToStream(
      id,
      [
        newEvent('ReportCreated', { title: '2023年度报告' }),
        newEvent('FiguresChanged', { changes: { 't3.total.total': 12 } }, { schemaVersion: 2 }),
      ],
      { expectedRevision: 'no_stream' },
    );
    expect(result.alreadyAppended).toBe(false);
    expect(result.nextExpectedRevision).toBe(1);
    expect(result.events.map((e) => e.revision)).toEqual([0, 1]);
    const [first, second] = result.events;
    expect(second!.position).toBe(first!.position + 1);
    expect(first!.position).toBeGreaterThan(before);
    expect(result.position).toBe(second!.position);
    expect(first!.previousHash).toBeNull();
    expect(second!.previousHash).toBe(first!.hash);
    expect(second!.schemaVersion).toBe(2);
    expect(first!.schemaVersion).toBe(1);
    expect(first!.metadata).toEqual({ actor, reason: 'test' });
    expect(first!.recordedAt).toBeInstanceOf(Date);
    expect(first!.eventId).toMatch(/^[0-9a-f-]{36}$/);

    const read = await store.readStream(id);
    expect(read).toEqual(result.events);
    expect(await store.streamRevision(id)).toBe(1);
  });

  it('round-trips data whose keys contain dots or start with $ (figure keys)', async () => {
    const id = stream();
    const data = {
      changes: { 't2.rules.issued': { value: '3', marker: null }, 't3.total.total': { value: 0 } },
      $note: 'dollar key',
      nested: [{ 'a.b': [1, 2.5, -3, true, null, ''] }],
      fee: '12345.67',
    };
    await store.appendToStream(id, [newEvent('FiguresChanged', data)], { expectedRevision: 'any' });
    const [event] = await store.readStream(id);
    expect(event!.data).toEqual(data);
  });

  it('keeps revisions gap-free across appends and checks numeric expected revisions', async () => {
    const id = stream();
    await store.appendToStream(id, [newEvent('A', 1)], { expectedRevision: 'no_stream' });
    await store.appendToStream(id, [newEvent('B', 2), newEvent('C', 3)], { expectedRevision: 0 });
    await store.appendToStream(id, [newEvent('D', 4)], { expectedRevision: 'stream_exists' });
    const error = await store
      .appendToStream(id, [newEvent('E', 5)], { expectedRevision: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongExpectedRevision);
    expect((error as WrongExpectedRevision).actualRevision).toBe(3);
    const noStream = await store
      .appendToStream(id, [newEvent('E', 5)], { expectedRevision: 'no_stream' })
      .catch((e: unknown) => e);
    expect((noStream as WrongExpectedRevision).actualRevision).toBe(3);
    const missing = await store
      .appendToStream(stream(), [newEvent('E', 5)], { expectedRevision: 'stream_exists' })
      .catch((e: unknown) => e);
    expect((missing as WrongExpectedRevision).actualRevision).toBe('no_stream');
    const events = await store.readStream(id);
    expect(events.map((e) => [e.revision, e.type])).toEqual([
      [0, 'A'],
      [1, 'B'],
      [2, 'C'],
      [3, 'D'],
    ]);
  });

  it('returns the original result when the same event ids are appended again', async () => {
    const id = stream();
    const events = [
      newEvent('A', { n: 1 }, { eventId: randomUUID() }),
      newEvent('B', { n: 2 }, { eventId: randomUUID() }),
    ];
    const first = await store.appendToStream(id, events, { expectedRevision: 'no_stream' });
    const again = await store.appendToStream(id, events, { expectedRevision: 'no_stream' });
    expect(again.alreadyAppended).toBe(true);
    expect(again.events).toEqual(first.events);
    expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision);
    expect(again.position).toBe(first.position);
    expect(await store.readStream(id)).toHaveLength(2);
  });

  it('treats upper-case spellings of a stored UUID as the same id', async () => {
    const id = stream();
    const eventId = randomUUID();
    await store.appendToStream(id, [newEvent('A', 1, { eventId })], { expectedRevision: 'any' });
    const again = await store.appendToStream(
      id,
      [newEvent('A', 1, { eventId: eventId.toUpperCase() })],
      {
        expectedRevision: 'any',
      },
    );
    expect(again.alreadyAppended).toBe(true);
    expect(await store.readStream(id)).toHaveLength(1);
  });

  it('rejects an append where only some ids are stored, or ids stored in another stream, writing nothing', async () => {
    const id = stream();
    const stored = newEvent('A', 1, { eventId: randomUUID() });
    await store.appendToStream(id, [stored], { expectedRevision: 'no_stream' });
    const head = await store.headPosition();

    const partial = await store
      .appendToStream(id, [stored, newEvent('B', 2)], { expectedRevision: 'any' })
      .catch((e: unknown) => e);
    expect(partial).toBeInstanceOf(EventIdConflictError);
    expect((partial as EventIdConflictError).eventIds).toEqual([stored.eventId]);

    const elsewhere = await store
      .appendToStream(stream(), [stored], { expectedRevision: 'any' })
      .catch((e: unknown) => e);
    expect(elsewhere).toBeInstanceOf(EventIdConflictError);

    expect(await store.readStream(id)).toHaveLength(1);
    expect(await store.headPosition()).toBe(head);
  });

  it('stores a multi-event append whole or not at all', async () => {
    const id = stream();
    await store.appendToStream(id, [newEvent('A', 1)], { expectedRevision: 'no_stream' });
    // A competing writer took revision 1 after we read revision 0: our three-event batch,
    // whose range starts at the taken revision, must be rejected entirely.
    await store.appendToStream(id, [newEvent('Other', 0)], { expectedRevision: 0 });
    const rejected = await store
      .appendToStream(id, [newEvent('B', 2), newEvent('C', 3), newEvent('D', 4)], {
        expectedRevision: 0,
      })
      .catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(WrongExpectedRevision);
    const types = (await store.readStream(id)).map((e) => e.type);
    expect(types).toEqual(['A', 'Other']);
  });
});

describe('readStream', () => {
  const id = `read-${randomUUID()}`;
  beforeAll(async () => {
    await store.appendToStream(id, [newEvent('E0', 0), newEvent('E1', 1)], {
      expectedRevision: 'no_stream',
    });
    await store.appendToStream(id, [newEvent('E2', 2)], { expectedRevision: 1 });
    await store.appendToStream(id, [newEvent('E3', 3), newEvent('E4', 4), newEvent('E5', 5)], {
      expectedRevision: 2,
    });
  });
  const revisions = (events: { revision: number }[]) => events.map((e) => e.revision);

  it('reads a revision range forwards and backwards, with maxCount', async () => {
    expect(revisions(await store.readStream(id))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(revisions(await store.readStream(id, { fromRevision: 1, toRevision: 4 }))).toEqual([
      1, 2, 3, 4,
    ]);
    expect(revisions(await store.readStream(id, { fromRevision: 4 }))).toEqual([4, 5]);
    expect(revisions(await store.readStream(id, { fromRevision: 3 }))).toEqual([3, 4, 5]);
    expect(revisions(await store.readStream(id, { fromRevision: 2, toRevision: 2 }))).toEqual([2]);
    // Past the end (a projection asking "anything new?"): nothing, whatever the gap.
    expect(await store.readStream(id, { fromRevision: 6 })).toEqual([]);
    expect(await store.readStream(id, { fromRevision: 60 })).toEqual([]);
    expect(revisions(await store.readStream(id, { direction: 'backwards' }))).toEqual([
      5, 4, 3, 2, 1, 0,
    ]);
    expect(revisions(await store.readStream(id, { direction: 'backwards', maxCount: 2 }))).toEqual([
      5, 4,
    ]);
    expect(
      revisions(await store.readStream(id, { direction: 'backwards', toRevision: 3, maxCount: 2 })),
    ).toEqual([3, 2]);
    expect(revisions(await store.readStream(id, { fromRevision: 1, maxCount: 3 }))).toEqual([
      1, 2, 3,
    ]);
    expect(await store.readStream(id, { maxCount: 0 })).toEqual([]);
    expect(await store.readStream('no-such-stream')).toEqual([]);
    expect(await store.streamRevision('no-such-stream')).toBe('no_stream');
  });

  it('reads the stream as it was at an instant', async () => {
    const all = await store.readStream(id);
    const third = all[2]!;
    const asOf = await store.readStream(id, { recordedUntil: third.recordedAt });
    expect(revisions(asOf)).toEqual(revisions(all.filter((e) => e.recordedAt <= third.recordedAt)));
    expect(revisions(asOf)).toContain(2);
    expect(await store.readStream(id, { recordedUntil: new Date(0) })).toEqual([]);
  });

  it('rejects options outside their domain', async () => {
    await expect(store.readStream(id, { fromRevision: -1 })).rejects.toMatchObject({
      field: 'fromRevision',
    });
    await expect(store.readStream(id, { maxCount: 1.5 })).rejects.toMatchObject({
      field: 'maxCount',
    });
    await expect(store.readStream(id, { recordedUntil: new Date('x') })).rejects.toMatchObject({
      field: 'recordedUntil',
    });
  });
});

describe('readAll', () => {
  it('reads in position order after an exclusive position, filtered by type and stream prefix', async () => {
    const prefix = `ra-${randomUUID().slice(0, 8)}`;
    const start = await store.headPosition();
    await store.appendToStream(`${prefix}-a`, [newEvent('X', 1), newEvent('Y', 2)], {
      expectedRevision: 'any',
    });
    await store.appendToStream(`other-${prefix}`, [newEvent('X', 3)], { expectedRevision: 'any' });
    await store.appendToStream(`${prefix}-b`, [newEvent('Y', 4), newEvent('X', 5)], {
      expectedRevision: 'any',
    });

    const all = await store.readAll({ fromPosition: start });
    expect(all.map((e) => e.data)).toEqual([1, 2, 3, 4, 5]);
    const positions = all.map((e) => e.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);

    expect((await store.readAll({ fromPosition: all[1]!.position })).map((e) => e.data)).toEqual([
      3, 4, 5,
    ]);
    expect((await store.readAll({ fromPosition: start, maxCount: 2 })).map((e) => e.data)).toEqual([
      1, 2,
    ]);
    expect((await store.readAll({ fromPosition: start, types: ['X'] })).map((e) => e.data)).toEqual(
      [1, 3, 5],
    );
    expect(
      (await store.readAll({ fromPosition: start, streamPrefix: prefix })).map((e) => e.data),
    ).toEqual([1, 2, 4, 5]);
    expect(
      (
        await store.readAll({
          fromPosition: start,
          streamPrefix: prefix,
          types: ['X'],
          maxCount: 1,
        })
      ).map((e) => e.data),
    ).toEqual([1]);
    expect(await store.readAll({ streamPrefix: 'a.b*c(' })).toEqual([]);
    expect(await store.headPosition()).toBe(all[4]!.position);
  });
});

describe('createEventStore', () => {
  it('can run again on the same database (idempotent start-up) and continues the positions', async () => {
    const head = await store.headPosition();
    const again = await createEventStore(database.db);
    expect(await again.headPosition()).toBe(head);
    const result = await again.appendToStream(stream(), [newEvent('A', 1)], {
      expectedRevision: 'any',
    });
    expect(result.position).toBe(head + 1);
  });

  it('numbers positions 1, 2, 3… without holes, in append order', async () => {
    const all = await store.readAll();
    expect(all.map((e) => e.position)).toEqual(all.map((_, index) => index + 1));
    expect(await store.headPosition()).toBe(all.length);
  });
});
