// The bulk path: many appends (to many streams) in a few commands. Each append is still one
// commit, built on its stream's head (an earlier append of the same batch included), hash-chained
// and idempotent by event id exactly as appendToStream. The commits of a batch take consecutive
// positions and go in one ordered insertMany: the server stores them in order and stops at the
// first that clashes, so what is stored is a gap-free prefix, and the rest is rebuilt on a fresh
// view and sent again. Then one insertMany writes all their lookups, in commit order.
import { buildCommit } from './buildCommit';
import {
  pointerOf,
  toRecordedEvent,
  type CommitDocument,
  type StreamPointer,
} from './commitDocument';
import { storedBeforeDuplicate } from './duplicateKey';
import { expectationMet } from './expectedRevision';
import { findRepeat } from './findRepeat';
import { repairLookups } from './repairLookups';
import { inFlight, pause, type StoreParts } from './storeParts';
import {
  WrongExpectedRevision,
  type AppendResult,
  type StreamAppendOutcome,
  type StreamRevision,
} from './types';
import type { PreparedAppend } from './validateAppend';

/** Most commits per insertMany, and most bytes of events (the server's limit is 48 MB). */
const COMMITS_PER_INSERT = 500;
const BYTES_PER_INSERT = 8 * 1024 * 1024;
/** Head lookups in flight at once. */
const HEAD_LOOKUPS_IN_FLIGHT = 8;

interface Built {
  index: number;
  commit: CommitDocument;
  /** The head the commit was built on. */
  head: StreamPointer | null;
  pointer: StreamPointer;
}

export async function appendPreparedMany(
  parts: StoreParts,
  appends: ReadonlyArray<PreparedAppend | Error>,
): Promise<StreamAppendOutcome[]> {
  const outcomes: Array<StreamAppendOutcome | undefined> = appends.map((append) =>
    append instanceof Error ? { ok: false, error: append } : undefined,
  );
  const settle = (index: number, outcome: StreamAppendOutcome) => {
    outcomes[index] = outcome;
  };
  let pending = appends.flatMap((append, index) => (append instanceof Error ? [] : [index]));
  const prepared = (index: number) => appends[index] as PreparedAppend;
  /** Pointers known to exist per stream: where fresh head lookups start. */
  const known = new Map<string, StreamPointer>();
  /** Streams whose cached head proved stale or whose append clashed: look them up. */
  const stale = new Set<string>();
  for (let round = 1; pending.length > 0; round++) {
    if (round > parts.maxAppendAttempts) {
      for (const index of pending) {
        settle(index, {
          ok: false,
          error: new Error(
            `stream ${prepared(index).streamId}: gave up after ${parts.maxAppendAttempts} attempts lost to concurrent appends; nothing was written`,
          ),
        });
      }
      break;
    }
    const clock = parts.clock.now();
    clock.catch(() => undefined);

    // 1. Heads: cached, assumed new (first append of the stream says 'no_stream'), or looked up.
    const heads = new Map<string, StreamPointer | null>();
    const fromCache = new Set<string>();
    const toLookUp = new Set<string>();
    for (const index of pending) {
      const { streamId, expectedRevision } = prepared(index);
      if (heads.has(streamId) || toLookUp.has(streamId)) continue;
      const cached = stale.has(streamId) ? undefined : parts.heads.get(streamId);
      if (cached) {
        heads.set(streamId, cached);
        fromCache.add(streamId);
      } else if (!stale.has(streamId) && expectedRevision === 'no_stream') {
        heads.set(streamId, null);
        fromCache.add(streamId);
      } else toLookUp.add(streamId);
    }
    await inPool([...toLookUp], HEAD_LOOKUPS_IN_FLIGHT, async (streamId) => {
      const head = await parts.streams.head(streamId, known.get(streamId));
      heads.set(streamId, head);
      if (head) {
        known.set(streamId, head);
        parts.heads.remember(streamId, head);
      }
    });
    stale.clear();

    // 2. Event ids, after the heads: repeats and conflicts settle their appends here.
    const checked = pending.filter(
      (index) => toLookUp.has(prepared(index).streamId) || parts.idsNeedCheck(prepared(index)),
    );
    const ids = checked.flatMap((index) => prepared(index).events.map((event) => event.eventId));
    const found = ids.length > 0 ? await parts.streams.commitIdsOfEvents(ids) : new Map();
    const settled = new Set<number>();
    for (const index of checked) {
      const append = prepared(index);
      if (!append.events.some((event) => found.has(event.eventId))) continue;
      settled.add(index);
      try {
        const repeat = await findRepeat(parts, append, found);
        if (repeat) settle(index, { ok: true, result: repeat });
        else settled.delete(index);
      } catch (error) {
        settle(index, { ok: false, error: error as Error });
      }
    }
    const now = await clock;

    // 3. Build the commits on consecutive positions, chaining appends of one stream.
    let position = await parts.positions.nextPosition();
    const built: Built[] = [];
    const next: number[] = [];
    const deferred = new Set<string>();
    for (const index of pending) {
      if (settled.has(index)) continue;
      const append = prepared(index);
      if (deferred.has(append.streamId)) {
        next.push(index);
        continue;
      }
      const head = heads.get(append.streamId) ?? null;
      const actual: StreamRevision = head ? head.lastRevision : 'no_stream';
      if (!expectationMet(append.expectedRevision, actual)) {
        if (fromCache.has(append.streamId)) {
          // The cached head may be behind: look it up next round before saying no.
          deferred.add(append.streamId);
          stale.add(append.streamId);
          next.push(index);
        } else if (append.events.every((event) => event.generatedId)) {
          settle(index, {
            ok: false,
            error: new WrongExpectedRevision(append.streamId, append.expectedRevision, actual),
          });
        } else {
          settle(index, await rejectedOrRepeat(parts, append, actual));
        }
        continue;
      }
      const recordedAt = head && head.recordedAt > now ? head.recordedAt : now;
      const commit = buildCommit(append, head, position, recordedAt);
      position = commit.lastPosition + 1;
      const pointer = pointerOf(commit, head);
      heads.set(append.streamId, pointer);
      built.push({ index, commit, head, pointer });
    }

    // 4. Insert in order; keep the stored prefix, send the rest again on a fresh view.
    const { stored, clash, unsent } = await insertInOrder(parts, built);
    if (stored.length > 0) {
      await parts.streams.write(stored);
      for (const { index, commit, pointer } of stored) {
        parts.heads.remember(commit.streamId, pointer);
        parts.positions.note(commit);
        settle(index, { ok: true, result: resultOf(commit) });
      }
    }
    if (clash) {
      await afterClash(parts, clash, prepared(clash.index));
      stale.add(clash.commit.streamId);
      if (clash.head) known.set(clash.commit.streamId, clash.head);
      next.push(clash.index, ...unsent.map((entry) => entry.index));
      await pause(Math.random() * Math.min(20, round * 2));
    }
    pending = [...new Set(next)].sort((a, b) => a - b);
  }
  return outcomes.map(
    (outcome, index) =>
      outcome ?? { ok: false, error: new Error(`append ${index} was not settled (a bug)`) },
  );
}

/** The outcome of an append whose expectation failed on a fresh head: a repeat, or rejected. */
async function rejectedOrRepeat(
  parts: StoreParts,
  append: PreparedAppend,
  actual: StreamRevision,
): Promise<StreamAppendOutcome> {
  try {
    const repeat = await findRepeat(parts, append);
    if (repeat) return { ok: true, result: repeat };
    return {
      ok: false,
      error: new WrongExpectedRevision(append.streamId, append.expectedRevision, actual),
    };
  } catch (error) {
    return { ok: false, error: error as Error };
  }
}

async function insertInOrder(
  parts: StoreParts,
  built: Built[],
): Promise<{ stored: Built[]; clash: Built | null; unsent: Built[] }> {
  for (const { commit } of built) await parts.hooks.beforeInsertCommit?.(inFlight(commit));
  const stored: Built[] = [];
  let offset = 0;
  while (offset < built.length) {
    let end = offset;
    let bytes = 0;
    while (end < built.length && end - offset < COMMITS_PER_INSERT) {
      bytes += built[end]!.commit.events.reduce((sum, event) => sum + event.dataJson.length, 0);
      if (end > offset && bytes > BYTES_PER_INSERT) break;
      end++;
    }
    const chunk = built.slice(offset, end);
    try {
      await parts.commits.insertMany(
        chunk.map((entry) => entry.commit),
        { ordered: true },
      );
      stored.push(...chunk);
    } catch (error) {
      const count = storedBeforeDuplicate(error);
      if (count === null) {
        // Unknown outcome: write the lookups of what is known stored, then report the failure.
        if (stored.length > 0) await parts.streams.write(stored);
        throw error;
      }
      stored.push(...chunk.slice(0, count));
      return { stored, clash: chunk[count] ?? null, unsent: built.slice(offset + count + 1) };
    }
    offset = end;
  }
  return { stored, clash: null, unsent: [] };
}

/** After a clash: a taken position needs no more; a taken revision or id, a fresh head. */
async function afterClash(parts: StoreParts, clash: Built, append: PreparedAppend): Promise<void> {
  const { commit, head } = clash;
  const occupant = await parts.commits.findOne(
    { _id: commit._id },
    { projection: { streamId: 1, firstRevision: 1, firstPosition: 1, lastPosition: 1 } },
  );
  const positionTaken =
    occupant !== null &&
    (occupant.streamId !== commit.streamId || occupant.firstRevision !== commit.firstRevision);
  if (positionTaken) {
    parts.positions.note(occupant);
    await parts.positions.head();
    return;
  }
  parts.heads.forget(commit.streamId);
  const now = await parts.streams.head(commit.streamId, head ?? undefined);
  if (!now || now.lastRevision === head?.lastRevision) await repairLookups(parts, append);
}

function resultOf(commit: CommitDocument): AppendResult {
  return {
    streamId: commit.streamId,
    nextExpectedRevision: commit.lastRevision,
    position: commit.lastPosition,
    events: commit.events.map((stored) => toRecordedEvent(commit, stored)),
    alreadyAppended: false,
  };
}

async function inPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) await work(items[next++] as T);
    }),
  );
}
