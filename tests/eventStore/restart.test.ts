// Stops and starts a database process of its own between writing and reading.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { startFerretdb, type RunningDatabase } from '../../src/database/ferretdbServer';
import { createEventStore, type RecordedEvent } from '../../events/store';
import { newEvent } from './fixtures';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nianbao-es-restart-'));
let server: RunningDatabase | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function withStore<T>(
  work: (store: Awaited<ReturnType<typeof createEventStore>>) => Promise<T>,
): Promise<T> {
  server = await startFerretdb({ dataDir, progress: () => undefined });
  const client = await MongoClient.connect(server.uri);
  try {
    return await work(await createEventStore(client.db('restart')));
  } finally {
    await client.close();
    await server.stop();
    server = undefined;
  }
}

it('loses nothing acknowledged when the database process stops and starts again', async () => {
  const written: RecordedEvent[] = await withStore(async (store) => {
    const events: RecordedEvent[] = [];
    for (let i = 0; i < 5; i++) {
      const result = await store.appendToStream(
        `report-${i % 2}`,
        [
          newEvent('FiguresChanged', {
            changes: { 't3.total.total': i, 't2.rules.issued': `${i}.5` },
          }),
        ],
        { expectedRevision: 'any' },
      );
      events.push(...result.events);
    }
    return events;
  });

  await withStore(async (store) => {
    expect(await store.readAll()).toEqual(written);
    expect(await store.streamRevision('report-0')).toBe(2);
    expect((await store.verifyAll()).ok).toBe(true);
    const next = await store.appendToStream('report-1', [newEvent('Closed', null)], {
      expectedRevision: 1,
    });
    expect(next.position).toBe(written.length + 1);
    expect(next.events[0]!.previousHash).toBe(written[written.length - 2]!.hash);
  });
});
