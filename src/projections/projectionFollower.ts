// Follows the global log from the stored checkpoint: catches up what a crash left behind at
// start, and keeps this process's read models current with writes made by other processes.
import { createLogFollower, type LogSubscription } from '../../events/store/logFollower';
import { reportIdOfStream } from '../../events/report/ids';
import { RecordedChainVerifier } from '../../events/store/recordedChainVerifier';
import type { RecordedEvent } from '../../events/store/types';
import { BASES_CHECKPOINT, readCheckpoint, saveCheckpoint } from './checkpoints';
import { compactReport, ReadModelCompactor } from './compactReadModels';
import type { ProjectionContext } from './projectionContext';
import { projectEvents } from './projectEvents';
import { projectLogBatch } from './projectLogBatch';
import {
  readVerifiedCheckpoint,
  saveVerifiedCheckpoint,
  storedPredecessorHash,
} from './verifiedCheckpoint';

export type ProjectedListener = (events: readonly RecordedEvent[], checkpoint: number) => void;

export interface CatchUpResult {
  fromPosition: number;
  checkpoint: number;
  events: number;
  /** The verified-up-to checkpoint after the catch-up (see verifiedCheckpoint.ts). */
  verifiedUpTo: number;
}

/**
 * Verifies the events the catch-up reads anyway, when the verified checkpoint reaches where
 * it starts (else the start's tail verification reads what lies in between); null otherwise.
 */
async function catchUpVerifier(
  context: ProjectionContext,
  fromPosition: number,
): Promise<RecordedChainVerifier | null> {
  const verified = (await readVerifiedCheckpoint(context.models)) ?? { position: 0, hash: null };
  if (verified.position < fromPosition) return null;
  return new RecordedChainVerifier(verified.position, storedPredecessorHash(context.store));
}

/**
 * Projects everything up to the head as it is now; returns where it got to. A batch of the log
 * at a time, folded in memory per report (projectLogBatch.ts): a catch-up is usually far behind
 * (a start after a crash or a bulk load), where the per-event path manages ~10 reports/s.
 */
export async function catchUpProjections(
  context: ProjectionContext,
  options: {
    holeTimeoutMs?: number;
    /** Told after each projected batch: the position reached and the head aimed at. */
    progress?: (position: number, head: number) => void;
  } = {},
): Promise<CatchUpResult> {
  const fromPosition = await readCheckpoint(context);
  const head = await context.store.headPosition();
  // Full documents a stopped process's background rewrite left behind, up to where this starts.
  await compactFullDocuments(context, fromPosition, options);
  const follower = createLogFollower(context.store, {
    fromPosition,
    batchSize: 1000,
    holeTimeoutMs: options.holeTimeoutMs ?? 2000,
  });
  let count = 0;
  // Reports whose stored full document may be behind what readers see (see BatchProjection).
  const behind = new Set<string>();
  const verifier = await catchUpVerifier(context, fromPosition);
  let verifiedUpTo = (await readVerifiedCheckpoint(context.models))?.position ?? 0;
  // The next batch is read and verified while this one is written: reading the log does not
  // depend on the read models, and the writes are what a catch-up waits for.
  const read = async () => {
    const before = follower.checkpoint;
    const events = await follower.next();
    if (follower.checkpoint === before) await new Promise((resolve) => setTimeout(resolve, 50));
    await verifier?.check(events);
    const checkpoint = follower.checkpoint;
    // The hash at the checkpoint when everything up to it verified (else null).
    const verified =
      verifier?.ok && verifier.position === checkpoint && checkpoint > 0 ? verifier.hash : null;
    return { events, checkpoint, verified };
  };
  let current = follower.checkpoint < head ? await read() : null;
  let projected = fromPosition;
  while (current) {
    const ahead = current.checkpoint < head ? read() : null;
    // Surfaced by the `await ahead` below; never left unhandled if this batch throws.
    ahead?.catch(() => undefined);
    if (current.events.length > 0) {
      for (const reportId of (await projectLogBatch(context, current.events)).behind)
        behind.add(reportId);
    }
    count += current.events.length;
    if (current.checkpoint > projected) {
      await saveCheckpoint(context, current.checkpoint);
      projected = current.checkpoint;
      options.progress?.(projected, head);
    }
    // A skipped hole or a failure leaves the checkpoint where it was: the server's
    // verification then reads the stretch again and reports what is wrong.
    if (current.verified !== null && projected > verifiedUpTo) {
      await saveVerifiedCheckpoint(context.models, { position: projected, hash: current.verified });
      verifiedUpTo = projected;
    }
    current = ahead ? await ahead : null;
  }
  for (const reportId of behind) await compactReport(context, reportId);
  if (projected > fromPosition) await saveCheckpoint(context, projected, BASES_CHECKPOINT);
  return { fromPosition, checkpoint: projected, events: count, verifiedUpTo };
}

/**
 * Rewrites the full documents of every report with events after the full-document checkpoint
 * (up to `upTo`, where the projections' catch-up starts): what a process stopped or killed
 * before its background rewrite left behind.
 */
async function compactFullDocuments(
  context: ProjectionContext,
  upTo: number,
  options: { holeTimeoutMs?: number },
): Promise<void> {
  const fromPosition = await readCheckpoint(context, BASES_CHECKPOINT);
  if (fromPosition >= upTo) return;
  const follower = createLogFollower(context.store, {
    fromPosition,
    batchSize: 1000,
    holeTimeoutMs: options.holeTimeoutMs ?? 2000,
  });
  const reportIds = new Set<string>();
  while (follower.checkpoint < upTo) {
    const before = follower.checkpoint;
    for (const event of await follower.next()) {
      if (event.position > upTo) break;
      const reportId = reportIdOfStream(event.streamId);
      if (reportId !== null) reportIds.add(reportId);
    }
    if (follower.checkpoint === before) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const reportId of reportIds) await compactReport(context, reportId);
  await saveCheckpoint(context, upTo, BASES_CHECKPOINT);
}

export interface ProjectionFollower {
  /** Position up to which this process has projected. */
  readonly checkpoint: number;
  /** Called after each projected batch (for subscriptions, metrics). */
  onProjected(listener: ProjectedListener): () => void;
  stop(): Promise<void>;
  readonly done: Promise<void>;
}

export async function startProjectionFollower(
  context: ProjectionContext,
  options: {
    pollIntervalMs?: number;
    holeTimeoutMs?: number;
    fromPosition?: number;
    /** Quiet spell after which changed reports' full documents are rewritten (ms). */
    compactAfterMs?: number;
  } = {},
): Promise<ProjectionFollower> {
  const fromPosition = options.fromPosition ?? (await readCheckpoint(context));
  const follower = createLogFollower(context.store, {
    fromPosition,
    pollIntervalMs: options.pollIntervalMs ?? 250,
    holeTimeoutMs: options.holeTimeoutMs ?? 2000,
  });
  const listeners = new Set<ProjectedListener>();
  let checkpoint = fromPosition;
  const compactor = new ReadModelCompactor(context, {
    ...(options.compactAfterMs !== undefined ? { idleMs: options.compactAfterMs } : {}),
  });
  const subscription: LogSubscription = follower.subscribe(async (events, next) => {
    const reportIds = events.length > 0 ? await projectEvents(context, events) : [];
    await saveCheckpoint(context, next);
    compactor.markDirty(reportIds, next);
    checkpoint = next;
    for (const listener of listeners) {
      try {
        listener(events, next);
      } catch {
        // A listener's failure is its own; projection goes on.
      }
    }
  });
  return {
    get checkpoint() {
      return checkpoint;
    },
    onProjected(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      await subscription.stop();
      // Leaves nothing for the next start: what was appended up to now is projected, and the
      // full documents of the reports it changed are rewritten.
      try {
        const head = await context.store.headPosition();
        while (follower.checkpoint < head) {
          const before = follower.checkpoint;
          const events = await follower.next();
          const reportIds = events.length > 0 ? await projectEvents(context, events) : [];
          if (follower.checkpoint === before) break;
          await saveCheckpoint(context, follower.checkpoint);
          checkpoint = follower.checkpoint;
          compactor.markDirty(reportIds, follower.checkpoint);
        }
      } finally {
        await compactor.stop();
      }
    },
    done: subscription.done,
  };
}
