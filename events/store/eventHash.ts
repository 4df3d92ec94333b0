// The per-event hash of the chain: sha256 over the canonical JSON of everything the event
// states (including its place: stream, revision, position, time) and the previous event's hash
// in the same stream. Changing, reordering or re-numbering any stored event breaks it.
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonicalJson';
import type { EventMetadata, JsonValue } from './types';

export interface HashedContent {
  eventId: string;
  streamId: string;
  revision: number;
  position: number;
  type: string;
  schemaVersion: number;
  data: JsonValue;
  metadata: EventMetadata;
  recordedAt: Date;
  previousHash: string | null;
}

function metadataAsJson(metadata: EventMetadata): JsonValue {
  const json: { [key: string]: JsonValue } = {
    actor: { id: metadata.actor.id, name: metadata.actor.name },
  };
  for (const key of ['reason', 'correlationId', 'causationId', 'requestId'] as const) {
    const value = metadata[key];
    if (value !== undefined) json[key] = value;
  }
  return json;
}

export function eventHash(content: HashedContent): string {
  const canonical = canonicalJson({
    eventId: content.eventId,
    streamId: content.streamId,
    revision: content.revision,
    position: content.position,
    type: content.type,
    schemaVersion: content.schemaVersion,
    data: content.data,
    metadata: metadataAsJson(content.metadata),
    recordedAt: content.recordedAt.toISOString(),
    previousHash: content.previousHash,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
