import {
  createEventStore,
  InvalidAppendError,
  type MongoEventStore,
  type NewEvent,
} from '../../events/store';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { actor, newEvent } from './fixtures';

let database: TestDatabase;
let store: MongoEventStore;

beforeAll(async () => {
  database = await openTestDatabase('es_validation');
  store = await createEventStore(database.db, { limits: { maxEventBytes: 10_000 } });
});
afterAll(async () => {
  await database.drop();
});

class Money {
  constructor(readonly amount: string) {}
}
// eslint-disable-next-line no-sparse-arrays -- a hole is exactly what is under test
const sparseArray = [1, , 3];
const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;

type Case = [label: string, streamId: unknown, events: unknown, options: unknown, field: string];
const good = newEvent('Good', { ok: true });
const withData = (data: unknown): NewEvent[] => [newEvent('T', data)];

const cases: Case[] = [
  ['empty stream id', '', [good], { expectedRevision: 'any' }, 'streamId'],
  ['blank stream id', '   ', [good], { expectedRevision: 'any' }, 'streamId'],
  ['stream id with outer spaces', ' s ', [good], { expectedRevision: 'any' }, 'streamId'],
  ['overlong stream id', 'x'.repeat(201), [good], { expectedRevision: 'any' }, 'streamId'],
  ['stream id not a string', 42, [good], { expectedRevision: 'any' }, 'streamId'],
  ['no events', 's', [], { expectedRevision: 'any' }, 'events'],
  ['events not an array', 's', good, { expectedRevision: 'any' }, 'events'],
  [
    'unknown expectedRevision form',
    's',
    [good],
    { expectedRevision: 'latest' },
    'options.expectedRevision',
  ],
  ['negative expectedRevision', 's', [good], { expectedRevision: -1 }, 'options.expectedRevision'],
  [
    'fractional expectedRevision',
    's',
    [good],
    { expectedRevision: 1.5 },
    'options.expectedRevision',
  ],
  ['missing expectedRevision', 's', [good], {}, 'options.expectedRevision'],
  ['missing options', 's', [good], undefined, 'options'],
  ['empty type', 's', [newEvent('', 1)], { expectedRevision: 'any' }, 'events[0].type'],
  [
    'non-UUID event id',
    's',
    [newEvent('T', 1, { eventId: 'abc' })],
    { expectedRevision: 'any' },
    'events[0].eventId',
  ],
  [
    'repeated event id',
    's',
    [
      newEvent('T', 1, { eventId: '6f1c1d2e-8a44-4f7e-9c1b-0d2f3a4b5c6d' }),
      newEvent('T', 2, { eventId: '6F1C1D2E-8A44-4F7E-9C1B-0D2F3A4B5C6D' }),
    ],
    { expectedRevision: 'any' },
    'events[1].eventId',
  ],
  [
    'schemaVersion 0',
    's',
    [newEvent('T', 1, { schemaVersion: 0 })],
    { expectedRevision: 'any' },
    'events[0].schemaVersion',
  ],
  [
    'function in data',
    's',
    withData({ f: () => 1 }),
    { expectedRevision: 'any' },
    'events[0].data.f',
  ],
  [
    'undefined property',
    's',
    withData({ a: { b: undefined } }),
    { expectedRevision: 'any' },
    'events[0].data.a.b',
  ],
  ['undefined data', 's', withData(undefined), { expectedRevision: 'any' }, 'events[0].data'],
  [
    'NaN',
    's',
    withData({ changes: { 't3.total.total': NaN } }),
    { expectedRevision: 'any' },
    'events[0].data.changes["t3.total.total"]',
  ],
  [
    'Infinity in array',
    's',
    withData([1, Infinity]),
    { expectedRevision: 'any' },
    'events[0].data[1]',
  ],
  ['BigInt', 's', withData({ n: BigInt(1) }), { expectedRevision: 'any' }, 'events[0].data.n'],
  ['cycle', 's', withData(cyclic), { expectedRevision: 'any' }, 'events[0].data.self'],
  ['Date', 's', withData({ at: new Date() }), { expectedRevision: 'any' }, 'events[0].data.at'],
  [
    'class instance',
    's',
    withData({ fee: new Money('1.00') }),
    { expectedRevision: 'any' },
    'events[0].data.fee',
  ],
  ['Map', 's', withData(new Map()), { expectedRevision: 'any' }, 'events[0].data'],
  ['sparse array', 's', withData(sparseArray), { expectedRevision: 'any' }, 'events[0].data[1]'],
  [
    'oversized event',
    's',
    withData({ text: 'x'.repeat(10_001) }),
    { expectedRevision: 'any' },
    'events[0]',
  ],
  [
    'missing metadata',
    's',
    [{ type: 'T', data: 1 }],
    { expectedRevision: 'any' },
    'events[0].metadata',
  ],
  [
    'missing actor',
    's',
    [{ type: 'T', data: 1, metadata: { reason: 'r' } }],
    { expectedRevision: 'any' },
    'events[0].metadata.actor',
  ],
  [
    'empty actor id',
    's',
    [{ type: 'T', data: 1, metadata: { actor: { id: '', name: 'n' } } }],
    { expectedRevision: 'any' },
    'events[0].metadata.actor.id',
  ],
  [
    'actor without name',
    's',
    [{ type: 'T', data: 1, metadata: { actor: { id: 'u' } } }],
    { expectedRevision: 'any' },
    'events[0].metadata.actor.name',
  ],
  [
    'unknown metadata field',
    's',
    [{ type: 'T', data: 1, metadata: { actor, recordedAt: 'x' } }],
    { expectedRevision: 'any' },
    'events[0].metadata.recordedAt',
  ],
  [
    'second event bad',
    's',
    [good, newEvent('T', { x: undefined })],
    { expectedRevision: 'any' },
    'events[1].data.x',
  ],
];

describe('appendToStream validation', () => {
  it.each(cases)(
    'rejects %s naming the field',
    async (_label, streamId, events, options, field) => {
      const error = await store
        .appendToStream(
          streamId as string,
          events as NewEvent[],
          options as { expectedRevision: 'any' },
        )
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidAppendError);
      expect((error as InvalidAppendError).field).toBe(field);
      expect((error as Error).message).toContain(field);
    },
  );

  it('wrote nothing and reserved no position for any rejected append', async () => {
    expect(await database.db.collection(store.collectionName).countDocuments({})).toBe(0);
    expect(await store.headPosition()).toBe(0);
    expect(await store.readStream('s')).toEqual([]);
  });

  it('accepts null data, empty objects and unicode, and reads them back equal', async () => {
    const data = { 政府信息: ['公开', ''], empty: {}, list: [], zero: 0, negative: -1.25 };
    await store.appendToStream('s', [newEvent('T', null), newEvent('T', data)], {
      expectedRevision: 'no_stream',
    });
    expect((await store.readStream('s')).map((e) => e.data)).toEqual([null, data]);
  });
});
