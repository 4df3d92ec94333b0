// Follows the global log from the stored checkpoint: catches up what a crash left behind at
// start, and keeps this process's read models current with writes made by other processes.
import { createLogFollower, type LogSubscription } from '../../events/store/logFollower';
import { reportIdOfStream } from '../../events/report/ids';
import type { RecordedEvent } from '../../events/store/types';
import { BASES_CHECKPOINT, readCheckpoint, saveCheckpoint } from './checkpoints';
import { compactReport, ReadModelCompactor } from './compactReadModels';
import type { ProjectionContext } from './projectionContext';
import { projectEvents } from './projectEvents';

export type ProjectedListener = (events: readonly RecordedEvent[], checkpoint: number) => void;

export interface CatchUpResult {
  fromPosition: number;
  checkpoint: number;
  events: number;
}

/** Projects everything up to the head as it is now; returns where it got to. */
export async function catchUpProjections(
  context: ProjectionContext,
  options: { holeTimeoutMs?: number } = {},
): Promise<CatchUpResult> {
  const fromPosition = await readCheckpoint(context);
  const head = await context.store.headPosition();
  const follower = createLogFollower(context.store, {
    fromPosition,
    batchSize: 1000,
    holeTimeoutMs: options.holeTimeoutMs ?? 2000,
  });
  let count = 0;
  while (follower.checkpoint < head) {
    const before = follower.checkpoint;
    const events = await follower.next();
    if (events.length > 0) await projectEvents(context, events);
    count += events.length;
    if (follower.checkpoint > before) await saveCheckpoint(context, follower.checkpoint);
    else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await compactFullDocuments(context, follower.checkpoint, options);
  return { fromPosition, checkpoint: follower.checkpoint, events: count };
}

/**
 * Rewrites the full documents of every report with events after the full-document checkpoint
 * (up to `head`): what a process stopped or killed before its background rewrite left behind.
 */
async function compactFullDocuments(
  context: ProjectionContext,
  head: number,
  options: { holeTimeoutMs?: number },
): Promise<void> {
  const fromPosition = await readCheckpoint(context, BASES_CHECKPOINT);
  if (fromPosition >= head) return;
  const follower = createLogFollower(context.store, {
    fromPosition,
    batchSize: 1000,
    holeTimeoutMs: options.holeTimeoutMs ?? 2000,
  });
  const reportIds = new Set<string>();
  while (follower.checkpoint < head) {
    const before = follower.checkpoint;
    for (const event of await follower.next()) {
      const reportId = reportIdOfStream(event.streamId);
      if (reportId !== null) reportIds.add(reportId);
    }
    if (follower.checkpoint === before) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  for (const reportId of reportIds) await compactReport(context, reportId);
  await saveCheckpoint(context, follower.checkpoint, BASES_CHECKPOINT);
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
