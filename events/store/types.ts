// The event store's public contract, in the spirit of KurrentDB's client API.
// Implementation: events/store/mongoEventStore.ts (mongodb driver, no transactions); the storage
// design is docs/event-store.md.

/** A number (the revision of the stream's last event), or one of the special forms. */
export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

/** The revision of a stream's last event (0-based), or 'no_stream' when it has none. */
export type StreamRevision = number | 'no_stream';

export interface Actor {
  id: string;
  name: string;
}

export interface EventMetadata {
  actor: Actor;
  reason?: string;
  correlationId?: string;
  causationId?: string;
  requestId?: string;
}

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface NewEvent<TType extends string = string, TData = unknown> {
  /** UUID; generated when absent. Appending an id already stored is an idempotent no-op. */
  eventId?: string;
  type: TType;
  schemaVersion?: number;
  data: TData;
  metadata: EventMetadata;
}

export interface RecordedEvent<TType extends string = string, TData = unknown> {
  eventId: string;
  streamId: string;
  /** Per stream, from 0, no gaps. */
  revision: number;
  /** Global order across all streams, from 1 (see mongoEventStore.ts for the guarantees). */
  position: number;
  type: TType;
  schemaVersion: number;
  data: TData;
  metadata: EventMetadata;
  /** Server time at append; never taken from the caller. */
  recordedAt: Date;
  /** sha256 over the canonical content and previousHash. */
  hash: string;
  previousHash: string | null;
}

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  streamId: string;
  /** Revision of the last event now in the stream. */
  nextExpectedRevision: number;
  /** Global position of the last appended event. */
  position: number;
  /** The stored events (the originals when the append was an idempotent repeat). */
  events: RecordedEvent[];
  /** True when every event id was already stored and nothing new was written. */
  alreadyAppended: boolean;
}

/**
 * The events read are those with fromRevision <= revision <= toRevision (defaults: the whole
 * stream) and recordedAt <= recordedUntil; `direction` orders them ('backwards' starts at the
 * highest), and `maxCount` keeps the first n in that order.
 */
export interface ReadStreamOptions {
  fromRevision?: number;
  /** Inclusive upper bound on revision. */
  toRevision?: number;
  /** Only events recorded at or before this instant. */
  recordedUntil?: Date;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events with position > fromPosition. Default: from the start. */
  fromPosition?: number;
  maxCount?: number;
  types?: string[];
  streamPrefix?: string;
}

export interface VerificationFailure {
  streamId: string;
  revision: number;
  eventId: string | null;
  problem: 'content_altered' | 'chain_broken' | 'revision_gap' | 'missing_commit' | 'malformed';
  message: string;
}

export interface VerificationResult {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  /** The first failure per stream. */
  failures: VerificationFailure[];
  /**
   * verifyAll only: positions at or below the head that no commit holds. Positions are
   * contiguous, so a gap proves a commit was deleted (including a stream's last commit, which
   * the per-stream chain cannot see); `ok` is false then.
   */
  unaccountedPositions?: PositionRange[];
}

/** An inclusive range of global positions. */
export interface PositionRange {
  fromPosition: number;
  toPosition: number;
}

export interface EventStore {
  appendToStream(
    streamId: string,
    events: NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Writes the lookups of the commit holding `position` where they are missing: a writer that
   * died between storing a commit and writing its lookups leaves a commit the global log shows
   * but stream reads do not see yet. Idempotent; nothing happens when the position is free.
   */
  repairLookupsAt(position: number): Promise<void>;
  /**
   * repairLookupsAt for every commit holding one of `events` (read from the global log) whose
   * lookups are missing, found with one query per 256 events instead of a stream walk each.
   * Optional: a store without it gets repairLookupsAt per event.
   */
  repairLookupsOf?(events: readonly RecordedEvent[]): Promise<void>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  streamRevision(streamId: string): Promise<StreamRevision>;
  verifyStream(streamId: string): Promise<VerificationResult>;
  verifyAll(): Promise<VerificationResult>;
  /** Highest stored position, 0 when the log is empty. */
  headPosition(): Promise<number>;
}

/** One append of a bulk call: what appendToStream takes, as one value. */
export interface StreamAppend {
  streamId: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
}

/**
 * What became of one append of a bulk call: its result (alreadyAppended for a repeat), or why it
 * was not written (WrongExpectedRevision, EventIdConflictError, InvalidAppendError, …).
 */
export type StreamAppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: Error };

/** A store that can append to many streams in a few commands (bulk import, bench loading). */
export interface BulkAppendingEventStore extends EventStore {
  /**
   * Each append is one commit, exactly as appendToStream would store it (expected revision,
   * hash chain, idempotent by event id); appends to the same stream apply in the order given.
   * Outcomes come back in the order of `appends`; one rejected append does not stop the others.
   * Throws only when the database fails (then the outcome of appends not reported is unknown;
   * retry them with the same event ids).
   */
  appendToStreams(appends: StreamAppend[]): Promise<StreamAppendOutcome[]>;
}

export class WrongExpectedRevision extends Error {
  override name = 'WrongExpectedRevision';
  constructor(
    readonly streamId: string,
    readonly expectedRevision: ExpectedRevision,
    readonly actualRevision: StreamRevision,
  ) {
    super(
      `stream ${streamId}: expected revision ${String(expectedRevision)}, actual ${String(actualRevision)}`,
    );
  }
}

/** Input rejected before anything was written. `field` names the offending part. */
export class InvalidAppendError extends Error {
  override name = 'InvalidAppendError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/**
 * Some of the appended event ids are already stored, but not as this exact append: only some of
 * them, or in another stream. Nothing was written.
 */
export class EventIdConflictError extends Error {
  override name = 'EventIdConflictError';
  constructor(
    message: string,
    readonly streamId: string,
    readonly eventIds: string[],
  ) {
    super(message);
  }
}

/** A read was asked with options outside their domain. `field` names the option. */
export class InvalidReadOptionsError extends Error {
  override name = 'InvalidReadOptionsError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}
