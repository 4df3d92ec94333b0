// One corpus index per event store (so per ledger), kept current by following the global log:
// every corpus query first brings the index up to the head it sees (read-your-writes for
// anything acknowledged before the query), queries arriving during a catch-up share the next
// one. There is no background timer, so nothing needs stopping when a ledger closes.
import {
  createLogFollower,
  type FollowableLog,
  type LogFollower,
} from '../../events/store/logFollower';
import { chinaDivisions } from '../domain/regions/chinaDivisions';
import { CorpusIndex } from './corpusIndex';

export interface CorpusLog extends FollowableLog {
  headPosition(): Promise<number>;
}

export interface CorpusIndexHandleOptions {
  holeTimeoutMs?: number;
  batchSize?: number;
}

export class CorpusIndexHandle {
  readonly index = new CorpusIndex(chinaDivisions());
  private readonly follower: LogFollower;
  private running: Promise<CorpusIndex> | null = null;
  private queued: Promise<CorpusIndex> | null = null;

  constructor(
    private readonly log: CorpusLog,
    options: CorpusIndexHandleOptions = {},
  ) {
    this.follower = createLogFollower(log, {
      fromPosition: 0,
      batchSize: options.batchSize ?? 1000,
      holeTimeoutMs: options.holeTimeoutMs ?? 2000,
    });
  }

  /** The index, caught up with the log's head as of this call. */
  current(): Promise<CorpusIndex> {
    if (!this.running) {
      this.running = this.catchUp().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.current();
      });
    return this.queued;
  }

  private async catchUp(): Promise<CorpusIndex> {
    const head = await this.log.headPosition();
    while (this.follower.checkpoint < head) {
      const before = this.follower.checkpoint;
      const events = await this.follower.next();
      if (events.length > 0) this.index.apply(events);
      this.index.advanceTo(this.follower.checkpoint);
      // An open hole: wait for it to fill or time out (logFollower.ts).
      if (this.follower.checkpoint === before)
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.index;
  }
}

const handles = new WeakMap<CorpusLog, CorpusIndexHandle>();

/** The corpus index of this store (created and loaded from the log on first use). */
export function corpusIndexOf(log: CorpusLog): CorpusIndexHandle {
  let handle = handles.get(log);
  if (!handle) {
    handle = new CorpusIndexHandle(log);
    handles.set(log, handle);
  }
  return handle;
}
