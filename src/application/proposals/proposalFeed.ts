// The proposalChanged subscription's source: follows the shared event log (proposal streams
// only) from the head at subscription time, so a proposal changed through any server process
// arrives. Each subscription follows the log on its own; proposal traffic is small, and the
// report change feed (src/subscriptions/changeFeed.ts) is left as it is.
import { PROPOSAL_STREAM_PREFIX, proposalIdOfStream } from '../../../events/proposal/proposalIds';
import { createLogFollower } from '../../../events/store/logFollower';
import type { ProposalReadDocument } from '../../../models/proposalReadModel';
import type { ProjectionContext } from '../../projections/projectionContext';
import { projectProposal } from '../../projections/projectProposal';
import { createPushQueue } from '../../subscriptions/pushQueue';

export type ProposalPredicate = (proposal: ProposalReadDocument) => boolean;

/** Subscriptions following the log now, per store (tests wait for theirs to start). */
const active = new WeakMap<object, number>();

export function activeProposalSubscriptions(context: ProjectionContext): number {
  return active.get(context.store) ?? 0;
}

function count(context: ProjectionContext, delta: 1 | -1): void {
  active.set(context.store, activeProposalSubscriptions(context) + delta);
}

/** Every proposal that changes from now on and `matches`, once per change of its stream. */
export async function proposalChanges(
  context: ProjectionContext,
  matches: ProposalPredicate,
  options: { pollIntervalMs?: number; capacity?: number } = {},
): Promise<AsyncIterableIterator<ProposalReadDocument>> {
  const follower = createLogFollower(context.store, {
    fromPosition: await context.store.headPosition(),
    streamPrefix: PROPOSAL_STREAM_PREFIX,
    pollIntervalMs: options.pollIntervalMs ?? 200,
  });
  let stopped = false;
  const queue = createPushQueue<ProposalReadDocument>({
    capacity: options.capacity ?? 1000,
    onClose: () => {
      if (stopped) return;
      stopped = true;
      count(context, -1);
      void subscription.stop();
    },
  });
  const subscription = follower.subscribe(async (events) => {
    const ids = [
      ...new Set(events.map((event) => proposalIdOfStream(event.streamId)).filter(Boolean)),
    ] as string[];
    for (const id of ids) {
      // The read model as of at least these events: a subscriber may query it on a notice.
      const document = await projectProposal(context, id);
      if (document && matches(document)) queue.push(document);
    }
  });
  subscription.done.catch((error: unknown) =>
    queue.fail(error instanceof Error ? error : new Error(String(error))),
  );
  count(context, 1);
  return queue;
}
