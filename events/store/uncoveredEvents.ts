// Which events of a batch read from the global log no stored stream pointer covers: a commit
// whose writer crashed between its insert and its lookups is in the log but invisible to stream
// reads. Found with one `$in` over the candidate pointer keys (a commit starts at one of its
// events' revisions; absent keys cost next to nothing), so a catch-up need not walk every stream
// it touches (which fetches each commit again) to find the few commits to repair.
import type { Collection } from 'mongodb';
import { isStreamPointer, streamKey, type LookupDocument } from './commitDocument';
import type { RecordedEvent } from './types';

/** Keys per `$in`: FerretDB's cost grows with the keys it has to return (docs/event-store.md). */
const KEYS_PER_QUERY = 256;

/**
 * The events (in position order) whose revision no pointer starting at one of the batch's own
 * revisions covers: their commits lack lookups, or start before the batch (a commit the batch
 * begins inside); repairing those is idempotent.
 */
export async function uncoveredEvents(
  lookups: Collection<LookupDocument>,
  events: readonly RecordedEvent[],
): Promise<RecordedEvent[]> {
  const streamOfKey = new Map(
    events.map((event) => [streamKey(event.streamId, event.revision), event.streamId]),
  );
  const keys = [...streamOfKey.keys()];
  const covered = new Map<string, Array<[number, number]>>();
  for (let start = 0; start < keys.length; start += KEYS_PER_QUERY) {
    const chunk = keys.slice(start, start + KEYS_PER_QUERY);
    const found = await lookups
      .find({ _id: { $in: chunk } }, { batchSize: chunk.length, limit: chunk.length })
      .toArray();
    for (const document of found) {
      if (!isStreamPointer(document)) continue;
      const streamId = streamOfKey.get(document._id);
      if (streamId === undefined) continue;
      const ranges = covered.get(streamId) ?? [];
      ranges.push([document.firstRevision, document.lastRevision]);
      covered.set(streamId, ranges);
    }
  }
  return events
    .filter(
      (event) =>
        !(covered.get(event.streamId) ?? []).some(
          ([first, last]) => first <= event.revision && event.revision <= last,
        ),
    )
    .sort((a, b) => a.position - b.position);
}
