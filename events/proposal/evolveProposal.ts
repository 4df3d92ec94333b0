// evolveProposal(state, event) -> state: folds one stored proposal event. Pure.
import type { RecordedEvent } from '../store/types';
import type {
  ProposalApprovedData,
  ProposalCommentedData,
  ProposalOpenedData,
  ProposalRebasedData,
  ProposalRejectedData,
} from './proposalEvents';
import type { MaybeProposalState, ProposalNote, ProposalState } from './proposalState';

function noteOf(
  event: RecordedEvent,
  kind: ProposalNote['kind'],
  text: string | null,
): ProposalNote {
  return {
    eventId: event.eventId,
    kind,
    actor: { id: event.metadata.actor.id, name: event.metadata.actor.name },
    text,
    recordedAt: new Date(event.recordedAt),
  };
}

function touched(state: ProposalState, event: RecordedEvent, note: ProposalNote): ProposalState {
  return {
    ...state,
    notes: [...state.notes, note],
    revision: event.revision,
    updatedAt: new Date(event.recordedAt),
  };
}

/** Folds one event. Unknown event types only advance the revision (forward compatibility). */
export function evolveProposal(
  state: MaybeProposalState,
  event: RecordedEvent,
): MaybeProposalState {
  if (event.type === 'ProposalOpened') {
    const data = event.data as ProposalOpenedData;
    const recordedAt = new Date(event.recordedAt);
    return {
      proposalId: data.proposalId,
      reportId: data.reportId,
      agencyId: data.agencyId,
      agency: data.agency,
      year: data.year,
      proposedBy: { id: event.metadata.actor.id, name: event.metadata.actor.name },
      reason: event.metadata.reason ?? '',
      baseRevision: data.baseRevision,
      changes: data.changes,
      status: 'open',
      review: null,
      notes: [],
      revision: event.revision,
      openedAt: recordedAt,
      updatedAt: recordedAt,
    };
  }
  if (state === null) return null;
  switch (event.type) {
    case 'ProposalCommented':
      return touched(
        state,
        event,
        noteOf(event, 'comment', (event.data as ProposalCommentedData).text),
      );
    case 'ProposalRebased': {
      const data = event.data as ProposalRebasedData;
      return touched(
        { ...state, baseRevision: data.baseRevision, changes: data.changes },
        event,
        noteOf(event, 'rebase', event.metadata.reason ?? null),
      );
    }
    case 'ProposalApproved': {
      const data = event.data as ProposalApprovedData;
      const note = noteOf(event, 'approve', data.comment);
      return touched(
        {
          ...state,
          status: 'approved',
          review: {
            decision: 'approve',
            reviewer: note.actor,
            comment: data.comment,
            recordedAt: note.recordedAt,
            reportRevision: data.reportRevision,
            appliedEventId: data.appliedEventId,
          },
        },
        event,
        note,
      );
    }
    case 'ProposalApplyFailed':
      return touched(
        { ...state, status: 'open', review: null },
        event,
        noteOf(event, 'applyFailed', null),
      );
    case 'ProposalRejected': {
      const data = event.data as ProposalRejectedData;
      const note = noteOf(event, 'reject', data.comment);
      return touched(
        {
          ...state,
          status: 'rejected',
          review: {
            decision: 'reject',
            reviewer: note.actor,
            comment: data.comment,
            recordedAt: note.recordedAt,
            reportRevision: null,
            appliedEventId: null,
          },
        },
        event,
        note,
      );
    }
    default:
      return { ...state, revision: event.revision };
  }
}

export function foldProposal(
  state: MaybeProposalState,
  events: readonly RecordedEvent[],
): MaybeProposalState {
  return events.reduce<MaybeProposalState>(evolveProposal, state);
}
