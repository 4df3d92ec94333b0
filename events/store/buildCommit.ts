// One append call becomes one commit document: its events numbered from the stream head and the
// claimed position, each hashed over its content and the previous event's hash in the stream.
import { commitId, type CommitDocument, type StoredEvent } from './commitDocument';
import { eventHash } from './eventHash';
import type { PreparedAppend } from './validateAppend';

/** What a commit builds on: the stream's last revision and hash (null for a new stream). */
export interface ChainHead {
  lastRevision: number;
  lastHash: string;
}

export function buildCommit(
  append: PreparedAppend,
  head: ChainHead | null,
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
