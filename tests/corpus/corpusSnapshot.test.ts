import { MongoClient } from 'mongodb';
import { CorpusIndex } from '../../src/corpus/corpusIndex';
import type { CorpusSnapshot } from '../../src/corpus/corpusSnapshot';
import { CorpusSnapshotStore } from '../../src/corpus/corpusSnapshotStore';
import { chinaDivisions } from '../../src/domain/regions/chinaDivisions';
import { openTestDatabase, type TestDatabase } from '../support/testDatabase';
import { SyntheticLog } from './syntheticLog';

// More reports than one chunk holds, with edits, a publication and a region decision.
function buildLog(reports: number): SyntheticLog {
  const log = new SyntheticLog();
  const agencies = ['淮安市人民政府', '平罗县审批服务管理局', '鼓楼区人民政府'];
  for (const agency of agencies) log.registerAgency(agency);
  for (let i = 0; i < reports; i++) {
    const agency = `${agencies[i % agencies.length]}`;
    log.importReport(agency, 1990 + Math.floor(i / agencies.length), {
      't3.newReceived.total': String(Math.floor(log.random() * 1000)),
      't2.fees.amount': `${i}.${String(i % 1000).padStart(3, '0')}1`,
    });
  }
  log.editFigures(agencies[0], 1990, [{ key: 't3.newReceived.total', from: null, to: '7' }]);
  log.publish(agencies[1], 1990);
  log.setRegion(agencies[2], '350102');
  return log;
}

/** Byte equality for typed arrays (jest's toEqual walks 300k elements slowly), JSON for the rest. */
function expectSameSnapshot(actual: CorpusSnapshot, expected: CorpusSnapshot): void {
  const typed = (value: unknown): value is ArrayBufferView => ArrayBuffer.isView(value);
  const bytes = (view: ArrayBufferView) =>
    Buffer.from(view.buffer, view.byteOffset, view.byteLength);
  const plain = (snapshot: CorpusSnapshot) =>
    JSON.stringify(snapshot, (_key, value: unknown) =>
      typed(value) ? bytes(value).toString('base64') : value,
    );
  expect(plain(actual)).toBe(plain(expected));
  expect(actual.columns.length).toBe(expected.columns.length);
}

describe('corpus snapshots in the database (integration)', () => {
  let database: TestDatabase;
  let client: MongoClient;

  beforeAll(async () => {
    database = await openTestDatabase('corpus-snapshot');
    client = await MongoClient.connect(database.uri);
  });

  afterAll(async () => {
    await client?.close();
    await database?.drop();
  });

  it('given an index folded from the log, when saved and loaded, then the loaded index equals it', async () => {
    // Years run 1990.. so 1,500 reports stay within the year range of three agencies.
    const log = buildLog(1500);
    const original = new CorpusIndex(chinaDivisions());
    original.apply(log.events);
    const store = new CorpusSnapshotStore(client.db(database.name));
    await store.save(original.toSnapshot());
    const loaded = await store.loadLatest();
    expect(loaded).not.toBeNull();
    const restored = CorpusIndex.fromSnapshot(chinaDivisions(), loaded!);
    expectSameSnapshot(restored.toSnapshot(), original.toSnapshot());
    expect(restored.regionOf(2)).toEqual(original.regionOf(2));
  });

  it('given a newer snapshot, when loaded, then it is the newest; older generations are pruned', async () => {
    const db = client.db(database.name);
    await db.collection('corpusSnapshots').deleteMany({});
    await db.collection('corpusSnapshotChunks').deleteMany({});
    const store = new CorpusSnapshotStore(db);
    const log = buildLog(10);
    const index = new CorpusIndex(chinaDivisions());
    index.apply(log.events.slice(0, 5));
    await store.save(index.toSnapshot());
    index.apply(log.events.slice(5));
    await store.save(index.toSnapshot());
    await store.save(index.toSnapshot());
    const loaded = await store.loadLatest();
    expect(loaded?.checkpoint).toBe(log.events.length);
    expect(await db.collection('corpusSnapshots').countDocuments()).toBe(2);
    // Chunks of the pruned generation are gone too.
    const kept = await db.collection('corpusSnapshots').find({}).toArray();
    const named = kept.flatMap((manifest) => manifest.chunkIds as string[]);
    expect(await db.collection('corpusSnapshotChunks').countDocuments()).toBe(named.length);
  });
});
