// A proposal as folded from its stream.
import type { ActorRef } from '../report/reportState';
import type { ProposedChangeData } from './proposalEvents';

/** Stored status; STALE is not stored: it follows from the report (see staleKeys). */
export type ProposalStatus = 'open' | 'approved' | 'rejected';

/** One entry of the proposal's discussion: a comment, or what a review or rebase said. */
export interface ProposalNote {
  eventId: string;
  kind: 'comment' | 'rebase' | 'approve' | 'reject' | 'applyFailed';
  actor: ActorRef;
  text: string | null;
  recordedAt: Date;
}

export interface ProposalReview {
  decision: 'approve' | 'reject';
  reviewer: ActorRef;
  comment: string | null;
  recordedAt: Date;
  /** Approvals: the report revision applied on and the report event that applied it. */
  reportRevision: number | null;
  appliedEventId: string | null;
}

export interface ProposalState {
  proposalId: string;
  reportId: string;
  agencyId: string;
  agency: string;
  year: number;
  proposedBy: ActorRef;
  reason: string;
  baseRevision: number;
  changes: ProposedChangeData[];
  status: ProposalStatus;
  review: ProposalReview | null;
  notes: ProposalNote[];
  /** Revision of the proposal stream's last event. */
  revision: number;
  openedAt: Date;
  updatedAt: Date;
}

export type MaybeProposalState = ProposalState | null;
