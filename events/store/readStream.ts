// Reading one stream without scanning, at any stream or log length.
// - By revision (the usual read): from the newest wanted commit's pointer back through the
//   `earlier` pages (one pointer names the 63 commits before it), then the commits by `_id`,
//   fetched while the pages are still being read. About one query per 63 commits on top of the
//   commits themselves, so a read costs about what a cursor over the same commits does.
// - Up to an instant (recordedUntil), or where a page is missing (a pointer a repair wrote):
//   forwards, a window of pointers per query, stopping at the first commit past the instant
//   (recordedAt never decreases along a stream).
import type { Collection } from 'mongodb';
import {
  CorruptCommitError,
  earlierOf,
  toRecordedEvent,
  type CommitDocument,
  type StreamPointer,
} from './commitDocument';
import type { StreamRead } from './readOptions';
import { READ_PROBE_WIDTH, type StreamLookups } from './streamLookups';
import type { RecordedEvent } from './types';

/** Commits per `$in` query. */
const COMMITS_PER_QUERY = 128;

/** A commit of the stream, as far as the lookups tell. */
interface CommitRef {
  firstRevision: number;
  lastRevision: number;
  commitId: string;
}

/** Fetches commits by `_id`, one `$in` at a time in order: more in flight only compete. */
class CommitFetcher {
  private readonly batches: Array<Promise<CommitDocument[]>> = [];
  private previous: Promise<unknown> = Promise.resolve();
  private waiting: string[] = [];

  constructor(private readonly commits: Collection<CommitDocument>) {}

  add(commitId: string): void {
    this.waiting.push(commitId);
    if (this.waiting.length >= COMMITS_PER_QUERY) this.flush();
  }

  flush(): void {
    if (this.waiting.length === 0) return;
    const ids = this.waiting;
    this.waiting = [];
    const request = this.previous.then(() =>
      this.commits
        .find({ _id: { $in: ids } }, { batchSize: ids.length, limit: ids.length })
        .toArray(),
    );
    // Awaited in all(); must not reject unhandled meanwhile.
    request.catch(() => undefined);
    this.previous = request.catch(() => undefined);
    this.batches.push(request);
  }

  async all(): Promise<Map<string, CommitDocument>> {
    this.flush();
    const byId = new Map<string, CommitDocument>();
    for (const batch of this.batches)
      for (const commit of await batch) byId.set(commit._id, commit);
    return byId;
  }
}

export async function readStream(
  commits: Collection<CommitDocument>,
  streams: StreamLookups,
  maxEventsPerAppend: number,
  read: StreamRead,
  head: () => Promise<StreamPointer | null>,
): Promise<RecordedEvent[]> {
  const { streamId, fromRevision, toRevision, maxCount, direction, recordedUntil } = read;
  if (maxCount === 0 || (toRevision !== undefined && toRevision < fromRevision)) return [];
  const fetcher = new CommitFetcher(commits);
  const refs = recordedUntil
    ? await forwards(
        streams,
        streamId,
        fromRevision,
        toRevision,
        recordedUntil,
        maxEventsPerAppend,
        fetcher,
      )
    : await byPages(streams, streamId, read, maxEventsPerAppend, fetcher, head);
  const byId = await fetcher.all();
  if (direction === 'backwards') refs.reverse();
  const result: RecordedEvent[] = [];
  for (const ref of refs) {
    const commit = byId.get(ref.commitId);
    if (!commit || commit.streamId !== streamId || commit.firstRevision !== ref.firstRevision) {
      throw new CorruptCommitError(
        `stream ${streamId}: the commit holding revision ${ref.firstRevision} (${ref.commitId}) is missing; run verifyStream`,
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

/** The commits holding [low, high] in revision order, walking the pages back from the top. */
async function byPages(
  streams: StreamLookups,
  streamId: string,
  read: StreamRead,
  maxEventsPerAppend: number,
  fetcher: CommitFetcher,
  head: () => Promise<StreamPointer | null>,
): Promise<CommitRef[]> {
  const { fromRevision, toRevision, maxCount, direction } = read;
  let top: StreamPointer | null = null;
  if (toRevision !== undefined) {
    top = (await streams.containing(streamId, toRevision, maxEventsPerAppend, 1))?.pointer ?? null;
  }
  top ??= await head();
  if (!top || top.lastRevision < fromRevision) return [];
  const high = Math.min(toRevision ?? top.lastRevision, top.lastRevision);
  // Backwards with maxCount wants only the last n revisions.
  const low =
    direction === 'backwards' && maxCount !== undefined
      ? Math.max(fromRevision, high - maxCount + 1)
      : fromRevision;

  const newestFirst: CommitRef[] = [];
  /** Everything above it is accounted for. */
  let below = top.lastRevision;
  const take = (firstRevision: number, commitId: string): boolean => {
    const ref = { firstRevision, lastRevision: below, commitId };
    below = firstRevision - 1;
    if (ref.firstRevision <= high && ref.lastRevision >= low) {
      newestFirst.push(ref);
      fetcher.add(commitId);
    }
    return ref.firstRevision <= low;
  };
  let done = take(top.firstRevision, top.commitId);
  let page: StreamPointer | null = top;
  while (!done && page) {
    const earlier = earlierOf(page);
    if (earlier.length === 0) break;
    for (const [firstRevision, commitId] of earlier) {
      done = take(firstRevision, commitId);
      if (done) break;
    }
    if (!done) page = await streams.pointer(streamId, earlier[earlier.length - 1]![0]);
  }
  const older = done
    ? []
    : // No page below here (a repaired pointer): walk forwards up to what the pages covered.
      await forwards(streams, streamId, low, below, undefined, maxEventsPerAppend, fetcher);
  return [...older, ...newestFirst.reverse()];
}

/** The commits holding [low, high], forwards by windows of pointers. */
async function forwards(
  streams: StreamLookups,
  streamId: string,
  low: number,
  high: number | undefined,
  until: Date | undefined,
  maxEventsPerAppend: number,
  fetcher: CommitFetcher,
): Promise<CommitRef[]> {
  if (high !== undefined && high < low) return [];
  const wanted = (pointer: StreamPointer) =>
    (high === undefined || pointer.firstRevision <= high) &&
    (!until || pointer.recordedAt <= until);
  const start = await streams.containing(streamId, low, maxEventsPerAppend, READ_PROBE_WIDTH);
  if (!start || !wanted(start.pointer)) return [];
  const refs: CommitRef[] = [];
  const add = (pointer: StreamPointer) => {
    refs.push({
      firstRevision: pointer.firstRevision,
      lastRevision: pointer.lastRevision,
      commitId: pointer.commitId,
    });
    fetcher.add(pointer.commitId);
  };
  add(start.pointer);
  await streams.walkAfter(streamId, start.pointer, {
    width: READ_PROBE_WIDTH,
    probe: start.probe,
    keepGoing: wanted,
    onWindow: (found) => found.forEach(add),
  });
  return refs;
}
