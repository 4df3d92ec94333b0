// The warm append path: what this process knows (stream heads, the log's last position, a
// recent reading of the server's clock) is reused, and the unique keys catch it when stale.
import { randomUUID } from 'node:crypto';
import { MongoClient, type CommandStartedEvent } from 'mongodb';
import { createEventStore, WrongExpectedRevision, type MongoEventStore } from '../../events/store';
import { openTestDatabase, testServerUri, type TestDatabase } from '../support/testDatabase';
import { newEvent } from './fixtures';

let database: TestDatabase;
let store: MongoEventStore;

beforeAll(async () => {
  database = await openTestDatabase('es_warm');
  store = await createEventStore(database.db);
});
afterAll(async () => {
  await database.drop();
});

describe('warm appends (integration)', () => {
  it('given a head cached by this process gone stale in another, when appending, then the append lands on the true head or is rejected with it', async () => {
    const id = `warm-${randomUUID()}`;
    await store.appendToStream(id, [newEvent('A', 1)], { expectedRevision: 'no_stream' });
    const other = await createEventStore(database.db);
    await other.appendToStream(id, [newEvent('B', 2)], { expectedRevision: 0 });

    const numeric = await store.appendToStream(id, [newEvent('C', 3)], { expectedRevision: 1 });
    await other.appendToStream(id, [newEvent('D', 4)], { expectedRevision: 2 });
    const any = await store.appendToStream(id, [newEvent('E', 5)], { expectedRevision: 'any' });
    await other.appendToStream(id, [newEvent('F', 6)], { expectedRevision: 4 });
    const stale = await store
      .appendToStream(id, [newEvent('G', 7)], { expectedRevision: 4 })
      .catch((e: unknown) => e);

    expect(numeric.nextExpectedRevision).toBe(2);
    expect(any.nextExpectedRevision).toBe(4);
    expect(stale).toBeInstanceOf(WrongExpectedRevision);
    expect((stale as WrongExpectedRevision).actualRevision).toBe(5);
    expect((await store.readStream(id)).map((e) => e.type)).toEqual(['A', 'B', 'C', 'D', 'E', 'F']);
    expect((await store.verifyStream(id)).ok).toBe(true);
    expect(await store.streamRevision(id)).toBe(5);
  });

  it('given a log position taken by another process, when appending, then the next free one is claimed and positions stay contiguous', async () => {
    const id = `pos-${randomUUID()}`;
    await store.appendToStream(id, [newEvent('A', 1)], { expectedRevision: 'no_stream' });
    const other = await createEventStore(database.db);
    const taken = await other.appendToStream(`x-${randomUUID()}`, [newEvent('X', 1)], {
      expectedRevision: 'no_stream',
    });

    const next = await store.appendToStream(id, [newEvent('B', 2)], { expectedRevision: 0 });

    expect(next.position).toBe(taken.position + 1);
    expect((await store.verifyAll()).unaccountedPositions).toEqual([]);
  });

  it('given a warm stream, when appending one event, then at most 4 commands reach the server', async () => {
    const client = await MongoClient.connect(testServerUri(), { monitorCommands: true });
    try {
      const monitored = await createEventStore(client.db(database.name));
      const commands: CommandStartedEvent[] = [];
      client.on('commandStarted', (event) => {
        if (event.commandName !== 'endSessions') commands.push(event);
      });
      const id = `count-${randomUUID()}`;
      let revision = (
        await monitored.appendToStream(id, [newEvent('A', 0)], { expectedRevision: 'no_stream' })
      ).nextExpectedRevision;
      const counts: number[] = [];
      for (let index = 1; index <= 10; index++) {
        commands.length = 0;
        const events = [newEvent('E', index, index % 2 ? { eventId: randomUUID() } : {})];
        revision = (await monitored.appendToStream(id, events, { expectedRevision: revision }))
          .nextExpectedRevision;
        counts.push(commands.length);
      }
      expect(Math.max(...counts)).toBeLessThanOrEqual(4);
    } finally {
      await client.close();
    }
  });

  it('given a reused reading of the server clock, when appending, then recordedAt never runs ahead of the server nor back along a stream', async () => {
    const id = `clock-${randomUUID()}`;
    const times: Date[] = [];
    for (let index = 0; index < 5; index++) {
      const result = await store.appendToStream(id, [newEvent('T', index)], {
        expectedRevision: 'any',
      });
      const server = (await database.db.command({ hello: 1 })).localTime as Date;
      expect(result.events[0]!.recordedAt.getTime()).toBeLessThanOrEqual(server.getTime());
      times.push(result.events[0]!.recordedAt);
    }
    const sorted = [...times].sort((a, b) => a.getTime() - b.getTime());
    expect(times).toEqual(sorted);
  });
});
