// Idempotence by event id: an append whose ids are all stored already, in this stream, returns
// the original result; one whose ids are partly stored, or stored in another stream, is rejected
// (an append is stored whole or not at all). Found through the `e:` lookups, then the commits.
import { toRecordedEvent, type CommitDocument } from './commitDocument';
import type { StoreParts } from './storeParts';
import { EventIdConflictError, type AppendResult, type RecordedEvent } from './types';
import type { PreparedAppend } from './validateAppend';

export async function findRepeat(
  parts: StoreParts,
  append: PreparedAppend,
  known?: ReadonlyMap<string, string>,
): Promise<AppendResult | null> {
  const ids = append.events.map((event) => event.eventId);
  const lookedUp = known ?? (await parts.streams.commitIdsOfEvents(ids));
  const commitIds = [...new Set(ids.flatMap((id) => lookedUp.get(id) ?? []))];
  if (commitIds.length === 0) return null;
  const commits: CommitDocument[] = await parts.commits
    .find({ _id: { $in: commitIds } }, { batchSize: commitIds.length, limit: commitIds.length })
    .toArray();
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
