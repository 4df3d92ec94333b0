// Follows the global log in position order from a checkpoint, for projections and
// subscriptions that must see every event exactly once and in order.
//
// A consumer must never pass a position whose event may still become visible. MongoEventStore
// makes positions contiguous and visible in order (see mongoEventStore.ts), so with it a hole
// only appears if a commit was removed behind the store's back. Stores that hand positions out
// before inserting (a counter, as Marten does) also have holes from in-flight and failed
// inserts. Either way the follower never passes a hole at once:
// - a hole the log reports as burned (`burnedPositions`, optional) is skipped immediately;
// - any other hole is waited for, up to `holeTimeoutMs` after the follower first saw it; then it
//   is skipped and `onHoleSkipped` is told (Marten's high-water mark), so a lost commit cannot
//   stall consumers forever.
// Events after an open hole are not delivered until the hole is resolved, so a checkpoint
// always means "everything at or below it has been seen".
import type { PositionRange, ReadAllOptions, RecordedEvent } from './types';

/** What a follower needs from a store (MongoEventStore provides all of it). */
export interface FollowableLog {
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Known burned ranges overlapping [fromPosition, toPosition]; optional. */
  burnedPositions?(fromPosition: number, toPosition: number): Promise<PositionRange[]>;
}

export interface LogFollowerOptions {
  /** Exclusive checkpoint: the follower delivers positions above it. Default 0 (the start). */
  fromPosition?: number;
  /** How long an unexplained hole may stay open before it is skipped. Default 2000 ms. */
  holeTimeoutMs?: number;
  /** Pause between polls when there is nothing new (subscribe only). Default 200 ms. */
  pollIntervalMs?: number;
  /** Most events read per poll. Default 500. */
  batchSize?: number;
  /** Deliver only these event types (the checkpoint still moves past the others). */
  types?: string[];
  /** Deliver only streams whose id starts with this. */
  streamPrefix?: string;
  /** Told about every unexplained hole skipped after the timeout. */
  onHoleSkipped?: (range: PositionRange) => void;
  /** Milliseconds clock for hole timeouts; injectable for tests. Default performance.now. */
  now?: () => number;
}

export type LogHandler = (events: RecordedEvent[], checkpoint: number) => Promise<void> | void;

export interface LogSubscription {
  /** Stops polling after the current handler call; resolves when the loop has ended. */
  stop(): Promise<void>;
  /** Settles when the loop ends: resolves after stop(), rejects if the handler or a read threw. */
  readonly done: Promise<void>;
}

export interface LogFollower {
  /** Every position at or below it has been delivered or skipped. */
  readonly checkpoint: number;
  /**
   * The next events in position order with nothing skipped (possibly none while a hole is
   * open), and moves the checkpoint past them.
   */
  next(): Promise<RecordedEvent[]>;
  /**
   * Polls until stopped, calling `handler` whenever the checkpoint can move (with the events
   * delivered, possibly none when all were filtered out). The checkpoint moves only after the
   * handler resolves; if it throws, the loop ends (see `done`) and the checkpoint stays put.
   */
  subscribe(handler: LogHandler): LogSubscription;
  /** Stops a running subscription, if any. */
  stop(): Promise<void>;
}

interface Poll {
  events: RecordedEvent[];
  checkpoint: number;
  /** The read returned a full batch: more may be waiting. */
  full: boolean;
}

class PollingLogFollower implements LogFollower {
  private position: number;
  private readonly holeTimeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;
  private readonly types: Set<string> | undefined;
  /** When each unexplained hole (keyed by its first position) was first seen. */
  private readonly holesSeen = new Map<number, number>();
  private busy = false;
  private subscription: { stop(): Promise<void> } | null = null;

  constructor(
    private readonly log: FollowableLog,
    private readonly options: LogFollowerOptions,
  ) {
    this.position = options.fromPosition ?? 0;
    this.holeTimeoutMs = options.holeTimeoutMs ?? 2000;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.batchSize = options.batchSize ?? 500;
    this.types = options.types ? new Set(options.types) : undefined;
    if (!Number.isSafeInteger(this.position) || this.position < 0) {
      throw new RangeError('fromPosition: must be an integer >= 0');
    }
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1)
      throw new RangeError('batchSize: must be an integer >= 1');
  }

  get checkpoint(): number {
    return this.position;
  }

  async next(): Promise<RecordedEvent[]> {
    if (this.subscription)
      throw new Error('next() cannot be called while a subscription is running');
    const poll = await this.exclusive(() => this.poll());
    this.advance(poll.checkpoint);
    return poll.events;
  }

  subscribe(handler: LogHandler): LogSubscription {
    if (this.subscription) throw new Error('this follower already has a subscription');
    let stopped = false;
    let wake: (() => void) | null = null;
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          wake = null;
          resolve();
        }, ms);
        wake = () => {
          clearTimeout(timer);
          wake = null;
          resolve();
        };
      });
    const loop = async () => {
      while (!stopped) {
        const poll = await this.exclusive(() => this.poll());
        if (poll.checkpoint > this.position) {
          await handler(poll.events, poll.checkpoint);
          this.advance(poll.checkpoint);
        }
        if (!poll.full && !stopped) await sleep(this.pollIntervalMs);
      }
    };
    const done = loop().finally(() => {
      this.subscription = null;
    });
    const stop = async () => {
      stopped = true;
      (wake as (() => void) | null)?.();
      await done.catch(() => undefined);
    };
    this.subscription = { stop };
    return { stop, done };
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }

  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) throw new Error('a poll of this follower is already running');
    this.busy = true;
    try {
      return await work();
    } finally {
      this.busy = false;
    }
  }

  private advance(checkpoint: number): void {
    this.position = checkpoint;
    for (const start of this.holesSeen.keys())
      if (start <= checkpoint) this.holesSeen.delete(start);
  }

  private async poll(): Promise<Poll> {
    const batch = await this.log.readAll({ fromPosition: this.position, maxCount: this.batchSize });
    const delivered: RecordedEvent[] = [];
    let checkpoint = this.position;
    for (const event of batch) {
      if (event.position > checkpoint + 1) {
        checkpoint = await this.passHole(checkpoint + 1, event.position - 1);
        if (checkpoint < event.position - 1) break;
      }
      checkpoint = event.position;
      const wanted =
        (!this.types || this.types.has(event.type)) &&
        (!this.options.streamPrefix || event.streamId.startsWith(this.options.streamPrefix));
      if (wanted) delivered.push(event);
    }
    return { events: delivered, checkpoint, full: batch.length >= this.batchSize };
  }

  /** How far past the hole [from, to] the checkpoint may move now (from - 1 when not at all). */
  private async passHole(from: number, to: number): Promise<number> {
    const burned = (await this.log.burnedPositions?.(from, to)) ?? [];
    burned.sort((a, b) => a.fromPosition - b.fromPosition);
    let reached = from - 1;
    while (reached < to) {
      const start = reached + 1;
      const covering = burned.find(
        (range) => range.fromPosition <= start && range.toPosition >= start,
      );
      if (covering) {
        reached = Math.min(covering.toPosition, to);
        continue;
      }
      const nextBurned = burned.find((range) => range.fromPosition > start);
      const end = nextBurned ? Math.min(nextBurned.fromPosition - 1, to) : to;
      const now = (this.options.now ?? (() => performance.now()))();
      const firstSeen = this.holesSeen.get(start);
      if (firstSeen === undefined) {
        this.holesSeen.set(start, now);
        return reached;
      }
      if (now - firstSeen < this.holeTimeoutMs) return reached;
      this.options.onHoleSkipped?.({ fromPosition: start, toPosition: end });
      reached = end;
    }
    return reached;
  }
}

export function createLogFollower(
  log: FollowableLog,
  options: LogFollowerOptions = {},
): LogFollower {
  return new PollingLogFollower(log, options);
}
