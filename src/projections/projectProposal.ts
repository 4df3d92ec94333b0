// Proposals read model from the proposal streams. A document is the whole stream folded (a
// proposal has a handful of events), so writing it twice writes the same, and a rebuild is a
// re-fold. A write only replaces a document of a lower revision: a lagging writer's older
// fold loses to the duplicate key of the newer one.
import { foldProposal } from '../../events/proposal/evolveProposal';
import { proposalIdOfStream, proposalStreamId } from '../../events/proposal/proposalIds';
import type { RecordedEvent } from '../../events/store/types';
import type { ProposalReadDocument } from '../../models/proposalReadModel';
import type { ProjectionContext } from './projectionContext';

const DUPLICATE_KEY = 11000;

/** Folds the proposal's stream and stores it; null when the stream has no events. */
export async function projectProposal(
  context: ProjectionContext,
  proposalId: string,
): Promise<ProposalReadDocument | null> {
  const state = foldProposal(null, await context.store.readStream(proposalStreamId(proposalId)));
  if (!state) return null;
  const document: ProposalReadDocument = { _id: proposalId, ...state };
  await context.models.proposals.collection
    .replaceOne({ _id: proposalId, revision: { $lt: state.revision } } as never, document, {
      upsert: true,
    })
    .catch((error: { code?: number }) => {
      // The stored document is at this revision or later already.
      if (error.code !== DUPLICATE_KEY) throw error;
    });
  return document;
}

/** The log follower's step: the proposals of `events` that the stored documents lack. */
export async function projectProposalEvents(
  context: ProjectionContext,
  events: readonly RecordedEvent[],
): Promise<void> {
  const latest = new Map<string, number>();
  for (const event of events) {
    const proposalId = proposalIdOfStream(event.streamId);
    if (proposalId !== null)
      latest.set(proposalId, Math.max(event.revision, latest.get(proposalId) ?? -1));
  }
  for (const [proposalId, revision] of latest) {
    const stored = await context.models.proposals
      .findById(proposalId, { revision: 1 })
      .lean<{ revision: number }>()
      .exec();
    // The usual case: the writer projected its own append already.
    if (stored && stored.revision >= revision) continue;
    await projectProposal(context, proposalId);
  }
}
