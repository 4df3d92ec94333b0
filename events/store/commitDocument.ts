// The stored shapes: one document per append call (a "commit") and the `_id`-addressed lookups
// that find commits without scans. See docs/event-store.md.
import type { EventMetadata, JsonValue, RecordedEvent } from './types';

export interface StoredEvent {
  eventId: string;
  revision: number;
  position: number;
  type: string;
  schemaVersion: number;
  /**
   * The event data as JSON text. Report payloads are maps keyed by figure keys such as
   * "t3.total.total"; FerretDB 1.x rejects object keys containing '.' or starting with '$'
   * ("invalid key … must not contain '.' sign"), so data is never stored as a BSON sub-document.
   */
  dataJson: string;
  metadata: EventMetadata;
  hash: string;
  previousHash: string | null;
}

export interface CommitDocument {
  /**
   * String(firstPosition). A string because FerretDB 1.24 (SQLite) answers `{_id: <string>}`
   * from its primary key; every other filter, numeric `_id` included, scans the collection.
   */
  _id: string;
  /** The first global position of the commit: unique, and the order of the global log. */
  firstPosition: number;
  streamId: string;
  firstRevision: number;
  lastRevision: number;
  lastPosition: number;
  /** Database server time of the append (the same for all its events). */
  recordedAt: Date;
  /** Event ids of `events`, in order: queried for idempotence. */
  eventIds: string[];
  /** Distinct event types of `events`: lets readAll filter by type in the query. */
  types: string[];
  /** Hash of the last event, so the next append can chain without loading `events`. */
  lastHash: string;
  events: StoredEvent[];
}

/**
 * `_id`-addressed lookups that let every hot path avoid scans on FerretDB. They are derived,
 * never authoritative (the unique indexes on the commits are): written right after a commit is
 * inserted and before the append is acknowledged, rebuilt from the commits when found missing.
 * - `e:` + eventId -> commitId (idempotence by event id);
 * - `s:` + JSON [streamId, firstRevision] -> a StreamPointer (stream walks, heads);
 * - `h:log` {firstPosition} and `h:s:` + streamId {firstRevision}: hints where a walk may start,
 *   raised with `$max` now and then; any value they hold is a valid (if longer) start.
 */
export interface LookupDocument {
  _id: string;
  commitId?: string;
  firstRevision?: number;
  lastRevision?: number;
  lastHash?: string;
  recordedAt?: Date;
  firstPosition?: number;
}

/** A stream's lookup for one commit: enough to chain the next append without loading it. */
export interface StreamPointer extends LookupDocument {
  commitId: string;
  firstRevision: number;
  lastRevision: number;
  lastHash: string;
  recordedAt: Date;
  /**
   * First revisions and commit ids of up to EARLIER_COMMITS commits before this one in the
   * stream, nearest first (two arrays: FerretDB 1.x stores no nested arrays): copied from the
   * pointer the commit was built on, so a reader finds a page of commits per pointer instead of
   * one. Absent where a repair wrote the pointer.
   */
  earlierRevisions?: number[];
  earlierCommitIds?: string[];
}

export const EARLIER_COMMITS = 63;

export const streamKey = (streamId: string, firstRevision: number) =>
  `s:${JSON.stringify([streamId, firstRevision])}`;
export const eventIdKey = (eventId: string) => `e:${eventId}`;
export const LOG_HEAD_KEY = 'h:log';
export const streamHeadKey = (streamId: string) => `h:s:${streamId}`;
export const commitId = (firstPosition: number) => String(firstPosition);

/** The pointer of a stored commit; `previous`, the pointer it was built on, gives `earlier`. */
export function pointerOf(commit: CommitDocument, previous?: StreamPointer | null): StreamPointer {
  const pointer: StreamPointer = {
    _id: streamKey(commit.streamId, commit.firstRevision),
    commitId: commit._id,
    firstRevision: commit.firstRevision,
    lastRevision: commit.lastRevision,
    lastHash: commit.lastHash,
    recordedAt: commit.recordedAt,
  };
  if (previous && previous.lastRevision + 1 === commit.firstRevision) {
    const earlier: Array<[number, string]> = [
      [previous.firstRevision, previous.commitId],
      ...earlierOf(previous),
    ];
    const page = earlier.slice(0, EARLIER_COMMITS);
    pointer.earlierRevisions = page.map(([revision]) => revision);
    pointer.earlierCommitIds = page.map(([, id]) => id);
  }
  return pointer;
}

/** A pointer's `earlier`, or [] when absent or malformed (it is only a shortcut). */
export function earlierOf(pointer: StreamPointer): Array<[number, string]> {
  const revisions: unknown = pointer.earlierRevisions;
  const ids: unknown = pointer.earlierCommitIds;
  if (!Array.isArray(revisions) || !Array.isArray(ids)) return [];
  let above = pointer.firstRevision;
  const valid: Array<[number, string]> = [];
  for (let index = 0; index < Math.min(revisions.length, ids.length); index++) {
    const first: unknown = revisions[index];
    const id: unknown = ids[index];
    if (typeof first !== 'number' || typeof id !== 'string' || first >= above || first < 0) break;
    valid.push([first, id]);
    above = first;
  }
  return valid;
}

export function isStreamPointer(document: LookupDocument | null): document is StreamPointer {
  return (
    document !== null &&
    typeof document.commitId === 'string' &&
    typeof document.firstRevision === 'number' &&
    typeof document.lastRevision === 'number' &&
    typeof document.lastHash === 'string' &&
    document.recordedAt instanceof Date
  );
}

export class CorruptCommitError extends Error {
  override name = 'CorruptCommitError';
}

export function toRecordedEvent(commit: CommitDocument, stored: StoredEvent): RecordedEvent {
  let data: JsonValue;
  try {
    data = JSON.parse(stored.dataJson) as JsonValue;
  } catch {
    throw new CorruptCommitError(
      `stored event ${stored.eventId} (stream ${commit.streamId}, revision ${stored.revision}) has unreadable data; run verifyStream`,
    );
  }
  return recordedEventOf(commit, stored, data);
}

/** The event a stored entry of a commit holds, given its already parsed data. */
export function recordedEventOf(
  commit: CommitDocument,
  stored: StoredEvent,
  data: JsonValue,
): RecordedEvent & { data: JsonValue } {
  return {
    eventId: stored.eventId,
    streamId: commit.streamId,
    revision: stored.revision,
    position: stored.position,
    type: stored.type,
    schemaVersion: stored.schemaVersion,
    data,
    metadata: stored.metadata,
    recordedAt: commit.recordedAt,
    hash: stored.hash,
    previousHash: stored.previousHash,
  };
}
