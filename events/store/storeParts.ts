// What the store's modules share: the collections, the lookup index, the log's positions, the
// head cache and the settings. MongoEventStore builds one and hands it to each operation.
import type { Collection, Db } from 'mongodb';
import type { CommitDocument } from './commitDocument';
import type { LogPositions } from './logPositions';
import type { ServerClock } from './serverClock';
import type { StreamHeadCache } from './streamHeadCache';
import type { StreamLookups } from './streamLookups';
import type { AppendLimits, PreparedAppend } from './validateAppend';

export interface CommitInFlight {
  streamId: string;
  firstRevision: number;
  firstPosition: number;
  lastPosition: number;
}

export interface StoreHooks {
  /** Awaited after the commit is built (positions chosen) and before it is inserted. */
  beforeInsertCommit?: (commit: CommitInFlight) => Promise<void> | void;
}

export interface StoreParts {
  db: Db;
  commits: Collection<CommitDocument>;
  streams: StreamLookups;
  positions: LogPositions;
  heads: StreamHeadCache;
  /** The database server's clock, for recordedAt. */
  clock: ServerClock;
  limits: AppendLimits;
  maxAppendAttempts: number;
  hooks: StoreHooks;
  /**
   * Whether the ids of `append` must be looked up before its insert: yes unless the server's
   * unique index on `eventIds` enforces every id (MongoDB; FerretDB 1.x indexes the array as one
   * value) or the store generated every id (a fresh UUID cannot repeat a stored one).
   */
  idsNeedCheck(append: PreparedAppend): boolean;
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function inFlight(commit: CommitDocument): CommitInFlight {
  return {
    streamId: commit.streamId,
    firstRevision: commit.firstRevision,
    firstPosition: commit.firstPosition,
    lastPosition: commit.lastPosition,
  };
}
