// One corpus index per event store (so per ledger), kept current by following the global log:
// every corpus query first brings the index up to the head it sees (read-your-writes for
// anything acknowledged before the query); queries arriving during a catch-up share the next
// one. The first use loads the newest snapshot (corpusSnapshotStore.ts) when there is one and
// folds the log from its position; after enough new events a snapshot is written in the
// background. There is no timer, so nothing needs stopping when a ledger closes.
import type { Db } from 'mongodb';
import {
  createLogFollower,
  type FollowableLog,
  type LogFollower,
} from '../../events/store/logFollower';
import { chinaDivisions } from '../domain/regions/chinaDivisions';
import { CorpusIndex } from './corpusIndex';
import { CorpusSnapshotStore } from './corpusSnapshotStore';

export interface CorpusLog extends FollowableLog {
  headPosition(): Promise<number>;
}

export interface CorpusIndexHandleOptions {
  holeTimeoutMs?: number;
  batchSize?: number;
  /** Where snapshots are read and written; none: always fold the log from the start. */
  snapshots?: CorpusSnapshotStore | null;
  /** Write a snapshot once this many events were folded since the last one. */
  snapshotEvery?: number;
}

/** Measured: folding 5,000 import events takes minutes on FerretDB; loading a snapshot seconds. */
export const DEFAULT_SNAPSHOT_EVERY = 5000;

export class CorpusIndexHandle {
  private indexValue: CorpusIndex = new CorpusIndex(chinaDivisions());
  private follower: LogFollower | null = null;
  private running: Promise<CorpusIndex> | null = null;
  private queued: Promise<CorpusIndex> | null = null;
  private saving: Promise<void> | null = null;
  private lastSaved = 0;
  /** Where the index started: a snapshot's position, or 0. */
  startedFrom = 0;

  constructor(
    private readonly log: CorpusLog,
    private readonly options: CorpusIndexHandleOptions = {},
  ) {}

  get index(): CorpusIndex {
    return this.indexValue;
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

  /** Writes a snapshot of the index as it is now (after any save in flight). */
  async saveSnapshot(): Promise<void> {
    await this.saving;
    const store = this.options.snapshots;
    if (!store) return;
    const snapshot = this.indexValue.toSnapshot();
    await store.save(snapshot);
    this.lastSaved = snapshot.checkpoint;
  }

  private async start(): Promise<LogFollower> {
    const store = this.options.snapshots;
    if (store) {
      const snapshot = await store.loadLatest();
      if (snapshot) {
        this.indexValue = CorpusIndex.fromSnapshot(chinaDivisions(), snapshot);
        this.startedFrom = snapshot.checkpoint;
        this.lastSaved = snapshot.checkpoint;
      }
    }
    return createLogFollower(this.log, {
      fromPosition: this.indexValue.checkpoint,
      batchSize: this.options.batchSize ?? 1000,
      holeTimeoutMs: this.options.holeTimeoutMs ?? 2000,
    });
  }

  private async catchUp(): Promise<CorpusIndex> {
    this.follower ??= await this.start();
    const follower = this.follower;
    const head = await this.log.headPosition();
    while (follower.checkpoint < head) {
      const before = follower.checkpoint;
      const events = await follower.next();
      if (events.length > 0) this.indexValue.apply(events);
      this.indexValue.advanceTo(follower.checkpoint);
      // An open hole: wait for it to fill or time out (logFollower.ts).
      if (follower.checkpoint === before) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    this.maybeSave();
    return this.indexValue;
  }

  private maybeSave(): void {
    const every = this.options.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY;
    if (!this.options.snapshots || this.saving) return;
    if (this.indexValue.checkpoint - this.lastSaved < every) return;
    // In the background: a failed save costs only a slower next start.
    this.saving = this.saveSnapshot()
      .catch(() => undefined)
      .finally(() => {
        this.saving = null;
      });
  }
}

const handles = new WeakMap<CorpusLog, CorpusIndexHandle>();

/**
 * The corpus index of this store (created on first use). With `db`, snapshots are kept in it
 * (collections corpusSnapshots and corpusSnapshotChunks).
 */
export function corpusIndexOf(log: CorpusLog, db?: Db): CorpusIndexHandle {
  let handle = handles.get(log);
  if (!handle) {
    handle = new CorpusIndexHandle(log, { snapshots: db ? new CorpusSnapshotStore(db) : null });
    handles.set(log, handle);
  }
  return handle;
}
