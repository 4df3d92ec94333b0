// The ledger's verified-up-to checkpoint: a log position up to which the hash chains were
// verified, and the hash of the event there. A start then verifies only the tail after it
// (verifyLogTail) instead of reading the whole log back, which on FerretDB costs ~35 ms per
// 50 KB import commit (about an hour at 100k reports). What each check covers and when the
// full verification still runs: docs/event-store.md, "Verified-up-to checkpoint".
import {
  contentMatchesHash,
  RecordedChainVerifier,
  type PredecessorHash,
} from '../../events/store/recordedChainVerifier';
import type { EventStore, PositionRange, VerificationFailure } from '../../events/store/types';
import type { ReadModels } from '../../models/readModels';

export const VERIFIED_CHECKPOINT = 'ledger.verified';
const DUPLICATE_KEY = 11000;
const BATCH = 1000;

export interface VerifiedCheckpoint {
  position: number;
  /** Hash of the event at `position` (null at position 0). */
  hash: string | null;
}

export async function readVerifiedCheckpoint(
  models: ReadModels,
): Promise<VerifiedCheckpoint | null> {
  const document = (await models.checkpoints.collection.findOne({
    _id: VERIFIED_CHECKPOINT,
  } as never)) as { position?: unknown; hash?: unknown } | null;
  if (!document || typeof document.position !== 'number') return null;
  return {
    position: document.position,
    hash: typeof document.hash === 'string' ? document.hash : null,
  };
}

/**
 * Only moves forwards. The position and its hash are one document written whole, so a race
 * between two verifiers (FerretDB's conditional replace is no guard) can leave the lower of two
 * verified pairs, never a mixed one.
 */
export async function saveVerifiedCheckpoint(
  models: ReadModels,
  checkpoint: VerifiedCheckpoint,
): Promise<void> {
  await models.checkpoints.collection
    .replaceOne(
      { _id: VERIFIED_CHECKPOINT, position: { $lt: checkpoint.position } } as never,
      { ...checkpoint, updatedAt: new Date() } as never,
      { upsert: true },
    )
    .catch((error: { code?: number }) => {
      // A checkpoint at this position or later is there already.
      if (error.code !== DUPLICATE_KEY) throw error;
    });
}

/** The hash of one stored event, read through the stream (one commit fetched). */
export function storedPredecessorHash(store: EventStore): PredecessorHash {
  return async (streamId, revision) => {
    const [event] = await store.readStream(streamId, {
      fromRevision: revision,
      toRevision: revision,
    });
    return event?.revision === revision ? event.hash : null;
  };
}

export interface TailVerification {
  ok: boolean;
  /** The checkpoint it started from: everything at or below it was verified earlier. */
  fromPosition: number;
  eventsChecked: number;
  failures: VerificationFailure[];
  unaccountedPositions: PositionRange[];
}

/**
 * Verifies the log after the verified checkpoint (null: there is none, verify it all) and moves
 * the checkpoint to the head when everything holds. Checks that the event at the checkpoint
 * still has the hash verified there, then every later event: its hash, its link to the previous
 * event of its stream, and positions without a gap up to the head.
 */
export async function verifyLogTail(
  store: EventStore,
  models: ReadModels,
): Promise<TailVerification | null> {
  const checkpoint = await readVerifiedCheckpoint(models);
  if (!checkpoint) return null;
  const head = await store.headPosition();
  const verifier = new RecordedChainVerifier(checkpoint.position, storedPredecessorHash(store));
  const failures: VerificationFailure[] = [];
  if (checkpoint.position > 0) {
    const [anchor] = await store.readAll({ fromPosition: checkpoint.position - 1, maxCount: 1 });
    const intact =
      anchor !== undefined &&
      anchor.position === checkpoint.position &&
      anchor.hash === checkpoint.hash &&
      contentMatchesHash(anchor);
    if (!intact) {
      failures.push({
        streamId: anchor?.streamId ?? '',
        revision: anchor?.revision ?? 0,
        eventId: anchor?.eventId ?? null,
        problem: anchor ? 'content_altered' : 'missing_commit',
        message: `the event at verified position ${checkpoint.position} is ${anchor ? 'not the one verified there' : 'no longer stored'}`,
      });
    }
  }
  while (verifier.position < head) {
    const events = await store.readAll({ fromPosition: verifier.position, maxCount: BATCH });
    if (events.length === 0) break;
    await verifier.check(events);
  }
  verifier.expectHead(head);
  failures.push(...verifier.failures);
  const ok = failures.length === 0 && verifier.gaps.length === 0;
  if (ok && verifier.position > checkpoint.position) {
    await saveVerifiedCheckpoint(models, { position: verifier.position, hash: verifier.hash });
  }
  return {
    ok,
    fromPosition: checkpoint.position,
    eventsChecked: verifier.eventsChecked,
    failures,
    unaccountedPositions: verifier.gaps,
  };
}

/**
 * After a full verification that passed: the checkpoint at `head` (the head read before it
 * began, so the verification covered it).
 */
export async function checkpointVerifiedHead(
  store: EventStore,
  models: ReadModels,
  head: number,
): Promise<void> {
  if (head === 0) return;
  const [event] = await store.readAll({ fromPosition: head - 1, maxCount: 1 });
  if (event?.position === head)
    await saveVerifiedCheckpoint(models, { position: head, hash: event.hash });
}
