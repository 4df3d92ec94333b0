// The append protocol of one call: one commit, claimed by one insert.
//
// Warm (this process knows the stream's head and the log's last position), an append is three
// commands: `hello` (the server's clock), the commit's insertOne, and one insertMany of its
// lookups. On FerretDB, when the caller chose the event ids, a fourth looks them up first (see
// StoreParts.idsNeedCheck). Nothing is looked up that the unique keys would catch anyway: a head
// or position this process knows may be stale, and then the insert fails on
// (streamId, firstRevision) or on `_id`, and the append looks up what changed and tries again.
import { buildCommit } from './buildCommit';
import {
  pointerOf,
  toRecordedEvent,
  type CommitDocument,
  type StreamPointer,
} from './commitDocument';
import { isDuplicateKey } from './duplicateKey';
import { expectationMet } from './expectedRevision';
import { findRepeat } from './findRepeat';
import { repairLookups } from './repairLookups';
import { inFlight, pause, type StoreParts } from './storeParts';
import { WrongExpectedRevision, type AppendResult, type StreamRevision } from './types';
import type { PreparedAppend } from './validateAppend';

export async function appendPrepared(
  parts: StoreParts,
  append: PreparedAppend,
): Promise<AppendResult> {
  const { streamId } = append;
  /** A pointer of the stream known to exist: where a fresh head lookup may start. */
  let known: StreamPointer | undefined;
  for (let attempt = 1; ; attempt++) {
    const clock = parts.clock.now();
    // Swallowed here, awaited below: a rejection must not go unhandled while the head is read.
    clock.catch(() => undefined);
    const cached = attempt === 1 ? parts.heads.get(streamId) : undefined;
    // A stream this process has never seen, appended to as new: no lookup; if it exists after
    // all, revision 0 is taken and the insert says so.
    const assumeNew = attempt === 1 && !cached && append.expectedRevision === 'no_stream';
    const head: StreamPointer | null =
      cached ?? (assumeNew ? null : await parts.streams.head(streamId, known));
    if (head) known = head;
    // The ids are checked after the head is known (see docs/event-store.md, "Exactly once").
    const repeat =
      attempt > 1 || parts.idsNeedCheck(append) ? await findRepeat(parts, append) : null;
    const now = await clock;
    if (repeat) return repeat;
    const actual: StreamRevision = head ? head.lastRevision : 'no_stream';
    if (!expectationMet(append.expectedRevision, actual)) {
      // A cached head may be behind: look it up before saying no (and look for a repeat then).
      if (cached || assumeNew) continue;
      throw new WrongExpectedRevision(streamId, append.expectedRevision, actual);
    }
    if (attempt > parts.maxAppendAttempts) {
      throw new Error(
        `stream ${streamId}: gave up after ${parts.maxAppendAttempts} attempts lost to concurrent appends; nothing was written`,
      );
    }
    const recordedAt = head && head.recordedAt > now ? head.recordedAt : now;
    const commit = await insertCommit(parts, append, head, recordedAt);
    if (!commit) {
      parts.heads.forget(streamId);
      await pause(Math.random() * Math.min(20, attempt * 2));
      continue;
    }
    const pointer = pointerOf(commit, head);
    await parts.streams.write([{ commit, pointer }]);
    parts.heads.remember(streamId, pointer);
    return {
      streamId,
      nextExpectedRevision: commit.lastRevision,
      position: commit.lastPosition,
      events: commit.events.map((stored) => toRecordedEvent(commit, stored)),
      alreadyAppended: false,
    };
  }
}

/**
 * Inserts the commit at the next free position, retrying only the position while other commits
 * take it. Returns null when the clash is on the stream revision or an event id: the caller
 * starts over with a fresh head.
 */
async function insertCommit(
  parts: StoreParts,
  append: PreparedAppend,
  head: StreamPointer | null,
  recordedAt: Date,
): Promise<CommitDocument | null> {
  let position = await parts.positions.nextPosition();
  for (let attempt = 1; ; attempt++) {
    const commit = buildCommit(append, head, position, recordedAt);
    await parts.hooks.beforeInsertCommit?.(inFlight(commit));
    try {
      await parts.commits.insertOne(commit);
      parts.positions.note(commit);
      return commit;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
    const occupant = await parts.commits.findOne(
      { _id: commit._id },
      { projection: { streamId: 1, firstRevision: 1, firstPosition: 1, lastPosition: 1 } },
    );
    const positionTaken =
      occupant !== null &&
      (occupant.streamId !== commit.streamId || occupant.firstRevision !== commit.firstRevision);
    if (!positionTaken || attempt >= parts.maxAppendAttempts) {
      await afterClash(parts, append, head);
      return null;
    }
    parts.positions.note(occupant);
    position = ((await parts.positions.head())?.lastPosition ?? 0) + 1;
  }
}

/** Usually the winner's lookups are there already; scan only when the head did not move. */
async function afterClash(
  parts: StoreParts,
  append: PreparedAppend,
  head: StreamPointer | null,
): Promise<void> {
  const now = await parts.streams.head(append.streamId, head ?? undefined);
  if (!now || now.lastRevision === head?.lastRevision) await repairLookups(parts, append);
}
