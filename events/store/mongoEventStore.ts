// The event store on MongoDB 7 or FerretDB 1.24, with the mongodb driver and no transactions.
// How it stores, claims and finds things, and why each shape holds on both servers:
// docs/event-store.md. This file wires the parts together and serialises this process's writes.
import type { Collection, Db } from 'mongodb';
import type { CommitDocument, LookupDocument } from './commitDocument';
import { appendPrepared } from './appendToStream';
import { appendPreparedMany } from './appendToStreams';
import { LogPositions } from './logPositions';
import { readAll } from './readAll';
import { checkLogRead, checkStreamRead } from './readOptions';
import { readStream } from './readStream';
import { ServerClock } from './serverClock';
import type { StoreHooks, StoreParts } from './storeParts';
import { StreamHeadCache } from './streamHeadCache';
import { bareLookups, StreamLookups } from './streamLookups';
import {
  InvalidReadOptionsError,
  type AppendOptions,
  type AppendResult,
  type BulkAppendingEventStore,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type StreamAppendOutcome,
  type StreamRevision,
  type VerificationResult,
} from './types';
import {
  defaultAppendLimits,
  validateAppend,
  type AppendLimits,
  type PreparedAppend,
} from './validateAppend';
import { uncoveredEvents } from './uncoveredEvents';
import { verifyAll, verifyStream } from './verifyLog';

export type { CommitInFlight } from './storeParts';
export { uncoveredRanges } from './verifyLog';

export interface MongoEventStoreOptions {
  /** Name of the commits collection. Default `eventCommits`; lookups go to `<name>Lookups`. */
  collectionName?: string;
  limits?: Partial<AppendLimits>;
  /**
   * Attempts per append before giving up when it keeps losing races (for the next position, or
   * for the next revision with 'any' / 'stream_exists'). Default 200.
   */
  maxAppendAttempts?: number;
  /** Streams whose heads this process remembers (least recently used go). Default 10,000. */
  cachedStreamHeads?: number;
  /**
   * How long a reading of the server's clock (`hello.localTime`) is reused, advanced by this
   * process's monotonic clock, for recordedAt. Default 1000 ms; 0 reads it on every append.
   */
  serverClockReuseMs?: number;
  /** Test seams. */
  hooks?: StoreHooks;
}

export class MongoEventStore implements BulkAppendingEventStore {
  readonly collectionName: string;
  readonly lookupCollectionName: string;
  private readonly commits: Collection<CommitDocument>;
  private readonly lookups: Collection<LookupDocument>;
  private readonly limits: AppendLimits;
  private readonly parts: StoreParts;
  /**
   * Whether the server enforces a unique index on each element of `eventIds` (MongoDB) rather
   * than on the array as one value (FerretDB 1.x). Unknown until initialize(): assume not.
   */
  private eachEventIdUnique = false;

  constructor(
    readonly db: Db,
    options: MongoEventStoreOptions = {},
  ) {
    this.collectionName = options.collectionName ?? 'eventCommits';
    this.lookupCollectionName = `${this.collectionName}Lookups`;
    this.commits = db.collection<CommitDocument>(this.collectionName);
    this.lookups = db.collection<LookupDocument>(this.lookupCollectionName);
    this.limits = { ...defaultAppendLimits, ...options.limits };
    const streams = new StreamLookups(this.lookups);
    this.parts = {
      db,
      commits: this.commits,
      streams,
      positions: new LogPositions(this.commits, streams, this.limits.maxEventsPerAppend),
      heads: new StreamHeadCache(options.cachedStreamHeads ?? 10_000),
      clock: new ServerClock(db, options.serverClockReuseMs ?? 1000),
      limits: this.limits,
      maxAppendAttempts: options.maxAppendAttempts ?? 200,
      hooks: options.hooks ?? {},
      idsNeedCheck: (append) =>
        !this.eachEventIdUnique && !append.events.every((event) => event.generatedId),
    };
  }

  /** Creates the indexes; safe to run on every start-up, concurrently too. */
  async initialize(): Promise<void> {
    // One index per command: FerretDB 1.24 drops the connection ("slice bounds out of range")
    // when a createIndexes listing several indexes that all exist already is repeated.
    await this.commits.createIndex(
      { streamId: 1, firstRevision: 1 },
      { name: 'stream_revision_unique', unique: true },
    );
    await this.commits.createIndex(
      { lastPosition: 1 },
      { name: 'last_position_unique', unique: true },
    );
    await this.commits.createIndex({ eventIds: 1 }, { name: 'event_ids_unique', unique: true });
    const info = await this.db.admin().command({ buildInfo: 1 });
    this.eachEventIdUnique = typeof info.ferretdbVersion !== 'string';
  }

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const append = validateAppend(streamId, events, options, this.limits);
    return this.inTurn(() => appendPrepared(this.parts, append));
  }

  async appendToStreams(appends: StreamAppend[]): Promise<StreamAppendOutcome[]> {
    const prepared = appends.map((append): PreparedAppend | Error => {
      try {
        return validateAppend(
          append.streamId,
          append.events,
          { expectedRevision: append.expectedRevision },
          this.limits,
        );
      } catch (error) {
        return error as Error;
      }
    });
    return this.inTurn(() => appendPreparedMany(this.parts, prepared));
  }

  /**
   * Appends from this process take the next position one at a time. Every append competes for
   * the same next position, so concurrent appends from one process would only collide and retry
   * (measured on FerretDB: 10 concurrent imports went from minutes of retries to their
   * sequential time). Writers in other processes still race; the unique keys settle them.
   */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.appendTail.then(work);
    this.appendTail = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  private appendTail: Promise<void> = Promise.resolve();

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const read = checkStreamRead(streamId, options);
    return readStream(this.commits, this.parts.streams, this.limits.maxEventsPerAppend, read, () =>
      this.streamHead(read.streamId),
    );
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return readAll(this.parts.positions, checkLogRead(options));
  }

  async repairLookupsAt(position: number): Promise<void> {
    if (!Number.isSafeInteger(position) || position < 1) {
      throw new InvalidReadOptionsError('position: must be a whole number from 1', 'position');
    }
    const commit = await this.parts.positions.commitContaining(position);
    if (commit) await this.parts.streams.write(bareLookups([commit]));
  }

  async repairLookupsOf(events: readonly RecordedEvent[]): Promise<void> {
    let repairedUpTo = 0;
    for (const event of await uncoveredEvents(this.lookups, events)) {
      if (event.position <= repairedUpTo) continue;
      const commit = await this.parts.positions.commitContaining(event.position);
      if (!commit) continue;
      await this.parts.streams.write(bareLookups([commit]));
      repairedUpTo = commit.lastPosition;
    }
  }

  async streamRevision(streamId: string): Promise<StreamRevision> {
    const head = await this.streamHead(streamId);
    return head ? head.lastRevision : 'no_stream';
  }

  /** Looked up now (other processes may have appended), from the cached head when known. */
  private async streamHead(streamId: string) {
    const head = await this.parts.streams.head(streamId, this.parts.heads.get(streamId));
    if (head) this.parts.heads.remember(streamId, head);
    return head;
  }

  /** The highest stored position (0 when the log is empty); every lower one is visible too. */
  async headPosition(): Promise<number> {
    return (await this.parts.positions.head())?.lastPosition ?? 0;
  }

  async verifyStream(streamId: string): Promise<VerificationResult> {
    return verifyStream(this.commits, streamId);
  }

  async verifyAll(): Promise<VerificationResult> {
    return verifyAll(this.commits, this.lookups);
  }
}

/** Opens the store on `db`, creating its indexes (idempotent). */
export async function createEventStore(
  db: Db,
  options: MongoEventStoreOptions = {},
): Promise<MongoEventStore> {
  const store = new MongoEventStore(db, options);
  await store.initialize();
  return store;
}
