// The event store against the raw driver, in one run on the same server, each pair interleaved
// in rounds (the machine is shared) and each side in collections of its own with the same
// indexes:
// - appendToStream of one event (sequential, warm: the streams were appended to before) vs
//   insertOne of the same commit documents; commands per append counted with the driver's
//   command monitoring, as queriesPerRequest.ts counts reads;
// - readStream of a 1,000-event stream (1,000 one-event commits) vs a raw cursor over the same
//   commits (`_id` $in, the fastest raw read; `find({streamId})` shown too);
// - appendToStreams (the bulk path) vs insertMany of the same commit documents.
import { randomUUID } from 'node:crypto';
import { MongoClient, type CommandStartedEvent, type Db, type Document } from 'mongodb';
import {
  createEventStore,
  type MongoEventStore,
  type NewEvent,
  type StreamAppend,
} from '../../events/store';
import type { BenchProfile } from '../benchProfile';
import type { BenchRow } from '../support/resultTable';
import { median, round } from '../support/stats';

export interface EventStoreBenchTarget {
  uri: string;
  databaseName: string;
  profile: BenchProfile;
}

/** Connection chatter and cursor cleanup, not the store's work. */
const NOT_COUNTED = new Set(['endSessions', 'killCursors', 'saslStart', 'saslContinue', 'ping']);
/** Interleaved rounds; each round's ratio pairs runs made under the same load (the machine is shared). */
const ROUNDS = 6;
const STREAMS = 20;

interface Sizes {
  appendsPerRound: number;
  readRuns: number;
  bulkBatches: number;
  appendsPerBatch: number;
  eventsPerAppend: number;
}

function sizes(profile: BenchProfile): Sizes {
  return profile.name === 'quick'
    ? {
        appendsPerRound: 100,
        readRuns: 5,
        bulkBatches: 4,
        appendsPerBatch: 100,
        eventsPerAppend: 20,
      }
    : {
        appendsPerRound: 300,
        readRuns: 15,
        bulkBatches: 10,
        appendsPerBatch: 100,
        eventsPerAppend: 20,
      };
}

const actor = { id: 'bench:eventStore', name: '基准' };

/** An edit-sized event: a few figure changes, as setFigures appends. */
function editEvent(index: number, withId: boolean): NewEvent {
  return {
    ...(withId ? { eventId: randomUUID() } : {}),
    type: 'FiguresChanged',
    data: {
      changes: {
        't3.granted.total': { value: String(index), marker: null },
        't2.licensing.decisions': { value: String(index * 3), marker: null },
        't3.denied.thirdPartyRights.total': { value: '0', marker: null },
      },
    },
    metadata: { actor, reason: '基准测试编辑' },
  };
}

async function commandIndexes(db: Db, name: string): Promise<void> {
  const collection = db.collection(name);
  await collection.createIndex({ streamId: 1, firstRevision: 1 }, { unique: true });
  await collection.createIndex({ lastPosition: 1 }, { unique: true });
  await collection.createIndex({ eventIds: 1 }, { unique: true });
}

/** A copy of stored commits for the raw side: new positions, new ids, same content. */
function rawCopies(commits: Document[], salt: string): Document[] {
  return commits.map((commit, index) => ({
    ...commit,
    _id: `${salt}-${index}`,
    streamId: `${salt}-${String(commit.streamId)}`,
    lastPosition: Number(commit.lastPosition) + 1e9 * (1 + index),
    eventIds: (commit.eventIds as string[]).map((id) => `${salt}-${id}`),
  }));
}

export async function measureEventStore(
  target: EventStoreBenchTarget,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const size = sizes(target.profile);
  const client = await MongoClient.connect(target.uri, { monitorCommands: true });
  const commands: CommandStartedEvent[] = [];
  let counting = false;
  client.on('commandStarted', (event) => {
    if (counting && !NOT_COUNTED.has(event.commandName)) commands.push(event);
  });
  const db = client.db(target.databaseName);
  const suffix = Date.now().toString(36);
  const store = await createEventStore(db, { collectionName: `benchStore_${suffix}` });
  const rawName = `benchRaw_${suffix}`;
  await commandIndexes(db, rawName);
  const raw = db.collection(rawName);
  const storeCommits = db.collection(store.collectionName);
  try {
    const rows: BenchRow[] = [];
    rows.push(
      ...(await singleAppends(
        store,
        raw,
        storeCommits,
        size,
        commands,
        (on) => (counting = on),
        log,
      )),
    );
    rows.push(...(await streamRead(store, storeCommits, size, log)));
    rows.push(...(await bulkAppends(store, raw, storeCommits, size, log)));
    return rows;
  } finally {
    await db
      .collection(store.collectionName)
      .drop()
      .catch(() => undefined);
    await db
      .collection(store.lookupCollectionName)
      .drop()
      .catch(() => undefined);
    await raw.drop().catch(() => undefined);
    await client.close();
  }
}

async function singleAppends(
  store: MongoEventStore,
  raw: ReturnType<Db['collection']>,
  storeCommits: ReturnType<Db['collection']>,
  size: Sizes,
  commands: CommandStartedEvent[],
  count: (on: boolean) => void,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const streams = Array.from({ length: STREAMS }, () => `bench-${randomUUID()}`);
  const revisions = new Map<string, number>();
  for (const streamId of streams) {
    const result = await store.appendToStream(streamId, [editEvent(0, false)], {
      expectedRevision: 'no_stream',
    });
    revisions.set(streamId, result.nextExpectedRevision);
  }
  const appendRound = async (
    withIds: boolean,
  ): Promise<{ perSecond: number; positions: number[] }> => {
    const positions: number[] = [];
    const start = performance.now();
    for (let index = 0; index < size.appendsPerRound; index++) {
      const streamId = streams[index % STREAMS]!;
      const result = await store.appendToStream(streamId, [editEvent(index, withIds)], {
        expectedRevision: revisions.get(streamId)!,
      });
      revisions.set(streamId, result.nextExpectedRevision);
      positions.push(result.position);
    }
    return { perSecond: size.appendsPerRound / ((performance.now() - start) / 1000), positions };
  };
  const rawRound = async (positions: number[], salt: string): Promise<number> => {
    const stored = await storeCommits
      .find({ _id: { $in: positions.map(String) } as never })
      .toArray();
    const copies = rawCopies(stored, salt);
    const start = performance.now();
    for (const copy of copies) await raw.insertOne(copy);
    return copies.length / ((performance.now() - start) / 1000);
  };
  const storeRates: number[] = [];
  const storeWithIdRates: number[] = [];
  const rawRates: number[] = [];
  let generatedCommands = 0;
  let callerIdCommands = 0;
  const byName = new Map<string, number>();
  for (let round_ = 0; round_ < ROUNDS; round_++) {
    commands.length = 0;
    count(true);
    const generated = await appendRound(false);
    count(false);
    generatedCommands += commands.length;
    for (const command of commands)
      byName.set(command.commandName, (byName.get(command.commandName) ?? 0) + 1);
    storeRates.push(generated.perSecond);
    rawRates.push(await rawRound(generated.positions, `r${round_}`));
    commands.length = 0;
    count(true);
    const withIds = await appendRound(true);
    count(false);
    callerIdCommands += commands.length;
    storeWithIdRates.push(withIds.perSecond);
    log(
      `  eventStore: round ${round_ + 1}: appendToStream ${round(generated.perSecond, 0)}/s (caller ids ${round(withIds.perSecond, 0)}/s) vs insertOne ${round(rawRates[round_]!, 0)}/s`,
    );
  }
  const appends = ROUNDS * size.appendsPerRound;
  const rawRate = median(rawRates);
  const storeRate = median(storeRates);
  const withIdRate = median(storeWithIdRates);
  const ratio = median(storeRates.map((rate, index) => rate / rawRates[index]!));
  const withIdRatio = median(storeWithIdRates.map((rate, index) => rate / rawRates[index]!));
  const perAppend = generatedCommands / appends;
  const perAppendWithIds = callerIdCommands / appends;
  const names = [...byName].map(([name, n]) => `${name} ${round(n / appends, 2)}`).join(', ');
  return [
    {
      name: `appendToStream of one event (warm, ${STREAMS} streams, sequential) vs driver insertOne of the same commit documents, throughput`,
      measured: `${round(storeRate, 0)} appends/s`,
      baseline: `${round(rawRate, 0)} inserts/s`,
      ratio,
      target: { op: '>=', value: 0.5 },
      note: `ratio: median of ${ROUNDS} interleaved rounds of ${size.appendsPerRound} (rates: medians); ids generated by the store`,
    },
    {
      name: 'appendToStream of one event with caller-chosen event ids vs driver insertOne, throughput',
      measured: `${round(withIdRate, 0)} appends/s`,
      baseline: `${round(rawRate, 0)} inserts/s`,
      ratio: withIdRatio,
      target: { op: '>=', value: 0.5 },
      note: 'on FerretDB the ids are looked up before the insert (one more command)',
    },
    {
      name: 'DB commands per appendToStream of one event (command monitoring)',
      measured: `${round(perAppend, 2)} (${names}); with caller ids ${round(perAppendWithIds, 2)}`,
      baseline: '—',
      ratio: Math.max(perAppend, perAppendWithIds),
      target: { op: '<=', value: 4 },
    },
  ];
}

async function streamRead(
  store: MongoEventStore,
  storeCommits: ReturnType<Db['collection']>,
  size: Sizes,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const streamId = `bench-read-${randomUUID()}`;
  const appends: StreamAppend[] = Array.from({ length: 1000 }, (_, index) => ({
    streamId,
    events: [editEvent(index, false)],
    expectedRevision: index === 0 ? 'no_stream' : index - 1,
  }));
  for (const outcome of await store.appendToStreams(appends)) {
    if (!outcome.ok) throw outcome.error;
  }
  const events = await store.readStream(streamId);
  if (events.length !== 1000) throw new Error(`readStream returned ${events.length} events`);
  const ids = [...new Set(events.map((event) => String(event.position)))];
  const storeTimes: number[] = [];
  const byIdTimes: number[] = [];
  const byStreamTimes: number[] = [];
  const chunkedTimes: number[] = [];
  const time = async (call: () => Promise<unknown>) => {
    const start = performance.now();
    await call();
    return performance.now() - start;
  };
  for (let run = 0; run < size.readRuns; run++) {
    storeTimes.push(await time(() => store.readStream(streamId)));
    byIdTimes.push(
      await time(() =>
        storeCommits
          .find({ _id: { $in: ids } as never })
          .batchSize(1000)
          .toArray(),
      ),
    );
    chunkedTimes.push(
      await time(async () => {
        for (let index = 0; index < ids.length; index += 128) {
          const chunk = ids.slice(index, index + 128);
          await storeCommits
            .find(
              { _id: { $in: chunk } as never },
              { batchSize: chunk.length, limit: chunk.length },
            )
            .toArray();
        }
      }),
    );
    byStreamTimes.push(
      await time(() =>
        storeCommits.find({ streamId }).sort({ firstRevision: 1 }).batchSize(1000).toArray(),
      ),
    );
  }
  const storeMs = median(storeTimes);
  const byIdMs = median(byIdTimes);
  const byStreamMs = median(byStreamTimes);
  const rawMs = Math.min(byIdMs, byStreamMs);
  log(
    `  eventStore: readStream ${round(storeMs)} ms vs cursor by _id ${round(byIdMs)} ms, by streamId ${round(byStreamMs)} ms`,
  );
  return [
    {
      name: 'readStream of 1,000 events (1,000 commits) vs a raw cursor over the same commits, median latency',
      measured: `${round(storeMs)} ms`,
      baseline: `${round(rawMs)} ms`,
      ratio: storeMs / rawMs,
      target: { op: '<=', value: 1 },
      note: `raw cursors: _id $in ${round(byIdMs)} ms, find({streamId}) ${round(byStreamMs)} ms (the faster is the baseline; on FerretDB the second scans every commit of the collection); not a single cursor: 8 sequential $in of 128 ids ${round(median(chunkedTimes))} ms; ${size.readRuns} runs`,
    },
  ];
}

async function bulkAppends(
  store: MongoEventStore,
  raw: ReturnType<Db['collection']>,
  storeCommits: ReturnType<Db['collection']>,
  size: Sizes,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const storeRates: number[] = [];
  const rawRates: number[] = [];
  let events = 0;
  for (let batch = 0; batch < size.bulkBatches; batch++) {
    const appends: StreamAppend[] = Array.from({ length: size.appendsPerBatch }, () => ({
      streamId: `bench-bulk-${randomUUID()}`,
      events: Array.from({ length: size.eventsPerAppend }, (_, index) => editEvent(index, false)),
      expectedRevision: 'no_stream',
    }));
    const start = performance.now();
    const outcomes = await store.appendToStreams(appends);
    const seconds = (performance.now() - start) / 1000;
    const positions: string[] = [];
    for (const outcome of outcomes) {
      if (!outcome.ok) throw outcome.error;
      positions.push(String(outcome.result.events[0]!.position));
    }
    const batchEvents = size.appendsPerBatch * size.eventsPerAppend;
    events += batchEvents;
    storeRates.push(batchEvents / seconds);
    const stored = await storeCommits.find({ _id: { $in: positions } as never }).toArray();
    const copies = rawCopies(stored, `b${batch}`);
    const rawStart = performance.now();
    await raw.insertMany(copies, { ordered: true });
    rawRates.push(batchEvents / ((performance.now() - rawStart) / 1000));
  }
  const storeRate = median(storeRates);
  const rawRate = median(rawRates);
  log(
    `  eventStore: appendToStreams ${round(storeRate, 0)} events/s vs insertMany ${round(rawRate, 0)} events/s`,
  );
  return [
    {
      name: `appendToStreams (bulk: ${size.appendsPerBatch} new streams × ${size.eventsPerAppend} events per call) vs driver insertMany of the same commit documents, events/s`,
      measured: `${round(storeRate, 0)} events/s`,
      baseline: `${round(rawRate, 0)} events/s`,
      ratio: storeRate / rawRate,
      target: { op: '>=', value: 0.3 },
      note: `median of ${size.bulkBatches} interleaved batches (${events} events); the store also writes one lookup per event and per commit`,
    },
  ];
}
