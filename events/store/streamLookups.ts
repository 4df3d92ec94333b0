// The `_id` lookup index over the commits (see LookupDocument): every stream walk, head lookup
// and event-id check is a query on `_id`, the one filter FerretDB 1.24 (SQLite) answers from an
// index (patched so `{_id: {$in: [strings]}}` is narrowed by it too). Walks probe a window of
// candidate keys in one query: revisions are contiguous, so every commit of a stream that starts
// inside [r, r + width) is found at once, and absent keys cost next to nothing.
import type { AnyBulkWriteOperation, Collection } from 'mongodb';
import {
  eventIdKey,
  pointerOf,
  isStreamPointer,
  LOG_HEAD_KEY,
  streamHeadKey,
  streamKey,
  type CommitDocument,
  type LookupDocument,
  type StreamPointer,
} from './commitDocument';
import { ignoreDuplicate, storedBeforeDuplicate } from './duplicateKey';

/** Revisions probed per query when looking for a head (a hint is at most this stale, mostly). */
export const HEAD_PROBE_WIDTH = 64;
/** Revisions looked back first for the commit holding a revision. */
const NEAR_BACK = 8;
/** Revisions probed per query when reading a stream. */
export const READ_PROBE_WIDTH = 256;
/** A stream's head hint is raised when a commit crosses a multiple of this many revisions. */
const STREAM_HINT_EVERY = 32;
/** The log's head hint is raised when a commit crosses a multiple of this many positions. */
const LOG_HINT_EVERY = 64;
/** Most event-id keys per `$in` (FerretDB's cost grows with the keys it has to return). */
const IDS_PER_QUERY = 100;
/** Most lookup documents per insertMany. */
const LOOKUPS_PER_INSERT = 2000;

const crosses = (first: number, last: number, every: number) =>
  first > 0 && Math.floor(last / every) > Math.floor((first - 1) / every);

/** Pointers found by one probe, by first revision, and the revisions the probe covered. */
interface Probe {
  pointers: Map<number, StreamPointer>;
  from: number;
  to: number;
}

/** Lookups of commits rebuilt from the commits alone (a repair): pointers without `earlier`. */
export const bareLookups = (commits: readonly CommitDocument[]) =>
  commits.map((commit) => ({ commit, pointer: pointerOf(commit) }));

export class StreamLookups {
  constructor(private readonly lookups: Collection<LookupDocument>) {}

  /** Pointers of the commits of `streamId` starting at revisions from..from+width-1. */
  async probe(streamId: string, from: number, width: number): Promise<Probe> {
    const start = Math.max(0, from);
    const keys = Array.from({ length: width }, (_, index) => streamKey(streamId, start + index));
    // The whole window in the first reply: without a limit a full batch costs a getMore.
    const found = await this.lookups
      .find({ _id: { $in: keys } }, { batchSize: width, limit: width })
      .toArray();
    const pointers = new Map<number, StreamPointer>();
    for (const document of found) {
      if (isStreamPointer(document)) pointers.set(document.firstRevision, document);
    }
    return { pointers, from: start, to: start + width - 1 };
  }

  /**
   * The chain of pointers after `start` (not included), in revision order, until it ends or
   * `keepGoing` says stop. `probe` is an already fetched window to use first. `onWindow` is told
   * each window's new pointers as soon as they are known (readers fetch commits meanwhile).
   */
  async walkAfter(
    streamId: string,
    start: StreamPointer,
    options: {
      width: number;
      probe?: Probe;
      keepGoing?: (pointer: StreamPointer) => boolean;
      onWindow?: (pointers: StreamPointer[]) => void;
    },
  ): Promise<StreamPointer[]> {
    const chain: StreamPointer[] = [];
    let window = options.probe;
    let current = start;
    for (;;) {
      const next = current.lastRevision + 1;
      if (!window || next > window.to || next < window.from) {
        window = await this.probe(streamId, next, options.width);
      }
      const found: StreamPointer[] = [];
      let pointer = window.pointers.get(current.lastRevision + 1);
      let stopped = false;
      while (pointer) {
        if (options.keepGoing && !options.keepGoing(pointer)) {
          stopped = true;
          break;
        }
        found.push(pointer);
        current = pointer;
        pointer = window.pointers.get(current.lastRevision + 1);
      }
      chain.push(...found);
      if (found.length > 0) options.onWindow?.(found);
      // The chain left the window: look further; it ended inside: that is the head.
      if (stopped || current.lastRevision + 1 <= window.to) return chain;
    }
  }

  /**
   * The stream's last commit, walking from `known` (a pointer of the stream; the process's cached
   * head) or else from the stream's hint. Null for a stream with no commit.
   */
  async head(streamId: string, known?: StreamPointer): Promise<StreamPointer | null> {
    let start = known ?? null;
    let probe: Probe | undefined;
    if (!start) {
      const hint = await this.lookups.findOne({ _id: streamHeadKey(streamId) });
      const hinted = typeof hint?.firstRevision === 'number' ? hint.firstRevision : 0;
      probe = await this.probe(streamId, hinted, HEAD_PROBE_WIDTH);
      start = probe.pointers.get(hinted) ?? null;
      if (!start && hinted > 0) {
        // The hinted commit lost its lookups (a writer crashed before writing them): start over.
        probe = await this.probe(streamId, 0, HEAD_PROBE_WIDTH);
        start = probe.pointers.get(0) ?? null;
      }
      if (!start) return null;
    }
    const after = await this.walkAfter(streamId, start, { width: HEAD_PROBE_WIDTH, probe });
    return after[after.length - 1] ?? start;
  }

  /**
   * The pointer of the commit holding `revision`, or null when no stored commit the lookups know
   * of holds it. Looks back at most `maxEventsPerAppend` revisions (a commit is never longer).
   */
  async containing(
    streamId: string,
    revision: number,
    maxEventsPerAppend: number,
    width: number,
  ): Promise<{ pointer: StreamPointer; probe: Probe } | null> {
    // Most commits are short: look a few revisions back first (with `width` ahead, for a reader
    // walking on), then further back a window at a time; the nearest start at or below decides.
    const back = Math.min(revision, NEAR_BACK - 1);
    const probe = await this.probe(streamId, revision - back, back + width);
    let best = bestAtOrBelow(probe, revision);
    const lowest = Math.max(0, revision - maxEventsPerAppend + 1);
    for (let top = revision - back - 1; !best && top >= lowest; top -= HEAD_PROBE_WIDTH) {
      const from = Math.max(lowest, top - HEAD_PROBE_WIDTH + 1);
      best = bestAtOrBelow(await this.probe(streamId, from, top - from + 1), revision);
    }
    if (!best || best.lastRevision < revision) return null;
    return { pointer: best, probe };
  }

  /** The pointer of the commit of `streamId` starting at `firstRevision`, if the lookups have it. */
  async pointer(streamId: string, firstRevision: number): Promise<StreamPointer | null> {
    const document = await this.lookups.findOne({ _id: streamKey(streamId, firstRevision) });
    return isStreamPointer(document) ? document : null;
  }

  /** Commits whose lookups point at them, by event id (absent ids are left out). */
  async commitIdsOfEvents(eventIds: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const queries = [];
    for (let index = 0; index < eventIds.length; index += IDS_PER_QUERY) {
      const keys = eventIds.slice(index, index + IDS_PER_QUERY).map(eventIdKey);
      queries.push(
        this.lookups
          .find({ _id: { $in: keys } }, { batchSize: keys.length, limit: keys.length })
          .toArray(),
      );
    }
    for (const documents of await Promise.all(queries)) {
      for (const document of documents) {
        if (typeof document.commitId === 'string')
          found.set(document._id.slice(2), document.commitId);
      }
    }
    return found;
  }

  /**
   * Writes the lookups of stored commits (one insertMany for all, in commit order, each commit's
   * event ids before its stream pointer: whoever sees a pointer also sees its commit's ids), then
   * raises the hints the commits cross. Duplicates mean a repair wrote them already.
   */
  async write(
    entries: ReadonlyArray<{ commit: CommitDocument; pointer: StreamPointer }>,
  ): Promise<void> {
    const documents: LookupDocument[] = [];
    for (const { commit, pointer } of entries) {
      for (const eventId of commit.eventIds) {
        documents.push({ _id: eventIdKey(eventId), commitId: commit._id });
      }
      documents.push(pointer);
    }
    const commits = entries.map((entry) => entry.commit);
    for (let index = 0; index < documents.length; index += LOOKUPS_PER_INSERT) {
      await this.insertInOrder(documents.slice(index, index + LOOKUPS_PER_INSERT));
    }
    await this.raiseHints(commits);
  }

  private async insertInOrder(documents: LookupDocument[]): Promise<void> {
    let rest = documents;
    while (rest.length > 0) {
      try {
        await this.lookups.insertMany(rest, { ordered: true });
        return;
      } catch (error) {
        const stored = storedBeforeDuplicate(error);
        if (stored === null) throw error;
        // rest[stored] exists already; carry on after it, in order.
        rest = rest.slice(stored + 1);
      }
    }
  }

  private async raiseHints(commits: readonly CommitDocument[]): Promise<void> {
    const streams = new Map<string, number>();
    let logHint = 0;
    for (const commit of commits) {
      if (crosses(commit.firstRevision, commit.lastRevision, STREAM_HINT_EVERY)) {
        streams.set(
          commit.streamId,
          Math.max(streams.get(commit.streamId) ?? 0, commit.firstRevision),
        );
      }
      if (crosses(commit.firstPosition, commit.lastPosition, LOG_HINT_EVERY)) {
        logHint = Math.max(logHint, commit.firstPosition);
      }
    }
    // `$max` keeps a hint from going back; on FerretDB it is not atomic, so two writers may leave
    // the lower value, which is still a valid start (only a longer walk).
    const updates: AnyBulkWriteOperation<LookupDocument>[] = [...streams].map(
      ([streamId, firstRevision]) => ({
        updateOne: {
          filter: { _id: streamHeadKey(streamId) },
          update: { $max: { firstRevision } },
          upsert: true,
        },
      }),
    );
    if (logHint > 0) {
      updates.push({
        updateOne: {
          filter: { _id: LOG_HEAD_KEY },
          update: { $max: { firstPosition: logHint } },
          upsert: true,
        },
      });
    }
    if (updates.length === 0) return;
    await this.lookups.bulkWrite(updates, { ordered: false }).catch(ignoreHintRace);
  }

  async logHint(): Promise<number | null> {
    const hint = await this.lookups.findOne({ _id: LOG_HEAD_KEY });
    return typeof hint?.firstPosition === 'number' ? hint.firstPosition : null;
  }
}

/** Two upserts of one new hint race to insert it; the loser's value is only a hint. */
function ignoreHintRace(error: unknown): void {
  if (storedBeforeDuplicate(error) === null) ignoreDuplicate(error);
}

function bestAtOrBelow(probe: Probe, revision: number): StreamPointer | null {
  let best: StreamPointer | null = null;
  for (const pointer of probe.pointers.values()) {
    if (pointer.firstRevision <= revision && (!best || pointer.firstRevision > best.firstRevision))
      best = pointer;
  }
  return best;
}
