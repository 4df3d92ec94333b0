// Reading one stream: its pointers a window of revisions per query, and each window's commits
// fetched by `_id` while the next window is probed, so a read costs about what a cursor over
// the same commits does, at any stream length (nothing is scanned).
import type { Collection } from 'mongodb';
import {
  CorruptCommitError,
  toRecordedEvent,
  type CommitDocument,
  type StreamPointer,
} from './commitDocument';
import type { StreamRead } from './readOptions';
import { READ_PROBE_WIDTH, type StreamLookups } from './streamLookups';
import type { RecordedEvent } from './types';

/** Commits per `$in` query. */
const COMMITS_PER_QUERY = 128;

export async function readStream(
  commits: Collection<CommitDocument>,
  streams: StreamLookups,
  maxEventsPerAppend: number,
  read: StreamRead,
  head: () => Promise<StreamPointer | null>,
): Promise<RecordedEvent[]> {
  const { streamId, fromRevision, toRevision, maxCount, direction, recordedUntil } = read;
  if (maxCount === 0 || (toRevision !== undefined && toRevision < fromRevision)) return [];
  let low = fromRevision;
  let high = toRevision;
  if (direction === 'backwards' && maxCount !== undefined && !recordedUntil) {
    // The last n: only the commits that hold them. (With recordedUntil the cut is unknown.)
    const top = toRevision ?? (await head())?.lastRevision;
    if (top === undefined || top < fromRevision) return [];
    low = Math.max(fromRevision, top - maxCount + 1);
    high = top;
  }
  const wanted = (pointer: StreamPointer) =>
    (high === undefined || pointer.firstRevision <= high) &&
    // recordedAt never decreases along a stream, so the first one past the instant ends the walk.
    (!recordedUntil || pointer.recordedAt <= recordedUntil);

  const start = await streams.containing(streamId, low, maxEventsPerAppend, READ_PROBE_WIDTH);
  if (!start || !wanted(start.pointer)) return [];
  const pointers: StreamPointer[] = [start.pointer];
  const batches: Array<Promise<Map<string, CommitDocument>>> = [];
  let unfetched: StreamPointer[] = [start.pointer];
  // Commits are fetched one `$in` at a time, in order, while the pointers are still being probed:
  // more queries in flight only compete for the same server.
  let previous: Promise<unknown> = Promise.resolve();
  const fetch = (pointers: StreamPointer[]) => {
    for (let index = 0; index < pointers.length; index += COMMITS_PER_QUERY) {
      const ids = pointers
        .slice(index, index + COMMITS_PER_QUERY)
        .map((pointer) => pointer.commitId);
      const request = previous
        .then(() =>
          commits
            .find({ _id: { $in: ids } }, { batchSize: ids.length, limit: ids.length })
            .toArray(),
        )
        .then((found) => new Map(found.map((commit) => [commit._id, commit])));
      // Awaited below in order; must not reject unhandled meanwhile.
      request.catch(() => undefined);
      previous = request.catch(() => undefined);
      batches.push(request);
    }
  };
  const after = await streams.walkAfter(streamId, start.pointer, {
    width: READ_PROBE_WIDTH,
    probe: start.probe,
    keepGoing: wanted,
    onWindow: (found) => {
      fetch([...unfetched, ...found]);
      unfetched = [];
    },
  });
  if (unfetched.length > 0) fetch(unfetched);
  pointers.push(...after);

  const byId = new Map<string, CommitDocument>();
  for (const batch of batches) for (const [id, commit] of await batch) byId.set(id, commit);
  if (direction === 'backwards') pointers.reverse();
  const result: RecordedEvent[] = [];
  for (const pointer of pointers) {
    const commit = byId.get(pointer.commitId);
    if (!commit) {
      throw new CorruptCommitError(
        `stream ${streamId}: the commit holding revision ${pointer.firstRevision} (${pointer.commitId}) is missing; run verifyStream`,
      );
    }
    const stored = direction === 'forwards' ? commit.events : [...commit.events].reverse();
    for (const event of stored) {
      if (
        event.revision < fromRevision ||
        (toRevision !== undefined && event.revision > toRevision)
      )
        continue;
      result.push(toRecordedEvent(commit, event));
      if (maxCount !== undefined && result.length >= maxCount) return result;
    }
  }
  return result;
}
