// The event store on MongoDB 7 or FerretDB 1.24, with the mongodb driver and no transactions.
//
// Storage shape: `eventCommits`, one document per append call (a "commit", NEventStore's shape)
// holding all its events. A single-document insert is atomic on every MongoDB-wire server, so
// an append of several events is stored whole or not at all without transactions. Why not one
// document per stream (Emmett's shape): every append would rewrite an ever growing document,
// and reading a slice of it needs `$slice` projections FerretDB lacks.
// - `_id` is String(first global position); `lastPosition` the last. Both unique.
// - `eventCommitsLookups`: `_id`-keyed pointers (stream -> commit per first revision, event id
//   -> commit, head hints). FerretDB 1.24 (SQLite) answers only `{_id: <string>}` from an index;
//   every other filter scans the whole collection (unique indexes are enforced, never used to
//   read). So appends, readStream and readAll walk pointers by `_id`; only verification and the
//   repair after a conflict scan. Pointers are derived: written after the insert and before the
//   append is acknowledged, rebuilt by that repair if a writer crashed in between.
// - (streamId, firstRevision) is unique: two writers that read the same stream head build the
//   same key, and the second insert fails with a duplicate-key error. That IS the optimistic
//   concurrency check. (Overlap can only happen at firstRevision: a writer starts right after
//   the head it read, and a later head includes every earlier commit.)
// - Event data is stored as JSON text (`dataJson`): FerretDB rejects object keys containing '.'
//   or starting with '$', and report payloads are maps keyed by figure keys ("t3.total.total").
//
// Why positions are NOT handed out by a counter document ($inc): on FerretDB 1.24 (SQLite)
// updates are not atomic. Measured: 100 concurrent findOneAndUpdate($inc) return ~10 distinct
// values, and conditional updates ({_id, v: 0} -> v: 1) have several winners. The one primitive
// that holds on both servers is an insert against a unique index. So a writer claims positions
// by inserting its commit with `_id` = (highest lastPosition it can see) + 1; if another commit
// got there first, the insert fails on `_id` and the writer retries with a fresh view.
// Consequences, all proved by tests/eventStore:
// - Positions are contiguous (1, 2, 3… with no holes: a failed insert claims nothing) and a
//   commit becomes visible only after every lower position is visible (its writer saw them).
//   So a consumer reading readAll from a checkpoint can never skip an event that becomes visible
//   later. The LogFollower still bounds the wait on a hole, because a hole can only mean a commit
//   was removed behind the store's back, and that must not stall consumers forever.
// - verifyAll reports any gap in positions: with contiguous positions a gap proves a deleted
//   commit, including a stream's last commit, which the per-stream hash chain cannot see.
// - Global appends are serialised on the next position: concurrent writers retry (with jitter)
//   until they win it. Fine for edits of reports; measure before using it for firehose logging.
//
// Other guarantees
// - Exactly once: ids are checked before inserting, after reading the stream head, so two
//   racing appends of the same ids to one stream always collide on the revision key and the
//   loser then finds the winner's ids. A unique index on `eventIds` also enforces it across
//   streams on MongoDB (FerretDB 1.x indexes an array as one value, so there the cross-stream
//   case rests on the check). An insert that fails for another reason (network, crash) has an
//   unknown outcome: retry the same append with the same event ids and it is stored once.
// - Per stream, revisions run 0, 1, 2… with no gaps.
// - recordedAt is the DATABASE SERVER's clock (`hello.localTime`), for every event, never the
//   caller's; raised to the stream's previous recordedAt if the clock stepped back, so time
//   travel by recordedAt always cuts a stream at a revision.
// - Nothing updates or deletes an event: this module has no such path. Each event's hash covers
//   its canonical content and the previous event's hash in the stream; verifyStream/verifyAll
//   recompute them.
import { MongoServerError, type Collection, type Db } from 'mongodb';
import {
  commitId,
  CorruptCommitError,
  eventIdKey,
  LOG_HEAD_KEY,
  streamHeadKey,
  streamKey,
  toRecordedEvent,
  type CommitDocument,
  type LookupDocument,
  type StoredEvent,
} from './commitDocument';
import { eventHash } from './eventHash';
import {
  EventIdConflictError,
  InvalidReadOptionsError,
  WrongExpectedRevision,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type PositionRange,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamRevision,
  type VerificationFailure,
  type VerificationResult,
} from './types';
import {
  defaultAppendLimits,
  validateAppend,
  type AppendLimits,
  type PreparedAppend,
} from './validateAppend';
import { StreamChainVerifier } from './verifyChain';

export interface CommitInFlight {
  streamId: string;
  firstRevision: number;
  firstPosition: number;
  lastPosition: number;
}

export interface MongoEventStoreOptions {
  /** Name of the commits collection. Default `eventCommits`; lookups go to `<name>Lookups`. */
  collectionName?: string;
  limits?: Partial<AppendLimits>;
  /**
   * Attempts per append before giving up when it keeps losing races (for the next position, or
   * for the next revision with 'any' / 'stream_exists'). Default 200.
   */
  maxAppendAttempts?: number;
  /** Test seams. */
  hooks?: {
    /** Awaited after the commit is built (positions chosen) and before it is inserted. */
    beforeInsertCommit?: (commit: CommitInFlight) => Promise<void> | void;
  };
}

/** A stream's pointer for one commit: enough to chain the next append without loading it. */
type StreamPointer = LookupDocument & {
  firstRevision: number;
  lastRevision: number;
  lastHash: string;
  recordedAt: Date;
};
type CommitSummary = Pick<CommitDocument, '_id' | 'firstPosition' | 'lastPosition'>;

const DUPLICATE_KEY = 11000;

function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

const ignoreDuplicate = (error: unknown) => {
  if (!isDuplicateKey(error)) throw error;
};

function optionalCount(value: unknown, field: string, minimum: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < minimum) {
    throw new InvalidReadOptionsError(`${field}: must be an integer >= ${minimum}`, field);
  }
  return value;
}

function expectationMet(expected: ExpectedRevision, actual: StreamRevision): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 'no_stream';
  if (expected === 'stream_exists') return actual !== 'no_stream';
  return actual === expected;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class MongoEventStore implements EventStore {
  readonly collectionName: string;
  readonly lookupCollectionName: string;
  private readonly commits: Collection<CommitDocument>;
  private readonly lookups: Collection<LookupDocument>;
  /** The commit the last size-limited readAll stopped inside (see commitContaining). */
  private lastPartlyRead: CommitDocument | null = null;
  private readonly limits: AppendLimits;
  private readonly maxAppendAttempts: number;
  private readonly hooks: NonNullable<MongoEventStoreOptions['hooks']>;

  constructor(
    readonly db: Db,
    options: MongoEventStoreOptions = {},
  ) {
    this.collectionName = options.collectionName ?? 'eventCommits';
    this.lookupCollectionName = `${this.collectionName}Lookups`;
    this.commits = db.collection<CommitDocument>(this.collectionName);
    this.lookups = db.collection<LookupDocument>(this.lookupCollectionName);
    this.limits = { ...defaultAppendLimits, ...options.limits };
    this.maxAppendAttempts = options.maxAppendAttempts ?? 200;
    this.hooks = options.hooks ?? {};
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
  }

  async appendToStream(
    streamId: string,
    events: NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    const append = validateAppend(streamId, events, options, this.limits);
    // Appends from this process take the next position one at a time. Every append competes
    // for the same next position, so concurrent appends from one process would only collide
    // and retry (measured on FerretDB: 10 concurrent imports went from minutes of retries to
    // their sequential time). Writers in other processes still race, and the unique key on
    // the position settles them.
    const turn = this.appendTail.then(() => this.appendPrepared(append));
    this.appendTail = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  private appendTail: Promise<void> = Promise.resolve();

  private async appendPrepared(append: PreparedAppend): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      // The head must be read before the ids are checked (see "Exactly once" above).
      const [head, serverTime] = await Promise.all([
        this.streamHead(append.streamId),
        this.serverTime(),
      ]);
      const repeat = await this.findRepeat(append);
      if (repeat) return repeat;
      const actual: StreamRevision = head ? head.lastRevision : 'no_stream';
      if (!expectationMet(append.expectedRevision, actual)) {
        throw new WrongExpectedRevision(append.streamId, append.expectedRevision, actual);
      }
      if (attempt > this.maxAppendAttempts) {
        throw new Error(
          `stream ${append.streamId}: gave up after ${this.maxAppendAttempts} attempts lost to concurrent appends; nothing was written`,
        );
      }
      const recordedAt = head && head.recordedAt > serverTime ? head.recordedAt : serverTime;
      const commit = await this.insertCommit(append, head, recordedAt);
      if (!commit) {
        await pause(Math.random() * Math.min(20, attempt * 2));
        continue;
      }
      await this.writeLookups(commit);
      return {
        streamId: commit.streamId,
        nextExpectedRevision: commit.lastRevision,
        position: commit.lastPosition,
        events: commit.events.map((stored) => toRecordedEvent(commit, stored)),
        alreadyAppended: false,
      };
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    if (typeof streamId !== 'string' || streamId === '') {
      throw new InvalidReadOptionsError('streamId: must be a non-empty string', 'streamId');
    }
    const fromRevision = optionalCount(options.fromRevision, 'fromRevision', 0) ?? 0;
    const toRevision = optionalCount(options.toRevision, 'toRevision', 0);
    const maxCount = optionalCount(options.maxCount, 'maxCount', 0);
    const direction = options.direction ?? 'forwards';
    if (direction !== 'forwards' && direction !== 'backwards') {
      throw new InvalidReadOptionsError(
        'direction: must be "forwards" or "backwards"',
        'direction',
      );
    }
    const until = options.recordedUntil;
    if (until !== undefined && (!(until instanceof Date) || Number.isNaN(until.getTime()))) {
      throw new InvalidReadOptionsError('recordedUntil: must be a valid Date', 'recordedUntil');
    }
    if (maxCount === 0 || (toRevision !== undefined && toRevision < fromRevision)) return [];

    const inRange = (revision: number) =>
      revision >= fromRevision && (toRevision === undefined || revision <= toRevision);
    const pointers = (await this.streamPointers(streamId, toRevision, fromRevision)).filter(
      (pointer) =>
        pointer.lastRevision >= fromRevision &&
        (toRevision === undefined || pointer.firstRevision <= toRevision) &&
        (!until || pointer.recordedAt <= until),
    );
    if (direction === 'backwards') pointers.reverse();
    // Commits are fetched by `_id` a few at a time, ahead of the one being read.
    const fetched = new Map<string, Promise<CommitDocument | null>>();
    const fetchCommit = (index: number) => {
      const pointer = pointers[index];
      if (pointer && !fetched.has(pointer.commitId)) {
        const commit = this.commits.findOne({ _id: pointer.commitId });
        // A read ahead that is never awaited (maxCount reached) must not reject unhandled.
        commit.catch(() => undefined);
        fetched.set(pointer.commitId, commit);
      }
    };
    const result: RecordedEvent[] = [];
    for (const [index, pointer] of pointers.entries()) {
      for (let ahead = index; ahead < index + READ_AHEAD_COMMITS; ahead++) fetchCommit(ahead);
      const commit = await fetched.get(pointer.commitId)!;
      fetched.delete(pointer.commitId);
      if (!commit) {
        throw new CorruptCommitError(
          `stream ${streamId}: the commit holding revision ${pointer.firstRevision} (${pointer.commitId}) is missing; run verifyStream`,
        );
      }
      const stored = direction === 'forwards' ? commit.events : [...commit.events].reverse();
      for (const event of stored) {
        if (!inRange(event.revision)) continue;
        result.push(toRecordedEvent(commit, event));
        if (maxCount !== undefined && result.length >= maxCount) return result;
      }
    }
    return result;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const fromPosition = optionalCount(options.fromPosition, 'fromPosition', 0) ?? 0;
    const maxCount = optionalCount(options.maxCount, 'maxCount', 0);
    const typesValid =
      options.types === undefined ||
      (Array.isArray(options.types) && options.types.every((t) => typeof t === 'string'));
    if (!typesValid)
      throw new InvalidReadOptionsError('types: must be an array of strings', 'types');
    const prefix = options.streamPrefix;
    if (prefix !== undefined && typeof prefix !== 'string') {
      throw new InvalidReadOptionsError('streamPrefix: must be a string', 'streamPrefix');
    }
    if (maxCount === 0) return [];
    const types = options.types ? new Set(options.types) : undefined;
    const result: RecordedEvent[] = [];
    // Walk the log commit by commit through `_id` lookups: positions are contiguous, so the
    // commit after one ending at p starts at p + 1, and a miss means "nothing more yet".
    let commit = await this.commitContaining(fromPosition + 1);
    while (commit) {
      if (!prefix || commit.streamId.startsWith(prefix)) {
        for (const event of commit.events) {
          if (event.position <= fromPosition || (types && !types.has(event.type))) continue;
          result.push(toRecordedEvent(commit, event));
          if (maxCount !== undefined && result.length >= maxCount) {
            // The next read (a follower's next batch) starts inside this commit.
            this.lastPartlyRead = commit;
            return result;
          }
        }
      }
      commit = await this.commits.findOne({ _id: commitId(commit.lastPosition + 1) });
    }
    return result;
  }

  async repairLookupsAt(position: number): Promise<void> {
    if (!Number.isSafeInteger(position) || position < 1) {
      throw new InvalidReadOptionsError('position: must be a whole number from 1', 'position');
    }
    const commit = await this.commitContaining(position);
    if (commit) await this.writeLookups(commit);
  }

  async streamRevision(streamId: string): Promise<StreamRevision> {
    const head = await this.streamHead(streamId);
    return head ? head.lastRevision : 'no_stream';
  }

  /** The highest stored position (0 when the log is empty); every lower one is visible too. */
  async headPosition(): Promise<number> {
    return (await this.logHead())?.lastPosition ?? 0;
  }

  async verifyStream(streamId: string): Promise<VerificationResult> {
    const verifier = new StreamChainVerifier(streamId);
    let commits = 0;
    for await (const commit of this.commits.find({ streamId }, { sort: { firstRevision: 1 } })) {
      commits++;
      verifier.check(commit);
      if (verifier.firstFailure) break;
    }
    const failures = verifier.firstFailure ? [verifier.firstFailure] : [];
    return {
      ok: failures.length === 0,
      streamsChecked: commits > 0 ? 1 : 0,
      eventsChecked: verifier.eventsChecked,
      failures,
    };
  }

  async verifyAll(): Promise<VerificationResult> {
    const failures: VerificationFailure[] = [];
    const covered: PositionRange[] = [];
    let streamsChecked = 0;
    let eventsChecked = 0;
    let head = 0;
    let verifier: StreamChainVerifier | null = null;
    const finish = (current: StreamChainVerifier | null) => {
      if (!current) return;
      streamsChecked++;
      eventsChecked += current.eventsChecked;
      if (current.firstFailure) failures.push(current.firstFailure);
    };
    const scanned = new Set<string>();
    for await (const commit of this.commits.find({}, { sort: { streamId: 1, firstRevision: 1 } })) {
      scanned.add(String(commit._id));
      if (!verifier || verifier.streamId !== commit.streamId) {
        finish(verifier);
        verifier = new StreamChainVerifier(String(commit.streamId));
      }
      verifier.check(commit);
      if (Number.isSafeInteger(commit.firstPosition) && Number.isSafeInteger(commit.lastPosition)) {
        covered.push({ fromPosition: commit.firstPosition, toPosition: commit.lastPosition });
        head = Math.max(head, commit.lastPosition);
      }
    }
    finish(verifier);
    const unaccountedPositions = uncoveredRanges(covered, head);
    for (const missing of await this.commitsOnlyLookupsRemember(scanned)) {
      unaccountedPositions.push(missing.positions);
      if (missing.streamId !== null && !failures.some((f) => f.streamId === missing.streamId)) {
        failures.push({
          streamId: missing.streamId,
          revision: missing.firstRevision,
          eventId: null,
          problem: 'missing_commit',
          message: `stream ${missing.streamId}: commit ${missing.positions.fromPosition} (revision ${missing.firstRevision}) is referenced by the lookups but no longer stored`,
        });
      }
    }
    unaccountedPositions.sort((a, b) => a.fromPosition - b.fromPosition);
    return {
      ok: failures.length === 0 && unaccountedPositions.length === 0,
      streamsChecked,
      eventsChecked,
      failures,
      unaccountedPositions,
    };
  }

  /**
   * Commits that the lookups point at but that are not stored. Lookups are written only after
   * their commit is stored, so such a commit existed and was deleted: this catches the deletion
   * of the log's newest commit, which leaves no gap below the head. A commit stored after the
   * scan began is looked up again before it counts as missing.
   */
  private async commitsOnlyLookupsRemember(
    scanned: ReadonlySet<string>,
  ): Promise<Array<{ positions: PositionRange; streamId: string | null; firstRevision: number }>> {
    const remembered = new Map<string, LookupDocument>();
    for await (const lookup of this.lookups.find({})) {
      if (typeof lookup.commitId !== 'string' || scanned.has(lookup.commitId)) continue;
      // A stream pointer (`s:`) knows the commit's stream and size; prefer it to other lookups.
      if (!remembered.has(lookup.commitId) || lookup._id.startsWith('s:')) {
        remembered.set(lookup.commitId, lookup);
      }
    }
    const missing = [];
    for (const [id, lookup] of remembered) {
      const firstPosition = Number(id);
      if (!Number.isSafeInteger(firstPosition) || (await this.commitSummary(id))) continue;
      const isPointer = lookup._id.startsWith('s:');
      const size = isPointer ? (lookup.lastRevision ?? 0) - (lookup.firstRevision ?? 0) : 0;
      missing.push({
        positions: { fromPosition: firstPosition, toPosition: firstPosition + Math.max(0, size) },
        streamId: isPointer ? streamIdOfKey(lookup._id) : null,
        firstRevision: lookup.firstRevision ?? 0,
      });
    }
    return missing;
  }

  /**
   * Inserts the commit at the next free position, retrying only the position while other
   * commits take it (the window between reading the head and inserting is one round trip).
   * Returns null when the clash is on the stream revision or the ids: the caller starts over.
   */
  private async insertCommit(
    append: PreparedAppend,
    head: StreamPointer | null,
    recordedAt: Date,
  ): Promise<CommitDocument | null> {
    for (let attempt = 1; ; attempt++) {
      const logHead = await this.logHead();
      const commit = this.buildCommit(append, head, (logHead?.lastPosition ?? 0) + 1, recordedAt);
      await this.hooks.beforeInsertCommit?.({
        streamId: commit.streamId,
        firstRevision: commit.firstRevision,
        firstPosition: commit.firstPosition,
        lastPosition: commit.lastPosition,
      });
      try {
        await this.commits.insertOne(commit);
        this.noteHead(commit);
        return commit;
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
      const occupant = await this.commits.findOne(
        { _id: commit._id },
        { projection: { streamId: 1, firstRevision: 1, firstPosition: 1, lastPosition: 1 } },
      );
      const positionTaken =
        occupant !== null &&
        (occupant.streamId !== commit.streamId || occupant.firstRevision !== commit.firstRevision);
      if (!positionTaken || attempt >= this.maxAppendAttempts) {
        // Usually the winner's lookups are already there; scan only when they are not.
        const now = await this.streamHead(append.streamId);
        if (!now || now.lastRevision === head?.lastRevision) await this.repairLookups(append);
        return null;
      }
      this.noteHead(occupant);
    }
  }

  // --- lookups -------------------------------------------------------------------------------

  /** The last commit this process knows of: positions only grow, so it is a valid start. */
  private knownHead: CommitSummary | null = null;

  private noteHead(commit: CommitSummary): void {
    if (!this.knownHead || commit.lastPosition > this.knownHead.lastPosition) {
      this.knownHead = {
        _id: commit._id,
        firstPosition: commit.firstPosition,
        lastPosition: commit.lastPosition,
      };
    }
  }

  private async commitSummary(id: string): Promise<CommitSummary | null> {
    return this.commits.findOne({ _id: id }, { projection: { firstPosition: 1, lastPosition: 1 } });
  }

  /** The last commit of the log: from what this process knows or the hint, forward while the next position exists. */
  private async logHead(): Promise<CommitSummary | null> {
    let current = this.knownHead;
    if (!current) {
      const hint = await this.lookups.findOne({ _id: LOG_HEAD_KEY });
      current =
        (hint && (await this.commitSummary(hint.commitId))) ||
        (await this.commitSummary(commitId(1)));
    }
    if (!current) return null;
    for (;;) {
      const next = await this.commitSummary(commitId(current.lastPosition + 1));
      if (!next) break;
      current = next;
    }
    this.noteHead(current);
    return current;
  }

  /** The commit holding `position`, or null when it is not (yet) stored. */
  private async commitContaining(position: number): Promise<CommitDocument | null> {
    // Commits never change, so the one a batch stopped inside can be reused instead of probing
    // up to maxEventsPerAppend positions downwards.
    const partly = this.lastPartlyRead;
    if (partly && partly.firstPosition <= position && position <= partly.lastPosition) {
      return partly;
    }
    const lowest = Math.max(1, position - this.limits.maxEventsPerAppend + 1);
    for (let start = position; start >= lowest; start--) {
      const commit = await this.commits.findOne({ _id: commitId(start) });
      if (commit) return commit.lastPosition >= position ? commit : null;
    }
    return null;
  }

  private streamPointer(streamId: string, firstRevision: number): Promise<StreamPointer | null> {
    return this.lookups.findOne({
      _id: streamKey(streamId, firstRevision),
    }) as Promise<StreamPointer | null>;
  }

  /** The pointer of the stream's last commit: from the head hint, forward while one follows. */
  private async streamHead(streamId: string): Promise<StreamPointer | null> {
    const hint = await this.lookups.findOne({ _id: streamHeadKey(streamId) });
    let current =
      (hint?.firstRevision !== undefined &&
        (await this.streamPointer(streamId, hint.firstRevision))) ||
      (await this.streamPointer(streamId, 0));
    if (!current) return null;
    for (;;) {
      const next = await this.streamPointer(streamId, current.lastRevision + 1);
      if (!next) return current;
      current = next;
    }
  }

  /**
   * The pointers of the stream in revision order, stopping after `toRevision`. When a commit
   * starts exactly at `fromRevision` (a catch-up from a read model or a snapshot usually lands on
   * one) the walk starts there instead of at revision 0.
   */
  private async streamPointers(
    streamId: string,
    toRevision?: number,
    fromRevision = 0,
  ): Promise<StreamPointer[]> {
    const pointers: StreamPointer[] = [];
    let next = await this.firstPointerFrom(streamId, fromRevision);
    while (next) {
      pointers.push(next);
      if (toRevision !== undefined && next.lastRevision >= toRevision) break;
      next = await this.streamPointer(streamId, next.lastRevision + 1);
    }
    return pointers;
  }

  /**
   * The pointer to start a walk that must reach `fromRevision`: the commit starting there, else
   * (a read past the end, the usual "anything new?" of a projection) the stream head, else the
   * first commit. Null when the stream has nothing at or after `fromRevision`.
   */
  private async firstPointerFrom(
    streamId: string,
    fromRevision: number,
  ): Promise<StreamPointer | null> {
    if (fromRevision > 0) {
      const exact = await this.streamPointer(streamId, fromRevision);
      if (exact) return exact;
      const head = await this.streamHead(streamId);
      if (!head || head.lastRevision < fromRevision) return null;
      if (head.firstRevision <= fromRevision) return head;
    }
    return this.streamPointer(streamId, 0);
  }

  /** Writes the lookups of a stored commit; duplicates mean someone (a repair) did it already. */
  private async writeLookups(commit: CommitDocument): Promise<void> {
    const pointer: StreamPointer = {
      _id: streamKey(commit.streamId, commit.firstRevision),
      commitId: commit._id,
      firstRevision: commit.firstRevision,
      lastRevision: commit.lastRevision,
      lastHash: commit.lastHash,
      recordedAt: commit.recordedAt,
    };
    const documents: LookupDocument[] = [
      pointer,
      ...commit.eventIds.map((eventId) => ({ _id: eventIdKey(eventId), commitId: commit._id })),
    ];
    await Promise.all(
      documents.map((document) => this.lookups.insertOne(document).catch(ignoreDuplicate)),
    );
    // Hints only shorten walks; a stale one (updates are not atomic on FerretDB) is still valid.
    await Promise.all([
      this.lookups
        .updateOne({ _id: LOG_HEAD_KEY }, { $set: { commitId: commit._id } }, { upsert: true })
        .catch(ignoreDuplicate),
      this.lookups
        .updateOne(
          { _id: streamHeadKey(commit.streamId) },
          { $set: { commitId: commit._id, firstRevision: commit.firstRevision } },
          { upsert: true },
        )
        .catch(ignoreDuplicate),
    ]);
  }

  /**
   * After a clash on the stream revision or the ids: the commit we clashed with may not have its
   * lookups yet (in flight, or its writer crashed). Find it by a scan and write them, so the next
   * round sees it. (The only scans on the append path, and only after a conflict.)
   */
  private async repairLookups(append: PreparedAppend): Promise<void> {
    const ids = append.events.map((event) => event.eventId);
    const [sameStream, sameIds] = await Promise.all([
      this.commits.find({ streamId: append.streamId }).toArray(),
      this.commits.find({ eventIds: { $in: ids } }).toArray(),
    ]);
    for (const stored of [...sameStream, ...sameIds]) await this.writeLookups(stored);
  }

  /** The database server's clock: one clock for every writer process. */
  private async serverTime(): Promise<Date> {
    const reply = await this.db.command({ hello: 1 });
    const localTime: unknown = reply.localTime;
    if (!(localTime instanceof Date))
      throw new Error('the database did not report its time (hello.localTime)');
    return localTime;
  }

  /** The original result when every id is already stored in this stream; throws on a partial match. */
  private async findRepeat(append: PreparedAppend): Promise<AppendResult | null> {
    const ids = append.events.map((event) => event.eventId);
    const pointers = await Promise.all(
      ids.map((id) => this.lookups.findOne({ _id: eventIdKey(id) })),
    );
    const commitIds = [
      ...new Set(pointers.flatMap((pointer) => (pointer ? [pointer.commitId] : []))),
    ];
    if (commitIds.length === 0) return null;
    const commits = (
      await Promise.all(commitIds.map((id) => this.commits.findOne({ _id: id })))
    ).filter((commit): commit is CommitDocument => commit !== null);
    const wanted = new Set(ids);
    const found = new Map<string, RecordedEvent>();
    for (const commit of commits) {
      if (commit.streamId !== append.streamId) {
        const clashing = commit.eventIds.filter((id) => wanted.has(id));
        throw new EventIdConflictError(
          `stream ${append.streamId}: event id(s) ${clashing.join(', ')} are already stored in stream ${commit.streamId}; nothing was written`,
          append.streamId,
          clashing,
        );
      }
      for (const stored of commit.events) {
        if (wanted.has(stored.eventId)) found.set(stored.eventId, toRecordedEvent(commit, stored));
      }
    }
    if (found.size === 0) return null;
    if (found.size < ids.length) {
      throw new EventIdConflictError(
        `stream ${append.streamId}: ${found.size} of the ${ids.length} event ids are already stored (${[...found.keys()].join(', ')}); an append is stored whole or not at all, so retry it with exactly the same events; nothing was written`,
        append.streamId,
        [...found.keys()],
      );
    }
    const events = ids.map((id) => found.get(id) as RecordedEvent);
    return {
      streamId: append.streamId,
      nextExpectedRevision: Math.max(...events.map((event) => event.revision)),
      position: Math.max(...events.map((event) => event.position)),
      events,
      alreadyAppended: true,
    };
  }

  private buildCommit(
    append: PreparedAppend,
    head: StreamPointer | null,
    firstPosition: number,
    recordedAt: Date,
  ): CommitDocument {
    const count = append.events.length;
    const firstRevision = head ? head.lastRevision + 1 : 0;
    let previousHash: string | null = head ? head.lastHash : null;
    const events: StoredEvent[] = append.events.map((event, index) => {
      const revision = firstRevision + index;
      const position = firstPosition + index;
      const hash = eventHash({
        eventId: event.eventId,
        streamId: append.streamId,
        revision,
        position,
        type: event.type,
        schemaVersion: event.schemaVersion,
        data: event.data,
        metadata: event.metadata,
        recordedAt,
        previousHash,
      });
      const stored: StoredEvent = {
        eventId: event.eventId,
        revision,
        position,
        type: event.type,
        schemaVersion: event.schemaVersion,
        dataJson: event.dataJson,
        metadata: event.metadata,
        hash,
        previousHash,
      };
      previousHash = hash;
      return stored;
    });
    return {
      _id: commitId(firstPosition),
      firstPosition,
      streamId: append.streamId,
      firstRevision,
      lastRevision: firstRevision + count - 1,
      lastPosition: firstPosition + count - 1,
      recordedAt,
      eventIds: events.map((event) => event.eventId),
      types: [...new Set(events.map((event) => event.type))],
      lastHash: events[count - 1]!.hash,
      events,
    };
  }
}

/** Commits requested ahead of the one being read by readStream. */
const READ_AHEAD_COMMITS = 4;

/** The stream id inside a stream pointer key (`s:` + JSON [streamId, firstRevision]). */
function streamIdOfKey(key: string): string | null {
  try {
    const [streamId] = JSON.parse(key.slice(2)) as [unknown];
    return typeof streamId === 'string' ? streamId : null;
  } catch {
    return null;
  }
}

/** Gaps in [1, head] not covered by any of the ranges. */
export function uncoveredRanges(ranges: PositionRange[], head: number): PositionRange[] {
  const sorted = [...ranges].sort((a, b) => a.fromPosition - b.fromPosition);
  const gaps: PositionRange[] = [];
  let next = 1;
  for (const range of sorted) {
    if (next > head) break;
    if (range.fromPosition > next)
      gaps.push({ fromPosition: next, toPosition: Math.min(range.fromPosition - 1, head) });
    next = Math.max(next, range.toPosition + 1);
  }
  if (next <= head) gaps.push({ fromPosition: next, toPosition: head });
  return gaps;
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
